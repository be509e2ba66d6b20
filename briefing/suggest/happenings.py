"""Which happening a claim tells: its head (the noun or verb that names what happened, as a
lemma) and its date (the one the claim itself gives, relative dates resolved against the
article's publication date).

Two claims from different sources about the same happening usually share both: "Halvard
agreed on Monday to buy Brennick" and "the takeover, agreed in January" share the head
``agree`` and the month.  Two claims of one storyline that give different months tell
different happenings ("the shareholders approved it in March", "the authority cleared it on
21 August").  Heads are a small general lexicon of English happening words, reduced to a
stem by a suffix stripper so that "approved", "approval" and "approves" are one head.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from briefing.suggest.lexicon import WEEKDAYS
from briefing.suggest.mentions import DateMention

# A happening head -> the words that name it.  General news vocabulary, not one topic's.
_HEAD_WORDS = {
    "agree": "agree agreed agreement agreements accord pact treaty",
    "sign": "sign signed signing signature",
    "acquire": "acquire acquired acquisition takeover takeovers buy bought buyout merger merge "
               "merged",
    "approve": "approve approved approval clear cleared clearance authorise authorised "
               "authorize authorized ratify ratified ratification endorse endorsed",
    "vote": "vote voted votes voting ballot referendum election elections elected",
    "reject": "reject rejected rejection refuse refused refusal dismiss dismissed veto vetoed",
    "rule": "ruling ruled verdict judgment judgement sentence sentenced convicted conviction "
            "acquitted acquittal",
    "sue": "sue sued lawsuit appeal appealed suit injunction",
    "inquire": "inquiry investigation investigate investigated investigators probe examine "
               "examined hearing hearings",
    "strike": "strike strikes striking walkout walkouts stoppage",
    "protest": "protest protests protested demonstration demonstrations rally rallies",
    "attack": "attack attacked attacks offensive assault invasion invaded shelling "
              "bombardment bombing bombings incursion",
    "kill": "kill killed killing killings dead death deaths died die casualties injured "
            "injuring wounded",
    "crash": "crash crashed derail derailed derailment accident collision collapse collapsed "
             "explosion exploded",
    "resign": "resign resigned resignation quit stepped sacked dismissal",
    "found": "found founded founding establish established establishment creation formed",
    "join": "join joined joining accession membership",
    "withdraw": "withdraw withdrew withdrawal withdrawn exit",
    "ceasefire": "ceasefire cease-fire truce armistice",
    "talk": "talks negotiation negotiations negotiated summit meeting mediation",
    "cut": "cut cuts layoffs redundancies",
    "sell": "sell sold sale sales divest divested divestment",
    "reopen": "reopen reopened reopening inaugurate inaugurated inauguration launch launched",
    "close": "close closed closure shut",
    "fill": "fill filled filling",
    "sanction": "sanction sanctions sanctioned embargo",
    "deploy": "deploy deployed deployment",
    "arrest": "arrest arrested detained detention",
    "build": "build built construction",
    "report": "report published",
}

_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ions", "ion", "als", "al",
             "ied", "ies", "ed", "es", "s")


def stem(word: str) -> str:
    """A crude English stem: one suffix off, then a final "e" ("approval", "approved",
    "approves", "approve" -> "approv")."""
    w = word.lower()
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


HEADS: dict[str, str] = {}
for _head, _words in _HEAD_WORDS.items():
    for _w in _words.split():
        HEADS.setdefault(stem(_w), _head)

# Words that share a head's stem and mostly mean something else: "found" is the past of
# "find" far more often than "to found" ("Armenia found itself isolated").
_NOT_HEADS = frozenset({"found"})

_WORD = re.compile(r"[a-z][a-z\-]+")


@functools.lru_cache(maxsize=65536)
def head_of(word: str) -> str | None:
    """The happening head a lower-case word names, if any (cached: a large briefing repeats
    its words hundreds of thousands of times)."""
    if word in _NOT_HEADS:
        return None
    return HEADS.get(stem(word))


def heads(text: str) -> set[str]:
    """The happening heads ``text`` names."""
    return {h for h in map(head_of, _WORD.findall(text.lower())) if h is not None}


# --- the happening's date -----------------------------------------------------------------

_RELATIVE = re.compile(
    r"\b(?:(?:on|last)\s+(?P<weekday>" + "|".join(WEEKDAYS) + r")"
    r"|(?P<yesterday>yesterday)|(?P<today>today)"
    r"|(?P<which>last|this|next)\s+(?P<unit>week|month|year))\b",
    re.IGNORECASE)
# A date after these words bounds a span ("since 2023", "by the end of 2027"), it does not
# say when the claim's happening took place.
_NOT_WHEN = re.compile(r"(?:since|until|till|before|after|from|by the end of)\s+(?:the\s+)?$",
                       re.IGNORECASE)


def _parse(published: str | None) -> dt.date | None:
    if not published or len(published) < 10:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def relative_dates(text: str, published: str | None) -> list[DateMention]:
    """"on Monday", "yesterday", "last week", "this month", resolved against the publication
    date (a weekday is the last such day before it: news tells what has happened)."""
    day = _parse(published)
    if day is None:
        return []
    out = []
    for m in _RELATIVE.finditer(text):
        try:
            value = _resolve(m, day)
        except (OverflowError, ValueError):  # "next week" in an article dated 9999-12-31
            continue
        out.append(DateMention(value, m.group(), m.start(), m.end()))
    return out


def _resolve(m: re.Match[str], day: dt.date) -> str:
    """The date ``m`` names, as of ``day`` (OverflowError or ValueError when it falls before
    the year 1 or after 9999: no such date)."""
    if m["weekday"]:
        back = (day.weekday() - WEEKDAYS.index(m["weekday"].lower())) % 7 or 7
        return (day - dt.timedelta(days=back)).isoformat()
    if m["yesterday"]:
        return (day - dt.timedelta(days=1)).isoformat()
    if m["today"]:
        return day.isoformat()
    step = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
    unit = m["unit"].lower()
    if unit == "week":
        return (day + dt.timedelta(weeks=step)).isoformat()[:7]
    if unit == "month":
        month = day.year * 12 + day.month - 1 + step
        year, month = divmod(month, 12)
        return dt.date(year, month + 1, 1).isoformat()[:7]
    return dt.date(day.year + step, 1, 1).isoformat()[:4]


def when(text: str, dates: list[DateMention], published: str | None) -> str | None:
    """The date of the happening ``text`` tells, as YYYY-MM or YYYY: the first of its dates
    (``dates``, found in it with offsets of their own, and its relative dates) that is not
    a bound ("since 2023")."""
    found = [(max(0, text.find(d.text)), d.value) for d in dates]
    found += [(d.start, d.value) for d in relative_dates(text, published)]
    for start, value in sorted(found):
        if _NOT_WHEN.search(text[max(0, start - 20):start]):
            continue
        return value[:7]
    return None


def conflict(a: str | None, b: str | None) -> bool:
    """Two happening dates that cannot be one happening's: another year, or another month."""
    if not a or not b:
        return False
    if a[:4] != b[:4]:
        return True
    return len(a) >= 7 and len(b) >= 7 and a[:7] != b[:7]
