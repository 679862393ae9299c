"""National identity and tax numbers of many countries (``NATIONAL_ID``).

Each scheme is a written shape, a validator (check digits and embedded birth
date, :mod:`veil.privacy.pii.national_id_checksums`) and the words people label it with. A
candidate counts when

* its label names the scheme ("PESEL", "BSN", "CPF", "fødselsnummer") and its
  shape fits: 0.9 when the check digits hold, 0.6 when they do not (a labelled
  identifier with a typo is still one);
* a generic identity label stands before it ("national ID", "personal number",
  "tax ID", an "ID" column of a table) and some scheme validates it;
* without a label, when its shape is distinctive *and* it validates: a CPF
  written "480.363.180-83", a rodné číslo "770827/5817", a personnummer
  "990605-4987", a henkilötunnus "161088-579S", a Belgian "85.07.30-033.28",
  a Swiss "756.1234.5678.97", a Chinese 18-character resident ID.

Identifiers Presidio and :mod:`.identifiers` already cover (SSN, NINO, NHS,
SIN, NIF/NIE, codice fiscale, NIR, Aadhaar, PAN, TFN) are not repeated here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from veil.privacy.pii import national_id_checksums as cs
from veil.privacy.pii.recognizers.cues import CUES, cell_header, cue_kind, make_result, nearest_cue, warm_up


@dataclass(frozen=True)
class Scheme:
    """One national identifier: how it is written, checked and labelled."""

    name: str
    shape: regex.Pattern
    valid: Callable[[str], bool]
    cues: tuple[str, ...]
    distinctive: bool = False


def _s(pattern: str) -> regex.Pattern:
    return regex.compile(pattern, regex.IGNORECASE)


SCHEMES: tuple[Scheme, ...] = (
    Scheme("pl_pesel", _s(r"\d{11}"), cs.pesel_valid, ("pesel",)),
    Scheme(
        "cz_birth_number",
        _s(r"\d{6}/\d{3,4}"),
        cs.cz_birth_number_valid,
        ("rodné číslo", "rodne cislo", "rč", "rodné"),
        distinctive=True,
    ),
    Scheme("cz_birth_number", _s(r"\d{9,10}"), cs.cz_birth_number_valid, ("rodné číslo", "rodne cislo", "rč")),
    Scheme(
        "nl_bsn",
        _s(r"\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3}|\d{8}"),
        cs.bsn_valid,
        ("bsn", "burgerservicenummer", "sofinummer", "sofi"),
    ),
    Scheme("br_cpf", _s(r"\d{3}\.\d{3}\.\d{3}-\d{2}"), cs.cpf_valid, ("cpf",), distinctive=True),
    Scheme("br_cpf", _s(r"\d{11}|\d{9}-\d{2}"), cs.cpf_valid, ("cpf",)),
    Scheme(
        "se_personnummer",
        _s(r"(?:\d{2})?\d{6}[-+]\d{4}"),
        cs.se_personnummer_valid,
        ("personnummer", "personnr", "samordningsnummer"),
        distinctive=True,
    ),
    Scheme(
        "se_personnummer",
        _s(r"\d{10}|\d{12}"),
        cs.se_personnummer_valid,
        ("personnummer", "personnr", "samordningsnummer"),
    ),
    Scheme("dk_cpr", _s(r"\d{6}-?\d{4}"), cs.dk_cpr_valid, ("cpr", "cpr-nr", "cpr nr", "personnummer")),
    Scheme("no_fnr", _s(r"\d{6} ?\d{5}"), cs.no_fnr_valid, ("fødselsnummer", "fnr", "personnummer", "d-nummer")),
    Scheme(
        "fi_hetu",
        _s(r"\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]"),
        cs.fi_hetu_valid,
        ("henkilötunnus", "hetu", "personbeteckning"),
        distinctive=True,
    ),
    Scheme("pt_nif", _s(r"\d{9}|\d{3} \d{3} \d{3}"), cs.pt_nif_valid, ("nif", "contribuinte")),
    Scheme(
        "de_idnr",
        _s(r"\d{11}|\d{2} \d{3} \d{3} \d{3}"),
        cs.de_idnr_valid,
        ("steuer-id", "steuerid", "steuer-idnr", "idnr", "steueridentifikationsnummer", "identifikationsnummer"),
    ),
    Scheme("hu_tax_id", _s(r"\d{10}"), cs.hu_tax_id_valid, ("adóazonosító", "adóazonosító jel", "adoazonosito")),
    Scheme("hu_taj", _s(r"\d{9}|\d{3}[ \-]\d{3}[ \-]\d{3}"), cs.hu_taj_valid, ("taj", "taj szám")),
    Scheme(
        "hu_personal_id", _s(r"\d{11}|\d-\d{6}-\d{4}"), cs.hu_personal_id_valid, ("személyi szám", "személyi azonosító")
    ),
    Scheme(
        "be_national_number",
        _s(r"\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}"),
        cs.be_national_number_valid,
        ("rijksregisternummer", "numéro national", "national number", "insz", "niss"),
        distinctive=True,
    ),
    Scheme(
        "be_national_number",
        _s(r"\d{11}|\d{6}[ \-]\d{3}[ \-]\d{2}"),
        cs.be_national_number_valid,
        ("rijksregisternummer", "numéro national", "national number", "insz", "niss"),
    ),
    Scheme(
        "at_svnr",
        _s(r"\d{4} ?\d{6}"),
        cs.at_svnr_valid,
        ("svnr", "sv-nummer", "sozialversicherungsnummer", "versicherungsnummer"),
    ),
    Scheme(
        "ch_ahv", _s(r"756\.\d{4}\.\d{4}\.\d{2}"), cs.ch_ahv_valid, ("ahv", "avs", "ahv-nr", "avs-nr"), distinctive=True
    ),
    Scheme("ch_ahv", _s(r"756\d{10}"), cs.ch_ahv_valid, ("ahv", "avs", "ahv-nr", "avs-nr")),
    Scheme("ro_cnp", _s(r"\d{13}"), cs.ro_cnp_valid, ("cnp",)),
    Scheme("bg_egn", _s(r"\d{10}"), cs.bg_egn_valid, ("egn", "егн")),
    Scheme("hr_oib", _s(r"\d{11}"), cs.hr_oib_valid, ("oib",)),
    Scheme("ee_isikukood", _s(r"\d{11}"), cs.ee_isikukood_valid, ("isikukood", "asmens kodas")),
    Scheme("tr_tckn", _s(r"\d{11}"), cs.tr_tckn_valid, ("tc kimlik", "tckn", "kimlik")),
    Scheme("gr_amka", _s(r"\d{11}"), cs.gr_amka_valid, ("amka",)),
    Scheme("za_id", _s(r"\d{13}|\d{6} \d{4} \d{3}"), cs.za_id_valid, ()),
    Scheme("il_id", _s(r"\d{9}"), cs.il_id_valid, ("teudat zehut",)),
    Scheme("cn_resident_id", _s(r"\d{17}[\dX]"), cs.cn_resident_id_valid, ("resident id",), distinctive=True),
    Scheme("is_kennitala", _s(r"\d{6}-?\d{4}"), cs.is_kennitala_valid, ("kennitala",)),
    Scheme("cl_rut", _s(r"\d{1,2}\.\d{3}\.\d{3}-[\dK]"), cs.cl_rut_valid, ("rut",), distinctive=True),
    Scheme("cl_rut", _s(r"\d{7,8}-?[\dK]"), cs.cl_rut_valid, ("rut",)),
    Scheme("ie_pps", _s(r"\d{7}[A-W][A-IW]?"), cs.ie_pps_valid, ("pps", "ppsn")),
    Scheme("sg_nric", _s(r"[STFGM]\d{7}[A-Z]"), cs.sg_nric_valid, ("nric",)),
)
_BY_CUE: dict[str, tuple[Scheme, ...]] = {}
for _scheme in SCHEMES:
    for _cue in _scheme.cues:
        _BY_CUE[_cue] = (*_BY_CUE.get(_cue, ()), _scheme)

#: Cues of identifiers that recognizers of their own decide (US SSN, UK NINO/NHS, CA SIN, AU TFN, IN
#: Aadhaar/PAN, FR NIR, ES DNI/NIE, IT codice fiscale): a generic match here would shadow them.
# fmt: off
DEDICATED_CUES = frozenset({"ssn", "social security", "nhs", "nino", "national insurance", "ni number", "sin",
                            "tfn", "aadhaar", "pan", "nir", "insee", "dni", "nie", "codice fiscale"})
# fmt: on

CANDIDATE = regex.compile(
    r"(?<![\w.,/+\-])"
    r"(?:[STFGM]\d{7}[A-Z]|\d{7}[A-W][A-IW]?|\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]"
    r"|\d{1,18}(?:[ .\-/]\d{1,8}){0,4}(?:-[\dK])?X?)"
    r"(?![\w/]|[.,\-]\d)",
    regex.IGNORECASE,
)
#: Texts a national ID can be found in: an identity cue, a table, or a distinctive shape. Both pre-scans
#: are led by a lookahead on their first characters, so the regex engine skips other characters in C.
PRESCAN = (
    r"(?=[\d|])(?:\||\d{3}\.\d{3}\.\d{3}-\d{2}|\d{6}/\d{3}|\d{6}[-+A-FU-Y]\d{3}|\d\.\d{3}\.\d{3}-|\d{2}\.\d{2}\.\d{2}-\d{3}"
    r"|756\.\d{4}|\d{17}[\dXx])"
)
#: The ID cues, in lower case (run on the lower-cased text), each at the start of a word.
PRESCAN_LOWER = (
    "(?=["
    + regex.escape("".join(sorted({w.lower()[0] for w in CUES["id"]})))
    + r"])(?<![^\W\d_])(?:"
    + "|".join(sorted({regex.escape(w.lower()) for w in CUES["id"]}, key=len, reverse=True))
    + ")"
)
_GROUPS = regex.compile(r"[ .\-/]")


def _prefixes(candidate: str) -> list[str]:
    """The candidate and its shorter heads at separator boundaries (a greedy run may take in a neighbour)."""
    cuts = [m.start() for m in _GROUPS.finditer(candidate) if candidate[m.start()] == " "]
    return [candidate] + [candidate[:c] for c in reversed(cuts)]


def _fits(scheme: Scheme, value: str) -> bool:
    return bool(scheme.shape.fullmatch(value))


def id_score(text: str, start: int, end: int) -> tuple[float, int]:
    """Score and end of the national identifier at ``text[start:end]`` (0 when it is none)."""
    candidate = text[start:end]
    kind, word, distance = nearest_cue(text, start)
    if kind != "id":
        header = cell_header(text, start)
        if header is not None and cue_kind(header) == "id":
            kind, word, distance = "id", header.lower(), 0
    if kind == "id" and word in DEDICATED_CUES:
        return 0.0, end
    if kind == "id" and distance <= 4:
        specific = _BY_CUE.get(word, ())
        for value in _prefixes(candidate):
            if specific:
                fitting = [s for s in specific if _fits(s, value)]
                if any(s.valid(value) for s in fitting):
                    return 0.9, start + len(value)
                if fitting and distance == 0:
                    return 0.6, start + len(value)
            elif any(_fits(s, value) and s.valid(value) for s in SCHEMES):
                return 0.8, start + len(value)
        return 0.0, end
    if kind is not None and distance == 0:
        return 0.0, end  # "Order 770827/5817": the label says what it is
    for value in _prefixes(candidate):
        if any(s.distinctive and _fits(s, value) and s.valid(value) for s in SCHEMES):
            return 0.65, start + len(value)
    return 0.0, end


class NationalIdRecognizer(EntityRecognizer):
    """National identity and tax numbers of many countries (module docstring)."""

    prescan = PRESCAN
    prescan_lower = PRESCAN_LOWER

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entities=["NATIONAL_ID"],
            name="VeilNationalIdRecognizer",
            supported_language=supported_language,
            context=[],
        )

    def load(self) -> None:
        """Build what the first analysis would otherwise build (so it is not timed as analysis)."""
        warm_up()

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """``NATIONAL_ID`` spans of ``text``."""
        if entities and "NATIONAL_ID" not in entities:
            return []
        results = []
        for match in CANDIDATE.finditer(text):
            start = match.start()
            if sum(c.isdigit() for c in match.group()) < 7:
                continue
            score, end = id_score(text, start, match.end())
            if score > 0:
                results.append(make_result("NATIONAL_ID", start, end, score, self))
        return results


def recognizers(language: str = "en") -> list[EntityRecognizer]:
    """This module's recognizers."""
    return [NationalIdRecognizer(supported_language=language)]


__all__ = ["CANDIDATE", "DEDICATED_CUES", "SCHEMES", "NationalIdRecognizer", "Scheme", "id_score", "recognizers"]
