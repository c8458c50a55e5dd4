"""The printable PDF audit: figures → HTML (the one Jinja environment) → WeasyPrint → bytes.

`render_pdf(loaded, figures) -> bytes` is pure: same plan and figures, same bytes. The PDF's
dates come from the plan (the audit date, else "today"), never from the wall clock, and its /ID
is derived from the content, so two runs are byte-identical. Writing many PDFs in parallel is
`generator.builder.pdfs`.

Plan text is untrusted and WeasyPrint can fetch URLs, so it renders with `ThemeFetcher`: it
serves files under `theme/` (our stylesheet and fonts) and `data:image/…` URLs, and refuses
everything else — other local files, http(s), ftp — recording each refusal. WeasyPrint
swallows fetch errors (inside SVG in particular), so after rendering the refusals are
checked: a refused URL the plan supplied is expected (it is reported, not fetched); any
other refusal means our own template asked for something it should not, and is a bug.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from generator.errors import InternalError
from generator.model import LoadedPlan
from generator.render.templating import THEME, render_template
from generator.workers import fewer_collections

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


def render_html(loaded: LoadedPlan, figures: Any, branding: Any = None, review: bool = False) -> str:
    """The audit as HTML (autoescaped template, values from `generator.present.pdf`); `review`: the
    consultant's review copy, marked as such on every page (`playbook build --review`)."""
    from generator.present.pdf import build_context

    return render_template(TEMPLATE, c=build_context(loaded, figures, branding, review=review))


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


@contextmanager
def private_tempdir(parent: Path | None = None) -> Iterator[Path]:
    """A temporary folder of this rendering only, removed however it ends (done, failed, interrupted).

    WeasyPrint writes the @font-face fonts to a `weasyprint-XXXX` folder of the temp dir and removes
    it only when its font configuration is garbage-collected, which a worker process never waited
    for: 1.45 MB left behind per PDF. Pointing the process's temp dir (`tempfile.tempdir`) at a folder
    of our own for the rendering puts that folder inside it; one PDF renders at a time per process.
    `parent` is where to make it (the PDF batch's folder, which the build removes), else the temp dir."""
    folder = Path(tempfile.mkdtemp(prefix="playbook-pdf-", dir=parent))
    saved = tempfile.tempdir
    tempfile.tempdir = str(folder)
    try:
        yield folder
    finally:
        tempfile.tempdir = saved
        shutil.rmtree(folder, ignore_errors=True)


def render_pdf_checked(
    loaded: LoadedPlan, figures: Any, branding: Any = None, review: bool = False, scratch: Path | None = None
) -> Rendered:
    """Render the PDF and account for every URL WeasyPrint asked for.

    Refusals of URLs that appear in the plan's own text are expected (hostile or careless
    plans) and returned; a refusal of anything else is a bug in our template and raises.
    """
    weasyprint = _weasyprint()
    html = render_html(loaded, figures, branding, review)
    log = FetchLog()
    fetcher = make_fetcher(THEME, log)
    with _quiet_weasyprint(), fewer_collections(), private_tempdir(scratch):
        document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render()
        # No file identifier (/ID, optional but for encrypted files, which get pypdf's): asking for
        # one has pydyf serialise every object a second time to hash it, a tenth of the PDF's time.
        # The same plan still gives the same bytes (nothing random or dated but what the plan says).
        pdf = document.write_pdf(uncompressed_pdf=False, pdf_tags=True)
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


def render_document(html: str) -> bytes:
    """A PDF of playbook's own HTML (the intake form) with the same sealed fetcher: theme files only;
    any refusal is a bug in the template, since no text in it comes as a URL."""
    weasyprint = _weasyprint()
    log = FetchLog()
    with _quiet_weasyprint(), fewer_collections():
        document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=make_fetcher(THEME, log)).render()
        pdf: bytes = document.write_pdf(uncompressed_pdf=False)
    if log.refused:
        raise InternalError(f"the template asked for resources outside theme/: {', '.join(log.refused[:5])}")
    return pdf
