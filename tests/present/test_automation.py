"""present/automation.py: the automation section's view (processes, hours, manual / planned /
automated, what the hours by hand cost), worked by hand, and found alike in the site's pages,
the PDF and the terminal report of three plans."""

from __future__ import annotations

import pytest

from generator.present.automation import AutomationView, ProcessRow, automation_view
from tests.outputs import THREE_PLANS, outputs, plain
from tests.present.small_plan import PLAN, loaded_of

RU_PLAN = """\
business: {name: Пекарня, language: ru, currency: RUB}
economics: {hour_cost: 400}
automation:
  - {process: Заказы в тетрадь, hours_per_month: 12, tool: amoCRM, status: planned}
  - {process: Публикации, hours_per_month: 10.5, status: manual}
  - {process: Рассылка, hours_per_month: 4, tool: Unisender, status: automated}
  - {process: Учёт муки, status: manual}
"""


def test_one_manual_process_in_english_without_an_hourly_rate() -> None:
    _, figures = loaded_of(PLAN)
    view = automation_view(figures)
    assert view is not None
    assert view.rows == (ProcessRow("Orders", "10", "CRM", "manual", "manual"),)
    # one manual process of 10 hours a month: 10 × 12 = 120 hours a year; nothing planned or automated
    assert (view.manual, view.planned, view.automated, view.by_hand) == ("10", "0", "0", "10")
    assert view.year_work == "10 × 12 = 120"
    assert view.cost is None  # the plan gives no hourly rate


def test_russian_statuses_hours_and_their_cost() -> None:
    _, figures = loaded_of(RU_PLAN)
    view = automation_view(figures)
    assert view is not None
    assert [(r.process, r.hours, r.tool, r.status_label) for r in view.rows] == [
        ("Заказы в тетрадь", "12", "amoCRM", "в плане"),
        ("Публикации", "10,5", "—", "вручную"),
        ("Рассылка", "4", "Unisender", "автоматизировано"),
        ("Учёт муки", "—", "—", "вручную"),  # no hours given: counted as none
    ]
    # manual 10,5 (+ 0); planned 12; still by hand 10,5 + 12 = 22,5 → 22,5 × 12 = 270 hours a year
    assert (view.manual, view.planned, view.automated, view.by_hand) == ("10,5", "12", "4", "22,5")
    assert view.year_work == "22,5 × 12 = 270"
    # 22,5 × 400 = 9 000 ₽ a month; × 12 = 108 000 ₽ a year
    assert view.cost is not None
    assert (plain(view.cost.monthly), plain(view.cost.monthly_work)) == ("9 000 ₽", "22,5 × 400 = 9 000")
    assert (plain(view.cost.yearly), plain(view.cost.yearly_work)) == ("108 000 ₽", "9 000 × 12 = 108 000")
    assert plain(view.cost.note).startswith("Часы ручной работы × стоимость часа (400 ₽)")


def test_no_process_no_view() -> None:
    _, figures = loaded_of("business: {name: Shop, language: en, currency: USD}\n")
    assert automation_view(figures) is None


def _strings(view: AutomationView) -> list[str]:
    out = [view.manual, view.planned, view.automated, view.by_hand, view.year_work]
    for r in view.rows:
        out += [r.process, r.hours, r.tool, r.status_label]  # r.status is the badge's colour, not text
    if view.cost is not None:
        c = view.cost
        out += [c.monthly, c.monthly_work, c.yearly, c.yearly_work, c.note]
    return out


@pytest.mark.parametrize("name", THREE_PLANS)
def test_every_string_of_the_view_is_in_every_output(name: str) -> None:
    o = outputs(name)
    view = automation_view(o.figures)
    assert view is not None
    assert o.missing(*_strings(view)) == []
