"""Reading statements of control: sentences that tell no event but say who holds a place.

"Rebels now control most of Hama", "the town is held by the SDF", "Hama, which is under the
control of HTS since Thursday", "government-held Deraa": a standing situation, not an event,
but evidence for the control timeline.  Read off the dependency parse of the same Doc the
events came from, with the article's resolved toponyms and its actor resolution.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Span, Token

from ..actors.context import ArticleActors
from ..actors.resolve import resolve_phrase
from ..events.dates import resolve_date
from ..models import Actor, ControlStatement
from ..nlp.views import sent_ents
from ..places.public import ascii_name, place_ids, press_spellings
from ..places.resolve import Toponym

__all__ = ["read_statements"]

# generic nouns that take up the place the paragraph named last: "the town is held by ..."
PLACE_NOUNS = {"town", "city", "village", "area", "district", "province", "region", "airport", "base"}
HOLDER_PRONOUNS = {"it", "they", "we"}


@lru_cache(maxsize=1)
def _words() -> dict[str, set[str]]:
    path = resources.files("sitrep.control").joinpath("data/statement_words.yaml")
    with path.open(encoding="utf-8") as fp:
        return {k: set(v) for k, v in yaml.safe_load(fp).items()}


def read_statements(sents: Iterable[Span], toponyms: list[Toponym], ctx: ArticleActors, article_id: str,
                    published: str | None) -> list[ControlStatement]:
    """Every statement of control in `sents` (the sentences that told no event)."""
    places = {t.span.start: t for t in toponyms
              if t.candidate is not None and t.role == "location" and t.candidate.feature != "country"}
    by_token = {i: t for t in places.values() for i in range(t.span.start, t.span.end)}
    out: list[ControlStatement] = []
    for sent in sents:
        for place, holder, anchor in _holdings(sent, by_token, places):
            actor = _actor(holder, ctx)
            if actor is None or _negated(anchor):
                continue
            out.append(_statement(sent, place, actor, anchor, ctx, article_id, published))
    return out


def _holdings(sent: Span, by_token: dict[int, Toponym], places: dict[int, Toponym]
              ) -> Iterable[tuple[Toponym, Token, Token]]:
    """(place, the holder's head token, the word that says it holds) for each holding in `sent`."""
    words = _words()
    for tok in sent:
        if tok.lower_ in words["held_adjectives"] and tok.i >= sent.start + 2 and tok.nbor(-1).text == "-":
            place = _place_after(tok, by_token)
            if place is not None:
                yield place, tok.nbor(-2), tok
        elif tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in words["verbs"]:
            yield from _verbal(tok, by_token, places)
        elif tok.lower_ in words["nouns"] and tok.head.lower_ in ("under", "in"):
            yield from _under(tok, by_token, places)


def _verbal(verb: Token, by_token: dict[int, Toponym], places: dict[int, Toponym]
            ) -> Iterable[tuple[Toponym, Token, Token]]:
    """'X controls (most of) Y'; 'Y is held by X'."""
    kids = {c.dep_: c for c in verb.children}
    if "nsubjpass" in kids:
        agent = kids.get("agent")
        holder = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        place = _place_of(kids["nsubjpass"], by_token, places)
        if holder is not None and place is not None:
            yield place, holder, verb
    elif "nsubj" in kids and "dobj" in kids:
        place = _place_of(kids["dobj"], by_token, places)
        if place is not None:
            yield place, _speaker_for(kids["nsubj"], verb), verb


def _under(noun: Token, by_token: dict[int, Toponym], places: dict[int, Toponym]
           ) -> Iterable[tuple[Toponym, Token, Token]]:
    """'Y (which is) under the control of X', 'Y is under X control', 'in the hands of X'."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    holder = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if holder is None:  # "under SDF control", "under rebel control"
        holder = next((c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")), None)
    if holder is None:
        return
    prep = noun.head
    governor = prep.head
    if governor.pos_ in ("AUX", "VERB"):
        subject = next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if governor.dep_ == "relcl":
            subject = governor.head  # "Hama, which is under ...": the relative clause's noun
        place = _place_of(subject, by_token, places) if subject is not None else None
        place = place or _place_before(prep, by_token)  # "Tabqa, now under SDF control, ..."
    else:
        place = _place_of(governor, by_token, places)
    if place is not None:
        yield place, holder, noun


def _place_of(head: Token, by_token: dict[int, Toponym], places: dict[int, Toponym]) -> Toponym | None:
    """The toponym a noun phrase names: itself, 'most of Y', 'parts of Y', or 'the town' taking up
    the place named last before it in the article."""
    if head.i in by_token:
        return by_token[head.i]
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and p.i in by_token:
                    return by_token[p.i]
    if head.lower_ in PLACE_NOUNS and any(c.lower_ in ("the", "this") for c in head.children):
        before = [t for start, t in places.items() if start < head.i and head.i - start < 80]
        return max(before, key=lambda t: t.span.start) if before else None
    return None


def _speaker_for(subject: Token, verb: Token) -> Token:
    """'the group says it controls Y': a pronoun holder is the one who says so."""
    if subject.lower_ not in HOLDER_PRONOUNS:
        return subject
    for t in verb.ancestors:
        if t.lemma_.lower() in _words()["speaking"]:
            return next((c for c in t.children if c.dep_ == "nsubj"), subject)
    return subject


def _place_before(prep: Token, by_token: dict[int, Toponym]) -> Toponym | None:
    """The toponym just before an aside about it: 'Y, now under X control'."""
    for t in reversed(prep.doc[max(prep.sent.start, prep.i - 4):prep.i]):
        if t.i in by_token:
            return by_token[t.i]
        if not (t.is_punct or t.pos_ == "ADV"):
            return None
    return None


def _place_after(tok: Token, by_token: dict[int, Toponym]) -> Toponym | None:
    """'government-held Deraa': the toponym right after the compound adjective."""
    nxt = tok.i + 1
    return by_token.get(nxt) if nxt < len(tok.doc) else None


def _actor(head: Token, ctx: ArticleActors) -> Actor | None:
    r = resolve_phrase(head, ctx, violent=True)
    return r.actor if r is not None else None


def _negated(anchor: Token) -> bool:
    """'no longer controls', 'does not hold': the holding is denied, not stated."""
    neg = _words()["negations"]
    scope = [anchor, *anchor.ancestors][:3]
    return any(c.dep_ in ("neg", "advmod") and c.lower_ in neg for t in scope for c in t.children)


def _modality(anchor: Token, holder: Actor, ctx: ArticleActors) -> str:
    """Claimed when the holder itself says so, reported when someone else does, else asserted."""
    speaking = _words()["speaking"]
    for t in anchor.ancestors:
        if t.pos_ == "VERB" and t.lemma_.lower() in speaking:
            speaker = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if speaker is None:
                return "reported"
            said = _actor(speaker, ctx)
            if said is not None and (said.id or said.name) == (holder.id or holder.name):
                return "claimed"
            return "reported"
    return "asserted"


def _date(sent: Span, published: str | None) -> str | None:
    """The statement's own date ('since Thursday'), else the article's publication date."""
    if published is None:
        return None
    for ent in sent_ents(sent):
        if ent.label_ == "DATE":
            d = resolve_date(ent.text, published)
            if d is not None and d.precision == "day" and d.date <= published:
                return d.date
    return published


def _statement(sent: Span, place: Toponym, actor: Actor, anchor: Token, ctx: ArticleActors,
               article_id: str, published: str | None) -> ControlStatement:
    c = place.place
    text = sent.text.rstrip()
    span = (sent.start_char, sent.start_char + len(text))
    digest = hashlib.sha1(f"{article_id}|{span[0]}|{place.span.start_char}|{actor.id or actor.name}".encode())
    gid, own = place_ids(c.geonameid)
    # the writer's own spelling, as the events name it ("Hama" for Ḩamāh)
    name = press_spellings([(place.span.text, c.match, c.name)]).get(c.name) or ascii_name(c.name)
    return ControlStatement(
        id="cs-" + digest.hexdigest()[:14], article_id=article_id, sentence=text, span=span,
        place={"name": name, "geonameid": gid, "place_id": own, "latitude": c.latitude, "longitude": c.longitude,
               "admin1": c.admin1, "country_code": c.country_code},
        controller=actor, date=_date(sent, published), modality=_modality(anchor, actor, ctx))
