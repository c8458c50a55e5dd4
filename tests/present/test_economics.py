"""present/economics.py: the economics section's view (LTV and its arithmetic, segments' LTV, NPS,
the funnel, the customer groups), worked by hand from the contract's formulas, and found alike
in the site's pages, the PDF and the terminal report of three plans."""

from __future__ import annotations

import pytest

from generator.present.economics import (
    EconomicsView,
    GroupRow,
    Metric,
    customer_groups,
    economics_view,
    missing_text,
)
from generator.present.views import segment_names
from tests.outputs import THREE_PLANS, outputs, plain
from tests.present.small_plan import AUDITED, PLAN, loaded_of

RU_PLAN = """\
business: {name: Пекарня, language: ru, currency: RUB}
economics:
  average_check: 400
  purchases_per_year: 6
  lifetime_years: 1.5
  gross_margin: 25%
  cac: 300
  nps: {promoters: 6, passives: 2, detractors: 2}
  funnel:
    - {stage: Показы, count: 2000}
    - {stage: Визиты, count: 500}
    - {stage: Покупки, count: 0}
segments:
  - {id: cakes, name: Торты, share: 40%, economics: {average_check: 2000, purchases_per_year: 2}}
"""


def _view(text: str) -> EconomicsView:
    view = economics_view(loaded_of(text)[1])
    assert view is not None
    return view


def _groups(text: str) -> tuple[GroupRow, ...]:
    loaded, figures = loaded_of(text)
    return customer_groups(figures, segment_names(loaded.plan))


def test_ltv_worked_in_english_with_the_new_customer_first() -> None:
    view = _view(AUDITED)
    # first this client's new customer: 8 a month over 3 months, split 30 : 10 → a 18, b 6, each
    # worth 1 200 in profit; October's actual cost 1 200 / 6 = 200 a customer; 1 200 / 200 = 6
    assert [(m.label, m.value, m.work) for m in view.new_customer] == [
        ("A new customer brings", "$1,200", "(18 × 1,200 + 6 × 1,200) / 24 = 1,200"),
        ("A customer costs", "$200", "(24 × 200) / 24 = 200"),
        ("Value to cost", "6", "1,200 / 200 = 6"),
    ]
    # LTV = 100 × 12 × 2 = 2 400; its profit 2 400 × 0.5 = 1 200; no CAC in the plan: no LTV / CAC
    assert view.metrics == (
        Metric("LTV (revenue)", "$2,400", "100 × 12 × 2 = 2,400", "average check × purchases a year × years"),
        Metric("LTV (profit)", "$1,200", "2,400 × 0.5 = 1,200", "LTV × gross margin"),
    )
    assert view.inputs == (
        ("Average check", "$100"),
        ("Purchases a year", "12"),
        ("Customer lifetime, years", "2"),
        ("Gross margin", "50%"),
    )
    assert (view.nps, view.funnel, view.funnel_chart, view.segments) == (None, (), "", ())


def test_groups_show_the_profit_a_customer_a_month_worked() -> None:
    # no segment has economics of its own: one group, p = 100 × 12 / 12 × 0.5 = 50; L = 2 × 12 = 24
    assert _groups(PLAN) == (GroupRow("All customer groups", "100 × 12 / 12 × 0.5 = 50", "24 months"),)


def test_groups_with_their_own_lifetime_rounded_half_up() -> None:
    # Alpha stays 0.375 years: 12 × 0.375 = 4.5 months, half up → 5 (half-even would say 4);
    # p = 100 × 12 / 12 × 0.5 = 50 for both groups; Beta on the plan's 2 years: 24 months
    text = PLAN.replace(
        "{id: a, name: Alpha, share: 30%}", "{id: a, name: Alpha, share: 30%, economics: {lifetime_years: 0.375}}"
    )
    assert _groups(text) == (
        GroupRow("Alpha", "100 × 12 / 12 × 0.5 = 50", "5 months"),
        GroupRow("Beta", "100 × 12 / 12 × 0.5 = 50", "24 months"),
    )


def test_russian_nps_funnel_and_a_segment_that_inherits() -> None:
    view = _view(RU_PLAN)
    # NPS = 100 × (6 − 2) / 10 = 40 from counts
    assert view.nps is not None
    assert (view.nps.score, plain(view.nps.work)) == ("40", "100 × (6 − 2) / 10 = 40")
    assert view.nps.source == "по числу ответов"
    assert (view.nps.band, view.nps.band_label) == ("needs-work", "нужна доработка")  # 0 ≤ 40 < 50
    assert view.nps.counts == (
        ("Промоутеры (9–10)", "6"),
        ("Нейтралы (7–8)", "2"),
        ("Критики (0–6)", "2"),
        ("Всего ответов", "10"),
    )
    # 500 / 2 000 = 25%; 0 / 500 = 0%; from the first: 25%, 0%; the first stage has no conversion
    assert [(s.stage, plain(s.count), plain(s.from_previous), s.from_first) for s in view.funnel] == [
        ("Показы", "2 000", "—", "—"),
        ("Визиты", "500", "500 / 2 000 = 25%", "25%"),
        ("Покупки", "0", "0 / 500 = 0%", "0%"),
    ]
    assert view.funnel_chart.startswith("<svg") and "Воронка" in view.funnel_chart
    # LTV = 400 × 6 × 1,5 = 3 600; profit 3 600 × 0,25 = 900; LTV / CAC on profit: 900 / 300 = 3
    assert [(plain(m.value), plain(m.work)) for m in view.metrics] == [
        ("3 600 ₽", "400 × 6 × 1,5 = 3 600"),
        ("900 ₽", "3 600 × 0,25 = 900"),
        ("3", "900 / 300 = 3"),
    ]
    assert view.metrics[2].note == "LTV по прибыли / CAC"
    # the cake segment: 2 000 × 2 × 1,5 (lifetime from the plan) = 6 000; × 0,25 (the plan's margin) = 1 500
    (cakes,) = view.segments
    assert (cakes.name, plain(cakes.ltv), plain(cakes.ltv_work)) == ("Торты", "6 000 ₽", "2 000 × 2 × 1,5 = 6 000")
    assert (plain(cakes.ltv_profit), plain(cakes.ltv_profit_work)) == ("1 500 ₽", "6 000 × 0,25 = 1 500")
    assert cakes.inherited == "Из экономики плана: срок жизни клиента, маржа."
    assert view.new_customer == ()  # no initiatives: the summary has no new customer to price


@pytest.mark.parametrize(
    ("counts", "score", "band"),
    [
        ("{promoters: 5, passives: 5, detractors: 0}", "50", "хорошо"),  # 100 × (5 − 0) / 10 = 50: good from 50
        ("{promoters: 1, passives: 0, detractors: 1}", "0", "нужна доработка"),  # 100 × (1 − 1) / 2 = 0
        ("{promoters: 0, passives: 1, detractors: 1}", "−50", "плохо"),  # 100 × (0 − 1) / 2 = −50
    ],
)
def test_nps_band_at_its_boundaries(counts: str, score: str, band: str) -> None:
    nps = _view(RU_PLAN.replace("{promoters: 6, passives: 2, detractors: 2}", counts)).nps
    assert nps is not None and nps.band_label == band
    assert nps.work.endswith(f"= {score}")  # (the score itself is babel's: "-50" with a hyphen-minus)


def test_no_answers_no_nps_and_no_economics_no_view() -> None:
    view = _view(RU_PLAN.replace("{promoters: 6, passives: 2, detractors: 2}", "{promoters: 0}"))
    assert view.nps is None  # 0 answers: nothing to divide by, nothing to show
    assert economics_view(loaded_of("business: {name: Shop, language: en, currency: USD}\n")[1]) is None


def test_a_forecast_without_economics_says_what_is_missing() -> None:
    economics = "economics: {average_check: 100, purchases_per_year: 12, gross_margin: 50%, lifetime_years: 2}\n"
    loaded, figures = loaded_of(PLAN.replace(economics, ""))
    assert economics_view(figures) is None and customer_groups(figures, {}) == ()
    missing = missing_text(figures, segment_names(loaded.plan))
    assert missing is not None and missing.startswith("The forecast is not computed: it is missing the ")
    assert "the average check" in missing
    assert missing_text(loaded_of(PLAN)[1], {}) is None  # computed: nothing to say


# What one output leaves out on purpose (none today: every string of the view is in all three).
LEFT_OUT: dict[str, str] = {}


def _strings(view: EconomicsView, groups: tuple[GroupRow, ...], missing: str | None) -> list[str]:
    """Every display string of the view and of the forecast's customer groups (the funnel chart is
    SVG, drawn once, and read by no text output)."""
    out = [s for pair in view.inputs for s in pair]
    for m in (*view.new_customer, *view.metrics):
        out += [m.label, m.value, m.work, m.note]
    for s in view.segments:
        out += [s.name, s.ltv, s.ltv_work, s.ltv_profit, s.ltv_profit_work] + ([s.inherited] if s.inherited else [])
    if view.nps is not None:
        nps = view.nps
        out += [nps.score, nps.work, nps.band_label, nps.source] + [s for pair in nps.counts for s in pair]
    for st in view.funnel:
        out += [st.stage, st.count, st.from_previous, st.from_first]
    for g in groups:
        out += [g.name, g.per_month, g.lifetime]
    if missing:
        out.append(missing)
    return [s for s in out if s not in LEFT_OUT]


@pytest.mark.parametrize("name", THREE_PLANS)
def test_every_string_of_the_view_is_in_every_output(name: str) -> None:
    o = outputs(name)
    view, names = economics_view(o.figures), segment_names(o.loaded.plan)
    assert view is not None
    strings = _strings(view, customer_groups(o.figures, names), missing_text(o.figures, names))
    assert len(strings) > 30  # the plans fill the section: LTV, segments, NPS, funnel, groups
    assert o.missing(*strings) == []
