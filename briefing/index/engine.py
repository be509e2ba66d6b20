"""Searching the index: the query language, variant matching, ranking, counting, highlighting.

Query syntax (as before): words are ANDed; ``"quoted words"`` must be adjacent, in order; a
word that splits into several tokens (``1,960``, ``eco-activists``) is a phrase; the last word
also matches as a prefix while being typed, unless the query ends with a space or a quote.

Each word matches, from the surest to the loosest:

1. *exact*: the same folded, transliterated word (``Türkiye`` = ``turkiye``);
2. *word form*: the same Snowball stem (``peacekeepers`` finds ``peacekeeping``);
3. *variant*: a close spelling among the corpus's names (``Lachin`` finds ``Latchine``,
   ``Pashinyan`` finds ``Pachinian``): at most one or two edits between stems (rapidfuzz's
   Levenshtein distance, see max_edits), each of a kind romanisations make (see
   transliteration_edits: ``Berlin`` never finds ``Merlin``, nor ``Macron`` ``Micron``), and
   only for words of at least MIN_VARIANT_LEN letters: short words would otherwise match
   everything (``Iran`` never finds ``Ukraine``).

Results are ranked by tier (every word exact, then with word forms, then with variants) and
by BM25 within a tier, so exact matches come first.  ``Results.total`` counts every matching
document: it is the one number both the CLI and the reader show.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, NamedTuple

from briefing.analysis.hits import Hit, snippet_around
from briefing.index import store
from briefing.index.terms import query_tokens, tokens
from briefing.text import fold

if TYPE_CHECKING:
    from briefing.model import Corpus

MIN_VARIANT_LEN = 5
MAX_VARIANTS = 8
TIERS = ("exact", "form", "variant")
PASSAGES = ("paragraph",)  # what is counted by default: the passages the reader lists


def max_edits(length: int) -> int:
    """Edits (Levenshtein distance) allowed between a word's stem and a name's for them to be
    spellings of one name: none under MIN_VARIANT_LEN letters, one up to 7 ("Lachin" and
    "Latchine" stem to lachin/latchin), two from 8 ("Pashinyan"/"Pachinian").  Enough for
    transliteration (tch/ch, sh/ch, y/i, a dropped y or e) and not for "Austria"/"Australia"."""
    if length < MIN_VARIANT_LEN:
        return 0
    return 1 if length <= 7 else 2


# Letters that stand for one sound in different romanisations (y/i in Pashinyan/Pachinian,
# k/g in Karabakh/Karabagh, s/z/c, v/w/f): a variant may swap a letter only within its set.
_SAME_SOUND = ("iyj", "kgqc", "szc", "vwf")
# Letters a romanisation may add or drop at the very start (Yerevan/Erevan, Tchaikovsky/
# Chaikovsky); any other change of the first letter makes another name (Berlin/Merlin).
_SILENT_START = frozenset("yhjt")


def transliteration_edits(stem: str, other: str) -> bool:
    """Whether ``other`` differs from ``stem`` only by edits romanisations make: swaps within
    a _SAME_SOUND set, letters added or dropped (at the start only _SILENT_START ones), at
    most max_edits(len(stem)) of them."""
    from rapidfuzz.distance import Levenshtein

    k = max_edits(len(stem))
    if k == 0 or Levenshtein.distance(stem, other, score_cutoff=k) > k:
        return False
    for op in Levenshtein.editops(stem, other):
        if op.tag == "replace":
            pair = stem[op.src_pos] + other[op.dest_pos]
            if not any(pair[0] in group and pair[1] in group for group in _SAME_SOUND):
                return False
        elif op.src_pos == 0 and op.dest_pos == 0:
            letter = stem[0] if op.tag == "delete" else other[0]
            if letter not in _SILENT_START:
                return False
    return True


# Candidates (of the right length) to look at in Python before importing rapidfuzz (~6 ms):
# above this, rapidfuzz is quicker than the bag distance below.
_FEW_CANDIDATES = 200


def could_be_variants(stem: str, names: list[str]) -> list[str]:
    """The ``names`` (other than ``stem``, in their order) that transliteration_edits could
    accept, by two necessary conditions, so that when none is left rapidfuzz need not even
    be imported.  First letter: it is kept, or swapped within a _SAME_SOUND set, or one of
    the two is a _SILENT_START letter (any edit touching the first letter is one of those).
    Bag distance (letters of one missing from the other, as multisets), when there are few
    names: a lower bound of the Levenshtein distance, so above max_edits nothing passes."""
    k = max_edits(len(stem))
    if stem[0] not in _SILENT_START:
        firsts = {stem[0], *_SILENT_START}
        firsts.update(*(group for group in _SAME_SOUND if stem[0] in group))
        names = [name for name in names if name[0] in firsts]
    names = [name for name in names if name != stem]
    if len(names) > _FEW_CANDIDATES:
        return names
    return [name for name in names if _bag_distance(stem, name) <= k]


def _bag_distance(a: str, b: str) -> int:
    rest = list(b)
    missing = 0
    for ch in a:
        try:
            rest.remove(ch)
        except ValueError:
            missing += 1
    return max(missing, len(rest))


def match_tier(word: str, name: str) -> str | None:
    """How searching ``word`` finds the single word ``name``: "exact", "form", "variant", or
    None (not at all).  The rule of SearchEngine for one pair, for
    benchmarks/eval_search_variants.py; a variant must also be a name in the corpus."""
    ws, ns = query_tokens(word), query_tokens(name)
    if len(ws) != 1 or len(ns) != 1:  # a phrase: its words must match exactly or by form
        return ("exact" if ws == ns else "form" if [s for _, s in ws] == [s for _, s in ns]
                else None)
    (w,), (n,) = ws, ns
    if w[0] == n[0]:
        return "exact"
    if w[1] == n[1]:
        return "form"
    if len(w[0]) >= MIN_VARIANT_LEN and not w[0].isdigit() and transliteration_edits(w[1], n[1]):
        return "variant"
    return None


class Clause:
    """One word (one token), or a phrase's tokens in order, of a query."""

    # A plain class, as Results and terms.Token are tuples: a dataclass costs ~1-2 ms to
    # create at import, and `briefing search` imports this module on every run.
    __slots__ = ("words", "stems", "prefix", "variants")

    def __init__(self, words: list[str], stems: list[str], prefix: bool = False) -> None:
        self.words = words
        self.stems = stems
        self.prefix = prefix
        self.variants: list[str] = []  # stems of names spelt close to it


def parse_query(query: str) -> list[Clause]:
    """Clauses of a query: quoted phrases, words, and the final word as a prefix."""
    folded = fold(query)  # curly quotes become '"'
    clauses: list[Clause] = []
    parts = folded.split('"')
    for n, part in enumerate(parts):
        pieces = [part] if n % 2 == 1 else part.split()  # inside quotes: one phrase
        for piece in pieces:
            toks = query_tokens(piece)
            if toks:
                clauses.append(Clause([w for w, _ in toks], [s for _, s in toks]))
    quoted_end = len(parts) % 2 == 0 or folded.rstrip().endswith('"')
    if clauses and not query[-1:].isspace() and not quoted_end and len(clauses[-1].words) == 1:
        clauses[-1].prefix = True
    return clauses


class Results(NamedTuple):
    query: str
    total: int  # every matching document (of the kinds and articles asked for)
    hits: list[Hit]  # the best ``limit`` of them, best first


# --- matching in the database ---------------------------------------------------------------------

def _quoted(terms: Iterable[str]) -> str:
    return '"' + " ".join(terms) + '"'  # tokens are [a-z0-9]+: nothing to escape


def _fts_expression(clauses: list[Clause], tier: int) -> str:
    parts = []
    for c in clauses:
        alts = [f"words : {_quoted(c.words)}" + ("*" if c.prefix else "")]
        if tier >= 1:
            alts.append(f"stems : {_quoted(c.stems)}")
        if tier >= 2:
            alts += [f"stems : {_quoted([v])}" for v in c.variants]
        parts.append("(" + " OR ".join(alts) + ")")
    return " AND ".join(parts)


def _like_condition(clauses: list[Clause], tier: int) -> tuple[str, list[str]]:
    """The fallback's WHERE clause: the padded token columns matched with LIKE."""
    conds, args = [], []
    for c in clauses:
        alts = ["words LIKE ?"]
        args.append(f"% {' '.join(c.words)}{'%' if c.prefix else ' %'}")
        if tier >= 1:
            alts.append("stems LIKE ?")
            args.append(f"% {' '.join(c.stems)} %")
        if tier >= 2:
            for v in c.variants:
                alts.append("stems LIKE ?")
                args.append(f"% {v} %")
        conds.append("(" + " OR ".join(alts) + ")")
    return " AND ".join(conds), args


def _plain_score(words: str, stems: str, clauses: list[Clause]) -> float:
    """A term-frequency score for the fallback (FTS5's bm25 is not there)."""
    hits = 0
    for c in clauses:
        hits += words.count(f" {' '.join(c.words)}") + stems.count(f" {' '.join(c.stems)} ")
    return -hits / (1.0 + len(stems) / 400.0)  # negative: lower is better, as bm25


# --- the engine ---------------------------------------------------------------------------------

class SearchEngine:
    """An open index (on disk or in memory) and the one search function over it."""

    def __init__(self, con: sqlite3.Connection, fts: bool, content_dir: Path | None = None,
                 path: Path | None = None, known_articles: set[str] | None = None) -> None:
        self._con = con
        self._fts = fts
        self._content_dir = content_dir
        self._path = path
        self._known = known_articles  # a reader's corpus: hits outside it are not shown
        self._claims_behind = content_dir is not None  # claims not refreshed (see for_content)
        self._lock = threading.Lock()  # the reader builds in a worker and searches in the UI

    # opening
    @classmethod
    def for_content(cls, content_dir: Path, known_articles: set[str] | None = None, *,
                    claims: bool = True, stop: store.Stop = None) -> "SearchEngine":
        """The index of a content directory, brought up to date with its files (with
        ``claims`` False, with its articles only: a search of claims brings the claims up to
        date first).  ``stop``: see store (Stopped, and nothing half done is kept)."""
        content_dir = Path(content_dir)
        fts = store.fts5_available()
        path = _disk_path(content_dir)
        con = _connect(path, content_dir, fts, stop)
        engine = cls(con, fts, content_dir, path, known_articles)
        try:
            engine._refresh(claims, stop)
        except store.Stopped:
            engine._con.close()
            raise
        if known_articles is not None and engine.article_ids() <= known_articles:
            engine._known = None  # the reader's corpus holds every indexed article: no filter
        return engine

    @classmethod
    def for_corpus(cls, corpus: Corpus, stop: store.Stop = None) -> "SearchEngine":
        """The index of a loaded corpus: its content directory's index when it has one (hits
        limited to the corpus's articles), else one built in memory from the corpus."""
        if corpus.root is not None and Path(corpus.root, "articles").is_dir() \
                and _disk_path(Path(corpus.root)) is not None:
            return cls.for_content(Path(corpus.root), set(corpus.articles), stop=stop)
        from briefing.index.documents import corpus_sources

        fts = store.fts5_available()
        con = store.connect(None, fts=fts)
        try:
            with con:
                for article_id, docs in corpus_sources(corpus):
                    store.check_stop(stop)
                    store.insert(con, article_id, docs)
        except store.Stopped:
            con.close()
            raise
        return cls(con, fts)

    def _refresh(self, claims: bool = True, stop: store.Stop = None) -> int:
        if self._content_dir is None:
            return 0
        try:
            n = store.refresh(self._con, self._content_dir, claims=claims, stop=stop)
        except sqlite3.DatabaseError:
            self._rebuild(stop)
            n = store.refresh(self._con, self._content_dir, claims=claims, stop=stop)
        self._claims_behind = self._claims_behind and not claims
        return n

    def _rebuild(self, stop: store.Stop = None) -> None:
        """A corrupt index file: start it again (store.connect deletes what it cannot read)."""
        self._con.close()
        if self._path is not None:
            store.discard(self._path)
        self._con = _connect(self._path, self._content_dir, self._fts, stop)
        self._claims_behind = True

    def refresh(self) -> int:
        """Re-read the sources whose files changed; their number."""
        with self._lock:
            return self._refresh()

    def article_ids(self) -> set[str]:
        with self._lock:
            return store.article_ids(self._con)

    def unreadable(self) -> list[str]:
        """Article files (by name, without .md) that could not be read, so are not searched."""
        with self._lock:
            return store.unreadable(self._con)

    # searching
    def find(self, query: str, limit: int = 20, kinds: Iterable[str] | None = PASSAGES,
             articles: Iterable[str] | None = None) -> Results:
        """Every document matching ``query`` (counted), the best ``limit`` of them as hits.
        ``kinds`` None means paragraphs and claim quotes alike."""
        clauses = parse_query(query)
        if not clauses:
            return Results(query, 0, [])
        kind_set = set(kinds) if kinds else None
        article_set = set(articles) if articles is not None else None
        with self._lock:
            if self._claims_behind and (kind_set is None or "claim" in kind_set):
                self._refresh()  # refreshed for paragraphs alone until now
            try:
                return self._find(query, clauses, limit, kind_set, article_set)
            except sqlite3.DatabaseError:
                if self._content_dir is None:
                    raise
                self._rebuild()
                self._refresh()
                return self._find(query, clauses, limit, kind_set, article_set)

    def search(self, query: str, limit: int = 20, kinds: Iterable[str] | None = PASSAGES,
               articles: Iterable[str] | None = None) -> list[Hit]:
        """The hits of :meth:`find` alone."""
        return self.find(query, limit, kinds, articles).hits

    def _find(self, query: str, clauses: list[Clause], limit: int, kinds: set[str] | None,
              articles: set[str] | None) -> Results:
        for c in clauses:
            c.variants = self._variants(c)
        if self._fts and articles is None and self._known is None:
            total, best = self._ranked_in_fts(clauses, limit, kinds)
        else:
            total, best = self._ranked_here(clauses, limit, kinds, articles)
        texts = self._documents([rowid for _, _, rowid in best])
        hits = []
        for tier, score, rowid in best:
            kind, doc_id, article, paragraph, text = texts[rowid]
            matches = match_spans(text, clauses)
            snippet, start = snippet_around(text, matches[0][0] if matches else 0)
            hits.append(Hit(kind, doc_id, article, paragraph, round(-score, 4), snippet, start,
                            tuple(matches), TIERS[tier]))
        return Results(query, total, hits)

    def _ranked_in_fts(self, clauses: list[Clause], limit: int, kinds: set[str] | None
                       ) -> tuple[int, list[tuple[int, float, int]]]:
        """Rank and count inside SQLite: the best of each tier (``tier NOT previous tier``)
        with FTS5's bm25, only until ``limit`` are found; then the count without scores,
        unless fewer than ``limit`` were found in every tier, which are then all of them."""
        exprs = []
        for tier in range(len(TIERS)):
            expr = _fts_expression(clauses, tier)
            exprs.append(None if exprs and expr == exprs[-1] else expr)
        widest = next(e for e in reversed(exprs) if e is not None)
        only = "" if not kinds else "(" + " OR ".join(f"kind : {k}" for k in sorted(kinds)) + ") AND "
        best: list[tuple[int, float, int]] = []
        previous = None
        for tier, expr in enumerate(exprs):
            if expr is None:
                continue
            if len(best) < limit:
                match = f"({expr})" if previous is None else f"(({expr}) NOT ({previous}))"
                # bm25() with SQLite's ORDER BY ... LIMIT keeps only the best rows as it goes
                # (ORDER BY rank sorts every match); ties in row order, as rank gives them.
                best += [(tier, score, rowid) for rowid, score in self._con.execute(
                    "SELECT rowid, bm25(fts) AS score FROM fts WHERE fts MATCH ? "
                    "ORDER BY score, rowid LIMIT ?", (only + match, limit - len(best)))]
            previous = expr
        if len(best) < limit:  # the tiers are disjoint and together match what the widest does
            return len(best), best
        total = self._con.execute("SELECT count(*) FROM fts WHERE fts MATCH ?",
                                  (f"{only}({widest})",)).fetchone()[0]
        return total, best

    def _ranked_here(self, clauses: list[Clause], limit: int, kinds: set[str] | None,
                     articles: set[str] | None) -> tuple[int, list[tuple[int, float, int]]]:
        """Count and rank in Python: the fallback without FTS5, and filters by article."""
        order: list[tuple[int, float, int]] = []  # (tier, score, row id)
        seen: set[int] = set()
        for tier in range(len(TIERS)):
            if tier == 2 and not any(c.variants for c in clauses):
                break  # the same rows as the tier before
            rows = sorted(self._matching(clauses, tier), key=lambda r: (r[1], r[0]))
            for rowid, score, kind, article in rows:
                if rowid in seen:
                    continue
                seen.add(rowid)
                if kinds is not None and kind not in kinds:
                    continue
                if articles is not None and article not in articles:
                    continue
                if self._known is not None and article not in self._known:
                    continue
                order.append((tier, score, rowid))
        return len(order), order[:limit]

    def _matching(self, clauses: list[Clause], tier: int) -> list[tuple[int, float, str, str]]:
        """(row id, score: lower is better, kind, article) of every document of a tier."""
        if self._fts:
            return self._con.execute(
                "SELECT d.id, bm25(fts), d.kind, d.article FROM fts JOIN docs d "
                "ON d.id = fts.rowid WHERE fts MATCH ?", (_fts_expression(clauses, tier),)).fetchall()
        where, args = _like_condition(clauses, tier)
        return [(rowid, _plain_score(words, stems, clauses), kind, article)
                for rowid, kind, article, words, stems in self._con.execute(
                    f"SELECT id, kind, article, words, stems FROM docs WHERE {where}", args)]

    def _variants(self, clause: Clause) -> list[str]:
        if len(clause.words) != 1 or len(clause.stems[0]) < MIN_VARIANT_LEN \
                or clause.words[0].isdigit():
            return []
        target = clause.stems[0]
        n, k = len(target), max_edits(len(target))
        names = could_be_variants(target, [row[0] for row in self._con.execute(
            "SELECT stem FROM name_count WHERE len BETWEEN ? AND ?", (n - k, n + k))])
        if not names:
            return []
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        found = process.extract(target, names, scorer=Levenshtein.distance, score_cutoff=k,
                                limit=None)  # nearest first (ties in the names' order)
        return [name for name, _, _ in found
                if transliteration_edits(target, name)][:MAX_VARIANTS]

    def _documents(self, rowids: list[int]) -> dict[int, tuple[str, str, str, str, str]]:
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        return {row[0]: row[1:] for row in self._con.execute(
            f"SELECT id, kind, doc_id, article, paragraph, text FROM docs WHERE id IN ({marks})",
            rowids)}


def _connect(path: Path | None, content_dir: Path | None, fts: bool,
             stop: store.Stop = None) -> sqlite3.Connection:
    """The index at ``path`` (None: in memory); a first build of a whole content directory
    goes through store.build, written to a new file without a journal."""
    con = store.connect(path, fts=fts)
    if path is not None and content_dir is not None and store.empty(con):
        con.close()
        store.build(path, content_dir, fts=fts, stop=stop)
        con = store.connect(path, fts=fts)
    return con


def _disk_path(content_dir: Path) -> Path | None:
    """Where the content directory's index lives, or None for an index in memory (the cache
    is turned off, or its folder is not the user's own)."""
    from briefing import cache

    if not cache.enabled():
        return None
    path = store.index_path(content_dir)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return path if cache.safe_dir(path.parent) else None


def match_spans(text: str, clauses: list[Clause]) -> list[tuple[int, int]]:
    """[start, end) in ``text`` of every token run that matches a clause (for highlighting):
    the same rule as the index, on the same tokens."""
    toks = tokens(text)
    found: set[tuple[int, int]] = set()
    for c in clauses:
        n = len(c.words)
        for i in range(len(toks) - n + 1):
            if all(_token_matches(toks[i + j], c, j) for j in range(n)):
                found.add((toks[i].start, toks[i + n - 1].end))
    return sorted(found)


def _token_matches(tok, clause: Clause, j: int) -> bool:
    if tok.word == clause.words[j] or tok.stem == clause.stems[j]:
        return True
    last = j == len(clause.words) - 1
    if clause.prefix and last and tok.word.startswith(clause.words[j]):
        return True
    return len(clause.words) == 1 and tok.stem in clause.variants
