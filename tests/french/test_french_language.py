"""Language of a document, one pipeline per language, lexicons per language."""

from __future__ import annotations

from eventwire import lexicons
from eventwire.language import detect, language_of, normalise_code
from eventwire.parse import parse_articles
from eventwire.read.article import Article


def test_codes_from_the_input_are_normalised():
    assert normalise_code("fr-FR") == "fr"
    assert normalise_code("EN_gb") == "en"
    assert normalise_code("") is None
    assert normalise_code("français!") is None


def test_given_language_wins_over_detection():
    assert language_of("The army said on Monday that the road was open.", "fr") == "fr"


def test_short_news_sentences_are_detected():
    assert detect("Des hommes armés ont attaqué le poste de police lundi soir.") == "fr"
    assert detect("Gunmen attacked the police post on Monday night.") == "en"
    assert detect("1234 5678") is None


def test_a_batch_is_parsed_per_language_in_input_order():
    texts = ["Rebels shelled the town on Sunday.", "Les rebelles ont bombardé la ville dimanche.",
             "The mayor called for calm.", "Le maire a appelé au calme."]
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    parsed = list(parse_articles(articles))
    assert [a.id for a, _ in parsed] == ["0", "1", "2", "3"]
    assert [a.lang for a, _ in parsed] == ["en", "fr", "en", "fr"]
    assert [d.lang_ for _, d in parsed] == ["en", "fr", "en", "fr"]
    assert [d.text for _, d in parsed] == texts
    assert parsed[1][0] is articles[1]  # the same object: the engine keys on it


def test_a_language_without_a_pipeline_is_parsed_with_the_english_one_and_keeps_its_code():
    [(article, doc)] = list(parse_articles([Article(id="x", text="Die Rebellen griffen das Dorf an.", lang="de")]))
    assert article.lang == "de"
    assert doc.lang_ == "en"


def test_lexicons_per_language():
    assert "fr" in lexicons.languages()
    assert lexicons.has("time_rules.tsv", "fr")
    assert not lexicons.has("no_such_list.txt", "fr")
    assert lexicons.for_language("fr") == "fr"
    assert lexicons.for_language("de") == "en"
    assert lexicons.for_language(None) == "en"
    assert "mars" in lexicons.data("time_words.json", "fr")["months"]
    assert lexicons.data("time_words.json") == lexicons.data("time_words.json", "en")  # existing calls unchanged
