"""Checkpoint spans and measured KPI actuals, worked by hand from contract v3."""

from __future__ import annotations

from datetime import date

from generator.compute.measured_kpis import checkpoint_spans, measured_kpi, with_measured_kpis
from generator.load.loader import load_text
from generator.model.measured import Measured

PLAN = """\
business: {name: T, language: en}
goals: [{id: g, title: G, target: 10}]
segments: [{id: a, name: A}]
forecast: {start: 2026-01}
checkpoints:
  - {date: 2026-03-31, kpis: [{goal: g, metric: new_customers}, {goal: g, metric: average_check, segment: a},
                             {goal: g, metric: won_deals, actual: 99}]}
  - {date: 2026-04-15, kpis: [{goal: g, metric: visits}]}
  - {date: 2026-05-20, kpis: [{goal: g, metric: revenue}, {goal: g, metric: nps}]}
  - {date: 2026-05-31, kpis: [{goal: g, metric: won_deals}]}
"""


def _m(month: str, won: int, revenue: float, new: int | None, partial: bool = False) -> dict[str, object]:
    return {
        "month": month,
        "won_deals": won,
        "revenue": revenue,
        "customers": won,
        "new_customers": new,
        "partial": partial,
    }


MEASURED = Measured.model_validate(
    {
        "deals": {
            "period": {"start": "2025-01-01", "end": "2026-04-10"},
            "measured_from": "2026-01",
            "groups": {
                "all": {
                    "months": [
                        _m("2026-01", 10, 1000, 3),
                        _m("2026-02", 20, 3000, 5),
                        _m("2026-03", 30, 2000, 7),
                        _m("2026-04", 5, 10, 1, partial=True),
                    ]
                },
                "a": {"months": [_m("2026-01", 1, 100, 1), _m("2026-02", 2, 100, 0), _m("2026-03", 1, 200, 0)]},
            },
        },
        "visits": [{"month": "2026-03", "visits": 100}, {"month": "2026-04", "visits": 50}],
    }
)


def test_spans() -> None:
    plan = load_text(PLAN)
    assert checkpoint_spans(plan) == {
        date(2026, 3, 31): (date(2026, 1, 1), date(2026, 3, 1)),  # from forecast.start to March (its last day)
        date(2026, 4, 15): None,  # April 15 is not April's last day: up to March, already taken: empty
        date(2026, 5, 20): (date(2026, 4, 1), date(2026, 4, 1)),  # the month after the previous span
        date(2026, 5, 31): (date(2026, 5, 1), date(2026, 5, 1)),
    }


def test_first_span_without_a_forecast_is_its_last_month_alone() -> None:
    plan = load_text(PLAN.replace("forecast: {start: 2026-01}\n", ""))
    assert checkpoint_spans(plan)[date(2026, 3, 31)] == (date(2026, 3, 1), date(2026, 3, 1))


def test_measured_actuals() -> None:
    plan = with_measured_kpis(load_text(PLAN), MEASURED)
    first, second, third, fourth = plan.checkpoints
    assert first.kpis[0].actual == (3 + 5 + 7) / 3  # mean new customers a month
    assert first.kpis[1].actual == 400 / 4  # segment a: revenue ÷ won deals over the span
    assert first.kpis[2].actual == 99  # a typed actual wins
    assert second.kpis[0].actual is None  # an empty span: not measured
    assert third.kpis[0].actual is None  # April is partial in the data: not measured, never zero
    assert third.kpis[1].actual is None  # no survey
    assert fourth.kpis[0].actual is None  # a month the data does not cover


def test_visits_mean_and_a_missing_month() -> None:
    plan = load_text(PLAN)
    kpi = plan.checkpoints[1].kpis[0]
    assert measured_kpi(kpi, MEASURED, (date(2026, 3, 1), date(2026, 4, 1))) == 75
    assert measured_kpi(kpi, MEASURED, (date(2026, 2, 1), date(2026, 3, 1))) is None
