"""Keyed, consistent, format-preserving surrogates.

The same ``(key, entity_type, value)`` always yields the same surrogate, so a
name in a column and the same name in a note get the same stand-in. Values are
derived from HMAC-SHA256 of the normalised input; nothing here is reversible
without the key, and a surrogate is never the original value nor any value
whose fingerprint is in ``avoid``.

Properties (per :class:`SurrogateFactory`):

* **Consistent and keyed** -- the first choice for a value depends only on the
  key, the entity type and the normalised value.
* **One-to-one** -- within one factory, two different inputs of an entity type
  never share a surrogate: issued surrogates are tracked per entity type and a
  collision moves the later input on to its next candidate. Names are drawn
  uniformly from the union of the name lists of the locale's language (e.g.
  every ``en_*`` locale for ``en_US``), so first choices rarely collide and
  separate factories with the same key agree on practically every value.
* **Format-preserving** -- phones keep their shape, ``+CC`` and trunk ``0``;
  identifiers with a checksum (cards, SSN, NINO, NHS, SIN, NIR, NIF/NIE, codice
  fiscale, Aadhaar, IBAN, ABA routing numbers) get stand-ins that pass the same
  validators (the ``*_valid`` helpers re-exported here); dates keep their format and move
  by one offset per subject (see :meth:`SurrogateFactory.surrogate`).
* **Locale-aware** -- the factory's locale picks name, street and city lists;
  values that carry their own country (a UK postcode, an IBAN, a ``+CC``
  phone) keep that country's format.

Two deliberate exceptions:

* ``TITLE`` (Mr, Mrs, Dr, ...): the set of titles is tiny and a title alone
  identifies nobody, so a title may map to itself (``Mr`` -> ``Mr``); titles
  are mapped within their gender class (a keyed permutation, e.g. Mrs/Ms/Miss),
  rare or special-category titles (Sir, Lady, Rabbi, Imam, ...) fold into a
  common one. Forcing "never the original" on a one- or three-element class
  would be a fixed, learnable substitution, which hides nothing.
* Dates shifted by the consistent offset are exempt from the one-to-one
  tracking (a fixed shift is a bijection already) and, if a shifted date is
  rejected (``avoid``/``guard``), it is nudged by +-1, +-2, ... days rather than
  redrawn, to stay close to the consistent offset.
"""

from veil.privacy.pii.checksums import (
    aadhaar_valid,
    aba_valid,
    ca_postcode_valid,
    iban_valid,
    it_fiscal_code_valid,
    luhn_valid,
    nanp_valid,
    nhs_valid,
    nif_valid,
    nino_valid,
    nir_valid,
    nl_postcode_valid,
    sin_valid,
    ssn_valid,
    uk_postcode_valid,
    verhoeff_valid,
)
from veil.privacy.pii.surrogates.common import case_like
from veil.privacy.pii.surrogates.factory import SurrogateFactory
from veil.privacy.pii.surrogates.guard import SubstringGuard

__all__ = [
    "SubstringGuard",
    "SurrogateFactory",
    "case_like",
    "aadhaar_valid",
    "aba_valid",
    "ca_postcode_valid",
    "iban_valid",
    "it_fiscal_code_valid",
    "luhn_valid",
    "nanp_valid",
    "nhs_valid",
    "nif_valid",
    "nino_valid",
    "nir_valid",
    "nl_postcode_valid",
    "sin_valid",
    "ssn_valid",
    "uk_postcode_valid",
    "verhoeff_valid",
]
