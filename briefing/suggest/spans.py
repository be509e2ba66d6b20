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
from briefing.suggest.verbs import has_verb

MAX_WORDS = 28  # sentences longer than this are cut into clauses
MIN_WORDS = 6  # a piece shorter than this is merged into its neighbour
MIN_CLAIM_WORDS = 4

_BREAK = re.compile(
    r"\s*;\s+|\s+[—–]\s+|—"
    r"|,\s+(?=(?:but|while|whereas|yet|so|thus|hence|because|although|though|even though"
    r"|which means|following which|notwithstanding|till|until|when|whereby|with the aim"
    r"|as well as|and (?:the|this|that|these|those|it|its|they|their|he|she|[A-Z]\w+)"
    r"|(?:and )?on the other hand|whose"
    r"|(?:especially|particularly|not least|above all) (?:as|since|because|when)"
    r"|(?:apparently|allegedly|reportedly|reputedly|supposedly) \w+ed"
    r"|with (?:the |its |their |[A-Z]\w+['’]s )?\w+ (?:\w+ )?\w+ing"  # ", with exports surging"
    r"|(?:sparking|making|causing|leading|putting|prompting|allowing|forcing|raising)"
    r")\b)"
    r"|\s+and\s+(?=(?:could|would|might|may|can|will|should|must|has|have|had|is|was|"
    r"are|were)\b)"
    r"|,?\s+and\s+then\s+(?=the\b|[a-z]+ed\b)"  # "signed A in 1992 and then B in 1995"  # "is an important event and could be seen as": two predicates
    r"|:\s+(?=[A-Za-z“\"])"
)
# A second "that" clause after a first: "found that A, and that B".
_PARALLEL_THAT = re.compile(r"and\s+that\s+(?=\w)")
_THAT_BEFORE = re.compile(r"\bthat\s")
_STRONG = re.compile(r"\s*;\s+|,\s+(?=(?:while|whereas|but|and)\s)")
# A second clause that points back at the first ("while its army ...", "but it is an
# exception") cannot be checked without it.
_LEANS_BACK = re.compile(r"(?:(?:while|whereas|but|and)\s+)?(?:\w+\s+){0,3}?(?:it|its|they|their|them|"
                         r"this|that|these|those|he|his|she|her|so|too|also|exception)\b",
                         re.IGNORECASE)
# A sentence opening with a subordinate clause: "After X, Y", "Although X, Y".
_OPENING = re.compile(r"(?:After|Although|Though|While|Whereas|Since|When|If|Because|Despite|"
                      r"Following|Unlike|Whether)\b[^,;]{12,}?,\s+", re.IGNORECASE)
_OPENERS = re.compile(
    r"(?:(?:" + "|".join(re.escape(w) for w in sorted(LEADING_CONNECTIVES + FRAME_OPENERS,
                                                    key=len, reverse=True))
    + r")\b[,:]?\s+)+",
    re.IGNORECASE,
)
_WORDS = re.compile(r"\w+")
# A frame built on a noun: "The harder part is to admit that", "The truth is that", "One
# lesson was that", "Our worry remains that".  Read by its structure, whatever the noun: a
# short noun phrase (a determiner and up to three lower-case words) as the subject of a
# copula whose complement is a "that" clause; the clause is the claim.
_FRAME = re.compile(r"(?:the|one|another|a|an|my|our|his|her|their|its|this)\s+"
                    r"(?:[a-z][\w\-]*\s+){1,3}"
                    r"(?:is|was|remains|remained)\s+(?:(?:to|simply|still|now)\s+(?:[a-z]+\s+)?)?"
                    r"that\s+", re.IGNORECASE)


# The label of an answer in a question-and-answer transcript.
_ANSWER_LABEL = re.compile(r"\s*(?:A|Answer)\s*:\s+")


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
        # A short sentence is cut only where two statements meet ("X demands 9 percent,
        # while Y offers 4"), each with its verb; otherwise it is one claim.
        cuts, pos = [], start
        for m in _STRONG.finditer(text, start, end):
            second = text[m.end():end]
            parallel = _PARALLEL_THAT.match(text, m.end(), end)
            if (parallel and _THAT_BEFORE.search(text, max(0, start - 6), m.start())
                    and has_verb(second) and words(text[pos:m.start()]) >= MIN_CLAIM_WORDS):
                # "found that A, and that B": two findings, B as plain as A
                cuts.append((pos, m.start()))
                pos = parallel.end()
                continue
            if (has_verb(text[pos:m.start()]) and has_verb(second)
                    and words(text[pos:m.start()]) >= MIN_WORDS
                    and words(second) >= MIN_WORDS and not _LEANS_BACK.match(second)):
                cuts.append((pos, m.start()))
                pos = m.end()
        cuts.append((pos, end))
    else:
        cuts = []
        pos = start
        trimmed = trim(text, start, end)
        opening = _OPENING.match(text, trimmed.start, end) if trimmed else None
        if opening and words(text[opening.end():end]) >= MIN_WORDS:
            cuts.append((start, opening.end()))
            pos = opening.end()
        asides = _asides(text, pos, end)
        for m in _BREAK.finditer(text, pos, end):
            if any(a <= m.start() < b for a, b in asides):
                continue  # "X – the Artsakh Republic – were killed": an aside cuts nothing
            cuts.append((pos, m.start()))
            pos = m.end()
            parallel = _PARALLEL_THAT.match(text, pos, end)
            if parallel and _THAT_BEFORE.search(text, max(0, start - 6), m.start()):
                pos = parallel.end()
        cuts.append((pos, end))
        cuts = _merge_short(text, cuts)
    out = []
    for a, b in cuts:
        piece = trim(text, a, b)
        if piece and words(text[piece.start:piece.end]) >= MIN_CLAIM_WORDS:
            out.append(piece)
    return out


_DASH = re.compile(r"\s[—–]\s|—")
ASIDE_WORDS = 12  # a pair of dashes around at most this many words encloses an aside


def _asides(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches between a pair of dashes that set off a short aside (both dashes in)."""
    dashes = list(_DASH.finditer(text, start, end))
    out = []
    for first, second in zip(dashes[::2], dashes[1::2]):
        if words(text[first.end():second.start()]) <= ASIDE_WORDS:
            out.append((first.start(), second.end()))
    return out


def _merge_short(text: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces that cannot stand alone (too short, or no verb: "After the invasion of
    Ukraine", "putting thousands of lives at risk") join their neighbour."""
    merged: list[tuple[int, int]] = []
    for a, b in cuts:
        if merged and (_weak(text[a:b]) or _weak(text[merged[-1][0]:merged[-1][1]])):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


# A clause led by a participle ("sparking a war", "thus creating a vacuum") states
# something about the clause before it and can stand as a claim.
_PARTICIPLE = re.compile(r"^\W*(?:(?:and|thus|so|while|but|de facto|further|again)\s+)?[a-z]+ing\b")


def states(piece: str) -> bool:
    """Whether a piece states something: a finite verb, or a participle leading it."""
    return has_verb(piece) or _PARTICIPLE.match(piece) is not None


def _weak(piece: str) -> bool:
    return words(piece) < MIN_WORDS or not states(piece)


def trim(text: str, a: int, b: int) -> Piece | None:
    """Without leading linking words, framing openers, or trailing punctuation and spaces."""
    m = _ANSWER_LABEL.match(text, a, b)
    if m:
        a = m.end()  # "A: The zones follow European rules": the label is no part of it
    m = _OPENERS.match(text, a, b)
    if m and m.end() < b:
        a = m.end()
    m = _FRAME.match(text, a, b)
    if m and words(text[m.end():b]) >= MIN_WORDS:
        a = m.end()  # "The harder part is to admit that X": X is the claim
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
