"""A real OpenSSH server for end-to-end tests: Debian's /usr/sbin/sshd on 127.0.0.1.

Throwaway host and client keys in a temporary directory, key authentication only, its own
sshd_config (never the system's), a free port, stopped at teardown. Anything missing makes the
test skip with the reason (``pytest -rs``).
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import shlex
import shutil
import socket
import stat
import subprocess
import sys
import sysconfig
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SSHD = "/usr/sbin/sshd"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def keygen(path: Path) -> Path:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", path.name,
                    "-f", str(path)], check=True, timeout=30)
    return path


@dataclass
class SSHServer:
    workdir: Path
    port: int
    proc: subprocess.Popen
    log: Path
    keys: dict[str, Path] = field(default_factory=dict)  # user -> private key

    def ssh_argv(self, user: str, remote: str | None = None,
                 env: Mapping[str, str] | None = None, key: str | None = None) -> list[str]:
        """The ssh client command line; ``env`` goes over the wire (SetEnv, server AcceptEnv).

        ``key``: whose key to log in with (default: the user's own).
        """
        identity = self.keys[key or user]
        argv = ["ssh", "-F", "/dev/null", "-tt", "-i", str(identity), "-p", str(self.port),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR"]
        if env:
            # One SetEnv option carries all variables: ssh keeps only the first -o of a kind.
            argv += ["-o", "SetEnv=" + " ".join(f"{k}={v}" for k, v in env.items())]
        argv.append(f"{user}@127.0.0.1")
        if remote is not None:
            argv.append(remote)
        return argv

    def authorize(self, user: str) -> Path:
        """A fresh client key for ``user``, accepted by the server."""
        key = self.new_key(user)
        self.authorized_keys(user, [key.with_suffix(".pub").read_text().strip()])
        return key

    def new_key(self, name: str) -> Path:
        key = keygen(self.workdir / f"id_{name}")
        self.keys[name] = key
        return key

    def authorized_keys(self, user: str, lines: list[str]) -> None:
        """Replace ``user``'s authorized_keys file (as its owner would edit it)."""
        path = self.workdir / "authorized_keys" / user
        path.write_text("\n".join(lines) + "\n")
        path.chmod(0o644)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def start_sshd(workdir: Path, extra_config: str = "") -> SSHServer:
    """Start sshd on a free loopback port; returns once it accepts connections."""
    for tool in (SSHD, shutil.which("ssh"), shutil.which("ssh-keygen")):
        if not tool or not Path(tool).is_file():
            pytest.skip("needs openssh-server and openssh-client (bash .ci/run installs them)")
    workdir.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        # Debian's service unit creates the privilege-separation directory; we start sshd by hand.
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
    host_key = keygen(workdir / "ssh_host_ed25519_key")
    (workdir / "authorized_keys").mkdir(exist_ok=True)
    (workdir / "authorized_keys").chmod(0o755)
    port = free_port()
    config = workdir / "sshd_config"
    config.write_text(
        f"""Port {port}
ListenAddress 127.0.0.1
HostKey {host_key}
PidFile {workdir / 'sshd.pid'}
AuthorizedKeysFile {workdir / 'authorized_keys'}/%u
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
# the keys live in a temporary directory that sshd's ownership checks would reject
StrictModes no
PermitRootLogin prohibit-password
AcceptEnv LANG LC_* COLORTERM NO_COLOR
PrintMotd no
PrintLastLog no
LogLevel VERBOSE
{extra_config}
""")
    check = subprocess.run([SSHD, "-t", "-f", str(config)], capture_output=True, text=True)
    if check.returncode:
        raise AssertionError(f"sshd rejected the test config:\n{check.stderr}")
    log = workdir / "sshd.log"
    proc = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)],
                            stdout=subprocess.DEVNULL, stderr=log.open("w"))
    server = SSHServer(workdir, port, proc, log)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"sshd exited with {proc.returncode}:\n{log.read_text()}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return server
        time.sleep(0.05)
    server.stop()
    raise AssertionError(f"sshd did not listen on {port}:\n{log.read_text()}")


# ---- other users (the shared reading server) ----------------------------------------------

def _others_can_run(path: Path) -> bool:
    """True when a user other than the owner can execute ``path`` (every folder on the way x)."""
    path = path.resolve()
    if not path.stat().st_mode & stat.S_IXOTH:
        return False
    return all(p.stat().st_mode & stat.S_IXOTH for p in path.parents)


def installed_briefing_for_everyone(workdir: Path) -> Path:
    """``workdir/bin/briefing`` (and ``workdir/bin/python``) that any local user can run.

    As on a shared server with an install in /opt. The test venv's interpreter may live under
    /root (pyenv), which other users cannot enter; then ``bin/python`` runs the system's
    Python of the same version over the venv's packages (same ABI).
    """
    bindir = workdir / "bin"
    bindir.mkdir(parents=True, exist_ok=True)
    python = bindir / "python"
    if _others_can_run(Path(sys.executable)):
        python.symlink_to(sys.executable)
    else:
        system_python = Path(f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}")
        if not system_python.is_file():
            pytest.skip(f"other users cannot run {sys.executable} and there is no {system_python}")
        import briefing

        repo = Path(briefing.__file__).resolve().parent.parent
        site = sysconfig.get_paths()["purelib"]
        pythonpath = shlex.quote(f"{repo}:{site}")
        python.write_text(f'#!/bin/sh\nPYTHONPATH={pythonpath} exec {system_python} "$@"\n')
        python.chmod(0o755)
    launcher = bindir / "briefing"
    launcher.write_text(f'#!/bin/sh\nexec {shlex.quote(str(python))} -m briefing "$@"\n')
    launcher.chmod(0o755)
    for p in [bindir, *bindir.parents]:
        if p == Path("/"):
            break
        if not p.stat().st_mode & stat.S_IXOTH:
            p.chmod(p.stat().st_mode | 0o005)  # only our own temporary folders need this
    return launcher


@contextlib.contextmanager
def throwaway_users(names: list[str], group: str, home_root: Path) -> Iterator[list[str]]:
    """Create local users in ``group`` for the test, and delete them afterwards."""
    if os.geteuid() != 0:
        pytest.skip("creating the two reader accounts needs root (useradd)")
    if not (shutil.which("useradd") and shutil.which("groupadd")):
        pytest.skip("needs useradd/groupadd (Debian's passwd package)")
    home_root.mkdir(parents=True, exist_ok=True)
    home_root.chmod(0o755)
    _cleanup_users(names, group)
    subprocess.run(["groupadd", group], check=True, timeout=30)
    try:
        for name in names:
            # '*' (not useradd's default '!'): an account with no password, yet not "locked",
            # which sshd without PAM would refuse even for key logins.
            subprocess.run(["useradd", "-m", "-d", str(home_root / name), "-s", "/bin/sh",
                            "-g", group, "-p", "*", name], check=True, timeout=30)
        yield names
    finally:
        _cleanup_users(names, group)


def _cleanup_users(names: list[str], group: str) -> None:
    for name in names:
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            # -f: the user's last session may still be closing down after its ssh client ended.
            subprocess.run(["userdel", "-r", "-f", name], check=False, capture_output=True,
                           timeout=30)
    with contextlib.suppress(KeyError):
        grp.getgrnam(group)
        subprocess.run(["groupdel", group], check=False, timeout=30)
