"""Tabular engines. ``sdv_engines`` is imported lazily by the registry (SDV is BUSL-1.1)."""
