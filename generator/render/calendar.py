"""The article calendar as files: an .ics feed to subscribe to, and a CSV for spreadsheets.

Both are pure renderers of `generator.compute.schedule.CalendarFigures` (plus the plan for words:
language, business and segment names). A slot still to write shows its task as the idea engine
planned it (`generator.present.briefs`): SUMMARY is the working title, CATEGORIES the kind and
the source (English codes, keys for programs), DESCRIPTION the brief; the CSV carries the same as
its `source` and `brief` columns. Both are client outputs: the idea engine's ids stay in
`playbook report` (a client never reads an internal key).

The .ics feed is built with the `icalendar` library, never by string formatting, so folding
(≤ 75 octets a line, UTF-8 kept whole) and escaping are the library's. Plan text is untrusted:
every text that goes into a one-line field (titles, queries, names) has its control characters
(CR, LF, tabs, …) turned into spaces first, so a title cannot forge calendar lines.

Reproducibility: the same plan and the same "today" give byte-identical output. Nothing reads
the wall clock:

- UID: `<YYYYMMDD>-<slug>@playbook`, the slot's date: a slot keeps its UID across builds, so
  a subscribed client updates the event instead of adding a copy.
- DTSTAMP (one for the whole feed): midnight UTC of the plan's revision day, the latest day on
  which, as far as the plan tells, something in the feed took its present form: the latest log
  date or audit date not after today, or the day after the latest missed slot; with none of
  these, the earlier of `content.start` and today.
- SEQUENCE, stateless and monotonic through a slot's life (planned → missed → done when
  logged late): a slot still to write has the number of slots judged so far (`due`: every
  judged slot re-draws the plan of the later ones); a missed slot at position i (0-based)
  has i + 1; a done slot i + 2. A planned slot at position i only sees `due ≤ i`, so every
  change of state raises its number, and a judged slot's number never changes again.
- Missed slots before `content.delivered` (the day the playbook was handed over; default
  `content.start`) are left out of the .ics and the CSV: a client subscribing on delivery should
  not open the feed on a row of "missed" days nobody had asked of them yet. The site's statistics
  still count them (they come from `CalendarFigures`, untouched); the slots kept keep their
  position in `calendar.days` for SEQUENCE, so a feed is the same whatever the delivery day.
- LAST-MODIFIED: a done slot — its day; a missed slot — the day after it (when it became
  missed); a slot still to write — DTSTAMP. Edits of the backlog that keep every date are not
  visible without keeping state; subscribed clients replace a published feed on refresh anyway.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime, time, timedelta

from babel.dates import format_date as babel_format_date
from icalendar import Calendar, Event, vDuration

from generator.compute.schedule import CalendarFigures, Slot
from generator.model import Plan
from generator.present.briefs import brief_lines, slot_headline
from generator.present.i18n import fmt_number, locale, plan_language, t
from generator.present.views import segment_names

PRODID = "-//playbook//article calendar//EN"
CSV_COLUMNS = ("date", "weekday", "kind", "status", "title", "query", "segment", "url")
IDEA_COLUMNS = ("ideas.csv.source", "ideas.csv.brief")  # the idea engine's (issue 12)
LEGACY_IDEA_COLUMNS = ("ideas.csv.source", "ideas.csv.idea", "ideas.csv.brief")  # before issue 23: with the id
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")  # with bidi overrides
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean_line(text: str) -> str:
    """One-line text: control characters (line breaks included) become single spaces."""
    return " ".join(_CONTROL.sub(" ", text).split())


_segment_names = segment_names  # one definition for every output (generator.present.views)


def summarise_slot(slot: Slot, language: str) -> str:
    """What to do on the slot's day (the working title of its task), or what was done."""
    title = clean_line(slot.title or "")
    if slot.planned:
        return slot_headline(slot, language)
    if slot.kind == "done":
        done = t("slot.done", language)
        if slot.entry_kind == "refresh":
            done = f"{done} ({t('csv.kind.refresh', language)})"
        return f"{done}: {title}"
    return t("slot.missed", language)


def describe_slot(slot: Slot, plan: Plan, minutes_per_day: int) -> str:
    """The event's description: the task in a sentence, the query, segment and time budget."""
    language = plan_language(plan.business)
    if slot.planned:
        lines = brief_lines(slot, language, _segment_names(plan), minutes_per_day)
        return "\n".join(lines)
    lines = []
    if slot.kind == "missed":
        lines.append(t("calendar.missed_hint", language))
    if slot.query:
        volume = ""
        if slot.monthly_volume is not None:
            volume = f" ({fmt_number(slot.monthly_volume, language)} {t('calendar.volume', language)})"
        lines.append(f"{t('calendar.query', language)}: {clean_line(slot.query)}{volume}")
    if slot.segment:
        name = _segment_names(plan).get(slot.segment, slot.segment)
        lines.append(f"{t('money.segment', language)}: {clean_line(name)}")
    for entry in slot.also:
        lines.append(f"{t('calendar.also', language)}: {clean_line(entry.title)}")
    lines.append(f"{t('calendar.budget', language)}: {minutes_per_day} {t('calendar.minutes', language)}")
    return "\n".join(lines)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def feed_slots(plan: Plan, calendar: CalendarFigures) -> list[tuple[int, Slot]]:
    """The slots a feed publishes, with their position among all the calendar's slots.

    Every slot but those missed before the delivery day (`content.delivered`, default
    `content.start`): days the client could not have written, the playbook not yet in hand.
    """
    delivered = plan.content.delivered if plan.content else None
    return [
        (index, slot)
        for index, slot in enumerate(calendar.days)
        if not (delivered and slot.kind == "missed" and slot.date < delivered)
    ]


def revision_day(plan: Plan, calendar: CalendarFigures) -> date:
    """The plan's revision day, DTSTAMP of the feed (see the module docstring)."""
    today = calendar.today
    candidates = [e.date for e in (plan.content.published if plan.content else []) if e.date <= today]
    if plan.audit and plan.audit.date and plan.audit.date <= today:
        candidates.append(plan.audit.date)
    missed = [s.date for _, s in feed_slots(plan, calendar) if s.kind == "missed"]
    if missed:
        candidates.append(max(missed) + timedelta(days=1))
    return max(candidates) if candidates else min(calendar.start, today)


def slot_uid(slug: str, slot: Slot) -> str:
    """The slot's stable UID: its date and the client's slug."""
    return f"{slot.date:%Y%m%d}-{slug}@playbook"


def slot_sequence(index: int, slot: Slot, calendar: CalendarFigures) -> int:
    """SEQUENCE by the stateless rule of the module docstring."""
    if slot.kind == "done":
        return index + 2
    if slot.kind == "missed":
        return index + 1
    return calendar.due


def slot_modified(slot: Slot, stamp: date) -> date:
    """LAST-MODIFIED day by the stateless rule of the module docstring."""
    if slot.kind == "done":
        return slot.date
    if slot.kind == "missed":
        return slot.date + timedelta(days=1)
    return stamp


def render_ics(slug: str, plan: Plan, calendar: CalendarFigures) -> bytes:
    """The calendar as an iCalendar feed: one all-day event per slot."""
    language = plan_language(plan.business)
    name = f"{t('page.calendar', language)}: {clean_line(plan.business.name)}"
    stamp = revision_day(plan, calendar)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    refresh = vDuration(timedelta(days=1))
    refresh.params["VALUE"] = "DURATION"
    cal.add("refresh-interval", refresh)
    cal.add("x-published-ttl", "P1D")
    for index, slot in feed_slots(plan, calendar):
        event = Event()
        event.add("uid", slot_uid(slug, slot))
        event.add("dtstamp", _midnight(stamp))
        event.add("dtstart", slot.date)
        event.add("dtend", slot.date + timedelta(days=1))
        event.add("summary", summarise_slot(slot, language))
        event.add("description", describe_slot(slot, plan, calendar.minutes_per_day))
        event.add("categories", [slot.kind, slot.source] if slot.source else [slot.kind])
        if slot.url:
            event.add("url", slot.url)
        event.add("sequence", slot_sequence(index, slot, calendar))
        event.add("last-modified", _midnight(slot_modified(slot, stamp)))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def _neutralise(cell: str) -> str:
    """A cell a spreadsheet would read as a formula gets a leading quote."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def csv_separator(language: str) -> str:
    """`;` where the locale writes decimals with a comma (ru, de), as spreadsheets there expect; else `,`.

    Excel splits a CSV on the system's list separator, which is `;` wherever `,` is the decimal
    sign: a comma-separated file opened in a Russian Excel lands in one column.
    """
    decimal = locale(language).number_symbols.get("latn", {}).get("decimal", ".")
    return ";" if decimal == "," else ","


def csv_header(language: str, separator: str, idea_columns: tuple[str, ...] = IDEA_COLUMNS) -> bytes:
    """The first line of a calendar CSV in `language` with `separator`, BOM included."""
    headers = [t(f"csv.{column}", language) for column in CSV_COLUMNS]
    row = separator.join([*headers, *(t(key, language) for key in idea_columns)])
    return ("\ufeff" + row + "\r\n").encode("utf-8")


def csv_headers() -> tuple[bytes, ...]:
    """Every first line a calendar CSV of playbook can have (or had): how an earlier output is recognised."""
    return tuple(
        csv_header(language, separator, columns)
        for columns in (IDEA_COLUMNS, LEGACY_IDEA_COLUMNS)
        for language in ("ru", "en")
        for separator in (",", ";")
    )


def render_csv(plan: Plan, calendar: CalendarFigures) -> bytes:
    """The calendar as CSV (UTF-8 with BOM, so spreadsheets read Cyrillic): one row per slot.

    Headers, kinds and statuses are in the plan's language; the separator follows its locale.
    """
    language = plan_language(plan.business)
    names = _segment_names(plan)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=csv_separator(language), lineterminator="\r\n")
    buffer.write(csv_header(language, csv_separator(language)).decode("utf-8").removeprefix("\ufeff"))
    for _, slot in feed_slots(plan, calendar):
        kind = (slot.entry_kind or "") if slot.kind in ("done", "missed") else slot.kind
        row = [
            slot.date.isoformat(),
            babel_format_date(slot.date, format="EEEE", locale=locale(language)),
            t(f"csv.kind.{kind}", language) if kind else "",
            t(f"csv.status.{slot.status}", language),
            clean_line(slot.title or ""),
            clean_line(slot.query or ""),
            clean_line(names.get(slot.segment, slot.segment)) if slot.segment else "",
            slot.url or "",
        ]
        # the idea engine's columns (issue 12): source, brief
        row += [
            t(f"ideas.source.{slot.source}", language) if slot.source else "",
            " · ".join(brief_lines(slot, language, names, calendar.minutes_per_day)) if slot.planned else "",
        ]
        writer.writerow([_neutralise(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
