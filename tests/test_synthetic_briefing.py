"""The benchmark's synthetic briefing is a valid briefing the analysis can use (small size)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from briefing.analysis import disagreements as dis
from briefing.analysis.search import build_index
from briefing.loader import load_corpus

GENERATOR = Path(__file__).resolve().parent.parent / "benchmarks" / "make_synthetic.py"


def _generator():
    spec = importlib.util.spec_from_file_location("make_synthetic", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_briefing_loads_cleanly_and_is_analysable(tmp_path):
    totals = _generator().write_briefing(tmp_path, n_articles=12, claims_per_article=20, seed=3,
                                         n_events=10)
    assert totals["articles"] == 12 and totals["claims"] == 240
    corpus, problems = load_corpus(tmp_path)
    assert problems == [], "\n".join(map(str, problems[:5]))
    assert len(corpus.claims) == 240
    assert all(c.paragraph_id for c in corpus.claims.values())  # every quote anchored
    found = dis.for_corpus(corpus)
    assert found.disagreements  # figures share keys across articles, with different values
    index = build_index(corpus)
    hits = index.search("lachin corridor", limit=5)
    assert hits and all(h.matches for h in hits)


def test_generation_is_deterministic(tmp_path):
    gen = _generator()
    gen.write_briefing(tmp_path / "a", 2, 5, seed=7, n_events=5)
    gen.write_briefing(tmp_path / "b", 2, 5, seed=7, n_events=5)
    for f in (tmp_path / "a").rglob("*"):
        if f.is_file():
            assert f.read_bytes() == (tmp_path / "b" / f.relative_to(tmp_path / "a")).read_bytes()
