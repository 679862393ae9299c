"""Leakage measures: how much the synthetic rows reveal about the training rows."""

from veil.privacy.leakage.distance import DistanceEncoder, DistanceLeakage, count_exact_copies, distance_leakage

__all__ = ["DistanceEncoder", "DistanceLeakage", "count_exact_copies", "distance_leakage"]
