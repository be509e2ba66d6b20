"""`A`: every annotation in the store, filterable by tag, source, event and author.

Each filter is a list to tick (the export dialog's Choices), several values each, with the
number of annotations holding each value: tags must all be present (or any one, after m on
the tag list), sources, events and authors match any of those ticked
(briefing.store.query.Filters, as `briefing annotations` and the export take them), so e
exports what is shown.  f goes to the filters, tab and shift+tab between them, space or
enter ticks, escape goes back to the rows, r clears them all.

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
from textual.widgets import OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from briefing.model import Corpus
from briefing.store.errors import StoreError
from briefing.store.query import Filters, select
from briefing.tui.dialogs.choices import Choices, Item, TagChoices, choices
from briefing.tui.keys import KeyGroup
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
TITLES = {"tag": "tags (all)", "source": "sources (any)", "event": "events (any)",
          "author": "authors (any)"}
# Rows are built a page at a time, more as the highlight nears the end: a store of 10,000
# annotations would otherwise take seconds to open (each multi-line option is measured).
PAGE = 100


class AnnotationList(OptionList):
    BINDINGS = line_keys("annotations")


class FilterChoices(KeyGroup, Choices):
    """One of the view's filters; the key bar names its tick key while it has the focus."""

    HELP_GROUP = "Annotations view"
    BINDINGS = [Binding("space", "select", "Tick", id="annotations.tick")]


class TagFilter(FilterChoices, TagChoices):
    """The tag filter: m switches between all the ticked tags and any one of them."""


class AnnotationsScreen(KeyGroup, Screen[Location | None]):
    """Browse, filter and export annotations; dismisses with the location to open."""

    HELP_GROUP = "Annotations view"
    CSS_PATH = VIEWS_CSS
    # Taller filter lists when the terminal is (class -tall on the screen, views.tcss).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (40, "-tall")]
    # Focused as the view is composed, not moved there from the first focusable widget
    # (the filter) after it: each move restyles and recomposes the footer.
    AUTO_FOCUS = "#ann-list"

    BINDINGS = [
        Binding("escape,q", "close", "Back", id="annotations.close"),  # filters: to the rows
        Binding("e", "export", "Export shown", id="annotations.export"),
        Binding("t", "tag", "Tag", id="annotations.tag"),
        Binding("a", "annotate", "Note", id="annotations.annotate"),
        Binding("r", "clear_filters", "Clear filters", id="annotations.clear_filters"),
        Binding("f", "focus_filters", "Filters", id="annotations.focus_filters"),
        Binding("x", "delete_highlight", "Delete highlight", show=False,
                id="annotations.delete_highlight"),
    ]

    def __init__(self, corpus: Corpus, store: "AnnotationStore",
                 preset: dict[str, str | list[str]] | None = None) -> None:
        """``preset``: filters to start with, e.g. ``{"tag": "russia"}`` (from the palette)
        or ``{"tag": ["russia", "eu"], "source": [...]}``."""
        super().__init__()
        self.corpus = corpus
        self.store = store
        self.preset = {name: [value] if isinstance(value, str) else list(value)
                       for name, value in (preset or {}).items()}
        self.shown: list[Annotation] = []  # the annotations matching the filters, in reading order
        self.passages: list[Highlight] = []  # the highlights matching them, listed first
        self._loaded = 0  # how many of them have a row in the list so far
        self._width = 76

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="ann-filters"):
            for name in FILTERS:
                yield choices(f"ann-{name}", TITLES[name], [],
                              TagFilter if name == "tag" else FilterChoices)
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
        self._fill_filters()
        self.refresh_rows()

    def on_resize(self, event: Resize) -> None:
        width = max(event.size.width - 4, 20)
        if width != self._width:
            self._width = width
            self.refresh_rows()

    # ------------------------------------------------------------------ filters
    def _all(self) -> list["Annotation"]:
        return self.store.all() if self.store is not None else []

    def _filter(self, name: str) -> FilterChoices:
        return self.query_one(f"#ann-{name}", FilterChoices)

    def _fill_filters(self) -> None:
        """Each filter lists what is in the store, with counts, keeping what is ticked (a
        value ticked stays listed, at 0, when its last annotation goes).  The preset is
        ticked the first time."""
        try:
            items = self._all()
            highlights = self._all_highlights()
        except (StoreError, OSError) as exc:
            self.notify(f"Could not read the annotation store: {exc}", severity="error",
                        markup=False)
            return
        counts: dict[str, Counter[str]] = {name: Counter() for name in FILTERS}
        counts["tag"].update(t for a in items for t in a.tags)
        counts["tag"].update(t for h in highlights for t in h.tags)
        for a in items:
            claim = self.corpus.claims.get(a.claim_id)
            if claim is not None:
                counts["source"][claim.article_id] += 1
                counts["event"].update(set(claim.events))
        counts["author"].update(a.author for a in items)
        events = self.corpus.events
        names = {
            "tag": {t: "#" + t for t in sorted(counts["tag"], key=lambda t: (-counts["tag"][t], t))},
            "source": {aid: article.title for aid, article in self.corpus.articles.items()},
            "event": {e.id: e.title for e in self.corpus.events_in_order()},
            "author": {name: name for name in sorted(counts["author"])},
        }
        for name in FILTERS:
            widget = self._filter(name)
            preset = self.preset.pop(name, None)
            ticked = set(widget.ticked() if preset is None else preset)
            found = counts[name]
            values = [v for v in names[name] if found[v]]
            values += sorted(v for v in ticked if not found[v])  # none left (or a preset)
            width = len(str(max(found.values(), default=0)))
            listed: list[Item] = [
                (_label(names[name].get(v) or _unknown(name, v, events), found[v], width),
                 v, v in ticked) for v in values]
            if preset is None:
                widget.refill(listed)
            else:
                with widget.prevent(SelectionList.SelectedChanged):
                    widget.hold(listed, widget.make)

    def filters(self) -> Filters:
        ticked = {name: self._filter(name).ticked() for name in FILTERS}
        return Filters.make(tags=ticked["tag"], sources=ticked["source"],
                            events=ticked["event"], authors=ticked["author"],
                            any_tag=self.query_one("#ann-tag", TagFilter).any_tag)

    @on(SelectionList.SelectedChanged)
    @on(TagChoices.MatchChanged)
    def _on_filter_changed(
            self, event: SelectionList.SelectedChanged | TagChoices.MatchChanged) -> None:
        event.stop()
        self._loaded = 0  # a new selection starts with one page
        self.refresh_rows()

    def action_clear_filters(self) -> None:
        self.query_one("#ann-tag", TagFilter).set_match(False)
        for name in FILTERS:
            widget = self._filter(name)
            with widget.prevent(SelectionList.SelectedChanged):
                widget.clear_ticks()
        self._loaded = 0
        self.refresh_rows()

    def action_focus_filters(self) -> None:
        self._filter("tag").focus()

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
        # The key bar names e, f and r already; only enter is left to say (and at 80 columns
        # the longer hint was cut off).
        status += " · enter opens"
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
        self._fill_filters()
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
        """From the filters, back to the rows; from the rows, back to the reader."""
        if self.focused is not None and self.focused.parent is self.query_one("#ann-filters"):
            self.option_list.focus()
            return
        self.dismiss(None)


def _label(text: str, count: int, width: int) -> Content:
    """``  3 #russia``: the count first, so that cutting a long title never hides it."""
    return Content.assemble((f"{count:>{width}} ", "dim"), one_line(text, 60))


def _unknown(name: str, value: str, events) -> str:
    """A ticked value listed by no annotation: a preset tag, a source or event removed."""
    if name == "tag":
        return "#" + value
    event = events.get(value) if name == "event" else None
    return event.title if event is not None else value
