"""Places written with the places that hold them (qualifiers.py), districts (divisions.py) and
places inside places (local.py), end to end: real model, real index, sentences written here
in the style of wire copy and of ACLED's notes.
"""

from __future__ import annotations

from sitrep.places.divisions import division_keys, is_district, load_divisions
from sitrep.places.resolve import Toponym


def place(events, i: int = 0) -> tuple[str | None, str | None]:
    loc = events[i].location
    return (loc.name, loc.country_code) if loc else (None, None)


def country(found: list[Toponym], text: str) -> str | None:
    hits = [t for t in found if t.span.text == text and t.candidate is not None]
    assert hits, [(t.span.text, t.candidate) for t in found]
    return hits[0].candidate.country_code


# ------------------------------------------------------------------ qualifiers choose the sense
def test_a_bracketed_province_chooses_the_town(tops) -> None:
    found = tops("Gunmen fired on a market in Hays (Hays, Al Hudaydah) on Tuesday, residents said.")
    assert {country(found, "Hays"), country(found, "Al Hudaydah")} == {"YE"}  # not Hays, Kansas


def test_a_town_written_after_a_village_places_it_in_its_province(tops) -> None:
    found = tops("Two houses were hit by shelling in Oleksandrivka, Donetsk, late on Monday.")
    village = next(t for t in found if t.span.text == "Oleksandrivka")
    assert village.candidate.country_code == "UA" and "Donetsk" in village.candidate.admin1


def km_between(found: list[Toponym], a: str, b: str) -> float:
    from sitrep.places.disambiguate import haversine_km

    x, y = (next(t.place for t in found if t.span.text == n and t.candidate is not None) for n in (a, b))
    return haversine_km((x.latitude, x.longitude), (y.latitude, y.longitude))


def test_of_a_provinces_namesake_villages_the_one_by_its_qualifier(tops) -> None:
    # Donetsk oblast has half a dozen villages called Hryhorivka: the one near the town written beside it
    found = tops("Shells fell on Hryhorivka (Selydove, Donetsk oblast) on Sunday.")
    assert km_between(found, "Hryhorivka", "Selydove") < 15
    found = tops("Fighting went on in Hryhorivka, near Siversk, on Sunday.")
    assert km_between(found, "Hryhorivka", "Siversk") < 15


def test_a_commune_in_brackets_is_placed_by_its_province(tops) -> None:
    found = tops("Youths clashed with the police in Muyange commune (Gitega) on Monday.")
    village = next(t for t in found if t.span.text == "Muyange")
    assert village.candidate is not None and village.candidate.admin1 == "Gitega"


def test_the_qualifier_is_in_its_place_s_country(tops) -> None:
    found = tops("In La Ceiba, Atlantida, hundreds of vendors marched to the town hall.")
    assert country(found, "La Ceiba") == "HN" and country(found, "Atlantida") == "HN"  # not Uruguay's town


def test_a_world_city_is_not_qualified_by_another(tops) -> None:
    found = tops("Besides Paris, Berlin is the busiest hub of the airline.")
    assert country(found, "Paris") == "FR"


def test_a_us_state_abbreviation_only_after_a_town_it_has(tops) -> None:
    found = tops("Weavers protested in Salem city (Salem, TN) over unpaid relief.")
    assert country(found, "Salem") == "IN"  # Tamil Nadu's Salem: Tennessee has none


# ------------------------------------------------------------------ the event's place
def test_the_event_is_at_the_town_not_its_division(extract) -> None:
    evs = extract("Hundreds of residents of Al Bab in Aleppo marched on Friday against the shelling.", "2020-03-29")
    assert place(evs)[1] == "SY" and place(evs)[0] in ("Al Bāb", "Al Bab")


def test_a_town_and_its_state_make_one_event(extract) -> None:
    evs = extract("On Tuesday, in Salamanca, Guanajuato, street vendors demonstrated on a highway "
                  "to demand help.", "2020-03-19")
    coded = [e for e in evs if e.event_type is not None]
    assert [(e.location.name, e.location.country_code) for e in coded] == [("Salamanca", "MX")]


def test_a_district_named_as_such(extract) -> None:
    evs = extract("An Afghan air force strike killed eight insurgents in Maywand district, Kandahar, "
                  "officials said on Sunday.", "2020-03-22")
    loc = evs[0].location
    assert loc.country_code == "AF" and loc.name == "Maywand" and loc.precision == 2


def test_a_named_group_tells_the_country(extract) -> None:
    evs = extract("Pro-Houthi gunmen shelled farms in the Wadi Saba area (Qaatabah, Ad Dali) on Monday.",
                  "2020-03-21")
    assert place(evs)[1] == "YE"  # not Dali, China


def test_a_currency_is_not_where_a_riot_was(extract) -> None:
    evs = extract("Rioters angry at the soaring US dollar rate blocked the main road of Bar Elias "
                  "with burning tyres on 17 March 2020.", "2020-03-19")
    assert all(e.location is None or e.location.country_code != "US" for e in evs)


def test_a_road_named_after_a_town_is_not_that_town(extract) -> None:
    evs = extract("Traders staged a sit-in on Mastung road in Quetta city (Quetta, Balochistan) on "
                  "Monday.", "2020-03-27")
    assert place(evs)[0] == "Quetta"


# ------------------------------------------------------------------ places inside places
def test_a_neighbourhood_stays_in_its_town(extract) -> None:
    evs = extract("In Culiacan, Sinaloa, gunmen killed two men in Colonia Centro on Saturday.", "2020-03-28")
    assert place(evs)[1] == "MX" and place(evs)[0].startswith("Culiac")


def test_a_small_namesake_abroad_is_a_local_place(tops) -> None:
    found = tops("Nurses held a vigil in Armas square in Huaraz, Ancash, on Monday.")
    armas = [t for t in found if t.span.text.startswith("Armas")]
    assert all(t.candidate is None or t.candidate.country_code == "PE" for t in armas)


# ------------------------------------------------------------------ the data behind districts
def test_division_names_lose_their_type_words() -> None:
    assert division_keys("Cortés Department")[-1] == "Cortés"
    assert division_keys("Municipio Libertador")[-1] == "Libertador"
    assert division_keys("Province of Samar")[-1] == "Samar"
    assert division_keys("Kandahār") == ["Kandahār"]


def test_districts_come_from_the_shipped_data(res) -> None:
    assert load_divisions().of(2351541) == ("Ogun State", "Egbado North")  # a town of that LGA
    found = [c for c in res.gazetteer.candidates("Egbado North") if is_district(c)]
    assert found and found[0].country_code == "NG" and found[0].feature == "county"


def test_a_bracketed_district_places_a_border_exchange(extract) -> None:
    evs = extract("Indian and Pakistani troops exchanged fire across the Line of Control in the Keran sector "
                  "(Kupwara district, J&K) on Wednesday.", "2020-03-25")
    loc = next(e for e in evs if e.event_type is not None).location
    assert loc.country_code == "IN" and loc.precision == 2  # the district, not the country


def test_a_based_modifier_is_never_the_event_place(extract) -> None:
    evs = extract("Rebels attacked army posts near Hama on Monday.\n"
                  "Dozens of fighters on both sides were killed in the clashes, a Britain-based monitor said.",
                  "2024-12-03")
    assert evs and all(e.location is None or e.location.country_code != "GB" for e in evs)
    assert all(e.actor2 is None or e.actor1 is None or e.actor2.name != e.actor1.name for e in evs)


def test_a_bracketed_town_is_placed_by_the_division_after_it(tops):
    # "(Rafah, North Sinai)": the Egyptian Rafah, not the larger Gaza town of the name
    found = {t.span.text: t.candidate for t in tops(
        "On Monday, a roadside bomb hit an army patrol in Rafah (Rafah, North Sinai).") if t.candidate}
    assert found["Rafah"].country_code == "EG"
    # "(Poonch district, J&K)": India's Poonch, though only Pakistan's is listed as a district
    found = {t.span.text: t.candidate for t in tops(
        "On Monday, troops traded shots near the LoC in Krishna Ghati sector (Poonch district, J&K).") if t.candidate}
    assert found["Poonch"].country_code == "IN"


def test_a_name_cut_at_its_hyphen_runs_on_over_it(res) -> None:
    from sitrep.places.candidates import _hyphenated
    from sitrep.places.spans import Hit

    doc = res.nlp("Two farmers were abducted near Kitutu (Mwenga, Sud-Kivu) on Monday.")
    sud = next(t.i for t in doc if t.text == "Sud")
    hit = _hyphenated(doc, Hit(doc[sud:sud + 1], "GPE", True), res.gazetteer)
    assert hit.span.text == "Sud-Kivu"  # the Congolese province, not Haiti's Sud department
    lone = res.nlp("They met in Sud - Kivu.")  # spaced out: two words, not one name
    s = next(t.i for t in lone if t.text == "Sud")
    assert _hyphenated(lone, Hit(lone[s:s + 1], "GPE", True), res.gazetteer).span.text == "Sud"


def test_a_small_town_is_not_its_namesake_in_another_state_of_the_qualifier_s_country(extract) -> None:
    # the only Wadgaon the gazetteer knows lies in Maharashtra: written beside Lucknow, it is a
    # place the gazetteer lacks, placed at Lucknow; beside Pune, it is that town
    assert place(extract("Two men were shot in Wadgaon, Lucknow on Monday.")) == ("Lucknow", "IN")
    assert place(extract("Two men were shot in Wadgaon, Pune on Monday.")) == ("Wadgaon", "IN")


def test_a_colonia_is_part_of_the_story_s_town(tops) -> None:
    found = tops("In Culiacan, Sinaloa, gunmen killed a man in Colonia Las Quintas on Monday.")
    part = next(t for t in found if t.span.text.startswith("Colonia"))
    assert part.candidate is not None and part.candidate.country_code == "MX"  # not Colonia, Uruguay


def test_a_small_namesake_far_from_the_sentence_s_one_area_is_a_place_the_gazetteer_lacks(extract, tops) -> None:
    # every other place of the sentence lies in Amreli district, Gujarat: no Gopalpur a thousand
    # km off, but the village by Amreli
    for village in ("Gopalpur",):
        events = extract(f"Police clashed with villagers in {village} village near Amreli town (Amreli, Gujarat) "
                         "on Monday.", published="2020-05-05")
        assert place(events) == ("Amreli", "IN")
    # two places say no more of one than of the other: Llandudno keeps its sense
    found = tops("Born in Llandudno, he moved to London in 1990.")
    assert country(found, "Llandudno") == "GB"
