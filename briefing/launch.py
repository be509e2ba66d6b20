"""The `briefing` executable: how it starts, before the command line (briefing.cli) runs.

Two things make the reader start sooner, the main thing people launch:

- The cyclic garbage collector is paused.  Starting the reader allocates some 60,000 objects
  that live as long as it does (Textual, the first screen's corpus); while they are created
  the collector runs dozens of times and frees nothing: about 10 ms of a ~225 ms start.  It
  is switched back on, with what exists by then frozen out of its way (gc.freeze), once the
  reader has painted its first screen, at once for every other command, and on any exit.
- The bare `briefing`, with none of the reader's environment variables set, starts the reader
  straight away (briefing.reader_start) instead of through click, which is then never
  imported (~6 ms).  Anything else, `briefing read` included, goes through click.
"""

from __future__ import annotations

import os
import sys

from briefing.startup import pause_collector, startup_done, tolerate_narrow_output

# Settings of `briefing read` taken from the environment: with any of these set, the command
# line parses them (and says clearly what is wrong with one).
READ_ENV = ("BRIEFING_CONTENT", "BRIEFING_DB", "BRIEFING_LOW_BANDWIDTH")


def run() -> None:
    """Entry point of the `briefing` script and of `python -m briefing`."""
    pause_collector()
    try:
        if len(sys.argv) <= 1 and not any(os.environ.get(name) for name in READ_ENV):
            from briefing.reader_start import start_reader

            tolerate_narrow_output()
            start_reader()
            return
        from briefing.cli import main

        main()
    finally:
        startup_done()

