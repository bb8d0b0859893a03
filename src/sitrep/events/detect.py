"""Finding event triggers in a parsed sentence, and deciding which are real events.

A trigger is a verb or noun of the lexicon in a syntactic frame that makes it an
occurrence.  Three filters keep what news *mentions* apart from what *happened*:
- content: what someone was asked, prevented or meant to do ("called on people to rise
  up", "to prevent the insurgents from seizing Homs", "Fighting to take Homs");
- habit and background: present-tense relative clauses ("a militia that fights with
  the SDF"), "previously", examples under "including";
- merging: one happening told with two words ("a strike ... destroyed a bridge";
  "took control after government forces withdrew"; "issued a message ..., pledging ...
  and urging ...") is one event.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .lexicon import Lexicon

__all__ = ["Trigger", "find_triggers", "VERBAL", "place_like"]

# classes that are statements or diplomacy (PLOVER only, no ACLED type unless coded so)
VERBAL = {"agree", "consult", "request", "support", "offer", "accuse", "reject", "threaten",
          "sanction", "supply", "talks", "release"}
MATERIAL_PRIORITY = ["air_attack", "shelling", "explosive", "attack", "kill", "destroy", "clash",
                     "takeover", "advance", "lose_control", "withdraw", "riot", "protest"]
# "began to evacuate": the complement happened
REALIZE = {"begin", "start", "continue", "manage", "move", "proceed", "go", "resume", "attempt", "try"}
# "are expected to meet": the complement is an expectation, a plan or a possibility
MODAL = {"expect", "plan", "set", "intend", "prepare", "need", "want", "hope", "seek", "vow",
         "threaten", "likely", "able", "schedule", "due", "aim", "promise", "pledge", "agree",
         "decide", "propose", "offer", "refuse", "fail"}
PLACE_NOUNS = {"town", "towns", "city", "cities", "village", "villages", "area", "areas",
               "neighbourhood", "neighborhood", "district", "districts", "outskirts", "suburb",
               "suburbs", "base", "airport", "province", "region", "countryside", "positions",
               "position", "territory", "capital", "stronghold", "airbase", "crossing", "hill",
               "hills", "island", "port", "centre", "center", "governorate", "parts", "control"}
BACKGROUND_ADV = {"previously", "formerly", "once", "earlier", "historically", "traditionally",
                  "usually", "often", "regularly"}


@dataclass
class Trigger:
    token: Token
    cls: str
    noun: bool = False
    merged: list[Token] = field(default_factory=list)
    nonviolent: bool = False  # takeover after a deal or a withdrawal
    xcomp_of: Token | None = None  # "expected to meet": the governing verb


def place_like(t: Token) -> bool:
    """A token that names or stands for a place (toponym, 'towns', 'the city')."""
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


def _subtree_lower(t: Token) -> set[str]:
    return {x.lower_ for x in t.subtree} | {x.lemma_.lower() for x in t.subtree}


def _verb_class(t: Token, lex: Lexicon) -> str | None:
    lemma = t.lemma_.lower()
    cls = lex.verbs.get(lemma)
    if cls is None or t.pos_ not in ("VERB",) and not (t.pos_ == "AUX" and lemma == "have"):
        return None
    if t.dep_ in ("amod", "compound", "npadvmod") or (t.i > 0 and t.nbor(-1).text == "-"):
        return None  # "US-backed", "Iran-backed": a modifier, not an act
    objs = _objects(t)
    obj_words = {o.lower_ for o in objs} | {o.lemma_.lower() for o in objs}
    prts = {c.lower_ for c in _children(t, {"prt"})}
    preps = {c.lower_ for c in _children(t, {"prep"})}
    if lemma == "take":
        if "control" in obj_words or "over" in prts or any(place_like(o) for o in objs if o.dep_ == "dobj"):
            return "takeover"
        return None
    if lemma in ("capture", "seize") and objs and not any(place_like(o) for o in objs):
        if obj_words & {"prisoner", "prisoners", "soldier", "soldiers", "fighters", "members"}:
            return "abduct"
    if lemma == "lose":
        return "lose_control" if "control" in obj_words else None
    if cls == "advance":
        # "advanced into Deraa", "entered Homs"; not "advancing from their stronghold"
        ahead = _children(t, {"dobj"}) + [o for p in _children(t, {"prep"}) if p.lower_ in
                                          ("into", "to", "toward", "towards", "on", "in", "inside", "upon")
                                          for o in _children(p, {"pobj"})]
        return cls if any(place_like(o) for o in ahead) else None
    if lemma == "pull":
        return "withdraw" if prts & {"out", "back"} else None
    if lemma in ("strike", "hit") and not (obj_words & lex.attack_objects or
                                          any(place_like(o) for o in objs) or
                                          any(o.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "ORG") for o in objs)):
        return None
    if lemma == "blow" and "up" not in prts:
        return None
    if lemma == "fight" and not (preps & {"with", "against"} or t.dep_ == "ROOT"):
        return None
    if cls == "close" and not (_subtree_lower(t) & lex.closure_objects):
        return None
    if cls == "deploy" and lemma == "send":
        sub = {x.lower_ for o in _children(t, {"dobj"}) for x in o.subtree}
        if sub & lex.aid_objects:
            return "supply"
        if not objs:
            return None
    if cls == "supply":
        sub = {x.lower_ for o in _children(t, {"dobj"}) for x in o.subtree}
        return "supply" if sub & lex.aid_objects else None
    if cls == "request":
        x = _children(t, {"xcomp", "ccomp"})
        if lemma in ("order", "instruct", "tell", "advise", "urge") and x and \
                x[0].lemma_.lower() in lex.leave_verbs:
            return "order_leave"
        marked = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                     for c in t.children)  # "called for the people of Homs to rise up"
        if lemma == "call" and not (preps & {"for", "on", "upon"} or x or marked):
            return None
        if lemma in ("tell", "ask", "advise") and not _children(t, {"xcomp"}):
            return None  # "told Reuters that ..." reports; it requests nothing
    if cls == "offer" or (cls == "agree" and lemma in ("pledge", "promise", "vow")):
        sub = {x.lower_ for o in _children(t, {"dobj"}) for x in o.subtree} if cls == "agree" \
            else _subtree_lower(t)
        if sub & lex.support_objects:
            return "support"
        if sub & lex.aid_objects:
            return "supply"
        return "agree" if lemma in ("offer", "pledge", "promise", "vow") else None
    if cls == "agree" and lemma == "sign":
        return "deal" if obj_words & {"deal", "agreement", "ceasefire", "truce", "accord"} else None
    if cls == "consult" and lemma == "talk" and not preps & {"with", "to"}:
        return None
    if cls == "sanction" and lemma in ("impose", "suspend", "sever") and not objs:
        return None
    if cls == "release":
        if lemma == "hand" and "over" not in prts:
            return None
        if lemma in ("release", "free") and not (obj_words & {"prisoners", "prisoner", "hostages",
                                                              "hostage", "detainees", "captives"}):
            return None
    if cls == "disperse":
        crowd = {"protesters", "protestors", "demonstrators", "crowd", "crowds", "protest", "protests",
                 "rally", "demonstration", "demonstrations", "marchers", "sit-in", "gathering"}
        if lemma == "crack" and "down" not in prts:
            return None
        return cls if _subtree_lower(t) & crowd else None
    if cls == "destroy" and not objs:
        return None
    if cls == "evacuate" and not objs and not preps:
        return None
    return cls


def _noun_class(t: Token, lex: Lexicon) -> str | None:
    if t.pos_ not in ("NOUN", "PROPN"):
        return None
    cls = lex.nouns.get(t.lower_) or lex.nouns.get(t.lemma_.lower())
    if cls is None:
        return None
    # "air strike", "drone strikes"
    if t.lemma_.lower() in ("strike", "raid") and any(c.lower_ in ("air", "drone", "aerial") for c in t.lefts):
        cls = "air_attack"
    head = t.head
    # "The offensive began ...": a definite mention of a fight already told
    if any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) and t.dep_ == "nsubj" and \
            head.lemma_.lower() in ("begin", "start", "come", "mark", "follow") and \
            not any(c.dep_ in ("amod", "compound", "prep") for c in t.children):
        return None
    ok = (
        (t.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in lex.noun_subject_of)
        or (t.dep_ in ("dobj", "attr") and head.lemma_.lower() in lex.noun_object_of)
        or (t.dep_ == "pobj" and head.dep_ in ("prep", "agent")
            and (head.head.lemma_.lower() in lex.noun_object_of or head.lower_ in ("amid",)))
        or (t.dep_ == "ROOT")
        or (t.dep_ == "conj" and _noun_class(head, lex) is not None)
    )
    return cls if ok else None


def _is_content(t: Token, lex: Lexicon) -> bool:
    """True when the trigger is what someone asked, prevented or intended, not a fact."""
    for anc in [t, *t.ancestors]:
        if anc != t and anc.lemma_.lower() in ("prevent", "stop", "deter", "keep") and \
                any(c.dep_ == "prep" and c.lower_ == "from" for c in anc.children):
            return True
        if anc.dep_ in ("xcomp", "ccomp") and anc.head.lemma_.lower() in (
                "call", "urge", "ask", "demand", "appeal", "tell", "order", "instruct", "request", "advise"):
            return anc != t or t.head.lemma_.lower() not in ("tell", "order", "instruct")
        if anc.dep_ in ("pcomp", "pobj") and anc.head.lower_ == "including":
            return True
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
    if t.dep_ == "acl" and t.tag_ == "VBN":
        return True  # "a site used to ...", "the crossing closed last year" describe a noun
    return False


def _is_habitual_or_background(t: Token) -> bool:
    if t.dep_ == "relcl" and t.tag_ in ("VBZ", "VBP"):
        return True
    # "He had previously offered to discuss ...": the adverb may sit on a governing verb
    for x in [t, *t.ancestors]:
        if any(c.dep_ == "advmod" and c.lower_ in BACKGROUND_ADV for c in x.children):
            return True
        if x.dep_ in ("ccomp", "ROOT", "relcl", "advcl", "parataxis"):
            break
    return False


def find_triggers(sent: Span, lex: Lexicon) -> list[Trigger]:
    """The event triggers of a sentence, filtered and merged, in sentence order."""
    found: list[Trigger] = []
    for t in sent:
        cls = _verb_class(t, lex)
        noun = False
        if cls is None:
            cls = _noun_class(t, lex)
            noun = cls is not None
        if cls is None or _is_habitual_or_background(t):
            continue
        # "fired tear gas to disperse protesters": the purpose of force is its effect
        if cls != "disperse" and _is_content(t, lex):
            continue
        trig = Trigger(t, cls, noun)
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in MODAL:
            trig.xcomp_of = t.head
        found.append(trig)
    return _merge(found)


def _within(a: Token, b: Token) -> bool:
    """a is in b's subtree without crossing into another clause's complement."""
    for anc in a.ancestors:
        if anc == b:
            return True
        if anc.dep_ in ("ccomp", "relcl", "parataxis"):
            return False
    return False


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
                if other is not tr and other.cls in ("withdraw", "deal") and _within(o, t):
                    tr.nonviolent = True
                    absorbed.add(o.i)
            words = {x.lower_ for x in t.subtree}
            if words & {"deal", "agreement", "handover", "negotiated", "peacefully", "unopposed"} or \
                    {"without", "fight"} <= words or "withdrawal" in words:
                tr.nonviolent = True
                for other in found:
                    if other.cls == "deal" and _within(other.token, t):
                        absorbed.add(other.token.i)
    for tr in material:
        for other in material:
            if other is tr or other.token.i in absorbed or tr.token.i in absorbed:
                continue
            # an attack noun inside a material verb's clause ("killed in an airstrike",
            # "a strike ... destroyed a bridge") is the same happening
            a, b = tr.token, other.token
            linked = _within(b, a) or (b.head == a and b.dep_ in ("nsubj", "nsubjpass")) or \
                (tr.noun and other.noun and _anchor(a) == _anchor(b))
            # "airstrikes targeting Talbiseh", "killed in an airstrike", "a strike destroyed a bridge"
            if linked and (other.noun or tr.noun or {tr.cls, other.cls} & {"destroy", "kill"}):
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
            if tr.noun and any(_within(t, o.token) and o.cls in VERBAL for o in found if o is not tr):
                continue
        out.append(tr)
    return out


def _anchor(t: Token) -> int:
    """The verb that licenses a noun trigger ("launched an offensive ... in fighting")."""
    h = t.head
    if t.dep_ == "pobj" and h.dep_ == "prep":
        h = h.head
    return h.i


def _rank(cls: str) -> int:
    return MATERIAL_PRIORITY.index(cls) if cls in MATERIAL_PRIORITY else len(MATERIAL_PRIORITY)
