"""Quotes over the real entities step: speakers, pronouns and descriptions link to the entities found."""

from eventwire.extract.base import Found
from eventwire.extract.entities import entities
from eventwire.extract.quotes import attribution_of, quotes

REPORT = (
    "Fighting spread across the Dalmor valley overnight.\n"
    "Ivo Karsten, a local aid coordinator who reached the town of Vessa on Monday, told reporters that "
    "families were sheltering in cellars.\n"
    '"Most of the houses near the river are gone," he said. "People are drinking rainwater."\n'
    "Interior Minister Lena Marchetti said about 300 civilians had been killed.\n"
    "According to the commander of the border garrison, the bridge at Vessa is \"completely destroyed.\"\n"
)


def speakers_by_content(parsed):
    doc = parsed(REPORT)
    found = entities(doc, Found())
    names = {e.id: e.name for e in found}
    result = quotes(doc, Found(entities=found))
    return result, {q.content.text: (q.speaker.text if q.speaker else None, names.get(q.speaker_entity))
                    for q in result}


def test_each_quote_of_a_written_report_names_its_speaker(parsed):
    _, by_content = speakers_by_content(parsed)
    assert by_content["that families were sheltering in cellars"][1] == "Ivo Karsten"
    continued = '"Most of the houses near the river are gone," he said. "People are drinking rainwater."'
    assert by_content[continued] == ("he", "Ivo Karsten")
    assert by_content["about 300 civilians had been killed"][1] == "Lena Marchetti"
    commander = by_content['the bridge at Vessa is "completely destroyed."']
    assert commander[0] == "the commander of the border garrison"


def test_a_figure_inside_a_claim_finds_the_claim(parsed):
    result, _ = speakers_by_content(parsed)
    at = REPORT.index("about 300 civilians")
    claim = attribution_of(result, at, at + len("about 300 civilians"))
    assert claim is not None and claim.speaker.text == "Interior Minister Lena Marchetti"


def test_a_person_in_apposition_to_a_title_is_the_speaker_not_the_body_in_the_title(extract):
    for text, name in [
        ("The UN envoy, Maria Lind, said the convoy had been stopped.", "Maria Lind"),
        ("A Red Cross spokesman, Ed Vane, said the clinic was full.", "Ed Vane"),
        ("The Kenyan foreign minister, Ruth Ambani, said the talks would resume on Monday.", "Ruth Ambani"),
        ("Maria Lind, the UN envoy, said the convoy had been stopped.", "Maria Lind"),
    ]:
        record = extract(text, "2016-05-10")
        names = {e.id: e.name for e in record.entities}
        assert [names.get(q.speaker_entity) for q in record.quotes] == [name], text
    # a title with no name of its own stays the body's voice
    record = extract("The UN envoy said the convoy had been stopped.", "2016-05-10")
    assert [next(e.type for e in record.entities if e.id == q.speaker_entity) for q in record.quotes] == ["ORG"]
