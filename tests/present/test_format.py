"""Display rules: the format locale of a plan, counts agreeing with their unit, goal values in their unit.

Every expected string is written by hand from Russian grammar and CLDR formats, never copied
from the program's output.
"""

from __future__ import annotations

import pytest

from generator.present.format import fmt_count, fmt_months, fmt_quantity, plural_category
from generator.present.i18n import PlanLanguage

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "1 заявка"),
        (2, "2 заявки"),
        (5, "5 заявок"),
        (11, "11 заявок"),
        (21, "21 заявка"),
        (22, "22 заявки"),
        (0, "0 заявок"),
        (1.5, "1,5 заявки"),
    ],
)
def test_a_russian_unit_agrees_with_its_number(number: float, expected: str) -> None:
    assert fmt_count(number, "заявок", "ru") == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "1 новый клиент"), (3, "3 новых клиента"), (7, "7 новых клиентов"), (101, "101 новый клиент")],
)
def test_an_adjective_before_the_noun_agrees_too(number: int, expected: str) -> None:
    assert fmt_count(number, "новых клиентов", "ru") == expected


def test_a_unit_pymorphy_cannot_inflect_stays_as_typed() -> None:
    assert fmt_count(22, "ч", "ru") == "22 ч"
    assert fmt_count(22, "SKU", "ru") == "22 SKU"
    # English units are typed in the plural and lose it after exactly one, the last word only
    assert fmt_count(1, "enquiries", "en") == "1 enquiry"
    assert fmt_count(1, "new clients", "en") == "1 new client"
    assert fmt_count(1, "people", "en") == "1 person"
    assert fmt_count(2, "enquiries", "en") == "2 enquiries"
    assert fmt_count(1.5, "enquiries", "en") == "1.5 enquiries"  # CLDR: 1.5 is "other" in English
    assert fmt_count(1, "km", "en") == "1 km" and fmt_count(1, "SKU", "en") == "1 SKU"


def test_the_plural_category_comes_from_cldr() -> None:
    assert [plural_category(n, "ru_RU") for n in (1, 2, 5, 21, 1.5)] == ["one", "few", "many", "one", "other"]
    assert [plural_category(n, "en_US") for n in (1, 2)] == ["one", "other"]


def test_months_of_a_horizon() -> None:
    assert fmt_months(12, "ru") == "12 месяцев"
    assert fmt_months(1, "ru") == "1 месяц"
    assert fmt_months(24, "ru") == "24 месяца"
    assert fmt_months(12, "en") == "12 months"
    assert fmt_months(1, "en") == "1 month"


def test_a_goal_value_in_its_unit() -> None:
    assert fmt_quantity(0.35, "%", "ru", "RUB") == "35%"
    assert fmt_quantity(22, "заявок", "ru", "RUB") == "22 заявки"
    assert fmt_quantity(None, "заявок", "ru", "RUB") == "—"
    assert fmt_quantity(150000, "₽", "ru", "RUB") == f"150{NBSP}000{NBSP}₽"


def test_a_money_goal_reads_like_every_other_sum_of_a_german_client() -> None:
    german = PlanLanguage("en", "de-DE")
    # "380 EUR" beside "96.850 €" was the complaint: both are money in the client's format.
    assert fmt_quantity(380, "EUR", german, "EUR") == f"380{NBSP}€"
    assert fmt_quantity(380, "€", german, "EUR") == f"380{NBSP}€"
    assert fmt_quantity(1200, "enquiries", german, "EUR") == "1.200 enquiries"


def test_months_agree_in_every_english_locale() -> None:
    for tag in ("en-US", "en-GB", "en-IE", "de-DE"):
        lang = PlanLanguage("en", tag)
        assert fmt_months(1, lang) == "1 month"  # never "1 months"
        assert fmt_months(72, lang) == "72 months"
