"""Display values of the v2 money figures, shared by the site pages and the PDF audit.

Segment LTV, why a forecast is not computed, the customer groups of the forecast and what the
hours by hand cost (plan against fact is in `generator.present.forecast`, the agenda in
`generator.present.checkpoints`). Values are formatted here once; `esc` is how a plan's text is made safe for the output
(`generator.present.site.html` for Markdown pages, `str` for the autoescaped PDF template).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.compute.figures import Figures
from generator.compute.groups import GroupEconomics
from generator.present.format import fmt_months
from generator.present.i18n import (
    PlanLanguage,
    fmt_arithmetic,
    fmt_money,
    t,
)

Esc = Callable[[object], Any]


def _lang(figures: Figures) -> PlanLanguage:
    """The plan's language with its format locale: an en-DE plan's money reads `53.760 €` here too."""
    return PlanLanguage(figures.language, figures.locale)


def _work(work: Any, lang: str, percent: bool = False) -> str:
    return fmt_arithmetic(work, lang, percent_result=percent) if work is not None else "—"


def segment_ltv(figures: Figures, esc: Esc) -> list[dict[str, Any]]:
    """Per segment with `economics`: its LTV (revenue, profit) with the arithmetic, and where each key comes from."""
    lang, cur = _lang(figures), figures.currency
    e = figures.economics
    if e is None:
        return []
    rows = []
    for s in e.segments:
        inherited = [
            k
            for k in ("average_check", "purchases_per_year", "lifetime_years", "gross_margin")
            if k not in s.economics.own and getattr(s.economics, k) is not None
        ]
        rows.append(
            {
                "name": esc(s.name),
                "ltv": esc(fmt_money(s.ltv, cur, lang)) if s.ltv is not None else "—",
                "ltv_work": esc(_work(s.ltv_work, lang)),
                "ltv_profit": esc(fmt_money(s.ltv_profit, cur, lang)) if s.ltv_profit is not None else "—",
                "ltv_profit_work": esc(_work(s.ltv_profit_work, lang)),
                "inherited": esc(
                    t("money.from_plan", lang).format(keys=", ".join(t(f"money.key.{k}", lang) for k in inherited))
                )
                if inherited
                else "",
            }
        )
    return rows


def missing_keys(figures: Figures, plan_segments: dict[str, str], esc: Esc) -> str | None:
    """Why the forecast is not computed, naming every missing key and where it would go; None when it is."""
    if figures.forecast is not None or not figures.forecast_missing:
        return None
    lang = _lang(figures)
    items = []
    for group, key in figures.forecast_missing:
        label = t(f"money.key.{key}", lang)
        if group is None:
            items.append(t("money.missing_plan", lang).format(key=key, label=label))
        else:
            items.append(t("money.missing_segment", lang).format(key=key, label=label, segment=plan_segments[group]))
    return esc(t("money.missing", lang).format(items="; ".join(items)))


def groups(figures: Figures, plan_segments: dict[str, str], esc: Esc) -> list[dict[str, Any]]:
    """The forecast's customer groups: who the new customers are, what one brings a month, for how long."""
    f = figures.forecast
    if f is None:
        return []
    lang = _lang(figures)

    def row(g: GroupEconomics) -> dict[str, Any]:
        return {
            "name": esc(plan_segments[g.id] if g.id is not None else t("money.plan_level", lang)),
            "per_month": esc(_work(g.profit_per_month_work, lang)),
            "lifetime": esc(
                fmt_months(g.lifetime_months, lang)
                if g.lifetime_months is not None
                else t("money.lifetime_horizon", lang)
            ),
        }

    rows = [row(g) for g in f.groups]
    if len(rows) > 1 and len({(r["per_month"], r["lifetime"]) for r in rows}) == 1:
        # every group on the plan's economics: one row says it, not the same arithmetic once per segment
        return [{**rows[0], "name": esc(t("money.all_groups", lang))}]
    return rows


def automation_cost(figures: Figures, esc: Esc) -> dict[str, Any] | None:
    """What the hours still spent by hand cost, a month and a year, with the arithmetic; None without hour_cost."""
    a = figures.automation
    if a is None or a.cost_monthly_work is None or a.cost_yearly_work is None:
        return None
    lang, cur = _lang(figures), figures.currency
    return {
        "monthly": esc(fmt_money(a.cost_monthly, cur, lang)),
        "monthly_work": esc(_work(a.cost_monthly_work, lang)),
        "yearly": esc(fmt_money(a.cost_yearly, cur, lang)),
        "yearly_work": esc(_work(a.cost_yearly_work, lang)),
        "hour_cost": esc(fmt_money(a.hour_cost, cur, lang)),
    }
