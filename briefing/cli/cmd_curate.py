"""``briefing claims|events <step>`` and ``briefing highlight``: curate the index from the shell.

    briefing claims [list options]                      (no step: lists, as before)
    briefing claims add ARTICLE --quote TEXT --event E [--kind K] [--speaker S] [--actor A]...
    briefing claims edit CLAIM_ID [--id NEW] [--quote Q] [--kind K] [--event E]... [--clear F]...
    briefing claims accept|reject CLAIM_ID...
    briefing claims move CLAIM_ID... --to EVENT [--from EVENT]
    briefing events [--json]                            (no step: lists, as before)
    briefing events add EVENT_ID --title T [--date D] [--end D] [--summary S] [--actor A]...
    briefing events edit EVENT_ID [--id NEW] [--title T] [--date D] ...
    briefing events rename EVENT_ID --title T
    briefing events accept|reject EVENT_ID...
    briefing events merge EVENT_ID INTO_ID
    briefing highlight ARTICLE --quote TEXT [--tag T]... [--note N]

Every step is checked as ``briefing check`` would before anything is written; a refusal is
printed as ``path:line: message`` and exits 1 with no file changed.  No Textual import.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable, NoReturn

import click

from briefing.cli import cmd_analysis
from briefing.cli.options import content_option, db_option, json_option
from briefing.text import clean, visible


def _listing_group(command: click.Command, short_help: str) -> click.Group:
    """A group that, given no step, runs ``command`` with the same options (the listing)."""

    def callback(**kwargs: Any) -> None:
        ctx = click.get_current_context()
        if ctx.invoked_subcommand is None:
            ctx.invoke(command.callback, **kwargs)

    return click.Group(name=command.name, params=list(command.params), callback=callback,
                       invoke_without_command=True,
                       help=(command.help or "") + "\n\nWith a COMMAND, curates instead (each "
                       "step checked as `briefing check` would, then written).",
                       short_help=short_help)


claims = _listing_group(cmd_analysis.claims,
                        "Claims by event, source or kind; add, edit, review them.")
events = _listing_group(cmd_analysis.events,
                        "Events in date order and their sources; add, merge, review.")


# ---------------------------------------------------------------------------- plumbing
def _fail(message: str) -> NoReturn:
    for line in str(message).splitlines() or [""]:
        click.echo(visible(line), err=True)
    sys.exit(1)


def _root(ctx: click.Context, content_dir: Path | None) -> Path:
    from briefing.paths import bundled_content

    parent = ctx.parent.params if ctx.parent is not None else {}
    return content_dir or parent.get("content_dir") or bundled_content()


def _wants_json(ctx: click.Context, as_json: bool) -> bool:
    return as_json or bool(ctx.parent is not None and ctx.parent.params.get("as_json"))


def _curator(root: Path, db_path: Path | None, follow: bool = False):
    """A Curator; ``follow``: a step that may rename claims, whose annotations then move
    with them (if there is a store: one is never created just to curate)."""
    from briefing.curation import Curator, CurationError
    from briefing.paths import default_db_path

    store = None
    path = db_path or default_db_path()
    if follow and path.exists():
        from briefing.store import AnnotationStore, StoreError

        try:
            store = AnnotationStore(path)
        except StoreError as exc:
            _fail(f"{path}: {exc}")
    try:
        return Curator(root, store=store)
    except CurationError as exc:
        _fail(str(exc))


def _run(ctx: click.Context, as_json: bool, step: Callable[[], Any]) -> None:
    from briefing.curation import CurationError

    try:
        result = step()
    except CurationError as exc:
        _fail(str(exc))
    if _wants_json(ctx, as_json):
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    if not result.changed:
        click.echo(f"{result.action}: nothing to change.")
        return
    files = ", ".join(visible(str(p)) for p in result.files)
    click.echo(f"{result.action}: {', '.join(visible(i) for i in result.ids)} ({files})")
    for old, new in result.renamed.items():
        click.echo(f"  claim {visible(old)} is now {visible(new)} (its annotations followed)")
    for key in ("events_accepted", "claims_moved"):
        if result.details.get(key):
            click.echo(f"  {key.replace('_', ' ')}: {', '.join(map(visible, result.details[key]))}")


def _step_options(f: Callable) -> Callable:
    return content_option(db_option(json_option(f)))


# ---------------------------------------------------------------------------- claims
@claims.command("add")
@click.argument("article_id", metavar="ARTICLE")
@click.option("--quote", required=True, help="The passage, as the article writes it.")
@click.option("--event", "events_", multiple=True, metavar="E", help="Event id (repeat).")
@click.option("--kind", default=None, help="fact, figure, quote, assessment, prediction, "
                                           "recommendation (default fact, or figure).")
@click.option("--speaker", default=None, help='"author" (default) or who is quoted.')
@click.option("--actor", "actors", multiple=True, metavar="A", help="An actor (repeat).")
@click.option("--date", "dates", multiple=True, metavar="D",
              help="A date it refers to, ISO (repeat; default: read from the quote).")
@click.option("--frame", default=None, help="One of the 15 Media Frames dimensions.")
@click.option("--occurrence", type=click.IntRange(1), default=None,
              help="Which match, when the quote occurs more than once.")
@click.option("--id", "claim_id", default=None, help="The claim's id (default <article>-NN).")
@click.option("--no-prefill", is_flag=True, help="Do not read figures and dates from the quote.")
@_step_options
@click.pass_context
def claims_add(ctx, article_id, quote, events_, kind, speaker, actors, dates, frame, occurrence,
               claim_id, no_prefill, content_dir, db_path, as_json) -> None:
    """Add a claim to claims/ARTICLE.yaml; the quote must be in the article."""
    from briefing.curation import add_claim

    cur = _curator(_root(ctx, content_dir), db_path)
    _run(ctx, as_json, lambda: add_claim(
        cur, article_id, quote, events=events_, kind=kind, speaker=speaker, actors=actors,
        figures=[] if no_prefill else None,
        dates=list(dates) if dates else ([] if no_prefill else None),
        frame=frame, occurrence=occurrence, claim_id=claim_id))


CLEARABLE = ("speaker", "actors", "figures", "dates", "frame", "occurrence")


@claims.command("edit")
@click.argument("claim_id")
@click.option("--id", "new_id", default=None, help="New id (annotations follow).")
@click.option("--quote", default=None)
@click.option("--kind", default=None)
@click.option("--event", "events_", multiple=True, metavar="E",
              help="Replace the events with these (repeat).")
@click.option("--speaker", default=None)
@click.option("--actor", "actors", multiple=True, metavar="A",
              help="Replace the actors with these (repeat).")
@click.option("--frame", default=None)
@click.option("--occurrence", type=click.IntRange(1), default=None)
@click.option("--clear", "clear", multiple=True, type=click.Choice(CLEARABLE),
              help="Remove an optional field (repeat).")
@_step_options
@click.pass_context
def claims_edit(ctx, claim_id, new_id, quote, kind, events_, speaker, actors, frame, occurrence,
                clear, content_dir, db_path, as_json) -> None:
    """Change fields of a claim (curated or suggested)."""
    from briefing.curation import edit_claim

    changes: dict[str, Any] = {k: v for k, v in (
        ("id", new_id), ("quote", quote), ("kind", kind), ("speaker", speaker),
        ("frame", frame), ("occurrence", occurrence)) if v is not None}
    if events_:
        changes["events"] = list(events_)
    if actors:
        changes["actors"] = list(actors)
    for name in clear:
        changes[name] = None
    if not changes:
        raise click.UsageError("nothing to change: give a field to set or --clear")
    cur = _curator(_root(ctx, content_dir), db_path, follow="id" in changes or "quote" in changes)
    _run(ctx, as_json, lambda: edit_claim(cur, claim_id, changes))


@claims.command("accept")
@click.argument("claim_ids", nargs=-1, required=True, metavar="CLAIM_ID...")
@click.option("--event", "events_", multiple=True, metavar="E",
              help="Add this event to each (repeat; for suggestions with none).")
@_step_options
@click.pass_context
def claims_accept(ctx, claim_ids, events_, content_dir, db_path, as_json) -> None:
    """Move suggested claims into the curated files (their suggested events too)."""
    from briefing.curation import accept_claims

    cur = _curator(_root(ctx, content_dir), db_path, follow=True)
    _run(ctx, as_json, lambda: accept_claims(cur, claim_ids, events=events_))


@claims.command("reject")
@click.argument("claim_ids", nargs=-1, required=True, metavar="CLAIM_ID...")
@_step_options
@click.pass_context
def claims_reject(ctx, claim_ids, content_dir, db_path, as_json) -> None:
    """Mark suggested claims rejected: `briefing suggest` will not propose them again."""
    from briefing.curation import reject_claims

    cur = _curator(_root(ctx, content_dir), db_path)
    _run(ctx, as_json, lambda: reject_claims(cur, claim_ids))


@claims.command("move")
@click.argument("claim_ids", nargs=-1, required=True, metavar="CLAIM_ID...")
@click.option("--to", "to_event", required=True, metavar="EVENT")
@click.option("--from", "from_event", default=None, metavar="EVENT",
              help="The event they leave (default: keep their events, add --to).")
@_step_options
@click.pass_context
def claims_move(ctx, claim_ids, to_event, from_event, content_dir, db_path, as_json) -> None:
    """Make claims be about another event."""
    from briefing.curation import move_claims

    cur = _curator(_root(ctx, content_dir), db_path)
    _run(ctx, as_json, lambda: move_claims(cur, claim_ids, to_event, from_event))


# ---------------------------------------------------------------------------- events
def _event_fields(title, date, end, summary, actors) -> dict[str, Any]:
    fields: dict[str, Any] = {k: v for k, v in (("title", title), ("date", date), ("end", end),
                                                ("summary", summary)) if v is not None}
    if actors:
        fields["actors"] = list(actors)
    return fields


@events.command("add")
@click.argument("event_id")
@click.option("--title", required=True)
@click.option("--date", default=None, help="ISO date, partial allowed (2023-07).")
@click.option("--end", default=None, help="ISO end date, for a period.")
@click.option("--summary", default=None)
@click.option("--actor", "actors", multiple=True, metavar="A", help="An actor (repeat).")
@_step_options
@click.pass_context
def events_add(ctx, event_id, title, date, end, summary, actors, content_dir, db_path,
               as_json) -> None:
    """Add an event to events.yaml."""
    from briefing.curation import add_event

    cur = _curator(_root(ctx, content_dir), db_path)
    _run(ctx, as_json, lambda: add_event(cur, event_id, title, date=date, end=end,
                                         summary=summary, actors=actors))


@events.command("edit")
@click.argument("event_id")
@click.option("--id", "new_id", default=None, help="New id (claims are updated).")
@click.option("--title", default=None)
@click.option("--date", default=None)
@click.option("--end", default=None)
@click.option("--summary", default=None)
@click.option("--actor", "actors", multiple=True, metavar="A",
              help="Replace the actors with these (repeat).")
@_step_options
@click.pass_context
def events_edit(ctx, event_id, new_id, title, date, end, summary, actors, content_dir, db_path,
                as_json) -> None:
    """Change fields of an event (curated or suggested)."""
    from briefing.curation import edit_event

    changes = _event_fields(title, date, end, summary, actors)
    if new_id is not None:
        changes["id"] = new_id
    if not changes:
        raise click.UsageError("nothing to change: give a field to set")
    cur = _curator(_root(ctx, content_dir), db_path)
    _run(ctx, as_json, lambda: edit_event(cur, event_id, changes))


@events.command("rename")
@click.argument("event_id")
@click.option("--title", required=True)
@_step_options
@click.pass_context
def events_rename(ctx, event_id, title, content_dir, db_path, as_json) -> None:
    """Give an event a new title."""
    from briefing.curation import rename_event

    cur = _curator(_root(ctx, content_dir), db_path)
    _run(ctx, as_json, lambda: rename_event(cur, event_id, title))


@events.command("accept")
@click.argument("event_ids", nargs=-1, required=True, metavar="EVENT_ID...")
@_step_options
@click.pass_context
def events_accept(ctx, event_ids, content_dir, db_path, as_json) -> None:
    """Move suggested events into events.yaml."""
    from briefing.curation import accept_events

    cur = _curator(_root(ctx, content_dir), db_path)
    _run(ctx, as_json, lambda: accept_events(cur, event_ids))


@events.command("reject")
@click.argument("event_ids", nargs=-1, required=True, metavar="EVENT_ID...")
@_step_options
@click.pass_context
def events_reject(ctx, event_ids, content_dir, db_path, as_json) -> None:
    """Mark suggested events rejected (not proposed again)."""
    from briefing.curation import reject_events

    cur = _curator(_root(ctx, content_dir), db_path)
    _run(ctx, as_json, lambda: reject_events(cur, event_ids))


@events.command("merge")
@click.argument("event_id")
@click.argument("into_id")
@_step_options
@click.pass_context
def events_merge(ctx, event_id, into_id, content_dir, db_path, as_json) -> None:
    """Move every claim of EVENT_ID to INTO_ID and remove EVENT_ID."""
    from briefing.curation import merge_events

    cur = _curator(_root(ctx, content_dir), db_path)
    _run(ctx, as_json, lambda: merge_events(cur, event_id, into_id))


# ---------------------------------------------------------------------------- highlight
@click.command(short_help="Highlight a passage that is not a claim (tags, a note).")
@click.argument("article_id", metavar="ARTICLE")
@click.option("--quote", required=True, help="The passage, as the article writes it.")
@click.option("--tag", "tags", multiple=True, metavar="T", help="A tag (repeat, or commas).")
@click.option("--note", default="", metavar="N", help="A note (Markdown).")
@click.option("--occurrence", type=click.IntRange(1), default=None,
              help="Which match, when the passage occurs more than once.")
@click.option("--author", default=None, metavar="A", help="Default: your user name.")
@content_option
@db_option
@json_option
def highlight(article_id, quote, tags, note, occurrence, author, content_dir, db_path,
              as_json) -> None:
    """Highlight a passage that is not a claim, with tags and a note (in the annotation store)."""
    from briefing.curation import CurationError, find_passage
    from briefing.paths import bundled_content
    from briefing.store import AnnotationStore, StoreError

    try:
        found = find_passage(content_dir or bundled_content(), article_id, quote, occurrence)
    except CurationError as exc:
        _fail(str(exc))
    try:
        with AnnotationStore(db_path, author=author) as store:
            hl = store.highlights.add(article_id, found.paragraph_id, found.start, found.end,
                                      found.text, tags=tags,
                                      note=note, author=author)
            for warning in store.take_warnings():
                click.echo(f"warning: {clean(warning)}", err=True)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--tag") from None
    except StoreError as exc:
        _fail(f"error: {exc}")
    if as_json:
        click.echo(json.dumps(hl.to_json(), ensure_ascii=False, indent=2))
        return
    click.echo(f"Highlighted {visible(hl.paragraph_id)} [{hl.start}:{hl.end}] (highlight {hl.id[:8]}, "
               f"tags {', '.join(hl.tags) or 'none'}).")
