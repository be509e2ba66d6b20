"""The reader's annotation keys, kept out of reader.py: t (tag), a (note), A (annotations
view), e (export).  Each takes the ReaderScreen and opens the right dialog or screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.model import Claim
from briefing.store.errors import StoreError

if TYPE_CHECKING:
    from briefing.tui.screens.reader import ReaderScreen


def _store(reader: "ReaderScreen"):
    reader.app.open_store_now()  # a key can come before the first paint has opened it
    return reader.store


def _store_or_say(reader: "ReaderScreen"):
    if _store(reader) is None:
        reader.notify("Annotations are not available: the annotation store could not be "
                      "opened (see the message at start).", severity="warning", markup=False)
    return reader.store


def _current_claim(reader: "ReaderScreen", verb: str) -> Claim | None:
    claim = reader.corpus.claims.get(reader.claim_id or "")
    if claim is None or claim.article_id != reader.article_id:
        reader.notify(f"Move to a claim first (n / p), then press the key to {verb} it.",
                      markup=False, timeout=3)
        return None
    return claim


def tag_current_claim(reader: "ReaderScreen") -> None:
    claim = _current_claim(reader, "tag")
    if claim is None or _store_or_say(reader) is None:
        return
    from briefing.tui.screens.tag_screen import TagScreen

    reader.app.push_screen(TagScreen(claim, reader.store))


def annotate_current_claim(reader: "ReaderScreen") -> None:
    claim = _current_claim(reader, "annotate")
    if claim is None or _store_or_say(reader) is None:
        return
    open_note_editor(reader, claim, reader.store)


def open_note_editor(screen, claim: Claim, store) -> None:
    """Push the note editor for ``claim``; a store that cannot be read is an error message."""
    from briefing.tui.screens.note_editor import NoteEditor

    try:
        editor = NoteEditor(claim, store)
    except (StoreError, OSError) as exc:
        screen.notify(f"Could not read the annotation store: {exc}", severity="error",
                      markup=False)
        return
    screen.app.push_screen(editor)


def _corpus_ready(reader: "ReaderScreen") -> bool:
    """The view and the export need every source (the palette can ask before it is in)."""
    if getattr(reader, "corpus_ready", True):
        return True
    reader.notify("The briefing is still loading; try again in a moment.", markup=False,
                  timeout=3)
    return False


def open_annotations(reader: "ReaderScreen", preset: dict[str, str] | None = None) -> None:
    """The annotations view; ``preset`` starts it filtered (``{"tag": "russia"}``)."""
    if _store_or_say(reader) is None or not _corpus_ready(reader):
        return
    from briefing.tui.screens.annotations_view import AnnotationsScreen

    reader.app.push_screen(AnnotationsScreen(reader.corpus, reader.store, preset),
                           reader._opened)


def export_all(reader: "ReaderScreen") -> None:
    if not _corpus_ready(reader):
        return
    from briefing.tui.exporting import export_annotations

    export_annotations(reader.app, reader.corpus, _store(reader))


def refresh_marks(reader: "ReaderScreen") -> None:
    """After AnnotationsChanged: re-mark annotated claims and refresh the claim panel."""
    from briefing.tui.data import annotated_claim_ids

    reader.article_view.set_annotated(annotated_claim_ids(reader.store))
    panel = reader.claim_panel
    refresh = getattr(panel, "refresh_annotation", None)
    if refresh is not None:
        refresh()
