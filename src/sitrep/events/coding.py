"""From a trigger class and its arguments to ACLED's type and sub-type and PLOVER's type.

The codebook's distinctions that depend on *who* acts are made here, once the actors
are known: a takeover is "Government regains territory" when the state's own forces
take a place in their country and "Non-state actor overtakes territory" otherwise; a
crowd taking a police station is mob violence; an attack is an air/drone strike,
shelling or an IED by its weapon, and an "Attack" on civilians when no weapon says so.
"""

from __future__ import annotations

from ..models import Actor

__all__ = ["ACLED_TYPES", "ARMED_VICTIMS", "CIVILIAN_VICTIMS", "code_event"]

B, E, V, P, R, S = ("Battles", "Explosions/Remote violence", "Violence against civilians",
                    "Protests", "Riots", "Strategic developments")
ACLED_TYPES = {
    B: ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    E: ["Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
        "Suicide bomb", "Grenade", "Chemical weapon"],
    V: ["Attack", "Abduction/forced disappearance", "Sexual violence"],
    P: ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    R: ["Violent demonstration", "Mob violence"],
    S: ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other"],
}
CROWD = {"Civilians", "Protesters", "Rioters"}
ARMED_KINDS = {"State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces"}
CROWD_NOUNS = {"villagers", "youths", "residents", "supporters", "vendors", "traders", "students",
               "palestinians", "groups", "families", "tribes",
               "mob", "mobs", "crowd", "crowds", "rioters", "locals", "clans", "tribesmen", "farmers",
               "herders", "fans", "communities", "neighbours", "neighbors"}
INTERVENTION = {"disperse", "dispersed", "tear", "arrest", "arrested", "detain", "detained",
                "cannon", "rubber", "batons", "beat", "crackdown"}
LETHAL = {"killed", "kill", "dead", "live", "shot", "fire", "wounded", "injured"}
VIOLENT_CROWD = {"burn", "burned", "burnt", "burning", "stone", "stones", "rocks", "threw", "clash",
                 "clashed", "smash", "smashed", "vandalise", "vandalised", "vandalized", "torch",
                 "torched", "storm", "stormed", "loot", "looted", "attack", "attacked", "tires", "tyres",
                 "barricades", "molotov", "petrol", "violent", "violently"}
PROTEST_CONTEXT = {"demonstration", "demonstrations", "demonstrators", "protest", "protests", "protesters",
                   "protesting", "demonstrating", "demanding", "strike", "rally"}
# who takes or burns property decides: an armed group loots; a crowd riots
LOOTERS = {"rebels", "militants", "members", "soldiers", "forces", "gunmen", "fighters", "militia",
           "militias", "troops", "police", "army", "raiders", "bandits"}
# ACLED: a crowd attacking people is mob violence; "armed men" are not a crowd
MOB_WORDS = {"mob", "mobs", "crowd", "crowds", "villagers", "vigilantes", "lynch", "lynched", "residents",
             "youths", "rioters", "locals", "nationals", "neighbours", "neighbors", "relatives", "supporters"}
ARMED_WORDS = {"armed", "gunmen", "gunman", "militia", "militias", "militiamen", "soldiers", "police",
               "policemen", "forces", "troops", "fighters", "militants", "gang", "gangs"}
# the words that make an advance a fight for ground (a takeover is a battle in ACLED's codebook)
FIGHTING = {"clash", "clashes", "clashed", "fighting", "fought", "battle", "battles", "attack", "attacked",
            "killed", "killing", "stormed", "seized", "captured", "overran", "offensive", "assault", "repelled",
            "firefight", "gunfight", "casualties", "dead", "wounded", "injured", "advance", "sweeping"}
# a crowd's weapons: fights with these between unorganised groups are mob violence
CROWD_WEAPONS = {"sticks", "stick", "stones", "machetes", "machete", "axes", "axe", "clubs", "bows", "arrows",
                 "knives", "rods", "bats", "fists", "batons", "spears", "bricks"}
FIREARMS = {"gun", "guns", "gunfire", "shot", "shots", "shooting", "rifles", "rifle", "firearms", "pistol",
            "bullets", "fire", "fired", "gunmen", "armed"}
# people with no organisation named ("four persons beat a vendor", "community members assaulted")
PLAIN_PEOPLE = {"people", "persons", "citizens", "individuals", "kin", "relatives", "community"}
# what demonstrators do that ACLED counts as a violent demonstration: burning tyres on a road,
# barricading it, for a stated grievance
DEMONSTRATION_CONDUCT = {"tires", "tyres", "tire", "tyre", "barricaded", "barricades", "barricade", "blocked",
                         "reject", "denounce", "complain", "dissatisfaction", "demands", "grievances"}
VERB_WEAPON = {"shell": "Shelling/artillery/missile attack", "bombard": "Shelling/artillery/missile attack"}
# classes whose coding does not depend on who acts
FIXED: dict[str, tuple[str, str, str | None]] = {
    "close": (S, "Other", "SANCTION"), "evacuate": (S, "Other", "RETREAT"),
    "displacement": (S, "Other", "RETREAT"), "flee": (S, "Other", "RETREAT"),
    "order_leave": (S, "Other", "REQUEST"),
    "restrict": (S, "Change to group/activity", "COERCE"),  # curfews, lockdowns: security measures
    "defect": (S, "Change to group/activity", None),
    "base": (S, "Headquarters or base established", "MOBILIZE"),
    "deploy": (S, "Change to group/activity", "MOBILIZE"),
    "deployment": (S, "Change to group/activity", "MOBILIZE"),
    "arrest": (S, "Arrests", "COERCE"), "abduct": (V, "Abduction/forced disappearance", "COERCE"),
    "intercept": (S, "Disrupted weapons use", "COERCE"), "deal": (S, "Agreement", "AGREE"),
}
VERBAL_PLOVER = {"agree": "AGREE", "consult": "CONSULT", "talks": "CONSULT", "request": "REQUEST",
                 "support": "SUPPORT", "accuse": "ACCUSE", "reject": "REJECT",
                 "threaten": "THREATEN", "sanction": "SANCTION", "supply": "AID",
                 "release": "RETREAT", "concede": "CONCEDE", "cooperate": "COOPERATE",
                 "coerce": "COERCE"}


def _state_at_home(a: Actor | None, location_iso3: str | None) -> bool:
    return a is not None and a.kind == "State forces" and (location_iso3 is None or a.country == location_iso3)


STANDOFF_VERBS = {"strike", "bomb", "target", "hit", "pound", "bombard", "raid"}
AIRCRAFT = {"aircraft", "airstrike", "airstrikes", "warplane", "warplanes", "jet", "jets", "plane", "planes",
            "helicopter", "helicopters", "gunship", "gunships", "drone", "drones", "aerial", "bomber", "bombers"}


ARMED_VICTIMS = {"fighters", "soldiers", "troops", "militants", "rebels", "combatants", "positions",
                 "position", "base", "checkpoint", "checkpoints", "post", "outpost", "convoy", "patrol",
                 "security", "police", "policeman", "policemen", "policewoman", "army", "guard", "gunmen",
                 "officers", "insurgents", "militiamen", "jihadists", "personnel",
                 "servicemen", "guards", "soldier", "fighter", "militant", "rebel", "commander", "officer",
                 "lieutenant", "captain", "colonel", "sergeant", "corporal", "private", "gendarme", "gendarmes",
                 "militiaman", "insurgent", "jihadist", "combatant", "paramilitaries", "paramilitary"}
CIVILIAN_VICTIMS = {"civilians", "civilian", "people", "residents", "villagers", "children", "women",
                    "farmers", "man", "men", "woman", "boy", "girl", "family", "worker", "workers",
                    "shepherd", "student", "students", "journalist", "journalists", "driver", "drivers",
                    "nurse", "doctor", "teacher", "trader", "merchant", "businessman", "businessmen",
                    "developer", "priest", "pastor", "imam", "activist", "activists", "vendor", "owner",
                    "passengers", "passenger", "farmer", "herder", "herders", "child", "person", "persons",
                    "individual", "individuals", "victim", "victims", "mother", "father", "son", "daughter",
                    "wife", "husband", "couple", "villager", "resident", "idps", "refugees", "migrants",
                    "detainees", "detainee", "prisoners", "prisoner", "inmate", "inmates", "vehicle", "bus", "minibus", "taxi", "house", "home", "homes",
                    "suspect", "suspects", "leader", "official", "lawyer", "politician",
                    "member", "fishermen", "fisherman", "pastoralist", "pastoralists", "staff", "conference",
                    "worshippers", "mourners", "patients", "hospital", "school", "market", "church", "mosque",
                    "employee", "employees", "manager", "managers", "correspondent", "correspondents",
                    "reporter", "reporters", "owners", "supporter", "supporters", "shopkeeper", "shopkeepers",
                    "chief", "headman", "councillor", "councilor", "mayor", "labourers", "laborers"}


# victims who are armed outlaws: ACLED codes violence between gangs as armed clashes
OUTLAWS = {"gang", "gangs", "gangster", "gangsters", "dealer", "dealers", "trafficker", "traffickers",
           "hitman", "hitmen", "<outlaw>"}


def code_event(cls: str, actor1: Actor | None, actor2: Actor | None, weapon: str | None,
               words: set[str], nonviolent: bool, has_place: bool,
               location_iso3: str | None, lemma: str = "",
               victims: frozenset[str] = frozenset(),
               subject: frozenset[str] = frozenset()) -> tuple[str | None, str | None, str | None]:
    """(event_type, sub_event_type, plover) for a trigger class in its context."""
    if cls == "withdrawal":
        cls = "withdraw"
    k1 = actor1.kind if actor1 else None
    k2 = actor2.kind if actor2 else None
    if cls in ("takeover", "advance", "lose_control"):
        if cls == "advance" and words & {"column", "columns", "convoy", "convoys", "reinforcements", "patrol", "logistical"}:
            return S, "Change to group/activity", "MOBILIZE"  # a convoy entering is a movement of forces
        # a crowd that takes a building riots; but a town that "they" took was taken by armed
        # men, whatever the resolver made of the pronoun
        if k1 in CROWD and not (cls == "takeover" and has_place and subject and subject <= {"they", "them"}):
            return R, "Mob violence", "ASSAULT"
        if nonviolent:
            return S, "Non-violent transfer of territory", "COERCE"
        if cls == "advance" and not words & FIGHTING and k1 in (None, "State forces", "External/Other forces"):
            # a state's forces arriving unopposed: a movement; insurgents entering towns take them
            return S, "Change to group/activity", "MOBILIZE"
        if _state_at_home(actor1, location_iso3):
            return B, "Government regains territory", "ASSAULT"
        return B, "Non-state actor overtakes territory", "ASSAULT"
    if cls == "withdraw":
        if victims & {"troops", "forces", "soldiers", "batteries", "units", "personnel", "equipment"}:
            return S, "Change to group/activity", "RETREAT"  # troops withdrawn: a movement of forces
        if has_place:
            return S, "Non-violent transfer of territory", "RETREAT"
        return S, "Change to group/activity", "RETREAT"
    if cls == "sexual":
        return V, "Sexual violence", "ASSAULT"
    if cls in ("air_attack", "shelling", "explosive", "attack", "kill", "shooting"):
        if cls in ("shelling", "attack", "shooting") and words & {"exchange", "exchanged", "exchanging",
                                                                  "responded", "returned"}:
            return B, "Armed clash", "ASSAULT"  # "a shelling exchange", "returned fire"
        if cls in ("shelling", "explosive", "attack", "shooting") and {"both", "directions"} <= words:
            return B, "Armed clash", "ASSAULT"  # explosions "in both directions" across a front are an exchange
        weapon = VERB_WEAPON.get(lemma) or weapon  # "shelled" is shelling whatever flew overhead
        if cls == "air_attack":
            weapon = weapon or "Air/drone strike"
        elif cls == "shelling":
            weapon = weapon or "Shelling/artillery/missile attack"
        elif cls == "explosive" and not weapon:
            # counted explosions near a front line are shelling; a single blast is a device
            device = words & {"ied", "ieds", "device", "bomb", "bombs", "mines", "landmine", "roadside",
                              "planted", "detonated", "car", "vehicle-borne", "booby"}
            counted = words & {"total", "frontline", "directions", "weapons", "projectiles"}
            weapon = "Shelling/artillery/missile attack" if counted and not device else \
                "Remote explosive/landmine/IED"
        if weapon is None and lemma in STANDOFF_VERBS and actor1 is not None and \
                actor1.kind in ("State forces", "External/Other forces") and k2 != "Civilians" and \
                not (lemma == "raid" and not words & AIRCRAFT):
            # a state "struck" or "targeted" a site: by air unless the report names a weapon ("raided"
            # only when aircraft did: troops and police raid on foot)
            weapon = "Air/drone strike"
        if victims & {"protesters", "demonstrators", "marchers", "protestors"} and cls in ("kill", "shooting") \
                and not words & {"rubber"}:
            return P, "Excessive force against protesters", "ASSAULT"
        if weapon:
            return E, weapon, "ASSAULT"
        if (subject & MOB_WORDS and not subject & ARMED_WORDS) or lemma == "lynch" or \
                (subject & PLAIN_PEOPLE and not subject & ARMED_WORDS and not words & FIREARMS
                 and k1 not in ARMED_KINDS) or \
                (words & {"dispute", "scuffle", "altercation", "brawl", "feud"} and k1 not in ARMED_KINDS):
            return R, "Mob violence", "ASSAULT"  # a crowd attacking people; a quarrel turned violent
        if victims & OUTLAWS and k1 != "State forces":
            return B, "Armed clash", "ASSAULT"  # "shot an alleged gang member": gangs fighting
        if "off-duty" in words or {"off", "duty"} <= words:
            return V, "Attack", "ASSAULT"  # ACLED: off-duty security personnel are civilians
        if (victims & ARMED_VICTIMS and not victims & CIVILIAN_VICTIMS) or k2 in ARMED_KINDS:
            return B, "Armed clash", "ASSAULT"
        if victims & CIVILIAN_VICTIMS:
            return V, "Attack", "ASSAULT"  # "gunmen attacked a bus conductor"
        if "<place>" in victims and k1 not in ("State forces", "External/Other forces"):
            return V, "Attack", "ASSAULT"  # a militia raiding villages
        if k2 == "Civilians" or (cls == "kill" and k2 is None and words & {"civilians", "people",
                                                                           "residents", "villagers",
                                                                           "children", "women"}):
            return V, "Attack", "ASSAULT"
        if cls == "kill" and k2 is None:
            return V, "Attack", "ASSAULT"
        return B, "Armed clash", "ASSAULT"
    if cls == "clash":
        if words & CROWD_WEAPONS and not words & FIREARMS and k1 != "State forces" and k2 != "State forces":
            return R, "Mob violence", "ASSAULT"  # "two groups fought with sticks and machetes"
        if words & {"dispute", "feud", "quarrel", "altercation", "brawl", "scuffle"} and k1 not in ARMED_KINDS:
            return R, "Mob violence", "ASSAULT"  # "two village groups clashed over a land dispute"
        if words & PROTEST_CONTEXT and not subject & ARMED_WORDS - {"police"}:
            return R, "Violent demonstration", "PROTEST"  # "clashed with police during their demonstration"
        if (k1 in CROWD or k2 in CROWD or subject & CROWD_NOUNS) and not subject & ARMED_WORDS \
                and not (k1 == "Identity militia" and k2 in (None, "Identity militia")):
            return R, "Mob violence", "ASSAULT"  # "two village groups clashed", "youths clashed"
            # (but clans and communities named as such fight as militias)
        return B, "Armed clash", "ASSAULT"
    if cls == "protest":
        if words & LETHAL and words & {"killed", "dead", "shot", "live"} and words & {
                "protesters", "protester", "protestors", "demonstrators", "demonstrator", "marchers", "crowd"}:
            # force used on the protesters themselves, not a killing the protest is about
            return P, "Excessive force against protesters", "PROTEST"
        if words & VIOLENT_CROWD or "set" in words and words & {"fire", "ablaze", "alight", "afire"}:
            return R, "Violent demonstration", "PROTEST"  # not "set up a tent camp"
        if words & INTERVENTION:
            return P, "Protest with intervention", "PROTEST"
        return P, "Peaceful protest", "PROTEST"
    if cls == "disperse":
        if words & {"rioters", "stones", "pelting", "pelted", "barricading", "barricades", "torched", "looting",
                    "clash", "clashed"}:
            return R, "Violent demonstration", "PROTEST"  # force met a violent crowd: ACLED codes the riot
        # ACLED codes the protesters as actor1 and the force that broke them up as actor2;
        # warning shots fired into the air disperse, they are not force used against anyone
        if words & {"killed", "dead", "live", "shot"} and not words & {"rubber", "warning", "air"}:
            return P, "Excessive force against protesters", "PROTEST"
        return P, "Protest with intervention", "PROTEST"
    if cls == "steal":
        # armed men stealing cattle loot; a thief's theft is a crime, not a political event
        if k1 in ARMED_KINDS or subject & (LOOTERS | ARMED_WORDS):
            return S, "Looting/property destruction", "COERCE"
        return None, None, "COERCE"
    if cls == "loot":
        return S, "Looting/property destruction", "COERCE"
    if cls == "riot":
        if k1 in ARMED_KINDS or subject & LOOTERS:
            return S, "Looting/property destruction", "COERCE"
        if words & {"protest", "protests", "protesters", "demonstrators", "demonstration", "rioted", "riot",
                    "riots", "rioters", "demanding", "demand", "demanded", "protesting", "against"} or \
                words & DEMONSTRATION_CONDUCT:
            return R, "Violent demonstration", "PROTEST"
        return R, "Mob violence", "ASSAULT"
    if cls == "destroy":
        if k1 in CROWD and subject & MOB_WORDS:
            return R, "Mob violence", "ASSAULT"
        return S, "Looting/property destruction", "COERCE"
    if cls == "release" and words & {"prisoners", "prisoner", "detainees", "hostages", "captives", "prison",
                                     "prisons", "captivity", "custody", "hostage", "jail"}:
        return S, "Other", "RETREAT"  # a release of prisoners is a significant development
    if cls in FIXED:
        return FIXED[cls]
    return None, None, VERBAL_PLOVER.get(cls, "CONSULT")
