"""The table of contents of a corpus as plain tuples: cheap to build, store and load.

The reader shows every source and section at start-up but only needs one article's text;
keeping the outline separate lets it start before the whole corpus is in memory.
"""

from __future__ import annotations

from typing import NamedTuple

from briefing.model import Corpus


class OutlineEntry(NamedTuple):
    article_id: str
    title: str
    byline: str
    outlet: str | None
    published: str | None
    sections: tuple[tuple[int, str | None], ...]  # (section index, title or None for the lead)


def outline(corpus: Corpus) -> list[OutlineEntry]:
    return [
        OutlineEntry(a.id, a.title, a.byline, a.outlet, a.published,
                     tuple((s.index, s.title) for s in a.sections))
        for a in corpus.articles.values()
    ]
