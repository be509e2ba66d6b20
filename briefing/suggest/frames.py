"""Happenings as events of their own: claims from different sources that name one happening
in one month ("the shareholders approved the deal in March" / "Brennick's shareholders
approved the takeover in March").

A claim's frame is what it says happened (its happening heads: happenings.heads, "approved",
"approval" and "cleared" are one head), when (its month: its own date, else the date in force
in its paragraph, Proposal.when) and who (its actors).  A claim naming no happening ("The
remedy looks larger than it is.") is read with its paragraph: it takes the heads of the last
claim before it there that names one.  Claims of two or more sources sharing a head and a
month make a happening; it is proposed beside the storylines (storylines.py), which gather
what sources tell about one matter over months: a claim belongs to its storyline and to the
happenings it tells.

Why a month and not a word likeness: on the labelled sets two claims from different sources
that share a head and a month tell one curated event in nearly every case (15 of 15 pairs),
against one pair in five for any two claims, and a storyline holds claims of many happenings.
A head shared without a date is weaker (one pair in two) and a shared actor weaker still;
penalising pairs of different heads or dates inside the storylines helped the short labelled
sets and cost the long articles their recall (docs/benchmarks.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.suggest import happenings
from briefing.suggest.claims import Proposal
from briefing.suggest.lexicon import MONTH_NAMES

MIN_SOURCES = 2  # a happening told by one source links nothing
MAX_WORDS = 12  # words of a title taken from a claim


@dataclass(frozen=True, slots=True)
class Frame:
    heads: frozenset[str]  # the happenings it names (or its paragraph named before it)
    month: str | None  # YYYY-MM of its happening, None when only a year or nothing is known
    own: bool  # the heads are the claim's own, not its paragraph's


def frames(proposals: list[Proposal], published: dict[str, str | None] | None = None) -> list[Frame]:
    """Each claim's frame, in the order of ``proposals`` (each article's claims in reading
    order, as claims.propose gives them); ``published``: article id -> its date, against
    which "on Monday", "last month" are read."""
    published = published or {}
    out = []
    last: dict[str, frozenset[str]] = {}
    for p in proposals:
        heads = frozenset(happenings.heads(p.quote))
        own = bool(heads)
        if own:
            last[p.paragraph.id] = heads
        else:
            heads = last.get(p.paragraph.id, frozenset())
        when = p.when
        if not when or p.anchored:  # "on Monday" is its own, the paragraph's date is not
            when = happenings.when(p.quote, [], published.get(p.article_id)) or when
        month = when[:7] if when and len(when) >= 7 else None
        out.append(Frame(heads, month, own))
    return out


def happening_groups(proposals: list[Proposal], frames_: list[Frame] | None = None,
                     skip: frozenset[tuple[int, ...]] | set[tuple[int, ...]] = frozenset()
                     ) -> list[tuple[list[str], str, list[int]]]:
    """(heads, month, claim indexes) of each happening at least MIN_SOURCES sources tell,
    in order of month.  Heads of one month that share a claim are one happening ("a
    shareholder vote in March", "the shareholders approved the deal in March, with 78
    percent of votes", "approved the takeover in March"); a set of claims a storyline holds
    already (``skip``) is not proposed twice."""
    frames_ = frames(proposals) if frames_ is None else frames_
    by_key: dict[tuple[str, str], list[int]] = {}
    for i, f in enumerate(frames_):
        if f.month:
            for h in sorted(f.heads):
                by_key.setdefault((f.month, h), []).append(i)
    # Keys of one month that share a claim are joined (union-find over the keys, each
    # claim pointing at the first key that holds it; a claim has one month): linear in the
    # keys' claims, where comparing keys would be quadratic in a large briefing.
    keys = [(k, m) for k, m in sorted(by_key.items())
            if len({proposals[i].article_id for i in m}) >= MIN_SOURCES]
    parent = list(range(len(keys)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    holder: dict[int, int] = {}
    for k, (_, members) in enumerate(keys):
        for i in members:
            other = holder.setdefault(i, k)
            a, b = root(other), root(k)
            if a != b:
                parent[max(a, b)] = min(a, b)  # the earliest key names the happening
    joined: dict[int, tuple[list[str], str, set[int]]] = {}
    for k, ((month, head), members) in enumerate(keys):
        heads, _, claims = joined.setdefault(root(k), ([], month, set()))
        heads.append(head)
        claims.update(members)
    merged = list(joined.values())
    seen = set(skip)
    out = []
    for heads, month, members in merged:
        key = tuple(sorted(members))
        if key not in seen:
            seen.add(key)
            out.append((heads, month, list(key)))
    return out


_WORD = re.compile(r"[\w’'\-]+")
# What ends the clause between an actor and a happening's word: the word is then not what
# the actor did ("Halvard promised us in January that the merger would not cost jobs").
_BREAK = re.compile(r"[,;:!?()\"“”]|\.\s|\b(?:that|which|who|whom|whose|when|while|because|"
                    r"if|although|though|after|before|since|until|whether)\b", re.IGNORECASE)
# An apposition after the actor ("Halvard Foods, the country's largest chain, agreed"): left
# out of the title.
_APPOSITION = re.compile(r"^\s*,[^,;:()\"“”]{1,80},")
# What ends the phrase after the happening's word ("... takeover of Brennick | on 21 August");
# a comma or a point inside a number ("1,500", "4.2") ends nothing.
_STOP = re.compile(r"[;:!?()\"“”—]|\s–\s|[,.](?!\d)|\s(?:on|in|at|after|before|because|which|who|"
                   r"when|while|but|and|that|with|for|by|from|as|since|until|once)\s")
_MONTHS = "|".join(m.capitalize() for m in MONTH_NAMES)
# When the deed was done, right after its word ("agreed on Monday to buy", "cut in March
# 2026 some 1,500 jobs"): skipped, so that the title goes on to what was done.
_WHEN = re.compile(
    r"^\s*(?:(?:on|last|this|next)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|week|month|year|weekend)|(?:on\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTHS + r")"
    r"(?:,?\s+\d{4})?|(?:on|in)\s+(?:early\s+|late\s+|mid-)?(?:" + _MONTHS + r")(?:\s+\d{1,2})?"
    r"(?:,?\s+\d{4})?|in\s+\d{4}|yesterday|today|earlier\s+this\s+(?:week|month|year))"
    r"\s*,?(?=\s+\w)")
GAP = 6  # words at most between the actor and the happening's word


def who_did_what(p: Proposal, heads: list[str]) -> str | None:
    """The words of a claim that say who did what: the actor named last before the word
    naming the happening, that word, and what follows it up to the end of the phrase ("The
    Competition Authority cleared Halvard's takeover of Brennick"), at most MAX_WORDS; an
    apposition after the actor and when it was done, right after the word ("agreed on
    Monday to buy"), are left out.  None when no actor stands within GAP words
    before the word in the same clause."""
    quote = p.quote
    for m in _WORD.finditer(quote):
        if happenings.head_of(m.group().lower()) not in heads:
            continue
        starts = [(quote.rfind(a, 0, m.start()), a) for a in p.actors]
        before = [(s, a) for s, a in starts if s >= 0 and s + len(a) <= m.start()]
        if not before:
            continue
        start, actor = max(before)
        gap = quote[start + len(actor):m.start()]
        gap = _APPOSITION.sub("", gap, count=1)
        if _BREAK.search(gap) or len(gap.split()) > GAP:
            continue
        det = re.search(r"\b(?:the|The)\s+$", quote[:start])
        if det:
            start = det.start()
        tail = quote[m.end():]
        when = _WHEN.match(tail)
        if when:
            tail = tail[when.end():]
        stop = _STOP.search(tail)
        phrase = quote[start:quote.index(actor, start) + len(actor)] + gap
        words = (phrase + m.group() + tail[:stop.start() if stop else len(tail)]).split()
        text = " ".join(words[:MAX_WORDS]).strip(" ,;:-")
        return text[:1].upper() + text[1:]
    return None
