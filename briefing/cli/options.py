"""Options shared by several commands, and the one way commands load a corpus."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import Iterable

import click

content_option = click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="BRIEFING_CONTENT",
    default=None,
    help="Briefing content directory (default: the bundled briefing; env BRIEFING_CONTENT).",
)

db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(path_type=Path, dir_okay=False),
    envvar="BRIEFING_DB",
    default=None,
    help="Annotation store file (default: in your user data directory; env BRIEFING_DB).",
)

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


def load_or_exit(content_dir: Path | None):
    """Load a corpus; on any content problem print ``path:line: message`` lines and exit 1.

    Through the load cache (briefing.cache): unchanged files load in a fraction of the time."""
    from briefing.cache import load_corpus_cached
    from briefing.paths import bundled_content

    corpus, problems = load_corpus_cached(content_dir or bundled_content())
    corpus = _shown(corpus)
    if problems:
        for problem in problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(problems)} problem(s); run `briefing check` for details.", err=True)
        sys.exit(1)
    return corpus


def load_or_warn(content_dir: Path | None, consequence: str):
    """Load a corpus, going on with what loaded when some of the content has problems: the
    ``path:line: message`` lines are printed as warnings, then ``consequence`` (what that
    means for this command).  For the commands whose work is the user's annotations, which a
    broken article must not hold hostage."""
    from briefing.cache import load_corpus_cached
    from briefing.paths import bundled_content

    corpus, problems = load_corpus_cached(content_dir or bundled_content())
    corpus = _shown(corpus)
    if problems:
        shown = problems[:MAX_WARNED_PROBLEMS]
        for problem in shown:
            click.echo(f"warning: {problem}", err=True)
        more = len(problems) - len(shown)
        click.echo(f"warning: {len(problems)} content problem(s)"
                   + (f" ({more} more not shown)" if more else "")
                   + f"; run `briefing check` for details. {consequence}", err=True)
    return corpus


MAX_WARNED_PROBLEMS = 10


def _shown(corpus):
    """The corpus without suggestions when `briefing --no-suggested` was given."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.find_root().params.get("no_suggested"):
        from briefing.loading.suggested import hide_suggested

        return hide_suggested(corpus)
    return corpus


def unknown_id(kind: str, value: str, known: Iterable[str], hint: str) -> click.BadParameter:
    """A clear "unknown X" usage error (click exits 2) naming the closest known ids."""
    from briefing.text import clean_line

    known = list(known)
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.5)
    msg = f"unknown {kind} {clean_line(value)!r}."
    if close:
        msg += " Did you mean: " + ", ".join(close) + "?"
    elif known:
        msg += f" Known {kind}s: " + ", ".join(known[:8]) + (", ..." if len(known) > 8 else "")
    else:
        msg += f" This briefing has no {kind}s."
    return click.BadParameter(msg, param_hint=hint)
