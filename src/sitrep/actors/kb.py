"""The actor knowledge base: who can act, under which names (finding candidates).

Built from reviewed data files next to this module (see `load.py` for the files and their
formats) plus every ISO 3166 country from pycountry, so that any state has military,
police and government actors named as ACLED names them ("Military Forces of Syria
(2000-2024)").  Names that change with time (a new regime, a rebel movement that became
a government) are date-bounded: `actor(id, on=date)` gives the name in force that day.
Choosing among candidates in context is `resolve.py`'s job.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..models import Actor

__all__ = ["ActorKB", "Affiliation", "GroupEntry", "Period", "StateEntry", "Unit", "load_kb",
           "BRANCHES", "GENERIC", "is_abbreviation"]

BRANCHES = ("military", "government", "police")
BRANCH_LABEL = {"military": "Military Forces", "government": "Government", "police": "Police Forces"}
# ACLED's generic actors: id prefix -> (name pattern, actor type).  "{c}" is the country.
GENERIC: dict[str, tuple[str, str]] = {
    "civilians": ("Civilians ({c})", "Civilians"),
    "protesters": ("Protesters ({c})", "Protesters"),
    "rioters": ("Rioters ({c})", "Rioters"),
    # the perpetrator a report leaves unnamed (some countries have their own convention:
    # "Unidentified Gang (Mexico)"); "armed men", "gunmen" that a report does describe
    "unidentified": ("Unidentified Armed Group ({c})", "Political militia"),
    "armed": ("Unidentified Armed Group ({c})", "Political militia"),
    # "the rebels" with no group known: ACLED records an unidentified armed group
    "rebels": ("Unidentified Armed Group ({c})", "Political militia"),
    "gang": ("Unidentified Gang ({c})", "Political militia"),
    "communal": ("Unidentified Communal Militia ({c})", "Identity militia"),
    "clan": ("Unidentified Clan Militia ({c})", "Identity militia"),
    "tribal": ("Unidentified Tribal Militia ({c})", "Identity militia"),
    "islamist": ("Islamist Militia ({c})", "Political militia"),
    "vigilante": ("Vigilante Group ({c})", "Identity militia"),
    # security guards of companies and buildings: ACLED's "other forces", neither state nor militia
    "private": ("Private Security Forces ({c})", "External/Other forces"),
    "mutineers": ("Mutiny of Military Forces of {c}", "Rebel group"),
    "prisoners": ("Prisoners ({c})", "Civilians"),
    # labelled generics: "ethnic:Fulani-NGA" -> "Fulani Ethnic Militia (Nigeria)"
    "ethnic": ("{x} Ethnic Militia ({c})", "Identity militia"),
    "indigenous": ("{x} Indigenous Militia ({c})", "Identity militia"),
    "clan-of": ("{x} Clan Militia ({c})", "Identity militia"),
    "communal-of": ("{x} Communal Militia ({c})", "Identity militia"),
    "tribal-of": ("{x} Tribal Militia ({c})", "Identity militia"),
}


@dataclass(frozen=True)
class Period:
    """A name in force between two dates (ISO, `until` exclusive); `label` is the name or
    the years ACLED writes in it ("2000-2024"), `kind` an actor type that changes with it."""

    label: str
    since: str | None = None
    until: str | None = None
    kind: str | None = None

    def covers(self, on: str | None) -> bool:
        return on is None or ((self.since is None or on >= self.since)
                              and (self.until is None or on < self.until))


@dataclass(frozen=True)
class Unit:
    """A named branch that ACLED appends to a state's name ("... (2019-) Military Police")."""

    name: str
    branch: str
    aliases: tuple[str, ...] = ()
    anywhere: bool = False  # distinctive: it names its state without the state named (IRGC)


@dataclass(frozen=True)
class Affiliation:
    """A dated tie between actors: part_of, backed_by or allied_with an actor id or ISO3."""

    relation: str
    target: str
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True)
class StateEntry:
    iso3: str
    name: str
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    military: str = ""  # the names in force now (see `branch_name` for other dates)
    government: str = ""
    police: str = ""
    extra_forces: tuple[str, ...] = ()  # other names of its military ("IDF", "Tatmadaw")
    aliases: tuple[str, ...] = ()  # other names of the country ("Britain", "Burma")
    # (name, aliases, since, until): people who speak or act for the government
    leaders: tuple[tuple[str, tuple[str, ...], str | None, str | None], ...] = ()
    the: bool = False  # "Military Forces of the Philippines", but "Protesters (Philippines)"
    periods: tuple[Period, ...] = ()  # ACLED's year ranges, one per regime
    units: tuple[Unit, ...] = ()
    insurgents: tuple[Period, ...] = ()  # label: the actor id "the insurgents" means by default
    unidentified: str | None = None  # the country's name for a perpetrator left unnamed
    gang: str | None = None  # where ACLED records gangs: "" (the pattern) or the country's own name
    armed_men: str | None = None  # the country's name for "armed men", "gunmen"
    unattributed: tuple[Period, ...] = ()  # label: the actor id recorded when no one is named
    overrides: tuple[tuple[str, str], ...] = ()  # (branch, full name) where ACLED departs

    def branch_name(self, branch: str, on: str | None = None, unit: str | None = None) -> str:
        """ACLED's name of a branch ("military", "police", "government") on a date."""
        fixed = dict(self.overrides).get(branch)
        if fixed:
            base = fixed
        else:
            years = next((p.label for p in self.periods if p.covers(on)), None) if on else None
            if years is None and self.periods:
                years = self.periods[-1].label
            the = "the " if self.the else ""
            base = f"{BRANCH_LABEL[branch]} of {the}{self.name}" + (f" ({years})" if years else "")
        return f"{base} {unit}" if unit else base


@dataclass(frozen=True)
class GroupEntry:
    id: str
    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...] = ()
    leaders: tuple[str, ...] = ()
    descriptors: tuple[str, ...] = ()
    backed_by: tuple[str, ...] = ()
    part_of: str | None = None
    allied_with: tuple[str, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    periods: tuple[Period, ...] = ()  # other names (and types) the group bore, by date
    branches: tuple[tuple[str, str], ...] = ()  # (ISO3 where it acts, name there)
    # actors ACLED codes as this group: (actor id, ISO3 where, or "named": when the
    # article names the group) - Saudi forces in Yemen are Operation Restoring Hope
    covers: tuple[tuple[str, str], ...] = ()
    faction: str | None = None  # "Mayi Mayi Militia ({x})": a named faction's ACLED name
    formed: str | None = None  # ISO date: before it, the group's letters mean something else

    def name_on(self, on: str | None = None, where: str | None = None) -> tuple[str, str]:
        """(name, kind) on a date and, for groups named by country, where it acts."""
        if where:
            for iso, name in self.branches:
                if iso == where:
                    return name, self.kind
        for p in self.periods:
            if on and p.covers(on):
                return p.label, p.kind or self.kind
        return self.name, self.kind


_WORD = re.compile(r"\w+")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class _Names:
    """Finds names in text, longest first, bounded by non-word characters: not inside a
    hyphenated word ("al-Sham" holds no "Sham"), but after "pro-" and "anti-", which the
    resolver reads ("pro-Hadi forces").  Candidates are indexed by their first word, which
    is many times faster than one regex alternation of thousands of names.  An article's
    whole text is searched for several purposes (its scene, its lead actor, its abbreviations)
    and the same phrases again and again: the last texts' answers are kept."""

    def __init__(self, names, fold: bool) -> None:
        self.fold = fold
        self.by_first: dict[str, list[str]] = {}
        for key in names:
            m = _WORD.match(key)
            if m:
                self.by_first.setdefault(m.group(0), []).append(key)
        for keys in self.by_first.values():
            keys.sort(key=len, reverse=True)
        # bounded, so memory follows the article being read, not all articles read before
        self._recent = functools.lru_cache(maxsize=256)(self._scan)

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, key) of each name found, left to right, not overlapping."""
        return list(self._recent(text))

    def _scan(self, text: str) -> tuple[tuple[int, int, str], ...]:
        hay = _norm(text) if self.fold else text
        if len(hay) != len(text):  # a case fold that changed the length: keep offsets honest
            hay = text
        out: list[tuple[int, int, str]] = []
        last = 0
        for m in _WORD.finditer(hay):
            s = m.start()
            keys = self.by_first.get(m.group(0))
            if not keys or s < last:
                continue
            if s > 0 and (_is_word(hay[s - 1]) or hay[s - 1] == "-" and
                          not hay[max(0, s - 5):s].lower().endswith(("pro-", "anti-"))):
                continue
            for key in keys:
                e = s + len(key)
                if hay.startswith(key, s) and (e == len(hay) or not _is_word(hay[e])):
                    out.append((s, e, key))
                    last = e
                    break
        return tuple(out)


def _norm(s: str) -> str:
    return s.replace("’", "'").lower()


def is_abbreviation(a: str) -> bool:
    """Whether a name is only trusted with its exact case: short abbreviations ("IS",
    "AA", "PDF", "LNA", "JeM", "FAMa"), since "is", "aa" and "fama" are words."""
    letters = a.replace("-", "").replace("/", "").replace("'", "").replace(".", "")
    return " " not in a and len(letters) <= 6 and (letters.isupper() or sum(c.isupper() for c in letters) >= 2)


_abbrev = is_abbreviation


@dataclass
class ActorKB:
    states: dict[str, StateEntry]
    groups: dict[str, GroupEntry]
    sources: tuple[str, ...]
    # lookup tables, filled by _index()
    group_names: dict[str, str] = field(default_factory=dict)  # lower alias -> group id
    group_abbrevs: dict[str, str] = field(default_factory=dict)  # exact abbreviation -> id
    demonyms: dict[str, str] = field(default_factory=dict)  # lower demonym -> iso3
    country_names: dict[str, str] = field(default_factory=dict)  # lower name -> iso3
    capitals: dict[str, str] = field(default_factory=dict)  # lower capital -> iso3
    # lower name -> [(actor id, since, until)]: one name may stand for several (Trump twice)
    leaders: dict[str, list[tuple[str, str | None, str | None]]] = field(default_factory=dict)
    iso2_to_3: dict[str, str] = field(default_factory=dict)
    units: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # lower alias -> [(iso3, unit)]
    covers: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # actor id -> [(group, where)]
    distinctive_units: set[tuple[str, str]] = field(default_factory=set)  # (iso3, unit)

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        for g in self.groups.values():
            for a in (g.name, *g.aliases, *g.descriptors):
                if _abbrev(a):
                    self.group_abbrevs[a] = g.id
                else:
                    self.group_names[_norm(a)] = g.id
            for person in g.leaders:
                self.leaders.setdefault(_norm(person), []).append((g.id, None, None))
            for covered, where in g.covers:
                self.covers.setdefault(covered, []).append((g.id, where))
        for s in self.states.values():
            for name in (s.name, *s.aliases):
                self.country_names.setdefault(_norm(name), s.iso3)
            for d in s.demonyms:
                if d.isupper():
                    self.group_abbrevs.setdefault(d, f"state:{s.iso3}")
                else:
                    self.demonyms.setdefault(_norm(d), s.iso3)
            for c in s.capitals:
                self.capitals.setdefault(_norm(c), s.iso3)
            for f in s.extra_forces:
                if _abbrev(f):
                    self.group_abbrevs.setdefault(f, f"{s.iso3}-military")
                else:
                    self.group_names.setdefault(_norm(f), f"{s.iso3}-military")
            for name, aliases, since, until in s.leaders:
                for n in (name, *aliases):
                    self.leaders.setdefault(_norm(n), []).append((f"{s.iso3}-government", since, until))
            for u in s.units:
                if u.anywhere:
                    self.distinctive_units.add((s.iso3, u.name))
                for a in (u.name, *u.aliases):
                    key = a if _abbrev(a) else _norm(a)
                    if (s.iso3, u.name) not in self.units.get(key, []):
                        self.units.setdefault(key, []).append((s.iso3, u.name))
        self._group_re = _Names(self.group_names, fold=True)
        self._abbrev_re = _Names(self.group_abbrevs, fold=False)
        self._leader_re = _Names(self.leaders, fold=True)
        places = {**self.demonyms, **self.country_names, **self.capitals}
        self._state_re = _Names(places, fold=True)
        self._source_re = _Names({_norm(s): s for s in self.sources}, fold=True)
        self._unit_re = _Names([k for k in self.units if not _abbrev(k)], fold=True)
        self._unit_abbrev_re = _Names([k for k in self.units if _abbrev(k)], fold=False)

    # -- candidates -------------------------------------------------------------
    def find_groups(self, text: str) -> list[tuple[int, int, str]]:
        """Group mentions in text: (start, end, actor id), leftmost-longest."""
        out = [(s, e, self.group_names[k]) for s, e, k in self._group_re.finditer(text)]
        out += [(s, e, self.group_abbrevs[k]) for s, e, k in self._abbrev_re.finditer(text)]
        # a longer name wins over a name inside it ("Islamic State West Africa" over "Islamic State")
        out.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        kept: list[tuple[int, int, str]] = []
        for s, e, gid in out:
            if kept and s < kept[-1][1]:
                continue
            kept.append((s, e, gid))
        return kept

    def find_leaders(self, text: str, on: str | None = None) -> list[tuple[int, int, str]]:
        """Leader names in text: (start, end, actor id), honouring their dates."""
        out = []
        for s, e, k in self._leader_re.finditer(text):
            for actor_id, since, until in self.leaders[k]:
                if on and ((since and on < since) or (until and on >= until)):
                    continue
                out.append((s, e, actor_id))
                break
        return out

    def ruler_countries(self) -> dict[str, str | None]:
        """The entity ruler's actor ids with the ISO2 code of the actor's country (None for a
        news source): what marks a span as an actor, not a place, and which country a named
        group's mention points the story to (places/resolve.py)."""
        to2 = {v: k for k, v in self.iso2_to_3.items()}
        out: dict[str, str | None] = {g.id: to2.get(g.country or "") for g in self.groups.values()}
        out |= {f"{s}-government": to2.get(s) for s in self.states}
        out["source"] = None
        return out

    def find_states(self, text: str) -> list[tuple[int, int, str, str]]:
        """Demonyms, country names and capitals: (start, end, iso3, how)."""
        out = []
        for s, e, k in self._state_re.finditer(text):
            how = "demonym" if k in self.demonyms else "capital" if k in self.capitals else "country"
            iso3 = self.demonyms.get(k) or self.capitals.get(k) or self.country_names[k]
            out.append((s, e, iso3, how))
        return out

    def find_units(self, text: str) -> list[tuple[int, int, list[tuple[str, str]]]]:
        """Named branches of state forces ("Military Police", "gendarmerie"): (start, end, [(iso3, unit)])."""
        out = [(s, e, self.units[k]) for rx in (self._unit_re, self._unit_abbrev_re) for s, e, k in rx.finditer(text)]
        return sorted(out, key=lambda x: x[0])

    def find_sources(self, text: str) -> list[tuple[int, int, str]]:
        """News outlets and monitors named in text (they report; they are not actors in events)."""
        return [(s, e, text[s:e]) for s, e, _ in self._source_re.finditer(text)]

    # -- actors -----------------------------------------------------------------
    def country_label(self, iso3: str | None) -> str | None:
        """The country as ACLED writes it in generic actors ("Democratic Republic of Congo")."""
        s = self.states.get(iso3 or "")
        return s.name if s else None

    def actor(self, actor_id: str, on: str | None = None, where: str | None = None) -> Actor:
        """The contract Actor for an id, by the names in force on `on` (ISO date; None: now).

        Ids: a group id; "ISO3-branch" (branch: military, police, government), optionally
        "/Unit name"; "prefix-ISO3" for ACLED's generic actors (see GENERIC), with a label
        for the labelled ones ("ethnic:Fulani-NGA").  `where`: the country the actor acts
        in, for groups ACLED names by country ("Islamic State (Iraq)").
        """
        if actor_id in self.groups:
            g = self.groups[actor_id]
            name, kind = g.name_on(on, where or g.country)
            return Actor(name=name, id=g.id, kind=kind, country=g.country)
        head, _, tail = actor_id.partition("-")
        branch, _, unit = tail.partition("/")
        if head in self.states and branch in BRANCHES:
            s = self.states[head]
            return Actor(name=s.branch_name(branch, on, unit or None), id=actor_id,
                         kind="State forces", country=s.iso3)
        rest, _, iso = actor_id.rpartition("-")
        if iso not in self.states:
            rest, iso = actor_id, ""
        prefix, _, label = rest.partition(":")
        if prefix in GENERIC:
            pattern, kind = GENERIC[prefix]
            country = self.country_label(iso)
            own = {"unidentified": "unidentified", "armed": "armed_men", "gang": "gang"}.get(prefix)
            if own and iso and getattr(self.states[iso], own):
                return Actor(name=getattr(self.states[iso], own), id=actor_id, kind=kind, country=iso)
            if prefix == "mutineers":
                entry = self.states.get(iso)
                name = f"Mutiny of {entry.branch_name('military', on)}" if entry else "Mutiny of Military Forces"
                return Actor(name=name, id=actor_id, kind=kind, country=iso or None)
            name = pattern.format(c=country or "", x=label)
            if not country:
                name = name.replace(" ()", "")
            return Actor(name=name, id=actor_id, kind=kind, country=iso or None)
        raise KeyError(actor_id)

    def state(self, code: str) -> StateEntry | None:
        """A state by ISO alpha-3 or alpha-2 code."""
        return self.states.get(code) or self.states.get(self.iso2_to_3.get(code, ""))

    def insurgents(self, iso3: str | None, on: str | None = None) -> str | None:
        """The actor id that "the insurgents" of a country means when the article names none."""
        s = self.states.get(iso3 or "")
        if s is None:
            return None
        return next((p.label for p in s.insurgents if p.covers(on)), None)

    def gangland(self, iso3: str | None) -> bool:
        """Whether ACLED records the country's unnamed perpetrators of gang-style violence
        as an Unidentified Gang (Latin America and the Caribbean)."""
        s = self.states.get(iso3 or "")
        return bool(s and s.gang is not None)

    def has_convention(self, iso3: str | None, on: str | None = None) -> bool:
        """Whether the country names the perpetrator of unattributed violence of any kind
        (shelling along Ukraine's contact line is its military's)."""
        s = self.states.get(iso3 or "")
        return bool(s and any(p.covers(on) for p in s.unattributed))

    def unattributed(self, iso3: str | None, on: str | None = None) -> Actor:
        """The actor ACLED records for violence whose perpetrator a report does not name,
        the report unread: the country's convention (along Ukraine's contact line before
        2022, its military), else Unidentified Armed Group (Country).  What the report says
        refines it (gang marks, the side of a front line): `ArticleActors.unattributed`."""
        s = self.states.get(iso3 or "")
        chosen = next((p.label for p in s.unattributed if p.covers(on)), None) if s else None
        return self.actor(chosen or (f"unidentified-{iso3}" if s else "unidentified"), on=on)

    def affiliations(self, actor_id: str, relation: str | None = None,
                     on: str | None = None) -> list[Affiliation]:
        """The dated ties of a group, optionally of one relation and in force on a date."""
        g = self.groups.get(actor_id)
        if g is None:
            return []
        return [a for a in g.affiliations if (relation is None or a.relation == relation)
                and (not on or ((a.since is None or on >= a.since) and (a.until is None or on < a.until)))]


def load_kb(extra_actors: str | Path | None = None) -> ActorKB:
    """The knowledge base from the package's data files (plus a user's actors file)."""
    from .load import load

    return load(str(extra_actors) if extra_actors else None)
