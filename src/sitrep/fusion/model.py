"""The records fusion hands on: a source (one report of an event) and a fused event.

A fused event is the events of many articles that tell one happening.  It keeps every
source — which article, outlet, headline, sentence, and how that report framed it
(modality) — so every statement made from it can be traced back to the words it rests on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import Event

__all__ = ["DENIALS", "Source", "FusedEvent", "fused_modality", "independent_confirmation"]

# How a report frames what it tells, strongest first: an outlet's own voice beats a report
# relayed from others, which beats a party's claim.
_FACTUAL_STRENGTH = ("asserted", "reported", "claimed", "denied")
# A report that a party denies it, or that says it did not happen ("X did not take Y, the army
# said"): either contradicts the reports that it did.
DENIALS = frozenset({"denied", "negated"})


@dataclass(frozen=True)
class Source:
    """One report of an event: the article it is in and the sentence it was read from."""

    event_id: str
    article_id: str
    outlet: str | None
    url: str | None
    headline: str | None
    published: str | None
    sentence: str
    modality: str
    attribution: tuple[str, ...] = ()
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id, "article_id": self.article_id, "outlet": self.outlet,
            "url": self.url, "headline": self.headline, "published": self.published,
            "sentence": self.sentence, "modality": self.modality,
            "attribution": list(self.attribution), "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        return cls(d["event_id"], d["article_id"], d.get("outlet"), d.get("url"), d.get("headline"),
                   d.get("published"), d.get("sentence", ""), d.get("modality", "asserted"),
                   tuple(d.get("attribution") or ()), d.get("confidence"))

    @property
    def voice(self) -> str:
        """Who is speaking: the outlet, else the article (an article with no outlet stands alone)."""
        return (self.outlet or f"article:{self.article_id}").casefold()


def independent_confirmation(claim: Source, other: Source) -> bool:
    """Whether `other` reports what `claim` claims, from another outlet and not on the claimant's word."""
    if other.modality not in ("asserted", "reported") or other.voice == claim.voice:
        return False
    claimants = {a.casefold() for a in claim.attribution}
    return not claimants & {a.casefold() for a in other.attribution}


def fused_modality(sources: list[Source]) -> tuple[str, bool]:
    """The modality of the happening the sources tell, and whether a source denies it.

    A claim that an independent outlet reports becomes `reported`; a claim nobody else
    confirms stays `claimed`; a denial (or a report that it did not happen) beside any
    affirming source makes it disputed (the affirming modality is kept, the dispute flagged).
    """
    modalities = {s.modality for s in sources}
    affirming = [s for s in sources if s.modality in ("asserted", "reported", "claimed")]
    disputed = bool(modalities & DENIALS) and bool(affirming)
    if not affirming:
        for m in _FACTUAL_STRENGTH + ("planned", "expected", "hypothetical", "negated"):
            if m in modalities:
                return m, False
        return sources[0].modality, False
    claims = [s for s in affirming if s.modality == "claimed"]
    plain = [s for s in affirming if s.modality != "claimed"]
    if not claims:
        return ("asserted" if any(s.modality == "asserted" for s in plain) else "reported"), disputed
    if any(independent_confirmation(c, o) for c in claims for o in plain):
        return "reported", disputed
    return "claimed", disputed


@dataclass
class FusedEvent:
    """One happening: the best-told of its events, every source, and what the sources disagree on."""

    id: str
    event: Event  # the representative: the most precisely placed and dated, most confident report
    sources: list[Source] = field(default_factory=list)
    contradictions: list[str] = field(default_factory=list)

    @property
    def modality(self) -> str:
        return fused_modality(self.sources)[0]

    @property
    def disputed(self) -> bool:
        return fused_modality(self.sources)[1]

    @property
    def confidence(self) -> float:
        """Independent reports make a happening likelier: 1 - prod(1 - c) over distinct outlets' best."""
        best: dict[str, float] = {}
        for s in self.sources:
            c = 0.5 if s.confidence is None else s.confidence
            best[s.voice] = max(best.get(s.voice, 0.0), c)
        doubt = 1.0
        for c in best.values():
            doubt *= 1.0 - c
        return round(min(0.99, 1.0 - doubt), 3)

    def to_dict(self) -> dict[str, Any]:
        """The contract's event object for the happening, with `sources` and fusion's own fields."""
        d = self.event.to_dict()
        d["id"] = self.id
        d["modality"] = self.modality
        d["confidence"] = self.confidence
        d["disputed"] = self.disputed
        d["contradictions"] = list(self.contradictions)
        d["first_reported"] = min((s.published for s in self.sources if s.published), default=None)
        d["sources"] = [s.to_dict() for s in self.sources]
        return d
