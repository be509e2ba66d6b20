"""Full-text search over paragraphs and claims (and, later, notes), ranked with BM25.

Matching is tolerant of case, diacritics, quote marks and dashes: documents and queries are
folded the way briefing.text.fold folds them.  Query syntax:

- words are ANDed: ``russian peacekeepers`` finds passages with both;
- ``"quoted words"`` must appear together, in that order (curly quotes work too);
- a word that folds to several tokens is a phrase too: ``1,960`` or ``eco-activists``;
- the last word matches as a prefix while being typed (``peacek`` finds "peacekeepers"),
  unless the query ends with a space or the word is quoted.

Documents are added through :meth:`SearchIndex.add_documents`, the hook other layers use to
make their text searchable (annotation notes: ``Document(kind="note", id=..., text=...)``);
adding a document whose (kind, id) is already indexed replaces it.  Hits carry exact offsets
into the document's original text, for highlighting.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator

from briefing.analysis.tokens import TOKEN, fast_fold, tokens
from briefing.model import Corpus
from briefing.text import fold, folded_with_map

K1 = 1.2
B = 0.75
MAX_PREFIX_EXPANSIONS = 64  # a one-letter prefix would otherwise OR half the vocabulary
SNIPPET_CHARS = 200


@dataclass(frozen=True, slots=True)
class Document:
    kind: str  # "paragraph" | "claim" | "note" | ...
    id: str  # paragraph id, claim id, note id: unique within its kind
    text: str  # the original text; hit offsets point into it
    article: str | None = None
    paragraph: str | None = None  # the paragraph a claim (or note) belongs to


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    id: str
    article: str | None
    paragraph: str | None
    score: float
    snippet: str  # an excerpt of the original text around the first match
    snippet_start: int  # offset of the snippet in the document's text
    matches: tuple[tuple[int, int], ...]  # [start, end) of each match in the document's text

    @property
    def claim(self) -> str | None:
        return self.id if self.kind == "claim" else None


@dataclass(slots=True)
class _Clause:
    terms: list[str]  # one token, or a phrase's tokens in order
    prefix: bool = False

    @property
    def is_phrase(self) -> bool:
        return len(self.terms) > 1


def parse_query(query: str) -> list[_Clause]:
    """Split a query into clauses: phrases in quotes, words, and a final prefix word."""
    folded = fold(query)  # curly quotes become '"' here
    clauses: list[_Clause] = []
    parts = re.split(r'"', folded)
    for n, part in enumerate(parts):
        if n % 2 == 1:  # inside quotes (an unclosed quote runs to the end)
            toks = TOKEN.findall(part)
            if toks:
                clauses.append(_Clause(toks))
            continue
        for word in part.split():
            toks = TOKEN.findall(word)
            if toks:
                clauses.append(_Clause(toks))
    # Prefix matching for the word being typed: the last clause, if it is a bare single word
    # at the very end of the query (not quoted, not followed by a space).
    if clauses and not query[-1:].isspace() and not folded.rstrip().endswith('"'):
        last = clauses[-1]
        if len(last.terms) == 1 and (len(parts) % 2 == 1):
            last.prefix = True
    return clauses


class SearchIndex:
    """An inverted index: term -> {document number: term frequency}."""

    def __init__(self) -> None:
        self.docs: list[Document] = []
        self._lengths: list[int] = []
        self._postings: dict[str, dict[int, int]] = {}
        self._by_key: dict[tuple[str, str], int] = {}
        self._deleted: set[int] = set()
        self._total_length = 0
        self._vocab: list[str] | None = None  # sorted, for prefix lookups; rebuilt lazily

    def __len__(self) -> int:
        return len(self.docs) - len(self._deleted)

    # --- building ---------------------------------------------------------------------------

    def add_documents(self, docs: Iterable[Document]) -> None:
        """Index documents; one with the (kind, id) of an indexed document replaces it."""
        postings = self._postings
        for doc in docs:
            key = (doc.kind, doc.id)
            old = self._by_key.get(key)
            if old is not None:
                self.remove(doc.kind, doc.id)
            n = len(self.docs)
            self.docs.append(doc)
            self._by_key[key] = n
            toks = TOKEN.findall(fast_fold(doc.text))
            self._lengths.append(len(toks))
            self._total_length += len(toks)
            for term, tf in Counter(toks).items():
                posting = postings.get(term)
                if posting is None:
                    postings[term] = {n: tf}
                else:
                    posting[n] = tf
        self._vocab = None

    def remove(self, kind: str, doc_id: str) -> bool:
        """Forget a document (its postings are skipped from now on).  True if it was there."""
        n = self._by_key.pop((kind, doc_id), None)
        if n is None:
            return False
        self._deleted.add(n)
        self._total_length -= self._lengths[n]
        return True

    # --- searching --------------------------------------------------------------------------

    def _idf(self, df: int) -> float:
        n = max(len(self), 1)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def _expand(self, prefix: str) -> list[str]:
        if self._vocab is None:
            self._vocab = sorted(self._postings)
        vocab = self._vocab
        i = bisect_left(vocab, prefix)
        out = []
        while i < len(vocab) and vocab[i].startswith(prefix):
            out.append(vocab[i])
            i += 1
        if len(out) > MAX_PREFIX_EXPANSIONS:  # keep the most frequent completions
            out.sort(key=lambda t: -len(self._postings[t]))
            out = out[:MAX_PREFIX_EXPANSIONS]
            if prefix in self._postings and prefix not in out:
                out.append(prefix)
        return out

    def _term_scores(self, term: str, avgdl: float) -> dict[int, float]:
        posting = self._postings.get(term)
        if not posting:
            return {}
        idf = self._idf(len(posting))
        lengths = self._lengths
        norm = K1 * (1 - B)
        scale = K1 * B / avgdl
        return {
            d: idf * tf * (K1 + 1) / (tf + norm + scale * lengths[d])
            for d, tf in posting.items()
        }

    def _clause_scores(self, clause: _Clause, avgdl: float,
                       within: set[int] | None) -> dict[int, float]:
        if clause.prefix:
            best: dict[int, float] = {}
            for term in self._expand(clause.terms[0]):
                for d, s in self._term_scores(term, avgdl).items():
                    if within is not None and d not in within:
                        continue
                    if s > best.get(d, 0.0):
                        best[d] = s
            return best
        per_term = []
        for term in clause.terms:
            scores = self._term_scores(term, avgdl)
            if within is not None:
                scores = {d: s for d, s in scores.items() if d in within}
            if not scores:
                return {}
            per_term.append(scores)
        per_term.sort(key=len)
        docs = set(per_term[0])
        for scores in per_term[1:]:
            docs &= scores.keys()
        if clause.is_phrase:
            docs = {d for d in docs if _has_phrase(tokens(self.docs[d].text), clause.terms)}
        return {d: sum(s[d] for s in per_term) for d in docs}

    def search(self, query: str, limit: int = 20, kinds: Iterable[str] | None = None,
               articles: Iterable[str] | None = None) -> list[Hit]:
        """The best ``limit`` documents matching every clause of ``query``, best first."""
        clauses = parse_query(query)
        if not clauses or not len(self):
            return []
        avgdl = max(self._total_length / len(self), 1.0)
        # Rarest exact clause first, so later clauses only score its candidates.
        clauses.sort(key=lambda c: (c.prefix, min(
            (len(self._postings.get(t, ())) for t in c.terms), default=0)))
        total: dict[int, float] | None = None
        for clause in clauses:
            scores = self._clause_scores(clause, avgdl, None if total is None else set(total))
            if total is None:
                total = scores
            else:
                total = {d: total[d] + s for d, s in scores.items() if d in total}
            if not total:
                return []
        kind_set = set(kinds) if kinds is not None else None
        article_set = set(articles) if articles is not None else None
        ranked = []
        for d, s in total.items():
            if d in self._deleted:
                continue
            doc = self.docs[d]
            if kind_set is not None and doc.kind not in kind_set:
                continue
            if article_set is not None and doc.article not in article_set:
                continue
            ranked.append((-s, d))
        ranked.sort()
        return [self._hit(self.docs[d], -neg, clauses) for neg, d in ranked[:limit]]

    def _hit(self, doc: Document, score: float, clauses: list[_Clause]) -> Hit:
        matches = match_offsets(doc.text, clauses)
        snippet, start = _snippet(doc.text, matches[0][0] if matches else 0)
        return Hit(doc.kind, doc.id, doc.article, doc.paragraph, round(score, 4), snippet,
                   start, tuple(matches))


def _has_phrase(toks: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    first = phrase[0]
    for i, t in enumerate(toks):
        if t == first and toks[i:i + n] == phrase:
            return True
    return False


def match_offsets(text: str, clauses: list[_Clause]) -> list[tuple[int, int]]:
    """[start, end) in ``text`` of every token run that matches a clause."""
    folded, where = folded_with_map(text)
    spans = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(folded)]
    words = [s[2] for s in spans]
    found: list[tuple[int, int]] = []
    for clause in clauses:
        n = len(clause.terms)
        for i in range(len(words) - n + 1):
            if clause.prefix:
                ok = words[i].startswith(clause.terms[0])
            else:
                ok = words[i:i + n] == clause.terms
            if ok:
                a, b = spans[i][0], spans[i + n - 1][1]
                found.append((where[a], where[b - 1] + 1))
    return sorted(set(found))


def _snippet(text: str, first: int) -> tuple[str, int]:
    """About SNIPPET_CHARS of ``text`` around offset ``first``, cut at spaces."""
    if len(text) <= SNIPPET_CHARS:
        return text, 0
    start = max(0, first - SNIPPET_CHARS // 3)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    return text[start:end], start


def corpus_documents(corpus: Corpus) -> Iterator[Document]:
    """Every paragraph and every claim quote of the corpus, as search documents."""
    for article in corpus.articles.values():
        for para in article.paragraphs():
            yield Document("paragraph", para.id, para.text, article.id, para.id)
    for claim in corpus.claims.values():
        yield Document("claim", claim.id, claim.quote, claim.article_id, claim.paragraph_id)


def build_index(corpus: Corpus) -> SearchIndex:
    index = SearchIndex()
    index.add_documents(corpus_documents(corpus))
    return index


def hit_json(hit: Hit) -> dict:
    return {
        "kind": hit.kind,
        "id": hit.id,
        "article": hit.article,
        "paragraph": hit.paragraph,
        "claim": hit.claim,
        "score": hit.score,
        "snippet": hit.snippet,
        "snippet_start": hit.snippet_start,
        "matches": [list(m) for m in hit.matches],
    }
