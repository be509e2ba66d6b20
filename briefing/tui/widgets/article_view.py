"""The article being read: title, byline, headings, paragraphs with claims, footnotes.

Only the current article is mounted.  Each paragraph (or each ~4,000-character chunk of a very
long one) is its own small widget, so moving the claim highlight re-renders just the chunks
whose highlight changed, never the whole article.
"""

from __future__ import annotations

from functools import partial
from typing import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.events import Click, MouseDown, MouseMove, MouseUp
from textual.geometry import Region
from textual.style import Style
from textual.widget import Widget
from textual.widgets import Static

from briefing.model import CLAIM_KINDS, Article, Claim, Paragraph
from briefing.tui.after_paint import after_paint
from briefing.tui.keys import KeyGroup
from briefing.tui.viewmodels.reader import strip_for_display as shown
from briefing.tui.messages import ClaimActivated, ClaimClicked, PassageDragged
from briefing.tui.widgets.render import ChunkState, chunk_bounds, render_chunk

STYLE_NAMES = tuple(f"claim--{kind}" for kind in CLAIM_KINDS) + (
    "claim--current", "claim--annotated", "search--match", "footnote-ref",
    "claim--suggested", "highlight", "selection",
)


class ArticleTitle(Static):
    """Title, subtitle and byline (author, outlet, date): all untrusted, all literal."""


class SectionHeading(Static):
    """A `##` heading of the article."""


class FootnoteList(Static):
    """The article's footnotes at the end."""


class Passage(Widget):
    """One paragraph, or one chunk of a very long paragraph."""

    ALLOW_SELECT = False  # a drag selects a passage to highlight (see on_mouse_down)

    def __init__(self, view: "ArticleView", paragraph: Paragraph, start: int, end: int,
                 claims: list[Claim]) -> None:
        super().__init__(classes="-lang" if paragraph.lang else "")
        self.view = view
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.claims = claims  # only those overlapping this chunk
        self.state = ChunkState()

    def render(self) -> Content:
        return render_chunk(self.paragraph, self.start, self.end, self.claims,
                            self.view.highlight_styles(), self.state)

    def set_state(self, state: ChunkState) -> None:
        if state != self.state:
            self.state = state
            self.refresh()  # same text, same height: no layout pass needed

    def offset_at(self, x: int, y: int) -> int:
        """Approximate paragraph offset of the cell (x, y) of this passage (for clicks)."""
        width = self.content_region.width or self.size.width
        text = self.paragraph.text[self.start:self.end]
        if width <= 0:
            return self.start
        pos = 0
        for row, line in enumerate(Content(text).wrap(width)):
            found = text.find(line.plain, pos) if line.plain else pos
            begin = found if found != -1 else pos
            if row == y:
                return self.start + min(begin + max(x, 0), begin + len(line.plain))
            pos = begin + len(line.plain)
        return self.start + len(text)

    def on_click(self, event: Click) -> None:
        if not self.claims or self.view.dragged:
            return
        offset = self.offset_at(event.x, event.y)
        inside = [c for c in self.claims if c.start <= offset < c.end]
        # A click beside a claim (between words, on the margin) picks the nearest one.
        claim = inside[0] if inside else min(
            self.claims, key=lambda c: min(abs(c.start - offset), abs(c.end - offset)))
        self.post_message(ClaimClicked(claim.id))

    # A drag with the mouse selects words of this paragraph (briefing.tui.screens.curating).
    def on_mouse_down(self, event: MouseDown) -> None:
        if event.button == 1:
            self.view.dragged = False
            self.view.drag = (self, self.offset_at(event.x, event.y))
            self.capture_mouse()

    def on_mouse_move(self, event: MouseMove) -> None:
        drag = self.view.drag
        if drag is None or drag[0] is not self or not event.button:
            return
        at = event.get_content_offset_capture(self)
        offset = self.offset_at(at.x, max(at.y, 0)) if at.y < self.size.height else self.end
        if abs(offset - drag[1]) > 1:
            self.view.dragged = True
            self.view.set_selection(self.paragraph.id, *sorted((drag[1], offset)))

    def on_mouse_up(self, event: MouseUp) -> None:
        drag, self.view.drag = self.view.drag, None
        self.release_mouse()
        if drag is None or drag[0] is not self or not self.view.dragged:
            return
        at = event.get_content_offset_capture(self)
        offset = self.offset_at(at.x, max(at.y, 0)) if at.y < self.size.height else self.end
        self.post_message(PassageDragged(self.paragraph.id, *sorted((drag[1], offset))))

    def line_of_offset(self, offset: int) -> int:
        """Approximate wrapped line (0-based) where ``offset`` of the paragraph falls."""
        width = self.content_region.width or self.size.width
        if width <= 0 or offset <= self.start:
            return 0
        prefix = Content(self.paragraph.text[self.start:offset])
        return max(0, len(prefix.wrap(width)) - 1)


class ArticleView(KeyGroup, VerticalScroll, can_focus=True):
    """Scrollable reading pane for one article."""

    HELP_GROUP = "Article pane"

    COMPONENT_CLASSES = set(STYLE_NAMES)

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="article.down"),
        Binding("k", "scroll_up", "Up", show=False, id="article.up"),
        Binding("space", "page_down", "Page", show=False, id="article.page"),
        Binding("enter", "activate_claim", "Claim details", show=False, id="article.enter"),
    ]

    def __init__(self, *, id: str | None = None,
                 initial: tuple[Article, list[Claim], Iterable[str]] | None = None) -> None:
        """``initial``: the article to compose with the screen (one layout pass at start-up
        instead of composing an empty pane and then mounting the article into it)."""
        super().__init__(id=id)
        self._initial = initial
        self.article: Article | None = None
        self._by_claim: dict[str, list[Passage]] = {}
        self._by_paragraph: dict[str, list[Passage]] = {}
        self._headings: dict[int, Widget] = {}
        self._state_claim: str | None = None
        self._match: tuple[str, int, int] | None = None
        self._annotated: frozenset[str] = frozenset()
        self._styles: dict[str, Style] | None = None
        self._pinned_section: tuple[int, float] | None = None
        self._reveal: tuple[Passage, int] | None = None  # a jump waiting for layout
        self._reveal_tries = 0
        # Curation (briefing.tui.screens.curating): highlights by paragraph, the selection.
        self._passage_marks: dict[str, list[tuple[int, int]]] = {}
        self._selection: tuple[str, int, int] | None = None
        self.drag: tuple[Passage, int] | None = None  # mouse down at (passage, offset)
        self.dragged = False

    # ------------------------------------------------------------------ styles
    def highlight_styles(self) -> dict[str, Style]:
        """Styles from the stylesheet's component classes, resolved once per theme."""
        if self._styles is None:
            styles = {}
            for name in STYLE_NAMES:
                style = self.get_visual_style(name)
                # get_visual_style drops `reverse`, which NO_COLOR and 16 colours rely on.
                if self.get_component_styles(name).text_style.reverse:
                    style = style + Style(reverse=True)
                styles[name] = style
            self._styles = styles
        return self._styles

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        self._styles = None
        self.call_after_refresh(self._refresh_passages)

    def _refresh_passages(self) -> None:
        self._styles = None
        for passage in self.query(Passage):
            passage.refresh()

    # ------------------------------------------------------------------ content
    def compose(self) -> ComposeResult:
        if self._initial is not None:
            initial, self._initial = self._initial, None
            widgets = self._build(*initial)
            # Only what fills the first screen is composed before the first paint (each widget
            # is styled, laid out and wrapped before anything shows); the rest follows it.
            limit = first_screen_count(widgets, self.app.size.width, self.app.size.height)
            first, rest = widgets[:limit], widgets[limit:]
            yield from first
            if rest:
                after_paint(self, partial(self._mount_rest, self.article, rest))

    def _mount_rest(self, article: Article | None, rest: list[Widget]) -> None:
        if self.article is article:  # not replaced by another article before the paint
            self.mount_all(rest)

    def show_article(self, article: Article, claims: list[Claim], annotated: Iterable[str] = ()) -> None:
        """Replace the pane's content with ``article`` (the only article ever mounted)."""
        widgets = self._build(article, claims, annotated)
        with self.app.batch_update():
            self.remove_children()
            self.mount_all(widgets)
        self.scroll_home(animate=False)

    def _build(self, article: Article, claims: list[Claim], annotated: Iterable[str]) -> list[Widget]:
        """The widgets for ``article``, and the lookup tables that point into them."""
        self.article = article
        self._annotated = frozenset(annotated)
        self._state_claim = None
        self._match = None
        self._by_claim.clear()
        self._by_paragraph.clear()
        self._headings.clear()
        self._pinned_section = None
        claims_by_para: dict[str, list[Claim]] = {}
        for claim in claims:
            if claim.paragraph_id:
                claims_by_para.setdefault(claim.paragraph_id, []).append(claim)
        widgets: list[Widget] = [ArticleTitle(_title_content(article), classes="article-title")]
        for section in article.sections:
            if section.title:
                heading = SectionHeading(Content(shown(section.title)),
                                         classes=f"level-{min(section.level, 3)}")
                widgets.append(heading)
                self._headings[section.index] = heading
            for para in section.paragraphs:
                para_claims = claims_by_para.get(para.id, [])
                for start, end in chunk_bounds(para.text):
                    in_chunk = [c for c in para_claims if c.start < end and c.end > start]
                    passage = Passage(self, para, start, end, in_chunk)
                    marked = self._annotated.intersection(c.id for c in in_chunk)
                    if marked:
                        passage.state = ChunkState(annotated=frozenset(marked))
                    widgets.append(passage)
                    self._by_paragraph.setdefault(para.id, []).append(passage)
                    for claim in in_chunk:
                        self._by_claim.setdefault(claim.id, []).append(passage)
                if section.index not in self._headings and self._by_paragraph.get(para.id):
                    self._headings[section.index] = self._by_paragraph[para.id][0]
        if article.footnotes:
            notes = Content("Notes").stylize("bold")
            for note in article.footnotes:
                notes = notes + "\n" + Content.assemble((f"[{note.label}] ", "bold"), note.text)
            widgets.append(FootnoteList(notes))
        return widgets

    def set_annotated(self, annotated: Iterable[str]) -> None:
        self._annotated = frozenset(annotated)
        self._apply_states(self.query(Passage))

    # ------------------------------------------------------------------ highlight
    def set_highlight(self, claim_id: str | None, match: tuple[str, int, int] | None = None) -> None:
        """Make ``claim_id`` the current claim (and ``match`` = (paragraph id, start, end)).

        Only the passages whose highlight changes are re-rendered.
        """
        touched: list[Passage] = []
        for cid in (self._state_claim, claim_id):
            if cid:
                touched.extend(self._by_claim.get(cid, ()))
        for m in (self._match, match):
            if m:
                touched.extend(self._by_paragraph.get(m[0], ()))
        self._state_claim = claim_id
        self._match = match
        self._apply_states(touched)

    def _apply_states(self, passages: Iterable[Passage]) -> None:
        for passage in passages:
            match = None
            if self._match and self._match[0] == passage.paragraph.id:
                match = (self._match[1], self._match[2])
            current = self._state_claim if any(c.id == self._state_claim for c in passage.claims) else None
            annotated = self._annotated.intersection(c.id for c in passage.claims)
            passage.set_state(ChunkState(current, match, frozenset(annotated),
                                         *self._curation_state(passage)))

    # ------------------------------------------------------------------ curation
    def _curation_state(self, passage: Passage) -> tuple[tuple[tuple[int, int], ...],
                                                          tuple[int, int] | None]:
        pid = passage.paragraph.id
        selection = self._selection
        return (tuple(self._passage_marks.get(pid, ())),
                (selection[1], selection[2]) if selection and selection[0] == pid else None)

    def set_passage_marks(self, marks: dict[str, list[tuple[int, int]]]) -> None:
        """Show the user's highlights: paragraph id -> [(start, end)]."""
        touched = set(marks) | set(self._passage_marks)
        self._passage_marks = marks
        self._apply_states(p for pid in touched for p in self._by_paragraph.get(pid, ()))

    def set_selection(self, paragraph_id: str | None, start: int = 0, end: int = 0) -> None:
        """Show the passage being selected (None: no selection)."""
        old = self._selection
        self._selection = (paragraph_id, start, end) if paragraph_id else None
        touched = {s[0] for s in (old, self._selection) if s}
        self._apply_states(p for pid in touched for p in self._by_paragraph.get(pid, ()))

    def paragraph_at_top(self) -> Passage | None:
        """The first passage whose top is in view (where a selection starts)."""
        top = self.scroll_y
        for passages in self._by_paragraph.values():
            for passage in passages:
                region = passage.virtual_region
                if region.height and region.bottom > top:
                    return passage
        return next((ps[0] for ps in self._by_paragraph.values() if ps), None)

    # ------------------------------------------------------------------ scrolling
    def scroll_to_offset(self, paragraph_id: str, offset: int, *, animate: bool = False) -> None:
        """Bring the passage holding ``offset`` of a paragraph into view, with context above
        (after layout: see reveal)."""
        passages = self._by_paragraph.get(paragraph_id)
        if not passages:
            return
        passage = next((p for p in passages if p.start <= offset < max(p.end, p.start + 1)), passages[-1])
        self._reveal = (passage, offset)
        self._reveal_tries = 0
        self._do_reveal()

    # A jump's target is placed this far down the view (a quarter of it, at least 2 lines) so
    # the lines before it show; a target already in that band is not scrolled to.
    def _do_reveal(self) -> None:
        if self._reveal is None:
            return
        passage, offset = self._reveal
        region = passage.virtual_region
        if not passage.is_attached:
            self._reveal = None
            return
        if region.height == 0 or self.size.height == 0:
            # Not laid out yet (a freshly mounted article): try again after the next refresh.
            if self._reveal_tries < 20:
                self._reveal_tries += 1
                self.call_after_refresh(self._do_reveal)
            return
        self._reveal = None
        y = region.y + passage.line_of_offset(offset)
        height = self.scrollable_content_region.height or self.size.height
        context = max(2, height // 4)
        top = self.scroll_y
        if top + min(context, 2) <= y <= top + height - 3:
            return  # comfortably visible already: leave the reader where they are
        self.scroll_to(y=max(0, y - context), animate=False, immediate=True)

    def scroll_to_claim(self, claim: Claim) -> None:
        if claim.paragraph_id:
            self.scroll_to_offset(claim.paragraph_id, claim.start)

    def scroll_to_section(self, index: int) -> None:
        widget = self._headings.get(index)
        if widget is None:
            return

        def scroll() -> None:
            self.scroll_to(y=widget.virtual_region.y, animate=False, immediate=True)
            # Short last sections cannot reach the top of the view: remember which one was
            # asked for, as long as the reader does not scroll away from it.
            self._pinned_section = (index, self.scroll_y)

        self._pinned_section = (index, self.scroll_y)
        scroll()
        self.call_after_refresh(scroll)

    def section_at_top(self) -> int:
        """Index of the section whose heading is at or above the top of the view."""
        top = self.scroll_y
        if self._pinned_section is not None and abs(self._pinned_section[1] - top) < 1:
            return self._pinned_section[0]
        current = 0
        for index, widget in sorted(self._headings.items(), key=lambda kv: kv[1].virtual_region.y):
            if widget.virtual_region.y <= top + 1:
                current = index
        return current

    # ------------------------------------------------------------------ reading progress
    def fully_laid_out(self) -> bool:
        """Every passage of the article is mounted and laid out (the rest of a long article
        is mounted after the first paint: until then the end is not the article's end)."""
        if not self._by_paragraph:
            return self.article is not None and self.virtual_size.height > 0
        last = next(reversed(self._by_paragraph.values()))[-1]
        return last.is_attached and last.virtual_region.height > 0

    def reading_extent(self) -> tuple[float, set[int]] | None:
        """(how far down the article the bottom of the view is, 0..1; the sections whose end
        has been in view), or None while the article is not laid out."""
        total = self.virtual_size.height
        if total <= 0 or not self.fully_laid_out():
            return None
        bottom = self.scroll_y + self.scrollable_content_region.height
        starts = sorted((w.virtual_region.y, i) for i, w in self._headings.items())
        read = {index for n, (_y, index) in enumerate(starts)
                if bottom >= (starts[n + 1][0] if n + 1 < len(starts) else total) - 1}
        return min(1.0, bottom / total), read

    def restore_scroll(self, y: float, tries: int = 20) -> None:
        """Scroll to ``y`` once the article is tall enough (reopening where the user was)."""
        if self.fully_laid_out() or tries <= 0:
            self.scroll_to(y=y, animate=False, immediate=True)
            return
        self.call_after_refresh(self.restore_scroll, y, tries - 1)

    def action_activate_claim(self) -> None:
        if self._state_claim:
            self.post_message(ClaimActivated(self._state_claim))


def first_screen_count(widgets: list[Widget], width: int, height: int) -> int:
    """How many of ``widgets`` (in order) it takes to fill a ``width`` x ``height`` screen.

    A low estimate of each one's height (the full terminal width, no side panes; one line of
    margin) errs towards composing one widget too many, never towards a gap on screen."""
    width = max(width, 20)
    lines = 0
    for count, widget in enumerate(widgets, 1):
        if isinstance(widget, Passage):
            rows = -(-(widget.end - widget.start) // width)
        elif isinstance(widget, Static) and isinstance(widget.content, Content):
            rows = sum(-(-len(line) // width) or 1 for line in widget.content.plain.split("\n"))
        else:
            rows = 1
        lines += rows + 1
        if lines >= height:
            return count
    return len(widgets)


def _title_content(article: Article) -> Content:
    parts: list[Content] = [Content(shown(article.title)).stylize("bold")]
    if article.subtitle:
        parts.append(Content("\n") + Content(shown(article.subtitle)).stylize("italic"))
    meta = [shown(article.byline)]
    if article.outlet:
        meta.append(shown(article.outlet))
    meta.append(shown(article.published) or "date unknown")
    if article.translator:
        meta.append(f"translated by {shown(article.translator)}")
    parts.append(Content("\n") + Content(" · ".join(meta)).stylize("dim"))
    if article.url:  # where to find the source again: literal, cleaned, never a markup link
        parts.append(Content("\n") + Content(shown(article.url)).stylize("dim italic"))
    return Content("").join(parts)
