"""Derived figures, worked by hand from plan-format.md's formulas (the arithmetic is in the comments)."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from generator.compute.arithmetic import Arithmetic, band_of, round_half_up
from generator.compute.figures import Figures, compute_figures
from generator.load.loader import LoadedPlan, load_plan, load_text
from generator.present.i18n import fmt_arithmetic
from tests.conftest import PLANS, TESTDATA

TODAY = date(2026, 11, 22)


def figures_of(text: str, today: date = TODAY) -> Figures:
    """Figures of an inline plan (a `business.name` is added)."""
    body = "business: {name: Test, language: en, currency: USD}\n" + textwrap.dedent(text)
    plan = load_text(body)
    return compute_figures(LoadedPlan(slug="test", path=Path("test.yaml"), plan=plan), today)


@pytest.fixture(scope="module")
def kolosok() -> Figures:
    return compute_figures(load_plan(PLANS / "kolosok.yaml"), TODAY)


@pytest.fixture(scope="module")
def kolosok_v1() -> Figures:
    """The bakery plan as written before contract v2: a v1 plan keeps exactly its v1 figures."""
    return compute_figures(load_plan(TESTDATA / "forecast" / "kolosok-v1.yaml"), TODAY)


# economics ---------------------------------------------------------------------------------------


def test_kolosok_ltv_revenue_profit_and_ltv_cac(kolosok: Figures) -> None:
    e = kolosok.economics
    assert e is not None
    # LTV = 50 × 365 × 10 = 182 500
    assert e.ltv == 182_500
    assert e.ltv_work == Arithmetic("×", (50, 365, 10), 182_500)
    # LTV (profit) = 182 500 × 0.40 = 73 000
    assert e.ltv_profit == pytest.approx(73_000)
    # gross_margin is given, so LTV/CAC uses the profit LTV: 73 000 / 450 = 162.222…
    assert e.ltv_cac_basis == "profit"
    assert e.ltv_cac == pytest.approx(73_000 / 450)
    assert fmt_arithmetic(e.ltv_work, "ru") == "50 × 365 × 10 = 182\u00a0500"
    assert fmt_arithmetic(e.ltv_work, "en") == "50 × 365 × 10 = 182,500"


def test_kolosok_nps_and_its_worked_arithmetic(kolosok: Figures) -> None:
    nps = kolosok.economics.nps if kolosok.economics else None
    assert nps is not None
    # 62 + 25 + 13 = 100 answers; NPS = 100 × (62 − 13) / 100 = 49
    assert (nps.promoters, nps.passives, nps.detractors, nps.total) == (62, 25, 13, 100)
    assert nps.score == 49
    assert nps.work is not None
    assert fmt_arithmetic(nps.work, "en") == "100 × (62 − 13) / 100 = 49"


def test_kolosok_funnel_conversions(kolosok: Figures) -> None:
    funnel = kolosok.economics.funnel if kolosok.economics else ()
    # 12 000 → 1 500 → 300 → 240
    assert [s.count for s in funnel] == [12_000, 1_500, 300, 240]
    assert funnel[0].from_previous is None and funnel[0].from_first is None
    # 1 500 / 12 000 = 0.125; 300 / 1 500 = 0.2; 240 / 300 = 0.8
    assert [s.from_previous for s in funnel[1:]] == pytest.approx([0.125, 0.2, 0.8])
    # 1 500 / 12 000 = 0.125; 300 / 12 000 = 0.025; 240 / 12 000 = 0.02
    assert [s.from_first for s in funnel[1:]] == pytest.approx([0.125, 0.025, 0.02])


def test_ltv_cac_uses_revenue_ltv_without_margin_and_nothing_without_cac() -> None:
    e = figures_of("economics: {average_check: 20, purchases_per_year: 12, lifetime_years: 2, cac: 96}").economics
    assert e is not None
    # LTV = 20 × 12 × 2 = 480; no margin: LTV/CAC = 480 / 96 = 5
    assert (e.ltv, e.ltv_profit, e.ltv_cac, e.ltv_cac_basis) == (480, None, 5, "revenue")
    e = figures_of("economics: {average_check: 20, purchases_per_year: 12}").economics
    assert e is not None
    # no lifetime: no LTV at all, hence no LTV/CAC
    assert (e.ltv, e.ltv_profit, e.ltv_cac) == (None, None, None)


def test_nps_from_raw_scores() -> None:
    e = figures_of("economics: {nps: {scores: [10, 9, 8, 7, 6, 0, 10]}}").economics
    assert e is not None and e.nps is not None
    # 9–10: 10, 9, 10 → 3 promoters; 7–8: 8, 7 → 2 passives; 0–6: 6, 0 → 2 detractors
    # NPS = 100 × (3 − 2) / 7 = 14.285…
    assert (e.nps.promoters, e.nps.passives, e.nps.detractors, e.nps.total) == (3, 2, 2, 7)
    assert e.nps.from_scores
    assert e.nps.score == pytest.approx(100 / 7)


def test_nps_with_missing_counts_and_with_no_answers() -> None:
    e = figures_of("economics: {nps: {promoters: 1, detractors: 3}}").economics
    assert e is not None and e.nps is not None
    # passives missing = 0: 100 × (1 − 3) / 4 = −50
    assert e.nps.score == -50
    e = figures_of("economics: {nps: {promoters: 0}}").economics
    assert e is not None and e.nps is not None
    assert e.nps.total == 0 and e.nps.score is None


def test_funnel_zero_denominators() -> None:
    e = figures_of(
        """
        economics:
          funnel: [{stage: a, count: 0}, {stage: b, count: 0}, {stage: c, count: 5}]
        """
    ).economics
    assert e is not None
    assert [(s.from_previous, s.from_first) for s in e.funnel] == [(None, None), (None, None), (None, None)]


def test_no_economics_means_no_economics_and_no_forecast() -> None:
    f = figures_of(
        """
        strategy: {initiatives: [{id: a, title: A, budget_monthly: 100, new_customers_monthly: 1}]}
        """
    )
    assert f.economics is None and f.forecast is None
    # average_check without purchases_per_year: the forecast still cannot be computed
    f = figures_of(
        """
        economics: {average_check: 10}
        strategy: {initiatives: [{id: a, title: A, budget_monthly: 100, new_customers_monthly: 1}]}
        """
    )
    assert f.economics is not None and f.forecast is None


# audit -------------------------------------------------------------------------------------------


def test_kolosok_family_and_overall_scores(kolosok: Figures) -> None:
    audit = kolosok.audit
    assert audit is not None
    scores = {f.id: f.score for f in audit.families}
    # online: seo 0, social 0.5, website 0.5, content 0 (email n/a): 100 × 1 / 4 = 25
    # mobile: ads 0, site 0.5, sms 0, messengers 0 (apps n/a): 100 × 0.5 / 4 = 12.5 → 13 (half up)
    # sales: crm, callback, recording, chat 0, scripts 0.5 (offers n/a): 100 × 0.5 / 5 = 10
    # analytics: web 0.5, three absent: 100 × 0.5 / 4 = 12.5 → 13
    # it: ordering 1 × 0.5, training 0.5 × 0 (dealer n/a): 100 × 0.5 / 1.5 = 33.3 → 33
    assert scores == {"online": 25, "mobile": 13, "sales": 10, "analytics": 13, "it": 33}
    assert audit.family("mobile").exact == 12.5
    # overall = (25 + 13 + 10 + 13 + 33) / 5 = 94 / 5 = 18.8 → 19, poor
    assert audit.overall == 19 and audit.band == "poor"
    assert {f.band for f in audit.families} == {"poor"}


def test_kolosok_tool_order_and_recommendations(kolosok: Figures) -> None:
    audit = kolosok.audit
    assert audit is not None
    online = audit.family("online")
    # absent (catalogue order: seo, content) → partial (social, website) → n/a (email) → not assessed (ads)
    assert [(t.id, t.status) for t in online.tools] == [
        ("seo", "absent"),
        ("content", "absent"),
        ("social", "partial"),
        ("website", "partial"),
        ("email", "n/a"),
        ("ads", "not assessed"),
    ]
    assert online.tools[0].label("ru") == "Поисковое продвижение (SEO)"
    # Effective priorities (the plan's, else the contract's default): every absent/partial tool has one.
    # high, absent, family order: seo (plan), content (weight 1 ≥ online's mean 1), crm (plan); high,
    # partial: social and website (plan). medium, absent: messengers, callback, channel_analysis (plan),
    # training (0.5 < it's mean (1 + 0.5) / 2 = 0.75); medium, partial: mobile_site, sales_scripts,
    # web_analytics, ordering_stock (partial → medium). low (plan): mobile_ads, sms, call_recording,
    # online_chat, crm_telephony, dashboards.
    assert [(t.family, t.id, t.priority) for t in audit.recommendations] == [
        ("online", "seo", "high"),
        ("online", "content", "high"),
        ("sales", "crm", "high"),
        ("online", "social", "high"),
        ("online", "website", "high"),
        ("mobile", "messengers", "medium"),
        ("sales", "callback", "medium"),
        ("analytics", "channel_analysis", "medium"),
        ("it", "training", "medium"),
        ("mobile", "mobile_site", "medium"),
        ("sales", "sales_scripts", "medium"),
        ("analytics", "web_analytics", "medium"),
        ("it", "ordering_stock", "medium"),
        ("mobile", "mobile_ads", "low"),
        ("mobile", "sms", "low"),
        ("sales", "call_recording", "low"),
        ("sales", "online_chat", "low"),
        ("analytics", "crm_telephony", "low"),
        ("analytics", "dashboards", "low"),
    ]
    by_id = {t.id: t for t in audit.recommendations}
    assert (by_id["seo"].priority_source, by_id["seo"].recommendation_source) == ("plan", "plan")
    assert by_id["seo"].recommendation == "Страница с адресом и часами работы; карточка в Яндекс Картах."
    # social: the plan's priority, the default advice for a partial tool
    assert (by_id["social"].priority_source, by_id["social"].recommendation_source) == ("plan", "default")
    assert by_id["content"].priority_source == "default" and by_id["content"].recommendation
    assert "Битрикс24" in by_id["crm"].typical_tools and by_id["crm"].why
    # issues: 5 high tools + regularity, automation, crm absent = 8; 8 medium tools + evaluation partial = 9; 6 low
    assert audit.issues == {"high": 8, "medium": 9, "low": 6}
    # actions: the practices after the tools of the same priority and status
    assert [getattr(a, "family", "practice") + "." + a.id for a in audit.actions[3:8]] == [
        "practice.regularity",
        "practice.automation",
        "practice.crm",
        "online.social",
        "online.website",
    ]


def test_default_priority_uses_the_mean_weight_of_assessed_tools_custom_included() -> None:
    audit = figures_of(
        """
        audit:
          components:
            sales:
              crm: {status: absent, weight: 1.5}
              callback: absent
              online_chat: {status: done, weight: 0.5}
              call_recording: {status: n/a, weight: 9}
            custom:
              - {family: sales, id: portal, name: Portal, status: absent, weight: 2}
          practices:
            crm: partial
            regularity: done
        """
    ).audit
    assert audit is not None
    # mean over crm, callback, online_chat, portal (n/a left out): (1.5 + 1 + 0.5 + 2) / 4 = 1.25
    tools = {t.id: t for t in audit.family("sales").tools}
    assert tools["crm"].priority == "high"  # 1.5 ≥ 1.25
    assert tools["callback"].priority == "medium"  # 1 < 1.25
    assert tools["portal"].priority == "high" and tools["portal"].recommendation is None  # no default for custom
    assert tools["online_chat"].priority is None and tools["online_chat"].recommendation is None
    assert tools["call_recording"].priority is None
    practices = {p.id: p for p in audit.practices}
    assert (practices["crm"].priority, practices["crm"].recommendation_source) == ("medium", "default")
    assert practices["regularity"].priority is None and practices["regularity"].recommendation is None
    assert practices["automation"].priority is None  # not assessed: no issue, no advice
    assert audit.issues == {"high": 2, "medium": 2, "low": 0}


def test_family_with_only_na_is_left_out_and_unmentioned_tools_are_not_assessed() -> None:
    audit = figures_of(
        """
        audit:
          components:
            online: {seo: done, email: n/a}
            mobile: {apps: n/a, sms: n/a}
        """
    ).audit
    assert audit is not None
    online, mobile = audit.family("online"), audit.family("mobile")
    # online: only seo scores: 100 × 1 / 1 = 100
    assert online.score == 100 and online.band == "good"
    assert [t.status for t in online.tools] == ["done", "n/a"] + ["not assessed"] * 4
    assert online.counts["not assessed"] == 4
    assert mobile.score is None and mobile.band is None and mobile.work is None
    assert audit.family("sales").score is None
    # overall over the one family with an assessed tool: 100
    assert audit.overall == 100


def test_audit_section_without_components() -> None:
    audit = figures_of("audit: {date: 2026-11-01}").audit
    assert audit is not None
    assert audit.overall is None and audit.band is None
    assert all(t.status == "not assessed" for f in audit.families for t in f.tools)
    assert figures_of("goals: []").audit is None


def test_weights_and_custom_tools_count_in_their_family() -> None:
    audit = figures_of(
        """
        audit:
          components:
            online:
              seo: {status: absent, weight: 3}
              social: {status: partial, weight: 2}
            custom:
              - {family: online, id: marketplace, name: Ozon shop, status: done, weight: 1.5}
              - {family: it, id: erp, name: 1C, status: partial}
        """
    ).audit
    assert audit is not None
    online = audit.family("online")
    # Σ(w × v) = 3 × 0 + 2 × 0.5 + 1.5 × 1 = 2.5; Σw = 6.5; 100 × 2.5 / 6.5 = 38.46 → 38
    assert online.points == 2.5 and online.weight == 6.5
    assert online.score == 38
    custom = [t for t in online.tools if t.custom]
    assert [(t.id, t.label("ru"), t.status) for t in custom] == [("marketplace", "Ozon shop", "done")]
    # it: only the custom erp, partial: 100 × 0.5 / 1 = 50 → needs work
    assert audit.family("it").score == 50 and audit.family("it").band == "needs work"
    # overall = (38 + 50) / 2 = 44
    assert audit.overall == 44


def test_half_up_rounding_is_exact() -> None:
    # done with weight 2.3, absent with weight 1.7: 100 × 2.3 / 4.0 = 57.5 exactly → 58
    # (in binary floating point 100 * 2.3 / 4.0 is 57.49999…, which would round to 57)
    audit = figures_of(
        """
        audit:
          components:
            online: {seo: {status: done, weight: 2.3}, social: {status: absent, weight: 1.7}}
            mobile: {apps: partial, sms: absent, messengers: absent, mobile_ads: absent}
        """
    ).audit
    assert audit is not None
    assert audit.family("online").score == 58
    # mobile: 100 × 0.5 / 4 = 12.5 → 13; overall = (58 + 13) / 2 = 35.5 → 36
    assert audit.family("mobile").score == 13
    assert audit.overall == 36


def test_round_half_up_and_bands() -> None:
    from fractions import Fraction

    assert [round_half_up(Fraction(n, 2)) for n in (25, 24, 1, 0, 199)] == [13, 12, 1, 0, 100]
    assert round_half_up(Fraction(1249, 100)) == 12
    assert [band_of(s) for s in (0, 49, 50, 89, 90, 100, None)] == [
        "poor",
        "poor",
        "needs work",
        "needs work",
        "good",
        "good",
        None,
    ]


def test_practices_carry_the_plan_status_and_evidence(kolosok: Figures) -> None:
    audit = kolosok.audit
    assert audit is not None
    practices = {p.id: p for p in audit.practices}
    assert list(practices) == ["regularity", "automation", "evaluation", "crm"]
    assert practices["crm"].tool == "бумажная тетрадь"
    # on 2026-11-22 the calendar (from 2026-12-01) has no due slot: no completion rate yet
    assert practices["regularity"].evidence.value is None and practices["regularity"].evidence.status is None
    # manual 10 + 6 and planned 12 hours a month, nothing automated: absent
    assert (practices["automation"].evidence.value, practices["automation"].evidence.status) == (28, "absent")
    # LTV and NPS both computable: the plan could judge by business metrics
    assert practices["evaluation"].status == "partial"
    assert (practices["evaluation"].evidence.value, practices["evaluation"].evidence.status) == (2, "done")
    assert (practices["crm"].evidence.value, practices["crm"].evidence.status) == ("absent", "absent")


def test_regularity_evidence_follows_the_calendar() -> None:
    kolosok_path = PLANS / "kolosok.yaml"
    figures = compute_figures(load_plan(kolosok_path), date(2026, 12, 3))
    assert figures.calendar is not None
    # slots on 1 and 2 December have passed with no log entry: 0 done of 2 due
    assert (figures.calendar.done, figures.calendar.due) == (0, 2)
    assert figures.audit is not None
    regularity = figures.audit.practices[0]
    assert (regularity.evidence.value, regularity.evidence.status) == (0, "absent")


def test_practices_not_recorded_are_not_assessed() -> None:
    audit = figures_of("audit: {practices: {crm: done}}").audit
    assert audit is not None
    assert [p.status for p in audit.practices] == ["not assessed", "not assessed", "not assessed", "done"]
    # no economics: neither LTV nor NPS can be computed
    assert audit.practices[2].evidence.status == "absent"
    # sales.crm not mentioned: no evidence about the CRM
    assert audit.practices[3].evidence.status is None


def test_comparison_with_previous_audit(tmp_path: Path) -> None:
    (tmp_path / "old.yaml").write_text(
        textwrap.dedent(
            """
            business: {name: Test}
            audit:
              date: 2025-11-01
              components:
                online: {seo: absent, social: absent}
                sales: {crm: absent}
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "new.yaml").write_text(
        textwrap.dedent(
            """
            business: {name: Test}
            audit:
              date: 2026-11-01
              previous: old.yaml
              components:
                online: {seo: done, social: partial}
                sales: {crm: partial}
                it: {training: done}
            """
        ),
        encoding="utf-8",
    )
    audit = compute_figures(load_plan(tmp_path / "new.yaml"), TODAY).audit
    assert audit is not None and audit.comparison is not None
    changes = {c.id: (c.before, c.after, c.change) for c in audit.comparison.families}
    # online: 0 → 100 × 1.5 / 2 = 75; sales: 0 → 50; it: none → 100; mobile: none → none
    assert changes["online"] == (0, 75, 75)
    assert changes["sales"] == (0, 50, 50)
    assert changes["it"] == (None, 100, None)
    assert changes["mobile"] == (None, None, None)
    # overall: (0 + 0) / 2 = 0 → (75 + 50 + 100) / 3 = 75
    overall = audit.comparison.overall
    assert (overall.before, overall.after, overall.change) == (0, 75, 75)
    assert audit.comparison.previous_date == date(2025, 11, 1)


# forecast ----------------------------------------------------------------------------------------


def test_kolosok_base_forecast_by_hand(kolosok_v1: Figures) -> None:
    forecast = kolosok_v1.forecast
    assert forecast is not None
    assert forecast.start == date(2026, 12, 1) and forecast.start_source == "forecast"
    assert [s.name for s in forecast.scenarios] == ["pessimistic", "base", "optimistic"]
    # profit per customer a month = 50 × 365 / 12 × 0.4 = 608.333…
    per = 50 * 365 / 12 * 0.4
    assert forecast.profit_per_customer_month == pytest.approx(per)
    # maps: month 1 only (Dec 2026), budget 0, 30 new, one-off 5 000 in month 1
    # vk: from month 2 (Jan 2027) to the horizon, 15 000 a month, 20 new
    # crm: month 3 (Feb 2027) to Dec 2027 (beyond month 12), 2 500 a month, 10 new, one-off 30 000 in month 3
    spans = {i.id: i for i in forecast.initiatives}
    assert spans["maps"].months == (1,)
    assert spans["vk"].months == tuple(range(2, 13))
    assert spans["crm"].months == tuple(range(3, 13))
    assert spans["crm"].one_off == ((3, 30_000),)
    base = forecast.scenario("base")
    m1, m2, m3, m4 = base.months[:4]
    # month 1: cost 0 + 5 000 = 5 000; new 30; customers 30; profit 30 × 608.33 = 18 250
    assert (m1.month, m1.cost, m1.new_customers, m1.customers) == (date(2026, 12, 1), 5_000, 30, 30)
    assert m1.profit == pytest.approx(18_250)
    # month 2: cost 15 000; new 20; customers 50; profit 50 × 608.33 = 30 416.67; cumulative 48 666.67
    assert (m2.cost, m2.new_customers, m2.customers) == (15_000, 20, 50)
    assert m2.profit == pytest.approx(50 * per)
    assert (m2.cumulative_cost, m2.cumulative_profit) == (20_000, pytest.approx(18_250 + 50 * per))
    # month 3: cost 15 000 + 2 500 + 30 000 = 47 500; new 20 + 10 = 30; customers 80
    assert (m3.cost, m3.new_customers, m3.customers) == (47_500, 30, 80)
    assert fmt_arithmetic(m3.cost_work, "en") == "15,000 + 2,500 + 30,000 = 47,500"
    assert fmt_arithmetic(m3.new_customers_work, "en") == "1 × (20 + 10) = 30"
    assert fmt_arithmetic(m3.profit_work, "en") == "80 × 608.33 = 48,666.67"
    # month 4: cost 17 500; customers 110
    assert (m4.cost, m4.customers, m4.month) == (17_500, 110, date(2027, 3, 1))
    # totals: cost = 5 000 + 15 000 + 47 500 + 9 × 17 500 = 225 000
    assert base.cost == 225_000
    # customers by month: 30, 50, 80, 110, …, 350 → Σ = 30 + 50 + (80 + 350) × 10 / 2 = 2 230
    assert base.new_customers == 350
    assert base.profit == pytest.approx(2_230 * per)  # = 1 356 583.33
    # ROI = (1 356 583.33 − 225 000) / 225 000 = 5.029…
    assert base.roi == pytest.approx((2_230 * per - 225_000) / 225_000)
    # month 1 already: cumulative cost 5 000 > 0 and cumulative profit 18 250 ≥ 5 000
    assert base.payback_month == 1 and base.payback_date == date(2026, 12, 1)
    assert base.months[-1].month == date(2027, 11, 1)


def test_kolosok_pessimistic_scenario_halves_new_customers(kolosok_v1: Figures) -> None:
    assert kolosok_v1.forecast is not None
    pessimistic = kolosok_v1.forecast.scenario("pessimistic")
    per = 50 * 365 / 12 * 0.4
    # new = 0.5 × 30 = 15 in month 1; customers over the horizon Σ = 2 230 / 2 = 1 115
    assert pessimistic.months[0].new_customers == 15
    assert pessimistic.cost == 225_000
    assert pessimistic.profit == pytest.approx(1_115 * per)


def test_forecast_zero_cost_has_no_roi_and_no_payback() -> None:
    forecast = figures_of(
        """
        economics: {average_check: 100, purchases_per_year: 12}
        strategy: {initiatives: [{id: a, title: A, budget_monthly: 0, new_customers_monthly: 2}]}
        forecast: {start: 2027-01, months: 3, scenarios: {only: 1}}
        """
    ).forecast
    assert forecast is not None
    only = forecast.scenario("only")
    # no margin: profit a customer a month = 100 × 12 / 12 × 1 = 100; customers 2, 4, 6 → profit 200, 400, 600
    assert [m.profit for m in only.months] == [200, 400, 600]
    assert only.cost == 0 and only.roi is None and only.roi_work is None
    # cumulative cost never exceeds 0: no payback month
    assert only.payback_month is None


def test_forecast_payback_never_reached_and_late_payback() -> None:
    text = """
        economics: {average_check: 10, purchases_per_year: 12}
        strategy: {initiatives: [{id: a, title: A, budget_monthly: 1000, new_customers_monthly: 1}]}
        forecast: {start: 2027-01, months: 4, scenarios: {base: 1, tenfold: 20}}
        """
    forecast = figures_of(text).forecast
    assert forecast is not None
    base = forecast.scenario("base")
    # profit a customer a month = 10 × 12 / 12 = 10; customers 1..4 → Σ profit = 10 × 10 = 100 < 4 000
    assert base.profit == 100 and base.cost == 4_000
    assert base.payback_month is None
    # ROI = (100 − 4 000) / 4 000 = −0.975
    assert base.roi == pytest.approx(-0.975)
    tenfold = forecast.scenario("tenfold")
    # 20 new a month: profit 200, 400, 600, 800; cumulative 200, 600, 1 200, 2 000 vs cost 1 000, …, 4 000
    # cumulative profit 2 000 < 4 000 in month 4: still none
    assert tenfold.payback_month is None
    more = figures_of(text.replace("tenfold: 20", "tenfold: 60")).forecast
    assert more is not None
    # 60 new a month: profit 600, 1 200, 1 800 → cumulative 600, 1 800, 3 600 vs 1 000, 2 000, 3 000: month 3
    assert more.scenario("tenfold").payback_month == 3


def test_forecast_running_months_costs_and_default_start() -> None:
    forecast = figures_of(
        """
        audit: {date: 2026-10-15}
        economics: {average_check: 12, purchases_per_year: 1}
        strategy:
          initiatives:
            - {id: early, title: Early, budget_monthly: 100, new_customers_monthly: 1}
            - {id: late, title: Late, budget_monthly: 10}
            - {id: always, title: Always, budget_monthly: 1}
            - {id: outside, title: Outside, budget_monthly: 1000}
        roadmap:
          - {initiative: early, start: 2027-02-20, end: 2027-03-05, cost: 500}
          - {initiative: late, end: 2027-04-30, cost: 7}
          - {initiative: outside, start: 2028-01-01, cost: 9999}
        forecast: {months: 4}
        """
    ).forecast
    assert forecast is not None
    # no forecast.start: the month of the earliest roadmap start (Feb 2027), not the audit's month
    assert (forecast.start, forecast.start_source) == (date(2027, 2, 1), "roadmap")
    spans = {i.id: i for i in forecast.initiatives}
    # early: Feb–Mar = months 1–2, its cost 500 in month 1
    assert spans["early"].months == (1, 2) and spans["early"].one_off == ((1, 500),)
    # late: no start → from month 1; end April = month 3; its cost (no start date) in month 1
    assert spans["late"].months == (1, 2, 3) and spans["late"].one_off == ((1, 7),)
    # always: no roadmap entry → the whole horizon
    assert spans["always"].months == (1, 2, 3, 4)
    # outside: starts after the horizon → never runs, its cost is not counted
    assert spans["outside"].months == () and spans["outside"].one_off == ()
    base = forecast.scenario("base")
    # month 1: 100 + 10 + 1 + 500 + 7 = 618; month 2: 111; month 3: 11; month 4: 1
    assert [m.cost for m in base.months] == [618, 111, 11, 1]
    # new: 1, 1, 0, 0 → customers 1, 2, 2, 2; profit a customer a month = 12 × 1 / 12 = 1
    assert [m.profit for m in base.months] == [1, 2, 2, 2]


def test_forecast_start_from_audit_then_today_and_roadmap_before_start() -> None:
    text = """
        economics: {average_check: 12, purchases_per_year: 1}
        strategy: {initiatives: [{id: a, title: A, budget_monthly: 5}]}
        """
    forecast = figures_of(text + "audit: {date: 2026-10-15}\n").forecast
    assert forecast is not None and (forecast.start, forecast.start_source) == (date(2026, 10, 1), "audit")
    forecast = figures_of(text).forecast
    assert forecast is not None and (forecast.start, forecast.start_source) == (date(2026, 11, 1), "today")
    forecast = figures_of(
        text
        + """
        roadmap: [{initiative: a, start: 2026-05-10, end: 2027-01-31, cost: 300}]
        forecast: {start: 2026-12, months: 3}
        """
    ).forecast
    assert forecast is not None
    # started before month 1: runs from month 1 to January = month 2; its cost fell before the horizon
    assert forecast.initiatives[0].months == (1, 2) and forecast.initiatives[0].one_off == ()
    assert [m.cost for m in forecast.scenarios[1].months] == [5, 5, 0]


def test_no_initiatives_no_forecast() -> None:
    assert figures_of("economics: {average_check: 12, purchases_per_year: 1}").forecast is None


# checkpoints -------------------------------------------------------------------------------------

CHECKPOINT_PLAN = """
    goals:
      - {id: cpl, title: Cost per lead, target: 500, direction: down}
      - {id: leads, title: Leads, target: 40}
      - {id: free, title: No target}
    checkpoints:
      - date: 2027-01-01
        kpis:
          - {goal: cpl, target: 600, actual: 550}
          - {goal: leads, actual: 39}
      - date: 2027-02-01
        kpis:
          - {goal: cpl, actual: 650}
          - {goal: leads}
          - {goal: free, actual: 3}
    """


def test_kpi_direction_and_goal_targets() -> None:
    # on the second checkpoint's day: its actuals are measured (an actual dated later would not count)
    figures = figures_of(CHECKPOINT_PLAN, today=date(2027, 2, 1))
    first, second = figures.checkpoints
    # cpl is "down": 550 ≤ 600 → met; leads: no KPI target → the goal's 40; 39 < 40 → behind
    assert [(k.goal, k.target, k.target_from_goal, k.status) for k in first.kpis] == [
        ("cpl", 600, False, "met"),
        ("leads", 40, True, "behind"),
    ]
    # cpl: goal target 500, 650 > 500 → behind; leads not measured yet, the date is today → pending
    # free: measured, but neither KPI nor goal has a target → no target
    assert [(k.goal, k.target, k.status) for k in second.kpis] == [
        ("cpl", 500, "behind"),
        ("leads", 40, "pending"),
        ("free", None, "no target"),
    ]
    assert first.passed and not second.passed
    assert [(k.date, k.goal, k.status) for k in figures.corrections] == [
        (date(2027, 1, 1), "leads", "behind"),
        (date(2027, 2, 1), "cpl", "behind"),
        (date(2027, 2, 1), "free", "no target"),
    ]


def test_kpi_status_before_on_and_after_the_checkpoint() -> None:
    plan = """
        goals: [{id: g, title: G, target: 10}]
        checkpoints: [{date: 2027-03-01, kpis: [{goal: g}]}]
        """
    assert figures_of(plan, today=date(2027, 2, 28)).checkpoints[0].kpis[0].status == "pending"
    # the date is today: still pending
    assert figures_of(plan, today=date(2027, 3, 1)).checkpoints[0].kpis[0].status == "pending"
    after = figures_of(plan, today=date(2027, 3, 2))
    assert after.checkpoints[0].kpis[0].status == "not measured"
    assert [k.status for k in after.corrections] == ["not measured"]
    # a met target exactly on the boundary: 10 ≥ 10
    plan_met = plan.replace("{goal: g}", "{goal: g, actual: 10}")
    assert figures_of(plan_met, today=date(2027, 3, 1)).checkpoints[0].kpis[0].status == "met"


def test_kolosok_checkpoints_today_and_after(kolosok: Figures) -> None:
    statuses = [(c.date, k.goal, k.status) for c in kolosok.checkpoints for k in c.kpis]
    # on 7 December 2026 nothing is measured yet: both checkpoints are ahead
    assert statuses == [
        (date(2027, 3, 1), "repeat", "pending"),
        (date(2027, 3, 1), "cake-orders", "pending"),
        (date(2027, 6, 30), "repeat", "pending"),
        (date(2027, 6, 30), "cost-per-lead", "pending"),
    ]
    later = compute_figures(load_plan(PLANS / "kolosok.yaml"), date(2027, 7, 1))
    assert [(k.goal, k.status) for k in later.corrections] == [
        ("repeat", "not measured"),
        ("cake-orders", "not measured"),
        ("repeat", "not measured"),
        ("cost-per-lead", "not measured"),
    ]


# automation --------------------------------------------------------------------------------------


def test_kolosok_automation_hours(kolosok: Figures) -> None:
    a = kolosok.automation
    assert a is not None
    # manual: 10 + 6 = 16; planned: 12; automated: 0; by hand 16 + 12 = 28; a year 28 × 12 = 336
    assert (a.manual_hours, a.planned_hours, a.automated_hours, a.total_hours) == (16, 12, 0, 28)
    assert a.by_hand_hours == 28 and a.by_hand_year_work.result == 336
    assert [i.status for i in a.items] == ["planned", "manual", "manual"]


def test_automation_evidence_partial_and_done() -> None:
    partial = figures_of(
        """
        audit: {practices: {automation: partial}}
        automation:
          - {process: a, hours_per_month: 4, status: automated}
          - {process: b, hours_per_month: 2}
        """
    )
    assert partial.automation is not None and partial.audit is not None
    # b has the default status manual: 2 hours by hand, 4 automated
    assert (partial.automation.manual_hours, partial.automation.automated_hours) == (2, 4)
    assert partial.audit.practices[1].evidence.status == "partial"
    done = figures_of("audit: {}\nautomation: [{process: a, hours_per_month: 4, status: automated}]\n")
    assert done.audit is not None and done.audit.practices[1].evidence.status == "done"
    assert figures_of("goals: []").automation is None


# the whole -------------------------------------------------------------------------------------


def test_figures_header_and_steps(kolosok: Figures) -> None:
    assert (kolosok.slug, kolosok.language, kolosok.currency, kolosok.today) == ("kolosok", "ru", "RUB", TODAY)
    assert kolosok.name == "Пекарня «Колосок»"
    assert [s.filled for s in kolosok.steps] == [True] * 8
    assert kolosok.calendar is not None


def test_minimal_plan_has_no_figures() -> None:
    f = figures_of("")
    assert (f.audit, f.economics, f.forecast, f.automation, f.calendar) == (None, None, None, None, None)
    assert f.checkpoints == [] and f.corrections == []
    assert sum(s.filled for s in f.steps) == 0


def test_fmt_arithmetic_parenthesises_only_where_needed() -> None:
    work = Arithmetic("−", (10, Arithmetic("−", (4, 1), 3)), 7)
    assert fmt_arithmetic(work, "en") == "10 − (4 − 1) = 7"
    share = Arithmetic("/", (240, 300), 0.8)
    assert fmt_arithmetic(share, "en", percent_result=True) == "240 / 300 = 80%"
    assert fmt_arithmetic(Arithmetic("+", (1.5, -2), -0.5), "ru") == "1,5 + (−2) = −0,5"
    assert fmt_arithmetic(Arithmetic("×", (2, Arithmetic("+", (), 0)), 0), "en") == "2 × 0 = 0"
