"""The synthesis record (briefing.store.synthesis): one per author and briefing, history kept,
shared through the same file and lock as the annotations."""

from __future__ import annotations


import pytest

from briefing.store import AnnotationStore, StoreError
from briefing.store.synthesis import get_synthesis, set_synthesis, syntheses


def test_versions_history_and_other_processes(tmp_path):
    path = tmp_path / "a.json"
    ana = AnnotationStore(path, author="ana")
    assert get_synthesis(ana, "B") is None
    first = set_synthesis(ana, "B", "One.\n\n\x1b[31mTwo.\n")
    assert (first.text, first.version) == ("One.\n\n[31mTwo.", 1)  # cleaned like notes
    assert set_synthesis(ana, "B", "One.\n\n[31mTwo.").version == 1  # unchanged: no write
    second = set_synthesis(ana, "B", "")
    assert second.version == 2 and second.text == "" and second.history[0][1] == first.text
    bob = AnnotationStore(path, author="bob")  # another process, another author
    set_synthesis(bob, "B", "Bob's view.")
    set_synthesis(bob, "Other briefing", "Elsewhere.")
    set_synthesis(ana, "B", "Ana again.")
    assert [(s.author, s.text) for s in syntheses(bob, "B")] == [("ana", "Ana again."),
                                                                 ("bob", "Bob's view.")]
    assert [s.author for s in syntheses(bob, "B", ("bob",))] == ["bob"]
    assert ana.all() == []  # annotations are untouched by it
    with pytest.raises(ValueError, match="longer than"):
        set_synthesis(ana, "B", "x" * 200_001)


def test_a_record_edited_by_hand_is_left_alone(tmp_path):
    path = tmp_path / "a.json"
    store = AnnotationStore(path, author="ana")
    set_synthesis(store, "B", "Mine.")
    # Put a broken record in as an editor would (no validation), whatever the file's layout.
    text = path.read_text(encoding="utf-8")
    assert '"text":"Mine."' in text.replace(" ", "")
    path.write_text(text.replace('"text":"Mine."', '"text":["not","text"]')
                    .replace('"text": "Mine."', '"text": ["not", "text"]'), encoding="utf-8")
    before = path.read_bytes()
    store = AnnotationStore(path, author="ana")
    assert syntheses(store, "B") == []
    with pytest.raises(StoreError, match="edited by hand"):
        set_synthesis(store, "B", "New.")
    assert path.read_bytes() == before
