"""Errors as data.

Every problem with a plan becomes one `PlanError` (file, line, column, dotted path, message,
offending input). A loader collects all of a file's problems, de-duplicates and sorts them,
and raises them together in one `PlanValidationError`, so the consultant fixes a whole file
in one pass. The friendly wording lives in `MESSAGES`, one table, not scattered in code.

Three kinds of exception reach the CLI:
- `UserError`: the command was asked for something impossible (missing file, bad option);
- `PlanValidationError`: the plan is wrong; carries the located errors;
- anything else is an internal bug: the CLI reports it as such, without a traceback
  unless `PLAYBOOK_DEBUG` is set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, order=True)
class PlanError:
    """One located problem in a plan file."""

    file: str
    line: int
    col: int
    path: str
    message: str
    input: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class PlaybookError(Exception):
    """Base of the errors the CLI reports without a traceback."""


class UserError(PlaybookError):
    """The user asked for something that cannot be done (not a problem inside a plan)."""


class PlanValidationError(PlaybookError):
    """A plan file has one or more problems; `errors` lists all of them, sorted by position."""

    def __init__(self, errors: Iterable[PlanError]) -> None:
        self.errors: list[PlanError] = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))


class BuildAborted(PlaybookError):
    """MkDocs stopped the build (its messages are already printed); `plan_problems` when plans were wrong."""

    def __init__(self, plan_problems: bool) -> None:
        self.plan_problems = plan_problems
        super().__init__("the site was not built")


class BuildInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped a site build; `replaced` when the new site was already in place (the old one gone)."""

    def __init__(self, replaced: bool) -> None:
        self.replaced = replaced
        super().__init__("interrupted")


class InternalError(PlaybookError):
    """A bug in playbook itself; reported as such so the user knows it is not their plan."""


# The wording of every message a consultant may see about a plan, in one place.
MESSAGES: dict[str, str] = {
    # reading the file
    "too_large": "the file is {size} bytes; a plan may be at most {limit} bytes",
    "not_utf8": "the file is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8",
    "control_char": "the file contains a control character (U+{char:04X}) YAML does not allow; delete it",
    "yaml_syntax": "YAML syntax error: {problem}",
    "alias": "YAML aliases (*{name}) are not allowed; write the value out in full",
    "too_deep": "nesting is deeper than {limit} levels",
    "duplicate_key": "key '{key}' appears twice (first on line {first_line}); keep one",
    "not_mapping_root": "a plan must be a mapping with a 'business:' section at the top",
    "complex_key": "keys must be plain text",
    "not_regular": "not a regular file (a folder, a device, a FIFO or a socket); a plan is a text file",
    "link_loop": "a symbolic link that loops back on itself; point it at a plan file",
    "broken_link": "a symbolic link to a file that does not exist",
    "unreadable": "cannot read the file: {reason}",
    "duplicate_plan": "two plans of one client: '{other}' has the same name; keep one of the two files",
    "bad_slug": "the file name '{stem}' is not a valid client slug; use lowercase letters, digits "
    "and '-', starting with a letter or digit (at most 63 characters), e.g. 'kolosok.yaml'",
    # shapes and values
    "missing": "required field is missing; add '{field}:'",
    "extra": "unknown key '{key}'{hint}",
    "extra_hint": " — did you mean '{suggestion}'?",
    "extra_choices": " (expected one of: {choices})",
    "extra_comma": "unknown key '{key}' — a comma inside {{…}} starts a new key; put the text in quotes",
    "share_range": "{value} is not a share between 0 and 100%",
    "share_format": "'{value}' is not a share; write e.g. 35% or 0.35",
    "number": "'{value}' is not a number",
    "integer": "'{value}' is not a whole number",
    "positive": "{value} must be greater than 0",
    "non_negative": "{value} must not be negative",
    "range": "{value} is outside {low}..{high}",
    "not_finite": "'{value}' is not a finite number; write the amount itself",
    "too_big": "{value} is beyond any real value here; it must be at most {high}",
    "date_range": "'{value}' is outside the years a plan may name ({low}–{high})",
    "choice": "'{value}' is not allowed; use one of: {choices}",
    "date": "'{value}' is not a valid date; write YYYY-MM-DD (a day that exists)",
    "month": "'{value}' is not a month; write YYYY-MM",
    "id": "'{value}' is not a valid id; use lowercase letters, digits and '-', e.g. 'cake-orders'",
    "url": "'{value}' is not an http(s) URL; write e.g. https://example.com",
    "url_control": "'{value}' holds a control character; a URL is printable text only",
    "one_line": "this is one-line text; a line break is not allowed here (Markdown fields such as "
    "description take several lines)",
    "control_in_text": "the text holds a control character (U+{char:04X}); delete it",
    "markdown_too_long": "this Markdown is {length} characters long; at most {limit} are allowed (split it, "
    "or move the detail to a linked document)",
    "markdown_too_deep": "this Markdown nests more than {limit} levels deep (quotes, lists or emphasis inside each "
    "other); flatten it",
    "text": "expected text, got {kind}",
    "unknown_preset": "'{value}' is not an industry preset; {hint} (a consultant's own presets: PLAYBOOK_PRESETS)",
    "text_colon": "expected text, got a mapping — a colon followed by a space starts a key; put the text in quotes",
    "list": "expected a list, got {kind}",
    "mapping": "expected a mapping (key: value), got {kind}",
    "duplicate_id": "id '{value}' is used twice in this list (first at line {first_line})",
    "unknown_ref": "{what} '{value}' is not defined (defined: {defined})",
    "unknown_tool": "'{value}' is not a tool of family '{family}' (tools: {choices}); "
    "custom tools go under components.custom",
    "component": "'{value}' is not a component; write family.tool, e.g. online.seo (families: {choices})",
    "custom_clash": "custom tool '{value}' clashes with catalogue tool {family}.{value}; "
    "assess it under components.{family} instead",
    "end_before_start": "end {end} is before start {start}",
    "duplicate_roadmap": (
        "initiative '{value}' already has a roadmap entry (line {first_line}); "
        "give each initiative one entry with its start, end and one-off cost"
    ),
    "duplicate_actual": (
        "month {value} is reported twice for this initiative (first at line {first_line}); "
        "keep one entry per month with its spend and new customers"
    ),
    "actual_future": "month {value} is after the current month; actuals record months that have already begun",
    "duplicate_ref": "{what} '{value}' is listed twice (first at line {first_line}); list each once",
    "previous_outside": "'{value}' is outside the plans folder; audit.previous must name a plan beside this one",
    "previous_missing": "'{value}' does not exist (looked for {resolved})",
    "previous_self": "audit.previous must name an earlier plan, not this file",
    "previous_other_client": "'{value}' is the plan of another client ('{name}'); audit.previous must be an "
    "earlier plan of this client: a file named after the slug (e.g. archive/{slug}-2025.yaml) or one with the "
    "same business.name",
    "cadence_empty": "the cadence keeps no weekday; list at least one of mon..sun",
    "holidays_country": "'{value}' is not a country the holidays calendar knows; use an ISO code such as RU",
    "currency": "'{value}' is not an ISO 4217 currency code (e.g. RUB, EUR, USD)",
    "nps_both": "give either counts (promoters, passives, detractors) or scores, not both",
    "nps_empty": "NPS needs at least one answer",
    "lint_code": "'{value}' is not a lint code; codes are M101 to M116",
    "password_env_required": "a private playbook needs 'password_env:', the name of the environment variable "
    "that holds its password (the password itself never goes in the plan)",
    "password_env_unset": "the environment variable {name} {state}: a private playbook is encrypted with the "
    "password it holds; set it (export {name}=…, or a repository secret of that name in CI) or make the "
    "playbook unlisted",
    "password_weak": "the password in the environment variable {name} {problem}: a private playbook is only as "
    "safe as its password; choose a longer one (at least {minimum} characters, e.g. four random words)",
    "generic": "{detail}",
}


# What PyYAML's pure-Python parser says (context, problem), as a consultant would need it said:
# (context pattern, problem pattern, where to point, message). Every parse error is worded by that
# parser (libyaml's failures are re-read with it), so the same file gets the same words everywhere.
YAML_PROBLEMS: list[tuple[str, str, str, str]] = [
    (r"quoted scalar", r"end of stream|document (separator|indicator)", "context",
     "this {opening} is never closed; add the closing {closing} where the text ends"),
    (r"flow (mapping|sequence)|flow node", r"<stream end>|end of stream", "context",
     "this '{opening}' is never closed; add '{closing}'"),
    (r"flow mapping", r"expected ',' or '\}'", "problem",
     "expected ',' or '}}' here: the '{{' at line {context_line} is not closed, or a value has an unquoted ': '"
     " (put it in quotes)"),
    (r"flow sequence", r"expected ',' or '\]'", "problem",
     "expected ',' or ']' here: the '[' at line {context_line} is not closed, or an item has an unquoted ': '"
     " (put it in quotes)"),
    (r"", r"expected <block end>", "problem",
     "the indentation does not line up; keys of one section must start in the same column"),
    (r"", r"mapping values are not allowed", "problem", "a value contains ': '; put the whole value in quotes"),
    (r"", r"found character '\\t'", "problem", "a tab character; indent with spaces"),
    (r"", r"found character '(.)' that cannot start", "problem",
     "a value cannot start with '{char}'; put the whole value in quotes"),
    (r"", r"unknown escape character", "problem",
     "a backslash in double quotes starts an escape; use single quotes, or write \\\\ for a backslash"),
    (r"simple key", r"could not find expected ':'", "context",
     "this key is missing its ':' (or a quoted value spans lines)"),
    (r"single document", r"another document", "problem", "a plan is one document; remove this '---' line"),
    (r"", r"expected the node content", "problem", "a value is missing here, or a bracket is not closed"),
]
_CLOSING = {'"': '"', "'": "'", "{": "}", "[": "]"}


def yaml_problem(context: str | None, context_mark: Any, problem: str, problem_mark: Any) -> tuple[Any, str]:
    """Where to point and what to say for a YAML parse error (the parser's words when we know no better)."""
    for context_re, problem_re, where, text in YAML_PROBLEMS:
        found = re.search(problem_re, problem)
        if not found or not re.search(context_re, context or "") or (where == "context" and context_mark is None):
            continue
        mark = context_mark if where == "context" else problem_mark
        opening = _char_at(context_mark)
        values = {
            "opening": opening,
            "closing": _CLOSING.get(opening, opening),
            "char": found.group(found.lastindex or 0),
            "context_line": f"{context_mark.line + 1}:{context_mark.column + 1}" if context_mark else "?",
        }
        return mark, message("yaml_syntax", problem=text.format(**values))
    detail = f"{context}, {problem}" if context else problem
    return problem_mark or context_mark, message("yaml_syntax", problem=detail)


def _char_at(mark: Any) -> str:
    buffer = getattr(mark, "buffer", None)
    if mark is None or not buffer:
        return ""
    return str(buffer[mark.pointer])


def message(code: str, **values: Any) -> str:
    """Format message `code` from the table; unknown codes are an internal bug, not user input."""
    try:
        template = MESSAGES[code]
    except KeyError as exc:  # pragma: no cover - a typo in our own code
        raise InternalError(f"no message for code {code!r}") from exc
    return template.format(**values)
