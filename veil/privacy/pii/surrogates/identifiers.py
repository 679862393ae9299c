"""Surrogates of identifiers with a checksum or a fixed layout: cards, national numbers, IBAN, bank accounts."""

from __future__ import annotations

import random
import re

from veil.privacy.pii.checksums import (
    CF_MONTHS,
    IBAN_FRESH,
    NINO_BAD_PREFIXES,
    NINO_FIRST,
    NINO_SECOND,
    aba_prefix_ok,
    aba_valid,
    cf_check_char,
    digits_of,
    iban_check_digits,
    luhn_check_digit,
    nhs_check_digit,
    nif_letter,
    nir_key,
    verhoeff_check_digit,
)
from veil.privacy.pii.checksums import compact as _compact
from veil.privacy.pii.surrogates.common import UPPER, SurrogateBase, fill, fill_digits, pick, rand_digits


class IdentifierSurrogates(SurrogateBase):
    """Checksummed and fixed-layout identifiers: a mixin of :class:`SurrogateFactory`.

    Each stand-in keeps the original's layout and passes the same validator.
    """

    _country: str

    def _credit_card(self, original: str | None, rng: random.Random) -> str:
        if original is None:
            original = "4000 0000 0000 0000"
        digits = digits_of(original)
        if len(digits) < 2:
            return self._shape_like(original, rng)
        # The first digit (issuer industry) stays; for 2/3/5/6 the brand needs two.
        prefix = digits[:2] if digits[0] in "2356" and len(digits) > 12 else digits[0]
        body = prefix + rand_digits(rng, len(digits) - len(prefix) - 1)
        return fill_digits(original, body + luhn_check_digit(body))

    def _ssn(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else "000-00-0000"
        if len(_compact(template)) != 9 or len(digits_of(template)) != 9:
            return self._shape_like(template, rng)
        area = 666
        while area == 666:
            area = rng.randrange(1, 900)
        return fill(template, f"{area:03d}{rng.randrange(1, 100):02d}{rng.randrange(1, 10000):04d}")

    def _nino(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else "AA 00 00 00 A"
        compact = _compact(template).upper()
        if not re.fullmatch(r"[A-Z]{2}\d{6}[A-Z]?", compact):
            return self._shape_like(template, rng)
        prefix = "GB"
        while prefix in NINO_BAD_PREFIXES:
            prefix = pick(NINO_FIRST, rng) + pick(NINO_SECOND, rng)
        suffix = pick("ABCD", rng) if len(compact) == 9 else ""
        return fill(template, prefix + rand_digits(rng, 6) + suffix)

    def _nhs(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else "000 000 0000"
        if len(_compact(template)) != 10 or len(digits_of(template)) != 10:
            return self._shape_like(template, rng)
        while True:
            body = pick("4679", rng) + rand_digits(rng, 8)
            check = nhs_check_digit(body)
            if check is not None:
                return fill(template, body + check)

    def _sin(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else "000 000 000"
        digits = digits_of(template)
        if len(_compact(template)) != 9 or len(digits) != 9:
            return self._shape_like(template, rng)
        first = "9" if digits[0] == "9" else pick("1234567", rng)
        body = first + rand_digits(rng, 7)
        return fill(template, body + luhn_check_digit(body))

    def _nir(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else "1 00 00 00 000 000 00"
        compact = _compact(template).upper()
        m = re.fullmatch(r"([1-478])\d{4}(\d{2}|2[AB])\d{6}(\d{2})?", compact)
        if not m:
            return self._shape_like(template, rng)
        sex = m.group(1)  # one bit, kept like the gender of names
        if m.group(2) in ("2A", "2B"):
            dept = pick(("2A", "2B"), rng)
        else:
            dept = "20"
            while dept == "20":
                dept = f"{rng.randrange(1, 96):02d}"
        body = (
            sex
            + f"{rng.randrange(100):02d}"
            + f"{rng.randrange(1, 13):02d}"
            + dept
            + f"{rng.randrange(1, 991):03d}"
            + f"{rng.randrange(1, 1000):03d}"
        )
        if m.group(3) is not None:
            body += nir_key(body)
        return fill(template, body)

    def _nif(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else "00000000-A"
        compact = _compact(template).upper()
        if re.fullmatch(r"\d{8}[A-Z]", compact):
            number = rand_digits(rng, 8)
        elif re.fullmatch(r"[XYZ]\d{7}[A-Z]", compact):
            number = pick("XYZ", rng) + rand_digits(rng, 7)
        else:
            return self._shape_like(template, rng)
        return fill(template, number + nif_letter(number))

    def _fiscal_code(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else "AAAAAA00A00A000A"
        compact = _compact(template).upper()
        if len(compact) != 16 or not re.fullmatch(r"[A-Z]{6}[0-9A-Z]{9}[A-Z]", compact):
            return self._shape_like(template, rng)
        consonants = "BCDFGHLMNPRSTVZ"
        letters = "".join(pick(consonants if rng.random() < 0.8 else "AEIOU", rng) for _ in range(6))
        day = rng.randrange(1, 29)
        if compact[9:11].isdigit() and int(compact[9:11]) > 40:
            day += 40  # the code's day carries the gender; kept like the gender of names
        body = (
            letters
            + f"{rng.randrange(100):02d}"
            + pick(CF_MONTHS, rng)
            + f"{day:02d}"
            + pick("ABCDEFGHILM", rng)
            + f"{rng.randrange(1, 1000):03d}"
        )
        return fill(template, body + cf_check_char(body))

    def _aadhaar(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else "0000 0000 0000"
        if len(_compact(template)) != 12 or len(digits_of(template)) != 12:
            return self._shape_like(template, rng)
        body = str(rng.randrange(2, 10)) + rand_digits(rng, 10)
        return fill(template, body + verhoeff_check_digit(body))

    def _iban(self, original: str | None, rng: random.Random) -> str:
        template = original if original is not None else IBAN_FRESH.get(self._country, IBAN_FRESH["GB"])
        compact = _compact(template).upper()
        if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", compact):
            return self._shape_like(template, rng)
        country = compact[:2]
        bban = "".join(pick(UPPER, rng) if c.isalpha() else str(rng.randrange(10)) for c in compact[4:])
        return fill(template, country + iban_check_digits(country, bban) + bban)

    def _bank_account(self, original: str | None, rng: random.Random) -> str:
        if original is None:
            return rand_digits(rng, 10, nonzero_first=True)
        if aba_valid(original):
            while True:
                prefix = rng.randrange(1, 81)
                if aba_prefix_ok(prefix):
                    break
            n = [int(c) for c in f"{prefix:02d}" + rand_digits(rng, 6)]
            check = (10 - (3 * (n[0] + n[3] + n[6]) + 7 * (n[1] + n[4] + n[7]) + (n[2] + n[5])) % 10) % 10
            return fill_digits(original, "".join(map(str, n)) + str(check))
        return self._shape_like(original, rng)
