"""How the press writes a place that its gazetteer spells otherwise: transliteration variants,
the place a text calls a town beside the district of its name, and a qualifier written in
another language than the index's names of its division."""

from __future__ import annotations

from sitrep.places.names import loose_key


def test_loose_key_joins_transliterations_and_keeps_vowel_places() -> None:
    same = [("Deir Hafer", "Dayr Hafir"), ("Khan Sheikhoun", "Khan Shaykhun"), ("Shalhumiyeh", "Shalhūmīyah"),
            ("al-Qafhiyeh", "Qafḩīyah"), ("Salqin", "Salqeen"), ("Jisr al-Shughour", "Jisr ash Shughur"),
            ("Ma'arrat Misrin", "Maarat Misreen")]
    for a, b in same:
        assert loose_key(a) == loose_key(b), (a, b)
    # unlike the consonant skeleton, vowels written where the other has none stay apart
    assert loose_key("Suwayda") != loose_key("Saida")
    assert loose_key("Homs") != loose_key("Hama")


def test_a_village_respelt_in_its_country_story(tops) -> None:
    found = tops("Syrian government forces shelled Rufayliyeh in Syria on Monday, killing two farmers.")
    village = [t for t in found if t.span.text == "Rufayliyeh"]
    assert village and village[0].candidate is not None
    assert village[0].candidate.country_code == "SY" and village[0].candidate.name == "Rufaylīyah"


def test_a_respelling_needs_the_story_s_country(res) -> None:
    # the story's country only, and none where the names are spelt as their country spells them
    assert res.gazetteer.spelt_loosely_in("Rufayliyeh", "SY")
    assert not res.gazetteer.spelt_loosely_in("Rufayliyeh", "LB")
    assert not res.gazetteer.spelt_loosely_in("Springfeeld", "US")


def test_a_town_called_so_is_not_the_district_of_its_name(extract, res) -> None:
    events = extract("On Monday, traders held a protest in Joypurhat town (Joypurhat, Rajshahi) over power cuts.")
    loc = next(e.location for e in events if e.location is not None)
    town = next(c for c in res.gazetteer.candidates("Joypurhat") if c.feature == "city")
    assert (loc.latitude, loc.longitude) == (town.latitude, town.longitude) and loc.precision == 1


def test_a_qualifier_of_another_country_does_not_lose_a_city(tops) -> None:
    # "Sud-Ouest" is the index's name of a division of Burkina Faso; Cameroon's it knows in English
    found = tops("Soldiers shot dead a man at a checkpoint in Kumba town (Meme, Sud-Ouest) on Friday.")
    kumba = [t for t in found if t.span.text == "Kumba"]
    assert kumba and kumba[0].candidate is not None and kumba[0].candidate.country_code == "CM"


def test_a_division_by_its_name_in_the_country_s_own_language(res) -> None:
    gaz = res.gazetteer
    far_north = [c for c in gaz.candidates("Extrême-Nord") if c.feature == "admin1"]
    assert far_north and far_north[0].country_code == "CM"
    # the same words name another country's division: both are offered, the qualified place decides
    assert {c.country_code for c in gaz.candidates("Sud-Ouest") if c.feature == "admin1"} >= {"CM", "BF"}
    # a name a town bears stays the town's, whatever GeoNames lists among its province's names
    assert not [c for c in gaz.candidates("Mogilev") if c.feature == "admin1"]


def test_a_road_named_after_a_town_places_an_event_that_names_no_other(extract, tops) -> None:
    text = "On Tuesday, demonstrators angry at the currency's fall blocked the Batroun highway with burning tyres."
    found = [t for t in tops(text) if t.span.text == "Batroun"]
    assert found and found[0].candidate is not None and found[0].candidate.country_code == "LB"
    loc = next(e.location for e in extract(text) if e.location is not None)
    assert loc.name == "Batroun" and loc.precision <= 2
