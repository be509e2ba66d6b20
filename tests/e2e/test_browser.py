"""`briefing serve` in headless Chromium: the page loads, the reader draws, keys work."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from browser import chromium
from servers import web_server
from tmuxterm import clean_env

from briefing.loader import load_corpus
from briefing.paths import bundled_content

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CORPUS, _ = load_corpus(bundled_content())
FIRST = next(iter(CORPUS.articles.values()))
TITLE = FIRST.title[:30]


def _serve(db):
    def argv(port: int) -> list[str]:
        return [sys.executable, "-m", "briefing", "serve", "--port", str(port), "--db", str(db)]
    return argv


async def test_reader_in_the_browser(workdir):
    # An SSH session around the server must not switch the browser's reader to low bandwidth.
    env = {**clean_env(), "LANG": "C.UTF-8", "SSH_CONNECTION": "10.0.0.1 5 10.0.0.2 22"}
    with web_server(_serve(workdir / "db.json"), workdir, env=env) as (port, _proc, log):
        async with chromium(workdir) as cdp:
            await cdp.open_page(f"http://127.0.0.1:{port}/")
            screen = await cdp.wait_for_screen(lambda s: TITLE in s, what="the first article")
            assert CORPUS.title[:20] in screen
            await cdp.press("?")
            await cdp.wait_for_screen(lambda s: "Next claim" in s and TITLE not in s,
                                      what="the help screen")
            await cdp.press("q")  # closes help
            await cdp.wait_for_screen(lambda s: TITLE in s, what="the reader again")
            shots = os.environ.get("BRIEFING_E2E_SCREENSHOTS")  # a folder to keep them in
            if shots:
                await cdp.screenshot(Path(shots) / "browser-reader.png")
        assert "Serving" in log.read_text() and "warning" not in log.read_text().lower()
