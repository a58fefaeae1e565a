"""The day a report places its happening on: court dates, publication fall-backs and stale weekdays."""

from __future__ import annotations

from store_records import make_record

from eventwire.link.features import document_features, parse_day


def _time(text: str, words: str, value: str) -> dict:
    start = text.index(words)
    return {"start": start, "end": start + len(words), "text": words, "type": "DATE", "value": value}


def test_a_court_date_in_a_sentence_about_the_shooting_does_not_date_it():
    text = ("The man charged in the shooting appeared in court Monday. "
            "A woman was shot Saturday night outside a diner on Ferrow Lane.")
    record = make_record("c", text, "2016-05-10")
    record["times"] = [_time(text, "Monday", "2016-05-09"), _time(text, "Saturday night", "2016-05-07")]
    assert document_features(record)["day"] == parse_day("2016-05-07")


def test_a_named_day_beats_an_event_date_that_is_only_the_publication_day():
    text = "Police say a girl, 7, was hurt by a stray bullet. Neighbors called police Sunday evening from Quill Park."
    record = make_record("s", text, "2016-05-10", event="hurt", event_date="2016-05-10")
    record["times"] = [_time(text, "Sunday evening", "2016-05-08")]
    features = document_features(record)
    assert (features["day"], features["day_source"]) == (parse_day("2016-05-08"), "time")


def test_a_bare_weekday_a_week_back_gives_way_to_a_recent_day():
    text = ("Two men were shot Sunday afternoon at a cookout on Brindle Road. "
            "Police made no arrests in the shooting as of Monday morning.")
    record = make_record("w", text, "2016-05-08")
    record["times"] = [_time(text, "Sunday afternoon", "2016-05-08"), _time(text, "Monday morning", "2016-05-02")]
    assert document_features(record)["day"] == parse_day("2016-05-08")


def test_a_follow_up_months_later_dates_the_happening_where_it_says_it_occurred():
    text = ("A man was ordered to stand trial today in the death of a cyclist. "
            "The incident occurred Sept. 14 outside a tavern on Gorse Avenue.")
    record = make_record("f", text, "2017-06-20")
    record["times"] = [_time(text, "today", "2017-06-20"), _time(text, "Sept. 14", "2016-09-14")]
    assert document_features(record)["day"] == parse_day("2016-09-14")
