"""Command palette entries for the compare and events views.

"Compare: <event>" for every event (the palette's fuzzy search finds it by title), and
"Events: timeline and coverage" for the events view.  Display text is literal Content and
help text is escaped, as in briefing.tui.palette.reader (titles are untrusted).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from briefing.tui.palette.reader import _ReaderProvider, highlighted, literal_help
from briefing.tui.viewmodels.reader import strip_for_display
from briefing.tui.keys import bound_actions

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

def open_compare(app: "BriefingApp", event_id: str, claim_id: str | None = None) -> None:
    """The comparison of ``event_id``, at once: while the briefing loads, it shows the event
    and fills in when every source is in (corpus_wait.py)."""
    from briefing.tui.screens.compare import CompareScreen

    app.push_screen(CompareScreen(app.corpus, event_id, claim_id, loading=not app.corpus_ready))


def open_events(app: "BriefingApp") -> None:
    from briefing.tui.screens.events import EventsScreen

    app.push_screen(EventsScreen(app.corpus, loading=not app.corpus_ready))


class _ViewProvider(_ReaderProvider):
    """These open a view over whatever is showing: no need to show the reader first."""

    def _wrap(self, callback):
        return callback


class CompareProvider(_ViewProvider):
    """Compare: <event title> for every event, in date order."""

    def entries(self, reader):
        from briefing.tui.viewmodels.event_index import event_index

        corpus = reader.corpus
        index = event_index(corpus) if reader.corpus_ready else None
        for event in corpus.events_in_order():
            if index is not None:
                row = index.row(event.id)
                n = row.sources if row is not None else 0
                count = f"{n} source{'s' if n != 1 else ''}"
            else:  # counted from the first article alone it would be wrong
                count = "sources loading"
            help_text = f"{event.date or 'n.d.'} · {count} · side by side"
            yield (f"Compare: {strip_for_display(event.title)}", help_text,
                   partial(open_compare, self.app, event.id))


class EventsViewProvider(_ViewProvider):
    """The events view, listed when the palette opens."""

    discover_limit = 5

    def entries(self, reader):
        yield ("Events: timeline and coverage by source",
               "key: v · every event, which sources cover it, blindspots, a chart",
               partial(open_events, self.app))


class ViewKeysProvider(Provider):
    """The keys of the compare or events view the palette was opened from, as commands.

    Built from the view's live bindings (after the user's keymap), like the help screen.
    """

    def _entries(self):
        from briefing.tui.screens.compare import CompareScreen
        from briefing.tui.screens.events import EventsScreen

        screen = self.screen
        view = {CompareScreen: "Compare view", EventsScreen: "Events view"}.get(type(screen))
        if view is None:
            return
        for action in bound_actions(self.app, screen, self.app.keymap):
            binding = action.binding
            if binding.description:
                callback = partial(screen.call_later, screen.run_action, binding.action)
                yield (f"{view}: {binding.description}", "key: " + " / ".join(action.keys),
                       callback)

    async def discover(self) -> Hits:
        for text, help_text, callback in self._entries():
            yield DiscoveryHit(Content(text), callback, text=text, help=literal_help(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, callback in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlighted(matcher, text), callback, text=text,
                          help=literal_help(help_text))


COMPARE_PROVIDERS = {CompareProvider, EventsViewProvider, ViewKeysProvider}
