"""Fuzz-style checks of UploadDataset and CreateSynthesis against a real server.

Seeded random requests (field values at and past every documented limit, broken Arrow payloads,
messages out of order, bytes that are not a protobuf at all) must never be answered INTERNAL,
UNKNOWN or DEADLINE_EXCEEDED; every refusal must carry a google.rpc.Status with an ErrorInfo; a
refused request must leave nothing behind (no dataset, no synthesis, no privacy charge, no file);
and the server must stay healthy throughout. Problems are collected and reported together, one
entry per case with the server's error log lines of that case, so one run shows every problem.

The cases are deterministic: the same SEED gives the same requests, and a failure names the case
by its index.
"""

from __future__ import annotations

import decimal
import logging
import math
import random
import string
from collections import Counter
from dataclasses import dataclass, field

import grpc
import numpy as np
import pyarrow as pa
import pytest
from google.longrunning import operations_pb2
from google.rpc import code_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc

from tests.integration.conftest import TOKEN_A, make_config
from tests.integration.helpers import error_details, status_details
from veil.service.arrow_io import encode_ipc
from veil.service.client import VeilClient
from veil.service.demo_data import make_demo_table
from veil.service.server import VeilServer
from veil.v1 import veil_pb2 as pb

SEED = 20261201
UPLOAD_CASES = 120
SYNTHESIS_CASES = 60
CHECK_EVERY = 20
"""Cases between two health checks."""
FULL_RUNS = 8
"""Accepted syntheses allowed to run to the end (cheap models, few rows); the others are cancelled."""
RPC_TIMEOUT_S = 120.0
OP_TIMEOUT_S = 90.0
"""How long an accepted synthesis may take to end once it runs (or once it is cancelled)."""

NEVER = {grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN, grpc.StatusCode.DEADLINE_EXCEEDED}
REFUSED = {
    grpc.StatusCode.INVALID_ARGUMENT,
    grpc.StatusCode.FAILED_PRECONDITION,
    grpc.StatusCode.ALREADY_EXISTS,
    grpc.StatusCode.NOT_FOUND,
    grpc.StatusCode.OUT_OF_RANGE,
    grpc.StatusCode.RESOURCE_EXHAUSTED,
}
VEIL_SERVICE = "veil.v1.Veil"
BASE_ID = "fuzz-base"
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1

# Columns of make_demo_table, by the kind the server infers.
MODELLED = ["carat", "cut", "color", "clarity", "depth", "table", "price", "x", "y", "z"]
OTHER_COLUMNS = ["order_id", "customer_name", "email", "phone", "address", "note"]


# ---------------------------------------------------------------- fixtures


class _ErrorLog(logging.Handler):
    """Keeps the server's ERROR lines (log_unexpected writes the traceback frames there)."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture(scope="module")
def server_log():
    handler = _ErrorLog()
    logging.getLogger().addHandler(handler)
    yield handler.lines
    logging.getLogger().removeHandler(handler)


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory, server_log):
    """A server of this module's own, so that its data dir can be inspected for leftovers."""
    root = tmp_path_factory.mktemp("fuzz")
    srv = VeilServer(make_config(root / "data", root / "keys" / "master.key")).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def fuzz_client(fuzz_server):
    with VeilClient(fuzz_server.address, TOKEN_A, timeout=RPC_TIMEOUT_S) as client:
        client.wait_ready()
        yield client


@pytest.fixture(scope="module")
def base_dataset(fuzz_client):
    """The one valid dataset: the known-good target of health checks and of every synthesis case."""
    return fuzz_client.upload(make_demo_table(300, seed=1), pb.DatasetSpec(dataset_id=BASE_ID, seed=1))


# ---------------------------------------------------------------- findings


@dataclass
class Findings:
    """Problems found so far, each with its case and the server's error log lines while it ran."""

    log: list[str]
    items: list[str] = field(default_factory=list)
    case: str = ""
    mark: int = 0
    outcomes: Counter = field(default_factory=Counter)

    def start(self, case: str) -> None:
        self.case, self.mark = case, len(self.log)

    def add(self, problem: str) -> None:
        logs = "\n".join(self.log[self.mark :])
        trace = "".join(f"\n      | {line}" for line in logs.splitlines()[:60])
        self.items.append(f"- {self.case}\n    {problem}{trace}")

    def check_refusal(self, exc: grpc.RpcError) -> None:
        """A refused call: a canonical refusal code with a google.rpc.Status carrying an ErrorInfo."""
        code, _fields, reasons = error_details(exc)
        self.outcomes[f"{code.name} {'/'.join(reasons)}"] += 1
        if code in NEVER:
            self.add(f"answered {code.name}: {exc.details()!r}")
        elif code not in REFUSED:
            self.add(f"answered {code.name} (not a refusal code): {exc.details()!r}")
        elif not reasons:
            self.add(f"refused with {code.name} but without an ErrorInfo: {exc.details()!r}")

    def assert_none(self, what: str) -> None:
        tally = ", ".join(f"{outcome}: {n}" for outcome, n in sorted(self.outcomes.items()))
        print(f"{what}: {tally}")  # shown with -s or -rP
        assert not self.items, f"{len(self.items)} problem(s) in {what} ({tally}):\n" + "\n".join(self.items)


@pytest.fixture
def findings(server_log):
    return Findings(server_log)


# ---------------------------------------------------------------- server state


def data_files(server) -> set[str]:
    """Every path under the data dir (artifacts/ and staging/), the SQLite files aside."""
    root = server.config.data_dir
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if ".sqlite3" not in p.name}


def dataset_names(client) -> list[str]:
    reply = client.veil.ListDatasets(pb.ListDatasetsRequest(page_size=1000), metadata=client.metadata, timeout=30)
    return [d.name for d in reply.datasets]


def synthesis_states(client, dataset: str) -> list[tuple[str, int]]:
    reply = client.veil.ListSyntheses(
        pb.ListSynthesesRequest(parent=dataset, page_size=1000), metadata=client.metadata, timeout=30
    )
    return [(s.name, s.state) for s in reply.syntheses]


def budget_charges(client, dataset: str) -> tuple:
    budget = client.privacy_budget(dataset)
    charges = tuple(
        (c.synthesis, c.mechanism, c.state, c.epsilon, c.delta, c.epsilon_spent, c.delta_spent) for c in budget.charges
    )
    return budget.epsilon_spent, budget.delta_spent, charges


def diff(before: set[str], after: set[str]) -> str:
    added, removed = sorted(after - before), sorted(before - after)
    return f"added {added[:5]}{'...' if len(added) > 5 else ''}, removed {removed[:5]}"


def check_healthy(findings: Findings, client, where: str) -> None:
    """Health answers SERVING for the Veil service and a known-good request still succeeds."""
    findings.start(f"health check {where}")
    try:
        reply = health_pb2_grpc.HealthStub(client.channel).Check(
            health_pb2.HealthCheckRequest(service=VEIL_SERVICE), timeout=30
        )
        if reply.status != health_pb2.HealthCheckResponse.SERVING:
            findings.add(f"health is {health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)}")
    except grpc.RpcError as exc:
        findings.add(f"health check failed: {exc.code().name} {exc.details()!r}")
    try:
        client.veil.GetDataset(
            pb.GetDatasetRequest(name=f"datasets/{BASE_ID}"), metadata=client.metadata, timeout=RPC_TIMEOUT_S
        )
    except grpc.RpcError as exc:
        findings.add(f"GetDataset of the known-good dataset failed: {exc.code().name} {exc.details()!r}")


# ---------------------------------------------------------------- random values

UNICODE = "äöüßéñçøåœ漢字数据テスト한국어абвгдеΩπ∑√€£¥©®™😀🔥👩‍💻🇫🇷\u0301\u200b\u200f\u202e\ufeff"
CONTROL = "\x00\x01\x07\x1b\t\n\r\x7f"
WORDS = ["alpha", "beta", "gamma", "delta", "red", "green", "blue", "north", "south", "x", "", "N/A", "null"]


def text(rng: random.Random, length: int, alphabet: str = string.ascii_letters + string.digits + " ") -> str:
    return "".join(rng.choice(alphabet) for _ in range(length))


def valid_id(rng: random.Random, prefix: str = "fz") -> str:
    return f"{prefix}-{text(rng, rng.randint(1, 12), string.ascii_lowercase + string.digits)}"


def wild_string(rng: random.Random) -> str:
    """A random string of a random family: empty, blank, unicode, control characters, long, very long."""
    family = rng.choice(["empty", "blank", "ascii", "unicode", "control", "long", "very long", "sql", "path"])
    return {
        "empty": lambda: "",
        "blank": lambda: " " * rng.randint(1, 5),
        "ascii": lambda: text(rng, rng.randint(1, 30), string.printable),
        "unicode": lambda: text(rng, rng.randint(1, 30), UNICODE),
        "control": lambda: text(rng, rng.randint(1, 10), CONTROL + "ab"),
        "long": lambda: text(rng, rng.randint(200, 300)),
        "very long": lambda: "z" * rng.choice([10_000, 100_000]),
        "sql": lambda: "'; DROP TABLE datasets; --",
        "path": lambda: "../" * rng.randint(1, 8) + "etc/passwd",
    }[family]()


def short(value) -> str:
    """repr of a value, cut for a readable case description."""
    shown = " ".join(repr(value).split())
    return shown if len(shown) <= 60 else f"{shown[:50]}...(len {len(value) if hasattr(value, '__len__') else '?'})"


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def with_unknown_field(message, number: int):
    """The message with an extra varint field this server does not define (as a newer client sends)."""
    message.MergeFromString(varint(number << 3) + b"\x01")
    return message


# ---------------------------------------------------------------- upload: spec fields


@dataclass
class Known:
    """What earlier cases left: ids accepted so far (reused to provoke ALREADY_EXISTS)."""

    dataset_ids: list[str] = field(default_factory=list)
    synthesis_ids: list[str] = field(default_factory=list)


def wild_dataset_id(rng: random.Random, known: Known, columns: list[str]) -> str:
    return rng.choice(
        [
            lambda: "",
            lambda: valid_id(rng),
            lambda: rng.choice(known.dataset_ids),
            lambda: "a" * 63,
            lambda: "a" * 64,
            lambda: "a" * rng.choice([1000, 100_000]),
            lambda: rng.choice(["Upper", "1abc", "a_b", "a-", "-a", "a.b", "a/b", "datasets/x", "a b"]),
            lambda: text(rng, rng.randint(1, 10), UNICODE),
            lambda: wild_string(rng),
        ]
    )()


def wild_display_name(rng: random.Random, known: Known, columns: list[str]) -> str:
    return rng.choice(
        [
            lambda: "x" * 200,
            lambda: "x" * 201,
            lambda: "é" * 200,
            lambda: "😀" * rng.choice([200, 201]),
            lambda: wild_string(rng),
        ]
    )()


def wild_holdout_fraction(rng: random.Random, known: Known, columns: list[str]) -> float:
    return rng.choice(
        [-0.5, -0.0, 0.0, 1.0, 0.9, 0.8999999, 1e-300, 5e-324, 1e300, math.nan, math.inf, -math.inf, 0.5, 0.75]
    )


def wild_seed(rng: random.Random, known: Known, columns: list[str]) -> int:
    return rng.choice([0, 1, -1, -2, INT64_MIN, INT64_MAX, INT64_MAX - 1, 2**32, rng.randint(INT64_MIN, INT64_MAX)])


def wild_column_overrides(rng: random.Random, known: Known, columns: list[str]) -> list[pb.ColumnOverride]:
    overrides = []
    for _ in range(rng.randint(1, 4)):
        column = rng.choice([rng.choice(columns or ["a"]), "no-such-column", "", text(rng, 5, UNICODE)])
        kind = rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 7, 7, 8, 42, -1, INT32_MAX])
        entity = rng.choice(["", "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "lower_case", "NOT_AN_ENTITY", "A" * 300])
        overrides.append(pb.ColumnOverride(column=column, kind=kind, pii_entity=entity))
    return overrides


def wild_privacy_policy(rng: random.Random, known: Known, columns: list[str]) -> pb.PrivacyPolicy:
    budgets = [0.0, 1.0, 10.0, 1000.0, 1000.0001, -1.0, 1e-300, math.nan, math.inf, -math.inf]
    deltas = [0.0, 1e-5, 0.5, 1.0, -1e-5, 1e-300, math.nan, math.inf]
    return pb.PrivacyPolicy(
        epsilon_budget=rng.choice(budgets),
        delta_budget=rng.choice(deltas),
        non_dp_syntheses=rng.choice([0, 1, 2, 3, 7, -1]),
    )


WILD_SPEC = {
    "dataset_id": wild_dataset_id,
    "display_name": wild_display_name,
    "holdout_fraction": wild_holdout_fraction,
    "seed": wild_seed,
    "column_overrides": wild_column_overrides,
    "privacy_policy": wild_privacy_policy,
}


def random_spec(rng: random.Random, known: Known, columns: list[str]) -> tuple[pb.DatasetSpec, str]:
    """A sane spec with 0-3 of its fields set to wild values; returns (spec, description)."""
    values: dict = {
        "dataset_id": rng.choice(["", valid_id(rng)]),
        "display_name": rng.choice(["", "fuzz", text(rng, 20)]),
        "holdout_fraction": rng.choice([0.0, 0.2, 0.3]),
        "seed": rng.randrange(INT64_MAX),
    }
    wild = rng.sample(sorted(WILD_SPEC), k=rng.choices([0, 1, 2, 3], weights=[6, 4, 2, 1])[0])
    for name in wild:
        values[name] = WILD_SPEC[name](rng, known, columns)
    shown = ", ".join(f"{name}={short(values[name])}" for name in wild) or "sane"
    return pb.DatasetSpec(**values), f"spec[{shown}]"


# ---------------------------------------------------------------- upload: Arrow tables


def with_nulls(nrng: np.random.Generator, values, arrow_type: pa.DataType, share: float = 0.1) -> pa.Array:
    mask = nrng.random(len(values)) < share
    return pa.array(values, type=arrow_type, mask=mask)


def int_column(rng: random.Random, nrng: np.random.Generator, rows: int) -> pa.Array:
    kind = rng.choice(["int64", "int32", "int8", "uint64"])
    if kind == "uint64":
        return with_nulls(nrng, nrng.integers(0, 2**64 - 1, size=rows, dtype=np.uint64), pa.uint64())
    info = np.iinfo(kind)
    low, high = rng.choice([(0, 100), (-5, 5), (int(info.min), int(info.max))])
    return with_nulls(nrng, nrng.integers(low, high, size=rows, dtype=kind, endpoint=True), pa.from_numpy_dtype(kind))


def float_column(rng: random.Random, nrng: np.random.Generator, rows: int) -> pa.Array:
    values = nrng.normal(0, rng.choice([1.0, 1e6, 1e300]), size=rows)
    specials = [math.nan, math.inf, -math.inf, -0.0, 5e-324, 1.7976931348623157e308]
    for index in nrng.choice(rows, size=min(rows, rng.randint(0, 5)), replace=False):
        values[index] = rng.choice(specials)
    arrow_type = rng.choice([pa.float64(), pa.float32()])
    with np.errstate(over="ignore"):  # float32: 1e300 becomes inf, one more special value
        values = values.astype(arrow_type.to_pandas_dtype())
    return with_nulls(nrng, values, arrow_type)


def string_column(rng: random.Random, nrng: np.random.Generator, rows: int) -> pa.Array:
    family = rng.choice(["words", "unicode", "unique", "pii"])
    make = {
        "words": lambda i: rng.choice(WORDS),
        "unicode": lambda i: text(rng, rng.randint(0, 12), UNICODE + "ab "),
        "unique": lambda i: f"k{i}-{text(rng, 6)}",
        "pii": lambda i: rng.choice(["Ann Lee", "bob@example.com", "(555) 010-1234", "12 Main St", "ok"]),
    }[family]
    return with_nulls(nrng, [make(i) for i in range(rows)], rng.choice([pa.string(), pa.large_string()]))


def bool_column(rng: random.Random, nrng: np.random.Generator, rows: int) -> pa.Array:
    return with_nulls(nrng, (nrng.random(rows) < 0.5).tolist(), pa.bool_())


def timestamp_column(rng: random.Random, nrng: np.random.Generator, rows: int) -> pa.Array:
    unit = rng.choice(["s", "ms", "us", "ns"])
    per_second = {"s": 1, "ms": 10**3, "us": 10**6, "ns": 10**9}[unit]
    low, high = rng.choice([(0, 2 * 10**9), (-62135596800, 253402300799), (-(2**33), 2**33)])
    if unit == "ns":
        low, high = max(low, -(2**62) // per_second), min(high, (2**62) // per_second)
    seconds = nrng.integers(low, high, size=rows)
    arrow_type = pa.timestamp(unit, tz=rng.choice([None, "UTC", "Europe/Paris", "+05:30"]))
    return with_nulls(nrng, (seconds * per_second).tolist(), arrow_type)


def null_column(rng: random.Random, nrng: np.random.Generator, rows: int) -> pa.Array:
    return pa.nulls(rows)


def dictionary_column(rng: random.Random, nrng: np.random.Generator, rows: int) -> pa.Array:
    categories = pa.array(rng.sample(WORDS[:-3], k=rng.randint(1, 6)))
    indices = with_nulls(nrng, nrng.integers(0, len(categories), size=rows), rng.choice([pa.int8(), pa.int32()]))
    return pa.DictionaryArray.from_arrays(indices, categories)


def date_column(rng: random.Random, nrng: np.random.Generator, rows: int) -> pa.Array:
    low, high = rng.choice([(0, 20000), (-719162, 2932896)])
    return with_nulls(nrng, nrng.integers(low, high, size=rows).astype("int32"), pa.int32()).cast(pa.date32())


def decimal_column(rng: random.Random, nrng: np.random.Generator, rows: int) -> pa.Array:
    values = [decimal.Decimal(int(v)) / 100 for v in nrng.integers(-(10**9), 10**9, size=rows)]
    return with_nulls(nrng, values, pa.decimal128(12, 2))


def unsupported_column(rng: random.Random, nrng: np.random.Generator, rows: int) -> pa.Array:
    return rng.choice(
        [
            lambda: pa.array([b"\x00\xff"] * rows, pa.binary()),
            lambda: pa.array([[1, 2]] * rows, pa.list_(pa.int64())),
            lambda: pa.array([{"a": 1}] * rows),
            lambda: pa.UnionArray.from_sparse(
                pa.array([0, 1] * (rows // 2) + [0] * (rows % 2), pa.int8()),
                [pa.array(range(rows)), pa.array(["s"] * rows)],
            ),
        ]
    )()


COLUMN_MAKERS = {
    "int": int_column,
    "float": float_column,
    "string": string_column,
    "bool": bool_column,
    "timestamp": timestamp_column,
    "null": null_column,
    "dictionary": dictionary_column,
    "date": date_column,
    "decimal": decimal_column,
}


def column_name(rng: random.Random, kind: str, index: int) -> str:
    if rng.random() < 0.95:
        return f"{kind}_{index}"
    return rng.choice(["", " ", text(rng, 8, UNICODE), "a" * 300, "price", "__index_level_0__", "x.y"])


def random_table(rng: random.Random, nrng: np.random.Generator, rows: int) -> pa.Table:
    """A small table of 1-5 random columns (names may clash or be blank, which the server refuses)."""
    kinds = [rng.choice(sorted(COLUMN_MAKERS)) for _ in range(rng.randint(1, 5))]
    arrays = [COLUMN_MAKERS[kind](rng, nrng, rows) for kind in kinds]
    names = [column_name(rng, kind, i) for i, kind in enumerate(kinds)]
    return pa.Table.from_arrays(arrays, names=names)


def chunked(rng: random.Random, table: pa.Table) -> list[bytes]:
    """The table as 1-3 IPC streams of consecutive rows."""
    cuts = sorted(rng.sample(range(1, table.num_rows), k=min(rng.randint(0, 2), table.num_rows - 1)))
    bounds = [0, *cuts, table.num_rows]
    return [encode_ipc(table.slice(a, b - a)) for a, b in zip(bounds, bounds[1:])]


# ---------------------------------------------------------------- upload: payloads


def payload_valid(rng, nrng, limit):
    table = random_table(rng, nrng, rng.randint(60, 200))
    return table, chunked(rng, table), f"{table.num_rows} rows {[str(t) for t in table.schema.types]}"


def payload_truncated(rng, nrng, limit):
    table, chunks, _ = payload_valid(rng, nrng, limit)
    cut = rng.randrange(len(chunks[0]))
    return table, [chunks[0][:cut], *chunks[1:]], f"truncated at {cut}/{len(chunks[0])}"


def payload_corrupted(rng, nrng, limit):
    table, chunks, _ = payload_valid(rng, nrng, limit)
    data = bytearray(chunks[0])
    flipped = sorted(rng.sample(range(len(data)), rng.randint(1, 4)))
    for at in flipped:
        data[at] ^= 1 << rng.randrange(8)
    return table, [bytes(data), *chunks[1:]], f"bits flipped at {flipped} of {len(data)}"


def payload_garbage(rng, nrng, limit):
    size = rng.choice([1, 8, 100, 4096])
    head = rng.choice([b"", b"\xff\xff\xff\xff", b"ARROW1\x00\x00"])
    return None, [head + nrng.bytes(size)], f"{size} random bytes after {head!r}"


def payload_empty_bytes(rng, nrng, limit):
    return None, [b""], "empty bytes"


def payload_oversized(rng, nrng, limit):
    size = limit + rng.choice([1, 1000, 1 << 20])
    table, chunks, _ = payload_valid(rng, nrng, limit)
    return table, [chunks[0] + b"\x00" * (size - len(chunks[0]))], f"one chunk of {size} bytes (limit {limit})"


def payload_schema_mismatch(rng, nrng, limit):
    rows = rng.randint(60, 120)
    first = random_table(rng, nrng, rows)
    second = rng.choice(
        [
            lambda: random_table(rng, nrng, rows),
            lambda: first.rename_columns([f"{n}_renamed" for n in first.column_names]),
            lambda: first.select([0]) if first.num_columns > 1 else first.append_column("extra", pa.nulls(rows)),
            lambda: pa.table({n: pa.array(["s"] * rows) for n in first.column_names}),
        ]
    )()
    return first, [encode_ipc(first), encode_ipc(second)], f"second chunk {second.schema.types}"


def payload_duplicate_columns(rng, nrng, limit):
    table = random_table(rng, nrng, rng.randint(60, 100))
    name = table.column_names[0]
    table = table.append_column(name, table.column(0))
    return table, [encode_ipc(table)], f"column {name!r} twice"


def payload_zero_rows(rng, nrng, limit):
    table = random_table(rng, nrng, 1).slice(0, 0)
    return table, [encode_ipc(table)], "zero rows"


def payload_too_few_rows(rng, nrng, limit):
    table = random_table(rng, nrng, rng.randint(1, 49))
    return table, [encode_ipc(table)], f"{table.num_rows} rows"


def payload_long_text(rng, nrng, limit):
    rows = 60
    cell = rng.choice(["a", "é", "😀"]) * (1_000_001 + rng.randrange(1000))
    table = pa.table({"id": list(range(rows)), "t": [cell] + ["short"] * (rows - 1)})
    return table, [encode_ipc(table)], f"a cell of {len(cell)} characters"


def payload_unsupported(rng, nrng, limit):
    rows = rng.randint(60, 100)
    table = random_table(rng, nrng, rows).append_column("odd", unsupported_column(rng, nrng, rows))
    return table, [encode_ipc(table)], f"a column of type {table.schema.types[-1]}"


def payload_none(rng, nrng, limit):
    return None, [], "no data chunk"


PAYLOADS = {
    "valid": (payload_valid, 18),
    "truncated": (payload_truncated, 2),
    "corrupted": (payload_corrupted, 3),
    "garbage": (payload_garbage, 2),
    "empty bytes": (payload_empty_bytes, 1),
    "oversized": (payload_oversized, 1),
    "schema mismatch": (payload_schema_mismatch, 2),
    "duplicate columns": (payload_duplicate_columns, 1),
    "zero rows": (payload_zero_rows, 1),
    "too few rows": (payload_too_few_rows, 1),
    "long text": (payload_long_text, 1),
    "unsupported type": (payload_unsupported, 1),
    "no data": (payload_none, 1),
}


# ---------------------------------------------------------------- upload: message order


def spec_message(spec: pb.DatasetSpec) -> pb.UploadDatasetRequest:
    return pb.UploadDatasetRequest(spec=spec)


def data_messages(chunks: list[bytes]) -> list[pb.UploadDatasetRequest]:
    return [pb.UploadDatasetRequest(arrow_ipc=chunk) for chunk in chunks]


ORDERS = {
    "spec then data": (lambda spec, chunks: [spec_message(spec), *data_messages(chunks)], 24),
    "data before spec": (
        lambda spec, chunks: [*data_messages(chunks[:1]), spec_message(spec), *data_messages(chunks[1:])],
        1,
    ),
    "two specs": (lambda spec, chunks: [spec_message(spec), spec_message(spec), *data_messages(chunks)], 1),
    "spec after data": (lambda spec, chunks: [spec_message(spec), *data_messages(chunks), spec_message(spec)], 1),
    "no spec": (lambda spec, chunks: data_messages(chunks), 1),
    "empty stream": (lambda spec, chunks: [], 1),
    "empty message": (lambda spec, chunks: [spec_message(spec), pb.UploadDatasetRequest(), *data_messages(chunks)], 1),
    "unknown field in spec": (
        lambda spec, chunks: [spec_message(with_unknown_field(spec, 999)), *data_messages(chunks)],
        1,
    ),
    "unknown field in request": (
        lambda spec, chunks: [with_unknown_field(spec_message(spec), 15), *data_messages(chunks)],
        1,
    ),
}


def weighted(rng: random.Random, table: dict) -> str:
    names = sorted(table)
    return rng.choices(names, weights=[table[n][1] for n in names])[0]


# Bytes that are no UploadDatasetRequest at all: a string field with bad UTF-8, a cut message.
RAW_MESSAGES = {
    "dataset_id with invalid UTF-8": b"\x0a\x04\x0a\x02\xff\xfe",
    "display_name with invalid UTF-8": b"\x0a\x04\x12\x02\xc3\x28",
    "truncated protobuf": b"\x0a\xff\xff\xff",
    "wrong wire type": b"\x0d\x00\x00\x00\x00",
}


@dataclass
class UploadCase:
    what: str
    messages: list = field(default_factory=list)
    raw: bytes | None = None
    """Set for a case sent as raw bytes (not a message the client library could build)."""


# The first cases take every payload, every message order and every raw message once; then random.
UPLOAD_COVERAGE = [
    *(("payload", name) for name in sorted(PAYLOADS)),
    *(("order", name) for name in sorted(ORDERS)),
    *(("raw", name) for name in sorted(RAW_MESSAGES)),
]


def upload_case(rng: random.Random, nrng: np.random.Generator, index: int, known: Known, limit: int) -> UploadCase:
    family, forced = UPLOAD_COVERAGE[index] if index < len(UPLOAD_COVERAGE) else ("", "")
    if family == "raw" or (not family and rng.random() < 0.03):
        name = forced or rng.choice(sorted(RAW_MESSAGES))
        return UploadCase(f"upload #{index}: raw bytes ({name})", raw=RAW_MESSAGES[name])
    payload = forced if family == "payload" else "valid" if family else weighted(rng, PAYLOADS)
    table, chunks, shown = PAYLOADS[payload][0](rng, nrng, limit)
    spec, spec_shown = random_spec(rng, known, table.column_names if table is not None else [])
    order = forced if family == "order" else "spec then data" if family else weighted(rng, ORDERS)
    messages = ORDERS[order][0](spec, chunks)
    return UploadCase(f"upload #{index}: {spec_shown} payload={payload} ({shown}) order={order}", messages)


def send_upload(client, case: UploadCase) -> pb.Dataset:
    if case.raw is None:
        return client.veil.UploadDataset(iter(case.messages), metadata=client.metadata, timeout=RPC_TIMEOUT_S)
    raw = client.channel.stream_unary(
        "/veil.v1.Veil/UploadDataset", request_serializer=lambda b: b, response_deserializer=pb.Dataset.FromString
    )
    return raw(iter([case.raw]), metadata=client.metadata, timeout=RPC_TIMEOUT_S)


# ---------------------------------------------------------------- synthesis: config fields


def sane_config(rng: random.Random) -> dict:
    """A config the server accepts: a cheap model, few rows; now and then a DP one."""
    values = {
        "model": rng.choice([pb.MODEL_CART, pb.MODEL_GAUSSIAN_COPULA, pb.MODEL_AUTO, pb.MODEL_UNSPECIFIED]),
        "num_rows": rng.randint(1, 20),
        "seed": rng.randrange(2**32),
        "target_column": rng.choice(["", "cut", "price"]),
    }
    if rng.random() < 0.2:
        values.update(model=pb.MODEL_DP_MARGINAL, epsilon=rng.choice([0.1, 0.5, 1.0]), target_column="")
    return values


def wild_model(rng: random.Random) -> dict:
    return {"model": rng.choice([0, 1, 2, 3, 7, 7, 9, 99, -1, INT32_MAX, INT32_MIN])}


def wild_num_rows(rng: random.Random) -> dict:
    return {"num_rows": rng.choice([0, 1, -1, INT64_MIN, 10_000_000, 10_000_001, INT64_MAX])}


def wild_seed_config(rng: random.Random) -> dict:
    return {"seed": rng.choice([0, 2**32 - 1, 2**32, -1, INT64_MIN, INT64_MAX, rng.randint(INT64_MIN, -1)])}


def wild_epsilon_delta(rng: random.Random) -> dict:
    values = {"model": rng.choice([pb.MODEL_DP_MARGINAL, pb.MODEL_DP_MARGINAL, pb.MODEL_CART])}
    epsilons = [0.0, 0.01, 0.00999, 1e-300, 5e-324, -1.0, math.nan, math.inf, -math.inf, 1.0, 9.5, 100.0, 100.1, 1e300]
    values["epsilon"] = rng.choice(epsilons)
    if rng.random() < 0.6:
        values["delta"] = rng.choice([0.0, 1e-6, -1e-6, 1e-300, 0.5, 1.0, math.nan, math.inf])
    return values


def wild_epochs(rng: random.Random) -> dict:
    return {"epochs": rng.choice([0, 1, -1, 10_000, 10_001, INT32_MAX, INT32_MIN])}


def wild_target_column(rng: random.Random) -> dict:
    return {"target_column": rng.choice([*MODELLED, *OTHER_COLUMNS, "no-such-column", wild_string(rng)])}


def wild_rare_value_threshold(rng: random.Random) -> dict:
    return {"rare_value_threshold": rng.choice([0, 1, 2, 5, -1, 1_000_000, INT32_MAX, INT32_MIN])}


def wild_max_risk(rng: random.Random) -> dict:
    return {"max_risk": rng.choice([0.0, 1e-300, 0.5, 1.0, 1.0000001, -0.1, math.nan, math.inf, -math.inf])}


def wild_public_columns(rng: random.Random) -> dict:
    bounds = [None, 0.0, 1.0, -1e300, 1e300, math.nan, math.inf, -math.inf]
    columns = []
    for _ in range(rng.randint(1, 3)):
        column = pb.PublicColumn(column=rng.choice([*MODELLED, *OTHER_COLUMNS, "", "no-such-column"]))
        for bound in ("lower", "upper"):
            if (value := rng.choice(bounds)) is not None:
                setattr(column, bound, value)
        if rng.random() < 0.4:
            column.categories.extend(rng.choice([["Ideal", "Good"], [""], [wild_string(rng)], ["x"] * 1000]))
        columns.append(column)
    return {"public_columns": columns, "public_row_count": rng.choice([0, 0, 240, 1, -1, INT64_MAX])}


def wild_link_columns(rng: random.Random) -> dict:
    def side() -> list[str]:
        return rng.sample([*MODELLED, *OTHER_COLUMNS, "no-such-column", ""], k=rng.randint(0, 4))

    return {"link_columns_a": side(), "link_columns_b": side()}


def wild_text(rng: random.Random) -> dict:
    fields = {
        "llm_base_url": lambda: rng.choice(["http://127.0.0.1:9/v1", "file:///etc/passwd", "not a url", ""]),
        "llm_model": lambda: wild_string(rng),
        "judge_model": lambda: wild_string(rng),
        "allow_same_judge": lambda: rng.random() < 0.5,
        "rewrite": lambda: rng.choice(["paraphrase", "persona", "mixed", "bogus", wild_string(rng)]),
        "oversample": lambda: rng.choice([0.0, 1.0, 2.0, -1.0, math.nan, math.inf, 1e300]),
        "leakage_ngram": lambda: rng.choice([0, 1, 8, -1, INT32_MAX]),
        "embedder": lambda: rng.choice(["minilm", "openai", "tfidf", "bogus", ""]),
        "description": lambda: rng.choice([wild_string(rng), "t" * 1_000_001]),
        "canaries": lambda: rng.choice([0, 1, -1, 1_000_000, INT32_MAX]),
        "pe_iterations": lambda: rng.choice([0, 1, -1, INT32_MAX]),
        "pe_population": lambda: rng.choice([0, 1, -1, INT32_MAX]),
    }
    chosen = rng.sample(sorted(fields), k=rng.randint(1, 4))
    return {
        "text_model": rng.choice([0, 1, 2, 3, 99, -1]),
        "text": pb.TextConfig(**{name: fields[name]() for name in chosen}),
    }


WILD_CONFIG = {
    "model": wild_model,
    "num_rows": wild_num_rows,
    "seed": wild_seed_config,
    "epsilon/delta": wild_epsilon_delta,
    "epochs": wild_epochs,
    "target_column": wild_target_column,
    "rare_value_threshold": wild_rare_value_threshold,
    "max_risk": wild_max_risk,
    "public_columns": wild_public_columns,
    "link_columns": wild_link_columns,
    "text": wild_text,
}


def wild_synthesis_id(rng: random.Random, known: Known) -> str:
    return rng.choice(
        [
            lambda: valid_id(rng, "syn"),
            lambda: rng.choice(known.synthesis_ids) if known.synthesis_ids else "",
            lambda: "s" * 63,
            lambda: "s" * 64,
            lambda: rng.choice(["Bad", "1x", "a_b", "-x", "x-", "a/b"]),
            lambda: wild_string(rng),
        ]
    )()


def wild_parent(rng: random.Random, known: Known) -> str:
    return rng.choice(
        [
            "",
            "datasets/",
            "datasets/no-such-dataset",
            "datasets/UPPER",
            f"datasets/{BASE_ID}/syntheses/x",
            f"datasets/{BASE_ID}/",
            f" datasets/{BASE_ID}",
            "datasets/" + "a" * 10_000,
            "datasets/" + text(rng, 6, UNICODE),
            BASE_ID,
        ]
    )


SYNTHESIS_FAMILIES = [*sorted(WILD_CONFIG), "synthesis_id", "parent", "unknown field"]


@dataclass
class SynthesisCase:
    what: str
    request: pb.CreateSynthesisRequest
    cheap: bool
    """Whether the synthesis may run to the end if accepted (a non-DP tabular model, few rows)."""


def synthesis_case(rng: random.Random, index: int, known: Known) -> SynthesisCase:
    values = sane_config(rng)
    parent, synthesis_id = f"datasets/{BASE_ID}", rng.choice(["", valid_id(rng, "syn")])
    if index < len(SYNTHESIS_FAMILIES):  # the first cases take every family alone once; then random
        wild = [SYNTHESIS_FAMILIES[index]]
    else:
        wild = rng.sample(SYNTHESIS_FAMILIES, k=rng.choices([0, 1, 2, 3], weights=[2, 5, 2, 1])[0])
    shown = []
    for family in wild:
        if family in WILD_CONFIG:
            change = WILD_CONFIG[family](rng)
            values.update(change)
            shown += [f"{name}={short(value)}" for name, value in change.items()]
        elif family == "synthesis_id":
            synthesis_id = wild_synthesis_id(rng, known)
            shown.append(f"synthesis_id={short(synthesis_id)}")
        elif family == "parent":
            parent = wild_parent(rng, known)
            shown.append(f"parent={short(parent)}")
    config = pb.SynthesisConfig(**values)
    if "unknown field" in wild:
        config = with_unknown_field(config, rng.choice([1, 6, 99]))
        shown.append("config has an unknown field")
    base = f"model={values['model']} num_rows={values['num_rows']}" + (
        f" epsilon={values['epsilon']}" if "epsilon" in values else ""
    )
    cheap = values["model"] in (pb.MODEL_CART, pb.MODEL_GAUSSIAN_COPULA, pb.MODEL_AUTO, pb.MODEL_UNSPECIFIED)
    cheap = cheap and 0 < values["num_rows"] <= 50 and not values.get("text")
    request = pb.CreateSynthesisRequest(parent=parent, config=config, synthesis_id=synthesis_id)
    return SynthesisCase(f"synthesis #{index}: {base}; wild[{', '.join(shown) or 'none'}]", request, cheap)


def finish_operation(findings: Findings, client, op: operations_pb2.Operation, *, run: bool) -> None:
    """Let an accepted synthesis run (bounded) or cancel it; it must end done, and never INTERNAL/UNKNOWN."""
    if not run:
        client.operations.CancelOperation(
            operations_pb2.CancelOperationRequest(name=op.name), metadata=client.metadata, timeout=30
        )
    try:
        done = client.wait_operation(op.name, timeout=OP_TIMEOUT_S)
    except TimeoutError:
        findings.add(f"{op.name} not done after {OP_TIMEOUT_S:.0f}s ({'running' if run else 'cancelled'})")
        client.operations.CancelOperation(
            operations_pb2.CancelOperationRequest(name=op.name), metadata=client.metadata, timeout=30
        )
        done = client.wait_operation(op.name, timeout=OP_TIMEOUT_S)
    ending = code_pb2.Code.Name(done.error.code) if done.HasField("error") else "SUCCEEDED"
    findings.outcomes[f"accepted, {'ran' if run else 'cancelled'}: {ending}"] += 1
    if done.HasField("error"):
        code = done.error.code
        if code in (code_pb2.INTERNAL, code_pb2.UNKNOWN):
            findings.add(f"{op.name} ended {code_pb2.Code.Name(code)}: {done.error.message!r}")
        elif code != code_pb2.CANCELLED and not status_details(done.error)[1]:
            findings.add(f"{op.name} failed {code_pb2.Code.Name(code)} without an ErrorInfo: {done.error.message!r}")


# ---------------------------------------------------------------- the tests


def test_upload_dataset_fuzz(fuzz_server, fuzz_client, base_dataset, findings):
    """Random specs, Arrow payloads and message orders: never INTERNAL, and a refusal leaves nothing behind."""
    rng, nrng = random.Random(SEED), np.random.default_rng(SEED)
    known = Known(dataset_ids=[BASE_ID])
    limit = fuzz_server.config.max_chunk_bytes
    for index in range(UPLOAD_CASES):
        case = upload_case(rng, nrng, index, known, limit)
        findings.start(case.what)
        names_before, files_before = dataset_names(fuzz_client), data_files(fuzz_server)
        try:
            dataset = send_upload(fuzz_client, case)
        except grpc.RpcError as exc:
            findings.check_refusal(exc)
            names_after, files_after = dataset_names(fuzz_client), data_files(fuzz_server)
            if names_after != names_before:
                findings.add(f"refused, yet the datasets changed: {sorted(set(names_after) ^ set(names_before))}")
            if files_after != files_before:
                findings.add(f"refused, yet the data dir changed: {diff(files_before, files_after)}")
        else:
            dataset_id = dataset.name.removeprefix("datasets/")
            known.dataset_ids.append(dataset_id)
            findings.outcomes["accepted"] += 1
            names_after, files_after = dataset_names(fuzz_client), data_files(fuzz_server)
            if sorted(names_after) != sorted([*names_before, dataset.name]):
                findings.add(f"accepted as {dataset.name}, yet the listing is {len(names_after)} names")
            folder = f"artifacts/tenant-a/{dataset_id}"
            if any(not (p == folder or p.startswith(folder + "/")) for p in files_after - files_before):
                findings.add(f"accepted, but files appeared outside {folder}: {diff(files_before, files_after)}")
            if not files_before <= files_after:
                findings.add(f"accepted, but files vanished: {diff(files_before, files_after)}")
        if (index + 1) % CHECK_EVERY == 0:
            check_healthy(findings, fuzz_client, f"after upload #{index}")
    check_healthy(findings, fuzz_client, "after the last upload")
    findings.start("the data dir after every upload case")
    if leftovers := [p for p in data_files(fuzz_server) if p.startswith("staging/")]:
        findings.add(f"staging leftovers: {leftovers[:5]}")
    findings.assert_none(f"{UPLOAD_CASES} upload cases (seed {SEED})")


def test_create_synthesis_fuzz(fuzz_server, fuzz_client, base_dataset, findings):
    """Random synthesis configs, ids and parents: never INTERNAL, and a refusal creates no synthesis and no charge."""
    rng = random.Random(SEED + 1)
    known = Known(dataset_ids=[BASE_ID])
    full_runs = FULL_RUNS
    for index in range(SYNTHESIS_CASES):
        case = synthesis_case(rng, index, known)
        findings.start(case.what)
        syntheses_before = synthesis_states(fuzz_client, base_dataset.name)
        budget_before = budget_charges(fuzz_client, base_dataset.name)
        files_before = data_files(fuzz_server)
        try:
            op = fuzz_client.veil.CreateSynthesis(case.request, metadata=fuzz_client.metadata, timeout=RPC_TIMEOUT_S)
        except grpc.RpcError as exc:
            findings.check_refusal(exc)
            if synthesis_states(fuzz_client, base_dataset.name) != syntheses_before:
                findings.add("refused, yet the syntheses changed")
            if (budget_after := budget_charges(fuzz_client, base_dataset.name)) != budget_before:
                findings.add(f"refused, yet the privacy budget changed: {budget_before} -> {budget_after}")
            if (files_after := data_files(fuzz_server)) != files_before:
                findings.add(f"refused, yet the data dir changed: {diff(files_before, files_after)}")
        else:
            meta = pb.SynthesisOperationMetadata()
            op.metadata.Unpack(meta)
            known.synthesis_ids.append(meta.synthesis.rsplit("/", 1)[-1])
            run = case.cheap and full_runs > 0
            full_runs -= run
            finish_operation(findings, fuzz_client, op, run=run)
        held = [c for c in budget_charges(fuzz_client, base_dataset.name)[2] if c[2] == pb.PrivacyCharge.STATE_HELD]
        if held:
            findings.add(f"charges still held once every operation is done: {held}")
        if (index + 1) % CHECK_EVERY == 0:
            check_healthy(findings, fuzz_client, f"after synthesis #{index}")
    check_healthy(findings, fuzz_client, "after the last synthesis")
    findings.assert_none(f"{SYNTHESIS_CASES} synthesis cases (seed {SEED + 1})")


# ---------------------------------------------------------------- every other RPC

OTHER_CASES = 150


def wild_name(rng: random.Random, known: list[str]) -> str:
    """A resource name: a known one, one of the right shape for nothing, or a wild string."""
    makers = [
        lambda: rng.choice(known),
        lambda: rng.choice(known) + rng.choice(["/report", "/privacyBudget", "/", "//x", "/syntheses"]),
        lambda: f"datasets/{valid_id(rng)}",
        lambda: f"datasets/{BASE_ID}/syntheses/{valid_id(rng)}",
        lambda: f"operations/{text(rng, 32, string.hexdigits.lower())}",
        lambda: wild_string(rng),
    ]
    return rng.choices(makers, weights=[8, 2, 2, 2, 2, 4])[0]()


def other_call(rng: random.Random, client, known: list[str]):
    """One random call of an RPC besides UploadDataset and CreateSynthesis: (what, thunk)."""
    md, veil, ops = client.metadata, client.veil, client.operations
    name, size, token = wild_name(rng, known), rng.choice([0, 1, 5, -1, 1001, INT32_MAX, INT32_MIN]), ""
    if rng.random() < 0.3:
        token = rng.choice([wild_string(rng), "eyJhIjoxfQ", "0" * 40])
    sample = encode_ipc(random_table(rng, np.random.default_rng(rng.randrange(2**32)), rng.randint(1, 80)))
    calls = {
        "GetDataset": lambda: veil.GetDataset(pb.GetDatasetRequest(name=name), metadata=md),
        "ListDatasets": lambda: veil.ListDatasets(
            pb.ListDatasetsRequest(page_size=size, page_token=token), metadata=md
        ),
        "ScanPii dataset": lambda: veil.ScanPii(pb.ScanPiiRequest(dataset=name), metadata=md),
        "ScanPii inline": lambda: veil.ScanPii(
            pb.ScanPiiRequest(arrow_ipc=rng.choice([sample, sample[: len(sample) // 2], b"", b"\xff" * 64])),
            metadata=md,
        ),
        "ScanPii empty": lambda: veil.ScanPii(pb.ScanPiiRequest(), metadata=md),
        "ScrubText": lambda: list(
            veil.ScrubText(
                iter(
                    pb.ScrubTextRequest(id=wild_string(rng)[:40], text=wild_string(rng), dataset=rng.choice(["", name]))
                    for _ in range(rng.randint(0, 4))
                ),
                metadata=md,
            )
        ),
        "GetSynthesis": lambda: veil.GetSynthesis(pb.GetSynthesisRequest(name=name), metadata=md),
        "ListSyntheses": lambda: veil.ListSyntheses(
            pb.ListSynthesesRequest(parent=name, page_size=size, page_token=token), metadata=md
        ),
        "ReadSyntheticRecords": lambda: list(
            veil.ReadSyntheticRecords(
                pb.ReadSyntheticRecordsRequest(name=name, batch_rows=rng.choice([0, 1, -5, INT32_MAX])), metadata=md
            )
        ),
        "GetReport": lambda: veil.GetReport(pb.GetReportRequest(name=name, view=rng.choice([0, 1, 4, 7])), metadata=md),
        "GetPrivacyBudget": lambda: veil.GetPrivacyBudget(pb.GetPrivacyBudgetRequest(name=name), metadata=md),
        "GetOperation": lambda: ops.GetOperation(operations_pb2.GetOperationRequest(name=name), metadata=md),
        "ListOperations": lambda: ops.ListOperations(
            operations_pb2.ListOperationsRequest(
                name=rng.choice(["", "operations", name]),
                filter=rng.choice(["", "done=true"]),
                page_size=size,
                page_token=token,
            ),
            metadata=md,
        ),
        "CancelOperation": lambda: ops.CancelOperation(operations_pb2.CancelOperationRequest(name=name), metadata=md),
        "WaitOperation": lambda: ops.WaitOperation(operations_pb2.WaitOperationRequest(name=name), metadata=md),
        "DeleteOperation": lambda: ops.DeleteOperation(operations_pb2.DeleteOperationRequest(name=name), metadata=md),
    }
    what = rng.choice(sorted(calls))
    return f"{what} name={short(name)} page_size={size} page_token={short(token)}", calls[what]


def test_every_other_rpc_fuzz(fuzz_server, fuzz_client, base_dataset, findings):
    """Random names, page tokens, sizes, views and texts on every other RPC: refused or answered, never INTERNAL.

    A finished synthesis of the known-good dataset and its operation are among the names tried; whatever
    the calls (DeleteOperation included, which removes only the operation's record), its records stay.
    """
    rng = random.Random(SEED + 2)
    op = fuzz_client.wait_operation(
        fuzz_client.create_synthesis(base_dataset.name, pb.SynthesisConfig(model=pb.MODEL_CART, num_rows=50)).name
    )
    synthesis = fuzz_client.synthesis_of(op)
    known = [base_dataset.name, synthesis.name, op.name, f"{base_dataset.name}/privacyBudget"]
    for index in range(OTHER_CASES):
        what, call = other_call(rng, fuzz_client, known)
        findings.start(f"other #{index}: {what}")
        files_before = data_files(fuzz_server)
        try:
            call()
            findings.outcomes["answered"] += 1
        except grpc.RpcError as exc:
            findings.check_refusal(exc)
            if what.startswith(("Get", "List", "Read", "Scan")) and data_files(fuzz_server) != files_before:
                findings.add(f"a refused read changed the data dir: {diff(files_before, data_files(fuzz_server))}")
        if (index + 1) % CHECK_EVERY == 0:
            check_healthy(findings, fuzz_client, f"after other case {index}")
    records = fuzz_client.read_records(synthesis.name)
    if len(records) != 50:
        findings.add(f"the known synthesis has {len(records)} records after the fuzz, not 50")
    check_healthy(findings, fuzz_client, "at the end")
    findings.assert_none("other RPCs")
