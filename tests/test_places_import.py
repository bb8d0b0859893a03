"""Tests for `sitrep gazetteer import` (sitrep.places.importer): GeoNames dumps into a real index."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sitrep.places.gazetteer import Gazetteer, build_index
from sitrep.places.importer import import_geonames, imports_path

# Invented villages in Idlib governorate (ids far above GeoNames' range), one real town
# (Saraqib, in the index from cities500, admin1 code 12 = Idlib), a mountain, a skipped feature.
ROWS = [
    [99000001, "Tell Ghazwan", "Tell Ghazwan", "Tall Ghazwan,تل غزوان", 35.912, 36.701, "P", "PPL", "SY", "", "12",
     "", "", "", 1450, "", 310, "Asia/Damascus", "2024-01-05"],
    [99000002, "Kafr Shamsin", "Kafr Shamsin", "", 35.801, 36.552, "P", "PPL", "SY", "", "12", "", "", "", 820,
     "", 402, "Asia/Damascus", "2024-01-05"],
    [99000003, "Jabal Zawran", "Jabal Zawran", "", 35.744, 36.488, "T", "MT", "SY", "", "12", "", "", "", 0,
     "", 701, "Asia/Damascus", "2024-01-05"],
    [99000004, "Bir Qutna", "Bir Qutna", "", 35.7, 36.5, "L", "AREA", "SY", "", "12", "", "", "", 0,
     "", 0, "Asia/Damascus", "2024-01-05"],
    [164816, "Saraqib", "Saraqib", "", 35.86447, 36.80591, "P", "PPL", "SY", "", "12", "", "", "", 34231,
     "", 360, "Asia/Damascus", "2024-01-05"],
]
BAD = "99000005\tAyn Barida\tAyn Barida\t\tnot-a-latitude\t36.6\tP\tPPL\tSY\t\t12\t\t\t\t300\t\t300\tAsia/Damascus\t2024-01-05"
ALTS = ["1\t99000002\ten\tKfar Shamseen\t1\t\t\t\t\t",
        "2\t99000002\tar\tكفر شمسين\t\t\t\t\t\t",
        "3\t99000002\tlink\thttps://example.org/Kafr_Shamsin\t\t\t\t\t\t"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("imp") / "places.sqlite"
    build_index(path)
    return path


@pytest.fixture
def idx(built: Path, tmp_path: Path) -> Path:
    path = tmp_path / "index" / "places.sqlite"
    path.parent.mkdir()
    shutil.copy(built, path)
    return path


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    txt = tmp_path / "SY.txt"
    lines = ["\t".join(map(str, r)) for r in ROWS]
    txt.write_text("\n".join(lines[:2] + [BAD] + lines[2:]) + "\n", encoding="utf-8")
    zp = tmp_path / "SY.zip"
    with zipfile.ZipFile(zp, "w") as z:
        z.write(txt, "SY.txt")
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text("\n".join(ALTS) + "\n", encoding="utf-8")
    return {"txt": txt, "zip": zp, "alt": alt}


def _cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitrep", "gazetteer", "import", *map(str, args)],
                          capture_output=True, text=True, timeout=300)


def test_cli_import_finds_villages_and_reports_the_bad_line(idx: Path, files: dict) -> None:
    r = _cli(files["zip"], "--index", idx)
    assert r.returncode == 1, r.stderr
    assert f"{files['zip']}:3: malformed line" in r.stderr
    assert "4 places" in r.stdout and "1 malformed" in r.stdout
    r = _cli(files["alt"], "--index", idx)
    assert r.returncode == 0, r.stderr
    with Gazetteer.open(idx) as g:
        c = g.candidates("Tell Ghazwan")[0]
        assert (c.geonameid, c.feature, c.country_code, c.admin1) == (99000001, "city", "SY", "Idlib")
        assert c.match == "exact"
        assert g.candidates("Tall Ghazwan")[0].geonameid == 99000001  # alternate name
        assert g.candidates("Tel Ghazwan")[0].geonameid == 99000001  # transliteration variant
        assert g.candidates("Kfar Shamseen")[0].geonameid == 99000002  # from alternateNames
        assert g.candidates("Jabal Zawran")[0].feature == "region"
        assert not any(c.geonameid == 99000004 for c in g.candidates("Bir Qutna"))  # L/AREA: not imported
        assert not any(c.geonameid == 99000005 for c in g.candidates("Ayn Barida"))  # malformed: skipped
        assert g.get(164816).capital is False and g.get(164816).admin1 == "Idlib"  # built row kept


def test_python_import_is_idempotent_and_survives_rebuild(idx: Path, files: dict) -> None:
    errors: list[str] = []
    st = import_geonames(files["txt"], idx, on_error=errors.append)
    assert (st["rows"], st["failed"], st["kind"]) == (4, 1, "geoname") and st["names"] > 0
    assert errors == [f"{files['txt']}:3: malformed line skipped (could not convert string to float: "
                      "'not-a-latitude')"]
    again = import_geonames(files["zip"], idx)
    assert (again["rows"], again["names"]) == (0, 0)
    assert imports_path(idx).exists()
    idx.unlink()  # as when the cache is rebuilt after sitrep's data files change
    with Gazetteer.open(idx) as g:
        assert g.candidates("Kafr Shamsin")[0].geonameid == 99000002


def test_missing_file(idx: Path, tmp_path: Path) -> None:
    r = _cli(tmp_path / "nope.zip", "--index", idx)
    assert r.returncode == 1 and "nope.zip" in r.stderr and "no such file" in r.stderr


def test_sentence_resolves_to_the_village(idx: Path, files: dict, res) -> None:
    from sitrep.extraction import extract_article
    from sitrep.ingest import read_text

    import_geonames(files["txt"], idx)
    with Gazetteer.open(idx) as g:
        mine = dataclasses.replace(res, gazetteer=g)
        out = extract_article(read_text("Syrian government forces shelled Kafr Shamsin in Idlib province on Tuesday, "
                                        "killing two civilians.", id="t", published="2024-12-06"), mine)
        mentions = [m for part in out if isinstance(part, list) for m in part if hasattr(m, "geonameid")]
        assert any(m.geonameid == 99000002 for m in mentions), mentions


def test_imported_places_of_settled_spelling_get_no_fuzzy_keys(idx: Path, tmp_path: Path) -> None:
    # an invented Texan hamlet and an invented Syrian village, each looked up by a misspelling
    # that only the consonant skeleton joins: the Syrian one is found, the Texan one is not
    rows = [[99000011, "Bramwellton", "Bramwellton", "", 31.5, -97.1, "P", "PPL", "US", "", "TX", "", "", "", 90,
             "", 150, "America/Chicago", "2024-01-05"],
            [99000012, "Tall Zahrun", "Tall Zahrun", "", 35.9, 36.6, "P", "PPL", "SY", "", "12", "", "", "", 700,
             "", 300, "Asia/Damascus", "2024-01-05"]]
    txt = tmp_path / "two.txt"
    txt.write_text("\n".join("\t".join(map(str, r)) for r in rows) + "\n", encoding="utf-8")
    assert import_geonames(txt, idx)["rows"] == 2
    with Gazetteer.open(idx) as g:
        assert g.candidates("Bramwellton")[0].geonameid == 99000011
        assert not any(c.geonameid == 99000011 for c in g.candidates("Brumwelltan", limit=25))
        assert any(c.geonameid == 99000012 for c in g.candidates("Tel Zahroun", limit=25))
