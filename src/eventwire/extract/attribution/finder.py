"""Find attributions in a parsed document: reporting cues with their content and speaker, plus quotations.

The pass works in three moves: (1) every cue word of the lexicon gives a draft, its content taken from the
parse by the first frame that fits; (2) drafts are snapped to the quotation marks they touch, and a quotation
that follows a draft with nothing but punctuation between ("“…,” he said. “…”") is joined to it; (3) a
quotation that no cue claims is given to the speaker of the nearest preceding attribution.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from eventwire.extract.attribution.colon import colon_lines
from eventwire.extract.attribution.draft import Draft
from eventwire.extract.attribution.frames import (
    content_of,
    phrase_head,
    sentence_of,
    speaker_of,
    subtree_range,
    trim,
    without_trailing_aside,
)
from eventwire.extract.attribution.lexicon import CueRule, cue_rules, speech_nouns
from eventwire.extract.attribution.quotemarks import QuoteMarks, quote_spans

MIN_ORPHAN_WORDS = 6  # shorter unclaimed quotations are scare quotes or titles, not speech
SPEECH_FRAMES = frozenset({"ccomp", "acl", "quote", "head"})  # frames that hold speech even when nobody is named
MAX_SIGNATURE_TOKENS = 5
MAX_ORPHAN_PARAGRAPHS = 1  # how far back an unclaimed quotation's speaker may have been named
MIN_CONTINUED_WORDS = 6  # a shorter quotation after an attribution is a scare quote or a title
MIN_INTRODUCED_WORDS = 2  # a one-word quotation next to a cue is a label ("called them “rebels”")
MAX_SPEAKER_CHARS = 120  # between a quotation and the cue after it: room for "Texas delegate Bill Ames, 52,"
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
    rules = cue_rules() if rules is None else rules
    text = doc.text if text is None else text
    drafts: list[Draft] = []
    sentences = list(sentences)
    introduced = [m for m in marks if _is_speech(text, m, MIN_INTRODUCED_WORDS)]
    for sentence in sentences:
        for token in sentence:
            rule = _rule_for(token, rules)
            if rule is not None:
                draft = _draft(token, rule, text, marks, introduced)
                if draft is not None:
                    drafts.append(draft)
    drafts.extend(colon_lines(doc, sentences, text))
    drafts = _dedupe(drafts)
    drafts.extend(_continuations(drafts, marks, text))
    drafts.extend(_orphans(drafts, marks, doc, text))
    drafts.sort(key=lambda d: (d.start, -d.end))
    return drafts


def _rule_for(token: Token, rules: dict[tuple[str, str], CueRule]) -> CueRule | None:
    pos = "NOUN" if token.pos_ in ("NOUN", "PROPN") else "VERB" if token.pos_ in ("VERB", "AUX") else None
    if pos is None:
        return None
    return rules.get((token.lemma_.lower(), pos))


def _draft(
    cue: Token, rule: CueRule, text: str, marks: list[QuoteMarks], introduced: list[QuoteMarks]
) -> Draft | None:
    """The cue's attribution by the first of its frames that fits; ``introduced`` are the quotations long enough
    to be introduced by a cue."""
    cue_span = _cue_span(cue)
    for frame in rule.frames:
        found = _adjacent_quote(cue, cue_span, introduced, text) if frame == "quote" else content_of(cue, frame, text)
        if found is None:
            continue
        if frame != "quote":
            found = _within_paragraph(text, cue.idx, *found)
            if found is None:
                continue
            found = without_trailing_aside(cue.doc, *found)
        start, end = _snap(*trim(text, *found), marks)
        if not any(m.start == start and m.end == end for m in marks):
            start, end = trim(text, start, end)
        if end - start < 2 or (start <= cue.idx < end and frame not in ("head", "quote")):
            continue
        speaker = speaker_of(cue)
        if speaker is None and frame not in SPEECH_FRAMES:
            return None  # "rejected the plan" by nobody named is no one's claim
        sentence_end = sentence_of(cue).end_char
        return Draft(start, end, cue_span, cue, speaker, rule.weight, frame, sentence_end)
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
    if before is not None and cue.idx - before.end <= MAX_SPEAKER_CHARS and _only_speaker_between(cue, before.end):
        return before
    return None


def _only_speaker_between(cue: Token, offset: int) -> bool:
    """Whether the words from ``offset`` to the cue are the cue's subject, its auxiliaries and punctuation
    ("“…,” Texas delegate Bill Ames, 52, had said")."""
    doc = cue.doc
    subject = speaker_of(cue)
    subject_range = (subject.left_edge.i, subject.right_edge.i) if subject is not None else (-1, -1)
    i = cue.i - 1
    depth = 0  # inside brackets: "Rep. Ada Lume (D-Md.) said"
    while i >= 0 and doc[i].idx >= offset:
        token = doc[i]
        depth += (token.text == ")") - (token.text == "(")
        inside = subject_range[0] <= i <= subject_range[1] or depth > 0 or token.text == "("
        helper = token.head is cue and token.dep_ in ("aux", "auxpass", "neg", "advmod", "nsubj", "punct")
        if not (token.is_punct or token.is_space or inside or helper):
            return False
        if token.is_space and "\n" in token.text:
            return False
        i -= 1
    return True


def _is_speech(text: str, mark: QuoteMarks, min_words: int) -> bool:
    """Whether a quotation holds words enough to be something said, not a title, a number or markup."""
    words = [w for w in text[mark.start + 1:mark.end - 1].split() if any(c.isalpha() for c in w)]
    return len(words) >= min_words


def _is_sentence(text: str, mark: QuoteMarks) -> bool:
    """A quoted full sentence, however short ("“People are drinking rainwater.”"), not a scare quote."""
    inner = text[mark.start + 1:mark.end - 1].strip(" '‘’\"")
    return len(inner.split()) >= 2 and inner[:1].isupper() and inner[-1:] in ".!?"


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


def _covered(mark: QuoteMarks, drafts: list[Draft]) -> bool:
    return any(d.start <= mark.start and mark.end <= d.end for d in drafts)


def _continuations(drafts: list[Draft], marks: list[QuoteMarks], text: str) -> list[Draft]:
    """Quotations that follow an attribution with only punctuation between ("“…,” he said. “…”"): each becomes
    its own attribution with the same speaker."""
    out: list[Draft] = []
    for mark in marks:
        if _covered(mark, drafts) or _covered(mark, out):
            continue
        previous = _previous_attribution(drafts + out, mark.start)
        if previous is None:
            continue
        if _resumes_sentence(text, previous, mark):
            previous.end = mark.end  # "“The town,” he said, “is lost.”": one sentence, one quotation
            continue
        if not (_is_speech(text, mark, MIN_CONTINUED_WORDS) or _is_sentence(text, mark)):
            continue
        gap = text[max(previous.outer_end, previous.sentence_end):mark.start]
        if re.fullmatch(r"[\s.,;:!?—–-]*", gap) and gap.count("\n") <= 2:
            out.append(Draft(mark.start, mark.end, None, None, previous.speaker, previous.weight, "continued",
                             sentence_end=mark.end, speaker_span=previous.speaker_span, speaker_from=previous))
    return out


def _resumes_sentence(text: str, previous: Draft, mark: QuoteMarks) -> bool:
    """Whether the quotation picks up the sentence a quotation before the cue left open."""
    if previous.cue is None or previous.end > previous.cue[0] or text[previous.end - 2:previous.end - 1] != ",":
        return False
    return bool(re.fullmatch(r"\s*,\s*", text[previous.outer_end:mark.start]))


def _previous_attribution(drafts: list[Draft], offset: int) -> Draft | None:
    best = None
    for draft in drafts:
        later = best is None or draft.outer_end > best.outer_end
        if later and draft.outer_end <= offset and draft.frame != "orphan":
            best = draft
    return best


def _orphans(drafts: list[Draft], marks: list[QuoteMarks], doc: Doc, text: str) -> list[Draft]:
    """Quotations no cue claims, long enough to be speech: their speaker is named in their own sentence
    ("X reacted sharply: “…”", "Pew Research: “…”") or is the latest earlier speaker."""
    out: list[Draft] = []
    for mark in marks:
        if _covered(mark, drafts) or any(d.start < mark.end and mark.start < d.end for d in drafts):
            continue
        if not _is_speech(text, mark, MIN_ORPHAN_WORDS):
            continue
        local = _speaker_in_sentence(doc, mark)
        if local is not None:
            cue, speaker = local
            out.append(Draft(mark.start, mark.end, cue, None, speaker, 0.4, "orphan"))
            continue
        source = _latest_speaker_before(drafts, mark.start)
        if source is not None and _paragraphs_between(text, source.outer_end, mark.start) <= MAX_ORPHAN_PARAGRAPHS:
            out.append(Draft(mark.start, mark.end, None, None, source.speaker, 0.3, "orphan",
                             speaker_from=source))
        else:  # speech with nobody near enough to have said it: keep it, speaker unknown
            out.append(Draft(mark.start, mark.end, None, None, None, 0.2, "orphan"))
    return out


def _speaker_in_sentence(doc: Doc, mark: QuoteMarks) -> tuple[tuple[int, int], Token] | None:
    """(cue span, speaker) when the quotation's own sentence names who speaks, before or after it."""
    return _speaker_before(doc, mark) or _speaker_after(doc, mark)


def _speaker_after(doc: Doc, mark: QuoteMarks) -> tuple[tuple[int, int], Token] | None:
    """Any verb whose subject directly follows the quotation: "“…,” Bennett shot back."."""
    last = doc.char_span(mark.end - 1, mark.end, alignment_mode="expand")
    if last is None or len(last) == 0:
        return None
    signed = _signature(doc, last[-1].i + 1)
    if signed is not None:
        return signed
    for token in doc[last[-1].i + 1:last[-1].i + 12]:
        if token.idx - mark.end > MAX_SPEAKER_CHARS or (token.is_space and "\n" in token.text):
            return None
        if token.pos_ == "VERB":
            subject = speaker_of(token)
            if subject is not None and subject.i < token.i and _only_speaker_between(token, mark.end):
                return (token.idx, token.idx + len(token)), subject
            return None
    return None


DASHES = frozenset({"―", "—", "–", "-", "--"})


def _signature(doc: Doc, i: int) -> tuple[tuple[int, int], Token] | None:
    """A quotation signed with a dash and a name: "“…” ― Ana Ruiz"."""
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    if i >= len(doc) - 1 or doc[i].text not in DASHES:
        return None
    name = []
    for token in doc[i + 1:i + 1 + MAX_SIGNATURE_TOKENS]:
        if token.pos_ != "PROPN":
            break
        name.append(token)
    if not name:
        return None
    return (doc[i].idx, doc[i].idx + len(doc[i])), phrase_head(name[-1])


def _speaker_before(doc: Doc, mark: QuoteMarks) -> tuple[tuple[int, int], Token] | None:
    """(cue span, speaker) when the quotation's own sentence names who speaks before it."""
    first = doc.char_span(mark.start, mark.start + 1, alignment_mode="expand")
    if first is None or len(first) == 0 or first[0].i == 0:
        return None
    before = doc[first[0].i - 1]
    if before.text == ":" and before.i > 0:
        lead = doc[before.i - 1]
        if lead.pos_ in ("VERB", "AUX"):
            speaker = speaker_of(lead)
            return ((lead.idx, lead.idx + len(lead)), speaker) if speaker is not None else None
        if lead.pos_ in ("PROPN", "NOUN") and not before.is_sent_start:
            return (before.idx, before.idx + 1), lead
    sentence = sentence_of(first[0])
    root = sentence.root
    if sentence.start_char >= mark.start - 1 or root.pos_ not in ("VERB", "AUX") or root.idx > mark.start:
        return None
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.idx < mark.start]
    if not subjects or subjects[0].right_edge.idx >= mark.start:
        return None
    return (root.idx, root.idx + len(root)), subjects[0]


def _paragraphs_between(text: str, start: int, end: int) -> int:
    return len([p for p in text[start:end].split("\n") if p.strip()])


def _latest_speaker_before(drafts: list[Draft], offset: int) -> Draft | None:
    best = None
    for draft in drafts:
        later = best is None or draft.outer_end > best.outer_end
        if later and draft.speaker is not None and draft.outer_end <= offset:
            best = draft
    return best


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


__all__ = ["Draft", "find_attributions", "kind_of", "quote_spans", "subtree_range"]
