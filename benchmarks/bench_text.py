"""Text stand-in engines: surrogate rewriting speed, LLM path throughput and the diversity filter, in one run.

    .venv/bin/python benchmarks/bench_text.py [--part surrogate|llm|diversity|all] [--quick]
        [--rows 10000 50000] [--requests 400] [--latency-ms 50] [--concurrency 1 4 16 64]

Three parts, all offline and seeded (only the timings vary between runs):

1. surrogate -- ``create_text_synthesizer("surrogate")`` fit + sample on the
   support-ticket-like notes of ``veil.service.demo_data.make_demo_table(N)``
   (diamonds rows, Faker PII, notes naming the row's customer), with the PII
   columns as context; the synthetic context is the PII columns of a second
   demo table (another seed). Baseline, timed in the same run (B E B E ...,
   medians): pandas ``Series.sample(N, replace=True)`` of the same notes, the
   cost floor of "reuse the texts". Ratios are taken run by run.
2. llm -- ``OpenAIClient.chat_many`` against ``tests/fakes/openai_server.py``
   with a fixed simulated latency on every answer: the same paraphrase
   requests at several concurrencies (speed-up against concurrency 1 of the
   same run), then the whole ``llm_rewrite`` engine (fit + sample, TF-IDF
   embedder, oversample 2) at one concurrency with its generation counters.
   By default the fake server runs in a child process, so the client has a
   core of its own and does not share the GIL with the server's threads. The
   fake listens with a backlog of 256 (the stdlib's 5 refuses part of a burst
   of 64 connects) and sets TCP_NODELAY (``--server-nagle`` turns Nagle's
   algorithm back on, to show its cost: the handler writes headers and body
   separately, so every answer then waits about 40 ms for the client's
   delayed ACK, which would swamp the simulated latency).
3. diversity -- the diversity filter on a mode-collapsed pool: (a) the
   ``llm_rewrite`` engine with oversample x4 on the demo notes (7 note
   templates), its candidates versus its kept texts, and a random subset of
   the candidates of the same size; (b) ``select_diverse`` directly on a
   synthetic pool (candidates from a few dozen patterns, Zipf-skewed), versus
   random subsets of the same size, with MiniLM and TF-IDF embeddings.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import hashlib
import json
import math
import os
import pathlib
import platform
import statistics
import sys
import time
import warnings

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TQDM_DISABLE", "1")
warnings.filterwarnings("ignore")

ENTITIES = {"customer_name": "PERSON", "email": "EMAIL_ADDRESS", "phone": "PHONE_NUMBER", "address": "ADDRESS"}
SERVER_BACKLOG = 256


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def digest(texts) -> str:
    """Short sha256 of a list of texts (None as an empty marker): equal digests = equal outputs."""
    h = hashlib.sha256()
    for t in texts:
        h.update(b"\x00" if t is None else str(t).encode() + b"\x01")
    return h.hexdigest()[:12]


def machine_info() -> list[str]:
    model = "?"
    with contextlib.suppress(OSError):
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return [
        f"date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"machine: {os.cpu_count()} logical cores ({usable} usable), {model}; load average {load}",
        f"python {platform.python_version()} on {platform.system()} {platform.release()}",
    ]


def demo(n: int, seed: int, *, notes: bool = True):
    from veil.service.demo_data import make_demo_table

    return make_demo_table(n, seed=seed, with_notes=notes)


# ---------------------------------------------------------------------------------------------- part 1


def part_surrogate(args) -> dict:
    from veil.synthesizers.text import create_text_synthesizer

    columns = list(ENTITIES)
    rows = []
    for n in args.rows:
        t0 = time.perf_counter()
        real = demo(n, args.seed)
        synthetic_context = demo(n, args.seed + 1, notes=False)[columns]
        n = len(real)  # make_demo_table caps at the 53,940 diamonds rows
        log(f"surrogate: {n:,} demo rows x2 built in {time.perf_counter() - t0:.1f}s (not timed)")
        notes, context = real["note"], real[columns]

        def baseline(run: int) -> float:
            # one call is well under a millisecond at 10k rows: time a few and keep the per-call median
            times = []
            for k in range(args.baseline_loops):
                t = time.perf_counter()
                out = notes.sample(n, replace=True, random_state=args.seed + (run + 1) * 1000 + k)
                times.append(time.perf_counter() - t)
            assert len(out) == n
            return statistics.median(times)

        def engine_run() -> dict:
            engine = create_text_synthesizer("surrogate", seed=args.seed)
            t = time.perf_counter()
            engine.fit(notes, context=context, entities=ENTITIES)
            fit = time.perf_counter() - t
            t = time.perf_counter()
            out = engine.sample(n, context=synthetic_context)
            sample = time.perf_counter() - t
            return {"fit": fit, "sample": sample, "out": out, "generation": engine.generation}

        warm = create_text_synthesizer("surrogate", seed=args.seed)  # warm-up (imports, caches)
        warm.fit(notes.iloc[:200], context=context.iloc[:200], entities=ENTITIES)
        warm.sample(200, context=synthetic_context.iloc[:200])
        baseline(-1)

        bases, engines = [], []
        for run in range(args.repeats):
            bases.append(baseline(run))
            engines.append(engine_run())
            log(
                f"surrogate {n:,} run {run + 1}: pandas sample {bases[-1] * 1e3:.2f} ms, "
                f"surrogate fit {engines[-1]['fit']:.2f}s + sample {engines[-1]['sample']:.2f}s"
            )
        out = engines[-1]["out"]
        digests = {digest(e["out"]) for e in engines}
        own = sum(isinstance(t, str) and name in t for t, name in zip(out, synthetic_context["customer_name"]))
        resampled = notes.sample(n, replace=True, random_state=args.seed).tolist()
        own_base = sum(name in t for t, name in zip(resampled, synthetic_context["customer_name"]))
        fit = statistics.median(e["fit"] for e in engines)
        sample = statistics.median(e["sample"] for e in engines)
        base = statistics.median(bases)
        ratios = [(e["fit"] + e["sample"]) / b for e, b in zip(engines, bases)]
        ratios_sample = [e["sample"] / b for e, b in zip(engines, bases)]
        rows.append(
            {
                "rows": n,
                "repeats": args.repeats,
                "distinct_notes": int(notes.nunique()),
                "fit_s": fit,
                "sample_s": sample,
                "fit_docs_per_s": n / fit,
                "sample_docs_per_s": n / sample,
                "fit_sample_docs_per_s": n / (fit + sample),
                "baseline_s": base,
                "baseline_docs_per_s": n / base,
                "ratio_fit_sample_to_baseline": statistics.median(ratios),
                "ratio_sample_to_baseline": statistics.median(ratios_sample),
                "ratios": [round(r) for r in ratios],
                "templates": engines[-1]["generation"].get("templates"),
                "unfilled_rows": engines[-1]["generation"].get("unfilled_rows"),
                "own_name_share": own / n,
                "own_name_share_baseline": own_base / n,
                "output_digest": sorted(digests),
            }
        )
    return {"sizes": rows}


# ---------------------------------------------------------------------------------------------- fake server


def _tuned_server(backlog: int, nagle: bool):
    """A started FakeOpenAIServer with a larger listen backlog and (unless ``nagle``) TCP_NODELAY."""
    import http.server

    from tests.fakes import openai_server

    http.server.ThreadingHTTPServer.request_queue_size = backlog
    openai_server._Handler.disable_nagle_algorithm = not nagle
    return openai_server.FakeOpenAIServer().start()


def _serve(conn, backlog: int, nagle: bool) -> None:
    """Child process: run the fake OpenAI server and obey (command, *args) messages until "stop"."""
    server = _tuned_server(backlog, nagle)
    conn.send(server.base_url)
    try:
        while True:
            command, *rest = conn.recv()
            if command == "stop":
                conn.send("ok")
                break
            conn.send(_control(server, command, rest))
    finally:
        server.stop()


def _control(server, command: str, rest: list):
    if command == "latency":
        server.reset()
        server.always("slow", delay_s=rest[0])
        return "ok"
    if command == "stats":
        return {"max_in_flight": server.max_in_flight, "chat_requests": server.counts["chat"]}
    raise ValueError(command)


class FakeServer:
    """tests/fakes/openai_server.FakeOpenAIServer, in a child process (default) or in this one."""

    def __init__(self, where: str, *, nagle: bool = False) -> None:
        self.where = where
        self.nagle = nagle
        self.base_url = ""

    def __enter__(self) -> FakeServer:
        if self.where == "subprocess":
            import multiprocessing

            ctx = multiprocessing.get_context("spawn")
            self._conn, child = ctx.Pipe()
            self._proc = ctx.Process(target=_serve, args=(child, SERVER_BACKLOG, self.nagle), daemon=True)
            self._proc.start()
            if not self._conn.poll(60):
                raise RuntimeError("fake server did not start")
            self.base_url = self._conn.recv()
        else:
            self._server = _tuned_server(SERVER_BACKLOG, self.nagle)
            self.base_url = self._server.base_url
        return self

    def __call__(self, command: str, *rest):
        if self.where == "subprocess":
            self._conn.send((command, *rest))
            return self._conn.recv()
        return _control(self._server, command, list(rest))

    def __exit__(self, *exc) -> None:
        if self.where == "subprocess":
            with contextlib.suppress(OSError, EOFError):
                self._conn.send(("stop",))
                self._conn.poll(10) and self._conn.recv()
            self._proc.join(timeout=10)
            if self._proc.is_alive():
                self._proc.terminate()
                self._proc.join(timeout=5)
        else:
            self._server.stop()


def llm_client(base_url: str, concurrency: int):
    from veil.synthesizers.text.llm import LLMSettings, create_llm_client

    return create_llm_client(
        LLMSettings(base_url=base_url, model="fake-chat", concurrency=concurrency, timeout_s=60.0, max_retries=4)
    )


class RecordingEmbedder:
    """Passes fit/embed through to an embedder and keeps the last embeddings (no second embedding pass)."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.last = None

    def fit(self, texts) -> RecordingEmbedder:
        self.inner.fit(texts)
        return self

    def embed(self, texts):
        self.last = self.inner.embed(texts)
        return self.last


class StageTimer:
    """Times the LLM calls (the client's chat_many) and the diversity filter inside an engine's sample."""

    def __init__(self, client) -> None:
        self.client = client
        self.llm_s = 0.0
        self.diversity_s = 0.0
        self.calls: list[dict] = []

    def __enter__(self) -> StageTimer:
        from veil.synthesizers.text import llm_rewrite

        self._module = llm_rewrite
        self._diverse = original_diverse = llm_rewrite.diverse_subset
        original_chat = self.client.chat_many

        def chat_many(requests, **kwargs):
            t = time.perf_counter()
            try:
                return original_chat(requests, **kwargs)
            finally:
                self.llm_s += time.perf_counter() - t

        def diverse_subset(texts, *, embedder, **kwargs):
            recorder = RecordingEmbedder(embedder)
            t = time.perf_counter()
            picked = original_diverse(texts, embedder=recorder, **kwargs)
            self.diversity_s += time.perf_counter() - t
            self.calls.append({"texts": list(texts), "picked": list(picked), "embeddings": recorder.last, **kwargs})
            return picked

        self.client.chat_many = chat_many
        llm_rewrite.diverse_subset = diverse_subset
        return self

    def __exit__(self, *exc) -> None:
        self._module.diverse_subset = self._diverse
        del self.client.chat_many


def run_llm_rewrite(client, real, synthetic_context, *, seed: int, options: dict) -> dict:
    from veil.synthesizers.text import create_text_synthesizer

    columns = list(ENTITIES)
    engine = create_text_synthesizer("llm_rewrite", seed=seed, options=options, llm=client)
    t = time.perf_counter()
    engine.fit(real["note"], context=real[columns], entities=ENTITIES)
    fit = time.perf_counter() - t
    with StageTimer(client) as stages:
        t = time.perf_counter()
        out = engine.sample(len(synthetic_context), context=synthetic_context[columns])
        sample = time.perf_counter() - t
    return {
        "fit_s": fit,
        "sample_s": sample,
        "llm_s": stages.llm_s,
        "diversity_s": stages.diversity_s,
        "other_s": sample - stages.llm_s - stages.diversity_s,
        "out": out,
        "generation": dict(engine.generation),
        "usage": client.usage.to_dict(),
        "selection": stages.calls[-1] if stages.calls else None,
    }


# ---------------------------------------------------------------------------------------------- part 2


def part_llm(args) -> dict:
    from veil.synthesizers.text.llm import ChatRequest
    from veil.synthesizers.text.prompts import load_prompt

    latency = args.latency_ms / 1000.0
    prompt = load_prompt("paraphrase")
    notes = demo(args.requests, args.seed)["note"].tolist()
    requests = [ChatRequest(messages=prompt.render(text=t), seed=args.seed + i) for i, t in enumerate(notes)]
    result: dict = {
        "server": args.server,
        "nagle": args.server_nagle,
        "latency_ms": args.latency_ms,
        "requests": len(requests),
        "prompt": prompt.id,
        "levels": [],
    }
    with FakeServer(args.server, nagle=args.server_nagle) as server:
        server("latency", latency)
        llm_client(server.base_url, 4).chat_many(requests[:8])  # warm-up: imports, first connections

        answers = set()
        for c in args.concurrency:
            server("latency", latency)
            client = llm_client(server.base_url, c)
            t = time.perf_counter()
            results = client.chat_many(requests)
            wall = time.perf_counter() - t
            stats = server("stats")
            usage = client.usage.to_dict()
            answers.add(digest(r.text for r in results))
            level = {
                "concurrency": c,
                "wall_s": wall,
                "req_per_s": len(requests) / wall,
                "ideal_req_per_s": min(c, len(requests)) / latency,
                "ok": sum(r.ok for r in results),
                "max_in_flight": stats["max_in_flight"],
                "server_requests": stats["chat_requests"],
                **usage,
            }
            result["levels"].append(level)
            log(
                f"llm: concurrency {c:3d}: {level['req_per_s']:.1f} req/s ({wall:.2f}s), "
                f"max in flight {level['max_in_flight']}, failures {usage['failures']}, retries {usage['retries']}"
            )
        base = result["levels"][0]["req_per_s"]
        for level in result["levels"]:
            level["speedup"] = level["req_per_s"] / base
        result["answers_identical_across_levels"] = len(answers) == 1

        # The whole engine: fit + sample with validation (format, leakage, PII re-scan) and the diversity filter.
        options = {"embedder": "tfidf", "oversample": args.engine_oversample}
        real = demo(args.engine_rows, args.seed)
        synthetic_context = demo(args.engine_rows, args.seed + 1, notes=False)
        server("latency", latency)
        warm = llm_client(server.base_url, args.engine_concurrency)  # loads spaCy (PII re-scan), sklearn
        run_llm_rewrite(warm, real.iloc[:30], synthetic_context.iloc[:30], seed=args.seed, options=options)
        server("latency", latency)
        client = llm_client(server.base_url, args.engine_concurrency)
        run = run_llm_rewrite(client, real, synthetic_context, seed=args.seed, options=options)
        run["max_in_flight"] = server("stats")["max_in_flight"]
    gen = run["generation"]
    filled = sum(t is not None for t in run["out"])
    result["engine"] = {
        "rows": len(real),
        "concurrency": args.engine_concurrency,
        "options": options,
        "fit_s": run["fit_s"],
        "sample_s": run["sample_s"],
        "docs_per_s": len(real) / run["sample_s"],
        "fit_docs_per_s": len(real) / run["fit_s"],
        "llm_s": run["llm_s"],
        "diversity_s": run["diversity_s"],
        "other_s": run["other_s"],
        "llm_floor_s": gen.get("candidates", 0) * latency / args.engine_concurrency,
        "filled_rows": filled,
        "max_in_flight": run["max_in_flight"],
        "usage": run["usage"],
        "generation": {
            k: gen.get(k)
            for k in (
                "candidates",
                "kept",
                "selected",
                "rejected",
                "diversity_before",
                "diversity_after",
                "reused_texts",
                "unfilled_rows",
                "prompts",
            )
        },
        "output_digest": digest(run["out"]),
    }
    log(
        f"llm_rewrite: {len(real)} rows, fit {run['fit_s']:.2f}s, sample {run['sample_s']:.2f}s "
        f"(llm {run['llm_s']:.2f}s, diversity {run['diversity_s']:.2f}s)"
    )
    return result


# ---------------------------------------------------------------------------------------------- part 3

# fmt: off
PRODUCTS = ("engagement ring", "gold necklace", "silver bracelet", "pearl earrings", "diamond pendant",
            "wedding band", "wrist watch", "gift card", "jewellery box", "cleaning kit", "charm anklet",
            "sapphire brooch", "cufflinks", "tennis bracelet", "signet ring")
# fmt: on
PROBLEMS = (
    ("arrived damaged", "came with a broken clasp"),
    ("is the wrong size", "does not fit at all"),
    ("was charged twice", "shows a double payment on my card"),
    ("never arrived", "is still not delivered"),
    ("has a refund still pending", "was returned but the money is not back"),
)
OPENERS = ("Hi,", "Hello,", "Good morning,", "Dear team,", "Hey there,", "")
WHEN = ("since last week", "after two weeks", "for three days", "since Monday", "again", "")
ASKS = (
    "Please advise.",
    "Can you check?",
    "I would like this sorted.",
    "Please send an update.",
    "What are my options?",
    "Thanks for looking into it.",
    "This is urgent.",
)
FRAMES = (
    "{opener} my {product} {problem} {when}. {ask}",
    "{opener} I am writing because the {product} I ordered {problem} {when}. {ask}",
    "Order #{order}: the {product} {problem}. {ask}",
    "{ask} The {product} {problem} {when}.",
)


def collapsed_pool(n: int, patterns: int, seed: int) -> tuple[list[str], list[int]]:
    """``n`` ticket-like candidates from ``patterns`` (product, problem) patterns, Zipf-skewed (s = 1.1).

    Every pattern occurs at least once; the rest follow the skew, as an LLM
    collapsing onto a few phrasings would. Surface variation (opener, frame,
    problem wording, time, ask, order number) stays within the pattern.
    """
    import numpy as np

    pairs = [(p, q) for q in range(len(PROBLEMS)) for p in PRODUCTS][:patterns]
    if len(pairs) < patterns:
        raise SystemExit(f"at most {len(PRODUCTS) * len(PROBLEMS)} patterns")
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, patterns + 1) ** 1.1
    labels = list(range(patterns)) + list(rng.choice(patterns, size=n - patterns, p=weights / weights.sum()))
    labels = [int(x) for x in rng.permutation(labels)]
    texts = []
    for label in labels:
        product, problem = pairs[label]
        text = FRAMES[rng.integers(len(FRAMES))].format(
            opener=OPENERS[rng.integers(len(OPENERS))],
            product=product,
            problem=PROBLEMS[problem][rng.integers(2)],
            when=WHEN[rng.integers(len(WHEN))],
            ask=ASKS[rng.integers(len(ASKS))],
            order=int(rng.integers(100000, 999999)),
        )
        texts.append(" ".join(text.replace(" .", ".").split()))
    return texts, labels


def subset_measures(texts, embeddings, picked, pool_embeddings, *, seed: int, labels=None) -> dict:
    from veil.core.text import distinct_n, vendi_score
    from veil.reports.text import cluster_coverage

    sub = [texts[i] for i in picked]
    out = {
        "n": len(picked),
        "distinct_1": distinct_n(sub, 1),
        "distinct_2": distinct_n(sub, 2),
        "vendi": vendi_score(embeddings[picked]),
        "cluster_coverage": cluster_coverage(pool_embeddings, embeddings[picked], seed=seed),
    }
    if labels is not None:
        out["patterns"] = len({labels[i] for i in picked})
    return out


def random_baseline(texts, embeddings, k: int, draws: int, seed: int, labels=None) -> dict:
    """Mean and standard deviation of ``subset_measures`` over seeded random subsets of size k."""
    import numpy as np

    rng = np.random.default_rng(seed)
    runs = [
        subset_measures(
            texts,
            embeddings,
            sorted(rng.choice(len(texts), size=k, replace=False).tolist()),
            embeddings,
            seed=seed,
            labels=labels,
        )
        for _ in range(draws)
    ]
    return {key: statistics.mean(r[key] for r in runs) for key in runs[0]} | {
        key + "_sd": (statistics.stdev(r[key] for r in runs) if draws > 1 else 0.0) for key in runs[0]
    }


def part_diversity(args) -> dict:
    import numpy as np

    from veil.synthesizers.text.diversity import select_diverse
    from veil.synthesizers.text.embedders import create_embedder

    result: dict = {"engine": [], "pool": []}
    # (a) the llm_rewrite engine on the demo notes, oversampled x4
    real = demo(args.collapse_rows, args.seed)
    synthetic_context = demo(args.collapse_rows, args.seed + 1, notes=False)
    with FakeServer(args.server, nagle=args.server_nagle) as server:
        for name in args.embedders:
            server("latency", 0.0)
            client = llm_client(server.base_url, args.engine_concurrency)
            options = {"embedder": name, "oversample": args.collapse_oversample}
            run = run_llm_rewrite(client, real, synthetic_context, seed=args.seed, options=options)
            gen, call = run["generation"], run["selection"]
            texts = call["texts"]
            embeddings = call["embeddings"]  # what the filter itself embedded
            picked = call["picked"]
            everything = subset_measures(texts, embeddings, list(range(len(texts))), embeddings, seed=args.seed)
            chosen = subset_measures(texts, embeddings, picked, embeddings, seed=args.seed)
            assert math.isclose(chosen["vendi"], gen["diversity_after"]["vendi"], rel_tol=1e-6)
            rand = random_baseline(texts, embeddings, len(picked), args.random_draws, args.seed)
            result["engine"].append(
                {
                    "embedder": name,
                    "rows": len(real),
                    "oversample": args.collapse_oversample,
                    "candidates": gen["candidates"],
                    "kept": gen["kept"],
                    "selected": gen["selected"],
                    "rejected": gen["rejected"],
                    "before": gen["diversity_before"],
                    "after": gen["diversity_after"],
                    "all_check": everything,
                    "selected_check": chosen,
                    "random": rand,
                    "sample_s": run["sample_s"],
                    "output_digest": digest(run["out"]),
                }
            )
            log(
                f"diversity engine ({name}): {gen['candidates']} candidates, {gen['kept']} kept, "
                f"{gen['selected']} selected in {run['sample_s']:.1f}s"
            )

    # (b) select_diverse directly on a synthetic collapsed pool versus random subsets
    texts, labels = collapsed_pool(args.pool, args.patterns, args.seed)
    for name in args.embedders:
        embedder = create_embedder(name, seed=args.seed)
        t = time.perf_counter()
        embeddings = embedder.fit(texts).embed(texts)
        embed_s = time.perf_counter() - t
        t = time.perf_counter()
        selection = select_diverse(texts, embeddings, k=args.keep, seed=args.seed)
        select_s = time.perf_counter() - t
        pool = subset_measures(texts, embeddings, list(range(len(texts))), embeddings, seed=args.seed, labels=labels)
        chosen = subset_measures(texts, embeddings, selection.indices, embeddings, seed=args.seed, labels=labels)
        rand = random_baseline(texts, embeddings, len(selection.indices), args.random_draws, args.seed, labels=labels)
        assert math.isclose(chosen["vendi"], selection.after["vendi"], rel_tol=1e-6)
        result["pool"].append(
            {
                "embedder": name,
                "pool": len(texts),
                "patterns": args.patterns,
                "k": args.keep,
                "embed_s": embed_s,
                "select_s": select_s,
                "all": pool,
                "select_diverse": chosen,
                "random": rand,
                "indices_digest": digest(map(str, selection.indices)),
                "dims": int(np.asarray(embeddings).shape[1]),
            }
        )
        log(
            f"diversity pool ({name}): select_diverse covers {chosen['patterns']}/{args.patterns} patterns, "
            f"random {rand['patterns']:.1f}"
        )
    return result


# ---------------------------------------------------------------------------------------------- report


def fmt(x, digits: int = 3) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    return f"{x:.{digits}f}"


def markdown(res: dict) -> str:
    lines: list[str] = []
    if "surrogate" in res:
        lines += [
            "### Surrogate rewriting (fit + sample) versus pandas resampling",
            "",
            "| rows | fit docs/s | sample docs/s | fit + sample docs/s | pandas `sample(n, replace=True)` docs/s "
            "| ratio (fit + sample) / pandas | ratio sample / pandas | notes naming their row's customer, full name "
            "(surrogate / pandas) | templates | output digest |",
            "|---:|---:|---:|---:|---:|---:|---:|---|---:|---|",
        ]
        for r in res["surrogate"]["sizes"]:
            lines.append(
                f"| {r['rows']:,} | {r['fit_docs_per_s']:,.0f} | {r['sample_docs_per_s']:,.0f} | "
                f"{r['fit_sample_docs_per_s']:,.0f} | {r['baseline_docs_per_s']:,.0f} | "
                f"{r['ratio_fit_sample_to_baseline']:,.0f}x (runs {', '.join(f'{x:,}' for x in r['ratios'])}) | "
                f"{r['ratio_sample_to_baseline']:,.0f}x | "
                f"{r['own_name_share']:.1%} / {r['own_name_share_baseline']:.1%}"
                f" | {r['templates']:,} | {', '.join(r['output_digest'])} |"
            )
        lines += [
            "",
            f"Medians of {res['surrogate']['sizes'][0]['repeats']} alternating runs (pandas, surrogate, "
            "...); ratios are run by run. The pandas figure is the per-call median of "
            f"{res['surrogate'].get('baseline_loops', '?')} calls.",
            "",
        ]
    if "llm" in res:
        x = res["llm"]
        lines += [
            f"### LLM path: {x['requests']} `{x['prompt']}` requests, {x['latency_ms']:g} ms simulated latency "
            f"(fake server in {'a child process' if x['server'] == 'subprocess' else 'this process'}"
            f"{', Nagle on' if x['nagle'] else ', TCP_NODELAY'})",
            "",
            "| concurrency | requests/s | speed-up vs 1 | ideal requests/s (c / latency) | share of ideal | "
            "max in flight (server) | ok | retries | prompt tokens | completion tokens |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for lv in x["levels"]:
            lines.append(
                f"| {lv['concurrency']} | {lv['req_per_s']:,.1f} | {lv['speedup']:.1f}x | "
                f"{lv['ideal_req_per_s']:,.0f} | "
                f"{lv['req_per_s'] / lv['ideal_req_per_s']:.0%} | {lv['max_in_flight']} | {lv['ok']}/{x['requests']} | "
                f"{lv['retries']} | {lv['prompt_tokens']:,} | {lv['completion_tokens']:,} |"
            )
        lines += [
            "",
            f"Answers identical at every concurrency: {'yes' if x['answers_identical_across_levels'] else 'NO'}.",
            "",
        ]
        e = x["engine"]
        g = e["generation"]
        lines += [
            f"#### `llm_rewrite` engine, {e['rows']:,} rows, concurrency {e['concurrency']}, "
            f"options {json.dumps(e['options'])}",
            "",
            "| figure | value |",
            "|---|---:|",
        ]

        def add(k: str, v: object) -> None:
            lines.append(f"| {k} | {v} |")

        add("fit (templates from notes + context)", f"{e['fit_s']:.2f} s ({e['fit_docs_per_s']:,.0f} docs/s)")
        add("**sample docs/s**", f"**{e['docs_per_s']:,.1f}** ({e['sample_s']:.2f} s)")
        add(
            "&nbsp;&nbsp;LLM calls (chat_many)",
            f"{e['llm_s']:.2f} s (floor: candidates x latency / concurrency = {e['llm_floor_s']:.2f} s)",
        )
        add("&nbsp;&nbsp;diversity filter (embed + k-means)", f"{e['diversity_s']:.2f} s")
        add("&nbsp;&nbsp;validation (format, leakage, PII re-scan) + assignment", f"{e['other_s']:.2f} s")
        add("rows filled", f"{e['filled_rows']:,} / {e['rows']:,}")
        add("candidates / kept / selected", f"{g['candidates']:,} / {g['kept']:,} / {g['selected']:,}")
        add("rejected", ", ".join(f"{k} {v}" for k, v in sorted((g["rejected"] or {}).items())) or "none")
        add("reused texts / unfilled rows", f"{g['reused_texts']} / {g['unfilled_rows']}")
        for when in ("before", "after"):
            d = g[f"diversity_{when}"]
            add(
                f"diversity_{when} (distinct-1 / distinct-2 / Vendi)",
                f"{fmt(d.get('distinct_1'))} / {fmt(d.get('distinct_2'))} / {fmt(d.get('vendi'), 1)}",
            )
        u = e["usage"]
        add("client.usage: requests / retries / failures", f"{u['requests']:,} / {u['retries']} / {u['failures'] or 0}")
        add("client.usage: prompt / completion tokens", f"{u['prompt_tokens']:,} / {u['completion_tokens']:,}")
        add("max in flight (server)", e["max_in_flight"])
        add("output digest", e["output_digest"])
        lines.append("")
    if "diversity" in res:
        d = res["diversity"]
        if d["engine"]:
            first = d["engine"][0]
            lines += [
                f"### Diversity filter inside `llm_rewrite` (demo notes, 7 note templates, "
                f"{first['rows']} rows, oversample x{first['oversample']:g})",
                "",
                "| embedder | texts | n | distinct-1 | distinct-2 | Vendi | cluster coverage |",
                "|---|---|---:|---:|---:|---:|---:|",
            ]
            for r in d["engine"]:
                b, a, rnd = r["before"], r["after"], r["random"]
                lines.append(
                    f"| {r['embedder']} | candidates after validation (`diversity_before`) | {r['kept']:,} | "
                    f"{fmt(b['distinct_1'])} | {fmt(b['distinct_2'])} | {fmt(b['vendi'], 1)} | "
                    f"{fmt(r['all_check']['cluster_coverage'])} |"
                )
                lines.append(
                    f"| {r['embedder']} | kept by the filter (`diversity_after`) | {r['selected']:,} | "
                    f"{fmt(a['distinct_1'])} | {fmt(a['distinct_2'])} | {fmt(a['vendi'], 1)} | "
                    f"{fmt(r['selected_check']['cluster_coverage'])} |"
                )
                lines.append(
                    f"| {r['embedder']} | random subset, same size (mean of {args_draws(res)}) | "
                    f"{r['selected']:,} | {fmt(rnd['distinct_1'])} | {fmt(rnd['distinct_2'])} | "
                    f"{fmt(rnd['vendi'], 1)} | {fmt(rnd['cluster_coverage'])} |"
                )
            lines += [
                "",
                "Cluster coverage here: share of k-means clusters (k = 20) of the validated candidates' "
                "embeddings that receive a kept text. Candidates: "
                + "; ".join(
                    f"{r['embedder']}: {r['candidates']:,} generated, rejected {r['rejected'] or 'none'}, "
                    f"sample {r['sample_s']:.1f} s, output digest {r['output_digest']}"
                    for r in d["engine"]
                )
                + ".",
                "",
            ]
        if d["pool"]:
            first = d["pool"][0]
            lines += [
                f"### `select_diverse` on a collapsed pool: {first['pool']:,} candidates from "
                f"{first['patterns']} patterns (Zipf-skewed), keep k = {first['k']}",
                "",
                f"| embedder | texts | patterns covered (of {first['patterns']}) | cluster coverage | Vendi | "
                "distinct-1 | distinct-2 |",
                "|---|---|---:|---:|---:|---:|---:|",
            ]
            for r in d["pool"]:
                a, s, rnd = r["all"], r["select_diverse"], r["random"]
                lines.append(
                    f"| {r['embedder']} | whole pool ({a['n']:,}) | {a['patterns']} | {fmt(a['cluster_coverage'])} "
                    f"| {fmt(a['vendi'], 1)} | {fmt(a['distinct_1'])} | {fmt(a['distinct_2'])} |"
                )
                lines.append(
                    f"| {r['embedder']} | **select_diverse** ({s['n']}) | **{s['patterns']}** | "
                    f"**{fmt(s['cluster_coverage'])}** | **{fmt(s['vendi'], 1)}** | {fmt(s['distinct_1'])} | "
                    f"{fmt(s['distinct_2'])} |"
                )
                lines.append(
                    f"| {r['embedder']} | random subset ({s['n']}, mean ± sd of {args_draws(res)}) | "
                    f"{rnd['patterns']:.1f} ± {rnd['patterns_sd']:.1f} | {fmt(rnd['cluster_coverage'])} ± "
                    f"{fmt(rnd['cluster_coverage_sd'])} | {fmt(rnd['vendi'], 1)} ± {fmt(rnd['vendi_sd'], 1)} | "
                    f"{fmt(rnd['distinct_1'])} | {fmt(rnd['distinct_2'])} |"
                )
            lines += [
                "",
                "Cluster coverage: share of k-means clusters (k = 20) of the whole pool's embeddings "
                "that receive a kept text (`veil.reports.text.cluster_coverage`); Vendi with the same embedder. "
                + "; ".join(
                    f"{r['embedder']}: {r['dims']} dims, embed {r['embed_s']:.2f} s, select "
                    f"{r['select_s']:.2f} s, indices digest {r['indices_digest']}"
                    for r in d["pool"]
                )
                + ".",
                "",
            ]
    return "\n".join(lines)


def args_draws(res: dict) -> int:
    return res.get("random_draws", 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--part",
        choices=("surrogate", "llm", "diversity", "all"),
        action="append",
        help="part(s) to run (repeatable; default all)",
    )
    parser.add_argument("--quick", action="store_true", help="small smoke run (< 1 minute)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rows", type=int, nargs="+", default=None, help="surrogate: table sizes (10000 50000)")
    parser.add_argument("--repeats", type=int, default=None, help="surrogate: alternating timed runs per side (3)")
    parser.add_argument("--baseline-loops", type=int, default=5, help="surrogate: pandas calls per timed run")
    parser.add_argument("--requests", type=int, default=None, help="llm: chat requests per concurrency (400)")
    parser.add_argument("--latency-ms", type=float, default=50.0, help="llm: simulated latency of every answer")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 16, 64], help="llm: levels (first = base)")
    parser.add_argument("--engine-rows", type=int, default=None, help="llm: rows sampled by llm_rewrite (1000)")
    parser.add_argument("--engine-concurrency", type=int, default=16)
    parser.add_argument("--engine-oversample", type=float, default=2.0)
    parser.add_argument(
        "--server", choices=("subprocess", "inprocess"), default="subprocess", help="where the fake OpenAI server runs"
    )
    parser.add_argument(
        "--server-nagle",
        action="store_true",
        help="leave Nagle's algorithm on in the fake server (adds ~40 ms per answer)",
    )
    parser.add_argument("--collapse-rows", type=int, default=None, help="diversity: llm_rewrite rows (300)")
    parser.add_argument("--collapse-oversample", type=float, default=4.0)
    parser.add_argument("--pool", type=int, default=None, help="diversity: synthetic pool size (1000)")
    parser.add_argument("--patterns", type=int, default=None, help="diversity: patterns in the pool (50)")
    parser.add_argument("--keep", type=int, default=None, help="diversity: k kept from the pool (100)")
    parser.add_argument("--random-draws", type=int, default=20, help="diversity: random subsets averaged")
    parser.add_argument("--embedders", nargs="+", default=["minilm", "tfidf"])
    parser.add_argument("--json", type=pathlib.Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    quick = args.quick
    args.rows = args.rows or ([1000, 3000] if quick else [10000, 50000])
    args.repeats = args.repeats or (1 if quick else 3)
    args.requests = args.requests or (32 if quick else 400)
    args.engine_rows = args.engine_rows or (60 if quick else 1000)
    args.collapse_rows = args.collapse_rows or (50 if quick else 300)
    args.pool = args.pool or (300 if quick else 1000)
    args.patterns = args.patterns or (20 if quick else 50)
    args.keep = args.keep or (30 if quick else 100)
    if quick:
        args.random_draws = min(args.random_draws, 5)
    parts = set(args.part or ["all"])
    if "all" in parts:
        parts = {"surrogate", "llm", "diversity"}

    command = " ".join([".venv/bin/python", "benchmarks/bench_text.py", *sys.argv[1:]])
    print(f"Command: `{command}`")
    for line in machine_info():
        print(f"- {line}")
    print(flush=True)

    started = time.perf_counter()
    res: dict = {"command": command, "random_draws": args.random_draws}
    if "surrogate" in parts:
        res["surrogate"] = part_surrogate(args)
        res["surrogate"]["baseline_loops"] = args.baseline_loops
    if "llm" in parts:
        res["llm"] = part_llm(args)
    if "diversity" in parts:
        res["diversity"] = part_diversity(args)
    print(markdown(res))
    print(f"Total wall time: {time.perf_counter() - started:.0f} s.")
    if args.json:
        args.json.write_text(json.dumps(res, indent=2, default=str))


if __name__ == "__main__":
    main()
