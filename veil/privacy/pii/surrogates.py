"""Keyed, consistent, format-preserving surrogates.

The same ``(key, entity_type, value)`` always yields the same surrogate, so a
name in a column and the same name in a note get the same stand-in. Values are
derived from HMAC-SHA256 of the normalised input; nothing here is reversible
without the key, and a surrogate is never the original value nor any value
whose fingerprint is in ``avoid``.

Properties (per :class:`SurrogateFactory`):

* **Consistent and keyed** -- the first choice for a value depends only on the
  key, the entity type and the normalised value.
* **One-to-one** -- within one factory, two different inputs of an entity type
  never share a surrogate: issued surrogates are tracked per entity type and a
  collision moves the later input on to its next candidate. Names are drawn
  uniformly from the union of the name lists of the locale's language (e.g.
  every ``en_*`` locale for ``en_US``), so first choices rarely collide and
  separate factories with the same key agree on practically every value.
* **Format-preserving** -- phones keep their shape, ``+CC`` and trunk ``0``;
  identifiers with a checksum (cards, SSN, NINO, NHS, SIN, NIR, NIF/NIE, codice
  fiscale, Aadhaar, IBAN, ABA routing numbers) get stand-ins that pass the same
  validators (the ``*_valid`` helpers below); dates keep their format and move
  by one offset per subject (see :meth:`SurrogateFactory.surrogate`).
* **Locale-aware** -- the factory's locale picks name, street and city lists;
  values that carry their own country (a UK postcode, an IBAN, a ``+CC``
  phone) keep that country's format.

Two deliberate exceptions:

* ``TITLE`` (Mr, Mrs, Dr, ...): the set of titles is tiny and a title alone
  identifies nobody, so a title may map to itself (``Mr`` -> ``Mr``); titles
  are mapped within their gender class (a keyed permutation, e.g. Mrs/Ms/Miss),
  rare or special-category titles (Sir, Lady, Rabbi, Imam, ...) fold into a
  common one. Forcing "never the original" on a one- or three-element class
  would be a fixed, learnable substitution, which hides nothing.
* Dates shifted by the consistent offset are exempt from the one-to-one
  tracking (a fixed shift is a bijection already) and, if a shifted date is
  rejected (``avoid``/``guard``), it is nudged by +-1, +-2, ... days rather than
  redrawn, to stay close to the consistent offset.
"""

from __future__ import annotations

import hmac
import importlib
import logging
import random
import re
import string
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta

from faker import Faker
from faker.config import AVAILABLE_LOCALES

from veil.privacy.errors import PrivacyInvalidArgumentError
from veil.privacy.leakage.replay import PiiFingerprints, canonical, normalise
from veil.privacy.pii.checksums import compact as _compact
from veil.privacy.pii.checksums import (
    ASCII_DIGITS,
    CA_POSTCODE_RE,
    CA_POSTCODE_SEARCH,
    CF_MONTHS,
    IBAN_FRESH,
    NINO_BAD_PREFIXES,
    NINO_FIRST,
    NINO_SECOND,
    NL_POSTCODE_RE,
    UK_POSTCODE_RE,
    UK_POSTCODE_SEARCH,
    US_ZIP_RE,
    aadhaar_valid,
    aba_prefix_ok,
    aba_valid,
    ca_postcode_valid,
    cf_check_char,
    digits_of,
    iban_check_digits,
    iban_valid,
    it_fiscal_code_valid,
    luhn_check_digit,
    luhn_valid,
    nanp_valid,
    nhs_check_digit,
    nhs_valid,
    nif_letter,
    nif_valid,
    nino_valid,
    nir_key,
    nir_valid,
    nl_postcode_valid,
    sin_valid,
    ssn_valid,
    uk_postcode_valid,
    verhoeff_check_digit,
    verhoeff_valid,
)

logger = logging.getLogger(__name__)

_MAX_TRIES = 64
_DATE_TYPES = frozenset({"DATE_TIME", "DATE_OF_BIRTH", "DATE", "DOB"})
# All date types share one offset per subject, so that a person's birth date
# and event dates move together (age at an event is kept).
_DATE_FAMILY = b"DATE"
_UPPER = string.ascii_uppercase


# =============================================================== small helpers
def _pick(seq: Sequence[str], rng: random.Random) -> str:
    return seq[int(rng.random() * len(seq))]


def _fill(template: str, chars: str) -> str:
    """``chars`` poured into the alphanumeric positions of ``template``.

    Separators are kept; a lowercase letter position gets a lowercase letter.
    """
    it = iter(chars)
    out = []
    for ch in template:
        if ch.isalnum():
            new = next(it)
            out.append(new.lower() if ch.islower() else new)
        else:
            out.append(ch)
    return "".join(out)


def _match_case(template: str, value: str) -> str:
    if template.isupper() and any(c.isalpha() for c in template):
        return value.upper()
    if template.islower():
        return value.lower()
    return value


def case_like(template: str, value: str) -> str:
    """Case ``value`` like one token: UPPER, lower or Capitalised."""
    if not template or not value:
        return value
    if len(template) > 1 and template.isupper():
        return value.upper()
    if template.islower():
        return value.lower()
    if template[0].isupper():
        return value[0].upper() + value[1:]
    return value


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded.lower() if "a" <= c <= "z")


def _rand_digits(rng: random.Random, n: int, *, nonzero_first: bool = False) -> str:
    if n <= 0:
        return ""
    first = str(rng.randrange(1, 10) if nonzero_first else rng.randrange(10))
    return first + "".join(str(rng.randrange(10)) for _ in range(n - 1))


# ======================================================== tables for generators
_CC_ONE = frozenset({"1", "7"})
_CC_TWO = frozenset(
    (
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
        "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
        "86", "90", "91", "92", "93", "94", "95", "98",
    )
)
_NANP_LOCALES = frozenset({"en", "en_US", "en_CA", "en_PH", "fil_PH", "es_US"})
_MDY_LOCALES = frozenset({"en", "en_US", "en_PH", "fil_PH"})

_UK_AREAS = (
    "AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF", "CH", "CM", "CO", "CR",
    "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY",
    "G", "GL", "GU", "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IP", "IV", "KA", "KT", "KW", "KY", "L",
    "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW", "OL",
    "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO",
    "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD",
    "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
)
_UK_AREAS_1 = tuple(a for a in _UK_AREAS if len(a) == 1)
_UK_AREAS_2 = tuple(a for a in _UK_AREAS if len(a) == 2)
_UK_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
_CA_FIRST = "ABCEGHJKLMNPRSTVXY"
_CA_OTHER = "ABCEGHJKLMNPRSTVWXYZ"

# Titles: (members, outputs, gender). Members map into the outputs of their
# group: an output member through a keyed permutation of the outputs, any other
# member (rare, honorific or religious titles) to a keyed choice of them.
_TITLE_GROUPS: tuple[tuple[tuple[str, ...], tuple[str, ...], str | None], ...] = (
    (("mr", "mister", "master", "sir", "lord", "fr", "father", "brother"), ("Mr",), "m"),
    (("mrs", "ms", "miss", "mistress", "madam", "dame", "lady", "sister"), ("Mrs", "Ms", "Miss"), "f"),
    (("dr", "doctor", "prof", "professor"), ("Dr", "Prof"), None),
    (("mx", "rev", "revd", "reverend", "pastor", "rabbi", "imam", "hon"), ("Mx",), None),
    (("herr", "hr"), ("Herr",), "m"),
    (("frau", "fräulein"), ("Frau",), "f"),
    (("monsieur",), ("M",), "m"),
    (("mme", "mlle", "madame", "mademoiselle"), ("Mme", "Mlle"), "f"),
    (("sr", "señor", "senor", "don"), ("Sr",), "m"),
    (("sra", "srta", "señora", "señorita", "senora", "senorita", "doña"), ("Sra", "Srta"), "f"),
    (("dhr", "heer"), ("Dhr",), "m"),
    (("mevr", "mevrouw", "mw"), ("Mevr",), "f"),
    (("sig", "signor"), ("Sig",), "m"),
    (("sig.ra", "sigra", "signora", "sig.na", "signorina"), ("Sig.ra", "Sig.na"), "f"),
)
_NEVER_DOTTED = frozenset({"Miss", "Herr", "Frau"})
_TITLE_INDEX = {member: i for i, (members, _, _) in enumerate(_TITLE_GROUPS) for member in members}
_NAME_SUFFIXES = frozenset(
    (
        "jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq", "dds", "dvm", "rn", "mba", "cpa", "obe", "mbe",
        "cbe", "kc", "qc", "jnr", "snr",
    )
)
_NAME_PARTICLES = frozenset(
    (
        "van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le", "dos", "das", "do", "bin",
        "binti", "ibn", "al", "el", "ter", "ten", "zu", "y", "e",
    )
)
_INITIALS_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?|[^\W\d_]")
_INITIAL_LETTERS = "ABCDEFGHJKLMNPRSTW"
_TOKEN_EDGES_RE = re.compile(r"(\W*)(.*?)(\W*)", re.DOTALL)

_FREE_MAIL = frozenset(
    (
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "yahoo.es", "yahoo.it",
        "ymail.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr", "hotmail.de", "hotmail.es", "hotmail.it",
        "outlook.com", "outlook.fr", "outlook.de", "live.com", "live.co.uk", "live.fr", "msn.com", "aol.com",
        "aol.de", "icloud.com", "me.com", "mac.com", "protonmail.com", "proton.me", "pm.me", "gmx.de", "gmx.net",
        "gmx.com", "web.de", "t-online.de", "mail.ru", "yandex.ru", "qq.com", "163.com", "126.com", "orange.fr",
        "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr", "libero.it", "virgilio.it", "tiscali.it", "ziggo.nl",
        "kpnmail.nl", "btinternet.com", "sky.com", "virginmedia.com", "comcast.net", "verizon.net", "att.net",
        "sbcglobal.net", "rediffmail.com", "zoho.com", "fastmail.com",
    )
)
_SECOND_LEVEL = frozenset(["co", "com", "org", "net", "gov", "ac", "edu", "ltd", "plc", "sch", "nhs", "gob", "gouv"])
_KEEP_SUBDOMAINS = frozenset([
    "www", "www2", "m", "mail", "email", "mx", "smtp", "app", "api", "blog", "shop", "store", "en", "de", "fr",
    "es", "it", "nl",
])
_STREET_WORDS = frozenset(
    (
        "street", "st", "road", "rd", "avenue", "ave", "av", "lane", "ln", "drive", "dr", "way", "court", "ct",
        "place", "pl", "boulevard", "blvd", "terrace", "close", "crescent", "square", "sq", "highway", "hwy",
        "parkway", "pkwy", "circle", "cir", "trail", "row", "hill", "gardens", "grove", "mews", "walk", "strasse",
        "straße", "str", "weg", "gasse", "platz", "allee", "rue", "chemin", "boulevard", "avenue", "calle",
        "avenida", "plaza", "via", "viale", "piazza", "corso", "straat", "laan", "plein", "weg", "kade", "gracht",
    )
)
_UNIT_RE = re.compile(
    r"(?i)^(apt|apartment|suite|ste|unit|flat|floor|fl|room|rm|bldg|building|#|po box|p\.o\. box|box)(\.?\s*#?\s*)(.*)$"
)
_LEGAL_SUFFIX_RE = re.compile(
    r"(?i)(,?\s+)(inc\.?|incorporated|llc|l\.l\.c\.|ltd\.?|limited|plc|corp\.?|corporation|co\.?|company|"
    r"gmbh|ag|kg|sa|s\.a\.|sas|sarl|bv|b\.v\.|nv|n\.v\.|srl|s\.r\.l\.|spa|s\.p\.a\.|oy|ab|a/s|"
    r"pty\.? ltd\.?|llp|lp|group|holdings)$"
)
_URL_RE = re.compile(
    r"^(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)?(?P<user>[^@/\s]+@)?(?P<host>[^/:?#\s]+)(?P<port>:\d+)?"
    r"(?P<path>/[^?#]*)?(?P<query>\?[^#]*)?(?P<frag>#.*)?$"
)
_IPV4_RE = re.compile(r"^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})((?:/\d{1,2}|:\d{1,5})?)$")
_PUBLIC_FIRST_OCTETS = tuple(o for o in range(11, 224) if o not in (100, 127, 169, 172, 192, 198, 203))

# ---- dates
_MONTHS_FULL = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
}
_MONTHS_ABBR = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    "de": "Jan Feb Mär Apr Mai Jun Jul Aug Sep Okt Nov Dez",
    "fr": "janv févr mars avr mai juin juil août sept oct nov déc",
    "es": "ene feb mar abr may jun jul ago sep oct nov dic",
}
_MONTH_NAMES: dict[tuple[str, str], list[str]] = {}
_MONTH_LOOKUP: dict[str, list[tuple[str, str, int]]] = {}
for _style, _table in (("full", _MONTHS_FULL), ("abbr", _MONTHS_ABBR)):
    for _lang, _names in _table.items():
        _MONTH_NAMES[(_lang, _style)] = _names.split()
        for _i, _name in enumerate(_names.split()):
            _MONTH_LOOKUP.setdefault(_name.casefold(), []).append((_lang, _style, _i + 1))
_MONTH_LOOKUP.setdefault("sept", []).append(("en", "abbr", 9))
_WEEKDAYS = {
    "full": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "abbr": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
}
_WEEKDAY_LOOKUP = {n.casefold(): (style, i) for style, names in _WEEKDAYS.items() for i, n in enumerate(names)}
_WEEKDAY_LOOKUP.update({"tues": ("abbr", 1), "thur": ("abbr", 3), "thurs": ("abbr", 3)})
_RELATIVE_DATES = (
    "yesterday", "last week", "last month", "two days ago", "earlier this year", "recently", "last year",
    "this morning", "a few weeks ago", "three days ago",
)

_TAIL = (
    r"(?P<tail>(?:(?:T|\s+|,\s*|\s+at\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT))?)?)"
)
_ORD = r"(?P<ord>st|nd|rd|th|ST|ND|RD|TH|\.)?"
_RE_YMD = re.compile(r"(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})" + _TAIL + r"$")
_RE_YMD_COMPACT = re.compile(r"(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)" + _TAIL + r"$")
_RE_NUM = re.compile(r"(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})" + _TAIL + r"$")
_RE_D_MON_Y = re.compile(
    r"(?P<d>\d{1,2})" + _ORD + r"(?P<s1>\s+(?:of|de)\s+|\s*[-/]\s*|\s+)(?P<mon>[^\W\d_]+)(?P<mdot>\.)?"
    r"(?:(?P<s2>\s+de\s+|,\s*|\s*[-/]\s*|\s+)(?P<y>\d{4}|\d{2}))?" + _TAIL + r"$"
)
_RE_MON_D_Y = re.compile(
    r"(?P<mon>[^\W\d_]+)(?P<mdot>\.)?(?P<s1>\s+|\s*[-/]\s*)(?P<d>\d{1,2})(?P<ord>st|nd|rd|th|ST|ND|RD|TH)?"
    r"(?:(?P<s2>,\s*|\s+|\s*[-/]\s*)(?P<y>\d{4}))?" + _TAIL + r"$"
)
_RE_MON_Y = re.compile(r"(?P<mon>[^\W\d_]+)(?P<mdot>\.)?(?P<s1>,?\s+|\s*[-/]\s*)(?P<y>\d{4})$")
_RE_M_Y = re.compile(r"(?P<m>\d{1,2})(?P<s>[-/.])(?P<y>\d{4})$")
_RE_Y_M = re.compile(r"(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})$")
_RE_YEAR = re.compile(r"(?P<y>1[6-9]\d{2}|20\d{2})$")
_RE_TIME = re.compile(
    r"(?P<h>\d{1,2})(?P<s>[:h.])(?P<mi>\d{2})(?::(?P<sec>\d{2}))?(?P<ampm>\s*[AaPp]\.?[Mm]\.?)?$"
)
_RE_WEEKDAY = re.compile(r"(?P<wd>[^\W\d_]+)(?P<wdot>\.)?(?P<ws>,?\s+)(?P<rest>\S.*)$", re.DOTALL)


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _pad(n: int, pad: bool) -> str:
    return f"{n:02d}" if pad else str(n)


def _year_text(y: int, template: str) -> str:
    return f"{y % 100:02d}" if len(template) == 2 else f"{y:04d}"


def _parse_year(text: str) -> int:
    if len(text) == 2:
        yy = int(text)  # the POSIX/strptime pivot: 69-99 -> 19xx, 00-68 -> 20xx
        return 2000 + yy if yy < 69 else 1900 + yy
    return int(text)


def _valid_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# ======================================================================= pools
class _NamePools:
    """Uniform name pools of a language family (sorted, so draws are deterministic)."""

    def __init__(self, female: list[str], male: list[str], first: list[str], last: list[str]) -> None:
        self.first = first
        self.last = last
        self.female = female or first
        self.male = male or first
        female_cf = {n.casefold() for n in female}
        male_cf = {n.casefold() for n in male}
        self.female_only = frozenset(female_cf - male_cf)
        self.male_only = frozenset(male_cf - female_cf)

    def firsts(self, gender: str | None) -> list[str]:
        if gender == "f":
            return self.female
        if gender == "m":
            return self.male
        return self.first

    def gender_of(self, token: str) -> str | None:
        t = token.casefold()
        if t in self.female_only:
            return "f"
        if t in self.male_only:
            return "m"
        return None


_NAME_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_POOL_CACHE: dict[str, _NamePools] = {}


def _names_of(value: object) -> list[str]:
    if isinstance(value, dict):
        value = list(value)
    if not isinstance(value, (list, tuple)):
        return []
    # Plain Title-case names only ("MacDonald", "Kang'ethe" are left out), so that a
    # capitalised name gets a capitalised stand-in; scripts without case are kept.
    return [
        v for v in value
        if isinstance(v, str) and len(v) >= 2 and _NAME_RE.fullmatch(v)
        and (v.istitle() or not any(c.isupper() or c.islower() for c in v))
    ]


def _family_pools(locale: str, faker: Faker) -> _NamePools:
    cached = _POOL_CACHE.get(locale)
    if cached is not None:
        return cached
    lang = locale.split("_")[0]
    locales = [locale] + sorted(l for l in AVAILABLE_LOCALES if l != locale and (l == lang or l.startswith(lang + "_")))
    female: set[str] = set()
    male: set[str] = set()
    first: set[str] = set()
    last: set[str] = set()
    for loc in locales:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except (ImportError, AttributeError):
            continue
        female.update(_names_of(getattr(provider, "first_names_female", None)))
        male.update(_names_of(getattr(provider, "first_names_male", None)))
        first.update(_names_of(getattr(provider, "first_names", None)))
        last.update(_names_of(getattr(provider, "last_names", None)))
    first |= female | male
    # Surnames that are also given names ("Mark", "James") are left out: a surrogate
    # surname then never repeats a given name the text mentions on its own.
    given = {n.casefold() for n in first}
    surnames = {n for n in last if n.casefold() not in given}
    if len(surnames) >= len(last) // 2:
        last = surnames
    if not first or not last:  # a locale without name lists: sample its Faker methods once
        faker.seed_instance(0)
        first = first or {n for n in (faker.first_name() for _ in range(500)) if n}
        last = last or {n for n in (faker.last_name() for _ in range(500)) if n}
    pools = _NamePools(sorted(female), sorted(male), sorted(first), sorted(last))
    _POOL_CACHE[locale] = pools
    return pools


def _ascii_pool(names: Iterable[str], min_len: int) -> list[str]:
    """Lower-case ASCII folds of ``names`` (accents dropped), at least ``min_len`` letters, sorted."""
    return sorted({a for a in (_ascii_word(n) for n in names) if len(a) >= min_len})


def _provider_attr(faker: Faker, attribute: str, module: str = "") -> list[str]:
    """A list attribute of the first of the locale's providers (whose module contains ``module``) that has it."""
    for provider in faker.providers:
        if module and module not in type(provider).__module__:
            continue
        data = getattr(provider, attribute, None)
        if data and isinstance(data, (dict, list, tuple)):
            return sorted({str(v) for v in data if isinstance(v, str)})
    return []


# ===================================================================== guards
class SubstringGuard:
    """In-memory guard: does a candidate contain one of the given raw values?

    Checks every substring that starts at a word boundary of the candidate
    against the raw values (casefolded, grouped by length). Used transiently
    while scrubbing a table so that no surrogate contains a raw value as a plain
    substring (e.g. "Michelle Harris" inside "Michelle Harrison"). Never persisted.
    """

    def __init__(self, values: Iterable[str] = ()) -> None:
        self._by_len: dict[int, set[str]] = {}
        self.update(values)

    def update(self, values: Iterable[str]) -> None:
        for value in values:
            text = str(value).strip().casefold()
            if len(text) >= 3:
                self._by_len.setdefault(len(text), set()).add(text)
        self._lengths = sorted(self._by_len)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_len.values())

    def hits(self, candidate: str) -> bool:
        if not self._by_len:
            return False
        text = candidate.casefold()
        n = len(text)
        by_len = self._by_len
        for i in range(n):
            if i and text[i - 1].isalnum():
                continue
            room = n - i
            for length in self._lengths:
                if length > room:
                    break
                if text[i : i + length] in by_len[length]:
                    return True
        return False


# ==================================================================== factory
Generator = Callable[[str | None, random.Random], str]


class SurrogateFactory:
    """Makes realistic, deterministic, one-to-one stand-ins for PII values.

    Args:
        key: Secret key (per dataset); different keys give different surrogates.
        locale: Faker locale for names, addresses and so on.
        avoid: Fingerprints of raw values that must never be produced.
        guard: Optional in-memory raw values that must not occur anywhere in a
            surrogate (substring check at word starts); the engine builds one
            from the table being scrubbed and drops it afterwards.

    Raises:
        PrivacyInvalidArgumentError: Empty key, or ``locale`` is not a Faker locale.
    """

    def __init__(
        self,
        key: bytes,
        *,
        locale: str = "en_US",
        avoid: PiiFingerprints | None = None,
        guard: SubstringGuard | None = None,
    ) -> None:
        if not isinstance(key, (bytes, bytearray)) or len(key) == 0:
            raise PrivacyInvalidArgumentError(
                "surrogate key must be non-empty bytes", violations=[("key", "must be non-empty bytes")]
            )
        self._key = hmac.digest(bytes(key), b"veil-pii-surrogate", "sha256")
        self._locale = str(locale)
        self._lang = self._locale.split("_")[0]
        self._country = self._locale.split("_")[-1].upper() if "_" in self._locale else ""
        self._avoid = avoid
        self._guard = guard
        try:
            self._faker = Faker(self._locale)
        except (AttributeError, ValueError, TypeError) as exc:
            raise PrivacyInvalidArgumentError(
                "unknown Faker locale", violations=[("locale", "not a Faker locale")]
            ) from exc
        self._fakers: dict[str, Faker] = {self._locale: self._faker}
        self._mdy = self._locale in _MDY_LOCALES
        self._nanp = self._locale in _NANP_LOCALES
        self._cache: dict[tuple[str, str, str | None], str] = {}
        self._issued: dict[tuple[str, str | None], dict[str, str]] = {}
        self._offsets: dict[str | None, int] = {}
        self._titles: dict[str, str] = {}
        self._names = _family_pools(self._locale, self._faker)
        self._domains = _provider_attr(self._faker, "free_email_domains") or ["gmail.com", "yahoo.com"]
        self._free_domains = _FREE_MAIL | {d.casefold() for d in self._domains}
        # E-mail local parts, domains and URL paths are ASCII: locales whose names or
        # words do not fold to ASCII (ru, ja, zh, ...) borrow the English lists there.
        self._words = _ascii_pool(_provider_attr(self._faker, "word_list"), 3)
        self._ascii_firsts = _ascii_pool(self._names.first, 2)
        self._ascii_lasts = _ascii_pool(self._names.last, 3)
        if len(self._words) < 50 or len(self._ascii_firsts) < 100 or len(self._ascii_lasts) < 100:
            english = _family_pools("en_US", self._faker if self._lang == "en" else self._faker_for("en_US"))
            if len(self._words) < 50:
                self._words = _ascii_pool(_provider_attr(self._faker_for("en_US"), "word_list"), 3)
            if len(self._ascii_firsts) < 100:
                self._ascii_firsts = _ascii_pool(english.first, 2)
            if len(self._ascii_lasts) < 100:
                self._ascii_lasts = _ascii_pool(english.last, 3)
        self._countries: frozenset[str] | None = None
        self._generators: dict[str, Generator] = {
            "PERSON": self._person,
            "TITLE": self._title,
            "EMAIL_ADDRESS": self._email,
            "PHONE_NUMBER": self._phone,
            "LOCATION": self._location,
            "ADDRESS": self._address,
            "STREET_ADDRESS": self._address,
            "POSTCODE": self._postcode,
            "POSTAL_CODE": self._postcode,
            "ZIP_CODE": self._postcode,
            "CREDIT_CARD": self._credit_card,
            "IP_ADDRESS": self._ip,
            "URL": self._url,
            "DOMAIN_NAME": self._domain,
            "ORGANIZATION": self._organization,
            "NRP": self._nrp,
            "US_SSN": self._ssn,
            "UK_NINO": self._nino,
            "UK_NHS": self._nhs,
            "CA_SIN": self._sin,
            "FR_NIR": self._nir,
            "ES_NIF": self._nif,
            "ES_NIE": self._nif,
            "IT_FISCAL_CODE": self._fiscal_code,
            "IN_AADHAAR": self._aadhaar,
            "IBAN_CODE": self._iban,
            "BANK_ACCOUNT": self._bank_account,
            "US_BANK_NUMBER": self._bank_account,
        }

    # ------------------------------------------------------------ public API
    def surrogate(self, entity_type: str, value: str, *, subject: str | None = None) -> str:
        """The surrogate of ``value`` for ``entity_type`` (deterministic within the key).

        Args:
            entity_type: Presidio-style entity type (``PERSON``, ``DATE_TIME``, ...).
            value: The raw value.
            subject: For dates (``DATE_TIME``, ``DATE_OF_BIRTH``): who the date is
                about, e.g. the raw name of the row's person. All dates of one
                subject move by the same number of days, whatever their date
                type, so intervals within a subject (age at an event, too) are
                kept; different subjects move differently. The offset is
                HMAC(key, "DATE" + normalised subject), 1..365 days either way.
                Without a subject, one offset per key is used. Ignored for
                other types.
        """
        value = str(value)
        norm = normalise(value)
        is_date = entity_type in _DATE_TYPES
        subj = None
        if is_date and subject is not None:
            subj = normalise(str(subject)) or None
        cache_key = (entity_type, norm, subj)
        cached = self._cache.get(cache_key)
        if cached is not None:
            return self._restyle(cached, value)
        if entity_type == "TITLE":  # tiny, non-identifying set: may map to itself (module docstring)
            candidate = self._title(value, None)
            self._cache[cache_key] = candidate
            return self._restyle(candidate, value)
        canon_original = canonical(value)
        issued = self._issued.setdefault((entity_type, subj), {})
        spare = None
        half = _MAX_TRIES // 2
        for counter in range(_MAX_TRIES):
            rng = self._rng(b"value", entity_type, norm, counter)
            if is_date:
                candidate, shifted = self._date(value if counter < half else None, rng, subj, counter)
            else:
                candidate, shifted = self._generate(entity_type, value if counter < half else None, rng), False
            if not self._acceptable(candidate, canon_original, norm):
                continue
            key_norm = normalise(candidate)
            owner = issued.get(key_norm)
            if owner is not None and owner != norm and not shifted:
                spare = spare or candidate
                continue
            issued[key_norm] = norm
            self._cache[cache_key] = candidate
            return self._restyle(candidate, value)
        if spare is None:
            spare = self._last_resort(entity_type, norm, canon_original)
        else:
            logger.debug("no collision-free %s surrogate within %d tries", entity_type, _MAX_TRIES)
        self._cache[cache_key] = spare
        return self._restyle(spare, value)

    def fresh(self, entity_type: str, index: int) -> str:
        """A new value not derived from any input, deterministic per ``(key, entity_type, index)``."""
        for counter in range(_MAX_TRIES):
            rng = self._rng(b"fresh", entity_type, str(int(index)), counter)
            if entity_type in _DATE_TYPES:
                candidate = self._date(None, rng, None, counter)[0]
            else:
                candidate = self._generate(entity_type, None, rng)
            if self._acceptable(candidate, "", ""):
                return candidate
        return self._last_resort(entity_type, f"fresh:{index}", "")

    # ------------------------------------------------------------ internals
    def _rng(self, kind: bytes, entity_type: str, text: str, counter: int) -> random.Random:
        msg = b"\x1f".join([kind, entity_type.encode(), text.encode("utf-8"), str(counter).encode()])
        return random.Random(int.from_bytes(hmac.digest(self._key, msg, "sha256"), "big"))

    def _acceptable(self, candidate: str, canon_original: str, norm_original: str) -> bool:
        if not candidate:
            return False
        canon = canonical(candidate)
        if norm_original and (normalise(candidate) == norm_original or (canon and canon == canon_original)):
            return False
        if self._avoid is not None and candidate in self._avoid:
            return False
        if self._guard is not None and self._guard.hits(candidate):
            return False
        return True

    def _last_resort(self, entity_type: str, norm: str, canon_original: str) -> str:
        # Practically unreachable; keep a guaranteed-different, opaque token.
        for counter in range(1000):
            digest = hmac.digest(self._key, f"last\x1f{entity_type}\x1f{norm}\x1f{counter}".encode(), "sha256")
            candidate = "X" + digest.hex()[:12].upper()
            if self._acceptable(candidate, canon_original, norm):
                return candidate
        raise RuntimeError("could not make a surrogate")  # pragma: no cover

    @staticmethod
    def _restyle(candidate: str, original: str) -> str:
        # The cache is keyed by the normalised value: "JANE ROE" reuses the
        # surrogate made for "Jane Roe", in capitals.
        return _match_case(original.strip(), candidate)

    def _generate(self, entity_type: str, original: str | None, rng: random.Random) -> str:
        gen = self._generators.get(entity_type)
        if gen is not None:
            return gen(original, rng)
        if original is None:
            return self._shape_like("AAAA-0000", rng)
        return self._shape_like(original, rng)

    def _seeded_faker(self, rng: random.Random, locale: str | None = None) -> Faker:
        fake = self._faker_for(locale) if locale else self._faker
        fake.seed_instance(rng.getrandbits(64))
        return fake

    def _faker_for(self, locale: str) -> Faker:
        fake = self._fakers.get(locale)
        if fake is None:
            fake = self._fakers[locale] = Faker(locale)
        return fake

    def _country_names(self) -> frozenset[str]:
        if self._countries is None:
            self._countries = frozenset(c.casefold() for c in _provider_attr(self._faker, "countries", ".address"))
        return self._countries

    # ================================================================ names
    def _title_text(self, token: str) -> tuple[str, str | None]:
        """The surrogate title for ``token`` (keeps a trailing dot and the case) and its gender."""
        core = token.rstrip(".")
        member = core.casefold()
        group = _TITLE_INDEX.get(member)
        if group is None:
            out, gender = "Mx", None
        else:
            _, outputs, gender = _TITLE_GROUPS[group]
            out = self._titles.get(member)
            if out is None:
                if len(outputs) == 1:
                    out = outputs[0]
                else:
                    def rank(title: str) -> bytes:
                        return hmac.digest(self._key, b"TITLE\x1f" + title.casefold().encode(), "sha256")

                    shuffled = sorted(outputs, key=rank)
                    lowered = [o.casefold() for o in outputs]
                    if member in lowered:
                        out = shuffled[lowered.index(member)]
                    else:
                        out = outputs[rank(member)[0] % len(outputs)]
                self._titles[member] = out
        if token.endswith(".") and not out.endswith(".") and out not in _NEVER_DOTTED:
            out += "."
        return case_like(core, out) if core else out, gender

    def _title(self, original: str | None, rng: random.Random | None) -> str:
        if original is None:
            return _pick(("Mr", "Mrs", "Ms", "Dr", "Miss"), rng) if rng else "Mx"
        stripped = original.strip()
        out, _ = self._title_text(stripped)
        lead = original[: len(original) - len(original.lstrip())]
        trail = original[len(original.rstrip()) :]
        return lead + out + trail

    def _initials(self, token: str, rng: random.Random) -> str:
        return "".join(case_like(ch, _pick(_INITIAL_LETTERS, rng)) if ch.isalpha() else ch for ch in token)

    def _name_word(self, token: str, rng: random.Random, surname: bool, gender: str | None) -> str:
        if _INITIALS_RE.fullmatch(token):
            return self._initials(token, rng)
        lead, core, trail = _TOKEN_EDGES_RE.fullmatch(token).groups()
        if not core:
            return token
        if _INITIALS_RE.fullmatch(core):
            return lead + self._initials(core, rng) + trail
        pool = self._names.last if surname else self._names.firsts(gender)
        if "-" in core.strip("-"):
            parts = core.split("-")
            new = "-".join(case_like(p, _pick(pool, rng)) if p else p for p in parts)
        else:
            new = case_like(core, _pick(pool, rng))
        return lead + new + trail

    def _name_tokens(self, text: str, rng: random.Random, role: str, gender: str | None = None) -> str:
        """Replace the name tokens of ``text`` (role: "full", "last" or "given"), keeping the spacing."""
        pieces = re.split(r"(\s+)", text)
        tokens = [i for i in range(0, len(pieces), 2) if pieces[i]]
        if not tokens:
            return text
        out = list(pieces)
        start, end = 0, len(tokens)
        had_title = False
        if role == "full" and len(tokens) > 1:
            first = pieces[tokens[0]]
            core = first.rstrip(".").casefold()
            if len(core) >= 2 and core in _TITLE_INDEX:
                out[tokens[0]], title_gender = self._title_text(first)
                gender = gender or title_gender
                had_title = True
                start = 1
        while end - start > 1 and pieces[tokens[end - 1]].strip(".,").casefold() in _NAME_SUFFIXES:
            end -= 1
        names = []
        for j in range(start, end):
            tok = pieces[tokens[j]]
            if not any(c.isalpha() for c in tok):
                continue
            if j not in (start, end - 1) and tok.islower() and tok in _NAME_PARTICLES:
                continue
            names.append(tokens[j])
        if not names:
            return "".join(out)
        if gender is None and role != "last":
            first_given = pieces[names[0]]
            gender = self._names.gender_of(_TOKEN_EDGES_RE.fullmatch(first_given).group(2))
        surname_at = None
        if role == "last":
            surname_at = set(names)
        elif role == "full" and (len(names) > 1 or had_title):
            surname_at = {names[-1]}
        for idx in names:
            out[idx] = self._name_word(pieces[idx], rng, bool(surname_at and idx in surname_at), gender)
        return "".join(out)

    def _person(self, original: str | None, rng: random.Random) -> str:
        if original is None or not original.strip():
            return f"{_pick(self._names.first, rng)} {_pick(self._names.last, rng)}"
        text = original.strip()
        if text.count(",") == 1:
            head, tail = text.split(",")
            tail_tokens = tail.split()
            if (any(c.isalpha() for c in head) and tail_tokens
                    and not all(t.strip(".").casefold() in _NAME_SUFFIXES for t in tail_tokens)):
                gender = self._names.gender_of(tail_tokens[0].strip("."))
                return f"{self._name_tokens(head, rng, 'last')},{self._name_tokens(tail, rng, 'given', gender)}"
        return self._name_tokens(text, rng, "full")

    # ================================================================ email
    def _email_name(self, rng: random.Random, surname: bool) -> str:
        return _pick(self._ascii_lasts if surname else self._ascii_firsts, rng)

    def _email_domain(self, domain: str, rng: random.Random) -> str:
        d = domain.casefold()
        if d in self._free_domains or "." not in d:
            return _pick(self._domains, rng)
        labels = d.split(".")
        n_suffix = 2 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 1
        suffix, rest = labels[-n_suffix:], labels[:-n_suffix]
        registrable = _pick(self._ascii_lasts, rng)
        if rng.random() < 0.3:
            registrable += "-" + _pick(self._ascii_lasts, rng)
        subs = [s if s in _KEEP_SUBDOMAINS else _ascii_word(_pick(self._words, rng)) or "mail" for s in rest[:-1]]
        return ".".join([*subs, registrable, *suffix])

    def _email(self, original: str | None, rng: random.Random) -> str:
        if original is None or "@" not in original:
            first, last = self._email_name(rng, False), self._email_name(rng, True)
            style = rng.randrange(4)
            local = {0: f"{first}.{last}", 1: f"{first}{last}", 2: f"{first[0]}{last}", 3: f"{first}_{last}"}[style]
            if rng.random() < 0.6:
                local += str(rng.randrange(1, 100))
            return f"{local}@{_pick(self._domains, rng)}"
        local, _, domain = original.strip().rpartition("@")
        tag = ""
        if "+" in local:
            local, tag_text = local.split("+", 1)
            tag = "+" + self._shape_like(tag_text, rng)
        m = re.fullmatch(r"(.*?)(\d*)", local, re.DOTALL)
        stem, digits = m.group(1), m.group(2)
        parts = re.split(r"([._-]+)", stem)
        alpha = [i for i in range(0, len(parts), 2) if parts[i]]
        if not alpha:
            new_stem = stem
            if not digits:
                new_stem = self._email_name(rng, False)
        elif len(alpha) == 1:
            p = parts[alpha[0]]
            first, last = self._email_name(rng, False), self._email_name(rng, True)
            if len(p) <= 2:
                word = "".join(_pick(_UPPER, rng).lower() for _ in p)
            else:
                word = {0: first + last, 1: first[0] + last, 2: first}[rng.randrange(3)]
            parts[alpha[0]] = word
            new_stem = "".join(parts)
        else:
            for k, i in enumerate(alpha):
                p = parts[i]
                if len(p) == 1:
                    parts[i] = _pick(_UPPER, rng).lower()
                else:
                    parts[i] = self._email_name(rng, k == len(alpha) - 1)
            new_stem = "".join(parts)
        new_digits = _rand_digits(rng, len(digits), nonzero_first=bool(digits) and digits[0] != "0")
        new_local = _match_case(local, new_stem + new_digits) + tag
        return f"{new_local}@{_match_case(domain, self._email_domain(domain, rng))}"

    # ================================================================ phone
    @staticmethod
    def _cc_length(digits: str, first_group: int) -> int:
        if 1 <= first_group <= 3:
            return first_group
        if digits[:1] in _CC_ONE:
            return 1
        if digits[:2] in _CC_TWO:
            return 2
        return 3

    def _phone(self, original: str | None, rng: random.Random) -> str:
        if original is None:
            return self._seeded_faker(rng).phone_number()
        positions = [i for i, ch in enumerate(original) if ch in ASCII_DIGITS]
        if not positions:
            return self._shape_like(original, rng)
        digits = "".join(original[i] for i in positions)
        n = len(digits)
        stripped = original.lstrip()
        keep = 0  # leading digits kept as they are (+CC, 00CC, trunk 0)
        national = 0  # index of the first national digit
        cc = ""
        if stripped.startswith("+") or (stripped.startswith("00") and n > 6):
            intl = 1 if stripped.startswith("+") else 2
            start = positions[0] if intl == 1 else positions[2]
            group = 0
            while start + group < len(original) and original[start + group] in ASCII_DIGITS:
                group += 1
            offset = 0 if intl == 1 else 2
            cc_len = self._cc_length(digits[offset:], group if intl == 1 else 0)
            cc = digits[offset : offset + cc_len]
            keep = national = offset + cc_len
            if national < n and digits[national] == "0":  # "+44 (0)20 ...": the trunk zero stays
                keep = national = national + 1
        elif digits[0] == "0":
            keep = national = 1
        elif digits[0] == "1" and n == 11 and self._nanp:
            keep = national = 1
            cc = "1"
        elif n == 10 and self._nanp:
            cc = "1"
        nanp = cc == "1" and n - national == 10
        out = list(digits)
        if not nanp and keep and national < n - 1:
            keep = national + 1  # the first national digit says mobile or geographic: keep it
        for i in range(keep, n):
            out[i] = str(rng.randrange(10))
        if nanp:
            out[national] = str(rng.randrange(2, 10))
            out[national + 1] = str(rng.randrange(9))
            out[national + 3] = str(rng.randrange(2, 10))
            if out[national + 1] == "1" and out[national + 2] == "1":
                out[national + 2] = str(rng.randrange(2, 10))
        elif keep < n and keep == national:
            out[keep] = str(rng.randrange(1, 10))
        chars = list(original)
        for pos, d in zip(positions, out):
            chars[pos] = d
        return "".join(chars)

    # ======================================================== places, orgs
    @staticmethod
    def _postcode_locale(text: str) -> str | None:
        """The Faker locale of an address's postcode when it names a country (UK, Canada)."""
        if any(uk_postcode_valid(m.group(0)) for m in UK_POSTCODE_SEARCH.finditer(text)):
            return "en_GB"
        if CA_POSTCODE_SEARCH.search(text):
            return "en_CA"
        return None

    def _postcode(self, original: str | None, rng: random.Random) -> str:
        if original is None:
            return self._seeded_faker(rng).postcode()
        text = original.strip()
        if UK_POSTCODE_RE.fullmatch(text):
            return self._uk_postcode(original, rng)
        if CA_POSTCODE_RE.fullmatch(text):
            chars = (_pick(_CA_FIRST, rng) + str(rng.randrange(10)) + _pick(_CA_OTHER, rng)
                     + str(rng.randrange(10)) + _pick(_CA_OTHER, rng) + str(rng.randrange(10)))
            return _fill(original, chars)
        if NL_POSTCODE_RE.fullmatch(text):
            letters = "SA"
            while letters in ("SA", "SD", "SS"):
                letters = _pick(_UPPER, rng) + _pick(_UPPER, rng)
            return _fill(original, _rand_digits(rng, 4, nonzero_first=True) + letters)
        if US_ZIP_RE.fullmatch(text) or text.isdigit():
            digits = digits_of(text)
            new = _rand_digits(rng, len(digits), nonzero_first=digits[0] != "0")
            return _fill(original, new)
        return self._shape_like(original, rng, nonzero_first=True)

    def _uk_postcode(self, original: str, rng: random.Random) -> str:
        compact = _compact(original).upper()
        outward = compact[:-3]
        n_letters = 2 if outward[1].isalpha() else 1
        area = _pick(_UK_AREAS_2 if n_letters == 2 else _UK_AREAS_1, rng)
        rest = outward[n_letters:]
        district = ""
        for k, ch in enumerate(rest):
            if ch.isdigit():
                district += str(rng.randrange(1, 10) if k == 0 else rng.randrange(10))
            else:
                district += _pick("ABEHMNPRVWXY" if n_letters == 2 else "ABCDEFGHJKPSTUW", rng)
        new_inward = str(rng.randrange(10)) + _pick(_UK_INWARD_LETTERS, rng) + _pick(_UK_INWARD_LETTERS, rng)
        return _fill(original, area + district + new_inward)

    def _location(self, original: str | None, rng: random.Random) -> str:
        fake = self._seeded_faker(rng)
        if original is None:
            return fake.city()
        parts = original.split(",")
        out = []
        countries = self._country_names()
        for k, part in enumerate(parts):
            core = part.strip()
            lead = part[: len(part) - len(part.lstrip())]
            if not core:
                out.append(part)
                continue
            if core.casefold() in countries:
                new = fake.country()
            elif k > 0 and re.fullmatch(r"[A-Z]{2}", core):
                new = fake.state_abbr() if hasattr(fake, "state_abbr") else self._shape_like(core, rng)
            elif k > 0:
                new = fake.administrative_unit() if hasattr(fake, "administrative_unit") else fake.country()
            else:
                new = fake.city()
            out.append(lead + new)
        return ",".join(out)

    def _street(self, core: str, fake: Faker, rng: random.Random) -> str:
        unit = _UNIT_RE.match(core)
        if unit:
            return unit.group(1) + unit.group(2) + self._shape_like(unit.group(3), rng, nonzero_first=True)
        m = re.fullmatch(r"(\d+[A-Za-z]?(?:[-/]\d+[A-Za-z]?)?)(\s+)(.*)", core)
        if m:
            number, sep, rest = m.groups()
            unit_text = ""
            um = re.search(r"(?i)\s+((?:apt|apartment|suite|ste|unit|flat|#)\.?\s*#?\s*\S+)$", rest)
            if um:
                unit_text = " " + self._street(um.group(1), fake, rng)
            return self._shape_like(number, rng, nonzero_first=True) + sep + fake.street_name() + unit_text
        m = re.fullmatch(r"(.*\D)(\s+)(\d+[A-Za-z]?(?:[-/]\d+[A-Za-z]?)?)", core)
        if m:
            return fake.street_name() + m.group(2) + self._shape_like(m.group(3), rng, nonzero_first=True)
        return fake.street_name()

    def _address_part(self, core: str, k: int, total: int, fake: Faker, rng: random.Random) -> str:
        if not core:
            return core
        if (UK_POSTCODE_RE.fullmatch(core) or CA_POSTCODE_RE.fullmatch(core) or NL_POSTCODE_RE.fullmatch(core)
                or US_ZIP_RE.fullmatch(core) or re.fullmatch(r"\d{4,6}", core)):
            return self._postcode(core, rng)
        m = re.fullmatch(r"([A-Z]{2})(\s+)(\d{5}(?:-\d{4})?)", core)
        if m:
            state = fake.state_abbr() if hasattr(fake, "state_abbr") else self._shape_like(m.group(1), rng)
            return state + m.group(2) + self._postcode(m.group(3), rng)
        m = re.fullmatch(r"(.+?)(\s+)([A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z][ -]?\d[A-Z]\d)", core)
        if m:  # "London SW1A 1AA", "Ottawa ON K1A 0B1"
            head = m.group(1)
            hm = re.fullmatch(r"(.+?)(\s+)([A-Z]{2})", head)
            if hm:
                prov = fake.province_abbr() if hasattr(fake, "province_abbr") else self._shape_like(hm.group(3), rng)
                head_new = fake.city() + hm.group(2) + prov
            else:
                head_new = fake.city()
            return head_new + m.group(2) + self._postcode(m.group(3), rng)
        m = re.fullmatch(r"(\d{4,5}|[1-9]\d{3}\s?[A-Z]{2})(\s+)(\D+)", core)
        if m:  # "75001 Paris", "1011 AB Amsterdam"
            return self._postcode(m.group(1), rng) + m.group(2) + fake.city()
        if any(c.isdigit() for c in core) or _UNIT_RE.match(core):
            return self._street(core, fake, rng)
        if core.casefold() in self._country_names():
            return core  # a country is coarse: kept
        if k > 0 and re.fullmatch(r"[A-Z]{2}", core):
            return fake.state_abbr() if hasattr(fake, "state_abbr") else self._shape_like(core, rng)
        words = {w.strip(".").casefold() for w in core.split()}
        if words & _STREET_WORDS:
            return fake.street_name()
        if k > 0 and k == total - 1 and hasattr(fake, "state") and total >= 3:
            states = {s.casefold() for s in _provider_attr(fake, "states", ".address")}
            if core.casefold() in states:
                return fake.state()
        return fake.city()

    def _address(self, original: str | None, rng: random.Random) -> str:
        if original is None:
            fake = self._seeded_faker(rng)
            street = f"{fake.building_number()} {fake.street_name()}"
            try:
                tail = f"{fake.state_abbr()} {fake.postcode()}"
            except AttributeError:
                tail = fake.postcode()
            return f"{street}, {fake.city()}, {tail}"
        fake = self._seeded_faker(rng, self._postcode_locale(original))
        pieces = re.split(r"(\r?\n|\r|,|;)", original)
        contents = list(range(0, len(pieces), 2))
        total = sum(1 for i in contents if pieces[i].strip())
        k = 0
        for i in contents:
            part = pieces[i]
            core = part.strip()
            if not core:
                continue
            lead = part[: len(part) - len(part.lstrip())]
            trail = part[len(part.rstrip()) :]
            pieces[i] = lead + self._address_part(core, k, total, fake, rng) + trail
            k += 1
        return "".join(pieces)

    def _organization(self, original: str | None, rng: random.Random) -> str:
        base = self._seeded_faker(rng).company()
        base = _LEGAL_SUFFIX_RE.sub("", base).rstrip(" ,") or base
        if original:
            m = _LEGAL_SUFFIX_RE.search(original.strip())
            if m:
                return base + m.group(1) + m.group(2)
        return base

    def _nrp(self, original: str | None, rng: random.Random) -> str:
        return self._seeded_faker(rng).country()

    # ============================================================ web
    def _url(self, original: str | None, rng: random.Random) -> str:
        if original is None:
            fake = self._seeded_faker(rng)
            return f"https://{fake.domain_name()}/{fake.uri_path()}"
        text = original.strip()
        m = _URL_RE.match(text)
        if not m or "." not in m.group("host"):
            return self._shape_like(original, rng)
        host = m.group("host")
        if _IPV4_RE.match(host):
            new_host = self._ip(host, rng)
        else:
            new_host = self._email_domain(host, rng)
            if host.casefold() in self._free_domains:  # a web host is not a mail provider
                new_host = self._email_domain("x." + host.split(".")[-1], rng)
        out = [m.group("scheme") or "", self._shape_like(m.group("user"), rng) if m.group("user") else "",
               _match_case(host, new_host), m.group("port") or ""]
        path = m.group("path")
        if path:
            out.append(re.sub(r"[^\W\d_]+|\d+", lambda w: self._url_word(w.group(0), rng), path))
        query = m.group("query")
        if query:
            out.append(re.sub(r"=([^&;]*)", lambda v: "=" + self._shape_like(v.group(1), rng), query))
        if m.group("frag"):
            out.append(self._shape_like(m.group("frag"), rng))
        return "".join(out)

    def _domain(self, original: str | None, rng: random.Random) -> str:
        """A host name with a made-up registrable part and the original's public suffix."""
        if original is None or "." not in original:
            return _pick(self._domains, rng)
        host = original.strip()
        return _match_case(host, self._email_domain("x." + host if host.casefold() in self._free_domains else host,
                                                    rng))

    _URL_KEEP = frozenset([
        "html", "htm", "php", "asp", "aspx", "jsp", "pdf", "jpg", "jpeg", "png", "gif", "svg", "css", "js", "json",
        "xml", "txt", "www",
    ])

    def _url_word(self, word: str, rng: random.Random) -> str:
        if word.isdigit():
            return _rand_digits(rng, len(word), nonzero_first=word[0] != "0")
        if word.casefold() in self._URL_KEEP:
            return word
        return case_like(word, _ascii_word(_pick(self._words, rng)) or "page")

    def _ip(self, original: str | None, rng: random.Random) -> str:
        text = (original or "").strip()
        if ":" in text and not _IPV4_RE.match(text):
            def group(g: str) -> str:
                if not g:
                    return g
                if "." in g:
                    return self._ip(g, rng)
                new = "".join(_pick("0123456789abcdef", rng) for _ in g)
                if len(g) > 1 and new[0] == "0":
                    new = _pick("123456789abcdef", rng) + new[1:]
                return new.upper() if g.isupper() else new
            return ":".join(group(g) for g in text.split(":"))
        m = _IPV4_RE.match(text)
        suffix = m.group(5) if m else ""
        a, b = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
        last = rng.randrange(1, 255)
        if a == 10:
            return f"10.{rng.randrange(256)}.{rng.randrange(256)}.{last}{suffix}"
        if a == 172 and 16 <= b <= 31:
            return f"172.{rng.randrange(16, 32)}.{rng.randrange(256)}.{last}{suffix}"
        if a == 192 and b == 168:
            return f"192.168.{rng.randrange(256)}.{last}{suffix}"
        if a == 127:
            return f"127.{rng.randrange(256)}.{rng.randrange(256)}.{last}{suffix}"
        first = _pick(_PUBLIC_FIRST_OCTETS, rng)
        return f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{last}{suffix}"

    # ======================================================= identifiers
    def _credit_card(self, original: str | None, rng: random.Random) -> str:
        if original is None:
            original = "4000 0000 0000 0000"
        digits = digits_of(original)
        if len(digits) < 2:
            return self._shape_like(original, rng)
        # The first digit (issuer industry) stays; for 2/3/5/6 the brand needs two.
        prefix = digits[:2] if digits[0] in "2356" and len(digits) > 12 else digits[0]
        body = prefix + _rand_digits(rng, len(digits) - len(prefix) - 1)
        return _fill_digits(original, body + luhn_check_digit(body))

    def _ssn(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else "000-00-0000"
        if len(_compact(template)) != 9 or len(digits_of(template)) != 9:
            return self._shape_like(template, rng)
        area = 666
        while area == 666:
            area = rng.randrange(1, 900)
        return _fill(template, f"{area:03d}{rng.randrange(1, 100):02d}{rng.randrange(1, 10000):04d}")

    def _nino(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else "AA 00 00 00 A"
        compact = _compact(template).upper()
        if not re.fullmatch(r"[A-Z]{2}\d{6}[A-Z]?", compact):
            return self._shape_like(template, rng)
        prefix = "GB"
        while prefix in NINO_BAD_PREFIXES:
            prefix = _pick(NINO_FIRST, rng) + _pick(NINO_SECOND, rng)
        suffix = _pick("ABCD", rng) if len(compact) == 9 else ""
        return _fill(template, prefix + _rand_digits(rng, 6) + suffix)

    def _nhs(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else "000 000 0000"
        if len(_compact(template)) != 10 or len(digits_of(template)) != 10:
            return self._shape_like(template, rng)
        while True:
            body = _pick("4679", rng) + _rand_digits(rng, 8)
            check = nhs_check_digit(body)
            if check is not None:
                return _fill(template, body + check)

    def _sin(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else "000 000 000"
        digits = digits_of(template)
        if len(_compact(template)) != 9 or len(digits) != 9:
            return self._shape_like(template, rng)
        first = "9" if digits[0] == "9" else _pick("1234567", rng)
        body = first + _rand_digits(rng, 7)
        return _fill(template, body + luhn_check_digit(body))

    def _nir(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else "1 00 00 00 000 000 00"
        compact = _compact(template).upper()
        m = re.fullmatch(r"([1-478])\d{4}(\d{2}|2[AB])\d{6}(\d{2})?", compact)
        if not m:
            return self._shape_like(template, rng)
        sex = m.group(1)  # one bit, kept like the gender of names
        if m.group(2) in ("2A", "2B"):
            dept = _pick(("2A", "2B"), rng)
        else:
            dept = "20"
            while dept == "20":
                dept = f"{rng.randrange(1, 96):02d}"
        body = (sex + f"{rng.randrange(100):02d}" + f"{rng.randrange(1, 13):02d}" + dept
                + f"{rng.randrange(1, 991):03d}" + f"{rng.randrange(1, 1000):03d}")
        if m.group(3) is not None:
            body += nir_key(body)
        return _fill(template, body)

    def _nif(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else "00000000-A"
        compact = _compact(template).upper()
        if re.fullmatch(r"\d{8}[A-Z]", compact):
            number = _rand_digits(rng, 8)
        elif re.fullmatch(r"[XYZ]\d{7}[A-Z]", compact):
            number = _pick("XYZ", rng) + _rand_digits(rng, 7)
        else:
            return self._shape_like(template, rng)
        return _fill(template, number + nif_letter(number))

    def _fiscal_code(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else "AAAAAA00A00A000A"
        compact = _compact(template).upper()
        if len(compact) != 16 or not re.fullmatch(r"[A-Z]{6}[0-9A-Z]{9}[A-Z]", compact):
            return self._shape_like(template, rng)
        consonants = "BCDFGHLMNPRSTVZ"
        letters = "".join(_pick(consonants if rng.random() < 0.8 else "AEIOU", rng) for _ in range(6))
        day = rng.randrange(1, 29)
        if compact[9:11].isdigit() and int(compact[9:11]) > 40:
            day += 40  # the code's day carries the gender; kept like the gender of names
        body = (letters + f"{rng.randrange(100):02d}" + _pick(CF_MONTHS, rng) + f"{day:02d}"
                + _pick("ABCDEFGHILM", rng) + f"{rng.randrange(1, 1000):03d}")
        return _fill(template, body + cf_check_char(body))

    def _aadhaar(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else "0000 0000 0000"
        if len(_compact(template)) != 12 or len(digits_of(template)) != 12:
            return self._shape_like(template, rng)
        body = str(rng.randrange(2, 10)) + _rand_digits(rng, 10)
        return _fill(template, body + verhoeff_check_digit(body))

    def _iban(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else IBAN_FRESH.get(self._country, IBAN_FRESH["GB"])
        compact = _compact(template).upper()
        if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", compact):
            return self._shape_like(template, rng)
        country = compact[:2]
        bban = "".join(_pick(_UPPER, rng) if c.isalpha() else str(rng.randrange(10)) for c in compact[4:])
        return _fill(template, country + iban_check_digits(country, bban) + bban)

    def _bank_account(self, original: str | None, rng: random.Random) -> str:
        if original is None:
            return _rand_digits(rng, 10, nonzero_first=True)
        if aba_valid(original):
            while True:
                prefix = rng.randrange(1, 81)
                if aba_prefix_ok(prefix):
                    break
            n = [int(c) for c in f"{prefix:02d}" + _rand_digits(rng, 6)]
            check = (10 - (3 * (n[0] + n[3] + n[6]) + 7 * (n[1] + n[4] + n[7]) + (n[2] + n[5])) % 10) % 10
            return _fill_digits(original, "".join(map(str, n)) + str(check))
        return self._shape_like(original, rng)

    # =============================================================== dates
    def _date_offset(self, subject: str | None) -> int:
        days = self._offsets.get(subject)
        if days is None:
            msg = _DATE_FAMILY + b"-offset" + (b"\x1f" + subject.encode("utf-8") if subject is not None else b"")
            seed = hmac.digest(self._key, msg, "sha256")
            days = int.from_bytes(seed[:4], "big") % 365 + 1  # 1..365
            days = days if seed[4] % 2 else -days
            self._offsets[subject] = days
        return days

    def _date(
        self, original: str | None, rng: random.Random, subject: str | None, counter: int
    ) -> tuple[str, bool]:
        """``(surrogate, shifted)``; ``shifted`` when it is the original moved by the subject's offset."""
        if original is None:
            base = date(1990, 1, 1) + timedelta(days=rng.randrange(365 * 30))
            return base.isoformat(), False
        offset = self._date_offset(subject)
        if counter:  # a rejected shifted date: nudge it by +-1, +-2, ... days
            step = (counter + 1) // 2 * (1 if counter % 2 else -1)
            offset = offset + step if offset + step != 0 else offset + 2 * step
        core = original.strip()
        lead = original[: len(original) - len(original.lstrip())]
        trail = original[len(original.rstrip()) :]
        shifted = self._shift_text(core, offset)
        if shifted is not None:
            return lead + shifted + trail, True
        return lead + self._date_words(core, rng, offset) + trail, False

    def _month_entry(self, token: str) -> tuple[str, str, int] | None:
        entries = _MONTH_LOOKUP.get(token.casefold())
        if not entries:
            return None
        for entry in entries:
            if entry[0] == self._lang:
                return entry
        return entries[0]

    @staticmethod
    def _month_text(entry: tuple[str, str, int], month: int, template: str) -> str:
        lang, style, _ = entry
        return case_like(template, _MONTH_NAMES[(lang, style)][month - 1])

    def _shift_text(self, text: str, offset: int) -> str | None:
        """``text`` (a date in one of many formats) moved by ``offset`` days, in the same format."""
        m = _RE_WEEKDAY.match(text)
        if m and m.group("wd").casefold() in _WEEKDAY_LOOKUP:
            inner = self._shift_text(m.group("rest"), offset)
            if inner is None:
                return None
            parsed = self._parse_date(m.group("rest"))
            if parsed is None:
                return None
            style = _WEEKDAY_LOOKUP[m.group("wd").casefold()][0]
            new_day = (parsed + timedelta(days=offset)).weekday()
            wd = case_like(m.group("wd"), _WEEKDAYS[style][new_day])
            return wd + (m.group("wdot") or "") + m.group("ws") + inner
        try:
            return self._shift_plain(text, offset)
        except (OverflowError, ValueError):
            return None

    def _parse_date(self, text: str) -> date | None:
        m = _RE_YMD.match(text)
        if m:
            return _valid_date(int(m["y"]), int(m["m"]), int(m["d"]))
        m = _RE_NUM.match(text)
        if m:
            day_first = self._day_first(m)
            a, b = int(m["a"]), int(m["b"])
            d, mo = (a, b) if day_first else (b, a)
            return _valid_date(_parse_year(m["y"]), mo, d)
        for rx in (_RE_D_MON_Y, _RE_MON_D_Y):
            m = rx.match(text)
            if m and m["y"] and self._month_entry(m["mon"]):
                return _valid_date(_parse_year(m["y"]), self._month_entry(m["mon"])[2], int(m["d"]))
        return None

    def _day_first(self, m: re.Match[str]) -> bool:
        a, b = int(m["a"]), int(m["b"])
        if m["s"] == ".":
            return True
        if a > 12 >= b:
            return True
        if b > 12 >= a:
            return False
        return not self._mdy  # ambiguous: the locale's convention

    def _shift_plain(self, text: str, offset: int) -> str | None:
        delta = timedelta(days=offset)
        m = _RE_YMD.match(text) or _RE_YMD_COMPACT.match(text)
        if m:
            d = _valid_date(int(m["y"]), int(m["m"]), int(m["d"]))
            if d is None:
                return None
            new = d + delta
            sep = m.groupdict().get("s") or ""
            pad = sep == "" or len(m["m"]) == 2 and len(m["d"]) == 2
            return f"{new.year:04d}{sep}{_pad(new.month, pad)}{sep}{_pad(new.day, pad)}{m['tail']}"
        m = _RE_NUM.match(text)
        if m:
            day_first = self._day_first(m)
            a, b = int(m["a"]), int(m["b"])
            d, mo = (a, b) if day_first else (b, a)
            parsed = _valid_date(_parse_year(m["y"]), mo, d)
            if parsed is None:
                return None
            new = parsed + delta
            pad = len(m["a"]) == 2 and len(m["b"]) == 2
            first, second = (new.day, new.month) if day_first else (new.month, new.day)
            s = m["s"]
            return f"{_pad(first, pad)}{s}{_pad(second, pad)}{s}{_year_text(new.year, m['y'])}{m['tail']}"
        m = _RE_D_MON_Y.match(text)
        if m and self._month_entry(m["mon"]):
            entry = self._month_entry(m["mon"])
            year = _parse_year(m["y"]) if m["y"] else 2000
            parsed = _valid_date(year, entry[2], int(m["d"]))
            if parsed is None:
                return None
            new = parsed + delta
            day = _pad(new.day, m["d"].startswith("0"))
            ordinal = m["ord"] or ""
            if ordinal and ordinal != ".":
                ordinal = case_like(ordinal, _ordinal(new.day))
            out = f"{day}{ordinal}{m['s1']}{self._month_text(entry, new.month, m['mon'])}{m['mdot'] or ''}"
            if m["y"]:
                out += f"{m['s2']}{_year_text(new.year, m['y'])}"
            return out + m["tail"]
        m = _RE_MON_D_Y.match(text)
        if m and self._month_entry(m["mon"]):
            entry = self._month_entry(m["mon"])
            year = int(m["y"]) if m["y"] else 2000
            parsed = _valid_date(year, entry[2], int(m["d"]))
            if parsed is None:
                return None
            new = parsed + delta
            ordinal = case_like(m["ord"], _ordinal(new.day)) if m["ord"] else ""
            out = (f"{self._month_text(entry, new.month, m['mon'])}{m['mdot'] or ''}{m['s1']}"
                   f"{_pad(new.day, m['d'].startswith('0'))}{ordinal}")
            if m["y"]:
                out += f"{m['s2']}{new.year:04d}"
            return out + m["tail"]
        m = _RE_MON_Y.match(text)
        if m and self._month_entry(m["mon"]):
            entry = self._month_entry(m["mon"])
            y, mo = self._shift_month(int(m["y"]), entry[2], offset)
            return f"{self._month_text(entry, mo, m['mon'])}{m['mdot'] or ''}{m['s1']}{y:04d}"
        m = _RE_M_Y.match(text)
        if m and 1 <= int(m["m"]) <= 12:
            y, mo = self._shift_month(int(m["y"]), int(m["m"]), offset)
            return f"{_pad(mo, len(m['m']) == 2)}{m['s']}{y:04d}"
        m = _RE_Y_M.match(text)
        if m and 1 <= int(m["m"]) <= 12:
            y, mo = self._shift_month(int(m["y"]), int(m["m"]), offset)
            return f"{y:04d}{m['s']}{_pad(mo, len(m['m']) == 2)}"
        m = _RE_YEAR.match(text)
        if m:
            years = round(offset / 365.25) or (1 if offset > 0 else -1)
            return str(int(m["y"]) + years)
        return None

    @staticmethod
    def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
        new = date(year, month, 15) + timedelta(days=offset)
        if (new.year, new.month) == (year, month):  # a month-only date must still move
            step = 1 if offset > 0 else -1
            total = year * 12 + month - 1 + step
            return total // 12, total % 12 + 1
        return new.year, new.month

    def _date_words(self, text: str, rng: random.Random, offset: int) -> str:
        """Dates that are not calendar dates: times, month/weekday names, relative phrases."""
        m = _RE_TIME.fullmatch(text)
        if m:
            twelve = bool(m["ampm"])
            hour = rng.randrange(1, 13) if twelve else rng.randrange(24)
            out = f"{_pad(hour, len(m['h']) == 2)}{m['s']}{rng.randrange(60):02d}"
            if m["sec"]:
                out += f":{rng.randrange(60):02d}"
            return out + (m["ampm"] or "")
        months = (offset // 30) % 12 or 1
        days = offset % 7 or 1
        years = round(offset / 365.25) or (1 if offset > 0 else -1)

        def word(w: re.Match[str]) -> str:
            token = w.group(0)
            if re.fullmatch(r"1[6-9]\d0s|20\d0s", token):  # a decade: "the 1990s"
                return f"{int(token[:4]) + 10 * (1 if offset > 0 else -1)}s"
            if token.isdigit():
                if len(token) == 4 and 1600 <= int(token) <= 2099:
                    return str(int(token) + years)
                if len(token) <= 2:  # a day or month that did not parse: keep it plausible
                    return _pad(rng.randrange(1, 13 if int(token) <= 12 else 29), len(token) == 2)
                return _rand_digits(rng, len(token), nonzero_first=token[0] != "0")
            entry = self._month_entry(token)
            if entry is not None:
                return self._month_text(entry, (entry[2] - 1 + months) % 12 + 1, token)
            wd = _WEEKDAY_LOOKUP.get(token.casefold())
            if wd is not None:
                return case_like(token, _WEEKDAYS[wd[0]][(wd[1] + days) % 7])
            return token

        out = re.sub(r"\d{4}s\b|[^\W\d_]+|\d+", word, text)
        if normalise(out) == normalise(text):
            out = case_like(text, _pick(_RELATIVE_DATES, rng))
        return out

    # ============================================================== shapes
    def _shape_like(self, original: str, rng: random.Random, *, nonzero_first: bool = False) -> str:
        out = []
        first_digit = nonzero_first
        for ch in original:
            if ch in ASCII_DIGITS:
                out.append(str(rng.randrange(1, 10) if first_digit and ch != "0" else rng.randrange(10)))
                first_digit = False
            elif ch.isalpha():
                letter = _pick(_UPPER, rng)
                out.append(letter if ch.isupper() else letter.lower())
            else:
                out.append(ch)
        return "".join(out)


def _fill_digits(template: str, digits: str) -> str:
    """``digits`` poured into the digit positions of ``template``."""
    it = iter(digits)
    return "".join(next(it) if c in ASCII_DIGITS else c for c in template)


__all__ = [
    "SubstringGuard",
    "SurrogateFactory",
    "case_like",
    "aadhaar_valid",
    "aba_valid",
    "ca_postcode_valid",
    "iban_valid",
    "it_fiscal_code_valid",
    "luhn_valid",
    "nanp_valid",
    "nhs_valid",
    "nif_valid",
    "nino_valid",
    "nir_valid",
    "nl_postcode_valid",
    "sin_valid",
    "ssn_valid",
    "uk_postcode_valid",
    "verhoeff_valid",
]
