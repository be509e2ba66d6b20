"""Command palette (ctrl+p) providers: sources, sections, events, claims and actions.

Titles and quotes are untrusted, and Textual's ``Matcher.highlight`` and hit ``help`` parse
markup, so this module builds every display as literal Content and escapes help text.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Callable, Iterator

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.style import Style

from briefing.tui.viewmodels.reader import strip_for_display
from briefing.tui.keys import bound_actions
from briefing.tui.viewmodels.navigation import Location

if TYPE_CHECKING:
    from briefing.tui.screens.reader import ReaderScreen

MATCH_STYLE = Style(reverse=True)


def literal_help(text: str) -> str:
    """Help text is parsed as markup by the palette: escape every bracket and backslash."""
    return text.replace("\\", "\\\\").replace("[", "\\[")


def highlighted(matcher, candidate: str) -> Content:
    """Like Matcher.highlight, but the candidate is never parsed as markup."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if offset < len(candidate) and not candidate[offset].isspace():
                content = content.stylize(MATCH_STYLE, offset, offset + 1)
    return content


Entry = tuple[str, str, Callable[[], None]]  # palette text, help, what it runs


class _ReaderProvider(Provider):
    """Base: entries are (text, help, callback) built from the reader's corpus."""

    def _reader(self) -> "ReaderScreen | None":
        try:
            return self.app.reader
        except LookupError:  # the palette opened before the reader (not in practice)
            return None

    def entries(self, reader: "ReaderScreen") -> Iterator[Entry]:
        raise NotImplementedError

    def _with_keys(self, reader: "ReaderScreen", actions) -> Iterator[Entry]:
        """Entries for (title, binding id, action) triples, each showing the keys that run
        it: the user's, after their keymap."""
        keys = {a.binding.id: " / ".join(a.keys)
                for a in bound_actions(self.app, reader, self.app.keymap)}
        for text, binding_id, callback in actions:
            yield text, f"key: {keys.get(binding_id, '')}", callback

    def _wrap(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Reader commands run with the reader showing (a compare / events view steps aside)."""
        from briefing.tui.screens.detour import reader_command

        return partial(reader_command, self.app, callback)

    def _open(self, location: Location) -> Callable[[], None]:
        def callback() -> None:
            reader = self._reader()
            if reader is not None:
                reader.open(location)
                reader.article_view.focus()
        return callback

    async def discover(self) -> Hits:
        reader = self._reader()
        # A provider that only answers queries builds none of its entries as the palette
        # opens (the first of some, such as the events in date order, costs a pass over all).
        if reader is None or not self.discover_limit:
            return
        for i, (text, help_text, callback) in enumerate(self.entries(reader)):
            if i >= self.discover_limit:
                break
            yield DiscoveryHit(Content(text), self._wrap(callback), text=text,
                               help=literal_help(help_text))

    discover_limit = 0  # most providers only answer queries

    async def search(self, query: str) -> Hits:
        reader = self._reader()
        if reader is None:
            return
        matcher = self.matcher(query)
        for text, help_text, callback in self.entries(reader):
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlighted(matcher, text), self._wrap(callback), text=text,
                          help=literal_help(help_text))


class SourcesProvider(_ReaderProvider):
    discover_limit = 50

    def entries(self, reader):
        for article in reader.corpus.articles.values():
            meta = " · ".join(x for x in (article.byline, article.outlet, article.published) if x)
            yield f"Source: {strip_for_display(article.title)}", meta, self._open(Location(article.id))


class SectionsProvider(_ReaderProvider):
    def entries(self, reader):
        for article in reader.corpus.articles.values():
            for section in article.sections:
                if section.title:
                    yield (f"Section: {strip_for_display(section.title)}", strip_for_display(article.title),
                           self._open(Location(article.id, section.index)))


class EventsProvider(_ReaderProvider):
    def entries(self, reader):
        from briefing.tui.viewmodels.event_index import event_index

        index = event_index(reader.corpus)
        for event in reader.corpus.events_in_order():
            claims = [c for c in reader.corpus.claims_for_event(event.id) if c.paragraph_id]
            if not claims:
                continue
            row = index.row(event.id)
            n = row.sources if row is not None else 0
            yield (f"Event: {strip_for_display(event.title)}", f"{event.date or 'n.d.'} · {n} source(s)",
                   partial(reader._open_event, event.id))


class ClaimsProvider(_ReaderProvider):
    """Claims by id or by any words of the quote (viewmodels.reader.ClaimLookup), not by a
    fuzzy match on the start of the quote."""

    _lookup = None  # (corpus, ClaimLookup): rebuilt when the full corpus replaces the first

    def entries(self, reader):
        return iter(())

    def _claim_lookup(self, reader: "ReaderScreen"):
        from briefing.tui.viewmodels.reader import ClaimLookup

        if self._lookup is None or self._lookup[0] is not reader.corpus:
            self._lookup = (reader.corpus, ClaimLookup(reader.corpus))
        return self._lookup[1]

    async def search(self, query: str) -> Hits:
        from briefing.tui.widgets.claim_panel import claim_location

        reader = self._reader()
        if reader is None:
            return
        for found in self._claim_lookup(reader).find(query):
            text = f"Claim: {found.text}"
            shown = Content(text)
            if found.match != (0, 0):
                shown = shown.stylize(MATCH_STYLE, found.match[0] + 7, found.match[1] + 7)
            claim = found.claim
            yield Hit(found.score, shown,
                      self._wrap(self._open(claim_location(reader.corpus, claim))), text=text,
                      help=literal_help(f"{claim.kind} · {claim.id}"))


class ActionsProvider(_ReaderProvider):
    discover_limit = 50

    def entries(self, reader):
        actions = [
            ("Next claim", "reader.next_claim", reader.action_next_claim),
            ("Previous claim", "reader.prev_claim", reader.action_prev_claim),
            ("Next section", "reader.next_section", reader.action_next_section),
            ("Previous section", "reader.prev_section", reader.action_prev_section),
            ("Back", "reader.back", reader.action_back),
            ("Forward", "reader.forward", reader.action_forward),
            ("Search the briefing", "reader.search", reader.action_search),
            ("Go to event", "reader.goto_event", reader.action_goto_event),
            ("Compare this claim's event across sources", "reader.compare",
             reader.action_compare),
            ("Toggle the contents pane", "reader.toggle_toc", reader.action_toggle_toc),
            ("Toggle the claim panel", "reader.toggle_claims", reader.action_toggle_claims),
            ("Tag claim", "reader.tag", reader.action_tag),
            ("Annotate claim (write a note)", "reader.annotate", reader.action_annotate),
            ("Annotations: list, filter, jump to a passage", "reader.annotations",
             reader.action_annotations),
            ("Export the brief (Markdown, CSV, JSON, Obsidian)", "reader.export",
             reader.action_export),
            ("Write the synthesis (your conclusions; it opens the brief)", "reader.synthesis",
             reader.action_synthesis),
            ("Bookmark this claim or section", "reader.bookmark", reader.action_bookmark),
            ("Bookmarks: list and jump", "reader.bookmarks", reader.action_bookmarks),
            ("Mark this source read / unread", "reader.toggle_read", reader.action_toggle_read),
            ("Show keys (help)", "reader.help", reader.app.action_help),
        ]
        yield from self._with_keys(reader, actions)


class AnnotationTagsProvider(_ReaderProvider):
    """"Annotations tagged #russia": opens the annotations view filtered by that tag."""

    discover_limit = 0

    def entries(self, reader):
        from briefing.store.errors import StoreError  # not at start-up: it loads the store
        from briefing.tui.screens.annotating import open_annotations

        store = reader.store
        try:
            tags = store.tags() if store is not None else []
        except (StoreError, OSError):  # a store that cannot be read offers nothing here
            tags = []
        for tag, n in tags:
            yield (f"Annotations tagged #{tag}", f"{n} annotation{'s' if n != 1 else ''}",
                   partial(open_annotations, reader, {"tag": tag}))


ALL_PROVIDERS = {SourcesProvider, SectionsProvider, EventsProvider, ClaimsProvider, ActionsProvider,
                 AnnotationTagsProvider}
