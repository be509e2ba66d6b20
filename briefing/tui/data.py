"""What the reader shows, computed from the corpus (no Textual here).

The analysis and annotation-store packages are written in parallel; these adapters use them
when they are importable and fall back to small local versions otherwise, so the reader never
breaks because a sibling module is missing or has changed shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from briefing.model import Claim, Corpus
from briefing.text import clean_line, find_all, fold


# ---------------------------------------------------------------- event context
def other_claims_on_event(corpus: Corpus, claim: Claim) -> list[tuple[str, Claim]]:
    """Claims of *other* sources on the claim's events: (event id, claim), in corpus order."""
    out: list[tuple[str, Claim]] = []
    seen: set[str] = set()
    order = {aid: i for i, aid in enumerate(corpus.articles)}
    for event_id in claim.events:
        found = [c for c in corpus.claims_for_event(event_id)
                 if c.article_id != claim.article_id and c.id not in seen]
        found.sort(key=lambda c: (order.get(c.article_id, 1 << 30), c.id))
        for c in found:
            seen.add(c.id)
            out.append((event_id, c))
    return out


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Two or more sources giving different values for one shared key on an event."""

    key: str  # the figure quantity or date `what`
    values: tuple[tuple[str, str], ...]  # (value as text, claim id), one per distinct claim

    def describe(self) -> str:
        parts = ", ".join(f"{v} ({cid})" for v, cid in self.values)
        return f"{self.key}: {parts}"


def _fmt_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def disagreements_for_event(corpus: Corpus, event_id: str) -> list[Disagreement]:
    """Numeric and date disagreements on an event.

    Uses briefing.analysis.disagreements (the project's one rule for "same value"); the local
    fallback (plain inequality by ``quantity`` / ``what``) only runs if that cannot be used.
    """
    try:
        from briefing.analysis import disagreements as analysis
        findings = analysis.for_event(corpus, event_id).disagreements
    except Exception:  # missing or broken sibling module: the reader keeps working
        return _local_disagreements(corpus, event_id)
    out: list[Disagreement] = []
    for finding in findings:
        pairs = []
        for v in finding.values:
            shown = v.text or (_fmt_number(v.value) if isinstance(v.value, (int, float)) else str(v.value))
            if v.unit and isinstance(v.value, (int, float)) and not v.text:
                shown += f" {v.unit}"
            pairs.append((shown, v.claim))
        out.append(Disagreement(finding.quantity, tuple(pairs)))
    return out


def _local_disagreements(corpus: Corpus, event_id: str) -> list[Disagreement]:
    by_key: dict[str, list[tuple[str, str, str]]] = {}  # key -> (normalised, shown, claim id)
    for claim in corpus.claims_for_event(event_id):
        for fig in claim.figures:
            shown = fig.text or _fmt_number(fig.value) + (f" {fig.unit}" if fig.unit else "")
            by_key.setdefault(fig.quantity, []).append((_fmt_number(fig.value), shown, claim.id))
        for date in claim.dates:
            if date.what:
                by_key.setdefault(date.what, []).append((date.value, date.value, claim.id))
    out: list[Disagreement] = []
    for key, entries in by_key.items():
        if len({norm for norm, _, _ in entries}) > 1:
            out.append(Disagreement(key, tuple((shown, cid) for _, shown, cid in entries)))
    return out


# ---------------------------------------------------------------- annotations
@dataclass(frozen=True, slots=True)
class AnnotationView:
    tags: tuple[str, ...] = ()
    note: str = ""


def _first_attr(obj: Any, *names: str) -> Any:
    for name in names:
        value = getattr(obj, name, None)
        if value is not None:
            return value
    return None


def annotation_for(store: Any, claim_id: str) -> AnnotationView | None:
    """The tags and note on a claim, or None (no store, nothing saved, or the store failed)."""
    if store is None:
        return None
    getter = _first_attr(store, "for_claim", "get_for_claim", "annotations_for", "get")
    if getter is None:
        return None
    try:
        found = getter(claim_id)
    except Exception:
        return None
    if not found:
        return None
    items = found if isinstance(found, (list, tuple)) else [found]
    tags: list[str] = []
    notes: list[str] = []
    for item in items:
        get = item.get if isinstance(item, dict) else (lambda k, d=None, _i=item: getattr(_i, k, d))
        for tag in get("tags", None) or ():
            if tag not in tags:
                tags.append(str(tag))
        note = get("note", None) or get("comment", None)
        if note:
            notes.append(str(note))
    if not tags and not notes:
        return None
    return AnnotationView(tuple(tags), "\n".join(notes))


def annotated_claim_ids(store: Any) -> set[str]:
    """Ids of claims that carry an annotation, for marking them in the article."""
    if store is None:
        return set()
    lister = _first_attr(store, "annotated_claim_ids", "claim_ids")
    try:
        if lister is not None:
            return set(lister())
        all_ = _first_attr(store, "all", "list_annotations")
        if all_ is None:
            return set()
        out: set[str] = set()
        for item in all_():
            cid = item.get("claim_id") if isinstance(item, dict) else getattr(item, "claim_id", None)
            if cid:
                out.add(str(cid))
        return out
    except Exception:
        return set()


# ---------------------------------------------------------------- search
@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    paragraph_id: str
    start: int
    end: int
    claim_id: str | None  # the claim whose passage contains the hit, if any


class SearchIndex:
    """Paragraph search; built off the UI thread after the first paint.

    Uses briefing.analysis.search (ranked BM25, phrases, prefix while typing) when it can;
    otherwise a plain folded substring scan with exact offsets from briefing.text.find_all.
    """

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self._ranked = None  # analysis.search.SearchIndex
        self._entries: list[tuple[str, str, str]] = []  # fallback: (folded, article, paragraph)
        self._claims_by_para: dict[str, list[Claim]] | None = None
        self.ready = False

    def build(self) -> "SearchIndex":
        try:
            from briefing.cache import search_index  # restored from the load cache if it can be
            self._ranked = search_index(self.corpus)
        except Exception:
            self._ranked = None
            self._entries = [(fold(p.text), a.id, p.id)
                             for a in self.corpus.articles.values() for p in a.paragraphs()]
        self.ready = True
        return self

    def _owner(self, pid: str, start: int, end: int) -> str | None:
        if self._claims_by_para is None:
            by_para: dict[str, list[Claim]] = {}
            for c in self.corpus.claims.values():
                if c.paragraph_id:
                    by_para.setdefault(c.paragraph_id, []).append(c)
            self._claims_by_para = by_para
        return next((c.id for c in self._claims_by_para.get(pid, ())
                     if c.start <= start and end <= c.end), None)

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        if not fold(query):
            return []
        if not self.ready:
            self.build()
        if self._ranked is not None:
            try:
                return self._search_ranked(query, limit)
            except Exception:
                pass
            self._ranked = None
            self.build_fallback()
        return self._search_scan(query, limit)

    def build_fallback(self) -> None:
        self._entries = [(fold(p.text), a.id, p.id)
                         for a in self.corpus.articles.values() for p in a.paragraphs()]

    def _search_ranked(self, query: str, limit: int) -> list[SearchHit]:
        hits: list[SearchHit] = []
        for hit in self._ranked.search(query, limit=limit, kinds=["paragraph"]):
            if not hit.matches or hit.article is None:
                continue
            start, end = hit.matches[0]
            hits.append(SearchHit(hit.article, hit.id, start, end, self._owner(hit.id, start, end)))
        return hits

    def _search_scan(self, query: str, limit: int) -> list[SearchHit]:
        needle = fold(query)
        hits: list[SearchHit] = []
        for folded, article_id, pid in self._entries:
            if needle not in folded:
                continue
            para = self.corpus.paragraph(pid)
            if para is None:
                continue
            for start, end in find_all(para.text, query):
                hits.append(SearchHit(article_id, pid, start, end, self._owner(pid, start, end)))
                if len(hits) >= limit:
                    return hits
        return hits


def snippet(text: str, start: int, end: int, width: int = 60) -> tuple[str, int, int]:
    """A window of ``text`` around [start, end), cut at word boundaries, whitespace collapsed:
    (snippet, match start, match end) in it."""
    pad = max(0, (width - (end - start)) // 2)
    a = max(0, start - pad)
    b = min(len(text), end + pad)
    if a > 0:  # start after a space, unless that would eat into the match
        space = text.find(" ", a, start)
        a = space + 1 if space != -1 else a
    if b < len(text):
        space = text.rfind(" ", end, b)
        b = space if space != -1 else b
    prefix = "…" if a > 0 else ""
    suffix = "…" if b < len(text) else ""
    piece = " ".join(text[a:start].split())
    lead = prefix + (piece + " " if text[a:start][-1:].isspace() and piece else piece)
    match = " ".join(text[start:end].split())
    tail_raw = text[end:b]
    tail = (" " if tail_raw[:1].isspace() else "") + " ".join(tail_raw.split()) + suffix
    return lead + match + tail, len(lead), len(lead) + len(match)


def iter_claims_in_order(corpus: Corpus) -> Iterable[Claim]:
    for article_id in corpus.articles:
        yield from corpus.claims_for_article(article_id)


def strip_for_display(text: str | None) -> str:
    """Single-line display of an untrusted string: cleaned again (defence in depth, in case a
    corpus was built without the loader) and with whitespace collapsed."""
    return clean_line(text or "")

