"""`eventwire gazetteer ...`: import GeoNames dumps, show which gazetteer is in use, look a name up."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="The offline GeoNames gazetteer places are resolved with.", no_args_is_help=True)

    @group.command("import")
    def import_(
        files: Annotated[list[Path], typer.Argument(help="GeoNames dump files (.txt or .zip): allCountries or "
                                                         "cities500, admin1CodesASCII, admin2Codes, "
                                                         "alternateNamesV2, countryInfo.")],
        output: Annotated[Path | None, typer.Option("--output", "-o", help="Index file to write (default: the "
                                                                           "cache folder, used from then on).")] = None,
    ) -> None:
        """Build a fuller gazetteer index from GeoNames dump files; the resolver uses it from then on."""
        from eventwire.gazetteer import imported_path
        from eventwire.gazetteer.geonames import import_files

        target = output or imported_path()
        size = import_files(files, target, progress=lambda message: typer.echo(message, err=True))
        typer.echo(f"{size:,} places indexed in {target}")
        if output is not None:
            typer.echo(f"use it with EVENTWIRE_GAZETTEER={target}", err=True)

    @group.command("info")
    def info() -> None:
        """Which gazetteer places are resolved with."""
        from eventwire.gazetteer import describe

        typer.echo(describe())

    @group.command("lookup")
    def lookup(name: Annotated[str, typer.Argument(help="A place name.")]) -> None:
        """The places a name may refer to, most populous first."""
        from eventwire.gazetteer import load

        index = load()
        for c in sorted(index.lookup(name), key=lambda c: -c.population)[:20]:
            admin1 = index.admin1_name(c.country, c.admin1) or ""
            typer.echo(f"{c.geonameid if c.geonameid > 0 else '-'}\t{c.name}\t{c.feature}\t{c.country}\t{admin1}\t"
                       f"{c.lat:.4f},{c.lon:.4f}\t{c.population}")

    app.add_typer(group, name="gazetteer")
