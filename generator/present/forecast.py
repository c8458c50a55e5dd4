"""The forecast and plan against fact, one view each for the site, the PDF and the terminal report.

Every string is formatted here once, in the plan's language and locale, and the charts are drawn
here once, so the three outputs only lay the views out (the site escapes them with
`summary.escaped`, the PDF template autoescapes, the terminal prints them). The scenario that
stands for the plan is compute's choice (`ForecastFigures.base`), never a name or a position: the
plan-against-fact chart and intro, the re-forecast and the overview all take it from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.compute.actuals import InitiativeFact
from generator.compute.arithmetic import Arithmetic
from generator.compute.figures import Figures
from generator.compute.forecast import ForecastFigures, ScenarioFigures
from generator.draw import charts
from generator.present.format import fmt_months
from generator.present.i18n import (
    PlanLanguage,
    fmt_arithmetic,
    fmt_decimal,
    fmt_money,
    fmt_month,
    fmt_month_from,
    fmt_number,
    fmt_percent,
    t,
)
from generator.present.views import scenario_name

CHART_WIDTH = 640  # one drawing for the site's wide chart box and the PDF's text width
DASH = "—"


@dataclass(frozen=True)
class MonthRow:
    """One month of one scenario (the site's month-by-month tables)."""

    number: str
    month: str
    cost: str
    new: str
    customers: str
    active: str
    profit: str
    cum_cost: str
    cum_profit: str


@dataclass(frozen=True)
class ScenarioRow:
    """One scenario's totals, as every output's scenario table shows them."""

    name: str
    multiplier: str
    cost: str
    profit: str
    new_customers: str
    roi: str
    roi_work: str  # "" without cost
    payback: str
    base: bool  # the scenario compute chose to stand for the plan
    months: tuple[MonthRow, ...]


@dataclass(frozen=True)
class ForecastView:
    """Step 8: the horizon, the scenarios, the chart of cumulative cost and profit."""

    title: str
    horizon: str  # "12 месяцев с октября 2026"
    intro: str  # the horizon and where its start comes from, as a sentence
    per_customer: str  # the plan-level profit a customer a month, worked (v1 plans)
    scenarios: tuple[ScenarioRow, ...]  # the plan's order
    base: ScenarioRow
    chart: str  # SVG


def _lang(figures: Figures) -> PlanLanguage:
    return PlanLanguage(figures.language, figures.locale)


def _work(work: Arithmetic | None, lang: str, percent: bool = False) -> str:
    return fmt_arithmetic(work, lang, percent_result=percent) if work is not None else DASH


def payback_text(month: int | None, day: date | None, lang: str) -> str:
    """When a scenario (or the re-forecast) pays back: its month number and name, or not within the horizon."""
    if month is None or day is None:
        return t("fc.no_payback", lang)
    return t("fc.payback_month", lang).format(month=month, date=fmt_month(day, lang))


def _months(s: ScenarioFigures, cur: str, lang: str) -> tuple[MonthRow, ...]:
    return tuple(
        MonthRow(
            number=str(m.number),
            month=fmt_month(m.month, lang),
            cost=fmt_money(m.cost, cur, lang),
            new=fmt_number(m.new_customers, lang),
            customers=fmt_number(m.customers, lang),
            active=fmt_number(m.active_customers, lang),
            profit=fmt_money(m.profit, cur, lang),
            cum_cost=fmt_money(m.cumulative_cost, cur, lang),
            cum_profit=fmt_money(m.cumulative_profit, cur, lang),
        )
        for m in s.months
    )


def _scenario(s: ScenarioFigures, base: ScenarioFigures, cur: str, lang: str) -> ScenarioRow:
    return ScenarioRow(
        name=scenario_name(s.name, lang),
        multiplier=fmt_decimal(s.multiplier, lang),
        cost=fmt_money(s.cost, cur, lang),
        profit=fmt_money(s.profit, cur, lang),
        new_customers=fmt_number(s.new_customers, lang),
        roi=fmt_percent(s.roi, lang) if s.roi is not None else DASH,
        roi_work=fmt_arithmetic(s.roi_work, lang, percent_result=True) if s.roi_work is not None else "",
        payback=payback_text(s.payback_month, s.payback_date, lang),
        base=s is base,
        months=_months(s, cur, lang),
    )


def _forecast_chart(f: ForecastFigures, base: ScenarioFigures, cur: str, lang: PlanLanguage, title: str) -> str:
    """Cumulative cost (the same in every scenario: it does not scale) and each scenario's cumulative profit."""
    return charts.render_forecast(
        [m.month for m in base.months],
        [m.cumulative_cost for m in base.months],
        [charts.Series(scenario_name(s.name, lang), [m.cumulative_profit for m in s.months]) for s in f.scenarios],
        lang,
        cur,
        title=title,
        cost_label=t("fc.cum_cost", lang),
        cap=f.cumulative_cap,
        cap_label=t("chart.budget_cap", lang),
        width=CHART_WIDTH,
    )


def forecast_view(figures: Figures) -> ForecastView | None:
    """None when there is no forecast (no initiative, or missing keys: `economics.missing_text` says which)."""
    f = figures.forecast
    base = f.base if f is not None else None
    if f is None or base is None:
        return None
    lang, cur = _lang(figures), figures.currency
    horizon = t("fc.horizon", lang).format(months=fmt_months(f.months, lang), start=fmt_month_from(f.start, lang))
    return ForecastView(
        title=t("site.page.forecast", lang),
        horizon=horizon,
        intro=t("fc.intro", lang).format(horizon=horizon, source=t(f"fc.start_{f.start_source}", lang)),
        per_customer=_work(f.profit_per_customer_month_work, lang),
        scenarios=tuple(_scenario(s, base, cur, lang) for s in f.scenarios),
        base=_scenario(base, base, cur, lang),
        chart=_forecast_chart(f, base, cur, lang, f"{t('fc.chart', lang)} · {figures.name}"),
    )


# --- plan against fact -------------------------------------------------------------------------


@dataclass(frozen=True)
class FactMonth:
    """One reported month of an initiative: planned cost and customers against the actuals."""

    month: str
    planned_cost: str
    spend: str
    planned_new: str
    new: str


@dataclass(frozen=True)
class FactRow:
    """An initiative's CAC as planned and as reported (plan against fact, the agenda)."""

    title: str
    planned_cac: str  # worked
    actual_cac: str  # worked
    ratio: str
    ratio_work: str
    worse: bool  # costs more a customer than planned
    months: tuple[FactMonth, ...]
    outside: str  # reported months outside the horizon, or ""


@dataclass(frozen=True)
class RoiToDate:
    """The actual ROI from month 1 to the last reported month."""

    period: str
    cost: str
    profit: str
    roi: str
    work: str
    missing: str  # why the profit is not computed, or ""


@dataclass(frozen=True)
class PlanVsFactView:
    """Plan against fact: the initiatives that report actuals, the ROI to date, the chart."""

    title: str
    intro: str  # names the scenario the plan is read from (the base)
    initiatives: tuple[FactRow, ...]
    roi: RoiToDate | None
    chart: str  # SVG, or "" without the ROI to date


def fact_row(fact: InitiativeFact, figures: Figures) -> FactRow:
    """One initiative's plan against fact (also the agenda's rows, `present.checkpoints`)."""
    lang, cur = _lang(figures), figures.currency

    def money(value: float | None) -> str:
        return fmt_money(value, cur, lang) if value is not None else t("money.not_reported", lang)

    return FactRow(
        title=fact.title,
        planned_cac=_work(fact.planned_cac_work, lang),
        actual_cac=_work(fact.actual_cac_work, lang),
        ratio=fmt_decimal(fact.cac_ratio, lang, 2) if fact.cac_ratio is not None else DASH,
        ratio_work=_work(fact.cac_ratio_work, lang),
        worse=fact.cac_ratio is not None and fact.cac_ratio > 1,
        months=tuple(
            FactMonth(
                month=fmt_month(m.month, lang),
                planned_cost=fmt_money(m.planned_cost, cur, lang),
                spend=money(m.spend),
                planned_new=fmt_decimal(m.planned_new, lang, 1),
                new=fmt_decimal(m.new_customers, lang, 1)
                if m.new_customers is not None
                else t("money.not_reported", lang),
            )
            for m in fact.months
        ),
        outside=t("money.outside", lang).format(months=", ".join(fmt_month(m, lang) for m in fact.outside))
        if fact.outside
        else "",
    )


def first_month(through: date, number: int) -> date:
    """Month 1 of the horizon, from month `number` falling on `through`."""
    index = through.year * 12 + through.month - 1 - (number - 1)
    return date(index // 12, index % 12 + 1, 1)


def plan_vs_fact_view(figures: Figures) -> PlanVsFactView | None:
    """None without actuals (no initiative reports a month)."""
    facts, f = figures.plan_vs_fact, figures.forecast
    reported = [i for i in facts.initiatives if i.months or i.outside] if facts is not None else []
    if facts is None or not reported:
        return None
    lang, cur = _lang(figures), figures.currency
    base = f.base if f is not None else None
    roi, out = facts.roi_to_date, None
    if roi is not None:
        keys = ", ".join(t(f"money.key.{k}", lang) for k in sorted({k for _, k in roi.missing}))
        out = RoiToDate(
            period=f"{fmt_month(first_month(roi.through_date, roi.through_month), lang)} – "
            f"{fmt_month(roi.through_date, lang)}",
            cost=fmt_money(roi.cost, cur, lang),
            profit=fmt_money(roi.profit, cur, lang) if roi.profit is not None else DASH,
            roi=fmt_percent(roi.roi, lang) if roi.roi is not None else DASH,
            work=_work(roi.roi_work, lang, percent=True) if roi.roi_work is not None else "",
            # the keys' names in words (the keys themselves are the consultant's: playbook check)
            missing=t("money.roi_missing", lang).format(keys=keys) if roi.missing else "",
        )
    scenario = scenario_name(base.name, lang) if base is not None else DASH
    return PlanVsFactView(
        title=t("money.pvf.title", lang),
        intro=t("money.pvf.intro", lang).format(scenario=scenario),
        initiatives=tuple(fact_row(i, figures) for i in reported),
        roi=out,
        chart=_pvf_chart(figures, base),
    )


def _cumulative(values: tuple[float, ...]) -> list[float]:
    out, total = [], 0.0
    for v in values:
        total += v
        out.append(total)
    return out


def _pvf_chart(figures: Figures, plan: ScenarioFigures | None) -> str:
    """Cumulative cost and profit as planned (the base scenario) and as reported so far."""
    facts = figures.plan_vs_fact
    roi = facts.roi_to_date if facts is not None else None
    if plan is None or roi is None:
        return ""
    lang = _lang(figures)
    # the plan up to three months past the last reported one (at least six): the fact stays readable
    shown = min(len(plan.months), max(roi.through_month + 3, 6))
    good, cost = charts.BAND_COLOURS["good"], charts.COST_COLOUR
    months = plan.months[:shown]
    lines = [
        charts.Line(
            t("money.chart.plan_cost", lang), [m.cumulative_cost for m in months], cost, "pb-cost", dashed=True
        ),
        charts.Line(
            t("money.chart.plan_profit", lang), [m.cumulative_profit for m in months], good, "pb-profit", dashed=True
        ),
        charts.Line(t("money.chart.fact_cost", lang), _cumulative(roi.cost_by_month), cost, "pb-cost"),
    ]
    if roi.profit_by_month is not None:
        lines.append(
            charts.Line(t("money.chart.fact_profit", lang), _cumulative(roi.profit_by_month), good, "pb-profit")
        )
    return charts.render_plan_vs_fact(
        [m.month for m in months],
        lines,
        lang,  # the chart's voice: words and the plan's number formats
        figures.currency,
        title=f"{t('money.chart.title', lang)} · {figures.name}",
        width=CHART_WIDTH,
    )
