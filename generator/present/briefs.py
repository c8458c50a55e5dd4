"""What a calendar slot asks for, in words: its working title, its brief, and the material warnings.

The idea engine (`generator.compute.schedule` and its modules) decides what each slot holds;
this module says it in the plan's language for every output that shows a task — the .ics
event, the CSV, the site's calendar page, the PDF and `playbook today` — so they all say the
same. Source and kind codes stay English codes where programs read them (CATEGORIES, JSON);
everything here is for a person.
"""

from __future__ import annotations

from collections.abc import Mapping

from babel import Locale

from generator.compute.headlines import task_title
from generator.compute.slots import CalendarFigures, Slot
from generator.present.i18n import fmt_date, fmt_number, fmt_percent, locale, t
from generator.present.measured import refresh_reason

FEW_IDEAS = 30  # fewer new ideas ahead than this, and the consultant is told to add material


def one_line(text: str) -> str:
    """Plan text on one line: control characters and line breaks become single spaces."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def plural(key: str, count: int, language: str) -> str:
    """`key.<category>` for `count` by the language's plural rules (babel), with {n} filled."""
    loc: Locale = locale(language)
    return t(f"{key}.{loc.plural_form(count)}", language).format(n=fmt_number(count, language))


def searches(volume: int, language: str) -> str:
    """`74 000 запросов в месяц`, `1 запрос в месяц`, `320 searches a month`."""
    loc: Locale = locale(language)
    return f"{fmt_number(volume, language)} {t('ideas.searches.' + loc.plural_form(volume), language)}"


def slot_headline(slot: Slot, language: str) -> str:
    """The task of a planned slot as a title: the working title, or the refresh/repurpose/research task."""
    title = one_line(slot.title or "")
    if slot.kind == "new":
        return title
    if slot.kind in ("refresh", "repurpose"):
        return task_title(slot.kind, title, language, one_line(slot.place or ""))
    return t(f"slot.{slot.kind}", language)


def brief_lines(slot: Slot, language: str, segments: Mapping[str, str], minutes: int) -> list[str]:
    """The brief of a planned slot: source, for whom, which query and need, the angle, the time budget."""
    lines: list[str] = []
    if slot.kind == "new" and slot.source:
        lines.append(f"{t('ideas.brief.source', language)}: {t('ideas.source.' + slot.source, language)}")
    if slot.kind in ("new", "refresh", "repurpose"):
        who = segments.get(slot.segment, slot.segment) if slot.segment else t("ideas.brief.any_segment", language)
        lines.append(f"{t('ideas.brief.for', language)}: {one_line(who)}")
    if slot.query:
        volume = f" ({searches(slot.monthly_volume, language)})" if slot.monthly_volume is not None else ""
        lines.append(f"{t('calendar.query', language)}: {one_line(slot.query)}{volume}")
    if slot.topic and slot.source in ("need", "pain", "competitor", "occasion"):
        text = one_line(slot.topic)
        if slot.source == "competitor" and slot.competitor:
            text += f" ({one_line(slot.competitor)})"
        if slot.source == "occasion" and slot.occasion_date:
            text += f", {fmt_date(slot.occasion_date, language)}"
        lines.append(f"{t('ideas.brief.' + slot.source, language)}: {text}")
    if slot.angle:
        lines.append(f"{t('ideas.brief.angle', language)}: {t('ideas.angle.' + slot.angle, language)}")
    if slot.kind == "refresh" and slot.refresh_item is not None:  # v3: why, with the search statistics' numbers
        lines.append(f"{t('measured.why', language)}: {refresh_reason(slot.refresh_item, language)}")
    if slot.kind == "refresh":
        lines.append(t("calendar.refresh_hint", language))
    if slot.kind == "repurpose":
        lines.append(f"{t('ideas.brief.place', language)}: {one_line(slot.place or '')}")
        lines.append(t("ideas.brief.repurpose_hint", language))
    if slot.kind in ("refresh", "repurpose") and slot.last_written:
        lines.append(f"{t('calendar.last_written', language)}: {fmt_date(slot.last_written, language)}")
    if slot.kind == "research":
        lines.append(t("calendar.research_hint", language))
    lines.append(f"{t('calendar.budget', language)}: {minutes} {t('calendar.minutes', language)}")
    return lines


def material_warnings(calendar: CalendarFigures, name: str, language: str, research_days: bool = True) -> list[str]:
    """Lines telling the consultant the material runs out: research days ahead or fewer than 30
    new ideas ahead, and what to add. Empty when the calendar is well fed or has nothing ahead.

    `research_days=False` leaves out the research-day line where the lint's M114 already says it
    with the plan's line and column (`playbook check` would otherwise say it twice)."""
    if calendar.to_write == 0:
        return []
    research = sum(1 for s in calendar.days if s.kind == "research") if research_days else 0
    ideas = calendar.ideas_ahead
    name = one_line(name)
    lines = []
    if research:
        lines.append(t("ideas.warn.research", language).format(name=name, count=fmt_number(research, language)))
    if ideas < FEW_IDEAS:
        lines.append(t("ideas.warn.few", language).format(name=name, ideas=plural("ideas.count", ideas, language)))
    if lines:
        lines.append(t("ideas.warn.add", language))
    return lines


def source_rows(calendar: CalendarFigures, language: str) -> tuple[tuple[str, str, str], ...]:
    """Where the slots still to write come from: (source or task, count, share), for the site and PDF."""
    total = sum(count for _, count in calendar.by_source)
    return tuple(
        (t(f"ideas.source.{key}", language), fmt_number(count, language), fmt_percent(count / total, language))
        for key, count in calendar.by_source
    )
