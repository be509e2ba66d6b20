"""`briefing serve` answers only its own pages, clamps sizes and limits sessions.

A real aiohttp server (the GuardedServer's own app) on a loopback port, real WebSocket
clients sending the Origin a browser would send; the reader command is a tiny script that
records the terminal size textual-serve gave it.
"""

from __future__ import annotations

import asyncio
import contextlib
import shlex
import socket
import sys
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from briefing.serve_guard import GuardedServer, clamp_int, origin_of, own_origins


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _recorder(out: Path) -> str:
    """A reader stand-in: writes COLUMNSxROWS to ``out`` and runs until textual-serve sends it
    anything (its "quit" message on stdin)."""
    code = ("import os,sys; open(sys.argv[1],'a').write(os.environ['COLUMNS']+'x'+"
            "os.environ['ROWS']+'\\n'); sys.stdin.buffer.read(1)")
    return shlex.join([sys.executable, "-c", code, str(out)])


@contextlib.asynccontextmanager
async def running(server: GuardedServer):
    app = await server._make_app()
    app.on_startup.clear()  # textual-serve's banner: not wanted in test output
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", server.port)
    await site.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
        for _ in range(200):  # every reader process ended before the loop does
            if server.sessions == 0:
                break
            await asyncio.sleep(0.05)
    finally:
        await runner.cleanup()


def _server(tmp_path: Path, **kw) -> GuardedServer:
    return GuardedServer(_recorder(tmp_path / "sizes"), host="127.0.0.1", port=_free_port(),
                         title="briefing", **kw)


async def _wait_for(path: Path, lines: int) -> list[str]:
    for _ in range(200):
        if path.exists() and len(path.read_text().splitlines()) >= lines:
            return path.read_text().splitlines()
        await asyncio.sleep(0.05)
    raise AssertionError(f"{path} never got {lines} line(s)")


async def test_foreign_origin_refused_own_origin_accepted(tmp_path):
    server = _server(tmp_path)
    async with running(server) as base, aiohttp.ClientSession() as http:
        for origin in ("http://evil.example", "http://127.0.0.1:1", "null",
                       f"http://127.0.0.1.evil.example:{server.port}"):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(f"{base}/ws", headers={"Origin": origin})
            assert refused.value.status == 403, origin
        with pytest.raises(aiohttp.WSServerHandshakeError):  # no Origin at all
            await http.ws_connect(f"{base}/ws")
        for own in (base, f"http://localhost:{server.port}"):
            ws = await http.ws_connect(f"{base}/ws", headers={"Origin": own})
            await ws.close()
        page = await http.get(f"{base}/", headers={"Origin": "http://evil.example"})
        assert page.status == 403
        page = await http.get(f"{base}/")
        assert page.status == 200 and "/ws" in await page.text()
    assert server.refused["origin"] == 6


async def test_rebound_host_name_refused(tmp_path):
    """DNS rebinding: evil.example resolving to 127.0.0.1 sends Host: evil.example."""
    server = _server(tmp_path)
    async with running(server) as base, aiohttp.ClientSession() as http:
        page = await http.get(f"{base}/", headers={"Host": f"evil.example:{server.port}"})
        assert page.status == 421
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await http.ws_connect(f"{base}/ws", headers={
                "Host": f"evil.example:{server.port}",
                "Origin": f"http://evil.example:{server.port}"})


async def test_allow_origin_option_adds_a_site(tmp_path):
    server = _server(tmp_path, allowed_origins=["https://team.example.org/"])
    async with running(server) as base, aiohttp.ClientSession() as http:
        ws = await http.ws_connect(f"{base}/ws", headers={"Origin": "https://team.example.org"})
        await ws.close()
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await http.ws_connect(f"{base}/ws", headers={"Origin": "https://team.example.com"})


async def test_sizes_are_clamped(tmp_path):
    server = _server(tmp_path)
    async with running(server) as base, aiohttp.ClientSession() as http:
        ws = await http.ws_connect(f"{base}/ws?width=20000&height=20000",
                                   headers={"Origin": base})
        assert await _wait_for(tmp_path / "sizes", 1) == ["500x200"]
        await ws.close()
        page = await http.get(f"{base}/?fontsize=100000")
        assert 'data-font-size="48"' in await page.text()


async def test_session_limit_gives_a_clear_page(tmp_path):
    server = _server(tmp_path, max_sessions=2)
    async with running(server) as base, aiohttp.ClientSession() as http:
        first = await http.ws_connect(f"{base}/ws", headers={"Origin": base})
        second = await http.ws_connect(f"{base}/ws", headers={"Origin": base})
        with pytest.raises(aiohttp.WSServerHandshakeError) as full:
            await http.ws_connect(f"{base}/ws", headers={"Origin": base})
        assert full.value.status == 503
        page = await http.get(f"{base}/")
        assert page.status == 503 and "The reader is full" in await page.text()
        await first.close()
        for _ in range(100):  # the server notices the closed socket
            if server.sessions < 2:
                break
            await asyncio.sleep(0.05)
        third = await http.ws_connect(f"{base}/ws", headers={"Origin": base})
        await third.close()
        await second.close()


@pytest.mark.parametrize(("raw", "want"), [("80", 80), ("-5", 20), ("99999", 500), ("x", 80),
                                           ("1e9", 80)])
def test_clamp(raw, want):
    assert clamp_int(raw, 80, 20, 500) == want


def test_own_origins():
    assert origin_of("HTTP://LocalHost:8000/path") == "http://localhost:8000"
    assert origin_of("https://a.example:443") == "https://a.example"
    got = own_origins("127.0.0.1", 8000, None)
    assert {"http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"} <= got
    got = own_origins("0.0.0.0", 8000, "https://reader.example.org")
    assert "https://reader.example.org" in got and "http://localhost:8000" not in got
