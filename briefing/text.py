"""Text hygiene shared by every layer: untrusted text is cleaned once at ingest and on input.

Article text, claims, tags and notes come from outside.  Control characters (ESC starts
terminal escape sequences, C1 codes act as ESC on some terminals) and bidi overrides (they
make text display in an order other than the one it is stored in) are removed, never
interpreted.  Matching helpers fold case, diacritics, whitespace and quote marks so that a
quote copied by a person still finds its passage.
"""

from __future__ import annotations

import re
import unicodedata

# C0 except \t and \n, DEL, C1, the bidi embedding/override/isolate controls, and lone
# surrogates: Python turns command-line bytes that are not UTF-8 into U+DC80..U+DCFF
# (PEP 383), which cannot be encoded again: a --tag or --author holding one crashed the store.
# Also the characters that are invisible and carry no meaning a reader needs: zero-width
# space, word joiner and invisible operators (U+2060-2064), the BOM/zero-width no-break
# space, soft hyphen, Mongolian vowel separator, and the Unicode "tag" characters
# (U+E0000-E007F, which smuggle hidden ASCII text): with them "rus\u200bsia" and "russia" were
# two tags that look the same.  ZWJ/ZWNJ and LRM/RLM are kept here (emoji sequences, Persian
# and Indic spelling need them); tags and names drop them too (drop_invisible).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
    "\u200b\u2060-\u2064\ufeff\u00ad\u180e\U000e0000-\U000e007f]"
)
# Line and paragraph separators break lines in some terminals and not in others; a space
# keeps the words apart and the line numbers of a file as an editor counts them.
_SEPARATORS = str.maketrans({"\u2028": " ", "\u2029": " "})

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
        "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
    }
)


def clean(text: str) -> str:
    """Remove control characters and bidi overrides; keep newlines and tabs.

    A carriage return is turned into a newline first, so Windows and old-Mac line endings
    keep their line breaks instead of losing them.
    """
    if text.isprintable():  # no control, format (bidi) or line-break character: nothing to do
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SEPARATORS)
    return _UNSAFE.sub("", text)


# Invisible in any font and never needed in a tag, a name or a query: every format (Cf)
# character, variation selectors, the combining grapheme joiner and the Hangul fillers.
_HIDDEN_EXTRA = re.compile("[\u034f\ufe00-\ufe0f\U000e0100-\U000e01ef\u115f\u1160\u3164\uffa0]")


def drop_invisible(text: str) -> str:
    """``clean_line`` and then every invisible character removed, for identifiers people
    type and compare (tags, author names, search queries)."""
    text = clean_line(text)
    if text.isascii():
        return text
    text = _HIDDEN_EXTRA.sub("", text)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def clean_line(text: str) -> str:
    """Like :func:`clean` but for single-line fields (tags, titles): whitespace collapsed."""
    return " ".join(clean(text).split())


_INVISIBLE = re.compile(_UNSAFE.pattern[:-1] + "\t\n\r\u2028\u2029]")


def visible(text: str) -> str:
    """One line for a message, every unsafe or line-breaking character shown as an escape.

    For text that must stay recognisable rather than cleaned, such as a file name in a
    ``path:line: message`` line: ``"a\x1b]0;x\x07.md"`` -> ``"a\\x1b]0;x\\x07.md"``."""
    if text.isprintable():
        return text
    return _INVISIBLE.sub(lambda m: ascii(m.group())[1:-1], text)


def shown(text: str) -> str:
    """Unsafe characters shown as escapes, line breaks kept: for messages that quote what
    the user typed (click's usage errors name the unknown option as given)."""
    return _SHOWN.sub(lambda m: ascii(m.group())[1:-1], text)


_SHOWN = re.compile(_UNSAFE.pattern[:-1] + "\u2028\u2029]")


def fold_char(ch: str) -> str:
    """Fold one character for matching: quote marks and dashes unified, accents dropped, lower case;
    an invisible format character (a zero-width space or joiner, a soft hyphen, a direction
    mark: category Cf) folds to nothing, so a word pasted with one still matches."""
    if unicodedata.category(ch) == "Cf":
        return ""
    ch = ch.translate(_QUOTES)
    decomposed = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base.casefold()


# fold_chars: fold_char applied to every character, fast.  ASCII folds to str.lower() (the
# backtick aside); any other character goes through fold_char once, memoised (a briefing uses a
# few hundred distinct characters), and a regex substitutes only those.  The final lower() only
# needs to touch the ASCII: fold_char's output is case-folded already, and the rare characters
# whose fold lower() would still change (casefold maps lower-case Cherokee to upper case) send
# the text down the plain per-character path.  tests/test_text_fold.py checks the result is
# exactly "".join(map(fold_char, text)) on arbitrary text.
SPECIAL_CHARS = re.compile(r"[^\x00-\x5f\x61-\x7f]")  # non-ASCII, and the backtick
_FOLDED: dict[str, str] = {}
_LOWER_UNSTABLE: set[str] = set()  # characters c with fold_char(c).lower() != fold_char(c)
# Non-space characters met so far whose fold is not exactly one non-space character ("ß",
# "ﬁ", a combining accent, "¨"): while it stays empty, every fold so far kept one character
# per character (the loader's anchoring then needs no offset map work).
IRREGULAR: set[str] = set()


def fold_special(m: re.Match[str]) -> str:
    """fold_char of a SPECIAL_CHARS match, memoised (a re.sub callback)."""
    ch = m.group()
    folded = _FOLDED.get(ch)
    if folded is None:
        folded = fold_char(ch)
        # Flagged before it is memoised: another thread that finds it memoised finds it flagged.
        if folded.lower() != folded:
            _LOWER_UNSTABLE.add(ch)
        if not ch.isspace() and (len(folded) != 1 or folded.isspace()):
            IRREGULAR.add(ch)
        _FOLDED[ch] = folded
    return folded


def fold_chars(text: str) -> str:
    """``fold_char`` of every character, whitespace kept as is: ``"".join(map(fold_char, text))``."""
    if text.isascii():
        return text.lower() if "`" not in text else text.lower().replace("`", "'")
    folded = SPECIAL_CHARS.sub(fold_special, text).lower()
    if _LOWER_UNSTABLE and not _LOWER_UNSTABLE.isdisjoint(text):
        return "".join(_FOLDED.get(c) or fold_char(c) for c in text)
    return folded


def fold(text: str) -> str:
    """Fold a whole string for search: see :func:`fold_char`, with whitespace collapsed.

    Every whitespace character folds to whitespace, so splitting after folding is the same as
    folding each character then collapsing the runs (the definition; tests check both agree).
    """
    return " ".join(fold_chars(text).split())


_FOLD1: dict[str, str] = {}  # fold_char, memoised per character
_NON_SPACE = re.compile(r"\S+")  # \s is str.isspace in CPython's re


def _fold1(ch: str) -> str:
    f = _FOLD1.get(ch)
    if f is None:
        f = _FOLD1[ch] = fold_char(ch)
    return f


def folds_one_to_one(text: str) -> bool:
    """True when every non-space character folds to exactly one non-space character.

    Only non-ASCII characters (and the backtick) can fold otherwise; whitespace always folds
    to whitespace, so it keeps the word boundaries.
    """
    if text.isascii():
        return True
    for ch in set(SPECIAL_CHARS.findall(text)):
        if ch.isspace():
            continue
        f = _fold1(ch)
        if len(f) != 1 or f.isspace():
            return False
    return True


def folded_with_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for matching and return, for each folded character, its offset in ``text``.

    Runs of whitespace become one space.  The map lets a match in the folded string be turned
    back into exact character offsets in the original, which is how claims are anchored.
    When every character folds to one character (nearly always) the text is folded at once
    (:func:`fold_chars`) and only the whitespace is walked; else character by character.
    """
    if folds_one_to_one(text):
        folded = fold_chars(text)  # same length as text: one character per character
        out: list[str] = []
        where: list[int] = []
        prev_end = -1
        for m in _NON_SPACE.finditer(folded):
            if prev_end >= 0:
                out.append(" ")
                where.append(prev_end)  # a run of whitespace maps to its first character
            out.append(m.group())
            where.extend(range(m.start(), m.end()))
            prev_end = m.end()
        return "".join(out), where
    return _folded_with_map_by_char(text)


def _folded_with_map_by_char(text: str) -> tuple[str, list[int]]:
    """:func:`folded_with_map` by its definition, one character at a time."""
    out: list[str] = []
    where: list[int] = []
    prev_space = True  # drop leading whitespace
    for i, ch in enumerate(text):
        if ch.isspace():
            if not prev_space:
                out.append(" ")
                where.append(i)
            prev_space = True
            continue
        prev_space = False
        for f in _fold1(ch):
            out.append(f)
            where.append(i)
    if out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def find_all(haystack: str, needle: str) -> list[tuple[int, int]]:
    """Every (start, end) of ``needle`` in ``haystack``, tolerant of case, accents, quotes, spaces.

    Offsets are in the original ``haystack``.
    """
    folded_needle = fold(needle)
    if not folded_needle:
        return []
    folded, where = folded_with_map(haystack)
    found: list[tuple[int, int]] = []
    start = folded.find(folded_needle)
    while start != -1:
        end = start + len(folded_needle) - 1
        found.append((where[start], where[end] + 1))
        start = folded.find(folded_needle, start + 1)
    return found
