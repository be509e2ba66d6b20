"""The reader's side of the reading state (briefing.tui.reading): follows the article's
scrolling into progress, shows it in the contents, reopens where the user left off, and
keeps bookmarks.  Kept out of screens/reader.py, which only calls in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.css.query import NoMatches

from briefing.tui.reading import Bookmark, ReadingState, state_path
from briefing.tui.viewmodels.navigation import Location
from briefing.tui.viewmodels.reader import strip_for_display

if TYPE_CHECKING:
    from briefing.tui.screens.reader import ReaderScreen
    from briefing.tui.widgets.article_view import ArticleView

SAVE_DELAY = 2.0  # seconds: progress is written at most this often while scrolling
TRACK_DELAY = 0.3  # seconds after scrolling stops: progress is measured
# Both timers are the app's: a timer event on the reader while a dialog covers it would make
# Textual redraw the reader under the dialog (a whole frame sent to an idle terminal).


class ReadingTracker:
    def __init__(self, reader: "ReaderScreen") -> None:
        self.reader = reader
        self.state: ReadingState | None = None  # read after the first paint (start)
        self._save_timer = None
        self._track_timer = None
        self._pending: set[str] = set()  # sources whose progress is not drawn yet

    # ---------------------------------------------------------------- start and stop
    def start(self) -> None:
        """After the first paint: read the state, mark the contents, reopen the last place."""
        reader = self.reader
        self.state = ReadingState(state_path(reader.app.title or ""))
        for entry in reader.outline_entries:
            if self.state.progress(entry.article_id).opened:
                reader.toc.show_reading(entry.article_id, self.state.progress(entry.article_id))
        reader.watch(reader.article_view, "scroll_y", self._scrolled, init=False)
        if self.state.file.problem:
            reader.notify(f"Reading state: {self.state.file.problem}", severity="warning",
                          markup=False, timeout=8)
        self._reopen()
        self.article_opened()

    def _reopen(self) -> None:
        last = self.state.last() if self.state is not None else None
        reader = self.reader
        # The user moved already (a key typed as the screen appeared): stay there.  (Depth 1
        # is the first article, opened at start, the only place in the history.)
        if reader.claim_id is not None or reader.history.depth > 1:
            return
        if last is None or last["article"] not in {e.article_id for e in reader.outline_entries}:
            return
        section = last.get("section") if isinstance(last.get("section"), int) else None
        claim = last.get("claim") if isinstance(last.get("claim"), str) else None
        scroll = last.get("scroll") if isinstance(last.get("scroll"), (int, float)) else 0
        article_id = last["article"]

        def reopen() -> None:
            corpus = reader.corpus
            if claim is not None and claim in corpus.claims:
                from briefing.tui.widgets.claim_panel import claim_location

                reader.open(claim_location(corpus, corpus.claims[claim]), record=False)
                return
            reader.open(Location(article_id), record=False)
            if scroll:
                reader.article_view.restore_scroll(scroll)
            elif section is not None:
                reader.article_view.scroll_to_section(section)

        if article_id in reader.corpus.articles:
            reopen()
        else:  # a cached start-up: the source comes with the rest of the corpus
            reader.app.when_corpus_ready(reopen, slot="open", quiet=True)

    def _view(self) -> "ArticleView | None":
        """The article pane, or None once the reader is taken down (the app's timers can
        fire while it quits)."""
        try:
            return self.reader.article_view
        except NoMatches:
            return None

    def save(self) -> None:
        """Write now (quit, suspend, hangup, crash): progress and where the reader is."""
        if self.state is None:
            return
        self._measure()
        reader = self.reader
        view = self._view()
        if reader.article_id is not None and view is not None:
            claim = reader.claim_id
            self.state.set_last(reader.article_id, view.section_at_top(), claim,
                                0 if claim else view.scroll_y)
        self.state.save()

    def _schedule_save(self) -> None:
        if self._save_timer is None:
            self._save_timer = self.reader.app.set_timer(SAVE_DELAY, self._timed_save)

    def _timed_save(self) -> None:
        self._save_timer = None
        self.save()

    # ---------------------------------------------------------------- progress
    def article_opened(self) -> None:
        if self.state is None or self.reader.article_id is None:
            return
        if self.state.opened(self.reader.article_id):
            self._show(self.reader.article_id)
        self._schedule_save()
        self._scrolled()

    def _scrolled(self, *_args) -> None:
        if self.state is None:
            return
        if self._track_timer is not None:
            self._track_timer.stop()
        self._track_timer = self.reader.app.set_timer(TRACK_DELAY, self._measure)

    def _measure(self) -> None:
        self._track_timer = None
        reader = self.reader
        view = self._view()
        if self.state is None or reader.article_id is None or view is None:
            return
        extent = view.reading_extent()
        if extent is None:
            # Not laid out yet (an article just opened, on a busy machine): measure again
            # rather than lose this reading until the next scroll.
            self._scrolled()
            return
        if self.state.advance(reader.article_id, *extent):
            self._show(reader.article_id)
            self._schedule_save()

    def _show(self, article_id: str) -> None:
        # Under a dialog or view the contents are not seen: drawn when the reader is back
        # (nothing is sent to the terminal meanwhile; a low-bandwidth link stays quiet).
        app = self.reader.app
        if not app.screen_stack or app.screen is not self.reader:
            self._pending.add(article_id)
            return
        try:
            toc = self.reader.toc
        except NoMatches:  # the reader is being taken down
            return
        toc.show_reading(article_id, self.state.progress(article_id))

    def resumed(self) -> None:
        """The reader is the screen again: show the progress made meanwhile."""
        pending, self._pending = self._pending, set()
        for article_id in pending:
            self._show(article_id)

    def toggle_read(self) -> None:
        reader = self.reader
        if self.state is None or reader.article_id is None:
            return
        now = not self.state.progress(reader.article_id).read
        self.state.set_read(reader.article_id, now)
        self._show(reader.article_id)
        self._schedule_save()
        reader.notify("Marked read." if now else "Marked unread.", markup=False, timeout=2)

    # ---------------------------------------------------------------- bookmarks
    def toggle_bookmark(self) -> None:
        reader = self.reader
        if self.state is None or reader.article_id is None:
            return
        claim = reader.corpus.claims.get(reader.claim_id or "")
        article = reader.corpus.articles[reader.article_id]
        if claim is not None and claim.article_id == reader.article_id:
            mark = Bookmark(reader.article_id, None, claim.id,
                            f"{strip_for_display(article.title)}: “{strip_for_display(claim.quote)[:80]}”")
        else:
            index = reader.article_view.section_at_top()
            section = next((s for s in article.sections if s.index == index), None)
            where = strip_for_display(section.title) if section and section.title else "start"
            mark = Bookmark(reader.article_id, index, None,
                            f"{strip_for_display(article.title)}: {where}")
        added = self.state.toggle_bookmark(mark)
        self.state.save()
        reader.notify("Bookmarked (B lists bookmarks)." if added else "Bookmark removed.",
                      markup=False, timeout=3)

    def bookmark_location(self, bookmark: Bookmark) -> Location | None:
        corpus = self.reader.corpus
        if bookmark.claim_id and bookmark.claim_id in corpus.claims:
            from briefing.tui.widgets.claim_panel import claim_location

            return claim_location(corpus, corpus.claims[bookmark.claim_id])
        return Location(bookmark.article_id, bookmark.section_index)

    def show_bookmarks(self) -> None:
        reader = self.reader
        if self.state is None:
            return
        from briefing.tui.dialogs.bookmarks import BookmarksScreen

        def picked(bookmark: Bookmark | None) -> None:
            if bookmark is not None and (where := self.bookmark_location(bookmark)) is not None:
                reader.show_location(where)

        reader.app.push_screen(BookmarksScreen(self.state), picked)
