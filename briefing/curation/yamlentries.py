"""Edit one entry of a YAML list file (claims, events) and leave every other byte as it was.

A content file is a top-level block list of mappings, written by people and reviewed in diffs.
Re-dumping the whole document, even with a round-trip library, reflows what it does not model
exactly (top-level vs nested list indentation, folded scalars, comment columns), so the file is
treated as text: each entry is a block of lines, and only the blocks an edit touches are
replaced.  Inside a changed entry ruamel.yaml's round trip keeps the entry's own comments, key
order and quoting.  A new entry is appended as text, so adding a claim to a file of 1,000 does
not parse the other 999 here (the loader validates the result).
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from briefing.curation.errors import CurationError

# A line that starts an entry of the top-level list: "- " or a lone "-" at column 0.
_ENTRY_START = re.compile(r"^-(?:[ \t]|$)")
_ID_LINE = re.compile(r"^(?:-[ \t]+|[ \t]+)id:[ \t]*[\"']?([^\s\"'#,}]+)", re.MULTILINE)
# Keys written on one line as a flow list ("events: [a, b]") or flow mapping ("{value: 1}").
FLOW_LISTS = ("events", "actors")
FLOW_ITEMS = ("figures", "dates")


def _yaml() -> YAML:
    y = YAML()  # round-trip mode
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a long quote
    y.indent(mapping=2, sequence=4, offset=2)
    return y


@dataclass(slots=True)
class Block:
    """One top-level entry: its lines [start, end) (0-based) and its mapping, read lazily."""

    start: int
    end: int


class EntryFile:
    """The text of a list file, split into entry blocks, with edits applied as text."""

    def __init__(self, text: str, label: str = "file") -> None:
        self.label = label
        self.lines = text.splitlines(keepends=True)
        self.newline = "\r\n" if self.lines and self.lines[0].endswith("\r\n") else "\n"
        if self.lines and not self.lines[-1].endswith("\n"):
            self.lines[-1] += self.newline
        self.blocks = self._split()

    # -------------------------------------------------------------- reading
    def _split(self) -> list[Block]:
        starts = [i for i, line in enumerate(self.lines)
                  if line[:1] == "-" and _ENTRY_START.match(line)]
        blocks = []
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(self.lines)
            # Blank lines and column-0 comments before the next entry belong to the gap (a
            # comment there usually introduces what follows), not to this entry.
            while end > start + 1 and _is_gap(self.lines[end - 1]):
                end -= 1
            blocks.append(Block(start, end))
        if not blocks and any(not _is_gap(line) for line in self.lines):
            # "[]" or a flow list: no blocks to splice into; callers rewrite such a file whole.
            self.flow = True
        else:
            self.flow = False
        return blocks

    def is_plain_list(self) -> bool:
        """A block list of entries and nothing else between them but blank lines and comments
        (then each entry can be parsed on its own)."""
        if self.flow or not self.blocks:
            return False
        outside = [(0, self.blocks[0].start)]
        outside += [(a.end, b.start) for a, b in zip(self.blocks, self.blocks[1:])]
        outside.append((self.blocks[-1].end, len(self.lines)))
        return all(_is_gap(line) for start, end in outside for line in self.lines[start:end])

    def block_text(self, block: Block) -> str:
        return "".join(self.lines[block.start:block.end])

    def entry(self, block: Block) -> CommentedMap:
        """The entry's mapping, round-trip loaded (comments and quoting kept).

        The item is loaded as a mapping of its own, its lines shifted left by its indent, so
        that comment columns are those of the mapping ruamel will dump again."""
        lines = self.lines[block.start:block.end]
        indent = _item_indent(lines[0])
        if indent:
            text = "".join([lines[0][indent:]] + [_dedent(line, indent) for line in lines[1:]])
        else:
            text = "".join(lines)
        try:
            data = _yaml().load(text)
        except YAMLError as exc:
            raise CurationError(f"{self.label}:{block.start + 1}: cannot be edited as YAML: "
                                f"{_first_line(exc)}") from None
        if not indent and isinstance(data, CommentedSeq) and len(data) == 1:
            data = data[0]
        if not isinstance(data, CommentedMap):
            raise CurationError(f"{self.label}:{block.start + 1}: expected one entry "
                                "('- id: ...') here")
        return data

    def ids(self) -> list[str]:
        return entry_ids("".join(self.lines))

    def find(self, ident: str) -> Block | None:
        """The block whose entry has this id (scanning only ``id:`` lines first)."""
        for block in self.blocks:
            text = self.block_text(block)
            if ident in _ID_LINE.findall(text) and self.entry(block).get("id") == ident:
                return block
        return None

    # -------------------------------------------------------------- editing
    def replace(self, block: Block, entry: CommentedMap) -> None:
        indent = _item_indent(self.lines[block.start]) or 2
        new = self._rendered(entry, indent)
        self._splice(block.start, block.end, new)

    def remove(self, block: Block) -> None:
        start, end = block.start, block.end
        # Take the blank lines after it too, so no double gap is left.
        while end < len(self.lines) and not self.lines[end].strip():
            end += 1
        if end == len(self.lines):  # the last entry: drop the gap before it instead
            while start > 0 and not self.lines[start - 1].strip():
                start -= 1
        self._splice(start, end, [])
        if not self.blocks:  # an empty document is not an empty list: say it
            self._splice(len(self.lines), len(self.lines),
                         ([self.newline] if self.lines else []) + ["[]" + self.newline])

    def append(self, entry: dict[str, Any]) -> None:
        if self.flow:
            content = "".join(_strip_comment(line) for line in self.lines).strip()
            if content.lstrip("\ufeff") != "[]":
                # Entries this splitter does not see ("  - id:" indented, a flow list with
                # items): rewriting would lose them, so refuse and say why.
                raise CurationError(f"{self.label}: its entries are not written as a list of "
                                    "'- id: ...' items at the start of a line; fix the file "
                                    "by hand (`briefing check`), then try again")
            # "[]" (an empty list written flow style): the list becomes a block list.
            self.lines = [line for line in self.lines if _is_comment_or_blank(line)]
            self.flow = False
        while self.lines and not self.lines[-1].strip():
            self.lines.pop()
        gap = [self.newline] if self.lines and (not self.blocks
                                                or self._blank_between_entries()) else []
        self._splice(len(self.lines), len(self.lines), gap + self._rendered(entry, 2))

    def _rendered(self, entry: dict[str, Any], indent: int) -> list[str]:
        lines = render_entry(entry, indent).splitlines(keepends=True)
        if self.newline != "\n":  # a file written with CRLF keeps CRLF
            lines = [line[:-1] + self.newline if line.endswith("\n") else line
                     for line in lines]
        return lines

    def _blank_between_entries(self) -> bool:
        """Whether the file separates entries with a blank line (the house style)."""
        if len(self.blocks) < 2:
            return True
        first, second = self.blocks[-2], self.blocks[-1]  # the style where the entry goes
        return any(not line.strip() for line in self.lines[first.end:second.start])

    def _splice(self, start: int, end: int, new: list[str]) -> None:
        self.lines[start:end] = new
        self.blocks = self._split()

    def text(self) -> str:
        return "".join(self.lines)


def entry_ids(text: str) -> list[str]:
    """Entry ids as written (a fast scan of ``id:`` lines, for choosing a new id and for
    finding which entries and files may hold one; the loader has the last word)."""
    return _ID_LINE.findall(text)


def _strip_comment(line: str) -> str:
    return "" if line.lstrip().startswith("#") else line


def _is_comment_or_blank(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _is_gap(line: str) -> bool:
    return not line.strip() or line.startswith("#")


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__


def _item_indent(line: str) -> int:
    """Where the keys of ``- key: ...`` start (2 for "- id:"), 0 if the line is a lone "-"."""
    m = re.match(r"-( +)(?=[^\s#])", line)
    return 1 + len(m.group(1)) if m else 0


def _dedent(line: str, indent: int) -> str:
    if not line.strip():
        return "\n"
    return line[indent:] if line[:indent].isspace() else line  # a comment at column 0 stays


def render_entry(entry: dict[str, Any], indent: int = 2) -> str:
    """An entry as a top-level list item: ``- id: ...`` with its keys ``indent`` columns in.

    The mapping is dumped on its own (nested lists two columns under their key, as the content
    files write them) and then indented, because ruamel indents a top-level list like a
    nested one.
    """
    buf = io.StringIO()
    _yaml().dump(entry, buf)
    lines = buf.getvalue().splitlines(keepends=True)
    out = []
    first, rest = "-" + " " * (indent - 1), " " * indent
    for n, line in enumerate(lines):
        if n == 0:
            out.append(first + line)
        else:
            out.append((rest + line) if line.strip() else line)
    return "".join(out)


def new_entry(fields: dict[str, Any], *, quoted: tuple[str, ...] = ("quote",)) -> CommentedMap:
    """A fresh mapping in the content files' house style: short lists and the items of
    ``figures``/``dates`` on one line each, quotes double-quoted."""
    entry = CommentedMap()
    for key, value in fields.items():
        entry[key] = style_value(key, value, quoted=quoted)
    return entry


_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
DATE_KEYS = ("date", "end", "value")


def _date_scalar(value: str) -> Any:
    """An ISO date written as the content files write it: 2020-11-09 plain, "1992" quoted
    (a bare year would read as a number), 2023-07 plain."""
    if _FULL_DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    if _YEAR.match(value):
        return DoubleQuotedScalarString(value)
    return value


def style_value(key: str, value: Any, *, quoted: tuple[str, ...] = ("quote",)) -> Any:
    if key in quoted and isinstance(value, str):
        return DoubleQuotedScalarString(value)
    if key in DATE_KEYS and isinstance(value, str):
        return _date_scalar(value)
    if key in FLOW_LISTS and isinstance(value, list):
        seq = CommentedSeq(value)
        seq.fa.set_flow_style()
        return seq
    if key in FLOW_ITEMS and isinstance(value, list):
        seq = CommentedSeq()
        for item in value:
            if isinstance(item, dict):
                m = CommentedMap()
                for k, v in item.items():
                    if k == "text" and isinstance(v, str):
                        v = DoubleQuotedScalarString(v)
                    elif k == "value" and isinstance(v, str):
                        v = _date_scalar(v)
                    m[k] = v
                m.fa.set_flow_style()
                seq.append(m)
            else:
                seq.append(_date_scalar(item) if key == "dates" and isinstance(item, str)
                           else item)
        return seq
    return value


def edit_entry(entry: CommentedMap, changes: dict[str, Any],
               quoted: tuple[str, ...] = ("quote",)) -> bool:
    """Set or delete (value None) fields in place, each value written the way the old one
    was; a new key goes after the others.  Returns whether any value changed (an entry that
    did not change is not re-written: its spacing stays as it was)."""
    before = plain(entry)
    for key, value in changes.items():
        if value is None:
            entry.pop(key, None)
        elif key in entry and _same_shape(entry[key], value):
            entry[key] = _restyle_like(entry[key], key, value, quoted)
        else:
            entry[key] = style_value(key, value, quoted=quoted)
    return plain(entry) != before


def _same_shape(old: Any, new: Any) -> bool:
    return isinstance(old, list) == isinstance(new, list)


def _restyle_like(old: Any, key: str, value: Any, quoted: tuple[str, ...]) -> Any:
    """The new value written the way the old one was (flow list stays flow, quotes stay)."""
    if isinstance(old, CommentedSeq) and isinstance(value, list):
        if list(old) == value:
            return old
        styled = style_value(key, value, quoted=quoted)
        if isinstance(styled, CommentedSeq) and old:  # "[]" says nothing of the style
            if old.fa.flow_style():
                styled.fa.set_flow_style()
            elif old.fa.flow_style() is False:
                styled.fa.set_block_style()
        return styled
    if isinstance(old, str) and isinstance(value, str):
        if old == value:
            return old
        if type(old) is not str:  # a quoted or block scalar: keep its style
            return type(old)(value)
    return style_value(key, value, quoted=quoted)


def plain(value: Any) -> Any:
    """ruamel's commented containers as plain dicts/lists/str (for comparing and JSON)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()  # YAML reads 2020-11-09 as a date; the content means the text
    return value

