"""ACLED's conventions for violence whose perpetrator a report does not name.

- Gangs: where ACLED records criminal gangs (Latin America and the Caribbean), an
  unnamed perpetrator is an "Unidentified Gang" only when the report bears the marks
  of gang violence (a drive-by, gunmen on a motorcycle, drug trafficking, an execution
  with the hands tied); a body found with nothing more, or "armed men" who shot someone,
  stay an Unidentified Armed Group.
- Front lines: along a front line that a monitor reports on without naming who fired
  (the OSCE in Donbas before 2022), ACLED lays the fire observed at a place to the side
  across the line: fire seen in areas the state holds to the armed group, fire seen in
  areas the group holds to the state's forces.  `frontlines.yaml` lists the places each
  group held.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

__all__ = ["Frontline", "front_course", "frontline", "fronts", "gang_marks", "held_side", "monitored", "theatre"]

# marks of gang violence in a report: the modus operandi of hitmen and of drug wars
GANG_MARKS = re.compile(
    r"\bdrive[- ]by\b|\b(?:on|riding|aboard)\s+(?:a\s+|two\s+)?motorcycles?\b"
    r"|\b(?:in|driving|from)\s+a\s+(?:car|vehicle|van|truck|pickup)\b"
    r"|\bdrugs?\b|\bnarco|\btraffick|\bgangs?\b|\bgangsters?\b|\bcartels?\b|\bcriminal\s+(?:groups?|gangs?|organi[sz]ations?)"
    r"|\bcriminals\b|\bexecuted\b|\bexecution[- ]style\b|\btied\b|\bhandcuffed\b|\bblindfolded\b|\bgagged\b"
    r"|\bbeheaded\b|\bdecapitated\b|\bdismembered\b|\bmutilated\b|\bhitm[ae]n\b|\bsicarios?\b|\bextortion",
    re.IGNORECASE)


def gang_marks(text: str) -> bool:
    """Whether a report of violence bears the marks of gang violence."""
    return bool(GANG_MARKS.search(text))


@dataclass(frozen=True)
class Frontline:
    """A front line where unattributed fire is laid to the side across it."""

    state: str  # ISO3 of the state whose forces hold one side
    group: str  # the actor id of the armed group holding the other
    since: str
    until: str
    held: frozenset[str]  # lower-case names of the places the group held
    monitors: tuple[str, ...] = ()  # the missions whose reports speak of this line only
    divisions: tuple[str, ...] = ()  # ISO 3166-2 codes of the divisions the line runs through
    line: tuple[tuple[float, float], ...] = ()  # its course: (lat, lon) of points along it

    def covers(self, on: str | None) -> bool:
        return on is None or self.since <= on < self.until


@lru_cache(maxsize=1)
def _frontlines() -> dict[str, Frontline]:
    with resources.files("sitrep.actors").joinpath("data/frontlines.yaml").open(encoding="utf-8") as fp:
        data = yaml.safe_load(fp) or {}
    return {iso: Frontline(iso, str(o["group"]), str(o["since"]), str(o["until"]),
                           frozenset(_fold(p) for p in o["held"]), tuple(o.get("monitors", ())),
                           tuple(o.get("divisions", ())),
                           tuple((float(a), float(b)) for a, b in o.get("line", ())))
            for iso, o in data.items()}


def frontline(iso3: str | None, on: str | None) -> Frontline | None:
    f = _frontlines().get(iso3 or "")
    return f if f is not None and f.covers(on) else None


def _fold(s: str) -> str:
    return re.sub(r"[’'`ʼ]", "", s).lower().strip()


def monitored(text: str) -> list[str]:
    """The states whose front line a monitor the text names reports on ("the OSCE SMM
    observed ...": Ukraine, wherever a gazetteer puts the village)."""
    return [f.state for f in _frontlines().values() if any(m in text for m in f.monitors)]


def fronts(text: str, actor_ids: Collection[str], on: str | None) -> list[Frontline]:
    """The front lines a report is about, by what it names: a monitor of one line only ("the
    OSCE SMM observed ... near X") or the group holding one side, at a date the line stood."""
    return [f for f in _frontlines().values()
            if f.covers(on) and (f.group in actor_ids or any(m in text for m in f.monitors))]


def theatre(text: str, actor_ids: Collection[str], on: str | None) -> list[str]:
    """The divisions (ISO 3166-2) of the front lines a report is about (see fronts): a village
    the report names without its oblast lies there before its namesakes elsewhere."""
    out: list[str] = []
    for f in fronts(text, actor_ids, on):
        out += [d for d in f.divisions if d not in out]
    return out


def front_course(text: str, actor_ids: Collection[str], on: str | None) -> list[tuple[tuple[float, float], ...]]:
    """The course of each front line a report is about (see fronts), as points along it."""
    return [f.line for f in fronts(text, actor_ids, on) if f.line]


def held_side(f: Frontline, place: str | None, text: str) -> bool:
    """Whether the fire was observed in the group's areas: the event's place, or a place
    the report says the fire was "near", is one the group held."""
    if place and not re.search(r"\b(oblast|region|province|raion|district)\b", place, re.IGNORECASE) \
            and _held(f, place):
        return True
    near = re.findall(r"\bnear\s+((?:[A-Z][\w’'-]+)(?:\s[A-Z][\w’'-]+){0,2})", text)
    return any(_held(f, n) for n in near)


def _held(f: Frontline, name: str) -> bool:
    """Whether a place name is one the group held: as written, by its first part
    ("Donetsk-Kirovskyi", "Donetsk Airport": a district or a site of a held town), or by
    its consonants, which Russian and Ukrainian spellings share ("Petrovskoye", "Petrivske")."""
    low = _fold(name)
    if low in f.held or re.split(r"[-\s]", low, maxsplit=1)[0] in f.held:
        return True
    # the ending tells a town from the adjective-named village beside it ("Luhansk", "Luhanske")
    return (_skeleton(low), low[-1:] in _VOWELS) in _skeletons(f)


_VOWELS = frozenset("aeiouy")


def _skeleton(low: str) -> str:
    """A folded name's consonants after its first letter, 'g' read as 'h' ("Gorlovka",
    "Horlivka" -> "hrlvk"): Russian and Ukrainian renderings of a place differ in vowels."""
    low = re.sub(r"[^a-z]", "", low.replace("g", "h"))
    return low[:1] + re.sub(r"[aeiouy]", "", low[1:])


@lru_cache(maxsize=8)
def _skeletons(f: Frontline) -> frozenset[tuple[str, bool]]:
    # skeletons under five letters are too common to tell towns apart
    return frozenset((k, p[-1:] in _VOWELS) for p in f.held if len(k := _skeleton(p)) >= 5)
