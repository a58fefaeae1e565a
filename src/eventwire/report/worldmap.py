"""The offline world outline behind every map, and the one place where a map is laid out.

``drawing(map)`` turns a dossier's points and viewBox into what both maps draw (the dossier's inline SVG
and the web page's): which countries are in view, each point's circle and the first labels, in SVG units,
and the area shown in degrees. Neither the HTML template nor app.js projects or measures anything.

The outline ships as ``eventwire/api/web/world.json``: one SVG path per country in plain
equirectangular coordinates (x = longitude, y = -latitude), so an SVG ``viewBox`` zooms it and
a point is drawn at ``(lon, -lat)`` with no projection code anywhere. It was made from Natural Earth
(public domain) as packaged by the npm ``world-atlas@2.0.2`` (ISC) with::

    python -m eventwire.report.worldmap package/countries-50m.json src/eventwire/api/web/world.json
"""

from __future__ import annotations

import json
import sys
from functools import cache
from importlib import resources
from typing import Any

WORLD_FILE = "web/world.json"
DECIMALS = 2  # 0.01 degree, about a kilometre
TOLERANCE = 0.1  # degrees a simplified border may stray from Natural Earth's 1:50m one
MIN_SIDE = 4.0  # the smallest map shows at least this many degrees


@cache
def world() -> list[dict[str, Any]]:
    """Countries as ``{"name", "bbox": [w, s, e, n], "d": svg path}``."""
    data = resources.files("eventwire.api").joinpath(WORLD_FILE).read_text(encoding="utf-8")
    return json.loads(data)["countries"]


def view_box(points: list[tuple[float, float]], margin: float = 0.35) -> tuple[float, float, float, float]:
    """An SVG viewBox (x, y, width, height) around ``(lon, lat)`` points, or the whole world."""
    if not points:
        return (-180.0, -85.0, 360.0, 170.0)
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    width = max(max(lons) - min(lons), MIN_SIDE)
    height = max(max(lats) - min(lats), MIN_SIDE * 0.6)
    cx, cy = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    width, height = width * (1 + 2 * margin), height * (1 + 2 * margin)
    width, height = max(width, height * 1.5), max(height, width / 2)  # keep a landscape frame
    return (round(cx - width / 2, 3), round(-cy - height / 2, 3), round(width, 3), round(height, 3))


def countries_in(box: tuple[float, float, float, float], indexes: bool = False) -> list:
    """The countries whose bounding box meets the viewBox (or their indexes in world.json)."""
    x, y, w, h = box
    west, east, north, south = x, x + w, -y, -(y + h)
    return [i if indexes else c for i, c in enumerate(world()) if c["bbox"][0] <= east and c["bbox"][2] >= west
            and c["bbox"][1] <= north and c["bbox"][3] >= south]


MAX_LABELS = 12


def drawing(map_data: dict[str, Any]) -> dict[str, Any]:
    """The map laid out: countries in view (indexes into world.json), circles (the first few with a label, drawn
    right after it), the area shown in degrees."""
    x, y, w, h = map_data["view_box"]
    radius = w / 110
    circles, labelled = [], set()
    for point in sorted(map_data["points"], key=lambda p: p["kind"] != "place"):  # places underneath
        circle = {"kind": point["kind"], "cx": round(point["lon"], 4), "cy": round(-point["lat"], 4),
                  "title": f"{point['name']} · {point['kind']}" + (f" {point['type']}" if point.get("type") else ""),
                  "document": point.get("document"), "span": point.get("span"), "label": None}
        if point["name"] and point["name"] not in labelled and len(labelled) < MAX_LABELS:
            labelled.add(point["name"])
            circle["label"] = {"x": round(point["lon"] + radius * 1.4, 4), "y": round(-point["lat"] + radius / 2, 4),
                               "text": point["name"]}
        circles.append(circle)
    return {"view_box": [x, y, w, h], "countries": countries_in((x, y, w, h), indexes=True),
            "radius": round(radius, 4), "font_size": round(w / 45, 4), "circles": circles,
            "area": area((x, y, w, h))}


def area(box: tuple[float, float, float, float]) -> str:
    """A viewBox back in degrees, as a ``bbox`` filter: ``west,south,east,north`` (y is -latitude)."""
    x, y, w, h = box

    def clamp(value: float, limit: float) -> str:
        return f"{max(-limit, min(limit, value)):.2f}"

    return ",".join((clamp(x, 180), clamp(-(y + h), 90), clamp(x + w, 180), clamp(-y, 90)))


# --- building world.json from a TopoJSON file (run once, by hand; the result is committed) ---


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Ramer-Douglas-Peucker, iterative: keep the points that stray more than ``tolerance`` from the chord."""
    if len(points) < 4:
        return points
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5 or 1e-12
        far, index = 0.0, None
        for i in range(first + 1, last):
            x0, y0 = points[i]
            distance = abs((x2 - x1) * (y1 - y0) - (x1 - x0) * (y2 - y1)) / length
            if distance > far:
                far, index = distance, i
        if index is not None and far > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [points[i] for i in sorted(keep)]


def _simplify_ring(ring: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """A closed ring simplified in two halves, cut at the point farthest from its start."""
    if len(ring) < 4:
        return ring
    x0, y0 = ring[0]
    cut = max(range(len(ring)), key=lambda i: (ring[i][0] - x0) ** 2 + (ring[i][1] - y0) ** 2)
    return _simplify(ring[: cut + 1], tolerance) + _simplify(ring[cut:], tolerance)[1:]


def _path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        rounded = []
        for lon, lat in _simplify_ring(ring, TOLERANCE):
            point = (round(lon, DECIMALS), round(-lat, DECIMALS))
            if not rounded or point != rounded[-1]:
                rounded.append(point)
        if len(rounded) < 3:
            continue
        parts.append("M" + "L".join(f"{x:g} {y:g}" for x, y in rounded) + "Z")
    return "".join(parts)


def build(topojson_path: str, out_path: str) -> None:
    with open(topojson_path, encoding="utf-8") as handle:
        topology = json.load(handle)
    arcs = _decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry.get("arcs", [])]
        rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
        points = [p for ring in rings for p in ring]
        if not points:
            continue
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        bbox = [round(min(lons), 2), round(min(lats), 2), round(max(lons), 2), round(max(lats), 2)]
        countries.append({"name": geometry.get("properties", {}).get("name", ""), "bbox": bbox, "d": _path(rings)})
    note = "Natural Earth (public domain) via world-atlas@2.0.2; x = lon, y = -lat"
    with open(out_path, "w", encoding="utf-8") as handle:
        json.dump({"source": note, "countries": countries}, handle, separators=(",", ":"))


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
