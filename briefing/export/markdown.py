"""The Markdown brief (issue 17): a document an analyst can hand on, on GitHub or in Obsidian.

Layout::

    ---                                  YAML front matter (yaml.safe_dump)
    title / date / generated / author / filters / annotations / claims / sources
    ---
    # <Briefing title>
    Prepared <date> [by <author>] from N annotations on M claims in K sources.
    ## Synthesis                         the analyst's own text (briefing synthesis)
    ## Key findings                      ### `tag` (n claims): the tagged claims, one line each
    ## Where the sources disagree        figures and dates two sources give differently
    ## Evidence                          counts, then ### <Event> (dates) / #### <Source>:
                                         > passage / > — full citation; tags; notes
    ## Sources                           numbered full references

No ids or internal paths: sources are cited by author, title, outlet, date, translator,
section and paragraph.  Every user or content string goes through briefing.export.mdsafe,
so nothing in a note, tag, title or quote can add or close a block; tests parse the output
with markdown-it-py and lint it with pymarkdownlnt (.pymarkdown.json).
"""

from __future__ import annotations

from typing import Callable

import yaml

from briefing.export import cite
from briefing.export.brief import Brief, ClaimEntry
from briefing.export.mdsafe import autolink, code_span, escape_block, escape_inline
from briefing.model import Article, Event
from briefing.text import clean_line


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _event_heading(event: Event) -> str:
    return f"{escape_inline(event.title)} ({escape_inline(cite.date_range(event))})"


def _source_heading(article: Article) -> str:
    return f"{escape_inline(cite.byline(article))}: *{escape_inline(cite.title(article))}*"


def reference(article: Article) -> str:
    """A full reference: author, *title*, outlet, date, translator, and the URL if known."""
    parts = [escape_inline(p) for p in cite.source_parts(article)]
    parts[1] = f"*{parts[1]}*"
    text = ", ".join(parts)
    link = autolink(article.url)
    if link:
        text += f", {link}"
    elif article.url:
        text += ", " + escape_inline(article.url)
    return text


def _citation(entry: ClaimEntry, also: list[Event]) -> str:
    assert entry.article is not None
    text = reference(entry.article)
    if where := cite.location(entry):
        text += "; " + escape_inline(where)
    if also:
        text += "; also under " + "; ".join(escape_inline(e.title) for e in also)
    return text


def _who(brief: Brief, author: str) -> str:
    if not brief.show_authors:
        return ""
    return f"*{escape_inline(brief.author_name(author)) or 'unnamed'}*: "


def annotation_lines(brief: Brief, entry: ClaimEntry) -> list[str]:
    out: list[str] = []
    for ann in entry.annotations:
        tags = ", ".join(code_span(t) for t in ann.tags)
        line = _who(brief, ann.author) + (f"Tags: {tags}" if tags else "")
        if line:
            out += [line.rstrip(": ") if not tags else line, ""]
        if entry.claim is None and ann.quote and ann.quote != entry.quote:
            out += ["Annotated quote: " + escape_inline(ann.quote), ""]
        note = escape_block(ann.note)
        if note:
            out += note + [""]
    return out


def _claim(brief: Brief, entry: ClaimEntry, under: Event | None = None) -> list[str]:
    out = ["> " + (escape_inline(entry.quote) or "(no quote)")]
    if entry.article is not None:
        also = [e for e in entry.events if under is None or e.id != under.id]
        out += [">", "> — " + _citation(entry, also)]
    else:
        out += [">", "> — the claim is no longer in the briefing; this is the quote annotated"]
    return out + [""] + annotation_lines(brief, entry)


def _front_matter(brief: Brief) -> list[str]:
    meta: dict = {"title": clean_line(brief.title), "date": brief.generated[:10],
                  "generated": brief.generated}
    if brief.author:
        meta["author"] = clean_line(brief.author)
    meta["filters"] = brief.filters.as_dict()
    meta["annotations"] = brief.annotation_count
    meta["claims"] = brief.claim_count
    meta["sources"] = len(brief.sources)
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1 << 16,
                            default_flow_style=False)
    return ["---", *dumped.rstrip("\n").split("\n"), "---", ""]


# as_dict's key names, said in words where the key alone would read as jargon
FILTER_NAMES = {"tags_any": "any of the tags"}


def _intro(brief: Brief) -> list[str]:
    by = f" by {escape_inline(brief.author)}" if brief.author else ""
    out = [f"Prepared {escape_inline(brief.generated[:10])}{by} from "
           f"{_plural(brief.annotation_count, 'annotation')} on "
           f"{_plural(brief.claim_count, 'claim')} in {_plural(len(brief.sources), 'source')}.",
           ""]
    filters = brief.filters.as_dict()
    if filters:
        shown = "; ".join(f"{FILTER_NAMES.get(name, name)}: "
                          + ", ".join(code_span(v) for v in values)
                          for name, values in filters.items())
        out += [f"Only annotations matching these filters: {shown}.", ""]
    return out


def synthesis_section(brief: Brief) -> list[str]:
    out = ["## Synthesis", ""]
    if not brief.synthesis:
        return out + ["No synthesis written yet: `briefing synthesis --edit` writes one, and "
                      "it opens the brief.", ""]
    for synthesis in brief.synthesis:
        if brief.show_authors:
            out += [f"By {escape_inline(brief.author_name(synthesis.author)) or 'unnamed'}:",
                    ""]
        out += escape_block(synthesis.text) + [""]
    return out


SourceRef = Callable[[Article], str]


def short_ref(article: Article) -> str:
    """A source named in running text: ``Tadevosian 2023`` (Obsidian links it instead)."""
    return escape_inline(cite.short(article))


def _finding_line(brief: Brief, entry: ClaimEntry, ref: SourceRef) -> str:
    quote = escape_inline(entry.quote) or "(no quote)"
    where = ref(entry.article) if entry.article is not None else "no longer in the briefing"
    line = f"- “{quote}” ({where})"
    notes = []
    for ann in entry.annotations:
        # Escaped before joining: a line of control characters alone escapes to nothing.
        text = " ".join(e for e in (escape_inline(part) for part in ann.note.split("\n")) if e)
        if text:
            notes.append(_who(brief, ann.author) + text)
    if notes:
        line += ": " + " / ".join(notes)
    return line


def findings_section(brief: Brief, ref: SourceRef = short_ref) -> list[str]:
    out = ["## Key findings", ""]
    if not brief.findings:
        return out + ["No claim is tagged yet: tag claims (`t` in the reader, or "
                      "`briefing annotate CLAIM --tag T`) to group them here.", ""]
    out += ["The claims you tagged, under each tag; the evidence cites each in full.", ""]
    for finding in brief.findings:
        out += [f"### {code_span(finding.tag)} ({_plural(len(finding.claims), 'claim')})", ""]
        out += [_finding_line(brief, e, ref) for e in finding.claims] + [""]
    return out


def disagreements_section(brief: Brief, ref: SourceRef = short_ref) -> list[str]:
    out = ["## Where the sources disagree", ""]
    if not brief.disagreements:
        return out + ["No figure or date is given differently by two sources.", ""]
    out += ["Figures and dates two or more sources give differently for the same thing.", ""]
    for finding in brief.disagreements:
        events = [brief.events[e] for e in finding.events if e in brief.events]
        about = (" (" + "; ".join(escape_inline(e.title) for e in events) + ")") if events else ""
        kind = "figure" if finding.kind == "figure" else "date"
        out.append(f"- {escape_inline(brief.quantity_labels[finding.quantity])}, a {kind}{about}:")
        shown: set[tuple[str, object]] = set()
        for value in finding.values:
            if (value.article, value.value) in shown:
                continue  # one source repeating its own value: once is enough
            shown.add((value.article, value.value))
            article = brief.articles.get(value.article)
            who = ref(article) if article else escape_inline(value.article)
            text = escape_inline(cite.value_text(value.value, value.unit))
            if value.approx:
                text = "about " + text
            if value.text:
                text += f" (“{escape_inline(value.text)}”)"
            out.append(f"  - {text}: {who}")
    return out + [""]


def _evidence(brief: Brief) -> list[str]:
    out = ["## Evidence", ""]
    if not brief.entries:
        return out + ["No annotations to cite.", ""]
    out += ["Each annotated claim with its passage and citation, by event then source. A "
            "claim about several events is listed under each; the counts are the claims "
            "listed.", ""]
    for group in brief.groups:
        label = _event_heading(group.event) if group.event else "Not linked to an event"
        out.append(f"- {label}: {_plural(group.claim_count, 'claim')}")
    if brief.orphans:
        out.append(f"- No longer in the briefing: {_plural(len(brief.orphans), 'claim')}")
    out.append("")
    for group in brief.groups:
        if group.event is not None:
            out += [f"### {_event_heading(group.event)}", ""]
            if group.event.summary:
                out += escape_block(group.event.summary) + [""]
        else:
            out += ["### Not linked to an event", ""]
        for source in group.sources:
            out += [f"#### {_source_heading(source.article)}", ""]
            for entry in source.claims:
                out += _claim(brief, entry, group.event)
    if brief.orphans:
        out += ["### No longer in the briefing", "",
                "Annotations on claims the briefing no longer has, with the quote annotated.",
                ""]
        for entry in brief.orphans:
            out += _claim(brief, entry)
    return out


def _sources(brief: Brief) -> list[str]:
    if not brief.sources:
        return []
    out = ["## Sources", ""]
    counts = dict((a.id, n) for a, n in brief.by_source)
    for n, article in enumerate(brief.sources, start=1):
        out.append(f"{n}. {reference(article)} ({_plural(counts.get(article.id, 0), 'claim')} "
                   "cited)")
    return out + [""]


def render_markdown(brief: Brief, briefing_title: str | None = None) -> str:
    """The brief as CommonMark.  ``briefing_title`` is accepted for older callers; the title
    is the brief's own (the briefing's, unless given to build_brief)."""
    del briefing_title
    out = _front_matter(brief)
    out += [f"# {escape_inline(brief.title) or 'Brief'}", ""]
    out += _intro(brief)
    out += synthesis_section(brief)
    out += findings_section(brief)
    out += disagreements_section(brief)
    out += _evidence(brief)
    out += _sources(brief)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
