"""Output helpers of the analysis commands: Rich text that is never markup, a console that
colours nothing by itself, JSON as docs/json.md shows it.  Light: no model, no loader."""

from __future__ import annotations

import json
from typing import Any

import click


def console():
    from rich.console import Console

    # highlight=False: Rich would otherwise colour numbers and quotes inside untrusted text.
    return Console(highlight=False, soft_wrap=False)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def text(s: object, style: str | None = None):
    """Untrusted text (a title, a quote, a query) as a Rich Text: shown, never interpreted."""
    from rich.text import Text

    return Text("" if s is None else str(s), style=style or "")
