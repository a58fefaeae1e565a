"""Normalisation operations of relative expressions: weekdays, 'yesterday', 'last week', sets, durations."""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventwire.extract.timex.calendar_ops import op_date, op_quarter
from eventwire.extract.timex.grammar import words
from eventwire.extract.timex.values import (
    FUTURE,
    PAST,
    Context,
    Value,
    duration_value,
    iso_week,
    on_day,
    parse_number,
    part_code,
    quarter_of,
    resolve_weekday,
    shift_months,
    unit_code,
)


def op_weekday(g: dict[str, str], ctx: Context) -> Value:
    """A weekday, with or without its part ('Friday night' stays the day, as news TimeML annotates it)."""
    d = resolve_weekday(words()["weekdays_lower"][g["weekday"].lower()], ctx, g.get("rel"))
    return Value(d.isoformat())


def op_week_of(g: dict[str, str], ctx: Context) -> Value:
    d = op_date(g, ctx).value
    return Value(iso_week(date.fromisoformat(d)) if d else None)


def op_deictic(g: dict[str, str], ctx: Context) -> Value:
    word = g["word"].lower()
    part = part_code(g.get("part"))
    if word == "tonight":
        return Value(f"{ctx.dct.isoformat()}TNI", "TIME")
    if word == "last" and part == "NI":
        return Value(f"{(ctx.dct - timedelta(days=1)).isoformat()}TNI", "TIME")
    shift = words()["deictic_shift"].get(word, 0)
    d = ctx.dct + timedelta(days=shift)
    return Value(d.isoformat() + (f"T{part}" if part else ""), "TIME" if part else "DATE")


def op_part_of_day(g: dict[str, str], ctx: Context) -> Value:
    text = re.sub(r"\s+", " ", g["part"].lower())
    part = part_code(text) or ("MO" if "dawn" in text or "early" in text or "small" in text or "wee" in text else "NI")
    d = on_day(g, ctx) or ctx.dct
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
    part = part_code(unit_text)
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


def op_ahead(g: dict[str, str], ctx: Context) -> Value:
    """'in three days' read as a date ('dans trois jours'): the publication date moved forward."""
    n = parse_number(g["num"]) if "num" in g else None
    return _shifted(n, unit_code(g["unit"]), 1, ctx, "FUTURE_REF")


def op_weekday_part(g: dict[str, str], ctx: Context) -> Value:
    """A weekday with its part of the day, as French TimeML writes it: 'mardi soir' is ``…T EV``."""
    d = resolve_weekday(words()["weekdays_lower"][g["weekday"].lower()], ctx, g.get("rel"))
    part = part_code(g.get("part"))
    return Value(f"{d.isoformat()}T{part}" if part else d.isoformat(), None if part else "DATE")


def op_generic_season(g: dict[str, str], ctx: Context) -> Value:
    """A season named without a year or a determiner of time ('en été'): any year's."""
    return Value(f"XXXX-{words()['seasons'][g['season'].lower()]}")


def op_anaphoric_part(g: dict[str, str], ctx: Context) -> Value:
    """'la nuit', 'dans la soirée': that part of the last day named (resolved with the anaphora)."""
    part = g["part"].lower()
    code = part_code(part) or ("DT" if part == "day" else "")
    return Value(f"@daypart:{code}" if code else None)


def op_clock_ref(g: dict[str, str], ctx: Context) -> Value:
    """A clock time; without a day of its own it is on the last day named ('mardi … vers 21 h 45')."""
    if "named" in g:
        clock = words()["named_clock"][g["named"].lower()]
    else:
        clock = f"{int(g['hour']):02d}:{g.get('minute', '00')}"
    d = on_day(g, ctx)
    return Value(f"{d.isoformat()}T{clock}" if d else f"@dayclock:{clock}")
