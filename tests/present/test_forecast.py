"""present/forecast.py: the forecast and plan-against-fact views, worked by hand from
tests/present/small_plan.py, and the same strings found in the site, the PDF and the terminal."""

from __future__ import annotations

from datetime import date

import pytest

from generator.present.forecast import first_month, forecast_view, payback_text, plan_vs_fact_view
from tests.outputs import THREE_PLANS, outputs
from tests.present.small_plan import PLAN, loaded_of


def test_the_scenarios_worked_in_plan_order() -> None:
    view = forecast_view(loaded_of()[1])
    assert view is not None
    low, base = view.scenarios
    # base: 8 new a month × p 50 = 400, then 16 active → 800, 24 → 1 200: Σ 2 400 against 3 × 1 000
    assert (base.name, base.multiplier, base.cost, base.profit, base.new_customers) == (
        "base",
        "1",
        "$3,000",
        "$2,400",
        "24",
    )
    # (2 400 − 3 000) / 3 000 = −20%; 2 400 < 3 000 by the end: no payback
    assert (base.roi, base.roi_work, base.payback) == (
        "−20%",
        "(2,400 − 3,000) / 3,000 = −20%",
        "not within the horizon",
    )
    assert [m.cum_profit for m in base.months] == ["$400", "$1,200", "$2,400"]
    assert [m.cum_cost for m in base.months] == ["$1,000", "$2,000", "$3,000"]
    assert [m.active for m in base.months] == ["8", "16", "24"]  # a lifetime of 24 months: nobody leaves
    # low: half the customers (4 a month): 200 + 400 + 600 = 1 200: (1 200 − 3 000) / 3 000 = −60%
    assert (low.name, low.multiplier, low.profit, low.new_customers, low.roi) == ("low", "0.5", "$1,200", "12", "−60%")
    assert (view.base, base.base, low.base) == (base, True, False)
    assert view.horizon == "3 months from October 2026"
    assert view.intro == "Forecast over 3 months from October 2026 (start set in the plan)."
    assert view.per_customer == "100 × 12 / 12 × 0.5 = 50"
    assert view.chart.startswith("<svg")


def test_the_base_is_computes_choice_not_a_name_or_a_position() -> None:
    # renamed and reordered: the one of multiplier 1 ("mid", second) stands for the plan, and the
    # plan against fact reads the plan from it
    text = PLAN.replace("scenarios: {low: 0.5, base: 1}", "scenarios: {high: 1.5, mid: 1, base: 0.5}")
    figures = loaded_of(text)[1]
    view = forecast_view(figures)
    assert view is not None
    assert view.base.name == "mid" and [s.base for s in view.scenarios] == [False, True, False]
    # mid: 8 a month, the profit of the plan itself (400 + 800 + 1 200)
    assert view.base.profit == "$2,400"
    pvf = plan_vs_fact_view(figures)
    assert pvf is not None and "(the “mid” scenario)" in pvf.intro


def test_the_default_scenarios_in_russian() -> None:
    text = PLAN.replace("language: en, currency: USD", "language: ru, currency: RUB").replace(
        "scenarios: {low: 0.5, base: 1}", "scenarios: {pessimistic: 0.5, base: 1}"
    )
    view = forecast_view(loaded_of(text)[1])
    assert view is not None
    assert [s.name for s in view.scenarios] == ["пессимистичный", "базовый"]
    assert view.horizon == "3 месяца с октября 2026"
    assert view.base.payback == "не окупается за срок прогноза"
    assert view.base.multiplier == "1" and view.scenarios[0].multiplier == "0,5"


def test_payback_names_the_month_and_its_number() -> None:
    assert payback_text(2, date(2026, 11, 1), "ru") == "2-й месяц (ноябрь 2026)"
    assert payback_text(1, date(2027, 1, 1), "en") == "month 1 (January 2027)"
    assert payback_text(None, None, "en") == "not within the horizon"


def test_plan_against_fact_to_date() -> None:
    pvf = plan_vs_fact_view(loaded_of()[1])
    assert pvf is not None
    (ads,) = pvf.initiatives
    # planned CAC 1 000 / 8 = 125; actual 1 200 / 6 = 200; ratio 200 / 125 = 1.6 (worse than planned)
    assert (ads.planned_cac, ads.actual_cac, ads.ratio_work, ads.worse) == (
        "1,000 / 8 = 125",
        "1,200 / 6 = 200",
        "200 / 125 = 1.6",
        True,
    )
    (october,) = ads.months
    assert (october.month, october.planned_cost, october.spend, october.planned_new, october.new) == (
        "October 2026",
        "$1,000",
        "$1,200",
        "8",
        "6",
    )
    # to date (October only): 6 customers × 50 = 300 profit against 1 200 spent: (300 − 1 200) / 1 200 = −75%
    assert pvf.roi is not None
    assert (pvf.roi.work, pvf.roi.profit, pvf.roi.cost) == ("(300 − 1,200) / 1,200 = −75%", "$300", "$1,200")
    assert pvf.roi.period == "October 2026 – October 2026"
    assert pvf.intro.endswith("(the “base” scenario).") and pvf.chart.startswith("<svg")


def test_no_plan_against_fact_without_actuals() -> None:
    text = PLAN.replace(",\n       actuals: [{month: 2026-10, spend: 1200, new_customers: 6}]", "")
    assert plan_vs_fact_view(loaded_of(text)[1]) is None


def test_month_one_from_a_later_month() -> None:
    # month 3 falls on January 2027: month 1 is November 2026 (across the year)
    assert first_month(date(2027, 1, 1), 3) == date(2026, 11, 1)
    assert first_month(date(2027, 1, 1), 1) == date(2027, 1, 1)


@pytest.mark.parametrize("name", THREE_PLANS)
def test_site_pdf_and_terminal_say_the_same(name: str) -> None:
    """Every string of the forecast's and the plan-against-fact's views, in all three outputs.

    Left out on purpose: the charts (drawings; their words are chart labels, not text), the
    month-by-month tables of each scenario (the site's detail; the PDF and the terminal stop
    at the totals), the intro sentence (the site's; the PDF and terminal give the horizon it contains).
    """
    out = outputs(name)
    view = forecast_view(out.figures)
    assert view is not None
    strings = [view.title, view.horizon]
    for s in view.scenarios:
        strings += [s.name, s.multiplier, s.cost, s.profit, s.new_customers, s.roi, s.payback]
    assert out.missing(*strings) == []
    assert out.missing(*[s.roi_work for s in view.scenarios if s.roi_work]) == []
    assert view.intro and all(view.horizon in text for text in (view.intro, out.pdf, out.report))
    pvf = plan_vs_fact_view(out.figures)
    if pvf is not None:
        strings = [pvf.title, pvf.intro]
        for i in pvf.initiatives:
            strings += [i.title, i.planned_cac, i.actual_cac, i.ratio, i.outside]
            for m in i.months:
                strings += [m.month, m.planned_cost, m.spend, m.planned_new, m.new]
        if pvf.roi is not None:
            strings += [pvf.roi.period, pvf.roi.cost, pvf.roi.profit, pvf.roi.roi, pvf.roi.work, pvf.roi.missing]
        assert out.missing(*[s for s in strings if s]) == []
