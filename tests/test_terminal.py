"""briefing.terminal: the locale check and the low-bandwidth decision."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from briefing import terminal

UTF8 = {"utf8_mode": False, "utf8_requested": False, "encoding": "UTF-8"}


def test_utf8_locale_is_fine():
    assert terminal.locale_problem({"LANG": "en_US.UTF-8"}, **UTF8) is None


def test_iso_8859_locale_is_refused_with_the_fix_in_the_message():
    msg = terminal.locale_problem(
        {"LANG": "de_DE.ISO-8859-1"}, utf8_mode=False, utf8_requested=False, encoding="ISO-8859-1"
    )
    assert msg is not None
    assert "LANG=de_DE.ISO-8859-1" in msg
    assert "LANG=C.UTF-8" in msg and terminal.ASSUME_UTF8_ENV in msg


def test_no_locale_or_c_starts_as_other_textual_apps_do():
    """Issue 17 item 9: a server whose login sets no locale (or C/POSIX) names no encoding;
    Python runs in UTF-8 mode there (it coerces LC_CTYPE itself): start."""
    auto = {"utf8_mode": True, "utf8_requested": False, "encoding": "utf-8"}
    assert terminal.locale_problem({}, **auto) is None
    assert terminal.locale_problem({"LC_CTYPE": "C.UTF-8"}, **auto) is None  # Python's coercion
    assert terminal.locale_problem({"LANG": "C", "LC_CTYPE": "C.UTF-8"}, **auto) is None
    assert terminal.locale_problem({"LC_ALL": "POSIX"}, **auto) is None


def test_a_named_non_utf8_codeset_is_refused_even_under_python_utf8_mode():
    # de_DE.ISO-8859-1 not installed: Python falls back to C, coerces LC_CTYPE, turns on UTF-8
    # mode; the name the user set still says Latin-1.
    auto = {"utf8_mode": True, "utf8_requested": False, "encoding": "utf-8"}
    env = {"LANG": "de_DE.ISO-8859-1", "LC_CTYPE": "C.UTF-8"}
    msg = terminal.locale_problem(env, **auto)
    assert msg is not None and "LANG=de_DE.ISO-8859-1" in msg
    assert terminal.locale_problem({"LC_ALL": "ja_JP.eucJP@x"}, **UTF8) is not None
    # A language without a codeset is judged by what the C library made of it.
    latin = {"utf8_mode": False, "utf8_requested": False, "encoding": "ISO-8859-1"}
    assert terminal.locale_problem({"LANG": "de_DE"}, **latin) is not None
    assert terminal.locale_problem({"LANG": "de_DE"}, **UTF8) is None


def test_requested_utf8_mode_falls_back_to_the_names():
    kw = {"utf8_mode": True, "utf8_requested": True, "encoding": "utf-8"}
    assert terminal.locale_problem({"LANG": "en_GB.utf8"}, **kw) is None
    assert terminal.locale_problem({"LC_ALL": "POSIX"}, **kw) is None
    assert terminal.locale_problem({"LANG": "fr_FR.ISO8859-15"}, **kw) is not None


def test_override_and_browser_skip_the_check():
    bad = {"utf8_mode": False, "utf8_requested": False, "encoding": "ISO-8859-1"}
    env = {"LANG": "de_DE.ISO-8859-1"}
    assert terminal.locale_problem({**env, terminal.ASSUME_UTF8_ENV: "1"}, **bad) is None
    web = {**env, "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver"}
    assert terminal.locale_problem(web, **bad) is None


@pytest.mark.parametrize(
    ("env", "refused"),
    [({"LANG": "C"}, False), ({"LC_ALL": "POSIX"}, False), ({}, False),
     ({"LANG": "C.UTF-8"}, False), ({"LC_ALL": "C", "LANG": "C.UTF-8"}, False),
     ({"LANG": "en_US.ISO-8859-1"}, True), ({"LC_ALL": "de_DE.ISO-8859-15@euro"}, True)],
)
def test_check_locale_in_a_real_python(env, refused):
    """The real interpreter's start-up (locale coercion, UTF-8 mode) gives the verdict we expect."""
    code = ("from briefing.terminal import check_locale; import sys; "
            "sys.exit(2 if check_locale() else 0)")
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("LC_", "LANG", "PYTHONUTF8", "BRIEFING_", "TEXTUAL_DRIVER"))}
    result = subprocess.run([sys.executable, "-c", code], env={**clean, **env}, timeout=30)
    assert result.returncode == (2 if refused else 0)


@pytest.mark.parametrize(("stdin_tty", "stdout_tty", "words"),
                         [(True, False, "output is not"), (False, True, "input is not"),
                          (False, False, "input and output are not")])
def test_without_a_terminal_the_reader_says_so(stdin_tty, stdout_tty, words):
    msg = terminal.tty_problem(stdin_tty, stdout_tty, {})
    assert msg is not None and words in msg
    assert terminal.tty_problem(True, True, {}) is None
    web = {"TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver"}
    assert terminal.tty_problem(stdin_tty, stdout_tty, web) is None  # textual-serve pipes


@pytest.mark.parametrize(
    ("flag", "env", "expected"),
    [
        (None, {}, False),
        (None, {"SSH_CONNECTION": "127.0.0.1 5 127.0.0.1 22"}, True),
        (None, {"SSH_TTY": "/dev/pts/3"}, True),
        (False, {"SSH_CONNECTION": "x"}, False),
        (True, {}, True),
        (None, {"SSH_CONNECTION": "x", "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver"},
         False),
    ],
)
def test_choose_low_bandwidth(flag, env, expected):
    on, reason = terminal.choose_low_bandwidth(flag, env)
    assert on is expected and reason


def test_low_bandwidth_turns_off_mouse_and_animation():
    class FakeApp:
        animation_level = "full"

    app = FakeApp()
    terminal.apply_low_bandwidth(app, False)
    assert app.animation_level == "full" and terminal.run_options(False) == {"mouse": True}
    terminal.apply_low_bandwidth(app, True)
    assert app.animation_level == "none" and terminal.run_options(True) == {"mouse": False}
