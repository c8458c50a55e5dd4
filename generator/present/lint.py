"""Method warnings in words: `file:line:col: warning CODE: path: message`, the message in the plan's language.

The rules live in `generator.compute.lint`; their wording in the labels table (`lint.M101` …).
`warning` and the code stay as they are in every language, so editors and scripts can parse
the line like a compiler's.
"""

from __future__ import annotations

from datetime import date

from generator.compute.lint import LintWarning
from generator.present.i18n import fmt_date, fmt_month, fmt_number, t


def lint_message(warning: LintWarning, language: str) -> str:
    """The warning's message in `language` (a `date` value written as the language writes dates)."""
    values = dict(warning.values)
    if "date" in values:
        values["date"] = fmt_date(date.fromisoformat(values["date"]), language)
    if "month" in values:  # M111 (YYYY-MM), M121 (the month, its planned cost and the cap), as the language writes them
        month = values["month"]
        values["month"] = fmt_month(date.fromisoformat(month if len(month) > 7 else month + "-01"), language)
        values.update({k: fmt_number(float(values[k]), language) for k in ("cost", "cap") if k in values})
    if warning.label == "lint.M114.few":  # what to add: keys of `lint.M114.add.*`
        values["add"] = "; ".join(t(f"lint.M114.add.{key}", language) for key in values["add"].split())
    return t(warning.label, language).format(**values)


def lint_line(warning: LintWarning, file: str, language: str) -> str:
    """The located line `check` prints: `plans/x.yaml:23:5: warning M102: goals[1]: …`."""
    where = f"{file}:{warning.line}:{warning.col}: warning {warning.code}"
    text = lint_message(warning, language)
    return f"{where}: {warning.path}: {text}" if warning.path else f"{where}: {text}"
