"""Build an index from GeoNames dump files a user downloaded (https://download.geonames.org/export/dump/).

Files are recognised by name, plain or zipped: ``allCountries.txt``, ``cities500.txt`` (any
``citiesN``), a country extract such as ``US.txt`` (all in the main 19-column format),
``admin1CodesASCII.txt``, ``admin2Codes.txt``, ``alternateNamesV2.txt`` / ``alternateNames.txt``
and ``countryInfo.txt``. Only the main file is required. Rows are streamed into the index, so
allCountries fits in memory; areas the files give no point for get one from their towns.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eventwire.errors import EventwireError
from eventwire.gazetteer.index import NAME_ALIAS, NAME_OTHER, NAME_PRIMARY, Index, IndexWriter, Row, usable_alias

KEEP_CLASSES = frozenset("APLTH")  # areas, towns, regions, terrain, water; not spots, roads or vegetation
SKIP_LANGUAGES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "fr_1793", "phon",
                            "piny"})
ENGLISH = frozenset({"", "en", "abbr"})
MAIN_COLUMNS = 19


class ImportFailed(EventwireError):
    """A dump file that is missing, unreadable or not in the GeoNames format."""


def kind_of(path: Path) -> str:
    """main | admin1 | admin2 | alternates | countries, from the file's name."""
    name = path.name.lower()
    for suffix in (".zip", ".txt"):
        name = name.removesuffix(suffix)
    if name.startswith("admin1codes"):
        return "admin1"
    if name.startswith("admin2codes"):
        return "admin2"
    if name.startswith("alternatenames"):
        return "alternates"
    if name.startswith("countryinfo"):
        return "countries"
    if name in ("allcountries", "nocountry") or re.fullmatch(r"cities\d+|[a-z]{2}", name):
        return "main"
    raise ImportFailed(f"{path}: not a GeoNames dump file name (allCountries, cities500, admin1CodesASCII, "
                       "admin2Codes, alternateNamesV2, countryInfo)")


@contextmanager
def _lines(path: Path) -> Iterator[Iterator[list[str]]]:
    """Tab-separated rows of a dump file (or of the .txt inside its .zip)."""
    if not path.is_file():
        raise ImportFailed(f"{path}: no such file")
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                inner = [n for n in archive.namelist() if n.lower().endswith(".txt") and "readme" not in n.lower()]
                if not inner:
                    raise ImportFailed(f"{path}: no .txt file inside")
                with archive.open(inner[0]) as raw:
                    yield _rows(io.TextIOWrapper(raw, encoding="utf-8"))
        else:
            with open(path, encoding="utf-8") as f:
                yield _rows(f)
    except (zipfile.BadZipFile, UnicodeDecodeError) as err:
        raise ImportFailed(f"{path}: unreadable ({err})") from err


def _rows(f) -> Iterator[list[str]]:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        yield line.rstrip("\n").split("\t")


def import_files(files: list[Path], output: Path, progress=None) -> int:
    """Build the index at ``output`` from the given dump files; returns the number of places."""
    kinds: dict[str, list[Path]] = {}
    for path in files:
        if not path.is_file():
            raise ImportFailed(f"{path}: no such file")
        kinds.setdefault(kind_of(path), []).append(path)
    if "main" not in kinds:
        raise ImportFailed("no main GeoNames file given (allCountries.txt, cities500.txt or a country file)")
    progress = progress or (lambda _message: None)
    writer = IndexWriter(output, source="GeoNames dump (" + ", ".join(p.name for p in files) + ")")
    try:
        rows = _import(writer, kinds, progress)
    except BaseException:
        writer.abandon()
        raise
    writer.finish()
    progress(f"{rows:,} places read")
    return Index(output).size


def _import(writer: IndexWriter, kinds: dict[str, list[Path]], progress) -> int:
    from eventwire.gazetteer.packaged import add_lexicon_places

    count = 0
    areas: list[Row] = []
    for path in kinds["main"]:
        progress(f"reading {path.name}")
        with _lines(path) as rows:
            batch: list[Row] = []
            names: list[tuple[int, str, int]] = []
            for cells in rows:
                if len(cells) < MAIN_COLUMNS:
                    raise ImportFailed(f"{path}: a row has {len(cells)} columns, not the {MAIN_COLUMNS} of GeoNames")
                row = _main_row(cells)
                if row is None:
                    continue
                batch.append(row)
                if row.feature in ("PCLI", "ADM1"):
                    areas.append(row)
                names.append((row.geonameid, cells[1], NAME_PRIMARY))
                names.append((row.geonameid, cells[2], NAME_PRIMARY))
                names.extend((row.geonameid, a, NAME_OTHER) for a in cells[3].split(",") if a and usable_alias(a))
                if len(batch) >= 50_000:
                    count += len(batch)
                    writer.places(batch)
                    writer.names(names)
                    batch, names = [], []
            count += len(batch)
            writer.places(batch)
            writer.names(names)
    for level in ("admin1", "admin2"):
        for path in kinds.get(level, []):
            progress(f"reading {path.name}")
            areas.extend(_admin_file(writer, path, level))
    for path in kinds.get("countries", []):
        progress(f"reading {path.name}")
        areas.extend(_country_file(writer, path))
    for path in kinds.get("alternates", []):
        progress(f"reading {path.name}")
        _alternates_file(writer, path)
    add_lexicon_places(writer, areas, keep_points=True)
    progress("indexing")
    return count


def _main_row(cells: list[str]) -> Row | None:
    if cells[6] not in KEEP_CLASSES:
        return None
    try:
        return Row(int(cells[0]), cells[1], float(cells[4]), float(cells[5]), cells[8], cells[7] or cells[6],
                   cells[10], cells[11], int(cells[14] or 0))
    except ValueError as err:
        raise ImportFailed(f"not a GeoNames row (geonameid {cells[0]!r}): {err}") from err


def _admin_file(writer: IndexWriter, path: Path, level: str) -> list[Row]:
    """admin1CodesASCII / admin2Codes: "US.TX<TAB>Texas<TAB>Texas<TAB>4736286"."""
    feature = "ADM1" if level == "admin1" else "ADM2"
    rows, names, admin_names = [], [], {}
    with _lines(path) as lines:
        for cells in lines:
            if len(cells) < 4 or not cells[3].isdigit():
                raise ImportFailed(f"{path}: not a GeoNames {level} codes file")
            code, name, ascii_name, gid = cells[:4]
            parts = code.split(".")
            if level == "admin1":
                admin_names[code] = name
            rows.append(Row(int(gid), name, None, None, parts[0], feature, parts[1] if len(parts) > 1 else "",
                            parts[2] if len(parts) > 2 else ""))
            names.extend([(int(gid), name, NAME_PRIMARY), (int(gid), ascii_name, NAME_PRIMARY)])
    writer.admin_names(admin_names)
    writer.insert_missing(rows)
    writer.names(names)
    return rows


def _country_file(writer: IndexWriter, path: Path) -> list[Row]:
    """countryInfo.txt: ISO, ISO3, ISO-numeric, fips, name, capital, area, population, ..., geonameid (17th)."""
    rows, names, neighbours = [], [], {}
    with _lines(path) as lines:
        for cells in lines:
            if len(cells) < 17 or not cells[16].isdigit():
                continue
            gid = int(cells[16])
            neighbours[cells[0]] = cells[17] if len(cells) > 17 else ""
            rows.append(Row(gid, cells[4], None, None, cells[0], "PCLI", population=int(cells[7] or 0)))
            names.append((gid, cells[4], NAME_PRIMARY))
    if not rows:
        raise ImportFailed(f"{path}: not a GeoNames countryInfo file")
    writer.neighbours(neighbours)
    writer.insert_missing(rows)
    writer.names(names)
    return rows


def _alternates_file(writer: IndexWriter, path: Path) -> None:
    """alternateNames(V2): id, geonameid, language, name, preferred, short, colloquial, historic[, from, to]."""
    names: list[tuple[int, str, int]] = []
    with _lines(path) as lines:
        for cells in lines:
            if len(cells) < 4 or not cells[1].isdigit():
                raise ImportFailed(f"{path}: not a GeoNames alternateNames file")
            language, name = cells[2], cells[3]
            if language in SKIP_LANGUAGES or not usable_alias(name):
                continue
            if len(cells) > 7 and cells[7] == "1":  # historic names: Stalingrad is not Volgograd today
                continue
            names.append((int(cells[1]), name, NAME_ALIAS if language in ENGLISH else NAME_OTHER))
            if len(names) >= 100_000:
                writer.names(names)
                names = []
    writer.names(names)
