"""The idea engine's sources: every new article the plan already holds material for, in priority order.

The contract's calendar rule (plan-format.md, *content*) lists where a slot's article comes
from: the backlog, then uncovered search demand by volume, each segment's needs and pains,
competitors' weaknesses, and further angles; occasions are placed first, ahead of their dates
(`generator.compute.occasions`). Since the idea engine reads meaning, a demand *intent* (a
service, its places and a modifier: `generator.compute.intents`) is one article whatever the
number of queries behind it, and the angles take every intent, every place of it, every segment
that searches for it, every competitor, and the services the business description lists.

Each step is a function over plain lists, so other material (an import of search demand) can be
handed to the same step. An idea's id is derived from its source, segment, angle and source text
(normalised), never from a date or a position; a first article on a text keeps angle None.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Literal

from generator.compute.headlines import lemma, lemmas, sentence_case
from generator.compute.intents import Intent, local_places, read_query
from generator.compute.material import Material
from generator.compute.patterns import INTENT_ANGLES, OPENING, SERVICE_PRESETS
from generator.compute.wording import (
    Wording,
    fill,
    intent_label,
    intent_wording,
    need_wordings,
    pain_wordings,
    weakness_wording,
    where,
)
from generator.model import BacklogItem, Competitor, Publication, Segment

Source = Literal["backlog", "demand", "need", "pain", "competitor", "service", "angle", "occasion"]
SOURCES: tuple[Source, ...] = ("backlog", "demand", "need", "pain", "competitor", "service", "angle", "occasion")

_SPACE = re.compile(r"\s+")
_WORDS = re.compile(r"[\w-]+", re.UNICODE)


@lru_cache(maxsize=65536)
def normalise_title(title: str) -> str:
    """The form titles and queries are compared in: trimmed, single spaces, case-folded (cached: a
    year's calendar compares the same few hundred titles thousands of times)."""
    return _SPACE.sub(" ", title).strip().casefold()


@lru_cache(maxsize=65536)
def title_key(title: str) -> str:
    """A title's lemmas in order: two titles with the same key say the same thing."""
    return " ".join(lemma(w) for w in _WORDS.findall(title))


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
    text: str  # the source text: backlog title, intent's service, need, pain, weakness or occasion
    segment: str | None = None  # segment id
    query: str | None = None
    monthly_volume: int | None = None
    angle: str | None = None  # the headline pattern: howto, price, faq, checklist, comparison, …
    competitor: str | None = None  # competitor ideas: whose weakness, or who is compared
    date: date | None = None  # occasions: the day itself
    intent: str | None = None  # what the reader wants, in a few words
    outline: tuple[str, ...] = ()  # 3–5 points of the brief
    cta: str | None = None  # book, order or call
    service: str | None = None  # the service page the article links to
    not_before: dt.date | None = None  # a pain's fix: not planned before its initiative starts
    places: tuple[str, ...] = ()
    lead_days: int | None = None  # occasions: how many days ahead the article is planned
    need: str | None = None  # the reader's need: its segment's first, for an article on no need of its own


def make_idea(
    source: Source, text: str, wording: Wording | None, segment: str | None = None, first: bool = False, **facts: object
) -> Idea:
    """An idea with its id derived from source, segment, pattern and text, its title and outline
    from `wording` (the backlog: the text itself)."""
    angle = None if first or wording is None else wording.pattern
    return Idea(
        id=idea_id(source, segment, angle, text),
        source=source,
        title=wording.title if wording else sentence_case(text),
        text=" ".join(text.split()),
        segment=segment,
        angle=wording.pattern if wording else None,
        outline=wording.outline if wording else (),
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


def _intent_idea(intent: Intent, wording: Wording, language: str, m: Material, source: Source, first: bool) -> Idea:
    return make_idea(
        source,
        intent.service,
        wording,
        intent.segment,
        first=first,
        query=intent.query if intent.queries else None,
        monthly_volume=intent.volume if intent.queries else None,
        intent=intent_label(intent),
        cta=m.cta,
        service=intent.service,
        places=tuple(intent.places),
    )


def backlog_ideas(backlog: Sequence[BacklogItem], m: Material) -> Iterable[Idea]:
    """Step 1: the consultant's own ideas, titles as written."""
    for item in backlog:
        yield make_idea("backlog", item.title, None, item.segment, query=item.query, cta=m.cta)


def demand_ideas(intents: Sequence[Intent], covered: frozenset[str], language: str, m: Material) -> Iterable[Idea]:
    """Step 2: one article per intent not yet covered (by a backlog idea or a log entry on one of its
    queries), highest volume first; its pattern fits the modifier (a price query: the price)."""
    for intent in intents:
        if any(normalise_title(q) in covered for q in intent.queries):
            continue
        opening = OPENING.get(intent.modifier or "", "howto")
        extra = {"place": where(intent.places[:1], language)} if opening == "local" and intent.places else {}
        wording = (
            intent_wording(intent, opening, language, {}, **extra)
            or intent_wording(intent, "howto", language, {})
            or intent_wording(intent, "topic", language, {})
        )
        if wording is not None:
            yield _intent_idea(intent, wording, language, m, "demand", first=True)


def segment_ideas(segments: Sequence[Segment], language: str, m: Material, today: date) -> Iterable[Idea]:
    """Step 3: each segment's needs, then its pains; a pain whose fix has not started by `today`
    is worded as what we are changing, or waits for its initiative (`not_before`)."""
    for segment in segments:
        for need in segment.needs:
            yield make_idea(
                "need", need, need_wordings(need, language)[0], segment.id, first=True, intent=need, cta=m.cta
            )
        for pain in segment.pains:
            yield _pain_idea(segment.id, pain, language, m, today, 0)


def _pain_idea(segment: str, pain: str, language: str, m: Material, today: date, which: int) -> Idea:
    fix = m.fix_for(segment, pain)
    fixed = fix is not None and fix.start is not None and (m.until is None or fix.start <= m.until)
    wait = fix.start if fixed and fix is not None and fix.start is not None and fix.start > today else None
    wording = pain_wordings(pain, language, fixed)[which]
    return make_idea(
        "pain",
        pain,
        wording,
        segment,
        first=which == 0,
        intent=pain,
        cta=m.cta,
        not_before=wait if which == 0 else None,
    )


def competitor_ideas(competitors: Sequence[Competitor], language: str, m: Material) -> Iterable[Idea]:
    """Step 4: where the client does better — each weakness, then an honest comparison per competitor."""
    for competitor in competitors:
        for weakness in competitor.weaknesses:
            yield make_idea(
                "competitor",
                weakness,
                weakness_wording(weakness, language)[0],
                first=True,
                competitor=competitor.name,
                intent=weakness,
                cta=m.cta,
            )
    for competitor in competitors:
        rival = competitor.name.strip('«»"“” ')
        yield make_idea(
            "competitor",
            competitor.name,
            fill("rival", language, rival=rival),
            competitor=competitor.name,
            intent=rival,
            cta=m.cta,
        )


def angle_ideas(
    intents: Sequence[Intent],
    segments: Sequence[Segment],
    competitors: Sequence[Competitor],
    language: str,
    m: Material,
    today: date,
) -> Iterable[Idea]:
    """Step 5: further angles — every intent in each pattern, each place, each segment that searches
    for it and each competitor; the services of the description; second articles on needs and pains."""
    names = {s.id: s.name for s in segments}
    for intent in intents:
        patterns = (*INTENT_ANGLES, "duration") if m.preset in SERVICE_PRESETS else INTENT_ANGLES
        for pattern in patterns:
            wording = intent_wording(intent, pattern, language, names)
            if wording is not None:
                yield _intent_idea(intent, wording, language, m, "angle", first=False)
        for place in local_places(intent, m.region_names):
            wording = intent_wording(intent, "local", language, names, place=where([place], language))
            if wording is not None:
                idea = _intent_idea(intent, wording, language, m, "angle", first=False)
                yield replace(idea, id=idea_id("angle", intent.segment, "local", f"{intent.service} {place}"))
        yield from _for_segments(intent, segments, language, m, names)
        yield from _against_competitors(intent, competitors, language, m, names)
    keys = {i.key for i in intents}
    for segment in segments:
        for need in segment.needs:  # a need that is an intent's service already has its FAQ
            if read_query(need, language, m.places)[3] not in keys:
                yield make_idea("need", need, need_wordings(need, language)[1], segment.id, intent=need, cta=m.cta)
        for pain in segment.pains:
            yield _pain_idea(segment.id, pain, language, m, today, 1)
            yield _pain_idea(segment.id, pain, language, m, today, 2)
    for competitor in competitors:
        for weakness in competitor.weaknesses:
            wording = weakness_wording(weakness, language)[1]
            yield make_idea("competitor", weakness, wording, competitor=competitor.name, intent=weakness, cta=m.cta)


def _variant(intent: Intent, wording: Wording, about: str, segment: str, m: Material, rival: str = "") -> Idea:
    """An angle on the intent for a segment or against a competitor (its id: the service and that)."""
    query = intent.query if intent.queries else None
    return make_idea("angle", f"{intent.service} {about}", wording, segment, intent=intent_label(intent),
                     cta=m.cta, service=intent.service, query=query, competitor=rival or None)  # fmt: skip


def _for_segments(
    intent: Intent, segments: Sequence[Segment], language: str, m: Material, names: Mapping[str, str]
) -> Iterable[Idea]:
    """The intent for each segment, unless the segment is named after it ("Заказчики тортов")."""
    service = {form for w in intent.service.split() for form in lemmas(w)}
    for segment in segments:
        if service & {form for w in segment.name.split() for form in lemmas(w)}:
            continue
        wording = intent_wording(intent, "segment", language, names, segment=segment.id)
        if wording is not None:
            yield _variant(intent, wording, segment.id, segment.id, m)


def _against_competitors(
    intent: Intent, competitors: Sequence[Competitor], language: str, m: Material, names: Mapping[str, str]
) -> Iterable[Idea]:
    """The intent compared with each competitor's offer."""
    for competitor in competitors:
        rival = competitor.name.strip('«»"“” ')
        wording = intent_wording(intent, "rival_service", language, names, rival=rival)
        if wording is not None:
            yield _variant(intent, wording, rival, intent.segment, m, competitor.name)


def service_ideas(services: Sequence[str], intents: Sequence[Intent], language: str, m: Material) -> Iterable[Idea]:
    """The services the business description lists that no intent names: a guide, a price, a FAQ."""
    known = {i.key for i in intents}
    for service in services:
        _, _, _, key = read_query(service, language, m.places)
        if any(set(key.split()) <= set(k.split()) for k in known):  # "имплантация" is in "имплантация зубов"
            continue
        known.add(key)
        intent = Intent(key, service, "", None)
        for pattern in ("howto", "price", "faq"):
            wording = intent_wording(intent, pattern, language, {})
            if wording is not None:
                yield make_idea("service", service, wording, intent=service, cta=m.cta, service=service)
