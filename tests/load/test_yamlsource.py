"""Safe YAML reading: positions by path, and no input escapes as anything but located errors."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import PlanError, PlanValidationError
from generator.load.loader import load_text
from generator.load.yamlsource import dotted, read_yaml


def test_positions_of_keys_and_values_are_recorded() -> None:
    source = read_yaml(b"business:\n  name: X\ngoals:\n  - id: a\n    title: A\n", "p.yaml")
    assert source.errors == []
    assert source.values[("business", "name")] == (2, 9)
    assert source.keys[("business", "name")] == (2, 3)
    assert source.values[("goals", 0, "title")] == (5, 12)
    assert source.position(("goals", 0, "title", "nothing-here")) == (5, 12)


def test_scalars_stay_text_and_plain_nulls_are_none() -> None:
    source = read_yaml(b"a: 010\nb: ~\nc:\nd: 'null'\ne: 2026-01-01\nf: true\n", "p.yaml")
    assert source.data == {"a": "010", "b": None, "c": None, "d": "null", "e": "2026-01-01", "f": "true"}


def test_dotted_paths_read_like_the_file() -> None:
    assert dotted(("goals", 0, "id")) == "goals[0].id"
    assert dotted(("audit", "components", "online", "seo")) == "audit.components.online.seo"


def test_byte_order_mark_is_accepted() -> None:
    source = read_yaml("\ufeffbusiness: {name: X}\n".encode(), "p.yaml")
    assert source.errors == [] and source.data == {"business": {"name": "X"}}


def _only_located_errors(text: str) -> None:
    try:
        load_text(text, "fuzz.yaml")
    except PlanValidationError as exc:
        assert exc.errors, "a validation error must carry at least one located error"
        for error in exc.errors:
            assert isinstance(error, PlanError)
            assert error.file == "fuzz.yaml" and error.line >= 1 and error.col >= 1
            assert error.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text_gives_a_plan_or_located_errors(text: str) -> None:
    _only_located_errors(text)


_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20), st.dates()
)
_keys = st.sampled_from(
    [
        "business",
        "name",
        "goals",
        "id",
        "title",
        "segments",
        "share",
        "audit",
        "components",
        "online",
        "seo",
        "status",
        "content",
        "start",
        "cadence",
        "published",
        "date",
        "economics",
        "nps",
        "scores",
        "funnel",
        "strategy",
        "initiatives",
        "roadmap",
        "initiative",
        "checkpoints",
        "kpis",
        "goal",
        "forecast",
        "months",
    ]
) | st.text(max_size=10)
_yaml_values = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_keys, children, max_size=5),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_keys, _yaml_values, max_size=6))
def test_arbitrary_yaml_gives_a_plan_or_located_errors(data: dict[str, object]) -> None:
    _only_located_errors(yaml.safe_dump(data, allow_unicode=True))


@settings(max_examples=100, deadline=None)
@given(_yaml_values)
def test_arbitrary_business_section_gives_a_plan_or_located_errors(business: object) -> None:
    _only_located_errors(yaml.safe_dump({"business": business}, allow_unicode=True))
