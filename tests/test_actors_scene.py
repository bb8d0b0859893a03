"""Where an event happens decides whether a state's forces are its own or foreign
(ACLED's External/Other forces); a gazetteer slip must not decide it.  Sentences are
our own, in the style of wire reports."""

from __future__ import annotations

import pytest
import spacy

from sitrep.actors.context import ArticleActors
from sitrep.actors.kb import load_kb
from sitrep.models import Actor

KB = load_kb()
NLP = spacy.blank("en")


def _scene(text: str, placed: str | None) -> str | None:
    return ArticleActors(kb=KB).scene(NLP(text), placed)


def test_a_geocoder_slip_the_text_never_supports_is_overruled():
    # "Rafah" read in Gaza for a town of North Sinai: the text speaks of Egypt only
    text = "Egyptian military forces launched airstrikes on militants near Rafah, North Sinai, Egypt."
    assert _scene(text, "PSE") == "EGY"


def test_a_place_the_text_supports_stands():
    text = "Turkish forces shelled villages near Tal Tamr in Syria's Hasakah province."
    assert _scene(text, "SYR") == "SYR"


def test_state_forces_abroad_are_external():
    ctx = ArticleActors(kb=KB)
    turkey = Actor(name="Military Forces of Turkey (2016-)", id="TUR-military", kind="State forces", country="TUR")
    assert ctx.in_scene(turkey, "SYR").kind == "External/Other forces"
    assert ctx.in_scene(turkey, "TUR").kind == "State forces"
    assert ctx.in_scene(turkey, None).kind == "State forces"


def test_own_forces_stay_state_forces_whatever_the_gazetteer(extract):
    evs = extract("On 21 March 2020, Afghan police forces attacked Taliban militants in Chora district, "
                  "Uruzgan province, Afghanistan, killing three.", "2020-03-22")
    kinds = {e.actor1.name: e.actor1.kind for e in evs if e.actor1}
    assert kinds.get("Police Forces of Afghanistan (2014-2021)") == "State forces"


def test_a_conjoined_passive_shares_its_agent(extract):
    evs = extract("On 22 March 2020, two reporters were beaten and then detained by the police in Goma, "
                  "North Kivu, Democratic Republic of Congo.", "2020-03-23")
    names = [e.actor1.name for e in evs if e.actor1 and e.event_type]
    assert names and all(n.startswith("Police Forces of the Democratic Republic of Congo") for n in names)


def test_clashes_that_erupt_between_two_sides(extract):
    evs = extract("On 21 March 2020, clashes erupted between Taliban fighters and Afghan security forces "
                  "near Andar, Ghazni province, Afghanistan.", "2020-03-22")
    clash = [e for e in evs if e.sub_event_type == "Armed clash"]
    assert clash and clash[0].actor1.name == "Taliban"


def test_unattributed_shelling_follows_the_country_convention(extract):
    # along Ukraine's contact line before 2022 ACLED lays unattributed fire to the side
    # across the line: the NAF's where the government held the place, Ukraine's where the NAF did
    evs = extract("On 23 March 2020, the OSCE SMM heard 9 artillery explosions near Zolote, "
                  "Luhansk region, Ukraine.", "2020-03-24")
    fired = [e for e in evs if e.event_type == "Explosions/Remote violence"]
    assert fired and fired[0].actor1.name == "NAF: United Armed Forces of Novorossiya"
    evs = extract("On 23 March 2020, the OSCE SMM heard 9 artillery explosions near Horlivka, "
                  "Donetsk region, Ukraine.", "2020-03-24")
    fired = [e for e in evs if e.event_type == "Explosions/Remote violence"]
    assert fired and fired[0].actor1.name == "Military Forces of Ukraine (2019-)"


def test_the_author_of_the_attack_a_passive_killing_follows(extract):
    evs = extract("On 21 March 2020, four guards were killed in an assault by al-Shabaab fighters "
                  "on an outpost near Afgooye, Somalia.", "2020-03-22")
    violent = [e for e in evs if e.event_type in ("Battles", "Violence against civilians")]
    assert violent and violent[0].actor1.name == "Al Shabaab"


def test_a_device_planted_by_a_group_is_the_group_s(extract):
    evs = extract("On 23 March 2020, a roadside bomb planted by the Taliban destroyed a police vehicle "
                  "in Helmand province, Afghanistan.", "2020-03-24")
    acted = [e for e in evs if e.event_type and e.actor1]
    assert acted and acted[0].actor1.name == "Taliban"


def test_state_forces_in_a_clash_the_parse_gives_no_agent(extract):
    evs = extract("On 24 March 2020, a robbery suspect was killed after trading shots with "
                  "military police officers in Caruaru, Pernambuco, Brazil.", "2020-03-25")
    clash = [e for e in evs if e.event_type == "Battles"]
    assert clash and clash[0].actor1.name == "Military Forces of Brazil (2019-2022) Military Police"


def test_a_stray_place_gives_way_to_the_places_focus():
    # a square's name read in Armenia, in an article whose places are Peruvian
    ctx = ArticleActors(kb=KB, focus="PER")
    assert ctx.scene(NLP("Retired miners rallied in Armas square in Arequipa."), "ARM") == "PER"


def test_agentless_violence_is_laid_to_the_group_that_claims_it(extract):
    evs = extract("On 20 March 2020, a bomb exploded near a police station in Marka, Lower Shabelle, Somalia, "
                  "killing two officers. Al Shabaab claimed responsibility.", "2020-03-21")
    coded = [e for e in evs if e.event_type]
    assert coded and coded[0].actor1.name == "Al Shabaab"


def test_agentless_violence_with_no_group_named_stays_unidentified(extract):
    evs = extract("On 20 March 2020, a bomb exploded near a police station in Marka, Lower Shabelle, Somalia, "
                  "killing two officers.", "2020-03-21")
    coded = [e for e in evs if e.event_type]
    assert coded and coded[0].actor1.name == "Unidentified Armed Group (Somalia)"


# crowds, civilians and unnamed groups read against the wrong country take the scene's
CROWDS_IN_SCENE = [
    ("rioters-RUS", "LBN", "Rioters (Lebanon)", "Rioters"),
    ("protesters-JOR", "LBN", "Protesters (Lebanon)", "Protesters"),
    ("protesters", "CHL", "Protesters (Chile)", "Protesters"),
    ("civilians-USA", "MEX", "Civilians (Mexico)", "Civilians"),
    ("unidentified-LBY", "TUN", "Unidentified Armed Group (Tunisia)", "Political militia"),
    ("protesters-IND", "IND", "Protesters (India)", "Protesters"),
    ("protesters-IND", None, "Protesters (India)", "Protesters"),
]


def test_crowds_are_named_by_the_scene():
    ctx = ArticleActors(kb=KB, published="2020-03-20")
    for actor_id, scene, name, kind in CROWDS_IN_SCENE:
        a = ctx.in_scene(KB.actor(actor_id, on="2020-03-20"), scene)
        assert a is not None and (a.name, a.kind) == (name, kind), (actor_id, scene)


def test_unattributed_shelling_is_an_unidentified_armed_group(extract):
    evs = extract("On 27 March 2020, shelling by an unidentified side hit "
                  "Salah al-Din, Tripoli, Libya. Nobody was hurt.", "2020-03-28")
    shelling = [e for e in evs if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling and shelling[0].actor1.name == "Unidentified Armed Group (Libya)"


# who repelled an attack defended: the attack's author initiated the battle (ACLED's actor1)
REPELLED = [
    (("On 25 March 2020, Afghan soldiers repelled an assault by Taliban fighters on a checkpoint in "
      "Sayedabad district, Wardak, Afghanistan."), "Taliban", "Military Forces of Afghanistan (2014-2021)"),
    (("On 22 March 2020, soldiers foiled an attack by al-Shabaab fighters on their camp near "
      "Wanlaweyn, Lower Shabelle, Somalia."), "Al Shabaab", "Military Forces of Somalia (2017-2022)"),
    ("On 23 March 2020, the Syrian army repulsed an ISIS assault on its positions near Palmyra, Syria.",
     "Islamic State (Syria)", "Military Forces of Syria (2000-2024)"),
    (("On 28 March 2020, three Taliban fighters died when Afghan troops repulsed their raid on a "
      "police post in Balkh province, Afghanistan."), "Taliban", "Military Forces of Afghanistan (2014-2021)"),
]


def test_the_author_of_a_repelled_attack_is_actor1(extract):
    for text, attacker, defender in REPELLED:
        clash = [e for e in extract(text, "2020-03-29") if e.sub_event_type == "Armed clash"]
        assert clash, text
        assert (clash[0].actor1.name, clash[0].actor2 and clash[0].actor2.name) == (attacker, defender), text


# "killed in an army operation": the forces a noun names carried out what it names
OPERATIONS = [
    (("On 26 March 2020, two suspected militants were killed in an army operation in Lakki Marwat, "
      "Khyber Pakhtunkhwa, Pakistan."), "Military Forces of Pakistan (2018-2022)"),
    ("On 25 March 2020, three suspects were killed in a police operation in Rio de Janeiro, Brazil.",
     "Police Forces of Brazil (2019-2022)"),
]


def test_the_forces_a_noun_names_carried_it_out(extract):
    for text, name in OPERATIONS:
        acted = [e for e in extract(text, "2020-03-29") if e.event_type and e.actor1]
        assert acted and acted[0].actor1.name == name, text


def test_communities_and_families_at_arms_are_identity_militias(extract):
    def first(text):
        return next((e.actor1.name, e.actor1.kind) for e in extract(text, "2020-03-29") if e.event_type)

    assert first("On Monday, armed militiamen from the Dir and Marehan clans clashed near Dhusamareb "
                 "(Galgaduud).") == ("Dir Clan Militia (Somalia)", "Identity militia")
    assert first("On Monday, two armed families exchanged fire in Baalbek over a debt.")[1] == "Identity militia"
    assert first("On Monday, local militiamen attacked a herders' camp near Wukari (Taraba).") == \
        ("Unidentified Communal Militia (Nigeria)", "Identity militia")
    assert first("On Monday, armed pastoralists attacked farmers near Kutum (North Darfur state).") == \
        ("Unidentified Communal Militia (Sudan)", "Identity militia")


def test_bare_militiamen_after_a_named_community_are_that_community(extract):
    evs = extract("On Monday, Jukun militias attacked villages near Wukari (Taraba). Militiamen killed four "
                  "farmers.", "2020-03-29")
    assert {e.actor1.name for e in evs if e.event_type} == {"Jukun Ethnic Militia (Nigeria)"}


# Who did it, and who did not: (report, actor1's field, what it must be).
AUTHORS = [
    # who found the body did not kill
    ("On Monday, a young man's body was discovered by municipal police beside a road in Irapuato.",
     "kind", "Political militia"),
    # a country named as a place is no attacker
    ("On Monday, near Tepetlixpa, Mexico, a man was shot dead on the road to Ozumba.",
     "name", "Unidentified Armed Group (Mexico)"),
    # the target of a throw is not its author
    ("On Monday, a grenade was thrown at an army (presumed) checkpoint in Baidoa (Bay).", "kind", "Political militia"),
    # a device's author is who planted it
    ("On Monday, an explosive device attached to an SDF truck by unidentified gunmen exploded in Raqqa.",
     "name", "Unidentified Armed Group (Syria)"),
    # a subject the parser joined to the places before it, or to a heading
    ("On Monday, in Ponnagyun Township, Rakhine State, the Myanmar army and the AA fought for hours.",
     "name", "Military Forces of Myanmar (2016-2021)"),
    ("Looting: On Monday, regime forces looted crops in the countryside of Saraqib in Idlib.",
     "name", "Military Forces of Syria (2000-2024)"),
]


@pytest.mark.parametrize(("text", "field", "expected"), AUTHORS)
def test_who_did_it(extract, text: str, field: str, expected: str):
    evs = extract(text, "2020-03-29")
    assert [getattr(e.actor1, field) for e in evs if e.event_type] == [expected]


def test_fire_answered_is_a_clash_opened_by_who_fired_first(extract):
    evs = extract("On Monday, officers were on patrol in Ilopango when several gang members arrived and "
                  "began shooting. The police shot back.", "2020-03-29")
    coded = [e for e in evs if e.event_type]
    assert [(e.sub_event_type, e.actor1.kind, e.actor2 and e.actor2.kind) for e in coded] == [
        ("Armed clash", "Political militia", "State forces")]


def test_a_heading_is_no_subject_and_a_state_on_patrol_is_its_forces(extract):
    evs = extract("Troop movements: On Monday, Iranian forces brought reinforcements to their positions in "
                  "Deir ez-Zor.", "2020-03-29")
    assert [(e.actor1.name, e.actor1.kind) for e in evs if e.event_type] == [
        ("Military Forces of Iran (1989-)", "External/Other forces")]
    evs = extract("On Monday, Turkey and Russia carried out a joint patrol near Darbasiyah in al-Hasakeh.",
                  "2020-03-29")
    assert [(e.actor1.name, e.actor1.kind) for e in evs if e.event_type] == [
        ("Military Forces of Turkey (2016-)", "External/Other forces")]


def test_troops_raid_on_foot(extract):
    evs = extract("On Monday, Israeli troops raided the village of Kafr Qaddum and assaulted a shepherd.", "2020-03-29")
    assert "Air/drone strike" not in [e.sub_event_type for e in evs]


def test_an_arrest_nobody_is_named_for_is_the_police_s(extract):
    evs = extract("On Monday, a opposition blogger was arrested in Hrodna on an administrative charge.",
                  "2020-03-29")
    assert [(e.sub_event_type, e.actor1.name) for e in evs if e.event_type] == [
        ("Arrests", "Police Forces of Belarus (1994-)")]


def test_who_reports_a_killing_did_not_kill(extract):
    evs = extract("Turkish state media reported on Monday that a senior army adviser had been killed in Tripoli "
                  "during the fighting.", "2020-03-29")
    assert all(e.actor1 is None or not e.actor1.name.startswith(("Military Forces of Turkey", "Government of Turkey"))
               for e in evs if e.event_type)


def test_who_holds_the_prison_is_who_killed(extract):
    evs = extract("On Monday, a detainee from Harasta died under torture in a regime military prison near "
                  "Damascus.", "2020-03-29")
    assert [(e.sub_event_type, e.actor1.name) for e in evs if e.event_type] == [
        ("Attack", "Military Forces of Syria (2000-2024)")]


def test_fights_between_named_families_and_clans(extract):
    evs = extract("On Monday, a shootout ensued between the Al Rashidi and Al Mounir families near Hermel.",
                  "2020-03-29")
    assert [(e.actor1.name, e.actor2 and e.actor2.name) for e in evs if e.event_type] == [
        ("Al Rashidi Clan Militia (Lebanon)", "Al Mounir Clan Militia (Lebanon)")]
    evs = extract("On Monday, clashes erupted between the Hawadle and Abgal clans in Beledweyne.", "2020-03-29")
    assert [(e.sub_event_type, e.actor1.kind) for e in evs if e.event_type] == [("Armed clash", "Identity militia")]
    evs = extract("On Monday, a herder was shot dead in inter-clan fighting near Galkayo.", "2020-03-29")
    assert [e.actor1.name for e in evs if e.event_type] == ["Unidentified Clan Militia (Somalia)"]
    assert not [e for e in extract("The fight against corruption will go on, the minister said in Nairobi.")
                if e.event_type]


def test_waves_of_strikes_are_their_carriers(extract):
    evs = extract("Israeli and American jets carried out waves of airstrikes on Hodeidah on Saturday.", "2024-12-01")
    assert [(e.sub_event_type, e.actor1.name) for e in evs if e.event_type] == [
        ("Air/drone strike", "Military Forces of Israel (2022-)")]


def test_the_same_strikes_on_another_day_are_another_event(extract):
    evs = extract("Russian jets struck Idlib on Saturday. Russian jets struck Idlib again on Sunday.", "2024-12-02")
    assert sorted(e.event_date for e in evs if e.event_type) == ["2024-11-30", "2024-12-01"]


def test_who_is_helped_in_doing_does_it(extract):
    evs = extract("The ministry said its jets were supporting the Iraqi army in repelling militants near Mosul on "
                  "Monday.", "2020-03-29")
    clash = [e for e in evs if e.event_type == "Battles"]
    assert clash and clash[0].actor1.name.startswith("Military Forces of Iraq")
