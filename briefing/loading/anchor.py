"""Anchor claims: find each quote in its article and record exact paragraph offsets.

Matching is :func:`briefing.text.find_all`'s (tolerant of case, accents, whitespace, quote
marks and dashes).  find_all folds the whole haystack on every call; an article is searched
once per claim, so here each paragraph is folded once (with the fast fold), the article's
folded paragraphs are joined with newlines (which no folded text contains) and every quote is
one str.find over that.  The folded->original offset map is built only for paragraphs where a
quote is found, and not at all when folding kept every offset (single spaces, one character
per character: nearly every paragraph).  Same results as find_all: tests/test_loader.py
checks the two agree.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from briefing.model import Article, Paragraph
from briefing.text import IRREGULAR, fold, fold_chars, folded_with_map, folds_one_to_one

def _folded(text: str) -> tuple[str, bool]:
    """The folded string of :func:`folded_with_map`, and whether its offset map is the
    identity (then no map is needed: a match's offsets are the original's)."""
    folded = fold_chars(text)
    # fold_chars has met every special character of text now: if none was ever irregular,
    # text is regular without looking at its characters again.
    if IRREGULAR and not folds_one_to_one(text):
        return folded_with_map(text)[0], False
    if (len(folded) == len(text) and folded.isprintable() and "  " not in folded
            and folded[:1] != " " != folded[-1:]):
        # Printable: the only whitespace is U+0020, single and not at either end, so there
        # is nothing to collapse and every folded offset is the original offset.
        return folded, True
    folded = " ".join(folded.split())  # str.split() splits on str.isspace
    # Each word keeps its length, so equal lengths mean no whitespace run was collapsed and
    # none was stripped: every folded offset is the original offset.
    return folded, len(folded) == len(text)


def folded_text(text: str) -> str:
    """Just the folded string of :func:`folded_with_map` (no offset map), faster still."""
    return _folded(text)[0]


class ArticleIndex:
    """An article's paragraphs folded once; offset maps built only for paragraphs that match."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.paragraphs: list[tuple[Paragraph, str]] = []
        identity: list[bool] = []
        starts: list[int] = []
        at = 0
        for para in article.paragraphs():
            folded, same = _folded(para.text)
            self.paragraphs.append((para, folded))
            identity.append(same)
            starts.append(at)
            at += len(folded) + 1
        self._identity = identity
        self._starts = starts
        # No folded text contains a newline (whitespace is collapsed to spaces), and neither
        # does a folded quote, so a match never spans two paragraphs.
        self._joined = "\n".join(folded for _, folded in self.paragraphs)
        self._maps: dict[int, list[int]] = {}

    def _map(self, i: int) -> list[int]:
        where = self._maps.get(i)
        if where is None:
            where = self._maps[i] = folded_with_map(self.paragraphs[i][0].text)[1]
        return where

    def find(self, quote: str) -> list[tuple[Paragraph, int, int]]:
        """Every match of ``quote``, in reading order, as (paragraph, start, end)."""
        needle = fold(quote)
        found: list[tuple[Paragraph, int, int]] = []
        if not needle:
            return found
        joined = self._joined
        start = joined.find(needle)
        while start != -1:
            found.append(self.locate(start, len(needle)))
            start = joined.find(needle, start + 1)
        return found

    @property
    def joined(self) -> str:
        """The folded paragraphs joined with newlines: the text :meth:`find` searches."""
        return self._joined

    def locate(self, start: int, length: int) -> tuple[Paragraph, int, int]:
        """A match of ``length`` characters at ``start`` in :attr:`joined`, as (paragraph,
        start, end) in that paragraph's own text."""
        i = bisect_right(self._starts, start) - 1
        local = start - self._starts[i]
        para = self.paragraphs[i][0]
        if self._identity[i]:
            return para, local, local + length
        where = self._map(i)
        return para, where[local], where[local + length - 1] + 1

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
