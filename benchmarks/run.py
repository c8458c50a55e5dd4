"""`make bench`: playbook's speed against the bare tools it drives, on synthetic portfolios.

Prints a table (figure, value, target, how it was measured, seconds the measurement took),
then one summary line:

    bench: site_overhead=R pdf_overhead=R per_client_10=S per_client_200=S pdf_parallel_speedup=R serve_rebuild=S

- site_overhead: our site build (`playbook build --no-cache`, PDFs off) ÷ a bare `mkdocs build`
  of the same pages written out as plain Markdown files (same theme, same other plugins), 10 clients;
- pdf_overhead: our PDF step for one plan (load, compute, HTML, WeasyPrint, write) ÷ bare
  WeasyPrint rendering the same HTML with its default fetcher;
- per_client_N: wall seconds per client of a whole first build (site + PDFs + calendars, empty
  cache) of N clients;
- pdf_parallel_speedup: 20 clients' PDFs in one process ÷ on all cores (`write_pdfs` workers);
- serve_rebuild: seconds from a plan edit to the rebuilt page under `mkdocs serve`, 10 clients.

The table also has cached_rebuild (an unchanged second build ÷ the cold build) and, with
--scaling, the site build alone (PDFs off) at 10, 50 and 200 clients, in seconds per client.
Short timings are the best of a few runs (shared machines are noisy). All work happens in a
temporary folder; plans/ and site/ are never touched. benchmarks/README.md records the figures.

    .venv/bin/python benchmarks/run.py [--quick] [--scaling] [--only NAME,...] [--keep]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.make_plans import write_portfolio  # noqa: E402

TODAY = date(2026, 11, 22)
PYTHON = sys.executable
PLAYBOOK = str(Path(PYTHON).parent / "playbook")
MKDOCS = str(Path(PYTHON).parent / "mkdocs")
# CI=true: playbook prints one plain line per PDF instead of a progress bar (we count them).
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOK_TODAY": TODAY.isoformat(), "CI": "true"}
ENV.pop("PLAYBOOK_CLIENTS", None)
ENV.pop("PLAYBOOK_CACHE_DIR", None)
SUMMARY = ("site_overhead", "pdf_overhead", "per_client_10", "per_client_200", "pdf_parallel_speedup", "serve_rebuild")


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
    from generator.render.charts import CHART_CSS
    from generator.render.site import render_portfolio

    ours = write_config(work, "site-ours.yml", pdf=False)
    docs = work / "bare-docs"
    shutil.copytree(ROOT / "content", docs)
    clients = load_clients(plans, [], TODAY)
    (docs / "index.md").write_text(render_portfolio([(c.loaded, c.figures) for c in clients], "ru"), "utf-8")
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
        (out / "bare.pdf").write_bytes(weasyprint.HTML(string=html, base_url=BASE_URL).write_pdf())

    ours()  # warm both: fonts and imports load once per process
    bare()
    times_ours: list[float] = []
    times_bare: list[float] = []
    for turn in range(2 * runs):  # A B B A ...: neither always goes first after the other
        for action, times in ((bare, times_bare), (ours, times_ours))[:: 1 if turn % 2 == 0 else -1]:
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
    that the build fills (a consultant's first build)."""
    name = f"{'full' if pdf else 'site'}-{count}"
    config = write_config(work, f"{name}.yml", pdf=pdf)
    return timed(lambda: build(plans, work / name, config, cache_dir=cache)) / count


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


# the report -----------------------------------------------------------------------------------------


@dataclass
class Row:
    name: str
    value: str
    target: str = ""
    note: str = ""
    took: float = 0.0


def machine() -> str:
    """Cores, CPU model, Python and the versions of the tools measured, for the README."""
    model = platform.processor() or "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("mkdocs", "mkdocs-material", "weasyprint"))
    return f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}, {versions}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="50 clients instead of 200 for the large portfolio")
    parser.add_argument(
        "--scaling", action="store_true", help="also time the site build alone (PDFs off) at 10, 50, 200 clients"
    )
    parser.add_argument("--only", default="", help="comma-separated steps: site,pdf,parallel,full,cache,serve,scaling")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (its path is printed)")
    args = parser.parse_args()
    large = 50 if args.quick else 200
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    os.environ.update({k: ENV[k] for k in ("NO_MKDOCS_2_WARNING", "CI")})
    os.environ.pop("PLAYBOOK_CACHE_DIR", None)
    work = Path(tempfile.mkdtemp(prefix="playbook-bench-"))
    started = time.perf_counter()
    rows: list[Row] = []

    def wanted(name: str) -> bool:
        return name in only if only else name != "scaling" or args.scaling

    def step(name: str, what: str, measure: Callable[[], list[Row]], names: list[str]) -> None:
        """One measurement, timed; a failure is reported in the table and the others still run."""
        if not wanted(name):
            return
        say(what)
        began = time.perf_counter()
        try:
            found = measure()
        except Exception as exc:  # a benchmark reports, it does not stop at the first problem
            reason = " ".join(str(exc).split())[:300] or type(exc).__name__
            found = [Row(n, "failed", note=reason) for n in names]
        took = time.perf_counter() - began
        if found:
            found[0].took = took
        for row in found:
            say(f"{row.name} = {row.value}  ({row.note})")
        say(f"  took {took:.0f} s")
        rows.extend(found)

    try:
        say(f"machine: {machine()}")
        biggest = max(20, large if wanted("full") else 0, 200 if wanted("scaling") else 0)
        say(f"writing {biggest} synthetic plans into {work}")
        source = work / "plans-all"
        write_portfolio(biggest, source)
        p10, p20 = copy_portfolio(source, 10, work / "plans-10"), copy_portfolio(source, 20, work / "plans-20")
        plarge = copy_portfolio(source, large, work / f"plans-{large}")
        first = sorted(p10.glob("*.yaml"))[0]
        cache = work / "cache-10"

        def site() -> list[Row]:
            ours, bare, warm = measure_site_overhead(work, p10, runs=2)
            note = f"playbook build --no-cache, PDFs off: {ours:.2f} s / bare mkdocs build: {bare:.2f} s (best of 2)"
            note_warm = f"every client from the per-client cache: {warm:.2f} s / bare {bare:.2f} s"
            return [
                Row("site_overhead", f"{ours / bare:.2f}", "≤ 1.10", note),
                Row("site_overhead_warm", f"{warm / bare:.2f}", "", note_warm),
            ]

        def pdf() -> list[Row]:
            ratio, ours, bare = measure_pdf_overhead(work, first, runs=1)
            note = f"our PDF step: {ours:.2f} s / bare WeasyPrint: {bare:.2f} s (best of 2: A B, then B A)"
            return [Row("pdf_overhead", f"{ratio:.2f}", "≤ 1.05", note)]

        def parallel() -> list[Row]:
            ratio, one, every, cores = measure_pdf_parallel(work, p20)
            note = f"20 PDFs: 1 process {one:.1f} s / {cores} processes {every:.1f} s"
            return [Row("pdf_parallel_speedup", f"{ratio:.2f}", "≥ 1.7", note)]

        per: dict[int, float] = {}

        def whole(count: int, plans: Path) -> Callable[[], list[Row]]:
            def measure() -> list[Row]:
                # into an empty cache, as a consultant's first build (the cache is on by default);
                # for 10 clients it is the cold build the cache measurement starts from
                per[count] = measure_whole_build(work, plans, count, cache if count == 10 else work / f"cache-{count}")
                target, note = "", f"{per[count] * count:.0f} s for {count} clients"
                if count != 10:
                    target = "≤ 1.2 × per_client_10"
                    if 10 in per:
                        note += f"; {per[count] / per[10]:.2f} × per_client_10"
                return [Row(f"per_client_{count}", f"{per[count]:.2f}", target, note)]

            return measure

        def cached() -> list[Row]:
            cold, again, edited = measure_cache(work, p10, cache, per[10] * 10 if 10 in per else 0.0)
            return [
                Row("cached_rebuild", f"{again / cold:.3f}", "≤ 0.10", f"unchanged {again:.2f} s / cold {cold:.2f} s"),
                Row("one_plan_edited", f"{edited / cold:.2f}", "", f"one plan edited: {edited:.2f} s / cold"),
            ]

        def serve() -> list[Row]:
            seconds = measure_serve(work, p10, cache)
            return [Row("serve_rebuild", f"{seconds:.2f}", "≤ 2", "s from the plan edit to the new page, 10 clients")]

        def scaling() -> list[Row]:
            found, base = [], 0.0
            for count in (10, 50, 200):
                say(f"  site alone, {count} clients")
                plans = copy_portfolio(source, count, work / f"scale-{count}")
                seconds = measure_whole_build(work, plans, count, pdf=False)
                base = base or seconds
                note = f"{seconds * count:.1f} s in all; {seconds / base:.2f} × 10 clients' per client"
                found.append(Row(f"site_per_client_{count}", f"{seconds:.3f}", "", note))
            return found

        step("site", "site: ours (cold, warm) vs bare mkdocs, same pages (10 clients, 2 runs)", site, ["site_overhead"])
        step("pdf", "pdf: our PDF step vs bare WeasyPrint, same HTML (1 plan, 2 runs each)", pdf, ["pdf_overhead"])
        step("parallel", "pdf: 20 clients' PDFs in 1 process, then on all cores", parallel, ["pdf_parallel_speedup"])
        step("full", "whole cold build of 10 clients (site + PDFs + calendars)", whole(10, p10), ["per_client_10"])
        step("cache", "build cache: cold, unchanged ×3, one plan edited (10 clients)", cached, ["cached_rebuild"])
        if not (cache / "pdf").is_dir():  # --only serve: fill the preview's cache first

            def fill() -> list[Row]:
                measure_cache(work, p10, cache)
                return []

            step("serve", "filling a build cache for the preview (10 clients)", fill, [])
        step("serve", "mkdocs serve: a plan edit until the page shows it (10 clients)", serve, ["serve_rebuild"])

        def serve_one() -> list[Row]:
            seconds = measure_serve(work, p10, cache, clients=first.stem)
            note = "s, make serve CLIENT=<the edited client>: its pages alone"
            return [Row("serve_rebuild_one_client", f"{seconds:.2f}", "", note)]

        step("serve", "mkdocs serve of the edited client alone", serve_one, ["serve_rebuild_one_client"])
        step("scaling", "site build alone (PDFs off) at 10, 50, 200 clients", scaling, ["site_per_client"])
        step(
            "full",
            f"whole cold build of {large} clients (the long pole: {large} PDFs on {os.cpu_count()} cores)",
            whole(large, plarge),
            [f"per_client_{large}"],
        )
    finally:
        if args.keep:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    took = time.perf_counter() - started
    header = Row("figure", "value", "target", "measured as", 0.0)
    width = [max(len(getattr(r, f)) for r in [header, *rows]) for f in ("name", "value", "target")]
    print(f"{header.name:<{width[0]}}  {header.value:>{width[1]}}  {header.target:<{width[2]}}  took  {header.note}")
    for r in rows:
        spent = f"{r.took:3.0f} s" if r.took else "     "
        print(f"{r.name:<{width[0]}}  {r.value:>{width[1]}}  {r.target:<{width[2]}}  {spent}  {r.note}")
    print(f"machine: {machine()}; bench took {took:.0f} s")
    figures = {r.name: r.value for r in rows}
    names = [name.replace("per_client_200", f"per_client_{large}") for name in SUMMARY]
    print("bench: " + " ".join(f"{name}={figures.get(name, 'failed')}" for name in names))


if __name__ == "__main__":
    main()
