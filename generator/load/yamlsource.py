"""Safe YAML reading that remembers where every value stands in the file.

PyYAML composes the document into nodes (never constructing Python objects from tags), and
`read_yaml` turns the nodes into plain data itself: every scalar becomes the text the
consultant typed (so `region: NO`, `0701234567` or `1.10` stay text), except the plain nulls.
The model's field types parse numbers and dates from that text.

Along the way it records the line and column of every key and value by path, refuses aliases
(no "billion laughs"), bounds nesting, catches duplicate keys, and reports every problem as a
located `PlanError` instead of raising on the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from generator.errors import PlanError, message, yaml_problem

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
_NULL_RE = re.compile(r"^(?:~|null|Null|NULL|)$")

Path = tuple[str | int, ...]


@dataclass
class Source:
    """Plain data read from a YAML file, with the position of every key and value by path."""

    file: str
    data: Any
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    errors: list[PlanError] = field(default_factory=list)

    def position(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at `path`, or of its nearest known ancestor."""
        probe = tuple(path)
        while True:
            if key and probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            if not probe:
                return (1, 1)
            probe = probe[:-1]

    def error(self, path: Path, text: str, *, key: bool = False, input: str | None = None) -> PlanError:
        """A located error at `path`."""
        line, col = self.position(path, key=key)
        return PlanError(self.file, line, col, dotted(path), text, input)


def dotted(path: Path) -> str:
    """`('goals', 0, 'id')` → `goals[0].id`: how a consultant would name the spot."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _parser_class() -> Any:
    """libyaml's parser (about 8× faster) where PyYAML has it, else PyYAML's own; never a constructor."""
    try:
        from yaml._yaml import CParser

        return CParser
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        from yaml.parser import Parser
        from yaml.reader import Reader
        from yaml.scanner import Scanner

        class PythonParser(Reader, Scanner, Parser):
            def __init__(self, stream: str) -> None:
                Reader.__init__(self, stream)
                Scanner.__init__(self)
                Parser.__init__(self)

        return PythonParser


_Parser: Any = _parser_class()


class _Bounded(Composer, _Parser, BaseResolver):
    """A composer that refuses aliases and deep nesting, over a safe parser (no constructor at all)."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        Composer.__init__(self)
        BaseResolver.__init__(self)  # no implicit types: every scalar stays the text typed
        self.depth = 0
        self.problems: list[tuple[Any, str]] = []
        self.aliases_seen: set[str] = set()

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            event: Any = self.get_event()
            if event.anchor not in self.aliases_seen:  # one error per anchor is enough to act on
                self.aliases_seen.add(event.anchor)
                self.problems.append((event.start_mark, message("alias", name=event.anchor)))
            return ScalarNode("tag:yaml.org,2002:null", "", event.start_mark, event.end_mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeep(getattr(self.peek_event(), "start_mark", None))
            return Composer.compose_node(self, parent, index)
        finally:
            self.depth -= 1


class _TooDeep(Exception):
    def __init__(self, mark: Any) -> None:
        self.mark = mark


def read_yaml(raw: bytes, file: str) -> Source:
    """Read plan bytes into a `Source`; problems are collected in `Source.errors`, never raised."""
    source = Source(file, None)
    if len(raw) > MAX_BYTES:
        source.errors.append(PlanError(file, 1, 1, "", message("too_large", size=len(raw), limit=MAX_BYTES)))
        return source
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        source.errors.append(PlanError(file, line, col, "", message("not_utf8", byte=raw[exc.start])))
        return source
    try:
        loader = _Bounded(text)
    except yaml.reader.ReaderError as exc:
        source.errors.append(_reader_error(file, text, exc))
        return source
    try:
        node = loader.get_single_node()
    except _TooDeep as exc:
        source.errors.append(_at(file, exc.mark, message("too_deep", limit=MAX_DEPTH)))
        return source
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = str(exc.problem or exc.context)
        if "maximum nesting depth" in problem:  # PyYAML ≥ 6.0.3's scanner stops deep flow nesting first
            source.errors.append(_at(file, mark, message("too_deep", limit=MAX_DEPTH)))
        else:
            source.errors.append(_at(file, mark, yaml_problem(problem)))
        return source
    except yaml.reader.ReaderError as exc:
        source.errors.append(_reader_error(file, text, exc))
        return source
    except (yaml.YAMLError, RecursionError) as exc:
        source.errors.append(PlanError(file, 1, 1, "", message("yaml_syntax", problem=str(exc))))
        return source
    finally:
        loader.dispose()
    source.errors.extend(_at(file, mark, text) for mark, text in loader.problems)
    if node is None:
        source.data = None
        return source
    source.data = _build(node, (), source)
    return source


def _reader_error(file: str, text: str, exc: yaml.reader.ReaderError) -> PlanError:
    """A character YAML does not allow in a file (control characters): located like the rest."""
    before = text[: exc.position]
    line = before.count("\n") + 1
    col = len(before.rsplit("\n", 1)[-1]) + 1
    return PlanError(file, line, col, "", message("control_char", char=exc.character))


def _at(file: str, mark: Any, text: str) -> PlanError:
    if mark is None:
        return PlanError(file, 1, 1, "", text)
    return PlanError(file, mark.line + 1, mark.column + 1, "", text)


# Plain (unquoted) scalars have style None in PyYAML's parser and '' in libyaml's.


def _build(node: Node, path: Path, source: Source) -> Any:
    source.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, ScalarNode):
        if not node.style and _NULL_RE.match(node.value):
            return None
        return node.value
    if isinstance(node, SequenceNode):
        return [_build(item, (*path, i), source) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        last: tuple[str, Node] | None = None
        for key_node, value_node in node.value:
            if node.flow_style and last and _is_comma_continuation(key_node, value_node, last[1]):
                # `{finding: Счётчик стоит, цели не настроены.}`: YAML would make the text after
                # the comma a key with no value; the consultant meant one sentence.
                out[last[0]] = f"{out[last[0]]}, {key_node.value}"
                continue
            if not isinstance(key_node, ScalarNode):
                source.errors.append(_at(source.file, key_node.start_mark, message("complex_key")))
                continue
            if key_node.tag == "tag:yaml.org,2002:merge" or (key_node.value == "<<" and not key_node.style):
                source.errors.append(_at(source.file, key_node.start_mark, message("alias", name="<<")))
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in first_seen:
                source.errors.append(
                    PlanError(
                        source.file,
                        line,
                        key_node.start_mark.column + 1,
                        dotted((*path, key)),
                        message("duplicate_key", key=key, first_line=first_seen[key]),
                    )
                )
                continue
            first_seen[key] = line
            source.keys[(*path, key)] = (line, key_node.start_mark.column + 1)
            out[key] = _build(value_node, (*path, key), source)
            last = (key, value_node)
        return out
    return None  # pragma: no cover - PyYAML has no other node kinds


def _is_comma_continuation(key: Node, value: Node, previous_value: Node) -> bool:
    """A flow-mapping entry with no `:` that follows a plain text value continues that text."""
    return (
        isinstance(key, ScalarNode)
        and not key.style
        and isinstance(value, ScalarNode)
        and value.value == ""
        and value.start_mark.index == key.end_mark.index
        and isinstance(previous_value, ScalarNode)
        and not previous_value.style
        and previous_value.value != ""
    )
