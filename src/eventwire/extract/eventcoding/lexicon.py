"""The event lexicons (``lexicons/event_*``), parsed once per process into lookup tables."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from eventwire import lexicons

NOT_AN_EVENT = "-"


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One row of ``event_triggers.tsv``: a word (with conditions) that signals an event type."""

    pos: str  # V, N or A
    lemma: str
    with_: frozenset[str]
    objects: frozenset[str]
    type: str  # PLOVER type, or NOT_AN_EVENT
    mode: str | None
    cameo: str | None
    context: tuple[str, ...]

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects) + bool(self.with_)


def _cell_set(cell: str) -> frozenset[str]:
    return frozenset() if cell in ("", "-") else frozenset(c.strip() for c in cell.split(",") if c.strip())


def _cell(cell: str) -> str | None:
    return None if cell in ("", "-") else cell


@cache
def trigger_rules(lang: str = lexicons.DEFAULT_LANG) -> dict[tuple[str, str], tuple[TriggerRule, ...]]:
    """(pos, lemma) -> its rules, most specific first; the first row of a repeated condition wins.

    ``lang``: the language's own ``event_triggers.tsv`` where it has one (``lexicons/fr/``), else English's.
    """
    lang = lang if lexicons.has("event_triggers.tsv", lang) else lexicons.DEFAULT_LANG
    table: dict[tuple[str, str], list[TriggerRule]] = {}
    for pos, lemma, with_, objects, type_, mode, cameo, context, *_ in lexicons.rows("event_triggers.tsv", lang):
        rule = TriggerRule(pos, lemma.lower(), _cell_set(with_), _cell_set(objects), type_, _cell(mode), _cell(cameo),
                           tuple(c for c in context.split(";") if c and c != "-"))
        same = table.setdefault((pos, rule.lemma), [])
        if not any(r.with_ == rule.with_ and r.objects == rule.objects for r in same):
            same.append(rule)
    return {key: tuple(sorted(rules, key=lambda r: -r.specificity)) for key, rules in table.items()}


@cache
def frames(lang: str = lexicons.DEFAULT_LANG) -> dict[str, frozenset[str]]:
    """lemma -> the framing roles it can play (report, aspect, light, intent, commit, threat ...); a language's
    own ``event_frames.tsv`` adds its verbs to the English ones (``fr/``: "menacer" threat, "tenter" aspect)."""
    table: dict[str, set[str]] = {}
    files = [lexicons.DEFAULT_LANG] + ([lang] if lang != lexicons.DEFAULT_LANG and
                                        lexicons.has("event_frames.tsv", lang) else [])
    for source in files:
        for lemma, frame, *_ in lexicons.rows("event_frames.tsv", source):
            table.setdefault(lemma.lower(), set()).add(frame)
    return {lemma: frozenset(roles) for lemma, roles in table.items()}


INFLECTIONS = (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""),
               ("d", ""))


def base_forms(lemma: str, form: str) -> list[str]:
    """The lemma, the word form, then plain de-inflections of the form (the lemmatizer misses some words:
    "staged" -> "stag")."""
    out = [lemma, form]
    for suffix, repl in INFLECTIONS:
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            out.append(form[: -len(suffix)] + repl)
    return out


def frame_roles(token: Any) -> frozenset[str]:
    """The framing roles of a word (see ``event_frames.tsv``), looked up through its base forms."""
    table = frames(lexicons.for_language(token.doc.lang_ or lexicons.DEFAULT_LANG))
    for form in base_forms(token.lemma_.lower(), token.lower_):
        if form in table:
            return table[form]
    return frozenset()


@cache
def rules(lang: str = lexicons.DEFAULT_LANG) -> dict[str, Any]:
    """The recoding rules of ``event_rules.json`` with list values turned into frozensets; a language's own
    ``event_rules.json`` adds its words to the English lists (``fr/``: "revendiquer" among the claiming verbs)."""
    raw = {k: frozenset(v) if isinstance(v, list) else v for k, v in lexicons.data("event_rules.json").items()}
    lang = lexicons.for_language(lang)
    if lang != lexicons.DEFAULT_LANG and lexicons.has("event_rules.json", lang):
        for key, value in lexicons.data("event_rules.json", lang).items():
            raw[key] = raw.get(key, frozenset()) | frozenset(value) if isinstance(value, list) else value
    return raw


def rules_for(token: Any) -> dict[str, Any]:
    """The rules of the token's document language."""
    return rules(token.doc.lang_ or lexicons.DEFAULT_LANG)


@cache
def mode_cues() -> dict[str, tuple[tuple[str, str], ...]]:
    """event type -> ((cue lemma, mode), ...) in priority order."""
    table: dict[str, list[tuple[str, str]]] = {}
    for cue, type_, mode, *_ in lexicons.rows("event_modes.tsv"):
        table.setdefault(type_, []).append((cue.lower(), mode))
    return {k: tuple(v) for k, v in table.items()}


@cache
def context_cues() -> dict[str, str]:
    return {cue.lower(): context for cue, context, *_ in lexicons.rows("event_contexts.tsv")}
