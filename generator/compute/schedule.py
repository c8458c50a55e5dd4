"""The article calendar engine: the daily content discipline as dated slots and statistics.

One article a day, every day, is 300+ articles a year; when the ideas run out, the old articles
are improved. This module turns a plan's `content:` section (plus the segments' search demand)
and a given "today" into plain frozen figures; the renderers (site page, .ics, CSV, the
`today` command) only present them. It is pure: no clock, no files, no YAML.

The rule is the contract's ("Calendar rule" in plan-format.md); the decisions it leaves open
are taken here, once, so every output agrees:

- Titles are compared after trimming, collapsing inner whitespace and case-folding, so a log
  entry typed "как выбрать свежий хлеб" covers the backlog idea "Как выбрать свежий хлеб".
  A backlog idea repeated in the backlog is planned once.
- A slot shows the log's first entry of its day (log order); further entries of that day are
  kept in `Slot.also`. Log entries on days that are not slots (before `start`, after `end`,
  a public holiday, a weekday the cadence skips) make no slot done and no slot missed — the
  contract ties a slot to "an entry that day" — and are listed in
  `CalendarFigures.off_slot`. They still are articles: their titles keep backlog ideas and
  demand queries from being planned again, and they can be refreshed later, like any entry.
- Log entries dated after today (written in advance) are articles too, but do not mark their
  future slot done: a slot after today is always planned.
- A demand query that becomes an idea is an article titled by the query itself
  (`Slot.origin == "demand"`). The same query listed by two segments is planned once, for
  the first segment (in plan order) that lists it with the highest volume.
- Refresh candidates are the log's articles (every distinct title, in log order of first
  appearance, whether its entries are `new` or `refresh`) and then the new articles planned
  in earlier slots (slot order). An article's last write is its latest log date, its planned
  slot date, or the date of a later planned refresh of it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

import holidays as holidays_lib

from generator.model import WEEKDAYS, Content, Publication, Segment

SlotKind = Literal["new", "refresh", "research", "done", "missed"]
EntryKind = Literal["new", "refresh", "repurpose", "research"]


@dataclass(frozen=True)
class LogEntry:
    """One entry of the publication log, as the engine read it (position = index in the log)."""

    date: dt.date
    title: str
    url: str | None
    kind: EntryKind
    position: int


@dataclass(frozen=True)
class Slot:
    """One dated slot of the calendar and what it holds.

    `kind` is what the slot is: `done`/`missed` for slots already due, or the plan for a slot
    still to write: `new` (an article from the backlog or from search demand), `refresh`
    (improve an old article) or `research` (find new topics).
    """

    date: dt.date
    kind: SlotKind
    title: str | None = None
    query: str | None = None
    segment: str | None = None  # segment id
    url: str | None = None
    # done: the kind of the log entry shown (new or refresh); None otherwise
    entry_kind: EntryKind | None = None
    # new: where the idea came from, "backlog" or "demand"; None otherwise
    origin: Literal["backlog", "demand"] | None = None
    # refresh: when the refreshed article was last written (log date, slot date or earlier refresh)
    last_written: dt.date | None = None
    # refresh: when the refreshed article was first written (its first log entry or planned slot)
    first_written: dt.date | None = None
    # new from demand: the query's monthly volume (None when the plan gives none)
    monthly_volume: int | None = None
    # done: further log entries of the same day, in log order
    also: tuple[LogEntry, ...] = ()
    # True for the slot dated today (done or planned)
    is_today: bool = False

    @property
    def status(self) -> Literal["done", "missed", "today", "planned"]:
        """`done`, `missed`, `today` (today's task, not yet logged) or `planned`."""
        if self.kind == "done":
            return "done"
        if self.kind == "missed":
            return "missed"
        return "today" if self.is_today else "planned"

    @property
    def planned(self) -> bool:
        """The slot is still to write (today's task or a later one)."""
        return self.kind in ("new", "refresh", "research")


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

    @property
    def today_slot(self) -> Slot | None:
        """The slot dated today, if today is a slot."""
        return next((s for s in self.days if s.date == self.today), None)

    @property
    def next_slot(self) -> Slot | None:
        """Today's task, or the next slot still to write."""
        return next((s for s in self.days if s.planned), None)


# ---------------------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")


def normalise_title(title: str) -> str:
    """The form titles and queries are compared in: trimmed, single spaces, case-folded."""
    return _SPACE.sub(" ", title).strip().casefold()


def default_end(start: date) -> date:
    """One year after `start`, minus a day (29 February counts one year to 1 March)."""
    try:
        anniversary = start.replace(year=start.year + 1)
    except ValueError:
        anniversary = date(start.year + 1, 3, 1)
    return anniversary - timedelta(days=1)


def cadence_weekdays(cadence: str | Sequence[str]) -> frozenset[int]:
    """The weekdays (0 = Monday) a cadence keeps."""
    if cadence == "daily":
        return frozenset(range(7))
    if cadence == "weekdays":
        return frozenset(range(5))
    return frozenset(WEEKDAYS.index(day) for day in cadence)


def public_holidays(country: str | None, start: date, end: date) -> frozenset[date]:
    """Public holidays of `country` (ISO code) between start and end, per the holidays package."""
    if not country or end < start:
        return frozenset()
    calendar = holidays_lib.country_holidays(country.upper(), years=range(start.year, end.year + 1))
    return frozenset(day for day in calendar if start <= day <= end)


def compute_slot_dates(content: Content) -> tuple[list[date], list[date]]:
    """The slot dates of a content section, and the holidays that removed a cadence day."""
    end = content.end or default_end(content.start)
    keep = cadence_weekdays(content.cadence)
    off = public_holidays(content.holidays, content.start, end)
    slots: list[date] = []
    skipped: list[date] = []
    day = content.start
    while day <= end:
        if day.weekday() in keep:
            (skipped if day in off else slots).append(day)
        day += timedelta(days=1)
    return slots, skipped


@dataclass
class _Article:
    """A refresh candidate: an article and its latest write."""

    title: str
    order: int  # log order, then slot order
    first_written: date
    last_written: date
    url: str | None = None
    query: str | None = None
    segment: str | None = None


@dataclass
class _Idea:
    title: str
    query: str | None
    segment: str | None
    origin: Literal["backlog", "demand"]
    monthly_volume: int | None = None


@dataclass
class _Planner:
    """Plans the slots still to write, in date order (the contract's order of choices)."""

    ideas: list[_Idea]
    articles: dict[str, _Article]
    refresh_after_days: int
    next_idea: int = 0
    order: int = field(default=0)

    def plan(self, day: date, is_today: bool) -> Slot:
        if self.next_idea < len(self.ideas):
            idea = self.ideas[self.next_idea]
            self.next_idea += 1
            key = normalise_title(idea.title)
            if key not in self.articles:
                self.order += 1
                self.articles[key] = _Article(idea.title, self.order, day, day, None, idea.query, idea.segment)
            return Slot(
                date=day,
                kind="new",
                title=idea.title,
                query=idea.query,
                segment=idea.segment,
                origin=idea.origin,
                monthly_volume=idea.monthly_volume,
                is_today=is_today,
            )
        oldest = min(self.articles.values(), key=lambda a: (a.last_written, a.order), default=None)
        if oldest is not None and (day - oldest.last_written).days >= self.refresh_after_days:
            slot = Slot(
                date=day,
                kind="refresh",
                title=oldest.title,
                url=oldest.url,
                query=oldest.query,
                segment=oldest.segment,
                last_written=oldest.last_written,
                first_written=oldest.first_written,
                is_today=is_today,
            )
            oldest.last_written = day
            return slot
        return Slot(date=day, kind="research", is_today=is_today)


def _read_log(published: Sequence[Publication]) -> list[LogEntry]:
    return [LogEntry(p.date, p.title, p.url, p.kind, i) for i, p in enumerate(published)]


def _ideas(content: Content, segments: Sequence[Segment], log: Sequence[LogEntry]) -> list[_Idea]:
    """Backlog ideas not yet in the log, then uncovered demand queries by volume (the contract's order)."""
    logged = {normalise_title(e.title) for e in log}
    ideas: list[_Idea] = []
    seen: set[str] = set()
    for item in content.backlog:
        key = normalise_title(item.title)
        if key in logged or key in seen:
            continue
        seen.add(key)
        ideas.append(_Idea(item.title, item.query, item.segment, "backlog"))
    covered = set(logged)
    for item in content.backlog:
        covered.add(normalise_title(item.title))
        if item.query:
            covered.add(normalise_title(item.query))
    demand = [(segment.id, d) for segment in segments for d in segment.demand]
    # sorted() is stable: equal volumes keep the plan's order.
    for segment_id, d in sorted(demand, key=lambda pair: -(pair[1].monthly_volume or 0)):
        key = normalise_title(d.query)
        if key in covered:
            continue
        covered.add(key)
        ideas.append(_Idea(d.query, d.query, segment_id, "demand", d.monthly_volume))
    return ideas


def _topics(content: Content, segments: Sequence[Segment]) -> dict[str, tuple[str | None, str | None]]:
    """The query and segment each known title was written for, by normalised title: backlog ideas
    first, then demand queries (the first match wins, as in the plan's order). Built once per
    calendar, so looking up a year of logged titles stays linear."""
    topics: dict[str, tuple[str | None, str | None]] = {}
    for item in content.backlog:
        topics.setdefault(normalise_title(item.title), (item.query, item.segment))
    for segment in segments:
        for d in segment.demand:
            topics.setdefault(normalise_title(d.query), (d.query, segment.id))
    return topics


def _streaks(days: Sequence[Slot]) -> tuple[int, int]:
    """(current, longest) runs of done slots among the due ones."""
    due = [s for s in days if s.kind in ("done", "missed")]
    longest = run = 0
    for slot in due:
        run = run + 1 if slot.kind == "done" else 0
        longest = max(longest, run)
    current = 0
    for slot in reversed(due):
        if slot.kind != "done":
            break
        current += 1
    return current, longest


def compute_calendar(content: Content, segments: Sequence[Segment], today: date) -> CalendarFigures:
    """The calendar of `content` as seen on `today`: every slot, planned or judged, and the statistics."""
    end = content.end or default_end(content.start)
    dates, skipped = compute_slot_dates(content)
    slot_days = set(dates)
    log = _read_log(content.published)

    by_day: dict[date, list[LogEntry]] = {}
    for entry in log:
        by_day.setdefault(entry.date, []).append(entry)
    off_slot = tuple(e for e in log if e.date not in slot_days)

    topics = _topics(content, segments)
    articles: dict[str, _Article] = {}
    for entry in log:
        key = normalise_title(entry.title)
        article = articles.get(key)
        if article is None:
            query, segment = topics.get(key, (None, None))
            order = entry.position - len(log)  # log articles come before planned ones
            articles[key] = _Article(entry.title, order, entry.date, entry.date, entry.url, query, segment)
        else:
            article.first_written = min(article.first_written, entry.date)
            article.last_written = max(article.last_written, entry.date)
            article.url = entry.url or article.url
    ideas = _ideas(content, segments, log)
    planner = _Planner(ideas, articles, content.refresh_after_days)

    days: list[Slot] = []
    for day in dates:
        entries = by_day.get(day, []) if day <= today else []
        if entries:
            shown = entries[0]
            query, segment = topics.get(normalise_title(shown.title), (None, None))
            days.append(
                Slot(
                    date=day,
                    kind="done",
                    title=shown.title,
                    query=query,
                    segment=segment,
                    url=shown.url,
                    entry_kind=shown.kind,
                    also=tuple(entries[1:]),
                    is_today=day == today,
                )
            )
        elif day < today:
            days.append(Slot(date=day, kind="missed"))
        else:
            days.append(planner.plan(day, is_today=day == today))

    done = sum(s.kind == "done" for s in days)
    missed = sum(s.kind == "missed" for s in days)
    due = done + missed
    to_write = len(days) - due
    rate = done / due if due else None
    current, longest = _streaks(days)
    return CalendarFigures(
        start=content.start,
        end=end,
        today=today,
        cadence=content.cadence if isinstance(content.cadence, str) else tuple(content.cadence),
        minutes_per_day=content.minutes_per_day,
        refresh_after_days=content.refresh_after_days,
        slots=len(days),
        done=done,
        missed=missed,
        due=due,
        to_write=to_write,
        completion_rate=rate,
        current_streak=current,
        longest_streak=longest,
        hours=done * content.minutes_per_day / 60,
        projected=float(done + rate * to_write) if rate is not None else float(len(days)),
        planned_new=sum(s.kind == "new" for s in days),
        planned_refresh=sum(s.kind == "refresh" for s in days),
        planned_research=sum(s.kind == "research" for s in days),
        days=tuple(days),
        off_slot=off_slot,
        holidays=tuple(skipped),
        backlog_left=sum(1 for i in ideas[planner.next_idea :] if i.origin == "backlog"),
        demand_left=sum(1 for i in ideas[planner.next_idea :] if i.origin == "demand"),
    )
