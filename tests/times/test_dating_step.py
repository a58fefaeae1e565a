"""The dating step through the real pipeline: what each time's sentence says about the happening's day, on
reports written for these tests (invented places and people)."""

from __future__ import annotations

from eventwire.link.features import document_features, parse_day


def flags_of(record, words: str) -> list[str]:
    [time] = [t for t in record.times if t.text == words]
    return time.context.flags


def test_a_time_in_a_sentence_of_harm_reports_the_happening(extract):
    record = extract("A woman was shot Saturday night outside a diner on Ferrow Lane.", "2016-05-10")
    assert "reports" in flags_of(record, "Saturday night")


def test_a_court_date_is_an_aside_and_a_said_day_a_statement(extract):
    record = extract("The man charged in the killing appeared in court Monday. Police said Friday that the "
                     "victim was a teacher.", "2016-05-10")
    assert "aside" in flags_of(record, "Monday")
    assert "statement" in flags_of(record, "Friday")


def test_a_follow_up_lead_is_flagged(extract):
    record = extract("A man was arrested Tuesday in the shooting death of a cook in Brisa.", "2016-05-10")
    assert {"reports", "follow-up"} <= set(flags_of(record, "Tuesday"))


def test_the_context_dates_the_happening_as_the_text_did(extract):
    record = extract("The man charged in the shooting appeared in court Monday. A woman was shot Saturday night "
                     "outside a diner on Ferrow Lane.", "2016-05-10").to_json()
    day = document_features(record)["day"]
    for time in record["times"]:
        del time["context"]
    assert document_features(record)["day"] == day == parse_day("2016-05-07")


def test_a_headline_weekday_dates_a_report_whose_times_date_nothing(extract):
    record = extract("Police have named the victim. Detectives ask anyone with information to call.",
                     "2016-05-10", title="Victim of Sunday's shooting named")  # 2016-05-10 is a Tuesday
    assert [(c.kind, c.where, c.text) for c in record.day_cues] == [("weekday", "title", "Sunday")]
    assert document_features(record.to_json())["day"] == parse_day("2016-05-08")


def test_a_day_before_an_inverted_speaker_dates_what_was_said(extract):
    # "…, said Officer X": the time ends the reported clause, it dates the happening, not the statement
    for text, words in [
        ("The shooting happened shortly before 2 a.m. Sunday, said Officer Dana Pike, a police spokeswoman.",
         "shortly before 2 a.m. Sunday"),
        ("The boy was shot in the leg on Monday, said Lt. Ray Ames of the county sheriff's office.", "Monday"),
        ("Two men were shot near the park late Friday, said police.", "late Friday"),
    ]:
        flags = flags_of(extract(text, "2016-05-10"), words)
        assert "statement" not in flags and "reports" in flags, text


def test_a_day_before_said_and_what_was_said_still_dates_the_statement(extract):
    record = extract("The department, in a release issued Tuesday, said officers found two wounded men near "
                     "the river.", "2016-05-10")
    assert "statement" in flags_of(record, "Tuesday")
    record = extract("Police said Tuesday that two men were wounded near the river.", "2016-05-10")
    assert "statement" in flags_of(record, "Tuesday")
