"""The values of the article calendar page and the downloads page."""

from __future__ import annotations

import calendar as calendar_lib
from datetime import date
from typing import Any

from generator.compute.figures import Figures
from generator.compute.schedule import CalendarFigures, Slot
from generator.draw import charts
from generator.model import LoadedPlan
from generator.present.briefs import brief_lines, slot_headline, source_rows, split_text
from generator.present.i18n import (
    fmt_month,
)
from generator.present.site_base import (
    HOURS_YARDSTICK,
    WEEKDAY_KEYS,
    Words,
    _empty,
    _segment_names,
    _svg,
    base_context,
    html,
    status_badge,
)


def _slot_text(slot: Slot, words: Words, segments: dict[str, str]) -> str:
    """One line describing a slot (for the grid's tooltip and the upcoming list)."""
    kind = {
        "done": "slot.done",
        "missed": "slot.missed",
        "new": "slot.new",
        "refresh": "slot.refresh",
        "repurpose": "slot.repurpose",
        "research": "slot.research",
    }[slot.kind]
    text = words.label(kind)
    if slot.planned and slot.kind != "research":
        text = slot_headline(slot, words.language)
    elif slot.title:
        text += f": {slot.title}"
    if slot.segment:
        text += f" ({segments.get(slot.segment, slot.segment)})"
    return text


def _mark(slot: Slot) -> tuple[str, str]:
    """CSS modifier and a one-letter text mark, so the grid never relies on colour alone."""
    if slot.kind == "done":
        return "done", "✓"
    if slot.kind == "missed":
        return "missed", "✗"
    if slot.is_today:
        return "today", "●"
    return slot.kind, {"new": "+", "refresh": "↻", "repurpose": "↗", "research": "?"}[slot.kind]


def _month_grids(c: CalendarFigures, words: Words, segments: dict[str, str]) -> list[dict[str, Any]]:
    by_day = {s.date: s for s in c.days}
    holidays = set(c.holidays)
    months = []
    year, month = c.start.year, c.start.month
    while (year, month) <= (c.end.year, c.end.month):
        weeks = []
        for week in calendar_lib.Calendar(firstweekday=0).monthdatescalendar(year, month):
            cells: list[dict[str, Any] | None] = []
            for day in week:
                if day.month != month:
                    cells.append(None)
                    continue
                slot = by_day.get(day)
                if slot is None:
                    css = "holiday" if day in holidays else "off"
                    title = words.label("site.cal.holiday" if day in holidays else "site.cal.no_slot")
                    cells.append({"day": day.day, "css": css, "mark": "", "title": html(title)})
                else:
                    css, mark = _mark(slot)
                    cells.append(
                        {"day": day.day, "css": css, "mark": mark, "title": html(_slot_text(slot, words, segments))}
                    )
            weeks.append(cells)
        months.append({"title": fmt_month(date(year, month, 1), words.language), "weeks": weeks})
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return months


def context_calendar(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Problem 1: the daily content discipline: month grids, heatmap, streaks, hours, projection."""
    ctx = base_context(loaded, figures, "calendar")
    words: Words = ctx["words"]
    c = figures.calendar
    if c is None:
        ctx["c"] = None
        ctx["empty"] = _empty(words, "calendar")
        return ctx
    segments = _segment_names(loaded.plan)
    next_slot = c.next_slot
    upcoming = [s for s in c.days if s.planned][:14]
    ctx["c"] = {
        "period": f"{words.day(c.start)} – {words.day(c.end)}",  # the en dash of the PDF and the report
        "stats": [
            {"label": words.label("site.cal.slots"), "value": words.num(c.slots)},
            {"label": words.label("site.cal.done"), "value": words.num(c.done)},
            {"label": words.label("site.cal.missed"), "value": words.num(c.missed)},
            {
                "label": words.label("site.cal.rate"),
                "value": words.pct(c.completion_rate) if c.completion_rate is not None else "—",
            },
            {"label": words.label("site.cal.current_streak"), "value": words.num(c.current_streak)},
            {"label": words.label("site.cal.longest_streak"), "value": words.num(c.longest_streak)},
            {"label": words.label("site.cal.projected"), "value": words.num(c.projected)},
            {"label": words.label("site.cal.to_write"), "value": words.num(c.to_write)},
        ],
        "hours": words.dec(c.hours, 1),
        "yardstick": words.num(HOURS_YARDSTICK),
        "hours_share": words.pct(c.hours / HOURS_YARDSTICK),
        "hours_width": f"{min(100.0, 100 * c.hours / HOURS_YARDSTICK):.1f}%",
        "hours_text": words.label("site.cal.hours_text").format(
            hours=words.dec(c.hours, 1), yardstick=words.num(HOURS_YARDSTICK), minutes=words.num(c.minutes_per_day)
        ),
        "planned": words.label("ideas.site.planned_text").format(
            new=words.num(c.planned_new),
            refresh=words.num(c.planned_refresh),
            repurpose=words.num(c.planned_repurpose),
            research=words.num(c.planned_research),
        ),
        "split": html(split_text(c, words.language)),
        "next": html(slot_headline(next_slot, words.language)) if next_slot else None,
        "next_date": words.day(next_slot.date) if next_slot else None,
        "next_brief": [html(line) for line in brief_lines(next_slot, words.language, segments, c.minutes_per_day)]
        if next_slot
        else [],
        "sources": [{"label": a, "count": b, "share": c_} for a, b, c_ in source_rows(c, words.language)],
        "briefs": [
            {
                "date": words.day(s.date, "short"),
                "kind": status_badge(s.kind, words, "site.slotkind"),
                "title": html(slot_headline(s, words.language)),
                "brief": [html(line) for line in brief_lines(s, words.language, segments, c.minutes_per_day)],
                "idea": html(s.idea or ""),
            }
            for s in upcoming
        ],
        "weekdays": [words.label(f"site.wd.{d}") for d in WEEKDAY_KEYS],
        "months": _month_grids(c, words, segments),
        "heatmap": _svg(
            charts.render_heatmap(
                [(s.date, s.kind) for s in c.days],
                c.start,
                c.end,
                words.language,
                title=words.label("site.cal.heatmap"),
                today=c.today,
            )
        ),
        "off_slot": len(c.off_slot),
    }
    return ctx


def context_downloads(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """The PDF audit, the .ics feed to subscribe to, and the CSV."""
    ctx = base_context(loaded, figures, "downloads")
    ctx["has_calendar"] = figures.calendar is not None
    ctx["slug"] = loaded.slug
    return ctx
