"""`briefing import`: raw text or Markdown articles -> content/articles/<id>.md.

Prints a per-file summary (and with --report every dropped piece in full).  Bad input is
reported as `path:line: message` with exit status 1, never a traceback.  No Textual import.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("import", short_help="Turn raw text or Markdown articles into content.")
@click.argument("raw_files", nargs=-1, required=True, type=click.Path(path_type=Path),
                metavar="RAW_FILE...")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("content"), show_default=True,
              help="Content directory; articles go to OUT/articles/<id>.md.")
@click.option("--force", is_flag=True, help="Overwrite an existing article.")
@click.option("--report", "full_report", is_flag=True,
              help="Print every dropped piece of text in full, with notes and warnings.")
@click.option("--id", "article_id", default=None,
              help="Article id (only with one file); default: author surname + year, or title.")
@click.option("--dry-run", is_flag=True, help="Import and report, but write nothing.")
def import_(raw_files: tuple[Path, ...], out_dir: Path, force: bool, full_report: bool,
            article_id: str | None, dry_run: bool) -> None:
    """Import RAW_FILE... (plain text or Markdown articles) into the content format.

    Boilerplate (comments, newsletter and donation blocks, category headers, navigation) is
    dropped and reported; bylines, dates and translators go to the front matter; paragraphs
    split by page breaks are rejoined; interview questions become sections.
    """
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from briefing.importer import ReadError, import_file
    from briefing.importer.pipeline import ID_OK
    from briefing.importer.writer import ExistsError, atomic_write
    from briefing.problems import Problem
    from briefing.text import visible

    if article_id is not None and len(raw_files) != 1:
        raise click.UsageError("--id names one article: give exactly one RAW_FILE with it")
    if article_id is not None and not ID_OK.match(article_id):
        raise click.UsageError(f"--id {article_id!r}: use lower-case letters, digits and '-'")

    console = Console(highlight=False)
    table = Table(title="briefing import", show_lines=False)
    for column in ("file", "id", "paras", "secs", "notes", "dropped", "warn"):
        # only the file name may wrap: ids and counts stay readable at 80 columns
        table.add_column(column, overflow="fold", no_wrap=column != "file",
                         justify="left" if column in ("file", "id") else "right")
    summaries: list[str] = []
    failures = 0
    seen: set[str] = set()
    for path in raw_files:
        try:
            result = import_file(path, article_id)
        except ReadError as exc:
            click.echo(str(exc.problem), err=True)
            failures += 1
            continue
        if result.empty:
            click.echo(str(Problem(path, 1, "no article text left (only a title, metadata or "
                                   "boilerplate); nothing written")), err=True)
            click.echo(result.report.full())
            failures += 1
            continue
        target = out_dir / "articles" / f"{result.article_id}.md"
        if result.article_id in seen:
            click.echo(str(Problem(path, 0, f"id {result.article_id!r} already used by another "
                                   "file in this run; import it alone with --id")), err=True)
            failures += 1
            continue
        seen.add(result.article_id)
        if not dry_run:
            try:
                atomic_write(target, result.markdown, force=force)
            except ExistsError:
                click.echo(str(Problem(target, 1, "article exists; not overwritten "
                                       "(use --force, or --id for another id)")), err=True)
                failures += 1
                continue
            except OSError as exc:
                click.echo(str(Problem(target, 0, f"cannot write: {exc.strerror}")), err=True)
                failures += 1
                continue
        report = result.report
        paras = sum(1 for b in result.blocks if b.kind == "para")
        heads = sum(1 for b in result.blocks if b.kind == "heading")
        # Text, not str: Rich would read "[red]" in a file name as markup
        table.add_row(Text(visible(path.name)), result.article_id, str(paras), str(heads),
                      str(len(result.notes)), str(len(report.dropped)),
                      str(len(report.warnings)))
        where = "(dry run: not written)" if dry_run else f"-> {visible(str(target))}"
        summaries.append(f"{visible(path.name)} {where}: {report.summary()}")
        if full_report:
            click.echo(report.full() + "\n")  # plain lines, never wrapped: easy to grep
        else:
            for warning in report.warnings:
                console.print(f"{visible(str(path))}: warning: {warning}", markup=False,
                              soft_wrap=True)
    if table.row_count and not dry_run:
        from briefing.importer.scaffold import ensure_briefing

        try:
            for path in ensure_briefing(out_dir):
                console.print(f"created {visible(str(path))} (the folder had none; edit it)",
                              markup=False, soft_wrap=True)
        except OSError as exc:
            click.echo(str(Problem(out_dir, 0, f"cannot write: {exc.strerror}")), err=True)
            failures += 1
    if table.row_count:
        console.print(table)
        for line in summaries:
            console.print(line, markup=False, soft_wrap=True)
        if not full_report:
            console.print("Run with --report to see every dropped piece in full.", markup=False)
    if failures:
        sys.exit(1)
