"""The no-word-lost audit: every word of the input is in the article or in the report.

Markup that carries no words is removed from the input before counting (link targets, HTML
tags, Markdown markers), so the check is about the words a reader sees.
"""

from __future__ import annotations

import re
from collections import Counter

_LINK_TARGET = re.compile(r"\]\([^()\s]*\)")  # no "(" inside: linear on "[x](" * 50000
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")  # no "<" inside: "<a " * 60000 stays linear
_WORD = re.compile(r"\w+", re.U)


def word_counts(text: str) -> Counter:
    text = _LINK_TARGET.sub("]", text)
    text = _TAG.sub(" ", text)
    return Counter(_WORD.findall(text.casefold()))  # one casefold of the text, not per word


def lost_words(raw: str, *kept: str) -> Counter:
    """Words (with counts) of ``raw`` that appear in none of ``kept`` often enough."""
    have = Counter()
    for text in kept:
        have.update(word_counts(text))
    need = word_counts(raw)
    return Counter({w: n - have[w] for w, n in need.items() if n > have[w]})
