"""The one place where a parsed article becomes Event and PlaceMention objects.

Order of work: toponyms (with the article's focus country) -> actor context (lead armed
actor, abbreviations) -> triggers per sentence -> arguments, date, modality, attribution,
type -> article-level passes (an unattributed air strike takes the air force named for
the strikes beside it; an event told twice is kept once; background is dropped).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Token

from .actors.kb import ActorKB
from .actors.resolve import ArticleActors, lead_armed_actor
from .events.coding import code_event
from .events.dates import BACKGROUND_DAYS
from .events.detect import VERBAL, Trigger, find_triggers
from .events.lexicon import Lexicon
from .events.location import LocationFinder
from .events.modality import attribution_of, modality_of, speaker_heads
from .events.roles import actors_for, date_for, resolve
from .models import Actor, Article, Event, Location, PlaceMention
from .places.gazetteer import Gazetteer
from .places.resolve import find_toponyms

__all__ = ["Resources", "extract_article"]

VIOLENT = {"air_attack", "shelling", "explosive", "attack", "kill", "clash", "takeover", "advance",
           "lose_control", "withdraw", "destroy", "deploy"}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12,
                 "dozens": 12, "dozens of": 12, "hundreds": 100, "hundreds of": 100, "scores": 20}


@dataclass
class Resources:
    """Heavy objects built once per process and shared by every article."""

    nlp: Language
    gazetteer: Gazetteer
    kb: ActorKB
    lexicon: Lexicon


if not Token.has_extension("sitrep_place"):
    Token.set_extension("sitrep_place", default=False)


def _abbreviations(text: str, kb: ActorKB) -> dict[str, str]:
    """'Hayat Tahrir al-Sham (HTS)': an abbreviation the article introduces for a group."""
    out = {}
    for m in re.finditer(r"([A-Z][\w'’-]*(?:\s+[\w'’-]+){0,6})\s+\(([A-Z][A-Za-z]{1,7})\)", text):
        hits = kb.find_groups(m.group(1))
        if hits:
            out[m.group(2)] = hits[-1][2]
    return out


def _fatalities(sent_text: str) -> int | None:
    low = sent_text.lower()
    if not re.search(r"\bkill|\bdead\b|\bdied\b|\bdeaths?\b|\bfatalit", low):
        return None
    num = r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens|hundreds|scores)"
    pats = [rf"(?:at least|some|about|around|more than|over)?\s*{num}\s+(?:\w+\s+){{0,3}}(?:were|was|have been|had been)?\s*(?:killed|dead|died)",
            rf"kill(?:ed|ing)\s+(?:at least|some|about|around|more than|over)?\s*{num}",
            rf"death toll\s+(?:\w+\s+){{0,3}}{num}", rf"{num}\s+(?:\w+\s+){{0,2}}deaths"]
    for p in pats:
        m = re.search(p, low)
        if m:
            v = m.group(1).replace(",", "")
            return int(v) if v.isdigit() else _NUMBER_WORDS.get(v)
    return None


def _event_id(article_id: str, start: int, trig: int, label: str) -> str:
    return hashlib.sha1(f"{article_id}|{start}|{trig}|{label}".encode()).hexdigest()[:16]


def _notes(ev_date: str | None, cls_word: str, a1: Actor | None, a2: Actor | None,
           loc: Location | None, modality: str, attribution: list[str]) -> str:
    who = a1.name if a1 else "Unidentified actors"
    what = cls_word
    where = ""
    if loc:
        pre = {1: "in", 2: "near", 3: "in"}.get(loc.precision, "in")
        where = f" {pre} {loc.name}" + (f" ({loc.admin1}, {loc.country})" if loc.admin1 and loc.country
                                        else f" ({loc.country})" if loc.country and loc.country != loc.name else "")
    target = f" against {a2.name}" if a2 else ""
    when = f"On {ev_date}, " if ev_date else ""
    src = f" According to {', '.join(attribution)}." if attribution else ""
    mod = "" if modality in ("asserted", "reported") else f" [{modality}]"
    return f"{when}{who}: {what}{target}{where}.{mod}{src}"


def _actor_kind_in(a: Actor | None, loc_iso3: str | None) -> Actor | None:
    """ACLED codes a state's forces outside its own country as External/Other forces."""
    if a and a.kind == "State forces" and loc_iso3 and a.country and a.country != loc_iso3:
        return replace(a, kind="External/Other forces")
    return a


def extract_article(article: Article, res: Resources, doc: Doc | None = None) -> tuple[list[Event], list[PlaceMention]]:
    """Events and place mentions of one article."""
    kb, gaz = res.kb, res.gazetteer
    doc = doc if doc is not None else res.nlp(article.text)
    actor_ids = set(kb.groups) | {"source"} | {f"{s}-government" for s in kb.states}
    toponyms, focus2 = find_toponyms(doc, gaz, actor_ids, set(kb.capitals), set(kb.demonyms))
    for tp in toponyms:
        for tok in tp.span:
            tok._.sitrep_place = True
    focus3 = kb.iso2_to_3.get(focus2 or "")
    ctx = ArticleActors(kb=kb, published=article.published, focus=focus3,
                        lead_armed=lead_armed_actor(article.text, kb),
                        abbreviations=_abbreviations(article.text, kb))
    iso3_to_2 = {v: k for k, v in kb.iso2_to_3.items()}
    names2 = {iso3_to_2[s.iso3]: s.name for s in kb.states.values() if s.iso3 in iso3_to_2}

    def demonym_country(text: str) -> list[str]:
        return [iso3_to_2.get(iso, "") for _, _, iso, how in kb.find_states(text) if how == "demonym"]

    finder = LocationFinder(toponyms, gaz, names2, focus2, demonym_country)
    sources = {s.lower() for s in kb.sources}
    events: list[tuple[tuple, Event, str]] = []
    named_sources: list[str] = []
    previous_loc: Location | None = None
    previous_para = -1
    ante: Actor | None = None
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        para = article.text.count("\n", 0, sent.start_char)
        if para != previous_para:
            previous_loc, previous_para = None, para
        text = sent.text.rstrip()
        span = (sent.start_char, sent.start_char + len(text))
        for tr in find_triggers(sent, res.lexicon):
            ev = _build(tr, sent, text, span, article, ctx, finder, sources, previous_loc, ante, res,
                        named_sources)
            if ev is None:
                continue
            if ev.location and ev.location.precision < 3:
                previous_loc = ev.location
            if ev.actor1:
                ante = ev.actor1
            depth = len(list(tr.token.ancestors))
            events.append(((span[0], depth, tr.token.i), ev, tr.cls))
    return _article_passes(events, article), [t.mention(article.id) for t in toponyms]


GENERIC_SOURCES = {"monitor", "war monitor", "the monitor", "observatory", "agency", "news agency",
                   "the agency", "group", "watchdog", "rights group"}


def _back_reference(names: list[str], named: list[str]) -> list[str]:
    """'the monitor said': the monitor the article named before."""
    return [named[-1] if n.lower() in GENERIC_SOURCES and named else n for n in names]


def _build(tr: Trigger, sent, text: str, span: tuple[int, int], article: Article, ctx: ArticleActors,
           finder: LocationFinder, sources: set[str], previous_loc: Location | None,
           ante: Actor | None, res: Resources, named_sources: list[str]) -> Event | None:
    t = tr.token
    violent = tr.cls in VIOLENT
    roles = actors_for(t, tr.cls, tr.noun, ctx, violent, ante)
    a1 = roles.actor1.actor if roles.actor1 else None
    if tr.cls == "advance" and (a1 is None or a1.kind in ("Civilians", "Protesters") or
                                any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in t.children)):
        return None  # "Assad arrived in Moscow" is travel, not an advance
    a2 = roles.actor2.actor if roles.actor2 else None
    assoc = list(roles.actor1.assoc) if roles.actor1 else []
    if tr.cls == "disperse":
        a1, a2 = a2 or ctx.kb.actor(f"protesters-{ctx.focus or ''}".rstrip("-")), a1
    if tr.cls in ("consult", "talks", "agree") and a2 is None and assoc:
        a2 = assoc.pop(0)  # "the foreign ministers of Turkey, Iran and Russia are to meet"
    actor_iso2 = next((k for k, v in ctx.kb.iso2_to_3.items() if a1 and v == a1.country), None)
    loc = finder.find(t, tr.cls, sent, actor_iso2, previous_loc)
    loc_iso3 = ctx.kb.iso2_to_3.get(loc.country_code) if loc and loc.country_code else None
    d = date_for(t, sent, article.published)
    if d and article.published and d.as_date < date.fromisoformat(article.published) - timedelta(days=BACKGROUND_DAYS):
        return None  # history told as background, not a new event
    ev_date = d.date if d else article.published
    precision = d.precision if d else ("day" if article.published else None)
    attribution = _back_reference(attribution_of(t, sources), named_sources)
    speakers = [resolve(h, ctx, violent, None) for h in speaker_heads(t)]
    self_claim = a1 is not None and any(r and (r.actor.id == a1.id or r.actor.country and
                                               r.actor.country == a1.country and a1.kind == "State forces")
                                        for r in speakers)
    modality = modality_of(t, self_claim, bool(attribution), tr.xcomp_of)
    named_sources.extend(a for a in attribution if a.lower() in sources)
    words = {x.lower_ for x in sent} | {x.lemma_.lower() for x in sent}
    clause_words = {x.lower_ for x in t.subtree} | {x.lower_ for m in tr.merged for x in m.subtree}
    weapon = next((res.lexicon.weapons[w] for w in sorted(clause_words) if w in res.lexicon.weapons), None)
    if weapon is None and tr.cls in ("air_attack", "attack", "kill"):
        weapon = next((res.lexicon.weapons[w] for w in sorted(words) if w in res.lexicon.weapons), None)
    victims = frozenset(x.lower_ for c in t.children if c.dep_ in ("dobj", "nsubjpass")
                        for x in c.subtree)
    etype, sub, plover = code_event(tr.cls, a1, a2, weapon, words, tr.nonviolent,
                                    loc is not None and loc.precision < 3 or tr.cls != "withdraw",
                                    loc_iso3, t.lemma_.lower(), victims)
    if tr.cls == "withdraw":
        has_place = any(x._.sitrep_place or x.lower_ in ("area", "city", "town", "positions")
                        for x in t.subtree)
        etype, sub, plover = code_event(tr.cls, a1, a2, None, words, False, has_place, loc_iso3)
    if a1 and a1.kind == "Civilians" and etype in ("Riots", "Protests"):
        crowd = "rioters" if etype == "Riots" else "protesters"
        a1 = ctx.kb.actor(f"{crowd}-{a1.country or ''}".rstrip("-"))
    if etype == "Protests" and tr.cls == "protest":
        a2 = None  # what a protest is against is its grievance, not a second actor
    a1, a2 = _actor_kind_in(a1, loc_iso3), _actor_kind_in(a2, loc_iso3)
    fatalities = _fatalities(text) if etype in ("Battles", "Explosions/Remote violence",
                                                "Violence against civilians", "Riots") else None
    label = sub or plover
    word = sub if sub else plover.lower()
    return Event(
        id=_event_id(article.id, span[0], t.i, label), article_id=article.id,
        event_date=ev_date, date_precision=precision, event_type=etype, sub_event_type=sub,
        plover=plover, actor1=a1, actor2=a2, location=loc, fatalities=fatalities,
        modality=modality, text=text, span=span,
        notes=_notes(ev_date, word, a1, a2, loc, modality, attribution),
        assoc_actors=tuple(_actor_kind_in(a, loc_iso3) for a in assoc), attribution=tuple(attribution))


def _article_passes(items: list[tuple[tuple, Event, str]], article: Article) -> list[Event]:
    items.sort(key=lambda x: x[0])
    evs = [e for _, e, _ in items]
    # An unattributed air strike takes the air force named for strikes nearby (±2 events).
    for i, e in enumerate(evs):
        if e.actor1 is None and e.sub_event_type == "Air/drone strike":
            near = [o for o in evs[max(0, i - 2):i + 3] if o is not e and o.actor1
                    and o.sub_event_type == "Air/drone strike"]
            if near:
                evs[i] = replace(e, actor1=near[0].actor1, assoc_actors=near[0].assoc_actors)
    out: list[Event] = []
    seen: dict[tuple, int] = {}
    for e in evs:
        key = (e.sub_event_type or e.plover, e.actor1.id if e.actor1 else None,
               e.location.geonameid if e.location else None, e.actor2.id if e.actor2 else None)
        if e.event_type and e.actor1 and seen.get(key, e.span[0]) != e.span[0]:
            continue  # the same happening told again in a later sentence of the article
        seen.setdefault(key, e.span[0])
        out.append(e)
    return out
