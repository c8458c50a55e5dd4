"""What the CLI prints: consoles for results and problems, and located errors one a line.

Plan text is untrusted and reaches the terminal through these consoles only, so this is where
it is made inert (`SafeConsole`, `generator.render.terminal.printable`).
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console

from generator.errors import PlanError, UserError
from generator.render.terminal import printable


class SafeConsole(Console):
    """A rich console that strips terminal control characters from every text it renders — printed
    strings and the cells of tables alike (rich turns both into Text through `render_str`) — so plan
    text (a business name with an escape sequence) can never drive the terminal."""

    def render_str(self, text: str, **kwargs: Any) -> Any:
        return super().render_str(printable(text), **kwargs)


def stdout() -> Console:
    """Console for results: plain text when not a terminal, so output can be piped and parsed."""
    return SafeConsole(highlight=False, soft_wrap=True)


def stderr() -> Console:
    """Console for problems."""
    return SafeConsole(stderr=True, highlight=False, soft_wrap=True)


def print_errors(errors: Sequence[PlanError]) -> None:
    """All located errors, one a line, in file:line:col order."""
    console = stderr()
    for error in errors:
        console.print(str(error), markup=False)
    files = len({e.file for e in errors})
    noun = "problem" if len(errors) == 1 else "problems"
    console.print(f"{len(errors)} {noun} in {files} file{'s' if files != 1 else ''}", markup=False)


def print_warnings(lines: Sequence[str], files: int) -> None:
    """Method warnings, one a line, after the errors (already worded and located), and their count."""
    console = stderr()
    for line in lines:
        console.print(line, markup=False)
    noun = "warning" if len(lines) == 1 else "warnings"
    console.print(f"{len(lines)} {noun} in {files} file{'s' if files != 1 else ''}", markup=False)


def parse_day(text: str) -> date:
    """`--today`/`--date` values: YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write YYYY-MM-DD") from None


def parse_month_arg(text: str) -> date:
    """`--month` values: YYYY-MM (kept as the first day of the month), in the years a plan may name."""
    try:
        month = date.fromisoformat(f"{text}-01") if len(text) == 7 else date.fromisoformat("bad")
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a month; write YYYY-MM") from None
    from generator.model.values import FIRST_YEAR, LAST_YEAR  # only when a command takes --month

    if not FIRST_YEAR <= month.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"'{text}' is outside the years a plan may name ({FIRST_YEAR}–{LAST_YEAR})")
    return month


def amount_arg(kind: str) -> Callable[[str], float]:
    """An option's amount (`kind` "money" or "count"), checked as the plan checks one: a finite number,
    0 or more, within the sane range of its kind. A bad value is an option error (exit 2) before the
    plan is read, never a plan error at a line the plan does not have."""

    def parse(text: str) -> float:
        from generator.model.values import MAX_COUNT, MAX_MONEY  # only when a command takes an amount

        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"'{text}' is not a number; write e.g. 1500 or 2.5")
        if value < 0:
            raise argparse.ArgumentTypeError(f"{text} must be 0 or more")
        high = MAX_MONEY if kind == "money" else MAX_COUNT
        if value > high:
            raise argparse.ArgumentTypeError(f"{text} is beyond any real value here; it must be at most {high:g}")
        return value

    return parse


def plan_files(paths: Sequence[str]) -> Iterator[Path]:
    """Plan files named directly, or every `*.yaml`/`*.yml` in the folders named (listed the way a
    build lists them: twin `acme.yaml`/`acme.yml` and files that are no regular files are errors)."""
    from generator.load.planfiles import list_plans

    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = list_plans(path)
            if not found:
                raise UserError(f"{name}: no plan files (*.yaml) in this folder")
            yield from found
        elif path.exists():
            yield path
        else:
            raise UserError(f"{name}: no such file or folder")
