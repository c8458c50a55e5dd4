"""Occasions: an article ahead of each public holiday and each dated occasion of the plan.

The contract places occasions before the queue fills the calendar: each distinct public
holiday name of `content.holidays` (its first date inside the calendar; observed days and
substituted days off left out — they are the same holiday again, or no holiday at all) and
each `content.occasions` entry, dated after today and inside the calendar, gets one new
article, `lead_days` ahead. Holiday names come from the `holidays` package in the plan's
language when the country's calendar has it (else the country's own language).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache

import holidays as holidays_lib

from generator.compute.ideas import Coverage, Idea, make_idea, normalise_title
from generator.model import Content


def _holiday_language(calendar: holidays_lib.HolidayBase, language: str) -> str | None:
    """The holidays package's language code closest to the plan's (None: the country's default)."""
    supported = getattr(calendar, "supported_languages", ()) or ()
    for code in supported:
        if code == language:
            return str(code)
    for code in ("en_US", "en_GB") if language == "en" else ():
        if code in supported:
            return code
    return next((str(c) for c in supported if str(c).startswith(language)), None)


def _substituted_prefix(calendar: holidays_lib.HolidayBase) -> str:
    """How the calendar's language names a substituted day off ("Day off (substituted from"), or ""."""
    try:
        label = calendar.substituted_label
    except AttributeError:  # the country moves no days off
        return ""
    translate = getattr(calendar, "tr", None)
    text = str(translate(label) if callable(translate) else label)
    return text.split("%s")[0].strip()


@lru_cache(maxsize=64)
def holiday_names(country: str, start: date, end: date, language: str) -> tuple[tuple[date, str], ...]:
    """(first date, name) of each distinct public holiday between start and end, date order
    (cached: a portfolio's plans share a few countries and calendars)."""
    if end < start:
        return ()
    years = range(start.year, end.year + 1)
    probe = holidays_lib.country_holidays(country.upper(), years=years)
    lang = _holiday_language(probe, language)
    calendar = holidays_lib.country_holidays(country.upper(), years=years, language=lang, observed=False)
    substituted = _substituted_prefix(calendar)
    first: dict[str, tuple[date, str]] = {}
    for day in sorted(calendar):
        if not start <= day <= end:
            continue
        for name in str(calendar[day]).split("; "):
            if substituted and name.startswith(substituted):
                continue
            first.setdefault(normalise_title(name), (day, name))
    return tuple(sorted(first.values()))


def occasion_ideas(content: Content, end: date, today: date, language: str, coverage: Coverage) -> list[Idea]:
    """The occasions after today and inside the calendar, in date order, not yet covered by the log."""
    dated: list[tuple[date, str]] = []
    if content.holidays:
        dated.extend(holiday_names(content.holidays, content.start, end, language))
    dated.extend((o.date, o.title) for o in content.occasions)
    ideas: list[Idea] = []
    seen: set[str] = set()
    for day, name in sorted(dated, key=lambda pair: pair[0]):  # stable: holidays before occasions on a day
        if not (today < day and content.start <= day <= end):
            continue
        idea = make_idea("occasion", name, language, date=day)
        if idea.id in seen or coverage.covers(idea):
            continue
        seen.add(idea.id)
        ideas.append(idea)
    return ideas


def place_occasions(ideas: Sequence[Idea], free: Sequence[date], lead_days: int) -> dict[date, Idea]:
    """Each occasion on the latest free slot on or before its date − lead_days; else the earliest
    free slot after that and before its date; else skipped. `free`: the slots still to write."""
    left = sorted(free)
    placed: dict[date, Idea] = {}
    for idea in ideas:
        assert idea.date is not None
        target = idea.date - timedelta(days=lead_days)
        before = [d for d in left if d <= target]
        after = [d for d in left if target < d < idea.date]
        chosen = before[-1] if before else (after[0] if after else None)
        if chosen is not None:
            placed[chosen] = idea
            left.remove(chosen)
    return placed
