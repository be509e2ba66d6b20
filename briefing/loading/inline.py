"""Inline Markdown -> plain text + spans + footnote references.

Claims anchor to a paragraph's *plain* text, so markup is removed here, once: emphasis,
strong, links and code become :class:`Span` ranges over the plain text, backslash escapes and
entities are resolved by markdown-it-py (a real CommonMark parser, not regexes), and footnote
references ``[^label]`` are taken out and remembered with their offset.  Raw HTML stays as
literal text: it is shown, never interpreted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.model import Span
from briefing.text import clean

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# CommonMark has no footnotes; a reference is swapped for a private-use marker before parsing
# and the marker's final position in the plain text is the reference's offset.
_MARK = "\ue000"
_REF = re.compile(r"(?<!\\)\[\^([^\]\s]+)\]")
_STYLES = {"em": "em", "strong": "strong", "s": "strike", "link": "link"}

# A source without any of these characters is one plain text token for CommonMark's inline
# rules (escapes, code, emphasis, links, images, autolinks, raw HTML, entities, line breaks),
# as long as it has no leading or trailing whitespace; tests/test_loader.py checks it renders
# the same as through the parser.
_ITEM = re.compile(r"(?:[-*+•]|\d{1,3}[.)])\s")
_INLINE_SYNTAX = re.compile(r"[\x00\n\r\\`*_\[\]!<>&]")

_md: MarkdownIt | None = None

# markdown-it-py's link-label, autolink and emphasis rules rescan the rest of a paragraph for
# each unmatched "[", "<" or "_": quadratic in the marks of one paragraph.  A 4.9 MB article of
# "*[" repeated took 38 s and 1.1 GB.  So each file gets a budget, counted before parsing
# (deterministic, unlike a timer): at most MAX_MARKS marks in one paragraph, and at most
# MAX_WORK for the sum over its paragraphs of marks squared.  Real prose is far below both
# (a paragraph with 50 links has ~200 marks); worst-case parsing within them takes ~0.3 s.
MARK_CHARS = "[<*_`"
MAX_MARKS = 2_000
MAX_WORK = 4_000_000


class MarkdownBudget:
    """How much Markdown syntax one file may still have parsed (see MAX_MARKS)."""

    def __init__(self) -> None:
        self.work = 0
        self.refused: list[tuple[int, int]] = []  # (line, marks) of paragraphs left unparsed

    def allows(self, source: str, line: int) -> bool:
        marks = sum(map(source.count, MARK_CHARS))
        if marks > MAX_MARKS or self.work + marks * marks > MAX_WORK:
            self.refused.append((line, marks))
            return False
        self.work += marks * marks
        return True

    def problem(self) -> tuple[int, str] | None:
        """(line, message) for the first paragraph left unparsed, if any."""
        if not self.refused:
            return None
        line, marks = self.refused[0]
        more = len(self.refused) - 1
        return line, (f"too much Markdown syntax to parse in reasonable time ({marks:,} of "
                      f"{' '.join(MARK_CHARS)} in this paragraph; at most {MAX_MARKS:,} per "
                      "paragraph and a few thousand per file are parsed)"
                      + (f"; {more:,} more paragraph(s) like it" if more else "")
                      + ": shown as plain text. Split the paragraph, or escape the characters "
                      "with a backslash")


def plain(source: str) -> "Inline":
    """The text as it is, without parsing (a paragraph over the budget)."""
    return Inline(clean(source), (), (), ())


def _parser() -> MarkdownIt:
    global _md
    if _md is None:
        # Imported here (~30 ms): re-reading one edited article of plain paragraphs, as the
        # search index does, never needs it.
        from markdown_it import MarkdownIt

        _md = MarkdownIt("commonmark")
    return _md


@dataclass(slots=True)
class Inline:
    text: str
    spans: tuple[Span, ...]
    refs: tuple[tuple[int, str], ...]  # (offset in text, footnote label)
    ref_lines: tuple[int, ...]  # 0-based line within the source of each reference


def render(source: str, links_inline: bool = False) -> Inline:
    """Render one block of inline Markdown.

    ``links_inline`` appends a link's address after its text ("text (https://...)") for places
    that keep no spans, such as footnotes, so the address is not lost.
    """
    source = source.replace(_MARK, "")
    plain = not _INLINE_SYNTAX.search(source)
    if plain and not (source[:1].isspace() or source[-1:].isspace()):
        # Nothing for the parser to do (most paragraphs): its result would be the text itself.
        return Inline(clean(source), (), (), ())
    labels: list[str] = []
    ref_lines: list[int] = []

    def mark(match: re.Match[str]) -> str:
        labels.append(match.group(1))
        ref_lines.append(source.count("\n", 0, match.start()))
        return _MARK

    marked = _REF.sub(mark, source)
    tokens = _parser().parseInline(marked)
    children = tokens[0].children if tokens and tokens[0].children else []

    out: list[str] = []
    size = 0
    spans: list[Span] = []
    stack: list[tuple[str, int, str | None]] = []

    def put(piece: str) -> None:
        nonlocal size
        piece = clean(piece)  # entities such as &#27; could produce control characters
        out.append(piece)
        size += len(piece)

    # A list written as lines of one paragraph ("- a" / "- b", as `import` writes a web
    # page's list) keeps an item to a line: the break is as long as the space it replaces, so
    # offsets into the text do not move.
    listed = _ITEM.match(marked) is not None
    for n, tok in enumerate(children):
        kind = tok.type
        if kind in ("text", "html_inline", "text_special"):
            put(tok.content)
        elif kind == "softbreak":
            following = children[n + 1] if n + 1 < len(children) else None
            starts_item = (listed and following is not None and following.type == "text"
                           and _ITEM.match(following.content) is not None)
            put("\n" if starts_item else " ")
        elif kind == "hardbreak":
            put("\n")
        elif kind == "code_inline":
            start = size
            put(tok.content)
            spans.append(Span(start, size, "code"))
        elif kind == "image":
            put(tok.content)  # the alt text
        elif kind.endswith("_open"):
            href = tok.attrs.get("href") if kind == "link_open" else None
            stack.append((kind[:-5], size, str(href) if href is not None else None))
        elif kind.endswith("_close"):
            name = kind[:-6]
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    _, start, href = stack.pop(i)
                    if size > start:
                        spans.append(Span(start, size, _STYLES.get(name, name), href))
                    if links_inline and name == "link" and href and href != "#":
                        text = "".join(out)[start:size]
                        if href != text:
                            put(f" ({href})")
                    break
        else:
            put(tok.content)  # unknown token types keep their text: nothing is lost

    text = "".join(out)
    refs: list[tuple[int, str]] = []
    if labels:
        text, spans, positions = _take_markers(text, spans)
        refs = list(zip(positions, labels))
        ref_lines = ref_lines[: len(refs)]
    return Inline(text, tuple(sorted(spans, key=lambda s: (s.start, -s.end))), tuple(refs),
                  tuple(ref_lines))


def _take_markers(text: str, spans: list[Span]) -> tuple[str, list[Span], list[int]]:
    """Remove the reference markers; return the text, the shifted spans and marker offsets."""
    positions: list[int] = []
    pieces = text.split(_MARK)
    offset = 0
    for piece in pieces[:-1]:
        offset += len(piece)
        positions.append(offset)
    clean_text = "".join(pieces)

    def shift(i: int) -> int:
        # Old index i lies after every marker whose old index is < i.
        before = 0
        for n, pos in enumerate(positions):
            if pos + n < i:
                before += 1
        return i - before

    shifted = [Span(shift(s.start), shift(s.end), s.style, s.href) for s in spans]
    return clean_text, [s for s in shifted if s.end > s.start], positions
