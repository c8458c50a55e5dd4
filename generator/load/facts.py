"""The few values of a plan that shape the site, read before the plan is loaded.

A cold site build waits for nothing but these: MkDocs needs every client's language, name,
visibility and whether it has a calendar to lay out the site's files and navigation, while
loading and validating every plan takes the build's worker longer than MkDocs takes to start
(benchmarks/README.md). So the worker first reads these fields from the YAML parser's events —
a few milliseconds a plan, no model, no composing — and loads the plans afterwards, one at a time
as MkDocs reaches their pages.

They are a prediction, checked: the loaded plan's own values must agree (`generator.builder.supply`),
and a plan that fails to load reports its problems as it always does. A scalar reads exactly as
`generator.load.yamlsource` reads it (the text typed; plain `~`/`null`/nothing is null); a file
the quick read cannot be sure of (unreadable, not UTF-8, too large, a YAML error, an alias, a
merge key) has no facts, and the build waits for that plan's loading instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    MappingStartEvent,
    ScalarEvent,
)

from generator.load import yamlsource
from generator.load.yamlsource import _NULL_RE, MAX_BYTES

# the values read, by their place in the plan
WANTED = {
    ("business", "name"),
    ("business", "language"),
    ("publish", "visibility"),
    ("publish", "password_env"),
}
SECTIONS = ("content", "publish")  # top-level sections whose presence matters


@dataclass(frozen=True)
class PlanFacts:
    """What the site's layout needs of a plan, as its model would give it (defaults applied)."""

    language: str
    name: str
    visibility: str
    password_env: str | None
    has_content: bool


@lru_cache(maxsize=1)
def model_defaults() -> tuple[str, str, str | None]:
    """What the model gives a plan that leaves them out (business.language, publish.visibility,
    publish.password_env): taken from it, so the two cannot drift. Imported here, in the worker
    that reads the facts: the build's own process unpickles `PlanFacts` and must not import the
    model (tests/builder/test_stream.py)."""
    from generator.model.sections import Business, Publish

    return (
        Business.model_fields["language"].default,
        Publish.model_fields["visibility"].default,
        Publish.model_fields["password_env"].default,
    )


class _Unsure(Exception):
    """The quick read cannot vouch for the plan's values."""


def read_facts(path: Path, parser: Any = None) -> PlanFacts | None:
    """The plan's facts, or None when the quick read cannot be sure of them."""
    try:
        raw = path.read_bytes()
        if len(raw) > MAX_BYTES:
            return None
        found, sections = _scan(raw.decode("utf-8-sig"), parser or yamlsource.PARSER)
    except Exception:  # any doubt (unreadable, not UTF-8, a YAML error, an alias…): no facts
        return None
    name = found.get(("business", "name"))
    if name is None:  # the plan cannot load: its problems are reported when it does not
        return None
    publish = sections.get("publish", False)
    language, visibility, password_env = model_defaults()
    return PlanFacts(
        language=found.get(("business", "language")) or language,
        name=name,
        visibility=(found.get(("publish", "visibility")) or visibility) if publish else visibility,
        password_env=found.get(("publish", "password_env")) if publish else password_env,
        has_content=sections.get("content", False),
    )


def _scan(text: str, parser_class: Any) -> tuple[dict[tuple[str, ...], str | None], dict[str, bool]]:
    """The wanted scalars by place, and whether each section holds something other than null."""
    parser = parser_class(text)
    found: dict[tuple[str, ...], str | None] = {}
    sections: dict[str, bool] = {}
    # one frame per open collection: [its place, is it a mapping, the key awaiting its value]
    stack: list[list[Any]] = []
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, AliasEvent):
                raise _Unsure
            if isinstance(event, CollectionEndEvent):
                stack.pop()
                _value_done(stack)
                continue
            if stack and stack[-1][1] and stack[-1][2] is None:  # a mapping's key
                if not isinstance(event, ScalarEvent) or (event.value == "<<" and not event.style):
                    raise _Unsure
                stack[-1][2] = event.value
                continue
            place = _place(stack)
            if isinstance(event, ScalarEvent):
                value = None if not event.style and _NULL_RE.match(event.value) else event.value
                if place in WANTED:
                    found[place] = value
                if len(place) == 1 and place[0] in SECTIONS:
                    sections[place[0]] = value is not None
                _value_done(stack)
            elif isinstance(event, CollectionStartEvent):
                if len(place) == 1 and place[0] in SECTIONS:
                    sections[place[0]] = True
                stack.append([place, isinstance(event, MappingStartEvent), None])
            if len(stack) > 40:
                raise _Unsure
    finally:
        parser.dispose()
    return found, sections


def _place(stack: list[list[Any]]) -> tuple[str, ...]:
    """Where the next value goes: the keys of the mappings above it (a sequence item: a place no
    wanted value has)."""
    if not stack:
        return ()
    parent, is_mapping, key = stack[-1]
    return (*parent, key) if is_mapping else (*parent, "[]")


def _value_done(stack: list[list[Any]]) -> None:
    if stack and stack[-1][1]:
        stack[-1][2] = None
