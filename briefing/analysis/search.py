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

import gc
import heapq
import math
import pickle
import re
from array import array
from bisect import bisect_left
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from briefing.analysis.hits import Document, Hit, hit_json, snippet_around  # noqa: F401 - re-exported
from briefing.analysis.tokens import SPECIAL_CHARS, TOKEN, fast_fold, fold_special, split_folded
from briefing.model import Corpus
from briefing.text import fold

K1 = 1.2
B = 0.75
MAX_PREFIX_EXPANSIONS = 64  # a one-letter prefix would otherwise OR half the vocabulary
INDEX_FORMAT = 1  # bump when dump()'s layout changes: old cache files are then rebuilt


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
    """An inverted index: term -> document numbers, one entry per occurrence.

    Storing each occurrence (rather than a {document: frequency} map) makes indexing a single
    list append per token, the cheapest thing Python can do per token; term frequencies are
    counted when a term is first searched, and kept.  Each document's folded text is kept too,
    so phrase checks are one regex search per candidate, not a re-tokenisation.
    """

    def __init__(self) -> None:
        self.docs: list[Document] = []
        self._folded: list[str | None] = []  # None: not folded yet (a restored index)
        self._lengths: list[int] = []
        self._postings: dict[str, list[int] | array] = {}
        # A restored index keeps its postings packed (bytes of int32) until a term is used.
        self._packed: dict[str, bytes] = {}
        self._tf: dict[str, dict[int, int]] = {}  # term -> {document: frequency}, lazily
        self._by_key: dict[tuple[str, str], int] = {}
        self._deleted: set[int] = set()
        self._total_length = 0
        self._vocab: list[str] | None = None  # sorted, for prefix lookups; rebuilt lazily

    def __len__(self) -> int:
        return len(self.docs) - len(self._deleted)

    @property
    def terms(self) -> int:
        return len(self._postings.keys() | self._packed.keys())

    def _posting(self, term: str) -> list[int] | array | tuple[()]:
        posting = self._postings.get(term)
        if posting is None:
            packed = self._packed.pop(term, None)
            if packed is None:
                return ()
            posting = self._postings[term] = array("i")
            posting.frombytes(packed)
        return posting

    def _df_estimate(self, term: str) -> int:
        """Occurrences of a term, without unpacking it (for ordering clauses)."""
        posting = self._postings.get(term)
        if posting is not None:
            return len(posting)
        return len(self._packed.get(term, b"")) // 4

    def _folded_text(self, d: int) -> str:
        folded = self._folded[d]
        if folded is None:
            folded = self._folded[d] = fast_fold(self.docs[d].text)
        return folded

    # --- building ---------------------------------------------------------------------------

    def add_documents(self, docs: Iterable[Document]) -> None:
        """Index documents; one with the (kind, id) of an indexed document replaces it."""
        with _gc_paused():
            self._add(docs)
        self._vocab = None
        self._tf.clear()

    def _add(self, docs: Iterable[Document]) -> None:
        for term in list(self._packed):  # new postings append to the unpacked lists
            self._posting(term)
        postings = self._postings
        split = split_folded
        for doc in docs:
            key = (doc.kind, doc.id)
            if key in self._by_key:
                self.remove(doc.kind, doc.id)
            n = len(self.docs)
            self.docs.append(doc)
            self._by_key[key] = n
            folded = fast_fold(doc.text)
            self._folded.append(folded)
            toks = split(folded)
            self._lengths.append(len(toks))
            self._total_length += len(toks)
            for term in toks:
                posting = postings.get(term)
                if posting is None:
                    postings[term] = [n]
                else:
                    posting.append(n)
                    # Appending keeps each list sorted by document, which _tf relies on.

    def remove(self, kind: str, doc_id: str) -> bool:
        """Forget a document (its postings are skipped from now on).  True if it was there."""
        n = self._by_key.pop((kind, doc_id), None)
        if n is None:
            return False
        self._deleted.add(n)
        self._total_length -= self._lengths[n]
        self._tf.clear()
        return True

    # --- saving --------------------------------------------------------------------------------

    def dump(self) -> bytes:
        """The index as bytes, for a cache file; restore it with :meth:`restore`.

        Postings are packed as int32 arrays: unpickling bytes is ~15x faster than unpickling
        millions of Python ints, and each term is unpacked only when first searched.
        Document texts are not stored: they come back from the corpus.
        """
        packed = dict(self._packed)
        packed.update((t, array("i", p).tobytes()) for t, p in self._postings.items())
        state = {
            "format": INDEX_FORMAT,
            "keys": [(d.kind, d.id) for d in self.docs],
            "lengths": array("i", self._lengths).tobytes(),
            "deleted": sorted(self._deleted),
            "postings": packed,
        }
        return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def restore(cls, blob: bytes, docs: Iterable[Document]) -> "SearchIndex":
        """An index from :meth:`dump`, given the same documents in the same order.

        Raises ValueError when ``blob`` is not a dump of this format or was made from other
        documents (ids compared), so a caller can fall back to rebuilding.  Only for the
        application's own cache files: unpickling untrusted bytes is unsafe.
        """
        try:
            state = pickle.loads(blob)
        except Exception as exc:  # noqa: BLE001 - any unreadable cache is just stale
            raise ValueError(f"not a search index dump: {exc}") from None
        if not isinstance(state, dict) or state.get("format") != INDEX_FORMAT:
            raise ValueError("not a search index dump of this version")
        docs = list(docs)
        if [(d.kind, d.id) for d in docs] != state["keys"]:
            raise ValueError("the index was built from other documents")
        index = cls()
        index.docs = docs
        index._folded = [None] * len(docs)
        lengths = array("i")
        lengths.frombytes(state["lengths"])
        index._lengths = lengths.tolist()
        index._deleted = set(state["deleted"])
        index._by_key = {key: n for n, key in enumerate(state["keys"])
                         if n not in index._deleted}
        index._total_length = sum(index._lengths) - sum(index._lengths[d]
                                                         for d in index._deleted)
        index._packed = dict(state["postings"])
        return index

    # --- searching --------------------------------------------------------------------------

    def _freqs(self, term: str) -> dict[int, int]:
        tf = self._tf.get(term)
        if tf is None:
            posting = self._posting(term)
            tf = Counter(posting)
            for d in self._deleted.intersection(tf) if self._deleted else ():
                del tf[d]
            self._tf[term] = tf
        return tf

    def _idf(self, df: int) -> float:
        n = max(len(self), 1)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def _expand(self, prefix: str) -> list[str]:
        if self._vocab is None:
            self._vocab = sorted(self._postings.keys() | self._packed.keys())
        vocab = self._vocab
        i = bisect_left(vocab, prefix)
        out = []
        while i < len(vocab) and vocab[i].startswith(prefix):
            out.append(vocab[i])
            i += 1
        if len(out) > MAX_PREFIX_EXPANSIONS:  # keep the most frequent completions
            out.sort(key=lambda t: -self._df_estimate(t))
            out = out[:MAX_PREFIX_EXPANSIONS]
            if self._df_estimate(prefix) and prefix not in out:
                out.append(prefix)
        return out

    def _scores(self, freqs: dict[int, int], docs: Iterable[int], avgdl: float) -> dict[int, float]:
        """BM25 contribution of one term (given its frequencies) to each of ``docs``."""
        idf = self._idf(len(freqs))
        lengths = self._lengths
        norm = K1 * (1 - B)
        scale = K1 * B / avgdl
        k1p = K1 + 1
        return {d: idf * (tf := freqs[d]) * k1p / (tf + norm + scale * lengths[d]) for d in docs}

    def _clause_scores(self, clause: _Clause, avgdl: float,
                       within: set[int] | None) -> dict[int, float]:
        if clause.prefix:
            best: dict[int, float] = {}
            for term in self._expand(clause.terms[0]):
                freqs = self._freqs(term)
                docs = freqs.keys() if within is None else within.intersection(freqs)
                for d, s in self._scores(freqs, docs, avgdl).items():
                    if s > best.get(d, 0.0):
                        best[d] = s
            return best
        # Candidates first (smallest posting first, then intersect), scores only for survivors:
        # a phrase of common words ("we will not accept") must not score every document.
        all_freqs = sorted((self._freqs(t) for t in clause.terms), key=len)
        if not all_freqs[0]:
            return {}
        docs = set(all_freqs[0]) if within is None else within.intersection(all_freqs[0])
        for freqs in all_freqs[1:]:
            docs.intersection_update(freqs.keys())
            if not docs:
                return {}
        # A phrase scores like its words ANDed; adjacency is checked later, in rank order, and
        # only until enough hits are found (see search): common-word phrases stay fast.
        total = dict.fromkeys(docs, 0.0)
        for freqs in all_freqs:
            for d, s in self._scores(freqs, docs, avgdl).items():
                total[d] += s
        return total

    def search(self, query: str, limit: int = 20, kinds: Iterable[str] | None = None,
               articles: Iterable[str] | None = None) -> list[Hit]:
        """The best ``limit`` documents matching every clause of ``query``, best first."""
        clauses = parse_query(query)
        if not clauses or not len(self):
            return []
        avgdl = max(self._total_length / len(self), 1.0)
        # Rarest exact clause first, so later clauses only score its candidates.
        clauses.sort(key=lambda c: (c.prefix, min(
            (self._df_estimate(t) for t in c.terms), default=0)))
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
        phrases = [_phrase_pattern(c.terms) for c in clauses if c.is_phrase]
        if not phrases:
            best = heapq.nsmallest(limit, ranked)
        else:
            ranked.sort()
            best = []
            for item in ranked:
                folded = self._folded_text(item[1])
                if all(p.search(folded) for p in phrases):
                    best.append(item)
                    if len(best) == limit:
                        break
        return [self._hit(self.docs[d], -neg, clauses) for neg, d in best]

    def _hit(self, doc: Document, score: float, clauses: list[_Clause]) -> Hit:
        matches = match_offsets(doc.text, clauses)
        snippet, start = snippet_around(doc.text, matches[0][0] if matches else 0)
        return Hit(doc.kind, doc.id, doc.article, doc.paragraph, round(score, 4), snippet,
                   start, tuple(matches))


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while indexing.

    Indexing allocates tens of thousands of lists that live as long as the index; each
    allocation burst triggers collections that re-scan the whole (large) loaded corpus for
    cycles, ~20 % of the indexing time, to free nothing.  Reference counting still frees
    everything as usual; the collector is switched back on (if it was on) afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _phrase_pattern(terms: list[str]) -> re.Pattern[str]:
    """Tokens in a row: separated only by non-word characters, as the tokenizer splits."""
    return re.compile(r"(?<!\w)" + r"\W+".join(re.escape(t) for t in terms) + r"(?!\w)")


def _clause_pattern(clause: _Clause) -> re.Pattern[str]:
    if clause.prefix:
        return re.compile(r"(?<!\w)" + re.escape(clause.terms[0]) + r"\w*")
    return _phrase_pattern(clause.terms)


def _to_original(text: str, folded: str) -> Callable[[int], int]:
    """A function mapping an offset in ``fast_fold(text)`` back to an offset in ``text``.

    Folding changes lengths only at non-ASCII characters (and the backtick): "ß" -> "ss",
    "é" -> "e", a combining accent -> "".  Those are few, so we record where each one lands
    and count ASCII characters one-to-one in between.
    """
    if len(folded) == len(text) and text.isascii():
        return lambda f: f
    marks: list[tuple[int, int, int]] = []  # (start in folded, position in text, folded length)
    shift = 0  # folded offset minus original offset so far
    for m in SPECIAL_CHARS.finditer(text):
        pos = m.start()
        n = len(fold_special(m))
        marks.append((pos + shift, pos, n))
        shift += n - 1
    starts = [f for f, _, _ in marks]

    def convert(f: int) -> int:
        i = bisect_left(starts, f + 1) - 1
        if i < 0:
            return f
        fstart, pos, n = marks[i]
        if f < fstart + n:
            return pos
        return pos + 1 + (f - fstart - n)

    return convert


def match_offsets(text: str, clauses: list[_Clause]) -> list[tuple[int, int]]:
    """[start, end) in ``text`` of every run of tokens that matches a clause."""
    folded = fast_fold(text)
    convert = _to_original(text, folded)
    found: set[tuple[int, int]] = set()
    for clause in clauses:
        for m in _clause_pattern(clause).finditer(folded):
            found.add((convert(m.start()), convert(m.end() - 1) + 1))
    return sorted(found)


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
