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
