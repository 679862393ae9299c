"""Generators for columns that are never modelled: ``id`` and ``pii:<ENTITY>``.

Identifiers get fresh sequential values in the input's format that cannot equal
an input id (integers continue after the input maximum; string ids get a prefix
no input id starts with; UUIDs are fresh random UUIDs). PII columns get fresh
Faker values of the entity type, seeded per column, drawn without looking at the
input; for identifying entities, any value that happens to equal an input value
is redrawn (input values are kept only as keyed 64-bit hashes for that check).
"""

from __future__ import annotations

import secrets
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

_UUID_RE = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
_TRAILING_DIGITS_RE = r"(\d+)$"

PII_POOL_THRESHOLD = 50_000
"""Above this many rows a PII column is drawn from a seeded pool of this many Faker values."""

_MAX_REDRAWS = 20


def column_seed(seed: int, column: str, salt: str = "") -> int:
    """A per-column seed derived from the job seed (stable across runs and platforms)."""
    ss = np.random.SeedSequence([int(seed), zlib.crc32(f"{salt}:{column}".encode())])
    return int(ss.generate_state(1, dtype=np.uint32)[0])


# --- identifiers -------------------------------------------------------------------


@dataclass
class IdSpec:
    """How to regenerate an id column (learnt at fit time; no input values kept)."""

    style: str  # "int" | "uuid" | "prefixed"
    start: int = 1
    prefix: str = "SYN-"
    width: int = 6

    def to_dict(self) -> dict[str, Any]:
        return {"style": self.style, "start": self.start, "prefix": self.prefix, "width": self.width}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "IdSpec":
        return cls(
            style=str(data["style"]), start=int(data["start"]), prefix=str(data["prefix"]), width=int(data["width"])
        )


def learn_id_spec(values: pd.Series) -> IdSpec:
    """Learn the format of an id column."""
    non_null = values.dropna()
    if pd.api.types.is_integer_dtype(values.dtype) or (
        pd.api.types.is_float_dtype(values.dtype) and len(non_null) and bool((non_null % 1 == 0).all())
    ):
        start = int(non_null.max()) + 1 if len(non_null) else 1
        return IdSpec(style="int", start=max(start, 1))
    strings = non_null.astype(str)
    if len(strings) and bool(strings.str.match(_UUID_RE).all()):
        return IdSpec(style="uuid")
    digits = strings.str.extract(_TRAILING_DIGITS_RE, expand=False).dropna()
    width = max(6, int(digits.str.len().max()) if len(digits) else 0)
    prefix, k = "SYN-", 0
    while len(strings) and bool(strings.str.startswith(prefix).any()):
        prefix = f"SYN{k}-"
        k += 1
    return IdSpec(style="prefixed", prefix=prefix, width=width)


def generate_ids(spec: IdSpec, num_rows: int, *, seed: int) -> pd.Series:
    """Fresh ids (``int64`` for integer ids, strings otherwise)."""
    if spec.style == "int":
        return pd.Series(np.arange(spec.start, spec.start + num_rows, dtype=np.int64))
    if spec.style == "uuid":
        rng = np.random.default_rng(seed)
        raw = rng.integers(0, 256, size=(num_rows, 16), dtype=np.uint8)
        return pd.Series([str(uuid.UUID(bytes=row.tobytes(), version=4)) for row in raw], dtype=object)
    return pd.Series([f"{spec.prefix}{i:0{spec.width}d}" for i in range(1, num_rows + 1)], dtype=object)


# --- PII -----------------------------------------------------------------------------

FakerFn = Callable[[Any], str]

ENTITY_GENERATORS: dict[str, FakerFn] = {
    "PERSON": lambda f: f.name(),
    "EMAIL_ADDRESS": lambda f: f.email(),
    "PHONE_NUMBER": lambda f: f.phone_number(),
    "LOCATION": lambda f: f.city(),
    "ADDRESS": lambda f: f.address().replace("\n", ", "),
    "STREET_ADDRESS": lambda f: f.street_address(),
    "US_SSN": lambda f: f.ssn(),
    "US_ITIN": lambda f: f.itin(),
    "US_PASSPORT": lambda f: f.passport_number(),
    "US_DRIVER_LICENSE": lambda f: f.bothify("?#######").upper(),
    "US_BANK_NUMBER": lambda f: f.numerify("#" * 10),
    "CREDIT_CARD": lambda f: f.credit_card_number(),
    "IBAN_CODE": lambda f: f.iban(),
    "IP_ADDRESS": lambda f: f.ipv4(),
    "URL": lambda f: f.url(),
    "DATE_TIME": lambda f: f.date(),
    "NRP": lambda f: f.country(),
    "ORGANIZATION": lambda f: f.company(),
    "MEDICAL_LICENSE": lambda f: f.bothify("??#######").upper(),
    "CRYPTO": lambda f: "bc1q" + f.hexify("^" * 38),
    "AGE": lambda f: str(f.random_int(18, 90)),
    "USERNAME": lambda f: f.user_name(),
}
"""Entity -> Faker recipe. Unknown entities get an opaque ``XX0000000``-style code."""

LOW_ENTROPY_ENTITIES: frozenset[str] = frozenset({"LOCATION", "NRP", "AGE", "DATE_TIME"})
"""Entities whose value space is tiny: equality with an input value is expected and not redrawn."""


def _fallback(f: Any) -> str:
    return f.bothify("??#######").upper()


def entity_generator(entity: str) -> FakerFn:
    """The Faker recipe for ``entity`` (or the opaque-code fallback)."""
    return ENTITY_GENERATORS.get(entity, _fallback)


@dataclass
class PiiSpec:
    """How to regenerate a pii column: entity, null share and keyed hashes of input values."""

    entity: str
    null_share: float = 0.0
    hash_key: str = ""
    input_hashes: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.uint64))
    # Most common digit layout of the input ("(###) ###-####"): a format, not a value.
    shape: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-able summary (hashes excluded: they live only in the pickled model)."""
        return {"entity": self.entity, "null_share": self.null_share, "shape": self.shape}


def _hash(values: pd.Series, key: str) -> np.ndarray:
    return pd.util.hash_pandas_object(values.astype(str), index=False, hash_key=key).to_numpy(dtype=np.uint64)


def learn_pii_spec(entity: str, values: pd.Series) -> PiiSpec:
    """Learn a pii column's null share and the hashes needed to avoid replaying input values."""
    nulls = values.isna()
    key = secrets.token_hex(8)  # 16 chars, as hash_pandas_object requires
    hashes = np.unique(_hash(values[~nulls], key)) if entity not in LOW_ENTROPY_ENTITIES else np.empty(0, np.uint64)
    return PiiSpec(
        entity=entity,
        null_share=float(nulls.mean()) if len(values) else 0.0,
        hash_key=key,
        input_hashes=hashes,
        shape=_digit_shape(values[~nulls]),
    )


def _digit_shape(values: pd.Series) -> str:
    """The most common layout of digit-only-with-separators values, or "" when they are not such."""
    sample = values.astype(str).head(2000)
    if sample.empty:
        return ""
    shapes = sample.str.replace(r"\d", "#", regex=True)
    shapes = shapes[shapes.str.fullmatch(r"[#\s().+\-/]+") & shapes.str.contains("#")]
    if len(shapes) < 0.8 * len(sample):
        return ""
    return str(shapes.value_counts().index[0])


def _provider(fake: Any, kind: str) -> Any:
    return next(p for p in fake.providers if f".{kind}." in type(p).__module__ + ".")


def _weighted(rng: np.random.Generator, table: Any, n: int) -> np.ndarray:
    """Draw n entries of a Faker name table (an OrderedDict of weights, or a plain sequence)."""
    if hasattr(table, "values"):
        names = np.asarray(list(table.keys()), dtype=object)
        weights = np.asarray(list(table.values()), dtype=float)
        return names[rng.choice(len(names), size=n, p=weights / weights.sum())]
    names = np.asarray(list(table), dtype=object)
    return names[rng.integers(0, len(names), size=n)]


def _fast_people(fake: Any, rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    person = _provider(fake, "person")
    return _weighted(rng, person.first_names, n), _weighted(rng, person.last_names, n)


def _digits(rng: np.random.Generator, shape: str, n: int) -> np.ndarray:
    """Strings of the given shape, each '#' a random digit (the first one never 0)."""
    slots = shape.count("#")
    digits = rng.integers(0, 10, size=(n, slots)).astype(str)
    if slots:
        digits[:, 0] = rng.integers(2, 10, size=n).astype(str)
    parts = shape.split("#")
    out = np.empty(n, dtype=object)
    for i in range(n):
        row = digits[i]
        out[i] = parts[0] + "".join(row[k] + parts[k + 1] for k in range(slots))
    return out


def _fast_generate(entity: str, fake: Any, rng: np.random.Generator, n: int, shape: str) -> np.ndarray | None:
    """Vectorised recipes for the common entities, built from Faker's own word lists.

    One Faker call per value costs ~60 us; these draw whole columns at once.
    Returns None for entities without a fast recipe.
    """
    if entity == "PERSON":
        first, last = _fast_people(fake, rng, n)
        return np.asarray([f"{a} {b}" for a, b in zip(first, last)], dtype=object)
    if entity == "EMAIL_ADDRESS":
        first, last = _fast_people(fake, rng, n)
        domains = np.asarray(_provider(fake, "internet").free_email_domains, dtype=object)
        picks = domains[rng.integers(0, len(domains), size=n)]
        numbers = rng.integers(0, 1000, size=n)
        return np.asarray([f"{a}.{b}{k}@{d}".lower() for a, b, k, d in zip(first, last, numbers, picks)], dtype=object)
    if entity in ("PHONE_NUMBER", "US_SSN", "US_BANK_NUMBER", "US_ITIN") and shape:
        return _digits(rng, shape, n)
    if entity in ("ADDRESS", "STREET_ADDRESS"):
        pool = max(50, min(500, n // 4))
        streets = np.asarray([fake.street_name() for _ in range(pool)], dtype=object)
        cities = np.asarray([fake.city() for _ in range(pool)], dtype=object)
        states = np.asarray(_provider(fake, "address").states_abbr, dtype=object)
        numbers = rng.integers(1, 99999, size=n)
        s_pick = streets[rng.integers(0, pool, size=n)]
        if entity == "STREET_ADDRESS":
            return np.asarray([f"{k} {st}" for k, st in zip(numbers, s_pick)], dtype=object)
        c_pick = cities[rng.integers(0, pool, size=n)]
        st_pick = states[rng.integers(0, len(states), size=n)]
        zips = rng.integers(1001, 99950, size=n)
        return np.asarray(
            [f"{k} {st}, {c}, {a} {z:05d}" for k, st, c, a, z in zip(numbers, s_pick, c_pick, st_pick, zips)],
            dtype=object,
        )
    return None


def generate_pii(spec: PiiSpec, num_rows: int, *, seed: int, locale: str = "en_US") -> pd.Series:
    """Fresh, seeded values for a pii column (object dtype, ``None`` for nulls)."""
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(seed)
    rng = np.random.default_rng(seed)
    gen = entity_generator(spec.entity)
    null_mask = rng.random(num_rows) < spec.null_share
    n = int((~null_mask).sum())
    values = _fast_generate(spec.entity, fake, rng, n, spec.shape)
    if values is not None:
        values = _replace_input_values(
            values, spec, fake, gen, redraw=lambda k: _fast_generate(spec.entity, fake, rng, k, spec.shape)
        )
    elif n > PII_POOL_THRESHOLD:
        pool = np.asarray([gen(fake) for _ in range(PII_POOL_THRESHOLD)], dtype=object)
        pool = _replace_input_values(pool, spec, fake, gen)
        values = pool[rng.integers(0, len(pool), size=n)]
    else:
        values = np.asarray([gen(fake) for _ in range(n)], dtype=object)
        values = _replace_input_values(values, spec, fake, gen)
    out = np.full(num_rows, None, dtype=object)
    out[~null_mask] = values
    return pd.Series(out, dtype=object)


def _replace_input_values(
    values: np.ndarray, spec: PiiSpec, fake: Any, gen: FakerFn, redraw: Callable[[int], np.ndarray] | None = None
) -> np.ndarray:
    """Redraw every value equal to an input value (redraw(k) makes k new ones; Faker by default)."""
    if len(spec.input_hashes) == 0 or len(values) == 0:
        return values
    for attempt in range(_MAX_REDRAWS + 1):
        hit = np.isin(_hash(pd.Series(values), spec.hash_key), spec.input_hashes)
        if not hit.any():
            break
        count = int(hit.sum())
        if attempt == _MAX_REDRAWS:
            values[hit] = [_fallback(fake) for _ in range(count)]
        elif redraw is not None:
            values[hit] = redraw(count)
        else:
            values[hit] = [gen(fake) for _ in range(count)]
    return values
