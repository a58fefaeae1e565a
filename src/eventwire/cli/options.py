"""What every command module shares: the option types, the one error path, and atomic output files.

A command module declares its options with these types (so ``--db`` or ``--workers`` read the same in every
command), reports a bad argument with ``fail`` (one line on standard error, exit 2) and a bad input item with
``report_error``, and writes a file through ``output_to`` (a temporary name, renamed when complete).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated, BinaryIO, NoReturn

import typer

Inputs = Annotated[list[str], typer.Argument(help="Files, directories, or - for JSON lines on standard input.")]
Db = Annotated[str | None, typer.Option("--db", help="Database URL (default: $EVENTWIRE_DB or sqlite:///eventwire.db; "
                                         "postgresql://… selects PostgreSQL).")]
Workers = Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes (or Ray actors) that extract.")]
Engine = Annotated[str, typer.Option("--engine", help="local (one machine) or ray (Ray Data; see README).")]
RayAddress = Annotated[str | None, typer.Option("--ray-address", help="An existing Ray cluster (default: $RAY_ADDRESS "
                                                "or a local instance).")]
Output = Annotated[Path | None, typer.Option("--output", "-o", help="Output file (default: stdout).")]
Since = Annotated[str | None, typer.Option(help="First day, YYYY-MM-DD.")]
Until = Annotated[str | None, typer.Option(help="Last day, YYYY-MM-DD.")]
Bbox = Annotated[str | None, typer.Option(help="west,south,east,north in degrees.")]


def error_line(message: object) -> str:
    return f"eventwire: error: {message}"


def fail(message: str, code: int = 2) -> NoReturn:
    """One clear line on standard error, then exit."""
    typer.echo(error_line(message), err=True)
    raise typer.Exit(code)


def report_error(error: object) -> None:
    """One input item that could not be used (FILE:LINE: reason); the command goes on with the next."""
    typer.echo(f"{error}", err=True)


def check_directory(path: Path | None) -> None:
    """Fail in one line when an output file's folder does not exist."""
    if path is None or str(path) == "-":
        return
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        fail(f"output directory does not exist: {directory}")


class output_to:  # noqa: N801 - used as a function: ``with output_to(path) as sink``
    """Standard output, or a file written under a temporary name and renamed when complete."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def __enter__(self) -> BinaryIO:
        if self.path is None or str(self.path) == "-":
            self.stream = sys.stdout.buffer
            return self.stream
        check_directory(self.path)
        directory = self.path.parent if str(self.path.parent) else Path(".")
        fd, self.tmp = tempfile.mkstemp(dir=directory, prefix=f".{self.path.name}.", suffix=".part")
        self.stream = os.fdopen(fd, "wb")
        return self.stream

    def __exit__(self, kind, value, tb) -> None:
        if self.path is None or str(self.path) == "-":
            self.stream.flush()
            return
        self.stream.close()
        if kind is None or issubclass(kind, typer.Exit):
            os.replace(self.tmp, self.path)
        else:
            os.unlink(self.tmp)
