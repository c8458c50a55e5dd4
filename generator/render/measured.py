"""The `measured` part of `report --json` (contract v3): measured figures as data, unrounded.

Present only for a plan with `measured/<slug>.yaml`, so a version 2 plan's JSON is unchanged.
Shares are fractions, NPS is −100…100, dates ISO, months `YYYY-MM`; a figure without enough
history is null.
"""

from __future__ import annotations

from typing import Any

from generator.compute.measured import GroupFigures, MeasuredFigures, NpsSeries
from generator.present.measured import MeasuredView
from generator.render.jsonvalues import json_number as _n


def _group(g: GroupFigures) -> dict[str, Any]:
    return {
        "average_check": _n(g.average_check),
        "purchases_per_year": _n(g.purchases_per_year),
        "retention": _n(g.retention),
        "lifetime_years": _n(g.lifetime_years),
        "ltv": _n(g.ltv),
        "gross_margin": _n(g.gross_margin),
        "ltv_profit": _n(g.ltv_profit),
        "won_deals": g.won_deals,
        "revenue": _n(g.revenue),
        "customers": g.customers,
        "previous_customers": g.previous_customers,
        "retained": g.retained,
    }


def _nps(series: NpsSeries) -> dict[str, Any]:
    current = series.current
    return {
        "current": {
            "nps": _n(current.nps),
            "answers": current.answers,
            "from": series.current_start.isoformat() if series.current_start else None,
            "to": series.current_end.isoformat() if series.current_end else None,
        }
        if current
        else None,
        "months": [
            {
                "month": f"{month:%Y-%m}",
                "promoters": fig.promoters,
                "passives": fig.passives,
                "detractors": fig.detractors,
                "nps": _n(fig.nps),
                "comments": comments,
            }
            for month, fig, comments in series.months
        ],
    }


def measured_json(m: MeasuredFigures) -> dict[str, Any]:
    """Every measured figure as JSON-ready data (documented in docs/report-json.md)."""
    all_group = m.economics.get("all")
    nps = _nps(m.nps) if m.nps else {"current": None, "months": []}
    return {
        "window": {"from": m.window[0].isoformat(), "to": m.window[1].isoformat()} if m.window else None,
        "economics": {gid: _group(g) for gid, g in m.economics.items()},
        "lost": {
            "count": all_group.lost_count if all_group else 0,
            "revenue": _n(all_group.lost_revenue) if all_group else 0,
            "limit_days": _n(all_group.lost_limit_days) if all_group else None,
            "segments": {
                gid: {"count": g.lost_count, "revenue": _n(g.lost_revenue)}
                for gid, g in m.economics.items()
                if gid != "all"
            },
        },
        "nps": {**nps, "segments": {sid: _nps(s) for sid, s in m.nps_segments.items()}},
        "demand": {
            "queries": [
                {"segment": q.segment, "query": q.query, "typed": q.typed, "measured": q.measured}
                for q in m.demand.queries
            ],
            "uncovered": [{"phrase": phrase, "count": count} for phrase, count in m.demand.uncovered],
        }
        if m.demand
        else {"queries": [], "uncovered": []},
        "refresh_queue": [
            {
                "url": r.url,
                "reason": r.reason,
                "clicks_before": _n(r.clicks_before),
                "clicks_after": _n(r.clicks_after),
                "position": _n(r.position),
                "impressions": _n(r.impressions),
                "lastmod": r.lastmod.isoformat() if r.lastmod else None,
            }
            for r in m.refresh_queue
        ],
        "funnel": {
            "from": m.funnel.start.isoformat(),
            "to": m.funnel.end.isoformat(),
            "visits": m.funnel.visits,
            "goal_completions": m.funnel.goal_completions,
            "won_deals": m.funnel.won_deals,
        }
        if m.funnel
        else {"visits": None, "goal_completions": None, "won_deals": None},
        "visits": [{"month": f"{month:%Y-%m}", "visits": v, "goal_completions": g} for month, v, g in m.visits],
        "sources": [
            {
                "kind": p.kind,
                "systems": list(p.systems),
                "files": list(p.files),
                "rows": p.rows,
                "from": p.start.isoformat() if p.start else None,
                "to": p.end.isoformat() if p.end else None,
                "imported": p.imported.isoformat(),
            }
            for p in m.provenance
        ],
        "data_changed": m.data_changed,
        "forecast_measured": list(m.forecast_measured),
    }


def print_measured(console: Any, view: MeasuredView, language: str) -> None:
    """The terminal's measured tables: assumed against measured with the gaps, then the rest."""
    from rich.table import Table

    from generator.present.i18n import t
    from generator.present.measured import FIGURES, GAP_SHARE, gap_text

    table = Table(title=t("measured.gaps", language), title_justify="left")
    for i, column in enumerate(
        ("measured.group", "measured.figure", "measured.assumed", "measured.measured", "measured.gap")
    ):
        table.add_column(t(column, language), justify="right" if i >= 2 else "left")
    names = {
        "average_check": "econ.average_check",
        "purchases_per_year": "econ.purchases_per_year",
        "lifetime_years": "econ.lifetime_years",
        "ltv": "econ.ltv",
    }
    for group in view.groups:
        for key in FIGURES:
            cell = group.cells[key]
            gap = gap_text(cell.gap, language)
            if cell.gap is not None and abs(cell.gap) > GAP_SHARE:
                gap += " !"
            table.add_row(group.name, t(names[key], language), cell.assumed, cell.measured, gap)
    console.print(table)
    for line in view.sources:
        console.print(line, markup=False)
    if view.forecast_note:
        console.print(view.forecast_note, markup=False)
    nps = f"{t('measured.nps_now', language)}: {view.nps_now} ({view.nps_over})" if view.nps_now else None
    for text in (view.lost, nps):
        if text:
            console.print(text, markup=False)
    if view.refresh:
        table = Table(title=t("measured.refresh", language), title_justify="left")
        table.add_column(t("measured.page", language))
        table.add_column(t("measured.why", language))
        for url, _, why in view.refresh:
            table.add_row(url, why)
        console.print(table)
