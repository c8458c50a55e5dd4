"""Working titles read as text: headlines in sentence case, the source text worked into a phrase,
and Russian agreement where a template inflects (pymorphy3)."""

from __future__ import annotations

import pytest

from generator.compute.headlines import headline, inflect, noun_phrase, query_phrase, task_title


def is_sentence_case(title: str) -> bool:
    return title[:1].isupper() or title[:1] in "«“"


@pytest.mark.parametrize(
    ("source", "text", "angle", "expected"),
    [
        ("demand", "торт на заказ москва", None, "Торт на заказ Москва: как выбрать и на что смотреть"),
        ("demand", "пекарня рядом", None, "Пекарня рядом: как выбрать и на что смотреть"),
        ("angle", "бенто торт", "faq", "Бенто торт: ответы на частые вопросы"),
        ("angle", "бенто торт", "comparison", "Бенто торт: сравниваем варианты"),
        ("angle", "бенто торт", "checklist", "Бенто торт: короткий чек-лист"),
        ("angle", "бенто торт", "price", "Бенто торт: сколько стоит и из чего складывается цена"),
        ("angle", "бенто торт", "case", "Бенто торт: история одного клиента"),
        ("pain", "нет хлеба к вечеру", None, "«Нет хлеба к вечеру»: как мы решаем эту проблему"),
        ("competitor", "хлеб привозной", None, "Хлеб привозной? Не у нас: как мы работаем иначе"),
        ("backlog", "как выбрать свежий хлеб", None, "Как выбрать свежий хлеб"),
    ],
)
def test_russian_titles(source: str, text: str, angle: str | None, expected: str) -> None:
    title = headline(source, text, "ru", angle)
    assert title == expected
    assert is_sentence_case(title)
    if source != "backlog":
        assert title.casefold() != text.casefold()  # never the raw text alone


@pytest.mark.parametrize(
    ("need", "expected"),
    [
        # the predicate agrees with the head noun: masculine, feminine, neuter, plural
        ("свежий хлеб утром", "Нужен свежий хлеб утром? Вот как мы это устроили"),
        ("доставка", "Нужна доставка? Вот как мы это устроили"),
        ("место для ребёнка", "Нужно место для ребёнка? Вот как мы это устроили"),
        ("свежие булочки", "Нужны свежие булочки? Вот как мы это устроили"),
        # an adverb or a prepositional phrase is a state to reach, not a thing
        ("быстро", "Чтобы было быстро: вот как мы это устроили"),
        ("без очереди", "Чтобы было без очереди: вот как мы это устроили"),
    ],
)
def test_russian_need_titles_agree(need: str, expected: str) -> None:
    assert headline("need", need, "ru") == expected


@pytest.mark.parametrize(
    ("occasion", "expected"),
    [
        # the occasion's name in the dative, adjectives agreeing; "ко" before "Дн…"
        ("Новый год", "Готовимся к Новому году: идеи и советы"),
        ("Международный женский день", "Готовимся к Международному женскому дню: идеи и советы"),
        ("День Победы", "Готовимся ко Дню Победы: идеи и советы"),
        ("Рождество Христово", "Готовимся к Рождеству Христову: идеи и советы"),
        ("Новогодние каникулы", "Готовимся к Новогодним каникулам: идеи и советы"),
        ("День рождения пекарни", "Готовимся ко Дню рождения пекарни: идеи и советы"),
        # not a noun phrase: quoted as it is
        ("Нам 5 лет!", "«Нам 5 лет!»: готовимся заранее"),
    ],
)
def test_russian_occasion_titles_inflect(occasion: str, expected: str) -> None:
    assert headline("occasion", occasion, "ru") == expected


def test_noun_phrase_and_inflection() -> None:
    phrase = noun_phrase("свежий хлеб утром")
    assert phrase is not None and (phrase.number, phrase.gender) == ("sing", "masc")
    assert inflect(phrase, "gent") == "свежего хлеба утром"  # "утром" is no part of the agreement
    assert noun_phrase("быстро") is None
    assert noun_phrase("без очереди") is None
    assert noun_phrase("свежая хлеб") is None  # an adjective that does not agree: no phrase


@pytest.mark.parametrize(
    ("source", "text", "angle", "expected"),
    [
        (
            "demand",
            "industrial pump supplier ireland",
            None,
            "Industrial pump supplier Ireland: how to choose and what to look for",
        ),
        ("angle", "atex motor", "price", "Atex motor: what it costs and why"),
        ("need", "the exact spare part", None, "Need the exact spare part? Here is how we arrange it"),
        ("need", "ATEX certificates", None, "Need ATEX certificates? Here is how we arrange it"),
        ("pain", "quotes that take two days", None, "“Quotes that take two days”: how we solve it"),
        ("competitor", "slow quotes", None, "Slow quotes? Not with us: how we work instead"),
        ("occasion", "Saint Patrick's Day", None, "Getting ready for Saint Patrick's Day: ideas and tips"),
    ],
)
def test_english_titles(source: str, text: str, angle: str | None, expected: str) -> None:
    title = headline(source, text, "en", angle)
    assert title == expected
    assert is_sentence_case(title) and title.casefold() != text.casefold()


def test_place_names_in_queries_and_task_titles() -> None:
    assert query_phrase("свежий хлеб бибирево", "ru") == "Свежий хлеб Бибирево"
    assert query_phrase("bakery  near   me", "en") == "Bakery near me"
    assert task_title("refresh", "Как выбрать хлеб", "ru") == "Обновить статью «Как выбрать хлеб»"
    assert task_title("repurpose", "Rye", "en", "Street chat") == "Post from “Rye” · Street chat"
