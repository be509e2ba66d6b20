"""The SSH harness itself: a real sshd, a real client in a real terminal."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.ssh, pytest.mark.tmux]


def test_ssh_session_carries_terminal_and_environment(ssh_server, tmux, me):
    remote = ('printf "TERM=%s LANG=%s COLORTERM=%s SSH=%s\\n" '
              '"$TERM" "$LANG" "$COLORTERM" "${SSH_CONNECTION:+yes}"; sleep 30')
    argv = ssh_server.ssh_argv(me, remote, env={"LANG": "C.UTF-8", "COLORTERM": "truecolor"})
    tmux.start(["env", "TERM=xterm-256color", *argv])
    screen = tmux.wait_for("SSH=yes")
    assert "TERM=xterm-256color LANG=C.UTF-8 COLORTERM=truecolor SSH=yes" in screen
