"""Counts in a parsed document: each number with what it counts (unit) and what happened to it (category).

A number's unit comes from the noun it quantifies ("60 homes", "hundreds of civilians"); its category from the
cue word nearest to it in the dependency tree ("were displaced", "forced the evacuation of", "left homeless"),
where a cue that lies closer to another number belongs to that number. Numbers that are not counts (dates,
money, ages, "three districts") are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.extract.numbers.cues import (
    Cue,
    UnitNoun,
    anaphors,
    english_words,
    find_cues,
    house_words,
    nonunit_nouns,
    unit_nouns,
)
from eventwire.extract.numbers.expressions import NumberMention
from eventwire.extract.numbers.noncounts import NonCounts
from eventwire.extract.numbers.tree import TreeDistances

MAX_TREE_DISTANCE = 5
MAX_LINEAR_DISTANCE = 3
WEAK_PENALTY = 2
LOOSE_TREE_DISTANCE = 2
BARE_TREE_DISTANCE = 3
SUBJECT_GAP = 4
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "conj", "appos", "ROOT", "oprd"})
QUANTITY_NOUNS = frozenset({"number", "total", "figure", "toll", "tally", "count"})
LABEL_GAP = 3
MAX_FOREIGN_GAP = 6
MIN_DEPLOYMENT = 10
FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "ADV", "NUM", "PART"})
GLUED_STOP = re.compile(r"[a-z]{2,}[.!?](?:\[|$)")
VICTIM_CATEGORIES = frozenset({"killed", "injured", "arrested"})  # verbs whose object is the one it befalls
MIN_WORDS_FOR_LANGUAGE = 5
MIN_ENGLISH_SHARE = 0.08
RESTATEMENT = re.compile(r"\s*[(\[]\s*(?:soit|or|i\.e\.|that is|about|around|some|approximately)?\s*$", re.IGNORECASE)
NOUN_SEARCH = 5  # tokens after a number in which to look for the noun it counts
SKIPPABLE_TAGS = frozenset(
    {"JJ", "JJR", "JJS", "RB", "RBR", "RBS", "VBN", "VBG", "NNP", "NNPS", "NN", "HYPH", "CD", "FW", "XX"}
)
PEOPLE_LIKE = ("people", "households", "troops")
STOP_AFTER_NUMBER = frozenset({")", ";", "\n", "(", ".", ":"})
LABEL_BREAKS = frozenset({"VERB", "AUX", "CCONJ", "SCONJ", "PRON", "DET", "ADP"})


@dataclass
class Count:
    """A number in a sentence, with the noun it counts and, once decided, its category."""

    mention: NumberMention
    tokens: list[Token]
    sentence: SpacySpan
    text: str  # the document's text (``Doc.text`` would rebuild it on every call)
    noun: Token | None = None
    noun_info: UnitNoun | None = None
    unknown_noun: bool = False
    unit: str | None = None
    inherited_unit: str | None = None
    category: str | None = None
    cue: Cue | None = None
    nodes: list[Token] = field(default_factory=list)
    label_line: bool = False  # the number closes a line or a label ("Number of displaced: 452")
    restates: Count | None = None  # "1,314 families (8,710 people)": the second says the first again

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        if self.noun is not None and self.noun.idx >= self.mention.end:
            return self.noun.idx + len(self.noun.text)
        return self.mention.end


def _tokens_of(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _root(tokens: list[Token]) -> Token:
    """The token of a span nearest its sentence's root (the span's syntactic head)."""
    if len(tokens) == 1:
        return tokens[0]
    return min(tokens, key=lambda t: sum(1 for _ in t.ancestors))


def _noun_kind(token: Token) -> tuple[str, UnitNoun | None]:
    """('unit', info) for a known unit noun, ('nonunit', None) for a known other noun, ('', None) otherwise."""
    units = unit_nouns()
    for form in (token.lower_, token.lemma_.lower()):
        if form in units:
            return "unit", units[form]
    if token.lemma_.lower() in nonunit_nouns() or token.lower_ in nonunit_nouns():
        return "nonunit", None
    return "", None


def _find_noun(count: Count) -> str:
    """Find the noun the number counts; returns 'unit', 'unknown', 'nonunit' or '' (none: a bare number)."""
    doc = count.sentence.doc
    last = count.tokens[-1]
    i = last.i + 1
    end = min(count.sentence.end, i + NOUN_SEARCH)
    if i < end and doc[i].lower_ in ("of", "de", "d'") and (count.mention.kind == "vague" or count.mention.value):
        i += 1
        if i < end and doc[i].lower_ in ("the", "their", "these", "those", "los", "las", "les"):
            i += 1
    root = _root(count.tokens)
    while i < end:
        token = doc[i]
        if token.is_space and "\n\n" not in token.text:
            i += 1
            end = min(count.sentence.end, end + 1)
            continue
        if token.lower_ in anaphors():
            return ""
        kind, info = _noun_kind(token)
        if kind == "unit":
            count.noun, count.noun_info = token, info
            return kind
        if kind == "nonunit":
            count.noun = token
            return kind
        if token.tag_ not in SKIPPABLE_TAGS and token.pos_ not in ("ADJ", "PROPN", "NOUN"):
            break
        if token.text in STOP_AFTER_NUMBER or token.like_num:
            break
        if token.pos_ in ("NOUN", "PROPN") and (root.head.i == token.i or token.tag_ in ("NNS", "NNPS")):
            nxt = doc[i + 1] if i + 1 < count.sentence.end else None
            last_of_phrase = nxt is None or nxt.pos_ not in ("NOUN", "PROPN") or _noun_kind(nxt)[0] == ""
            if last_of_phrase and _plural_looking(token, count):
                count.noun, count.unknown_noun = token, True
                return "unknown"
        i += 1
    return _find_label_noun(count)


def _plural_looking(token: Token, count: Count) -> bool:
    """A noun that may count people although no lexicon knows it ("miners", "mineros", "35,326 Brus"): plural,
    and not part of a name ("News 5 Investigators")."""
    if not (token.tag_ in ("NNS", "NNPS") or token.text.endswith("s")):
        return False
    if token.text.islower():
        return True
    first = count.tokens[0]
    if first.i <= count.sentence.start:
        return True
    before = first.nbor(-1)
    return before.is_sent_start or before.is_punct or not before.text[:1].isupper()


def _find_label_noun(count: Count) -> str:
    """A bare number closing a label line names its noun before it: "IDPs total 122 387", "Damaged houses: 91"."""
    doc = count.sentence.doc
    j = count.tokens[-1].i + 1
    while j < count.sentence.end and doc[j].is_space and "\n" not in doc[j].text:
        j += 1
    if j < count.sentence.end and doc[j].text not in STOP_AFTER_NUMBER and "\n" not in doc[j].text:
        return ""
    count.label_line = True
    if count.mention.year_like:
        return ""
    first = count.tokens[0]
    for k in range(first.i - 1, max(count.sentence.start, first.i - 5) - 1, -1):
        token = doc[k]
        if token.like_num or "\n" in token.text or token.pos_ in LABEL_BREAKS:
            break
        kind, info = _noun_kind(token)
        if kind == "unit":
            count.noun, count.noun_info = token, info
            return kind
    return ""


def _house_context(count: Count) -> bool:
    if count.inherited_unit is not None:
        return count.inherited_unit == "houses"
    words = house_words()
    return any(t.lower_ in words or t.lemma_.lower() in words for t in count.sentence)


def _resolve(count: Count, cue: Cue) -> tuple[str, str] | None:
    """(category, unit) when ``cue`` can describe ``count``; None when the two do not fit."""
    unit = count.unit
    if cue.applies == "house":
        if unit == "houses" or (unit is None and _house_context(count)):
            return cue.category, "houses"
        return None
    if cue.applies == "troops":
        if unit in ("troops", "aircraft", "vehicles"):
            return cue.category, unit
        return None
    if cue.applies == "any":
        if unit == "houses":
            return "houses_damaged", "houses"
        if count.unknown_noun or unit in ("aircraft", "vehicles"):
            return None
        return cue.category, unit or count.inherited_unit or "people"
    if unit is None:
        inherited = count.inherited_unit if count.inherited_unit in PEOPLE_LIKE else "people"
        return cue.category, inherited
    if unit in PEOPLE_LIKE:
        return cue.category, unit
    if unit == "houses" and cue.category in ("evacuated", "fled", "displaced"):
        return cue.category, "households"
    if unit in ("aircraft", "vehicles") and cue.category == "deployed":
        return cue.category, unit
    return None


def _linear_gap(count: Count, cue_tokens: list[Token]) -> tuple[int, int]:
    """(token gap, side): side 0 when the cue follows the number, 1 when it precedes it."""
    first, last = count.tokens[0].i, (count.noun.i if count.noun is not None else count.tokens[-1].i)
    last = max(last, count.tokens[-1].i)
    if cue_tokens[0].i > last:
        return cue_tokens[0].i - last, 0
    if cue_tokens[-1].i < first:
        return first - cue_tokens[-1].i, 1
    return 0, 0


def _modifies_other_noun(toks: list[Token], count: Count) -> bool:
    """"arrest warrants", "damage assessment": a cue word that only qualifies another, uncounted noun."""
    head = toks[-1]
    if head.dep_ != "compound" or head.pos_ != "NOUN" or head.head.i in {t.i for t in toks}:
        return False
    return count.noun is None or head.head.i != count.noun.i


def _acts_on_another(cue: Cue, toks: list[Token], count: Count) -> bool:
    """"Two gang members accused of killing a boy": a cue verb with its own object tells what happened to that
    object, not to the count."""
    verb = toks[0]
    if verb.pos_ != "VERB" or cue.category not in VICTIM_CATEGORIES:
        return False
    inside = {t.i for t in toks}
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i not in inside]
    if not objects:
        return False
    mine = {t.i for t in count.nodes}
    return not any(mine & {t.i for t in obj.subtree} for obj in objects)


def _hard_break_between(count: Count, toks: list[Token]) -> bool:
    """A sentence end or line break between count and cue: the parser joined two sentences."""
    doc = count.sentence.doc
    lo, hi = sorted((count.tokens[0].i, toks[0].i))
    return any(_ends_sentence(doc[k].text) for k in range(lo + 1, hi))


def _ends_sentence(text: str) -> bool:
    """".", "!", "?", a paragraph break, or a word glued to its full stop ("students.[83"; not "U.S.")."""
    if text in (".", "!", "?") or "\n\n" in text:
        return True
    return bool(GLUED_STOP.search(text))


def _linear_ok(count: Count, cue: Cue, gap: int, side: int, loose: bool) -> bool:
    """Whether a cue too far in the tree may still speak for the count because it stands right by it."""
    if cue.weak:
        return False
    if not loose:
        return gap <= MAX_LINEAR_DISTANCE
    if count.noun is None and count.label_line:
        return side == 1 and gap <= LABEL_GAP
    if count.noun is None and count.tokens[-1].dep_ in SUBJECT_DEPS:
        return side == 0 and gap <= SUBJECT_GAP
    return side == 0 and gap <= 1


def _tree_limit(count: Count) -> int:
    if count.unknown_noun:
        return LOOSE_TREE_DISTANCE
    if count.noun is None:
        if count.mention.word_form == "one":
            return 1
        return BARE_TREE_DISTANCE if _root(count.tokens).dep_ in ARGUMENT_DEPS else LOOSE_TREE_DISTANCE
    return MAX_TREE_DISTANCE


def _numbers_between(counts: list[Count], me: Count, other: int) -> bool:
    lo, hi = min(me.tokens[0].i, other), max(me.tokens[0].i, other)
    return any(o is not me and lo < o.tokens[0].i < hi for o in counts)


def _shares_cues(a: Count, b: Count) -> bool:
    """Counts that say the same thing twice ("1,314 families (8,710 people)") or share one predicate as
    coordinated nouns ("sent 1,200 troops and 40 helicopters") do not take cues from each other."""
    if a.restates is b or b.restates is a:
        return True
    if a.noun is None or b.noun is None:
        return False
    return b.noun in a.noun.conjuncts


def _noun_speaks_alone(count: Count) -> bool:
    """Whether a weak noun alone gives the category: residents are a population only as someone's residents
    ("the province's 75,000 residents", "a town of 9,000 inhabitants"), not when they pack a hall; soldiers are
    a deployment only by the dozen."""
    info, noun = count.noun_info, count.noun
    if info is not None and info.category == "deployed":  # two marines at a funeral are not a deployment
        return (count.mention.value or count.mention.low or 0) >= MIN_DEPLOYMENT
    if info is None or noun is None or info.category != "population":
        return True
    if noun.lower_ in ("population", "inhabitants", "habitantes", "habitants"):
        return True
    if any(c.dep_ == "poss" for c in noun.children):
        return True
    owner = noun.head.head if noun.head.lower_ in ("of", "with") else None
    return owner is not None and (owner.pos_ == "PROPN" or owner.ent_type_ in ("GPE", "LOC")
                                  or owner.lemma_.lower() in nonunit_nouns())


def choose_categories(counts: list[Count], text: str, tree: TreeDistances) -> None:
    """Give each count of one sentence its category and unit from the cues around it."""
    if not counts:
        return
    sentence = counts[0].sentence
    doc = sentence.doc
    cues = [(c, _tokens_of(doc, c.start, c.end)) for c in find_cues(text, sentence.start_char, sentence.end_char)]
    cues = [(c, toks) for c, toks in cues if toks]
    english = _is_english(sentence)
    for count in counts:
        options = [] if english else _options_by_word_order(count, counts, cues)
        if not any(not o[3].weak for o in options):
            options += _options_by_tree(count, counts, cues, tree)
        _take_best(count, options)


def _options_by_tree(count: Count, counts: list[Count], cues: list[tuple[Cue, list[Token]]],
                     tree: TreeDistances) -> list[tuple[int, int, int, Cue]]:
    """(rank, gap, side, cue) for the cues near the count in the dependency tree, or right by it in the text."""
    options = []
    loose = count.noun is None or count.unknown_noun  # a bare number or an unknown noun needs a close cue
    for cue, toks in cues:
        if cue.start < count.mention.core_end and count.mention.core_start < cue.end:
            continue
        if count.unknown_noun and any(t.i == count.noun.i or t.head.i == count.noun.i for t in toks):
            continue
        if _modifies_other_noun(toks, count) or _hard_break_between(count, toks) or _acts_on_another(cue, toks, count):
            continue
        distance = tree.nearest(count.nodes, toks)
        gap, side = _linear_gap(count, toks)
        rivals = [o for o in counts if o is not count and not _shares_cues(count, o)]
        rival = min((tree.nearest(o.nodes, toks) for o in rivals), default=99)
        penalty = WEAK_PENALTY if cue.weak else 0
        if distance + penalty <= _tree_limit(count) and distance <= rival:
            options.append((distance + penalty, gap, side, cue))
        elif _linear_ok(count, cue, gap, side, loose) and not _numbers_between(counts, count, toks[0].i):
            options.append((MAX_TREE_DISTANCE + 1 + gap, gap, side, cue))
    return options


def _options_by_word_order(count: Count, counts: list[Count],
                           cues: list[tuple[Cue, list[Token]]]) -> list[tuple[int, int, int, Cue]]:
    """Outside English the parse says little: the cues nearest the count in the word order, unless another
    count stands nearer to them."""
    options = []
    for cue, toks in cues:
        if cue.start < count.mention.core_end and count.mention.core_start < cue.end:
            continue
        gap, side = _linear_gap(count, toks)
        rival = min((_linear_gap(o, toks)[0] for o in counts if o is not count and not _shares_cues(count, o)),
                    default=99)
        if gap <= MAX_FOREIGN_GAP and gap <= rival and not _hard_break_between(count, toks):
            options.append((gap + (WEAK_PENALTY if cue.weak else 0), gap, side, cue))
    return options


def _take_best(count: Count, options: list[tuple[int, int, int, Cue]]) -> None:
    """Give the count the best-ranked cue that fits its unit, else what its noun alone says."""
    info = count.noun_info
    if info is not None and info.category and info.strong:
        options.append((0, 0, 0, Cue(count.noun.idx, count.noun.idx, info.category, "people")))
    for *_, cue in sorted(options, key=lambda o: o[:3]):
        resolved = _resolve(count, cue)
        if resolved:
            count.category, count.unit = resolved
            count.cue = cue
            return
    if info is not None and info.category and _noun_speaks_alone(count):
        count.category = info.category
        count.unit = count.unit or info.unit


def _is_english(sentence: SpacySpan) -> bool:
    words = [t.lower_ for t in sentence if t.is_alpha]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return True
    return sum(w in english_words() for w in words) / len(words) >= MIN_ENGLISH_SHARE


def _looks_like_age(count: Count) -> bool:
    """"Eric Vane, 52, died", "Ana Ruiz (19)": a bare number set off right after a name is an age."""
    doc = count.sentence.doc
    mention = count.mention
    before = count.text[max(0, mention.core_start - 3):mention.core_start]
    after = count.text[mention.core_end:mention.core_end + 2]
    if not re.search(r"[,(]\s*$", before) or not re.match(r"\s*[,);.\-\u2010-\u2015]|\s*$", after):
        return False
    first = count.tokens[0]
    name = next((t for t in reversed(doc[max(0, first.i - 3):first.i]) if not t.is_punct and not t.is_space), None)
    if name is None or (mention.value or 0) >= 120:
        return False
    person = unit_nouns().get(name.lower_)
    return name.pos_ == "PROPN" or (person is not None and person.unit == "people" and not name.lower_.endswith("s"))


def _labelled_by_name(count: Count) -> bool:
    """"Building 29, where ...", "Gate 3": a bare number right after a capitalised name word is a label."""
    first, last = count.tokens[0], count.tokens[-1]
    if first.i <= count.sentence.start or count.mention.start != count.mention.core_start:
        return False
    before = first.nbor(-1)
    after = last.nbor(1) if last.i + 1 < len(last.doc) else None
    return (before.is_alpha and before.text.istitle() and before.pos_ not in FUNCTION_POS
            and _noun_kind(before)[0] != "unit" and after is not None and after.is_punct)


def _part_of_name(count: Count) -> bool:
    """A capitalised number word inside a name: "Regional One Health", "Channel Four News"."""
    first, last = count.tokens[0], count.tokens[-1]
    doc = count.sentence.doc
    if not count.mention.word_form or not first.text[:1].isupper() or first.is_sent_start:
        return False
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN"


def _lift_to_quantity_subject(count: Count, root: Token) -> None:
    """"The number of displaced families is estimated to be 349": the count speaks through its subject."""
    for ancestor in list(root.ancestors)[:4]:
        subject = next((c for c in ancestor.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None:
            continue
        if subject.lemma_.lower() not in QUANTITY_NOUNS:
            return
        count.nodes.append(subject)
        counted = [g for c in subject.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if counted and _noun_kind(counted[0])[0] == "unit":
            count.noun, count.noun_info = counted[0], _noun_kind(counted[0])[1]
            count.unit = count.noun_info.unit
            count.nodes.append(counted[0])
        return


def find_counts(doc: Doc, sentence: SpacySpan, mentions: list[NumberMention], noncounts: NonCounts,
                text: str) -> list[Count]:
    """The counts among ``mentions`` (all inside ``sentence``), with their nouns and units, before categories."""
    counts: list[Count] = []
    last_unit: str | None = None
    for mention in mentions:
        if noncounts.is_noncount(mention):
            continue
        tokens = _tokens_of(doc, mention.core_start, mention.core_end)
        if not tokens:
            continue
        count = Count(mention, tokens, sentence, text)
        kind = _find_noun(count) if mention.kind != "fraction" else ""
        if ((kind == "" or count.label_line) and _looks_like_age(count)) or _part_of_name(count):
            continue
        if kind == "" and not count.label_line and _labelled_by_name(count):
            continue
        if kind == "nonunit":
            continue
        if mention.year_like and (kind != "unit" or not count.noun.text.islower()):  # "the 1951 Refugee Convention"
            continue
        if count.noun_info is not None:
            count.unit = count.noun_info.unit
        elif kind == "unknown":
            count.unit = "people"
        if kind in ("unit", "unknown"):
            last_unit = count.unit
        else:
            count.inherited_unit = last_unit
        if counts and RESTATEMENT.fullmatch(text[counts[-1].end:mention.start]):
            count.restates = counts[-1]
        root = _root(tokens)
        count.nodes = [root] + ([count.noun] if count.noun is not None else [])
        if count.noun is None:
            _lift_to_quantity_subject(count, root)
        counts.append(count)
    return counts
