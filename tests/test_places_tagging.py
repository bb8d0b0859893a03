"""Which spans are places (sitrep.places.spans and roles), whatever label the NER gave them.

Real model and index; the sentences are written here in the style of local and conflict news.
"""

from __future__ import annotations

from sitrep.places.resolve import Toponym


def texts(found: list[Toponym], role: str = "location") -> list[str]:
    return [t.span.text for t in found if t.role == role]


# ------------------------------------------------------------------ facilities
def test_a_street_or_an_estate_is_a_place_whatever_the_ner_says(tops) -> None:
    found = texts(tops("The teenager was stabbed on the Marsh Lane Estate in north London on Friday. "
                       "Residents of Kingsley Road said they heard shouting."))
    assert "Marsh Lane Estate" in found and "Kingsley Road" in found


def test_a_hospital_is_a_place(tops) -> None:
    found = texts(tops("The wounded were taken to Al-Quds Hospital, medics said."))
    assert any("Quds Hospital" in t for t in found)


def test_a_denomination_is_not_a_building(tops) -> None:
    found = tops("The Catholic Church condemned the killing of the priest in Enugu.")
    assert "Catholic Church" not in [t.span.text for t in found]


def test_a_town_that_owns_a_street_is_a_place_too(tops) -> None:
    found = texts(tops("Police closed Harare’s Fourth Street on Monday after the protest."))
    assert "Harare" in found and "Fourth Street" in found


# ------------------------------------------------------------------ people, pets and storms
def test_a_name_in_apposition_to_a_relative_is_a_person(tops) -> None:
    found = [t.span.text for t in tops("He is survived by his wife, Florence, and his son Jordan.")]
    assert "Florence" not in found and "Jordan" not in found


def test_named_storms_are_not_places(tops) -> None:
    found = [t.span.text for t in tops("Insurers paid billions after three hurricanes, Harvey, Irma and Maria, hit the coast.")]
    assert not {"Harvey", "Irma", "Maria"} & set(found)


def test_a_place_in_apposition_to_a_place_noun_stays(tops) -> None:
    assert "Kafr Nabl" in texts(tops("Government forces shelled the town, Kafr Nabl, on Monday."))


# ------------------------------------------------------------------ roles the parse gets wrong
def test_a_list_after_in_is_where_even_when_the_parse_loses_it(tops) -> None:
    found = tops("The biggest fair for farm machinery in Europe, Latin America and Africa, Agrotek 2024 opens next month.")
    assert {"Europe", "Latin America", "Africa"} <= set(texts(found))


# ------------------------------------------------------------------ demonyms
def test_a_demonym_before_what_happens_in_a_place_is_the_place(tops) -> None:
    assert "American" in texts(tops("Tariffs would cost thousands of American jobs, the union said."))
    assert "South Korean" in texts(tops("A South Korean court sentenced the former president to 24 years."))


def test_a_demonym_before_people_or_a_government_is_not(tops) -> None:
    found = [t.span.text for t in tops("The Syrian government and Turkish forces clashed near Afrin.")]
    assert "Syrian" not in found and "Turkish" not in found


def test_a_name_after_a_relative_is_a_person_even_when_the_parse_hangs_it_elsewhere(tops) -> None:
    found = [t.span.text for t in tops("It has been home for Alan Reed and his old dog, Denver, since March. "
                                       "Denver sleeps on the back seat.")]
    assert "Denver" not in found


# ------------------------------------------------------------------ roads and names before a place noun
def test_a_numbered_road_is_a_place_in_a_story_about_traffic(tops) -> None:
    found = texts(tops("After the crash near Braintree, traffic was diverted via the A131 and the A12."))
    assert "A131" in found and "A12" in found


def test_a_rifle_is_not_a_road(tops) -> None:
    found = [t.span.text for t in tops("The gunman fired an M16 and the M4 carbine at police in Aleppo.")]
    assert "M16" not in found and "M4" not in found


def test_a_name_before_a_roundabout_or_an_intersection_is_a_place(tops) -> None:
    found = texts(tops("Traffic is diverted from the Red Lion roundabout to the Mill Lane junction."))
    assert "Red Lion" in found


# ------------------------------------------------------------------ organisations as venues
def test_an_organisation_written_as_where_something_happens_is_a_place(tops) -> None:
    # placed at the town the sentence goes on to name, not left out
    found = tops("The cookery class took place at Marks & Spencer on Tuesday in Leeds, organisers said.")
    shop = [t for t in found if t.span.text == "Marks & Spencer"]
    assert shop and shop[0].role == "location"
    assert shop[0].candidate is not None and shop[0].candidate.name == "Leeds"


def test_an_organisation_where_someone_works_is_not_a_place(tops) -> None:
    found = tops("Anna Berg, the chief analyst at Norland Capital, expects rents to climb in Leeds.")
    assert "Norland Capital" not in [t.span.text for t in found]


# ------------------------------------------------------------------ abbreviations, assemblies
def test_an_abbreviation_stands_for_what_its_name_is(tops) -> None:
    # "SAS" is the airline the article named, not a town of that name; the bracketed copy is no mention
    found = tops("Talks with Scandinavian Airlines (SAS) on flights to Lusaka stalled. "
                 "SAS said the route was not viable.")
    assert [t.span.text for t in found] == ["Lusaka"]
    # a country's abbreviation is still the country
    found = tops("The Central African Republic (CAR) said fighting in the CAR had displaced thousands.")
    car = [t for t in found if t.span.text == "CAR"]
    assert len(car) == 1 and car[0].candidate.country_code == "CF"


def test_an_assembly_is_no_town(tops) -> None:
    found = tops("Aides said Congress will debate the farm bill after the recess in Iowa.")
    assert "Congress" not in [t.span.text for t in found if t.candidate is not None]


def test_an_actor_written_as_an_area_is_a_place(tops) -> None:
    found = tops("Airport charges in the EU must fall, the airlines said. The EU said it would reply.")
    eu = [t for t in found if t.span.text == "EU"]
    assert len(eu) == 1 and eu[0].role == "location" and eu[0].candidate.feature == "region"


def test_a_name_opening_with_a_word_for_a_place_is_a_place(tops) -> None:
    found = tops("Lake Tarrow is a popular reservoir outside Leeds.")
    lake = [t for t in found if t.span.text == "Lake Tarrow"]
    assert lake and lake[0].role == "location" and lake[0].candidate.name == "Leeds"
    found = tops("Police raided a house in Barangay Santo Nino in Quezon City on Monday.")
    village = [t for t in found if t.span.text == "Barangay Santo Nino"]
    assert village and village[0].candidate.name == "Quezon City"


def test_an_abbreviation_may_spell_its_names_small_words() -> None:
    import spacy

    from sitrep.places.kinds import abbreviations

    nlp = spacy.blank("en")
    doc = nlp("Loans from the Bank of Canada ( BOC ) rose .")
    for t in doc[3:6]:
        t.ent_type_ = "ORG"
    kinds, at = abbreviations(doc, frozenset({"GPE"}))
    assert kinds == {"BOC": False} and at == {7}
