"""Safe YAML reading that remembers where every value stands in the file.

PyYAML composes the document into nodes (never constructing Python objects from tags), and
`read_yaml` turns the nodes into plain data itself: every scalar becomes the text the
consultant typed (so `region: NO`, `0701234567` or `1.10` stay text), except the plain nulls.
The model's field types parse numbers and dates from that text.

Along the way it records the line and column of every key and value by path, refuses aliases
(no "billion laughs"), bounds nesting, catches duplicate keys, and reports every problem as a
located `PlanError` instead of raising on the first.

Two parsers: libyaml's (fast) reads a plan; when it fails, PyYAML's pure-Python parser reads the
file again and its error is the one reported, so the wording and position (where a quote or
bracket opened, the level where nesting got too deep) never depend on the machine's PyYAML build.
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
    # keys of `{…}` written with no ':' (`{finding: Set up, goals}`): standard YAML makes the text
    # after a comma a key, which the loader explains when the model does not know that key.
    bare_keys: set[Path] = field(default_factory=set)
    text: str = ""

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


def python_parser() -> Any:
    """PyYAML's pure-Python parser: slower, but its errors carry the marks the messages need."""
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class PythonParser(Reader, Scanner, Parser):
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)

    return PythonParser


def c_parser() -> Any:
    """libyaml's parser (about 8× faster), or None where PyYAML was built without libyaml."""
    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        return None
    return CParser


PYTHON_PARSER: Any = python_parser()
C_PARSER: Any = c_parser()
# The parser a plan is read with; tests set it to each of the two to run the same cases on both.
PARSER: Any = C_PARSER or PYTHON_PARSER
_BOUNDED: dict[Any, Any] = {}


def _bounded(parser: Any) -> Any:
    """A composer over `parser` that refuses aliases and deep nesting (no constructor at all)."""
    if parser not in _BOUNDED:
        _BOUNDED[parser] = type("Bounded", (_BoundedMixin, Composer, parser, BaseResolver), {"parser": parser})
    return _BOUNDED[parser]


class _BoundedMixin:
    """Counts depth and replaces aliases by located problems while the composer walks the events."""

    parser: Any

    def __init__(self, stream: str) -> None:
        self.parser.__init__(self, stream)
        Composer.__init__(self)  # type: ignore[arg-type]
        BaseResolver.__init__(self)  # type: ignore[arg-type]  # no implicit types: scalars stay text
        self.depth = 0
        self.problems: list[tuple[Any, str]] = []
        self.aliases_seen: set[str] = set()

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        this: Any = self
        if this.check_event(AliasEvent):
            event: Any = this.get_event()
            if event.anchor not in self.aliases_seen:  # one error per anchor is enough to act on
                self.aliases_seen.add(event.anchor)
                self.problems.append((event.start_mark, message("alias", name=event.anchor)))
            return ScalarNode("tag:yaml.org,2002:null", "", event.start_mark, event.end_mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeep(getattr(this.peek_event(), "start_mark", None))
            return Composer.compose_node(this, parent, index)
        finally:
            self.depth -= 1


class _TooDeep(Exception):
    def __init__(self, mark: Any) -> None:
        self.mark = mark


def _compose(text: str, parser: Any) -> tuple[Node | None, list[tuple[Any, str]]]:
    """The document's node tree and the alias problems met; raises the parser's own errors."""
    loader = _bounded(parser)(text)
    try:
        return loader.get_single_node(), loader.problems
    finally:
        loader.dispose()


def read_yaml(raw: bytes, file: str, *, parser: Any = None) -> Source:
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
    parser = parser or PARSER
    try:
        node, problems = _compose(text, parser)
    except (yaml.YAMLError, _TooDeep, RecursionError) as exc:
        if parser is PYTHON_PARSER:
            source.errors.append(_syntax_error(file, text, exc))
            return source
        # libyaml stops on its own limits and words its errors without the marks we need (where a
        # quote or bracket opened); the pure-Python parser says it the same way on every machine.
        try:
            node, problems = _compose(text, PYTHON_PARSER)
        except (yaml.YAMLError, _TooDeep, RecursionError) as again:
            source.errors.append(_syntax_error(file, text, again))
            return source
    source.errors.extend(_at(file, mark, text) for mark, text in problems)
    if node is None:
        source.data = None
        return source
    source.text = text
    source.data = _build(node, (), source)
    return source


def _reader_error(file: str, text: str, exc: yaml.reader.ReaderError) -> PlanError:
    """A character YAML does not allow in a file (control characters): located like the rest."""
    before = text[: exc.position]
    line = before.count("\n") + 1
    col = len(before.rsplit("\n", 1)[-1]) + 1
    return PlanError(file, line, col, "", message("control_char", char=exc.character))


def _syntax_error(file: str, text: str, exc: BaseException) -> PlanError:
    """One located error for a file the parser gave up on."""
    if isinstance(exc, _TooDeep):
        return _at(file, exc.mark, message("too_deep", limit=MAX_DEPTH))
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_error(file, text, exc)
    if isinstance(exc, yaml.MarkedYAMLError):
        mark, problem = yaml_problem(exc.context, exc.context_mark, str(exc.problem), exc.problem_mark)
        return _at(file, mark, problem)
    return PlanError(file, 1, 1, "", message("yaml_syntax", problem=str(exc)))


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
        for key_node, value_node in node.value:
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
            if node.flow_style and _is_bare_key(key_node, value_node, source.text):
                source.bare_keys.add((*path, key))
            out[key] = _build(value_node, (*path, key), source)
        return out
    return None  # pragma: no cover - PyYAML has no other node kinds



def _is_bare_key(key: Node, value: Node, text: str) -> bool:
    """A flow-mapping entry with no ':' at all (an empty value with only spaces after its key)."""
    between = text[key.end_mark.index : value.start_mark.index]
    return isinstance(value, ScalarNode) and value.value == "" and not value.style and between.strip() == ""
