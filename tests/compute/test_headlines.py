"""The grammar under the headlines: noun phrases read and inflected by pymorphy3, prepositions,
places in the locative, quotes never doubled, refresh and repurpose task titles."""

from __future__ import annotations

import pytest

from generator.compute.headlines import (
    accusative,
    costs,
    in_places,
    inflect,
    is_clause,
    lemma,
    lower_first,
    needed,
    noun_phrase,
    place_case,
    prep_o,
    prep_v,
    quoted,
    sentence_case,
    task_title,
    unquote,
    which,
)


def test_noun_phrase_and_inflection() -> None:
    phrase = noun_phrase("свежий хлеб утром")
    assert phrase is not None and (phrase.number, phrase.gender) == ("sing", "masc")
    assert inflect(phrase, "gent") == "свежего хлеба утром"  # "утром" is no part of the agreement
    assert noun_phrase("быстро") is None
    assert noun_phrase("без очереди") is None
    assert noun_phrase("свежая хлеб") is None  # an adjective that does not agree: no phrase
    # a postposed adjective agrees too; capitals kept
    christmas = noun_phrase("Рождество Христово")
    assert christmas is not None and inflect(christmas, "datv") == "Рождеству Христову"


@pytest.mark.parametrize(
    ("text", "acc", "which_acc", "needed_", "costs_"),
    [
        ("свежий хлеб", "свежий хлеб", "какой", "Нужен", "стоит"),  # inanimate: accusative = nominative
        ("детский стоматолог", "детского стоматолога", "какого", "Нужен", "стоит"),  # animate: = genitive
        ("профессиональная чистка зубов", "профессиональную чистку зубов", "какую", "Нужна", "стоит"),
        ("лечение кариеса", "лечение кариеса", "какое", "Нужно", "стоит"),
        ("промышленные насосы", "промышленные насосы", "какие", "Нужны", "стоят"),
        ("онлайн-запись", "онлайн-запись", "какую", "Нужна", "стоит"),  # the compound declines its last part
        ("детская стоматология", "детскую стоматологию", "какую", "Нужна", "стоит"),  # "детская" is no noun here
    ],
)
def test_agreement_with_a_phrase(text: str, acc: str, which_acc: str, needed_: str, costs_: str) -> None:
    phrase = noun_phrase(text)
    assert phrase is not None
    assert (accusative(phrase), which(phrase, accusative=True), needed(phrase), costs(phrase)) == (
        acc,
        which_acc,
        needed_,
        costs_,
    )


def test_places_and_prepositions() -> None:
    assert place_case("Бибирево") == "Бибиреве"
    assert place_case("Нижний Новгород") == "Нижнем Новгороде"
    assert in_places(["Москва", "Бибирево"], "ru") == "в Москве и Бибиреве"
    assert in_places(["Cork", "Dublin", "Galway"], "en") == "in Cork, Dublin and Galway"
    assert in_places([], "ru") == ""
    assert (prep_v("Владимире"), prep_v("Москве"), prep_v("Вологде")) == ("во", "в", "в")
    assert (prep_o("услуге"), prep_o("торте")) == ("об", "о")


def test_quotes_never_doubled_and_sentence_case() -> None:
    assert unquote("«««не дозвониться»»»") == "не дозвониться"
    assert quoted("«не дозвониться»", "ru") == "«Не дозвониться»"
    assert quoted("slow quotes", "en") == "“Slow quotes”"
    assert sentence_case("  торт   на заказ ") == "Торт на заказ"
    assert sentence_case("«хлеб»") == "«Хлеб»"
    assert lower_first("Доставка") == "доставка"
    assert lower_first("ATEX certificates") == "ATEX certificates"  # an abbreviation keeps its capitals
    assert lower_first("Москва рядом") == "Москва рядом"  # a place keeps its capital


def test_lemmas_and_clauses() -> None:
    assert lemma("торта") == "торт"
    assert lemma("Pumps") == "pump"
    assert is_clause("ребёнок боится стоматолога")
    assert not is_clause("простой линии")


def test_task_titles_quote_the_article_once() -> None:
    assert task_title("refresh", "Как выбрать хлеб", "ru") == "Обновить статью «Как выбрать хлеб»"
    assert task_title("refresh", "«Как выбрать хлеб»", "ru") == "Обновить статью «Как выбрать хлеб»"
    assert task_title("repurpose", "Rye", "en", "Street chat") == "Post from “Rye” · Street chat"
