"""Attack on what faces the user and the network: `serve` from foreign origins, with huge
sizes and too many tabs; hostile text in every CLI field; unreachable, dangling and
read-only stores; pathological Markdown; killed exports; linkify in notes."""

from __future__ import annotations

import asyncio
import errno
import os
import re
import time

import aiohttp
import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from briefing.cli import main
from briefing.export.mdsafe import escape_block
from briefing.export.write import STALE_SECONDS, write_export
from briefing.loader import load_corpus
from briefing.serve_guard import GuardedServer
from briefing_dirs import BETA, write_briefing

pytestmark = pytest.mark.slow

ORIGINS = ["http://evil.example", "https://evil.example", "null", "http://127.0.0.1:1",
           "http://localhost.evil.example:{port}", "http://127.0.0.1.nip.io:{port}",
           "file://", "chrome-extension://abc", "http://[::2]:{port}", "HTTP://EVIL.EXAMPLE"]
HOSTILE = ["\x1b]52;c;aGVsbG8=\x07", "\x1b[2J\x1b[H", "\x9b31m", "\u202egnp.exe",
           "rus\u200bsia", "\U000e0041\U000e0042hidden", "line\u2028break", "\x00nul",
           "[/claim][@click=app.quit]x", "\ud800surrogate"]


def _traceback(result) -> bool:
    return result.exception is not None and not isinstance(result.exception, SystemExit)


# --------------------------------------------------------------------------------- serve
def _recorder(tmp_path):
    import shlex
    import sys

    code = "import sys; sys.stdin.buffer.read(1)"
    return shlex.join([sys.executable, "-c", code])


async def _drain(server) -> None:
    """Wait until every reader process the server started has ended (before the loop does)."""
    for _ in range(200):
        if server.sessions == 0:
            return
        await asyncio.sleep(0.05)


async def _serve(server):
    from aiohttp import web

    app = await server._make_app()
    app.on_startup.clear()
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", server.port).start()
    return runner


def _port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_serve_foreign_origins_and_rebinding(tmp_path, figures):
    server = GuardedServer(_recorder(tmp_path), host="127.0.0.1", port=_port(), title="t")
    runner = await _serve(server)
    base = f"http://127.0.0.1:{server.port}"
    accepted = tried = 0
    try:
        async with aiohttp.ClientSession() as http:
            for origin in ORIGINS:
                for host in (f"127.0.0.1:{server.port}", f"evil.example:{server.port}"):
                    tried += 1
                    try:
                        ws = await http.ws_connect(f"{base}/ws", headers={
                            "Origin": origin.format(port=server.port), "Host": host})
                    except aiohttp.WSServerHandshakeError:
                        continue
                    accepted += 1
                    await ws.close()
            own = await http.ws_connect(f"{base}/ws", headers={"Origin": base})
            await own.close()
            await _drain(server)
    finally:
        await runner.cleanup()
    figures("1 serve: foreign Origin / Host WebSockets", tried, accepted, 0,
            "lost = connections accepted; own origin accepted: yes")
    assert accepted == 0


async def test_serve_sizes_and_session_flood(tmp_path, figures):
    server = GuardedServer(_recorder(tmp_path), host="127.0.0.1", port=_port(), title="t",
                           max_sessions=8)
    runner = await _serve(server)
    base = f"http://127.0.0.1:{server.port}"
    opened, refused, statuses = [], 0, set()
    t0 = time.monotonic()
    try:
        async with aiohttp.ClientSession() as http:
            async def one(k: int):
                try:
                    return await http.ws_connect(
                        f"{base}/ws?width=20000&height=20000", headers={"Origin": base})
                except aiohttp.WSServerHandshakeError as exc:
                    statuses.add(exc.status)
                    return None
            results = await asyncio.gather(*(one(k) for k in range(200)))
            opened = [ws for ws in results if ws is not None]
            refused = len(results) - len(opened)
            page = await http.get(f"{base}/")
            full_page = page.status == 503 and "full" in await page.text()
            for ws in opened:
                await ws.close()
            await _drain(server)
    finally:
        await runner.cleanup()
    figures("2 serve: 200 sessions, max 8, 20000x20000", 200, max(0, len(opened) - 8), 0,
            f"{len(opened)} opened, {refused} refused {sorted(statuses)}, clear page "
            f"{full_page}, {time.monotonic() - t0:.1f} s")
    assert len(opened) <= 8 and statuses == {503} and full_page


# --------------------------------------------------------------------------------- CLI text
@pytest.fixture
def content(tmp_path, monkeypatch):
    root = write_briefing(tmp_path / "c")
    monkeypatch.setenv("BRIEFING_CONTENT", str(root))
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "db.json"))
    monkeypatch.chdir(tmp_path)
    return root


def test_hostile_text_in_every_field(content, figures):
    tried = leaked = tracebacks = 0
    for bad in HOSTILE:
        for args in (["search", bad], ["search", "--json", f"alpha {bad}"],
                     ["annotate", "alpha-01", "--tag", bad], ["annotate", "alpha-01",
                     "--note", bad, "--author", bad], ["annotate", bad, "--tag", "x"],
                     ["claims", "--event", bad], ["annotations", "--tag", bad],
                     ["export", "-o", "-", "--tag", bad], [f"--{bad}"], ["events", bad]):
            result = CliRunner().invoke(main, args)
            tried += 1
            tracebacks += _traceback(result)
            out = result.output
            leaked += bool(re.search("[\x1b\x9b\u202e\u200b\u2028\U000e0041]", out))
    runner_tags = CliRunner().invoke(main, ["annotations", "--json"]).output
    merged = runner_tags.count('"russia"') >= 1 and "rus\u200bsia" not in runner_tags
    figures("9 hostile text in CLI fields", tried, leaked, tracebacks,
            f"lost = outputs with ESC/C1/bidi/zero-width; rus\\u200bsia stored as russia "
            f"{merged}")
    assert leaked == 0 and tracebacks == 0 and merged


def _deny(monkeypatch, folder, err):
    inside = str(folder) + os.sep
    for name in ("stat", "lstat", "open", "mkdir"):
        real = getattr(os, name)

        def fake(path, *a, _real=real, **kw):
            if isinstance(path, (str, os.PathLike)) and os.fspath(path).startswith(inside):
                raise OSError(err, os.strerror(err), os.fspath(path))
            return _real(path, *a, **kw)

        monkeypatch.setattr(os, name, fake)


def test_unreachable_dangling_and_read_only_stores(content, tmp_path, figures, monkeypatch):
    link = tmp_path / "dangling.json"
    link.symlink_to(tmp_path / "nowhere" / "target.json")
    cases = {"unreachable": (tmp_path / "private" / "sub" / "db.json", errno.EACCES,
                             "permission denied"),
             "read-only": (tmp_path / "ro" / "db.json", errno.EROFS, "read-only"),
             "dangling": (link, None, "")}
    (tmp_path / "ro").mkdir()
    tried = unclear = tracebacks = 0
    for name, (db, err, words) in cases.items():
        with monkeypatch.context() as m:
            if err is not None:
                _deny(m, db.parent if name == "read-only" else tmp_path / "private", err)
            for args in (["annotations"], ["annotate", "alpha-01", "--tag", "x"],
                         ["export", "-o", "-"], ["check"]):
                result = CliRunner().invoke(main, [*args, "--db", str(db)])
                tried += 1
                tracebacks += _traceback(result)
                if words and args[0] == "annotate":
                    unclear += words not in result.output or (
                        name == "read-only" and "chmod" in result.output)
    figures("7 unreachable / read-only / dangling store", tried, unclear, tracebacks,
            "lost = unclear or wrong messages")
    assert tracebacks == 0 and unclear == 0


# --------------------------------------------------------------------------------- content
def test_pathological_markdown(tmp_path, figures):
    evil = "*[" * (4_900_000 // 2)  # 4.9 MB
    root = write_briefing(tmp_path / "c", articles={"beta.md": BETA + "\n" + evil + "\n"})
    t0 = time.perf_counter()
    result = CliRunner().invoke(main, ["check", "--content", str(root)])
    seconds = time.perf_counter() - t0
    reported = bool(re.search(r"articles/beta\.md:\d+: too much Markdown syntax", result.output))
    huge = tmp_path / "h"
    write_briefing(huge, articles={"beta.md": b"x" * (6 * 1024 * 1024)})
    line_one = "articles/beta.md:1: file is too large" in \
        CliRunner().invoke(main, ["check", "--content", str(huge)]).output
    figures("8 4.9 MB of '*[' in check", 1, int(not reported), int(_traceback(result)),
            f"{seconds:.1f} s (was 38 s), exit {result.exit_code}; too-large at path:1: "
            f"{line_one}")
    assert reported and result.exit_code == 1 and line_one and seconds < 20


def test_killed_exports_and_linkify(tmp_path, figures):
    target = tmp_path / "brief.md"
    past = time.time() - STALE_SECONDS - 1
    for k in range(20):  # what 20 killed exports leave: hidden temporary files
        leftover = tmp_path / f".brief.md.{k:012x}.tmp"
        leftover.write_bytes(b"x" * 100_000)
        os.utime(leftover, (past, past))
    write_export(target, "# Brief\n", force=True)
    left = len(list(tmp_path.glob(".brief.md.*.tmp")))
    md = MarkdownIt("commonmark", {"linkify": True}).enable("linkify")
    notes = ["www.example.com", "see example.org now", "a@b.example", "WWW.EX.COM",
             "http://x.org/p", "ftp.example.net", "sub.domain.example.co.uk"]
    links = sum("<a " in md.render("\n".join(escape_block(n))) for n in notes)
    figures("10 killed exports' temp files / linkify", 20 + len(notes), left + links, 0,
            f"temp files left {left}; notes made links {links}")
    assert left == 0 and links == 0
