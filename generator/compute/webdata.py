"""Demand from Wordstat and the refresh queue from search statistics (contract v3).

Phrases and plan queries compare ignoring case, ё/е, spacing and Wordstat's operators; URLs
ignoring the scheme, `www.`, the host's case, a trailing /, a #fragment and percent-encoding.
The queue names pages to refresh, most urgent first: declining (most clicks lost), within reach
(most impressions), stale (oldest `lastmod`), each page once under its first reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import unquote, urlsplit

from generator.model import Plan
from generator.model.measured import Measured, Page, PagesPeriod, Wordstat

_OPERATORS = re.compile(r'["!+\[\]]')
UNCOVERED = 20
DECLINE_MIN_CLICKS = 10
DECLINE_SHARE = 0.8
REACH_POSITIONS = (8.0, 20.0)
REACH_IMPRESSIONS = 100
STALE_DAYS = 365


def phrase_key(text: str) -> str:
    """A phrase or query as they compare: case, ё/е, spacing and the operators " ! + [ ] ignored."""
    return " ".join(_OPERATORS.sub(" ", text).casefold().replace("ё", "е").split())


def url_key(url: str) -> str:
    """A URL as URLs compare: no scheme, `www.`, host case, trailing /, #fragment or %-encoding."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = unquote(parts.path).rstrip("/")
    query = f"?{unquote(parts.query)}" if parts.query else ""
    return f"{host}{path}{query}"


@dataclass(frozen=True)
class QueryVolume:
    """A plan demand query: its typed and its measured monthly volume."""

    segment: str
    query: str
    typed: int | None
    measured: int | None


@dataclass(frozen=True)
class DemandFigures:
    """Plan queries with their measured volumes, and the biggest phrases no plan query covers."""

    queries: tuple[QueryVolume, ...]
    uncovered: tuple[tuple[str, int], ...]  # (phrase, count), biggest first
    imported: date


def compute_demand(plan: Plan, wordstat: Wordstat | None) -> DemandFigures | None:
    """Each plan query's measured volume and the top 20 uncovered phrases (ties alphabetical)."""
    if wordstat is None:
        return None
    counts: dict[str, tuple[str, int]] = {}
    for p in wordstat.phrases:
        key = phrase_key(p.phrase)
        if key not in counts or p.count > counts[key][1]:
            counts[key] = (p.phrase, p.count)
    queries = []
    covered = set()
    for segment in plan.segments:
        for demand in segment.demand:
            key = phrase_key(demand.query)
            covered.add(key)
            found = counts.get(key)
            queries.append(QueryVolume(segment.id, demand.query, demand.monthly_volume, found[1] if found else None))
    rest = sorted(((k, v) for k, v in counts.items() if k not in covered), key=lambda kv: (-kv[1][1], kv[0]))
    return DemandFigures(
        queries=tuple(queries),
        uncovered=tuple((phrase, count) for _, (phrase, count) in rest[:UNCOVERED]),
        imported=wordstat.imported,
    )


@dataclass(frozen=True)
class RefreshItem:
    """A page to refresh and why, with the numbers the brief quotes."""

    url: str
    reason: str  # declining, within_reach or stale
    clicks_before: float | None = None
    clicks_after: float | None = None
    months: int | None = None  # the compared periods' length, in months (rounded)
    position: float | None = None
    impressions: float | None = None
    lastmod: date | None = None

    @property
    def clicks_lost(self) -> float:
        return (self.clicks_before or 0) - (self.clicks_after or 0)


@dataclass(frozen=True)
class MeasuredIdeas:
    """What the client's data gives the idea engine: uncovered demand (step 2, after the plan's own
    queries) and the refresh queue (step 6, before the log-based rule)."""

    demand: tuple[tuple[str, int], ...] = ()  # (phrase, searches a month), biggest first
    refresh: tuple[RefreshItem, ...] = ()


def measured_ideas(plan: Plan, measured: Measured | None, today: date) -> MeasuredIdeas | None:
    """The idea engine's measured input, or None without measured/."""
    if measured is None:
        return None
    demand = compute_demand(plan, measured.wordstat)
    return MeasuredIdeas(demand.uncovered if demand else (), compute_refresh_queue(plan, measured, today))


def with_measured_volumes(plan: Plan, measured: Measured | None) -> Plan:
    """The plan's demand queries with the measured volume where none is typed (the idea engine's order)."""
    demand = compute_demand(plan, measured.wordstat if measured else None)
    if demand is None:
        return plan
    volumes = {(q.segment, q.query): q.measured for q in demand.queries if q.typed is None and q.measured is not None}
    if not volumes:
        return plan
    segments = [
        s.model_copy(
            update={
                "demand": [
                    d.model_copy(update={"monthly_volume": volumes[(s.id, d.query)]})
                    if (s.id, d.query) in volumes
                    else d
                    for d in s.demand
                ]
            }
        )
        for s in plan.segments
    ]
    return plan.model_copy(update={"segments": segments})


def _days(period: PagesPeriod) -> int:
    return (period.end - period.start).days + 1


def _pages(period: PagesPeriod) -> dict[str, Page]:
    return {url_key(p.url): p for p in period.pages}


def compute_refresh_queue(plan: Plan, measured: Measured, today: date) -> tuple[RefreshItem, ...]:
    """The refresh queue: declining, then within reach, then stale; articles only; recent
    `new`/`refresh` log entries left out."""
    content = plan.content
    published = content.published if content else []
    sitemap = {url_key(u.url): u for u in measured.sitemap.urls} if measured.sitemap else {}
    articles = set(sitemap) | {url_key(p.url) for p in published if p.url}
    after = content.refresh_after_days if content else 0
    recent = {
        url_key(p.url) for p in published if p.url and p.kind in ("new", "refresh") and (today - p.date).days < after
    }
    periods = sorted(measured.pages, key=lambda p: (p.end, p.start))
    declining: list[tuple[str, RefreshItem]] = []
    reach: list[tuple[str, RefreshItem]] = []
    if len(periods) >= 2:
        earlier, later = periods[-2], periods[-1]
        scale = _days(earlier) / _days(later)
        late = _pages(later)
        months = round(_days(earlier) / 30.4)
        for key, page in _pages(earlier).items():
            after_clicks = late[key].clicks * scale if key in late else 0.0
            if page.clicks >= DECLINE_MIN_CLICKS and after_clicks <= DECLINE_SHARE * page.clicks:
                declining.append((key, RefreshItem(page.url, "declining", page.clicks, after_clicks, months)))
    if periods:
        for key, page in _pages(periods[-1]).items():
            position = page.position
            near = position is not None and REACH_POSITIONS[0] <= position <= REACH_POSITIONS[1]
            if near and page.impressions >= REACH_IMPRESSIONS:
                item = RefreshItem(page.url, "within_reach", position=position, impressions=page.impressions)
                reach.append((key, item))
    stale = [
        (key, RefreshItem(u.url, "stale", lastmod=u.lastmod))
        for key, u in sitemap.items()
        if u.lastmod is not None and u.lastmod < today - timedelta(days=STALE_DAYS)
    ]
    declining.sort(key=lambda kv: (-kv[1].clicks_lost, kv[0]))
    reach.sort(key=lambda kv: (-(kv[1].impressions or 0), kv[0]))
    stale.sort(key=lambda kv: (kv[1].lastmod or date.min, kv[0]))
    queue: list[RefreshItem] = []
    seen: set[str] = set()
    for key, item in [*declining, *reach, *stale]:
        if key in articles and key not in recent and key not in seen:
            seen.add(key)
            queue.append(item)
    return tuple(queue)
