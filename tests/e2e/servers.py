"""Start a web server as a subprocess on a free loopback port, and stop it."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from sshd import free_port


@contextlib.contextmanager
def web_server(argv_for_port, workdir: Path, env: Mapping[str, str] | None = None,
               timeout: float = 30.0) -> Iterator[tuple[int, subprocess.Popen, Path]]:
    """Run ``argv_for_port(port)``; yield (port, process, log) once the port accepts."""
    port = free_port()
    log = workdir / f"server-{port}.log"
    argv: Sequence[str] = argv_for_port(port)
    proc = subprocess.Popen(argv, stdout=log.open("w"), stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, env=dict(env) if env else None,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise AssertionError(f"{argv} exited with {proc.returncode}:\n{log.read_text()}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if time.monotonic() > deadline:
                raise AssertionError(f"{argv} never listened on {port}:\n{log.read_text()}")
            time.sleep(0.1)
        yield port, proc, log
    finally:
        # textual-serve runs each tab's app in a child process: end the whole process group
        # we created (start_new_session), and nothing else.
        import os
        import signal

        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
