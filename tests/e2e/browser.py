"""A real browser for end-to-end tests: Debian's Chromium, headless, driven over the DevTools
protocol (CDP) with aiohttp's websocket client (already installed: textual-serve needs it).

No Playwright: its Python package downloads its own browser build, which this machine cannot.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")
# As the machine notes say: without the background-networking flags Chromium keeps dialling
# out, and this machine's closed network refuses it.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--mute-audio", "--window-size=1100,720",
    "--remote-debugging-port=0", "--remote-allow-origins=*",
]

NAMED_KEYS = {"Enter": ("Enter", 13, "\r"), "Escape": ("Escape", 27, "")}
PUNCTUATION = {"?": "Slash", "]": "BracketRight", "[": "BracketLeft", "-": "Minus",
               "/": "Slash", ".": "Period", ",": "Comma", " ": "Space"}

# Read what xterm.js holds on its screen. textual-serve draws with the WebGL/canvas renderer,
# so the text is not in the DOM and its Terminal object is not global: find it on the heap
# (Runtime.queryObjects) and use xterm.js' public buffer API.
_READ_SCREEN = """function () {
  const term = this.find(o => { try { return o && o.buffer && o.buffer.active
      && typeof o.buffer.active.getLine === 'function' && typeof o.cols === 'number'; }
    catch (e) { return false; } });
  if (!term) return null;
  const buf = term.buffer.active, rows = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buf.getLine(buf.viewportY + y);
    rows.push(line ? line.translateToString(true) : '');
  }
  return {cols: term.cols, rows: term.rows, text: rows.join('\\n')};
}"""


def chromium_path() -> str:
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("needs Debian's chromium (bash .ci/run installs it as root)")


class CDP:
    """One browser-level DevTools websocket; page commands go through a flattened session."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.ids = itertools.count(1)
        self.pending: dict[int, asyncio.Future] = {}
        self.events: list[dict[str, Any]] = []
        self.session_id: str | None = None
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for msg in self.ws:
            data = json.loads(msg.data)
            if "id" in data and data["id"] in self.pending:
                fut = self.pending.pop(data["id"])
                if "error" in data:
                    fut.set_exception(RuntimeError(f"CDP error: {data['error']}"))
                else:
                    fut.set_result(data.get("result", {}))
            else:
                self.events.append(data)

    async def send(self, method: str, page: bool = True, **params: Any) -> dict[str, Any]:
        msg_id = next(self.ids)
        message: dict[str, Any] = {"id": msg_id, "method": method, "params": params}
        if page and self.session_id:
            message["sessionId"] = self.session_id
        fut = asyncio.get_running_loop().create_future()
        self.pending[msg_id] = fut
        await self.ws.send_str(json.dumps(message))
        return await asyncio.wait_for(fut, 30)

    async def open_page(self, url: str) -> None:
        target = await self.send("Target.createTarget", page=False, url="about:blank")
        attached = await self.send("Target.attachToTarget", page=False,
                                   targetId=target["targetId"], flatten=True)
        self.session_id = attached["sessionId"]
        await self.send("Page.enable")
        await self.send("Runtime.enable")
        await self.send("Page.navigate", url=url)

    async def evaluate(self, expression: str) -> Any:
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    async def terminal_screen(self) -> dict[str, Any] | None:
        proto = await self.send("Runtime.evaluate", expression="Object.prototype")
        objects = await self.send("Runtime.queryObjects",
                                  prototypeObjectId=proto["result"]["objectId"])
        try:
            result = await self.send("Runtime.callFunctionOn", functionDeclaration=_READ_SCREEN,
                                     objectId=objects["objects"]["objectId"], returnByValue=True)
        finally:
            with contextlib.suppress(Exception):
                await self.send("Runtime.releaseObject", objectId=objects["objects"]["objectId"])
        return result["result"].get("value")

    async def wait_for_screen(self, predicate, timeout: float = 20.0, what: str = "") -> str:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            screen = await self.terminal_screen()
            text = screen["text"] if screen else ""
            if screen and predicate(text):
                return text
            await asyncio.sleep(0.25)
        raise AssertionError(f"browser terminal never showed {what}; last screen:\n{text}")

    async def press(self, key: str) -> None:
        """Press one key in the page: a printable character, or Enter / Escape.

        xterm.js reads keys from its hidden textarea, so that gets the focus first.
        """
        await self.evaluate("document.querySelector('.xterm-helper-textarea')?.focus()")
        if key in NAMED_KEYS:
            code, vk, text = NAMED_KEYS[key]
            params = {"key": key, "code": code, "windowsVirtualKeyCode": vk}
            if text:
                params |= {"text": text, "unmodifiedText": text}
            await self.send("Input.dispatchKeyEvent", type="keyDown", **params)
            await self.send("Input.dispatchKeyEvent", type="keyUp", **params)
            return
        code = PUNCTUATION.get(key) or (f"Digit{key}" if key.isdigit() else f"Key{key.upper()}")
        shifted = key in "?{}" or key.isupper()
        params = {"key": key, "code": code, "text": key, "unmodifiedText": key,
                  "modifiers": 8 if shifted else 0}
        await self.send("Input.dispatchKeyEvent", type="keyDown", **params)
        await self.send("Input.dispatchKeyEvent", type="keyUp", key=key, code=code)

    async def type(self, text: str) -> None:
        for char in text:
            await self.press(char)

    def downloads_completed(self) -> list[dict[str, Any]]:
        return [e["params"] for e in self.events if e.get("method") == "Browser.downloadProgress"
                and e["params"].get("state") == "completed"]

    def downloads_begun(self) -> list[dict[str, Any]]:
        return [e["params"] for e in self.events
                if e.get("method") == "Browser.downloadWillBegin"]

    async def wait_for_download(self, timeout: float = 15.0) -> dict[str, Any]:
        """The first download: waits until it completed; returns its downloadWillBegin."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.downloads_completed():
                return self.downloads_begun()[0]
            await asyncio.sleep(0.1)
        methods = sorted({e.get("method", "") for e in self.events})
        raise AssertionError(f"no completed download after {timeout}s; events seen: {methods}")

    async def screenshot(self, path: Path) -> None:
        shot = await self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))

    async def close(self) -> None:
        self.reader.cancel()
        await self.ws.close()


@contextlib.asynccontextmanager
async def chromium(workdir: Path):
    """Start headless Chromium; yield a connected CDP client."""
    exe = chromium_path()
    profile = workdir / "chromium-profile"
    proc = subprocess.Popen([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        url = await asyncio.to_thread(_devtools_url, proc)
        async with aiohttp.ClientSession() as http:
            ws = await http.ws_connect(url, max_msg_size=0)
            cdp = CDP(ws)
            try:
                yield cdp
            finally:
                await cdp.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _devtools_url(proc: subprocess.Popen) -> str:
    assert proc.stderr is not None
    seen = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            if proc.poll() is not None:
                break
            continue
        seen.append(line)
        match = re.search(r"DevTools listening on (ws://\S+)", line)
        if match:
            # keep draining stderr so Chromium never blocks on a full pipe
            import threading

            threading.Thread(target=lambda: [None for _ in proc.stderr], daemon=True).start()
            return match.group(1)
    raise AssertionError("chromium did not start its DevTools endpoint:\n" + "".join(seen[-20:]))
