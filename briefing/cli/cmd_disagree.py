"""``briefing disagree CLAIM_A CLAIM_B --note TEXT``: mark a disagreement by hand.

The mark is kept in the annotation store (briefing.store.marks) and listed by
``briefing disagreements`` (and its ``--json``).  ``--remove`` takes this author's mark away.
Exit status: 0 done; 1 the store could not be used (nothing saved); 2 unknown claim ids or a
claim marked against itself.  No Textual import here.
"""

from __future__ import annotations

from pathlib import Path

import click

from briefing.cli.options import content_option, db_option, unknown_id


@click.command(short_help="Mark two claims as disagreeing, with a note.")
@content_option
@db_option
@click.argument("claim_a", metavar="CLAIM_A")
@click.argument("claim_b", metavar="CLAIM_B")
@click.option("--note", default="", help="Why they disagree (kept with the mark).")
@click.option("--author", default=None, help="Who marks it (default: your user name).")
@click.option("--remove", is_flag=True, help="Remove your mark between the two claims.")
def disagree(content_dir: Path | None, db_path: Path | None, claim_a: str, claim_b: str,
             note: str, author: str | None, remove: bool) -> None:
    """Mark that CLAIM_A and CLAIM_B disagree (any two claims, from two sources or one)."""
    from briefing.cli.cmd_annotations import _fail, _load, _open_store, _show_warnings
    from briefing.store.errors import StoreError
    from briefing.store.marks import mark, unmark

    corpus = _load(content_dir, "the claims cannot all be checked")
    for value, hint in ((claim_a, "CLAIM_A"), (claim_b, "CLAIM_B")):
        if corpus is not None and value not in corpus.claims:
            raise unknown_id("claim", value, corpus.claims, hint)
    if claim_a == claim_b:
        raise click.BadParameter("a claim cannot disagree with itself", param_hint="CLAIM_B")
    store = _open_store(db_path, author)
    try:
        if remove:
            done = unmark(store, claim_a, claim_b)
            click.echo(f"removed the mark between {claim_a} and {claim_b}" if done
                       else f"no mark of yours between {claim_a} and {claim_b}")
            return
        quotes = tuple(corpus.claims[c].quote if corpus is not None else "" for c in
                       (claim_a, claim_b))
        result = mark(store, claim_a, claim_b, note=note, quotes=quotes)  # type: ignore[arg-type]
    except StoreError as exc:
        _fail(str(exc))
    finally:
        _show_warnings(store)
        store.close()
    click.echo(f"marked: {result.claims[0]} ≠ {result.claims[1]}")
