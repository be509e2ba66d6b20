"""`briefing --help` and `briefing check` never import Textual (BRIEF: keeps them fast).

Run in a fresh interpreter: the test process itself may already have imported Textual.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from briefing_dirs import write_briefing


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=60)


def test_help_and_check_do_not_import_textual(tmp_path):
    root = write_briefing(tmp_path / "c")
    done = run_python(f"""
        import sys
        from briefing.cli import main
        assert main(["--help"], standalone_mode=False) in (0, None)
        code = main(["check", "--content", {str(root)!r}], standalone_mode=False)
        print("exit", code)
        print("loaded", "briefing.loader" in sys.modules)
        print("textual", sorted(m for m in sys.modules if m == "textual" or m.startswith("textual.")))
    """)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "Usage: " in done.stdout  # --help really ran
    assert "2 articles, 4 sections, 5 paragraphs, 2 events, 3 claims" in lines
    assert "loaded True" in lines  # check really ran the loader
    assert lines[-1] == "textual []"


def test_check_with_problems_does_not_import_textual(tmp_path):
    root = write_briefing(tmp_path / "c", events="- id: [\n")
    done = run_python(f"""
        import sys
        from briefing.cli import main
        code = main(["check", "--content", {str(root)!r}], standalone_mode=False)
        print("exit", code)
        print("textual" in sys.modules)
    """)
    assert done.stdout.splitlines()[-2:] == ["exit 1", "False"], done.stdout + done.stderr


def test_every_command_but_the_reader_and_every_help_never_import_textual(tmp_path):
    # Each command in its own fresh interpreter: one importing Textual must not hide another.
    root = write_briefing(tmp_path / "c")
    raw = tmp_path / "raw.txt"
    raw.write_text("A title\n\nBy Anna Berg\n\nSome text that ends.\n", encoding="utf-8")
    db = str(tmp_path / "store.json")
    from briefing.cli import COMMANDS

    runs = [[name, "--help"] for name in COMMANDS] + [
        ["events"], ["claims"], ["claims", "--json"], ["coverage"], ["disagreements"],
        ["lexicon"], ["compare", "war"], ["search", "text"], ["check"],
        ["import", str(raw), "--out", str(tmp_path / "out"), "--dry-run"],
        ["annotate", "alpha-01", "--tag", "x", "--db", db], ["annotations", "--db", db],
        ["export", "-o", "-", "--db", db],
        ["claims", "add", "alpha", "--quote", "Lead paragraph", "--event", "war", "--db", db],
        ["events", "add", "talks", "--title", "Talks", "--db", db],
        ["highlight", "alpha", "--quote", "Lead paragraph", "--db", db],
    ]
    for args in runs:
        if args[0] not in ("import", "--help") and "--help" not in args:
            args = [*args, "--content", str(root)]
        done = run_python(f"""
            import sys
            from briefing.cli import main
            try:
                code = main({args!r}, standalone_mode=False)
            except SystemExit as exc:
                code = exc.code
            print("exit", code or 0)
            print("textual", sorted(m for m in sys.modules
                                    if m == "textual" or m.startswith("textual.")))
        """)
        lines = done.stdout.splitlines()
        assert lines[-2:] == ["exit 0", "textual []"], (args, done.stdout[-500:], done.stderr)


def test_command_list_in_help_is_not_cut_at_80_columns():
    from click.testing import CliRunner

    from briefing.cli import COMMANDS, main

    out = CliRunner().invoke(main, ["--help"], terminal_width=80).output
    listed = out.split("Commands:", 1)[1].splitlines()
    assert len([line for line in listed if line.strip()]) == len(COMMANDS)
    assert not [line for line in listed if line.rstrip().endswith("...")], out
