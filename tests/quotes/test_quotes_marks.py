from eventwire.extract.attribution.quotemarks import quote_spans


def spans(text):
    return [text[q.start:q.end] for q in quote_spans(text)]


def test_curly_and_straight_quotes_are_found_with_their_marks():
    text = 'Orlan said: “The dam held.” Later "the river fell," he added.'
    assert spans(text) == ["“The dam held.”", '"the river fell,"']


def test_doubled_apostrophes_pair_like_quotation_marks():
    text = "''We are staying,'' the mayor said."
    assert spans(text) == ["''We are staying,''"]


def test_a_quotation_over_two_paragraphs_gives_a_piece_per_paragraph():
    text = "She said: “The first part ends here.\n“The second part closes it.” Then silence."
    pieces = quote_spans(text)
    assert [text[q.start:q.end] for q in pieces] == ["“The first part ends here.", "“The second part closes it.”"]
    assert pieces[0].continues and not pieces[1].continues


def test_apostrophes_inside_words_are_not_quotation_marks():
    assert spans("The mayor's office didn't answer.") == []


def test_single_curly_quotations_count_but_apostrophes_do_not():
    assert spans("‘We will stay,’ she said. The soldiers’ families left.") == ["‘We will stay,’"]
    assert spans("The council’s view, ‘We don’t negotiate,’ stands.") == ["‘We don’t negotiate,’"]


def test_single_marks_inside_a_double_quotation_are_not_separate():
    assert spans("“He told me ‘no’ twice,” she said.") == ["“He told me ‘no’ twice,”"]
