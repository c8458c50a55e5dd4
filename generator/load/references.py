"""Cross-reference checks between plan sections, run on the raw data.

They run on the plain data read from YAML rather than on the validated model, so that a
plan with a shape error elsewhere still gets its broken references reported in the same
run. Each check is defensive about shapes: anything not the expected shape is left to the
model's own errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any, TypeGuard

from generator.catalogue import FAMILIES
from generator.errors import message
from generator.load.yamlsource import Path

Problem = tuple[Path, str]


def _items(data: Any, *path: str) -> Iterator[tuple[Path, dict[str, Any]]]:
    """The mappings of the list at `path`, with their paths."""
    node = data
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    if isinstance(node, list):
        for i, item in enumerate(node):
            if isinstance(item, dict):
                yield ((*path, i), item)


def _ids(
    data: Any, section: tuple[str, ...], problems: list[Problem], positions: dict[Path, tuple[int, int]]
) -> list[str]:
    """Ids defined in list `section`, reporting duplicates."""
    seen: dict[str, Path] = {}
    for path, item in _items(data, *section):
        value = item.get("id")
        if not isinstance(value, str):
            continue
        if value in seen:
            first_line = positions.get((*seen[value], "id"), (0, 0))[0]
            problems.append(((*path, "id"), message("duplicate_id", value=value, first_line=first_line)))
        else:
            seen[value] = path
    return list(seen)


def _is_date(value: Any) -> TypeGuard[str]:
    """Only well-formed dates are compared; malformed ones get their own error from the model."""
    return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None


def _ref(problems: list[Problem], path: Path, value: Any, defined: list[str], what: str) -> None:
    if isinstance(value, str) and value not in defined:
        shown = ", ".join(defined) if defined else "none"
        problems.append((path, message("unknown_ref", what=what, value=value, defined=shown)))


def _distinct(
    problems: list[Problem], positions: dict[Path, tuple[int, int]], path: Path, refs: Any, what: str
) -> None:
    """An id listed twice (an initiative's segments are distinct ids: its new customers split among
    them, and a segment listed twice would take two parts)."""
    if not isinstance(refs, list):
        return
    first: dict[str, int] = {}
    for i, value in enumerate(refs):
        if isinstance(value, str) and value in first:
            first_line = positions.get((*path, first[value]), (0, 0))[0]
            problems.append(((*path, i), message("duplicate_ref", what=what, value=value, first_line=first_line)))
        elif isinstance(value, str):
            first[value] = i


def check_references(data: Any, positions: dict[Path, tuple[int, int]]) -> list[Problem]:
    """Every reference between sections that does not resolve, as (path, message)."""
    if not isinstance(data, dict):
        return []
    problems: list[Problem] = []
    goals = _ids(data, ("goals",), problems, positions)
    segments = _ids(data, ("segments",), problems, positions)
    initiatives = _ids(data, ("strategy", "initiatives"), problems, positions)

    custom = _custom_tools(data, problems, positions)

    for full, item in _items(data, "strategy", "initiatives"):
        for key, defined, what in (("goals", goals, "goal"), ("segments", segments, "segment")):
            refs = item.get(key)
            if isinstance(refs, list):
                for i, value in enumerate(refs):
                    _ref(problems, (*full, key, i), value, defined, what)
        _distinct(problems, positions, (*full, "segments"), item.get("segments"), "segment")
        component = item.get("component")
        if isinstance(component, str):
            problem = _component_problem(component, custom)
            if problem:
                problems.append(((*full, "component"), problem))

    planned: dict[str, Path] = {}
    for path, item in _items(data, "roadmap"):
        _ref(problems, (*path, "initiative"), item.get("initiative"), initiatives, "initiative")
        initiative = item.get("initiative")
        if isinstance(initiative, str) and initiative in planned:
            first_line = positions.get((*planned[initiative], "initiative"), (0, 0))[0]
            problems.append(
                ((*path, "initiative"), message("duplicate_roadmap", value=initiative, first_line=first_line))
            )
        elif isinstance(initiative, str):
            planned[initiative] = path
        start, end = item.get("start"), item.get("end")
        if _is_date(start) and _is_date(end) and end < start:
            problems.append(((*path, "end"), message("end_before_start", start=start, end=end)))

    for path, checkpoint in _items(data, "checkpoints"):
        for kpi_path, kpi in _items(checkpoint, "kpis"):
            _ref(problems, (*path, *kpi_path, "goal"), kpi.get("goal"), goals, "goal")

    for path, idea in _items(data, "content", "backlog"):
        if idea.get("segment") is not None:
            _ref(problems, (*path, "segment"), idea.get("segment"), segments, "segment")
    content = data.get("content")
    start, end = (content.get("start"), content.get("end")) if isinstance(content, dict) else (None, None)
    if _is_date(start) and _is_date(end) and end < start:
        problems.append((("content", "end"), message("end_before_start", start=start, end=end)))
    problems.extend(check_data_references(data, segments, initiatives))
    return problems


def check_data_references(data: dict[str, Any], segments: list[str], initiatives: list[str]) -> list[Problem]:
    """The `data` section's segment and initiative ids, and the ids measured KPIs name (v3)."""
    problems: list[Problem] = []
    section = data.get("data")
    if isinstance(section, dict):
        for key, defined, what in (("segments", segments, "segment"), ("initiatives", initiatives, "initiative")):
            mapping = section.get(key)
            if isinstance(mapping, dict):
                for value in mapping:
                    _ref(problems, ("data", key, value), value, defined, what)
        nps = section.get("nps")
        answers = nps.get("answers") if isinstance(nps, dict) else None
        if isinstance(answers, dict):
            for value in answers:
                _ref(problems, ("data", "nps", "answers", value), value, segments, "segment")
    for path, checkpoint in _items(data, "checkpoints"):
        for kpi_path, kpi in _items(checkpoint, "kpis"):
            _ref(problems, (*path, *kpi_path, "segment"), kpi.get("segment"), segments, "segment")
            _ref(problems, (*path, *kpi_path, "initiative"), kpi.get("initiative"), initiatives, "initiative")
    return problems


def _custom_tools(data: Any, problems: list[Problem], positions: dict[Path, tuple[int, int]]) -> dict[str, list[str]]:
    """Custom tool ids by family, reporting duplicates and clashes with the catalogue."""
    custom: dict[str, list[str]] = {family: [] for family in FAMILIES}
    first: dict[tuple[str, str], Path] = {}
    for full, tool in _items(data, "audit", "components", "custom"):
        family, tool_id = tool.get("family"), tool.get("id")
        if not (isinstance(family, str) and family in FAMILIES and isinstance(tool_id, str)):
            continue
        if tool_id in FAMILIES[family].tools:
            problems.append(((*full, "id"), message("custom_clash", value=tool_id, family=family)))
        elif (family, tool_id) in first:
            first_line = positions.get((*first[(family, tool_id)], "id"), (0, 0))[0]
            problems.append(((*full, "id"), message("duplicate_id", value=tool_id, first_line=first_line)))
        else:
            first[(family, tool_id)] = full
            custom[family].append(tool_id)
    return custom


def _component_problem(component: str, custom: dict[str, list[str]]) -> str | None:
    """Why `family.tool` does not name a catalogue or custom tool, or None when it does."""
    family, _, tool = component.partition(".")
    if family not in FAMILIES or not tool:
        return message("component", value=component, choices=", ".join(FAMILIES))
    tools = [*FAMILIES[family].tools, *custom[family]]
    if tool == "custom" or tool in tools:
        # `family.custom` names "a custom tool of this family" where the plan has not named one.
        return None
    return message("unknown_tool", value=tool, family=family, choices=", ".join(tools))


def check_actuals(data: Any, positions: dict[Path, tuple[int, int]], today: date) -> list[Problem]:
    """Each initiative reports a month once. A month that has not begun is a method warning (M111),
    not an error: the plan still builds, and the month is shown and counted nowhere until it begins."""
    problems: list[Problem] = []
    for full, initiative in _items(data, "strategy", "initiatives"):
        seen: dict[str, Path] = {}
        for path, actual in _items(initiative, "actuals"):
            month = actual.get("month")
            if not (isinstance(month, str) and re.fullmatch(r"\d{4}-\d{2}", month.strip())):
                continue  # malformed months get their own error from the model
            month = month.strip()
            where = (*full, *path, "month")
            if month in seen:
                first_line = positions.get((*full, *seen[month], "month"), (0, 0))[0]
                problems.append((where, message("duplicate_actual", value=month, first_line=first_line)))
            else:
                seen[month] = path
    return problems
