"""briefing.curation: edits that keep files made for people, safe under concurrency, undoable."""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from briefing.curation import (
    BusyError, CurationError, Curator, NotFoundError, StaleEditError, UndoConflictError,
    ValidationError, accept_claims, accept_events, add_claim, add_event, edit_claim, edit_event,
    merge_events, move_claims, reject_claims, reject_events, rename_event,
)
from briefing.loader import load_corpus
from briefing.store import AnnotationStore
from briefing_dirs import write_briefing

# Comments, odd spacing, single quotes, a bare string for events, no blank line between some
# entries: everything a person may write, which an edit must leave alone.
ODD_CLAIMS = """\
# Claims of the Alpha article.
#   reviewed by hand

- id: alpha-01
  quote: 'the "peacekeepers"   numbered 1,960'   # spacing as in the source
  events: [ ceasefire ]
  kind: figure
  speaker: author
  actors: [Russia]
  figures:
    - {quantity: peacekeepers, value: 1960, unit: troops, text: "1,960"}
  dates:
    - {value: 2020-11-09, what: ceasefire-signed}
    - 2020-11
  frame: security_and_defense
- id: alpha-02
  quote: twice here
  events: war
  kind: fact        # TODO: assessment?
  occurrence: 2

# the lead
- id: alpha-03
  quote: "Lead paragraph with emphasis"
  events:
    - war
  kind: fact
"""

SUGGESTED_CLAIMS = """\
# Suggested by `briefing suggest`: review, then move what you keep to the curated file.
# Mark an entry `status: rejected` to keep it from being proposed again.

- id: alpha-s01
  status: suggested
  by: briefing-suggest/1
  confidence: 0.72
  quote: "Ce paragraphe est en français"
  events: ["new-talks"]
  kind: "fact"
  speaker: "author"

- id: alpha-s02
  status: suggested
  by: briefing-suggest/1
  confidence: 0.4
  quote: "A second line with code"
  events: ["war"]
  kind: fact
  speaker: "author"
"""

SUGGESTED_EVENTS = """\
- id: new-talks
  status: suggested
  by: briefing-suggest/1
  confidence: 0.5
  title: "New talks"
  date: "2023-02"

- id: other-talks
  status: suggested
  by: briefing-suggest/1
  confidence: 0.3
  title: "Other talks"
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_briefing(tmp_path / "b", claims={"alpha.yaml": ODD_CLAIMS})


def curated_problems(root: Path) -> list[str]:
    """What `briefing check` reports on the curated files (``*.suggested.yaml`` are read by
    the loader of `briefing suggest`, on its own branch)."""
    _, problems = load_corpus(root)
    return [str(p) for p in problems if not str(p.path).endswith(".suggested.yaml")]


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


# ------------------------------------------------------------------------- minimal diffs
def test_edit_changes_only_the_edited_lines(root):
    path = root / "claims/alpha.yaml"
    before = path.read_text()
    edit_claim(Curator(root), "alpha-02", {"kind": "assessment", "actors": ["Russia", "EU"]})
    after = path.read_text()
    assert changed_lines(before, after) == [
        "-  kind: fact        # TODO: assessment?",
        "+  kind: assessment  # TODO: assessment?",  # the comment keeps its column
        "+  actors: [Russia, EU]",
    ]
    assert curated_problems(root) == []


def test_add_appends_the_new_entry_only(root):
    path = root / "claims/alpha.yaml"
    before = path.read_text()
    result = add_claim(Curator(root), "alpha", 'The "peacekeepers"  numbered 1,960 in total',
                       events=["ceasefire"], actors=["Russia"])
    after = path.read_text()
    assert after.startswith(before)
    assert result.ids == ("alpha-04",)
    assert after[len(before):] == (
        "\n- id: alpha-04\n"
        '  quote: "The “peacekeepers” numbered 1,960 in total"\n'  # as the article writes it
        "  events: [ceasefire]\n"
        "  kind: figure\n"
        "  speaker: author\n"
        "  actors: [Russia]\n"
        "  figures:\n"
        '    - {quantity: alpha-04-1, value: 1960, text: "1,960"}\n'
    )
    assert curated_problems(root) == []
    corpus, _ = load_corpus(root)
    assert corpus.claims["alpha-04"].paragraph_id == "alpha/1/1"


def test_add_into_a_new_file_and_into_an_empty_list(root):
    (root / "claims/beta.yaml").unlink()
    add_claim(Curator(root), "beta", "Some 1 900 men were deployed", events=["ceasefire"])
    assert (root / "claims/beta.yaml").read_text().startswith("- id: beta-01\n")
    (root / "claims/beta.yaml").write_text("# none yet\n[]\n")
    add_claim(Curator(root), "beta", "so the source says", events=["war"], figures=[])
    assert (root / "claims/beta.yaml").read_text().startswith("# none yet\n\n- id: beta-01\n")
    assert curated_problems(root) == []


@pytest.mark.parametrize("quote, events, message", [
    ("not in the article at all", ["war"], "quote not found in alpha"),
    ("twice here", ["war"], "found 2 times"),
    ("Lead paragraph", [], "at least one event"),
])
def test_add_refused_with_a_clear_message(root, quote, events, message):
    before = (root / "claims/alpha.yaml").read_bytes()
    with pytest.raises(CurationError, match=message):
        add_claim(Curator(root), "alpha", quote, events=events)
    assert (root / "claims/alpha.yaml").read_bytes() == before


def test_a_step_check_would_fault_is_refused_with_path_and_line(root):
    path = root / "claims/alpha.yaml"
    before = path.read_bytes()
    with pytest.raises(ValidationError) as info:
        add_claim(Curator(root), "alpha", "Lead paragraph with emphasis", events=["no-such"])
    assert str(info.value).startswith(f"{path}:")
    assert "event 'no-such' is not in events.yaml" in str(info.value)
    with pytest.raises(ValidationError, match=r"alpha.yaml:17: claim alpha-02: quote not found"):
        edit_claim(Curator(root), "alpha-02", {"quote": "nowhere to be found"})
    with pytest.raises(ValidationError, match=r"alpha.yaml:16: claim id 'beta-01' is used twice "
                                              r"\(also in beta.yaml\)"):
        edit_claim(Curator(root), "alpha-02", {"id": "beta-01"})
    with pytest.raises(ValidationError, match=r"alpha.yaml:16: claim id 'alpha-01' is used twice"):
        edit_claim(Curator(root), "alpha-02", {"id": "alpha-01"})
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temporaries


def test_unknown_ids_are_named(root):
    with pytest.raises(NotFoundError, match="did you mean alpha-01"):
        edit_claim(Curator(root), "alpha-1", {"kind": "fact"})
    with pytest.raises(NotFoundError, match="no such article"):
        add_claim(Curator(root), "gamma", "x", events=["war"])


# ------------------------------------------------------------------------- safety
def test_stale_edit_is_refused_and_the_other_edit_kept(root):
    cur = Curator(root)
    path = root / "claims/alpha.yaml"
    seen = cur.snapshot()
    add_claim(Curator(root), "alpha", "Lead paragraph with emphasis and a note",
              events=["war"])  # someone else, after we read
    other = path.read_text()
    with pytest.raises(StaleEditError, match="changed since you read it"):
        edit_claim(cur, "alpha-01", {"kind": "fact"}, expected=seen)
    assert path.read_text() == other
    edit_claim(cur, "alpha-01", {"kind": "fact"}, expected=cur.snapshot())
    assert "alpha-04" in path.read_text() and "  kind: fact\n  speaker: author\n  actors: [Russia]" \
        in path.read_text()


def test_a_held_lock_blocks_the_step(root):
    cur = Curator(root, lock_timeout=0.2)
    before = (root / "claims/alpha.yaml").read_bytes()
    with FileLock(str(cur.layout.lock)):
        with pytest.raises(BusyError, match="held the lock"):
            edit_claim(cur, "alpha-01", {"kind": "fact"})
    assert (root / "claims/alpha.yaml").read_bytes() == before


def test_the_lock_is_the_same_through_a_symlink(root, tmp_path):
    link = tmp_path / "link"
    link.symlink_to(root)
    assert Curator(link).layout.lock == Curator(root).layout.lock


def test_a_failed_write_changes_nothing(root, monkeypatch):
    path = root / "claims/alpha.yaml"
    before = path.read_bytes()

    def broken(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(CurationError, match="No space left"):
        edit_claim(Curator(root), "alpha-01", {"kind": "fact"})
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]


ADD_SCRIPT = """
import sys
from briefing.curation import Curator, add_claim
add_claim(Curator(sys.argv[1], lock_timeout=60), "alpha", sys.argv[2], events=["war"])
"""


def test_concurrent_processes_lose_nothing(root):
    quotes = ["Lead paragraph", "Ce paragraphe", "A second line", "Then twice here again",
              "see the text"]
    procs = [subprocess.Popen([sys.executable, "-c", ADD_SCRIPT, str(root), q],
                              stderr=subprocess.PIPE, text=True) for q in quotes]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * len(quotes), errors
    corpus, problems = load_corpus(root)
    assert problems == []
    assert sorted(c.quote for c in corpus.claims.values()
                  if c.article_id == "alpha" and c.id > "alpha-03") == sorted(quotes)


EDIT_SCRIPT = """
import sys
from briefing.curation import Curator, edit_claim
edit_claim(Curator(sys.argv[1]), "alpha-02", {"kind": "assessment"})
"""


def test_an_edit_from_another_process_is_neither_lost_nor_overwritten(root):
    cur = Curator(root)
    seen = cur.snapshot()
    subprocess.run([sys.executable, "-c", EDIT_SCRIPT, str(root)], check=True)
    with pytest.raises(StaleEditError):
        edit_claim(cur, "alpha-01", {"kind": "fact"}, expected=seen)
    edit_claim(cur, "alpha-01", {"kind": "fact"})  # re-read under the lock: both kept
    text = (root / "claims/alpha.yaml").read_text()
    assert "kind: assessment  # TODO" in text and "alpha-01" in text
    corpus, _ = load_corpus(root)
    assert corpus.claims["alpha-01"].kind == "fact"
    assert corpus.claims["alpha-02"].kind == "assessment"


# ------------------------------------------------------------------------- undo
def test_undo_restores_the_exact_bytes(root):
    cur = Curator(root)
    before = {p: p.read_bytes() for p in (root / "claims").iterdir()}
    before[root / "events.yaml"] = (root / "events.yaml").read_bytes()
    steps = [add_event(cur, "talks", "Talks", date="2023-01"),
             move_claims(cur, ["alpha-01", "beta-01"], "talks", from_event="ceasefire"),
             merge_events(cur, "talks", "war")]
    assert curated_problems(root) == []
    for step in reversed(steps):
        cur.undo(step.undo)
        assert curated_problems(root) == []
    assert {p: p.read_bytes() for p in before} == before


def test_undo_refuses_when_the_file_changed_since(root):
    cur = Curator(root)
    step = edit_claim(cur, "alpha-01", {"kind": "fact"})
    later = edit_claim(cur, "alpha-02", {"kind": "assessment"})
    with pytest.raises(UndoConflictError, match="changed after 'claims edit'"):
        cur.undo(step.undo)
    assert "kind: assessment" in (root / "claims/alpha.yaml").read_text()
    cur.undo(later.undo)
    cur.undo(step.undo)


def test_undo_that_would_break_check_is_refused(root):
    cur = Curator(root)
    event = add_event(cur, "talks", "Talks")
    move_claims(cur, ["alpha-01"], "talks")
    with pytest.raises(ValidationError, match="event 'talks' is not in events.yaml"):
        cur.undo(event.undo)


# ------------------------------------------------------------------------- events
def test_event_steps_keep_claims_consistent(root):
    cur = Curator(root)
    events_before = (root / "events.yaml").read_text()
    add_event(cur, "talks", "Talks in Brussels", date="2023-02", actors=["EU"])
    assert (root / "events.yaml").read_text() == events_before + (  # no blank line: its style
        "- id: talks\n  title: Talks in Brussels\n  date: 2023-02\n  actors: [EU]\n")
    rename_event(cur, "talks", "Brussels talks")
    move_claims(cur, ["alpha-02"], "talks", from_event="war")
    result = merge_events(cur, "talks", "ceasefire")
    assert result.details["claims_moved"] == ["alpha-02"]
    corpus, problems = load_corpus(root)
    assert problems == [] and "talks" not in corpus.events
    assert corpus.claims["alpha-02"].events == ["ceasefire"]
    assert (root / "events.yaml").read_text() == events_before
    edit_event(cur, "war", {"id": "the-war"})
    corpus, problems = load_corpus(root)
    assert problems == [] and corpus.claims["alpha-03"].events == ["the-war"]


def test_event_ids_and_titles_are_checked(root):
    cur = Curator(root)
    with pytest.raises(CurationError, match="not a usable event id"):
        add_event(cur, "Bad Id", "x")
    with pytest.raises(CurationError, match="already exists"):
        add_event(cur, "war", "x")
    with pytest.raises(ValidationError, match="end 2020-01 is before the date 2021-01"):
        add_event(cur, "x", "X", date="2021-01", end="2020-01")
    with pytest.raises(NotFoundError, match="did you mean war"):
        merge_events(cur, "wars", "ceasefire")


# ------------------------------------------------------------------------- suggestions
@pytest.fixture
def suggested(root: Path) -> Path:
    (root / "claims/alpha.suggested.yaml").write_text(SUGGESTED_CLAIMS)
    (root / "events.suggested.yaml").write_text(SUGGESTED_EVENTS)
    return root


def test_accept_moves_the_suggestion_and_its_event(suggested):
    root = suggested
    result = accept_claims(Curator(root), ["alpha-s01"])
    assert result.ids == ("alpha-s01",) and result.details["events_accepted"] == ["new-talks"]
    curated = (root / "claims/alpha.yaml").read_text()
    assert curated.endswith('\n- id: alpha-s01\n  quote: "Ce paragraphe est en français"\n'
                            '  events: ["new-talks"]\n  kind: "fact"\n  speaker: "author"\n')
    assert "alpha-s01" not in (root / "claims/alpha.suggested.yaml").read_text()
    assert "alpha-s02" in (root / "claims/alpha.suggested.yaml").read_text()
    events = (root / "events.yaml").read_text()
    assert events.endswith('\n- id: new-talks\n  title: "New talks"\n  date: "2023-02"\n')
    assert "new-talks" not in (root / "events.suggested.yaml").read_text()
    assert curated_problems(root) == []


def test_reject_marks_the_suggestion(suggested):
    root = suggested
    before = (root / "claims/alpha.suggested.yaml").read_text()
    reject_claims(Curator(root), ["alpha-s02"])
    after = (root / "claims/alpha.suggested.yaml").read_text()
    assert changed_lines(before, after) == ["-  status: suggested", "+  status: rejected"]
    reject_events(Curator(root), ["other-talks"])
    assert "  status: rejected\n  by: briefing-suggest/1\n  confidence: 0.3\n  title: \"Other" \
        in (root / "events.suggested.yaml").read_text()
    with pytest.raises(NotFoundError, match="no suggested claim 'alpha-01'"):
        reject_claims(Curator(root), ["alpha-01"])
    with pytest.raises(CurationError, match="'new-talks' is suggested already: accept it"):
        add_event(Curator(root), "new-talks", "Talks")
    accept_events(Curator(root), ["new-talks"])
    assert "id: new-talks" in (root / "events.yaml").read_text()


def test_rejecting_an_event_takes_it_off_the_suggested_claims_naming_it(suggested):
    # Left naming it, they failed `check` until the next `suggest`.
    root = suggested
    result = reject_events(Curator(root), ["new-talks"])
    corpus, problems = load_corpus(root)
    assert problems == []
    assert corpus.claims["alpha-s01"].events == [] and corpus.claims["alpha-s02"].events == ["war"]
    assert "new-talks" not in corpus.events
    Curator(root).undo(result.undo)
    corpus, problems = load_corpus(root)
    assert problems == [] and corpus.claims["alpha-s01"].events == ["new-talks"]


def test_accepting_a_suggestion_whose_id_is_taken_renames_it(suggested):
    root = suggested
    text = (root / "claims/alpha.suggested.yaml").read_text().replace("alpha-s02", "alpha-01")
    (root / "claims/alpha.suggested.yaml").write_text(text)
    result = accept_claims(Curator(root), ["alpha-01"])
    assert result.renamed == {"alpha-01": "alpha-04"}
    corpus, _ = load_corpus(root)
    assert corpus.claims["alpha-04"].quote == "A second line with code"


# ------------------------------------------------------------------------- annotations
def test_annotations_follow_a_renamed_claim_and_come_back_on_undo(root, tmp_path):
    with AnnotationStore(tmp_path / "a.json", author="ana") as store:
        store.annotate("alpha-01", "the quote", add_tags=["troops"], note="check")
        store.annotate("alpha-01", "the quote", add_tags=["bob-tag"], author="bob")
        store.annotate("alpha-09", "old", add_tags=["kept"])
        cur = Curator(root, store=store)
        step = edit_claim(cur, "alpha-01", {"id": "alpha-09"})
        assert step.renamed == {"alpha-01": "alpha-09"}
        assert store.for_claim("alpha-01") == []
        moved = {a.author: a for a in store.for_claim("alpha-09")}
        assert moved["ana"].tags == ("kept", "troops") and moved["ana"].note == "check"
        assert moved["bob"].tags == ("bob-tag",)
        cur.undo(step.undo)
        assert {a.author for a in store.for_claim("alpha-01")} == {"ana", "bob"}
        assert [a.tags for a in store.for_claim("alpha-09")] == [("kept",)]
    corpus, problems = load_corpus(root)
    assert problems == [] and "alpha-01" in corpus.claims


def test_a_list_keeps_its_style(root):
    path = root / "claims/alpha.yaml"
    before = path.read_text()
    move_claims(Curator(root), ["alpha-03", "alpha-01"], "ceasefire", from_event=None)
    move_claims(Curator(root), ["alpha-02"], "ceasefire", from_event="war")
    assert changed_lines(before, path.read_text()) == [
        "-  events: war",
        "+  events: [ceasefire]",  # a single id becomes a list: one more event would need one
        "+    - ceasefire",  # alpha-03 writes its events one per line, and still does
    ]


def test_annotations_take_a_corrected_quote(root, tmp_path):
    with AnnotationStore(tmp_path / "a.json", author="ana") as store:
        store.annotate("alpha-03", "Lead paragraph with emphasis", add_tags=["lead"])
        cur = Curator(root, store=store)
        step = edit_claim(cur, "alpha-03", {"quote": "Lead paragraph with emphasis and a note"})
        [a] = store.for_claim("alpha-03")
        assert a.quote == "Lead paragraph with emphasis and a note" and a.tags == ("lead",)
        assert a.history[-1].quote == "Lead paragraph with emphasis"
        corpus, _ = load_corpus(root)
        from briefing.store.query import annotation_warnings
        assert annotation_warnings(store, corpus) == []
        cur.undo(step.undo)
        assert store.for_claim("alpha-03")[0].quote == "Lead paragraph with emphasis"


def test_accepting_the_last_suggestion_leaves_an_empty_list(suggested):
    root = suggested
    accept_claims(Curator(root), ["alpha-s01", "alpha-s02"])
    text = (root / "claims/alpha.suggested.yaml").read_text()
    assert text.startswith("# Suggested by") and text.endswith("\n\n[]\n")
    accept_events(Curator(root), ["other-talks"])
    assert (root / "events.suggested.yaml").read_text() == "[]\n"
    add_event(Curator(root), "later", "Later")  # and a step can add to an empty list again
    assert curated_problems(root) == []


def test_a_file_whose_entries_are_not_seen_is_refused_not_rewritten(root):
    path = root / "claims/beta.yaml"
    indented = "".join("  " + line for line in path.read_text().splitlines(True))
    path.write_text(indented)  # still a valid list, indented
    with pytest.raises(CurationError, match="not written as a list of '- id: ...' items"):
        add_claim(Curator(root), "beta", "so the source says", events=["war"])
    assert path.read_text() == indented


def test_crlf_files_keep_crlf(root):
    path = root / "claims/alpha.yaml"
    path.write_bytes(ODD_CLAIMS.replace("\n", "\r\n").encode())
    edit_claim(Curator(root), "alpha-02", {"kind": "assessment"})
    add_claim(Curator(root), "alpha", "Lead paragraph with emphasis and", events=["war"])
    data = path.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n") and b"kind: assessment" in data
    assert curated_problems(root) == []
