"""Highlights (passages that are not claims) in an export: a Markdown section, JSON items,
CSV rows (one each, after the annotations' rows), and in the Obsidian export a section of
their source's note (briefing.export.obsidian).

Kept apart from the brief's claim structure so a text export can add them with one call:
``with_highlights(text, fmt, highlights, corpus, brief)``.  User text (quote, note, tags) is escaped
as everywhere in the Markdown export (briefing.export.mdsafe).
"""

from __future__ import annotations

import json
from typing import Any

from briefing.export import cite
from briefing.export.brief import Brief, ClaimEntry, section_of
from briefing.export.markdown import reference
from briefing.export.mdsafe import code_span, escape_block, escape_inline
from briefing.model import Corpus
from briefing.store.highlights import Highlight
from briefing.text import clean, clean_line


def highlight_entry(hl: Highlight, corpus: Corpus | None) -> ClaimEntry:
    """The highlight's place as a citation knows it (article, section, paragraph)."""
    article = corpus.articles.get(hl.article_id) if corpus is not None else None
    para = corpus.paragraph(hl.paragraph_id) if article is not None and hl.paragraph_id \
        else None
    return ClaimEntry(claim=None, claim_id="", quote=hl.quote, article=article,
                      section=section_of(article, para), paragraph=para)


def highlight_rows(highlights: list[Highlight], corpus: Corpus | None,
                   brief: Brief) -> list[dict[str, str]]:
    """CSV rows in the annotations' columns (briefing.export.csv_export.COLUMNS)."""
    out = []
    for hl in highlights:
        entry = highlight_entry(hl, corpus)
        source = cite.plain_citation(entry) if entry.article is not None \
            else f"source no longer in the briefing ({clean_line(hl.article_id)})"
        url = entry.article.url or "" if entry.article is not None else ""
        out.append({"created": hl.created, "author": brief.author_name(clean_line(hl.author)),
                    "source": source, "URL": clean_line(url), "quote": clean_line(hl.quote),
                    "comment": clean(hl.note), "tags": ", ".join(hl.tags)})
    return out


def highlight_json(hl: Highlight, corpus: Corpus | None) -> dict[str, Any]:
    article = corpus.articles.get(hl.article_id) if corpus is not None else None
    return {**hl.to_json(), "article_title": article.title if article else None}


def highlights_markdown(highlights: list[Highlight], corpus: Corpus | None,
                        brief: Brief) -> list[str]:
    """The brief's "Highlights" section: each passage cited as the brief cites a claim (full
    reference, section and paragraph; no ids), its tags, who (when several wrote) and when."""
    out = ["## Highlights", ""]
    for hl in highlights:
        entry = highlight_entry(hl, corpus)
        out += [f"> {escape_inline(hl.quote)}", ">"]
        if entry.article is not None:
            where = cite.location(entry)
            out.append("> — " + reference(entry.article)
                       + (f"; {escape_inline(where)}" if where else ""))
        else:
            out.append("> — the source is no longer in the briefing")
        out += ["", *_about(hl, brief)]
        if hl.note.strip():
            out += escape_block(hl.note) + [""]
    return out


def _about(hl: Highlight, brief: Brief, where: str = "") -> list[str]:
    """The line under a highlight: where it stands, its tags, who (when several people wrote)
    and when; nothing when all of that is empty."""
    parts = [escape_inline(where[:1].upper() + where[1:])] if where else []
    if hl.tags:
        parts.append(("tags: " if parts else "Tags: ") + ", ".join(code_span(t) for t in hl.tags))
    who = brief.author_name(clean_line(hl.author)) if brief.show_authors else ""
    parts.append(_who_and_when(who, hl.created))  # a name keeps its own case
    line = "; ".join(p for p in parts if p)
    return [line, ""] if line else []


def _who_and_when(author: str, created: str) -> str:
    # Either can clean to nothing (a name of control characters in the store): no stray comma.
    return ", ".join(x for x in (escape_inline(author), escape_inline(created[:10])) if x)


def source_note_lines(highlights: list[Highlight], corpus: Corpus | None,
                      brief: Brief) -> list[str]:
    """A "Highlights" section for a source's own note (the Obsidian export): each passage,
    where it stands in the article, its tags, who and when, its note."""
    out = ["## Highlights", ""]
    for hl in highlights:
        out += [f"> {escape_inline(hl.quote)}", ""]
        out += _about(hl, brief, where=cite.location(highlight_entry(hl, corpus)))
        if hl.note.strip():
            out += escape_block(hl.note) + [""]
    return out


def with_highlights(text: str, fmt: str, highlights: list[Highlight],
                    corpus: Corpus | None, brief: Brief) -> str:
    """An export's text with the highlights added (a section, a ``highlights`` key, or CSV
    rows); authors are named as the ``brief`` names its own."""
    if not highlights:
        return text
    if fmt == "csv":
        from briefing.export.csv_export import csv_rows

        return text + csv_rows(highlight_rows(highlights, corpus, brief))
    if fmt == "json":
        data = json.loads(text)
        data["highlights"] = [highlight_json(h, corpus) for h in highlights]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return text.rstrip("\n") + "\n\n" + "\n".join(highlights_markdown(highlights, corpus, brief)).rstrip("\n") + "\n"
