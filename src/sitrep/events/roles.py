"""An event's arguments from the parse: its actors, its place and its date.

Each finder walks the dependency tree outward from the trigger: its own clause first,
then the clause that governs it, then the sentence, so that the nearest mention wins
and one sentence can hold several events with their own places and dates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..actors.generic import shared_community
from ..actors.resolve import FORCE, ArticleActors, Resolution, resolve_phrase
from ..actors.vocab import PERSONAL_PRONOUNS, STATE_FORCE_GENERIC
from ..events.dates import ResolvedDate, resolve_date
from ..events.detect import ACCUSING, heading_end
from ..events.frames import elided_passive
from ..events.lexicon import load_lexicon
from ..events.vocab import BLASTS, COUNT_NOUNS, MESSAGES, OWN_WORDS
from ..models import Actor
from ..nlp.views import sent_ents
from ..places.qualifiers import PROVINCE_WORDS, SETTLEMENT_WORDS

__all__ = ["subject_of", "actors_for", "date_for", "clause_distance", "CLAUSE_DEPS"]

CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "relcl", "acl", "pcomp", "parataxis"}
# verbs that a fighting noun is the subject of while its sides hang from the verb
ERUPT = {"erupt", "break", "take", "occur", "happen", "ensue", "flare", "rage", "continue", "resume", "intensify",
         "break out", "escalate", "begin", "start", "renew"}
# who shows, sees or counts an attack did not carry it out ("the OSCE observed 12 explosions")
WITNESS_VERBS = {"show", "see", "witness", "report", "record", "document", "condemn", "denounce", "survive",
                 "observe", "monitor", "detect", "hear", "count", "register", "note", "verify", "log", "spot"}
# "an IED planted by X", "a strike attributed to X": the verbs that name who did what a noun names
AUTHORED = {"attribute", "carry", "launch", "conduct", "blame", "fire", "plant", "place", "lay", "set", "detonate",
            "perpetrate", "commit", "stage", "mount", "claim", "throw", "hurl", "lob", "drop", "trigger"}
# "killed following an attack by X": the prepositions that tie a passive killing to its cause
CAUSE_PREPS = {"following", "after", "in", "during", "amid", "by", "from", "when"}
LEADS = {"spearhead", "lead", "head", "command", "led", "spearheaded"}


def _date_led(c: Token, t: Token) -> Token | None:
    """'On 8 May 2020, two armed men attacked ...' parsed with 'May' as the subject: the noun
    phrase between the date and the verb is."""
    heads = [x for x in c.doc[c.i + 1:t.i] if x.pos_ in ("NOUN", "PROPN") and x.ent_type_ not in
             ("DATE", "TIME", "CARDINAL") and x.head.i >= x.i]
    return heads[-1] if heads else None


HELPING = {"support", "help", "assist", "aid", "back", "join"}


def _fallen_to(t: Token) -> Token | None:
    """Who a place fell to: 'to the rebels', 'into the hands of the army', 'under the control of X'."""
    for p in t.children:
        if p.dep_ != "prep" or p.lower_ not in ("to", "into", "under"):
            continue
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            if o.lower_ in ("hands", "control"):
                held = [g for q in o.children if q.dep_ == "prep" and q.lower_ == "of"
                        for g in q.children if g.dep_ == "pobj"]
                owner = [c for c in o.children if c.dep_ == "poss"]
                found = held or owner
                return found[0] if found else None
            return o
    return None


def subject_of(t: Token) -> tuple[Token | None, bool]:
    """The agent of t (following conjunctions and participles up), and whether t is passive."""
    for c in t.children:
        if c.dep_ == "nsubj" and sum(x.dep_ == "nsubj" for x in t.children) > 1 and (
                c.i < heading_end(c.sent) or not c.text[:1].isalnum()):
            continue  # "Troop movements: On 3 June, Iranian forces sent ...": a heading; the
            # parser's stray "-" of "pro-government and allied forces"
        if c.dep_ == "nsubj":
            if c.ent_type_ in ("DATE", "TIME"):
                return _date_led(c, t), False
            if t.dep_ == "relcl" and c.tag_ in ("WP", "WDT") and t.head != t:
                return t.head, False  # "the French government, which has lobbied ...": the government
            return c, False
        if c.dep_ == "nsubjpass":
            # "kicked and then detained by the police": a conjoined passive's agent is both verbs'
            for v in (t, *[x for x in t.children if x.dep_ == "conj" and x.tag_ == "VBN"]):
                for a in v.children:
                    if a.dep_ == "agent":
                        for p in a.children:
                            if p.dep_ == "pobj":
                                return p, True
            return None, True
    if t.dep_ == "conj" and t.head != t:
        return subject_of(t.head)
    if t.dep_ == "xcomp":
        objs = [c for c in t.head.children if c.dep_ in ("dobj",)]
        if objs and t.head.lemma_.lower() in ("order", "instruct", "tell", "urge", "ask", "force", "call"):
            return objs[0], False
        raised = [c for c in t.head.children if c.dep_ == "nsubjpass"]
        if raised and not any(c.dep_ == "agent" for c in t.head.children):
            return raised[0], False  # "the ministers are expected to meet"
        return subject_of(t.head)
    if t.dep_ == "advcl" and t.head != t:
        return subject_of(t.head)
    if t.dep_ == "ROOT" and t.pos_ == "VERB" and t.i > 0:
        # "in Caruaru, Pernambuco, federal police officers raided a warehouse": the subject the
        # parser joined to the place list before the verb
        prev = t.doc[t.i - 1]
        if prev.text == "," and t.i > 1 and t.doc[t.i - 2].dep_ == "appos" and any(
                c.dep_ in ("advcl", "csubj") and c.i < prev.i for c in t.children):
            # "Speaking to reporters in Tripoli, the UN envoy, X, urged ...": the speaker the
            # parser hung on the participle clause's place
            prev = t.doc[t.i - 2]
        if prev.pos_ in ("NOUN", "PROPN") and prev.dep_ in ("conj", "appos") and prev.head.i < prev.i \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
            # "..., Rakhine State, the Myanmar army and the AA fought": the pair's first
            paired = prev.dep_ == "conj" and any(c.dep_ == "cc" and prev.head.i < c.i < prev.i
                                                for c in prev.head.children)
            return (prev.head if paired else prev), False
    if t.dep_ == "pcomp" and t.head.lower_ == "in" and t.head.head.lemma_.lower() in HELPING:
        # "its aircraft were supporting the Syrian army in repelling ...": the helped act
        helped = [c for c in t.head.head.children if c.dep_ == "dobj"]
        if helped:
            return helped[0], False
    if t.dep_ == "pcomp" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in ACCUSING:
        # "police are accused of assaulting a driver", "the ministry accused Moscow of shelling
        # a hospital": the accused did it
        accused = [c for c in t.head.head.children if c.dep_ in ("nsubjpass", "dobj")]
        if accused:
            return accused[0], False
    if t.dep_ == "pcomp" and t.head.head != t:
        return subject_of(t.head.head)
    if t.dep_ == "acl" and t.tag_ == "VBG" and t.head.lemma_.lower() in MESSAGES:
        # "issued a statement expressing dismay", "in a video calling on ...": the issuer's words
        x = t.head.head.head if t.head.dep_ == "pobj" else t.head.head
        if t.head.dep_ in ("dobj", "pobj") and x.pos_ in ("VERB", "AUX"):
            return subject_of(x)
    if t.dep_ == "acl" and (t.tag_ == "VBG" or (t.head.dep_ in ("ROOT", "attr") and t.head.pos_ in ("NOUN", "PROPN"))
                            and not any(c.dep_ == "agent" for c in t.children)):
        # "airstrikes targeting Talbiseh"; a mis-parsed "interns protested"; "IS militants
        # killed a soldier" read as "[there] IS militants killed ..."
        return t.head, False  # "airstrikes targeting Talbiseh"; a mis-parsed "interns protested"
    if t.dep_ == "relcl":
        return t.head, False
    return None, False


def clause_distance(place: Token, trigger: Token) -> int | None:
    """How many clause boundaries lie between trigger and a token in its subtree; None if outside."""
    n = 0
    for anc in [place, *place.ancestors]:
        if anc == trigger:
            return n
        if anc.dep_ in CLAUSE_DEPS:
            n += 1
    return None


def _leader_of(head: Token, ctx: ArticleActors, violent: bool) -> Resolution | None:
    """'Militants spearheaded by HTS': the group that leads a descriptive phrase."""
    for c in head.children:
        if c.dep_ == "acl" and c.lemma_.lower() in LEADS:
            for a in c.children:
                if a.dep_ == "agent":
                    for p in a.children:
                        if p.dep_ == "pobj":
                            return resolve_phrase(p, ctx, violent)
    return None


FRONTIERS = {"border", "frontier", "boundary"}
PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "him", "she", "her", "we", "our", "us"}
# "I" and "my" stand for whoever speaks: in a quotation its speaker, outside one the writer, who is
# no actor of the story
SPEAKER_PRONOUNS = {"i", "me", "my"}


def _pronoun(t: Token) -> bool:
    """A pronoun, not the country written in capitals ("the US, Britain and France")."""
    return (t.lower_ in PRONOUNS and (t.pos_ == "PRON" or not t.text.isupper())) or (
        t.lower_ in SPEAKER_PRONOUNS and t.pos_ == "PRON")


def _antecedent(pron: Token, ctx: ArticleActors, violent: bool) -> Resolution | None:
    """Who a pronoun stands for: the speaker whose words hold it ("Israel said its forces",
    "Lebanese officials said they"); a person for "he" and "she" (`actors/people.py`); else
    the nearest actor named before it in its sentence, else the sentence before's subject."""
    for anc in pron.ancestors:
        if anc.pos_ == "VERB" and anc.lemma_.lower() in OWN_WORDS:
            for c in anc.children:
                if c.dep_ == "nsubj" and not _pronoun(c):
                    r = _leader_of(c, ctx, violent) or resolve_phrase(c, ctx, violent)
                    if r:
                        return r
    if pron.lower_ in SPEAKER_PRONOUNS:
        return None  # a speaker sitrep cannot name, or the writer: never the nearest actor
    if pron.lower_ in PERSONAL_PRONOUNS and ctx.people is not None:
        found, person = ctx.people.pronoun(pron)  # "he said": the person named last, not any noun
        if found:
            return person
    doc = pron.doc
    here = list(reversed(doc[pron.sent.start:pron.i]))
    before = doc[pron.sent.start - 1].sent if pron.sent.start > 0 else doc[0:0]
    # in the sentence before, its subjects first, the main clause's before a subordinate one's
    # ("The army said it had retaken the town from the RSF. It accused ...": the army)
    subjects = sorted((t for t in before if t.dep_ in ("nsubj", "nsubjpass")),
                      key=lambda t: (sum(1 for a in t.ancestors if a.pos_ in ("VERB", "AUX")), -t.i))
    for t in [*here, *subjects, *reversed(before)]:
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "pobj", "appos") \
                and not t._.sitrep_place:
            r = resolve_phrase(t, ctx, violent, premodifiers_only=True)
            if r and r.how != "pronoun":
                return r
    return None


def resolve(head: Token | None, ctx: ArticleActors, violent: bool,
            antecedent: Actor | None) -> Resolution | None:
    """The actor a phrase names; a coordination ("the US, Britain and France") is its first actor
    with the others as associates."""
    if head is None:
        return None
    first = _resolve_one(head, ctx, violent, antecedent)
    others = [r for c in _coordinated(head) for r in [_resolve_one(c, ctx, violent, None)] if r is not None]
    if first is None and others:
        first, others = others[0], others[1:]
    if first is None or not others:
        return first
    assoc = list(first.assoc)
    for r in others:
        if r.actor.name != first.actor.name and r.actor.name not in {a.name for a in assoc}:
            assoc.append(r.actor)
    return Resolution(first.actor, tuple(assoc), first.how)


def _coordinated(head: Token) -> list[Token]:
    """The other heads of a coordination: conjuncts, and the further subjects of a list the
    parser hung from the verb one by one ("The army, the police and militias clashed")."""
    heads = [c for c in head.conjuncts if c.i > head.i]
    if head.dep_ == "nsubj":
        for c in head.head.children:
            if c.dep_ == "nsubj" and c.i > head.i and any(x.lower_ == "," for x in head.doc[head.i:c.i]):
                heads += [c, *[x for x in c.conjuncts if x.i > c.i]]
    return [c for c in heads if c.pos_ in ("PROPN", "NOUN")]


def _own_troops(head: Token, ctx: ArticleActors) -> Resolution | None:
    """'The army said troops had killed two gunmen': bare troops in the words of a state's
    forces are its own (not the scene's, which may be the other side's country)."""
    if head.lower_ not in STATE_FORCE_GENERIC or any(c.dep_ not in ("det", "punct") for c in head.children):
        return None
    for anc in head.ancestors:
        if anc.pos_ == "VERB" and anc.lemma_.lower() in OWN_WORDS:
            for c in anc.children:
                if c.dep_ == "nsubj" and not _pronoun(c):
                    r = resolve_phrase(c, ctx)
                    if r is not None and r.actor.id and r.actor.id.endswith("-military"):
                        return r
                    if r is not None and r.actor.id and r.actor.id.endswith("-government"):
                        # "the Russian defence ministry said troops had ...": its state's troops
                        return Resolution(ctx.actor(r.actor.id.replace("-government", "-military"), True),
                                          r.assoc, "own")
            return None
    return None


def _resolve_one(head: Token, ctx: ArticleActors, violent: bool,
                 antecedent: Actor | None) -> Resolution | None:
    if _pronoun(head):
        return _antecedent(head, ctx, violent)
    own = _own_troops(head, ctx)
    if own is not None:
        return own
    poss = [c for c in head.children if c.dep_ == "poss" and _pronoun(c)]
    if poss and head.lower_ in FORCE | {"fighters", "men", "militia", "militias", "government", "officials"}:
        # "its forces": the forces of whoever "its" is
        owner = _antecedent(poss[0], ctx, violent)
        if owner is None and poss[0].lower_ in SPEAKER_PRONOUNS:
            return None  # "my men" are the speaker's, whoever the speaker is
        if owner:
            a = owner.actor
            if a.id and a.id.endswith("-government") and head.lower_ not in ("government", "officials"):
                return Resolution(ctx.actor(a.id.replace("-government", "-military")), owner.assoc, "poss")
            return owner
    return _leader_of(head, ctx, violent) or resolve_phrase(head, ctx, violent, antecedent)


@dataclass
class Roles:
    actor1: Resolution | None
    actor2: Resolution | None
    extra_assoc: list[Actor]


def _pobj(t: Token, preps: set[str]) -> list[Token]:
    out = []
    for c in t.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            out += [p for p in c.children if p.dep_ == "pobj"]
    return out


def _noun_agent(n: Token, ctx: ArticleActors, ante: Actor | None, violent: bool) -> Resolution | None:
    """Who carried out what a noun names ("Russian airstrikes", "strikes by X", "X launched strikes")."""
    r = resolve_phrase(n, ctx, violent, None, premodifiers_only=True)
    if (r is None or r.how not in ("named", "demonym", "country", "capital", "focus")) and n.dep_ == "pobj" \
            and n.head.lower_ == "of" and n.head.head.lower_ in COUNT_NOUNS:
        return _noun_agent(n.head.head, ctx, ante, violent)  # "warplanes carried out waves of airstrikes"
    lemma = n.lemma_.lower()
    # "a UK state visit", "his Moscow visit": the country visited, not the visitor
    host = lemma == "visit" and any(c.dep_ == "compound" and c.ent_type_ == "GPE" for c in n.children)
    if r and r.how in ("named", "demonym", "country", "capital", "focus") and not host:
        return r
    # "an army operation", "a police shootout", "a police raid": the state's forces named by a
    # noun (an army's "raid" or "strike" may come from the air: left to the sentence)
    for c in n.children if lemma != "strike" and not host else ():
        if c.dep_ == "compound" and c.i < n.i:
            r = resolve_phrase(c, ctx, violent)
            if r and r.actor.kind == "State forces" and (lemma != "raid" or _police(r.actor)):
                return r
    for p in _pobj(n, {"by", "from"}):
        r = resolve(p, ctx, violent, ante)
        if r:
            return r
    for c in n.children:  # "a strike attributed to forces from Moscow"
        if c.dep_ == "acl" and c.lemma_.lower() in AUTHORED:
            for p in _pobj(c, {"to", "by", "on"}):
                r = resolve(p, ctx, violent, ante)
                if r:
                    return r
    h = n.head
    if n.dep_ == "pobj" and h.head.lower_ in ("responsible", "responsibility"):
        h = h.head.head if h.head.lower_ == "responsible" else h.head
    elif n.dep_ == "pobj" and h.dep_ == "prep" and h.head.lemma_.lower() == "be":
        h = h.head  # "Baghdad and Washington are in talks": who is in them
    if n.dep_ in ("dobj", "pobj") or h != n.head:
        subj, _ = subject_of(h)
        if subj is not None and h.lemma_.lower() not in WITNESS_VERBS:
            return resolve(subj, ctx, violent, ante)
    return None


def _police(a: Actor) -> bool:
    return bool(a.id and a.id.endswith("-police"))


# "forces repelled an attack by X": the defender is the verb's subject, the initiator
# (ACLED's actor1) the attack's author
REPEL = {"repel", "repulse", "foil", "thwart", "fend", "rebuff", "resist", "beat"}
ATTACKS = {"attack", "assault", "offensive", "raid", "ambush", "advance", "incursion", "infiltration", "attempt"}


def _repelled(t: Token, ctx: ArticleActors, defender: Resolution, violent: bool) -> Resolution | None:
    """Who launched the attack that t repelled: "an attack by Taliban militants", "a Taliban
    attack", "their attack" (the nearest other armed actor before it in the sentence)."""
    if t.lemma_.lower() not in REPEL:
        return None
    for o in t.children:
        if o.dep_ != "dobj" or o.lemma_.lower() not in ATTACKS:
            continue
        r = _noun_agent(o, ctx, None, violent)
        if r is not None and r.actor.id != defender.actor.id:
            return r
        if any(c.dep_ == "poss" and c.lower_ in ("their", "its") for c in o.children):
            for n in reversed(t.sent[:o.i - t.sent.start]):
                if n.pos_ in ("NOUN", "PROPN") and n.dep_ not in ("compound", "amod") and not n._.sitrep_place:
                    r = resolve_phrase(n, ctx, violent)
                    if r and r.actor.kind in ARMED and r.actor.id != defender.actor.id:
                        return r
    return None


ARMED = {"State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces"}
PATIENT_DEPS = {"nsubjpass", "dobj"}
PATIENT_PREPS = {"on", "against", "at", "targeting", "of", "to", "from"}


NP_INTERNAL = {"appos", "compound", "amod", "nmod", "npadvmod", "dep", "conj"}
# who reports or says something did not do it
TELLING = WITNESS_VERBS | {"say", "claim", "announce", "state", "confirm", "add", "tell", "quote", "cite"}
# verbs whose patients (and the people named with them) were harmed, not who harmed
HARM = {"kill", "wound", "injure", "attack", "target", "hit", "shoot", "capture", "abduct", "kidnap", "ambush"}
SETTLEMENTS = SETTLEMENT_WORDS | PROVINCE_WORDS | {"area", "county"}


def _patient(n: Token, t: Token) -> bool:
    """Whether n is in what was hit: the patient of a verb or the object of "on", "at" ... (or
    inside one: "thrown at a government (assumed military) checkpoint")."""
    for x in (n, *n.ancestors):
        if x == t:
            return False
        if x.ent_type_ in ("DATE", "TIME"):
            return False  # "On 14 June 2023, BSF, CRPF and police ...": the parser hung the forces on the date
        if x is not n and (x._.sitrep_place or x.lower_ in SETTLEMENTS):
            return False  # "... Township, soldiers of an army battalion burned": no patient of a place
        if x.dep_ in PATIENT_DEPS and (x is n or x.head == t or x.head.lemma_.lower() in HARM) or \
                (x.dep_ == "pobj" and x.head.lower_ in PATIENT_PREPS):
            return True
        if x.dep_ not in NP_INTERNAL:
            return False
    return False


# verbs of finding a victim (not "recovered weapons": a seizure is the finder's own act)
FINDING = {"find", "discover", "spot", "notice"}


def _finder(n: Token) -> bool:
    """'a body was found by police officers', 'residents discovered the body': who found the
    victim did not kill him."""
    verb = n.head.head if n.dep_ == "pobj" and n.head.dep_ == "agent" else n.head if n.dep_ == "nsubj" else None
    return verb is not None and verb.lemma_.lower() in FINDING


CUSTODY = {"prison", "prisons", "jail", "jails", "custody", "detention", "cell", "cells", "dungeon", "dungeons"}


def _custodian(t: Token, ctx: ArticleActors) -> Resolution | None:
    """'died under torture in a regime prison', 'died in police custody', 'a detainee died in
    a rebel-controlled jail': who holds the place of custody is who killed."""
    if not {x.lower_ for x in t.sent} & {"torture", "tortured", "died", "dies", "death", "killed", "ill"}:
        return None
    for n in t.sent:
        if n.lower_ not in CUSTODY or n.pos_ != "NOUN":
            continue
        for m in n.children:
            if m.dep_ in ("compound", "poss", "amod", "nmod") and m.i < n.i:
                owner = m
                if m.lower_ in ("controlled", "run", "held") and m.i >= 2 and m.doc[m.i - 1].text == "-":
                    owner = m.doc[m.i - 2]  # "a rebel-controlled jail"
                r = resolve_phrase(owner, ctx, True)
                if r is not None and r.actor.kind in ARMED:
                    return r
    return None


def _participant(t: Token, ctx: ArticleActors, a2: Resolution | None) -> Resolution | None:
    """Violence whose agent the parse misses ("a gunman died in a shootout with military
    police", "a suspect died in a police raid", "the Myanmar army and the AA fought"): the
    first armed actor the sentence names outside the victims' places
    (the patient of a verb, the object of "on", "against"), named or state forces first."""
    found: list[Resolution] = []
    for n in t.sent:
        if n.pos_ not in ("NOUN", "PROPN") or n.dep_ in ("compound", "amod", "poss") or n._.sitrep_place:
            continue
        if _patient(n, t) or _finder(n) or (n.dep_ == "nsubj" and n.head.lemma_.lower() in TELLING):
            continue  # "Iranian state media reported that an adviser had been killed": the teller
        r = resolve_phrase(n, ctx, True)
        if r is None or r.actor.kind not in ARMED or (a2 and r.actor.id == a2.actor.id):
            continue
        if r.how in ("country", "capital") and n.pos_ == "PROPN" and n.dep_ != "nsubj" and not (
                n.i + 1 < len(n.doc) and n.doc[n.i + 1].text in ("-", "–")):  # "Saudi-led" leads
            continue  # "near Ecatzingo, Mexico", "the Mexico-Puebla road": a country named as a place
        found.append(r)
    best = [r for r in found if r.how in ("named", "unit", "demonym", "country", "capital", "focus")]
    return next(iter(best or found), None)


def actors_for(t: Token, cls: str, noun: bool, ctx: ArticleActors, violent: bool,
               ante: Actor | None, merged: Sequence[Token] = ()) -> Roles:
    """actor1 and actor2 of the event triggered at t (and the triggers merged into it)."""
    if noun:
        between = _pobj(t, {"between"})
        if not between and t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in ERUPT:
            between = _pobj(t.head, {"between"})  # "clashes erupted between X and Y"
        for c in t.children if not between else ():
            if c.dep_ == "acl" and c.lemma_.lower() in ERUPT:
                between = _pobj(c, {"between"})  # "an armed fight ensued between X and Y"
        if between:  # "clashes between X and Y": the two sides
            named = [between[0], *between[0].conjuncts]
            shared = [shared_community(x, named[-1], ctx, ctx.country(t.doc)) for x in named[:-1]]
            sides = [Resolution(a, (), "identity") if a is not None else resolve(x, ctx, violent, ante)
                     for x, a in zip(named, [*shared, None], strict=True)]
            sides = [r for r in sides if r is not None]
            if sides:
                return Roles(sides[0], sides[1] if len(sides) > 1 else None, [])
        a1 = _noun_agent(t, ctx, ante, violent)
        for m in merged:  # "ADF fighters killed two men in a new attack": the verb's subject
            # (who "died in an explosion" is its victim)
            if a1 is None and m.pos_ == "VERB" and m.lemma_.lower() not in FINDING | {"die", "perish", "succumb"}:
                subj, _ = subject_of(m)
                a1 = resolve(subj, ctx, violent, ante)
            elif a1 is None:  # "launched an offensive ... in the most serious fighting"
                a1 = _noun_agent(m, ctx, ante, violent)
        held_in = t
        while held_in.dep_ == "pobj" and held_in.head.dep_ == "prep" and held_in.head.head.pos_ in ("NOUN", "PROPN"):
            held_in = held_in.head.head  # "on the second day of a visit": the day's own phrase
        if a1 is None and not violent and held_in.dep_ == "pobj" and held_in.head.dep_ == "prep" \
                and held_in.head.head.pos_ in ("VERB", "AUX"):
            # "On a visit to Damascus, he embraced ...", "In talks with May, Erdoğan said ...":
            # who made the visit or held the talks is the clause's subject
            subj, passive = subject_of(held_in.head.head)
            a1 = resolve(subj, ctx, violent, ante) if not passive else None
        a2 = None
        against = _pobj(t, {"against", "on", "with", "between"})
        if cls == "accuse":  # "the allegation that Rwanda arms them": whom it is made against
            against += [s for c in t.children if c.dep_ == "acl" and any(m.lower_ == "that" for m in c.children)
                        for s in c.children if s.dep_ == "nsubj"]
        for p in against:
            r = resolve(p, ctx, violent, ante)
            if r and not (a1 and r.actor.id == a1.actor.id):
                a2 = r
                break
        if a1 is None and cls == "clash":  # "a shoot-out with military police": a side is an author
            a1 = _participant(t, ctx, a2)
        if a1 is None and violent:
            a1 = _custodian(t, ctx)  # "died under torture in a regime prison"
        return Roles(a1, a2, [])
    subj, passive = subject_of(t)
    if cls == "takeover" and t.lemma_.lower() in ("fall", "come"):
        # "the town fell to the rebels", "fell into the hands of the army": the place is the
        # subject; who took it is the one it fell to
        subj, passive = _fallen_to(t), False
    elif cls == "takeover" and elided_passive(t):
        subj, passive = None, True  # "... and the army driven out": the army is who lost it
    if t.lemma_.lower() in FINDING:
        subj = None  # "a body was found by police officers": who found it did not kill
    if passive and subj is None and cls == "flee":
        # "thousands of people had been displaced": the displaced are the actor
        subj = next((c for c in t.children if c.dep_ == "nsubjpass"), None)
    a1 = resolve(subj, ctx, violent, ante)
    if a1 is None and subj is not None and violent and not passive and subj.lemma_.lower() in BLASTS:
        a1 = _noun_agent(subj, ctx, ante, violent)  # "an IED planted by an unknown group exploded"
    if a1 is None and passive and violent and t.lemma_.lower() not in FINDING:
        # "3 guards were killed in an ambush by Taliban fighters": the attack's author
        for n in [n for v in (t, *[c for c in t.children if c.dep_ == "conj"]) for n in _pobj(v, CAUSE_PREPS)]:
            a1 = _noun_agent(n, ctx, ante, violent) if n.pos_ == "NOUN" else None
            if a1 is not None:
                break
    a2 = None
    objs = [c for c in t.children if c.dep_ in ("dobj", "dative")] if not passive else \
        [c for c in t.children if c.dep_ == ("nsubj" if elided_passive(t) else "nsubjpass")]
    objs += _pobj(t, {"with", "against", "to", "on", "for", "from"})
    if cls == "takeover" and t.lemma_.lower() == "clear":
        objs += _pobj(t, {"of"})  # "cleared the town of militants": the side put out
    if load_lexicon().verbs.get(t.lemma_.lower()) == "offer":
        # "expressed dismay at the court", "offered support to the army": the feeling voiced is
        # no actor; whom it is about or for is
        objs = [x for o in objs if o.dep_ == "dobj" for x in _pobj(o, {"at", "over", "to", "for", "with", "about"})] + \
            [o for o in objs if o.dep_ != "dobj"]
    if cls == "accuse":
        # "hit out at the EU", "took aim at Washington": whom the blame is aimed at
        objs += _pobj(t, {"at"}) + [o for c in t.children if c.dep_ in ("prt", "dobj") for o in _pobj(c, {"at"})]
    if cls == "consult":
        # "received a phone call from the Iranian president": the caller
        objs += [x for o in objs if o.dep_ == "dobj" for x in _pobj(o, {"from", "with"})]
    if cls not in ("agree", "request", "support", "consult", "accuse", "reject", "threaten", "supply",
                   "sanction", "offer"):
        # "evacuate ... from Syria", "took control of Hama": places, not the other side; nor is
        # the neighbour of "on the border with Uganda"
        objs = [o for o in objs if not o._.sitrep_place and o.lemma_.lower() not in FRONTIERS]
    if cls in ("agree", "request", "support") and not objs and t.dep_ in ("advcl", "conj", "xcomp"):
        objs = _pobj(t.head, {"to", "with"}) + [c for c in t.head.children if c.dep_ == "dative"]
    if cls in ("evacuate", "withdraw", "deploy", "flee"):
        objs = []  # what is moved is one's own: no second actor
    if cls == "request":
        # "called for the people of Homs to rise up": who is asked is the requested clause's subject
        objs += [s for c in t.children if c.dep_ in ("advcl", "xcomp", "ccomp")
                 for s in c.children if s.dep_ == "nsubj"]
    for o in objs:
        r = resolve(o, ctx, violent, ante)
        if r and a1 and a1.how == "lead" and r.actor.id == a1.actor.id:
            # "rebels clashed with Kurdish fighters" in a story led by the Kurdish force: the bare
            # noun is not the side it fought, but the country's insurgents (or no one named)
            a2 = r
            default = ctx.kb.insurgents(ctx.country(t.doc), ctx.published)
            a1 = Resolution(ctx.actor(default, violent), (), "insurgents") if default and default != r.actor.id else None
            break
        if r and not (a1 and (r.actor.id == a1.actor.id or
                               (r.actor.kind == a1.actor.kind == "State forces" and r.actor.country == a1.actor.country))):
            a2 = r
            break
    attacker = _repelled(t, ctx, a1, violent) if a1 is not None and violent else None
    if attacker is not None:
        return Roles(attacker, a1, [])
    if a1 is None and cls == "clash" and a2 is not None:
        a1, a2 = a2, None  # "exchanged fire with the police": the one side named is actor1
    if a1 is None and violent and not (cls == "takeover" and t.lemma_.lower() in ("fall", "come")):
        # (a place that "fell" with no one it fell to names no taker: its last holder,
        # the one side the story names, lost it)
        a1 = _custodian(t, ctx) or _participant(t, ctx, a2)
    if cls == "lose_control":
        # "the government lost control of Deraa": the loser is actor2, the winner actor1
        loser = a1
        winner = a2  # "lost the town to the rebels"
        if winner is not None:
            pass
        elif loser and loser.actor.kind == "State forces" and ctx.lead_armed:
            winner = Resolution(ctx.actor(ctx.lead_armed), (), "lead")
        elif loser and loser.actor.kind != "State forces" and ctx.focus:
            winner = Resolution(ctx.actor(f"{ctx.focus}-military"), (), "focus")
        return Roles(winner, loser, [])
    return Roles(a1, a2, [])


def _resolved(ent: Span, published: str) -> ResolvedDate | None:
    text = ent.text
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if re.match(r"(?i)(the\s+)?(past|last|previous)\s+(few\s+|several\s+|\w+\s+)?(days|weeks|months|years)\b", text) \
            or before is not None and before.lower_ in ("since", "for", "over") and re.search(
                r"(?i)\b(days|weeks|months|years)\b", text):
        return None  # "since the past five months", "for two weeks": how long, not when
    if before is not None and before.like_num and before.text.isdigit() and 1 <= int(before.text) <= 31:
        text = f"{before.text} {text}"  # "Around 7 May 2020": the NER kept only "May 2020"
    return resolve_date(text, published)


def date_for(t: Token, sent: Span, published: str | None) -> ResolvedDate | None:
    """The date expression that governs t: on its own clause or an ancestor's, else the sentence's.

    Expressions that name no date ("for more than 2 hours", "late-night") are passed over.
    """
    if not published:
        return None
    dates = [(e, d) for e in sent_ents(sent) if e.label_ in ("DATE", "TIME")
             for d in [_resolved(e, published)] if d is not None]
    if not dates:
        return None
    chain = [t, *t.ancestors]
    best = None
    for e, d in dates:
        r = e.root
        head = r.head
        while head.dep_ in ("prep", "pobj", "npadvmod", "amod", "compound") and head.head != head:
            if head in chain:
                break
            head = head.head
        if head in chain or r in chain or any(x in chain for x in (r.head, r.head.head)):
            rank = chain.index(head) if head in chain else 0
            if best is None or rank < best[0]:
                best = (rank, d)
    if best is None:
        # a date in the main line of the sentence (not inside a relative clause or apposition)
        # ("..., capital of El Gezira, yesterday.": a day the parser hung on the last noun is
        # the sentence's, not the noun's; a noun has no "yesterday")
        free = [(e, d) for e, d in dates if not any(
            a.dep_ in ("relcl", "acl") or a.dep_ == "appos" and e.root.dep_ != "npadvmod" for a in e.root.ancestors)]
        if not free:
            return None
        best = (0, min(free, key=lambda x: abs(x[0].root.i - t.i))[1])
    return best[1]
