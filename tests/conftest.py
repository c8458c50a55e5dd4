"""Shared fixtures: the repository, the shipped plans, a fixed "today", and golden files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
TESTDATA = Path(__file__).resolve().parent / "testdata"
TODAY = date(2026, 11, 22)


def run_build(
    plans: Path,
    clients: list[str],
    site_dir: Path,
    today: date | None,
    config_file: Path | None = None,
    *,
    use_cache: bool = True,
) -> int:
    """The exit status of `playbook build` with these options (the real command, in this process)."""
    from generator.cli import main

    argv = ["build", "--plans", str(plans), "--site-dir", str(site_dir)]
    argv += [arg for slug in clients for arg in ("--client", slug)]
    argv += ["--today", today.isoformat()] if today else []
    argv += ["--config", str(config_file)] if config_file else []
    argv += [] if use_cache else ["--no-cache"]
    return main(argv)


@pytest.fixture(autouse=True, scope="session")
def _build_cache_of_the_session(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Builds in tests cache into a folder of this session, never into the project's .cache/:
    every run starts cold, and what one run cached cannot hide a change from the next."""
    import os

    os.environ["PLAYBOOK_CACHE_DIR"] = str(tmp_path_factory.mktemp("playbook-cache"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-testdata",
        action="store_true",
        default=False,
        help="rewrite golden files in tests/testdata/ from the current output",
    )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under `make test` (PLAYBOOK_NO_SKIP=1) every tool the tests drive is installed, so a skipped
    test (no chromium, no khal, no playwright) means a real part went untested: fail the run."""
    import os

    if not os.environ.get("PLAYBOOK_NO_SKIP") or exitstatus != 0:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    if skipped:
        reporter.write_line(f"PLAYBOOK_NO_SKIP: {len(skipped)} test(s) skipped; make test runs them all", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def update_testdata(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-testdata"))


@pytest.fixture
def golden(update_testdata: bool):  # type: ignore[no-untyped-def]
    """Compare text with tests/testdata/<name>, or rewrite it under --update-testdata."""

    def check(name: str, actual: str) -> None:
        path = TESTDATA / name
        if update_testdata:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8", newline="")
            return
        assert path.exists(), f"no golden file {path}; run: make update-testdata"
        expected = path.read_bytes().decode("utf-8")  # no newline translation: .ics and CSV keep CRLF
        assert actual == expected, f"{name} differs from its golden file; if intended, run: make update-testdata"

    return check


@pytest.fixture
def kolosok_path() -> Path:
    return PLANS / "kolosok.yaml"


@pytest.fixture
def today() -> date:
    return TODAY
