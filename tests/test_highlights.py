"""Highlights: passages that are not claims, kept in the store and re-anchored by their quote."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.loader import load_corpus
from briefing.store import AnnotationStore
from briefing.store.highlights import highlight_warnings, locate
from briefing_dirs import ALPHA, write_briefing


@pytest.fixture
def env(tmp_path, monkeypatch):
    content = write_briefing(tmp_path / "content")
    db = tmp_path / "annotations.json"
    monkeypatch.setenv("BRIEFING_CONTENT", str(content))
    monkeypatch.setenv("BRIEFING_DB", str(db))
    return content, db


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_highlight_a_passage_from_the_shell(env):
    content, db = env
    r = run("highlight", "alpha", "--quote", "A SECOND line with code", "--tag", "Style",
            "--note", "odd *markup*", "--author", "ana", "--json")
    assert r.exit_code == 0, r.output
    hl = json.loads(r.stdout)
    assert (hl["paragraph_id"], hl["quote"], hl["tags"], hl["author"]) == (
        "alpha/1/1", "A second line with code", ["style"], "ana")
    corpus, _ = load_corpus(content)
    assert corpus.paragraph("alpha/1/1").text[hl["start"]:hl["end"]] == "A second line with code"
    listed = json.loads(run("annotations", "--json").stdout)
    assert [h["id"] for h in listed["highlights"]] == [hl["id"]] and listed["tags"] == {"style": 1}
    assert "highlight alpha/1/1  ana" in run("annotations").stdout
    md = run("export", "-o", "-").stdout
    assert "## Highlights" in md and "> A second line with code" in md
    assert "odd \\*markup\\*" in md  # a note is escaped, never Markdown that changes the page
    # Cited as the brief cites a claim, not by ids; one author, so no name.
    assert "*Alpha article*" in md and "paragraph 1" in md and "alpha/1/1" not in md
    assert "ana," not in md.split("## Highlights")[1]
    data = json.loads(run("export", "-o", "-", "--format", "json").stdout)
    assert data["highlights"][0]["article_title"] == "Alpha article"
    rows = list(csv.DictReader(io.StringIO(
        run("export", "-o", "-", "--format", "csv").stdout.lstrip("\ufeff"))))
    assert [(r["quote"], r["comment"], r["tags"]) for r in rows] == [
        ("A second line with code", "odd *markup*", "style")]  # CSV keeps the note as typed
    assert "Alpha article" in rows[0]["source"] and "paragraph 1" in rows[0]["source"]


def test_highlights_by_two_people_name_them_as_the_brief_does(env):
    # Highlights alone (no annotation) by two people: each is named, this user as --by says.
    run("highlight", "alpha", "--quote", "A SECOND line with code", "--author", "ben")
    run("highlight", "alpha", "--quote", "Ce paragraphe est en", "--author", "ana")
    section = run("export", "-o", "-").stdout.split("## Highlights")[1]
    assert "ben, " in section and "ana, " in section
    alone = run("export", "-o", "-", "--author", "ben").stdout.split("## Highlights")[1]
    assert "ben, " not in alone and "ana, " not in alone and "A second line" in alone


def test_highlights_are_in_their_source_note_in_the_obsidian_export(env, tmp_path):
    run("highlight", "alpha", "--quote", "A SECOND line with code", "--note", "odd *markup*")
    r = run("export", "--format", "obsidian", "-o", str(tmp_path / "vault"))
    assert r.exit_code == 0, r.output
    [note] = (tmp_path / "vault" / "sources").iterdir()  # alpha has no annotated claim
    text = note.read_text(encoding="utf-8")
    assert "## Highlights" in text and "> A second line with code" in text
    assert "odd \\*markup\\*" in text and "Section “First section”, paragraph 1" in text
    [index] = (tmp_path / "vault").glob("*.md")
    assert f"[[sources/{note.stem}|" in index.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (["alpha", "--quote", "nowhere in it"], "quote not found in alpha"),
    (["alpha", "--quote", "twice here"], "found 2 times"),
    (["gamma", "--quote", "x"], "no such article"),
])
def test_highlight_errors_are_one_clear_line(env, args, message):
    r = CliRunner().invoke(main, ["highlight", *args])
    assert r.exit_code == 1 and message in r.stderr and "Traceback" not in r.output
    assert not env[1].exists()  # nothing was written


def test_a_highlight_is_reanchored_after_the_article_changes(env, tmp_path):
    content, db = env
    assert run("highlight", "alpha", "--quote", "Then twice here again", "--tag", "x").exit_code == 0
    with AnnotationStore(db) as store:
        [hl] = store.highlights.all()
    # Text inserted before it, in its paragraph, and a new paragraph before that one.
    edited = ALPHA.replace("Twice here. Then twice here again.",
                           "New words first. Twice here. Then twice here again.")
    edited = edited.replace("### A subsection\n", "### A subsection\n\nA new paragraph.\n")
    (content / "articles/alpha.md").write_text(edited)
    corpus, problems = load_corpus(content)
    assert problems == []
    pid, start, end = locate(hl, corpus.articles["alpha"])
    assert pid == "alpha/2/2" and corpus.paragraph(pid).text[start:end] == "Then twice here again"
    with AnnotationStore(db) as store:
        moved, lost = store.highlights.reanchor(corpus)
        assert [h.paragraph_id for h in moved] == ["alpha/2/2"] and lost == []
        assert store.highlights.all()[0].start == start
    assert run("check", "--db", str(db)).output.count("warning:") == 0


def test_check_reports_a_highlight_that_cannot_be_placed(env):
    content, db = env
    assert run("highlight", "alpha", "--quote", "Ce paragraphe est en", "--author", "ana").exit_code == 0
    (content / "articles/alpha.md").write_text(ALPHA.replace("Ce paragraphe est en français.",
                                                             "Ce texte a changé."))
    r = run("check", "--db", str(db))
    assert r.exit_code == 0  # the content is valid; the highlight keeps its quote
    [warning] = [line for line in r.output.splitlines() if line.startswith("warning:")]
    assert warning.startswith(f"warning: {db}: highlight ")
    assert "by ana on alpha/1/2: its quote is no longer in the article: \"Ce paragraphe est en\"" \
        in warning
    corpus, _ = load_corpus(content)
    with AnnotationStore(db) as store:
        assert len(highlight_warnings(store.highlights.all(), corpus)) == 1
        moved, lost = store.highlights.reanchor(corpus)
        assert moved == [] and [h.quote for h in lost] == ["Ce paragraphe est en"]


def test_highlight_tags_and_note_can_change(env, tmp_path):
    with AnnotationStore(tmp_path / "s.json", author="ana") as store:
        hl = store.highlights.add("alpha", "alpha/1/1", 0, 3, "The", tags=["a"])
        hl = store.highlights.update(hl.id, add_tags=["b"], remove_tags=["a"], note="n")
        assert (hl.tags, hl.note) == (("b",), "n")
        assert store.highlights.remove(hl.id) and store.highlights.all() == []
        with pytest.raises(ValueError):
            store.highlights.add("alpha", "alpha/1/1", 0, 3, "The", tags=["  "])


@pytest.mark.parametrize("fmt", ["markdown", "obsidian"])
def test_an_author_name_of_control_characters_leaves_no_stray_comma(env, tmp_path, fmt):
    # A name that is only control characters (a store file written by another tool) is
    # cleaned to nothing on reading: the date follows the tags alone.
    content, db = env
    r = run("highlight", "alpha", "--quote", "A SECOND line with code", "--tag", "style",
            "--author", "ana")
    assert r.exit_code == 0, r.output
    text = db.read_text(encoding="utf-8")
    db.write_text(text.replace('"author":"ana"', '"author":"\\u001b\\u0007\\u009b"'),
                  encoding="utf-8")
    if fmt == "markdown":
        text = run("export", "-o", "-").stdout
    else:
        assert run("export", "--format", fmt, "-o", str(tmp_path / "vault")).exit_code == 0
        [note] = (tmp_path / "vault" / "sources").iterdir()
        text = note.read_text(encoding="utf-8")
    assert "\x1b" not in text
    [line] = [x for x in text.splitlines() if "ags: `style`" in x]
    date = line[-10:]
    assert line.lower().endswith("tags: `style`; " + date) and date[:4].isdigit(), line
