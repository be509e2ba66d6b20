"""Check an edit with the loader's own rules before it is written, without reloading everything.

Only what an edit can break is checked: a changed claims file is parsed, its event ids looked
up and every quote anchored in its article, exactly as ``briefing check`` does (the loader's
functions, fed a temporary copy of the new text); a changed events.yaml is parsed and every
claims file's event ids are looked up in it.  A problem that was already there before the edit
is not the edit's fault and does not block it; a new one does.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from briefing.curation.layout import Layout
from briefing.curation.yamlentries import EntryFile
from briefing.loader import anchor_claims, check_claim_events
from briefing.loading.articles import load_article
from briefing.loading.claims import ClaimEntry, load_claims
from briefing.loading.events import load_events
from briefing.model import Corpus, Event
from briefing.problems import Problem


def new_problems(layout: Layout, texts: dict[Path, str | None]) -> list[Problem]:
    """Problems the files would have with ``texts`` (path -> new text, None: deleted) that
    they do not have now."""
    after = _problems(layout, texts)
    if not after:
        return []
    before = {(str(p.path), p.message) for p in _problems(layout, {}, scope=set(texts))}
    return [p for p in after if (str(p.path), p.message) not in before]


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

    def _load(self, path: Path, loader):  # noqa: ANN001 - load_claims or load_events
        """Run a loader function on ``path``, or on its new text when the edit changes it."""
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
                try:
                    self._event_ids = set(EntryFile(path.read_text(encoding="utf-8")).ids())
                except OSError:
                    self._event_ids = set()
        return self._event_ids

    def events_problems(self) -> list[Problem]:
        events, problems = self._load(self.layout.events, load_events)
        seen: dict[str, int] = {}
        for event in events or []:
            if event.id in seen:
                problems.append(Problem(self.layout.events, event.line,
                                        f"event id {event.id!r} is used twice "
                                        f"(first at line {seen[event.id]})"))
            seen.setdefault(event.id, event.line)
        self._event_ids = set(seen)
        return problems

    def claims_problems(self, path: Path, *, anchor: bool) -> list[Problem]:
        article_id = path.name[: -len(".yaml")]
        entries, problems = self._load(path, lambda p: load_claims(p, article_id))
        for entry in entries or []:
            entry.path = path  # it was read from a temporary copy
        entries = _unique(entries or [], path, problems)
        corpus = Corpus(root=self.layout.root)
        corpus.events = {e: Event(id=e, title=e) for e in self.event_ids()}
        check_claim_events(entries, corpus, problems)
        if anchor:
            article, found = load_article(self.layout.article(article_id))
            if article is None:
                problems.append(Problem(path, 0, f"no article {article_id!r} for these claims"))
            else:
                corpus.articles[article.id] = article
                anchor_claims(entries, corpus, problems)
            problems += self._taken_elsewhere(path, entries)
        return problems

    def _taken_elsewhere(self, path: Path, entries: list[ClaimEntry]) -> list[Problem]:
        """Claim ids this file would share with another claims file (ids are briefing-wide)."""
        before = set(EntryFile(_read(path)).ids()) if path.exists() else set()
        fresh = {e.claim.id: e for e in entries if e.claim.id not in before}
        if not fresh:
            return []
        out = []
        for other in self.layout.claims_files():
            if other == path:
                continue
            text = self.texts.get(other) if other in self.texts else _read(other)
            for ident in set(EntryFile(text or "").ids()) & set(fresh):
                entry = fresh[ident]
                out.append(Problem(path, entry.claim.line,
                                   f"claim id {ident!r} is used twice (also in {other.name})"))
        return out


def _unique(entries: list[ClaimEntry], path: Path, problems: list[Problem]) -> list[ClaimEntry]:
    seen: dict[str, int] = {}
    out = []
    for entry in entries:
        claim = entry.claim
        if claim.id in seen:
            problems.append(Problem(path, claim.line, f"claim id {claim.id!r} is used twice "
                                                      f"(first at line {seen[claim.id]})"))
            continue
        seen[claim.id] = claim.line
        out.append(entry)
    return out


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""
