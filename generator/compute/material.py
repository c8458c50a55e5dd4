"""What the idea engine reads from the plan besides `content`: the business, its services and
places, the call to action its kind of business asks for, and when each pain's fix starts.

The engine's sources take plain lists (`generator.compute.ideas`), so anything that knows more
demand — an import of Wordstat, say — can hand its queries in the same way; this module only
gathers the plan's own material into one value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from generator.compute.headlines import lemma
from generator.compute.intents import region_names, region_places, services_in
from generator.model import Plan

# The call to action by kind of business (`business.preset`): book a visit, order, or call.
CTA_BY_PRESET = {
    "bakery": "order",
    "online-shop": "order",
    "auto-service": "book",
    "clinic": "book",
    "beauty": "book",
    "fitness": "book",
    "education": "book",
    "b2b": "call",
}
_SHORT = 3  # words shorter than this say nothing about what a pain and an initiative share


@dataclass(frozen=True)
class Fix:
    """The initiative that serves a pain: its title and when it starts (None: no date)."""

    initiative: str
    start: date | None


@dataclass(frozen=True)
class Material:
    """The plan's material beyond `content`, for the idea engine."""

    name: str = ""
    preset: str | None = None
    model: str | None = None
    places: frozenset[str] = frozenset()  # case-folded place words of the plan's region
    region_names: tuple[str, ...] = ()  # the region's places as written ("Южное Бутово")
    services: tuple[str, ...] = ()  # services the business description lists
    # segment id → initiatives serving it: (title, start)
    initiatives: dict[str, tuple[Fix, ...]] = field(default_factory=dict)
    until: date | None = None  # the calendar's last day: a fix starting later is no fix within it

    @property
    def cta(self) -> str:
        """book, order or call: what the reader is asked to do at the end of an article."""
        if self.preset in CTA_BY_PRESET:
            return CTA_BY_PRESET[self.preset]
        return "call" if self.model in ("b2b", "b2g") else "order"

    def fix_for(self, segment: str, pain: str) -> Fix | None:
        """The initiative that serves a pain of a segment: among the segment's initiatives, the one
        whose title shares most words with the pain; None when none shares one (no initiative
        promises that fix, so the article says what we are changing)."""
        fixes = self.initiatives.get(segment, ())
        if not fixes:
            return None
        words = {lemma(w) for w in pain.split() if len(w) >= _SHORT}

        def shared(fix: Fix) -> int:
            return len(words & {lemma(w) for w in fix.initiative.split() if len(w) >= _SHORT})

        best = max(fixes, key=shared)
        return best if shared(best) > 0 else None


def read_material(plan: Plan) -> Material:
    """The material of a plan: its business, its services, and the initiatives by segment."""
    business = plan.business
    starts: dict[str, date | None] = {}
    for item in plan.roadmap:
        if item.start is not None:
            previous = starts.get(item.initiative)
            starts[item.initiative] = item.start if previous is None else min(previous, item.start)
        else:
            starts.setdefault(item.initiative, None)
    by_segment: dict[str, list[Fix]] = {}
    for initiative in plan.strategy.initiatives if plan.strategy else []:
        fix = Fix(initiative.title, starts.get(initiative.id))
        for segment in initiative.segments:
            by_segment.setdefault(segment, []).append(fix)
    return Material(
        name=business.name,
        preset=getattr(business, "preset", None),
        model=business.model,
        places=region_places(business.region),
        region_names=region_names(business.region),
        services=tuple(_services(business.description, business.language)),
        initiatives={k: tuple(v) for k, v in by_segment.items()},
    )


def _services(description: str | None, language: str) -> Sequence[str]:
    """The services a description lists, customers' sentences left out ("Customers are …")."""
    kept = [
        sentence
        for sentence in (description or "").replace("\n", " ").split(".")
        if not any(word in sentence.casefold() for word in ("customer", "клиент", "покупател", "staff", "сотрудник"))
    ]
    return services_in(".".join(kept), language)
