"""``briefing synthesis``: the analyst's own text about the briefing, the first section of the
exported brief (briefing.store.synthesis).

    briefing synthesis                      print it
    briefing synthesis --edit               write it in $VISUAL / $EDITOR
    briefing synthesis --set TEXT | --file F ('-': standard input)      replace it

Exit status: 0 done; 1 the store could not be used (nothing was saved); 2 usage errors.
No Textual import here.
"""

from __future__ import annotations

from pathlib import Path

import click

from briefing.cli.options import content_option, db_option


@click.command(short_help="Write or show your synthesis, the brief's opening section.")
@click.option("--set", "text", default=None, metavar="TEXT",
              help="Replace the synthesis with TEXT (Markdown); an empty string clears it.")
@click.option("--file", "text_file", default=None, metavar="F",
              type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
              help="Replace it with the contents of a UTF-8 file ('-': standard input).")
@click.option("--edit", is_flag=True, help="Edit it in your editor ($VISUAL or $EDITOR).")
@click.option("--author", default=None, metavar="A",
              help="Whose synthesis (default: your user name, as for annotations).")
@content_option
@db_option
def synthesis(text: str | None, text_file: Path | None, edit: bool, author: str | None,
              content_dir: Path | None, db_path: Path | None) -> None:
    """Write or show your synthesis of the briefing: what you conclude, in your own words.

    `briefing export` puts it first in the brief, before the key findings and the evidence.
    Earlier versions are kept in the store: replacing or clearing it never loses the old text.
    """
    from briefing.cli.cmd_annotations import _load, _open_store, _read_note, _saving
    from briefing.store.synthesis import get_synthesis, set_synthesis

    if sum(x is not None and x is not False for x in (text, text_file, edit or None)) > 1:
        raise click.UsageError("give one of --set, --file and --edit")
    corpus = _load(content_dir, "The synthesis belongs to the briefing as a whole; going on.")
    store = _open_store(db_path, author)
    current = get_synthesis(store, corpus.title)
    if text is None and text_file is None and not edit:
        if current is None or not current.text:
            click.echo("No synthesis yet: write one with `briefing synthesis --edit`.", err=True)
            return
        click.echo(current.text)
        return
    if text_file is not None:
        text = _read_note(text_file)
    elif edit:
        text = click.edit(current.text if current else "", extension=".md",
                          require_save=True)
        if text is None:
            click.echo("Not saved: the editor was closed without saving.", err=True)
            return
    assert text is not None
    with _saving(store, "--set/--file"):
        saved = set_synthesis(store, corpus.title, text)
    if current is not None and saved.version == current.version:
        click.echo("Synthesis unchanged.")
    elif not saved.text:
        click.echo(f"Synthesis cleared (version {saved.version}; the old text is kept).")
    else:
        click.echo(f"Saved the synthesis (author {saved.author}, version {saved.version}, "
                   f"{len(saved.text)} characters).")
