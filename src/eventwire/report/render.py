"""Lay out an assembled dossier as Markdown, a standalone HTML page, or JSON.

Everything that came from an article is escaped: ``html.escape`` in HTML, and in Markdown the characters
that would start markup or break a table. Links to sources come from a ``link(document, span)`` function,
so the same renderer serves a file on disk (article URLs) and the web server (its document pages).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from html import escape
from typing import Any

import orjson

from eventwire.report.worldmap import countries_in

Link = Callable[[str | None, list | None], str | None]
FORMATS = ("md", "html", "json")


def render(dossier: dict[str, Any], fmt: str, link: Link | None = None) -> str:
    """The dossier as ``md``, ``html`` or ``json`` text."""
    if fmt == "json":
        return orjson.dumps(dossier, option=orjson.OPT_INDENT_2).decode() + "\n"
    if fmt == "md":
        return render_markdown(dossier, link or _no_link)
    if fmt == "html":
        return render_html(dossier, link or _no_link)
    raise ValueError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")


def _no_link(document: str | None, span: list | None) -> str | None:
    return None


def source_url_links(dossier: dict[str, Any]) -> Link:
    """Links to each article's own URL, for a dossier read away from the server."""
    urls = {s["id"]: s["url"] for s in dossier.get("sources", []) if s.get("url")}
    return lambda document, span: urls.get(document)


def figure_range(low: Any, high: Any) -> str:
    if low is None:
        return "?"
    return _num(low) if high in (None, low) else f"{_num(low)}–{_num(high)}"


def _num(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int | float) else str(value)


def _date_range(when: dict) -> str:
    first, last = when.get("first"), when.get("last")
    if first and last and first != last:
        return f"{first} to {last}"
    return first or last or "unknown"


def _event_line(entry: dict, with_status: bool = True) -> str:
    """'Georgian forces ASSAULT (pounding) → Tskhinvali, claimed by X'."""
    who = ", ".join(a for a in entry.get("actors") or [] if a)
    whom = ", ".join(r for r in entry.get("recipients") or [] if r)
    line = " ".join(p for p in (who, str(entry.get("type") or ""), f"({entry['trigger']})" if entry.get("trigger")
                                else "") if p)
    if whom:
        line += f" → {whom}"
    if entry.get("place") and entry["place"] not in (entry.get("recipients") or []):
        line += f" in {entry['place']}"
    if with_status and entry.get("status") and entry["status"] != "asserted":
        line += f" [{entry['status']}" + (f" by {entry['source']}]" if entry.get("source") else "]")
    return line


# --- Markdown ---


def md_escape(text: Any) -> str:
    """One line of article text made inert in Markdown (no HTML, no table breaks, no link syntax)."""
    text = " ".join(str(text if text is not None else "").split())
    for char, replacement in (("\\", "\\\\"), ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "\\|"),
                              ("[", "\\["), ("]", "\\]"), ("`", "\\`"), ("*", "\\*"), ("_", "\\_")):
        text = text.replace(char, replacement)
    return text


def render_markdown(dossier: dict[str, Any], link: Link) -> str:
    out: list[str] = [f"# {md_escape(dossier['title'])}", ""]
    if dossier.get("scope"):
        out += ["Scope: " + ", ".join(f"{k} = {md_escape(v)}" for k, v in dossier["scope"].items()), ""]

    def cite(item: dict) -> str:
        target = link(item.get("document"), item.get("span"))
        label = md_escape(item.get("document") or "")
        return f" ([{label}](<{target}>))" if target else (f" [{label}]" if label else "")

    box = dossier["factbox"]
    out += ["## Factbox", "", "| | |", "|---|---|"]
    out.append("| Where | " + md_escape("; ".join(_place_label(p) for p in box["where"]) or "unknown") + " |")
    out.append(f"| When | {md_escape(_date_range(box['when']))} |")
    out.append("| Who | " + md_escape("; ".join(_who_label(w) for w in box["who"]) or "unknown") + " |")
    for line in box["status"]:
        out.append(f"| Status | {md_escape(line['value'])}{cite(line) if line.get('document') else ''} |")
    for fact in box["facts"]:
        out.append(f"| {md_escape(fact['key'])} | {md_escape(fact['value'])}{cite(fact)} |")
    out.append("")

    out += ["## Key figures", ""]
    for group in dossier["figures"] or []:
        flag = " — **sources disagree**" if group["disagreement"] else ""
        out.append(f"- **{md_escape(group['category'])}** ({md_escape(group['unit'])}): "
                   f"{figure_range(group['low'], group['high'])}{flag}")
        for claim in group["claims"]:
            out.append(f"  - \"{md_escape(claim['text'])}\" — {md_escape(claim['claimant'] or 'reported')}"
                       f"{', hedged' if claim['hedged'] else ''}{_reports(claim)}{cite(claim)}")
    if not dossier["figures"]:
        out.append("No figures reported.")
    out.append("")

    out += ["## Timeline", ""]
    for entry in dossier["timeline"]:
        date = entry["date"] or "undated"
        if entry.get("reported"):
            date += " (reported)"
        text = _event_line(entry) if entry["kind"] == "event" else entry["text"]
        quote = f": \"{md_escape(entry['text'])}\"" if entry["kind"] == "event" and entry.get("text") else ""
        out.append(f"- **{md_escape(date)}** — {md_escape(text)}{quote}{cite(entry)}")
    if not dossier["timeline"]:
        out.append("No dated events.")
    out.append("")

    out += ["## Actors", "", "| Actor | Type | Role | Mentions | Acts | Targeted |", "|---|---|---|---|---|---|"]
    for actor in dossier["actors"]:
        out.append(f"| {md_escape(actor['name'])} | {md_escape(actor['type'])} | "
                   f"{md_escape(', '.join(actor['roles']))} | {actor['mentions']} | "
                   f"{md_escape(_counts(actor['as_actor']))} | {md_escape(_counts(actor['as_recipient']))} |")
    out.append("")

    out += ["## Who said what", ""]
    for speaker in dossier["quotes"]:
        role = f", {md_escape(speaker['role'])}" if speaker.get("role") else ""
        out += [f"### {md_escape(speaker['speaker'])}{role}", ""]
        out += [f"- \"{md_escape(q['text'])}\"{cite(q)}" for q in speaker["quotes"]]
        out.append("")
    if not dossier["quotes"]:
        out += ["No quotes.", ""]

    out += ["## Map", "", "| Place | Kind | Latitude | Longitude | Count |", "|---|---|---|---|---|"]
    for point in dossier["map"]["points"]:
        kind = point["kind"] + (f" {md_escape(point['type'])}" if point.get("type") else "")
        where = f"{point['lat']:.4f} | {point['lon']:.4f}"
        out.append(f"| {md_escape(point['name'])} | {kind} | {where} | {point['count']} |")
    out.append("")

    out += ["## Sources", ""]
    for source in dossier["sources"]:
        title = md_escape(source.get("title") or source["id"])
        target = link(source["id"], None) or source.get("url")
        head = f"[{title}](<{target}>)" if target else title
        out.append(f"- {head} — {md_escape(source.get('published') or 'undated')} (id {md_escape(source['id'])})")
    return "\n".join(out) + "\n"


def _reports(claim: dict) -> str:
    return f" (in {claim['reports']} reports)" if claim.get("reports", 1) > 1 else ""


def _place_label(place: dict) -> str:
    return place["name"] + (f" ({place['country']})" if place.get("country") else "")


def _who_label(who: dict) -> str:
    return who["name"] + (f" ({', '.join(who['roles'])})" if who.get("roles") else "")


def _counts(counts: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items())


# --- HTML ---

REPORT_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:62rem;padding:1rem 1.5rem;color:#1d232a}
h1{font-size:1.6rem;margin:.2rem 0 1rem}h2{border-bottom:2px solid #d9dee4;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e3e7eb;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#f3f5f7}.factbox th{width:9rem}
.disagree{color:#a4262c;font-weight:600}.timeline td.date{width:10rem}
.muted{color:#66707a}.date{font-weight:600;white-space:nowrap}
.status{background:#fff2cc;border-radius:3px;padding:0 .3rem;font-size:.85em}
blockquote{margin:.3rem 0 .6rem;border-left:3px solid #9bb0c9;padding-left:.7rem}
svg.map{width:100%;height:auto;background:#dcebf5;border:1px solid #c4ced8}
svg.map path{fill:#f4f1e8;stroke:#9a9385;stroke-width:.6px;vector-effect:non-scaling-stroke}
svg.map circle{stroke:#fff;stroke-width:1px;vector-effect:non-scaling-stroke}
svg.map .place{fill:#2d6ca2}svg.map .event{fill:#c0392b}svg.map .incident{fill:#8e44ad}
svg.map text{fill:#1d232a;paint-order:stroke;stroke:#fff;stroke-width:2px;vector-effect:non-scaling-stroke}
""".strip()


def report_style_hash() -> str:
    """The CSP source that allows exactly the report's inline style block."""
    digest = hashlib.sha256(REPORT_CSS.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def render_html(dossier: dict[str, Any], link: Link) -> str:
    """A standalone page: inline CSS, an inline SVG map, no script at all."""
    e = escape
    box = dossier["factbox"]

    def cite(item: dict, label: str = "source") -> str:
        target = link(item.get("document"), item.get("span"))
        return f' <a class="cite" href="{e(target)}">{e(label)}</a>' if target else ""

    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{e(dossier['title'])}</title><style>{REPORT_CSS}</style></head><body>",
        f"<h1>{e(dossier['title'])}</h1>",
    ]
    if dossier.get("scope"):
        parts.append('<p class="muted">Scope: ' + e(", ".join(f"{k} = {v}" for k, v in dossier["scope"].items()))
                     + "</p>")

    parts.append('<h2 id="factbox">Factbox</h2><table class="factbox">')
    parts.append(f"<tr><th>Where</th><td>{e('; '.join(_place_label(p) for p in box['where']) or 'unknown')}</td></tr>")
    parts.append(f"<tr><th>When</th><td>{e(_date_range(box['when']))}</td></tr>")
    parts.append(f"<tr><th>Who</th><td>{e('; '.join(_who_label(w) for w in box['who']) or 'unknown')}</td></tr>")
    for line in box["status"]:
        parts.append(f"<tr><th>Status</th><td>{e(line['value'] or '')}{cite(line)}</td></tr>")
    for fact in box["facts"]:
        parts.append(f"<tr><th>{e(fact['key'] or '')}</th><td>{e(fact['value'] or '')}{cite(fact)}</td></tr>")
    parts.append("</table>")

    parts.append('<h2 id="figures">Key figures</h2>')
    if not dossier["figures"]:
        parts.append('<p class="muted">No figures reported.</p>')
    for group in dossier["figures"]:
        flag = ' <span class="disagree">sources disagree</span>' if group["disagreement"] else ""
        parts.append(f"<h3>{e(group['category'])} ({e(group['unit'])}): "
                     f"{e(figure_range(group['low'], group['high']))}{flag}</h3><ul>")
        for claim in group["claims"]:
            hedge = ' <span class="status">hedged</span>' if claim["hedged"] else ""
            parts.append(f"<li>“{e(claim['text'])}” — {e(claim['claimant'] or 'reported')}{hedge}"
                         f"{e(_reports(claim))}{cite(claim)}</li>")
        parts.append("</ul>")

    parts.append('<h2 id="timeline">Timeline</h2><table class="timeline">')
    for entry in dossier["timeline"]:
        date = (entry["date"] or "undated") + (" (reported)" if entry.get("reported") else "")
        if entry["kind"] == "event":
            said = f"{entry['status']} by {entry['source']}" if entry.get("source") else entry.get("status")
            status = f' <span class="status">{e(said)}</span>' if entry.get("status") not in (None, "asserted") else ""
            evidence = f"<span class='muted'>{e(entry.get('text') or '')}</span>"
            body = f"{e(_event_line(entry, with_status=False))}{status}<br>{evidence}"
        else:
            body = f"<strong>{e(entry['text'])}</strong>"
        parts.append(f'<tr><td class="date">{e(date)}</td><td>{body}{cite(entry)}</td></tr>')
    parts.append("</table>")

    parts.append('<h2 id="actors">Actors</h2><table><tr><th>Actor</th><th>Type</th><th>Role</th>'
                 "<th>Mentions</th><th>Acts</th><th>Targeted</th></tr>")
    for actor in dossier["actors"]:
        parts.append(f"<tr><td>{e(actor['name'])}</td><td>{e(actor['type'] or '')}</td>"
                     f"<td>{e(', '.join(actor['roles']))}</td><td>{actor['mentions']}</td>"
                     f"<td>{e(_counts(actor['as_actor']))}</td><td>{e(_counts(actor['as_recipient']))}</td></tr>")
    parts.append("</table>")

    parts.append('<h2 id="quotes">Who said what</h2>')
    for speaker in dossier["quotes"]:
        role = f' <span class="muted">{e(speaker["role"])}</span>' if speaker.get("role") else ""
        parts.append(f"<h3>{e(speaker['speaker'])}{role}</h3>")
        parts += [f"<blockquote>{e(q['text'])}{cite(q)}</blockquote>" for q in speaker["quotes"]]
    if not dossier["quotes"]:
        parts.append('<p class="muted">No quotes.</p>')

    parts.append('<h2 id="map">Map</h2>')
    parts.append(map_svg(dossier["map"]))

    parts.append('<h2 id="sources">Sources</h2><ol>')
    for source in dossier["sources"]:
        target = link(source["id"], None) or source.get("url")
        title = e(source.get("title") or source["id"])
        head = f'<a href="{e(target)}">{title}</a>' if target else title
        parts.append(f"<li>{head} <span class='muted'>{e(source.get('published') or 'undated')} · "
                     f"{e(source['id'])}</span></li>")
    parts.append("</ol></body></html>")
    return "\n".join(parts) + "\n"


def map_svg(map_data: dict[str, Any]) -> str:
    """The world outline around the dossier's points, drawn as inline SVG (x = lon, y = -lat)."""
    x, y, w, h = map_data["view_box"]
    radius = w / 110
    shapes = [f'<path d="{c["d"]}"><title>{escape(c["name"])}</title></path>' for c in countries_in((x, y, w, h))]
    labelled: set[str] = set()
    for point in sorted(map_data["points"], key=lambda p: p["kind"] != "place"):  # places underneath
        label = escape(f"{point['name']} · {point['kind']}" + (f" {point['type']}" if point.get("type") else ""))
        shapes.append(f'<circle class="{point["kind"]}" cx="{point["lon"]:.4f}" cy="{-point["lat"]:.4f}" '
                      f'r="{radius:.4f}"><title>{label}</title></circle>')
        if point["name"] and point["name"] not in labelled and len(labelled) < 12:
            labelled.add(point["name"])
            shapes.append(f'<text x="{point["lon"] + radius * 1.4:.4f}" y="{-point["lat"] + radius / 2:.4f}" '
                          f'font-size="{w / 45:.4f}">{escape(point["name"])}</text>')
    return (f'<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="{x} {y} {w} {h}" '
            f'role="img" aria-label="map">{"".join(shapes)}</svg>')
