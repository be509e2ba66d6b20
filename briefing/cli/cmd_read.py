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
    """(store, None), or (None, why) when it cannot be opened: the reader still works, and
    tells the user why annotations are off (the terminal is cleared, so not on stderr)."""
    from briefing.paths import default_db_path
    from briefing.store import AnnotationStore

    try:
        # Opening reads the file: a damaged one is moved aside here and the reader says so
        # (the store's warnings become notifications, briefing.tui.store_watch).
        return AnnotationStore(db_path or default_db_path()), None
    except Exception as exc:  # a broken store must not stop reading; say so once
        return None, f"Annotations are off: the store could not be opened: {exc}"


def _load(content_dir: Path | None):
    """(corpus, outline, load_full): the first screen's part of the corpus from the head cache
    when it matches the files (``load_full`` then brings the rest in the background), else a
    full load, validated (briefing.cache), which then writes the head."""
    from briefing import corpus_cache
    from briefing.cli.options import load_or_exit
    from briefing.paths import bundled_content

    content = content_dir or bundled_content()
    head = corpus_cache.load_head(content)
    if head is not None:
        return head.corpus, head.outline, lambda: corpus_cache.load_full(head)
    try:
        key = corpus_cache.fingerprint(content)  # taken before reading: edits during a load
    except OSError:                                # leave a stale key, never stale content
        key = None
    corpus = load_or_exit(content_dir)
    if key is not None:
        corpus_cache.save(content, corpus, key)
    return corpus, None, None


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
    from briefing import terminal

    problem = terminal.check_locale()  # a non-UTF-8 terminal would show garbage: say why
    if problem:
        click.echo(problem, err=True)
        raise SystemExit(1)

    corpus, outline, load_full = _load(content_dir)  # before Textual: errors print plainly
    from briefing.keymap import load_keymap

    keymap, keymap_problems = load_keymap()  # user key bindings, by binding id
    if keymap_problems:
        for p in keymap_problems:
            click.echo(str(p), err=True)
        raise SystemExit(1)
    if compare_event is not None and compare_event not in corpus.events:
        from briefing.cli.options import unknown_id  # the same "did you mean" message

        raise unknown_id("event", compare_event, corpus.events, "--compare")
    from textual.theme import BUILTIN_THEMES

    if theme is not None and theme not in BUILTIN_THEMES and theme != "textual-ansi":
        raise click.BadParameter(
            f"unknown theme {theme!r}; choose one of: {', '.join(sorted(BUILTIN_THEMES))}",
            param_hint="--theme")
    from briefing.tui.app import BriefingApp

    low, _why = terminal.choose_low_bandwidth(low_bandwidth, os.environ)
    app_class = BriefingApp
    if low:
        from briefing.tui.lowband import steady_cursors

        app_class = steady_cursors(BriefingApp)
    # The store is opened just after the first paint (BriefingApp.open_store); a problem
    # opening it is shown as a notification (briefing.tui.store_watch).
    app = app_class(corpus, theme=theme or _auto_theme(), compare=compare_event,
                    outline=outline, load_full=load_full, keymap=keymap,
                    open_store=lambda: _open_store(db_path))
    terminal.apply_low_bandwidth(app, low)
    app.run(**terminal.run_options(low))
