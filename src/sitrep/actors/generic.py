"""Actors named by description rather than by name.

ACLED's conventions for phrases that name no known group:
- "insurgents", "rebel fighters", "militants": the article's lead armed actor, else the
  group a country's insurgency means (Al Shabaab in Somalia), else an unidentified
  armed group of the country;
- "armed men", "gunmen", "unknown assailants": Unidentified Armed Group (Country), a
  political militia; "gang members", "hitmen": Unidentified Gang (Country);
- "Fulani militia", "Bul Nuer youths": "<X> Ethnic Militia (Country)"; clans, tribes and
  villages likewise ("Habar Gedir Clan Militia (Somalia)", "Idleb Communal Militia");
- "the little-known Saraya Awliya al-Dam militia": a group the knowledge base does not
  know keeps its name as written, with the type its noun implies;
- "police", "the army", "the regime", "security forces": the state forces of the
  article's country; "residents", "protesters", "doctors": its civilians or crowds, with
  the occupations ACLED records beside them ("Health Workers (Lebanon)").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..models import Actor
from ..nlp.views import doc_text
from .context import ArticleActors, Resolution
from .conventions import gang_marks
from .vocab import (
    AGENTS,
    ARMED_MODIFIERS,
    ARMED_OTHER,
    CIVIL,
    CLANS,
    ETHNIC,
    FORCE,
    GANG,
    GROUP_CUES,
    GROUPISH,
    HERDERS,
    IDENTITY_CUES,
    INDIGENOUS,
    OCCUPATIONS,
    POLICE,
    PROTEST,
    REBEL,
    REGIME,
    RIOT,
    SECURITY,
    STATE_FORCE_GENERIC,
    UNKNOWN_MODIFIERS,
)

__all__ = ["describe", "fallback", "pro_actor", "occupation_assoc"]

# heads that an ethnic, clan or village name turns into an identity militia ("Fulani
# gunmen"); "Kachin fighters" and "Tigrayan forces" are more often a rebel army
IDENTITY_HEADS = {"militia", "militias", "militiamen", "militiaman", "gunmen", "youths", "youth", "men", "mobs",
                  "attackers", "assailants", "groups", "group", "raiders", "vigilantes", "tribesmen",
                  "clansmen", "members", "herdsmen", "herders", "pastoralists", "families", "family", "clans",
                  "sub-clans", "tribes"}
MILITIA_HEADS = {"militia", "militias", "militiamen", "militiaman", "fighters", "gunmen", "youths", "youth",
                 "men", "attackers", "assailants", "groups", "group", "raiders", "vigilantes",
                 "tribesmen", "clansmen", "forces", "elements", "members", "herdsmen", "herders"}
# people doing violence, when the phrase is its agent: ACLED records an unidentified armed group
LONE = {"man", "men", "individual", "individuals", "person", "persons", "suspect", "suspects"}
FORMER = {"retired", "former", "ex", "ex-", "veteran", "demobilized", "demobilised", "discharged"}
CONNECTORS = {"al", "el", "ul", "bin", "ibn", "abu", "de", "del", "la", "los", "las", "-", "'", "’",
              "of", "and", "ad", "ash", "as", "an", "ar", "at", "az", "wal", "wa", "e", "i"}
# words of the trade that a capital letter does not make a name ("Rebel fighters ...")
COMMON = (REBEL | ARMED_OTHER | CIVIL | PROTEST | RIOT | FORCE | POLICE | REGIME | GROUPISH | SECURITY
          | ARMED_MODIFIERS | UNKNOWN_MODIFIERS | {"government", "pro-government", "opposition", "state",
                                                   "islamic", "islamist", "jihadist", "suspected", "several"})
INSTITUTIONS = {"ministry", "university", "hospital", "company", "bank", "school", "corporation",
                "agency", "office", "department", "party", "union", "association", "committee", "church",
                "mosque", "foundation", "club", "network", "television", "radio", "news", "press"}
NAME_ENTS = {"ORG", "NORP", "PERSON", "GPE", "FAC", "LOC", "EVENT", "WORK_OF_ART", "PRODUCT"}


# guards that are a state's own ("border security guards", "presidential guards")
STATE_GUARDS = {"border", "prison", "national", "presidential", "republican", "coast", "frontier", "state"}


def _res(actor: Actor, assoc: list[Actor], how: str) -> Resolution:
    return Resolution(actor, tuple(assoc), how)


def _proper_run(head: Token, toks: list[Token]) -> list[Token]:
    """The proper-noun modifiers just before `head` ("Saraya Awliya al-Dam" in "the
    Saraya Awliya al-Dam militia"), or the name `head` itself ends ("Ahl al-Kahf Brigade")."""
    kept = {t.i for t in toks}
    doc = head.doc
    run: list[Token] = []
    i = head.i - 1
    while i >= 0 and i in kept:
        t = doc[i]
        if t.lower_ in IDENTITY_CUES and not run:
            i -= 1  # "the Habar Gedir clan militia": the cue sits between name and head
            continue
        if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("pro", "anti"):
            break  # "the pro-Hadi X militia": Hadi is the side, not the name
        proper = (t.pos_ == "PROPN" or t.ent_type_ in NAME_ENTS or t.lower_ in ETHNIC | CLANS) \
            and t.text[:1].isupper() and t.lower_ not in COMMON and t.ent_type_ not in ("DATE", "TIME")
        if proper or (t.lower_ in CONNECTORS and run):
            run.insert(0, t)
            i -= 1
            continue
        break
    while run and run[0].lower_ in CONNECTORS and not run[0].text[:1].isupper():
        run.pop(0)  # "... al-Dam": a lower-case particle cannot open a name ("Al Hayash" can)
    while run and run[-1].lower_ in IDENTITY_CUES | CONNECTORS:
        run.pop()
    return run


def _communities(run: list[Token]) -> list[list[Token]]:
    """'Tiv and Ichen': one run naming two communities."""
    out: list[list[Token]] = [[]]
    for t in run:
        if t.lower_ in ("and", "&", ","):
            out.append([])
        else:
            out[-1].append(t)
    return [r for r in out if r]


def _agent(head: Token) -> bool:
    """Whether the phrase does the verb's action: its subject, or "by" the phrase in a passive."""
    if head.dep_ == "nsubj":
        return head.head.lemma_.lower() not in SUFFERED  # "one man died" is the victim
    return head.dep_ == "pobj" and head.head.dep_ == "agent"


# intransitive verbs whose subject is what befell, not who acted
SUFFERED = {"die", "perish", "succumb", "drown", "suffer", "sustain", "survive", "disappear", "go"}


def _place(t: Token) -> bool:
    """Whether the toponym stage read the token as a place (when it has run)."""
    return Token.has_extension("sitrep_place") and bool(t._.sitrep_place)


def _around(head: Token) -> str:
    """The sentence of a phrase and a little of what follows ("... by two gunmen. The man
    had served a sentence for robbery.")."""
    sent = head.sent
    return doc_text(head.doc)[sent.start_char:sent.end_char + 200]


def _label(run: list[Token]) -> str:
    doc = run[0].doc
    return doc_text(doc)[run[0].idx:run[-1].idx + len(run[-1].text)]


def occupation_assoc(ctx: ArticleActors, nouns: set[str], iso: str | None) -> list[Actor]:
    """'doctors', 'taxi drivers': the groups ACLED records beside the crowd."""
    label = ctx.kb.country_label(iso)
    out = []
    for name, words in OCCUPATIONS.items():
        if nouns & words:
            full = f"{name} ({label})" if label else name
            out.append(Actor(name=full, id=None, kind="Civilians", country=iso))
    return out[:1]


def _generic(ctx: ArticleActors, prefix: str, iso: str | None, label: str | None = None) -> Actor:
    key = f"{prefix}:{label}" if label else prefix
    return ctx.kb.actor(f"{key}-{iso}" if iso else key, on=ctx.published)


def _from_run(head: Token) -> list[Token]:
    """'militias from Umumubu and Omor': the communities a militia is said to come from."""
    for p in head.children:
        if p.dep_ == "prep" and p.lower_ == "from":
            for q in p.children:
                if q.dep_ == "pobj" and q.text[:1].isupper():
                    out = [q, *[c for c in q.conjuncts]]
                    return sorted({*out, *[c for c in q.children if c.dep_ == "cc"]}, key=lambda t: t.i)
    return []


# the groups a militia may be said to come from ("gunmen from the Reer Dalmar and Hawiye Gaal sub-clans")
COMMUNITY_NOUNS = {"clan": "clan", "clans": "clan", "sub-clan": "clan", "sub-clans": "clan", "tribe": "tribal",
                   "tribes": "tribal", "community": "communal", "communities": "communal", "families": "clan",
                   "family": "clan"}


def shared_community(name: Token, noun: Token, ctx: ArticleActors, iso: str | None) -> Actor | None:
    """'a feud between the Al Rashidi and Al Mounir families': a name coordinated with a
    community noun that belongs to both ("Al Rashidi Clan Militia")."""
    kind = COMMUNITY_NOUNS.get(noun.lower_)
    run = [t for t in name.subtree if t.text[:1].isupper() and t.lower_ != "the" and t.i <= name.i]
    if kind is None or not run or name.pos_ != "PROPN":
        return None
    if kind == "clan":
        return _clan(ctx, _label(run), iso)
    return _generic(ctx, f"{kind}-of", iso, _label(run))


def _from_community(head: Token, ctx: ArticleActors, iso: str | None) -> Actor | None:
    """'militias from the Reer Dalmar and Ugaas Nuur clans': the first community named, as ACLED
    names its militia ("Reer Dalmar Clan Militia (Somalia)")."""
    for p in head.children:
        if p.dep_ != "prep" or p.lower_ != "from":
            continue
        for q in p.children:
            kind = COMMUNITY_NOUNS.get(q.lower_) if q.dep_ == "pobj" else None
            if kind is None:
                continue
            names = [t for t in q.subtree if t.i < q.i and t.text[:1].isupper() and t.lower_ != "the"]
            first: list[Token] = []
            for t in names:  # "the Reer Dalmar and Ugaas Nuur": the first name's words
                if first and t.i != first[-1].i + 1:
                    break
                first.append(t)
            if kind == "clan" and first:
                return _clan(ctx, _label(first), iso, "Sub-Clan Militia" if "sub" in q.lower_ or any(
                    t.lower_ == "sub" for t in q.subtree) else "Clan Militia")
            return _generic(ctx, f"{kind}-of", iso, _label(first)) if first and kind != "clan" \
                else _generic(ctx, kind, iso)
    return None


def _clan(ctx: ArticleActors, label: str, iso: str | None, kind: str = "Clan Militia") -> Actor:
    country = ctx.kb.country_label(iso)
    name = f"{label} {kind}" + (f" ({country})" if country else "")
    return Actor(name=name, id=f"clan-of:{label}-{iso or ''}".rstrip("-"), kind="Identity militia", country=iso)


def _identity(head: Token, toks: list[Token], nouns: set[str], ctx: ArticleActors, iso: str | None,
              violent: bool) -> tuple[Actor, list[Actor]] | None:
    """Ethnic, clan, tribal and communal militias named by their community; a second
    community named with the first ("Tiv and Ichen militias") comes back as an associate."""
    run = _proper_run(head, toks)
    if not run and head.lower_ in {"militia", "militias", "militiamen", "youths"}:
        community = _from_community(head, ctx, iso)
        if community is not None:
            return community, []
        place = _from_run(head)
        if place and not ctx.kb.find_states(" ".join(t.text for t in place)):
            labels = [t.text for t in place if t.dep_ != "cc"]
            actors = [_generic(ctx, "communal-of", iso, x) for x in labels]
            return actors[0], actors[1:]
    runs = _communities(run)
    if not runs:
        one = _identity_one(head, [], nouns, ctx, iso, violent)
        return (one, []) if one else None
    found = [a for a in (_identity_one(head, r, nouns, ctx, iso, violent) for r in runs) if a]
    return (found[0], found[1:]) if found else None


def _identity_one(head: Token, run: list[Token], nouns: set[str], ctx: ArticleActors, iso: str | None,
                  violent: bool) -> Actor | None:
    noun = head.lower_
    words = {t.lower_ for t in run}
    if run and words & INDIGENOUS and noun in IDENTITY_HEADS | {"militants", "fighters", "comuneros",
                                                                 "community", "communities", "activists"}:
        return _generic(ctx, "indigenous", iso, _label(run))
    if noun not in IDENTITY_HEADS:
        return None
    toks = list(head.subtree)
    text = " ".join(t.lower_ for t in toks)
    if run and "sub-clan" in text or (run and words & CLANS) or (run and "clan" in nouns):
        return _clan(ctx, _label(run), iso, "Sub-Clan Militia" if "sub-clan" in text else "Clan Militia")
    if run and (words & ETHNIC or "ethnic" in nouns) and not words & INDIGENOUS:
        return _generic(ctx, "ethnic", iso, _label(run))
    if run and ("tribal" in nouns or noun == "tribesmen"):
        return _generic(ctx, "tribal-of", iso, _label(run))
    if run and ("communal" in nouns or all(_place(t) for t in run if t.text[:1].isupper())) \
            and noun in {"militia", "militias", "militiamen", "youths", "vigilantes"}:
        return _generic(ctx, "communal-of", iso, _label(run))
    if "clan" in nouns or noun == "clansmen":
        return _generic(ctx, "clan", iso)
    if "tribal" in nouns or noun == "tribesmen":
        return _generic(ctx, "tribal", iso)
    if "communal" in nouns or "ethnic" in nouns:
        return _generic(ctx, "communal", iso)
    if violent and noun in HERDERS and iso == "NGA":
        return _generic(ctx, "ethnic", iso, "Fulani")  # ACLED's reading of Nigeria's herder attacks
    mods = {t.lower_ for t in toks if t.i < head.i}
    if violent and noun in HERDERS and mods & ARMED_MODIFIERS:
        return _generic(ctx, "communal", iso)  # "armed pastoralists": a community's armed men
    if noun in ("families", "family") and run:
        return _clan(ctx, _label(run), iso)  # "a shootout between the Al Rashidi and Al Mounir families"
    if noun in ("families", "family") and mods & ({"rival", "feuding"} | ARMED_MODIFIERS):
        return _generic(ctx, "clan", iso)  # "two armed families clashed": a family feud is a clan's
    if noun in {"militia", "militias", "militiamen"} and mods & {"local", "village", "community"}:
        return _generic(ctx, "communal", iso)  # "local militiamen attacked a settlement"
    return None


def _unknown_group(head: Token, toks: list[Token], nouns: set[str], ctx: ArticleActors, iso: str | None) -> Actor | None:
    """A named group the knowledge base does not know, kept as the text names it."""
    noun = head.lower_
    run = _proper_run(head, toks)
    if run and all(t.ent_type_ == "NORP" or t.pos_ == "ADJ" for t in run):
        return None  # "Islamic militants", "Shia militias": a description, not a name
    if run and head.text[:1].isupper() and noun in GROUP_CUES and (head.pos_ == "PROPN" or head.ent_type_ == "ORG"):
        run = run + [head]  # "the Ahl al-Kahf Brigade": the cue is part of the name
    elif noun not in GROUP_CUES and noun not in MILITIA_HEADS:
        return None
    if not run or all(_place(t) for t in run if t.text[:1].isupper()):
        return None
    kb = ctx.kb
    label = _label(run)
    if kb.find_states(label) or kb.find_sources(label):
        return None  # "Syrian Army forces": a state's forces; "Reuters" reports
    if any(t.ent_type_ == "PERSON" for t in run) and noun in {"militia", "militias", "militiamen", "forces",
                                                               "fighters", "men", "loyalists"}:
        return Actor(name=f"Militia ({label})", id=f"new:{_slug(label)}", kind="Political militia",
                     country=iso)
    kind = GROUP_CUES.get(noun, "Political militia")
    if run[-1] is not head and noun in ("gang", "gangs", "cartel", "cartels"):
        label += " Cartel" if noun.startswith("cartel") else " Gang"  # ACLED: "Los Viagras Gang"
    return Actor(name=label, id=f"new:{_slug(label)}", kind=kind, country=iso)


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def describe(head: Token, toks: list[Token], nouns: set[str], ctx: ArticleActors, violent: bool, assoc: list[Actor],
             iso: str | None, country: str | None, has_state: bool):
    """What a descriptive phrase names, or None to let the caller try a state."""
    kb = ctx.kb
    noun = head.lower_
    where = iso or country
    mods = {t.lower_ for t in toks if t.i < head.i}
    unknown = bool(mods & {"unknown", "unidentified", "anonymous", "unnamed"})
    if not has_state or noun in MILITIA_HEADS:
        found = _identity(head, toks, nouns, ctx, where, violent)
        if found:
            return _res(found[0], assoc + found[1], "identity")
        actor = None if unknown else _unknown_group(head, toks, nouns, ctx, where)
        if actor is not None:
            return _res(actor, assoc, "unknown")
    if noun in ("guard", "guards") and mods & {"security", "private"} and not mods & STATE_GUARDS:
        return _res(_generic(ctx, "private", where), assoc, "generic")  # "a private security guard"
    armed = noun in ARMED_OTHER or bool(mods & ARMED_MODIFIERS) and noun in CIVIL | {"group", "groups", "elements"} \
        or violent and noun in LONE and _agent(head)  # "four individuals opened fire", "killed by two men"
    if noun in FORCE | POLICE and mods & FORMER:
        # "retired soldiers gathered": veterans are civilians now
        return _res(_generic(ctx, "civilians", where), assoc, "generic")
    if (noun in GANG or nouns & GANG) and (armed or noun in GANG or noun in CIVIL | GROUPISH):
        return _res(_generic(ctx, "gang", where), assoc, "generic")
    if armed or (unknown and noun in REBEL | GROUPISH):
        if noun in ("vigilantes", "vigilante"):
            return _res(_generic(ctx, "vigilante", where), assoc, "generic")
        if kb.gangland(where) and gang_marks(_around(head)):
            return _res(_generic(ctx, "gang", where), assoc, "generic")  # "armed men on a motorcycle"
        return _res(_generic(ctx, "armed", where), assoc, "generic")
    if noun in REBEL or (nouns & REBEL and noun in FORCE | GROUPISH):
        lead = kb.groups.get(ctx.lead_armed or "")
        local = bool(mods & (UNKNOWN_MODIFIERS - {"suspected", "alleged", "presumed"}))
        if lead and ctx.lead_armed and not local and (iso is None or lead.country in (iso, None)):
            return _res(ctx.actor(ctx.lead_armed, violent), assoc, "lead")
        default = kb.insurgents(where, ctx.published)
        if default and not local:
            return _res(ctx.actor(default, violent), assoc, "insurgents")
        if nouns & {"islamist", "islamic", "jihadist", "jihadists", "islamists"}:
            return _res(_generic(ctx, "islamist", where), assoc, "generic")
        return _res(_generic(ctx, "rebels", where), assoc, "generic")
    for words, kind in ((PROTEST, "protesters"), (RIOT, "rioters"), (CIVIL, "civilians")):
        if noun in words:
            return _res(_generic(ctx, kind, where), assoc + occupation_assoc(ctx, nouns, where),
                               "generic")
    if has_state:
        return None
    return _state_generic(noun, nouns, ctx, violent, assoc, country)


def _state_generic(noun: str, nouns: set[str], ctx: ArticleActors, violent: bool, assoc: list[Actor], country: str | None):
    """'the police', 'the army', 'security forces', 'the regime': the article's country's."""
    if not country:
        return None
    if noun in POLICE or (nouns & POLICE and noun in FORCE | {"officers", "personnel", "agents"}) \
            or noun == "officers" and not nouns & {"army", "military", "intelligence"}:
        return _res(ctx.actor(f"{country}-police"), assoc, "focus")
    if noun in STATE_FORCE_GENERIC or (nouns & SECURITY and noun in FORCE | {"services", "agencies"}) \
            or (noun in FORCE and nouns & (REGIME | {"government", "state", "federal"})) \
            or (noun in GROUPISH and nouns & STATE_FORCE_GENERIC - {"forces"}):  # "army units"
        return _res(ctx.actor(f"{country}-military"), assoc, "focus")
    if noun in REGIME:
        return _res(ctx.actor(f"{country}-{'military' if violent else 'government'}"), assoc, "focus")
    return None


def fallback(head: Token, toks: list[Token], nouns: set[str], ctx: ArticleActors, violent: bool, assoc: list[Actor],
             country: str | None):
    """Last resort: an organisation the NER found and the knowledge base lacks, as the
    agent of violence, keeps its name ("Jund al-Khilafa attacked ...")."""
    if not violent or head.ent_type_ != "ORG" or head.pos_ != "PROPN":
        return _state_generic(head.lower_, nouns, ctx, violent, assoc, country)
    doc = head.doc
    start, end = head.i, head.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    span = doc[start:end]
    words = {t.lower_ for t in span}
    if ctx.kb.find_states(span.text) or ctx.kb.find_sources(span.text) or span[0].ent_id_ \
            or words & (AGENTS | FORCE | POLICE | REGIME | INSTITUTIONS) or any(t._.sitrep_place for t in span):
        return None  # a ministry, a company, a hospital, a town the tagger took for one: not an armed group
    label = span.text[4:] if span.text.lower().startswith("the ") else span.text
    return _res(Actor(name=label, id=f"new:{_slug(label)}", kind="Political militia", country=country),
                       assoc, "unknown")


def pro_actor(actor_id: str, noun: str, ctx: ArticleActors, violent: bool, assoc: list[Actor], country: str | None):
    """'pro-Houthi forces' are the Houthis; 'pro-Hadi forces' and 'the pro-Hadi tribal
    militia' fight for Yemen's government, and ACLED codes them as its military."""
    state = actor_id.startswith("state:") or actor_id[:3] in ctx.kb.states and actor_id[3:4] == "-"
    if not state:
        return _res(ctx.actor(actor_id, violent), assoc, "named")
    iso = actor_id[6:9] if actor_id.startswith("state:") else actor_id[:3]
    return _res(ctx.actor(f"{iso}-military"), assoc, "named")
