"""The village layer: shipped with sitrep, in the index built on first use, and chosen only
where the text supports it; and how a chosen place is written in the output."""

from __future__ import annotations

import gzip

from sitrep.places.build import village_files
from sitrep.places.disambiguate import village_supported
from sitrep.places.public import ascii_name, place_ids, press_spellings


def test_layer_files_are_small_credited_and_well_formed() -> None:
    files = village_files()
    assert len(files) >= 50
    for path in files:
        assert path.stat().st_size < 2_000_000, path
    with gzip.open(files[0], "rt", encoding="utf-8") as fh:
        head = [next(fh) for _ in range(6)]
    assert any("GeoNames" in h and "CC BY" in h for h in head)
    row = head[-1].rstrip("\n").split("\t")
    assert len(row) == 10 and int(row[0]) > 0 and row[5][:2] in ("P.", "A.")


def test_index_holds_villages_apart_from_towns(res) -> None:
    gaz = res.gazetteer
    towns = gaz.candidates("Kafr Zita")
    with_layer = gaz.candidates("Kafr Zita", villages=True)
    assert all(not c.village for c in towns)
    assert any(c.village or c.country_code == "SY" for c in with_layer)
    # the default lookup never returns a village
    assert all(not c.village for c in gaz.candidates("Balad"))
    somali = [c for c in gaz.candidates("Balad", villages=True) if c.village and c.country_code == "SO"]
    assert somali, "the Somali villages called Balad are in the layer"


def test_a_village_needs_support_in_the_text(res) -> None:
    village = next(c for c in res.gazetteer.candidates("Balad", villages=True) if c.village and c.country_code == "SO")
    assert not village_supported(village, "IQ", (("IQ", 1.0),))
    assert village_supported(village, "SO", (("SO", 1.0),))
    assert village_supported(village, None, (), frozenset({("SO", None)}))
    assert not village_supported(village, "SO", (("SO", 1.0),), frozenset({("SO", "Nowhere")}))


def test_a_village_is_resolved_in_its_country_story(tops) -> None:
    found = tops("Somali troops and al-Shabaab fighters clashed in Balad district near Jowhar, "
                 "in Somalia's Middle Shabelle region, officials in Mogadishu said.")
    balad = [t for t in found if t.span.text == "Balad"]
    assert balad and balad[0].candidate is not None and balad[0].candidate.country_code == "SO"


def test_ids_and_names_for_the_output() -> None:
    assert place_ids(170017) == (170017, None)
    assert place_ids(-260) == (None, "sitrep:260")
    assert ascii_name("As Suwaydā'") == "As Suwayda"
    assert ascii_name("Ḩamāh") == "Hamah"
    spelt = press_spellings([("HAMA", "exact", "Ḩamāh"), ("Hama", "folded", "Ḩamāh"),
                             ("Saladin province", "alias", "Şalāḩ ad Dīn"), ("near Idlib", "context", "Idlib")])
    assert spelt == {"Ḩamāh": "Hama", "Şalāḩ ad Dīn": "Saladin"}


def test_event_location_carries_press_and_geonames_names(extract) -> None:
    events = extract("Syrian government forces shelled Hama on Tuesday, killing two civilians.")
    loc = next(e.location for e in events if e.location is not None)
    assert loc.name == "Hama" and loc.geonames_name == "Ḩamāh" and loc.geonameid == 170017
    assert loc.admin1 == "Hama"


def test_no_negative_geonameid_in_toponyms(tops) -> None:
    for t in tops("Israeli jets struck targets in the Golan Heights and near Quneitra."):
        m = t.mention("a")
        assert m.geonameid is None or m.geonameid > 0
        if t.candidate is not None and t.candidate.geonameid < 0:
            assert m.place_id is not None


def test_division_names_as_the_press_writes_them(res) -> None:
    from sitrep.places.public import division_name
    gaz = res.gazetteer
    assert division_name("Ḩalab", "SY", gaz.candidates("Ḩalab", limit=20)) == "Aleppo"
    assert division_name("‘Adan", "YE", gaz.candidates("‘Adan", limit=20)) == "Aden"
    # a division of a Latin-script country keeps its own name, whatever town once bore it
    assert division_name("Bahia", "BR", gaz.candidates("Bahia", limit=20)) == "Bahia"
    # a division that is no capital's namesake: its name without the transliteration's marks
    assert division_name("Şalāḩ ad Dīn", "IQ", gaz.candidates("Şalāḩ ad Dīn", limit=20)) == "Salah ad Din"


def test_press_spelling_keeps_the_texts_apostrophes_and_fuzzy_respellings() -> None:
    spelt = press_spellings([("Dar'a", "folded", "Dar‘ā"), ("Ain Issa", "skeleton", "‘Ayn ‘Īsá"),
                             ("Tal Rifaat", "skeleton", "Somewhere Else")])
    assert spelt == {"Dar‘ā": "Dar'a", "‘Ayn ‘Īsá": "Ain Issa"}


def test_a_front_lines_monitor_places_a_bare_village_on_that_front(extract) -> None:
    # the monitor named says which front the report is about: the Pervomaiske of Donetsk
    # oblast, not the larger one in Crimea that the name alone would mean
    on_front = extract("The OSCE SMM recorded six explosions near Pervomaiske on Tuesday.", published="2020-05-05")
    assert on_front and on_front[0].location is not None
    assert on_front[0].location.admin1 in ("Donetsk", "Luhansk", "Donetska oblast", "Luhanska oblast")
    # the front's armed group says so too
    by_group = extract("Separatist forces of the NAF fired mortars near Orlivka.", published="2020-05-05")
    assert by_group and by_group[0].location is not None
    assert by_group[0].location.admin1 in ("Donetsk", "Luhansk", "Donetska oblast", "Luhanska oblast")


def test_a_front_is_no_evidence_once_it_no_longer_stands(res) -> None:
    from sitrep.actors.conventions import theatre

    assert theatre("The OSCE SMM recorded shots near Orlivka.", set(), "2020-05-05") == ["UA-14", "UA-09"]
    assert theatre("Separatists fired near Orlivka.", {"naf"}, "2019-01-01") == ["UA-14", "UA-09"]
    assert theatre("The OSCE SMM recorded shots near Orlivka.", set(), "2023-05-05") == []
    assert theatre("Police arrested two men in Orlivka.", set(), "2020-05-05") == []


def test_a_village_on_the_front_may_be_spelt_the_other_language_s_way(res) -> None:
    # the layer may hold a village under its Russian form: a Ukrainian spelling finds it in a division
    gaz = res.gazetteer
    front = [("UA", "Donetska oblast")]
    found = gaz.spelt_like_in("Hrozne", front)  # Ukrainian h for Russian g
    assert "Groznyy" in [c.name for c in found] and all(c.admin1 == "Donetska oblast" for c in found)
    assert not gaz.spelt_like_in("Kyiv", front)


def test_of_a_villages_namesakes_on_a_front_the_one_by_the_line(extract) -> None:
    from sitrep.actors.conventions import front_course
    from sitrep.places.disambiguate import along, haversine_km

    line = along(front_course("the OSCE SMM", set(), "2020-05-05"))
    assert len(line) > 50  # a point every few km
    # Donetsk oblast has three villages called Pervomayka: the monitors observe fire by the line
    events = extract("The OSCE SMM recorded four explosions near Pervomayka on Tuesday.", published="2020-05-05")
    loc = events[0].location
    assert loc is not None and min(haversine_km((loc.latitude, loc.longitude), p) for p in line) < 20
