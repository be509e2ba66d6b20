"""``briefing annotate | annotations | export``: tags and notes on claims, from the shell.

    briefing annotate CLAIM_ID [--tag T]... [--untag T]... [--note TEXT | --note-file F] [--author A]
    briefing annotations [--tag T]... [--any-tag] [--source S]... [--event E]... [--author A]... [--json]
    briefing export [-o FILE] [--tag T]... [--any-tag] [--event E]... [--source S]... [--author A]...
                    [--format md|csv|json|obsidian] [--by NAME] [--force]

Exit status: 0 done; 1 the store or the output file could not be used (the message says
why; nothing was saved); 2 usage errors, such as an unknown claim, source or event id (with
the closest ids).  Warnings about the store (a damaged file moved aside) go to stderr.
No Textual import here.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, NoReturn

import click

from briefing.cli.options import unknown_id, content_option, db_option, json_option
from briefing.text import clean, clean_line

tag_option = click.option("--tag", "tags", multiple=True, metavar="T",
                          help="Only annotations with this tag (repeat: all of them).")
any_tag_option = click.option("--any-tag", is_flag=True,
                              help="With several --tag: annotations with any one of them.")
source_option = click.option("--source", "sources", multiple=True, metavar="S",
                             help="Only claims from this source (article id; repeat: any).")
event_option = click.option("--event", "events", multiple=True, metavar="E",
                            help="Only claims about this event (event id; repeat: any).")
author_filter_option = click.option("--author", "authors", multiple=True, metavar="A",
                                    help="Only annotations by this author (repeat: any).")


def _load(content_dir: Path | None, consequence: str):
    """The corpus, even if part of the content has problems (warned about): annotations are
    the user's, and one broken article must not stop them being listed or exported."""
    from briefing.cli import options

    return options.load_or_warn(content_dir, consequence)  # looked up at call time


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {clean(message)}", err=True)
    sys.exit(1)


def _open_store(db_path: Path | None, author: str | None = None):
    from briefing.store import AnnotationStore, StoreError

    try:
        store = AnnotationStore(db_path, author=author)
    except StoreError as exc:
        _fail(str(exc))
    _show_warnings(store)
    return store


def _show_warnings(store) -> None:
    for warning in store.take_warnings():
        click.echo(f"warning: {clean(warning)}", err=True)


@contextmanager
def _saving(store, param_hint: str) -> Iterator[None]:
    """A write to the store from the command line: a value the store refuses is a usage error
    (exit 2), a failed write an error (exit 1, nothing saved); its warnings are shown."""
    from briefing.store import StoreError

    try:
        yield
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=param_hint) from None
    except StoreError as exc:
        _fail(str(exc))
    finally:
        _show_warnings(store)


def _filters(tags, any_tag, sources, events, authors, corpus):
    from briefing.store.query import Filters

    try:
        filters = Filters.make(tags=tags, sources=sources, events=events, authors=authors,
                               any_tag=any_tag)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--tag") from None
    if corpus is not None:
        articles = {a.casefold(): a for a in corpus.articles}
        for source in filters.sources:
            if source not in articles:
                raise unknown_id("source", source, corpus.articles, "--source")
        known_events = {e.casefold() for e in corpus.events}
        for event in filters.events:
            if event not in known_events:
                raise unknown_id("event", event, corpus.events, "--event")
    return filters


def _highlights(store, corpus, filters):
    """The highlights matching the filters, each at its current place in its article."""
    from briefing.store.highlights import select_highlights

    return select_highlights(store.highlights.all(), corpus, filters)


# ---------------------------------------------------------------------------- annotate
@click.command()
@click.argument("claim_id")
@click.option("--tag", "tags", multiple=True, metavar="T",
              help="Add a tag (repeat, or separate with commas).")
@click.option("--untag", "untags", multiple=True, metavar="T", help="Remove a tag (repeat).")
@click.option("--note", default=None, metavar="TEXT",
              help="Set the note (Markdown); an empty string clears it.")
@click.option("--note-file", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
              default=None, metavar="F", help="Read the note from a UTF-8 file ('-': stdin).")
@click.option("--author", default=None, metavar="A",
              help="Write as this author (default: your user name).")
@content_option
@db_option
def annotate(claim_id: str, tags: tuple[str, ...], untags: tuple[str, ...], note: str | None,
             note_file: Path | None, author: str | None, content_dir: Path | None,
             db_path: Path | None) -> None:
    """Tag a claim and/or write a note on it.

    CLAIM_ID is an id such as jafarli-2023-01 (`briefing claims` lists them).  Earlier
    versions are kept: changing or clearing a note never loses the old text.

    Exit status: 0 saved (or nothing to change); 1 the store could not be written (nothing
    was saved); 2 a usage error, such as an unknown claim id.
    """
    if note is not None and note_file is not None:
        raise click.UsageError("give --note or --note-file, not both")
    if note_file is not None:
        note = _read_note(note_file)
    if not tags and not untags and note is None:
        raise click.UsageError("nothing to do: give --tag, --untag, --note or --note-file")
    corpus = _load(content_dir, "Claims in the files with problems cannot be annotated.")
    claim = corpus.claims.get(claim_id)
    if claim is None:
        raise unknown_id("claim", claim_id, corpus.claims, "CLAIM_ID")
    store = _open_store(db_path, author)
    before = store.get(claim.id)
    with _saving(store, "--tag/--untag"):
        saved = store.annotate(claim.id, claim.quote, add_tags=tags, remove_tags=untags,
                               note=note)
    if saved.version == 0 or (before is not None and saved.version == before.version):
        click.echo(f"{claim.id}: nothing changed.")
        return
    tags_text = ", ".join(saved.tags) or "none"
    note_text = f"{len(saved.note)} characters" if saved.note else "none"
    click.echo(f"Saved {claim.id} (author {saved.author}, version {saved.version}): "
               f"tags {tags_text}; note {note_text}.")


# A note is a paragraph or a page.  The store keeps every version and rewrites the file on
# each write, so a multi-megabyte "note" (a wrong file given by mistake) is refused.
MAX_NOTE_BYTES = 256 * 1024


def _read_note(path: Path) -> str:
    import stat

    try:
        if str(path) == "-":
            raw = sys.stdin.buffer.read(MAX_NOTE_BYTES + 1)
        else:
            if not stat.S_ISREG(Path(path).stat().st_mode):  # /dev/zero would never end
                raise click.BadParameter(f"{path} is not a regular file",
                                         param_hint="--note-file")
            with open(path, "rb") as handle:
                raw = handle.read(MAX_NOTE_BYTES + 1)
    except OSError as exc:
        raise click.BadParameter(f"cannot read {path}: {exc.strerror}",
                                 param_hint="--note-file") from None
    if len(raw) > MAX_NOTE_BYTES:
        raise click.BadParameter(f"{path} is longer than {MAX_NOTE_BYTES // 1024} KB: "
                                 "too long for a note", param_hint="--note-file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise click.BadParameter(f"{path} is not UTF-8 text", param_hint="--note-file") from None


# ---------------------------------------------------------------------------- annotations
@click.command()
@tag_option
@any_tag_option
@source_option
@event_option
@author_filter_option
@json_option
@content_option
@db_option
def annotations(tags, any_tag: bool, sources, events, authors, as_json: bool, content_dir: Path | None,
                db_path: Path | None) -> None:
    """List annotations, with tag counts."""
    from briefing.store.query import select

    # The corpus is only needed to filter by source or event: without those filters the list
    # works even when the briefing's content has problems (the annotations are the user's).
    corpus = (_load(content_dir, "Annotations on claims that did not load match no source "
                             "or event.") if sources or events else None)
    filters = _filters(tags, any_tag, sources, events, authors, corpus)
    store = _open_store(db_path)
    chosen = select(store, corpus, filters)
    counts: dict[str, int] = {}
    for a in chosen:
        for t in a.tags:
            counts[t] = counts.get(t, 0) + 1
    highlights = _highlights(store, corpus, filters)
    for h in highlights:
        for t in h.tags:
            counts[t] = counts.get(t, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if as_json:
        click.echo(json.dumps({"annotations": [a.to_json() for a in chosen],
                               "highlights": [h.to_json() for h in highlights],
                               "tags": dict(ordered), "filters": filters.as_dict()},
                              ensure_ascii=False, indent=2))
        return
    for a in chosen:
        tags_text = ", ".join(a.tags) if a.tags else "(no tags)"
        click.echo(f"{a.claim_id}  {a.author}  {a.updated[:10]}  {tags_text}")
        first = next((line for line in a.note.splitlines() if line.strip()), "")
        if first:
            more = " …" if len(a.note.strip().splitlines()) > 1 or len(first) > 72 else ""
            click.echo(f"    {clean_line(first)[:72]}{more}")
    for h in highlights:
        tags_text = ", ".join(h.tags) if h.tags else "(no tags)"
        click.echo(f"highlight {h.paragraph_id}  {h.author}  {h.updated[:10]}  {tags_text}")
        click.echo(f"    \"{clean_line(h.quote)[:70]}\"")
    summary = ", ".join(f"{t} ({n})" for t, n in ordered) or "none"
    click.echo(f"{len(chosen)} annotation(s)"
               + (f", {len(highlights)} highlight(s)" if highlights else "") + f"; tags: {summary}")


# ---------------------------------------------------------------------------- export
_SUFFIX_FORMAT = {".json": "json", ".csv": "csv", ".md": "md", ".markdown": "md"}


@click.command(short_help="Export a brief: Markdown, CSV, JSON or an Obsidian folder.")
@click.option("-o", "--output", type=click.Path(allow_dash=True), default=None,
              help="Output file, or folder for obsidian ('-': standard output; default: the "
                   "briefing title and today's date, in the current folder).")
@tag_option
@any_tag_option
@event_option
@source_option
@author_filter_option
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "json", "obsidian"]),
              default=None, help="md (default), csv (Hypothesis' columns), json, or obsidian "
                                 "(a folder of linked notes); a .json/.csv name implies it.")
@click.option("--by", "by", default=None, metavar="NAME", envvar="BRIEFING_AUTHOR",
              help="The brief's author, shown under the title (env BRIEFING_AUTHOR; "
                   "default: none).")
@click.option("--force", is_flag=True, help="Overwrite the output if it exists.")
@content_option
@db_option
def export(output: str | None, tags, any_tag: bool, events, sources, authors, fmt: str | None,
           by: str | None, force: bool, content_dir: Path | None,
           db_path: Path | None) -> None:
    """Export your annotations as a brief: your synthesis, key findings (tagged claims),
    where the sources disagree, then the evidence with full citations.

    If part of the briefing's content has problems, they are printed as warnings and the
    export goes on: annotations on claims that did not load are listed at the end, with
    their quotes and notes.
    """
    import os

    from briefing.text import visible

    if output is not None and output != "-" and output.endswith(("/", os.sep)) \
            and fmt != "obsidian":
        # Path("new/") is Path("new"): a file named "new" would be written
        raise click.BadParameter(f"{visible(output)} names a folder; give a file name",
                                 param_hint="-o")
    output = Path(output) if output is not None and output != "-" else output
    if fmt is None:
        suffix = output.suffix.lower() if isinstance(output, Path) else ""
        fmt = _SUFFIX_FORMAT.get(suffix, "md")
    if output == "-" and fmt == "obsidian":
        raise click.BadParameter("an Obsidian export is a folder; give its name with -o",
                                 param_hint="-o")
    from briefing.export import ExportError, default_export_path, remember_export_folder
    from briefing.export.produce import gather, render, write

    corpus = _load(content_dir, "Annotations on claims that did not load are exported under "
                                "the claims no longer in the briefing, with their quotes.")
    filters = _filters(tags, any_tag, sources, events, authors, corpus)
    store = _open_store(db_path)
    brief, highlights = gather(store, corpus, filters, author=clean_line(by or ""))
    path = output if isinstance(output, Path) else default_export_path(brief.title, fmt)
    try:
        rendered = render(brief, fmt, highlights, corpus)
        if output == "-":
            click.echo(rendered, nl=False)
            return
        written = write(path, rendered, force=force)
    except ExportError as exc:
        _fail(str(exc))
    remember_export_folder(written.resolve().parent)  # the reader proposes it next time
    click.echo(f"Wrote {brief.annotation_count} annotation(s) on {brief.claim_count} claim(s) "
               + (f"and {len(highlights)} highlight(s) " if highlights else "")
               + f"to {visible(str(written))}")
