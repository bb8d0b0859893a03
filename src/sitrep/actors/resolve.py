"""Choosing the actor a noun phrase names, in the context of its article.

`kb.py` finds candidates in text (aliases, leaders, demonyms, capitals, units); this
module decides which one a phrase stands for, in this order: a named group or leader
("HTS", "Jolani"; `named.py` sorts sponsors, partners and "pro-"/"anti-" sides from the
actor itself); a named unit of a state's forces ("Military Police" in Brazil); a people
named by its demonym ("Palestinians"); what `generic.py` reads in descriptive phrases
("insurgents", "armed men", "Fulani militia", "the little-known X militia", "the
police"); a state by demonym, name or capital, its branch chosen by the head noun
("Syrian army forces", "Russian aircraft", "Turkish officials").  Names are the ones in
force on the article's date, in the country the article is about ("Islamic State
(Iraq)"); actors ACLED codes as an operation are recoded last (`named.covered`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from ..models import Actor
from ..nlp.views import doc_text, ents_between
from . import generic, named
from .abbreviations import find_groups
from .context import ArticleActors, Resolution
from .kb import ActorKB
from .vocab import (
    ACTIONS,
    AGENTS,
    ARMED_ANAPHORS,
    ARMED_MODIFIERS,
    BACKER_SUFFIXES,
    BODIES,
    CIVIL,
    ETHNIC,
    FORCE,
    GROUP_ANAPHORS,
    IDENTITY_CUES,
    LEADER_SUFFIXES,
    POLICE,
    PRONOUNS,
    PROTEST,
    QUANTITIES,
    REGIME,
    SECURITY,
    TITLES,
    UNKNOWN_MODIFIERS,
    WARPLANES,
)

__all__ = ["ArticleActors", "Resolution", "resolve_phrase", "phrase_tokens", "lead_armed_actor",
           "FORCE"]


def phrase_tokens(head: Token, premodifiers_only: bool = False) -> list[Token]:
    """The noun phrase of `head`, without relative clauses and clausal modifiers.

    A named entity the phrase touches is taken whole: a bad parse may split
    "Hayat Tahrir al-Sham" across several heads.
    """
    drop = {"relcl", "acl", "advcl", "ccomp", "punct", "cc", "conj"}
    keep: dict[int, Token] = {}

    def walk(t: Token) -> None:
        keep[t.i] = t
        for c in t.children:
            # coordination inside the phrase stays ("ministers of Russia and Turkey");
            # the head's own conjuncts are other actors
            if (c.dep_ in drop and not (t != head and c.dep_ in ("conj", "cc"))) or \
                    (premodifiers_only and c.i > head.i):
                continue
            walk(c)

    walk(head)
    doc = head.doc
    for t in list(keep.values()):
        if t.ent_type_ and t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"):
            start = t.i
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            end = t.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            for x in doc[start:end]:
                keep.setdefault(x.i, x)
    return sorted(keep.values(), key=lambda t: t.i)


def _suffix(text: str, end: int) -> str:
    """'US-backed': the word a hyphen attaches after a name ('backed'), or ''."""
    m = re.match(r"\s*-\s*([a-z]+)", text[end:end + 20])
    return m.group(1) if m else ""


def _pro(text: str, start: int) -> bool:
    return text[max(0, start - 4):start].lower() == "pro-"


# "a forum in Doha" is a place; "forces from Moscow" and "loyal to Damascus" name the state
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "into", "on", "over",
                  "throughout", "within"}


def resolve_phrase(head: Token, ctx: ArticleActors, violent: bool = False,
                   antecedent: Actor | None = None, premodifiers_only: bool = False) -> Resolution | None:
    """The actor that the noun phrase headed by `head` names, or None."""
    r = _resolve(head, ctx, violent, antecedent, premodifiers_only)
    if r is not None and r.how == "named" and any(c.dep_ == "cc" and c.lower_ in ("or", "and/or")
                                                   for c in head.children):
        # "JNIM or ISGS militants" parsed as two conjoined heads
        for c in head.children:
            other = _resolve(c, ctx, violent, None, False) if c.dep_ == "conj" else None
            if other is not None and other.how == "named" and other.actor.id != r.actor.id \
                    and r.actor.id and other.actor.id:
                both = named.either(ctx, r.actor.id, other.actor.id, violent, ctx.country(head.doc))
                r = Resolution(both, r.assoc, "named")
                break
    return named.covered(r, ctx, head.doc) if r is not None else None


# the groups a bare noun may take up ("the attackers", "the group")
ANAPHOR_KINDS = {"Rebel group", "Political militia", "Identity militia"}
DEFINITE = {"the", "these", "those", "this", "that", "both"}


def _resolve(head: Token, ctx: ArticleActors, violent: bool, antecedent: Actor | None,
             premodifiers_only: bool) -> Resolution | None:
    kb = ctx.kb
    noun = head.lower_
    if noun in QUANTITIES:
        # "dozens of fighters", "a group of BJP workers": the people counted
        for p in head.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for q in p.children:
                    r = _resolve(q, ctx, violent, antecedent, premodifiers_only) if q.dep_ == "pobj" else None
                    if r is not None:
                        return r  # else "members of the DMK": the members themselves
    toks = phrase_tokens(head, premodifiers_only)
    doc = head.doc
    lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    text = doc_text(doc)[lo:hi]
    by_start = {t.idx - lo: t for t in toks}
    country = ctx.country(doc)

    # 1. named groups, their descriptors and leaders ("HTS", "Kurdish-led forces", "al-Jolani")
    hits = named.hits(kb, ctx, text, by_start, head)
    assoc = [ctx.actor(a, violent) for a in hits.backers]
    # states named by demonym, name or capital.  "US-backed" makes the US an associate;
    # "a forum in Doha" names a place, not Qatar as an actor (but it says where
    # "protesters in Lebanon" are from)
    states, places = [], []
    sources = kb.find_sources(text)
    for s, e, iso, how in kb.find_states(text):
        if s not in by_start or text[max(0, s - 5):s].lower() == "anti-":
            continue
        t = by_start[s]
        suffix = _suffix(text, e)
        if suffix in BACKER_SUFFIXES:  # also inside a descriptor: "Turkish-backed rebels"
            assoc.append(ctx.actor(f"{iso}-military" if violent else f"{iso}-government"))
        elif any(ss <= s < se for ss, se, *_ in sources + hits.all):
            continue
        elif how != "demonym" and t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS:
            places.append(iso)
        elif noun in ACTIONS and lo + s > head.idx:
            continue  # "an attack on Syrian positions" is not Syria's attack
        else:
            states.append((s, e, iso, how, suffix in LEADER_SUFFIXES or _pro(text, s)))
    where = states[0][2] if states else (places[0] if places else country)
    if hits.principal:
        actor = named.principal_actor(hits, ctx, violent, where, country, text)
        return Resolution(actor, tuple(assoc + [ctx.actor(a, violent) for a in hits.partners]), "named")
    person = ctx.people.named(head) if ctx.people is not None and not states else None
    if person is not None:  # "Szijjártó said": the side the article introduced him with
        actor = ctx.actor(person.actor.id, violent) if person.actor.id else person.actor
        return Resolution(actor, tuple(assoc) + person.assoc, "person")
    if hits.pro:
        r = generic.pro_actor(hits.pro[0][2], noun, ctx, violent, assoc, country)
        if r:
            return r
    if any(s <= 1 for s, _, _ in sources) and not states:
        return None  # a news outlet or monitor is a source, not an actor
    nouns = {t.lower_ for t in toks if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")}
    # 2. a named unit of a state's forces ("Military Police", "gendarmerie", "CRPF")
    unit = _unit(kb, text, by_start, [x[2] for x in states] + [country], country)
    if unit:
        return Resolution(ctx.actor(unit), tuple(assoc), "unit")
    # 3. the people of a state named by their demonym alone ("Palestinians", "a Palestinian"),
    # or its forces ("the Russians"); a lone attacker and a lone victim read alike, so
    # the people stay civilians
    if states and by_start.get(states[0][0]) is head and states[0][3] == "demonym":
        iso = states[0][2]
        plural = head.tag_ in ("NNS", "NNPS") or noun.endswith("s")
        the = any(c.lower_ == "the" for c in head.children)
        if the and plural:
            return Resolution(ctx.actor(f"{iso}-{'military' if violent else 'government'}"), tuple(assoc), "demonym")
        return Resolution(ctx.actor(f"civilians-{iso}"), tuple(assoc), "demonym")
    # 4. "the attackers", "Militiamen killed ...": a bare armed noun after a named armed group
    # is that group again
    if antecedent is not None and antecedent.kind in ANAPHOR_KINDS and noun in ARMED_ANAPHORS and not states \
            and all(t is head or t.lower_ in ("the", "these", "those") for t in toks):
        return Resolution(antecedent, tuple(assoc), "anaphor")
    # "the group also overran the airport", "the three northern groups announced": the armed
    # group named before, else the one the report is about
    if noun in GROUP_ANAPHORS and not states and not places and _definite_bare(head, toks) \
            and not _other_organisation_before(head, ctx):
        group = antecedent if antecedent is not None and antecedent.kind in ANAPHOR_KINDS \
            else ctx.claimed(country)
        if group is not None:
            return Resolution(group, tuple(assoc), "anaphor")
    # 5. "the foreign minister said", "the ministry said": the person or body the article
    # introduced with that office
    if noun in TITLES | BODIES and not states and not places and ctx.people is not None and head.pos_ == "NOUN":
        held = ctx.people.office(head)
        if held is not None:
            return Resolution(held.actor, tuple(assoc) + held.assoc, "office")
    # 5b. "two fighter jets bombed the village": warplanes no state is named for are the air
    # force of the country the report is about (a "fighter" jet is no fighter)
    if noun in WARPLANES and not states and country and not hits.all:
        return Resolution(ctx.actor(f"{country}-military"), tuple(assoc), "aircraft")
    # 6. what the phrase describes: insurgents, armed men, an unknown militia, civilians
    own = states[0][2] if states else (places[0] if places else None)
    r = generic.describe(head, toks, nouns, ctx, violent, assoc, own, country, bool(states))
    if r is not None:
        return r
    if states and head.pos_ != "PROPN" and noun not in AGENTS | FORCE | POLICE | PROTEST | CIVIL | ACTIONS \
            | SECURITY and not any(x[4] for x in states):
        states = []  # "a weapons depot near the Lebanese border" names no actor
    if not states and places and noun in AGENTS and noun not in FORCE and not violent:
        # "officials in Kabul", "the embassy in Paris": those who speak for the state there
        return Resolution(ctx.actor(f"{places[0]}-government"), tuple(assoc), "capital")
    if states:
        # a premodifier ("Russian embassy in Damascus") outranks a place in a PP
        pre = [x for x in states if lo + x[0] < head.idx]
        s, e, iso, how, _ = (pre or states)[0]
        branch = _branch(noun, nouns, how, violent, head)
        actor = ctx.actor(f"{branch}-{iso}" if branch in ("civilians", "protesters", "rioters")
                          else f"{iso}-{branch}")
        others = [ctx.actor(f"{x[2]}-{branch}") for x in states[1:]
                  if x[2] != iso and branch in ("military", "government", "police")]
        return Resolution(actor, tuple(assoc + others), how)
    if noun in PRONOUNS:
        return Resolution(antecedent, tuple(assoc), "pronoun") if antecedent else None
    return generic.fallback(head, toks, nouns, ctx, violent, assoc, country)


def _definite_bare(head: Token, toks: list[Token]) -> bool:
    """'the group', 'the three northern groups', 'the Islamist movement': definite, and
    qualified by nothing that names or describes another group ("an activist group", "an
    unknown group", "the group's leader", "the Wagner group")."""
    if not any(t.lower_ in DEFINITE and t.head == head for t in toks):
        return False
    for t in toks:
        if t == head or (t.lower_ in DEFINITE and t.dep_ == "det") or t.like_num or t.dep_ == "nummod":
            continue
        if t.dep_ == "amod" and t.pos_ == "ADJ" and t.lower_ not in ARMED_MODIFIERS | UNKNOWN_MODIFIERS \
                | IDENTITY_CUES | ETHNIC:
            continue
        return False
    return True


def _other_organisation_before(head: Token, ctx: ArticleActors) -> bool:
    """Whether an organisation that is no armed group (a monitor, an aid agency, a rights
    group) is named in this sentence or the one before: "the group said" is then theirs."""
    doc = head.doc
    start = head.sent.start
    start = doc[start - 1].sent.start if start > 0 else start
    for ent in ents_between(doc, start, head.i):
        if ent.label_ != "ORG" or ent.root.i >= head.i:
            continue
        if ctx.kb.find_sources(ent.text):
            return True
        armed = [g for _, _, g in ctx.kb.find_groups(ent.text) if g in ctx.kb.groups
                 and ctx.kb.groups[g].kind in ANAPHOR_KINDS]
        if not armed and not ctx.kb.find_states(ent.text):
            return True
    return False


def _unit(kb: ActorKB, text: str, by_start: dict[int, Token], isos: Sequence[str | None],
          country: str | None) -> str | None:
    for s, _, options in kb.find_units(text):
        if s not in by_start:
            continue
        for iso in isos:
            for u_iso, unit in options:
                if u_iso == iso:
                    return _unit_id(kb, iso, unit)
        # "CRPF", "the Revolutionary Guards": a distinctive unit names its state anywhere
        anywhere = [(i, u) for i, u in options if (i, u) in kb.distinctive_units]
        if len({o[0] for o in anywhere}) == 1 or (country is None and len({o[0] for o in options}) == 1):
            iso, unit = (anywhere or options)[0]
            return _unit_id(kb, iso, unit)
    return None


def _unit_id(kb: ActorKB, iso: str, unit: str) -> str:
    branch = next(u.branch for u in kb.states[iso].units if u.name == unit)
    return f"{iso}-{branch}/{unit}"


def _branch(noun: str, nouns: set[str], how: str, violent: bool, head: Token) -> str:
    if noun in POLICE or "police" in nouns or (nouns & POLICE and noun in FORCE):
        return "police"
    if noun in FORCE | ACTIONS or (nouns & FORCE and noun not in REGIME | {"ministry", "minister"}) \
            or (nouns & SECURITY and noun in FORCE | {"services", "agencies"}):
        return "military"
    if noun in PROTEST:
        return "protesters"
    if noun in CIVIL:
        return "civilians"
    if how in ("country", "capital") and head.ent_type_ in ("GPE", "LOC", "ORG", "PERSON", "") \
            and violent:
        return "military"
    return "military" if violent and noun not in REGIME else "government"


def lead_armed_actor(text: str, kb: ActorKB, abbreviations: dict[str, str] | None = None) -> str | None:
    """The article's main non-state armed actor, the one "the rebels" and "the insurgents" mean.

    Rebel groups outrank militias; a group named as leading the fighters ("led by X",
    "X-led", "spearheaded by X") or early in the report counts more; first wins ties.
    Movements that ACLED codes as de facto state forces (the Houthis) count too.  Letters
    the article reads its own way (`abbreviations.py`) count as what it means by them.
    """
    score: dict[str, float] = {}
    first: dict[str, int] = {}
    early = len(text) // 3
    for s, e, gid in find_groups(kb, text, abbreviations or {}) + kb.find_leaders(text):
        g = kb.groups.get(gid)
        if g is None or g.kind == "External/Other forces":
            continue
        if _suffix(text, e) in BACKER_SUFFIXES or _pro(text, s) and g.kind != "State forces":
            continue
        w = 1.0 + (s < early)
        if re.search(r"(led|spearheaded|headed|dominated)\s+by\s+(the\s+)?(group\s+)?$", text[max(0, s - 40):s]) \
                or re.match(r"\S*-led\b|\s+(rebels|insurgents|fighters|militants|forces)", text[e:e + 15]):
            w += 3
        if g.kind == "Rebel group":
            w += 0.5
        score[gid] = score.get(gid, 0) + w
        first.setdefault(gid, s)
    if not score:
        return None
    return max(score, key=lambda g: (score[g], -first[g]))
