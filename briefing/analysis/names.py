"""Personal names across sources: one person however a translated source spells them.

"Pashinyan" (English), "Pachinian" (from French), "Sergei"/"Sergey": a name is reduced to a
transliteration skeleton (anyascii, then spelling conventions of the main romanisations
folded together: French "ch" and English "sh", "ou"/"u", "y"/"i", doubled letters) and two
surnames are the same when their skeletons are close (rapidfuzz ratio >= 88).  Given names,
when both mentions have one, must start alike ("Sergei"/"Sergey", "N."/"Nikol").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz import fuzz

SURNAME_MIN_RATIO = 88

_FOLDS = (("tch", "sh"), ("sch", "sh"), ("ch", "sh"), ("kh", "h"), ("zh", "j"), ("dj", "j"),
          ("ou", "u"), ("ie", "i"), ("y", "i"), ("w", "v"), ("ph", "f"), ("ck", "k"), ("q", "k"))


def skeleton(name: str) -> str:
    """A spelling-tolerant key for one name token: "Pachinian" and "Pashinyan" -> "pashinian"."""
    s = re.sub(r"[^a-z]", "", anyascii(name).lower())
    for a, b in _FOLDS:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


@dataclass(frozen=True, slots=True)
class Name:
    given: str  # "" when only the surname (or a title and surname) is written
    surname: str

    @classmethod
    def parse(cls, text: str) -> "Name":
        text = re.sub(r"['’]s$", "", text.strip())  # "Pashinyan's veto"
        parts = [p for p in re.split(r"\s+", text) if p]
        if not parts:
            return cls("", "")
        return cls(" ".join(parts[:-1]), parts[-1])

    @property
    def key(self) -> str:
        return skeleton(self.surname)

    def __str__(self) -> str:
        return f"{self.given} {self.surname}".strip()


def same_surname(a: Name, b: Name) -> bool:
    ka, kb = a.key, b.key
    if not ka or not kb or ka[0] != kb[0]:
        return False
    return ka == kb or fuzz.ratio(ka, kb) >= SURNAME_MIN_RATIO


def same_person(a: Name, b: Name) -> bool:
    """Surnames alike and, when both give one, given names that start alike."""
    if not same_surname(a, b):
        return False
    if a.given and b.given:
        ga, gb = skeleton(a.given.split()[0]), skeleton(b.given.split()[0])
        return bool(ga and gb) and ga[0] == gb[0] and (
            len(ga) == 1 or len(gb) == 1 or fuzz.ratio(ga, gb) >= 70)
    return True
