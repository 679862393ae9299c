"""Free-text analysis, this checkout against another one (a git worktree of an older commit), in pairs.

    git worktree add /tmp/veil-before <commit>
    .venv/bin/python benchmarks/bench_text_ab.py --baseline-root /tmp/veil-before [--pairs 5]

Each run is a fresh process that loads one checkout's ``PiiEngine``, warms it up and times
``analyze_texts`` on the labeled set (benchmarks/pii/data/text_eval.jsonl) plus 5,000 support notes
of the speed benchmark's table, then spaCy's NER alone on the same texts. The two checkouts run in
turn (new, old, new, old ...), so a slow spell of a shared machine hits both; ratios are taken pair
by pair. Both sides read the same texts (this checkout's labeled set and table generator).
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, os, sys, time, warnings
warnings.filterwarnings("ignore")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
code_root, texts_file = sys.argv[1], sys.argv[2]
sys.path.insert(0, code_root + "/benchmarks")
sys.path.insert(0, code_root)
import bench_pii_speed as b
texts = json.load(open(texts_file))
engine = b.veil_engine()
engine.analyze_texts(texts[:200])
t0 = time.perf_counter(); engine.analyze_texts(texts); veil = time.perf_counter() - t0
nlp = b.ner_only(); list(nlp.pipe(texts[:200]))
t0 = time.perf_counter(); list(nlp.pipe(texts, batch_size=256)); ner = time.perf_counter() - t0
print(json.dumps({"veil_s": veil, "ner_s": ner}))
"""


def texts_file(notes: int) -> pathlib.Path:
    """The labeled set's texts and the first ``notes`` notes of the speed table, written once."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_pii_speed as speed

    docs = [json.loads(line) for line in speed.EVAL_SET.read_text().splitlines() if line.strip()]
    texts = [d["text"] for d in docs] + speed.make_table(notes, 0)["note"].astype(str).tolist()
    handle, name = tempfile.mkstemp(prefix="veil-text-ab-", suffix=".json")
    with os.fdopen(handle, "w") as out:
        json.dump(texts, out)
    return pathlib.Path(name)


def run(code_root: pathlib.Path, texts: pathlib.Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(code_root), str(texts)], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-root", type=pathlib.Path, required=True, help="the other checkout")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--notes", type=int, default=5000)
    args = parser.parse_args()
    texts = texts_file(args.notes)
    try:
        pairs = []
        for i in range(args.pairs):
            new, old = run(ROOT, texts), run(args.baseline_root.resolve(), texts)
            pairs.append((new, old))
            print(
                f"pair {i + 1}: this {new['veil_s']:.2f}s (NER alone {new['ner_s']:.2f}s), "
                f"baseline {old['veil_s']:.2f}s (NER alone {old['ner_s']:.2f}s)",
                file=sys.stderr,
            )
    finally:
        texts.unlink(missing_ok=True)
    summary = {
        "this_veil_s": round(statistics.median(p[0]["veil_s"] for p in pairs), 2),
        "baseline_veil_s": round(statistics.median(p[1]["veil_s"] for p in pairs), 2),
        "ratio_this_to_baseline": round(statistics.median(p[0]["veil_s"] / p[1]["veil_s"] for p in pairs), 3),
        "ratios": [round(p[0]["veil_s"] / p[1]["veil_s"], 3) for p in pairs],
        "this_over_ner": round(statistics.median(p[0]["veil_s"] / p[0]["ner_s"] for p in pairs), 3),
        "baseline_over_ner": round(statistics.median(p[1]["veil_s"] / p[1]["ner_s"] for p in pairs), 3),
    }
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
