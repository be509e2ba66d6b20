"""What the compare and events views show, computed from the analysis layer (no Textual here).

The views only lay things out; every decision about what counts as a disagreement, which terms
are distinctive, or which events are blindspots comes from briefing.analysis.  This module
turns those results into small, display-ready records and offsets, so it can be tested without
running an app.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field

from briefing.analysis import disagreements as dis
from briefing.analysis.compare import Comparison, compare
from briefing.analysis.coverage import Coverage
from briefing.analysis.framing import Term, background_counts
from briefing.analysis.lexicon import Lexicon
from briefing.analysis.timeline import date_key
from briefing.model import Article, Claim, Corpus, Event
from briefing.text import fold, folded_with_map
from briefing.tui.viewmodels.reader import fmt_value

# ---------------------------------------------------------------- per-corpus inputs


@dataclass(slots=True)
class CompareInputs:
    """What every comparison of one corpus shares: its lexicon and the framing prior."""

    lexicon: Lexicon
    background: Counter[str]
    lexicon_problems: list[str] = field(default_factory=list)


_INPUTS: dict[int, tuple[Corpus, CompareInputs]] = {}


def inputs_for(corpus: Corpus) -> CompareInputs:
    """The corpus' lexicon and background counts, computed once per corpus (a few are kept)."""
    cached = _INPUTS.get(id(corpus))
    if cached is not None and cached[0] is corpus:
        return cached[1]
    result = CompareInputs(corpus.lexicon or Lexicon(), background_counts(corpus),
                           [str(p) for p in corpus.lexicon_problems])
    if len(_INPUTS) >= 4:
        _INPUTS.pop(next(iter(_INPUTS)))
    _INPUTS[id(corpus)] = (corpus, result)
    return result


def comparison_for(corpus: Corpus, event_id: str) -> Comparison:
    """analysis.compare with the cached lexicon and prior.  Raises UnknownEvent."""
    shared = inputs_for(corpus)
    return compare(corpus, event_id, lexicon=shared.lexicon, background=shared.background)


# ---------------------------------------------------------------- labels


def short_labels(corpus: Corpus, width: int = 10) -> dict[str, str]:
    """Short labels for sources, unique at ``width`` characters.

    The article id up to its first hyphen ("dupuy-2022" -> "dupuy"); else the id itself; else
    what follows the prefix all ids share ("synthetic-0042" -> "042"); else a number.
    """
    ids = list(corpus.articles)
    shared = os.path.commonprefix(ids) if len(ids) > 1 else ""
    for make in (lambda a: a.split("-")[0], lambda a: a, lambda a: a[len(shared):] or a):
        labels = {aid: make(aid)[:width] for aid in ids}
        if len(set(labels.values())) == len(labels):
            return labels
    return {aid: str(n) for n, aid in enumerate(ids, start=1)}


def when(event: Event) -> str:
    if not event.date:
        return "date unknown"
    return f"{event.date} – {event.end}" if event.end else event.date


def source_line(article: Article) -> str:
    """Author(s) · date · outlet: who is speaking in a column, with unknowns said plainly."""
    parts = [article.byline, article.published or "n.d."]
    if article.outlet:
        parts.append(article.outlet)
    return " · ".join(parts)


# ---------------------------------------------------------------- findings per claim


@dataclass(frozen=True, slots=True)
class Mark:
    """A figure or date of one claim that another source also gives: = agrees, ≠ disagrees."""

    verdict: str  # "disagree" | "agree"
    key: str  # the shared quantity / date `what`
    mine: str  # this claim's value, as written
    others: tuple[tuple[str, str], ...]  # (other article id, value as written)
    text: str | None = None  # the figure as written, to find it in the quote


def marks_for_claim(comparison: Comparison, claim: Claim) -> list[Mark]:
    """Every disagreement and agreement this claim takes part in, with the other sources' values."""
    out: list[Mark] = []
    for verdict, findings in (("disagree", comparison.disagreements),
                              ("agree", comparison.agreements)):
        for finding in findings:
            mine = [v for v in finding.values if v.claim == claim.id]
            if not mine:
                continue
            others = tuple((v.article, fmt_value(v.value, v.text, v.unit))
                           for v in finding.values if v.article != claim.article_id)
            for v in mine:
                out.append(Mark(verdict, finding.quantity, fmt_value(v.value, v.text, v.unit),
                                others, v.text))
    return out


@dataclass(frozen=True, slots=True)
class FindingRow:
    """One line of the "who says what" summary at the top of the comparison."""

    verdict: str  # "disagree" | "agree"
    kind: str  # "figure" | "date"
    key: str
    values: tuple[tuple[str, str, str], ...]  # (article id, claim id, value as written)


def finding_rows(comparison: Comparison) -> list[FindingRow]:
    rows: list[FindingRow] = []
    for verdict, findings in (("disagree", comparison.disagreements),
                              ("agree", comparison.agreements)):
        for f in findings:
            rows.append(FindingRow(verdict, f.kind, f.quantity, tuple(
                (v.article, v.claim, fmt_value(v.value, v.text, v.unit)) for v in f.values)))
    return rows


# ---------------------------------------------------------------- highlighting


def term_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of every whole-term occurrence of any of ``terms``.

    Matching is on folded text (case, accents, quote marks, dashes ignored), a bigram matches
    across any run of whitespace, and overlapping matches are merged.
    """
    folded, where = folded_with_map(text)
    found: list[tuple[int, int]] = []
    for term in terms:
        needle = fold(term)
        if not needle:
            continue
        # Word edges as framing.tokens sees them: "men" is not in "men-at-arms" or "men's".
        pattern = re.compile(r"(?<!\w)(?<!\w[-'])" + r"\s+".join(map(re.escape, needle.split()))
                             + r"(?!\w)(?![-']\w)")
        for m in pattern.finditer(folded):
            if m.end() > m.start():
                found.append((where[m.start()], where[m.end() - 1] + 1))
    found.sort()
    merged: list[tuple[int, int]] = []
    for a, b in found:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def value_spans(text: str, mark_texts: list[str]) -> list[tuple[int, int]]:
    """Where a figure or date, as the claim says it was written, stands in the quote."""
    from briefing.text import find_all

    spans: list[tuple[int, int]] = []
    for written in mark_texts:
        if written:
            spans.extend(find_all(text, written))
    return sorted(set(spans))


def term_names(terms: list[Term]) -> list[str]:
    return [t.term for t in terms]


# ---------------------------------------------------------------- lexicon grid


@dataclass(frozen=True, slots=True)
class LexiconRow:
    label: str  # the group's label ("Words for Russia's forces in the region")
    cells: dict[str, tuple[tuple[str, int], ...]]  # article -> ((term, uses), ...)


def lexicon_rows(comparison: Comparison) -> list[LexiconRow]:
    """The curated framing terms each covering source uses, one row per lexicon group."""
    rows: list[LexiconRow] = []
    for group in comparison.lexicon:
        cells: dict[str, list[tuple[str, int]]] = {}
        for usage in group.terms:
            for aid, n in usage.counts.items():
                cells.setdefault(aid, []).append((usage.term, n))
        rows.append(LexiconRow(group.label, {a: tuple(v) for a, v in cells.items()}))
    return rows


# ---------------------------------------------------------------- events view


@dataclass(frozen=True, slots=True)
class EventRow:
    event: Event
    counts: dict[str, int]  # article -> claims on the event (0: not covered)

    @property
    def sources(self) -> int:
        return sum(1 for n in self.counts.values() if n)

    @property
    def blindspot(self) -> bool:
        return self.sources == 1


def event_rows(coverage: Coverage, corpus: Corpus) -> list[EventRow]:
    return [EventRow(corpus.events[eid], dict(coverage.matrix[eid])) for eid in coverage.events]


def matches_filter(row: EventRow, query: str) -> bool:
    """Plain words match title, id, date, summary and actors; ``actor:NAME`` only the actors.

    Every word must match (AND), so "russia ceasefire" narrows instead of widening.
    """
    event = row.event
    for word in query.split():
        key, sep, rest = word.partition(":")
        if sep and key.lower() == "actor":
            needle = fold(rest)
            if needle and not any(needle in fold(a) for a in event.actors):
                return False
            continue
        haystack = fold(" ".join([event.title, event.id, event.date or "", event.end or "",
                                  event.summary, *event.actors]))
        if fold(word) not in haystack:
            return False
    return True


def year_of(event: Event) -> int | None:
    key = date_key(event.date)
    return key[1] if key[0] == 0 else None


def claims_by_year(coverage: Coverage, corpus: Corpus) -> tuple[list[int], dict[str, dict[int, int]]]:
    """Years that have dated events (ascending) and, per source, claims on that year's events."""
    per: dict[str, dict[int, int]] = {aid: {} for aid in coverage.sources}
    years: set[int] = set()
    for eid in coverage.events:
        year = year_of(corpus.events[eid])
        if year is None:
            continue
        years.add(year)
        for aid, n in coverage.matrix[eid].items():
            if n:
                per[aid][year] = per[aid].get(year, 0) + n
    return sorted(years), per


def disagreements_by_event(corpus: Corpus) -> dict[str, int]:
    """Number of disagreements per event, counted as the compare view counts them."""
    out: dict[str, int] = {}
    for eid in corpus.events:
        n = len(dis.for_event(corpus, eid).disagreements)
        if n:
            out[eid] = n
    return out
