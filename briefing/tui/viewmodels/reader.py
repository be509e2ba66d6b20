"""What the reader shows, computed from the corpus, the analysis and the annotation store
(no Textual here): the panes ask these functions and render what they return."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

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

    def build(self, stop: Callable[[], bool] | None = None) -> "SearchIndex":
        """``stop``: asked between sources; once True (the reader closing) the build ends
        unfinished, keeping nothing half done (briefing.index.store), and stays not ready."""
        from briefing.index import Stopped, open_index  # the same search as `briefing search`

        try:
            self._ranked = open_index(self.corpus, stop=stop)
        except Stopped:
            return self
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
    source's own voice (no speaker, or "author") "author (Byline)", or "the author (not
    named)" when the source names nobody."""
    if claim.speaker and claim.speaker != "author":
        return claim.speaker
    if article is None:
        return "author"
    return f"author ({article.byline})" if article.authors else "the author (not named)"


def fmt_value(value: float | str, text: str | None = None, unit: str | None = None) -> str:
    """A figure or date as the source wrote it ("300 soldiers": its unit is in the text
    already), else as a plain number / ISO date with its unit."""
    if text:
        return text
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    shown = f"{value:,}" if isinstance(value, int) and abs(value) >= 10_000 else str(value)
    return f"{shown} {unit}" if unit and not isinstance(value, str) else shown


# The Media Frames Corpus dimensions (briefing.model.FRAMES) as people read them.
FRAME_LABELS = {
    "economic": "Economic",
    "capacity_and_resources": "Capacity and resources",
    "morality": "Morality",
    "fairness_and_equality": "Fairness and equality",
    "legality_constitutionality_jurisprudence": "Legality, constitutionality, jurisprudence",
    "policy_prescription_and_evaluation": "Policy prescription and evaluation",
    "crime_and_punishment": "Crime and punishment",
    "security_and_defense": "Security and defence",
    "health_and_safety": "Health and safety",
    "quality_of_life": "Quality of life",
    "cultural_identity": "Cultural identity",
    "public_opinion": "Public opinion",
    "political": "Political",
    "external_regulation_and_reputation": "External regulation and reputation",
    "other": "Other",
}


def frame_label(code: str) -> str:
    """A frame code as words ("security_and_defense" -> "Security and defence")."""
    return FRAME_LABELS.get(code) or clean_line(code.replace("_", " ")).capitalize()


# What each claim kind's highlight means: the legend in the help screen, the claim panel and
# the README (the colours themselves are in briefing.tcss, .claim--<kind>).
KIND_MEANINGS = {
    "fact": "a statement of fact",
    "figure": "a number: troops, money, dates",
    "quote": "someone quoted",
    "assessment": "the author's judgement",
    "prediction": "what will happen",
    "recommendation": "what should be done",
}


def strip_for_display(text: str | None) -> str:
    """Single-line display of an untrusted string: cleaned again (defence in depth, in case a
    corpus was built without the loader) and with whitespace collapsed."""
    return clean_line(text or "")



# ---------------------------------------------------------------- claim lookup (palette)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ClaimMatch:
    score: float  # 0..1, higher first
    claim: Claim
    text: str  # what to show: the id and the part of the quote that matched
    match: tuple[int, int]  # [start, end) of the matched part in ``text``, (0, 0) if none


class ClaimLookup:
    """Find claims by id ("dupuy-2022-08", or a part of it) or by any words of the quote, in
    any order, anywhere in it (each query word a word of the quote or its start)."""

    def __init__(self, corpus: Corpus) -> None:
        self._claims = [c for c in corpus.claims.values() if c.paragraph_id]
        self._folded: list[tuple[str, str, set[str]]] | None = None

    def _index(self) -> list[tuple[str, str, set[str]]]:
        if self._folded is None:  # on the first query, not when the palette opens
            self._folded = []
            for c in self._claims:
                quote = fold(strip_for_display(c.quote))
                self._folded.append((c.id.casefold(), quote, set(_WORD.findall(quote))))
        return self._folded

    def find(self, query: str, limit: int = 50) -> list[ClaimMatch]:
        wanted = fold(query).strip()
        if wanted.startswith("claim:"):  # the palette shows "Claim: …": people type it too
            wanted = wanted[len("claim:"):].strip()
        words = _WORD.findall(wanted)
        if not wanted or not words:
            return []
        found: list[ClaimMatch] = []
        for claim, (cid, quote, quote_words) in zip(self._claims, self._index()):
            shown_quote = strip_for_display(claim.quote)
            if wanted in cid:
                score = 1.0 if wanted == cid else 0.9
                text = f"{claim.id} · {shown_quote[:100]}"
                start = claim.id.casefold().find(wanted)
                found.append(ClaimMatch(score, claim, text, (start, start + len(wanted))))
                continue
            if not all(w in quote_words or any(q.startswith(w) for q in quote_words)
                       for w in words):
                continue
            at = quote.find(wanted)
            score = 0.8 if at != -1 else 0.6
            anchor = at if at != -1 else quote.find(words[0])
            piece, a, b = snippet(shown_quote, max(anchor, 0),
                                  max(anchor, 0) + (len(wanted) if at != -1 else len(words[0])),
                                  width=90)
            prefix = f"{claim.id} · "
            found.append(ClaimMatch(score, claim, prefix + piece,
                                    (len(prefix) + a, len(prefix) + b)))
        found.sort(key=lambda m: -m.score)
        return found[:limit]
