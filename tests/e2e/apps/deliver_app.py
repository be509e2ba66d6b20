"""A minimal app for the browser test of briefing.tui.delivery.deliver_export: `e` exports."""

from textual.app import App, ComposeResult
from textual.widgets import Static

from briefing.tui.delivery import deliver_export

EXPORT_TEXT = "# Brief\n\n> “quoted claim” — ünïcode survives\n"


class DeliverApp(App):
    BINDINGS = [("e", "export", "Export")]

    def compose(self) -> ComposeResult:
        yield Static("delivery app ready", id="status", markup=False)

    def action_export(self) -> None:
        sent = deliver_export(self, EXPORT_TEXT, "../../etc/brief.md")
        self.query_one("#status", Static).update("delivered" if sent else "not in a browser")


if __name__ == "__main__":
    DeliverApp().run()
