"""Normalisation: the named groups of a rule match, turned into a TIMEX3 value in news mode.

News mode anchors every relative expression on the document creation time (the publication date). Where a
date is underspecified (a weekday, a month without its year), the tense of the clause decides: a past report
points back, a plan points forward. Conventions chosen where TimeML leaves room:

- "midnight" on a named day is the end of that day, as TimeML writes it: "midnight on August 8" is
  ``…-08-08T24:00`` (the same instant as ``…-08-09T00:00``); news usage ("the deadline expires at midnight
  Friday") means the night that closes the day.
- decades are ``199X``; centuries are their two leading digits (``19`` for the 20th century).
- "late on August 7" is the night of that day (``…-08-07TNI``); "early on" is its morning.

Absolute forms ("Aug. 7, 1998", "7 August", "2008-08-07") are read by the rules themselves: dateparser was
measured at about 2 ms a call and returns a datetime without granularity ("March 2029" becomes a day), so it
would cost more than the whole step and still need this module to recover the TimeML value.
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


def _fmt(n: float) -> str:
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
    return f"PT{_fmt(n)}{letter}" if time_unit else f"P{_fmt(n)}{letter}"


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


def _year(text: str) -> int:
    if not text.isdigit():
        return _spoken_year(text)
    y = int(text)
    if len(text) == 2:
        y += 1900 if y >= 50 else 2000
    return y


def _spoken_year(text: str) -> int:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001, 'nineteen oh five' -> 1905."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t.startswith("two thousand"):
        rest = t[len("two thousand"):].replace("and", "").strip()
        return 2000 + int(parse_number(rest) or 0)
    head, _, rest = t.partition(" ")
    rest = rest.replace("oh ", "")
    return int(parse_number(head)) * 100 + int(parse_number(rest) or 0)


def _day(text: str) -> int:
    return int(re.match(r"[0-9]+", text).group(0))


def _month(text: str) -> int:
    return words()["months_lower"][text.lower().rstrip(".")]


def _on_day(g: dict[str, str], ctx: Context) -> date | None:
    """The day named after a clock time ('10 p.m. Wednesday', 'noon on August 8'), if any."""
    if "weekday" in g:
        return resolve_weekday(words()["weekdays_lower"][g["weekday"].lower()], ctx)
    if "word" in g:
        return ctx.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(g["word"].lower(), 0))
    if "month" in g and "day" in g:
        month, day = _month(g["month"]), _day(g["day"])
        year = _year(g["year"]) if "year" in g else infer_year(month, day, ctx)
        return _safe_date(year, month, day)
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _part(text: str | None) -> str:
    if not text:
        return ""
    return words()["parts_of_day"].get(re.sub(r"\s+", " ", text.lower()), "")


# ------------------------------------------------------------------ operations
def op_date(g: dict[str, str], ctx: Context) -> Value:
    month, day = _month(g["month"]) if not g["month"].isdigit() else int(g["month"]), _day(g["day"])
    rel = " ".join((g.get("rel") or "").lower().split())
    if "year" in g:
        year = _year(g["year"])
    elif rel in ("last", "this past"):
        year = ctx.dct.year - (1 if (month, day) >= (ctx.dct.month, ctx.dct.day) else 0)
    elif rel in ("next", "this coming"):
        year = ctx.dct.year + (1 if (month, day) <= (ctx.dct.month, ctx.dct.day) else 0)
    else:
        year = infer_year(month, day, ctx)
    d = _safe_date(year, month, day)
    return Value(d.isoformat() if d else None)


def op_late_on(g: dict[str, str], ctx: Context) -> Value:
    if "weekday" in g:
        d = resolve_weekday(words()["weekdays_lower"][g["weekday"].lower()], ctx)
    else:
        month, day = _month(g["month"]), _day(g["day"])
        d = _safe_date(_year(g["year"]) if "year" in g else infer_year(month, day, ctx), month, day)
    if d is None:
        return Value(None)
    return Value(f"{d.isoformat()}T{'NI' if g['mod'].lower() == 'late' else 'MO'}")


def op_clock(g: dict[str, str], ctx: Context) -> Value:
    if "named" in g:
        clock = words()["named_clock"][g["named"].lower()]
    else:
        hour = int(g["hour"])
        ampm = (g.get("ampm") or "").lower().replace(" ", "")
        if ampm.startswith("in") or ampm.startswith("at"):
            ampm = "am" if "morning" in ampm else "pm"
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{g.get('minute', '00')}"
    d = _on_day(g, ctx) or ctx.dct
    return Value(f"{d.isoformat()}T{clock}")


def op_holiday(g: dict[str, str], ctx: Context) -> Value:
    rule = words()["holidays_lower"][re.sub(r"\s+", " ", g["holiday"].lower())]
    fixed = re.fullmatch(r"([0-9]{2})-([0-9]{2})", rule)
    month = int(fixed.group(1)) if fixed else int(rule.split()[-1])
    rel = (g.get("rel") or "").lower()
    year = _year(g["year"]) if "year" in g else infer_year(month, None, ctx)
    year += {"last": -1, "next": 1}.get(rel, 0) if rel and rel != "this" and year == ctx.dct.year else 0
    if fixed:
        d = _safe_date(year, month, int(fixed.group(2)))
    else:
        nth, weekday_name, _ = rule.split()
        weekday = words()["weekdays_lower"][weekday_name.lower()]
        days = [date(year, month, k) for k in range(1, 32) if _safe_date(year, month, k)]
        days = [d for d in days if d.isoweekday() == weekday]
        d = days[-1] if nth == "last" else days[words()["ordinals"][nth] - 1]
    return Value(d.isoformat() if d else None)


def op_month(g: dict[str, str], ctx: Context) -> Value:
    month = _month(g["month"])
    rel = (g.get("rel") or "").lower()
    if "year" in g:
        year = _year(g["year"])
    elif "rel2" in g:
        year = ctx.dct.year + {"last": -1, "next": 1}.get(g["rel2"].lower(), 0)
    elif rel in ("last", "past", "this past"):
        year = ctx.dct.year - (1 if month >= ctx.dct.month else 0)
    elif rel in ("next", "coming", "this coming"):
        year = ctx.dct.year + (1 if month <= ctx.dct.month else 0)
    elif rel == "this":
        year = ctx.dct.year
    else:
        year = infer_year(month, None, ctx)
    return Value(f"{year:04d}-{month:02d}")


def op_year(g: dict[str, str], ctx: Context) -> Value:
    return Value(f"{_year(g['year']):04d}")


def op_decade(g: dict[str, str], ctx: Context) -> Value:
    if "decade" in g:
        return Value(g["decade"][:3] + "X")
    if "short" in g:
        return Value(("19" if int(g["short"]) > (ctx.dct.year % 100) else "20") + g["short"][0] + "X")
    names = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
    return Value(f"19{names.index(g['word'].lower()) + 2}X")


def op_century(g: dict[str, str], ctx: Context) -> Value:
    ordinal = g["ord"].lower()
    n = int(re.match(r"[0-9]+", ordinal).group(0)) if ordinal[0].isdigit() else words()["ordinals"][ordinal]
    return Value(f"{n - 1:02d}")


def op_season(g: dict[str, str], ctx: Context) -> Value:
    season = words()["seasons"][g["season"].lower()]
    rel = (g.get("rel") or "").lower()
    season_month = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[season]
    if "year" in g:
        year = _year(g["year"])
    elif rel in ("last", "this past", "the past"):
        year = ctx.dct.year - (1 if season_month >= ctx.dct.month else 0)
    elif rel in ("next", "the coming", "coming"):
        year = ctx.dct.year + (1 if season_month <= ctx.dct.month else 0)
    elif rel == "this":
        year = ctx.dct.year
    else:
        year = infer_year(season_month, None, ctx)
    return Value(f"{year:04d}-{season}")


def _last_full_quarter(d: date) -> tuple[int, int]:
    q = quarter_of(d) - 1
    return (d.year, q) if q else (d.year - 1, 4)


def op_quarter(g: dict[str, str], ctx: Context) -> Value:
    rel = (g.get("rel") or "").lower()
    rel2 = " ".join((g.get("rel2") or "").lower().split())
    year_back = 1 if ("year-ago" in rel or "year-earlier" in rel or "ago" in rel2 or "earlier" in rel2
                      or "last year" in rel2) else 0
    if rel2 in ("this", "next", "last"):
        year_back = {"next": -1, "this": 0, "last": 1}[rel2]
    if rel2.startswith("in "):
        g = {**g, "year": rel2[3:]}
    if "year" in g and "ord" not in g:
        if "quarter" not in g.get("unit", ""):
            return Value(f"{_year(g['year']):04d}")
        return Value(f"{_year(g['year']):04d}-Q{_last_full_quarter(ctx.dct)[1]}")
    if "ord" in g:
        ordinal = g["ord"].lower()
        n = int(ordinal[0]) if ordinal[0].isdigit() else words()["ordinals"].get(ordinal, 4)
        n = 4 if n < 0 else n
        if "year" in g:
            year = _year(g["year"])
        else:
            year = ctx.dct.year
            named_past = rel in ("last", "past", "previous") and (year, n) > _last_full_quarter(ctx.dct)
            not_yet = (n > quarter_of(ctx.dct) and ctx.tense != FUTURE and year_back == 0
                       and rel not in ("next", "coming"))
            if named_past or not_yet:
                year -= 1
        return Value(f"{year - year_back:04d}-Q{n}")
    if rel in ("current", "this"):
        year, n = ctx.dct.year, quarter_of(ctx.dct)
    elif rel in ("next", "coming"):
        q = quarter_of(ctx.dct) + 1
        year, n = (ctx.dct.year, q) if q <= 4 else (ctx.dct.year + 1, 1)
    else:
        year, n = _last_full_quarter(ctx.dct)
    return Value(f"{year - year_back:04d}-Q{n}")


def op_half(g: dict[str, str], ctx: Context) -> Value:
    n = 1 if g["ord"].lower() == "first" else 2
    rel = (g.get("rel2") or g.get("rel") or "").lower()
    year = _year(g["year"]) if "year" in g else ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    if rel in ("year-ago", "year-earlier"):
        year -= 1
    if not rel and "year" not in g and n == 2 and ctx.tense == PAST and ctx.dct.month <= 6:
        year -= 1
    return Value(f"{year:04d}-H{n}")


def op_weekday(g: dict[str, str], ctx: Context) -> Value:
    """A weekday, with or without its part ('Friday night' stays the day, as news TimeML annotates it)."""
    d = resolve_weekday(words()["weekdays_lower"][g["weekday"].lower()], ctx, g.get("rel"))
    return Value(d.isoformat())


def op_week_of(g: dict[str, str], ctx: Context) -> Value:
    d = op_date(g, ctx).value
    return Value(iso_week(date.fromisoformat(d)) if d else None)


def op_deictic(g: dict[str, str], ctx: Context) -> Value:
    word = g["word"].lower()
    part = _part(g.get("part"))
    if word == "tonight":
        return Value(f"{ctx.dct.isoformat()}TNI", "TIME")
    if word == "last" and part == "NI":
        return Value(f"{(ctx.dct - timedelta(days=1)).isoformat()}TNI", "TIME")
    shift = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    d = ctx.dct + timedelta(days=shift)
    return Value(d.isoformat() + (f"T{part}" if part else ""), "TIME" if part else "DATE")


def op_part_of_day(g: dict[str, str], ctx: Context) -> Value:
    text = re.sub(r"\s+", " ", g["part"].lower())
    part = _part(text) or ("MO" if "dawn" in text or "early" in text or "small" in text or "wee" in text else "NI")
    d = _on_day(g, ctx) or ctx.dct
    if text == "overnight" and ctx.tense == PAST:
        d -= timedelta(days=1)
    return Value(f"{d.isoformat()}T{part}")


def op_rel_unit(g: dict[str, str], ctx: Context) -> Value:
    rel = (g.get("rel") or "this").lower()
    unit = re.sub(r"\s+", " ", g["unit"].lower())
    if unit == "fiscal year":
        unit = "year"
    if rel == "that":
        return Value(None)
    if g.get("the") and (rel in ("previous", "following", "prior") and unit in ("year", "month")
                         or rel in ("previous", "following", "prior", "next") and unit == "day"):
        return Value(f"@{unit}:{-1 if rel in ('previous', 'prior') else 1}")  # the year before the one just named
    if unit == "day":
        return Value(None)
    if g.get("the") and rel in ("past", "last", "next", "coming") and unit != "weekend":
        code = unit_code(unit)
        return Value(duration_value(1, code), "DURATION")
    shift = {"last": -1, "past": -1, "previous": -1, "prior": -1, "this past": -1, "latest": -1,
             "next": 1, "coming": 1, "following": 1, "this coming": 1}.get(rel, 0)
    d = ctx.dct
    if unit == "weekend":
        return Value(iso_week(_weekend(ctx, shift)) + "-WE")
    if unit == "week":
        return Value(iso_week(d + timedelta(weeks=shift)))
    if unit == "month":
        return Value(shift_months(d, shift).strftime("%Y-%m"))
    if unit == "quarter":
        year, q = d.year, quarter_of(d) + shift
        year, q = (year - 1, 4) if q == 0 else (year + 1, 1) if q == 5 else (year, q)
        return Value(f"{year:04d}-Q{q}")
    if unit == "decade":
        return Value(f"{(d.year // 10 + shift):03d}X")
    if unit == "century":
        return Value(f"{(d.year // 100 + shift):02d}")
    return Value(f"{d.year + shift:04d}")


def _weekend(ctx: Context, shift: int) -> date:
    """The Saturday of the weekend meant: the last one in a past report, the next one in a plan."""
    saturday_back = ctx.dct - timedelta(days=(ctx.dct.isoweekday() - 6) % 7)
    if shift < 0 or (shift == 0 and ctx.tense == PAST):
        return saturday_back if saturday_back != ctx.dct or shift == 0 else saturday_back - timedelta(days=7)
    if shift > 0 or ctx.tense == FUTURE:
        return ctx.dct + timedelta(days=(6 - ctx.dct.isoweekday()) % 7 or (7 if shift > 0 else 0))
    return saturday_back if ctx.dct.isoweekday() <= 3 else ctx.dct + timedelta(days=(6 - ctx.dct.isoweekday()) % 7)


def op_year_end(g: dict[str, str], ctx: Context) -> Value:
    rel = (g.get("rel") or "").lower()
    return Value(f"{ctx.dct.year + {'last': -1, 'next': 1}.get(rel, 0):04d}-12-31")


def op_anaphoric(g: dict[str, str], ctx: Context) -> Value:
    """'that year', 'the same day': resolved later against the previous calendar expression."""
    return Value("@" + g["unit"].lower())


def op_the_unit(g: dict[str, str], ctx: Context) -> Value:
    unit = g["unit"].lower()
    if "ended" in g:
        return Value(duration_value(1, unit_code(unit)), "DURATION")
    if unit == "year":
        return Value(f"{ctx.dct.year:04d}")
    if unit == "month":
        return Value(ctx.dct.strftime("%Y-%m"))
    return Value(iso_week(ctx.dct))


def _shifted(n: float | None, unit: str, sign: int, ctx: Context, fallback: str) -> Value:
    if n is None or not unit:
        return Value(fallback)
    k = int(round(n)) * sign
    d = ctx.dct
    if unit in ("H", "MIN", "S", "D"):
        if unit == "D":
            return Value((d + timedelta(days=k)).isoformat())
        return Value(d.isoformat())
    if unit in ("W", "2W"):
        return Value(iso_week(d + timedelta(weeks=k * (2 if unit == "2W" else 1))))
    if unit == "M":
        return Value(shift_months(d, k).strftime("%Y-%m"))
    if unit == "Q":
        return Value(shift_months(d, 3 * k).strftime("%Y-") + f"Q{quarter_of(shift_months(d, 3 * k))}")
    if unit == "DE":
        return Value(f"{d.year + 10 * k:04d}")
    if unit == "CE":
        return Value(f"{(d.year + 100 * k) // 100:02d}")
    return Value(f"{d.year + k:04d}")


def op_ago(g: dict[str, str], ctx: Context) -> Value:
    n = parse_number(g["num"]) if "num" in g else None
    return _shifted(n, unit_code(g["unit"]), -1, ctx, "PAST_REF")


def op_offset(g: dict[str, str], ctx: Context) -> Value:
    n = parse_number(g.get("num", "one"))
    direction = (g.get("dir") or "earlier").lower()
    sign = -1 if direction in ("earlier", "ago", "before") else 1
    unit = unit_code(g.get("unit") or g.get("unit2") or "")
    what = (g.get("what") or "").lower()
    if "quarter" in what:
        return op_quarter({"rel": "year-ago"}, ctx)
    if unit in ("D", "W", "H", "MIN", "S") and "dir" in g:
        return Value(duration_value(n, unit), "DURATION")
    fallback = "PAST_REF" if sign < 0 else "FUTURE_REF"
    return _shifted(n, unit, sign, ctx, fallback)


def op_reference(g: dict[str, str], ctx: Context) -> Value:
    return Value(words()["references_lower"][re.sub(r"\s+", " ", g["ref"].lower())])


def op_set(g: dict[str, str], ctx: Context) -> Value:
    if "adv" in g:
        return Value(words()["set_adverbs"][re.sub(r"\s+", " ", g["adv"].lower())])
    unit_text = (g.get("unit") or g.get("weekday") or "").lower()
    weekday = words()["weekdays_lower"].get(unit_text.rstrip("s") if unit_text.endswith("days") else unit_text)
    if weekday:
        return Value(f"XXXX-WXX-{weekday}")
    part = _part(unit_text)
    if part:
        return Value(f"XXXX-XX-XXT{part}")
    if unit_text == "weekend":
        return Value("XXXX-WXX-WE")
    n = parse_number(g["num"]) if "num" in g else 1
    return Value(duration_value(n, unit_code(unit_text)))


def op_duration(g: dict[str, str], ctx: Context) -> Value:
    n = parse_number(g["num"]) if "num" in g else None
    if "num" not in g and not g["unit"].lower().endswith("s"):
        n = 1.0  # 'day-long', 'year-long': one unit
    if n is not None and ("half" in g or "half2" in g):
        n += 0.5
    unit = unit_code(g["unit"])
    if not unit:
        return Value(None)
    return Value(duration_value(n, unit))


OPS: dict[str, Op] = {
    "date": op_date, "late_on": op_late_on, "clock": op_clock, "holiday": op_holiday, "month": op_month,
    "year": op_year, "decade": op_decade, "century": op_century, "season": op_season, "quarter": op_quarter,
    "half": op_half, "weekday": op_weekday, "deictic": op_deictic, "part_of_day": op_part_of_day,
    "rel_unit": op_rel_unit, "the_unit": op_the_unit, "ago": op_ago, "offset": op_offset,
    "reference": op_reference, "set": op_set, "duration": op_duration, "year_end": op_year_end,
    "anaphoric": op_anaphoric, "week_of": op_week_of,
}


def normalise(op: str, groups: dict[str, str], ctx: Context) -> Value:
    """The TIMEX3 value of a match; Value(None) where the groups do not make a valid value."""
    try:
        return OPS[op](groups, ctx)
    except (KeyError, ValueError, IndexError, AttributeError):
        return Value(None)
