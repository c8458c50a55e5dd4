"""Process settings for playbook's CPU-bound work: WeasyPrint's layout of a PDF audit, and the
worker processes that render PDFs and clients in parallel.

WeasyPrint allocates millions of small objects that live for one document. With Python's
default cyclic-GC threshold (700 allocations) the collector runs thousands of times per PDF and
walks every surviving object each time; on the benchmark's plans a PDF rendered about 13%
faster with a threshold of 10 000, as fast as with the collector off (benchmarks/README.md).
We raise the threshold while a PDF renders rather than disable the collector, so cycles are
still freed and memory stays bounded in a long `mkdocs serve`.

Worker processes may be forked from a process that holds a whole portfolio (MkDocs' pages, every
client's figures): `gc.freeze()` in each worker moves those inherited objects out of the
collector's sight, so a worker's collections cost what its own work allocates, and inherited
memory stays shared with the parent instead of being copied when the collector touches it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, suppress
from multiprocessing.context import BaseContext
from typing import Any, cast

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


def start_method() -> str:
    """The start method of every pool, chosen here rather than left to the platform's default.

    A program that set one (`multiprocessing.set_start_method`) keeps it; otherwise `fork` on
    Linux, as measured in benchmarks/README.md (the build's process stays light, so a forked
    worker inherits little, and it starts in a few milliseconds), and `spawn` elsewhere (macOS's
    system libraries are not safe to fork). Python 3.14 makes `forkserver` the Linux default: the
    choice is explicit so a new Python changes nothing, and the workers work under all three
    (`die_with_parent`; tests/builder/test_start_methods.py builds the same site under each).
    """
    chosen = multiprocessing.get_start_method(allow_none=True)
    if chosen is not None:
        return chosen
    return "fork" if sys.platform.startswith("linux") else "spawn"


def die_with_parent(build: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux `PR_SET_PDEATHSIG`), and exit
    at once if the build (process `build`, which started the pool) is gone already.

    A build killed with `kill -9` gets no chance to stop its workers; without this they would go on
    rendering for nobody, holding CPU and memory. The worker's parent is the build under `fork` and
    `spawn`, and the fork server under `forkserver` (which exits when the build does, taking its
    children with it by the same signal), so the check is not "is my parent the build": it is
    "did my parent change while I asked to die with it" (it died in between) and "is the build
    still there". Where prctl is unavailable the pool's own shutdown is all there is.
    """
    parent = os.getppid()
    with suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent or not _alive(build):
        os._exit(1)


def _alive(pid: int) -> bool:
    """Whether process `pid` exists (signal 0 checks without sending anything)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, owned by someone else (a pid reused: rare, and harmless here)
        return True
    return True


def prepare_worker(build: int | None = None) -> None:
    """Initializer of every worker process: tied to the build's life, and freeze what it inherited."""
    if build is not None:
        die_with_parent(build)
    gc.freeze()


class _Recording:
    """A multiprocessing context that keeps the processes it starts, so a pool's workers can be
    stopped without reaching into the pool's private attributes (before Python 3.14's
    `terminate_workers`). Everything else is the context's own."""

    def __init__(self, context: Any) -> None:
        self._context = context  # a ForkContext, SpawnContext… (typeshed's BaseContext lacks Process)
        self.processes: list[Any] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._context, name)

    def Process(self, *args: Any, **kwargs: Any) -> Any:
        process = self._context.Process(*args, **kwargs)
        self.processes.append(process)
        return process


class WorkerPool(ProcessPoolExecutor):
    """A process pool with the explicit start method, workers prepared by `prepare_worker`, and a
    public way to stop them at once (`terminate`)."""

    def __init__(self, workers: int) -> None:
        self.context = _Recording(multiprocessing.get_context(start_method()))
        super().__init__(
            max_workers=workers,
            mp_context=cast(BaseContext, self.context),  # a context in all but name
            initializer=prepare_worker,
            initargs=(os.getpid(),),
        )

    def terminate(self) -> None:
        """Kill the workers now and drop what is queued (only for workers whose results nobody
        wants: a result half-written to the pipe is lost)."""
        terminate = getattr(super(), "terminate_workers", None)
        if terminate is not None:  # Python 3.14+
            terminate()
            return
        for process in self.context.processes:
            if process.is_alive():
                process.terminate()
        # Wait for the pool's manager thread (it sees the killed workers at once): left running, it
        # raced Python 3.11's exit hook of concurrent.futures, which wrote to the thread's closed wake-up
        # pipe ("Exception ignored … OSError: Bad file descriptor" on a command's stderr, under load).
        self.shutdown(wait=True, cancel_futures=True)

    def join(self, timeout: float) -> None:
        """Wait, `timeout` seconds at most each, for the workers `terminate` ended to be gone."""
        for process in self.context.processes:
            process.join(timeout=timeout)


def start_pool(workers: int) -> WorkerPool:
    """A pool of `workers` processes prepared by `prepare_worker`, started the same way everywhere."""
    return WorkerPool(workers)


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
