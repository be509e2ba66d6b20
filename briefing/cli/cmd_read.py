"""`briefing read`: parse and check the options, then start the reader (briefing.reader_start,
where Textual is imported)."""

from __future__ import annotations

from pathlib import Path

import click

from briefing.cli.options import content_option, db_option


@click.command()
@content_option
@db_option
@click.option("--theme", default=None, metavar="NAME",
              help="Textual theme, e.g. textual-dark, textual-light, nord, textual-ansi (16 colours).")
@click.option("--low-bandwidth/--no-low-bandwidth", default=None, envvar="BRIEFING_LOW_BANDWIDTH",
              help="Fewer bytes per keypress: no animations, no mouse tracking "
                   "(default: on over SSH; env BRIEFING_LOW_BANDWIDTH=1/0).")
@click.option("--compare", "compare_event", default=None, metavar="EVENT",
              help="Open on the side-by-side comparison of EVENT (an event id; see `briefing events`).")
def read(content_dir: Path | None, db_path: Path | None, theme: str | None,
         low_bandwidth: bool | None = None, compare_event: str | None = None) -> None:
    """Open the reader on a briefing (the bundled one by default).

    In the reader, t tags the current claim, a writes a note, A lists every annotation and
    e exports them to Markdown, in $BRIEFING_EXPORT_DIR or else the current folder.
    """
    from briefing import reader_start

    try:
        reader_start.start_reader(content_dir, db_path, theme, low_bandwidth, compare_event)
    except reader_start.UnknownEvent as exc:
        from briefing.cli.options import unknown_id  # the same "did you mean" message

        raise unknown_id("event", exc.event_id, exc.known, "--compare") from None
    except reader_start.UnknownTheme as exc:
        from briefing.text import clean_line

        raise click.BadParameter(f"unknown theme {clean_line(exc.theme)!r}; choose one of: "
                                 + ", ".join(exc.known), param_hint="--theme") from None
