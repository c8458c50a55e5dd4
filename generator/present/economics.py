"""The economics section's display values (step 1/8: the business figures), built once for the
site's economics page, the PDF's economics chapter and `playbook report`.

Plain strings in the plan's language and locale (the site escapes them, the PDF template
autoescapes them, the terminal prints them); the funnel chart is drawn here once, as SVG.
Which rows appear is decided here too: a figure without its arithmetic (an LTV the plan cannot
work out, an NPS without answers) is left out of every output alike. The forecast's customer
groups (`customer_groups`) and why a forecast is missing (`missing_text`) are economics' words as
well (who a new customer is and what one brings): the forecast's outputs take them from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.compute.arithmetic import Arithmetic
from generator.compute.economics import EconomicsFigures, NpsFigure
from generator.compute.figures import Figures
from generator.compute.groups import GroupEconomics
from generator.draw import charts
from generator.present.format import fmt_months
from generator.present.i18n import (
    PlanLanguage,
    fmt_arithmetic,
    fmt_decimal,
    fmt_money,
    fmt_number,
    fmt_percent,
    t,
)
from generator.present.summary import _money as summary_money
from generator.present.views import nps_band

DASH = "—"
KEYS = ("average_check", "purchases_per_year", "lifetime_years", "gross_margin")


@dataclass(frozen=True)
class Metric:
    """One business figure: what it is, how much, the arithmetic that gives it, what it means."""

    label: str
    value: str
    work: str
    note: str


@dataclass(frozen=True)
class SegmentLtv:
    """A segment with economics of its own: its LTV (revenue, profit) worked, and the keys it takes from the plan."""

    name: str
    ltv: str
    ltv_work: str
    ltv_profit: str
    ltv_profit_work: str
    inherited: str  # "From the plan's economics: gross margin." or ""


@dataclass(frozen=True)
class NpsView:
    """NPS with its arithmetic, where the answers come from, and the answers it counts."""

    score: str
    work: str
    band: str  # `good`, `needs-work`, `poor` (`views.nps_band`): the badge's colour
    band_label: str  # the band in words (the colour never says it alone)
    source: str
    counts: tuple[tuple[str, str], ...]  # (promoters (9–10), 5), …, (answers, 10)


@dataclass(frozen=True)
class StageView:
    """A funnel stage; `from_previous` is the conversion worked out (`1,000 / 8,000 = 12.5%`), a dash for the first."""

    stage: str
    count: str
    from_previous: str
    from_first: str
    from_first_work: str  # "240 / 12 000 = 2%": the funnel's conversion as the PDF's key figure works it


@dataclass(frozen=True)
class GroupRow:
    """One of the forecast's customer groups: who, what one brings a month (worked), for how long."""

    name: str
    per_month: str
    lifetime: str


@dataclass(frozen=True)
class EconomicsView:
    """Everything a reader sees of the plan's economics (None of it is computed here)."""

    new_customer: tuple[Metric, ...]  # this client's new customer (the summary's money), before the plan-level LTV
    inputs: tuple[tuple[str, str], ...]  # (label, value) of the plan's economics keys it gives
    metrics: tuple[Metric, ...]  # LTV (revenue), LTV (profit), LTV / CAC: those the plan can work out
    segments: tuple[SegmentLtv, ...]
    nps: NpsView | None
    funnel: tuple[StageView, ...]
    funnel_chart: str  # SVG, "" without a funnel


def _work(work: Arithmetic | None, lang: str, percent: bool = False) -> str:
    return fmt_arithmetic(work, lang, percent_result=percent) if work is not None else DASH


def _new_customer(figures: Figures, lang: PlanLanguage) -> tuple[Metric, ...]:
    """The summary's value, cost and ratio of a new customer (the summary's own wording, not worded again)."""
    m = figures.summary.money if figures.summary else None
    if m is None or m.value is None or not m.mix:
        return ()  # without the initiatives' mix of groups it is the plan-level LTV below, said twice
    v = summary_money(m, lang, figures.currency)
    rows = [Metric(v.value_label, v.value, v.value_work or DASH, v.value_note)]
    if m.cost is not None:
        rows.append(Metric(v.cost_label, v.cost, v.cost_work or DASH, v.cost_note))
    if m.ratio is not None:
        rows.append(Metric(v.ratio_label, v.ratio, v.ratio_work or DASH, v.ratio_note))
    return tuple(rows)


def _inputs(e: EconomicsFigures, lang: PlanLanguage, currency: str) -> tuple[tuple[str, str], ...]:
    shown = {
        "average_check": fmt_money(e.average_check, currency, lang),
        "purchases_per_year": fmt_decimal(e.purchases_per_year, lang),
        "lifetime_years": fmt_decimal(e.lifetime_years, lang),
        "gross_margin": fmt_percent(e.gross_margin, lang),
        "customers": fmt_number(e.customers, lang),
        "cac": fmt_money(e.cac, currency, lang),
    }
    return tuple((t(f"econ.{key}", lang), value) for key, value in shown.items() if getattr(e, key) is not None)


def _metrics(e: EconomicsFigures, lang: PlanLanguage, currency: str) -> tuple[Metric, ...]:
    rows = []
    if e.ltv_work is not None:
        rows.append(Metric(t("econ.ltv", lang), fmt_money(e.ltv, currency, lang), _work(e.ltv_work, lang),
                           t("econ.ltv_note", lang)))  # fmt: skip
    if e.ltv_profit_work is not None:
        rows.append(Metric(t("econ.ltv_profit", lang), fmt_money(e.ltv_profit, currency, lang),
                           _work(e.ltv_profit_work, lang), t("econ.ltv_profit_note", lang)))  # fmt: skip
    if e.ltv_cac_work is not None:
        rows.append(Metric(t("econ.ltv_cac", lang), fmt_decimal(e.ltv_cac, lang, 1), _work(e.ltv_cac_work, lang),
                           t(f"econ.ltv_cac_{e.ltv_cac_basis}", lang)))  # fmt: skip
    return tuple(rows)


def _segments(e: EconomicsFigures, lang: PlanLanguage, currency: str) -> tuple[SegmentLtv, ...]:
    rows = []
    for s in e.segments:
        inherited = [k for k in KEYS if k not in s.economics.own and getattr(s.economics, k) is not None]
        keys = ", ".join(t(f"money.key.{k}", lang) for k in inherited)
        rows.append(
            SegmentLtv(
                name=s.name,
                ltv=fmt_money(s.ltv, currency, lang) if s.ltv is not None else DASH,
                ltv_work=_work(s.ltv_work, lang),
                ltv_profit=fmt_money(s.ltv_profit, currency, lang) if s.ltv_profit is not None else DASH,
                ltv_profit_work=_work(s.ltv_profit_work, lang),
                inherited=t("money.from_plan", lang).format(keys=keys) if inherited else "",
            )
        )
    return tuple(rows)


def _nps(n: NpsFigure | None, lang: PlanLanguage) -> NpsView | None:
    if n is None or n.score is None:
        return None  # no answers: no score to show (the plan's answers are zero or missing)
    band = nps_band(n.score)
    return NpsView(
        score=fmt_decimal(n.score, lang, 1),
        work=_work(n.work, lang),
        band=band,
        band_label=t(f"band.{band.replace('-', ' ')}", lang),
        source=t("econ.nps_scores" if n.from_scores else "econ.nps_counts", lang),
        counts=tuple(
            (t(f"econ.{key}", lang), fmt_number(value, lang))
            for key, value in (
                ("promoters", n.promoters),
                ("passives", n.passives),
                ("detractors", n.detractors),
                ("answers", n.total),
            )
        ),
    )


def _funnel(e: EconomicsFigures, lang: PlanLanguage) -> tuple[tuple[StageView, ...], str]:
    stages = tuple(
        StageView(
            stage=s.stage,
            count=fmt_number(s.count, lang),
            from_previous=_work(s.from_previous_work, lang, percent=True),
            from_first=fmt_percent(s.from_first, lang) if s.from_first is not None else DASH,
            from_first_work=_work(s.from_first_work, lang, percent=True),
        )
        for s in e.funnel
    )
    if not e.funnel:
        return stages, ""
    chart = charts.render_funnel(
        [charts.Stage(s.stage, s.count, s.from_previous) for s in e.funnel], lang, title=t("econ.funnel", lang)
    )
    return stages, chart


def _known(figures: Figures, names: Mapping[str, str]) -> dict[str, str]:
    """Segment id → name: the plan's (`names`), else the economics figures' (they carry the plan's names)."""
    return ({s.id: s.name for s in figures.economics.segments} if figures.economics else {}) | dict(names)


def customer_groups(figures: Figures, names: Mapping[str, str]) -> tuple[GroupRow, ...]:
    """The forecast's customer groups: who the new customers are, what one brings a month, for how long
    (`names`: segment id → the plan's name, `generator.present.views.segment_names`; an id it lacks stands as is)."""
    f = figures.forecast
    if f is None:
        return ()
    lang, known = PlanLanguage(figures.language, figures.locale), _known(figures, names)

    def row(g: GroupEconomics) -> GroupRow:
        return GroupRow(
            name=known.get(g.id, g.id) if g.id is not None else t("money.plan_level", lang),
            per_month=_work(g.profit_per_month_work, lang),
            lifetime=fmt_months(g.lifetime_months, lang)
            if g.lifetime_months is not None
            else t("money.lifetime_horizon", lang),
        )

    rows = tuple(row(g) for g in f.groups)
    if len(rows) > 1 and len({(r.per_month, r.lifetime) for r in rows}) == 1:
        # every group on the plan's economics: one row says it, not the same arithmetic once per segment
        return (GroupRow(t("money.all_groups", lang), rows[0].per_month, rows[0].lifetime),)
    return rows


def missing_text(figures: Figures, names: Mapping[str, str]) -> str | None:
    """Why the forecast is not computed, naming every missing key and where it would go; None when it is."""
    if figures.forecast is not None or not figures.forecast_missing:
        return None
    lang = PlanLanguage(figures.language, figures.locale)
    items = []
    for group, key in figures.forecast_missing:
        label = t(f"money.key.{key}", lang)
        if group is None:
            items.append(t("money.missing_plan", lang).format(key=key, label=label))
        else:
            segment = _known(figures, names).get(group, group)
            items.append(t("money.missing_segment", lang).format(key=key, label=label, segment=segment))
    return t("money.missing", lang).format(items="; ".join(items))


def economics_view(figures: Figures) -> EconomicsView | None:
    """The economics section of one plan; None when the plan has no `economics` (every output then
    leaves the section out, or shows its empty step)."""
    e = figures.economics
    if e is None:
        return None
    lang = PlanLanguage(figures.language, figures.locale)
    funnel, chart = _funnel(e, lang)
    return EconomicsView(
        new_customer=_new_customer(figures, lang),
        inputs=_inputs(e, lang, figures.currency),
        metrics=_metrics(e, lang, figures.currency),
        segments=_segments(e, lang, figures.currency),
        nps=_nps(e.nps, lang),
        funnel=funnel,
        funnel_chart=chart,
    )
