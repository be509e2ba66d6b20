"""Helpers for the annotation tests: the bundled briefing, a store in a temp folder, notes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from factories import bundled_corpus as bundled

from .conftest import make_app, screen_text  # noqa: F401 - the annotation tests import it here

ROOT = Path(__file__).resolve().parents[2]
FIRST = "dupuy-2022-01"  # the first claim of the first bundled article (what `n` selects)


def make_reader(store, **kwargs):
    return make_app(bundled(), store=store, build_index=False, **kwargs)


def notifications(app) -> list:
    return list(app._notifications)


def messages(app, severity: str | None = None) -> list[str]:
    return [n.message for n in notifications(app) if severity is None or n.severity == severity]


def annotate_elsewhere(db: Path, claim_id: str, *, tags=(), note: str | None = None,
                       author: str = "bob") -> subprocess.CompletedProcess:
    """Write an annotation from another process, with `briefing annotate`."""
    env = {**os.environ, "BRIEFING_DB": str(db), "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "briefing", "annotate", claim_id, "--author", author]
    for tag in tags:
        argv += ["--tag", tag]
    if note is not None:
        argv += ["--note", note]
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result


SEED = [  # (claim id, author, tags, note): four sources, two authors, one vanished claim
    ("dupuy-2022-01", "ana", ["russia", "csto"], "Check against Tadevosian."),
    ("jafarli-2023-03", "ana", ["eu-mission"], "EU monitoring starts."),
    ("tadevosian-2023-01", "bob", ["russia"], "Same offensive, other framing."),
    ("paylan-2023-02", "bob", ["russia", "[@click=app.quit]"], "[/x] literal\nsecond line"),
    ("gone-2020-01", "ana", ["old"], "Its claim was removed from the briefing."),
]


def seed(store) -> None:
    corpus = bundled()
    for claim_id, author, tags, note in SEED:
        claim = corpus.claims.get(claim_id)
        quote = claim.quote if claim is not None else "A claim that was removed."
        store.annotate(claim_id, quote, add_tags=tags, note=note, author=author)
