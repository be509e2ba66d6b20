"""Figures and dates that different sources give for the same thing: conflicts, compatible
values and real agreements.

Claims carry shared keys: ``Figure.quantity`` ("russian-peacekeepers-nk") and ``DateRef.what``
("csto-founded").  All values given under one key are gathered; only values from DIFFERENT
articles are weighed against each other, so one article repeating its own figure is neither
an agreement nor a disagreement.

Each value is read with its precision (briefing.analysis.precision: a month covers its days,
"the night of 12-13 September" two days, "about 100" a tolerance) and two values are in one
of three relations: ``conflict`` (both cannot be true), ``compatible`` (both can, neither
confirms the other: a month and a day in it) or ``agree`` (the same value at the same
precision).

Two articles are read together: their relation on a key is the best relation between any value
of one and any value of the other (an article that writes "12 September" and, elsewhere, "the
night of 12-13 September" is compatible with one that writes "13 September").  A key is then

- a DISAGREEMENT when some pair of articles conflicts;
- COMPATIBLE when no pair conflicts but some pair only is compatible;
- an AGREEMENT when every pair of articles agrees.

Every value under the key is listed, and ``pairs`` names the value pairs behind the verdict,
so a view never says a value differs from itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from briefing.analysis import precision as pr
from briefing.model import Claim, Corpus

DISAGREEMENT, COMPATIBLE, AGREEMENT = "disagreement", "compatible", "agreement"
_VERDICT = {pr.CONFLICT: DISAGREEMENT, pr.COMPATIBLE: COMPATIBLE, pr.AGREE: AGREEMENT}


@dataclass(frozen=True, slots=True)
class Value:
    article: str
    claim: str
    value: float | str  # a number for figures, an ISO (partial) date string for dates
    text: str | None = None  # as written in the article, when the claim says
    unit: str | None = None
    approx: bool = False

    def span(self, kind: str) -> pr.Span | None:
        if kind == "date":
            return pr.date_span(str(self.value), self.text)
        return pr.figure_span(float(self.value), self.text, self.approx)


@dataclass(frozen=True, slots=True)
class Pair:
    """Two values from different articles and how they relate ("conflict", ...)."""

    a: Value
    b: Value
    relation: str


@dataclass(slots=True)
class Finding:
    """One shared key (a quantity or a date's ``what``) and every value given for it."""

    kind: str  # "figure" | "date"
    quantity: str  # the shared key: Figure.quantity or DateRef.what
    values: list[Value] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # events of the claims involved
    verdict: str | None = None  # "disagreement" | "compatible" | "agreement"
    pairs: list[Pair] = field(default_factory=list)  # the value pairs behind the verdict

    @property
    def articles(self) -> list[str]:
        seen: dict[str, None] = {}
        for v in self.values:
            seen.setdefault(v.article, None)
        return list(seen)

    def distinct(self) -> list[float | str]:
        """The distinct values given, in first-seen order."""
        out: list[float | str] = []
        for v in self.values:
            if v.value not in out:
                out.append(v.value)
        return out

    def against(self, claim_id: str) -> list[Pair]:
        """The pairs behind the verdict that involve one claim (its value is ``a``)."""
        out = []
        for p in self.pairs:
            if p.a.claim == claim_id:
                out.append(p)
            elif p.b.claim == claim_id:
                out.append(Pair(p.b, p.a, p.relation))
        return out


@dataclass(slots=True)
class Findings:
    disagreements: list[Finding] = field(default_factory=list)
    agreements: list[Finding] = field(default_factory=list)
    compatible: list[Finding] = field(default_factory=list)


def same_value(kind: str, a: Value, b: Value) -> bool:
    """True when two values confirm each other (the "agree" relation)."""
    return value_relation(kind, a, b) == pr.AGREE


def value_relation(kind: str, a: Value, b: Value) -> str:
    sa, sb = a.span(kind), b.span(kind)
    if sa is None or sb is None:  # unreadable (the loader rejects these): compare as written
        return pr.AGREE if a.value == b.value else pr.CONFLICT
    return pr.relation(sa, sb)


def collect(claims: Iterable[Claim]) -> dict[tuple[str, str], Finding]:
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


def article_relations(finding: Finding) -> dict[tuple[str, str], tuple[str, list[Pair]]]:
    """For each pair of articles giving the key (in order of first appearance): their relation
    (the best between any value of one and any value of the other) and the pairs behind it."""
    by_article: dict[str, list[Value]] = {}
    for v in finding.values:
        by_article.setdefault(v.article, []).append(v)
    articles = list(by_article)
    out: dict[tuple[str, str], tuple[str, list[Pair]]] = {}
    for i, a in enumerate(articles):
        for b in articles[i + 1:]:
            pairs = [Pair(va, vb, value_relation(finding.kind, va, vb))
                     for va in by_article[a] for vb in by_article[b]]
            best = max((p.relation for p in pairs), key=pr.RANK.__getitem__)
            out[(a, b)] = (best, [p for p in pairs if p.relation == best])
    return out


def classify(finding: Finding) -> str | None:
    """"disagreement", "compatible", "agreement", or None (one article only).

    Also fills ``finding.verdict`` and ``finding.pairs``.
    """
    relations = article_relations(finding)
    if not relations:
        return None
    worst = min((r for r, _ in relations.values()), key=pr.RANK.__getitem__)
    finding.verdict = _VERDICT[worst]
    finding.pairs = [p for r, pairs in relations.values() if r == worst for p in pairs]
    return finding.verdict


def find(claims: Iterable[Claim], article_order: list[str] | None = None) -> Findings:
    """Disagreements, compatible values and agreements among ``claims`` (any subset)."""
    order = {aid: n for n, aid in enumerate(article_order or [])}
    result = Findings()
    lists = {DISAGREEMENT: result.disagreements, AGREEMENT: result.agreements,
             COMPATIBLE: result.compatible}
    for finding in collect(claims).values():
        finding.values.sort(key=lambda v: (order.get(v.article, len(order)), v.claim))
        verdict = classify(finding)
        if verdict is not None:
            lists[verdict].append(finding)
    for lst in lists.values():
        lst.sort(key=lambda f: (f.kind != "figure", f.quantity))
    return result


def for_event(corpus: Corpus, event_id: str) -> Findings:
    return find(corpus.claims_for_event(event_id), list(corpus.articles))


def for_corpus(corpus: Corpus) -> Findings:
    return find(corpus.claims.values(), list(corpus.articles))
