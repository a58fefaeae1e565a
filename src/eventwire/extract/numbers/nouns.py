"""The noun a number counts ("60 homes", "hundreds of civilians", "IDPs total 48 120"), and the numbers that
count nothing: ages ("Eric Vane, 52"), labels ("Gate 7"), parts of names ("Regional One Health"), years."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.extract.numbers.cues import UnitNoun, anaphors, compound_units, nonunit_nouns, unit_nouns
from eventwire.extract.numbers.expressions import NumberMention
from eventwire.extract.numbers.model import Count, span_head, tokens_of
from eventwire.extract.numbers.noncounts import NonCounts
from eventwire.lexicons import rows

NOUN_SEARCH = 5  # tokens after a number in which to look for the noun it counts
SKIPPABLE_TAGS = frozenset(
    {"JJ", "JJR", "JJS", "RB", "RBR", "RBS", "VBN", "VBG", "NNP", "NNPS", "NN", "HYPH", "CD", "FW", "XX"}
)
STOP_AFTER_NUMBER = frozenset({")", ";", "\n", "(", ".", ":"})
LABEL_BREAKS = frozenset({"VERB", "AUX", "CCONJ", "SCONJ", "PRON", "DET", "ADP"})
LABEL_PARTICIPLES = frozenset({"VBN", "VBD"})  # "Houses destroyed: 321", "People evacuated 4,100"
SHORT_LABEL = 4  # words of a label line that may hold a participle ("Houses destroyed:"); more make a clause
LABEL_SEARCH = 6  # tokens before a label line's number in which to look for its noun
FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "ADV", "NUM", "PART"})
QUANTITY_NOUNS = frozenset({"number", "total", "figure", "toll", "tally", "count"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
SET_TO = frozenset({"to", "at"})  # "brought the number to", "put the toll at"
DETERMINERS = frozenset({"the", "their", "these", "those", "its", "los", "las", "les"})
RESTATEMENT_OPENERS = r"[(\[]|[-\u2013\u2014]"  # a bracket or a dash may open a restatement alone; a comma needs a word


@cache
def _restatement() -> re.Pattern[str]:
    table = sorted(rows("figure_restatements.tsv"), key=lambda r: len(r[0]), reverse=True)
    after = "|".join(r"\s+".join(re.escape(w) for w in phrase.split()) for phrase, *_ in table)
    alone = "|".join(r"\s+".join(re.escape(w) for w in phrase.split()) for phrase, opens, *_ in table
                     if opens == "alone")
    return re.compile(rf"\s*(?:(?:{RESTATEMENT_OPENERS})\s*(?:(?:{after})\s+)?|,\s*(?:{after})\s+|(?:{alone})\s+)",
                      re.IGNORECASE)


def _restates(before: Count, count: Count, text: str) -> bool:
    """"420 families (2,300 people)", "90 households, or 510 people", "75 households - some 400 people -": the
    second count says the first again, in a unit of its own."""
    if count.noun_info is None or before.unit is None or count.noun_info.unit == before.unit:
        return False
    return _restatement().fullmatch(text, before.end, count.mention.start) is not None


def _noun_kind(token: Token) -> tuple[str, UnitNoun | None]:
    """('unit', info) for a known unit noun, ('nonunit', None) for a known other noun, ('', None) otherwise."""
    compound = _compound_unit(token)
    if compound is not None:
        return "unit", compound
    units = unit_nouns()
    for form in (token.lower_, token.lemma_.lower()):
        if form in units:
            return "unit", units[form]
    if token.lemma_.lower() in nonunit_nouns() or token.lower_ in nonunit_nouns():
        return "nonunit", None
    return "", None


def _compound_unit(token: Token) -> UnitNoun | None:
    """A unit noun of several words ending in ``token``: "asylum seekers", "asylum-seekers"."""
    for before, info in compound_units().get(token.lower_, ()):
        words = [t.lower_ for t in token.doc[max(0, token.i - 2 * len(before)):token.i] if t.text != "-"]
        if tuple(words[-len(before):]) == before:
            return info
    return None


def _rejoined(doc: Doc, i: int, end: int) -> tuple[Token, UnitNoun] | None:
    """The second half of a word a PDF broke with a hyphen ("fami- lies", "house-\nholds"), with the unit noun
    the two halves make; the count's span then ends on that half."""
    token = doc[i]
    first = token.text[:-1] if token.text.endswith("-") else ""
    j = i + 1
    if not first and j < end and doc[j].text == "-":
        first, j = token.text, j + 1
    if j < end and doc[j].is_space and "\n\n" not in doc[j].text:
        j += 1
    if not first or j >= end or not (first.isalpha() and first.islower()) or not doc[j].is_alpha:
        return None
    if doc[j].idx == doc[j - 1].idx + len(doc[j - 1].text) and doc[j - 1].text.endswith("-"):  # "self-help"
        return None
    info = unit_nouns().get(first + doc[j].lower_)
    return (doc[j], info) if info is not None else None


def _find_noun(count: Count) -> str:
    """Find the noun the number counts; returns 'unit', 'unknown', 'nonunit' or '' (none: a bare number)."""
    doc = count.sentence.doc
    last = count.tokens[-1]
    i = last.i + 1
    end = min(count.sentence.end, i + NOUN_SEARCH)
    if i < end and doc[i].lower_ in ("of", "de", "d'") and (count.mention.kind == "vague" or count.mention.value):
        i += 1
        if i < end and doc[i].lower_ in DETERMINERS:
            i += 1
        if i < end and doc[i].like_num and count.mention.kind == "exact":  # "18 of the 21 drones"
            i += 1
    i, end = _past_quantity_phrase(doc, i, end, count)
    root = span_head(count.tokens)
    while i < end:
        token = doc[i]
        if token.is_space and "\n\n" not in token.text:
            i += 1
            end = min(count.sentence.end, end + 1)
            continue
        if token.lower_ in anaphors():
            nxt = doc[i + 1] if i + 1 < count.sentence.end else None
            if nxt is not None and nxt.pos_ == "NOUN":  # "two more people": the noun follows
                i += 1
                continue
            count.stand_in = token  # "3,000 others": the word stands for the noun in the tree
            return ""
        rejoined = _rejoined(doc, i, count.sentence.end)
        if rejoined is not None:
            count.noun, count.noun_info = rejoined
            return "unit"
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


def _past_quantity_phrase(doc: Doc, i: int, end: int, count: Count) -> tuple[int, int]:
    """Past "the total number of" after a number: "brings to 61,000 the total number of people displaced"
    counts the people. The quantity noun joins the count's nodes, so cues on it reach the count."""
    j = i
    if j < end and doc[j].lower_ in DETERMINERS:
        j += 1
    nouns = []
    while j < len(doc) and j < count.sentence.end and (doc[j].lemma_.lower() in QUANTITY_NOUNS or doc[j].pos_ == "ADJ"):
        nouns.append(doc[j])
        j += 1
    if not any(t.lemma_.lower() in QUANTITY_NOUNS for t in nouns) or j >= count.sentence.end or doc[j].lower_ != "of":
        return i, end
    j += 1
    if j < count.sentence.end and doc[j].lower_ in DETERMINERS:
        j += 1
    count.quantity_nouns = [t for t in nouns if t.lemma_.lower() in QUANTITY_NOUNS]
    return j, min(count.sentence.end, j + NOUN_SEARCH)


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
    """A bare number closing a label line names its noun before it: "IDPs total 48 120", "Damaged houses: 91",
    "Houses destroyed: 321", or on the line above a number alone on its own ("Families displaced\n1,250")."""
    doc = count.sentence.doc
    j = count.tokens[-1].i + 1
    while j < count.sentence.end and doc[j].is_space and "\n" not in doc[j].text:
        j += 1
    if j < count.sentence.end and doc[j].text not in STOP_AFTER_NUMBER and "\n" not in doc[j].text:
        return ""
    count.label_line = True
    if count.mention.year_like:
        return ""
    count.label_start = _label_start(count.text, count.start)
    short = len(count.text[count.label_start:count.start].split()) <= SHORT_LABEL  # a heading, not a clause
    first = count.tokens[0]
    for k in range(first.i - 1, max(0, first.i - LABEL_SEARCH) - 1, -1):
        token = doc[k]
        if token.idx < count.label_start or token.like_num or "\n\n" in token.text:
            break
        if token.is_space:
            continue
        if token.pos_ in LABEL_BREAKS and not (short and token.tag_ in LABEL_PARTICIPLES):
            break
        kind, info = _noun_kind(token)
        if kind == "unit":
            count.noun, count.noun_info = token, info
            return kind
    return _label_below(count)


def _label_below(count: Count) -> str:
    """A number alone on its line with no label above takes the short label below it ("321\nHouses\ndestroyed",
    a table cell of a PDF report); that label's words then speak for it."""
    text, doc = count.text, count.sentence.doc
    line_start = text.rfind("\n", 0, count.start) + 1
    if text[(count.label_start or line_start):count.start].strip():  # a line above, or words before it
        return ""
    end = _label_end(text, count.end)
    if end is None:
        return ""
    for token in doc[count.tokens[-1].i + 1:]:
        if token.idx >= end:
            break
        kind, info = _noun_kind(token)
        if kind == "unit":
            count.noun, count.noun_info, count.label_end = token, info, end
            return kind
    return ""


def _label_end(text: str, at: int) -> int | None:
    """The end of the short label on the lines right below ``at`` (up to a blank line or a number), or None."""
    rest = text[at:]
    block = re.match(r"[^\S\n]*\n((?:[^\S\n]*[^\W\d][^\n\d]*(?:\n|$)){1,3})", rest)
    if block is None or len(block.group(1).split()) > SHORT_LABEL:
        return None
    return at + block.end(1)


def _label_start(text: str, at: int) -> int:
    """Where the label of a number at ``at`` begins: its line, or the line above when it stands alone."""
    start = text.rfind("\n", 0, at) + 1
    if start and not text[start:at].strip():
        above = text.rfind("\n", 0, start - 1) + 1
        if text[above:start].strip():
            return above
    return start


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
    """"The number of families displaced now stands at 512": the count speaks through its subject; "brings the
    total number of displaced to 9,000", "put the toll at 40": through the object the verb sets to the count."""
    if root.dep_ == "appos" and root.head.lemma_.lower() in QUANTITY_NOUNS:  # "the total number of X, 61,000,"
        _count_through(count, root.head)
        return
    set_to = root.dep_ == "pobj" and root.head.lower_ in SET_TO
    for ancestor in list(root.ancestors)[:4]:
        target = next((c for c in ancestor.children if c.dep_ == "dobj"), None) if set_to else None
        if target is not None and target.lemma_.lower() in QUANTITY_NOUNS:
            _count_through(count, target)
            return
        subject = next((c for c in ancestor.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None:
            continue
        if subject.lemma_.lower() not in QUANTITY_NOUNS:
            return
        _count_through(count, subject)
        return


def _count_through(count: Count, quantity: Token) -> None:
    """The count says how many of what the quantity noun ("number", "total") is of."""
    count.nodes.append(quantity)
    count.quantity_nouns.append(quantity)
    counted = [g for c in quantity.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if counted and _noun_kind(counted[0])[0] == "unit":
        count.noun, count.noun_info = counted[0], _noun_kind(counted[0])[1]
        count.unit = count.noun_info.unit
        count.nodes.append(counted[0])


def find_counts(doc: Doc, sentence: SpacySpan, mentions: list[NumberMention], noncounts: NonCounts,
                text: str) -> list[Count]:
    """The counts among ``mentions`` (all inside ``sentence``), with their nouns and units, before categories."""
    counts: list[Count] = []
    last_unit: str | None = None
    for mention in mentions:
        if noncounts.is_noncount(mention):
            continue
        tokens = tokens_of(doc, mention.core_start, mention.core_end)
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
        if mention.year_like and (kind != "unit" or not count.noun.text.islower() or count.noun_info.event):
            continue  # "the 1951 Refugee Convention", "the 2011 evacuations"
        if count.noun_info is not None:
            count.unit = count.noun_info.unit
        elif kind == "unknown":
            count.unit = "people"
        if kind in ("unit", "unknown"):
            last_unit = count.unit
        else:
            count.inherited_unit = last_unit
        if counts and _restates(counts[-1], count, text):
            count.restates, counts[-1].restated_by = counts[-1], count
        root = span_head(tokens)
        nouns = [count.noun] if count.noun is not None else [count.stand_in] if count.stand_in is not None else []
        count.nodes = [root] + nouns + count.quantity_nouns
        if count.noun is None:
            _lift_to_quantity_subject(count, root)
        counts.append(count)
    return counts
