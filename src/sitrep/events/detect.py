"""Finding event triggers in a parsed sentence, and deciding which are real events.

A trigger is a verb or noun of the lexicon in a syntactic frame that makes it an
occurrence.  These filters keep what news *mentions* apart from what *happened*:
- content: what someone was asked, prevented or meant to do ("called on people to rise
  up", "to prevent the insurgents from seizing Homs", "Fighting to take Homs");
- habit and background: present-tense relative clauses ("a militia that fights with
  the SDF"), "previously", "repeatedly", examples under "including"; a place that "has seen
  fighting"; a clause framed by months or years ("over the past few months", "for decades",
  "every day") or by an era ("in the early days of the war"); many happenings summed up
  ("has carried out dozens of attacks");
- aims and talk: what is aimed at, wished, tried for, opposed, implied or proposed ("the
  ambition of seizing", "wants to withdraw", "tried to take control", "would mean
  destroying", "the West should bomb");
- merging: one happening told with two words ("a strike ... destroyed a bridge";
  "took control after government forces withdrew"; "issued a message ..., pledging ...
  and urging ...") is one event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..nlp.views import sent_ents
from .dates import WEEKDAYS, is_period, is_recurring
from .frames import MATERIAL_PRIORITY, VERBAL, lemma_of, noun_class, place_like, verb_class
from .lexicon import Lexicon
from .modality import refused
from .vocab import (
    BACKGROUND_ADVERBS,
    BLAME_WORDS,
    CAMPAIGNS,
    COMMENTING,
    DECLARING,
    ERAS,
    EXPERIENCING,
    FIRST_PERSON,
    HABITUAL,
    IMPLYING,
    INTENT_NOUNS,
    MANY,
    OBLIGING,
    PEOPLE_WHO_SEE,
    SELF_PRONOUNS,
    SEQUENCE_WORDS,
    STANCES,
    TRYING,
    WISHING,
    WORLDWIDE,
)

__all__ = ["ACCUSING", "SYMBOLS", "heading_end", "Trigger", "find_triggers", "VERBAL", "place_like",
           "past_perfect"]

# "began to evacuate": the complement happened; "forced 500 villagers to flee": they fled
REALIZE = {"begin", "start", "continue", "manage", "move", "proceed", "go", "resume", "attempt", "try",
           "force", "compel", "cause", "oblige",
           # "claimed to have downed a drone": a report of the deed (modality says who claims it)
           "claim", "allege", "report", "say", "appear", "seem"}
# "are expected to meet": the complement is an expectation, a plan or a possibility
# (threats, pledges, refusals and wishes are events of their own: what they promise is
# their content, not a second event)
MODAL = {"expect", "plan", "set", "intend", "prepare", "need", "likely", "able", "schedule", "due",
         "decide", "poise"}
REQUESTING = {"call", "urge", "ask", "demand", "appeal", "tell", "order", "instruct", "request", "advise"}
WEAPON_HEADS = {"shells", "shell", "rockets", "rocket", "missiles", "missile", "mortars", "mortar",
                "projectiles", "drones", "drone", "bombs", "bomb", "grenades", "grenade", "bullets"}
# (sexual violence is coded as an event of its own even inside an attack)
VIOLENT_CLASSES = {"air_attack", "shelling", "explosive", "shooting", "attack", "kill", "destroy", "clash"}
INTENT = {"want", "hope", "threaten", "vow", "plan", "intend", "promise", "pledge", "seek", "aim",
          "refuse", "decide", "prepare", "try", "attempt"}
TURNOUT = {"go", "take", "come", "gather", "assemble", "march", "turn", "rally", "converge", "flock",
           "meet", "stage", "head", "walk", "drive", "ride"}


@dataclass
class Trigger:
    token: Token
    cls: str
    noun: bool = False
    merged: list[Token] = field(default_factory=list)
    nonviolent: bool = False  # takeover after a deal or a withdrawal
    xcomp_of: Token | None = None  # "expected to meet": the governing verb


def _told_that(clause: Token) -> bool:
    """"told AFP that fighters attacked the city": a report of what happened, not an order."""
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() == "tell"


def _is_content(t: Token, lex: Lexicon) -> bool:
    """True when the trigger is what someone asked, prevented or intended, not a fact."""
    if t.tag_ == "VBG" and t.dep_ in ("csubj", "csubjpass", "nsubj") and any(c.dep_ == "dobj" for c in t.children):
        return True  # "Bombing the airbases would end the war": an act talked about, not done
    for anc in [t, *t.ancestors]:
        if _must(anc) and not anc.dep_ == "relcl":
            return True  # "the West should bomb the airbases": a proposal, not a deed
        if anc != t and anc.lemma_.lower() in ("prevent", "stop", "deter", "keep") and \
                any(c.dep_ == "prep" and c.lower_ == "from" for c in anc.children):
            return True
        if anc.dep_ in ("xcomp", "ccomp") and lemma_of(anc.head) in REQUESTING and not _told_that(anc):
            return anc != t or t.head.lemma_.lower() not in ("tell", "order", "instruct")
        if anc.dep_ == "acl" and anc.head.pos_ == "NOUN" and lemma_of(anc.head) in REQUESTING:
            return True  # "Trump's demand that Germany repatriate its fighters": what was demanded
        if anc.dep_ == "ccomp" and _must(anc):
            return True  # "said the army must withdraw": a demand, not a withdrawal
        # "called for the release of students the police had detained"
        if anc != t and anc.dep_ in ("dobj", "pobj") and lemma_of(anc.head) in REQUESTING | {"for"}:
            return True
        if anc.dep_ in ("pcomp", "pobj") and anc.head.lower_ == "including":
            return True
        if anc.dep_ in ("pcomp", "pobj", "acl") and _aim_or_stance(anc):
            return True  # "its ambition of seizing the region", "opposed to sending troops"
        if anc.dep_ in ("xcomp", "ccomp", "dobj") and lemma_of(anc.head) in IMPLYING:
            return True  # "would mean destroying its planes", "risks being shot down"
        if anc.dep_ == "xcomp" and lemma_of(anc.head) in WISHING:
            return True  # "wants to withdraw its troops", "seeks to retake the city"
        if anc.dep_ in ("pcomp", "pobj") and anc.head.lower_ == "of" and lemma_of(anc.head.head) in ACCUSING \
                and anc.head.head.dep_ in ("acl", "relcl"):
            # "three students accused of throwing a petrol bomb": who they are, not news
            # ("police are accused of assaulting a driver" is)
            return True
        if _standing_charge(anc) and not any(x.ent_type_ in ("DATE", "TIME") for x in t.subtree):
            return True  # "rights groups accuse the army of razing villages": a standing charge
        if anc != t and anc.dep_ == "pobj" and anc.head.lower_ in ("against", "over") and (
                lemma_of(anc.head.head) in PROTEST_NOUNS or  # "held a protest ... against": its host
                any(c.dep_ == "dobj" and lemma_of(c) in PROTEST_NOUNS for c in anc.head.head.children)):
            return True  # "a protest against the trial of youths who clashed ...": the grievance
        if anc.dep_ in ("ccomp", "ROOT"):
            break
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
    if has_to:
        if t.dep_ in ("advcl", "acl", "relcl"):
            return True
        if t.dep_ == "xcomp":
            gov = t.head.lemma_.lower()
            return gov not in REALIZE | MODAL
        if t.dep_ == "conj":
            return _is_content(t.head, lex)
    if t.dep_ == "conj" and t.head.dep_ in ("xcomp", "advcl", "acl", "relcl") and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in t.head.children):
        return _is_content(t.head, lex)
    if t.pos_ == "NOUN" and t.dep_ in ("dobj", "nsubjpass") and t.head.pos_ == "VERB" and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in t.head.children):
        # "the town was used to launch rockets", "gathered to launch an attack": the purpose
        # the launching verb serves, as for a verb trigger
        return _is_content(t.head, lex)
    counted = any(c.dep_ == "nummod" for c in t.head.children) or t.head.dep_ == "attr"
    # "workers protested by riding buses": an active verb the parser hung off its subject
    by_doing = any(c.dep_ == "agent" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
                   for c in t.children)
    if t.dep_ == "acl" and t.tag_ == "VBN" and not predicate_acl(t) and not by_doing and \
            t.head.lower_ not in WEAPON_HEADS and not counted:  # "shells fired by", "10 soldiers killed" happened
        return True  # "a site used to ...", "the crossing closed last year" describe a noun
    return False


# what a crowd burns or tears down as a sign: "burnt an effigy of the minister"
SYMBOLS = {"effigy", "flag", "poster", "portrait", "banner", "copy", "picture", "photo"}
ACCUSING = {"accuse", "suspect", "charge", "convict"}
PROTEST_NOUNS = {"protest", "demonstrate", "demonstration", "rally", "march", "sit-in", "strike", "gathering",
                 "vigil"}


def _standing_charge(t: Token) -> bool:
    """What a present-tense accusation charges: "accuse the army of razing villages" (the parser
    may hang "of" on the accused, or the charge on the verb as a clause of its own)."""
    if t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "of":
        verb = t.head.head.head if t.head.head.dep_ == "dobj" else t.head.head
    elif t.dep_ == "advcl" and t.tag_ == "VBG":
        verb = t.head
    else:
        return False
    return lemma_of(verb) in ACCUSING and verb.tag_ in ("VBP", "VBZ")


def _aim_or_stance(t: Token) -> bool:
    """t is what an aim, an attempt or a stance is towards: 'the ambition of seizing', 'a bid to
    retake', 'opposed to sending', 'close to capturing'."""
    owner = t.head.head if t.head.dep_ == "prep" else t.head
    return owner.lower_ in INTENT_NOUNS or (owner.lower_ in STANCES and t.head.dep_ == "prep")


def _must(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in OBLIGING for c in clause.children)


def _demanded(clause: Token) -> bool:
    """'that the UN must act', 'they should be returned': something asked of someone. Not how
    things ought to be ('Germany must be able to ...', 'the aim should be ...': the copula
    tells a view) nor the speaker's own duty ('we must defend our land')."""
    if not _must(clause) or clause.lemma_.lower() == "be":
        return False
    # (nor a turn of speech: "it should be noted that ...")
    return not any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in FIRST_PERSON or c.lower_ == "it" and
                                                         any(d.dep_ == "ccomp" for d in clause.children))
                   for c in clause.children)


Saying = tuple[Token, list[Token]]  # a verb of saying and the clauses it says


def _sayings(sent: Span) -> list[Saying]:
    """Each verb of saying of the sentence with the clauses it says ('said that ... but ...': both);
    not a saying that is only a clause's topic ("That he has announced a withdrawal must be
    doubted")."""
    out = []
    for t in sent:
        if t.pos_ == "VERB" and lemma_of(t) in DECLARING and not any(c.dep_ == "mark" for c in t.children):
            said = [c for c in t.children if c.dep_ == "ccomp"]
            out.append((t, said + [x for c in said for x in c.conjuncts]))
    return out


def _demands(sayings: list[Saying]) -> list[Trigger]:
    """'X said that Y must ...', 'X tweeted that Y should ...': a demand by the speaker (PLOVER
    REQUEST); also in a second clause of what was said ('said they would not free them but
    countries must take them back')."""
    return [Trigger(t, "request") for t, said in sayings if any(_demanded(c) for c in said)]


def _refusals(sayings: list[Saying], found: list[Trigger]) -> list[Trigger]:
    """'France said it would not act on the call', 'the rebels said they will not lay down their
    arms': a refusal said, by the speaker of itself (PLOVER REJECT); the refused act needs no
    trigger of its own (one that has one, 'would not withdraw', is turned so where it is coded)."""
    def refusal(c: Token) -> bool:
        return c.pos_ == "VERB" and refused(c) and lemma_of(c) not in UNREFUSED and \
            not any(f.token in c.subtree for f in found) and \
            any(s.dep_ == "nsubj" and s.lower_ in SELF_PRONOUNS for s in c.children)

    return [Trigger(t, "reject") for t, said in sayings if any(refusal(c) for c in said if c.head == t)]


# "said it would not comment", "would not hesitate to strike", "would not be": no refusal of
# anything asked (a hesitation denied threatens, where the lexicon says so)
UNREFUSED = DECLARING | COMMENTING | {"hesitate", "be", "have", "happen", "need", "change", "forget"}


def _accusations(sayings: list[Saying]) -> list[Trigger]:
    """'said Kyiv had staged another provocation', 'said the shelling was a war crime': what a
    speaker says of others in words of blame is an accusation (PLOVER ACCUSE); a plain report of
    fact is only its attribution. Not a denial ('said it had committed no crime') nor the
    speaker's own deeds ('we ...')."""
    return [Trigger(t, "accuse") for t, said in sayings if any(_blames(c) for c in said)]


def _blames(clause: Token) -> bool:
    """A said clause in words of blame, of others, not denied and not wished for."""
    if lemma_of(clause) in WISHING:
        return False  # "said she hoped the officials would be tried for war crimes": a wish
    # the clause's own words: not a conjoined clause's, nor a description's ("officials accused of
    # a role in the genocide")
    aside = {x.i for d in clause.subtree if d is not clause and d.dep_ in ("conj", "cc", "acl", "relcl")
             for x in d.subtree}
    words = [x for x in clause.subtree if x.i not in aside]
    return any(x.lower_ in BLAME_WORDS for x in words) and not any(x.dep_ == "neg" or x.lower_ == "no" for x in words) \
        and not any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in FIRST_PERSON for s in clause.children)


def predicate_acl(t: Token) -> bool:
    """'On 9 May, medical interns protested in ...' parsed with 'interns' as the root and
    'protested' hanging off it: the participle is the sentence's predicate."""
    if t.dep_ != "acl" or t.tag_ not in ("VBN", "VBD"):
        return False
    root = t.sent.root
    return root.pos_ not in ("VERB", "AUX") and not any(a.pos_ in ("VERB", "AUX") for a in t.ancestors)




def _simple_present(t: Token) -> bool:
    """A main verb in the simple present, with no auxiliary ('conduct', 'fights', not 'has fought')."""
    return t.pos_ == "VERB" and t.tag_ in ("VBZ", "VBP") and t.dep_ in ("ROOT", "conj", "ccomp") and \
        not any(c.dep_ in ("aux", "auxpass") for c in t.children)


def _present_perfect(t: Token) -> bool:
    """'have fled', 'has been displaced'."""
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in t.children)


def _present_passive(t: Token) -> bool:
    """'is besieged', 'are brought': a passive in the simple present (not 'are being shelled', not
    'has been taken')."""
    aux = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
    return t.tag_ == "VBN" and len(aux) == 1 and aux[0].dep_ == "auxpass" and aux[0].lower_ in ("is", "are", "am")


def _since_clause(t: Token) -> bool:
    """'since seizing it', 'since they took the town': the start of a standing situation, told
    without a date of its own (a dated one is resolved as history)."""
    head = t.head if t.dep_ in ("pcomp", "pobj") else t
    marked = (head.lower_ == "since" and head.dep_ == "prep") or (
        t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in t.children))
    return marked and not any(x.ent_type_ in ("DATE", "TIME") for x in t.subtree)


def _progressive_present(t: Token) -> bool:
    return t.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am") for c in t.children)


def _describing_clause(t: Token) -> Token | None:
    """The relative clause t is told in, through its arguments and complements ("a country which
    they want to pressure into withdrawing its troops": 'want'; "a group that has carried out
    bombings": 'carried')."""
    x = t
    # (not through a conjunct: "workers, who had marched to the depot and then hurled rocks at
    # the guards", told in a relative clause, may still be the event)
    while x.dep_ in ("xcomp", "pcomp", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr") and x.head != x:
        x = x.head  # (and "a city where there had been 1,800 strikes": what was there)
    return x if x.dep_ == "relcl" else None


def _perfect(v: Token) -> bool:
    """A verb with a perfect auxiliary: 'has seen', 'had taken', 'to have seen'."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in v.children)


def past_perfect(t: Token) -> bool:
    """The trigger's clause is in the past perfect ('had seized', 'had been shelled') with no time of
    its own: set before the story's time."""
    v = t if t.pos_ in ("VERB", "AUX") else next((a for a in t.ancestors if a.pos_ == "VERB"), None)
    return v is not None and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in v.children) and \
        not any(_story_time(c) for c in v.children) and \
        not any(x.ent_type_ in ("DATE", "TIME") for x in v.subtree)  # "had taken it by nightfall"


def _story_time(adverb: Token) -> bool:
    """'hours earlier', 'a day before', 'minutes later': a time counted from the story's own, not
    the story's past."""
    return adverb.dep_ == "advmod" and adverb.lower_ in ("earlier", "later", "before", "after") and any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in ("hour", "minute", "moment", "day", "night", "morning")
        for c in adverb.children)


def _experienced(t: Token) -> bool:
    """'the region has seen heavy fighting', 'the town is said to have endured shelling': fighting
    summed up as what a place has lived through, with no date of its own."""
    v = t.head
    if not (t.pos_ in ("NOUN", "PROPN") and t.dep_ == "dobj" and lemma_of(v) in EXPERIENCING and _perfect(v)):
        return False
    # a place lives through fighting; people who "had seen fighting" witnessed it ("reporters had
    # seen heavy fighting in the city" is an eyewitness report)
    x = v
    while x.dep_ in ("xcomp", "conj") and x.head != x:
        x = x.head
    subjects = [c for c in x.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.ent_type_ in ("PERSON", "ORG", "NORP") or c.lemma_.lower() in PEOPLE_WHO_SEE for c in subjects):
        return False
    return not any(y.ent_type_ in ("DATE", "TIME") for y in v.subtree)


def _in_period(t: Token) -> bool:
    """A stretch of months or years, or a recurring time, frames the trigger's clause or one above
    it ("over the past few months, as the rebels have tried ...", "retook the towns in
    months-long campaigns", "bombed the districts every day")."""
    chain = {x.i for x in (t, *t.ancestors)}
    for e in sent_ents(t.sent):  # the sentence's cost, not the document's, per trigger
        if e.label_ != "DATE":
            continue
        # the model marks "months" of "months-long" and "four years" of "for four years"
        after = t.doc[e.end:e.end + 2].text.replace(" ", "") if e.end + 2 <= len(t.doc) else ""
        before = t.doc[e.start - 1].lower_ if e.start > 0 else ""
        said = (before + " " if before == "for" else "") + e.text + (after if after == "-long" else "")
        # "in a week more than 60 soldiers were killed": a tally over a stretch of time
        spanned = before in ("in", "within", "over", "during") and re.fullmatch(
            r"(?:a|one|two|three|four|\d+)\s+(?:week|month|year)s?", e.text.lower()) is not None
        if not (is_period(said) or is_recurring(e.text) or spanned):
            continue
        verb = next((a for a in e.root.ancestors if a.pos_ in ("VERB", "AUX") and a.i not in
                     range(e.start, e.end)), None)
        if verb is not None and verb.i in chain:
            return True
    return False


def _many_undated(t: Token) -> bool:
    """'has carried out dozens of attacks', 'numerous bombings': many happenings summed up, with no
    date of their own (a dated count, 'dozens of air strikes hit the town on Monday', is news)."""
    if t.pos_ not in ("NOUN", "PROPN") or t.tag_ not in ("NNS", "NNPS"):
        return False
    counted = any(c.dep_ in ("amod", "nummod") and c.lower_ in MANY for c in t.children) or (
        t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in MANY)
    verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return counted and verb is not None and not any(x.ent_type_ in ("DATE", "TIME") for x in verb.subtree)


# a death toll this large, told with no day of its own, sums up a war ("an estimated 400,000
# Syrians have been killed", "the fighting has killed more than 20,000 people"): no one event
WAR_TOLL = 5000


def _war_toll(t: Token) -> bool:
    """'400,000 Syrians have been killed in the conflict': a war's toll summed up, not an event."""
    if t.lemma_.lower() not in ("kill", "die", "death", "slay") and t.lower_ not in ("killed", "dead", "deaths"):
        return False
    counts = [c for x in t.subtree for c in [x] if c.like_num and c.dep_ in ("nummod", "quantmod", "compound")]
    largest = max((_number(c.text) for c in counts), default=0)
    return largest >= WAR_TOLL and not any(x.ent_type_ in ("DATE", "TIME") and x.lower_ in DAY_WORDS for x in t.subtree)


# words that date a happening to a day ("on Monday", "yesterday"), not a stretch ("six-year",
# "since April 2023")
DAY_WORDS = frozenset(WEEKDAYS) | {"yesterday", "today", "tonight", "overnight", "morning", "evening", "night"}


def _number(text: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return 0.0


def _era(t: Token) -> bool:
    """The clause is set in an era of the conflict, not on a day: "in the early days of the war",
    "during the occupation", "at the height of the uprising", "back then"."""
    clause = [t, *t.ancestors]
    for x in clause:
        for p in x.children:
            if p.dep_ == "prep" and p.lower_ in ("in", "during", "at", "throughout", "since"):
                held = [o for o in p.children if o.dep_ == "pobj"]
                held += [g for o in held for q in o.children if q.dep_ == "prep" and q.lower_ == "of"
                         for g in q.children if g.dep_ == "pobj"]
                if any(o.lower_ in ERAS for o in held):
                    frame = {y.i for y in p.subtree}  # a day of its own outside the frame wins
                    return not any(y.ent_type_ in ("DATE", "TIME") and y.i not in frame for y in x.subtree)
            if p.dep_ == "advmod" and p.lower_ == "then" and p.i > 0 and p.nbor(-1).lower_ == "back":
                return True
        if x.dep_ in ("ccomp", "relcl", "ROOT"):
            break
    return False


def _summed_up(t: Token) -> bool:
    """'has vetoed resolutions 11 times', 'attacked the town twice', 'attacks around the world':
    happenings counted or spread over the world, with no day of their own, are not one event."""
    def own(x: Token) -> bool:  # in t's clause, wherever the parser hung it ("against Assad 11 times")
        return next((a for a in x.ancestors if a.pos_ in ("VERB", "AUX")), None) == t

    if any(x.ent_type_ in ("DATE", "TIME") and x.lower_ in DAY_WORDS for x in t.subtree):
        return False  # "fired rockets at the town three times on Monday": that day's event
    for x in t.subtree:
        if own(x) and (x.lower_ == "twice" or x.lower_ == "times" and any(
                n.like_num or n.lower_ in MANY | {"several", "multiple"} for n in x.children)):
            return True
    return any(x.lower_ in WORLDWIDE and (x.lower_ == "worldwide" or x.head.lower_ in ("around", "across", "throughout"))
               for x in t.subtree)


def _accused_of(t: Token) -> bool:
    """'accuses Iran of backing the Houthis': what is alleged, the accusation's content."""
    return t.dep_ == "pcomp" and t.head.lower_ == "of" and lemma_of(t.head.head) in ACCUSING


def _told_aside(t: Token) -> bool:
    """'US officials, who have also lobbied their partners to ...': a statement told in a
    non-restrictive relative clause in the present perfect is news of its own (a restrictive one,
    'the cell that officials have said beheaded hostages', describes)."""
    if t.dep_ != "relcl" or not any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in t.children):
        return False
    rel = [c for c in t.children if c.dep_ == "nsubj" and c.lower_ in ("who", "which")]
    return bool(rel) and rel[0].i > 0 and t.doc[rel[0].i - 1].text == ","


def _is_habitual_or_background(t: Token, aside_is_news: bool = False) -> bool:
    described = None if aside_is_news else _describing_clause(t)
    if described is not None and (described.tag_ in ("VBZ", "VBP") or
                                  any(c.dep_ == "aux" and c.lower_ == "had" or
                                      c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")
                                      for c in described.children)):
        # "a militia that fights with", "students who had been arrested", "the field where the
        # tents are pitched", "the cell that officials have said beheaded hostages": a
        # description, not an event
        return True
    if _experienced(t) or _in_period(t) or _era(t) or _many_undated(t) or _war_toll(t) or _summed_up(t):
        return True
    if t.pos_ in ("NOUN", "PROPN") and (
            any(c.dep_ == "amod" and c.lower_ in HABITUAL for c in t.children) or
            (t.dep_ in ("dobj", "nsubjpass") and _simple_present(t.head))):
        return True  # "the militants conduct regular attacks across the border"
    if t.lemma_.lower() in ("fight", "battle") and (_progressive_present(t) or _perfect(t)) and any(
            c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            or c.dep_ == "prep" and c.lower_ == "alongside" for c in t.children) and \
            not any(x.ent_type_ in ("DATE", "TIME") for x in t.subtree):
        # "the group is fighting to topple the government", "commandos have fought alongside the
        # militia to drive out ...": a cause or an alliance, not a battle
        return True
    passive = t if t.pos_ == "VERB" else t.head if t.dep_ == "nsubjpass" else None
    if passive is not None and _present_passive(passive) and \
            not any(x.ent_type_ in ("DATE", "TIME") for x in passive.subtree):
        # "the town is besieged by militants", "the wounded are brought here", "the deployment is
        # conducted with the UN": a state or a habit
        return True
    if _since_clause(t):
        return True  # "have held the town since seizing it": where a standing situation began
    if _simple_present(t):
        # "the militants also conduct attacks across the border", "they get killed or replaced":
        # the simple present tells what is usual, not what happened (a report's events are told
        # in the past tense, or the present perfect)
        return True
    # "He had previously offered to discuss ...": the adverb may sit on a governing verb
    # ("Iran had previously claimed he was killed": or, 'previously' or 'formerly', on the verb
    # that reports it; a report made "earlier" that day is news)
    for x in [t, *t.ancestors]:
        if any(c.dep_ == "advmod" and c.lower_ in BACKGROUND_ADVERBS and not _story_time(c)
               and not (c.lower_ == "earlier" and c.i == c.sent.start) for c in x.children):
            return True  # (a report's "Earlier, missiles killed ..." is earlier in its news)
        if any(c.dep_ == "prep" and c.lower_ == "at" and any(g.lower_ == "times" for g in c.children)
               for c in x.children):
            return True  # "at times levelling villages": what a force does now and then
        if x.dep_ == "ccomp" and any(c.dep_ == "advmod" and c.lower_ in ("previously", "formerly")
                                     for c in x.head.children):
            return True
        if x.dep_ in ("ccomp", "ROOT", "relcl", "advcl", "parataxis"):
            break
    return _before_clause(t)


def _before_clause(t: Token) -> bool:
    """"the damage they caused before they took Mosul": what a 'before' clause tells with no day
    of its own is a reference point, known already, not news ("... before they took the town
    on Friday" is)."""
    clause = next((x for x in (t, *t.ancestors) if x.dep_ in ("advcl", "ccomp", "relcl", "ROOT")), t)
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "before" for c in clause.children) \
        and not any(x.ent_type_ in ("DATE", "TIME") for x in clause.subtree)


def heading_end(sent: Span) -> int:
    """The index after a short heading that opens a sentence ("Movement of forces:", "Security
    measures:", "UPDATE:"), or a dateline ("KYIV, Ukraine (AP) —", "JUBA, 3 May 2024 -"), or the
    sentence's start when there is none."""
    first = sent[0]
    if first.is_upper and first.is_alpha and len(first) > 1:
        for t in sent[1:10]:
            if t.text in ("-", "—", "–", "--") and t.nbor(-1).whitespace_:  # not "UN-backed"
                return t.i + 1
            # a dateline holds names, a date and an agency's bracket: no lowercase word
            if t.is_alpha and t.is_lower:
                break
    for t in sent[:6]:
        if t.text == ":":
            before = sent.doc[sent.start:t.i]
            # no finite verb before the colon ("Looting:" may be tagged a gerund)
            if before and not any(x.tag_ in ("VBD", "VBZ", "VBP", "MD") or x.pos_ == "AUX" or x.like_num
                                  for x in before):
                return t.i + 1
            break
    return sent.start


# nouns of blame whose that-clause says what is alleged
CHARGES = {"accusation", "allegation", "charge"}


def _charge_content(t: Token) -> Token | None:
    """The noun of blame a that-clause is the content of ("accusations that X backed Y"), or None."""
    if t.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children) and \
            t.head.lemma_.lower() in CHARGES:
        return t.head
    return None


def _alleges(t: Token) -> bool:
    """A noun of blame with a that-clause, made rather than rejected ("renewed accusations that
    X was arming Y"; not "denied allegations that ...", which the denial tells)."""
    if t.lemma_.lower() not in CHARGES or not any(_charge_content(c) == t for c in t.children):
        return False
    verb = t.head if t.dep_ in ("dobj", "nsubjpass") else None
    return verb is None or lemma_of(verb) not in ("deny", "reject", "dismiss", "refute", "rebut")


def _listed_option(t: Token) -> bool:
    """A bare gerund in a list after a colon ("two choices: arming the rebels or bombing the
    bases"): the name of a course of action, with no one doing it."""
    if t.tag_ != "VBG" or any(c.dep_ in ("nsubj", "aux", "auxpass") for c in t.children):
        return False
    x = t
    while x.dep_ == "conj" and x.head != x:
        x = x.head
    opens_list = x.left_edge.i > 0 and t.doc[x.left_edge.i - 1].text == ":"
    if x.dep_ not in ("acl", "appos", "ROOT", "attr", "dobj", "pobj", "nsubj") and not opens_list:
        return False  # "shelled the town, killing four": a clause of what happened
    return any(y.text == ":" for y in t.doc[t.sent.start:x.i])


def find_triggers(sent: Span, lex: Lexicon) -> list[Trigger]:
    """The event triggers of a sentence, filtered and merged, in sentence order."""
    found: list[Trigger] = []
    if sent.text.rstrip().rstrip("”\"’'").endswith("?"):
        return found  # "Who is fighting whom?": a question asks, it tells no happening
    label = heading_end(sent)
    for t in sent:
        if t.i < label:
            continue  # "Troop movements: On 3 June, ...": a heading names a kind of event, not one
        cls = verb_class(t, lex)
        noun = False
        if cls is None:
            cls = noun_class(t, lex)
            noun = cls is not None
        if cls is None and _alleges(t):
            cls, noun = "accuse", True  # "repeated its allegation that ...": the accusation is the event
        if cls is None or _is_habitual_or_background(t, aside_is_news=cls in VERBAL and _told_aside(t)):
            continue
        if cls in VERBAL and _accused_of(t):
            continue  # "accuses Iran of backing the Houthis": no support told, an accusation
        if cls in VERBAL and t.tag_ == "VBN" and t.dep_ in ("advcl", "acl") and \
                not any(c.dep_ in ("aux", "auxpass") for c in t.children):
            continue  # "Backed by Russian jets, the army retook ...": who the actor is, not news
        if cls in ("takeover", "advance") and t.dep_ == "xcomp" and lemma_of(t.head) in TRYING:
            continue  # "the rebels tried to take the town": no ground taken
        if cls not in VERBAL and t.dep_ == "pcomp" and t.head.lower_ == "without":
            continue  # "took the town without firing a shot": what was not done
        if t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "with" and any(
                c.dep_ == "prep" and c.lower_ == "under" and any(g.lower_ == "way" for g in c.children)
                for c in t.children):
            continue  # "a dangerous place, with bombing under way in Idlib": how things stand
        if cls in ("clash", "attack") and not noun and any(
                c.dep_ == "dobj" and c.lemma_.lower() in CAMPAIGNS for c in t.children):
            continue  # "Burkina Faso is battling a jihadist insurgency": a war, not a battle
        if _listed_option(t):
            continue  # "the options: lifting the siege, or withdrawing troops": courses named, none taken
        if any(a.dep_ in ("csubj", "csubjpass") for a in (t, *t.ancestors)):
            continue  # "who led the battle has remained disputed": a question about it, not it
        if noun and t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.pos_ == "NOUN" and \
                t.head.head.lower_ not in ("responsibility", "credit", "blame") and \
                not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in t.children):
            continue  # "a legitimate target for drone strikes", "a pretext for an offensive": what it is for
        if _charge_content(t) is not None and cls in VERBAL:
            continue  # "renewed accusations that Rwanda was backing the rebels": what is alleged
        if cls == "flee" and t.dep_ == "acl" and t.tag_ == "VBG":
            continue  # "a refuge for those fleeing the war", "the number of people fleeing": who, not what
        if cls == "flee" and (_progressive_present(t) or _present_perfect(t)) and \
                not any(x.ent_type_ in ("DATE", "TIME") for x in t.subtree):
            continue  # "thousands have fled the city", "people are fleeing south": a tally, a state
        if cls in ("destroy", "riot", "loot") and any(c.dep_ == "dobj" and c.lemma_.lower() in SYMBOLS
                                                      for c in t.children):
            continue  # "burnt an effigy of the minister", "tore down his posters": a protest's symbols
        # "fired tear gas to disperse protesters": the purpose of force is its effect;
        # "went to the streets to protest": going there to protest is protesting
        # "banged pots to protest": a protest's purpose clause is the protest itself, unless
        # it is asked for, planned or threatened
        protesting = cls == "protest" and (lemma_of(t.head) in TURNOUT or t.dep_ == "advcl" or (
            t.dep_ == "xcomp" and lemma_of(t.head) not in REQUESTING | MODAL | INTENT) or (
            # "owners of restaurants protested outside ..., demanding": a predicate the parser took
            # for a reduced relative (nobody is "protested")
            t.dep_ == "acl" and not any(c.dep_ in ("dobj", "auxpass", "agent") for c in t.children)))
        if cls == "disperse" or protesting:
            pass
        elif _is_content(t, lex):
            continue
        trig = Trigger(t, cls, noun)
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in MODAL:
            trig.xcomp_of = t.head
        found.append(trig)
    sayings = _sayings(sent)  # read once for the three kinds of thing said
    for said in _demands(sayings) + _refusals(sayings, found) + _accusations(sayings):
        if all(said.token.i != f.token.i for f in found):
            found.append(said)  # (one event a saying: a demand, else a refusal, else an accusation)
    found.sort(key=lambda x: x.token.i)
    return _merge(found)


def _within(a: Token, b: Token) -> bool:
    """a is in b's subtree without crossing into another clause's complement."""
    for anc in a.ancestors:
        if anc == b:
            return True
        if anc.dep_ in ("ccomp", "relcl", "parataxis"):
            return False
    return False


def _told_within(a: Token, b: Token) -> bool:
    """a is part of the happening b tells: within it, and not in a phrase that sets another
    happening before or after it ("killed ... following the bombing")."""
    return _within(a, b) and not any(
        anc.dep_ == "prep" and anc.lower_ in SEQUENCE_WORDS for anc in a.ancestors
        if anc.i in {x.i for x in b.subtree} and anc != b)


def _merge(found: list[Trigger]) -> list[Trigger]:
    out: list[Trigger] = []
    absorbed: set[int] = set()
    material = [x for x in found if x.cls not in VERBAL]
    for tr in found:
        t = tr.token
        # a withdrawal or a deal subordinate to a takeover makes it non-violent
        if tr.cls in ("takeover", "advance"):
            for other in found:
                o = other.token
                # ("entered the city after the rebels agreed to surrender it": a deal too, and
                # the agreement stays an event of its own)
                if other is not tr and other.cls in ("withdraw", "deal", "agree") and _within(o, t):
                    tr.nonviolent = True
                    if other.cls != "agree":
                        absorbed.add(o.i)
            words = {x.lower_ for x in t.subtree}
            if words & {"deal", "agreement", "handover", "negotiated", "peacefully", "unopposed", "surrender"} or \
                    ("without" in words and words & {"fight", "fighting", "clashes", "resistance", "clash", "shot",
                                                     "battle", "opposition", "bloodshed"}) or \
                    "withdrawal" in words:
                tr.nonviolent = True
                for other in found:
                    if other.cls == "deal" and _within(other.token, t):
                        absorbed.add(other.token.i)
        if tr.cls == "deploy" and not tr.noun and (any(
                other.cls == "withdraw" and (_within(other.token, t) or _within(other.token, t.head))
                for other in found) or any(x.lower_ == "withdrawal" for x in t.subtree)):
            # "troops deployed in the villages after the enemy withdrew from them": the ground
            # handed on without a fight
            tr.nonviolent = True
            absorbed.update(o.token.i for o in found if o.cls in ("withdraw", "withdrawal") and
                            (_within(o.token, t) or _within(o.token, t.head)))
    for tr in material:
        # "stormed and took the town", "attacked and seized the base": the assault is how the
        # ground was taken, one happening
        if tr.cls != "takeover":
            continue
        for other in material:
            o = other.token
            if other.cls in ("attack", "clash") and not other.noun and o.i not in absorbed and \
                    not _children_of(o, "dobj") and \
                    (o.head == tr.token or tr.token.head == o) and "conj" in (o.dep_, tr.token.dep_):
                tr.merged.append(o)
                absorbed.add(o.i)
    for tr in material:
        # "gunmen entered the village and killed two people": the entry is how they attacked
        # ("entered the village and detained 70 villagers": the detention is what happened)
        if tr.cls == "advance" and any(o is not tr and (o.token.head == tr.token or
                                                                     tr.token.head == o.token) and
                                       "conj" in (o.token.dep_, tr.token.dep_) for o in material):
            absorbed.add(tr.token.i)
    for tr in material:
        for other in material:
            if other is tr or other.token.i in absorbed or tr.token.i in absorbed:
                continue
            # an attack noun inside a material verb's clause ("killed in an airstrike",
            # "a strike ... destroyed a bridge") is the same happening
            a, b = tr.token, other.token
            linked = _told_within(b, a) or (b.head == a and b.dep_ in ("nsubj", "nsubjpass")) or \
                (tr.noun and other.noun and _anchor(a) == _anchor(b)) or \
                (tr.cls == "kill" and other.noun and b.dep_ == "pobj" and b.head.lower_ in ("in", "during")
                 and b.head.head.lower_ in ("wounded", "injured", "hurt"))  # "killed and two wounded in attacks"
            # "airstrikes targeting Talbiseh", "killed in an airstrike", "a strike destroyed a bridge"
            violent_pair = {tr.cls, other.cls} <= VIOLENT_CLASSES
            if linked and violent_pair and (other.noun or tr.noun or {tr.cls, other.cls} & {"destroy", "kill"}):
                keep, drop = (tr, other) if _rank(tr.cls) <= _rank(other.cls) else (other, tr)
                keep.merged.append(drop.token)
                absorbed.add(drop.token.i)
    for tr in found:
        if tr.token.i in absorbed:
            continue
        t = tr.token
        if tr.cls in VERBAL:
            # "issued a message ..., pledging ... and urging ...": one communication
            chain, x = [], t
            while x.dep_ in ("advcl", "conj", "xcomp", "ccomp") and x.head != x:
                x = x.head
                chain.append(x.i)
            if any(o.token.i in chain and o.cls in VERBAL for o in found):
                continue
            if tr.noun and any(o.token == t.head and o.cls in VERBAL for o in found):
                continue
            # "protested ..., demanding better pay": the demand is the protest's own
            if any(o.token.i in chain and o.cls in ("protest", "gather", "riot") for o in found):
                continue
            if t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp", "conj", "acl") and \
                    any(o.cls in ("protest", "riot") for o in found):
                continue
            if tr.noun and any(_within(t, o.token) and o.cls in VERBAL for o in found if o is not tr):
                continue
        out.append(tr)
    return out


def _children_of(t: Token, dep: str) -> list[Token]:
    return [c for c in t.children if c.dep_ == dep]


def _anchor(t: Token) -> int:
    """The verb that licenses a noun trigger ("launched an offensive ... in fighting")."""
    h = t.head
    if t.dep_ == "pobj" and h.dep_ == "prep":
        h = h.head
    return h.i


def _rank(cls: str) -> int:
    return MATERIAL_PRIORITY.index(cls) if cls in MATERIAL_PRIORITY else len(MATERIAL_PRIORITY)
