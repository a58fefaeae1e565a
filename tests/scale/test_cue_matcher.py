"""The ACLED step's cue matcher (one small Matcher per key, tried only where the key's first word occurs)
finds exactly what one Matcher over every phrase finds, in the same order."""

from __future__ import annotations

from spacy.matcher import Matcher

from eventwire import lexicons
from eventwire.extract.acled.lexicon import CUE_PREFIX, KIND_PREFIX, CueMatcher, _patterns, kinds

# Sentences written for this test: cues with gaps, alternatives, parts of speech, a kind inside a longer kind.
SENTENCES = [
    "Riot police fired tear gas at protesters who had blocked the main road into the capital.",
    "Militants lobbed two grenades at an army checkpoint, wounding three soldiers, the military said.",
    "Rebels looted shops and abducted four traders before government troops recaptured the town.",
    "A roadside bomb killed a district official and his driver as they travelled to a village meeting.",
    "The ministry said a chemical attack had been carried out with chlorine gas near the border.",
    "Farmers and herders clashed over grazing land; the local militia later burned several houses.",
    "The council approved a new budget for schools and roads on Tuesday.",
]


def one_matcher(vocab) -> Matcher:
    single = Matcher(vocab)
    for c in lexicons.data("acled_cues.json")["cues"]:
        single.add(CUE_PREFIX + c["cue"], [p for phrase in c["phrases"] for p in _patterns(phrase)])
    for phrase in kinds()[0]:
        single.add(KIND_PREFIX + phrase, _patterns(phrase))
    return single


def test_cue_matcher_equals_one_matcher_over_all_phrases(parsed):
    docs = [parsed(text).doc for text in SENTENCES]
    single, split = one_matcher(docs[0].vocab), CueMatcher(docs[0].vocab)
    found_any = 0
    for doc in docs:
        for sent in doc.sents:
            expected = single(sent)
            assert split(sent) == expected, sent.text
            found_any += bool(expected)
    assert found_any >= 5  # the sentences do carry cues and kinds


def test_a_sentence_without_any_first_word_is_not_matched_at_all(parsed):
    doc = parsed("The council approved a new budget for schools and roads on Tuesday.").doc
    assert CueMatcher(doc.vocab)(doc[:]) == []
