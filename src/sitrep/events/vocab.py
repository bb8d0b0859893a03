"""The shared vocabulary (`data/vocabulary.yaml`): the word classes the event rules test
words against, each defined once, by meaning, and loaded here into frozensets.

A class may include another ("+protesters"): what builds on a class says so, and the two
cannot drift apart.  A malformed file is an error naming the file and the class.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from ..errors import SitrepError

__all__ = [
    "AIRCRAFT", "ANSWER_VERBS", "ANSWERED_FIRE", "ARMED_VICTIMS", "ARMED_WORDS", "BLASTS", "CAUSE_MARKS",
    "CIVIL_GROUPS", "CIVILIAN_VICTIMS", "CONDITION_WORDS", "COUNT_NOUNS", "CROWD_NOUNS", "CROWD_SUBJECTS",
    "CROWD_WEAPONS", "CROWD_WORDS", "DEMONSTRATION_CONDUCT", "DISPLACED", "ENDED", "EXCHANGE_OF_FIRE",
    "FIGHTING", "FIRE_OBJECTS", "FIREARMS", "FORCE_WORDS", "GRIEVANCE_PREPS", "GRIEVANCE_VERBS",
    "HOSTILE_FIRE", "INTERVENTION", "LETHAL", "LICENSING_PREPS", "LOOTERS", "MOB_WORDS", "OUTLAWS",
    "PERSON_OBJECTS", "PLACE_NOUNS", "PLAIN_PEOPLE", "PROPERTY", "PROPERTY_PLACES", "PROTEST_CONTEXT",
    "PROTEST_CROWD", "PROTEST_HOSTS", "PROTESTER_NOUNS", "PROTESTER_PLURALS", "PROTESTERS",
    "PROTESTS_AND_PROTESTERS", "REMAINS", "ROADS", "STANDOFF_VERBS", "VEHICLES", "VIOLENT_CROWD",
    "WEAPON_OBJECTS", "load_vocabulary", "parse_vocabulary",
]

SOURCE = "sitrep/events/data/vocabulary.yaml"


def parse_vocabulary(raw: Any, source: str = SOURCE) -> dict[str, frozenset[str]]:
    """Each class of a parsed vocabulary file as a frozenset, its "+includes" expanded."""
    if not isinstance(raw, dict):
        raise SitrepError(f"{source}: expected a mapping of word classes")
    for name, words in raw.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise SitrepError(f"{source}: class {name!r} must be a list of words (quote YAML's yes/no/on/off)")
    done: dict[str, frozenset[str]] = {}

    def expand(name: str, path: tuple[str, ...]) -> frozenset[str]:
        if name in done:
            return done[name]
        if name not in raw:
            raise SitrepError(f"{source}: class {path[-1]!r} includes unknown class {name!r}")
        if name in path:
            raise SitrepError(f"{source}: class {name!r} includes itself ({' > '.join((*path, name))})")
        words: set[str] = set()
        for w in raw[name]:
            words |= expand(w[1:], (*path, name)) if w.startswith("+") else {w}
        done[name] = frozenset(words)
        return done[name]

    for name in raw:
        expand(name, ())
    return done


def load_vocabulary() -> dict[str, frozenset[str]]:
    """The packaged vocabulary."""
    with resources.files("sitrep.events").joinpath("data/vocabulary.yaml").open(encoding="utf-8") as fp:
        try:
            raw = yaml.safe_load(fp)
        except yaml.YAMLError as exc:
            raise SitrepError(f"{SOURCE}: {exc}") from None
    return parse_vocabulary(raw)


_WORDS = load_vocabulary()

# crowds, protest and riot
CROWD_NOUNS = _WORDS["crowd_nouns"]
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
# fighting, weapons and fire
FIGHTING = _WORDS["fighting"]
LETHAL = _WORDS["lethal"]
CROWD_WEAPONS = _WORDS["crowd_weapons"]
FIREARMS = _WORDS["firearms"]
STANDOFF_VERBS = _WORDS["standoff_verbs"]
AIRCRAFT = _WORDS["aircraft"]
WEAPON_OBJECTS = _WORDS["weapon_objects"]
FIRE_OBJECTS = _WORDS["fire_objects"]
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
VEHICLES = _WORDS["vehicles"]
COUNT_NOUNS = _WORDS["count_nouns"]
# speech, promises and threats
FORCE_WORDS = _WORDS["force_words"]
CONDITION_WORDS = _WORDS["condition_words"]
ENDED = _WORDS["ended"]
# grammar
LICENSING_PREPS = _WORDS["licensing_preps"]
