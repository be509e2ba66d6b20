"""Who and when a passage names: capitalised names (actors, places, people) and dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefing.analysis.numbers import NUMBER_WORDS
from briefing.importer.dates import MONTHS
from briefing.suggest.lexicon import (FUNCTION_WORDS, NAME_AFTER_TITLE_WORD, SERVICE_HEADS,
                                      TITLE_IN_NAME, TITLES, WEEKDAYS)

_WORD = re.compile(r"[^\W\d_][\w’'\-]*|\d[\d,.]*|[()\[\],;:“”\"«»—–]")
_CONNECT = frozenset({"of", "for", "the", "de", "du", "des", "la", "le", "al", "on",
                      "von", "van", "del", "di", "da"})


_CALENDAR = frozenset(WEEKDAYS) | {
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
    relative: bool = False  # placed by the article's date ("on Friday"), not written out


def find_dates(text: str, year_hint: int | None = None,
               published: str | None = None) -> list[DateMention]:
    """Dates in running text.  A day or month without a year takes ``year_hint`` (the year
    last named in the paragraph, or the article's); a weekday or "yesterday" is placed
    against ``published``, the article's full date (see ``relative_days``)."""
    out = _written_dates(text, year_hint)
    if published:
        taken = [(d.start, d.end) for d in out]
        out.extend(d for d in relative_days(text, published)
                   if not any(a < d.end and d.start < b for a, b in taken))
        out.sort(key=lambda d: d.start)
    return out


def _written_dates(text: str, year_hint: int | None) -> list[DateMention]:
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


# --- days named relative to the article's date ----------------------------------------------

_DAY_PART = r"(?:\s+(?:morning|afternoon|evening|night))"
_RELATIVE_DAY = re.compile(
    r"\b(?:(?P<which>[Oo]n|[Ll]ast|[Nn]ext)\s+)?"
    r"(?P<day>" + "|".join(w.capitalize() for w in WEEKDAYS) + r")"
    r"(?P<part>" + _DAY_PART + r")?(?P<poss>['’]s)?\b"
    r"|\b(?P<near>[Yy]esterday|[Tt]omorrow)(?:" + _DAY_PART + r")?\b"
    r"|\b(?P<today>[Tt]oday)\b")
# "Today" is the day of publication only beside a verb of something done that day ("the
# office today published", "said today"); alone ("Today, the town is empty") it means now.
_DONE_VERB = r"(?:said|says|told|announced|published|released|issued|confirmed|\w+ed)"
_TODAY_VERB = re.compile(r"\s+" + _DONE_VERB + r"\b")
_VERB_TODAY = re.compile(r"\b" + _DONE_VERB + r"\s+$")
# A lone weekday is a day when a preposition of time governs it ("since Friday", "until
# Monday") or a part of the day or a possessive follows ("Saturday night", "Friday's vote").
_TIME_PREPOSITION = re.compile(r"(?:\b(?:since|from|until|till|by|before|after|between|"
                               r"through|and|or|to|of)\s+)$", re.IGNORECASE)
# After a capitalised word a weekday is part of a name ("Good Friday", "Super Tuesday").
_CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w’'-]*\s+$")
_OPENERS = frozenset({"on", "last", "next", "since", "from", "until", "till", "by", "before",
                      "after", "between", "early", "late", "and", "or", "through"})
# The weekday beside a written date ("Saturday 14 March", "Friday, March 13"): the date says it.
_DATE_AFTER = re.compile(r"\s*,?\s*\(?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:" + _MONTH_NAMES
                         + r"|(?:" + _MONTH_ABBREVIATIONS + r")\b)", re.IGNORECASE)
# A happening still to come is dated forward ("will reopen the bridge on Friday"); one that
# was to come when something else happened ("was due to reopen on Friday") cannot be dated.
_FUTURE = re.compile(r"\b(?:will|shall|won['’]t|(?:is|are)\s+(?:due|expected|scheduled|set|"
                     r"planned|poised|going)|plans?\s+to|intends?\s+to)\b|['’]ll\b",
                     re.IGNORECASE)
_PAST_FUTURE = re.compile(r"\b(?:was|were|had\s+been|would)\b(?:\s+\w+)?\s+(?:due|expected|"
                          r"scheduled|set|planned|going|supposed)\b|\bwould\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:—–()]|\.(?:\s|$)")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")
# How far from a weekday its governing words are looked for: a verb or preposition right
# before it, and the clause around it (clauses in news copy run well under 300 characters).
_LOOK_BACK = 120
_CLAUSE_REACH = 300
# A verb of something done right before the weekday dates it back, whatever the clause says
# next ("said on Friday it will reopen", "met on Monday and are expected to meet again"); a
# participle after "be" ("will be published on Friday") is not one.
_PAST_VERB = (r"(?:said|told|announced|published|released|issued|confirmed|met|held|began|"
              r"came|went|made|took|gave|fell|rose|left|found|sent|spoke|wrote|struck|broke|"
              r"won|lost|paid|sold|shut|hit|quit|led|ran|set|put|cut|saw|brought|bought|"
              r"thought|kept|got|stood|drew|flew|grew|threw|tore|wore|chose|froze|swore|"
              r"sank|sprang|began|\w+ed)")
_PAST_BEFORE_DAY = re.compile(r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )"
                              r"(?<!\bam )(?<!\bget )(?<!\bgets )"
                              r"\b" + _PAST_VERB + r"\s+(?:(?:on|last)\s+)?$", re.IGNORECASE)
# Where another verb or clause takes over after the weekday.
_HANDOVER = re.compile(r"\b(?:that|and|but|which|who|when|after|before|as|while|"
                       + _PAST_VERB + r")\b", re.IGNORECASE)


def _published_day(published: str | None) -> dt.date | None:
    if not published or len(published) < 10:
        return None  # "2026" or "2026-03": a weekday cannot be placed
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def relative_days(text: str, published: str | None) -> list[DateMention]:
    """Days named by their weekday or as "yesterday", resolved against ``published`` (the
    article's date, in full, else nothing): "on Friday", "last Wednesday", "Saturday night"
    are the most recent such day on or before it ("last" one strictly before), "next Monday"
    and a weekday in a clause about what is still to come ("will reopen on Friday") the first
    on or after it.  The text stays as written, so the date can be checked against it."""
    day = _published_day(published)
    if day is None:
        return []
    out: list[DateMention] = []
    for m in _RELATIVE_DAY.finditer(text):
        try:
            value = _resolve_day(text, m, day)
        except (OverflowError, ValueError):  # a day before the year 1 or after 9999
            continue
        if value is None:
            continue
        end = m.end("part") if m["part"] else m.end("day") if m["day"] else m.end()
        out.append(DateMention(value.isoformat(), text[m.start():end], m.start(), end, True))
    return _ordered_ranges(text, out)


def _resolve_day(text: str, m: re.Match[str], day: dt.date) -> dt.date | None:
    if m["near"]:
        return day + dt.timedelta(days=-1 if m["near"].lower() == "yesterday" else 1)
    # the words beside a day are looked at through a bounded window, so that a long run of
    # text without a full stop costs time in proportion to its length
    near = max(0, m.start() - _LOOK_BACK)
    if m["today"]:
        beside = _TODAY_VERB.match(text, m.end()) or _VERB_TODAY.search(text, near, m.start())
        return day if beside else None
    if not m["which"]:
        capital = _CAPITAL_BEFORE.search(text, near, m.start())
        if capital and capital.group().strip().lower() not in _OPENERS:
            return None  # "Good Friday", "Black Friday"
        # American wire style drops the "on": "police said Tuesday", "the firm announced Monday"
        if not (m["part"] or m["poss"] or _TIME_PREPOSITION.search(text, near, m.start())
                or _VERB_TODAY.search(text, near, m.start())):
            return None
    if _DATE_AFTER.match(text, m.end()):
        return None  # "Saturday 14 March": the written date is the date
    if not m["part"] and not m["poss"] and _CAPITAL_AFTER.match(text, m.end()) \
            and not m["which"]:
        return None  # "Sunday Times", "Monday Club"
    weekday = WEEKDAYS.index(m["day"].lower())
    which = (m["which"] or "").lower()
    ahead = which == "next" or (which != "last" and _still_to_come(text, m.start(), m.end()))
    if ahead is None:
        return None
    if ahead:
        step = (weekday - day.weekday()) % 7
        return day + dt.timedelta(days=step or (7 if which == "next" else 0))
    back = (day.weekday() - weekday) % 7
    return day - dt.timedelta(days=back or (7 if which == "last" else 0))


def _still_to_come(text: str, start: int, end: int) -> bool | None:
    """Whether the clause holding text[start:end] tells what is to come (True), what was to
    come when something else happened (None: no date can be given), or what happened.  Only a
    future that governs the weekday counts: "will reopen on Friday", "On Friday it will", "the
    council on Friday will vote"; "said on Friday it will reopen" is dated by "said"."""
    if _PAST_BEFORE_DAY.search(text, max(0, start - _LOOK_BACK), start):
        return False  # "said on Friday", "met on Monday", wire-style "said Tuesday"
    # a clause is read at most _CLAUSE_REACH characters either side of the weekday
    lo = max(0, start - _CLAUSE_REACH)
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(text, lo, start)]
    clause_start = breaks[-1] if breaks else lo
    stop = _CLAUSE_BREAK.search(text, end, end + _CLAUSE_REACH)
    before = text[clause_start:start]
    if not re.search(r"\w", before) and stop is not None and stop.start() == end:
        # "On Friday, the council will vote": the weekday opens the clause that follows
        nxt = _CLAUSE_BREAK.search(text, stop.end(), stop.end() + _CLAUSE_REACH)
        after = text[stop.end():nxt.start() if nxt else stop.end() + _CLAUSE_REACH]
    else:
        after = text[end:stop.start() if stop else end + _CLAUSE_REACH]
    if _PAST_FUTURE.search(before + " " + after):
        return None
    if _FUTURE.search(before):
        return True
    # after the weekday a future counts only before another verb or clause takes over
    # ("the council on Friday will vote", not "On Friday the mayor said it will vote")
    future, cut = _FUTURE.search(after), _HANDOVER.search(after)
    return future is not None and (cut is None or future.start() <= cut.start())


def _ordered_ranges(text: str, days: list[DateMention]) -> list[DateMention]:
    """"between Thursday evening and Saturday morning" runs forward: two days placed out of
    order (an interview published a week later) are dropped, as both are in doubt."""
    drop: set[int] = set()
    for i, (a, b) in enumerate(zip(days, days[1:])):
        if re.fullmatch(r"\s*(?:and|to|until|till|through|[-–])\s*", text[a.end:b.start]) \
                and a.value > b.value:
            drop.update((i, i + 1))
    return [d for i, d in enumerate(days) if i not in drop]
