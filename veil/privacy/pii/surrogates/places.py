"""LOCATION, ADDRESS, POSTCODE, ORGANIZATION and NRP surrogates."""

from __future__ import annotations

import random
import re

from faker import Faker

from veil.privacy.pii.checksums import (
    CA_POSTCODE_RE,
    CA_POSTCODE_SEARCH,
    NL_POSTCODE_RE,
    UK_POSTCODE_RE,
    UK_POSTCODE_SEARCH,
    US_ZIP_RE,
    digits_of,
    uk_postcode_valid,
)
from veil.privacy.pii.checksums import compact as _compact
from veil.privacy.pii.surrogates.common import UPPER, SurrogateBase, fill, pick, provider_attr, rand_digits

# fmt: off
_UK_AREAS = (
    "AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF", "CH", "CM", "CO", "CR",
    "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY",
    "G", "GL", "GU", "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IP", "IV", "KA", "KT", "KW", "KY", "L",
    "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW", "OL",
    "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO",
    "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD",
    "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
)
# fmt: on
_UK_AREAS_1 = tuple(a for a in _UK_AREAS if len(a) == 1)
_UK_AREAS_2 = tuple(a for a in _UK_AREAS if len(a) == 2)
_UK_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
_CA_FIRST = "ABCEGHJKLMNPRSTVXY"
_CA_OTHER = "ABCEGHJKLMNPRSTVWXYZ"

# fmt: off
_STREET_WORDS = frozenset(
    (
        "street", "st", "road", "rd", "avenue", "ave", "av", "lane", "ln", "drive", "dr", "way", "court", "ct",
        "place", "pl", "boulevard", "blvd", "terrace", "close", "crescent", "square", "sq", "highway", "hwy",
        "parkway", "pkwy", "circle", "cir", "trail", "row", "hill", "gardens", "grove", "mews", "walk", "strasse",
        "straße", "str", "weg", "gasse", "platz", "allee", "rue", "chemin", "boulevard", "avenue", "calle",
        "avenida", "plaza", "via", "viale", "piazza", "corso", "straat", "laan", "plein", "weg", "kade", "gracht",
    )
)
# fmt: on
_UNIT_RE = re.compile(
    r"(?i)^(apt|apartment|suite|ste|unit|flat|floor|fl|room|rm|bldg|building|#|po box|p\.o\. box|box)(\.?\s*#?\s*)(.*)$"
)
_LEGAL_SUFFIX_RE = re.compile(
    r"(?i)(,?\s+)(inc\.?|incorporated|llc|l\.l\.c\.|ltd\.?|limited|plc|corp\.?|corporation|co\.?|company|"
    r"gmbh|ag|kg|sa|s\.a\.|sas|sarl|bv|b\.v\.|nv|n\.v\.|srl|s\.r\.l\.|spa|s\.p\.a\.|oy|ab|a/s|"
    r"pty\.? ltd\.?|llp|lp|group|holdings)$"
)


class PlaceSurrogates(SurrogateBase):
    """Places, addresses and organisations: a mixin of :class:`SurrogateFactory`."""

    _countries: frozenset[str] | None

    def _country_names(self) -> frozenset[str]:
        if self._countries is None:
            self._countries = frozenset(c.casefold() for c in provider_attr(self._faker, "countries", ".address"))
        return self._countries

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
            chars = (
                pick(_CA_FIRST, rng)
                + str(rng.randrange(10))
                + pick(_CA_OTHER, rng)
                + str(rng.randrange(10))
                + pick(_CA_OTHER, rng)
                + str(rng.randrange(10))
            )
            return fill(original, chars)
        if NL_POSTCODE_RE.fullmatch(text):
            letters = "SA"
            while letters in ("SA", "SD", "SS"):
                letters = pick(UPPER, rng) + pick(UPPER, rng)
            return fill(original, rand_digits(rng, 4, nonzero_first=True) + letters)
        if US_ZIP_RE.fullmatch(text) or text.isdigit():
            digits = digits_of(text)
            new = rand_digits(rng, len(digits), nonzero_first=digits[0] != "0")
            return fill(original, new)
        return self._shape_like(original, rng, nonzero_first=True)

    def _uk_postcode(self, original: str, rng: random.Random) -> str:
        compact = _compact(original).upper()
        outward = compact[:-3]
        n_letters = 2 if outward[1].isalpha() else 1
        area = pick(_UK_AREAS_2 if n_letters == 2 else _UK_AREAS_1, rng)
        rest = outward[n_letters:]
        district = ""
        for k, ch in enumerate(rest):
            if ch.isdigit():
                district += str(rng.randrange(1, 10) if k == 0 else rng.randrange(10))
            else:
                district += pick("ABEHMNPRVWXY" if n_letters == 2 else "ABCDEFGHJKPSTUW", rng)
        new_inward = str(rng.randrange(10)) + pick(_UK_INWARD_LETTERS, rng) + pick(_UK_INWARD_LETTERS, rng)
        return fill(original, area + district + new_inward)

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
        if (
            UK_POSTCODE_RE.fullmatch(core)
            or CA_POSTCODE_RE.fullmatch(core)
            or NL_POSTCODE_RE.fullmatch(core)
            or US_ZIP_RE.fullmatch(core)
            or re.fullmatch(r"\d{4,6}", core)
        ):
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
            states = {s.casefold() for s in provider_attr(fake, "states", ".address")}
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
