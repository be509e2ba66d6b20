"""The reader's annotation keys, kept out of reader.py: t (tag), a (note), A (annotations
view), e (export), W (write the synthesis).  Each takes the ReaderScreen and opens the right dialog or screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.model import Claim

if TYPE_CHECKING:
    from briefing.store import AnnotationStore
    from briefing.tui.screens.reader import ReaderScreen


def _store(reader: "ReaderScreen") -> "AnnotationStore | None":
    reader.app.open_store_now()  # a key can come before the first paint has opened it
    return reader.store


def _store_or_say(reader: "ReaderScreen") -> "AnnotationStore | None":
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
    if claim is None or (store := _store_or_say(reader)) is None:
        return
    from briefing.tui.dialogs.tag_screen import TagScreen

    reader.app.push_screen(TagScreen(claim, store))


def annotate_current_claim(reader: "ReaderScreen") -> None:
    claim = _current_claim(reader, "annotate")
    if claim is None or (store := _store_or_say(reader)) is None:
        return
    from briefing.tui.dialogs.note_editor import open_note_editor
    from briefing.tui.viewmodels.targets import ClaimTarget

    open_note_editor(reader, ClaimTarget(claim, store))


def open_annotations(reader: "ReaderScreen", preset: dict[str, str] | None = None) -> None:
    """The annotations view; ``preset`` starts it filtered (``{"tag": "russia"}``).  It lists
    every source, so it waits for the full corpus."""
    if (store := _store_or_say(reader)) is None:
        return
    from briefing.tui.screens.annotations_view import AnnotationsScreen

    reader.app.when_corpus_ready(lambda: reader.app.push_screen(
        AnnotationsScreen(reader.corpus, store, preset), reader.show_location))


def export_all(reader: "ReaderScreen") -> None:
    from briefing.tui.exporting import open_export

    # Not after the load: the dialog opens at once and waits for it itself.
    open_export(reader.app, reader.corpus, _store(reader), loading=not reader.corpus_ready)


def write_synthesis(reader: "ReaderScreen") -> None:
    if (store := _store_or_say(reader)) is None:
        return
    from briefing.tui.dialogs.note_editor import open_note_editor
    from briefing.tui.viewmodels.targets import SynthesisTarget

    open_note_editor(reader, SynthesisTarget(store, reader.corpus.title))


def refresh_marks(reader: "ReaderScreen") -> None:
    """After AnnotationsChanged: re-mark annotated claims and refresh the claim panel."""
    from briefing.tui.viewmodels.reader import annotated_claim_ids

    from briefing.tui.screens.highlighting import refresh_highlights

    reader.article_view.set_annotated(annotated_claim_ids(reader.store))
    reader.claim_panel.refresh_annotation()
    refresh_highlights(reader)
