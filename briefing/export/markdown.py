"""The Markdown brief (issue 6 §4): reads well on its own, on GitHub and in Obsidian.

Layout::

    ---                                    YAML front matter (yaml.safe_dump)
    title / generated / briefing / filters / annotations
    ---
    # Title
    ## Summary            counts by tag, source and event
    ## <Event> (date)     events in date order
    ### <Source>          sources in corpus order
    #### Claim <id>       > quote  >  > — citation ; who, when, tags ; the note
    ## Claims not linked to an event / ## Annotations on claims no longer in the briefing
    ## Sources            numbered list

Every user or content string goes through briefing.export.mdsafe, so nothing in a note,
tag, title or quote can add or close a block; tests parse the output with markdown-it-py
and lint it with pymarkdownlnt (.pymarkdown.json).
"""

from __future__ import annotations

import yaml

from briefing.export.brief import Brief, ClaimEntry
from briefing.export.mdsafe import autolink, code_span, escape_block, escape_inline
from briefing.model import Article, Event
from briefing.text import clean_line


def _date_range(event: Event) -> str:
    if event.date and event.end and event.end != event.date:
        return f"{event.date} to {event.end}"
    return event.date or "undated"


def _event_heading(event: Event) -> str:
    return f"{escape_inline(event.title)} ({escape_inline(_date_range(event))})"


def _source_name(article: Article) -> str:
    return f"{escape_inline(article.byline)}: {_title(article)}"


def _title(article: Article) -> str:
    title = escape_inline(article.title)
    return f"*{title}*" if title else "untitled"


def _citation(entry: ClaimEntry) -> str:
    article = entry.article
    assert article is not None
    parts = [escape_inline(article.byline), _title(article),
             escape_inline(article.outlet) if article.outlet else "outlet unknown",
             escape_inline(article.published) if article.published else "undated"]
    where = []
    if entry.section is not None:
        if entry.section.index == 0 or not entry.section.title:
            where.append("opening section" if entry.section.index == 0
                         else f"section {entry.section.index}")
        else:
            where.append(f"section {entry.section.index} “{escape_inline(entry.section.title)}”")
    if entry.paragraph is not None:
        where.append(f"paragraph {entry.paragraph.index}")
        where.append(code_span(entry.paragraph.id))
    text = ", ".join(parts)
    if where:
        text += "; " + ", ".join(where)
    if len(entry.events) > 1:
        text += "; events: " + ", ".join(escape_inline(e.title) for e in entry.events)
    link = autolink(article.url)
    if link:
        text += f"; {link}"
    return text


def _claim(entry: ClaimEntry, level: int) -> list[str]:
    out = [f"{'#' * level} Claim {code_span(entry.claim_id)}", ""]
    out.append("> " + (escape_inline(entry.quote) or "(no quote)"))
    if entry.article is not None:
        out += [">", "> — " + _citation(entry)]
    out.append("")
    for ann in entry.annotations:
        when = escape_inline(ann.updated[:10])
        who = f"*{escape_inline(ann.author) or 'unknown'}{', ' + when if when else ''}*"
        tags = ", ".join(code_span(t) for t in ann.tags)
        out.append(f"{who}: tags {tags}" if tags else f"{who}: no tags")
        out.append("")
        if entry.claim is None and ann.quote and ann.quote != entry.quote:
            out += ["Annotated quote: " + escape_inline(ann.quote), ""]
        note = escape_block(ann.note)
        if note:
            out += note + [""]
    return out


def _front_matter(brief: Brief, briefing_title: str | None) -> list[str]:
    meta = {"title": clean_line(brief.title), "generated": brief.generated}
    if briefing_title:
        meta["briefing"] = clean_line(briefing_title)
    meta["filters"] = brief.filters.as_dict()
    meta["annotations"] = brief.annotation_count
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1 << 16,
                            default_flow_style=False)
    return ["---", *dumped.rstrip("\n").split("\n"), "---", ""]


def render_markdown(brief: Brief, briefing_title: str | None = None) -> str:
    out = _front_matter(brief, briefing_title)
    out += [f"# {escape_inline(brief.title) or 'Annotations'}", ""]
    out += [f"Generated {escape_inline(brief.generated)}.", ""]
    filters = brief.filters.as_dict()
    if filters:
        shown = "; ".join(f"{name}: " + ", ".join(code_span(v) for v in values)
                          for name, values in filters.items())
        out += [f"Filters: {shown}.", ""]

    out += ["## Summary", ""]
    out += [f"{brief.annotation_count} annotation(s) on {brief.claim_count} claim(s) from "
            f"{len(brief.sources)} source(s).", ""]
    if brief.by_tag:
        out += ["### By tag", ""] + [f"- {code_span(t)}: {n}" for t, n in brief.by_tag] + [""]
    if brief.by_source:
        out += ["### By source", ""]
        out += [f"- {_source_name(a)}: {n}" for a, n in brief.by_source] + [""]
    if brief.by_event:
        out += ["### By event", ""]
        out += [f"- {_event_heading(e)}: {n}" for e, n in brief.by_event] + [""]

    for group in brief.groups:
        if group.event is not None:
            out += [f"## {_event_heading(group.event)}", ""]
            if group.event.summary:
                out += escape_block(group.event.summary) + [""]
        else:
            out += ["## Claims not linked to an event", ""]
        for source in group.sources:
            out += [f"### {_source_name(source.article)}", ""]
            for entry in source.claims:
                out += _claim(entry, 4)

    if brief.orphans:
        out += ["## Annotations on claims no longer in the briefing", ""]
        for entry in brief.orphans:
            out += _claim(entry, 3)

    if brief.sources:
        out += ["## Sources", ""]
        for n, article in enumerate(brief.sources, start=1):
            bits = [escape_inline(article.byline), _title(article),
                    escape_inline(article.outlet) if article.outlet else "outlet unknown",
                    escape_inline(article.published) if article.published else "undated"]
            link = autolink(article.url)
            line = f"{n}. " + ", ".join(bits) + f" ({code_span(article.id)})"
            out.append(line + (f" {link}" if link else ""))
        out.append("")
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
