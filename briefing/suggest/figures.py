"""Figures in a claim, and what they count, so the same quantity in two sources compares.

Numbers are read by briefing.analysis.numbers (its conventions: "1,960", "1 900", "3,8").
Years are dates, not figures.  What a figure counts is the noun after it ("1,960 Russian
armed peacekeepers" counts peacekeepers), put in a class ("troops" for troops, soldiers,
men, peacekeepers...).  Its owner is the nationality or name qualifying it ("Russian",
"Armenians"); for a deployment the place counts too ("in Nagorno-Karabakh").  The shared key
is built from those (see ``figure_key``); a figure with no owner is keyed by its event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.analysis.numbers import Number, find_numbers
from briefing.suggest.lexicon import COUNTED, HAPPENINGS, LOCATED
from briefing.suggest.names import NameIndex, fold_name, slug

_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_SKIP = frozenset({"armed", "additional", "more", "other", "some", "about", "of", "the",
                   "special", "local", "regular", "foreign", "active", "extra", "new",
                   "trained", "professional", "ethnic", "remaining", "russian"})


@dataclass(slots=True)
class FoundFigure:
    number: Number
    counted: str | None  # class of what is counted ("troops"), or the unit ("days", "km2")
    owner: str | None = None  # canonical actor qualifying it
    place: str | None = None  # canonical place, for located classes
    happening: str | None = None  # for a duration: the kind of happening it lasts ("war")
    subgroup: str | None = None  # "Armenians living in ...": a part, not the whole population
    quantity: str = ""  # the shared key, set by figure_key


def is_year(n: Number) -> bool:
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", n.text.strip())) and n.unit is None


_MAYBE_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|"
    r"billions?|trillions?|dozens?)\b", re.IGNORECASE)
_DURATIONS = frozenset({"days", "weeks", "months", "years", "hours"})
_LABEL = re.compile(r"\b[A-Z][\w.]*\s*$")  # "Article 4", "Resolution 822", "No. 5": a label


def find_figures(text: str) -> list[Number]:
    """Figures (not years, not dates, not labels such as "Article 4") in a claim's text."""
    out: list[Number] = []
    if not _MAYBE_NUMBER.search(text):
        return out
    for n in find_numbers(text):
        if n.text[:1].isdigit() and _LABEL.search(text[max(0, n.start - 20):n.start]):
            continue
        if is_year(n) or (re.fullmatch(r"(?:1[89]|20)\d\d", n.text.split()[0] if n.text.split() else "")
                          and not n.approx and (n.unit or "") not in COUNTED):
            continue
        if n.value == 0:
            continue
        out.append(n)
    return out


def describe(text: str, n: Number, names: NameIndex, places: list[tuple[int, str]]) -> FoundFigure:
    """What ``n`` counts and whose it is, from the words around it in ``text``.

    ``places``: (offset, canonical name) of the names in ``text``."""
    digits = re.search(r"\d[\d,.\s\u00a0\u202f]*\d|\d", n.text)
    core_end = n.start + digits.end() if digits else n.end
    after = _WORD.findall(text[core_end:][:60]) if digits else _WORD.findall(text[n.end:][:60])
    counted = None
    owner = None
    subgroup = None
    for k, w in enumerate(after[:4]):
        low = w.lower()
        if low in COUNTED:
            # People are keyed by the noun itself: "civilians" and "residents" differ.
            counted = low if COUNTED[low] == "people" else COUNTED[low]
            subgroup = _subgroup(after[k + 1:k + 2])
            break
        if w[:1].isupper():
            owner = owner or demonym(w, names)
            if w.endswith("s") and demonym(w[:-1], names):
                counted, owner = "people", demonym(w[:-1], names)  # "120,000 Armenians"
                subgroup = _subgroup(after[k + 1:k + 2])
                break
            continue
        if low not in _SKIP:
            break
    if counted is None:
        counted = n.unit if n.unit and n.unit.lower() == n.unit else None
    if owner is None:
        # "Russian troops in X (1 900 men)": the qualifier stands before the figure.
        before = _WORD.findall(text[max(0, n.start - 60):n.start])
        for w in reversed(before[-6:]):
            if w[:1].isupper():
                owner = demonym(w, names)
                if owner:
                    break
    place = None
    if counted in LOCATED:
        near = [(abs(off - n.start), name) for off, name in places
                if name != owner and not _adjectival(name, names)
                and _LOCATIVE.search(text[max(0, off - 12):off])]
        if near:
            place = min(near)[1]
    happening = None
    if counted in _DURATIONS:
        words = [(abs(m.start() - n.start), HAPPENINGS[m.group().lower()])
                 for m in _WORD.finditer(text) if m.group().lower() in HAPPENINGS]
        happening = min(words)[1] if words else None
    return FoundFigure(n, counted, owner, place, happening=happening, subgroup=subgroup)


def _subgroup(next_word: list[str]) -> str | None:
    """A participle right after what is counted restricts it ("Armenians living in the
    valleys", "troops stationed in X"): that count is of a part."""
    if next_word and next_word[0].endswith(("ing", "ed")) and next_word[0].islower():
        return next_word[0]
    return None


_LOCATIVE = re.compile(r"\b(?:in|at|along|inside|into|near|across|on|to)\s+(?:the\s+)?$")


def _adjectival(name: str, names: NameIndex) -> bool:
    """"Russian", "Russian-Armenian", "Turkish-backed": qualifiers, not places."""
    parts = name.split("-")
    return any(p[:1].islower() or (demonym(p, names) not in (None, p)) for p in parts)


def figure_text(n: Number, counted: str | None) -> str:
    """The figure as written, without a following word the parser took for a unit that is
    not what is counted ("120,000 ethnic" -> "120,000")."""
    if n.unit and counted is None or (n.unit and n.unit not in _UNIT_WORDS and counted != n.unit
                                      and n.unit.lower() not in COUNTED):
        m = re.match(r"(.*?\d(?:[\d,.\s\u00a0\u202f]*\d)?)\s+[^\W\d_][\w’'\-]*$", n.text)
        if m:
            return m.group(1)
    return n.text


_UNIT_WORDS = frozenset({"percent", "fold", "km2", "km", "miles", "USD", "EUR", "GBP",
                         "years", "months", "weeks", "days", "hours"})


def demonym(word: str, names: NameIndex, allow_self: bool = True) -> str | None:
    """"Russian" -> "Russia", "Azerbaijani" -> "Azerbaijan", "Iranian" -> "Iran", when that
    name is known; else the adjective itself stands for its country (``allow_self``)."""
    word = word.strip("’'")
    if not word[:1].isupper() or not _NATIONALITY.search(word.removesuffix("s")):
        return None
    for stem in (word[:-1], word[:-2] + "a", word[:-3], word[:-3] + "a", word[:-2]):
        if len(stem) >= 3:
            found = names.known(stem)
            if found and fold_name(found) != fold_name(word):
                return found
    return names.canonical(word) if allow_self else None


_NATIONALITY = re.compile(r"(?:ian|an|ese|ish|i|ic)$")


def figure_key(fig: FoundFigure, event: str | None) -> str | None:
    """The shared quantity key, or None when nothing says what is counted."""
    if not fig.counted:
        return None
    parts = [fig.owner] if fig.owner else []
    if fig.place:
        parts.append(fig.place)
    if fig.happening and not parts:
        return f"{fig.happening}-duration-{slug(fig.counted)}"
    if fig.subgroup:
        parts.append(fig.subgroup)
    if not parts:
        if not event:
            return None
        parts = [event]
    return "-".join(slug(p) for p in parts) + "-" + slug(fig.counted)


_AMOUNTS = frozenset({"percent", "USD", "EUR", "GBP", "km2", "km", "miles", "fold"})


def is_substantive(fig: FoundFigure) -> bool:
    """A count or amount a claim is about ("1,960 peacekeepers", "41%", "$3,8 billion"),
    rather than a passing number ("two countries", "one hand", "five-year")."""
    n = fig.number
    if n.unit in _AMOUNTS:
        return True
    if fig.counted in _DURATIONS:
        return False
    if fig.counted and (fig.counted in COUNTED or fig.counted in COUNTED.values()):
        return n.value >= 10 or n.approx
    return n.value >= 100
