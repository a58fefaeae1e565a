"""The gazetteer index: one SQLite file, built once, opened read-only by every process.

Whatever the source (the packaged data or GeoNames dumps a user imported), a builder hands
``write_index`` the same things: place rows, the names each place goes by, and the names of the
admin1 areas. Lookups are by normalised name (``name_key``) and come back as ``Candidate`` rows.
"""

from __future__ import annotations

import os
import re
import sqlite3
import statistics
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SCHEMA_VERSION = 1

# Name kinds, best first: the place's own name, an English or abbreviation alias, any other alias.
NAME_PRIMARY, NAME_ALIAS, NAME_OTHER = 0, 1, 2

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "-": " ", "–": " ", "—": " ", "‐": " "})
_SPACES = re.compile(r"\s+")
_PLAIN = re.compile(r"^[a-z0-9' ]+$")


def name_key(text: str) -> str:
    """The lookup form of a name: accents dropped, lower case, no dots, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace(".", "")
    text = _SPACES.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text


def usable_alias(alias: str) -> bool:
    """Latin-script names worth indexing: not airport codes, not other scripts, not numbers."""
    key = name_key(alias)
    if len(key) < 3 or not _PLAIN.match(key) or any(c.isdigit() for c in key):
        return False
    return not (alias.isupper() and len(alias) <= 4)


@dataclass(slots=True)
class Row:
    """One place as the builders produce it. ``admin1``/``admin2`` are GeoNames codes ("TX", "201")."""

    geonameid: int
    name: str
    lat: float | None
    lon: float | None
    country: str
    feature: str
    admin1: str = ""
    admin2: str = ""
    population: int = 0


@dataclass(slots=True, frozen=True)
class Candidate:
    """A place that a name may refer to."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    feature: str
    admin1: str
    admin2: str
    population: int
    kind: int  # NAME_PRIMARY | NAME_ALIAS | NAME_OTHER

    @property
    def feature_class(self) -> str:
        return FEATURE_CLASS.get(self.feature, "P" if self.feature.startswith("PPL") else "L")


FEATURE_CLASS = {"PCLI": "A", "PCLD": "A", "PCLS": "A", "PCLF": "A", "PCLIX": "A", "PCL": "A", "TERR": "A",
                 "ADM1": "A", "ADM2": "A", "ADM3": "A", "ADM4": "A", "ADMD": "A", "CONT": "L", "RGN": "L"}


def fill_admin_coordinates(rows: list[Row]) -> None:
    """Give countries and admin areas without coordinates a point from the towns inside them.

    The point is the middle of the area's trimmed bounding box (5th to 95th percentile of its towns),
    which lies close to the geographic centre GeoNames gives such areas; population is the towns' sum
    where the area has none.
    """
    towns: dict[tuple, list[Row]] = defaultdict(list)
    for row in rows:
        if row.feature.startswith("PPL") and row.lat is not None:
            towns[(row.country,)].append(row)
            if row.admin1:
                towns[(row.country, row.admin1)].append(row)
                if row.admin2:
                    towns[(row.country, row.admin1, row.admin2)].append(row)
    for row in rows:
        if row.lat is not None and row.population:
            continue
        if row.feature.startswith("PCL"):
            key: tuple = (row.country,)
        elif row.feature == "ADM1":
            key = (row.country, row.admin1)
        elif row.feature == "ADM2":
            key = (row.country, row.admin1, row.admin2)
        else:
            continue
        inside = towns.get(key)
        if not inside:
            continue
        if row.lat is None:
            row.lat, row.lon = _middle([t.lat for t in inside]), _middle([t.lon for t in inside])
        if not row.population:
            row.population = sum(t.population for t in inside)


def _middle(values: list[float]) -> float:
    if len(values) < 8:
        return round(statistics.median(values), 5)
    values = sorted(values)
    low, high = values[len(values) // 20], values[-1 - len(values) // 20]
    return round((low + high) / 2, 5)


def write_index(path: Path, rows: list[Row], names: Iterable[tuple[int, str, int]],
                admin_names: dict[str, str], source: str) -> None:
    """Write the index atomically: a temporary file beside ``path``, renamed when complete.

    ``names`` are (row position, name, kind); ``admin_names`` maps "US.TX" to "Texas".
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, lat REAL, lon REAL,"
            " country TEXT, feature TEXT, admin1 TEXT, admin2 TEXT, population INTEGER);"
            "CREATE TABLE names (key TEXT, place INTEGER, kind INTEGER);"
            "CREATE TABLE admin (code TEXT PRIMARY KEY, name TEXT);"
        )
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                        ((i, r.geonameid, r.name, r.lat, r.lon, r.country, r.feature, r.admin1, r.admin2,
                          r.population) for i, r in enumerate(rows) if r.lat is not None))
        placed = {i for i, r in enumerate(rows) if r.lat is not None}
        con.executemany("INSERT INTO names VALUES (?,?,?)", _best_names(names, placed))
        con.executemany("INSERT INTO admin VALUES (?,?)", sorted(admin_names.items()))
        con.executemany("INSERT INTO meta VALUES (?,?)", [("schema", str(SCHEMA_VERSION)), ("source", source),
                                                          ("places", str(len(placed)))])
        con.execute("CREATE INDEX names_key ON names (key)")
        con.commit()
        con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _best_names(names: Iterable[tuple[int, str, int]], placed: set[int]) -> Iterator[tuple[str, int, int]]:
    """(key, place, kind) once per key and place, keeping the best kind."""
    best: dict[tuple[str, int], int] = {}
    for place, name, kind in names:
        if place not in placed:
            continue
        key = name_key(name)
        if key and best.get((key, place), 9) > kind:
            best[(key, place)] = kind
    for (key, place), kind in best.items():
        yield key, place, kind


class Index:
    """A read-only view of one index file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        meta = dict(self.con.execute("SELECT key, value FROM meta"))
        if meta.get("schema") != str(SCHEMA_VERSION):
            raise ValueError(f"{path}: gazetteer index of another version; import it again")
        self.source = meta.get("source", "")
        self.size = int(meta.get("places", "0"))
        self.admin_names: dict[str, str] = dict(self.con.execute("SELECT code, name FROM admin"))
        self._cache: dict[str, tuple[Candidate, ...]] = {}

    def lookup_many(self, keys: Iterable[str]) -> dict[str, tuple[Candidate, ...]]:
        """Candidates for each normalised name (empty tuple for unknown names)."""
        out: dict[str, tuple[Candidate, ...]] = {}
        missing = []
        for key in set(keys):
            if key in self._cache:
                out[key] = self._cache[key]
            else:
                missing.append(key)
        found: dict[str, list[Candidate]] = defaultdict(list)
        for i in range(0, len(missing), 500):
            chunk = missing[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for key, kind, *place in self.con.execute(
                    "SELECT n.key, n.kind, p.geonameid, p.name, p.lat, p.lon, p.country, p.feature, p.admin1,"
                    f" p.admin2, p.population FROM names n JOIN places p ON p.id = n.place WHERE n.key IN ({marks})",
                    chunk):
                found[key].append(Candidate(*place, kind=kind))
        for key in missing:
            out[key] = self._cache[key] = tuple(found.get(key, ()))
        if len(self._cache) > 200_000:
            self._cache.clear()
        return out

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        key = name_key(name)
        return self.lookup_many([key])[key]

    def admin1_name(self, country: str, admin1: str) -> str | None:
        return self.admin_names.get(f"{country}.{admin1}") if admin1 else None
