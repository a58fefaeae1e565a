"""Find event trigger words in a sentence: verbs, event nouns and a few predicate adjectives."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventwire.extract.eventcoding.lexicon import NOT_AN_EVENT, TriggerRule, base_forms, rules, trigger_rules

PERSON = "@person"
PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they", "us", "we", "me", "i", "you", "whom", "who"})
NO_OBJECT = frozenset({"@none"})
CLAUSE = frozenset({"@clause"})
WEAPON = frozenset({"@weapon"})  # the verb's subject is a weapon or an attack ("a missile hit the school")
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "agent", "acomp"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod"})
NAME_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC", "PERSON", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "DATE",
                        "TIME"})


@dataclass
class Trigger:
    """A word that signals an event, with the lexicon rule that typed it."""

    token: Token
    rule: TriggerRule
    consumed: set[int] = field(default_factory=set)  # tokens that the rule used up (its object, particle)

    @property
    def kind(self) -> str:
        return self.rule.pos


def find_triggers(sent: Span) -> list[Trigger]:
    """Every trigger of the sentence; an object noun used by a verb rule is not a trigger of its own."""
    verbs: list[Trigger] = []
    others: list[Token] = []
    for token in sent:
        if token.pos_ == "VERB" and token.dep_ != "amod" and not names_people(token):
            found = _verb_trigger(token)
            if found is not None:
                verbs.append(found)
        elif token.pos_ in ("NOUN", "ADJ", "PROPN"):
            others.append(token)
    consumed = {i for t in verbs for i in t.consumed}
    found = [t for t in verbs if t.rule.type != NOT_AN_EVENT]
    for token in others:
        if token.i in consumed:
            continue
        trigger = _noun_trigger(token) if token.pos_ != "ADJ" else _adjective_trigger(token)
        if trigger is not None and trigger.rule.type != NOT_AN_EVENT:
            found.append(trigger)
    found.sort(key=lambda t: t.token.i)
    return found


NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr"})


def names_people(token: Token) -> bool:
    """A participle standing as a noun phrase with its determiner ("six of the wounded died", "to treat the
    injured") names the people an earlier happening harmed; it is no happening of its own."""
    return (token.morph.get("VerbForm") == ["Part"] and token.dep_ in NOMINAL_DEPS
            and any(c.dep_ == "det" for c in token.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "agent", "auxpass", "aux") for c in token.children))


def _lower_lemma(token: Token) -> str:
    return token.lemma_.lower()


def _verb_objects(verb: Token, preps: list[Token]) -> list[Token]:
    """Objects of the verb, their conjuncts, and the nouns a measure word stands for ("tons of food aid")."""
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    objects += [c for p in preps for c in p.children if c.dep_ == "pobj"]
    objects += [c for o in list(objects) for c in o.conjuncts]
    objects += [c for o in list(objects) for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                for c in p.children if c.dep_ == "pobj"]
    return objects


def _lookup(pos: str, token: Token) -> tuple[TriggerRule, ...] | None:
    """Rules for the word's lemma, else for a plain de-inflection of its form (the lemmatizer misses some)."""
    table = trigger_rules(token.doc.lang_)
    for form in base_forms(_lower_lemma(token), token.lower_):
        found = table.get((pos, form))
        if found:
            return found
    return None


def _verb_trigger(verb: Token) -> Trigger | None:
    candidates = _lookup("V", verb)
    if not candidates:
        return None
    particles = [c for c in verb.children if c.dep_ in PARTICLE_DEPS]
    for rule in candidates:
        used: set[int] = set()
        preps = particles
        if rule.with_:
            preps = [p for p in particles if _lower_lemma(p) in rule.with_ or p.lower_ in rule.with_]
            if not preps:
                continue
            used.update(p.i for p in preps)
        if rule.objects == NO_OBJECT:
            if any(c.dep_ == "dobj" for c in verb.children):
                continue
        elif rule.objects == CLAUSE:
            if not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
                continue
        elif rule.objects == WEAPON:
            if not any(c.dep_ in ("nsubj", "nsubjpass") and is_weapon(c) for c in verb.children):
                continue
        elif rule.objects:
            objects = [o for o in _verb_objects(verb, preps if rule.with_ else []) if _object_matches(o, rule)]
            if not objects:
                continue
            used.update(o.i for o in objects if PERSON not in rule.objects)
        return Trigger(verb, rule, used)
    return None


def is_weapon(token: Token) -> bool:
    """A weapon, munition or attack noun ("shells", "a car bomb", "the blast"): it does harm, nobody in it acts."""
    word = _lower_lemma(token)
    if word in rules()["weapon_nouns"]:
        return True
    return any(r.type == "ASSAULT" for r in trigger_rules().get(("N", word), ()))


def _object_matches(token: Token, rule: TriggerRule) -> bool:
    if PERSON in rule.objects and _is_people(token):
        return True
    if _lower_lemma(token) in rule.objects or token.lower_ in rule.objects:
        return True
    # "peacekeeping force", "mediation efforts": the modifier names what is acted on
    return any(c.dep_ == "compound" and _lower_lemma(c) in rule.objects for c in token.children)


def _is_people(token: Token) -> bool:
    """A person or a group of people: a name, a pronoun, or a noun for people ("30 members", "the hostages")."""
    if token.ent_type_ in ("PERSON", "NORP") or token.lower_ in PERSONAL_PRONOUNS:
        return True
    return _lower_lemma(token) in rules()["people_nouns"]


def _modifiers(token: Token) -> set[str]:
    """Lemmas of the words that qualify a noun: its compounds and adjectives and the word(s) just before it."""
    words = {_lower_lemma(c) for c in token.children if c.dep_ in MODIFIER_DEPS}
    doc = token.doc
    for back in (1, 2):
        j = token.i - back
        if j >= 0 and doc[j].is_alpha:
            words.add(_lower_lemma(doc[j]))
            break
    return words


def _noun_trigger(noun: Token) -> Trigger | None:
    if noun.dep_ in ("compound", "amod", "npadvmod", "nmod") and noun.head.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") \
            and not (noun.dep_ == "compound" and _lower_lemma(noun.head) in rules()["measure_nouns"]):
        return None  # "attack helicopter", "peace talks", "war-torn" mark the head, not this word
    if noun.ent_type_ in NAME_TYPES:
        return None  # "Organization for Security and Cooperation in Europe" names, it does not happen
    candidates = _lookup("N", noun)
    if not candidates:
        return None
    modifiers = None
    for rule in candidates:
        if rule.with_:
            modifiers = _modifiers(noun) if modifiers is None else modifiers
            if not modifiers & rule.with_:
                continue
        if rule.objects and not any((c.dep_ == "prep" and c.lower_ in rule.objects)
                                    or (c.dep_ in ("acl", "ccomp") and "@clause" in rule.objects)
                                    for c in noun.children):
            continue  # for nouns, "objects" lists prepositions the noun must govern ("strikes on", "fire at")
        return Trigger(noun, rule)
    return None


def _adjective_trigger(adjective: Token) -> Trigger | None:
    candidates = _lookup("A", adjective)
    return Trigger(adjective, candidates[0]) if candidates else None
