"""Values and the calendar: numbers, units, durations, and dates resolved against the publication date.

Shared by every language: the groups a rule of any language matches are first put into the English
vocabulary of ``lexicons/time_words.json`` (see ``canonical.py``), so these helpers read that one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.extract.timex.grammar import words

PAST, FUTURE, PRESENT = "past", "future", "present"


@dataclass(frozen=True, slots=True)
class Context:
    """What a value is resolved against: the publication date and the tense of the clause."""

    dct: date
    tense: str | None = None


@dataclass(frozen=True, slots=True)
class Value:
    value: str | None
    type: str | None = None  # overrides the rule's type when set


Op = Callable[[dict[str, str], Context], Value]


# ------------------------------------------------------------------ numbers and units
def parse_number(text: str) -> float | None:
    """'three' -> 3, 'twenty four' -> 24, '5 1/2' -> 5.5, 'a couple of' -> 2; None when vague ('several')."""
    t = re.sub(r"\s+", " ", text.lower().strip()).replace(",", "")
    w = words()
    if t in w["numbers"]:
        return float(w["numbers"][t])
    frac = re.fullmatch(r"([0-9]+) ([0-9])/([0-9])", t)
    if frac:
        return int(frac.group(1)) + int(frac.group(2)) / int(frac.group(3))
    try:
        return float(t)
    except ValueError:
        pass
    total = 0.0
    for part in re.split(r"[\s-]+", t):
        if part not in w["numbers"]:
            return None
        total += w["numbers"][part]
    return total


def unit_code(text: str) -> str:
    return words()["units"].get(re.sub(r"\s+", " ", text.lower()), "")


def fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


_SMALLER = {"Y": (12, "M"), "H": (60, "MIN"), "MIN": (60, "S"), "D": (24, "H"), "W": (7, "D")}


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P3M, PT3H, PXY, P2W; fractions turn into the next smaller unit where exact."""
    if unit == "2W":
        n, unit = (n or 0) * 2 if n is not None else None, "W"
    if unit == "Q":
        n, unit = (n * 3 if n is not None else None), ("M" if n is not None else "Q")
    if unit in ("DE", "CE") and n is not None:
        n, unit = n * (10 if unit == "DE" else 100), "Y"
    time_unit = unit in ("H", "MIN", "S")
    letter = {"MIN": "M"}.get(unit, unit)
    if n is None:
        return f"PT X{letter}".replace(" ", "") if time_unit else f"PX{letter}"
    if not float(n).is_integer():
        smaller = _SMALLER.get(unit, (None, None))
        whole, rest = int(n), n - int(n)
        if smaller[0] and float(rest * smaller[0]).is_integer():
            head = duration_value(whole, unit) if whole else ""
            tail = duration_value(rest * smaller[0], smaller[1])
            if not head:
                return tail
            return head + (tail[2:] if tail.startswith("PT") and head.startswith("PT") else tail[1:])
    return f"PT{fmt(n)}{letter}" if time_unit else f"P{fmt(n)}{letter}"


# ------------------------------------------------------------------ calendar helpers
def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def shift_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, 28))


def infer_year(month: int, day: int | None, ctx: Context) -> int:
    """The year of an underspecified month (and day): the publication year, unless the tense says otherwise."""
    year = ctx.dct.year
    try:
        candidate = date(year, month, day or 1)
    except ValueError:
        return year
    if day is None:
        later = month > ctx.dct.month + 1
        earlier = month < ctx.dct.month - 1
    else:
        later = (candidate - ctx.dct).days > 60
        earlier = (ctx.dct - candidate).days > 60
    if ctx.tense == PAST and later:
        return year - 1
    if ctx.tense == FUTURE and earlier:
        return year + 1
    if ctx.tense not in (PAST, FUTURE):
        gap = (candidate - ctx.dct).days
        if gap > 183:
            return year - 1
        if gap < -183:
            return year + 1
    return year


def resolve_weekday(weekday: int, ctx: Context, rel: str | None = None) -> date:
    """The date of a weekday: the last one in a past report, the next one in a plan, the nearest otherwise."""
    today = ctx.dct.isoweekday()
    back = (today - weekday) % 7
    ahead = (weekday - today) % 7
    rel = (rel or "").lower()
    if rel in ("last", "past", "this past"):
        return ctx.dct - timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming"):
        return ctx.dct + timedelta(days=ahead or 7)
    if ctx.tense == FUTURE:
        return ctx.dct + timedelta(days=ahead)
    if ctx.tense == PRESENT and ahead < back:
        return ctx.dct + timedelta(days=ahead)
    return ctx.dct - timedelta(days=back)


def year_of(text: str) -> int:
    if not text.isdigit():
        return spoken_year(text)
    y = int(text)
    if len(text) == 2:
        y += 1900 if y >= 50 else 2000
    return y


def spoken_year(text: str) -> int:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001, 'nineteen oh five' -> 1905."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t.startswith("two thousand"):
        rest = t[len("two thousand"):].replace("and", "").strip()
        return 2000 + int(parse_number(rest) or 0)
    head, _, rest = t.partition(" ")
    rest = rest.replace("oh ", "")
    return int(parse_number(head)) * 100 + int(parse_number(rest) or 0)


def day_of(text: str) -> int:
    return int(re.match(r"[0-9]+", text).group(0))


def month_of(text: str) -> int:
    return words()["months_lower"][text.lower().rstrip(".")]


def on_day(g: dict[str, str], ctx: Context) -> date | None:
    """The day named after a clock time ('10 p.m. Wednesday', 'noon on August 8'), if any."""
    if "weekday" in g:
        return resolve_weekday(words()["weekdays_lower"][g["weekday"].lower()], ctx)
    if "word" in g:
        return ctx.dct + timedelta(days=words()["deictic_shift"].get(g["word"].lower(), 0))
    if "month" in g and "day" in g:
        month, day = month_of(g["month"]), day_of(g["day"])
        year = year_of(g["year"]) if "year" in g else infer_year(month, day, ctx)
        return safe_date(year, month, day)
    return None


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def part_code(text: str | None) -> str:
    if not text:
        return ""
    return words()["parts_of_day"].get(re.sub(r"\s+", " ", text.lower()), "")
