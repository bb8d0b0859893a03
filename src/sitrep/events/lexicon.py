"""The trigger lexicon (`data/triggers.yaml`), loaded once into lookup tables."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

__all__ = ["Lexicon", "load_lexicon"]


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]  # lemma -> class
    framed_verbs: dict[str, str]  # lemma -> class, only where its frame tells ground changing hands
    phrasal: dict[str, str]  # "lemma particle" -> class
    nouns: dict[str, str]  # lower form / lemma -> class
    noun_subject_of: frozenset[str]
    noun_object_of: frozenset[str]
    attack_objects: frozenset[str]
    weapons: dict[str, str]  # word -> ACLED sub-type
    aid_objects: frozenset[str]
    support_objects: frozenset[str]
    disapproval_objects: frozenset[str]
    rejection_objects: frozenset[str]
    closure_objects: frozenset[str]
    leave_verbs: frozenset[str]
    concession_objects: frozenset[str]
    protest_purposes: frozenset[str]
    strike_kinds: frozenset[str]
    grenade_words: frozenset[str]
    grenade_throw: frozenset[str]
    small_arms: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the packaged trigger lexicon."""
    with resources.files("sitrep.events").joinpath("data/triggers.yaml").open(encoding="utf-8") as fp:
        d = yaml.safe_load(fp)
    verbs = {w: cls for cls, words in d["verbs"].items() for w in words}
    framed = {w: cls for cls, words in d["framed_verbs"].items() for w in words}
    phrasal = {w: cls for cls, words in d["phrasal_verbs"].items() for w in words}
    nouns = {w: cls for cls, words in d["nouns"].items() for w in words}
    weapons = {w: sub for sub, words in d["weapons"].items() for w in words}
    return Lexicon(
        verbs=verbs, framed_verbs=framed, phrasal=phrasal, nouns=nouns,
        noun_subject_of=frozenset(d["noun_subject_of"]),
        noun_object_of=frozenset(d["noun_object_of"]),
        attack_objects=frozenset(d["attack_objects"]),
        weapons=weapons,
        aid_objects=frozenset(d["aid_objects"]),
        support_objects=frozenset(d["support_objects"]),
        disapproval_objects=frozenset(d["disapproval_objects"]),
        rejection_objects=frozenset(d["rejection_objects"]),
        closure_objects=frozenset(d["closure_objects"]),
        leave_verbs=frozenset(d["leave_verbs"]),
        concession_objects=frozenset(d["concession_objects"]),
        protest_purposes=frozenset(d["protest_purposes"]),
        strike_kinds=frozenset(d["strike_kinds"]),
        grenade_words=frozenset(d["grenade_words"]),
        grenade_throw=frozenset(d["grenade_throw"]),
        small_arms=frozenset(d["small_arms"]),
    )
