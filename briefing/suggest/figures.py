"""Figures in a claim, and what they count, read from the words around them.

Numbers are read by briefing.analysis.numbers (its conventions: "1,960", "1 900", "3,8").
Years are dates, not figures.  What a figure counts is the noun after it ("1,960 Russian
armed peacekeepers" counts peacekeepers), put in a class ("troops" for troops, soldiers,
men, peacekeepers...); when no known noun follows, the head of the noun phrase ("88 special
units" counts units).  Its owner is the nationality or name qualifying it ("Russian",
"Armenians"); for a deployment the place counts too ("in Nagorno-Karabakh").  A duration is
tied to the happening it measures only by the syntax ("the 44-day war", "fighting lasting
44 days", "a mandate of two years"); "ten days before" is an offset, not a duration.  The
shared key across sources is built in ``figurekeys``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.analysis.numbers import CURRENCY_UNITS, Number, find_numbers
from briefing.suggest.lexicon import COUNTED, FUNCTION_WORDS, HAPPENINGS, LOCATED
from briefing.suggest.names import NameIndex, fold_name, slug

_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
# Characters read on each side of a figure for what it counts and whose it is: the few words
# of its noun phrase ("1,960 Russian peacekeepers stationed"), not the rest of the sentence.
_AROUND = 60
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
    offset: bool = False  # "ten days before": a distance in time, not how long something lasts
    toll: str = ""  # "deaths", "injured", "arrested"...: a toll, checked whatever its size
    quantity: str = ""  # the shared key, set by figurekeys.assign_keys


# Patterns used once or more per figure are compiled here, not looked up in re's cache on
# each call: find_figures and describe run for every claim of a briefing.
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_DIGITS = re.compile(r"\d[\d,.\s\u00a0\u202f]*\d|\d")
_DIGIT = re.compile(r"\d")


def is_year(n: Number) -> bool:
    return bool(_YEAR.fullmatch(n.text.strip())) and n.unit is None


_MAYBE_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|"
    r"billions?|trillions?|dozens?)\b", re.IGNORECASE)
DURATIONS = frozenset({"days", "weeks", "months", "years", "hours"})
_LABEL = re.compile(r"\b[A-Z][\w.]*\s*$")  # "Article 4", "Resolution 822", "No. 5": a label


# "per 100,000 inhabitants": the base of a rate, no count of its own (a figure of the
# claim still, so that the claim reads as one giving figures).
BASE_BEFORE = re.compile(r"\b(?:per|for every|in every|out of every)\s+$", re.IGNORECASE)
_YEAR_COMMA = re.compile(r"\b((?:1[89]|20)\d\d),(?=\s+\d)")


def find_figures(text: str) -> list[Number]:
    """Figures (not years, not dates, not labels such as "Article 4") in a claim's text."""
    out: list[Number] = []
    # a digit first: it is found at once, where the number words are tried at every word
    if not (_DIGIT.search(text) or _MAYBE_NUMBER.search(text)):
        return out
    # "In July 2024, 2,500 households": the comma after a year is no thousands separator
    # (the parser read "2024, 2,500" as one malformed number and dropped it).
    for n in find_numbers(_YEAR_COMMA.sub(r"\1;", text)):
        label = _LABEL.search(text[max(0, n.start - 20):n.start])
        if n.text[:1].isdigit() and label and label.group().strip().lower() not in FUNCTION_WORDS:
            continue  # "Article 4", but not "The 12-day strike"
        if is_year(n) or (_YEAR.fullmatch(n.text.split()[0] if n.text.split() else "")
                          and not n.approx and (n.unit or "") not in COUNTED):
            continue
        if n.value == 0:
            continue
        out.append(n)
    return out


def describe(text: str, n: Number, names: NameIndex, places: list[tuple[int, str]]) -> FoundFigure:
    """What ``n`` counts and whose it is, from the words around it in ``text``.

    ``places``: (offset, canonical name) of the names in ``text``."""
    digits = _DIGITS.search(n.text)
    core_end = n.start + digits.end() if digits else n.end
    found = list(_WORD.finditer(text, core_end, core_end + _AROUND))
    after = [m.group() for m in found]
    counted = None
    owner = None
    subgroup = None
    for k, w in enumerate(after[:4]):
        low = w.lower()
        if low in COUNTED:
            # People are keyed by the noun itself: "civilians" and "voters" differ (figurekeys
            # takes the plain words, people, residents, inhabitants, as one).
            counted = low if COUNTED[low] == "people" else COUNTED[low]
            subgroup = _subgroup(text, found[k:k + 2])
            break
        if w[:1].isupper():
            owner = owner or demonym(w, names)
            if w.endswith("s") and demonym(w[:-1], names):
                counted, owner = "people", demonym(w[:-1], names)  # "120,000 Armenians"
                subgroup = _subgroup(text, found[k:k + 2])
                break
            continue
        if low not in _SKIP:
            break
    if counted is None:
        counted = n.unit if n.unit in _UNIT_WORDS or n.unit in AMOUNTS else head_noun(text[core_end:])
    if counted is None:
        counted = label_noun(text, n.start)  # "Households affected by the cuts: 1.4 million"
    if counted == "pounds" and (n.value >= 1000 or text[n.end:n.end + 9].lower().strip() == "sterling"):
        counted = "GBP"  # "4 million pounds" is "£4m"; "5 pounds of sugar" stays a weight
    if owner is None:
        # "Russian troops in X (1 900 men)": the qualifier stands before the figure.
        before = _WORD.findall(text[max(0, n.start - _AROUND):n.start])
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
    offset = False
    if counted in DURATIONS:
        offset = bool(_OFFSET.match(text[n.end:]))
        happening = None if offset else duration_of(text, n)
    return FoundFigure(n, counted, owner, place, happening=happening, subgroup=subgroup,
                       offset=offset, toll=toll_of(text, n))


# What happened to the people counted: a toll is checked however small ("killing three
# passengers", "27 were injured", "two people remain missing").
_HARM = (r"(?:killed|killing|kills|died|dead|deaths|injured|injuring|injuries|wounded|"
         r"wounding|hurt|hospitali[sz]ed|missing|arrested|detained|evacuated|rescued|"
         r"displaced|fatalities|casualties|victims|lives|"
         r"(?:(?:admitted|taken|rushed|flown|airlifted|sent)\s+)?to\s+(?:a\s+|the\s+)?hospital)")
_HARM_WORD = re.compile(_HARM, re.IGNORECASE)
_NO_BEFORE = re.compile(r"\bno\s*$", re.IGNORECASE)
_TOLL_BEFORE = re.compile(_HARM + r"(?:\s+(?:at least|about|some|nearly|almost|more than|"
                          r"over|up to|another|a further))?\s+$", re.IGNORECASE)
_TOLL_AFTER = re.compile(r"^(?:,[^,;:.()]{1,30},)?(?:\s+[a-z][\w-]*){0,2}?\s+(?:(?:were|was|have been|had been|"
                         r"are|remain|remained|have|had|people)\s+)*" + _HARM + r"\b",
                         re.IGNORECASE)


# A figure given after a label, as in a list or a table ("Households affected: 1.4
# million", "- Imports from Ostland: 400 MW"): the label says what it counts or measures.
_LABEL_BEFORE = re.compile(r"(?:^|[.;!?]\s+|[-–•*]\s+|\n\s*)([A-Z][^\d:;.!?\n]{2,80}?):\s*"
                           r"(?:(?:about|some|around|nearly|almost|over|up to|at least)\s+)?$")


def label_of(text: str, at: int) -> str | None:
    """The label a figure at ``at`` follows ("Generation shortfall at the evening peak"), if any."""
    m = _LABEL_BEFORE.search(text, max(0, at - 100), at)
    return m.group(1).strip() if m else None


def label_noun(text: str, at: int) -> str | None:
    """What a labelled figure counts: the label's first plural noun ("Households affected
    by scheduled cuts" -> "households"); None when the label names no plural."""
    label = label_of(text, at)
    if not label:
        return None
    for w in _WORD.findall(label)[:4]:
        low = w.lower()
        if low in COUNTED:
            return low if COUNTED[low] == "people" else COUNTED[low]
        if low in _FUNCTION:
            return None
        if len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")):
            return low
    return None


def toll_of(text: str, n: Number) -> str:
    """What a toll counts ("deaths", "injured", "arrested"...), "" when ``n`` is none."""
    if n.unit in AMOUNTS or n.unit in DURATIONS:
        return ""
    if _NO_BEFORE.search(text[max(0, n.start - 4):n.start]):
        return ""  # "no one was hurt"
    if n.unit and _HARM_WORD.fullmatch(n.unit):
        return _harm_class(n.unit)  # "12 dead": the parser read the word as the unit
    m = (_TOLL_BEFORE.search(text[max(0, n.start - 40):n.start])
         or _TOLL_AFTER.match(text[n.end:n.end + 50]))
    return _harm_class(_HARM_WORD.search(m.group()).group()) if m else ""


def _harm_class(word: str) -> str:
    low = word.lower()
    for stem, cls in (("kill", "deaths"), ("die", "deaths"), ("dead", "deaths"),
                      ("death", "deaths"), ("fatal", "deaths"), ("lives", "deaths"),
                      ("injur", "injured"), ("wound", "injured"), ("hurt", "injured"),
                      ("hospital", "injured"), ("casualt", "casualties"),
                      ("victim", "casualties"), ("arrest", "arrested"), ("detain", "arrested"),
                      ("evacuat", "evacuated"), ("rescu", "rescued"), ("displac", "displaced"),
                      ("missing", "missing")):
        if low.startswith(stem) or stem in low:
            return cls
    return low


_OFFSET = re.compile(r"\s+(?:before|after|later|earlier|ago|since|from|prior)\b", re.IGNORECASE)
# Words before a duration that tie it to the happening named before them.
_LASTING = re.compile(r"\b(?:lasting|lasted|lasts|last|for|over|of|within|took|taking|spanning)"
                      r"\s+(?:the\s+|a\s+|an\s+|some\s+|about\s+|nearly\s+|almost\s+|only\s+)?$",
                      re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:()\[\]—–]|\.\s")
# Nouns that say a span of time without saying what it is the span of.
_GENERIC_SPANS = frozenset({"period", "span", "time", "stretch", "spell", "window", "phase",
                            "interval", "run", "course", "space", "history", "old", "long",
                            "high", "low"})


# A prison sentence, however a source words it: "jailed for six years", "sentenced him to six
# years", "six years in prison", "a six-year prison term".  Not a maximum or a demand ("faces
# up to ten years in prison", "prosecutors sought eight years"), nor the time served ("released
# after four years in prison"): another figure.
_SENTENCED_BEFORE = re.compile(
    r"\b(?:sentenced|sentencing|jailed|jailing|imprisoned|imprisoning|gaoled)\b[^,;:.()\d]{0,80}?"
    r"\b(?:to|for)\s+(?:a\s+(?:total\s+of\s+)?)?$", re.IGNORECASE)
_PRISON_AFTER = re.compile(r"^(?:\s+(?:in|of)\s+(?:prison|jail|gaol|imprisonment)\b|"
                           r"\s+(?:prison|jail|custodial)\s+(?:sentence|term)\b|\s+sentence\b)",
                           re.IGNORECASE)
_NOT_IMPOSED = re.compile(r"\b(?:up to|at most|maximum|max|faced|faces|facing|face|could|would|"
                          r"might|risk|risks|sought|seek|seeks|seeking|demanded|demand|demands|"
                          r"asked|requested|requests|called for|suspended|probation|if|"
                          r"served|serving|serve|spent|spend|spending|after|already)\b",
                          re.IGNORECASE)


def _sentence_length(text: str, n: Number) -> bool:
    """Whether ``n`` is the length of a prison sentence imposed (see ``_SENTENCED_BEFORE``)."""
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, n.start)), default=0)
    before = text[max(start, n.start - 120):n.start]
    if (_NOT_IMPOSED.search(before) or _NOT_IMPOSED.search(n.text)  # "up to ten years"
            or _NOT_IMPOSED.search(text[n.end:n.end + 16])):  # "two years suspended"
        return False
    return bool(_SENTENCED_BEFORE.search(before) or _PRISON_AFTER.match(text[n.end:n.end + 40]))


def duration_of(text: str, n: Number) -> str | None:
    """The happening a duration measures, when the syntax ties them: "the 44-day war" and
    "four-day talks" (the noun after), "fighting lasting 44 days", "a mission ... for two years",
    "a mandate of two years" (the happening before), "jailed for six years" (a sentence);
    None otherwise."""
    if _sentence_length(text, n):
        return "sentence"
    after = text[n.end:]
    stop = _CLAUSE_END.search(after)
    following = _WORD.findall(after[:stop.start()] if stop else after)[:4]
    if "-" in n.text or (following and not following[0][:1].isupper()
                         and following[0].lower() not in _FUNCTION):
        # adjectival: "44-day war", "five-year deployment", "44-day Second Karabakh War"
        for w in following:
            low = w.lower()
            if low in HAPPENINGS:
                return HAPPENINGS[low]
            if w[:1].isupper():
                continue  # "the 44-day Second Karabakh War"
            if low in _FUNCTION:
                break
        head = [w.lower() for w in following if w[:1].islower() and w.lower() not in _FUNCTION][:1]
        if "-" in n.text and head and head[0] not in _GENERIC_SPANS:
            return head[0]
        if "-" in n.text:
            return None
    before = text[:n.start]
    if not _LASTING.search(before):
        return None
    start = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    words = _WORD.findall(before[start:])[-14:]
    for w in reversed(words):
        low = w.lower()
        cls = HAPPENINGS.get(low) or HAPPENINGS.get(low + "s")  # "observer" as "observers"
        if cls:
            return cls
    m = re.search(r"([a-z]{4,})\s+of\s+(?:the\s+|a\s+|some\s+|about\s+)?$", before)
    if m and m.group(1) not in _GENERIC_SPANS and m.group(1) not in _FUNCTION:
        return m.group(1)  # "a mandate of two years"
    return None


_FUNCTION = FUNCTION_WORDS | {"and", "or", "of", "the", "a", "an"}


def head_noun(after: str) -> str | None:
    """What a figure counts when no known noun follows it: the first plural noun of the
    phrase right after it ("88 special units", "two military bases located" -> "units",
    "bases"), or None ("2,5-fold", "5 NATO", "six former Soviet ...")."""
    stop = _CLAUSE_END.search(after)
    phrase = after[:stop.start()] if stop else after
    phrase = re.split(r"[,.!?\"“”]", phrase, maxsplit=1)[0]
    for w in _WORD.findall(phrase)[:3]:
        low = w.lower()
        if low in COUNTED:
            return COUNTED[low] if COUNTED[low] != "people" else low
        if low in _FUNCTION or not w[:1].islower():
            return None
        if len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")):
            return low
        if low in _IRREGULAR_PLURALS:
            return low
    return None


# Plurals without an -s ("5,000 sheep", "300 children").
_IRREGULAR_PLURALS = frozenset({"sheep", "cattle", "children", "women", "fish", "livestock",
                                "deer", "geese", "poultry", "swine", "mice"})


def _subgroup(text: str, pair: list[re.Match[str]]) -> str | None:
    """A participle right after what is counted restricts it ("Armenians living in the
    valleys", "troops stationed in X"): that count is of a part.  ``pair``: the counted word
    and the next; "(1 800 men) stayed" is no participle of "men"."""
    if len(pair) < 2 or text[pair[0].end():pair[1].start()].strip():
        return None
    word = pair[1].group()
    if word.endswith(("ing", "ed")) and word.islower():
        return word
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


# Physical measures, as briefing.analysis.numbers normalises them ("850 megawatts" is MW,
# "1.1 billion cubic metres" m3): what they measure is said around them ("of water",
# "shortfall", "rainfall"), and they are matched like counts, by that and their clause.
MEASURES = frozenset({"m3", "hm3", "km3", "m2", "litres", "mm", "cm", "hectares", "tonnes", "kg",
                      "MW", "GW", "kW", "kWh", "MWh", "GWh", "TWh", "C", "F"})
_UNIT_WORDS = (frozenset({"percent", "fold", "km2", "km", "miles", "years", "months", "weeks",
                          "days", "hours", "ha"}) | MEASURES | CURRENCY_UNITS)


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


AMOUNTS = frozenset({"percent", "km2", "km", "miles", "fold"}) | CURRENCY_UNITS


def is_substantive(fig: FoundFigure) -> bool:
    """A count or amount a claim is about ("1,960 peacekeepers", "41%", "$3,8 billion"),
    rather than a passing number ("two countries", "one hand", "five-year")."""
    n = fig.number
    if n.unit in AMOUNTS or n.unit in MEASURES or fig.toll:
        return True
    if fig.counted in DURATIONS:
        return False
    if fig.counted and (fig.counted in COUNTED or fig.counted in COUNTED.values()):
        return n.value >= 10 or n.approx
    return n.value >= 100
