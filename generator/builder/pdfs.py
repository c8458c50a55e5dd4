"""PDF audits rendered in parallel: the build's and `playbook pdf`'s way to write many PDFs.

`write_pdfs(tasks, today)` renders many plans in parallel processes, one PDF each, written
atomically; a broken plan fails only its own PDF and returns its located errors. `PdfBatch`
starts them in the background so a site build can go on rendering pages meanwhile.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from generator.errors import PlanError, PlanValidationError, UserError
from generator.load.planfiles import display_path
from generator.present.branding import Branding
from generator.render.terminal import printable
from generator.workers import WorkerPool, sigint_deferred, start_pool
from generator.write.files import starts_with, write_atomic


def check_pdf_target(output: Path) -> None:
    """Never overwrite a file that is not a PDF (a plan, a hand-written page)."""
    if output.is_dir():
        raise UserError(f"{display_path(output)}: is a folder; give a file name ending in .pdf")
    if output.exists():
        with output.open("rb") as handle:
            if handle.read(5) != b"%PDF-":
                raise UserError(f"{display_path(output)}: exists and is not a PDF; refusing to overwrite it")


def is_playbook_pdf(path: Path) -> bool:
    """Whether `path` is a PDF audit playbook wrote (its Creator is playbook): `playbook pdf -o`
    replaces such a file, never a PDF from elsewhere (a signed contract) without --force."""
    import logging

    import pypdf
    from pypdf.errors import PyPdfError

    if not starts_with(path, b"%PDF-"):
        return False
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a damaged PDF is simply not ours: no warnings
    try:
        metadata = pypdf.PdfReader(path).metadata
    except (OSError, PyPdfError, ValueError):
        return False
    return metadata is not None and metadata.get("/Creator") == "playbook"


@dataclass(frozen=True)
class TaskResult:
    """The outcome of one plan → PDF task."""

    plan: Path
    output: Path
    errors: tuple[PlanError, ...] = ()
    seconds: float = 0.0
    pages: int = 0
    shown: str = ""  # how to name the output to the consultant (the site build writes into a staging folder)
    stale: bool = False  # the plan changed while this PDF rendered: nothing written, a newer build renders it


@dataclass(frozen=True)
class PdfJob:
    """One PDF to write: a plan file, loaded and computed by the worker that renders it.

    The site build's own process never loads a plan (ARCHITECTURE.md), so it has no figures to
    hand over: the PDF worker loads the plan as `playbook pdf` does, and `stamp` tells a plan
    edited meanwhile (the live preview).
    """

    plan: Path
    output: Path
    shown: str = ""
    cache: tuple[str, str] | None = None  # (cache folder, key): store the PDF there too (generator.builder.cache)
    branding: Branding | None = None  # the consultant's name, company and contacts for the cover (mkdocs.yml)
    # a private client's password (generator.builder.publish): the PDF written is encrypted with it; the
    # cache keeps the plain PDF under a key of the plan alone, so the password is in no file and no key
    password: str | None = field(default=None, repr=False)
    stamp: tuple[int, int] | None = None  # the plan file's (mtime_ns, size) when its figures were taken
    review: bool = False  # the consultant's review copy: marked on every page, never encrypted


def plan_stamp(path: Path) -> tuple[int, int] | None:
    """What tells a plan file changed: its modification time and size (None if it cannot be read)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


def render_task(job: PdfJob, today: date, scratch: str | None = None) -> TaskResult:
    """Load, compute, render and write one PDF (runs in a worker process, which imports the model
    and the renderer: the site build's own process does not); temporary files go under `scratch`
    when given (the batch's folder)."""
    from generator.compute.figures import compute_figures
    from generator.load.loader import load_plan
    from generator.render.pdf import render_pdf_checked

    started = time.perf_counter()
    try:
        loaded = load_plan(job.plan, today=today)
    except PlanValidationError as exc:
        return TaskResult(job.plan, job.output, tuple(exc.errors))
    except UserError as exc:
        return TaskResult(
            job.plan, job.output, (PlanError(display_path(job.plan), 1, 1, "", str(exc).split(": ", 1)[-1]),)
        )
    figures = compute_figures(loaded, today)
    scratch_dir = Path(scratch) if scratch else None
    rendered = render_pdf_checked(loaded, figures, job.branding, job.review, scratch=scratch_dir)
    if job.stamp is not None and plan_stamp(job.plan) != job.stamp:
        # The live preview: the plan was edited while this PDF rendered. The rebuild that followed
        # renders the edited plan; writing this one now could land after it and show old figures.
        return TaskResult(job.plan, job.output, (), time.perf_counter() - started, rendered.pages, job.shown, True)
    check_pdf_target(job.output)
    job.output.parent.mkdir(parents=True, exist_ok=True)
    if job.password:
        from generator.builder.publish import encrypt_pdf

        write_atomic(job.output, encrypt_pdf(rendered.pdf, job.password))
    else:
        write_atomic(job.output, rendered.pdf)
    if job.cache is not None:
        from generator.builder.cache import PdfCache

        folder, key = job.cache
        PdfCache(Path(folder)).put(key, rendered.pdf)
    return TaskResult(job.plan, job.output, (), time.perf_counter() - started, rendered.pages, job.shown)


def _is_interactive() -> bool:
    from generator.builder.progress import is_interactive

    return is_interactive()


class PdfBatch:
    """PDF audits rendering in background processes while the caller goes on.

    The site build starts its batch as soon as the pages are known and collects it after
    MkDocs has rendered them, so the PDFs (the slowest step) use the cores MkDocs leaves idle.
    With one worker the PDFs are rendered in `finish`, in this process.
    """

    def __init__(
        self,
        tasks: Sequence[tuple[Path, Path] | PdfJob],
        today: date,
        workers: int | None = None,
        *,
        background: bool = False,
        on_done: Callable[[], None] | None = None,
    ) -> None:
        self.on_done = on_done  # told as each PDF finishes (a build's progress display); then no bar of its own
        self.jobs = [task if isinstance(task, PdfJob) else PdfJob(task[0], task[1]) for task in tasks]
        for job in self.jobs:
            check_pdf_target(job.output)
        self.today = today
        self.pool: WorkerPool | None = None
        self.futures: list[Future[TaskResult]] = []
        # The workers' temporary files (WeasyPrint's fonts) go in this batch's folder, which this
        # process removes however the batch ends: a worker ended by Ctrl-C cannot clean up after itself.
        self.scratch: str | None = None
        count = min(len(self.jobs), workers or os.cpu_count() or 1)
        if count > 1 or (background and self.jobs):  # background: even one PDF leaves this process free
            try:
                self.scratch = tempfile.mkdtemp(prefix="playbook-pdfs-")
                with sigint_deferred():  # the workers are forked at the first submit
                    self.pool = start_pool(max(1, count))
                    self.futures = [self.pool.submit(render_task, job, today, self.scratch) for job in self.jobs]
            except BaseException:  # Ctrl-C held back during the forks lands here: no batch for anyone to stop
                self.stop()
                raise
            if on_done is not None:
                for future in self.futures:
                    # a PDF counts when it is made: not when cancelled, nor when its worker died (Ctrl-C)
                    future.add_done_callback(lambda done: done.cancelled() or done.exception() or on_done())

    def cancel(self, wait: bool = True) -> None:
        """Stop: the build failed elsewhere, or a newer preview build replaces this one."""
        if self.pool is not None:
            self.pool.shutdown(wait=wait, cancel_futures=True)
            self.pool = None
        self._remove_scratch(now=wait)

    def _remove_scratch(self, now: bool) -> None:
        """The batch's temporary folder: removed now, or when the last PDF still rendering is done."""
        scratch, self.scratch = self.scratch, None
        if scratch is None:
            return
        pending = [f for f in self.futures if not f.done()]
        if now or not pending:
            shutil.rmtree(scratch, ignore_errors=True)
            return
        left = [len(pending)]

        def one_done(_: Future[TaskResult]) -> None:
            left[0] -= 1
            if left[0] == 0:
                shutil.rmtree(scratch, ignore_errors=True)

        for future in pending:
            future.add_done_callback(one_done)

    def stop(self) -> None:
        """Ctrl-C: cancel what has not started and end the workers at once (Ctrl-C itself does nothing
        in them, see `generator.cli._interrupt_this_process_only`); a worker's result is a few numbers,
        never half-sent, so ending one mid-task leaves the pool's reader nothing to wait for."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        pool.terminate()
        pool.join(timeout=10)  # gone before the build removes its staging folder (they write there)
        self._remove_scratch(now=True)

    def detach(self, report: Any) -> None:
        """Let the PDFs finish on their own (the live preview does not wait for them): each result
        goes to `report(result_or_exception)` when it is ready; the pool closes after the last."""
        if self.pool is None:
            return

        def forward(done: Future[TaskResult]) -> None:
            if not done.cancelled():
                report(done.exception() or done.result())

        for future in self.futures:
            future.add_done_callback(forward)
        self.pool.shutdown(wait=False)
        self._remove_scratch(now=False)

    def finish(self) -> list[PlanError]:
        """Wait for every PDF; return the plans' errors. Progress goes to stderr: a rich bar on a
        terminal, plain lines otherwise. A bug in one task lets the others finish, then raises."""
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        errors: list[PlanError] = []
        console = Console(stderr=True, highlight=False)
        interactive = _is_interactive()

        def report(result: TaskResult) -> None:
            if result.errors:
                errors.extend(result.errors)
                line = f"pdf: {display_path(result.plan)}: {len(result.errors)} problem(s), no PDF written"
            else:
                shown = result.shown or display_path(result.output)
                line = f"pdf: wrote {shown} ({result.pages} pages, {result.seconds:.1f} s)"
            if not interactive:
                console.print(printable(line), markup=False)

        progress = Progress(
            TextColumn("PDF audits"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            disable=not interactive or self.on_done is not None,
        )
        failures: list[BaseException] = []
        try:
            with progress:
                bar = progress.add_task("pdf", total=len(self.jobs))
                if self.pool is None:
                    for job in self.jobs:
                        report(render_task(job, self.today))
                        progress.advance(bar)
                        if self.on_done is not None:
                            self.on_done()
                for future in self.futures:
                    try:
                        report(future.result())
                    except KeyboardInterrupt:  # Ctrl-C: the others are not waited for
                        self.stop()
                        raise
                    except BaseException as exc:  # a bug: finish the others, then raise
                        failures.append(exc)
                    progress.advance(bar)
        finally:
            self.cancel()
        if failures:
            raise failures[0]
        return sorted(set(errors))


def write_pdfs(tasks: Sequence[tuple[Path, Path] | PdfJob], today: date, workers: int | None = None) -> list[PlanError]:
    """Render every (plan, output PDF) task or `PdfJob`, in parallel processes; return the plans' errors.

    A plan with errors gets no PDF (and an old PDF of it is left as it was); the others are
    still written.
    """
    return PdfBatch(tasks, today, workers).finish()


def audit_jobs(
    clients: Sequence[Any],
    site: Path,
    store: Any,
    passwords: dict[str, str],
    today: date,
    branding: Branding | None,
    stamped: bool = False,
    review: bool = False,
) -> tuple[list[PdfJob], int]:
    """The PDF audits of a site build: cached ones written into `site` at once, a job for each other.

    `clients` are `generator.builder.clients.Client`s; `store` a `generator.builder.cache.PdfCache`
    or None. A private client's PDF is encrypted with its password whichever way it comes. With
    `stamped` (the preview), each job carries its plan's stamp so a stale PDF is never reported ready.
    With `review` (`playbook build --review`), every PDF is the marked review copy, unencrypted.
    Returns the jobs and how many PDFs came from the cache."""
    from generator.builder.clients import PDF_NAME
    from generator.builder.publish import encrypt_pdf

    jobs: list[PdfJob] = []
    cached_count = 0
    # the cover shows the branding, so a change of it is a change of every PDF's input
    day = today.isoformat() + (f"|{branding!r}" if branding else "") + ("|review copy" if review else "")
    for client in clients:
        target = site / client.slug / PDF_NAME
        target.parent.mkdir(parents=True, exist_ok=True)
        password = None if review else passwords.get(client.slug)
        key = None
        if store is not None:
            key = store.key(client.path, client.previous, day)
            cached = store.get(key)
            if cached is not None:
                target.write_bytes(encrypt_pdf(cached, password) if password else cached)
                cached_count += 1
                continue
        cache = (str(store.folder.parent), key) if key else None
        stamp = plan_stamp(client.path) if stamped else None
        shown = f"{client.slug}/{PDF_NAME}"
        # the worker loads the plan itself: the build's own process holds no plan model
        jobs.append(PdfJob(client.path, target, shown, cache, branding, password, stamp, review))
    return jobs, cached_count


def start_audits(
    clients: Sequence[Any],
    outputs: tuple[Path, Any, dict[str, str], Branding | None],
    today: date,
    serving: bool,
    review: bool,
    progress: Any,
) -> PdfBatch | None:
    """A site build's PDF audits: the cached ones written into the site at once (counted done on
    `progress`, a `generator.builder.progress.BuildProgress`), a batch started for the others (None:
    nothing left to render). `outputs` is (site folder, PDF cache or None, passwords, branding)."""
    site, store, passwords, brand = outputs
    jobs, cached = audit_jobs(clients, site, store, passwords, today, brand, serving, review)
    progress.start("pdfs", cached + len(jobs))
    progress.advance("pdfs", cached)
    batch = None
    if jobs:
        tick = None if progress.quiet else functools.partial(progress.advance, "pdfs")
        batch = PdfBatch(jobs, today, background=serving, on_done=tick)
    if store is not None:
        store.prune()
    return batch
