"""Typed warnings for soft problems in synthesizers (filter them by class)."""

from __future__ import annotations


class SynthesizerWarning(UserWarning):
    """Base class of warnings raised by ``synthesizers``."""


class FewRowsWarning(SynthesizerWarning):
    """The training frame is small for the number of modelled columns; fidelity will be poor."""


class EpochsIgnoredWarning(SynthesizerWarning):
    """``epochs`` was given to an engine that does not train in epochs (e.g. GaussianCopula)."""


class AllNullColumnWarning(SynthesizerWarning):
    """A modelled column holds only nulls; it is not modelled and is sampled as all-null."""


class UnparsedValuesWarning(SynthesizerWarning):
    """Some values of a datetime/boolean/numeric column could not be parsed and were set to null."""


class SelfJudgingWarning(SynthesizerWarning):
    """The judge is the generator's own model: it may favour its own outputs (self-preference)."""


class DomainDiscoveryWarning(SynthesizerWarning):
    """A DP engine's discovery of a column's bounds or categories found too little (see the column's problem)."""
