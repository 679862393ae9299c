"""Check digits and format validators of the identifiers Veil recognizes and imitates.

One place for the arithmetic (Luhn, mod 97, mod 11, mod 23, Verhoeff, the
Italian fiscal code's check letter, ABA weights) so that the recognizers
(which reject look-alikes) and the surrogate factory (which must produce
numbers that pass the same checks) agree. The national identifiers that Veil
only recognizes have their check digits in :mod:`.national_id_checksums`.
"""

from __future__ import annotations

import re
import string

_UPPER = string.ascii_uppercase
ASCII_DIGITS = frozenset("0123456789")


def digits_of(text: str) -> str:
    """The ASCII digits of ``text``, in order."""
    return "".join(c for c in text if c in ASCII_DIGITS)


def compact(text: str) -> str:
    """Letters and digits only (separators dropped)."""
    return "".join(c for c in text if c.isalnum())


def luhn_check_digit(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    """True when the digits of ``number`` pass the Luhn check."""
    digits = [c for c in number if c in ASCII_DIGITS]
    if len(digits) < 2:
        return False
    return luhn_check_digit("".join(digits[:-1])) == digits[-1]


def ssn_valid(ssn: str) -> bool:
    """US SSN: 9 digits, area not 000/666/900-999, group not 00, serial not 0000."""
    d = digits_of(ssn)
    if len(d) != 9 or len(compact(ssn)) != 9:
        return False
    area, group, serial = d[:3], d[3:5], d[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"  # not D F I Q U V
NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"  # not D F I O Q U V
NINO_BAD_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
_NINO_RE = re.compile(r"[A-Z]{2}\d{6}[A-D]?")


def nino_valid(nino: str) -> bool:
    """UK National Insurance number (HMRC prefix rules, suffix A-D)."""
    c = re.sub(r"\s", "", nino).upper()
    if not _NINO_RE.fullmatch(c) or len(c) != 9:
        return False
    return c[0] in NINO_FIRST and c[1] in NINO_SECOND and c[:2] not in NINO_BAD_PREFIXES


def nhs_check_digit(nine: str) -> str | None:
    check = 11 - sum(int(d) * (10 - i) for i, d in enumerate(nine)) % 11
    if check == 11:
        return "0"
    if check == 10:
        return None
    return str(check)


def nhs_valid(number: str) -> bool:
    """UK NHS number: 10 digits with a mod-11 check digit."""
    d = digits_of(number)
    if len(d) != 10 or len(compact(number)) != 10:
        return False
    return nhs_check_digit(d[:9]) == d[9]


def sin_valid(number: str) -> bool:
    """Canadian SIN: 9 digits, Luhn-valid (stand-ins also avoid the unassigned first digits 0 and 8)."""
    d = digits_of(number)
    return len(d) == 9 and len(compact(number)) == 9 and luhn_valid(d)


_NIR_RE = re.compile(r"([1-478]\d{4}(?:\d{2}|2[AB])\d{6})(\d{2})")


def nir_key(body: str) -> str:
    body = body.upper()
    if body[5:7] == "2A":
        body = body[:5] + "19" + body[7:]
    elif body[5:7] == "2B":
        body = body[:5] + "18" + body[7:]
    return f"{97 - int(body) % 97:02d}"


def nir_valid(nir: str) -> bool:
    """French NIR (social security number): 13 characters + key = 97 - (n mod 97)."""
    m = _NIR_RE.fullmatch(compact(nir).upper())
    return bool(m) and nir_key(m.group(1)) == m.group(2)


_NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
_NIF_RE = re.compile(r"([XYZ]\d{7}|\d{8})([A-Z])")


def nif_letter(number: str) -> str:
    if number[0] in "XYZ":
        number = str("XYZ".index(number[0])) + number[1:]
    return _NIF_LETTERS[int(number) % 23]


def nif_valid(nif: str) -> bool:
    """Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter)."""
    m = _NIF_RE.fullmatch(compact(nif).upper())
    return bool(m) and nif_letter(m.group(1)) == m.group(2)


# fmt: off
_CF_ODD = dict(zip(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14,
     16, 10, 22, 25, 24, 23],
))
# fmt: on
_CF_EVEN = {**{str(i): i for i in range(10)}, **{c: i for i, c in enumerate(_UPPER)}}
CF_MONTHS = "ABCDEHLMPRST"
_CF_RE = re.compile(r"[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]")


def cf_check_char(first15: str) -> str:
    total = sum(_CF_ODD[c] if i % 2 == 0 else _CF_EVEN[c] for i, c in enumerate(first15))
    return _UPPER[total % 26]


def it_fiscal_code_valid(code: str) -> bool:
    """Italian codice fiscale: 16 characters with the official check character."""
    c = code.strip().upper()
    return bool(_CF_RE.fullmatch(c)) and cf_check_char(c[:15]) == c[15]


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


def verhoeff_check_digit(digits: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[(i + 1) % 8][int(ch)]]
    return str(_VERHOEFF_INV[c])


def verhoeff_valid(number: str) -> bool:
    """True when the digits of ``number`` pass the Verhoeff check."""
    digits = digits_of(number)
    if len(digits) < 2:
        return False
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[i % 8][int(ch)]]
    return c == 0


def aadhaar_valid(number: str) -> bool:
    """Indian Aadhaar: 12 digits, first 2-9, Verhoeff check digit."""
    d = digits_of(number)
    return len(d) == 12 and len(compact(number)) == 12 and d[0] in "23456789" and verhoeff_valid(d)


#: An IBAN's length in each country that issues them.
# fmt: off
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
    "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24,
    "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21,
    "HU": 28, "IE": 22, "IL": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LI": 21,
    "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30,
    "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
    "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TN": 24, "TR": 26, "UA": 29, "VG": 24, "XK": 20,
}
# fmt: on
_IBAN_RE = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}")
# fmt: off
IBAN_FRESH = {
    "GB": "GB00 AAAA 0000 0000 0000 00", "DE": "DE00 0000 0000 0000 0000 00",
    "FR": "FR00 0000 0000 0000 0000 0000 000", "ES": "ES00 0000 0000 0000 0000 0000",
    "IT": "IT00 A000 0000 0000 0000 0000 000", "NL": "NL00 AAAA 0000 0000 00", "IE": "IE00 AAAA 0000 0000 0000 00",
    "BE": "BE00 0000 0000 0000", "AT": "AT00 0000 0000 0000 0000", "CH": "CH00 0000 0000 0000 0000 0",
}
# fmt: on


def _iban_mod97(text: str) -> int:
    return int("".join(str(int(c, 36)) for c in text)) % 97


def iban_check_digits(country: str, bban: str) -> str:
    return f"{98 - _iban_mod97(bban + country + '00'):02d}"


def iban_valid(iban: str) -> bool:
    """IBAN: country code, mod-97 check digits, the country's length where known."""
    c = re.sub(r"\s", "", iban).upper()
    if not _IBAN_RE.fullmatch(c):
        return False
    if c[:2] in IBAN_LENGTHS and len(c) != IBAN_LENGTHS[c[:2]]:
        return False
    return _iban_mod97(c[4:] + c[:4]) == 1


def aba_prefix_ok(prefix: int) -> bool:
    return 0 <= prefix <= 12 or 21 <= prefix <= 32 or 61 <= prefix <= 72 or prefix == 80


def aba_valid(number: str) -> bool:
    """US ABA routing number: 9 digits, valid Fed prefix, 3-7-1 weighted checksum."""
    d = digits_of(number)
    if len(d) != 9 or len(compact(number)) != 9 or not aba_prefix_ok(int(d[:2])):
        return False
    n = [int(x) for x in d]
    return (3 * (n[0] + n[3] + n[6]) + 7 * (n[1] + n[4] + n[7]) + (n[2] + n[5] + n[8])) % 10 == 0


UK_POSTCODE_RE = re.compile(
    r"(?i)(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])\s?[0-9][ABD-HJLNP-UW-Z]{2}"
)
CA_POSTCODE_RE = re.compile(r"(?i)[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][ -]?[0-9][ABCEGHJ-NPRSTV-Z][0-9]")
NL_POSTCODE_RE = re.compile(r"(?i)[1-9][0-9]{3} ?(?!SA|SD|SS|sa|sd|ss)[A-Z]{2}")
US_ZIP_RE = re.compile(r"\d{5}(?:-\d{4})?")
UK_POSTCODE_SEARCH = re.compile(r"\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s?\d[A-Za-z]{2}\b")
CA_POSTCODE_SEARCH = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b")


def uk_postcode_valid(postcode: str) -> bool:
    """UK postcode (Royal Mail shape and letter rules)."""
    return bool(UK_POSTCODE_RE.fullmatch(postcode.strip()))


def ca_postcode_valid(postcode: str) -> bool:
    """Canadian postal code (A1A 1A1 with Canada Post's letter rules)."""
    return bool(CA_POSTCODE_RE.fullmatch(postcode.strip()))


def nl_postcode_valid(postcode: str) -> bool:
    """Dutch postcode (1234 AB, no SA/SD/SS)."""
    return bool(NL_POSTCODE_RE.fullmatch(postcode.strip()))


def nanp_valid(phone: str) -> bool:
    """A North American number (10 national digits, area and exchange starting 2-9)."""
    d = digits_of(phone)
    if len(d) == 11 and d[0] == "1":
        d = d[1:]
    return len(d) == 10 and d[0] in "23456789" and d[1] != "9" and d[3] in "23456789"


__all__ = [
    "ASCII_DIGITS",
    "CA_POSTCODE_RE",
    "CA_POSTCODE_SEARCH",
    "CF_MONTHS",
    "IBAN_FRESH",
    "IBAN_LENGTHS",
    "NINO_BAD_PREFIXES",
    "NINO_FIRST",
    "NINO_SECOND",
    "NL_POSTCODE_RE",
    "UK_POSTCODE_RE",
    "UK_POSTCODE_SEARCH",
    "US_ZIP_RE",
    "aadhaar_valid",
    "aba_prefix_ok",
    "aba_valid",
    "ca_postcode_valid",
    "cf_check_char",
    "compact",
    "digits_of",
    "iban_check_digits",
    "iban_valid",
    "it_fiscal_code_valid",
    "luhn_check_digit",
    "luhn_valid",
    "nanp_valid",
    "nhs_check_digit",
    "nhs_valid",
    "nif_letter",
    "nif_valid",
    "nino_valid",
    "nir_key",
    "nir_valid",
    "nl_postcode_valid",
    "sin_valid",
    "ssn_valid",
    "uk_postcode_valid",
    "verhoeff_check_digit",
    "verhoeff_valid",
]
