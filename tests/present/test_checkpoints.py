"""present/checkpoints.py: the checkpoints and the agenda as one view, worked by hand from
tests/present/small_plan.py (today 22 November 2026), and the same strings in every output."""

from __future__ import annotations

import pytest

from generator.present.checkpoints import checkpoints_view
from tests.outputs import THREE_PLANS, outputs
from tests.present.small_plan import PLAN, loaded_of


def test_the_kpi_behind_and_its_agenda() -> None:
    view = checkpoints_view(loaded_of()[1])
    assert view is not None
    (checkpoint,) = view.checkpoints
    # October 31 is before November 22: passed; 6 against the goal's target 10, up: behind
    assert (checkpoint.date, checkpoint.state) == ("October 31, 2026", "passed")
    (kpi,) = checkpoint.kpis
    assert (kpi.date, kpi.goal, kpi.target, kpi.actual, kpi.direction) == (
        "October 31, 2026",
        "Sales",
        "10",
        "6",
        "↑\u00a0higher",
    )
    assert (kpi.status, kpi.status_label) == ("behind", "behind")
    assert kpi.advice == "Behind target: revisit the initiatives that serve this goal."
    assert view.rows == (kpi,)
    (item,) = view.agenda
    assert item.kpi == kpi and item.nothing == ""
    (ads,) = item.initiatives
    assert (ads.title, ads.ratio, ads.worse) == ("Ads", "1.6", True)  # CAC 200 against 125 planned


def test_a_down_kpi_exactly_at_its_target_is_met_and_not_on_the_agenda() -> None:
    text = PLAN.replace(
        "goals: [{id: sales, title: Sales, target: 10}]",
        "goals: [{id: sales, title: Sales, target: 6, direction: down}]",
    )
    view = checkpoints_view(loaded_of(text)[1])
    assert view is not None
    (kpi,) = view.rows
    # down: lower is better, 6 ≤ 6 is met
    assert (kpi.status, kpi.status_label, kpi.advice, kpi.direction) == ("met", "met", "", "↓\u00a0lower")
    assert view.agenda == ()
    assert view.nothing == "Nothing to correct: every measured KPI is met."


def test_in_russian_a_not_measured_kpi_without_an_initiative() -> None:
    text = (
        PLAN.replace("language: en, currency: USD", "language: ru, currency: RUB")
        .replace(
            "goals: [{id: sales, title: Sales, target: 10}]",
            "goals: [{id: sales, title: Продажи, target: 10}, {id: x, title: Охват, unit: '%', target: 40%}]",
        )
        .replace("kpis: [{goal: sales, actual: 6}]", "kpis: [{goal: sales, actual: 6}, {goal: x}]")
    )
    view = checkpoints_view(loaded_of(text)[1])
    assert view is not None
    sales, reach = view.rows
    assert (sales.date, sales.status_label) == ("31 октября 2026", "отстаём")
    # no actual and the date has passed: not measured; the target in its unit, the actual a dash
    assert (reach.status, reach.status_label, reach.target, reach.actual) == (
        "not-measured",
        "не измерено",
        "40%",
        "—",
    )
    assert reach.advice.startswith("Дата прошла, а показатель не измерен")
    nothing = [a for a in view.agenda if a.kpi.goal == "Охват"]
    assert nothing and nothing[0].initiatives == () and nothing[0].nothing.startswith("Ни одна инициатива")


def test_no_checkpoints_no_view() -> None:
    text = PLAN.replace("checkpoints: [{date: 2026-10-31, kpis: [{goal: sales, actual: 6}]}]\n", "")
    assert checkpoints_view(loaded_of(text)[1]) is None


@pytest.mark.parametrize("name", THREE_PLANS)
def test_site_pdf_and_terminal_say_the_same(name: str) -> None:
    """Every string of the checkpoints' view, in all three outputs.

    Left out on purpose: a checkpoint's state (passed, upcoming) and each KPI's direction — the
    site's per-checkpoint tables; the PDF and the terminal list every KPI in one table by date.
    """
    out = outputs(name)
    view = checkpoints_view(out.figures)
    assert view is not None
    strings = [view.title, view.agenda_title]
    for k in view.rows:
        strings += [k.date, k.goal, k.target, k.actual, k.status_label, k.advice]
    for a in view.agenda:
        strings += [a.kpi.goal, a.kpi.date, a.kpi.status_label, a.kpi.advice, a.nothing]
        for i in a.initiatives:
            strings += [i.title, i.planned_cac, i.actual_cac, i.ratio]
    strings += [view.agenda_intro] if view.agenda else [view.nothing]
    missing = out.missing(*[s for s in strings if s])
    assert missing == []
