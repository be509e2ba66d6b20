"""What the reader shows, computed from the corpus (no Textual here).

The analysis and annotation-store packages are written in parallel; these adapters use them
when they are importable and fall back to small local versions otherwise, so the reader never
breaks because a sibling module is missing or has changed shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from briefing.model import Claim, Corpus
from briefing.text import find_all, fold


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

    Uses briefing.analysis when it offers ``disagreements(corpus, event_id=...)``; the local
    fallback compares figures by ``quantity`` and dates by ``what`` across sources.
    """
    try:
        from briefing.analysis import disagreements as analysis_disagreements  # type: ignore
    except Exception:  # not written yet, or broken: the reader keeps working
        analysis_disagreements = None
    if analysis_disagreements is not None:
        converted = _from_analysis(analysis_disagreements, corpus, event_id)
        if converted is not None:
            return converted
    return _local_disagreements(corpus, event_id)


def _from_analysis(module: Any, corpus: Corpus, event_id: str) -> list[Disagreement] | None:
    """Adapt the analysis package's result; None when its shape is not understood."""
    func = getattr(module, "disagreements_for_event", None) or getattr(module, "find_disagreements", None)
    if func is None:
        return None
    try:
        found = func(corpus, event_id)
    except TypeError:
        return None
    except Exception:
        return None
    out: list[Disagreement] = []
    for item in found or ():
        key = getattr(item, "key", None) or getattr(item, "quantity", None) or getattr(item, "what", None)
        values = getattr(item, "values", None)
        if key is None or values is None:
            return None
        pairs: list[tuple[str, str]] = []
        for v in values:
            if isinstance(v, tuple) and len(v) >= 2:
                pairs.append((str(v[0]), str(v[1])))
            else:
                text = getattr(v, "text", None) or getattr(v, "value", None)
                cid = getattr(v, "claim_id", None) or getattr(getattr(v, "claim", None), "id", "")
                pairs.append((str(text), str(cid)))
        out.append(Disagreement(str(key), tuple(pairs)))
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


def _fast_fold(text: str) -> str:
    """A cheap approximation of briefing.text.fold used to pre-filter paragraphs.

    ASCII text (most of it) skips the per-character Unicode decomposition.
    """
    text = text.casefold()
    if not text.isascii():
        text = fold(text)
        return text
    return " ".join(text.replace("`", "'").split())


class SearchIndex:
    """Folded paragraph texts; built off the UI thread after the first paint.

    Queries pre-filter on the folded text, then find exact offsets with briefing.text.find_all.
    """

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self._entries: list[tuple[str, str, str]] = []  # (folded, article id, paragraph id)
        self.ready = False

    def build(self) -> "SearchIndex":
        entries = []
        for article in self.corpus.articles.values():
            for para in article.paragraphs():
                entries.append((_fast_fold(para.text), article.id, para.id))
        self._entries = entries
        self.ready = True
        return self

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        needle = fold(query)
        if not needle:
            return []
        if not self.ready:
            self.build()
        claims_by_para: dict[str, list[Claim]] = {}
        hits: list[SearchHit] = []
        for folded, article_id, pid in self._entries:
            if needle not in folded:
                continue
            para = self.corpus.paragraph(pid)
            if para is None:
                continue
            if not claims_by_para:
                for c in self.corpus.claims.values():
                    if c.paragraph_id:
                        claims_by_para.setdefault(c.paragraph_id, []).append(c)
            for start, end in find_all(para.text, query):
                owner = next((c.id for c in claims_by_para.get(pid, ())
                              if c.start <= start and end <= c.end), None)
                hits.append(SearchHit(article_id, pid, start, end, owner))
                if len(hits) >= limit:
                    return hits
        return hits


def snippet(text: str, start: int, end: int, width: int = 60) -> tuple[str, int, int]:
    """A window of ``text`` around [start, end): (snippet, match start, match end) in it."""
    pad = max(0, (width - (end - start)) // 2)
    a = max(0, start - pad)
    b = min(len(text), end + pad)
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


def strip_for_display(text: str) -> str:
    """Single-line display of an untrusted string (no newlines in list items)."""
    return " ".join(text.split())

