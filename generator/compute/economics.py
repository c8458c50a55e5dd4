"""Metrics that show a result, not just activity: LTV (revenue and profit), LTV/CAC, NPS, the funnel."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from generator.compute.arithmetic import Arithmetic, div, mul, sub
from generator.compute.groups import GroupEconomics
from generator.model import Economics


@dataclass(frozen=True)
class SegmentLtvFigure:
    """A segment's LTV with its own economics E_g (its keys, else the plan's)."""

    id: str
    name: str
    economics: GroupEconomics
    ltv: float | None  # average_check × purchases_per_year × lifetime_years (all three needed)
    ltv_work: Arithmetic | None
    ltv_profit: float | None  # ltv × gross_margin (a margin needed)
    ltv_profit_work: Arithmetic | None


@dataclass(frozen=True)
class NpsFigure:
    """NPS = 100 × (promoters − detractors) / all answers; None when there are no answers."""

    promoters: int
    passives: int
    detractors: int
    total: int
    from_scores: bool  # counted from `scores:` (9–10, 7–8, 0–6) rather than given as counts
    score: float | None
    work: Arithmetic | None


@dataclass(frozen=True)
class FunnelStageFigure:
    """A funnel stage with its conversion from the stage before and from the first (shares)."""

    stage: str
    count: int
    from_previous: float | None  # None for the first stage or a zero denominator
    from_first: float | None
    from_previous_work: Arithmetic | None
    from_first_work: Arithmetic | None


@dataclass(frozen=True)
class EconomicsFigures:
    """Metrics that show a result: LTV (revenue and profit), LTV/CAC, NPS, the funnel."""

    average_check: float | None
    purchases_per_year: float | None
    lifetime_years: float | None
    gross_margin: float | None
    customers: int | None
    cac: float | None
    ltv: float | None  # average_check × purchases_per_year × lifetime_years
    ltv_work: Arithmetic | None
    ltv_profit: float | None  # ltv × gross_margin
    ltv_profit_work: Arithmetic | None
    ltv_cac: float | None  # (profit LTV where a margin is given, else revenue LTV) / cac
    ltv_cac_basis: Literal["profit", "revenue"] | None
    ltv_cac_work: Arithmetic | None
    nps: NpsFigure | None
    funnel: tuple[FunnelStageFigure, ...]
    segments: tuple[SegmentLtvFigure, ...] = ()  # per-segment LTV of the segments with `economics` (v2)


def segment_ltv(group: GroupEconomics) -> SegmentLtvFigure:
    """LTV (revenue and profit) of one segment with its E_g, as the contract's LTV rule."""
    assert group.id is not None and group.name is not None  # a segment, not the plan level
    ltv_work = ltv_profit_work = None
    if group.average_check is not None and group.purchases_per_year is not None and group.lifetime_years is not None:
        ltv_work = mul(group.average_check, group.purchases_per_year, group.lifetime_years)
        if group.gross_margin is not None:
            ltv_profit_work = mul(ltv_work.result, group.gross_margin)
    return SegmentLtvFigure(
        id=group.id,
        name=group.name,
        economics=group,
        ltv=ltv_work.result if ltv_work else None,
        ltv_work=ltv_work,
        ltv_profit=ltv_profit_work.result if ltv_profit_work else None,
        ltv_profit_work=ltv_profit_work,
    )


def compute_economics(economics: Economics | None, segments: Sequence[GroupEconomics] = ()) -> EconomicsFigures | None:
    """LTV, LTV/CAC, NPS, funnel conversions and per-segment LTV (`segments`: the E_g of the
    segments that carry `economics`); None without an `economics` section or segment economics."""
    if economics is None and not segments:
        return None
    e = economics if economics is not None else Economics()
    ltv_work = ltv_profit_work = ltv_cac_work = None
    basis: Literal["profit", "revenue"] | None = None
    if e.average_check is not None and e.purchases_per_year is not None and e.lifetime_years is not None:
        ltv_work = mul(e.average_check, e.purchases_per_year, e.lifetime_years)
        if e.gross_margin is not None:
            ltv_profit_work = mul(ltv_work.result, e.gross_margin)
        if e.cac is not None:
            basis = "profit" if ltv_profit_work is not None else "revenue"
            ltv_cac_work = div((ltv_profit_work or ltv_work).result, e.cac)
    return EconomicsFigures(
        average_check=e.average_check,
        purchases_per_year=e.purchases_per_year,
        lifetime_years=e.lifetime_years,
        gross_margin=e.gross_margin,
        customers=e.customers,
        cac=e.cac,
        ltv=ltv_work.result if ltv_work else None,
        ltv_work=ltv_work,
        ltv_profit=ltv_profit_work.result if ltv_profit_work else None,
        ltv_profit_work=ltv_profit_work,
        ltv_cac=ltv_cac_work.result if ltv_cac_work else None,
        ltv_cac_basis=basis,
        ltv_cac_work=ltv_cac_work,
        nps=compute_nps(e),
        funnel=compute_funnel(e),
        segments=tuple(segment_ltv(g) for g in segments),
    )


def compute_nps(economics: Economics) -> NpsFigure | None:
    """NPS from raw 0–10 scores when given (they are the data), else from the counts (missing = 0)."""
    nps = economics.nps
    if nps is None:
        return None
    if nps.scores is not None:
        promoters = sum(s >= 9 for s in nps.scores)
        passives = sum(7 <= s <= 8 for s in nps.scores)
        detractors = sum(s <= 6 for s in nps.scores)
    else:
        promoters, passives, detractors = nps.promoters or 0, nps.passives or 0, nps.detractors or 0
    total = promoters + passives + detractors
    work = None
    if total:
        work = div(mul(100, sub(promoters, detractors)), total)
    return NpsFigure(
        promoters=promoters,
        passives=passives,
        detractors=detractors,
        total=total,
        from_scores=nps.scores is not None,
        score=work.result if work else None,
        work=work,
    )


def compute_funnel(economics: Economics) -> tuple[FunnelStageFigure, ...]:
    """Each stage's conversion from the one before and from the first (None: first stage, or 0 before)."""
    out = []
    stages = economics.funnel
    for i, stage in enumerate(stages):
        previous_work = first_work = None
        if i > 0:
            if stages[i - 1].count:
                previous_work = div(stage.count, stages[i - 1].count)
            if stages[0].count:
                first_work = div(stage.count, stages[0].count)
        out.append(
            FunnelStageFigure(
                stage=stage.stage,
                count=stage.count,
                from_previous=previous_work.result if previous_work else None,
                from_first=first_work.result if first_work else None,
                from_previous_work=previous_work,
                from_first_work=first_work,
            )
        )
    return tuple(out)
