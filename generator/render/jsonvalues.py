"""How numbers and worked arithmetic are written in the JSON report (`report --json`)."""

from __future__ import annotations

from typing import Any

from generator.compute.arithmetic import Arithmetic


def json_number(value: float | int | None) -> float | int | None:
    """A number for JSON: unrounded, but a whole float written as an integer (182500, not 182500.0)."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def json_work(work: Arithmetic | None) -> dict[str, Any] | None:
    """Worked arithmetic as data: operator, operands (numbers or nested), result."""
    if work is None:
        return None
    return {
        "operator": work.operator,
        "operands": [json_work(o) if isinstance(o, Arithmetic) else json_number(o) for o in work.operands],
        "result": json_number(work.result),
    }
