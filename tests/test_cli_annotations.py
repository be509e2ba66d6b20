"""`briefing annotate | annotations | export` (issue 6 §3), on a small briefing on disk."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
from datetime import date

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing_dirs import write_briefing


@pytest.fixture
def env(tmp_path, monkeypatch):
    content = write_briefing(tmp_path / "content")
    db = tmp_path / "store" / "annotations.json"
    monkeypatch.setenv("BRIEFING_CONTENT", str(content))
    monkeypatch.setenv("BRIEFING_DB", str(db))
    monkeypatch.chdir(tmp_path)
    return tmp_path, db


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_annotate_then_list(env):
    _, db = env
    r = run("annotate", "alpha-01", "--tag", "Russia", "--tag", "peace keeping, figures",
            "--note", "Check *this*.", "--author", "ana")
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Saved alpha-01 (author ana, version 1): "
                               "tags russia, peace-keeping, figures; note 13 characters.")
    assert run("annotate", "beta-01", "--tag", "russia", "--author", "bob").exit_code == 0
    r = run("annotate", "alpha-01", "--untag", "figures", "--author", "ana")
    assert "version 2" in r.stdout and "figures" not in r.stdout
    r = run("annotate", "alpha-01", "--tag", "russia", "--author", "ana")
    assert r.stdout == "alpha-01: nothing changed.\n"

    r = run("annotations")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0].startswith("alpha-01  ana  ") and lines[0].endswith("russia, peace-keeping")
    assert lines[1] == "    Check *this*."
    assert lines[-1] == "2 annotation(s); tags: russia (2), peace-keeping (1)"

    data = json.loads(run("annotations", "--json", "--source", "beta").stdout)
    assert [a["claim_id"] for a in data["annotations"]] == ["beta-01"]
    assert data["filters"] == {"sources": ["beta"]} and data["tags"] == {"russia": 1}
    data = json.loads(run("annotations", "--json", "--author", "ana").stdout)
    [mine] = data["annotations"]
    assert mine["history"][0]["tags"] == ["russia", "peace-keeping", "figures"]
    assert run("annotations", "--event", "war", "--json").exit_code == 0


def test_unknown_ids_are_usage_errors(env):
    r = run("annotate", "alpha-1", "--tag", "x")
    assert r.exit_code == 2
    assert "unknown claim 'alpha-1'. Did you mean: alpha-01" in r.stderr
    assert "Traceback" not in r.output
    r = run("annotations", "--event", "wat")
    assert r.exit_code == 2 and "unknown event 'wat'. Did you mean: war?" in r.stderr
    r = run("export", "--source", "nope")
    assert r.exit_code == 2 and "unknown source 'nope'" in r.stderr
    assert not env[1].exists()  # nothing was written anywhere


def test_note_options(env, tmp_path):
    assert run("annotate", "alpha-01").exit_code == 2  # nothing to do
    note = tmp_path / "note.md"
    note.write_text("# From a file\n\n- with a list\n", encoding="utf-8")
    r = run("annotate", "alpha-01", "--note", "x", "--note-file", str(note))
    assert r.exit_code == 2 and "not both" in r.stderr
    assert run("annotate", "alpha-01", "--note-file", str(note)).exit_code == 0
    assert run("annotate", "alpha-02", "--note-file", "-", input="from stdin\n").exit_code == 0
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\xff\xfe bad")
    r = run("annotate", "alpha-01", "--note-file", str(bad))
    assert r.exit_code == 2 and "not UTF-8" in r.stderr
    data = json.loads(run("annotations", "--json").stdout)["annotations"]
    assert [a["note"] for a in data] == ["# From a file\n\n- with a list", "from stdin"]
    assert run("annotate", "alpha-01", "--tag", " , ").exit_code == 2  # an empty tag


def test_export_markdown_and_json(env):
    tmp, _ = env
    run("annotate", "alpha-01", "--tag", "russia", "--note", "```\n# swallowed?")
    run("annotate", "beta-01", "--tag", "csto")
    r = run("export")
    assert r.exit_code == 0, r.output
    target = tmp / f"test-briefing-{date.today().isoformat()}.md"  # the date in the name
    assert r.stdout == f"Wrote 2 annotation(s) on 2 claim(s) to {target}\n"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Test briefing\n")  # the briefing's own title
    assert "\n# Test briefing\n" in text and ": annotations" not in text
    assert "### The ceasefire (2020-11-09)" in text and "\\`\\`\\`\\\n\\# swallowed?" in text

    r = run("export")
    assert r.exit_code == 1 and "already exists; use --force" in r.stderr
    assert target.read_text(encoding="utf-8") == text
    assert run("export", "--force", "--tag", "csto").exit_code == 0
    assert "swallowed" not in target.read_text(encoding="utf-8")

    r = run("export", "-o", "out.json", "--source", "alpha")
    assert r.exit_code == 0
    data = json.loads((tmp / "out.json").read_text(encoding="utf-8"))
    assert data["summary"]["annotations"] == 1 and data["filters"] == {"sources": ["alpha"]}
    r = run("export", "-o", "-", "--format", "json")
    assert json.loads(r.stdout)["summary"]["annotations"] == 2
    r = run("export", "-o", str(tmp / "missing" / "x.md"))
    assert r.exit_code == 1 and "does not exist" in r.stderr


def test_any_tag_lists_and_exports_annotations_with_one_of_the_tags(env):
    tmp, _ = env
    run("annotate", "alpha-01", "--tag", "russia")
    run("annotate", "beta-01", "--tag", "csto")
    data = json.loads(run("annotations", "--json", "--tag", "russia", "--tag", "csto").stdout)
    assert data["annotations"] == []
    data = json.loads(run("annotations", "--json", "--tag", "russia", "--tag", "csto",
                          "--any-tag").stdout)
    assert [a["claim_id"] for a in data["annotations"]] == ["alpha-01", "beta-01"]
    assert data["filters"] == {"tags_any": ["russia", "csto"]}
    r = run("export", "-o", "either.md", "--tag", "russia", "--tag", "csto", "--any-tag")
    assert r.stdout.startswith("Wrote 2 annotation(s) on 2 claim(s)")
    text = (tmp / "either.md").read_text(encoding="utf-8")
    assert "Only annotations matching these filters: any of the tags: `russia`, `csto`." in text
    assert "tags_any:" in text.split("\n---\n", 1)[0]  # the front matter says which


def test_export_every_format_with_dated_default_names(env):
    tmp, _ = env
    run("annotate", "alpha-01", "--tag", "russia", "--note", "=HYPERLINK(\"x\")")
    stem = f"test-briefing-{date.today().isoformat()}"
    for fmt, name in (("md", stem + ".md"), ("csv", stem + ".csv"), ("json", stem + ".json"),
                      ("obsidian", stem)):
        r = run("export", "--format", fmt)
        assert r.exit_code == 0, r.output
        assert r.stdout.endswith(f"to {tmp / name}\n")
        r = run("export", "--format", fmt)  # never overwritten without --force
        assert r.exit_code == 1 and "already exists" in r.stderr
    assert (tmp / stem / ".briefing-export").is_file()
    assert run("export", "--format", "obsidian", "--force").exit_code == 0
    rows = (tmp / (stem + ".csv")).read_text(encoding="utf-8-sig").splitlines()
    assert rows[0] == "created,author,source,URL,quote,comment,tags"
    assert "'=HYPERLINK" in rows[1]  # a spreadsheet shows it as text, never runs it
    r = run("export", "-o", "-", "--format", "obsidian")
    assert r.exit_code == 2 and "folder" in r.stderr
    r = run("export", "-o", "notes.csv")  # the suffix names the format
    assert r.exit_code == 0 and (tmp / "notes.csv").read_text(encoding="utf-8-sig") \
        .startswith("created,")


def test_export_refuses_to_replace_a_folder_it_did_not_write(env):
    tmp, _ = env
    run("annotate", "alpha-01", "--tag", "russia")
    vault = tmp / "vault"
    vault.mkdir()
    (vault / "mine.md").write_text("my own note", encoding="utf-8")
    r = run("export", "--format", "obsidian", "-o", str(vault), "--force")
    assert r.exit_code == 1 and "not a folder written by" in r.stderr
    assert [p.name for p in vault.iterdir()] == ["mine.md"]
    r = run("export", "--format", "obsidian", "-o", str(vault / "brief"))
    assert r.exit_code == 0 and (vault / "brief" / "sources").is_dir()


def test_export_remembers_its_folder(env, monkeypatch):
    tmp, _ = env
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp / "state"))
    run("annotate", "alpha-01", "--tag", "russia")
    out = tmp / "briefs"
    out.mkdir()
    assert run("export", "-o", str(out / "b.md")).exit_code == 0
    from briefing.export.location import last_export_folder, propose_export_path

    assert last_export_folder() == out.resolve()
    proposed = propose_export_path("Test briefing", "md")
    assert proposed == out.resolve() / f"test-briefing-{date.today().isoformat()}.md"


def test_synthesis_command_and_the_brief_that_opens_with_it(env, tmp_path, monkeypatch):
    r = run("synthesis")
    assert r.exit_code == 0 and "No synthesis yet" in r.stderr
    r = run("synthesis", "--set", "First view.\n\n# not a heading", "--author", "ana")
    assert r.exit_code == 0 and "version 1" in r.stdout
    r = run("synthesis", "--file", "-", "--author", "ana", input="Second view.\n")
    assert r.exit_code == 0 and "version 2" in r.stdout
    assert run("synthesis", "--author", "ana").stdout == "Second view.\n"
    assert run("synthesis", "--set", "x", "--edit").exit_code == 2
    monkeypatch.setattr("click.edit", lambda text, **kw: text + "\nEdited.")
    r = run("synthesis", "--edit", "--author", "ana")
    assert r.exit_code == 0 and "version 3" in r.stdout
    run("annotate", "alpha-01", "--tag", "russia", "--author", "ana")
    text = run("export", "-o", "-", "--author", "ana").stdout
    body = text.split("## Synthesis\n", 1)[1].split("## Key findings", 1)[0]
    assert body.strip() == "Second view.\\\nEdited."
    data = json.loads(run("export", "-o", "-", "--format", "json").stdout)
    [syn] = data["synthesis"]
    assert syn["text"] == "Second view.\nEdited." and syn["version"] == 3
    # Nothing lost: the earlier texts are kept in the store.
    from briefing.store import AnnotationStore
    from briefing.store.synthesis import get_synthesis

    kept = get_synthesis(AnnotationStore(env[1], author="ana"), "Test briefing")
    assert [t for _, t, _ in kept.history] == ["First view.\n\n# not a heading", "Second view."]


@pytest.mark.parametrize("damage", [b"", b"\0" * 512, b"\xff\xfe\xfd\n", b"{\"format\": \"brief",
                                    b"not json at all\n"])
def test_a_damaged_store_at_start_is_moved_aside_and_reported(env, damage):
    _, db = env
    db.parent.mkdir(parents=True)
    db.write_bytes(damage)
    r = run("annotations")
    assert r.exit_code == 0
    assert "warning: The annotation store" in r.stderr and "moved to" in r.stderr
    [aside] = db.parent.glob("annotations.json.corrupt-*")
    assert aside.read_bytes() == damage and str(aside) in r.stderr
    assert r.stdout == "0 annotation(s); tags: none\n"
    assert run("annotate", "alpha-01", "--tag", "x").exit_code == 0  # and it works again


def test_a_failed_save_is_an_error_not_a_success(env, monkeypatch):
    run("annotate", "alpha-01", "--tag", "kept")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(os, "fsync", full)
        r = run("annotate", "alpha-01", "--tag", "lost")
    assert r.exit_code == 1
    assert "the disk is full; nothing was saved" in r.stderr and "Saved" not in r.stdout
    data = json.loads(run("annotations", "--json").stdout)["annotations"]
    assert data[0]["tags"] == ["kept"]


def test_annotation_commands_do_not_import_textual(env):
    tmp, db = env
    code = textwrap.dedent(f"""
        import sys
        from briefing.cli import main
        for args in (["annotate", "alpha-01", "--tag", "x"], ["annotations"],
                     ["export", "-o", {str(tmp / "o.md")!r}]):
            try:
                main(args, standalone_mode=False)
            except SystemExit:
                pass
        print("textual" in sys.modules, "briefing.store" in sys.modules)
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env={**os.environ})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-2:] == ["False", "True"]
    assert (tmp / "o.md").exists()


def test_arguments_that_are_not_utf8_are_cleaned_not_crashing(env):
    # Bytes that are not UTF-8 on the command line reach Python as lone surrogates (PEP 383);
    # they used to crash the store's JSON encoding (a traceback for --author).
    bad = b"\xff\x9b".decode("utf-8", "surrogateescape")
    r = run("annotate", "alpha-01", "--tag", f"ok{bad}", "--note", f"n{bad}",
            "--author", f"ana{bad}")
    assert r.exit_code == 0, r.output
    data = json.loads(run("annotations", "--json").stdout)
    [saved] = data["annotations"]
    assert (saved["tags"], saved["note"], saved["author"]) == (["ok"], "n", "ana")


def test_note_file_that_never_ends_or_is_huge_is_refused(env, tmp_path):
    # `--note-file /dev/zero` read without end (memory); a 4 MB file was saved as a note,
    # then rewritten with the store on every later write.
    r = run("annotate", "alpha-01", "--note-file", "/dev/zero")
    assert r.exit_code == 2 and "not a regular file" in r.stderr
    big = tmp_path / "big.txt"
    big.write_text("word " * 60_000, encoding="utf-8")  # 300 KB
    r = run("annotate", "alpha-01", "--note-file", str(big))
    assert r.exit_code == 2 and "too long for a note" in r.stderr
    r = run("annotate", "alpha-01", "--note-file", "-", input="word " * 60_000)
    assert r.exit_code == 2 and "too long for a note" in r.stderr
    assert json.loads(run("annotations", "--json").stdout)["annotations"] == []


def test_export_output_paths_odd_and_hostile(env):
    tmp, _ = env
    # "new/" is Path("new"): a file named "new" was written where a folder was meant.
    r = run("export", "-o", "new/")
    assert r.exit_code == 2 and "names a folder" in r.stderr and not (tmp / "new").exists()
    (tmp / "afile").write_text("x")
    r = run("export", "-o", "afile/x.md")
    assert r.exit_code == 1 and "afile is not a folder" in r.stderr
    r = run("export", "-o", "e\x1b]0;t\x07.md")  # the name is the user's, the echo is safe
    assert r.exit_code == 0 and "\x1b" not in r.output and "e\\x1b]0;t\\x07.md" in r.output
    r = run("export", "-o", "-")
    assert r.exit_code == 0 and r.stdout.startswith("---\n")


def test_export_goes_on_when_part_of_the_content_is_broken(env):
    """A broken claims file must not hold the user's annotations hostage: the export warns
    (path:line), keeps what loaded, and lists the rest with their quotes and notes."""
    tmp, _ = env
    assert run("annotate", "alpha-01", "--tag", "kept", "--author", "ana").exit_code == 0
    assert run("annotate", "beta-01", "--note", "Still mine.", "--author", "ana").exit_code == 0
    broken = tmp / "content" / "claims" / "beta.yaml"
    broken.write_text("- id: beta-01\n  quote: [unclosed\n", encoding="utf-8")
    r = run("export", "-o", "out.md")
    assert r.exit_code == 0, r.output
    assert f"warning: {broken}:" in r.stderr and "run `briefing check`" in r.stderr
    text = (tmp / "out.md").read_text(encoding="utf-8")
    assert "Tags: `kept`" in text.split("### No longer in the briefing", 1)[0]
    orphans = text.split("### No longer in the briefing", 1)
    assert len(orphans) == 2 and "Still mine." in orphans[1]
    assert "> 1 900 men were deployed" in orphans[1]  # the quote annotated, though its claim is gone
    r = run("annotations")  # the list never needed the content
    assert r.exit_code == 0 and "Still mine." in r.stdout
    r = run("annotate", "beta-01", "--tag", "x", "--author", "ana")
    assert r.exit_code == 2 and "cannot be annotated" in r.stderr
