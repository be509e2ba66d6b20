"""The ``briefing`` command line.

Commands live in their own modules and are imported only when run, so ``briefing --help``,
``check`` and ``export`` start fast and never import Textual (tests/test_import_hygiene.py).
"""

from __future__ import annotations

import contextlib
import importlib

import click

from briefing import __version__
from briefing.startup import startup_done, tolerate_narrow_output

# name -> "module:function"; each module imports its heavy dependencies inside the command.
COMMANDS: dict[str, str] = {
    "read": "briefing.cli.cmd_read:read",
    "check": "briefing.cli.cmd_check:check",
    "import": "briefing.cli.cmd_import:import_",
    "suggest": "briefing.cli.cmd_suggest:suggest",
    "events": "briefing.cli.cmd_curate:events",
    "claims": "briefing.cli.cmd_curate:claims",
    "highlight": "briefing.cli.cmd_curate:highlight",
    "compare": "briefing.cli.cmd_analysis:compare",
    "coverage": "briefing.cli.cmd_analysis:coverage",
    "search": "briefing.cli.cmd_search:search",
    "disagreements": "briefing.cli.cmd_analysis:disagreements",
    "disagree": "briefing.cli.cmd_disagree:disagree",
    "lexicon": "briefing.cli.cmd_analysis:lexicon",
    "annotate": "briefing.cli.cmd_annotations:annotate",
    "annotations": "briefing.cli.cmd_annotations:annotations",
    "export": "briefing.cli.cmd_annotations:export",
    "synthesis": "briefing.cli.cmd_synthesis:synthesis",
    "serve": "briefing.cli.cmd_serve:serve",
}


@contextlib.contextmanager
def _shown_errors():
    """Usage errors quote what was typed (an unknown option, extra arguments): shown with
    escapes, so an ESC or OSC 52 sequence on the command line never reaches the terminal."""
    try:
        yield
    except click.ClickException as exc:
        from briefing.text import shown

        exc.message = shown(exc.message)
        raise


class LazyGroup(click.Group):
    """A click group that imports a command's module only when that command is used."""

    def make_context(self, *args, **kwargs) -> click.Context:  # noqa: ANN002, ANN003
        with _shown_errors():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context):  # noqa: ANN201 - click's
        with _shown_errors():
            return super().invoke(ctx)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.commands:
            return self.commands[name]
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)


@click.group(cls=LazyGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
@click.option("--no-suggested", is_flag=True, envvar="BRIEFING_NO_SUGGESTED",
              help="Hide suggested claims and events (from `briefing suggest`); curated only.")
@click.option("--theme", default=None, metavar="NAME",
              help="The reader's theme, as `briefing read --theme NAME`.")
@click.pass_context
def main(ctx: click.Context, no_suggested: bool, theme: str | None) -> None:
    """Read a briefing: several sources on one topic, their claims, and your annotations.

    With no command, opens the reader on the bundled briefing (same as `briefing read`).
    """
    tolerate_narrow_output()
    if theme is not None:
        if ctx.invoked_subcommand not in (None, "read"):
            raise click.UsageError(f"--theme is for the reader, not `{ctx.invoked_subcommand}`")
        ctx.default_map = {**(ctx.default_map or {}), "read": {"theme": theme}}
    if ctx.invoked_subcommand not in (None, "read"):
        startup_done()  # only the reader waits for its first paint (briefing.launch)
    if ctx.invoked_subcommand is None:
        read = main.get_command(ctx, "read")
        # Parse an empty command line rather than ctx.invoke(read): invoke fills in defaults
        # but skips environment variables (BRIEFING_CONTENT, BRIEFING_LOW_BANDWIDTH...).
        with read.make_context("read", [], parent=ctx) as read_ctx:
            read.invoke(read_ctx)
