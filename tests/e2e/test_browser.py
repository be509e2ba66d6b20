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
    downloads = workdir / "downloads"
    downloads.mkdir()
    # An SSH session around the server must not switch the browser's reader to low bandwidth.
    server_exports = workdir / "server-exports"  # where a terminal reader would have saved it
    server_exports.mkdir()
    env = {**clean_env(), "LANG": "C.UTF-8", "SSH_CONNECTION": "10.0.0.1 5 10.0.0.2 22",
           "BRIEFING_EXPORT_DIR": str(server_exports)}
    with web_server(_serve(workdir / "db.json"), workdir, env=env) as (port, _proc, log):
        async with chromium(workdir) as cdp:
            await cdp.send("Browser.setDownloadBehavior", page=False, behavior="allow",
                           downloadPath=str(downloads), eventsEnabled=True)
            await cdp.open_page(f"http://127.0.0.1:{port}/")
            screen = await cdp.wait_for_screen(lambda s: TITLE in s, what="the first article")
            assert CORPUS.title[:20] in screen
            await cdp.press("?")
            await cdp.wait_for_screen(lambda s: "Next claim" in s and TITLE not in s,
                                      what="the help screen")
            await cdp.press("q")  # closes help
            await cdp.wait_for_screen(lambda s: TITLE in s, what="the reader again")
            # tag the first claim, then export: the brief arrives as a download
            claim = CORPUS.claims_for_article(FIRST.id)[0]
            await cdp.press("n")
            await cdp.press("t")
            await cdp.wait_for_screen(lambda s: f"Tag claim {claim.id}" in s, what="tag dialog")
            await cdp.type("in-browser")
            await cdp.press("Enter")
            await cdp.wait_for_screen(lambda s: "#in-browser" in s, what="the new tag")
            await cdp.press("Escape")
            await cdp.wait_for_screen(lambda s: "Tag claim" not in s, what="the dialog closed")
            await cdp.press("e")
            begun = await cdp.wait_for_download()
            assert begun["suggestedFilename"].endswith(".md")
            (brief,) = downloads.iterdir()
            text = brief.read_text(encoding="utf-8")
            from briefing.export.mdsafe import escape_inline

            assert "in-browser" in text and escape_inline(claim.quote) in text  # no ids in a brief
            assert not list(server_exports.iterdir())  # sent to the browser, not left on the server
            shots = os.environ.get("BRIEFING_E2E_SCREENSHOTS")  # a folder to keep them in
            if shots:
                await cdp.screenshot(Path(shots) / "browser-reader.png")
        assert "Serving" in log.read_text() and "warning" not in log.read_text().lower()
