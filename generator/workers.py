"""Process settings for playbook's CPU-bound work: WeasyPrint's layout of a PDF audit, and the
worker processes that render PDFs and clients in parallel.

WeasyPrint allocates millions of small objects that live for one document. With Python's
default cyclic-GC threshold (700 allocations) the collector runs thousands of times per PDF and
walks every surviving object each time; on the benchmark's plans a PDF rendered about 13%
faster with a threshold of 10 000, as fast as with the collector off (benchmarks/README.md).
We raise the threshold while a PDF renders rather than disable the collector, so cycles are
still freed and memory stays bounded in a long `mkdocs serve`.

Worker processes are forked from a process that may hold a whole portfolio (MkDocs' pages, every
client's figures): `gc.freeze()` in each worker moves those inherited objects out of the
collector's sight, so a worker's collections cost what its own work allocates, and inherited
memory stays shared with the parent instead of being copied when the collector touches it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, suppress

GC_THRESHOLD = (10_000, 20, 20)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's thresholds for the duration of the block, then restore them."""
    saved = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*saved)


PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux `PR_SET_PDEATHSIG`).

    A build killed with `kill -9` gets no chance to stop its PDF workers; without this they
    would go on rendering for nobody, holding CPU and memory. Where prctl is unavailable the
    pool's own shutdown is all there is. If the parent died before the request took effect,
    exit at once.
    """
    with suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def prepare_worker(parent: int | None = None) -> None:
    """Initializer of every worker process: tied to its parent's life, and freeze what it inherited."""
    if parent is not None:
        die_with_parent(parent)
    gc.freeze()


def start_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` processes prepared by `prepare_worker`."""
    return ProcessPoolExecutor(max_workers=workers, initializer=prepare_worker, initargs=(os.getpid(),))


@contextmanager
def sigint_deferred() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) back while worker processes are forked; it is delivered when the block ends.

    A KeyboardInterrupt raised inside `os.fork`'s own handlers (logging re-initialises its locks there)
    is printed as "Exception ignored" and lost: the build went on. Blocked, the signal waits until the
    fork is done; a worker inherits the blocked signal and so stays quiet under Ctrl-C, which the
    parent handles (issue 28). Outside the main thread, or where unsupported, the block is a no-op."""
    try:
        saved = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    except (AttributeError, OSError, ValueError):
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, saved)
