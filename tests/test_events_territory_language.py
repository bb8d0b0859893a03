"""Ground changing hands, in the words reports use for it across wars.

Sentences written for these tests (real model, real gazetteer); the report is dated
Friday 6 December 2024.  Who is actor1: the side that took or regained the place, or, for a
handover or a withdrawal, the side that gave it up (the text names only that side here).
"""

import pytest

OVERTAKES = "Non-state actor overtakes territory"
REGAINS = "Government regains territory"
HANDOVER = "Non-violent transfer of territory"


def territorial(events):
    return [(e.sub_event_type, e.actor1.name if e.actor1 else None, e.location.name if e.location else None)
            for e in events if e.sub_event_type in (OVERTAKES, REGAINS, HANDOVER)]


@pytest.mark.parametrize("text, sub, actor, place", [
    # a place that fell: the taker is whom it fell to
    ("The garrison town of Kidal fell to the insurgents on Tuesday.", OVERTAKES, None, "Kidal"),
    ("Kidal fell into the hands of the rebels on Tuesday.", OVERTAKES, None, "Kidal"),
    # a side driven out of a place: the one who drove it out took it
    ("Insurgents drove the army out of the town of Kidal on Tuesday.", OVERTAKES, None, "Kidal"),
    ("Government forces pushed the rebels out of the town of Kidal on Tuesday.", REGAINS, "Mali", "Kidal"),
    # militants driven out, by no one named: the state's ground regained
    ("The militants were driven out of Kidal on Tuesday.", REGAINS, None, "Kidal"),
    # "... and the army driven out": a passive with its auxiliary left out; the army lost it
    ("The town of Kidal was under rebel control on Tuesday after the police station was attacked "
     "and the army driven out, an official said.", OVERTAKES, None, "Kidal"),
    # an assault that took the place is one happening, the takeover
    ("Rebels stormed and took the town of Kidal on Tuesday.", OVERTAKES, None, "Kidal"),
    ("Rebels entered and secured Kidal on Tuesday.", OVERTAKES, None, "Kidal"),
    # rebels who lost a town and take it back overtake it
    ("Rebels who had held Kidal until last year took it back from the army on Tuesday.", OVERTAKES, None, "Kidal"),
    ("The army declared victory over the militants in Kidal on Tuesday.", REGAINS, "Mali", "Kidal"),
])
def test_ground_taken_in_the_words_of_the_reports(extract, text, sub, actor, place):
    got = territorial(extract(text))
    assert len(got) == 1, got
    assert got[0][0] == sub and got[0][2] == place
    if actor:
        assert actor in (got[0][1] or "")


@pytest.mark.parametrize("text", [
    "The army handed over the town of Kidal to the peacekeepers on Tuesday.",
    "The army ceded control of Kidal to the rebels under a deal signed on Tuesday.",
    "The soldiers surrendered the town of Kidal to the rebels on Tuesday.",
    "The soldiers left the town of Kidal on Tuesday.",
    "The soldiers evacuated their positions in Kidal on Tuesday.",
    "The army pulled out of Kidal on Tuesday.",
    # forces moving in where the other side withdrew: handed on without a fight
    "The army moved into Kidal on Tuesday after the rebels withdrew.",
    "Army units deployed in several villages near Kidal on Tuesday following the withdrawal of the rebels.",
])
def test_ground_handed_over_or_left_is_a_non_violent_transfer(extract, text):
    got = territorial(extract(text))
    assert [(s, p) for s, _, p in got] == [(HANDOVER, "Kidal")]


@pytest.mark.parametrize("text", [
    "Rebels reached the outskirts of Kidal on Tuesday.",
    "Rebels are advancing in the town of Kidal, a commander said on Tuesday.",
    "The militants are starting to move into the province of Kidal.",
    "Prices fell sharply in Kidal on Tuesday.",
    "The town of Kidal fell silent on Tuesday.",
    "Shells fell on the town of Kidal on Tuesday.",
    "Soldiers forced thousands of residents out of the village of Anefis on Tuesday.",
    "Residents left the town of Kidal on Tuesday.",
    "The troops secured the release of three hostages in Kidal on Tuesday.",
    "Police secured the area after the blast in Kidal on Tuesday.",
    "The army handed over the wounded to the Red Cross in Kidal on Tuesday.",
    "The rebels surrendered to the army in Kidal on Tuesday.",
    "The army evacuated civilians from Kidal on Tuesday.",
    "The leader claimed victory over the militants.",
    # a country handed over is a figure of speech; a city called liberated is described
    "With the president handing Mali over to Russia, the talks have become meaningless.",
    "Her son was killed clearing mines in the liberated city of Gao last week.",
    "The president ordered the troops home on Tuesday, declaring victory over the militants.",
])
def test_no_ground_changed_hands(extract, text):
    assert territorial(extract(text)) == []


def test_an_assault_on_another_place_is_not_the_takeover(extract):
    evs = extract("They captured the town of Kidal on Sunday and are now attacking Gao.")
    assert [p for _, _, p in territorial(evs)] == ["Kidal"]
    assert any(e.location and e.location.name == "Gao" and e.sub_event_type not in (OVERTAKES, REGAINS)
               for e in evs)


def test_a_place_named_as_retaken_tells_the_retaking(extract):
    evs = extract("President Zelensky raised the flag on Tuesday in the main square of the recaptured town "
                  "of Kupiansk in northeastern Ukraine.")
    assert [(s, p) for s, _, p in territorial(evs)] == [(REGAINS, "Kupiansk")]


def test_a_place_that_fell_with_no_taker_named_has_no_actor1(extract):
    evs = extract("A spokesman for the army denied on Tuesday that the base in Kidal had fallen.")
    assert all(a is None for _, a, _ in territorial(evs))


@pytest.mark.parametrize("text, sub, place", [
    # a takeover told as a noun that a verb reports
    ("Russia's defence ministry on Saturday claimed the capture of the village of Krynky.", OVERTAKES, "Krynky"),
    ("The army announced the recapture of Kidal on Tuesday.", REGAINS, "Kidal"),
    ("The rebels completed their takeover of Kidal on Tuesday.", OVERTAKES, "Kidal"),
    # militias that fight on the government's side regain ground for it
    ("Pro-government militias retook the town of Kidal on Tuesday.", REGAINS, "Kidal"),
    # troops withdrawn from a town hand it on; without a shot fired, the takeover is no battle
    ("Russia announced on Wednesday the withdrawal of its troops from the city of Kherson.", HANDOVER, "Kherson"),
    ("The army took over the town of Kidal on Tuesday without firing a shot.", HANDOVER, "Kidal"),
])
def test_takeovers_told_as_nouns_by_allies_and_without_a_fight(extract, text, sub, place):
    got = territorial(extract(text))
    assert [(s, p) for s, _, p in got] == [(sub, place)]


@pytest.mark.parametrize("text", [
    "The capture of two soldiers was announced on Saturday.",
    "Putin hailed the capture of Avdiivka as an important victory.",
    "Following the capture of Avdiivka, Russian forces pushed west.",
])
def test_a_takeover_named_in_passing_is_no_new_event(extract, text):
    assert territorial(extract(text)) == []


def test_troops_withdrawn_from_a_country_are_a_movement_of_forces(extract):
    evs = extract("The president ordered on Tuesday the withdrawal of 2,000 troops from Syria.")
    assert territorial(evs) == []


@pytest.mark.parametrize("text, sub, place", [
    ("The town of Kidal was cleared of militants on Tuesday.", REGAINS, "Kidal"),
    ("Government forces reasserted control over Kidal on Tuesday.", REGAINS, "Kidal"),
    ("The army established full control over the town of Kidal on Tuesday.", REGAINS, "Kidal"),
    ("The town of Kidal came under the control of the rebels on Tuesday.", OVERTAKES, "Kidal"),
    ("The army lost the town of Kidal to the rebels on Tuesday.", OVERTAKES, "Kidal"),
    ("Troops expelled the militants from the town of Kidal on Tuesday.", REGAINS, "Kidal"),
    ("Soldiers dislodged the rebels from their positions in Kidal on Tuesday.", REGAINS, "Kidal"),
    ("The rebels relinquished control of Kidal on Tuesday.", HANDOVER, "Kidal"),
    ("The rebels gave up the town of Kidal on Tuesday.", HANDOVER, "Kidal"),
])
def test_more_ways_of_telling_ground_taken_and_given_up(extract, text, sub, place):
    got = territorial(extract(text))
    assert [(s, p) for s, _, p in got] == [(sub, place)]


def test_the_side_a_town_was_lost_to_took_it(extract):
    got = territorial(extract("The army lost the town of Kidal to the rebels on Tuesday."))
    assert got[0][1] is not None and "Military" not in got[0][1]


@pytest.mark.parametrize("text", [
    "Workers cleared the road of debris in Kidal on Tuesday.",
    "The plan came under criticism in Kidal on Tuesday.",
    "The army lost two soldiers in Kidal on Tuesday.",
])
def test_clearing_coming_and_losing_that_take_no_ground(extract, text):
    assert territorial(extract(text)) == []


def test_a_day_told_at_the_end_of_the_sentence_dates_the_takeover(extract):
    # the parser hangs "yesterday" on the last noun; it is still the day of the takeover
    evs = extract("The RSF announced that it took control of the army base in Wad Madani, "
                  "capital of El Gezira, yesterday.")
    assert [(e.sub_event_type, e.event_date) for e in evs] == [(OVERTAKES, "2024-12-05")]


@pytest.mark.parametrize("text, sub, place", [
    # fighters bussed out of a town under a deal hand it over
    ("Hundreds of rebels were evacuated from the town of Douma to the north on Sunday under a surrender deal.",
     HANDOVER, "Douma"),
    ("Regime forces entered Deraa on Thursday after rebels agreed to surrender the city.", HANDOVER, "Deraa"),
    # control claimed or declared over a town: the takeover, as its taker tells it
    ("Government forces claimed full control of Kidal on Thursday.", REGAINS, "Kidal"),
    ("The army declared full control of the town of Kidal on Thursday.", REGAINS, "Kidal"),
])
def test_deals_and_claims_of_control(extract, text, sub, place):
    got = territorial(extract(text))
    assert [(s, p) for s, _, p in got] == [(sub, place)]


def test_an_agreement_to_surrender_stays_an_event_beside_the_handover(extract):
    evs = extract("Regime forces entered Deraa on Thursday after rebels agreed to surrender the city.")
    assert any(e.plover == "AGREE" and e.sub_event_type is None for e in evs)
