"""Who and when a passage names: capitalised names (actors, places, people) and dates."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.analysis.numbers import NUMBER_WORDS
from briefing.importer.dates import MONTHS
from briefing.suggest.lexicon import (FUNCTION_WORDS, NAME_AFTER_TITLE_WORD, SERVICE_HEADS,
                                      TITLE_IN_NAME, TITLES)

_WORD = re.compile(r"[^\W\d_][\w’'\-]*|\d[\d,.]*|[()\[\],;:“”\"«»—–]")
_CONNECT = frozenset({"of", "for", "the", "de", "du", "des", "la", "le", "al", "on",
                      "von", "van", "del", "di", "da"})


_CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday".split()) | {
    m.lower() for m in MONTHS}

# One capitalised word that is a verb form or an adverb: "Conceived by ...", "Incredibly".
_NOT_A_NAME = re.compile(r"^[A-Z][a-z]+(?:ed|ly|ing)$")


@dataclass(frozen=True, slots=True)
class Name:
    text: str
    start: int
    end: int
    role: str | None = None  # the title before a person's name: "President", "Prime Minister"


_PARTICLE = re.compile(r"^(?:al|el|ad|ash|as|at|ibn|bin|ben|abu|ould)-[A-Z]")


def _is_cap(tok: str) -> bool:
    """A capitalised word, or a name with an Arabic particle ("al-Sisi", "el-Sissi")."""
    return (tok[:1].isupper() and tok[:1].isalpha()) or bool(_PARTICLE.match(tok))


def find_names(text: str, common: frozenset[str] = frozenset()) -> list[Name]:
    """Capitalised runs, split at titles; ``common`` holds words this text also writes in
    lower case (so a sentence-initial "Incredibly" is not a name)."""
    toks = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    out: list[Name] = []
    i = 0
    while i < len(toks):
        if not _is_cap(toks[i][0]):
            i += 1
            continue
        j = i
        run = [toks[i]]
        while j + 1 < len(toks):
            nxt = toks[j + 1]
            gap = text[toks[j][2]:nxt[1]]
            if gap not in (" ", "-", "\u00a0"):
                break
            if _is_cap(nxt[0]):
                run.append(nxt)
                j += 1
            elif nxt[0] == "and" and (joined := _service_after_and(text, toks, j + 2)):
                run.extend(toks[j + 1:joined])  # "Morvik Fire and Rescue": one service
                j = joined - 1
            elif (nxt[0] == "on" and len(run) == 1 and _group_word(run[0][0])
                  and _sentence_initial(text, run[0][1])):
                break  # "Shopkeepers on Bridge Street say": people at a place, no name
            elif (nxt[0] in _CONNECT and j + 2 < len(toks) and _is_cap(toks[j + 2][0])
                  and text[nxt[2]:toks[j + 2][1]] == " "
                  and toks[j + 2][0].lower() not in _CALENDAR):  # "Acme on Monday"
                run.extend([nxt, toks[j + 2]])
                j += 2
            else:
                break
        out.extend(_split_run(text, run, common))
        i = j + 1
    return out


def _service_after_and(text: str, toks: list[tuple[str, int, int]], k: int) -> int | None:
    """Where a run of capitalised words from toks[k] ends (exclusive) when its last word
    is a service's head ("... and Rescue", "... and Social Care"), else None."""
    while k < len(toks) and _is_cap(toks[k][0]) and text[toks[k - 1][2]:toks[k][1]] == " ":
        k += 1
    return k if toks[k - 1][0].lower() in SERVICE_HEADS and _is_cap(toks[k - 1][0]) else None


_GROUP_WORD = re.compile(r"^[A-Z][a-z\-]{2,}[^s]s$")  # "Shopkeepers", "Residents", not "Bass"


def _group_word(tok: str) -> bool:
    return bool(_GROUP_WORD.match(tok))


_BEFORE_SENTENCE = re.compile(r"(?:^|[.!?:;…]|\n)[\s\"“‘'(\[*#>\-•–—]*$")


def _sentence_initial(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` opens a sentence (its capital may be the sentence's)."""
    return _BEFORE_SENTENCE.search(text, max(0, pos - 12), pos) is not None


def _split_run(text: str, run: list[tuple[str, int, int]], common: frozenset[str]) -> list[Name]:
    names: list[Name] = []
    role: list[str] = []
    part: list[tuple[str, int, int]] = []

    def flush() -> None:
        while part and (part[-1][0].lower() in _CONNECT):
            part.pop()
        while part and (part[0][0].lower() in FUNCTION_WORDS | _CONNECT | NUMBER_WORDS
                        # A word also written in lower case is no name ("Residents said"),
                        # but inside a sentence and before more of the name its capital is
                        # the name's: "The Harbour Board", "on Bridge Street" when
                        # "harbour", "bridge" occur ("the West" alone stays a common noun)
                        or (part[0][0].lower() in common
                            and (len(part) == 1 or _sentence_initial(text, part[0][1])))):
            part.pop(0)
        if part:
            start, end = part[0][1], part[-1][2]
            name = text[start:end]
            name = re.sub(r"['’]s$", "", name)
            if len(name) > 1 and not (" " not in name and _NOT_A_NAME.search(name)):
                names.append(Name(name, start, start + len(name), " ".join(role) or None))
                role.clear()
        part.clear()

    for i, tok in enumerate(run):
        low = tok[0].lower()
        if low in TITLES and not (part and low in TITLE_IN_NAME and i + 1 < len(run)
                                  and run[i + 1][0].lower() in NAME_AFTER_TITLE_WORD):
            if part:
                flush()
                role.clear()
            role.append(tok[0])
            continue
        part.append(tok)
    flush()
    return names


def acronyms(text: str) -> list[tuple[str, str]]:
    """(acronym, long name) for "Long Name (ACR)" in ``text``."""
    out = []
    for m in re.finditer(r"\(([A-Z][A-Za-z]{1,7})\)", text):
        before = [n for n in find_names(text[:m.start()]) if n.end >= m.start() - 1]
        if before:
            out.append((m.group(1), before[-1].text))
    return out


# --- dates ------------------------------------------------------------------------------------

_MONTH_NAMES = "|".join(sorted((k for k in MONTHS if len(k) > 3 or k == "may"),
                               key=len, reverse=True))
# Wire style abbreviates months, beside a day ("Jan. 12", "Sept 3", "12 Feb") or, with its
# full stop, a year ("Oct. 2021").  Alone, "Mar" or "Dec" are as likely a name or a word.
_MONTH_ABBREVIATIONS = r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
_ABBREVIATED = frozenset(_MONTH_ABBREVIATIONS.split("|"))
_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:\s*[-–]\s*\d{1,2})?(?:st|nd|rd|th)?\s+(?P<m1>" + _MONTH_NAMES
    + r"|(?:" + _MONTH_ABBREVIATIONS + r")\b\.?)"
    + r"|(?P<m2>" + _MONTH_NAMES + r"|(?:" + _MONTH_ABBREVIATIONS + r")\.?)\s+(?P<d2>\d{1,2})"
    + r"(?:st|nd|rd|th)?\b,?"
    + r"|(?P<m3>(?:" + _MONTH_ABBREVIATIONS + r")\.(?=\s+(?:1[89]|20)\d\d\b)|" + _MONTH_NAMES + r"))"
    + r"(?:,?\s+(?P<y>(?:1[89]|20)\d\d))?\b"
    + r"|\b(?P<iso>(?:1[89]|20)\d\d-[01]\d(?:-[0-3]\d)?)\b"
    + r"|(?<![\d$€£.,])\b(?P<year>(?:1[89]|20)\d\d)\b(?![\d%,.]\d|s\b|-\w)",
    re.IGNORECASE,
)


_MAYBE_DATE = re.compile(r"\d|\b(?:" + _MONTH_NAMES + r")\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    value: str  # ISO, possibly partial
    text: str
    start: int
    end: int


def find_dates(text: str, year_hint: int | None = None) -> list[DateMention]:
    """Dates in running text.  A day or month without a year takes ``year_hint`` (the year
    last named in the paragraph, or the article's)."""
    out: list[DateMention] = []
    if not _MAYBE_DATE.search(text):
        return out
    for m in _DATE.finditer(text):
        if m["iso"]:
            out.append(DateMention(m["iso"], m.group(), m.start(), m.end()))
            continue
        if m["year"]:
            out.append(DateMention(m["year"], m.group(), m.start(), m.end()))
            year_hint = int(m["year"])
            continue
        month_written = (m["m1"] or m["m2"] or m["m3"] or "").rstrip(".")
        month_word = month_written.lower()
        if month_word in _ABBREVIATED and not month_written[:1].isupper():
            continue  # "12 mar": an abbreviation is a month only written as one
        if month_word == "may" and not (m["d1"] or m["d2"] or m["y"]) and not m.group()[0].isupper():
            continue  # the verb "may"
        if not m.group()[:1].isdigit() and not m.group()[:1].isupper():
            continue  # "march" as a verb
        month = MONTHS.get(month_word)
        year = int(m["y"]) if m["y"] else year_hint
        if month is None or year is None:
            continue
        if m["y"]:
            year_hint = year
        day = m["d1"] or m["d2"]
        value = f"{year:04d}-{month:02d}" + (f"-{int(day):02d}" if day and 1 <= int(day) <= 31 else "")
        out.append(DateMention(value, m.group().rstrip(","), m.start(), m.start() + len(m.group().rstrip(","))))
    return out
