"""The article calendar engine: the daily content discipline as dated slots and statistics.

A slot a day, every day: new articles while the plan holds material for them (the idea engine),
then the old articles are improved. This module turns a plan's `content:` section (plus the segments' search demand)
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
- The same demand query listed by two segments is one idea, for the first segment (in plan
  order) that lists it with the highest volume.
- What a slot still to write holds comes from the idea engine: `ideas` (the sources and ids),
  `headlines` (working titles), `occasions` (placed first) and `planner` (the queue, then
  refresh, repurpose and, only when all is spent, research). Refresh candidates are the log's
  articles (one per url, else per title, in log order of first appearance, whether its entries
  are `new` or `refresh`) and then the new articles planned in earlier slots (slot order).
- A log entry covers an idea when it names the idea's id in `idea` (any kind of entry: the
  consultant says which idea it fulfilled) or, for `new`/`refresh` entries, carries its
  working title. Only `new`/`refresh` entries are articles; a `repurpose` or `research` entry
  makes its slot done (the streak goes on) and nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

import holidays as holidays_lib

from generator.compute.ideas import SOURCES, Coverage, Idea, demand_ideas, normalise_title, read_coverage
from generator.compute.intents import Query, group_intents, plan_queries
from generator.compute.material import Material, read_material
from generator.compute.occasions import occasion_ideas, place_occasions, seasonal_ideas
from generator.compute.planner import Planner, Topic, repurpose_places
from generator.compute.queue import Unique, every_idea, idea_queue
from generator.compute.slots import CalendarFigures, EntryKind, LogEntry, Slot, SlotKind
from generator.compute.webdata import MeasuredIdeas, measured_ideas, with_measured_volumes
from generator.model import WEEKDAYS, Competitor, Content, LoadedPlan, Plan, Publication, Segment

__all__ = [
    "CalendarFigures",
    "EntryKind",
    "LogEntry",
    "Slot",
    "SlotKind",
    "cadence_weekdays",
    "compute_calendar",
    "compute_plan_calendar",
    "compute_slot_dates",
    "default_end",
    "normalise_title",
    "public_holidays",
]


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


def _read_log(published: Sequence[Publication]) -> list[LogEntry]:
    return [
        LogEntry(p.date, p.title, p.url, p.kind, i, p.idea.strip() if p.idea else None) for i, p in enumerate(published)
    ]


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


def _read_topics(
    known: Sequence[Idea], content: Content, segments: Sequence[Segment]
) -> tuple[dict[str, Topic], dict[str, Topic]]:
    """What each known title and idea id was written for: by normalised working title (the first
    idea in priority order wins; a demand query typed as a title counts as its demand idea), and
    by idea id. Built once per calendar, so reading a year of log stays linear."""
    by_title: dict[str, Topic] = {}
    by_id: dict[str, Topic] = {}
    for idea in known:
        topic = Topic(idea.query, idea.segment, idea.source, idea.id)
        by_title.setdefault(normalise_title(idea.title), topic)
        by_id.setdefault(idea.id, topic)
        if idea.source == "demand":
            by_title.setdefault(normalise_title(idea.text), topic)
    for item in content.backlog:  # a backlog idea repeated in the backlog: its first entry
        by_title.setdefault(normalise_title(item.title), Topic(item.query, item.segment, "backlog"))
    for segment in segments:  # demand covered by the backlog, typed as a title
        for d in segment.demand:
            by_title.setdefault(normalise_title(d.query), Topic(d.query, segment.id))
    return by_title, by_id


def _topic_of(entry: LogEntry, by_title: dict[str, Topic], by_id: dict[str, Topic]) -> Topic:
    """The idea a log entry wrote: the one its `idea` names, else the one with its title."""
    if entry.idea and entry.idea in by_id:
        return by_id[entry.idea]
    topic = by_title.get(normalise_title(entry.title), Topic())
    if entry.idea:  # an id that matches nothing is accepted as it is
        return Topic(topic.query, topic.segment, None, entry.idea)
    return topic


def _done_slot(day: date, entries: Sequence[LogEntry], topic: Topic, today: date) -> Slot:
    shown = entries[0]
    return Slot(
        date=day,
        kind="done",
        title=shown.title,
        query=topic.query,
        segment=topic.segment,
        url=shown.url,
        entry_kind=shown.kind,
        source=topic.source,
        idea=topic.idea,
        also=tuple(entries[1:]),
        is_today=day == today,
    )


def _by_source(days: Sequence[Slot]) -> tuple[tuple[str, int], ...]:
    """Planned slots counted by source (new articles) or by kind (the other tasks)."""
    counts: dict[str, int] = {}
    for slot in days:
        if slot.planned:
            key = slot.source if slot.kind == "new" and slot.source else slot.kind
            counts[key] = counts.get(key, 0) + 1
    order = (*SOURCES, "new", "refresh", "repurpose", "research")
    return tuple((key, counts[key]) for key in order if key in counts)


def compute_calendar(
    content: Content,
    segments: Sequence[Segment],
    today: date,
    competitors: Sequence[Competitor] = (),
    language: str = "ru",
    material: Material | None = None,
    measured: MeasuredIdeas | None = None,
) -> CalendarFigures:
    """The calendar of `content` as seen on `today`: every slot, judged or planned, and the statistics.
    `material` is what the plan says besides (the kind of business, services, initiatives)."""
    end = content.end or default_end(content.start)
    m = replace(material or Material(), until=end)
    dates, skipped = compute_slot_dates(content)
    slot_days = set(dates)
    log = _read_log(content.published)
    by_day: dict[date, list[LogEntry]] = {}
    for entry in log:
        by_day.setdefault(entry.date, []).append(entry)
    off_slot = tuple(e for e in log if e.date not in slot_days)

    coverage: Coverage = read_coverage(content.published)
    known = every_idea(content.backlog, segments, competitors, language, m)
    by_title, by_id = _read_topics(known, content, segments)
    planner = Planner([], content.refresh_after_days, repurpose_places(segments))
    for entry in log:
        if entry.kind in ("new", "refresh"):
            planner.add_logged(entry, _topic_of(entry, by_title, by_id), len(log))
    free = [d for d in dates if d > today or (d == today and not by_day.get(d))]
    occasions = occasion_ideas(content, end, today, language, coverage, m.preset, m.cta)
    seasonal = seasonal_ideas(content.backlog, segments, coverage, language, m, today, end)
    placed = place_occasions(sorted([*occasions, *seasonal], key=lambda i: i.date or end), free, content.lead_days)
    planner.queue = idea_queue(
        content.backlog, segments, competitors, coverage, language, placed.values(), m, max(today, content.start)
    )
    if measured is not None:  # v3: uncovered demand after the plan's own queries; the refresh queue
        planner.queue = with_uncovered_demand(planner.queue, measured.demand, coverage, language, m, segments)
        planner.refresh_first = list(measured.refresh)

    days: list[Slot] = []
    for day in dates:
        entries = by_day.get(day, []) if day <= today else []
        if entries:
            days.append(_done_slot(day, entries, _topic_of(entries[0], by_title, by_id), today))
        elif day < today:
            days.append(Slot(date=day, kind="missed"))
        elif day in placed:
            days.append(planner.new(day, placed[day], is_today=day == today))
        else:
            days.append(planner.plan(day, is_today=day == today))
    return _figures(content, end, today, days, off_slot, skipped, planner)


def _figures(
    content: Content,
    end: date,
    today: date,
    days: list[Slot],
    off_slot: tuple[LogEntry, ...],
    skipped: list[date],
    planner: Planner,
) -> CalendarFigures:
    """The statistics of the contract's calendar rule over the dated slots."""
    done = sum(s.kind == "done" for s in days)
    missed = sum(s.kind == "missed" for s in days)
    due = done + missed
    to_write = len(days) - due
    rate = done / due if due else None
    current, longest = _streaks(days)
    left = planner.left()
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
        backlog_left=sum(1 for i in left if i.source == "backlog"),
        demand_left=sum(1 for i in left if i.source == "demand"),
        planned_repurpose=sum(s.kind == "repurpose" for s in days),
        ideas_left=len(left),
        by_source=_by_source(days),
    )


def compute_plan_calendar(plan: Plan, today: date, measured: MeasuredIdeas | None = None) -> CalendarFigures | None:
    """A plan's calendar (its segments, competitors and language), or None without `content`;
    `measured`: what the client's data adds to the idea engine (v3)."""
    if plan.content is None:
        return None
    return compute_calendar(
        plan.content, plan.segments, today, plan.competitors, plan.business.language, read_material(plan), measured
    )


def with_uncovered_demand(
    queue: list[Idea],
    demand: Sequence[tuple[str, int]],
    coverage: Coverage,
    language: str,
    material: Material,
    segments: Sequence[Segment],
) -> list[Idea]:
    """The idea queue with Wordstat's uncovered phrases as demand ideas right after the plan's own
    demand (step 2): read as intents like the plan's queries (one article per intent; an intent the
    plan's own queries already ask for is theirs), each once and none already written."""
    own = {i.key for i in group_intents(plan_queries(segments), language, material.places)}
    phrases = (Query("", phrase, count) for phrase, count in demand)
    intents = [i for i in group_intents(phrases, language, material.places) if i.key not in own]
    seen = Unique(queue, coverage)
    extra = [idea for idea in demand_ideas(intents, frozenset(coverage.titles), language, material) if seen.add(idea)]
    after = max((n + 1 for n, i in enumerate(queue) if i.source in ("backlog", "demand")), default=0)
    return [*queue[:after], *extra, *queue[after:]]


def loaded_calendar(loaded: LoadedPlan, today: date) -> CalendarFigures | None:
    """A loaded plan's article calendar with what its measured/ file gives the idea engine (v3) —
    the one calendar every output shows (site, .ics/CSV, `today`, `check`)."""
    plan = with_measured_volumes(loaded.plan, loaded.measured)
    return compute_plan_calendar(plan, today, measured_ideas(loaded.plan, loaded.measured, today))
