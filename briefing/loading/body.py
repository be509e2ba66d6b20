"""An article's Markdown body -> sections, paragraphs and footnotes (docs/content-format.md).

The body is read line by line for its block structure (headings, blank-line separated
paragraphs, ``{: lang="xx"}`` attribute lines, footnote definitions), because those are the
parts that carry ids and line numbers; each paragraph's inline Markdown then goes through
markdown-it-py (briefing.loading.inline).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.loading.inline import MarkdownBudget, plain, render
from briefing.model import Footnote, Paragraph, Section
from briefing.problems import Problem
from briefing.text import clean_line

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+$")
_FOOTNOTE = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$")
_ATTR = re.compile(r"^[ \t]*\{:[ \t]*(.*?)[ \t]*\}[ \t]*$")
_LANG = re.compile(r"""^lang[ \t]*=[ \t]*(["']?)([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\1$""")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")  # a thematic break: no text


@dataclass(slots=True)
class Body:
    sections: list[Section] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(slots=True)
class _Block:
    lines: list[tuple[int, str]] = field(default_factory=list)
    lang: str | None = None


def parse_body(article_id: str, text: str, first_line: int, path: Path) -> Body:
    """Parse a body whose first line is line ``first_line`` of the file at ``path``."""
    parser = _BodyParser(article_id, path)
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line, lineno = lines[i], first_line + i
        i += 1
        if not line.strip():
            parser.flush()
            continue
        heading = _HEADING.match(line)
        if heading:
            parser.flush()
            parser.heading(len(heading.group(1)), heading.group(2) or "", lineno)
            continue
        note = _FOOTNOTE.match(line)
        if note:
            parser.flush()
            body = [note.group(2)]
            i = _footnote_continuation(lines, i, body)
            parser.footnote(note.group(1), "\n".join(body), lineno)
            continue
        attr = _ATTR.match(line)
        if attr:
            parser.attribute(attr.group(1), lineno)
            continue
        parser.block.lines.append((lineno, line))
    parser.flush()
    parser.finish(first_line)
    return parser.body


def _footnote_continuation(lines: list[str], i: int, body: list[str]) -> int:
    """Append a footnote's further lines: following non-blank lines, and indented paragraphs."""
    while i < len(lines):
        line = lines[i]
        if line.strip():
            if _HEADING.match(line) or _FOOTNOTE.match(line):
                break
            body.append(line.strip())
            i += 1
            continue
        # A blank line: the footnote continues only if the next text is indented (Markdown's
        # multi-paragraph footnote).
        j = i
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and (lines[j].startswith("    ") or lines[j].startswith("\t")):
            body.append("")
            i = j
            continue
        break
    return i


class _BodyParser:
    def __init__(self, article_id: str, path: Path) -> None:
        self.article_id = article_id
        self.path = path
        self.body = Body()
        self.block = _Block()
        self.section: Section | None = None
        self.defined: dict[str, int] = {}
        self.used: list[tuple[str, int]] = []
        self.budget = MarkdownBudget()

    def render(self, source: str, line: int, links_inline: bool = False):  # noqa: ANN201
        if not self.budget.allows(source, line):
            return plain(source)
        return render(source, links_inline=links_inline)

    def problem(self, line: int, message: str) -> None:
        self.body.problems.append(Problem(self.path, line, message))

    def heading(self, level: int, raw_title: str, lineno: int) -> None:
        title = clean_line(self.render(_CLOSING_HASHES.sub("", raw_title.strip()), lineno).text)
        if not title:
            self.problem(lineno, "empty heading: give the section a title")
        index = len([s for s in self.body.sections if s.index > 0]) + 1
        self.section = Section(id=f"{self.article_id}/{index}", article_id=self.article_id,
                               index=index, title=title or None, level=level, line=lineno)
        self.body.sections.append(self.section)

    def footnote(self, label: str, source: str, lineno: int) -> None:
        if label in self.defined:
            self.problem(lineno, f"footnote [^{label}] is defined twice (first at line {self.defined[label]})")
            return
        self.defined[label] = lineno
        # Paragraphs of a long footnote stay apart; inside each, line breaks are spaces.
        parts = (self.render(part, lineno, links_inline=True).text.strip()
                 for part in source.split("\n\n"))
        text = "\n\n".join(part for part in parts if part)
        if not text:
            self.problem(lineno, f"footnote [^{label}] is empty")
        self.body.footnotes.append(Footnote(label=label, text=text, line=lineno))

    def attribute(self, content: str, lineno: int) -> None:
        lang = _LANG.match(content)
        if not lang:
            self.problem(lineno, f"unsupported attribute line {{: {content}}}: only "
                                 '{: lang="xx"} is allowed, directly under a paragraph')
            return
        if not self.block.lines:
            self.problem(lineno, f'{{: lang="{lang.group(2)}"}} must directly follow a paragraph '
                                 "(no blank line or heading between them)")
            return
        self.block.lang = lang.group(2)
        self.flush()

    def flush(self) -> None:
        block, self.block = self.block, _Block()
        if not block.lines:
            return
        if len(block.lines) == 1 and _RULE.match(block.lines[0][1]):
            return  # a horizontal rule carries no text
        first = block.lines[0][0]
        # Continuation lines lose their indentation (as in Markdown); the last loses trailing
        # spaces, which would otherwise be a hard line break at the end of the paragraph.
        parts = [line.lstrip() for _, line in block.lines]
        parts[-1] = parts[-1].rstrip()
        inline = self.render("\n".join(parts), first)
        if not inline.text.strip():
            return
        if self.section is None:
            self.section = Section(id=f"{self.article_id}/0", article_id=self.article_id,
                                   index=0, title=None, level=0, line=first)
            self.body.sections.append(self.section)
        section = self.section
        index = len(section.paragraphs) + 1
        for (_, label), line in zip(inline.refs, inline.ref_lines):
            self.used.append((label, block.lines[min(line, len(block.lines) - 1)][0]))
        section.paragraphs.append(Paragraph(
            id=f"{section.id}/{index}", article_id=self.article_id,
            section_index=section.index, index=index, text=inline.text, spans=inline.spans,
            footnote_refs=inline.refs, lang=block.lang, line=first,
        ))

    def finish(self, first_line: int) -> None:
        if (over := self.budget.problem()) is not None:
            self.problem(*over)
        for label, line in self.used:
            if label not in self.defined:
                self.problem(line, f"footnote reference [^{label}] has no definition "
                                   f"(add a line '[^{label}]: text')")
        if not any(s.paragraphs for s in self.body.sections):
            self.problem(first_line, "the article has no text after its front matter")
