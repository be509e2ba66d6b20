"""Citations as plain text, shared by every export format (each escapes them its own way).

A source is cited as its metadata says, never more: an unknown outlet or date says so, and a
field the importer inferred rather than read (``provenance``) is marked "inferred".
"""

from __future__ import annotations

from briefing.export.brief import ClaimEntry
from briefing.model import Article, Event
from briefing.text import clean_line


def inferred(article: Article, name: str) -> bool:
    prov = article.provenance.get(name)
    return prov is not None and prov.basis == "inferred"


def _mark(article: Article, name: str, text: str) -> str:
    return f"{text} (inferred)" if inferred(article, name) else text


def byline(article: Article) -> str:
    if not article.authors:
        return "Unknown author"
    return _mark(article, "authors", clean_line(", ".join(article.authors)))


def outlet(article: Article) -> str:
    return _mark(article, "outlet", clean_line(article.outlet)) if article.outlet \
        else "outlet not stated"


def published(article: Article) -> str:
    return _mark(article, "published", clean_line(article.published)) if article.published \
        else "date not stated"


def translator(article: Article) -> str | None:
    return f"translated by {clean_line(article.translator)}" if article.translator else None


def title(article: Article) -> str:
    return clean_line(article.title) or "Untitled"


def short(article: Article) -> str:
    """Author-date: ``Tadevosian 2023``; without an author, the title: ``Armenia's Growing
    Isolation 2023``."""
    year = (article.published or "")[:4]
    who = clean_line(article.authors[0]).split()[-1] if article.authors and \
        clean_line(article.authors[0]) else title(article)
    if len(article.authors) == 2:
        who += " and " + (clean_line(article.authors[1]).split() or ["?"])[-1]
    elif len(article.authors) > 2:
        who += " et al."
    return f"{who} {year}".strip()


def source_parts(article: Article) -> list[str]:
    """Author, title, outlet, date, translator: the parts of a full reference, in order."""
    parts = [byline(article), title(article), outlet(article), published(article)]
    if (t := translator(article)) is not None:
        parts.append(t)
    return parts


def location(entry: ClaimEntry) -> str:
    """Where in the article: ``section “Heading”, paragraph 2`` (no internal ids)."""
    where = []
    if entry.section is not None:
        if entry.section.title:
            where.append(f"section “{clean_line(entry.section.title)}”")
        elif entry.section.index == 0:
            where.append("opening")
        else:
            where.append(f"section {entry.section.index}")
    if entry.paragraph is not None:
        where.append(f"paragraph {entry.paragraph.index}")
    return ", ".join(where)


def plain_citation(entry: ClaimEntry) -> str:
    """One line: ``Manik Tadevosian, Title, outlet not stated, 2023-07-03 (inferred),
    translated by Assen Slim; section “…”, paragraph 2``."""
    if entry.article is None:
        return "claim no longer in the briefing"
    text = ", ".join(source_parts(entry.article))
    if where := location(entry):
        text += "; " + where
    return text


def date_range(event: Event) -> str:
    if event.date and event.end and event.end != event.date:
        return f"{event.date} to {event.end}"
    return event.date or "undated"


def value_text(value: float | str, unit: str | None = None) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:,}" if isinstance(value, (int, float)) else str(value)
    return f"{text} {clean_line(unit)}" if unit else text
