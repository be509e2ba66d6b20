"""Process-wide start-up settings shared by the `briefing` executable, the command line and
the reader: the paused garbage collector and output that tolerates a narrow locale.

Kept apart from briefing.launch (the entry point) so that the command line and the reader
can say "start-up is done" without importing the module that imports them.
"""

from __future__ import annotations

import gc
import io
import sys

_paused = False


def pause_collector() -> None:
    """Pause the cyclic garbage collector until startup_done() (see briefing.launch)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def startup_done() -> None:
    """Resume collecting (once; a no-op unless pause_collector() paused it)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def tolerate_narrow_output() -> None:
    """Under a locale that is not UTF-8 (LANG=en_US.ISO-8859-1, PYTHONIOENCODING=ascii), a
    character the output cannot encode (an en dash in a title, a table border) became a
    UnicodeEncodeError traceback: show it as '?' instead.  UTF-8 output is left as it is."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding.replace("_", "") != "utf8" and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError, io.UnsupportedOperation):
                pass
