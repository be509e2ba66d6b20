"""after_paint: a callback runs once after the widget's screen paints, even when Textual's
own after-refresh callback is dropped, and never for a widget already removed."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Static

from briefing.tui import after_paint as module
from briefing.tui.after_paint import after_paint


class One(App):
    def compose(self):
        yield Static("x", id="x")


async def test_the_callback_runs_once_though_refresh_and_backup_both_come(monkeypatch):
    monkeypatch.setattr(module, "BACKUP_SECONDS", 0.05)
    calls: list[str] = []
    async with One().run_test() as pilot:
        after_paint(pilot.app.query_one("#x"), lambda: calls.append("x"))
        await pilot.pause(0.3)  # past the backup
    assert calls == ["x"]


async def test_a_dropped_refresh_callback_is_made_up_by_the_backup(monkeypatch):
    monkeypatch.setattr(module, "BACKUP_SECONDS", 0.05)
    calls: list[str] = []
    async with One().run_test() as pilot:
        widget = pilot.app.query_one("#x")
        # What a dialog closed before its refresh does to the callback: it never runs.
        monkeypatch.setattr(widget, "call_after_refresh", lambda callback: True)
        after_paint(widget, lambda: calls.append("x"))
        await pilot.pause(0.3)
    assert calls == ["x"]


async def test_nothing_runs_for_a_widget_removed_first(monkeypatch):
    monkeypatch.setattr(module, "BACKUP_SECONDS", 0.05)
    calls: list[str] = []
    async with One().run_test() as pilot:
        widget = pilot.app.query_one("#x")
        monkeypatch.setattr(widget, "call_after_refresh", lambda callback: True)
        after_paint(widget, lambda: calls.append("x"))
        await widget.remove()
        await pilot.pause(0.3)
    assert calls == []
