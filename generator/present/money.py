"""The forecast's customer groups and why a forecast is not computed, as rows made safe for one output.

`generator.present.economics` words both once (`customer_groups`, `missing_text`); these two wrappers
only pass each string through `esc`, how a plan's text is made safe for the output
(`generator.present.site.html` for Markdown pages, `str` for the autoescaped PDF template and the
terminal). Plan against fact is in `generator.present.forecast`, the agenda in
`generator.present.checkpoints`, the cost of hours by hand in `generator.present.automation`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from generator.compute.figures import Figures
from generator.present.economics import customer_groups, missing_text

Esc = Callable[[object], Any]


def missing_keys(figures: Figures, plan_segments: dict[str, str], esc: Esc) -> str | None:
    """Why the forecast is not computed (`generator.present.economics.missing_text`), made safe by `esc`."""
    text = missing_text(figures, plan_segments)
    return esc(text) if text is not None else None


def groups(figures: Figures, plan_segments: dict[str, str], esc: Esc) -> list[dict[str, Any]]:
    """The forecast's customer groups (`generator.present.economics.customer_groups`) as rows made safe by `esc`."""
    return [{k: esc(v) for k, v in asdict(row).items()} for row in customer_groups(figures, plan_segments)]
