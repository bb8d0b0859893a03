"""The export writers: JSONL round-trips, CSV carries ACLED's columns, GeoJSON is [lon, lat]."""

from __future__ import annotations

import csv
import io
import json

import pytest

from sitrep.export import (
    ACLED_COLUMNS,
    CSV_COLUMNS,
    SITREP_COLUMNS,
    write_csv,
    write_geojson,
    write_jsonl,
)
from sitrep.export.csv import interaction
from sitrep.models import Actor, Event, Location

RUSSIA = Actor(
    name="Military Forces of Russia", id="rus-mil", kind="External/Other forces", country="RUS"
)
SYRIA = Actor(name="Military Forces of Syria", id="syr-mil", kind="State forces", country="SYR")
HTS = Actor(name="Hayat Tahrir al-Sham", id="hts", kind="Rebel group", country="SYR")
TURKEY = Actor(
    name="Government of Turkey", id="tur-gov", kind="External/Other forces", country="TUR"
)
CIVILIANS = Actor(name="Civilians (Syria)", id=None, kind="Civilians", country="SYR")

IDLIB = Location(
    name="Idlib", geonameid=169388, latitude=35.9306, longitude=36.6339,
    admin1="Idlib", country="Syria", country_code="SY", precision=1,
)  # fmt: skip
HAMA = Location(
    name="Hama", geonameid=170017, latitude=35.1318, longitude=36.7578,
    admin1="Hama", country="Syria", country_code="SY", precision=1,
)  # fmt: skip
UNLOCATED = Location(
    name="northern Syria", geonameid=None, latitude=None, longitude=None,
    admin1=None, country="Syria", country_code="SY", precision=3,
)  # fmt: skip

AIRSTRIKE = Event(
    id="ev-airstrike",
    article_id="a1",
    event_date="2024-12-02",
    date_precision="day",
    event_type="Explosions/Remote violence",
    sub_event_type="Air/drone strike",
    plover="ASSAULT",
    actor1=RUSSIA,
    actor2=CIVILIANS,
    location=IDLIB,
    fatalities=11,
    modality="reported",
    text="Russian warplanes struck a market in Idlib, killing 11 people, the White Helmets said.",
    span=(120, 207),
    notes="On 2 December 2024, Russian warplanes struck a market in Idlib, killing 11 civilians.",
    assoc_actors=(SYRIA,),
    attribution=("White Helmets", "Syrian Observatory for Human Rights"),
)
TAKEOVER = Event(
    id="ev-takeover",
    article_id="a1",
    event_date="2024-12-05",
    date_precision="week",
    event_type="Battles",
    sub_event_type="Non-state actor overtakes territory",
    plover="ASSAULT",
    actor1=HTS,
    actor2=None,
    location=HAMA,
    fatalities=None,
    modality="asserted",
    text="HTS fighters took control of the city of Hama on Thursday.",
    span=(0, 58),
    notes="On 5 December 2024, HTS took control of Hama.",
)
VERBAL = Event(
    id="ev-verbal",
    article_id="a1",
    event_date="2024-12-06",
    date_precision="month",
    event_type=None,
    sub_event_type=None,
    plover="SUPPORT",
    actor1=TURKEY,
    actor2=HTS,
    location=UNLOCATED,
    fatalities=None,
    modality="asserted",
    text="Erdoğan said he hoped the “march” would continue.",
    span=(300, 349),
    notes="",
)
EVENTS = [AIRSTRIKE, TAKEOVER, VERBAL]


def _csv_rows(events: list[Event]) -> tuple[str, list[dict[str, str]]]:
    buf = io.StringIO(newline="")
    assert write_csv(events, buf) == len(events)
    text = buf.getvalue()
    return text, list(csv.DictReader(io.StringIO(text, newline="")))


# --- JSONL ------------------------------------------------------------------------


def test_jsonl_round_trips_through_event_from_dict() -> None:
    buf = io.StringIO()
    assert write_jsonl(EVENTS, buf) == 3
    lines = buf.getvalue().splitlines()
    assert len(lines) == 3
    back = [Event.from_dict(json.loads(line)) for line in lines]
    assert back == EVENTS


def test_jsonl_writes_contract_objects_unescaped() -> None:
    buf = io.StringIO()
    write_jsonl([VERBAL], buf)
    line = buf.getvalue()
    assert line.endswith("\n") and line.count("\n") == 1
    assert "Erdoğan" in line and "“march”" in line  # ensure_ascii=False
    obj = json.loads(line)
    assert list(obj) == list(VERBAL.to_dict())
    assert obj["event_type"] is None and obj["plover"] == "SUPPORT"
    assert obj["span"] == [300, 349]


def test_jsonl_empty_input_writes_nothing() -> None:
    buf = io.StringIO()
    assert write_jsonl([], buf) == 0
    assert buf.getvalue() == ""


# --- CSV --------------------------------------------------------------------------


def test_csv_header_is_acled_columns_in_order_then_sitrep_columns() -> None:
    text, _ = _csv_rows([])
    header = text.splitlines()[0]
    assert header == (
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
        "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,"
        "interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,"
        "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,"
        "timestamp,plover,modality,attribution,article_id,span_start,span_end,text"
    )
    assert CSV_COLUMNS == ACLED_COLUMNS + SITREP_COLUMNS
    assert len(ACLED_COLUMNS) == 31 and len(SITREP_COLUMNS) == 7


def test_csv_reads_back_with_dictreader() -> None:
    _, rows = _csv_rows(EVENTS)
    assert [r["event_id_cnty"] for r in rows] == ["ev-airstrike", "ev-takeover", "ev-verbal"]
    assert all(list(r) == list(CSV_COLUMNS) for r in rows)


def test_csv_airstrike_row_values() -> None:
    _, rows = _csv_rows([AIRSTRIKE])
    r = rows[0]
    assert r["event_date"] == "2024-12-02"
    assert r["year"] == "2024"
    assert r["time_precision"] == "1"
    assert r["disorder_type"] == "Political violence"
    assert r["event_type"] == "Explosions/Remote violence"
    assert r["sub_event_type"] == "Air/drone strike"
    assert r["actor1"] == "Military Forces of Russia"
    assert r["assoc_actor_1"] == "Military Forces of Syria"
    assert r["inter1"] == "8"
    assert r["actor2"] == "Civilians (Syria)"
    assert r["assoc_actor_2"] == ""
    assert r["inter2"] == "7"
    assert r["interaction"] == "78"
    assert r["civilian_targeting"] == "Civilian targeting"
    assert r["iso"] == "760"
    assert r["region"] == ""
    assert r["country"] == "Syria"
    assert r["admin1"] == "Idlib"
    assert r["admin2"] == r["admin3"] == ""
    assert r["location"] == "Idlib"
    assert float(r["latitude"]) == pytest.approx(35.9306)
    assert float(r["longitude"]) == pytest.approx(36.6339)
    assert r["geo_precision"] == "1"
    assert r["source"] == "White Helmets; Syrian Observatory for Human Rights"
    assert r["source_scale"] == ""
    assert r["notes"] == AIRSTRIKE.notes
    assert r["fatalities"] == "11"
    assert r["tags"] == r["timestamp"] == ""
    assert r["plover"] == "ASSAULT"
    assert r["modality"] == "reported"
    assert r["attribution"] == "White Helmets; Syrian Observatory for Human Rights"
    assert r["article_id"] == "a1"
    assert (r["span_start"], r["span_end"]) == ("120", "207")
    assert r["text"] == AIRSTRIKE.text


def test_csv_takeover_sole_actor_and_unknown_fatalities() -> None:
    _, rows = _csv_rows([TAKEOVER])
    r = rows[0]
    assert r["time_precision"] == "2"
    assert r["disorder_type"] == "Political violence"
    assert r["sub_event_type"] == "Non-state actor overtakes territory"
    assert r["actor1"] == "Hayat Tahrir al-Sham"
    assert r["inter1"] == "2"
    assert r["actor2"] == ""
    assert r["inter2"] == "0"  # ACLED writes 0 when there is no actor2
    assert r["interaction"] == "20"
    assert r["civilian_targeting"] == ""
    assert r["fatalities"] == ""  # None: the text gives no figure
    assert r["assoc_actor_1"] == "" and r["source"] == "" and r["attribution"] == ""


def test_csv_verbal_event_has_empty_acled_types() -> None:
    _, rows = _csv_rows([VERBAL])
    r = rows[0]
    assert r["event_type"] == r["sub_event_type"] == r["disorder_type"] == ""
    assert r["plover"] == "SUPPORT"
    assert r["time_precision"] == "3"
    assert r["inter1"] == "8" and r["inter2"] == "2" and r["interaction"] == "28"
    assert r["latitude"] == r["longitude"] == ""
    assert r["location"] == "northern Syria" and r["geo_precision"] == "3"
    assert r["iso"] == "760"
    assert r["text"] == "Erdoğan said he hoped the “march” would continue."


def test_csv_event_without_location_or_date() -> None:
    bare = Event(
        id="ev-bare", article_id="a2", event_date=None, date_precision=None,
        event_type="Protests", sub_event_type="Excessive force against protesters",
        plover="PROTEST", actor1=Actor(name="Police Forces of Syria", kind="State forces"),
        actor2=Actor(name="Protesters (Syria)", kind="Protesters"), location=None,
        fatalities=0, modality="asserted", text="x", span=(0, 1), notes="",
    )  # fmt: skip
    _, rows = _csv_rows([bare])
    r = rows[0]
    assert r["event_date"] == r["year"] == r["time_precision"] == ""
    assert r["disorder_type"] == "Political violence; Demonstrations"
    assert r["interaction"] == "16"
    assert r["iso"] == r["country"] == r["location"] == r["latitude"] == ""
    assert r["fatalities"] == "0"


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"),
    [(1, 2, 12), (2, 1, 12), (8, 7, 78), (1, 1, 11), (1, 0, 10), (2, 0, 20), (6, 0, 60),
     (3, 7, 37), (None, 2, None), (2, None, None)],
)  # fmt: skip
def test_interaction_codes(inter1: int | None, inter2: int | None, expected: int | None) -> None:
    assert interaction(inter1, inter2) == expected


def test_csv_unknown_actor_kind_leaves_inter_codes_empty() -> None:
    unknown = Actor(name="Unidentified Armed Group (Syria)", kind=None)
    ev = Event.from_dict({**TAKEOVER.to_dict(), "actor2": unknown.to_dict()})
    _, rows = _csv_rows([ev])
    r = rows[0]
    assert r["inter1"] == "2" and r["inter2"] == "" and r["interaction"] == ""


# --- GeoJSON ----------------------------------------------------------------------


def test_geojson_is_a_feature_collection_with_lon_lat_points() -> None:
    buf = io.StringIO()
    assert write_geojson(EVENTS, buf) == 3
    doc = json.loads(buf.getvalue())
    assert doc["type"] == "FeatureCollection"
    feats = doc["features"]
    assert [f["type"] for f in feats] == ["Feature"] * 3
    assert [f["id"] for f in feats] == ["ev-airstrike", "ev-takeover", "ev-verbal"]
    airstrike, takeover, verbal = feats
    assert airstrike["geometry"] == {"type": "Point", "coordinates": [36.6339, 35.9306]}
    assert takeover["geometry"]["coordinates"] == [36.7578, 35.1318]  # [lon, lat]
    assert verbal["geometry"] is None  # location without coordinates


def test_geojson_properties_are_the_event_fields() -> None:
    buf = io.StringIO()
    write_geojson(EVENTS, buf)
    feats = json.loads(buf.getvalue())["features"]
    for feat, event in zip(feats, EVENTS, strict=True):
        assert feat["properties"] == json.loads(json.dumps(event.to_dict()))
        assert Event.from_dict(feat["properties"]) == event
    assert feats[0]["properties"]["location"]["name"] == "Idlib"
    assert "Erdoğan" in buf.getvalue()


def test_geojson_empty_and_unlocated() -> None:
    buf = io.StringIO()
    assert write_geojson([], buf) == 0
    assert json.loads(buf.getvalue()) == {"type": "FeatureCollection", "features": []}
    buf = io.StringIO()
    nowhere = Event.from_dict({**TAKEOVER.to_dict(), "location": None})
    write_geojson([nowhere], buf)
    feat = json.loads(buf.getvalue())["features"][0]
    assert feat["geometry"] is None and feat["properties"]["location"] is None
