"""Exports in a browser tab: hand the file to the browser as a download.

Under `briefing serve` the reader runs on the server; a file it writes there is out of the
reader's reach. Textual's web driver can stream a file to the browser (App.deliver_text), which
textual-serve offers as a download. In a terminal we do nothing here and the caller writes the
file as usual.
"""

from __future__ import annotations

import io
import re
from pathlib import PurePath

from textual.app import App

EXPORT_DELIVERY_NAME = "briefing-export"  # DeliveryComplete/DeliveryFailed .name for exports

_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")


def download_name(filename: str) -> str:
    """A plain file name for the browser: no folders, no control or odd characters."""
    name = _UNSAFE.sub("_", PurePath(filename.replace("\\", "/")).name).strip(" .")
    return name or "briefing-export.md"


def deliver_export(app: App, text: str, filename: str, *, mime_type: str | None = None) -> bool:
    """In a browser tab, send ``text`` as a download named ``filename`` and return True.

    In a terminal, return False and do nothing: the caller saves the file itself. Call it from
    the export action before (or instead of) writing to disk:

        if not deliver_export(self.app, markdown, "brief.md"):
            ...write the file and notify its path...
    """
    if not app.is_web:
        return False
    name = download_name(filename)
    if mime_type is None:
        mime_type = "text/markdown" if name.endswith(".md") else None
    app.deliver_text(io.StringIO(text), save_filename=name, mime_type=mime_type,
                     encoding="utf-8", name=EXPORT_DELIVERY_NAME)
    app.notify(f"Sent {name} to your browser as a download.", title="Export", markup=False)
    return True
