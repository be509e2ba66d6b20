"""Screens of the reader.  The views opened from it share one stylesheet, VIEWS_CSS."""

from pathlib import Path

# Absolute, so that Textual keys this source alike for every screen that names it and for
# BriefingApp, which reads it just after the first paint (BriefingApp.preload_view_styles).
VIEWS_CSS = Path(__file__).resolve().with_name("views.tcss")
