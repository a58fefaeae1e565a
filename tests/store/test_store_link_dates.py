"""The day a report places its happening on: court dates, publication fall-backs and stale weekdays."""

from __future__ import annotations

from datetime import date

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


def _record(text: str, published: str, *times: tuple[str, str]) -> dict:
    record = make_record("t", text, published)
    record["times"] = [_time(text, words, value) for words, value in times]
    return record


def _day(record: dict) -> str:
    return date.fromordinal(document_features(record)["day"]).isoformat()


def test_abbreviations_do_not_end_the_sentence_that_reports_the_happening():
    text = ("Neighbors said the street had been quiet since Sunday. Two men were shot at about 6 p.m. Monday "
            "near St. Alder Church on Fenwick Road.")
    record = _record(text, "2016-05-10", ("Sunday", "2016-05-08"), ("Monday", "2016-05-09"))
    assert _day(record) == "2016-05-09"


def test_the_day_a_statement_was_made_does_not_date_the_happening():
    text = "Police said Sunday that a man was wounded on Hadley Row. The shooting happened Saturday night."
    record = _record(text, "2016-05-09", ("Sunday", "2016-05-08"), ("Saturday night", "2016-05-07"))
    assert _day(record) == "2016-05-07"


def test_an_older_happening_further_down_does_not_date_the_report():
    text = ("Three people were wounded Saturday night outside a bowling alley on Fenwick Road. "
            "Earlier this month, on May 3, a man was killed two blocks away.")
    record = _record(text, "2016-05-29", ("Saturday night", "2016-05-28"), ("May 3", "2016-05-03"))
    assert _day(record) == "2016-05-28"


def test_a_lead_about_an_arrest_is_dated_by_the_shooting_it_follows():
    text = ("Police arrested a man Tuesday in the shooting of a cyclist. "
            "The cyclist was shot on March 18 near the Orrin Canal.")
    record = _record(text, "2016-04-06", ("Tuesday", "2016-04-05"), ("March 18", "2016-03-18"))
    assert _day(record) == "2016-03-18"


def test_an_overnight_shooting_takes_the_mornings_day():
    text = "Two people were shot overnight outside a club on Dorrit Lane, and both were in stable condition."
    record = _record(text, "2016-07-10", ("overnight", "2016-07-09TNI"))
    assert _day(record) == "2016-07-10"


def test_a_dateline_is_a_stamp_not_the_day_of_the_happening():
    text = "(March 3, 2016) — A boy was wounded by gunfire near Pell Park.\nIt happened Tuesday afternoon."
    record = _record(text, "2016-03-03", ("March 3, 2016", "2016-03-03"), ("Tuesday afternoon", "2016-03-01"))
    assert _day(record) == "2016-03-01"


def test_last_thursday_is_not_a_stale_weekday():
    text = ("The boy was shot last Thursday night while riding in a car on Ashby Street. "
            "Doctors removed the bullet Tuesday, his aunt said.")
    record = _record(text, "2016-08-17", ("last Thursday night", "2016-08-11"), ("Tuesday", "2016-08-16"))
    assert _day(record) == "2016-08-11"


def test_a_headline_weekday_dates_a_page_with_no_other_day():
    record = make_record("h", "", "2016-03-22", "Police name victim of Sunday's shooting on Quill Street")
    features = document_features(record)
    assert (date.fromordinal(features["day"]).isoformat(), features["day_source"]) == ("2016-03-20", "weekday")


def test_a_city_dateline_and_an_opening_statement_day_date_nothing():
    text = ("PELLWICK, Westmarch (March 3, 2016) — A girl was wounded by gunfire near Harrow Lane. "
            "On Wednesday, Sheriff Anwen Daltry said the shooting was not random. "
            "It happened Monday afternoon.")
    record = _record(text, "2016-03-03", ("March 3, 2016", "2016-03-03"), ("Wednesday", "2016-03-02"),
                     ("Monday afternoon", "2016-02-29"))
    assert _day(record) == "2016-02-29"


def test_a_follow_up_looks_for_the_original_day_near_its_lead_not_in_the_suspects_record():
    filler = "Neighbors on Orrin Row described the cyclist as a quiet man who repaired bicycles for children. " * 12
    text = ("Police arrested a man Tuesday in the shooting of a cyclist. The cyclist was shot on March 18 near "
            f"the Orrin Canal. {filler}The suspect was also charged after a man was shot on January 2, 2015.")
    record = _record(text, "2016-04-06", ("Tuesday", "2016-04-05"), ("March 18", "2016-03-18"),
                     ("January 2, 2015", "2015-01-02"))
    assert _day(record) == "2016-03-18"


def test_an_explicit_date_in_a_sentence_about_the_trial_still_dates_the_happening():
    text = ("A man who shot his neighbour on Tallis Road was sentenced Monday to eight years in prison. "
            "He pleaded guilty in April to manslaughter in the Jan. 1 shooting.")
    record = _record(text, "2015-06-09", ("Monday", "2015-06-08"), ("April", "2015-04"), ("Jan. 1", "2015-01-01"))
    assert _day(record) == "2015-01-01"
