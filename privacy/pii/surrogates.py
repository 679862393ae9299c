"""Keyed, consistent, format-preserving surrogates.

The same ``(key, entity_type, value)`` always yields the same surrogate, so a
name in a column and the same name in a note get the same stand-in. Values are
derived from HMAC-SHA256 of the normalised input; nothing here is reversible
without the key, and a surrogate is never the original value nor any value
whose fingerprint is in ``avoid``.
"""

from __future__ import annotations

import hmac
import logging
import random
import re
import string
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from faker import Faker

from privacy.errors import PrivacyInvalidArgumentError
from privacy.leakage.replay import PiiFingerprints, canonical, normalise

logger = logging.getLogger(__name__)

_MAX_TRIES = 64
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%m/%d/%Y",
    "%m-%d-%Y",
    "%d.%m.%Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%m/%d/%Y %H:%M",
    "%m/%d/%y",
)
_WORD_RE = re.compile(r"[^\W\d_]+")


def _luhn_check_digit(digits: str) -> str:
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
    digits = [c for c in number if c.isdigit()]
    if len(digits) < 2:
        return False
    return _luhn_check_digit("".join(digits[:-1])) == digits[-1]


def _match_case(template: str, value: str) -> str:
    if template.isupper() and any(c.isalpha() for c in template):
        return value.upper()
    if template.islower():
        return value.lower()
    return value


class SubstringGuard:
    """In-memory guard: does a candidate contain one of the given raw values?

    Checks every substring that starts at a word boundary of the candidate
    against the raw values (casefolded, grouped by length). Used transiently
    while scrubbing a table so that no surrogate contains a raw value as a plain
    substring (e.g. "Michelle Harris" inside "Michelle Harrison"). Never persisted.
    """

    def __init__(self, values: Iterable[str] = ()) -> None:
        self._by_len: dict[int, set[str]] = {}
        self.update(values)

    def update(self, values: Iterable[str]) -> None:
        for value in values:
            text = str(value).strip().casefold()
            if len(text) >= 3:
                self._by_len.setdefault(len(text), set()).add(text)
        self._lengths = sorted(self._by_len)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_len.values())

    def hits(self, candidate: str) -> bool:
        if not self._by_len:
            return False
        text = candidate.casefold()
        n = len(text)
        by_len = self._by_len
        for i in range(n):
            if i and text[i - 1].isalnum():
                continue
            room = n - i
            for length in self._lengths:
                if length > room:
                    break
                if text[i : i + length] in by_len[length]:
                    return True
        return False


class SurrogateFactory:
    """Makes realistic, deterministic stand-ins for PII values.

    Args:
        key: Secret key (per dataset); different keys give different surrogates.
        locale: Faker locale for names, addresses and so on.
        avoid: Fingerprints of raw values that must never be produced.
        guard: Optional in-memory raw values that must not occur anywhere in a
            surrogate (substring check at word starts); the engine builds one
            from the table being scrubbed and drops it afterwards.
    """

    def __init__(
        self,
        key: bytes,
        *,
        locale: str = "en_US",
        avoid: PiiFingerprints | None = None,
        guard: SubstringGuard | None = None,
    ) -> None:
        if not isinstance(key, (bytes, bytearray)) or len(key) == 0:
            raise PrivacyInvalidArgumentError(
                "surrogate key must be non-empty bytes", violations=[("key", "must be non-empty bytes")]
            )
        self._key = hmac.digest(bytes(key), b"veil-pii-surrogate", "sha256")
        self._locale = locale
        self._avoid = avoid
        self._guard = guard
        try:
            self._faker = Faker(locale)
        except AttributeError as exc:
            raise PrivacyInvalidArgumentError(
                "unknown Faker locale", violations=[("locale", "not a Faker locale")]
            ) from exc
        self._cache: dict[tuple[str, str], str] = {}
        self._firsts = self._pool("first_names", "first_name")
        self._lasts = self._pool("last_names", "last_name")
        self._domains = self._pool("free_email_domains", "free_email_domain")
        offset_seed = hmac.digest(self._key, b"DATE_TIME-offset", "sha256")
        days = int.from_bytes(offset_seed[:4], "big") % 365 + 1  # 1..365
        self._date_offset = timedelta(days=days if offset_seed[4] % 2 else -days)
        self._generators: dict[str, Callable[[str | None, random.Random], str]] = {
            "PERSON": self._person,
            "EMAIL_ADDRESS": self._email,
            "PHONE_NUMBER": self._digits_like,
            "LOCATION": self._location,
            "ADDRESS": self._address,
            "STREET_ADDRESS": self._address,
            "CREDIT_CARD": self._credit_card,
            "DATE_TIME": self._date,
            "IP_ADDRESS": self._ip,
            "URL": self._url,
            "ORGANIZATION": self._organization,
            "NRP": self._nrp,
        }

    # ------------------------------------------------------------ public API
    def surrogate(self, entity_type: str, value: str) -> str:
        """The surrogate of ``value`` for ``entity_type`` (deterministic within the key)."""
        value = str(value)
        norm = normalise(value)
        cache_key = (entity_type, norm)
        cached = self._cache.get(cache_key)
        if cached is not None:
            return self._restyle(cached, value, entity_type)
        canon_original = canonical(value)
        for counter in range(_MAX_TRIES):
            rng = self._rng(b"value", entity_type, norm, counter)
            candidate = self._generate(entity_type, value if counter < _MAX_TRIES // 2 else None, rng)
            if self._acceptable(candidate, canon_original, norm):
                self._cache[cache_key] = candidate
                return self._restyle(candidate, value, entity_type)
        return self._last_resort(entity_type, norm, canon_original)

    def fresh(self, entity_type: str, index: int) -> str:
        """A new value not derived from any input, deterministic per ``(key, entity_type, index)``."""
        for counter in range(_MAX_TRIES):
            rng = self._rng(b"fresh", entity_type, str(int(index)), counter)
            candidate = self._generate(entity_type, None, rng)
            if self._acceptable(candidate, "", ""):
                return candidate
        return self._last_resort(entity_type, f"fresh:{index}", "")

    # ------------------------------------------------------------ internals
    def _rng(self, kind: bytes, entity_type: str, text: str, counter: int) -> random.Random:
        msg = b"\x1f".join([kind, entity_type.encode(), text.encode("utf-8"), str(counter).encode()])
        return random.Random(int.from_bytes(hmac.digest(self._key, msg, "sha256"), "big"))

    def _acceptable(self, candidate: str, canon_original: str, norm_original: str) -> bool:
        if not candidate:
            return False
        canon = canonical(candidate)
        if norm_original and (normalise(candidate) == norm_original or (canon and canon == canon_original)):
            return False
        if self._avoid is not None and candidate in self._avoid:
            return False
        if self._guard is not None and self._guard.hits(candidate):
            return False
        return True

    def _last_resort(self, entity_type: str, norm: str, canon_original: str) -> str:
        # Practically unreachable; keep a guaranteed-different, opaque token.
        for counter in range(1000):
            digest = hmac.digest(self._key, f"last\x1f{entity_type}\x1f{norm}\x1f{counter}".encode(), "sha256")
            candidate = "X" + digest.hex()[:12].upper()
            if self._acceptable(candidate, canon_original, norm):
                return candidate
        raise RuntimeError("could not make a surrogate")  # pragma: no cover

    def _restyle(self, candidate: str, original: str, entity_type: str) -> str:
        if entity_type in ("PERSON", "LOCATION", "ORGANIZATION", "NRP"):
            return _match_case(original.strip(), candidate)
        return candidate

    def _generate(self, entity_type: str, original: str | None, rng: random.Random) -> str:
        gen = self._generators.get(entity_type)
        if gen is not None:
            return gen(original, rng)
        if original is None:
            return self._shape_like("AAAA-0000", rng)
        return self._shape_like(original, rng)

    def _pool(self, attribute: str, method: str) -> tuple[list[str], list[float]]:
        """A (values, cumulative weights) pool read from the locale's Faker providers."""
        for provider in self._faker.providers:
            data = getattr(provider, attribute, None)
            if not data:
                continue
            if isinstance(data, dict):
                values = [str(v) for v in data]
                weights = [float(w) for w in data.values()]
            else:
                values = [str(v) for v in data]
                weights = [1.0] * len(values)
            cumulative, total = [], 0.0
            for w in weights:
                total += w
                cumulative.append(total)
            return values, cumulative
        # Locale without such a list: sample the Faker method once, deterministically.
        self._faker.seed_instance(0)
        values = sorted({str(getattr(self._faker, method)()) for _ in range(500)})
        return values, [float(i + 1) for i in range(len(values))]

    @staticmethod
    def _draw(pool: tuple[list[str], list[float]], rng: random.Random) -> str:
        return rng.choices(pool[0], cum_weights=pool[1])[0]

    def _seeded_faker(self, rng: random.Random) -> Faker:
        self._faker.seed_instance(rng.getrandbits(64))
        return self._faker

    # ---- generators (original may be None for fresh values)
    def _person(self, original: str | None, rng: random.Random) -> str:
        n_parts = len(original.split()) if original else 2
        n_parts = max(1, min(n_parts, 4))
        if n_parts == 1:
            return self._draw(self._firsts, rng)
        firsts = [self._draw(self._firsts, rng) for _ in range(n_parts - 1)]
        return " ".join([*firsts, self._draw(self._lasts, rng)])

    def _email(self, original: str | None, rng: random.Random) -> str:
        first = re.sub(r"[^a-z]", "", self._draw(self._firsts, rng).lower()) or "user"
        last = re.sub(r"[^a-z]", "", self._draw(self._lasts, rng).lower()) or "mail"
        style = rng.randrange(4)
        local = {0: f"{first}.{last}", 1: f"{first}{last}", 2: f"{first[0]}{last}", 3: f"{first}_{last}"}[style]
        if rng.random() < 0.6:
            local += str(rng.randrange(1, 100))
        return f"{local}@{self._draw(self._domains, rng)}"

    def _digits_like(self, original: str | None, rng: random.Random) -> str:
        if original is None:
            original = "(555) 555-5555"
        out = []
        first_digit = True
        for ch in original:
            if ch.isdigit():
                out.append(str(rng.randrange(1, 10) if first_digit else rng.randrange(10)))
                first_digit = False
            else:
                out.append(ch)
        return "".join(out)

    def _location(self, original: str | None, rng: random.Random) -> str:
        fake = self._seeded_faker(rng)
        if original and "," in original:
            return f"{fake.city()}, {fake.state_abbr() if self._locale == 'en_US' else fake.country()}"
        return fake.city()

    def _address(self, original: str | None, rng: random.Random) -> str:
        fake = self._seeded_faker(rng)
        parts = original.count(",") + 1 if original else 3
        street = fake.street_address()
        if parts <= 1:
            return street
        if parts == 2:
            return f"{street}, {fake.city()}"
        try:
            tail = f"{fake.state_abbr()} {fake.postcode()}"
        except AttributeError:
            tail = fake.postcode()
        return f"{street}, {fake.city()}, {tail}"

    def _credit_card(self, original: str | None, rng: random.Random) -> str:
        if original is None:
            original = "4000 0000 0000 0000"
        n_digits = sum(c.isdigit() for c in original)
        if n_digits < 2:
            return self._shape_like(original, rng)
        first = next(c for c in original if c.isdigit())
        body = first + "".join(str(rng.randrange(10)) for _ in range(n_digits - 2))
        digits = iter(body + _luhn_check_digit(body))
        return "".join(next(digits) if c.isdigit() else c for c in original)

    def _date(self, original: str | None, rng: random.Random) -> str:
        if original is None:
            base = datetime(2000, 1, 1) + timedelta(days=rng.randrange(365 * 25))
            return base.strftime("%Y-%m-%d")
        text = original.strip()
        for fmt in _DATE_FORMATS:
            try:
                parsed = datetime.strptime(text, fmt)
            except ValueError:
                continue
            try:
                shifted = parsed + self._date_offset
            except OverflowError:
                break
            out = shifted.strftime(fmt)
            return out
        return self._shape_like(original, rng)

    def _ip(self, original: str | None, rng: random.Random) -> str:
        if original and ":" in original:
            return ":".join(f"{rng.randrange(0x10000):x}" for _ in range(8))
        first = rng.choice([o for o in range(11, 224) if o not in (127, 169, 172, 192)])
        return f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"

    def _url(self, original: str | None, rng: random.Random) -> str:
        fake = self._seeded_faker(rng)
        scheme = "http" if original and original.lower().startswith("http:") else "https"
        domain = fake.domain_name()
        if original and not re.match(r"(?i)^https?://", original.strip()):
            return domain + ("/" + fake.uri_path() if "/" in original else "")
        path = fake.uri_path() if original is None or original.rstrip("/").count("/") > 2 else ""
        return f"{scheme}://{domain}/{path}"

    def _organization(self, original: str | None, rng: random.Random) -> str:
        return self._seeded_faker(rng).company()

    def _nrp(self, original: str | None, rng: random.Random) -> str:
        return self._seeded_faker(rng).country()

    def _shape_like(self, original: str, rng: random.Random) -> str:
        out = []
        for ch in original:
            if ch.isdigit():
                out.append(str(rng.randrange(10)))
            elif ch.isalpha():
                letter = rng.choice(string.ascii_uppercase)
                out.append(letter if ch.isupper() else letter.lower())
            else:
                out.append(ch)
        return "".join(out)


__all__ = ["SubstringGuard", "SurrogateFactory", "luhn_valid"]
