"""The JSON export: the brief's content, structured, with the ids scripts need.

Documented field by field in docs/json.md ("briefing export --format json").  Each claim is
listed once in ``claims`` (with its events); ``events`` and ``key_findings`` refer to claims
by id, so a claim about several events is not repeated.  Each annotation carries its history.
"""

from __future__ import annotations

import json
from typing import Any

from briefing.analysis.serialize import finding_json
from briefing.export import cite
from briefing.export.brief import Brief, ClaimEntry
from briefing.model import Article, Event

FORMAT = "briefing-export"
VERSION = 2


def _provenance(a: Article) -> dict[str, Any]:
    return {name: {"basis": p.basis, "note": p.note} for name, p in a.provenance.items()}


def _article(a: Article) -> dict[str, Any]:
    return {"id": a.id, "title": a.title, "subtitle": a.subtitle, "authors": list(a.authors),
            "outlet": a.outlet, "published": a.published, "url": a.url,
            "translator": a.translator, "language": a.language, "genre": a.genre,
            "inferred": sorted(n for n in a.provenance if cite.inferred(a, n)),
            "provenance": _provenance(a), "reference": ", ".join(cite.source_parts(a))}


def _event(e: Event) -> dict[str, Any]:
    return {"id": e.id, "title": e.title, "date": e.date, "end": e.end, "summary": e.summary}


def _claim(entry: ClaimEntry) -> dict[str, Any]:
    out: dict[str, Any] = {"claim_id": entry.claim_id, "quote": entry.quote,
                           "exists": entry.claim is not None, "tags": entry.tags}
    if entry.claim is not None:
        out["kind"] = entry.claim.kind
        out["speaker"] = entry.claim.speaker
        out["events"] = [e.id for e in entry.events]
        out["citation"] = {
            "article_id": entry.claim.article_id,
            "text": cite.plain_citation(entry),
            "section": entry.section.index if entry.section else None,
            "section_title": entry.section.title if entry.section else None,
            "paragraph": entry.paragraph.index if entry.paragraph else None,
            "paragraph_id": entry.paragraph.id if entry.paragraph else None,
            "start": entry.claim.start, "end": entry.claim.end,
        }
    out["annotations"] = [a.to_json() for a in entry.annotations]
    return out


def export_data(brief: Brief) -> dict[str, Any]:
    return {
        "format": FORMAT, "version": VERSION,
        "title": brief.title, "generated": brief.generated, "author": brief.author,
        "filters": brief.filters.as_dict(),
        "synthesis": [{"author": s.author, "text": s.text, "updated": s.updated,
                       "version": s.version} for s in brief.synthesis],
        "summary": {
            "annotations": brief.annotation_count, "claims": brief.claim_count,
            "sources": len(brief.sources),
            "by_tag": dict(brief.by_tag),
            "by_source": {a.id: n for a, n in brief.by_source},
            "by_event": {e.id: n for e, n in brief.by_event},
            "not_linked": brief.unlinked_count, "orphaned": len(brief.orphans),
        },
        "key_findings": [{"tag": f.tag, "claims": [e.claim_id for e in f.claims]}
                         for f in brief.findings],
        "disagreements": [finding_json(f) for f in brief.disagreements],
        "events": [{"event": _event(g.event) if g.event else None,
                    "claims": [c.claim_id for s in g.sources for c in s.claims]}
                   for g in brief.groups],
        "claims": [_claim(e) for e in brief.entries],
        "sources": [_article(a) for a in brief.sources],
    }


def render_json(brief: Brief) -> str:
    return json.dumps(export_data(brief), ensure_ascii=False, indent=2) + "\n"
