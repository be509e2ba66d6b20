"""The reader over a real SSH session: Debian's sshd on 127.0.0.1, the ssh client in tmux.

Each test connects with `ssh -tt` inside an 80x24 tmux window, so the reader runs on a pty
allocated by sshd, with the TERM the client announces and the variables it sends (SetEnv).
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from reader_keys import next_claim_shown, tag_current_claim
from tmuxterm import sgr_colours

from briefing.loader import load_corpus
from briefing.paths import bundled_content
from briefing.store import AnnotationStore

pytestmark = [pytest.mark.ssh, pytest.mark.tmux, pytest.mark.slow]

CORPUS, _problems = load_corpus(bundled_content())
FIRST = next(iter(CORPUS.articles.values()))
FIRST_CLAIMS = [c.id for c in CORPUS.claims_for_article(FIRST.id)]
TITLE = FIRST.title[:30]


def remote_reader(exe: str, db: Path, *args: str) -> str:
    """The remote command: the reader with its store given by environment, as a login would
    (and its reading state beside it: no place left by an earlier run is reopened)."""
    state = shlex.quote(str(db.parent / "state"))
    return (f"BRIEFING_DB={shlex.quote(str(db))} BRIEFING_STATE_DIR={state} "
            f"exec {shlex.quote(exe)} {shlex.join(args)}").strip()


def connect(tmux, server, user: str, remote: str, term: str = "xterm-256color",
            **env: str) -> None:
    """Open the SSH session in the tmux window; ``env`` is sent over the wire."""
    sent = {"LANG": "C.UTF-8", **env}
    tmux.start(["env", f"TERM={term}", *server.ssh_argv(user, remote, env=sent)])


def pane_flag(tmux, name: str) -> str:
    out = tmux._tmux("display-message", "-p", "-t", tmux.target, f"#{{{name}}}")
    return out.stdout.strip()


def test_read_tag_export_and_quit_over_ssh(ssh_server, tmux, me, briefing_exe, workdir):
    db, exports = workdir / "annotations.json", workdir / "exports"
    exports.mkdir()
    remote = (f"BRIEFING_EXPORT_DIR={shlex.quote(str(exports))} "
              f"BRIEFING_STATE_DIR={shlex.quote(str(workdir / 'state'))} "
              + remote_reader(briefing_exe, db))
    connect(tmux, ssh_server, me, remote, COLORTERM="truecolor")
    screen = tmux.wait_for(TITLE)
    assert CORPUS.title[:20] in screen
    # Low bandwidth switched itself on (SSH detected): the app asked for no mouse reports at
    # all, so no pointer motion crosses the link.
    assert pane_flag(tmux, "mouse_any_flag") == "0"
    assert pane_flag(tmux, "mouse_standard_flag") == "0"

    next_claim_shown(tmux, FIRST_CLAIMS[0])
    next_claim_shown(tmux, FIRST_CLAIMS[1])
    tag_current_claim(tmux, FIRST_CLAIMS[1], "over-ssh")

    before = tmux.screen()
    tmux.send("]")
    tmux.wait_until(lambda s: s != before, what="the next section")

    tmux.send("e")  # export: the dialog proposes a path in BRIEFING_EXPORT_DIR
    tmux.wait_for("Export the brief")
    tmux.send("Enter")
    tmux.wait_for("Exported 1 annotation")
    (brief,) = exports.iterdir()
    text = brief.read_text(encoding="utf-8")
    # The passage, cited; a brief shows no claim ids, and names no one when one person wrote it
    # (the author is in the store, checked below).
    from briefing.export.mdsafe import escape_inline

    assert "over-ssh" in text and escape_inline(CORPUS.claims[FIRST_CLAIMS[1]].quote) in text

    tmux.send("q")
    tmux.wait_dead()
    assert TITLE not in tmux.screen()  # the reader restored the terminal on the way out
    store = AnnotationStore(db)
    got = [(a.claim_id, a.tags, a.author) for a in store.all()]
    store.close()
    assert got == [(FIRST_CLAIMS[1], ("over-ssh",), me)]


def test_local_terminal_keeps_the_mouse(tmux, briefing_exe, workdir):
    """The counterpart: without SSH the reader still tracks the mouse (low bandwidth off)."""
    tmux.start([briefing_exe, "read", "--db", str(workdir / "a.json")],
               env={"TERM": "xterm-256color"})
    tmux.wait_for(TITLE)
    assert pane_flag(tmux, "mouse_any_flag") == "1"


# TERM, COLORTERM, NO_COLOR -> the colour codes allowed on screen
TERMINALS = [
    ("xterm", None, None, "16"),
    ("screen", None, None, "16"),
    ("linux", None, None, "16"),
    ("xterm-256color", None, None, "256"),
    ("xterm-256color", "truecolor", None, "truecolor"),
    ("xterm", "truecolor", None, "truecolor"),
    ("xterm-256color", None, "1", "grey"),
]


def _rgb(code: str) -> tuple[int, int, int] | None:
    parts = code.split(";")
    if parts[1] == "2":
        return int(parts[2]), int(parts[3]), int(parts[4])
    n = int(parts[2])
    if n >= 232:
        v = 8 + 10 * (n - 232)
        return v, v, v
    if n >= 16:
        n -= 16
        steps = (0, 95, 135, 175, 215, 255)
        return steps[n // 36], steps[(n // 6) % 6], steps[n % 6]
    return None


@pytest.mark.parametrize(("term", "colorterm", "no_color", "expect"), TERMINALS,
                         ids=[f"{t}-{c or 'nocolorterm'}{'-NO_COLOR' if n else ''}"
                              for t, c, n, _ in TERMINALS])
def test_terminal_types_over_ssh(ssh_server, tmux, me, briefing_exe, workdir,
                                 term, colorterm, no_color, expect):
    env = {}
    if colorterm:
        env["COLORTERM"] = colorterm
    if no_color:
        env["NO_COLOR"] = no_color
    connect(tmux, ssh_server, me, remote_reader(briefing_exe, workdir / "a.json"), term=term,
            **env)
    tmux.wait_for(TITLE)
    colours = sgr_colours(tmux.screen(escapes=True))
    extended = {c for c in colours if c.startswith(("38;", "48;"))}
    if expect == "16":
        assert not extended, f"{term} without COLORTERM announces 16 colours: {sorted(extended)}"
    elif expect == "256":
        assert extended and not any(c.split(";")[1] == "2" for c in extended)
    elif expect == "truecolor":
        assert any(c.split(";")[1] == "2" for c in extended)
    else:  # NO_COLOR: shades of grey only (https://no-color.org)
        rgbs = {c: _rgb(c) for c in extended}
        hues = {c for c, rgb in rgbs.items() if rgb and len(set(rgb)) > 1}
        assert not hues, f"NO_COLOR still shows colours: {sorted(hues)}"
        assert not {c for c in colours if not c.startswith(("38;", "48;"))} - {"39", "49"}
    tmux.send("q")
    tmux.wait_dead()


@pytest.mark.parametrize("locale_env", [{"LANG": "C"}, {"LC_ALL": "POSIX", "LANG": "C.UTF-8"},
                                        {}], ids=["LANG=C", "LC_ALL=POSIX", "no-locale"])
def test_a_server_with_no_locale_starts_the_reader(ssh_server, tmux, me, briefing_exe, workdir,
                                                   locale_env):
    """Issue 17 item 9: a login that sets no locale (or C/POSIX) names no encoding: the reader
    starts, as other Textual apps do (Python runs in UTF-8 mode there)."""
    remote = remote_reader(briefing_exe, workdir / "a.json") + "; echo exit=$?; sleep 5"
    remote = remote.replace("exec ", "", 1)  # keep the shell to print the exit status
    # Only what we send: no LANG at all when locale_env is empty (UsePAM no: none is added).
    tmux.start(["env", "TERM=xterm-256color", *ssh_server.ssh_argv(me, remote, env=locale_env)])
    tmux.wait_for(TITLE)
    tmux.send("q")
    screen = tmux.wait_for("exit=")
    assert "exit=0" in screen and "locale is not UTF-8" not in screen


@pytest.mark.parametrize("locale_env", [{"LANG": "en_US.ISO-8859-1"},
                                        {"LC_ALL": "de_DE.ISO-8859-15@euro", "LANG": "C.UTF-8"}],
                         ids=["LANG=latin1", "LC_ALL=latin9"])
def test_a_locale_naming_another_encoding_gets_a_clear_message(ssh_server, tmux, me,
                                                               briefing_exe, workdir,
                                                               locale_env):
    remote = remote_reader(briefing_exe, workdir / "a.json") + "; echo exit=$?; sleep 5"
    remote = remote.replace("exec ", "", 1)
    tmux.start(["env", "TERM=xterm-256color", *ssh_server.ssh_argv(me, remote, env=locale_env)])
    screen = tmux.wait_for("exit=")
    assert "locale is not UTF-8" in screen and "LANG=C.UTF-8" in screen
    assert "exit=1" in screen
    assert TITLE not in screen
