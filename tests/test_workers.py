"""generator.workers: the collector settings are raised for a PDF and restored after it, and
pool workers start with their inherited objects frozen."""

from __future__ import annotations

import gc

import pytest

from generator.workers import GC_THRESHOLD, fewer_collections, start_pool


def test_fewer_collections_raises_thresholds_and_restores_them() -> None:
    before = gc.get_threshold()
    assert before != GC_THRESHOLD
    with fewer_collections():
        assert gc.get_threshold() == GC_THRESHOLD
    assert gc.get_threshold() == before


def test_fewer_collections_restores_thresholds_after_an_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a failing render")
    assert gc.get_threshold() == before


def _frozen_in_worker() -> int:
    return gc.get_freeze_count()


def test_pool_workers_freeze_what_they_inherit() -> None:
    assert gc.get_freeze_count() == 0  # the parent is not frozen: only its workers are
    with start_pool(1) as pool:
        assert pool.submit(_frozen_in_worker).result(timeout=60) > 0
    assert gc.get_freeze_count() == 0
