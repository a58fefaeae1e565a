"""What one sentence says in ACLED's terms: its happenings (with their depth in the parse), the context tags of
its cue words, and the actor kinds (inter codes) of who acts, who is acted on and who else is named."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventwire.extract.acled.lexicon import CUE_PREFIX, KIND_PREFIX, cues, has_cues, kinds, matcher, rules
from eventwire.records import Event

ACTOR_DEPS = frozenset({"nsubj", "agent", "poss", "compound", "amod"})
# English models label with ClearNLP's scheme, the French one with Universal Dependencies ("obj", "nsubj:pass",
# "obl:agent"): the labels of both schemes are listed, none of them means anything else in the other scheme
RECIPIENT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "obj", "nsubj:pass"})
RECIPIENT_PREPS = frozenset({"on", "against", "into", "upon", "targeting"})
FLAT_DEPS = frozenset({"conj", "compound", "prt", "amod", "xcomp"})
STATE = "*STATE"  # the sector given to a country or nationality with none of its own


@dataclass(slots=True)
class Happening:
    family: str
    token: Token
    depth: int
    event: Event | None = None


@dataclass
class Situation:
    sentence: Span
    happenings: list[Happening] = field(default_factory=list)
    tags: set[str] = field(default_factory=set)
    kind_spans: list[tuple[int, int, int, bool]] = field(default_factory=list)  # token start, end, inter, weak
    actor: set[int] = field(default_factory=set)
    recipient: set[int] = field(default_factory=set)
    kinds: set[int] = field(default_factory=set)
    doc_tags: set[str] = field(default_factory=set)  # the whole document's, filled in by the step
    doc_kinds: set[int] = field(default_factory=set)
    sectors: dict[tuple[int, int], str] = field(default_factory=dict)

    @property
    def main(self) -> Happening | None:
        return self.happenings[0] if self.happenings else None

    @property
    def family(self) -> str:
        return self.happenings[0].family if self.happenings else "none"

    @property
    def others(self) -> set[int]:
        named = {k for _, _, k, _ in self.kind_spans}
        return named - self.actor


def depth(token: Token) -> int:
    """Steps from the sentence root; conjuncts and compounds stand level with their heads."""
    steps = 0
    while token.head.i != token.i:
        if token.dep_ not in FLAT_DEPS:
            steps += 1
        token = token.head
    return steps


def situation(sent: Span, events: list[Event], sectors: dict[tuple[int, int], str]) -> Situation:
    """The sentence's happenings (main one first), tags and actor kinds; ``sectors`` maps entity mention
    character spans to their sector, for actors no noun of the kinds lexicon names."""
    found = Situation(sent, sectors=sectors)
    doc = sent.doc
    lang = doc.lang_
    # the cue phrases are words of a language: one without its own acled_cues.json matches none of them
    table = cues(lang) if has_cues(lang) else {}
    for key, start, end in matcher(doc.vocab, lang)(sent) if table else []:
        name = doc.vocab.strings[key]
        if name.startswith(KIND_PREFIX):
            code, weak = kinds(lang)[0][name.removeprefix(KIND_PREFIX)]
            found.kind_spans.append((sent.start + start, sent.start + end, code, weak))
            continue
        cue = table[name.removeprefix(CUE_PREFIX)]
        found.tags |= cue.tags
        if cue.family:
            head = doc[sent.start + start: sent.start + end].root
            found.happenings.append(Happening(cue.family, head, depth(head)))
    found.happenings += _event_happenings(events, doc)
    found.kind_spans = _longest(found.kind_spans)
    found.kinds = {k for _, _, k, _ in found.kind_spans}
    if 6 in found.kinds:
        found.tags.add("protest")
    _order(found)
    _parties(found, events, sectors)
    return found


def _event_happenings(events: list[Event], doc) -> list[Happening]:
    table = rules()["event_families"]
    out = []
    for event in events:
        family = table.get(f"{event.type}:{event.mode}") or table.get(event.type)
        token = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if family and token is not None:
            out.append(Happening(family, token.root, depth(token.root), event))
    return out


def _longest(spans: list[tuple[int, int, int, bool]]) -> list[tuple[int, int, int, bool]]:
    """Kind matches, a longer match swallowing the shorter ones inside it ("riot police" over "police")."""
    kept: list[tuple[int, int, int, bool]] = []
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if not any(k[0] <= span[0] and span[1] <= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


def _order(found: Situation) -> None:
    """Main happening first: the shallowest in the parse, then by the rules' family priority, then leftmost;
    a cue word outranks the event coded on the same token (it is the more specific of the two)."""
    priority = {f: i for i, f in enumerate(rules()["family_priority"])}
    cued = {h.token.i for h in found.happenings if h.event is None}
    found.happenings = [h for h in found.happenings if h.event is None or h.token.i not in cued]
    found.happenings.sort(key=lambda h: (h.depth, priority.get(h.family, 99), h.event is not None, h.token.i))


def _parties(found: Situation, events: list[Event], sectors: dict[tuple[int, int], str]) -> None:
    main = found.main
    if main is None:
        return
    doers, targets = parties(main.token)
    found.actor = {k for t in doers if (k := kind_of(t, found, sectors, doer=True)) is not None}
    found.recipient = {k for t in targets if (k := kind_of(t, found, sectors)) is not None}
    event = main.event or next((e for e in events if e.trigger.start <= main.token.idx < e.trigger.end), None)
    if event is not None:
        found.actor |= {k for r in event.actors
                        if (k := ref_kind(r.text, r.code, found, r.start, doer=True)) is not None}
        found.recipient |= {k for r in event.recipients
                            if (k := ref_kind(r.text, r.code, found, r.start)) is not None} - found.actor


def parties(token: Token) -> tuple[list[Token], list[Token]]:
    """Heads of the doers and the targets of a happening word, read off the dependency parse."""
    verb = token
    while verb.dep_ in ("conj", "xcomp", "compound", "prt") and verb.head.i != verb.i and not _has_subject(verb):
        verb = verb.head
    doers, targets = [], []
    for child in list(verb.children) + ([c for c in token.children] if token is not verb else []):
        if child.dep_ in ("nsubj", "poss") or (child.dep_ in ("compound", "amod") and token.pos_ == "NOUN"):
            doers.append(child)
        elif child.dep_ == "agent":
            doers += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "obl:agent":
            doers.append(child)
        elif child.dep_ in RECIPIENT_DEPS:
            targets.append(child)
        elif child.dep_ == "prep" and (child.lower_ in RECIPIENT_PREPS or _aimed_at(child, verb)):
            targets += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "prep" and child.lower_ == "by" and verb.pos_ == "NOUN":
            doers += [g for g in child.children if g.dep_ == "pobj"]
    if token.dep_ in ("dobj", "pobj") and token.pos_ == "NOUN" and not doers:
        doers += [c for c in token.head.children if c.dep_ == "nsubj"]
    return _with_conjuncts(doers), _with_conjuncts(targets)


def _aimed_at(prep: Token, verb: Token) -> bool:
    verbs = rules()["aimed_at_verbs"]
    return prep.lower_ == "at" and (verb.lemma_.lower() in verbs or verb.lower_ in verbs)


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass") for c in token.children)


def _with_conjuncts(heads: list[Token]) -> list[Token]:
    out = list(heads)
    for head in heads:
        out += [c for c in head.conjuncts if c not in out]
    return out


def kind_of(head: Token, found: Situation, sectors: dict[tuple[int, int], str], doer: bool = False) -> int | None:
    """The inter code of the noun phrase a head word heads: the kind noun at its head, unless that noun is
    weak and the phrase names a more specific one; else the sector of an entity mentioned there. A doer named
    only by a weak civilian word ("a man") has no kind: it may be anyone."""
    left, right = head.left_edge.i, head.right_edge.i + 1
    inside = [s for s in found.kind_spans if left <= s[0] and s[1] <= right]
    at_head = [s for s in inside if s[0] <= head.i < s[1]]
    strong = [s for s in inside if not s[3]]
    if at_head and not at_head[0][3]:
        return at_head[0][2]
    if strong:
        return min(strong, key=lambda s: abs(s[0] - head.i))[2]
    if at_head and not (doer and at_head[0][2] == 7):
        return at_head[0][2]
    start, end = head.idx, head.idx + len(head.text)
    sector = next((s for (a, b), s in sectors.items() if a <= start and end <= b), None)
    if sector is None and doer:
        sector = next((s for (a, b), s in sectors.items()
                       if s == STATE and head.left_edge.idx <= a and b <= end), None)
    return _sector_kind(sector, doer)


def _sector_kind(sector: str | None, doer: bool) -> int | None:
    """A sector's inter code; a country named as the doer ("Russia", "a Russian missile") is its state."""
    if sector == STATE:
        return 1 if doer else None
    return kinds()[1].get(sector) if sector else None


def ref_kind(text: str, code: str | None, found: Situation, start: int, doer: bool = False) -> int | None:
    """The inter code of an event's actor reference: a kind noun inside it, else its code's sector (a doer
    named by a weak civilian word only, "a man", has none)."""
    doc = found.sentence.doc
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    if span is not None:
        inside = [s for s in found.kind_spans if span.start <= s[0] and s[1] <= span.end]
        at_root = [s for s in inside if s[0] <= span.root.i < s[1] and not s[3]]
        strong = at_root or [s for s in inside if not s[3]] or inside
        if doer and strong and strong[-1][3] and strong[-1][2] == 7:
            return None
        if strong:
            return strong[-1][2]
    sector = (code or "")[3:6]
    if not sector and doer and span is not None:
        states = [(a, b) for (a, b), s in found.sectors.items() if s == STATE]
        sector = STATE if any(span.start_char <= a and b <= span.end_char for a, b in states) else ""
    return _sector_kind(sector or None, doer)
