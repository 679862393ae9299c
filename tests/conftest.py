"""Shared fixtures: the demo table and a real Veil server on a free loopback port."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
