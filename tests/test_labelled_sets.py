"""The labelled sets that benchmarks/eval_suggest.py scores `briefing suggest` against.

They are only worth their figures if every quote still anchors in its article and the default
evaluation run includes each of them, so a set added (or broken) later shows here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main

ROOT = Path(__file__).resolve().parent.parent
LABELLED = sorted(p for p in (ROOT / "tests" / "fixtures").glob("suggest*")
                  if (p / "claims").is_dir() and (p / "events.yaml").is_file())


def test_the_labelled_sets_are_found():
    assert {p.name for p in LABELLED} >= {"suggest", "suggest_port", "suggest_heldout",
                                          "suggest_tram", "suggest_breach", "suggest_merger",
                                          "suggest_figures"}


@pytest.mark.parametrize("content", LABELLED, ids=lambda p: p.name)
def test_labelled_set_passes_check(content: Path):
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 0, result.output
    assert "problem" not in result.output
    articles = {p.stem for p in (content / "articles").glob("*.md")}
    labelled = {p.stem for p in (content / "claims").glob("*.yaml")}
    assert articles == labelled, "every article of a labelled set has its claims file"


def test_eval_suggest_scores_every_labelled_set_by_default():
    source = (ROOT / "benchmarks" / "eval_suggest.py").read_text(encoding="utf-8")
    for content in LABELLED:
        assert f'"{content.name}"' in source, f"{content.name} is missing from eval_suggest's default --labelled"
