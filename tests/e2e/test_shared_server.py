"""The shared reading server recipe of the README (docs/ssh-and-web.md), run as written.

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
from reader_keys import next_claim_shown, tag_current_claim
from sshd import installed_briefing_for_everyone, start_sshd, throwaway_users
from tmuxterm import Tmux

from briefing.loader import load_corpus
from briefing.paths import bundled_content
from briefing.store import AnnotationStore

pytestmark = [pytest.mark.ssh, pytest.mark.tmux, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", ROOT / "docs" / "ssh-and-web.md"]  # wherever the recipe lives
CORPUS, _ = load_corpus(bundled_content())
FIRST = next(iter(CORPUS.articles.values()))
TITLE = FIRST.title[:30]
GROUP = "bre2e-readers"
USERS = ["bre2e-alice", "bre2e-bob"]


def recipe_block(name: str) -> str:
    """The fenced block that follows ``<!-- recipe: name -->`` in the document."""
    pattern = rf"<!-- recipe: {re.escape(name)} -->\s*\n(\s*)```[^\n]*\n(.*?)\n\s*```"
    for doc in DOCS:
        match = doc.is_file() and re.search(pattern, doc.read_text(encoding="utf-8"), re.S)
        if match:
            break
    assert match, f"no block marked <!-- recipe: {name} --> in {[str(d) for d in DOCS]}"
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


def tag_claim(term: Tmux, nth: int, claim_id: str, tag: str) -> None:
    """In a running reader: go to the article's ``nth`` claim (1-based) and tag it."""
    claims = CORPUS.claims_for_article(FIRST.id)
    for k in range(nth):
        next_claim_shown(term, claims[k].id)
    assert claims[nth - 1].id == claim_id
    tag_current_claim(term, claim_id, tag)


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
            for nth, (term, user, claim) in enumerate(zip(terms, USERS, claims), 1):
                tag_claim(term, nth, claim.id, f"seen-by-{user}")

            # Bob's open reader picks up Alice's annotation on her claim, without a restart.
            terms[1].send("p")
            terms[1].wait_until(lambda s: claims[0].id in s and "annotated" in s,
                                what=f"{claims[0].id} marked annotated in bob's reader")

            # Alice's export holds both annotations, each under its author's name.
            terms[0].send("e")
            terms[0].wait_for("Exported 2 annotations")
            (brief,) = (workdir / "home" / USERS[0]).glob("*.md")  # sshd starts in $HOME
            text = brief.read_text(encoding="utf-8")
            from briefing.export.mdsafe import escape_inline

            for user, claim in zip(USERS, claims):  # the passage, cited; no ids in a brief
                assert user in text and f"seen-by-{user}" in text
                assert escape_inline(claim.quote) in text

            quit_all(terms)
        finally:
            for term in terms:
                term.kill()
            server.stop()

        assert stored(store_path) == {(u, c.id, (f"seen-by-{u}",)) for u, c in zip(USERS, claims)}
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
        claims = CORPUS.claims_for_article(FIRST.id)[:2]
        for nth, (term, person, claim) in enumerate(zip(terms, people, claims), 1):
            tag_claim(term, nth, claim.id, f"by-{person}")
        quit_all(terms)
    finally:
        for term in terms:
            term.kill()
        server.stop()
    assert stored(store_path) == {(p, c.id, (f"by-{p}",)) for p, c in zip(people, claims)}


def quit_all(terms) -> None:
    """q in every reader, then wait until each program has exited."""
    for term in terms:
        term.send("q")
    for term in terms:
        term.wait_dead()


def stored(store_path) -> set[tuple[str, str, tuple[str, ...]]]:
    """(author, claim id, tags) of every annotation in the store."""
    store = AnnotationStore(store_path)
    try:
        return {(a.author, a.claim_id, a.tags) for a in store.all()}
    finally:
        store.close()


def _gid(group: str) -> int:
    import grp

    return grp.getgrnam(group).gr_gid
