"""Shared fixtures: the demo table and a real Veil server on a free loopback port."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def local_ray():
    """A local Ray on this machine's 2 cores, as CI runs it; shut down after the session."""
    import ray

    from veil.privacy.pii.ray_pool import LOCAL, connect

    connect(LOCAL)
    yield ray
    ray.shutdown()
