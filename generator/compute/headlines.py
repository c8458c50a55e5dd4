"""Working titles: a query, need, pain or weakness worked into a headline in the plan's language.

A client who subscribes to the calendar reads these titles, so a raw lower-case search query
("торт на заказ москва") never stands alone: each source has a template per language that
turns its text into a phrase, in sentence case. Where a Russian template needs the text in
another form — "Нужен / Нужна / Нужны …?" agrees with the need's head noun, "Готовимся к …"
puts an occasion's name into the dative — the phrase is inflected with pymorphy3, never with
hand-written endings. Text the dictionary cannot read as a noun phrase (an adverb such as
"быстро", a phrase such as "без очереди") goes into a template that needs no agreement.

Place names in a query are capitalised (pymorphy3's `Geox` tag for Russian, babel's country
names for English), so "пекарня рядом москва" reads "… Москва".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pymorphy3
from babel import Locale

# Templates per source and language. `{text}` is the source text in sentence case; the
# `_np` variants are used when the text is a Russian noun phrase that the template inflects.
TEMPLATES: dict[str, dict[str, str]] = {
    "demand": {
        "ru": "{text}: как выбрать и на что смотреть",
        "en": "{text}: how to choose and what to look for",
    },
    "need": {
        "ru": "{text}: вот как мы это устроили",
        "en": "Need {lower}? Here is how we arrange it",
    },
    "need_np": {"ru": "{need} {lower}? Вот как мы это устроили"},
    # an adverb or a prepositional phrase ("быстро", "без очереди") as a state to reach
    "need_state": {"ru": "Чтобы было {lower}: вот как мы это устроили"},
    "pain": {
        "ru": "«{text}»: как мы решаем эту проблему",
        "en": "“{text}”: how we solve it",
    },
    "competitor": {
        "ru": "{text}? Не у нас: как мы работаем иначе",
        "en": "{text}? Not with us: how we work instead",
    },
    "occasion": {
        "ru": "«{text}»: готовимся заранее",
        "en": "Getting ready for {text}: ideas and tips",
    },
    "occasion_np": {"ru": "Готовимся {to} {dative}: идеи и советы"},
    "angle.faq": {
        "ru": "{text}: ответы на частые вопросы",
        "en": "{text}: answers to frequent questions",
    },
    "angle.comparison": {
        "ru": "{text}: сравниваем варианты",
        "en": "{text}: comparing the options",
    },
    "angle.checklist": {
        "ru": "{text}: короткий чек-лист",
        "en": "{text}: a short checklist",
    },
    "angle.price": {
        "ru": "{text}: сколько стоит и из чего складывается цена",
        "en": "{text}: what it costs and why",
    },
    "angle.case": {
        "ru": "{text}: история одного клиента",
        "en": "{text}: one customer's story",
    },
    "refresh": {
        "ru": "Обновить статью «{text}»",
        "en": "Refresh “{text}”",
    },
    "repurpose": {
        "ru": "Пост по статье «{text}» · {place}",
        "en": "Post from “{text}” · {place}",
    },
}

# "Нужен свежий хлеб", "Нужна доставка", "Нужно фото", "Нужны цены": the predicate agrees
# with the head noun's gender and number (pymorphy3 tags).
_NEEDED = {"masc": "Нужен", "femn": "Нужна", "neut": "Нужно", "plur": "Нужны"}
# The preposition "к" takes its euphonic form before these clusters ("ко Дню Победы").
_KO_BEFORE = ("дн", "мн", "вс", "вт")


@lru_cache(maxsize=1)
def morph_analyzer() -> Any:
    """One analyser per process, shared with `generator.present.format` (loading the dictionaries
    takes a tenth of a second)."""
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=8192)
def _parse(word: str) -> tuple[Any, ...]:
    """pymorphy3's parses of a word (cached: a plan's titles repeat their words many times)."""
    return tuple(morph_analyzer().parse(word))


@lru_cache(maxsize=1)
def _english_places() -> frozenset[str]:
    """Country and territory names in English, lower-cased, for capitalising queries."""
    return frozenset(name.casefold() for name in Locale.parse("en").territories.values() if " " not in name)


def sentence_case(text: str) -> str:
    """The first letter upper-case, the rest as written (names and abbreviations keep theirs)."""
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def _capitalise_places(text: str, language: str) -> str:
    """Place names in a lower-case query capitalised: "торт москва" → "торт Москва"."""
    words = text.split()
    out = []
    for word in words:
        if word.islower():
            russian = language == "ru" and any("Geox" in p.tag for p in _parse(word)[:1])
            if russian or (language == "en" and word.casefold() in _english_places()):
                word = word.capitalize()
        out.append(word)
    return " ".join(out)


def query_phrase(query: str, language: str) -> str:
    """A search query as the start of a headline: places capitalised, sentence case."""
    return sentence_case(_capitalise_places(query, language))


@dataclass(frozen=True)
class NounPhrase:
    """A Russian phrase read as [agreeing adjectives] head noun [agreeing adjectives] tail."""

    words: tuple[str, ...]
    parses: tuple[Any, ...]  # pymorphy3 parses of the words that agree (the rest: None)
    number: str  # "sing" or "plur"
    gender: str | None  # "masc", "femn", "neut" (None in the plural)


def _nominative(word: str, pos: set[str]) -> Any:
    """The first pymorphy3 parse of `word` in the nominative with a part of speech in `pos`."""
    for parse in _parse(word):
        if parse.tag.POS in pos and parse.tag.case == "nomn":
            return parse
    return None


def noun_phrase(text: str) -> NounPhrase | None:
    """`text` read as a nominative noun phrase, or None (an adverb, a preposition first, …)."""
    words = tuple(text.split())
    parses: list[Any] = [None] * len(words)
    head = None
    for index, word in enumerate(words):
        noun = _nominative(word.strip(",.!?"), {"NOUN"})
        if noun is not None:
            head = index
            parses[index] = noun
            break
        adjective = _nominative(word, {"ADJF", "PRTF"})
        if adjective is None:
            return None
        parses[index] = adjective
    if head is None:
        return None
    noun = parses[head]
    number = noun.tag.number or "sing"
    gender = noun.tag.gender if number == "sing" else None
    for index in range(head):  # the adjectives before the head must agree with it
        tag = parses[index].tag
        if tag.number != number or (gender and tag.gender and tag.gender != gender):
            return None
    for index in range(head + 1, len(words)):  # "Рождество Христово": a postposed adjective agrees too
        parse = _nominative(words[index], {"ADJF", "PRTF"})
        if parse is None or parse.tag.number != number or (gender and parse.tag.gender != gender):
            break
        parses[index] = parse
    return NounPhrase(words, tuple(parses), number, gender)


def inflect(phrase: NounPhrase, case: str) -> str:
    """The phrase in `case` (pymorphy3 grammeme, e.g. "datv"), each word keeping its capitals."""
    out = []
    for word, parse in zip(phrase.words, phrase.parses, strict=True):
        form = parse.inflect({case, phrase.number}) if parse is not None else None
        if form is None and parse is not None:
            form = parse.inflect({case})
        new = form.word if form is not None else word
        if word[:1].isupper():
            new = new[:1].upper() + new[1:]
        out.append(new)
    return " ".join(out)


def _is_state(text: str) -> bool:
    """The text starts with an adverb or a preposition ("быстро", "без очереди"): a state, not a thing."""
    first = text.split(" ", 1)[0]
    parses = _parse(first)
    return bool(parses) and parses[0].tag.POS in {"ADVB", "PREP"}


def _to(word: str) -> str:
    """"к" or, before a cluster that needs it, "ко"."""
    return "ко" if word.casefold().startswith(_KO_BEFORE) else "к"


def _fill(key: str, language: str, **values: str) -> str:
    table = TEMPLATES[key]
    return sentence_case((table[language] if language in table else table["en"]).format(**values))


@lru_cache(maxsize=8192)
def headline(source: str, text: str, language: str, angle: str | None = None) -> str:
    """The working title of a new idea from `source` ("demand", "need", …) and its text."""
    text = " ".join(text.split())
    if source == "backlog":
        return sentence_case(text)
    if source in ("demand", "angle"):
        key = "demand" if source == "demand" else f"angle.{angle}"
        return _fill(key, language, text=query_phrase(text, language))
    if language == "ru" and source in ("need", "occasion"):
        phrase = noun_phrase(text)
        if phrase is not None and source == "need":
            needed = _NEEDED["plur" if phrase.number == "plur" else phrase.gender or "masc"]
            return _fill("need_np", language, need=needed, lower=_lower_first(text))
        if source == "need" and _is_state(text):
            return _fill("need_state", language, lower=_lower_first(text))
        if phrase is not None:
            dative = inflect(phrase, "datv")
            return _fill("occasion_np", language, to=_to(dative), dative=dative)
    return _fill(source, language, text=sentence_case(text), lower=_lower_first(text))


def _lower_first(text: str) -> str:
    """The text with its first letter lower-case, unless the word is an abbreviation or a name in capitals."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:2].isupper():
        return text
    return text[:1].lower() + text[1:]


def task_title(kind: str, title: str, language: str, place: str | None = None) -> str:
    """The working title of a refresh or repurpose task (the article's own title quoted)."""
    return _fill(kind, language, text=" ".join(title.split()), place=" ".join((place or "").split()))
