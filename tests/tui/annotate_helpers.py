"""Helpers for the annotation tests: the bundled briefing, a store in a temp folder, notes."""

from __future__ import annotations

import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

from briefing.loader import load_corpus
from briefing.paths import bundled_content

ROOT = Path(__file__).resolve().parents[2]
FIRST = "dupuy-2022-01"  # the first claim of the first bundled article (what `n` selects)


@lru_cache(maxsize=1)
def bundled():
    corpus, problems = load_corpus(bundled_content())
    assert not problems, problems
    return corpus


def make_reader(store, **kwargs):
    from briefing.tui.app import BriefingApp

    return BriefingApp(bundled(), store=store, build_index=False, **kwargs)


def notifications(app) -> list:
    return list(app._notifications)


def messages(app, severity: str | None = None) -> list[str]:
    return [n.message for n in notifications(app) if severity is None or n.severity == severity]


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def annotate_elsewhere(db: Path, claim_id: str, *, tags=(), note: str | None = None,
                       author: str = "bob") -> subprocess.CompletedProcess:
    """Write an annotation from another process: `briefing annotate` when that command
    exists, else a Python process using the store API (the same code path underneath)."""
    env = {**os.environ, "BRIEFING_DB": str(db), "PYTHONPATH": str(ROOT)}
    try:
        import briefing.cli.cmd_annotations  # noqa: F401
        argv = [sys.executable, "-m", "briefing", "annotate", claim_id, "--author", author]
        for tag in tags:
            argv += ["--tag", tag]
        if note is not None:
            argv += ["--note", note]
    except ImportError:
        code = ("import sys; from briefing.store import AnnotationStore; "
                "from briefing.loader import load_corpus; from briefing.paths import bundled_content; "
                "c, _ = load_corpus(bundled_content()); cid = sys.argv[1]; "
                "s = AnnotationStore(sys.argv[2], author=sys.argv[3]); "
                "s.annotate(cid, c.claims[cid].quote, add_tags=sys.argv[5:], "
                "note=None if sys.argv[4] == '__none__' else sys.argv[4])")
        argv = [sys.executable, "-c", code, claim_id, str(db), author,
                "__none__" if note is None else note, *tags]
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result
