"""The rows the attacks read: train, control (holdout) and synthetic, on the modelled columns, as numbers.

Continuous columns (numeric, datetime) are floats; discrete ones (categorical, boolean) are codes into
one vocabulary shared by the three frames. Missing is NaN in both. Train and control are cut to the
same number of rows, so that an attack's success on one is comparable with its success on the other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from veil.core.columns import as_float, as_label
from veil.core.kinds import CONTINUOUS_KINDS, MODELLED_KINDS

SPARSE_WIDTH = 512
"""Encoded dimensions above which :meth:`AttackTable.encode_for_distance` gives sparse rows."""


@dataclass
class AttackTable:
    """Three frames as float matrices over the same columns (``continuous[j]`` says how column j reads)."""

    columns: list[str]
    continuous: np.ndarray
    train: np.ndarray
    control: np.ndarray
    synthetic: np.ndarray
    train_rows: int
    """Training rows before the cut to the control's size."""

    @classmethod
    def build(
        cls,
        *,
        train: pd.DataFrame,
        control: pd.DataFrame,
        synthetic: pd.DataFrame,
        kinds: Mapping[str, str],
        rng: np.random.Generator,
        max_rows: int,
    ) -> AttackTable:
        columns = [c for c in train.columns if kinds.get(c) in MODELLED_KINDS]
        size = min(len(train), len(control), max_rows)
        train_cut = train.iloc[np.sort(rng.choice(len(train), size, replace=False))]
        control_cut = control.iloc[np.sort(rng.choice(len(control), size, replace=False))]
        if len(synthetic) > max_rows:
            synthetic = synthetic.iloc[np.sort(rng.choice(len(synthetic), max_rows, replace=False))]
        frames = [train_cut, control_cut, synthetic]
        encoded: list[list[np.ndarray]] = [[], [], []]
        continuous = []
        for column in columns:
            kind = kinds[column]
            continuous.append(kind in CONTINUOUS_KINDS)
            if kind in CONTINUOUS_KINDS:
                for out, frame in zip(encoded, frames):
                    out.append(as_float(frame[column], kind).to_numpy(dtype=np.float64))
                continue
            labels = [as_label(frame[column], kind) for frame in frames]
            vocabulary = pd.Index(sorted(set().union(*(set(v.dropna()) for v in labels))))
            for out, values in zip(encoded, labels):
                codes = vocabulary.get_indexer(values).astype(np.float64)
                codes[values.isna().to_numpy()] = np.nan
                out.append(codes)

        def matrix(parts: list[np.ndarray], rows: int) -> np.ndarray:
            return np.column_stack(parts) if parts else np.zeros((rows, 0))

        return cls(
            columns=columns,
            continuous=np.array(continuous, dtype=bool),
            train=matrix(encoded[0], size),
            control=matrix(encoded[1], size),
            synthetic=matrix(encoded[2], len(synthetic)),
            train_rows=len(train),
        )

    def encode_for_distance(self, columns: list[int], *frames: np.ndarray) -> list[np.ndarray | sparse.csr_matrix]:
        """Frames as vectors whose Euclidean distance is the attacks' row distance on ``columns``.

        A continuous difference counts its share of the column's range (at most 1; missing sits at the
        median and flips an indicator worth 1); a discrete mismatch counts 1 (one-hot scaled by 1/sqrt(2)),
        as in anonymeter's mixed-type distance. Wider than :data:`SPARSE_WIDTH` (a column of thousands of
        labels), the vectors are sparse rows: the same distances, at a cost that grows with the values
        present rather than with the width (16,000 rows with four columns of about 16,000 labels each: the
        attacks took 76 s dense, 5.6 s sparse).
        """
        blocks: list[list[np.ndarray]] = [[] for _ in frames]
        stacked = np.vstack(frames)
        for j in columns:
            values = stacked[:, j]
            finite = values[np.isfinite(values)]
            if self.continuous[j]:
                low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
                span = high - low if high > low else 1.0
                middle = float(np.median(finite)) if finite.size else 0.0
                for out, frame in zip(blocks, frames):
                    column = frame[:, j]
                    missing = ~np.isfinite(column)
                    out.append(((np.where(missing, middle, column) - low) / span)[:, None])
                    if np.isnan(values).any():
                        out.append(missing.astype(np.float64)[:, None])
                continue
            codes = np.unique(finite)
            for out, frame in zip(blocks, frames):
                column = frame[:, j]
                index = np.searchsorted(codes, np.nan_to_num(column, nan=-1.0))
                index = np.where(np.isfinite(column), index, len(codes))
                rows = np.arange(len(frame))
                weights = np.full(len(frame), 1.0 / np.sqrt(2.0))
                out.append(sparse.csr_matrix((weights, (rows, index)), shape=(len(frame), len(codes) + 1)))
        width = sum(block.shape[1] for block in blocks[0]) if blocks else 0
        if width > SPARSE_WIDTH:
            return [sparse.hstack([sparse.csr_matrix(b) for b in parts], format="csr") for parts in blocks]
        return [
            np.hstack([b.toarray() if sparse.issparse(b) else b for b in parts]) if parts else np.zeros((len(f), 0))
            for parts, f in zip(blocks, frames)
        ]
