"""`playbook today` at the terminal: each client's task for the day, with the streak.

The rows come from the calendar engine (`generator.compute.schedule`); this module only lays
them out as one table, so a consultant starts the day with every client in view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.table import Table

from generator.compute.figures import compute_figures
from generator.compute.schedule import CalendarFigures, Slot
from generator.load.loader import LoadedPlan
from generator.present.briefs import brief_lines, material_warnings
from generator.present.i18n import fmt_date, fmt_percent, plan_language, t
from generator.present.summary import task_title
from generator.render.calendar import clean_line, summarise_slot

# `playbook today` ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TodayRow:
    """One client's line of the `today` table."""

    slug: str
    name: str
    language: str
    calendar: CalendarFigures | None  # None: the plan has no content section
    segments: dict[str, str] | None = None  # segment id → name, for the brief
    improvement: str | None = None  # the day's improvement task (the summary's week), beside the article


def compute_today(loaded: Sequence[LoadedPlan], day: date) -> list[TodayRow]:
    """Each plan's calendar as seen on `day` (plans without `content:` get None), and the day's
    improvement task of the summary's week: the figures the site and the PDF show, computed once
    (`generator.compute.figures`), not again here."""
    rows = []
    for item in loaded:
        figures = compute_figures(item, day)  # v3 calendar with the measured idea input, as the site has it
        names = {s.id: s.name for s in item.plan.segments}
        language = plan_language(item.plan.business)
        week = figures.summary.week if figures.summary else ()
        task = next((w for w in week if w.kind == "task" and w.date == day), None)
        improvement = task_title(task, language) if task is not None else None
        rows.append(TodayRow(item.slug, item.plan.business.name, language, figures.calendar, names, improvement))
    return rows


def render_today(rows: Sequence[TodayRow], day: date) -> Table:
    """The `today` table: client, today's task, search query, streak and completion."""
    languages = {row.language for row in rows}
    lang = languages.pop() if len(languages) == 1 else "en"
    table = Table(title=f"{t('calendar.today', lang)}: {fmt_date(day, lang)}", title_justify="left")
    table.add_column(t("portfolio.client", lang))
    table.add_column(t("calendar.task", lang))
    table.add_column(t("calendar.query", lang))
    table.add_column(t("calendar.streak", lang), justify="right")
    table.add_column(t("calendar.done_due", lang), justify="right")
    for row in rows:
        name = clean_line(row.name)
        cal = row.calendar
        if cal is None:
            task = t("calendar.no_content", row.language)
            if row.improvement:
                task += f"\n{t('summary.today.task', row.language)}: {clean_line(row.improvement)}"
            table.add_row(name, task, "", "", "")
            continue
        slot = cal.today_slot
        if slot is not None:
            task, query = summarise_slot(slot, row.language) + _brief(slot, row, cal), clean_line(slot.query or "")
        elif cal.next_slot is not None:
            upcoming = cal.next_slot
            when = fmt_date(upcoming.date, row.language)  # in words, as every other date the client reads
            task = f"{t('calendar.no_slot', row.language)}; {t('calendar.next', row.language)} {when}: "
            task += summarise_slot(upcoming, row.language) + _brief(upcoming, row, cal)
            query = clean_line(upcoming.query or "")
        else:
            task, query = t("calendar.ended", row.language), ""
        if row.improvement:
            task += f"\n{t('summary.today.task', row.language)}: {clean_line(row.improvement)}"
        rate = f" ({fmt_percent(cal.completion_rate, row.language)})" if cal.completion_rate is not None else ""
        table.add_row(name, task, query, str(cal.current_streak), f"{cal.done}/{cal.due}{rate}")
    return table


def _brief(slot: Slot, row: TodayRow, cal: CalendarFigures) -> str:
    """The brief of a task still to write, one line each under its title ("" for a done slot)."""
    if not slot.planned:
        return ""
    lines = brief_lines(slot, row.language, row.segments or {}, cal.minutes_per_day)
    return "".join(f"\n  {line}" for line in lines)


def today_warnings(rows: Sequence[TodayRow]) -> list[str]:
    """Each client's material warnings (research days ahead, fewer than 30 ideas), in its language."""
    lines: list[str] = []
    for row in rows:
        if row.calendar is not None:
            lines.extend(material_warnings(row.calendar, row.name, row.language))
    return lines
