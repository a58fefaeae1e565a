"""Numbers that are not counts: dates, years, money, percentages, clock times, ages, labels ("Route 66")."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from eventwire.extract.numbers.expressions import NumberMention, number_regex
from eventwire.extract.numbers.scan import scan, starts_with
from eventwire.lexicons import data

RATIO_IN = re.compile(r"\s+in\s+(?:every\s+)?", re.IGNORECASE)  # "one in four", "1 in every 3"
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b\s*(?:[ap]\.?m\.?|h\b|hrs\b)?")
AGES = re.compile(r"\b(?:ages?|aged)\s+\d{1,3}(?:\s*(?:,|and|&|to|-|–)\s*\d{1,3})*", re.IGNORECASE)


@cache
def _lexicon() -> dict:
    return data("number_noncount.json")


@cache
def _before_regex() -> re.Pattern[str]:
    labels = "|".join(_lexicon()["before"])
    return re.compile(rf"(?:^|(?<![\w]))(?:{labels})\s*$")  # case matters: "Article 5", not "article"


@cache
def _after_regex() -> re.Pattern[str]:
    units = "|".join(_lexicon()["after"])
    return re.compile(rf"^\s*(?:{units})", re.IGNORECASE)


@cache
def _date_regex() -> re.Pattern[str]:
    months = "|".join(sorted(_lexicon()["months"], key=len, reverse=True))
    day = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)"
    days = rf"{day}(?:\s*(?:,|and|-|–|to|y|et|&)\s*{day})*"
    year = r"(?:,?\s*(?:de\s+)?\d{4})?"
    return re.compile(
        rf"\b(?:(?:{months})\.?\s+{days}{year}|{days}\s+(?:of\s+|de\s+)?(?:{months})\b\.?{year}|(?:{months})\s+(?:de\s+)?\d{{4}})",
        re.IGNORECASE,
    )


@cache
def _date_starts() -> re.Pattern[str]:
    return starts_with({m[:1] for m in _lexicon()["months"]}, also=r"\d")


@cache
def _negators() -> frozenset[str]:
    return frozenset(_lexicon()["negators"])


class NonCounts:
    """Answers "is this number a count?" for the numbers of one text; date spans are found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        spans = [m.span() for m in scan(_date_regex(), text, _date_starts())]
        spans += [m.span() for m in CLOCK.finditer(text)]
        spans += [m.span() for m in AGES.finditer(text)]
        self._dates = sorted(spans)
        self._starts = [s for s, _ in self._dates]

    def in_date(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start) - 1
        return any(s <= start and end <= e for s, e in self._dates[max(0, i - 2):i + 1])

    def in_ratio(self, mention: NumberMention) -> bool:
        """Either side of a ratio ("one in four villagers", "1 in every 3 homes"): a share, not a count."""
        joined = RATIO_IN.match(self.text, mention.core_end)
        if joined and number_regex().match(self.text, joined.end()):
            return True
        before = self.text[max(0, mention.core_start - 40):mention.core_start]
        ratio = re.search(r"(\S+)\s+in\s+(?:every\s+)?$", before, re.IGNORECASE)
        return bool(ratio) and bool(number_regex().fullmatch(ratio.group(1)))

    def is_noncount(self, mention: NumberMention) -> bool:
        """Money, percentages, times, ages, dates and labels; years are left to the caller (``year_like``)."""
        if mention.kind == "fraction":
            return False
        before = self.text[max(0, mention.core_start - 24):mention.core_start]
        after = self.text[mention.core_end:mention.core_end + 24]
        if _before_regex().search(before) or _after_regex().match(after):
            return True
        if self.in_ratio(mention):
            return True
        if mention.word_form == "one":
            last = before.split()[-1].lower() if before.split() else ""
            if last in _negators() or re.match(r"\s+(?:of|another|day|time|way|side)\b", after):
                return True
        return mention.kind in ("exact", "range") and self.in_date(mention.core_start, mention.core_end)
