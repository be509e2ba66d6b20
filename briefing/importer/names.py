"""Person names from bylines: splitting "A and B", tidying "Manik TADEVOSIAN*"."""

from __future__ import annotations

import re

_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bet\b|\bund\b|\by\b|\be\b)\s*")
_TRAILING = re.compile(r"[\s\\*†‡:,.]+$")


def tidy_name(name: str) -> str:
    """Strip markers around a name and turn an all-capitals surname into title case."""
    name = _TRAILING.sub("", name.strip().strip("*_").strip())
    name = re.sub(r"^[\\*\s]+", "", name)
    words = []
    for word in name.split():
        if len(word) > 1 and word.isupper():
            word = "-".join(part.capitalize() for part in word.split("-"))
        words.append(word)
    return " ".join(words)


def split_names(text: str) -> list[str]:
    return [tidy_name(n) for n in _SPLIT.split(text) if tidy_name(n)]


def surname(name: str) -> str:
    return name.split()[-1] if name.split() else ""


# Words no personal name contains (names' particles "de", "van" are elsewhere).
NOT_IN_NAMES = {"for", "the", "of", "to", "in", "on", "with", "from", "is", "are", "our",
                "your", "my", "this", "that", "all", "about", "more", "new", "how", "why",
                "what", "we", "you", "it", "by", "at", "a", "an", "or", "not"}


def looks_like_name(text: str, max_words: int = 5) -> bool:
    """Two to five capitalised words: "Talar Tumanian", "Jean-Paul de la Tour" (particles ok)."""
    words = text.split()
    if not 2 <= len(words) <= max_words:
        return False
    if any(w.casefold() in NOT_IN_NAMES for w in words):
        return False  # "For Immediate Release", "Back To Top": capitalised, but no name
    caps = [w for w in words if w[:1].isupper()]
    particles = {"de", "da", "di", "van", "von", "der", "la", "le", "du", "al", "bin", "ibn"}
    return len(caps) >= 2 and all(w[:1].isupper() or w.lower() in particles for w in words)


# A newsroom role: "Health reporter", "Environment editor", "Housing Correspondent".
ROLE_PATTERN = (r"(?:[A-Za-z]+ ){0,3}(?:editor|correspondent|reporter|writer|columnist|"
                r"contributor|journalist|analyst|producer|critic|editor-at-large|bureau chief)"
                r"(?: in [A-Z][\w ]{1,30}| at [A-Z][\w ]{1,30})?")
ROLE = re.compile("^" + ROLE_PATTERN + "$", re.I)


_TRANSLIT = str.maketrans({"ə": "e", "Ə": "E", "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O",
                           "æ": "ae", "ß": "ss", "đ": "d", "ð": "d", "þ": "th"})


def ascii_fold(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    return "".join(c for c in text if not unicodedata.combining(c) and ord(c) < 128)


def drop_second_spelling(name: str) -> tuple[str, str | None]:
    """'Shahin Jafarli Şahin Cəfərli' -> ('Shahin Jafarli', 'Şahin Cəfərli').

    Some bylines give the name twice, in Latin and in the native spelling.  The halves must
    sound alike (similar letters once accents are removed) and the second must use letters the
    first does not, so two different people ("Anna Berg Karl Holm") are not merged.
    """
    from difflib import SequenceMatcher

    words = name.split()
    if len(words) % 2 or len(words) < 4:
        return name, None
    half = len(words) // 2
    first, second = " ".join(words[:half]), " ".join(words[half:])
    if first.isascii() and not second.isascii():
        ratio = SequenceMatcher(None, ascii_fold(first).lower(), ascii_fold(second).lower()).ratio()
        if ratio >= 0.7:
            return first, second
    return name, None
