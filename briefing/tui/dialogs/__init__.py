"""Dialogs: the modal screens opened over the reader and the views (search, go to event,
tag, note, note versions, confirm, help).

A dialog whose first key goes to a widget other than its first focusable one names that
widget in AUTO_FOCUS: focus is then set as the dialog is composed, so a key typed the moment
it shows reaches it (a focus() in on_mount lands later: Enter right after the export dialog
opened ticked a format instead of exporting).
"""
