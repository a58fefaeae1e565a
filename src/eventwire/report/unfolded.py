"""The dossier's "How it unfolded" section: per main incident, who reported it first, a sentence per change
of a toll, the disputes, the echoes.

``unfolded(incidents)`` reads the SPEC §3 fields ``reports``, ``first_report``, ``figures_over_time`` and
``echoes`` (eventwire.store.unfold computes them) and returns plain JSON-ready entries, each sentence with the
document and span it comes from; ``markdown_lines`` lays them out for the Markdown dossier (the HTML one
includes ``templates/unfolded.html.j2``). Sentences are plain text: the renderers escape them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from eventwire.store.unfold import changes, disputes

MAX_INCIDENTS = 5  # the main incidents: those with the most reports


def short_day(published: Any) -> str:
    """'7 Feb' for 2031-02-07 (the year is the dossier's); 'undated' without a date."""
    try:
        day = date.fromisoformat(str(published)[:10])
    except ValueError:
        return "undated"
    return f"{day.day} {day.strftime('%b')}"


def _amount(point: dict) -> str:
    if point.get("value") is not None:
        return _number(point["value"])
    low, high = point.get("low"), point.get("high")
    if high is None:
        return f"at least {_number(low)}"
    return f"{_number(low)}–{_number(high)}" if low is not None else f"up to {_number(high)}"


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int | float) else str(value)


def _where(point: dict) -> str:
    """'(lakenews.example, 7 Feb)': the outlet (else the document id) and the day."""
    return f"({point.get('outlet') or point.get('document')}, {short_day(point.get('published'))})"


def _by(point: dict) -> str:
    """'lakenews.example on 7 Feb', or 'lakenews.example (undated)'."""
    who, day = point.get("outlet") or point.get("document"), short_day(point.get("published"))
    return f"{who} (undated)" if day == "undated" else f"{who} on {day}"


def _span(point: dict) -> list | None:
    evidence = point.get("evidence") or {}
    return [evidence["start"], evidence["end"]] if "start" in evidence and "end" in evidence else None


def _line(text: str, point: dict) -> dict:
    return {"text": text, "document": point.get("document"), "span": _span(point)}


def _label(incident: dict) -> str:
    place = (incident.get("place") or {}).get("name")
    label = str(incident.get("type") or "incident").lower() + (f" in {place}" if place else "")
    return label + (f", {incident['date']}" if incident.get("date") else "")


def incident_story(incident: dict) -> dict:
    """One incident's entry: its label, first report, changes, disputes and echoes as cited sentences."""
    series = incident.get("figures_over_time") or {}
    first = incident.get("first_report") or {}
    outlets = sorted({r["outlet"] for r in incident.get("reports") or [] if r.get("outlet")})
    first_line = None
    if first:
        first_line = {"text": f"First reported by {_by(first)}"
                              + (f": {first['title']}" if first.get("title") else ""),
                      "document": first.get("document"), "span": None}
    moves = [_line(f"{m['field']} {m['direction']} from {_amount(m['before'])} {_where(m['before'])} to "
                   f"{_amount(m['after'])} {_where(m['after'])}", m["after"]) for m in changes(series)]
    disagreements = []
    for dispute in disputes(series):
        said = "; ".join(f"{_amount(p)} by {p['claimant']} {_where(p)}" for p in dispute["claims"])
        disagreements.append(_line(f"{dispute['field']} disputed on {short_day(dispute['published'])}: {said}",
                                   dispute["claims"][0]))
    echoes = [_line(f"{e['field']} {_amount(e)} from {e['claimant']}, repeated by {_by(e)}, first given by "
                    f"{_by(e['repeats'])}", e) for e in incident.get("echoes") or []]
    return {"incident": incident.get("incident"), "label": _label(incident),
            "reports": len(incident.get("reports") or []), "outlets": outlets, "first": first_line,
            "changes": moves, "disputes": disagreements, "echoes": echoes}


def unfolded(incidents: list[dict], limit: int = MAX_INCIDENTS) -> list[dict]:
    """The main incidents (most reports first, then earliest) with how each unfolded."""
    reported = [i for i in incidents if i.get("reports")]
    reported.sort(key=lambda i: (-len(i["reports"]), i.get("date") or "9999", str(i.get("incident"))))
    return [incident_story(i) for i in reported[:limit]]


def markdown_lines(entries: list[dict], cite: Callable[[dict], str], escape: Callable[[Any], str]) -> list[str]:
    """The Markdown of the section, given the dossier renderer's ``cite`` and ``md_escape``."""
    out = ["## How it unfolded", ""]
    for entry in entries:
        outlets = ", ".join(entry["outlets"]) or "no outlet named"
        out += [f"### {escape(entry['label'])}", "",
                f"{entry['reports']} report{'' if entry['reports'] == 1 else 's'} ({escape(outlets)})", ""]
        if entry["first"]:
            out.append(f"- {escape(entry['first']['text'])}{cite(entry['first'])}")
        out += [f"- {escape(line['text'])}{cite(line)}" for line in entry["changes"]]
        out += [f"- **{escape(line['text'])}**{cite(line)}" for line in entry["disputes"]]
        out += [f"- echo: {escape(line['text'])}{cite(line)}" for line in entry["echoes"]]
        out.append("")
    if not entries:
        out += ["No incident reported.", ""]
    return out
