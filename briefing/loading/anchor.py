"""Anchor claims: find each quote in its article and record exact paragraph offsets.

Matching is :func:`briefing.text.find_all`'s (tolerant of case, accents, whitespace, quote
marks and dashes).  find_all folds the whole haystack on every call; an article is searched
once per claim, so each paragraph is folded once here and reused (same algorithm, same result:
tests/test_loader.py checks the two agree).
"""

from __future__ import annotations

import re

from briefing.model import Article, Paragraph
from briefing.text import fold, fold_char

# fold_char is pure and a briefing uses a few hundred distinct characters, so folds are
# memoised; when every character folds to exactly one non-space character (nearly always),
# the paragraph is folded with one str.translate and split on whitespace with a regex instead
# of a Python loop per character.  Exactly text.folded_with_map's result (tests check).
_FOLDED: dict[str, str] = {}
_WORDS = re.compile(r"\S+")  # \s is str.isspace in CPython's re, as in folded_with_map


def _fold1(ch: str) -> str:
    f = _FOLDED.get(ch)
    if f is None:
        f = _FOLDED[ch] = fold_char(ch)
    return f


def folded_with_map(text: str) -> tuple[str, list[int]]:
    table: dict[int, str] = {}
    for ch in set(text):
        if ch.isspace():
            continue
        f = _fold1(ch)
        if len(f) != 1 or f.isspace():
            return _folded_with_map_slow(text)
        table[ord(ch)] = f
    folded = text.translate(table)
    out: list[str] = []
    where: list[int] = []
    prev_end = -1
    for m in _WORDS.finditer(folded):
        if prev_end >= 0:
            out.append(" ")
            where.append(prev_end)  # a run of whitespace maps to its first character
        out.append(m.group())
        where.extend(range(m.start(), m.end()))
        prev_end = m.end()
    return "".join(out), where


def folded_text(text: str) -> str:
    """Just the folded string of :func:`folded_with_map` (no offset map), faster still."""
    table: dict[int, str] = {}
    for ch in set(text):
        if ch.isspace():
            continue
        f = _fold1(ch)
        if len(f) != 1 or f.isspace():
            return _folded_with_map_slow(text)[0]
        table[ord(ch)] = f
    return " ".join(text.translate(table).split())  # str.split() splits on str.isspace


def _folded_with_map_slow(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    where: list[int] = []
    prev_space = True
    for i, ch in enumerate(text):
        if ch.isspace():
            if not prev_space:
                out.append(" ")
                where.append(i)
            prev_space = True
            continue
        prev_space = False
        f = _fold1(ch)
        out.append(f)
        where.extend([i] * len(f))
    if out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


class ArticleIndex:
    """An article's paragraphs folded once; offset maps built only for paragraphs that match."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.paragraphs: list[tuple[Paragraph, str]] = [
            (p, folded_text(p.text)) for p in article.paragraphs()
        ]
        self._maps: dict[str, list[int]] = {}

    def _map(self, para: Paragraph) -> list[int]:
        where = self._maps.get(para.id)
        if where is None:
            where = self._maps[para.id] = folded_with_map(para.text)[1]
        return where

    def find(self, quote: str) -> list[tuple[Paragraph, int, int]]:
        """Every match of ``quote``, in reading order, as (paragraph, start, end)."""
        needle = fold(quote)
        found: list[tuple[Paragraph, int, int]] = []
        if not needle:
            return found
        for para, folded in self.paragraphs:
            start = folded.find(needle)
            while start != -1:
                where = self._map(para)
                end = start + len(needle) - 1
                found.append((para, where[start], where[end] + 1))
                start = folded.find(needle, start + 1)
        return found

    def explain_missing(self, quote: str) -> str:
        """Why a quote was not found: split across paragraphs, or where it stops matching."""
        words = fold(quote).split(" ")
        joined = " ".join(folded for _, folded in self.paragraphs)
        if " ".join(words) in joined:
            return "it runs across two paragraphs; a quote must lie within one paragraph"

        def located(k: int) -> Paragraph | None:
            prefix = " ".join(words[:k])
            for para, folded in self.paragraphs:
                if prefix in folded:
                    return para
            return None

        # The longest matching prefix of whole words (a prefix of a match is a match).
        low, high = 0, len(words)
        while low < high:
            mid = (low + high + 1) // 2
            if located(mid) is not None:
                low = mid
            else:
                high = mid - 1
        if low >= 3:
            para = located(low)
            rest = " ".join(words[low:low + 6])
            return (f"its first {low} of {len(words)} words match in {para.id if para else '?'}, "
                    f"then it differs at {rest!r}")
        return "no passage starts like it; check the quote against the article text"
