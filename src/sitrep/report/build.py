"""A report's content: sections of sourced lines, from the stored fused events and control timeline."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..control import control_changes

__all__ = ["Line", "Section", "Report", "build_report"]

KEY_EVENTS_PER_AREA = 4  # enough to see an area's week; more is for `sitrep events`
MAX_CLAIMS = 8
MAX_ACTORS = 6


@dataclass(frozen=True)
class Line:
    """One statement and the numbers of the sources it rests on."""

    text: str
    refs: tuple[int, ...] = ()


@dataclass
class Section:
    title: str
    lines: list[Line] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)


@dataclass
class Report:
    title: str
    summary: str
    sections: list[Section]
    sources: list[dict[str, Any]]  # numbered from 1: outlet, headline, published, url, sentence
    # events per day by ACLED event type (verbal events apart), for the chart a reader looks at
    daily: list[tuple[str, dict[str, int]]] = field(default_factory=list)


class _Sources:
    """Numbers each distinct (article, sentence) once, in order of first citation."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, str], int] = {}
        self.items: list[dict[str, Any]] = []

    def cite(self, sources: list[dict[str, Any]], limit: int = 4) -> tuple[int, ...]:
        refs: list[int] = []
        for s in sources[:limit]:
            key = (s["article_id"], s["sentence"])
            if key not in self.numbers:
                self.items.append(s)
                self.numbers[key] = len(self.items)
            refs.append(self.numbers[key])
        return tuple(dict.fromkeys(refs))


def _name(actor: dict | None) -> str:
    return actor["name"] if actor else "unknown"


def _place(f: dict[str, Any]) -> str:
    loc = f.get("location") or {}
    return loc.get("name") or "an unknown place"


def _area(f: dict[str, Any]) -> str:
    loc = f.get("location") or {}
    return loc.get("admin1") or loc.get("country") or "Place unknown"


def _outlets(f: dict[str, Any]) -> int:
    return len({(s.get("outlet") or s["article_id"]) for s in f["sources"]})


def _describe(f: dict[str, Any]) -> str:
    what = f.get("sub_event_type") or (f.get("plover") or "event").lower()
    actors = _name(f.get("actor1")) + (f" against {_name(f['actor2'])}" if f.get("actor2") else "")
    n = _outlets(f)
    flag = "; disputed" if f.get("disputed") else ""
    return (f"{f.get('event_date') or 'date unknown'}: {what} by {actors} in {_place(f)}"
            f" ({f['modality']}, {n} outlet{'s' if n != 1 else ''}{flag})")


def _weight(f: dict[str, Any]) -> tuple:
    return (_outlets(f), f.get("event_type") == "Battles" or "territory" in (f.get("sub_event_type") or ""),
            f.get("confidence") or 0.0)


def _change_line(change: dict[str, Any]) -> str:
    after, before = change["after"], change["before"]
    was = (f"{before['status']} ({_name(before['controller'])})" if before["status"] else "no earlier report")
    if after["status"] == "controlled":
        now = f"controlled by {_name(after['controller'])}"
    else:
        held = f"held by {_name(after['controller'])}" if after["controller"] else "holder unconfirmed"
        now = f"contested ({held}; challenged by {_name(after['challenger'])})"
    return f"{change['date']}: {change['place']['name']} {now}; before: {was}"


def build_report(store, since: str, until: str, country: str | None = None) -> Report:
    """The situation report of [since, until], optionally for one country."""
    everything = store.clusters(country=country)
    period = [f for f in everything if f.get("event_date") and since <= f["event_date"] <= until]
    by_id = {f["id"]: f for f in everything}
    cite = _Sources()
    sections = [
        _changes(everything, since, until, by_id, cite),
        _by_area(period, cite),
        _claims(period, cite),
        _actors(period),
    ]
    articles = {s["article_id"] for f in period for s in f["sources"]}
    outlets = {s.get("outlet") for f in period for s in f["sources"] if s.get("outlet")}
    where = f" — {country}" if country else ""
    summary = (f"{len(period)} events from {len(articles)} reports by {len(outlets)} outlets, "
               f"{since} to {until}. Numbers in brackets are the sources listed at the end.")
    return Report(f"Situation report{where}, {since} to {until}", summary, sections, cite.items,
                  _daily(period, since, until))


def _daily(period: list[dict[str, Any]], since: str, until: str) -> list[tuple[str, dict[str, int]]]:
    """Every day of the period, with its fused events counted by type."""
    from datetime import date, timedelta

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for f in period:
        counts[f["event_date"]][f.get("event_type") or "Statements"] += 1
    first, last = date.fromisoformat(since), date.fromisoformat(until)
    days = [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
    return [(d, dict(counts.get(d, {}))) for d in days]


def _changes(everything, since, until, by_id, cite: _Sources) -> Section:
    section = Section("Changes of control")
    for change in control_changes(everything, since, until):
        d = change.to_dict()
        sources = [s for eid in d["evidence"][-2:] for s in by_id[eid]["sources"]]
        section.lines.append(Line(_change_line(d), cite.cite(sources)))
    if not section.lines:
        section.lines.append(Line("No change of control reported in the period."))
    return section


def _by_area(period, cite: _Sources) -> Section:
    section = Section("Key events by area")
    areas: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in period:
        if f.get("event_type"):  # material events; statements are in `sitrep events`
            areas[_area(f)].append(f)
    for area, events in sorted(areas.items(), key=lambda kv: -len(kv[1])):
        sub = Section(f"{area} ({len(events)} events)")
        for f in sorted(events, key=_weight, reverse=True)[:KEY_EVENTS_PER_AREA]:
            sub.lines.append(Line(_describe(f), cite.cite(f["sources"])))
        section.subsections.append(sub)
    return section


def _claims(period, cite: _Sources) -> Section:
    section = Section("Claims versus confirmed reports")
    disputed = [f for f in period if f.get("disputed") or f.get("contradictions")]
    claimed = [f for f in period if f["modality"] == "claimed" and f not in disputed]
    confirmed = [f for f in period if f["modality"] in ("asserted", "reported") and _outlets(f) > 1
                 and f not in disputed]
    for title, group in (("Disputed", disputed), ("Claimed only", claimed), ("Confirmed by several outlets", confirmed)):
        sub = Section(f"{title} ({len(group)})")
        for f in sorted(group, key=_weight, reverse=True)[:MAX_CLAIMS]:
            text = _describe(f)
            if f.get("contradictions"):
                text += " — " + "; ".join(f["contradictions"][:2])
            sub.lines.append(Line(text, cite.cite(f["sources"])))
        section.subsections.append(sub)
    return section


def _actors(period) -> Section:
    section = Section("Most active actors")
    count: Counter[str] = Counter()
    places: dict[str, set[str]] = defaultdict(set)
    for f in period:
        if f.get("event_type") and f.get("actor1"):
            count[f["actor1"]["name"]] += 1
            places[f["actor1"]["name"]].add(_place(f))
    for name, n in count.most_common(MAX_ACTORS):
        where = ", ".join(sorted(places[name])[:5])
        section.lines.append(Line(f"{name}: {n} events ({where})"))
    return section
