"""Check digits and format validators of the identifiers Veil recognizes and imitates.

One place for the arithmetic (Luhn, mod 97, mod 11, mod 23, Verhoeff, the
Italian fiscal code's check letter, ABA weights) so that the recognizers
(which reject look-alikes) and the surrogate factory (which must produce
numbers that pass the same checks) agree.
"""

from __future__ import annotations

import datetime
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


# fmt: off
_IBAN_LENGTHS = {
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
    if c[:2] in _IBAN_LENGTHS and len(c) != _IBAN_LENGTHS[c[:2]]:
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


# ----------------------------------------------------------------------------- national identifiers
# Each validator takes the identifier as written (separators allowed) and checks its length,
# its embedded date where it has one, and its check digits.


def _date_ok(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _weighted(digits: str, weights: tuple[int, ...] | list[int]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights))


def pesel_valid(number: str) -> bool:
    """Polish PESEL: 11 digits, YYMMDD with the century in the month, weights 1-3-7-9."""
    d = digits_of(number)
    if len(d) != 11 or len(compact(number)) != 11:
        return False
    month = int(d[2:4])
    century = {0: 1900, 1: 2000, 2: 2100, 3: 2200, 4: 1800}.get(month // 20)
    if century is None or not _date_ok(century + int(d[:2]), month % 20, int(d[4:6])):
        return False
    return (10 - _weighted(d, (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)) % 10) % 10 == int(d[10])


def cz_birth_number_valid(number: str) -> bool:
    """Czech/Slovak rodné číslo: YYMMDD/XXX(X); 10-digit forms divisible by 11 (month +50/+20/+70)."""
    d = digits_of(number)
    if len(d) not in (9, 10) or len(compact(number)) != len(d):
        return False
    year, month, day = int(d[:2]), int(d[2:4]), int(d[4:6])
    for offset in (0, 50, 20, 70):
        if 1 <= month - offset <= 12:
            month -= offset
            break
    else:
        return False
    if len(d) == 9:
        return year < 54 and _date_ok(1900 + year, month, day)
    year += 1900 if year >= 54 else 2000
    if not _date_ok(year, month, day % 50 if day > 50 else day):
        return False
    rest = int(d[:9]) % 11
    return int(d) % 11 == 0 or (rest == 10 and d[9] == "0")


def bsn_valid(number: str) -> bool:
    """Dutch BSN: 9 digits, "elfproef" (weights 9..2 and -1, sum divisible by 11)."""
    d = digits_of(number)
    if len(d) == 8:
        d = "0" + d
    if len(d) != 9 or int(d) == 0:
        return False
    return (_weighted(d[:8], range(9, 1, -1)) - int(d[8])) % 11 == 0


def cpf_valid(number: str) -> bool:
    """Brazilian CPF: 11 digits, two mod-11 check digits, not all one digit."""
    d = digits_of(number)
    if len(d) != 11 or len(set(d)) == 1:
        return False
    first = _weighted(d[:9], range(10, 1, -1)) * 10 % 11 % 10
    second = _weighted(d[:10], range(11, 1, -1)) * 10 % 11 % 10
    return d[9:] == f"{first}{second}"


def se_personnummer_valid(number: str) -> bool:
    """Swedish personnummer or samordningsnummer: (YY)YYMMDD-NNNC, Luhn over the last 10 digits."""
    d = digits_of(number)
    if len(d) == 12:
        year, d = int(d[:4]), d[2:]
    elif len(d) == 10:
        year = 1900 + int(d[:2])
    else:
        return False
    day = int(d[4:6])
    day = day - 60 if day > 60 else day
    return _date_ok(year if year > 1800 else 2000, int(d[2:4]), day) and luhn_valid(d)


def dk_cpr_valid(number: str) -> bool:
    """Danish CPR: DDMMYY-SSSS with a valid date (the mod-11 check was dropped in 2007)."""
    d = digits_of(number)
    return len(d) == 10 and _date_ok(2000, int(d[2:4]), int(d[:2]))


def no_fnr_valid(number: str) -> bool:
    """Norwegian fødselsnummer or D-number: DDMMYY III KK, two mod-11 check digits."""
    d = digits_of(number)
    if len(d) != 11:
        return False
    day = int(d[:2])
    day = day - 40 if day > 40 else day
    if not _date_ok(2000, int(d[2:4]) % 40 if int(d[2:4]) > 40 else int(d[2:4]), day):
        return False
    k1 = 11 - _weighted(d[:9], (3, 7, 6, 1, 8, 9, 4, 5, 2)) % 11
    k2 = 11 - _weighted(d[:10], (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)) % 11
    k1, k2 = (0 if k == 11 else k for k in (k1, k2))
    return k1 < 10 and k2 < 10 and d[9:] == f"{k1}{k2}"


_HETU = re.compile(r"(\d{6})([-+A-FU-Y])(\d{3})([0-9A-Y])", re.IGNORECASE)


def fi_hetu_valid(number: str) -> bool:
    """Finnish henkilötunnus: DDMMYY, century sign, NNN, check character (mod 31)."""
    m = _HETU.fullmatch(number.strip())
    if not m:
        return False
    date, _, serial, check = m.groups()
    if not _date_ok(2000, int(date[2:4]), int(date[:2])):
        return False
    return "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(date + serial) % 31] == check.upper()


def pt_nif_valid(number: str) -> bool:
    """Portuguese NIF: 9 digits, mod-11 check digit."""
    d = digits_of(number)
    if len(d) != 9 or d[0] not in "1235689" or len(compact(number)) != 9:
        return False
    check = 11 - _weighted(d[:8], range(9, 1, -1)) % 11
    return (0 if check >= 10 else check) == int(d[8])


def iso7064_mod11_10_valid(digits: str) -> bool:
    """ISO 7064 MOD 11,10 (German Steuer-ID, Croatian OIB)."""
    product = 10
    for ch in digits[:-1]:
        total = (int(ch) + product) % 10 or 10
        product = total * 2 % 11
    return (11 - product) % 10 == int(digits[-1])


def de_idnr_valid(number: str) -> bool:
    """German Steuer-ID (IdNr): 11 digits, first not 0, ISO 7064 MOD 11,10."""
    d = digits_of(number)
    return len(d) == 11 and d[0] != "0" and len(set(d[:10])) in (8, 9) and iso7064_mod11_10_valid(d)


def hr_oib_valid(number: str) -> bool:
    """Croatian OIB: 11 digits, ISO 7064 MOD 11,10."""
    d = digits_of(number)
    return len(d) == 11 and iso7064_mod11_10_valid(d)


def hu_tax_id_valid(number: str) -> bool:
    """Hungarian adóazonosító jel: 10 digits starting with 8, weights 1..9 mod 11."""
    d = digits_of(number)
    return len(d) == 10 and d[0] == "8" and _weighted(d[:9], range(1, 10)) % 11 == int(d[9])


def hu_taj_valid(number: str) -> bool:
    """Hungarian TAJ (social insurance) number: 9 digits, weights 3-7 mod 10."""
    d = digits_of(number)
    return len(d) == 9 and _weighted(d[:8], (3, 7, 3, 7, 3, 7, 3, 7)) % 10 == int(d[8])


def hu_personal_id_valid(number: str) -> bool:
    """Hungarian személyi azonosító: 11 digits, weights 1..10 mod 11 (or 10..1 before 1997)."""
    d = digits_of(number)
    if len(d) != 11 or d[0] not in "12345678":
        return False
    return _weighted(d[:10], range(1, 11)) % 11 == int(d[10]) or _weighted(d[:10], range(10, 0, -1)) % 11 == int(d[10])


def be_national_number_valid(number: str) -> bool:
    """Belgian rijksregisternummer: YY.MM.DD-XXX.CC, CC = 97 - n mod 97 (with a 2 prefix after 2000)."""
    d = digits_of(number)
    if len(d) != 11:
        return False
    body, check = int(d[:9]), int(d[9:])
    return 97 - body % 97 == check or 97 - int("2" + d[:9]) % 97 == check


def at_svnr_valid(number: str) -> bool:
    """Austrian Sozialversicherungsnummer: NNNC DDMMYY, weights 3-7-9-0-5-8-4-2-1-6 mod 11."""
    d = digits_of(number)
    if len(d) != 10 or d[0] == "0":
        return False
    return _weighted(d, (3, 7, 9, 0, 5, 8, 4, 2, 1, 6)) % 11 == int(d[3])


def ch_ahv_valid(number: str) -> bool:
    """Swiss AHV/AVS number: 756.XXXX.XXXX.XC, EAN-13 check digit."""
    d = digits_of(number)
    if len(d) != 13 or not d.startswith("756"):
        return False
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(d[:12]))
    return (10 - total % 10) % 10 == int(d[12])


def ro_cnp_valid(number: str) -> bool:
    """Romanian CNP: 13 digits, weights 279146358279 mod 11 (10 -> 1)."""
    d = digits_of(number)
    if len(d) != 13 or d[0] == "0":
        return False
    check = _weighted(d[:12], (2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9)) % 11
    return (1 if check == 10 else check) == int(d[12])


def bg_egn_valid(number: str) -> bool:
    """Bulgarian EGN: 10 digits, weights 2-4-8-5-10-9-7-3-6 mod 11 (10 -> 0)."""
    d = digits_of(number)
    if len(d) != 10:
        return False
    return _weighted(d[:9], (2, 4, 8, 5, 10, 9, 7, 3, 6)) % 11 % 10 == int(d[9])


def ee_isikukood_valid(number: str) -> bool:
    """Estonian isikukood / Lithuanian asmens kodas: 11 digits, two-stage mod-11 check."""
    d = digits_of(number)
    if len(d) != 11 or d[0] not in "123456":
        return False
    check = _weighted(d[:10], (1, 2, 3, 4, 5, 6, 7, 8, 9, 1)) % 11
    if check == 10:
        check = _weighted(d[:10], (3, 4, 5, 6, 7, 8, 9, 1, 2, 3)) % 11 % 10
    return check == int(d[10])


def tr_tckn_valid(number: str) -> bool:
    """Turkish T.C. Kimlik No: 11 digits, first not 0, two check digits."""
    d = [int(c) for c in digits_of(number)]
    if len(d) != 11 or d[0] == 0:
        return False
    tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return tenth == d[9] and sum(d[:10]) % 10 == d[10]


def gr_amka_valid(number: str) -> bool:
    """Greek AMKA: 11 digits, DDMMYY, Luhn."""
    d = digits_of(number)
    return len(d) == 11 and _date_ok(2000, int(d[2:4]), int(d[:2])) and luhn_valid(d)


def za_id_valid(number: str) -> bool:
    """South African ID: 13 digits, YYMMDD, Luhn."""
    d = digits_of(number)
    return len(d) == 13 and _date_ok(2000, int(d[2:4]), int(d[4:6])) and luhn_valid(d)


def il_id_valid(number: str) -> bool:
    """Israeli Teudat Zehut: 9 digits, Luhn."""
    d = digits_of(number)
    return len(d) == 9 and luhn_valid(d)


def cn_resident_id_valid(number: str) -> bool:
    """Chinese resident identity card number: 17 digits (YYYYMMDD inside) + ISO 7064 MOD 11-2 check."""
    c = compact(number).upper()
    if not re.fullmatch(r"\d{17}[\dX]", c) or not _date_ok(int(c[6:10]), int(c[10:12]), int(c[12:14])):
        return False
    total = sum(int(ch) * (2 ** (17 - i) % 11) for i, ch in enumerate(c[:17]))
    return "10X98765432"[total % 11] == c[17]


def is_kennitala_valid(number: str) -> bool:
    """Icelandic kennitala: DDMMYY-NNNN, weights 3-2-7-6-5-4-3-2 mod 11."""
    d = digits_of(number)
    if len(d) != 10:
        return False
    day = int(d[:2]) - 40 if int(d[:2]) > 40 else int(d[:2])
    if not _date_ok(2000, int(d[2:4]), day):
        return False
    check = (11 - _weighted(d[:8], (3, 2, 7, 6, 5, 4, 3, 2)) % 11) % 11
    return check == int(d[8])


def cl_rut_valid(number: str) -> bool:
    """Chilean RUT/RUN: digits + check character (mod 11, K for 10)."""
    c = compact(number).upper()
    if not re.fullmatch(r"\d{7,8}[\dK]", c):
        return False
    total = sum(int(ch) * (2 + i % 6) for i, ch in enumerate(reversed(c[:-1])))
    check = 11 - total % 11
    return {11: "0", 10: "K"}.get(check, str(check)) == c[-1]


def ie_pps_valid(number: str) -> bool:
    """Irish PPS number: 7 digits, a check letter (mod 23) and an optional letter."""
    c = compact(number).upper()
    m = re.fullmatch(r"(\d{7})([A-W])([A-IW]?)", c)
    if not m:
        return False
    extra = (_UPPER.index(m.group(3)) + 1) * 9 if m.group(3) and m.group(3) != "W" else 0
    total = _weighted(m.group(1), range(8, 1, -1)) + extra
    return "WABCDEFGHIJKLMNOPQRSTUV"[total % 23] == m.group(2)


def sg_nric_valid(number: str) -> bool:
    """Singapore NRIC/FIN: S/T/F/G/M + 7 digits + check letter."""
    c = compact(number).upper()
    m = re.fullmatch(r"([STFGM])(\d{7})([A-Z])", c)
    if not m:
        return False
    total = _weighted(m.group(2), (2, 7, 6, 5, 4, 3, 2)) + {"T": 4, "G": 4, "M": 3}.get(m.group(1), 0)
    table = "JZIHGFEDCBA" if m.group(1) in "ST" else ("XWUTRQPNMLK" if m.group(1) == "M" else "XWUTRQPNMLK")
    return table[total % 11] == m.group(3)


__all__ = [
    "ASCII_DIGITS",
    "CA_POSTCODE_RE",
    "CA_POSTCODE_SEARCH",
    "CF_MONTHS",
    "IBAN_FRESH",
    "NINO_BAD_PREFIXES",
    "NINO_FIRST",
    "NINO_SECOND",
    "NL_POSTCODE_RE",
    "UK_POSTCODE_RE",
    "UK_POSTCODE_SEARCH",
    "US_ZIP_RE",
    "_CF_EVEN",
    "_CF_ODD",
    "_CF_RE",
    "_IBAN_LENGTHS",
    "_IBAN_RE",
    "_NIF_LETTERS",
    "_NIF_RE",
    "_NINO_RE",
    "_NIR_RE",
    "_VERHOEFF_D",
    "_VERHOEFF_INV",
    "_VERHOEFF_P",
    "_iban_mod97",
    "aadhaar_valid",
    "aba_prefix_ok",
    "aba_valid",
    "at_svnr_valid",
    "be_national_number_valid",
    "bg_egn_valid",
    "bsn_valid",
    "ca_postcode_valid",
    "cf_check_char",
    "ch_ahv_valid",
    "cl_rut_valid",
    "cn_resident_id_valid",
    "compact",
    "cpf_valid",
    "cz_birth_number_valid",
    "de_idnr_valid",
    "digits_of",
    "dk_cpr_valid",
    "ee_isikukood_valid",
    "fi_hetu_valid",
    "gr_amka_valid",
    "hr_oib_valid",
    "hu_personal_id_valid",
    "hu_taj_valid",
    "hu_tax_id_valid",
    "iban_check_digits",
    "iban_valid",
    "ie_pps_valid",
    "il_id_valid",
    "is_kennitala_valid",
    "iso7064_mod11_10_valid",
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
    "no_fnr_valid",
    "pesel_valid",
    "pt_nif_valid",
    "ro_cnp_valid",
    "se_personnummer_valid",
    "sg_nric_valid",
    "sin_valid",
    "ssn_valid",
    "tr_tckn_valid",
    "uk_postcode_valid",
    "verhoeff_check_digit",
    "verhoeff_valid",
    "za_id_valid",
]
