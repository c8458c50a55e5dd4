"""Occasions: an article in the weeks before each date that matters to this kind of business.

Which dates matter is a judgment, so it is data: `generator/occasions/<preset>.yaml` per kind
of business (`business.preset`: bakery, auto-service, clinic, fitness, beauty, b2b, online-shop,
education) and `general.yaml` for every business (the long holidays' opening hours). A public
holiday is an occasion only where the library lists it for that kind of business — Christmas
is no article for a car service, Масленица is the bakery's biggest week. Each entry has its own
headline and outline in Russian and English, a rule for its date (a fixed day; Easter, Orthodox
or Western, plus an offset, computed with `dateutil.easter`; the n-th weekday of a month) and
how many days ahead its article is planned (`lead_days`). The plan's own `content.occasions`
come too, `content.lead_days` ahead.

An occasion is planned once per calendar, for its next date after today inside the calendar,
on the latest free slot on or before its date − lead days (else the earliest free slot before
its date; else skipped): always in the weeks before it, never after.
"""

from __future__ import annotations

import calendar as calendar_lib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from generator.compute.ideas import Coverage, Idea, demand_ideas, make_idea
from generator.compute.intents import group_intents, plan_queries
from generator.compute.material import Material
from generator.compute.queue import backlog_covered
from generator.compute.wording import Wording, occasion_wording
from generator.model import BacklogItem, Content, Segment

LIBRARY = Path(__file__).resolve().parent.parent / "occasions"
PRESETS = ("bakery", "auto-service", "clinic", "fitness", "beauty", "b2b", "online-shop", "education")
# Countries (content.holidays) that keep the Orthodox Easter; a Russian plan without a country too.
ORTHODOX = frozenset(["RU", "BY", "UA", "GE", "RS", "ME", "MK", "MD", "BG", "RO", "GR", "CY", "AM", "KZ"])
_SLACK = 21  # an occasion's article moves at most three weeks earlier than its lead days ask
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class LibraryOccasion:
    """An entry of the occasions library, in one language."""

    id: str
    rule: tuple[tuple[str, Any], ...]  # the date rule, as the YAML gives it
    lead_days: int
    name: str
    title: str
    outline: tuple[str, ...]
    countries: frozenset[str] = frozenset()  # empty: every country


@lru_cache(maxsize=32)
def library(preset: str | None, language: str) -> tuple[LibraryOccasion, ...]:
    """The occasions of `general.yaml` and of the preset's file, in the plan's language."""
    names = ["general"] + ([preset] if preset in PRESETS else [])
    found: list[LibraryOccasion] = []
    for name in names:
        data = yaml.safe_load((LIBRARY / f"{name}.yaml").read_text(encoding="utf-8"))
        for entry in data["occasions"]:
            words = entry.get("ru" if language == "ru" else "en")
            if not words:
                continue
            found.append(
                LibraryOccasion(
                    id=entry["id"],
                    rule=tuple(sorted(entry["date"].items())),
                    lead_days=int(entry.get("lead_days", 14)),
                    name=words["name"],
                    title=words["title"],
                    outline=tuple(words.get("outline", ())),
                    countries=frozenset(entry.get("countries", ())),
                )
            )
    return tuple(found)


def occurrence(rule: dict[str, Any], year: int, orthodox: bool) -> date:
    """The occasion's date in `year` by its rule."""
    offset = timedelta(days=int(rule.get("days", 0)))
    if "easter" in rule:
        method = EASTER_ORTHODOX if rule["easter"] == "orthodox" else EASTER_WESTERN
        if rule["easter"] == "local":
            method = EASTER_ORTHODOX if orthodox else EASTER_WESTERN
        return easter(year, method) + offset
    if "weekday" in rule:
        weekday = _WEEKDAYS.index(rule["weekday"])
        days = [d for d in calendar_lib.Calendar().itermonthdates(year, rule["month"]) if d.month == rule["month"]]
        return [d for d in days if d.weekday() == weekday][int(rule["nth"]) - 1] + offset
    return date(year, int(rule["month"]), int(rule["day"])) + offset


def next_date(entry: LibraryOccasion, after: date, until: date, orthodox: bool) -> date | None:
    """The entry's first date after `after` and not after `until`, or None."""
    for year in range(after.year, until.year + 1):
        day = occurrence(dict(entry.rule), year, orthodox)
        if after < day <= until:
            return day
    return None


def _country_fits(entry: LibraryOccasion, country: str | None) -> bool:
    return not entry.countries or (country or "").upper() in entry.countries


def occasion_ideas(
    content: Content,
    end: date,
    today: date,
    language: str,
    coverage: Coverage,
    preset: str | None = None,
    cta: str | None = None,
) -> list[Idea]:
    """The library's occasions for this kind of business and the plan's own, after today and inside the
    calendar, in date order, not yet covered by the log; each with its lead days."""
    country = content.holidays
    orthodox = (country or "").upper() in ORTHODOX if country else language == "ru"
    after = max(today, content.start - timedelta(days=1))
    dated: list[tuple[date, Idea]] = []
    for entry in library(preset, language):
        day = next_date(entry, after, end, orthodox)
        if day is None or not _country_fits(entry, country):
            continue
        wording = Wording("occasion", entry.title, entry.outline)
        idea = make_idea(
            "occasion", entry.name, wording, first=True, date=day, intent=entry.name, cta=cta, lead_days=entry.lead_days
        )
        dated.append((day, idea))
    for own in content.occasions:
        if after < own.date <= end:
            wording = occasion_wording(own.title, language)
            idea = make_idea(
                "occasion",
                own.title,
                wording,
                first=True,
                date=own.date,
                intent=own.title,
                cta=cta,
                lead_days=content.lead_days,
            )
            dated.append((own.date, idea))
    ideas: list[Idea] = []
    seen: set[str] = set()
    for _, idea in sorted(dated, key=lambda pair: pair[0]):  # stable: the library before the plan's own on a day
        if idea.id in seen or coverage.covers(idea):
            continue
        seen.add(idea.id)
        ideas.append(idea)
    return ideas


def place_occasions(ideas: Sequence[Idea], free: Sequence[date], lead_days: int) -> dict[date, Idea]:
    """Each occasion on the latest free slot on or before its date − its lead days (`lead_days` for
    an idea that has none); else the earliest free slot after that and before its date; else
    skipped. `free`: the slots still to write."""
    left = sorted(free)
    placed: dict[date, Idea] = {}
    for idea in ideas:
        assert idea.date is not None
        target = idea.date - timedelta(days=idea.lead_days if idea.lead_days is not None else lead_days)
        before = [d for d in left if target - timedelta(days=_SLACK) <= d <= target]
        after = [d for d in left if target < d < idea.date]
        chosen = before[-1] if before else (after[0] if after else None)
        if chosen is not None:
            placed[chosen] = idea
            left.remove(chosen)
    return placed


SEASON_LEAD_DAYS = 21  # seasonal demand is written three weeks before its season starts


def seasonal_ideas(
    backlog: Sequence[BacklogItem],
    segments: Sequence[Segment],
    coverage: Coverage,
    language: str,
    m: Material,
    today: date,
    end: date,
) -> list[Idea]:
    """Step 2's articles on seasonal intents ("зимние шины"), dated at their season's next start after
    today and inside the calendar, to be placed like occasions: ahead of the season, never in it."""
    intents = [i for i in group_intents(plan_queries(segments), language, m.places) if i.season]
    ideas = []
    for idea in demand_ideas(intents, backlog_covered(backlog, coverage.titles), language, m):
        intent = next(i for i in intents if i.service == idea.service)
        month, day = intent.season or (1, 1)
        starts = [date(year, month, day) for year in range(today.year, end.year + 1)]
        start = next((d for d in starts if today < d <= end), None)
        if start is not None and not coverage.covers(idea):
            ideas.append(replace(idea, date=start, lead_days=SEASON_LEAD_DAYS))
    return ideas
