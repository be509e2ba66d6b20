"""The shared reading server recipe of docs/ssh-and-web.md, run as written.

The recipe's blocks are read from the document (so the README cannot drift from what was
tested), their paths swapped for temporary ones, and Debian's sshd runs them: two people
connected at once to one store, each annotation under its author's name.
"""

from __future__ import annotations

import re
import subprocess
import textwrap
from pathlib import Path

import pytest
from sshd import installed_briefing_for_everyone, start_sshd, throwaway_users
from tmuxterm import Tmux

from briefing.loader import load_corpus
from briefing.paths import bundled_content
from briefing.store import AnnotationStore

pytestmark = [pytest.mark.ssh, pytest.mark.tmux, pytest.mark.slow]

DOC = Path(__file__).resolve().parents[2] / "docs" / "ssh-and-web.md"
CORPUS, _ = load_corpus(bundled_content())
FIRST = next(iter(CORPUS.articles.values()))
TITLE = FIRST.title[:30]
GROUP = "bre2e-readers"
USERS = ["bre2e-alice", "bre2e-bob"]


def recipe_block(name: str) -> str:
    """The fenced block that follows ``<!-- recipe: name -->`` in the document."""
    text = DOC.read_text(encoding="utf-8")
    match = re.search(rf"<!-- recipe: {re.escape(name)} -->\s*\n(\s*)```[^\n]*\n(.*?)\n\s*```",
                      text, re.S)
    assert match, f"{DOC} has no block marked recipe: {name}"
    return textwrap.dedent(match.group(1) + match.group(2).replace("\n" + match.group(1), "\n"))


def install_recipe(workdir: Path, group: str | None) -> tuple[Path, str, Path]:
    """Write the forced-command script; return (script, sshd_config block, store path)."""
    briefing = installed_briefing_for_everyone(workdir)
    srv = workdir / "srv" / "briefing"
    srv.parent.mkdir()
    srv.parent.chmod(0o755)
    if group:  # step 1 of the recipe: the set-group-ID shared folder
        subprocess.run(["install", "-d", "-m", "2770", "-g", group, str(srv)], check=True)
    else:  # one shared account owns the folder
        srv.mkdir(mode=0o700)
    script = workdir / "bin" / "briefing-shared"
    script.parent.mkdir(exist_ok=True)
    script.write_text(recipe_block("briefing-shared")
                      .replace("/opt/briefing/bin/briefing", str(briefing))
                      .replace("/srv/briefing", str(srv)))
    script.chmod(0o755)
    config = (recipe_block("sshd_config")
              .replace("Match Group briefing", f"Match Group {group}")
              .replace("/usr/local/bin/briefing-shared", str(script)))
    return script, config, srv / "annotations.json"


def _terminals(workdir: Path, n: int) -> list[Tmux]:
    terms = []
    for i in range(n):
        d = workdir / f"term{i}"
        d.mkdir()
        terms.append(Tmux(d))
    return terms


def test_two_readers_share_one_store_each_under_their_name(workdir):
    with throwaway_users(USERS, GROUP, workdir / "home"):
        _script, config, store_path = install_recipe(workdir, GROUP)
        server = start_sshd(workdir / "sshd", extra_config=config)
        terms = _terminals(workdir, 2)
        try:
            for user in USERS:
                server.authorize(user)
            for term, user in zip(terms, USERS):
                term.start(["env", "TERM=xterm-256color",
                            *server.ssh_argv(user, env={"LANG": "C.UTF-8"})])
            for term in terms:  # both readers open at once
                term.wait_for(TITLE, timeout=30)

            # The forced command admits nothing else.
            denied = subprocess.run(
                [*server.ssh_argv(USERS[0], "id")], capture_output=True, text=True, timeout=30)
            assert denied.returncode == 1
            assert "opens the briefing reader only" in denied.stdout + denied.stderr

            claims = CORPUS.claims_for_article(FIRST.id)[:2]
            for user, claim in zip(USERS, claims):
                _annotate_as(user, store_path, claim.id, claim.quote, f"seen-by-{user}")

            for term in terms:
                term.send("q")
            for term in terms:
                term.wait_dead()
        finally:
            for term in terms:
                term.kill()
            server.stop()

        store = AnnotationStore(store_path)
        got = {(a.author, a.claim_id, a.tags) for a in store.all()}
        store.close()
        assert got == {(u, c.id, (f"seen-by-{u}",)) for u, c in zip(USERS, claims)}
        # the recipe keeps the store group-shared
        assert store_path.stat().st_gid == _gid(GROUP)
        assert store_path.stat().st_mode & 0o060 == 0o060


def test_one_account_tells_people_apart_by_their_key(workdir, me):
    """The authorized_keys variant: one login, one key per person, LOGNAME names the author."""
    script, _config, store_path = install_recipe(workdir, None)
    server = start_sshd(workdir / "sshd")
    people = ["alice", "bob"]
    terms = _terminals(workdir, 2)
    try:
        lines = []
        for person, template in zip(people, recipe_block("authorized_keys").splitlines()):
            pub = server.new_key(person).with_suffix(".pub").read_text().strip()
            lines.append(template.replace("/usr/local/bin/briefing-shared", str(script))
                         .split(" ssh-ed25519 ")[0] + " " + pub)
        server.authorized_keys(me, lines)
        for term, person in zip(terms, people):
            term.start(["env", "TERM=xterm-256color",
                        *server.ssh_argv(me, env={"LANG": "C.UTF-8"}, key=person)])
        for term in terms:
            term.wait_for(TITLE, timeout=30)
        # each reader's environment names its person: read it back from the running readers
        names = set()
        for pid in _reader_pids(store_path):
            env = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
            names |= {e.split(b"=", 1)[1].decode() for e in env if e.startswith(b"LOGNAME=")}
        assert names == set(people)
        for term in terms:
            term.send("q")
        for term in terms:
            term.wait_dead()
    finally:
        for term in terms:
            term.kill()
        server.stop()


def _reader_pids(store_path: Path) -> list[int]:
    """Processes whose environment points at this store (the readers the recipe started)."""
    needle = f"BRIEFING_DB={store_path}".encode()
    pids = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if needle in (proc / "environ").read_bytes().split(b"\0"):
                    pids.append(int(proc.name))
            except OSError:
                continue
    return pids


def _gid(group: str) -> int:
    import grp

    return grp.getgrnam(group).gr_gid


def _annotate_as(user: str, store_path: Path, claim_id: str, quote: str, tag: str) -> None:
    """Annotate as ``user`` with the recipe's umask (until the reader's `t` key is wired)."""
    python = store_path.parents[2] / "bin" / "python"
    code = ("import sys; from briefing.store import AnnotationStore; "
            "s = AnnotationStore(sys.argv[1]); "
            "s.annotate(sys.argv[2], sys.argv[3], add_tags=[sys.argv[4]]); s.close()")
    subprocess.run(["runuser", "-u", user, "--", "sh", "-c", 'umask 007; exec "$@"', "sh",
                    str(python), "-c", code, str(store_path), claim_id, quote, tag],
                   check=True, timeout=60)
