"""Find attributions in a parsed document: reporting cues with their content and speaker, plus quotations.

The pass works in three moves: (1) every cue word of the lexicon gives a draft, its content taken from the
parse by the first frame that fits, or from the quotation beside it; (2) drafts are snapped to the quotation
marks they touch; (3) quotations no cue claims are handed to ``unclaimed``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from eventwire.extract.attribution.colon import colon_clauses, colon_lines
from eventwire.extract.attribution.draft import Draft
from eventwire.extract.attribution.extents import fronted_condition
from eventwire.extract.attribution.frames import (
    TRAILING_DEPS,
    content_of,
    experiencer_of,
    sentence_of,
    trim,
    without_trailing_aside,
    without_trailing_cue,
    without_trailing_participle,
)
from eventwire.extract.attribution.french import french_drafts
from eventwire.extract.attribution.headline import headline_claims, headline_verb_claim
from eventwire.extract.attribution.lexicon import CueRule, cue_rules, cue_tokens, speech_nouns, view_nouns
from eventwire.extract.attribution.pieces import split_long_glue
from eventwire.extract.attribution.quotemarks import QuoteMarks, is_speech
from eventwire.extract.attribution.subjects import (
    MAX_SPEAKER_CHARS,
    inverted_speaker,
    only_speaker_between,
    speaker_of,
)
from eventwire.extract.attribution.unclaimed import extend_continued, orphans

# frames that hold speech, thought or a judgement even when nobody is named
SPEECH_FRAMES = frozenset({"ccomp", "acl", "quote", "head", "raise"})
MIN_INTRODUCED_WORDS = 2  # a one-word quotation next to a cue is a label ("called them “rebels”")
MAX_ADJACENT_GAP = 40  # characters between a cue and a quotation it introduces ("said on Tuesday: “…”")


def find_attributions(
    doc: Doc,
    sentences: Iterable,
    marks: list[QuoteMarks],
    rules: dict[tuple[str, str], CueRule] | None = None,
    text: str | None = None,
) -> list[Draft]:
    """Every attribution of the document, in text order (``text`` is the doc's text, when the caller has it:
    ``Doc.text`` is rebuilt on every access)."""
    rules = cue_rules(doc.lang_) if rules is None else rules
    text = doc.text if text is None else text
    drafts: list[Draft] = []
    sentences = list(sentences)
    introduced = [m for m in marks if is_speech(text, m, MIN_INTRODUCED_WORDS)]
    for token in cue_tokens(doc, sentences, rules, VIEW_WORDS):
        rule = _rule_for(token, rules)
        if rule is not None:
            draft = _draft(token, rule, text, marks, introduced, rules)
            if draft is not None:
                drafts.append(draft)
    drafts.extend(colon_lines(doc, sentences, text))
    drafts.extend(colon_clauses(doc, sentences, text))
    if doc.lang_ == "fr":
        drafts = french_drafts(drafts, doc, sentences, text)
    if sentences and sentences[0].start_char == 0:  # a headline in boilerplate is no part of the text
        drafts.extend(headline_claims(doc, text, rules))
        drafts.extend(headline_verb_claim(doc, text, rules, drafts))
    drafts = _dedupe(drafts)
    extend_continued(drafts, marks, text)
    drafts.extend(orphans(drafts, marks, doc, text))
    drafts = split_long_glue(outermost(drafts), text)
    drafts.sort(key=lambda d: (d.start, -d.end))
    return drafts


def outermost(drafts: list[Draft]) -> list[Draft]:
    """One attribution per stretch of text: one whose content lies inside another's is part of what the outer
    speaker says ("Ames said the army believes the town is lost": Ames's claim). Where a quotation nobody cues
    holds a cued attribution of nearly the same extent ("“PENCE: We will…" with its colon line), the cued one
    stays."""
    ordered = sorted(drafts, key=lambda d: (d.start, -d.end))
    out: list[Draft] = []
    for draft in ordered:
        outer = out[-1] if out else None
        if outer is not None and draft.end <= outer.end:
            if outer.cue is None and draft.cue is not None and _share(draft, outer) >= SAME_SHARE:
                out[-1] = draft
            elif outer.frame == "raise" and draft.speaker is not None:
                out[-1] = draft  # "he seems to think …": his thought, not the writer's impression
            continue
        out.append(draft)
    return out


SAME_SHARE = 0.8


def _share(inner: Draft, outer: Draft) -> float:
    return (inner.end - inner.start) / max(1, outer.end - outer.start)


def _rule_for(token: Token, rules: dict[tuple[str, str], CueRule]) -> CueRule | None:
    if token.pos_ == "ADP":  # "in his view", "in a new poll" (by its object); French "selon X": attribution.french
        return IN_VIEW if _opens_a_view(token, rules) else None
    if token.pos_ == "ADJ":  # a stance after a copula: "is wary of", "was confident that"
        return rules.get((token.lemma_.lower(), "ADJ")) if token.dep_ == "acomp" else None
    pos = "NOUN" if token.pos_ in ("NOUN", "PROPN") else "VERB" if token.pos_ in ("VERB", "AUX") else None
    return rules.get((token.lemma_.lower(), pos)) if pos else None


IN_VIEW = CueRule("in", "ADP", ("head",), 0.5)
VIEW_WORDS = frozenset({"in"})  # the one preposition _rule_for reads (its lemma need be no cue)


def _opens_a_view(preposition: Token, rules: dict[tuple[str, str], CueRule]) -> bool:
    """ "In a new poll, …", "In his view, …", "… in her eyes.": a clause-opening (or -closing) "in" whose object
    names a finding or a view, on a clause that reports nothing itself ("In a speech, Ana Ruiz said …" is the
    saying's)."""
    if preposition.lower_ != "in" or preposition.dep_ != "prep" or preposition.head.pos_ not in ("VERB", "AUX"):
        return False
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    if objects and objects[0].pos_ in ("NUM", "PRON", "DET"):  # "in one of the first polls"
        objects = [g for c in objects[0].children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    if not objects or objects[0].lemma_.lower() not in view_nouns():
        return False
    clause = preposition.head
    opens = preposition.i == clause.left_edge.i or preposition.doc[preposition.i - 1].text == ","
    doc = preposition.doc
    after = doc[preposition.right_edge.i + 1] if preposition.right_edge.i + 1 < len(doc) else None
    set_off = opens and after is not None and after.text == ","
    closes = preposition.right_edge.i == clause.right_edge.i or (after is not None and after.text in (".", "!", "?"))
    return (set_off or closes) and rules.get((clause.lemma_.lower(), "VERB")) is None


def _draft(
    cue: Token, rule: CueRule, text: str, marks: list[QuoteMarks], introduced: list[QuoteMarks],
    rules: dict[tuple[str, str], CueRule],
) -> Draft | None:
    """The cue's attribution by the first of its frames that fits; ``introduced`` are the quotations long enough
    to be introduced by a cue."""
    cue_span = _cue_span(cue)
    frames = rule.frames
    if cue.dep_ == "parataxis" and "head" in frames:  # an inserted "X said" speaks for the clause around it
        frames = ("head", *(f for f in frames if f != "head"))
    for frame in frames:
        found = _adjacent_quote(cue, cue_span, introduced, text) if frame == "quote" else content_of(cue, frame, text)
        if found is None:
            continue
        if frame == "raise" and any(m.start < found[1] and found[0] < m.end for m in marks):
            return None  # a quotation's "seems" is the quoted speaker's, whose attribution holds it
        if frame == "name" and any(m.start < cue.idx < m.end for m in marks):
            return None  # "“When you call it a farce, …”": the quoted speaker's words
        if frame != "quote":
            found = _within_paragraph(text, cue.idx, *found)
            if found is None:
                continue
            found = without_trailing_aside(cue.doc, *found)
            found = without_trailing_cue(cue.doc, *found, lambda t: _rule_for(t, rules) is not None)
            found = without_trailing_participle(cue.doc, *found)
        start, end = _snap(*trim(text, *found), marks)
        if not any(m.start == start and m.end == end for m in marks):
            start, end = trim(text, start, end)
        inside = start <= cue.idx < end and frame not in ("head", "quote", "raise", "name")
        if end - start < 2 or (inside and fronted_condition(cue) is None):
            continue
        if frame == "raise":  # "the deal seems fair (to me)": the subject is what is judged, not who judges
            speaker = experiencer_of(cue)
        else:
            speaker = _reporting_ancestor_speaker(cue, rules) or speaker_of(cue)
            if end <= cue.idx and (speaker is None or start <= speaker.idx < end):  # "“When?” asked the girl"
                speaker = inverted_speaker(cue, end) or speaker
        if speaker is None and (frame not in SPEECH_FRAMES or rule.pos == "ADJ"):
            return None  # "rejected the plan" by nobody named is no one's claim
        sentence_end = sentence_of(cue).end_char
        return Draft(start, end, cue_span, cue, speaker, rule.weight, frame, sentence_end)
    return None


def _reporting_ancestor_speaker(cue: Token, rules: dict[tuple[str, str], CueRule]) -> Token | None:
    """The speaker of a reporting verb whose reported clause this subjectless cue closes ("China said it was
    opposed and warned …", "analysts said X, citing Y"): China, the analysts, not the clause's own subject."""
    if cue.dep_ not in TRAILING_DEPS or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    token = cue.head
    for _ in range(4):
        if token.dep_ == "ccomp" and token.head is not token and _rule_for(token.head, rules) is not None:
            return speaker_of(token.head)
        if token.head is token:
            return None
        token = token.head
    return None


def _within_paragraph(text: str, at: int, start: int, end: int) -> tuple[int, int] | None:
    """Clip a parsed content span to the cue's paragraph: the parser sometimes runs a clause over a line break."""
    first = text.rfind("\n", 0, at) + 1
    last = text.find("\n", at)
    start, end = max(start, first), min(end, len(text) if last == -1 else last)
    return (start, end) if end > start else None


def _cue_span(cue: Token) -> tuple[int, int]:
    """The cue word with its particle ("pointed out"), fixed preposition ("according to") or the channel right
    after it ("said in a statement")."""
    tokens = [cue]
    for child in cue.children:
        if child.dep_ == "prt" or (cue.lemma_ == "accord" and child.dep_ == "prep"):
            tokens.append(child)
        elif child.dep_ == "prep" and child.i == cue.i + 1 and _names_a_channel(child):
            tokens.extend(g for g in child.children if g.dep_ == "pobj")
    tokens.sort(key=lambda t: t.i)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _names_a_channel(preposition: Token) -> bool:
    """ "in a statement", "in an interview": a preposition whose object is a speech noun."""
    objects = [g for g in preposition.children if g.dep_ == "pobj"]
    return preposition.lower_ in ("in", "during") and bool(objects) and objects[0].lemma_.lower() in speech_nouns()


def _adjacent_quote(
    cue: Token, cue_span: tuple[int, int], marks: list[QuoteMarks], text: str
) -> tuple[int, int] | None:
    """A quotation opening just after the cue ("said: “…”") or closing just before its clause ("“…,” he said"),
    or both when the cue breaks one quoted sentence ("“The town,” he said, “is lost.”")."""
    after = _quote_after(cue_span, marks, text)
    before = None if cue.dep_ == "relcl" else _quote_before(cue, marks)  # "actions that he said killed …"
    if after is not None and before is not None and text[before.end - 2:before.end - 1] == ",":
        return before.start, after.end
    if after is not None:
        return after.start, after.end
    return (before.start, before.end) if before is not None else None


def _quote_after(cue_span: tuple[int, int], marks: list[QuoteMarks], text: str) -> QuoteMarks | None:
    after = _first_mark_at_or_after(marks, cue_span[1])
    if after is None or after.start - cue_span[1] > MAX_ADJACENT_GAP:
        return None
    gap = text[cue_span[1]:after.start]
    introduced = gap.rstrip().endswith(":")  # "X added:" may open a quotation in the next paragraph
    close = ":" in gap or "," in gap or gap.strip() == "" or after.start - cue_span[1] < 25
    return after if (introduced or "\n\n" not in gap) and not _has_sentence_end(gap) and close else None


def _quote_before(cue: Token, marks: list[QuoteMarks]) -> QuoteMarks | None:
    before = _last_mark_before(marks, cue.idx)
    if before is not None and cue.idx - before.end <= MAX_SPEAKER_CHARS and only_speaker_between(cue, before.end):
        return before
    return None


def _has_sentence_end(gap: str) -> bool:
    return bool(re.search(r"[.!?]\s", gap))


def _first_mark_at_or_after(marks: list[QuoteMarks], offset: int) -> QuoteMarks | None:
    i = bisect_left(_starts(marks), offset)
    return marks[i] if i < len(marks) else None


def _last_mark_before(marks: list[QuoteMarks], offset: int) -> QuoteMarks | None:
    best = None
    for mark in marks:
        if mark.end <= offset:
            best = mark
        else:
            break
    return best


def _starts(marks: list[QuoteMarks]) -> list[int]:
    return [m.start for m in marks]


def _snap(start: int, end: int, marks: list[QuoteMarks]) -> tuple[int, int]:
    """Widen a content span to whole quotations wherever it cuts into one."""
    for mark in marks:
        if mark.start >= end:
            break
        if mark.end <= start:
            continue
        if mark.start < start < mark.end or (start == mark.start + 1):
            start = mark.start
        if mark.start < end < mark.end or end == mark.end - 1:
            end = mark.end
    return start, end


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """One draft per content span: the most reliable cue wins."""
    best: dict[tuple[int, int], Draft] = {}
    for draft in drafts:
        key = (draft.start, draft.end)
        if key not in best or draft.weight > best[key].weight:
            best[key] = draft
    return sorted(best.values(), key=lambda d: (d.start, -d.end))


def kind_of(text: str, start: int, end: int, marks: list[QuoteMarks]) -> str:
    """direct: the content is quotation; mixed: part of it is; indirect: none of it is."""
    inside = [m for m in marks if m.start < end and start < m.end]
    if not inside:
        return "indirect"
    if inside[0].start <= start and inside[-1].end >= end and _only_glue_between(text, inside):
        return "direct"
    return "mixed"


def _only_glue_between(text: str, inside: list[QuoteMarks]) -> bool:
    return all(len(text[a.end:b.start]) < 60 for a, b in zip(inside, inside[1:], strict=False))
