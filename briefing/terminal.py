"""What the terminal we run in can take: a UTF-8 locale, and how much bandwidth to spend.

Pure decisions over an environment mapping (tested without a terminal); ``cmd_read`` applies
them. No Textual import here: this runs before the reader is loaded, so a refusal is instant.
"""

from __future__ import annotations

import locale
import os
import sys
from collections.abc import Mapping

# Set to 1 to start even when the locale does not say UTF-8 (a UTF-8 terminal with LANG=C).
ASSUME_UTF8_ENV = "BRIEFING_ASSUME_UTF8"
# Set by textual-serve for the app it runs: a browser terminal is always UTF-8 and never SSH.
_WEB_DRIVER_MARK = "web_driver"
_SSH_VARS = ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY")
_TRUE = {"1", "true", "yes", "on"}


def is_web(env: Mapping[str, str]) -> bool:
    """True when textual-serve runs us for a browser (it sets TEXTUAL_DRIVER to its driver)."""
    return _WEB_DRIVER_MARK in env.get("TEXTUAL_DRIVER", "")


def over_ssh(env: Mapping[str, str]) -> bool:
    """True inside an SSH session (also inside tmux/screen started from one: they inherit it)."""
    return any(env.get(name) for name in _SSH_VARS)


def locale_names(env: Mapping[str, str]) -> str:
    """The locale variables as set, for messages: ``LC_ALL=C LANG=en_US.UTF-8`` or ``(none)``."""
    shown = [f"{k}={env[k]}" for k in ("LC_ALL", "LC_CTYPE", "LANG") if env.get(k)]
    return " ".join(shown) or "no LANG/LC_* set"


def _says_utf8(name: str) -> bool:
    # tmux's rule: a locale name mentioning UTF-8 means the terminal takes UTF-8.
    folded = name.lower().replace("-", "").replace("_", "")
    return "utf8" in folded


def effective_locale(env: Mapping[str, str]) -> str:
    """The LC_CTYPE locale name the C library would use: LC_ALL, else LC_CTYPE, else LANG."""
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        if env.get(name):
            return env[name]
    return "C"


def named_codeset(name: str) -> str | None:
    """The encoding a locale name spells out: ``de_DE.ISO-8859-1@euro`` -> ``ISO-8859-1``;
    None when the name gives none (``C``, ``POSIX``, ``de_DE``)."""
    _, dot, rest = name.partition(".")
    codeset = rest.partition("@")[0] if dot else ""
    return codeset or None


_NEUTRAL_LOCALES = {"", "C", "POSIX"}


def locale_problem(
    env: Mapping[str, str],
    *,
    utf8_mode: bool,
    utf8_requested: bool,
    encoding: str,
) -> str | None:
    """Why the reader would draw garbage here, or None when it can start.

    Refused only when the locale says the terminal takes another encoding: a name that spells
    out a non-UTF-8 codeset (``LANG=de_DE.ISO-8859-1``), or a language locale without a codeset
    that the C library resolves to one (``LANG=de_DE`` on glibc is Latin-1).  No locale at all,
    ``C`` or ``POSIX`` (minimal servers and containers, whose login sets none) say nothing
    about the terminal, and Python then runs in UTF-8 mode anyway (PEP 538/540): start, as
    frogmouth, Posting and Harlequin do.
    ``utf8_mode``: Python's UTF-8 mode is on (then ``encoding`` is UTF-8 whatever the locale).
    ``utf8_requested``: the user asked for it (PYTHONUTF8=1, -X utf8).  When they did not,
    UTF-8 mode means Python found the C locale (or one not installed) and wrote
    ``LC_CTYPE=C.UTF-8`` into our environment itself: that value is Python's, not the user's,
    so the names under it decide (``LANG=de_DE.ISO-8859-1`` not installed is still refused).
    ``encoding``: the locale's encoding (locale.getpreferredencoding(False)).
    """
    if is_web(env) or env.get(ASSUME_UTF8_ENV, "").lower() in _TRUE:
        return None
    if utf8_mode and not utf8_requested and env.get("LC_CTYPE") == "C.UTF-8":
        env = {k: v for k, v in env.items() if k != "LC_CTYPE"}
    name = effective_locale(env)
    codeset = named_codeset(name)
    if codeset is not None:
        ok = _says_utf8(codeset)
    elif name in _NEUTRAL_LOCALES or utf8_mode:
        ok = True
    else:
        ok = _says_utf8(encoding)
    if ok:
        return None
    return (
        f"briefing: the locale is not UTF-8 ({locale_names(env)}), so the reader would draw "
        "garbage instead of text and borders.\n"
        "Use a UTF-8 locale, for example:  export LANG=C.UTF-8\n"
        "Over SSH, send yours with `ssh -o SetEnv=LANG=C.UTF-8 ...` (the server must "
        "AcceptEnv LANG LC_*) or set it in the remote shell profile.\n"
        f"If your terminal is UTF-8 anyway, set {ASSUME_UTF8_ENV}=1 to start regardless."
    )


def tty_problem(stdin_tty: bool, stdout_tty: bool, env: Mapping[str, str]) -> str | None:
    """Why the reader cannot run here, or None: it needs a terminal on both ends.

    Without one (``briefing | head``, cron, a pipe) Textual would wait for keys that never come
    and redraw into a pipe; say so and stop instead.  A browser tab (textual-serve) talks to
    the app through pipes, by design.
    """
    if is_web(env) or (stdin_tty and stdout_tty):
        return None
    which = {(False, True): "input is not a terminal", (True, False): "output is not a terminal"}
    return (f"briefing: the reader needs a terminal, but its "
            f"{which.get((stdin_tty, stdout_tty), 'input and output are not terminals')} "
            "(a pipe, a file or cron).\n"
            "Run it in a terminal; for output a script can use, see `briefing --help` "
            "(export, claims, search ... with --json).")


def check_tty(env: Mapping[str, str] | None = None) -> str | None:
    """`tty_problem` for this process (file descriptors 0 and 1)."""
    env = os.environ if env is None else env
    return tty_problem(_isatty(0), _isatty(1), env)


def _isatty(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False


def check_locale(env: Mapping[str, str] | None = None) -> str | None:
    """`locale_problem` for this process."""
    env = os.environ if env is None else env
    return locale_problem(
        env,
        utf8_mode=bool(sys.flags.utf8_mode),
        utf8_requested=env.get("PYTHONUTF8") == "1" or "utf8" in sys._xoptions,
        encoding=locale.getpreferredencoding(False),
    )


def choose_low_bandwidth(flag: bool | None, env: Mapping[str, str]) -> tuple[bool, str]:
    """Whether to run in low-bandwidth mode, and why (a short reason for logs and tests).

    ``flag``: --low-bandwidth (True), --no-low-bandwidth (False), or neither (None), in which
    case SSH turns it on; a browser tab (textual-serve) never does by itself.
    """
    if flag is not None:
        return flag, "--low-bandwidth" if flag else "--no-low-bandwidth"
    if is_web(env):
        return False, "browser"
    if over_ssh(env):
        return True, "SSH session detected (turn off with --no-low-bandwidth)"
    return False, "local terminal"


def run_options(low_bandwidth: bool) -> dict[str, object]:
    """Keyword arguments for ``App.run``.

    Textual 8.2.8's terminal driver asks for any-motion mouse reports (DECSET 1003): every
    pointer move over the window sends bytes up the link and can redraw hover styles down it.
    The driver has no public switch for click-only reporting (1000/1002), so low-bandwidth
    mode turns the mouse off (``mouse=False``): the reader is fully usable from the keyboard.
    """
    return {"mouse": not low_bandwidth}


# App attributes low-bandwidth mode sets: "none" also makes scrolls jump instead of gliding
# (Textual's scroll animations are level "basic", skipped at "none").
LOW_BANDWIDTH_APP_SETTINGS: dict[str, object] = {"animation_level": "none"}


def apply_low_bandwidth(app: object, low_bandwidth: bool) -> None:
    """Set the low-bandwidth attributes on a (Textual) app before it runs."""
    if low_bandwidth:
        for name, value in LOW_BANDWIDTH_APP_SETTINGS.items():
            setattr(app, name, value)
