"""The gazetteer index: one SQLite file, built once, opened read-only by every process.

Whatever the source (the packaged data or GeoNames dumps a user imported), a builder hands
an ``IndexWriter`` the same things: place rows, the names each place goes by, and the names of the
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
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SCHEMA_VERSION = 2

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


class IndexWriter:
    """Writes an index file atomically: rows go to a temporary file beside ``path``, renamed by ``finish``.

    Places are keyed by geonameid (negative for places of our own without one); names may be added
    before or after their place, and names of places that never come are dropped at the end.
    """

    def __init__(self, path: Path, source: str) -> None:
        self.path, self.source = path, source
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        os.close(fd)
        os.chmod(self.tmp, 0o644)
        self.con = sqlite3.connect(self.tmp)
        self.con.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT,"
            " feature TEXT, admin1 TEXT, admin2 TEXT, population INTEGER);"
            "CREATE TABLE raw_names (key TEXT, place INTEGER, kind INTEGER);"
            "CREATE TABLE admin (code TEXT PRIMARY KEY, name TEXT);"
            "CREATE TABLE neighbours (country TEXT PRIMARY KEY, neighbours TEXT);"
        )

    def places(self, rows: Iterable[Row]) -> None:
        """Add places; a place already there (same geonameid) is replaced."""
        self.con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?)",
                             ((r.geonameid, r.name, r.lat, r.lon, r.country, r.feature, r.admin1, r.admin2,
                               r.population) for r in rows))

    def names(self, names: Iterable[tuple[int, str, int]]) -> None:
        """Add (geonameid, name, kind) rows."""
        self.con.executemany("INSERT INTO raw_names VALUES (?,?,?)",
                             ((key, gid, kind) for gid, name, kind in names if (key := name_key(name))))

    def admin_names(self, names: dict[str, str]) -> None:
        """Names of admin1 areas by code ("US.TX" -> "Texas")."""
        self.con.executemany("INSERT OR REPLACE INTO admin VALUES (?,?)", names.items())

    def insert_missing(self, rows: Iterable[Row]) -> None:
        """Add places not already there (an area a dump lists both in its main file and its codes file)."""
        self.con.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?)",
                             ((r.geonameid, r.name, r.lat, r.lon, r.country, r.feature, r.admin1, r.admin2,
                               r.population) for r in rows))

    def neighbours(self, neighbours: dict[str, str]) -> None:
        """Each country's neighbours as GeoNames lists them ("GE" -> "AM,AZ,TR,RU")."""
        self.con.executemany("INSERT OR REPLACE INTO neighbours VALUES (?,?)", neighbours.items())

    def set_point(self, gid: int, lat: float, lon: float, only_missing: bool = False) -> None:
        self.con.execute("UPDATE places SET lat = ?, lon = ? WHERE id = ?" + (" AND lat IS NULL" * only_missing),
                         (lat, lon, gid))

    def finish(self) -> None:
        try:
            self._fill_admin_points()
            con = self.con
            con.execute("DELETE FROM places WHERE lat IS NULL")
            con.executescript(
                "CREATE TABLE names AS SELECT key, place, MIN(kind) AS kind FROM raw_names"
                " WHERE place IN (SELECT id FROM places) GROUP BY key, place;"
                "DROP TABLE raw_names; CREATE INDEX names_key ON names (key);"
            )
            size = con.execute("SELECT COUNT(*) FROM places").fetchone()[0]
            con.executemany("INSERT INTO meta VALUES (?,?)", [("schema", str(SCHEMA_VERSION)),
                                                              ("source", self.source), ("places", str(size))])
            con.commit()
            con.execute("VACUUM")
            con.close()
            os.replace(self.tmp, self.path)
        finally:
            self.abandon()

    def abandon(self) -> None:
        """Drop the temporary file (after ``finish`` there is none)."""
        if os.path.exists(self.tmp):
            self.con.close()
            os.unlink(self.tmp)

    def _fill_admin_points(self) -> None:
        """Give countries and admin areas without a point one from the towns inside them.

        The point is the middle of the area's trimmed bounding box (5th to 95th percentile of its towns),
        close to the geographic centre GeoNames gives such areas; population is the towns' sum where
        the area has none.
        """
        con = self.con
        empty = con.execute("SELECT id, country, admin1, admin2, feature FROM places"
                            " WHERE lat IS NULL OR (population = 0 AND feature IN ('PCLI', 'ADM1', 'ADM2'))").fetchall()
        if not empty:
            return
        towns: dict[tuple, list[tuple[float, float, int]]] = defaultdict(list)
        for country, admin1, admin2, lat, lon, population in con.execute(
                "SELECT country, admin1, admin2, lat, lon, population FROM places"
                " WHERE feature LIKE 'PPL%' AND lat IS NOT NULL"):
            point = (lat, lon, population or 0)
            towns[(country,)].append(point)
            if admin1:
                towns[(country, admin1)].append(point)
                if admin2:
                    towns[(country, admin1, admin2)].append(point)
        for gid, country, admin1, admin2, feature in empty:
            key = {"ADM1": (country, admin1), "ADM2": (country, admin1, admin2)}.get(
                feature, (country,) if feature.startswith("PCL") else None)
            inside = towns.get(key) if key else None
            if not inside:
                continue
            lat, lon = _middle([t[0] for t in inside]), _middle([t[1] for t in inside])
            con.execute("UPDATE places SET lat = COALESCE(lat, ?), lon = COALESCE(lon, ?),"
                        " population = CASE WHEN population > 0 THEN population ELSE ? END WHERE id = ?",
                        (lat, lon, sum(t[2] for t in inside), gid))


def _middle(values: list[float]) -> float:
    if len(values) < 8:
        return round(statistics.median(values), 5)
    values = sorted(values)
    low, high = values[len(values) // 20], values[-1 - len(values) // 20]
    return round((low + high) / 2, 5)


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
        self.neighbours: dict[str, frozenset[str]] = {
            country: frozenset(n for n in listed.split(",") if n)
            for country, listed in self.con.execute("SELECT country, neighbours FROM neighbours")}
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._areas: dict[str, Candidate] | None = None

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
                    "SELECT n.key, n.kind, p.id, p.name, p.lat, p.lon, p.country, p.feature, p.admin1,"
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

    def area(self, code: str) -> Candidate | None:
        """The country ("GE") or admin1 area ("US.TX") of a code, as a candidate of its own name."""
        if self._areas is None:  # one scan, the first time a document needs an area
            self._areas = {}
            for row in self.con.execute(
                    "SELECT id, name, lat, lon, country, feature, admin1, admin2, population FROM places"
                    " WHERE feature IN ('PCLI', 'ADM1') ORDER BY population"):
                found = Candidate(*row, kind=NAME_PRIMARY)
                self._areas[found.country if found.feature == "PCLI" else f"{found.country}.{found.admin1}"] = found
        return self._areas.get(code)

    def admin1_name(self, country: str, admin1: str) -> str | None:
        return self.admin_names.get(f"{country}.{admin1}") if admin1 else None
