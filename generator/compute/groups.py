"""Customer groups of the v2 forecast: who the new customers of an initiative are, and what one brings.

A cake customer who orders three times a year is not a daily bread buyer. The contract says so
with segment `economics`: a customer group is a segment (its own keys, each missing one taken from
the plan's `economics`) or the plan level (an initiative with no segments). The forecast, the
actual ROI to date and the per-segment LTV all read a group's economics E_g from here, so the
three agree on what a customer is worth.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from generator.compute.arithmetic import Arithmetic, decimal_fraction, div, mul, round_half_up
from generator.model import Initiative, Plan, Segment

ECONOMICS_KEYS: tuple[str, ...] = ("average_check", "purchases_per_year", "lifetime_years", "gross_margin")
REQUIRED_KEYS: tuple[str, ...] = ("average_check", "purchases_per_year")  # without them no profit


@dataclass(frozen=True)
class GroupEconomics:
    """E_g of one customer group, and the profit a customer of it brings a month."""

    id: str | None  # the segment's id; None for the plan level
    name: str | None  # the segment's name
    average_check: float | None
    purchases_per_year: float | None
    lifetime_years: float | None
    gross_margin: float | None
    own: tuple[str, ...]  # the keys the segment gives itself (the others are the plan's)
    lifetime_months: int | None  # L_g = 12 × lifetime_years rounded half up, ≥ 1; None: to the horizon
    profit_per_month: float | None  # p_g = average_check × purchases_per_year / 12 × (margin, or 1)
    profit_per_month_work: Arithmetic | None
    missing: tuple[str, ...]  # required keys neither the segment nor the plan gives

    @property
    def merge_key(self) -> tuple[float | None, float | None, float, int | None]:
        """Groups with the same key bring the same profit for the same months: they add up as one."""
        margin = self.gross_margin if self.gross_margin is not None else 1.0
        return (self.average_check, self.purchases_per_year, margin, self.lifetime_months)


def lifetime_months(lifetime_years: float | None) -> int | None:
    """L = 12 × lifetime_years rounded half up (exactly, as written), at least 1; None without a lifetime."""
    if lifetime_years is None:
        return None
    return max(1, round_half_up(decimal_fraction(lifetime_years) * 12))


def _group(plan: Plan, segment: Segment | None) -> GroupEconomics:
    plan_keys = plan.economics
    own_keys = segment.economics if segment is not None else None
    values: dict[str, float | None] = {}
    own = []
    for key in ECONOMICS_KEYS:
        mine = getattr(own_keys, key) if own_keys is not None else None
        if mine is not None:
            own.append(key)
        values[key] = mine if mine is not None else (getattr(plan_keys, key) if plan_keys is not None else None)
    check, purchases = values["average_check"], values["purchases_per_year"]
    margin = values["gross_margin"] if values["gross_margin"] is not None else 1.0
    work = mul(div(mul(check, purchases), 12), margin) if check is not None and purchases is not None else None
    return GroupEconomics(
        id=segment.id if segment is not None else None,
        name=segment.name if segment is not None else None,
        average_check=check,
        purchases_per_year=purchases,
        lifetime_years=values["lifetime_years"],
        gross_margin=values["gross_margin"],
        own=tuple(own),
        lifetime_months=lifetime_months(values["lifetime_years"]),
        profit_per_month=work.result if work else None,
        profit_per_month_work=work,
        missing=tuple(k for k in REQUIRED_KEYS if values[k] is None),
    )


def group_economics(plan: Plan) -> dict[str | None, GroupEconomics]:
    """E_g of every segment (by id) and of the plan level (key None)."""
    groups: dict[str | None, GroupEconomics] = {None: _group(plan, None)}
    for segment in plan.segments:
        groups[segment.id] = _group(plan, segment)
    return groups


def split(initiative: Initiative, plan: Plan) -> tuple[tuple[str | None, Fraction], ...]:
    """How an initiative's new customers divide among its groups (weights summing to 1, exactly).

    By `share` when every one of its segments has one (and they do not sum to 0), else equally;
    an initiative with no segments brings plan-level customers (group None).
    """
    if not initiative.segments:
        return ((None, Fraction(1)),)
    shares = {s.id: s.share for s in plan.segments}
    ids = list(dict.fromkeys(initiative.segments))
    given = [shares.get(i) for i in ids]
    if all(share is not None for share in given):
        exact = [decimal_fraction(share) for share in given if share is not None]
        total = sum(exact, Fraction(0))
        if total > 0:
            return tuple((i, share / total) for i, share in zip(ids, exact, strict=True))
    return tuple((i, Fraction(1, len(ids))) for i in ids)
