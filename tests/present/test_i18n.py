"""Babel formatting in the plan's language and locale: numbers, money, percentages, dates, months.

Expected strings are CLDR's formats written out by hand (a Russian thousands separator is a
no-break space, German uses dots and puts the euro after the number).
"""

from __future__ import annotations

import pickle
import re
from datetime import date
from pathlib import Path

import pytest

from generator.present.i18n import (
    LABELS,
    PlanLanguage,
    fmt_date,
    fmt_money,
    fmt_month,
    fmt_month_from,
    fmt_number,
    fmt_percent,
    t,
)

NBSP = "\u00a0"


def test_the_month_inside_a_russian_phrase_is_genitive() -> None:
    december = date(2026, 12, 1)
    assert f"с {fmt_month_from(december, 'ru')}" == "с декабря 2026"
    assert fmt_month(december, "ru") == "декабрь 2026"  # a heading or a table cell: nominative
    assert fmt_month_from(december, "en") == "December 2026"


@pytest.mark.parametrize(
    ("share", "ru", "en"),
    [
        (0.35, "35%", "35%"),
        (5.029, "503%", "503%"),  # ROI: one precision everywhere (not 502,9% in one output, 503% in another)
        (0.125, "12,5%", "12.5%"),
        (0.0001, "0,01%", "0.01%"),  # a small funnel step is not "0%"
        (0.00001, "<0,01%", "<0.01%"),
        (0, "0%", "0%"),
    ],
)
def test_one_rule_for_percentages(share: float, ru: str, en: str) -> None:
    assert fmt_percent(share, "ru") == ru
    assert fmt_percent(share, "en") == en


def test_whole_numbers_round_half_up() -> None:
    # 91.5 new customers are shown as 92 everywhere, and 92.5 as 93 (not to the even 92)
    assert fmt_number(91.5, "en") == "92"
    assert fmt_number(92.5, "en") == "93"
    assert fmt_number(182500, "ru") == f"182{NBSP}500"


def test_a_german_locale_formats_an_english_plan() -> None:
    german = PlanLanguage("en", "de-DE")
    assert german == "en" and t("site.page.forecast", german) == "ROI forecast"  # labels stay English
    assert fmt_money(96850, "EUR", german) == f"96.850{NBSP}€"
    # CLDR's en_DE: English words, German numbers, day-first dates (never the US 1/15/27)
    assert german.format_locale == "en_DE"
    assert fmt_date(date(2027, 1, 15), german, "short") == "15/01/2027"
    assert fmt_date(date(2027, 1, 15), german) == "15 January 2027"
    assert fmt_number(1234567, german) == "1.234.567"


def test_british_and_american_english() -> None:
    assert fmt_date(date(2027, 1, 15), PlanLanguage("en", "en-GB"), "short") == "15/01/2027"
    assert fmt_date(date(2027, 1, 15), PlanLanguage("en"), "short") == "1/15/27"
    assert fmt_money(96850, "EUR", PlanLanguage("en", "en-GB")) == "€96,850"


def test_an_unknown_locale_formats_like_the_language() -> None:
    assert PlanLanguage("ru", "xx-YY").format_locale == "ru_RU"
    # no Russian-in-Germany locale in CLDR: Russian formats rather than German month names in Russian text
    assert PlanLanguage("ru", "de-DE").format_locale == "ru_RU"


def test_a_plan_language_survives_the_build_processes() -> None:
    german = pickle.loads(pickle.dumps(PlanLanguage("en", "de-DE")))
    assert german == "en" and german.format_locale == "en_DE"


def test_a_change_of_score_is_signed_alike_everywhere() -> None:
    from generator.present.i18n import fmt_signed

    assert [fmt_signed(c, "en") for c in (12, -3, 0, None, 1500)] == ["+12", "−3", "±0", "—", "+1,500"]


def test_irish_and_british_dates_are_day_first() -> None:
    irish, british = PlanLanguage("en", "en-IE"), PlanLanguage("en", "en_GB")
    assert irish.format_locale == "en_IE"
    # CLDR's en_IE and en_GB: day, month, year; the long form without the US comma
    for lang in (irish, british):
        assert fmt_date(date(2026, 10, 1), lang, "short") == "01/10/2026"  # never the US 10/1/26
        assert fmt_date(date(2026, 10, 1), lang) == "1 October 2026"
    assert fmt_money(1900, "EUR", irish) == "€1,900" and fmt_number(3800, irish) == "3,800"


ROOT = Path(__file__).resolve().parents[2]
# A label looked up by a literal key: t("…"), say("…"), words.label("…"), say.label_or("…") in the
# package (either quote), L["…"] in the templates. Keys built with f-strings are not checked here.
_CALL = re.compile(r"""(?:\bt|\bsay|\.label|\blabel_or)\(\s*["']([a-z_]+(?:\.[a-z0-9_/ ]+)+)["']""")
_TEMPLATE = re.compile(r"""L\[["']([^"'\]]+)["']\]""")


def test_every_label_key_the_code_and_templates_use_exists() -> None:
    """Merging `site.*` and `pdf.*` twins into one key renames keys across files: a key left behind
    would fail only when that page or line is rendered (a KeyError), so every literal one is checked."""
    used = [(p, m) for p in (ROOT / "generator").rglob("*.py") for m in _CALL.findall(p.read_text("utf-8"))]
    used += [(p, m) for p in (ROOT / "theme").rglob("*.*") if p.suffix in (".md", ".html")
             for m in _TEMPLATE.findall(p.read_text("utf-8"))]  # fmt: skip
    assert len(used) > 300  # the patterns still find the lookups
    assert [f"{p.relative_to(ROOT)}: {key}" for p, key in used if key not in LABELS] == []


def test_a_negative_number_takes_a_true_minus_in_every_format() -> None:
    """A loss reads "−1 200 ₽" beside an ROI of "−55%": one minus sign (U+2212), never a hyphen."""
    from generator.present.i18n import fmt_decimal, fmt_money, fmt_number, fmt_percent

    assert fmt_number(-1200, "ru").replace("\u202f", " ").replace("\xa0", " ") == "−1 200"
    assert fmt_decimal(-0.5, "en") == "−0.5"
    assert fmt_money(-1200, "RUB", "ru").replace("\u202f", " ").replace("\xa0", " ") == "−1 200 ₽"
    assert fmt_money(-75600, "USD", "en") == "−$75,600"
    assert fmt_percent(-0.55, "ru") == "−55%"
