"""Sentence boundaries with offsets, by a regex and an abbreviation list.

A full segmenter (pysbd) took 0.6 ms a sentence here, too slow for a thousand-article
briefing; the cases these texts need are few: abbreviations and initials ("Mr.", "U.S.",
"J. Smith"), ellipses, decimals, and closing quotes or brackets after the full stop.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st gen col lt maj sgt capt cmdr adm gov sen rep pres jr sr vs etc al
e.g i.e cf approx no nos vol pp p fig ed eds inc ltd co corp dept univ est jan feb mar apr
jun jul aug sep sept oct nov dec u.s u.k u.n e.u
""".split())

# Abbreviations that only stand before a number: the same letters close a sentence ("No.").
_BEFORE_NUMBER = frozenset("no nos vol pp p fig".split())

_END = re.compile(r"(?:[.!?]+|…)[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9À-Ý])")


# A Markdown list written without blank lines between its items reaches us as one paragraph
# ("- Reservoir: 28%.\n- Imports: 400 MW"): when a paragraph opens on a bullet, each later
# one (the same bullet) starts an item, and an item ends a sentence even without a stop.
_BULLET = re.compile(r"\s*([-*•])\s+")


# A wire story's dateline opening its first paragraph: "MORVIK, Kestavia (Nordline) — ",
# "HALDEN, May 19 (Castell Press) - ", "WASHINGTON (AP) — " (a place alone, "PARIS — ", is
# left: "NATO — The alliance ..." looks the same; so is a headline-like list, "UK, France and
# Germany - The three countries ...": after the comma, capitalised words only).  Where and from
# whom the story was filed is no part of its first claim: the sentence starts after it.
_DATELINE = re.compile(
    r"[A-ZÀ-Ý][A-ZÀ-Ý.'’]+(?:[ -][A-ZÀ-Ý.'’]+){0,3}"
    r"(?:(?:,\s*[A-ZÀ-Ý][\w.'’]*(?: [A-ZÀ-Ý0-9][\w.'’]*){0,3}){1,2}\s*(?:\([^()\n]{1,40}\))?"
    r"|\s*\([^()\n]{1,40}\))"  # a comma and a place or date, or the agency in brackets
    r"\s*(?:—|–|--|-)\s+(?=[A-ZÀ-Ý0-9\"“‘'(])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of ``text``, whitespace, list bullets and a dateline
    trimmed."""
    out: list[tuple[int, int]] = []
    for a, b in _items(text):
        out.extend(_sentences(text, a, b))
    if out and (m := _DATELINE.match(text, out[0][0], out[0][1])) and m.end() < out[0][1]:
        out[0] = (m.end(), out[0][1])
    return out


def _items(text: str) -> list[tuple[int, int]]:
    first = _BULLET.match(text)
    if first is None:
        return [(0, len(text))]
    # A later item starts on a new line, or after a sentence's end on one line ("- a. - b"):
    # a spaced dash inside an item ("28% - the lowest since 1995 - officials said") is
    # punctuation.
    between = re.compile(rf"(?:\n|(?<=[.!?;])\s)\s*{re.escape(first.group(1))}\s+(?=\S)")
    cuts = [m for m in between.finditer(text, first.end())]
    starts = [first.end()] + [m.end() for m in cuts]
    ends = [m.start() for m in cuts] + [len(text)]
    return list(zip(starts, ends))


def _sentences(text: str, begin: int, stop: int) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = begin
    for m in _END.finditer(text, begin, stop):
        if _is_abbreviation(text, m.start()):
            continue
        bounds.append((start, m.end()))
        start = m.end()
    bounds.append((start, stop))
    out = []
    for a, b in bounds:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    if text[dot:dot + 2] == "..":
        return False  # an ellipsis or a doubled full stop ends the sentence
    m = re.search(r"([\w.]+)$", text[max(0, dot - 12):dot])
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    if word in _BEFORE_NUMBER:
        # "No. 10", "Vol. 3": an abbreviation before a number; "No. The fund ..." is an
        # answer, a sentence of its own.
        return re.match(r"\.\s*\d", text[dot:dot + 4]) is not None
    if word in _ABBREVIATIONS:
        return True
    # An initial ("J. Smith", "U.S. troops"): one capital letter before the dot.
    return len(word) == 1 and text[dot - 1].isupper()
