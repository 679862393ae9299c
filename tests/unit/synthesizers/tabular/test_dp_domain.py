"""The DP view of a column (dp_domain): how noisy one-ways become bins that suit the column."""

from __future__ import annotations

import numpy as np
import pandas as pd

from veil.privacy.dp.accounting import ZcdpBudget
from veil.synthesizers.tabular.dp_domain import (
    DomainShares,
    PublicColumn,
    PublicMetadata,
    coarsen_bins,
    discover_domain,
)


def _discover(frame: pd.DataFrame, kinds: dict[str, str], *, rho_oneway: float, public=None, integer=()):
    return discover_domain(
        frame,
        kinds,
        public=public or PublicMetadata(),
        shares=DomainShares(rho_bounds=0.5, rho_categories=0.5, delta_categories=1e-7, rho_oneway=rho_oneway),
        budget=ZcdpBudget(total_rho=10.0),
        rng=np.random.default_rng(0),
        max_bins=32,
        integer_columns=set(integer),
    )


def test_noisy_tails_between_the_data_and_its_bounds_get_no_weight():
    rng = np.random.default_rng(1)
    frame = pd.DataFrame({"x": rng.uniform(40.0, 60.0, 2000)})
    # public bounds far wider than the data; a noisy one-way (σ = 10 per fine bin)
    public = PublicMetadata(columns={"x": PublicColumn(lower=0.0, upper=100.0)})
    codecs, oneways = _discover(frame, {"x": "numeric"}, rho_oneway=1 / (2 * 10.0**2), public=public)
    codec = codecs["x"]
    centres = (codec.edges[:-1] + codec.edges[1:]) / 2
    weights = codec.fine_weights[: codec.n_values]
    outside = (centres < 35) | (centres > 65)
    assert weights[outside].sum() < 0.02 * weights.sum()  # clipped noise alone would put about a fifth there
    assert (np.clip(oneways["x"].noisy[: codec.n_values], 0, None)[outside].sum()) > 0.1 * weights.sum()
    drawn = codec.decode(codec.encode(frame["x"]), np.random.default_rng(2))
    assert drawn.between(30, 70).mean() > 0.97


def test_an_integer_column_with_few_values_keeps_one_cell_per_value():
    rng = np.random.default_rng(3)
    frame = pd.DataFrame({"children": rng.integers(0, 9, 3000), "income": rng.lognormal(10, 1, 3000)})
    kinds = {"children": "numeric", "income": "numeric"}
    codecs, oneways = _discover(frame, kinds, rho_oneway=1.0, integer={"children"})
    for column in kinds:
        coarsen_bins(codecs[column], bins=12)
    children = codecs["children"]
    values = frame["children"].to_numpy()
    coded = children.encode(frame["children"])
    # each value its own group: the coarse code determines the value
    assert all(len(set(values[coded == g])) == 1 for g in np.unique(coded))
    # a column of many values gets the bins asked for (plus its null cell)
    assert codecs["income"].size == 12 + 1


def test_fewer_bins_when_asked_never_mixes_null_with_values():
    rng = np.random.default_rng(4)
    x = rng.normal(0, 1, 4000)
    x[:400] = np.nan
    frame = pd.DataFrame({"x": x})
    public = PublicMetadata(columns={"x": PublicColumn(lower=-8.0, upper=8.0)})
    codecs, oneways = _discover(frame, {"x": "numeric"}, rho_oneway=1.0, public=public)
    coarsen_bins(codecs["x"], bins=4)
    coded = codecs["x"].encode(frame["x"])
    null_groups = set(coded[np.isnan(x)])
    assert len(null_groups) == 1 and not null_groups & set(coded[~np.isnan(x)])
    assert codecs["x"].size == 5


def test_a_lone_bin_past_an_empty_stretch_is_noise_but_whole_numbers_are_not():
    from veil.synthesizers.tabular.dp_domain import GAP_BINS, _without_islands

    weights = np.zeros(60)
    weights[20:30] = [5, 20, 50, 80, 90, 60, 30, 0, 0, 40]  # a tail with a short gap stays
    weights[5] = 3.0  # past GAP_BINS empty bins, at noise level: dropped
    weights[30 + GAP_BINS + 2] = 3.0
    out = _without_islands(weights, noise=1.0)
    assert out[5] == 0 and out[30 + GAP_BINS + 2] == 0
    np.testing.assert_array_equal(out[20:30], weights[20:30])
    # whole numbers in narrow bins: a gap between every two values, real mass in each
    spikes = np.zeros(60)
    spikes[::8] = [300, 200, 120, 60, 30, 12, 6, 2]
    kept = _without_islands(spikes, noise=1.0)
    np.testing.assert_array_equal(kept[:48], spikes[:48])
    assert kept[56] == 0  # two rows' worth after the last gap: no more than noise gives


def test_empty_bins_at_the_ends_join_the_nearest_group_with_mass():
    from veil.synthesizers.tabular.dp_domain import _quantile_groups

    weights = np.zeros(41)  # 40 value bins, then null
    weights[30:35] = [10, 40, 40, 40, 10]
    groups = _quantile_groups(weights, null_code=40, max_bins=8)
    assert groups[0] == groups[30] and groups[39] == groups[34]
    assert groups[40] == groups[39] + 1  # null alone
