"""Check an edit with the loader's own rules before it is written, without reloading everything.

Only what an edit can break is checked, with the loader's functions (fed a temporary copy of
the new text), so the verdict is the one ``briefing check`` would give:

- the entries the edit added or changed (found by comparing the file's entries before and
  after: a top-level list item depends on no other item) are parsed, their event ids looked
  up, their quotes anchored in the article, their ids compared with every other claim's;
- an event that disappeared (removed, renamed, merged) is looked for in every claims file
  that mentions it.

A claims file of 1,000 claims is therefore not re-parsed to add one claim.  When this local
check finds anything, or the file is not a plain list of entries, the whole file is checked
the long way; a problem already there before the edit is not the edit's fault and does not
block it, a new one does.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter
from pathlib import Path
from typing import Any, Callable

from briefing.curation.articles import article_at, index_of
from briefing.curation.layout import Layout
from briefing.curation.yamlentries import EntryFile, entry_ids
from briefing.loader import anchor_claims, check_claim_events
from briefing.loading.claims import ClaimEntry, load_claims
from briefing.loading.events import load_events
from briefing.loading.files import max_bytes_for
from briefing.model import Corpus, Event
from briefing.problems import Problem

Change = tuple[Path, "str | None", "str | None"]  # path, text before, text after (None: absent)


def new_problems(layout: Layout, changes: list[Change]) -> list[Problem]:
    """Problems the changed files would have that they do not have now."""
    local = _local_problems(layout, changes)
    if local == []:
        return []
    texts = {path: after for path, _, after in changes}
    after = _problems(layout, texts)
    if not after:
        return []
    before = {(str(p.path), p.message) for p in _problems(layout, {}, scope=set(texts))}
    return [p for p in after if (str(p.path), p.message) not in before]


# ------------------------------------------------------------------------ the short way
def _local_problems(layout: Layout, changes: list[Change]) -> list[Problem] | None:
    """Problems of the changed entries only; None when the short way does not apply."""
    texts = {path: after for path, _, after in changes}
    checker = _Checker(layout, texts)
    problems: list[Problem] = []
    for path, before, after in changes:
        if path != layout.events and not layout.is_curated_claims(path):
            continue
        if before is None or after is None or len(after.encode("utf-8")) > max_bytes_for(path):
            return None
        old, new = EntryFile(before), EntryFile(after)
        if not (old.is_plain_list() and new.is_plain_list()):
            return None
        changed = _changed_lines(old, new)
        if path == layout.events:
            problems += checker.events_problems(only=changed, ids=Counter(new.ids()))
            gone = set(old.ids()) - set(new.ids())
            problems += checker.references_to(gone)
        elif changed is not None:
            problems += checker.claims_problems(path, anchor=True, only=changed,
                                                ids=Counter(new.ids()))
    return problems


def _changed_lines(old: EntryFile, new: EntryFile) -> str | None:
    """The new file's text with every line blanked except those of entries the edit added or
    changed (so line numbers stay right); None if there are none."""
    unchanged = Counter(old.block_text(b) for b in old.blocks)
    keep: list[tuple[int, int]] = []
    for block in new.blocks:
        text = new.block_text(block)
        if unchanged[text] > 0:
            unchanged[text] -= 1
        else:
            keep.append((block.start, block.end))
    if not keep:
        return None
    lines = ["\n"] * len(new.lines)
    for start, end in keep:
        lines[start:end] = new.lines[start:end]
    return "".join(lines)


# ------------------------------------------------------------------------ the long way
def _problems(layout: Layout, texts: dict[Path, str | None],
              scope: set[Path] | None = None) -> list[Problem]:
    scope = set(texts) if scope is None else scope
    checker = _Checker(layout, texts)
    problems: list[Problem] = []
    events_changed = layout.events in scope
    if events_changed:
        problems += checker.events_problems()
    for path in sorted(scope):
        if layout.is_curated_claims(path):
            problems += checker.claims_problems(path, anchor=True)
    if events_changed:  # every claims file must still name known events
        for path in layout.claims_files():
            if path not in scope:
                problems += checker.claims_problems(path, anchor=False)
    problems.sort(key=lambda p: (str(p.path), p.line))
    return problems


class _Checker:
    def __init__(self, layout: Layout, texts: dict[Path, str | None]) -> None:
        self.layout = layout
        self.texts = texts
        self._event_ids: set[str] | None = None

    def _text(self, path: Path) -> str | None:
        if path in self.texts:
            return self.texts[path]
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def _load(self, path: Path, loader: Callable[[Path], Any], text: str | None = None):
        """Run a loader function on ``path``, or on ``text`` (default: the edit's new text
        for the file, if it changes it) through a hidden temporary file beside it."""
        if text is None:
            if path not in self.texts:
                return loader(path)
            text = self.texts[path]
            if text is None:
                return loader(path.with_name(f".{path.name}.deleted"))
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.check")
        tmp.write_text(text, encoding="utf-8")
        try:
            value, problems = loader(tmp)
        finally:
            os.unlink(tmp)
        return value, [Problem(path, p.line, p.message) if Path(p.path) == tmp else p
                       for p in problems]

    def event_ids(self) -> set[str]:
        if self._event_ids is None:
            path = self.layout.events
            if path in self.texts:
                events, _ = self._load(path, load_events)
                self._event_ids = {e.id for e in events or []}
            else:
                self._event_ids = set(entry_ids(self._text(path) or ""))
        return self._event_ids

    def events_problems(self, only: str | None = None,
                        ids: Counter | None = None) -> list[Problem]:
        path = self.layout.events
        if ids is not None and only is None:
            return []  # nothing added or changed
        events, problems = self._load(path, load_events, only)
        seen: dict[str, int] = {}
        for event in events or []:
            if event.id in seen or (ids is not None and ids[event.id] > 1):
                problems.append(Problem(path, event.line, f"event id {event.id!r} is used twice"
                                        + (f" (first at line {seen[event.id]})"
                                           if event.id in seen else "")))
            seen.setdefault(event.id, event.line)
        if ids is None:
            self._event_ids = set(seen)
        return problems

    def references_to(self, gone: set[str]) -> list[Problem]:
        """Claims that still name an event the edit removed (any claims file)."""
        problems: list[Problem] = []
        if not gone:
            return problems
        for path in self.layout.claims_files():
            text = self._text(path) or ""
            if any(event_id in text for event_id in gone):
                problems += self.claims_problems(path, anchor=False)
        return problems

    def claims_problems(self, path: Path, *, anchor: bool, only: str | None = None,
                        ids: Counter | None = None) -> list[Problem]:
        article_id = path.name[: -len(".yaml")]
        entries, problems = self._load(path, lambda p: load_claims(p, article_id), only)
        for entry in entries or []:
            entry.path = path  # it was read from a temporary copy
        entries = _unique(entries or [], path, problems, ids)
        corpus = Corpus(root=self.layout.root)
        corpus.events = {e: Event(id=e, title=e) for e in self.event_ids()}
        check_claim_events(entries, corpus, problems)
        if anchor:
            article_path = self.layout.article(article_id)
            article = article_at(article_path)
            if article is None:
                problems.append(Problem(path, 0, f"no article {article_id!r} for these claims "
                                                 f"(or it cannot be read: run `briefing check`)"))
            else:
                corpus.articles[article.id] = article
                anchor_claims(entries, corpus, problems, {article.id: index_of(article_path)})
            problems += self._taken_elsewhere(path, entries)
        return problems

    def _taken_elsewhere(self, path: Path, entries: list[ClaimEntry]) -> list[Problem]:
        """Claim ids this file would share with another claims file (ids are briefing-wide)."""
        before = set(entry_ids(_read(path))) if path.exists() else set()
        fresh = {e.claim.id: e for e in entries if e.claim.id not in before}
        if not fresh:
            return []
        out = []
        for other in [*self.layout.claims_files(), *self.layout.suggested_claims_files()]:
            if other == path:
                continue
            text = self._text(other) or ""
            if not any(ident in text for ident in fresh):
                continue
            for ident in set(entry_ids(text)) & set(fresh):
                out.append(Problem(path, fresh[ident].claim.line,
                                   f"claim id {ident!r} is used twice (also in {other.name})"))
        return out


def _unique(entries: list[ClaimEntry], path: Path, problems: list[Problem],
            ids: Counter | None) -> list[ClaimEntry]:
    """Entries with an id not used before them; ``ids``: every id of the whole file, when
    only some entries were parsed."""
    seen: dict[str, int] = {}
    out = []
    for entry in entries:
        claim = entry.claim
        if claim.id in seen or (ids is not None and ids[claim.id] > 1):
            problems.append(Problem(path, claim.line, f"claim id {claim.id!r} is used twice"
                                    + (f" (first at line {seen[claim.id]})"
                                       if claim.id in seen else "")))
            continue
        seen[claim.id] = claim.line
        out.append(entry)
    return out


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""
