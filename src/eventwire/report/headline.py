"""A happening's headline and toll, written from its main event and its documents' count claims.

"Georgian forces shell Tskhinvali; hundreds of civilians killed, according to rebel leader Eduard Kokoity":
actor, act (``report_headline_verbs.tsv``, by event type and mode), recipient, place, then each toll with the
one who claims it. Unknown counts are left out (no "0 injured"); claims that disagree are all shown.
"""

from __future__ import annotations

from typing import Any

from eventwire import lexicons
from eventwire.report.figures import is_share

TOLL_CATEGORIES = ("killed", "injured")
PREPOSITIONS = frozenset(("with", "on", "against", "to", "for", "of", "at"))
VERBS = {(row[0], row[1]): row[2:6] for row in lexicons.rows("report_headline_verbs.tsv")}
PLURALS = tuple(lexicons.lines("report_plural_words.txt"))
DEMONYMS = frozenset(row[0].casefold() for row in lexicons.rows("places_demonyms.tsv"))
NUMBER_WORDS = frozenset(row[0] for row in lexicons.rows("number_words.tsv")) | frozenset(
    row[0] for row in lexicons.rows("number_vague.tsv") if " " not in row[0])  # "dozens", not "a few"
COUNT_WORDS = frozenset(row[0] for row in lexicons.rows("number_words.tsv")) | frozenset(
    row[0].split()[0] for row in lexicons.rows("number_vague.tsv"))


def toll(claims: list[dict], disputed: bool | None = None) -> dict[str, Any]:
    """The happening's counts by category: every distinct claim, and whether claims of one unit disagree.

    Two counts of one unit in one report are a dispute (the army's 5 against the rebels' 40). Across reports
    ``disputed`` is the incident's judgement (eventwire.link.estimate: only parties dispute, and a toll that
    rises from report to report is none); without an incident, differing counts of one unit are."""
    out: dict[str, Any] = {}
    for category in TOLL_CATEGORIES:
        chosen: dict[tuple, dict] = {}
        for claim in claims:
            if claim.get("category") != category or claim.get("low") is None or is_share(claim.get("text")):
                continue
            key = (claim.get("unit"), claim["low"], claim["high"], claim.get("claimant"))
            chosen.setdefault(key, {k: claim.get(k) for k in ("text", "unit", "low", "high", "claimant",
                                                              "claimant_role", "hedged", "document", "span")})
        if not chosen:
            continue
        listed = sorted(chosen.values(), key=lambda c: (-(c["high"] or c["low"]), c["claimant"] or ""))
        units = {c["unit"] for c in listed}
        differ = any(len({(c["low"], c["high"]) for c in listed if c["unit"] == u}) > 1 for u in units)
        in_one_report = any(len({(c["low"], c["high"]) for c in listed if c["unit"] == u and c["document"] == d}) > 1
                            for u in units for d in {c["document"] for c in listed})
        out[category] = {"claims": listed, "disputed": in_one_report or (differ and disputed is not False)}
    return out


def claimant_label(claim: dict) -> str | None:
    """'rebel leader Eduard Kokoity', 'Ukraine', or None when nobody is named."""
    name, role = claim.get("claimant"), claim.get("claimant_role")
    if not name:
        return None
    return f"{role} {name}" if role and role.casefold() not in name.casefold() else name


def toll_phrase(tolls: dict[str, Any]) -> str:
    """'hundreds of civilians killed, according to rebel leader Eduard Kokoity; 14 injured (… disputed …)'."""
    parts = []
    for category in TOLL_CATEGORIES:
        if category not in tolls:
            continue
        by_unit: dict[str, list[dict]] = {}
        for claim in tolls[category]["claims"]:
            by_unit.setdefault(claim["unit"], []).append(claim)
        for claims in by_unit.values():
            first, *others = claims
            phrase = f"{_count_text(first)} {category}{_according(first)}"
            if others:
                phrase += " (" + "; ".join(f"{_count_text(c)}{_according(c)}" for c in others[:3]) + ")"
            parts.append(phrase)
    return "; ".join(parts)


def _according(claim: dict) -> str:
    label = claimant_label(claim)
    return f", according to {label}" if label else ""


def _count_text(claim: dict) -> str:
    text = " ".join(str(claim.get("text") or "").split())
    first = text.split(" ", 1)[0].casefold() if text else ""
    return text[:1].lower() + text[1:] if first in COUNT_WORDS else text


def headline(main: dict | None, kind: str | None, place: str | None, tolls: dict[str, Any]) -> str:
    """One line for a happening: who did what to whom where, and its toll."""
    text = _act(main, kind, place) if main else (f"{(kind or 'incident').lower()} in {place}" if place
                                                   else (kind or "incident").lower())
    count = toll_phrase(tolls)
    text = f"{text}; {count}" if count else text
    return text[:1].upper() + text[1:]


def _act(main: dict, kind: str | None, place: str | None) -> str:
    kind = main.get("type") or kind or ""
    singular, plural, noun, place_object = (VERBS.get((kind, main.get("mode") or "")) or VERBS.get((kind, ""))
                                            or ("", "", "", "no"))
    actors = [_actor_phrase(a) for a in main.get("actors") or [] if a][:2]
    where = place or main.get("place")
    target = next((r for r in main.get("recipients") or [] if r and not _a_count(r)), None)
    if target and where and target.casefold() == where.casefold() and place_object != "yes":
        target = None  # they meet in Jeddah, not "meet Jeddah"
    if actors:
        many = len(actors) > 1 or _plural(actors[0])
        verb = (plural if many else singular) or kind.lower()
        text = f"{' and '.join(actors)} {verb}"
    else:
        text = noun or f"{kind.lower()} on"
    if not target and where and place_object == "yes":
        target, where = where, None  # "shell Tskhinvali"
    if target:
        text += f" {target}"
    elif text.rsplit(" ", 1)[-1] in PREPOSITIONS:
        text = text.rsplit(" ", 1)[0]  # "release prisoners" with nobody named
    if where and (not target or where.casefold() not in target.casefold()):
        text += f" in {where}"
    return text


def _a_count(name: str) -> bool:
    """A recipient that is a number of people ("Two men", "12 villagers") is the toll, which the headline gives
    with its claimant, not the target of the act."""
    first = name.split(" ", 1)[0].casefold()
    return first.replace(",", "").isdigit() or first in NUMBER_WORDS


def _actor_phrase(name: str) -> str:
    """A demonym standing for its forces ('Russian' struck) is written 'Russian forces'."""
    if " " not in name and name.casefold() in DEMONYMS:
        return f"{name} forces"
    return name


def _plural(name: str) -> bool:
    last = name.split()[-1].casefold()
    return last.endswith(PLURALS) or (last.endswith("s") and not last.endswith(("ss", "us", "is", "as")))
