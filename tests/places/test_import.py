"""`eventwire gazetteer import` builds an index from GeoNames dump files; resolution then uses it."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.gazetteer.geonames import ImportFailed, import_files
from eventwire.gazetteer.index import NAME_ALIAS, NAME_PRIMARY, Index

runner = CliRunner()


def test_import_indexes_towns_areas_and_names(dump_files, tmp_path):
    out = tmp_path / "index.sqlite"
    size = import_files(dump_files, out)
    index = Index(out)
    assert size == index.size
    assert "cities500.txt" in index.source

    [capital] = index.lookup("Varnholm")
    assert (capital.geonameid, capital.feature, capital.country, capital.admin1) == (9000001, "PPLC", "QZ", "01")
    assert index.lookup("Warnholm")[0].geonameid == 9000001  # alternate name from the main file
    [lind] = index.lookup("Lindquarry")  # English alternate name
    assert lind.geonameid == 9000002 and lind.kind == NAME_ALIAS
    assert index.lookup("Old Varn") == ()  # historic names are left out
    assert {c.country for c in index.lookup("Brennick")} == {"QZ", "US"}
    assert index.lookup("Old Mill Road") == ()  # roads are no gazetteer entries
    assert index.admin1_name("QZ", "02") == "Sørland"
    assert index.lookup("Ostmark Lake")[0].feature == "LK"


def test_areas_without_a_point_get_one_from_their_towns(dump_files, tmp_path):
    index = Index(_built(dump_files, tmp_path))
    [vale] = index.lookup("Northern Vale")
    assert vale.feature == "ADM1" and vale.kind == NAME_PRIMARY
    assert 51.4 < vale.lat < 51.7 and 20.2 < vale.lon < 20.5  # between Varnholm and Brennick
    assert vale.population == 253100
    [country] = index.lookup("Quazland")
    assert country.feature == "PCLI" and country.population == 1200000
    assert index.lookup("Southland")[0].geonameid == 9100002
    assert index.lookup("sorland")[0].geonameid == 9100002  # accents do not matter


def test_zipped_dump_imports_the_same(zipped, dump_files, tmp_path):
    plain = Index(_built(dump_files, tmp_path, "plain.sqlite"))
    packed = Index(_built(zipped, tmp_path, "zipped.sqlite"))
    assert plain.size == packed.size


def test_bad_files_fail_with_one_clear_line(tmp_path, dump_files):
    not_geonames = tmp_path / "places.csv"
    not_geonames.write_text("a,b\n")
    with pytest.raises(ImportFailed, match="not a GeoNames dump file"):
        import_files([not_geonames], tmp_path / "x.sqlite")
    broken = tmp_path / "cities500.txt"
    broken.write_text("1\tonly\tthree\n")
    with pytest.raises(ImportFailed, match="columns"):
        import_files([broken], tmp_path / "x.sqlite")
    with pytest.raises(ImportFailed, match="no main GeoNames file"):
        import_files(dump_files[1:], tmp_path / "x.sqlite")
    assert not list(tmp_path.glob("*.sqlite")) and not list(tmp_path.glob(".*.part"))

    result = runner.invoke(app, ["gazetteer", "import", str(tmp_path / "missing.txt")])
    assert result.exit_code != 0


def test_cli_import_then_resolution_uses_it(dump_files, tmp_path, monkeypatch, use_index, extract):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("EVENTWIRE_GAZETTEER", raising=False)
    result = runner.invoke(app, ["gazetteer", "import", *map(str, dump_files)])
    assert result.exit_code == 0, result.output
    imported = tmp_path / "cache" / "gazetteer-geonames-v2.sqlite"
    assert imported.exists()
    result = runner.invoke(app, ["info"])
    assert "GeoNames dump" in result.output

    use_index(imported)
    record = extract("Storms flooded Brennick, Northern Vale, and the road to Varnholm on Monday.")
    by_text = {p.text: p for p in record.places}
    assert by_text["Brennick"].geonameid == 9000003  # the qualifier picks Quazland's Brennick over the US one
    assert by_text["Varnholm"].geonameid == 9000001
    assert by_text["Varnholm"].country == "QZ" and by_text["Varnholm"].admin1 == "Northern Vale"
    assert by_text["Northern Vale"].feature == "ADM1"


def test_state_qualifier_picks_the_us_town(dump_files, tmp_path, use_index, extract):
    use_index(_built(dump_files, tmp_path))
    record = extract("A tornado struck Brennick, Texas, late on Friday.")
    [town] = [p for p in record.places if p.text == "Brennick"]
    assert town.geonameid == 9000004 and town.admin1 == "Texas"


def _built(files, tmp_path, name="index.sqlite"):
    out = tmp_path / name
    import_files(files, out)
    return out
