"""Recording a month's actuals of an initiative (`playbook actual`), keeping the file as written.

Like `playbook log` (`generator.write.planlog`), the plan is never re-dumped: ruamel.yaml's
round-trip parser only locates the initiative and its `actuals:` list, the new entry is rendered
in the style of the entries already there and inserted as text, every other byte (comments, line
endings) stays as it was, and the new text is validated like `load_plan` before an atomic write.
The plan's lock is held from the re-read to the write, so two recordings at once keep both.

A month already recorded for that initiative is refused, naming the line: the consultant edits
the figures there (a second record is far more often a slip — the wrong `--month` — than a
correction, and silently overwriting a reported month would lose a fact).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.errors import PlanValidationError, UserError
from generator.load.loader import display_path, load_plan, validate_source
from generator.load.yamlsource import read_yaml
from generator.model import Actual, Initiative, Plan
from generator.write.files import write_atomic
from generator.write.lock import plan_lock
from generator.write.planlog import end_of_node, next_key_line, open_empty_list, render_entry

_ITEM_PREFIX = re.compile(r"^( *)-( +)")


def _yaml() -> YAML:
    return YAML()  # round-trip: positions of every node, nothing re-dumped


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _locate(text: str, index: int) -> tuple[CommentedMap, int]:
    """The initiative's mapping (by its position in the list) and the line where its node ends."""
    root = _yaml().load(text)
    lines = text.splitlines(keepends=True)
    strategy = root["strategy"]
    initiatives: CommentedSeq = strategy["initiatives"]
    if strategy.fa.flow_style() or initiatives.fa.flow_style():
        raise UserError("strategy.initiatives is written on one line; write one key per line to use playbook actual")
    item = initiatives[index]
    if not isinstance(item, CommentedMap) or item.fa.flow_style():
        raise UserError("the initiative is written as a one-line { ... } mapping; write one key per line first")
    stop = next_key_line(root, "strategy", len(lines))
    stop = next_key_line(strategy, "initiatives", stop)
    if index + 1 < len(initiatives):
        stop = initiatives.lc.data[index + 1][0]
    return item, stop


def insert_actual(text: str, index: int, entry: dict[str, Any]) -> str:
    """`text` with `entry` added to the actuals of initiative number `index`, every other byte unchanged."""
    newline = "\r\n" if "\r\n" in text else "\n"
    item, stop = _locate(text, index)
    lines = text.splitlines(keepends=True)
    actuals = item.get("actuals")
    if isinstance(actuals, CommentedSeq) and len(actuals):
        if actuals.fa.flow_style():
            raise UserError("actuals is written as a one-line [ ... ] list; write one entry per line first")
        last_line, item_col = actuals.lc.data[len(actuals) - 1]
        match = _ITEM_PREFIX.match(lines[last_line])
        if not match or len(match.group(0)) != item_col:
            raise UserError("the last actuals entry's layout is unusual; add the entry by hand")
        flow = isinstance(actuals[-1], CommentedMap) and bool(actuals[-1].fa.flow_style())
        insert_at = end_of_node(lines, last_line, next_key_line(item, "actuals", stop)) + 1
        rendered = render_entry(entry, flow)
        body = [match.group(0) + rendered[0]] + [" " * item_col + line for line in rendered[1:]]
    else:
        indent: int = item.lc.key(next(iter(item.keys())))[1]
        body = [" " * (indent + 2) + "- " + render_entry(entry, flow=True)[0]]
        if "actuals" in item:
            insert_at = open_empty_list(lines, item.lc.key("actuals")[0], "actuals", "actuals")
        else:
            first_line = item.lc.key(next(iter(item.keys())))[0]
            insert_at = end_of_node(lines, first_line, stop) + 1
            body.insert(0, " " * indent + "actuals:")
    if 0 < insert_at <= len(lines) and not lines[insert_at - 1].endswith(("\n", "\r")):
        lines[insert_at - 1] += newline
    lines[insert_at:insert_at] = [line + newline for line in body]
    return "".join(lines)


def _find(plan: Plan, initiative_id: str, shown: str) -> tuple[int, Initiative]:
    initiatives = plan.strategy.initiatives if plan.strategy else []
    for index, initiative in enumerate(initiatives):
        if initiative.id == initiative_id:
            return index, initiative
    known = ", ".join(i.id for i in initiatives) or "none"
    raise UserError(f"{shown}: no initiative '{initiative_id}' in strategy.initiatives (initiatives: {known})")


def record_actual(
    path: Path, initiative_id: str, month: date, spend: float | None, new_customers: float | None, today: date
) -> Plan:
    """Add {month, spend, new_customers} to an initiative's actuals, keeping the file as written; the new plan."""
    shown = display_path(path)
    if spend is None and new_customers is None:
        raise UserError("give --spend, --new-customers or both: the month's figures to record")
    for flag, value in (("--spend", spend), ("--new-customers", new_customers)):
        if value is not None and value < 0:
            raise UserError(f"{flag} must be 0 or more")
    month = month.replace(day=1)
    if month > today.replace(day=1):
        raise UserError(f"--month {month:%Y-%m} is after the current month: record a month that has begun")
    with plan_lock(path):
        loaded = load_plan(path, today=today)  # an invalid plan is refused here, untouched
        index, initiative = _find(loaded.plan, initiative_id, shown)
        if any(a.month == month for a in initiative.actuals):
            raise UserError(
                f"{shown}: {initiative_id} already has actuals for {month:%Y-%m}; "
                "correct that entry in the plan by hand (playbook actual never overwrites a reported month)"
            )
        entry: dict[str, Any] = {"month": f"{month:%Y-%m}"}
        if spend is not None:
            entry["spend"] = _number(spend)
        if new_customers is not None:
            entry["new_customers"] = _number(new_customers)
        raw = path.read_bytes()
        bom = raw.startswith(b"\xef\xbb\xbf")
        new_text = insert_actual(raw.decode("utf-8-sig"), index, entry)
        new_raw = (b"\xef\xbb\xbf" if bom else b"") + new_text.encode("utf-8")
        plan, errors = validate_source(read_yaml(new_raw, shown), today=today)
        if errors or plan is None:
            raise PlanValidationError(errors)
        _, updated = _find(plan, initiative_id, shown)
        expected = Actual.model_validate(entry)
        if len(updated.actuals) != len(initiative.actuals) + 1 or expected not in updated.actuals:
            raise UserError(f"{shown}: could not add the entry safely; add it by hand")
        write_atomic(path, new_raw)
    return plan
