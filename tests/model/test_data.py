"""The plan's data section: unknown segment and initiative ids are located errors."""

from __future__ import annotations

import pytest

from generator.errors import PlanValidationError
from generator.load.loader import load_text

PLAN = """\
business: {name: T}
segments: [{id: a, name: A}]
strategy: {initiatives: [{id: x, title: X}]}
checkpoints: [{date: 2026-01-31, kpis: [{goal: g, metric: nps, segment: b}]}]
goals: [{id: g, title: G}]
data:
  won_stages: [Paid]
  segments: {a: {tags: [t]}, b: {tags: [u]}}
  initiatives: {y: {sources: [s]}}
  nps: {segment_column: Who, answers: {c: [C]}}
"""


def test_unknown_ids_are_located() -> None:
    with pytest.raises(PlanValidationError) as caught:
        load_text(PLAN)
    lines = [str(e) for e in caught.value.errors]
    assert any(line.startswith("plan.yaml:4:") and "segment 'b' is not defined" in line for line in lines)
    assert any(line.startswith("plan.yaml:8:") and "data.segments.b" in line for line in lines)
    assert any("data.initiatives.y: initiative 'y' is not defined (defined: x)" in line for line in lines)
    assert any("data.nps.answers.c: segment 'c'" in line for line in lines)


def test_unknown_key_in_a_mapping() -> None:
    with pytest.raises(PlanValidationError) as caught:
        load_text(
            PLAN.replace("b: {tags: [u]}", "a2: {tag: [u]}")
            .replace("segment: b", "segment: a")
            .replace("initiatives: {y:", "initiatives: {x:")
            .replace("c: [C]", "a: [C]")
        )
    assert [e.path for e in caught.value.errors] == ["data.segments.a2", "data.segments.a2.tag"]
