"""Dossiers of reports written for these tests, ingested and reported through the CLI (extraction included).

A war of four happenings told by nine reports, a single article with background, a disputed toll, and armed
groups whose names look like a road or a place. The sentences are ours; the places are real towns, so that
the gazetteer and the linker see what they would in the news.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import orjson
import pytest


def article(i: str, day: str, title: str, text: str) -> dict:
       return {"id": i, "url": f"https://wire.example/{i}", "published": day, "title": title, "text": text}


WAR = [
    article("w1", "2031-05-02", "Market shelled in El Fasher",
        "Paramilitary fighters shelled a crowded market in El Fasher on Friday, killing 14 people and wounding 30, "
        "the regional health ministry said.\nWitnesses said several shells landed near the main mosque."),
    article("w2", "2031-05-03", "El Fasher market toll rises",
        "The death toll from Friday's shelling of a market in El Fasher rose to 19, local doctors said on Saturday.\n"
        "The army blamed the paramilitary forces for the attack."),
    article("w3", "2031-05-03", "Families flee El Fasher",
        "Hundreds of families fled El Fasher on Saturday after the market shelling, aid groups said.\n"
        "The violence has continued for weeks."),
    article("w4", "2031-05-03", "Warplanes bomb Nyala fuel depot",
        "Army warplanes bombed a fuel depot in Nyala on Saturday, setting it ablaze, residents said.\n"
        "No casualties were reported."),
    article("w5", "2031-05-04", "Fuel depot burns in Nyala",
        "An air strike hit a fuel depot on the edge of Nyala on Saturday, sending black smoke over the city, "
        "a local journalist said."),
    article("w6", "2031-05-04", "Aid convoy ambushed near Kadugli",
        "Gunmen attacked a convoy of aid trucks near Kadugli on Sunday, killing two drivers, "
        "the World Food Programme said."),
    article("w7", "2031-05-05", "Drivers shot dead near Kadugli",
        "Two truck drivers were shot dead when armed men ambushed a food convoy outside Kadugli on Sunday, "
        "a United Nations spokesman said."),
    article("w8", "2031-05-05", "Truce talks open in Jeddah",
        "Delegations of the army and the paramilitary forces met in Jeddah on Monday for talks on a truce, "
        "Saudi officials said."),
    article("w9", "2031-05-06", "Mediators press for ceasefire",
        "Talks between the warring sides continued in Jeddah on Tuesday, "
        "with mediators pressing for a week-long ceasefire."),
]
SINGLE = [article("s1", "2031-06-10", "Border post attacked near Tiraspol",
        "Gunmen fired on a customs post near Tiraspol on Tuesday, killing three officers, the interior ministry said.\n"
        "The fighting was the worst in the region for years.\n"
        "Transnistria broke away from Moldova in a 1992 war.\n"
        "Police sealed the roads around the post on Wednesday.")]
DISPUTED = [article("d1", "2031-07-01", "Ambush near Kadugli",
        "Rebels said they killed 40 soldiers in an ambush near Kadugli on Sunday.\n"
        "The army said five of its soldiers died in the attack and accused the rebels of lying.")]
GROUPS = [article("g1", "2031-08-04", "Rebels seize border town",
        "M23 rebels seized the border town of Bunagana on Monday after heavy fighting with the army, "
        "Ugandan officials said.\n"
        "Fighters of M23 also attacked army positions near Rutshuru.\n"
        "Residents of Goma said the city was calm on Monday evening.\n"
        "In Somalia, al-Shabaab fighters stormed a military base in Lower Shabelle, the government said.")]


def eventwire(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def dossiers(tmp_path_factory) -> dict[str, dict]:
    """Each scenario ingested into its own store: its dossier as JSON, Markdown and HTML."""
    out = {}
    for name, articles in (("war", WAR), ("single", SINGLE), ("disputed", DISPUTED), ("groups", GROUPS)):
        folder: Path = tmp_path_factory.mktemp(name)
        source = folder / "articles.jsonl"
        source.write_bytes(b"".join(orjson.dumps(a) + b"\n" for a in articles))
        url = f"sqlite:///{folder / 'store.db'}"
        eventwire("ingest", str(source), "--db", url)
        out[name] = {"json": orjson.loads(eventwire("report", "--db", url, "--format", "json")),
                     "md": eventwire("report", "--db", url, "--format", "md"),
                     "html": eventwire("report", "--db", url, "--format", "html")}
    return out


def happenings(dossier: dict) -> list[dict]:
    return [e for e in dossier["timeline"] if e["kind"] == "happening"]


def sentences(dossier: dict) -> list[str]:
    return [" ".join(e["text"].split()) for e in dossier["timeline"] + dossier["background"]
            if e["kind"] == "event" and e["text"]]


def test_a_war_of_four_happenings_has_one_dated_entry_for_each(dossiers):
    dossier = dossiers["war"]["json"]
    found = happenings(dossier)
    assert all(h["date"] for h in found)
    attacks = {h["place"]: h for h in found if h["type"] == "ASSAULT"}
    assert set(attacks) == {"El Fasher", "Nyala", "Kadugli"}
    assert [attacks[p]["date"] for p in ("El Fasher", "Nyala", "Kadugli")] == ["2031-05-02", "2031-05-03",
                                                                             "2031-05-04"]
    assert {h["type"] for h in found} - {"ASSAULT"} <= {"CONSULT", "REQUEST"}  # the talks: one or two entries
    assert len(found) <= 5
    assert len(attacks["El Fasher"]["documents"]) == 3


def test_no_sentence_twice_and_vague_sentences_that_add_nothing_are_dropped(dossiers):
    dossier = dossiers["war"]["json"]
    shown = sentences(dossier)
    assert len(shown) == len(set(shown))
    assert not any("violence has continued" in s for s in shown)
    lines = [(e["document"], tuple(e["span"])) for e in dossier["timeline"] if e["kind"] == "event"]
    assert len(lines) == len(set(lines))  # one line per sentence


def test_the_headline_names_the_act_and_every_toll_with_its_claimant(dossiers):
    dossier = dossiers["war"]["json"]
    fasher = next(h for h in happenings(dossier) if h["place"] == "El Fasher")
    assert fasher["text"].startswith("Paramilitary fighters shell")
    assert "19 killed, according to local doctors" in fasher["text"]
    assert "14 people, according to regional health ministry" in fasher["text"]
    # the toll rose from 14 to 19 from one report to the next: both claims shown, no dispute
    assert "30 injured" in fasher["text"] and fasher["toll"]["killed"]["disputed"] is False
    nyala = next(h for h in happenings(dossier) if h["place"] == "Nyala")
    assert "killed" not in nyala["text"] and "injured" not in nyala["text"]  # no count given: none written
    for text in (dossiers["war"]["md"], dossiers["war"]["html"]):
        assert not re.search(r"\b0 (injured|killed)", text)
        assert "Paramilitary fighters shell crowded market in El Fasher" in text


def test_a_single_article_keeps_its_background_apart(dossiers):
    dossier = dossiers["single"]["json"]
    (only,) = happenings(dossier)
    assert only["text"] == ("Gunmen fire on customs post in Tiraspol; three officers killed, "
                            "according to interior ministry")
    assert [e["date"] for e in dossier["background"]] == ["1992"]
    assert not any("worst in the region" in s for s in sentences(dossier))
    assert "## Background" in dossiers["single"]["md"] and 'id="background"' in dossiers["single"]["html"]
    assert dossier["factbox"]["when"]["first"] == "2031-06-10"


def test_a_disputed_toll_shows_both_claims_and_who_makes_them(dossiers):
    dossier = dossiers["disputed"]["json"]
    (ambush,) = happenings(dossier)
    killed = ambush["toll"]["killed"]
    assert killed["disputed"] is True
    assert {(c["low"], c["claimant"]) for c in killed["claims"]} == {(40, "Rebels"), (5, "army")}
    assert "40 soldiers killed, according to Rebels (five of its soldiers, according to army)" in ambush["text"]
    figures = {g["category"]: g for g in dossier["figures"]}
    assert figures["killed"]["disagreement"] is True


def test_armed_groups_are_never_places_and_a_city_is_never_a_person(dossiers):
    dossier = dossiers["groups"]["json"]
    named = {p["name"].casefold() for p in dossier["map"]["points"]}
    named |= {p["name"].casefold() for p in dossier["factbox"]["where"]}
    assert not named & {"m23", "al-shabaab", "shabaab", "m23 rebels"}
    actors = {a["name"]: a for a in dossier["actors"]}
    assert actors["M23 rebels"]["as_actor"] == {"ASSAULT": 1}
    assert "Goma" not in actors and "Goma" not in {w["name"] for w in dossier["factbox"]["who"]}
    assert "goma" in named  # still on the map, where a city belongs
