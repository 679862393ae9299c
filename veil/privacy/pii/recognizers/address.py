"""Postal addresses of many countries, whole, even across line breaks.

An address is a run of parts (:mod:`.address_parts`) separated only by commas,
line breaks or address labels ("City:", "Postcode:"): a street line, units, a
district, a postcode with its town, a region, a country. The recognizer finds
every part in a text, chains neighbouring parts and keeps a chain when it holds
real evidence: a street line, a PO box, a postcode of a distinctive shape
("00-950", "1054 ZK", "M11 3AH") or a postcode next to a known town. Names and
company lines before the street are left out; a town or country after the
postcode is kept. One ``ADDRESS`` span covers the whole chain, so no line of
the block is left behind; each part is reported as well, a hair higher, so
that the parts survive when a longer span of another type overlaps the block.
A chain without a street ("33100 Tampere") is reported as POSTCODE and
LOCATION.
"""

from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from veil.privacy.pii.recognizers import gazetteer
from veil.privacy.pii.recognizers.address_parts import (
    ADDRESS_LABEL,
    DISTINCT_POSTCODE,
    NEW_ADDRESS_LABEL,
    PC_LABEL,
    UNIT_WORDS,
    Part,
    all_common,
    is_unit,
    piece_regexes,
    place_evidence,
    prefix_types,
    street_finder,
)
from veil.privacy.pii.recognizers.lexicons import common_words

# fmt: off
ADDRESS_CONTEXT = ["address", "street", "ship", "shipping", "deliver", "delivery", "mail", "post", "live",
                   "lives", "living", "reside", "resides", "home", "moved", "located", "billing"]
# fmt: on

#: A field label at the start of a line or piece ("City:", "[18:27] customer:", "- Address:").
_LABEL = regex.compile(
    r"[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*)?(?:[-•*>][ \t]*)?"
    r"(?P<label>\p{L}[\p{L}\d'()&+-]*(?:[ \t/]+[\p{L}\d'()&+-]+){0,4}?)[ \t]*:(?=[ \t]|$)[ \t]*"
)
#: What separates the pieces of one line: commas, semicolons, bars, bullets, tabs, wide gaps, spaced dashes
#: ("Av. Paulista, 1578 - Bela Vista").
_SEPARATOR = regex.compile(r"[ \t]*(?:[,;|·•\t]|[ \t]{2,}|(?<=[ \t])[-–](?=[ \t]))[ \t]*")
_GAP_CHARS = regex.compile(r"[\s,;|·•.\-–]+")
_GAP_PC_LABEL = regex.compile(rf"[\s,;|·•.]*{PC_LABEL}[ \t]*:?[ \t]*")
_GAP_LABEL = regex.compile(r"[\s,;|·•.]*\n[ \t]*(?:[-•*>][ \t]*)?(?P<label>[^\n:]{1,40}):[ \t]*")
#: What may follow a part that opens a piece but does not fill it ("57-300 Kłodzko. Running late?").
_HEAD_END = regex.compile(
    r"[.!?]?(?:[ \t]+(?!(?i:ft|kr|kč|zł|eur|usd|gbp|chf|sek|nok|dkk|huf|pln|czk|inr|brl|cad|"
    r"aud|rs|lei|lakh|crore|x|pcs|units?|kg|km|m|ml)(?![\p{L}]))[^\d\s]|$)"
)
_STREETS = frozenset({"street", "streetname", "weakstreet", "number", "unit", "box"})
_TYPES = frozenset(t.rstrip(".") for t in prefix_types())
#: A line this long without a digit is prose: it holds no address part worth the classifier's time.
_PROSE = 100


def _sentence_end(text: str, start: int, end: int) -> int:
    """``end`` without a full stop that closes a sentence ("12 Oak Street."); "St." keeps its dot."""
    if text[end - 1] == "." and sum(c.isalpha() for c in text[start:end].rsplit(None, 1)[-1]) > 4:
        return end - 1
    return end


_NUMBERS = regex.compile(r"[\d/\-.#]+")
_WORD_BEFORE = regex.compile(r"(?r)(?<![\p{L}])\p{Lu}[\p{L}'’-]+[ \t]$")
_FIRST_WORD = regex.compile(r"\p{L}+")


def _name_start(text: str, start: int, line_start: int) -> int:
    """``start`` moved back over capitalised words of the street's name ("Nedre" in "Nedre Slottsgate 1")."""
    for _ in range(2):
        word = _WORD_BEFORE.search(text, line_start, start)
        if not word or word.group().strip().casefold() in common_words():
            break
        start = word.start()
    return start


def _common_start(street: str) -> bool:
    """A street line whose name opens with a common English word ("Use gate 4") is a sentence."""
    if street[:1].isdigit():
        return False
    word = _FIRST_WORD.match(street)
    first = word.group().casefold() if word else ""
    return first in common_words() and first not in _TYPES and first not in UNIT_WORDS


def _pieces(text: str, start: int, end: int):
    """``(start, end)`` of each separator-delimited piece of ``text[start:end]``, stripped."""
    pos = start
    for match in _SEPARATOR.finditer(text, start, end):
        yield pos, match.start()
        pos = match.end()
    yield pos, end


class AddressRecognizer(EntityRecognizer):
    """Address blocks and one-line addresses as one ``ADDRESS`` span each.

    Score 0.85 for a chain of two parts or more, 0.7 for a street line alone.
    """

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entities=["ADDRESS", "POSTCODE", "LOCATION"],
            name="VeilAddressRecognizer",
            supported_language=supported_language,
            context=ADDRESS_CONTEXT,
        )

    def load(self) -> None:
        self._street = street_finder()
        self._piece = piece_regexes()
        self._codes = gazetteer.region_codes()
        gazetteer.load()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list:
        if not {"ADDRESS", "POSTCODE", "LOCATION"} & set(entities):
            return []
        results = []
        for chain in self._chains(self._parts(text), text):
            kept = self._validate(chain, text)
            if not kept:
                continue
            score = 0.85 if len(kept) > 1 else 0.7
            why = f"address of {len(kept)} part(s)"
            if not any(p.kind in _STREETS for p in kept):
                # No street: a postcode and its town ("33451 Tampere"), reported as what they are.
                results += self._places(text, kept, score, why)
                continue
            # Field labels between the parts ("City:") are not part of the address: one span per run.
            start = kept[0].start
            runs = []
            for before, after in zip(kept, kept[1:]):
                if not _GAP_CHARS.fullmatch(text, before.end, after.start) and after.start > before.end:
                    runs.append((start, before.end))
                    start = after.start
            runs.append((start, kept[-1].end))
            results += [self._result("ADDRESS", s, e, score, why) for s, e in runs]
            # Each part too, a hair higher (Presidio keeps a contained result only when it scores more):
            # when a longer span of another type takes the block's first line ("Acme Ltd\nMain Street"),
            # the engine drops the whole block but keeps the parts it does not overlap.
            if len(kept) > 1:
                results += [
                    self._result("ADDRESS", p.start, p.end, score + 0.01, "part of an address")
                    for p in kept
                    if (p.start, p.end) not in runs
                ]
        return [r for r in results if r.entity_type in entities]

    def _places(self, text: str, parts: list[Part], score: float, why: str) -> list[RecognizerResult]:
        spans = []
        for part in parts:
            if part.kind == "pc":
                spans.append(("POSTCODE", part.start, part.end))
            elif part.code:
                spans += [
                    ("POSTCODE", *part.code),
                    ("LOCATION", part.start, part.code[0]),
                    ("LOCATION", part.code[1], part.end),
                ]
            else:
                spans.append(("LOCATION", part.start, part.end))
        out = []
        for entity, start, end in spans:
            # Separators at the edges ("Springfield, " before "IL 62704") are no part of the place.
            piece = text[start:end]
            stripped = piece.strip(" \t,;-/()")
            if stripped:
                start += piece.index(stripped)
                out.append(self._result(entity, start, start + len(stripped), score, why))
        return out

    # ------------------------------------------------------------------ parts
    def _parts(self, text: str) -> list[Part]:
        parts: list[Part] = []
        line_start = 0
        for number, line in enumerate(text.split("\n")):
            start, end = line_start, line_start + len(line)
            line_start = end + 1
            if not line.strip() or (len(line) > _PROSE and not any(map(str.isdigit, line))):
                continue
            streets = [
                Part("street", _name_start(text, s, start), _sentence_end(text, s, e), number, strong=True)
                for s, e in self._street.find(text, start, end)
                if not _common_start(text[s:e])
            ]
            parts += streets
            pos = start
            for street in [*streets, Part("", end, end, number)]:
                for piece_start, piece_end in _pieces(text, pos, street.start):
                    parts += self._piece_parts(text, piece_start, piece_end, number)
                pos = street.end
        parts.sort(key=lambda p: p.start)
        return parts

    def _piece_parts(self, text: str, start: int, end: int, line: int) -> list[Part]:
        label = _LABEL.match(text, start, end)
        if label:
            start = label.end()
        piece = text[start:end].strip()
        if not piece:
            return []
        start = text.index(piece, start)
        part = self._classify(piece.rstrip(" .;:!?"), start, line)
        if part is not None:
            return [part]
        parts = []
        digits = any(map(str.isdigit, piece))
        head = self._head(piece, start, line, digits=digits)
        if head is not None:
            parts.append(head)
        if not digits and "s/n" not in piece.casefold():
            return parts  # every tail form ends in a postcode or a house number
        match = self._piece["tailpctown"].search(piece.rstrip(" .;:!?"))
        tail_part = self._town_part("pctown", match, start, line) if match else None
        if tail_part is not None and tail_part.strong and (head is None or start + match.start() >= head.end):
            return [
                *parts,
                Part(
                    tail_part.kind,
                    start + match.start(),
                    tail_part.end,
                    line,
                    known=tail_part.known,
                    strong=True,
                    code=tail_part.code,
                ),
            ]
        for kind, name in (("weakstreet", "tailstreet"), ("number", "tailnumber")):
            tail = self._piece[name].search(piece.rstrip())
            if (
                tail
                and (head is None or start + tail.start() >= head.end)
                and not (kind == "weakstreet" and all_common(_NUMBERS.sub(" ", tail.group())))
            ):
                parts.append(Part(kind, start + tail.start(), start + tail.end(), line))
                break
        return parts

    def _classify(self, piece: str, start: int, line: int) -> Part | None:
        """The part a whole piece is, or None."""
        end = start + len(piece)
        rx = self._piece
        if not any(map(str.isdigit, piece)):
            return self._classify_words(piece, start, end, line)
        if is_unit(piece):
            return Part("unit", start, end, line)
        match = rx["pclabel"].fullmatch(piece)
        if match:  # the label ("CEP", "PLZ") is no part of the postcode
            return Part("pc", start + match.start("pc"), end, line, strong=True)
        for kind in ("pctown", "townpc"):
            match = rx[kind].fullmatch(piece)
            part = self._town_part(kind, match, start, line) if match else None
            if part is not None:
                return part
        match = rx["regionpc"].fullmatch(piece)
        if match and match["region"] in self._codes:  # "IL 62704": strong only after its town
            return Part("townpc", start, end, line, known="region", code=(start + match.start("pc"), end))
        if rx["pc"].fullmatch(piece):
            return Part("pc", start, end, line, strong=bool(DISTINCT_POSTCODE.fullmatch(piece)))
        if rx["weakbox"].fullmatch(piece):
            return Part("box", start, end, line)
        if rx["number"].fullmatch(piece):
            return Part("number", start, end, line)
        if rx["streetname"].fullmatch(piece):
            return Part("streetname", start, end, line)
        if rx["weakstreet"].fullmatch(piece) and not all_common(_NUMBERS.sub(" ", piece)):
            return Part("weakstreet", start, end, line)
        return None

    def _classify_words(self, piece: str, start: int, end: int, line: int) -> Part | None:
        """The part a piece without digits is: a unit ("R/C Esq."), a street name, a town, a region."""
        rx = self._piece
        if is_unit(piece):
            return Part("unit", start, end, line)
        if len(piece) <= 3 and piece in self._codes:
            return Part("place", start, end, line, known="region")
        match = rx["townregion"].fullmatch(piece)
        if match and self._region_ok(match["region"]) and not all_common(match["town"]):
            return Part("place", start, end, line, known="town")
        if rx["streetname"].fullmatch(piece):
            return Part("streetname", start, end, line)
        if rx["place"].fullmatch(piece):
            known = place_evidence(piece)
            if known or not all_common(piece):
                return Part("place", start, end, line, known=known)
        return None

    def _head(self, piece: str, start: int, line: int, *, digits: bool = True) -> Part | None:
        """A postcode or town opening a piece that goes on with other text (it can only end a chain)."""
        # Every postcode form holds a digit: a piece without one can only open with a town.
        for kind in ("pctown", "townpc", "regionpc", "pclabel", "pc", "place") if digits else ("place",):
            match = self._piece[kind].match(piece)
            if not match or not _HEAD_END.match(piece, match.end()):
                continue
            if kind == "place":  # "5907JO\nHasselt vandaag": a town, then the sentence goes on
                town = match.group().rstrip(" .")
                known = place_evidence(town)
                if known or not all_common(town):
                    return Part("place", start, start + len(town), line, known=known)
                continue
            if kind in ("pctown", "townpc"):
                part = self._town_part(kind, match, start, line)
                if part is not None:
                    return part
            elif kind == "regionpc":
                if match["region"] in self._codes:
                    return Part(
                        "townpc",
                        start,
                        start + match.end(),
                        line,
                        known="region",
                        code=(start + match.start("pc"), start + match.end()),
                    )
            elif kind == "pclabel":
                return Part("pc", start + match.start("pc"), start + match.end(), line, strong=True)
            else:
                return Part(
                    "pc", start, start + match.end(), line, strong=bool(DISTINCT_POSTCODE.fullmatch(match.group()))
                )
        return None

    def _town_part(self, kind: str, match: regex.Match, start: int, line: int) -> Part | None:
        town = match["town"].strip()
        known = place_evidence(town)
        if not known and (
            all_common(town) or len(town) <= 2 or (town.isupper() and all(len(w) <= 3 for w in town.split()))
        ):
            return None  # "RMA-543862", "140 290 Ft": a code or an amount, not a town
        region = (match["region"] or "").strip(" ()/-\t")
        group = "pc" if match["pc"] else "pc2"
        strong = bool(known or DISTINCT_POSTCODE.fullmatch(match[group]) or (region and self._region_ok(region)))
        code = (start + match.start(group), start + match.end(group))
        return Part(kind, start, start + match.end(), line, known=known, strong=strong, code=code)

    def _region_ok(self, region: str) -> bool:
        region = region.strip(" ()/-\t")
        return region in self._codes or gazetteer.place_kind(region) == "region"

    # ------------------------------------------------------------------ chains
    @staticmethod
    def _joinable(gap: str) -> bool:
        if gap.count("\n") > 1:
            return False
        if not _GAP_CHARS.sub("", gap) or _GAP_PC_LABEL.fullmatch(gap):
            return True
        label = _GAP_LABEL.fullmatch(gap)
        return bool(label and ADDRESS_LABEL.search(label["label"]) and not NEW_ADDRESS_LABEL.search(label["label"]))

    def _chains(self, parts: list[Part], text: str) -> list[list[Part]]:
        chains: list[list[Part]] = []
        for part in parts:
            if chains and part.start >= chains[-1][-1].end and self._joinable(text[chains[-1][-1].end : part.start]):
                chains[-1].append(part)
            elif not chains or part.start >= chains[-1][-1].end:
                chains.append([part])
        return chains

    @staticmethod
    def _validate(chain: list[Part], text: str) -> list[Part]:
        """The chain without leading names and trailing noise, or [] when it is no address."""
        chain = list(chain)
        postcode = any(p.kind in ("pc", "pctown", "townpc") for p in chain)
        while chain:
            first, second = chain[0], chain[1] if len(chain) > 1 else None
            if first.kind == "place":
                # A name or company line before the street is not part of the address; a town before
                # its postcode is ("Toledo, 16328", "Carlaland, ID 05942").
                if first.known and not any(p.kind in _STREETS for p in chain):
                    break
                if (
                    second
                    and second.line == first.line
                    and (second.kind == "pc" or (second.kind == "townpc" and second.known == "region"))
                ):
                    break
            elif first.kind == "number":
                # "873, Purohit, Jamalpur-692785": a house number, then the street's name; "45/957" on
                # its own line above a postcode line (India).
                if (
                    postcode
                    and second
                    and second.line == first.line
                    and second.kind in ("place", "streetname", "street")
                ):
                    break
                if "/" in text[first.start : first.end] and second and second.kind in ("pctown", "townpc"):
                    break
            elif first.kind == "unit":
                if second and second.kind in _STREETS:
                    break
            else:
                break
            chain.pop(0)
        while chain:
            last, before = chain[-1], chain[-2] if len(chain) > 1 else None
            if last.kind == "number" and not (before and before.kind in ("streetname", "unit")):
                chain.pop()
            elif (
                last.kind == "place"
                and not last.known
                and not (
                    before
                    and (
                        before.kind == "pc"
                        or (
                            before.line == last.line and before.kind in ("street", "weakstreet", "streetname", "number")
                        )
                    )
                )
            ):
                chain.pop()
            else:
                break
        if not chain:
            return []
        kinds = [p.kind for p in chain]
        if "street" in kinds or any(p.strong for p in chain if p.kind in ("pc", "pctown", "townpc")):
            return chain
        postcode = any(k in ("pc", "pctown", "townpc") for k in kinds)
        if postcode and any(k in _STREETS for k in kinds):
            return chain
        if postcode and any(p.known for p in chain if p.kind != "townpc" or p.known != "region"):
            return chain
        if "streetname" in kinds and "number" in kinds:
            return chain
        if any(
            p.kind == "townpc" and p.known == "region" and i and chain[i - 1].kind == "place"
            for i, p in enumerate(chain)
        ):
            return chain  # "Carlaland, ID 05942": a town, its state's code and the ZIP
        return []

    def _result(self, entity: str, start: int, end: int, score: float, why: str) -> RecognizerResult:
        return RecognizerResult(
            entity_type=entity,
            start=start,
            end=end,
            score=score,
            analysis_explanation=AnalysisExplanation(
                recognizer=self.name, original_score=score, textual_explanation=why
            ),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )


def recognizers(language: str = "en") -> list[EntityRecognizer]:
    """This module's recognizers, as the default recognizer set registers them."""
    return [AddressRecognizer(supported_language=language)]


__all__ = ["ADDRESS_CONTEXT", "AddressRecognizer", "recognizers"]
