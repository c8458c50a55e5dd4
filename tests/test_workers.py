"""generator.workers: the collector settings are raised for a PDF and restored after it, and
pool workers start with their inherited objects frozen."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import time

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


def test_the_start_method_is_chosen_not_left_to_python() -> None:
    """Python 3.14 changes Linux's default to forkserver: ours stays what it was measured with,
    unless the program set one itself (tests/builder/test_start_methods.py builds under each)."""
    script = "import multiprocessing, sys\n{}from generator.workers import start_method\nprint(start_method())"
    chosen = subprocess.run([sys.executable, "-c", script.format("")], capture_output=True, text=True, check=True)
    assert chosen.stdout.strip() == ("fork" if sys.platform.startswith("linux") else "spawn")
    forced = script.format("multiprocessing.set_start_method('spawn', force=True)\n")
    kept = subprocess.run([sys.executable, "-c", forced], capture_output=True, text=True, check=True)
    assert kept.stdout.strip() == "spawn"


def test_a_worker_whose_build_is_gone_exits_at_once() -> None:
    """The build was killed before its worker got going: the worker does not render for nobody."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(gone.stdout)  # finished and reaped: no such process any more
    script = f"from generator.workers import die_with_parent\ndie_with_parent({dead})\nprint('rendering')"
    orphan = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert orphan.returncode == 1 and "rendering" not in orphan.stdout
    alive = script.replace(str(dead), str(os.getpid()))
    child = subprocess.run([sys.executable, "-c", alive], capture_output=True, text=True)
    assert child.returncode == 0 and "rendering" in child.stdout  # its build (this test) is alive: it works


def test_terminate_stops_a_busy_worker_now() -> None:
    pool = start_pool(1)
    started = pool.submit(os.getpid).result(timeout=60)
    pool.submit(time.sleep, 600)
    time.sleep(0.2)
    begun = time.monotonic()
    pool.terminate()
    for process in pool.context.processes:
        process.join(timeout=30)
        assert process.exitcode is not None and process.exitcode < 0  # killed by a signal, not finished
    assert time.monotonic() - begun < 30 and started > 0
    with pytest.raises(RuntimeError):
        pool.submit(int)
