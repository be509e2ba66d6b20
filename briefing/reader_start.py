"""Starting the reader: what `briefing read` does once its options are parsed, without click.

briefing.cli.cmd_read parses and checks the options, then calls start_reader; nothing here
imports the command line.  The bare
`briefing` command, the one people type, calls start_reader directly (briefing.launch): the
reader then starts without importing click at all.  Errors before the app runs are printed
plainly (the terminal is not cleared yet) and exit 1.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


class UnknownEvent(LookupError):
    """`--compare EVENT` names no event of the briefing (the CLI turns it into a usage error
    naming the closest ids)."""

    def __init__(self, event_id: str, known: list[str]) -> None:
        super().__init__(event_id)
        self.event_id = event_id
        self.known = known


class UnknownTheme(LookupError):
    """`--theme NAME` names no Textual theme (the CLI turns it into a usage error)."""

    def __init__(self, theme: str, known: list[str]) -> None:
        super().__init__(theme)
        self.theme = theme
        self.known = known


def start_reader(content_dir: Path | None = None, db_path: Path | None = None,
                 theme: str | None = None, low_bandwidth: bool | None = None,
                 compare_event: str | None = None) -> None:
    """Load the briefing, then run the reader until the user quits."""
    from briefing import terminal

    problem = terminal.check_locale()  # a non-UTF-8 terminal would show garbage: say why
    if problem:
        _fail([problem])

    corpus, outline, load_full = _load(content_dir)  # before Textual: errors print plainly
    from briefing.keymap import load_keymap

    keymap, keymap_problems = load_keymap()  # user key bindings, by binding id
    if keymap_problems:
        _fail([str(p) for p in keymap_problems])
    if compare_event is not None and compare_event not in corpus.events:
        raise UnknownEvent(compare_event, list(corpus.events))
    # No terminal (a pipe, cron): stop before Textual is imported; it would wait for keys
    # forever.  After the checks above, so a broken file is still reported as such.
    problem = terminal.check_tty()
    if problem:
        _fail([problem])
    if theme is not None:
        check_theme(theme)
    from briefing.tui.app import BriefingApp

    low, _why = terminal.choose_low_bandwidth(low_bandwidth, os.environ)
    app_class = BriefingApp
    if low:
        from briefing.tui.lowband import steady_cursors

        app_class = steady_cursors(BriefingApp)
    # The store is opened just after the first paint (BriefingApp.open_store_now); a problem
    # opening it is shown as a notification (briefing.tui.store_watch).
    app = app_class(corpus, theme=theme or _auto_theme(), compare=compare_event,
                    outline=outline, load_full=load_full, keymap=keymap,
                    open_store=lambda: _open_store(db_path))
    terminal.apply_low_bandwidth(app, low)
    app.run(**terminal.run_options(low))


def theme_names() -> list[str]:
    """Every theme name `--theme` takes: Textual's own and the reader's aliases."""
    from textual.theme import BUILTIN_THEMES

    from briefing.tui.app import THEME_ALIASES

    return sorted(set(BUILTIN_THEMES) | set(THEME_ALIASES))


def check_theme(theme: str) -> None:
    known = theme_names()
    if theme not in known:
        raise UnknownTheme(theme, known)


def _fail(lines: list[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)
    raise SystemExit(1)


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
    from briefing.cache import head as head_cache
    from briefing.paths import bundled_content

    content = content_dir or bundled_content()
    head = head_cache.load_head(content)
    if head is not None:
        return head.corpus, head.outline, lambda between: head_cache.load_full(head, between)
    try:
        key = head_cache.fingerprint(content)  # taken before reading: edits during a load
    except OSError:                                # leave a stale key, never stale content
        key = None
    from briefing.cache import load_corpus_cached

    corpus, problems = load_corpus_cached(content)
    if problems:  # path:line: message, as `briefing check` prints them, then exit 1
        _fail([str(p) for p in problems]
              + [f"{len(problems)} problem(s); run `briefing check` for details."])
    if key is not None:
        head_cache.save(content, corpus, key)
    return corpus, None, None
