"""Shared keys as words a reader of the brief recognises.

A figure or date key (``csto-founded``, ``russian-peacekeepers-nk``) is written by an analyst
or by ``briefing suggest`` in lower case; the brief spells each word as the sources do where
they write it (``CSTO``, ``Armenia``), and an unvowelled two- or three-letter word none of them
writes as an initialism (``NK``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from briefing.text import clean_line

_VOWELS = set("aeiouy")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"“‘(]\s*)$")


def _casings(word: str, texts: list[str]) -> Counter:
    """How the texts spell ``word`` (case-insensitively); a capital that starts a sentence
    counts only when the word is nowhere else."""
    found: Counter = Counter()
    initial: Counter = Counter()
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    for text in texts:
        for m in pattern.finditer(text):
            spelt = m.group(0)
            if spelt[:1].isupper() and spelt[1:].islower() \
                    and _SENTENCE_START.search(text[:m.start()]):
                initial[spelt] += 1
            else:
                found[spelt] += 1
    return found or initial


def quantity_label(key: str, texts: Iterable[str] = ()) -> str:
    """``csto-founded`` with texts saying "the CSTO was founded" -> ``CSTO founded``."""
    texts = [t for t in texts if t]
    words = clean_line(key.replace("-", " ").replace("_", " ")).split()
    out = []
    for word in words:
        casings = _casings(word, texts) if word.isalnum() else Counter()
        if casings:
            word = max(casings.items(), key=lambda kv: (kv[1], kv[0].islower()))[0]
        elif word.isalpha() and len(word) <= 3 and not (set(word.lower()) & _VOWELS):
            word = word.upper()
        out.append(word)
    label = " ".join(out)
    return label[:1].upper() + label[1:]
