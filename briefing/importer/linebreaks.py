"""Single newlines: paragraph breaks or hard wraps?  Decided once per file, from its lines.

A word processor's export or a browser copy puts one paragraph on each line; an e-mail, a PDF
or a fixed-width text wraps lines at a width.  In wrapped text many line ends fall in the
middle of a sentence (the line ends with no full stop and the next starts in lower case, or
the line ends with a comma, a hyphen or a word like "the"); with one paragraph a line almost
none do.  Wrapped blocks are split only where a line ends a sentence well short of the wrap
width (the last line of a paragraph); the other kind is split at every line, and the
page-break rules (paragraphs.py) later join any line that continues a sentence.
"""

from __future__ import annotations

import re

from briefing.importer.blocks import Block
from briefing.importer.paragraphs import CONTINUING, MD_BLOCK, ends_sentence
from briefing.importer.report import ImportReport

WRAPPED_SHARE = 0.3  # of line ends that fall mid-sentence: above it the text is hard-wrapped
MIN_EVIDENCE = 3  # line ends needed to decide; with fewer, blocks stay as they are
HEADER_LINES, HEADER_WORDS = 3, 12  # a block this small of short lines is a header: kept whole
SHORT_LINE = 0.8  # a sentence end on a line shorter than this share of the width ends a paragraph


def _mid_sentence(a: str, b: str) -> bool:
    if ends_sentence(a):
        return False
    first = b.lstrip("\"'“‘«([*_ ")[:1]
    last = re.findall(r"[\w']+", a[-40:])[-1:] or [""]
    return (first.islower() or a.endswith((",", "-")) or last[0].lower() in CONTINUING)


def _candidates(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.kind == "para" and len(b.lines) > 1
            and not any(MD_BLOCK.match(s) for s in b.lines)]


def _header(block: Block) -> bool:
    """'Anna Berg' / 'Follow' / '7 min read': a byline block, or a title and its subtitle, read
    together by the metadata steps."""
    return len(block.lines) <= HEADER_LINES and all(
        len(s.split()) <= HEADER_WORDS and not ends_sentence(s.rstrip(":")) for s in block.lines)


def split_paragraphs(blocks: list[Block], report: ImportReport) -> list[Block]:
    multi = _candidates(blocks)
    pairs = [(a, b) for block in multi for a, b in zip(block.lines, block.lines[1:])]
    if len(pairs) < MIN_EVIDENCE:
        return blocks
    mid = sum(_mid_sentence(a, b) for a, b in pairs)
    lengths = sorted(len(s) for block in multi for s in block.lines)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    wrapped = mid / len(pairs) >= WRAPPED_SHARE
    report.note(f"single line breaks read as {'hard wraps' if wrapped else 'paragraph breaks'}"
                f" ({mid} of {len(pairs)} fall mid-sentence; lines up to ~{width} characters)")
    chosen = {id(b) for b in multi if wrapped or not _header(b)}
    out: list[Block] = []
    for block in blocks:
        if id(block) not in chosen:
            out.append(block)
            continue
        start, current = block.line, [block.lines[0]]
        for k, line in enumerate(block.lines[1:], 1):
            prev = current[-1]
            if wrapped:
                brk = ends_sentence(prev) and len(prev) < SHORT_LINE * width
            else:  # "Title:" / "subtitle", "JANE DOE:" / her answer: a label keeps its text
                brk = not prev.endswith(":")
            if brk:
                out.append(Block(current, start))
                start, current = block.line + k, []
            current.append(line)
        out.append(Block(current, start))
    return out
