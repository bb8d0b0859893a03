"""Article-level merging: one happening told twice is one event, and what happens as part
of another event is that event.

ACLED codes one event per type, place and day, and codes a strategic development only when
it stands on its own: a retreat after a battle, arrests after an attack, the cause or the
aftermath of a protest belong to the battle, the attack or the protest.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..actors.context import ArticleActors
from ..models import Event

__all__ = ["LETHAL_TYPES", "crowd_first", "drop_subsumed", "drop_vague_repeats", "one_per_place_day"]

LETHAL_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
# developments that, beside violence of the same day, are part of it: forces moving, retreating
# or patrolling when the fight happened; the suspects arrested after it; ground given up after it
PART_OF_VIOLENCE = {"Change to group/activity", "Arrests", "Non-violent transfer of territory"}
# beside a protest, a release, a closure or a destruction is what the protest is about ("against
# the release of prisoners", "after a storm destroyed their crops"); forces sent after a protest
# are news of their own ("ordered patrols after violent protests")
PART_OF_PROTEST = {"Other", "Looting/property destruction"}


# one crowd's gathering told as a protest and again as what it became: the gravest telling wins
CROWD_RANK: dict[str | None, int] = {"Peaceful protest": 0, "Protest with intervention": 1,
                                     "Excessive force against protesters": 2, "Violent demonstration": 3}

ANY_SIDE = "<unnamed side>"


def one_per_place_day(evs: list[Event], text: str) -> list[Event]:
    """Within a paragraph, two events of the same sub-type, place and day are one event
    told twice ("Protesters gathered in X ... The protest was held ..."); the first keeps
    what the second adds."""
    out: list[Event] = []
    index: dict[tuple, int] = {}
    for e in evs:
        if not e.event_type or e.location is None:
            out.append(e)
            continue
        kind = "crowd" if e.sub_event_type in CROWD_RANK else e.sub_event_type
        key = (text.count("\n", 0, e.span[0]), kind, e.location.place_key,
               e.location.precision, e.event_date)
        # in any paragraph, the same toll the same day by the same hands is the same happening
        # retold ("'they killed 60 people,' a witness said")
        toll: tuple = ("toll", kind, e.location.place_key, e.event_date, e.actor1.name if e.actor1 else None,
                       e.fatalities) if e.fatalities else ()
        if key in index or toll in index:
            i = index[key] if key in index else index[toll]
            first = out[i]
            if kind == "crowd" and CROWD_RANK[e.sub_event_type] > CROWD_RANK[first.sub_event_type]:
                # "residents protested ... The demonstrators then burned tyres": one protest, which
                # turned violent: the later telling, with its type and actors, stands for both
                first = e
            # the second telling may name who the first left unidentified, but the state's forces
            # are not who an unidentified group turns out to be ("... police shot back")
            a1 = first.actor1 if first.actor1 and (not first.actor1.name.startswith("Unidentified") or (
                e.actor1 and e.actor1.kind == "State forces")) else (e.actor1 or first.actor1)
            fat = max(filter(None, (first.fatalities, e.fatalities)), default=first.fatalities)
            out[i] = replace(first, actor1=a1, actor2=first.actor2 or e.actor2, fatalities=fat)
            continue
        index[key] = len(out)
        if toll:
            index[toll] = len(out)
        out.append(e)
    return out


# how far apart a story's lead and its detail may date one happening ("seized a town", told
# on the day it was reported; "took Kitshanga late on Thursday"; told on Monday, done on Friday)
REPEAT_DAYS = 3


def _vague(e: Event) -> bool:
    """Placed nowhere, or only in a country (a country's Location has no first-level division)."""
    return e.location is None or e.location.precision == 3 and e.location.admin1 is None


def drop_vague_repeats(evs: list[Event]) -> list[Event]:
    """A story's lead told with no place ("M23 rebels have seized a town from the army") and its
    detail told after it with one ("took control of Kitshanga late on Thursday") are one
    happening: the same actor, sub-type and country within days. The placed telling stands for
    both. (Told after a placed one, a vague one is more of the same, "also took villages", unless it
    gives the same toll on the same day: a witness retelling the attack.)"""
    def near(a: Event, b: Event) -> bool:
        if not (a.event_date and b.event_date):
            return a.event_date == b.event_date
        return abs((date.fromisoformat(a.event_date) - date.fromisoformat(b.event_date)).days) <= REPEAT_DAYS

    def repeats(vague: Event, placed: Event) -> bool:
        if placed.location is None or _vague(placed):
            return False
        if placed.span[0] <= vague.span[0] and not (
                vague.fatalities and vague.fatalities == placed.fatalities and vague.event_date == placed.event_date):
            return False  # told after, more of the same; unless it retells the toll of that day
        return placed.event_type is not None and placed.sub_event_type == vague.sub_event_type and \
            vague.actor1 is not None and placed.actor1 is not None and placed.actor1.id == vague.actor1.id and \
            near(vague, placed) and (vague.location is None or vague.location.country_code == placed.location.country_code)

    out = list(evs)
    for e in evs:
        if not (e.event_type and _vague(e)):
            continue
        placed = next((i for i, o in enumerate(out) if repeats(e, o)), None)
        if placed is None:
            continue
        out.remove(e)
        i = placed - (placed > evs.index(e))
        if e.fatalities and not any(o.fatalities for o in out if o.span == out[i].span):
            out[i] = replace(out[i], fatalities=e.fatalities)  # the lead's toll ("eight soldiers died")
    return out


def drop_subsumed(evs: list[Event], text: str) -> list[Event]:
    """Strategic developments that are part of a violent event of the same day or of a protest
    told in the same paragraph, whichever sentence comes first. A long report tells many
    happenings of one day; only a paragraph tells one story."""
    def para(e: Event) -> int:
        return text.count("\n", 0, e.span[0])

    def parties(e: Event) -> set[str | None]:
        return {a.id for a in (e.actor1, e.actor2) if a is not None}

    # part of a fight is what one of its parties did ("Hezbollah dispatched forces" beside an
    # Israeli strike is a development of its own); a clash told with one side has the other
    # unnamed, and the forces that answer a riot told before are its other side
    violent: dict[tuple[int, str | None], set[str | None]] = {}
    riot_told: dict[tuple[int, str | None], int] = {}
    for e in evs:
        if e.event_type in LETHAL_TYPES:
            sides = violent.setdefault((para(e), e.event_date), set())
            sides.update(parties(e))
            if e.event_type == "Battles" and e.actor2 is None:
                sides.add(ANY_SIDE)
            if e.event_type == "Riots":
                riot_told.setdefault((para(e), e.event_date), e.span[0])

    def in_fight(e: Event) -> bool:
        key = (para(e), e.event_date)
        sides = violent.get(key)
        if sides is None:
            return False
        if e.actor1 is None or e.actor1.id in sides or ANY_SIDE in sides:
            return True
        # forces sent after a riot told before ("Police were deployed"); not "ordered patrols
        # after violent protests", where the riot is the cause of the news
        return e.actor1.kind == "State forces" and key in riot_told and riot_told[key] < e.span[0]

    # a protest's paragraph tells what it is about whatever day that happened ("against the
    # release of prisoners ... Until 29 April, 753 prisoners were released")
    protest = {para(e) for e in evs if e.event_type == "Protests"}
    # a raid in which people were arrested is the arrests
    arrests = {e.span for e in evs if e.sub_event_type == "Arrests"}
    return [e for e in evs if not (
        e.event_type == "Strategic developments" and (
            (e.sub_event_type in PART_OF_VIOLENCE and in_fight(e)) or
            (e.sub_event_type in PART_OF_PROTEST and para(e) in protest) or
            (e.sub_event_type == "Other" and e.plover == "COERCE" and e.span in arrests)))]


def crowd_first(e: Event, ctx: ArticleActors) -> Event:
    """ACLED's actor1 of a protest is Protesters, of a riot Rioters (a protest the paragraph
    later turned violent, "police clashed with the demonstrators"): the crowd leads, a force
    it met is actor2."""
    if e.event_type not in ("Protests", "Riots"):
        return e
    want = "rioters" if e.event_type == "Riots" else "protesters"
    a1, a2 = e.actor1, e.actor2
    crowd_id = next((a.id for a in (a1, a2) if a is not None and a.id
                     and a.id.split("-", 1)[0] in ("rioters", "protesters")), None)
    if a1 is not None and crowd_id is not None and a1.id == crowd_id:
        if crowd_id.startswith(want + "-") or crowd_id == want:
            return e
    elif a1 is None or a1.kind not in ("State forces", "External/Other forces"):
        return e  # a crowd the build step named already, or an actor it kept on purpose
    elif a2 is not None and a2.id != crowd_id:
        return e
    else:
        a2 = a1  # the force the crowd met
    iso = crowd_id.split("-", 1)[1] if crowd_id and "-" in crowd_id else (
        ctx.kb.iso2_to_3.get(e.location.country_code) if e.location and e.location.country_code else ctx.focus)
    crowd = ctx.actor(f"{want}-{iso or ''}".rstrip("-"))
    return replace(e, actor1=crowd, actor2=a2 if a2 is not None and a2.id != crowd_id else None)
