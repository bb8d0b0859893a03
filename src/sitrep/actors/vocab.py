"""The words of conflict reporting that tell what kind of actor a noun phrase names.

Head nouns ("troops", "gunmen", "protesters"), the modifiers that change them ("armed
men" are not civilians), occupations ACLED records as associated civilian groups
("doctors" -> Health Workers), and the ethnic, clan and tribal names that turn
"militia" into an identity militia ("Fulani militia" -> Fulani Ethnic Militia).
Written for sitrep from general knowledge of conflict reporting.
"""

from __future__ import annotations

from ..wordclasses import load_word_classes

__all__ = ["FORCE", "ACTIONS", "POLICE", "CIVIL", "PROTEST", "RIOT", "REBEL", "ARMED_OTHER", "GANG", "REGIME",
           "AGENTS", "STATE_FORCE_GENERIC", "GROUPISH", "QUANTITIES", "PRONOUNS", "PERSONAL_PRONOUNS", "TITLES", "BODIES", "WARPLANES",
           "ARMED_ANAPHORS", "GROUP_ANAPHORS", "OCCUPATIONS",
           "ETHNIC", "CLANS", "INDIGENOUS", "GROUP_CUES", "ARMED_MODIFIERS", "UNKNOWN_MODIFIERS", "SECURITY",
           "BACKER_SUFFIXES", "LEADER_SUFFIXES", "HERDERS", "IDENTITY_CUES"]

_WORDS = load_word_classes("sitrep.actors", "data/words.yaml")
FORCE = _WORDS["force"]
ACTIONS = _WORDS["actions"]
POLICE = _WORDS["police"]
SECURITY = _WORDS["security"]
CIVIL = _WORDS["civil"]
PROTEST = _WORDS["protest"]
RIOT = _WORDS["riot"]
REBEL = _WORDS["rebel"]
ARMED_OTHER = _WORDS["armed_other"]
GANG = _WORDS["gang"]
HERDERS = _WORDS["herders"]
REGIME = _WORDS["regime"]
AGENTS = _WORDS["agents"]
STATE_FORCE_GENERIC = _WORDS["state_force_generic"]
GROUPISH = _WORDS["groupish"]
QUANTITIES = _WORDS["quantities"]
PRONOUNS = _WORDS["pronouns"]
PERSONAL_PRONOUNS = _WORDS["personal_pronouns"]
ARMED_ANAPHORS = _WORDS["armed_anaphors"]
GROUP_ANAPHORS = _WORDS["group_anaphors"]
TITLES = _WORDS["titles"]
BODIES = _WORDS["bodies"]
WARPLANES = _WORDS["warplanes"]
ARMED_MODIFIERS = _WORDS["armed_modifiers"]
UNKNOWN_MODIFIERS = _WORDS["unknown_modifiers"]
IDENTITY_CUES = _WORDS["identity_cues"]
ETHNIC = _WORDS["ethnic"]
INDIGENOUS = _WORDS["indigenous"]
CLANS = _WORDS["clans"]

BACKER_SUFFIXES = ("backed", "supported", "sponsored", "funded", "trained", "armed", "aligned",
                   "allied", "affiliated", "linked", "loyal")
LEADER_SUFFIXES = ("led", "run", "controlled", "dominated", "commanded", "held")
# "the Saraya Awliya al-Dam militia": the noun after a name that says it names an armed group,
# and the actor type ACLED gives such groups
GROUP_CUES = {"militia": "Political militia", "militias": "Political militia",
              "militiamen": "Political militia", "group": "Political militia",
              "groups": "Political militia", "brigade": "Political militia",
              "brigades": "Political militia", "battalion": "Political militia",
              "battalions": "Political militia", "faction": "Political militia",
              "gang": "Political militia", "gangs": "Political militia", "cartel": "Political militia",
              "squad": "Political militia", "network": "Political militia", "cell": "Political militia",
              "organisation": "Political militia", "organization": "Political militia",
              "movement": "Rebel group", "front": "Rebel group", "army": "Rebel group",
              "rebels": "Rebel group", "insurgents": "Rebel group", "guerrillas": "Rebel group",
              "separatists": "Rebel group", "jihadists": "Rebel group", "militants": "Rebel group",
              "fighters": "Rebel group", "corps": "Rebel group", "division": "Rebel group",
              "legion": "Rebel group", "alliance": "Rebel group", "coalition": "Rebel group",
              "council": "Political militia", "forces": "Rebel group", "force": "Rebel group"}

# Occupations and groups ACLED records beside the crowd as associated actors.
OCCUPATIONS = {
    "Health Workers": {"doctors", "nurses", "health", "medical", "medics", "paramedics", "midwives",
                       "physicians", "surgeons", "interns", "pharmacists", "healthcare"},
    "Teachers": {"teachers", "lecturers", "professors", "educators", "academics"},
    "Students": {"students", "pupils", "graduates", "undergraduates"},
    "Journalists": {"journalists", "reporters", "photographers", "photojournalists", "correspondents"},
    "Lawyers": {"lawyers", "advocates", "attorneys", "barristers"},
    "Farmers": {"farmers", "growers", "peasants", "cultivators"},
    "Fishermen": {"fishermen", "fishers", "fisherfolk"},
    "Taxi Drivers": {"taxi", "cabbies", "motorcycle-taxi", "boda-boda", "okada", "rickshaw"},
    "Street Traders": {"traders", "vendors", "hawkers", "merchants", "shopkeepers", "sellers"},
    "Prisoners": {"prisoners", "inmates", "detainees"},
    "Refugees/IDPs": {"refugees", "idps", "displaced", "asylum-seekers", "migrants"},
    "Women": {"women", "mothers", "widows"},
    "Labour Group": {"workers", "employees", "labourers", "laborers", "miners", "staff", "unionists"},
    "Aid Workers": {"aid", "humanitarian"},
}

