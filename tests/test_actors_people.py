"""Who speaks and who acts, read through the ways news refers back to them: a surname, an
office, a pronoun, a capital; the same letters read by the scene's country; several actors
named together.  The sentences and names are our own, written in the style of wire reports."""

from __future__ import annotations


def _one(evs, plover=None, sub=None):
    found = [e for e in evs if (plover and e.plover == plover and e.event_type is None)
             or (sub and e.sub_event_type == sub)]
    assert found, [(e.sub_event_type, e.plover, e.actor1) for e in evs]
    return found[0]


def test_a_surname_speaks_for_the_state_it_was_introduced_with(extract):
    evs = extract("Kenya's interior minister, Daniel Otieno, visited the northern town of Mandera on Tuesday. "
                  "Otieno condemned the attack on the police post.", "2024-06-12")
    said = [e for e in evs if e.plover == "ACCUSE" and e.event_type is None]
    assert said and said[0].actor1.id == "KEN-government"


def test_she_is_the_person_named_last_not_the_nearest_noun(extract):
    evs = extract("Ghana's foreign minister, Akosua Mensah, spoke to reporters after talks with the French "
                  "ambassador in Accra. She accused the junta in Burkina Faso of sheltering the gunmen.",
                  "2024-06-12")
    assert _one(evs, plover="ACCUSE").actor1.id == "GHA-government"


def test_he_is_the_main_subject_not_a_person_he_spoke_of(extract):
    evs = extract("The Liberian president, Samuel Kollie, criticised a decision by the Ivorian president, "
                  "Marc Kouame, during a visit to Monrovia. He also accused Guinea of arming the rebels.",
                  "2024-06-12")
    later = [e for e in evs if e.plover == "ACCUSE" and e.text.startswith("He ")]
    assert later and later[0].actor1.id == "LBR-government"


def test_an_office_alone_takes_up_the_person_who_holds_it(extract):
    evs = extract("Chad's defence minister, Ibrahim Saleh, arrived in Abeche on Monday to inspect the garrison. "
                  "The minister accused Sudanese militias of crossing the border.", "2024-06-12")
    assert _one(evs, plover="ACCUSE").actor1.id == "TCD-government"


def test_letters_of_another_war_are_read_in_the_scene(extract):
    # in a Somali report "SNA" is Somalia's army, not the Syrian rebels of the same letters
    evs = extract("SNA troops recaptured the town of Bulo Burde from al-Shabaab militants on Sunday, "
                  "a local elder said.", "2024-06-12")
    took = [e for e in evs if e.event_type == "Battles"]
    assert took and took[0].actor1.id.startswith("SOM-military")


def test_letters_of_the_scenes_own_war_stand(extract):
    evs = extract("Turkish-backed SNA factions shelled Kurdish positions near Manbij on Friday, the SDF said.",
                  "2024-06-12")
    shelled = [e for e in evs if e.event_type == "Explosions/Remote violence"]
    assert shelled and shelled[0].actor1.id == "sna"


def test_a_group_introduces_its_own_letters(res):
    from sitrep.actors.abbreviations import by_scene, find_groups, introduced

    text = ("The Somali National Army (SNA) pushed north on Monday. SNA units later entered the town, "
            "a commander said.")
    own = introduced(text, res.kb)
    assert own["SNA"] == "SOM-military"
    letters = {**by_scene(text, res.kb, "SOM", own), **own}
    assert {gid for s, e, gid in find_groups(res.kb, text, letters) if text[s:e] == "SNA"} == {"SOM-military"}


def test_countries_named_together_are_one_actor_and_its_associates(extract):
    evs = extract("The US, Britain and France condemned the shelling of the hospital in Idlib on Monday.",
                  "2024-06-12")
    said = _one(evs, plover="ACCUSE")
    assert said.actor1.id == "USA-government"
    assert {a.id for a in said.assoc_actors} >= {"GBR-government", "FRA-government"}


def test_capitals_named_together_are_their_states(extract):
    evs = extract("Ankara and Moscow agreed on a ceasefire in Idlib on Thursday.", "2024-06-12")
    agreed = _one(evs, plover="AGREE")
    assert {agreed.actor1.id, agreed.actor2.id if agreed.actor2 else None} | {a.id for a in agreed.assoc_actors} \
        >= {"TUR-government", "RUS-government"}


def test_forces_listed_one_by_one_are_all_in_the_fight(extract):
    evs = extract("The army, the police and local militias clashed with the rebels near Goma on Friday.",
                  "2024-06-12")
    fight = _one(evs, sub="Armed clash")
    assert fight.actor1.id.startswith("COD-military")
    assert any(a.id and a.id.startswith("COD-police") for a in fight.assoc_actors)


def test_the_letters_us_are_a_country_not_a_pronoun(extract):
    evs = extract("The US and Qatar urged both sides to return to talks in Doha on Sunday.", "2024-06-12")
    asked = _one(evs, plover="REQUEST")
    assert asked.actor1.id == "USA-government"


def test_a_body_alone_takes_up_the_one_named_before(extract):
    evs = extract("Ukraine's defence ministry said on Tuesday that its troops had held their positions near "
                  "Kupiansk. The ministry accused Moscow of shelling a hospital in the town.", "2024-06-12")
    said = _one(evs, plover="ACCUSE")
    assert said.actor1.id == "UKR-government" and said.actor2.id == "RUS-government"
    shelled = [e for e in evs if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert all(e.actor1.id.startswith("RUS-") for e in shelled)  # the accused shelled, not the accuser


def test_it_is_the_subject_of_the_sentence_before_not_its_last_noun(extract):
    evs = extract("The Sudanese army said it had retaken the town of Wad Madani from the RSF. It accused the "
                  "paramilitaries of burning the market.", "2024-06-12")
    assert _one(evs, plover="ACCUSE").actor1.id.startswith("SDN-")


def test_the_group_is_the_armed_group_the_report_is_about(extract):
    evs = extract("Al-Shabaab fighters stormed a military base near Afgoye on Monday, residents said. "
                  "The group also seized the town's police station.", "2024-06-12")
    seized = [e for e in evs if "police station" in e.text and e.event_type]
    assert seized and seized[0].actor1.id == "al-shabaab"


def test_the_group_after_a_monitor_is_not_the_armed_group(extract):
    evs = extract("Al-Shabaab fighters stormed a military base near Afgoye on Monday. Human Rights Watch "
                  "criticised the government's response. The group accused the army of abandoning civilians.",
                  "2024-06-12")
    assert all(e.actor1 is None or e.actor1.id != "al-shabaab" for e in evs if e.text.startswith("The group"))


def test_capitals_in_talks_are_the_two_sides(extract):
    evs = extract("Kinshasa and Kigali are in talks over the withdrawal of troops from the border.", "2024-06-12")
    talks = _one(evs, plover="CONSULT")
    assert {talks.actor1.id, talks.actor2.id} == {"COD-government", "RWA-government"}


def test_she_is_a_private_person_when_the_report_ties_her_to_no_side(extract):
    evs = extract("Somali troops retook the village of Janale from al-Shabaab on Monday. Amina Yusuf, 31, said "
                  "she welcomed the soldiers back.", "2024-06-12")
    spoken = [e for e in evs if e.event_type is None and "welcomed" in e.text]
    assert all(e.actor1 is None or e.actor1.kind == "Civilians" for e in spoken)


def test_the_speaker_after_a_participle_clause_is_the_subject(extract):
    evs = extract("Speaking to reporters in Benghazi, the UN envoy, Maria Lindqvist, urged the rival factions "
                  "to respect the truce.", "2024-06-12")
    assert _one(evs, plover="REQUEST").actor1.id == "united-nations"


def test_a_warning_speaks_for_the_it_inside_it(extract):
    evs = extract("Ankara warned on Tuesday that it would shell Kurdish positions near Kobani unless the "
                  "fighters withdrew.", "2024-06-12")
    shelled = [e for e in evs if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert all(e.actor1 is not None and e.actor1.id.startswith("TUR-") for e in shelled)


def test_army_units_are_the_scenes_army(extract):
    evs = extract("The Lebanese army said on Sunday that army units had deployed in three villages near "
                  "Marjayoun after the Israeli withdrawal.", "2024-06-12")
    moved = [e for e in evs if e.actor1 is not None and "units" in e.text]
    assert moved and moved[0].actor1.id.startswith("LBN-military")


def test_a_ministry_named_for_its_seat_is_its_state(extract):
    evs = extract("The State Department condemned the hanging of two protesters in Tehran.", "2024-06-12")
    assert _one(evs, plover="ACCUSE").actor1.id == "USA-government"


def test_officials_in_a_capital_speak_for_its_state(extract):
    evs = extract("Officials in Kinshasa condemned the massacre of villagers near Beni.", "2024-06-12")
    assert _one(evs, plover="ACCUSE").actor1.id == "COD-government"


def test_a_surname_the_tagger_misreads_is_still_the_person(extract):
    evs = extract("Israeli military spokesman Daniel Hagari said troops had killed two gunmen in Jenin. "
                  "Hagari accused Hamas of hiding weapons in the camp.", "2024-06-12")
    assert _one(evs, plover="ACCUSE").actor1.id.startswith("ISR-")
    fought = [e for e in evs if e.event_type and "troops" in e.text]
    assert fought and fought[0].actor1.id.startswith("ISR-military")  # the army's own troops


def test_letters_of_a_group_not_yet_formed_name_nobody(res):
    from sitrep.actors.abbreviations import NO_ACTOR, by_scene

    text = "Fighters of the SNA clashed with regime forces near Aleppo, the monitor said."
    assert by_scene(text, res.kb, "SYR", {}, "2014-05-02").get("SNA") == NO_ACTOR
    assert "SNA" not in by_scene(text, res.kb, "SYR", {}, "2019-05-02")


def test_the_visitor_is_the_subject_of_the_clause_the_visit_opens(extract):
    evs = extract("The Kenyan president, William Odhiambo, flew to the Gulf on Wednesday. On a visit to Abu Dhabi, "
                  "he laid a wreath at the war memorial.", "2024-06-12")
    visits = [e for e in evs if e.plover == "CONSULT" and e.event_type is None]
    assert visits and visits[0].actor1.id == "KEN-government"
