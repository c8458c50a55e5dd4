"""Display rules shared by every output: which locale formats a plan, how a count agrees with its unit.

The site, the PDF and the terminal report show the same figure; each used to round, pluralise and
pick its locale on its own, so they disagreed ("503%" on the site, "502,9%" in the PDF; "22 заявок").
These helpers are the one place that decides:

- the *format locale* of a plan travels with its language (`generator.present.i18n.PlanLanguage`);
- a count agrees with the unit the consultant typed: Babel gives the plural category of the
  number (one / few / many / other), pymorphy3 inflects the Russian words ("заявок" → "22 заявки",
  "1 заявка", "5 заявок"); English units are typed in the plural and only lose it after exactly
  one ("1 enquiry", "1 person": the `inflection` package's singular, a tiny pure-Python rule table;
  `inflect` was tried first and takes seconds to import through typeguard);
- a goal's value in its unit: a share for `%`, money for the plan's currency (code or sign), else
  the number and its agreeing unit.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from babel.numbers import get_currency_symbol

from generator.present.i18n import fmt_decimal, fmt_money, fmt_percent, locale

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer

# The grammatical form a Russian noun takes after a number of each plural category.
_NOUN_FORM = {"one": {"nomn", "sing"}, "few": {"gent", "sing"}, "many": {"gent", "plur"}, "other": {"gent", "sing"}}
# Adjectives before such a noun: after 2–4 (and fractions) Russian puts them in the genitive plural.
_ADJ_FORM = {"one": {"nomn", "sing"}, "few": {"gent", "plur"}, "many": {"gent", "plur"}, "other": {"gent", "plur"}}


def _morph() -> MorphAnalyzer:
    """pymorphy3's analyser: one per process (about 15 MB of dictionaries), the one the headlines use."""
    from generator.compute.headlines import morph_analyzer

    analyzer: MorphAnalyzer = morph_analyzer()
    return analyzer


def plural_category(number: float | int, fmt_locale: str) -> str:
    """Babel's CLDR plural category of `number`: `one`, `few`, `many` or `other`."""
    value = int(number) if float(number).is_integer() else number
    return str(locale(fmt_locale).plural_form(value))


def _cased(word: str, inflected: str) -> str:
    """pymorphy3 answers in lower case; keep the consultant's capital letter."""
    return inflected[:1].upper() + inflected[1:] if word[:1].isupper() else inflected


@lru_cache(maxsize=512)
def agree_unit(unit: str, category: str) -> str:
    """A Russian unit (as typed, any form) in the form that follows a number of `category`.

    Words pymorphy3 does not know as a noun or adjective (abbreviations, Latin, `ч`) stay as typed.
    """
    morph = _morph()
    words = unit.split()
    parses = [morph.parse(w)[0] if w.isalpha() else None for w in words]
    noun = next((p for p in parses if p is not None and "NOUN" in p.tag), None)
    if noun is None:
        return unit
    gender = noun.tag.gender
    out: list[str] = []
    for word, parse in zip(words, parses, strict=True):
        form = None
        if parse is not None and "NOUN" in parse.tag:
            form = parse.inflect(_NOUN_FORM[category])
        elif (parse is not None and {"ADJF"} & set(parse.tag.grammemes)) or (parse is not None and "PRTF" in parse.tag):
            wanted = set(_ADJ_FORM[category])
            if "sing" in wanted and gender:
                wanted.add(gender)
            form = parse.inflect(wanted)
        out.append(_cased(word, form.word) if form is not None else word)
    return " ".join(out)


def singular_after_one(unit: str, category: str) -> str:
    """An English unit after a number of `category`: `enquiries` → `enquiry` after one, else as typed.

    Only the last word changes ("new clients" → "new client"); abbreviations and symbols (`km`,
    `SKU`, `%`) have no plural to drop and stay as they are.
    """
    head, _, last = unit.rpartition(" ")
    if category != "one" or not last.isalpha():
        return unit
    from inflection import singularize

    single = singularize(last)
    return f"{head} {single}" if head else single


def fmt_count(number: float | int | None, unit: str, language: str, fmt_locale: str | None = None) -> str:
    """`22, "заявок"` → `22 заявки`; `1` → `1 заявка`; `5` → `5 заявок`; `1, "enquiries"` → `1 enquiry`."""
    loc = fmt_locale or language
    if number is None:
        return "—"
    text = fmt_decimal(number, loc)
    if not unit:
        return text
    if language == "ru" and any("а" <= ch.lower() <= "я" or ch.lower() == "ё" for ch in unit):
        unit = agree_unit(unit, plural_category(round(number, 2), loc))
    elif language == "en":
        unit = singular_after_one(unit, plural_category(round(number, 2), loc))
    return f"{text} {unit}"


def is_money_unit(unit: str | None, currency: str, fmt_locale: str) -> bool:
    """A goal measured in the plan's currency (`EUR`, `€`, `₽`) is shown as money, like every other sum."""
    if not unit:
        return False
    unit = unit.strip()
    return unit.upper() == currency.upper() or unit == get_currency_symbol(currency, locale=locale(fmt_locale))


def fmt_quantity(
    value: float | None, unit: str | None, language: str, currency: str, fmt_locale: str | None = None
) -> str:
    """A goal's baseline, target or actual in its unit: `35%`, `€380`, `22 заявки`, `1,200 enquiries`."""
    loc = fmt_locale or language
    if value is None:
        return "—"
    if unit == "%":
        # The contract writes shares of `%` goals as fractions (0.35); larger numbers are percents already.
        return fmt_percent(value if abs(value) <= 1 else value / 100, loc)
    if is_money_unit(unit, currency, loc):
        return fmt_money(value, currency, loc)
    return fmt_count(value, unit or "", language, loc)


def fmt_months(number: int, language: str) -> str:
    """`12` → `12 месяцев` / `12 months`; `1` → `1 месяц` / `1 month` (a horizon, a payback period)."""
    if language == "ru":
        return fmt_count(number, "месяц", language)
    word = "month" if plural_category(number, "en_US") == "one" else "months"
    return f"{fmt_decimal(number, language)} {word}"
