"""The Python API: `sitrep.extract`, `sitrep.toponyms`, `sitrep.to_dataframe`, and a cheap import.

Real model, real gazetteer; the texts are invented.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import sitrep

# Bound at import, before any call: the attribute-access form `extract(...)` is
# tested on its own in test_package_functions_stay_callable.
from sitrep import extract, to_dataframe, toponyms

EVENT_KEYS = [
    "id", "article_id", "event_date", "date_precision", "event_type", "sub_event_type",
    "plover", "actor1", "actor2", "assoc_actors", "location", "fatalities", "modality",
    "attribution", "text", "span", "notes", "confidence",
]  # fmt: skip
ACLED_CSV_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip
SITREP_CSV_COLUMNS = ["plover", "modality", "attribution", "article_id", "span_start",
                      "span_end", "text"]  # fmt: skip
PLACE_KEYS = {"article_id", "start", "end", "text", "name", "geonameid", "latitude",
              "longitude", "feature", "country_code", "admin1", "role"}  # fmt: skip

SYRIA = (
    "Rebel fighters seized the town of Saraqib in Idlib province on Tuesday after heavy "
    "clashes with government troops, a monitoring group said.\n"
    "Russian warplanes struck several villages south of Aleppo on Wednesday, killing at "
    "least seven civilians, according to rescuers.\n"
)
UKRAINE_BODY = (
    "Ukrainian forces shelled Russian positions near Kupiansk on Sunday, the general staff said.\n"
    "Moscow said its air defences downed twenty Ukrainian drones over Belgorod overnight.\n"
)
UKRAINE = "id: ukr-kupiansk-07\npublished: 2024-11-10\noutlet: Dnipro Desk\n---\n" + UKRAINE_BODY


@pytest.fixture(scope="module")
def syria_events():
    return extract(SYRIA, published="2024-12-04")


def test_extract_returns_events_with_contract_fields(syria_events):
    assert syria_events
    for ev in syria_events:
        assert isinstance(ev, sitrep.Event)
        d = ev.to_dict()
        assert list(d) == EVENT_KEYS
        assert json.loads(json.dumps(d)) == d  # plain JSON values
        assert d["article_id"] == "text"  # the default id
        assert SYRIA[ev.span[0] : ev.span[1]] == ev.text
        assert sitrep.Event.from_dict(d) == ev  # round trip
    takeover = next(ev for ev in syria_events if "Saraqib" in ev.text and ev.event_type == "Battles")
    assert takeover.event_date == "2024-12-03"  # Tuesday before Wednesday 4 December
    assert isinstance(takeover.location, sitrep.Location)
    assert takeover.location.name == "Saraqib" and takeover.location.country_code == "SY"
    assert isinstance(takeover.actor1, sitrep.Actor)
    strike = next(ev for ev in syria_events if "warplanes" in ev.text)
    assert (strike.event_type, strike.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert strike.fatalities == 7


def test_extract_ids_are_stable(syria_events):
    again = extract(SYRIA, published="2024-12-04")
    assert [e.id for e in again] == [e.id for e in syria_events]
    assert again == syria_events


def test_extract_honours_header_block():
    # the header's id and published beat the arguments, which are only defaults
    events = extract(UKRAINE, published="2023-01-01", id="ignored")
    assert events
    for ev in events:
        assert ev.article_id == "ukr-kupiansk-07"
        assert UKRAINE_BODY[ev.span[0] : ev.span[1]] == ev.text  # offsets into the body
    shelling = next(ev for ev in events if "Kupiansk" in ev.text and ev.event_type)
    assert shelling.event_date == "2024-11-10"  # "on Sunday", published Sunday 10 November
    assert shelling.sub_event_type == "Shelling/artillery/missile attack"
    assert shelling.location is not None and shelling.location.country_code == "UA"


def test_extract_id_argument_without_header():
    events = extract(SYRIA, published="2024-12-04", id="syr-9")
    assert events and {ev.article_id for ev in events} == {"syr-9"}


def test_extract_rejects_bad_input():
    with pytest.raises(sitrep.InputError):
        extract("   \n\n", published="2024-12-04")
    with pytest.raises(sitrep.InputError):
        extract(SYRIA, published="4 December 2024")


def test_toponyms():
    mentions = toponyms(UKRAINE)
    assert mentions
    for m in mentions:
        assert isinstance(m, sitrep.PlaceMention)
        d = m.to_dict()
        assert PLACE_KEYS <= set(d)
        assert m.article_id == "ukr-kupiansk-07"
        assert UKRAINE_BODY[m.start : m.end] == m.text
        assert m.role in ("location", "metonym")
    by_text = {m.text: m for m in mentions}
    assert by_text["Moscow"].role == "metonym"
    assert by_text["Belgorod"].role == "location"
    assert by_text["Belgorod"].country_code == "RU"


def test_to_dataframe(syria_events):
    pytest.importorskip("pandas")
    df = to_dataframe(syria_events)
    cols = list(df.columns)
    assert cols[: len(ACLED_CSV_COLUMNS)] == ACLED_CSV_COLUMNS
    assert cols == ACLED_CSV_COLUMNS + SITREP_CSV_COLUMNS
    assert len(df) == len(syria_events)
    assert list(df["event_id_cnty"]) == [e.id for e in syria_events]
    assert list(df["event_type"]) == [e.event_type for e in syria_events]
    assert to_dataframe([]).columns.tolist() == cols


def test_package_functions_stay_callable():
    """`sitrep.extract(...)` twice, as the package docstring shows: it must stay the function.

    Run in a fresh interpreter, so that what earlier tests imported cannot hide or cause it.
    """
    code = (
        "import sitrep\n"
        f"text = {SYRIA!r}\n"
        "first = sitrep.extract(text, published='2024-12-04')\n"
        "assert first, 'no events'\n"
        # the call imports sitrep's subpackages; that must not replace the package's functions
        "assert callable(sitrep.extract), f'after one call, sitrep.extract is {sitrep.extract!r}'\n"
        "assert callable(sitrep.toponyms), f'after one call, sitrep.toponyms is {sitrep.toponyms!r}'\n"
        "assert sitrep.extract(text, published='2024-12-04') == first\n"
        "assert sitrep.toponyms(text)\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr.strip().splitlines()[-1:]


def test_import_loads_no_spacy_model():
    code = (
        "import sys, sitrep\n"
        "heavy = [m for m in ('spacy', 'thinc', 'en_core_web_sm') if m in sys.modules]\n"
        "print(repr(heavy), callable(sitrep.extract), sitrep.__version__)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    heavy, is_callable, version = proc.stdout.split()
    assert heavy == "[]", f"importing sitrep loaded {heavy}"
    assert is_callable == "True" and version
