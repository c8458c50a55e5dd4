"""The printable PDF audit: figures → HTML (the one Jinja environment) → WeasyPrint → bytes.

Three layers:

- `render_pdf(loaded, figures) -> bytes` is pure: same plan and figures, same bytes. The
  PDF's dates come from the plan (the audit date, else "today"), never from the wall clock,
  and its /ID is derived from the content, so two runs are byte-identical.
- `write_pdfs(tasks, today)` renders many plans in parallel processes, one PDF each, written
  atomically; a broken plan fails only its own PDF and returns its located errors.
- `run_pdf(path, output, today)` is `playbook pdf PLAN [-o FILE] [--today DATE]`.

Plan text is untrusted and WeasyPrint can fetch URLs, so it renders with `ThemeFetcher`: it
serves files under `theme/` (our stylesheet and fonts) and `data:image/…` URLs, and refuses
everything else — other local files, http(s), ftp — recording each refusal. WeasyPrint
swallows fetch errors (inside SVG in particular), so after rendering the refusals are
checked: a refused URL the plan supplied is expected (it is reported, not fetched); any
other refusal means our own template asked for something it should not, and is a bug.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from generator.errors import InternalError, PlanError, PlanValidationError, UserError
from generator.loader import LoadedPlan, display_path, load_plan
from generator.templating import THEME, render_template
from generator.workers import fewer_collections, start_pool

TEMPLATE = "pdf/audit.j2.html"
BASE_URL = (THEME / "pdf").as_uri() + "/"


# the fetcher ------------------------------------------------------------------------------------


def _weasyprint() -> Any:
    import weasyprint

    return weasyprint


class FetchRefused(Exception):
    """A URL the PDF renderer may not open."""


@dataclass
class FetchLog:
    """What the fetcher served and what it refused during one rendering."""

    served: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def make_fetcher(root: Path, log: FetchLog) -> Any:
    """A WeasyPrint URL fetcher that serves only files under `root` and `data:image/…` URLs."""
    weasyprint = _weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = root.resolve()

    class ThemeFetcher(URLFetcher):
        """Files under the theme folder, inline images; nothing else (no network, no other files)."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme == "file":
                parts = urlsplit(url)
                if parts.netloc not in ("", "localhost"):
                    return self._refuse(url)
                path = Path(url2pathname(unquote(parts.path))).resolve()
                if path.is_relative_to(root) and path.is_file():
                    log.served.append(path.relative_to(root).as_posix())
                    return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": _mime(path)})
                return self._refuse(url)
            if scheme == "data" and url[5:].lstrip().lower().startswith("image/"):
                log.served.append("data:image")
                return super().fetch(url, headers)
            return self._refuse(url)

        def _refuse(self, url: str) -> Any:
            log.refused.append(url)
            raise FetchRefused(f"playbook does not fetch {url[:200]}")

    del weasyprint
    return ThemeFetcher(timeout=1, allowed_protocols=("file", "data"), allow_redirects=False)


def _mime(path: Path) -> str:
    return {
        ".css": "text/css",
        ".ttf": "font/ttf",
        ".otf": "font/otf",
        ".woff2": "font/woff2",
        ".svg": "image/svg+xml",
    }.get(path.suffix.lower(), "application/octet-stream")


# rendering --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rendered:
    """A rendered PDF and what the fetcher refused on the way (plan-supplied URLs)."""

    pdf: bytes
    refused: tuple[str, ...]
    served: tuple[str, ...]
    pages: int


def render_html(loaded: LoadedPlan, figures: Any) -> str:
    """The audit as HTML (autoescaped template, values from `generator.pdf_context`)."""
    from generator.pdf_context import build_context

    return render_template(TEMPLATE, c=build_context(loaded, figures))


def _plan_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _plan_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _plan_strings(item)


@contextmanager
def _quiet_weasyprint() -> Iterator[list[str]]:
    """Collect WeasyPrint's warnings (failed fetches, unsupported CSS) instead of printing them."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("weasyprint")
    handler = Collect(level=logging.WARNING)
    saved = logger.propagate, logger.handlers[:]
    logger.handlers = [handler]
    logger.propagate = False
    try:
        yield messages
    finally:
        logger.propagate, logger.handlers = saved[0], saved[1]


def render_pdf_checked(loaded: LoadedPlan, figures: Any) -> Rendered:
    """Render the PDF and account for every URL WeasyPrint asked for.

    Refusals of URLs that appear in the plan's own text are expected (hostile or careless
    plans) and returned; a refusal of anything else is a bug in our template and raises.
    """
    weasyprint = _weasyprint()
    html = render_html(loaded, figures)
    log = FetchLog()
    fetcher = make_fetcher(THEME, log)
    with _quiet_weasyprint(), fewer_collections():
        document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render()
        digest = hashlib.md5(html.encode("utf-8"), usedforsecurity=False).hexdigest().encode("ascii")
        pdf = document.write_pdf(pdf_identifier=digest, uncompressed_pdf=False)
    plan_text = "\n".join(_plan_strings(loaded.plan.model_dump(mode="json")))
    unexpected = [url for url in log.refused if not _from_plan(url, plan_text)]
    if unexpected:
        raise InternalError(f"the PDF template asked for resources outside theme/: {', '.join(unexpected[:5])}")
    return Rendered(
        pdf=pdf, refused=tuple(log.refused), served=tuple(sorted(set(log.served))), pages=len(document.pages)
    )


def _from_plan(url: str, plan_text: str) -> bool:
    """Whether a refused URL is one the plan wrote (possibly resolved against the base URL)."""
    if url in plan_text or unquote(url) in plan_text:
        return True
    if url.startswith(BASE_URL):
        relative = unquote(url[len(BASE_URL) :])
        return bool(relative) and relative in plan_text
    return False


def render_pdf(loaded: LoadedPlan, figures: Any) -> bytes:
    """The PDF audit of a plan as bytes (pure: same plan and figures, same bytes)."""
    return render_pdf_checked(loaded, figures).pdf


# writing ----------------------------------------------------------------------------------------


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _check_target(output: Path) -> None:
    """Never overwrite a file that is not a PDF (a plan, a hand-written page)."""
    if output.is_dir():
        raise UserError(f"{display_path(output)}: is a folder; give a file name ending in .pdf")
    if output.exists():
        with output.open("rb") as handle:
            if handle.read(5) != b"%PDF-":
                raise UserError(f"{display_path(output)}: exists and is not a PDF; refusing to overwrite it")


@dataclass(frozen=True)
class TaskResult:
    """The outcome of one plan → PDF task."""

    plan: Path
    output: Path
    errors: tuple[PlanError, ...] = ()
    seconds: float = 0.0
    pages: int = 0
    shown: str = ""  # how to name the output to the consultant (the site build writes into a staging folder)


@dataclass(frozen=True)
class PdfJob:
    """One PDF to write: a plan file, or a plan already loaded and computed by the caller.

    The site build has every plan loaded and its figures computed already; it hands them over
    (pickled to the worker) so the PDF shows exactly the figures the pages show, and no plan is
    read or computed twice. `playbook pdf` gives a path and the worker loads it.
    """

    plan: Path
    output: Path
    loaded: LoadedPlan | None = None
    figures: Any = None
    shown: str = ""
    cache: tuple[str, str] | None = None  # (cache folder, key): store the PDF there too (generator.cache)


def render_task(job: PdfJob, today: date) -> TaskResult:
    """Load and compute (unless given), render and write one PDF (runs in a worker process)."""
    from generator.figures import compute_figures

    started = time.perf_counter()
    loaded, figures = job.loaded, job.figures
    if loaded is None:
        try:
            loaded = load_plan(job.plan)
        except PlanValidationError as exc:
            return TaskResult(job.plan, job.output, tuple(exc.errors))
        except UserError as exc:
            return TaskResult(
                job.plan, job.output, (PlanError(display_path(job.plan), 1, 1, "", str(exc).split(": ", 1)[-1]),)
            )
    if figures is None:
        figures = compute_figures(loaded, today)
    rendered = render_pdf_checked(loaded, figures)
    _check_target(job.output)
    write_atomic(job.output, rendered.pdf)
    if job.cache is not None:
        from generator.cache import PdfCache

        folder, key = job.cache
        PdfCache(Path(folder)).put(key, rendered.pdf)
    return TaskResult(job.plan, job.output, (), time.perf_counter() - started, rendered.pages, job.shown)


def _is_interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


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
    ) -> None:
        self.jobs = [task if isinstance(task, PdfJob) else PdfJob(task[0], task[1]) for task in tasks]
        for job in self.jobs:
            _check_target(job.output)
        self.today = today
        self.pool: ProcessPoolExecutor | None = None
        self.futures: list[Future[TaskResult]] = []
        count = min(len(self.jobs), workers or os.cpu_count() or 1)
        if count > 1 or (background and self.jobs):  # background: even one PDF leaves this process free
            self.pool = start_pool(max(1, count))
            self.futures = [self.pool.submit(render_task, job, today) for job in self.jobs]

    def cancel(self, wait: bool = True) -> None:
        """Stop: the build failed elsewhere, or a newer preview build replaces this one."""
        if self.pool is not None:
            self.pool.shutdown(wait=wait, cancel_futures=True)
            self.pool = None

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
                console.print(line, markup=False)

        progress = Progress(
            TextColumn("PDF audits"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            disable=not interactive,
        )
        failures: list[BaseException] = []
        try:
            with progress:
                bar = progress.add_task("pdf", total=len(self.jobs))
                if self.pool is None:
                    for job in self.jobs:
                        report(render_task(job, self.today))
                        progress.advance(bar)
                for future in self.futures:
                    try:
                        report(future.result())
                    except BaseException as exc:  # a bug: finish the others, then raise
                        failures.append(exc)
                    progress.advance(bar)
        finally:
            self.cancel()
        if failures:
            raise failures[0]
        return sorted(set(errors))


def write_pdfs(
    tasks: Sequence[tuple[Path, Path] | PdfJob], today: date, workers: int | None = None
) -> list[PlanError]:
    """Render every (plan, output PDF) task or `PdfJob`, in parallel processes; return the plans' errors.

    A plan with errors gets no PDF (and an old PDF of it is left as it was); the others are
    still written.
    """
    return PdfBatch(tasks, today, workers).finish()


def run_pdf(path: Path, output: Path | None, today: date | None) -> int:
    """`playbook pdf PLAN [-o FILE] [--today DATE]`: exit 0, or 1 with the plan's located errors."""
    from generator.cli import EXIT_OK, EXIT_PLAN, print_errors

    if not path.is_file():
        raise UserError(f"{display_path(path)}: no such file")
    target = output or Path(f"{path.stem}-audit.pdf")
    errors = write_pdfs([(path, target)], today or date.today())
    if errors:
        print_errors(errors)
        return EXIT_PLAN
    return EXIT_OK
