"""Rejoin paragraphs that a page break split in the middle of a sentence.

Scraped PDFs and paginated pages cut a sentence in two ("...its establishment in" / "1994.").
Two blocks are one paragraph when the first does not end a sentence and either the second
starts in lower case, the first ends with a hyphen ("long-" / "term": kept as "long-term"),
the first ends with a word that cannot end a heading ("in", "the", "and", a comma), or the
first is too long to be a heading.  A horizontal rule between the halves is the page break
itself and is dropped (reported).  Lines inside one block are joined with spaces.
"""

from __future__ import annotations

import re

from briefing.importer.blocks import Block
from briefing.importer.hyphens import join_hyphenated
from briefing.importer.report import ImportReport

TERMINAL = ".!?…:;"
CLOSERS = "\"'”’»)]*_"
HEADING_MAX_WORDS = 14
STANDFIRST_MAX_WORDS = 35
# Words that do not end a heading or a sentence: a block ending with one continues.
CONTINUING = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or",
    "but", "as", "that", "which", "who", "whose", "is", "are", "was", "were", "be", "been",
    "its", "their", "his", "her", "our", "this", "these", "those", "than", "into", "not", "if",
    "le", "la", "les", "des", "du", "de", "et", "un", "une", "à", "en", "der", "die", "das",
    "und", "von", "zu", "mit", "ein", "eine",
}
# Lines that are structure, not prose: headings, list items, quotes, tables, note entries.
MD_BLOCK = re.compile(r"^(#{1,6}\s|[-*+]\s|\d+[.)]\s|>|\||\[\d{1,3}\]\s|\(\d{1,3}\)\s)")
FOOTNOTE_REF = re.compile(r"(\[\^[^\]]+\]|<sup>.*?</sup>|\[\d+\])+$")


WINDOW = 300  # only the ends of a paragraph matter here; looking at all of it is quadratic


def ends_sentence(text: str) -> bool:
    text = FOOTNOTE_REF.sub("", text[-WINDOW:].rstrip()).rstrip().rstrip(CLOSERS).rstrip()
    return not text or text[-1] in TERMINAL


def _first_char(text: str) -> str:
    stripped = text.lstrip("\"'“‘«([*_ ")
    return stripped[:1]


def _continues(a: str, b: str, lead: bool = False) -> bool:
    """Does paragraph ``b`` continue the sentence ``a`` leaves open?

    ``a`` may be only the head and tail of a long paragraph (see :class:`_Growing`).  A short
    ``lead`` (the first paragraph, under the title) that ends without a full stop is a
    standfirst: only a lower-case start or an open end joins it to what follows."""
    if ends_sentence(a) or MD_BLOCK.match(a) or MD_BLOCK.match(b):
        return False
    first = _first_char(b)
    if not first or not (first.isalnum()):
        return False
    if first.islower():
        return True
    tail = a[-WINDOW:]
    if re.search(r"\w-$", tail):
        return True
    last_word = re.findall(r"[\w']+|,$", tail)[-1:] or [""]
    if tail.endswith(",") or last_word[0].lower() in CONTINUING:
        return True
    if lead and len(a.split(maxsplit=STANDFIRST_MAX_WORDS)) <= STANDFIRST_MAX_WORDS:
        return False
    return len(a.split(maxsplit=HEADING_MAX_WORDS)) > HEADING_MAX_WORDS


_CUT = re.compile(r"(\w+)-$")
_NEXT = re.compile(r"^(\w+)")


def _separator(a_tail: str, b: str) -> str:
    """" " between pieces; "" after a hyphen ("long-" + "standing"); "-" when the hyphen only
    cut a word ("weak-" + "ening": the caller removes it, see hyphens.py)."""
    cut = _CUT.search(a_tail)
    if not cut or not b[:1].isalpha():
        return " "
    nxt = _NEXT.match(b)
    return "-" if nxt and join_hyphenated(cut.group(1), nxt.group(1)) else ""


class _Growing:
    """A paragraph being joined from pieces: the text is assembled once, at the end."""

    def __init__(self, first: str, repairs: list[str] | None = None) -> None:
        self.repairs = repairs if repairs is not None else []
        self.parts = [first]
        self.head = first[:WINDOW]
        self.tail = first[-WINDOW:]

    @property
    def probe(self) -> str:
        """Head and tail: all that :func:`_continues` needs to look at."""
        if len(self.parts) == 1 and len(self.parts[0]) <= 2 * WINDOW:
            return self.parts[0]
        return self.head + " … " + self.tail

    def add(self, piece: str) -> None:
        sep = _separator(self.tail, piece)
        if sep == "-":
            left, right = _CUT.search(self.tail).group(1), _NEXT.match(piece).group(1)
            self.repairs.append(f"{left}-{right} -> {left}{right}")
            self.parts[-1] = self.parts[-1][:-1]
            self.tail = self.tail[:-1]
            sep = ""
        self.parts.append(sep)
        self.parts.append(piece)
        self.tail = (self.tail + sep + piece)[-WINDOW:]
        if len(self.head) < WINDOW:
            self.head = "".join(self.parts)[:WINDOW]

    def text(self) -> str:
        return "".join(self.parts)


def flatten_lines(blocks: list[Block], report: ImportReport | None = None) -> None:
    """Join the lines of each ordinary paragraph with spaces (hyphen rule as above)."""
    for block in blocks:
        if block.kind != "para" or len(block.lines) == 1:
            continue
        if any(MD_BLOCK.match(s) for s in block.lines):
            continue  # a list or table: its lines are structure
        growing = _Growing(block.lines[0].strip(), report.repairs if report else None)
        for line in block.lines[1:]:
            if line.strip():
                growing.add(line.strip())
        block.lines = [growing.text()]


def _flat(block: Block, repairs: list[str]) -> str:
    """The block on one line, a word cut at a line end rejoined as in :func:`flatten_lines`."""
    if len(block.lines) == 1 or any(MD_BLOCK.match(s) for s in block.lines):
        return block.flat
    growing = _Growing(block.lines[0].strip(), repairs)
    for line in block.lines[1:]:
        if line.strip():
            growing.add(line.strip())
    return growing.text()


def rejoin(blocks: list[Block], report: ImportReport) -> list[Block]:
    out: list[Block] = []
    growing: _Growing | None = None  # the text of out[-1] while it is a paragraph
    first_para = next((b for b in blocks if b.kind == "para"), None)
    for block in blocks:
        if block.kind == "rule":
            report.drop(block.line, "horizontal rule", "a page or section break mark, no text",
                        block.text)
            continue
        lead = growing is not None and len(growing.parts) == 1 and out[-1] is first_para
        if block.kind == "para" and growing is not None and _continues(growing.probe, block.flat,
                                                                       lead):
            report.note(f"line {out[-1].line}-{block.line}: joined a paragraph split by a "
                        "page break")
            if len(growing.parts) == 1:  # the first piece's own line ends, hyphens decided
                growing = _Growing(_flat(out[-1], report.repairs), report.repairs)
            growing.add(_flat(block, report.repairs))
            continue
        if growing is not None:
            out[-1].lines = [growing.text()] if len(growing.parts) > 1 else out[-1].lines
        out.append(block)
        growing = _Growing(block.flat, report.repairs) if block.kind == "para" else None
    if growing is not None and len(growing.parts) > 1:
        out[-1].lines = [growing.text()]
    return out
