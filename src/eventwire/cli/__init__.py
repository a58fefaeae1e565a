"""The command line: one Typer app, thin command modules, one error path (``eventwire.cli.options``).

Each module in ``COMMAND_MODULES`` has ``register(app)``; adding a command module is one line here.
The entry point is ``eventwire = "eventwire.cli:main"``; ``python -m eventwire.cli`` runs the same app.
"""

from __future__ import annotations

import importlib
import sys

import typer

from eventwire.cli.options import error_line
from eventwire.errors import EventwireError

app = typer.Typer(
    name="eventwire",
    help="Structured, source-linked knowledge from crisis news: events, actors, places, times, quotes, figures.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

# Command groups, in the order `eventwire --help` lists them; each module has ``register(app)``.
COMMAND_MODULES = (
    "eventwire.cli.extract",
    "eventwire.cli.store",
    "eventwire.cli.serve",
    "eventwire.cli.gazetteer",
    "eventwire.cli.watch",
)


def _register_commands() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)


_register_commands()


def main() -> None:
    """Entry point: never a traceback, always one line and a non-zero status on failure."""
    try:
        app()
    except EventwireError as err:
        typer.echo(error_line(err), err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("eventwire: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
    except Exception as err:  # the promise is one line, whatever went wrong
        typer.echo(error_line(f"{type(err).__name__}: {err}"), err=True)
        sys.exit(2)
