"""The Obsidian export: a folder of linked notes, for a vault (or any Markdown notes tool).

    <folder>/
      <briefing-title>.md     the brief: synthesis, key findings, disagreements, and links
      sources/<author-title>.md   a note per source: front matter (authors, outlet, date,
                                  URL, translator, what was inferred), its annotated claims
      events/<title>.md           a note per event: front matter (date, end), its claims by
                                  source, linking to the source notes

Links are wikilinks (``[[sources/name|shown text]]``).  File names come from
briefing.export.write.safe_filename: lower-case ASCII words and hyphens, so no name can
climb out of the folder or clash with a device name; the shown text of a link has the
characters that end or split a wikilink (``[ ] | # ^``) replaced.  Note bodies are escaped
like the Markdown brief (briefing.export.mdsafe).
"""

from __future__ import annotations

import re

import yaml

from briefing.export import cite
from briefing.export.brief import Brief, ClaimEntry
from briefing.export.markdown import (
    annotation_lines, disagreements_section, findings_section, reference, short_ref,
    synthesis_section,
)
from briefing.export.mdsafe import escape_block, escape_inline
from briefing.export.write import safe_filename
from briefing.model import Article, Event
from briefing.text import clean_line

_WIKILINK_BREAKERS = re.compile(r"[\[\]|#^]")


def wikilink(target: str, shown: str) -> str:
    """``[[target|shown]]``; ``target`` is one of our safe names (folder/stem)."""
    text = _WIKILINK_BREAKERS.sub(" ", clean_line(shown)).strip() or target
    return f"[[{target}|{text}]]"


def _names(items: list[tuple[str, str]], folder: str) -> dict[str, str]:
    """key -> "folder/stem", stems unique within the folder."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for key, label in items:
        stem = safe_filename(label, "", fallback="note")[:60].strip("-") or "note"
        candidate, n = stem, 2
        while candidate in used:
            candidate, n = f"{stem}-{n}", n + 1
        used.add(candidate)
        out[key] = f"{folder}/{candidate}"
    return out


def _front(meta: dict) -> list[str]:
    meta = {k: v for k, v in meta.items() if v not in (None, [], {})}
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1 << 16)
    return ["---", *dumped.rstrip("\n").split("\n"), "---", ""]


def _source_note(brief: Brief, article: Article, links: dict[str, str], index: str) -> str:
    meta = {"title": clean_line(article.title), "authors": [clean_line(a) for a in
                                                             article.authors],
            "outlet": article.outlet, "published": article.published, "url": article.url,
            "translator": article.translator,
            "inferred": sorted(n for n in article.provenance if cite.inferred(article, n)),
            "tags": ["briefing/source"]}
    out = _front(meta)
    out += [f"# {escape_inline(cite.title(article))}", "", reference(article), "",
            f"Part of {wikilink(index, brief.title)}.", "", "## Annotated claims", ""]
    for entry in brief.entries:
        if entry.article is None or entry.article.id != article.id:
            continue
        out += _claim_note_part(brief, entry, links)
    return _finish(out)


def _claim_note_part(brief: Brief, entry: ClaimEntry, links: dict[str, str]) -> list[str]:
    out = ["> " + (escape_inline(entry.quote) or "(no quote)"), ""]
    where = cite.location(entry)
    events = ", ".join(wikilink(links[e.id], e.title) for e in entry.events)
    line = escape_inline(where[:1].upper() + where[1:]) if where else ""
    if events:
        line += ("; events: " if line else "Events: ") + events
    if line:
        out += [line, ""]
    return out + annotation_lines(brief, entry)


def _event_note(brief: Brief, event: Event, links: dict[str, str], index: str) -> str:
    meta = {"title": clean_line(event.title), "date": event.date, "end": event.end,
            "tags": ["briefing/event"]}
    out = _front(meta)
    out += [f"# {escape_inline(event.title)} ({escape_inline(cite.date_range(event))})", ""]
    if event.summary:
        out += escape_block(event.summary) + [""]
    out += [f"Part of {wikilink(index, brief.title)}.", ""]
    group = next(g for g in brief.groups if g.event is not None and g.event.id == event.id)
    for source in group.sources:
        out += ["## " + wikilink(links[source.article.id],
                                 f"{cite.byline(source.article)}: {cite.title(source.article)}"),
                ""]
        for entry in source.claims:
            out += ["> " + (escape_inline(entry.quote) or "(no quote)"), ""]
            if where := cite.location(entry):
                out += [escape_inline(where[:1].upper() + where[1:]), ""]
    return _finish(out)


def _index_note(brief: Brief, links: dict[str, str]) -> str:
    meta = {"title": clean_line(brief.title), "date": brief.generated[:10],
            "generated": brief.generated, "author": brief.author,
            "filters": brief.filters.as_dict(), "annotations": brief.annotation_count,
            "tags": ["briefing/brief"]}
    out = _front(meta)
    out += [f"# {escape_inline(brief.title)}", ""]
    def ref(article: Article) -> str:  # a source with a note is a link to it
        if article.id in links:
            return wikilink(links[article.id], cite.short(article))
        return short_ref(article)

    out += synthesis_section(brief) + findings_section(brief, ref) \
        + disagreements_section(brief, ref)
    out += ["## Events", ""]
    for group in brief.groups:
        if group.event is not None:
            out.append(f"- {wikilink(links[group.event.id], group.event.title)} "
                       f"({escape_inline(cite.date_range(group.event))}): "
                       f"{group.claim_count} claim{'s' if group.claim_count != 1 else ''}")
    if not any(g.event is not None for g in brief.groups):
        out.append("- No annotated claim is linked to an event.")
    out += ["", "## Sources", ""]
    for article, n in brief.by_source:
        out.append(f"- {wikilink(links[article.id], cite.short(article))}: "
                   f"{n} claim{'s' if n != 1 else ''}")
    if brief.orphans or any(g.event is None for g in brief.groups):
        out += ["", "Claims not linked to an event are in their source's note; annotations on "
                "claims no longer in the briefing are in the Markdown and JSON exports."]
    return _finish(out)


def _finish(lines: list[str]) -> str:
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def render_obsidian(brief: Brief) -> dict[str, str]:
    """Relative path -> note text, for briefing.export.write.write_folder."""
    events = [g.event for g in brief.groups if g.event is not None]
    links = _names([(a.id, f"{cite.short(a)} {a.title}" if a.authors else cite.short(a))
                    for a in brief.sources], "sources")
    links |= _names([(e.id, e.title) for e in events], "events")
    index = safe_filename(brief.title, "", fallback="brief")[:60].strip("-") or "brief"
    files = {f"{index}.md": _index_note(brief, links)}
    for article in brief.sources:
        files[links[article.id] + ".md"] = _source_note(brief, article, links, index)
    for event in events:
        files[links[event.id] + ".md"] = _event_note(brief, event, links, index)
    return files
