"""Clues around a trigger that decide its sub-type: the weapon named, and a protest's own words.

A weapon in the trigger's clause outranks one elsewhere in the sentence; the most telling
weapon wins; a protest's grievance ("against the arrest of ...") is not its conduct.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .answering import tells_fire_answered
from .detect import Trigger
from .lexicon import Lexicon
from .vocab import (
    CAUSE_MARKS,
    GRIEVANCE_PREPS,
    GRIEVANCE_VERBS,
)

__all__ = ["first_weapon", "outlaw_victim", "protest_words", "weapon_of"]





def protest_words(t: Token) -> set[str]:
    """The words of a protest's own clause, without its grievance ("against the arrest of")."""
    keep: list[Token] = []

    def walk(x: Token) -> None:
        keep.append(x)
        for c in x.children:
            if c.dep_ in ("relcl", "acl") or (c.dep_ == "prep" and c.lower_ in GRIEVANCE_PREPS) or \
                    (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CAUSE_MARKS for m in c.children)) or \
                    (c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in ("demand", "protest", "denounce",
                                                                          "condemn", "call", "reject")) or \
                    (c.dep_ == "dobj" and x.lemma_.lower() in GRIEVANCE_VERBS) or \
                    (c.dep_ == "amod" and c.tag_ in ("VBN", "VBD")):
                # what is demanded, and "looted funds", "the burnt-out bank": the grievance, not conduct
                continue
            walk(c)

    root = t
    while root.dep_ in ("xcomp", "conj", "advcl") and root.head != root:
        root = root.head
    if root.dep_ == "acl" and root.head.dep_ in ("nsubj", "nsubjpass"):
        root = root.head.head  # "rioters demonstrating against prices smashed windows": what they did
    walk(root)
    return {x.lower_ for x in keep} | {x.lemma_.lower() for x in keep}


def weapon_of(tr: Trigger, clause: set[str], sentence: set[str], lex: Lexicon) -> str | None:
    """The ACLED sub-type a weapon names: in the trigger's clause first, then (for a noun like
    'strikes' or a bare 'attack') the sentence.  Small arms and an exchange of fire make a clash."""
    if clause & lex.grenade_words and clause & lex.grenade_throw and not clause & {"launcher", "launchers"}:
        return "Grenade"
    if tr.token.lemma_.lower() in ("blow", "detonate", "explode") and \
            any(c.lower_ in ("himself", "herself", "themselves") for c in tr.token.children):
        return "Suicide bomb"  # "a bomber blew himself up": the bomber is a man, not an aircraft
    if tr.token.lemma_.lower() == "fire" and clause & (set(lex.weapons) | lex.small_arms) and \
            not (tells_fire_answered(clause) or "small" in clause) and "directions" not in sentence:
        # "fired grenade launchers / machine guns at positions": fire at a distance, one-sided;
        # small arms, or fire "in both directions", make it a clash
        return "Shelling/artillery/missile attack"
    if tr.cls in ("attack", "shelling", "kill", "shooting") and (clause & lex.small_arms or "exchange" in clause):
        return None
    found = first_weapon(clause, lex)
    if found is None and (tr.noun or tr.cls in ("air_attack",)):
        found = first_weapon(sentence, lex)
    return found


# the most telling weapon wins: a "suicide bomber" is a suicide bombing, not an air strike
WEAPON_ORDER = ["Suicide bomb", "Chemical weapon", "Remote explosive/landmine/IED", "Air/drone strike",
                "Shelling/artillery/missile attack"]


def first_weapon(words: set[str], lex: Lexicon) -> str | None:
    subs = {lex.weapons[w] for w in words if w in lex.weapons}
    return next((s for s in WEAPON_ORDER if s in subs), None)


# a victim told as an outlaw ("the victim had charges for drug trafficking", "had a criminal
# record"): violence between gangs is fighting between armed groups, not an attack on civilians
_OUTLAW = re.compile(r"\b(?:victims?|he|she|both|the (?:two|three) men)\b[^.]{0,40}?\b(?:had (?:a )?(?:criminal|police) "
                     r"record|had (?:been )?(?:charged|convicted|arrested) (?:for|of|with)|had charges|was a fugitive)",
                     re.IGNORECASE)


def outlaw_victim(text: str) -> bool:
    """Whether the report tells the victim's criminal past (a gang killing, in ACLED's coding)."""
    return bool(_OUTLAW.search(text))
