"""Event locations at ACLED's level (issue 13): the place named where it happened, at precision 1;
near it, part of it or between it and another, at the named place with precision 2; a district
named alone at precision 2; a province only as a last resort, at precision 3. Names as the press
writes them, and a place in the story's country before its namesake abroad.

The sentences are the tests' own, written for them."""

from __future__ import annotations

import pytest


def _where(extract, text: str):
    events = extract(text)
    located = [e.location for e in events if e.location is not None]
    assert located, f"no located event in {text!r}: {events}"
    return located[0]


@pytest.mark.parametrize(("text", "name"), [
    ("Government artillery shelled farmland 6 km east of Saraqib on Monday, killing a shepherd.", "Saraqib"),
    ("Gunmen fired on a bakery queue on the outskirts of Homs on Sunday.", "Homs"),
    ("Militants clashed with soldiers near Marib on Tuesday.", "Marib"),
    ("A roadside bomb struck a military truck on the road between Hama and Homs on Monday.", "Hama"),
    ("Regime warplanes bombed Idlib's southern countryside on Friday.", "Idlib"),
    ("Air strikes hit the suburbs of Aleppo on Thursday, killing three civilians.", "Aleppo"),
    ("Fighters attacked an army base 12 kilometres west of Kismayo on Saturday.", "Kismayo"),
])
def test_a_relative_location_is_the_named_place_at_precision_2(extract, text: str, name: str) -> None:
    loc = _where(extract, text)
    assert loc.name == name and loc.precision == 2


def test_the_named_village_is_precision_1(extract) -> None:
    loc = _where(extract, "Syrian government forces shelled Talbiseh in northern Homs on Tuesday, killing two civilians.")
    assert loc.name == "Talbiseh" and loc.precision == 1 and loc.country_code == "SY"


def test_a_district_named_alone_is_precision_2_a_province_3(extract) -> None:
    district = _where(extract, "Gunmen killed two farmers in Maywand district on Monday.")
    assert district.name == "Maywand" and district.precision == 2 and district.country_code == "AF"
    province = _where(extract, "Taliban fighters attacked a police post in Kandahar province on Monday.")
    assert province.precision == 3 and province.country_code == "AF"


def test_a_place_respelt_inside_the_division_its_qualifier_names(extract) -> None:
    # GeoNames writes the village Bughaylīyah; the qualifier places it in Deir ez-Zor
    loc = _where(extract, "Regime artillery shelled the village of Bughayliyeh in Deir ez-Zor countryside on Monday, "
                          "wounding a child.")
    assert loc.country_code == "SY" and loc.geonames_name == "Bughaylīyah" and loc.precision == 1
    assert loc.name == "Bughayliyeh"  # the press's spelling, not GeoNames'
    assert loc.admin1 == "Deir ez-Zor"  # the governorate as the article writes its capital


def test_the_story_country_beats_a_namesake_abroad(extract) -> None:
    somali = _where(extract, "Al Shabaab militants attacked an army base in Balad on Monday, Somali officials said.")
    assert somali.country_code == "SO"
    iraqi = _where(extract, "Iraqi police said gunmen killed a farmer in Balad on Monday.")
    assert iraqi.country_code == "IQ"


def test_names_as_the_press_writes_them(extract) -> None:
    homs = _where(extract, "Syrian government forces shelled Talbiseh in northern Homs on Tuesday.")
    assert homs.admin1 == "Homs"  # not GeoNames' "Ḩimş" nor its bare transliteration "Hims"
    aleppo = _where(extract, "Turkish drones struck a car in Azaz on Wednesday, killing two fighters.")
    assert aleppo.admin1 == "Aleppo"
    issa = _where(extract, "Turkish drones struck a car near Ain Issa in Raqqa on Wednesday.")
    assert issa.name == "Ain Issa" and issa.geonames_name is not None and issa.geonames_name != issa.name
    for loc in (homs, aleppo, issa):
        assert loc.name.isascii() and (loc.admin1 or "").isascii()


def test_a_name_only_one_village_bears_needs_no_other_support(extract) -> None:
    # no town is called so, and the village layer holds one Novoklynivka: the name says where
    loc = _where(extract, "Monitors recorded nine explosions near Novoklynivka on Thursday.")
    assert loc.country_code == "UA" and loc.name == "Novoklynivka" and loc.precision == 2


def test_taken_outside_the_city_is_another_event_than_the_city(extract) -> None:
    evs = extract("Militants overran Tal Afar on Monday. They also seized two villages and a police post "
                  "outside the city, officials said.", published="2014-06-17")
    taken = [(e.location.name, e.location.precision) for e in evs
             if e.sub_event_type == "Non-state actor overtakes territory" and e.location]
    assert taken == [("Tal Afar", 1), ("Tal Afar", 2)]


def test_the_capital_of_a_one_country_story_is_its_capital(extract) -> None:
    loc = _where(extract, "Sudan's army has retaken the capital's central bank building, a military "
                          "spokesman said on Friday.", )
    assert loc.name == "Khartoum"


def test_a_province_of_a_country_is_the_province(extract) -> None:
    loc = _where(extract, "Five soldiers were killed in an ambush in Mali's Mopti region on Sunday, officials said.")
    assert loc.name == "Mopti" and loc.precision == 3


def test_the_town_is_never_the_dateline_and_a_province_sets_the_scene(extract) -> None:
    text = ("BAMAKO (Reuters) - Militants attacked an army post in Mali's Segou region on Sunday, officials said.\n\n"
            "The fighters then seized the post and the town, a local official said.")
    evs = [e for e in extract(text, published="2024-03-04") if e.event_type]
    assert evs and all(e.location.name == "Segou" for e in evs), [(e.sub_event_type, e.location) for e in evs]


def test_a_capital_that_acts_is_no_place_of_the_event(extract) -> None:
    loc = _where(extract, "MOSCOW: Russia said on Saturday its forces had captured a village in Ukraine's "
                          "Donetsk region, as Moscow continues to advance in the east.", )
    assert loc.name == "Donetsk" and loc.country_code == "UA"


def test_a_dateline_is_no_place_when_the_story_names_its_towns(extract) -> None:
    text = ("BAMAKO, Mali\n\nFour soldiers were killed in attacks on army posts in central Mali Sunday, the army said.\n\n"
            "Posts in Sevare and Niono were hit by gunmen on motorbikes, the army said in a statement.")
    evs = [e for e in extract(text, published="2021-01-24") if e.event_type]
    assert evs and all(e.location.name != "Bamako" for e in evs), [(e.sub_event_type, e.location) for e in evs]


def test_a_sentence_naming_no_place_is_in_the_paragraph_s_scene(extract) -> None:
    events = extract("Last Friday, in Itaguai, Rio de Janeiro, a police patrol climbed a favela to look for "
                     "a gang's chiefs. Gunfire erupted, and one man was wounded.", published="2020-05-06")
    assert events and all(e.location is not None and e.location.name == "Itaguai" for e in events)
    # not across paragraphs: the second names no place, and its own country is all that is known
    apart = extract("Itaguai, a town in Rio de Janeiro state, is home to a large port.\n\n"
                    "Elsewhere, gunfire erupted and one man was wounded.", published="2020-05-06")
    assert [e.location.name for e in apart if e.location is not None][-1] != "Itaguai"


def test_a_town_of_the_sentence_is_where_before_the_country_its_clause_names(extract) -> None:
    events = extract("On 6 May, in Neuquen, dozens of union members gathered in a square to protest about "
                     "the lack of water in Argentina.", published="2020-05-07")
    assert events and events[0].location is not None and events[0].location.name == "Neuquen"


def test_an_event_known_only_to_its_province_is_at_the_province_s_seat(extract, res) -> None:
    from sitrep.places.disambiguate import haversine_km

    gaz = res.gazetteer
    province = next(c for c in gaz.candidates("Nuristan") if c.feature == "admin1")
    seat = gaz.seat("AF", province.admin1)
    assert seat is not None and haversine_km(seat, (province.latitude, province.longitude)) > 10
    events = extract("Police clashed with timber smugglers in Nuristan province on Monday.", published="2020-05-05")
    loc = events[0].location
    assert loc is not None and loc.precision == 3 and loc.name.startswith("Nur")
    assert haversine_km((loc.latitude, loc.longitude), seat) < 1
    assert gaz.seat("AF", None) is None


def test_words_are_placed_where_said_not_where_their_quote_points(extract) -> None:
    evs = extract("The Russian president demanded \"decisive steps to wipe out the terrorists [in Idlib]\" "
                  "on Thursday.", published="2019-02-17")
    assert [e.location.name for e in evs if e.plover == "REQUEST"] == ["Russia"]


def test_the_village_is_not_the_capital_named_in_between(extract):
    evs = extract("Militiamen began attacking Kafr Nabl in Idlib province last month, residents said.\n\n"
                  "The war began in 2011, when protests in the capital Damascus were crushed.\n\n"
                  "Residents said dozens of fighters stormed the village on Thursday, burning houses.")
    stormed = [e for e in evs if "stormed" in e.text]
    assert stormed and all(e.location is not None and e.location.name == "Kafr Nabl" for e in stormed)


def test_a_common_noun_opening_a_sentence_is_no_place_that_sounds_like_it(extract):
    evs = extract("Gunmen executed seven farmers near Djibo on Sunday, residents said.")
    assert [(e.location.name, e.location.country_code, e.fatalities) for e in evs] == [("Djibo", "BF", 7)]


def test_a_place_of_another_happening_before_or_after_is_not_where_it_happened(extract):
    evs = extract("A volunteer was killed in Syria while clearing a booby-trapped house months after the "
                  "Manchester bombing, an inquest heard on Monday.", published="2018-06-20")
    assert [e.location.country_code for e in evs] == ["SY"]
