"""The summary's words: one sentence per area, the verdict from the re-forecast, nothing measured said so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.compute.figures import compute_figures
from generator.load.loader import load_plan
from generator.present.summary import SummaryView, escaped, summary_view

PLANS = Path(__file__).resolve().parents[2] / "plans"
TODAY = date(2026, 12, 7)


def view_of(slug: str, today: date = TODAY) -> SummaryView:
    loaded = load_plan(PLANS / f"{slug}.yaml", today=today)
    view = summary_view(loaded.plan, compute_figures(loaded, today))
    assert view is not None
    return view


def test_the_bakery_in_its_owners_words() -> None:
    view = view_of("kolosok")
    state = {line.area: line.text.replace("\u00a0", " ") for line in view.state}
    # 19 customers against 2 × 20 planned; 30 000 / 19 = 1 578,95 → 1 579 ₽; 15 000 / 20 = 750 ₽
    assert state["Факты"] == (
        "«Ежедневные публикации в группе района»: 19 клиентов вместо 40 по плану, "
        "каждый обошёлся в 1 579 ₽ (по плану — 750 ₽)."
    )
    # the re-forecast pays back in month 4 (January 2027); the plan's November has passed unpaid
    assert state["Окупаемость"].startswith(
        "По фактической стоимости клиента план окупается за 4 месяца (срок — январь 2027)"
    )
    assert state["Окупаемость"].endswith("Срок из плана (ноябрь 2026) уже прошёл, а вложения не окупились.")
    assert state["Контрольная точка"].endswith("Ничего ещё не измерено; первое измерение — 1 марта 2027.")
    assert [p.title for p in view.priorities] == ["CRM-система", "Социальные сети", "Поисковое продвижение (SEO)"]
    assert view.aside is not None and "в команде 3 человека" in view.aside
    assert view.money is not None and view.money.value.replace("\u00a0", " ") == "4 714 ₽"
    # never the method's textbook example
    assert "182 500" not in str(view).replace("\u00a0", " ")


def test_an_english_plan_before_any_actual_and_escaping() -> None:
    view = view_of("northwind")
    verdict = next(line.text for line in view.state if line.area == "Payback")
    # base scenario: payback in month 8 of 18 (July 2027)
    assert verdict.startswith("By the plan, the investment pays back in 8 months (July 2027)")
    safe = escaped(view, lambda s: f"<{s}>")
    assert safe.priorities[0].title == f"<{view.priorities[0].title}>"
