"""`A`: every annotation in the store, filterable by tag, source, event and author.

Each row shows where the claim is (source and event), who wrote the annotation, the claim's
quote, its tags and the start of the note.  The tag counts under the filters are those of
the annotations shown.  enter jumps to the passage in the reader; e exports what is shown
(with these filters) to Markdown; escape goes back.  Rows follow other processes' changes:
the screen re-reads the store on AnnotationsChanged.  t and a tag or annotate the highlighted
row's claim without leaving the view.  Highlights (passages that are not claims, `h` in the
reader) are listed first, filtered the same way; t and a work on them too, x deletes one.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import OptionList, Select, Static
from textual.widgets.option_list import Option

from briefing.model import Corpus
from briefing.store.errors import StoreError
from briefing.store.query import Filters, select
from briefing.tui.viewmodels.annotations import (
    annotation_row, highlight_location, highlight_row, one_line, tag_count_line,
)
from briefing.tui.widgets.line_keys import line_keys
from briefing.tui.messages import AnnotationsChanged
from briefing.tui.viewmodels.navigation import Location
from briefing.tui import VIEWS_CSS
from briefing.tui.widgets.key_bar import KeyBar
from briefing.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from briefing.store import Annotation, AnnotationStore
    from briefing.store.highlights import Highlight

HIGHLIGHT = "hl:"  # option id prefix of a highlight's row

FILTERS = ("tag", "source", "event", "author")
# Rows are built a page at a time, more as the highlight nears the end: a store of 10,000
# annotations would otherwise take seconds to open (each multi-line option is measured).
PAGE = 100


class AnnotationList(OptionList):
    BINDINGS = line_keys("annotations")


class AnnotationsScreen(Screen[Location | None]):
    """Browse, filter and export annotations; dismisses with the location to open."""

    CSS_PATH = VIEWS_CSS
    # Focused as the view is composed, not moved there from the first focusable widget
    # (the filter) after it: each move restyles and recomposes the footer.
    AUTO_FOCUS = "#ann-list"

    BINDINGS = [
        Binding("escape,q", "close", "Back", id="annotations.close"),
        Binding("e", "export", "Export shown", id="annotations.export"),
        Binding("t", "tag", "Tag", id="annotations.tag"),
        Binding("a", "annotate", "Note", id="annotations.annotate"),
        Binding("r", "clear_filters", "Clear filters", id="annotations.clear_filters"),
        Binding("f", "focus_filters", "Filters", id="annotations.focus_filters"),
        Binding("x", "delete_highlight", "Delete highlight", show=False,
                id="annotations.delete_highlight"),
    ]

    def __init__(self, corpus: Corpus, store: "AnnotationStore", preset: dict[str, str] | None = None) -> None:
        """``preset``: filters to start with, e.g. ``{"tag": "russia"}`` (from the palette)."""
        super().__init__()
        self.corpus = corpus
        self.store = store
        self.preset = dict(preset or {})
        self.shown: list[Annotation] = []  # the annotations matching the filters, in reading order
        self.passages: list[Highlight] = []  # the highlights matching them, listed first
        self._loaded = 0  # how many of them have a row in the list so far
        self._width = 76

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="ann-filters"):
            for name in FILTERS:
                yield Select[str]([], prompt=f"Any {name}", id=f"ann-{name}")
        yield Static(Content(""), id="ann-tags")
        yield Static(Content(""), id="ann-status")
        yield AnnotationList(id="ann-list")
        yield KeyBar()

    @property
    def option_list(self) -> AnnotationList:
        return self.query_one("#ann-list", AnnotationList)

    def on_mount(self) -> None:
        self.sub_title = "Annotations"
        self._width = max(self.size.width - 4, 20)
        self._fill_selects()
        self.refresh_rows()

    def on_resize(self, event: Resize) -> None:
        width = max(event.size.width - 4, 20)
        if width != self._width:
            self._width = width
            self.refresh_rows()

    # ------------------------------------------------------------------ filters
    def _all(self) -> list["Annotation"]:
        return self.store.all() if self.store is not None else []

    def _fill_selects(self) -> None:
        """Options from what is in the store (with counts), keeping the current choices."""
        try:
            items = self._all()
        except (StoreError, OSError) as exc:
            self.notify(f"Could not read the annotation store: {exc}", severity="error",
                        markup=False)
            return
        tag_counts = Counter(t for a in items for t in a.tags)
        tag_counts.update(t for h in self._all_highlights() for t in h.tags)
        source_counts: Counter[str] = Counter()
        event_counts: Counter[str] = Counter()
        for a in items:
            claim = self.corpus.claims.get(a.claim_id)
            if claim is not None:
                source_counts[claim.article_id] += 1
                for event_id in dict.fromkeys(claim.events):
                    event_counts[event_id] += 1
        author_counts = Counter(a.author for a in items)

        def label(text: str, n: int) -> Content:
            return Content.assemble(one_line(text, 60), (f" ({n})", "dim"))

        options = {
            "tag": [(label("#" + t, n), t) for t, n in
                    sorted(tag_counts.items(), key=lambda kv: (-kv[1], kv[0]))],
            "source": [(label(self.corpus.articles[aid].title, source_counts[aid]), aid)
                       for aid in self.corpus.articles if source_counts[aid]],
            "event": [(label(e.title, event_counts[e.id]), e.id)
                      for e in self.corpus.events_in_order() if event_counts[e.id]],
            "author": [(label(name, n), name) for name, n in sorted(author_counts.items())],
        }
        for name, choices in options.items():
            widget = self.query_one(f"#ann-{name}", Select)
            keep = self.preset.pop(name, widget.value)
            with widget.prevent(Select.Changed):
                widget.set_options(choices)
                if keep is not Select.NULL and any(v == keep for _, v in choices):
                    widget.value = keep

    def filters(self) -> Filters:
        values: dict[str, list[str]] = {}
        for name in FILTERS:
            value = self.query_one(f"#ann-{name}", Select).value
            values[name] = [] if value is Select.NULL or value is None else [str(value)]
        return Filters.make(tags=values["tag"], sources=values["source"],
                            events=values["event"], authors=values["author"])

    @on(Select.Changed)
    def _on_filter_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._loaded = 0  # a new selection starts with one page
        self.refresh_rows()

    def action_clear_filters(self) -> None:
        for name in FILTERS:
            widget = self.query_one(f"#ann-{name}", Select)
            with widget.prevent(Select.Changed):
                widget.clear()
        self._loaded = 0
        self.refresh_rows()

    def action_focus_filters(self) -> None:
        self.query_one("#ann-tag", Select).focus()

    # ------------------------------------------------------------------ rows
    def refresh_rows(self) -> None:
        """Re-read the store and list what matches the filters (keeping the highlight)."""
        listing = self.option_list
        keep = None
        if listing.highlighted is not None and listing.option_count:
            keep = listing.get_option_at_index(listing.highlighted).id
        try:
            total = len(self._all()) + len(self._all_highlights())
            self.shown = select(self.store, self.corpus, self.filters()) if self.store else []
            self.passages = self._highlights()
        except (StoreError, OSError) as exc:
            self.notify(f"Could not read the annotation store: {exc}", severity="error",
                        markup=False)
            return
        ids = [HIGHLIGHT + h.id for h in self.passages] + [a.id for a in self.shown]
        target = ids.index(keep) if keep in ids else 0
        previous = self._loaded  # a refresh keeps as many rows as were listed
        listing.clear_options()
        self._loaded = 0
        if self.shown or self.passages:
            listing.add_options(Option(highlight_row(self.corpus, h, self._width), id=HIGHLIGHT + h.id)
                                for h in self.passages)
            self._load_rows(max(PAGE, previous, target + PAGE // 2))
            listing.highlighted = target
        else:
            hint = ("No annotation matches these filters (r clears them)." if total
                    else "No annotations yet: in the reader, t tags a claim and a adds a note.")
            listing.add_option(Option(Content(hint), disabled=True))
        counts = Counter(t for a in self.shown for t in a.tags)
        counts.update(t for h in self.passages for t in h.tags)
        self.query_one("#ann-tags", Static).update(
            tag_count_line(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))))
        filtered = bool(self.filters().as_dict())
        status = f"{len(self.shown) + len(self.passages)} of {total} annotation{'s' if total != 1 else ''}"
        status += " (filtered)" if filtered else ""
        status += " · enter opens · e exports these · f filters · r clears"
        self.query_one("#ann-status", Static).update(Content(status).stylize("dim"))

    def _load_rows(self, upto: int) -> None:
        """Add rows until ``upto`` of the shown annotations are listed."""
        upto = min(upto, len(self.shown))
        if upto <= self._loaded:
            return
        me = self.store.author
        batch = self.shown[self._loaded:upto]
        self.option_list.add_options(
            Option(annotation_row(self.corpus, a, self._width, me), id=a.id) for a in batch)
        self._loaded = upto

    @on(OptionList.OptionHighlighted, "#ann-list")
    def _on_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index >= self._loaded - PAGE // 4:
            self._load_rows(self._loaded + PAGE)

    @on(AnnotationsChanged)
    def _on_annotations_changed(self, message: AnnotationsChanged) -> None:
        self._fill_selects()
        self.refresh_rows()

    @on(OptionList.OptionSelected, "#ann-list")
    def _on_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        passage = self._passage(event.option.id)
        if passage is not None:
            self.dismiss(highlight_location(self.corpus, passage))
            return
        annotation = next((a for a in self.shown if a.id == event.option.id), None)
        if annotation is None:
            return
        claim = self.corpus.claims.get(annotation.claim_id)
        if claim is None or not claim.paragraph_id:
            self.notify("This claim is no longer in the briefing; its quote is kept with the "
                        "annotation.", severity="warning", markup=False)
            return
        from briefing.tui.widgets.claim_panel import claim_location

        self.dismiss(claim_location(self.corpus, claim))

    # ------------------------------------------------------------------ actions
    def _highlighted_claim(self):
        listing = self.option_list
        if listing.highlighted is None or not self.shown:
            return None
        option_id = listing.get_option_at_index(listing.highlighted).id
        if (passage := self._passage(option_id)) is not None:
            return passage
        annotation = next((a for a in self.shown if a.id == option_id), None)
        claim = self.corpus.claims.get(annotation.claim_id) if annotation else None
        if annotation is not None and claim is None:
            self.notify("This claim is no longer in the briefing.", severity="warning",
                        markup=False)
        return claim

    def action_tag(self) -> None:
        """Tag the highlighted row's claim (your tags on it)."""
        claim = self._highlighted_claim()
        if claim is not None:
            from briefing.tui.dialogs.tag_screen import TagScreen

            self.app.push_screen(TagScreen(claim, self.store))

    def action_annotate(self) -> None:
        """Write your note on the highlighted row's claim."""
        claim = self._highlighted_claim()
        if claim is None:
            return
        from briefing.tui.dialogs.note_editor import open_note_editor
        from briefing.tui.viewmodels.targets import target_of

        open_note_editor(self, target_of(claim, self.store))

    # ------------------------------------------------------------------ highlights
    def _all_highlights(self) -> list["Highlight"]:
        return self.store.highlights.all() if self.store is not None else []

    def _highlights(self) -> list["Highlight"]:
        from briefing.store.highlights import select_highlights

        return select_highlights(self._all_highlights(), self.corpus, self.filters())

    def _passage(self, option_id: str | None) -> "Highlight | None":
        if not option_id or not option_id.startswith(HIGHLIGHT):
            return None
        return next((h for h in self.passages if h.id == option_id[len(HIGHLIGHT):]), None)

    def action_delete_highlight(self) -> None:
        listing = self.option_list
        if listing.highlighted is None or not listing.option_count:
            return
        passage = self._passage(listing.get_option_at_index(listing.highlighted).id)
        if passage is None:
            self.notify("x deletes a highlight; this row is a claim's annotation.",
                        markup=False, timeout=3)
            return
        from briefing.tui.store_watch import store_changed

        try:
            self.store.highlights.remove(passage.id)
        except (StoreError, OSError) as exc:
            self.notify(f"Not deleted: {exc}", severity="error", markup=False)
            return
        store_changed(self.app)
        self.notify("Highlight deleted.", markup=False, timeout=2)

    def action_export(self) -> None:
        from briefing.tui.exporting import open_export

        open_export(self.app, self.corpus, self.store, self.filters())

    def action_close(self) -> None:
        self.dismiss(None)
