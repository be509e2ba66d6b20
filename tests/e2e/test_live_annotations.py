"""Two readers in two real terminals (tmux, 80x24) on one store: what one tags, the other
shows within seconds, without a restart; its export is a real file whose path is shown."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from tmuxterm import Tmux

pytestmark = [pytest.mark.tmux, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
READ = [sys.executable, "-m", "briefing", "read"]


def reader(folder: Path, db: Path, exports: Path) -> Tmux:
    folder.mkdir()
    term = Tmux(folder)
    term.start(READ, env={"BRIEFING_DB": str(db), "BRIEFING_EXPORT_DIR": str(exports),
                          "BRIEFING_STATE_DIR": str(folder / "state"),
                          "PYTHONPATH": str(ROOT), "LOGNAME": folder.name, "USER": folder.name})
    return term


def tag_first_claim(term: Tmux, tag: str) -> None:
    term.send("n")
    term.send("t")
    term.wait_for("Tag claim dupuy-2022-01")
    term.send(tag, literal=True)
    term.send("Enter")
    term.wait_for(f"#{tag}")
    term.send("Escape")
    term.wait_until(lambda s: "Tag claim" not in s, what="the tag dialog to close")


def test_a_tag_written_in_one_reader_appears_in_the_other(workdir: Path):
    db, exports = workdir / "team.json", workdir / "exports"
    exports.mkdir()
    alice = reader(workdir / "alice", db, exports)
    bob = reader(workdir / "bob", db, exports)
    try:
        for term in (alice, bob):
            term.wait_for("Nagorno-Karabakh")
        assert "Nagorno-Karabakh✎" not in bob.screen()
        tag_first_claim(alice, "seen-by-bob")
        alice.wait_for("Nagorno-Karabakh✎")  # marked in the writer's own article text
        bob.wait_for("Nagorno-Karabakh✎", timeout=5)  # and, untouched, in the other reader
        bob.send("A")
        screen = bob.wait_for("#seen-by-bob")
        assert "alice" in screen and "1 of 1 annotation" in screen
        bob.send("e")
        bob.wait_for("Export the brief")
        bob.send("Enter")  # the proposed path, in BRIEFING_EXPORT_DIR
        screen = bob.wait_until(lambda s: "Exported 1 annotation" in s, what="the export")
        [path] = exports.iterdir()
        assert "seen-by-bob" in path.read_text(encoding="utf-8")
        assert str(exports)[:30] in screen  # the notification says where it went
    finally:
        alice.kill()
        bob.kill()
