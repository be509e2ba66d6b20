"""`c`: the current claim's event across sources (a stand-in until the full compare view)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import Corpus
from briefing.tui.data import disagreements_for_event, strip_for_display
from briefing.tui.navigation import Location
from briefing.tui.widgets.claim_panel import claim_location


class EventClaimList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="compare.down"),
        Binding("k", "cursor_up", "Up", show=False, id="compare.up"),
    ]


class EventClaimsScreen(ModalScreen[Location | None]):
    """Every source's claims on one event, grouped by source; enter jumps to a claim."""

    BINDINGS = [Binding("escape,c", "dismiss_none", "Close", id="compare.close")]

    def __init__(self, corpus: Corpus, event_id: str, claim_id: str | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.event_id = event_id
        self.claim_id = claim_id

    def compose(self) -> ComposeResult:
        event = self.corpus.events.get(self.event_id)
        title = event.title if event else self.event_id
        when = (event.date or "date unknown") if event else ""
        with Vertical(id="compare-box", classes="dialog"):
            yield Static(Content.assemble(("Event: ", "bold"), title, (f"  {when}", "dim")),
                         classes="dialog-title")
            found = disagreements_for_event(self.corpus, self.event_id)
            if found:
                yield Static(Content("\n").join(Content.assemble(("≠ ", "bold"), d.describe())
                                                for d in found), id="compare-disagreements")
            yield EventClaimList(id="compare-list")

    def on_mount(self) -> None:
        options: list[Option | None] = []
        claims = self.corpus.claims_for_event(self.event_id)
        highlight = None
        for article_id in self.corpus.articles:
            mine = [c for c in claims if c.article_id == article_id]
            if not mine:
                continue
            article = self.corpus.articles[article_id]
            options.append(Option(Content.assemble((article.title, "bold"), "  ",
                                                   (article.byline, "dim")), disabled=True))
            for claim in mine:
                if claim.id == self.claim_id:
                    highlight = len(options)
                options.append(Option(Content.assemble(("  ", ""), (f"{claim.kind}: ", "italic"),
                                                       strip_for_display(claim.quote)), id=claim.id))
        listing = self.query_one(EventClaimList)
        listing.add_options(options)
        if highlight is not None:
            listing.highlighted = highlight
        listing.focus()

    @on(OptionList.OptionSelected, "#compare-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        claim = self.corpus.claims.get(event.option.id or "")
        if claim is not None:
            self.dismiss(claim_location(self.corpus, claim))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
