"""What a paragraph's later sentences do to the events told before them.

A report tells one happening over several sentences; ACLED codes it once. "Gunmen started
shooting. The police shot back." is one armed clash opened by the gunmen; "Residents
demonstrated ... They burnt tyres and beat an official." is one violent demonstration. Each
function here looks back over the paragraph's events (`events`: the article's (key, Event) so
far; `para`: the indices of this paragraph's), changes the earlier event in place and says
whether the new one is thereby told already.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..actors.context import ArticleActors
from ..actors.vocab import FORCE, POLICE
from ..models import Event
from .answering import answers_fire
from .detect import SYMBOLS, Trigger
from .frames import lemma_of
from .merge import LETHAL_TYPES
from .vocab import (
    CROWD_SUBJECTS,
    PROTESTERS,
)

__all__ = ["PROTESTERS", "answered", "crowd_conduct", "to_riot"]



def answered(events: list, para: list[int], ev: Event, t: Token) -> bool:
    """'Two gunmen opened fire on a checkpoint. Officers returned fire.': fire answered is
    one armed clash, opened by who fired first; who answered is its actor2."""
    if ev.event_type not in LETHAL_TYPES or ev.actor1 is None or not answers_fire(t):
        return False
    for i in reversed(para):
        key, prev = events[i]
        if prev.event_type not in LETHAL_TYPES or prev.event_date != ev.event_date:
            continue
        if prev.actor1 is not None and prev.actor1.id == ev.actor1.id:
            return False  # the same side again: its own event
        a2 = ev.actor1 if prev.actor2 is None or prev.actor2.kind == "Civilians" else prev.actor2
        events[i] = (key, replace(prev, event_type="Battles", sub_event_type="Armed clash",
                                  actor2=a2, fatalities=prev.fatalities or ev.fatalities))
        return True
    return False


def to_riot(protest: Event, ev: Event, ctx: ArticleActors) -> Event:
    """The protest made a violent demonstration by what was told after it (`ev`): its crowd
    becomes rioters, and the later event's dead are its own."""
    a1 = protest.actor1
    if a1 is not None and a1.id and a1.id.startswith("protesters-"):
        a1 = ctx.actor("rioters-" + a1.id.split("-", 1)[1]) or a1
    return replace(protest, event_type="Riots", sub_event_type="Violent demonstration", actor1=a1,
                   fatalities=protest.fatalities or ev.fatalities)


def crowd_conduct(events: list, para: list[int], ev: Event, tr: Trigger, ctx: ArticleActors) -> bool:
    """'Residents demonstrated in X ... They burnt tyres and beat an official.': what the
    protest's own crowd did next makes that protest a violent demonstration (ACLED codes
    the one event, by Rioters), not a second event. Burning an effigy is a protest's own
    symbol, and occupying a factory a sit-in: neither is violence."""
    t = tr.token
    if tr.cls in ("takeover", "advance") or lemma_of(t) in ("occupy", "seize", "take") or ev.event_type not in (
            "Riots", "Violence against civilians", "Battles") and ev.sub_event_type != "Looting/property destruction":
        return False
    if {x.lemma_.lower() for x in t.subtree} & SYMBOLS:
        return False
    subj = [c for v in (t, t.head if t.dep_ == "conj" else t) for c in v.children if c.dep_ == "nsubj"]
    words = {x.lower_ for c in subj for x in c.subtree}
    if not words & (PROTESTERS | CROWD_SUBJECTS):
        return False
    if words <= {"they"} and t.sent.start > 0:
        before = {x.lower_ for x in t.doc[t.sent.start - 1].sent}
        if before & (FORCE | POLICE):
            return False  # "Police dispersed the crowd. They injured a woman.": the police did
    for i in reversed(para):
        key, prev = events[i]
        if prev.event_type == "Protests" and prev.event_date == ev.event_date:
            a2 = prev.actor2 or (ev.actor2 if ev.actor2 and ev.actor2.kind == "State forces" else None)
            events[i] = (key, replace(to_riot(prev, ev, ctx), actor2=a2))
            return True
        if prev.event_type in LETHAL_TYPES:
            return False
    return False
