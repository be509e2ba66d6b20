"""The full screens: the reader (the bottom screen) and the views pushed over it (compare,
events, annotations), with what moves between them (detour) and the reader's annotation keys
(annotating).  Their stylesheet is briefing/tui/views.tcss (VIEWS_CSS)."""
