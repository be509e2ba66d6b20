"""Fixtures for the end-to-end tests: a real sshd, a real terminal (tmux), work folders."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sshd import SSHServer, start_sshd
from tmuxterm import Tmux


@pytest.fixture
def workdir() -> Iterator[Path]:
    """A temporary folder other local users may enter (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="briefing-e2e-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def tmux(workdir: Path) -> Iterator[Tmux]:
    term = Tmux(workdir)
    yield term
    term.kill()


@pytest.fixture(scope="module")
def ssh_server(tmp_path_factory) -> Iterator[SSHServer]:
    """sshd accepting the current user with a throwaway key."""
    server = start_sshd(tmp_path_factory.mktemp("sshd"))
    import getpass

    server.authorize(getpass.getuser())
    yield server
    server.stop()


@pytest.fixture
def me() -> str:
    import getpass

    return getpass.getuser()


@pytest.fixture
def briefing_exe() -> str:
    """The `briefing` of this venv (what `pip install` put next to the test interpreter)."""
    import sys

    exe = Path(sys.executable).parent / "briefing"
    if not exe.is_file():
        pytest.skip(f"no {exe}: install the project (pip install -e '.[test]')")
    return str(exe)
