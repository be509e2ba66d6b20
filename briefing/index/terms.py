"""Search terms: the one rule that turns text (a passage or a query) into index tokens.

Every run of letters and digits becomes a :class:`Token` with its offsets in the original
text and two normalised forms:

- ``word``: case and accents folded and any script transliterated to ASCII (anyascii), so
  "Türkiye" is ``turkiye`` and "Пашинян" is ``pashinyan``;
- ``stem``: the word's Snowball (English) stem, so "peacekeepers" and "peacekeeping" are both
  ``peacekeep``.

A token records whether it is capitalised.  A source's *names* are the stems it writes
capitalised and never in lower case (see :func:`names`): spelling variants (fuzzy matching)
are looked for among names only, because that is where transliterations differ
("Lachin"/"Latchine", "Pashinyan"/"Pachinian"), while ordinary words that differ by a letter
or two are usually different words ("border"/"order"); a common word capitalised at the start
of a sentence is written in lower case elsewhere, and so is not a name.

Pure functions, no file system: the index (briefing.index.store) and the highlighter
(briefing.index.engine) both tokenise through here, so what is found is what is highlighted.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, NamedTuple

from snowballstemmer import stemmer

from briefing.text import fold_chars

WORD = re.compile(r"[^\W_]+")
_PIECE = re.compile(r"[a-z0-9]+")
_STEMMER = stemmer("english")  # PyStemmer's C code when installed, else pure Python
# Which implementation stems: stored with the index, which is rebuilt if it changes.
STEMMER = f"{type(_STEMMER).__module__}.{type(_STEMMER).__name__}"


class Token(NamedTuple):
    start: int  # [start, end) in the original text
    end: int
    word: str
    stem: str
    capital: bool


@lru_cache(maxsize=50_000)
def normalise(raw: str) -> tuple[tuple[str, str], ...]:
    """(word, stem) pairs of one run of letters/digits: usually one pair; a transliteration
    can give several ("½" or a CJK run), each kept."""
    ascii_form = _ascii(fold_chars(raw)).lower()
    return tuple((w, stem(w)) for w in _PIECE.findall(ascii_form))


def _ascii(text: str) -> str:
    if text.isascii():  # what anyascii would return; its import (~3 ms) only when needed
        return text
    from anyascii import anyascii

    return anyascii(text)


@lru_cache(maxsize=50_000)
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
        capital = raw[0].isupper()
        for word, st in forms:
            out.append(Token(start, end, word, st, capital))
    return out


@lru_cache(maxsize=50_000)
def _raw_forms(raw: str) -> tuple[str, str, tuple[str, ...]]:
    forms = normalise(raw)
    return " ".join(w for w, _ in forms), " ".join(s for _, s in forms), tuple(s for _, s in forms)


def index_form(text: str) -> tuple[str, str, set[str], set[str]]:
    """What the index stores of ``text``: its words and its stems (space-separated, in
    order), and the stems written capitalised and in lower case.  The tokens of
    :func:`tokens` without their offsets, made several times faster for indexing."""
    raws = WORD.findall(text)
    words, stems = _joined(raws)
    return words, stems, *_cases(raws)


def source_forms(texts: list[str]) -> tuple[list[tuple[str, str]], set[str]]:
    """index_form of a source's texts at once: (words, stems) of each, and the source's
    names (each distinct word's case looked at once, not at every occurrence)."""
    out = []
    distinct: set[str] = set()
    for text in texts:
        raws = WORD.findall(text)
        distinct.update(raws)
        out.append(_joined(raws))
    return out, names(*_cases(distinct))


def _joined(raws: list[str]) -> tuple[str, str]:
    forms = [f for f in map(_raw_forms, raws) if f[0]]
    return " ".join([f[0] for f in forms]), " ".join([f[1] for f in forms])


def _cases(raws: Iterable[str]) -> tuple[set[str], set[str]]:
    upper: set[str] = set()
    lower: set[str] = set()
    for raw in set(raws):
        (upper if raw[0].isupper() else lower).update(_raw_forms(raw)[2])
    return upper, lower


def names(upper: set[str], lower: set[str]) -> set[str]:
    """A source's names: stems it writes capitalised and never in lower case (not numbers)."""
    return {s for s in upper - lower if not s.isdigit()}


def query_tokens(text: str) -> list[tuple[str, str]]:
    """(word, stem) of each token of a piece of a query."""
    return [(t.word, t.stem) for t in tokens(text)]
