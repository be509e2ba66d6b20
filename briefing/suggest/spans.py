"""Which stretch of a sentence carries the claim: the sentence, or its clauses when long.

A claim is the shortest verbatim span a reader can check on its own.  Short sentences are
one claim.  Long ones are cut where a new statement starts (";", a dash, ", but", ", while",
", and" before a new subject...) and pieces too short to stand alone go back to a neighbour.
Framing openers ("It is clear that") and linking words ("However,") are left out; the words
"X said that" stay outside the span and name its speaker (see speakers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.suggest.lexicon import FRAME_OPENERS, LEADING_CONNECTIVES

MAX_WORDS = 28  # sentences longer than this are cut into clauses
MIN_WORDS = 6  # a piece shorter than this is merged into its neighbour
MIN_CLAIM_WORDS = 4

_BREAK = re.compile(
    r"\s*;\s+|\s+[—–]\s+|—"
    r"|,\s+(?=(?:but|while|whereas|yet|so|thus|hence|because|although|though|even though"
    r"|which means|following which|and (?:the|this|that|these|those|it|its|they|their|he|she"
    r"|[A-Z]\w+))\b)"
    r"|:\s+(?=[A-Za-z“\"])"
)
_OPENERS = re.compile(
    r"^(?:(?:" + "|".join(re.escape(w) for w in sorted(LEADING_CONNECTIVES + FRAME_OPENERS,
                                                    key=len, reverse=True))
    + r")\b[,:]?\s+)+",
    re.IGNORECASE,
)
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Piece:
    start: int
    end: int


def words(text: str) -> int:
    return len(_WORDS.findall(text))


def clauses(text: str, start: int, end: int) -> list[Piece]:
    """The claim-sized pieces of the sentence ``text[start:end]``, as offsets into ``text``."""
    sentence = text[start:end]
    if words(sentence) <= MAX_WORDS:
        cuts = [(start, end)]
    else:
        cuts = []
        pos = start
        for m in _BREAK.finditer(sentence):
            cuts.append((pos, start + m.start()))
            pos = start + m.end()
        cuts.append((pos, end))
        cuts = _merge_short(text, cuts)
    out = []
    for a, b in cuts:
        piece = trim(text, a, b)
        if piece and words(text[piece.start:piece.end]) >= MIN_CLAIM_WORDS:
            out.append(piece)
    return out


def _merge_short(text: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in cuts:
        if merged and (words(text[a:b]) < MIN_WORDS or words(text[merged[-1][0]:merged[-1][1]]) < MIN_WORDS):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def trim(text: str, a: int, b: int) -> Piece | None:
    """Without leading linking words, framing openers, or trailing punctuation and spaces."""
    m = _OPENERS.match(text, a, b)
    if m and m.end() < b:
        a = m.end()
    while a < b and (text[a].isspace() or text[a] in ",;:—–-("):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—–-("):
        b -= 1
    # Keep brackets and quote marks balanced: a cut may leave one side behind.
    for open_, close in (("(", ")"), ("“", "”")):
        span = text[a:b]
        if span.count(close) > span.count(open_) and span.endswith(close):
            b -= 1
    return Piece(a, b) if b > a else None
