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

import gc
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

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


def prepare_worker() -> None:
    """Initializer of every worker process: freeze what it inherited from its parent."""
    gc.freeze()


def start_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` processes prepared by `prepare_worker`."""
    return ProcessPoolExecutor(max_workers=workers, initializer=prepare_worker)
