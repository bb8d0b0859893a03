"""Frames and paragraph rules for ACLED sub-types, on reports written for these tests."""

from test_events import one


def subs(events):
    return [e.sub_event_type for e in events if e.event_type]


def test_rape_is_sexual_violence(extract):
    evs = extract("Militiamen raped two women in a village near Goma on Tuesday.")
    one(evs, sub_event_type="Sexual violence")


def test_protest_forms(extract):
    for text in ("Hundreds of workers took out a rally in Lahore on Monday demanding unpaid wages.",
                 "Residents banged pots in Rosario on Friday against the pension reform.",
                 "Students formed a human chain in Dhaka on Sunday to demand safer roads.",
                 "Taxi drivers gathered outside the town hall of Cusco on Monday to complain about fuel prices."):
        assert subs(extract(text)) == ["Peaceful protest"], text


def test_seized_goods_are_no_takeover(extract):
    evs = extract("Federal police seized two tons of cocaine in a truck in Santos on Monday.")
    assert subs(evs) == ["Looting/property destruction"]


def test_forced_to_flee_happened(extract):
    # (flight forced by fighting told in the same report is that fighting's toll: see test_events)
    evs = extract("On Monday, threats from a local militia forced 300 families to flee Kalehe.")
    assert "Other" in subs(evs)


def test_there_was_a_clash(extract):
    evs = extract("There was a clash between soldiers and militants near Gao on Sunday.")
    assert subs(evs) == ["Armed clash"]


def test_convoy_entering_is_a_movement(extract):
    evs = extract("A Turkish military convoy entered Idlib province on Saturday.")
    assert subs(evs) == ["Change to group/activity"]


def test_regained_control(extract):
    evs = extract("Syrian government forces regained control of the town of Palmyra on Monday.")
    assert subs(evs) == ["Government regains territory"]


def test_force_on_a_protest_is_one_event(extract):
    evs = extract("Residents protested in Beledweyne on Monday against the new tax. During the protest, "
                  "police opened fire, killing two protesters.")
    assert subs(evs) == ["Excessive force against protesters"]


def test_warning_shots_disperse(extract):
    evs = extract("Police fired warning shots into the air to disperse protesters in Bamako on Friday.")
    assert subs(evs) == ["Protest with intervention"]


def test_what_follows_a_clash_belongs_to_it(extract):
    evs = extract("Gunmen clashed with police in Niteroi on Monday. The police seized two rifles and "
                  "arrested five men.")
    assert subs(evs) == ["Armed clash"]


def test_forces_arriving_unopposed_move(extract):
    evs = extract("A convoy of government troops arrived in Kidal on Monday.")
    assert subs(evs) == ["Change to group/activity"]


def test_entering_to_kill_is_the_killing(extract):
    evs = extract("Gunmen entered the village of Koumbri in Burkina Faso on Monday and killed two farmers.")
    assert "Non-state actor overtakes territory" not in subs(evs)


def test_prisoner_exchange_is_an_agreement(extract):
    evs = extract("The army and the rebels exchanged prisoners near Misrata in Libya on Sunday.")
    assert subs(evs) == ["Agreement"]


def test_a_base_installed(extract):
    evs = extract("UN peacekeepers installed a new base in the village of Djugu in Congo on Tuesday.")
    assert subs(evs) == ["Headquarters or base established"]


def test_killing_that_a_protest_is_about(extract):
    evs = extract("Residents demonstrated in Bafoussam on Saturday after a gendarme fatally shot a young motorcyclist.")
    assert "Excessive force against protesters" not in subs(evs)


def test_explosions_and_thefts(extract):
    assert "Remote explosive/landmine/IED" in subs(extract(
        "A roadside bomb exploded near a market in Kirkuk on Tuesday, killing a driver."))
    assert subs(extract("Armed bandits stole forty cows from a farm near Makurdi, Nigeria, on Monday.")) == \
        ["Looting/property destruction"]


def test_abbreviated_date_the_model_splits(extract):
    evs = extract("On 17 Mar 2020, Iraqi troops shelled Islamic State hideouts near Tuz Khurmatu.",
                  published="2020-03-20")
    e = one(evs, sub_event_type="Shelling/artillery/missile attack")
    assert e.event_date == "2020-03-17"


def test_protested_by_doing(extract):
    evs = extract("On 26 March 2020, taxi owners and their drivers protested by driving their cabs slowly through "
                  "Split, Croatia.", published="2020-03-27")
    assert subs(evs) == ["Peaceful protest"]


def test_traded_fire_is_a_clash_traded_goods_nothing(extract):
    assert subs(extract("Government troops and rebels traded fire near Kidal on Sunday.")) == ["Armed clash"]
    assert subs(extract("The two countries traded goods worth millions across the border on Sunday.")) == []


def test_demonstrating_something_is_showing_it_not_protesting(extract):
    # "demonstrate" with an object or a clause means to show; alone, it means to protest
    assert not extract("Applicants must demonstrate a credible fear of persecution to be heard.")
    assert not extract("The inquiry demonstrated that the convoy had been misdirected.")
    assert "Peaceful protest" in subs(extract("Hundreds of teachers demonstrated outside the ministry in Homs on Monday."))


def test_reclaimed_and_back_in_control_are_ground_regained(extract):
    for text in ("Ukrainian troops reclaimed the village of Robotyne on Monday, the general staff said.",
                 "The army said on Sunday it was back in control of Kupiansk."):
        assert subs(extract(text, published="2023-08-29")) == ["Government regains territory"], text


def test_a_dateline_is_no_actor(extract):
    evs = extract("KINSHASA, 12 May 2024 - M23 rebels have seized the town of Rubaya, residents said on Sunday.",
                  published="2024-05-12")
    one(evs, sub_event_type="Non-state actor overtakes territory")
    assert evs[0].actor1 is not None and evs[0].actor1.name.startswith("M23")


def test_bombs_dropped_are_an_air_strike_charges_dropped_nothing(extract):
    evs = extract("A helicopter dropped two barrel bombs on the village of Kafr Zita on Monday, activists said.")
    assert subs(evs) == ["Air/drone strike"]
    assert subs(extract("Prosecutors dropped the charges against the two activists on Monday.")) == []


def test_a_war_fought_is_no_battle(extract):
    for text in ("Mali is battling a jihadist insurgency that spread south from the desert.",
                 "The government has been fighting a separatist rebellion in the region for years."):
        assert subs(extract(text)) == [], text


def test_a_standing_charge_is_no_event_a_dated_one_is(extract):
    assert subs(extract("Monitors accuse the militia of looting shops and burning homes across the province.")) == []
    evs = extract("Soldiers are accused of beating a street vendor to death in Kano on Monday.")
    assert subs(evs) == ["Attack"]


def test_no_fighting_is_negated(extract):
    evs = extract("\"There was no fighting in the village,\" a resident of Kafr Nabl said on Monday.")
    assert all(e.modality == "negated" for e in evs if e.event_type == "Battles")


def test_defending_a_town_is_no_statement_of_support(extract):
    assert [e.plover for e in extract("Kurdish fighters are dug in and defending the town of Kobani.")] == []
    evs = extract("The Iraqi prime minister defended his government's record on Monday.")
    assert [e.plover for e in evs] == ["SUPPORT"]


def test_the_presidents_of_two_states_meet(extract):
    evs = extract("The presidents of Congo and Burundi held talks in Luanda on Tuesday.", published="2025-03-20")
    ev = one(evs, plover="CONSULT")
    assert {ev.actor1.name, ev.actor2.name} == {"Government of the Democratic Republic of Congo (2019-)",
                                               "Government of Burundi (2020-)"}


def test_fire_that_could_be_heard_was_heard(extract):
    evs = extract("Heavy artillery fire could be heard all day on Wednesday in Rutshuru, residents said.",
                  published="2025-03-20")
    assert [e.modality for e in evs if e.event_type] == ["reported"]
    evs = extract("Rebel artillery could hit the town of Rutshuru next week, analysts said.", published="2025-03-20")
    assert all(e.modality == "hypothetical" for e in evs)


def test_routed_is_a_battle(extract):
    evs = extract("Congolese troops routed militiamen near Beni on Sunday, the army said.", published="2022-06-13")
    assert subs(evs) == ["Armed clash"]


def test_offering_oneself_offers_nothing(extract):
    evs = extract("Offering himself as the voice of the region, the Turkish president spoke in London on Monday.")
    assert [e.plover for e in evs] == []


def test_forces_threatening_to_encircle_make_no_threat(extract):
    evs = extract("Russian troops are threatening to encircle the town of Kurakhove, a Ukrainian monitor said.",
                  published="2024-12-21")
    assert "THREATEN" not in [e.plover for e in evs]


def test_the_troops_of_a_ministry_that_speaks_are_its_own(extract):
    evs = extract("Russia's defence ministry said on Sunday that troops had taken control of the village of "
                  "Novoselivka in Ukraine's Donetsk region.", published="2024-07-28")
    ev = one(evs, sub_event_type="Non-state actor overtakes territory")
    assert ev.actor1.name == "Military Forces of Russia (2000-)"


def test_the_dead_and_wounded_are_never_the_attackers(extract):
    evs = extract("Two people died in a drone explosion in Sennar and several more were injured, a doctor said.",
                  published="2025-08-13")
    assert evs and all(e.actor1 is None or e.actor1.kind != "Civilians" for e in evs)


def test_a_ship_struck_by_a_drone_is_an_air_strike(extract):
    evs = extract("A drone launched from Houthi-held territory struck a cargo vessel off Hodeidah on Monday, "
                  "the maritime agency said.", published="2024-01-15")
    assert subs(evs) == ["Air/drone strike"]


def test_property_burnt_with_no_crowd_is_no_mob(extract):
    evs = extract("A school was burnt down and two shops were looted in Baidoa on Friday, the governor said.",
                  published="2018-03-03")
    assert "Mob violence" not in subs(evs)
    evs = extract("Angry youths burned tyres and torched a police post in Kisumu on Monday.", published="2018-03-03")
    assert subs(evs) == ["Violent demonstration"]


def test_figures_of_speech_are_no_attacks_nor_abductions(extract):
    for text in ("The photograph captured the predicament of the rebel fighters besieged in the north.",
                 "He only understood the cold when the frost hit his face outside the airport in Edmonton.",
                 "She married a fighter after she arrived in Syria."):
        assert subs(extract(text, published="2019-03-06")) == [], text
    assert subs(extract("Rebels captured two soldiers near Idlib on Monday.")) == ["Abduction/forced disappearance"]


def test_fighters_who_fled_withdrew_officials_who_left_fled_nothing(extract):
    evs = extract("Dozens of Islamic State fighters fled Mayadin on Sunday after heavy air strikes.",
                  published="2017-09-11")
    assert "Other" not in subs(evs) and evs
    assert subs(extract("On Saturday another senior official joined the exodus from the cabinet in Washington.",
                        published="2018-12-23")) == []
