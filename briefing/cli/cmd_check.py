"""``briefing check``: validate a briefing and print every problem as ``path:line: message``.

Imports only the loader (never Textual): it runs in CI and over SSH, and must be fast.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from briefing.cli.options import content_option, db_option
from briefing.model import Corpus
from briefing.problems import Problem


def orphaned_annotation_warnings(corpus: Corpus, db_path: Path | None) -> list[str]:
    """One message per annotation that no longer fits the corpus (claim gone, quote changed).

    These are warnings: they are printed but do not fail the check, because the content itself
    is valid and the annotation keeps its quote, so nothing the user wrote is lost.  Only a
    store that already exists is opened: checking content must never create one.
    """
    from briefing.paths import default_db_path

    path = db_path or default_db_path()
    try:
        if not path.exists():
            return []
    except OSError:
        pass  # its folder cannot be entered: opening the store below says so clearly
    from briefing.store import AnnotationStore, StoreError
    from briefing.store.highlights import highlight_warnings
    from briefing.store.query import annotation_warnings

    try:
        with AnnotationStore(path) as store:
            return (store.take_warnings() + annotation_warnings(store, corpus)
                    + [str(Problem(path, 0, w))
                       for w in highlight_warnings(store.highlights.all(), corpus)])
    except StoreError as exc:
        return [f"{path}: annotations not checked: {exc}"]


def lexicon_problems(root: Path) -> list[Problem]:
    """Problems of the optional lexicon.yaml: warnings, as in `briefing lexicon` and `compare`
    (the claims and their analysis work without it), but `check` is where an editor looks."""
    from briefing.loading.lexicon import load_lexicon

    return load_lexicon(Path(root) / "lexicon.yaml")[1]


def summary(corpus: Corpus) -> str:
    articles = list(corpus.articles.values())
    sections = sum(len(a.sections) for a in articles)
    paragraphs = sum(1 for a in articles for _ in a.paragraphs())
    return (f"{len(articles)} articles, {sections} sections, {paragraphs} paragraphs, "
            f"{len(corpus.events)} events, {len(corpus.claims)} claims")


def _display(problem: Problem, base: Path | None) -> str:
    """A problem with its path relative to ``base`` (the bundled briefing's parent), if given."""
    if base is None:
        return str(problem)
    try:
        rel = os.path.relpath(problem.path, base)
    except ValueError:  # another drive on Windows
        rel = str(problem.path)
    return str(Problem(rel, problem.line, problem.message))


@click.command(short_help="Validate a briefing; problems as path:line: message.")
@content_option
@db_option
@click.option("--full", is_flag=True,
              help="Re-read every file instead of reusing what the cache holds for unchanged ones.")
@click.pass_context
def check(ctx: click.Context, content_dir: Path | None, db_path: Path | None, full: bool) -> None:
    """Validate a briefing: front matter, ids, events, dates, and that every claim's quote is
    found exactly once in its article.

    Prints each problem as `path:line: message` and exits 1 if there is any; otherwise prints
    a one-line summary and exits 0.  Annotations whose claim no longer exists (or whose quote
    changed) and problems of the optional lexicon.yaml are listed as warnings.

    Files unchanged since the last load are not read again (their problems are reproduced
    from the cache), and with nothing changed since the last check (files, annotation store)
    its output is printed again; `--full` reads and checks every file.  The output is the
    same.
    """
    from briefing.paths import bundled_content, default_db_path

    base = None
    root = content_dir
    if root is None:
        root = bundled_content()
        base = root.parent  # print "content/articles/x.md", not a long site-packages path
    if full:
        lines, code = _check(root, base, db_path, full=True)
    else:
        # Nothing changed since the last check (files, annotation store, code): its output.
        from briefing.cache import checked

        store = db_path or default_db_path()
        key = checked.check_key(root, store, base)
        found = checked.load(root, key) if key is not None else None
        if found is not None:
            lines, code = found
        else:
            lines, code = _check(root, base, db_path, full=False)
            if key is not None and checked.check_key(root, store, base) == key:
                checked.save(root, key, lines, code)
    for line in lines:
        click.echo(line)
    if code:
        ctx.exit(code)


def _check(root: Path, base: Path | None, db_path: Path | None, full: bool
           ) -> tuple[list[str], int]:
    """(the lines `check` prints, its exit code)."""
    if full:
        from briefing.loader import load_corpus

        corpus, problems = load_corpus(root)
    else:
        from briefing.cache import load_corpus_cached

        corpus, problems = load_corpus_cached(root)
    lines = [_display(problem, base) for problem in problems]
    if problems:
        lines.append(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.")
        return lines, 1
    lines += [f"warning: {warning}" for warning in orphaned_annotation_warnings(corpus, db_path)]
    lines += [f"warning: {_display(problem, base)}" for problem in lexicon_problems(root)]
    lines.append(summary(corpus))
    return lines, 0
