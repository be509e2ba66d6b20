"""`briefing check --db` reports annotations whose claim is gone, without failing the check."""

from __future__ import annotations

from click.testing import CliRunner

from briefing.cli import main
from briefing.store import AnnotationStore
from factories import bundled_corpus


def test_check_warns_about_annotations_of_a_missing_claim(tmp_path):
    corpus = bundled_corpus()
    db = tmp_path / "notes.json"
    with AnnotationStore(db, author="ana") as store:
        store.annotate("paylan-2023-15", corpus.claims["paylan-2023-15"].quote, add_tags=["numbers"])
        store.annotate("paylan-2023-99", "a claim that was removed from the content", add_tags=["gone"])
    result = CliRunner().invoke(main, ["check", "--db", str(db)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1
    assert "paylan-2023-99" in warnings[0] and "no longer exists" in warnings[0]
    assert "a claim that was removed" in warnings[0]


def test_check_does_not_create_a_store(tmp_path):
    db = tmp_path / "absent.json"
    result = CliRunner().invoke(main, ["check", "--db", str(db)])
    assert result.exit_code == 0
    assert not db.exists()
