"""The last touches of a coded event: its mode from the weapon, crowd violence as riot, its CAMEO code."""

from __future__ import annotations

from eventwire.extract.eventcoding.draft import Draft
from eventwire.extract.eventcoding.lexicon import mode_cues, rules
from eventwire.extract.eventcoding.roles import actor_heads
from eventwire.extract.eventcoding.syntax import lemma, subject_heads

SPECIFIC_MODES = frozenset({"suicide-attack", "drone", "unconventional"})


def finish(draft: Draft) -> None:
    """Fill the mode from weapon and manner words of the clause, and close the cameo code."""
    if draft.type in ("ASSAULT", "MOBILIZE", "PROTEST", "CONSULT") and not draft.recast:
        _set_mode(draft)
    if draft.type == "PROTEST" and not draft.recast and _harmful_strike(draft):
        draft.type, draft.mode, draft.cameo = "ASSAULT", None, "190"  # "the strike hit the building", not a walkout
    if draft.type == "ASSAULT" and not draft.recast and _labour_strike(draft):
        draft.type, draft.mode, draft.cameo = "PROTEST", "strike", "143"  # "teachers struck over pay"
    if draft.type == "ASSAULT" and not draft.recast and _by_protesters(draft):
        draft.type, draft.mode, draft.cameo = "PROTEST", "riot", "145"  # violence done by a crowd is a riot
    if draft.type == "COERCE" and draft.mode == "restrict" and not draft.recast and _by_civilians(draft):
        draft.type, draft.mode, draft.cameo = "PROTEST", "obstruct", "144"  # drivers blockading roads protest
    if draft.type == "MOBILIZE" and draft.trigger.kind == "N" and _joint(draft):
        draft.type, draft.mode, draft.cameo = "COOPERATE", None, "062"
    if draft.type == "THREATEN":
        draft.flags.add("threatened")
    if draft.cameo is None:
        draft.cameo = _cameo_after_recast(draft)


def _set_mode(draft: Draft) -> None:
    """The weapon named in the clause decides the mode; the trigger word's own mode is only the default.
    An instrument that carries the weapon (an aircraft, a drone) outranks the weapon it drops."""
    cue_mode = _mode_from_cues(draft)
    if not cue_mode:
        return
    overrides = rules()["mode_overrides"].get(draft.mode or "", [])
    if draft.mode is None or cue_mode in SPECIFIC_MODES or cue_mode in overrides:
        draft.mode = cue_mode
        if draft.type == "ASSAULT" and draft.cameo in (None, "190", "183"):
            draft.cameo = None  # the weapon decides the CAMEO code (195 air, 194 artillery ...)


def _harmful_strike(draft: Draft) -> bool:
    """A "strike" that hits, kills or destroys, or that people are killed in, is an attack."""
    noun = draft.trigger.token
    if draft.trigger.kind != "N" or lemma(noun) != "strike":
        return False
    verbs = rules()["harm_verbs"]
    if noun.dep_ == "nsubj" and lemma(noun.head) in verbs:
        return True
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in ("in", "by") and lemma(prep.head) in verbs


def _labour_strike(draft: Draft) -> bool:
    if draft.trigger.kind != "V" or lemma(draft.trigger.token) != "strike":
        return False
    nouns = rules()["labour_nouns"]
    return any(lemma(t) in nouns for t in actor_heads(draft))


def _by_protesters(draft: Draft) -> bool:
    nouns = rules()["protester_nouns"]
    return any(lemma(t) in nouns for t in actor_heads(draft))


def _by_civilians(draft: Draft) -> bool:
    r = rules()
    return any(lemma(t) in r["protester_nouns"] or lemma(t) in r["civilian_words"] for t in actor_heads(draft))


def _mode_from_cues(draft: Draft) -> str | None:
    cues = mode_cues().get(draft.type)
    if not cues:
        return None
    clause = draft.anchors[0]
    words = {lemma(t) for t in clause.subtree} | {t.lower_ for t in clause.subtree}
    words |= {lemma(t) for t in draft.trigger.token.subtree}
    for cue, mode in cues:
        if cue in words:
            return mode
    return None


def _joint(draft: Draft) -> bool:
    r = rules()
    if lemma(draft.trigger.token) not in r["exercise_nouns"]:
        return False
    words = {lemma(t) for t in draft.trigger.token.subtree} | {lemma(t) for t in draft.anchors[-1].subtree}
    if words & r["joint_markers"]:
        return True
    subjects = subject_heads(draft.anchors[-1])
    return any(s.conjuncts or any(c.conjuncts for c in s.children if c.dep_ in ("amod", "compound")) for s in subjects)


def _cameo_after_recast(draft: Draft) -> str | None:
    codes = rules()["cameo_after"]
    by_type = codes.get(draft.type, {})
    return by_type.get(draft.mode or "") or by_type.get(draft.embedded_type or "") or by_type.get("*")
