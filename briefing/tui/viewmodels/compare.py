"""What the compare view shows, computed from the per-event analysis (no Textual here).

The view only lays things out; what counts as a disagreement, a compatible value, a title
that differs, a go-between or a distinctive term comes from briefing.analysis
(event_analysis.analyse, memoised per event).  This module turns one event's analysis into
display-ready records: the lines of findings at the top, each column's claims with what they
say against which other claim (``Finding.against``: a value is never set against itself), and
the framing lexicon folded per source.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from briefing.analysis import disagreements as dis
from briefing.analysis.event_analysis import EventAnalysis
from briefing.analysis.framing import Term
from briefing.model import Article, Claim, Corpus, Event
from briefing.store.marks import DisagreementMark
from briefing.text import fold, folded_with_map
from briefing.tui.viewmodels.event_index import EventRow
from briefing.tui.viewmodels.reader import fmt_value


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




# ---------------------------------------------------------------- the findings of one event

SYMBOL = {dis.DISAGREEMENT: "≠", dis.COMPATIBLE: "≈", dis.AGREEMENT: "="}
# What a relation between two values is called on a claim ("≈ 2020-11 fits paylan 2020-11-09").
RELATION_WORD = {"conflict": "vs", "compatible": "fits", "agree": "as"}
RELATION_VERDICT = {"conflict": dis.DISAGREEMENT, "compatible": dis.COMPATIBLE,
                    "agree": dis.AGREEMENT}


@dataclass(frozen=True, slots=True)
class FindingLine:
    """One line at the top of the comparison: a verdict and who says what."""

    verdict: str  # dis.DISAGREEMENT | dis.COMPATIBLE | dis.AGREEMENT | "title" | "go-between" | "marked"
    key: str  # the shared key, the person, the event, or the claims marked
    sides: tuple[tuple[str, str], ...]  # (source label, what it says)
    note: str = ""


def _value(v: dis.Value) -> str:
    return fmt_value(v.value, v.text, v.unit)


def finding_lines(analysis: EventAnalysis, labels: dict[str, str],
                  marks: list[DisagreementMark] = (), corpus: Corpus | None = None
                  ) -> list[FindingLine]:
    """Disagreements, titles, go-betweens and hand marks first; then compatible, agreements."""
    lines: list[FindingLine] = []
    found = analysis.findings

    def sides(f: dis.Finding) -> tuple[tuple[str, str], ...]:
        per: dict[str, list[str]] = {}
        for v in f.values:
            shown = _value(v)
            if shown not in per.setdefault(v.article, []):
                per[v.article].append(shown)
        return tuple((labels.get(a, a), " / ".join(vals)) for a, vals in per.items())

    for f in found.disagreements:
        lines.append(FindingLine(dis.DISAGREEMENT, f.quantity, sides(f)))
    for o in analysis.offices:
        lines.append(FindingLine("title", f"{o.person} ({o.kind})", (
            (labels.get(o.a.article, o.a.article), o.a.title.text),
            (labels.get(o.b.article, o.b.article), o.b.title.text))))
    for a in analysis.attributions:
        lines.append(FindingLine("go-between", "brokered by", (
            (labels.get(a.a.article, a.a.article), a.a.written),
            (labels.get(a.b.article, a.b.article), a.b.written))))
    for m in marks:
        where = []
        for cid in m.claims:
            claim = corpus.claims.get(cid) if corpus is not None else None
            where.append((labels.get(claim.article_id, claim.article_id) if claim else "?", cid))
        lines.append(FindingLine("marked", " ≠ ".join(m.claims), tuple(where), m.note))
    for f in found.compatible:
        lines.append(FindingLine(dis.COMPATIBLE, f.quantity, sides(f)))
    for f in found.agreements:
        lines.append(FindingLine(dis.AGREEMENT, f.quantity, sides(f)))
    return lines


@dataclass(frozen=True, slots=True)
class ClaimNote:
    """What one claim's value is set against: another source's value behind a verdict."""

    relation: str  # "conflict" | "compatible" | "agree"
    key: str
    mine: str
    other: str  # source label
    theirs: str
    text: str | None = None  # this claim's value as written, to find it in the quote


def claim_notes(analysis: EventAnalysis, claim: Claim, labels: dict[str, str]) -> list[ClaimNote]:
    """Every pair behind a verdict that involves ``claim``, from its side (Finding.against)."""
    out: list[ClaimNote] = []
    found = analysis.findings
    for f in (*found.disagreements, *found.compatible, *found.agreements):
        for p in f.against(claim.id):
            if p.b.claim == claim.id or p.b.article == claim.article_id:
                continue  # never a value against itself or its own source
            note = ClaimNote(p.relation, f.quantity, _value(p.a),
                             labels.get(p.b.article, p.b.article), _value(p.b), p.a.text)
            if note not in out:
                out.append(note)
    return out


def office_claims(analysis: EventAnalysis) -> set[str]:
    """Claims whose quote holds a title another source contradicts."""
    return {c for o in analysis.offices for m in (o.a, o.b) for c in m.claims}


def marked_against(marks: list[DisagreementMark], claim_id: str) -> list[tuple[str, str]]:
    """(other claim, note) of every hand mark on ``claim_id``."""
    out = []
    for m in marks:
        if claim_id in m.claims:
            other = m.claims[1] if m.claims[0] == claim_id else m.claims[0]
            out.append((other, m.note))
    return out


def marks_on_event(marks: list[DisagreementMark], corpus: Corpus,
                   event_id: str) -> list[DisagreementMark]:
    """The hand marks with a claim on the event."""
    def on(cid: str) -> bool:
        claim = corpus.claims.get(cid)
        return claim is not None and event_id in claim.events
    return [m for m in marks if any(on(c) for c in m.claims)]


# ---------------------------------------------------------------- framing, folded per source


def lexicon_by_source(analysis: EventAnalysis) -> dict[str, list[tuple[str, int]]]:
    """Article -> (term, uses), most used first: the one line a column shows folded."""
    per: dict[str, Counter[str]] = {}
    for hit in analysis.lexicon_hits:
        per.setdefault(hit.article, Counter())[hit.term] += 1
    return {a: sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) for a, c in per.items()}


def lexicon_by_group(analysis: EventAnalysis, group_labels: dict[str, str]
                     ) -> list[tuple[str, dict[str, list[tuple[str, int]]]]]:
    """(group label, article -> (term, uses)) for the lexicon opened with f."""
    groups: dict[str, dict[str, Counter[str]]] = {}
    for hit in analysis.lexicon_hits:
        groups.setdefault(hit.group, {}).setdefault(hit.article, Counter())[hit.term] += 1
    return [(group_labels.get(g, g), {a: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))
                                       for a, c in per.items()})
            for g, per in groups.items()]


def terms_text(terms: list[tuple[str, int]]) -> str:
    return ", ".join(f"{t} ×{n}" if n > 1 else t for t, n in terms)


def distinctive(analysis: EventAnalysis, article: str) -> list[str]:
    """The source's significant distinctive terms (z >= 1.96), none when none reaches it."""
    return term_names(analysis.framing.get(article, []))


def also_about(claim: Claim, event_id: str, events: dict[str, Event]) -> list[str]:
    """Titles of the claim's other events (c in the view compares the next one)."""
    return [events[e].title if e in events else e for e in claim.events if e != event_id]


def claims_on(corpus: Corpus, article: str, event_id: str) -> list[Claim]:
    return [c for c in corpus.claims_for_article(article) if event_id in c.events]
