"""The JSON export: the same content as the Markdown brief, for scripts.

Top level: ``format``, ``title``, ``generated``, ``filters``, ``summary`` (counts),
``groups`` (event -> sources -> claims -> annotations, same order as the Markdown),
``orphaned`` (annotations whose claim no longer exists) and ``sources``.  Each annotation
carries its full history.  Citations are structured (article, section, paragraph).
"""

from __future__ import annotations

import json
from typing import Any

from briefing.export.brief import Brief, ClaimEntry
from briefing.model import Article, Event

FORMAT = "briefing-export"
VERSION = 1


def _article(a: Article) -> dict[str, Any]:
    return {"id": a.id, "title": a.title, "authors": list(a.authors), "outlet": a.outlet,
            "published": a.published, "url": a.url, "language": a.language, "genre": a.genre}


def _event(e: Event) -> dict[str, Any]:
    return {"id": e.id, "title": e.title, "date": e.date, "end": e.end, "summary": e.summary}


def _claim(entry: ClaimEntry) -> dict[str, Any]:
    out: dict[str, Any] = {"claim_id": entry.claim_id, "quote": entry.quote,
                           "exists": entry.claim is not None}
    if entry.claim is not None:
        out["kind"] = entry.claim.kind
        out["speaker"] = entry.claim.speaker
        out["events"] = [e.id for e in entry.events]
        out["citation"] = {
            "article_id": entry.claim.article_id,
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
        "title": brief.title, "generated": brief.generated,
        "filters": brief.filters.as_dict(),
        "summary": {
            "annotations": brief.annotation_count, "claims": brief.claim_count,
            "by_tag": dict(brief.by_tag),
            "by_source": {a.id: n for a, n in brief.by_source},
            "by_event": {e.id: n for e, n in brief.by_event},
        },
        "groups": [
            {"event": _event(g.event) if g.event else None,
             "sources": [{"article_id": s.article.id, "claims": [_claim(c) for c in s.claims]}
                         for s in g.sources]}
            for g in brief.groups
        ],
        "orphaned": [_claim(c) for c in brief.orphans],
        "sources": [_article(a) for a in brief.sources],
    }


def render_json(brief: Brief) -> str:
    return json.dumps(export_data(brief), ensure_ascii=False, indent=2) + "\n"
