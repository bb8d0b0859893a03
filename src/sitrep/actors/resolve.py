"""Choosing the actor a noun phrase names, in the context of its article.

`kb.py` finds candidates in text (aliases, leaders, demonyms, capitals); this module
decides which one a phrase stands for: a named group first, then a leader, then a
state (its military, police or government by the phrase's head noun), then the
descriptive nouns of conflict reporting ("insurgents", "the regime", "residents"),
which go to the article's lead armed actor or to ACLED's generic actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..models import Actor
from .kb import ActorKB

__all__ = ["ArticleActors", "Resolution", "resolve_phrase", "phrase_tokens", "lead_armed_actor"]

FORCE = {"army", "armies", "force", "forces", "troops", "troop", "military", "soldier", "soldiers",
         "aircraft", "jet", "jets", "warplane", "warplanes", "plane", "planes", "navy", "drone",
         "drones", "helicopter", "helicopters", "artillery", "tanks", "unit", "units", "brigade",
         "division", "battalion", "commandos", "marines", "paratroopers", "air", "airforce", "officers",
         "personnel", "advisers", "advisors", "garrison", "positions"}
POLICE = {"police", "policeman", "policemen", "gendarmerie", "gendarmes", "riot"}
CIVIL = {"national", "nationals", "citizen", "citizens", "civilian", "civilians", "people",
         "resident", "residents", "villager", "villagers", "local", "locals", "refugee", "refugees",
         "child", "children", "woman", "women", "family", "families", "farmer", "farmers",
         "worker", "workers", "student", "students", "thousands", "hundreds", "dozens", "population",
         "inhabitants", "man", "men", "boy", "girl", "shepherd", "displaced", "crowd", "crowds"}
PROTEST = {"protester", "protesters", "protestor", "protestors", "demonstrator", "demonstrators",
           "marchers", "activists"}
RIOT = {"rioter", "rioters", "mob", "mobs"}
REBEL = {"insurgent", "insurgents", "insurgency", "rebel", "rebels", "militant", "militants",
         "opposition", "jihadist", "jihadists", "islamist", "islamists", "fighters", "fighter",
         "extremists", "terrorists", "terrorist", "insurgent-led", "revolution", "revolutionaries",
         "factions", "faction", "mujahideen"}
ARMED_OTHER = {"gunmen", "gunman", "militia", "militias", "assailants", "attackers", "bandits",
               "unidentified", "armed"}
REGIME = {"regime", "government", "authorities", "administration", "junta", "state"}
# heads that a demonym turns into a state actor ("Lebanese officials"); "a Lebanese
# border crossing" or "Syrian territory" name things, not actors
AGENTS = {"government", "officials", "official", "ministry", "ministries", "minister", "ministers",
          "president", "embassy", "authorities", "administration", "leader", "leaders", "premier",
          "spokesman", "spokeswoman", "spokesperson", "diplomats", "diplomat", "regime", "cabinet",
          "parliament", "presidency", "counterpart", "counterparts", "envoy", "ambassador",
          "delegation", "sources", "side", "state", "king", "chief", "commander", "commanders",
          "general", "mission", "negotiators", "statement", "media", "agency", "junta", "command",
          "intelligence", "coalition", "alliance", "defence", "defense", "navy", "guard", "guards",
          "team", "representatives", "lawmakers", "mps", "judiciary", "court", "prosecutors"}
STATE_FORCE_GENERIC = {"army", "troops", "soldiers", "military", "forces"}  # "the army"
GROUPISH = {"group", "groups", "faction", "factions", "forces", "force", "fighters", "units", "men",
            "elements", "ranks", "coalition", "alliance", "brigades", "battalions", "cells"}
QUANTITIES = {"dozens", "hundreds", "thousands", "scores", "number", "handful",
              "some", "many", "several", "members", "millions", "tens", "most", "all", "one", "two"}
PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "him", "she", "her", "we", "our",
            "us", "i", "my", "itself", "themselves"}


@dataclass(frozen=True)
class Resolution:
    actor: Actor
    assoc: tuple[Actor, ...] = ()
    how: str = ""


@dataclass
class ArticleActors:
    """What the resolver knows of the article: its lead armed actor and focus country."""

    kb: ActorKB
    published: str | None = None
    focus: str | None = None  # ISO3 of the country the article is about
    lead_armed: str | None = None  # group id of its main non-state armed actor
    abbreviations: dict[str, str] = field(default_factory=dict)  # "(HTS)" -> group id


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


def _backed(text: str, start: int, end: int) -> bool:
    return bool(re.match(r"\s*-\s*(backed|supported|sponsored|aligned|allied)", text[end:end + 14]))


LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "into", "on", "over",
                  "throughout", "within"}


def resolve_phrase(head: Token, ctx: ArticleActors, violent: bool = False,
                   antecedent: Actor | None = None, premodifiers_only: bool = False) -> Resolution | None:
    """The actor that the noun phrase headed by `head` names, or None."""
    kb = ctx.kb
    toks = phrase_tokens(head, premodifiers_only)
    doc = head.doc
    lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    starts = {t.idx - lo for t in toks}
    text = doc.text[lo:hi]

    def in_phrase(s: int) -> bool:
        # a match counts only where it starts on a kept token (not in a dropped clause)
        return s in starts

    assoc: list[Actor] = []
    # 1. named groups, their descriptors and leaders ("HTS", "Kurdish-led forces", "al-Jolani")
    groups = [(s, e, gid) for s, e, gid in kb.find_groups(text) if in_phrase(s)]
    groups += [(s, e, gid) for s, e, gid in _abbrev_hits(text, ctx) if in_phrase(s)]
    leaders = [(s, e, aid) for s, e, aid in kb.find_leaders(text, ctx.published) if in_phrase(s)]
    sources = kb.find_sources(text)
    named = sorted(groups + leaders)
    principal = [(s, e, a) for s, e, a in named if not _backed(text, s, e)]
    backers = [(s, e, a) for s, e, a in named if _backed(text, s, e)]
    for _, _, a in backers:
        assoc.append(_actor(kb, a, violent))
    # states named by demonym, name or capital; "US-backed" makes the US an associate;
    # "a forum in Doha" names a place, not Qatar as an actor
    by_start = {t.idx - lo: t for t in toks}
    states = [(s, e, iso, how) for s, e, iso, how in kb.find_states(text)
              if in_phrase(s) and not any(ss <= s < se for ss, se, _ in sources + named)
              and not (how != "demonym" and by_start[s].dep_ == "pobj"
                       and by_start[s].head.lower_ in LOCATIVE_PREPS)]
    for s, e, iso, _ in states:
        if _backed(text, s, e):
            assoc.append(kb.actor(f"{iso}-military"))
    states = [x for x in states if not _backed(text, x[0], x[1])]

    noun = head.lower_
    if noun in QUANTITIES:
        # "dozens of fighters", "thousands of residents": the people counted
        for p in head.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for q in p.children:
                    if q.dep_ == "pobj":
                        return resolve_phrase(q, ctx, violent, antecedent, premodifiers_only)
    nouns = {t.lower_ for t in toks if t.pos_ in ("NOUN", "PROPN", "ADJ")}
    if principal:
        return Resolution(_actor(kb, principal[0][2], violent), tuple(assoc), "named")
    if any(s <= 1 for s, _, _ in sources) and not states:
        return None  # a news outlet or monitor is a source, not an actor
    if noun in REBEL | ARMED_OTHER | CIVIL | PROTEST | RIOT or (nouns & REBEL and noun in FORCE | GROUPISH):
        # "Syrian insurgents", "Lebanese civilians": the demonym only says whose
        iso = states[0][2] if states else None
        return _descriptive(noun, nouns, ctx, violent, assoc, iso)
    if states and head.pos_ != "PROPN" and noun not in AGENTS | FORCE | POLICE | PROTEST | CIVIL:
        states = []  # "a weapons depot near the Lebanese border" names no actor
    if states:
        # a premodifier ("Russian embassy in Damascus") outranks a place in a PP
        pre = [x for x in states if lo + x[0] < head.idx]
        s, e, iso, how = (pre or states)[0]
        branch = _branch(noun, nouns, how, violent, head)
        actor = kb.actor(f"{branch}-{iso}" if branch in ("civilians", "protesters", "rioters")
                         else f"{iso}-{branch}")
        others = [kb.actor(f"{iso2}-{branch}") for _, _, iso2, _ in states[1:]
                  if iso2 != iso and branch in ("military", "government", "police")]
        return Resolution(actor, tuple(assoc + others), how)
    if noun in PRONOUNS:
        return Resolution(antecedent, tuple(assoc), "pronoun") if antecedent else None
    return _descriptive(noun, nouns, ctx, violent, assoc)


def _abbrev_hits(text: str, ctx: ArticleActors) -> list[tuple[int, int, str]]:
    out = []
    for abbr, gid in ctx.abbreviations.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w])", text):
            out.append((m.start(), m.end(), gid))
    return out


def _actor(kb: ActorKB, actor_id: str, violent: bool) -> Actor:
    if actor_id.startswith("state:"):
        actor_id = f"{actor_id[6:]}-{'military' if violent else 'government'}"
    if violent and actor_id.endswith("-government"):
        actor_id = actor_id.replace("-government", "-military")
    return kb.actor(actor_id)


def _branch(noun: str, nouns: set[str], how: str, violent: bool, head: Token) -> str:
    if noun in POLICE or "police" in nouns:
        return "police"
    if noun in FORCE or (nouns & FORCE and noun not in REGIME | {"ministry", "minister"}):
        return "military"
    if noun in PROTEST:
        return "protesters"
    if noun in CIVIL:
        return "civilians"
    if how in ("country", "capital") and head.ent_type_ in ("GPE", "LOC", "ORG", "PERSON", "") \
            and violent:
        return "military"
    return "military" if violent and noun not in REGIME else "government"


def _descriptive(noun: str, nouns: set[str], ctx: ArticleActors, violent: bool,
                 assoc: list[Actor], iso: str | None = None) -> Resolution | None:
    kb = ctx.kb
    focus = iso or ctx.focus
    lead = kb.groups.get(ctx.lead_armed or "")
    local = bool(nouns & {"local", "other", "rival", "unidentified", "unknown", "different"})
    if noun in REBEL or (nouns & REBEL and noun in FORCE | GROUPISH):
        if lead and not local and (iso is None or lead.country in (iso, None)):
            return Resolution(kb.actor(ctx.lead_armed), tuple(assoc), "lead")
        return Resolution(kb.actor(f"rebels-{focus or ''}".rstrip("-")), tuple(assoc), "generic")
    if noun in ARMED_OTHER:
        return Resolution(kb.actor(f"unidentified-{focus or ''}".rstrip("-")), tuple(assoc), "generic")
    if focus and (noun in REGIME or (noun in STATE_FORCE_GENERIC)):
        branch = "military" if (violent or noun in STATE_FORCE_GENERIC) else "government"
        return Resolution(kb.actor(f"{focus}-{branch}"), tuple(assoc), "focus")
    for words, kind in ((PROTEST, "protesters"), (RIOT, "rioters"), (CIVIL, "civilians")):
        if noun in words:
            return Resolution(kb.actor(f"{kind}-{focus or ''}".rstrip("-")), tuple(assoc), "generic")
    return None


def lead_armed_actor(text: str, kb: ActorKB) -> str | None:
    """The article's main non-state armed actor, the one "the rebels" and "the insurgents" mean.

    Rebel groups outrank militias; a group named as leading the fighters ("led by X",
    "X-led", "spearheaded by X") or early in the report counts more; first wins ties.
    """
    score: dict[str, float] = {}
    first: dict[str, int] = {}
    early = len(text) // 3
    for s, e, gid in kb.find_groups(text) + kb.find_leaders(text):
        g = kb.groups.get(gid)
        if g is None or g.kind not in ("Rebel group", "Political militia", "Identity militia"):
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
