"""The stable JSON shapes of the analysis (documented in docs/json.md).

Field names here are a public contract for scripts: add fields, never rename or remove them.
"""

from __future__ import annotations

from typing import Any

from briefing.analysis.framing import SIGNIFICANT_Z
from briefing.model import Claim, Corpus, Event


def number(value: float | str) -> float | int | str:
    """1960.0 -> 1960: integral figures print as integers."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def claim_json(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "article": claim.article_id,
        "events": list(claim.events),
        "quote": claim.quote,
        "kind": claim.kind,
        "speaker": claim.speaker,
        "figures": [
            {"quantity": f.quantity, "value": number(f.value), "unit": f.unit, "text": f.text,
             "approx": f.approx}
            for f in claim.figures
        ],
        "dates": [{"value": d.value, "what": d.what, "text": d.text} for d in claim.dates],
        "actors": list(claim.actors),
        "frame": claim.frame,
        "paragraph": claim.paragraph_id,
        "start": claim.start,
        "end": claim.end,
    }


def event_json(event: Event, corpus: Corpus) -> dict[str, Any]:
    return {
        "id": event.id,
        "title": event.title,
        "date": event.date,
        "end": event.end,
        "summary": event.summary,
        "actors": list(event.actors),
        "sources": corpus.sources_for_event(event.id),
    }


def _value_json(v) -> dict[str, Any]:
    return {"article": v.article, "claim": v.claim, "value": number(v.value), "text": v.text,
            "unit": v.unit, "approx": v.approx}


def finding_json(f) -> dict[str, Any]:
    return {
        "quantity": f.quantity,
        "kind": f.kind,
        "events": list(f.events),
        "values": [_value_json(v) for v in f.values],
        "verdict": f.verdict,
        "pairs": [{"a": p.a.claim, "b": p.b.claim, "relation": p.relation} for p in f.pairs],
    }


def office_json(f) -> dict[str, Any]:
    """A person given titles by two sources that cannot both be right (analysis.offices)."""
    def mention(m) -> dict[str, Any]:
        return {"article": m.article, "paragraph": m.paragraph, "start": m.start, "end": m.end,
                "name": str(m.name), "title": m.title.text, "rank": m.title.rank,
                "office": " ".join(m.title.office) or None, "body": m.title.body,
                "claims": list(m.claims), "sentence": m.sentence}

    return {"person": f.person, "kind": f.kind, "a": mention(f.a), "b": mention(f.b)}


def attribution_json(f) -> dict[str, Any]:
    """One event credited to different go-betweens by two sources (analysis.attribution)."""
    def side(a) -> dict[str, Any]:
        return {"article": a.article, "claim": a.claim or None, "actors": list(a.actors),
                "written": a.written, "sentence": a.sentence}

    return {"event": f.event, "a": side(f.a), "b": side(f.b)}


def mark_json(mark, corpus: Corpus) -> dict[str, Any]:
    """A disagreement marked by hand (briefing.store.marks), with the claims as loaded now."""
    claims = []
    for cid, quote in zip(mark.claims, mark.quotes):
        claim = corpus.claims.get(cid)
        claims.append({"claim": cid, "article": claim.article_id if claim else None,
                       "events": list(claim.events) if claim else [],
                       "quote": claim.quote if claim else quote, "found": claim is not None})
    return {"id": mark.id, "claims": claims, "note": mark.note, "author": mark.author,
            "created": mark.created, "updated": mark.updated}


def comparison_json(cmp, corpus: Corpus) -> dict[str, Any]:
    return {
        "event": event_json(cmp.event, corpus),
        "sources": [
            {"article": s.article, "covers": s.covers,
             "claims": [claim_json(c) for c in s.claims]}
            for s in cmp.sources
        ],
        "not_covering": cmp.not_covering,
        "disagreements": [finding_json(f) for f in cmp.disagreements],
        "agreements": [finding_json(f) for f in cmp.agreements],
        "compatible": [finding_json(f) for f in cmp.compatible],
        "framing": {
            aid: [{"term": t.term, "z": t.z, "count": t.count, "others": t.others}
                  for t in terms]
            for aid, terms in cmp.framing.items()
        },
        "lexicon": lexicon_json(cmp.lexicon),
        "framing_min_z": SIGNIFICANT_Z,
    }


def lexicon_json(groups) -> list[dict[str, Any]]:
    return [
        {"group": g.group, "label": g.label,
         "terms": [{"term": t.term, "counts": dict(t.counts)} for t in g.terms]}
        for g in groups
    ]


def coverage_json(cov, corpus: Corpus) -> dict[str, Any]:
    return {
        "sources": [
            {"article": aid, "title": corpus.articles[aid].title, **cov.per_source[aid]}
            for aid in cov.sources
        ],
        "events": [
            {"id": eid, "title": corpus.events[eid].title, "date": corpus.events[eid].date,
             "sources": cov.covering(eid), "claims": dict(cov.matrix[eid])}
            for eid in cov.events
        ],
        "single_source": list(cov.single_source),
        "uncovered": list(cov.uncovered),
    }
