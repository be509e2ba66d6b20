"""The on-disk search index: one SQLite file per content directory, in the user cache dir.

Layout.  ``docs`` holds every paragraph and claim quote with its normalised tokens (``words``:
folded and transliterated; ``stems``: their stems; both space-separated and padded with a
space at each end); an FTS5 table indexes those two columns (external content, kept in step
by triggers).  ``names`` lists each source's name stems (terms.names) and ``name_count`` in how many
sources each occurs: spelling variants are looked for there.  Row ids are never reused, so a re-indexed source's documents are new rows.  ``sources`` records, per article, the size, mtime and SHA-256 of its article and claims
files: a refresh re-reads only the sources whose files changed (a touched but unchanged file
costs one hash), adds new ones and drops deleted ones.  ``meta`` keeps the listing of each
folder (articles, claims) the sources table matches (see refresh): a search whose listing
is the same compares no row, and one after an edit finds what changed from it.  Without FTS5 in the local SQLite the
same tables are kept and searched with LIKE (slower, same results).

Safety.  A refresh that has work to do writes in one transaction under SQLite's write lock
(BEGIN IMMEDIATE), so two processes refreshing at once take turns and a reader sees the index
before or after, never half of it (write-ahead log: readers are never blocked).  Creating,
replacing (a first build) or deleting the file holds a lock file (filelock) next to it.  A file that is not a readable index of this
format (corrupt, truncated, written by another version, another engine) is deleted and
rebuilt; the user never sees a traceback.  BRIEFING_NO_CACHE=1 (or a cache directory that
cannot be written) means an index in memory, rebuilt per process.

Stopping.  A build or refresh can be told to stop (``stop``, asked before each source and
while waiting for another process's lock: the reader closing, 25 s into a first build of
5,000 articles).  It raises Stopped and keeps nothing: a first build's new file is deleted,
never put in place (the index stays empty, and the next opening builds it again), and a
refresh rolls its transaction back.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from array import array
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, NamedTuple

from briefing import cache
from briefing.analysis.hits import Document
from briefing.index.terms import STEMMER, index_form, source_forms

if TYPE_CHECKING:
    from briefing.loader import Parts

FORMAT = 4
CODE = ("index/terms.py", "index/documents.py", "index/store.py", "loading", "text.py", "model.py")
# ^ the code whose changes change what the index holds (not how it is searched)
LOCK_TIMEOUT = 300.0  # a first build of 5,000 articles takes 25 s of CPU; a busy machine, more
BATCH = 200  # about the sources tokenised between two writes: what a build holds in memory
BULK = 50  # sources to index at least for a first build to go to a new file (see build)
LOCK_POLL = 0.1  # seconds between two looks at ``stop`` while another process holds the lock

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources(source TEXT PRIMARY KEY, article TEXT, md_size INTEGER, md_mtime INTEGER,
                     md_hash TEXT, cl_size INTEGER, cl_mtime INTEGER, cl_hash TEXT);
CREATE TABLE docs(id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL, kind TEXT NOT NULL,
                  doc_id TEXT NOT NULL, article TEXT, paragraph TEXT, text TEXT NOT NULL,
                  words TEXT, stems TEXT);
CREATE INDEX docs_source ON docs(source);
CREATE TABLE names(source TEXT PRIMARY KEY, stems TEXT NOT NULL);
CREATE TABLE name_count(stem TEXT PRIMARY KEY, len INTEGER NOT NULL, n INTEGER NOT NULL);
CREATE INDEX name_count_len ON name_count(len);
"""
# Contentless: the tokens are in the FTS index only (docs keeps the text), and a document is
# deleted by giving its tokens again, which index_form recomputes from its text.
_FTS = """
CREATE VIRTUAL TABLE fts USING fts5(words, stems, kind, content='', tokenize='ascii',
                                    prefix='2 3');
"""


class IndexUnavailable(Exception):
    """The index could not be opened or refreshed (the message says why)."""


class Stopped(Exception):
    """A build or refresh given up because its caller said stop; nothing of it was kept."""


Stop = Callable[[], bool] | None  # asked between steps: True, and the work stops


def check_stop(stop: Stop) -> None:
    if stop is not None and stop():
        raise Stopped("the search index was not finished: told to stop")


def fts5_available() -> bool:
    """Whether this Python's SQLite has FTS5 (BRIEFING_SEARCH_NO_FTS5=1 pretends it has not,
    to exercise the fallback)."""
    if os.environ.get("BRIEFING_SEARCH_NO_FTS5", "").strip() not in ("", "0"):
        return False
    try:
        con = sqlite3.connect(":memory:")
        try:
            con.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return True


def index_path(content_dir: Path) -> Path:
    return cache.slot(Path(content_dir), "search.sqlite")


def _version_key(engine: str) -> str:
    return f"{FORMAT}|{engine}|{STEMMER}|{cache.code_key(CODE)}"


# --- opening -----------------------------------------------------------------------------------

def connect(path: Path | None, *, fts: bool) -> sqlite3.Connection:
    """A connection to an index of this format: the file at ``path`` (created, or rebuilt if it
    is not such an index) or, for None, a new one in memory."""
    if path is None:
        con = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        _create(con, fts)
        return con
    try:
        con = _open_file(path, fts)
        if con is not None:
            return con
    except sqlite3.DatabaseError:
        pass  # corrupt or not a database: rebuilt below
    with _locked(path):
        try:
            con = _open_file(path, fts)  # another process may have rebuilt it meanwhile
            if con is not None:
                return con
        except sqlite3.DatabaseError:
            pass
        _remove(path)
        con = _new_connection(path)
        _create(con, fts)
        return con


def _new_connection(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, timeout=LOCK_TIMEOUT, check_same_thread=False,
                          isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")  # readers go on while a refresh writes
    con.execute("PRAGMA synchronous=NORMAL")
    return con


def _open_file(path: Path, fts: bool) -> sqlite3.Connection | None:
    """The index at ``path`` if it exists and is of this format and engine, else None."""
    if not path.exists():
        return None
    con = _new_connection(path)
    try:
        row = con.execute("SELECT value FROM meta WHERE key='version'").fetchone()
    except sqlite3.DatabaseError:
        con.close()
        raise
    if row is None or row[0] != _version_key("fts5" if fts else "plain"):
        con.close()
        return None
    return con


def _create(con: sqlite3.Connection, fts: bool) -> None:
    """The tables, in one transaction: another process sees all of them or none."""
    version = _version_key("fts5" if fts else "plain").replace("'", "''")
    con.executescript("BEGIN;" + _SCHEMA + (_FTS if fts else "")
                      + f"INSERT INTO meta VALUES ('version', '{version}'); COMMIT;")


def discard(path: Path) -> None:
    """Delete the index at ``path`` (found corrupt while in use): the next connect rebuilds it."""
    with _locked(path):
        _remove(path)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass


@contextmanager
def _locked(path: Path, stop: Stop = None) -> Iterator[None]:
    """Hold the lock file of ``path``, waiting for another process's build at most
    LOCK_TIMEOUT, and (with ``stop``) only until ``stop`` says so."""
    from filelock import FileLock, Timeout

    folder = path.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = FileLock(f"{path}.lock")
    give_up = time.monotonic() + LOCK_TIMEOUT
    while True:
        try:
            lock.acquire(timeout=LOCK_TIMEOUT if stop is None else LOCK_POLL)
            break
        except Timeout:
            check_stop(stop)
            if time.monotonic() >= give_up:
                raise IndexUnavailable(f"{path}: another process has been updating the search "
                                       f"index for {LOCK_TIMEOUT:.0f} s; try again later") \
                    from None
    try:
        yield
    finally:
        lock.release()


# --- refreshing from the content directory ------------------------------------------------------

Stat = tuple[int, int]  # a file's size and mtime_ns
_NO_FILE = (None, None)
LISTINGS = ("articles", "claims")  # meta keys "<folder>_listing": see refresh


def _listing(folder: Path, suffix: str) -> dict[str, Stat]:
    """{file stem: (size, mtime_ns)} of the folder's visible files ending in ``suffix`` (as the
    loader sees them): the one cost of a search that grows with the corpus, so one stat per
    name relative to the open folder (a third cheaper than DirEntry.stat here)."""
    out: dict[str, Stat] = {}
    try:
        names = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return out
    cut = -len(suffix)
    fd = os.open(folder, os.O_RDONLY) if _DIR_FD else None
    try:
        for name in names:
            if name.startswith(".") or not name.endswith(suffix):
                continue
            try:
                st = os.stat(name, dir_fd=fd) if fd is not None else os.stat(folder / name)
            except OSError:
                continue
            out[name[:cut]] = (st.st_size, _clamped(st.st_mtime_ns))
    finally:
        if fd is not None:
            os.close(fd)
    return out


def _file_stat(path: Path) -> Stat | tuple[None, None]:
    """One file's entry as _listing gives it, or _NO_FILE."""
    try:
        st = os.stat(path)
    except OSError:
        return _NO_FILE
    return st.st_size, _clamped(st.st_mtime_ns)


def _clamped(mtime: int) -> int:
    """An mtime past 2262 or before 1678 as SQLite stores it (its integers are 64-bit)."""
    return mtime if _MIN_NS <= mtime <= _MAX_NS else max(_MIN_NS, min(mtime, _MAX_NS))


_DIR_FD = os.stat in os.supports_dir_fd
_MIN_NS, _MAX_NS = -(2**63), 2**63 - 1  # SQLite's integers
# A file modified this close to the moment it is read can be written again within the same
# tick of its file system's clock (a few ms on ext4, 2 s on FAT) at the same size: its size
# and mtime would not change, and the index would keep the old text for good.  Such a stat
# is recorded without its mtime (it never matches: the next refresh hashes the file again)
# and no listing is recorded while one is in it (git's "racily clean").
RACY_NS = 2_000_000_000


def _settled(stat: Stat | tuple[None, None], since: int) -> tuple[int | None, int | None]:
    """``stat`` as it may be recorded by a refresh that began listing at ``since`` (ns)."""
    size, mtime = stat
    if mtime is not None and since - RACY_NS <= mtime <= time.time_ns() + RACY_NS:
        return size, None
    return size, mtime


def _all_settled(listing: dict[str, Stat], since: int) -> bool:
    return all(_settled(st, since)[1] is not None for st in listing.values())


def _hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class Listed(NamedTuple):
    """The files a refresh compares with the index.  ``claims`` None: the claims folder was
    not listed (a search of paragraphs, which come from the articles alone)."""
    articles: dict[str, Stat]
    claims: dict[str, Stat] | None


def refresh(con: sqlite3.Connection, content_dir: Path, *, claims: bool = True,
            stop: Stop = None) -> int:
    """Bring the index up to date with the files of ``content_dir``; the number of sources
    re-read.  Nothing is locked or written when no file changed.

    ``claims`` False: only what a search of paragraphs needs, which is the articles (half
    the files to stat): a changed article's source is re-read whole, claims and all, and a
    changed claims file is left for the next refresh that lists the claims.  Each folder's
    listing is kept in ``meta`` ("articles_listing", "claims_listing", see pack_listing),
    recorded by the refresh that made the sources table match it: the articles' says every
    source's row and article columns are those of that listing, the claims' that every
    row's claims columns are (see _commit_listing).  A search whose listings are those
    compares no row; one that differs finds the sources to re-read from them."""
    content_dir = Path(content_dir)
    since = time.time_ns()
    listed = Listed(_listing(content_dir / "articles", ".md"),
                    _listing(content_dir / "claims", ".yaml") if claims else None)
    packed = {key: pack_listing(listing) for key, listing in zip(LISTINGS, listed)
              if listing is not None}
    generation = _meta(con, "generation")  # read before the sources (see _commit_listing)
    recorded = {key: _meta(con, f"{key}_listing") for key in packed}
    if recorded == packed:
        return 0  # the usual search: the files the index was made of
    changed, gone = _pending(con, listed, recorded=recorded)
    if not changed and not gone:
        _record_listing(con, _settled_listings(listed, packed, since), generation)
        return 0
    # SQLite's own write lock, waited for up to LOCK_TIMEOUT: writers take turns (no lock
    # file here: importing filelock costs more than re-reading the edited article).
    try:
        con.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        raise IndexUnavailable(f"another process has been updating the search index for "
                               f"{LOCK_TIMEOUT:.0f} s; try again later") from None
    try:
        # Again, for these sources only: another process may have done it meanwhile (then
        # nothing is written: its listings stand).
        changed, gone = _pending(con, listed, changed + gone)
        n = 0
        if changed or gone:
            n, claims_moved = _apply(con, content_dir, listed, changed, gone, since,
                                     stop=stop)
            records = {key: None for key in LISTINGS}
            records.update(_settled_listings(listed, packed, since))
            if listed.claims is None and not claims_moved:
                del records["claims"]  # every row's claims columns as they were: it stands
            _commit_listing(con, records, generation)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return n


def _settled_listings(listed: Listed, packed: dict[str, bytes], since: int
                      ) -> dict[str, bytes]:
    """The listings that may be recorded: those with no file just written."""
    return {key: listing for key, listing in packed.items()
            if _all_settled(getattr(listed, key), since)}


def pack_listing(listing: dict[str, Stat]) -> bytes:
    """A listing as bytes (names in the order listed, then their sizes and mtimes): equal
    bytes, equal listings.  A directory listed in another order gives other bytes, which
    only costs one comparison with the sources table.  Kept whole, not as a digest: after an
    edit the sources to re-read are found by comparing it with the new listing, not with
    every source's row (~5 ms at 5,000 articles)."""
    names = "\0".join(listing).encode("utf-8", "surrogateescape")
    numbers = array("q", [x for stat in listing.values() for x in stat])
    return len(names).to_bytes(8, "little") + names + numbers.tobytes()


def unpack_listing(packed: bytes) -> dict[str, Stat]:
    size = int.from_bytes(packed[:8], "little")
    names = packed[8:8 + size].decode("utf-8", "surrogateescape").split("\0") if size else []
    numbers = array("q")
    numbers.frombytes(packed[8 + size:])
    pairs = iter(numbers)
    return dict(zip(names, zip(pairs, pairs)))


def _meta(con: sqlite3.Connection, key: str) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return row[0] if row is not None else None


def _commit_listing(con: sqlite3.Connection, recorded: dict[str, bytes | None],
                    generation: str | None) -> None:
    """Record, in the refresh's transaction, each listing the sources table now matches
    ({"articles": packed listing, ...}; None: no listing of that folder is known to match,
    as with a file just modified, see RACY_NS; a key left out: that record stands), so the
    next search with the same listings compares no file with the table.  Only if no other
    process wrote between this one's reading of the table and its lock (the generation,
    counted by every refresh, is the one read before the table): else the table holds that
    process's work too, and no listing is known to match it."""
    now = _meta(con, "generation")
    con.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)",
                (str(int(now or 0) + 1),))
    for key in LISTINGS:
        if now != generation or (key in recorded and recorded[key] is None):
            con.execute("DELETE FROM meta WHERE key=?", (f"{key}_listing",))
        elif key in recorded:
            con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                        (f"{key}_listing", recorded[key]))


def _record_listing(con: sqlite3.Connection, recorded: dict[str, bytes],
                    generation: str | None) -> None:
    """Nothing to re-read, yet the listings recorded are not these (an overtaken
    refresh removed them, a folder lists in another order, a file was just written): record
    them, or every search would compare every row until a file changed.  Only if no refresh
    wrote since the rows were compared (the generation), and only if the write lock is free
    at once: a search does not wait for another process's refresh for this.  The table is
    unchanged, so the generation is not counted."""
    if not recorded:
        return
    con.execute("PRAGMA busy_timeout=0")
    try:
        con.execute("BEGIN IMMEDIATE")
    except sqlite3.Error:
        return  # another process is writing: the next search records it
    finally:
        con.execute(f"PRAGMA busy_timeout={int(LOCK_TIMEOUT * 1000)}")
    try:
        if _meta(con, "generation") == generation:
            con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                            [(f"{key}_listing", packed) for key, packed in recorded.items()])
        con.execute("COMMIT")
    except sqlite3.Error:
        con.execute("ROLLBACK")  # a record is only a saving: the search goes on without it
    except BaseException:
        con.execute("ROLLBACK")
        raise


def empty(con: sqlite3.Connection) -> bool:
    return con.execute("SELECT 1 FROM sources LIMIT 1").fetchone() is None


def build(path: Path, content_dir: Path, *, fts: bool, stop: Stop = None) -> bool:
    """A first build: when the index at ``path`` is empty and the content directory has at
    least BULK sources, index them all into a new file, written without a journal, and put
    it in place of the empty one in one rename.  False if there was nothing to build (the
    index has sources, maybe another process's build, or there are few: refresh does it)."""
    content_dir = Path(content_dir)
    with _locked(path, stop):
        try:
            con = _open_file(path, fts)
            if con is not None:
                try:
                    if not empty(con):
                        return False
                finally:
                    con.close()
        except sqlite3.DatabaseError:
            pass  # rebuilt here
        since = time.time_ns()
        articles = _listing(content_dir / "articles", ".md")
        if len(articles) < BULK:
            return False
        claims = _listing(content_dir / "claims", ".yaml")
        from glob import escape as glob_escape

        for stale in path.parent.glob(f"{glob_escape(path.name)}.build-*"):
            _remove(stale)  # a build killed midway: builds run under the lock, so none is alive
        temp = path.with_name(f"{path.name}.build-{os.getpid()}")
        try:
            con = sqlite3.connect(temp, isolation_level=None)
            try:
                # Nothing to protect until the rename: no journal, no fsync per transaction,
                # and pages kept in memory.
                con.execute("PRAGMA journal_mode=OFF")
                con.execute("PRAGMA synchronous=OFF")
                con.execute("PRAGMA cache_size=-8192")
                _create(con, fts)
                con.execute("BEGIN")
                # A briefing the reader (or check) has loaded: its files' load results are
                # in the load cache, taken from there instead of parsed again.
                from briefing.cache.parts import FileParts

                parts = FileParts(content_dir, prune=False, store=False)
                listed = Listed(articles, claims)
                # Stopped midway, the file is deleted below and never put in place.
                _apply(con, content_dir, listed, sorted(articles), [], since, parts, stop)
                packed = {key: pack_listing(listing) for key, listing in zip(LISTINGS, listed)}
                _commit_listing(con, {key: None for key in LISTINGS}
                                | _settled_listings(listed, packed, since), None)
                con.execute("COMMIT")
                con.execute("PRAGMA journal_mode=WAL")
            finally:
                con.close()
            os.chmod(temp, 0o600)
            _remove(path)
            os.replace(temp, path)
        except (sqlite3.Error, OSError):
            return False  # a full disk, say: the refresh after indexes into the file in place
        finally:
            _remove(temp)
    return True


def _pending(con: sqlite3.Connection, listed: Listed, only: list[str] | None = None,
             recorded: dict[str, bytes | None] | None = None) -> tuple[list[str], list[str]]:
    """(sources whose files differ from what was indexed, sources no longer there), among
    ``only`` if given; by their articles alone when the claims were not listed.  Found from
    the ``recorded`` listings (see refresh) when each listed folder has one, else from
    every source's row."""
    articles, claims = listed
    if only is None and recorded and all(recorded.values()):
        old = unpack_listing(recorded["articles"])
        if claims is None:
            now = articles
        else:
            old_claims = unpack_listing(recorded["claims"])
            old = {s: st + old_claims.get(s, _NO_FILE) for s, st in old.items()}
            now = {s: st + claims.get(s, _NO_FILE) for s, st in articles.items()}
        return sorted(s for s, sig in now.items() if old.get(s) != sig), \
            [s for s in old if s not in articles]
    candidates = articles if only is None else {s: articles[s] for s in only if s in articles}
    if claims is None:
        rows = _rows_of(con, "SELECT source, md_size, md_mtime FROM sources", only)
        now = candidates
    else:
        rows = _rows_of(con, "SELECT source, md_size, md_mtime, cl_size, cl_mtime FROM sources",
                        only)
        now = {s: st + claims.get(s, _NO_FILE) for s, st in candidates.items()}
    known = {row[0]: row[1:] for row in rows}
    if only is None and now == known:  # the usual search: nothing changed, compared in C
        return [], []
    changed = [s for s, sig in now.items() if known.get(s) != sig]
    gone = [s for s in known if s not in articles]
    return sorted(changed), gone


def _apply(con: sqlite3.Connection, content_dir: Path, listed: Listed, changed: list[str],
           gone: list[str], since: int, parts: Parts | None = None,
           stop: Stop = None) -> tuple[int, bool]:
    """Drop the ``gone`` sources, re-read the ``changed`` ones (in batches of BATCH: what is
    held in memory is one batch's documents).  ``since``: when the listing was taken (see
    RACY_NS).  (The number re-read, whether any source's claims columns changed: a source
    re-read by its article has its claims file looked at alone when they were not listed.)"""
    articles, claims = listed
    fts = _has_fts(con)
    for source in gone:
        _drop(con, source, fts)
    indexed = _indexed(con, changed)
    writer = _Writer(con, fts)
    claims_moved = False
    for source in changed:
        check_stop(stop)
        md = content_dir / "articles" / f"{source}.md"
        cl = content_dir / "claims" / f"{source}.yaml"
        cl_stat = claims.get(source, _NO_FILE) if claims is not None else _file_stat(cl)
        cl = cl if cl_stat is not _NO_FILE else None
        md_hash, cl_hash = _hash(md), (_hash(cl) if cl is not None else None)
        sig = _settled(articles[source], since) + _settled(cl_stat, since)
        old = indexed.get(source)
        claims_moved = claims_moved or old is None or old[2:] != sig[2:]
        if old is not None and old[:2] == (md_hash, cl_hash) and md_hash is not None:
            # Touched, not changed (a checkout, a save without edits): only the stats move.
            con.execute("UPDATE sources SET md_size=?, md_mtime=?, cl_size=?, cl_mtime=? "
                        "WHERE source=?", (*sig, source))
            continue
        if old is not None:
            _drop(con, source, fts)
        # Here, not above: a touched file (one just written, see RACY_NS) needs no documents.
        from briefing.index.documents import source_documents

        article_id, docs = source_documents(md, cl, parts)
        writer.add(source, docs, (source, article_id, sig[0], sig[1], md_hash, sig[2], sig[3],
                                  cl_hash))
    writer.flush()
    return writer.sources, claims_moved


def _indexed(con: sqlite3.Connection, sources: list[str]) -> dict[str, tuple]:
    """{source: (article hash, claims hash, claims size, claims mtime)} as indexed, of these
    sources."""
    rows = _rows_of(con, "SELECT source, md_hash, cl_hash, cl_size, cl_mtime FROM sources",
                    sources)
    return {row[0]: row[1:] for row in rows}


def _rows_of(con: sqlite3.Connection, sql: str, sources: list[str] | None) -> sqlite3.Cursor:
    """The rows of ``sql`` (over the sources table) for ``sources``, or every row (None).
    Over 500 sources (a first build, most of the briefing) reading every row is as quick
    and keeps clear of SQLite's limit on bound parameters; callers look their sources up."""
    if sources is None or len(sources) > 500:
        return con.execute(sql)
    return con.execute(f"{sql} WHERE source IN ({','.join('?' * len(sources))})", sources)


class _Writer:
    """Rows of re-read sources, written a batch at a time with executemany: each document
    tokenised once, for the FTS index (or, without FTS5, the docs table's token columns)."""

    def __init__(self, con: sqlite3.Connection, fts: bool) -> None:
        self.con = con
        self.fts = fts
        self.sources = 0
        self.next_id = 1 + max(
            con.execute("SELECT coalesce(max(id), 0) FROM docs").fetchone()[0],
            (con.execute("SELECT seq FROM sqlite_sequence WHERE name='docs'").fetchone()
             or (0,))[0])  # AUTOINCREMENT: ids of deleted rows are never given again
        self._clear()

    def _clear(self) -> None:
        self.docs: list[tuple] = []
        self.tokens: list[tuple[int, str, str, str]] = []
        self.names: list[tuple[str, str]] = []
        self.counts: dict[str, int] = {}
        self.rows: list[tuple] = []

    def add(self, source: str, docs: list[Document], row: tuple | None) -> None:
        forms, found = source_forms([doc.text for doc in docs])
        for doc, (words, stems) in zip(docs, forms):
            words, stems = f" {words} ", f" {stems} "
            if self.fts:
                self.tokens.append((self.next_id, words, stems, doc.kind))
                words = stems = None
            self.docs.append((self.next_id, source, doc.kind, doc.id, doc.article, doc.paragraph,
                              doc.text, words, stems))
            self.next_id += 1
        if found:
            found = sorted(found)
            self.names.append((source, " ".join(found)))
        for stem in found:
            self.counts[stem] = self.counts.get(stem, 0) + 1
        if row is not None:
            self.rows.append(row)
        self.sources += 1
        if len(self.docs) >= BATCH * 40:
            self.flush()

    def flush(self) -> None:
        con = self.con
        con.executemany("INSERT INTO docs(id, source, kind, doc_id, article, paragraph, text, "
                        "words, stems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", self.docs)
        if self.tokens:
            con.executemany("INSERT INTO fts(rowid, words, stems, kind) VALUES (?, ?, ?, ?)",
                            self.tokens)
        con.executemany("INSERT INTO names VALUES (?, ?)", self.names)
        con.executemany("INSERT INTO name_count VALUES (?, ?, ?) "
                        "ON CONFLICT(stem) DO UPDATE SET n = n + excluded.n",
                        ((stem, len(stem), n) for stem, n in self.counts.items()))
        con.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?)", self.rows)
        self._clear()


def _has_fts(con: sqlite3.Connection) -> bool:
    return con.execute("SELECT 1 FROM sqlite_master WHERE name='fts'").fetchone() is not None


def _drop(con: sqlite3.Connection, source: str, fts: bool) -> None:
    row = con.execute("SELECT stems FROM names WHERE source=?", (source,)).fetchone()
    if row is not None:
        stems = [(stem,) for stem in row[0].split()]
        con.executemany("UPDATE name_count SET n = n - 1 WHERE stem=?", stems)
        # By key, these names only: not a scan of every name of the corpus per source.
        con.executemany("DELETE FROM name_count WHERE stem=? AND n <= 0", stems)
    if fts:  # a contentless index forgets a document given the tokens it was indexed with
        con.executemany(
            "INSERT INTO fts(fts, rowid, words, stems, kind) VALUES ('delete', ?, ?, ?, ?)",
            (_tokens_of(rowid, kind, text) for rowid, kind, text in
             con.execute("SELECT id, kind, text FROM docs WHERE source=?", (source,)).fetchall()))
    con.execute("DELETE FROM docs WHERE source=?", (source,))
    con.execute("DELETE FROM names WHERE source=?", (source,))
    con.execute("DELETE FROM sources WHERE source=?", (source,))


def _tokens_of(rowid: int, kind: str, text: str) -> tuple[int, str, str, str]:
    words, stems, _, _ = index_form(text)
    return rowid, f" {words} ", f" {stems} ", kind


def insert(con: sqlite3.Connection, source: str, docs: Iterable[Document]) -> None:
    """Index one source's documents (an index in memory, from a loaded corpus)."""
    writer = _Writer(con, _has_fts(con))
    writer.add(source, list(docs), None)
    writer.flush()


def article_ids(con: sqlite3.Connection) -> set[str]:
    return {row[0] for row in con.execute("SELECT article FROM sources WHERE article IS NOT NULL")}


def unreadable(con: sqlite3.Connection) -> list[str]:
    """Sources whose article file the loader could not read (nothing of them is indexed)."""
    return [row[0] for row in
            con.execute("SELECT source FROM sources WHERE article IS NULL ORDER BY source")]
