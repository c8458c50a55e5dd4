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
# The headline pattern of a new article (`generator.compute.patterns`) → the angle a brief names.
ANGLE_OF = {
    "howto": "howto",
    "topic": "howto",
    "howto_do": "howto",
    "howto_order": "howto",
    "comparison_do": "comparison",
    "comparison_order": "comparison",
    "checklist_do": "checklist",
    "mistakes_do": "mistakes",
    "when": "when",
    "myths": "myths",
    "duration": "duration",
    "pain_what": "what_to_do",
    "np_what": "what_to_do",
    "absent_what": "what_to_do",
    "weakness_check": "check", "price": "price", "faq": "faq", "checklist": "checklist", "comparison": "comparison",
    "mistakes": "mistakes", "case": "case", "segment": "segment", "local": "local",
    "need_np": "need", "need_about": "faq", "need_inf": "need", "need_steps": "howto", "need_state": "need",
    "need_why": "need", "pain_fixed": "solved", "absent_fixed": "solved", "pain_changing": "changing",
    "absent_changing": "changing", "pain_avoid": "why", "weakness": "better", "weakness_absent": "better",
    "rival": "rival", "rival_service": "rival", "occasion": "occasion", "occasion_quote": "occasion",
}


def angle_label(angle: str | None, language: str) -> str | None:
    """The angle of a new article in words ("цена и из чего она складывается"), or None."""
    key = ANGLE_OF.get(angle or "")
    return t(f"ideas.angle.{key}", language) if key else None


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
    if slot.kind == "new" and slot.intent and slot.source not in ("need", "pain", "competitor", "occasion"):
        lines.append(f"{t('ideas.brief.intent', language)}: {one_line(slot.intent)}")
    if slot.kind in ("new", "refresh", "repurpose"):
        who = segments.get(slot.segment, slot.segment) if slot.segment else t("ideas.brief.any_segment", language)
        need = f"; {t('ideas.brief.their_need', language)}: {one_line(slot.need)}" if slot.need else ""
        lines.append(f"{t('ideas.brief.for', language)}: {one_line(who)}{need}")
    if slot.query:
        volume = f" ({searches(slot.monthly_volume, language)})" if slot.monthly_volume is not None else ""
        lines.append(f"{t('calendar.query', language)}: {one_line(slot.query)}{volume}")
    if slot.topic and slot.source in ("need", "pain", "competitor", "occasion") and slot.angle != "rival":
        text = one_line(slot.topic)
        if slot.source == "competitor" and slot.competitor:
            text += f" ({one_line(slot.competitor)})"
        if slot.source == "occasion" and slot.occasion_date:
            text += f", {fmt_date(slot.occasion_date, language)}"
        lines.append(f"{t('ideas.brief.' + slot.source, language)}: {text}")
    label = angle_label(slot.angle, language)
    if label:
        lines.append(f"{t('ideas.brief.angle', language)}: {label}")
    if slot.kind == "new":
        lines.extend(_brief_of_new(slot, language))
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


def _brief_of_new(slot: Slot, language: str) -> list[str]:
    """The outline, the call to action and the internal link of a new article."""
    lines = []
    if slot.outline:
        points = "; ".join(f"{n}) {one_line(p)}" for n, p in enumerate(slot.outline, 1))
        lines.append(f"{t('ideas.brief.outline', language)}: {points}")
    if slot.cta:
        lines.append(f"{t('ideas.brief.cta', language)}: {t('ideas.cta.' + slot.cta, language)}")
    link = (
        t("ideas.brief.link_service", language).format(service=one_line(slot.service))
        if slot.service
        else t("ideas.brief.link_home", language)
    )
    lines.append(f"{t('ideas.brief.link', language)}: {link}")
    return lines


def material_warnings(calendar: CalendarFigures, name: str, language: str, research_days: bool = True) -> list[str]:
    """Lines telling the consultant the material runs out: research days ahead, new articles under
    half the slots, or fewer than 30 new ideas ahead, and what to add. Empty when the calendar is
    well fed or has nothing ahead.

    `research_days=False` leaves out the research-day and the few-new-articles lines where the
    lint's M114 already says them with the plan's line and column (`playbook check` would
    otherwise say them twice)."""
    if calendar.to_write == 0:
        return []
    research = sum(1 for s in calendar.days if s.kind == "research") if research_days else 0
    ideas = calendar.ideas_ahead
    name = one_line(name)
    lines = []
    if research:
        lines.append(t("ideas.warn.research", language).format(name=name, count=fmt_number(research, language)))
    new = calendar.planned_new + sum(1 for s in calendar.days if s.kind == "done" and s.entry_kind == "new")
    if research_days and 2 * new < calendar.slots:  # the rule of M114: under half the slots new
        lines.append(
            t("ideas.warn.few_new", language).format(
                name=name, new=fmt_number(new, language), slots=fmt_number(calendar.slots, language)
            )
        )
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


def split_text(calendar: CalendarFigures, language: str) -> str:
    """The whole period's real split — new articles, refreshes, posts — done and planned alike, so
    no page promises more new articles than the plan's material yields."""
    counts = {"new": 0, "refresh": 0, "repurpose": 0}
    for slot in calendar.days:
        kind = slot.entry_kind if slot.kind == "done" else slot.kind
        if kind in counts:
            counts[kind] += 1
    return t("ideas.split", language).format(**{k: fmt_number(v, language) for k, v in counts.items()})
