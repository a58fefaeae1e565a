"""Lay out an assembled dossier as Markdown, a standalone HTML page, or JSON.

Everything that came from an article is escaped: by Jinja2's autoescape in HTML, and in Markdown the characters
that would start markup or break a table. Links to sources come from a ``link(document, span)`` function,
so the same renderer serves a file on disk (article URLs) and the web server (its document pages).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

import orjson

from eventwire.report.unfolded import markdown_lines as unfolded_lines
from eventwire.report.worldmap import world

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
    if entry.get("also"):
        line += f" (also {', '.join(entry['also'])})"
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
        if entry["kind"] == "happening":
            out.append(f"- **{md_escape(entry['date'] or 'undated')}** — **{md_escape(entry['text'])}** — "
                       f"{md_escape(happening_details(entry))}{cite(entry)}")
        else:
            shown = _line_date(entry)
            retold = "".join(cite(r) for r in _retold(entry))
            out.append(f"  - {f'{md_escape(shown)}: ' if shown else ''}{md_escape(_event_line(entry))}"
                       f"{_md_quote(entry)}{cite(entry)}{f'; also told in{retold}' if retold else ''}")
    if not dossier["timeline"]:
        out.append("No dated events.")
    out.append("")
    if dossier.get("background"):
        out += ["## Background", ""]
        for entry in dossier["background"]:
            out.append(f"- **{md_escape(entry['date'] or 'undated')}** — {md_escape(_event_line(entry))}"
                       f"{_md_quote(entry)}{cite(entry)}")
        out.append("")

    out += unfolded_lines(dossier.get("unfolded") or [], cite, md_escape)

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


def _md_quote(entry: dict) -> str:
    return f": \"{md_escape(entry['text'])}\"" if entry.get("text") else ""


def _retold(entry: dict) -> list[dict]:
    """The other reports that tell this line's act, one citation each."""
    seen: dict[str, dict] = {}
    for told in entry.get("retold") or []:
        seen.setdefault(told["document"], told)
    return list(seen.values())


def _line_date(entry: dict) -> str:
    """An event line's own date, when it has one and it is not its happening's."""
    return "" if entry.get("reported") or entry.get("same_day") or not entry.get("date") else entry["date"]


def happening_details(entry: dict) -> str:
    """'in Tskhinvali · also acting: Russia · killed disputed · 2 reports' (what the headline leaves out)."""
    parts = []
    if entry.get("place") and entry["place"].casefold() not in entry["text"].casefold():
        parts.append(f"in {entry['place']}")
    actors = [a for a in entry.get("actors") or [] if a.casefold() not in entry["text"].casefold()]
    if actors:
        parts.append("also acting: " + ", ".join(actors))
    disputed = [k for k, v in (entry.get("toll") or {}).items() if v.get("disputed")]
    if disputed:
        parts.append(" and ".join(disputed) + " disputed")
    count = len(entry.get("documents") or [])
    parts.append(f"{count} report{'s' if count != 1 else ''}")
    return " · ".join(parts)


def _reports(claim: dict) -> str:
    return f" (in {claim['reports']} reports)" if claim.get("reports", 1) > 1 else ""


def _place_label(place: dict) -> str:
    return place["name"] + (f" ({place['country']})" if place.get("country") else "")


def _who_label(who: dict) -> str:
    return who["name"] + (f" ({', '.join(who['roles'])})" if who.get("roles") else "")


def _counts(counts: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items())


# --- HTML (templates/dossier.html.j2, autoescaped) ---

REPORT_CSS = resources.files("eventwire.report").joinpath("templates/report.css").read_text(encoding="utf-8").strip()


def report_style_hash() -> str:
    """The CSP source that allows exactly the report's inline style block."""
    digest = hashlib.sha256(REPORT_CSS.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


@cache
def _templates():
    from jinja2 import Environment, PackageLoader

    env = Environment(loader=PackageLoader("eventwire.report", "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters.update(place_label=_place_label, who_label=_who_label)
    env.globals.update(date_range=_date_range, happening_details=happening_details, line_date=_line_date,
                       retold=_retold,
                       figure_range=figure_range, event_line=_event_line, reports=_reports,
                       counts=_counts)
    return env


def render_html(dossier: dict[str, Any], link: Link) -> str:
    """A standalone page: inline CSS, an inline SVG map, no script at all."""
    page = _templates().get_template("dossier.html.j2").render(
        dossier=dossier, box=dossier["factbox"], link=link, css=REPORT_CSS, world=world())
    return page.rstrip("\n") + "\n"
