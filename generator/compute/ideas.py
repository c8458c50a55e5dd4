"""The idea engine's sources: every new article the plan already holds material for, in priority order.

The contract's calendar rule (plan-format.md, *content*, v2) lists where a slot's article comes
from: the backlog, then uncovered search demand by volume, each segment's needs and pains,
competitors' weaknesses, and further angles on every demand query; occasions (public holidays
and `content.occasions`) are placed first, ahead of their dates. This module builds that queue
as `Idea`s — each with a stable id, a working title (`generator.compute.headlines`) and the
facts its brief needs — and leaves the dating of slots to the planner.

An idea's id is derived from its source, segment, angle and source text (normalised), never
from a date or a position: it survives every rebuild and changes only when that text does.
Two ideas with the same id are the same idea and are planned once; so is a second idea with
the working title of an earlier one or of a logged article.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from generator.compute.headlines import headline
from generator.model import Competitor, Content, Publication, Segment

Source = Literal["backlog", "demand", "need", "pain", "competitor", "angle", "occasion"]
SOURCES: tuple[Source, ...] = ("backlog", "demand", "need", "pain", "competitor", "angle", "occasion")
ANGLES = ("faq", "comparison", "checklist", "price", "case")

_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def normalise_title(title: str) -> str:
    """The form titles and queries are compared in: trimmed, single spaces, case-folded (cached: a
    year's calendar compares the same few hundred titles thousands of times)."""
    return _SPACE.sub(" ", title).strip().casefold()


def idea_id(source: str, segment: str | None, angle: str | None, text: str) -> str:
    """`<source>-<8 hex digits>`: a hash of what the idea is about, never of when it is planned."""
    key = "\x1f".join((source, segment or "", angle or "", normalise_title(text)))
    return f"{source}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:8]}"


@dataclass(frozen=True)
class Idea:
    """A new article the plan holds material for, with what its brief says."""

    id: str
    source: Source
    title: str  # the working title, a headline in the plan's language
    text: str  # the source text: backlog title, query, need, pain, weakness or occasion
    segment: str | None = None  # segment id
    query: str | None = None
    monthly_volume: int | None = None
    angle: str | None = None  # angle ideas: faq, comparison, checklist, price, case
    competitor: str | None = None  # competitor ideas: whose weakness
    date: date | None = None  # occasions: the day itself


def make_idea(source: Source, text: str, language: str, segment: str | None = None, **facts: object) -> Idea:
    """An idea with its id and working title derived from its source text."""
    angle = facts.get("angle")
    assert angle is None or isinstance(angle, str)
    return Idea(
        id=idea_id(source, segment, angle, text),
        source=source,
        title=headline(source, text, language, angle),
        text=" ".join(text.split()),
        segment=segment,
        **facts,  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Coverage:
    """What the log has already done: idea ids named in any entry, and titles of articles."""

    ids: frozenset[str]
    titles: frozenset[str]  # normalised titles of `new`/`refresh` entries

    def covers(self, idea: Idea) -> bool:
        """The idea is written: an entry names its id, or an article carries its working title."""
        return idea.id in self.ids or normalise_title(idea.title) in self.titles


def read_coverage(published: Sequence[Publication]) -> Coverage:
    """The log's coverage: an `idea` that matches nothing is kept too (harmless, and accepted)."""
    ids = frozenset(p.idea.strip() for p in published if p.idea)
    titles = frozenset(normalise_title(p.title) for p in published if p.kind in ("new", "refresh"))
    return Coverage(ids, titles)


def demand_in_order(segments: Sequence[Segment]) -> list[tuple[str, str, int | None]]:
    """(segment id, query, volume) of every distinct query, highest volume first (ties: plan order);
    a query listed by two segments belongs to the first that lists it with the highest volume."""
    pairs = [(s.id, d.query, d.monthly_volume) for s in segments for d in s.demand]
    seen: set[str] = set()
    out = []
    for segment, query, volume in sorted(pairs, key=lambda p: -(p[2] or 0)):  # stable: ties keep plan order
        key = normalise_title(query)
        if key not in seen:
            seen.add(key)
            out.append((segment, query, volume))
    return out


def _backlog(content: Content, language: str) -> Iterable[Idea]:
    for item in content.backlog:
        yield make_idea("backlog", item.title, language, item.segment, query=item.query)


def _demand(content: Content, segments: Sequence[Segment], language: str, titles: frozenset[str]) -> Iterable[Idea]:
    covered = set(titles)
    for item in content.backlog:
        covered.add(normalise_title(item.title))
        if item.query:
            covered.add(normalise_title(item.query))
    for segment, query, volume in demand_in_order(segments):
        if normalise_title(query) not in covered:
            yield make_idea("demand", query, language, segment, query=query, monthly_volume=volume)


def _segments(segments: Sequence[Segment], language: str) -> Iterable[Idea]:
    for segment in segments:
        for need in segment.needs:
            yield make_idea("need", need, language, segment.id)
        for pain in segment.pains:
            yield make_idea("pain", pain, language, segment.id)


def _competitors(competitors: Sequence[Competitor], language: str) -> Iterable[Idea]:
    for competitor in competitors:
        for weakness in competitor.weaknesses:
            yield make_idea("competitor", weakness, language, competitor=competitor.name)


def _angles(segments: Sequence[Segment], language: str) -> Iterable[Idea]:
    for segment, query, volume in demand_in_order(segments):
        for angle in ANGLES:
            yield make_idea("angle", query, language, segment, query=query, monthly_volume=volume, angle=angle)


def idea_queue(
    content: Content,
    segments: Sequence[Segment],
    competitors: Sequence[Competitor],
    coverage: Coverage,
    language: str,
    taken: Iterable[Idea] = (),
) -> list[Idea]:
    """Every uncovered idea in the contract's priority, each once (by id and by working title).

    `taken` are ideas already placed (the occasions): they are not queued again."""
    queue: list[Idea] = []
    ids = {i.id for i in taken}
    titles = set(coverage.titles) | {normalise_title(i.title) for i in taken}
    sources = (
        _backlog(content, language),
        _demand(content, segments, language, coverage.titles),
        _segments(segments, language),
        _competitors(competitors, language),
        _angles(segments, language),
    )
    for source in sources:
        for idea in source:
            key = normalise_title(idea.title)
            if idea.id in ids or key in titles or coverage.covers(idea):
                continue
            ids.add(idea.id)
            titles.add(key)
            queue.append(idea)
    return queue


def every_idea(
    content: Content, segments: Sequence[Segment], competitors: Sequence[Competitor], language: str
) -> list[Idea]:
    """Every idea the plan holds, covered or not (for reading the log: which idea an entry wrote)."""
    ideas: list[Idea] = []
    ideas.extend(_backlog(content, language))
    ideas.extend(_demand(content, segments, language, frozenset()))
    ideas.extend(_segments(segments, language))
    ideas.extend(_competitors(competitors, language))
    ideas.extend(_angles(segments, language))
    return ideas
