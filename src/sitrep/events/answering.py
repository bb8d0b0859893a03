"""Fire answering fire, recognised in one place: a side that shoots back makes a fight of
what the first side began (ACLED: an armed clash, not an attack).

`answers_fire` reads a verb in its parse ("shot back", "returned fire", "retaliated");
`tells_fire_answered` reads the words of a sentence or clause ("exchanged fire").
"""

from __future__ import annotations

from spacy.tokens import Token

from .vocab import ANSWER_VERBS, ANSWERED_FIRE

__all__ = ["answers_fire", "tells_fire_answered"]


def answers_fire(t: Token) -> bool:
    """Whether a verb tells fire answering fire: "shot back", "fired back", "returned fire",
    "responded with gunfire against the gunmen", "retaliated"."""
    if any(c.dep_ in ("advmod", "prt") and c.lower_ == "back" for c in t.children):
        return True
    lemma = t.lemma_.lower()
    if lemma == "fire" and t.pos_ == "NOUN" and t.dep_ == "dobj":
        lemma = t.head.lemma_.lower()  # "returned fire": the fire is the trigger
    return lemma in ANSWER_VERBS


def tells_fire_answered(words: set[str] | frozenset[str]) -> bool:
    """Whether these words tell fire exchanged or answered ("exchanged fire", "returned fire")."""
    return bool(words & ANSWERED_FIRE)
