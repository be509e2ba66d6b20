"""Quotations in a paragraph, for telling a pull quote (a display copy of words the article
gives in full) from a sentence that only shares some words with another."""

from __future__ import annotations

import re

# A passage inside quotation marks: "…", “…”, ‘…’, «…».
QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”|‘([^’]+)’|«([^»]+)»')
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"\w+")


def squashed(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def quoted_only(text: str) -> str | None:
    """The words of a paragraph that is one passage in quotation marks, else None."""
    m = QUOTED.fullmatch(text.strip().strip("*_").strip())
    return next((g for g in m.groups() if g), None) if m else None


def quotations(text: str) -> set[str]:
    """Each quoted passage of a paragraph, each of its whole sentences, and each run of
    passages following one another (a quotation split by "she said"), squashed."""
    passages = [next(g for g in m.groups() if g) for m in QUOTED.finditer(text)]
    found = set()
    for a in range(len(passages)):
        for b in range(a + 1, len(passages) + 1):
            found.add(squashed(" ".join(passages[a:b])))
        found.update(squashed(s) for s in _SENTENCE_END.split(passages[a]))
    found.discard("")
    return found


def sentences(text: str) -> set[str]:
    """Each whole sentence of a paragraph and its quotations, squashed."""
    found = {squashed(s) for s in _SENTENCE_END.split(text)} | quotations(text)
    found.discard("")
    return found
