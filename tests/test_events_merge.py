"""Events that are part of another, and frames added in the second round, on reports written
for these tests."""

from test_events_frames import subs


def test_deployment_before_a_fight_belongs_to_it(extract):
    evs = extract("Troops were deployed to Beni on Monday. Rebels attacked the troops near Beni on Monday, "
                  "killing two soldiers.")
    assert subs(evs) == ["Armed clash"]


def test_what_a_protest_is_about_is_no_second_event(extract):
    assert subs(extract("On Monday, farmers protested in Swabi after a storm destroyed their crops.")) == \
        ["Peaceful protest"]
    evs = extract("Residents protested in Salta on Monday against the release of prisoners. Judges released "
                  "300 prisoners on Monday.")
    assert subs(evs) == ["Peaceful protest"]


def test_fights_told_as_answers_and_fire_fights(extract):
    assert subs(extract("Army troops responded to enemy fire in Tillaberi on Monday.")) == ["Armed clash"]
    assert subs(extract("Troops engaged in a fire fight with separatists near Kumba on Monday.")) == \
        ["Armed clash"]


def test_passive_of_a_conducted_attack(extract):
    evs = extract("Strikes by helicopter gunships were carried out on insurgent camps near Mocimboa on Monday.")
    assert subs(evs) == ["Air/drone strike"]


def test_remains_found(extract):
    assert subs(extract("A severed head was found in a bag on a sidewalk in Salamanca on Monday.")) == ["Attack"]


def test_second_purpose_of_a_gathering(extract):
    evs = extract("Dozens of traders gathered outside the ministry in Accra on Monday to hand in a petition "
                  "and to press the minister.")
    assert subs(evs) == ["Peaceful protest"]


def test_gangs_fighting_and_fire_both_ways_are_clashes(extract):
    assert subs(extract("On Monday, gunmen shot dead a suspected gang member in Apopa.")) == \
        ["Armed clash"]
    assert subs(extract("On Monday, two men shot dead a mechanic in Olinda. He had a criminal record for "
                        "car theft.")) == ["Armed clash"]
    assert subs(extract("On Monday, gunmen shot dead a baker in Apopa.")) == ["Attack"]
    assert subs(extract("On Monday, the monitors recorded 35 explosions fired in both directions "
                        "near Marinka.")) == ["Armed clash"]


def test_force_on_workers_is_an_attack(extract):
    assert subs(extract("On Monday, police officers assaulted two journalists in Kampala.")) == ["Attack"]
    assert subs(extract("On Monday, gunmen of an army brigade assaulted the manager of the district office in "
                        "Taizz.")) == ["Attack"]


def test_moves_that_are_no_change_of_ground(extract):
    assert subs(extract("On Monday, the government announced it was withdrawing 300 troops from Iraq.")) == \
        ["Change to group/activity"]
    assert subs(extract("On Monday, a teenager was shot dead by gunmen who invaded his family's house in Jaboatao.")) == \
        ["Attack"]


def test_ended_truces_and_described_camps_are_no_events(extract):
    evs = extract("On Monday, rebels attacked an oil pipeline in Arauca, after the group announced the end of "
                  "its ceasefire.")
    assert "Agreement" not in subs(evs)
    evs = extract("On Monday, the police detained a camp manager in Atmeh after he sold the field where "
                  "the camp is established.")
    assert "Headquarters or base established" not in subs(evs)


def test_a_crowd_that_kills_riots(extract):
    evs = extract("Youths demonstrated in Kisumu on Monday over the death of a trader. Demonstrators caught one "
                  "of the suspects and killed him.")
    assert subs(evs) == ["Violent demonstration"]


def test_what_a_protest_is_about_on_another_day(extract):
    evs = extract("Residents protested in Salta on Monday against the release of prisoners. Until Sunday, "
                  "judges had released 300 prisoners.")
    assert subs(evs) == ["Peaceful protest"]


def test_modifiers_and_stopped_cars_are_no_events_of_their_own(extract):
    evs = extract("Activists held a rally in Islamabad on Monday in solidarity with the people of occupied "
                  "Kashmir.")
    assert subs(evs) == ["Peaceful protest"]
    evs = extract("On Monday, two gunmen intercepted a car in San Pedro Sula and shot the driver dead.")
    assert subs(evs) == ["Attack"]
    evs = extract("On Monday, police intercepted a truck carrying rifles and grenades near Cucuta.")
    assert subs(evs) == ["Disrupted weapons use"]


def test_a_third_party_moving_beside_a_strike_is_news_of_its_own(extract):
    evs = extract("Israeli jets struck a border crossing near Qusayr on Friday. Hezbollah deployed fighters to "
                  "Homs on Friday.")
    assert subs(evs) == ["Air/drone strike", "Change to group/activity"]


def test_force_on_a_riot_is_the_riot(extract):
    evs = extract("Hundreds of rioters blocked a road in Tripoli on Monday and clashed with soldiers. Several of "
                  "them were arrested and one was hurt.")
    assert "Excessive force against protesters" not in subs(evs)
    evs = extract("Police dispersed traders at a market in Zinder on Monday, and youths clashed with the police, "
                  "who fired live bullets.")
    assert "Violent demonstration" in subs(evs) and "Excessive force against protesters" not in subs(evs)


def _actors(evs):
    return [(e.sub_event_type, e.actor1 and e.actor1.kind, e.actor2 and e.actor2.kind) for e in evs]


def test_a_protest_that_turned_violent_is_one_riot_led_by_the_crowd(extract):
    evs = extract("On Monday, traders held a demonstration in Lilongwe against the market's closure. "
                  "Police clashed with the demonstrators.")
    assert _actors(evs) == [("Violent demonstration", "Rioters", "State forces")]
    evs = extract("On Monday, villagers staged a violent demonstration in Kasama over power cuts.")
    assert _actors(evs) == [("Violent demonstration", "Rioters", None)]


def test_a_grievance_or_a_camp_is_no_violence_of_the_protest(extract):
    evs = extract("On Monday, pensioners pitched a tent camp outside parliament in Skopje and protested for higher pensions.")
    assert [e.event_type for e in evs] == ["Protests"]
    evs = extract("On Monday, savers protested outside the central bank in Tyre. They also asked for the looted "
                  "deposits to be paid back.")
    assert {e.event_type for e in evs} - {None} == {"Protests"}
    evs = extract("On Monday, students marched in Sfax in a protest against the trial of two youths who "
                  "clashed with guards last year.")
    assert [e.event_type for e in evs] == ["Protests"]


def test_an_accusation_in_a_description_is_no_event(extract):
    evs = extract("On Monday, lawyers rallied in Quetta against the detention of two students accused of "
                  "throwing stones at a convoy.")
    assert [e.event_type for e in evs if e.event_type] == ["Protests"]
    evs = extract("On Monday, police in Kitwe are accused of assaulting a bus driver at a checkpoint.")
    coded = [e for e in evs if e.event_type]
    assert [(e.sub_event_type, e.actor1.kind) for e in coded] == [("Attack", "State forces")]


def test_a_killing_in_a_police_raid_is_the_police_s(extract):
    evs = extract("On Monday, an alleged drug courier was shot dead during a police raid on a house in Mandaue.", "2020-03-29")
    assert [(e.sub_event_type, e.actor1.name) for e in evs] == [
        ("Attack", "Police Forces of the Philippines (2016-2022)")]


def test_what_the_crowd_did_next_makes_its_protest_violent(extract):
    evs = extract("On Monday, workers of a shoe factory staged a demonstration on the highway in Gazipur "
                  "demanding unpaid wages. They also beat a manager of the factory and burnt tyres.")
    assert _actors(evs) == [("Violent demonstration", "Rioters", None)]
    # an effigy burnt, a factory occupied: the protest's own symbols and sit-ins
    evs = extract("On Monday, hundreds protested in Silchar demanding the arrest of an officer. They also "
                  "burnt an effigy of the minister.")
    assert [e.sub_event_type for e in evs if e.event_type] == ["Peaceful protest"]
    evs = extract("On Monday, 60 dock workers protested in Puerto Madryn to demand back pay. The workers have been "
                  "occupying the warehouse for three weeks.")
    assert [e.sub_event_type for e in evs if e.event_type] == ["Peaceful protest"]


def test_a_duration_is_no_date_of_the_event(extract):
    evs = extract("On 16 March 2020, contract teachers held a protest in Larkana over pay withheld since the past "
                  "five months.", "2020-03-18")
    assert [(e.sub_event_type, e.event_date) for e in evs] == [("Peaceful protest", "2020-03-16")]


def test_barricades_set_on_fire_and_fights_that_result(extract):
    evs = extract("On Monday, in Valparaiso, young people put up barricades in several streets and set them "
                  "on fire.")
    assert [e.sub_event_type for e in evs if e.event_type] == ["Violent demonstration"]
    evs = extract("On Monday, police officers confronted armed men in Arecibo, resulting in a shoot-out.")
    assert [e.sub_event_type for e in evs if e.event_type] == ["Armed clash"]


def test_protests_the_parser_hid(extract):
    evs = extract("On Monday, gym owners protested in front of the regional administration in Odesa demanding "
                  "permission to reopen.")
    assert "Peaceful protest" in [e.sub_event_type for e in evs]
    evs = extract("On Monday, demonstrators took the streets in Crater district (Aden), demanding salaries.")
    assert [e.sub_event_type for e in evs if e.event_type] == ["Peaceful protest"]


def test_one_event_per_place_listed_with_its_qualifier(extract):
    evs = extract("On Monday, government forces exchanged artillery fire with separatists on the Kreminna "
                  "(Kreminna, Luhansk) and Marinka (Marinka, Donetsk) frontlines.", "2020-03-29")
    assert sorted(e.location.name for e in evs if e.event_type) == ["Kreminna", "Marinka"]  # as written
    evs = extract("On Monday, prisoners were exchanged between Zawiya and Zintan.", "2020-03-29")
    assert len([e for e in evs if e.event_type]) <= 1


def test_the_attack_told_again_is_the_attack_before(extract):
    """A lead with no place, its detail ("The attack took place on Friday in X"), and its
    toll in a paragraph of its own are one attack, by the lead's attackers, with one toll."""
    text = ("Six soldiers have died in an ambush by suspected jihadists in northern Mali, the army said on Monday.\n\n"
            "The attack took place on Friday near Boni, it said in a statement.\n\n"
            "Six soldiers were killed and four were wounded, it said.")
    evs = [e for e in extract(text, published="2023-03-06") if e.event_type]
    assert len(evs) == 1, [(e.sub_event_type, e.location and e.location.name, e.event_date) for e in evs]
    ev = evs[0]
    assert ev.location.name == "Boni" and ev.event_date == "2023-03-03" and ev.fatalities == 6
    assert ev.actor1 is not None and not ev.actor1.name.startswith("Unidentified")


def test_killed_in_the_strike_is_the_strike(extract):
    text = ("A military jet dropped two bombs on the village of Kani in Sagaing region on Tuesday, residents said.\n\n"
            "A resident of Kani also said that seven people had been killed in the strike.")
    evs = [e for e in extract(text, published="2023-05-31") if e.event_type]
    assert [(e.sub_event_type, e.event_date, e.fatalities) for e in evs] == [("Air/drone strike", "2023-05-30", 7)]


def test_people_killed_at_a_base_is_a_battle_and_its_claim_is_the_same_attack(extract):
    text = ("Nine people were killed on Saturday when militants of al Shabaab attacked a military base near Jowhar, "
            "officials said.\n\n"
            "Al Shabaab claimed responsibility for the attack in a statement.\n\n"
            "Witnesses said the attackers burned two army trucks during the assault.")
    evs = [e for e in extract(text, published="2023-03-12") if e.event_type]
    assert [(e.sub_event_type, e.actor1.name) for e in evs] == [("Armed clash", "Al Shabaab")]


def test_a_group_linked_to_another_is_itself(extract):
    evs = extract("The al-Qaeda linked al Shabaab group said it had seized the town of Bulo Burte on Monday.",
                  published="2023-03-12")
    assert [e.actor1.name for e in evs if e.event_type] == ["Al Shabaab"]


def test_a_when_clause_that_tells_the_takeover_again_is_its_setting(extract):
    text = ("Militants overran the town of Jilib on Friday, residents said. When the militants took over the town "
            "on Friday morning they went straight to the police station.")
    evs = [e for e in extract(text, published="2018-03-03") if e.sub_event_type == "Non-state actor overtakes territory"]
    assert len(evs) == 1
