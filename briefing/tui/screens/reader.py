"""The reader screen: table of contents, article, claim panel; all navigation lives here.

Widgets below this screen never reach across the tree: they post messages (OpenLocation,
ClaimActivated) and the screen decides what to open, then tells each pane what to show.
"""

from __future__ import annotations

from functools import partial, wraps
from typing import TYPE_CHECKING, Any, Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.screen import Screen

from briefing.model import Claim, Corpus
from briefing.outline import OutlineEntry
from briefing.tui.after_paint import after_paint
from briefing.tui.keys import KeyGroup
from briefing.tui.viewmodels.reader import annotated_claim_ids
from briefing.tui.messages import AnnotationsChanged, ClaimActivated, ClaimClicked, OpenLocation
from briefing.tui.screens.curating import CURATION_BINDINGS, CurationActions
from briefing.tui.screens.highlighting import refresh_highlights
from briefing.tui.viewmodels.navigation import History, Location
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.claim_panel import ClaimPanel, OtherClaims, claim_location
from briefing.tui.widgets.key_bar import KeyBar
from briefing.tui.widgets.title_bar import TitleBar
from briefing.tui.widgets.toc import TocTree

if TYPE_CHECKING:
    from briefing.store import AnnotationStore
    from briefing.tui.app import BriefingApp

NARROW_BELOW = 100  # columns: below this the side panes start hidden and toggle with o / i
SHORT_BELOW = 30  # rows: in a narrow terminal the claim panel goes under the article if taller


def needs_full_corpus(action: Callable[..., None]) -> Callable[..., None]:
    """For an action that needs every source: pressed while the rest of a cached start-up is
    still loading, it runs as soon as the corpus is in (BriefingApp.when_corpus_ready)."""

    @wraps(action)
    def run(self: "ReaderScreen", *args: Any) -> None:
        self.app.when_corpus_ready(partial(action, self, *args))

    return run


class ReaderScreen(KeyGroup, CurationActions, Screen[None]):
    """Read a briefing article by article, claim by claim."""

    HELP_GROUP = "Reader"

    went_to_event: str | None = None  # the event gone to with g (compare.event_to_compare)

    # Key bar order is this order, cut where the width ends: help, moving and the annotation
    # keys first so that they stay at 80 columns; the "previous" twins are in the help.
    BINDINGS = [
        Binding("question_mark", "app.help", "Help", key_display="?", id="reader.help"),
        Binding("n", "next_claim", "Next claim", id="reader.next_claim"),
        Binding("p", "prev_claim", "Prev claim", show=False, id="reader.prev_claim"),
        Binding("slash", "search", "Search", key_display="/", id="reader.search"),
        Binding("t", "tag", "Tag", id="reader.tag"),
        Binding("a", "annotate", "Note", id="reader.annotate"),
        Binding("A", "annotations", "Annotations", key_display="A", id="reader.annotations"),
        Binding("e", "export", "Export", id="reader.export"),
        Binding("c", "compare", "Compare", id="reader.compare"),
        Binding("v", "events", "Events", id="reader.events"),
        Binding("g", "goto_event", "Go to event", id="reader.goto_event"),
        Binding("right_square_bracket", "next_section", "Next section", key_display="]",
                id="reader.next_section"),
        Binding("left_square_bracket", "prev_section", "Prev section", key_display="[",
                show=False, id="reader.prev_section"),
        Binding("tab", "cycle_focus(1)", "Next pane", show=False, id="reader.next_pane"),
        Binding("shift+tab", "cycle_focus(-1)", "Prev pane", show=False, id="reader.prev_pane"),
        Binding("backspace,alt+left", "back", "Back", show=False, id="reader.back"),
        Binding("alt+right", "forward", "Forward", show=False, id="reader.forward"),
        Binding("W", "synthesis", "Write synthesis", key_display="W", show=False,
                id="reader.synthesis"),
        Binding("o", "toggle_toc", "Contents", id="reader.toggle_toc"),
        Binding("i", "toggle_claims", "Claim info", id="reader.toggle_claims"),
        Binding("b", "bookmark", "Bookmark", show=False, id="reader.bookmark"),
        Binding("B", "bookmarks", "Bookmarks", key_display="B", show=False,
                id="reader.bookmarks"),
        Binding("U", "toggle_read", "Read / unread", key_display="U", show=False,
                id="reader.toggle_read"),
        Binding("q", "app.quit", "Quit", id="reader.quit"),
        *CURATION_BINDINGS,  # h C y x E Y V u S: briefing.tui.screens.curating
    ]

    # Focused when the screen first shows: the article, styled once (the default, the first
    # focusable widget, is the contents tree, and moving focus restyles both panes again).
    AUTO_FOCUS = "#article"

    app: "BriefingApp"

    def __init__(self, outline_entries: list[OutlineEntry]) -> None:
        super().__init__()
        # With a cached start-up, the app's corpus first holds only the first article; the
        # outline (every source and section) comes separately and the full corpus follows.
        self.outline_entries = outline_entries
        self.history = History()
        self._back_hooks: list[tuple[int, Callable[[], None]]] = []  # (history depth, restore)
        self.article_id: str | None = None
        self.claim_id: str | None = None
        self._toc_override: bool | None = None  # None: follow the terminal size
        self._claims_override: bool | None = None
        self._narrow: bool | None = None
        from briefing.tui.reading_tracker import ReadingTracker

        self.reading = ReadingTracker(self)  # progress, bookmarks, where the user left off
        # (article id, paragraph id, offset) of the last jump to a place that is no claim.
        self._anchor: tuple[str, str, int] | None = None

    # The app owns these; the reader reads them from there (one place for each fact).
    @property
    def corpus(self) -> Corpus:
        return self.app.corpus

    @property
    def store(self) -> "AnnotationStore | None":
        return self.app.store

    @property
    def corpus_ready(self) -> bool:
        return self.app.corpus_ready

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        # Classes for the terminal's size are set before the first styling pass.
        self._apply_layout(self.app.size.width, self.app.size.height)
        yield TitleBar()
        with Horizontal(id="main"):
            yield TocTree(self.outline_entries, id="toc")
            yield ArticleView(id="article", initial=self._first_article())
            yield ClaimPanel(self.corpus, self.store, id="claims",
                             lazy=self.has_class("-hide-claims"))
        yield KeyBar()

    def _first_paint_done(self) -> None:
        self.claim_panel.build()
        self.app.after_first_paint()
        self.reading.start()

    def _first_article(self):
        """The first article, composed with the screen (see ArticleView's ``initial``)."""
        first = next(iter(self.corpus.articles), None)
        if first is None:
            return None
        self.article_id = first  # the title goes in the header once it is mounted (on_mount)
        return (self.corpus.articles[first], self._anchored_claims(first),
                annotated_claim_ids(self.store))

    def _anchored_claims(self, article_id: str) -> list[Claim]:
        return [c for c in self.corpus.claims_for_article(article_id) if c.paragraph_id]

    @property
    def article_view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def claim_panel(self) -> ClaimPanel:
        return self.query_one("#claims", ClaimPanel)

    @property
    def toc(self) -> TocTree:
        return self.query_one("#toc", TocTree)

    def on_mount(self) -> None:
        self._apply_layout(self.size.width, self.size.height)
        if self.article_id in self.corpus.articles:
            self.sub_title = self.corpus.articles[self.article_id].title
        first = next(iter(self.corpus.articles), None)
        if first is not None:
            self.open(Location(first))
        after_paint(self, self._first_paint_done)

    def on_resize(self, event: Resize) -> None:
        self._apply_layout(event.size.width, event.size.height)

    def _apply_layout(self, width: int, height: int) -> None:
        narrow = width < NARROW_BELOW
        if narrow != self._narrow:  # crossing the threshold forgets manual toggles
            self._narrow = narrow
            self._toc_override = self._claims_override = None
        show_toc = self._toc_override if self._toc_override is not None else not narrow
        show_claims = (self._claims_override if self._claims_override is not None
                       else (not narrow or height >= SHORT_BELOW))
        wanted = {"-narrow": narrow, "-wide": width >= 160, "-hide-toc": not show_toc,
                  "-hide-claims": not show_claims}
        changed = [name for name, on in wanted.items() if self.has_class(name) != on]
        if not changed:
            return
        # One restyle for all the changes (each class change restyles the whole screen).
        for name in changed:
            self.set_class(wanted[name], name, update=False)
        if self.is_mounted:
            if show_claims:
                self.claim_panel.build()
            self.update_node_styles()
        focused = self.focused
        if focused is not None and not focused.display or (
                focused is not None and any(not a.display for a in focused.ancestors if hasattr(a, "display"))):
            self.article_view.focus()

    def action_toggle_toc(self) -> None:
        self._toc_override = self.has_class("-hide-toc")
        self._apply_layout(self.size.width, self.size.height)
        if self._toc_override:
            self.toc.focus()

    def action_toggle_claims(self) -> None:
        self._claims_override = self.has_class("-hide-claims")
        self._apply_layout(self.size.width, self.size.height)

    def action_cycle_focus(self, direction: int) -> None:
        if direction > 0:
            self.focus_next()
        else:
            self.focus_previous()

    # ------------------------------------------------------------------ loading
    def corpus_arrived(self) -> None:
        """The app's full corpus replaced the first-screen one; the article on screen stays as
        is (same ids, same text), the claim panel catches up."""
        corpus = self.corpus
        self.claim_panel.corpus = corpus
        claim = corpus.claims.get(self.claim_id or "")
        self.claim_panel.claim = None
        self.claim_panel.show_claim(claim)

    def store_opened(self) -> None:
        """The app's annotation store, opened after the first paint: marks and panel catch up."""
        self.claim_panel.store = self.store
        refresh_highlights(self)
        if annotated_claim_ids(self.store):
            from briefing.tui.screens.annotating import refresh_marks

            refresh_marks(self)

    # ------------------------------------------------------------------ opening
    def here(self) -> Location | None:
        if self.article_id is None:
            return None
        claim = self.corpus.claims.get(self.claim_id or "")
        if claim is not None and claim.article_id == self.article_id:
            return claim_location(self.corpus, claim)
        return Location(self.article_id, self.article_view.section_at_top())

    def open(self, location: Location, *, record: bool = True) -> None:
        """Open an article / section / claim / search hit; ``record`` adds a history entry."""
        if location.article_id not in self.corpus.articles:
            if not self.corpus_ready:  # opened as soon as the rest of the corpus is in
                self.app.when_corpus_ready(partial(self.open, location, record=record),
                                           slot="open")
                return
            self.notify("That source is not in this briefing.", severity="warning", markup=False)
            return
        if record and (here := self.here()) is not None:
            self.history.replace(here)  # back returns to where you actually were
        if location.article_id != self.article_id:
            self._show_article(location.article_id)
        view = self.article_view
        claim = self.corpus.claims.get(location.claim_id or "")
        match = None
        if location.match is not None and location.paragraph_id:
            match = (location.paragraph_id, *location.match)
        if claim is not None:
            self._set_claim(claim, match=match, scroll=match is None)
        else:
            self._select_place(location, match)
        if match is not None:
            view.scroll_to_offset(match[0], match[1])
        elif claim is None and location.section_index is not None:
            view.scroll_to_section(location.section_index)
        self.toc.select_article(location.article_id, location.section_index)
        if record:
            self.history.visit(location)
        else:
            self.history.replace(location)

    def _show_article(self, article_id: str) -> None:
        article = self.corpus.articles[article_id]
        self.article_id = article_id
        self.claim_id = None
        claims = [c for c in self.corpus.claims_for_article(article_id) if c.paragraph_id]
        self.article_view.show_article(article, claims, annotated_claim_ids(self.store))
        self.claim_panel.show_claim(None)
        self.sub_title = article.title
        self.reading.article_opened()
        refresh_highlights(self)

    def _set_claim(self, claim: Claim, *, match: tuple[str, int, int] | None = None,
                   scroll: bool = True) -> None:
        self._anchor = None
        self.claim_id = claim.id
        view = self.article_view
        view.set_highlight(claim.id, match)
        if scroll:
            view.scroll_to_claim(claim)
        self.claim_panel.show_claim(claim)

    @on(OpenLocation)
    def _on_open_location(self, message: OpenLocation) -> None:
        message.stop()
        self.open(message.location)
        if message.location.claim_id:
            self.article_view.focus()

    @on(ClaimClicked)
    def _on_claim_clicked(self, message: ClaimClicked) -> None:
        message.stop()
        claim = self.corpus.claims.get(message.claim_id)
        if claim is not None and claim.article_id == self.article_id:
            self._set_claim(claim, scroll=False)
            self.history.replace(claim_location(self.corpus, claim))

    @on(ClaimActivated)
    def _on_claim_activated(self, message: ClaimActivated) -> None:
        message.stop()
        if self.has_class("-hide-claims"):
            self._claims_override = True
            self._apply_layout(self.size.width, self.size.height)
        self.claim_panel.build()
        self.call_after_refresh(self.query_one("#claim-others", OtherClaims).focus)

    # ------------------------------------------------------------------ claims
    def _article_claims(self) -> list[Claim]:
        return [c for c in self.corpus.claims_for_article(self.article_id or "") if c.paragraph_id]

    def _first_claim_in_view(self, claims: list[Claim]) -> int:
        """Index of the first claim at or below the top of the view (for n with no claim yet)."""
        view = self.article_view
        top = view.scroll_y
        for i, claim in enumerate(claims):
            passages = view._by_claim.get(claim.id) or []
            if not passages:
                continue
            region = passages[-1].virtual_region
            if region.height == 0 or region.bottom > top:  # not laid out yet: from the top
                return i
        return len(claims)

    def action_next_claim(self) -> None:
        self._step_claim(1)

    def action_prev_claim(self) -> None:
        self._step_claim(-1)

    def _step_claim(self, step: int) -> None:
        claims = self._article_claims()
        ids = [c.id for c in claims]
        if self.claim_id in ids:
            index = ids.index(self.claim_id) + step
        elif (after := self._claims_after_anchor(claims)) is not None:
            index = after if step > 0 else after - 1
        else:
            index = self._first_claim_in_view(claims) if step > 0 else self._first_claim_in_view(claims) - 1
        if 0 <= index < len(claims):
            self._set_claim(claims[index])
            self.history.replace(claim_location(self.corpus, claims[index]))
            return
        # Past either end: continue in the next / previous source that has claims.
        if not self.corpus_ready:
            self.notify("Loading the briefing…", markup=False, timeout=2)
            return
        order = self._order()
        pos = order.index(self.article_id) if self.article_id in order else -1
        candidates = order[pos + 1:] if step > 0 else list(reversed(order[:max(pos, 0)]))
        for article_id in candidates:
            others = [c for c in self.corpus.claims_for_article(article_id) if c.paragraph_id]
            if others:
                target = others[0] if step > 0 else others[-1]
                self.open(claim_location(self.corpus, target))
                return
        self.notify("No more claims in this direction.", markup=False, timeout=2)

    def _select_place(self, location: Location, match: tuple[str, int, int] | None) -> None:
        """A jump to a search hit outside every claim: no claim stays selected (t / a must not
        act on one left behind, out of sight), and n / p continue from the hit itself.  A
        place with no hit (a section, the article) keeps the claim as it is."""
        if match is None:
            self.article_view.set_highlight(self.claim_id, None)
            return
        self.claim_id = None
        self.claim_panel.show_claim(None)
        self.article_view.set_highlight(None, match)
        self._anchor = (location.article_id, match[0], match[1])

    def _claims_after_anchor(self, claims: list[Claim]) -> int | None:
        """Index of the first claim at or after the last jump's place (None: no such place)."""
        anchor = self._anchor
        if anchor is None or anchor[0] != self.article_id:
            return None
        article = self.corpus.articles[self.article_id]
        order = {p.id: i for i, p in enumerate(article.paragraphs())}
        here = (order.get(anchor[1], 0), anchor[2])
        for i, claim in enumerate(claims):
            if (order.get(claim.paragraph_id or "", 0), claim.end) > here:
                return i
        return len(claims)

    # ------------------------------------------------------------------ sections
    def _order(self) -> list[str]:
        """Article ids in reading order (from the outline: complete even while loading)."""
        return [entry.article_id for entry in self.outline_entries]

    def _sections(self) -> list[int]:
        article = self.corpus.articles.get(self.article_id or "")
        if article is None:
            return []
        return [s.index for s in article.sections if s.paragraphs or s.title]

    def action_next_section(self) -> None:
        sections = self._sections()
        current = self.article_view.section_at_top()
        later = [i for i in sections if i > current]
        if later:
            self._go_section(later[0])
            return
        order = self._order()
        pos = order.index(self.article_id) if self.article_id in order else -1
        if pos + 1 < len(order):
            self.open(Location(order[pos + 1]))
        else:
            self.notify("This is the last section.", markup=False, timeout=2)

    def action_prev_section(self) -> None:
        sections = self._sections()
        view = self.article_view
        current = view.section_at_top()
        heading = view._headings.get(current)
        if heading is not None and view.scroll_y > heading.virtual_region.y + 1:
            self._go_section(current)  # first back to the start of this section
            return
        earlier = [i for i in sections if i < current]
        if earlier:
            self._go_section(earlier[-1])
            return
        order = self._order()
        pos = order.index(self.article_id) if self.article_id in order else 0
        if pos > 0:
            sections = self.outline_entries[pos - 1].sections
            self.open(Location(order[pos - 1], sections[-1][0] if sections else None))
        else:
            view.scroll_home(animate=False)

    def _go_section(self, index: int) -> None:
        self.article_view.scroll_to_section(index)
        if self.article_id:
            self.toc.select_article(self.article_id, index)
            self.history.replace(Location(self.article_id, index))

    # ------------------------------------------------------------------ history
    def return_on_back(self, restore: Callable[[], None]) -> None:
        """Back from the current place runs ``restore`` (the compare view that sent us here)."""
        self._back_hooks.append((self.history.depth, restore))

    def action_back(self) -> None:
        hooks = self._back_hooks
        while hooks and hooks[-1][0] > self.history.depth:
            hooks.pop()  # left behind by history being trimmed
        if hooks and hooks[-1][0] == self.history.depth:
            hooks.pop()[1]()
            return
        if (here := self.here()) is not None:
            self.history.replace(here)
        location = self.history.back()
        if location is None:
            self.notify("Nothing to go back to.", markup=False, timeout=2)
            return
        self.open(location, record=False)

    def action_forward(self) -> None:
        location = self.history.forward()
        if location is None:
            self.notify("Nothing to go forward to.", markup=False, timeout=2)
            return
        self.open(location, record=False)

    # ------------------------------------------------------------------ reading state
    def action_bookmark(self) -> None:
        self.reading.toggle_bookmark()

    def action_bookmarks(self) -> None:
        self.reading.show_bookmarks()

    def action_toggle_read(self) -> None:
        self.reading.toggle_read()

    def save_reading_state(self) -> None:
        self.reading.save()

    def on_screen_resume(self) -> None:
        self.reading.resumed()

    # ------------------------------------------------------------------ other screens
    @needs_full_corpus
    def action_search(self) -> None:
        from briefing.tui.dialogs.search_screen import SearchScreen

        self.app.push_screen(SearchScreen(self.corpus, self.app.search_index()),
                             self.show_location)

    @needs_full_corpus
    def action_goto_event(self) -> None:
        from briefing.tui.dialogs.goto_event import GotoEventScreen

        self.app.push_screen(GotoEventScreen(self.corpus), self._open_event)

    # The views open at once, loaded or not: they fill in when every source is in.
    def action_compare(self) -> None:
        claim = self.corpus.claims.get(self.claim_id or "")
        if claim is None or not claim.events:
            self.notify("Move to a claim first (n), then compare its event.", markup=False)
            return
        from briefing.tui.screens.compare import CompareScreen, event_to_compare

        self.app.push_screen(CompareScreen(self.corpus, event_to_compare(claim.events, self.went_to_event), claim.id,
                                           loading=not self.corpus_ready))

    def action_events(self) -> None:
        from briefing.tui.screens.events import EventsScreen

        self.app.push_screen(EventsScreen(self.corpus, loading=not self.corpus_ready))

    # Annotation keys: the dialogs and their logic live in briefing.tui.screens.annotating.
    def action_tag(self) -> None:
        from briefing.tui.screens.annotating import tag_current_claim

        tag_current_claim(self)

    def action_annotate(self) -> None:
        from briefing.tui.screens.annotating import annotate_current_claim

        annotate_current_claim(self)

    def action_annotations(self) -> None:
        from briefing.tui.screens.annotating import open_annotations

        open_annotations(self)

    def action_export(self) -> None:
        from briefing.tui.screens.annotating import export_all

        export_all(self)

    def action_synthesis(self) -> None:
        from briefing.tui.screens.annotating import write_synthesis

        write_synthesis(self)

    @on(AnnotationsChanged)
    def _on_annotations_changed(self, message: AnnotationsChanged) -> None:
        from briefing.tui.screens.annotating import refresh_marks

        refresh_marks(self)

    def show_location(self, location: Location | None) -> None:
        """Open what a view or dialog chose (None: it was closed without a choice)."""
        if location is not None:
            self.open(location)
            self.article_view.focus()

    def _open_event(self, event_id: str | None) -> None:
        if not event_id:
            return
        self.went_to_event = event_id  # `c` compares it while the claim is about it
        claims = [c for c in self.corpus.claims_for_event(event_id) if c.paragraph_id]
        if not claims:
            self.notify("No claim is anchored to that event.", markup=False)
            return
        order = {aid: i for i, aid in enumerate(self.corpus.articles)}
        here = [c for c in claims if c.article_id == self.article_id]
        target = here[0] if here else min(claims, key=lambda c: (order.get(c.article_id, 0), c.start))
        self.show_location(claim_location(self.corpus, target))
