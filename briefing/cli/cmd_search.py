"""``briefing search``: the search index (briefing.index), as lines for people or JSON.

Never loads the briefing (nor imports the model or the loader, unless one article changed):
the index is checked against the files and queried; a search's cost is what it finds, not
the corpus.  The hits are printed by search_output, without Rich.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from briefing.cli.options import content_option, json_option, load_or_exit, unknown_id
from briefing.cli.output import emit_json as _emit_json


@click.command()
@content_option
@json_option
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000),
              help="At most this many hits.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["paragraph", "claim"]),
              help="Search these (repeatable; default: paragraphs, the passages the reader "
                   "shows).")
@click.option("--source", "source_id", metavar="ARTICLE", help="Only hits in this article.")
def search(content_dir: Path | None, as_json: bool, query: tuple[str, ...], limit: int,
           kinds: tuple[str, ...], source_id: str | None) -> None:
    """Search the briefing's paragraphs (or claim quotes).  Words are ANDed and match their
    other forms and, for names, other spellings ("Lachin" finds "Latchine"), exact matches
    first; "quoted words" must be adjacent; the last word also matches as a prefix.

    Uses a search index kept in the cache folder and updated for the files that changed, so
    the briefing is not loaded; `briefing check` validates it."""
    from briefing.analysis.hits import hit_json
    from briefing.index import open_index
    from briefing.index.store import IndexUnavailable
    from briefing.paths import bundled_content

    from briefing.text import drop_invisible

    text = drop_invisible(" ".join(query))  # echoed below: no escape sequence, nothing hidden
    if not any(ch.isalnum() for ch in text):  # '' or '""' matched nothing, silently
        raise click.BadParameter("give at least one word to search for", param_hint="QUERY")
    content = content_dir or bundled_content()
    if not (content / "articles").is_dir():
        load_or_exit(content)  # not a briefing: the loader says why, and exits 1
    try:
        kinds = kinds or ("paragraph",)
        index = open_index(content, claims="claim" in kinds)
        if source_id is not None and source_id not in (known := index.article_ids()):
            raise unknown_id("source", source_id, sorted(known), "--source")
        results = index.find(text, limit=limit, kinds=kinds,
                             articles=[source_id] if source_id else None)
    except IndexUnavailable as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    skipped = index.unreadable()
    if skipped:
        from briefing.text import visible

        names = ", ".join(visible(f"{name}.md") for name in skipped[:5])
        click.echo(f"note: {len(skipped)} article file(s) could not be read and are not "
                   f"searched ({names}{', ...' if len(skipped) > 5 else ''}); "
                   f"`briefing check` says why", err=True)
    hits = results.hits
    if as_json:
        _emit_json({"query": text, "total": results.total, "hits": [hit_json(h) for h in hits]})
        return
    from briefing.cli import search_output

    if not hits:
        search_output.print_line(f"No hits for {text}")
        return
    shown = f" (best {len(hits)} shown; --limit for more)" if len(hits) < results.total else ""
    search_output.print_hits(f"{_matches(results.total)} for {text}{shown}", hits,
                             search_output.styled_output())


def _matches(n: int) -> str:
    """The count as the reader's search screen words it."""
    return f"{n} match{'es' if n != 1 else ''}"
