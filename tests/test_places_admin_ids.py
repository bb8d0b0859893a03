"""GeoNames ids for divisions (sitrep.places.admin_ids and the build), with the real index."""

from __future__ import annotations

import gzip
import math
from pathlib import Path

import pytest

from sitrep.places.admin_ids import load_admin_ids
from sitrep.places.gazetteer import Gazetteer, build_index


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def test_reads_divisions_and_county_points(tmp_path: Path) -> None:
    # a made-up division and two counties, in data/geonames_admin.tsv.gz's layout
    path = tmp_path / "admin.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("# a header\n"
                 "1\tXX.07\t111\tXX-NS\t\t\t\n"
                 "2\tXX.07.031\t222\t\tLake County|Lake\t11.0\t21.0\n"
                 "2\tXX.07.032\t333\t\tHill\t\t\n")
    ids = load_admin_ids(path)
    assert ids.by_iso == {"XX-NS": 111}
    assert ids.iso_of_group == {("XX", "07"): "XX-NS"}
    assert ids.by_code["XX.07.031"] == 222
    assert ids.admin2_by_name[("XX", "lake county")] == [222] and ids.admin2_by_name[("XX", "lake")] == [222]
    assert ids.admin2_points == {222: (11.0, 21.0)}  # only where the file gives a point


@pytest.fixture(scope="module")
def g(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = tmp_path_factory.mktemp("admin_ids") / "places.sqlite"
    build_index(path)
    gaz = Gazetteer.open(path)
    yield gaz
    gaz.close()


def test_divisions_carry_their_geonames_ids(g: Gazetteer) -> None:
    def first(name: str, feature: str):
        return next(c for c in g.candidates(name) if c.feature == feature)

    assert first("Idlib", "admin1").geonameid == 169387  # a governorate, not only US states
    assert first("Eastern Cape", "admin1").geonameid == 1085593
    assert first("Ontario", "admin1").geonameid == 6093943
    assert first("Kent", "county").geonameid == 3333158  # an English county from regions.tsv
    assert first("Texas", "admin1").geonameid == 4736286


def test_us_counties_carry_ids_and_lie_at_their_towns(g: Gazetteer) -> None:
    morris = next(c for c in g.candidates("Morris County") if c.admin1 == "New Jersey")
    assert morris.geonameid == 5101405
    assert km(morris.latitude, morris.longitude, 40.86, -74.55) < 25  # not the state's centre
    horry = g.candidates("Horry County")[0]
    assert horry.geonameid == 4582287 and km(horry.latitude, horry.longitude, 33.9, -79.0) < 40
