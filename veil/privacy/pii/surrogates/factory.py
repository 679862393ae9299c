"""SurrogateFactory: keyed choice, one-to-one tracking and rejection of candidates, over the surrogate families."""

from __future__ import annotations

import hmac
import logging
import random
from collections.abc import Callable

from faker import Faker

from veil.privacy.errors import PrivacyInvalidArgumentError
from veil.privacy.pii.fingerprints import PiiFingerprints, canonical, normalise
from veil.privacy.pii.surrogates.common import match_case, provider_attr
from veil.privacy.pii.surrogates.contact import FREE_MAIL, NANP_LOCALES, ContactSurrogates
from veil.privacy.pii.surrogates.dates import DATE_TYPES, MDY_LOCALES, DateSurrogates
from veil.privacy.pii.surrogates.guard import SubstringGuard
from veil.privacy.pii.surrogates.identifiers import IdentifierSurrogates
from veil.privacy.pii.surrogates.names import NameSurrogates, ascii_pool, family_pools
from veil.privacy.pii.surrogates.places import PlaceSurrogates

logger = logging.getLogger(__name__)

_MAX_TRIES = 64

Generator = Callable[[str | None, random.Random], str]


class SurrogateFactory(NameSurrogates, ContactSurrogates, PlaceSurrogates, IdentifierSurrogates, DateSurrogates):
    """Makes realistic, deterministic, one-to-one stand-ins for PII values.

    Args:
        key: Secret key (per dataset); different keys give different surrogates.
        locale: Faker locale for names, addresses and so on.
        avoid: Fingerprints of raw values that must never be produced.
        guard: Optional in-memory raw values that must not occur anywhere in a
            surrogate (substring check at word starts); the engine builds one
            from the table being scrubbed and drops it afterwards.

    Raises:
        PrivacyInvalidArgumentError: Empty key, or ``locale`` is not a Faker locale.
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
        self._locale = str(locale)
        self._lang = self._locale.split("_")[0]
        self._country = self._locale.split("_")[-1].upper() if "_" in self._locale else ""
        self._avoid = avoid
        self._guard = guard
        try:
            self._faker = Faker(self._locale)
        except (AttributeError, ValueError, TypeError) as exc:
            raise PrivacyInvalidArgumentError(
                "unknown Faker locale", violations=[("locale", "not a Faker locale")]
            ) from exc
        self._fakers: dict[str, Faker] = {self._locale: self._faker}
        self._mdy = self._locale in MDY_LOCALES
        self._nanp = self._locale in NANP_LOCALES
        self._cache: dict[tuple[str, str, str | None], str] = {}
        self._issued: dict[tuple[str, str | None], dict[str, str]] = {}
        self._offsets: dict[str | None, int] = {}
        self._titles: dict[str, str] = {}
        self._names = family_pools(self._locale, self._faker)
        self._domains = provider_attr(self._faker, "free_email_domains") or ["gmail.com", "yahoo.com"]
        self._free_domains = FREE_MAIL | {d.casefold() for d in self._domains}
        # E-mail local parts, domains and URL paths are ASCII: locales whose names or
        # words do not fold to ASCII (ru, ja, zh, ...) borrow the English lists there.
        self._words = ascii_pool(provider_attr(self._faker, "word_list"), 3)
        self._ascii_firsts = ascii_pool(self._names.first, 2)
        self._ascii_lasts = ascii_pool(self._names.last, 3)
        if len(self._words) < 50 or len(self._ascii_firsts) < 100 or len(self._ascii_lasts) < 100:
            english = family_pools("en_US", self._faker if self._lang == "en" else self._faker_for("en_US"))
            if len(self._words) < 50:
                self._words = ascii_pool(provider_attr(self._faker_for("en_US"), "word_list"), 3)
            if len(self._ascii_firsts) < 100:
                self._ascii_firsts = ascii_pool(english.first, 2)
            if len(self._ascii_lasts) < 100:
                self._ascii_lasts = ascii_pool(english.last, 3)
        self._countries: frozenset[str] | None = None
        self._generators: dict[str, Generator] = {
            "PERSON": self._person,
            "TITLE": self._title,
            "EMAIL_ADDRESS": self._email,
            "PHONE_NUMBER": self._phone,
            "LOCATION": self._location,
            "ADDRESS": self._address,
            "STREET_ADDRESS": self._address,
            "POSTCODE": self._postcode,
            "POSTAL_CODE": self._postcode,
            "ZIP_CODE": self._postcode,
            "CREDIT_CARD": self._credit_card,
            "IP_ADDRESS": self._ip,
            "URL": self._url,
            "DOMAIN_NAME": self._domain,
            "ORGANIZATION": self._organization,
            "NRP": self._nrp,
            "US_SSN": self._ssn,
            "UK_NINO": self._nino,
            "UK_NHS": self._nhs,
            "CA_SIN": self._sin,
            "FR_NIR": self._nir,
            "ES_NIF": self._nif,
            "ES_NIE": self._nif,
            "IT_FISCAL_CODE": self._fiscal_code,
            "IN_AADHAAR": self._aadhaar,
            "IBAN_CODE": self._iban,
            "BANK_ACCOUNT": self._bank_account,
            "US_BANK_NUMBER": self._bank_account,
        }

    # ------------------------------------------------------------ public API
    def surrogate(self, entity_type: str, value: str, *, subject: str | None = None) -> str:
        """The surrogate of ``value`` for ``entity_type`` (deterministic within the key).

        Args:
            entity_type: Presidio-style entity type (``PERSON``, ``DATE_TIME``, ...).
            value: The raw value.
            subject: For dates (``DATE_TIME``, ``DATE_OF_BIRTH``): who the date is
                about, e.g. the raw name of the row's person. All dates of one
                subject move by the same number of days, whatever their date
                type, so intervals within a subject (age at an event, too) are
                kept; different subjects move differently. The offset is
                HMAC(key, "DATE" + normalised subject), 1..365 days either way.
                Without a subject, one offset per key is used. Ignored for
                other types.
        """
        value = str(value)
        norm = normalise(value)
        is_date = entity_type in DATE_TYPES
        subj = None
        if is_date and subject is not None:
            subj = normalise(str(subject)) or None
        cache_key = (entity_type, norm, subj)
        cached = self._cache.get(cache_key)
        if cached is not None:
            return self._restyle(cached, value)
        if entity_type == "TITLE":  # tiny, non-identifying set: may map to itself (module docstring)
            candidate = self._title(value, None)
            self._cache[cache_key] = candidate
            return self._restyle(candidate, value)
        canon_original = canonical(value)
        issued = self._issued.setdefault((entity_type, subj), {})
        spare = None
        half = _MAX_TRIES // 2
        for counter in range(_MAX_TRIES):
            rng = self._rng(b"value", entity_type, norm, counter)
            if is_date:
                candidate, shifted = self._date(value if counter < half else None, rng, subj, counter)
            else:
                candidate, shifted = self._generate(entity_type, value if counter < half else None, rng), False
            if not self._acceptable(candidate, canon_original, norm):
                continue
            key_norm = normalise(candidate)
            owner = issued.get(key_norm)
            if owner is not None and owner != norm and not shifted:
                spare = spare or candidate
                continue
            issued[key_norm] = norm
            self._cache[cache_key] = candidate
            return self._restyle(candidate, value)
        if spare is None:
            spare = self._last_resort(entity_type, norm, canon_original)
        else:
            logger.debug("no collision-free %s surrogate within %d tries", entity_type, _MAX_TRIES)
        self._cache[cache_key] = spare
        return self._restyle(spare, value)

    def fresh(self, entity_type: str, index: int) -> str:
        """A new value not derived from any input, deterministic per ``(key, entity_type, index)``."""
        for counter in range(_MAX_TRIES):
            rng = self._rng(b"fresh", entity_type, str(int(index)), counter)
            if entity_type in DATE_TYPES:
                candidate = self._date(None, rng, None, counter)[0]
            else:
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

    @staticmethod
    def _restyle(candidate: str, original: str) -> str:
        # The cache is keyed by the normalised value: "JANE ROE" reuses the
        # surrogate made for "Jane Roe", in capitals.
        return match_case(original.strip(), candidate)

    def _generate(self, entity_type: str, original: str | None, rng: random.Random) -> str:
        gen = self._generators.get(entity_type)
        if gen is not None:
            return gen(original, rng)
        if original is None:
            return self._shape_like("AAAA-0000", rng)
        return self._shape_like(original, rng)
