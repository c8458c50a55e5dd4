"""Phrases in the forms a headline pattern needs, and the patterns filled with them.

`generator.compute.patterns` holds the wording; this module prepares what goes into it — a
service in four cases with the words that agree with it, a segment in the genitive, a need read
as a noun phrase, an infinitive or a state, a pain read as an absence ("нет цен на сайте" →
"Цены на сайте") or a complaint to quote — and returns None where the grammar cannot be
trusted, so the idea engine picks a pattern that needs no agreement instead of a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from generator.compute.headlines import (
    accusative,
    article,
    costs,
    in_places,
    inflect,
    is_clause,
    lower_first,
    needed,
    noun_phrase,
    parses,
    prep_o,
    quoted,
    sentence_case,
    unquote,
    which,
)
from generator.compute.intents import Intent
from generator.compute.patterns import PATTERNS

_MASS = frozenset(
    [
        "repair",
        "maintenance",
        "advice",
        "servicing",
        "equipment",
        "software",
        "training",
        "insurance",
        "delivery",
        "cleaning",
        "bread",
        "coffee",
        "support",
        "information",
        "stock",
        "documentation",
        "compliance",
    ]
)
_KO_BEFORE = ("дн", "мн", "вс", "вт")  # "ко Дню рождения"
_ABSENT = {"ru": ("нет ", "не хватает "), "en": ("no ", "lack of ", "not enough ")}


@dataclass(frozen=True)
class Wording:
    """A filled pattern: the title (sentence case) and its outline points."""

    pattern: str
    title: str
    outline: tuple[str, ...]


def fill(pattern: str, language: str, **values: str) -> Wording:
    """The pattern in the plan's language (English for anything but Russian), filled."""
    title, outline = PATTERNS[pattern]["ru" if language == "ru" else "en"]
    return Wording(pattern, sentence_case(title.format(**values)), tuple(p.format(**values) for p in outline))


@lru_cache(maxsize=4096)
def service_forms(service: str, language: str) -> dict[str, str] | None:
    """The service in the forms the intent patterns use; None when Russian cannot be inflected."""
    text = lower_first(" ".join(service.split()))
    if not text:
        return None
    if language != "ru":
        plural = text.endswith("s") and not text.endswith("ss")
        mass = plural or text.split()[-1].casefold() in _MASS
        many = text if mass else _plural(text)
        return {
            "s": text,
            "a_s": text if mass else f"{article(text)} {text}",
            "do": "do" if plural else "does",
            "s_pl": many,
        }
    phrase = noun_phrase(text)
    if phrase is None:
        return None
    loc = inflect(phrase, "loct")
    return {
        "s": text,
        "s_acc": accusative(phrase),
        "s_gen": inflect(phrase, "gent"),
        "s_loc": loc,
        "o": prep_o(loc),
        "which": which(phrase),
        "which_acc": which(phrase, accusative=True),
        "costs": costs(phrase),
        "dearer": "обходятся" if phrase.number == "plur" else "обходится",
        "needed_low": needed(phrase).lower(),
    }


@lru_cache(maxsize=1024)
def segment_forms(name: str, language: str) -> dict[str, str] | None:
    """A segment's name for "для …" (ru: genitive of its head) / "for …" (en, lower-case)."""
    text = lower_first(unquote(name))
    if language != "ru":
        return {"seg": text, "seg_gen": text}
    phrase = noun_phrase(text)
    if phrase is None:
        return None
    return {"seg": text, "seg_gen": inflect(phrase, "gent")}


def _plural(text: str) -> str:
    """An English noun phrase in the plural: "valve" → "valves", "bakery" → "bakeries", "box" → "boxes"."""
    if text.endswith(("s", "x", "ch", "sh")):
        return f"{text}es"
    if text.endswith("y") and text[-2:-1] not in "aeiou":
        return f"{text[:-1]}ies"
    return f"{text}s"


def where(places: Sequence[str], language: str) -> str:
    """ " в Москве и Бибиреве" with its leading space, or ""."""
    text = in_places(places, language)
    return f" {text}" if text else ""


def absent_thing(text: str, language: str) -> str | None:
    """What an absence names, in the nominative: "нет цен на сайте" → "Цены на сайте"; None when the
    text is no absence (or the noun cannot be put back into the nominative)."""
    low = text.casefold()
    prefix = next((p for p in _ABSENT["ru" if language == "ru" else "en"] if low.startswith(p)), None)
    if prefix is None:
        return None
    rest = text[len(prefix) :].strip()
    if language != "ru":
        return sentence_case(rest) if rest else None
    return _nominative_of(rest)


def _nominative_of(rest: str) -> str | None:
    """A genitive noun phrase ("детского врача", "закрывающих документов") back in the nominative,
    the adjectives taking the noun's gender and number; None when it starts with no noun phrase."""
    words = rest.split()
    head = next(
        (
            i
            for i, w in enumerate(words)
            if any(p.tag.POS == "NOUN" and p.tag.case == "gent" for p in parses(w.casefold()))
        ),
        None,
    )
    if head is None:
        return None
    noun = next(p for p in parses(words[head].casefold()) if p.tag.POS == "NOUN" and p.tag.case == "gent")
    number = noun.tag.number or "sing"
    agree = {"nomn", number} | ({noun.tag.gender} if number == "sing" and noun.tag.gender else set())
    out = []
    for word in words[:head]:
        adjective = next(
            (p for p in parses(word.casefold()) if p.tag.POS in {"ADJF", "PRTF"} and p.tag.case == "gent"), None
        )
        if adjective is None:
            return None
        form = adjective.inflect(agree)
        out.append(str(form.word) if form else word)
    form = noun.inflect({"nomn", number})
    out.append(str(form.word) if form else words[head])
    return sentence_case(" ".join([*out, *words[head + 1 :]]))


def need_kind(text: str, language: str) -> str:
    """How a need is phrased: "np" (a thing), "inf" (an action), "state" (an adverb, "без очереди")."""
    first = unquote(text).split(" ", 1)[0]
    if language != "ru":
        return "inf" if first.casefold() == "to" else "np"
    tag = parses(first.casefold())[0].tag if first else None
    if tag is not None and tag.POS == "INFN":
        return "inf"
    if tag is not None and tag.POS in {"ADVB", "PREP", "PRCL", "CONJ"}:
        return "state"
    return "np" if noun_phrase(lower_first(unquote(text))) is not None else "state"


@lru_cache(maxsize=4096)
def need_wordings(text: str, language: str) -> tuple[Wording, ...]:
    """Two articles on a need, each in the pattern its phrasing allows."""
    text = unquote(text)
    kind = need_kind(text, language)
    lower = lower_first(text)
    if kind == "inf":
        verb = re.sub(r"^to\s+", "", lower, flags=re.IGNORECASE)
        return (fill("need_inf", language, text=verb), fill("need_steps", language, text=verb))
    if kind == "state":
        return (fill("need_why", language, text=lower), fill("need_state", language, text=lower))
    if language == "ru":
        phrase = noun_phrase(lower)
        assert phrase is not None
        loc = inflect(phrase, "loct")
        return (
            fill("need_np", language, needed=needed(phrase), text=lower),
            fill("need_about", language, o=prep_o(loc), s_loc=loc, text=lower),
        )
    return (fill("need_np", language, text=lower), fill("need_about", language, text=lower))


@lru_cache(maxsize=4096)
def pain_wordings(text: str, language: str, fixed: bool) -> tuple[Wording, ...]:
    """Two articles on a pain: what we changed (once the fix has started) or are changing, and why
    it happens; an absence ("нет цен на сайте") is named by what is missing."""
    text = unquote(text)
    thing = absent_thing(text, language)
    state = "fixed" if fixed else "changing"
    first = (
        fill(f"absent_{state}", language, x=thing)
        if thing
        else fill(f"pain_{state}", language, text_q=quoted(text, language))
    )
    return (first, fill("pain_avoid", language, text_q=quoted(text, language)), _pain_what(text, thing, language))


def _pain_what(text: str, thing: str | None, language: str) -> Wording:
    """ "Что делать, если …" for a clause or an absence, "Что делать при простое линии" for a noun
    phrase; English: "Dealing with crowded lanes", "No sports massage? What you can do"."""
    if language != "ru":
        if thing:
            return fill("absent_what", language, text=sentence_case(text))
        return fill("pain_what", language, text_low=lower_first(text))
    phrase = None if thing or is_clause(text) else noun_phrase(lower_first(text))
    if phrase is not None:
        return fill("np_what", language, s_loc=inflect(phrase, "loct"))
    return fill("pain_what", language, text_low=lower_first(text))


@lru_cache(maxsize=4096)
def weakness_wording(text: str, language: str) -> tuple[Wording, ...]:
    """A competitor's weakness as what we do instead — never "Нет X? Не у нас", which reads as ours —
    and as what a buyer should check."""
    text = unquote(text)
    thing = absent_thing(text, language)
    first = (
        fill("weakness_absent", language, x=thing)
        if thing
        else fill("weakness", language, text_q=quoted(text, language))
    )
    return (first, fill("weakness_check", language, text_q=quoted(text, language)))


@lru_cache(maxsize=4096)
def occasion_wording(text: str, language: str) -> Wording:
    """The plan's own occasion: "Готовимся ко Дню рождения пекарни" (the dative, pymorphy3), or
    quoted when it is no noun phrase ("«Нам 5 лет!»")."""
    text = unquote(text)
    if language != "ru":
        return fill("occasion", language, text=text)
    phrase = noun_phrase(text)
    if phrase is None:
        return fill("occasion_quote", language, text_q=quoted(text, language))
    dative = inflect(phrase, "datv")
    return fill("occasion", language, to="ко" if dative.casefold().startswith(_KO_BEFORE) else "к", text=dative)


def intent_label(intent: Intent) -> str:
    """ "торт на заказ · Москва, Бибирево": the service and its places, for the brief."""
    return " · ".join(p for p in (intent.service, ", ".join(intent.places)) if p)


def intent_wording(
    intent: Intent, pattern: str, language: str, names: Mapping[str, str], **extra: str
) -> Wording | None:
    """The intent in a pattern, or None when its grammar or its material does not allow it."""
    forms = service_forms(intent.service, language)
    if forms is None and pattern == "topic":  # a text the grammar cannot read: a pattern with no agreement
        return fill("topic", language, s=intent.service)
    if forms is None or (pattern in ("price", "case", "segment", "when", "myths", "duration") and intent.venue):
        return None
    if pattern == "local" and not extra.get("place"):
        extra = {**extra, "place": " рядом с домом" if language == "ru" else " near you"}
    if pattern == "segment":
        segment = segment_forms(names.get(extra.get("segment", intent.segment), ""), language)
        if segment is None:
            return None
        forms = {**forms, **segment}
    if language == "ru" and intent.action and f"{pattern}_{intent.action}" in PATTERNS:
        pattern = f"{pattern}_{intent.action}"  # "Где сделать замену масла", not "Как выбрать замену масла"
    elif language == "ru" and intent.action == "do" and f"{pattern}_do" in PATTERNS:
        pattern = f"{pattern}_do"
    return fill(pattern, language, **forms, where=where(intent.places, language), **extra)
