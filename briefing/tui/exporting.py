"""`e`: export annotations to a Markdown brief from the reader.

The file goes to $BRIEFING_EXPORT_DIR, else the current directory, under a name made from the
briefing's title and today's date; an existing file is never overwritten (``-2``, ``-3``...
are tried instead).  The notification says where it went.  In a browser tab the brief is sent
as a download instead (briefing.tui.delivery), since the file would land on the server.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

from briefing.model import Corpus
from briefing.store.errors import StoreError
from briefing.store.query import Filters, select

if TYPE_CHECKING:
    from briefing.store import AnnotationStore

EXPORT_DIR_ENV = "BRIEFING_EXPORT_DIR"


def export_dir() -> Path:
    configured = os.environ.get(EXPORT_DIR_ENV, "").strip()
    return Path(configured).expanduser() if configured else Path.cwd()


def export_filename(corpus: Corpus, filters: Filters | None = None,
                    today: date | None = None) -> str:
    from briefing.export import safe_filename

    parts = [corpus.title, "annotations"]
    if filters is not None:
        for values in filters.as_dict().values():
            parts.extend(values)
    parts.append((today or date.today()).isoformat())
    return safe_filename(" ".join(parts)[:120], ".md")


def write_new(directory: Path, filename: str, text: str) -> Path:
    """Write ``text`` under ``filename`` or, if taken, ``stem-2``, ``stem-3``...; never
    overwrites (the no-overwrite check and the write are one atomic step)."""
    from briefing.export import ExportError, write_export

    stem, suffix = os.path.splitext(filename)
    for n in range(1, 1000):
        path = directory / (filename if n == 1 else f"{stem}-{n}{suffix}")
        if os.path.lexists(path):
            continue
        try:
            return write_export(path, text)
        except ExportError:
            if os.path.lexists(path):  # another process took the name a moment ago
                continue
            raise
    raise StoreError(f"no free file name for {filename} in {directory}")


def export_annotations(app: App, corpus: Corpus, store: "AnnotationStore | None",
                       filters: Filters | None = None) -> None:
    """Export the annotations matching ``filters`` (all if None); notify the outcome.

    The annotations are read here; the brief is built and written in a thread worker (about
    half a second for 10,000 annotations), so the reader stays responsive.  Tests wait with
    ``await app.workers.wait_for_complete()``.
    """
    if store is None:
        app.notify("Annotations are not available (no annotation store).", severity="warning",
                   markup=False)
        return
    filters = filters or Filters()
    try:
        from briefing.store.highlights import select_highlights

        annotations = select(store, corpus, filters)
        highlights = select_highlights(store.highlights.all(), corpus, filters)
    except (StoreError, OSError) as exc:
        app.notify(f"Could not read the annotation store: {exc}", title="Export",
                   severity="error", markup=False, timeout=10)
        return
    if not annotations and not highlights:
        what = ("match these filters" if filters.as_dict()
                else "exist yet (t tags a claim, a adds a note)")
        app.notify(f"Nothing to export: no annotations {what}.", title="Export",
                   severity="warning", markup=False)
        return
    filename = export_filename(corpus, filters)
    web = app.is_web
    directory = export_dir()

    def work() -> None:
        from briefing.export import ExportError, build_brief, render_markdown
        from briefing.export.highlights import with_highlights

        try:
            text = render_markdown(build_brief(annotations, corpus, filters), corpus.title)
            text = with_highlights(text, "markdown", highlights, corpus)
            if web:
                app.call_from_thread(_deliver, app, text, filename)
                return
            path = write_new(directory, filename, text)
        except (ExportError, StoreError, OSError) as exc:
            app.call_from_thread(app.notify, f"Export failed: {exc}", title="Export",
                                 severity="error", markup=False, timeout=10)
            return
        except Exception as exc:  # noqa: BLE001 - a bug must still be reported, not lost
            app.call_from_thread(app.notify, f"Export failed ({type(exc).__name__}): {exc}",
                                 title="Export", severity="error", markup=False, timeout=10)
            return
        count = len(annotations) + len(highlights)
        shown = path if path.is_absolute() else path.resolve()
        app.call_from_thread(app.notify,
                             f"Exported {count} annotation{'s' if count != 1 else ''} to {shown}",
                             title="Export", markup=False, timeout=10)

    app.run_worker(work, thread=True, group="export", name="export", exit_on_error=False)


def _deliver(app: App, text: str, filename: str) -> None:
    from briefing.tui.delivery import deliver_export

    deliver_export(app, text, filename)
