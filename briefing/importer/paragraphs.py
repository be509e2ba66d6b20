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
from briefing.importer.report import ImportReport

TERMINAL = ".!?…:;"
CLOSERS = "\"'”’»)]*_"
HEADING_MAX_WORDS = 14
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


def ends_sentence(text: str) -> bool:
    text = FOOTNOTE_REF.sub("", text.rstrip()).rstrip().rstrip(CLOSERS).rstrip()
    return not text or text[-1] in TERMINAL


def _first_char(text: str) -> str:
    stripped = text.lstrip("\"'“‘«([*_ ")
    return stripped[:1]


def _continues(a: str, b: str) -> bool:
    """Does paragraph ``b`` continue the sentence ``a`` leaves open?"""
    if ends_sentence(a) or MD_BLOCK.match(a) or MD_BLOCK.match(b):
        return False
    first = _first_char(b)
    if not first or not (first.isalnum()):
        return False
    if first.islower():
        return True
    if re.search(r"\w-$", a):
        return True
    last_word = re.findall(r"[\w']+|,$", a)[-1:] or [""]
    if a.endswith(",") or last_word[0].lower() in CONTINUING:
        return True
    return len(a.split()) > HEADING_MAX_WORDS


def _join(a: str, b: str) -> str:
    if re.search(r"\w-$", a) and b[:1].isalpha():
        return a + b  # "long-" + "term" -> "long-term": the hyphen is kept, no space
    return a + " " + b


def flatten_lines(blocks: list[Block]) -> None:
    """Join the lines of each ordinary paragraph with spaces (hyphen rule as above)."""
    for block in blocks:
        if block.kind != "para" or len(block.lines) == 1:
            continue
        if any(MD_BLOCK.match(s) for s in block.lines):
            continue  # a list or table: its lines are structure
        text = block.lines[0].strip()
        for line in block.lines[1:]:
            text = _join(text, line.strip())
        block.lines = [text]


def rejoin(blocks: list[Block], report: ImportReport) -> list[Block]:
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "rule":
            report.drop(block.line, "horizontal rule", "a page or section break mark, no text",
                        block.text)
            i += 1
            continue
        if block.kind == "para" and out and out[-1].kind == "para" and _continues(
                out[-1].flat, block.flat):
            prev = out[-1]
            report.note(f"line {prev.line}-{block.line}: joined a paragraph split by a page break")
            prev.lines = [_join(prev.flat, block.flat)]
            i += 1
            continue
        out.append(block)
        i += 1
    return out
