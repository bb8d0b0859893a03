"""Toponyms in context (sitrep.places.resolve and its stages), with the real model and index.

Sentences are written here, in the style of news reports; each test names the behaviour it
pins down: which spans are places, which place, and in what role.
"""

from __future__ import annotations

import pytest

from sitrep.places.disambiguate import Context, choose
from sitrep.places.gazetteer import Candidate
from sitrep.places.resolve import Toponym, find_toponyms


def one(found: list[Toponym], text: str) -> Toponym:
    hits = [t for t in found if t.span.text == text]
    assert hits, [t.span.text for t in found]
    return hits[0]


def where(t: Toponym) -> tuple[str | None, str | None]:
    c = t.candidate
    return (c.country_code, c.feature) if c else (None, None)


# ------------------------------------------------------------------ which place
def test_tripoli_follows_the_article(tops) -> None:
    libya = tops("Clashes broke out in Tripoli on Sunday as militias fought near Misrata and Benghazi.")
    lebanon = tops("Clashes broke out in Tripoli on Sunday, the Lebanese army said, after fighting in Beirut and Sidon.")
    assert where(one(libya, "Tripoli")) == ("LY", "city")
    assert where(one(lebanon, "Tripoli")) == ("LB", "city")


def test_a_ukrainian_spelling_of_a_town(tops) -> None:
    found = tops("Russian missiles struck Sloviansk overnight, the regional governor said.")
    assert one(found, "Sloviansk").candidate.name == "Slovyansk"


def test_a_division_named_by_its_capital(tops) -> None:
    found = tops("Russian forces shelled villages in the Zaporizhzhia region and on the outskirts of Pokrovsk "
                 "in Donetsk oblast on Monday.")
    assert where(one(found, "Zaporizhzhia region")) == ("UA", "admin1")
    assert where(one(found, "Donetsk oblast")) == ("UA", "admin1")
    assert where(one(found, "Pokrovsk")) == ("UA", "city")


def test_a_list_closed_by_a_plural_division_word(tops) -> None:
    found = tops("Regime artillery hit opposition positions in Idlib, Hama and Latakia governorates.")
    assert [where(one(found, n)) for n in ("Idlib", "Hama", "Latakia")] == [("SY", "admin1")] * 3
    found = tops("Russian drones struck Kharkiv and Sumy regions overnight, the governors said.")
    assert [where(one(found, n)) for n in ("Kharkiv", "Sumy")] == [("UA", "admin1")] * 2
    assert where(one(tops("Protesters gathered in Hama city on Monday."), "Hama")) == ("SY", "city")


def test_a_river_named_like_a_town(tops) -> None:
    found = tops("Ukrainian troops crossed the Dnipro river near Krynky, while missiles hit Dnipro.")
    river, town = [t for t in found if t.span.text.startswith("Dnipro")]
    assert river.span.text == "Dnipro river" and river.candidate.feature == "river"
    assert where(town) == ("UA", "city")


def test_a_world_city_beats_its_namesake_in_a_story_about_ohio(tops) -> None:
    found = tops("The governor of Ohio visited Columbus and Cincinnati on Tuesday. He later flew to London for talks.")
    assert where(one(found, "London")) == ("GB", "city")
    assert one(found, "Columbus").candidate.admin1 == "Ohio"


def test_a_qualifier_picks_the_namesake(tops) -> None:
    found = tops("He grew up in Paris, Texas, before moving to Dallas.")
    paris = one(found, "Paris")
    assert (paris.candidate.country_code, paris.candidate.admin1) == ("US", "Texas")
    assert one(found, "Texas").role == "location"


def test_a_state_is_the_state(tops) -> None:
    found = tops("Wildfires spread across California on Monday, forcing thousands to flee.")
    assert where(one(found, "California")) == ("US", "admin1")
    assert one(found, "California").precision == 3


def test_the_ocean_and_the_region(tops) -> None:
    found = tops("A storm formed in the Atlantic on Friday and is heading towards the Caribbean.")
    assert one(found, "Atlantic").candidate.feature == "ocean"
    found = tops("Tensions rose across the Middle East after the strike.")
    assert one(found, "Middle East").candidate.feature == "region"


def test_a_street_is_placed_at_its_town(tops) -> None:
    found = tops("Police found the car on Royal Street in New Orleans on Tuesday.")
    street = one(found, "Royal Street")
    assert street.candidate.name == "New Orleans" and street.precision == 2
    assert street.reason and "placed at New Orleans" in street.reason


def test_choice_is_pure_and_prefers_the_focus() -> None:
    def town(cc: str, pop: int, gid: int) -> Candidate:
        return Candidate(gid, "Springfield", 0.0, 0.0, "city", cc, None, pop, "exact")

    us, gb = town("US", 60_000, 1), town("GB", 90_000, 2)
    assert choose([us, gb], Context(focus="US", shares=(("US", 1.0),))) == us
    assert choose([us, gb], Context(focus="GB", shares=(("GB", 1.0),))) == gb
    assert choose([], Context()) is None


# ------------------------------------------------------------------ which spans
def test_a_surname_is_not_a_place(tops) -> None:
    found = tops("The spokeswoman Anna Kelly briefed journalists. Kelly said the cabinet was divided.")
    assert "Kelly" not in [t.span.text for t in found]


def test_a_dateline_in_capitals(tops) -> None:
    found = tops("SAN ANTONIO (AP) — Police said two people were shot on Sunday.")
    dateline = one(found, "SAN ANTONIO")
    assert where(dateline) == ("US", "city") and dateline.role == "location"


def test_a_dateline_with_an_abbreviated_word(tops) -> None:
    found = tops("FT. WORTH, Texas (AP) — Two officers were hurt in a shooting on Sunday, police said.")
    assert [t.span.text for t in found][:1] == ["FT. WORTH"]
    assert one(found, "FT. WORTH").candidate.name == "Fort Worth"


def test_a_demonym_that_is_also_a_country_is_the_place_where_written_as_one(tops) -> None:
    assert where(one(tops("Cardinals gathered in the Vatican on Friday."), "Vatican")) == ("VA", "country")
    assert "Vatican" not in [t.span.text for t in tops("Vatican officials said the pope was unwell.")]


def test_demonyms_and_actor_modifiers_are_not_places(tops) -> None:
    found = [t.span.text for t in tops("Syrian forces and US-backed fighters clashed near Raqqa.")]
    assert "Syrian" not in found and "US" not in found and "Raqqa" in found


def test_a_town_the_ner_calls_a_date(res, tops) -> None:
    text = "Two shells landed in Manbij overnight."
    assert [e.label_ for e in res.nlp(text).ents if e.text == "Manbij"] == ["DATE"]  # the model's slip
    manbij = one(tops(text), "Manbij")
    assert where(manbij) == ("SY", "city") and manbij.role == "location"
    # a real date stays a date, however capitalised
    assert "March" not in [t.span.text for t in tops("Two shells landed in Manbij in March.")]


def test_a_village_the_gazetteer_lacks_is_still_a_place(tops) -> None:
    found = tops("Government forces shelled Saraqib in Idlib province on Monday. Residents fled the village "
                 "of Umm Batnah after the shelling.")
    village = one(found, "Umm Batnah")
    assert village.role == "location" and village.reason.startswith("not in gazetteer")


# ------------------------------------------------------------------ roles
def test_a_capital_that_speaks_is_a_metonym(tops) -> None:
    found = tops("Moscow said the strikes were justified. U.S. officials said fighting in Homs continued.")
    assert one(found, "Moscow").role == "metonym"
    assert one(found, "U.S.").role == "metonym"  # a modifier of who, not where
    assert one(found, "Homs").role == "location"


def test_a_place_acted_upon_is_a_location(tops) -> None:
    found = tops("Rebels said Hama was captured on Thursday. Britain blames Russia for the attack.")
    assert one(found, "Hama").role == "location"
    assert one(found, "Russia").role == "metonym"


def test_based_modifier_is_a_located_modifier(tops) -> None:
    found = tops("A London-based monitoring group reported shelling in Idlib on Sunday.")
    london = one(found, "London")
    assert london.role == "location" and london.modifier
    assert not one(found, "Idlib").modifier


def test_a_place_that_modifies_a_place_is_a_location(tops) -> None:
    found = tops("Airstrikes hit the Hama countryside and the Aleppo offensive stalled.")
    assert one(found, "Hama").role == "location" and one(found, "Hama").precision == 2
    assert one(found, "Aleppo").role == "location"


def test_the_focus_follows_the_chosen_places(res) -> None:
    kb = res.kb
    ids = set(kb.groups) | {"source"} | {f"{s}-government" for s in kb.states}
    doc = res.nlp("Russian warplanes struck the town of Ariha in Idlib province on Wednesday.")
    found, focus = find_toponyms(doc, res.gazetteer, ids, set(kb.capitals), set(kb.demonyms))
    assert focus == "SY"  # Ariha alone might be Jericho; "in Idlib province" says which
    assert where(one(found, "Ariha")) == ("SY", "city")


# ------------------------------------------------------------------ demonyms, datelines, parties
def test_a_demonym_that_qualifies_a_place_is_that_country(tops) -> None:
    found = tops("Turkish troops shelled villages along the Syrian border on Tuesday.")
    border = one(found, "Syrian")
    assert (border.role, border.modifier) == ("location", True)  # where, but never an event's place
    assert where(border) == ("SY", "country")
    assert all(t.span.text != "Turkish" for t in found)  # "Turkish troops" are people


def test_a_continent_adjective_before_countries_is_the_continent(tops) -> None:
    t = one(tops("Several European countries expelled diplomats on Monday."), "European")
    assert t.role == "location" and t.candidate is not None and t.candidate.name == "Europe"


def test_a_title_case_dateline_is_where_the_story_was_filed(tops) -> None:
    t = one(tops("Hanoi (VNA) – Vietnam supports the peace talks, the minister said."), "Hanoi")
    assert t.role == "location"


def test_a_possessive_of_a_places_economy_is_the_place(tops) -> None:
    t = one(tops("Most of Nevada's new jobs are in tourism and mining."), "Nevada")
    assert t.role == "location"


def test_an_accused_capital_is_a_party(tops) -> None:
    t = one(tops("Moscow is accused of meddling in the vote, the columnist wrote."), "Moscow")
    assert t.role == "metonym"


def test_a_name_in_a_list_of_states_is_the_state(tops) -> None:
    found = tops("Visitors came from California, Utah, Colorado, Idaho and Washington last year.")
    assert where(one(found, "Washington")) == ("US", "admin1")
    capital = tops("Meetings in Washington, Chicago and Denver went well.")
    assert where(one(capital, "Washington")) == ("US", "city")


def test_an_ocean_outranks_a_small_town_of_the_story_country(tops) -> None:
    found = tops("The storm strengthened over the Atlantic on Tuesday before it turned toward Florida, "
                 "where the governor told residents of Miami and Tampa to prepare.")
    assert where(one(found, "Atlantic")) == (None, "ocean")
    assert where(one(found, "Tampa")) == ("US", "city")


def test_an_unknown_estate_is_placed_in_the_story_country_not_an_aside(tops) -> None:
    found = tops("Police in London and Manchester are investigating the attack. The suspect had lived in "
                 "Montana for two years before he moved to Britain. Neighbours on the Ashgrove Estate said "
                 "they were shocked.")
    estate = one(found, "Ashgrove Estate")
    assert estate.candidate is not None and estate.candidate.country_code == "GB", estate.reason


def test_a_town_named_as_its_football_club_is_the_team_but_its_ground_is_a_place(tops) -> None:
    found = tops("The striker scored twice for Coventry City against Luton on Saturday. "
                 "Fans travelled to Coventry City by coach.")
    coventry = [t for t in found if t.span.text == "Coventry"]
    assert [t.role for t in coventry] == ["metonym", "location"]
    found = tops("Storms hit Panama City and Quezon City on Tuesday.")
    assert [t.role for t in found] == ["location", "location"]
    # "the outskirts of X": X is a place, whatever word follows its name
    assert one(tops("Police fired tear gas on the outskirts of Harare City on Monday."), "Harare").role == "location"


# A country or town standing for its people or government is a party (metonym); one where
# something happens or lies, or a destination, is a location.
ROLES = [
    # the people of a country are a party; a town's people live there
    ("The people of Chile were deceived by the reform, he said.", "Chile", "metonym"),
    ("Rebels called on the people of Homs to rise up against the army.", "Homs", "location"),
    # a country taken for a partner is a party; one toured is a place
    ("Jakarta sees Australia as a reliable partner in energy.", "Australia", "metonym"),
    ("The senator is touring Australia as a trade envoy this month.", "Australia", "location"),
    # a place before what happens or lies there, and a destination
    ("Guests in gowns arrived for a Downing Street dinner on Friday.", "Downing Street", "location"),
    ("Plastic waste littered the Mombasa foreshore on Sunday, rangers said.", "Mombasa", "location"),
    ("The broker said he would send the workers to Spain from Senegal.", "Spain", "location"),
    # what bears on a country makes it a party
    ("The cyber attack was blamed on Belarus by officials in Warsaw.", "Belarus", "metonym"),
    ("The cyber attack was blamed on Belarus by officials in Warsaw.", "Warsaw", "location"),
    ("Ottawa announced fresh sanctions on Myanmar on Tuesday.", "Myanmar", "metonym"),
    # two countries joined before a meeting are its parties; a route joins places
    ("Trade was on the agenda at the Chile-Peru summit in Lima on Thursday.", "Chile", "metonym"),
    ("Trade was on the agenda at the Chile-Peru summit in Lima on Thursday.", "Lima", "location"),
    ("Buses on the Vienna-Prague route were delayed on Sunday.", "Vienna", "location"),
]


@pytest.mark.parametrize(("text", "name", "role"), ROLES)
def test_party_or_place(tops, text: str, name: str, role: str) -> None:
    assert one(tops(text), name).role == role


def test_a_venue_the_gazetteer_lacks_is_placed_at_the_place_its_name_holds(tops) -> None:
    found = tops("The cellist played at the Vienna Harp Academy on Sunday, her tutor said in Galway.")
    school = one(found, "Vienna Harp Academy")
    assert (school.candidate.name, school.candidate.country_code) == ("Vienna", "AT"), school.reason
    # a street named after a town is not in it; a surname-like town abroad is not the venue's
    found = tops("Police shut Topeka Avenue on Sunday after a collision, officers in Wichita said.")
    assert one(found, "Topeka Avenue").candidate.name == "Wichita"
    found = tops("A roof leaked at the Bell Centre on Tuesday. Engineers in Montreal said the arena would reopen.")
    assert one(found, "Bell Centre").candidate.name in ("Montreal", "Montréal")


def test_a_name_the_ner_calls_a_place_once_keeps_its_sense_when_tagged_otherwise(tops) -> None:
    found = tops("The crew has worked in Texas, Ohio, Florida and Hagatna this year. 'Our plan includes a "
                 "second visit to Hagatna,' said Marsh, whose team is based in Lawton, Oklahoma, near Wichita Falls.")
    hagatna = [t for t in found if t.span.text == "Hagatna"]
    assert len(hagatna) == 2 and all(t.candidate.country_code == "GU" for t in hagatna), [t.reason for t in hagatna]


def test_a_name_the_gazetteer_lacks_with_its_county_after_it_is_placed_there(tops) -> None:
    found = tops("The rally's third stage is on 3 May: Pennick, Shropshire.")
    place = one(found, "Pennick")
    assert place.role == "location" and place.candidate.name == "Shropshire", place.reason
    # an aside in brackets is no division: the House stays an organisation
    found = tops("She met the Speaker of the Chamber of Deputies (Chile's lower house) in Santiago.")
    assert "Chamber of Deputies" not in [t.span.text for t in found]


def test_a_town_before_a_word_for_a_division_is_where_it_is(tops) -> None:
    found = tops("Lunch is served at a diner in Franklin Township on Sundays.")
    assert [t.role for t in found if t.span.text.startswith("Franklin")] == ["location"]


def test_two_small_towns_abroad_do_not_vouch_for_each_other(res) -> None:
    from collections import Counter

    from sitrep.places.local import strays

    doc = res.nlp("Sheffield Rotherham Barnsley Doncaster Penistone Liberty Fairview")
    def town(i: int, name: str, cc: str, pop: int, source: str) -> Toponym:
        c = Candidate(i + 1, name, 0.0, 0.0, "city", cc, None, pop, "exact")
        return Toponym(doc[i:i + 1], c, "location", 1, source=source)
    out = [town(0, "Sheffield", "GB", 550_000, "GPE"), town(1, "Rotherham", "GB", 110_000, "GPE"),
           town(2, "Barnsley", "GB", 90_000, "GPE"), town(3, "Doncaster", "GB", 110_000, "GPE"),
           town(4, "Penistone", "GB", 20_000, "GPE"), town(5, "Liberty", "US", 1_800, "ORG@loc"),
           town(6, "Fairview", "US", 40_000, "FAC")]
    final = Counter(t.candidate.country_code for t in out)
    kept = strays(out, "GB", final, Counter())
    assert [t.candidate is None for t in kept] == [False] * 5 + [True, True]
