"""The idea engine's queue: every source of `generator.compute.ideas` in the contract's priority,
each idea briefed (the service page it links to, the reader's need) and queued once.

Kept apart from the sources themselves so that each module stays small; the schedule
(`generator.compute.schedule`) fills the year's slots from this queue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from generator.compute.ideas import (
    Coverage,
    Idea,
    angle_ideas,
    backlog_ideas,
    competitor_ideas,
    demand_ideas,
    normalise_title,
    segment_ideas,
    service_ideas,
    title_key,
)
from generator.compute.intents import Intent, group_intents, plan_queries
from generator.compute.material import Material
from generator.compute.wording import fill
from generator.model import BacklogItem, Competitor, Segment


def _sources(
    backlog: Sequence[BacklogItem],
    segments: Sequence[Segment],
    competitors: Sequence[Competitor],
    covered: frozenset[str],
    language: str,
    m: Material,
    today: date,
) -> tuple[Iterable[Idea], ...]:
    intents = group_intents(plan_queries(segments), language, m.places)
    sources = (
        backlog_ideas(backlog, m),
        demand_ideas(intents, covered, language, m),
        segment_ideas(segments, language, m, today),
        competitor_ideas(competitors, language, m),
        service_ideas(m.services, intents, language, m),
        angle_ideas(intents, segments, competitors, language, m, today),
    )
    needs = {s.id: s.needs[0] for s in segments if s.needs}
    return tuple(_briefed(source, intents, needs, language) for source in sources)


def _briefed(
    ideas: Iterable[Idea], intents: Sequence[Intent], needs: Mapping[str, str], language: str
) -> Iterable[Idea]:
    """Ideas with the service page to link where their own text names none: a backlog idea's query
    (its intent's service), a need's or pain's segment (the service it searches for most); and a
    backlog idea's outline, the consultant's title kept; the reader's need (the segment's first)."""
    by_query = {normalise_title(q): i.service for i in intents for q in i.queries}
    by_segment: dict[str, str] = {}
    for intent in intents:  # volume first: a segment's first intent is its biggest
        for segment in intent.segments:
            by_segment.setdefault(segment, intent.service)
    outline = fill("topic", language, s="").outline
    for idea in ideas:
        if idea.service is None and idea.query and normalise_title(idea.query) in by_query:
            idea = replace(idea, service=by_query[normalise_title(idea.query)])
        elif idea.service is None and idea.segment in by_segment and idea.source in ("need", "pain"):
            idea = replace(idea, service=by_segment[idea.segment or ""])
        if idea.source == "backlog" and not idea.outline:
            idea = replace(idea, outline=outline)
        if idea.source not in ("need", "pain") and idea.segment in needs:
            idea = replace(idea, need=needs[idea.segment or ""])
        yield idea


def backlog_covered(backlog: Sequence[BacklogItem], titles: frozenset[str]) -> frozenset[str]:
    covered = set(titles)
    for item in backlog:
        covered.add(normalise_title(item.title))
        if item.query:
            covered.add(normalise_title(item.query))
    return frozenset(covered)


def idea_queue(
    backlog: Sequence[BacklogItem],
    segments: Sequence[Segment],
    competitors: Sequence[Competitor],
    coverage: Coverage,
    language: str,
    taken: Iterable[Idea] = (),
    material: Material | None = None,
    today: date = date.min,
) -> list[Idea]:
    """Every uncovered idea in the contract's priority, each once (by id, by working title, and by
    its lemmatised title). `taken` are ideas already placed (the occasions): not queued again."""
    m = material or Material()
    seen = Unique(taken, coverage)
    covered = backlog_covered(backlog, coverage.titles)
    sources = _sources(backlog, segments, competitors, covered, language, m, today)
    return [idea for source in sources for idea in source if seen.add(idea)]


class Unique:
    """The ideas queued so far, by id, working title and lemmatised title (and what the log has
    written): `add` says whether an idea is new to the queue and, if so, remembers it."""

    def __init__(self, taken: Iterable[Idea], coverage: Coverage) -> None:
        self.coverage = coverage
        self.ids = {i.id for i in taken}
        self.titles = set(coverage.titles) | {normalise_title(i.title) for i in taken}
        self.keys = {title_key(t) for t in self.titles}

    def add(self, idea: Idea) -> bool:
        key = normalise_title(idea.title)
        if idea.id in self.ids or key in self.titles or title_key(idea.title) in self.keys:
            return False
        if self.coverage.covers(idea):
            return False
        self.ids.add(idea.id)
        self.titles.add(key)
        self.keys.add(title_key(idea.title))
        return True


def every_idea(
    backlog: Sequence[BacklogItem],
    segments: Sequence[Segment],
    competitors: Sequence[Competitor],
    language: str,
    material: Material | None = None,
) -> list[Idea]:
    """Every idea the plan holds, covered or not (for reading the log: which idea an entry wrote)."""
    m = material or Material()
    ideas: list[Idea] = []
    for source in _sources(backlog, segments, competitors, frozenset(), language, m, date.min):
        ideas.extend(source)
    return ideas
