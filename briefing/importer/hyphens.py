"""A word cut by a line or page break: "weak-" + "ening" is "weakening", "long-" + "standing"
stays "long-standing".  Decided with the word list pyspellchecker ships (English word
frequencies; nothing is downloaded).

The hyphen goes when the joined word is a word and it is commoner than one of the halves is
alone ("ening" is no word; "inter" is rarer than "international"); otherwise it stays, as it
does for capitalised or numeric halves ("post-" + "Soviet", "2023-" + "24").
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _frequencies():
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1).word_frequency


def join_hyphenated(left: str, right: str) -> bool:
    """Should ``left`` + "-" + ``right`` (a word broken across lines) lose its hyphen?"""
    if not (left.isalpha() and right.isalpha() and right.islower()):
        return False
    words = _frequencies()
    joined = words[(left + right).lower()]
    if not joined:
        return False
    return joined > min(words[left.lower()], words[right.lower()])
