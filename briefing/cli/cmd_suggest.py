"""``briefing suggest``: propose a claim index for a briefing's articles, as reviewable files.

Writes ``claims/<article>.suggested.yaml`` and ``events.suggested.yaml`` beside the curated
files, which are never changed.  No Textual import here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from briefing.cli.options import content_option, json_option


@click.command(short_help="Propose claims, events and shared figure keys (as suggestions).")
@content_option
@json_option
@click.option("--dry-run", is_flag=True, help="Show what would be written; write nothing.")
def suggest(content_dir: Path | None, as_json: bool, dry_run: bool) -> None:
    """Propose a claim index for the articles: claims (span, kind, speaker, actors, figures,
    dates), events grouping claims from different sources, and shared keys for comparable
    figures and dates.

    Suggestions go to claims/<article>.suggested.yaml and events.suggested.yaml, marked
    `status: suggested`; curated claims and events are never changed.  Re-running gives the
    same ids; an entry marked `status: rejected` is kept and not proposed again.
    """
    from briefing.loader import load_corpus
    from briefing.paths import bundled_content
    from briefing.suggest.pipeline import suggest as run, write

    root = content_dir or bundled_content()
    corpus, problems = load_corpus(root, include_suggested=False)
    if problems:
        for problem in problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(problems)} problem(s) in the curated content; fix them first "
                   "(`briefing check`).", err=True)
        sys.exit(1)
    # Suggested files are rewritten whole: one with problems (a duplicate of a claim since
    # moved to the curated file, a hand edit gone wrong) is simply regenerated.
    result = run(corpus, Path(root))
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    changed = [] if dry_run else write(result)
    if as_json:
        data = result.to_json()
        data["written"] = [str(p) for p in changed]
        data["dry_run"] = dry_run
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    n_claims = sum(len(c) for c in result.claims.values())
    click.echo(f"{n_claims} claims and {len(result.events)} events suggested "
               f"for {len(corpus.articles)} articles.")
    if dry_run:
        for path in sorted(result.files):
            click.echo(f"would write {path}")
    else:
        for path in changed:
            click.echo(f"wrote {path}")
        if not changed:
            click.echo("nothing changed.")
        click.echo("Review them, then run `briefing check`.")
