"""Planning the slots still to write: the idea queue first, then refresh, repurpose, research.

`generator.compute.schedule` walks the slots in date order and asks the planner for each slot
still to write; occasions arrive already placed. The planner keeps the articles (the log's
`new`/`refresh` entries, one per url, else per title, and every new article planned so far)
with their last write, so that the contract's refresh and repurpose rules see exactly what an
earlier slot has planned.

- Refresh: the article whose last write is oldest (ties: the article that appeared first, log
  order then slot order), when it is at least `refresh_after_days` old on the slot's date.
- Repurpose (when no article is old enough): a post for a place of kind social, messenger,
  forum, maps or email of the article's segment (an article without a segment: any segment's
  places). Articles are taken round-robin in their order of appearance, each with its next
  unused place in plan order, so no article–place pair repeats. Logged repurpose entries do
  not say which place they went to, so they use no pair.
- Research: only when every queue, refresh and repurpose is spent.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from generator.compute.ideas import Idea, normalise_title
from generator.compute.slots import EntryKind, LogEntry, Slot
from generator.compute.webdata import RefreshItem, url_key
from generator.model import Segment

REPURPOSE_KINDS = frozenset({"social", "messenger", "forum", "maps", "email"})


@dataclass(frozen=True)
class Topic:
    """What is known of an article from the plan: its query, segment and the idea it wrote."""

    query: str | None = None
    segment: str | None = None
    source: str | None = None
    idea: str | None = None


@dataclass
class Article:
    """A refresh and repurpose candidate: an article and its latest write."""

    title: str
    order: int  # log order (negative), then slot order
    first_written: date
    last_written: date
    url: str | None = None
    topic: Topic = field(default_factory=Topic)
    places_used: set[int] = field(default_factory=set)
    occasion: date | None = None  # an occasion's article: the occasion's date
    lead_days: int = 0  # and how far ahead of it the article is read


def in_season(article: Article, day: date) -> bool:
    """An occasion's article is refreshed or reposted only in the weeks before its date (this year's
    or the next), never off-season; any other article at any time."""
    if article.occasion is None:
        return True
    window = timedelta(days=article.lead_days + 14)
    return any(d - window <= day < d for d in (article.occasion, _next_year(article.occasion)))


def _next_year(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return date(day.year + 1, 3, 1)


def refresh_candidate(articles: Sequence[Article], day: date, refresh_after_days: int) -> Article | None:
    """Step 6 of the calendar rule: the article whose last write is oldest (ties: the first to
    appear), when it is at least `refresh_after_days` old on `day` and in season. A list in, an
    article out, so a refresh queue from elsewhere (an analytics import) can be handed in too."""
    eligible = (a for a in articles if a.occasion is None or in_season(a, day))
    oldest = min(eligible, key=lambda a: (a.last_written, a.order), default=None)
    return oldest if oldest is not None and (day - oldest.last_written).days >= refresh_after_days else None


@dataclass(frozen=True)
class Place:
    """A place where a segment gathers that a post can go to."""

    segment: str
    name: str


def repurpose_places(segments: Sequence[Segment]) -> list[Place]:
    """Every place of a repurposable kind, segment by segment in plan order."""
    return [Place(s.id, p.name) for s in segments for p in s.places if p.kind in REPURPOSE_KINDS]


@dataclass
class Planner:
    """Plans the slots still to write, in date order (the contract's order of choices)."""

    queue: list[Idea]
    refresh_after_days: int
    places: list[Place]
    articles: list[Article] = field(default_factory=list)
    by_key: dict[str, Article] = field(default_factory=dict)
    next_idea: int = 0  # the first queue index not yet planned
    used: set[int] = field(default_factory=set)  # queue indices planned out of order (waiting ideas passed)
    heap: list[tuple[date, int, int, Article]] = field(default_factory=list)  # refresh order
    turn: int = 0  # the repurpose round-robin: index of the next article to consider
    refresh_first: list[RefreshItem] = field(default_factory=list)  # v3: the refresh queue, step 6 first

    def add_logged(self, entry: LogEntry, topic: Topic, count: int) -> None:
        """A log entry that is an article (new or refresh): a new article, or a later write of one."""
        article = (self.by_key.get(f"url:{entry.url}") if entry.url else None) or self.by_key.get(
            normalise_title(entry.title)
        )
        if article is None:
            article = Article(entry.title, entry.position - count, entry.date, entry.date, entry.url, topic)
            self.articles.append(article)
            self._queue_for_refresh(article)
        else:
            article.first_written = min(article.first_written, entry.date)
            article.last_written = max(article.last_written, entry.date)
            self._queue_for_refresh(article)
            article.url = entry.url or article.url
        self._index(article)

    def _index(self, article: Article) -> None:
        self.by_key.setdefault(normalise_title(article.title), article)
        if article.url:
            self.by_key.setdefault(f"url:{article.url}", article)

    def new(self, day: date, idea: Idea, is_today: bool) -> Slot:
        """A new article from `idea` on `day`; it becomes an article from then on."""
        if normalise_title(idea.title) not in self.by_key:
            topic = Topic(idea.query, idea.segment, idea.source, idea.id)
            article = Article(idea.title, len(self.articles) + 1, day, day, None, topic)
            article.occasion, article.lead_days = idea.date, idea.lead_days or 0
            self.articles.append(article)
            self._queue_for_refresh(article)
            self._index(article)
        return Slot(
            date=day,
            kind="new",
            title=idea.title,
            query=idea.query,
            segment=idea.segment,
            source=idea.source,
            idea=idea.id,
            topic=idea.text if idea.source not in ("backlog", "demand", "angle") else None,
            angle=idea.angle,
            competitor=idea.competitor,
            occasion_date=idea.date,
            monthly_volume=idea.monthly_volume,
            is_today=is_today,
            intent=idea.intent,
            outline=idea.outline,
            cta=idea.cta,
            service=idea.service,
            need=idea.need,
        )

    def _queue_for_refresh(self, article: Article) -> None:
        """Keep the article in the refresh heap under its latest write (older entries go stale)."""
        heapq.heappush(self.heap, (article.last_written, article.order, id(article), article))

    def _refresh_candidate(self, day: date) -> Article | None:
        """`refresh_candidate` over `self.articles`, from a heap: a year of slots would otherwise
        scan every article every day. Stale entries (an article written since) are dropped;
        out-of-season occasion articles are set aside and put back."""
        aside = []
        found = None
        while self.heap:
            last, _, _, article = self.heap[0]
            if article.last_written != last:
                heapq.heappop(self.heap)
            elif not in_season(article, day):
                aside.append(heapq.heappop(self.heap))
            else:
                found = article
                break
        for entry in aside:
            heapq.heappush(self.heap, entry)
        if found is not None and (day - found.last_written).days >= self.refresh_after_days:
            return found
        return None

    def _take(self, day: date) -> Idea | None:
        """The next idea in queue order that may be written on `day` (a pain waits for its fix)."""
        for index in range(self.next_idea, len(self.queue)):
            idea = self.queue[index]
            if index in self.used or (idea.not_before is not None and idea.not_before > day):
                continue
            self.used.add(index)
            while self.next_idea in self.used:
                self.used.discard(self.next_idea)
                self.next_idea += 1
            return idea
        return None

    def left(self) -> list[Idea]:
        """The ideas not planned (yet)."""
        return [i for n, i in enumerate(self.queue) if n >= self.next_idea and n not in self.used]

    def plan(self, day: date, is_today: bool) -> Slot:
        """The task of a free slot: the next idea, else a refresh, a repurpose, or research."""
        idea = self._take(day)
        if idea is not None:
            return self.new(day, idea, is_today)
        if self.refresh_first:  # v3: pages the search statistics say to refresh, before the log's rule
            return self._measured_refresh(day, self.refresh_first.pop(0), is_today)
        oldest = self._refresh_candidate(day)
        if oldest is not None:
            slot = self._article_slot(day, "refresh", oldest, is_today)
            oldest.last_written = day
            self._queue_for_refresh(oldest)
            return slot
        repurpose = self._repurpose(day, is_today)
        if repurpose is not None:
            return repurpose
        return Slot(date=day, kind="research", is_today=is_today)

    def _measured_refresh(self, day: date, item: RefreshItem, is_today: bool) -> Slot:
        """A refresh of a page of the refresh queue: the logged article when its URL is known."""
        key = url_key(item.url)
        article = next((a for a in self.articles if a.url and url_key(a.url) == key), None)
        if article is None:
            return Slot(date=day, kind="refresh", title=item.url, url=item.url, refresh_item=item, is_today=is_today)
        slot = replace(self._article_slot(day, "refresh", article, is_today), refresh_item=item)
        article.last_written = day
        return slot

    def _article_slot(
        self, day: date, kind: EntryKind, article: Article, is_today: bool, place: Place | None = None
    ) -> Slot:
        """A refresh or repurpose task on `article`; a post is for the segment of its place."""
        return Slot(
            date=day,
            kind=kind,
            title=article.title,
            url=article.url,
            query=article.topic.query,
            segment=place.segment if place is not None else article.topic.segment,
            place=place.name if place is not None else None,
            last_written=article.last_written,
            first_written=article.first_written,
            is_today=is_today,
        )

    def _repurpose(self, day: date, is_today: bool) -> Slot | None:
        ordered = sorted(self.articles, key=lambda a: a.order)
        count = len(ordered)
        for step in range(count):
            article = ordered[(self.turn + step) % count]
            segment = article.topic.segment
            if not in_season(article, day):
                continue
            for index, place in enumerate(self.places):
                if index in article.places_used or (segment is not None and place.segment != segment):
                    continue
                article.places_used.add(index)
                self.turn = (self.turn + step + 1) % count
                return self._article_slot(day, "repurpose", article, is_today, place)
        return None
