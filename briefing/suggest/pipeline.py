"""``suggest(root)``: read a briefing, propose claims and events, return what would be written.

Curated claims and events are read, never changed: a proposal that repeats a curated claim's
passage is dropped, and curated events are linked to before new ones are made.  Suggestions
from an earlier run are regenerated (same ids: an id is a hash of the article and the quote),
and rejected ones are kept as they are and not proposed again.
"""

from __future__ import annotations

import gc
import hashlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.loading.anchor import ArticleIndex
from briefing.model import Corpus
from briefing.suggest import BY
from briefing.suggest.claims import Proposal, common_words, paragraph_names, propose
from briefing.suggest.events import Group, actors_of, event_id, group, span_of, summary_of, title_of
from briefing.suggest.figurekeys import assign_keys
from briefing.suggest.figures import figure_text
from briefing.suggest.mentions import acronyms
from briefing.suggest.names import NameIndex
from briefing.suggest.state import (EVENTS_SUGGESTED, SUGGESTED_SUFFIX, Previous, quote_key,
                                    read_previous)
from briefing.suggest import writer
from briefing.text import fold, visible

OVERLAP = 0.6  # share of a proposal's words inside a curated claim that makes it a repeat


@dataclass(slots=True)
class Result:
    claims: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # article -> claims
    events: list[dict[str, Any]] = field(default_factory=list)
    files: dict[Path, str] = field(default_factory=dict)  # what to write
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"claims": [c for cs in self.claims.values() for c in cs],
                "events": self.events,
                "files": sorted(str(p) for p in self.files),
                "warnings": self.warnings}


def suggest(corpus: Corpus, root: Path) -> Result:
    with _collector_paused():
        return _suggest(corpus, root)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while suggest runs: its millions of short-lived
    objects (tokens, figures, vectors) made it run full collections over the whole corpus
    again and again, a tenth of the time on 300 articles, and they free nearly nothing (the
    objects go by reference counting).  Back on as it was, whatever happens."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _suggest(corpus: Corpus, root: Path) -> Result:
    curated_corpus_events = [e for e in corpus.events.values() if e.status is None]
    previous = read_previous(root, list(corpus.articles))
    names = NameIndex()
    proposals = proposals_for(corpus, previous, names)
    occurrences = _occurrences(proposals, corpus)

    groups = group(proposals, curated_corpus_events,
                   {aid: a.published for aid, a in corpus.articles.items()})
    result = Result(warnings=list(previous.warnings) + _language_warnings(corpus))
    events_out = _events(groups, corpus, previous, result)
    assign_keys(proposals, names, headings=question_headings(corpus))
    for p in proposals:
        result.claims.setdefault(p.article_id, []).append(_claim_dict(p, occurrences.get(p.id)))
    result.events = events_out
    _render(result, corpus, root, previous)
    return result


def _language_warnings(corpus: Corpus) -> list[str]:
    """The rules read English news prose; a reader of an article in another language should
    know why it got few suggestions, with no speaker or date."""
    out = []
    for article in corpus.articles.values():
        language = (article.language or "en").split("-")[0].casefold()
        if language != "en":
            where = visible(str(article.path or article.id))
            out.append(f"{where}: written in '{article.language}'; suggest reads English, "
                       "so it proposes few claims there, without speakers or dates")
    return out


def proposals_for(corpus: Corpus, previous: Previous,
                  names: NameIndex | None = None) -> list[Proposal]:
    """The claims to propose, ids set, curated and rejected passages left out; ``names``
    gathers the briefing's names (the figure keys use them after grouping)."""
    names = NameIndex() if names is None else names
    # Words any source writes in lower case are not names, even capitalised at a sentence start.
    shared = frozenset().union(*(common_words(a) for a in corpus.articles.values()))
    commons = {aid: shared for aid in corpus.articles}
    # Acronyms before the names are registered: each long form is met first and stands for
    # its variants, and the acronym's key points at it.  Once only: an alias never takes a
    # key already taken, so a second pass after registering changes nothing.
    for aid, article in corpus.articles.items():
        for para in article.paragraphs():
            for short, long in acronyms(para.text):
                names.add_alias(short, long)
    found = {aid: paragraph_names(a, commons[aid]) for aid, a in corpus.articles.items()}
    names.register([n.text for by_para in found.values() for ns in by_para.values() for n in ns])

    proposals: list[Proposal] = []
    for aid, article in corpus.articles.items():
        curated = [c for c in corpus.claims_for_article(aid) if c.status is None]
        for p in propose(article, names, commons[aid], found[aid]):
            if _repeats_curated(p, curated) or (aid, quote_key(p.quote)) in previous.rejected_quotes:
                continue
            p.id = _claim_id(aid, p.quote)
            if p.id in previous.rejected_ids or p.id in corpus.claims and corpus.claims[p.id].status is None:
                continue
            proposals.append(p)
    _dedupe_ids(proposals)
    return proposals


def question_headings(corpus: Corpus) -> dict[str, str]:
    """The question heading over the first paragraph of each section that has one, by
    paragraph id: an interview's answer ("About 1,400, on the satellite images") may say
    what its figure counts only in the question ("How many homes were flooded?")."""
    out: dict[str, str] = {}
    for article in corpus.articles.values():
        for section in article.sections:
            title = (section.title or "").strip()
            if title.endswith("?") and section.paragraphs:
                out[section.paragraphs[0].id] = title
    return out


def _claim_id(article_id: str, quote: str) -> str:
    digest = hashlib.sha1(quote_key(quote).encode("utf-8")).hexdigest()[:8]
    return f"{article_id}-s{digest}"


def _dedupe_ids(proposals: list[Proposal]) -> None:
    """The same passage proposed twice in one article: keep the first."""
    seen: set[str] = set()
    keep = []
    for p in proposals:
        if p.id not in seen:
            seen.add(p.id)
            keep.append(p)
    proposals[:] = keep


def _repeats_curated(p: Proposal, curated: list) -> bool:
    mine = set(fold(p.quote).split())
    if not mine:
        return True
    for c in curated:
        if c.paragraph_id != p.paragraph.id:
            continue
        if c.start < p.end and p.start < c.end:
            theirs = set(fold(c.quote).split())
            if len(mine & theirs) / len(mine) >= OVERLAP:
                return True
    return False


def _events(groups: list[Group], corpus: Corpus, previous: Previous, result: Result) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    taken = {eid for eid, e in corpus.events.items() if e.status is None}
    for g in groups:
        if g.existing is not None:
            g.id = g.existing.id
        else:
            base = g.id = event_id(g)
            n = 1
            while g.id in taken:  # two events of one kind, actor and year
                n += 1
                g.id = f"{base}-{n}"
            if g.id in previous.rejected_ids:
                continue
            taken.add(g.id)
            sources = len({p.article_id for p in g.claims})
            date, end = span_of(g)
            out.append({"id": g.id, "status": "suggested", "by": BY,
                        "confidence": round(min(0.9, 0.3 + 0.15 * sources), 2),
                        "title": title_of(g), "summary": summary_of(g), "date": date,
                        "end": end, "actors": actors_of(g)})
        for p in g.claims:
            if g.id not in p.events:
                p.events.append(g.id)
    return out


def _occurrences(proposals: list[Proposal], corpus: Corpus) -> dict[str, int]:
    """Which match of its quote each proposal is, for quotes found more than once in their
    article (as the loader finds them: briefing.loading.anchor)."""
    out: dict[str, int] = {}
    by_article: dict[str, list[Proposal]] = {}
    for p in proposals:
        by_article.setdefault(p.article_id, []).append(p)
    for aid, mine in by_article.items():
        index = ArticleIndex(corpus.articles[aid])
        needles = {p.id: fold(p.quote) for p in mine}
        starts = _match_starts(index.joined, set(needles.values()))
        for p in mine:
            needle = needles[p.id]
            found = starts.get(needle, [])
            if _apart(found, len(needle)) < 2:  # as str.count counts (matches apart)
                continue
            for n, at in enumerate(found, 1):
                para, start, _ = index.locate(at, len(needle))
                if para.id == p.paragraph.id and start == p.start:
                    out[p.id] = n
    return out


def _match_starts(text: str, needles: set[str]) -> dict[str, list[int]]:
    """Every start of every needle in ``text`` (a folded article), overlapping matches
    included, in order: what repeated ``str.find(needle, last + 1)`` gives.

    One str.count or find over the article per quote made suggest quadratic in the length
    of an article (each of its sentences is a quote).  Instead, the words of the text are
    indexed once, and a quote is tried only where its rarest inner word stands: an inner
    word has a space on each side in the quote, so at any match it is a whole word of the
    text.  Linear in practice (nearly every claim has a word its article writes once or
    twice); a quote of fewer than three words, which has no inner word, is searched whole."""
    # Only the quotes' inner words are indexed. A word of the folded text is a run without
    # a space or a newline (single spaces, paragraphs joined by newlines), read by
    # splitting rather than by a regular expression's match object per word.
    wanted = {w for needle in needles for w in needle.split(" ")[1:-1]}
    words: dict[str, list[int]] = {}
    at = 0
    for line in text.split("\n"):
        for word in line.split(" "):
            if word and word in wanted:
                words.setdefault(word, []).append(at)
            at += len(word) + 1  # the space after it, or the newline after the line's last
    out: dict[str, list[int]] = {}
    for needle in needles:
        if not needle:
            continue
        parts = needle.split(" ")
        if len(parts) < 3:
            out[needle] = _find_all(text, needle)
            continue
        offset, best, at = len(parts[0]) + 1, None, 0
        for word in parts[1:-1]:
            seen = words.get(word, ())
            if best is None or len(seen) < len(best):
                best, at = seen, offset
            offset += len(word) + 1
        out[needle] = [s - at for s in best
                       if s >= at and text.startswith(needle, s - at)]
    return out


def _find_all(text: str, needle: str) -> list[int]:
    found, start = [], text.find(needle)
    while start != -1:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


def _apart(starts: list[int], length: int) -> int:
    """How many of these matches (in order) do not overlap, taken from the first."""
    count, free = 0, 0
    for s in starts:
        if s >= free:
            count, free = count + 1, s + length
    return count


def _claim_dict(p: Proposal, occurrence: int | None = None) -> dict[str, Any]:
    figures = []
    for f in p.figures:
        n = f.number
        text = figure_text(n, f.counted)
        # A word the parser took for a unit but the figure's text leaves out ("the 120
        # Halvard had offered") is no unit either.
        unit = f.counted or (n.unit if text == n.text else None)
        figures.append({"quantity": f.quantity or f"{p.id}-figure-{len(figures) + 1}",
                        "value": n.value, "unit": unit, "text": text,
                        "approx": n.approx})
    dates = [{"value": d.value, "what": what, "text": d.text} for d, what in p.dates]
    return {"id": p.id, "status": "suggested", "by": BY, "confidence": round(p.confidence, 2),
            "quote": p.quote, "events": p.events, "kind": p.kind, "speaker": p.speaker,
            "actors": p.actors, "figures": figures, "dates": dates,
            "paragraph": p.paragraph.id, "start": p.start, "end": p.end,
            "occurrence": occurrence}


def _render(result: Result, corpus: Corpus, root: Path, previous: Previous) -> None:
    for aid in corpus.articles:
        claims = result.claims.get(aid, [])
        kept = previous.rejected_claims.get(aid, [])
        path = root / "claims" / f"{aid}{SUGGESTED_SUFFIX}"
        if not claims and not kept and not path.exists():
            continue
        blocks = [writer.claim_block(c) for c in claims] + [writer.kept_block(e) for e in kept]
        result.files[path] = writer.render(blocks)
    blocks = [writer.event_block(e) for e in result.events]
    blocks += [writer.kept_block(e) for e in previous.rejected_events]
    result.files[root / EVENTS_SUGGESTED] = writer.render(blocks)


def write(result: Result) -> list[Path]:
    changed = []
    for path, text in result.files.items():
        try:
            if path.read_text(encoding="utf-8") == text:
                continue
        except (OSError, UnicodeDecodeError):
            pass
        writer.write_file(path, text)
        changed.append(path)
    return changed
