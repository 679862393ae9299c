"""Shared text metrics: tokenizer, distinct-n, Vendi and the n-gram index."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from tests.fixtures.toy_texts import brute_longest_run as _brute_longest
from tests.fixtures.toy_texts import corpus as _corpus
from veil.core.text import NgramIndex, distinct_n, longest_common_run, replace_whole_words, tokens, vendi_score

# --- tokens / distinct-n / vendi ---------------------------------------------------------------


def test_tokens_lowercase_word_runs():
    assert tokens("Hello, World! It's 42 -- ok.") == ["hello", "world", "it", "s", "42", "ok"]
    assert tokens("") == [] and tokens(None) == []


def test_distinct_n_by_hand():
    texts = ["a b a b", "A, c!"]
    # unigrams a b a b a c -> 3 distinct of 6; bigrams ab ba ab | ac -> 3 of 4 (never across texts)
    assert distinct_n(texts, 1) == pytest.approx(3 / 6)
    assert distinct_n(texts, 2) == pytest.approx(3 / 4)
    assert distinct_n(texts + [None], 3) == pytest.approx(2 / 2)
    assert math.isnan(distinct_n(["one"], 2))


def test_vendi_identical_vs_orthogonal():
    k = 6
    same = np.tile(np.array([[0.6, 0.8, 0.0]]), (k, 1))
    assert vendi_score(same) == pytest.approx(1.0, abs=1e-6)
    assert vendi_score(np.eye(k)) == pytest.approx(k, abs=1e-6)
    two = np.vstack([np.eye(k)[:1]] * 3 + [np.eye(k)[1:2]] * 3)
    assert vendi_score(two) == pytest.approx(2.0, abs=1e-6)
    assert math.isnan(vendi_score(np.zeros((0, 4))))


# --- n-gram index ---------------------------------------------------------------------------------


def test_copied_text_has_longest_run_equal_to_its_length():
    sources = _corpus(300, seed=1)
    index = NgramIndex(sources)
    for i in (0, 17, 299):
        assert index.longest_run(sources[i]) == len(tokens(sources[i]))
        assert index.shares_run(sources[i], 8) == (len(tokens(sources[i])) >= 8)
    # Embedded in new words, with changed case and punctuation, the run is still found.
    copied = "XYZ unseen, " + sources[5].upper().replace(" ", ", ") + " qqq"
    assert index.longest_run(copied) == len(tokens(sources[5]))
    assert longest_common_run(copied, index) == len(tokens(sources[5]))
    assert longest_common_run(copied, [sources[5]]) == len(tokens(sources[5]))


def test_runs_do_not_cross_source_boundaries():
    index = NgramIndex(["alpha beta gamma", "delta epsilon"])
    assert index.longest_run("gamma delta") == 1
    assert not index.shares_run("beta gamma delta epsilon", 3)
    assert index.shares_run("x alpha beta gamma y", 3)
    assert index.longest_run("nothing here") == 0
    assert NgramIndex([]).longest_run("alpha") == 0
    assert NgramIndex([None, ""]).num_sources == 0


def test_index_matches_brute_force_on_random_inputs():
    rng = random.Random(3)
    words = list("abcdef")
    for _ in range(150):
        sources = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 14))) for _ in range(rng.randint(1, 5))]
        query = " ".join(rng.choice(words + ["zz"]) for _ in range(rng.randint(0, 16)))
        index = NgramIndex(sources)
        expected = _brute_longest(query, sources)
        assert index.longest_run(query) == expected, (sources, query)
        for n in (1, 2, 3, 4, 5, 7):
            assert index.shares_run(query, n) == (expected >= n)


def test_batched_longest_runs_match_brute_force_past_the_batched_levels():
    rng = random.Random(5)
    words = [f"w{i}" for i in range(40)]
    sources = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 70))) for _ in range(60)]
    queries = []
    for source in sources[:40]:
        toks = source.split()
        a = rng.randint(0, len(toks))
        b = rng.randint(a, len(toks))
        # Noise, a copied slice (up to 70 tokens: past the batched levels), unseen words, a copied prefix.
        queries.append(" ".join([rng.choice(words), *toks[a:b], "zz", *toks[: rng.randint(0, len(toks))]]))
    queries += [None, "", "zz qq", queries[0], queries[3]]
    index = NgramIndex(sources)
    expected = [_brute_longest(q, sources) for q in queries]
    assert max(expected) > 24  # some runs finish text by text
    assert index.longest_runs(queries) == expected
    assert NgramIndex([]).longest_runs(queries) == [0] * len(queries)


def test_replace_whole_words_in_one_pass():
    pairs = [("Ann Lee", "Lee Park"), ("Ann", "Lee"), ("Lee", "Park")]
    # The inserted "Lee Park" is not rewritten again; a lone "Ann" and "Lee" are; "Annex" is not a word match.
    assert (
        replace_whole_words("Ann Lee called. Ann, then Lee. Annex", pairs) == "Lee Park called. Lee, then Park. Annex"
    )
    assert replace_whole_words("ANN LEE and ann_lee", [("ann lee", "X")], ignore_case=True) == "X and ann_lee"
    assert replace_whole_words("ANN LEE", [("ann lee", "X")]) == "ANN LEE"  # case-sensitive by default
    # A character whose lower case is longer ("İ") still gets the same answer as a regex would.
    assert replace_whole_words("İstanbul: Ann Lee", [("ann lee", "X")], ignore_case=True) == "İstanbul: X"
    assert replace_whole_words("", [("a", "b")]) == "" and replace_whole_words("a b", []) == "a b"
