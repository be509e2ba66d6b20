"""Search terms: the one rule that turns text (a passage or a query) into index tokens.

Every run of letters and digits becomes a :class:`Token` with its offsets in the original
text and two normalised forms:

- ``word``: case and accents folded and any script transliterated to ASCII (anyascii), so
  "Türkiye" is ``turkiye`` and "Пашинян" is ``pashinyan``;
- ``stem``: the word's Snowball (English) stem, so "peacekeepers" and "peacekeeping" are both
  ``peacekeep``.

A token is a *name* when it is capitalised in the original text and does not open a sentence:
spelling variants (fuzzy matching) are looked for among names only, because that is where
transliterations differ ("Lachin"/"Latchine", "Pashinyan"/"Pachinian"), while ordinary words
that differ by a letter or two are usually different words ("border"/"order").

Pure functions, no file system: the index (briefing.index.store) and the highlighter
(briefing.index.engine) both tokenise through here, so what is found is what is highlighted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from snowballstemmer import stemmer

from briefing.text import fold_chars

WORD = re.compile(r"[^\W_]+")
_PIECE = re.compile(r"[a-z0-9]+")
# What may come just before a sentence's first word (after spaces): its capital says nothing.
_SENTENCE_END = frozenset('.!?:;"\'(«“‘[—–-')
_STEMMER = stemmer("english")


@dataclass(frozen=True, slots=True)
class Token:
    start: int  # [start, end) in the original text
    end: int
    word: str
    stem: str
    name: bool


@lru_cache(maxsize=200_000)
def normalise(raw: str) -> tuple[tuple[str, str], ...]:
    """(word, stem) pairs of one run of letters/digits: usually one pair; a transliteration
    can give several ("½" or a CJK run), each kept."""
    ascii_form = anyascii(fold_chars(raw)).lower()
    return tuple((w, stem(w)) for w in _PIECE.findall(ascii_form))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    if word.isdigit() or len(word) < 3:
        return word
    return _STEMMER.stemWord(word)


def tokens(text: str) -> list[Token]:
    """The tokens of ``text``, in order, with offsets into ``text``."""
    out: list[Token] = []
    for m in WORD.finditer(text):
        raw = m.group()
        forms = normalise(raw)
        if not forms:
            continue
        start, end = m.span()
        name = raw[0].isupper() and not _opens_sentence(text, start)
        for word, st in forms:
            out.append(Token(start, end, word, st, name))
    return out


def _opens_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def query_tokens(text: str) -> list[tuple[str, str]]:
    """(word, stem) of each token of a piece of a query."""
    return [(t.word, t.stem) for t in tokens(text)]
