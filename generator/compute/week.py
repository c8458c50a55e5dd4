"""This week and the next 90 days: the method's hour a day for small improvements of every kind.

**This week** — at most 5 dated items, each small enough for the daily hour:

1. today's article (the calendar's slot dated today, when today is a slot);
2. a one-hour step of each roadmap entry *due*: running this week (start ≤ today + 6 days, no end
   or end ≥ today) and either begun within the last 30 days or ending within the next 30
   (a long-running initiative is the daily routine, not a step); soonest end first;
3. a checkpoint dated this week: measure its KPIs;
4. a one-hour step of each of the summary's priorities that no roadmap entry schedules;
5. when none of 2–4 is due, a first one-hour step on the top priority (the daily hour is never idle).

Tasks are dated one a day from today, in that order (the article shares today with the first
task); the list stops at 5.

**The next 90 days** — three windows of 30 days from today (days 1–30, 31–60, 61–90): the
roadmap's starts and ends, the checkpoints, and (in the first window) the unscheduled priorities.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from generator.compute.priorities import Priorities
from generator.compute.slots import CalendarFigures
from generator.model import Plan

WEEK_ITEMS = 5
RECENT_DAYS = 30
WINDOW_DAYS = 30

TaskSource = Literal["article", "roadmap", "checkpoint", "priority"]


@dataclass(frozen=True)
class WeekItem:
    """A dated item of this week: an article (its slot kind) or a task."""

    date: date
    kind: str  # an article's slot kind (new, refresh, repurpose, research, done, missed) or "task"
    source: TaskSource
    title: str | None  # the article's or initiative's title, the priority's tool or practice; None: no title
    ref: str | None  # initiative id, "family.tool" / "practice.<id>", or the checkpoint's date
    until: dt.date | None = None  # a roadmap entry's end


@dataclass(frozen=True)
class HorizonItem:
    """Something due in one of the next three 30-day windows."""

    date: date
    what: Literal["start", "end", "checkpoint", "priority"]
    title: str
    ref: str


@dataclass(frozen=True)
class Window:
    """Days `first`..`last` (inclusive) from today: days 1–30, 31–60 or 61–90."""

    days: int  # 30, 60 or 90
    first: dt.date
    last: dt.date
    items: tuple[HorizonItem, ...]


def _titles(plan: Plan) -> dict[str, str]:
    return {i.id: i.title for i in (plan.strategy.initiatives if plan.strategy else [])}


def _unscheduled(plan: Plan, priorities: Priorities | None) -> list[tuple[str, str]]:
    """(key, name) of the top priorities no roadmap entry schedules (the tool's or practice's name)."""
    scheduled = {r.initiative for r in plan.roadmap}
    out = []
    for action in priorities.top if priorities else ():
        if not any(i in scheduled for i in action.initiatives):
            out.append((action.key, action.item.label(plan.business.language)))
    return out


def compute_week(
    plan: Plan, calendar: CalendarFigures | None, priorities: Priorities | None, today: date
) -> tuple[WeekItem, ...]:
    """This week's items (at most WEEK_ITEMS), in date order."""
    items: list[WeekItem] = []
    slot = calendar.today_slot if calendar is not None else None
    if slot is not None:
        items.append(WeekItem(today, slot.kind, "article", slot.title, slot.idea))
    week_end = today + timedelta(days=6)
    recent, soon = today - timedelta(days=RECENT_DAYS), today + timedelta(days=RECENT_DAYS)
    titles = _titles(plan)
    due = [
        r
        for r in plan.roadmap
        if r.start is not None
        and r.start <= week_end
        and (r.end is None or r.end >= today)
        and (r.start >= recent or (r.end is not None and r.end <= soon))
    ]
    due.sort(key=lambda r: (r.end or date.max, r.start or date.min))
    tasks: list[tuple[TaskSource, str | None, str | None, date | None]] = [
        ("roadmap", titles.get(r.initiative, r.initiative), r.initiative, r.end) for r in due
    ]
    for checkpoint in sorted(plan.checkpoints, key=lambda c: c.date):
        if today <= checkpoint.date <= week_end:
            tasks.append(("checkpoint", None, checkpoint.date.isoformat(), checkpoint.date))
    tasks.extend(("priority", action, key, None) for key, action in _unscheduled(plan, priorities))
    if not tasks and priorities is not None and priorities.top:
        # a week with nothing due still has its daily hour: a first step on the top priority
        top = priorities.top[0]
        tasks.append(("priority", top.item.label(plan.business.language), top.key, None))
    for n, (source, title, ref, until) in enumerate(tasks[: WEEK_ITEMS - len(items)]):
        items.append(WeekItem(today + timedelta(days=n), "task", source, title, ref, until))
    return tuple(items)


def compute_horizon(plan: Plan, priorities: Priorities | None, today: date) -> tuple[Window, ...]:
    """The next 90 days in three windows of 30, each with the roadmap's starts and ends and the checkpoints."""
    titles = _titles(plan)
    dated: list[HorizonItem] = []
    for r in plan.roadmap:
        title = titles.get(r.initiative, r.initiative)
        if r.start is not None:
            dated.append(HorizonItem(r.start, "start", title, r.initiative))
        if r.end is not None:
            dated.append(HorizonItem(r.end, "end", title, r.initiative))
    for checkpoint in plan.checkpoints:
        dated.append(HorizonItem(checkpoint.date, "checkpoint", "", checkpoint.date.isoformat()))
    windows = []
    for n in range(3):
        first = today + timedelta(days=n * WINDOW_DAYS)
        last = first + timedelta(days=WINDOW_DAYS - 1)
        inside = sorted((i for i in dated if first <= i.date <= last), key=lambda i: (i.date, i.what != "end"))
        if n == 0:
            inside += [HorizonItem(today, "priority", action, key) for key, action in _unscheduled(plan, priorities)]
        windows.append(Window((n + 1) * WINDOW_DAYS, first, last, tuple(inside)))
    return tuple(windows)
