"""Checks of values that come from outside (a command line, a query string, a filter): one home for each rule.

Low in the layers: imports nothing of eventwire but its error type, so the CLI, the API and the store share it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from eventwire.errors import EventwireError

Bbox = tuple[float, float, float, float]
_ISO_PREFIX = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?([T ][\d:.+\-Z]*)?")


def parse_bbox(value: str | Sequence[float], name: str = "bbox") -> Bbox:
    """``west,south,east,north`` (text or four numbers) in degrees: longitudes in [-180, 180], latitudes in
    [-90, 90], west <= east, south <= north; NaN and infinities are refused."""
    parts = value.split(",") if isinstance(value, str) else value
    try:
        west, south, east, north = (float(x) for x in parts)
    except (TypeError, ValueError):
        raise EventwireError(f"{name} must be four numbers west,south,east,north, got {value!r}") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise EventwireError(f"{name} out of range: longitudes in [-180, 180], latitudes in [-90, 90], "
                             f"west <= east, south <= north; got {value!r}")
    return west, south, east, north


def parse_day(value: str, name: str = "date") -> str:
    """A calendar day ``YYYY-MM-DD`` (a real one: no 30 February), as ISO text."""
    try:
        return date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise EventwireError(f"{name} must be a date like 2008-08-07, got {value!r}") from None


def date_filter(value: object, name: str) -> str | None:
    """A date filter: an ISO date or date-time, or a year or month (``2031``, ``2031-03``); its first 10 characters."""
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not _ISO_PREFIX.fullmatch(value):
        raise EventwireError(f"{name} must be an ISO date such as 2008-08-07, not {value!r}")
    return value[:10]


def iso_date(value: object) -> str | None:
    """An ISO date or date-time (``2031-03-04``, ``2031-03-04T10:00:00Z``) as given, stripped; None if it is not one."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        if len(text) <= 10:
            date.fromisoformat(text)
        else:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return text
