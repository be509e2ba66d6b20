"""The user's highlights in the article on screen (passages saved with `h`, or a drag)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.tui.screens.reader import ReaderScreen


def refresh_highlights(reader: "ReaderScreen") -> None:
    """Mark the user's highlights of the article on screen, each where its quote is now."""
    from briefing.store.errors import StoreError
    from briefing.store.highlights import locate

    store, article = reader.store, reader.corpus.articles.get(reader.article_id or "")
    marks: dict[str, list[tuple[int, int]]] = {}
    if store is not None and article is not None:
        try:
            found = store.highlights.for_article(article.id)
        except (StoreError, OSError):
            found = []
        for highlight in found:
            place = locate(highlight, article)
            if place is not None:
                marks.setdefault(place[0], []).append((place[1], place[2]))
    reader.article_view.set_passage_marks(marks)
