"""Dialogs: the modal screens opened over the reader and the views (search, go to event,
tag, note, note versions, confirm, help)."""
