"""Inline clean-up inside a paragraph: dead links reduced to their text, escapes undone,
footnote markers turned into Markdown footnote references."""

from __future__ import annotations

import re

# [text](#), [text](#anchor), [text]() -> text.  The text may hold escapes like \\$.  It holds
# no "[" and the HTML link no other "<a ": a match attempt then stops at the next one, so
# a line of 200,000 "[" takes linear time (it was quadratic: minutes).
DEAD_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\((?:#[^)\s]*)?\)")
HTML_DEAD_LINK = re.compile(r"<a\s+href=[\"']#[^\"'<>]*[\"'][^<>]*>((?:(?!<a\s|</a>).)*)</a>",
                            re.I | re.S)
# Escapes that mean nothing in Markdown here (\$ from a scraper) are undone; escapes of
# characters that would turn into markup (* _ [ ] # < > ` \) are kept so the meaning is kept.
USELESS_ESCAPE = re.compile(r"(?<!\\)\\+([$%&'\",:;=?@/~{}])")  # from a run's start: linear
SUP = re.compile(r"<sup>\s*[\(\[]?\s*(\w{1,4})\s*[\)\]]?\s*</sup>", re.I)
BRACKET_REF = re.compile(r"(?<![\]!\\])\[(\d{1,3})\](?!\()")
CARET_REF = re.compile(r"\[\^(\w+)\]")


def reduce_dead_links(text: str) -> tuple[str, int]:
    text, n = DEAD_LINK.subn(r"\1", text)
    text, m = HTML_DEAD_LINK.subn(r"\1", text)
    return text, n + m


def undo_escapes(text: str) -> str:
    return USELESS_ESCAPE.sub(r"\1", text)


def link_footnotes(text: str, labels: set[str]) -> tuple[str, list[str]]:
    """Turn <sup>(1)</sup> and [1] into [^1] when note 1 exists; return unmatched markers."""
    missing: list[str] = []

    def sup(m: re.Match) -> str:
        if m.group(1) in labels:
            return f"[^{m.group(1)}]"
        missing.append(m.group(0))
        return f"({m.group(1)})"  # keep the marker's text, drop only the tags

    text = SUP.sub(sup, text)
    if labels:
        text = BRACKET_REF.sub(
            lambda m: f"[^{m.group(1)}]" if m.group(1) in labels else m.group(0), text)
    return text, missing
