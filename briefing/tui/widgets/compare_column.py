"""One source's column in the compare view: who it is, its distinctive words, its claims.

Each claim is a focusable card, so moving through claims is plain focus movement and Textual
scrolls the focused card into view whatever the layout (columns side by side or stacked).
Every string shown comes from the content and is untrusted: it only ever enters a Content as
text, never as markup.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from briefing.analysis.compare import Comparison
from briefing.analysis.framing import Term
from briefing.model import Article, Claim, Event
from briefing.tui.viewmodels.compare import (
    Mark, marks_for_claim, source_line, term_names, term_spans, value_spans,
)
from briefing.tui.viewmodels.reader import speaker_of, strip_for_display

# Styles are theme variables or plain attributes, so they follow the theme and still read in
# 16 colours; the glyphs (≠ =) and attributes carry the meaning when there is no colour at all.
TERM_STYLE = "underline $text-accent"
DISAGREE_VALUE_STYLE = "bold reverse $text-warning"
AGREE_VALUE_STYLE = "bold $text-success"
DISAGREE_STYLE = "$text-warning"
AGREE_STYLE = "$text-success"
MUTED = "$text-muted"


def styled_quote(quote: str, terms: list[str], marks: list[Mark]) -> Content:
    """The quote with the source's distinctive terms and any compared figure highlighted."""
    text = strip_for_display(quote)
    content = Content(text)
    for start, end in term_spans(text, terms):
        content = content.stylize(TERM_STYLE, start, end)
    for verdict in ("agree", "disagree"):  # a disagreement wins where both apply
        written = [m.text for m in marks if m.verdict == verdict and m.text]
        style = DISAGREE_VALUE_STYLE if verdict == "disagree" else AGREE_VALUE_STYLE
        for start, end in value_spans(text, written):
            content = content.stylize(style, start, end)
    return Content.assemble(("“", MUTED), content, ("”", MUTED))


def mark_line(mark: Mark, labels: dict[str, str]) -> Content:
    """"≠ 1 900 men  vs paylan 1,960  (russian-peacekeepers-nk)": values first, key last."""
    others = ", ".join(f"{labels.get(a, a)} {v}" for a, v in mark.others)
    disagree = mark.verdict == "disagree"
    style = DISAGREE_STYLE if disagree else AGREE_STYLE
    return Content.assemble(("≠ " if disagree else "= ", f"bold {style}"), (mark.mine, f"bold {style}"),
                            ("  vs " if disagree else "  as ", MUTED), others,
                            (f"  ({mark.key})", MUTED))


class ClaimCard(Static, can_focus=True):
    """One claim in a column; enter (a key of the screen) or a click opens it in the reader."""

    class Open(Message):
        def __init__(self, card: "ClaimCard") -> None:
            super().__init__()
            self.card = card

    def __init__(self, claim: Claim, body: Content, *, disagrees: bool) -> None:
        super().__init__(body, classes="-disagrees" if disagrees else "")
        self.claim = claim

    def on_click(self) -> None:
        self.focus()
        self.post_message(self.Open(self))


def claim_body(claim: Claim, article: Article | None, terms: list[str], marks: list[Mark],
               labels: dict[str, str], also: list[str] = ()) -> Content:
    """``also``: titles of the claim's other events (c in the view compares the next one)."""
    lines = [
        Content.assemble((claim.kind, "bold $text-primary"), ("  ", ""),
                         (speaker_of(claim, article), "italic"), ("  ", ""), (claim.id, MUTED)),
        styled_quote(claim.quote, terms, marks),
    ]
    lines.extend(mark_line(m, labels) for m in marks)
    if also:
        lines.append(Content.assemble(("also about: ", MUTED),
                                      Content("; ").join(Content(strip_for_display(t))
                                                         for t in also),
                                      ("  (c)", MUTED)))
    return Content("\n").join(lines)


class CompareColumn(Vertical):
    """A covering source: header (author, title, date, distinctive words) and its claim cards."""

    def __init__(self, comparison: Comparison, article: Article, claims: list[Claim],
                 terms: list[Term], labels: dict[str, str],
                 events: dict[str, Event] | None = None) -> None:
        super().__init__(classes="compare-column", id=f"col-{article.id}")
        self._comparison_events = events or {}  # for the titles of a claim's other events
        self.article = article
        self.claims = claims
        self._comparison = comparison
        self._terms = terms
        self._labels = labels
        self.border_title = Content(labels.get(article.id, article.id))
        n = len(claims)
        self.border_subtitle = Content(f"{n} claim{'s' if n != 1 else ''}")

    def compose(self) -> ComposeResult:
        article = self.article
        yield Static(Content.assemble((strip_for_display(article.title), "bold")),
                     classes="column-title")
        yield Static(Content(strip_for_display(source_line(article))), classes="column-source")
        names = term_names(self._terms)
        if names:
            words = Content(", ").join(Content.styled(strip_for_display(t), TERM_STYLE)
                                       for t in names)
            yield Static(Content.assemble(("Distinctive: ", "bold"), words),
                         classes="column-terms")
        else:
            yield Static(Content("Distinctive: — (no other source to contrast with)"),
                         classes="column-terms")
        for claim in self.claims:
            marks = marks_for_claim(self._comparison, claim)
            events = self._comparison_events
            also = [events[e].title if e in events else e
                    for e in claim.events if e != self._comparison.event.id]
            body = claim_body(claim, article, names, marks, self._labels, also)
            yield ClaimCard(claim, body, disagrees=any(m.verdict == "disagree" for m in marks))

    @property
    def cards(self) -> list[ClaimCard]:
        return list(self.query(ClaimCard))
