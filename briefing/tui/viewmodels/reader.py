"""What the reader shows, computed from the corpus, the analysis and the annotation store
(no Textual here): the panes ask these functions and render what they return."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.model import Article, Claim, Corpus
from briefing.text import clean_line, fold

if TYPE_CHECKING:
    from briefing.store import AnnotationStore


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
    """Numeric and date disagreements on an event (briefing.analysis.disagreements: the
    project's one rule for "same value"), as text for the claim panel."""
    from briefing.analysis import disagreements as analysis

    out: list[Disagreement] = []
    for finding in analysis.for_event(corpus, event_id).disagreements:
        pairs = []
        for v in finding.values:
            shown = v.text or (_fmt_number(v.value) if isinstance(v.value, (int, float)) else str(v.value))
            if v.unit and isinstance(v.value, (int, float)) and not v.text:
                shown += f" {v.unit}"
            pairs.append((shown, v.claim))
        out.append(Disagreement(finding.quantity, tuple(pairs)))
    return out


# ---------------------------------------------------------------- annotations
def annotations_on(store: AnnotationStore | None, claim_id: str) -> list:
    """Every author's non-empty annotation on a claim; [] with no store, or with one that
    cannot be read right now (StoreWatch reports that)."""
    if store is None:
        return []
    from briefing.store.errors import StoreError  # loaded with the store: free by now

    try:
        return store.for_claim(claim_id)
    except (StoreError, OSError):
        return []


def annotated_claim_ids(store: AnnotationStore | None) -> set[str]:
    """Ids of claims that carry an annotation, for marking them in the article."""
    if store is None:
        return set()
    from briefing.store.errors import StoreError

    try:
        return {a.claim_id for a in store.all()}
    except (StoreError, OSError):
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
    """Paragraph search (briefing.analysis.search: ranked BM25, phrases, prefix while
    typing), built off the UI thread after the first paint, or restored from the load cache."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self._ranked = None  # analysis.search.SearchIndex
        self._claims_by_para: dict[str, list[Claim]] | None = None
        self.ready = False

    def build(self) -> "SearchIndex":
        from briefing.index import open_index  # the same search as `briefing search`

        self._ranked = open_index(self.corpus)
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
        hits: list[SearchHit] = []
        for hit in self._ranked.search(query, limit=limit, kinds=["paragraph"]):
            if not hit.matches or hit.article is None:
                continue
            start, end = hit.matches[0]
            hits.append(SearchHit(hit.article, hit.id, start, end, self._owner(hit.id, start, end)))
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


def speaker_of(claim: Claim, article: Article | None) -> str:
    """Who makes a claim, written the same in every pane: the named speaker, or for the
    source's own voice (no speaker, or "author") "author (Byline)"."""
    if claim.speaker and claim.speaker != "author":
        return claim.speaker
    return f"author ({article.byline})" if article is not None else "author"


def strip_for_display(text: str | None) -> str:
    """Single-line display of an untrusted string: cleaned again (defence in depth, in case a
    corpus was built without the loader) and with whitespace collapsed."""
    return clean_line(text or "")

