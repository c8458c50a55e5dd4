"""The summary's three priorities: the audit's actions merged, fitted to the business's size, ranked.

The audit gives every gap an action (23 for the bakery, 8 of them high). A client acts on three.
The rule, in order:

1. **Merge.** The CRM practice and the CRM tool (`sales.crm`) are one action: the tool's, with
   the practice folded in (its priority the higher of the two).
2. **Fit the size.** Advice made for a sales department — sales scripts, call recording and call
   tracking (`sales.sales_scripts`, `sales.call_recording`, `analytics.crm_telephony`) and BI
   dashboards (`analytics.dashboards`) — does not fit a business whose `business.team` (the
   people who sell and serve customers) is 5 or fewer: such an action is demoted to low with that
   reason, never deleted. Without `business.team` the size is unknown and nothing is demoted.
3. **Rank the high ones.** First the actions an initiative of the strategy works on (its
   `component`) for at least one goal; then by the audit's weight (a practice weighs 1), then by
   the number of goals served, then by the earliest roadmap start of those initiatives, then in
   the audit's order. The summary shows the first three.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.compute.audit import GAPS, AuditFigures, PracticeFigure, ToolFigure
from generator.model import Initiative, Plan

SALES_DEPARTMENT_TOOLS: tuple[str, ...] = (
    "sales.sales_scripts",
    "sales.call_recording",
    "analytics.crm_telephony",
    "analytics.dashboards",
)
SMALL_TEAM = 5  # people who sell and serve: at most this many is a small business
MERGED_PRACTICES: dict[str, str] = {"crm": "sales.crm"}  # practice → the tool it is one action with
SHOWN = 3
RANK = ("high", "medium", "low")


@dataclass(frozen=True)
class Action:
    """One action of the audit as the summary weighs it."""

    key: str  # "family.tool" or "practice.<id>"
    item: ToolFigure | PracticeFigure
    merged: PracticeFigure | None  # the practice folded into this tool's action
    priority: str  # after merging and fitting the size
    demoted: bool  # put aside for the business's size (the reason: SMALL_TEAM, `team`)
    initiatives: tuple[str, ...]  # ids of the initiatives working on it, plan order
    goals: tuple[str, ...]  # the goals they serve, first-seen order
    start: date | None  # the earliest roadmap start of those initiatives


@dataclass(frozen=True)
class Priorities:
    """The ranked high actions (the first three shown) and those put aside for the size."""

    top: tuple[Action, ...]  # at most SHOWN
    high: tuple[Action, ...]  # every high action, ranked
    demoted: tuple[Action, ...]  # audit order
    team: int | None
    small: bool | None  # None: size unknown (no `business.team`)


def _key(item: ToolFigure | PracticeFigure) -> str:
    return f"practice.{item.id}" if isinstance(item, PracticeFigure) else f"{item.family}.{item.id}"


def _higher(a: str | None, b: str | None) -> str:
    known = [p for p in (a, b) if p in RANK]
    return min(known, key=RANK.index) if known else "low"


def _serving(plan: Plan, key: str) -> list[Initiative]:
    initiatives = plan.strategy.initiatives if plan.strategy else []
    keys = {key, MERGED_PRACTICES.get(key.removeprefix("practice."), key)}
    return [i for i in initiatives if i.component is not None and i.component in keys]


def compute_priorities(plan: Plan, audit: AuditFigures | None) -> Priorities | None:
    """The summary's priorities; None without an audit."""
    if audit is None:
        return None
    team = plan.business.team
    small = None if team is None else team <= SMALL_TEAM
    items = list(audit.actions)
    practices = {p.id: p for p in items if isinstance(p, PracticeFigure)}
    starts = {r.initiative: r.start for r in plan.roadmap}
    actions = []
    for item in items:
        key = _key(item)
        tool = MERGED_PRACTICES.get(item.id) if isinstance(item, PracticeFigure) else None
        if tool is not None and any(_key(i) == tool for i in items):
            continue  # folded into the tool's action
        merged = next((practices[p] for p, tool in MERGED_PRACTICES.items() if tool == key and p in practices), None)
        priority = _higher(item.priority, merged.priority if merged else None)
        demoted = bool(small) and key in SALES_DEPARTMENT_TOOLS
        serving = _serving(plan, key)
        goals = tuple(dict.fromkeys(g for i in serving for g in i.goals))
        dates = [d for i in serving if (d := starts.get(i.id)) is not None]
        actions.append(
            Action(
                key=key,
                item=item,
                merged=merged,
                priority="low" if demoted else priority,
                demoted=demoted,
                initiatives=tuple(i.id for i in serving),
                goals=goals,
                start=min(dates) if dates else None,
            )
        )
    order = {a.key: n for n, a in enumerate(actions)}
    high = sorted(
        (a for a in actions if a.priority == "high"),
        key=lambda a: (
            not (a.initiatives and a.goals),
            -(a.item.weight if isinstance(a.item, ToolFigure) else 1.0),
            -len(a.goals),
            a.start or date.max,
            order[a.key],
        ),
    )
    return Priorities(
        top=tuple(high[:SHOWN]),
        high=tuple(high),
        demoted=tuple(a for a in actions if a.demoted),
        team=team,
        small=small,
    )


def fitted_issues(audit: AuditFigures, ranked: Priorities | None) -> dict[str, int]:
    """The audit's gaps by priority as the client's action list shows them: an action put aside for
    the business's size counts as low, where the list puts it (the bakery's sales-department advice
    is not a medium issue for three people). `AuditFigures.issues` keeps the catalogue's priorities."""
    issues = dict(audit.issues)
    for action in ranked.demoted if ranked is not None else ():
        item = action.item
        if item.status in GAPS and item.priority in issues and item.priority != "low":
            issues[item.priority] -= 1
            issues["low"] = issues.get("low", 0) + 1
    return issues
