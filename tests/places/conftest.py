"""Fixtures for the places tests: a small GeoNames dump written by the test, and a way to use its index."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import eventwire.gazetteer as gazetteer

# Invented places in an invented country "QZ" (and one in the real US for a state qualifier).
MAIN_ROWS = [
    # geonameid, name, asciiname, alternatenames, lat, lon, class, code, country, cc2, admin1, admin2, pop
    (9000001, "Varnholm", "Varnholm", "Warnholm,Varnholmas", 51.5, 20.25, "P", "PPLC", "QZ", "", "01", "", 250000),
    (9000002, "Lindqvar", "Lindqvar", "", 52.75, 21.5, "P", "PPLA", "QZ", "", "02", "", 42000),
    (9000003, "Brennick", "Brennick", "", 51.6, 20.4, "P", "PPL", "QZ", "", "01", "011", 3100),
    (9000004, "Brennick", "Brennick", "", 34.1, -99.1, "P", "PPL", "US", "", "TX", "", 900),
    (9000005, "Ostmark Lake", "Ostmark Lake", "", 52.0, 21.0, "H", "LK", "QZ", "", "02", "", 0),
    (9000006, "Old Mill Road", "Old Mill Road", "", 52.0, 21.0, "R", "RD", "QZ", "", "02", "", 0),
]
ADMIN1 = [("QZ.01", "Northern Vale", "Northern Vale", 9100001), ("QZ.02", "Sørland", "Sorland", 9100002),
          ("US.TX", "Texas", "Texas", 4736286)]
ADMIN2 = [("QZ.01.011", "Brennick District", "Brennick District", 9200011)]
ALTERNATES = [(1, 9000002, "en", "Lindquarry", "", "", "", ""), (2, 9000002, "link", "https://example.org/x", "", "",
                                                                    "", ""),
              (3, 9100002, "en", "Southland", "1", "", "", ""), (4, 9000001, "en", "Old Varn", "", "", "", "1")]
COUNTRIES = [("QZ", "QZL", "999", "QZ", "Quazland", "Varnholm", "50000", "1200000", "EU", ".qz", "", "", "", "",
              "", "", "9300001", "", "")]


def _write(path: Path, rows) -> Path:
    path.write_text("".join("\t".join(str(c) for c in row) + "\n" for row in rows), encoding="utf-8")
    return path


def main_row(row) -> tuple:
    gid, name, ascii_name, alternates, lat, lon, fclass, code, country, cc2, admin1, admin2, pop = row
    return (gid, name, ascii_name, alternates, lat, lon, fclass, code, country, cc2, admin1, admin2, "", "", pop,
            "", "100", "Europe/Quaz", "2024-01-01")


@pytest.fixture
def dump_files(tmp_path: Path) -> list[Path]:
    """A small GeoNames dump: cities500, admin1/admin2 codes, alternate names, country info."""
    folder = tmp_path / "dump"
    folder.mkdir()
    return [
        _write(folder / "cities500.txt", [main_row(r) for r in MAIN_ROWS]),
        _write(folder / "admin1CodesASCII.txt", ADMIN1),
        _write(folder / "admin2Codes.txt", ADMIN2),
        _write(folder / "alternateNamesV2.txt", ALTERNATES),
        _write(folder / "countryInfo.txt", [("#ISO", "ISO3", "comment line")] + COUNTRIES),
    ]


@pytest.fixture
def zipped(dump_files: list[Path]) -> list[Path]:
    """The same dump with the main file zipped, as GeoNames serves it."""
    main = dump_files[0]
    archive = main.with_suffix(".zip")
    with zipfile.ZipFile(archive, "w") as z:
        z.write(main, main.name)
    return [archive, *dump_files[1:]]


@pytest.fixture
def use_index(monkeypatch):
    """use_index(path): resolve places with that index file for the rest of the test."""

    def use(path: Path) -> None:
        monkeypatch.setenv("EVENTWIRE_GAZETTEER", str(path))
        gazetteer.load.cache_clear()

    yield use
    gazetteer.load.cache_clear()
