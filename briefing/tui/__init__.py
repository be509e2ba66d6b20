"""The Textual reader.  Nothing outside this package imports it (keeps the CLI fast; the
import-linter contracts in pyproject.toml enforce it).  See docs/architecture.md."""

from pathlib import Path

# The views' and dialogs' stylesheet.  Absolute, so that Textual keys this source alike for
# every screen that names it and for BriefingApp, which reads it just after the first paint
# (BriefingApp.preload_view_styles).
VIEWS_CSS = Path(__file__).resolve().with_name("views.tcss")
