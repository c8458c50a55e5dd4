"""The grammar of working titles: Russian noun phrases read and inflected with pymorphy3, English
articles and lists, sentence case — so a headline pattern (`generator.compute.patterns`) can put
a service, a place or a segment into the case its wording needs and agree with it.

Russian needs agreement wherever a pattern puts a phrase next to a word that depends on it:
"Какой торт / Какая доставка / Какие цены", "Сколько стоит / стоят", "в Москве", "о доставке /
об услуге", "для жителей соседних домов". Hand-written endings would be wrong for half the
words, so the phrase is parsed (`noun_phrase`) and inflected (`inflect`) by the dictionary; a
text it cannot read as a noun phrase goes to a pattern that needs no agreement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pymorphy3

# "Нужен свежий хлеб", "Нужна доставка", "Нужно фото", "Нужны цены": the predicate agrees
# with the head noun's gender and number (pymorphy3 tags).
_NEEDED = {"masc": "Нужен", "femn": "Нужна", "neut": "Нужно", "plur": "Нужны"}
_WHICH = {"masc": "какой", "femn": "какая", "neut": "какое", "plur": "какие"}
_WHICH_ACC = {"masc": "какой", "femn": "какую", "neut": "какое", "plur": "какие"}
# Quotation marks a plan may already have put around a text: stripped before quoting again.
_QUOTES = "«»“”„\"'‘’"
_REFRESH = {"ru": "Обновить статью «{text}»", "en": "Refresh “{text}”"}
_REPURPOSE = {"ru": "Пост по статье «{text}» · {place}", "en": "Post from “{text}” · {place}"}


@lru_cache(maxsize=1)
def morph_analyzer() -> Any:
    """One analyser per process, shared with `generator.present.format` (loading the dictionaries
    takes a tenth of a second)."""
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=8192)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's parses of a word (cached: a plan's titles repeat their words many times)."""
    return tuple(morph_analyzer().parse(word))


def lemma(word: str) -> str:
    """The dictionary form of a word (Russian) or the word case-folded (anything else)."""
    word = word.strip(_QUOTES + ",.!?:;").casefold()
    if (word and "а" <= word[0] <= "я") or word[:1] == "ё":
        found = parses(word)
        return str(found[0].normal_form) if found else word
    return word[:-1] if word.endswith("s") and len(word) > 3 and not word.endswith("ss") else word


def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form a word may have ("тортов": "торт" and "тортовый"), for asking whether
    two phrases share a word without trusting the first reading."""
    word = word.strip(_QUOTES + ",.!?:;").casefold()
    return frozenset({str(p.normal_form) for p in parses(word)} | {word}) if word else frozenset()


def sentence_case(text: str) -> str:
    """The first letter upper-case, the rest as written (names and abbreviations keep theirs)."""
    text = " ".join(text.split())
    index = next((i for i, ch in enumerate(text) if ch.isalnum()), 0)
    return text[:index] + text[index : index + 1].upper() + text[index + 1 :]


def lower_first(text: str) -> str:
    """The text with its first letter lower-case, unless the word is an abbreviation or a name."""
    first = text.split(" ", 1)[0]
    if (len(first) > 1 and first[1:2].isupper()) or is_name(first):
        return text
    return text[:1].lower() + text[1:]


def is_name(word: str) -> bool:
    """A Russian proper name (a place, a person's name): it keeps its capital inside a sentence."""
    found = parses(word.casefold()) if word[:1].isalpha() else ()
    return bool(found) and word[:1].isupper() and any(t in found[0].tag for t in ("Geox", "Name", "Surn"))


def unquote(text: str) -> str:
    """The text without quotation marks around it, so a pattern never doubles them."""
    text = " ".join(text.split())
    while len(text) > 1 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    return text


def quoted(text: str, language: str) -> str:
    """A complaint quoted once, in the language's marks, its first letter upper-case."""
    inner = sentence_case(unquote(text))
    return f"«{inner}»" if language == "ru" else f"“{inner}”"


@dataclass(frozen=True)
class NounPhrase:
    """A Russian phrase read as [agreeing adjectives] head noun [agreeing adjectives] tail."""

    words: tuple[str, ...]
    parses: tuple[Any, ...]  # pymorphy3 parses of the words that agree (the rest: None)
    number: str  # "sing" or "plur"
    gender: str | None  # "masc", "femn", "neut" (None in the plural)

    @property
    def animate(self) -> bool:
        """The head noun names a person or an animal (its accusative is its genitive)."""
        return any(p is not None and p.tag.POS == "NOUN" and "anim" in p.tag for p in self.parses)

    @property
    def kind(self) -> str:
        """The key of the agreement tables: the gender, or "plur"."""
        return "plur" if self.number == "plur" else self.gender or "masc"


def _nominative(word: str, pos: set[str]) -> Any:
    """The first pymorphy3 parse of `word` in the nominative with a part of speech in `pos`."""
    for parse in parses(word.casefold()):
        if parse.tag.POS in pos and parse.tag.case == "nomn":
            return parse
    return None


def _agrees(adjective: Any, noun: Any) -> bool:
    """An adjective's parse agrees with a noun's in number and, in the singular, gender."""
    number = noun.tag.number or "sing"
    return bool(adjective.tag.number == number and (number == "plur" or adjective.tag.gender == noun.tag.gender))


def is_clause(text: str) -> bool:
    """The text has a verb ("ребёнок боится стоматолога"): a clause, not a noun phrase."""
    words = [w.casefold().strip(",.!?") for w in text.split()]
    return any(p[0].tag.POS in {"VERB", "INFN", "PRED"} for p in (parses(w) for w in words if w) if p)


def _head_word(word: str) -> str:
    """The part of a hyphenated compound that declines: "онлайн-запись" → "запись"."""
    head = word.rsplit("-", 1)[-1]
    return head if "-" in word and len(head) > 2 else word


def noun_phrase(text: str) -> NounPhrase | None:
    """`text` read as a nominative noun phrase, or None (an adverb, a preposition first, …)."""
    words = tuple(text.split())
    found: list[Any] = [None] * len(words)
    head = None
    for index, word in enumerate(words):
        noun = _nominative(_head_word(word.strip(",.!?")), {"NOUN"})
        following = _nominative(words[index + 1], {"NOUN"}) if index + 1 < len(words) else None
        if noun is not None and "Fixd" in noun.tag and following is not None:
            continue  # "бенто торт": an indeclinable word before the noun it describes
        adjective = _nominative(word, {"ADJF", "PRTF"})
        if noun is not None and adjective is not None and following is not None and _agrees(adjective, following):
            found[index] = adjective  # "детская стоматология": "детская" describes, it is no noun here
            continue
        if noun is not None:
            head = index
            found[index] = noun
            break
        if adjective is None:
            return None
        found[index] = adjective
    if head is None:
        return None
    noun = found[head]
    number = noun.tag.number or "sing"
    gender = noun.tag.gender if number == "sing" else None
    if gender is None and number == "sing":
        gender = "masc"
    for index in range(head):  # the adjectives before the head must agree with it
        tag = found[index].tag if found[index] is not None else None
        if tag is not None and (tag.number != number or (gender and tag.gender and tag.gender != gender)):
            return None
    for index in range(head + 1, len(words)):  # "Рождество Христово": a postposed adjective agrees too
        parse = _nominative(words[index], {"ADJF", "PRTF"})
        if parse is None or parse.tag.number != number or (gender and parse.tag.gender != gender):
            break
        found[index] = parse
    return NounPhrase(words, tuple(found), number, gender)


def _inflect_word(word: str, parse: Any, case: str, number: str, agree: frozenset[str] = frozenset()) -> str:
    if "-" in word and _head_word(word) != word:  # "онлайн-запись" → "онлайн-записи"
        prefix, last = word.rsplit("-", 1)
        return f"{prefix}-{_inflect_word(last, parse, case, number, agree)}"
    wanted = {case, number}
    if parse.tag.POS in {"ADJF", "PRTF"}:
        wanted |= agree  # the adjective takes its noun's gender and, in the accusative, its animacy
    form = parse.inflect(wanted) or parse.inflect({case, number}) or parse.inflect({case})
    new = str(form.word) if form is not None else word
    if word[:1].isupper():
        new = new[:1].upper() + new[1:]
    if word.isupper() and len(word) > 1:
        new = new.upper()
    return new


def inflect(phrase: NounPhrase, case: str) -> str:
    """The phrase in `case` (pymorphy3 grammeme, e.g. "datv"), each word keeping its capitals."""
    agree = {phrase.gender} if phrase.number == "sing" and phrase.gender else set()
    if case == "accs" and (phrase.number == "plur" or phrase.gender == "masc"):
        agree.add("anim" if phrase.animate else "inan")  # "свежий хлеб", but "детского стоматолога"
    return " ".join(
        _inflect_word(word, parse, case, phrase.number, frozenset(agree)) if parse is not None else word
        for word, parse in zip(phrase.words, phrase.parses, strict=True)
    )


def needed(phrase: NounPhrase) -> str:
    """ "Нужен / Нужна / Нужно / Нужны", agreeing with the phrase."""
    return _NEEDED[phrase.kind]


def which(phrase: NounPhrase, accusative: bool = False) -> str:
    """ "какой / какая / какое / какие" (or the accusative, for "выбрать какую / какого …")."""
    if accusative and phrase.animate and phrase.kind in ("masc", "plur"):
        return "какого" if phrase.kind == "masc" else "каких"
    return (_WHICH_ACC if accusative else _WHICH)[phrase.kind]


def costs(phrase: NounPhrase) -> str:
    """ "стоит" or, for a plural, "стоят"."""
    return "стоят" if phrase.number == "plur" else "стоит"


def accusative(phrase: NounPhrase) -> str:
    """The accusative ("свежий хлеб", "детского стоматолога": `inflect` follows the noun's animacy)."""
    return inflect(phrase, "accs")


def prep_v(word: str) -> str:
    """ "в" or "во" before "в"/"ф" and a consonant ("во Владимире")."""
    low = word.casefold()
    return "во" if len(low) > 1 and low[0] in "вф" and low[1] not in "аеёиоуыэюя" else "в"


def prep_o(word: str) -> str:
    """ "о" or "об" before a vowel ("об услуге")."""
    return "об" if word[:1].casefold() in "аиоуэ" else "о"


@lru_cache(maxsize=4096)
def place_case(place: str, case: str = "loct") -> str:
    """A place name in a case ("Бибирево" → "Бибиреве", "Нижний Новгород" → "Нижнем Новгороде")."""
    phrase = noun_phrase(place)
    return inflect(phrase, case) if phrase is not None else place


def and_list(items: Sequence[str], language: str) -> str:
    """ "A", "A и B", "A, B и C" (en: "A and B", "A, B and C")."""
    items = list(items)
    joiner = " и " if language == "ru" else " and "
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + joiner + items[-1]


def in_places(places: Sequence[str], language: str) -> str:
    """ "в Москве и Бибиреве" / "in Cork and Dublin"; "" without places."""
    if not places:
        return ""
    if language == "ru":
        forms = [place_case(p) for p in places]
        return f"{prep_v(forms[0])} {and_list(forms, language)}"
    return f"in {and_list(list(places), language)}"


def article(phrase: str) -> str:
    """English "a"/"an" before a countable singular noun phrase."""
    return "an" if phrase[:1].casefold() in "aeio" or phrase[:2].casefold() in ("ho",) else "a"


def task_title(kind: str, title: str, language: str, place: str | None = None) -> str:
    """The working title of a refresh or repurpose task (the article's own title quoted once)."""
    table = _REFRESH if kind == "refresh" else _REPURPOSE
    text = unquote(" ".join(title.split()))
    return table["ru" if language == "ru" else "en"].format(text=text, place=" ".join((place or "").split()))
