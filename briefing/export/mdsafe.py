"""Put untrusted text into Markdown so it can never change the document's structure.

A note or tag could otherwise open a code fence and swallow the rest of the brief, start a
heading, a list or a table, hide text in an HTML comment, inject raw HTML, or add links.
Rules (CommonMark lets any ASCII punctuation be backslash-escaped, shown as itself):

* Inline: every character with a Markdown (or GFM / Obsidian) meaning is escaped:
  ``\\ ` * _ { } [ ] < > # + ! | ~ = $ % ^ &``; ``://`` becomes ``\\://`` so a URL is not
  turned into a link by GFM's autolinking, and a dot between a word and a letter is escaped
  (``www\\.example\\.com``) so linkify renderers find no bare domain or e-mail address.
* Line starts: leading whitespace removed (four spaces make a code block); a leading ``-``
  or ``1.`` / ``1)`` escaped (lists, setext underlines, thematic breaks).
* Lines: tabs become spaces, trailing spaces dropped (two make a hard break), control
  characters removed (briefing.text.clean).
* Multi-line text (notes): paragraphs are kept (blank lines), line breaks inside a paragraph
  become hard breaks (a trailing backslash), so the note reads as it was typed.
* Code spans (ids, tags): fenced with more backticks than the text holds.
"""

from __future__ import annotations

import re

from briefing.text import clean, clean_line

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+!|~=$%^&])")
_LIST_START = re.compile(r"^(\d{1,9})([.)])")
_URL_SCHEME = re.compile(r"(?<=[A-Za-z0-9]):(?=//)")
_DOMAIN_DOT = re.compile(r"(?<=\w)\.(?=[^\W\d_])")


def escape_inline(text: str) -> str:
    """One line of untrusted text, safe anywhere a line of Markdown text can go."""
    line = clean_line(text).replace("\t", " ")
    line = _SPECIAL.sub(r"\\\1", line)
    line = _URL_SCHEME.sub(r"\\:", line)
    line = _DOMAIN_DOT.sub(r"\\.", line)
    if line.startswith("-"):
        line = "\\" + line
    line = _LIST_START.sub(r"\1\\\2", line)
    return line


def escape_block(text: str) -> list[str]:
    """Multi-line untrusted text as Markdown lines: paragraphs separated by "" entries."""
    paragraphs: list[list[str]] = [[]]
    for raw in clean(text).split("\n"):
        line = escape_inline(raw)
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    out: list[str] = []
    for para in paragraphs:
        if not para:
            continue
        if out:
            out.append("")
        out.extend(line + "\\" for line in para[:-1])  # hard line break keeps the user's lines
        out.append(para[-1])
    return out


def code_span(text: str) -> str:
    """``text`` as a code span, whatever backticks it contains."""
    text = clean_line(text)
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def autolink(url: str | None) -> str | None:
    """A URL as ``<url>`` if it is a plain http(s) URL, else None (then show it as text)."""
    if url and re.fullmatch(r"https?://[^\s<>\\`\"']+", url):
        return f"<{url}>"
    return None
