"""Anchor claims: find each quote in its article and record exact paragraph offsets.

Matching is :func:`briefing.text.find_all`'s (tolerant of case, accents, whitespace, quote
marks and dashes).  find_all folds the whole haystack on every call; an article is searched
once per claim, so each paragraph is folded once here and reused (same algorithm, same result:
tests/test_loader.py checks the two agree).
"""

from __future__ import annotations

from briefing.model import Article, Paragraph
from briefing.text import fold, folded_with_map


class ArticleIndex:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.paragraphs: list[tuple[Paragraph, str, list[int]]] = [
            (p, *folded_with_map(p.text)) for p in article.paragraphs()
        ]

    def find(self, quote: str) -> list[tuple[Paragraph, int, int]]:
        """Every match of ``quote``, in reading order, as (paragraph, start, end)."""
        needle = fold(quote)
        found: list[tuple[Paragraph, int, int]] = []
        if not needle:
            return found
        for para, folded, where in self.paragraphs:
            start = folded.find(needle)
            while start != -1:
                end = start + len(needle) - 1
                found.append((para, where[start], where[end] + 1))
                start = folded.find(needle, start + 1)
        return found

    def explain_missing(self, quote: str) -> str:
        """Why a quote was not found: split across paragraphs, or where it stops matching."""
        words = fold(quote).split(" ")
        joined = " ".join(folded for _, folded, _ in self.paragraphs)
        if " ".join(words) in joined:
            return "it runs across two paragraphs; a quote must lie within one paragraph"

        def located(k: int) -> Paragraph | None:
            prefix = " ".join(words[:k])
            for para, folded, _ in self.paragraphs:
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
