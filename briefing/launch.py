"""The `briefing` executable: the click command line (briefing.cli), started with the cyclic
garbage collector paused.

Starting the reader allocates some 60,000 objects that live as long as it does (click, Textual,
the first screen's corpus).  While they are created, the collector runs dozens of times and
finds nothing to free: about 10 ms of a ~230 ms start.  It is switched back on, with what
exists by then frozen out of its way (gc.freeze), as soon as the reader has painted its first
screen, or at once for every other command.
"""

from __future__ import annotations

import gc

_paused = False


def run() -> None:
    """Entry point of the `briefing` script and of `python -m briefing`."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True
    try:
        from briefing.cli import main

        main()
    finally:
        startup_done()


def startup_done() -> None:
    """Resume collecting (once; a no-op unless run() paused it)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
