"""How sure the report is of an event, and who it says reports or claims it.

Modality follows the trigger's grammar: a reporting verb above it ("the ministry
said", "Reuters reported", "according to ...", "told Reuters") makes it `reported`,
or `claimed` when the speaker is the actor itself ("Israel said its forces struck");
"denied" makes it `denied`; "expected to", "will", "plans to" make it `expected` or
`planned`; "could", "may", "likely", "if", "whether" make it `hypothetical`; a negation
`negated`; "reportedly", "allegedly" (no speaker named) `reported`.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..nlp.views import ents_between
from .vocab import HEARSAY

__all__ = ["modality_of", "attribution_of", "speaker_heads", "REPORTING", "refused", "licensing_verb"]

REPORTING = {"say", "report", "tell", "claim", "deny", "show", "announce", "confirm", "state",
             "allege", "add", "accord", "cite", "quote", "insist", "acknowledge", "admit",
             "reveal", "indicate", "suggest", "write", "post", "publish", "broadcast", "attribute",
             "blame", "describe", "call"}
EXPECT = {"expect", "likely", "set", "due", "scheduled", "poised", "poise", "anticipate", "imminent"}
PLAN = {"plan", "intend", "prepare", "schedule", "aim", "will", "shall", "propose", "decide"}
HYPO = {"could", "may", "might", "would", "if", "possibly", "perhaps", "potentially", "need",
        "should", "can", "unless", "whether"}
SOURCE_NOUNS = {"video", "footage", "images", "pictures", "photos", "report", "reports", "media",
                "sources", "source", "statement", "officials", "official", "spokesman",
                "spokesperson", "witnesses", "residents", "activists", "monitor", "observatory",
                "agency", "channel", "ministry", "army", "military", "police"}


def _governing_reporters(t: Token) -> list[Token]:
    """Reporting verbs that govern t: up the tree, and parenthetical ones below its clause."""
    out = []
    for anc in t.ancestors:
        if anc.pos_ == "VERB" and anc.lemma_.lower() in REPORTING and anc.lemma_.lower() != "call":
            out.append(anc)
    root = t.sent.root
    for c in [*root.children, *t.children]:
        if c.dep_ in ("parataxis", "advcl", "ccomp", "conj") and c.lemma_.lower() in REPORTING \
                and c.i > t.i and c not in out and c.lemma_.lower() not in ("call", "describe", "blame"):
            if any(x.dep_ in ("nsubj",) for x in c.children):
                out.append(c)
    return out


def _denied_by_no(t: Token) -> bool:
    """'there were no reports of fighting', 'no sign of an attack': a noun under 'no' that the
    trigger is of."""
    x = t
    if x.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in x.children):
        return True  # "there was no fighting"
    while x.dep_ in ("pobj", "acl", "prep", "compound") and x.head != x:  # "no brake on Trump ordering"
        x = x.head
        if x.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in x.children):
            return True
    return False


# senses: what "could be heard" or "could be seen" was, in a report of the past
PERCEIVING = {"hear", "see", "feel", "smell", "spot"}


def refused(v: Token) -> bool:
    """'would not repatriate', 'will not negotiate', "won't release": a refusal, not a deed undone."""
    children = {c.lower_ for c in v.children}
    return bool(children & {"will", "would", "wo", "shall"}) and bool(children & {"not", "n't", "never"})


def licensing_verb(t: Token) -> Token | None:
    """The verb a noun trigger is the object of ('did not attend the summit', 'took part in the
    talks'), or None."""
    x = t
    while x.dep_ in ("dobj", "pobj", "prep", "attr") and x.head != x:
        x = x.head
        if x.pos_ in ("VERB", "AUX"):
            return x
    return None


CONDITIONS = {"if", "unless", "lest"}


def _in_condition(t: Token) -> bool:
    """The trigger is told in the clause a condition supposes ('if the army storms the town'),
    not in what would follow from it."""
    for x in (t, *t.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in x.children):
            return True
        if x.dep_ in ("ccomp", "ROOT"):
            return False
    return False


def modality_of(t: Token, self_claim: bool, attributed: bool, xcomp_of: Token | None = None) -> str:
    """The contract's modality for the event triggered at t."""
    lemmas = set()
    for x in [t, *t.ancestors][:6]:
        lemmas |= {c.lemma_.lower() for c in x.children if c.dep_ in ("aux", "advmod", "mark", "neg", "acomp")}
        lemmas.add(x.lemma_.lower())
        if x.dep_ in ("ccomp", "ROOT") and x != t:
            break
    if any(x.lemma_.lower() in PERCEIVING and any(c.dep_ == "auxpass" for c in x.children)
           for x in [t, *t.ancestors][:3]):
        lemmas.discard("could")  # "artillery fire could be heard all day": it was heard
    licence = licensing_verb(t) if t.pos_ in ("NOUN", "PROPN") else None
    if any(c.dep_ == "neg" for c in t.children) or (xcomp_of is not None and any(
            c.dep_ == "neg" for c in xcomp_of.children)) or _denied_by_no(t) or (
            licence is not None and any(c.dep_ == "neg" for c in licence.children)):
        return "negated"  # (a noun is negated by its verb: "did not attend the summit")
    reporters = _governing_reporters(t)
    if any(r.lemma_.lower() == "deny" for r in reporters):
        return "denied"
    if _in_condition(t):
        return "hypothetical"  # "if an assault goes ahead, we expect ...": what the clause supposes
    if lemmas & EXPECT or (xcomp_of is not None and xcomp_of.lemma_.lower() in EXPECT):
        return "expected"
    if "will" in lemmas or lemmas & {"plan", "intend", "prepare", "schedule"}:
        return "planned" if not (lemmas & HYPO) else "hypothetical"
    if lemmas & HYPO:
        return "hypothetical"
    if any(r.lemma_.lower() in ("claim", "allege") for r in reporters):
        return "claimed"
    if lemmas & HEARSAY and not self_claim:
        return "reported"  # "rebels reportedly captured the town": someone reports it
    if reporters or attributed:
        # an actor speaking of its own deed claims it ("Israel said its forces struck")
        return "claimed" if self_claim else "reported"
    return "asserted"


def _np_text(head: Token) -> str:
    """A speaker's noun phrase without determiners, numbers, clauses, appositions, conjuncts.

    A source noun ("video from X", "the ministry in Damascus") keeps only its "of" phrases.
    """
    cut = {"relcl", "acl", "appos", "conj", "cc", "punct", "det", "nummod", "advcl"}
    keep: list[Token] = []

    def walk(t: Token) -> None:
        keep.append(t)
        for c in t.children:
            if c.dep_ in cut or c.tag_ in ("POS", "PRP$"):
                continue
            if c.dep_ == "prep" and head.lemma_.lower() in SOURCE_NOUNS and c.lower_ != "of":
                continue
            walk(c)

    walk(head)
    toks = keep
    toks = sorted(toks, key=lambda x: x.i)
    text = " ".join(x.text for x in toks).replace(" - ", "-").replace(" ’s", "’s")
    return text.strip()


def speaker_heads(t: Token) -> list[Token]:
    """The subjects of the reporting verbs that govern t ("the army said ...")."""
    return [c for r in _governing_reporters(t) for c in r.children if c.dep_ == "nsubj"]


def attribution_of(t: Token, known_sources: set[str]) -> list[str]:
    """Who the article says reports the event at t, in the order it names them."""
    names: list[str] = []

    def add_np(head: Token) -> None:
        for h in [head, *head.conjuncts]:
            ents = [e for e in ents_between(h.doc, min(x.i for x in h.subtree), max(x.i for x in h.subtree) + 1)
                    if e.label_ in ("ORG", "WORK_OF_ART", "PERSON", "GPE", "NORP")
                    and not e.root._.sitrep_place
                    and (e.text.lower() in known_sources or e.label_ in ("ORG", "WORK_OF_ART"))]
            named = [e for e in ents if e.root.dep_ in ("pobj", "compound", "appos") or e.root == h]
            text = named[-1].text if named and (h.lower_ in SOURCE_NOUNS or named[-1].root == h
                                                 or h.lemma_.lower() in SOURCE_NOUNS) else _np_text(h)
            if text and text.lower() not in {n.lower() for n in names} and text.lower() not in (
                    "he", "she", "it", "they", "we", "i", "who"):
                names.append(re.sub(r"^the\s+", "", text, flags=re.IGNORECASE))

    for r in _governing_reporters(t):
        for c in r.children:
            if c.dep_ in ("nsubj", "nsubjpass") :
                add_np(c)
            if c.dep_ in ("dobj", "dative") and r.lemma_.lower() == "tell" and \
                    (c.text.lower() in known_sources or c.ent_type_ == "ORG"):
                add_np(c)
            if c.dep_ == "advcl" and c.lemma_.lower() == "cite":
                for d in c.children:
                    if d.dep_ == "dobj":
                        add_np(d)
    # "according to X" anywhere in the sentence; "citing X"
    for tok in t.sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            for p in tok.nbor().children:
                if p.dep_ == "pobj":
                    add_np(p)
            for p in tok.children:
                if p.dep_ == "prep":
                    for q in p.children:
                        if q.dep_ == "pobj":
                            add_np(q)
        if tok.lemma_.lower() == "cite" and tok.dep_ in ("advcl", "xcomp", "conj"):
            for d in tok.children:
                if d.dep_ == "dobj":
                    add_np(d)
    return names
