"""`briefing import`: text, Markdown, HTML and PDF files or web addresses -> content/articles/.

Prints one short summary per article (a table on a terminal, plain lines when piped, JSON
with --json; --report adds every dropped piece in full).  Bad input is reported as
`path:line: message` with exit status 1, never a traceback.  No Textual import.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

SOURCE_HELP = "RAW_FILE or URL: a text, Markdown, HTML or PDF file, or an http(s) address."


@click.command("import", short_help="Turn articles (files, web pages, PDFs) into content.")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("content"), show_default=True,
              help="Content directory; articles go to OUT/articles/<id>.md.")
@click.option("--force", is_flag=True, help="Overwrite an existing article.")
@click.option("--report", "full_report", is_flag=True,
              help="Print every dropped piece of text in full, with notes and warnings.")
@click.option("--id", "article_id", default=None,
              help="Article id (only with one source); default: author surname + year, or title.")
@click.option("--dry-run", is_flag=True, help="Import and report, but write nothing.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the results as JSON (for scripts): metadata, provenance, every drop.")
def import_(sources: tuple[str, ...], out_dir: Path, force: bool, full_report: bool,
            article_id: str | None, dry_run: bool, as_json: bool) -> None:
    """Import each SOURCE (a text, Markdown, HTML or PDF file, or an http(s) URL) into the
    content format.

    Main text is kept; page furniture (menus, captions, share and subscribe prompts, comment
    threads, bylines) is dropped and reported; title, authors, date, outlet and URL go to the
    front matter with how each was found; hard-wrapped lines and paragraphs split by page
    breaks are rejoined; mis-encoded text is repaired (listed in the report).
    """
    from briefing.importer import ReadError
    from briefing.importer.fetch import is_url
    from briefing.importer.pipeline import ID_OK, import_file, import_url
    from briefing.importer.summary import Summary
    from briefing.importer.writer import ExistsError, atomic_write
    from briefing.problems import Problem

    if article_id is not None and len(sources) != 1:
        raise click.UsageError("--id names one article: give exactly one SOURCE with it")
    if article_id is not None and not ID_OK.match(article_id):
        raise click.UsageError(f"--id {article_id!r}: use lower-case letters, digits and '-'")

    summary = Summary(dry_run=dry_run)
    seen: set[str] = set()

    def fail(problem: Problem, report=None) -> None:
        summary.fail(problem)
        if not as_json:
            click.echo(str(problem), err=True)
            if report is not None:
                click.echo(report.full())

    for source in sources:
        try:
            result = import_url(source, article_id) if is_url(source) else import_file(
                Path(source), article_id)
        except ReadError as exc:
            fail(exc.problem)
            continue
        if result.empty:
            fail(Problem(source, 1, "no article text left (only a title, metadata or "
                         "boilerplate); nothing written"), result.report)
            continue
        target = out_dir / "articles" / f"{result.article_id}.md"
        if result.article_id in seen:
            fail(Problem(source, 0, f"id {result.article_id!r} already used by another source "
                         "in this run; import it alone with --id"))
            continue
        seen.add(result.article_id)
        if not dry_run:
            try:
                atomic_write(target, result.markdown, force=force)
            except ExistsError:
                fail(Problem(target, 1, "article exists; not overwritten (use --force, or --id "
                             "for another id)"))
                continue
            except OSError as exc:
                fail(Problem(target, 0, f"cannot write: {exc.strerror}"))
                continue
        summary.add(source, target, result)
        if full_report and not as_json:
            click.echo(result.report.full() + "\n")  # plain lines, never wrapped: easy to grep
    if summary.results and not dry_run:
        from briefing.importer.scaffold import ensure_briefing

        try:
            summary.created = [str(p) for p in ensure_briefing(out_dir)]
        except OSError as exc:
            fail(Problem(out_dir, 0, f"cannot write: {exc.strerror}"))
    if as_json:
        click.echo(json.dumps(summary.as_json(), ensure_ascii=False, indent=2))
    else:
        summary.print(terminal=sys.stdout.isatty(), full_report=full_report)
    if summary.failures:
        sys.exit(1)
