"""Where a source sentence names the event's place and actors, so the page can mark them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

__all__ = ["highlights"]


def _names(actor: dict[str, Any] | None) -> list[str]:
    """The ways a sentence may name an actor: its name, and each side of "HTS: Hayat Tahrir al Sham"."""
    if not actor:
        return []
    name = actor.get("name") or ""
    parts = [name] + [p.strip() for p in name.split(":")] + [re.sub(r"\s*\(.*?\)", "", name)]
    return [p for p in dict.fromkeys(parts) if len(p) > 2]


def highlights(sentence: str, event: dict[str, Any],
               toponyms: Sequence[tuple[int, int, int | None]] = ()) -> list[dict[str, Any]]:
    """Character spans of the sentence naming the event's place and actors: {start, end, role}, in order.

    `toponyms` are the geoparser's mentions in the sentence (start, end, geonameid): the one that
    resolved to the event's place is the place, whatever spelling the sentence used ("Hama" for Ḩamāh).
    """
    loc = event.get("location") or {}
    spans: list[dict[str, Any]] = []
    for start, end, geonameid in toponyms:
        if geonameid is None or geonameid != loc.get("geonameid") or not 0 <= start < end <= len(sentence):
            continue
        while end > start + 1 and not sentence[end - 1].isalnum():
            end -= 1  # a mention the geoparser took with the full stop after it ("Hama.")
        spans.append({"start": start, "end": end, "role": "place"})
    wanted = [("place", n) for n in (loc.get("name"), loc.get("geonames_name")) if n]
    for role in ("actor1", "actor2"):
        wanted += [(role, n) for n in _names(event.get(role))]
    for role, name in wanted:
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", sentence, re.I):
            if not any(s["start"] < m.end() and m.start() < s["end"] for s in spans):
                spans.append({"start": m.start(), "end": m.end(), "role": role})
    return sorted(spans, key=lambda s: s["start"])
