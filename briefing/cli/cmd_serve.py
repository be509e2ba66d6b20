"""`briefing serve`: the reader in a browser tab, through textual-serve.

Each browser tab gets its own `briefing read` process on this machine, sharing one annotation
store. textual-serve has no authentication, so we listen on loopback unless told otherwise and
say so loudly when told otherwise.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

from briefing.cli.options import content_option, db_option
from briefing.serve_guard import is_loopback


def exposure_warning(host: str, port: int) -> str | None:
    """The warning printed when the server is reachable from other machines."""
    if is_loopback(host):
        return None
    hint = ""
    if host.strip("[]") in ("0.0.0.0", "::"):
        # textual-serve writes this address into the page's websocket URL: browsers need a name.
        hint = (f"\nWith --host {host}, also pass --public-url http://NAME:{port} "
                "(the name browsers use).")
    return (
        f"warning: serving on {host}:{port}, reachable from other machines. Anyone who can "
        "reach it can read this briefing and add annotations: there is no login.\n"
        "Prefer the default (127.0.0.1) with an SSH tunnel: "
        f"ssh -L {port}:127.0.0.1:{port} this-server, then open http://127.0.0.1:{port}/ "
        "(or put an authenticating reverse proxy in front and pass --public-url)." + hint
    )


def reader_command(content_dir: Path | None, db_path: Path | None) -> str:
    """The shell command textual-serve runs for each browser tab: this interpreter's reader."""
    argv = [sys.executable, "-m", "briefing", "read"]
    if content_dir is not None:
        argv += ["--content", str(content_dir.resolve())]
    if db_path is not None:
        argv += ["--db", str(db_path.expanduser().resolve())]
    return shlex.join(argv)


@click.command(short_help="Serve the reader to a browser tab (textual-serve).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback exposes the reader (no login).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on.")
@click.option("--public-url", default=None, metavar="URL",
              help="The URL browsers use to reach this server (behind a proxy or tunnel).")
@click.option("--allow-origin", "allowed_origins", multiple=True, metavar="URL",
              help="Another site whose pages may connect (repeatable). By default only the "
                   "server's own page (and --public-url) may.")
@click.option("--max-sessions", default=8, show_default=True, type=click.IntRange(1, 1000),
              help="Most reader sessions (browser tabs) at once; the next tab is told so.")
@content_option
@db_option
def serve(host: str, port: int, public_url: str | None, allowed_origins: tuple[str, ...],
          max_sessions: int, content_dir: Path | None, db_path: Path | None) -> None:
    """Serve the reader to a browser tab (http://127.0.0.1:8000/ by default).

    Every tab runs its own reader on this machine; all tabs share one annotation store.
    Only the server's own page may connect (a page on another site is refused), and at most
    --max-sessions tabs at once.
    Exports started in the browser arrive as downloads.
    """
    from briefing.cli.options import load_or_exit

    load_or_exit(content_dir)  # report content problems here, not in a blank browser tab
    warning = exposure_warning(host, port)
    if warning:
        click.secho(warning, fg="yellow", err=True)

    from briefing.serve_guard import GuardedServer

    server = GuardedServer(reader_command(content_dir, db_path), host=host, port=port,
                           title="briefing", public_url=public_url,
                           allowed_origins=allowed_origins, max_sessions=max_sessions)
    server.serve()
