"""Headlines as a copywriter reads them: each pattern worked by hand in Russian and English, and a
corpus of every title the idea engine writes for the shipped plans and four test plans (an
auto-service, a clinic, a fitness club, a B2B firm), checked for grammar with pymorphy3: every
adjective agrees with the noun after it, no punctuation or quotes doubled, no raw query."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from generator.compute.headlines import parses
from generator.compute.schedule import compute_plan_calendar
from generator.compute.wording import (
    absent_thing,
    fill,
    need_kind,
    need_wordings,
    occasion_wording,
    pain_wordings,
    service_forms,
    weakness_wording,
    where,
)
from generator.load.loader import load_plan
from tests.conftest import PLANS, TESTDATA

IDEA_PLANS = sorted((TESTDATA / "ideas").glob("*.yaml"))
CORPUS_PLANS = [PLANS / "kolosok.yaml", PLANS / "northwind.yaml", *IDEA_PLANS]


def intent_title(pattern: str, service: str, language: str, places: tuple[str, ...] = (), **extra: str) -> str:
    forms = service_forms(service, language)
    assert forms is not None
    return fill(pattern, language, **forms, where=where(places, language), **extra).title


@pytest.mark.parametrize(
    ("pattern", "service", "places", "expected"),
    [
        # the accusative of an inanimate masculine is its nominative; places in the locative
        (
            "howto",
            "торт на заказ",
            ("Москва", "Бибирево"),
            "Как выбрать торт на заказ в Москве и Бибиреве: на что смотреть",
        ),
        # a feminine phrase: adjective and noun both in the accusative
        ("howto", "профессиональная чистка зубов", (), "Как выбрать профессиональную чистку зубов: на что смотреть"),
        # an animate noun: its accusative is its genitive, and so is the adjective's
        ("comparison", "детский стоматолог", (), "Какого детского стоматолога выбрать: сравниваем варианты"),
        ("comparison", "замена масла", (), "Какую замену масла выбрать: сравниваем варианты"),
        ("comparison", "промышленные насосы", (), "Какие промышленные насосы выбрать: сравниваем варианты"),
        # "стоит / стоят" by number
        ("price", "ремонт тормозов", (), "Сколько стоит ремонт тормозов и из чего складывается цена"),
        ("price", "промышленные насосы", (), "Сколько стоят промышленные насосы и из чего складывается цена"),
        # "о / об" and the locative
        ("faq", "торт на заказ", (), "Частые вопросы о торте на заказ — и наши ответы"),
        ("faq", "онлайн-запись", (), "Частые вопросы об онлайн-записи — и наши ответы"),
        ("mistakes", "свежий хлеб", (), "5 ошибок при выборе свежего хлеба"),
        # "Нужен / Нужна / Нужно / Нужны", lower-case inside the sentence
        ("when", "замена масла", (), "Когда нужна замена масла: признаки и сроки"),
        ("when", "лечение кариеса", (), "Когда нужно лечение кариеса: признаки и сроки"),
        ("myths", "имплантация зубов", (), "Мифы об имплантации зубов: что правда, а что нет"),
        ("checklist", "бенто торт", (), "Чек-лист: что проверить, когда выбираете бенто торт"),
        ("case", "шиномонтаж", (), "Случай из практики: шиномонтаж — от заявки до результата"),
        (
            "duration",
            "диагностика подвески",
            (),
            "Сколько времени занимает диагностика подвески: от записи до результата",
        ),
    ],
)
def test_russian_intent_patterns(pattern: str, service: str, places: tuple[str, ...], expected: str) -> None:
    assert intent_title(pattern, service, "ru", places) == expected


def test_russian_local_segment_and_rival() -> None:
    assert (
        intent_title("local", "свежий хлеб", "ru", place=where(["Бибирево"], "ru"))
        == "Свежий хлеб в Бибиреве: где найти и как не ошибиться"
    )
    assert (
        intent_title("local", "промышленные насосы", "ru", place=where(["Свердловская область"], "ru"))
        == "Промышленные насосы в Свердловской области: где найти и как не ошибиться"
    )
    # "во" before "в" and a consonant
    assert where(["Владимир"], "ru") == " во Владимире"
    assert (
        intent_title("segment", "торт на заказ", "ru", seg="", seg_gen="жителей соседних домов")
        == "Торт на заказ для жителей соседних домов: что важно знать"
    )
    assert (
        intent_title("rival_service", "бенто торт", "ru", rival="Хлебница")
        == "Бенто торт: мы или «Хлебница» — что выбрать"
    )


@pytest.mark.parametrize(
    ("pattern", "service", "places", "expected"),
    [
        (
            "howto",
            "industrial pump supplier",
            ("Ireland",),
            "Choosing an industrial pump supplier in Ireland: what to look for",
        ),
        ("howto", "centrifugal pump repair", (), "Choosing centrifugal pump repair: what to look for"),
        ("price", "booster pump set", (), "How much does a booster pump set cost? What makes up the price"),
        ("price", "spin classes", (), "How much do spin classes cost? What makes up the price"),
        ("faq", "stainless steel ball valve", (), "Frequently asked questions about stainless steel ball valves"),
        ("when", "air compressor service", (), "When do you need an air compressor service? Signs and timing"),
        ("duration", "spin classes", (), "How long do spin classes take? From booking to result"),
        ("comparison", "gym", (), "Which gym to choose: comparing the options"),
    ],
)
def test_english_intent_patterns(pattern: str, service: str, places: tuple[str, ...], expected: str) -> None:
    assert intent_title(pattern, service, "en", places) == expected


@pytest.mark.parametrize(
    ("need", "kind", "first", "second"),
    [
        # a noun phrase: the predicate agrees with it (masculine, feminine, neuter, plural)
        (
            "свежий хлеб утром",
            "np",
            "Нужен свежий хлеб утром? Вот как это устроено у нас",
            "Что важно знать о свежем хлебе утром: ответы на вопросы",
        ),
        (
            "доставка",
            "np",
            "Нужна доставка? Вот как это устроено у нас",
            "Что важно знать о доставке: ответы на вопросы",
        ),
        (
            "фото готовых работ",
            "np",
            "Нужны фото готовых работ? Вот как это устроено у нас",
            "Что важно знать о фото готовых работ: ответы на вопросы",
        ),
        (
            "онлайн-запись",
            "np",
            "Нужна онлайн-запись? Вот как это устроено у нас",
            "Что важно знать об онлайн-записи: ответы на вопросы",
        ),
        # an infinitive: "Хотите …?" and a how-to, never "Нужна знать цену"
        (
            "знать цену заранее",
            "inf",
            "Хотите знать цену заранее? Вот как это устроено у нас",
            "Как знать цену заранее: пошаговая инструкция",
        ),
        # an adverb or a prepositional phrase: a state, never "Чтобы было быстро"
        (
            "быстро",
            "state",
            "Почему у нас быстро: как устроена работа",
            "Как мы работаем быстро: что для этого сделано",
        ),
        (
            "без очереди",
            "state",
            "Почему у нас без очереди: как устроена работа",
            "Как мы работаем без очереди: что для этого сделано",
        ),
    ],
)
def test_russian_needs_by_their_form(need: str, kind: str, first: str, second: str) -> None:
    assert need_kind(need, "ru") == kind
    assert [w.title for w in need_wordings(need, "ru")] == [first, second]


def test_english_needs() -> None:
    assert [w.title for w in need_wordings("the exact spare part", "en")] == [
        "Need the exact spare part? Here is how we arrange it",
        "Getting the exact spare part: what to expect",
    ]
    assert (
        need_wordings("to train without being watched", "en")[0].title
        == "Want to train without being watched? Here is how"
    )


def test_pains_quoted_once_absent_named_and_fix_wording() -> None:
    # an absence is named by what is missing, back in the nominative
    assert absent_thing("нет цен на сайте", "ru") == "Цены на сайте"
    assert absent_thing("нет детского врача", "ru") == "Детский врач"
    assert absent_thing("нет закрывающих документов", "ru") == "Закрывающие документы"
    assert absent_thing("не дозвониться", "ru") is None
    assert absent_thing("no stock information online", "en") == "Stock information online"
    changing = [w.title for w in pain_wordings("нет цен на сайте", "ru", fixed=False)]
    assert changing == [
        "Цены на сайте: что мы меняем",
        "«Нет цен на сайте»: почему так бывает и как этого избежать",
        "Что делать, если нет цен на сайте: советы клиентам",
    ]
    assert pain_wordings("нет цен на сайте", "ru", fixed=True)[0].title == "Цены на сайте: что мы изменили"
    # a complaint already in quotes is quoted once
    assert (
        pain_wordings("«не дозвониться»", "ru", fixed=True)[0].title == "«Не дозвониться»: как мы решили эту проблему"
    )
    # a noun phrase takes "при" and the locative; a clause takes "если"
    assert pain_wordings("простой линии", "ru", fixed=False)[2].title == "Что делать при простое линии: советы клиентам"
    assert (
        pain_wordings("ребёнок боится стоматолога", "ru", fixed=False)[2].title
        == "Что делать, если ребёнок боится стоматолога: советы клиентам"
    )
    assert [w.title for w in pain_wordings("quotes that take two days", "en", fixed=False)] == [
        "“Quotes that take two days”: what we are changing",
        "“Quotes that take two days”: why it happens and how to avoid it",
        "Dealing with quotes that take two days: practical tips",
    ]


def test_competitor_weaknesses_never_read_as_ours() -> None:
    # "Нет тортов на заказ? Не у нас" read as "we have none": the absence is named as what we have
    assert weakness_wording("нет тортов на заказ", "ru")[0].title == "Торты на заказ у нас: как это устроено"
    assert weakness_wording("хлеб привозной", "ru")[0].title == "«Хлеб привозной»: почему у нас иначе"
    assert weakness_wording("slow quotes", "en")[1].title == "“Slow quotes”: what to check when choosing"


def test_plan_occasions_in_the_dative() -> None:
    assert (
        occasion_wording("День рождения пекарни", "ru").title == "Готовимся ко Дню рождения пекарни: что мы приготовили"
    )
    assert occasion_wording("Нам 5 лет!", "ru").title == "«Нам 5 лет!»: готовимся заранее"
    assert (
        occasion_wording("our tenth birthday", "en").title
        == "Getting ready for our tenth birthday: what we have planned"
    )


# the corpus ---------------------------------------------------------------------------------

_WORD = re.compile(r"[А-Яа-яЁё-]+")
_DOUBLED = re.compile(r"([«»“”\"„.,:;!?—])\1|[.,:;!?]\s*[.,:;]|[.,:;]\s*[!?]|\s{2,}|«[^»]*«|“[^”]*“")


def corpus() -> list[tuple[str, str, str]]:
    """(language, source, title) of every new article planned for the corpus plans."""
    titles = []
    for path in CORPUS_PLANS:
        plan = load_plan(path).plan
        assert plan.content is not None
        cal = compute_plan_calendar(plan, plan.content.start)
        titles += [(plan.business.language, s.source or "", s.title or "") for s in cal.days if s.kind == "new"]
    return titles


def _agree(adjective: object, noun: object) -> bool:
    a, n = adjective.tag, noun.tag  # type: ignore[attr-defined]
    if a.case != n.case or a.number != n.number:
        return False
    if a.case == "accs" and a.animacy and n.animacy and a.animacy != n.animacy:
        return False  # "свежего хлеб": an animate accusative on an inanimate noun
    return n.number == "plur" or a.gender is None or n.gender is None or a.gender == n.gender or "GNdr" in n


def disagreements(title: str) -> list[str]:
    """Adjective–noun pairs of a Russian title that no reading of the two words makes agree."""
    words = _WORD.findall(title)
    bad = []
    for left, right in itertools.pairwise(words):
        adjectives = [p for p in parses(left.casefold()) if p.tag.POS in {"ADJF", "PRTF"} and p.score > 0.05]
        nouns = [p for p in parses(right.casefold()) if p.tag.POS == "NOUN" and p.score > 0.05 and "Fixd" not in p.tag]
        noun_too = any(p.tag.POS == "NOUN" and p.score > 0.05 for p in parses(left.casefold()))  # "простое"
        relative = any(p.normal_form == "который" for p in parses(left.casefold()))  # "из-за которых шиномонтаж"
        if not adjectives or not nouns or noun_too or relative:
            continue
        if not any(_agree(a, n) for a in adjectives for n in nouns):
            bad.append(f"{left} {right}")
    return bad


def test_corpus_of_titles_reads_as_headlines() -> None:
    titles = corpus()
    assert len(titles) >= 200
    assert {language for language, _, _ in titles} == {"ru", "en"}
    problems = []
    for language, source, title in titles:
        if _DOUBLED.search(title):
            problems.append(f"doubled punctuation: {title}")
        if not (title[:1].isupper() or title[:1] in "«“0123456789"):
            problems.append(f"not in sentence case: {title}")
        if language == "ru" and source != "backlog" and disagreements(title):
            problems.append(f"no agreement {disagreements(title)}: {title}")
    assert problems == []


def test_the_checker_finds_what_the_old_titles_got_wrong() -> None:
    # the checker can fail: the errors of the titles before the idea engine read meaning
    assert disagreements("Как выбрать свежего хлеб в Бибиреве") == ["свежего хлеб"]
    assert disagreements("Какие промышленных насосы выбрать") == ["промышленных насосы"]
    assert disagreements("Детское врач у нас") == ["Детское врач"]
    assert _DOUBLED.search("«««Не дозвониться»»»: как мы решаем")
    assert _DOUBLED.search("Нужна знать цену?.")


def test_no_raw_query_stands_in_a_title() -> None:
    raw = {"торт на заказ москва", "свежий хлеб бибирево", "industrial pump supplier ireland"}
    for _, _, title in corpus():
        assert not any(query in title.casefold() for query in raw), title


def test_plans_of_the_corpus_exist() -> None:
    assert {p.stem for p in IDEA_PLANS} >= {"autoservice", "clinic", "fitness", "b2b"}
    assert all(isinstance(p, Path) and p.exists() for p in CORPUS_PLANS)


@pytest.mark.parametrize("text", [" ", ",", "«»", "нет", "no", "?!", "123", "<b>x</b>", "—", "to", "не", "\u202e"])
@pytest.mark.parametrize("language", ["ru", "en"])
def test_odd_texts_never_break_a_title(text: str, language: str) -> None:
    # plan text is untrusted: whatever it is, each wording returns a title (or declines) without an error
    for wording in (
        *need_wordings(text, language),
        *pain_wordings(text, language, fixed=True),
        *weakness_wording(text, language),
        occasion_wording(text, language),
    ):
        assert isinstance(wording.title, str) and 3 <= len(wording.outline) <= 5
    assert service_forms(" ", language) is None


def test_a_service_done_or_ordered_asks_where_not_which() -> None:
    # "Как выбрать замену масла" chooses the act, not who does it: Russian asks where
    from generator.compute.intents import Intent
    from generator.compute.wording import intent_wording

    oil = Intent("замена масло", "замена масла", "drivers", places=["Южное Бутово"])
    assert oil.action == "do"
    titles = [intent_wording(oil, p, "ru", {}).title for p in ("howto", "comparison", "checklist", "mistakes")]  # type: ignore[union-attr]
    assert titles == [
        "Где сделать замену масла в Южном Бутове: как выбрать исполнителя",
        "Где лучше делать замену масла: сравниваем варианты",
        "Чек-лист перед записью на замену масла",
        "5 ошибок, из-за которых замена масла обходится дороже",
    ]
    bearings = Intent("подшипник поставка", "поставка подшипников", "buyers")
    assert bearings.action == "order"
    howto = intent_wording(bearings, "howto", "ru", {})
    assert howto is not None and howto.title == "Где заказать поставку подшипников: как выбрать поставщика"
    # a thing keeps "which": "Какой торт на заказ выбрать"
    cake = Intent("заказ торт", "торт на заказ", "cakes")
    assert cake.action is None
    comparison = intent_wording(cake, "comparison", "ru", {})
    assert comparison is not None and comparison.title == "Какой торт на заказ выбрать: сравниваем варианты"
