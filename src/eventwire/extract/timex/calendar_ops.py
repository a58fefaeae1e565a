"""Normalisation operations of calendar expressions: dates, clock times, months, years, seasons, quarters."""

from __future__ import annotations

import re
from datetime import date

from eventwire.extract.timex.grammar import words
from eventwire.extract.timex.values import (
    FUTURE,
    PAST,
    Context,
    Value,
    day_of,
    infer_year,
    month_of,
    on_day,
    quarter_of,
    resolve_weekday,
    safe_date,
    year_of,
)


def op_date(g: dict[str, str], ctx: Context) -> Value:
    month, day = month_of(g["month"]) if not g["month"].isdigit() else int(g["month"]), day_of(g["day"])
    rel = " ".join((g.get("rel") or "").lower().split())
    if "year" in g:
        year = year_of(g["year"])
    elif rel in ("last", "this past"):
        year = ctx.dct.year - (1 if (month, day) >= (ctx.dct.month, ctx.dct.day) else 0)
    elif rel in ("next", "this coming"):
        year = ctx.dct.year + (1 if (month, day) <= (ctx.dct.month, ctx.dct.day) else 0)
    else:
        year = infer_year(month, day, ctx)
    d = safe_date(year, month, day)
    return Value(d.isoformat() if d else None)


def op_late_on(g: dict[str, str], ctx: Context) -> Value:
    if "weekday" in g:
        d = resolve_weekday(words()["weekdays_lower"][g["weekday"].lower()], ctx)
    else:
        month, day = month_of(g["month"]), day_of(g["day"])
        d = safe_date(year_of(g["year"]) if "year" in g else infer_year(month, day, ctx), month, day)
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
    d = on_day(g, ctx) or ctx.dct
    return Value(f"{d.isoformat()}T{clock}")


def op_holiday(g: dict[str, str], ctx: Context) -> Value:
    rule = words()["holidays_lower"][re.sub(r"\s+", " ", g["holiday"].lower())]
    fixed = re.fullmatch(r"([0-9]{2})-([0-9]{2})", rule)
    month = int(fixed.group(1)) if fixed else int(rule.split()[-1])
    rel = (g.get("rel") or "").lower()
    year = year_of(g["year"]) if "year" in g else infer_year(month, None, ctx)
    year += {"last": -1, "next": 1}.get(rel, 0) if rel and rel != "this" and year == ctx.dct.year else 0
    if fixed:
        d = safe_date(year, month, int(fixed.group(2)))
    else:
        nth, weekday_name, _ = rule.split()
        weekday = words()["weekdays_lower"][weekday_name.lower()]
        days = [date(year, month, k) for k in range(1, 32) if safe_date(year, month, k)]
        days = [d for d in days if d.isoweekday() == weekday]
        d = days[-1] if nth == "last" else days[words()["ordinals"][nth] - 1]
    return Value(d.isoformat() if d else None)


def op_month(g: dict[str, str], ctx: Context) -> Value:
    month = month_of(g["month"])
    if "rel2" in g and "year" not in g:
        year = ctx.dct.year + {"last": -1, "next": 1}.get(g["rel2"].lower(), 0)
    else:
        year = _year_of_month(month, g, ctx)
    return Value(f"{year:04d}-{month:02d}")


def _year_of_month(month: int, g: dict[str, str], ctx: Context) -> int:
    """The year of a month (or a season's middle month): written, moved by "last"/"next"/"this", else inferred."""
    rel = (g.get("rel") or "").lower()
    if "year" in g:
        return year_of(g["year"])
    if rel in words()["calendar_before"]:
        return ctx.dct.year - (1 if month >= ctx.dct.month else 0)
    if rel in words()["calendar_after"]:
        return ctx.dct.year + (1 if month <= ctx.dct.month else 0)
    if rel == "this":
        return ctx.dct.year
    return infer_year(month, None, ctx)


def op_year(g: dict[str, str], ctx: Context) -> Value:
    return Value(f"{year_of(g['year']):04d}")


def op_decade(g: dict[str, str], ctx: Context) -> Value:
    if "decade" in g:
        return Value(g["decade"][:3] + "X")
    if "short" in g:
        return Value(("19" if int(g["short"]) > (ctx.dct.year % 100) else "20") + g["short"][0] + "X")
    return Value(f"19{words()['decade_words'].index(g['word'].lower()) + 2}X")


def op_century(g: dict[str, str], ctx: Context) -> Value:
    ordinal = g["ord"].lower()
    n = int(re.match(r"[0-9]+", ordinal).group(0)) if ordinal[0].isdigit() else words()["ordinals"][ordinal]
    return Value(f"{n - 1:02d}")


def op_season(g: dict[str, str], ctx: Context) -> Value:
    season = words()["seasons"][g["season"].lower()]
    year = _year_of_month({"SP": 4, "SU": 7, "FA": 10, "WI": 1}[season], g, ctx)
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
            return Value(f"{year_of(g['year']):04d}")
        return Value(f"{year_of(g['year']):04d}-Q{_last_full_quarter(ctx.dct)[1]}")
    if "ord" in g:
        ordinal = g["ord"].lower()
        n = int(ordinal[0]) if ordinal[0].isdigit() else words()["ordinals"].get(ordinal, 4)
        n = 4 if n < 0 else n
        if "year" in g:
            year = year_of(g["year"])
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
    year = year_of(g["year"]) if "year" in g else ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    if rel in ("year-ago", "year-earlier"):
        year -= 1
    if not rel and "year" not in g and n == 2 and ctx.tense == PAST and ctx.dct.month <= 6:
        year -= 1
    return Value(f"{year:04d}-H{n}")
