"""User keymaps: parsed from `binding-id = keys` lines; problems as path:line: message."""

from __future__ import annotations

import subprocess
import sys

from briefing.keymap import load_keymap, parse_keymap


def test_parse_keeps_valid_lines_and_reports_the_others():
    keymap, problems = parse_keymap(
        "# my keys\n"
        "reader.next_claim = j, down\n"
        "reader.prev_claim = k   # up one claim\n"
        "\n"
        "nonsense\n"
        "Reader.Bad = x\n"
        "app.quit = q w\n"
        "reader.search = /\n", "km")
    assert keymap == {"reader.next_claim": "j,down", "reader.prev_claim": "k", "reader.search": "/"}
    assert [str(p) for p in problems] == [
        "km:5: expected `binding-id = keys`",
        "km:6: not a binding id: 'Reader.Bad' (see `?`)",
        "km:7: not a key: 'q w'",
    ]


def test_missing_file_is_no_keymap(tmp_path):
    assert load_keymap(tmp_path / "none") == ({}, [])


def test_read_refuses_a_broken_keymap_before_starting(tmp_path):
    km = tmp_path / "keymap"
    km.write_text("reader.next_claim j\n")
    env = {"BRIEFING_KEYMAP": str(km), "BRIEFING_DB": str(tmp_path / "a.json"),
           "BRIEFING_CACHE_DIR": str(tmp_path / "cache"), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
           "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "briefing", "read"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"{km}:1: expected `binding-id = keys`" in result.stderr
