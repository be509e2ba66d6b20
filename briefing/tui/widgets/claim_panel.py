"""The claim panel: the current claim, its event, other sources on it, disagreements, notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import Claim, Corpus
from briefing.tui.keys import KeyGroup
from briefing.tui.viewmodels.reader import (
    annotations_on, disagreements_for_event, fmt_value, frame_label, other_claims_on_event,
    speaker_of, strip_for_display,
)
from briefing.tui.widgets.kind_legend import KindLegend
from briefing.tui.widgets.line_keys import line_keys
from briefing.tui.messages import OpenLocation
from briefing.tui.viewmodels.navigation import Location

if TYPE_CHECKING:
    from briefing.store import AnnotationStore


def _label(text: str) -> Content:
    return Content(text).stylize("bold")


def claim_location(corpus: Corpus, claim: Claim) -> Location:
    para = corpus.paragraph(claim.paragraph_id or "")
    return Location(claim.article_id, para.section_index if para else None, claim.id,
                    claim.paragraph_id)


class OtherClaims(KeyGroup, OptionList):
    """Other sources' claims on the same event; enter jumps to one."""

    HELP_GROUP = "Claim panel"

    BINDINGS = line_keys("others")


class ClaimPanel(VerticalScroll):
    """Shows one claim in context. Updated by the screen; asks to open things by message."""

    MAX_OTHERS = 40  # a big briefing can have hundreds of claims on one event: `c` lists all

    def __init__(self, corpus: Corpus, store: "AnnotationStore | None" = None, *,
                 id: str | None = None,
                 lazy: bool = False) -> None:
        super().__init__(id=id)
        # lazy: composed empty (hidden at start-up); the six boxes are mounted by build(),
        # right after the first paint or when first needed, whichever comes first.
        self._built = not lazy
        self.corpus = corpus
        self.store = store
        self.claim: Claim | None = None
        self.can_focus = False  # focus goes to the list inside
        self._dirty = False  # self.claim is not what is shown yet

    @property
    def corpus(self) -> Corpus:
        return self._corpus

    @corpus.setter
    def corpus(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._disagreements: dict[str, list] = {}  # event id -> disagreements (corpus is fixed)

    def compose(self) -> ComposeResult:
        if self._built:
            yield from self._boxes()

    def build(self) -> None:
        """Mount the boxes if composed lazily (registered at once: queries find them)."""
        if not self._built and self.is_attached:
            self._built = True
            self.mount(*self._boxes())

    def _boxes(self) -> ComposeResult:
        yield Static(Content("No claim selected. Press n for the next claim."), id="claim-body")
        yield Static(Content(""), id="claim-event")
        yield Static(_label("Other sources on this event"), id="others-title", classes="pane-title")
        yield OtherClaims(id="claim-others")
        yield Static(Content(""), id="claim-disagreements")
        yield Static(Content(""), id="claim-annotation")
        yield KindLegend(id="claim-legend")

    def show_claim(self, claim: Claim | None) -> None:
        """Show ``claim``: drawn after the next screen refresh, so the article's highlight
        moves first (one frame), and not at all while the panel is hidden."""
        if claim is self.claim and claim is not None and not self._dirty:
            return
        self.claim = claim
        self._dirty = True
        # Scheduled every time (a flush with nothing new is a no-op): Textual drops
        # after-refresh callbacks posted while the app is still starting.
        self.call_after_refresh(self._flush)

    def _flush(self) -> None:
        if self._dirty and self.display and self.is_attached:
            self._dirty = False
            self.build()
            self._render_claim(self.claim)

    def on_show(self) -> None:
        if self._dirty:
            self._flush()

    def _render_claim(self, claim: Claim | None) -> None:
        body = self.query_one("#claim-body", Static)
        event_box = self.query_one("#claim-event", Static)
        others = self.query_one("#claim-others", OtherClaims)
        disagreements = self.query_one("#claim-disagreements", Static)
        annotation = self.query_one("#claim-annotation", Static)
        others.clear_options()
        if claim is None:
            body.update(Content("No claim selected. Press n for the next claim."))
            for box in (event_box, disagreements, annotation):
                box.update(Content(""))
            return
        body.update(self._claim_content(claim))
        body.set_class(claim.status == "suggested", "-suggested")
        event_box.update(self._events_content(claim))
        options: list[Option] = []
        others_on_event = other_claims_on_event(self.corpus, claim)
        for event_id, other in others_on_event[:self.MAX_OTHERS]:
            article = self.corpus.articles.get(other.article_id)
            source = article.title if article else other.article_id
            prompt = Content.assemble(
                (source, "bold"), (f"  {other.kind}", "italic"), "\n",
                strip_for_display(other.quote))
            options.append(Option(prompt, id=other.id))
        if len(others_on_event) > self.MAX_OTHERS:
            more = len(others_on_event) - self.MAX_OTHERS
            options.append(Option(Content(f"… and {more} more: press c to compare").stylize("dim"),
                                  disabled=True))
        others.add_options(options or [Option(Content("No other source covers this event."),
                                              disabled=True)])
        if options:
            others.highlighted = 0
        disagreements.update(self._disagreements_content(claim))
        annotation.update(self._annotation_content(claim))
        self.scroll_home(animate=False)

    # ---------------------------------------------------------------- pieces
    def _claim_content(self, claim: Claim) -> Content:
        article = self.corpus.articles.get(claim.article_id)
        speaker = speaker_of(claim, article)
        lines = [
            Content.assemble((claim.kind.upper(), "bold"), "  ", (claim.id, "dim"),
                             self._annotated_mark(claim)),
            Content.assemble(("“", "dim"), strip_for_display(claim.quote), ("”", "dim")),
            Content.assemble(("Speaker: ", "bold"), speaker),
        ]
        if claim.status == "suggested":  # under review: briefing.tui.screens.curating
            from briefing.tui.viewmodels.claim_draft import suggestion_line

            lines.insert(1, Content(suggestion_line(claim)).stylize("italic"))
        if claim.actors:
            lines.append(Content.assemble(("Actors: ", "bold"), ", ".join(claim.actors)))
        for fig in claim.figures:
            approx = " (approx.)" if fig.approx else ""
            shown = strip_for_display(fmt_value(fig.value, fig.text, fig.unit))
            lines.append(Content.assemble(("Figure: ", "bold"), f"{fig.quantity} = {shown}{approx}"))
        for date in claim.dates:
            what = f"{date.what} = " if date.what else ""
            lines.append(Content.assemble(("Date: ", "bold"), f"{what}{date.value}"))
        if claim.frame:
            lines.append(Content.assemble(("Frame: ", "bold"), frame_label(claim.frame)))
        return Content("\n").join(lines)

    def _events_content(self, claim: Claim) -> Content:
        lines: list[Content] = []
        for event_id in claim.events:
            event = self.corpus.events.get(event_id)
            if event is None:
                lines.append(Content.assemble(("Event: ", "bold"), event_id))
                continue
            when = event.date or "date unknown"
            if event.end:
                when += f" – {event.end}"
            sources = len(self.corpus.sources_for_event(event_id))
            lines.append(Content.assemble(("Event: ", "bold"), event.title))
            lines.append(Content.assemble(
                (when, "dim"), (f" · {sources} source{'s' if sources != 1 else ''}", "dim")))
            if event.summary:
                lines.append(Content(strip_for_display(event.summary)).stylize("italic"))
        return Content("\n").join(lines)

    def _disagreements_content(self, claim: Claim) -> Content:
        found = []
        for event_id in claim.events:
            if event_id not in self._disagreements:
                self._disagreements[event_id] = disagreements_for_event(self.corpus, event_id)
            found.extend(self._disagreements[event_id])
        if not found:
            return Content("")
        lines = [Content("Disagreements").stylize("bold")]
        lines.extend(Content.assemble(("≠ ", "bold"), d.describe()) for d in found)
        return Content("\n").join(lines)

    def _annotation_content(self, claim: Claim) -> Content:
        # Every author's tags and note, literal (briefing.tui.viewmodels.annotations).
        from briefing.tui.viewmodels.annotations import claim_annotations_content

        return claim_annotations_content(self.store, claim.id)

    def _annotated_mark(self, claim: Claim) -> Content:
        """``  ✎ annotated`` on the claim's first line when anyone annotated it."""
        annotated = bool(annotations_on(self.store, claim.id))
        return Content.styled("  ✎ annotated", "bold") if annotated else Content("")

    def refresh_annotation(self) -> None:
        """Re-read the current claim's annotations (the store changed: AnnotationsChanged)."""
        if self.claim is not None and self._built:
            self.query_one("#claim-body", Static).update(self._claim_content(self.claim))
            self.query_one("#claim-annotation", Static).update(self._annotation_content(self.claim))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        other = self.corpus.claims.get(event.option.id or "")
        if other is not None:
            self.post_message(OpenLocation(claim_location(self.corpus, other)))
