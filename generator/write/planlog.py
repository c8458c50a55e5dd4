"""Recording an article in a plan's log (`playbook log`), keeping the file as the consultant wrote it.

A plan is a hand-written file full of the consultant's comments, so it is never re-dumped:
ruamel.yaml's round-trip parser only *locates* the log (where the list is, how its items are
indented, whether they are flow `{...}` items or block items) and renders the one new item in
that style; the item's lines are then inserted as text, and every other byte of the file stays
as it was (line endings included). The resulting text is validated like `load_plan` does
before anything is written, and it is written atomically; an invalid plan, a plan without a
`content:` section, or a log written as a one-line `[...]` list is refused with the file
untouched.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from generator.errors import PlanValidationError, UserError
from generator.load.loader import display_path, load_plan, validate_source
from generator.load.yamlsource import read_yaml
from generator.model import Plan, Publication
from generator.render.calendar import clean_line
from generator.write.files import write_atomic
from generator.write.lock import plan_lock

_ITEM_PREFIX = re.compile(r"^( *)-( +)")


def _yaml() -> YAML:
    yaml = YAML()  # round-trip
    yaml.width = 1_000_000  # never fold the new item
    return yaml


def render_entry(entry: dict[str, Any], flow: bool) -> list[str]:
    """The new log item as YAML lines (without the `- ` prefix), quoted by ruamel where needed."""
    item = CommentedMap(entry)
    if flow:
        item.fa.set_flow_style()
    buffer = io.StringIO()
    _yaml().dump(item, buffer)
    return buffer.getvalue().splitlines()


def open_empty_list(lines: list[str], key_line: int, key: str, where: str) -> int:
    """Make `key:` (written empty, `[]`, `~` or `null`) ready for block items; the index to insert at.

    Any other layout of that line is refused rather than guessed, so the file is never damaged.
    """
    if not re.fullmatch(rf"\s*{re.escape(key)}:\s*(\[\s*\]|~|null)?\s*(#.*)?", lines[key_line].rstrip("\r\n")):
        raise UserError(f"{where}: unusual layout; add the entry by hand")
    lines[key_line] = re.sub(r":\s*(\[\s*\]|~|null)", ":", lines[key_line], count=1)
    return key_line + 1


# A document marker (`---` starts a document, `...` ends it) at the start of a line is no part of any
# node: an entry inserted after a plan's closing `...` was outside the document (a YAML syntax error).
_DOCUMENT_MARKER = re.compile(r"^(---|\.\.\.)(\s|$)")


def end_of_node(lines: list[str], start: int, stop: int) -> int:
    """Index of the last line in lines[start:stop] that holds YAML (not blank, not only a comment, not
    a document marker)."""
    last = start
    for index in range(start, stop):
        stripped = lines[index].strip()
        if _DOCUMENT_MARKER.match(lines[index]):
            break
        if stripped and not stripped.startswith("#"):
            last = index
    return last


def next_key_line(mapping: CommentedMap, key: str, default: int) -> int:
    """The line of the key after `key` in `mapping`, or `default` when `key` is the last."""
    keys = list(mapping.keys())
    position = keys.index(key)
    if position + 1 < len(keys):
        line: int = mapping.lc.key(keys[position + 1])[0]
        return line
    return default


def append_log_entry(text: str, entry: dict[str, Any]) -> str:
    """`text` with `entry` appended to content.published, every other byte unchanged."""
    newline = "\r\n" if "\r\n" in text else "\n"
    try:
        root = _yaml().load(text)
    except YAMLError as exc:  # pragma: no cover - load_plan has already read the file
        raise UserError(f"cannot read the plan: {exc}") from None
    content = root.get("content") if isinstance(root, CommentedMap) else None
    if not isinstance(content, CommentedMap) or not len(content):
        raise UserError("the plan has no 'content:' section")
    if content.fa.flow_style():
        raise UserError("content is written as a one-line { ... } mapping; write one key per line to use playbook log")
    lines = text.splitlines(keepends=True)
    content_end = next_key_line(root, "content", len(lines))
    published = content.get("published") if "published" in content else None

    if isinstance(published, CommentedSeq) and len(published) and published.fa.flow_style():
        raise UserError(
            "content.published is written as a one-line [ ... ] list; write one entry per line "
            "('- {date: …, title: …}') so that playbook log can add to it without rewriting it"
        )
    if isinstance(published, CommentedSeq) and len(published):
        last_line, item_col = published.lc.data[len(published) - 1]
        match = _ITEM_PREFIX.match(lines[last_line])
        if not match or len(match.group(0)) != item_col:
            raise UserError("content.published: the last entry's layout is unusual; add the entry by hand")
        flow = isinstance(published[-1], CommentedMap) and bool(published[-1].fa.flow_style())
        stop = next_key_line(content, "published", content_end)
        insert_at = end_of_node(lines, last_line, stop) + 1
        rendered = render_entry(entry, flow)
        dash = match.group(0)
        body = [dash + rendered[0]] + [" " * item_col + line for line in rendered[1:]]
    else:
        # No log yet (`published:` absent, empty or `[]`): a block list of flow items.
        indent = _child_indent(content)
        rendered = render_entry(entry, flow=True)
        body = [" " * (indent + 2) + "- " + rendered[0]]
        if "published" in content:
            insert_at = open_empty_list(lines, content.lc.key("published")[0], "published", "content.published")
        else:
            insert_at = end_of_node(lines, root.lc.key("content")[0], content_end) + 1
            body.insert(0, " " * indent + "published:")
    if insert_at > 0 and insert_at <= len(lines) and not lines[insert_at - 1].endswith(("\n", "\r")):
        lines[insert_at - 1] += newline
    lines[insert_at:insert_at] = [line + newline for line in body]
    return "".join(lines)


def _child_indent(content: CommentedMap) -> int:
    """Indentation of the keys of the content mapping."""
    first = next(iter(content.keys()))
    col: int = content.lc.key(first)[1]
    return col


def _check_entry(entry: dict[str, Any]) -> None:
    """The new entry as the model would read it: a bad --url or --title is a user error."""
    try:
        Publication.model_validate({key: str(value) for key, value in entry.items()})
    except ValidationError as exc:
        problems = "; ".join(f"--{e['loc'][0]}: {e['msg']}" for e in exc.errors(include_url=False))
        raise UserError(problems) from None


def record_publication(
    path: Path,
    title: str,
    url: str | None,
    day: date,
    refresh: bool = False,
    kind: str | None = None,
    idea: str | None = None,
) -> Plan:
    """Add {date, title, url, kind, idea} to the plan's log, keeping the file as written; the new plan.

    `kind` is new (default), refresh, repurpose or research; `refresh=True` is the older
    spelling of kind refresh. `idea` is the id of the planned idea the entry fulfils.
    The plan's lock is held from reading to writing: two `playbook log` runs at once would
    otherwise both read the same log and the second write would drop the first one's entry.
    """
    with plan_lock(path):
        return _record_locked(path, title, url, day, refresh, kind, idea)


def _record_locked(
    path: Path, title: str, url: str | None, day: date, refresh: bool, kind: str | None, idea: str | None
) -> Plan:
    """`record_publication` under the plan's lock: read, validate, insert, validate, write."""
    shown = display_path(path)
    loaded = load_plan(path)  # an invalid plan is refused here, untouched
    if loaded.plan.content is None:
        raise UserError(
            f"{shown}: the plan has no 'content:' section; add one with 'start: YYYY-MM-DD' before logging articles"
        )
    title = title.strip()
    if not title or title != clean_line(title):
        raise UserError("--title must be one line of text")
    entry: dict[str, Any] = {"date": day, "title": title}
    if url:
        entry["url"] = url.strip()
    if refresh and kind not in (None, "refresh"):
        raise UserError(f"--refresh and --kind {kind} contradict each other; give one of them")
    entry["kind"] = kind or ("refresh" if refresh else "new")
    if idea is not None:
        idea = idea.strip()
        if not idea or idea != clean_line(idea):
            raise UserError("--idea must be one line of text: the idea id shown in the calendar")
        entry["idea"] = idea
    _check_entry(entry)
    if any(p.date == day and p.title == title for p in loaded.plan.content.published):
        raise UserError(f"{shown}: '{title}' is already logged on {day.isoformat()}")

    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    bom = raw.startswith(b"\xef\xbb\xbf")
    new_text = append_log_entry(text, entry)
    new_raw = (b"\xef\xbb\xbf" if bom else b"") + new_text.encode("utf-8")

    plan, errors = validate_source(read_yaml(new_raw, shown))
    if errors or plan is None or plan.content is None:
        raise PlanValidationError(errors)
    added = plan.content.published[-1] if plan.content.published else None
    expected = Publication.model_validate({key: str(value) for key, value in entry.items()})
    if len(plan.content.published) != len(loaded.plan.content.published) + 1 or added != expected:
        raise UserError(f"{shown}: could not add the entry safely; add it by hand")
    write_atomic(path, new_raw)
    return plan
