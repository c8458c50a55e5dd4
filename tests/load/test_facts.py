"""The quick read of a plan (generator/load/facts.py) agrees with the loaded plan, or says it is unsure.

A site is laid out from these facts before the plans load (the build checks the two agree and stops
with an internal error if not): so every valid plan the project knows must read the same both ways,
and anything the quick read cannot vouch for must give no facts. Run with both YAML parsers
(tests/load/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from benchmarks.make_plans import write_portfolio
from generator.builder.publish import visibility
from generator.errors import PlanValidationError
from generator.load.facts import PlanFacts, read_facts
from generator.load.loader import load_plan
from generator.load.yamlsource import MAX_BYTES

ROOT = Path(__file__).resolve().parents[2]
PLANS = sorted(
    [*ROOT.glob("plans/**/*.yaml"), *ROOT.glob("generator/starter/*.yaml"), *ROOT.glob("tests/testdata/**/*.yaml")]
)

MINIMAL = "version: 2\nbusiness:\n  name: Bakery\n"


def _expected(path: Path) -> PlanFacts | None:
    """The facts as the loaded plan gives them (None: the plan does not load)."""
    try:
        loaded = load_plan(path, follow_previous=False)
    except PlanValidationError:
        return None
    plan = loaded.plan
    publish = plan.publish
    return PlanFacts(
        language=plan.business.language,
        name=plan.business.name,
        visibility=visibility(loaded),
        password_env=publish.password_env if publish is not None else None,
        has_content=plan.content is not None,
    )


def _unparsable(path: Path) -> bool:
    """The file is not YAML (not UTF-8, or a syntax error anywhere in it)."""
    try:
        for _ in yaml.parse(path.read_bytes().decode("utf-8-sig")):
            pass
    except (UnicodeDecodeError, yaml.YAMLError):
        return True
    return False


@pytest.mark.parametrize("path", PLANS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_plan_reads_the_same_as_loaded(path: Path) -> None:
    """A plan that loads reads the same both ways. One that does not load reports its problems and
    its facts are never used: the quick read of it must not fail (reading it is the check), and a
    file that is not YAML at all gives no facts, even when its first lines read well."""
    expected, facts = _expected(path), read_facts(path)
    if expected is not None:
        assert facts == expected
    elif _unparsable(path):
        assert facts is None


def test_the_plans_read_include_files_that_are_not_yaml() -> None:
    """So the branch above is exercised: the bad-plan cases hold YAML syntax errors."""
    assert any(_unparsable(p) for p in PLANS)


def test_generated_portfolio_reads_the_same(tmp_path: Path) -> None:
    paths = write_portfolio(3, tmp_path)
    assert [read_facts(p) for p in paths] == [_expected(p) for p in paths]
    assert all(read_facts(p) is not None for p in paths)


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (MINIMAL, PlanFacts("ru", "Bakery", "unlisted", None, False)),
        (
            "business: {name: 'Mill # 2', language: en}\npublish: {visibility: public}\ncontent: {}\n",
            PlanFacts("en", "Mill # 2", "public", None, True),
        ),
        (
            MINIMAL + "publish:\n  visibility: private\n  password_env: MILL_PASSWORD\n",
            PlanFacts("ru", "Bakery", "private", "MILL_PASSWORD", False),
        ),
        (MINIMAL + "publish:\n  password_env: X\n", PlanFacts("ru", "Bakery", "unlisted", "X", False)),
        (MINIMAL + "publish: ~\ncontent:\n", PlanFacts("ru", "Bakery", "unlisted", None, False)),
        (MINIMAL + "content: 'null'\n", PlanFacts("ru", "Bakery", "unlisted", None, True)),
        # a sequence item or a nested mapping with the same key names is not the business section
        (
            "goals:\n  - business: {name: Other, language: en}\nbusiness:\n  name: '2024'\n",
            PlanFacts("ru", "2024", "unlisted", None, False),
        ),
        ("\ufeff" + MINIMAL, PlanFacts("ru", "Bakery", "unlisted", None, False)),
    ],
)
def test_fields_read_as_the_loader_reads_them(tmp_path: Path, text: str, facts: PlanFacts) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(text, "utf-8")
    assert read_facts(path) == facts


@pytest.mark.parametrize(
    "text",
    [
        "business: &b {name: X}\nother: *b\n",  # an alias: what it stands for is not read
        "base: &b {language: en}\nbusiness:\n  <<: *b\n  name: X\n",  # a merge key
        "business:\n  name: [unclosed\n",  # a YAML error
        "business:\n  language: en\n",  # no name: the plan cannot load
        "- a list\n",
        "",
    ],
)
def test_unsure_reads_give_no_facts(tmp_path: Path, text: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(text, "utf-8")
    assert read_facts(path) is None


def test_unreadable_files_give_no_facts(tmp_path: Path) -> None:
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("business:\n  name: Caf\xe9\n".encode("latin-1"))
    large = tmp_path / "large.yaml"
    large.write_text(MINIMAL + "# " + "x" * MAX_BYTES + "\n", "utf-8")
    assert read_facts(latin) is None
    assert read_facts(large) is None
    assert read_facts(tmp_path / "missing.yaml") is None


def test_the_defaults_are_the_models() -> None:
    """A plan that leaves them out: Russian, unlisted, no password (the plan format's defaults),
    read from the model itself rather than copied."""
    from generator.load.facts import model_defaults

    assert model_defaults() == ("ru", "unlisted", None)
