"""One source's column in the compare view: a header that stays, and its claims in a list.

The claims are one OptionList (a virtual list: only the lines on screen are rendered), so a
column costs two widgets however many claims it has, scrolls on its own, and its header (who,
what, framing words) never scrolls away.  Every string shown comes from the content and is
untrusted: it only ever enters a Content as text, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.events import Resize
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from briefing.model import Article, Claim
from briefing.tui.viewmodels.compare import (
    ClaimNote, RELATION_WORD, source_line, term_spans, terms_text, value_spans,
)
from briefing.tui.viewmodels.reader import speaker_of, strip_for_display

# Styles are theme variables or plain attributes, so they follow the theme and still read in
# 16 colours; the glyphs (≠ ≈ =) and attributes carry the meaning when there is no colour.
TERM_STYLE = "underline $text-accent"
DISAGREE_VALUE_STYLE = "bold reverse $text-warning"
AGREE_VALUE_STYLE = "bold $text-success"
DISAGREE_STYLE = "$text-warning"
COMPATIBLE_STYLE = "$text-secondary"
AGREE_STYLE = "$text-success"
MUTED = "$text-muted"
RELATION_STYLE = {"conflict": DISAGREE_STYLE, "compatible": COMPATIBLE_STYLE,
                  "agree": AGREE_STYLE}
RELATION_SYMBOL = {"conflict": "≠", "compatible": "≈", "agree": "="}


@dataclass(frozen=True, slots=True)
class ClaimView:
    """What a claim's entry shows, decided by the screen from the analysis."""

    claim: Claim
    notes: tuple[ClaimNote, ...] = ()
    marked: tuple[tuple[str, str], ...] = ()  # (other claim, note) marked by hand
    title_differs: bool = False
    also: tuple[str, ...] = ()  # titles of the claim's other events
    picked: bool = False  # the first claim of a hand mark being made


def styled_quote(quote: str, terms: list[str], notes: tuple[ClaimNote, ...]) -> Content:
    """The quote with the source's distinctive terms and its compared values highlighted."""
    text = strip_for_display(quote)
    content = Content(text)
    for start, end in term_spans(text, terms):
        content = content.stylize(TERM_STYLE, start, end)
    for relation in ("agree", "compatible", "conflict"):  # a conflict wins where both apply
        written = [n.text for n in notes if n.relation == relation and n.text]
        style = DISAGREE_VALUE_STYLE if relation == "conflict" else f"bold {RELATION_STYLE[relation]}"
        for start, end in value_spans(text, written):
            content = content.stylize(style, start, end)
    return Content.assemble(("“", MUTED), content, ("”", MUTED))


def note_line(note: ClaimNote) -> Content:
    """"≠ 1 900 men vs Paylan 1,960 (russian-peacekeepers-nk)": this claim's value first."""
    style = RELATION_STYLE[note.relation]
    return Content.assemble((RELATION_SYMBOL[note.relation] + " ", f"bold {style}"),
                            (note.mine, f"bold {style}"), (f" {RELATION_WORD[note.relation]} ", MUTED),
                            note.other, " ", (note.theirs, "bold"), (f"  ({note.key})", MUTED))


def claim_content(view: ClaimView, article: Article | None, terms: list[str]) -> Content:
    claim = view.claim
    head = [(claim.kind, "bold $text-primary"), "  ", (speaker_of(claim, article), "italic"),
            "  ", (claim.id, MUTED)]
    if view.picked:
        head.insert(0, ("◎ ", "bold $text-accent"))
    lines = [Content.assemble(*head), styled_quote(claim.quote, terms, view.notes)]
    lines.extend(note_line(n) for n in view.notes)
    if view.title_differs:
        lines.append(Content.styled("≠ a title here differs from another source's", DISAGREE_STYLE))
    for other, note in view.marked:
        lines.append(Content.assemble(("✎ ≠ ", f"bold {DISAGREE_STYLE}"), ("marked against ", MUTED),
                                      other, (f"  {strip_for_display(note)}" if note else "", MUTED)))
    if view.also:
        lines.append(Content.assemble(("also about: ", MUTED),
                                      Content("; ").join(Content(strip_for_display(t))
                                                         for t in view.also),
                                      ("  (c)", MUTED)))
    return Content("\n").join(lines)


def claim_options(views: list[ClaimView], article: Article, terms: list[str]
                  ) -> list[Option | None]:
    options: list[Option | None] = []
    for n, view in enumerate(views):
        if n:
            options.append(None)  # a rule between claims
        options.append(Option(claim_content(view, article, terms), id=view.claim.id))
    return options


class ClaimList(OptionList, inherit_bindings=False):
    """A column's claims.  The keys are the screen's (help and keymaps list them there)."""

    def _on_resize(self, event: Resize) -> None:
        # OptionList measures its lines when it first paints, then lays out again and paints
        # a second frame; measured here, as soon as the width is known, the first frame is
        # the right one (the view opens a frame sooner).  OptionList's own handler (which
        # Textual calls after this one) would throw the lines away again: it is done here.
        self._clear_caches()
        self._update_lines()
        event.prevent_default()

    def show(self, views: list[ClaimView], article: Article, terms: list[str]) -> None:
        keep = self.highlighted
        self.clear_options()
        self.add_options(claim_options(views, article, terms))
        if views:
            self.highlighted = min(keep or 0, len(views) - 1) if keep is not None else 0

    @property
    def claim_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def claim_ids(self) -> list[str]:
        return [o.id for o in self.options if o.id is not None]

    def go_to(self, claim_id: str) -> bool:
        try:
            self.highlighted = self.get_option_index(claim_id)
        except OptionDoesNotExist:  # not in this column
            return False
        return True


@dataclass(frozen=True, slots=True)
class ColumnData:
    """Everything a column shows about one source."""

    article: Article
    label: str
    views: list[ClaimView]
    terms: list[str]  # significant distinctive terms (none when none reaches z >= 1.96)
    lexicon: list[tuple[str, int]]  # curated framing words used, most used first


def column_head(data: ColumnData) -> Content:
    article, n = data.article, len(data.views)
    lines = [
        Content.assemble((data.label, "bold $text-primary"),
                         (f"  {n} claim{'s' if n != 1 else ''}", MUTED)),
        Content.assemble((strip_for_display(article.title), "bold"), "  ",
                         (strip_for_display(source_line(article)), MUTED)),
        Content.assemble(("framing: ", MUTED),
                         Content(terms_text(data.lexicon)) if data.lexicon
                         else Content.styled("no lexicon word", MUTED)),
    ]
    if data.terms:
        lines.append(Content.assemble(("distinctive: ", MUTED), Content(", ").join(
            Content.styled(strip_for_display(t), TERM_STYLE) for t in data.terms)))
    return Content("\n").join(lines)


class CompareColumn:
    """A covering source: a header that stays (who, title, claims, framing) over its claims.

    Not a container: its two widgets sit in the view's grid (a row of headers over a row of
    lists), since Textual paints every container's whole region on each frame and a column
    container cost a third of the view's first paint.  Built with its content, so the first
    frame is the final one; paging through sources reuses it (:meth:`show`)."""

    def __init__(self, index: int, data: ColumnData | None = None) -> None:
        self.article: Article | None = data.article if data else None
        self.head = Static(column_head(data) if data else Content(""), classes="column-head",
                           id=f"compare-head-{index}")
        options = claim_options(data.views, data.article, data.terms) if data else []
        self.claims = ClaimList(*options, classes="claim-list", id=f"compare-list-{index}")
        self.display = data is not None

    @property
    def widgets(self) -> tuple[Static, ClaimList]:
        return self.head, self.claims

    @property
    def display(self) -> bool:
        return self.claims.display

    @display.setter
    def display(self, shown: bool) -> None:
        self.head.display = shown
        self.claims.display = shown

    def show(self, data: ColumnData) -> None:
        """This column now shows another source (or the same with new findings)."""
        self.article = data.article
        self.head.update(column_head(data))
        self.claims.show(data.views, data.article, data.terms)
