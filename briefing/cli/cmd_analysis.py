"""``briefing events | claims | compare | coverage | disagreements | lexicon``: the analysis,
as tables or JSON (``search``: briefing.cli.cmd_search).

Tables are for people (Rich); ``--json`` is for scripts, with the field names documented in
docs/json.md.  Every string from the content (titles, quotes, terms) is untrusted and goes
into Rich as ``Text`` objects, never as markup.  No Textual import here.
"""

from __future__ import annotations

from pathlib import Path

import click

from briefing.cli.options import unknown_id, content_option, db_option, json_option
from briefing.cli.output import console as _console, emit_json as _emit_json, text as _T
from briefing.model import CLAIM_KINDS, Corpus

# --- shared helpers ---------------------------------------------------------------------------


def _load(content_dir: Path | None) -> Corpus:
    """The corpus, or exit 1 with its problems (one seam, so tests can substitute a corpus)."""
    from briefing.cli.options import load_or_exit

    return load_or_exit(content_dir)


def _short_names(corpus: Corpus) -> dict[str, str]:
    """Short column labels for sources: the article id up to its first hyphen, if unique."""
    short = {aid: aid.split("-")[0][:12] for aid in corpus.articles}
    if len(set(short.values())) != len(short):
        short = {aid: aid[:14] for aid in corpus.articles}
    return short


def _fmt_value(v: float | str) -> str:
    from briefing.analysis.serialize import number

    n = number(v)
    return f"{n:,}" if isinstance(n, int) and abs(n) >= 10_000 else str(n)


# --- events -----------------------------------------------------------------------------------


@click.command(short_help="Events in date order, with the sources covering each.")
@content_option
@json_option
def events(content_dir: Path | None, as_json: bool) -> None:
    """List the events, in date order, with the sources that cover each."""
    from briefing.analysis.serialize import event_json
    from briefing.analysis.timeline import timeline

    corpus = _load(content_dir)
    entries = timeline(corpus)
    if as_json:
        _emit_json([event_json(e.event, corpus) for e in entries])
        return
    from rich.table import Table

    short = _short_names(corpus)
    table = Table(title=_T(f"{corpus.title}: {len(entries)} events"), title_justify="left",
                  expand=False)
    table.add_column("date", no_wrap=True)
    table.add_column("event")
    table.add_column("sources")
    for e in entries:
        title = _T(e.event.title)
        title.append("\n")
        title.append(_T(e.event.id, "dim"))
        date = e.event.date or "?"
        if e.event.end:
            date += f"\n–{e.event.end}"
        sources = ", ".join(short[a] for a in e.sources) if e.sources else "—"
        style = "yellow" if len(e.sources) == 1 else ("dim" if not e.sources else None)
        table.add_row(_T(date), title, _T(sources, style))
    _console().print(table)


# --- claims -----------------------------------------------------------------------------------


@click.command(short_help="Claims, filtered by event, source or kind.")
@content_option
@json_option
@click.option("--event", "event_id", metavar="EVENT", help="Only claims about this event id.")
@click.option("--source", "source_id", metavar="ARTICLE", help="Only claims of this article id.")
@click.option("--kind", type=click.Choice(CLAIM_KINDS), help="Only claims of this kind.")
def claims(content_dir: Path | None, as_json: bool, event_id: str | None,
           source_id: str | None, kind: str | None) -> None:
    """List claims, in reading order, optionally filtered by event, source and kind."""
    from briefing.analysis.serialize import claim_json

    corpus = _load(content_dir)
    if event_id is not None and event_id not in corpus.events:
        raise unknown_id("event", event_id, corpus.events, "--event")
    if source_id is not None and source_id not in corpus.articles:
        raise unknown_id("source", source_id, corpus.articles, "--source")
    selected = [
        c
        for aid in corpus.articles
        if source_id is None or aid == source_id
        for c in corpus.claims_for_article(aid)
        if (event_id is None or event_id in c.events) and (kind is None or c.kind == kind)
    ]
    if as_json:
        _emit_json([claim_json(c) for c in selected])
        return
    from rich.table import Table

    table = Table(title=_T(f"{len(selected)} claims"), title_justify="left")
    table.add_column("claim", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("quote")
    for c in selected:
        quote = _T(c.quote)
        meta = []
        if c.speaker and c.speaker != "author":
            meta.append(f"— {c.speaker}")
        if c.events:
            meta.append("events: " + ", ".join(c.events))
        for f in c.figures:
            meta.append(f"{f.quantity} = {_fmt_value(f.value)}{' ' + f.unit if f.unit else ''}")
        for d in c.dates:
            if d.what:  # keyed dates are the comparable ones; plain dates add little here
                meta.append(f"{d.what} = {d.value}")
        if meta:
            quote.append("\n" + "; ".join(meta), style="dim")
        table.add_row(_T(c.id), _T(c.kind), quote)
    _console().print(table)


# --- compare ----------------------------------------------------------------------------------


@click.command(short_help="How the sources cover one EVENT, side by side.")
@content_option
@json_option
@click.argument("event_id", metavar="EVENT")
@click.option("--top", default=8, show_default=True, type=click.IntRange(0, 1000),
              help="Distinctive terms per source (0: none).")
def compare(content_dir: Path | None, as_json: bool, event_id: str, top: int) -> None:
    """Compare the sources on one EVENT: claims side by side, disagreements, word choice."""
    from briefing.analysis.compare import compare as run_compare
    from briefing.analysis.serialize import comparison_json

    corpus = _load(content_dir)
    if event_id not in corpus.events:
        raise unknown_id("event", event_id, corpus.events, "EVENT")
    lexicon = _lexicon(corpus)
    result = run_compare(corpus, event_id, lexicon=lexicon, top=top)
    if as_json:
        _emit_json(comparison_json(result, corpus))
        return
    _print_comparison(corpus, result)


def _lexicon(corpus: Corpus):
    """The briefing's lexicon.yaml (optional); its problems are warnings, not failures."""
    from briefing.analysis.lexicon import Lexicon
    from briefing.loading.lexicon import load_lexicon

    if corpus.root is None:
        return Lexicon()
    lexicon, problems = load_lexicon(Path(corpus.root) / "lexicon.yaml")
    for p in problems:
        click.echo(f"warning: {p}", err=True)
    return lexicon


def _claim_label(claim) -> str:
    """A claim's number within its article ("28" for armenia-isolation-2023-28), else its id."""
    prefix = claim.article_id + "-"
    return claim.id[len(prefix):] if claim.id.startswith(prefix) else claim.id


def _print_comparison(corpus: Corpus, result) -> None:
    from rich.table import Table

    console = _console()
    short = _short_names(corpus)
    ev = result.event
    head = _T(ev.title, "bold")
    head.append(f"  ({ev.id}, {ev.date or 'undated'}{'–' + ev.end if ev.end else ''})")
    console.print(head)
    if ev.summary:
        console.print(_T(ev.summary, "dim"))
    for s in result.sources:
        if not s.covers:
            continue
        article = corpus.articles[s.article]
        console.print()
        title = _T(f"{s.article}", "bold cyan")
        title.append(_T(f"  {article.title} — {article.byline}"))
        console.print(title)
        # A borderless two-column table keeps wrapped quotes aligned under their text.
        claims = Table(box=None, show_header=False, padding=(0, 1), pad_edge=False)
        claims.add_column("n", style="dim", no_wrap=True, justify="right")
        claims.add_column("claim")
        for c in s.claims:
            quote = _T(c.quote)
            quote.append(_T(f"  [{c.kind}]", "dim"))
            if c.speaker and c.speaker != "author":
                quote.append(_T(f" — {c.speaker}", "italic"))
            claims.add_row(_T(_claim_label(c)), quote)
        terms = result.framing.get(s.article) or []
        if terms:
            claims.add_row(_T("words", "green"), _T(", ".join(t.term for t in terms), "green"))
        console.print(claims)
    if len(result.covering) > 1 and not any(result.framing.values()):
        console.print()
        console.print(_T("No term is significantly distinctive of any source on this event "
                         "(|z| >= 1.96); the texts are too short or too alike.", "dim"))
    if result.not_covering:
        console.print()
        console.print(_T("Not covering: " + ", ".join(result.not_covering), "dim"))
    _print_findings(console, corpus, result.disagreements, result.agreements,
                    result.compatible)
    if result.lexicon:
        console.print()
        console.print(_lexicon_table(result.lexicon, result.covering, short))


def _claim_label_id(claim_id: str, article_id: str) -> str:
    prefix = article_id + "-"
    return "#" + claim_id[len(prefix):] if claim_id.startswith(prefix) else claim_id


def _lexicon_table(groups, sources: list[str], short: dict[str, str]):
    """Lexicon terms x sources (uses per source), grouped; a list if too many sources."""
    from rich.table import Table

    table = Table(title=_T("Framing lexicon: uses per source", "bold"), title_justify="left")
    table.add_column("term")
    if len(sources) > MAX_MATRIX_COLUMNS:
        table.add_column("used by")
    else:
        for aid in sources:
            table.add_column(_T(short[aid]), justify="right")
    for g in groups:
        table.add_row(_T(g.label, "bold"))
        for t in g.terms:
            if len(sources) > MAX_MATRIX_COLUMNS:
                used = ", ".join(f"{short[a]} ×{k}" for a, k in t.counts.items())
                table.add_row(_T("  " + t.term), _T(used))
            else:
                table.add_row(_T("  " + t.term),
                              *[_T(str(t.counts[a]) if a in t.counts else "·",
                                   None if a in t.counts else "dim") for a in sources])
    return table


# --- disagreements ---------------------------------------------------------------------------


@click.command(short_help="Where the sources disagree: figures, dates, titles, marks.")
@content_option
@json_option
@db_option
@click.option("--event", "event_id", metavar="EVENT", help="Only claims about this event id.")
def disagreements(content_dir: Path | None, as_json: bool, db_path: Path | None,
                  event_id: str | None) -> None:
    """Where the sources disagree, across the whole briefing or for one event: figures and
    dates that cannot both be true (and those that are only compatible, or agree), people
    given different ranks or offices, and disagreements marked by hand (briefing disagree)."""
    from briefing.analysis import attribution, offices
    from briefing.analysis import disagreements as dis
    from briefing.analysis.serialize import (
        attribution_json, finding_json, mark_json, office_json,
    )

    corpus = _load(content_dir)
    if event_id is not None and event_id not in corpus.events:
        raise unknown_id("event", event_id, corpus.events, "--event")
    found = dis.for_event(corpus, event_id) if event_id else dis.for_corpus(corpus)
    titles = offices.for_event(corpus, event_id) if event_id else offices.find(corpus)
    credited = (attribution.for_event(corpus, event_id) if event_id
                else attribution.for_corpus(corpus))
    marked = _marks(db_path, corpus, event_id)
    if as_json:
        _emit_json({"event": event_id,
                    "disagreements": [finding_json(f) for f in found.disagreements],
                    "agreements": [finding_json(f) for f in found.agreements],
                    "compatible": [finding_json(f) for f in found.compatible],
                    "offices": [office_json(f) for f in titles],
                    "attributions": [attribution_json(f) for f in credited],
                    "marked": [mark_json(m, corpus) for m in marked]})
        return
    console = _console()
    _print_findings(console, corpus, found.disagreements, found.agreements, found.compatible)
    _print_offices(console, corpus, titles)
    _print_attributions(console, corpus, credited)
    _print_marks(console, corpus, marked)
    if not (found.disagreements or found.agreements or found.compatible or titles or marked
            or credited):
        console.print(_T("No figure or date is given by two sources under the same key, "
                         "no title differs and nothing is marked."))


def _marks(db_path: Path | None, corpus: Corpus, event_id: str | None) -> list:
    """Hand-marked disagreements from the store, if there is one (reading never creates it)."""
    from briefing.paths import default_db_path

    path = db_path or default_db_path()
    if not path.exists():
        return []
    from briefing.store import AnnotationStore, StoreError
    from briefing.store.marks import marks

    try:
        with AnnotationStore(path) as store:
            for warning in store.take_warnings():
                click.echo(f"warning: {warning}", err=True)
            found = marks(store)
    except (StoreError, OSError) as exc:
        click.echo(f"warning: hand-marked disagreements not read: {exc}", err=True)
        return []
    if event_id is None:
        return found
    return [m for m in found if any(c in corpus.claims and event_id in corpus.claims[c].events
                                    for c in m.claims)]


def _print_pairs(console, short_names: dict[str, str], title: str, first: str, written: str,
                 rows) -> None:
    """A table of findings that each pair two sources: ``rows`` yields, per finding, its
    label and the two sides as (article id, claim id or None, text as written)."""
    from rich.table import Table

    table = Table(title=_T(title, "bold red"), title_justify="left")
    for name in (first, "source", written):
        table.add_column(name)
    for label, sides in rows:
        for n, (article, claim, text) in enumerate(sides):
            where = short_names[article] + (" " + _claim_label_id(claim, article) if claim else "")
            table.add_row(_T(label if n == 0 else ""), _T(where), _T(text))
        table.add_section()
    console.print()
    console.print(table)


def _print_offices(console, corpus: Corpus, titles) -> None:
    if titles:
        _print_pairs(console, _short_names(corpus), f"Titles that differ ({len(titles)})",
                     "person", "title as written",
                     ((f"{f.person} ({f.kind})",
                       [(m.article, m.claims[0] if m.claims else None, m.title.text)
                        for m in (f.a, f.b)]) for f in titles))


def _print_attributions(console, corpus: Corpus, credited) -> None:
    if credited:
        _print_pairs(console, _short_names(corpus),
                     f"Credited to different actors ({len(credited)})", "event",
                     "go-between as written",
                     ((f.event, [(a.article, a.claim, a.written) for a in (f.a, f.b)])
                      for f in credited))


def _print_marks(console, corpus: Corpus, marked) -> None:
    if not marked:
        return
    from rich.table import Table

    table = Table(title=_T(f"Marked by hand ({len(marked)})", "bold red"), title_justify="left")
    table.add_column("claims", no_wrap=True)
    table.add_column("note")
    table.add_column("by", no_wrap=True)
    for m in marked:
        missing = [c for c in m.claims if c not in corpus.claims]
        claims = _T(" ≠ ".join(m.claims))
        if missing:
            claims.append(_T("\n(not in the briefing: " + ", ".join(missing) + ")", "dim"))
        table.add_row(claims, _T(m.note), _T(m.author))
    console.print()
    console.print(table)


def _print_findings(console, corpus: Corpus, disagreements, agreements, compatible=()) -> None:
    from rich.table import Table

    short = _short_names(corpus)
    for label, findings, style in (("Disagreements", disagreements, "red"),
                                   ("Compatible, not confirming", compatible, "yellow"),
                                   ("Agreements", agreements, "green")):
        if not findings:
            continue
        table = Table(title=_T(f"{label} ({len(findings)})", f"bold {style}"),
                      title_justify="left")
        table.add_column("quantity")
        table.add_column("source")
        table.add_column("value")
        table.add_column("as written")
        for f in findings:
            behind = {c for p in f.pairs for c in (p.a.claim, p.b.claim)}
            for n, v in enumerate(f.values):
                mark = "• " if v.claim in behind and label == "Disagreements" else ""
                table.add_row(_T(f.quantity if n == 0 else ""),
                              _T(f"{mark}{short[v.article]} {_claim_label_id(v.claim, v.article)}"),
                              _T(_fmt_value(v.value)), _T(v.text or ""))
            table.add_section()
        console.print()
        console.print(table)
        if label == "Disagreements":
            console.print(_T("• the values that cannot both be true", "dim"))


# --- lexicon ----------------------------------------------------------------------------------


@click.command(short_help="Which source uses which framing term.")
@content_option
@json_option
@click.option("--event", "event_id", metavar="EVENT",
              help="Only the sentences of the sources' claims on this event.")
def lexicon(content_dir: Path | None, as_json: bool, event_id: str | None) -> None:
    """Which source uses which word of the framing lexicon (content/lexicon.yaml), across
    all of each article's text or, with --event, in the sentences of its claims on that event."""
    from briefing.analysis.framing import event_texts
    from briefing.analysis.lexicon import corpus_texts, usage
    from briefing.analysis.serialize import lexicon_json

    corpus = _load(content_dir)
    if event_id is not None and event_id not in corpus.events:
        raise unknown_id("event", event_id, corpus.events, "--event")
    lex = _lexicon(corpus)
    texts = event_texts(corpus, event_id) if event_id else corpus_texts(corpus)
    groups = usage(lex, texts)
    if as_json:
        _emit_json({"event": event_id, "sources": list(texts), "groups": lexicon_json(groups)})
        return
    console = _console()
    if not lex.groups:
        console.print(_T("This briefing has no lexicon.yaml (or it is empty)."))
        return
    console.print(_lexicon_table(groups, list(texts), _short_names(corpus)))


# --- coverage ---------------------------------------------------------------------------------


@click.command(short_help="Events x sources matrix; single-source events.")
@content_option
@json_option
def coverage(content_dir: Path | None, as_json: bool) -> None:
    """The events x sources matrix (claims per cell), single-source events, counts per source."""
    from briefing.analysis.coverage import coverage as run_coverage
    from briefing.analysis.serialize import coverage_json

    corpus = _load(content_dir)
    cov = run_coverage(corpus)
    if as_json:
        _emit_json(coverage_json(cov, corpus))
        return
    from rich.table import Table

    short = _short_names(corpus)
    console = _console()
    if len(cov.sources) > MAX_MATRIX_COLUMNS:
        _print_coverage_list(console, cov, short)
        return
    table = Table(title=_T(f"Coverage: {len(cov.events)} events × {len(cov.sources)} sources"),
                  title_justify="left")
    # Event ids wrap rather than being cut; source headers are cut to 7 characters so that the
    # five bundled sources leave the event column room at 80 columns (legend below).
    table.add_column("event", overflow="fold")
    for aid in cov.sources:
        table.add_column(_T(short[aid][:7]), justify="right", no_wrap=True)
    for eid in cov.events:
        row = cov.matrix[eid]
        only = eid in cov.single_source
        cells = [_T(str(row[a]) if row[a] else "·", "bold" if row[a] else "dim")
                 for a in cov.sources]
        table.add_row(_T(("* " if only else "") + eid, "yellow" if only else None), *cells)
    table.add_section()
    table.add_row(_T("claims"), *[_T(str(cov.per_source[a]["claims"])) for a in cov.sources])
    table.add_row(_T("events"), *[_T(str(cov.per_source[a]["events"])) for a in cov.sources])
    table.add_row(_T("only source"),
                  *[_T(str(cov.per_source[a]["only_source"])) for a in cov.sources])
    console.print(table)
    console.print(_T(f"* covered by one source only ({len(cov.single_source)} events)", "yellow"))
    console.print(_T("Sources: " + ", ".join(f"{short[a][:7]} = {a}" for a in cov.sources),
                     "dim"))
    if cov.uncovered:
        console.print(_T("No claims yet: " + ", ".join(cov.uncovered), "dim"))


MAX_MATRIX_COLUMNS = 8  # beyond this a matrix no longer fits 80 columns: list instead


def _print_coverage_list(console, cov, short: dict[str, str]) -> None:
    """Coverage for many sources: one row per event with its covering sources."""
    from rich.table import Table

    table = Table(title=_T(f"Coverage: {len(cov.events)} events × {len(cov.sources)} sources"),
                  title_justify="left")
    table.add_column("event")
    table.add_column("n", justify="right")
    table.add_column("sources")
    for eid in cov.events:
        covering = cov.covering(eid)
        only = eid in cov.single_source
        table.add_row(_T(eid + (" *" if only else ""), "yellow" if only else None),
                      _T(str(len(covering))),
                      _T(", ".join(short[a] for a in covering) or "—"))
    console.print(table)
    console.print(_T(f"* covered by one source only ({len(cov.single_source)} events)", "yellow"))
