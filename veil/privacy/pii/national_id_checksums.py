"""Check digits of the national identifiers of many countries, as recognizers read them.

Each validator takes the identifier as written (separators allowed) and checks its length,
its embedded date where it has one, and its check digits. The arithmetic shared with the
identifiers Veil also imitates (Luhn, digits and separators) lives in :mod:`.checksums`.
"""

from __future__ import annotations

import datetime
import re
import string

from veil.privacy.pii.checksums import compact, digits_of, luhn_valid

_UPPER = string.ascii_uppercase


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
    "at_svnr_valid",
    "be_national_number_valid",
    "bg_egn_valid",
    "bsn_valid",
    "ch_ahv_valid",
    "cl_rut_valid",
    "cn_resident_id_valid",
    "cpf_valid",
    "cz_birth_number_valid",
    "de_idnr_valid",
    "dk_cpr_valid",
    "ee_isikukood_valid",
    "fi_hetu_valid",
    "gr_amka_valid",
    "hr_oib_valid",
    "hu_personal_id_valid",
    "hu_taj_valid",
    "hu_tax_id_valid",
    "ie_pps_valid",
    "il_id_valid",
    "is_kennitala_valid",
    "iso7064_mod11_10_valid",
    "no_fnr_valid",
    "pesel_valid",
    "pt_nif_valid",
    "ro_cnp_valid",
    "se_personnummer_valid",
    "sg_nric_valid",
    "tr_tckn_valid",
    "za_id_valid",
]
