"""One shared key for the figures that count the same thing, across sources.

Two sources give comparable figures when they count the same thing for the same subject:
"1,960 Russian peacekeepers" and "the Russian troops in Nagorno-Karabakh (1 900 men)" are one
contingent; the four-day talks in Washington and a meeting ten days before something are not.
A disagreement found between figures that count different things is worse than none found,
so a key is shared only on evidence.

Each figure is described by
- its CORE, which must be equal: what is counted (a class such as "troops", the people noun
  such as "civilians", or the unit), what an amount measures ("a 7 percent pay rise",
  "a budget of $3 million": the noun phrase), a restricting participle ("Armenians living
  in ..."), and for a duration the happening it measures ("the 44-day war");
- its QUALIFIERS, which must not conflict when both figures have one: the owner ("Russian"),
  the place ("in Vesna"), the happening named near it ("deployment", "demanding", "offered"),
  an ordinal ("the second filling"), and its time (the date the claim gives nearest to it,
  compared at the precision written: 2021 fits July 2021, July 2021 does not fit August).

Two figures from different claims may share a key when their cores are equal, no qualifier
conflicts, they agree on at least one qualifier (a duration's happening is evidence enough:
it is part of its core), and they are not two different values in one sentence ("demanding
9 percent while the operator offered 4 percent"; one source giving two values
almost always counts two things).  Figures are met most specific first; each
joins the one group it fits.  A figure that fits two groups (an undated count between a 2019
and a 2024 one) is ambiguous and keeps a key of its own.  Passing numbers ("one hand", "two
countries", "ten days before") get no shared key.  Events are not used: an event can be
broad (a whole war), and two figures in one event need not count the same thing.

Two more ways to one key: a bare number that counts only by reference ("put the number at
3,100" restates the count before it and joins its group; "not the 6,000" counts what the
figure it is set against counts), and a kind of figure of which each source gives a single
value, none conflicting and their clauses sharing a word (one area burned, one repair bill).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from briefing.analysis.numbers import NUMBER_WORDS, UNIT_WORDS
from briefing.suggest.datekeys import share_date_keys
from briefing.suggest.figures import (AMOUNTS, BASE_BEFORE, DURATIONS, MEASURES, FoundFigure,
                                      label_of)
from briefing.suggest.lexicon import COUNTED, FUNCTION_WORDS, HAPPENINGS, word_classes
from briefing.suggest.mentions import Name, find_names
from briefing.suggest.names import NameIndex, slug
from briefing.suggest.sentences import split_sentences

if TYPE_CHECKING:
    from briefing.suggest.claims import Proposal


def actor_of(name: str, names: NameIndex) -> str | None:
    from briefing.suggest.claims import actor_of as _actor_of  # claims imports this module's deps
    return _actor_of(name, names)

_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
# Positions taken in a dispute or a negotiation: a figure demanded is not the figure offered.
STANCES: dict[str, str] = word_classes({
    "demand": "demand demands demanded demanding",
    "offer": "offer offers offered offering",
    "proposal": "propose proposes proposed proposal proposing plan plans planned",
    "agreement": "agreed agree agrees settled gives gave",
    "rejection": "rejected rejects reject refused",
    "estimate": "estimate estimates estimated forecast forecasts projected",
    "death": "killed died dead deaths",
    "injury": "injured wounded",
    # Those a happening reached, whatever it was: "1.2 million customers affected",
    # "rationing affects 1.5 million residents", "the records of 600,000 patients exposed".
    "affected": "affected affects affecting exposed compromised stolen stole",
})
_ORDINAL = re.compile(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                      r"initial|final|latest|previous)\s+(?:[a-z]+\s+)?([a-z]{3,})\b")
_OBJECT = re.compile(r"\s+(?:the|a|an|their|its)?\s*([a-z][\w-]*)")
_NEAR = 80  # characters around a figure searched for its happening or ordinal
_MEASURE_AFTER = re.compile(r"^\s+(?:of\s+)?((?:[a-z]{3,}\s+){0,1}[a-z]{3,})")
_MEASURE_BEFORE = re.compile(
    r"\b([a-z]{3,})\s+(?:of|at|to|by|was|is|were|are|stood at|reached|totalled|totaled|"
    r"rose to|fell to|rose by|fell by|increased by|decreased by|cost|costs)\s+"
    r"[\"“]?(?:up to\s+|about\s+|some\s+|around\s+|nearly\s+|almost\s+|over\s+|roughly\s+|an?\s+|"
    r"clos(?:e|er) to\s+|near(?:er)?(?: to)?\s+)?$")
_NOT_MEASURE = FUNCTION_WORDS | {"and", "the", "with", "from", "for", "over", "cent",
                                 "billion", "million", "thousand", "more", "less"}


@dataclass(slots=True)
class _Item:
    figure: FoundFigure
    claim: str  # claim id
    article: str
    core: tuple[str, ...]
    quals: dict[str, str] = field(default_factory=dict)
    group: int | None = None
    # The words of its clause: for a share, what part of the whole it is ("lost to leaks",
    # "used by farms"); for a count, what happened to those counted.
    terms: frozenset[str] = frozenset()
    rate: str = ""  # "a day", "per person": a rate is never compared with a total
    # What happened to those counted, said by the verb next to the count ("1,240 homes
    # flooded", "houses were flooded", "flooded 300 homes"): "flood".
    did: str = ""
    antecedent: FoundFigure | None = None  # the figure a bare number refers back to
    anaphor: bool = False  # it restates that figure ("put the number at 3,100")


def assign_keys(proposals: list[Proposal], names: NameIndex,
                stats: Counter[str] | None = None,
                headings: dict[str, str] | None = None) -> None:
    """Set ``quantity`` on every figure of ``proposals``: a shared key for the figures that
    count the same thing, "" (the writer gives it a key of its own) for the others; and
    one key for the dates of one happening across sources (``share_date_keys``).

    ``stats``, when given, receives counts per stage (see ``stage_counts``): numbers only,
    so that a set nobody may read can still show where its figures are lost.

    ``headings``: the question heading over a paragraph, by paragraph id (see
    ``pipeline.question_headings``): the first figure of an answer that says nothing of what
    it counts takes that from the question."""
    share_date_keys(proposals)
    # Words the briefing writes in lower case somewhere: capitalised to open a sentence or
    # a list item ("Rainfall between ...", "- Imports from X: 400 MW") they are no name.
    commons = frozenset(w for text in {p.paragraph.text for p in proposals}
                        for w in _LOWER_WORD.findall(text))
    items: list[_Item] = []
    bounds: dict[str, tuple[list[int], list[tuple[int, int]]]] = {}  # paragraph -> starts, spans
    # The figures of each paragraph that say what they count, by offset: what a bare number
    # further on ("put the number at 3,100", "not the 6,000") refers back to.
    counted_at: dict[str, list[tuple[int, FoundFigure, FoundFigure]]] = {}  # at, as read, figure
    referents: dict[int, tuple[FoundFigure, FoundFigure | None, bool]] = {}
    parts: dict[int, int] = {}  # a part ("of whom 26") -> where the whole is counted
    pending: list[tuple[FoundFigure, Proposal, FoundFigure]] = []  # an amount restated
    order = sorted(((p.paragraph.id, p.start + f.number.start, k, f, p)
                    for k, p in enumerate(proposals) for f in p.figures),
                   key=lambda x: x[:3])
    for para_id, at, _, f, p in order:  # in reading order: a referent resolved is one too
        if p.paragraph.id not in bounds:
            spans = split_sentences(p.paragraph.text)
            bounds[p.paragraph.id] = ([a for a, _ in spans], spans)
        read = f
        s_start = (_sentence_of(at, *bounds[para_id]) or (p.start, p.end))[0]
        whole = _part_of(p.paragraph.text, at, s_start, counted_at.get(para_id, []), f)
        noun = None if whole or f.counted or f.toll else _part_noun(p.paragraph.text, at, s_start, f)
        if noun:  # "small businesses only: 11,000 of them lost trade"
            read = replace(f, counted=noun)
            referents[id(f)] = (read, None, False)
        elif whole is not None:
            parts[id(f)] = whole[0]
            if f.counted is None and not f.toll:
                # "of whom 40 were children": children, of those counted before; "seven
                # have died, five of them in Odde": a part of the toll, never the toll
                word = _part_word(p.paragraph.text, at + len(f.number.text))
                read = replace(f, counted=whole[1].counted, toll=whole[1].toll,
                               owner=f.owner or whole[1].owner, place=f.place or whole[1].place,
                               subgroup=f"part-{word}" if word else "part")
                referents[id(f)] = (read, None, False)
        elif f.counted is None and not f.toll:
            read, antecedent, anaphor = _refer(p.paragraph.text, at, s_start,
                                               counted_at.get(para_id, []), f)
            referents[id(f)] = (read, antecedent, anaphor)
        if (f.counted or f.toll) and _opens_part(p.paragraph.text, at, f) \
                and f.counted not in _SHARES and f.counted not in MEASURES:
            # "Five of the dead were found in Odde", "300 of the firm's workers": a part
            read = replace(read, subgroup=read.subgroup or "part")
            referents[id(f)] = (read, None, False)
        size = _SIZE_OF.search(p.paragraph.text, max(s_start, at - 40), at)
        if size and (read.counted or read.toll):
            # "a village of 900 people", "a network of 52 routes": the size of a place or
            # a whole, not a count of anything that happened there
            read = replace(read, toll="", subgroup=f"size-{size.group(1).lower()}")
            referents[id(f)] = (read, None, False)
        if (read.counted is not None or read.toll) and not read.offset:
            counted_at.setdefault(para_id, []).append((at, read, f))
    asked: set[str] = set()  # the answers whose question has given its figure a meaning
    # An answer's figure and the one figure its question quotes, described as the question
    # words it if it can be: (figure, its claim, the question's figure, that description).
    questioned: list[tuple[FoundFigure, Proposal, FoundFigure, _Item | None]] = []
    for p in proposals:
        para = p.paragraph
        if para.id not in bounds:
            spans = split_sentences(para.text)
            bounds[para.id] = ([a for a, _ in spans], spans)
        s_start, s_end = _sentence_of(p.start, *bounds[para.id]) or (p.start, p.end)
        for f in p.figures:
            f.quantity = ""
            read, antecedent, anaphor = referents.get(id(f), (f, None, False))
            item = _describe(p, read, s_start, s_end, names, commons, parts.get(id(f)))
            if item in ("nothing counted", "an amount of nothing said") and headings \
                    and para.id in headings and para.id not in asked:
                asked.add(para.id)
                own, quoted = _from_question(headings[para.id], p, read, s_start, s_end,
                                             names, commons)
                if quoted is not None:  # matched with the other sources' figures below
                    questioned.append((f, p, quoted, own))
                    continue
                item = own or item
            elif isinstance(item, _Item) and headings and para.id in headings \
                    and item.core[0] in MEASURES and "measure" not in item.quals:
                much = _much(headings[para.id])  # "How much rain fell?": 230 mm
                if much and para.id not in asked:
                    asked.add(para.id)
                    item.quals["measure"] = much[0]
            if item == "an amount of nothing said" and anaphor and antecedent is not None:
                # "puts the amount at under 2 million": what the sum it restates measures
                pending.append((f, p, antecedent))
                continue
            if isinstance(item, str):
                if stats is not None:
                    stats[f"figures not keyed: {item}"] += 1
                    if item == "nothing counted":
                        _count_bare(stats, para.text, p.start + f.number.start, s_start, f,
                                    counted_at.get(para.id, []))
                continue
            item.figure, item.antecedent, item.anaphor = f, antecedent, anaphor
            items.append(item)
    described = {id(i.figure): i for i in items}
    for f, p, antecedent in pending:
        if id(antecedent) in described:
            items.append(replace(described[id(antecedent)], figure=f, claim=p.id,
                                 article=p.article_id, antecedent=antecedent, anaphor=True))
        elif stats is not None:
            stats["figures not keyed: an amount of nothing said"] += 1
    for f, p, quoted, own in questioned:
        # "The court found she took 4.2 million crowns. Do you dispute the figure?": the
        # question quotes another source's figure (same value, same thing counted), and the
        # answer's figure is that quantity, however the question words it.
        same = [i for i in items if i.article != p.article_id and not i.anaphor
                and i.figure.number.value == quoted.number.value
                and _SAME_COUNT.get(i.figure.counted or "", i.figure.counted)
                == _SAME_COUNT.get(quoted.counted or "", quoted.counted)
                and (i.figure.toll == quoted.toll or not i.figure.toll or not quoted.toll)]
        if len({i.core for i in same}) == 1:
            items.append(replace(same[0], figure=f, claim=p.id, article=p.article_id,
                                 antecedent=same[0].figure, anaphor=True))
        elif own is not None:
            items.append(own)
        elif stats is not None:
            stats["figures not keyed: nothing counted"] += 1
    by_core: dict[tuple[str, ...], list[_Item]] = {}
    for item in items:
        by_core.setdefault(item.core, []).append(item)
    used: set[str] = set()
    by_figure = {id(i.figure): i for i in items}
    for core in sorted(by_core):
        own = [i for i in by_core[core] if not _follows(i, by_figure)]
        groups = _sole_of_its_kind(_group(own))
        for members in groups:
            members += [i for i in by_core[core]
                        if _follows(i, by_figure) and any(_root(i, by_figure) is m for m in members)]
            key = _key(core, members, used)
            for m in members:
                m.figure.quantity = key
    if stats is not None:
        stage_counts(proposals, items, by_core, stats)


# "How many homes were flooded?", "How much rain fell?": what the answer's figure counts.
_HOW_MANY = re.compile(r"\bhow\s+many\s+(?:more\s+|of\s+the\s+)?([a-z]{3,})\b", re.IGNORECASE)
_HOW_MUCH = re.compile(r"\bhow\s+much\s+(?:(?:will|would|did|does|do|has|have|had|is|was|could|"
                       r"might|can)\s+(?:the\s+|it\s+|this\s+|that\s+|your\s+|its\s+|their\s+)?"
                       r"(?:[a-z]+\s+)?(cost|costs|pay|paid|lose|lost|raise|raised|spend|spent|"
                       r"owe|save|saved)|([a-z]{3,}))\b", re.IGNORECASE)
_AUX = frozenset("will would did does do has have had is was could might can".split())


def _much(question: str) -> tuple[str, re.Match[str]] | None:
    """What a "how much" question asks for ("How much rain fell?": "rainfall", "How much
    will the recall cost?": "cost"), and its match; None when it asks for nothing said."""
    m = _HOW_MUCH.search(question)
    if not m:
        return None
    word = (m.group(1) or m.group(2)).lower()
    if word in _AUX or word in _NOT_MEASURE:
        return None
    return _same_measure(word), m


def _from_question(question: str, p: Proposal, f: FoundFigure, s_start: int, s_end: int,
                   names: NameIndex, commons: frozenset[str]
                   ) -> tuple[_Item | None, FoundFigure | None]:
    """The answer's figure ``f`` (of ``p``) described by the question over it: as the one
    figure the question gives ("The agency says 4,300 people were evacuated. Is that the
    full number?" / "Closer to 5,500"), or as what "how many" asks for ("How many homes
    were flooded?" / "About 1,400"), the question's words joining its clause; None when
    the question says neither.  Second: the one figure the question quotes, if it does."""
    from briefing.suggest.figures import describe, find_figures, is_year  # figures' own parse
    asked_p = replace(p, paragraph=replace(p.paragraph, text=question), start=0,
                      end=len(question), dates=[])
    given = [g for g in (describe(question, n, names, []) for n in find_figures(question)
                         if not is_year(n)) if g.counted or g.toll]
    spans = split_sentences(question)
    if len(given) == 1:
        g = given[0]
        a, b = next(((x, y) for x, y in spans if x <= g.number.start < y), (0, len(question)))
        item = _describe(asked_p, g, a, b, names, commons)
        if not isinstance(item, _Item):
            return None, g
        sentence = p.paragraph.text[s_start:s_end]
        rel = p.start + f.number.start - s_start
        own = _clause_terms(sentence, rel, rel + len(f.number.text), item.core)
        return replace(item, figure=f, claim=p.id, article=p.article_id, quals=dict(item.quals),
                       terms=item.terms | own,
                       rate=item.rate or _rate_of(sentence, rel + len(f.number.text), rel)), g
    many = _HOW_MANY.search(question)
    much = _much(question)
    if not given and not many and much and (f.counted in _SHARES):
        # "How much will the recall cost?" / "About 9 million euros, most of it refunds"
        sentence = p.paragraph.text[s_start:s_end]
        rel = p.start + f.number.start - s_start
        core = (f.counted, much[0])
        at = p.start + f.number.start
        when = _when(p, s_start, at, at + len(f.number.text))
        return _Item(f, p.id, p.article_id, core, {"time": when[:7]} if when else {},
                     terms=_clause_terms(sentence, rel, rel + len(f.number.text), core)
                     | _clause_terms(question, much[1].start(), much[1].start(), core),
                     rate=_rate_of(sentence, rel + len(f.number.text), rel)), None
    if given or not many:
        return None, None
    noun = many.group(1).lower()
    cls = COUNTED.get(noun)
    item = _describe(p, replace(f, counted=noun if cls in (None, "people") else cls),
                     s_start, s_end, names, commons)
    if not isinstance(item, _Item):
        return None, None
    item.terms |= _clause_terms(question, many.start(1), many.end(1), item.core)
    item.did = item.did or _did(question, many.start(1), many.end(1))
    return item, None


def stage_counts(proposals: list[Proposal], items: list[_Item],
                 by_core: dict[tuple[str, ...], list[_Item]], stats: Counter[str]) -> None:
    """How many claims, figures, described figures, shared cores, candidate pairs (and the
    rule refusing each) and shared keys there are: where a set's comparable figures are
    lost, without printing a word of it."""
    stats["claims"] += len(proposals)
    stats["claims with figures"] += sum(1 for p in proposals if p.figures)
    figures = [f for p in proposals for f in p.figures]
    stats["figures"] += len(figures)
    for f in figures:
        unit = f.number.unit
        stats["figures with unit: " + ("none" if unit is None else "known" if unit in _KNOWN_UNITS
                                        else "other word")] += 1
        stats["figures counting: " + ("nothing" if f.counted is None else "a known class"
                                      if f.counted in COUNTED.values() or f.counted in COUNTED
                                      else "a unit" if f.counted in _KNOWN_UNITS
                                      else "a head noun")] += 1
    stats["figures described"] += len(items)
    for i in items:
        kind = (i.core[0] if i.core[0] in _CORE_KINDS else "a measure" if i.core[0] in _MEASURES
                else "a count")
        stats[f"described as: {kind}"] += 1
        stats["described with a qualifier"] += bool(i.quals)
        stats["described as a rate"] += bool(i.rate)
    for core, members in by_core.items():
        articles = {m.article for m in members}
        if len(articles) < 2:
            continue
        stats["cores in 2+ sources"] += 1
        stats["figures of cores in 2+ sources"] += len(members)
        stats[f"cores in 2+ sources, not sole: {_not_sole(members) or 'sole'}"] += 1
        for n, a in enumerate(members):
            for b in members[n + 1:]:
                if a.article != b.article:
                    group = _Group()
                    group.add(a)
                    why = group.refusal(b)
                    stats[f"cross-source pairs: {why or 'fit'}"] += 1
                    if why == "a rate and a total":
                        stats["  rate pairs: " + ("two rates" if a.rate and b.rate
                                                  else "a rate and none")] += 1
                        kind = ("a measure" if a.core[0] in _MEASURES else "an amount"
                                if a.core[0] in _SHARES else "a duration"
                                if a.core[0] in DURATIONS else "a count")
                        stats[f"  rate pairs: per {a.rate or b.rate}, {kind}"] += 1
                    elif why and why.endswith("nothing in common"):
                        common = set(a.quals) & set(b.quals)
                        stats["  nothing in common: " + (
                            "no qualifier on one" if not a.quals or not b.quals
                            else "no qualifier of one kind" if not common
                            else "shared qualifier, no shared word")] += 1
                        if why.startswith("a count"):
                            stats["  count pairs refused: " + (
                                "whose or where on one" if _scoped(a.quals) or _scoped(b.quals)
                                else "no verb on either" if not a.did and not b.did
                                else "no verb on one" if not a.did or not b.did
                                else "verbs differ" if a.did != b.did
                                else "values far apart")] += 1
                            stats["  count pairs refused, shared clause words: "
                                  + str(min(2, len(a.terms & b.terms)))] += 1
    keyed: dict[str, set[str]] = {}
    for p in proposals:
        for f in p.figures:
            if f.quantity:
                keyed.setdefault(f.quantity, set()).add(p.article_id)
    stats["figures given a shared key"] += sum(1 for f in figures if f.quantity)
    stats["figure keys in 2+ sources"] += sum(1 for a in keyed.values() if len(a) > 1)
    dated: dict[str, set[str]] = {}
    for p in proposals:
        spans = split_sentences(p.paragraph.text)
        s_start = (_sentence_of(p.start, [x for x, _ in spans], spans) or (p.start, 0))[0]
        for d, key in p.dates:
            stats["dates"] += 1
            if key:
                stats["dates given a key"] += 1
                dated.setdefault(key, set()).add(p.article_id)
            else:
                sentence = p.paragraph.text[s_start:]
                stats["  dates not keyed: " + _why_undated(sentence, d.start, d.end)] += 1
    stats["date keys in 2+ sources"] += sum(1 for a in dated.values() if len(a) > 1)


def _why_undated(sentence: str, start: int, end: int) -> str:
    """Where the happening of a date left without a key is said (for ``stage_counts``)."""
    from briefing.suggest.datekeys import _DATED  # the happening words date keys know
    end_of = _ITEM_BREAK.search(sentence, end)
    stop = end_of.start() if end_of else len(sentence)
    before = [w.lower() for w in _WORD.findall(sentence, 0, start)]
    after = [w.lower() for w in _WORD.findall(sentence, end, stop)]
    if any(w in _DATED for w in before):
        return "a happening word before it, out of reach"
    if any(w in _DATED for w in after):
        return "a happening word after it"
    if before and (before[-1] in ("on", "in", "since", "from", "by", "until", "before", "after")
                   and len(before) > 1 and before[-2].endswith("ed")):
        return "a verb no lexicon knows right before it"
    if not before or before[-1] in ("in", "on", "by", "since", "from") and len(before) < 3:
        return "opening its sentence"
    return "no happening word in its sentence"


_CORE_KINDS = frozenset({"toll", "duration"}) | AMOUNTS | {"percent", "fold"}
_KNOWN_UNITS = AMOUNTS | DURATIONS | frozenset({"mm", "cm", "kg", "ha"})
# Units of measure rather than things counted (for the counts of ``stage_counts`` only).
_MEASURES = frozenset("""mm cm m litres liters tonnes tons hectares ha m3 kwh mwh gwh mw gw
kw degrees celsius""".split())


# "the number of customers affected at 1.2 million": the noun says what the number counts.
_NUMBER_OF = re.compile(r"\b(?:number|total|count|tally)\s+of\s+(?:the\s+)?([a-z]{3,})\b"
                        r"(?:\s+[a-z]+){0,3}?\s+(?:at|to|was|is|were|are|stood at|reached|"
                        r"came to|rose to|fell to)\s+" + r"(?:[a-z]+\s+){0,2}$")
# "Households without power numbered 1.2 million", "evacuees from the valley totalled
# 3,400", "arrests at the border rose to 220": the plural subject of a verb of counting,
# in the figure's clause, is what it counts.
_SUBJECT_COUNT = re.compile(r"(?:^|[,;:]\s*|\b(?:the|and|but)\s+)([a-z]{3,}[^s\W]s)\b"
                            r"(?:\s+[a-z]+){0,5}?\s+(?:numbered|number|totalled|totaled|totalling|"
                            r"came to|rose to|fell to|climbed to|reached|stood at|stand at)\s+"
                            r"(?:(?:about|some|around|nearly|almost|over|roughly|more than|"
                            r"fewer than|at least)\s+)?$")
# "put the number at 3,100", "the true figure was closer to 1.4 million": a number that
# restates the one counted before it.
_ANAPHOR = re.compile(r"\b(?:the|that|this|its|their|his|her)\s+(?:[a-z]+\s+)?(?:number|figure|"
                      r"total|tally|count|amount|sum)\s+(?:(?:was|is|at|to|stood|stands|closer|nearer|"
                      r"as|had|has|been|put|now|actually|really)\s+){1,3}"
                      r"(?:(?:about|around|nearly|some|roughly|just|only|almost|over|under|"
                      r"more|fewer|less|than)\s+){0,2}$")
# "7,500 people ..., not the 6,000 the agency keeps repeating", "160 stores instead of the
# 120": a bare number set against a counted one in its sentence counts the same thing.
_CONTRASTED = re.compile(r"\b(?:not|instead of|rather than|than|against|versus|vs\.?|"
                         r"compared (?:with|to)|up from|down from)\s+(?:the\s+)?"
                         r"(?:(?:about|around|nearly|some|roughly|official|estimated)\s+)?$")


def _refer(text: str, at: int, s_start: int,
           before: list[tuple[int, FoundFigure, FoundFigure]],
           f: FoundFigure) -> tuple[FoundFigure, FoundFigure | None, bool]:
    """What a bare number (``f``, at ``at`` in ``text``) counts when its sentence says so only
    by reference: (``f`` read with what it counts, the figure it refers to, whether it
    restates that figure); ``f`` itself is left as written (its unit is what its text says)."""
    head = text[max(s_start, at - 90):at].lower()
    m = _NUMBER_OF.search(head) or _SUBJECT_COUNT.search(head)
    if m:
        noun = m.group(1)
        cls = COUNTED.get(noun)
        if cls or (noun.endswith("s") and not noun.endswith(("ss", "us", "is"))):
            return replace(f, counted=noun if cls in (None, "people") else cls), None, False
        return f, None, False
    anaphor = bool(_ANAPHOR.search(head))
    if not anaphor and not _CONTRASTED.search(head):
        opening = (_OPENS.fullmatch(text, s_start, at) or _CLAUSE_OPEN.search(text, s_start, at)) \
            and _SUBJECT_OF.match(text, _digits_end(at, f))
        previous = [g for a, g, _ in before if a < at]
        if opening and previous and _counts_things(previous[-1]):
            # "Nearly 6,000 people had to leave. About 1,100 slept in shelters", "4,000
            # were evacuated, and 1,200 remained": a bare number opening a sentence or a
            # clause, the subject of its verb, counts what was counted just before
            g = previous[-1]
            return replace(f, counted=g.counted, owner=f.owner or g.owner,
                           place=f.place or g.place), None, False
        return f, None, False
    earlier = [(a, g, real) for a, g, real in before if a < at and (anaphor or a >= s_start)]
    if not earlier or earlier[-1][1].counted in DURATIONS:
        return f, None, False
    _, g, real = earlier[-1]
    read = replace(f, counted=g.counted, toll=g.toll, owner=f.owner or g.owner,
                   place=f.place or g.place, subgroup=g.subgroup)
    return read, real, anaphor


# What may stand before a number opening its sentence, and the verb after it.
_OPENS = re.compile(r"\W*(?:(?:about|some|around|nearly|almost|roughly|only|just|another|"
                    r"more than|fewer than|at least|over|under)\s+)?", re.IGNORECASE)
_CLAUSE_OPEN = re.compile(r"(?:[,;:]\s*|[,;]?\s*\b(?:and|but|while|whereas|although|though)\s+)"
                          r"(?:(?:about|some|around|nearly|almost|roughly|only|just|another|"
                          r"more than|fewer than|at least|over|under)\s+)?$", re.IGNORECASE)
_SUBJECT_OF = re.compile(r"\s+(?:(?:were|was|are|is|have|has|had|still|also|then|now)\s+)*"
                         r"(?:[a-z]+ed|slept|spent|left|fled|went|came|stayed|remain|remained|"
                         r"lost|took|found|died|returned)\b")


def _count_bare(stats: Counter[str], text: str, at: int, s_start: int, f: FoundFigure,
                before: list[tuple[int, FoundFigure, FoundFigure]]) -> None:
    """Where a figure counting nothing stands, and for one opening its sentence why it took
    nothing from before it (for ``stage_counts``: numbers only)."""
    where = _where_bare(text, at, s_start, f)
    stats["  nothing counted: " + where] += 1
    if where == "opens its sentence":
        prior = [g for a, g, _ in before if a < at]
        stats["  opening a sentence: " + (
            "no verb after it" if not _SUBJECT_OF.match(text, _digits_end(at, f))
            else "nothing counted before it in its paragraph" if not prior
            else "what was counted before it is no thing")] += 1


def _digits_end(at: int, f: FoundFigure) -> int:
    """Where the digits of ``f`` (at ``at``) end: the parser may take a verb after them as
    the unit ("About 1,100 slept")."""
    digits = re.search(r"\d(?!.*\d)", f.number.text)
    return at + (digits.end() if digits else len(f.number.text))


def _where_bare(text: str, at: int, s_start: int, f: FoundFigure) -> str:
    """Where a figure counting nothing stands (for ``stage_counts``: numbers only)."""
    before = _WORD.findall(text, max(s_start, at - 30), at)
    if _OPENS.fullmatch(text, s_start, at):
        return "opens its sentence"
    if f.number.unit:
        return "a word after it read as its unit"
    if before and before[-1].lower() in ("of", "to", "from", "at", "by", "than", "and", "or"):
        return f"after '{before[-1].lower()}'"
    if before and before[-1].lower().endswith(("ed", "s")):
        return "after a verb"
    return "elsewhere"


def _counts_things(g: FoundFigure) -> bool:
    """Whether ``g`` counts people or things (not a duration, an amount or a measure)."""
    return bool(g.counted) and g.counted not in DURATIONS and g.counted not in _SHARES \
        and g.counted not in MEASURES and not (g.subgroup or "").startswith("size-")


# "of whom 26", "of which 9", "26 of them", "nine of those": a part of what was counted
# just before, in the same sentence.
_PART_BEFORE = re.compile(r"\bof\s+(?:whom|which|these|those|them)\s+(?:(?:about|some|nearly|"
                          r"almost|only|just|at least|more than|over)\s+)?$", re.IGNORECASE)
_PART_AFTER = re.compile(r"(?:^|\s)of\s+(?:them|these|those|whom)\b", re.IGNORECASE)
# "Five of the dead", "300 of the company's 2,000 workers": a number opening a part (not
# "250,000 packs of the cheese": what the packs hold).
_OF_THE = re.compile(r"\s*(?:of\s+)?(?<=of\s)(?:the|those|these)\s", re.IGNORECASE)


def _opens_part(text: str, at: int, f: FoundFigure) -> bool:
    """Whether the bare number ``f`` (at ``at``) opens "N of the X"."""
    last = f.number.text.split()[-1].lower()
    bare = last == "of" or last[-1:].isdigit() or last in NUMBER_WORDS
    return bare and bool(_OF_THE.match(text, at + len(f.number.text)))


# "a village of 900 people", "a town of some 12,000 inhabitants": the size of a place;
# "a network of 52 routes", "a sample of 60 routes", "a fleet of 120 buses": the size of a
# whole a source describes, not what happened to some of them ("diversions on 14 routes").
_SIZE_OF = re.compile(r"\b(?:a|an|the|its|their)\s+(?:[a-z]+\s+)?(village|town|city|hamlet|"
                      r"community|island|district|municipality|suburb|parish|county|province|"
                      r"country|nation|region|network|sample|fleet|workforce|herd|flock|"
                      r"portfolio|chain)\s+of\s+(?:about\s+|some\s+|around\s+|nearly\s+|"
                      r"almost\s+|roughly\s+|over\s+|more than\s+|fewer than\s+|just\s+)?$",
                      re.IGNORECASE)
_PART_WORD = re.compile(r"(?:\s+of\s+(?:them|these|those))?\s+(?:were|are|was|is|had been|"
                        r"have been|remain|remained)\s+(?:still\s+|now\s+|also\s+)?"
                        r"([a-z][a-z-]{2,})")


def _part_of(text: str, at: int, s_start: int,
             before: list[tuple[int, FoundFigure, FoundFigure]],
             f: FoundFigure) -> tuple[int, FoundFigure] | None:
    """The whole a part is counted of (its offset, the figure as read), if ``f`` (at
    ``at``) is one: "31 people ..., of whom 26 were admitted", "26 of them were taken"."""
    end = at + len(f.number.text)
    if not (_PART_BEFORE.search(text, max(s_start, at - 30), at)
            or _PART_AFTER.match(text, end) or _PART_AFTER.search(f.number.text)):
        return None
    earlier = [(a, g) for a, g, _ in before if s_start <= a < at and g.counted not in DURATIONS
               and not (g.subgroup or "").startswith("size-")]
    return earlier[-1] if earlier else None


def _part_noun(text: str, at: int, s_start: int, f: FoundFigure) -> str | None:
    """What "N of them" counts when no figure counted them before: the last plural noun
    of its sentence before it ("The fund reaches small businesses only: 11,000 of them")."""
    end = at + len(f.number.text)
    if not (_PART_AFTER.match(text, end) or _PART_AFTER.search(f.number.text)):
        return None
    for w in reversed(_WORD.findall(text, s_start, at)[-12:]):
        low = w.lower()
        if low in COUNTED:
            return low if COUNTED[low] == "people" else COUNTED[low]
        if (w[:1].islower() and len(low) > 3 and low.endswith("s")
                and not low.endswith(("ss", "us", "is")) and low not in FUNCTION_WORDS):
            return low
    return None


def _part_word(text: str, end: int) -> str | None:
    """What the part is, said after it ("9 were pregnancy-associated", "nine of them were
    pregnant women": "pregn"), cut to five letters; None when unsaid."""
    m = _PART_WORD.match(text, end)
    if not m or m.group(1) in FUNCTION_WORDS or m.group(1) in _NOT_MEASURE:
        return None
    return m.group(1)[:5]


def _follows(item: _Item, by_figure: dict[int, _Item]) -> bool:
    """Whether ``item`` restates the figure it refers back to ("the chain first put the
    number at 1.2 million; the true figure was closer to 1.4 million"): the same quantity
    by construction, whatever else its sentence says, in a group with that figure."""
    return item.antecedent is not None and item.anaphor and id(item.antecedent) in by_figure


def _root(item: _Item, by_figure: dict[int, _Item]) -> _Item:
    seen = 0
    while _follows(item, by_figure) and seen < 20:
        item, seen = by_figure[id(item.antecedent)], seen + 1
    return item


def _sentence_of(at: int, starts: list[int],
                 spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The sentence (of ``spans``, in order, ``starts`` theirs) holding offset ``at``, by
    bisection: a paragraph of thousands of sentences and claims is not walked per claim."""
    i = bisect_right(starts, at) - 1
    return spans[i] if i >= 0 and at < spans[i][1] else None


def _describe(p: Proposal, f: FoundFigure, s_start: int, s_end: int,
              names: NameIndex, commons: frozenset[str] = frozenset(),
              whole_at: int | None = None) -> _Item | str:
    """The figure as matched: its core, qualifiers, clause and rate; or why it gets no key
    (a short reason, counted by ``stage_counts``).  ``whole_at``: for a part ("of whom
    26 were admitted to hospital"), the paragraph offset of the whole it is part of, whose
    clause and time are the part's too ("31 people have fallen ill since March")."""
    n = f.number
    text = p.paragraph.text
    at = p.start + n.start  # the figure's offset in the paragraph
    sentence = text[s_start:s_end]
    rel = at - s_start
    if n.value == 1 and not n.approx:
        return "the number one"
    if BASE_BEFORE.search(text, max(0, at - 16), at):
        return "the base of a rate"  # "per 100,000 inhabitants"
    if not f.toll and (f.counted is None or f.offset):
        return "an offset" if f.offset else "nothing counted"
    quals: dict[str, str] = {}
    if f.owner:
        quals["owner"] = slug(f.owner)
    if f.place:
        quals["place"] = slug(f.place)
    if f.toll:
        # Killed, injured, arrested: what happened to them is what is counted, whoever
        # they were ("three passengers", "27 others", "27").
        # A part of a toll ("five of them") or a group within it ("40 children") is another
        # quantity; "27 people injured" names the toll itself.
        core: tuple[str, ...] = ("toll", f.toll) + (
            (f.subgroup,) if f.subgroup and f.subgroup != f.toll else ())
    elif f.counted in DURATIONS and not f.happening:
        # "cuts of four hours a day", "water for six hours daily": a daily measure, not how
        # long one happening lasted; matched like a count, by its clause and qualifiers.
        if not _rate_of(sentence, rel + len(n.text)):
            return "a duration of no happening"
        core = (f.counted,)
    elif f.counted in DURATIONS:
        core = ("duration", f.happening, f.counted)
    elif f.counted in AMOUNTS or f.counted in ("percent", "fold"):
        measure = _measure(sentence, rel, rel + len(n.text))
        if measure is None:
            return "an amount of nothing said"
        core = (f.counted, measure)
    elif f.counted in MEASURES:
        # "1.1 billion m3 of water", "850 MW short": the unit is the core, what it
        # measures a qualifier (sources often leave it unsaid: "held 1.1 billion m3").
        core = (f.counted,)
        measure = _measure(sentence, rel, rel + len(n.text))
        if measure:
            quals["measure"] = measure
    else:
        if n.value < 3 and not n.approx:
            return "a small count"  # "two sides", "both countries": who, not how many
        if COUNTED.get(f.counted) == "states" or f.counted == "states":
            if n.value < 10 and not n.approx:
                return "a small count"
        core = (_SAME_COUNT.get(f.counted, f.counted),) + ((f.subgroup,) if f.subgroup else ())
    happening = _nearest(sentence, rel, rel + len(n.text), f.counted)
    if happening in ("death", "injury") and f.toll:
        happening = None  # the toll's own word, already its core
    if happening and happening not in core:
        quals["happening"] = happening
    ordinal = _ordinal(sentence, rel)
    if ordinal:
        quals["ordinal"] = ordinal
    when = _when(p, s_start, at, at + len(n.text))
    if not when and whole_at is not None and whole_at >= s_start:
        when = _when(p, s_start, whole_at, whole_at + 1)
    if when:
        quals["time"] = when[:7]  # sources date one happening to different days of a month
    near = _names_near(sentence, rel, rel + len(n.text), names, commons)
    if near:
        quals["names"] = "|".join(sorted(near))
    scope = _scope(sentence, rel, rel + len(n.text))
    if scope:
        core = core + (f"in-{scope}",)  # cuts "in rural districts" are not cuts everywhere
    terms = _clause_terms(sentence, rel, rel + len(n.text), core)
    if whole_at is not None and s_start <= whole_at < s_end:
        terms |= _clause_terms(sentence, whole_at - s_start, whole_at - s_start + 1, core)
    return _Item(f, p.id, p.article_id, core, quals, terms=terms,
                 rate=_rate_of(sentence, rel + len(n.text), rel),
                 did=_did(sentence, rel, rel + len(n.text)))


# The verb after a count saying what happened to those counted: "homes flooded", "houses
# were flooded", "people had to leave", "firms have since closed".
_DID_AFTER = re.compile(r"\s+(?:(?:were|was|are|is|have|has|had|been|being|be|got|get|will|"
                        r"would|could|may|might|still|also|now|all|since|reportedly|to)\s+)*"
                        r"([a-z]{3,})\b")
# The verb before a count saying what was done to those counted: "flooded 1,240 homes".
_DID_BEFORE = re.compile(r"(?:\b(?:has|have|had|which|that|who|it|now|also|still)\s+([a-z]{3,}ed)|"
                         r"\b([a-z]{3,}ed)|\b(?:it|which|that|now|also|still)\s+([a-z]{4,}s))\s+"
                         r"(?:(?:about|some|around|nearly|almost|roughly|over|more than|at least|"
                         r"up to|another|a further)\s+)?$")
_NOT_DONE = frozenset("""said according told reported estimated counted recorded added noted
based called named located situated""".split())


def _did(sentence: str, start: int, end: int) -> str:
    """What happened to those a count counts, cut to five letters ("flood"), "" if unsaid."""
    if _ILL.match(sentence, end):
        return "ill"  # "made 31 people ill", "31 people have fallen ill"
    m = _DID_AFTER.match(sentence, end)
    word = m.group(1) if m else ""
    if not (word.endswith(("ed", "en")) or word in _DONE_IRREGULAR):
        b = _DID_BEFORE.search(sentence, max(0, start - 40), start)
        word = next((w for w in b.groups() if w), "") if b else ""
    if not word or word in _NOT_DONE or word in FUNCTION_WORDS or word in _NOT_MEASURE:
        return ""
    return word[:5]


_ILL = re.compile(r"\s+(?:(?:have|has|had|been|were|was|are|is|fallen|fell|become|became|"
                  r"got|gotten)\s+)*(?:ill|sick)\b")
_DONE_IRREGULAR = frozenset("""lost left fled leave flee slept spent went fell took held kept
lose quit died remain remained stay stayed closed shut""".split())


# Nouns that count the same things in other words ("412 homes", "380 houses destroyed").
# People stay keyed by their own noun except the plain words for anyone there: "6,000
# residents" and "7,500 people" may be one count, "civilians" and "soldiers" are not.
_SAME_COUNT: dict[str, str] = word_classes({
    # A household is counted as a home or a family ("1,850 households", "1,800 families").
    "homes": "homes houses dwellings residences flats apartments households families",
    "workers": "workers employees staffers labourers laborers",
    "firms": "firms businesses companies enterprises",
    "people": "people persons individuals residents inhabitants",
    "patients": "patients",
    "vehicles": "vehicles cars",
    # Units written out or abbreviated.
    "mm": "mm millimetres millimeters",
    "cm": "cm centimetres centimeters",
    "litres": "litres liters",
    "tonnes": "tonnes tons",
    "hectares": "hectares ha",
})


# What a figure is counted per: "12 million euros a day", "150 litres per person".
_RATE = re.compile(r"(?:\s+[a-z][\w-]*){0,4}?\s+(?:a|an|per|each|every)\s+(day|week|month|year|"
                   r"hour|night|person|head|household|customer|capita|resident|worker|"
                   r"patient|hectare|tonne|ton|litre|liter|kilometre|kilometer|mile|"
                   r"(?<=per\s)second|(?<=per\s)minute|cubic met(?:re|er)|kilowatt[- ]hour|"
                   r"kwh|m3|kilogram|kilo|kg|passenger|pupil|student|child|visitor)\b"
                   # "850 m3/s", "40 mm/h", "120 l/day": a rate written with a slash
                   r"|\s*/\s*(s|sec|min|h|hr|hour|d|day|wk|week|month|yr|year|person|capita|"
                   r"head|m3|kwh|kg|km|l)\b"
                   r"|(?:\s+[a-z][\w-]*){0,2}?\s+(daily|weekly|monthly|yearly|annually|nightly|"
                   r"hourly)\b"
                   # "4.1 cases per 100,000 inhabitants", "3 deaths for every 1,000 births"
                   r"|(?:\s+[a-z][\w-]*){0,3}?\s+(?:per|for every|in every|out of every)\s+"
                   r"(\d[\d,\u00a0\u202f ]*\d|\d|hundred|thousand|million)\b", re.IGNORECASE)
# One rate written in several ways: "per head", "per capita", "per person"; "daily", "a day".
_SAME_RATE = {"inhabitant": "person", "family": "household", "s": "second", "sec": "second",
              "min": "minute", "h": "hour", "hr": "hour", "d": "day", "wk": "week", "yr": "year",
              "l": "litre", "liter": "litre",
              "cubic meter": "m3", "cubic metre": "m3", "kilowatt hour": "kwh",
              "kilowatt-hour": "kwh", "kilo": "kg", "kilogram": "kg", "hourly": "hour",
              "ton": "tonne", "kilometer": "km", "kilometre": "km",
              "head": "person", "capita": "person", "resident": "person", "daily": "day",
              "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year",
              "annual": "year", "nightly": "night", "hourly": "hour", "per capita": "person",
              "per head": "person", "per person": "person"}
_NUMBER_WORD = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                          r"\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                          r"hundred|thousand|million|billion)\b|\d", re.IGNORECASE)


def _rate_of(sentence: str, end: int, start: int | None = None) -> str:
    """What the figure ending at ``end`` is given per ("day", "person", "day+person"), ""
    for a total.  A rate past another number is that number's ("1.4 million households
    for four hours a day": the hours are per day, the households are not).  With
    ``start``, a rate said before the figure counts too ("a daily ration of 50 litres")."""
    rates: set[str] = set()
    at = end
    for _ in range(2):  # "50 litres per person per day"
        m = _RATE.match(sentence, at)
        if not m or _NUMBER_WORD.search(sentence, at, m.start(m.lastindex or 1)):
            break
        word = m.group(m.lastindex or 1).lower()
        if m.lastindex == 4:  # a base: "per 100,000" and "per 100 000" are one rate
            word = "per-" + (re.sub(r"\D", "", word) or word)
        rates.add(_SAME_RATE.get(word, word))
        at = m.end()
    if start is not None:
        before = _RATE_BEFORE.search(sentence, max(0, start - 50), start)
        if before:
            word = before.group(1).lower().replace("-", " ")
            if word.startswith("per ") and word not in _SAME_RATE:
                word = word[4:]  # "the price per cubic metre ... 3 euros": per "m3"
            rates.add(_SAME_RATE.get(word, word))
        each = _EACH_BEFORE.search(sentence, max(0, start - 50), start)
        if each:  # "each household may use 8 kWh a day": per household, per day
            word = each.group(1).lower()
            rates.add(_SAME_RATE.get(word, word))
    return "+".join(sorted(rates))


# "Each resident may use 100 litres", "every household gets 8 kWh": a rate said by its
# subject, before the figure and in its clause.
_EACH_BEFORE = re.compile(r"\b(?:each|every)\s+(person|resident|household|inhabitant|customer|"
                          r"family|worker|patient|pupil|student|passenger|child)\b"
                          r"[^,;:.\d]{0,30}?\s+$", re.IGNORECASE)


# "a daily ration of 50 litres", "per capita use fell to 90 litres": a rate before.
_RATE_BEFORE = re.compile(r"\b(daily|weekly|monthly|yearly|annual|hourly|per[ -]capita|"
                          r"per[ -]head|per person|per (?:cubic met(?:re|er)|kilowatt[- ]hour|kwh|"
                          r"m3|litre|liter|tonne|ton|kilogram|kg|hour|day|second))\b"
                          r"[^,;:.\d]{0,30}?\b(?:of|at|to|was|is|were|are|by)\s+"
                          r"(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+|just\s+|only\s+)?$",
                          re.IGNORECASE)


def _same_rate(a: str, b: str) -> bool:
    """A total is no rate; "per person" and "per person per day" are one rate written
    more or less fully."""
    if not a or not b:
        return a == b
    x, y = set(a.split("+")), set(b.split("+"))
    return x <= y or y <= x


# A part of the places or people a figure is about: "in rural districts", "urban
# households", "in the northern provinces"; a part is not compared with the whole.
_SCOPE = re.compile(r"\b(rural|urban|northern|southern|eastern|western|central|coastal|"
                    r"upland|lowland|remote|outlying|suburban|inner-city)\b", re.IGNORECASE)


def _scope(sentence: str, rel: int, end: int) -> str | None:
    """The part (``_SCOPE``) named in the figure's own clause, not past another number."""
    breaks = [m.span() for m in _CLAUSE_BREAK.finditer(sentence)]
    a = max((y for x, y in breaks if y <= rel), default=0)
    b = min((x for x, y in breaks if x >= end), default=len(sentence))
    best: tuple[int, str] | None = None
    for m in _SCOPE.finditer(sentence, a, b):
        between = sentence[m.end():rel] if m.end() <= rel else sentence[end:m.start()]
        if _NUMBER.search(between):
            continue
        d = abs(m.start() - rel)
        if best is None or d < best[0]:
            best = (d, m.group(1).lower())
    return best[1] if best else None


def _clause_terms(sentence: str, start: int, end: int, core: tuple[str, ...]) -> frozenset[str]:
    """The content words of the figure's clause, cut to their first five letters (a crude
    stem: "desalination" and "desalinated" agree), without what the core already says."""
    a, b = _clause_of(sentence, start, end)
    said = {w for part in core for w in part.split("-")}
    out = set()
    # Capitalised words are left out, even common ones opening a sentence ("Rationing
    # ..."): a word every source opens with joins figures too cheaply.
    # A measure's own words ("1.1 billion cubic metres", "850 megawatts") are its unit,
    # said by every source giving it: no evidence of what happened ("four patients"
    # says who, and stays).
    unit = core[0] in MEASURES or core[0] in _SHARES
    words = [m.group() for m in _WORD.finditer(sentence, a, b)
             if m.group()[:1].islower() and not (unit and start <= m.start() < end)]
    label = label_of(sentence, start)  # "Households affected by scheduled cuts: 1.4 million"
    words += [w.lower() for w in _WORD.findall(label or "")]
    for w in words:
        w = w.lower().removesuffix("'s").removesuffix("’s").rstrip("'’")  # "the club's"
        w = _SAME_TERM.get(w, w)
        if (w in FUNCTION_WORDS or w in _NOT_MEASURE or w in said or w in _SHARE_WORDS
                or w in NUMBER_WORDS or _SAME_COUNT.get(w) in said):  # "households": homes
            continue  # a number word is how many, not what happened
        stem = w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        if len(stem) >= 4 or stem in _SHORT_TERMS:
            out.add(stem[:5])
    return frozenset(out)


# Words for one thing: the highest point of a flood, a fire or a demand ("at the height of
# the fire", "at its peak", "the river crested").
_SAME_TERM: dict[str, str] = word_classes({
    "peak": "peak peaks peaked height crest crests crested highest maximum",
})
# Three-letter verbs and nouns that say what happened: "cut" and "cuts" agree.
_SHORT_TERMS = frozenset({"cut", "ban", "tax", "fee", "aid", "pay", "fund", "ill"})


def _clause_of(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause of the figure ``sentence[start:end]``; a label and its colon ("Imports
    from Ostland: 400 MW") are the figure's own clause, as in a list or a table."""
    breaks = [m.span() for m in _CLAUSE_BREAK.finditer(sentence)]
    a = max((y for x, y in breaks if y <= start), default=0)
    b = min((x for x, y in breaks if x >= end), default=len(sentence))
    if label_of(sentence, start):
        a = max((y for x, y in breaks if y <= a - 1 and sentence[x:y] != ":"), default=0)
    return a, b


# Nouns that restate a figure rather than say what it measures ("put the figure at").
_ANAPHORIC = frozenset("number figure total tally count amount sum estimate".split())
_SHARE_WORDS = frozenset("""
percent percentage share about some around nearly almost roughly least most have been were
said says according
""".split())


# Words that name one measure: "cut the maintenance budget by 18 percent", "cut maintenance
# spending by 18 percent".
_SAME_MEASURE: dict[str, str] = word_classes({
    "budget": "budget budgets spending funding expenditure expenditures outlays",
    "price": "price prices sum",
    "cost": "cost costs losses loss damage damages bill",
    "fine": "fine fines penalty penalties",
    "wages": "wages wage pay salaries salary",
    # How full a reservoir, a store or a hospital is: "28% of capacity", "28 percent full".
    "capacity": "capacity full fill storage level levels",
    "average": "average normal usual mean norm",
    "rainfall": "rainfall rain precipitation",
    "shortfall": "shortfall short gap deficit shortage",
    "rise": "rise increase hike hikes jump",
    "fall": "fall drop decline cut reduction decrease",
    "tariff": "tariff tariffs bills",
    "cap": "cap limit ceiling quota allowance ration",
})
# "agreed to buy Brennick Markets for 4.2 billion euros", "values Brennick at 4.2 billion":
# the price paid, whatever the sentence calls it.
_PRICE_BEFORE = re.compile(
    r"\b(?:(?:buy|buys|bought|buying|acquire|acquires|acquired|acquiring|purchase|purchased|"
    r"sell|sells|sold|selling)\b[^,;:.]{0,60}\bfor|"
    r"(?:value|values|valued|valuing)\b[^,;:.]{0,40}\bat)\s+"
    r"(?:about|some|around|nearly|almost|roughly|over|an?|up to)?\s*$", re.IGNORECASE)


# "the drought has cost farmers 300 million euros", "the strike cost the port 250 million":
# what a happening cost (not what someone lost in it: "exporters lost 30 million").
_COST_BEFORE = re.compile(r"\b(?:cost|costs|costing)\s+(?:[a-z]+\s+){0,2}?"
                          r"(?:about|some|around|nearly|almost|roughly|over|an?|up to)?\s*$")


# "stealing 4.2 million crowns", "embezzled $3m from the fund", "accused of siphoning off
# 40 million": the sum taken, whatever the verb; "fined 50,000 euros", "ordered to pay 2
# million": what a court or a regulator imposed.
_TAKEN_BEFORE = re.compile(
    r"\b(?:stole|steal|steals|stealing|stolen|embezzle|embezzled|embezzles|embezzling|"
    r"misappropriate|misappropriated|misappropriating|defraud|defrauded|defrauding|"
    r"siphon|siphoned|siphoning|pocketed|pocketing|looted|looting)\b"
    r"(?:\s+(?:off|away|out|some|about|around|nearly|almost|roughly|more than|over|at least|"
    r"an estimated|a total of|[a-z]+[’']s|\w+\s+of))*\s*$", re.IGNORECASE)
_IMPOSED_BEFORE = re.compile(r"\b(?:(fined|fines|fining)|ordered\s+(?:\w+\s+){0,2}?to\s+(?:re)?pay)"
                             r"(?:\s+(?:\w+\s+){0,2}?(?:a total of|some|about|nearly|almost|"
                             r"more than|over|at least))?\s*$", re.IGNORECASE)


# "puts the damage to roads and homes at 85 million euros", "insurers put losses at":
# the noun put at the sum is what it measures, whatever the complement after it.
_PUT_AT = re.compile(r"\b(?:put|puts|putting|estimated?|estimates|estimating|valued?|values|"
                     r"valuing|assessed|assesses)\s+(?:the\s+|its\s+|their\s+|total\s+)?"
                     r"(?:[a-z]+\s+)??([a-z]{3,})(?:\s+(?:to|of|from|for|in|on|caused by)\s+"
                     r"[^.;:\d]{1,60}?)?\s+at\s+(?:about\s+|some\s+|around\s+|nearly\s+|"
                     r"almost\s+|roughly\s+|over\s+|under\s+|more than\s+|up to\s+|least\s+)?$")


def _measure(sentence: str, start: int, end: int) -> str | None:
    if _TAKEN_BEFORE.search(sentence, max(0, start - 60), start):
        return "taken"
    put = _PUT_AT.search(sentence, max(0, start - 120), start)
    if put and put.group(1) not in _NOT_MEASURE and put.group(1) not in _ANAPHORIC \
            and put.group(1) not in _CHANGES:
        return _same_measure(put.group(1))
    imposed = _IMPOSED_BEFORE.search(sentence, max(0, start - 60), start)
    if imposed:
        return "fine" if imposed.group(1) else "payment"
    if _PRICE_BEFORE.search(sentence, max(0, start - 90), start):
        return "price"
    if _COST_BEFORE.search(sentence, max(0, start - 40), start):
        return "cost"
    m = _measure_named(sentence, start, end)
    if m is None:
        m = _changed(sentence, start) or _labelled(sentence, start)
    return _same_measure(m) if m else None


def _same_measure(m: str) -> str:
    """One name for one measure: "tariffs-rise" and "tariff-increase" are "tariff-rise",
    "full" is "capacity", "normal" is "average"."""
    words = []
    for w in m.split("-"):
        w = _SAME_MEASURE.get(w, w)
        if len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = _SAME_MEASURE.get(w[:-1], w[:-1])  # "tariffs" is "tariff"
        words.append(w)
    return "-".join(words)


# "tariffs will rise by 15 percent", "bills went up by 18%": what changed is the subject
# of the verb of change.
_CHANGED_BY = re.compile(
    r"\b([a-z]{3,})\s+(?:will\s+|would\s+|could\s+|may\s+|are to\s+|is to\s+|have\s+|has\s+|"
    r"had\s+|to\s+)?(?:be\s+)?(rise|rises|rose|risen|rising|go up|goes up|went up|gone up|"
    r"increase|increases|increased|jump|jumps|jumped|fall|falls|fell|fallen|drop|drops|dropped|"
    r"decrease|decreases|decreased|go down|went down|come down|came down|be cut|been cut|"
    r"were cut|was cut|raised|lowered)\s+(?:by\s+)?(?:about\s+|some\s+|around\s+|nearly\s+|"
    r"almost\s+|roughly\s+|over\s+)?$")
_UP = frozenset("rise rises rose risen rising go goes went gone increase increases increased "
                "jump jumps jumped raised".split())


def _changed(sentence: str, start: int) -> str | None:
    m = _CHANGED_BY.search(sentence[max(0, start - 60):start].lower())
    if not m or m.group(1) in _NOT_MEASURE or m.group(1) in _CHANGES:
        return None
    verb = m.group(2).split()
    up = verb[0] in _UP and verb[-1] != "down"
    return f"{m.group(1)}-{'rise' if up else 'fall'}"


def _labelled(sentence: str, start: int) -> str | None:
    """What a labelled figure measures: the label's noun before any preposition
    ("Generation shortfall at the evening peak: 850 MW" -> "shortfall")."""
    label = label_of(sentence, start)
    if not label:
        return None
    words: list[str] = []
    for w in _WORD.findall(label):
        if w.lower() in FUNCTION_WORDS or w.lower() in _NOT_MEASURE:
            break
        words.append(w.lower())
    return words[-1] if words else None


def _measure_named(sentence: str, start: int, end: int) -> str | None:
    """What an amount measures: "7 percent pay rise" -> "pay-rise", "97 percent of its
    water" -> "water", "a budget of $3 million" -> "budget"."""
    after = sentence[end:]
    m = re.match(r"^\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|a\s+|all\s+|our\s+|"
                 r"your\s+|my\s+|this\s+|that\s+|[A-Z][\w-]*[’']s\s+)?"
                 r"((?:[a-z][a-z-]{2,}\s+){0,2}[a-z][a-z-]{2,})", after)
    if m:
        phrase: list[str] = []
        for w in m.group(1).split():
            if w in _NOT_MEASURE or w in _VERBS or (w.endswith("ed") and phrase):
                break  # "112 mm of rain fell", "of water used": the verb after the noun
            if w in _PER_WORDS:
                break  # "110 litres of water per person": water, per person
            phrase.append(w)
        if phrase:
            return phrase[-1]  # "97 percent of its fresh water" measures water
    m = _MEASURE_AFTER.match(after)
    if m and _rate_of(sentence, end):
        m = None  # "8 kWh per day": what it is per, not what it measures
    if m:
        words = [w for w in m.group(1).split() if w not in _NOT_MEASURE]
        if words and words == m.group(1).split():
            if words[-1] in _CHANGES and len(words) == 1:
                return _of_what(words[0], after[m.end():])  # "a 5 percent rise in prices"
            return "-".join(words)
    if _CAP_BEFORE.search(sentence, max(0, start - 60), start):
        return "cap"  # "keep consumption below 8 kWh": a limit
    subject = _SUBJECT_BEFORE.search(sentence[max(0, start - 80):start])
    if subject and (subject.group(1).islower() or subject.start(1) == 0 and start <= 80):
        word = subject.group(1).lower()
        if word in ("level", "levels"):  # "reservoir levels fell to 24 percent": how full
            return "capacity"
        if word not in _CHANGES and word not in _NOT_MEASURE:
            return word  # "The real gap at the evening peak is 900 MW"
    m = _MEASURE_BEFORE.search(sentence[:start].lower())
    if m and m.group(1) not in _NOT_MEASURE and not sentence[m.start(1)].isupper():  # a name
        if m.group(1) in _CHANGES:
            return _of_what(m.group(1), after)  # "a cut of 20 percent in the allowance"
        return m.group(1)
    m = _IN_WHAT.match(after)
    if m:  # "promised 50 million euros in emergency aid", "$3m in damages"
        words = [w for w in m.group(1).split() if w not in _NOT_MEASURE]
        if words and words == m.group(1).split() and words[-1] not in _WHEN_NOUNS:
            return words[-1]
    return None


# What a sum is in: "50 million euros in emergency aid", "2 billion in new loans".
_IN_WHAT = re.compile(r"^\s+in\s+(?:new\s+|fresh\s+|extra\s+|additional\s+)?"
                      r"((?:[a-z][a-z-]{2,}\s+)?[a-z][a-z-]{2,})\b(?!\s+(?:of|to)\b)")
_WHEN_NOUNS = frozenset("""quarter year years month months week weeks day days period total
all cash advance time half term season decade""".split())


_PER_WORDS = frozenset({"per", "each", "every"})
# Verbs that end the noun phrase after "of" ("112 mm of rain fell between ...").
_VERBS = frozenset("""fell rose fall rise came went ran held left lost took made gave grew shrank
sank is was were are has had have will would could can may might remained stayed""".split())
# "keep consumption below 8 kWh", "limited to 50 litres", "a ceiling of 8 kWh": a cap.
_CAP_BEFORE = re.compile(r"\b(?:(?:keep|kept|keeping|hold|held|stay|limit|limits|limited|"
                         r"limiting|cap|capped|capping|restrict|restricted|ration|rationed)\b"
                         r"[^,;:.\d]{0,40}?\b(?:below|under|to|at|within)|"
                         r"(?:cap|limit|ceiling|quota|allowance|ration)\s+of|"
                         r"no more than|not more than|at most)\s+$", re.IGNORECASE)
# The subject of "was", "is", "stood at" before a figure, before any prepositional phrase:
# "Rainfall between September and December was 112 mm", "the real gap at the peak is
# closer to 900 MW".
_SUBJECT_BEFORE = re.compile(
    r"(?:^|\b(?:the|a|an|its|their|our|this|that)\s+)(?:[a-z]+\s+)??([A-Za-z]{3,})"
    r"(?:\s+(?:at|in|of|on|for|from|between|during|across|over)\s+[^,;:.\d]{1,40}?)?"
    r"\s+(?:is|was|were|are|stood at|stands at|came to|reached|totalled|totaled|amounted to|"
    r"(?:has |have |had )?(?:fallen|fell|dropped|sank|dipped|risen|rose|climbed) to)"
    r"\s+(?:now\s+|only\s+|just\s+|about\s+|some\s+|around\s+|nearly\s+|almost\s+|at\s+|"
    r"roughly\s+|closer to\s+|close to\s+|nearer\s+|over\s+|under\s+|below\s+)*$",
    re.IGNORECASE)


# Words that say how much something changed, or what share it is, but not of what: "a cut
# of 20 percent" alone does not say whose allowance was cut.
_CHANGES = frozenset("""
cut cuts rise rises increase increases fall falls drop drops decline declines reduction
reductions share proportion percentage rate level levels growth gain gains loss losses jump
hike hikes fell rose dropped increased decreased grew declined shrank change changes total
majority minority part portion
""".split())
_COMPLEMENT = re.compile(r"^\s+(?:in|of|on|to)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|a\s+)?"
                         r"((?:[a-z]{3,}\s+){0,2}[a-z]{3,})")


def _of_what(change: str, after: str) -> str | None:
    """"rise" + " in food prices" -> "prices-rise"; None when nothing says of what."""
    m = _COMPLEMENT.match(after)
    if not m:
        return None
    words: list[str] = []
    for w in m.group(1).split():
        if w in _NOT_MEASURE:
            break
        words.append(w)
    return f"{words[-1]}-{change}" if words else None


def _nearest(sentence: str, rel: int, end: int, counted: str) -> str | None:
    """The happening or stance word closest to the figure (``sentence[rel:end]``), within
    its sentence; one after the figure but past another number is that number's: in "asked
    for 160 stores instead of the 120 Halvard had offered", "offered" is the 120's.  One
    before both can be the subject of both ("The strike cost 250 million, and 4,000 workers
    took part")."""
    best: tuple[int, str] | None = None
    for m in _WORD.finditer(sentence, max(0, rel - _NEAR), min(len(sentence), end + _NEAR)):
        low = m.group().lower()
        cls = STANCES.get(low) or HAPPENINGS.get(low)
        if cls is None or low == counted or COUNTED.get(low) == counted:
            continue
        gap = sentence[end:m.start()] if m.start() >= end else sentence[m.end():rel]
        if _ITEM_BREAK.search(gap):
            continue  # another sentence or list item run into this one
        if m.start() >= end and _NUMBER.search(sentence, end, m.start()):
            continue  # a word after another number tells of that one ("the 120 X had offered")
        if cls == "membership":  # "joined the walkout": what was joined
            obj = _OBJECT.match(sentence, m.end())
            if obj and obj.group(1).lower() in HAPPENINGS:
                cls = HAPPENINGS[obj.group(1).lower()]
        if m.group()[:1].isupper() and m.start() > 0:
            continue  # a word of a name ("the Security Treaty Organization")
        d = abs(m.start() - rel)
        if best is None or d < best[0]:
            best = (d, cls)
    return best[1] if best else None


def _ordinal(sentence: str, rel: int) -> str | None:
    best: tuple[int, str] | None = None
    for m in _ORDINAL.finditer(sentence.lower()):
        noun = m.group(2)
        if noun in HAPPENINGS or noun.endswith(("ing", "tion", "ment", "sion")) or noun == "round":
            d = abs(m.start() - rel)
            if d <= _NEAR and (best is None or d < best[0]):
                best = (d, f"{m.group(1)}-{noun}")
    return best[1] if best else None


def _when(p: Proposal, s_start: int, at: int, at_end: int) -> str | None:
    """The date of the figure's own clause nearest to it (ISO, as precise as written).  A
    date across a clause boundary dates another statement ("Rationing began in June;
    since then 12,000 households ..."), and one a comparison introduces dates the figure
    compared with ("35 percent, down from 70 percent in 2022"): neither is the figure's."""
    text = p.paragraph.text
    best: tuple[int, str] | None = None
    for d, _ in p.dates:
        if d.relative:
            continue  # "the agency said on Sunday": most often the day of saying, not the count's
        a, b = s_start + d.start, s_start + d.end
        between = text[b:at] if b <= at else text[at_end:a]
        if _CLAUSE_BREAK.search(between) or _COMPARED.search(text[max(0, a - 25):a]):
            continue
        if _NUMBER.search(between) or _NOW.search(between):
            continue  # "80 percent full in May 2023 and now at 31 percent": the other's date
        if b > at and _SINCE.search(between):
            continue  # "cut for 4 hours since the cuts began on 12 January": when it began
        if _RANGE_END.search(text, max(0, a - 40), a):
            continue  # "between September and December": the range is dated by its start
        if "," in between and not _LEADING_TIME.match(text, s_start, b):
            continue  # "The dam, built in 1998, holds 40 million": the date of an aside
        dist = abs(a - at)
        if best is None or dist < best[0]:
            best = (dist, d.value)
    return best[1] if best else None


_CLAUSE_BREAK = re.compile(
    r"\b(?:instead of|rather than)\b|"  # "160 stores instead of the 120 offered": two figures
    r"[;:()\[\]—–]|\.\s|,\s+(?:and|but|while|whereas|which|who|when|where|after|before|"
    r"since|until|as|although|though|yet|so|up|down|compared|against|from|than|twice|"
    r"double|half)\b")
_NUMBER = re.compile(r"\d")
_SINCE = re.compile(r"\b(?:since|after|before|until|till)\b", re.IGNORECASE)
# The second date of a range ("between September and December", "from May to August").
_RANGE_END = re.compile(r"\b(?:between|from)\s+(?:\w+\s+){1,3}(?:and|to|until|till)\s+(?:the\s+)?$|"
                        r"\w[-–]$", re.IGNORECASE)
_NOW = re.compile(r"\b(?:now|currently|today|at present|so far|to date|since then|by then)\b",
                  re.IGNORECASE)
# A sentence opening with its time: "In June 2024, 5,000 households ...".
_LEADING_TIME = re.compile(r"\W*(?:in|on|by|at|during|since|between|last|this|early|late|"
                           r"from|as of)\b[^,;:]*$", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:since|from|than|compared (?:with|to)|against|versus|vs\.?|"
                       r"before|after|until|till|began|begun|started|starting|beginning)\s+"
                       r"(?:on\s+|in\s+)?(?:the\s+)?(?:end of\s+|start of\s+)?$",
                       re.IGNORECASE)


@lru_cache(maxsize=4096)
def _sentence_names(sentence: str) -> tuple[Name, ...]:
    return tuple(find_names(sentence))  # a sentence with several figures is read once


def _names_near(sentence: str, rel: int, end: int, names: NameIndex,
                commons: frozenset[str] = frozenset()) -> set[str]:
    """The actors named within ``_NEAR`` characters of the figure (``sentence[rel:end]``),
    in its clause and not past another number (the name of the other figure's doer); not
    a unit ("850 MW") nor a common word capitalised to open a sentence or an item."""
    out = set()
    for n in _sentence_names(sentence):
        if abs(n.start - rel) <= _NEAR or abs(n.end - rel) <= _NEAR:
            between = sentence[n.end:rel] if n.end <= rel else sentence[end:n.start]
            if (_CLAUSE_END.search(between) or _CONTRAST.search(between)
                    or _NUMBER.search(between) or _ITEM_BREAK.search(between)
                    or (n.start > rel and _COUNT_WORD.search(between))):
                continue
            low = n.text.lower()
            if low in UNIT_WORDS or (" " not in low and (low in commons or low + "s" in commons
                                                         or low.removesuffix("s") in commons)):
                continue
            if _SAYS.match(sentence, n.end) or _SAID_BY.search(sentence, max(0, n.start - 30), n.start):
                # who gives the figure, not whose it is: sources differ on that; but a local
                # body's place ("Morvik General Hospital said") is where it happened
                place = names.named_after(n.text)
                if place:
                    out.add(slug(place))
                continue
            if _OF_GENITIVE.search(sentence, max(0, n.start - 12), n.start) and \
                    _GENITIVE.match(sentence, n.end) and n.end < rel:
                continue  # "the director of one of Varnia's largest banks": another noun's
            if _COMMON_OPENING.fullmatch(n.text) and n.start == len(sentence) - len(sentence.lstrip()):
                continue  # "Households were limited to ...": a plural capitalised to open
            actor = actor_of(n.text, names)
            if actor:
                out.add(slug(actor))
    return out


# A name that gives the figure: "..., the agency said", "according to the ministry",
# "images analysed by the University of Kelden show".
_SAYS = re.compile(r"(?:\s+(?:has|had|have|also|now|later|first|officially))?\s+"
                   r"(?:said|says|say|told|tells|reported|reports|estimated|estimates|counted|"
                   r"put|puts|claimed|claims|announced|stated|confirmed|showed|shows|show)\b")
_SAID_BY = re.compile(r"\b(?:according to|analy[sz]ed by|estimated by|compiled by|cited by|"
                      r"published by|counted by|reported by|quoted by)\s+(?:the\s+)?$")


_CLAUSE_END = re.compile(r"[;:()\[\]—–]")
# A number in words between a figure and a name after it makes the name that number's
# ("Seven people have died, five of them in Odde": Odde is the five's place); a name before
# both is both figures' ("in Brisa on Monday, killing four people and injuring 19"). Not
# "one", which is as often a pronoun ("one of the largest").
_COUNT_WORD = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                         r"dozens?|hundreds?|thousands?)\b", re.IGNORECASE)
# A name in the genitive after "of" qualifies a noun of a complement, not the figure.
_OF_GENITIVE = re.compile(r"\bof\s+(?:one\s+of\s+)?$")
_GENITIVE = re.compile(r"[’']s?\s")
# The end of a sentence or of a list item run into one paragraph ("400 MW. - Households").
_ITEM_BREAK = re.compile(r"[.!?]\s|\s[-–•*]\s")
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z-]+")
# One capitalised plural common noun ("Households", "Farmers"), not a demonym ("Armenians"
# ends in -ians, "Azerbaijanis" in -is) nor an acronym.
_COMMON_OPENING = re.compile(r"[A-Z][a-z]+(?<!ian)(?<!ese)(?<!is)s")
_CONTRAST = re.compile(r"\b(?:instead of|rather than)\b")


def _conflict(name: str, a: str, b: str) -> bool:
    if name == "happening" and _REACHED in (a, b):
        return False  # those a blockade or a breach reached are those it "affected"
    if name == "time":
        return not (a.startswith(b) or b.startswith(a))
    if name == "names":  # sources name different actors around the figure
        return not any(x == y or x.startswith(y + "-") or y.startswith(x + "-")
                       for x in a.split("|") for y in b.split("|"))  # "brennick-markets"
    return a != b


class _Group:
    """Figures taken as one quantity, with what they say about it gathered for matching."""

    def __init__(self) -> None:
        self.members: list[_Item] = []
        self.quals: dict[str, set[str]] = {}  # every value a member gives each qualifier
        self.values: dict[str, set[float]] = {}  # article -> the values it gives
        self.terms: frozenset[str] = frozenset()
        self.did: set[str] = set()

    def add(self, item: _Item) -> None:
        self.members.append(item)
        if item.did:
            self.did.add(item.did)
        for k, v in item.quals.items():
            self.quals.setdefault(k, set()).add(v)
        self.values.setdefault(item.article, set()).add(item.figure.number.value)
        self.terms |= item.terms

    def fits(self, item: _Item) -> bool:
        """No conflict with any member, and agreement with one on something."""
        return self.refusal(item) is None

    def refusal(self, item: _Item) -> str | None:
        """Which rule keeps ``item`` out of this group (a short reason), None if it fits."""
        given = self.values.get(item.article)
        if given and given != {item.figure.number.value}:
            return "two values in one source"  # two different things, most often
        for k, v in item.quals.items():
            if any(_conflict(k, v, w) for w in self.quals.get(k, ())):
                return f"{k} conflicts"
        if self.members and not _same_rate(item.rate, self.members[0].rate):
            return "a rate and a total"  # 12 million euros a day is not 250 million in all
        shared_qual = any(k in self.quals for k in item.quals)
        if item.core[0] == "toll":
            # One happening's toll: the same place, time or actor, or its clause telling
            # the same happening ("the derailment killed", "a tram derailed ..., killing").
            if shared_qual or len(item.terms & self.terms) >= 2:
                return None
            return "a toll with nothing in common"
        if item.core[0] == "duration" or (len(item.core) > 1 and item.core[0] not in _SHARES
                                          and not item.core[-1].startswith("in-")):
            return None  # the happening it lasts, or the part counted
        if item.core[0] in _SHARES and (_is_change(item.core) or item.core[1] in _SUMS):
            # "tariffs will rise by 15 percent from 1 February", "a 15% tariff increase":
            # one decision, whose date says when it applies, not when a level was read;
            # likewise a sum taken or a fine imposed, a total, not a level.
            if shared_qual or len(item.terms & self.terms) >= 1:
                return None
            return "an amount with nothing in common"
        if item.core[0] in _SHARES:
            # "30 percent of the water": of what, but not which part (lost to leaks, used by
            # farms): the same owner, place, stance, time or actor named, or the clause
            # saying the same part ("relies on desalination for", "from desalination
            # plants"), must.
            # A share or a level changes with time: dated and undated ones are not compared.
            if ("time" in item.quals) != ("time" in self.quals):
                return "a dated and an undated amount"
            if shared_qual or len(item.terms & self.terms) >= 2:
                return None
            return "an amount with nothing in common"
        if any(k in _WHAT and k in self.quals for k in item.quals):
            return None
        # The same time or the same actor named says when or where, not what happened to
        # those counted (5,000 households cut off, 12,000 that asked for a rebate): the
        # clause must say it too.
        if shared_qual and item.terms & self.terms:
            return None
        if (not item.quals or not self.quals) and len(item.terms & self.terms) >= 2:
            # Nothing said on one side that could conflict (no owner, place, time or
            # actor): two words of the clause saying what happened to them must agree.
            return None
        if item.did and item.did in self.did and not _scoped(item.quals) \
                and not any(k in self.quals for k in _SCOPES) and self._near(item):
            # Neither says whose or where (one could be a part: "in Odde, 410 homes"), and
            # the verb says the same happened to those counted ("1,240 homes flooded",
            # "more than 1,500 houses were flooded"); no time conflicts (checked above).
            return None
        return "a count with nothing in common"

    def _near(self, item: _Item) -> bool:
        """Whether ``item``'s value is within ``NEAR_SPREAD`` of every member's: the
        weaker the evidence, the closer the values of one count are."""
        v = item.figure.number.value
        return all(max(v, m.figure.number.value) <= NEAR_SPREAD * max(1e-9, min(
            v, m.figure.number.value)) for m in self.members)


# How far apart (as a ratio) the values of figures tied only by their kind may be.
SOLE_SPREAD = 10
# ... and those of counts tied only by what happened to them, where neither says whose.
NEAR_SPREAD = 3
_SCOPES = ("owner", "place", "names")


def _scoped(quals: dict[str, str]) -> bool:
    return any(k in quals for k in _SCOPES)


def _sole_of_its_kind(groups: list[list[_Item]]) -> list[list[_Item]]:
    """The figures of one core as one group when each source gives a single value for it,
    none conflicts with another on any qualifier, all are dated or none, and each one's
    clause shares a word with another source's: a briefing is on one topic, and "18,000
    hectares burned" in one source and "burned 21,500 hectares" in another are one area
    even when neither names whose or when.  Generic counts ("people", "countries") and
    tolls (of which a briefing often tells several happenings) are left to ``_group``."""
    if len(groups) < 2:
        return groups
    members = [m for g in groups for m in g]
    why = _not_sole(members)
    if why is None:
        return [members]
    if why == "a clause sharing no word":
        # Those whose clauses share a word are one quantity; a figure whose clause shares
        # none ("Batches affected: 18") keeps its own key rather than spoil theirs.
        tied = [m for m in members
                if any(m.terms & o.terms for o in members if o.article != m.article)]
        if len({m.article for m in tied}) > 1 and _not_sole(tied) is None:
            rest = [[m for m in g if m not in tied] for g in groups]
            return [tied] + [g for g in rest if g]
    return groups


def _not_sole(members: list[_Item]) -> str | None:
    """Why the figures of one core are not one sole quantity (a short reason), or None."""
    core = members[0].core
    if core[0] == "toll" or core[0] in _GENERIC and not members[0].rate:
        return "a toll or a generic count"  # "four hours a day" says enough of itself
    values: dict[str, set[float]] = {}
    for m in members:
        values.setdefault(m.article, set()).add(m.figure.number.value)
    if len(values) < 2:
        return "one source"
    if any(len(v) > 1 for v in values.values()):
        return "two values in one source"
    given = [v for vs in values.values() for v in vs if v > 0]
    if given and max(given) > SOLE_SPREAD * min(given):
        # Only the kind ties these together, so the values must be of one size: sources
        # that count one thing differ by a factor (a crowd's 5,000 or 40,000), while 38,000
        # birds culled on a farm and 1.1 million in the zone around it are two counts.
        return "values of different sizes"
    if len({"time" in m.quals for m in members}) > 1 and not _is_change(core):
        # A count each source gives once ("18 batches", "the recall of 18 batches was
        # announced on 14 April") is one whether dated or not, if the dated agree on the
        # month; a share or a level changes with time, and is not.
        if core[0] in _SHARES or len({m.quals["time"][:7] for m in members
                                      if "time" in m.quals}) > 1:
            return "dated and undated"
    rates = {m.rate for m in members}
    if any(not _same_rate(a, b) for a in rates for b in rates):
        return "rates and totals"
    for n, a in enumerate(members):
        for b in members[n + 1:]:
            if any(_conflict(k, v, b.quals[k]) for k, v in a.quals.items() if k in b.quals):
                return "a qualifier conflicts"
    if _is_change(core):
        return None  # what rose is said: "tariff-rise"
    for m in members:
        if not any(m.terms & o.terms for o in members if o.article != m.article):
            return "a clause sharing no word"
    return None


# Measures of an amount that is the total of one happening (see ``_measure``).
_SUMS = frozenset({"taken", "fine", "payment"})


def _is_change(core: tuple[str, ...]) -> bool:
    """An amount by which a named thing rose or fell ("tariff-rise", "price-fall")."""
    return core[0] in _SHARES and len(core) > 1 and core[1].endswith(("-rise", "-fall"))


# Counts that say too little of what is counted to be matched without a qualifier.
_GENERIC = frozenset({"people", "states", "members", "others", "times", "cases", "things",
                      "items", "units", "parts", "ones", "years", "days", "months", "weeks",
                      "hours"})
_SHARES = AMOUNTS | {"percent", "fold"}  # amounts: what they measure, not whose or when
_WHAT = frozenset({"owner", "place", "ordinal", "happening", "measure"})  # say what


def _group(items: list[_Item]) -> list[list[_Item]]:
    """Most specific first; each figure joins the one group it fits, else starts one; a
    figure fitting several groups stays alone (we cannot tell which it counts)."""
    items = sorted(items, key=lambda i: (-len(i.quals), i.claim, i.figure.number.start))
    groups: list[_Group] = []
    alone: list[list[_Item]] = []
    # Groups by qualifier value, and those without the qualifier: a figure can only join a
    # group that gives the same value or none (found by set operations, not by trying all).
    has: dict[tuple[str, str], set[int]] = {}
    lacks: dict[str, set[int]] = {k: set() for k in _INDEXED}
    for item in items:
        candidates: set[int] | None = None
        for k, v in _index_keys(item):
            allowed = has.get((k, v), set()) | lacks[k]
            candidates = allowed if candidates is None else candidates & allowed
        pool = sorted(candidates) if candidates is not None else range(len(groups))
        fits = [n for n in pool if groups[n].fits(item)]
        if len(fits) == 1:
            n = fits[0]
        elif fits:
            alone.append([item])
            continue
        else:
            n = len(groups)
            groups.append(_Group())
            for k in _INDEXED:
                lacks[k].add(n)
        groups[n].add(item)
        for k, v in _index_keys(item):
            lacks[k].discard(n)
            has.setdefault((k, v), set()).add(n)
    return [g.members for g in groups] + alone


_INDEXED = ("owner", "place", "ordinal", "happening", "time", "measure")
_REACHED = "affected"  # a stance that fits any happening


def _index_keys(item: _Item) -> list[tuple[str, str]]:
    """What a group is looked up by: its qualifiers, a time by its year (2021 and July 2021
    agree; the month is checked by ``fits``)."""
    return [(k, v[:4] if k == "time" else v) for k, v in item.quals.items()
            if k in _INDEXED and v != _REACHED]


def _key(core: tuple[str, ...], members: list[_Item], used: set[str]) -> str:
    """A readable key: the most specific member's qualifiers, then what is counted."""
    quals = members[0].quals
    if len({m.claim for m in members}) < 2 and len(members) < 2:
        return ""  # nothing to compare with: the writer's own key
    parts = [quals[k] for k in ("owner", "place", "ordinal", "happening", "measure")
             if k in quals]
    if core[0] == "duration" and "happening" not in quals and "owner" not in quals:
        parts += quals.get("names", "").split("|")[:1]
    parts += [slug(c) for c in (core[1:] if core[0] == "duration" else core[::-1][:-1])]
    if "time" in quals:
        parts.append(quals["time"][:7])
    last = core[0] if core[0] != "duration" else f"duration-{core[2]}"
    if core[0] == "duration":
        parts = [p for p in parts if p != core[2]]
    words: list[str] = []
    for w in "-".join(slug(x) for x in parts + [last]).split("-"):
        if w not in words or w == "duration":
            words.append(w)  # "second-war" and "war": one "war"
    base = "-".join(words)
    key, n = base, 1
    while key in used:
        n += 1
        key = f"{base}-{n}"
    used.add(key)
    return key
