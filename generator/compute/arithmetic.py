"""Worked arithmetic as data, and the contract's exact rounding and bands.

Each figure carries its calculation (`Arithmetic`), so every output can write
"50 × 365 × 10 = 182 500" in the plan's language without recomputing anything. Scores are
computed exactly (`fractions.Fraction`) because the contract rounds half up at exactly .5
(12.5 → 13); binary floating point would turn some of those halves into 12.4999….
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import floor
from typing import Literal

Operator = Literal["×", "/", "+", "−"]
Band = Literal["poor", "needs work", "good"]


@dataclass(frozen=True)
class Arithmetic:
    """A calculation written out as data: `operands` joined by `operator`, equal to `result`.

    An operand may itself be an `Arithmetic` (a sub-expression, shown in parentheses where
    precedence needs them), so `100 × (62 − 13) / 100 = 49` is
    `Arithmetic("/", (Arithmetic("×", (100, Arithmetic("−", (62, 13), 49))), 4900), 100), 49)`.
    `generator.present.i18n.fmt_arithmetic` writes it in the plan's language.
    """

    operator: Operator
    operands: tuple[float | Arithmetic, ...]
    result: float


def value_of(operand: float | Arithmetic) -> float:
    """The number an operand stands for (a sub-expression's result)."""
    return operand.result if isinstance(operand, Arithmetic) else operand


def mul(*operands: float | Arithmetic) -> Arithmetic:
    """`a × b × …`, kept as worked arithmetic."""
    result = 1.0
    for operand in operands:
        result *= value_of(operand)
    return Arithmetic("×", tuple(operands), result)


def div(numerator: float | Arithmetic, denominator: float | Arithmetic) -> Arithmetic:
    """`a / b`, kept as worked arithmetic (the caller makes sure b is not 0)."""
    return Arithmetic("/", (numerator, denominator), value_of(numerator) / value_of(denominator))


def sub(left: float | Arithmetic, right: float | Arithmetic) -> Arithmetic:
    """`a − b`, kept as worked arithmetic."""
    return Arithmetic("−", (left, right), value_of(left) - value_of(right))


def add(*operands: float | Arithmetic) -> Arithmetic:
    """`a + b + …`, kept as worked arithmetic (an empty sum is 0)."""
    return Arithmetic("+", tuple(operands), sum(value_of(o) for o in operands))


def round_half_up(value: Fraction) -> int:
    """Round a non-negative exact value to an integer, halves upwards (12.5 → 13), as the contract asks."""
    return floor(value + Fraction(1, 2))


def band_of(score: int | None) -> Band | None:
    """The contract's bands: 0–49 poor, 50–89 needs work, 90–100 good."""
    if score is None:
        return None
    if score >= 90:
        return "good"
    if score >= 50:
        return "needs work"
    return "poor"


def decimal_fraction(number: float) -> Fraction:
    """The decimal the consultant wrote (0.1 → 1/10), not its binary approximation."""
    return Fraction(repr(float(number)))
