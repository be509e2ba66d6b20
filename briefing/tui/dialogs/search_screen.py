"""`/`: search the articles; enter jumps to the passage and highlights the match."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import Corpus
from briefing.text import clean_line
from briefing.tui.viewmodels.reader import SearchHit, SearchIndex, snippet
from briefing.tui.widgets.line_keys import line_keys
from briefing.tui.viewmodels.navigation import Location
from briefing.tui import VIEWS_CSS


class SearchResults(OptionList):
    BINDINGS = line_keys("search")


class SearchScreen(ModalScreen[Location | None]):
    """A query box over a results list; each result is a passage with its source."""

    CSS_PATH = VIEWS_CSS
    # Focus is set as the dialog is composed: a key typed the moment it shows must reach
    # this widget, not the first focusable one (on_mount's focus() only lands later).
    AUTO_FOCUS = "#search-input"

    BINDINGS = [
        Binding("escape", "dismiss_none", "Close", id="search.close"),
        Binding("down", "focus_results", "Results", show=False, id="search.to_results"),
    ]

    def __init__(self, corpus: Corpus, index: SearchIndex, query: str = "") -> None:
        super().__init__()
        self.corpus = corpus
        self.index = index
        self.initial_query = query
        self.hits: list[SearchHit] = []
        self._timer: Timer | None = None  # the debounce of the search as you type

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box", classes="dialog"):
            yield Static(Content("Search the briefing"), classes="dialog-title")
            yield Input(self.initial_query, placeholder="words or a phrase…", id="search-input")
            yield Static(Content(""), id="search-status")
            yield SearchResults(id="search-results")

    def on_mount(self) -> None:
        if self.initial_query:
            self.run_search(self.initial_query)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        # Short debounce so typing stays smooth on a large briefing.
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(0.12, lambda: self.run_search(event.value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self.run_search(event.value)
        results = self.query_one(SearchResults)
        if results.option_count and not results.get_option_at_index(0).disabled:
            results.highlighted = 0
            results.focus()

    def run_search(self, query: str) -> None:
        query = clean_line(query)
        results = self.query_one(SearchResults)
        status = self.query_one("#search-status", Static)
        results.clear_options()
        if not query:
            self.hits = []
            status.update(Content(""))
            return
        self.hits = self.index.search(query)
        options = [Option(self._prompt(hit), id=str(i)) for i, hit in enumerate(self.hits)]
        results.add_options(options)
        count = len(self.hits)
        status.update(Content(f"{count}{'+' if count >= 200 else ''} match{'es' if count != 1 else ''}"
                              if count else "No matches."))
        if options:
            results.highlighted = 0

    def _prompt(self, hit: SearchHit) -> Content:
        article = self.corpus.articles[hit.article_id]
        para = self.corpus.paragraph(hit.paragraph_id)
        text, a, b = snippet(para.text if para else "", hit.start, hit.end, 70)
        section = ""
        if para is not None:
            sec = next((s for s in article.sections if s.index == para.section_index), None)
            if sec is not None and sec.title:
                section = f" § {sec.title}"
        where = Content.assemble((article.title, "bold"), (section, "dim"),
                                 ("  claim" if hit.claim_id else "", "italic"))
        body = Content(text).stylize("reverse", a, b)
        return where + "\n" + body

    def action_focus_results(self) -> None:
        results = self.query_one(SearchResults)
        if results.option_count:
            results.focus()

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        hit = self.hits[int(event.option.id or 0)]
        para = self.corpus.paragraph(hit.paragraph_id)
        self.dismiss(Location(hit.article_id, para.section_index if para else None,
                              paragraph_id=hit.paragraph_id, match=(hit.start, hit.end)))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
