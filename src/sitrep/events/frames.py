"""Lexical frames: when a lexicon word, in its place in the parse, names an event.

`verb_class` and `noun_class` return a trigger class or None.  A verb needs the
arguments that make it an event ("took *control of* X", "struck *a bridge*", "fired
*mortars at*", "lifted *the curfew*"); a noun needs a verb that makes it an occurrence
("clashes *erupted*", "*staged* a protest", "*observed* 28 explosions").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from .answering import answers_fire
from .lexicon import Lexicon
from .vocab import (
    ACCORDS,
    ACTS,
    ADMISSIONS,
    AIR_KINDS,
    ARMED_SIDES,
    ARMED_VICTIMS,
    ARMED_WORDS,
    ARMS_STORES,
    ARTILLERY_KINDS,
    ASSAULTS,
    BASES,
    BEATEN_SIDES,
    BLASTS,
    BY_PHONE,
    CAPTIVITY,
    CIVIL_GROUPS,
    CIVILIAN_VICTIMS,
    CLAIMANT_GROUPS,
    COMMENTING,
    CONDITION_WORDS,
    CONSEQUENCE_VERBS,
    COUNT_NOUNS,
    COUNTERPARTS,
    CROWD_WORDS,
    CURRENCIES,
    DEFECTING_SOLDIERS,
    DISPLACED,
    DROPPED_MUNITIONS,
    EMERGENCY_MEASURES,
    ENDED,
    ENGAGEMENTS,
    ENVOYS,
    EXCHANGED_PEOPLE,
    EXPLOSIVES_USED,
    FIGHT_MODIFIERS,
    FIGURES_REACHED,
    FIRE_OBJECTS,
    FORCE_USED,
    FORCE_WORDS,
    FORCES_MOVED,
    FORCES_SENT,
    FORTIFIED_POSITIONS,
    HELD_GROUND,
    HOSTAGE_WORDS,
    HOSTILE_FIRE,
    INTELLIGENCE,
    LABOUR_GROUPS,
    LICENSING_PREPS,
    MEETING_PEOPLE,
    NATURAL_FORCES,
    OBLIGING,
    PERSON_OBJECTS,
    PLACE_EDGES,
    PLACE_NOUNS,
    POLITIES,
    POTS_AND_PANS,
    PRAISED_DEEDS,
    PRAISING,
    PROPERTY,
    PROPERTY_PLACES,
    PROTEST_HOSTS,
    PROTESTER_PLURALS,
    PROTESTS_AND_PROTESTERS,
    RECEIVED_CONTACTS,
    REFLEXIVES,
    REMAINS,
    RESTRICTIONS_IMPOSED,
    RETURNING_PEOPLE,
    RIOTER_NOUNS,
    ROADS,
    SANCTION_MEASURES,
    SELF_PRONOUNS,
    STANDOFF_KINDS,
    TEAR_GAS,
    THROWN_EXPLOSIVES,
    THROWN_MISSILES,
    TIES_CUT,
    TRUCES,
    VEHICLES,
    WEAPON_OBJECTS,
)

__all__ = ["MATERIAL_PRIORITY", "VERBAL", "elided_passive", "lemma_of", "noun_class", "place_like", "verb_class"]

# classes that are statements or diplomacy (PLOVER only, no ACLED type unless coded so)
VERBAL = {"agree", "consult", "request", "support", "offer", "accuse", "reject", "threaten",
          "sanction", "supply", "talks", "release", "concede", "cooperate", "coerce"}
# verbs of ground taken back, whose participle tells it of the place ("the recaptured town of X");
# not "liberated", which long after still describes a place ("the liberated city of Raqqa")
RETAKING = {"recapture", "retake", "reclaim", "regain"}
# when two triggers tell one happening, the more specific class names it: "killed after
# exchanging fire" is a clash; "killed in an airstrike" an air strike
MATERIAL_PRIORITY = ["air_attack", "shelling", "explosive", "clash", "shooting", "attack", "kill", "sexual",
                     "destroy", "takeover", "advance", "lose_control", "withdraw", "riot", "protest"]
# verbs of a fight breaking out: "a fight erupted", "an armed fight ensued between ..."
BREAK_OUT = ("erupt", "ensue", "break")
# spaCy's small model mislemmatises some verbs of reporting ("staged" -> "stag")
_LEMMA_FIXES = {"staged": "stage", "stages": "stage", "staging": "stage", "stag": "stage",
                "shelled": "shell", "shelling": "shell", "downed": "down", "rioted": "riot",
                "raped": "rape", "rapes": "rape", "raping": "rape", "installed": "install"}


def lemma_of(t: Token) -> str:
    """The token's lemma, with the model's known slips mended."""
    return _LEMMA_FIXES.get(t.lower_) or _LEMMA_FIXES.get(t.lemma_.lower()) or t.lemma_.lower()


def place_like(t: Token) -> bool:
    """A token that names or stands for a place (toponym, 'towns', 'the city'); a count of
    places stands for them ('a number of villages', 'dozens of towns')."""
    if t.lower_ in COUNT_NOUNS:
        return any(place_like(o) for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj")
    return t.ent_type_ in ("GPE", "LOC", "FAC") or t.lower_ in PLACE_NOUNS or t._.sitrep_place


def _children(t: Token, deps: set[str]) -> list[Token]:
    return [c for c in t.children if c.dep_ in deps]


def _objects(t: Token) -> list[Token]:
    """Direct objects and prepositional objects of a verb (one level)."""
    out = _children(t, {"dobj", "attr", "oprd", "nsubjpass"})
    for p in _children(t, {"prep", "agent", "dative"}):
        out += _children(p, {"pobj"})
    for prt in _children(t, {"prt"}):
        for p in _children(prt, {"prep"}):
            out += _children(p, {"pobj"})
    return out


def _words(tokens) -> set[str]:
    return {x.lower_ for x in tokens} | {x.lemma_.lower() for x in tokens}


def _dobj_words(t: Token) -> set[str]:
    return _words(x for o in _children(t, {"dobj", "nsubjpass"}) for x in o.subtree)


def _subject_words(t: Token) -> set[str]:
    """The words of a verb's subject; for a finite verb the parser hung off a noun ("90 migrants
    returned from ...", parsed as an acl of "migrants"), that noun is its subject."""
    subj = _words(x for c in _children(t, {"nsubj"}) for x in c.subtree)
    if not subj and t.dep_ == "acl" and t.tag_ == "VBD":
        subj = _words([t.head, *_children(t.head, {"amod", "compound", "nummod"})])
    return subj


def _controls_place(t: Token) -> bool:
    """'took control of the village', 'gained control over Al Hummah'; not 'took control of
    the situation' nor 'took control the riot'."""
    for o in _objects(t):
        if o.lower_ != "control":
            continue
        held = [g for p in _children(o, {"prep"}) if p.lower_ in ("of", "over") for g in _children(p, {"pobj"})]
        held += [c for g in held for c in g.conjuncts]
        if any(place_like(g) or g.pos_ == "PROPN" for g in held):
            return True
        # "took control of the command of the First Brigade and its base in Wad Madani": what
        # is held is a unit's seat, named with its place
        if any(x._.sitrep_place or x.lower_ in PLACE_NOUNS - {"control"} for g in held for x in g.subtree):
            return True
        if not held and any(place_like(x) for x in _objects(t) if x.i != o.i):
            return True  # "took control in Burkan"
    return False


def _purpose_is_protest(t: Token, lex: Lexicon) -> bool:
    """'gathered ... to demand', 'blocked roads in protest against', 'as a protest', 'marched against'."""
    protest_nouns = {k for k, v in lex.nouns.items() if v == "protest"}
    for c in t.children:
        if c.dep_ in ("advcl", "xcomp", "conj") and (lemma_of(c) in lex.protest_purposes or (
                c.dep_ == "advcl" and any(lemma_of(x) in lex.protest_purposes for x in c.conjuncts))):
            return True  # "gathered to submit a petition and to press the council"
        if c.dep_ == "prep" and any(o.lower_ in ("streets", "street") for o in c.children):
            return True  # "marched on the streets", "rallied in the streets"
        if c.dep_ == "prep" and (c.lower_ in ("against", "over") or
                                 (c.lower_ in ("in", "as") and any(g.lower_ in protest_nouns for g in c.subtree))):
            return True
    for c in t.children:  # "blocked the roads demanding ...": the purpose may hang off the object
        if c.dep_ == "dobj" and any(g.dep_ in ("acl", "advcl") and lemma_of(g) in lex.protest_purposes
                                    for g in c.children):
            return True
    return bool(_subject_words(t) & PROTESTER_PLURALS)




def _answered(t: Token) -> str | None:
    """'responded to enemy fire', 'retaliated to the attack': the answer makes it a fight."""
    if answers_fire(t):
        answered = [o for p in _children(t, {"prep"}) if p.lower_ == "to" for o in _children(p, {"pobj"})]
        return "clash" if any(o.lower_ in HOSTILE_FIRE for o in answered) else None
    return None


FORCE_CLASSES = {"attack", "kill", "clash", "takeover", "destroy", "air_attack", "shelling", "advance"}


def _complement(t: Token) -> list[Token]:
    return [x for c in t.children if c.dep_ in ("xcomp", "ccomp") for x in c.subtree]


def _promises_force(t: Token, lex: Lexicon) -> bool:
    """'vowed to crush the uprising', 'pledged he would continue to clear the border of militants',
    'vowed revenge'."""
    promised = _complement(t) + _children(t, {"dobj"})
    return any(lex.verbs.get(lemma_of(x)) in FORCE_CLASSES or x.lemma_.lower() in FORCE_WORDS
               for x in promised)


def _warns_of_own_force(t: Token, lex: Lexicon) -> bool:
    """'warned that it would crush them', 'warned the militia that its forces will strike': force
    the speaker's side says it will use is a threat, with or without a condition ('warned that the
    offensive could kill thousands' foresees; it threatens nothing)."""
    for c in _children(t, {"ccomp"}):
        will = any(a.dep_ == "aux" and a.lower_ in ("will", "would", "shall", "'ll") for a in c.children)
        own = any(s.dep_ == "nsubj" and (s.lower_ in SELF_PRONOUNS or
                                         any(p.dep_ == "poss" and p.lower_ in ("its", "our", "their") for p in s.children))
                  for s in c.children)
        if will and own and (lex.verbs.get(lemma_of(c)) in FORCE_CLASSES or lemma_of(c) in FORCE_WORDS):
            return True
    return False


def _conditional_threat(t: Token) -> bool:
    """'warned it would respond if attacked', 'warned of consequences': a warning that threatens."""
    # not a condition inside a description: "400 in need, including 29 who will die if not evacuated"
    told = [x for x in t.subtree if not any(a.dep_ in ("relcl", "acl") for a in x.ancestors if a in t.subtree)]
    words = {x.lower_ for x in told} | {x.lemma_.lower() for x in told}
    return bool(words & CONDITION_WORDS)


def _phrasal(t: Token, lemma: str, lex: Lexicon) -> str | None:
    """The class of a phrasal verb: its particle ("hit out at", "ruled out talks") or its bare
    object ("took aim at") with it."""
    for c in t.children:
        if c.dep_ == "prt" or (c.dep_ in ("dobj", "prep") and not any(d.dep_ == "det" for d in c.children)):
            cls = lex.phrasal.get(f"{lemma} {c.lower_}")
            if cls:
                return cls
    return None


def _declared_victory(t: Token, lemma: str) -> str | None:
    """'declared victory over the Islamic State in Mosul': the last of a place taken."""
    victory = [o for o in _children(t, {"dobj"}) if o.lower_ == "victory"]
    if lemma not in ("declare", "claim", "proclaim", "announce") or not victory:
        return None
    if any(x._.sitrep_place for x in _where(t) + _where(victory[0]) +
           [w for p in _children(victory[0], {"prep"}) for o in _children(p, {"pobj"}) for w in _where(o)]):
        return "takeover"
    # "declared victory over the Islamic State on July 10": the last ground of an armed side
    # taken, where the story is (not "claimed victory in the election"; a victory "claimed"
    # with no place is a boast, not a declaration)
    if lemma == "claim" or t.tag_ == "VBG":
        return None  # ("..., declaring victory over the Islamic State": a reason given)
    beaten = [x for p in _children(victory[0], {"prep"}) if p.lower_ in ("over", "against")
              for o in _children(p, {"pobj"}) for x in o.subtree]
    return "takeover" if any(x.lower_ in BEATEN_SIDES for x in beaten) else None


def _back_in_control(t: Token) -> str | None:
    """'the army is back in control of the town': ground regained, told as the state it left."""
    back = [c for c in t.children if c.dep_ == "advmod" and c.lower_ == "back"]
    held = [o for b in back for p in _children(b, {"prep"}) if p.lower_ == "in"
            for o in _children(p, {"pobj"}) if o.lower_ in ("control", "charge")]
    return "takeover" if lemma_of(t) == "be" and any(_children(o, {"prep"}) for o in held) else None


def _where(t: Token) -> list[Token]:
    """The words of the 'in' and 'at' phrases on a word: where it happened."""
    return [x for p in _children(t, {"prep"}) if p.lower_ in ("in", "at") for x in p.subtree]


def verb_class(t: Token, lex: Lexicon) -> str | None:
    """The trigger class of a verb in its frame, or None: a verb that acts (not a modifier
    such as "US-backed"), then its class's own frame (`_CLASS_FRAMES`) on its arguments."""
    if t.pos_ not in ("VERB", "AUX") and not (t.dep_ == "amod" and t.lower_.endswith(("ed", "en"))):
        # (asked of every word of every sentence: no other has a verb's class, but for a
        # participle the tagger calls an adjective, "the recaptured town of X")
        return None
    lemma = lemma_of(t)
    cls = lex.verbs.get(lemma)
    if t.pos_ == "VERB" and (phrasal := _phrasal(t, lemma, lex)):
        return phrasal
    if t.pos_ == "VERB" and (victory := _declared_victory(t, lemma)):
        return victory
    if t.dep_ == "amod" and (retaken := _retaken_place(t)):
        return retaken
    if cls is None and t.pos_ == "AUX":
        return _back_in_control(t)
    if cls is None and lemma in lex.framed_verbs:
        return _framed(t, lex, lemma)
    if cls is None and t.pos_ == "VERB":
        return _answered(t)
    if cls is None or t.pos_ not in ("VERB",) and not (t.pos_ == "AUX" and lemma == "have"):
        return None
    if t.dep_ in ("amod", "compound", "npadvmod") or \
            (t.i > 1 and t.nbor(-1).text == "-" and t.nbor(-2).lower_ not in ("re", "counter", "co")):
        return None  # "US-backed", "Iran-backed": a modifier, not an act ("re-captured" is one)
    if t.tag_ == "VBN" and t.i > 0 and t.nbor(-1).lower_ in ("of", "the", "an", "a"):
        return None  # "the occupied territory", "journalists of occupied Kashmir": an adjective
    objs = _objects(t)
    v = _Verb(lemma, cls, objs, _words(objs), _dobj_words(t), {c.lower_ for c in _children(t, {"prt"})},
              {c.lower_ for c in _children(t, {"prep"})}, _words(t.subtree))
    frame = _CLASS_FRAMES.get(cls)
    return frame(t, lex, v) if frame else cls


@dataclass(frozen=True)
class _Verb:
    """A lexicon verb in its parse: its lemma and class, and the words of its arguments."""

    lemma: str
    cls: str
    objs: list[Token]  # direct and prepositional objects
    obj_words: set[str]  # their forms and lemmas
    dobj: set[str]  # the words of the direct object (or passive subject)
    prts: set[str]  # particles: "pulled *out*", "called *off*"
    preps: set[str]  # prepositions hung on the verb
    sub: set[str]  # every word of the verb's subtree


def _pledge_or_offer(v: _Verb, lex: Lexicon) -> str | None:
    """An offer, or a pledge: of support, of aid, or of terms; dismay or opposition expressed."""
    if v.cls == "offer" and v.dobj & lex.disapproval_objects:
        return "accuse"  # "expressed dismay at the ruling": a disapproval
    if v.cls == "offer" and v.dobj & lex.rejection_objects:
        return "reject"  # "voiced opposition to the plan"
    if any(x.ent_type_ == "MONEY" or x.lower_ in CURRENCIES for o in v.objs if o.dep_ == "dobj" for x in o.subtree):
        return "supply"  # "pledged a $50m support package": money given is aid
    words = v.dobj if v.cls == "agree" else v.sub
    if words & lex.support_objects:
        return "support"
    if words & lex.aid_objects:
        return "supply"
    return "agree" if v.lemma in ("offer", "pledge", "promise", "vow") else None


def _takeover(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """Ground taken ('seized the town', 'took control of'); else what was taken says what
    happened: 'took to the streets' protests, 'were taken hostage' abducts."""
    if v.lemma == "take" and (any(p.lower_ == "to" and any(o.lower_ in ("streets", "street") for o in p.children)
                                for p in _children(t, {"prep"})) or v.dobj & {"streets"}):
        return "protest"  # "took to the streets" (also "took the streets")
    if v.lemma == "take" and v.obj_words & HOSTAGE_WORDS:
        return "abduct"  # "were taken hostage"
    # a takeover takes a place: "seized a pistol" is a seizure of weapons, not of ground
    # "took it back from the army": a place taken back, named before
    back = any(c.lower_ == "back" for c in _children(t, {"prt", "advmod"})) and \
        any(o.lower_ in ("it", "them") for o in _children(t, {"dobj"}))
    if v.lemma == "take" and not ("control" in v.obj_words or "over" in v.prts or back or
                                any(place_like(o) for o in _children(t, {"dobj"}))):
        return None
    if back:
        return "takeover"
    if v.lemma == "gain" and "control" not in v.obj_words:
        return None  # "gained control of"; not "gained support"
    if v.lemma == "restore" and not ("control" in v.obj_words or any(place_like(o) for o in _children(t, {"dobj"}))):
        return None  # "restored Singa city", "restored control over"; not "restored order"
    # the place taken is the object ("seized the town", "took control of", "stormed into");
    # "seized drugs in Guaira" names where the seizure happened, not what was taken
    taken = _children(t, {"dobj", "nsubjpass"}) + [o for p in _children(t, {"prep"})
                                                   if p.lower_ in ("of", "over", "into")
                                                   for o in _children(p, {"pobj"})]
    if taken and all(o.lower_ in PROPERTY_PLACES for o in taken):
        return "loot"  # "occupied the parliament", "seized Palestinian-owned land": property, not ground
    if any(place_like(o) for o in taken if o.lower_ != "control") or _controls_place(t):
        return "takeover"
    if v.dobj & WEAPON_OBJECTS:
        return "intercept"
    if _captured_people(t):
        return "abduct" if v.lemma in ("capture", "seize") else None
    if v.dobj & PERSON_OBJECTS:
        return None  # "captured the predicament of the rebel fighters": a figure of speech
    if v.lemma in ("seize", "capture", "take") and v.dobj & PROPERTY:
        return "loot"  # "seized their vehicle", "took the cattle"
    if v.lemma == "seize" and v.dobj:
        return "loot"  # "seized a ton of marijuana", "seized smuggled cigarettes": goods taken
    return None


def _captured_people(t: Token) -> bool:
    """Whether what was captured is people: the object itself ("captured two soldiers"), or
    the people a count is of ("captured dozens of fighters", "seized one of the guards")."""
    heads = [x for o in _children(t, {"dobj", "nsubjpass"}) for x in (o, *o.conjuncts)]
    heads += [g for h in heads if h.like_num or h.lower_ in COUNT_NOUNS | {"one", "some", "many", "several"}
              for p in _children(h, {"prep"}) if p.lower_ == "of" for g in _children(p, {"pobj"})]
    return any(h.lower_ in PERSON_OBJECTS or h.lemma_.lower() in PERSON_OBJECTS for h in heads)


def _lose_control(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """'lost control of': ground lost."""
    if v.lemma == "lose":
        # "lost control of Deraa", "lost the town of Kidal to the rebels"
        return "lose_control" if "control" in v.obj_words or (
            _ground_given(t) and "to" in v.preps) else None
    return v.cls


def _advance(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """'entered Homs'; not 'invaded his home', nor refugees arriving."""
    if v.lemma == "push" and _driven_out(t):
        return "takeover"  # "pushed the rebels out of the town"
    if v.lemma == "arrive" and _subject_words(t) & DISPLACED:
        return "flee"  # "500 refugees arrived from Colombia": a movement of people
    if _children(t, {"dobj"}) and \
            all(o.lower_ in PROPERTY_PLACES for o in _children(t, {"dobj"})):
        return None  # "armed men invaded his home": the way into an attack, not ground taken
    # "advanced into Deraa", "entered Homs"; not "advancing from their stronghold", nor
    # "advanced towards Hama" or "advanced on Hama" (moving against it: no ground taken yet)
    ahead = _children(t, {"dobj"}) + [o for p in _children(t, {"prep"}) if p.lower_ in
                                      ("into", "to", "in", "inside")
                                      for o in _children(p, {"pobj"})]
    if v.lemma in ("advance", "push") and t.tag_ == "VBG" and any(
            a.dep_ == "aux" and a.lemma_ == "be" for a in t.children):
        return None  # "our forces are advancing in the city": still fighting for it, not taken
    if ahead and all(o.lower_ in PLACE_EDGES for o in ahead):
        return None  # "reached the outskirts of the town": at its edge, not in it
    # a proper name entered is a place even where the gazetteer does not know it
    # (not a date: "advanced towards Jabalia on Tuesday" entered no Tuesday)
    return v.cls if any(place_like(o) or (o.pos_ == "PROPN" and o.ent_type_ not in ("PERSON", "ORG", "NORP", "DATE",
                                                                                  "TIME"))
                      for o in ahead) else None


def _withdraw(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """'pulled out', 'pulled back'."""
    if v.lemma == "pull":
        # "pulled out", "pulled back"; the parser takes "out" of "pulled out of the town" for a preposition
        return "withdraw" if (v.prts | v.preps) & {"out", "back"} else None
    return v.cls


def _retaken_place(t: Token) -> str | None:
    """'the reclaimed city of Izium', 'the newly liberated town of Kidal': ground retaken, told as
    what the place now is (not 'the captured soldiers', 'the occupied territories')."""
    # the participle, whether the tagger made it a verb or an adjective
    if t.lower_ not in {f for v in RETAKING for f in (v + "d", v + "ed", v + "n")}:
        return None
    if any(c.lower_ in ("now", "once", "formerly") for c in t.children):
        return None  # "the now recaptured city": what it is, not news of its retaking
    place = t.head
    named = [g for p in place.children if p.dep_ == "prep" and p.lower_ == "of"
             for g in p.children if g.dep_ == "pobj"]
    if place.lower_ in HELD_GROUND and any(_local_place(g) for g in named):
        return "takeover"
    return None


def _local_place(o: Token) -> bool:
    """A toponym below a country's size ("Kidal", not "Mali")."""
    return bool(o._.sitrep_place) and not o._.sitrep_country


def _ground(o: Token) -> bool:
    """Ground that is held: a town, a base, positions ('the town of Kidal'), or a named place."""
    return o.lower_ in HELD_GROUND or _local_place(o)


def _ground_given(t: Token) -> bool:
    """'handed over the town', 'surrendered the base', 'ceded control of Kidal': ground given up."""
    given = _children(t, {"dobj", "nsubjpass"})
    return any(_ground(o) for o in given) or (
        any(o.lower_ == "control" for o in given) and _controls_place(t))


def _fell(t: Token) -> str | None:
    """'the town fell to the rebels', 'Kidal fell on Tuesday', 'fell into the hands of': a
    place taken; not 'prices fell', 'shells fell on the town', 'the town fell silent'."""
    subj = _children(t, {"nsubj"})
    if not subj or _children(t, {"dobj", "acomp", "oprd", "attr", "xcomp"}):
        return None
    s = subj[0]
    if s.lower_ in COUNT_NOUNS or s.lower_ in ("control", "front", "frontline") or not place_like(s):
        return None
    for p in _children(t, {"prep"}):
        objs = _children(p, {"pobj"})
        if any(o.like_num or o.ent_type_ in ("PERCENT", "MONEY", "QUANTITY", "CARDINAL") for o in objs):
            return None  # "fell to 10 percent"
        if p.lower_ in ("on", "onto", "upon", "near", "behind", "below", "short") and \
                not any(o.ent_type_ in ("DATE", "TIME") for o in objs):
            return None  # "fell short", "fell near the border"; "fell on Tuesday" is a date
    return "takeover"


def _driven_out(t: Token) -> bool:
    """'drove the militants out of the town', 'were chased from Kidal', 'ousted the army from its
    base': an armed side put out of a place (not 'forced residents out of the village')."""
    driven = _children(t, {"dobj", "nsubjpass"})
    if not driven and elided_passive(t):
        driven = _children(t, {"nsubj"})  # "... and the army driven out": a passive, its "was" left out
    sides = [x for o in driven for x in o.subtree]
    if _words(sides) & (CIVILIAN_VICTIMS | DISPLACED) or not (
            _words(sides) & (ARMED_SIDES | ARMED_VICTIMS) or any(x.ent_type_ in ("ORG", "NORP") for x in sides)):
        return False  # an armed side driven out, not "families forced from the town"
    outs = [c for c in t.children if c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "out"]
    froms = [p for p in _children(t, {"prep"}) if p.lower_ == "from" or (outs and p.lower_ == "of")]
    froms += [p for c in outs for p in _children(c, {"prep"}) if p.lower_ == "of"]
    places = [o for p in froms for o in _children(p, {"pobj"})] + \
        [o for c in outs if c.dep_ == "prep" for o in _children(c, {"pobj"})]
    if not places and outs and (_children(t, {"nsubjpass"}) or elided_passive(t)):
        return True  # "the army was driven out": out of the place the sentence is about
    return any(place_like(o) for o in places)


def _cleared(t: Token) -> bool:
    """'cleared the village of militants', 'the town was cleared of IS fighters': an armed side
    removed from a place (not 'cleared the road of debris')."""
    place = [o for o in _children(t, {"dobj", "nsubjpass"}) if place_like(o)]
    removed = [x for p in _children(t, {"prep"}) if p.lower_ == "of" for o in _children(p, {"pobj"})
               for x in o.subtree]
    return bool(place) and bool(_words(removed) & (ARMED_SIDES | ARMED_VICTIMS | BEATEN_SIDES)
                                or any(x.ent_type_ in ("ORG", "NORP") for x in removed))


def _came_under_control(t: Token) -> bool:
    """'the town came under the control of the rebels', 'came under rebel control'."""
    held = [o for p in _children(t, {"prep"}) if p.lower_ == "under" for o in _children(p, {"pobj"})
            if o.lower_ == "control"]
    return bool(held) and any(place_like(s) for s in _children(t, {"nsubj"}))


def elided_passive(t: Token) -> bool:
    """'..., and the army driven out': a past participle with a subject and no auxiliary of its own."""
    return t.tag_ == "VBN" and t.dep_ == "conj" and bool(_children(t, {"nsubj"})) and \
        not _children(t, {"aux", "auxpass"})


def _left_ground(t: Token) -> bool:
    """'government troops left the town', 'vacated their positions': an armed side leaving ground
    it held (not 'the attack left five dead', 'residents left the city')."""
    if lemma_of(t) == "leave" and not _subject_words(t) & ARMED_SIDES:
        return False
    if _children(t, {"oprd", "ccomp", "xcomp", "acomp"}):
        return False  # "left five people dead", "left them to fend for themselves"
    return any(_ground(o) for o in _children(t, {"dobj", "nsubjpass"}))


def _framed(t: Token, lex: Lexicon, lemma: str) -> str | None:
    """A verb that tells ground changing hands only in its frame (`framed_verbs`)."""
    cls = lex.framed_verbs[lemma]
    if t.pos_ != "VERB" or t.dep_ in ("amod", "compound"):
        return None
    if lemma == "fall":
        return _fell(t)
    if lemma == "change":  # "the town changed hands"
        return cls if any(o.lower_ == "hands" for o in _children(t, {"dobj"})) else None
    if lemma == "secure":  # "secured Kidal", "secured control of"; not "secured the area", "a deal"
        return cls if any(_local_place(x) for o in _children(t, {"dobj", "nsubjpass"}) for x in (o, *[
            g for p in _children(o, {"prep"}) if p.lower_ == "of" for g in _children(p, {"pobj"})])) or \
            _controls_place(t) else None
    if lemma in ("drive", "oust", "chase", "force", "dislodge"):
        return cls if _driven_out(t) else None
    if lemma == "clear":  # "cleared the village of militants", "the town was cleared of IS"
        return cls if _cleared(t) else None
    if lemma in ("reassert", "reimpose", "reestablish", "re-establish"):
        return cls if _controls_place(t) else None  # "reasserted control over the town"
    if lemma == "come":  # "the town came under the control of the rebels"
        return cls if _came_under_control(t) else None
    if lemma in ("claim", "announce"):  # "claimed full control of the city"
        return cls if _controls_place(t) else None
    if lemma == "relinquish":  # "relinquished control of the town"
        return cls if _ground_given(t) else None
    if lemma in ("leave", "vacate"):
        return cls if _left_ground(t) else None
    if lemma == "move":  # "troops moved into the town"; not "are starting to move into it"
        if lemma_of(t.head) in ("start", "begin", "prepare", "plan") and t.dep_ == "xcomp" or \
                any(a.dep_ == "aux" and a.lemma_ == "be" for a in t.children) and t.tag_ == "VBG":
            return None
        return cls if any(place_like(o) and o.lower_ not in PLACE_EDGES for p in _children(t, {"prep"})
                          if p.lower_ in ("into", "inside") for o in _children(p, {"pobj"})) else None
    return None


def _a_figure(o: Token) -> bool:
    """'the 0.7% spending target', 'a record high': a figure reached, not a thing struck."""
    return o.lower_ in FIGURES_REACHED and any(
        c.like_num or c.text == "%" or c.lower_ in ("record", "all-time") for c in o.subtree if c != o)


def _hit_by_measures(t: Token) -> bool:
    """'targeted in the travel ban', 'hit by sanctions': a policy's reach, not an attack."""
    return any(p.lower_ in ("in", "by", "with") and _words(_children(p, {"pobj"})) & SANCTION_MEASURES
               for p in _children(t, {"prep", "agent"}))


def _attack(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """'fired mortars at', 'opened fire on', 'struck a bridge'."""
    if v.lemma == "fire" and ("warning" in v.dobj or "air" in v.obj_words):
        return None  # "fired warning shots into the air" threatens; it hits no one
    if v.lemma == "fire":  # "fired mortars at", "fired on positions"
        return v.cls if v.dobj & (lex.weapons.keys() | FIRE_OBJECTS | WEAPON_OBJECTS) or v.preps & {"at", "on", "upon", "into", "towards"} else None
    if v.lemma == "drop":  # "a jet dropped three bombs on the village": from the air
        return "air_attack" if v.dobj & DROPPED_MUNITIONS else None
    if v.lemma == "open":  # "opened fire on"
        return v.cls if v.dobj & FIRE_OBJECTS else None
    if v.lemma == "launch":  # "launched two ballistic missiles"; "launched an attack" is the noun's
        return v.cls if v.dobj & (WEAPON_OBJECTS | set(lex.weapons)) else None
    if v.lemma == "strike" and (_words(_children(t, {"nsubj"})) & LABOUR_GROUPS):
        return "protest"
    if any(_a_figure(o) for o in _children(t, {"dobj"})) or _hit_by_measures(t):
        return None  # "hit the 0.7% aid target", "countries targeted in the travel ban"
    if v.lemma in ("strike", "hit") and any(s.lemma_.lower() in NATURAL_FORCES for s in _children(t, {"nsubj"})):
        return None  # "the frost hit his cheeks", "an earthquake struck the town"
    if v.lemma in ("strike", "hit") and not (v.obj_words & lex.attack_objects or
                                          any(place_like(o) for o in v.objs) or
                                          any(o.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "ORG") for o in v.objs)):
        return None
    if v.lemma == "blow" and "up" not in v.prts:
        return None
    return v.cls


def _kill(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """'killed', 'bodies were found'; 'shot down a drone' intercepts."""
    if v.lemma == "shoot" and "down" in v.prts:
        return "intercept"  # "shot down a drone"
    if v.lemma in ("find", "discover"):  # "bodies were found", "found dead"
        found = _words(_children(t, {"nsubjpass"}))
        return v.cls if (v.dobj | v.obj_words | found) & REMAINS or \
            any(c.dep_ in ("oprd", "acomp", "xcomp") and c.lower_ == "dead" for c in t.children) else None
    if v.lemma in ("beat", "hack") and not (v.dobj & PERSON_OBJECTS | {"him", "her", "them"} or
                                        _children(t, {"nsubjpass"})):
        return None
    return v.cls


def _clash(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """'clashed', 'exchanged fire'; a prisoner exchange is a deal."""
    if v.lemma == "exchange" and v.dobj & EXCHANGED_PEOPLE:
        return "deal"  # a prisoner exchange is an agreement carried out
    if v.lemma in ("exchange", "trade"):  # "exchanged fire", "traded gunfire", never "traded goods"
        return v.cls if v.dobj & (FIRE_OBJECTS | set(lex.weapons) | {"artillery", "shelling"}) else None
    if v.lemma == "engage":
        return v.cls if v.sub & ENGAGEMENTS else None
    if v.lemma == "fight" and not (v.preps & {"with", "against"} or t.dep_ == "ROOT"):
        return None
    return v.cls


def _protest(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """'protested', 'marched against', 'banged pots'."""
    if v.lemma == "bang" and v.dobj & POTS_AND_PANS:
        return "protest"  # "banged pots": a cacerolazo
    if v.lemma == "march" and not _purpose_is_protest(t, lex):
        return None
    if v.lemma == "demonstrate" and _children(t, {"dobj", "ccomp"}):
        return None  # "to demonstrate credible fear", "demonstrated that ...": to show, not to protest
    return v.cls


def _gather(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """A gathering, blockade or sit-in with a protest purpose ('held a protest' is the noun's)."""
    if v.lemma in ("stage", "hold", "organise", "organize"):
        return None
    if _words(_children(t, {"nsubj"})) & RIOTER_NOUNS:
        return "riot"  # "rioters blocked the highway"
    if v.lemma in ("block", "barricade") and v.dobj & ROADS and _subject_words(t) & (CROWD_WORDS | CIVIL_GROUPS):
        return "protest"  # "residents blocked the highway": a road blockade is a protest
    return "protest" if _purpose_is_protest(t, lex) else None


def _throw(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """'threw stones' riots, 'threw a grenade' attacks, 'fired tear gas' disperses."""
    if v.dobj & TEAR_GAS:
        return "disperse"  # "wardens fired tear gas at inmates staging a protest"
    if v.dobj & THROWN_MISSILES:
        return "riot"  # "pelted stones at police"
    if v.dobj & THROWN_EXPLOSIVES:
        return "attack"
    return None


def _riot(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """'set fire to', 'pelted', 'burned' with what they acted on."""
    if v.lemma == "set" and not ("fire" in v.obj_words or v.sub & {"ablaze", "alight"} or
                               "fire" in v.sub and "on" in v.preps):  # "set on fire barricades"
        return None
    if v.lemma in ("pelt", "stone") and not v.objs:
        return None
    if v.lemma == "burn" and not v.dobj:
        return None
    return v.cls


def _flee(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """Refugees returning home: a movement of people, not any return."""
    if v.lemma == "return":
        subj = _subject_words(t)
        return v.cls if subj & RETURNING_PEOPLE else None
    return v.cls


def _defect(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """'soldiers joined the Taliban', 'a battalion defected to the STC'."""
    subj = _subject_words(t)
    armed = DEFECTING_SOLDIERS
    return v.cls if v.lemma == "defect" or subj & armed else None


def _close(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """A closure of what can be closed to people."""
    if not (v.sub & lex.closure_objects) or "in" in v.prts or any(c.lower_ == "in" for c in t.children):
        return None  # "closing in on Giad city" advances; it closes nothing
    return v.cls


def _deploy(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """Forces sent or set up; aid sent is supply."""
    if v.lemma == "send":
        if v.dobj & lex.aid_objects - {"troops"}:
            return "supply"
        if not v.dobj & FORCES_SENT:
            return None  # "sent officials to collect the children": no force moved
    if v.lemma == "establish" and _controls_place(t):
        return "takeover"  # "established full control over the town"
    if v.lemma in ("establish", "build", "erect", "fortify", "relocate", "transfer", "install"):
        # "established new fortifications", "built a base": a movement or a base, not any building
        if not v.dobj & FORTIFIED_POSITIONS:
            return None
        return "base" if v.dobj & BASES else v.cls
    return v.cls


def _supply(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """Aid given; ground given up ("gave up the town")."""
    if v.lemma == "give" and "up" in v.prts and _ground_given(t):
        return "withdraw"
    return "supply" if v.dobj & lex.aid_objects else None


def _request(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """Calls, orders and demands: something asked of someone ("urged Turkey to withdraw", "called
    for a ceasefire"); not a naming ("called the situation catastrophic"), a time ("on Monday"),
    a legal appeal, or pressing on with an offensive."""
    # what is asked; an infinitive after a time may hang as an adverbial ("pressed Baghdad on Monday
    # to release ...")
    x = [c for c in t.children if c.pos_ in ("VERB", "AUX") and (c.dep_ in ("xcomp", "ccomp") or c.dep_ == "advcl"
                                                                 and any(a.lower_ == "to" for a in c.children))]
    if v.lemma in ("order", "instruct", "tell", "advise", "urge") and x and lemma_of(x[0]) in lex.leave_verbs:
        return "order_leave"
    preps = [p for p in _children(t, {"prep"}) if not _a_time(p)]
    said_to = {p.lower_ for p in preps}
    dobj = _children(t, {"dobj"})
    marked = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                 for c in t.children)  # "called for the people of Homs to rise up"
    if v.lemma == "call":
        heads = {o.lemma_.lower() for o in dobj}
        if heads & COUNTERPARTS \
                and not _children(t, {"oprd", "xcomp", "ccomp"}):
            return "consult"  # "called his counterpart"
        called_in = _words([*dobj, *(o for p in preps if p.lower_ in ("in", "up") for o in _children(p, {"pobj"}))])
        if (v.prts | said_to) & {"in", "up"} and called_in & FORCES_SENT:
            return "deploy"  # "called in reinforcements", "called up reservists"
        if not (said_to & {"for", "on", "upon"} or x or marked or "off" in v.prts):
            return None
        if "off" in v.prts:
            return "concede"  # "called off the strike"
    if v.lemma in ("tell", "ask", "advise") and not _children(t, {"xcomp"}) and \
            not (v.lemma == "ask" and "for" in said_to):
        return None  # "told Reuters that ..." reports; it requests nothing ("asked for" does)
    if v.lemma in ("ask", "request") and (any(lemma_of(c) in ("name", "identify") for c in x) or
                                          v.obj_words & {"anonymity"}):
        return None  # "an official, who asked not to be named", "requested anonymity": a source's terms
    if v.lemma == "plead" and v.sub & {"guilty", "innocent"}:
        return None  # "pleaded guilty": a plea in court, nothing asked of anyone
    if v.lemma == "insist" and not said_to & {"on", "upon"}:
        return _insisted(x)
    if v.lemma == "press" and not ("for" in said_to or dobj and (x or "on" in said_to)):
        return None  # "pressed Baghdad to ...", "pressed for talks"; not "pressed on with the offensive"
    if v.lemma == "appeal" and "against" in said_to:
        return None  # "appealed against the ruling": a case in court
    if not (dobj or x or marked or _children(t, {"dative"}) or any(_children(p, {"pobj", "pcomp"}) for p in preps)):
        return None  # "as Trump has ordered (on Monday)": an order told before, nothing asked here
    if v.lemma == "demand" and _words(x for c in _children(t, {"nsubj"}) for x in c.subtree) & \
            (CROWD_WORDS | CLAIMANT_GROUPS):
        return "protest"  # "workers demanded their unpaid salaries": a protest
    return v.cls


def _a_time(prep: Token) -> bool:
    """'on Monday', 'on 3 May': a prepositional phrase of time, not of what is meant."""
    return any(x.ent_type_ in ("DATE", "TIME") for x in prep.subtree)


def _insisted(said: list[Token]) -> str | None:
    """'insisted that the UN must act' demands; 'insisted it had not struck the market', 'insisted
    it would not withdraw' rejects; 'insisted that the operation would go on' only says so."""
    if any(c.dep_ == "aux" and c.lower_ in OBLIGING for x in said for c in x.children):
        return "request"
    if any(c.dep_ == "neg" for x in said for c in x.children):
        return "reject"
    return None


def _agree(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """Promises and agreements; a promise of force threatens."""
    if v.lemma in ("pledge", "promise", "vow") and _promises_force(t, lex):
        return "threaten"  # "vowed to crush the rebels": a promise of force is a threat
    if v.lemma in ("pledge", "promise", "vow"):
        return _pledge_or_offer(v, lex)
    if v.lemma == "sign":
        return "deal" if v.obj_words & ACCORDS else None
    if v.lemma == "agree" and _children(t, {"ccomp"}) and not _arranged(t):
        return None  # "agreed that the talks had failed": an opinion shared, no agreement reached
    return v.cls


def _closing_in(t: Token, lex: Lexicon) -> bool:
    """"Russian troops are threatening to encircle the town": forces close to doing it, not a
    threat anyone made."""
    progressive = t.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in t.children)
    return progressive and any(c.dep_ == "xcomp" and lex.verbs.get(lemma_of(c)) in FORCE_CLASSES for c in t.children)


def _arranged(t: Token) -> bool:
    """'agreed to a ceasefire', 'agreed on a swap', 'Russia and Turkey agreed that their troops
    would withdraw': an agreement reached on what will be done, not a view shared."""
    if _children(t, {"xcomp", "dobj"}) or any(p.lower_ in ("on", "to", "upon", "with") and not _a_time(p)
                                              for p in _children(t, {"prep"})):
        return True
    parties = any(s.dep_ == "nsubj" and _children(s, {"conj"}) for s in t.children)
    will = any(a.dep_ == "aux" and a.lower_ in ("will", "would", "shall", "should")
               for c in _children(t, {"ccomp"}) for a in c.children)
    return parties or will


def _threaten(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """A warning threatens only with a condition or consequences."""
    if _closing_in(t, lex):
        return None
    if v.lemma == "warn" and any((c.dep_ == "xcomp" or c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))
                                 and lemma_of(c) in lex.leave_verbs for c in t.children):
        return "order_leave"  # "warned residents of Rafah to leave": an order to leave
    if v.lemma == "warn" and not (_conditional_threat(t) or _warns_of_own_force(t, lex)):
        return None  # "warned that the city faces famine" alarms; it threatens nobody
    return v.cls


def _offer(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """An offer of support, of aid, or of terms; not one's self "as the spokesman of" a cause."""
    if any(o.lower_ in REFLEXIVES for o in _children(t, {"dobj"})):
        return None
    return _pledge_or_offer(v, lex)


def _support(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """Praise of an actor or of what it did ("praised the army", "hailed the truce", "lauded
    Kenya for its role"); not of a vaccine trial or of progress against a disease."""
    if v.lemma == "defend" and ("against" in v.preps or not _children(t, {"dobj"}) or
                                any(place_like(o) for o in _children(t, {"dobj"}))):
        return None  # "defended the town against IS", "they are defending": held ground, no words of support
    if v.lemma not in PRAISING:
        return v.cls
    praised = [x for o in _children(t, {"dobj", "nsubjpass"}) for x in (o, *o.conjuncts)]
    worthy = ARMED_WORDS | ARMED_VICTIMS | POLITIES | PRAISED_DEEDS
    if any(o.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or o.pos_ in ("PRON", "PROPN") or _meets(o) or
           o.lemma_.lower() in worthy or o.lower_ in worthy for o in praised):
        return v.cls
    return None


def _consult(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """'talked with', not any talk."""
    if v.lemma == "talk" and not v.preps & {"with", "to"}:
        return None
    subjects = _children(t, {"nsubj", "nsubjpass"})
    if v.lemma == "meet" and subjects and not any(_meets(x) for x in subjects):
        return None  # "the demand has met a mixed response": no one met anyone
    if v.lemma == "receive":
        # "received a phone call from", "received the envoy"; not "received aid", "was received"
        contacts = [o for o in _children(t, {"dobj"}) if o.lemma_.lower() in RECEIVED_CONTACTS or o.ent_type_ == "PERSON"]
        return v.cls if contacts and not _children(t, {"auxpass"}) else None
    if v.lemma == "speak":
        # "spoke by phone", "spoke with his Turkish counterpart", "spoke with Putin"; not "spoke
        # to reporters", "speaking to CNN" (a medium is no one met)
        whom = [o for p in _children(t, {"prep"}) if p.lower_ in ("with", "to") for o in _children(p, {"pobj"})]
        by_phone = v.sub & BY_PHONE
        return v.cls if by_phone or any(o.ent_type_ == "PERSON" or o.lemma_.lower() in MEETING_PEOPLE
                                        for o in whom) else None
    return v.cls


def _meets(subject: Token) -> bool:
    """Who can meet: people, their groups and states, or a pronoun standing for them."""
    return subject.pos_ == "PRON" or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or \
        subject.lemma_.lower() in MEETING_PEOPLE


def _sanction(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """Sanctions; a curfew imposed restricts; an act sanctioned is allowed."""
    if v.lemma == "sanction" and _words(_children(t, {"dobj", "nsubjpass"})) & ACTS:
        return "support"  # "the move was quietly sanctioned by Moscow": approved, not punished
    if v.lemma in ("impose", "enforce"):
        if v.dobj & RESTRICTIONS_IMPOSED:
            return "restrict"
        return v.cls if v.dobj & SANCTION_MEASURES else None
    if v.lemma in ("suspend", "sever", "halt", "cancel", "cut", "freeze") and not v.dobj & (TIES_CUT | SANCTION_MEASURES):
        return None  # "cut aid", "severed ties"; not "cut supply lines", "halted the advance"
    if v.lemma == "expel" and _driven_out(t):
        return "takeover"  # "expelled the militants from the town": ground taken, not a sanction
    if v.lemma == "recall" and not v.dobj & ENVOYS:
        return None  # "recalled its ambassador"; not "recalled the moment", "I do not recall"
    return v.cls


def _concede(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """'declared a ceasefire', 'ceded'; 'admitted responsibility', 'acknowledged that ...'."""
    if v.lemma in ("admit", "acknowledge"):
        # "admitted that its jets struck the market"; not "was admitted to hospital"
        if _children(t, {"auxpass"}):
            return None
        return v.cls if v.dobj & ADMISSIONS or _children(t, {"ccomp"}) else None
    if v.lemma == "declare" and _controls_place(t):
        return "takeover"  # "declared full control of the city"
    if v.lemma == "declare":  # "declared a ceasefire": a concession; declaring a war is not
        if v.dobj & EMERGENCY_MEASURES:
            return "restrict"  # "declared a lockdown": a security measure
        return v.cls if v.dobj & TRUCES else None
    if v.lemma in ("cede", "concede") and _ground_given(t):
        return "withdraw"  # "ceded control of the town to the rebels": ground given up
    return v.cls if v.dobj & lex.concession_objects or v.lemma in ("concede", "cede") else None


def _reject(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """'denied involvement' rejects; 'denied that' does not."""
    if v.lemma == "deny":
        # "denied involvement", "denied that its jets struck the market": a denial rejects the
        # charge (what follows "denied that" is told as denied); not "were denied access", whose
        # subject was refused something
        return v.cls if (v.dobj or _children(t, {"ccomp"})) and not _children(t, {"auxpass", "dative"}) else None
    if any(c.dep_ == "xcomp" and lemma_of(c) in COMMENTING for c in t.children):
        return None  # "declined to comment", "refused to say whether": a source's silence
    return v.cls


def _release(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """Prisoners freed; 'handed over' aid supplies."""
    if v.lemma in ("hand", "surrender") and _ground_given(t):
        return "withdraw"  # "handed over the town", "surrendered the base": ground given up
    if v.lemma == "hand":
        if "over" not in v.prts:
            return None
        return "supply" if v.dobj & lex.aid_objects else v.cls
    if v.lemma in ("release", "free") and not (v.obj_words & CAPTIVITY):
        return None
    return v.cls


def _disperse(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """Force used on a crowd."""
    if v.lemma in ("stop", "prevent", "obstruct"):
        # "police kept marchers from reaching the square": an intervention
        return v.cls if v.dobj & PROTESTS_AND_PROTESTERS else None
    if v.lemma == "use" and v.dobj & EXPLOSIVES_USED:
        return "explosive"  # "used explosives in a robbery"
    if v.lemma == "crack" and "down" not in v.prts:
        return None
    if v.lemma == "use" and not (v.dobj & FORCE_USED):
        return None  # "used tear gas against protesters"
    return v.cls if v.sub & CROWD_WORDS else None


def _destroy(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """Something destroyed; weapons destroyed are intercepted."""
    if not v.objs:
        return None
    if v.dobj & (WEAPON_OBJECTS | ARMS_STORES):
        return "intercept"  # "destroyed a weapons cache": weapons taken out of use
    return v.cls


def _explosive(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """'an IED exploded', 'detonated a bomb'; not 'tensions exploded'."""
    return v.cls if (_subject_words(t) | v.dobj | _words(_children(t, {"nsubjpass"}))) & BLASTS else None


def _steal(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """Something stolen."""
    if not v.dobj:
        return None
    return v.cls


def _evacuate(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """People or a place evacuated; forces that evacuate their own positions withdraw."""
    if not v.objs and not v.preps:
        return None
    evacuated = _words(x for o in _children(t, {"nsubjpass", "dobj"}) for x in o.subtree)
    if evacuated & ARMED_SIDES and not evacuated & CIVILIAN_VICTIMS and any(
            p.lower_ == "from" and any(_ground(o) for o in _children(p, {"pobj"})) for p in _children(t, {"prep"})):
        return "withdraw"  # "rebels were evacuated from the town under a deal": the town handed over
    if _subject_words(t) & ARMED_SIDES and any(o.lower_ in FORTIFIED_POSITIONS - FORCES_MOVED - {"fighters"}
                                               for o in _children(t, {"dobj"})):
        return "withdraw"  # "soldiers evacuated their positions in the town"
    return v.cls


def _intercept(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """Weapons seized or an attack fought off."""
    if v.lemma in ("thwart", "foil", "repel", "repulse") and \
            v.dobj & ASSAULTS:
        return "clash"  # "foiled an assault by rebel fighters": they fought it off
    if v.lemma == "recover" and not v.dobj & WEAPON_OBJECTS:
        return None
    if v.lemma == "intercept" and v.dobj & VEHICLES and not v.sub & WEAPON_OBJECTS:
        return None  # "gunmen stopped a bus and shot a passenger": the way into an attack
    if v.lemma == "confiscate" and not v.dobj & WEAPON_OBJECTS:
        return "loot"  # "confiscated the mall": property taken
    return v.cls


def _cooperate(t: Token, lex: Lexicon, v: _Verb) -> str | None:
    """Intelligence shared."""
    if v.lemma == "share" and not v.dobj & INTELLIGENCE:
        return None
    return v.cls


# each class's own frame; a class with none is an event wherever its verb stands
_CLASS_FRAMES: dict[str, Callable[[Token, Lexicon, _Verb], str | None]] = {
    "takeover": _takeover,
    "lose_control": _lose_control,
    "advance": _advance,
    "withdraw": _withdraw,
    "attack": _attack,
    "kill": _kill,
    "clash": _clash,
    "protest": _protest,
    "gather": _gather,
    "throw": _throw,
    "riot": _riot,
    "flee": _flee,
    "defect": _defect,
    "close": _close,
    "deploy": _deploy,
    "supply": _supply,
    "request": _request,
    "agree": _agree,
    "threaten": _threaten,
    "offer": _offer,
    "consult": _consult,
    "support": _support,
    "sanction": _sanction,
    "concede": _concede,
    "reject": _reject,
    "release": _release,
    "disperse": _disperse,
    "destroy": _destroy,
    "explosive": _explosive,
    "steal": _steal,
    "evacuate": _evacuate,
    "intercept": _intercept,
    "cooperate": _cooperate,
}


def _definite(t: Token) -> bool:
    """'the battles', 'these clashes', 'its offensive': a fight the reader already knows."""
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "these", "those", "this", "that", "its",
                                                          "their")
               for c in t.children)


def noun_class(t: Token, lex: Lexicon) -> str | None:
    """The trigger class of a noun that a verb makes an occurrence, or None."""
    # ("Fighting continued ...": a sentence's first gerund, tagged a verb, is the noun it names)
    if t.pos_ not in ("NOUN", "PROPN") and not (t.tag_ == "VBG" and t.dep_ in ("nsubj", "nsubjpass")):
        return None
    cls = lex.nouns.get(t.lower_) or lex.nouns.get(t.lemma_.lower())
    if cls is None and t.i >= 2 and t.nbor(-1).text == "-":
        # "shoot-out", "sit-in": hyphenated nouns the tokenizer splits
        cls = lex.nouns.get(f"{t.nbor(-2).lower_}-{t.lower_}")
    if cls is None and t.lower_ in ("chain", "chains") and "human" in {c.lower_ for c in t.lefts}:
        cls = "protest"  # "formed a human chain"
    if cls is None and t.lower_ in ("call", "calls") and {c.lower_ for c in t.lefts} & BY_PHONE:
        cls = "talks"  # "held a phone call", "in a video call with ...": a consultation
    if cls is None and t.lower_ in ("fight", "fights") and "fire" in {c.lower_ for c in t.lefts}:
        cls = "clash"  # "engaged in a fire fight"
    if cls is None and "/" in t.text:  # "projectiles/explosions/shots" counted together
        parts = [lex.nouns.get(p.lower()) for p in t.text.split("/")]
        cls = next((p for p in parts if p), None)
    if cls is None:
        return None
    if cls == "takeover" and not any(place_like(g) and not g._.sitrep_country for p in _children(t, {"prep"})
                                     if p.lower_ == "of" for g in _children(p, {"pobj"})):
        return None  # "the capture of Avdiivka"; not "the capture of two soldiers", "of Syria"
    if cls in ("shooting", "shelling", "deployment") and t.lower_ in ("fire", "firing", "shell", "shells",
                                                                       "missile", "missiles", "rocket", "rockets",
                                                                       "convoy", "patrol", "patrols", "bursts"):
        # bare weapon words are events only where fired, observed or reported, as checked below
        if t.lower_ in ("fire", "firing") and {c.lower_ for c in t.lefts} & ARTILLERY_KINDS:
            cls = "shelling"
    lefts = {c.lower_ for c in t.lefts}
    if t.lemma_.lower() in ("strike", "strikes"):
        if lefts & lex.strike_kinds:
            cls = "protest"  # "a hunger strike", "a general strike"
        elif lefts & STANDOFF_KINDS:
            cls = "air_attack" if lefts & AIR_KINDS else "shelling"
    elif t.lemma_.lower() == "raid" and lefts & AIR_KINDS:
        cls = "air_attack"
    if t.lower_ in ("fight", "fights") and not (lefts & FIGHT_MODIFIERS or any(
            c.dep_ == "prep" and c.lower_ in ("between", "with") or c.dep_ == "acl" and lemma_of(c) in BREAK_OUT
            for c in t.children) or lemma_of(t.head) in BREAK_OUT):
        return None  # "a shootout ensued between ...", not "the fight against corruption"
    if cls == "attack" and lefts & {"arson", "incendiary"}:
        cls = "destroy"  # "an arson attack on a warehouse"
    if cls == "cooperate" and t.lower_ != "cooperation" and not (lefts & {"joint", "combined", "bilateral"} or any(
            c.dep_ == "prep" and c.lower_ in ("with", "between", "alongside") for c in t.children)):
        return None  # a force training on its own; "joint drills with the Russian navy" cooperate
    head = t.head
    # "a total of 44 explosions", "dozens of airstrikes": the count's own verb licenses
    if t.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in COUNT_NOUNS:
        t_lic = head.head
    else:
        t_lic = t
    head = t_lic.head
    hl = lemma_of(head)
    # "The offensive began ...": a definite mention of a fight already told
    if any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) and t.dep_ == "nsubj" and \
            hl in ("begin", "start", "come", "mark", "follow") and \
            not any(c.dep_ in ("amod", "compound", "prep") for c in t.children):
        return None
    # "The battles ... have caused mass displacement", "the fighting has forced thousands to flee":
    # what fighting already told has brought about, summed up in the perfect or the present
    if t.dep_ == "nsubj" and hl in CONSEQUENCE_VERBS and _definite(t) and (
            head.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.lemma_.lower() == "have"
                                                for c in head.children)):
        return None
    dep = t_lic.dep_
    ok = (
        (dep in ("nsubj", "nsubjpass") and hl in lex.noun_subject_of)
        # "strikes by helicopter gunships were carried out on ...": the passive of an active licence
        or (dep == "nsubjpass" and hl in lex.noun_object_of)
        or (dep in ("dobj", "attr") and hl in lex.noun_object_of)
        or (dep == "pobj" and head.dep_ in ("prep", "agent") and head.lower_ in LICENSING_PREPS
            and (lemma_of(head.head) in lex.noun_object_of or head.lower_ in ("amid",)))
        or (dep == "ROOT")
        # "there was a clash between ...", "there were protests in ..."
        or (dep == "attr" and hl == "be" and any(c.dep_ == "expl" for c in head.children))
        # "staged a demonstration ...", "took out a procession", "formed a human chain", also
        # where the parser hangs the noun one step below the verb that holds it
        or (cls == "protest" and any(lemma_of(a) in PROTEST_HOSTS for a in list(t.ancestors)[:2]))
        or (cls in ("shelling", "shooting") and any(c.dep_ == "acl" and lemma_of(c) in ("fire", "launch", "land", "hit")
                                                     for c in t.children))
        or (t.dep_ == "conj" and noun_class(head, lex) is not None)
        or (t.dep_ == "compound" and head.lower_ in lex.nouns and noun_class(head, lex) is not None)
        # "Baghdad and Washington are in talks", "on a state visit to Ankara, he ...": a meeting
        # under way is a meeting held
        or (cls == "talks" and dep == "pobj" and head.lower_ in ("in", "on", "during")
            and (lemma_of(head.head) == "be" or head.head.pos_ in ("VERB", "AUX")))
        # "speaking on the second day of a state visit", "at the end of talks with ...": a time
        # within a meeting is a meeting held
        or (cls == "talks" and dep == "pobj" and head.lower_ == "of" and head.head.dep_ == "pobj"
            and head.head.head.lower_ in ("in", "on", "during", "at", "after")
            and head.head.head.head.pos_ in ("VERB", "AUX"))
    )
    if not ok:
        return None
    if cls == "protest" and hl in ("lodge", "file", "register", "submit") or \
            (cls == "protest" and hl == "summon"):
        return "accuse"  # "lodged a protest" with a government is a complaint
    if cls == "threaten" and hl not in ("issue", "give", "deliver", "set", "present", "send"):
        return None  # "issued an ultimatum" threatens; who "faced an ultimatum" was threatened
    if cls == "shooting":
        return "attack"
    if cls == "deal" and head.lower_ == "of" and lemma_of(head.head) in ENDED:
        return None  # "announced the end of the ceasefire": an agreement over, none made
    return cls
