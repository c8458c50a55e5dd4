"""Display values of the measured figures (contract v3), decided once for the site, the PDF and
the terminal: plain strings in the plan's language; the site escapes them, the PDF template
autoescapes them, the report prints them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from generator.compute.figures import Figures
from generator.compute.groups import group_economics
from generator.compute.measured import GroupFigures, MeasuredFigures, Provenance
from generator.compute.webdata import RefreshItem
from generator.model import LoadedPlan, Plan
from generator.present.format import fmt_count, fmt_months
from generator.present.i18n import (
    fmt_arithmetic,
    fmt_date,
    fmt_decimal,
    fmt_money,
    fmt_month,
    fmt_number,
    fmt_percent,
    plan_language,
    t,
    t_count,
)

FIGURES = ("average_check", "purchases_per_year", "lifetime_years", "ltv")
GAP_SHARE = 0.3  # the contract's M119 threshold: a gap worth showing


@dataclass(frozen=True)
class Cell:
    """A figure assumed and measured, as shown; `gap` the relative difference when both are there."""

    assumed: str
    measured: str
    gap: float | None


@dataclass(frozen=True)
class GroupRow:
    """One group's economics, assumed beside measured."""

    name: str
    cells: dict[str, Cell]
    retention: str
    ltv_work: str | None


@dataclass(frozen=True)
class MeasuredView:
    """Everything a reader sees of the measured figures."""

    sources: tuple[str, ...]
    groups: tuple[GroupRow, ...]
    lost: str | None
    nps_now: str | None
    nps_over: str | None
    nps_segments: tuple[tuple[str, str], ...]
    nps_months: tuple[tuple[str, float | None, str], ...]  # (month label, NPS, shown)
    demand: dict[str, dict[str, str]]  # segment id → query → measured volume shown
    uncovered: tuple[tuple[str, str], ...]
    refresh: tuple[tuple[str, str, str], ...]  # (url, reason, why)
    funnel: tuple[tuple[str, str], ...]
    forecast_note: str | None = None  # forecast.basis measured: which groups' figures are measured


def _provenance(p: Provenance, lang: str) -> str:
    if p.kind == "deals":
        head = t("measured.source.deals", lang).format(system=", ".join(p.systems) or "CRM")
        rows = t_count("measured.rows.deals", p.rows, lang)
    else:
        head = t(f"measured.source.{p.kind}", lang)
        rows = t_count("measured.rows.nps" if p.kind == "nps" else "measured.rows.other", p.rows, lang)
    text = f"{head}, {rows}"
    if p.start and p.end and p.kind not in ("wordstat", "sitemap"):
        dash = " — " if lang == "ru" else " – "
        text += f", {fmt_month(p.start, lang)}{dash}{fmt_month(p.end, lang)}"
    else:
        text += ", " + t("measured.imported", lang).format(date=fmt_date(p.imported, lang))
    return text


def _gap(assumed: float | None, measured: float | None) -> float | None:
    if assumed is None or measured is None or measured == 0:
        return None
    return (assumed - measured) / measured


def _row(name: str, g: GroupFigures, assumed: dict[str, float | None], lang: str, currency: str) -> GroupRow:
    missing = t("measured.not_enough", lang)

    def shown(key: str, value: float | None) -> str:
        if value is None:
            return "—"
        if key in ("average_check", "ltv"):
            return fmt_money(value, currency, lang)
        return fmt_decimal(value, lang, 1 if key == "lifetime_years" else 2)

    cells = {}
    for key in FIGURES:
        measured = getattr(g, key)
        cells[key] = Cell(
            assumed=shown(key, assumed.get(key)),
            measured=shown(key, measured) if measured is not None else missing,
            gap=_gap(assumed.get(key), measured),
        )
    return GroupRow(
        name=name,
        cells=cells,
        retention=fmt_percent(g.retention, lang) if g.retention is not None else missing,
        ltv_work=fmt_arithmetic(g.ltv_work, lang) if g.ltv_work is not None else None,
    )


def _assumed(plan: Plan) -> dict[str, dict[str, float | None]]:
    out: dict[str, dict[str, float | None]] = {}
    for gid, e in group_economics(plan).items():
        values: dict[str, float | None] = {
            "average_check": e.average_check,
            "purchases_per_year": e.purchases_per_year,
            "lifetime_years": e.lifetime_years,
        }
        parts = [values[k] for k in ("average_check", "purchases_per_year", "lifetime_years")]
        values["ltv"] = parts[0] * parts[1] * parts[2] if all(p is not None for p in parts) else None  # type: ignore[operator]
        out["all" if gid is None else gid] = values
    return out


def refresh_reason(item: RefreshItem, lang: str) -> str:
    """Why a page is in the refresh queue, with the numbers ("clicks 120 → 70 over the last 3 months")."""
    reason = item.reason
    if reason == "declining":
        return t("measured.why.declining", lang).format(
            before=fmt_number(item.clicks_before, lang),
            after=fmt_number(item.clicks_after, lang),
            months=fmt_months(item.months or 1, lang),
        )
    if reason == "within_reach":
        impressions = item.impressions or 0
        shown = (
            fmt_count(impressions, t("measured.impression_unit", lang), lang)
            if lang == "ru"
            else fmt_number(impressions, lang)
        )
        return t("measured.why.within_reach", lang).format(
            position=fmt_decimal(item.position, lang, 1),
            impressions=shown,
        )
    return t("measured.why.stale", lang).format(date=fmt_date(item.lastmod, lang))


def measured_view(figures: Figures, plan: Plan) -> MeasuredView | None:
    """The display values of a plan's measured figures; None without `measured/`."""
    m: MeasuredFigures | None = figures.measured
    if m is None:
        return None
    lang = plan_language(plan.business)
    currency = plan.business.currency
    names = {s.id: s.name for s in plan.segments} | {
        "all": t("measured.all", lang),
        "unassigned": t("measured.unassigned", lang),
    }
    assumed = _assumed(plan)
    groups = tuple(
        _row(names.get(gid, gid), g, assumed.get(gid, assumed["all"]), lang, currency) for gid, g in m.economics.items()
    )
    all_group = m.economics.get("all")
    lost = None
    if all_group is not None and all_group.lost_count:
        lost = t("measured.lost_text", lang).format(
            count=fmt_number(all_group.lost_count, lang),
            days=fmt_count(round(all_group.lost_limit_days or 60), t("measured.day_unit", lang), lang),
            revenue=fmt_money(all_group.lost_revenue, currency, lang),
        )
    nps_now = nps_over = None
    if m.nps is not None and m.nps.current is not None:
        nps_now = fmt_decimal(m.nps.current.nps, lang, 0)
        nps_over = t("measured.nps_over", lang).format(
            answers=t_count("measured.rows.nps", m.nps.current.answers, lang),
            start=fmt_date(m.nps.current_start, lang),
            end=fmt_date(m.nps.current_end, lang),
        )
    taken = dict.fromkeys(key.split(".", 1)[0] for key in m.forecast_measured)
    forecast_note = (
        t("measured.forecast_basis", lang).format(groups=", ".join(names.get(g, g) for g in taken)) if taken else None
    )
    return MeasuredView(
        forecast_note=forecast_note,
        sources=tuple(_provenance(p, lang) for p in m.provenance),
        groups=groups,
        lost=lost,
        nps_now=nps_now,
        nps_over=nps_over,
        nps_segments=tuple(
            (names.get(sid, sid), fmt_decimal(s.current.nps, lang, 0))
            for sid, s in m.nps_segments.items()
            if s.current is not None and s.current.nps is not None
        ),
        nps_months=tuple(
            (fmt_month(month, lang), fig.nps, fmt_decimal(fig.nps, lang, 0) if fig.nps is not None else "—")
            for month, fig, _ in (m.nps.months if m.nps else ())
        ),
        demand=_demand(m, lang),
        uncovered=tuple(
            (phrase, fmt_number(count, lang)) for phrase, count in (m.demand.uncovered if m.demand else ())
        ),
        refresh=tuple((r.url, r.reason, refresh_reason(r, lang)) for r in m.refresh_queue),
        funnel=(
            (t("measured.visits", lang), fmt_number(m.funnel.visits, lang)),
            (t("measured.goal_completions", lang), fmt_number(m.funnel.goal_completions, lang)),
            (t("measured.won_deals", lang), fmt_number(m.funnel.won_deals, lang)),
        )
        if m.funnel
        else (),
    )


def _demand(m: MeasuredFigures, lang: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    if m.demand is None:
        return out
    for q in m.demand.queries:
        out.setdefault(q.segment, {})[q.query] = fmt_number(q.measured, lang) if q.measured is not None else "—"
    return out


def gap_text(gap: float | None, lang: str) -> str:
    """A gap as a signed percentage ("+32 %"), or a dash."""
    if gap is None:
        return "—"
    return ("+" if gap > 0 else "") + fmt_percent(gap, lang, 0)


def month_label(day: date, lang: str) -> str:
    """A month as table rows show it."""
    return fmt_month(day, lang)


def site_values(figures: Figures, plan: Plan) -> dict[str, object] | None:
    """The view for a Markdown page: every string escaped (Markdown templates do not autoescape),
    the NPS chart drawn, the demand volumes lined up with each segment's queries."""
    from generator.draw.charts.nps import render_nps_months
    from generator.present.site_base import _svg, html

    view = measured_view(figures, plan)
    if view is None:
        return None
    lang = plan_language(plan.business)
    demand = [[html(view.demand.get(s.id, {}).get(d.query, "—")) for d in s.demand] for s in plan.segments]
    return {
        "sources": [html(s) for s in view.sources],
        "groups": [
            {
                "name": html(g.name),
                "cells": {
                    k: {"assumed": html(c.assumed), "measured": html(c.measured), "gap": html(gap_text(c.gap, lang))}
                    for k, c in g.cells.items()
                },
                "retention": html(g.retention),
                "ltv_work": html(g.ltv_work) if g.ltv_work else None,
            }
            for g in view.groups
        ],
        "lost": html(view.lost) if view.lost else None,
        "nps_now": html(view.nps_now) if view.nps_now else None,
        "nps_over": html(view.nps_over) if view.nps_over else None,
        "nps_segments": [(html(n), html(v)) for n, v in view.nps_segments],
        "nps_months": [(html(label), html(shown)) for label, _, shown in view.nps_months],
        "nps_chart": _svg(render_nps_months(view.nps_months, title=t("measured.nps_chart", lang)))
        if view.nps_months
        else None,
        "demand": demand,
        "uncovered": [(html(p), html(c)) for p, c in view.uncovered],
        "refresh": [(html(u), html(w), r) for u, r, w in view.refresh],
        "funnel": [(html(a), html(b)) for a, b in view.funnel],
        "forecast_note": html(view.forecast_note) if view.forecast_note else None,
    }


def with_measured(
    context: Callable[[LoadedPlan, Figures], dict[str, Any]],
) -> Callable[[LoadedPlan, Figures], dict[str, Any]]:
    """A page context with the measured figures added as `mv` (None without measured/)."""

    def wrapped(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
        ctx = context(loaded, figures)
        ctx["mv"] = site_values(figures, loaded.plan)
        return ctx

    wrapped.__doc__ = context.__doc__
    return wrapped
