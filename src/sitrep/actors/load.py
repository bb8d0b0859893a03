"""Reading the actor data files into a knowledge base.

The files, all next to this module in `data/` and all reviewed by hand:

- `states.yaml`: ACLED's names for states: the short name, "the", the regimes' year
  ranges, named units, other names of the military, and whom "the insurgents" means.
- `demonyms.yaml`, `capitals.yaml`, `leaders.yaml`: how the press names a state without
  naming it ("Syrian forces", "Moscow said", "Erdogan said"); leaders are date-bounded.
- `groups_*.yaml`: non-state armed groups, international forces and organisations, one
  file per region; the format is in `groups_middle_east.yaml`'s header.
- `sources.yaml`: news outlets and monitors (they report events; they are not actors).

A user's file (`--actors FILE`) is a list of groups in the same format, or a mapping with
any of `groups`, `states`, `demonyms`, `capitals`, `leaders`; its entries win.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..errors import InputError
from .kb import ActorKB, Affiliation, GroupEntry, Period, StateEntry, Unit

__all__ = ["load", "KINDS", "groups_from_rows"]

KINDS = ("State forces", "Rebel group", "Political militia", "Identity militia", "Rioters",
         "Protesters", "Civilians", "External/Other forces")
DATA = "sitrep.actors"


def _data(name: str) -> Any:
    with resources.files(DATA).joinpath(f"data/{name}").open(encoding="utf-8") as fp:
        return yaml.safe_load(fp)


def _group_files() -> list[str]:
    folder = resources.files(DATA).joinpath("data")
    return sorted(p.name for p in folder.iterdir() if re.fullmatch(r"groups(_\w+)?\.yaml", p.name))


def _date(v: Any) -> str | None:
    # YAML reads 2024-12-08 as a date and 2016 as an int: both become ISO strings
    if v is None:
        return None
    s = str(v)
    return f"{s}-01-01" if re.fullmatch(r"\d{4}", s) else s


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _affiliations(relation: str, value: Any) -> list[Affiliation]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    out = []
    for it in items:
        if isinstance(it, dict):
            out.append(Affiliation(relation, str(it["actor"]), _date(it.get("since")), _date(it.get("until"))))
        else:
            out.append(Affiliation(relation, str(it)))
    return out


def groups_from_rows(rows: list[dict], source: str = "groups") -> dict[str, GroupEntry]:
    """Group entries from parsed YAML rows; a bad row raises InputError naming it."""
    out: dict[str, GroupEntry] = {}
    for i, r in enumerate(rows or []):
        if not isinstance(r, dict) or "name" not in r:
            raise InputError(f"actor entry {i + 1} has no name", source)
        kind = r.get("kind", "Political militia")
        if kind not in KINDS:
            raise InputError(f"actor {r['name']!r}: kind {kind!r} is not one of ACLED's: "
                             f"{', '.join(KINDS)}", source)
        affs = (_affiliations("part_of", r.get("part_of")) + _affiliations("backed_by", r.get("backed_by"))
                + _affiliations("allied_with", r.get("allied_with")))
        gid = str(r.get("id") or _slug(r["name"]))
        out[gid] = GroupEntry(
            id=gid, name=r["name"], kind=kind, country=r.get("country"),
            aliases=tuple(str(a) for a in r.get("aliases", ())),
            leaders=tuple(r.get("leaders", ())),
            descriptors=tuple(r.get("descriptors", ())),
            backed_by=tuple(a.target for a in affs if a.relation == "backed_by"),
            part_of=next((a.target for a in affs if a.relation == "part_of"), None),
            allied_with=tuple(a.target for a in affs if a.relation == "allied_with"),
            affiliations=tuple(affs),
            periods=tuple(Period(p["name"], _date(p.get("since")), _date(p.get("until")), p.get("kind"))
                          for p in r.get("names", ())),
            branches=tuple((k, v) for k, v in (r.get("by_country") or {}).items()),
            covers=tuple((str(c["actor"]), str(c.get("where", "named"))) for c in r.get("covers", ())),
            faction=r.get("faction"),
            formed=_date(r.get("formed")),
        )
    return out


def _leaders(rows: list[dict] | None) -> tuple:
    return tuple((p["name"], tuple(p.get("aliases", ())), _date(p.get("since")), _date(p.get("until")))
                 for p in rows or ())


def _states(meta: dict, demonyms: dict, capitals: dict, leaders: dict) -> tuple[dict[str, StateEntry], dict[str, str]]:
    import pycountry

    codes = {c.alpha_3: (c.alpha_2, getattr(c, "common_name", None) or c.name) for c in pycountry.countries}
    for iso3, o in meta.items():  # states ACLED knows that ISO 3166 lacks (Kosovo)
        if iso3 not in codes:
            codes[iso3] = (o.get("iso2", ""), o["name"])
    states: dict[str, StateEntry] = {}
    iso2_to_3: dict[str, str] = {}
    for iso3, (iso2, default_name) in codes.items():
        if iso2:
            iso2_to_3[iso2] = iso3
        o = meta.get(iso3, {}) or {}
        periods = tuple(Period(str(p["years"]), _date(p.get("since")), _date(p.get("until")))
                        for p in o.get("periods", ()))
        units = tuple(Unit(u["name"], u.get("branch", "military"), tuple(u.get("aliases", ())),
                           bool(u.get("anywhere", False)))
                      for u in o.get("units", ()))
        insurgents = tuple(Period(str(p["actor"]), _date(p.get("since")), _date(p.get("until")))
                           for p in o.get("insurgents", ()))
        unattributed = tuple(Period(str(p["actor"]), _date(p.get("since")), _date(p.get("until")))
                             for p in o.get("unattributed", ()))
        overrides = tuple((b, o[b]) for b in ("military", "government", "police") if o.get(b))
        s = StateEntry(
            iso3=iso3, name=o.get("name") or default_name,
            demonyms=tuple(demonyms.get(iso3, ())),
            capitals=tuple(capitals.get(iso3, ())),
            extra_forces=tuple(o.get("forces", ()) or o.get("extra_forces", ())),
            aliases=tuple(o.get("aliases", ())),
            leaders=_leaders(leaders.get(iso3)),
            the=bool(o.get("the", False)), periods=periods, units=units,
            insurgents=insurgents, unidentified=o.get("unidentified"), armed_men=o.get("armed_men"),
            gang=_gang(o.get("gang")),
            unattributed=unattributed, overrides=overrides)
        states[iso3] = StateEntry(**{**s.__dict__, "military": s.branch_name("military"),
                                     "government": s.branch_name("government"),
                                     "police": s.branch_name("police")})
    return states, iso2_to_3


def _gang(v: Any) -> str | None:
    """`gang: true` (the pattern's name) or the country's own name for its gangs."""
    return None if v is None or v is False else ("" if v is True else str(v))


def _user_file(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as fp:
            data = yaml.safe_load(fp)
    except OSError as exc:
        raise InputError(f"cannot read the actors file: {exc.strerror}", path) from exc
    except yaml.YAMLError as exc:
        raise InputError(f"the actors file is not valid YAML: {exc}", path) from exc
    if data is None:
        return {}
    if isinstance(data, list):
        return {"groups": data}
    if isinstance(data, dict):
        return data
    raise InputError("the actors file must be a list of groups or a mapping", path)


@lru_cache(maxsize=4)
def load(extra: str | None = None) -> ActorKB:
    """The knowledge base from the package's data files and, optionally, a user's file."""
    meta, demonyms, capitals, leaders = (_data("states.yaml"), _data("demonyms.yaml"),
                                         _data("capitals.yaml"), _data("leaders.yaml"))
    rows: list[dict] = []
    for name in _group_files():
        rows += _data(name) or []
    groups = groups_from_rows(rows, "groups")
    user = _user_file(extra) if extra else {}
    if extra and user:
        for key, base in (("states", meta), ("demonyms", demonyms), ("capitals", capitals),
                          ("leaders", leaders)):
            for k, v in (user.get(key) or {}).items():
                base[k] = {**base.get(k, {}), **v} if key == "states" else v
        groups.update(groups_from_rows(user.get("groups") or [], extra))
    states, iso2_to_3 = _states(meta, demonyms, capitals, leaders)
    kb = ActorKB(states=states, groups=groups, sources=tuple(_data("sources.yaml")))
    kb.iso2_to_3.update(iso2_to_3)
    return kb
