"""Value types of the plan model: numbers, shares, money, dates, ids, text — and `Section`.

The loader hands the model plain strings for every scalar (never YAML 1.1 guesses), so these
types do the parsing: numbers, shares written as `35%` or `0.35`, dates that must exist. Each
type also states its JSON Schema, so editors check a plan as the model does. `Section` is the
base of every plan section: unknown keys are errors (`extra="forbid"`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

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
    if isinstance(value, bool):
        raise fail("number", value=value)
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace("_", ""))
        except ValueError:
            pass
    raise fail("number", value=value)


def parse_quantity(value: Any) -> Any:
    """A number, or a share written with a percent sign (`35%` → 0.35)."""
    if isinstance(value, str) and (m := _SHARE_RE.match(value)):
        return float(m.group(1).replace(",", ".")) / 100
    return _to_number(value) if value is not None else value


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
        return value
    if isinstance(value, str) and _DATE_RE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise fail("date", value=value)


def parse_month(value: Any) -> Any:
    """A month written `YYYY-MM`; kept as the first day of that month."""
    if isinstance(value, date):
        return value.replace(day=1)
    if isinstance(value, str) and (m := _MONTH_RE.match(value.strip())):
        year, month = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            return date(year, month, 1)
    raise fail("month", value=value)


def _number_checks(low: float | None = None, strict_low: bool = False) -> Any:
    def check(value: Any) -> Any:
        if value is None:
            return value
        number = _to_number(value)
        if low is not None and (number <= low if strict_low else number < low):
            raise fail("positive" if strict_low else "non_negative", value=f"{number:g}")
        return number

    return check


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
            raise fail("range", value=number, low=low, high="…" if high is None else high)
        return number

    return check


def _id(value: Any) -> Any:
    if not isinstance(value, str) or not re.match(ID_PATTERN, value):
        raise fail("id", value=value)
    return value


def _text(value: Any) -> Any:
    if isinstance(value, dict | list):
        raise fail("text", kind="a mapping" if isinstance(value, dict) else "a list")
    return value


_NUMBER_SCHEMA = {"type": "number"}
Text = Annotated[str, BeforeValidator(_text)]
Markdown = Annotated[str, BeforeValidator(_text), Field(json_schema_extra={"format": "markdown"})]
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
            "anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^\s*[+-]?\d+([.,]\d+)?\s*%\s*$"}],
            "description": "A number, or a share written as 35%",
        }
    ),
]
Money = Annotated[float, BeforeValidator(_number_checks(0)), WithJsonSchema({"type": "number", "minimum": 0})]
Positive = Annotated[
    float,
    BeforeValidator(_number_checks(0, strict_low=True)),
    WithJsonSchema({"type": "number", "exclusiveMinimum": 0}),
]
Count = Annotated[int, BeforeValidator(_integer), WithJsonSchema({"type": "integer", "minimum": 0})]
Day = Annotated[date, BeforeValidator(parse_date), WithJsonSchema({"type": "string", "format": "date"})]
Month = Annotated[date, BeforeValidator(parse_month), WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}$"})]
Status = Literal["absent", "partial", "done", "n/a"]
Priority = Literal["high", "medium", "low"]


class Section(BaseModel):
    """Common configuration: unknown keys are errors, values are validated on assignment too."""

    model_config = ConfigDict(extra="forbid", validate_default=False, frozen=True)

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
