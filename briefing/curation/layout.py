"""Where a briefing's curated and suggested files are (docs/content-format.md)."""

from __future__ import annotations

import os
from pathlib import Path

from briefing.loader import ARTICLES_DIR, CLAIMS_DIR, EVENTS_FILE

# `briefing suggest` writes its proposals beside the curated files, never into them.
SUGGESTED_SUFFIX = ".suggested.yaml"
LOCK_NAME = ".briefing-curation.lock"


class Layout:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)  # as given: messages name files the way the user wrote them
        self.real_root = Path(os.path.realpath(self.root))
        self.events = self.root / EVENTS_FILE
        self.events_suggested = self.root / (Path(EVENTS_FILE).stem + SUGGESTED_SUFFIX)
        self.claims_dir = self.root / CLAIMS_DIR
        self.lock = self.real_root / LOCK_NAME

    def article(self, article_id: str) -> Path:
        return self.root / ARTICLES_DIR / f"{article_id}.md"

    def claims(self, article_id: str) -> Path:
        return self.claims_dir / f"{article_id}.yaml"

    def suggested_claims(self, article_id: str) -> Path:
        return self.claims_dir / f"{article_id}{SUGGESTED_SUFFIX}"

    def is_curated_claims(self, path: Path) -> bool:
        return (path.parent == self.claims_dir and path.name.endswith(".yaml")
                and not path.name.endswith(SUGGESTED_SUFFIX) and not path.name.startswith("."))

    def claims_files(self) -> list[Path]:
        if not self.claims_dir.is_dir():
            return []
        return sorted(p for p in self.claims_dir.iterdir() if self.is_curated_claims(p))

    def suggested_claims_files(self) -> list[Path]:
        if not self.claims_dir.is_dir():
            return []
        return sorted(p for p in self.claims_dir.iterdir()
                      if p.name.endswith(SUGGESTED_SUFFIX) and not p.name.startswith("."))

    def article_of(self, claims_file: Path) -> str:
        name = claims_file.name
        return name[: -len(SUGGESTED_SUFFIX)] if name.endswith(SUGGESTED_SUFFIX) else name[:-5]
