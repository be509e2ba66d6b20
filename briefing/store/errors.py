"""Errors the annotation store raises; callers show them to the user, never a traceback."""

from __future__ import annotations


class StoreError(Exception):
    """A store operation failed.  When raised by a write, nothing of that write was saved."""


class StoreBusyError(StoreError):
    """Another process held the store's lock for longer than the timeout."""
