"""Numbers as news writes them: "12,500", "1.2 million", "seventy", "between 50 and 60", "hundreds", "at least 60".

``find_numbers(text)`` returns every amount in a text with its span and its quantity (value, low, high, approx).
It knows nothing about what is counted; telling counts from dates, money or ages is left to ``noncounts``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventwire.extract.numbers.scan import scan, starts_with
from eventwire.extract.numbers.words import attached_scales, fractions, scales, word_value, word_values
from eventwire.lexicons import rows

RANGE_JOINERS = ("-", "–", "—", "to", "or")
RANGE_OPENERS = ("between", "from", "entre", "de")


@dataclass(slots=True)
class NumberMention:
    """One amount in the text. ``start``/``end`` include a bound or approximation word ("at least")."""

    start: int
    end: int
    core_start: int
    core_end: int
    value: float | int | None
    low: float | int | None = None
    high: float | int | None = None
    approx: bool = False
    kind: str = "exact"  # exact | vague | range | fraction
    year_like: bool = False  # a bare four-digit number that could be a year
    word_form: str = ""  # the core as written, lower-cased, for words like "one"


def _alternation(phrases: list[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in p.split()) for p in ordered)


@cache
def _vague() -> dict[str, tuple[int, int]]:
    return {phrase.lower(): (int(low), int(high)) for phrase, low, high, *_ in rows("number_vague.tsv")}


@cache
def _modifiers() -> dict[str, tuple[str, bool]]:
    return {phrase.lower(): (bound, approx == "yes") for phrase, bound, approx, *_ in rows("number_modifiers.tsv")}


@cache
def number_regex() -> re.Pattern[str]:
    words, atoms = word_values()
    word = rf"(?:{_alternation(list(words))})"
    scale = rf"(?:{_alternation(list(scales()))})"
    digits = (
        r"(?<![\w.,:/])(?:\d{1,3}(?:(?:\.|[ \u00a0\u202f])\d{3})+(?![\d])|\d{2,3}(?:,\s?\d{3})+(?![\d])"
        r"|\d(?:,\d{3})+(?![\d])|\d+(?:[.,]\d+)?(?![\d]))"
    )
    pattern = (
        rf"(?P<vague>\b(?:{_alternation(list(_vague()))})(?!\w))"
        rf"|(?P<fraction>\b(?:{_alternation(list(fractions()))})\b)"
        rf"|(?P<atom>\b(?:{_alternation(list(atoms))})\b)"
        rf"|(?P<digits>{digits}(?:\s*{scale}\b|(?:m|k)\b)?(?![\w:/]))"
        rf"|(?P<words>\b{word}(?:(?:\s+and\s+|\s+|-){word})*\b(?:\s+{scale}\b)?)"
    )
    return re.compile(pattern, re.IGNORECASE)


@cache
def _number_starts() -> re.Pattern[str]:
    """Where a number may begin: a word boundary before a digit or the first letter of a number word."""
    words, atoms = word_values()
    return starts_with({w[:1] for w in [*words, *atoms, *_vague(), *fractions()]}, also=r"\d")


@cache
def _modifier_regex() -> re.Pattern[str]:
    return re.compile(rf"(?:^|(?<=[^\w]))({_alternation(list(_modifiers()))})\s+$", re.IGNORECASE)


def parse_digits(raw: str) -> float | int | None:
    """The value of a digit form with its scale word: "12,500", "9 300", "2.000", "1.2 million", "2.14 lakh"."""
    match = re.match(r"([\d.,\s\u00a0\u202f]*\d)\s*([^\d\s].*)?$", raw.strip())
    if not match:
        return None
    number, scale_word = match.group(1), (match.group(2) or "").lower().strip()
    groups = re.split(r"[.,]\s?|[ \u00a0\u202f]", number)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and not (scale_word and len(groups) == 2
                                                                         and "." in number):
        value: float = float("".join(groups))
    else:
        value = float(number.replace(" ", "").replace(",", "."))
    value *= scales().get(scale_word, attached_scales().get(scale_word, 1))
    return _tidy(value)


def parse_words(raw: str) -> int | None:
    """The value of a number written in words: "seventy", "two hundred and fifty", "three million"."""
    return word_value(raw)


def _tidy(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 3)


def _core(match: re.Match[str]) -> NumberMention | None:
    raw = match.group(0)
    start, end = match.span()
    low_raw = raw.lower()
    if match.group("vague"):
        low, high = _vague()[" ".join(low_raw.split())]
        return NumberMention(start, end, start, end, None, low, high, True, "vague", word_form=low_raw)
    if match.group("fraction"):
        return NumberMention(start, end, start, end, fractions()[" ".join(low_raw.split())], kind="fraction",
                             word_form=low_raw)
    if match.group("atom"):
        value, approx = word_values()[1][" ".join(low_raw.split())]
        return NumberMention(start, end, start, end, value, approx=approx, word_form=low_raw)
    if match.group("digits"):
        value = parse_digits(raw)
        if value is None:
            return None
        year_like = bool(re.fullmatch(r"\d{4}", raw.strip())) and 1800 <= int(raw) <= 2100
        return NumberMention(start, end, start, end, value, year_like=year_like, word_form=low_raw)
    value = parse_words(raw)
    if value is None:
        return None
    return NumberMention(start, end, start, end, value, word_form=low_raw)


def _join_ranges(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """"50-60", "50 to 60", "between 50 and 60": two amounts that bound one."""
    out: list[NumberMention] = []
    i = 0
    while i < len(mentions):
        first = mentions[i]
        if i + 1 < len(mentions) and first.kind == "exact" and mentions[i + 1].kind == "exact":
            second = mentions[i + 1]
            between = text[first.end:second.start].strip().lower()
            before = text[max(0, first.start - 9):first.start].lower().split()
            opened = bool(before) and before[-1] in RANGE_OPENERS
            if between in RANGE_JOINERS or (opened and between in ("and", "to", "y", "a", "à", "e", "et")):
                low, high = first.value, second.value
                if low is not None and high is not None and high >= 1000 and low < 1000 and high / 1000 > low:
                    low = _tidy(low * _scale_of(text[second.start:second.end]))
                if low is not None and high is not None and low < high:
                    start = first.start - (len(before[-1]) + 1 if opened else 0)
                    out.append(NumberMention(start, second.end, first.start, second.end, None, low, high,
                                             first.approx or second.approx, "range"))
                    i += 2
                    continue
        out.append(first)
        i += 1
    return out


def _scale_of(raw: str) -> int:
    last = raw.lower().split()[-1] if raw.split() else ""
    return scales().get(last, 1)


def _apply_modifier(text: str, mention: NumberMention) -> NumberMention:
    found = _modifier_regex().search(text[max(0, mention.start - 25):mention.start])
    if not found or mention.kind in ("fraction",):
        return mention
    bound, approx = _modifiers()[" ".join(found.group(1).lower().split())]
    mention.start -= len(text[max(0, mention.start - 25):mention.start]) - found.start(1)
    mention.approx = mention.approx or approx
    if mention.kind == "exact" and mention.value is not None:
        if bound == "low":
            mention.low = mention.value
        elif bound == "high":
            mention.high = mention.value
    return mention


PERCENT_OF = re.compile(r"\s*(?:%|per\s?cent|percent)(?=\s+of\s)", re.IGNORECASE)


def _percent_of(text: str, mention: NumberMention) -> NumberMention:
    """"70 per cent of the 20,000 residents": a percentage of a count is a fraction of it."""
    found = PERCENT_OF.match(text, mention.end)
    if mention.kind != "exact" or mention.value is None or not found:
        return mention
    mention.end = mention.core_end = found.end()
    mention.value, mention.kind = mention.value / 100, "fraction"
    return mention


BOUNDS_JOINER = re.compile(r"\s*,?\s*(?:but|and|yet)\s+", re.IGNORECASE)


def _join_bounds(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """"more than 2,000 but fewer than 3,000": a floor and a ceiling of one amount make a range."""
    out: list[NumberMention] = []
    for mention in mentions:
        last = out[-1] if out else None
        if (last is not None and last.kind == mention.kind == "exact" and last.low is not None
                and last.high is None and mention.high is not None and mention.low is None
                and last.low < mention.high and BOUNDS_JOINER.fullmatch(text, last.end, mention.start)):
            out[-1] = NumberMention(last.start, mention.end, last.core_start, mention.core_end, None, last.low,
                                    mention.high, last.approx or mention.approx, "range")
            continue
        out.append(mention)
    return out


def find_numbers(text: str) -> list[NumberMention]:
    """Every amount in ``text``, in order, with its quantity."""
    mentions = [m for m in (_core(match) for match in scan(number_regex(), text, _number_starts())) if m is not None]
    return _join_bounds(text, [_apply_modifier(text, _percent_of(text, m)) for m in _join_ranges(text, mentions)])
