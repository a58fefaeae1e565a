"""The shared lexicon readers: a one-per-line list as a set of words, a two-column table as a lookup."""

from __future__ import annotations

from eventwire import lexicons
from eventwire.extract.attribution.lexicon import gender_words, speech_nouns
from eventwire.extract.numbers.cues import anaphors


def test_words_gives_the_entries_of_a_list_as_a_set():
    nouns = lexicons.words("quote_speech_nouns.txt")
    assert isinstance(nouns, frozenset)
    assert {"statement", "interview"} <= nouns
    assert not any(entry.startswith("#") for entry in nouns)  # the file's comment lines stay out


def test_word_map_maps_a_first_cell_to_the_second():
    genders = lexicons.word_map("quote_gender_words.tsv")
    assert genders["she"] == "f"
    assert genders["mr"] == "m"
    assert "subject" not in genders.values()  # the third column is not the value


def test_the_steps_lists_are_read_once_through_the_shared_reader():
    assert speech_nouns() is lexicons.words("quote_speech_nouns.txt")
    assert gender_words() is lexicons.word_map("quote_gender_words.tsv")
    assert anaphors() is lexicons.words("figure_anaphors.txt")
