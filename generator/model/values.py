"""Value types of the plan model: numbers, shares, money, dates, ids, text — and `Section`.

The loader hands the model plain strings for every scalar (never YAML 1.1 guesses), so these
types do the parsing: numbers, shares written as `35%` or `0.35`, dates that must exist. Each
type also states its JSON Schema, so editors check a plan as the model does. `Section` is the
base of every plan section: unknown keys are errors (`extra="forbid"`).
"""

from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache
from typing import Annotated, Any, Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from generator.errors import message

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SHARE_RE = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*%\s*$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


def fail(code: str, **values: Any) -> PydanticCustomError:
    return PydanticCustomError(code, message(code, **values))


def _to_number(value: Any) -> float:
    """A finite number: `inf`, `nan` and `1e400` (infinite once read) are not amounts of anything."""
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value) if abs(value) < 1e300 else math.inf
    elif isinstance(value, str):
        try:
            number = float(value.strip().replace("_", ""))
        except ValueError:
            number = None
    if number is None:
        raise fail("number", value=value)
    if not math.isfinite(number):
        raise fail("not_finite", value=str(value).strip())
    return number


MAX_QUANTITY = 1e12  # a goal's or KPI's value: any unit, within ± a trillion


def parse_quantity(value: Any) -> Any:
    """A number, or a share written with a percent sign (`35%` → 0.35), within ± `MAX_QUANTITY`."""
    if isinstance(value, str) and (m := _SHARE_RE.match(value)):
        number = float(m.group(1).replace(",", ".")) / 100
    elif value is None:
        return value
    else:
        number = _to_number(value)
    if abs(number) > MAX_QUANTITY:
        raise fail("range", value=_shown(value), low="-1 000 000 000 000", high="1 000 000 000 000")
    return number


def parse_share(value: Any) -> Any:
    """A share `35%` or `0.35`, which must lie in 0..1."""
    if value is None:
        return value
    if isinstance(value, str) and (m := _SHARE_RE.match(value)):
        number = float(m.group(1).replace(",", "."))
        if not 0 <= number <= 100:
            raise fail("share_range", value=value.strip())
        return number / 100
    try:
        number = _to_number(value)
    except PydanticCustomError:
        raise fail("share_format", value=value) from None
    if not 0 <= number <= 1:
        shown = f"{number * 100:g}%" if number <= 10 else f"{number:g}"
        raise fail("share_range", value=shown)
    return number


def parse_date(value: Any) -> Any:
    """A date written `YYYY-MM-DD` that exists on the calendar."""
    if isinstance(value, date):
        return _in_years(value, value)
    day = None
    if isinstance(value, str) and _DATE_RE.match(value.strip()):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            day = None
    if day is None:
        raise fail("date", value=value)
    return _in_years(day, value.strip())


# Years a plan may name: the calendar, holiday and forecast arithmetic (up to ten years ahead) stay
# far inside what Python's dates and the calendar libraries handle.
FIRST_YEAR, LAST_YEAR = 1970, 2100


def _in_years(day: date, shown: Any) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise fail("date_range", value=shown, low=FIRST_YEAR, high=LAST_YEAR)
    return day


def parse_month(value: Any) -> Any:
    """A month written `YYYY-MM`; kept as the first day of that month."""
    if isinstance(value, date):
        return _in_years(value.replace(day=1), value)
    if isinstance(value, str) and (m := _MONTH_RE.match(value.strip())):
        year, month = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            return _in_years(date(year, month, 1), value.strip())
    raise fail("month", value=value)


def bounded(low: float, high: float, *, strict_low: bool = False, integer: bool = False) -> Any:
    """A number within low..high (low excluded when `strict_low`): the sane range of one kind of value.

    Each kind of number in a plan (money, counts, hours, multipliers…) has a range far beyond any
    real business and far inside what the arithmetic and the renderers handle, so a typo such as
    `1e308` is reported at its line instead of printing nonsense.
    """

    def check(value: Any) -> Any:
        if value is None:
            return value
        number = _integer(value) if integer else _to_number(value)
        if number < low or (strict_low and number <= low):
            raise fail("positive" if strict_low else "non_negative", value=f"{number:g}")
        if number > high:
            raise fail("too_big", value=_shown(value), high=f"{high:,.0f}".replace(",", " "))
        return number

    return check


def _shown(value: Any) -> str:
    """A value as the consultant typed it (the loader hands over text), shortened for a message."""
    text = str(value).strip()
    return text if len(text) <= 40 else text[:39] + "…"


def _bounded_type(kind: type, low: float, high: float, *, strict_low: bool = False) -> Any:
    schema: dict[str, Any] = {"type": "integer" if kind is int else "number", "maximum": high}
    schema["exclusiveMinimum" if strict_low else "minimum"] = low
    check = bounded(low, high, strict_low=strict_low, integer=kind is int)
    return Annotated[kind, BeforeValidator(check), WithJsonSchema(schema)]


def _integer(value: Any) -> Any:
    if value is None:
        return value
    number = _to_number(value)
    if number != int(number):
        raise fail("integer", value=value)
    if number < 0:
        raise fail("non_negative", value=f"{number:g}")
    return int(number)


def int_range(low: int, high: int | None = None) -> Any:
    """A whole number within low..high (high None: no upper bound)."""

    def check(value: Any) -> Any:
        if value is None:
            return value
        number = _integer(value) if _to_number(value) >= 0 else int(_to_number(value))
        if number < low or (high is not None and number > high):
            raise fail("range", value=_shown(value), low=low, high="…" if high is None else high)
        return number

    return check


def _id(value: Any) -> Any:
    if not isinstance(value, str) or not re.match(ID_PATTERN, value):
        raise fail("id", value=value)
    return value


def _text(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1 and not isinstance(next(iter(value.values())), dict | list):
        # `- скорость: машина нужна сегодня`: the ': ' made one line of text a key and its value
        raise fail("text_colon")
    if isinstance(value, dict | list):
        raise fail("text", kind="a mapping" if isinstance(value, dict) else "a list")
    return value


# Line breaks of every kind, and the other control characters (escape sequences, bells, NUL).
_LINE_BREAK_RE = re.compile("[\n\r\v\f\x85\u2028\u2029]")
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _one_line(value: Any) -> Any:
    """One-line text (names, titles, ids…) is one line: a line break there would forge headings
    and break tables; escape sequences would reach terminals. Markdown fields take the lines."""
    value = _text(value)
    if isinstance(value, str):
        if _LINE_BREAK_RE.search(value.strip()):
            raise fail("one_line")
        if found := _CONTROL_RE.search(value):
            raise fail("control_in_text", char=ord(found.group()))
        # Bidirectional embeddings, overrides and isolates make a title read backwards (the terminal
        # drops them when printing): removed here, so no page title, heading or PDF title keeps them.
        value = _BIDI_RE.sub("", value)
    return value


# Markdown is bounded: deep nesting (135 quotes in 270 bytes) overflowed the PDF renderer's stack
# and stopped the whole build, and no plan needs a field longer than a few pages. The renderer
# (`generator.render.markup`) enforces the same limits, so `check` refuses exactly what it would not render.
MAX_MARKDOWN_CHARS = 20_000
MAX_MARKDOWN_DEPTH = 16


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """The Markdown of plan text: CommonMark with tables and strikethrough, raw HTML as text.

    markdown-it-py parses in time linear in its input (Python-Markdown took quadratic time on
    unclosed links: 16 s for 32 KB); its own nesting guard stops a little past our limit."""
    return MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_MARKDOWN_DEPTH + 4}).enable(
        ["table", "strikethrough"]
    )


def markdown_depth(tokens: list[Token]) -> int:
    """How deeply the parsed Markdown nests: blocks (quotes, lists) and, inside them, inline
    markup (emphasis, links), counted by the tokens' opening and closing."""
    deepest = 0
    for token in tokens:
        level = token.level
        deepest = max(deepest, level)
        for child in token.children or ():
            level += child.nesting
            deepest = max(deepest, level)
    return deepest


def markdown_problem(text: str) -> PydanticCustomError | None:
    """Why this Markdown is past the limits, or None: what `check` reports and the renderer refuses."""
    if len(text) > MAX_MARKDOWN_CHARS:
        return fail("markdown_too_long", length=len(text), limit=MAX_MARKDOWN_CHARS)
    depth = markdown_depth(markdown_parser().parse(text))
    if depth > MAX_MARKDOWN_DEPTH:
        return fail("markdown_too_deep", limit=MAX_MARKDOWN_DEPTH)
    return None


def _markdown(value: Any) -> Any:
    value = _text(value)
    if isinstance(value, str) and (found := _CONTROL_RE.search(value.replace("\r", "").replace("\f", ""))):
        raise fail("control_in_text", char=ord(found.group()))
    if isinstance(value, str) and (problem := markdown_problem(value)):
        raise problem
    return value


_NUMBER_SCHEMA = {"type": "number"}
Text = Annotated[str, BeforeValidator(_one_line)]
Markdown = Annotated[str, BeforeValidator(_markdown), Field(json_schema_extra={"format": "markdown"})]
Id = Annotated[str, BeforeValidator(_id), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]
Share = Annotated[
    float,
    BeforeValidator(parse_share),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 1},
                {"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*%\s*$"},
            ],
            "description": "A share: 35% or 0.35",
        }
    ),
]
Quantity = Annotated[
    float,
    BeforeValidator(parse_quantity),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": -MAX_QUANTITY, "maximum": MAX_QUANTITY},
                {"type": "string", "pattern": r"^\s*[+-]?\d+([.,]\d+)?\s*%\s*$"},
            ],
            "description": "A number, or a share written as 35%",
        }
    ),
]
# The sane range of each kind of number (documented in docs/plan-format.md, "Numbers").
MAX_MONEY = 1e12  # a trillion in the plan's currency: beyond any small business's sums
MAX_COUNT = 10_000_000_000  # people, answers, searches: more than the world's population
Money = _bounded_type(float, 0, MAX_MONEY)
PositiveMoney = _bounded_type(float, 0, MAX_MONEY, strict_low=True)
Count = _bounded_type(int, 0, MAX_COUNT)
Customers = _bounded_type(float, 0, MAX_COUNT)  # customers a month may be an average such as 2.5
Frequency = _bounded_type(float, 0, 10_000)  # purchases of one customer a year
Years = _bounded_type(float, 0, 100, strict_low=True)  # a customer's lifetime
Hours = _bounded_type(float, 0, 100_000)  # a team's hours a month
Multiplier = _bounded_type(float, 0, 100)  # a scenario's multiplier of new customers
Weight = _bounded_type(float, 0, 1000, strict_low=True)  # a tool's weight in its family score
Day = Annotated[date, BeforeValidator(parse_date), WithJsonSchema({"type": "string", "format": "date"})]
Month = Annotated[date, BeforeValidator(parse_month), WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}$"})]
Status = Literal["absent", "partial", "done", "n/a"]
Priority = Literal["high", "medium", "low"]


class Section(BaseModel):
    """Common configuration: unknown keys are errors, values are validated on assignment too."""

    model_config = ConfigDict(extra="forbid", validate_default=False, frozen=True, defer_build=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_lists(cls, data: Any) -> Any:
        """`published:` with nothing after it means an empty list, as `published: []` does.

        Consultants leave a list key in place while a step is not filled yet; only lists whose
        default is empty are read this way, so no meaning is guessed.
        """
        if isinstance(data, dict):
            for name, field in cls.model_fields.items():
                if data.get(name, ...) is None and field.default_factory is list:
                    data = {**data, name: []}
        return data



def _url(value: Any) -> Any:
    if isinstance(value, str) and _CONTROL_RE.search(value.strip()):
        raise fail("url_control", value=value.encode("unicode_escape").decode("ascii"))
    if not isinstance(value, str) or not re.match(r"^https?://[^\s/$.?#][^\s]*$", value.strip(), re.IGNORECASE):
        raise fail("url", value=value)
    return value.strip()


Url = Annotated[str, BeforeValidator(_url), WithJsonSchema({"type": "string", "pattern": "^https?://"})]


def status_to_map(value: Any) -> Any:
    """A bare status (`seo: absent`) is shorthand for `{status: absent}`."""
    return {"status": value} if isinstance(value, str) else value


def parse_cadence(value: Any) -> Any:
    """`daily`, `weekdays`, or a list of weekday names; a list keeps calendar order, once each."""
    if isinstance(value, str) and value.strip() in ("daily", "weekdays"):
        return value.strip()
    if isinstance(value, str):
        raise fail("choice", value=value, choices="daily, weekdays, or a list such as [mon, wed, fri]")
    if isinstance(value, list):
        for item in value:
            if not isinstance(item, str) or item.strip().lower() not in WEEKDAYS:
                raise fail("choice", value=item, choices=", ".join(WEEKDAYS))
        days = {item.strip().lower() for item in value}
        if not days:
            raise fail("cadence_empty")
        return [day for day in WEEKDAYS if day in days]
    raise fail("choice", value=value, choices="daily, weekdays, or a list such as [mon, wed, fri]")


Cadence = Annotated[
    str | list[str],
    BeforeValidator(parse_cadence),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "enum": ["daily", "weekdays"]},
                {"type": "array", "items": {"type": "string", "enum": list(WEEKDAYS)}, "minItems": 1},
            ]
        }
    ),
]
