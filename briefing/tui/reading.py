"""Reading state, per user and briefing (newsboat, Readwise): how far each source was read
and which of its sections, read / unread per source, bookmarks, and where the reader was
when it quit (reopened there at the next start).

Kept in the user's state directory (briefing.paths.state_dir), one file per briefing
(``reading-<hash of its title>.json``), written atomically.  Read after the first paint,
never before it: start-up does not wait for it."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.tui.userstate import StateFile

READ_AT = 0.95  # a source scrolled this far counts as read (its last lines are often notes)


@dataclass(frozen=True, slots=True)
class Bookmark:
    article_id: str
    section_index: int | None
    claim_id: str | None
    label: str  # what the list shows: the claim's quote or the section's title
    at: str = ""

    @property
    def key(self) -> tuple[str, int | None, str | None]:
        return (self.article_id, self.section_index, self.claim_id)


@dataclass(frozen=True, slots=True)
class Progress:
    fraction: float  # 0..1, the furthest the source was scrolled
    sections: frozenset[int]  # sections read to their end
    read: bool  # read: scrolled to the end, or marked read (u)
    opened: bool


def state_path(briefing_title: str, folder: Path | None = None) -> Path:
    if folder is None:
        from briefing.paths import state_dir

        folder = state_dir()
    digest = hashlib.sha256(briefing_title.encode("utf-8")).hexdigest()[:12]
    return folder / f"reading-{digest}.json"


class ReadingState:
    """The reading-state file of one briefing; ``save`` writes it (the caller debounces)."""

    def __init__(self, path: Path) -> None:
        self.file = StateFile(path)
        self.dirty = False

    @property
    def _articles(self) -> dict[str, Any]:
        articles = self.file.data.setdefault("articles", {})
        if not isinstance(articles, dict):
            articles = self.file.data["articles"] = {}
        return articles

    def _article(self, article_id: str) -> dict[str, Any]:
        entry = self._articles.get(article_id)
        if not isinstance(entry, dict):
            entry = self._articles[article_id] = {}
        return entry

    # ---------------------------------------------------------------- progress
    def progress(self, article_id: str) -> Progress:
        entry = self._articles.get(article_id)
        if not isinstance(entry, dict):
            return Progress(0.0, frozenset(), False, False)
        try:
            fraction = min(max(float(entry.get("progress", 0.0)), 0.0), 1.0)
        except (TypeError, ValueError):
            fraction = 0.0
        sections = frozenset(i for i in entry.get("sections", []) if isinstance(i, int))
        marked = entry.get("read")
        read = marked if isinstance(marked, bool) else fraction >= READ_AT
        return Progress(fraction, sections, read, True)

    def opened(self, article_id: str) -> bool:
        """Record that the source was opened; True when that is news."""
        if article_id in self._articles:
            return False
        self._article(article_id)
        self.dirty = True
        return True

    def advance(self, article_id: str, fraction: float, sections: set[int]) -> bool:
        """Record reading up to ``fraction`` and ``sections``; True when progress grew."""
        entry = self._article(article_id)
        before = self.progress(article_id)
        fraction = max(before.fraction, min(max(fraction, 0.0), 1.0))
        merged = before.sections | sections
        if fraction <= before.fraction + 0.005 and merged == before.sections:
            return False
        entry["progress"] = round(fraction, 3)
        entry["sections"] = sorted(merged)
        self.dirty = True
        return True

    def set_read(self, article_id: str, read: bool) -> None:
        entry = self._article(article_id)
        entry["read"] = read
        if not read:
            entry["progress"], entry["sections"] = 0.0, []
        self.dirty = True

    # ---------------------------------------------------------------- where the reader was
    def last(self) -> dict[str, Any] | None:
        last = self.file.data.get("last")
        if not isinstance(last, dict) or not isinstance(last.get("article"), str):
            return None
        return last

    def set_last(self, article_id: str, section_index: int | None, claim_id: str | None,
                 scroll_y: float) -> None:
        last = {"article": article_id, "section": section_index, "claim": claim_id,
                "scroll": round(scroll_y)}
        if self.file.data.get("last") != last:
            self.file.data["last"] = last
            self.dirty = True

    # ---------------------------------------------------------------- bookmarks
    def bookmarks(self) -> list[Bookmark]:
        found = []
        for entry in self.file.data.get("bookmarks", []):
            if isinstance(entry, dict) and isinstance(entry.get("article"), str):
                section = entry.get("section")
                claim = entry.get("claim")
                found.append(Bookmark(entry["article"],
                                      section if isinstance(section, int) else None,
                                      claim if isinstance(claim, str) else None,
                                      str(entry.get("label") or ""), str(entry.get("at") or "")))
        return found

    def toggle_bookmark(self, bookmark: Bookmark) -> bool:
        """Add ``bookmark``, or remove the one at the same place; True when added."""
        kept = [b for b in self.bookmarks() if b.key != bookmark.key]
        added = len(kept) == len(self.bookmarks())
        if added:
            stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            kept.append(Bookmark(bookmark.article_id, bookmark.section_index, bookmark.claim_id,
                                 bookmark.label, stamp))
        self.file.data["bookmarks"] = [
            {"article": b.article_id, "section": b.section_index, "claim": b.claim_id,
             "label": b.label, "at": b.at} for b in kept]
        self.dirty = True
        return added

    def save(self) -> bool:
        if not self.dirty:
            return True
        self.dirty = False
        return self.file.save()
