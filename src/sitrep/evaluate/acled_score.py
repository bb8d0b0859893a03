"""Scoring sitrep's events against ACLED rows: pairing, per-row checks, metrics.

The rules are those of :mod:`sitrep.evaluate.acled`; this module holds the comparison of
one output event (a :class:`~sitrep.models.Event`) with one gold row, the pairing within
each note, and the metrics over a run.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .common import haversine_km, hungarian

if TYPE_CHECKING:
    from .acled import GoldRow, Note

__all__ = [
    "INTER_KINDS", "CHECKS", "METRIC_OF", "RATE_KEYS", "FIGURE_KEYS", "LOCATION_KM", "NONE_LABEL",
    "Pair", "AcledScore", "distance_km", "normalize_actor_name", "actor_name_matches",
    "pair_cost", "match_note", "checks_for", "coded", "score", "per_subtype", "confusions",
    "metrics", "figure_lines",
]

LOCATION_KM = 25.0
NONE_LABEL = "(none)"  # a gold row that no output event was matched to

INTER_KINDS = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

# The per-gold-row checks, in report order, and the metric key each one feeds.
CHECKS = ("event_type", "sub_type", "date", "location", "fatalities", "actor1_type", "actor1_name")
METRIC_OF = {
    "event_type": "event_type_acc",
    "sub_type": "sub_type_acc",
    "date": "date_exact",
    "location": "location_25km",
    "fatalities": "fatalities_exact",
    "actor1_type": "actor1_type_acc",
    "actor1_name": "actor1_name_acc",
}
# Every key of metrics() whose value is a rate in [0, 1] (the same keys under "matched").
RATE_KEYS = (
    "event_type_acc",
    "sub_type_acc",
    "sub_type_macro_f1",
    "date_exact",
    "location_25km",
    "fatalities_exact",
    "actor1_type_acc",
    "actor1_name_acc",
    "match_rate",
)
# The rates printed by figure_lines, in order.
FIGURE_KEYS = RATE_KEYS[:-1]

# Cost weights of the assignment: type first, then sub-type, then distance (km, capped).
_W_TYPE = 1e9
_W_SUBTYPE = 1e6
_FAR_KM = 20_100.0  # more than any distance on Earth: no coordinates on either side


# --- comparing one output event with one gold row ----------------------------------


def distance_km(event: Any, gold: GoldRow) -> float | None:
    """Distance between the event's location and the gold coordinates; None if either lacks them."""
    loc = getattr(event, "location", None)
    if loc is None or loc.latitude is None or loc.longitude is None:
        return None
    if gold.latitude is None or gold.longitude is None:
        return None
    return haversine_km(loc.latitude, loc.longitude, gold.latitude, gold.longitude)


_YEARS = re.compile(r"\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")


def normalize_actor_name(name: str | None) -> str:
    """Lower case, parenthesised years dropped ('(2000-)', '(2014-2019)'), spaces collapsed.

    Country parentheses such as '(Syria)' are kept.
    """
    if not name:
        return ""
    return re.sub(r"\s+", " ", _YEARS.sub(" ", name)).strip().lower()


def actor_name_matches(output_name: str | None, gold_name: str | None) -> bool:
    """Whether an output actor's name is the gold actor's name, as the metric defines."""
    a, b = normalize_actor_name(output_name), normalize_actor_name(gold_name)
    return bool(a) and a == b


def pair_cost(gold: GoldRow, event: Any) -> float:
    """Cost of pairing: type mismatch >> sub-type mismatch >> distance in km."""
    cost = 0.0
    if event.event_type != gold.event_type:
        cost += _W_TYPE
    if event.sub_event_type != gold.sub_event_type:
        cost += _W_SUBTYPE
    d = distance_km(event, gold)
    return cost + (_FAR_KM if d is None else min(d, _FAR_KM))


def match_note(rows: Sequence[GoldRow], events: Sequence[Any]) -> list[tuple[int, int]]:
    """One-to-one ``(gold index, event index)`` pairs for one note."""
    if not rows or not events:
        return []
    return hungarian([[pair_cost(g, e) for e in events] for g in rows])


def checks_for(gold: GoldRow, event: Any | None) -> dict[str, bool]:
    """The per-row checks; all False when the gold row has no matched event."""
    if event is None:
        return {c: False for c in CHECKS}
    d = distance_km(event, gold)
    kind = event.actor1.kind if event.actor1 else None
    name = event.actor1.name if event.actor1 else None
    return {
        "event_type": event.event_type == gold.event_type,
        "sub_type": event.event_type == gold.event_type and event.sub_event_type == gold.sub_event_type,
        "date": event.event_date == gold.event_date,
        "location": d is not None and d <= LOCATION_KM,
        "fatalities": (event.fatalities or 0) == gold.fatalities,
        "actor1_type": kind is not None and kind == INTER_KINDS.get(gold.inter1 or 0),
        "actor1_name": actor_name_matches(name, gold.actor1),
    }


# --- scoring a run -----------------------------------------------------------------


@dataclass
class Pair:
    """One gold row and the output event matched to it (or None)."""

    note: Note
    gold: GoldRow
    event: Any | None
    checks: dict[str, bool]


@dataclass
class AcledScore:
    """Everything :func:`score` finds."""

    notes: list[Note]
    pairs: list[Pair]  # one per gold row, in note order
    outputs: list[Any]  # every coded output event (non-null event_type)
    unmatched_outputs: list[Any] = field(default_factory=list)
    failed_notes: list[str] = field(default_factory=list)  # notes sitrep yielded nothing for


def coded(events: Iterable[Any]) -> list[Any]:
    """The ACLED-coded events: those with a non-null event_type."""
    return [e for e in events if e.event_type is not None]


def score(notes: Sequence[Note], events_by_note: Mapping[str, Sequence[Any]]) -> AcledScore:
    """Match each note's coded output events to its gold rows and check every pair."""
    pairs: list[Pair] = []
    outputs: list[Any] = []
    unmatched: list[Any] = []
    failed = []
    for note in notes:
        if note.id not in events_by_note:
            failed.append(note.id)
        events = coded(events_by_note.get(note.id, ()))
        outputs.extend(events)
        matched = dict(match_note(note.rows, events))
        used = set(matched.values())
        unmatched.extend(e for j, e in enumerate(events) if j not in used)
        for i, g in enumerate(note.rows):
            ev = events[matched[i]] if i in matched else None
            pairs.append(Pair(note, g, ev, checks_for(g, ev)))
    return AcledScore(list(notes), pairs, outputs, unmatched, failed)


def per_subtype(sc: AcledScore, matched_only: bool = False) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support of each sub-type present in the gold.

    Precision counts every output event of the sub-type (only matched ones with
    ``matched_only``); recall counts every gold row of it (only matched rows likewise).
    """
    gold_n: Counter[str] = Counter()
    tp: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    for p in sc.pairs:
        if matched_only and p.event is None:
            continue
        gold_n[p.gold.sub_event_type] += 1
        if p.checks["sub_type"]:
            tp[p.gold.sub_event_type] += 1
    predicted = [p.event for p in sc.pairs if p.event is not None] if matched_only else sc.outputs
    for e in predicted:
        pred_n[e.sub_event_type] += 1
    out = {}
    for st in sorted(gold_n, key=lambda s: (-gold_n[s], s)):
        prec = tp[st] / pred_n[st] if pred_n[st] else 0.0
        rec = tp[st] / gold_n[st]
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[st] = {"precision": prec, "recall": rec, "f1": f1, "support": gold_n[st],
                   "predicted": pred_n[st]}
    return out


def confusions(sc: AcledScore) -> Counter[tuple[str, str]]:
    """(gold sub-type, output sub-type or '(none)') counts, over all gold rows."""
    c: Counter[tuple[str, str]] = Counter()
    for p in sc.pairs:
        out = NONE_LABEL if p.event is None else (p.event.sub_event_type or "(no sub-type)")
        c[(p.gold.sub_event_type, out)] += 1
    return c


def _rates(pairs: Sequence[Pair]) -> dict[str, float]:
    n = len(pairs)
    return {METRIC_OF[c]: (sum(p.checks[c] for p in pairs) / n if n else 0.0) for c in CHECKS}


def metrics(sc: AcledScore, seconds: float | None = None) -> dict[str, Any]:
    """The metrics dict.

    Top-level rates have the gold rows as denominator; ``matched`` has the same rates over
    matched pairs only; ``by_region`` breaks the rates down by ACLED's ``region``.
    """
    n_gold = len(sc.pairs)
    matched = [p for p in sc.pairs if p.event is not None]
    sub = per_subtype(sc)
    sub_m = per_subtype(sc, matched_only=True)
    out: dict[str, Any] = _rates(sc.pairs)
    out["sub_type_macro_f1"] = sum(v["f1"] for v in sub.values()) / len(sub) if sub else 0.0
    out["match_rate"] = len(matched) / n_gold if n_gold else 0.0
    out["events_per_note"] = len(sc.outputs) / len(sc.notes) if sc.notes else 0.0
    out["matched"] = _rates(matched)
    out["matched"]["sub_type_macro_f1"] = (
        sum(v["f1"] for v in sub_m.values()) / len(sub_m) if sub_m else 0.0
    )
    out["matched"]["match_rate"] = 1.0 if matched else 0.0
    by_region: dict[str, list[Pair]] = defaultdict(list)
    for p in sc.pairs:
        by_region[p.gold.region or "(none)"].append(p)
    out["by_region"] = {
        r: {"gold_rows": len(ps), "matched": sum(p.event is not None for p in ps), **_rates(ps)}
        for r, ps in sorted(by_region.items(), key=lambda kv: -len(kv[1]))
    }
    out["per_subtype"] = sub
    out["counts"] = {
        "notes": len(sc.notes),
        "gold_rows": n_gold,
        "output_events": len(sc.outputs),
        "matched_pairs": len(matched),
        "unmatched_gold": n_gold - len(matched),
        "unmatched_output": len(sc.unmatched_outputs),
        "notes_without_coded_event": len(sc.notes) - len({id(p.note) for p in matched}),
        "failed_notes": len(sc.failed_notes),
    }
    if seconds is not None:
        out["seconds"] = seconds
        out["notes_per_second"] = len(sc.notes) / seconds if seconds > 0 else 0.0
    return out


Targets = dict[str, tuple[float | None, float | None]]


def _target_mark(key: str, value: float, targets: Targets) -> str:
    low, high = targets.get(key, (None, None))
    if low is None and high is None:
        return ""
    ok = (low is None or value >= low) and (high is None or value <= high)
    bound = f"[{low}-{high}]" if low is not None and high is not None else f"[>={low}]"
    return f"{bound} {'ok' if ok else 'MISS'}"


def figure_lines(m: dict[str, Any], targets: Targets | None = None) -> list[str]:
    """The figures of :func:`metrics`, one per line; ``targets`` (low, high) marks each ok or MISS."""
    t = targets or {}
    c = m["counts"]
    out = ["== figures (denominator: gold rows; matched-only in brackets) ==",
           f"  notes {c['notes']}, gold rows {c['gold_rows']}, coded output events "
           f"{c['output_events']}, matched pairs {c['matched_pairs']} "
           f"(unmatched gold {c['unmatched_gold']}, unmatched output {c['unmatched_output']}, "
           f"notes that failed {c['failed_notes']})"]
    for key in FIGURE_KEYS:
        mark = _target_mark(key, m[key], t)
        out.append(f"  {key:20} {m[key]:.3f}  ({m['matched'][key]:.3f})  {mark}".rstrip())
    mark = _target_mark("events_per_note", m["events_per_note"], t)
    out.append(f"  {'events_per_note':20} {m['events_per_note']:.3f}          {mark}".rstrip())
    out.append(f"  {'match_rate':20} {m['match_rate']:.3f}")
    if "seconds" in m:
        out.append(f"  time {m['seconds']:.1f} s, {m['notes_per_second']:.1f} notes/s")
    return out
