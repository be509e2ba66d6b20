"""Display pieces for annotations: tags, notes, one annotation in a list, a claim's summary.

Tags, notes, author names and quotes are untrusted (a teammate or a hand-edited store may
hold `[@click=app.quit]` or escape sequences): everything here is built as literal Content,
never parsed as markup, and cleaned again before display.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from textual.content import Content

from briefing.model import Corpus
from briefing.text import clean, clean_line

if TYPE_CHECKING:
    from briefing.store import Annotation, AnnotationStore
    from briefing.store.highlights import Highlight
    from briefing.tui.viewmodels.navigation import Location

MARK = "✎"  # shown beside annotated claims


def one_line(text: str | None, limit: int | None = None) -> str:
    """Untrusted text on one line, cut to ``limit`` characters with an ellipsis."""
    line = " ".join(clean_line(text or "").split())
    if limit is not None and len(line) > limit:
        line = line[: max(limit - 1, 0)].rstrip() + "…"
    return line


def tags_content(tags: Iterable[str]) -> Content:
    """``#russia  #csto``: each tag literal, in the accent style."""
    parts = [Content("#" + clean_line(t)).stylize("bold") for t in tags]
    return Content("  ").join(parts)


def note_lines(note: str, max_lines: int = 6) -> list[Content]:
    """The note as literal lines (Markdown shown as typed), at most ``max_lines``."""
    lines = clean(note or "").strip("\n").splitlines()
    # A pasted wall of text on one line must not fill the panel: each line is cut too.
    out = [Content(line if len(line) <= 300 else line[:299] + "…") for line in lines[:max_lines]]
    if len(lines) > max_lines:
        more = len(lines) - max_lines
        out.append(Content(f"… {more} more line(s); a opens the note").stylize("dim"))
    return out


def claim_annotations_content(store: "AnnotationStore | None", claim_id: str) -> Content:
    """The claim panel's annotation section: every author's tags and note on the claim."""
    if store is None:
        return Content("")
    from briefing.store.errors import StoreError  # loaded with the store: free by now

    try:
        items = store.for_claim(claim_id)
    except (StoreError, OSError):  # a store that fails to read must not break the claim panel
        return Content("Annotations could not be read.").stylize("dim")
    me = store.author
    if not items:
        return Content("t tags this claim · a writes a note").stylize("dim")
    items = sorted(items, key=lambda a: (a.author != me, a.author))
    lines: list[Content] = [Content(f"{MARK} Annotations").stylize("bold")]
    for annotation in items:
        who = "you" if annotation.author == me else annotation.author
        stamp = (annotation.updated or "")[:10]
        lines.append(Content.assemble((clean_line(who), "bold"), (f"  {stamp}", "dim")))
        if annotation.tags:
            lines.append(tags_content(annotation.tags))
        lines.extend(note_lines(annotation.note))
    return Content("\n").join(lines)


def source_label(corpus: Corpus, claim_id: str) -> tuple[str, str]:
    """(source title, first event title) of a claim; placeholders for a vanished claim."""
    claim = corpus.claims.get(claim_id)
    if claim is None:
        return "claim no longer in this briefing", ""
    article = corpus.articles.get(claim.article_id)
    source = article.title if article else claim.article_id
    event = corpus.events.get(claim.events[0]) if claim.events else None
    return source, (event.title if event else (claim.events[0] if claim.events else ""))


def annotation_row(corpus: Corpus, annotation: "Annotation", width: int = 76,
                   me: str | None = None) -> Content:
    """Three lines for the annotations list: where, the quote, tags and note excerpt."""
    width = max(width, 20)
    source, event = source_label(corpus, annotation.claim_id)
    who = "you" if me is not None and annotation.author == me else annotation.author
    head = f"{one_line(source, width // 2)}"
    if event:
        head += f" · {one_line(event)}"
    head = one_line(head, width - len(who) - 3)
    first = Content.assemble((head, "bold"), ("  ", ""), (one_line(who), "italic"))
    claim = corpus.claims.get(annotation.claim_id)
    quote = claim.quote if claim is not None else annotation.quote
    second = Content.assemble(("“", "dim"), one_line(quote, width - 2), ("”", "dim"))
    tags = tags_content(annotation.tags)
    note = one_line(annotation.note)
    room = width - len(tags.plain) - (2 if annotation.tags else 0)
    third = tags
    if note and room > 8:
        gap = "  " if annotation.tags else ""
        third = Content.assemble(tags, gap, (one_line(note, room), "dim italic"))
    return Content("\n").join([first, second, third])


def tag_count_line(counts: Iterable[tuple[str, int]], limit: int = 40) -> Content:
    """``#russia 3  #csto 2 ...`` for the counts bar."""
    parts = [Content.assemble(("#" + clean_line(tag), "bold"), (f" {n}", "dim"))
             for tag, n in list(counts)[:limit]]
    if not parts:
        return Content("No tags yet.").stylize("dim")
    return Content("  ").join(parts)


def highlight_row(corpus: Corpus, hl: "Highlight", width: int = 76) -> Content:
    """Three lines for a highlight in the annotations list: source, the passage, tags/note."""
    width = max(width, 20)
    article = corpus.articles.get(hl.article_id)
    source = article.title if article is not None else hl.article_id
    first = Content.assemble(("▌ ", "bold"), (one_line(source, width - len(hl.author) - 16), "bold"),
                             ("  highlight · ", "dim"), (one_line(hl.author), "italic"))
    second = Content.assemble(("“", "dim"), one_line(hl.quote, width - 2), ("”", "dim"))
    tags = tags_content(hl.tags)
    note = one_line(hl.note)
    room = width - len(tags.plain) - 2
    third = Content.assemble(tags, "  " if hl.tags else "", (one_line(note, room), "dim italic")) \
        if note and room > 8 else tags
    return Content("\n").join([first, second, third])


def highlight_location(corpus: Corpus, hl: "Highlight") -> "Location":
    """Where enter on a highlight goes: its passage in the article, marked."""
    from briefing.tui.viewmodels.navigation import Location

    para = corpus.paragraph(hl.paragraph_id)
    return Location(hl.article_id, para.section_index if para else None, None,
                    hl.paragraph_id if para else None, (hl.start, hl.end) if para else None)
