"""The temporal tagger: rule matches, checked against the parse, normalised in news mode."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire import lexicons
from eventwire.extract.timex.canonical import canonical_groups
from eventwire.extract.timex.grammar import Candidate, best_non_overlapping, candidates, cues, words
from eventwire.extract.timex.normalize import FUTURE, PAST, Context, normalise
from eventwire.extract.timex.tense import clause_tense, governing_verb
from eventwire.records import TimeExpr

__all__ = ["clause_tense", "cues", "governing_verb", "published_date", "resolve_anaphora", "tag"]


def published_date(published: str | None) -> date | None:
    """The date part of an ISO date or date-time; None when missing or malformed."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def tag(doc: Doc, text: str, dct: date, skip: callable | None = None) -> list[TimeExpr]:
    """Every time expression of ``text`` (the text of ``doc``), normalised against ``dct``.

    The rules are those of the language of ``doc``'s pipeline (English for a language without rules).
    """
    lang = lexicons.for_language(doc.lang_)
    if not lexicons.has("time_rules.tsv", lang):
        lang = lexicons.DEFAULT_LANG
    kept = []
    for cand in candidates(text, lang):
        if skip is not None and skip(cand.start, cand.end):
            continue
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if cand.rule.check and not CHECKS[cand.rule.check](cand, span):
            continue
        kept.append((cand, span))
    spans = {id(c): s for c, s in kept}
    out = []
    for cand in best_non_overlapping([c for c, _ in kept]):
        span = spans[id(cand)]
        tense = clause_tense(span.root)
        if _future_cue_before(text, cand.start, tense, span.root, lang):
            tense = FUTURE
        value = normalise(cand.rule.op, canonical_groups(cand.groups, lang), Context(dct, tense))
        if value.value is None:
            continue
        out.append(TimeExpr(cand.start, cand.end, text[cand.start:cand.end], value.type or cand.rule.type,
                            value.value))
    return resolve_anaphora(out, dct)


YEAR_BACK_WORDS = re.compile(r"year[\s-]+(?:ago|earlier)|year-ago|year-earlier", re.IGNORECASE)
QUARTER_VALUE = re.compile(r"^([0-9]{4})-Q([1-4])$")
DAY_VALUE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}")


def resolve_anaphora(found: list[TimeExpr], dct: date) -> list[TimeExpr]:
    """Expressions that point at an earlier one: 'that year', and 'a year ago' in a report about a quarter."""
    out = []
    last_calendar: str | None = None
    last_day: str | None = None
    last_quarter: tuple[int, int] | None = None
    for t in found:
        value = t.value
        if value.startswith(("@dayclock:", "@daypart:")):
            unit, _, rest = value[1:].partition(":")
            value = f"{last_day or dct.isoformat()}T{rest}"
        elif value.startswith("@"):
            value = _anaphoric_value(value[1:], last_calendar, dct)
        elif last_quarter and YEAR_BACK_WORDS.search(t.text) and re.fullmatch(r"[0-9]{4}", value):
            value = f"{last_quarter[0] - 1:04d}-Q{last_quarter[1]}"
        q = QUARTER_VALUE.match(value)
        if q and not YEAR_BACK_WORDS.search(t.text):
            last_quarter = (int(q.group(1)), int(q.group(2)))
        if value[:1].isdigit() and "W" not in value and "Q" not in value and len(value) >= 4:
            last_calendar = value
            if DAY_VALUE.match(value):
                last_day = value[:10]
        out.append(TimeExpr(t.start, t.end, t.text, t.type, value))
    return out


def _anaphoric_value(unit: str, last: str | None, dct: date) -> str:
    """The value of 'that year', 'the following year' (unit 'year:1') … from the previous calendar value."""
    base = last or dct.isoformat()
    unit, _, shift_text = unit.partition(":")
    shift = int(shift_text or 0)
    if unit == "year":
        return f"{int(base[:4]) + shift:04d}"
    if unit == "month":
        if len(base) < 7 or not base[5:7].isdigit():
            return base[:4]
        months = int(base[:4]) * 12 + int(base[5:7]) - 1 + shift
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if unit == "day" and shift and len(base) >= 10 and base[5:7].isdigit() and base[8:10].isdigit():
        return (date.fromisoformat(base[:10]) + timedelta(days=shift)).isoformat()
    if unit == "week":
        return base[:4] + "-WXX"
    part = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}.get(unit)
    if part:
        return f"{base[:10]}T{part}" if len(base) >= 10 else base
    return base[:10] if len(base) >= 10 else base




# ------------------------------------------------------------------ tense of the clause
@cache
def _future_cue(lang: str) -> re.Pattern[str]:
    ordered = sorted(cues("future_before", lang), key=len, reverse=True)
    phrases = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) or "(?!)"
    return re.compile(rf"(?<!\bup\s)\b(?:{phrases})\s+(?:at\s+|on\s+)?$", re.IGNORECASE)


def _future_cue_before(text: str, start: int, tense: str | None, token: Token, lang: str) -> bool:
    """'as early as next week', 'postponed until Tuesday': the date lies ahead whatever the verb's tense.

    After 'until', a past clause still points back ('fighting went on until Sunday') unless its verb defers
    something ('extended the deadline until Tuesday').
    """
    m = _future_cue(lang).search(text, max(0, start - 24), start)
    if m is None:
        return False
    if m.group(0).split()[0].lower() not in cues("until_words", lang) or tense != PAST:
        return True
    verb = governing_verb(token)
    return verb is not None and verb.lemma_ in cues("defer_lemmas", lang)


# ------------------------------------------------------------------ checks against the parse
def _prev_word(span: SpacySpan) -> str:
    i = span.start - 1
    return span.doc[i].lower_ if i >= 0 else ""


def _next_token(span: SpacySpan) -> Token | None:
    return span.doc[span.end] if span.end < len(span.doc) else None


def check_year(cand: Candidate, span: SpacySpan) -> bool:
    if "mod" in cand.groups:
        return True
    prev = _prev_word(span)
    if prev in cues("not_a_year_before"):
        return False
    nxt = _next_token(span)
    if nxt is not None and (nxt.lower_ in cues("not_a_year_after") or nxt.like_num):
        return False
    if not cand.groups["year"].isdigit():
        return True  # a spoken year ('nineteen ninety-six') is never a count
    year = int(cand.groups["year"])
    token = span[-1]
    if token.ent_type_ == "DATE" or prev in cues("year_before"):
        return 1800 <= year <= 2100
    if token.ent_type_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT"):
        return False
    return 1900 <= year <= 2050


@cache
def _ambiguous_months() -> frozenset[str]:
    return frozenset(words()["ambiguous_months"])


def check_month(cand: Candidate, span: SpacySpan) -> bool:
    name = cand.groups["month"].rstrip(".")
    if name not in _ambiguous_months() or "mod" in cand.groups or "rel" in cand.groups:
        return True
    token = next((t for t in span if t.text.rstrip(".") == name), span[-1])
    nxt = _next_token(span)
    if nxt is not None and nxt.pos_ in ("VERB", "AUX"):
        return False
    return token.tag_ == "NNP" and _prev_word(span) in cues("season_before")


def check_season(cand: Candidate, span: SpacySpan) -> bool:
    rel = (cand.groups.get("rel") or "").lower()
    if "year" in cand.groups or (rel and rel != "the") or "mod" in cand.groups or "mod2" in cand.groups:
        return True
    season = span[-1]
    if season.pos_ == "VERB":
        return False
    return _prev_word(span) in cues("season_before")


def check_reference(cand: Candidate, span: SpacySpan) -> bool:
    ref = " ".join(cand.groups["ref"].lower().split())
    nxt = _next_token(span)
    if ref in ("the present", "the past", "the future") and nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
        return False
    if ref == "now" and nxt is not None and nxt.lower_ == "that":
        return True
    return True


def check_duration(cand: Candidate, span: SpacySpan) -> bool:
    num = " ".join(cand.groups.get("num", "").lower().split())
    unit = cand.groups.get("unit", "").lower()
    if unit in ("second", "sec") and num in ("a", "an", "one"):
        return False
    if num in ("a", "an", "one") and unit in ("night", "day") and "rel" not in cand.groups:
        nxt = _next_token(span)
        return nxt is None or nxt.lower_ not in ("when", "in", "of", "after")
    nxt = _next_token(span)
    if unit.startswith("quarter") and nxt is not None and nxt.lower_ == "of":
        return False
    if num in ("a", "an", "per") and span.start > 0:
        before = span.doc[span.start - 1]
        if before.like_num or before.lower_ in ("%", "percent", "cents", "times", "once", "twice", "dollars"):
            return False
    prev = _prev_word(span)
    return prev not in ("$", "€", "£", "#")


def check_set_adverb(cand: Candidate, span: SpacySpan) -> bool:
    """'daily' in any use; 'quarterly' only as an adverb (as an adjective it names a report, not a frequency)."""
    if cand.groups["adv"].lower() not in cues("set_adjectives_untagged"):
        return True
    nxt = _next_token(span)
    return not (span[-1].dep_ == "amod" or (nxt is not None and nxt.pos_ in ("NOUN", "PROPN")))


def check_bare_units(cand: Candidate, span: SpacySpan) -> bool:
    if "rel" in cand.groups or "the" in cand.groups or "the2" in cand.groups or "hyphen" in cand.groups:
        return True
    nxt = _next_token(span)
    return _prev_word(span) in cues("bare_unit_before") or (nxt is not None and nxt.lower_ in cues("bare_unit_after"))


def check_clock_word(cand: Candidate, span: SpacySpan) -> bool:
    """'midi' is noon after a preposition of time ('vers midi'); alone it may be the South ('le Midi')."""
    return _prev_word(span) in cues("clock_before", span.doc.lang_)


def check_clock_hours(cand: Candidate, span: SpacySpan) -> bool:
    """'21 h 45' is a clock time anywhere; '21 heures' only after 'à', 'vers' … ('pendant 3 heures' lasts)."""
    if "heure" not in span.text.lower():
        return True
    return _prev_word(span) in cues("clock_before", span.doc.lang_)


def check_year_morph(cand: Candidate, span: SpacySpan) -> bool:
    """A bare four-digit year, for a pipeline without DATE entities: not a count ('2000 manifestants')."""
    lang = span.doc.lang_
    prev = _prev_word(span)
    if prev in cues("not_a_year_before", lang):
        return False
    nxt = _next_token(span)
    if nxt is not None and (nxt.lower_ in cues("not_a_year_after", lang) or nxt.like_num
                            or (nxt.pos_ == "NOUN" and nxt.morph.get("Number") == ["Plur"])):
        return False
    year = int(cand.groups["year"])
    return 1800 <= year <= 2100 if prev in cues("year_before", lang) else 1900 <= year <= 2050


def check_season_noun(cand: Candidate, span: SpacySpan) -> bool:
    """'en été', 'l'été', 'cet hiver': the season; 'a été' is the verb 'être'."""
    first = span.doc[span.start:span.start + 2].text[:2].lower()  # not doc.text, which spaCy rebuilds on each call
    if first in ("l'", "l’", "le") or _prev_word(span) in cues("season_before", span.doc.lang_):
        return True
    return span[-1].pos_ in ("NOUN", "PROPN")


def check_vague_units(cand: Candidate, span: SpacySpan) -> bool:
    """'des années' is a duration after 'depuis', 'pendant' …; 'plusieurs jours' always."""
    if cand.groups["num"].lower() != "des":
        return True
    return _prev_word(span) in cues("vague_units_before", span.doc.lang_)


def check_not_age(cand: Candidate, span: SpacySpan) -> bool:
    """'un chauffeur de 38 ans', 'Paul, 53 ans,': an age, not a duration; 'depuis 12 ans' is one."""
    lang = span.doc.lang_
    if cand.groups["unit"].lower() not in cues("age_units", lang) or not cand.groups["num"][:1].isdigit():
        return True
    if "approx" in cand.groups:
        return _prev_word(span) not in ("les", "des")
    return _prev_word(span) not in cues("age_before", lang)


CHECKS = {"year": check_year, "month": check_month, "season": check_season, "reference": check_reference,
          "duration": check_duration, "bare_units": check_bare_units, "set_adverb": check_set_adverb,
          "clock_word": check_clock_word, "fr_clock": check_clock_hours, "fr_year": check_year_morph,
          "fr_season": check_season_noun, "fr_vague_units": check_vague_units, "fr_not_age": check_not_age}
