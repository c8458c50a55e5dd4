"""This week (at most 5 dated items: today's article, roadmap steps due, a checkpoint, unscheduled
priorities) and the next 90 days in three windows of 30."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

from generator.compute.figures import Figures, compute_figures
from generator.load.loader import LoadedPlan, load_text

TODAY = date(2026, 12, 7)  # a Monday

PLAN = """
goals: [{id: g, title: G}]
audit:
  components:
    online:
      seo: {status: absent, priority: high}
strategy:
  initiatives:
    - {id: r1, title: R1}
    - {id: r2, title: R2}
    - {id: r3, title: R3}
    - {id: r4, title: R4}
    - {id: r5, title: R5}
roadmap:
  - {initiative: r1, start: 2026-12-01, end: 2026-12-31}   # begun 6 days ago: due
  - {initiative: r2, start: 2026-10-01}                    # long-running: the routine, not a step
  - {initiative: r3, start: 2026-12-10, end: 2027-03-01}   # begins this week: due
  - {initiative: r4, start: 2026-09-01, end: 2026-12-20}   # ends within 30 days: due
  - {initiative: r5, start: 2026-12-20}                    # not this week
checkpoints:
  - {date: 2026-12-11, kpis: [{goal: g}]}
content: {start: 2026-12-01, backlog: [{title: Fresh bread}]}
"""


def figures_of(text: str) -> Figures:
    body = "business: {name: T, language: en}\n" + textwrap.dedent(text)
    plan = load_text(body, today=TODAY)
    return compute_figures(LoadedPlan(slug="t", path=Path("t.yaml"), plan=plan), TODAY)


def test_this_week_is_todays_article_then_one_task_a_day_at_most_five() -> None:
    figures = figures_of(PLAN)
    assert figures.summary is not None and figures.calendar is not None
    week = figures.summary.week
    slot = figures.calendar.today_slot
    assert slot is not None
    # the article, then r4 (ends 20 Dec), r1 (31 Dec), r3 (1 Mar), the checkpoint: five; seo is cut
    assert [(i.date, i.kind, i.source, i.ref) for i in week] == [
        (TODAY, slot.kind, "article", slot.idea),
        (TODAY, "task", "roadmap", "r4"),
        (date(2026, 12, 8), "task", "roadmap", "r1"),
        (date(2026, 12, 9), "task", "roadmap", "r3"),
        (date(2026, 12, 10), "task", "checkpoint", "2026-12-11"),
    ]
    assert [i.until for i in week[1:]] == [date(2026, 12, 20), date(2026, 12, 31), date(2027, 3, 1), date(2026, 12, 11)]


def test_an_unscheduled_priority_is_this_weeks_task() -> None:
    figures = figures_of(PLAN.replace("content: {start: 2026-12-01, backlog: [{title: Fresh bread}]}\n", ""))
    assert figures.summary is not None
    week = figures.summary.week
    # no content: no article; four dated tasks, then seo (no initiative works on it) on the fifth day
    assert [(i.date, i.source, i.ref) for i in week] == [
        (TODAY, "roadmap", "r4"),
        (date(2026, 12, 8), "roadmap", "r1"),
        (date(2026, 12, 9), "roadmap", "r3"),
        (date(2026, 12, 10), "checkpoint", "2026-12-11"),
        (date(2026, 12, 11), "priority", "online.seo"),
    ]


def test_the_next_90_days_in_three_windows() -> None:
    figures = figures_of(PLAN)
    assert figures.summary is not None
    first, second, third = figures.summary.horizon
    # days 1–30: 7 Dec – 5 Jan; 31–60: 6 Jan – 4 Feb; 61–90: 5 Feb – 6 Mar
    assert [(w.days, w.first, w.last) for w in (first, second, third)] == [
        (30, TODAY, date(2027, 1, 5)),
        (60, date(2027, 1, 6), date(2027, 2, 4)),
        (90, date(2027, 2, 5), date(2027, 3, 6)),
    ]
    assert [(i.date, i.what, i.ref) for i in first.items] == [
        (date(2026, 12, 10), "start", "r3"),
        (date(2026, 12, 11), "checkpoint", "2026-12-11"),
        (date(2026, 12, 20), "end", "r4"),
        (date(2026, 12, 20), "start", "r5"),
        (date(2026, 12, 31), "end", "r1"),
        (TODAY, "priority", "online.seo"),
    ]
    assert second.items == ()
    assert [(i.date, i.what, i.ref) for i in third.items] == [(date(2027, 3, 1), "end", "r3")]


def test_a_week_with_nothing_due_takes_a_step_on_the_top_priority() -> None:
    # on 5 March 2027 r1, r3 and r4 have ended, r2 and r5 began more than 30 days ago (the routine),
    # the checkpoint has passed; seo is served by r1 (scheduled): still, the day's hour goes to it
    body = "business: {name: T, language: en}\n" + textwrap.dedent(PLAN).replace(
        "    - {id: r1, title: R1}", "    - {id: r1, title: R1, component: online.seo, goals: [g]}"
    )
    day = date(2027, 3, 5)
    plan = load_text(body, today=day)
    figures = compute_figures(LoadedPlan(slug="t", path=Path("t.yaml"), plan=plan), day)
    assert figures.summary is not None
    assert [(i.date, i.source, i.ref) for i in figures.summary.week if i.kind == "task"] == [
        (day, "priority", "online.seo")
    ]
