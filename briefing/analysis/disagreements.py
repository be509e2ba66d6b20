"""Figures and dates that different sources give differently for the same thing.

Claims carry shared keys: ``Figure.quantity`` ("russian-peacekeepers-nk") and ``DateRef.what``
("csto-founded").  All values given under one key are gathered; only values from DIFFERENT
articles are weighed against each other, so one article repeating its own figure is neither
an agreement nor a disagreement.

When two values are "the same" (the rule, stated once, here):
- figures: equal values; or, when BOTH are approximate ("some 7,000", "around 100"), values
  within 1 % of each other.  An exact figure is never matched loosely: 1,960 vs 1 900 differ.
- dates (ISO, possibly partial): equal at the precision both give.  "2022-12" and "2022-12-12"
  are consistent (the shorter one is a prefix of the longer), "2002" and "1994" are not.

A key is a DISAGREEMENT when two articles give values that are not the same; every value
under the key is listed (article, claim, value, text), so a reader sees the whole spread.
A key is an AGREEMENT when at least two articles give it and all their values are the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from briefing.model import Claim, Corpus

APPROX_TOLERANCE = 0.01  # relative, and only when both figures are approximate


@dataclass(frozen=True, slots=True)
class Value:
    article: str
    claim: str
    value: float | str  # a number for figures, an ISO (partial) date string for dates
    text: str | None = None  # as written in the article, when the claim says
    unit: str | None = None
    approx: bool = False


@dataclass(slots=True)
class Finding:
    """One shared key (a quantity or a date's ``what``) and every value given for it."""

    kind: str  # "figure" | "date"
    quantity: str  # the shared key: Figure.quantity or DateRef.what
    values: list[Value] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # events of the claims involved

    @property
    def articles(self) -> list[str]:
        seen: dict[str, None] = {}
        for v in self.values:
            seen.setdefault(v.article, None)
        return list(seen)

    def distinct(self) -> list[float | str]:
        """The distinct values given, in first-seen order.

        Approximate near-equal figures count once.  A partial date that a more precise one
        refines ("2022-09" beside "2022-09-12") is dropped: it conflicts with nothing.
        """
        out: list[Value] = []
        if self.kind == "date":
            given = [str(v.value) for v in self.values]
            for v in self.values:
                x = str(v.value)
                refined = any(w.startswith(x + "-") for w in given)
                if not refined and x not in (str(o.value) for o in out):
                    out.append(v)
            return [v.value for v in out]
        for v in self.values:
            if not any(same_figure(v, o) for o in out):
                out.append(v)
        return [v.value for v in out]


@dataclass(slots=True)
class Findings:
    disagreements: list[Finding] = field(default_factory=list)
    agreements: list[Finding] = field(default_factory=list)


def same_figure(a: Value, b: Value) -> bool:
    x, y = float(a.value), float(b.value)
    if x == y:
        return True
    if a.approx and b.approx:
        return abs(x - y) <= APPROX_TOLERANCE * max(abs(x), abs(y))
    return False


def same_date(a: Value, b: Value) -> bool:
    x, y = str(a.value), str(b.value)
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return long == short or long.startswith(short + "-")


def same_value(kind: str, a: Value, b: Value) -> bool:
    return same_figure(a, b) if kind == "figure" else same_date(a, b)


def _collect(claims: Iterable[Claim]) -> dict[tuple[str, str], Finding]:
    groups: dict[tuple[str, str], Finding] = {}
    for claim in claims:
        for fig in claim.figures:
            f = groups.setdefault(("figure", fig.quantity), Finding("figure", fig.quantity))
            f.values.append(Value(claim.article_id, claim.id, fig.value, fig.text, fig.unit,
                                  fig.approx))
            _add_events(f, claim)
        for date in claim.dates:
            if not date.what:
                continue  # a date without a key is not compared
            f = groups.setdefault(("date", date.what), Finding("date", date.what))
            f.values.append(Value(claim.article_id, claim.id, date.value, date.text))
            _add_events(f, claim)
    return groups


def _add_events(finding: Finding, claim: Claim) -> None:
    for e in claim.events:
        if e not in finding.events:
            finding.events.append(e)


def classify(finding: Finding) -> str | None:
    """"disagreement", "agreement", or None (one article only: nothing to compare)."""
    by_article: dict[str, list[Value]] = {}
    for v in finding.values:
        by_article.setdefault(v.article, []).append(v)
    if len(by_article) < 2:
        return None
    articles = list(by_article)
    for i, a in enumerate(articles):
        for b in articles[i + 1:]:
            for va in by_article[a]:
                for vb in by_article[b]:
                    if not same_value(finding.kind, va, vb):
                        return "disagreement"
    return "agreement"


def find(claims: Iterable[Claim], article_order: list[str] | None = None) -> Findings:
    """Disagreements and agreements among ``claims`` (any subset: one event, the corpus)."""
    order = {aid: n for n, aid in enumerate(article_order or [])}
    result = Findings()
    for finding in _collect(claims).values():
        verdict = classify(finding)
        if verdict is None:
            continue
        finding.values.sort(key=lambda v: (order.get(v.article, len(order)), v.claim))
        (result.disagreements if verdict == "disagreement" else result.agreements).append(finding)
    for lst in (result.disagreements, result.agreements):
        lst.sort(key=lambda f: (f.kind != "figure", f.quantity))
    return result


def for_event(corpus: Corpus, event_id: str) -> Findings:
    return find(corpus.claims_for_event(event_id), list(corpus.articles))


def for_corpus(corpus: Corpus) -> Findings:
    return find(corpus.claims.values(), list(corpus.articles))

