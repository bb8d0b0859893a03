"""The shared vocabulary (`data/vocabulary.yaml`): the word classes the event rules test
words against, each defined once, by meaning, and loaded here into frozensets.

The file's format is `sitrep.wordclasses`' (a class may include another: "+protesters").
"""

from __future__ import annotations

from ..wordclasses import load_word_classes

__all__ = [
    "HABITUAL",
    "BACKGROUND_ADVERBS",
    "ERAS",
    "HEARSAY",
    "MANY",
    "PEOPLE_WHO_SEE",
    "INTENT_NOUNS",
    "STANCES",
    "IMPLYING",
    "TRYING",
    "WISHING",
    "CONSEQUENCE_VERBS",
    "EXPERIENCING",
    "SPEAKING",
    "OWN_WORDS",
    "DECLARING",
    "COMMENTING",
    "OBLIGING",
    "FIRST_PERSON",
    "SELF_PRONOUNS",
    "RECEIVED_CONTACTS",
    "BY_PHONE",
    "ADMISSIONS",
    "ENVOYS",
    "PRAISED_DEEDS",
    "PRAISING",
    "POLITIES",
    "BLAME_WORDS",
    "CURRENCIES",
    "MESSAGES",
    "ACCORDS",
    "ACTS",
    "AIRCRAFT",
    "AIR_KINDS",
    "ANSWERED_FIRE",
    "ANSWER_VERBS",
    "ARMED_VICTIMS",
    "ARMED_WORDS",
    "ARMS_STORES",
    "ARTILLERY_KINDS",
    "ASSAULTS",
    "BASES",
    "BLASTS",
    "CAPTIVITY",
    "CAUSE_MARKS",
    "CIVILIAN_PLURALS",
    "CIVILIAN_VICTIMS",
    "CIVIL_GROUPS",
    "CLAIMANT_GROUPS",
    "CONDITION_WORDS",
    "COUNTED_FIRE",
    "COUNTERPARTS",
    "COUNT_NOUNS",
    "CROWD_NOUNS",
    "CROWD_SUBJECTS",
    "CROWD_WEAPONS",
    "CROWD_WORDS",
    "DEADLY_FORCE",
    "DEFECTING_SOLDIERS",
    "DEMONSTRATION_CONDUCT",
    "DISPLACED",
    "EMERGENCY_MEASURES",
    "ENDED",
    "ENGAGEMENTS",
    "EXCHANGED_PEOPLE",
    "EXCHANGE_OF_FIRE",
    "EXPLOSIVES_USED",
    "FIGHTING",
    "FIGHT_MODIFIERS",
    "FIGURES_REACHED",
    "FIREARMS",
    "FIRE_OBJECTS",
    "FORCES_MOVED",
    "FORCES_SENT",
    "FORCE_MOVEMENTS",
    "FORCE_USED",
    "FORCE_WORDS",
    "FORTIFIED_POSITIONS",
    "ARMED_SIDES",
    "HELD_GROUND",
    "PLACE_EDGES",
    "BEATEN_SIDES",
    "GRIEVANCE_PREPS",
    "GRIEVANCE_VERBS",
    "HOSTAGE_WORDS",
    "HOSTILE_FIRE",
    "INTELLIGENCE",
    "WORLDWIDE",
    "INTERVENTION",
    "LABOUR_GROUPS",
    "LETHAL",
    "LICENSING_PREPS",
    "LOOTERS",
    "MEETING_PEOPLE",
    "MOB_WORDS",
    "NONLETHAL_FIRE",
    "OUTLAWS",
    "PERSON_OBJECTS",
    "PLACE_NOUNS",
    "PLAIN_PEOPLE",
    "PLANTED_DEVICES",
    "POTS_AND_PANS",
    "PROPERTY",
    "PROPERTY_PLACES",
    "PROTESTERS",
    "PROTESTER_NOUNS",
    "PROTESTER_PLURALS",
    "PROTESTS_AND_PROTESTERS",
    "PROTEST_CONTEXT",
    "PROTEST_CROWD",
    "PROTEST_HOSTS",
    "PROTEST_OR_RIOT_WORDS",
    "QUARRELS",
    "REMAINS",
    "RESTRICTIONS_IMPOSED",
    "RETURNING_PEOPLE",
    "RIOTER_NOUNS",
    "RIOT_CONDUCT",
    "ROADS",
    "SEQUENCE_WORDS",
    "SANCTION_MEASURES",
    "SET_ALIGHT",
    "STANDOFF_KINDS",
    "STANDOFF_VERBS",
    "TEAR_GAS",
    "THROWN_EXPLOSIVES",
    "THROWN_MISSILES",
    "TIES_CUT",
    "TRUCES",
    "VEHICLES",
    "VIOLENT_CROWD",
    "WEAPON_OBJECTS",
    "load_vocabulary",
]

def load_vocabulary() -> dict[str, frozenset[str]]:
    """The packaged vocabulary."""
    return load_word_classes("sitrep.events", "data/vocabulary.yaml")


_WORDS = load_vocabulary()

# crowds, protest and riot
CROWD_NOUNS = _WORDS["crowd_nouns"]
HABITUAL = _WORDS["habitual"]
# background, habit and what is only intended
BACKGROUND_ADVERBS = _WORDS["background_adverbs"]
ERAS = _WORDS["eras"]
HEARSAY = _WORDS["hearsay"]
MANY = _WORDS["many"]
PEOPLE_WHO_SEE = _WORDS["people_who_see"]
INTENT_NOUNS = _WORDS["intent_nouns"]
STANCES = _WORDS["stances"]
IMPLYING = _WORDS["implying"]
TRYING = _WORDS["trying"]
WISHING = _WORDS["wishing"]
CONSEQUENCE_VERBS = _WORDS["consequence_verbs"]
EXPERIENCING = _WORDS["experiencing"]
SPEAKING = _WORDS["speaking"]
OWN_WORDS = _WORDS["own_words"]
DECLARING = _WORDS["declaring"]
COMMENTING = _WORDS["commenting"]
OBLIGING = _WORDS["obliging"]
FIRST_PERSON = _WORDS["first_person"]
SELF_PRONOUNS = _WORDS["self_pronouns"]
RECEIVED_CONTACTS = _WORDS["received_contacts"]
BY_PHONE = _WORDS["by_phone"]
ADMISSIONS = _WORDS["admissions"]
ENVOYS = _WORDS["envoys"]
PRAISED_DEEDS = _WORDS["praised_deeds"]
PRAISING = _WORDS["praising"]
POLITIES = _WORDS["polities"]
BLAME_WORDS = _WORDS["blame_words"]
CURRENCIES = _WORDS["currencies"]
MESSAGES = _WORDS["messages"]
PROTEST_CONTEXT = _WORDS["protest_context"]
INTERVENTION = _WORDS["intervention"]
VIOLENT_CROWD = _WORDS["violent_crowd"]
DEMONSTRATION_CONDUCT = _WORDS["demonstration_conduct"]
MOB_WORDS = _WORDS["mob_words"]
PLAIN_PEOPLE = _WORDS["plain_people"]
CROWD_WORDS = _WORDS["crowd_words"]
CIVIL_GROUPS = _WORDS["civil_groups"]
PROTESTERS = _WORDS["protesters"]
PROTESTER_PLURALS = _WORDS["protester_plurals"]
PROTESTER_NOUNS = _WORDS["protester_nouns"]
PROTEST_CROWD = _WORDS["protest_crowd"]
PROTESTS_AND_PROTESTERS = _WORDS["protests_and_protesters"]
CROWD_SUBJECTS = _WORDS["crowd_subjects"]
PROTEST_HOSTS = _WORDS["protest_hosts"]
GRIEVANCE_PREPS = _WORDS["grievance_preps"]
CAUSE_MARKS = _WORDS["cause_marks"]
GRIEVANCE_VERBS = _WORDS["grievance_verbs"]
LOOTERS = _WORDS["looters"]
# armed people and their victims
ARMED_WORDS = _WORDS["armed_words"]
ARMED_VICTIMS = _WORDS["armed_victims"]
CIVILIAN_VICTIMS = _WORDS["civilian_victims"]
OUTLAWS = _WORDS["outlaws"]
PERSON_OBJECTS = _WORDS["person_objects"]
DISPLACED = _WORDS["displaced"]
CAMPAIGNS = _WORDS["campaigns"]
UNNAMED_PEOPLE = _WORDS["unnamed_people"]
REFLEXIVES = _WORDS["reflexives"]
NATURAL_FORCES = _WORDS["natural_forces"]
# fighting, weapons and fire
FIGHTING = _WORDS["fighting"]
LETHAL = _WORDS["lethal"]
CROWD_WEAPONS = _WORDS["crowd_weapons"]
FIREARMS = _WORDS["firearms"]
STANDOFF_VERBS = _WORDS["standoff_verbs"]
AIRCRAFT = _WORDS["aircraft"]
WEAPON_OBJECTS = _WORDS["weapon_objects"]
FIRE_OBJECTS = _WORDS["fire_objects"]
DROPPED_MUNITIONS = _WORDS["dropped_munitions"]
BLASTS = _WORDS["blasts"]
HOSTILE_FIRE = _WORDS["hostile_fire"]
ANSWER_VERBS = _WORDS["answer_verbs"]
ANSWERED_FIRE = _WORDS["answered_fire"]
EXCHANGE_OF_FIRE = _WORDS["exchange_of_fire"]
REMAINS = _WORDS["remains"]
# places, property and things
PLACE_NOUNS = _WORDS["place_nouns"]
PROPERTY = _WORDS["property"]
PROPERTY_PLACES = _WORDS["property_places"]
ROADS = _WORDS["roads"]
SEQUENCE_WORDS = _WORDS["sequence_words"]
VEHICLES = _WORDS["vehicles"]
COUNT_NOUNS = _WORDS["count_nouns"]
# speech, promises and threats
FORCE_WORDS = _WORDS["force_words"]
CONDITION_WORDS = _WORDS["condition_words"]
ENDED = _WORDS["ended"]
# grammar
LICENSING_PREPS = _WORDS["licensing_preps"]
# words of single rules
RIOT_CONDUCT = _WORDS["riot_conduct"]
PROTEST_OR_RIOT_WORDS = _WORDS["protest_or_riot_words"]
SET_ALIGHT = _WORDS["set_alight"]
RIOTER_NOUNS = _WORDS["rioter_nouns"]
POTS_AND_PANS = _WORDS["pots_and_pans"]
THROWN_MISSILES = _WORDS["thrown_missiles"]
TEAR_GAS = _WORDS["tear_gas"]
FORCE_USED = _WORDS["force_used"]
LABOUR_GROUPS = _WORDS["labour_groups"]
CLAIMANT_GROUPS = _WORDS["claimant_groups"]
QUARRELS = _WORDS["quarrels"]
CIVILIAN_PLURALS = _WORDS["civilian_plurals"]
RETURNING_PEOPLE = _WORDS["returning_people"]
DEFECTING_SOLDIERS = _WORDS["defecting_soldiers"]
HOSTAGE_WORDS = _WORDS["hostage_words"]
CAPTIVITY = _WORDS["captivity"]
EXCHANGED_PEOPLE = _WORDS["exchanged_people"]
COUNTERPARTS = _WORDS["counterparts"]
FORCES_MOVED = _WORDS["forces_moved"]
FORCE_MOVEMENTS = _WORDS["force_movements"]
ENGAGEMENTS = _WORDS["engagements"]
FIGHT_MODIFIERS = _WORDS["fight_modifiers"]
ASSAULTS = _WORDS["assaults"]
FORTIFIED_POSITIONS = _WORDS["fortified_positions"]
# territory
ARMED_SIDES = _WORDS["armed_sides"]
HELD_GROUND = _WORDS["held_ground"]
PLACE_EDGES = _WORDS["place_edges"]
BEATEN_SIDES = _WORDS["beaten_sides"]
BASES = _WORDS["bases"]
DEADLY_FORCE = _WORDS["deadly_force"]
NONLETHAL_FIRE = _WORDS["nonlethal_fire"]
PLANTED_DEVICES = _WORDS["planted_devices"]
COUNTED_FIRE = _WORDS["counted_fire"]
THROWN_EXPLOSIVES = _WORDS["thrown_explosives"]
EXPLOSIVES_USED = _WORDS["explosives_used"]
ARMS_STORES = _WORDS["arms_stores"]
AIR_KINDS = _WORDS["air_kinds"]
STANDOFF_KINDS = _WORDS["standoff_kinds"]
ARTILLERY_KINDS = _WORDS["artillery_kinds"]
ACCORDS = _WORDS["accords"]
RESTRICTIONS_IMPOSED = _WORDS["restrictions_imposed"]
SANCTION_MEASURES = _WORDS["sanction_measures"]
EMERGENCY_MEASURES = _WORDS["emergency_measures"]
TRUCES = _WORDS["truces"]
INTELLIGENCE = _WORDS["intelligence"]
WORLDWIDE = _WORDS["worldwide"]
ACTS = _WORDS["acts"]
FIGURES_REACHED = _WORDS["figures_reached"]
FORCES_SENT = _WORDS["forces_sent"]
MEETING_PEOPLE = _WORDS["meeting_people"]
TIES_CUT = _WORDS["ties_cut"]
