"""Typed records handed between sitrep's stages.

Data flow: ingest -> Article; nlp + places -> PlaceMention; actors -> Actor;
events -> Event.  Frozen dataclasses, no I/O: every stage may import this module.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["Article", "Actor", "Location", "PlaceMention", "Event", "ControlStatement"]


@dataclass(frozen=True)
class Article:
    """One news report: its body text (after any header block) and metadata."""

    id: str
    text: str
    published: str | None = None  # ISO date, YYYY-MM-DD
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    source: str | None = None  # the file (and line) it was read from


@dataclass(frozen=True)
class Actor:
    """An actor as the output contract names it."""

    name: str
    id: str | None = None
    kind: str | None = None  # ACLED actor type, e.g. "Rebel group"
    country: str | None = None  # ISO 3166 alpha-3

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Location:
    """Where an event happened (ACLED geo-precision 1-3)."""

    name: str
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    admin1: str | None
    country: str | None
    country_code: str | None
    precision: int = 1
    geonames_name: str | None = None  # GeoNames' own name; `name` is the press's
    place_id: str | None = None  # sitrep's own id of a place GeoNames lacks (geonameid null)

    @property
    def place_key(self) -> int | str | None:
        """Which place it is: its GeoNames id, else sitrep's own id (two places GeoNames lacks
        are not one place)."""
        return self.geonameid if self.geonameid is not None else self.place_id

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PlaceMention:
    """A toponym found in an article, resolved (or not) against the gazetteer."""

    article_id: str
    start: int
    end: int
    text: str
    name: str | None
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    feature: str | None  # "city", "country", "admin1", "border", ...
    country_code: str | None
    admin1: str | None
    role: str = "location"  # "location" or "metonym"
    reason: str | None = None  # why it is unresolved, when it is
    place_id: str | None = None  # sitrep's own id of a place GeoNames lacks (geonameid null)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if d["reason"] is None and (self.geonameid is not None or self.place_id is not None):
            del d["reason"]
        return d


@dataclass(frozen=True)
class Event:
    """One coded event: the contract's event object."""

    id: str
    article_id: str
    event_date: str | None
    date_precision: str | None
    event_type: str | None
    sub_event_type: str | None
    plover: str | None
    actor1: Actor | None
    actor2: Actor | None
    location: Location | None
    fatalities: int | None
    modality: str
    text: str
    span: tuple[int, int]
    notes: str
    assoc_actors: tuple[Actor, ...] = ()
    attribution: tuple[str, ...] = ()
    confidence: float | None = None  # how likely it is right as coded (events/confidence.py)

    def to_dict(self) -> dict[str, Any]:
        """The event as the output contract's JSON object, keys in contract order."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "event_date": self.event_date,
            "date_precision": self.date_precision,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "plover": self.plover,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "assoc_actors": [a.to_dict() for a in self.assoc_actors],
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities,
            "modality": self.modality,
            "attribution": list(self.attribution),
            "text": self.text,
            "span": list(self.span),
            "notes": self.notes,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        def actor(a: dict | None) -> Actor | None:
            return Actor(**a) if a else None

        loc = d.get("location")
        return cls(
            id=d["id"],
            article_id=d["article_id"],
            event_date=d.get("event_date"),
            date_precision=d.get("date_precision"),
            event_type=d.get("event_type"),
            sub_event_type=d.get("sub_event_type"),
            plover=d.get("plover"),
            actor1=actor(d.get("actor1")),
            actor2=actor(d.get("actor2")),
            location=Location(**loc) if loc else None,
            fatalities=d.get("fatalities"),
            modality=d.get("modality", "asserted"),
            text=d.get("text", ""),
            span=tuple(d.get("span", (0, 0))),
            notes=d.get("notes", ""),
            assoc_actors=tuple(Actor(**a) for a in d.get("assoc_actors", [])),
            attribution=tuple(d.get("attribution", [])),
            confidence=d.get("confidence"),
        )


@dataclass(frozen=True)
class ControlStatement:
    """A sentence saying outright who holds a place ("the town is held by the SDF"), with no
    event in it: evidence for the control timeline.  `modality` is asserted, reported (told
    by someone else) or claimed (said by the holder itself)."""

    id: str
    article_id: str
    sentence: str
    span: tuple[int, int]  # the sentence's character offsets in the article
    place: dict[str, Any]  # name, geonameid, latitude, longitude, admin1, country_code
    controller: Actor
    date: str | None  # the statement's own date, else the article's publication date
    modality: str = "asserted"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ControlStatement:
        return cls(**{**d, "span": tuple(d["span"]), "controller": Actor(**d["controller"])})
