"""The command palette's providers (ctrl+p): the reader's sources, sections, events, claims
and actions (reader.py), and the compare / events views (views.py)."""
