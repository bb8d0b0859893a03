"""The actor knowledge base: who can act, under which names (finding candidates).

Built from reviewed data files next to this module (`data/states.yaml`,
`data/groups.yaml`, `data/sources.yaml`) plus every ISO 3166 country from pycountry,
so that any state has military, police and government actors with ACLED's names.
Choosing among candidates in context is `resolve.py`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..models import Actor

__all__ = ["ActorKB", "GroupEntry", "StateEntry", "load_kb"]

BRANCHES = ("military", "government", "police")


@dataclass(frozen=True)
class StateEntry:
    iso3: str
    name: str
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    military: str = ""
    government: str = ""
    police: str = ""
    extra_forces: tuple[str, ...] = ()
    # (name, aliases, since, until): people who speak or act for the government
    leaders: tuple[tuple[str, tuple[str, ...], str | None, str | None], ...] = ()


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


def _names_regex(names: dict[str, str], case_sensitive: bool) -> re.Pattern | None:
    """One alternation, longest names first, bounded by non-word characters."""
    if not names:
        return None
    alts = sorted(names, key=len, reverse=True)
    body = "|".join(re.escape(a) for a in alts)
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", flags)


def _norm(s: str) -> str:
    return s.replace("’", "'").lower()


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
    leaders: dict[str, tuple[str, str | None, str | None]] = field(default_factory=dict)
    iso2_to_3: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        for g in self.groups.values():
            for a in (g.name, *g.aliases, *g.descriptors):
                # Short all-capital abbreviations ("IS", "AA", "PDF") are only
                # trusted with their exact case; "is" and "aa" are English.
                if a.isupper() and len(a) <= 5:
                    self.group_abbrevs[a] = g.id
                else:
                    self.group_names[_norm(a)] = g.id
            for person in g.leaders:
                self.leaders[_norm(person)] = (g.id, None, None)
        for s in self.states.values():
            self.country_names[_norm(s.name)] = s.iso3
            for d in s.demonyms:
                if d.isupper():
                    self.group_abbrevs.setdefault(d, f"state:{s.iso3}")
                else:
                    self.demonyms[_norm(d)] = s.iso3
            for c in s.capitals:
                self.capitals[_norm(c)] = s.iso3
            for f in s.extra_forces:
                self.group_abbrevs.setdefault(f, f"{s.iso3}-military") if f.isupper() else None
                self.group_names.setdefault(_norm(f), f"{s.iso3}-military")
            for name, aliases, since, until in s.leaders:
                for n in (name, *aliases):
                    self.leaders[_norm(n)] = (f"{s.iso3}-government", since, until)
        self._group_re = _names_regex(self.group_names, case_sensitive=False)
        self._abbrev_re = _names_regex(self.group_abbrevs, case_sensitive=True)
        self._leader_re = _names_regex(self.leaders, case_sensitive=False)
        places = {**self.demonyms, **self.country_names, **self.capitals}
        self._state_re = _names_regex(places, case_sensitive=False)
        self._source_re = _names_regex({_norm(s): s for s in self.sources}, case_sensitive=False)

    # -- candidates -------------------------------------------------------------
    def find_groups(self, text: str) -> list[tuple[int, int, str]]:
        """Group mentions in text: (start, end, actor id), leftmost-longest."""
        out = []
        for rx, table, fold in ((self._group_re, self.group_names, True),
                                (self._abbrev_re, self.group_abbrevs, False)):
            if rx is None:
                continue
            for m in rx.finditer(text):
                key = _norm(m.group(0)) if fold else m.group(0)
                out.append((m.start(), m.end(), table[key]))
        return sorted(out)

    def find_leaders(self, text: str, on: str | None = None) -> list[tuple[int, int, str]]:
        """Leader names in text: (start, end, actor id), honouring their dates."""
        out = []
        if self._leader_re is None:
            return out
        for m in self._leader_re.finditer(text):
            actor_id, since, until = self.leaders[_norm(m.group(0))]
            if on and ((since and on < since) or (until and on > until)):
                continue
            out.append((m.start(), m.end(), actor_id))
        return out

    def find_states(self, text: str) -> list[tuple[int, int, str, str]]:
        """Demonyms, country names and capitals: (start, end, iso3, how)."""
        out = []
        for m in self._state_re.finditer(text):
            k = _norm(m.group(0))
            how = "demonym" if k in self.demonyms else "capital" if k in self.capitals else "country"
            iso3 = self.demonyms.get(k) or self.capitals.get(k) or self.country_names[k]
            out.append((m.start(), m.end(), iso3, how))
        return out

    def find_sources(self, text: str) -> list[tuple[int, int, str]]:
        """News outlets and monitors named in text (they report; they are not actors)."""
        if self._source_re is None:
            return []
        return [(m.start(), m.end(), m.group(0)) for m in self._source_re.finditer(text)]

    # -- actors -----------------------------------------------------------------
    def actor(self, actor_id: str) -> Actor:
        """The contract Actor for an id: a group id, ISO3-branch, or generic-ISO3."""
        if actor_id in self.groups:
            g = self.groups[actor_id]
            return Actor(name=g.name, id=g.id, kind=g.kind, country=g.country)
        head, _, tail = actor_id.partition("-")
        if head in self.states and tail in BRANCHES:
            s = self.states[head]
            name = getattr(s, tail)
            return Actor(name=name, id=actor_id, kind="State forces", country=s.iso3)
        generic = {"civilians": ("Civilians", "Civilians"), "protesters": ("Protesters", "Protesters"),
                   "rioters": ("Rioters", "Rioters"),
                   "unidentified": ("Unidentified Armed Group", "Political militia"),
                   "rebels": ("Unidentified Armed Group", "Rebel group")}
        if head in generic:
            label, kind = generic[head]
            iso3 = tail or None
            country = self.states[iso3].name if iso3 in self.states else None
            name = f"{label} ({country})" if country else label
            return Actor(name=name, id=actor_id, kind=kind, country=iso3)
        raise KeyError(actor_id)

    def state(self, code: str) -> StateEntry | None:
        """A state by ISO alpha-3 or alpha-2 code."""
        return self.states.get(code) or self.states.get(self.iso2_to_3.get(code, ""))


def _load_yaml(name: str, extra: Path | None = None):
    with resources.files("sitrep.actors").joinpath(f"data/{name}").open(encoding="utf-8") as fp:
        return yaml.safe_load(fp)


def _states(overrides: dict) -> tuple[dict[str, StateEntry], dict[str, str]]:
    import pycountry

    states: dict[str, StateEntry] = {}
    iso2_to_3: dict[str, str] = {}
    for c in pycountry.countries:
        iso2_to_3[c.alpha_2] = c.alpha_3
        o = overrides.get(c.alpha_3, {})
        name = o.get("name") or getattr(c, "common_name", None) or c.name
        leaders = tuple(
            (p["name"], tuple(p.get("aliases", ())), p.get("since"), p.get("until"))
            for p in o.get("leaders", ()))
        states[c.alpha_3] = StateEntry(
            iso3=c.alpha_3, name=name,
            demonyms=tuple(o.get("demonyms", ())),
            capitals=tuple(o.get("capitals", ())),
            military=o.get("military") or f"Military Forces of {name}",
            government=o.get("government") or f"Government of {name}",
            police=o.get("police") or f"Police Forces of {name}",
            extra_forces=tuple(o.get("extra_forces", ())),
            leaders=leaders,
        )
    return states, iso2_to_3


def _groups(rows: list[dict]) -> dict[str, GroupEntry]:
    out = {}
    for r in rows:
        out[r["id"]] = GroupEntry(
            id=r["id"], name=r["name"], kind=r["kind"], country=r.get("country"),
            aliases=tuple(r.get("aliases", ())), leaders=tuple(r.get("leaders", ())),
            descriptors=tuple(r.get("descriptors", ())),
            backed_by=tuple(r.get("backed_by", ())), part_of=r.get("part_of"))
    return out


def load_kb(extra_actors: str | Path | None = None) -> ActorKB:
    """The knowledge base from the package's data files (plus a user's groups file)."""
    return _load_kb(str(extra_actors) if extra_actors else None)


@lru_cache(maxsize=4)
def _load_kb(extra: str | None) -> ActorKB:
    states, iso2_to_3 = _states(_load_yaml("states.yaml"))
    groups = _groups(_load_yaml("groups.yaml"))
    if extra:
        with open(extra, encoding="utf-8") as fp:
            groups.update(_groups(yaml.safe_load(fp) or []))
    sources = tuple(_load_yaml("sources.yaml"))
    kb = ActorKB(states=states, groups=groups, sources=sources)
    kb.iso2_to_3.update(iso2_to_3)
    return kb
