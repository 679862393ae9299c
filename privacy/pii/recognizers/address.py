"""Postal addresses of several countries, whole, even across line breaks.

An address is found from its street line (the distinctive part: "12 Oak
Street", "44, rue de Prévost", "Schleichstraße 19", "Via Roma, 5", "PO Box
12") and then extended over the following comma- or line-separated parts while
they look like address parts (a unit, a city, a region code, a postcode). One
span covers the whole address, so no city or postcode is left behind.
"""

from __future__ import annotations

import re

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from privacy.pii.recognizers.lexicons import english_street_suffixes

ADDRESS_CONTEXT = ["address", "street", "ship", "shipping", "deliver", "delivery", "mail", "post", "live",
                   "lives", "living", "reside", "resides", "home", "moved", "located", "billing"]

_FR_TYPES = r"(?i:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours|square|voie|passage|" \
            r"faubourg|sentier|parvis|esplanade|promenade)"
_ES_IT_TYPES = (
    "Calle", "C/", "C.", "Avenida", "Avda.", "Av.", "Paseo", "Plaza", "Pasaje", "Camino", "Carretera", "Ronda",
    "Alameda", "Glorieta", "Urbanización", "Callejón", "Cañada", "Rambla", "Acceso", "Cuesta", "Pasadizo",
    "Vial", "Travesía", "Via", "Vía", "Viale", "Piazza", "Piazzale", "Corso", "Largo", "Vicolo", "Borgo",
    "Contrada", "Strada", "Rotonda", "Incrocio", "Stretto", "Canale", "Lungomare", "Salita", "Rua", "Avenue",
)
_DE_NL_SUFFIXES = r"(?i:straße|strasse|str\.|boulevard|weg|allee|platz|gasse|ring|damm|ufer|chaussee|pfad|steig|markt|" \
                  r"straat|laan|dreef|plein|gracht|kade|singel|dijk|hof|pad|steeg|baan|park|erf|weide|lei)"
_UNIT = r"(?i:Flat|Studio|Unit|Apt\.?|Apartment|Suite|Ste\.?|Level|Lot|Shop|Building|Bldg\.?|Floor|Room|Rm\.?)"
_NAME = r"(?:(?:St|Ste|Mt|Ft)\.[ \t]?)?[A-ZÀ-Ý][^\W\d_]*(?:['’\-\.][^\W\d_]+)*"

_POSTCODE = (
    r"(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"         # UK
    r"|[A-Z]\d[A-Z]\s?\d[A-Z]\d"                    # Canada
    r"|\d{4}\s?[A-Z]{2}(?![a-z])"                   # Netherlands
    r"|\d{5}(?:-\d{4})?"                            # US, DE, FR, ES, IT
    r"|\d{6}|\d{3}\s\d{3}"                          # India
    r"|\d{4})"                                      # AU, NL, BE, CH...
)


def _street_regex() -> re.Pattern:
    suffixes = "|".join(re.escape(s) for s in english_street_suffixes())
    es_it = "|".join(re.escape(s) for s in sorted(_ES_IT_TYPES, key=len, reverse=True))
    number = r"\d{1,6}[A-Za-z]?(?:[/-]\d{1,5}[A-Za-z]?)?"
    english = (rf"(?:{_UNIT}\s+[\w\-]+\s*(?:,\s*|\n\s*|\s+))?{number},?\s+(?:[NSEW]\.?\s+)?"
               rf"(?:{_NAME}[ \t]+){{1,4}}(?i:{suffixes})\b\.?"
               rf"(?:,?\s+(?i:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|#)\s*[\w\-]+)?")
    unit_line = rf"{_UNIT}\s+[\w\-]+\s*\n\s*(?:{_NAME}[ \t]+){{1,3}}(?i:{suffixes})\b\.?"
    french = rf"\d{{1,4}}(?:\s?(?:bis|ter))?,?\s+{_FR_TYPES}\s+[^\n,;.]{{2,50}}"
    southern = (rf"(?:{es_it})\s+(?:[\w'’À-ÿ\.]+\s+){{0,5}}?[\w'’À-ÿ]+,?\s+(?:n\.?\s?º?\s*)?\d{{1,4}}[A-Za-z]?"
                r"(?:\s+(?:Apt\.|Piso|Puerta|Appartamento|Piano|Interno|Scala|Esc\.)\s*\w+)?")
    germanic = rf"(?:[A-ZÀ-Ý][\w'’\-À-ÿ]*?{_DE_NL_SUFFIXES}|(?:Am|An der|Auf dem|Im|In der|Zum|Zur)\s+{_NAME})" \
               rf"\s+\d{{1,4}}[a-z]?(?:\s?[-/]\s?\d{{1,4}})?"
    po_box = r"(?:P\.?\s?O\.?\s?Box|Postfach|Apartado|Casella Postale|BP)\s+\d{1,6}"
    indian = r"(?:(?i:H\.?\s?No\.?)\s*[\w/\-]+,?\s+[A-Z][\w ]{1,30}|(?m:^)[ \t]*\d{1,4}/\d{1,4}(?=[ \t]*\n))"
    alternatives = [english, unit_line, french, southern, germanic, po_box, indian]
    return re.compile("|".join(f"(?:{alt})" for alt in alternatives))


def _tail_regex() -> re.Pattern:
    city = rf"{_NAME}(?:[ \-](?:{_NAME}|sur|sous|de|del|di|la|le|les|am|an|der|upon|on|in|en|aan|op|bij|den|ter|ten)){{0,4}}"
    region = r"[A-Z]{2,3}\.?"
    province = r"\([A-Z]{2}\)"
    part = (rf"(?:{_POSTCODE}[ ,]+{city}(?:\s*{province})?"            # 77113 Poirier-sur-Mer / 5907JO Hasselt
            rf"|{_POSTCODE}"
            rf"|{city}(?:\s*{province})?(?:,?\s+{region})?(?:[ ,\-]+{_POSTCODE})?"  # Springfield, IL 62704
            rf"|{region}(?:[ ,]+{_POSTCODE})?)")
    unit = rf"{_UNIT}\s+[\w\-]+"
    return re.compile(rf"(?:[ \t]*,[ \t]*|[ \t]*\n[ \t]*|[ \t]+(?=\d|[A-Z]{{2,3}}\b))(?:{unit}|{part})"
                      rf"(?=$|[\s,.;:!?)\]\"'])")


def _anchor_regex() -> re.Pattern:
    """A line ending an address: a city with a postcode (either order)."""
    city = rf"{_NAME}(?:[ \-](?:{_NAME}|sur|sous|de|del|di|la|le|les|am|an|der|upon|on)){{0,3}}"
    # A bare 4-digit code ends an address only after a region ("ACT, 2930"): alone it is any number.
    code = _POSTCODE[:-len(r"|\d{4})")] + ")"
    return re.compile(rf"(?:{code}[ ,]+{city}|{city},?[ \t]+[A-Z]{{2,3}},?[ \t]+\d{{4}}"
                      rf"|{city}(?:,?[ \t]+[A-Z]{{2,3}})?(?:,[ \t]*|[ \t]*[-–][ \t]*|[ \t]+){code})"
                      rf"(?=$|[\s,.;:!?)])")


_PARTICLES = frozenset({"de", "del", "della", "di", "du", "des", "la", "le", "les", "el", "van", "der", "den",
                        "rue", "avenue", "boulevard", "chemin", "allée", "place", "impasse", "quai", "route", "bd",
                        "no", "nr", "apt", "flat", "h.no.", "am", "an", "im", "zum", "zur", "via", "calle"})


def _address_segment(segment: str) -> bool:
    """Could this comma/line part of a text be part of an address?"""
    segment = segment.strip()
    if not 1 <= len(segment) <= 50 or segment.endswith(":"):
        return False
    words = segment.split()
    if not all(w[:1].isupper() or w[:1].isdigit() or w.casefold().strip(".,") in _PARTICLES for w in words):
        return False
    # Letters in all-caps only ("SIN 046 454", "NINO QQ 12") are codes, not street names.
    lettered = [w for w in words if any(c.isalpha() for c in w)]
    return not lettered or any(any(c.islower() for c in w) for w in lettered)


class AddressRecognizer(EntityRecognizer):
    """Street line + the address parts that follow it, as one ``ADDRESS`` span.

    Score 0.7 for a street line alone, 0.8 once a postcode or city follows.
    """

    MAX_TAIL_PARTS = 4

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["ADDRESS"], name="VeilAddressRecognizer",
                         supported_language=supported_language, context=ADDRESS_CONTEXT)

    def load(self) -> None:
        self._street = _street_regex()
        self._tail = _tail_regex()
        self._anchor = _anchor_regex()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list:
        if "ADDRESS" not in entities:
            return []
        results = []
        for match in self._street.finditer(text):
            start, end = match.start(), match.end()
            street_only = text[start:end]
            parts = 0
            while parts < self.MAX_TAIL_PARTS:
                tail = self._tail.match(text, end)
                if tail is None or tail.end() == end:
                    break
                end = tail.end()
                parts += 1
            end = len(text[:end].rstrip(" ,\t\n"))
            if re.fullmatch(r"\d{1,4}/\d{1,4}", street_only.strip()) and parts == 0:
                continue  # "23/286" alone is a fraction, not an address
            if not parts and street_only.endswith(".") and len(street_only.rsplit(None, 1)[-1]) > 5:
                end -= 1  # "12 Oak Street." ends a sentence; "St." keeps its dot
            results.append(self._result(start, end, 0.8 if parts else 0.7, f"street line + {parts} part(s)"))
        found = [(r.start, r.end) for r in results]
        # City + postcode lines already inside a street-line address add nothing (and their
        # backward extension could swallow the words before the street).
        results += [r for r in self._anchored(text) if not any(r.start < e and s < r.end for s, e in found)]
        return results

    def _anchored(self, text: str) -> list[RecognizerResult]:
        """Addresses without a recognised street line: from a city + postcode line, back over its parts."""
        found = []
        for match in self._anchor.finditer(text):
            start = match.start()
            line_start = max(text.rfind("\n", 0, start), text.rfind(",", 0, start)) + 1
            if text[line_start:start].strip():
                continue  # the anchor must open its line or comma part
            parts = 0
            while parts < 3 and line_start > 0:
                sep = line_start - 1
                prev = max(text.rfind("\n", 0, sep), text.rfind(",", 0, sep)) + 1
                segment = text[prev:sep]
                if not _address_segment(segment):
                    # "Please ship to 45/957": keep the tail that opens with a number or a street type.
                    tail = re.search(r"(?:^|\s)((?:\d|(?:rue|avenue|boulevard|chemin|allée|place|impasse|quai|route)"
                                     r"\b).*)$", segment)
                    if tail and _address_segment(tail.group(1)):
                        start, parts = prev + tail.start(1), parts + 1
                    break
                start, line_start, parts = prev + len(segment) - len(segment.lstrip()), prev, parts + 1
            if parts:
                found.append(self._result(start, match.end(), 0.7, f"city + postcode line + {parts} part(s)"))
        return found

    def _result(self, start: int, end: int, score: float, why: str) -> RecognizerResult:
        return RecognizerResult(
            entity_type="ADDRESS", start=start, end=end, score=score,
            analysis_explanation=AnalysisExplanation(recognizer=self.name, original_score=score,
                                                     textual_explanation=why),
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id},
        )


def recognizers(language: str = "en") -> list[EntityRecognizer]:
    """This module's recognizers, as the default recognizer set registers them."""
    return [AddressRecognizer(supported_language=language)]


__all__ = ["ADDRESS_CONTEXT", "AddressRecognizer", "recognizers"]
