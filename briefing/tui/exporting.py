"""`e` (reader, annotations view): ask where and how (dialogs/export_dialog.py), then write the
brief through the core (briefing.export.produce, the same path as `briefing export`):
atomically, replacing a file only when the user said so in the dialog, the folder remembered
for the next proposal after a successful write.  The outcome is a notification naming the
path.  In a browser tab the brief is sent as a download instead (briefing.tui.delivery),
since the file would land on the server.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App

from briefing.model import Corpus
from briefing.store.errors import StoreError
from briefing.store.query import Filters
from briefing.store.synthesis import syntheses

if TYPE_CHECKING:
    from briefing.store import AnnotationStore
    from briefing.tui.app import BriefingApp
    from briefing.tui.dialogs.export_dialog import ExportRequest

NOTHING = "Nothing to export: no annotations {what} (t tags a claim, a adds a note, W writes " \
          "the synthesis)."


def open_export(app: "BriefingApp", corpus: Corpus, store: "AnnotationStore | None",
                preset: Filters | None = None, *, loading: bool = False) -> None:
    """The export dialog, then the export it asks for.  ``loading``: ``corpus`` is what a
    cached start-up has loaded so far; the dialog opens at once with every source from the
    reader's outline, and exports once the whole corpus is in (export_dialog.py)."""
    if store is None:
        app.notify("Annotations are not available (no annotation store).", severity="warning",
                   markup=False)
        return
    try:
        empty = not (store.all() or store.highlights.all() or syntheses(store, corpus.title))
        tags = [tag for tag, _ in store.tags()]
    except (StoreError, OSError) as exc:
        app.notify(f"Could not read the annotation store: {exc}", title="Export",
                   severity="error", markup=False, timeout=10)
        return
    if empty:
        app.notify(NOTHING.format(what="exist yet"), title="Export", severity="warning",
                   markup=False)
        return
    from briefing.tui.dialogs.export_dialog import ExportDialog

    sources = [(entry.article_id, entry.title) for entry in app.reader.outline_entries] \
        if loading else None
    dialog = ExportDialog(corpus, tags, preset, ask_before_replacing=not app.is_web,
                          sources=sources, loading=loading)

    def answered(request: "ExportRequest | None") -> None:
        if request is not None:
            export(app, dialog.corpus, store, request)  # the whole corpus, once it is in

    app.push_screen(dialog, answered)


def export(app: App, corpus: Corpus, store: "AnnotationStore", request: "ExportRequest") -> None:
    """Build and write the brief in a thread worker (about half a second for 10,000
    annotations), so the reader stays responsive.  Tests wait with
    ``await app.workers.wait_for_complete()``."""
    web = app.is_web
    if web and request.fmt == "obsidian":
        app.notify("An Obsidian folder cannot be downloaded in the browser; choose Markdown, "
                   "CSV or JSON.", title="Export", severity="warning", markup=False)
        return

    def say(message: str, severity: str = "information") -> None:
        app.call_from_thread(app.notify, message, title="Export", severity=severity,
                             markup=False, timeout=10)

    def work() -> None:
        from briefing.export import ExportError, remember_export_folder
        from briefing.export.produce import gather, render, write

        try:
            brief, highlights = gather(store, corpus, request.filters)
            if not (brief.annotation_count or highlights or brief.synthesis):
                say(NOTHING.format(what="match these filters"), "warning")
                return
            rendered = render(brief, request.fmt, highlights, corpus)
            if web:
                app.call_from_thread(_deliver, app, rendered, request.path.name)
                return
            path = write(request.path, rendered, force=request.replace)
        except (ExportError, StoreError, OSError) as exc:
            say(f"Export failed: {exc}", "error")
            return
        except Exception as exc:  # noqa: BLE001 - a bug must still be reported, not lost
            say(f"Export failed ({type(exc).__name__}): {exc}", "error")
            return
        remember_export_folder(path.parent)
        count = brief.annotation_count
        what = f"{count} annotation{'s' if count != 1 else ''}"
        if highlights:
            what += f" and {len(highlights)} highlight{'s' if len(highlights) != 1 else ''}"
        say(f"Exported {what} to {path.resolve()}")

    app.run_worker(work, thread=True, group="export", name="export", exit_on_error=False)


def _deliver(app: App, text: str, filename: str) -> None:
    from briefing.tui.delivery import deliver_export

    deliver_export(app, text, filename)
