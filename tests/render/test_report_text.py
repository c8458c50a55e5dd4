"""`playbook report`'s terminal tables: in the plan's language, with the worked figures.

Numbers are worked by hand from the plan format's formulas (kolosok: LTV 50 × 365 × 10 = 182 500,
NPS 100 × (62 − 13) / 100 = 49, overall (25 + 13 + 10 + 13 + 33) / 5 = 18,8).
"""

from __future__ import annotations

import re
from datetime import date

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
    assert "20 заявок" in text  # kolosok's KPI target, in agreement (nothing measured yet on 22 November)
    # the agenda as the site's and the PDF's: each KPI with its advice, then its initiatives by title
    later = render_text(compute_figures(load_plan(PLANS / "kolosok.yaml"), date(2027, 3, 2)), width=160)
    assert "1. Доля повторных покупок · 1 марта 2027 · не измерено: Дата прошла, а показатель не измерен" in later
    assert "│ Ежедневные публикации в группе района │" in later
    assert ": vk, maps" not in text
    # v2: each customer group's own profit a month (150 × 100 / 12 × 0,4 = 500; 3 500 × 3 / 12 × 0,5 = 437,5),
    # never the plan-level 50 × 365 / 12 × 0,4 that no customer group earns
    assert re.search(r"Жители соседних домов +│ 150 × 100 / 12 × 0,4 = 500 +│ 6 месяцев", normal)
    assert re.search(r"Заказчики тортов +│ 3 500 × 3 / 12 × 0,5 = 437,5 +│ 24 месяца", normal)
    assert "608,33" not in normal
    # label–value pairs on one line are set apart by a middle dot, so every label keeps its capital
    assert "= −55% · Затраты: 30 000 ₽ · Прибыль от привлечённых клиентов: 13 500 ₽" in normal
    # the hours by hand (12 + 10 + 6 = 28) at 400 ₽ an hour, a month and a year, each worked
    assert "В месяц: 11 200 ₽ (28 × 400 = 11 200)" in normal
    assert "В год: 134 400 ₽ (11 200 × 12 = 134 400)" in normal
    assert re.search(r"│ +248% │", text)  # base ROI (817 500 − 235 000) / 235 000 = 2.479 → 248%


def test_an_english_plan_gets_english_tables() -> None:
    text = render_text(compute_figures(load_plan(PLANS / "northwind.yaml"), TODAY), width=200)
    for heading in ("Audit", "Economics", "ROI forecast", "Checkpoints", "Automation"):
        assert heading in text
    assert "Аудит" not in text
    # every segment on the plan's economics: one row, not the same 3,800 × 5 / 12 × 0.27 = 427.5 three times
    assert re.search(r"All customer groups +│ 3,800 × 5 / 12 × 0.27 = 427.5 +│ 72 months", text)
    assert text.count("427.5") == 1


def test_report_names_customer_groups_by_the_plans_words() -> None:
    """Segment ids (kolosok: `neighbours`, `celebrations`) become the names the CLI passes."""
    figures = compute_figures(load_plan(PLANS / "kolosok.yaml"), TODAY)
    ids = [g.id for g in figures.forecast.groups]  # type: ignore[union-attr]
    text = render_text(figures, width=200, segments={i: f"Группа {n}" for n, i in enumerate(ids) if i})
    assert "Группа 0" in text and "Группа 1" in text
