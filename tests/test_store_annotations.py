"""AnnotationStore, the API the reader and the CLI use: tags, notes, history, filters."""

from __future__ import annotations

import pytest

from briefing.store import AnnotationStore, StoreError, normalise_tag
from briefing.store.model import split_tags
from briefing.store.query import Filters, orphaned, select
from factories import build_corpus


@pytest.fixture
def store(tmp_path):
    return AnnotationStore(tmp_path / "a.json", author="ana")


def test_tags_are_normalised_for_case_and_whitespace():
    assert normalise_tag("  Russia ") == "russia"
    assert normalise_tag("#Peace   Keeping") == "peace-keeping"
    assert normalise_tag("ＣＳＴＯ") == "csto"  # full-width letters (NFKC)
    assert normalise_tag("État-major") == "état-major"
    assert normalise_tag("bad\x1b[31mtag\u202e") == "bad[31mtag"  # controls, bidi gone
    assert split_tags(["a, B", "a"]) == ["a", "b"]
    with pytest.raises(ValueError):
        split_tags([" # "])


def test_annotate_merges_tags_and_keeps_every_earlier_version(store):
    first = store.annotate("c-01", "the quote", add_tags=["Russia", "figures"], note="one")
    assert (first.tags, first.note, first.version, first.history) == (
        ("russia", "figures"), "one", 1, ())
    second = store.annotate("c-01", "the quote", add_tags=["CSTO"], remove_tags=["figures"])
    assert second.tags == ("russia", "csto") and second.note == "one"
    third = store.annotate("c-01", "the quote", note="")  # clearing the note...
    assert third.note == "" and third.version == 3
    assert [v.note for v in third.history] == ["one", "one"]  # ...keeps what it said
    assert [v.tags for v in third.history] == [("russia", "figures"), ("russia", "csto")]
    assert third.created == first.created and third.id == first.id
    same = store.annotate("c-01", "the quote", add_tags=["russia"])
    assert same.version == 3  # nothing changed: nothing written
    assert store.get("c-01") == third


def test_each_author_has_their_own_annotation(store, tmp_path):
    store.annotate("c-01", "q", add_tags=["mine"])
    bob = AnnotationStore(tmp_path / "a.json", author="bob")
    bob.annotate("c-01", "q", add_tags=["his"], note="bob's")
    store.refresh()
    assert store.get("c-01").tags == ("mine",)
    assert store.get("c-01", author="bob").note == "bob's"
    assert [(a.author, a.tags) for a in store.for_claim("c-01")] == [("ana", ("mine",)),
                                                                      ("bob", ("his",))]
    assert store.authors() == ["ana", "bob"]
    assert [a.author for a in store.filter(author="bob")] == ["bob"]
    assert store.annotate("c-02", "q", note="as someone else", author="cy").author == "cy"


def test_empty_annotations_are_kept_but_not_listed(store):
    store.annotate("c-01", "q", add_tags=["x"])
    store.annotate("c-01", "q", remove_tags=["x"])
    assert store.all() == [] and store.tags() == [] and store.for_claim("c-01") == []
    [kept] = store.all(include_empty=True)
    assert kept.history[0].tags == ("x",)
    assert store.annotate("c-09", "q", remove_tags=["x"]).version == 0  # nothing to record
    assert store.get("c-09") is None


def test_tag_counts_and_filters(store):
    store.annotate("c-01", "q", add_tags=["russia", "csto"])
    store.annotate("c-02", "q", add_tags=["russia"])
    store.annotate("c-03", "q", add_tags=["eu"])
    assert store.tags() == [("russia", 2), ("csto", 1), ("eu", 1)]
    assert [a.claim_id for a in store.filter(tag="Russia")] == ["c-01", "c-02"]
    assert [a.claim_id for a in store.filter(tag=["russia", "csto"])] == ["c-01"]


def test_several_tags_all_of_them_or_any_one(store):
    store.annotate("c-01", "q", add_tags=["russia", "csto"])
    store.annotate("c-02", "q", add_tags=["russia"])
    store.annotate("c-03", "q", add_tags=["eu"])
    store.annotate("c-04", "q", add_tags=["turkey"])
    both = Filters.make(tags=["russia", "EU"])
    either = Filters.make(tags=["russia", "EU"], any_tag=True)
    assert [a.claim_id for a in select(store, None, both)] == []
    assert [a.claim_id for a in select(store, None, either)] == ["c-01", "c-02", "c-03"]
    assert both.as_dict() == {"tags": ["russia", "eu"]}
    assert either.as_dict() == {"tags_any": ["russia", "eu"]}
    # One tag: any one of them is all of them, and is written as such.
    assert Filters.make(tags=["eu"], any_tag=True).as_dict() == {"tags": ["eu"]}
    assert Filters.make(any_tag=True).has_tags([])


CORPUS = {
    "events": {"war": {"title": "War", "date": "2020-09-27"},
               "cease": {"title": "Ceasefire", "date": "2020-11-09"}},
    "articles": {"a": ["Alpha says one thing.", "Alpha says another."],
                 "b": ["Beta says a third thing."]},
    "claims": [{"article": "a", "quote": "one thing", "events": ["war"]},
               {"article": "a", "quote": "another", "events": ["cease"]},
               {"article": "b", "quote": "a third thing", "events": ["war", "cease"]}],
}


def test_source_event_filters_reading_order_and_orphans(store):
    corpus = build_corpus(CORPUS)
    for cid in ("b-01", "a-02", "a-01", "gone-01"):
        store.annotate(cid, "q", add_tags=["t"])
    assert [a.claim_id for a in select(store, corpus)] == ["a-01", "a-02", "b-01", "gone-01"]
    assert [a.claim_id for a in select(store, corpus, sources=["B"])] == ["b-01"]
    assert [a.claim_id for a in select(store, corpus, events=["cease"])] == ["a-02", "b-01"]
    both = Filters.make(sources=["a"], events=["war"], tags=["t"])
    assert [a.claim_id for a in select(store, corpus, both)] == ["a-01"]
    with pytest.raises(ValueError):
        select(store, None, sources=["a"])
    assert [a.claim_id for a in orphaned(store, corpus)] == ["gone-01"]
    assert orphaned(store, corpus)[0].quote == "q"  # the quote survives for re-anchoring


def test_polling_sees_other_processes_without_reading(store, tmp_path):
    store.annotate("c-01", "q", add_tags=["x"])
    token, version = store.token(), store.version
    assert not store.changed_since(token) and not store.refresh()
    AnnotationStore(tmp_path / "a.json", author="bob").annotate("c-02", "q", note="hi")
    assert store.version == version  # nothing read yet
    assert store.changed_since(token)
    assert store.refresh() and store.version != version
    assert [a.claim_id for a in store.all()] == ["c-01", "c-02"]


def test_warnings_for_briefing_check(store):
    from briefing.store.query import annotation_warnings, requoted

    corpus = build_corpus(CORPUS)
    store.annotate("a-01", "One   THING", add_tags=["t"])  # same quote, folded
    store.annotate("a-02", "an older wording", add_tags=["t"])
    store.annotate("gone-01", "a deleted claim", add_tags=["t"])
    assert [a.claim_id for a in requoted(store, corpus)] == ["a-02"]
    assert annotation_warnings(store, corpus) == [
        'annotation by ana on claim gone-01: the claim no longer exists '
        '(annotated quote: "a deleted claim")',
        "annotation by ana on claim a-02: the claim's quote changed since it was annotated "
        '(was: "an older wording")',
    ]


# ---------------------------------------------------------------------------- edited by hand
def _hand_edit(path, doc_id, doc):
    """Put ``doc`` in the store as is, the way an editor would (no validation)."""
    from briefing.store.table import open_db

    db = open_db(path)
    db.table("annotations").modify(doc_id, lambda current: doc)
    db.close()


def test_a_record_edited_by_hand_is_reported_and_left_untouched(tmp_path):
    path = tmp_path / "a.json"
    with AnnotationStore(path, author="ana") as store:
        store.annotate("c-1", "quote one", add_tags=["fine"])
        store.annotate("c-2", "quote two", note="will be broken by hand")
        broken_id = store.get("c-2").id
    _hand_edit(path, broken_id, {"claim_id": "c-2", "quote": "quote two", "author": "ana",
                                 "note": ["a", "list"], "tags": "russia", "version": "2"})
    _hand_edit(path, "no-claim", {"note": "orphan text"})
    before = path.read_bytes()
    with AnnotationStore(path, author="ana") as store:
        warnings = store.take_warnings()
        assert len(warnings) == 2
        broken = next(w for w in warnings if broken_id in w)
        assert "edited by hand" in broken and str(path) in broken
        assert "note (a list)" in broken and "tags (text)" in broken and "version (text)" in broken
        assert any("no-claim" in w and "claim_id (missing)" in w for w in warnings)
        assert [a.claim_id for a in store.all()] == ["c-1"]  # the readable one is all there
        with pytest.raises(StoreError, match="edited by hand"):
            store.annotate("c-2", "quote two", add_tags=["x"])  # would drop the list note
        assert store.take_warnings() == []  # said once
    assert path.read_bytes() == before  # nothing rewritten, nothing lost


def test_records_written_by_the_program_are_never_reported(tmp_path):
    from briefing.store.model import unreadable_fields

    with AnnotationStore(tmp_path / "a.json", author="ana") as store:
        store.annotate("c-1", "q", add_tags=["a", "b"])
        store.annotate("c-1", "q", note="text", remove_tags=["a"])
        store.annotate("c-1", "q", note="")
        docs = store.table._read_table().values()
        assert docs and all(unreadable_fields(doc) == [] for doc in docs)
        assert store.take_warnings() == []


def test_a_renamed_claim_keeps_its_archived_history_and_undo_puts_it_back(store, tmp_path):
    from briefing.store.annotations import HISTORY_TABLE

    for n in range(120):  # enough versions for several batches to be archived
        store.annotate("c-old", "the quote", note=f"draft {n}")
    store.annotate("c-new", "the quote", note="on the other claim")
    store.annotate("c-new", "the quote", note="on the other claim, edited")
    before = [v.note for v in store.full_history("c-old")]
    assert len(before) == 119 and store.storage.table_view(HISTORY_TABLE)

    move = store.move_claim("c-old", "c-new")
    reopened = AnnotationStore(tmp_path / "a.json", author="ana")
    merged = [v.note for v in reopened.full_history("c-new")]
    assert reopened.get("c-old") is None
    # every version of both records, none lost, the renamed one's drafts in order
    assert [n for n in merged if n.startswith("draft")] == before + ["draft 119"]
    assert "on the other claim" in merged
    assert reopened.full_history("c-old") == []

    store.undo_claim_move(move)
    reopened = AnnotationStore(tmp_path / "a.json", author="ana")
    assert [v.note for v in reopened.full_history("c-old")] == before
    assert [v.note for v in reopened.full_history("c-new")] == ["on the other claim"]
