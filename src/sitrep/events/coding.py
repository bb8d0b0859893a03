"""From a trigger class and its arguments to ACLED's type and sub-type and PLOVER's type.

The codebook's distinctions that depend on *who* acts are made here, once the actors
are known: a takeover is "Government regains territory" when the state's own forces
take a place in their country and "Non-state actor overtakes territory" otherwise; a
crowd taking a police station is mob violence; an attack is an air/drone strike,
shelling or an IED by its weapon, and an "Attack" on civilians when no weapon says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Actor
from .answering import tells_fire_answered
from .vocab import (
    AIRCRAFT,
    ARMED_VICTIMS,
    ARMED_WORDS,
    CAPTIVITY,
    CIVILIAN_PLURALS,
    CIVILIAN_VICTIMS,
    COUNTED_FIRE,
    CROWD_NOUNS,
    CROWD_WEAPONS,
    DEADLY_FORCE,
    DEMONSTRATION_CONDUCT,
    FIGHTING,
    FIREARMS,
    FORCE_MOVEMENTS,
    FORCES_MOVED,
    INTERVENTION,
    LETHAL,
    LOOTERS,
    MOB_WORDS,
    NONLETHAL_FIRE,
    OUTLAWS,
    PLAIN_PEOPLE,
    PLANTED_DEVICES,
    PROTEST_CONTEXT,
    PROTEST_CROWD,
    PROTEST_OR_RIOT_WORDS,
    PROTESTER_PLURALS,
    QUARRELS,
    RIOT_CONDUCT,
    SET_ALIGHT,
    STANDOFF_VERBS,
    UNNAMED_PEOPLE,
    VIOLENT_CROWD,
)

__all__ = ["ACLED_TYPES", "ARMED_VICTIMS", "CIVILIAN_VICTIMS", "TriggerContext", "code_event"]

# ACLED's six event types
BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"
ACLED_TYPES = {
    BATTLES: ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    EXPLOSIONS: ["Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
        "Suicide bomb", "Grenade", "Chemical weapon"],
    VIOLENCE_AGAINST_CIVILIANS: ["Attack", "Abduction/forced disappearance", "Sexual violence"],
    PROTESTS: ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    RIOTS: ["Violent demonstration", "Mob violence"],
    STRATEGIC: ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other"],
}
CROWD = {"Civilians", "Protesters", "Rioters"}
# groups named for fighting on the government's side
STATE_ALLIES = {"pro-government-militia"}
NON_STATE_ARMED = {"Rebel group", "Political militia", "Identity militia"}
ARMED_KINDS = {"State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces"}
VERB_WEAPON = {"shell": "Shelling/artillery/missile attack", "bombard": "Shelling/artillery/missile attack"}
# classes whose coding does not depend on who acts
FIXED: dict[str, tuple[str, str, str | None]] = {
    "close": (STRATEGIC, "Other", "SANCTION"), "evacuate": (STRATEGIC, "Other", "RETREAT"),
    "displacement": (STRATEGIC, "Other", "RETREAT"), "flee": (STRATEGIC, "Other", "RETREAT"),
    "order_leave": (STRATEGIC, "Other", "REQUEST"),
    "restrict": (STRATEGIC, "Change to group/activity", "COERCE"),  # curfews, lockdowns: security measures
    "defect": (STRATEGIC, "Change to group/activity", None),
    "base": (STRATEGIC, "Headquarters or base established", "MOBILIZE"),
    "deploy": (STRATEGIC, "Change to group/activity", "MOBILIZE"),
    "deployment": (STRATEGIC, "Change to group/activity", "MOBILIZE"),
    "arrest": (STRATEGIC, "Arrests", "COERCE"), "abduct": (VIOLENCE_AGAINST_CIVILIANS, "Abduction/forced disappearance", "COERCE"),
    "intercept": (STRATEGIC, "Disrupted weapons use", "COERCE"), "deal": (STRATEGIC, "Agreement", "AGREE"),
}
VERBAL_PLOVER = {"agree": "AGREE", "consult": "CONSULT", "talks": "CONSULT", "request": "REQUEST",
                 "support": "SUPPORT", "accuse": "ACCUSE", "reject": "REJECT",
                 "threaten": "THREATEN", "sanction": "SANCTION", "supply": "AID",
                 "release": "RETREAT", "concede": "CONCEDE", "cooperate": "COOPERATE",
                 "coerce": "COERCE"}


def _state_at_home(a: Actor | None, location_iso3: str | None) -> bool:
    """The state's forces in their own country, or the militias that fight on its side (ACLED:
    ground regained by the government "or its affiliates")."""
    if a is not None and a.id in STATE_ALLIES:
        return True
    return a is not None and a.kind == "State forces" and (location_iso3 is None or a.country == location_iso3)








@dataclass(frozen=True)
class TriggerContext:
    """What the sentence tells around a trigger that its coding depends on."""

    actor1: Actor | None
    actor2: Actor | None
    weapon: str | None  # the ACLED sub-type a weapon named nearby gives
    words: set[str]  # the sentence's words (forms and lemmas, lower case)
    nonviolent: bool  # the text says the takeover or handover met no resistance
    has_place: bool  # a place more precise than a country is named
    location_iso3: str | None  # the country of the event's place
    lemma: str = ""  # the trigger's lemma
    victims: frozenset[str] = frozenset()  # heads (and their modifiers) of who or what was hit
    subject: frozenset[str] = frozenset()  # the words of the trigger's subject (or a clash's parties)
    from_place: bool = False  # a withdrawal "from" a town or positions (not from a country)

    @property
    def kind1(self) -> str | None:
        return self.actor1.kind if self.actor1 else None

    @property
    def kind2(self) -> str | None:
        return self.actor2.kind if self.actor2 else None


# (event_type, sub_event_type, plover)
Coding = tuple[str | None, str | None, str | None]


def code_event(cls: str, context: TriggerContext) -> Coding:
    """(event_type, sub_event_type, plover) for a trigger class in its context."""
    if cls == "withdrawal" or cls == "flee" and context.kind1 in ARMED_KINDS and context.subject:
        cls = "withdraw"  # fighters who "fled" the town withdrew from it
    if cls in ("takeover", "advance", "lose_control"):
        return _code_ground(cls, context)
    if cls == "deploy" and context.nonviolent and context.has_place:
        return STRATEGIC, "Non-violent transfer of territory", "COERCE"  # moved into ground the other side left
    if cls == "withdraw":
        return _code_withdrawal(context)
    if cls == "sexual":
        return VIOLENCE_AGAINST_CIVILIANS, "Sexual violence", "ASSAULT"
    if cls in ("air_attack", "shelling", "explosive", "attack", "kill", "shooting"):
        return _code_violence(cls, context)
    if cls == "clash":
        return _code_clash(context)
    if cls == "protest":
        return _code_protest(context)
    if cls == "disperse":
        return _code_dispersal(context)
    if cls == "steal":
        return _code_theft(context)
    if cls == "loot":
        return STRATEGIC, "Looting/property destruction", "COERCE"
    if cls == "riot":
        return _code_riot(context)
    if cls == "destroy":
        return _code_destruction(context)
    if cls == "release" and context.words & CAPTIVITY:
        return STRATEGIC, "Other", "RETREAT"  # a release of prisoners is a significant development
    if cls in FIXED:
        return FIXED[cls]
    return None, None, VERBAL_PLOVER.get(cls, "CONSULT")


def _code_ground(cls: str, c: TriggerContext) -> Coding:
    """Ground taken, entered or lost: a battle for it, a movement of forces, or a handover."""
    actor1, words, nonviolent, location_iso3, k1 = c.actor1, c.words, c.nonviolent, c.location_iso3, c.kind1
    if cls == "advance" and words & FORCE_MOVEMENTS:
        return STRATEGIC, "Change to group/activity", "MOBILIZE"  # a convoy entering is a movement of forces
    # a crowd that takes a building riots; but a town that "they" took was taken by armed men,
    # whatever the resolver made of the pronoun
    if k1 in CROWD and not (cls == "takeover" and c.has_place and c.subject and c.subject <= {"they", "them"}):
        return RIOTS, "Mob violence", "ASSAULT"
    if nonviolent:
        return STRATEGIC, "Non-violent transfer of territory", "COERCE"
    if cls == "advance" and not words & FIGHTING and k1 in (None, "State forces", "External/Other forces"):
        # a state's forces arriving unopposed: a movement; insurgents entering towns take them
        return STRATEGIC, "Change to group/activity", "MOBILIZE"
    if _state_at_home(actor1, location_iso3):
        return BATTLES, "Government regains territory", "ASSAULT"
    if actor1 is None and c.kind2 in NON_STATE_ARMED:
        # "the militants were driven out of the town": who took it is unnamed; the ground
        # a non-state group lost is the state's to regain
        return BATTLES, "Government regains territory", "ASSAULT"
    return BATTLES, "Non-state actor overtakes territory", "ASSAULT"


def _code_withdrawal(c: TriggerContext) -> Coding:
    """A withdrawal: of troops (a movement) or from a place (a handover)."""
    has_place, victims = c.has_place, c.victims
    if victims & FORCES_MOVED and not c.from_place:
        # troops withdrawn: a movement of forces; withdrawn from a town, the town handed on
        return STRATEGIC, "Change to group/activity", "RETREAT"
    if has_place:
        return STRATEGIC, "Non-violent transfer of territory", "RETREAT"
    return STRATEGIC, "Change to group/activity", "RETREAT"


def _code_violence(cls: str, c: TriggerContext) -> Coding:
    """An attack, a killing, a shooting or shelling: by its weapon, its victims and who acts."""
    actor1, weapon, words, lemma = c.actor1, c.weapon, c.words, c.lemma
    victims, subject, k1, k2 = c.victims, c.subject, c.kind1, c.kind2
    if cls in ("shelling", "attack", "shooting") and tells_fire_answered(words):
        return BATTLES, "Armed clash", "ASSAULT"  # "a shelling exchange", "returned fire"
    if cls in ("shelling", "explosive", "attack", "shooting") and {"both", "directions"} <= words:
        return BATTLES, "Armed clash", "ASSAULT"  # explosions "in both directions" across a front are an exchange
    weapon = VERB_WEAPON.get(lemma) or weapon  # "shelled" is shelling whatever flew overhead
    if cls == "air_attack":
        weapon = weapon or "Air/drone strike"
    elif cls == "shelling":
        weapon = weapon or "Shelling/artillery/missile attack"
    elif cls == "explosive" and not weapon:
        # counted explosions near a front line are shelling; a single blast is a device
        device = words & PLANTED_DEVICES
        counted = words & COUNTED_FIRE
        weapon = "Shelling/artillery/missile attack" if counted and not device else \
            "Remote explosive/landmine/IED"
    if weapon is None and lemma in STANDOFF_VERBS and actor1 is not None and \
            actor1.kind in ("State forces", "External/Other forces") and k2 != "Civilians" and \
            not (lemma == "raid" and not words & AIRCRAFT):
        # a state "struck" or "targeted" a site: by air unless the report names a weapon ("raided"
        # only when aircraft did: troops and police raid on foot)
        weapon = "Air/drone strike"
    if victims & PROTESTER_PLURALS and cls in ("kill", "shooting") \
            and not words & {"rubber"}:
        return PROTESTS, "Excessive force against protesters", "ASSAULT"
    if weapon:
        return EXPLOSIONS, weapon, "ASSAULT"
    if (subject & MOB_WORDS and not subject & ARMED_WORDS) or lemma == "lynch" or \
            (subject & PLAIN_PEOPLE and not subject & ARMED_WORDS and not words & FIREARMS
             and k1 not in ARMED_KINDS) or \
            (words & QUARRELS and k1 not in ARMED_KINDS):
        return RIOTS, "Mob violence", "ASSAULT"  # a crowd attacking people; a quarrel turned violent
    if victims & OUTLAWS and k1 != "State forces":
        return BATTLES, "Armed clash", "ASSAULT"  # "shot an alleged gang member": gangs fighting
    if "off-duty" in words or {"off", "duty"} <= words:
        return VIOLENCE_AGAINST_CIVILIANS, "Attack", "ASSAULT"  # ACLED: off-duty security personnel are civilians
    # "eight people were killed in an attack on a military base": the dead counted as people
    # are the base's soldiers; people named for who they are ("farmers") stay civilians
    if (victims & ARMED_VICTIMS and not victims & CIVILIAN_VICTIMS - UNNAMED_PEOPLE) or k2 in ARMED_KINDS:
        return BATTLES, "Armed clash", "ASSAULT"
    if victims & CIVILIAN_VICTIMS:
        return VIOLENCE_AGAINST_CIVILIANS, "Attack", "ASSAULT"  # "gunmen attacked a bus conductor"
    if "<place>" in victims and k1 not in ("State forces", "External/Other forces"):
        return VIOLENCE_AGAINST_CIVILIANS, "Attack", "ASSAULT"  # a militia raiding villages
    if k2 == "Civilians" or (cls == "kill" and k2 is None and words & CIVILIAN_PLURALS):
        return VIOLENCE_AGAINST_CIVILIANS, "Attack", "ASSAULT"
    if cls == "kill" and k2 is None:
        return VIOLENCE_AGAINST_CIVILIANS, "Attack", "ASSAULT"
    if lemma == "raid" and k1 == "State forces" and k2 not in ARMED_KINDS and not words & LETHAL:
        # troops or police searching a building where no one fought or fell: no battle, but a
        # coercive development (the arrests made in it are told by their own verb)
        return STRATEGIC, "Other", "COERCE"
    return BATTLES, "Armed clash", "ASSAULT"


def _code_clash(c: TriggerContext) -> Coding:
    """Two sides fighting: armed groups clash, crowds riot."""
    words, subject, k1, k2 = c.words, c.subject, c.kind1, c.kind2
    if c.lemma in ("encircle", "besiege") and k1 in ARMED_KINDS:
        return BATTLES, "Armed clash", "ASSAULT"  # a siege by an armed force, whoever is inside
    if words & CROWD_WEAPONS and not words & FIREARMS and k1 != "State forces" and k2 != "State forces":
        return RIOTS, "Mob violence", "ASSAULT"  # "two groups fought with sticks and machetes"
    if words & QUARRELS and k1 not in ARMED_KINDS:
        return RIOTS, "Mob violence", "ASSAULT"  # "two village groups clashed over a land dispute"
    if words & PROTEST_CONTEXT and not subject & ARMED_WORDS - {"police"}:
        return RIOTS, "Violent demonstration", "PROTEST"  # "clashed with police during their demonstration"
    if (k1 in CROWD or k2 in CROWD or subject & CROWD_NOUNS) and not subject & ARMED_WORDS \
            and not (k1 == "Identity militia" and k2 in (None, "Identity militia")):
        return RIOTS, "Mob violence", "ASSAULT"  # "two village groups clashed", "youths clashed"
        # (but clans and communities named as such fight as militias)
    return BATTLES, "Armed clash", "ASSAULT"


def _code_protest(c: TriggerContext) -> Coding:
    """A protest: peaceful, met with intervention or force, or violent."""
    words = c.words
    if words & LETHAL and words & DEADLY_FORCE and words & PROTEST_CROWD:
        # force used on the protesters themselves, not a killing the protest is about
        return PROTESTS, "Excessive force against protesters", "PROTEST"
    if words & VIOLENT_CROWD or "set" in words and words & SET_ALIGHT:
        return RIOTS, "Violent demonstration", "PROTEST"  # not "set up a tent camp"
    if words & INTERVENTION:
        return PROTESTS, "Protest with intervention", "PROTEST"
    return PROTESTS, "Peaceful protest", "PROTEST"


def _code_dispersal(c: TriggerContext) -> Coding:
    """A crowd dispersed: force on protesters, or a riot put down."""
    words = c.words
    if words & RIOT_CONDUCT:
        return RIOTS, "Violent demonstration", "PROTEST"  # force met a violent crowd: ACLED codes the riot
    # ACLED codes the protesters as actor1 and the force that broke them up as actor2;
    # warning shots fired into the air disperse, they are not force used against anyone
    if words & DEADLY_FORCE and not words & NONLETHAL_FIRE:
        return PROTESTS, "Excessive force against protesters", "PROTEST"
    return PROTESTS, "Protest with intervention", "PROTEST"


def _code_theft(c: TriggerContext) -> Coding:
    """A theft: armed men loot; a thief's theft is no political event."""
    subject, k1 = c.subject, c.kind1
    # armed men stealing cattle loot; a thief's theft is a crime, not a political event
    if k1 in ARMED_KINDS or subject & (LOOTERS | ARMED_WORDS):
        return STRATEGIC, "Looting/property destruction", "COERCE"
    return None, None, "COERCE"


def _code_riot(c: TriggerContext) -> Coding:
    """Rioting: armed men destroying property, a violent demonstration, or mob violence."""
    words, subject, k1 = c.words, c.subject, c.kind1
    if k1 in ARMED_KINDS or subject & LOOTERS:
        return STRATEGIC, "Looting/property destruction", "COERCE"
    if k1 is None and not words & (MOB_WORDS | PROTEST_OR_RIOT_WORDS):
        # "a school burnt down", told with no one who did it and no crowd: property destroyed
        return STRATEGIC, "Looting/property destruction", "COERCE"
    if words & PROTEST_OR_RIOT_WORDS or \
            words & DEMONSTRATION_CONDUCT:
        return RIOTS, "Violent demonstration", "PROTEST"
    return RIOTS, "Mob violence", "ASSAULT"


def _code_destruction(c: TriggerContext) -> Coding:
    """Property destroyed: by a mob, or as looting and destruction."""
    subject, k1 = c.subject, c.kind1
    if k1 in CROWD and subject & MOB_WORDS:
        return RIOTS, "Mob violence", "ASSAULT"
    return STRATEGIC, "Looting/property destruction", "COERCE"
