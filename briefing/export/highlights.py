"""Highlights (passages that are not claims) in an export: a Markdown section, JSON items.

Kept apart from the brief's claim structure so an export can add them with one call:
``with_highlights(text, fmt, highlights, corpus)``.  User text (quote, note, tags) is escaped
as everywhere in the Markdown export (briefing.export.mdsafe).
"""

from __future__ import annotations

import json
from typing import Any

from briefing.export.mdsafe import code_span, escape_block, escape_inline
from briefing.model import Corpus
from briefing.store.highlights import Highlight


def highlight_json(hl: Highlight, corpus: Corpus | None) -> dict[str, Any]:
    article = corpus.articles.get(hl.article_id) if corpus is not None else None
    return {**hl.to_json(), "article_title": article.title if article else None}


def highlights_markdown(highlights: list[Highlight], corpus: Corpus | None) -> list[str]:
    out = ["## Highlights", ""]
    for hl in highlights:
        article = corpus.articles.get(hl.article_id) if corpus is not None else None
        source = escape_inline(article.title) if article else code_span(hl.article_id)
        out += [f"> {escape_inline(hl.quote)}", ""]
        cite = f"— {source}, {code_span(hl.paragraph_id or hl.article_id)}"
        if hl.tags:
            cite += "; tags: " + ", ".join(code_span(t) for t in hl.tags)
        cite += f"; {escape_inline(hl.author)}, {escape_inline(hl.created[:10])}"
        out += [cite, ""]
        if hl.note.strip():
            out += escape_block(hl.note) + [""]
    return out


def with_highlights(text: str, fmt: str, highlights: list[Highlight],
                    corpus: Corpus | None) -> str:
    """An export's text with the highlights added (a section, or a ``highlights`` key)."""
    if not highlights:
        return text
    if fmt == "json":
        data = json.loads(text)
        data["highlights"] = [highlight_json(h, corpus) for h in highlights]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return text.rstrip("\n") + "\n\n" + "\n".join(highlights_markdown(highlights, corpus)).rstrip("\n") + "\n"
