"""The parts an address is made of, in many countries' formats: patterns and a classifier.

A postal address is a run of parts separated by commas or line breaks: a
street line (the number before the street, "12 Oak Street", "44, rue de
Prévost", or after it, "Lindenlaan 26bis", "ul. Długa 4b", "Fő utca 28/Y.",
"Calle Sierpes s/n"), a unit ("Apt. 12", "2.º andar", "byt č. 52", "9. tv."),
a postcode with its town ("00-950 Warszawa", "1054 ZK Amsterdam", "Manchester
M11 3AH", "Salvador - BA"), a region and a country. :mod:`.address` chains the
parts; this module says what each piece of text is.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache

import regex

from veil.privacy.pii.recognizers import gazetteer
from veil.privacy.pii.recognizers.lexicons import common_words, english_street_suffixes

# --------------------------------------------------------------------------- vocabulary
#: Street types written before the name ("Rua", "ul.", "Via", "rue"), case-insensitive.
# fmt: off
PREFIX_TYPES = (
    # French
    "rue", "avenue", "av.", "boulevard", "bd", "bd.", "bld", "chemin", "ch.", "allée", "impasse", "imp.", "quai",
    "route", "rte", "cours", "voie", "passage", "faubourg", "sentier", "parvis", "esplanade", "promenade",
    "rond-point", "lieu-dit", "hameau", "résidence", "cité", "square", "place",
    # Spanish, Catalan
    "calle", "c/", "c/.", "avenida", "avda.", "avda", "paseo", "pº", "plaza", "pza.", "pasaje", "camino",
    "carretera", "ctra.", "ronda", "alameda", "glorieta", "urbanización", "urb.", "callejón", "cañada", "rambla",
    "travesía", "carrer", "passeig", "plaça", "vía", "calzada", "cerrada", "privada", "prolongación",
    # Portuguese
    "rua", "r.", "travessa", "tv.", "largo", "calçada", "praça", "pç.", "estrada", "rodovia", "beco", "ladeira",
    "praceta", "quadra", "setor",
    # Italian
    "via", "viale", "v.le", "piazza", "p.za", "piazzale", "corso", "c.so", "vicolo", "borgo", "contrada",
    "strada", "lungomare", "lungarno", "salita", "località", "loc.", "frazione", "piazzetta", "vico",
    # Polish, Czech, Slovak, Croatian, Slovenian
    "ul.", "ulica", "al.", "aleja", "aleje", "os.", "osiedle", "pl.", "plac", "rondo", "nám.", "náměstí",
    "námestie", "tř.", "třída", "nábř.", "nábřeží", "nábrežie", "trg",
    # Romanian
    "str.", "aleea", "bulevardul", "bdul.", "calea", "șoseaua", "soseaua", "intrarea", "splaiul", "piața",
    # German and Dutch forms that open the name
    "am", "an der", "auf dem", "auf der", "im", "in der", "zum", "zur", "unter den", "hinter der", "laan van",
    # Malay, Indonesian, Filipino
    "jalan", "jln", "jln.", "jl.", "lorong",
)
# fmt: on
#: Street types written as a separate word after the name ("Karl Johans gate", "Fő utca").
# fmt: off
AFTER_TYPES = (
    "utca", "u.", "út", "útja", "tér", "tere", "körút", "krt.", "köz", "sor", "sétány", "rakpart", "fasor",
    "lakótelep", "ltp.", "gate", "gata", "gaten", "gatan", "vei", "veien", "veg", "vegen", "vej", "vejen", "gade",
    "allé", "alle", "plass", "plassen", "plads", "torg", "torget", "torv", "väg", "vägen", "gränd", "straße",
    "strasse", "str.", "weg", "allee", "platz", "ring", "gasse", "damm", "ufer", "chaussee", "markt", "steig",
    "straat", "laan", "gracht", "plein", "kade", "singel", "dijk", "katu", "tie", "kuja", "polku", "tori",
    "cad.", "caddesi", "sok.", "sokak", "sokağı", "bulvarı", "cesta", "ulica", "ulice", "put",
)
# fmt: on
#: Street types glued to the end of the name ("Lindenlaan", "Vesterbrogade", "Hämeenkatu").
# fmt: off
COMPOUND_SUFFIXES = (
    "straße", "strasse", "str.", "gasse", "weg", "allee", "platz", "damm", "ufer", "chaussee", "pfad", "steig",
    "markt", "graben", "straat", "laan", "gracht", "plein", "kade", "singel", "dijk", "steeg", "dreef", "baan",
    "kanaal", "burgwal", "gade", "vej", "vænget", "stræde", "plads", "gatan", "vägen", "gränd", "torget",
    "stigen", "gata", "gate", "veien", "vegen", "vei", "veg", "plassen", "bakken", "katu", "tie", "kuja",
    "polku", "tori", "kaari", "rinne", "raitti", "väylä", "ulica", "utca", "gasse",
)
# fmt: on
#: Words that make a short piece a unit, floor or door ("Apt.", "andar", "Whg.", "byt", "fszt.").
# fmt: off
UNIT_WORDS = frozenset({
    "flat", "apt", "apartment", "appt", "appartement", "suite", "ste", "unit", "room", "rm", "floor", "fl",
    "level", "lvl", "lot", "bldg", "building", "block", "blk", "tower", "wing", "shop", "office", "studio",
    "apto", "ap", "casa", "bloco", "bl", "sala", "loja", "andar", "lote", "piso", "puerta", "pta", "planta",
    "esc", "escalera", "escalier", "bât", "bat", "bâtiment", "étage", "etage", "interno", "int", "scala", "sc",
    "piano", "whg", "wohnung", "stock", "og", "dg", "haus", "hs", "byt", "m", "lok", "lokal", "mieszk",
    "mieszkanie", "lgh", "lägenhet", "leil", "leilighet", "as", "asunto", "krs", "kerros", "tr", "trappor", "sal",
    "em", "emelet", "fszt", "földszint", "ajtó", "lph", "lejl", "lejlighed", "bus", "boîte", "bte", "depto",
    "dpto", "departamento", "dto", "oficina", "of", "local", "torre", "etasje", "et", "hus", "porta", "portal",
    "entlo", "entresuelo", "ático", "bajo", "door", "plot", "house", "h.no", "hno", "pokój", "kat", "daire",
    "verdieping", "patro", "piętro", "pietro", "p", "våning", "vån", "porte", "conj", "cj", "conjunto", "r/c", "garage",
    "box", "stg", "stiege", "top", "tür", "ovi", "postbus",
})
# fmt: on
#: Side and floor words that stand for a unit ("Esq.", "izq.", "tv.", "links", "R/C").
# fmt: off
SIDE_WORDS = frozenset({
    "esq", "dto", "dta", "dt", "frente", "izq", "izda", "dcha", "dcho", "drcha", "centro", "links", "rechts",
    "mitte", "tv", "th", "mf", "st", "left", "right", "rear", "front", "r/c", "rc", "hg", "bg", "hoch", "vorne",
    "hinten", "gauche", "droite", "esquerdo", "direito", "sx", "dx", "ground", "basement", "mezzanine", "attic",
    "lower", "upper",
})
# fmt: on
#: Lower-case words inside street and town names ("Rua de São Bento", "Frankfurt am Main").
# fmt: off
PARTICLES = (
    "de", "do", "da", "dos", "das", "del", "della", "delle", "dei", "degli", "di", "du", "des", "la", "le", "les",
    "el", "los", "las", "van", "der", "den", "von", "vom", "am", "an", "im", "zum", "zur", "y", "e", "i", "og",
    "och", "af", "the", "of", "on", "upon", "sur", "sous", "en", "aan", "op", "bij", "ter", "ten", "het", "al",
    "à", "au", "aux", "sul", "na", "nad", "pod", "u", "w", "and", "under", "by", "in",
)
# fmt: on
#: Labels of fields that hold a part of an address ("City:", "Postcode:"): they continue an address.
ADDRESS_LABEL = regex.compile(
    r"(?i)\b(?:address|addr|street|road|line|apartment|suite|unit|flat|building|house|floor|number|postcode|"
    r"post\s?code|postal|zip|pin(?:code)?|city|town|village|locality|suburb|district|county|state|province|"
    r"region|country|adresse|anschrift|dirección|direccion|domicilio|indirizzo|endereço|morada|adress|osoite|"
    r"cím|adresa|ort|plz|cep|cap|localidade|cidade|ciudad|ville|land|pays|país|paese|stad|miasto|město|obec|"
    r"kommune|provincia|estado|bundesland)\b"
)
#: Labels that open a new address ("Ship to:", "Recipient:"): one never continues the address before it.
NEW_ADDRESS_LABEL = regex.compile(
    r"(?i)\b(?:ship|deliver|bill|send|return|from|to|sender|recipient|consignee|home|office|work|billing|"
    r"shipping|mailing|postal address|delivery address|new)\b"
)


#: Faker locales whose street types join the lists above (Latin-script; general data, not sample values).
# fmt: off
_FAKER_PREFIX_LOCALES = ("es_ES", "es_MX", "es_AR", "es_CL", "es_CO", "pt_PT", "pt_BR", "it_IT", "fr_FR", "fr_CA",
                         "ro_RO", "pl_PL", "en_MS")
# fmt: on
_FAKER_SUFFIX_LOCALES = ("nl_NL", "nl_BE", "da_DK", "sv_SE", "fi_FI", "de_DE", "de_AT", "de_CH", "hu_HU", "no_NO")


def _faker_words(locales: tuple[str, ...], attributes: tuple[str, ...]) -> set[str]:
    words: set[str] = set()
    for locale in locales:
        try:
            provider = importlib.import_module(f"faker.providers.address.{locale}").Provider
        except ImportError:
            continue
        for attribute in attributes:
            values = getattr(provider, attribute, None)
            if values and not callable(values):
                words.update(str(v).strip() for v in values if str(v).strip() and str(v).strip()[:1].isalpha())
    return words


@lru_cache(maxsize=1)
def prefix_types() -> tuple[str, ...]:
    """Street types written before the name: :data:`PREFIX_TYPES` and Faker's street prefixes."""
    faker = {w for w in _faker_words(_FAKER_PREFIX_LOCALES, ("street_prefixes",)) if " " not in w and len(w) >= 2}
    faker |= _faker_words(("it_IT",), ("street_suffixes",))  # Italian types stand before the name
    # A one-letter abbreviation ("C.", "R.") is an initial as often as a street type.
    return tuple({w.casefold() for w in (*PREFIX_TYPES, *faker) if len(w.rstrip(".")) >= 2})


@lru_cache(maxsize=1)
def compound_suffixes() -> tuple[str, ...]:
    """Street types glued to a name: :data:`COMPOUND_SUFFIXES` and Faker's longer street suffixes."""
    faker = {
        w.casefold()
        for w in _faker_words(_FAKER_SUFFIX_LOCALES, ("street_suffixes", "street_suffixes_short"))
        if w.isalpha() and len(w) >= 5
    }
    return tuple({*COMPOUND_SUFFIXES, *faker})


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


# --------------------------------------------------------------------------- patterns
_UP = r"\p{Lu}"
_WORD = r"[\p{L}'’]"
#: A capitalised or all-caps word, hyphenated parts and a closing abbreviation dot allowed.
CAPWORD = rf"(?:{_UP}{_WORD}*(?:-{_WORD}+)*\.?)"
_PARTICLE = rf"(?i:{_alternation(PARTICLES)})(?![\p{{L}}])"
_ROMAN = r"(?:[IVXLC]{1,5}(?![\p{L}]))"
#: A house number, with letter, "bis", range, flat or floor after it ("26bis", "73-II", "37/36", "36/M.", "s/n").
NUMBER = (
    r"(?:(?:(?i:n\.?\s?[º°o]\.?|nº|no\.|nr\.?|#)[ \t]?)?\d{1,5}"
    r"(?:[ \t]?(?i:bis|ter|quater)\b|[A-Za-z]{1,2}(?![\p{L}\d])|[ \t][a-z](?![\p{L}\d]))?"
    r"(?:[ \t]?[-/][ \t]?(?:\d{1,5}[A-Za-z]?|[IVX]{1,4}(?![\p{L}])|\d?[A-Za-z]{1,3}(?![\p{L}\d])\.?))?"
    r"(?![\d,]\d)\.?|(?i:s/n)(?![\p{L}]))"
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|"
    "Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
#: Not a street name: a date ("21 March", "Effective April 21").
_NOT_NAME = rf"(?!(?i:{_MONTHS})(?![\p{{L}}]))"
_NAME_WORD = rf"(?:{_NOT_NAME}{_UP}{_WORD}*(?:-{_WORD}+)*(?![.][ \t]+\p{{Lu}}{_WORD})\.?)"
_NAME_TOKEN = rf"(?:{_NAME_WORD}|{_ROMAN}|{_PARTICLE})"
#: Country prefixes written before a postcode ("D-80331", "CH-8001", "PL-00-950").
_PC_PREFIX = (
    r"(?:A|B|D|E|F|H|I|L|N|P|S|AT|BE|BG|CH|CZ|DE|DK|EE|ES|FI|FIN|FR|GR|HR|HU|IS|IT|LT|LU|LV|NL|NO|PL|PT|"
    r"RO|SE|SI|SK)-"
)
_PC_CORE = (
    r"(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}"  # UK (with its space)
    r"|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d"  # Canada
    r"|[AC-FHKNPRTV-Y]\d{2}[ \t]?[AC-FHKNPRTV-Y\d]{4}"  # Ireland (Eircode)
    r"|\d{5}-\d{3}"  # Brazil (CEP)
    r"|\d{5}-\d{4}"  # US ZIP+4
    r"|\d{4}-\d{3}"  # Portugal
    r"|\d{2}-\d{3}"  # Poland
    r"|\d{4}[ \t]?[A-Z]{2}(?![\p{L}])"  # Netherlands
    r"|\d{3}[ \t]\d{2}(?!\d)"  # Sweden, Czechia, Slovakia, Greece
    r"|\d{3}[ \t]\d{3}(?!\d)"  # India (spaced)
    r"|\d{4,6})"  # most of the world
)
#: A postcode, with an optional country prefix ("D-80331", "CH-8001"), not inside a longer number.
POSTCODE = rf"(?<![\d.,/:\-])(?:{_PC_PREFIX})?{_PC_CORE}(?![\d\p{{L}}]|[.,/:]\d)"
#: The postcodes that are not just a run of digits (their shape alone says postcode).
DISTINCT_POSTCODE = regex.compile(
    rf"(?:{_PC_PREFIX})?(?:\d{{2,5}}-\d{{3,4}}|\d{{4}}[ \t]?[A-Z]{{2}}|"
    r"\d{3}[ \t]\d{2}|"
    r"[A-Z][A-Z\d]{1,3}[ \t]?\d[A-Z\d]{2,3})"
)
_TOWN_WORD = rf"(?:{_UP}{_WORD}*(?:-{_WORD}+)*|{_UP}\p{{L}}{{0,2}}\.)"
#: A town name: capitalised words, particles between them ("Frankfurt am Main", "Stow-on-the-Wold", "St. Ives").
TOWN = rf"(?:{_TOWN_WORD}(?:(?:[ \t]+|-)(?:{_TOWN_WORD}|{_PARTICLE})){{0,4}})"
_REGION_CODE = r"\p{Lu}{2,3}(?![\p{L}])"
_CEDEX = r"(?:[ \t]+(?i:cedex)(?:[ \t]+\d{1,2})?)"
_REGION_AFTER = (
    rf"(?:[ \t]*\((?:{_REGION_CODE}|{CAPWORD})\)|[ \t]*(?:[ \t]-[ \t]|/)[ \t]*{_REGION_CODE}"
    rf"|[ \t]+{_REGION_CODE})"
)
#: Words that label a postcode ("CEP 01310-100", "PLZ 10115").
PC_LABEL = (
    r"(?i:CEP|PLZ|C\.?P\.?|ZIP(?:[ \t]?code)?|Post[ \t]?code|Postal[ \t]code|PIN(?:[ \t]?code)?|Postnr\.?|PSČ|"
    r"PSC|CAP|Irányítószám)"
)


def _compile(pattern: str) -> regex.Pattern:
    return regex.compile(pattern, regex.VERSION0)


#: Unit words that may open an English street line ("Flat 3, 12 Oak Street", "Level 6 30 George St").
_LEADING_UNIT = r"(?i:Flat|Apt\.?|Apartment|Unit|Suite|Ste\.?|Level|Floor|Shop|Lot|Studio)[ \t]?\w{1,5},?[ \t]+"


_TOKEN = regex.compile(r"[^\s,;]+")
_STREET_CUES = ("address", "live", "living", "located", "moved", "ship", "send", "deliver")
_UNIT_BEFORE = regex.compile(rf"(?r){_LEADING_UNIT}\G")


class StreetFinder:
    """Street lines of many countries, searched anywhere in a line (strong evidence on their own).

    Each form is its own regex, tried only where it can start: at a word that is a street type
    written before the name ("Rua", "ul."), at a word ending in a glued street type ("Lindenlaan"),
    near a separate type after the name ("utca", "gate"), or in lines holding an English street
    type. One alternation of every form run over every line is several times slower.
    """

    def __init__(self) -> None:
        forms = street_alternatives()
        self._rx = {name: _compile(pattern) for name, pattern in forms.items()}
        self._prefix_words = frozenset(t.split()[0] for t in prefix_types())
        self._after_words = frozenset(w.casefold() for w in AFTER_TYPES)
        self._type_words = self._prefix_words | self._after_words
        self._suffixes = tuple(sorted({w.rstrip(".") for w in compound_suffixes()}))
        self._english = frozenset(w.split()[-1].casefold() for w in english_street_suffixes())
        self._french = frozenset(
            (
                "rue",
                "avenue",
                "av.",
                "boulevard",
                "bd",
                "place",
                "chemin",
                "allée",
                "impasse",
                "quai",
                "route",
                "cours",
                "square",
                "voie",
                "passage",
                "faubourg",
                "sentier",
                "parvis",
                "esplanade",
                "promenade",
            )
        )

    def find(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Non-overlapping ``(start, end)`` of the street lines in ``text[start:end]`` (one line)."""
        line = text[start:end]
        if not any(map(str.isdigit, line)) and "s/n" not in line.casefold():
            return []
        rx = self._rx
        found: list[tuple[int, int]] = []
        folded = line.casefold()
        tokens = _TOKEN.findall(folded)
        words = {*tokens, *(w.rstrip(".") for w in tokens)}
        # Only a line holding a street-type word or a glued type walks its tokens one by one.
        walk = not words.isdisjoint(self._type_words) or any(len(w) > 4 and w.endswith(self._suffixes) for w in words)
        for token in _TOKEN.finditer(text, start, end) if walk else ():
            word = token.group().casefold()
            if word in self._prefix_words or word.rstrip(".") in self._prefix_words:
                match = rx["prefix"].match(text, token.start(), end)
                if match:
                    found.append(match.span())
            core = word.rstrip(".")
            if token.group()[:1].isupper() and len(core) > 4 and core.endswith(self._suffixes):
                match = rx["compound"].match(text, token.start(), end)
                if match:
                    found.append(match.span())
            if core in self._after_words or word in self._after_words:
                found += [m.span() for m in rx["after"].finditer(text, max(start, token.start() - 80), end)]
        if words & self._english:
            for match in rx["english"].finditer(text, start, end):
                unit = _UNIT_BEFORE.search(text, start, match.start())  # "Flat 3, 12 Oak Street"
                found.append((unit.start() if unit else match.start(), match.end()))
        if words & self._french:
            found += [m.span() for m in rx["french"].finditer(text, start, end)]
        if "C. " in line or "R. " in line:
            found += [m.span() for m in rx["calle"].finditer(text, start, end)]
        if "/" in line or any(cue in folded for cue in _STREET_CUES):
            found += [m.span() for m in rx["cued"].finditer(text, start, end)]
        for name in ("po_box", "house_no"):
            found += [m.span() for m in rx[name].finditer(text, start, end)]
        kept: list[tuple[int, int]] = []
        for span in sorted(set(found), key=lambda s: (s[0], -s[1])):
            if not kept or span[0] >= kept[-1][1]:
                kept.append(span)
        return kept


@lru_cache(maxsize=1)
def street_finder() -> StreetFinder:
    """The shared :class:`StreetFinder` (its regexes are compiled once)."""
    return StreetFinder()


@lru_cache(maxsize=1)
def street_alternatives() -> dict[str, str]:
    """The street-line patterns by form (number before or after the name, PO box, house number)."""
    english_types = _alternation(english_street_suffixes())
    name = _NAME_WORD
    prefix = (
        rf"(?<![\p{{L}}])(?i:{_alternation(prefix_types())})(?:[ \t]+|(?<=/))(?:\d{{1,2}}[ \t]+)?"
        rf"(?:{_NAME_TOKEN}[ \t]+){{0,5}}{name}(?:,[ \t]*|[ \t]+){NUMBER}"
    )
    # "C." is Calle only when a particle follows ("C. de Alcalá 5"); "C. Serves 9" is no street.
    # "C." and "R." are Calle and Rua with a particle ("C. de Alcalá 5") or a "nº" number; "C. Serves 9" is none.
    calle = (
        rf"(?<![\p{{L}}])[CR]\.[ \t]+(?:(?i:de|del|dels|d'|da|das|do|dos)[ \t]+(?:{_NAME_TOKEN}[ \t]+){{0,4}}"
        rf"{name}(?:,[ \t]*|[ \t]+){NUMBER}"
        rf"|(?:{_NAME_TOKEN}[ \t]+){{0,4}}{name},?[ \t]+(?=(?i:n\.?[ \t]?[º°])){NUMBER})"
    )
    after = rf"(?:{name}[ \t]+){{1,4}}(?i:{_alternation(AFTER_TYPES)})(?![\p{{L}}])[ \t]+{NUMBER}"
    # The whole word first, then a look-behind for its ending: one suffix test per capitalised word.
    compound = (
        rf"(?<![\p{{L}}]){_UP}[\p{{L}}\-]{{2,}}\.?(?<=\p{{L}}{{2}}(?i:{_alternation(compound_suffixes())}))"
        rf"[ \t]+{NUMBER}"
    )
    english = (
        rf"(?<![\p{{L}}\d/.,-])#?\d{{1,6}}[A-Za-z]?(?:[/-]\d{{1,5}}[A-Za-z]?)?,?[ \t]+"
        rf"(?:[NSEW]\.?[ \t]+)?(?:{name}[ \t]+){{1,4}}(?i:{english_types})(?![\p{{L}}])\.?"
        r"(?:[ \t]+(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)(?![\p{L}]))?"
    )
    french = (
        r"(?<![\p{L}\d])\d{1,4}(?:[ \t]?(?i:bis|ter))?,?[ \t]+"
        r"(?i:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours|square|voie|passage|"
        r"faubourg|sentier|parvis|esplanade|promenade)[ \t]+[^\n,;.]{2,50}"
    )
    po_box = (
        r"(?<![\p{L}])(?i:P\.?[ \t]?O\.?[ \t]?Box|Post[ \t]?Office[ \t]Box|GPO[ \t]Box|Postboks|Postbox|Postbus|"
        r"Postfach|Apartado(?:[ \t]de[ \t]Correos)?|Caixa[ \t]Postal|Casella[ \t]Postale|Skrytka[ \t]pocztowa|"
        r"Postilokero|Boîte[ \t]postale|B\.P\.|Locked[ \t]Bag)[ \t]*(?:No\.?[ \t]*)?\d{1,6}"
    )
    house_no = r"(?<![\p{L}])(?i:(?:Door|Plot|Flat|House|H\.?|Shop|Site|Survey)[ \t]*No\.?)[ \t]*\d[\w/\-]*"
    # A name and a number with no street type, where the sentence says it is an address ("new
    # address is Národní 46/9") or the number has the Czech and Slovak two-part form ("on Školní 948/7").
    cued = (
        rf"(?<=(?i:address(?:[ \t]is)?|live[sd]?[ \t]at|living[ \t]at|located[ \t]at|moved[ \t]to|"
        rf"ship[ \t]to|send[ \t]to|deliver[ \t]to)[ \t:]+){name}(?:[ \t]+{_NAME_TOKEN}){{0,2}}[ \t]+{NUMBER}"
        rf"|(?<=(?i:at|on|in)[ \t]+){name}(?:[ \t]+{_NAME_TOKEN}){{0,2}}[ \t]+\d{{1,5}}/\d{{1,5}}[A-Za-z]?"
        r"(?![\p{L}\d/])"
    )
    return {
        "cued": cued,
        "prefix": prefix,
        "calle": calle,
        "after": after,
        "compound": compound,
        "english": english,
        "french": french,
        "po_box": po_box,
        "house_no": house_no,
    }


@lru_cache(maxsize=1)
def piece_regexes() -> dict[str, regex.Pattern]:
    """Whole-piece patterns, tried at the start of a comma- or line-separated piece."""
    english_types = _alternation(english_street_suffixes())
    name = _NAME_WORD
    # "Srikakulam-923391": after a hyphen the postcode needs no space (its own look-behind forbids the hyphen).
    hyphen_pc = rf"[ \t]*-[ \t]*(?P<pc2>{_PC_CORE})(?![\d\p{{L}}]|[.,/:]\d)"
    return {
        # "75008 Paris Cedex 08", "110 00 Praha 1" (a district number), "20121 Milano (MI)".
        # "my billing postcode is 33100 Tampere": a postcode and its town closing a sentence piece.
        "tailpctown": _compile(rf"(?<=[ \t])(?P<pc>{POSTCODE})[ \t]+(?P<town>{TOWN})(?P<region>)$"),
        "pctown": _compile(
            rf"(?P<pc>{POSTCODE})[ \t]+(?P<town>{TOWN})(?:{_CEDEX}|[ \t]+\d{{1,2}}(?![\d.,:/]))?"
            rf"(?P<region>{_REGION_AFTER})?"
        ),
        "townpc": _compile(
            rf"(?P<town>{TOWN})(?:(?:,?[ \t]+(?P<region>{_REGION_CODE}))?,?[ \t]+(?P<pc>{POSTCODE})"
            rf"|{hyphen_pc})"
        ),
        "regionpc": _compile(rf"(?P<region>{_REGION_CODE})[ \t]+(?P<pc>{POSTCODE})"),
        "pclabel": _compile(rf"{PC_LABEL}[ \t]*:?[ \t]*(?P<pc>{POSTCODE})"),
        "pc": _compile(POSTCODE),
        "townregion": _compile(rf"(?P<town>{TOWN})(?P<region>{_REGION_AFTER})"),
        "place": _compile(rf"{TOWN}(?:[ \t]+(?:republika|republik|republiken|republikken))?"),
        "number": _compile(NUMBER),
        # "Forward mail to 873, Purohit, ...": a house number closing a sentence piece.
        # "currently at Hannahring 33, 6304 XP": a street with no type word closing a sentence piece.
        "tailstreet": _compile(
            rf"(?<=(?:^|[ \t])(?i:at|to|on|in|is|from|address)[ \t]+){name}"
            rf"(?:[ \t]+{_NAME_TOKEN}){{0,2}}[ \t]+{NUMBER}$"
        ),
        "tailnumber": _compile(rf"(?<=(?:^|[ \t])(?:at|to|is|address|in|on)[ \t]+){NUMBER}$"),
        "streetname": _compile(
            rf"(?:(?:(?i:{_alternation(prefix_types())})|[CR]\.)[ \t]+(?:{_NAME_TOKEN}[ \t]+){{0,5}}{name}"
            rf"|(?:\d{{1,3}}(?:st|nd|rd|th)[ \t]+)?(?:{name}[ \t]+){{1,3}}(?i:{english_types})(?![\p{{L}}])\.?)"
        ),
        "weakstreet": _compile(
            rf"(?:{name}(?:[ \t]+{_NAME_TOKEN}){{0,3}}[ \t]+{NUMBER}"
            rf"|\d{{1,5}}[A-Za-z]?[ \t]+{name}(?:[ \t]+{_NAME_TOKEN}){{0,3}})"
        ),
        "weakbox": _compile(r"(?:BP|CP|PL|Box|Pf\.?)[ \t]+\d{1,6}"),
    }


_ID = regex.compile(
    r"(?:#?\d{1,5}[A-Za-z]{0,2}\.?|[A-Za-z]\d{0,5}\.?|[IVX]{1,4}"
    r"|\d{1,2}(?:st|nd|rd|th|e|er|re|ème|eme|\.?[º°ª])?\.?"
    r"|(?i:no|nr|n[º°]|č)\.?|#\w{1,6}|[A-Z]{1,2}\d{2,5}|\d{1,5}[-/]\w{1,4}\.?)"
)
_HASH_NUMBER = regex.compile(r"#\d{1,5}[A-Za-z]?")
#: Spanish floor and door ("6º U", "1º 2ª"), Norwegian flat numbers ("H0508": floor and door), a Finnish
#: staircase and flat ("A 5").
_ORDINAL_LETTER = regex.compile(r"\d{1,2}\.?[º°ª][ \t]?(?:[A-Z]|\d{1,2}\.?[º°ª]?)|[HUKL]\d{4}|[A-Z][ \t]\d{1,3}")


def is_unit(piece: str) -> bool:
    """A flat, floor, door or staircase on its own ("Apt. 12", "2.º andar", "byt č. 52", "R/C Esq.")."""
    if len(piece) > 32:
        return False
    if _ORDINAL_LETTER.fullmatch(piece) or _HASH_NUMBER.fullmatch(piece):
        return True
    tokens = piece.split()
    if not 2 <= len(tokens) <= 6:
        return False
    keyword = digit = False
    for token in tokens:
        word = token.rstrip(".,:").casefold()
        if word in UNIT_WORDS or word in SIDE_WORDS:
            keyword = True
            digit = digit or word in SIDE_WORDS
        elif _ID.fullmatch(token):
            digit = digit or any(c.isdigit() for c in token) or len(word) == 1
        else:
            return False
    return keyword and digit


@dataclass(frozen=True)
class Part:
    """One recognised piece of an address, at ``start:end`` of the text."""

    kind: str
    start: int
    end: int
    line: int
    known: str | None = None  # gazetteer kind of a place ("town", "region", "country")
    strong: bool = False
    code: tuple[int, int] | None = None  # the postcode inside a postcode + town part


def place_evidence(name: str) -> str | None:
    """Gazetteer kind of a place name; None for names that are common English words."""
    if len(name) <= 3 and name.isupper() and name not in ("UK", "USA", "UAE"):
        return None  # "LED", "SKU": a code, not the town of that name
    kind = gazetteer.place_kind(name)
    if kind and kind != "country" and name.casefold() in common_words():
        return None
    return kind


def all_common(name: str) -> bool:
    """Whether every word of ``name`` is a common English word ("Order", "Total Due")."""
    words = name.casefold().strip(". ").replace("-", " ").split()
    common = common_words()
    return bool(words) and all(w.strip(".") in common for w in words)


__all__ = [
    "ADDRESS_LABEL",
    "AFTER_TYPES",
    "CAPWORD",
    "COMPOUND_SUFFIXES",
    "DISTINCT_POSTCODE",
    "NEW_ADDRESS_LABEL",
    "NUMBER",
    "PARTICLES",
    "PC_LABEL",
    "POSTCODE",
    "PREFIX_TYPES",
    "Part",
    "SIDE_WORDS",
    "StreetFinder",
    "TOWN",
    "UNIT_WORDS",
    "all_common",
    "compound_suffixes",
    "is_unit",
    "piece_regexes",
    "place_evidence",
    "prefix_types",
    "street_alternatives",
    "street_finder",
]
