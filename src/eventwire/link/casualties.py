"""How many people a report says were killed and injured in the happening it reports.

Read first from the headline ("1 dead, 3 wounded in …", "4 shot outside …"), which states the count of the
happening itself, then from the record's figures (category killed / injured, unit people) and events
(``killed`` / ``injured``), keeping the first, most salient one of each; figures that are really ages
("Jon Vale, 25, was killed"), ranges of ages or street numbers ("the 6700 block") are skipped. Reports of a
single victim often give no number ("a man was shot and killed", "a teenager was wounded"): then a word of
death in the headline or lead counts one killed (a headline over a cookie wall still tells of the harm),
and a word of wounding one injured when nobody died (with a death
reported, words of wounding most often describe the one who died, unless "another" was hurt). A report with
words of harm but no count of deaths says none died (0); one that says nothing of the wounded leaves them
unknown (None), and a report with no words of harm says nothing (None). A report that says none outright
("No one was hurt", "there were no casualties", but not "no one else was hurt") counts 0 of that kind
whatever a figure says (``casualty_none.tsv``); beside two or more dead, "a cook was wounded" is one
survivor.

``toll_claims`` keeps every count with its claimant, for best estimates that show disputes.
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.extract.numbers.words import word_value, word_values
from eventwire.lexicons import rows

ASSERTED = {"asserted", "claimed", None}
LEAD_CHARS = 1500

_DEATH = re.compile(r"\b(?:killed|kills|dead|died|dies|fatal(?:ly)?|slain|killing|lost (?:his|her) life|"
                    r"claimed the lives? of)\b", re.IGNORECASE)
# words that often mean a death but also come with trials and wounds
_WEAK_DEATH = re.compile(r"\b(?:murder(?:ed)?|homicide|deadly)\b", re.IGNORECASE)
_WOUND = re.compile(r"\b(?:wounded|injured|injuries|hospitali[sz]ed|(?:was|were|been|got|being) shot|"
                    r"shot (?:in|at) the|shoots? (?:himself|herself)|accidentally shot|critical condition|"
                    r"stable condition|gunshot wounds?|recovering|treated and released|grazed)\b", re.IGNORECASE)
_ANOTHER_HURT = re.compile(r"\b(?:another|a second|one other|the other|a third)\b[^.]{0,60}?\b(?:wounded|injured|hurt|"
                           r"shot|hospitali[sz]ed|critical|stable|survived)\b", re.IGNORECASE)
_ONE_HURT = re.compile(r"\b(?:a|an|one)\s+(?:[\w-]+\s+){0,2}(?:was|got)\s+(?:also\s+)?(?:wounded|injured|hurt)\b",
                       re.IGNORECASE)
_AGE_AFTER = re.compile(r"^\s*(?:,|-?\s*years?|-year|\)|to \d)", re.IGNORECASE)


def casualty_counts(record: dict) -> dict[str, Any]:
    """{"killed": n | None, "injured": n | None} for the report's main happening."""
    text = record.get("text") or ""
    title = str(record.get("title") or "")
    counts = title_counts(title)
    for field, value in _from_figures(record, text).items():
        counts.setdefault(field, value)
    for field, value in _from_events(record).items():
        counts.setdefault(field, value)
    lead = title + "\n" + text[:LEAD_CHARS]  # a headline over a cookie wall still tells of the harm
    for field in none_reported(lead):
        counts[field] = 0
    death, wound = bool(_DEATH.search(lead)), bool(_WOUND.search(lead))
    death = death or ("injured" not in counts and bool(_WEAK_DEATH.search(lead)))
    if not (death or wound or counts or _title_shot(title) is not None):
        return {"killed": None, "injured": None}
    if "killed" not in counts:
        multiple = _MULTIPLE_KILLING.search(lead)
        # "a double homicide", "a murder-suicide" (the one who killed is among the dead)
        counts["killed"] = _MULTIPLE[multiple.group(multiple.lastindex or 1).lower()] if multiple else 1 if death else 0
    shot, others = shot_count(title, lead)
    if shot is not None and others and "injured" not in counts:
        counts["injured"] = shot  # "a man was killed and four others were shot": the four survived
    elif shot is not None and not others and counts.get("injured") in (None, shot):
        # "five people were shot, one fatally": being shot is not being wounded; the dead are among the shot
        counts["injured"] = max(shot - counts["killed"], 0)
    if "injured" not in counts:
        # with a death reported, words of wounding most often describe the one who died
        # "three guards died and a cook was hurt": one survivor beside several dead
        survivor = wound and (counts["killed"] == 0 or bool(_ANOTHER_HURT.search(lead))
                              or counts["killed"] >= 2 and bool(_ONE_HURT.search(lead)))
        counts["injured"] = 1 if survivor else None  # silence about the wounded is not "none"
    return counts




def _value(word: str) -> int:
    """A count as ``_NUMBER`` matched it: digits, or a number word (eventwire.extract.numbers)."""
    return int(word) if word.isdigit() else word_value(word) or 0


def _title_shot(title: str) -> int | None:
    match = _TITLE_SHOT.search(title)
    if not match:
        return None
    return _value(match.group(1))


def title_counts(title: str) -> dict[str, int]:
    """Counts a headline states outright: "1 dead, 3 wounded in shooting at a party"."""
    counts = {}
    for field, pattern in _TITLE_COUNT.items():
        match = pattern.search(title)
        if match:
            counts[field] = _value(match.group(1))
    return counts


# the number words of a victim count ("three", "twelve"), from the one home of number words
_SMALL_WORDS = sorted((w for w, (value, kind) in word_values()[0].items() if kind == "unit" and 0 < value < 20),
                      key=len, reverse=True)
_NUMBER = r"(\d{1,3}|" + "|".join(map(re.escape, _SMALL_WORDS)) + ")"
_TITLE_COUNT = {
    "killed": re.compile(rf"\b{_NUMBER}\s+(?:[\w-]+\s+)?(?:dead|killed|die|died|slain)\b", re.IGNORECASE),
    "injured": re.compile(rf"\b{_NUMBER}\s+(?:[\w-]+\s+)?(?:wounded|injured|hurt|hospitali[sz]ed)\b", re.IGNORECASE),
}
_TITLE_SHOT = re.compile(rf"\b{_NUMBER}\s+(?:[\w-]+\s+)?shot\b", re.IGNORECASE)
_OTHERS = re.compile(r"\b(?:others?|more|additional)\b", re.IGNORECASE)
_SHOT_VERB = re.compile(r"\b(?:shot|struck)\b", re.IGNORECASE)
# "two men were shot dead", "shot to death", "shot and killed": those are the dead, not all who were hit
_SHOT_DEAD = re.compile(r"\s*(?:dead|to death|and killed|fatally|,?\s*killing)\b", re.IGNORECASE)
_PEOPLE = r"(?:people|persons|men|women|teens|teenagers|children|kids|boys|girls|victims|others|males|females|adults)"
_SHOT_PATTERNS = [
    re.compile(rf"\b{_NUMBER}\s+(?:[\w-]+\s+){{0,2}}(?:were|have been|had been|got|are)\s+(?:shot|wounded|struck)\b",
               re.IGNORECASE),
    re.compile(rf"\bshot\s+{_NUMBER}\s+(?:[\w-]+\s+){{0,2}}{_PEOPLE}", re.IGNORECASE),
    re.compile(rf"\b{_NUMBER}\s+(?:[\w-]+\s+){{0,1}}{_PEOPLE}\s+(?:shot|wounded)\b", re.IGNORECASE),
]
_MULTIPLE = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5, "murder-suicide": 2, "murder suicide": 2}
_MULTIPLE_KILLING = re.compile(r"\b(double|triple|quadruple|quintuple)[- ](?:fatal[- ])?(?:murder|homicide|slaying|"
                               r"killing|shooting death|fatal shooting)s?\b"
                               r"|\b(murder[- ]suicide)\b", re.IGNORECASE)
_MULTIPLE_SHOOTING = re.compile(r"\b(double|triple|quadruple|quintuple)[- ]shooting", re.IGNORECASE)


def people_shot(text: str) -> int | None:
    """How many people the text first says were shot ("four people were shot", "a triple shooting")."""
    found = _first_shot(text)
    return found[0] if found else None


def shot_count(title: str, lead: str) -> tuple[int | None, bool]:
    """How many people the headline, else the lead, says were shot, and whether they are ``others`` beside
    those killed ("one killed, four others shot") rather than all who were hit ("5 shot, 1 killed")."""
    match = _TITLE_SHOT.search(title)
    if match and not _SHOT_DEAD.match(title, match.end()):
        return _value(match.group(1)), bool(_OTHERS.search(match.group(0)))
    found = _first_shot(lead)
    return found if found else (None, False)


def _first_shot(text: str) -> tuple[int, bool] | None:
    found = []
    for pattern in _SHOT_PATTERNS:
        match = next((m for m in pattern.finditer(text) if not _SHOT_DEAD.match(text, m.end())), None)
        if match:
            # "four others were shot", "three people were wounded": survivors only, not all who were hit
            survivors = bool(_OTHERS.search(match.group(0))) or not _SHOT_VERB.search(match.group(0))
            found.append((match.start(), _value(match.group(1)), survivors))
    match = _MULTIPLE_SHOOTING.search(text)
    if match:
        found.append((match.start(), _MULTIPLE[match.group(1).lower()], False))
    return min(found)[1:] if found else None


def _from_events(record: dict) -> dict[str, int]:
    counts: dict[str, int] = {}
    for event in record.get("events") or []:
        if not isinstance(event, dict) or event.get("status") not in ASSERTED:
            continue
        for field in ("killed", "injured"):
            value = event.get(field)
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0 and field not in counts:
                counts[field] = value
    return counts


def _from_figures(record: dict, text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for figure in record.get("figures") or []:
        if not isinstance(figure, dict) or figure.get("category") not in ("killed", "injured"):
            continue
        if figure["category"] in counts or figure.get("unit", "people") != "people" or figure.get("hedged"):
            continue
        value = _count(figure, text)
        if value is not None:
            counts[figure["category"]] = value
    return counts


def _count(figure: dict, text: str) -> int | None:
    """The figure's number of people, or None when it is not a count (an age, a street number, vague)."""
    quantity = figure.get("quantity") if isinstance(figure.get("quantity"), dict) else {}
    value = quantity.get("value")
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value < 100000:
        return None
    surface = str(figure.get("text") or "")
    end = figure.get("end") if isinstance(figure.get("end"), int) else 0
    start = figure.get("start") if isinstance(figure.get("start"), int) else 0
    if "block" in surface.lower() or re.fullmatch(r"\d+\s*-\s*\d+", surface.strip()):
        return None
    if surface.strip().isdigit() and (_AGE_AFTER.match(text[end : end + 8]) or text[max(0, start - 2) : start] == ", "):
        return None
    return int(value)


_NONE = {(word, form): tuple(fields.split(",")) for word, form, fields in rows("casualty_none.tsv")}
_PARTICIPLES = "|".join(word for word, form in _NONE if form == "participle")
_NOUNS = "|".join(word for word, form in _NONE if form == "noun")
_NONE_PATTERN = re.compile(
    rf"\b(?:no one|no-one|nobody|none)\s+(?:was|were|has been|had been|is|got)\s+(?:reported\s+)?({_PARTICIPLES})\b"
    rf"|\bno\s+(?:immediate\s+|reported\s+)?({_NOUNS})\b", re.IGNORECASE)


def none_reported(text: str) -> set[str]:
    """The fields (killed, injured) the text says outright that none were: "No one was hurt" sets both."""
    fields: set[str] = set()
    for match in _NONE_PATTERN.finditer(text):
        word = (match.group(1) or match.group(2)).lower()
        form = "participle" if match.group(1) else "noun"
        fields.update(_NONE[(word, form)])
    return fields


PERSON_UNITS = frozenset({"people", "troops"})  # units of figures that count people: soldiers die too


def toll_claims(record: dict) -> list[dict]:
    """Every count of killed or injured people the record gives, with its claimant's name and whether the
    claimant is a party (an organisation, a government, a group: anything but one person): the record of who
    said what that best estimates and disputes are computed from."""
    text = record.get("text") or ""
    entities = {e.get("id"): e for e in record.get("entities") or [] if isinstance(e, dict)}
    claims = []
    for figure in record.get("figures") or []:
        if not isinstance(figure, dict) or figure.get("category") not in ("killed", "injured"):
            continue
        if figure.get("unit", "people") not in PERSON_UNITS or figure.get("hedged"):
            continue
        value = _count(figure, text)
        if value is not None:
            entity = entities.get(figure.get("claimant")) or {}
            claims.append({"field": figure["category"], "value": value, "claimant": entity.get("name") or None,
                           "party": bool(entity.get("name")) and entity.get("type") != "PERSON"})
    return claims
