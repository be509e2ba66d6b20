"""Key sequences for the reader in a real terminal, shared by the SSH tests."""

from __future__ import annotations

import time

from tmuxterm import Tmux


def next_claim_shown(term: Tmux, claim_id: str, timeout: float = 15.0) -> None:
    """Press `n` and wait until ``claim_id`` is on screen.

    The claim id is shown in the claim pane; at 80x24 that pane may start hidden, so when the
    id does not show up, `i` (claim info) is pressed once to open the pane.
    """
    term.send("n")
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline:
        if claim_id in term.screen():
            return
        time.sleep(0.1)
    term.send("i")
    term.wait_for(claim_id, timeout=timeout)


def tag_current_claim(term: Tmux, claim_id: str, tag: str) -> None:
    """`t`, type ``tag``, enter, then escape: the tag dialog for ``claim_id`` adds it."""
    term.send("t")
    term.wait_for(f"Tag claim {claim_id}")
    term.send(tag, literal=True)
    term.send("Enter")
    term.wait_for(f"#{tag}")
    term.send("Escape")
    term.wait_until(lambda s: "Tag claim" not in s, what="the tag dialog to close")
