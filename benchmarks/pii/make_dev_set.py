"""Development PII text set: international formats, letter and address blocks.

This is the development set for the PII detector's international formats, kept beside
the original set (``data/text_eval.jsonl``, written by ``make_eval_sets.py``). Tune the
detector on this set; a separate frozen set scores it. The script writes
``benchmarks/pii/data/text_dev.jsonl``: 900 English documents (ids ``d0001``...) whose
people, places, addresses, phone numbers, postcodes and identifiers come from 19 locales
and are written the way those countries write them, in 14 real-world layouts (email
signatures, business letters, shipping labels, invoices, CV headers, chat transcripts,
support tickets, forum posts, meeting notes, delivery notes, contact forms, booking
confirmations, appointment reminders, HR records) from 71 templates. About 15% of the
documents hold no PII at all, only look-alikes.

Every value list and format function is this file's own (no Faker, no package name
lists); standard library only; ``random.Random`` with a fixed seed, nothing reads the
clock or the network, so each run writes a byte-identical file. Identifiers carry valid
check digits where the real ones have them (cards: Luhn; IBAN: mod 97; PESEL,
personnummer, HETU, fodselsnummer, rodne cislo, Steuer-ID, NIR, DNI/NIE, codice fiscale,
NIF, CPF, BSN, TAJ, Hungarian tax id, SIN, TFN, Aadhaar; the self-check re-verifies them), and
ids that encode a birth date agree with the person's date of birth.

Record (JSON Lines, UTF-8, one document per line)::

    {"id": "d0001", "locale": "pl_PL", "layout": "shipping_label", "template": "label_caps",
     "text": "...", "spans": [{"start": 0, "end": 14, "label": "PERSON"}, ...]}

Offsets are Python ``str`` indices into ``text``, end exclusive; spans are sorted by
start, never overlap and never start or end on whitespace. Texts are built from segments,
so offsets are exact; the self-check re-reads the file and compares each span's text
with the value inserted.

Label conventions:

* PERSON: a person's whole name as one span (given + family, "Lastname, Firstname",
  Hungarian family-first "Nagy Anna", "NOWAK/ANNA", "A. Nowak", ALL CAPS on labels); a given
  name or a surname alone is also PERSON. TITLE (Mr, Mrs, Dr., Prof., Herr, Frau, Sig.ra, Pani, Ing., MUDr.,
  dhr. ...) is its own span; "Frau Dr. Schmidt" is TITLE + TITLE + PERSON.
* ORGANIZATION: any company, shop, school, hospital, clinic, hotel, NGO or team, with or
  without a legal-form suffix (the suffix is inside the span).
* STREET_ADDRESS: the street line (number and street in either order) including its unit
  when the unit is on the same line ("Calle Mayor 5, 3º B", "1842 Maple Avenue, Apt 4B",
  "ul. Długa 5 m. 3"); a unit line of its own ("Suite 400", "Flat 3", "m. 12", "3. OG") and
  a PO box line are STREET_ADDRESS too. In the one-line form of an address block the unit
  joins the street, so street and unit are one span there.
* LOCATION: each city, town, district, state/region/province and country is its own span,
  also inside address blocks and in ALL CAPS ("Toronto, ON" is two spans).
* POSTCODE: each postal code, its own span even on the city's line ("00-950 Warszawa" is
  POSTCODE + LOCATION).
* PHONE_NUMBER: the number with its country prefix and parentheses that belong to it
  ("(415) 555-0123", "+44 (0)20 7946 0123"); not a trailing "office"/"mobile"/"fax" or a
  "Tel."/"Fax:" label, and not parentheses that only wrap it ("Ann Kowalski (4155550123)"
  labels the ten digits). Fax numbers are PHONE_NUMBER.
* EMAIL_ADDRESS: every address, role mailboxes (info@, support@) included. URL: with a
  scheme or "www.". DOMAIN_NAME: a bare host name written without scheme or www
  ("nowak-dental.pl", "mail.kowalski-bud.pl"). The host inside a URL or an email is not
  labelled separately (spans never overlap).
* CREDIT_CARD (with spaces, dashes or none), IBAN_CODE (grouped in fours or not),
  US_SSN, NATIONAL_ID (every other national person number), IP_ADDRESS (v4 and v6),
  DATE_OF_BIRTH (birth dates only).
* Not labelled (decoys): order, invoice, ticket, tracking, customer and employee numbers,
  SKUs, VAT ids and BIC codes of companies, masked card numbers, amounts, ordinary dates and
  times, versions and builds, product names, quantities, room/gate/seat/flight numbers,
  percentages, words that look like names ("Will", "Rose", "Bill", "Mark", "May"),
  weekdays and months, nationality and language words.

Command (from the repository root)::

    .venv/bin/python benchmarks/pii/make_dev_set.py

It writes the file, runs the self-check (span texts, order, overlaps, whitespace, labels,
a second generation in memory must give the same bytes) and prints documents per locale,
per layout and spans per label.
"""

from __future__ import annotations

import json
import pathlib
import random
import sys
import unicodedata
from collections import Counter
from datetime import date, timedelta

SEED = 20240917
N_DOCS = 900
NO_PII_SHARE = 0.15
OUT = pathlib.Path(__file__).resolve().parent / "data" / "text_dev.jsonl"

PERSON = "PERSON"
TITLE = "TITLE"
ORG = "ORGANIZATION"
STREET = "STREET_ADDRESS"
LOCATION = "LOCATION"
POSTCODE = "POSTCODE"
PHONE = "PHONE_NUMBER"
EMAIL = "EMAIL_ADDRESS"
URL = "URL"
DOMAIN = "DOMAIN_NAME"
CARD = "CREDIT_CARD"
IBAN = "IBAN_CODE"
SSN = "US_SSN"
NATID = "NATIONAL_ID"
IP = "IP_ADDRESS"
DOB = "DATE_OF_BIRTH"
LABELS = (PERSON, TITLE, ORG, STREET, LOCATION, POSTCODE, PHONE, EMAIL, URL, DOMAIN, CARD, IBAN, SSN, NATID, IP, DOB)


# ----------------------------------------------------------------------------- segments


def P(v):
    return (v, PERSON)


def T(v):
    return (v, TITLE)


def O(v):  # noqa: E743 (reads as the tag beside P, L, ... in the tables)
    return (v, ORG)


def S(v):
    return (v, STREET)


def LOC(v):
    return (v, LOCATION)


def PC(v):
    return (v, POSTCODE)


def PH(v):
    return (v, PHONE)


def EM(v):
    return (v, EMAIL)


def U(v):
    return (v, URL)


def DOM(v):
    return (v, DOMAIN)


def CC(v):
    return (v, CARD)


def IB(v):
    return (v, IBAN)


def IPA(v):
    return (v, IP)


def DB(v):
    return (v, DOB)


class Doc:
    """A text built from plain segments and labelled segments, so offsets are exact."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.spans: list[dict] = []
        self._n = 0

    def add(self, *parts) -> "Doc":
        for part in parts:
            if part is None or part == "":
                continue
            if isinstance(part, str):
                self._parts.append(part)
                self._n += len(part)
                continue
            value, label = part
            if label not in LABELS:
                raise ValueError(f"unknown label {label!r}")
            if not value or value != value.strip() or "\n" in value:
                raise ValueError(f"bad span value {value!r} ({label})")
            self.spans.append({"start": self._n, "end": self._n + len(value), "label": label, "value": value})
            self._parts.append(value)
            self._n += len(value)
        return self

    def lines(self, lines: list[list], sep: str = "\n", prefix: str = "") -> "Doc":
        for i, line in enumerate(lines):
            if i:
                self.add(sep)
            self.add(prefix, *line)
        return self

    @property
    def text(self) -> str:
        return "".join(self._parts)


# ----------------------------------------------------------------------------- small helpers

_FOLD = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "đ": "d", "'": ""}


def ascii_fold(s: str, german: bool = False) -> str:
    if german:
        for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
            s = s.replace(a, b)
    s = "".join(_FOLD.get(ch, ch) for ch in s)
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def words_of(s: str, german: bool = False) -> list[str]:
    out, word = [], []
    for ch in ascii_fold(s, german).lower():
        if ch.isalnum():
            word.append(ch)
        elif word:
            out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return out


def split_list(s: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in s.split(",") if x.strip())


def luhn_digit(payload: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    digits = [c for c in number if c.isdigit()]
    return luhn_digit("".join(digits[:-1])) == digits[-1]


def iban_from(cc: str, bban: str) -> str:
    num = "".join(str(int(ch, 36)) for ch in bban + cc + "00")
    return f"{cc}{98 - int(num) % 97:02d}{bban}"


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "")
    return int("".join(str(int(ch, 36)) for ch in s[4:] + s[:4])) % 97 == 1


# fmt: off
_VD = ((0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 2, 3, 4, 0, 6, 7, 8, 9, 5), (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
       (3, 4, 0, 1, 2, 8, 9, 5, 6, 7), (4, 0, 1, 2, 3, 9, 5, 6, 7, 8), (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
       (6, 5, 9, 8, 7, 1, 0, 4, 3, 2), (7, 6, 5, 9, 8, 2, 1, 0, 4, 3), (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
       (9, 8, 7, 6, 5, 4, 3, 2, 1, 0))
# fmt: on
# fmt: off
_VP = ((0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 5, 7, 6, 2, 8, 3, 0, 9, 4), (5, 8, 0, 3, 7, 9, 6, 2, 1, 4),
       (8, 9, 1, 6, 0, 4, 3, 5, 2, 7), (9, 4, 5, 3, 1, 2, 6, 8, 7, 0), (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
       (2, 7, 9, 3, 8, 0, 6, 4, 1, 5), (7, 0, 4, 6, 9, 1, 3, 2, 5, 8))
# fmt: on
_VINV = (0, 4, 3, 2, 1, 5, 6, 7, 8, 9)


def verhoeff_digit(payload: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(payload)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    return str(_VINV[c])


def verhoeff_ok(number: str) -> bool:
    c = 0
    for i, ch in enumerate(reversed(number)):
        c = _VD[c][_VP[i % 8][int(ch)]]
    return c == 0


def digits(rng: random.Random, n: int, first_nonzero: bool = False) -> str:
    out = [str(rng.randint(1 if (first_nonzero and i == 0) else 0, 9)) for i in range(n)]
    return "".join(out)


def fill(rng: random.Random, pattern: str, area=(), mob=()) -> str:
    """Expand a pattern: '#' any digit, 'X' a digit 1-9, 'L' a capital letter, '~' a literal '#', a backslash
    quotes the next character, '{a}' one of ``area`` (literal), '{m}' one of ``mob`` (itself expanded)."""
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "{":
            j = pattern.index("}", i)
            key = pattern[i + 1 : j]
            # mobile prefixes may hold digit tokens; area lists (area codes, bank and building names) are literal
            out.append(fill(rng, rng.choice(mob)) if key == "m" else rng.choice(area))
            i = j + 1
            continue
        if ch == "#":
            out.append(str(rng.randint(0, 9)))
        elif ch == "~":
            out.append("#")
        elif ch == "\\":
            out.append(pattern[i + 1])
            i += 1
        elif ch == "X":
            out.append(str(rng.randint(1, 9)))
        elif ch == "L":
            out.append(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ"))
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def group(s: str, n: int = 4, sep: str = " ") -> str:
    return sep.join(s[i : i + n] for i in range(0, len(s), n))


# fmt: off
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
# fmt: on
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def long_date(d: date, us: bool = False) -> str:
    if us:
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


# ----------------------------------------------------------------------------- IBAN

# fmt: off
_IBAN_BBAN = {
    "PL": "########################", "DE": "##################", "FR": "#######################",
    "ES": "####################", "IT": "L######################", "PT": "#####################",
    "NL": "{a}##########", "SE": "####################", "DK": "##############",
    "NO": "###########", "FI": "##############", "CZ": "####################",
    "GB": "{a}##############", "BR": "#######################L#", "CH": "#################",
    "AT": "################", "BE": "############", "IE": "{a}##############", "HU": "########################",
}
# fmt: on
_IBAN_BANKS = {
    "NL": ("ABNA", "INGB", "RABO", "TRIO", "SNSB", "ASNB"),
    "GB": ("NWBK", "BARC", "LOYD", "HBUK", "MIDL", "SRLG"),
    "IE": ("AIBK", "BOFI", "IPBS"),
}


# fmt: off
_IBAN_LEN = {"PL": 28, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "PT": 25, "NL": 18, "SE": 24, "DK": 18, "NO": 15,
             "FI": 18, "CZ": 24, "GB": 22, "BR": 29, "CH": 21, "AT": 20, "BE": 16, "IE": 22, "HU": 28}
# fmt: on


def make_iban(rng: random.Random, cc: str) -> str:
    bban = fill(rng, _IBAN_BBAN[cc], area=_IBAN_BANKS.get(cc, ("",)))
    return iban_from(cc, bban)


# ----------------------------------------------------------------------------- locales


class Addr:
    # fmt: off
    __slots__ = ("street", "unit", "joined", "pobox", "locality", "city", "region", "postcode", "loc",
                 "variant", "country")
    # fmt: on


class Locale:
    code = ""
    country = ""
    country_alt: tuple = ()  # other ways to write the country on an address line
    the = ""  # "the " before the country in running text
    cc = ""
    tld = ("com",)
    given_f: tuple = ()
    given_m: tuple = ()
    family: tuple = ()
    cities: tuple = ()  # (name, region, postcode prefix)
    streets: tuple = ()
    abbrev: tuple = ()  # (long, short) street-name abbreviations
    en_titles_f = ("Ms", "Mrs", "Dr")
    en_titles_m = ("Mr", "Dr")
    native_titles_f: tuple = ()
    native_titles_m: tuple = ()
    suffixes: tuple = ()
    brands: tuple = ()
    trades: tuple = ()
    clinics: tuple = ()
    hotels: tuple = ()
    schools: tuple = ()
    others: tuple = ()
    webmail = ("gmail.com", "outlook.com")
    area: tuple = ()
    mob: tuple = ()
    phones: dict = {}
    house_patterns = ("X", "X#")
    number_first = False
    num_seps = (" ",)
    unit_patterns: tuple = ()
    unit_own_line = True
    unit_seps = (", ",)
    pobox_patterns = ("PO Box X###",)
    localities: tuple = ()
    locality_p = 0.0
    pc_digits = 5
    money = (".", ",", "{} €")
    date_style = "dmy."
    iban_cc: tuple = ()
    german = False
    family_first = False  # names written family name first (Hungarian)
    role_boxes = ("info", "office", "contact", "support", "sales", "hello")

    # --- people
    def family_for(self, fam: str, gender: str) -> str:
        if "|" in fam:
            m, f = fam.split("|")
            return f if gender == "f" else m
        return fam

    # --- addresses
    def house_no(self, rng) -> str:
        return fill(rng, rng.choice(self.house_patterns))

    def street_name(self, rng) -> str:
        name = rng.choice(self.streets)
        for long, short in self.abbrev:
            if long in name and rng.random() < 0.4:
                name = name.replace(long, short)
        return name

    def street_line(self, rng) -> str:
        name, no = self.street_name(rng), self.house_no(rng)
        if self.number_first:
            return f"{no} {name}"
        return f"{name}{rng.choice(self.num_seps)}{no}"

    def unit(self, rng) -> str:
        return fill(rng, rng.choice(self.unit_patterns))

    def country_for(self, rng, city) -> str:
        return rng.choice(self.country_alt) if (self.country_alt and rng.random() < 0.3) else self.country

    def join_unit(self, rng, street: str, unit: str) -> str:
        return f"{street}{rng.choice(self.unit_seps)}{unit}"

    def pobox(self, rng) -> str:
        return fill(rng, rng.choice(self.pobox_patterns))

    def format_pc(self, s: str) -> str:
        return s

    def postcode(self, rng, city) -> str:
        prefix = city[2]
        return self.format_pc(prefix + digits(rng, self.pc_digits - len(prefix)))

    def city_lines(self, a: Addr, up, oneline: bool) -> list[list]:
        return [[PC(up(a.postcode)), " ", LOC(up(a.city))]]

    # --- numbers
    def phone(self, rng, style: str) -> str:
        if style == "intl00":
            return "00" + fill(rng, rng.choice(self.phones["intl"]), self.area, self.mob)[1:]
        pats = self.phones.get(style) or self.phones["nat"]
        return fill(rng, rng.choice(pats), self.area, self.mob)

    def national_id(self, rng, p) -> tuple[str, str, str]:
        raise NotImplementedError

    def iban(self, rng) -> str:
        return make_iban(rng, rng.choice(self.iban_cc))

    def date_num(self, d: date) -> str:
        if self.date_style == "dmy.":
            return f"{d.day:02d}.{d.month:02d}.{d.year}"
        if self.date_style == "dmy/":
            return f"{d.day:02d}/{d.month:02d}/{d.year}"
        if self.date_style == "dmy-":
            return f"{d.day:02d}-{d.month:02d}-{d.year}"
        if self.date_style == "ymd.":
            return f"{d.year}.{d.month:02d}.{d.day:02d}."
        if self.date_style == "mdy/":
            return f"{d.month:02d}/{d.day:02d}/{d.year}"
        return d.isoformat()

    def fmt_money(self, x: float) -> str:
        thousands, decimal, pattern = self.money
        whole, cents = divmod(round(x * 100), 100)
        s = f"{whole:,}".replace(",", thousands)
        return pattern.format(f"{s}{decimal}{cents:02d}")


def _yy_mm_dd(d: date) -> str:
    return f"{d.year % 100:02d}{d.month:02d}{d.day:02d}"


class PL(Locale):
    code, country, country_alt, cc, tld = "pl_PL", "Poland", ("Polska",), "48", ("pl", "com.pl")
    given_f = split_list(
        "Anna, Zofia, Maria, Katarzyna, Małgorzata, Agnieszka, Barbara, Ewa, Magdalena, "
        "Joanna, Aleksandra, Monika, Natalia, Karolina, Weronika, Julia, Dorota, Grażyna, "
        "Beata, Jadwiga"
    )
    given_m = split_list(
        "Piotr, Krzysztof, Andrzej, Tomasz, Paweł, Michał, Marcin, Jakub, Łukasz, Grzegorz, "
        "Mateusz, Wojciech, Kamil, Bartosz, Szymon, Jan, Stanisław, Zbigniew, Wiesław, "
        "Dariusz"
    )
    family = split_list(
        "Kowalski, Nowak, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, "
        "Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Kwiatkowski, Krawczyk, "
        "Piotrowski, Grabowski, Nowakowski, Pawłowski, Michalski, Nowicki, Adamczyk, Dudek, "
        "Zając, Wieczorek, Jabłoński, Król, Majewski, Olszewski, Jaworski, Wróbel, "
        "Malinowski, Pawlak, Witkowski, Walczak, Stępień, Górski, Sikora"
    )
    # fmt: off
    cities = (("Warszawa", "mazowieckie", "0"), ("Kraków", "małopolskie", "31"), ("Łódź", "łódzkie", "9"),
              ("Wrocław", "dolnośląskie", "5"), ("Poznań", "wielkopolskie", "6"), ("Gdańsk", "pomorskie", "80"),
              ("Szczecin", "zachodniopomorskie", "7"), ("Lublin", "lubelskie", "20"),
              ("Białystok", "podlaskie", "15"), ("Katowice", "śląskie", "40"), ("Rzeszów", "podkarpackie", "35"),
              ("Zakopane", "małopolskie", "34500"), ("Sandomierz", "świętokrzyskie", "27600"),
              ("Kazimierz Dolny", "lubelskie", "24120"), ("Wronki", "wielkopolskie", "64510"),
              ("Ustka", "pomorskie", "76270"), ("Kłodzko", "dolnośląskie", "57300"),
              ("Żyrardów", "mazowieckie", "96300"))
    # fmt: on
    streets = split_list(
        "ul. Marszałkowska, ul. Długa, ul. Piotrkowska, ul. Kwiatowa, ul. Lipowa, ul. Polna, "
        "ul. Ogrodowa, ul. Mickiewicza, ul. Słowackiego, ul. Kościuszki, ul. Wojska Polskiego, "
        "al. Jerozolimskie, al. Niepodległości, os. Kopernika, pl. Grunwaldzki, "
        "ul. Świętojańska, ul. 3 Maja"
    )
    native_titles_f = ("Pani", "dr", "mgr")
    native_titles_m = ("Pan", "dr", "inż.")
    suffixes = ("Sp. z o.o.", "S.A.", "sp.j.", "sp. k.")
    brands = split_list(
        "Kowalski Bud, Polmex Serwis, Techmet, Agromax, Mazowsze Logistyka, Drukarnia Kolorowa, "
        "Wisła Software, Bałtyk Trans"
    )
    trades = (
        "Piekarnia {f}",
        "Kancelaria Radcy Prawnego {f}",
        "Auto-Serwis {f}",
        "{f} Dental",
        "Biuro Rachunkowe {f}",
        "Kwiaciarnia {f}",
    )
    clinics = (
        "Przychodnia Pod Kasztanami",
        "Centrum Medyczne Zdrowie",
        "Szpital Wojewódzki im. Kopernika",
        "Gabinet Stomatologiczny Uśmiech",
    )
    hotels = ("Hotel Pod Orłem", "Pensjonat Na Skarpie", "Hotel Stary Młyn")
    schools = ("Liceum Ogólnokształcące nr 3", "Szkoła Podstawowa nr 12", "Politechnika Nadwiślańska")
    others = ("Fundacja Zielony Brzeg", "KS Warta Wronki", "Księgarnia Pod Globusem", "Stowarzyszenie Sąsiedzi")
    webmail = ("wp.pl", "onet.pl", "interia.pl", "o2.pl", "gmail.com")
    area = ("22", "12", "61", "71", "58", "42", "81", "91", "32", "85")
    mob = ("501", "502", "504", "510", "512", "530", "600", "601", "602", "605", "660", "691", "720", "790", "885")
    phones = {
        "intl": ("+48 {m} ### ###", "+48 {a} ### ## ##", "+48 {m}-###-###"),
        "nat": ("{a} ### ## ##", "{a} ###-##-##"),
        "mobile": ("{m} ### ###", "{m}-###-###", "{m}######"),
        "paren": ("({a}) ###-##-##", "(0-{a}) ### ## ##", "({a}) ### ## ##"),
        "bare": ("{m}######",),
    }
    house_patterns = ("X", "X#", "X#a", "X#/X#", "Xb", "X#/X")
    unit_patterns = ("m. X", "m. 1#", "lok. X", "lok. 1#", "m. 2#")
    unit_seps = (" ", ", ")
    pobox_patterns = ("skr. poczt. X#", "Skrytka pocztowa X##")
    money = (" ", ",", "{} zł")
    iban_cc = ("PL",)
    role_boxes = ("biuro", "kontakt", "info", "sekretariat", "rezerwacje", "zamowienia")

    def family_for(self, fam, gender):
        if gender == "f" and fam.endswith(("ski", "cki", "dzki")):
            return fam[:-1] + "a"
        return fam

    def format_pc(self, s):
        return f"{s[:2]}-{s[2:]}"

    def national_id(self, rng, p):
        d = p.dob
        base = f"{d.year % 100:02d}{d.month + (20 if d.year >= 2000 else 0):02d}{d.day:02d}" + digits(rng, 3)
        base += str(rng.choice((1, 3, 5, 7, 9) if p.gender == "m" else (0, 2, 4, 6, 8)))
        w = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
        check = (10 - sum(int(c) * w[i] for i, c in enumerate(base)) % 10) % 10
        return "PESEL", base + str(check), NATID


class DE(Locale):
    code, country, country_alt, cc, tld = "de_DE", "Germany", ("Deutschland",), "49", ("de",)
    german = True
    given_f = split_list(
        "Anna, Katharina, Sabine, Julia, Ursula, Monika, Petra, Lena, Sophie, Marie, Birgit, "
        "Claudia, Heike, Franziska, Johanna, Greta, Ingrid, Leonie, Annika, Susanne"
    )
    given_m = split_list(
        "Thomas, Michael, Andreas, Stefan, Jürgen, Klaus, Wolfgang, Matthias, Lukas, Jonas, "
        "Felix, Maximilian, Uwe, Dieter, Tobias, Florian, Henrik, Moritz, Ralf, Günter"
    )
    family = split_list(
        "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, "
        "Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, "
        "Braun, Krüger, Hofmann, Hartmann, Lange, Werner, Krause, Lehmann, Köhler, Maier, "
        "Huber, Vogel, Friedrich, Keller, Günther, Frank"
    )
    # fmt: off
    cities = (("Berlin", "Berlin", "10"), ("Hamburg", "Hamburg", "20"), ("München", "Bayern", "80"),
              ("Köln", "Nordrhein-Westfalen", "50"), ("Frankfurt am Main", "Hessen", "60"),
              ("Stuttgart", "Baden-Württemberg", "70"), ("Leipzig", "Sachsen", "04"), ("Dresden", "Sachsen", "01"),
              ("Bremen", "Bremen", "28"), ("Hannover", "Niedersachsen", "30"), ("Nürnberg", "Bayern", "90"),
              ("Freiburg im Breisgau", "Baden-Württemberg", "79"), ("Rothenburg ob der Tauber", "Bayern", "91541"),
              ("Bad Tölz", "Bayern", "83646"), ("Wernigerode", "Sachsen-Anhalt", "38855"),
              ("Meißen", "Sachsen", "01662"), ("Husum", "Schleswig-Holstein", "25813"),
              ("Lüneburg", "Niedersachsen", "2133"))
    # fmt: on
    streets = split_list(
        "Hauptstraße, Bahnhofstraße, Schillerstraße, Goethestraße, Lindenweg, Gartenstraße, "
        "Kirchplatz, Am Markt, Friedrichstraße, Kastanienallee, Mozartstraße, Birkenweg, "
        "Ringstraße, Schulstraße, Sonnenallee, Bergstraße, Königsallee, Rosenweg"
    )
    abbrev = (("straße", "str."),)
    native_titles_f = ("Frau", "Frau Dr.", "Dr.", "Prof.")
    native_titles_m = ("Herr", "Herr Dr.", "Dr.", "Prof.")
    suffixes = ("GmbH", "AG", "GmbH & Co. KG", "e.K.", "UG (haftungsbeschränkt)")
    brands = split_list(
        "Nordlicht Logistik, Bergmann Feinmechanik, Elbtal Software, Rheinwerk Metallbau, "
        "Havelblick Immobilien, Sonnentau Naturkosmetik, Spreewald Feinkost"
    )
    trades = ("Bäckerei {f}", "Autohaus {f}", "{f} Steuerberatung", "Malerbetrieb {f}", "Schreinerei {f}", "Blumen {f}")
    clinics = ("Praxis am Stadtpark", "Klinikum Nordstadt", "Zahnarztpraxis Lindenhof", "Physiotherapie Sonnenhof")
    hotels = ("Hotel Alte Post", "Gasthof zum Hirschen", "Hotel Seeblick")
    schools = ("Gymnasium am Kaiserdom", "Volkshochschule Mitte", "Grundschule am Weinberg")
    others = ("Tafel Nordstadt e.V.", "SV Blau-Weiß Lindenau", "Buchhandlung Seitenwind", "Naturfreunde Elbtal e.V.")
    webmail = ("web.de", "gmx.de", "t-online.de", "posteo.de", "gmail.com")
    area = ("30", "40", "89", "221", "69", "711", "211", "351", "341", "511", "421", "911", "761", "6221")
    mob = ("151", "152", "157", "160", "170", "171", "172", "173", "175", "176", "177", "178", "179")
    phones = {
        "intl": ("+49 {a} X######", "+49 (0){a} X### ###", "+49 {m} X######", "+49 {a} X####-##"),
        "nat": ("0{a} X######", "0{a}/X#####", "0{a} X### ###"),
        "mobile": ("0{m} X######", "0{m}/X######", "0{m} X### ###"),
        "paren": ("(0{a}) X### ###", "(0{a}) X####-##"),
        "bare": ("0{m}X######",),
    }
    house_patterns = ("X", "X#", "X#a", "Xb", "X# a", "X#")
    unit_patterns = ("X. OG", "Hinterhaus", "App. 1#", "Whg. X", "X. Etage links", "Gartenhaus, X. OG")
    pobox_patterns = ("Postfach X# ## ##", "Postfach X###")
    money = (".", ",", "{} €")
    iban_cc = ("DE",)
    role_boxes = ("info", "kontakt", "service", "buchhaltung", "bewerbung", "office")

    def national_id(self, rng, p):
        while True:
            ds = list(range(10))
            rng.shuffle(ds)
            first9 = ds[:9]
            seq = first9 + [rng.choice(first9)]
            rng.shuffle(seq)
            if seq[0] != 0:
                break
        product = 10
        for d in seq:
            s = (d + product) % 10 or 10
            product = (s * 2) % 11
        check = 11 - product
        num = "".join(map(str, seq)) + str(0 if check == 10 else check)
        if rng.random() < 0.5:
            num = f"{num[:2]} {num[2:5]} {num[5:8]} {num[8:]}"
        return "Steuer-ID", num, NATID


class FR(Locale):
    code, country, country_alt, cc, tld = "fr_FR", "France", (), "33", ("fr",)
    given_f = split_list(
        "Marie, Camille, Léa, Chloé, Manon, Inès, Sophie, Nathalie, Isabelle, Sylvie, Élodie, "
        "Aurélie, Claire, Juliette, Margaux, Océane, Céline, Hélène, Brigitte, Anaïs"
    )
    given_m = split_list(
        "Jean, Pierre, Nicolas, Julien, Thomas, Antoine, Mathieu, Sébastien, Olivier, François, "
        "Laurent, Philippe, Hugo, Théo, Lucas, Benoît, Guillaume, Rémi, Yves, Maxime"
    )
    family = split_list(
        "Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, "
        "Laurent, Lefèvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel, "
        "Girard, André, Lefebvre, Mercier, Dupont, Lambert, Bonnet, François, Legrand, Garnier, "
        "Faure, Rousseau, Blanc, Chevalier, Gauthier"
    )
    # fmt: off
    cities = (("Paris", "Île-de-France", "750"), ("Lyon", "Auvergne-Rhône-Alpes", "6900"),
              ("Marseille", "Provence-Alpes-Côte d'Azur", "130"), ("Toulouse", "Occitanie", "310"),
              ("Nantes", "Pays de la Loire", "440"), ("Strasbourg", "Grand Est", "670"),
              ("Bordeaux", "Nouvelle-Aquitaine", "330"), ("Lille", "Hauts-de-France", "590"),
              ("Rennes", "Bretagne", "350"), ("Montpellier", "Occitanie", "340"),
              ("Annecy", "Auvergne-Rhône-Alpes", "74000"), ("Colmar", "Grand Est", "68000"),
              ("Saint-Malo", "Bretagne", "35400"), ("Sarlat-la-Canéda", "Nouvelle-Aquitaine", "24200"),
              ("Honfleur", "Normandie", "14600"), ("Aix-en-Provence", "Provence-Alpes-Côte d'Azur", "13090"),
              ("Dijon", "Bourgogne-Franche-Comté", "21000"), ("Carcassonne", "Occitanie", "11000"))
    # fmt: on
    streets = split_list(
        "rue de la République, rue Victor Hugo, avenue Jean Jaurès, boulevard Voltaire, "
        "rue des Lilas, rue du Moulin, place de la Mairie, rue Pasteur, allée des Tilleuls, "
        "chemin des Vignes, rue Nationale, avenue de la Gare, rue Saint-Michel, "
        "impasse des Roses, quai de la Loire, rue Gambetta"
    )
    abbrev = (("avenue", "av."), ("boulevard", "bd"))
    number_first = True
    native_titles_f = ("Mme", "Madame", "Dr")
    native_titles_m = ("M.", "Monsieur", "Dr")
    suffixes = ("SARL", "SAS", "SA", "EURL")
    brands = split_list(
        "Atelier Lumière, Vignobles du Cèdre, Transports Garonne, Logiciels Mistral, "
        "Fromagerie des Alpages, Menuiserie Arc-en-Ciel"
    )
    trades = ("Boulangerie {f}", "Cabinet {f}", "Garage {f}", "Pharmacie {f}", "{f} Immobilier", "Fleurs {f}")
    clinics = ("Clinique des Tilleuls", "Centre Médical Pasteur", "Cabinet Dentaire du Parc", "Hôpital Saint-Éloi")
    hotels = ("Hôtel du Lac", "Hôtel Le Belvédère", "Auberge des Trois Chênes")
    schools = ("Lycée Jules Ferry", "École Primaire Les Coquelicots", "Institut Supérieur de Gestion du Rhône")
    others = (
        "Association Les Amis du Quartier",
        "AS Étoile Bleue",
        "Librairie La Page Blanche",
        "Les Restos du Cœur de Belleville",
    )
    webmail = ("orange.fr", "free.fr", "laposte.net", "sfr.fr", "gmail.com")
    area = ("1", "2", "3", "4", "5")
    mob = ("6", "7")
    phones = {
        "intl": ("+33 {a} ## ## ## ##", "+33 {m} ## ## ## ##", "+33 (0){a} ## ## ## ##"),
        "nat": ("0{a} ## ## ## ##", "0{a}.##.##.##.##", "0{a} ## ## ## ##"),
        "mobile": ("0{m} ## ## ## ##", "0{m}.##.##.##.##", "0{m}########"),
        "paren": ("+33 (0){m} ## ## ## ##", "(0{a}) ## ## ## ##"),
        "bare": ("0{m}########",),
    }
    house_patterns = ("X", "X#", "X bis", "X# ter", "X#", "X#")
    unit_patterns = ("Bât. L", "Appartement X#", "Escalier X", "Résidence \\Les Pins, Bât. L", "Xe étage, porte droite")
    pobox_patterns = ("BP X##", "CS X####")
    money = (" ", ",", "{} €")
    date_style = "dmy/"
    iban_cc = ("FR",)
    role_boxes = ("contact", "accueil", "info", "service.client", "rh", "commandes")

    def national_id(self, rng, p):
        d = p.dob
        body = ("2" if p.gender == "f" else "1") + f"{d.year % 100:02d}{d.month:02d}"
        body += rng.choice(("75", "69", "13", "31", "44", "67", "33", "59", "35", "21")) + digits(rng, 3, True)
        body += digits(rng, 3, True)
        key = 97 - int(body) % 97
        return ("NIR", f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}", NATID)


class ES(Locale):
    code, country, country_alt, cc, tld = "es_ES", "Spain", ("España",), "34", ("es", "com.es")
    given_f = split_list(
        "María, Carmen, Lucía, Ana, Laura, Marta, Elena, Paula, Sara, Cristina, Isabel, Pilar, "
        "Rocío, Nuria, Alba, Irene, Montserrat, Beatriz, Inmaculada, Ainhoa"
    )
    given_m = split_list(
        "Antonio, José, Manuel, Francisco, David, Javier, Daniel, Carlos, Miguel, Alejandro, "
        "Pablo, Sergio, Jorge, Álvaro, Raúl, Iñaki, Jordi, Rubén, Fernando, Guillermo"
    )
    family = split_list(
        "García, Rodríguez, González, Fernández, López, Martínez, Sánchez, Pérez, Gómez, Martín, "
        "Jiménez, Ruiz, Hernández, Díaz, Moreno, Muñoz, Álvarez, Romero, Alonso, Gutiérrez, "
        "Navarro, Torres, Domínguez, Vázquez, Ramos, Gil, Ramírez, Serrano, Blanco, Molina, "
        "Castro, Ortega, Iglesias, Etxeberria, Puig"
    )
    # fmt: off
    cities = (("Madrid", "Madrid", "280"), ("Barcelona", "Barcelona", "080"), ("Valencia", "Valencia", "460"),
              ("Sevilla", "Sevilla", "410"), ("Zaragoza", "Zaragoza", "500"), ("Málaga", "Málaga", "290"),
              ("Bilbao", "Bizkaia", "480"), ("Granada", "Granada", "180"), ("Salamanca", "Salamanca", "370"),
              ("Santiago de Compostela", "A Coruña", "157"), ("Cuenca", "Cuenca", "16001"),
              ("Ronda", "Málaga", "29400"), ("Cadaqués", "Girona", "17488"), ("Albarracín", "Teruel", "44100"),
              ("Catarroja", "Valencia", "46470"), ("Haro", "La Rioja", "26200"), ("Mahón", "Illes Balears", "07701"))
    # fmt: on
    streets = split_list(
        "Calle Mayor, Calle de Alcalá, Gran Vía, Avenida de la Constitución, Calle Real, "
        "Paseo de Gracia, Calle San Vicente, Plaza de España, Calle del Carmen, Calle Sierpes, "
        "Avenida de América, Calle Larios, Rambla de Catalunya, Calle de la Paz, "
        "Camino de Ronda, Calle Nueva"
    )
    abbrev = (("Calle de ", "C/ "), ("Calle ", "C/ "), ("Avenida", "Avda."), ("Plaza", "Pza."))
    num_seps = (" ", ", ")
    native_titles_f = ("Sra.", "Dra.", "Doña")
    native_titles_m = ("Sr.", "Dr.", "Don")
    suffixes = ("S.L.", "S.A.", "S.L.U.", "S. Coop.")
    brands = split_list(
        "Aceites Sierra Sur, Construcciones Levante, Talleres Ebro, Bodegas Monteazul, "
        "Transportes Meseta, Cerámicas del Turia"
    )
    trades = ("Farmacia {f}", "Ferretería {f}", "Clínica Dental {f}", "Asesoría {f}", "Panadería {f}")
    clinics = (
        "Centro de Salud La Alameda",
        "Clínica Dental Sonrisas",
        "Hospital Virgen del Camino",
        "Policlínica Santa Teresa",
    )
    hotels = ("Hotel Plaza Mayor", "Hostal La Giralda", "Casa Rural El Olivar")
    schools = ("IES Miguel de Cervantes", "Colegio San José de Calasanz", "Escuela de Idiomas Babel")
    others = ("Fundación Mar Abierto", "CD Atlético Ribera", "Librería El Faro", "Asociación Vecinal La Huerta")
    webmail = ("telefonica.net", "hotmail.es", "yahoo.es", "gmail.com")
    area = ("91", "93", "96", "95", "976", "94", "958", "923")
    mob = ("6##", "7##")
    phones = {
        "intl": ("+34 9## ### ###", "+34 {m} ## ## ##", "+34 {m} ### ###"),
        "nat": ("9## ## ## ##", "9## ### ###"),
        "mobile": ("{m} ## ## ##", "{m} ### ###", "{m}######"),
        "paren": ("(+34) {m} ### ###", "(+34) 9## ## ## ##"),
        "bare": ("{m}######",),
    }
    house_patterns = ("X", "X#", "X#", "X", "s/n")
    unit_patterns = ("Xº L", "Xº izq.", "Xº dcha.", "bajo L", "Xº Xª", "Esc. L, Xº L")
    pobox_patterns = ("Apartado de Correos X###", "Apdo. X##")
    date_style = "dmy/"
    iban_cc = ("ES",)
    role_boxes = ("info", "administracion", "reservas", "contacto", "pedidos")

    def national_id(self, rng, p):
        letters = "TRWAGMYFPDXBNJZSQVHLCKE"
        if rng.random() < 0.75:
            n = digits(rng, 8, True)
            sep = rng.choice(("", "", "-"))
            return "DNI", f"{n}{sep}{letters[int(n) % 23]}", NATID
        pre = rng.choice("XYZ")
        n = digits(rng, 7)
        return "NIE", f"{pre}{n}{letters[int(str('XYZ'.index(pre)) + n) % 23]}", NATID


# fmt: off
_CF_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                   (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8,
                    12, 14, 16, 10, 22, 25, 24, 23)))
# fmt: on
_BELFIORE = ("H501", "F205", "F839", "L219", "D612", "A944", "G273", "D969", "L736", "A662", "L781")


def codice_fiscale(surname: str, name: str, dob: date, gender: str, place: str) -> str:
    def letters(s):
        return [c for c in ascii_fold(s).upper() if c.isalpha()]

    def cons(s):
        return [c for c in letters(s) if c not in "AEIOU"]

    def vows(s):
        return [c for c in letters(s) if c in "AEIOU"]

    sur = (cons(surname) + vows(surname) + ["X"] * 3)[:3]
    c = cons(name)
    nm = [c[0], c[2], c[3]] if len(c) >= 4 else (c + vows(name) + ["X"] * 3)[:3]
    day = dob.day + (40 if gender == "f" else 0)
    code = "".join(sur + nm) + f"{dob.year % 100:02d}" + "ABCDEHLMPRST"[dob.month - 1] + f"{day:02d}" + place
    total = 0
    for i, ch in enumerate(code):
        total += _CF_ODD[ch] if i % 2 == 0 else (int(ch) if ch.isdigit() else ord(ch) - 65)
    return code + chr(65 + total % 26)


class IT(Locale):
    code, country, country_alt, cc, tld = "it_IT", "Italy", ("Italia",), "39", ("it",)
    given_f = split_list(
        "Giulia, Francesca, Chiara, Sara, Valentina, Alessandra, Federica, Martina, Elena, "
        "Silvia, Paola, Roberta, Giorgia, Beatrice, Laura, Anna, Serena, Ilaria, Rosa, Teresa"
    )
    given_m = split_list(
        "Marco, Giuseppe, Luca, Alessandro, Andrea, Francesco, Matteo, Lorenzo, Davide, Simone, "
        "Stefano, Giovanni, Antonio, Roberto, Paolo, Riccardo, Fabio, Salvatore, Emanuele, Pietro"
    )
    family = split_list(
        "Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, "
        "Gallo, Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Barbieri, "
        "Fontana, Santoro, Mariani, Rinaldi, Caruso, Ferrara, Galli, Martini, Leone, Longo, "
        "Gentile, Martinelli, Vitale, Serra, Coppola, D'Angelo"
    )
    # fmt: off
    cities = (("Roma", "RM", "001"), ("Milano", "MI", "201"), ("Napoli", "NA", "801"), ("Torino", "TO", "101"),
              ("Firenze", "FI", "501"), ("Bologna", "BO", "401"), ("Palermo", "PA", "901"), ("Genova", "GE", "161"),
              ("Venezia", "VE", "301"), ("Bari", "BA", "701"), ("Verona", "VR", "371"),
              ("Alberobello", "BA", "70011"), ("Bellagio", "CO", "22021"), ("Montepulciano", "SI", "53045"),
              ("Cefalù", "PA", "90015"), ("Orvieto", "TR", "05018"), ("Portofino", "GE", "16034"),
              ("Matera", "MT", "75100"), ("Sirmione", "BS", "25019"))
    # fmt: on
    streets = split_list(
        "Via Roma, Via Garibaldi, Corso Vittorio Emanuele II, Via Mazzini, Piazza del Duomo, "
        "Via Dante Alighieri, Via Cavour, Viale Europa, Via dei Mille, Corso Italia, "
        "Via XX Settembre, Via Nazionale, Via della Repubblica, Vicolo Stretto, "
        "Strada della Campagna, Largo dei Pini"
    )
    num_seps = (" ", ", ")
    native_titles_f = ("Sig.ra", "Dott.ssa", "Avv.", "Prof.ssa")
    native_titles_m = ("Sig.", "Dott.", "Ing.", "Avv.", "Prof.")
    suffixes = ("S.r.l.", "S.p.A.", "S.n.c.", "S.a.s.", "Srl")
    brands = split_list(
        "Ceramiche del Golfo, Meccanica Padana, Vini Terre Alte, Pastificio Aurora, "
        "Tessitura Lariana, Oleificio Colle Verde"
    )
    trades = ("Farmacia {f}", "Studio Legale {f}", "Ottica {f}", "Panificio {f}", "Studio Dentistico {f}")
    clinics = (
        "Poliambulatorio San Marco",
        "Casa di Cura Villa Serena",
        "Studio Medico Le Querce",
        "Ospedale Santa Maria della Pietà",
    )
    hotels = ("Hotel Bellavista", "Albergo del Sole", "Agriturismo Il Melograno")
    schools = (
        "Liceo Scientifico Galileo Galilei",
        "Istituto Comprensivo Leonardo da Vinci",
        "Scuola di Musica Arcobaleno",
    )
    others = (
        "Associazione Ponte Solidale",
        "ASD Virtus Lagunare",
        "Libreria Il Segnalibro",
        "Cooperativa Sociale Il Girasole",
    )
    webmail = ("libero.it", "virgilio.it", "tiscali.it", "alice.it", "gmail.com")
    area = ("2", "6", "11", "10", "55", "51", "81", "91", "41", "45")
    mob = ("320", "328", "333", "338", "340", "347", "349", "366", "380", "393")
    phones = {
        "intl": ("+39 0{a} #### ####", "+39 {m} ### ####", "+39 0{a} X######"),
        "nat": ("0{a} #### ####", "0{a} X######", "0{a}-X######"),
        "mobile": ("{m} ### ####", "{m}/#######", "{m} #######"),
        "paren": ("(+39) 0{a} X######", "(0{a}) X### ####"),
        "bare": ("{m}#######",),
    }
    house_patterns = ("X", "X#", "X#/L", "X#", "X#")
    unit_patterns = ("int. X", "Scala L, int. 1#", "piano X", "Scala L", "int. X#")
    pobox_patterns = ("Casella Postale X#", "C.P. X##")
    money = (".", ",", "€ {}")
    date_style = "dmy/"
    iban_cc = ("IT",)
    role_boxes = ("info", "amministrazione", "segreteria", "prenotazioni", "ordini")

    def city_lines(self, a, up, oneline):
        if a.variant % 2:
            return [[PC(up(a.postcode)), " ", LOC(up(a.city)), " (", LOC(up(a.region)), ")"]]
        return [[PC(up(a.postcode)), " ", LOC(up(a.city)), " ", LOC(up(a.region))]]

    def national_id(self, rng, p):
        return "codice fiscale", codice_fiscale(p.family, p.given, p.dob, p.gender, rng.choice(_BELFIORE)), NATID


class BR(Locale):
    code, country, country_alt, cc, tld = "pt_BR", "Brazil", ("Brasil",), "55", ("com.br",)
    given_f = split_list(
        "Ana, Maria, Juliana, Fernanda, Camila, Larissa, Beatriz, Aline, Patrícia, Mariana, "
        "Letícia, Gabriela, Luana, Tatiane, Vanessa, Raquel, Adriana, Bruna, Thaís, Maria Clara"
    )
    given_m = split_list(
        "João, José, Pedro, Lucas, Gabriel, Rafael, Felipe, Gustavo, Thiago, Bruno, Matheus, "
        "Carlos, Rodrigo, Leonardo, Diego, Marcelo, Eduardo, Vinícius, Fábio, João Pedro"
    )
    family = split_list(
        "Silva, Santos, Oliveira, Souza, Rodrigues, Ferreira, Alves, Pereira, Lima, Gomes, Costa, "
        "Ribeiro, Martins, Carvalho, Almeida, Lopes, Soares, Fernandes, Vieira, Barbosa, Rocha, "
        "Dias, Nascimento, Andrade, Moreira, Nunes, Marques, Machado, Mendes, Freitas, Cardoso, "
        "Teixeira, Cavalcanti, Araújo"
    )
    # fmt: off
    cities = (("São Paulo", "SP", "01"), ("Rio de Janeiro", "RJ", "20"), ("Belo Horizonte", "MG", "30"),
              ("Salvador", "BA", "40"), ("Fortaleza", "CE", "60"), ("Curitiba", "PR", "80"), ("Recife", "PE", "50"),
              ("Porto Alegre", "RS", "90"), ("Brasília", "DF", "70"), ("Manaus", "AM", "69"),
              ("Florianópolis", "SC", "88"), ("Paraty", "RJ", "23970"), ("Ouro Preto", "MG", "35400"),
              ("Tiradentes", "MG", "36325"), ("Bonito", "MS", "79290"), ("Olinda", "PE", "53"),
              ("Campinas", "SP", "13"))
    # fmt: on
    streets = split_list(
        "Rua das Flores, Avenida Paulista, Rua Augusta, Rua XV de Novembro, Avenida Brasil, "
        "Rua da Consolação, Rua São Bento, Avenida Atlântica, Rua Sete de Setembro, "
        "Rua Marechal Deodoro, Avenida Beira-Mar, Rua Direita, Travessa do Comércio, "
        "Rua Tiradentes, Alameda Santos, Rua dos Andradas"
    )
    abbrev = (("Avenida", "Av."), ("Rua", "R."))
    num_seps = (", ", ", nº ")
    localities = split_list(
        "Centro, Jardim América, Vila Mariana, Bela Vista, Copacabana, Boa Viagem, Savassi, "
        "Moinhos de Vento, Batel, Pinheiros, Botafogo, Barra Funda"
    )
    locality_p = 0.6
    native_titles_f = ("Sra.", "Dra.", "Dona")
    native_titles_m = ("Sr.", "Dr.")
    suffixes = ("Ltda.", "S.A.", "ME", "EIRELI")
    brands = split_list(
        "Café Serra Azul, Construtora Horizonte, Transportadora Rio Claro, Têxtil Boa Vista, "
        "Agropecuária Três Pontes, Sorveteria Açaí da Praça"
    )
    trades = ("Padaria {f}", "Drogaria {f}", "Auto Peças {f}", "{f} Advocacia", "Clínica {f}")
    clinics = ("Clínica Vida Plena", "Hospital Santa Luzia", "Odonto Sorriso", "Laboratório Bem-Estar")
    hotels = ("Pousada Maré Mansa", "Hotel Vista Verde", "Pousada do Ipê")
    schools = ("Colégio Estadual Castro Alves", "Escola Municipal Monteiro Lobato", "Faculdade do Cerrado")
    others = ("Instituto Mãos Dadas", "Esporte Clube Ventania", "Livraria Capitu", "ONG Semear")
    webmail = ("uol.com.br", "bol.com.br", "terra.com.br", "gmail.com", "hotmail.com")
    area = ("11", "21", "31", "41", "51", "61", "71", "81", "85", "48", "19", "27")
    phones = {
        "intl": ("+55 {a} 9####-####", "+55 ({a}) 3###-####", "+55 {a} 9#### ####"),
        "nat": ("({a}) 3###-####", "({a}) 2###-####"),
        "mobile": ("({a}) 9####-####", "({a}) 9 ####-####", "{a} 9####-####"),
        "paren": ("({a}) 9####-####", "({a}) 3###-####"),
        "bare": ("{a}3#######",),
    }
    house_patterns = ("X#", "X##", "X###", "X##")
    unit_patterns = ("apto X#", "apto X0X", "conj. X#", "casa X", "bloco L, apto X0X", "sala X0X")
    pobox_patterns = ("Caixa Postal X###",)
    pc_digits = 8
    money = (".", ",", "R$ {}")
    date_style = "dmy/"
    iban_cc = ("BR",)
    role_boxes = ("contato", "atendimento", "sac", "financeiro", "vendas")

    def format_pc(self, s):
        return f"{s[:5]}-{s[5:]}"

    def city_lines(self, a, up, oneline):
        if a.variant % 3 == 0:
            return [[PC(up(a.postcode)), " ", LOC(up(a.city)), "/", LOC(up(a.region))]]
        if oneline:
            return [[LOC(up(a.city)), " - ", LOC(up(a.region))], ["CEP ", PC(up(a.postcode))]]
        return [[LOC(up(a.city)), " - ", LOC(up(a.region))], [up("CEP "), PC(up(a.postcode))]]

    def national_id(self, rng, p):
        while True:
            base = [rng.randint(0, 9) for _ in range(9)]
            if len(set(base)) > 1:
                break
        d1 = sum(base[i] * (10 - i) for i in range(9)) * 10 % 11 % 10
        d2 = sum((base + [d1])[i] * (11 - i) for i in range(10)) * 10 % 11 % 10
        s = "".join(map(str, base + [d1, d2]))
        return "CPF", f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}" if rng.random() < 0.8 else s, NATID


class PT(Locale):
    code, country, country_alt, cc, tld = "pt_PT", "Portugal", (), "351", ("pt",)
    given_f = split_list(
        "Maria, Ana, Joana, Inês, Beatriz, Mariana, Carolina, Sofia, Rita, Catarina, Filipa, "
        "Teresa, Margarida, Leonor, Sara, Patrícia, Helena, Cláudia, Raquel, Isabel"
    )
    given_m = split_list(
        "João, Pedro, Tiago, Rui, Miguel, Nuno, Paulo, Ricardo, Francisco, Diogo, André, Bruno, "
        "Gonçalo, Duarte, Rodrigo, Hugo, Vasco, Luís, Manuel, Afonso"
    )
    family = split_list(
        "Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Jesus, Sousa, "
        "Fernandes, Gonçalves, Gomes, Lopes, Marques, Alves, Almeida, Ribeiro, Pinto, Carvalho, "
        "Teixeira, Moreira, Correia, Mendes, Nunes, Soares, Vieira, Monteiro, Cardoso, Rocha, "
        "Neves, Coelho, Cruz, Cunha, Pires"
    )
    # fmt: off
    cities = (("Lisboa", "Lisboa", "1"), ("Porto", "Porto", "4"), ("Braga", "Braga", "47"),
              ("Coimbra", "Coimbra", "30"), ("Faro", "Faro", "80"), ("Aveiro", "Aveiro", "38"),
              ("Évora", "Évora", "70"), ("Funchal", "Madeira", "90"), ("Setúbal", "Setúbal", "29"),
              ("Viseu", "Viseu", "35"), ("Óbidos", "Leiria", "2510"), ("Sintra", "Lisboa", "2710"),
              ("Tavira", "Faro", "8800"), ("Monsaraz", "Évora", "7200"), ("Ponte de Lima", "Viana do Castelo", "4990"),
              ("Guimarães", "Braga", "48"), ("Ericeira", "Lisboa", "2655"))
    # fmt: on
    streets = split_list(
        "Rua Augusta, Avenida da Liberdade, Rua de Santa Catarina, Rua do Carmo, Rua Direita, "
        "Avenida da República, Rua da Boavista, Travessa do Forno, Largo do Rato, "
        "Rua dos Clérigos, Avenida dos Aliados, Rua de São Bento, Estrada Nacional 125, "
        "Rua do Sol, Calçada da Estrela, Praça da Alegria"
    )
    abbrev = (("Avenida", "Av."),)
    num_seps = (" ", ", n.º ", ", ")
    native_titles_f = ("Sra.", "Dra.", "D.")
    native_titles_m = ("Sr.", "Dr.", "Eng.")
    suffixes = ("Lda.", "S.A.", "Unipessoal Lda.")
    brands = split_list(
        "Conservas Atlântico Norte, Cortiças do Alentejo, Vinhos Quinta da Serra, Azulejos Lusitânia, Têxteis do Ave"
    )
    trades = ("Pastelaria {f}", "Farmácia {f}", "Oficina {f}", "Clínica Dentária {f}", "Sapataria {f}")
    clinics = ("Clínica do Parque", "Centro de Saúde da Graça", "Hospital de Santa Clara", "Clínica Dentária Sorriso")
    hotels = ("Hotel Miradouro", "Pensão Estrela", "Quinta do Vale Verde")
    schools = ("Escola Secundária Camões", "Colégio São Tomás", "Instituto Politécnico do Mondego")
    others = ("Associação Cultural Ribeira", "Grupo Desportivo Mar Azul", "Livraria Tinta Fresca")
    webmail = ("sapo.pt", "gmail.com", "hotmail.com", "iol.pt")
    mob = ("91", "92", "93", "96")
    phones = {
        "intl": ("+351 {m}# ### ###", "+351 21# ### ###", "+351 22# ### ###"),
        "nat": ("2## ### ###", "21# ### ###"),
        "mobile": ("{m}# ### ###", "{m}#######"),
        "paren": ("(+351) 21# ### ###", "(+351) {m}# ### ###"),
        "bare": ("{m}#######",),
    }
    house_patterns = ("X", "X#", "X##", "X#-A")
    unit_patterns = ("X.º Esq.", "X.º Dto.", "R/C Esq.", "X.º andar", "X.º Frente")
    pobox_patterns = ("Apartado X##",)
    pc_digits = 7
    money = (" ", ",", "{} €")
    date_style = "dmy/"
    iban_cc = ("PT",)
    role_boxes = ("geral", "info", "reservas", "apoio", "encomendas")

    def format_pc(self, s):
        return f"{s[:4]}-{s[4:]}"

    def national_id(self, rng, p):
        while True:
            base = [rng.choice((1, 2))] + [rng.randint(0, 9) for _ in range(7)]
            check = 11 - sum(d * (9 - i) for i, d in enumerate(base)) % 11
            check = 0 if check >= 10 else check
            s = "".join(map(str, base)) + str(check)
            return "NIF", s if rng.random() < 0.6 else f"{s[:3]} {s[3:6]} {s[6:]}", NATID


class NL(Locale):
    code, country, country_alt, the, cc, tld = "nl_NL", "Netherlands", ("Nederland",), "the ", "31", ("nl",)
    given_f = split_list(
        "Emma, Sophie, Julia, Anna, Lotte, Sanne, Femke, Eva, Lisa, Anouk, Marieke, Ingrid, "
        "Willemijn, Floor, Fenna, Noor, Esther, Annelies, Maaike, Ilse"
    )
    given_m = split_list(
        "Jan, Pieter, Daan, Sem, Lucas, Bram, Thijs, Jeroen, Maarten, Willem, Koen, Ruben, "
        "Sander, Bas, Joost, Henk, Gerrit, Stijn, Wouter, Niels"
    )
    family = split_list(
        "de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, "
        "Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, "
        "Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer, van der Linden, Kok, Jacobs, "
        "de Haan, Vermeulen, van den Heuvel, Willems, Hoekstra, Kuipers"
    )
    # fmt: off
    cities = (("Amsterdam", "Noord-Holland", "10"), ("Rotterdam", "Zuid-Holland", "30"),
              ("Den Haag", "Zuid-Holland", "25"), ("Utrecht", "Utrecht", "35"), ("Eindhoven", "Noord-Brabant", "56"),
              ("Groningen", "Groningen", "97"), ("Tilburg", "Noord-Brabant", "50"), ("Almere", "Flevoland", "13"),
              ("Breda", "Noord-Brabant", "48"), ("Nijmegen", "Gelderland", "65"), ("Maastricht", "Limburg", "62"),
              ("Leiden", "Zuid-Holland", "23"), ("Giethoorn", "Overijssel", "8355"),
              ("Volendam", "Noord-Holland", "1131"), ("Zierikzee", "Zeeland", "4301"),
              ("Harlingen", "Friesland", "8861"), ("Delft", "Zuid-Holland", "26"))
    # fmt: on
    streets = split_list(
        "Keizersgracht, Prinsengracht, Dorpsstraat, Kerkstraat, Stationsweg, Molenweg, "
        "Schoolstraat, Julianalaan, Beatrixstraat, Nieuwstraat, Hoofdstraat, Marktplein, "
        "Lindenlaan, Oranjestraat, Herengracht, Wilhelminapark"
    )
    native_titles_f = ("mevr.", "Dr.", "mw.")
    native_titles_m = ("dhr.", "Dr.", "Ir.")
    suffixes = ("B.V.", "BV", "N.V.", "V.O.F.")
    brands = split_list(
        "Polderkaas, Dijkwerk Installatietechniek, Tulpenveld Kwekerij, Grachtzicht Vastgoed, "
        "Zeewind Energie, Fietsfabriek Noord"
    )
    trades = ("Bakkerij {f}", "Tandartspraktijk {f}", "Installatiebedrijf {f}", "{f} Makelaardij", "Fietsenmaker {f}")
    clinics = (
        "Huisartsenpraktijk De Linde",
        "Ziekenhuis Waterland Oost",
        "Tandartsenpraktijk Het Anker",
        "Fysiotherapie De Brug",
    )
    hotels = ("Hotel De Gouden Leeuw", "Hotel Het Wapen", "B&B De Molen")
    schools = ("Montessorischool De Regenboog", "Stedelijk Gymnasium Noord", "Hogeschool Zuidwest")
    others = ("Stichting Groene Handen", "VV Oranje Boys", "Boekhandel De Vleugel", "Speeltuinvereniging Ons Plein")
    webmail = ("ziggo.nl", "kpnmail.nl", "xs4all.nl", "hotmail.nl", "gmail.com")
    area = ("20", "10", "30", "70", "40", "50", "43", "71")
    phones = {
        "intl": ("+31 6 ########", "+31 {a} ### ####", "+31 (0){a} ### ####", "+31 6 ## ## ## ##"),
        "nat": ("0{a}-#######", "0{a} ### ####", "0{a}-### ## ##"),
        "mobile": ("06-########", "06 ## ## ## ##", "06-## ## ## ##"),
        "paren": ("(0{a}) ### ####", "(0{a}) #######"),
        "bare": ("06########",),
    }
    house_patterns = ("X", "X#", "X# L", "X#-III", "X#-II", "X#-2hg", "X#bis", "XL")
    unit_patterns = ("Xe verdieping", "Unit X#")
    pobox_patterns = ("Postbus X###", "Postbus X#")
    pc_digits = 4
    money = (".", ",", "€ {}")
    date_style = "dmy-"
    iban_cc = ("NL",)
    role_boxes = ("info", "administratie", "klantenservice", "secretariaat", "planning")

    def postcode(self, rng, city):
        s = city[2] + digits(rng, 4 - len(city[2]))
        while True:
            letters = rng.choice("ABCDEGHJKLMNPRSTVWXZ") + rng.choice("ABCDEGHJKLMNPRSTVWXZ")
            if letters not in ("SA", "SD", "SS"):
                return f"{s} {letters}"

    def city_lines(self, a, up, oneline):
        return [[PC(up(a.postcode)), "  " if a.variant % 3 == 0 and not oneline else " ", LOC(up(a.city))]]

    def national_id(self, rng, p):
        while True:
            base = [rng.randint(1, 6)] + [rng.randint(0, 9) for _ in range(7)]
            last = sum(d * (9 - i) for i, d in enumerate(base)) % 11
            if last < 10:
                s = "".join(map(str, base)) + str(last)
                return "BSN", s if rng.random() < 0.7 else f"{s[:4]}.{s[4:6]}.{s[6:]}", NATID


class HU(Locale):
    code, country, country_alt, cc, tld = "hu_HU", "Hungary", ("Magyarország",), "36", ("hu", "co.hu")
    family_first = True
    given_f = split_list(
        "Anna, Katalin, Éva, Zsuzsanna, Mária, Erzsébet, Ildikó, Krisztina, Andrea, Judit, Eszter, "
        "Réka, Boglárka, Zsófia, Hanna, Dóra, Nóra, Viktória, Petra, Lilla"
    )
    given_m = split_list(
        "László, István, József, János, Zoltán, Sándor, Gábor, Ferenc, Attila, Péter, Tamás, "
        "Balázs, Bence, Máté, Levente, Dávid, Ádám, Csaba, Gergely, Zsolt"
    )
    family = split_list(
        "Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár, Németh, Farkas, Balogh, Papp, "
        "Takács, Juhász, Lakatos, Mészáros, Oláh, Simon, Rácz, Fekete, Szilágyi, Török, Fehér, "
        "Gál, Kis, Szűcs, Kocsis, Pintér, Fodor, Szalai, Sipos, Magyar, Lukács"
    )
    # fmt: off
    cities = (("Budapest", "Budapest", "1"), ("Debrecen", "Hajdú-Bihar", "40"), ("Szeged", "Csongrád-Csanád", "67"),
              ("Miskolc", "Borsod-Abaúj-Zemplén", "35"), ("Pécs", "Baranya", "76"),
              ("Győr", "Győr-Moson-Sopron", "90"), ("Nyíregyháza", "Szabolcs-Szatmár-Bereg", "44"),
              ("Kecskemét", "Bács-Kiskun", "60"), ("Székesfehérvár", "Fejér", "80"), ("Eger", "Heves", "330"),
              ("Sopron", "Győr-Moson-Sopron", "940"), ("Tihany", "Veszprém", "8237"), ("Hollókő", "Nógrád", "3176"),
              ("Szentendre", "Pest", "2000"), ("Tokaj", "Borsod-Abaúj-Zemplén", "3910"),
              ("Veszprém", "Veszprém", "820"),
              ("Hévíz", "Zala", "8380"))
    # fmt: on
    streets = split_list(
        "Andrássy út, Váci utca, Kossuth Lajos utca, Petőfi Sándor utca, Rákóczi út, Fő utca, "
        "Béke tér, Dózsa György út, Arany János utca, Széchenyi tér, Ady Endre utca, Jókai Mór utca, "
        "Bajcsy-Zsilinszky út, Kölcsey Ferenc utca, Deák Ferenc tér, Hunyadi utca"
    )
    abbrev = (("utca", "u."),)
    native_titles_f = ("dr.",)
    native_titles_m = ("dr.",)
    suffixes = ("Kft.", "Zrt.", "Bt.", "Nyrt.")
    brands = split_list("Tisza Logisztika, Balaton Borház, Mátra Faipari, Duna Szoftver, Alföld Agro, Pannon Nyomda")
    trades = ("{f} Pékség", "{f} és Társa", "{f} Fogászat", "{f} Autószerviz", "{f} Virágbolt")
    clinics = ("Napfény Fogászat", "Városmajor Orvosi Rendelő", "Szent Kristóf Klinika")
    hotels = ("Hotel Aranyhíd", "Fenyves Panzió", "Tópart Vendégház")
    schools = ("Petőfi Sándor Általános Iskola", "Kossuth Gimnázium", "Dunamenti Főiskola")
    others = ("Zöld Híd Alapítvány", "Tisza SE", "Betűház Könyvesbolt")
    webmail = ("freemail.hu", "citromail.hu", "t-online.hu", "gmail.com")
    area = ("22", "46", "52", "62", "72", "96", "88", "36")
    mob = ("20", "30", "31", "50", "70")
    phones = {
        "intl": ("+36 1 ### ####", "+36 {m} ### ####", "+36-{m}-###-####", "+36 {a} ### ###"),
        "nat": ("06 1 ### ####", "06 {a} ### ###", "06-1-###-####"),
        "mobile": ("06 {m} ### ####", "06-{m}-###-####", "06/{m}-###-####"),
        "paren": ("(06 1) ###-####", "(06-{a}) ###-###"),
        "bare": ("06{m}#######",),
    }
    house_patterns = ("X.", "X#.", "X#/L.", "X#.")
    unit_patterns = ("X. em. X.", "fszt. X.", "X. emelet X#.", "X. lph. X. em. X.")
    unit_seps = (" ", ", ")
    unit_own_line = False
    pobox_patterns = ("Pf. X##", "Postafiók X#")
    pc_digits = 4
    money = (" ", ",", "{} Ft")
    date_style = "ymd."
    iban_cc = ("HU",)
    role_boxes = ("info", "iroda", "ugyfelszolgalat", "rendeles", "szamlazas")

    def fmt_money(self, x):
        return f"{round(x * 38) * 10:,} Ft".replace(",", " ")

    def national_id(self, rng, p):
        if rng.random() < 0.5:
            body = digits(rng, 8, True)
            check = sum(int(c) * (3 if i % 2 == 0 else 7) for i, c in enumerate(body)) % 10
            n = body + str(check)
            return "TAJ number", f"{n[:3]} {n[3:6]} {n[6:]}", NATID
        days = (p.dob - date(1867, 1, 1)).days
        while True:
            body = f"8{days:05d}{digits(rng, 3)}"
            check = sum(int(c) * (i + 1) for i, c in enumerate(body)) % 11
            if check < 10:
                return "adóazonosító jel", body + str(check), NATID


class SE(Locale):
    code, country, country_alt, cc, tld = "sv_SE", "Sweden", ("Sverige",), "46", ("se",)
    given_f = split_list(
        "Anna, Eva, Maria, Karin, Kristina, Lena, Sara, Emma, Elin, Ida, Maja, Astrid, Ingrid, "
        "Linnéa, Sofia, Hanna, Frida, Ebba, Saga, Agnes"
    )
    given_m = split_list(
        "Erik, Lars, Karl, Anders, Johan, Per, Nils, Lennart, Mikael, Björn, Oskar, Gustav, "
        "Axel, Viktor, Henrik, Magnus, Olof, Sven, Ivar, Linus"
    )
    family = split_list(
        "Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Olsson, Persson, Svensson, "
        "Gustafsson, Pettersson, Jonsson, Jansson, Hansson, Bengtsson, Jönsson, Lindberg, "
        "Lindström, Lindqvist, Lindgren, Berg, Axelsson, Bergström, Lundberg, Lundgren, Lundqvist, "
        "Mattsson, Berglund, Fredriksson, Sandberg, Henriksson, Forsberg, Sjöberg, Wallin, "
        "Engström, Holm"
    )
    # fmt: off
    cities = (("Stockholm", "Stockholms län", "11"), ("Göteborg", "Västra Götalands län", "41"),
              ("Malmö", "Skåne län", "21"), ("Uppsala", "Uppsala län", "75"), ("Västerås", "Västmanlands län", "72"),
              ("Örebro", "Örebro län", "70"), ("Linköping", "Östergötlands län", "58"),
              ("Helsingborg", "Skåne län", "25"), ("Umeå", "Västerbottens län", "90"), ("Lund", "Skåne län", "22"),
              ("Visby", "Gotlands län", "621"), ("Kiruna", "Norrbottens län", "981"), ("Ystad", "Skåne län", "271"),
              ("Sigtuna", "Stockholms län", "193"), ("Mora", "Dalarnas län", "792"),
              ("Arvidsjaur", "Norrbottens län", "933"), ("Borgholm", "Kalmar län", "387"))
    # fmt: on
    streets = split_list(
        "Storgatan, Drottninggatan, Kungsgatan, Sveavägen, Vasagatan, Skolgatan, Kyrkogatan, "
        "Järnvägsgatan, Nygatan, Strandvägen, Ringvägen, Hamngatan, Södra Förstadsgatan, "
        "Björkvägen, Tallvägen, Götgatan"
    )
    suffixes = ("AB", "HB", "Aktiebolag")
    brands = split_list(
        "Norrsken Data, Skärgårdsbageriet, Älvdalens Snickeri, Vindö Marin, Granskog Bygg, Fjällgården Konsult"
    )
    trades = ("{f}s Bageri", "Tandläkare {f}", "{f} Bygg & Måleri", "Frisörsalong {f}", "{f}s Cykel")
    clinics = ("Vårdcentralen Solsidan", "Tandvårdskliniken Ekbacken", "Rehabkliniken Linnégatan")
    hotels = ("Hotell Fyren", "Pensionat Sjöudden", "Hotell Kronan")
    schools = ("Ekbackens skola", "Folkhögskolan Vågen", "Gymnasiet Norra Real")
    others = ("Föreningen Gröna Gårdar", "IFK Sjöstad", "Bokhandeln Bläck", "Hyresgästföreningen Söder")
    webmail = ("telia.com", "bredband.net", "hotmail.se", "gmail.com")
    area = ("8", "31", "40", "18", "21", "13", "90")
    mob = ("70", "72", "73", "76", "79")
    phones = {
        "intl": ("+46 {m} ### ## ##", "+46 8 ### ### ##", "+46 {a} ## ## ##", "+46 (0){m} ### ## ##"),
        "nat": ("08-### ### ##", "0{a}-## ## ##", "08 ### ### ##"),
        "mobile": ("0{m}-### ## ##", "0{m} ### ## ##", "0{m}-#######"),
        "paren": ("(08) ### ### ##", "(0{a}) ## ## ##"),
        "bare": ("0{m}#######",),
    }
    house_patterns = ("X", "X#", "X#L", "XL")
    unit_patterns = ("lgh 1X0X", "X tr", "lgh 1X0X, X tr")
    unit_seps = (", ", " ")
    pobox_patterns = ("Box X###", "Box X#")
    money = (" ", ",", "{} kr")
    date_style = "iso"
    iban_cc = ("SE",)
    role_boxes = ("info", "kundtjanst", "order", "kontakt", "ekonomi")

    def format_pc(self, s):
        return f"{s[:3]} {s[3:]}"

    def national_id(self, rng, p):
        d = p.dob
        serial = digits(rng, 2) + str(rng.choice((1, 3, 5, 7, 9) if p.gender == "m" else (0, 2, 4, 6, 8)))
        body = _yy_mm_dd(d) + serial
        num = body + luhn_digit(body)
        if rng.random() < 0.35:
            return "personnummer", f"{d.year // 100:02d}{num[:6]}-{num[6:]}", NATID
        return "personnummer", f"{num[:6]}-{num[6:]}", NATID


class DK(Locale):
    code, country, country_alt, cc, tld = "da_DK", "Denmark", ("Danmark",), "45", ("dk",)
    given_f = split_list(
        "Anne, Mette, Kirsten, Hanne, Camilla, Louise, Sofie, Ida, Freja, Emma, Karen, Lone, "
        "Pernille, Signe, Maja, Line, Tove, Birgitte, Astrid, Nanna"
    )
    given_m = split_list(
        "Jens, Peter, Lars, Søren, Niels, Henrik, Mads, Rasmus, Frederik, Mikkel, Anders, "
        "Kasper, Jesper, Morten, Christian, Emil, Magnus, Oliver, Bent, Troels"
    )
    family = split_list(
        "Jensen, Nielsen, Hansen, Pedersen, Andersen, Christensen, Larsen, Sørensen, Rasmussen, "
        "Jørgensen, Petersen, Madsen, Kristensen, Olsen, Thomsen, Christiansen, Poulsen, Johansen, "
        "Møller, Mortensen, Knudsen, Jakobsen, Mikkelsen, Lauridsen, Holm, Frederiksen, Dahl, "
        "Bach, Lund, Kjær, Bertelsen, Østergaard, Vestergaard"
    )
    # fmt: off
    cities = (("København", "Hovedstaden", "1"), ("Aarhus", "Midtjylland", "80"), ("Odense", "Syddanmark", "50"),
              ("Aalborg", "Nordjylland", "90"), ("Esbjerg", "Syddanmark", "67"), ("Randers", "Midtjylland", "89"),
              ("Kolding", "Syddanmark", "60"), ("Horsens", "Midtjylland", "87"), ("Vejle", "Syddanmark", "71"),
              ("Roskilde", "Sjælland", "40"), ("Helsingør", "Hovedstaden", "3000"), ("Skagen", "Nordjylland", "9990"),
              ("Ribe", "Syddanmark", "6760"), ("Ærøskøbing", "Syddanmark", "5970"), ("Svaneke", "Hovedstaden", "3740"),
              ("Tønder", "Syddanmark", "6270"), ("Frederiksberg", "Hovedstaden", "20"))
    # fmt: on
    streets = split_list(
        "Vestergade, Østergade, Nørregade, Søndergade, Algade, Bredgade, Nørrebrogade, "
        "Jernbanegade, Kirkevej, Skolevej, Strandvejen, Havnegade, Torvet, Møllevej, "
        "Vesterbrogade, Birkevej"
    )
    suffixes = ("ApS", "A/S", "I/S")
    brands = split_list("Nordhavn Design, Fyns Mejeri, Limfjord Fisk, Skovly Tømrer, Havblik Software, Kattegat Cykler")
    trades = ("Bageriet {f}", "Tandlæge {f}", "{f} VVS", "Autoværksted {f}", "{f} Blomster")
    clinics = ("Lægehuset ved Søen", "Tandklinikken Bakkegården", "Fysioterapi Østbyen")
    hotels = ("Hotel Strandly", "Skovhus Kro", "Hotel Fyrtårnet")
    schools = ("Skovbrynet Skole", "Højskolen ved Vadehavet", "Gymnasiet Nordvest")
    others = ("Foreningen Grønne Hænder", "Boldklubben Vestkysten", "Boghandlen Papirklip")
    webmail = ("mail.dk", "jubii.dk", "hotmail.dk", "gmail.com")
    phones = {
        "intl": ("+45 X# ## ## ##", "+45 X#######", "+45 X### ####"),
        "nat": ("X# ## ## ##", "X### ####"),
        "mobile": ("2# ## ## ##", "4# ## ## ##", "5#######"),
        "paren": ("(+45) X# ## ## ##",),
        "bare": ("2#######",),
    }
    house_patterns = ("X", "X#", "X#L", "XL")
    unit_patterns = ("X. tv.", "X. th.", "st. tv.", "st. th.", "X. mf.", "X. sal")
    unit_own_line = False
    pobox_patterns = ("Postboks X##",)
    pc_digits = 4
    money = (".", ",", "{} kr.")
    iban_cc = ("DK",)
    role_boxes = ("info", "kontakt", "salg", "bogholderi", "kundeservice")

    def postcode(self, rng, city):
        s = city[2] + digits(rng, 4 - len(city[2]))
        return s if city[2] != "1" else s[:3] + "0"

    def national_id(self, rng, p):
        d = p.dob
        last = rng.choice((1, 3, 5, 7, 9) if p.gender == "m" else (0, 2, 4, 6, 8))
        num = f"{d.day:02d}{d.month:02d}{d.year % 100:02d}" + digits(rng, 3) + str(last)
        return "CPR", f"{num[:6]}-{num[6:]}" if rng.random() < 0.8 else num, NATID


class NO(Locale):
    code, country, country_alt, cc, tld = "nb_NO", "Norway", ("Norge",), "47", ("no",)
    given_f = split_list(
        "Ingrid, Kari, Anne, Marit, Liv, Solveig, Nora, Emma, Sara, Ingeborg, Astrid, Silje, "
        "Hilde, Tone, Ragnhild, Maja, Thea, Sigrid, Vilde, Kristin"
    )
    given_m = split_list(
        "Ole, Lars, Knut, Per, Bjørn, Arne, Jon, Kjell, Terje, Håkon, Magnus, Sindre, Eirik, "
        "Torbjørn, Jakob, Henrik, Sondre, Øyvind, Espen, Geir"
    )
    family = split_list(
        "Hansen, Johansen, Olsen, Larsen, Andersen, Pedersen, Nilsen, Kristiansen, Jensen, "
        "Karlsen, Johnsen, Pettersen, Eriksen, Berg, Haugen, Hagen, Johannessen, Andreassen, "
        "Jacobsen, Dahl, Halvorsen, Lund, Strand, Solberg, Bakken, Lie, Moen, Aas, Nygård, "
        "Sæther, Rønning, Bakke, Kvam, Fjeld"
    )
    # fmt: off
    cities = (("Oslo", "Oslo", "0"), ("Bergen", "Vestland", "50"), ("Trondheim", "Trøndelag", "70"),
              ("Stavanger", "Rogaland", "40"), ("Drammen", "Buskerud", "30"), ("Kristiansand", "Agder", "46"),
              ("Tromsø", "Troms", "90"), ("Ålesund", "Møre og Romsdal", "60"), ("Bodø", "Nordland", "80"),
              ("Lillehammer", "Innlandet", "26"), ("Røros", "Trøndelag", "7374"), ("Flåm", "Vestland", "5743"),
              ("Reine", "Nordland", "8390"), ("Geiranger", "Møre og Romsdal", "6216"), ("Lærdal", "Vestland", "6887"),
              ("Hamar", "Innlandet", "23"))
    # fmt: on
    streets = split_list(
        "Storgata, Karl Johans gate, Kongens gate, Dronningens gate, Torggata, Skolegata, "
        "Kirkegata, Strandveien, Bryggen, Parkveien, Sjøgata, Fjellveien, Løkkeveien, Granveien, "
        "Elvegata, Nedre Slottsgate"
    )
    suffixes = ("AS", "ASA", "ANS")
    brands = split_list("Fjordlys Media, Nordkapp Sjømat, Granli Bygg, Polarlys Elektro, Vestland Trelast")
    trades = ("Bakeriet {f}", "Tannlege {f}", "{f} Rør", "Frisør {f}", "{f} Transport")
    clinics = ("Legesenteret Sentrum", "Tannhelse Nordlys", "Fysio Fjellstua")
    hotels = ("Hotell Fjordgløtt", "Fjellstua Gjestehus", "Sjøhuset Rorbuer")
    schools = ("Bjørkelia skole", "Sjøholmen videregående skole", "Folkehøgskolen Nordvik")
    others = ("Foreningen Fjellvenner", "IL Nordlys", "Bokhuset Ord")
    webmail = ("online.no", "getmail.no", "hotmail.com", "gmail.com")
    phones = {
        "intl": ("+47 X# ## ## ##", "+47 9## ## ###", "+47 4## ## ###", "+47 X#######"),
        "nat": ("X# ## ## ##", "2# ## ## ##"),
        "mobile": ("9## ## ###", "4## ## ###", "9#######"),
        "paren": ("(+47) 9## ## ###", "(+47) 2# ## ## ##"),
        "bare": ("9#######",),
    }
    house_patterns = ("X", "X#", "X#L", "XL")
    unit_patterns = ("H0X0X", "leil. H0X0X")
    pobox_patterns = ("Postboks X###", "Postboks X#")
    pc_digits = 4
    money = (" ", ",", "kr {}")
    iban_cc = ("NO",)
    role_boxes = ("post", "kundeservice", "info", "booking", "faktura")

    def national_id(self, rng, p):
        d = p.dob
        w1, w2 = (3, 7, 6, 1, 8, 9, 4, 5, 2), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
        while True:
            lo, hi = (0, 499) if d.year < 2000 else (500, 999)
            ind = rng.randint(lo, hi)
            if (ind % 2 == 1) != (p.gender == "m"):
                continue
            base = [int(c) for c in f"{d.day:02d}{d.month:02d}{d.year % 100:02d}{ind:03d}"]
            k1 = 11 - sum(a * b for a, b in zip(base, w1)) % 11
            k1 = 0 if k1 == 11 else k1
            if k1 == 10:
                continue
            k2 = 11 - sum(a * b for a, b in zip(base + [k1], w2)) % 11
            k2 = 0 if k2 == 11 else k2
            if k2 == 10:
                continue
            s = "".join(map(str, base + [k1, k2]))
            return "fødselsnummer", s if rng.random() < 0.7 else f"{s[:6]} {s[6:]}", NATID


class FI(Locale):
    code, country, country_alt, cc, tld = "fi_FI", "Finland", ("Suomi",), "358", ("fi",)
    given_f = split_list(
        "Aino, Anna, Maria, Helena, Johanna, Kaarina, Liisa, Sanna, Laura, Elina, Emilia, Sofia, "
        "Aada, Venla, Eveliina, Tuula, Päivi, Minna, Riikka, Satu"
    )
    given_m = split_list(
        "Juha, Mikko, Timo, Matti, Jari, Kari, Antti, Jukka, Markku, Pekka, Ville, Janne, Eero, "
        "Onni, Eino, Väinö, Lauri, Teemu, Tuomas, Heikki"
    )
    family = split_list(
        "Korhonen, Virtanen, Mäkinen, Nieminen, Mäkelä, Hämäläinen, Laine, Heikkinen, Koskinen, "
        "Järvinen, Lehtonen, Lehtinen, Saarinen, Salminen, Heinonen, Niemi, Heikkilä, Kinnunen, "
        "Salonen, Turunen, Salo, Laitinen, Tuominen, Rantanen, Karjalainen, Jokinen, Mattila, "
        "Savolainen, Lahtinen, Ahonen, Hiltunen, Räsänen, Leinonen, Kettunen"
    )
    # fmt: off
    cities = (("Helsinki", "Uusimaa", "00"), ("Espoo", "Uusimaa", "02"), ("Tampere", "Pirkanmaa", "33"),
              ("Vantaa", "Uusimaa", "01"), ("Oulu", "Pohjois-Pohjanmaa", "90"), ("Turku", "Varsinais-Suomi", "20"),
              ("Jyväskylä", "Keski-Suomi", "40"), ("Lahti", "Päijät-Häme", "15"), ("Kuopio", "Pohjois-Savo", "70"),
              ("Pori", "Satakunta", "28"), ("Porvoo", "Uusimaa", "06100"), ("Naantali", "Varsinais-Suomi", "21100"),
              ("Savonlinna", "Etelä-Savo", "57100"), ("Inari", "Lappi", "99870"), ("Rovaniemi", "Lappi", "96"),
              ("Hanko", "Uusimaa", "10900"), ("Kuusamo", "Pohjois-Pohjanmaa", "93600"))
    # fmt: on
    streets = split_list(
        "Mannerheimintie, Hämeenkatu, Aleksanterinkatu, Kauppakatu, Puistokatu, Koulukatu, "
        "Rantatie, Kirkkokatu, Asemakatu, Satamakatu, Koivukuja, Mäntytie, Urheilukatu, "
        "Kalevankatu, Pohjoisesplanadi, Läntinen Pitkäkatu"
    )
    suffixes = ("Oy", "Oyj", "Ky", "Tmi")
    brands = split_list(
        "Revontuli Data, Saimaan Puu, Kuusiston Leipomo, Pohjolan Kalusto, Järvisen Kuljetus, Lapin Matkat"
    )
    trades = ("Hammaslääkäri {f}", "Parturi {f}", "{f} Rakennus", "Leipomo {f}", "{f} Sähkö")
    clinics = ("Lääkärikeskus Kuura", "Hammasklinikka Helmi", "Fysioterapia Kielo")
    hotels = ("Hotelli Revontuli", "Kylpylähotelli Järvenranta", "Majatalo Kuusi")
    schools = ("Kalevan koulu", "Rantakylän lukio", "Ammattiopisto Pohjoinen")
    others = ("Yhdistys Vihreä Polku", "FC Kuura", "Kirjakauppa Sivu")
    webmail = ("kolumbus.fi", "elisanet.fi", "luukku.com", "gmail.com")
    area = ("9", "2", "3", "13", "14", "17", "8")
    mob = ("40", "41", "44", "45", "50")
    phones = {
        "intl": ("+358 {m} ### ####", "+358 {a} #### ####", "+358 {m}#######"),
        "nat": ("0{a} #### ####", "0{a} ### ###", "(0{a}) ### ####"),
        "mobile": ("0{m} ### ####", "0{m} #######", "0{m}-### ####"),
        "paren": ("(0{a}) #### ####", "(0{a}) ### ###"),
        "bare": ("0{m}#######",),
    }
    house_patterns = ("X", "X#")
    unit_patterns = ("A X", "B X#", "C X#", "as. X", "D X#")
    unit_seps = (" ",)
    unit_own_line = False
    pobox_patterns = ("P\\L X#", "P\\L X##")
    money = (" ", ",", "{} €")
    iban_cc = ("FI",)
    role_boxes = ("info", "asiakaspalvelu", "myynti", "laskutus", "toimisto")

    def national_id(self, rng, p):
        d = p.dob
        ind = rng.randint(2, 899)
        if (ind % 2 == 1) != (p.gender == "m"):
            ind += 1
        body = f"{d.day:02d}{d.month:02d}{d.year % 100:02d}"
        check = "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(body + f"{ind:03d}") % 31]
        return "henkilötunnus", f"{body}{'-' if d.year < 2000 else 'A'}{ind:03d}{check}", NATID


class CZ(Locale):
    code, country, the, cc, tld = "cs_CZ", "Czech Republic", "the ", "420", ("cz",)
    country_alt = ("Czechia", "Česká republika")
    given_f = split_list(
        "Jana, Marie, Eva, Hana, Anna, Lenka, Kateřina, Lucie, Věra, Alena, Petra, Veronika, "
        "Jaroslava, Tereza, Martina, Michaela, Zuzana, Barbora, Klára, Eliška"
    )
    given_m = split_list(
        "Jiří, Jan, Petr, Josef, Pavel, Martin, Tomáš, Jaroslav, Miroslav, Zdeněk, Václav, "
        "Michal, František, Jakub, Milan, Karel, Lukáš, David, Ondřej, Vojtěch"
    )
    family = split_list(
        "Novák|Nováková, Svoboda|Svobodová, Novotný|Novotná, Dvořák|Dvořáková, Černý|Černá, "
        "Procházka|Procházková, Kučera|Kučerová, Veselý|Veselá, Horák|Horáková, Němec|Němcová, "
        "Marek|Marková, Pokorný|Pokorná, Pospíšil|Pospíšilová, Hájek|Hájková, Jelínek|Jelínková, "
        "Král|Králová, Růžička|Růžičková, Beneš|Benešová, Fiala|Fialová, Sedláček|Sedláčková, "
        "Doležal|Doležalová, Zeman|Zemanová, Kolář|Kolářová, Navrátil|Navrátilová, "
        "Čermák|Čermáková, Urban|Urbanová, Vaněk|Vaňková, Blažek|Blažková, Kříž|Křížová, "
        "Kovář|Kovářová, Bartoš|Bartošová, Vlček|Vlčková"
    )
    # fmt: off
    cities = (("Praha", "Hlavní město Praha", "1"), ("Brno", "Jihomoravský kraj", "6"),
              ("Ostrava", "Moravskoslezský kraj", "70"), ("Plzeň", "Plzeňský kraj", "30"),
              ("Liberec", "Liberecký kraj", "460"), ("Olomouc", "Olomoucký kraj", "77"),
              ("České Budějovice", "Jihočeský kraj", "370"), ("Hradec Králové", "Královéhradecký kraj", "500"),
              ("Pardubice", "Pardubický kraj", "530"), ("Zlín", "Zlínský kraj", "760"),
              ("Český Krumlov", "Jihočeský kraj", "38101"), ("Telč", "Kraj Vysočina", "58856"),
              ("Kutná Hora", "Středočeský kraj", "28401"), ("Mikulov", "Jihomoravský kraj", "69201"),
              ("Třeboň", "Jihočeský kraj", "37901"), ("Karlovy Vary", "Karlovarský kraj", "360"))
    # fmt: on
    streets = split_list(
        "Vinohradská, Národní, Na Příkopě, Masarykova, Husova, Palackého, Nádražní, Komenského, "
        "Školní, Zahradní, Jiráskova, Smetanova, náměstí Míru, Dlouhá, Lidická, Karlova"
    )
    native_titles_f = ("paní", "Ing.", "MUDr.", "Mgr.")
    native_titles_m = ("pan", "Ing.", "MUDr.", "Mgr.")
    suffixes = ("s.r.o.", "a.s.", "v.o.s.")
    brands = split_list("Vltava Stavby, Krkonoše Sklo, Moravská Pekárna, Šumava Dřevo, Beskydy Trans")
    trades = ("Pekařství {f}", "Autoservis {f}", "Advokátní kancelář {f}", "Květinářství {f}")
    clinics = ("Poliklinika Letná", "Nemocnice Na Kopci", "Zubní klinika Úsměv")
    hotels = ("Hotel U Zlatého kohouta", "Penzion Pod Lipami", "Hotel Slunce")
    schools = ("Základní škola Na Výsluní", "Gymnázium Nad Parkem", "Vysoká škola Horizont")
    others = ("Spolek Zelené Město", "SK Slavoj Lhota", "Knihkupectví U Kocoura")
    webmail = ("seznam.cz", "centrum.cz", "email.cz", "gmail.com")
    phones = {
        "intl": ("+420 6## ### ###", "+420 7## ### ###", "+420 2## ### ###"),
        "nat": ("2## ### ###", "5## ### ###"),
        "mobile": ("6## ### ###", "7## ### ###", "7########"),
        "paren": ("(+420) 2## ### ###", "(+420) 6## ### ###"),
        "bare": ("7########",),
    }
    house_patterns = ("X", "X#", "X###/X#", "X##/X")
    unit_patterns = ("byt X", "byt č. X#", "X. patro")
    pobox_patterns = ("P.O. Box X#", "poštovní přihrádka X#")
    money = (" ", ",", "{} Kč")
    iban_cc = ("CZ",)
    role_boxes = ("info", "podpora", "obchod", "fakturace", "recepce")

    def format_pc(self, s):
        return f"{s[:3]} {s[3:]}"

    def national_id(self, rng, p):
        d = p.dob
        mm = d.month + (50 if p.gender == "f" else 0)
        while True:
            first9 = f"{d.year % 100:02d}{mm:02d}{d.day:02d}" + digits(rng, 3)
            check = int(first9) % 11
            if check < 10:
                return "rodné číslo", f"{first9[:6]}/{first9[6:]}{check}", NATID


class GB(Locale):
    code, country, the, cc, tld = "en_GB", "United Kingdom", "the ", "44", ("co.uk", "org.uk")
    country_alt = ("UK",)
    nations = {
        "Scotland": "Scotland",
        "Argyll and Bute": "Scotland",
        "Wales": "Wales",
        "Powys": "Wales",
        "Pembrokeshire": "Wales",
        "Northern Ireland": "Northern Ireland",
    }

    def country_for(self, rng, city):
        r = rng.random()
        if r < 0.25:
            return self.nations.get(city[1], "England")
        return "UK" if r < 0.45 else self.country

    given_f = split_list(
        "Olivia, Amelia, Isla, Ava, Emily, Sophie, Charlotte, Grace, Lucy, Hannah, Eleanor, "
        "Harriet, Imogen, Rosie, Megan, Siobhan, Fiona, Gemma, Catherine, Bethan"
    )
    given_m = split_list(
        "Oliver, George, Harry, Jack, Charlie, Thomas, James, William, Alfie, Oscar, Callum, "
        "Rhys, Angus, Hamish, Dylan, Owen, Gareth, Nigel, Rupert, Declan"
    )
    family = split_list(
        "Smith, Jones, Taylor, Brown, Williams, Wilson, Johnson, Davies, Robinson, Wright, Thompson, "
        "Evans, Walker, White, Roberts, Green, Hall, Wood, Jackson, Clarke, Patel, Khan, Hughes, "
        "Edwards, Lewis, Morgan, Campbell, Murray, Fletcher, Ashworth, Pritchard, Okafor, MacLeod, "
        "Whitfield"
    )
    # fmt: off
    cities = (("London", "Greater London", "SE"), ("Manchester", "Greater Manchester", "M"),
              ("Leeds", "West Yorkshire", "LS"), ("Birmingham", "West Midlands", "B"), ("Bristol", "Bristol", "BS"),
              ("Edinburgh", "Scotland", "EH"), ("Glasgow", "Scotland", "G"), ("Cardiff", "Wales", "CF"),
              ("Belfast", "Northern Ireland", "BT"), ("Liverpool", "Merseyside", "L"),
              ("Newcastle upon Tyne", "Tyne and Wear", "NE"), ("York", "North Yorkshire", "YO"),
              ("Ambleside", "Cumbria", "LA"), ("Tobermory", "Argyll and Bute", "PA"), ("St Ives", "Cornwall", "TR"),
              ("Hay-on-Wye", "Powys", "HR"), ("Whitby", "North Yorkshire", "YO"),
              ("Stow-on-the-Wold", "Gloucestershire", "GL"), ("Tenby", "Pembrokeshire", "SA"))
    # fmt: on
    streets = split_list(
        "High Street, Church Lane, Station Road, Victoria Road, Mill Lane, Park Avenue, "
        "Queen Street, The Green, Kings Road, Manor Close, Orchard Way, Chapel Street, "
        "Albert Terrace, Meadow View, Castle Wynd, Bridge Street"
    )
    number_first = True
    suffixes = ("Ltd", "Limited", "PLC", "LLP")
    brands = split_list(
        "Pennine Precision Engineering, Harbourside Analytics, Brackenfield Foods, Kestrel Print, "
        "Wessex Lettings, Thistle & Thorn Landscaping"
    )
    trades = ("{f} & Sons", "{f} Dental Care", "{f} Solicitors", "{f}'s Bakery", "{f} Plumbing & Heating")
    clinics = ("Riverside Medical Centre", "Parkview Dental Practice", "Northgate Physiotherapy", "St Aidan's Hospital")
    hotels = ("The Old Rectory Hotel", "The Harbour Inn", "Lakeside Lodge")
    schools = ("Hillcrest Primary School", "Northbrook Sixth Form College", "Elmfield Academy")
    others = ("Friends of Elm Park", "Kingsmead Rovers FC", "The Book Nook", "Oxhey Food Bank")
    webmail = ("btinternet.com", "sky.com", "hotmail.co.uk", "gmail.com", "yahoo.co.uk")
    area = ("20", "161", "113", "121", "117", "131", "141", "29", "1632", "1904")
    mob = ("7700", "7712", "7723", "7811", "7900", "7456")
    phones = {
        "intl": ("+44 {a} ### ####", "+44 {m} ######", "+44 (0){a} ### ####", "+44 20 7### ####"),
        "nat": ("0{a} ### ####", "020 7### ####", "01632 ######"),
        "mobile": ("0{m} ######", "0{m} ### ###"),
        "paren": ("(0{a}) ### ####", "(020) 7### ####"),
        "bare": ("0{m}######",),
    }
    house_patterns = ("X", "X#", "X#a", "X")
    unit_patterns = ("Flat X", "Flat XL", "Flat X#", "Apartment X#", "Unit X", "2nd Floor", "Ground Floor")
    pobox_patterns = ("PO Box X##", "PO Box X###")
    money = (",", ".", "£{}")
    date_style = "dmy/"
    iban_cc = ("GB",)
    en_titles_f = ("Ms", "Mrs", "Miss", "Dr", "Prof")
    en_titles_m = ("Mr", "Dr", "Prof")

    def join_unit(self, rng, street, unit):
        return f"{unit}, {street}" if rng.random() < 0.6 else f"{street}, {unit}"

    def postcode(self, rng, city):
        area = city[2]
        district = str(rng.randint(1, 9 if len(area) == 2 else 20))
        if area == "SE" and rng.random() < 0.3:
            district = "1" + rng.choice("PY")
        inward = str(rng.randint(0, 9)) + "".join(rng.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2))
        return f"{area}{district} {inward}"

    def city_lines(self, a, up, oneline):
        city = a.city.upper() if a.variant % 2 and not oneline else a.city
        if oneline:
            return [[LOC(up(city)), " ", PC(up(a.postcode))]]
        return [[LOC(up(city))], [PC(up(a.postcode))]]

    def national_id(self, rng, p):
        first = "ABCEGHJKLMNOPRSTWXYZ"
        second = "ABCEGHJKLMNPRSTWXYZ"
        while True:
            pre = rng.choice(first) + rng.choice(second)
            if pre not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
                break
        n = digits(rng, 6)
        suf = rng.choice("ABCD")
        if rng.random() < 0.5:
            return "National Insurance number", f"{pre} {n[:2]} {n[2:4]} {n[4:]} {suf}", NATID
        return "NI number", f"{pre}{n}{suf}", NATID


class US(Locale):
    code, country, the, cc, tld = "en_US", "United States", "the ", "1", ("com", "org", "net")
    country_alt = ("USA", "U.S.A.")
    given_f = split_list(
        "Emily, Jessica, Ashley, Sarah, Jennifer, Megan, Lauren, Brittany, Hannah, Madison, "
        "Olivia, Abigail, Kayla, Rachel, Danielle, Tiffany, Shanice, Maria, Keisha, Courtney"
    )
    given_m = split_list(
        "Michael, Christopher, Matthew, Joshua, David, Daniel, James, Robert, Tyler, Brandon, "
        "Justin, Kevin, Ryan, Andrew, Jamal, Carlos, Dustin, Travis, Marcus, Cody"
    )
    family = split_list(
        "Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Garcia, Rodriguez, Wilson, "
        "Martinez, Anderson, Taylor, Thomas, Hernandez, Moore, Martin, Jackson, Thompson, White, "
        "Lopez, Lee, Gonzalez, Harris, Clark, Lewis, Robinson, Walker, Nguyen, Kowalczyk, O'Brien, "
        "Washington, Schultz, Yamamoto"
    )
    # fmt: off
    cities = (("New York", "NY", "100"), ("San Francisco", "CA", "941"), ("Chicago", "IL", "606"),
              ("Boston", "MA", "021"), ("Seattle", "WA", "981"), ("Austin", "TX", "787"), ("Denver", "CO", "802"),
              ("Atlanta", "GA", "303"), ("Portland", "OR", "972"), ("Minneapolis", "MN", "554"),
              ("Phoenix", "AZ", "850"), ("Nashville", "TN", "372"), ("Bozeman", "MT", "59715"),
              ("Galena", "IL", "61036"), ("Bar Harbor", "ME", "04609"), ("Taos", "NM", "87571"),
              ("Astoria", "OR", "97103"), ("Marfa", "TX", "79843"))
    # fmt: on
    streets = split_list(
        "Maple Avenue, Oak Street, Main Street, Elm Street, Washington Boulevard, Park Avenue, "
        "Pine Street, Cedar Lane, Lakeview Drive, Sunset Boulevard, Highland Avenue, Mill Road, "
        "Jefferson Street, Broadway, Riverside Drive, Willow Court"
    )
    abbrev = (("Avenue", "Ave"), ("Street", "St"), ("Boulevard", "Blvd"), ("Drive", "Dr"))
    number_first = True
    en_titles_f = ("Ms.", "Mrs.", "Dr.")
    en_titles_m = ("Mr.", "Dr.")
    suffixes = ("Inc.", "LLC", "Corp.", "Co.")
    brands = split_list(
        "Blue Mesa Outfitters, Granite Peak Software, Prairie Wind Energy, Harborview Logistics, "
        "Redwood Analytics, Liberty Tool & Die"
    )
    trades = ("{f} Family Dentistry", "{f} & Associates", "{f} Plumbing", "{f}'s Hardware", "{f} Law Group")
    clinics = ("Lakeside Pediatrics", "Mercy Valley Medical Center", "Summit Orthopedics", "Pine Ridge Dental")
    hotels = ("The Cedar Inn", "Harbor Lights Motel", "Grand Prairie Hotel")
    schools = ("Lincoln Elementary School", "Westfield High School", "Clearwater Community College")
    others = ("Helping Hands Food Bank", "Riverside Rockets", "Second Chapter Books", "Oak Hollow Little League")
    webmail = ("yahoo.com", "outlook.com", "comcast.net", "gmail.com", "aol.com")
    area = ("212", "415", "312", "617", "206", "512", "303", "404", "503", "612", "602", "615", "406", "207")
    phones = {
        "intl": ("+1 {a} X##-####", "+1 ({a}) X##-####", "+1-{a}-X##-####", "+1 {a} X## ####"),
        "nat": ("{a}-X##-####", "{a}.X##.####", "({a}) X##-####"),
        "mobile": ("{a}-X##-####", "({a}) X##-####"),
        "paren": ("({a}) X##-####",),
        "bare": ("{a}X######",),
    }
    house_patterns = ("X#", "X##", "X###", "X####")
    unit_patterns = ("Apt 1#", "Apt. XL", "Suite X#0", "Unit X", "~X0X", "Floor X")
    unit_seps = (", ", " ")
    pobox_patterns = ("PO Box X###", "P.O. Box X##")
    money = (",", ".", "${}")
    date_style = "mdy/"
    iban_cc = ("DE", "NL", "IE", "GB", "CH")
    role_boxes = ("info", "support", "billing", "sales", "hello", "frontdesk")

    def postcode(self, rng, city):
        z = city[2] + digits(rng, 5 - len(city[2]))
        return z + "-" + digits(rng, 4) if rng.random() < 0.2 else z

    def city_lines(self, a, up, oneline):
        return [[LOC(up(a.city)), ", ", LOC(up(a.region)), " ", PC(up(a.postcode))]]

    def national_id(self, rng, p):
        while True:
            area = rng.randint(1, 899)
            if area != 666:
                break
        n = f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
        sep = rng.choice(("-", "-", "-", " "))
        return "SSN", f"{n[:3]}{sep}{n[3:5]}{sep}{n[5:]}", SSN


class CA(Locale):
    code, country, country_alt, cc, tld = "en_CA", "Canada", (), "1", ("ca", "com")
    given_f = split_list(
        "Emma, Olivia, Charlotte, Sophie, Mégane, Isabelle, Geneviève, Amélie, Jasmine, Avery, "
        "Madison, Brooke, Nicole, Kaitlyn, Priya, Mei, Siobhan, Tessa, Marie-Ève, Chloé"
    )
    given_m = split_list(
        "Liam, Noah, Ethan, Logan, Benjamin, William, Jacob, Alexandre, Félix, Mathieu, Gabriel, "
        "Owen, Connor, Tristan, Raj, Wei, Hunter, Samuel, Étienne, Jean-François"
    )
    family = split_list(
        "Tremblay, Gagnon, Roy, Côté, Bouchard, Gauthier, Morin, Lavoie, Fortin, Gagné, Ouellet, "
        "Pelletier, Bélanger, Lévesque, Bergeron, Leblanc, Smith, Brown, MacDonald, Campbell, "
        "Wilson, Martin, Anderson, Taylor, Thompson, Wong, Singh, Chen, Fraser, McKenzie, "
        "Sutherland, Nguyen"
    )
    # fmt: off
    cities = (("Toronto", "ON", "M"), ("Montréal", "QC", "H"), ("Vancouver", "BC", "V"), ("Calgary", "AB", "T"),
              ("Edmonton", "AB", "T"), ("Ottawa", "ON", "K"), ("Winnipeg", "MB", "R"), ("Québec", "QC", "G"),
              ("Halifax", "NS", "B"), ("Victoria", "BC", "V"), ("Saskatoon", "SK", "S"), ("St. John's", "NL", "A"),
              ("Canmore", "AB", "T"), ("Lunenburg", "NS", "B"), ("Tofino", "BC", "V"), ("Gananoque", "ON", "K"),
              ("Baie-Saint-Paul", "QC", "G"), ("Whitehorse", "YT", "Y"), ("Charlottetown", "PE", "C"),
              ("Moncton", "NB", "E"))
    # fmt: on
    streets = split_list(
        "King Street West, Yonge Street, rue Sainte-Catherine, Granville Street, Jasper Avenue, "
        "Portage Avenue, Spring Garden Road, rue Saint-Jean, Wellington Street, Bloor Street East, "
        "Main Street, Water Street, Queen Street, Robson Street, Maple Grove Crescent, "
        "boulevard René-Lévesque"
    )
    abbrev = (("Street", "St."), ("Avenue", "Ave."), (" West", " W"), (" East", " E"))
    number_first = True
    en_titles_f = ("Ms.", "Mrs.", "Dr.", "Mme")
    en_titles_m = ("Mr.", "Dr.", "M.")
    suffixes = ("Inc.", "Ltd.", "Ltée", "Corp.")
    brands = split_list(
        "Northern Pine Outfitters, Maple Ridge Analytics, Boréal Construction, Laurentian Freight, "
        "Tidewater Seafoods, Prairie Sky Farms"
    )
    trades = ("{f} Dental", "Boulangerie {f}", "{f} Plumbing & Heating", "Pharmacie {f}", "{f} Law Office")
    clinics = ("Clinique Médicale du Plateau", "Lakeshore Family Health Team", "Harbourview Physiotherapy")
    hotels = ("The Prospector Inn", "Hôtel Belle-Rive", "Driftwood Lodge")
    schools = ("École secondaire Saint-Laurent", "Maplewood Public School", "Prairie Sky College")
    others = ("Friends of the Ravine", "Eastside Huskies Hockey Club", "Bookshelf Bay", "Centraide Rive-Nord")
    webmail = ("rogers.com", "shaw.ca", "videotron.ca", "sympatico.ca", "gmail.com")
    area = ("416", "647", "604", "514", "403", "613", "902", "204", "306", "709", "780", "250", "819")
    phones = US.phones
    house_patterns = ("X#", "X##", "X###")
    unit_patterns = ("Unit X#0X", "Suite X00", "Apt. X#", "Apt X#", "Unit X#")
    pobox_patterns = ("PO Box X###", "C.P. X##")
    money = (",", ".", "${} CAD")
    date_style = "iso"
    iban_cc = ("GB", "FR", "IE", "DE")
    role_boxes = ("info", "support", "reception", "billing", "bonjour")

    def join_unit(self, rng, street, unit):
        num = "".join(c for c in unit if c.isdigit())
        if num and rng.random() < 0.35:
            return f"{num}-{street}"
        return f"{street}, {unit}"

    def postcode(self, rng, city):
        letters = "ABCEGHJKLMNPRSTVWXYZ"
        return (
            f"{city[2]}{rng.randint(0, 9)}{rng.choice(letters)} "
            f"{rng.randint(0, 9)}{rng.choice(letters)}{rng.randint(0, 9)}"
        )

    def city_lines(self, a, up, oneline):
        if a.variant % 2 and not oneline:
            return [[LOC(up(a.city)), " ", LOC(up(a.region)), "  ", PC(up(a.postcode))]]
        return [[LOC(up(a.city)), ", ", LOC(up(a.region)), " ", PC(up(a.postcode))]]

    def national_id(self, rng, p):
        body = str(rng.choice((1, 2, 3, 4, 5, 6, 7, 9))) + digits(rng, 7)
        n = body + luhn_digit(body)
        sep = rng.choice((" ", "-", " "))
        return "SIN", f"{n[:3]}{sep}{n[3:6]}{sep}{n[6:]}", NATID


class AU(Locale):
    code, country, country_alt, cc, tld = "en_AU", "Australia", (), "61", ("com.au", "org.au")
    given_f = split_list(
        "Charlotte, Olivia, Mia, Chloe, Isla, Matilda, Zoe, Jessica, Sarah, Kylie, Tahlia, Brooke, "
        "Sienna, Georgia, Alana, Leanne, Narelle, Emma, Ruby, Imogen"
    )
    given_m = split_list(
        "Jack, William, Noah, Oliver, Lachlan, Cooper, Riley, Hamish, Mitchell, Bradley, Darren, "
        "Shane, Jarrah, Kieran, Liam, Archie, Angus, Nathan, Lucas, Callum"
    )
    family = split_list(
        "Smith, Jones, Williams, Brown, Wilson, Taylor, Johnson, White, Martin, Anderson, "
        "Thompson, Nguyen, Thomas, Walker, Harris, Lee, Ryan, Robinson, Kelly, King, Davis, Wright, "
        "Evans, Roberts, Green, Hall, Wood, Jackson, Clarke, Papadopoulos, Russo, O'Connor, "
        "Mitchell, Kaur, Tran"
    )
    # fmt: off
    cities = (("Sydney", "NSW", "2000"), ("Melbourne", "VIC", "3000"), ("Brisbane", "QLD", "4000"),
              ("Perth", "WA", "6000"), ("Adelaide", "SA", "5000"), ("Hobart", "TAS", "7000"), ("Darwin", "NT", "0800"),
              ("Canberra", "ACT", "2600"), ("Newcastle", "NSW", "2300"), ("Geelong", "VIC", "3220"),
              ("Cairns", "QLD", "4870"), ("Mudgee", "NSW", "2850"), ("Broome", "WA", "6725"),
              ("Daylesford", "VIC", "3460"), ("Margaret River", "WA", "6285"), ("Kiama", "NSW", "2533"),
              ("Bright", "VIC", "3741"), ("Alice Springs", "NT", "0870"), ("Surry Hills", "NSW", "2010"),
              ("Fremantle", "WA", "6160"))
    # fmt: on
    streets = split_list(
        "George Street, Collins Street, Wattle Street, Bourke Street, Queen Street, Hay Street, "
        "Murray Street, Beach Road, Banksia Avenue, Jacaranda Drive, Station Street, Boundary Road, "
        "Eucalyptus Crescent, Main Street, Pacific Highway, Kookaburra Lane"
    )
    abbrev = (("Street", "St"), ("Avenue", "Ave"), ("Crescent", "Cres"), ("Highway", "Hwy"))
    number_first = True
    suffixes = ("Pty Ltd", "Pty. Ltd.", "Ltd")
    brands = split_list(
        "Southern Cross Solar, Red Gum Joinery, Coral Coast Tours, Bluegum Analytics, Saltbush Catering"
    )
    trades = ("{f} Plumbing", "{f} Family Dental", "{f} & Co Accountants", "{f}'s Bakehouse", "{f} Electrical")
    clinics = ("Harbourside Medical Centre", "Bayview GP Clinic", "Wattle Grove Physio")
    hotels = ("The Jacaranda Motel", "Seabreeze Resort", "Outback Pioneer Lodge")
    schools = ("Banksia Primary School", "Riverside Secondary College", "Southern Cross Institute of TAFE")
    others = ("Friends of the Creek", "Bayside Sharks FC", "The Dog-Eared Book", "Northside Community Shed")
    webmail = ("bigpond.com", "optusnet.com.au", "iinet.net.au", "gmail.com")
    area = ("2", "3", "7", "8")
    mob = ("41", "42", "43", "45", "47", "49")
    phones = {
        "intl": ("+61 {a} #### ####", "+61 4## ### ###", "+61 (0){a} #### ####"),
        "nat": ("(0{a}) #### ####", "0{a} #### ####"),
        "mobile": ("0{m}# ### ###", "0{m}#######", "0{m}# ### ###"),
        "paren": ("(0{a}) ####-####", "(0{a}) #### ####"),
        "bare": ("0{m}#######",),
    }
    house_patterns = ("X", "X#", "X##", "X#A")
    unit_patterns = ("Unit X", "Unit X#", "\\Level X#", "Suite X", "Shop X")
    pobox_patterns = ("PO Box X##", "GPO Box X###", "\\Locked Bag X#")
    pc_digits = 4
    money = (",", ".", "A${}")
    date_style = "dmy/"
    iban_cc = ("GB", "DE", "NL")
    role_boxes = ("info", "admin", "reception", "accounts", "enquiries")

    def join_unit(self, rng, street, unit):
        if unit.startswith("Unit ") and rng.random() < 0.5:
            return f"{unit[5:]}/{street}"
        return f"{unit}, {street}"

    def postcode(self, rng, city):
        return city[2]

    def city_lines(self, a, up, oneline):
        city = a.city.upper() if a.variant % 2 else a.city
        sep = "  " if a.variant % 3 == 0 and not oneline else " "
        return [[LOC(up(city)), " ", LOC(up(a.region)), sep, PC(up(a.postcode))]]

    def national_id(self, rng, p):
        w = (1, 4, 3, 7, 5, 8, 6, 9, 10)
        while True:
            base = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
            s = sum(a * b for a, b in zip(base, w))
            for last in range(10):
                if (s + 10 * last) % 11 == 0:
                    n = "".join(map(str, base)) + str(last)
                    return "TFN", f"{n[:3]} {n[3:6]} {n[6:]}", NATID


class IN(Locale):
    code, country, country_alt, cc, tld = "en_IN", "India", ("Bharat",), "91", ("in", "co.in")
    given_f = split_list(
        "Priya, Ananya, Kavya, Divya, Sneha, Pooja, Lakshmi, Meera, Aishwarya, Deepa, Nandini, "
        "Shruti, Fatima, Harpreet, Anjali, Ritu, Swati, Sunita, Geeta, Ishita"
    )
    given_m = split_list(
        "Rahul, Arjun, Vikram, Rohan, Amit, Sanjay, Ravi, Suresh, Karthik, Aditya, Manish, Rajesh, "
        "Imran, Gurpreet, Venkatesh, Anil, Deepak, Nikhil, Siddharth, Pranav"
    )
    family = split_list(
        "Sharma, Verma, Gupta, Singh, Kumar, Patel, Reddy, Nair, Iyer, Rao, Menon, Mehta, Joshi, "
        "Chatterjee, Banerjee, Mukherjee, Das, Bose, Desai, Shah, Kapoor, Malhotra, Agarwal, Pillai, "
        "Naidu, Khan, Qureshi, Fernandes, D'Souza, Ghosh, Chopra, Bhat, Kulkarni, Deshpande"
    )
    # fmt: off
    cities = (("Mumbai", "Maharashtra", "400"), ("New Delhi", "Delhi", "110"), ("Bengaluru", "Karnataka", "560"),
              ("Chennai", "Tamil Nadu", "600"), ("Kolkata", "West Bengal", "700"), ("Hyderabad", "Telangana", "500"),
              ("Pune", "Maharashtra", "411"), ("Ahmedabad", "Gujarat", "380"), ("Jaipur", "Rajasthan", "302"),
              ("Kochi", "Kerala", "682"), ("Lucknow", "Uttar Pradesh", "226"), ("Munnar", "Kerala", "685612"),
              ("Mysuru", "Karnataka", "570"), ("Udaipur", "Rajasthan", "313"), ("Shillong", "Meghalaya", "793"),
              ("Dharamshala", "Himachal Pradesh", "176215"), ("Hampi", "Karnataka", "583239"))
    # fmt: on
    streets = split_list(
        "MG Road, 12th Main Road, Linking Road, Park Street, Brigade Road, Nehru Marg, "
        "Station Road, Temple Street, Residency Road, Lake View Road, 3rd Cross Road, "
        "100 Feet Road, Church Street, Hill Road, SV Road, Mount Road"
    )
    localities = split_list(
        "Indiranagar, Koramangala, Andheri West, Bandra East, Salt Lake, Jubilee Hills, "
        "Anna Nagar, T. Nagar, Vasant Kunj, Kothrud, Malviya Nagar, Banjara Hills"
    )
    locality_p = 0.8
    en_titles_f = ("Ms.", "Mrs.", "Dr.", "Smt.")
    en_titles_m = ("Mr.", "Dr.", "Shri")
    suffixes = ("Pvt. Ltd.", "Private Limited", "Ltd.", "LLP")
    brands = split_list("Sahyadri Agro, Nilgiri Textiles, Deccan Softworks, Ganga Logistics, Kaveri Pharma, Thar Solar")
    trades = ("{f} Dental Clinic", "{f} & Sons Jewellers", "{f} Associates", "Shree {f} Traders", "{f} Opticals")
    clinics = ("Sunrise Multispeciality Hospital", "Lotus Eye Care", "Arogya Family Clinic")
    hotels = ("Hotel Lake View Residency", "Coconut Grove Homestay", "Hotel Silver Oak")
    schools = ("Green Valley Public School", "Deccan Institute of Technology", "Little Flower Convent School")
    others = ("Sewa Sahayog Foundation", "Royal Strikers Cricket Club", "Book Nest")
    webmail = ("rediffmail.com", "gmail.com", "yahoo.co.in", "outlook.com")
    area = ("80", "22", "11", "44", "33", "40", "20")
    phones = {
        "intl": ("+91 9#### #####", "+91 {a} #### ####", "+91-{a}-########", "+91 7#### #####"),
        "nat": ("0{a}-########", "0{a} #### ####", "0{a}-#### ####"),
        "mobile": ("9#### #####", "098## #####", "8#### #####", "9#########"),
        "paren": ("(0{a}) ####-####", "(0{a}) #### ####"),
        "bare": ("9#########",),
    }
    unit_patterns = ("Flat X0X, {a}", "Flat No. X0X, {a}", "X#/L, {a}", "Door No. X-#")
    buildings = (
        "Sai Krupa Apartments",
        "Lotus Residency",
        "Green Meadows",
        "Shanti Kunj",
        "Sunshine Towers",
        "Palm Grove",
    )
    pobox_patterns = ("PO Box X###", "Post Box No. X##")
    pc_digits = 6
    money = (",", ".", "₹{}")
    date_style = "dmy/"
    iban_cc = ("GB", "DE", "NL")
    role_boxes = ("info", "support", "accounts", "hr", "care")

    def street_line(self, rng):
        name = self.street_name(rng)
        no = rng.choice(("No. X#", "~X#", "X#/X", "Plot No. X#", "X##"))
        return f"{fill(rng, no)}, {name}"

    def unit(self, rng):
        return fill(rng, rng.choice(self.unit_patterns), area=self.buildings)

    def join_unit(self, rng, street, unit):
        return f"{unit}, {street}"

    def city_lines(self, a, up, oneline):
        if a.variant % 2:
            first = [LOC(up(a.city)), " - ", PC(up(a.postcode))]
        else:
            first = [LOC(up(a.city)), " ", PC(up(a.postcode))]
        return [first, [LOC(up(a.region))]]

    def fmt_money(self, x):
        whole, cents = divmod(round(x * 100), 100)
        s = str(whole)
        if len(s) > 3:
            head, tail = s[:-3], s[-3:]
            groups = []
            while len(head) > 2:
                groups.insert(0, head[-2:])
                head = head[:-2]
            if head:
                groups.insert(0, head)
            s = ",".join(groups) + "," + tail
        return f"₹{s}.{cents:02d}"

    def national_id(self, rng, p):
        if rng.random() < 0.7:
            body = str(rng.randint(2, 9)) + digits(rng, 10)
            n = body + verhoeff_digit(body)
            return "Aadhaar", f"{n[:4]} {n[4:8]} {n[8:]}", NATID
        pan = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + "P"
        pan += ascii_fold(p.family)[0].upper() + digits(rng, 4) + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
        return "PAN", pan, NATID


LOCALES: tuple[Locale, ...] = (
    PL(),
    DE(),
    FR(),
    ES(),
    IT(),
    BR(),
    PT(),
    NL(),
    HU(),
    SE(),
    DK(),
    NO(),
    FI(),
    CZ(),
    GB(),
    US(),
    CA(),
    AU(),
    IN(),
)


# ----------------------------------------------------------------------------- values


class Person:
    __slots__ = ("given", "family", "gender", "dob", "loc")

    @property
    def full(self) -> str:
        if self.loc.family_first:
            return f"{self.family} {self.given}"
        return f"{self.given} {self.family}"


class Org:
    __slots__ = ("name", "domain", "kind", "suffixed")


# fmt: off
JOBS = ("Office Manager", "Head of Procurement", "Senior Accountant", "Logistics Coordinator", "Sales Director",
        "Project Engineer", "HR Business Partner", "Software Developer", "Legal Counsel", "Customer Success Lead",
        "Operations Manager", "Marketing Specialist", "Data Analyst", "Practice Manager", "Export Manager",
        "Site Supervisor", "Quality Engineer", "Head of Finance", "Account Manager", "Research Associate")
# fmt: on
# fmt: off
PRODUCTS = ("AeroBrew 2 kettle", "TrailRunner GTX shoes", "K-200 router", "Nordic Oak desk", "ComfortFlex chair",
            "rose gold phone case", "SmartHub 4 controller", "Aqua Pure filter cartridge", "LED panel 60x60",
            "UltraDry towel set", "ProScan 900 printer", "Summit 45 L backpack", "Cirrus air purifier")
# fmt: on
# fmt: off
PATHS = ("contact", "en/contact", "about", "en/about-us", "booking", "careers", "appointments", "shop/returns",
         "team", "en/")
# fmt: on
UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.3 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
)
FLIGHT_CODES = ("LH", "LO", "FR", "KL", "AF", "IB", "AZ", "SK", "AY", "OK", "TP", "U2", "W6", "EI", "AC", "QF", "AI")


class Gen:
    """Values for one document: the locale's people, places and numbers, drawn from ``rng``."""

    def __init__(self, rng: random.Random, loc: Locale) -> None:
        self.rng = rng
        self.L = loc

    # --- basics
    def pick(self, seq):
        return self.rng.choice(seq)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def other_locale(self) -> Locale:
        return self.pick([x for x in LOCALES if x is not self.L])

    # --- people
    def person(self, gender: str | None = None, loc: Locale | None = None) -> Person:
        L, rng = loc or self.L, self.rng
        p = Person()
        p.loc = L
        p.gender = gender or rng.choice("fm")
        p.given = rng.choice(L.given_f if p.gender == "f" else L.given_m)
        fam = L.family_for(rng.choice(L.family), p.gender)
        two = {"es_ES": 0.85, "pt_BR": 0.4, "pt_PT": 0.45}.get(L.code, 0.0)
        if rng.random() < two:
            second = L.family_for(rng.choice(L.family), p.gender)
            if second != fam:
                fam = f"{fam} {second}"
        p.family = fam
        p.dob = date(1948, 1, 1) + timedelta(days=rng.randint(0, 20800))
        return p

    def title(self, p: Person, native: float = 0.5) -> str:
        L = p.loc
        if L.native_titles_f and self.chance(native):
            return self.pick(L.native_titles_f if p.gender == "f" else L.native_titles_m)
        return self.pick(L.en_titles_f if p.gender == "f" else L.en_titles_m)

    def job(self) -> str:
        return self.pick(JOBS)

    # --- organisations
    def org(self, kind: str = "company", loc: Locale | None = None) -> Org:
        L, rng = loc or self.L, self.rng
        if kind == "any":
            kind = rng.choice(("company", "company", "company", "clinic", "school", "other", "hotel"))
        suffix = ""
        if kind in ("clinic", "hotel", "school", "other"):
            base = rng.choice({"clinic": L.clinics, "hotel": L.hotels, "school": L.schools, "other": L.others}[kind])
        else:
            if kind == "trade" or rng.random() < 0.45:
                base = rng.choice(L.trades).format(f=L.family_for(rng.choice(L.family), "m"))
            else:
                base = rng.choice(L.brands)
            want = {"suffix": 1.0, "plain": 0.0, "trade": 0.2}.get(kind, 0.5)
            if rng.random() < want:
                suffix = rng.choice(L.suffixes)
        o = Org()
        o.name = f"{base} {suffix}" if suffix else base
        o.kind, o.suffixed = kind, bool(suffix)
        ws = [w for w in words_of(base, L.german) if w not in ("e", "v", "the", "de", "la", "le", "du", "di", "del")]
        if len(ws) > 3:
            ws = [ws[0], ws[-1]]
        o.domain = rng.choice(("-", "", "-")).join(ws) + "." + rng.choice(L.tld)
        return o

    # --- addresses
    def addr(self, unit: bool | None = None, pobox: bool = False, loc: Locale | None = None) -> Addr:
        L, rng = loc or self.L, self.rng
        a = Addr()
        a.loc = L
        city = rng.choice(L.cities)
        a.city, a.region = city[0], city[1]
        a.postcode = L.postcode(rng, city)
        a.street = L.street_line(rng)
        has_unit = unit if unit is not None else rng.random() < 0.4
        a.unit = L.unit(rng) if (has_unit and L.unit_patterns) else None
        a.joined = L.join_unit(rng, a.street, a.unit) if a.unit else a.street
        a.pobox = L.pobox(rng) if pobox else None
        a.locality = rng.choice(L.localities) if L.localities and rng.random() < L.locality_p else None
        a.variant = rng.randrange(1000)
        a.country = L.country_for(rng, city)
        return a

    # --- contact
    def phone(self, style: str | None = None, loc: Locale | None = None) -> str:
        L = loc or self.L
        if style is None:
            style = self.pick(("intl", "intl", "nat", "mobile", "mobile", "paren", "intl00"))
        return L.phone(self.rng, style)

    def local_part(self, p: Person, digits_ok: bool = False) -> str:
        de = p.loc.german
        g = "".join(words_of(p.given, de)) or "x"
        f = "".join(words_of(p.family.split(" ")[0] if p.loc.code in ("es_ES", "pt_BR", "pt_PT") else p.family, de))
        pats = [f"{g}.{f}", f"{g[0]}.{f}", f"{g}{f}", f"{f}.{g}", f"{g[0]}{f}", f"{g}_{f}"]
        if digits_ok:
            pats += [f"{g}{f}{self.rng.randint(1, 99)}", f"{g}.{f}{p.dob.year % 100:02d}", f"{f}{g[0]}{p.dob.year}"]
        return self.pick(pats)

    def email(self, p: Person, org: Org | None = None) -> str:
        if org is not None:
            return f"{self.local_part(p)}@{org.domain}"
        return f"{self.local_part(p, True)}@{self.pick(p.loc.webmail)}"

    def role_email(self, org: Org, loc: Locale | None = None) -> str:
        return f"{self.pick((loc or self.L).role_boxes)}@{org.domain}"

    def url(self, org: Org) -> str:
        d, path = org.domain, self.pick(PATHS)
        return self.pick(
            (
                f"https://www.{d}",
                f"https://{d}/{path}",
                f"http://www.{d}/{path}",
                f"www.{d}",
                f"https://www.{d}/{path}",
                f"www.{d}/{path}",
            )
        )

    # --- identifiers
    def natid(self, p: Person) -> tuple[str, str, str]:
        return p.loc.national_id(self.rng, p)

    def iban(self, grouped: bool | None = None, loc: Locale | None = None) -> str:
        s = (loc or self.L).iban(self.rng)
        if grouped is None:
            grouped = self.chance(0.65)
        return group(s) if grouped else s

    def card(self, sep: str | None = None) -> str:
        rng = self.rng
        kind = rng.choice(("visa", "visa", "mc", "mc", "amex", "disc"))
        if kind == "visa":
            body = "4" + digits(rng, 14)
        elif kind == "mc":
            body = rng.choice(("51", "52", "53", "54", "55", "2221", "2720"))
            body += digits(rng, 15 - len(body))
        elif kind == "amex":
            body = rng.choice(("34", "37")) + digits(rng, 12)
        else:
            body = "6011" + digits(rng, 11)
        n = body + luhn_digit(body)
        if sep is None:
            sep = rng.choice((" ", " ", "-", ""))
        if len(n) == 15:
            return sep.join((n[:4], n[4:10], n[10:]))
        return group(n, 4, sep)

    def ip4(self, private: float = 0.3) -> str:
        rng = self.rng
        if rng.random() < private:
            return rng.choice(
                (
                    f"192.168.{rng.randint(0, 20)}.{rng.randint(2, 254)}",
                    f"10.{rng.randint(0, 40)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}",
                    f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}",
                )
            )
        first = rng.choice(
            (
                31,
                37,
                46,
                62,
                77,
                78,
                79,
                81,
                83,
                85,
                89,
                91,
                93,
                95,
                109,
                151,
                176,
                178,
                185,
                188,
                193,
                194,
                203,
                212,
                213,
                217,
            )
        )
        return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"

    def ip6(self) -> str:
        rng = self.rng
        head = rng.choice(
            (
                "2001:db8",
                "2a02:a311",
                "2a01:4f8",
                "2001:16b8",
                "2a00:1450",
                "2600:1700",
                "2804:14c",
                "2405:201",
                "fe80:0",
            )
        )
        groups = [f"{rng.randint(0, 65535):x}" for _ in range(6)]
        if rng.random() < 0.5:
            return f"{head}:{groups[0]}::{groups[1]}:{groups[2]}"
        return f"{head}:{':'.join(groups)}"

    # --- dates
    def day(self, start: date = date(2023, 1, 1), span: int = 1000) -> date:
        return start + timedelta(days=self.rng.randint(0, span))

    def date_text(self, d: date) -> str:
        r = self.rng.random()
        if r < 0.5:
            return self.L.date_num(d)
        if r < 0.65:
            return d.isoformat()
        return long_date(d, us=self.L.code == "en_US")

    def dob_text(self, p: Person) -> str:
        return self.date_text(p.dob)

    def time(self) -> str:
        h, m = self.rng.randint(7, 19), self.pick((0, 0, 15, 30, 45, 10, 20, 40, 50))
        if self.L.code in ("en_US", "en_CA", "en_AU", "en_IN") and self.chance(0.5):
            return f"{(h - 1) % 12 + 1}:{m:02d} {'am' if h < 12 else 'pm'}"
        return f"{h:02d}:{m:02d}"

    def slot(self, sep: str = "-") -> str:
        h, m, dur = self.rng.randint(7, 16), self.pick((0, 0, 30)), self.pick((1, 2, 2, 3))
        return f"{h:02d}:{m:02d}{sep}{h + dur:02d}:{m:02d}"

    # --- decoys
    def order_no(self) -> str:
        return fill(
            self.rng,
            self.pick(
                ("#X######", "ORD-202#-X#####", "SO-X#####", "X#########", "WEB-X####-##", "#X####", "PO X#####")
            ),
        )

    def invoice_no(self) -> str:
        return fill(
            self.rng,
            self.pick(("INV-202#-0###", "FV/202#/0X/X##", "RE-202#-X####", "F202#-X####", "2024/X###", "INV X######")),
        )

    def ticket_no(self) -> str:
        return fill(
            self.rng, self.pick(("TCK-X#####", "#X#####", "INC0X#####", "CASE-X####", "SR-X######", "REQ-X####"))
        )

    def tracking(self) -> str:
        return fill(
            self.rng,
            self.pick(
                (
                    "JJD00003900X######",
                    "1ZLL###X03########",
                    "RRX########P\\L",
                    "00340434X#########",
                    "CLX########DE",
                    "LLX########N\\L",
                    "X###########",
                )
            ),
        )

    def sku(self) -> str:
        return fill(self.rng, self.pick(("LL-X###", "X###-LL-##", "X#####", "LLL-X##-L", "X##.###.##")))

    def customer_no(self) -> str:
        return fill(self.rng, self.pick(("CUST-X#####", "X######", "C-X####-##", "K-X#####")))

    def employee_no(self) -> str:
        return fill(self.rng, self.pick(("E-X####", "EMP X#####", "X####", "HR-X###")))

    def version(self) -> str:
        r = self.rng
        return f"{r.randint(1, 14)}.{r.randint(0, 20)}.{r.randint(0, 30)}"

    def build(self) -> str:
        r = self.rng
        return f"{r.randint(1, 12)}.{r.randint(0, 9)}.{r.randint(1000, 29999)}.{r.randint(300, 9999)}"

    def flight(self) -> str:
        return f"{self.pick(FLIGHT_CODES)} {self.rng.randint(10, 4999)}"

    def gate(self) -> str:
        return fill(self.rng, self.pick(("L#", "LX#", "X#")))

    def room(self) -> str:
        return fill(self.rng, self.pick(("X.##", "X0X", "LX.0X", "X##")))

    def amount(self, lo: float = 5, hi: float = 4000) -> str:
        return self.L.fmt_money(round(self.rng.uniform(lo, hi), 2))

    def pct(self) -> str:
        return self.pick((f"{self.rng.randint(2, 60)}%", f"{self.rng.randint(1, 30)}.{self.rng.randint(1, 9)}%"))

    def qty(self) -> str:
        return self.pick(
            (
                f"{self.rng.randint(2, 12)} x 250 ml",
                f"{self.rng.randint(2, 40)} pcs",
                f"{self.rng.randint(1, 6)} boxes",
                f"{self.rng.randint(1, 9)} pallets",
                f"{self.rng.randint(2, 25)} kg",
            )
        )

    def masked_card(self) -> str:
        return fill(
            self.rng,
            self.pick(
                ("**** **** **** X###", "XXXX-XXXX-XXXX-X###".replace("X", "*", 12), "ending in X###", "•••• X###")
            ),
        )

    def vat_id(self) -> str:
        cc, pat = self.pick(
            (
                ("DE", "X########"),
                ("PL", "X#########"),
                ("FR", "##X########"),
                ("ES", "LX#######"),
                ("IT", "X##########"),
                ("NL", "X########B0#"),
                ("GB", "X########"),
                ("SE", "X##########01"),
            )
        )
        return cc + fill(self.rng, pat)

    def bic(self) -> str:
        country = self.pick(("PL", "DE", "FR", "ES", "IT", "NL", "SE", "GB"))
        return fill(self.rng, "LLLL") + country + fill(self.rng, "LL")

    def decoy(self) -> str:
        """A sentence full of look-alikes and no PII, not one this document already has."""
        used = getattr(self, "_used", set())
        k = self.pick([i for i in range(16) if i not in used])
        used.add(k)
        self._used = used
        d = self.day()
        month = MONTHS[self.day().month - 1]
        return (
            f"Thanks for confirming order {self.order_no()}; the revised quote ({self.amount()}) is attached.",
            f"Please find attached invoice {self.invoice_no()} for {self.amount()}, due on {self.date_text(d)}.",
            f"The shipment ({self.qty()}) left the warehouse on {WEEKDAYS[d.weekday()]} and should arrive "
            f"within 3 working days.",
            f"Version {self.version()} fixes the export bug; build {self.build()} is on the test server.",
            f"Will the review on {WEEKDAYS[d.weekday()]} at {self.time()} still work for you?",
            f"Prices rose by {self.pct()} in {month}, so the quote for SKU {self.sku()} has changed.",
            f"Ticket {self.ticket_no()} is marked as resolved; mark it as reopened if the issue comes back.",
            f"Bill the usual cost centre and quote reference {self.order_no()}.",
            f"Our offices are closed on {WEEKDAYS[d.weekday()]} {self.date_text(d)}.",
            f"Room {self.room()} is booked for the workshop from {self.time()}.",
            f"The {self.pick(PRODUCTS)} is back in stock at {self.amount(20, 900)} ({self.pct()} off until the "
            f"end of {month}).",
            f"The {self.pick(PRODUCTS)} (SKU {self.sku()}) ships in {self.rng.randint(2, 6)} working days.",
            f"We hope to close the {month} accounts by {self.date_text(d)}; {self.pct()} of items are reconciled.",
            f"Grant the new team read access before {WEEKDAYS[d.weekday()]}.",
            f"The amber warning light on unit {self.sku()} came back after firmware {self.version()}.",
            f"May deliveries are planned for {self.time()} slots; {self.qty()} per drop.",
        )[k]


# ----------------------------------------------------------------------------- rendering


def title_parts(t: str) -> list:
    out: list = []
    for i, w in enumerate(t.split(" ")):
        if i:
            out.append(" ")
        out.append(T(w))
    return out


def name_as(p: Person, style: str) -> str:
    if style == "full":
        return p.full
    if style == "caps":
        return p.full.upper()
    if style == "last_first":
        return f"{p.family}, {p.given}"
    if style == "initial":
        return f"{p.family} {p.given[0]}." if p.loc.family_first else f"{p.given[0]}. {p.family}"
    if style == "pnr":
        return (
            ascii_fold(p.family).upper().replace(" ", "").replace("'", "")
            + "/"
            + ascii_fold(p.given).upper().replace(" ", "").replace("-", "")
        )
    if style == "family_caps":
        return f"{p.family.upper()} {p.given}"
    if style == "surname":
        return p.family
    if style == "given":
        return p.given
    raise ValueError(style)


def _up(caps: bool):
    return str.upper if caps else (lambda s: s)


def addr_lines(a: Addr, caps: bool = False, unit_line: bool = True, country: bool = True) -> list[list]:
    up = _up(caps)
    lines: list[list] = []
    if a.pobox:
        lines.append([S(up(a.pobox))])
    elif a.unit and (not unit_line or not a.loc.unit_own_line):
        lines.append([S(up(a.joined))])
    else:
        lines.append([S(up(a.street))])
        if a.unit:
            lines.append([S(up(a.unit))])
    if a.locality:
        lines.append([LOC(up(a.locality))])
    lines.extend(a.loc.city_lines(a, up, False))
    if country:
        lines.append([LOC(up(a.country))])
    return lines


def addr_inline(a: Addr, caps: bool = False, country: bool = True) -> list:
    """The address on one line, parts separated by commas; the unit joins its street."""
    up = _up(caps)
    chunks: list[list] = [[S(up(a.pobox or a.joined))]]
    if a.locality:
        chunks.append([LOC(up(a.locality))])
    chunks.extend(a.loc.city_lines(a, up, True))
    if country:
        chunks.append([LOC(up(a.country))])
    out: list = []
    for i, c in enumerate(chunks):
        if i:
            out.append(", ")
        out.extend(c)
    return out


def addr_inline_intl(a: Addr, caps: bool = False) -> list:
    """International one-line form with the postcode after the country: 'Storgatan 5, Visby, SWEDEN 621 41'."""
    up = _up(caps)
    out: list = [S(up(a.pobox or a.joined)), ", "]
    if a.locality:
        out += [LOC(up(a.locality)), ", "]
    out += [LOC(up(a.city)), ", "]
    if a.loc.code in ("en_US", "en_CA", "en_AU", "en_IN"):
        out += [LOC(up(a.region)), ", "]
    return out + [LOC(up(a.country)), " ", PC(up(a.postcode))]


def city_inline(a: Addr, caps: bool = False) -> list:
    """The postcode/city/region part of an address on one line."""
    out: list = []
    for i, chunk in enumerate(a.loc.city_lines(a, _up(caps), True)):
        if i:
            out.append(", ")
        out.extend(chunk)
    return out


def city_ref(a: Addr) -> list:
    """'Kraków' or 'Bozeman, MT' style mention of a city in running text."""
    if a.loc.code in ("en_US", "en_CA", "en_AU") or (a.loc.code == "it_IT" and a.variant % 2):
        return [LOC(a.city), ", ", LOC(a.region)]
    return [LOC(a.city)]


def country_ref(L: Locale) -> list:
    return [L.the, LOC(L.country)]


# ----------------------------------------------------------------------------- templates

TEMPLATES: list[tuple[str, str, bool, object]] = []


def template(layout: str, pii: bool = True):
    def deco(fn):
        TEMPLATES.append((fn.__name__[2:], layout, pii, fn))
        return fn

    return deco


SIGN_OFFS = ("Best regards,", "Kind regards,", "Regards,", "Many thanks,", "Best,", "Thanks,")


# --- email signatures


@template("email_signature")
def t_sig_classic(g: Gen) -> Doc:
    d, p, org, a = Doc(), g.person(), g.org("company"), g.addr()
    d.add(
        g.decoy(),
        "\n\n",
        g.pick(SIGN_OFFS),
        "\n",
        P(p.full),
        "\n",
        g.job(),
        g.pick((" | ", ", ", " - ")),
        O(org.name),
        "\n",
    )
    d.lines(addr_lines(a, country=g.chance(0.5)))
    d.add("\n", g.pick(("Tel.", "Phone:", "T:", "Tel:", "Office:")), " ", PH(g.phone(g.pick(("intl", "nat", "paren")))))
    if g.chance(0.7):
        d.add(g.pick((" | ", "\n")), g.pick(("Mobile:", "M:", "Mob.", "Cell:")), " ", PH(g.phone("mobile")))
    d.add("\n", EM(g.email(p, org)))
    if g.chance(0.6):
        d.add("\n", U(g.url(org)))
    return d


@template("email_signature")
def t_sig_compact(g: Gen) -> Doc:
    d, p, org = Doc(), g.person(), g.org("plain")
    d.add(g.decoy(), " ", g.decoy(), "\n\n", g.pick(("Cheers,", "Thanks,", "Talk soon,")), "\n", P(p.given), "\n\n")
    d.add(P(p.full), " · ", g.job(), " at ", O(org.name), "\n")
    d.add(PH(g.phone("nat")), " office · ", PH(g.phone("mobile")), " mobile")
    if g.chance(0.35):
        d.add(" · ", PH(g.phone("nat")), " fax")
    d.add("\n", DOM(org.domain))
    if g.chance(0.5):
        d.add(" · ", EM(g.role_email(org)))
    return d


@template("email_signature")
def t_sig_titled(g: Gen) -> Doc:
    d, p, org, a = Doc(), g.person(), g.org("suffix"), g.addr(unit=g.chance(0.5))
    d.add(
        g.pick(("Dear colleagues,", "Dear all,", "Hello,")),
        "\n\n",
        g.decoy(),
        " ",
        g.decoy(),
        "\n\n",
        g.pick(("With best wishes,", "Yours sincerely,", "Kind regards,")),
        "\n\n",
    )
    d.add(*title_parts(g.title(p, 0.6)), " ", P(p.full), "\n", g.job(), "\n", O(org.name), "\n")
    d.add(*addr_inline(a, country=g.chance(0.7)), "\n")
    d.add("Phone: ", PH(g.phone("intl")), "\n", g.pick(("Fax: ", "Fax ")), PH(g.phone("intl")), "\n")
    d.add(EM(g.email(p, org)), "\n", U(g.url(org)))
    return d


@template("email_signature")
def t_sig_reply_chain(g: Gen) -> Doc:
    d, me, them, colleague = Doc(), g.person(), g.person(), g.person()
    my_org, their_org = g.org("company"), g.org("plain", loc=g.other_locale() if g.chance(0.4) else None)
    day = g.day()
    d.add("Hi ", P(them.given), ",\n\n", g.decoy(), "\n\n", P(me.given), "\n", g.job(), ", ", O(my_org.name), "\n\n")
    d.add(
        "On ",
        WEEKDAYS[day.weekday()],
        ", ",
        g.date_text(day),
        " at ",
        g.time(),
        ", ",
        P(them.full),
        " <",
        EM(g.email(them, their_org)),
        "> wrote:\n",
    )
    d.add("> Hello ", P(me.given), ",\n> ", g.decoy(), "\n")
    d.add(
        "> Could you call me back on ",
        PH(g.phone("mobile", loc=them.loc)),
        " (mobile)? ",
        *title_parts(g.title(colleague, 0.3)),
        " ",
        P(colleague.family),
        " from your accounts team had the figures last time.\n>\n",
    )
    d.add("> ", P(them.full), "\n> ", O(their_org.name), " | ", DOM(their_org.domain))
    return d


@template("email_signature", pii=False)
def t_sig_nopii(g: Gen) -> Doc:
    d = Doc()
    d.add(
        g.decoy(),
        " ",
        g.decoy(),
        "\n\n--\n",
        g.pick(("Customer Care Team", "The Accounts Team", "Service Desk", "Logistics Support")),
        "\n",
    )
    d.add("Opening hours: Monday-Friday, 8:00-18:00 (closed on public holidays)\n")
    d.add("This message was sent from an unmonitored mailbox. Will you rate our service? Reply 1-5.\n")
    d.add("Ref: ", g.ticket_no(), " · app v", g.version())
    return d


# --- business letters


@template("business_letter")
def t_letter_block(g: Gen) -> Doc:
    d = Doc()
    s_loc = g.other_locale() if g.chance(0.3) else g.L
    sender, s_addr = g.org("suffix", loc=s_loc), g.addr(loc=s_loc, unit=False)
    p, a = g.person(), g.addr(unit=g.chance(0.6))
    signer = g.person(loc=s_loc)
    d.add(O(sender.name), "\n")
    d.lines(addr_lines(s_addr, country=s_loc is not g.L))
    if g.chance(0.5):
        d.add("\n", g.pick(("Tel. ", "Phone: ")), PH(g.phone("intl", loc=s_loc)))
    d.add("\n\n", LOC(s_addr.city), ", ", s_loc.date_num(g.day()), "\n\n")
    title = g.title(p, 0.4)
    d.add(*title_parts(title), " ", P(p.full), "\n")
    if g.chance(0.5):
        d.add(O(g.org("company").name), "\n")
    d.lines(addr_lines(a, caps=g.chance(0.2), country=g.chance(0.7)))
    d.add("\n\n", "Our ref: ", g.invoice_no(), "   Your ref: ", g.order_no(), "\n\n")
    d.add("Dear ", *title_parts(title), " ", P(p.family), ",\n\n", g.decoy(), " ", g.decoy(), "\n\n")
    d.add("Yours sincerely,\n\n", P(signer.full), "\n", g.job())
    return d


@template("business_letter")
def t_letter_oneline(g: Gen) -> Doc:
    d = Doc()
    sender, s_addr = g.org("company"), g.addr(unit=False)
    p, org, a = g.person(), g.org("company"), g.addr(unit=g.chance(0.7))
    signer = g.person()
    d.add(O(sender.name), " · ", *addr_inline(s_addr, country=False), "\n\n", g.date_text(g.day()), "\n\n")
    d.add("To: ", P(p.full), ", ", O(org.name), ", ", *addr_inline(a), "\n\n")
    d.add("Subject: Contract ", g.order_no(), "\n\n")
    title = g.title(p, 0.3)
    d.add(
        "Dear ",
        *title_parts(title),
        " ",
        P(p.family),
        ",\n\n",
        g.decoy(),
        " If anything is unclear, call our office on ",
        PH(g.phone()),
        " or write to ",
        EM(g.role_email(sender)),
        ".\n\n",
    )
    d.add("Yours sincerely,\n", P(signer.full), "\n", g.job(), ", ", O(sender.name))
    return d


@template("business_letter")
def t_letter_reference(g: Gen) -> Doc:
    d = Doc()
    bank, b_addr = g.org("suffix"), g.addr(unit=False)
    p, clerk = g.person(), g.person()
    id_name, id_val, id_label = g.natid(p)
    d.add(O(bank.name), "\n")
    d.lines(addr_lines(b_addr, country=False))
    d.add(
        "\n\nOur ref: ",
        g.customer_no(),
        "   Your ref: ",
        g.ticket_no(),
        "\n",
        LOC(b_addr.city),
        ", ",
        g.date_text(g.day()),
        "\n\n",
    )
    d.add(
        "Re: account holder ",
        P(name_as(p, "last_first")),
        ", born ",
        DB(g.dob_text(p)),
        ", ",
        id_name,
        " ",
        (id_val, id_label),
        "\n\n",
    )
    title = g.title(p, 0.3)
    d.add(
        "Dear ",
        *title_parts(title),
        " ",
        P(p.family),
        ",\n\nwe have updated the payout account to IBAN ",
        IB(g.iban()),
        " as requested on ",
        g.date_text(g.day()),
        ". ",
        g.decoy(),
        "\n\n",
    )
    d.add("Kind regards,\n", P(clerk.full), "\nCustomer Relations, ", O(bank.name))
    return d


@template("business_letter")
def t_letter_native(g: Gen) -> Doc:
    d = Doc()
    p, a = g.person(), g.addr(unit=g.chance(0.5))
    p2, org2 = g.person(), g.org("plain")
    writer, w_org = g.person(), g.org("any")
    title = g.title(p, 0.85)
    d.add(*title_parts(title), " ", P(p.full), "\n")
    d.lines(addr_lines(a, country=False))
    day = g.day()
    d.add("\n\n", g.date_text(g.day()), "\n\nDear ", *title_parts(title), " ", P(p.family), ",\n\n")
    d.add(
        "Thank you for your visit to ",
        O(w_org.name),
        " on ",
        WEEKDAYS[day.weekday()],
        ". As agreed with ",
        *title_parts(g.title(p2, 0.85)),
        " ",
        P(p2.full),
        " from ",
        O(org2.name),
        ", the quote ",
        g.invoice_no(),
        " stays valid until the end of ",
        MONTHS[day.month - 1],
        ". ",
    )
    d.add("You can reach me directly on ", PH(g.phone()), " or at ", EM(g.email(writer, w_org)), ".\n\n")
    d.add("Yours sincerely,\n\n", P(writer.full), "\n", O(w_org.name))
    return d


@template("business_letter", pii=False)
def t_letter_nopii(g: Gen) -> Doc:
    d, day = Doc(), g.day()
    d.add(g.date_text(g.day()), "\n\nDear Customer,\n\n")
    d.add(
        "Your policy ",
        g.customer_no(),
        " renews on ",
        g.date_text(day),
        ". The annual premium will be ",
        g.amount(100, 900),
        ", an increase of ",
        g.pct(),
        " on last year. ",
        g.decoy(),
        "\n\n",
    )
    d.add(
        "Will you need to change anything? Reply before ",
        WEEKDAYS[day.weekday()],
        " and quote reference ",
        g.ticket_no(),
        ".\n\nYours faithfully,\n\nPolicy Services",
    )
    return d


# --- shipping labels


@template("shipping_label")
def t_label_caps(g: Gen) -> Doc:
    d = Doc()
    s_loc = g.other_locale() if g.chance(0.5) else g.L
    sender, s_addr = g.org("company", loc=s_loc), g.addr(loc=s_loc, unit=False)
    p, a = g.person(), g.addr(unit=g.chance(0.6))
    d.add("FROM:\n", O(sender.name.upper()), "\n")
    d.lines(addr_lines(s_addr, caps=True))
    d.add("\n\nTO:\n", P(p.full.upper()), "\n")
    d.lines(addr_lines(a, caps=True))
    d.add("\nTEL ", PH(g.phone(g.pick(("intl", "mobile")))), "\n\n")
    d.add(
        g.pick(("PRIORITY", "ECONOMY", "EXPRESS 12:00", "STANDARD")),
        "  ",
        str(g.rng.randint(1, 3)),
        " OF ",
        str(g.rng.randint(3, 4)),
        "  ",
        f"{g.rng.randint(1, 300) / 10:.1f}",
        " KG\n",
    )
    d.add("TRACKING ", g.tracking(), "\nREF ", g.order_no())
    return d


@template("shipping_label")
def t_label_mixed(g: Gen) -> Doc:
    d, p, a = Doc(), g.person(), g.addr(unit=True)
    d.add("SHIP TO:\n", P(name_as(p, g.pick(("full", "caps")))), "\n")
    if g.chance(0.5):
        d.add(O(g.org("any").name), "\n")
    d.lines(addr_lines(a, caps=g.chance(0.3)))
    d.add("\n", g.pick(("Phone: ", "Tel: ", "Mobile: ")), PH(g.phone()), "\n\n")
    d.add(
        "Order ",
        g.order_no(),
        " · ",
        g.qty(),
        " · ",
        g.pick(("Leave at reception", "Deliver Mon-Fri 9-17", "Use gate 4, ring twice", "Do not bend")),
    )
    return d


@template("shipping_label")
def t_label_return(g: Gen) -> Doc:
    d, org, a = Doc(), g.org("company"), g.addr(unit=g.chance(0.4))
    p, pa = g.person(), g.addr(unit=False)
    d.add("RETURN TO:\n", O(org.name), "\n", "Returns Dept. ", fill(g.rng, "L#"), "\n")
    d.lines(addr_lines(a, caps=g.chance(0.5)))
    d.add("\n\nCUSTOMER: ", P(name_as(p, "last_first")), "\n", "FROM: ", *addr_inline(pa, country=False), "\n")
    d.add(
        "RMA ",
        fill(g.rng, "RMA-X#####"),
        " · SKU ",
        g.sku(),
        " · ",
        g.pick(("Reason: wrong size", "Reason: damaged in transit", "Reason: changed my mind")),
    )
    return d


@template("shipping_label")
def t_label_customs(g: Gen) -> Doc:
    d = Doc()
    s_loc = g.other_locale()
    s, sa = g.person(loc=s_loc), g.addr(loc=s_loc)
    r, ra = g.person(), g.addr()
    d.add("CN22 CUSTOMS DECLARATION\n")
    d.add("Sender: ", P(s.full), ", ", *addr_inline(sa), "\n")
    d.add(
        "Recipient: ",
        P(r.full),
        ", ",
        *(addr_inline_intl(ra, g.chance(0.5)) if g.chance(0.5) else addr_inline(ra)),
        "\n",
    )
    d.add("Recipient phone: ", PH(g.phone("intl")), "\n")
    d.add(
        "Contents: ",
        str(g.rng.randint(1, 12)),
        " x ",
        g.pick(("cotton T-shirt", "printed book", "ceramic mug", "tin of tea")),
        "; value ",
        g.amount(10, 300),
        "; HS code ",
        fill(g.rng, "X###.##"),
        "; gift\n",
    )
    d.add("Date: ", g.date_text(g.day()))
    return d


@template("shipping_label", pii=False)
def t_label_nopii(g: Gen) -> Doc:
    d = Doc()
    d.add("PARCEL ", str(g.rng.randint(1, 3)), " OF 3\nWEIGHT ", f"{g.rng.randint(5, 400) / 10:.1f}", " KG\n")
    d.add("DIMENSIONS ", f"{g.rng.randint(20, 80)}x{g.rng.randint(20, 60)}x{g.rng.randint(10, 40)} CM\n")
    d.add(
        "TRACKING ",
        g.tracking(),
        "\nROUTE ",
        fill(g.rng, "X#"),
        " / DEPOT ",
        fill(g.rng, "X#"),
        "\nFRAGILE - THIS SIDE UP\nSHIP DATE ",
        g.date_text(g.day()),
    )
    return d


# --- invoices


def _items(g: Gen, d: Doc, n: int) -> None:
    for _ in range(n):
        d.add(g.sku(), "  ", g.pick(PRODUCTS), "  ", str(g.rng.randint(1, 12)), " x ", g.amount(5, 400), "\n")


@template("invoice")
def t_invoice_company(g: Gen) -> Doc:
    d = Doc()
    seller, sa = g.org("suffix"), g.addr(unit=False)
    p, org, a = g.person(), g.org("company"), g.addr(unit=g.chance(0.5))
    d.add("INVOICE ", g.invoice_no(), "\n", O(seller.name), ", ", *addr_inline(sa, country=False), "\n")
    issued = g.day()
    d.add(
        "VAT ID ",
        g.vat_id(),
        "\nDate: ",
        g.date_text(issued),
        "   Due: ",
        g.date_text(issued + timedelta(days=g.pick((14, 30, 30, 60)))),
        "\n\n",
    )
    d.add(g.pick(("Bill to:", "Invoice to:", "Customer:")), "\n", P(p.full), "\n")
    if g.chance(0.7):
        d.add(O(org.name), "\n")
    d.lines(addr_lines(a, country=g.chance(0.5)))
    d.add("\n\n")
    _items(g, d, g.rng.randint(2, 4))
    d.add(
        "Total: ",
        g.amount(100, 8000),
        " (incl. ",
        g.pick(("5", "7", "8", "10", "19", "20", "21", "22", "23", "25")),
        "% VAT)\n\n",
    )
    d.add("Pay to IBAN ", IB(g.iban()), ", BIC ", g.bic(), ".\nQuestions: ", EM(g.role_email(seller)))
    return d


@template("invoice")
def t_invoice_freelancer(g: Gen) -> Doc:
    d = Doc()
    me, ma = g.person(), g.addr(unit=g.chance(0.5))
    c_loc = g.other_locale() if g.chance(0.3) else g.L
    client, contact, ca = g.org("company", loc=c_loc), g.person(loc=c_loc), g.addr(loc=c_loc, unit=False)
    d.add(
        P(me.full),
        "\n",
        g.pick(("Freelance translator", "Web developer", "Photographer", "Interior designer", "Bookkeeper")),
        "\n",
    )
    d.lines(addr_lines(ma, country=False))
    d.add("\n", PH(g.phone("mobile")), " · ", EM(g.email(me)), "\n\n")
    d.add("Invoice no. ", g.invoice_no(), " · ", g.date_text(g.day()), "\n\n")
    d.add("Client: ", O(client.name), ", attn. ", P(contact.full), "\n", *addr_inline(ca), "\n\n")
    d.add(
        g.pick(("Translation, ", "Design work, ", "Consulting, ")),
        str(g.rng.randint(4, 60)),
        " hours at ",
        g.amount(30, 120),
        "\nTotal due: ",
        g.amount(400, 6000),
        "\n\n",
    )
    d.add("Please transfer to ", IB(g.iban(grouped=g.chance(0.4))), " within 14 days.")
    return d


@template("invoice")
def t_invoice_receipt(g: Gen) -> Doc:
    d, shop, a = Doc(), g.org("plain"), g.addr(unit=False)
    clerk, p = g.person(), g.person()
    d.add(O(shop.name), "\n", S(a.street), "\n", *city_inline(a), "\n")
    d.add(
        "Tel. ",
        PH(g.phone("nat")),
        "\n\nReceipt ",
        g.invoice_no(),
        "  ",
        g.date_text(g.day()),
        " ",
        g.time(),
        "\nServed by: ",
        P(clerk.given),
        "\n\n",
    )
    _items(g, d, g.rng.randint(1, 3))
    d.add("TOTAL ", g.amount(5, 600), "\nCard ", g.masked_card(), "  APPROVED\n\n")
    d.add("Loyalty member: ", P(name_as(p, g.pick(("full", "initial")))), " · ", EM(g.email(p)), "\n")
    d.add("Thank you! Returns within 30 days with this receipt.")
    return d


@template("invoice")
def t_invoice_reminder(g: Gen) -> Doc:
    d, org = Doc(), g.org("suffix")
    p, a = g.person(), g.addr()
    title = g.title(p, 0.4)
    d.add("PAYMENT REMINDER\n", O(org.name), "\n\n", *title_parts(title), " ", P(p.full), "\n")
    d.lines(addr_lines(a, country=False))
    d.add(
        "\n\nDear ",
        *title_parts(title),
        " ",
        P(p.family),
        ",\n\ninvoice ",
        g.invoice_no(),
        " of ",
        g.date_text(g.day()),
        " (",
        g.amount(50, 3000),
        ") is still open. The card ",
        g.masked_card(),
        " was declined on ",
        WEEKDAYS[g.day().weekday()],
        ".\n",
    )
    d.add(
        "Please pay to ",
        IB(g.iban(grouped=True)),
        " or call ",
        PH(g.phone()),
        " to arrange instalments.\n\n",
        O(org.name),
        " · ",
        U(g.url(org)),
    )
    return d


@template("invoice", pii=False)
def t_invoice_nopii(g: Gen) -> Doc:
    d = Doc()
    d.add("Invoice ", g.invoice_no(), "\nIssued: ", g.date_text(g.day()), "\nCustomer no. ", g.customer_no(), "\n\n")
    _items(g, d, g.rng.randint(2, 5))
    d.add(
        "Subtotal ",
        g.amount(100, 5000),
        "\nDiscount ",
        g.pct(),
        "\nVAT ",
        g.pick(("5%", "7%", "8%", "10%", "19%", "20%", "21%", "22%", "23%", "25%")),
        "\nTotal ",
        g.amount(100, 6000),
        "\n\nPayment terms: 14 days net. Bill queries: quote the invoice number.",
    )
    return d


# --- CV headers

LANGS = (
    "English (C1)",
    "German (B2)",
    "Spanish (B1)",
    "French (A2)",
    "Italian (B2)",
    "Portuguese (C2)",
    "Swedish (B1)",
    "Dutch (B1)",
    "Polish (A2)",
)
# fmt: off
NATIVE = {"pl_PL": "Polish", "de_DE": "German", "fr_FR": "French", "es_ES": "Spanish", "it_IT": "Italian",
          "pt_BR": "Portuguese", "pt_PT": "Portuguese", "nl_NL": "Dutch", "sv_SE": "Swedish", "da_DK": "Danish",
          "nb_NO": "Norwegian", "fi_FI": "Finnish", "cs_CZ": "Czech", "en_GB": "English", "en_US": "English",
          "en_CA": "English", "en_AU": "English", "en_IN": "Hindi", "hu_HU": "Hungarian"}
# fmt: on


def languages(g: Gen) -> str:
    native = NATIVE[g.L.code]
    others = [x for x in LANGS if not x.startswith(native)]
    a, b = g.rng.sample(others, 2)
    return f"{native} (native), {a}, {b}"


@template("cv_header")
def t_cv_classic(g: Gen) -> Doc:
    d, p, a = Doc(), g.person(), g.addr(unit=g.chance(0.4))
    d.add(P(name_as(p, g.pick(("full", "caps")))), "\n", g.job(), "\n\n")
    d.add(
        *addr_inline(a, country=g.chance(0.6)),
        " · ",
        PH(g.phone(g.pick(("intl", "mobile")))),
        " · ",
        EM(g.email(p)),
        "\n",
    )
    if g.chance(0.6):
        d.add(g.pick(("Date of birth: ", "Born ", "DOB: ")), DB(g.dob_text(p)), "\n")
    d.add(
        "\nProfile\n",
        str(g.rng.randint(3, 20)),
        " years of experience; SAP S/4HANA, Python 3.",
        str(g.rng.randint(8, 12)),
        ", Power BI. Languages: ",
        languages(g),
        ".",
    )
    return d


@template("cv_header")
def t_cv_europass(g: Gen) -> Doc:
    d, p, a = Doc(), g.person(), g.addr(unit=g.chance(0.5))
    id_name, id_val, id_label = g.natid(p)
    d.add("PERSONAL INFORMATION\nSurname(s): ", P(p.family), "\nFirst name(s): ", P(p.given), "\n")
    d.add("Address: ", *addr_inline(a), "\n")
    d.add("Telephone: ", PH(g.phone("intl")), "   Mobile: ", PH(g.phone("mobile")), "\n")
    d.add("E-mail: ", EM(g.email(p)), "\n")
    d.add("Date of birth: ", DB(g.dob_text(p)), "\n", "Personal number (", id_name, "): ", (id_val, id_label), "\n")
    d.add("Desired employment: ", g.job(), "\nAvailable from: ", MONTHS[g.day().month - 1], " ", str(g.day().year))
    return d


@template("cv_header")
def t_cv_experience(g: Gen) -> Doc:
    d, p, a = Doc(), g.person(), g.addr(unit=False)
    o1, o2, school = g.org("any"), g.org("company"), g.org("school")
    c1 = g.addr(unit=False)
    d.add(P(p.full), " | ", *city_ref(a), " | ", EM(g.email(p)), " | ", PH(g.phone("mobile")), "\n\n")
    d.add(
        "Summary: ",
        P(p.given),
        " currently works for ",
        O(o1.name),
        " in ",
        *city_ref(c1),
        " as ",
        g.job(),
        ".\n\nEXPERIENCE\n",
    )
    y = g.rng.randint(2012, 2019)
    d.add(str(y), "-present  ", g.job(), ", ", O(o1.name), ", ", LOC(c1.city), "\n")
    d.add(str(y - g.rng.randint(2, 6)), "-", str(y), "  ", g.job(), " with ", O(o2.name), "\n\n")
    d.add("EDUCATION\n", O(school.name), ", ", str(y - g.rng.randint(7, 10)), "\n\nReferences on request.")
    return d


@template("cv_header")
def t_cv_caps_name(g: Gen) -> Doc:
    d, p, a = Doc(), g.person(), g.addr(unit=g.chance(0.5))
    site = "".join(words_of(p.given + p.family, g.L.german)) + "." + g.pick(("dev", "design", "io", g.L.tld[0]))
    d.add("CURRICULUM VITAE\n\n", P(name_as(p, "family_caps")), "\n")
    d.lines(addr_lines(a, country=True))
    d.add("\n", PH(g.phone()), "\n", EM(g.email(p)), "\nPortfolio: ", DOM(site), "\n")
    if g.chance(0.5):
        d.add("Born: ", DB(g.dob_text(p)), "\n")
    d.add(
        "\nDriving licence: category B. Interests: sailing, chess, ",
        g.pick(("rose growing", "choir singing", "trail running")),
        ".",
    )
    return d


@template("cv_header", pii=False)
def t_cv_nopii(g: Gen) -> Doc:
    d = Doc()
    d.add("SKILLS\n- Python 3.", str(g.rng.randint(8, 12)), ", SQL, Kubernetes 1.", str(g.rng.randint(20, 30)), "\n")
    d.add(
        "- Certifications: ",
        g.pick(("PRINCE2 Practitioner (2021)", "ISTQB Foundation (2019)", "CFA Level II (2022)")),
        "\n",
    )
    d.add("- Languages: ", languages(g), "\n")
    d.add("- Reduced month-end close from 9 to 5 days; cut returns by ", g.pct(), ".\n")
    d.add("Will relocate. Available from ", MONTHS[g.day().month - 1], ".")
    return d


# --- chat transcripts


def _clock(g: Gen):
    h, m = g.rng.randint(8, 20), g.rng.randint(0, 50)

    def tick():
        nonlocal m, h
        m += g.rng.randint(0, 2)
        if m > 59:
            h, m = h + 1, m - 60
        return f"[{h:02d}:{m:02d}]"

    return tick


@template("chat_transcript")
def t_chat_support(g: Gen) -> Doc:
    d, agent, p, t = Doc(), g.person(), g.person(), _clock(g)
    title = g.title(p, 0.2)
    d.add(t(), " bot: You're now chatting with ", P(agent.given), ".\n")
    d.add(t(), " agent: Hi, I'm ", P(agent.given), ". How can I help?\n")
    d.add(t(), " customer: hi, order ", g.order_no(), " never arrived\n")
    d.add(t(), " agent: Sorry to hear that. Can you confirm your full name and a phone number?\n")
    d.add(t(), " customer: ", P(p.full), ", ", PH(g.phone(g.pick(("mobile", "intl", "intl00")))), "\n")
    d.add(
        t(),
        " agent: Thanks ",
        *title_parts(title),
        " ",
        P(p.family),
        ". It is with the courier, tracking ",
        g.tracking(),
        ".\n",
    )
    d.add(t(), " customer: will it come on ", WEEKDAYS[g.day().weekday()], "?\n")
    d.add(t(), " agent: Yes, between ", g.slot(" and "), ".")
    return d


@template("chat_transcript")
def t_chat_card(g: Gen) -> Doc:
    d, agent, p, t = Doc(), g.person(), g.person(), _clock(g)
    a = g.addr(unit=False)
    d.add(
        t(), " agent: Hello, this is ", P(agent.given), " from billing. Which card should we charge for the renewal?\n"
    )
    d.add(t(), " customer: ", CC(g.card()), " exp ", f"{g.rng.randint(1, 12):02d}/{g.rng.randint(26, 30)}", "\n")
    d.add(t(), " agent: And the billing postcode?\n")
    d.add(t(), " customer: ", PC(a.postcode), " ", LOC(a.city), "\n")
    d.add(
        t(),
        " agent: Thank you. ",
        g.amount(10, 300),
        " will be charged on ",
        g.date_text(g.day()),
        ". Please never send your CVV in chat.\n",
    )
    d.add(t(), " customer: ok thx, it's ", P(p.full), " btw, account ", g.customer_no())
    return d


@template("chat_transcript")
def t_chat_it(g: Gen) -> Doc:
    d, tech, p, t = Doc(), g.person(), g.person(), _clock(g)
    org = g.org("company")
    host = g.pick(("mail", "vpn", "intranet", "files", "git")) + "." + org.domain
    d.add(t(), " ", P(p.given), ": VPN drops every few minutes since the update to ", g.version(), "\n")
    d.add(t(), " helpdesk: Hi ", P(p.given), ", ", P(tech.given), " here. What IP does your laptop get?\n")
    d.add(t(), " ", P(p.given), ": ", IPA(g.ip4(0.6)), ", gateway ", IPA(g.ip4(1.0)), "\n")
    d.add(t(), " helpdesk: Can you ping ", DOM(host), "?\n")
    d.add(t(), " ", P(p.given), ": it resolves to ", IPA(g.ip6() if g.chance(0.5) else g.ip4(0)), " but times out\n")
    d.add(
        t(),
        " helpdesk: I've reset your profile. Log in again as ",
        EM(g.email(p, org)),
        "; ticket ",
        g.ticket_no(),
        ".",
    )
    return d


@template("chat_transcript")
def t_chat_address_change(g: Gen) -> Doc:
    d, agent, p, t = Doc(), g.person(), g.person(), _clock(g)
    a = g.addr(unit=g.chance(0.6))
    title = g.title(p, 0.3)
    d.add(t(), " customer: Hello, I moved and need to update my delivery address\n")
    d.add(t(), " agent: Of course. May I have your name and email?\n")
    d.add(t(), " customer: ", P(p.full), ", ", EM(g.email(p)), "\n")
    d.add(t(), " customer: new address is ", *addr_inline(a, country=g.chance(0.5)), "\n")
    d.add(
        t(),
        " agent: Updated, ",
        *title_parts(title),
        " ",
        P(p.family),
        ". Your next box ships on ",
        WEEKDAYS[g.day().weekday()],
        ".\n",
    )
    d.add(t(), " agent: If you need anything else, ask for ", P(agent.given), ".")
    return d


@template("chat_transcript", pii=False)
def t_chat_nopii(g: Gen) -> Doc:
    d, t = Doc(), _clock(g)
    d.add(t(), " bot: Welcome back! Your order ", g.order_no(), " is out for delivery.\n")
    d.add(t(), " customer: will it arrive before ", g.time(), "?\n")
    d.add(t(), " bot: The driver is ", str(g.rng.randint(3, 15)), " stops away. Estimated ", g.time(), ".\n")
    d.add(t(), " customer: great, and the ", g.pick(PRODUCTS), " refund?\n")
    d.add(
        t(),
        " bot: ",
        g.amount(10, 200),
        " was refunded on ",
        g.date_text(g.day()),
        " to the card ",
        g.masked_card(),
        ".",
    )
    return d


# --- support tickets


@template("support_ticket")
def t_ticket_form(g: Gen) -> Doc:
    d, p, org = Doc(), g.person(), g.org("any")
    d.add("Ticket ", g.ticket_no(), "\nPriority: ", g.pick(("High", "Normal", "Urgent")), "\nStatus: Open\n")
    d.add("Reporter: ", P(p.full), " <", EM(g.email(p, org)), ">\nOrganisation: ", O(org.name), "\n")
    d.add("Reported from: ", IPA(g.ip4() if g.chance(0.7) else g.ip6()), "\n")
    d.add(
        "Product: ",
        g.pick(PRODUCTS),
        " (firmware ",
        g.version(),
        ")\n\nDescription:\n",
        g.decoy(),
        " Callback: ",
        PH(g.phone()),
        ".",
    )
    return d


@template("support_ticket")
def t_ticket_escalation(g: Gen) -> Doc:
    d, p, org = Doc(), g.person(), g.org("plain")
    agent = g.person()
    title = g.title(p, 0.4)
    d.add("Escalation for ticket ", g.ticket_no(), "\n\n")
    d.add(
        P(p.full),
        " (",
        PH(g.phone("bare")),
        ") called on ",
        WEEKDAYS[g.day().weekday()],
        " about the ",
        g.pick(PRODUCTS),
        ". ",
    )
    d.add(*title_parts(title), " ", P(p.family), " said the replacement unit ", g.sku(), " fails after two days. ")
    d.add(
        P(p.given),
        " from ",
        O(org.name),
        " expects an answer by ",
        g.time(),
        "; otherwise they will cancel PO ",
        g.order_no(),
        ".\n\nAssigned to ",
        P(agent.given),
        ".",
    )
    return d


@template("support_ticket")
def t_ticket_identity(g: Gen) -> Doc:
    d, p, a = Doc(), g.person(), g.addr(unit=g.chance(0.5))
    id_name, id_val, id_label = g.natid(p)
    d.add("Case ", g.ticket_no(), " - identity check before password reset\n")
    d.add("Customer: ", P(name_as(p, g.pick(("last_first", "full")))), "\n")
    d.add("Date of birth: ", DB(g.dob_text(p)), "\n", id_name, ": ", (id_val, id_label), "\n")
    d.add("Address on file: ", *addr_inline(a), "\n")
    d.add("Verified by phone ", PH(g.phone()), " at ", g.time(), ". Account ", g.customer_no(), " unlocked.")
    return d


@template("support_ticket")
def t_ticket_billing(g: Gen) -> Doc:
    d, p = Doc(), g.person()
    d.add("Subject: Double charge on ", g.date_text(g.day()), "\nFrom: ", EM(g.email(p)), "\n\n")
    d.add(
        "Hello, I was charged twice (",
        g.amount(20, 400),
        ") on card ",
        CC(g.card(g.pick(("-", " ", "")))),
        ". Please refund one payment to my account ",
        IB(g.iban(grouped=g.chance(0.3))),
        " instead.\n",
    )
    d.add("Order ", g.order_no(), ", invoice ", g.invoice_no(), ".\n\nThanks,\n", P(p.full))
    return d


@template("support_ticket", pii=False)
def t_ticket_nopii(g: Gen) -> Doc:
    d = Doc()
    d.add("Ticket ", g.ticket_no(), " | Severity 3 | Component: exporter\n\n")
    d.add("Steps: upgrade from ", g.version(), " to ", g.version(), ", run nightly job, open report.\n")
    d.add("Expected: CSV with all rows. Actual: ", g.pct(), " of rows missing after ", g.time(), ".\n")
    d.add(
        "Build ",
        g.build(),
        ". Seen on ",
        WEEKDAYS[g.day().weekday()],
        " and ",
        WEEKDAYS[g.day().weekday()],
        ". Mark as duplicate of ",
        g.ticket_no(),
        " if it matches.",
    )
    return d


# --- forum posts


@template("forum_post")
def t_forum_recommend(g: Gen) -> Doc:
    d, a, user = Doc(), g.addr(unit=False), g.person()
    topic, kind = g.pick(
        (
            ("Good dentist or GP", "clinic"),
            ("Clinic taking new patients", "clinic"),
            ("Reliable tradesman", "trade"),
            ("Accountant or lawyer", "trade"),
            ("Local shop recommendation", "trade"),
        )
    )
    clinic = g.org(kind)
    d.add("Re: ", topic, " in ", LOC(a.city), "?\n\n")
    d.add(
        "We went to ",
        O(clinic.name),
        " on ",
        S(a.street),
        " last ",
        MONTHS[g.day().month - 1],
        " and were happy. Prices are about ",
        g.amount(40, 200),
        " per visit. Booking is online, see ",
        DOM(clinic.domain),
        g.pick((", or phone ", ", tel. ")),
        PH(g.phone("nat")),
        ".\n\n",
    )
    d.add("-- ", P(user.given))
    return d


@template("forum_post")
def t_forum_moving(g: Gen) -> Doc:
    d, p = Doc(), g.person()
    a1, a2 = g.addr(unit=False), g.addr(unit=False)
    d.add(
        "Moving from ",
        LOC(a1.city),
        " to ",
        LOC(a2.city),
        " (",
        LOC(a2.region),
        ", ",
        *country_ref(g.L),
        ") in ",
        MONTHS[g.day().month - 1],
        " with two kids. Any tips on schools? We liked ",
        O(g.org("school").name),
        ".\n",
    )
    d.add(
        "Happy to swap notes: email me at ",
        EM(g.email(p)),
        " or message ",
        P(p.given),
        " on ",
        PH(g.phone("mobile")),
        ".\n\nThanks, ",
        P(p.full),
    )
    return d


@template("forum_post")
def t_forum_tech(g: Gen) -> Doc:
    d, org, user = Doc(), g.org("company"), g.person()
    host = g.pick(("www", "shop", "api", "mail")) + "." + org.domain
    d.add("[Solved] nginx returns 502 after upgrade to ", g.version(), "\n\n")
    d.add(
        "My box at ",
        IPA(g.ip4(0)),
        " proxies ",
        DOM(host),
        " to a backend on ",
        IPA(g.ip4(1.0)),
        ":8080. IPv6 clients (",
        IPA(g.ip6()),
        ") were fine.\n",
    )
    d.add(
        "Fix: raise proxy_buffer_size to 16k and restart. Error rate down from ",
        g.pct(),
        " to 0.1%.\n\n-- ",
        P(user.given),
        ", admin at ",
        O(org.name),
    )
    return d


@template("forum_post")
def t_forum_signature(g: Gen) -> Doc:
    d, p, a, org = Doc(), g.person(), g.addr(unit=False), g.org("plain")
    d.add(
        "Does anyone know if the ",
        g.pick(PRODUCTS),
        " works with firmware ",
        g.version(),
        "? Mine has been resetting since ",
        WEEKDAYS[g.day().weekday()],
        ".\n\n",
    )
    d.add("--\n", P(p.full), ", ", LOC(a.city), ", ", LOC(g.L.country.upper() if g.chance(0.5) else g.L.country))
    d.add("\n", U(g.url(org)) if g.chance(0.6) else DOM(org.domain))
    return d


@template("forum_post", pii=False)
def t_forum_nopii(g: Gen) -> Doc:
    d = Doc()
    d.add("Review: ", g.pick(PRODUCTS), " after ", str(g.rng.randint(2, 18)), " months\n\n")
    d.add(
        "Build quality is fine, battery dropped by ",
        g.pct(),
        ". Price rose from ",
        g.amount(30, 300),
        " to ",
        g.amount(30, 300),
        " in ",
        MONTHS[g.day().month - 1],
        ". Will I buy it again? Probably.\n",
    )
    d.add("Update ", g.date_text(g.day()), ": firmware ", g.version(), " fixed the sync issue.")
    return d


# --- meeting notes


@template("meeting_notes")
def t_notes_attendees(g: Gen) -> Doc:
    d = Doc()
    p1, p2, p3 = g.person(), g.person(), g.person()
    o1, o2 = g.org("any"), g.org("company", loc=g.other_locale() if g.chance(0.4) else None)
    day = g.day()
    d.add("Meeting notes - ", g.date_text(day), ", Room ", g.room(), "\n")
    d.add(
        "Attendees: ",
        P(p1.full),
        " (",
        O(o1.name),
        "), ",
        *title_parts(g.title(p2, 0.5)),
        " ",
        P(p2.full),
        " (",
        O(o2.name),
        "), ",
        P(p3.given),
        " (minutes)\n\n",
    )
    d.add("1. Budget: Q", str(g.rng.randint(1, 4)), " spend at ", g.pct(), " of plan.\n")
    d.add("2. ", P(p2.family), " presented the pilot results; ", g.decoy(), "\n")
    d.add("3. Next meeting ", WEEKDAYS[g.day().weekday()], " at ", g.time(), ".")
    return d


@template("meeting_notes")
def t_notes_site_visit(g: Gen) -> Doc:
    d, a, org = Doc(), g.addr(unit=g.chance(0.5)), g.org("company")
    contact, me = g.person(), g.person()
    d.add("Site visit report\nLocation: ", S(a.joined), ", ", *city_inline(a), "\n")
    d.add("Client: ", O(org.name), "\nOn-site contact: ", P(contact.full), ", ", PH(g.phone("mobile")), " mobile\n\n")
    d.add(
        "Findings: roof drainage blocked, ",
        str(g.rng.randint(12, 300)),
        " m² of insulation needed. ",
        P(contact.given),
        " works for ",
        O(org.name),
        " and can sign off up to ",
        g.amount(500, 5000),
        ".\n",
    )
    d.add("Written by ", P(name_as(me, "initial")), ".")
    return d


@template("meeting_notes")
def t_notes_actions(g: Gen) -> Doc:
    d = Doc()
    a, b, c = g.person(), g.person(), g.person()
    title = g.title(c, 0.4)
    d.add("Action items (", g.date_text(g.day()), ")\n")
    d.add("- Ask ", P(a.given), " for the signed copy of contract ", g.order_no(), ".\n")
    d.add("- ", P(b.family), " to send the revised timeline by ", WEEKDAYS[g.day().weekday()], ".\n")
    d.add(
        "- Call ", *title_parts(title), " ", P(c.family), " on ", PH(g.phone()), " re invoice ", g.invoice_no(), ".\n"
    )
    d.add("- Book room ", g.room(), " for the ", MONTHS[g.day().month - 1], " review; ", g.pct(), " of seats taken.")
    return d


@template("meeting_notes")
def t_notes_client_call(g: Gen) -> Doc:
    d, org, p, me = Doc(), g.org(g.pick(("plain", "suffix"))), g.person(), g.person()
    d.add("Call with ", O(org.name), " - ", g.date_text(g.day()), "\n\n")
    d.add(
        P(p.full),
        " (",
        PH(g.phone("bare")),
        ") joined late. ",
        P(p.given),
        " has been with ",
        O(org.name),
        " for ",
        str(g.rng.randint(2, 15)),
        " years and now leads purchasing.\n",
    )
    d.add(
        "They want ",
        str(g.rng.randint(5, 400)),
        " units of the ",
        g.pick(PRODUCTS),
        " by ",
        MONTHS[g.day().month - 1],
        ". Will need a ",
        g.pct(),
        " discount.\n",
    )
    d.add("Follow-up: ", P(me.given), " sends the offer to ", EM(g.email(p, org)), ".")
    return d


@template("meeting_notes", pii=False)
def t_notes_nopii(g: Gen) -> Doc:
    d = Doc()
    d.add("Weekly sync - ", g.date_text(g.day()), "\nAgenda\n")
    d.add(
        "1. Release ",
        g.version(),
        ": ",
        g.pct(),
        " of tests green.\n2. Support backlog down to ",
        str(g.rng.randint(5, 90)),
        " tickets.\n3. ",
        g.decoy(),
        "\n",
    )
    d.add("Decision: freeze on ", WEEKDAYS[g.day().weekday()], ", ship in ", MONTHS[g.day().month - 1], ".")
    return d


# --- delivery notes


@template("delivery_note")
def t_delivery_block(g: Gen) -> Doc:
    d, p, org, a = Doc(), g.person(), g.org("any"), g.addr(unit=True)
    d.add("DELIVERY NOTE ", fill(g.rng, "DN-X#####"), "\nDate: ", g.date_text(g.day()), "\n\nDeliver to:\n")
    d.add(P(p.full), "\n", O(org.name), "\n")
    d.lines(addr_lines(a))
    d.add("\nContact: ", PH(g.phone(g.pick(("mobile", "intl")))), g.pick((" mobile", " (mobile)", "")), "\n\n")
    _items(g, d, g.rng.randint(1, 3))
    d.add("Received in good condition: ____________")
    return d


@template("delivery_note")
def t_delivery_driver(g: Gen) -> Doc:
    d, p, nb, a = Doc(), g.person(), g.person(), g.addr(unit=False)
    driver = g.person()
    d.add("Delivery update for ", P(p.given), ": we tried to deliver parcel ", g.tracking(), " at ", g.time(), ".\n")
    d.add(
        "Your parcel was left with your neighbour ",
        P(name_as(nb, g.pick(("full", "surname", "initial")))),
        " at ",
        S(a.street),
        ", ",
        *city_inline(a),
        ".\n",
    )
    d.add("Driver: ", P(driver.given), ". Questions? Call ", PH(g.phone()), " (Mon-Fri ", g.slot(), ").")
    return d


@template("delivery_note")
def t_delivery_oneline(g: Gen) -> Doc:
    d, p, a = Doc(), g.person(), g.addr(unit=g.chance(0.6))
    d.add("Consignment ", g.tracking(), "\nConsignee: ", P(name_as(p, g.pick(("full", "caps")))), ", ")
    caps = g.chance(0.4)
    d.add(*(addr_inline_intl(a, caps) if g.chance(0.3) else addr_inline(a, caps=caps)), "; tel ", PH(g.phone()), "\n")
    d.add(
        "Pieces: ",
        str(g.rng.randint(1, 6)),
        " · Weight: ",
        f"{g.rng.randint(5, 600) / 10:.1f}",
        " kg · ",
        "Slot ",
        g.slot(),
        "\nSign on glass.",
    )
    return d


@template("delivery_note")
def t_delivery_pobox(g: Gen) -> Doc:
    d, org, a = Doc(), g.org("company"), g.addr(pobox=True)
    p = g.person()
    d.add(
        "Please send the documents (not the goods) to our postal address:\n\n",
        O(org.name),
        "\n",
        "Attn: ",
        P(p.full),
        "\n",
    )
    d.lines(addr_lines(a, country=g.chance(0.6)))
    d.add("\n\nGoods go to the warehouse, dock ", fill(g.rng, "X#"), ", weekdays ", g.slot(), ".\n")
    d.add("Questions: ", EM(g.role_email(org)), " or ", PH(g.phone("nat")), g.pick((" (office)", " office", "")))
    return d


@template("delivery_note", pii=False)
def t_delivery_nopii(g: Gen) -> Doc:
    d = Doc()
    d.add(
        "DELIVERY NOTE ",
        fill(g.rng, "DN-X#####"),
        "\nPallets: ",
        str(g.rng.randint(1, 8)),
        "  Dock: ",
        fill(g.rng, "X#"),
        "\n\n",
    )
    _items(g, d, g.rng.randint(2, 4))
    d.add("Delivery window ", g.slot(), " on ", WEEKDAYS[g.day().weekday()], ". ", g.decoy())
    return d


# --- contact forms


@template("contact_form")
def t_form_basic(g: Gen) -> Doc:
    d, p, org = Doc(), g.person(), g.org("company")
    d.add("Name: ", P(p.full), "\nEmail: ", EM(g.email(p, org if g.chance(0.5) else None)), "\n")
    d.add("Phone: ", PH(g.phone()), "\nCompany: ", O(org.name), "\n")
    d.add("Subject: ", g.pick(("Quote request", "Partnership", "Complaint", "Delivery question")), "\n")
    d.add("Message: ", g.decoy(), " Please call me after ", g.time(), ".")
    return d


@template("contact_form")
def t_form_address(g: Gen) -> Doc:
    d, p, a = Doc(), g.person(), g.addr(unit=g.chance(0.6))
    d.add("First name: ", P(p.given), "\nLast name: ", P(p.family), "\n")
    d.add("Street and number: ", S(a.street), "\n")
    if a.unit:
        d.add("Apartment / suite: ", S(a.unit), "\n")
    if a.locality:
        d.add("District: ", LOC(a.locality), "\n")
    d.add("Postcode: ", PC(a.postcode), "\nCity: ", LOC(a.city), "\n")
    if a.loc.code in ("en_US", "en_CA", "en_AU", "it_IT", "pt_BR", "en_IN", "es_ES"):
        d.add("State / province: ", LOC(a.region), "\n")
    d.add("Country: ", LOC(a.country), "\nDate of birth: ", DB(g.dob_text(p)), "\n")
    d.add("Newsletter: ", g.pick(("yes", "no")), "\nSubmitted ", g.date_text(g.day()), " ", g.time())
    return d


@template("contact_form")
def t_form_callback(g: Gen) -> Doc:
    d, p, org = Doc(), g.person(), g.org("plain")
    d.add("Callback request\nFull name: ", P(name_as(p, g.pick(("full", "last_first", "family_caps")))), "\n")
    d.add("Best time to call: ", WEEKDAYS[g.day().weekday()], " ", g.time(), "\n")
    d.add("Phone: ", PH(g.phone("paren")), "\nAlternative: ", PH(g.phone("intl00")), "\n")
    d.add("Website: ", U(g.url(org)), "\nTopic: ", g.pick(PRODUCTS), ", quote ", g.order_no())
    return d


@template("contact_form")
def t_form_web(g: Gen) -> Doc:
    d, p = Doc(), g.person()
    d.add("New submission - Contact us\n", "Your name: ", P(p.full), "\nYour email: ", EM(g.email(p)), "\n")
    d.add("Your message: ", g.decoy(), "\n---\n")
    d.add("IP: ", IPA(g.ip4(0.1) if g.chance(0.6) else g.ip6()), "\nUser agent: ", g.pick(UA), "\n")
    d.add("Submitted: ", g.day().isoformat(), " ", g.time(), " · form v", g.version())
    return d


@template("contact_form", pii=False)
def t_form_nopii(g: Gen) -> Doc:
    d = Doc()
    d.add(
        "Subject: Opening hours\nMessage: Are you open on ",
        WEEKDAYS[g.day().weekday()],
        "s in ",
        MONTHS[g.day().month - 1],
        "? ",
        g.decoy(),
        "\n",
    )
    d.add("Consent: yes\nSubmitted: ", g.day().isoformat(), " ", g.time(), " · form v", g.version())
    return d


# --- booking confirmations


@template("booking_confirmation")
def t_booking_hotel(g: Gen) -> Doc:
    d, p, hotel, a = Doc(), g.person(), g.org("hotel"), g.addr(unit=False)
    title = g.title(p, 0.3)
    day = g.day()
    d.add(
        "Booking confirmation ",
        fill(g.rng, "LLX#LL"),
        "\n",
        O(hotel.name),
        "\n",
        S(a.street),
        ", ",
        *city_inline(a),
        "\n",
        PH(g.phone("intl")),
        " · ",
        EM(g.role_email(hotel)),
        "\n\n",
    )
    d.add(
        "Dear ",
        *title_parts(title),
        " ",
        P(p.family),
        ",\nwe look forward to welcoming you on ",
        g.date_text(day),
        " for ",
        str(g.rng.randint(2, 7)),
        " nights (room ",
        g.room(),
        ", ",
        g.pick(("double", "twin", "suite")),
        ").\n",
    )
    d.add(
        "Guest: ",
        *title_parts(title),
        " ",
        P(p.full),
        "\nGuaranteed with card ",
        CC(g.card()) if g.chance(0.5) else g.masked_card(),
        ". Total ",
        g.amount(80, 1500),
        ".\nCheck-in from ",
        g.time(),
        ".",
    )
    return d


@template("booking_confirmation")
def t_booking_flight(g: Gen) -> Doc:
    d, p, p2 = Doc(), g.person(), g.person()
    day = g.day()
    d.add("E-TICKET RECEIPT\nBooking reference: ", fill(g.rng, "LLLLLL"), "\n")
    d.add("Passenger 1: ", P(name_as(p, "pnr")), " ", T("MS" if p.gender == "f" else "MR"), "\n")
    d.add("Passenger 2: ", P(name_as(p2, "pnr")), " ", T("MRS" if p2.gender == "f" else "MR"), "\n")
    d.add(
        "Flight ",
        g.flight(),
        "  ",
        g.date_text(day),
        "  dep ",
        g.time(),
        "  Gate ",
        g.gate(),
        "  Seat ",
        fill(g.rng, "X#L"),
        "\n",
    )
    d.add("Contact: ", EM(g.email(p)), ", ", PH(g.phone("intl")), "\nBaggage: 1 x 23 kg. Fare ", g.amount(60, 900))
    return d


@template("booking_confirmation")
def t_booking_restaurant(g: Gen) -> Doc:
    d, p, place, a = Doc(), g.person(), g.org("hotel"), g.addr(unit=False)
    d.add("Your table at ", O(place.name), " is confirmed!\n\n")
    d.add(
        "Name: ",
        P(p.given if g.chance(0.4) else p.full),
        "\nGuests: ",
        str(g.rng.randint(2, 8)),
        "\nWhen: ",
        WEEKDAYS[g.day().weekday()],
        " ",
        g.date_text(g.day()),
        " at ",
        g.time(),
        "\n",
    )
    d.add("Phone on booking: ", PH(g.phone("mobile")), "\n")
    if g.chance(0.4):
        d.add("Card held for no-shows: ", CC(g.card()), "\n")
    d.add("\nFind us at ", S(a.street), ", ", *city_inline(a), ". Running late? Call ", PH(g.phone("nat")), ".")
    return d


@template("booking_confirmation")
def t_booking_rental(g: Gen) -> Doc:
    d, p, a = Doc(), g.person(), g.addr(unit=g.chance(0.4))
    branch = g.addr(unit=False)
    d.add(
        "Car rental voucher ",
        fill(g.rng, "RX#######"),
        "\nMain driver: ",
        P(name_as(p, g.pick(("full", "caps")))),
        ", born ",
        DB(g.dob_text(p)),
        "\n",
    )
    d.add("Home address: ", *addr_inline(a), "\n")
    d.add(
        "Pick-up: ",
        LOC(branch.city),
        " station, ",
        g.date_text(g.day()),
        " ",
        g.time(),
        "\nCategory ",
        fill(g.rng, "LLLL"),
        ", ",
        str(g.rng.randint(3, 14)),
        " days, ",
        g.amount(80, 900),
        "\nDeposit on card ",
        CC(g.card()),
        ".",
    )
    return d


@template("booking_confirmation", pii=False)
def t_booking_nopii(g: Gen) -> Doc:
    d = Doc()
    d.add(
        "Booking ref ",
        fill(g.rng, "LLX#LL"),
        " confirmed\n2 adults, 1 child · room ",
        g.room(),
        " · ",
        str(g.rng.randint(2, 7)),
        " nights\nCheck-in ",
        g.date_text(g.day()),
        " from ",
        g.time(),
        "\n",
    )
    d.add(
        "Total ",
        g.amount(100, 2000),
        " (city tax ",
        g.amount(2, 30),
        " not included). Free cancellation until ",
        WEEKDAYS[g.day().weekday()],
        ".",
    )
    return d


# --- appointment reminders


@template("appointment_reminder")
def t_appt_clinic(g: Gen) -> Doc:
    d, p, doc, clinic, a = Doc(), g.person(), g.person(), g.org("clinic"), g.addr(unit=g.chance(0.4))
    day = g.day()
    title = g.title(p, 0.4)
    d.add(
        "Dear ",
        *title_parts(title),
        " ",
        P(p.family),
        ",\n\nthis is a reminder of your appointment with ",
        T(g.pick(("Dr.", "Dr"))),
        " ",
        P(doc.full),
        " at ",
        O(clinic.name),
        ", ",
        S(a.joined),
        ", ",
        *city_inline(a),
        ", on ",
        WEEKDAYS[day.weekday()],
        " ",
        g.date_text(day),
        " at ",
        g.time(),
        ".\n",
    )
    d.add("Patient: ", P(p.full), ", date of birth ", DB(g.dob_text(p)), "\n")
    d.add("To cancel, call ", PH(g.phone("nat")), " at least 24 hours before.")
    return d


@template("appointment_reminder")
def t_appt_sms(g: Gen) -> Doc:
    d, p, clinic = Doc(), g.person(), g.org("clinic")
    day = g.day()
    d.add(
        "Hi ",
        P(p.given),
        ", reminder: ",
        O(clinic.name),
        " ",
        WEEKDAYS[day.weekday()][:3],
        " ",
        g.date_text(day),
        " ",
        g.time(),
        ", room ",
        g.room(),
        ". Reply C to cancel or call ",
        PH(g.phone()),
        ".",
    )
    return d


@template("appointment_reminder")
def t_appt_dental_id(g: Gen) -> Doc:
    d, p, clinic = Doc(), g.person(), g.org("clinic")
    id_name, id_val, id_label = g.natid(p)
    day = g.day()
    d.add(
        O(clinic.name),
        " - appointment confirmation\n\nPatient: ",
        P(name_as(p, g.pick(("full", "last_first")))),
        "\n",
        id_name,
        ": ",
        (id_val, id_label),
        "\nDate of birth: ",
        DB(g.dob_text(p)),
        "\n",
    )
    d.add("Appointment: ", g.date_text(day), ", ", g.time(), " (", str(g.rng.randint(20, 60)), " min)\n")
    d.add("Please bring your insurance card. Questions: ", EM(g.role_email(clinic)), ", ", PH(g.phone("nat")), ".")
    return d


@template("appointment_reminder")
def t_appt_followup(g: Gen) -> Doc:
    d, p, doc, clinic = Doc(), g.person(), g.person(), g.org("clinic")
    title = g.title(p, 0.3)
    d.add(
        "Follow-up after your visit on ",
        g.date_text(g.day()),
        "\n\nDear ",
        *title_parts(title),
        " ",
        P(p.family),
        ",\n",
    )
    d.add(
        "your blood pressure rose slightly since ",
        MONTHS[g.day().month - 1],
        " (",
        str(g.rng.randint(125, 150)),
        "/",
        str(g.rng.randint(80, 95)),
        "). ",
        T("Dr."),
        " ",
        P(doc.family),
        " would like to see you again in ",
        str(g.rng.randint(2, 8)),
        " weeks.\n",
    )
    d.add("Book online at ", U(g.url(clinic)), " or call ", PH(g.phone()), ".\n\n", O(clinic.name))
    return d


@template("appointment_reminder", pii=False)
def t_appt_nopii(g: Gen) -> Doc:
    d, day = Doc(), g.day()
    d.add(
        "Reminder: your appointment is on ",
        WEEKDAYS[day.weekday()],
        " ",
        g.date_text(day),
        " at ",
        g.time(),
        " in room ",
        g.room(),
        ".\nPlease arrive 10 minutes early and bring your insurance card. Fasting ",
        str(g.rng.randint(6, 12)),
        " hours before the blood test. Parking costs ",
        g.amount(2, 10),
        " per hour.",
    )
    return d


# --- HR records


@template("hr_record")
def t_hr_employee(g: Gen) -> Doc:
    d, p, a, ec = Doc(), g.person(), g.addr(unit=g.chance(0.5)), g.person()
    id_name, id_val, id_label = g.natid(p)
    d.add("EMPLOYEE RECORD\nName: ", P(name_as(p, "last_first")), "\nEmployee no.: ", g.employee_no(), "\n")
    d.add("Date of birth: ", DB(g.dob_text(p)), "\n", id_name, ": ", (id_val, id_label), "\n")
    d.add("Address:\n")
    d.lines(addr_lines(a, country=g.chance(0.4)))
    d.add("\nPrivate phone: ", PH(g.phone("mobile")), "\nSalary account: ", IB(g.iban()), "\n")
    rel = g.pick(
        ("spouse", "partner") + (("sister", "mother", "daughter") if ec.gender == "f" else ("brother", "father", "son"))
    )
    d.add(
        "Emergency contact: ",
        P(ec.full),
        " (",
        rel,
        "), ",
        PH(g.phone()),
        "\nStart date: ",
        g.date_text(g.day()),
        "  Grade ",
        fill(g.rng, "LX"),
    )
    return d


@template("hr_record")
def t_hr_onboarding(g: Gen) -> Doc:
    d, p, mgr, org = Doc(), g.person(), g.person(), g.org(g.pick(("suffix", "plain", "any")))
    day = g.day()
    d.add(
        "New starter: ",
        P(p.full),
        " joins ",
        O(org.name),
        " on ",
        WEEKDAYS[day.weekday()],
        " ",
        g.date_text(day),
        " as ",
        g.job(),
        ".\n",
    )
    d.add(
        "Manager: ",
        *title_parts(g.title(mgr, 0.4)),
        " ",
        P(mgr.full),
        ". Desk ",
        g.room(),
        ", laptop ",
        "LT-" + fill(g.rng, "X####"),
        ".\n",
    )
    d.add("Work email: ", EM(g.email(p, org)), "; private: ", EM(g.email(p)), ".\n")
    d.add("Please ask ", P(mgr.given), " for building access before ", g.time(), ".")
    return d


@template("hr_record")
def t_hr_payroll(g: Gen) -> Doc:
    d = Doc()
    d.add("Payroll export ", MONTHS[g.day().month - 1], " ", str(g.day().year), " (confidential)\n")
    d.add("Employee | ID | Born | Net pay\n")
    for _ in range(g.rng.randint(2, 4)):
        p = g.person()
        id_name, id_val, id_label = g.natid(p)
        d.add(
            P(name_as(p, g.pick(("full", "last_first")))),
            " | ",
            id_name,
            " ",
            (id_val, id_label),
            " | ",
            DB(p.loc.date_num(p.dob)),
            " | ",
            g.amount(1500, 9000),
            "\n",
        )
    d.add("Totals checked by payroll on ", g.date_text(g.day()), ".")
    return d


@template("hr_record")
def t_hr_leave(g: Gen) -> Doc:
    d, p, mgr, cover = Doc(), g.person(), g.person(), g.person()
    d.add("Leave request ", "LV-" + fill(g.rng, "X####"), "\nEmployee: ", P(p.full), " (", g.employee_no(), ")\n")
    first, n_days = g.day(), g.rng.randint(1, 15)
    d.add(
        "From ",
        g.date_text(first),
        " to ",
        g.date_text(first + timedelta(days=n_days + 2 * (n_days // 5))),
        " - ",
        str(n_days),
        " days annual leave\n",
    )
    d.add("Cover: ", P(cover.given), ". Reachable in emergencies on ", PH(g.phone("mobile")), ".\n")
    d.add("Approved by ", P(name_as(mgr, "initial")), " on ", WEEKDAYS[g.day().weekday()], ".")
    return d


@template("hr_record", pii=False)
def t_hr_nopii(g: Gen) -> Doc:
    d = Doc()
    d.add(
        "Headcount report ",
        MONTHS[g.day().month - 1],
        "\nPermanent: ",
        str(g.rng.randint(40, 400)),
        "  Temporary: ",
        str(g.rng.randint(2, 40)),
        "\nAttrition: ",
        g.pct(),
        "  Sick days per FTE: ",
        str(g.rng.randint(2, 9)),
        "\nPolicy version ",
        g.version(),
        " applies from ",
        g.date_text(g.day()),
        ". Will managers please confirm by ",
        WEEKDAYS[g.day().weekday()],
        ".",
    )
    return d


@template("hr_record")
def t_hr_benefits(g: Gen) -> Doc:
    """US benefits enrolment: the employee and dependents with their SSNs (scheduled for en_US only)."""
    d, p, a = Doc(), g.person(), g.addr(unit=g.chance(0.4))
    d.add(
        "BENEFITS ENROLLMENT ",
        str(g.day().year + 1),
        "\nEmployee: ",
        P(p.full),
        "   Employee ID ",
        g.employee_no(),
        "\n",
    )
    _, ssn, label = g.natid(p)
    d.add(
        "SSN ",
        (ssn, label),
        "   DOB ",
        DB(g.dob_text(p)),
        "\nHome address: ",
        *addr_inline(a, country=False),
        "\n\nDependents:\n",
    )
    fam = p.family
    for rel in ("Spouse",) + ("Child",) * g.rng.randint(0, 2):
        dep = g.person()
        dep.family = fam
        if rel == "Child":
            dep.dob = date(2008, 1, 1) + timedelta(days=g.rng.randint(0, 5000))
        else:
            dep.dob = p.dob + timedelta(days=g.rng.randint(-2500, 2500))
        _, dssn, dlabel = g.natid(dep)
        d.add("- ", rel, ": ", P(dep.full), ", SSN ", (dssn, dlabel), ", born ", DB(g.dob_text(dep)), "\n")
    d.add(
        "Plan: ",
        g.pick(("PPO 500", "HDHP 3000 + HSA", "HMO Select")),
        ", employee share ",
        g.amount(80, 600),
        " per month. Elections close ",
        g.date_text(g.day()),
        ".",
    )
    return d


ONLY_LOCALES = {"hr_benefits": ("en_US",)}


# ----------------------------------------------------------------------------- the set


def schedule(rng: random.Random) -> list[tuple[tuple, Locale]]:
    """Which template and locale each document gets: 15% PII-free, templates and locales in even shares."""
    pii = [t for t in TEMPLATES if t[2]]
    clean = [t for t in TEMPLATES if not t[2]]
    n_clean = round(N_DOCS * NO_PII_SHARE)
    slots = [clean[i % len(clean)] for i in range(n_clean)] + [pii[i % len(pii)] for i in range(N_DOCS - n_clean)]
    rng.shuffle(slots)
    n_free = sum(1 for t in slots if t[0] not in ONLY_LOCALES)
    locs = [LOCALES[i % len(LOCALES)] for i in range(n_free)]
    rng.shuffle(locs)
    by_code = {x.code: x for x in LOCALES}
    plan = []
    for t in slots:
        if t[0] in ONLY_LOCALES:
            plan.append((t, by_code[rng.choice(ONLY_LOCALES[t[0]])]))
        else:
            plan.append((t, locs.pop()))
    return plan


def build(seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    docs = []
    for i, ((name, layout, _pii, fn), loc) in enumerate(schedule(rng), 1):
        doc = fn(Gen(rng, loc))
        docs.append(
            {
                "id": f"d{i:04d}",
                "locale": loc.code,
                "layout": layout,
                "template": name,
                "text": doc.text,
                "spans": doc.spans,
            }
        )
    return docs


def serialize(docs: list[dict]) -> str:
    lines = []
    for doc in docs:
        rec = dict(doc)
        rec["spans"] = [{"start": s["start"], "end": s["end"], "label": s["label"]} for s in doc["spans"]]
        lines.append(json.dumps(rec, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def valid_national_id(locale: str, value: str) -> bool:
    """Check digits of the national ids this file writes, re-derived independently of the generators."""
    c = "".join(ch for ch in value if ch not in " ./-")
    ds = [int(x) for x in c] if c.isdigit() else []
    if locale == "pl_PL":
        return sum(a * b for a, b in zip(ds, (1, 3, 7, 9, 1, 3, 7, 9, 1, 3, 1))) % 10 == 0
    if locale in ("sv_SE", "en_CA"):
        return luhn_ok(c[-10:])
    if locale == "nl_NL":
        return (sum(ds[i] * (9 - i) for i in range(8)) - ds[8]) % 11 == 0
    if locale == "pt_BR":
        d1 = sum(ds[i] * (10 - i) for i in range(9)) * 10 % 11 % 10
        return (d1, sum(ds[i] * (11 - i) for i in range(10)) * 10 % 11 % 10) == (ds[9], ds[10])
    if locale == "cs_CZ":
        return int(c) % 11 == 0
    if locale == "en_AU":
        return sum(a * b for a, b in zip(ds, (1, 4, 3, 7, 5, 8, 6, 9, 10))) % 11 == 0
    if locale == "en_IN":
        return verhoeff_ok(c) if c.isdigit() else (len(c) == 10 and c[3] == "P")
    if locale == "fi_FI":
        return "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(value[:6] + value[7:10]) % 31] == value[10]
    if locale == "fr_FR":
        return 97 - int(c[:13]) % 97 == int(c[13:])
    if locale == "es_ES":
        num = c[:-1].replace("X", "0").replace("Y", "1").replace("Z", "2")
        return "TRWAGMYFPDXBNJZSQVHLCKE"[int(num) % 23] == c[-1]
    if locale == "pt_PT":
        check = 11 - sum(ds[i] * (9 - i) for i in range(8)) % 11
        return (0 if check >= 10 else check) == ds[8]
    if locale == "nb_NO":
        return (
            sum(a * b for a, b in zip(ds, (3, 7, 6, 1, 8, 9, 4, 5, 2, 1))) % 11 == 0
            and sum(a * b for a, b in zip(ds, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1))) % 11 == 0
        )
    if locale == "de_DE":
        product = 10
        for x in ds[:10]:
            product = ((x + product) % 10 or 10) * 2 % 11
        return (11 - product) % 10 == ds[10]
    if locale == "it_IT":
        return codice_fiscale_ok(c)
    if locale == "hu_HU":
        if len(ds) == 9:
            return sum(d * (3 if i % 2 == 0 else 7) for i, d in enumerate(ds[:8])) % 10 == ds[8]
        return sum(d * (i + 1) for i, d in enumerate(ds[:9])) % 11 == ds[9]
    if locale == "en_US":
        return len(ds) == 9 and c[:3] not in ("000", "666") and c[0] != "9" and c[3:5] != "00" and c[5:] != "0000"
    return True  # da_DK (CPR has no check digit since 2007), en_GB (NINO has none)


def codice_fiscale_ok(code: str) -> bool:
    total = 0
    for i, ch in enumerate(code[:15]):
        total += _CF_ODD[ch] if i % 2 == 0 else (int(ch) if ch.isdigit() else ord(ch) - 65)
    return len(code) == 16 and chr(65 + total % 26) == code[15]


def _valid_id(label: str, value: str, locale: str) -> bool:
    if label == CARD:
        return luhn_ok(value)
    if label == IBAN:
        return iban_ok(value) and len(value.replace(" ", "")) == _IBAN_LEN[value[:2]]
    if label in (NATID, SSN):
        return valid_national_id(locale, value)
    return True


def self_check(path: pathlib.Path, docs: list[dict]) -> list[str]:
    """Re-read the written file and check it against the values inserted; returns warnings."""
    raw = path.read_text(encoding="utf-8")
    read = [json.loads(line) for line in raw.splitlines() if line.strip()]
    assert len(read) == len(docs) == N_DOCS, (len(read), len(docs))
    warnings = []
    for k, (rec, doc) in enumerate(zip(read, docs), 1):
        assert rec["id"] == f"d{k:04d}" == doc["id"], rec["id"]
        assert set(rec) == {"id", "locale", "layout", "template", "text", "spans"}, rec.keys()
        text, spans = rec["text"], rec["spans"]
        assert text == doc["text"]
        assert len(spans) == len(doc["spans"]), rec["id"]
        prev_end = 0
        for s, inserted in zip(spans, doc["spans"]):
            start, end, label = s["start"], s["end"], s["label"]
            assert label in LABELS, (rec["id"], label)
            assert (start, end, label) == (inserted["start"], inserted["end"], inserted["label"]), rec["id"]
            assert 0 <= start < end <= len(text), (rec["id"], s)
            assert text[start:end] == inserted["value"], (rec["id"], text[start:end], inserted["value"])
            assert not text[start].isspace() and not text[end - 1].isspace(), (rec["id"], s)
            assert start >= prev_end, (rec["id"], "overlap or unsorted", s)
            assert _valid_id(label, inserted["value"], rec["locale"]), (rec["id"], label, inserted["value"])
            prev_end = end
        pii_template = next(t[2] for t in TEMPLATES if t[0] == rec["template"])
        assert bool(spans) == pii_template, (rec["id"], rec["template"])
        # a labelled value (4+ chars) that also occurs outside every span is probably a labelling slip
        covered = [(s["start"], s["end"]) for s in spans]
        for s in doc["spans"]:
            v = s["value"]
            if len(v) < 4:
                continue
            i = text.find(v)
            while i >= 0:
                if not any(a <= i and i + len(v) <= b for a, b in covered):
                    before = text[i - 1] if i else " "
                    after = text[i + len(v)] if i + len(v) < len(text) else " "
                    if not before.isalnum() and not after.isalnum():
                        warnings.append(f"{rec['id']}: {v!r} ({s['label']}) also occurs unlabelled")
                i = text.find(v, i + 1)
    locales = {r["locale"] for r in read}
    templates = {r["template"] for r in read}
    empty = sum(1 for r in read if not r["spans"])
    assert len(locales) >= 15, locales
    assert len(templates) >= 60, len(templates)
    assert abs(empty / len(read) - NO_PII_SHARE) < 0.02, empty
    labels = Counter(s["label"] for r in read for s in r["spans"])
    assert set(labels) == set(LABELS), set(LABELS) - set(labels)
    assert serialize(build()) == raw, "a second generation differs: the set is not deterministic"
    return warnings


def summary(docs: list[dict]) -> str:
    out = []
    n_spans = sum(len(d["spans"]) for d in docs)
    empty = sum(1 for d in docs if not d["spans"])
    out.append(
        f"{len(docs)} documents, {len({d['locale'] for d in docs})} locales, "
        f"{len({d['layout'] for d in docs})} layouts, {len({d['template'] for d in docs})} templates, "
        f"{n_spans} spans, {empty} documents without PII ({empty / len(docs):.1%})"
    )
    for title, key in (("documents per locale", "locale"), ("documents per layout", "layout")):
        c = Counter(d[key] for d in docs)
        out.append(f"{title}:")
        out.extend(f"  {k:<22} {v:>4}" for k, v in sorted(c.items()))
    c = Counter(s["label"] for d in docs for s in d["spans"])
    out.append("spans per label:")
    out.extend(f"  {k:<22} {c[k]:>5}" for k in LABELS)
    return "\n".join(out)


def main() -> int:
    docs = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(serialize(docs), encoding="utf-8")
    warnings = self_check(OUT, docs)
    print(f"wrote {OUT}")
    print(summary(docs))
    if warnings:
        print(f"{len(warnings)} possible labelling slips:")
        for w in warnings[:20]:
            print("  " + w)
    print("self-check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
