"""ACLED's conventions for perpetrators a report leaves unnamed: gangs in Latin America
and the Caribbean only where the report bears gang marks, and fire along a monitored
front line laid to the side across it.  Sentences are our own, in the style of wire
reports and monitors' daily reports."""

from __future__ import annotations

import spacy

from sitrep.actors.context import ArticleActors
from sitrep.actors.conventions import frontline, gang_marks, held_side, monitored
from sitrep.actors.kb import load_kb

KB = load_kb()
NLP = spacy.blank("en")
D20 = "2020-03-20"


def test_gang_marks():
    assert gang_marks("A shopkeeper died in a drive-by shooting near the bus terminal.")
    assert gang_marks("Two gunmen riding a motorcycle shot a bus driver.")
    assert gang_marks("The body was found with its hands tied and a note beside it.")
    assert gang_marks("Police said the killing was linked to drug trafficking.")
    assert not gang_marks("A farmer's body lay in a ditch; how he died is unclear.")
    assert not gang_marks("Gunmen who came in three cars abducted a family of four.")


def _unattributed(text: str, iso: str, place: str | None = None, on: str = D20) -> str:
    return ArticleActors(kb=KB, published=on, focus=iso).unattributed(text, iso, on, place).name


def test_a_gang_only_where_the_report_bears_its_marks():
    assert _unattributed("A bus conductor died in a drive-by in Apopa.", "SLV") == "Unidentified Gang (El Salvador)"
    assert _unattributed("A woman was found dead wrapped in a blanket in Celaya.", "MEX") == \
        "Unidentified Armed Group (Mexico)"
    assert _unattributed("Two men on a motorcycle shot a mechanic in Olinda.", "BRA") == \
        "Unidentified Gang and/or Police Militia"
    # outside the countries ACLED records gangs in, the marks change nothing
    assert _unattributed("A student died in a drive-by in Kano.", "NGA") == "Unidentified Armed Group (Nigeria)"


def test_fire_on_a_front_line_is_laid_across_it():
    f = frontline("UKR", D20)
    assert f is not None and frontline("UKR", "2023-01-01") is None
    assert held_side(f, "Horlivka", "")
    assert held_side(f, "Donetsk Airport", "")
    assert not held_side(f, "Avdiivka", "")
    assert not held_side(f, "Donetsk Oblast", "")
    assert held_side(f, None, "The mission recorded ten explosions near Yasynuvata.")
    # Russian spellings of held places, and districts of a held city
    for place in ("Petrovskoye", "Makeyevka", "Trudovskiye", "Gorlovka", "Donetsk-Kuibyshevskyi"):
        assert held_side(f, None, f"The SMM recorded 3 explosions near {place}."), place
    # a village named for a held city is not that city ("Luhanske" by Luhansk)
    for place in ("Avdeyevka", "Krasnogorovka", "Marinka", "Toretsk", "Popasnaya", "Shchastye", "Luhanske"):
        assert not held_side(f, None, f"The SMM recorded 3 explosions near {place}."), place
    text = "The OSCE SMM recorded 12 explosions near {}."
    assert _unattributed(text.format("Pisky"), "UKR", "Pisky") == "NAF: United Armed Forces of Novorossiya"
    assert _unattributed(text.format("Makiivka"), "UKR", "Makiivka").startswith("Military Forces of Ukraine")


def test_a_monitor_named_for_its_country_sets_the_scene():
    text = "On 22 March 2020, the OSCE SMM counted 4 blasts close to a village."
    assert monitored(text) == ["UKR"]
    assert ArticleActors(kb=KB).scene(NLP(text), "RUS") == "UKR"
