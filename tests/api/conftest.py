"""Fixtures for the dossier, the HTTP API and the web page: an invented crisis, written here.

Records are built by hand in the SPEC §2 shape from texts these tests wrote, with offsets found by
searching the text, so the report and the server are tested on exactly what the records hold,
whatever the extraction steps find today.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from components import CHROMIUM
from served import ServedProcess, free_port

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"

SHELLING_TEXT = (
    "Valdorian artillery shelled the river town of Marenburg late on March 3, residents said.\n"
    "Regional governor Ilse Varga said 40 civilians were killed in Marenburg overnight.\n"
    "\"We will not abandon our people,\" Varga said.\n"
    "Defence Minister Tomas Brell denied that the army had targeted homes and said about 12 people died.\n"
    "The town had 20,000 residents before the fighting.\n"
    "Population: about 18,000 (2011 census)\n"
)
CONVOY_TEXT = (
    "An aid convoy of the Red Lantern Society reached Marenburg on March 4.\n"
    "\"The hospital has no power and little water,\" said Anna Holt, who led the convoy.\n"
    "Thousands of residents fled to Osterby, officials said.\n"
)
HOSTILE_TITLE = "<script>alert('title')</script> Breaking"
HOSTILE_TEXT = (
    "Protesters gathered in Marenburg on March 5. <img src=x onerror=alert('text')> "
    "<script>document.title='pwned'</script> Police dispersed the crowd.\n"
)


def at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    """(start, end) of the nth occurrence of phrase in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def span(text: str, phrase: str, nth: int = 0) -> dict:
    start, end = at(text, phrase, nth)
    return {"start": start, "end": end, "text": phrase}


def mention(text: str, phrase: str, nth: int = 0) -> dict:
    return span(text, phrase, nth)


def place(text: str, phrase: str, lat: float, lon: float, nth: int = 0, **extra) -> dict:
    start, end = at(text, phrase, nth)
    return {"start": start, "end": end, "text": phrase, "name": phrase, "geonameid": None, "lat": lat, "lon": lon,
            "country": "VD", "feature": "PPL", "entity": None, **extra}


def figure(text: str, phrase: str, value=None, low=None, high=None, category="killed", claimant=None,
           approx=False, hedged=False, place_index=None) -> dict:
    start, end = at(text, phrase)
    return {"start": start, "end": end, "text": phrase,
            "quantity": {"value": value, "low": low, "high": high, "approx": approx},
            "unit": "people", "category": category, "claimant": claimant, "place": place_index, "time": None,
            "hedged": hedged}


def base(doc_id: str, text: str, title: str, published: str) -> dict:
    return {"id": doc_id, "title": title, "url": f"https://news.example/{doc_id}", "published": published,
            "lang": "en", "text": text, "entities": [], "places": [], "times": [], "quotes": [], "figures": [],
            "events": [], "facts": [], "story": None, "incident": None}


def shelling_record() -> dict:
    t = SHELLING_TEXT
    record = base("vd-shelling", t, "Artillery hits Marenburg", "2031-03-04")
    record["entities"] = [
        {"id": "e1", "type": "NORP", "name": "Valdorian army", "mentions": [mention(t, "Valdorian")],
         "role": None, "country": "VDR", "sector": "MIL"},
        {"id": "e2", "type": "PERSON", "name": "Ilse Varga",
         "mentions": [mention(t, "Ilse Varga"), mention(t, "Varga", 1)],
         "role": "Regional governor", "country": "VDR", "sector": "GOV"},
        {"id": "e3", "type": "PERSON", "name": "Tomas Brell", "mentions": [mention(t, "Tomas Brell")],
         "role": "Defence Minister", "country": "VDR", "sector": "GOV"},
        {"id": "e4", "type": "GPE", "name": "Marenburg", "mentions": [mention(t, "Marenburg")],
         "role": None, "country": None, "sector": None},
    ]
    record["places"] = [place(t, "Marenburg", 47.21, 21.43), place(t, "Marenburg", 47.21, 21.43, nth=1)]
    record["times"] = [{**span(t, "late on March 3"), "type": "DATE", "value": "2031-03-03TNI"}]
    record["quotes"] = [
        {"content": span(t, "We will not abandon our people,"), "cue": span(t, "said", 2),
         "speaker": span(t, "Varga", 1), "speaker_entity": "e2", "kind": "direct"},
        {"content": span(t, "40 civilians were killed in Marenburg overnight"), "cue": span(t, "said", 1),
         "speaker": span(t, "Ilse Varga"), "speaker_entity": "e2", "kind": "indirect"},
    ]
    record["figures"] = [
        figure(t, "40 civilians", value=40, claimant="e2", place_index=1),
        figure(t, "about 12 people", value=12, approx=True, claimant="e3"),
        figure(t, "20,000 residents", value=20000, category="population"),
    ]
    population_line = at(t, "Population: about 18,000 (2011 census)")
    record["facts"] = [{"start": population_line[0], "end": population_line[1], "key": "Population",
                        "value": "about 18,000 (2011 census)", "source": "2011 census"}]
    shelled = at(t, "Valdorian artillery shelled the river town of Marenburg late on March 3")
    denied = at(t, "denied that the army had targeted homes")
    record["events"] = [
        {"id": "v1", "type": "ASSAULT", "mode": "heavy-weapons", "context": ["military"], "cameo": "195",
         "acled": None, "trigger": span(t, "shelled"),
         "actors": [{**span(t, "Valdorian artillery"), "entity": "e1", "code": "VDRMIL"}],
         "recipients": [{**span(t, "Marenburg"), "entity": "e4", "code": None}],
         "place": 0, "time": 0, "date": "2031-03-03", "status": "asserted", "source": None,
         "killed": None, "injured": None, "evidence": {"start": shelled[0], "end": shelled[1]}},
        {"id": "v2", "type": "REJECT", "mode": None, "context": [], "cameo": None, "acled": None,
         "trigger": span(t, "denied"), "actors": [{**span(t, "Tomas Brell"), "entity": "e3", "code": None}],
         "recipients": [], "place": None, "time": None, "date": None, "status": "denied", "source": "e3",
         "killed": None, "injured": None, "evidence": {"start": denied[0], "end": denied[1]}},
    ]
    return record


def convoy_record() -> dict:
    t = CONVOY_TEXT
    record = base("vd-convoy", t, "Aid convoy reaches Marenburg", "2031-03-05")
    record["entities"] = [
        {"id": "e1", "type": "ORG", "name": "Red Lantern Society", "mentions": [mention(t, "Red Lantern Society")],
         "role": None, "country": None, "sector": "NGO"},
        {"id": "e2", "type": "PERSON", "name": "Anna Holt", "mentions": [mention(t, "Anna Holt")],
         "role": "convoy leader", "country": None, "sector": "NGO"},
    ]
    record["places"] = [place(t, "Marenburg", 47.21, 21.43), place(t, "Osterby", 47.65, 22.02)]
    record["times"] = [{**span(t, "on March 4"), "type": "DATE", "value": "2031-03-04"}]
    record["quotes"] = [{"content": span(t, "The hospital has no power and little water,"), "cue": span(t, "said"),
                         "speaker": span(t, "Anna Holt"), "speaker_entity": "e2", "kind": "direct"}]
    record["figures"] = [figure(t, "Thousands of residents", low=1000, high=9999, approx=True, category="fled",
                                hedged=True, place_index=1)]
    reached = at(t, "An aid convoy of the Red Lantern Society reached Marenburg on March 4")
    record["events"] = [
        {"id": "v1", "type": "AID", "mode": None, "context": ["humanitarian"], "cameo": "070", "acled": None,
         "trigger": span(t, "aid convoy"),
         "actors": [{**span(t, "Red Lantern Society"), "entity": "e1", "code": None}],
         "recipients": [{**span(t, "Marenburg"), "entity": None, "code": None}],
         "place": 0, "time": 0, "date": None, "status": "asserted", "source": None,
         "killed": None, "injured": None, "evidence": {"start": reached[0], "end": reached[1]}},
    ]
    return record


def hostile_record() -> dict:
    t = HOSTILE_TEXT
    record = base("vd-hostile", t, HOSTILE_TITLE, "2031-03-06")
    record["entities"] = [{"id": "e1", "type": "PERSON", "name": "<img src=y onerror=alert('name')>",
                           "mentions": [mention(t, "Police")], "role": "<b>chief</b>", "country": None,
                           "sector": None}]
    record["places"] = [place(t, "Marenburg", 47.21, 21.43)]
    record["quotes"] = [{"content": span(t, "<img src=x onerror=alert('text')>"), "cue": None, "speaker": None,
                         "speaker_entity": "e1", "kind": "direct"}]
    dispersed = at(t, "Police dispersed the crowd")
    record["events"] = [
        {"id": "v1", "type": "COERCE", "mode": None, "context": [], "cameo": None, "acled": None,
         "trigger": span(t, "dispersed"), "actors": [{**span(t, "Police"), "entity": "e1", "code": None}],
         "recipients": [], "place": 0, "time": None, "date": "2031-03-05", "status": "asserted", "source": None,
         "killed": None, "injured": None, "evidence": {"start": dispersed[0], "end": dispersed[1]}},
    ]
    return record


@pytest.fixture
def crisis_records() -> list[dict]:
    """Two reports of an invented shelling and its aftermath."""
    return [shelling_record(), convoy_record()]


@pytest.fixture
def hostile() -> dict:
    return hostile_record()


# --- a real server on a free loopback port ---


@pytest.fixture(scope="session")
def crisis_db(tmp_path_factory) -> str:
    """An SQLite store holding the invented crisis and the hostile article."""
    from eventwire.ingest import add_records
    from eventwire.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'crisis.db'}"
    store = Store.open(url)
    try:
        add_records(store, [shelling_record(), convoy_record(), hostile_record()])
    finally:
        store.close()
    return url


@pytest.fixture(scope="session")
def server(crisis_db):
    running = ServedProcess(crisis_db, client_timeout=30)
    yield running
    running.stop()


class ThreadServer:
    """The app with chosen settings, served by uvicorn in a thread on a loopback port."""

    def __init__(self, settings) -> None:
        import threading

        import uvicorn

        from eventwire.api.app import guarded

        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(guarded(settings), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture
def serve_with(crisis_db):
    """serve_with(**settings) -> a running ThreadServer over the crisis store; stopped after the test."""
    from eventwire.api.app import Settings

    running: list[ThreadServer] = []

    def start(**fields) -> ThreadServer:
        server = ThreadServer(Settings(db_url=fields.pop("db_url", crisis_db), **fields))
        running.append(server)
        return server

    yield start
    for server in running:
        server.stop()


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (Debian's, /usr/bin/chromium) through Playwright, one per test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()

