"""`playbook report`'s terminal tables: in the plan's language, with the worked figures.

Numbers are worked by hand from the plan format's formulas (kolosok: LTV 50 × 365 × 10 = 182 500,
NPS 100 × (62 − 13) / 100 = 49, overall (25 + 13 + 10 + 13 + 33) / 5 = 18,8).
"""

from __future__ import annotations

import re

from generator.compute.figures import compute_figures
from generator.load.loader import load_plan
from generator.render.report_text import render_text
from tests.conftest import PLANS, TODAY


def test_text_report_shows_the_worked_figures() -> None:
    text = render_text(compute_figures(load_plan(PLANS / "kolosok.yaml"), TODAY), width=160)
    # the plan is Russian: numbers in its format (narrow no-break space or no-break space groups)
    normal = text.replace("\u202f", " ").replace("\u00a0", " ")
    assert "50 × 365 × 10 = 182 500" in normal
    assert "100 × (62 − 13) / 100 = 49" in normal
    assert "(25 + 13 + 10 + 13 + 33) / 5 = 18,8" in normal
    # the plan is Russian: so are the headings, in the words the site and the PDF use
    forecast = "Прогноз окупаемости: 12 месяцев с октября 2026"
    for heading in ("Аудит", "Экономика", "Воронка", forecast, "Контрольные точки", "Автоматизация", "Календарь"):
        assert heading in text
    assert "22 заявки" in text and "20 заявок" in text  # kolosok's KPI: 22 of 20 leads a month
    assert "Где корректировать стратегию: 1 марта 2027: Доля повторных покупок — отстаём" in text
    assert re.search(r"│ +248% │", text)  # base ROI (817 500 − 235 000) / 235 000 = 2.479 → 248%


def test_an_english_plan_gets_english_tables() -> None:
    text = render_text(compute_figures(load_plan(PLANS / "northwind.yaml"), TODAY), width=200)
    for heading in ("Audit", "Economics", "ROI forecast", "Checkpoints", "Automation"):
        assert heading in text
    assert "Аудит" not in text
