"""The note editor's targets (briefing.tui.viewmodels.targets) against a real store: the
synthesis target reads and writes the synthesis record, keeps every earlier text as a
version, and refuses tags; a claim's and a synthesis's titles never read markup."""

from __future__ import annotations

import pytest

from briefing.store.synthesis import get_synthesis
from briefing.tui.viewmodels.targets import ClaimTarget, SynthesisTarget

from .annotate_helpers import FIRST, bundled


def test_the_synthesis_target_saves_the_synthesis_with_its_history(store):
    target = SynthesisTarget(store, "Armenia [b]2023[/b]")
    assert (target.note(), target.history(), target.tags()) == ("", [], ())
    assert target.save(note="One.") == "One."
    assert target.save(note="Two.") == "Two."
    assert get_synthesis(store, "Armenia [b]2023[/b]").text == "Two."
    assert [(v.version, v.note, v.author) for v in target.history()] == [(1, "One.", "ana")]
    assert store.get(FIRST) is None  # no claim annotation was written
    assert "[b]2023[/b]" in target.title().plain


def test_the_synthesis_target_refuses_tags_and_keeps_the_text(store):
    target = SynthesisTarget(store, "A briefing")
    target.save(note="Kept.")
    with pytest.raises(ValueError, match="no tags"):
        target.save(add_tags=["russia"])
    assert target.note() == "Kept."


def test_a_claim_target_titles_with_the_claim_and_quotes_it(store):
    claim = bundled().claims[FIRST]
    target = ClaimTarget(claim, store)
    assert target.title().plain == f"Note on claim {claim.id[:20]}"
    assert target.context().plain.startswith("“") and target.history() == []
    target.save(note="A note.")
    target.save(note="Another.")
    assert [v.note for v in target.history()] == ["A note."]
