"""Label cues: the word in front of a number that says what the number is.

A number means little by itself: "925 086 721" may be a phone, an amount or a
tax number. What a person writes in front of it settles it ("Phone:", "NIF:",
"Order", "born"). The recognizers of numbers ask :func:`label_before` for the
*nearest* cue on the same line, so that "Date of birth: ... Appointment: 14.09"
reads the appointment date as an appointment, and "Order 5654914671" is an
order number even when a phone cue stands earlier on the line.

Cue kinds: ``phone``, ``dob`` (birth), ``id`` (national and tax identifiers),
``bank``, ``card`` and ``other`` (order, invoice, reference, dates of events:
labels of numbers that are none of the above). Connectors ("no.", "number",
"on", "is") are not cues: "Phone no.: 0211 ..." reads as a phone.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

#: Cue words per kind (case-insensitive, whole words; a final "." is optional in the text).
# fmt: off
CUES: dict[str, tuple[str, ...]] = {
    "phone": (
        "phone", "phones", "phoned", "telephone", "tel", "tél", "tel.", "tlf", "tlf.", "telefon", "telefone",
        "telefono", "teléfono", "téléphone", "puh", "puhelin", "mobile", "mobil", "mob", "móvil", "movil",
        "cell", "cellphone", "cellulare", "celular", "handy", "gsm", "portable", "fax", "telefax", "landline",
        "call", "calls", "called", "calling", "callback", "ring", "dial", "dialled", "dialed", "reach",
        "reachable", "contact", "contactable", "whatsapp", "sms", "text", "texted", "message", "hotline",
        "helpline", "switchboard", "direct line", "numer telefonu", "nr tel", "tel. nr", "telefonnummer",
        "telefonszám", "puhelinnumero", "telefonní", "rufnummer", "numéro de téléphone", "mobilnummer",
    ),
    "dob": (
        "born", "birth", "birth date", "birth-date", "date of birth", "birthday", "birthdate", "dob", "d.o.b", "d.o.b.",
        "geb.", "geb", "geboren", "geburtsdatum", "né", "née", "né le", "née le", "naissance", "nacimiento", "nacido",
        "nacida", "nascido em", "nascida em", "nascido", "nascida", "nato il", "nata il", "geboortedatum", "geboren op",
        "fødselsdato", "født", "födelsedatum", "född", "syntymäaika", "syntynyt", "syntymäpäivä", "data urodzenia",
        "urodzony", "urodzona", "ur.", "datum narození", "narozen", "narozena", "nar.", "születési", "született",
        "szül.", "születési idő", "születési dátum", "fecha de nacimiento", "data de nascimento", "data di nascita",
        "date de naissance",
    ),
    "id": (
        "pesel", "bsn", "burgerservicenummer", "sofinummer", "cpf", "nif", "nie", "dni", "nir", "insee",
        "personnummer", "personnr", "person number", "personal number", "personal id", "personal code",
        "cpr", "cpr-nr", "cpr nr", "fødselsnummer", "fnr", "henkilötunnus", "hetu", "rodné číslo",
        "rodne cislo", "rč", "steuer-id", "steuerid", "steuer-idnr", "steueridentifikationsnummer", "idnr",
        "identifikationsnummer", "adóazonosító", "adóazonosító jel", "adoazonosito", "taj", "taj szám",
        "személyi szám", "nino", "national insurance", "ni number", "ssn", "social security", "sin", "aadhaar",
        "pan", "tfn", "nhs", "codice fiscale", "pps", "ppsn", "cnp", "egn", "oib", "amka", "ahv", "avs",
        "svnr", "sv-nummer", "sozialversicherungsnummer", "rijksregisternummer", "numéro national", "curp",
        "rut", "nric", "kennitala", "isikukood", "asmens kodas", "emšo", "emso", "id number",
        "id no", "id-nr", "id nr", "identity number", "identity card", "id card", "national id",
        "national identity", "national identification", "tax id", "tax number", "tax code", "tin",
        "taxpayer", "passport", "identification number", "numero fiscale", "número fiscal", "dowód",
        "cédula", "cedula", "nuip", "resident registration", "rrn", "document number",
        "personalausweis", "ausweis", "občanský", "id", "rodné", "sofi", "contribuinte", "d-nummer",
        "personbeteckning", "insz", "niss", "versicherungsnummer", "tc kimlik", "tckn", "teudat zehut",
        "resident id", "taj szám", "cpr nr", "steuer-idnr", "ahv-nr", "avs-nr", "samordningsnummer", "kimlik",
        "personal identity number", "personal identification number", "identification no",
    ),
    "bank": (
        "iban", "bic", "swift", "sort code", "routing", "aba", "bsb", "transit", "bank", "banking", "konto",
        "kontonummer", "rekening", "rekeningnummer", "compte", "cuenta", "conto", "a/c", "acct", "account",
        "beneficiary", "payee", "bankgiro", "plusgiro", "clabe", "cbu",
    ),
    "card": (
        "card", "credit card", "debit card", "visa", "mastercard", "amex", "american express", "maestro",
        "discover", "jcb", "diners", "cc", "karte", "carte", "tarjeta", "carta", "cartão", "kort", "kortti",
        "karta",
    ),
    "other": (
        "order", "orders", "ord", "invoice", "inv", "ref", "refs", "reference", "ticket", "case", "tracking",
        "track", "parcel", "shipment", "consignment", "awb", "sku", "ean", "upc", "gtin", "isbn", "issn", "po",
        "p.o", "receipt", "voucher", "booking", "reservation", "confirmation", "customer", "client", "member",
        "membership", "loyalty", "policy", "claim", "serial", "s/n", "model", "part", "item", "article", "art",
        "batch", "lot", "flight", "room", "desk", "version", "build", "release", "vat", "kvk", "cif", "siret",
        "siren", "registration", "reg", "licence", "license", "plate", "meter", "contract", "project", "job",
        "employee", "emp", "staff", "student", "matter", "file", "dossier", "docket", "folio", "transaction",
        "txn", "payment", "auth", "authorisation", "authorization", "approval", "code", "pin", "otp",
        "password", "date", "dated", "issued", "due", "submitted", "appointment", "delivered", "shipped",
        "ordered", "paid", "received", "effective", "expires", "expiry", "exp", "valid", "updated", "created",
        "modified", "signed", "start", "starting", "started", "end", "ends", "joined", "joining", "hired", "admitted",
        "discharged", "review", "visit", "meeting", "deadline", "check-in", "check-out", "arrival", "departure",
        "departs", "arrives", "travel", "charged", "refunded", "posted", "week", "weekly", "sync", "update", "total",
        "amount", "price", "net", "gross", "qty", "quantity", "weight", "pieces", "pcs", "kg", "size", "dims", "unit",
        "units",
    ),
}
# fmt: on
#: Words written right after a phone that say it is one ("0211 165518 office", "(mobile)").
# fmt: off
PHONE_SUFFIXES = ("mobile", "mob", "office", "fax", "home", "work", "cell", "landline", "direct", "private",
                  "business", "tel", "phone", "whatsapp", "switchboard", "reception", "daytime", "evenings")
# fmt: on
#: How far back on the line a cue may stand (characters).
WINDOW = 64


#: What may stand between a label and its value without weakening it ("Order no. 123", "NIF: ...").
_CONNECTORS = regex.compile(
    r"[\s:#.\-–=()]*(?:(?:no|nr|n°|nº|no\.|number|num|numer|nummer|numéro|número|numero|code|is|was|of)"
    r"[\s:#.\-–=()]*)*",
    regex.IGNORECASE,
)
_SPACES = regex.compile(r"\s+")
_WORDS = regex.compile(r"[^\W\d_]{2,}")
#: Words that label a number of the kind of the cue before them, or a phone when alone.
NUMBER_WORDS = ("number", "numbers", "no.", "nr.", "numer", "nummer", "numéro", "número", "numero")


def _alternation(words: tuple[str, ...]) -> str:
    # Longest first, so that "date of birth" is not read as "date".
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = regex.escape(word.rstrip("."))
        if word.endswith("."):
            escaped += r"\.?"
        parts.append(escaped.replace(r"\ ", r"[\s\-]"))
    return "|".join(parts)


@lru_cache(maxsize=1)
def _cue_regex() -> regex.Pattern:
    # "dob" comes before "other" so that "date of birth" is a birth cue and not "date".
    order = ("dob", "id", "phone", "bank", "card", "other")
    branches = [f"(?P<{kind}>{_alternation(CUES[kind])})" for kind in order]
    # Single letters as labels only with a colon: "T: 020 ...", "M: 926 ...".
    branches.append(f"(?P<number>{_alternation(NUMBER_WORDS)})")
    branches.append(r"(?P<phone_letter>\b[TMFPHC](?=:))")
    return regex.compile(r"(?<![\w])(?:" + "|".join(branches) + r")(?![\w])", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _suffix_regex() -> regex.Pattern:
    words = "|".join(sorted(PHONE_SUFFIXES, key=len, reverse=True))
    return regex.compile(rf"[ \t]?[(\-–]?[ \t]?(?:{words})\b", regex.IGNORECASE)


def warm_up() -> None:
    """Compile the cue patterns now (recognizers call this when they are loaded)."""
    _cue_regex()
    _suffix_regex()


def line_start(text: str, pos: int) -> int:
    """Offset of the first character of the line holding ``pos``."""
    return text.rfind("\n", 0, pos) + 1


def line_end(text: str, pos: int) -> int:
    """Offset just past the last character of the line holding ``pos``."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def label_before(text: str, start: int, *, window: int = WINDOW) -> tuple[str | None, int]:
    """The kind of the nearest cue before ``start`` on its line, and its distance in words.

    "number" alone is a phone cue ("my number is ..."), but after another cue it
    takes that cue's kind ("order number", "account number").

    Returns:
        ``(kind, words_between)``; ``(None, 0)`` when the line holds no cue in the window.
        A single-letter label ("T:", "M:") counts as a ``phone`` cue. ``words_between``
        is 0 when only connectors ("no.", "number", "#", ":") stand between.
    """
    kind, _word, distance = nearest_cue(text, start, window=window)
    return kind, distance


def nearest_cue(text: str, start: int, *, window: int = WINDOW) -> tuple[str | None, str, int]:
    """Like :func:`label_before`, with the cue's own words (lower case) as the middle item."""
    lo = max(line_start(text, start), start - window)
    segment = text[lo:start]
    matches = list(_cue_regex().finditer(segment))
    if not matches:
        return None, "", 0
    last = matches[-1]
    kind = last.lastgroup
    if kind == "number" or (kind == "id" and last.group().lower() == "id"):
        # "order number", "employee ID": the head takes the kind of the cue it follows.
        previous = matches[-2] if len(matches) > 1 else None
        if previous is not None and _CONNECTORS.fullmatch(segment[previous.end() : last.start()]):
            last, kind = previous, previous.lastgroup
        elif kind == "number":
            kind = "phone"
    if kind == "phone_letter":
        kind = "phone"
    word = _SPACES.sub(" ", last.group().lower())
    between = segment[last.end() :]
    if _CONNECTORS.fullmatch(between):
        return kind, word, 0
    return kind, word, max(1, len(_WORDS.findall(between)))


def label_kinds(text: str, start: int) -> list[str]:
    """Cue kinds of the label that ends in a colon right before ``start`` ("Phone on booking: ...").

    A label names its value by all of its words: "Customer phone:" is a phone
    label even though "customer" is the nearer cue.
    """
    ls = line_start(text, start)
    head = text[ls:start].rstrip()
    if not head.endswith(":"):
        return []
    # The label runs from the previous delimiter of the line to the colon.
    cut = max(head.rfind(sep, 0, len(head) - 1) for sep in (":", "|", "·", ";", ".", ","))
    return (
        cue_kinds_before(head, len(head), window=48)
        if cut < 0
        else cue_kinds_before(head[cut + 1 :], len(head) - cut - 1, window=48)
    )


def cue_kinds_before(text: str, start: int, *, window: int = WINDOW) -> list[str]:
    """Every cue kind on the line before ``start`` (within ``window``), nearest last."""
    lo = max(line_start(text, start), start - window)
    kinds = []
    for match in _cue_regex().finditer(text[lo:start]):
        if match.lastgroup != "number":
            kinds.append("phone" if match.lastgroup == "phone_letter" else match.lastgroup)
    return kinds


def phone_suffix_after(text: str, end: int) -> bool:
    """Whether a phone label follows ``end`` directly ("... 721 mobile", "... (office)")."""
    return bool(_suffix_regex().match(text, end, min(len(text), end + 16)))


def cell_header(text: str, pos: int) -> str | None:
    """The header of the table column holding ``pos``, in a ``|``-separated table.

    The header is the first line of the run of lines with as many ``|`` as the
    line of ``pos`` (markdown rule lines skipped), when it holds no digits.
    """
    start, end = line_start(text, pos), line_end(text, pos)
    line = text[start:end]
    bars = line.count("|")
    if bars < 2:
        return None
    column = text[start:pos].count("|")
    header = None
    cursor = start
    while cursor > 0:
        prev_end = cursor - 1
        prev_start = line_start(text, prev_end)
        prev = text[prev_start:prev_end]
        if prev.count("|") != bars:
            break
        if not set(prev.replace("|", "").strip()) <= set("-: "):
            header = prev
        cursor = prev_start
    if header is None:
        return None
    cells = header.split("|")
    if column >= len(cells) or any(c.isdigit() for c in header):
        return None
    return cells[column].strip()


def cue_kind(words: str) -> str | None:
    """The kind of the last cue in ``words`` (a header cell, a label), or None."""
    last = None
    for match in _cue_regex().finditer(words):
        if match.lastgroup != "number":
            last = match
    if last is None:
        return None
    return "phone" if last.lastgroup == "phone_letter" else last.lastgroup


_LAST_FIRST = regex.compile(
    r"(?:^|[:;|]\s*)[A-ZÀ-ÖØ-Þ][\w'’\-]+,[ \u00a0][A-ZÀ-ÖØ-Þ](?:[\w'’\-]+|\.|(?:\.[A-Z])+\.?)?$"
)
_NAME_TOKENS = regex.compile(r"([^\W\d_][\w'’\-]*)\.?,?[ \u00a0]*$")


def name_before(text: str, pos: int, *, words: int = 3) -> bool:
    """Whether the words right before ``pos`` on its line end in a person's name.

    Either the line's label is followed by a "Last, First" form ("Patient: Straw, M (")
    or the last two to ``words`` words are capitalised and one of them is a given or
    family name of the name lexicons ("Maria Lopes (", "Frank Love, "). One capitalised
    word is not enough: "Treaty of Rome (25 March 1957)" names a place.
    """
    from veil.privacy.pii.recognizers.lexicons import first_names, last_names

    head = text[line_start(text, pos) : pos].rstrip(" \u00a0(")
    if _LAST_FIRST.search(head):
        return True  # "Straw, M", "Parker, Jabari": the form itself is a name
    found = []
    while head and len(found) < words:
        match = _NAME_TOKENS.search(head)
        if match is None:
            break
        found.append(match.group(1))
        head = head[: match.start()]
    capitalised = []
    for word in found:
        if not word[0].isupper():
            break
        capitalised.append(word)
    if len(capitalised) < 2:
        return False
    firsts, lasts = first_names(), last_names()
    return any(w.casefold() in firsts or w.casefold() in lasts for w in capitalised if len(w) > 1)


def make_result(
    entity: str, start: int, end: int, score: float, recognizer: EntityRecognizer, why: str = ""
) -> RecognizerResult:
    """A result of ``recognizer`` with the explanation Presidio's context enhancer writes to."""
    explanation = AnalysisExplanation(recognizer=recognizer.name, original_score=score, textual_explanation=why)
    return RecognizerResult(
        entity,
        start,
        end,
        score,
        analysis_explanation=explanation,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )


__all__ = [
    "CUES",
    "PHONE_SUFFIXES",
    "cell_header",
    "cue_kind",
    "cue_kinds_before",
    "label_before",
    "label_kinds",
    "nearest_cue",
    "line_end",
    "line_start",
    "make_result",
    "name_before",
    "phone_suffix_after",
    "warm_up",
]
