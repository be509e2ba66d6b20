"""A page on another site (here: another localhost port) cannot drive `briefing serve`.

Cross-site WebSocket hijacking: any page the user visits could open ws://127.0.0.1:8000/ws,
read the briefing and type keys.  Headless Chromium loads such a page and we read what its
WebSocket saw.  With --allow-origin naming that page's origin the same page connects, which
shows the test can tell the two apart.
"""

from __future__ import annotations

import asyncio
import sys
import time

import pytest
from aiohttp import web
from browser import chromium
from sshd import free_port
from servers import web_server
from tmuxterm import clean_env

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ATTACK = """<!doctype html><title>evil</title><script>
window.result = "pending";
const ws = new WebSocket("ws://127.0.0.1:%d/ws?width=80&height=24");
ws.onopen = () => { window.result = "open"; ws.close(); };
ws.onerror = () => { window.result = "refused"; };
</script>"""


async def _attack_page(port: int, target: int) -> web.AppRunner:
    async def page(_request):
        return web.Response(text=ATTACK % target, content_type="text/html")
    app = web.Application()
    app.router.add_get("/", page)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return runner


async def _outcome(cdp, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = await cdp.evaluate("window.result")
        if result in ("open", "refused"):
            return result
        await asyncio.sleep(0.1)
    raise AssertionError("the attacking page's WebSocket never opened nor failed")


@pytest.mark.parametrize("allowed", [False, True], ids=["foreign-refused", "allow-listed"])
async def test_page_on_another_port_cannot_connect(workdir, allowed):
    evil_port = free_port()
    evil = f"http://127.0.0.1:{evil_port}"

    def argv(port: int) -> list[str]:
        extra = ["--allow-origin", evil] if allowed else []
        return [sys.executable, "-m", "briefing", "serve", "--port", str(port),
                "--db", str(workdir / "db.json"), *extra]

    env = {**clean_env(), "LANG": "C.UTF-8"}
    with web_server(argv, workdir, env=env) as (port, _proc, _log):
        runner = await _attack_page(evil_port, port)
        try:
            async with chromium(workdir) as cdp:
                await cdp.open_page(f"{evil}/")
                assert await _outcome(cdp) == ("open" if allowed else "refused")
        finally:
            await runner.cleanup()
