"""Words and number/date formats in the plan's language, for every renderer.

One table of interface labels (`LABELS`, id → Russian and English) and babel-based
formatters, so the site, the PDF, the calendar files and the terminal report all say
`182 500 ₽` and `22 ноября 2026` for a Russian plan, `75,600` and `November 22, 2026` for an
English one. Renderers format; they never compute (figures arrive already computed).

The labels live in `labels.yaml` beside this module (data, not code); add new ones there.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.numbers import format_currency, format_decimal, format_percent, get_currency_symbol

from generator.catalogue import Label
from generator.errors import InternalError

LOCALES = {"ru": "ru_RU", "en": "en_US"}
LABELS_FILE = Path(__file__).resolve().parent / "labels.yaml"


class PlanLanguage(str):
    """A plan's language (`"ru"`, `"en"`: it *is* that string for labels and comparisons) carrying its format locale.

    Labels follow `business.language`; numbers, dates and money follow `business.locale`
    (a German client reading English: `€96,850`? no, `96.850 €` and `15.01.27`). Every renderer
    already passes the language to the formatters below, so the language value carries the locale
    with it rather than a second argument threaded through every call. Build one with
    `plan_language(business)`.
    """

    format_locale: str

    def __new__(cls, language: str, format_locale: str | None = None) -> PlanLanguage:
        value = super().__new__(cls, language)
        value.format_locale = _format_locale(language, format_locale)
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        return (PlanLanguage, (str(self), self.format_locale))

    # The plan's voice for the charts (`generator.draw.charts.Voice`): they sit below this stage and
    # get its words and number formats as this value instead of importing them back.
    def number(self, value: float | int | None) -> str:
        return fmt_number(value, self)

    def money(self, value: float | int | None, currency: str) -> str:
        return fmt_money(value, currency, self)

    def percent(self, share: float | None) -> str:
        return fmt_percent(share, self)

    def word(self, key: str) -> str:
        return t(key, self)


def _format_locale(language: str, tag: str | None) -> str:
    """The Babel locale for a plan's figures: the region's formats, the plan's words.

    `en` with `de-DE` becomes `en_DE` (CLDR: English words, German numbers and money, day-first
    dates: `96.850 €`, `15/01/2027`, `15 January 2027`), so month names never switch language
    mid-sentence. Where CLDR has no such pair (`ru` with `de-DE`) or the tag is unknown, the
    plan's language formats alone (`ru_RU`).
    """
    default = LOCALES.get(language, "en_US")
    if not tag:
        return default
    try:
        wanted = Locale.parse(tag.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return default
    if wanted.language == language:
        return str(wanted)
    try:
        return str(Locale(language, wanted.territory)) if wanted.territory else default
    except (ValueError, TypeError, UnknownLocaleError):
        return default


def plan_language(business: Any) -> PlanLanguage:
    """The language of a plan's `business` section with the locale that formats its figures."""
    return PlanLanguage(business.language, getattr(business, "locale", None))


def locale(language: str) -> Locale:
    """The babel locale of a plan language (`ru`, `en`, a `PlanLanguage`) or of a locale tag (`de-DE`, `en_GB`)."""
    tag = getattr(language, "format_locale", None) or LOCALES.get(str(language)) or str(language)
    return _locale(tag.replace("-", "_"))


@lru_cache(maxsize=16)
def _locale(tag: str) -> Locale:
    try:
        return Locale.parse(tag)
    except (ValueError, TypeError, UnknownLocaleError):
        return Locale.parse("en_US")


def _half_up(value: float | int, digits: int) -> Decimal:
    """Round half away from zero, the way people round (91.5 customers → 92, 92.5 → 93), not to even."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def fmt_number(value: float | int | None, language: str, digits: int = 0) -> str:
    """`182500` → `182 500` (ru, narrow no-break space) / `182,500` (en); None → an em dash."""
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return _minus(format_decimal(_half_up(value, digits), format=pattern, locale=locale(language)))


def _minus(text: str) -> str:
    """A true minus sign (U+2212) for a negative number, as the percentages and the worked arithmetic
    write it: a profit of "−1 200 ₽" beside an ROI of "−55%", never a hyphen in one and not the other."""
    return text.replace("-", "−")


def fmt_decimal(value: float | int | None, language: str, max_digits: int = 2) -> str:
    """A number with up to `max_digits` decimals, trailing zeros dropped (`0.5`, `12`)."""
    if value is None:
        return "—"
    pattern = "#,##0." + "#" * max_digits
    return _minus(format_decimal(value, format=pattern, locale=locale(language)))


def fmt_money(value: float | int | None, currency: str, language: str, digits: int = 0) -> str:
    """`182500, RUB, ru` → `182 500 ₽`; `75600, USD, en` → `$75,600`."""
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    loc = locale(language)
    symbol_pattern = loc.currency_formats["standard"].pattern
    # Keep the locale's placement of the currency sign but our precision.
    pattern = symbol_pattern.split(";")[0].replace("#,##0.00", pattern).replace("#,##0", pattern, 1)
    return _minus(format_currency(value, currency, format=pattern, locale=loc, currency_digits=False))


def currency_symbol(currency: str, language: str) -> str:
    """`RUB` → `₽` (ru), `RUB` (en)."""
    return get_currency_symbol(currency, locale=locale(language))


def percent_digits(share: float) -> int:
    """The one precision rule for percentages everywhere: whole from 100%, up to one decimal from 1%, two below.

    So ROI reads `503%` on the site, in the PDF and in the report alike, a conversion `12,5%`,
    and a funnel step of 0.01% reads `0,01%`, not `0%`.
    """
    size = abs(share) * 100
    if size >= 100 or size == 0:
        return 0
    return 1 if size >= 1 else 2


def fmt_percent(share: float | None, language: str, digits: int | None = None) -> str:
    """A share as a percentage: `0.35` → `35%` in both languages (the sign close, as Russian business text has it).

    `digits` (the most decimals) defaults to `percent_digits`; a share too small to show reads `<0,01%`.
    """
    if share is None:
        return "—"
    digits = percent_digits(share) if digits is None else digits
    pattern = "#,##0" + ("." + "#" * digits if digits else "") + "%"
    loc = locale(language)
    if share and abs(share) < 10 ** -(digits + 2) / 2:
        smallest = format_percent(10 ** -(digits + 2), format=pattern, locale=loc)
        return ("<" if share > 0 else ">−") + smallest
    # a true minus sign (U+2212), as the worked arithmetic writes it: "−55%", never a hyphen
    return format_percent(_half_up(share * 100, digits) / 100, format=pattern, locale=loc).replace("-", "−")


def fmt_date(day: date | None, language: str, style: str = "long") -> str:
    """`2026-11-22` → `22 ноября 2026 г.`-style long dates; `short` gives `22.11.2026` / `11/22/26`."""
    if day is None:
        return "—"
    if style == "long" and language == "ru":
        # babel's ru long format ends in " г."; consultants write "22 ноября 2026".
        return babel_format_date(day, format="d MMMM y", locale=locale(language))
    return babel_format_date(day, format=style, locale=locale(language))


def fmt_month(day: date, language: str) -> str:
    """`2026-12-01` → `декабрь 2026` / `December 2026` (standalone month name: a heading, a table cell)."""
    return babel_format_date(day, format="LLLL y", locale=locale(language))


def fmt_month_from(day: date, language: str) -> str:
    """`2026-12-01` → `декабря 2026` / `December 2026`: the month inside a phrase ("с декабря 2026").

    Babel's format-context month (`MMMM`) is the genitive in Russian, which every "с …",
    "до …" and "на … месяцев с …" needs; English has one form.
    """
    return babel_format_date(day, format="MMMM y", locale=locale(language))


def fmt_arithmetic(
    work: Any, language: str, max_digits: int = 2, percent_result: bool = False, with_result: bool = True
) -> str:
    """A worked calculation (`generator.compute.arithmetic.Arithmetic`) written out: `50 × 365 × 10 = 182 500`.

    Sub-expressions get parentheses only where precedence needs them
    (`100 × (62 − 13) / 100 = 49`); `percent_result` shows the result as a percentage
    (`240 / 300 = 80 %`).
    """
    precedence = {"+": 1, "−": 1, "×": 2, "/": 2}

    def number(value: float) -> str:
        text = fmt_decimal(value, language, max_digits)
        return text.replace("-", "−")

    def expression(node: Any, parent: str | None, first: bool) -> str:
        if not hasattr(node, "operator"):
            text = number(node)
            return f"({text})" if node < 0 and not first else text
        if not node.operands:  # an empty sum: just its value
            return number(node.result)
        inner = f" {node.operator} ".join(
            expression(operand, node.operator, i == 0) for i, operand in enumerate(node.operands)
        )
        if parent is not None and (
            precedence[node.operator] < precedence[parent]
            or (precedence[node.operator] == precedence[parent] and not first and parent in ("−", "/"))
        ):
            return f"({inner})"
        return inner

    text = expression(work, None, True)
    if not with_result:
        return text
    result = fmt_percent(work.result, language, max_digits) if percent_result else number(work.result)
    return f"{text} = {result}"


def load_labels(path: Path = LABELS_FILE) -> dict[str, Label]:
    """The labels table (`labels.yaml`): every id with its Russian and English wording."""
    data = yaml.load(path.read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    labels: dict[str, Label] = {}
    for key, value in data.items():
        texts = value.values() if isinstance(value, dict) else ()
        if not (isinstance(value, dict) and set(value) == {"ru", "en"} and all(isinstance(v, str) for v in texts)):
            raise InternalError(f"{path.name}: label {key!r} must have exactly a Russian and an English text")
        labels[str(key)] = Label(value["ru"], value["en"])
    return labels


LABELS: dict[str, Label] = load_labels()


def t(key: str, language: str) -> str:
    """The interface label `key` in `language`; a missing key is a bug in playbook."""
    return LABELS[key].in_(language)


def t_count(key: str, count: int, language: str) -> str:
    """The label `key.<plural category>` for `count` (`one`, `few`, `many`, `other` by babel's rules), formatted.

    `check.filled` with 2 in Russian reads "заполнено 2 шага", with 5 "заполнено 5 шагов"; a
    category the table lacks falls back to `key.other`.
    """
    category = locale(language).plural_form(count)
    label = f"{key}.{category}" if f"{key}.{category}" in LABELS else f"{key}.other"
    return t(label, language).format(count=fmt_number(count, language))


def fmt_signed(change: int | None, language: str) -> str:
    """A change of score, signed in every output alike: `+12`, `−3` (a true minus), `±0` (no change
    is a result too, not a missing sign); None (nothing to compare) → an em dash."""
    if change is None:
        return "—"
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    return sign + fmt_number(abs(change), language)
