"""Sentences of a paragraph, with offsets: the unit framing and description checks work on.

A sentence ends at ".", "!" or "?" (and any closing quote or bracket) followed by space and a
capital, digit or opening quote, except after an initial ("I. Aliyev"), a known abbreviation
("Mr.", "U.S.", "e.g.") or a number's decimal point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9À-Ý])")
_ABBREV = {"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "st", "no", "vs",
           "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "jr", "sr", "inc", "co", "approx", "cf",
           "fig", "vol", "pp", "p", "ca", "c"}


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def split(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    begin = 0
    for m in _END.finditer(text):
        if m.group().startswith(".") and _abbreviation(text, m.start()):
            continue
        end = m.end()
        _add(out, text, begin, end)
        begin = end
    _add(out, text, begin, len(text))
    return out


# The word before a dot: searched in a window before it, not in the whole text before it
# (which made a paragraph's split quadratic in its length).  A longer run is no abbreviation.
_WORD_BEFORE = re.compile(r"[\w.]+$")
_LONGEST = 64


def _abbreviation(text: str, dot: int) -> bool:
    word = _WORD_BEFORE.search(text, max(0, dot - _LONGEST), dot)
    if not word:
        return False
    w = word.group().lower()
    return (len(w) == 1 and w.isalpha()) or w in _ABBREV


def _add(out: list[Sentence], text: str, begin: int, end: int) -> None:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if end > begin:
        out.append(Sentence(begin, end, text[begin:end]))


def covering(text: str, start: int, end: int) -> list[Sentence]:
    """The sentences of ``text`` that overlap [start, end) (a claim's quote)."""
    return [s for s in split(text) if s.start < end and start < s.end]
