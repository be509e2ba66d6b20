"""Parse YAML into plain values that remember the line each key and item came from.

``yaml.safe_load`` forgets positions, so a problem in the 40th claim could only be reported as
"somewhere in the file".  Here the document is composed into nodes (which carry marks) and
converted by hand: mappings become :class:`YDict` and sequences :class:`YList`, each with the
line of every key/item.  Scalars keep their source text too (``raw``), because YAML 1.1 turns
``no`` into False and ``2023-02-30`` into a date error: text fields and dates use the text as
written.  Nothing here raises on bad input; every problem is returned.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing.problems import Problem
from briefing.text import clean

_CORE = "tag:yaml.org,2002:"
_TIMESTAMP = _CORE + "timestamp"
_STR = _CORE + "str"
_SCALAR_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null")}
# libyaml's composer when available: ~5x faster, and its nodes carry the same marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MAX_DEPTH = 60  # content files are 3 levels deep; deeper is an error, not a reason to crash


class YDict(dict):
    """A YAML mapping: ``line`` of the mapping, ``lines[key]`` of each key, ``raw[key]`` text."""

    __slots__ = ("line", "lines", "raw")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: dict[str, int] = {}
        self.raw: dict[str, str] = {}

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class YList(list):
    """A YAML sequence: ``line`` of the sequence, ``lines[i]`` and ``raw[i]`` of each item."""

    __slots__ = ("line", "lines", "raw")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: list[int] = []
        self.raw: list[str | None] = []

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


class _Converter:
    def __init__(self, path: Path, first_line: int, aliases: bool = True) -> None:
        self.path = path
        self.aliases = aliases  # False when the text has no anchor ("&"), so no alias either
        self.offset = first_line  # YAML marks are 0-based within the parsed text
        self.problems: list[Problem] = []
        self.done: dict[int, Any] = {}  # aliases share one value instead of expanding
        self.active: set[int] = set()
        # Only the constructor part of a loader (ints, floats, booleans, nulls), made on first
        # use: a whole SafeLoader per file cost more than converting a small file.
        self._constructor: SafeConstructor | None = None

    def line(self, node: Node) -> int:
        return node.start_mark.line + self.offset

    def problem(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.path, self.line(node), message))

    def convert(self, node: Node, depth: int = 0) -> Any:
        if not self.aliases:
            # Without anchors no node is shared: nothing to remember or to guard against.
            if depth > _MAX_DEPTH:
                self.problem(node, f"nested more than {_MAX_DEPTH} levels deep")
                return None
            cls = node.__class__
            if cls is ScalarNode:
                return clean(node.value) if node.tag == _STR else self.scalar(node)
            if cls is MappingNode:
                return self.mapping(node, depth)
            return self.sequence(node, depth)
        key = id(node)
        if key in self.done:
            return self.done[key]
        if key in self.active:
            self.problem(node, "a YAML alias refers to itself")
            return None
        if depth > _MAX_DEPTH:
            self.problem(node, f"nested more than {_MAX_DEPTH} levels deep")
            return None
        self.active.add(key)
        try:
            if isinstance(node, ScalarNode):
                value = self.scalar(node)
            elif isinstance(node, SequenceNode):
                value = self.sequence(node, depth)
            else:
                value = self.mapping(node, depth)
        finally:
            self.active.discard(key)
        self.done[key] = value
        return value

    def scalar(self, node: ScalarNode) -> Any:
        if node.tag == _TIMESTAMP:
            return clean(node.value)  # dates stay text: checked by briefing.loading.dates
        if node.tag not in _SCALAR_TAGS:
            self.problem(node, f"unsupported YAML tag {node.tag!r}")
            return clean(node.value)
        if node.tag == _CORE + "str":
            return clean(node.value)  # double-quoted "\e" escapes could make control chars
        if self._constructor is None:
            self._constructor = SafeConstructor()
        try:
            return self._constructor.construct_object(node, deep=True)
        except Exception as exc:  # noqa: BLE001 - any constructor failure is a content problem
            self.problem(node, f"cannot read value {node.value!r}: {exc}")
            return clean(node.value)

    def sequence(self, node: SequenceNode, depth: int) -> YList:
        if node.tag != _CORE + "seq":
            self.problem(node, f"unsupported YAML tag {node.tag!r}")
        out = YList(self.line(node))
        for item in node.value:
            value = self.convert(item, depth + 1)
            out.append(value)
            out.lines.append(item.start_mark.line + self.offset)
            if isinstance(item, ScalarNode):
                out.raw.append(value if item.tag == _STR else clean(item.value))
            else:
                out.raw.append(None)
        return out

    def mapping(self, node: MappingNode, depth: int) -> YDict:
        if node.tag != _CORE + "map":
            self.problem(node, f"unsupported YAML tag {node.tag!r}")
        out = YDict(self.line(node))
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, "a key must be plain text")
                continue
            if key_node.tag == _CORE + "merge":
                self.problem(key_node, "YAML merge keys (<<) are not supported")
                continue
            key = clean(key_node.value)
            if key in out:
                self.problem(key_node, f"duplicate key {key!r} (first at line {out.lines[key]})")
                continue
            value = out[key] = self.convert(value_node, depth + 1)
            out.lines[key] = key_node.start_mark.line + self.offset
            if isinstance(value_node, ScalarNode):
                # A str scalar's value is its cleaned text already (see scalar()).
                out.raw[key] = value if value_node.tag == _STR else clean(value_node.value)
        return out


def _too_deep(text: str, path: Path, first_line: int) -> Problem | None:
    """The first collection nested deeper than ``_MAX_DEPTH``, found from the event stream.

    PyYAML's pure-Python parser is a state machine with its own stack, so it walks any depth;
    only the composer recurses.  libyaml gives up on deep nesting with a message that changed
    between releases (6.0.4 added "exceeded maximum nesting depth"), and the pure-Python
    composer hits RecursionError: both are answered the same way by counting here.  Returns
    None when the text is not too deep (or has a syntax error before getting there, which the
    caller reports).
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > _MAX_DEPTH:
                    line = event.start_mark.line + first_line
                    return Problem(path, line, f"nested more than {_MAX_DEPTH} levels deep")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def parse_yaml(text: str, path: Path, first_line: int = 1,
               loader: type | None = None) -> tuple[Any, list[Problem]]:
    """Parse one YAML document.  ``first_line`` is the file line where ``text`` starts.

    Returns (value, problems); value is None for an empty document or a syntax error.
    ``loader`` is for tests that check both PyYAML loaders give the same answers.
    """
    loader = loader or _Loader
    try:
        try:
            node = yaml.compose(text, Loader=loader)
        except (yaml.YAMLError, RecursionError):
            deep = _too_deep(text, path, first_line)
            if deep is not None:
                return None, [deep]
            if loader is yaml.SafeLoader:
                raise
            # Parse again in pure Python: its messages name the offending character.
            node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else first_line
        where = f" at column {mark.column + 1}" if mark else ""
        detail = exc.problem or "syntax error"
        if exc.context:
            # Where the unfinished construct began is often where the mistake is.
            ctx = exc.context_mark
            started = (f" that starts at line {ctx.line + first_line}, column {ctx.column + 1}"
                       if ctx is not None and mark is not None and ctx.line != mark.line else "")
            detail += f" ({exc.context}{started})"
        return None, [Problem(path, line, f"invalid YAML{where}: {detail}")]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, max(exc.position, 0)) + first_line
        return None, [Problem(path, line, f"invalid YAML: character {exc.character!r} is not allowed")]
    except (yaml.YAMLError, RecursionError) as exc:
        return None, [Problem(path, first_line, f"invalid YAML: {exc.__class__.__name__}")]
    if node is None:
        return None, []
    converter = _Converter(path, first_line, aliases="&" in text)
    try:
        value = converter.convert(node)
    except RecursionError:  # only reachable with a lowered recursion limit
        return None, [_too_deep(text, path, first_line)
                      or Problem(path, first_line, f"nested more than {_MAX_DEPTH} levels deep")]
    return value, converter.problems
