"""The article calendar's display values, decided once for the site's calendar page, the PDF's
content chapter and `playbook report`.

Before, each output formatted the calendar itself: the site and the PDF worded the kind of a slot
differently ("новая" and "Новая статья"), the PDF said the yardstick without the slot's minutes,
and the terminal listed raw titles where the others gave the task's headline. Now the strings are
built here, in the plan's language and locale, and the outputs only lay them out. Plain strings:
the site escapes them (`generator.present.summary.escaped`), the PDF template autoescapes; the
heatmap is an SVG drawn once (`generator.draw.charts` escapes its own labels). The idea briefs'
wording stays in `generator.present.briefs` (the .ics and CSV use it too).
"""

from __future__ import annotations

import calendar as calendar_lib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from generator.compute.figures import Figures
from generator.compute.slots import CalendarFigures, Slot
from generator.draw import charts
from generator.present.briefs import brief_lines, slot_headline, source_rows, split_text
from generator.present.i18n import PlanLanguage, fmt_date, fmt_decimal, fmt_month, fmt_number, fmt_percent, t
from generator.present.views import completion_band

HOURS_YARDSTICK = 365  # one hour a day, every day: the method's yearly yardstick
BRIEF_SLOTS = 14  # the next two weeks of a daily calendar, as briefs
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# A slot's mark in the month grid, so the grid never relies on colour alone.
MARKS = {"done": "✓", "missed": "✗", "today": "●", "new": "+", "refresh": "↻", "repurpose": "↗", "research": "?"}


@dataclass(frozen=True)
class Stat:
    """One figure of the calendar: its label and its value."""

    label: str
    value: str


@dataclass(frozen=True)
class SourceRow:
    """Where slots still to write come from: the source (or task), how many, their share."""

    label: str
    count: str
    share: str


@dataclass(frozen=True)
class Brief:
    """A planned slot as a task: its date, kind, headline and the brief's lines."""

    date: str  # short: "11/23/26", "23.11.2026"
    day: str  # long: "November 23, 2026"
    kind: str  # "New article", "Research day"
    kind_code: str  # new / refresh / repurpose / research (a CSS class, never shown)
    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Cell:
    """A day of a month grid: its number, CSS modifier, mark and the tooltip saying what it holds."""

    day: int
    css: str
    mark: str
    title: str


@dataclass(frozen=True)
class Month:
    """A month of the grid, Monday first; None where a week's day is in another month."""

    title: str
    weeks: tuple[tuple[Cell | None, ...], ...]


@dataclass(frozen=True)
class CalendarView:
    """Everything the calendar shows, as text (and the heatmap as SVG)."""

    title: str  # the calendar's name: "Article calendar"
    period: str  # "November 23, 2026 – November 29, 2026" (an en dash)
    stats: tuple[Stat, ...]  # slots, done, missed, rate, streaks, projected, still to write
    rate: Stat  # the completion rate ("0%", "—" before a slot is due) …
    rate_band: str  # … its band (`views.completion_band`; `neutral` with nothing due) …
    rate_note: str  # … and what it counts ("slots done: 0 of 6"): the PDF's key figure
    hours_stat: Stat  # hours invested: a figure beside the stats in the PDF and the terminal, a meter on the site
    hours: str
    yardstick: str
    hours_share: str
    hours_width: str  # the meter's fill, a CSS width
    hours_text: str
    split: str  # the whole period: new articles, refreshes, posts
    planned: str  # what is ahead, by kind
    next: Brief | None  # today's task or the next slot still to write
    sources: tuple[SourceRow, ...]
    briefs: tuple[Brief, ...]  # the next planned slots
    weekdays: tuple[str, ...]
    months: tuple[Month, ...]
    heatmap: str  # SVG


def slot_kind(slot: Slot, lang: str) -> str:
    """A slot's kind (or status) in words: "New article", "Done", "Research day"."""
    return t(f"slot.{slot.kind}", lang)


def slot_text(slot: Slot, lang: str, segments: Mapping[str, str]) -> str:
    """One line saying what a slot holds (the month grid's tooltip)."""
    text = slot_kind(slot, lang)
    if slot.planned and slot.kind != "research":
        text = slot_headline(slot, lang)
    elif slot.title:
        text += f": {slot.title}"
    if slot.segment:
        text += f" ({segments.get(slot.segment, slot.segment)})"
    return text


def _mark(slot: Slot) -> str:
    """The CSS modifier of a slot's cell (its mark is `MARKS` of it)."""
    if slot.kind in ("done", "missed"):
        return slot.kind
    return "today" if slot.is_today else slot.kind


def _month(c: CalendarFigures, year: int, month: int, lang: str, segments: Mapping[str, str]) -> Month:
    by_day = {s.date: s for s in c.days}
    holidays = set(c.holidays)
    weeks = []
    for week in calendar_lib.Calendar(firstweekday=0).monthdatescalendar(year, month):
        cells: list[Cell | None] = []
        for day in week:
            slot = by_day.get(day)
            if day.month != month:
                cells.append(None)
            elif slot is None:
                css = "holiday" if day in holidays else "off"
                cells.append(Cell(day.day, css, "", t("cal.holiday" if css == "holiday" else "cal.no_slot", lang)))
            else:
                css = _mark(slot)
                cells.append(Cell(day.day, css, MARKS[css], slot_text(slot, lang, segments)))
        weeks.append(tuple(cells))
    return Month(fmt_month(date(year, month, 1), lang), tuple(weeks))


def _months(c: CalendarFigures, lang: str, segments: Mapping[str, str]) -> tuple[Month, ...]:
    months = []
    year, month = c.start.year, c.start.month
    while (year, month) <= (c.end.year, c.end.month):
        months.append(_month(c, year, month, lang, segments))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def _brief(slot: Slot, lang: str, segments: Mapping[str, str], minutes: int) -> Brief:
    return Brief(
        date=fmt_date(slot.date, lang, "short"),
        day=fmt_date(slot.date, lang),
        kind=slot_kind(slot, lang),
        kind_code=slot.kind,
        title=slot_headline(slot, lang),
        lines=tuple(brief_lines(slot, lang, segments, minutes)),
    )


def _rate(c: CalendarFigures, lang: str) -> Stat:
    """The completion rate: one of the stats, and the PDF summary's key figure."""
    return Stat(t("cal.rate", lang), fmt_percent(c.completion_rate, lang) if c.completion_rate is not None else "—")


def _stats(c: CalendarFigures, lang: str) -> tuple[Stat, ...]:
    def stat(key: str, value: str) -> Stat:
        return Stat(t(key, lang), value)

    return (
        stat("cal.slots", fmt_number(c.slots, lang)),
        stat("slot.done", fmt_number(c.done, lang)),
        stat("slot.missed", fmt_number(c.missed, lang)),
        _rate(c, lang),
        stat("cal.current_streak", fmt_number(c.current_streak, lang)),
        stat("cal.longest_streak", fmt_number(c.longest_streak, lang)),
        stat("cal.projected", fmt_number(c.projected, lang)),
        stat("cal.to_write", fmt_number(c.to_write, lang)),
    )


def calendar_view(figures: Figures, segments: Mapping[str, str]) -> CalendarView | None:
    """The calendar's values; None when the plan has no `content:` section. `segments`: id → the
    plan's name (`generator.present.views.segment_names`), so no output shows a segment's id."""
    c = figures.calendar
    if c is None:
        return None
    lang = PlanLanguage(figures.language, figures.locale)
    briefs = tuple(_brief(s, lang, segments, c.minutes_per_day) for s in c.days if s.planned)
    hours = fmt_decimal(c.hours, lang, 1)
    yardstick = fmt_number(HOURS_YARDSTICK, lang)
    return CalendarView(
        title=t("page.calendar", lang),
        period=f"{fmt_date(c.start, lang)} – {fmt_date(c.end, lang)}",
        stats=_stats(c, lang),
        rate=_rate(c, lang),
        rate_band=completion_band(c.completion_rate) if c.completion_rate is not None else "neutral",
        rate_note=t("pdf.slots_done", lang).format(done=fmt_number(c.done, lang), due=fmt_number(c.due, lang))
        if c.completion_rate is not None
        else t("pdf.no_due", lang),
        hours_stat=Stat(t("cal.hours_invested", lang), hours),
        hours=hours,
        yardstick=yardstick,
        hours_share=fmt_percent(c.hours / HOURS_YARDSTICK, lang),
        hours_width=f"{min(100.0, 100 * c.hours / HOURS_YARDSTICK):.1f}%",
        hours_text=t("cal.hours_text", lang).format(
            hours=hours, yardstick=yardstick, minutes=fmt_number(c.minutes_per_day, lang)
        ),
        split=split_text(c, lang),
        planned=t("ideas.site.planned_text", lang).format(
            new=fmt_number(c.planned_new, lang),
            refresh=fmt_number(c.planned_refresh, lang),
            repurpose=fmt_number(c.planned_repurpose, lang),
            research=fmt_number(c.planned_research, lang),
        ),
        next=briefs[0] if briefs else None,  # `CalendarFigures.next_slot`: the first planned slot
        sources=tuple(SourceRow(*row) for row in source_rows(c, lang)),
        briefs=briefs[:BRIEF_SLOTS],
        weekdays=tuple(t(f"site.wd.{d}", lang) for d in WEEKDAYS),
        months=_months(c, lang, segments),
        heatmap=charts.render_heatmap(
            [(s.date, s.kind) for s in c.days], c.start, c.end, lang, title=t("cal.heatmap", lang), today=c.today
        ),
    )
