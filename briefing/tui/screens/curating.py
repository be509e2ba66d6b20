"""The reader's curation keys, kept out of reader.py: highlight a passage, make a claim from
it, review suggestions (accept, reject, edit; a whole source; an event), undo, and show or
hide suggestions.

``CurationActions`` is mixed into ReaderScreen (its actions and message handlers); the
bindings are ``CURATION_BINDINGS``, appended to the reader's.  Content edits go through the
app's one curation session (``app.curation``): it keeps the undo stack and reloads the
corpus, after which ``content_reloaded`` shows the article again where the reader was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from briefing.model import Claim
from briefing.tui.screens.highlighting import refresh_highlights
from briefing.tui.viewmodels.selection import Selection

if TYPE_CHECKING:
    from briefing.store.highlights import Highlight
    from briefing.tui.curation_session import CurationSession
    from briefing.tui.messages import PassageDragged, SelectionChanged, SelectionDone
    from briefing.tui.screens.reader import ReaderScreen

CURATION_BINDINGS = [
    Binding("h", "highlight", "Select a passage", show=False, id="reader.highlight"),
    Binding("C", "make_claim", "Make a claim", key_display="C", show=False,
            id="reader.make_claim"),
    Binding("y", "accept_claim", "Accept suggestion", show=False, id="reader.accept_claim"),
    Binding("x", "reject_claim", "Reject suggestion", show=False, id="reader.reject_claim"),
    Binding("E", "edit_claim", "Edit claim", key_display="E", show=False, id="reader.edit_claim"),
    Binding("Y", "accept_source", "Accept all suggestions in this source", key_display="Y",
            show=False, id="reader.accept_source"),
    Binding("V", "review_event", "Review this claim's event", key_display="V", show=False,
            id="reader.review_event"),
    Binding("u,ctrl+z", "undo", "Undo curation step", show=False, id="reader.undo"),
    Binding("S", "toggle_suggestions", "Show / hide suggestions", key_display="S", show=False,
            id="reader.toggle_suggestions"),
]


class CurationActions:
    """ReaderScreen's curation actions (a mixin: ``self`` is the ReaderScreen)."""

    # ------------------------------------------------------------------ selecting
    def action_highlight(self: "ReaderScreen") -> None:
        selection = _cursor_sentence(self)
        if selection is None:
            self.notify("No paragraph to select here.", markup=False, timeout=2)
            return
        start_selection(self, selection)

    def on_passage_dragged(self: "ReaderScreen", message: "PassageDragged") -> None:
        message.stop()
        para = self.corpus.paragraph(message.paragraph_id)
        if para is not None:
            start_selection(self, Selection.between(para.id, para.text, message.start, message.end))

    def on_selection_changed(self: "ReaderScreen", message: "SelectionChanged") -> None:
        message.stop()
        s = message.selection
        self.article_view.set_selection(s.paragraph_id, s.start, s.end)
        self.article_view.scroll_to_offset(s.paragraph_id, s.end)

    def on_selection_done(self: "ReaderScreen", message: "SelectionDone") -> None:
        message.stop()
        end_selection(self)
        selection, then = message.selection, message.then
        if then == "claim":
            open_claim_form(self, selection.quote, selection.paragraph_id)
        elif then is not None:
            highlight = save_highlight(self, selection)
            if highlight is not None and then in ("tag", "note"):
                annotate_highlight(self, highlight, then)

    # ------------------------------------------------------------------ claims
    def action_make_claim(self: "ReaderScreen") -> None:
        selection = _cursor_sentence(self)
        if selection is None:
            self.notify("No sentence to make a claim from here.", markup=False, timeout=2)
            return
        open_claim_form(self, selection.quote, selection.paragraph_id)

    def action_edit_claim(self: "ReaderScreen") -> None:
        claim = _current(self, "edit")
        if claim is not None and _session(self) is not None:
            from briefing.tui.dialogs.claim_form import ClaimForm
            from briefing.tui.viewmodels.claim_draft import ClaimDraft

            self.app.push_screen(ClaimForm(self.corpus, ClaimDraft.from_claim(claim)))

    def action_accept_claim(self: "ReaderScreen") -> None:
        claim = _current(self, "accept", suggested=True)
        if claim is not None and (session := _session(self)) is not None:
            from briefing.curation import accept_claims

            session.focus_claim = claim.id
            session.attempt(f"accepted {claim.id}",
                            lambda cur, exp: accept_claims(cur, [claim.id], expected=exp))

    def action_reject_claim(self: "ReaderScreen") -> None:
        claim = _current(self, "reject", suggested=True)
        if claim is not None and (session := _session(self)) is not None:
            from briefing.curation import reject_claims

            session.focus_claim = None
            session.attempt(f"rejected {claim.id}",
                            lambda cur, exp: reject_claims(cur, [claim.id], expected=exp))

    def action_accept_source(self: "ReaderScreen") -> None:
        ids = [c.id for c in self.corpus.claims_for_article(self.article_id or "")
               if c.status == "suggested"]
        if not ids:
            self.notify("No suggested claims in this source.", markup=False, timeout=2)
            return
        if (session := _session(self)) is not None:
            from briefing.curation import accept_claims

            session.attempt(f"accepted {len(ids)} suggested claim{'s' * (len(ids) != 1)} "
                            f"of {self.article_id}",
                            lambda cur, exp: accept_claims(cur, ids, expected=exp))

    def action_review_event(self: "ReaderScreen") -> None:
        claim = _current(self, "review the event of")
        if claim is None or _session(self) is None:
            return
        event = next((self.corpus.events[e] for e in claim.events if e in self.corpus.events), None)
        if event is None:
            self.notify("This claim's event is not in the briefing.", markup=False)
            return
        review_event(self, event.id)

    def action_undo(self: "ReaderScreen") -> None:
        if (session := _session(self)) is not None:
            session.undo()

    def curation_reloaded(self: "ReaderScreen", focus_claim: str | None) -> None:
        """Called by the app's curation session once the corpus is re-read."""
        content_reloaded(self, focus_claim)

    def action_toggle_suggestions(self: "ReaderScreen") -> None:
        if (session := _session(self)) is not None:
            shown = session.toggle_suggestions()
            self.notify("Suggestions shown." if shown else "Suggestions hidden (S shows them).",
                        markup=False, timeout=3)


# ---------------------------------------------------------------------------- helpers
def _session(reader: "ReaderScreen") -> "CurationSession | None":
    from briefing.curation import CurationError

    try:
        return reader.app.curation
    except (LookupError, OSError, CurationError) as exc:  # e.g. the directory vanished
        reader.notify(f"Curating is not available: {exc}", severity="warning", markup=False)
    return None


def _current(reader: "ReaderScreen", verb: str, suggested: bool = False) -> Claim | None:
    claim = reader.corpus.claims.get(reader.claim_id or "")
    if claim is None or claim.article_id != reader.article_id:
        reader.notify(f"Move to a claim first (n / p), then press the key to {verb} it.",
                      markup=False, timeout=3)
        return None
    if suggested and claim.status != "suggested":
        reader.notify(f"{claim.id} is not a suggestion (already in the index).", markup=False,
                      timeout=3)
        return None
    return claim


def _cursor_sentence(reader: "ReaderScreen") -> Selection | None:
    """The sentence under the reader's cursor: the current claim's, else the first sentence
    of the first paragraph in view."""
    claim = reader.corpus.claims.get(reader.claim_id or "")
    if claim is not None and claim.article_id == reader.article_id and claim.paragraph_id:
        para = reader.corpus.paragraph(claim.paragraph_id)
        if para is not None:
            return Selection.sentence(para.id, para.text, claim.start)
    passage = reader.article_view.paragraph_at_top()
    if passage is None:
        return None
    return Selection.sentence(passage.paragraph.id, passage.paragraph.text, passage.start)


def start_selection(reader: "ReaderScreen", selection: Selection) -> None:
    from briefing.tui.widgets.selection_bar import SelectionBar

    for bar in reader.query(SelectionBar):
        bar.remove()
    bar = SelectionBar(selection)
    reader.mount(bar, after=reader.query_one("#main"))
    reader.article_view.set_selection(selection.paragraph_id, selection.start, selection.end)
    reader.article_view.scroll_to_offset(selection.paragraph_id, selection.start)
    bar.focus()


def end_selection(reader: "ReaderScreen") -> None:
    from briefing.tui.widgets.selection_bar import SelectionBar

    for bar in reader.query(SelectionBar):
        bar.remove()
    reader.article_view.set_selection(None)
    reader.article_view.dragged = False
    reader.article_view.focus()


def save_highlight(reader: "ReaderScreen", selection: Selection) -> "Highlight | None":
    """Store the selection as a highlight (the same passage highlighted again is reused)."""
    from briefing.store.errors import StoreError
    from briefing.tui.screens.annotating import _store_or_say
    from briefing.tui.store_watch import store_changed

    store = _store_or_say(reader)
    para = reader.corpus.paragraph(selection.paragraph_id)
    if store is None or para is None:
        return None
    try:
        same = [h for h in store.highlights.for_article(para.article_id)
                if (h.paragraph_id, h.start, h.end) == (selection.paragraph_id, selection.start,
                                                        selection.end) and h.author == store.author]
        highlight = same[0] if same else store.highlights.add(
            para.article_id, selection.paragraph_id, selection.start, selection.end,
            selection.quote)
    except (StoreError, OSError, ValueError) as exc:
        reader.notify(f"Highlight not saved: {exc}", severity="error", markup=False, timeout=10)
        return None
    store_changed(reader.app)
    refresh_highlights(reader)
    if not same:
        reader.notify("Passage highlighted (t tags it, a adds a note, in the selection).",
                      markup=False, timeout=3)
    return highlight


def annotate_highlight(reader: "ReaderScreen", highlight: "Highlight", how: str) -> None:
    store = reader.store
    if store is None:
        return
    if how == "tag":
        from briefing.tui.dialogs.tag_screen import TagScreen

        reader.app.push_screen(TagScreen(highlight, store))
    else:
        from briefing.tui.dialogs.note_editor import open_note_editor

        open_note_editor(reader, highlight, store)


def open_claim_form(reader: "ReaderScreen", quote: str, paragraph_id: str) -> None:
    para = reader.corpus.paragraph(paragraph_id)  # its article, even if another is open now
    if para is None or _session(reader) is None:
        return
    from briefing.tui.dialogs.claim_form import ClaimForm
    from briefing.tui.viewmodels.claim_draft import ClaimDraft

    current = reader.corpus.claims.get(reader.claim_id or "")
    draft = ClaimDraft.from_quote(reader.corpus, para.article_id, quote, current)
    reader.app.push_screen(ClaimForm(reader.corpus, draft))


def review_event(reader: "ReaderScreen", event_id: str) -> None:
    from briefing.tui.dialogs.event_review import EventReview

    event = reader.corpus.events.get(event_id)
    if event is not None:
        reader.app.push_screen(EventReview(reader.corpus, event))


def review_event_by_id(reader: "ReaderScreen", event_id: str) -> None:
    if _session(reader) is not None:
        review_event(reader, event_id)


def accept_event_claims(reader: "ReaderScreen", event_id: str) -> None:
    """Accept every suggested claim on one event (the palette's "Accept all suggestions of")."""
    ids = [c.id for c in reader.corpus.claims_for_event(event_id) if c.status == "suggested"]
    if ids and (session := _session(reader)) is not None:
        from briefing.curation import accept_claims

        session.attempt(f"accepted {len(ids)} suggested claim{'s' * (len(ids) != 1)} on "
                        f"{event_id}", lambda cur, exp: accept_claims(cur, ids, expected=exp))


def content_reloaded(reader: "ReaderScreen", focus_claim: str | None) -> None:
    """The corpus was re-read after a curation step: show the article again, at the same
    place, with the claim just made or edited (or the one that was current) selected."""
    view = reader.article_view
    article_id = reader.article_id
    if article_id not in reader.corpus.articles:
        return
    top = view.scroll_y
    previous = reader.claim_id
    reader._show_article(article_id)
    claim = reader.corpus.claims.get(focus_claim or previous or "")
    if claim is not None and claim.article_id == article_id and claim.paragraph_id:
        reader._set_claim(claim, scroll=False)

    def restore() -> None:
        view.scroll_to(y=top, animate=False, immediate=True)
        if claim is not None and claim.id == focus_claim and claim.paragraph_id:
            view.scroll_to_claim(claim)

    reader.call_after_refresh(restore)
