"""Detection of temporal expressions: the rules of ``lexicons/time_rules.tsv`` compiled once per process.

A rule is a regular expression with named groups, a TIMEX3 type, the name of the normalisation operation
that turns its groups into a value, and optionally the name of a check against the spaCy parse. Rule
patterns use macros (``{MONTH}``, ``{NUM}``, ``{UNIT}`` …) built from ``lexicons/time_words.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventwire import lexicons

DEFAULT_LANG = lexicons.DEFAULT_LANG
RULES_FILE = "time_rules.tsv"
WORDS_FILE = "time_words.json"


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    type: str
    op: str
    check: str | None
    needs: tuple[str, ...]
    regex: re.Pattern[str]
    priority: int


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    groups: dict[str, str]


@cache
def words(lang: str = DEFAULT_LANG) -> dict[str, Any]:
    """The temporal vocabulary of ``lang``, with lower-cased lookup tables added."""
    raw = dict(lexicons.data(WORDS_FILE, lang))
    for table in ("months", "weekdays", "holidays", "references"):
        raw[f"{table}_lower"] = {k.lower(): v for k, v in raw.get(table, {}).items()}
    return raw


@cache
def cues(name: str, lang: str = DEFAULT_LANG) -> frozenset[str] | tuple[str, ...]:
    """A cue word list of ``time_words.json`` ('year_before', 'plan_lemmas' …); an ordered pair stays a tuple."""
    found = words(lang)["cues"][name]
    return tuple(found) if name in ORDERED_CUES else frozenset(found)


ORDERED_CUES = ("going_to",)


def _alternation(items: list[str] | Any, escape: bool = True) -> str:
    """Longest first, so that the regex prefers 'September' to 'Sep'."""
    ordered = sorted(set(items), key=len, reverse=True)
    return "|".join(re.escape(i).replace(r"\ ", r"\s+") if escape else i for i in ordered)


def _names(alternation: str, case_sensitive: bool) -> str:
    return f"(?-i:(?:{alternation}))" if case_sensitive else f"(?:{alternation})"


@cache
def macros(lang: str = DEFAULT_LANG) -> dict[str, str]:
    """The ``{MACRO}`` fragments of ``lang``'s rules: word classes of its vocabulary, fragments of its patterns."""
    w = words(lang)
    p = w["patterns"]
    cased = p.get("case_sensitive_names", True)
    short_full = set(p.get("full_months_short", ()))
    max_abbr = p.get("max_abbreviation", 4)
    full = _alternation(k for k in w["months"] if len(k) > max_abbr or k in short_full)
    abbr = _alternation(k for k in w["months"] if len(k) <= max_abbr and k not in short_full) or "(?!)"
    weekdays = _alternation(k for k in w["weekdays"] if len(k) > 4)
    skip = set(p.get("no_article_numbers", ()))
    simple = [k for k, v in w["numbers"].items() if isinstance(v, int) and " " not in k and k not in skip]
    tens, units_ = p["tens"], p["digits"]
    numword = rf"(?:(?:{tens})(?:[\s-](?:{units_}))?|{_alternation(simple)})"
    tens_units = rf"(?:{tens})(?:[\s-](?:{units_}))?"
    phrases = _alternation(k for k in w["numbers"] if " " in k) or "(?!)"
    num = rf"(?:[0-9]+(?:[.,][0-9]+)?(?:\s+[0-9]/[0-9])?|{numword}|{phrases}|{p['num_extra']})"
    literal = {"TENS_UNITS": tens_units, "DIGITS": units_}
    spoken = _expand(p["spoken_year"], literal) if p.get("spoken_year") else ""
    table = {
        "MONTH": rf"{_names(full, cased)}(?!\w)|{_names(abbr, cased)}(?:\.|(?=\s+[0-9]))",
        "WEEKDAY": rf"{_names(weekdays, cased)}(?!\w)",
        "DAY": p.get("DAY", r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])"),
        "YEAR": r"(?:(?:1[0-9]{3}|20[0-9]{2})(?![0-9]|[.,][0-9])" + (f"|{spoken})" if spoken else ")"),
        "SPOKEN_2000": _expand(p.get("SPOKEN_2000", "(?!)"), literal),
        "NUMWORD": numword,
        "NUM": num,
        "VAGUE": _alternation(w["vague_numbers"]),
        "APPROX": _alternation(w["approx"]),
        "UNIT": _alternation(w["units"]) + r"(?![\w])",
        "SEASON": _alternation(w["seasons"]),
        "ORDW": _alternation(k for k in w["ordinals"] if w["ordinals"][k] > 0),
        "HOLIDAY": _names(_alternation(w["holidays"]) or "(?!)", cased),
        "REF": _alternation(w["references"]),
        "SETADV": _alternation(w["set_adverbs"]),
    }
    for name, fragment in p.items():
        if name.isupper() and name not in table:
            table[name] = fragment
    table["MONTH"] = f"(?:{table['MONTH']})"
    for name in [k for k in p if k.isupper()]:
        table[name] = _expand(table[name], table)
    return table


def _expand(pattern: str, table: dict[str, str]) -> str:
    return re.sub(r"\{([A-Z_]+)\}", lambda m: table[m.group(1)], pattern)


@cache
def rules(lang: str = DEFAULT_LANG) -> tuple[Rule, ...]:
    """Every rule of ``lang``, compiled."""
    table = macros(lang)
    out = []
    for priority, (name, type_, op, check, needs, pattern, *_rest) in enumerate(lexicons.rows(RULES_FILE, lang)):
        body = _expand(pattern, table)
        regex = re.compile(rf"(?<![\w'’-])(?:{body})(?![\w])", re.IGNORECASE)
        out.append(Rule(name, type_, op, None if check in ("", "-") else check, tuple(needs.split()), regex, priority))
    return tuple(out)


WINDOW_LEFT = 70  # the longest run of words a rule matches before its needed word ("at least the past three …")
WINDOW_RIGHT = 70  # … and after it ("5 p.m. EST, Nov. 6, 2030")
WORD = re.compile(r"[^\W_]+")


@cache
def _needs_index(lang: str = DEFAULT_LANG) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Which rules each word wakes up, and the rules that any numeral wakes up."""
    w = words(lang)
    longest = lambda phrases: [max(re.split(r"[\s'-]+", p), key=len) for p in phrases]  # noqa: E731
    classes = {
        "@MONTH": list(w["months"]), "@WEEKDAY": list(w["weekdays"]), "@SEASON": list(w["seasons"]),
        "@UNIT": longest(w["units"]), "@REF": longest(w["references"]), "@SETADV": longest(w["set_adverbs"]),
        "@HOLIDAY": [h.split()[0].rstrip("'s") for h in w["holidays"]],
    }
    index: dict[str, set[int]] = {}
    digits: list[int] = []
    for i, rule in enumerate(rules(lang)):
        for need in rule.needs:
            if need == "@DIGITS":
                digits.append(i)
                continue
            for word in classes.get(need, [need]):
                index.setdefault(word.lower(), set()).add(i)
    return {k: tuple(sorted(v)) for k, v in index.items()}, tuple(digits)


def _windows(text: str, hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches of ``text`` around the needed words, merged, cut at whitespace."""
    out: list[tuple[int, int]] = []
    n = len(text)
    for s, e in hits:
        start, end = max(0, s - WINDOW_LEFT), min(n, e + WINDOW_RIGHT)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return [(_back_to_space(text, s), _on_to_space(text, e)) for s, e in out]


def _back_to_space(text: str, i: int) -> int:
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def _on_to_space(text: str, i: int) -> int:
    n = len(text)
    while i < n and not text[i].isspace():
        i += 1
    return i


def candidates(text: str, lang: str = DEFAULT_LANG) -> list[Candidate]:
    """Every rule match in ``text`` (overlapping ones included), each rule run only near the words it needs."""
    index, digit_rules = _needs_index(lang)
    hits: dict[int, list[tuple[int, int]]] = {}
    for m in WORD.finditer(text):
        word = m.group()
        woken = index.get(word.lower(), ())
        if word[0].isdigit():
            woken = woken + digit_rules
        for i in woken:
            hits.setdefault(i, []).append(m.span())
    all_rules = rules(lang)
    found = []
    for i in sorted(hits):
        rule = all_rules[i]
        last_end = -1
        for start, end in _windows(text, hits[i]):
            for m in rule.regex.finditer(text, max(start, last_end), end):
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                found.append(Candidate(m.start(), m.end(), rule, groups))
                last_end = m.end()
    return found


def best_non_overlapping(cands: list[Candidate]) -> list[Candidate]:
    """Longest candidates first, earlier rules breaking ties; overlapping shorter ones are dropped."""
    taken: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.rule.priority, c.start)):
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken
