"""What happened to what a count counts: its category (killed, displaced, houses_destroyed ...) and final unit.

A count takes the cue nearest to it in the dependency tree ("were displaced", "forced the evacuation of",
"left homeless"); a cue that lies closer to another count belongs to that one. Outside English, where the
English parse says little, the nearest cue in the word order comes first.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.extract.numbers.cues import (
    Cue,
    english_words,
    find_cues,
    house_words,
    nonunit_nouns,
    reporting_verbs,
    unit_nouns,
)
from eventwire.extract.numbers.model import Count, span_head, tokens_of
from eventwire.extract.numbers.nouns import SUBJECT_DEPS
from eventwire.extract.numbers.tree import TreeDistances

MAX_TREE_DISTANCE = 5
MAX_LINEAR_DISTANCE = 3
WEAK_PENALTY = 2
LOOSE_TREE_DISTANCE = 2
BARE_TREE_DISTANCE = 3
SUBJECT_GAP = 4
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "conj", "appos", "ROOT", "oprd"})
LABEL_GAP = 3
MAX_FOREIGN_GAP = 6
PART_OF = re.compile(r"\s+of\s+(?:the|its|their|these|those)\s+(?:\w+\s+)?", re.IGNORECASE)
GLUED_STOP = re.compile(r"[a-z]{2,}[.!?](?:\[|$)")
VICTIM_CATEGORIES = frozenset({"killed", "injured", "arrested"})  # verbs whose object is the one it befalls
MIN_WORDS_FOR_LANGUAGE = 5
MIN_ENGLISH_SHARE = 0.08
MIN_DEPLOYMENT = 10  # soldiers below this many, with no word saying so, are not a deployment
PEOPLE_LIKE = ("people", "households", "troops")
NAME_ENTITIES = frozenset({"ORG", "FAC", "GPE", "LOC", "NORP", "WORK_OF_ART", "LAW", "EVENT"})


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
        if unit == "households":  # "300 families had their homes destroyed": households lost their houses
            return cue.category, "households"
        return None
    if cue.weak and count.unknown_noun:  # "lost 300 jobs": a weak cue does not name an unknown noun's fate
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


def _in_own_clause(count: Count, toks: list[Token]) -> bool:
    """"A man was killed and six others shot": the others are not the man, so only the words of their own
    clause (under the word that governs "six others", "20 more") speak for them."""
    root = span_head(count.tokens)
    phrase = count.stand_in if root.head.i == count.stand_in.i else root
    clause = phrase.head
    return any(t.i == clause.i or clause in t.ancestors for t in toks)


def _tree_limit(count: Count) -> int:
    if count.unknown_noun:
        return LOOSE_TREE_DISTANCE
    if count.stand_in is not None:
        return BARE_TREE_DISTANCE
    if count.noun is None and not count.quantity_nouns:  # "the number of those displaced rose to 9,000"
        if count.mention.word_form == "one":
            return 1
        return BARE_TREE_DISTANCE if span_head(count.tokens).dep_ in ARGUMENT_DEPS else LOOSE_TREE_DISTANCE
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
    if info is not None and not info.strong and noun is not None and _joined_to_other_noun(noun):
        return False  # "4,500 arrivals and departures a day": a traffic count, not people on the move
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


def _joined_to_other_noun(noun: Token) -> bool:
    """A noun coordinated with a common noun that counts no one ("arrivals and departures")."""
    units = unit_nouns()
    return any(c.pos_ == "NOUN" and c.lower_ not in units and c.lemma_.lower() not in units for c in noun.conjuncts)


def choose_categories(counts: list[Count], text: str, tree: TreeDistances) -> None:
    """Give each count of one sentence its category and unit from the cues around it."""
    if not counts:
        return
    sentence = counts[0].sentence
    doc = sentence.doc
    start = min([sentence.start_char] + [c.label_start for c in counts if c.label_start is not None])
    end = max([sentence.end_char] + [c.label_end for c in counts if c.label_end is not None])
    cues = [(c, tokens_of(doc, c.start, c.end)) for c in find_cues(text, start, end)]
    cues = [(c, toks) for c, toks in cues if toks and not _in_a_name(toks)]
    english = _is_english(sentence)
    for count in counts:
        if _whole_of_a_part(count, counts, text):
            _take_best(count, [])
            continue
        options = [] if english else _options_by_word_order(count, counts, cues)
        if not any(not o[3].weak for o in options):
            options += _options_by_tree(count, counts, cues, tree)
        _take_best(count, options)
    if english:
        _from_listed_before(counts)
        _from_quantity_anaphor(counts)
    for count in counts:
        _as_restated(count)


LIST_GLUE = frozenset({"ADP", "PROPN", "PUNCT", "CCONJ", "DET", "NOUN", "ADJ", "SPACE"})


def _from_listed_before(counts: list[Count]) -> None:
    """A count listed after another of the same kind, place by place, shares its predicate: "evacuated 300
    people in Varn, 450 people in Dorn and 150 in Orsk" (the parser hangs the later ones on the places).
    Only with nothing but places, prepositions and list commas between them, and the same noun or none."""
    for before, count in zip(counts, counts[1:], strict=False):
        if count.category is not None or before.category is None:
            continue
        if count.noun is not None and (before.noun is None or count.noun.lemma_ != before.noun.lemma_):
            continue
        doc = count.sentence.doc
        between = doc[(before.noun or before.tokens[-1]).i + 1:count.tokens[0].i]
        if not between or not all(t.pos_ in LIST_GLUE for t in between) or not any(t.pos_ == "PROPN" for t in between):
            continue
        count.category = before.category
        count.unit = count.unit or before.unit


def _from_quantity_anaphor(counts: list[Count]) -> None:
    """"Police said 12 people were hurt, but organisers put the number at 200": a quantity noun of nothing
    ("the number", "the figure", "the toll") counts again what an earlier count of the sentence counted; so does
    a bare number a teller gives in its stead ("the ministry reported 23 deaths, while the union counted 71")."""
    for index, count in enumerate(counts):
        if count.category is not None or count.noun is not None or count.stand_in is not None:
            continue
        if not count.quantity_nouns and not _told_bare(count):
            continue
        if any(c.lower_ == "of" for q in count.quantity_nouns for c in q.children):
            continue
        before = next((o for o in reversed(counts[:index]) if o.category is not None), None)
        if before is not None:
            count.category, count.unit = before.category, count.unit or before.unit


def _told_bare(count: Count) -> bool:
    """A bare number that is what a teller says or counts: "while the union counted 71"."""
    root = span_head(count.tokens)
    verb = root.head
    return root.dep_ == "dobj" and (verb.lemma_.lower() in reporting_verbs() or verb.lower_ in reporting_verbs())


def _in_a_name(toks: list[Token]) -> bool:
    """A cue word inside a name, before the name's own head ("the Orsk Refugee Council", "the Displacement
    Monitoring Centre"); a title-case headline's verb ("Floods Displace 3,000") is no name."""
    last = toks[-1]
    if not all(t.ent_type_ in NAME_ENTITIES and t.pos_ == "PROPN" for t in toks) or last.i + 1 >= len(last.doc):
        return False
    after = last.doc[last.i + 1]
    return after.pos_ == "PROPN" and after.ent_type_ == last.ent_type_ and after.ent_iob_ == "I"


def _whole_of_a_part(count: Count, counts: list[Count], text: str) -> bool:
    """"25 of the 60 soldiers were killed", "half of the 3,000 residents fled": what happened befell the part;
    the whole keeps only what its own noun says."""
    return any(o.mention.end <= count.mention.start and PART_OF.fullmatch(text, o.mention.end, count.mention.start)
               for o in counts if o is not count)


def _as_restated(count: Count) -> None:
    """"3,100 households (14,200 people) had their homes destroyed": the bracketed count says the same in
    another unit, so it takes the category of the count it restates and keeps its own unit."""
    first = count.restates
    if first is None or first.category is None:
        return
    if count.category is None or count.category == first.category:
        count.category = first.category
        count.unit = count.unit or first.unit


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
        if count.stand_in is not None and not _in_own_clause(count, toks):
            continue
        distance = tree.nearest(count.nodes, toks)
        gap, side = _linear_gap(count, toks)
        rivals = [o for o in counts if o is not count and not _shares_cues(count, o)]
        rival = min((tree.nearest(o.nodes, toks) for o in rivals), default=99)
        penalty = WEAK_PENALTY if cue.weak else 0
        nearer = distance < rival or (distance == rival and count.stand_in is None)  # "others" are not the rival
        if distance + penalty <= _tree_limit(count) and nearer:
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
