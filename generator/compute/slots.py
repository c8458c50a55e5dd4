"""The calendar's figures: dated slots, what each holds, and the statistics (frozen dataclasses).

Computed by `generator.compute.schedule`; every renderer (site page, PDF, .ics, CSV, JSON,
`playbook today`) only presents them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date
from typing import Literal

from generator.compute.webdata import RefreshItem

SlotKind = Literal["new", "refresh", "repurpose", "research", "done", "missed"]
EntryKind = Literal["new", "refresh", "repurpose", "research"]
PLANNED_KINDS = ("new", "refresh", "repurpose", "research")


@dataclass(frozen=True)
class LogEntry:
    """One entry of the publication log, as the engine read it (position = index in the log)."""

    date: dt.date
    title: str
    url: str | None
    kind: EntryKind
    position: int
    idea: str | None = None


@dataclass(frozen=True)
class Slot:
    """One dated slot of the calendar and what it holds.

    `kind` is what the slot is: `done`/`missed` for slots already due, or the task of a slot
    still to write: `new` (an article from one of the idea engine's sources), `refresh`
    (improve an old article), `repurpose` (turn an article into a post for a place where its
    segment gathers) or `research` (find new topics: only when the plan holds nothing else).
    """

    date: dt.date
    kind: SlotKind
    title: str | None = None  # new: the working title; refresh/repurpose/done: the article's title
    query: str | None = None
    segment: str | None = None  # segment id
    url: str | None = None
    # done: the kind of the log entry shown; None otherwise
    entry_kind: EntryKind | None = None
    # new (and done, when the entry wrote a known idea): backlog, demand, need, pain,
    # competitor, angle or occasion; None otherwise
    source: str | None = None
    # new: the idea's stable id; done: the idea the entry names or whose title it carries
    idea: str | None = None
    # new from a need, pain, competitor's weakness or occasion: that text
    topic: str | None = None
    angle: str | None = None  # new from an angle: faq, comparison, checklist, price, case
    competitor: str | None = None  # new from a competitor's weakness: the competitor's name
    occasion_date: dt.date | None = None  # new from an occasion: its date
    place: str | None = None  # repurpose: the place the post is for
    refresh_item: RefreshItem | None = None  # v3 refresh from search statistics: why, with the numbers
    # refresh/repurpose: when the article was last written (log date, slot date or earlier refresh)
    last_written: dt.date | None = None
    # refresh/repurpose: when the article was first written (its first log entry or planned slot)
    first_written: dt.date | None = None
    # new from demand or an angle: the query's monthly volume (None when the plan gives none)
    monthly_volume: int | None = None
    # done: further log entries of the same day, in log order
    also: tuple[LogEntry, ...] = ()
    # True for the slot dated today (done or planned)
    is_today: bool = False
    # new: what the reader wants (intent), the brief's 3–5 points, the call to action (book,
    # order, call) and the service whose page the article links to
    intent: str | None = None
    outline: tuple[str, ...] = ()
    cta: str | None = None
    service: str | None = None
    need: str | None = None  # new: the reader's need, when the article is on something else

    @property
    def status(self) -> Literal["done", "missed", "today", "planned"]:
        """`done`, `missed`, `today` (today's task, not yet logged) or `planned`."""
        if self.kind == "done":
            return "done"
        if self.kind == "missed":
            return "missed"
        return "today" if self.is_today else "planned"

    @property
    def origin(self) -> str | None:
        """The v1 name of `source` for a new article from the backlog or demand (kept for callers)."""
        return self.source if self.kind == "new" and self.source in ("backlog", "demand") else None

    @property
    def planned(self) -> bool:
        """The slot is still to write (today's task or a later one)."""
        return self.kind in PLANNED_KINDS


@dataclass(frozen=True)
class CalendarFigures:
    """Everything the renderers show about a plan's article calendar on a given day."""

    start: date
    end: date
    today: date
    cadence: str | tuple[str, ...]
    minutes_per_day: int
    refresh_after_days: int
    slots: int
    done: int
    missed: int
    due: int
    to_write: int  # slots still to write: today's slot unless done, and every later slot
    completion_rate: float | None  # done / due; None when nothing is due yet
    current_streak: int
    longest_streak: int
    hours: float  # done × minutes_per_day / 60
    projected: float  # done + rate × to_write; every slot when there is no rate yet
    planned_new: int
    planned_refresh: int
    planned_research: int
    days: tuple[Slot, ...]  # one per slot, date order
    off_slot: tuple[LogEntry, ...] = ()  # log entries on days that are not slots, log order
    holidays: tuple[date, ...] = ()  # public holidays inside start..end that the cadence would have kept
    backlog_left: int = 0  # backlog ideas not yet in the log and not planned within the calendar
    demand_left: int = 0  # demand ideas not planned within the calendar
    planned_repurpose: int = 0
    ideas_left: int = 0  # ideas of every source not planned within the calendar
    # planned slots by source (new articles) or by kind (refresh, repurpose, research), in the
    # order backlog, demand, need, pain, competitor, angle, occasion, refresh, repurpose, research
    by_source: tuple[tuple[str, int], ...] = ()

    @property
    def today_slot(self) -> Slot | None:
        """The slot dated today, if today is a slot."""
        return next((s for s in self.days if s.date == self.today), None)

    @property
    def next_slot(self) -> Slot | None:
        """Today's task, or the next slot still to write."""
        return next((s for s in self.days if s.planned), None)

    @property
    def ideas_ahead(self) -> int:
        """New articles still ahead: those planned in the calendar and those that did not fit."""
        return self.planned_new + self.ideas_left
