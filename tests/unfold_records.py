"""Invented reports of one market bombing, written for these tests: three outlets, a toll that rises from
six to nine, a ministry figure echoed by a later outlet, a report with no URL and one with no date.

Records are built by hand in the SPEC §2 shape, offsets found by searching the text.
"""

from __future__ import annotations

MINISTRY = "Korvath Health Ministry"
PLACE = {"lat": 41.62, "lon": 27.05}
ELSEWHERE = {"lat": 41.95, "lon": 27.61}
HOSPITAL = {"lat": 42.31, "lon": 27.84}


def _at(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _span(text: str, phrase: str) -> dict:
    start, end = _at(text, phrase)
    return {"start": start, "end": end, "text": phrase}


def report(doc_id: str, text: str, title: str, url: str | None, published: str | None, tolls: list[tuple],
           towns: tuple = (("Korvath", PLACE),)) -> dict:
    """A record of one bombing report; ``tolls`` are (phrase, category, value, claimed by the ministry),
    ``towns`` the (name, coordinates) of the places it names."""
    entities = [{"id": "e1", "type": "ORG", "name": MINISTRY, "mentions": [_span(text, "health ministry")],
                 "role": None, "country": None, "sector": "GOV"}] if "health ministry" in text else []
    places = [{**_span(text, town), "name": town, "geonameid": None, "country": "KV", "feature": "PPL",
               "entity": None, **where} for town, where in towns]
    figures = [{**_span(text, phrase), "quantity": {"value": value, "low": None, "high": None, "approx": False},
                "unit": "people", "category": category, "claimant": "e1" if by_ministry else None, "place": 0,
                "time": None, "hedged": False} for phrase, category, value, by_ministry in tolls]
    trigger = _span(text, "bomb")
    sentence = text.split("\n")[0]
    event = {"id": "v1", "type": "ASSAULT", "mode": "explosives", "context": ["terrorism"], "cameo": "183",
             "acled": None, "trigger": trigger, "actors": [], "recipients": [], "place": 0, "time": None,
             "date": "2031-02-07", "status": "asserted", "source": None, "killed": None, "injured": None,
             "evidence": {"start": 0, "end": len(sentence)}}
    return {"id": doc_id, "title": title, "url": url, "published": published, "lang": "en", "text": text,
            "entities": entities, "places": places, "times": [], "quotes": [], "figures": figures,
            "events": [event], "facts": [], "story": None, "incident": None}


def bombing_reports() -> list[dict]:
    first = ("A bomb tore through the covered market of Korvath on Friday morning.\n"
             "The health ministry said 6 people were killed and 11 were hurt.\n")
    risen = ("The toll from the bomb at the Korvath market rose on Saturday.\n"
             "The health ministry said 9 people had now died of their wounds in the hospital at Selvan.\n")
    echoed = ("Shops stayed shut in Korvath a day after the bomb at its market.\n"
              "According to the health ministry, 9 people were killed in the blast.\n")
    no_url = ("Mourners in Korvath buried the dead of the market bomb on Sunday.\n"
              "Crowds lined the road to the cemetery.\n")
    undated = ("Traders in Dalmir, up the coast, closed early after the Korvath market bomb.\n"
               "Police there added patrols.\n")
    return [
        report("kv-lake", first, "Bomb hits Korvath market", "https://www.lakenews.example/korvath-bomb",
               "2031-02-07", [("6 people", "killed", 6, True), ("11", "injured", 11, True)]),
        report("kv-wire", risen, "Korvath market toll rises to nine", "https://continentwire.example/kv/toll",
               "2031-02-08", [("9 people", "killed", 9, True)], towns=(("Korvath", PLACE), ("Selvan", HOSPITAL))),
        report("kv-river", echoed, "Korvath mourns", "http://riverbulletin.example/korvath", "2031-02-09",
               [("9 people", "killed", 9, True)]),
        report("kv-nourl", no_url, "Korvath buries its dead", None, "2031-02-09", []),
        report("kv-undated", undated, "Dalmir traders close early", "https://www.lakenews.example/dalmir", None,
               [], towns=(("Dalmir", ELSEWHERE),)),
    ]
