"""Bank accounts: IBANs and domestic account numbers.

* IBANs are found case-sensitively, written in groups of four or in one run,
  and cut to their country's length before the mod-97 check (Presidio's own
  recognizer, run case-insensitively by its configuration, reads the word after
  an unspaced IBAN as one more group and then rejects the whole).
* Domestic account numbers, sort codes, BSB and transit numbers count when the
  nearest cue before them is a banking one ("account", "sort code", "BSB",
  "routing", "IBAN", "Konto"); a nearer cue of another kind ("Order",
  "invoice") or a code prefix ("CUST-672498") says they are something else.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from veil.privacy.pii.checksums import IBAN_LENGTHS, iban_valid
from veil.privacy.pii.recognizers.cues import make_result, nearest_cue
from veil.privacy.pii.recognizers.phones import looks_like_date

IBAN_CANDIDATE = regex.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]){11,30}")
ACCOUNT_CANDIDATE = regex.compile(r"(?<![\w\-/.,])\d{2,17}(?:[ \-]\d{2,8}){0,3}(?![\w/]|[.,\-]\d)")
#: Header words of an account column (a value alone gets its score lifted by them).
# fmt: off
BANK_CONTEXT = ["account", "acct", "bank", "routing", "aba", "sort", "transit", "bsb", "iban", "konto",
                "rekening", "compte", "cuenta", "conto", "accountnumber", "sortcode", "bankaccount"]
# fmt: on


def iban_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the valid IBANs of ``text`` (groups of four or one run; upper case)."""
    spans = []
    for match in IBAN_CANDIDATE.finditer(text):
        value = match.group()
        length = IBAN_LENGTHS.get(value[:2])
        if length is None:
            continue
        # Walk to the country's length in letters and digits; the rest belongs to the text.
        count, end = 0, match.start()
        for offset, ch in enumerate(value):
            if ch.isalnum():
                count += 1
                if count == length:
                    end = match.start() + offset + 1
                    break
        if count != length or (end < len(text) and text[end].isalnum()):
            continue
        if iban_valid(text[match.start() : end]):
            spans.append((match.start(), end))
    return spans


class VeilIbanRecognizer(EntityRecognizer):
    """IBANs cut to their country's length and mod-97 checked (module docstring)."""

    prescan = r"[A-Z]{2}\d{2}"

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entities=["IBAN_CODE"],
            name="VeilIbanRecognizer",
            supported_language=supported_language,
            context=[],
        )

    def load(self) -> None:  # noqa: D102 - nothing to load
        pass

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """``IBAN_CODE`` spans of ``text``."""
        if entities and "IBAN_CODE" not in entities:
            return []
        return [make_result("IBAN_CODE", s, e, 1.0, self) for s, e in iban_spans(text)]


def account_score(text: str, start: int, end: int) -> float:
    """Score of the digit run ``text[start:end]`` as a bank account number (0 when it is not one)."""
    candidate = text[start:end]
    digits = sum(c.isdigit() for c in candidate)
    if not 6 <= digits <= 17 or looks_like_date(candidate):
        return 0.0
    kind, _word, distance = nearest_cue(text, start)
    if kind == "bank" and distance <= 2:
        return 0.6
    if not text[:start].strip() and not text[end:].strip():
        return 0.15  # a value alone (a table cell): the column's header decides
    return 0.0


class VeilBankAccountRecognizer(EntityRecognizer):
    """Domestic account numbers, sort codes, BSB and transit numbers after a banking cue."""

    prescan = r"\d{2}[ \-]?\d{2}[ \-]?\d{2}"

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entities=["BANK_ACCOUNT"],
            name="VeilBankAccountRecognizer",
            supported_language=supported_language,
            context=BANK_CONTEXT,
        )

    def load(self) -> None:  # noqa: D102 - nothing to load
        pass

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """``BANK_ACCOUNT`` spans of ``text``."""
        if entities and "BANK_ACCOUNT" not in entities:
            return []
        results = []
        for match in ACCOUNT_CANDIDATE.finditer(text):
            score = account_score(text, *match.span())
            if score > 0:
                results.append(make_result("BANK_ACCOUNT", match.start(), match.end(), score, self))
        return results


def recognizers(language: str = "en") -> list[EntityRecognizer]:
    """This module's recognizers."""
    return [VeilIbanRecognizer(supported_language=language), VeilBankAccountRecognizer(supported_language=language)]


__all__ = [
    "BANK_CONTEXT",
    "VeilBankAccountRecognizer",
    "VeilIbanRecognizer",
    "account_score",
    "iban_spans",
    "recognizers",
]
