"""Groups and leaders a phrase names, and what each mention is to the phrase.

A name in a phrase is the actor itself ("HTS fighters"), a sponsor ("Turkish-backed",
"Hezbollah-backed": an associated actor), a partner ("the armed forces of Mozambique, together
with the Dyck Advisory Group": an associate too), the side "pro-X" fighters take, or the
enemy ("anti-Houthi forces": not the actor).  Two groups a report hesitates between
("JNIM or ISGS militants") become ACLED's "A and/or B"; a faction named after a group
("Raia Mutomboki-Lukoba") takes ACLED's faction name; and an actor that ACLED codes as
an operation (Saudi forces in Yemen: Operation Restoring Hope) is recoded at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Doc, Token

from ..models import Actor
from .abbreviations import find_groups
from .context import ArticleActors, Resolution
from .kb import ActorKB
from .vocab import BACKER_SUFFIXES, GROUP_CUES, GROUPISH, REBEL

__all__ = ["Hits", "hits", "principal_actor", "covered", "either"]

PARTNER_PREPS = {"with", "alongside", "including", "besides", "beside", "plus"}
Hit = tuple[int, int, str]


@dataclass
class Hits:
    """The named mentions of one phrase, sorted by what they are to it."""

    all: list[Hit] = field(default_factory=list)
    principal: list[Hit] = field(default_factory=list)
    backers: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    pro: list[Hit] = field(default_factory=list)
    head_start: int = 0


def _partner(t: Token, head: Token) -> bool:
    """Whether t hangs from the head through "with", "alongside", "including"."""
    for anc in [t, *t.ancestors]:
        if anc == head:
            return False
        if anc.dep_ == "prep" and anc.lower_ in PARTNER_PREPS:
            return True
    return False


def hits(kb: ActorKB, ctx: ArticleActors, text: str, by_start: dict[int, Token], head: Token) -> Hits:
    """The groups and leaders named in a phrase, each in its role."""
    # the article's own abbreviations ("the Somali National Army (SNA)"), and the scene's
    # reading of the knowledge base's, beat the knowledge base's reading of the same letters
    found = [x for x in find_groups(kb, text, ctx.abbreviations) if x[0] in by_start]
    found += [x for x in kb.find_leaders(text, ctx.published) if x[0] in by_start
              and not any(s <= x[0] < e for s, e, _ in found)]
    found.sort()
    lo = min(t.idx for t in by_start.values())
    out = Hits(all=found, head_start=head.idx - lo)
    for s, e, a in found:
        before = text[max(0, s - 5):s].lower()
        suffix = re.match(r"\s*-\s*([a-z]+)", text[e:e + 20])
        # "Al-Qaeda linked militants": a backer written without its hyphen
        spaced = re.match(r"\s+(linked|backed|affiliated|aligned|allied|sponsored)\b", text[e:e + 20])
        if before.endswith("anti-"):
            continue  # "anti-Houthi forces" fight the Houthis
        if suffix and suffix.group(1) in BACKER_SUFFIXES or spaced:
            out.backers.append(a)  # "Hezbollah-backed fighters", "US-backed SDF"
        elif _partner(by_start[s], head):
            out.partners.append(a)
        elif before.endswith("pro-"):
            out.pro.append((s, e, a))
        else:
            out.principal.append((s, e, a))
    return out


def _choose(h: Hits) -> list[Hit]:
    """The actor among several principal names: the one nearest the head ("a Mayi Mayi
    UPLC militia group" is the UPLC), or two a report hesitates between ("JNIM or ISGS")."""
    before = [x for x in h.principal if x[0] <= h.head_start]
    chosen = before[-1] if before else h.principal[0]
    # "a wing of the Mai-Mai militia Nyatura Kasongo": names in a row, the last the narrowest
    i = h.principal.index(chosen)
    while i + 1 < len(h.principal) and h.principal[i + 1][0] - h.principal[i][1] <= 10:
        i += 1
    return [h.principal[i]]


def principal_actor(h: Hits, ctx: ArticleActors, violent: bool, where: str | None,
                    country: str | None, text: str) -> Actor:
    """The Actor of the phrase's principal name, with ACLED's conventions applied."""
    kb = ctx.kb
    (s, e, gid), = _choose(h)
    for (s1, e1, a1), (s2, e2, a2) in pairwise(h.principal):
        if a1 != a2 and re.fullmatch(r"\s*(/|or|and/or)\s*", text[e1:s2]) and s <= e2 and s >= s1:
            return either(ctx, a1, a2, violent, _where(kb, a1, where, country))
    actor = ctx.actor(gid, violent, where=_where(kb, gid, where, country))
    g = kb.groups.get(gid)
    if g is not None and g.faction:
        x = _faction(text, e)
        if x:
            return Actor(name=g.faction.format(x=x), id=f"{gid}/{x}", kind=actor.kind, country=actor.country)
    return actor


COMMON = REBEL | GROUPISH | set(GROUP_CUES) | {"armed", "group", "militiamen", "militia"}


def _faction(text: str, end: int) -> str | None:
    """'Raia Mutomboki-Lukoba', 'Mayi Mayi Charles militiamen', 'Mayi Mayi (Charles faction)'."""
    m = re.match(r"-([A-Z][\w']+)", text[end:]) or \
        re.match(r"\s+(?:militia(?:men)?\s+)?\(([A-Z][\w']+) faction", text[end:]) or \
        re.match(r"\s+([A-Z][\w']+)(?=\s)", text[end:])
    if m and m.group(1).lower() not in COMMON:
        return m.group(1)
    return None


def either(ctx: ArticleActors, a1: str, a2: str, violent: bool, where: str | None) -> Actor:
    """ACLED's "A and/or B" for two groups a report hesitates between; a name that already
    holds the other ("Islamic State (West Africa) and/or Boko Haram") stands alone."""
    x, y = ctx.actor(a1, violent, where), ctx.actor(a2, violent, where)
    if y.name in x.name:
        return x
    if x.name in y.name:
        return y
    return ctx.actor(f"{a1}|{a2}", violent, where)


def _where(kb: ActorKB, gid: str, where: str | None, country: str | None) -> str | None:
    """Where a transnational group acts: the phrase's state, else the article's country."""
    g = kb.groups.get(gid)
    if g is None or not g.branches:
        return where
    return where if any(iso == where for iso, _ in g.branches) else country


def covered(r: Resolution, ctx: ArticleActors, doc: Doc) -> Resolution:
    """ACLED codes some actors as the operation they serve: Saudi forces in Yemen as
    Operation Restoring Hope, Turkish forces as Operation Peace Spring where a report
    names it; the actor the text named stays as an associate."""
    aid = r.actor.id
    if not aid:
        return r
    for gid, where in ctx.kb.covers.get(aid, ()):
        if where == ctx.country(doc) or (where == "named" and gid in ctx.groups_named(doc)):
            return Resolution(ctx.actor(gid), (r.actor, *r.assoc), r.how)
    return r
