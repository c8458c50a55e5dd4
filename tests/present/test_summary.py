"""The summary's words: one sentence per area, the verdict from the re-forecast, nothing measured said so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.compute.figures import compute_figures
from generator.load.loader import load_plan
from generator.present.summary import SummaryView, escaped, summary_view
from tests.outputs import THREE_PLANS, outputs, plain

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


def _strings(view: SummaryView) -> list[str]:
    """Every display string of the summary view."""
    strings = [view.title, *(s for line in view.state for s in (line.area, line.text))]
    strings += [s for p in view.priorities for s in (p.title, p.action, p.why) if s]
    strings += [s for s in (view.priorities_none, view.aside, view.week_none) if s]
    if view.money is not None:
        m = view.money
        strings += [m.value_label, m.value, m.value_note, m.cost_label, m.cost, m.cost_note]
        strings += [m.ratio_label, m.ratio, m.ratio_note]
    strings += [s for w in view.week for s in (w.day, w.kind, w.title)]
    strings += [s for w in view.windows for s in (w.heading, *w.items)]
    strings += [view.labels[key] for key in ("priorities", "week", "week.intro")]
    strings += [view.labels["money"]] if view.money is not None else []
    strings += [view.labels["next90"]] if view.windows else []
    return [s for s in strings if s]


# Left out on purpose: the money's worked arithmetic and verdict (`value_work`…, `verdict`: the
# economics page and the state's payback line say them), and the labels "state" and
# "area.checkpoint" (the state's lines carry their areas; the checkpoint's area is one of them).
@pytest.mark.parametrize("name", THREE_PLANS)
def test_the_same_summary_on_the_overview_in_the_pdf_and_the_terminal(name: str) -> None:
    out = outputs(name)
    view = summary_view(out.loaded.plan, out.figures)
    assert view is not None
    strings = _strings(view)
    site = {"site": out.site["index"]}  # the overview page itself, not any page
    assert [s for s in strings if plain(s) not in site["site"]] == []
    assert [m for m in out.missing(*strings) if not m.startswith("PDF:")] == []
    assert [s for s in strings if not _in_pdf(plain(s), out.pdf)] == []


def _in_pdf(text: str, pdf: str) -> bool:
    """In the PDF whole, or in two pieces: pdftotext reads a note beside the priorities (page 2 has
    two columns) with the other column's lines between its first line and the rest."""
    words = text.split(" ")
    return text in pdf or any(" ".join(words[:n]) in pdf and " ".join(words[n:]) in pdf for n in range(3, len(words)))
