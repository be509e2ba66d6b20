"""Letting closed views go: what Textual keeps alive after a screen is popped.

- ``StylesCache.get_inner_outer`` is an ``lru_cache`` on a method (Textualize/textual#6665):
  its keys hold up to 1,024 StylesCache objects and, through them, the rendered lines of
  widgets long closed.  Its values are two styles, cheap to make again, so the cache is
  cleared whenever a view closes.  Drop this once a fixed Textual is pinned.
- ``DOMNode.watch(obj, ...)`` registers the watcher on ``obj`` and Textual prunes it only
  when ``obj``'s attribute next changes; a widget that watches the app (its title, its theme)
  stays referenced by the app until then.  :func:`unwatch` removes it when it unmounts.
"""

from __future__ import annotations

from textual._styles_cache import StylesCache
from textual.dom import DOMNode


def release_closed_views() -> None:
    """Forget the style cache entries that keep closed widgets alive (textual#6665)."""
    StylesCache.get_inner_outer.cache_clear()


def unwatch(node: DOMNode, obj: DOMNode, *attributes: str) -> None:
    """Remove every watcher ``node`` placed on ``obj``'s ``attributes`` (DOMNode.watch)."""
    watchers = obj.__dict__.get("__watchers") or {}
    for name in attributes:
        kept = [(n, cb) for n, cb in watchers.get(name, []) if n is not node]
        if name in watchers:
            watchers[name][:] = kept
