"""The other export formats (issue 17): CSV in Hypothesis' columns, JSON, the Obsidian folder,
the folder writer, and the path proposed to the reader's export dialog."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from briefing.export import (
    ExportError, build_brief, render_csv, render_json, render_obsidian, write_folder,
)
from briefing.export.location import (
    last_export_folder, propose_export_path, remember_export_folder,
)
from briefing.export.obsidian import wikilink
from briefing.store.query import Filters
from briefing.store.synthesis import Synthesis
from test_export_markdown import STAMP, ann, lint, structure
from test_export_markdown import corpus  # noqa: F401 - the shared corpus fixture

MD = MarkdownIt("commonmark")


def brief_of(corpus, annotations, **kw):
    return build_brief(annotations, corpus, Filters(), generated=STAMP, **kw)


# ---------------------------------------------------------------------------- CSV
def test_csv_has_hypothesis_columns_one_row_per_annotation(corpus):
    text = render_csv(brief_of(corpus, [
        ann("a-01", ["russia", "figures"], "=1+1 and\nsecond line", author="ana"),
        ann("a-01", ["csto"], "@bob's view", author="bob"),
        ann("gone-01", ["old"], "-orphan", quote="an old quote")]))
    assert text.startswith("\ufeff")  # Excel reads UTF-8 only with the mark
    rows = list(csv.DictReader(io.StringIO(text[1:], newline="")))
    assert list(rows[0]) == ["created", "author", "source", "URL", "quote", "comment", "tags"]
    assert len(rows) == 3  # a claim about two events is still one row per annotation
    first = rows[0]
    assert first["created"] == STAMP and first["author"] == "ana"
    assert first["source"] == ("Jane Doe, Alpha, outlet not stated, 2023-02 (inferred), "
                               "translated by T. Ranslator; opening, paragraph 2")
    assert first["URL"] == "https://example.org/alpha" and first["quote"] == "1,960 peacekeepers"
    assert first["comment"] == "'=1+1 and\nsecond line"  # shown as text, never run
    assert first["tags"] == "russia, figures"
    assert rows[1]["comment"] == "'@bob's view"
    assert rows[2]["quote"] == "an old quote" and rows[2]["comment"] == "'-orphan"
    assert rows[2]["source"] == "claim no longer in the briefing"


# ---------------------------------------------------------------------------- JSON
def test_json_lists_each_claim_once_and_sections_by_id(corpus):
    brief = brief_of(corpus, [ann("a-01", ["russia"], "n1"), ann("gone-01", ["old"], "orphan")],
                     synthesis=[Synthesis("Synthetic briefing", "My view.", "ana")])
    data = json.loads(render_json(brief))
    assert data["format"] == "briefing-export" and data["version"] == 2
    assert data["title"] == "Synthetic briefing"
    assert data["synthesis"][0]["text"] == "My view."
    assert data["summary"] == {"annotations": 2, "claims": 2, "sources": 1,
                               "by_tag": {"old": 1, "russia": 1}, "by_source": {"a": 1},
                               "by_event": {"war": 1, "cease": 1}, "not_linked": 0,
                               "orphaned": 1}
    assert [(e["event"]["id"], e["claims"]) for e in data["events"]] == [
        ("war", ["a-01"]), ("cease", ["a-01"])]
    # Counts equal what the sections list.
    assert {e["event"]["id"]: len(e["claims"]) for e in data["events"]} == \
        data["summary"]["by_event"]
    assert {f["tag"]: len(f["claims"]) for f in data["key_findings"]} == \
        data["summary"]["by_tag"]
    claim, orphan = data["claims"]
    assert claim["claim_id"] == "a-01" and claim["events"] == ["war", "cease"]
    assert claim["citation"]["paragraph_id"] == "a/0/2"
    assert claim["citation"]["text"].endswith("opening, paragraph 2")
    assert orphan["claim_id"] == "gone-01" and not orphan["exists"]
    [source] = data["sources"]
    assert source["translator"] == "T. Ranslator" and source["url"] == "https://example.org/alpha"
    assert source["inferred"] == ["published"]
    assert source["provenance"]["published"] == {"basis": "inferred", "note": "from the text"}
    assert data["disagreements"][0]["quantity"] == "peacekeepers"


# ---------------------------------------------------------------------------- Obsidian
def front_matter(text: str) -> dict:
    assert text.startswith("---\n")
    return yaml.safe_load(text[4:].split("\n---\n", 1)[0])


def test_obsidian_folder_has_linked_notes_per_source_and_event(corpus):
    files = render_obsidian(brief_of(corpus, [ann("a-01", ["russia"], "Check."),
                                              ann("b-01", ["csto"])]))
    assert sorted(files) == ["events/the-ceasefire.md", "events/the-war.md",
                             "sources/beta.md", "sources/doe-2023-alpha.md",
                             "synthetic-briefing.md"]
    source = files["sources/doe-2023-alpha.md"]
    meta = front_matter(source)
    assert meta["authors"] == ["Jane Doe"] and meta["url"] == "https://example.org/alpha"
    assert meta["translator"] == "T. Ranslator" and meta["inferred"] == ["published"]
    assert "[[events/the-war|The war]]" in source and "[[synthetic-briefing|" in source
    assert "Check." in source
    event = files["events/the-ceasefire.md"]
    assert front_matter(event)["date"] == "2020-11-09"
    assert "## [[sources/doe-2023-alpha|Jane Doe: Alpha]]" in event
    assert "## [[sources/beta|Unknown author: Beta]]" in event
    index = files["synthetic-briefing.md"]
    assert "[[events/the-war|The war]]" in index and "[[sources/beta|Beta]]" in index
    # Every link points at a note of the folder.
    import re

    for text in files.values():
        for target in re.findall(r"\[\[([^|\]]+)", text):
            assert target + ".md" in files
        assert lint(text) == []


def test_obsidian_names_and_links_from_hostile_titles(corpus):
    corpus.events["war"].title = "../../etc/passwd [[x|y]] #tag ^b"
    try:
        files = render_obsidian(brief_of(corpus, [ann("a-01", ["x"], "[[evil]] ```")]))
    finally:
        corpus.events["war"].title = "The war"
    assert "events/etc-passwd-x-y-tag-b.md" in files
    assert all(".." not in name and not name.startswith("/") for name in files)
    index = next(t for n, t in files.items() if "/" not in n)
    assert "[[events/etc-passwd-x-y-tag-b|../../etc/passwd   x y    tag  b]]" in index
    source = files["sources/doe-2023-alpha.md"]
    assert "\\[\\[evil\\]\\]" in source  # a note cannot add a link
    assert [k for k, _ in structure(source.split("\n---\n", 1)[1])].count("fence") == 0
    assert wikilink("a/b", "x]]y|z") == "[[a/b|x  y z]]"


def test_write_folder_is_atomic_and_replaces_only_its_own_folder(tmp_path):
    target = tmp_path / "brief"
    write_folder(target, {"index.md": "one\n", "sources/a.md": "a\n"})
    assert (target / "sources" / "a.md").read_text() == "a\n"
    with pytest.raises(ExportError, match="--force"):
        write_folder(target, {"index.md": "two\n"})
    write_folder(target, {"index.md": "two\n"}, force=True)
    assert (target / "index.md").read_text() == "two\n" and not (target / "sources").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief"]  # no temporary left
    other = tmp_path / "vault"
    other.mkdir()
    with pytest.raises(ExportError, match="not a folder written by"):
        write_folder(other, {"index.md": "x\n"}, force=True)
    for bad in ("../x.md", "/etc/x.md", "a/../../x.md", ".hidden.md", "a/b/c.md"):
        with pytest.raises(ExportError, match="unsafe"):
            write_folder(tmp_path / "new", {bad: "x"})
    assert not (tmp_path / "new").exists()


def test_a_failed_folder_write_keeps_the_previous_export(tmp_path, monkeypatch):
    target = tmp_path / "brief"
    write_folder(target, {"index.md": "one\n"})
    real_rename = os.rename

    def fail_second(src, dst):
        if Path(dst) == target and str(src).endswith(".tmp"):  # the new folder into place
            raise OSError(28, "No space left on device")
        return real_rename(src, dst)

    monkeypatch.setattr(os, "rename", fail_second)
    with pytest.raises(ExportError, match="could not write"):
        write_folder(target, {"index.md": "two\n"}, force=True)
    monkeypatch.undo()
    assert (target / "index.md").read_text() == "one\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief"]


# ---------------------------------------------------------------------------- location
def test_proposed_path_uses_the_remembered_folder_and_never_a_taken_name(tmp_path,
                                                                         monkeypatch):
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("BRIEFING_EXPORT_DIR", str(tmp_path / "configured"))
    (tmp_path / "configured").mkdir()
    day = date(2026, 12, 6)
    assert last_export_folder() is None
    assert propose_export_path("Armenia, Russia & the CSTO", "md", today=day) == \
        tmp_path / "configured" / "armenia-russia-the-csto-2026-12-06.md"
    chosen = tmp_path / "briefs"
    chosen.mkdir()
    assert remember_export_folder(chosen)
    proposed = propose_export_path("Armenia, Russia & the CSTO", "md", today=day)
    assert proposed == chosen / "armenia-russia-the-csto-2026-12-06.md"
    proposed.write_text("taken")
    assert propose_export_path("Armenia, Russia & the CSTO", "md", today=day).name == \
        "armenia-russia-the-csto-2026-12-06-2.md"
    assert propose_export_path("x", "obsidian", today=day).name == "x-2026-12-06"
    (tmp_path / "state" / "export.json").write_text("{not json")
    assert last_export_folder() is None  # a damaged state file is only forgotten


# ---------------------------------------------------------------------------- the bundled briefing
def test_the_bundled_briefing_exports_as_a_brief(tmp_path, monkeypatch):
    """What the analyst of issue 17 hit, on the real briefing: citations back to the sources,
    counts that match the sections, no ids, no "root", a synthesis, the disagreements."""
    import re

    from click.testing import CliRunner

    from briefing.cli import main

    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "db.json"))
    monkeypatch.delenv("BRIEFING_CONTENT", raising=False)
    monkeypatch.delenv("BRIEFING_AUTHOR", raising=False)
    monkeypatch.setattr("briefing.store.model.default_author", lambda: "root")
    runner = CliRunner()
    for claim, tag in (("tadevosian-2023-24", "russia-credibility"),
                       ("tadevosian-2023-18", "csto"), ("paylan-2023-15", "figures"),
                       ("dupuy-2022-14", "figures"), ("armenia-isolation-2023-37", "eu")):
        assert runner.invoke(main, ["annotate", claim, "--tag", tag, "--note", "Why."]) \
            .exit_code == 0
    assert runner.invoke(main, ["synthesis", "--set", "Russia's guarantee failed."]).exit_code == 0
    result = runner.invoke(main, ["export", "-o", "-"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    meta, body = front_matter(text), text.split("\n---\n", 1)[1]
    assert meta["title"] == "Armenia, Russia and the CSTO, 2020–2023"
    assert "Russia's guarantee failed." in body.split("## Key findings")[0]
    assert "Collective Security Treaty Organization founded" in \
        body.split("## Where the sources disagree")[1].split("## Evidence")[0]
    # Full citations: translator, inferred dates marked, outlet as known.
    assert "translated by Assen Slim" in body and "2023-07-03 (inferred)" in body
    assert "Reset DOC (inferred)" in body and "outlet unknown" not in body
    # The claim on Russia's credibility is under the CSTO request too, not only under Ukraine.
    evidence = body.split("## Evidence", 1)[1]
    for section in evidence.split("\n### ")[1:]:
        title = section.split("\n", 1)[0]
        count = int(re.search(re.escape(title) + r": (\d+) claim", evidence).group(1))
        assert section.count("\n> — ") == count, title
    article4 = next(s for s in evidence.split("\n### ")[1:] if s.startswith("Armenia invokes"))
    assert "credibility of Russia" in article4
    for internal in ("tadevosian-2023", "#### Claim", "/1/1", "root", ": annotations"):
        assert internal not in text
    assert lint(text) == []
    tokens = MD.parse(body)
    assert not [t for t in tokens if t.type in ("html_block", "code_block", "fence")]


def test_obsidian_brief_links_the_sources_it_cites(corpus):
    files = render_obsidian(brief_of(corpus, [ann("a-01", ["russia"], "Check.")]))
    index = files["synthetic-briefing.md"]
    assert "- “1,960 peacekeepers” ([[sources/doe-2023-alpha|Doe 2023]]): Check." in index
    disagreement = index.split("## Where the sources disagree", 1)[1].split("## Events")[0]
    assert "[[sources/doe-2023-alpha|Doe 2023]]" in disagreement
    assert "  - 1,900 (“1 900”): Beta" in disagreement  # not cited: no note, so no link
