"""`make bench`: playbook's speed against the bare tools it drives, on synthetic portfolios.

Prints a table, then one summary line:

    bench: site_overhead=R pdf_overhead=R per_client_10=S per_client_200=S pdf_parallel_speedup=R serve_rebuild=S

- site_overhead: our site build (PDFs off, no cache) ÷ a bare `mkdocs build` of the same pages
  written out as plain Markdown files (same theme, same other plugins);
- pdf_overhead: our PDF step for one plan (load, compute, HTML, WeasyPrint, write) ÷ bare
  WeasyPrint rendering the same HTML with its default fetcher;
- per_client_N: wall seconds per client of a whole cold build (site + PDFs + calendars) of N clients;
- pdf_parallel_speedup: 20 clients' PDFs on all cores ÷ in one process;
- serve_rebuild: seconds from a plan edit to the rebuilt page under `mkdocs serve`, 10 clients.

Every timing is the best of a few runs where a run is short (shared machines are noisy). All work
happens in a temporary folder; plans/ and site/ are never touched. Figures are recorded in
benchmarks/README.md by hand, with the machine they ran on.

    .venv/bin/python benchmarks/run.py [--quick]     (--quick: 50 clients instead of 200)
"""

from __future__ import annotations

import argparse
import contextlib
import os
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
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.make_plans import write_portfolio  # noqa: E402

TODAY = date(2026, 11, 22)
PYTHON = sys.executable
PLAYBOOK = str(Path(PYTHON).parent / "playbook")
MKDOCS = str(Path(PYTHON).parent / "mkdocs")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOK_TODAY": TODAY.isoformat(), "CI": "true"}
ENV.pop("PLAYBOOK_CLIENTS", None)


def say(message: str) -> None:
    print(f"… {message}", file=sys.stderr, flush=True)


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def best(action: Callable[[], object], runs: int) -> float:
    return min(timed(action) for _ in range(runs))


def run(command: list[str], **env: str) -> None:
    result = subprocess.run(command, env={**ENV, **env}, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


def write_config(work: Path, name: str, *, pdf: bool = True, playbook: bool = True, docs: Path | None = None) -> Path:
    """A copy of the project's mkdocs.yml usable from `work`: absolute docs_dir and theme folder;
    PDFs on or off; or without the playbook plugin at all (the bare build)."""
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    text = text.replace("docs_dir: content", f"docs_dir: {docs or ROOT / 'content'}")
    text = text.replace("custom_dir: theme/overrides", f"custom_dir: {ROOT / 'theme' / 'overrides'}")
    if playbook:
        text = text.replace("      plans: plans\n", f"      plans: plans\n      pdf: {'true' if pdf else 'false'}\n")
    else:
        start = text.index("  - playbook:")
        text = text[:start]
    path = work / name
    path.write_text(text, "utf-8")
    return path


def build(plans: Path, site: Path, config: Path, *, cache: bool = False, cache_dir: Path | None = None) -> None:
    command = [PLAYBOOK, "build", "--plans", str(plans), "--site-dir", str(site), "--config", str(config)]
    command += ["--today", TODAY.isoformat()] + ([] if cache else ["--no-cache"])
    run(command, PLAYBOOK_CACHE_DIR=str(cache_dir or site.parent / "cache"))


# the measurements ---------------------------------------------------------------------------------


def measure_site_overhead(work: Path, plans: Path) -> tuple[float, float, float]:
    """Our site build vs a bare `mkdocs build` of the same pages as plain Markdown files."""
    from generator.charts import CHART_CSS
    from generator.mkdocs_plugin import load_clients
    from generator.pages import render_portfolio

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
        for name, data in client.files:
            target = docs / client.slug / name
            target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    bare = write_config(work, "site-bare.yml", playbook=False, docs=docs)
    times_ours, times_bare = [], []
    for _ in range(3):  # alternate, so a noisy moment hits both
        times_bare.append(timed(lambda: run([MKDOCS, "build", "-q", "-f", str(bare), "-d", str(work / "bare-site")])))
        times_ours.append(timed(lambda: build(plans, work / "ours-site", ours)))
    return min(times_ours) / min(times_bare), min(times_ours), min(times_bare)


def measure_pdf_overhead(work: Path, plan: Path) -> tuple[float, float, float]:
    """Our PDF step for one plan vs bare WeasyPrint on the same HTML (in this process, warm)."""
    import weasyprint

    from generator.figures import compute_figures
    from generator.loader import load_plan
    from generator.pdf import BASE_URL, PdfJob, render_html, render_task

    loaded = load_plan(plan)
    html = render_html(loaded, compute_figures(loaded, TODAY))
    out = work / "pdf"
    out.mkdir()

    def ours() -> None:
        render_task(PdfJob(plan, out / "ours.pdf"), TODAY)

    def bare() -> None:
        (out / "bare.pdf").write_bytes(weasyprint.HTML(string=html, base_url=BASE_URL).write_pdf())

    ours(), bare()  # warm both: fonts and imports load once per process
    times_ours, times_bare = [], []
    for _ in range(3):
        times_bare.append(timed(bare))
        times_ours.append(timed(ours))
    return min(times_ours) / min(times_bare), min(times_ours), min(times_bare)


def measure_pdf_parallel(work: Path, plans: Path) -> tuple[float, float, float]:
    """20 clients' PDFs on all cores vs one process (in a subprocess each, as a build runs them)."""
    script = (
        "import sys; from pathlib import Path; from datetime import date; from generator.pdf import write_pdfs;"
        "plans = sorted(Path(sys.argv[1]).glob('*.yaml')); out = Path(sys.argv[2]);"
        "errors = write_pdfs([(p, out / (p.stem + '.pdf')) for p in plans], date(2026, 11, 22), int(sys.argv[3]));"
        "sys.exit(1 if errors else 0)"
    )
    cores = os.cpu_count() or 1
    (work / "one").mkdir()
    (work / "all").mkdir()
    one = timed(lambda: run([PYTHON, "-c", script, str(plans), str(work / "one"), "1"]))
    every = timed(lambda: run([PYTHON, "-c", script, str(plans), str(work / "all"), str(cores)]))
    return one / every, one, every


def measure_whole_build(work: Path, plans: Path, count: int) -> float:
    config = write_config(work, f"full-{count}.yml")
    return timed(lambda: build(plans, work / f"full-{count}", config)) / count


def measure_cache(work: Path, plans: Path) -> tuple[float, float, float]:
    """Cold build with the cache on, then the same build again (nothing changed), then one plan edited."""
    config = write_config(work, "cached.yml")
    site, cache = work / "cached-site", work / "cached-cache"
    cold = timed(lambda: build(plans, site, config, cache=True, cache_dir=cache))
    again = best(lambda: build(plans, site, config, cache=True, cache_dir=cache), 3)
    plan = sorted(plans.glob("*.yaml"))[0]
    plan.write_text(plan.read_text("utf-8").replace("name: ", "name: Изм. ", 1), "utf-8")
    edited = timed(lambda: build(plans, site, config, cache=True, cache_dir=cache))
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


def measure_serve(work: Path, plans: Path, clients: str = "") -> float:
    """Seconds from a plan edit to the new text on the client's page under `mkdocs serve`."""
    config = write_config(work, "serve.yml")
    text = config.read_text("utf-8").replace("      plans: plans\n", f"      plans: {plans}\n")
    config.write_text(text, "utf-8")
    port = free_port()
    log = (work / f"serve-{port}.log").open("wb")
    server = subprocess.Popen(
        [MKDOCS, "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        env={**ENV, "PLAYBOOK_CACHE_DIR": str(work / "serve-cache"), "PLAYBOOK_CLIENTS": clients},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    plan = sorted(plans.glob("*.yaml"))[0]
    page = f"http://127.0.0.1:{port}/{plan.stem}/"
    try:
        deadline = time.monotonic() + 300
        while "<html" not in fetch(page):
            if time.monotonic() > deadline or server.poll() is not None:
                output = (work / f"serve-{port}.log").read_text("utf-8", errors="replace").strip().splitlines()
                raise SystemExit(f"mkdocs serve did not come up: {output[-1] if output else 'no output'}")
            time.sleep(0.2)
        # The first build's PDFs render in the background (the preview does not wait for them):
        # measure the edit once they are all done, as a consultant edits after reading the page.
        expected = len(list(plans.glob("*.yaml")))
        while len(list((work / "serve-cache" / "pdf").glob("*.pdf"))) < expected:
            if time.monotonic() > deadline:
                raise SystemExit("the preview's PDFs never finished")
            time.sleep(0.5)
        time.sleep(2)  # let the watcher settle
        marker = f"Правка {port}"
        original = plan.read_text("utf-8")
        started = time.perf_counter()
        plan.write_text(original.replace("name: ", f"name: {marker} ", 1), "utf-8")
        while marker not in fetch(page):
            if time.perf_counter() - started > 300:
                raise SystemExit(f"the edit never reached the page; see {log.name}")
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        plan.write_text(original, "utf-8")
        return seconds
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="50 clients instead of 200 for the large portfolio")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    large = 50 if args.quick else 200
    os.environ.update({k: v for k, v in ENV.items() if k in ("NO_MKDOCS_2_WARNING", "CI")})
    work = Path(tempfile.mkdtemp(prefix="playbook-bench-"))
    started = time.perf_counter()
    rows: list[tuple[str, str, str]] = []
    cores = os.cpu_count() or 1

    def step(what: str, measure: Callable[[], list[tuple[str, str, str]]], names: list[str]) -> None:
        """One measurement; a failure is reported as such and the others still run."""
        say(what)
        try:
            found = measure()
        except (Exception, SystemExit) as exc:  # a benchmark reports, it does not stop at the first problem
            reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
            found = [(name, "failed", reason) for name in names]
        for row in found:
            say(f"{row[0]} = {row[1]}  ({row[2]})")
        rows.extend(found)

    try:
        say(f"writing synthetic portfolios of 10, 20 and {large} clients into {work}")
        p10, p20, plarge = work / "plans-10", work / "plans-20", work / f"plans-{large}"
        write_portfolio(10, p10)
        write_portfolio(20, p20)
        write_portfolio(large, plarge)
        first = sorted(p10.glob("*.yaml"))[0]

        def site() -> list[tuple[str, str, str]]:
            ratio, ours, bare = measure_site_overhead(work, p10)
            return [("site_overhead", f"{ratio:.2f}", f"ours {ours:.2f} s / bare mkdocs {bare:.2f} s; target ≤ 1.10")]

        def pdf() -> list[tuple[str, str, str]]:
            ratio, ours, bare = measure_pdf_overhead(work, first)
            note = f"ours {ours:.2f} s / bare WeasyPrint {bare:.2f} s; target ≤ 1.05"
            return [("pdf_overhead", f"{ratio:.2f}", note)]

        def parallel() -> list[tuple[str, str, str]]:
            ratio, one, every = measure_pdf_parallel(work, p20)
            note = f"1 process {one:.1f} s / {cores} cores {every:.1f} s; target ≥ 1.7"
            return [("pdf_parallel_speedup", f"{ratio:.2f}", note)]

        per: dict[int, float] = {}

        def whole(count: int, plans: Path) -> Callable[[], list[tuple[str, str, str]]]:
            def measure() -> list[tuple[str, str, str]]:
                per[count] = measure_whole_build(work, plans, count)
                note = "s per client"
                if count != 10 and 10 in per:
                    note += f"; {per[count] / per[10]:.2f} × per_client_10, target ≤ 1.2"
                return [(f"per_client_{count}", f"{per[count]:.2f}", note)]

            return measure

        def cache() -> list[tuple[str, str, str]]:
            cold, again, edited = measure_cache(work, p10)
            return [
                ("cached_rebuild", f"{again / cold:.3f}", f"unchanged {again:.2f} s / cold {cold:.2f} s; target ≤ 0.1"),
                ("one_plan_edited", f"{edited / cold:.2f}", f"{edited:.2f} s / cold {cold:.2f} s (no target)"),
            ]

        def serve() -> list[tuple[str, str, str]]:
            return [("serve_rebuild", f"{measure_serve(work, p10):.2f}", "s, 10-client portfolio; target ≤ 2")]

        def serve_one() -> list[tuple[str, str, str]]:
            seconds = measure_serve(work, p10, clients=first.stem)
            return [("serve_rebuild_one_client", f"{seconds:.2f}", "s, make serve CLIENT=<the edited one> (no target)")]

        step("site: our build vs bare mkdocs build of the same pages (10 clients, 3 runs)", site, ["site_overhead"])
        step("pdf: our PDF step vs bare WeasyPrint on the same HTML (1 plan, 3 runs each)", pdf, ["pdf_overhead"])
        step("pdf: 20 clients in one process, then on all cores", parallel, ["pdf_parallel_speedup"])
        step("whole cold build of 10 clients (site + PDFs + calendars)", whole(10, p10), ["per_client_10"])
        step(f"whole cold build of {large} clients (the long one)", whole(large, plarge), [f"per_client_{large}"])
        step("build cache: cold, unchanged, one plan edited (10 clients)", cache, ["cached_rebuild", "one_plan_edited"])
        step("mkdocs serve: a plan edit until the page shows it (10 clients)", serve, ["serve_rebuild"])
        step("mkdocs serve of the edited client alone", serve_one, ["serve_rebuild_one_client"])
    finally:
        if args.keep:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    width = max(len(name) for name, _, _ in rows)
    print(f"{'figure':<{width}}  {'value':>8}  note")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>8}  {note}")
    took = time.perf_counter() - started
    print(f"(bench took {took:.0f} s on {cores} cores; short timings are the best of 3)")
    figures = {name: value for name, value, _ in rows}
    summary = ["site_overhead", "pdf_overhead", "per_client_10", f"per_client_{large}", "pdf_parallel_speedup"]
    summary.append("serve_rebuild")
    print("bench: " + " ".join(f"{name}={figures.get(name, 'failed')}" for name in summary))


if __name__ == "__main__":
    main()
