"""Display values of the v2 money figures, shared by the site pages and the PDF audit.

Plan against fact with its chart and the consultant's agenda (the correction list); why a forecast
is not computed and the forecast's customer groups, as `generator.present.economics` words them
(kept here in the rows the forecast's outputs read until they take that view). Values are
formatted here once; `esc` is how a plan's text is made safe for the output
(`generator.present.site.html` for Markdown pages, `str` for the autoescaped PDF template).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import Any

from markupsafe import Markup

from generator.compute.actuals import InitiativeFact
from generator.compute.figures import Figures
from generator.draw import charts
from generator.present.economics import customer_groups, missing_text
from generator.present.i18n import (
    PlanLanguage,
    fmt_arithmetic,
    fmt_date,
    fmt_decimal,
    fmt_money,
    fmt_month,
    fmt_percent,
    t,
)

Esc = Callable[[object], Any]


def _lang(figures: Figures) -> PlanLanguage:
    """The plan's language with its format locale: an en-DE plan's money reads `53.760 €` here too."""
    return PlanLanguage(figures.language, figures.locale)


def _work(work: Any, lang: str, percent: bool = False) -> str:
    return fmt_arithmetic(work, lang, percent_result=percent) if work is not None else "—"


def missing_keys(figures: Figures, plan_segments: dict[str, str], esc: Esc) -> str | None:
    """Why the forecast is not computed (`generator.present.economics.missing_text`), made safe by `esc`."""
    text = missing_text(figures, plan_segments)
    return esc(text) if text is not None else None


def groups(figures: Figures, plan_segments: dict[str, str], esc: Esc) -> list[dict[str, Any]]:
    """The forecast's customer groups (`generator.present.economics.customer_groups`) as rows made safe by `esc`."""
    return [{k: esc(v) for k, v in asdict(row).items()} for row in customer_groups(figures, plan_segments)]


def _fact_row(fact: InitiativeFact, figures: Figures, esc: Esc) -> dict[str, Any]:
    lang, cur = _lang(figures), figures.currency

    def money(value: float | None) -> str:
        return fmt_money(value, cur, lang) if value is not None else t("money.not_reported", lang)

    return {
        "title": esc(fact.title),
        "planned_cac": esc(_work(fact.planned_cac_work, lang)),
        "actual_cac": esc(_work(fact.actual_cac_work, lang)),
        "ratio": esc(fmt_decimal(fact.cac_ratio, lang, 2)) if fact.cac_ratio is not None else "—",
        "ratio_work": esc(_work(fact.cac_ratio_work, lang)),
        "worse": fact.cac_ratio is not None and fact.cac_ratio > 1,
        "months": [
            {
                "month": esc(fmt_month(m.month, lang)),
                "planned_cost": esc(fmt_money(m.planned_cost, cur, lang)),
                "planned_new": esc(fmt_decimal(m.planned_new, lang, 1)),
                "spend": esc(money(m.spend)),
                "new": esc(fmt_decimal(m.new_customers, lang, 1))
                if m.new_customers is not None
                else esc(t("money.not_reported", lang)),
            }
            for m in fact.months
        ],
        "outside": esc(t("money.outside", lang).format(months=", ".join(fmt_month(m, lang) for m in fact.outside)))
        if fact.outside
        else "",
    }


def plan_vs_fact(figures: Figures, esc: Esc, width: float = 640) -> dict[str, Any] | None:
    """Plan against fact: the initiatives that report actuals, the ROI to date, and the chart."""
    facts = figures.plan_vs_fact
    if facts is None:
        return None
    lang, cur = _lang(figures), figures.currency
    reported = [f for f in facts.initiatives if f.months or f.outside]
    roi = facts.roi_to_date
    if not reported:
        return None
    out: dict[str, Any] = {"initiatives": [_fact_row(f, figures, esc) for f in reported], "roi": None, "chart": None}
    if roi is not None:
        out["roi"] = {
            "period": esc(
                f"{fmt_month(_first_month(roi.through_date, roi.through_month), lang)} – "
                f"{fmt_month(roi.through_date, lang)}"
            ),
            "cost": esc(fmt_money(roi.cost, cur, lang)),
            "profit": esc(fmt_money(roi.profit, cur, lang)) if roi.profit is not None else "—",
            "roi": esc(fmt_percent(roi.roi, lang)) if roi.roi is not None else "—",
            "work": esc(_work(roi.roi_work, lang, percent=True)) if roi.roi_work is not None else "",
            # the keys' names in words (the keys themselves are the consultant's: playbook check)
            "missing": esc(
                t("money.roi_missing", lang).format(
                    keys=", ".join(t(f"money.key.{k}", lang) for k in sorted({k for _, k in roi.missing}))
                )
            )
            if roi.missing
            else "",
        }
        out["chart"] = _chart(figures, width)
    return out


def _first_month(through: date, number: int) -> date:
    """Month 1 of the horizon, from month `number` falling on `through`."""
    index = through.year * 12 + through.month - 1 - (number - 1)
    return date(index // 12, index % 12 + 1, 1)


def _chart(figures: Figures, width: float) -> Markup | None:
    """Cumulative cost and profit as planned (the base scenario, `ForecastFigures.base`) and as reported so far."""
    f, facts = figures.forecast, figures.plan_vs_fact
    roi = facts.roi_to_date if facts is not None else None
    plan = f.base if f is not None else None
    if plan is None or roi is None:
        return None
    lang = _lang(figures)
    # the plan up to three months past the last reported one (at least six): the fact stays readable
    shown = min(len(plan.months), max(roi.through_month + 3, 6))

    def cumulative(values: tuple[float, ...]) -> list[float]:
        out, total = [], 0.0
        for v in values:
            total += v
            out.append(total)
        return out

    lines = [
        charts.Line(
            t("money.chart.plan_cost", lang),
            [m.cumulative_cost for m in plan.months[:shown]],
            charts.COST_COLOUR,
            "pb-cost",
            dashed=True,
        ),
        charts.Line(
            t("money.chart.plan_profit", lang),
            [m.cumulative_profit for m in plan.months[:shown]],
            charts.BAND_COLOURS["good"],
            "pb-profit",
            dashed=True,
        ),
        charts.Line(t("money.chart.fact_cost", lang), cumulative(roi.cost_by_month), charts.COST_COLOUR, "pb-cost"),
    ]
    if roi.profit_by_month is not None:
        lines.append(
            charts.Line(
                t("money.chart.fact_profit", lang),
                cumulative(roi.profit_by_month),
                charts.BAND_COLOURS["good"],
                "pb-profit",
            )
        )
    svg = charts.render_plan_vs_fact(
        [m.month for m in plan.months[:shown]],
        lines,
        PlanLanguage(figures.language, figures.locale),  # the chart's voice: words and the plan's number formats
        figures.currency,
        title=f"{t('money.chart.title', lang)} · {figures.name}",
        width=width,
    )
    return Markup(svg)


def agenda(figures: Figures, esc: Esc) -> list[dict[str, Any]]:
    """The correction list as the next meeting's agenda: each KPI to correct and what serves its goal, worst first."""
    lang = _lang(figures)
    items = []
    for c in figures.agenda:
        k = c.kpi
        items.append(
            {
                "goal": esc(k.goal_title),
                "date": esc(fmt_date(k.date, lang)),
                "status": k.status,
                "status_label": esc(t(f"kpi.{k.status}", lang)),
                "initiatives": [_fact_row(f, figures, esc) for f in c.initiatives],
                "nothing": esc(t("money.no_initiative", lang)) if not c.initiatives else "",
            }
        )
    return items
