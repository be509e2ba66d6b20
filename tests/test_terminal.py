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


def test_python_auto_utf8_mode_means_the_locale_was_c():
    # What Python leaves behind after starting under LANG=C: LC_CTYPE coerced, UTF-8 mode on.
    env = {"LANG": "C", "LC_CTYPE": "C.UTF-8"}
    msg = terminal.locale_problem(env, utf8_mode=True, utf8_requested=False, encoding="utf-8")
    assert msg is not None
    assert "LANG=C" in msg and "C.UTF-8 " not in msg.split("\n")[0]


def test_requested_utf8_mode_falls_back_to_the_names():
    kw = {"utf8_mode": True, "utf8_requested": True, "encoding": "utf-8"}
    assert terminal.locale_problem({"LANG": "en_GB.utf8"}, **kw) is None
    assert terminal.locale_problem({"LC_ALL": "POSIX"}, **kw) is not None


def test_override_and_browser_skip_the_check():
    bad = {"utf8_mode": True, "utf8_requested": False, "encoding": "utf-8"}
    assert terminal.locale_problem({"LANG": "C", terminal.ASSUME_UTF8_ENV: "1"}, **bad) is None
    web = {"LANG": "C", "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver"}
    assert terminal.locale_problem(web, **bad) is None


@pytest.mark.parametrize(
    ("env", "refused"),
    [({"LANG": "C"}, True), ({"LC_ALL": "POSIX"}, True), ({}, True),
     ({"LANG": "C.UTF-8"}, False), ({"LC_ALL": "C", "LANG": "C.UTF-8"}, True)],
)
def test_check_locale_in_a_real_python(env, refused):
    """The real interpreter's start-up (locale coercion, UTF-8 mode) gives the verdict we expect."""
    code = ("from briefing.terminal import check_locale; import sys; "
            "sys.exit(2 if check_locale() else 0)")
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("LC_", "LANG", "PYTHONUTF8", "BRIEFING_", "TEXTUAL_DRIVER"))}
    result = subprocess.run([sys.executable, "-c", code], env={**clean, **env}, timeout=30)
    assert result.returncode == (2 if refused else 0)


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
