"""A textual-serve Server that only talks to its own pages, within bounded sizes and sessions.

textual-serve (0.1.x) accepts a WebSocket from any Origin: a page on any website the user
visits can open ``ws://127.0.0.1:8000/ws``, read the briefing and type keys into a reader that
saves annotations under the server owner's name (cross-site WebSocket hijacking; binding to
loopback does not stop a browser).  It also takes ``?width=``/``?height=`` as given (a
20000x20000 screen took 3 GB) and starts a reader process per connection without limit
(~45 MB each).

:class:`GuardedServer` subclasses it and changes only the request handling:

* every request whose ``Host`` is not one of the server's own names is refused (DNS
  rebinding: ``evil.example`` resolved to 127.0.0.1 would otherwise be "same origin");
* a WebSocket needs an ``Origin`` header equal to one of the server's own origins (or one
  given with ``--allow-origin``); browsers always send it on WebSockets and pages cannot forge
  it.  A page request carrying a foreign Origin is refused as well;
* width and height (query and later ``resize`` messages) and the font size are clamped;
* at most ``max_sessions`` readers run at once; the next tab gets a page that says so.

No Textual import: ``textual_serve`` itself does not import Textual.  Imported only by
`briefing serve` (it loads aiohttp).
"""

from __future__ import annotations

import ipaddress
from typing import Iterable
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

MIN_COLUMNS, MAX_COLUMNS = 20, 500
MIN_ROWS, MAX_ROWS = 6, 200
MIN_FONT, MAX_FONT = 6, 48
DEFAULT_MAX_SESSIONS = 8

_LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def clamp_int(raw: str | None, default: int, low: int, high: int) -> int:
    """A query parameter as an int within [low, high]; the default when it is not a number."""
    try:
        value = int(str(raw))
    except ValueError:
        return default
    return max(low, min(high, value))


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL, lower case, default ports dropped."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is None or (scheme, port) in (("http", 80), ("https", 443)):
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def own_origins(host: str, port: int, public_url: str | None,
                extra: Iterable[str] = ()) -> set[str]:
    """The origins this server's own pages have (the ones a WebSocket may come from)."""
    origins = {origin_of(u) for u in extra if u.strip()}
    if public_url:
        origins.add(origin_of(public_url))
    name = host if ":" not in host or host.startswith("[") else f"[{host}]"
    origins.add(origin_of(f"http://{name}:{port}"))
    if is_loopback(host):
        origins.update(origin_of(f"http://{n}:{port}") for n in _LOOPBACK_NAMES)
    return origins


def _host_of(origin: str) -> str:
    return origin.split("://", 1)[1]


def _refusal(status: int, title: str, text: str) -> web.Response:
    from html import escape

    body = (f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
            f"</head><body style='font-family:sans-serif;max-width:40em;margin:3em auto'>"
            f"<h1>{escape(title)}</h1><p>{escape(text)}</p></body></html>")
    return web.Response(status=status, text=body, content_type="text/html")


class _ClampedService:
    """What textual-serve's message loop calls on an AppService, with resizes clamped."""

    def __init__(self, service) -> None:  # noqa: ANN001 - textual_serve.app_service.AppService
        self._service = service

    async def send_bytes(self, data: bytes) -> None:
        await self._service.send_bytes(data)

    async def set_terminal_size(self, width: object, height: object) -> None:
        await self._service.set_terminal_size(
            clamp_int(width, 80, MIN_COLUMNS, MAX_COLUMNS),
            clamp_int(height, 24, MIN_ROWS, MAX_ROWS))

    async def blur(self) -> None:
        await self._service.blur()

    async def focus(self) -> None:
        await self._service.focus()


class GuardedServer(Server):
    """textual-serve's Server with origin checks, clamped sizes and a session limit."""

    def __init__(self, command: str, *, host: str, port: int, title: str,
                 public_url: str | None = None, allowed_origins: Iterable[str] = (),
                 max_sessions: int = DEFAULT_MAX_SESSIONS) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url)
        self.allowed_origins = own_origins(host, port, public_url, allowed_origins)
        self.allowed_hosts = {_host_of(o) for o in self.allowed_origins}
        self.max_sessions = max_sessions
        self.sessions = 0
        #: Requests refused, by reason (for the log and the tests' figures).
        self.refused: dict[str, int] = {}

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        return app

    def _refuse(self, reason: str, status: int, title: str, text: str) -> web.Response:
        self.refused[reason] = self.refused.get(reason, 0) + 1
        return _refusal(status, title, text)

    def _host_allowed(self, request: web.Request) -> bool:
        host = (request.headers.get("Host") or "").strip().lower()
        if host in self.allowed_hosts:
            return True
        # "Host: 127.0.0.1" without a port only reaches us on port 80
        return any(h.rsplit(":", 1)[0] == host and h.endswith(":80") for h in self.allowed_hosts)

    @web.middleware
    async def _guard(self, request: web.Request, handler) -> web.StreamResponse:  # noqa: ANN001
        if not self._host_allowed(request):
            return self._refuse("host", 421, "Unknown host name",
                                "This reader answers only to its own address: "
                                f"{', '.join(sorted(self.allowed_origins))}. To reach it by "
                                "another name, start it with --public-url http://NAME:PORT.")
        origin = request.headers.get("Origin")
        is_socket = request.path == "/ws"
        if (origin is None and is_socket) or (
                origin is not None and origin_of(origin) not in self.allowed_origins):
            return self._refuse("origin", 403, "Refused",
                                "Only this reader's own page may connect to it. To allow "
                                "another site, start the server with --allow-origin.")
        if request.path in ("/", "/ws") and self.sessions >= self.max_sessions:
            return self._refuse(
                "full", 503, "The reader is full",
                f"{self.max_sessions} reader session(s) are open, the most this server allows "
                "(briefing serve --max-sessions). Close a tab and reload this page.")
        return await handler(request)

    @staticmethod
    def _with_query(request: web.Request, **values: int) -> web.Request:
        query = dict(request.query)
        query.update({k: str(v) for k, v in values.items()})
        return request.clone(rel_url=request.rel_url.with_query(query))

    async def handle_index(self, request: web.Request):  # noqa: ANN201 - textual-serve's
        size = clamp_int(request.query.get("fontsize", "16"), 16, MIN_FONT, MAX_FONT)
        return await super().handle_index(self._with_query(request, fontsize=size))

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        width = clamp_int(request.query.get("width", "80"), 80, MIN_COLUMNS, MAX_COLUMNS)
        height = clamp_int(request.query.get("height", "24"), 24, MIN_ROWS, MAX_ROWS)
        self.sessions += 1  # counted before the first await: a burst cannot overshoot
        try:
            return await super().handle_websocket(
                self._with_query(request, width=width, height=height))
        finally:
            self.sessions -= 1

    async def _process_messages(self, websocket, app_service) -> None:  # noqa: ANN001
        await super()._process_messages(websocket, _ClampedService(app_service))
