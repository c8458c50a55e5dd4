"""The `measured` JSON of report --json, and the NPS chart (render/charts/nps.py)."""

from __future__ import annotations

from datetime import date

from generator.compute.measured import compute_measured
from generator.draw.charts.nps import render_nps_months
from generator.load.loader import load_text
from generator.model.measured import Measured
from generator.render.measured import measured_json


def test_not_enough_history_is_null() -> None:
    plan = load_text("business: {name: T, language: en}\n")
    measured = Measured.model_validate(
        {
            "deals": {
                "period": {"start": "2026-01-01", "end": "2026-03-31"},
                "measured_from": "2027-01",
                "groups": {"all": {}},
            }
        }
    )
    figures = compute_measured(plan, measured, date(2026, 4, 1))
    assert figures is not None
    data = measured_json(figures)
    assert data["economics"]["all"] == {
        "average_check": None,
        "purchases_per_year": None,
        "retention": None,
        "lifetime_years": None,
        "ltv": None,
        "gross_margin": None,
        "ltv_profit": None,
        "won_deals": None,
        "revenue": None,
        "customers": None,
        "previous_customers": None,
        "retained": None,
    }
    assert data["nps"]["current"] is None and data["refresh_queue"] == [] and data["demand"]["uncovered"] == []
    assert data["funnel"] == {"visits": None, "goal_completions": None, "won_deals": None}


def test_nps_chart_says_in_words_what_it_shows() -> None:
    svg = render_nps_months(
        [("March 2026", 40.0, "40"), ("April 2026", -20.0, "−20"), ("May 2026", None, "—")], title="NPS by month"
    )
    assert svg.startswith("<svg") and "<title" in svg
    assert "March 2026: 40; April 2026: −20; May 2026: —" in svg
    assert svg.count("<rect") == 2  # no bar for a month without answers
