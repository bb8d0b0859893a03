"""Where a source sentence names the event's place and actors, so the page can mark them."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["highlights"]


def _names(actor: dict[str, Any] | None) -> list[str]:
    """The ways a sentence may name an actor: its name, and each side of "HTS: Hayat Tahrir al Sham"."""
    if not actor:
        return []
    name = actor.get("name") or ""
    parts = [name] + [p.strip() for p in name.split(":")] + [re.sub(r"\s*\(.*?\)", "", name)]
    return [p for p in dict.fromkeys(parts) if len(p) > 2]


def highlights(sentence: str, event: dict[str, Any]) -> list[dict[str, Any]]:
    """Character spans of the sentence naming the event's place and actors: {start, end, role}, in order."""
    loc = event.get("location") or {}
    wanted = [("place", n) for n in (loc.get("name"), loc.get("geonames_name")) if n]
    for role in ("actor1", "actor2"):
        wanted += [(role, n) for n in _names(event.get(role))]
    spans: list[dict[str, Any]] = []
    for role, name in wanted:
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", sentence, re.I):
            if not any(s["start"] < m.end() and m.start() < s["end"] for s in spans):
                spans.append({"start": m.start(), "end": m.end(), "role": role})
    return sorted(spans, key=lambda s: s["start"])
