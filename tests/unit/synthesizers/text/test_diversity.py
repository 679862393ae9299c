"""Diversity filter: one representative per cluster, raises diversity of collapsed sets."""

from __future__ import annotations

import math

import numpy as np
import pytest

from veil.synthesizers.text.diversity import select_diverse

TOPICS = [
    "refund broken parcel",
    "password login reset",
    "store opening hours",
    "delivery address change",
    "app crash settings",
    "invoice tax number",
]


def _clustered(seed: int = 0, per: int = 8):
    """Texts in 6 topics; embeddings: topic direction + small noise (one-hot topics)."""
    rng = np.random.default_rng(seed)
    texts, rows = [], []
    for t, topic in enumerate(TOPICS):
        for i in range(per):
            texts.append(f"{topic} variant {i} " + " ".join(rng.choice(["a", "b", "c", "d"], size=3)) + f" w{t}{i}")
            v = np.zeros(len(TOPICS))
            v[t] = 1.0
            rows.append(v + rng.normal(0, 0.05, len(TOPICS)))
    return texts, np.asarray(rows)


def test_keeps_one_per_cluster():
    texts, emb = _clustered()
    sel = select_diverse(texts, emb, k=len(TOPICS), seed=1)
    assert len(sel.indices) == len(TOPICS) and sel.clusters == len(TOPICS)
    topics = {texts[i].split(" variant")[0] for i in sel.indices}
    assert topics == set(TOPICS)
    assert sel.indices == sorted(sel.indices)


def test_deterministic_for_a_seed():
    texts, emb = _clustered(per=10)
    a = select_diverse(texts, emb, k=13, seed=5)
    b = select_diverse(texts, emb, k=13, seed=5)
    assert a == b
    assert len(a.indices) == 13 and len(set(a.indices)) == 13


def test_raises_diversity_on_collapsed_candidates():
    # 60 candidates: 40 copies/near-copies of one text plus 20 diverse ones.
    texts, emb = _clustered(per=4)
    diverse_texts, diverse_emb = texts[:20], emb[:20]
    collapsed = ["refund broken parcel please"] * 40
    collapsed_emb = np.tile(emb[0], (40, 1))
    cands = collapsed + diverse_texts
    cand_emb = np.vstack([collapsed_emb, diverse_emb])
    sel = select_diverse(cands, cand_emb, k=10, seed=0)
    assert len(sel.indices) == 10
    assert sum(i < 40 for i in sel.indices) <= 1  # the repeated text survives at most once
    assert sel.after["distinct_2"] > sel.before["distinct_2"]
    assert sel.after["distinct_1"] > sel.before["distinct_1"]
    assert sel.after["vendi"] > sel.before["vendi"]


def test_fewer_distinct_than_k_keeps_all_distinct():
    texts = ["alpha beta", "gamma delta", "alpha beta", "epsilon", "gamma delta"]
    emb = np.eye(5)[[0, 1, 0, 2, 1]]
    sel = select_diverse(texts, emb, k=4, seed=0)
    assert sel.indices == [0, 1, 3]
    assert sel.clusters == 3


def test_identical_embeddings_still_give_k_texts():
    # 5 distinct texts but only 2 distinct embedding rows: fill up to k deterministically.
    texts = [f"text {i}" for i in range(5)]
    emb = np.array([[1.0, 0.0]] * 3 + [[0.0, 1.0]] * 2)
    sel = select_diverse(texts, emb, k=3, seed=0)
    assert len(sel.indices) == 3 and len(set(sel.indices)) == 3
    assert {0, 1, 2} & set(sel.indices) and {3, 4} & set(sel.indices)


def test_empty_and_misuse():
    sel = select_diverse([], np.zeros((0, 3)), k=3, seed=0)
    assert sel.indices == [] and math.isnan(sel.before["vendi"])
    with pytest.raises(ValueError):
        select_diverse(["a", "b"], np.zeros((3, 2)), k=1, seed=0)
    with pytest.raises(ValueError):
        select_diverse(["a"], np.zeros((1, 2)), k=0, seed=0)
