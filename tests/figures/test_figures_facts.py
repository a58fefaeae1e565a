"""Key-value fact lines of a factbox."""


def test_factbox_lines_become_facts_with_their_source(extract):
    text = ("Northland: Timeline Of A Dispute\n"
            "Factbox: Northland\n"
            "Population: Approximately 12,000 (according to the 2001 census)\n"
            "Capital: Some Town\n")
    facts = {f.key: f for f in extract(text).facts}
    assert set(facts) == {"Population", "Capital"}
    assert facts["Population"].value == "Approximately 12,000"
    assert facts["Population"].source == "the 2001 census"
    assert facts["Capital"].value == "Some Town"
    assert text[facts["Capital"].start:facts["Capital"].end] == "Capital: Some Town"


def test_a_count_line_is_also_a_figure(extract):
    record = extract("Population: Approximately 12,000 (according to the 2001 census)\n")
    [figure] = record.figures
    assert (figure.quantity.value, figure.category, figure.quantity.approx) == (12000, "population", True)


def test_sentences_with_colons_are_not_facts(extract):
    text = "The minister said: we will rebuild every house.\nWASHINGTON: Aid arrived on Monday.\n"
    assert extract(text).facts == []


def test_page_furniture_and_lone_labels_are_not_facts(extract):
    text = ("Share this: Facebook\nLike this: Like Loading...\nPolice: 6 hurt after a party in Dunmore\n"
            "Published: Tuesday, 11/18/2031\n")
    assert extract(text).facts == []


def test_a_block_of_key_value_lines_is_a_factbox(extract):
    text = "Founded: 1921\nMotto: Onward Together\nAnthem: The River Song\nRiver: the Tarn\n"
    assert [f.key for f in extract(text).facts] == ["Founded", "Motto", "Anthem", "River"]
