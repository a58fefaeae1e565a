"""Totals a sentence gives only in parts, one per place: "1,200 people were displaced in Varn and 800 in Dorn".

Displacement and housing counts are reported as wholes (IDMC, OCHA); a sentence that lists the same count place
by place implies the whole. The total is added after the figures it sums (never before them), spans them, and
names them in ``sum_of``; it is only made when each part is definite, of one category and unit, a place phrase
("in Dorn", "at the Orsk camp") stands between each two parts and on the outer side of one of them, and no figure
of the document already states that total.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict

from eventwire.records import Figure, Quantity

PLACE_PHRASE = re.compile(r"\b(?:[Ii]n|at)\s+(?:the\s+)?[A-Z]")
SUMMED = frozenset({"displaced", "evacuated", "fled", "homeless", "sheltered", "relocated", "houses_destroyed",
                    "houses_damaged"})


def with_totals(figures: list[Figure], sentence_starts: list[int], text: str) -> list[Figure]:
    """The figures, then one total per sentence that gives a count in parts at distinct places."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for index, figure in enumerate(figures):
        if _summable(figure):
            groups[(bisect_right(sentence_starts, figure.start), figure.category, figure.unit)].append(index)
    stated = {figure.quantity.value for figure in figures}
    totals: list[Figure] = []
    for (sentence, _, _), indices in groups.items():
        parts = sorted(indices, key=lambda i: figures[i].start)
        bounds = (sentence_starts[sentence - 1] if sentence else 0,
                  sentence_starts[sentence] if sentence < len(sentence_starts) else len(text))
        if len(parts) < 2 or not _placed_apart([figures[i] for i in parts], bounds, text):
            continue
        total = sum(figures[i].quantity.value for i in parts)
        if total in stated:
            continue
        totals.append(_total(figures, parts, total, text))
    return figures + totals


def _summable(figure: Figure) -> bool:
    quantity = figure.quantity
    definite = quantity.value is not None and not quantity.approx and quantity.high is None
    return figure.category in SUMMED and definite and figure.same_as is None


def _placed_apart(parts: list[Figure], bounds: tuple[int, int], text: str) -> bool:
    """Whether a place phrase separates each two parts and stands before the first or after the last."""
    gaps = [text[a.end:b.start] for a, b in zip(parts, parts[1:], strict=False)]
    outer = text[bounds[0]:parts[0].start] + " " + text[parts[-1].end:bounds[1]]
    return all(PLACE_PHRASE.search(gap) for gap in gaps) and bool(PLACE_PHRASE.search(outer))


def _total(figures: list[Figure], parts: list[int], total: float | int, text: str) -> Figure:
    first, last = figures[parts[0]], figures[parts[-1]]
    lower_bound = any(figures[i].quantity.low is not None for i in parts)  # "more than 300" makes the sum a floor
    claimants = {figures[i].claimant for i in parts}
    return Figure(start=first.start, end=last.end, text=text[first.start:last.end],
                  quantity=Quantity(total, total if lower_bound else None, None, False), unit=first.unit,
                  category=first.category, claimant=claimants.pop() if len(claimants) == 1 else None,
                  time=first.time, hedged=any(figures[i].hedged for i in parts), sum_of=parts)
