"""One name for each actor or place however a source spells it.

"Pashinyan" / "Pachinian", "Lachin" / "Latchine", "Karabakh" / "Karabagh": the same name
romanised by English, French or German conventions.  Names are transliterated to ASCII
(anyascii), the common romanisation variants are folded to one spelling, and names whose
folded forms are close (rapidfuzz) are one.  An acronym given in brackets after a long name
("Collective Security Treaty Organization (CSTO)") is the same actor as the long name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz, process

from briefing.suggest.lexicon import BUSINESS_HEADS, PLACE_BOUND_HEADS

SIMILAR = 88  # rapidfuzz ratio (0-100) of folded names above which two names are one

# Romanisation variants, applied in order to an ASCII lower-case name.
_VARIANTS = (
    ("tsch", "c"), ("tch", "c"), ("sch", "c"), ("sh", "c"), ("ch", "c"), ("zh", "j"),
    ("dzh", "j"), ("dj", "j"), ("kh", "k"), ("gh", "k"),  # one velar fricative: kh, gh ("ou", "u"), ("ph", "f"),
    ("th", "t"), ("w", "v"), ("y", "i"), ("ck", "k"), ("q", "k"), ("x", "ks"),
)


@lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """A spelling-blind key: ASCII, lower case, romanisation variants folded, no doubles."""
    s = anyascii(name).lower()
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    s = re.sub(r"\b(?:al|el|ad|as|ash)\s+(?=\w)", "", s)  # "al-Sisi", "el-Sissi": one name
    for a, b in _VARIANTS:
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    s = re.sub(r"e\b", "", s)  # French final e: "Latchine", "Arménie" -> "Armeni"
    return s


def slug(name: str) -> str:
    """An id-safe form: "Nagorno-Karabakh" -> "nagorno-karabakh"."""
    s = re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-")
    return s or "x"


_FOLDED_HEADS = frozenset(fold_name(w) for w in BUSINESS_HEADS)
_NOT_IN_PERSON = frozenset("of for the and on at in".split())


class NameIndex:
    """Canonical names: the first spelling met of each actor stands for all its variants."""

    def __init__(self) -> None:
        self._by_key: dict[str, str] = {}
        self._keys: list[str] = []
        self._surnames: dict[str, str] = {}
        self._memo: dict[str, str] = {}  # last word of a multi-word name -> the name

    def add_alias(self, alias: str, name: str) -> None:
        """``alias`` (an acronym) names the same actor as ``name``."""
        canonical = self.canonical(name)
        key = fold_name(alias)
        self._memo.pop(alias, None)
        if key and key not in self._by_key:
            self._by_key[key] = canonical
            self._keys.append(key)

    def canonical(self, name: str) -> str:
        found = self._memo.get(name)
        if found is not None:
            return found
        found = self._canonical(name)
        self._memo[name] = found
        return found

    def _canonical(self, name: str) -> str:
        key = fold_name(name)
        if not key:
            return name
        found = self._by_key.get(key)
        if found is None and " " not in key:
            found = self._surnames.get(key)  # "Pashinyan" after "Nikol Pashinyan"
        if found is None and len(key) >= 5:
            match = process.extractOne(key, self._keys, scorer=fuzz.ratio,
                                       score_cutoff=SIMILAR)
            if match is not None and match[0][:1] == key[:1]:
                found = self._by_key[match[0]]
        if found is None:
            found = name
            self._by_key[key] = name
            self._keys.append(key)
            # a person's surname; "Bank of England", "Association of Engineers" lend no
            # last word: "England", "Engineers" stay apart
            if (" " in key and name[:1].isupper() and not name.isupper()
                    and not _NOT_IN_PERSON.intersection(name.split())):
                self._surnames.setdefault(key.rsplit(" ", 1)[1], name)
        return found

    def register(self, names: list[str]) -> None:
        """Meet longer names first, so a bare surname later joins the full name; among
        spellings of one name, the most frequent is met first and stands for the others."""
        counts: dict[str, int] = {}
        for name in names:
            counts[name] = counts.get(name, 0) + 1
        for name in sorted(counts, key=lambda n: (-len(fold_name(n).split()), -counts[n], n)):
            self.canonical(name)

    def speaker(self, name: str) -> str:
        """The canonical name of one who speaks: a single word that opens exactly one
        business's name stands for it ("Ferrow said" after "Ferrow Coaches"), as a place
        does not speak (only here: "Tessa" the town stays apart from "Tessa Water")."""
        found = self.canonical(name)
        key = fold_name(found)
        if " " in key or not key:
            return found
        firms = {self._by_key[k] for k in self._keys if k.startswith(key + " ")
                 and all(w in _FOLDED_HEADS for w in k.split()[1:])}
        return firms.pop() if len(firms) == 1 else found

    def named_after(self, name: str) -> str | None:
        """The place a local body is named after, when that place is named on its own too:
        "Morvik General Hospital" -> "Morvik"."""
        parts = name.split()
        if len(parts) < 2 or parts[-1].lower() not in PLACE_BOUND_HEADS:
            return None
        found = self.known(parts[0])
        return found if found and " " not in fold_name(found) else None

    def known(self, name: str) -> str | None:
        """The canonical name if ``name`` (or a variant) was seen, else None; adds nothing."""
        return self._by_key.get(fold_name(name))
