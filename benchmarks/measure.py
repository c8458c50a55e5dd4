"""The measurements of `make bench` (benchmarks/run.py runs them and prints the report): the
helpers that run playbook and the bare tools on synthetic portfolios, and one function per figure.
All work happens in a temporary folder; plans/ and site/ are never touched."""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 22)
PYTHON = sys.executable
PLAYBOOK = str(Path(PYTHON).parent / "playbook")
MKDOCS = str(Path(PYTHON).parent / "mkdocs")
# CI=true: playbook prints one plain line per PDF instead of a progress bar (we count them).
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOK_TODAY": TODAY.isoformat(), "CI": "true"}
ENV.pop("PLAYBOOK_CLIENTS", None)
ENV.pop("PLAYBOOK_CACHE_DIR", None)


def say(message: str) -> None:
    """Progress on stderr, so a user sees the benchmark working (the table goes to stdout)."""
    print(f"… {message}", file=sys.stderr, flush=True)


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def run(command: list[str], *, progress: str = "", env: dict[str, str] | None = None) -> None:
    """Run a command; fail with its output. With `progress`, count stderr lines starting with it
    (playbook's "pdf: wrote …") and say how far it got every tenth of the way."""
    process = subprocess.Popen(
        command, env={**ENV, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert process.stdout is not None
    lines: list[str] = []
    done = 0
    for line in process.stdout:
        lines.append(line)
        if progress and line.startswith(progress):
            done += 1
            if done % 20 == 0:
                say(f"  {done} PDFs written")
    if process.wait() != 0:
        tail = "".join(lines[-15:])
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {tail}")


def write_config(work: Path, name: str, *, pdf: bool = True, playbook: bool = True, docs: Path | None = None) -> Path:
    """A copy of the project's mkdocs.yml usable from `work`: absolute docs_dir and theme folder;
    PDFs on or off; or without the playbook plugin at all (the bare build keeps `search`)."""
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    if docs is None:
        # a copy of content/ inside the work folder: playbook refuses a docs_dir whose links leave
        # the project (the folder of the config file), and copytree turns links into files
        docs = work / "content"
        if not docs.is_dir():
            shutil.copytree(ROOT / "content", docs)
    text = text.replace("docs_dir: content", f"docs_dir: {docs}")
    text = text.replace("custom_dir: theme/overrides", f"custom_dir: {ROOT / 'theme' / 'overrides'}")
    if playbook:
        text = text.replace("      plans: plans\n", f"      plans: plans\n      pdf: {'true' if pdf else 'false'}\n")
    else:
        text = text[: text.index("  - playbook:")]  # the playbook plugin is the last entry of the file
    if "docs_dir: content" in text or "custom_dir: theme/" in text or (playbook and "pdf:" not in text):
        raise RuntimeError("mkdocs.yml changed shape; update write_config in benchmarks/run.py")
    path = work / name
    path.write_text(text, "utf-8")
    return path


def build(plans: Path, site: Path, config: Path, *, cache_dir: Path | None = None) -> None:
    """`playbook build` of `plans` into `site`: without the cache, or with the cache in `cache_dir`."""
    command = [PLAYBOOK, "build", "--plans", str(plans), "--site-dir", str(site), "--config", str(config)]
    command += ["--today", TODAY.isoformat()] + ([] if cache_dir else ["--no-cache"])
    run(command, progress="pdf: wrote", env={"PLAYBOOK_CACHE_DIR": str(cache_dir or site.parent / "unused-cache")})


def copy_portfolio(source: Path, count: int, folder: Path) -> Path:
    """The first `count` plans of `source` (client i is always the same plan) as their own folder."""
    folder.mkdir(parents=True)
    for path in sorted(source.glob("bench-*.yaml"))[:count]:
        shutil.copyfile(path, folder / path.name)
    return folder


# the measurements ---------------------------------------------------------------------------------


def measure_site_overhead(work: Path, plans: Path, runs: int = 3) -> tuple[float, float, float]:
    """Seconds of our site build (PDFs off, no cache), of a bare `mkdocs build` of the same pages as
    plain Markdown, and of our build with every client in the per-client cache (best of `runs`)."""
    from generator.builder.clients import load_clients
    from generator.draw.charts import CHART_CSS
    from generator.render.home import render_home

    ours = write_config(work, "site-ours.yml", pdf=False)
    docs = work / "bare-docs"
    shutil.copytree(ROOT / "content", docs)
    clients = load_clients(plans, [], TODAY)
    (docs / "index.md").write_text(render_home([c.row for c in clients], "ru"), "utf-8")
    (docs / "assets" / "stylesheets").mkdir(parents=True, exist_ok=True)
    (docs / "assets" / "stylesheets" / "charts.css").write_text(CHART_CSS, "utf-8")
    for client in clients:
        for path, markdown in client.pages:
            target = docs / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, "utf-8")
        for name, data in client.files:  # the calendar files: our build copies them into the site too
            (docs / client.slug / name).write_bytes(data)
    bare = write_config(work, "site-bare.yml", playbook=False, docs=docs)
    warm_cache = work / "warm-cache"
    build(plans, work / "warm-site", ours, cache_dir=warm_cache)  # fills the per-client cache

    def warm() -> None:
        """Plans unchanged, but the whole-build record forgotten (as after an edit of content/ or
        mkdocs.yml): MkDocs renders every page, the clients come from the per-client cache."""
        shutil.rmtree(warm_cache / "builds", ignore_errors=True)
        build(plans, work / "warm-site", ours, cache_dir=warm_cache)

    times_ours, times_bare, times_warm = [], [], []
    for _ in range(runs):  # alternate, so a noisy moment hits all three
        times_bare.append(timed(lambda: run([MKDOCS, "build", "-q", "-f", str(bare), "-d", str(work / "bare-site")])))
        times_ours.append(timed(lambda: build(plans, work / "ours-site", ours)))
        times_warm.append(timed(warm))
    return min(times_ours), min(times_bare), min(times_warm)


def measure_pdf_overhead(work: Path, plan: Path, runs: int = 3) -> tuple[float, float, float]:
    """Our PDF step for one plan vs bare WeasyPrint on the same HTML (in this process, both warm)."""
    import weasyprint

    from generator.builder.pdfs import PdfJob, render_task
    from generator.compute.figures import compute_figures
    from generator.load.loader import load_plan
    from generator.render.pdf import BASE_URL, render_html

    loaded = load_plan(plan)
    html = render_html(loaded, compute_figures(loaded, TODAY))
    out = work / "pdf"
    out.mkdir()
    (out / "audit.html").write_text(html, "utf-8")

    def ours() -> None:
        result = render_task(PdfJob(plan, out / "ours.pdf"), TODAY)
        if result.errors:
            raise RuntimeError(f"{plan}: {result.errors[0]}")

    def bare() -> None:
        # the same tagged PDF (PDF/UA structure) as ours, so the ratio compares like with like
        (out / "bare.pdf").write_bytes(weasyprint.HTML(string=html, base_url=BASE_URL).write_pdf(pdf_tags=True))

    ours()  # warm both: fonts and imports load once per process
    bare()
    times_ours: list[float] = []
    times_bare: list[float] = []
    for turn in range(2 * runs):  # A B B A ...: neither always goes first after the other
        for action, times in ((bare, times_bare), (ours, times_ours))[:: 1 if turn % 2 == 0 else -1]:
            # Each run starts with the garbage of the one before collected (untimed): else a PDF pays
            # for the previous one's, and the ratio depends on which ran first (seen: ±8 % a pair).
            gc.collect()
            times.append(timed(action))
    return min(times_ours) / min(times_bare), min(times_ours), min(times_bare)


PDFS_SCRIPT = """
import sys
from datetime import date
from pathlib import Path
from generator.builder.pdfs import write_pdfs
plans, out, workers = sorted(Path(sys.argv[1]).glob("*.yaml")), Path(sys.argv[2]), int(sys.argv[3])
sys.exit(1 if write_pdfs([(p, out / (p.stem + ".pdf")) for p in plans], date(2026, 11, 22), workers) else 0)
"""


def measure_pdf_parallel(work: Path, plans: Path) -> tuple[float, float, float, int]:
    """20 clients' PDFs with `write_pdfs(workers=1)` vs `workers=os.cpu_count()`, each in a fresh process."""
    cores = os.cpu_count() or 1
    (work / "one").mkdir()
    (work / "all").mkdir()
    one = timed(lambda: run([PYTHON, "-c", PDFS_SCRIPT, str(plans), str(work / "one"), "1"], progress="pdf: wrote"))
    every = timed(
        lambda: run([PYTHON, "-c", PDFS_SCRIPT, str(plans), str(work / "all"), str(cores)], progress="pdf: wrote")
    )
    return one / every, one, every, cores


def measure_whole_build(work: Path, plans: Path, count: int, cache: Path | None = None, *, pdf: bool = True) -> float:
    """Seconds per client of a cold build of `count` clients: the whole build (site + PDFs +
    calendars), or with `pdf=False` the site alone; no cache, or an empty cache folder `cache`
    that the build fills (a consultant's first build). The site is kept for `site_weight`."""
    name = f"{'full' if pdf else 'site'}-{count}"
    config = write_config(work, f"{name}.yml", pdf=pdf)
    return timed(lambda: build(plans, work / name, config, cache_dir=cache)) / count


def site_weight(site: Path) -> tuple[float, int]:
    """Mean bytes of a client's HTML page (every `<slug>/**/index.html` of the synthetic clients)
    and the bytes of the whole site (`playbook site-size`'s count)."""
    from generator.builder.sitesize import measure

    pages = [p.stat().st_size for p in site.glob("bench-*/**/index.html")]
    if not pages:
        raise RuntimeError(f"{site}: no client pages")
    return sum(pages) / len(pages), measure(site).total


def measure_cache(work: Path, plans: Path, cache: Path, cold: float = 0.0) -> tuple[float, float, float]:
    """Cold build into an empty cache (unless `measure_whole_build` just did it: `cold` seconds),
    the same build again (nothing changed), then one plan edited."""
    count = len(list(plans.glob("*.yaml")))
    config, site = write_config(work, f"full-{count}.yml"), work / f"full-{count}"
    cold = cold or timed(lambda: build(plans, site, config, cache_dir=cache))
    again = min(timed(lambda: build(plans, site, config, cache_dir=cache)) for _ in range(3))
    plan = sorted(plans.glob("*.yaml"))[0]
    plan.write_text(plan.read_text("utf-8").replace("name: ", "name: Изм. ", 1), "utf-8")
    edited = timed(lambda: build(plans, site, config, cache_dir=cache))
    return cold, again, edited


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, OSError):
        return ""


def measure_serve(work: Path, plans: Path, cache: Path, clients: str = "") -> float:
    """Seconds from a plan edit to the new text on the client's page under `mkdocs serve` (defaults:
    no --dirty, live reload on).

    The server's cache folder is `cache`, the one the cache measurement filled for these plans:
    its first build then finds every PDF ready, as a preview that has been running a while does,
    instead of rendering ten in the background while the edit is timed. The edited plan's PDF
    does render anew, in the background, as it would for the consultant.
    """
    config = write_config(work, f"serve{'-one' if clients else ''}.yml")
    config.write_text(config.read_text("utf-8").replace("      plans: plans\n", f"      plans: {plans}\n"), "utf-8")
    port = free_port()
    log_path = work / f"serve-{port}.log"
    log = log_path.open("wb")
    server = subprocess.Popen(
        [MKDOCS, "serve", "--dirty", "-f", str(config), "-a", f"127.0.0.1:{port}"],  # as `make serve`
        env={**ENV, "PLAYBOOK_CACHE_DIR": str(cache), "PLAYBOOK_CLIENTS": clients},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: the server and its PDF workers stop together
    )
    plan = sorted(plans.glob("*.yaml"))[0]
    page = f"http://127.0.0.1:{port}/{plan.stem}/"

    def last_line() -> str:
        lines = log_path.read_text("utf-8", errors="replace").strip().splitlines()
        return lines[-1] if lines else "no output"

    try:
        deadline = time.monotonic() + 300
        while "<html" not in fetch(page):
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(f"mkdocs serve did not come up: {last_line()}")
            time.sleep(0.2)
        expected = len(list(plans.glob("*.yaml"))) if not clients else 1
        while len(list((cache / "pdf").glob("*.pdf"))) < expected:  # normally there already
            if time.monotonic() > deadline:
                raise RuntimeError("the preview's PDFs never finished")
            time.sleep(0.5)
        time.sleep(2)  # let the watcher settle
        marker = f"Правка {port}"
        original = plan.read_text("utf-8")
        started = time.perf_counter()
        plan.write_text(original.replace("name: ", f"name: {marker} ", 1), "utf-8")
        while marker not in fetch(page):
            if time.perf_counter() - started > 300:
                raise RuntimeError(f"the edit never reached the page: {last_line()}")
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        plan.write_text(original, "utf-8")
        return seconds
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()
