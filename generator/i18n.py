"""Words and number/date formats in the plan's language, for every renderer.

One table of interface labels (`LABELS`, id → Russian and English) and babel-based
formatters, so the site, the PDF, the calendar files and the terminal report all say
`182 500 ₽` and `22 ноября 2026` for a Russian plan, `75,600` and `November 22, 2026` for an
English one. Renderers format; they never compute (figures arrive already computed).

Add new labels to `LABELS` (keep ids lowercase with dots, grouped by renderer).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import format_currency, format_decimal, format_percent, get_currency_symbol

from generator.catalogue import Label

LOCALES = {"ru": "ru_RU", "en": "en_US"}


@lru_cache(maxsize=4)
def locale(language: str) -> Locale:
    """The babel locale of a plan language."""
    return Locale.parse(LOCALES.get(language, "en_US"))


def fmt_number(value: float | int | None, language: str, digits: int = 0) -> str:
    """`182500` → `182 500` (ru, narrow no-break space) / `182,500` (en); None → an em dash."""
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(round(value, digits) if digits else round(value), format=pattern, locale=locale(language))


def fmt_decimal(value: float | int | None, language: str, max_digits: int = 2) -> str:
    """A number with up to `max_digits` decimals, trailing zeros dropped (`0.5`, `12`)."""
    if value is None:
        return "—"
    pattern = "#,##0." + "#" * max_digits
    return format_decimal(value, format=pattern, locale=locale(language))


def fmt_money(value: float | int | None, currency: str, language: str, digits: int = 0) -> str:
    """`182500, RUB, ru` → `182 500 ₽`; `75600, USD, en` → `$75,600`."""
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    loc = locale(language)
    symbol_pattern = loc.currency_formats["standard"].pattern
    # Keep the locale's placement of the currency sign but our precision.
    pattern = symbol_pattern.split(";")[0].replace("#,##0.00", pattern).replace("#,##0", pattern, 1)
    return format_currency(value, currency, format=pattern, locale=loc, currency_digits=False)


def currency_symbol(currency: str, language: str) -> str:
    """`RUB` → `₽` (ru), `RUB` (en)."""
    return get_currency_symbol(currency, locale=locale(language))


def fmt_percent(share: float | None, language: str, digits: int = 0) -> str:
    """A share as a percentage: `0.35` → `35 %` (ru) / `35%` (en)."""
    if share is None:
        return "—"
    pattern = "#,##0" + ("." + "#" * digits if digits else "") + "%"
    return format_percent(share, format=pattern, locale=locale(language))


def fmt_date(day: date | None, language: str, style: str = "long") -> str:
    """`2026-11-22` → `22 ноября 2026 г.`-style long dates; `short` gives `22.11.2026` / `11/22/26`."""
    if day is None:
        return "—"
    if style == "long" and language == "ru":
        # babel's ru long format ends in " г."; consultants write "22 ноября 2026".
        return babel_format_date(day, format="d MMMM y", locale=locale(language))
    return babel_format_date(day, format=style, locale=locale(language))


def fmt_month(day: date, language: str) -> str:
    """`2026-12-01` → `декабрь 2026` / `December 2026` (standalone month name)."""
    return babel_format_date(day, format="LLLL y", locale=locale(language))


def fmt_arithmetic(
    work: Any, language: str, max_digits: int = 2, percent_result: bool = False, with_result: bool = True
) -> str:
    """A worked calculation (`generator.figures.Arithmetic`) written out: `50 × 365 × 10 = 182 500`.

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


def t(key: str, language: str) -> str:
    """The interface label `key` in `language`; a missing key is a bug in playbook."""
    return LABELS[key].in_(language)


LABELS: dict[str, Label] = {
    # shared
    "status.done": Label("есть", "done"),
    "status.partial": Label("частично", "partial"),
    "status.absent": Label("нет", "absent"),
    "status.n/a": Label("не применимо", "n/a"),
    "status.not assessed": Label("не оценено", "not assessed"),
    "band.poor": Label("плохо", "poor"),
    "band.needs work": Label("нужна работа", "needs work"),
    "band.good": Label("хорошо", "good"),
    "priority.high": Label("высокий", "high"),
    "priority.medium": Label("средний", "medium"),
    "priority.low": Label("низкий", "low"),
    "kpi.met": Label("достигнуто", "met"),
    "kpi.behind": Label("отстаём", "behind"),
    "kpi.pending": Label("ожидается", "pending"),
    "kpi.not measured": Label("не измерено", "not measured"),
    "kpi.no target": Label("нет целевого значения", "no target"),
    "slot.new": Label("Новая статья", "New article"),
    "slot.refresh": Label("Обновить", "Refresh"),
    "slot.research": Label("День поиска тем", "Research day"),
    "slot.done": Label("Сделано", "Done"),
    "slot.missed": Label("Пропущено", "Missed"),
    # charts (generator/charts.py)
    "chart.before": Label("было", "before"),
    "chart.cumulative": Label("нарастающим итогом к концу периода", "cumulative by the end of the period"),
    # calendar (.ics, CSV, the today command)
    "calendar.name": Label("Календарь статей", "Article calendar"),
    "calendar.query": Label("Поисковый запрос", "Search query"),
    "calendar.segment": Label("Сегмент", "Segment"),
    "calendar.budget": Label("Время", "Time budget"),
    "calendar.minutes": Label("мин", "min"),
    "calendar.volume": Label("запросов в месяц", "searches a month"),
    "calendar.from_demand": Label("Тема из поискового спроса", "Topic from search demand"),
    "calendar.last_written": Label("Последний раз написана", "Last written"),
    "calendar.refresh_hint": Label(
        "Нет новых идей: улучшите старую статью (факты, фото, ответы на вопросы)",
        "No new ideas: improve an old article (facts, photos, answers to questions)",
    ),
    "calendar.research_hint": Label(
        "Идеи кончились: найдите новые темы (вопросы клиентов, поисковые запросы, конкуренты) и внесите их в backlog",
        "Out of ideas: find new topics (customers' questions, search queries, competitors) and add them to the backlog",
    ),
    "calendar.done_refresh": Label("обновление", "refresh"),
    "calendar.missed_hint": Label("В этот день статья не записана в журнал", "No article was logged that day"),
    "calendar.also": Label("Ещё в этот день", "Also that day"),
    "calendar.today": Label("Сегодня", "Today"),
    "calendar.streak": Label("Серия", "Streak"),
    "calendar.no_slot": Label("Сегодня нет слота", "No slot today"),
    "calendar.next": Label("Следующий слот", "Next slot"),
    "calendar.client": Label("Клиент", "Client"),
    "calendar.task": Label("Задача", "Task"),
    "calendar.ended": Label("Календарь закончился", "The calendar has ended"),
}
