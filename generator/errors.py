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
    "bad_slug": "the file name '{stem}' is not a valid client slug; use lowercase letters, digits "
    "and '-', starting with a letter or digit (at most 63 characters), e.g. 'kolosok.yaml'",
    # shapes and values
    "missing": "required field is missing; add '{field}:'",
    "extra": "unknown key '{key}'{hint}",
    "extra_hint": " — did you mean '{suggestion}'?",
    "extra_choices": " (expected one of: {choices})",
    "share_range": "{value} is not a share between 0 and 100%",
    "share_format": "'{value}' is not a share; write e.g. 35% or 0.35",
    "number": "'{value}' is not a number",
    "integer": "'{value}' is not a whole number",
    "positive": "{value} must be greater than 0",
    "non_negative": "{value} must not be negative",
    "range": "{value} is outside {low}..{high}",
    "choice": "'{value}' is not allowed; use one of: {choices}",
    "date": "'{value}' is not a valid date; write YYYY-MM-DD (a day that exists)",
    "month": "'{value}' is not a month; write YYYY-MM",
    "id": "'{value}' is not a valid id; use lowercase letters, digits and '-', e.g. 'cake-orders'",
    "url": "'{value}' is not an http(s) URL; write e.g. https://example.com",
    "text": "expected text, got {kind}",
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
    "previous_outside": "'{value}' is outside the plans folder; audit.previous must name a plan beside this one",
    "previous_missing": "'{value}' does not exist (looked for {resolved})",
    "previous_self": "audit.previous must name an earlier plan, not this file",
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
    "generic": "{detail}",
}


# Hints for the YAML parser's own wording (libyaml), keyed by the start of its message.
YAML_HINTS: dict[str, str] = {
    "did not find expected key": "check the indentation: keys of one section must line up",
    "mapping values are not allowed": "a value contains ': '; put the whole value in quotes",
    "found character that cannot start any token": "a tab, or a value starting with @ or `; use spaces, or quote it",
    "did not find expected node content": "a value is missing or a bracket is not closed",
    "found unexpected end of stream": "a quote or a bracket is not closed",
    "did not find expected ',' or ']'": "a list in [ ] is not closed, or an item has an unquoted ': '",
    "did not find expected ',' or '}'": "a mapping in { } is not closed, or a value has an unquoted ': '",
    "could not find expected ':'": "a key is missing its ':', or a quoted value spans lines",
    "found unknown escape character": "a backslash in double quotes; use single quotes instead",
}


def yaml_problem(problem: str) -> str:
    """The parser's message with a hint a consultant can act on, where we know one."""
    for start, hint in YAML_HINTS.items():
        if problem.startswith(start):
            return message("yaml_syntax", problem=f"{problem}; {hint}")
    return message("yaml_syntax", problem=problem)


def message(code: str, **values: Any) -> str:
    """Format message `code` from the table; unknown codes are an internal bug, not user input."""
    try:
        template = MESSAGES[code]
    except KeyError as exc:  # pragma: no cover - a typo in our own code
        raise InternalError(f"no message for code {code!r}") from exc
    return template.format(**values)
