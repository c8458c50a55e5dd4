"""Every module of `generator/` has its test file, `tests/<stage>/test_<module>.py`, so tests mirror the package.

How modules map:
- `generator/<stage>/<module>.py` → `tests/<stage>/test_<module>.py`; top-level `generator/<module>.py`
  → `tests/test_<module>.py`;
- a package's `__init__.py` with code (functions or classes) → `tests/<stage>/test_<stage>.py` or
  `tests/test_<stage>.py` (e.g. the CLI's argparse in `cli/__init__.py` → `tests/cli/test_cli.py`);
  an `__init__.py` without code (a docstring, re-exports) and `__main__.py` need none.

Modules tested through another module's tests are listed in `TESTED_ELSEWHERE` with that test file and
the reason; the list is a debt to pay down, and the test fails when an entry is no longer needed, so it
cannot go stale.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"

# module (relative to generator/) → (the test file that covers it, why it has none of its own)
TESTED_ELSEWHERE: dict[str, tuple[str, str]] = {
    "adapters/calendarfiles.py": ("tests/builder/test_stream.py", "MkDocs' side of the calendars that come last"),
    "adapters/docs.py": ("tests/builder/test_site.py", "content/ and the navigation, through real builds"),
    "adapters/support.py": ("tests/adapters/test_mkdocs.py", "the plugin's errors and preview reports, through MkDocs"),
    "adapters/mkdocs_run.py": ("tests/builder/test_site.py", "runs MkDocs for the atomic site build"),
    "adapters/sharding.py": ("tests/builder/test_merge.py", "shard builds, whole against merged"),
    "render/home.py": ("tests/render/test_site.py", "the home page, rendered from the clients' rows"),
    "catalogue.py": ("tests/compute/test_figures.py", "data: the audit's families and tools, checked by the scores"),
    "cli/commands.py": ("tests/cli/test_cli.py", "each command through the console script"),
    "cli/onboarding.py": ("tests/intake/test_new.py", "new, intake and import through the console script"),
    "importer/deal_figures.py": ("tests/importer/test_deals.py", "the deals' figures, measured from deals read there"),
    "compute/arithmetic.py": ("tests/compute/test_figures.py", "worked arithmetic, checked in every figure"),
    "compute/audit.py": ("tests/compute/test_figures.py", "figures are tested through compute_figures"),
    "compute/comparison.py": ("tests/render/test_report.py", "the change since the earlier audit, through the JSON"),
    "compute/groups.py": ("tests/compute/test_forecast.py", "customer groups, through the v2 forecast worked by hand"),
    "compute/slots.py": ("tests/compute/test_schedule.py", "the calendar's figures, through the schedule"),
    "compute/steps.py": ("tests/compute/test_figures.py", "figures are tested through compute_figures"),
    "errors.py": ("tests/load/test_loader.py", "the MESSAGES wording, through the bad-plan cases"),
    "load/references.py": ("tests/load/test_loader.py", "reference errors are bad-plan cases of the loader"),
    "model/__init__.py": ("tests/load/test_loader.py", "the model, through loading plans"),
    "model/audit.py": ("tests/load/test_loader.py", "the model, through loading plans"),
    "model/content.py": ("tests/load/test_loader.py", "the model, through loading plans"),
    "model/plan.py": ("tests/load/test_loader.py", "the model, through loading plans"),
    "model/schema.py": ("tests/cli/test_cli.py", "the committed schema is compared with `playbook schema`"),
    "model/sections.py": ("tests/load/test_loader.py", "the model, through loading plans"),
    "model/values.py": ("tests/load/test_loader.py", "scalar parsing, through the bad-plan cases"),
    "write/lock.py": ("tests/cli/test_cli.py", "the plan lock, through the commands that edit plans"),
    "draw/charts/heatmap.py": ("tests/draw/test_charts.py", "the charts package, tested as one module"),
    "draw/charts/nps.py": ("tests/render/test_measured.py", "the NPS chart, with the measured figures it draws"),
    "draw/charts/scores.py": ("tests/draw/test_charts.py", "the charts package, tested as one module"),
    "draw/charts/svg.py": ("tests/draw/test_charts.py", "the charts package, tested as one module"),
    "draw/charts/timeline.py": ("tests/draw/test_charts.py", "the charts package, tested as one module"),
    "draw/charts/voice.py": ("tests/draw/test_charts.py", "the charts package, tested as one module"),
    "render/jsonvalues.py": ("tests/render/test_report.py", "JSON numbers and arithmetic, through report --json"),
    "render/money.py": ("tests/render/test_report.py", "the JSON of the v2 money figures, through report --json"),
}


def _has_code(path: Path) -> bool:
    tree = ast.parse(path.read_text("utf-8"))
    return any(isinstance(node, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef) for node in tree.body)


def expected_tests(module: Path) -> list[Path] | None:
    """The test files that may cover `module` (any one will do), or None when it needs none."""
    relative = module.relative_to(PACKAGE)
    stage = relative.parent
    if module.name == "__main__.py" or (module.name == "__init__.py" and not _has_code(module)):
        return None
    if module.name == "__init__.py":
        name = "generator" if stage == Path(".") else stage.name
        return [ROOT / "tests" / stage / f"test_{name}.py", ROOT / "tests" / f"test_{name}.py"]
    return [ROOT / "tests" / stage / f"test_{module.stem}.py"]


def test_every_module_has_its_test_file() -> None:
    missing = []
    for module in sorted(PACKAGE.rglob("*.py")):
        wanted = expected_tests(module)
        key = module.relative_to(PACKAGE).as_posix()
        if wanted is None or any(p.exists() for p in wanted) or key in TESTED_ELSEWHERE:
            continue
        missing.append(f"{key} → {wanted[0].relative_to(ROOT)}")
    assert missing == [], "modules without a test file (add one, or an entry with a reason in TESTED_ELSEWHERE)"


def test_the_exceptions_are_still_needed_and_point_at_real_tests() -> None:
    for key, (covering, reason) in TESTED_ELSEWHERE.items():
        module = PACKAGE / key
        assert module.exists(), f"{key} is gone: drop it from TESTED_ELSEWHERE"
        wanted = expected_tests(module) or []
        assert not any(p.exists() for p in wanted), f"{key} has its own test file now: drop it from TESTED_ELSEWHERE"
        assert (ROOT / covering).exists(), f"{key}: {covering} does not exist"
        assert reason
