"""`briefing read`: open the reader.  Textual is imported only here, inside the command."""

from __future__ import annotations

import os
from pathlib import Path

import click

from briefing.cli.options import content_option, db_option


def _auto_theme() -> str | None:
    """textual-ansi in terminals that announce only 16 colours; else Textual's default."""
    term = os.environ.get("TERM", "")
    colorterm = os.environ.get("COLORTERM", "")
    if colorterm in ("truecolor", "24bit") or "256" in term or "direct" in term:
        return None
    if term in ("linux", "vt100", "vt220", "xterm", "xterm-color", "screen", "ansi", "cons25"):
        return "textual-ansi"
    return None


def _open_store(db_path: Path | None):
    """The annotation store if it is available; the reader also works without one."""
    try:
        from briefing.store import open_store  # type: ignore[attr-defined]
    except Exception:
        return None
    from briefing.paths import default_db_path

    try:
        return open_store(db_path or default_db_path())
    except Exception as exc:  # a broken store must not stop reading; say so once
        click.echo(f"briefing: annotations unavailable: {exc}", err=True)
        return None


@click.command()
@content_option
@db_option
@click.option("--theme", default=None, metavar="NAME",
              help="Textual theme, e.g. textual-dark, textual-light, nord, textual-ansi (16 colours).")
@click.option("--low-bandwidth/--no-low-bandwidth", default=None, envvar="BRIEFING_LOW_BANDWIDTH",
              help="Fewer bytes per keypress: no animations, no mouse tracking "
                   "(default: on over SSH; env BRIEFING_LOW_BANDWIDTH=1/0).")
def read(content_dir: Path | None, db_path: Path | None, theme: str | None,
         low_bandwidth: bool | None = None) -> None:
    """Open the reader on a briefing (the bundled one by default)."""
    from briefing import terminal
    from briefing.cli.options import load_or_exit

    problem = terminal.check_locale()  # a non-UTF-8 terminal would show garbage: say why
    if problem:
        click.echo(problem, err=True)
        raise SystemExit(1)

    corpus = load_or_exit(content_dir)  # before Textual: content errors print plainly
    from textual.theme import BUILTIN_THEMES

    if theme is not None and theme not in BUILTIN_THEMES:
        raise click.BadParameter(
            f"unknown theme {theme!r}; choose one of: {', '.join(sorted(BUILTIN_THEMES))}",
            param_hint="--theme")
    store = _open_store(db_path)
    from briefing.tui.app import BriefingApp

    low, _why = terminal.choose_low_bandwidth(low_bandwidth, os.environ)
    app_class = BriefingApp
    if low:
        from briefing.tui.lowband import steady_cursors

        app_class = steady_cursors(BriefingApp)
    app = app_class(corpus, store=store, theme=theme or _auto_theme())
    terminal.apply_low_bandwidth(app, low)
    app.run(**terminal.run_options(low))
