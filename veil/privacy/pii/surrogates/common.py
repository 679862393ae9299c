"""Helpers every surrogate family uses: picking, digits, casing, template filling and shapes."""

from __future__ import annotations

import random
import string
import unicodedata
from collections.abc import Sequence

from faker import Faker

from veil.privacy.pii.checksums import ASCII_DIGITS

UPPER = string.ascii_uppercase


def pick(seq: Sequence[str], rng: random.Random) -> str:
    """One element of ``seq``, chosen by ``rng``."""
    return seq[int(rng.random() * len(seq))]


def fill(template: str, chars: str) -> str:
    """``chars`` poured into the alphanumeric positions of ``template``.

    Separators are kept; a lowercase letter position gets a lowercase letter.
    """
    it = iter(chars)
    out = []
    for ch in template:
        if ch.isalnum():
            new = next(it)
            out.append(new.lower() if ch.islower() else new)
        else:
            out.append(ch)
    return "".join(out)


def match_case(template: str, value: str) -> str:
    """``value`` in capitals or lower case when the whole ``template`` is; otherwise unchanged."""
    if template.isupper() and any(c.isalpha() for c in template):
        return value.upper()
    if template.islower():
        return value.lower()
    return value


def case_like(template: str, value: str) -> str:
    """Case ``value`` like one token: UPPER, lower or Capitalised."""
    if not template or not value:
        return value
    if len(template) > 1 and template.isupper():
        return value.upper()
    if template.islower():
        return value.lower()
    if template[0].isupper():
        return value[0].upper() + value[1:]
    return value


def ascii_word(text: str) -> str:
    """The lower-case ASCII letters of ``text``, accents dropped."""
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded.lower() if "a" <= c <= "z")


def rand_digits(rng: random.Random, n: int, *, nonzero_first: bool = False) -> str:
    """``n`` random digits, the first not zero when ``nonzero_first``."""
    if n <= 0:
        return ""
    first = str(rng.randrange(1, 10) if nonzero_first else rng.randrange(10))
    return first + "".join(str(rng.randrange(10)) for _ in range(n - 1))


def fill_digits(template: str, digits: str) -> str:
    """``digits`` poured into the digit positions of ``template``."""
    it = iter(digits)
    return "".join(next(it) if c in ASCII_DIGITS else c for c in template)


def provider_attr(faker: Faker, attribute: str, module: str = "") -> list[str]:
    """A list attribute of the first of the locale's providers (whose module contains ``module``) that has it."""
    for provider in faker.providers:
        if module and module not in type(provider).__module__:
            continue
        data = getattr(provider, attribute, None)
        if data and isinstance(data, (dict, list, tuple)):
            return sorted({str(v) for v in data if isinstance(v, str)})
    return []


class SurrogateBase:
    """The state and helpers that all surrogate families share.

    The families (names, contact, places, identifiers, dates) are mixins of
    :class:`~veil.privacy.pii.surrogates.factory.SurrogateFactory`, which sets
    the attributes declared here and on each family.
    """

    _key: bytes
    _faker: Faker
    _fakers: dict[str, Faker]

    def _seeded_faker(self, rng: random.Random, locale: str | None = None) -> Faker:
        fake = self._faker_for(locale) if locale else self._faker
        fake.seed_instance(rng.getrandbits(64))
        return fake

    def _faker_for(self, locale: str) -> Faker:
        fake = self._fakers.get(locale)
        if fake is None:
            fake = self._fakers[locale] = Faker(locale)
        return fake

    def _shape_like(self, original: str, rng: random.Random, *, nonzero_first: bool = False) -> str:
        """Random letters and digits in the places of ``original``'s, same case; other characters kept."""
        out = []
        first_digit = nonzero_first
        for ch in original:
            if ch in ASCII_DIGITS:
                out.append(str(rng.randrange(1, 10) if first_digit and ch != "0" else rng.randrange(10)))
                first_digit = False
            elif ch.isalpha():
                letter = pick(UPPER, rng)
                out.append(letter if ch.isupper() else letter.lower())
            else:
                out.append(ch)
        return "".join(out)
