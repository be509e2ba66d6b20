"""deliver_export through textual-serve in headless Chromium: the export arrives as a download."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest
from browser import chromium
from servers import web_server
from tmuxterm import clean_env

pytestmark = [pytest.mark.browser, pytest.mark.slow]

APP = Path(__file__).parent / "apps" / "deliver_app.py"


def _serve_app(port: int) -> list[str]:
    command = shlex.join([sys.executable, str(APP)])
    code = ("import sys; from textual_serve.server import Server; "
            f"Server(sys.argv[1], host='127.0.0.1', port={port}).serve()")
    return [sys.executable, "-c", code, command]


async def test_export_in_the_browser_arrives_as_a_download(workdir):
    downloads = workdir / "downloads"
    downloads.mkdir()
    with web_server(_serve_app, workdir, env=clean_env()) as (port, _proc, _log):
        async with chromium(workdir) as cdp:
            await cdp.send("Browser.setDownloadBehavior", page=False, behavior="allow",
                           downloadPath=str(downloads), eventsEnabled=True)
            await cdp.open_page(f"http://127.0.0.1:{port}/")
            await cdp.wait_for_screen(lambda s: "delivery app ready" in s, what="the app")
            await cdp.press("e")
            await cdp.wait_for_screen(lambda s: "delivered" in s, what="'delivered'")
            begun = await cdp.wait_for_download()
            assert begun["suggestedFilename"] == "brief.md"  # folders stripped
    files = list(downloads.iterdir())
    assert len(files) == 1
    sys.path.insert(0, str(APP.parent))
    from deliver_app import EXPORT_TEXT

    assert files[0].read_text(encoding="utf-8") == EXPORT_TEXT
