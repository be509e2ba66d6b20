"""Load and validate a briefing directory: ``load_corpus(path) -> (Corpus, problems)``.

The format is docs/content-format.md.  Every problem found is returned as a
:class:`~briefing.problems.Problem` (``path:line: message``) and loading goes on, so one run
reports everything; no exception escapes for bad input.  With problems the corpus is partial
(best effort), and callers that need a sound corpus stop (see briefing.cli.options.load_or_exit).

Paths in problems are built from ``path`` as given, so ``--content content`` prints
``content/articles/x.md``.  No Textual import here: ``briefing check`` must stay fast.
"""

from __future__ import annotations

import difflib
import gc
import os
from pathlib import Path

from briefing.loading.anchor import ArticleIndex
from briefing.loading.articles import load_article
from briefing.loading.claims import ClaimEntry, load_claims
from briefing.loading.events import load_briefing_meta, load_events
from briefing.loading.suggested import EVENTS_FILE as EVENTS_SUGGESTED, SUFFIX as SUGGESTED
from briefing.model import Article, Corpus
from briefing.problems import Problem

BRIEFING_FILE = "briefing.yaml"
EVENTS_FILE = "events.yaml"
LEXICON_FILE = "lexicon.yaml"
ARTICLES_DIR = "articles"
CLAIMS_DIR = "claims"
_NEAR_MISSES = {".md": (".markdown", ".txt", ".text"), ".yaml": (".yml", ".json")}


class Parts:
    """How a load gets each file's own result: parsed here, or (briefing.cache.parts) reused
    from a previous load when the file did not change.  What one file yields depends on that
    file alone (a claims file: also on its article, which its quotes are anchored in); what
    spans files (ids used twice, event references, the indexes) is redone on every load."""

    def article(self, file: Path) -> tuple[Article | None, list[Problem]]:
        return load_article(file)

    def claims(self, file: Path, stem: str, suggested: bool, article_file: Path,
               article: Article | None) -> ClaimsPart:
        return claims_part(file, stem, suggested, article)

    def done(self) -> None:
        """Called once the load is over (the cache writes what it parsed)."""


class ClaimsPart:
    """One claims file: its entries, its problems, and each entry's anchoring in ``article``
    (None: anchored, or the article could not be read; else the problem)."""

    __slots__ = ("entries", "problems", "anchors")

    def __init__(self, entries: list[ClaimEntry], problems: list[Problem],
                 anchors: list[Problem | None]) -> None:
        self.entries = entries
        self.problems = problems
        self.anchors = anchors


def claims_part(file: Path, stem: str, suggested: bool, article: Article | None) -> ClaimsPart:
    entries, problems = load_claims(file, stem, suggested)
    index = ArticleIndex(article) if article is not None and entries else None
    anchors = [None if index is None or e.claim.status == "rejected" else _anchor_one(e, article, index)
               for e in entries]
    return ClaimsPart(entries, problems, anchors)


def load_corpus(path: Path, include_suggested: bool = True,
                parts: Parts | None = None) -> tuple[Corpus, list[Problem]]:
    """``include_suggested=False``: the curated content only (no *.suggested.yaml read).
    ``parts``: where each file's result comes from (default: parse every file)."""
    path = Path(path)
    parts = Parts() if parts is None else parts
    corpus = Corpus(root=path)
    problems: list[Problem] = []
    gc_was_enabled = gc.isenabled()
    # A load allocates hundreds of thousands of small objects and frees few: the cyclic GC
    # would walk them again and again (~25% of the time) for no garbage.  Paused, not skipped.
    gc.disable()
    try:
        _load_checked(path, corpus, problems, include_suggested, parts)
        parts.done()
        if path.is_dir():
            from briefing.loading.lexicon import load_lexicon

            corpus.lexicon, corpus.lexicon_problems = load_lexicon(path / LEXICON_FILE)
        corpus.reindex()
    finally:
        if gc_was_enabled:
            gc.enable()
    problems.sort(key=lambda p: (str(p.path), p.line))
    return corpus, problems


def _load_checked(path: Path, corpus: Corpus, problems: list[Problem],
                  include_suggested: bool, parts: Parts) -> None:
    try:
        if _is_briefing(path, problems):
            _load(path, corpus, problems, include_suggested, parts)
    except Exception as exc:  # noqa: BLE001 - last resort: a bug must still not be a traceback
        problems.append(Problem(path, 0, f"internal error while loading ({exc.__class__.__name__}: "
                                         f"{exc}); please report it"))


def _is_briefing(path: Path, problems: list[Problem]) -> bool:
    try:
        if not path.exists():
            problems.append(Problem(path, 0, "no such directory"))
            return False
        if not path.is_dir():
            problems.append(Problem(path, 0, "not a directory: give the briefing's content directory"))
            return False
        if not (path / BRIEFING_FILE).exists() and not (path / ARTICLES_DIR).exists():
            problems.append(Problem(path, 0, f"not a briefing: it has neither {BRIEFING_FILE} "
                                             f"nor an {ARTICLES_DIR}/ folder"))
            return False
    except OSError as exc:
        problems.append(Problem(path, 0, f"cannot open: {exc.strerror or exc}"))
        return False
    return True


def _files(folder: Path, suffix: str, problems: list[Problem]) -> list[Path]:
    """The folder's files ending in ``suffix``, sorted; hidden and editor backup files skipped."""
    if not folder.exists():
        return []
    if not folder.is_dir():
        problems.append(Problem(folder, 0, "expected a folder"))
        return []
    try:
        # By name: the order Path comparison gives within one folder (on POSIX), without its
        # cost (~0.3 s for the 10,000 files of 5,000 articles).
        entries = [folder / name for name in sorted(
            name for name in os.listdir(folder) if not name.startswith("."))]
    except OSError as exc:
        problems.append(Problem(folder, 0, f"cannot list the folder: {exc.strerror or exc}"))
        return []
    for entry in entries:
        # Files that look meant for this folder but would be skipped: say so, not lose them.
        if entry.suffix.lower() in _NEAR_MISSES.get(suffix, ()) or (
                entry.suffix != suffix and entry.suffix.lower() == suffix):
            problems.append(Problem(entry, 0, f"not loaded: only *{suffix} files are read here"
                                              + (" (use `briefing import` for raw text)"
                                                 if suffix == ".md" else "")))
    return [p for p in entries if p.name.endswith(suffix)]


def _load(path: Path, corpus: Corpus, problems: list[Problem], include_suggested: bool,
          parts: Parts) -> None:
    meta, found = load_briefing_meta(path / BRIEFING_FILE)
    problems.extend(found)
    corpus.title = meta.get("title", corpus.title)
    corpus.description = meta.get("description", "")
    corpus.questions = meta.get("questions", [])

    events, found = load_events(path / EVENTS_FILE)
    problems.extend(found)
    sources = [(path / EVENTS_FILE, events or [])]
    if include_suggested and (path / EVENTS_SUGGESTED).exists():
        suggested, found = load_events(path / EVENTS_SUGGESTED, suggested=True)
        problems.extend(found)
        sources.append((path / EVENTS_SUGGESTED, [e for e in suggested or [] if e.status != "rejected"]))
    first_file: dict[str, Path] = {}
    for file, listed in sources:
        for event in listed:
            if event.id in corpus.events:
                line = corpus.events[event.id].line
                at = f"line {line}" if first_file[event.id] == file else f"{first_file[event.id]}:{line}"
                problems.append(Problem(file, event.line,
                                        f"event id {event.id!r} is used twice (first at {at})"))
                continue
            corpus.events[event.id] = event
            first_file[event.id] = file

    article_files = _files(path / ARTICLES_DIR, ".md", problems)
    if not article_files:
        problems.append(Problem(path / ARTICLES_DIR, 0, "no articles: add articles/<id>.md files"))
    articles: list[Article] = []
    by_stem: dict[str, Article | None] = {}
    for file in article_files:
        article, found = parts.article(file)
        by_stem[file.stem] = article
        problems.extend(found)
        if article is not None:
            articles.append(article)
    stems = by_stem.keys()
    # Corpus order is chronological (undated last), then by id: the order a reader compares in.
    for article in sorted(articles, key=lambda a: (a.published or "9999", a.id)):
        if article.id in corpus.articles:  # two files claiming one id: the id check reported it
            continue
        corpus.articles[article.id] = article

    entries: list[ClaimEntry] = []
    anchored: list[tuple[ClaimEntry, Problem | None, Article | None]] = []
    first_line: dict[str, tuple[Path, int]] = {}
    for file in _files(path / CLAIMS_DIR, ".yaml", problems):
        suggested = file.name.endswith(SUGGESTED)
        stem = file.name[:-len(SUGGESTED)] if suggested else file.stem
        if suggested and not include_suggested:
            continue
        if stem not in stems:
            hint = difflib.get_close_matches(stem, sorted(stems), n=1)
            problems.append(Problem(file, 0, f"no article {stem!r} for these claims "
                                             f"(expected articles/{stem}.md)"
                                             + (f"; did you mean {hint[0]}.yaml?" if hint else "")))
            continue
        article = by_stem[stem]
        part = parts.claims(file, stem, suggested, path / ARTICLES_DIR / f"{stem}.md", article)
        problems.extend(part.problems)
        for entry, anchor in zip(part.entries, part.anchors):
            if entry.claim.status == "rejected":
                continue  # kept in the file so it is not proposed again; not part of the index
            claim = entry.claim
            if claim.id in first_line:
                where, line = first_line[claim.id]
                at = f"line {line}" if where == file else f"{where}:{line}"
                problems.append(Problem(file, claim.line,
                                        f"claim id {claim.id!r} is used twice (first at {at})"))
                continue
            first_line[claim.id] = (file, claim.line)
            entries.append(entry)
            anchored.append((entry, anchor, article))
    if events is not None:
        _check_events(entries, corpus, problems)
    _reanchor(anchored, corpus, problems)
    for entry in entries:
        corpus.claims[entry.claim.id] = entry.claim


def _check_events(entries: list[ClaimEntry], corpus: Corpus, problems: list[Problem]) -> None:
    known = sorted(corpus.events)
    for entry in entries:
        for event_id, line in zip(entry.claim.events, entry.events_lines):
            if event_id not in corpus.events:
                hint = difflib.get_close_matches(event_id, known, n=1)
                problems.append(Problem(entry.path, line,
                                        f"claim {entry.claim.id}: event {event_id!r} is not in "
                                        f"{EVENTS_FILE}" + (f" (did you mean {hint[0]!r}?)" if hint else "")))


def _reanchor(anchored: list[tuple[ClaimEntry, Problem | None, Article | None]], corpus: Corpus,
              problems: list[Problem]) -> None:
    """Each claim was anchored in the article of its file's name (in its part); the corpus
    anchors it in the article whose *id* is that name.  They differ only when an article's id
    does not match its file name (itself a problem): then the claim is anchored again."""
    indexes: dict[str, ArticleIndex] = {}
    for entry, anchor, article in anchored:
        if corpus.articles.get(entry.claim.article_id) is article:
            if anchor is not None:
                problems.append(anchor)
            continue
        claim = entry.claim
        claim.paragraph_id, claim.start, claim.end = None, -1, -1
        _anchor([entry], corpus, problems, indexes)


def _anchor(entries: list[ClaimEntry], corpus: Corpus, problems: list[Problem],
            indexes: dict[str, ArticleIndex] | None = None) -> None:
    indexes = {} if indexes is None else indexes
    for entry in entries:
        article = corpus.articles.get(entry.claim.article_id)
        if article is None:
            continue  # the article could not be read; its own problem says why
        index = indexes.get(article.id)
        if index is None:
            index = indexes[article.id] = ArticleIndex(article)
        problem = _anchor_one(entry, article, index)
        if problem is not None:
            problems.append(problem)


def _anchor_one(entry: ClaimEntry, article: Article, index: ArticleIndex) -> Problem | None:
    """Find the claim's quote in its article and record where; the problem if it cannot."""
    claim = entry.claim
    matches = index.find(claim.quote)
    label = f"claim {claim.id}"
    if not matches:
        return Problem(entry.path, entry.quote_line,
                       f"{label}: quote not found in {article.id}: "
                       f"{index.explain_missing(claim.quote)}")
    if entry.occurrence is not None:
        if entry.occurrence > len(matches):
            return Problem(entry.path, entry.quote_line,
                           f"{label}: occurrence {entry.occurrence} asked for, but the "
                           f"quote is found {_times(len(matches))}")
        para, start, end = matches[entry.occurrence - 1]
    elif len(matches) > 1:
        counts: dict[str, int] = {}
        for para, _, _ in matches:
            counts[para.id] = counts.get(para.id, 0) + 1
        where = ", ".join(pid if n == 1 else f"{pid} x{n}" for pid, n in list(counts.items())[:5])
        return Problem(entry.path, entry.quote_line,
                       f"{label}: quote is ambiguous, found {_times(len(matches))} "
                       f"({where}); lengthen it or add 'occurrence: N'")
    else:
        para, start, end = matches[0]
    claim.paragraph_id, claim.start, claim.end = para.id, start, end
    return None


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


# For briefing.curation, which checks the one file an edit changed with the loader's own rules
# instead of reloading the whole briefing.
check_claim_events = _check_events
anchor_claims = _anchor
