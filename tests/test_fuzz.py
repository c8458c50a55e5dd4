"""Fuzz over numbers and text in every field: a plan either loads and renders, or fails located.

Hypothesis takes the shipped plans, replaces a few of their values (any key, any depth) by
hostile numbers (`nan`, `inf`, `1e308`, negative, huge integers) or hostile text (line breaks,
control characters, markup), and runs the whole pipeline short of the PDF: load, figures,
site pages, calendar files, report. Anything but a located `PlanValidationError` is a bug
(the CLI's exit 3), so the test fails on it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.builder.clients import render_client
from generator.compute.figures import compute_figures
from generator.errors import PlanValidationError
from generator.load.loader import load_plan
from generator.present.pdf import build_context
from generator.render.report import render_json, render_text
from tests.conftest import PLANS, TODAY

BASES = {
    name: yaml.safe_load((PLANS / f"{name}.yaml").read_text(encoding="utf-8")) for name in ("kolosok", "northwind")
}


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of every scalar in the plan (numbers, text, dates), and of every key's place."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _leaves(item, (*path, key))]
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in _leaves(item, (*path, i))]
    return [path]


LEAVES = {name: _leaves(data) for name, data in BASES.items()}

_numbers = st.one_of(
    st.floats(min_value=0, max_value=1e6),  # sane values: these plans load and must render
    st.integers(min_value=0, max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.sampled_from(["nan", "inf", "-inf", "1e400", "1e308", "-0", "1_000", "35%", "140%", "9999-12-31", "0001-01-01"]),
)
_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["Acme\n\nOfficial notice\n===", "\x1b]52;c;aGk=\x07", "<script>alert(1)</script>", "`x < 5`", "&amp;'", ""]
    ),
)
_values = st.one_of(_numbers, _text, st.none(), st.dates(), st.lists(st.integers(), max_size=3))


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> None:
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(BASES)),
    st.lists(st.tuples(st.integers(min_value=0), _values), min_size=1, max_size=3),
)
def test_any_value_in_any_field_loads_and_renders_or_fails_located(name: str, changes: list[tuple[int, Any]]) -> None:
    data = yaml.safe_load(yaml.safe_dump(BASES[name], allow_unicode=True))
    leaves = LEAVES[name]
    for index, value in changes:
        _replace(data, leaves[index % len(leaves)], value)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            loaded = load_plan(path, follow_previous=False)
        except PlanValidationError as exc:
            assert exc.errors
            for error in exc.errors:
                assert error.line >= 1 and error.col >= 1 and error.message
            return
    figures = compute_figures(loaded, TODAY)
    client = render_client(loaded, TODAY, figures=figures)
    render_json(figures)
    render_text(figures)
    build_context(loaded, figures)
    assert client.pages and all(markdown for _, markdown in client.pages)
