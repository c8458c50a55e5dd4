"""Queries read for their intent: one article per service whatever the places and word order."""

from __future__ import annotations

from generator.compute.intents import Query, group_intents, read_query, region_names, region_places, services_in


def test_queries_that_differ_by_place_or_word_order_are_one_intent() -> None:
    known = region_places("Москва, спальный район Бибирево")
    intents = group_intents(
        [
            Query("cakes", "торт на заказ москва", 74000),
            Query("cakes", "торт на заказ бибирево", 880),
            Query("cakes", "заказ торта", 500),  # another word order, another case: the same lemmas
            Query("cakes", "бенто торт", 41000),
            Query("locals", "пекарня рядом", 5400),
            Query("locals", "Торт на заказ  москва", 10),  # the same query again: counted once
        ],
        "ru",
        known,
    )
    assert [(i.service, i.places, i.modifier, i.volume) for i in intents] == [
        ("торт на заказ", ["Москва", "Бибирево"], None, 74000 + 880 + 500),
        ("бенто торт", [], None, 41000),
        ("пекарня", [], "local", 5400),
    ]
    cakes = intents[0]
    assert cakes.query == "торт на заказ москва"  # the highest volume is the query to target
    assert cakes.queries == ["торт на заказ москва", "торт на заказ бибирево", "заказ торта"]
    assert intents[2].venue and not cakes.venue  # a bakery is a place of business, a cake is bought


def test_modifiers_places_and_abbreviations() -> None:
    assert read_query("ремонт тормозов цена", "ru", frozenset())[:3] == ("ремонт тормозов", [], "price")
    assert read_query("детский стоматолог спб", "ru", frozenset())[:3] == (
        "детский стоматолог",
        ["Санкт-Петербург"],
        None,
    )
    known = region_places("Санкт-Петербург, Приморский район")
    assert read_query("стоматология приморский район", "ru", known)[:2] == ("стоматология", ["Приморский район"])
    assert read_query("bakery near me", "en", frozenset())[:3] == ("bakery", [], "local")
    assert read_query("industrial pump supplier ireland", "en", frozenset())[:2] == (
        "industrial pump supplier",
        ["Ireland"],
    )
    assert read_query("air compressor service cork", "en", region_places("Cork, Ireland"))[1] == ["Cork"]


def test_region_names_and_description_services() -> None:
    assert region_names("Москва, спальный район Бибирево") == ("Москва", "Бибирево")
    assert region_names("Екатеринбург, Свердловская область") == ("Екатеринбург", "Свердловская область")
    assert region_names("Munster and Leinster, Ireland (head office in Cork)") == (
        "Munster",
        "Leinster",
        "Ireland",
        "Cork",
    )
    assert services_in("Свежий хлеб с 7 утра, выпечка, кофе навынос. Два продавца в смену.", "ru") == [
        "выпечка",
        "кофе навынос",
    ]
    # "a swimming pool" is a facility, not a service to price
    assert services_in("Group classes, personal training, a swimming pool and a café.", "en") == ["personal training"]
