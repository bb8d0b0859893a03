"""Measure sitrep against ACLED's own coding of its `notes` (27 Apr - 9 May 2020).

    python benchmarks/acled.py                       # all 4,988 notes (about a minute)
    python benchmarks/acled.py --limit 300           # the first 300 notes, for a quick run
    python benchmarks/acled.py --region "Middle East" --sample 200 --seed 1
    python benchmarks/acled.py --failures 40 --subtype "Armed clash"
    python benchmarks/acled.py --json /tmp/acled.json --save-events /tmp/acled-events.jsonl
    python benchmarks/acled.py --events /tmp/acled-events.jsonl   # re-score, no extraction

The ACLED export is read in place from the team's shared folder
(``<repo>/../shared/bench/acled-2020/``); it is never copied into the repository (ACLED's
terms forbid redistribution).  Without the folder the benchmark says so and exits 0.

Rules (those of the project's ACLED benchmark issue):

* One article per distinct ``notes`` text, in the file's order; its ``id`` is the first
  row's ``event_id_cnty``; ``published`` is that row's ``event_date`` plus two days, so
  that reading the note's own date is tested.  A note that ACLED split into several rows
  is one article with several gold events.  A row with an empty ``notes`` is left out.
* sitrep runs in-process (``sitrep.pipeline.process``), nothing is stored.  Only output
  events with a non-null ``event_type`` (ACLED-coded events) take part; verbal events do not.
* Within each note, output events and gold rows are paired one to one by a minimum-cost
  assignment (Hungarian) that prefers, in this order, the same event type, the same
  sub-event type, then the nearest location.
* Every metric has the gold rows as its denominator: an unmatched gold row is wrong on
  all of them.  The same metrics on matched pairs only are reported beside them.
* Sub-type macro-F1 averages F1 over the sub-types present in the gold; a sub-type's
  precision counts every output event of that sub-type (matched or not).
* Location: haversine distance between the output's and the gold's coordinates within
  25 km (no output coordinates: wrong).  Fatalities: exact, output ``None`` counting as 0.
  Actor1 type: output ``actor1.kind`` against gold ``inter1`` (ACLED codes 1-8).  Actor1
  name: case-insensitive, parenthesised years such as "(2000-)" or "(2014-2019)" ignored,
  country parentheses such as "(Syria)" kept.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

__all__ = [
    "SHARED",
    "CSV_PATH",
    "SUBTYPES",
    "INTER_KINDS",
    "CHECKS",
    "RATE_KEYS",
    "TARGETS",
    "GoldRow",
    "Note",
    "Pair",
    "AcledScore",
    "gold_row",
    "load_notes",
    "select_notes",
    "article_for",
    "haversine_km",
    "distance_km",
    "normalize_actor_name",
    "actor_name_matches",
    "pair_cost",
    "hungarian",
    "match_note",
    "checks_for",
    "score",
    "per_subtype",
    "confusions",
    "metrics",
    "FAIL_ON",
    "failures",
    "format_report",
    "run_sitrep",
    "main",
]

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CSV_PATH = SHARED / "bench" / "acled-2020" / "acled-2020-04-27_2020-05-09.csv"
EARTH_RADIUS_KM = 6371.0088
LOCATION_KM = 25.0

# ACLED's 25 sub-event types, with their event type and a short label for the matrix.
SUBTYPES: dict[str, tuple[str, str]] = {
    "Armed clash": ("Battles", "Clash"),
    "Government regains territory": ("Battles", "GovReg"),
    "Non-state actor overtakes territory": ("Battles", "NSAtake"),
    "Air/drone strike": ("Explosions/Remote violence", "Air"),
    "Shelling/artillery/missile attack": ("Explosions/Remote violence", "Shell"),
    "Remote explosive/landmine/IED": ("Explosions/Remote violence", "IED"),
    "Suicide bomb": ("Explosions/Remote violence", "Suic"),
    "Grenade": ("Explosions/Remote violence", "Gren"),
    "Chemical weapon": ("Explosions/Remote violence", "Chem"),
    "Attack": ("Violence against civilians", "Attack"),
    "Abduction/forced disappearance": ("Violence against civilians", "Abduct"),
    "Sexual violence": ("Violence against civilians", "SexV"),
    "Peaceful protest": ("Protests", "PeaceP"),
    "Protest with intervention": ("Protests", "ProtInt"),
    "Excessive force against protesters": ("Protests", "ExcF"),
    "Violent demonstration": ("Riots", "ViolDem"),
    "Mob violence": ("Riots", "Mob"),
    "Agreement": ("Strategic developments", "Agree"),
    "Arrests": ("Strategic developments", "Arrest"),
    "Change to group/activity": ("Strategic developments", "Change"),
    "Disrupted weapons use": ("Strategic developments", "Disrupt"),
    "Headquarters or base established": ("Strategic developments", "HQ"),
    "Looting/property destruction": ("Strategic developments", "Loot"),
    "Non-violent transfer of territory": ("Strategic developments", "Transfer"),
    "Other": ("Strategic developments", "Other"),
}
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
# The targets: (low, high); None = no bound.
TARGETS: dict[str, tuple[float | None, float | None]] = {
    "event_type_acc": (0.88, None),
    "sub_type_acc": (0.78, None),
    "sub_type_macro_f1": (0.65, None),
    "date_exact": (0.95, None),
    "location_25km": (0.80, None),
    "fatalities_exact": (0.80, None),
    "events_per_note": (0.9, 1.5),
    "actor1_type_acc": (0.85, None),
    "actor1_name_acc": (0.75, None),
}

# Cost weights of the assignment: type first, then sub-type, then distance (km, capped).
_W_TYPE = 1e9
_W_SUBTYPE = 1e6
_FAR_KM = 20_100.0  # more than any distance on Earth: no coordinates on either side


# --- the gold ----------------------------------------------------------------------


@dataclass(frozen=True)
class GoldRow:
    """One ACLED row, the fields the benchmark reads, parsed."""

    event_id: str
    event_date: str  # ISO date
    event_type: str
    sub_event_type: str
    actor1: str
    inter1: int | None
    latitude: float | None
    longitude: float | None
    fatalities: int
    region: str = ""
    country: str = ""
    location: str = ""
    actor2: str = ""
    notes: str = ""


@dataclass
class Note:
    """One distinct ACLED note: one article, one or more gold rows."""

    id: str
    text: str
    published: str
    rows: list[GoldRow]

    @property
    def region(self) -> str:
        return self.rows[0].region


def _acled_date(value: str) -> str:
    """'9-May-20' (or an ISO date) as 'YYYY-MM-DD'."""
    value = value.strip()
    for fmt in ("%d-%b-%y", "%d %B %Y", "%Y-%m-%d", "%d-%B-%Y", "%d-%b-%Y"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"unreadable ACLED date: {value!r}")


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def gold_row(d: dict[str, str]) -> GoldRow:
    """A CSV row (a ``csv.DictReader`` dict) as a :class:`GoldRow`."""
    return GoldRow(
        event_id=d["event_id_cnty"],
        event_date=_acled_date(d["event_date"]),
        event_type=d["event_type"],
        sub_event_type=d["sub_event_type"],
        actor1=d.get("actor1", ""),
        inter1=_int(d.get("inter1")),
        latitude=_float(d.get("latitude")),
        longitude=_float(d.get("longitude")),
        fatalities=_int(d.get("fatalities")) or 0,
        region=d.get("region", "") or "",
        country=d.get("country", "") or "",
        location=d.get("location", "") or "",
        actor2=d.get("actor2", "") or "",
        notes=d.get("notes", "") or "",
    )


def load_notes(path: Path = CSV_PATH, published_days: int = 2) -> list[Note]:
    """The file's distinct notes, in order of first appearance, each with all its rows.

    A row with an empty ``notes`` has no text to read and is left out (the 2020 export has
    one such row, which is why it has 4,988 notes for 5,071 rows, 5,070 of them scored).
    """
    notes: dict[str, Note] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for d in csv.DictReader(fh):
            if not (d.get("notes") or "").strip():
                continue
            row = gold_row(d)
            note = notes.get(row.notes)
            if note is None:
                published = (datetime.fromisoformat(row.event_date) + timedelta(days=published_days))
                note = notes[row.notes] = Note(
                    id=row.event_id, text=row.notes, published=published.date().isoformat(), rows=[]
                )
            note.rows.append(row)
    return list(notes.values())


def select_notes(notes: Sequence[Note], region: str | None = None, sample: int | None = None,
                 seed: int = 0, limit: int | None = None) -> list[Note]:
    """Filter by region (case-insensitive), then draw a random sample, then keep the first N."""
    out = list(notes)
    if region:
        out = [n for n in out if n.region.lower() == region.lower()]
    if sample is not None and sample < len(out):
        picked = set(random.Random(seed).sample(range(len(out)), sample))
        out = [n for i, n in enumerate(out) if i in picked]
    if limit is not None:
        out = out[:limit]
    return out


def article_for(note: Note):
    """The note as a sitrep Article."""
    from sitrep.models import Article

    return Article(id=note.id, text=note.text, published=note.published, source=f"acled:{note.id}")


# --- comparing one output event with one gold row ----------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


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


def hungarian(cost: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Minimum-cost one-to-one assignment of rows to columns (as many pairs as the smaller side).

    Returns ``(row, col)`` pairs sorted by row.  Plain O(n^2 m) Kuhn-Munkres with potentials.
    """
    n = len(cost)
    if n == 0:
        return []
    m = len(cost[0])
    if m == 0:
        return []
    if n > m:  # the algorithm wants rows <= columns
        return sorted((r, c) for c, r in hungarian([list(col) for col in zip(*cost)]))
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)  # p[j]: the row (1-based) assigned to column j
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    return sorted((p[j] - 1, j - 1) for j in range(1, m + 1) if p[j] != 0)


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


def score(notes: Sequence[Note], events_by_note: dict[str, Sequence[Any]]) -> AcledScore:
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
    """The metrics dict (written by ``--json``).

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


FAIL_ON = ("event_type", "sub_type", "date", "location", "fatalities")


def failures(sc: AcledScore, subtype: str | None = None,
             fail_on: Sequence[str] = FAIL_ON) -> list[Pair]:
    """Gold rows failing any of the checks ``fail_on`` (by default all but the actor checks),
    of one gold sub-type when ``subtype`` is given (its name or short label)."""
    out = [p for p in sc.pairs if not all(p.checks[c] for c in fail_on)]
    if subtype:
        want = _subtype_name(subtype)
        out = [p for p in out if p.gold.sub_event_type == want]
    return out


def _subtype_name(name: str) -> str:
    """A sub-type given by its name or its short label, case-insensitively."""
    low = name.strip().lower()
    for st, (_, short) in SUBTYPES.items():
        if low in (st.lower(), short.lower()):
            return st
    return name


# --- the report --------------------------------------------------------------------


def _short(subtype: str | None) -> str:
    if subtype is None:
        return "-"
    if subtype in SUBTYPES:
        return SUBTYPES[subtype][1]
    return {NONE_LABEL: "none"}.get(subtype, subtype[:7])


def _fmt_event(e: Any | None) -> str:
    if e is None:
        return "(no matched event)"
    loc = e.location
    where = "-" if loc is None else (
        f"{loc.name} ({loc.latitude:.3f},{loc.longitude:.3f})" if loc.latitude is not None else loc.name)
    a1 = e.actor1
    actor = "-" if a1 is None else f"{a1.name} [{a1.kind}]"
    return (f"{e.event_type} / {e.sub_event_type} | {e.event_date} | {where} | {actor}"
            f" | fat={e.fatalities}")


def _fmt_gold(g: GoldRow) -> str:
    coords = f"({g.latitude:.3f},{g.longitude:.3f})" if g.latitude is not None else ""
    kind = INTER_KINDS.get(g.inter1 or 0, "?")
    return (f"{g.event_type} / {g.sub_event_type} | {g.event_date} | {g.location} {coords} | "
            f"{g.actor1} [{kind}] | fat={g.fatalities}")


def _matrix(conf: Counter[tuple[str, str]], extra: Counter[str]) -> list[str]:
    """Gold rows x output columns; a last row 'extra' counts unmatched output events."""
    rows = sorted({g for g, _ in conf}, key=lambda s: -sum(v for (g, _), v in conf.items() if g == s))
    cols = sorted({o for _, o in conf} | set(extra),
                  key=lambda s: -sum(v for (_, o), v in conf.items() if o == s) - extra[s])
    width = max(6, *(len(_short(c)) for c in cols))
    lines = ["gold \\ out".ljust(10) + "".join(_short(c).rjust(width + 1) for c in cols)]
    for r in rows:
        cells = "".join((str(conf[(r, c)]) if conf[(r, c)] else ".").rjust(width + 1) for c in cols)
        lines.append(_short(r).ljust(10) + cells)
    if extra:
        lines.append("extra".ljust(10) + "".join((str(extra[c]) if extra[c] else ".").rjust(width + 1)
                                                 for c in cols))
    return lines


def _target_mark(key: str, value: float) -> str:
    low, high = TARGETS.get(key, (None, None))
    if low is None and high is None:
        return ""
    ok = (low is None or value >= low) and (high is None or value <= high)
    bound = f"[{low}-{high}]" if low is not None and high is not None else f"[>={low}]"
    return f"{bound} {'ok' if ok else 'MISS'}"


def format_report(sc: AcledScore, m: dict[str, Any], n_failures: int = 15,
                  subtype: str | None = None, seed: int = 0,
                  fail_on: Sequence[str] = FAIL_ON) -> str:
    """The printed report: matrix, confusions, per-sub-type PRF, regions, failures, figures last."""
    out: list[str] = []
    conf = confusions(sc)
    out.append("== sub-type confusion matrix (gold rows x output columns; none = gold row unmatched;"
               " extra = output event unmatched) ==")
    out.extend(_matrix(conf, Counter(e.sub_event_type or "(no sub-type)" for e in sc.unmatched_outputs)))
    out.append("legend: " + ", ".join(f"{s}={n}" for n, (_, s) in SUBTYPES.items()))
    out.append("")
    out.append("== top 25 confusions (gold -> output : count) ==")
    wrong = [(k, v) for k, v in conf.items() if k[0] != k[1]]
    for (g, o), v in sorted(wrong, key=lambda kv: -kv[1])[:25]:
        out.append(f"  {g} -> {o} : {v}")
    out.append("")
    out.append("== per sub-type (all output events count for precision) ==")
    out.append(f"  {'sub-type':36} {'P':>5} {'R':>5} {'F1':>5} {'gold':>5} {'pred':>5}")
    for st, v in m["per_subtype"].items():
        out.append(f"  {st:36} {v['precision']:5.2f} {v['recall']:5.2f} {v['f1']:5.2f} "
                   f"{v['support']:5d} {v['predicted']:5d}")
    extra = Counter(e.sub_event_type for e in sc.outputs
                    if e.sub_event_type not in m["per_subtype"])
    if extra:
        out.append("  output sub-types absent from the gold: "
                   + ", ".join(f"{k}={v}" for k, v in extra.most_common()))
    out.append("")
    out.append("== by region (denominator: gold rows) ==")
    out.append(f"  {'region':26} {'rows':>5} {'match':>5} {'type':>5} {'sub':>5} {'date':>5} "
               f"{'loc':>5} {'fat':>5} {'a1typ':>5} {'a1nam':>5}")
    for r, v in m["by_region"].items():
        out.append(f"  {r[:26]:26} {v['gold_rows']:5d} {v['matched'] / v['gold_rows']:5.2f} "
                   f"{v['event_type_acc']:5.2f} {v['sub_type_acc']:5.2f} {v['date_exact']:5.2f} "
                   f"{v['location_25km']:5.2f} {v['fatalities_exact']:5.2f} "
                   f"{v['actor1_type_acc']:5.2f} {v['actor1_name_acc']:5.2f}")
    out.append("")
    fails = failures(sc, subtype, fail_on)
    shown = fails if len(fails) <= n_failures else random.Random(seed).sample(fails, n_failures)
    order = {id(p): i for i, p in enumerate(sc.pairs)}
    shown.sort(key=lambda p: order[id(p)])
    label = f" of gold sub-type {_subtype_name(subtype)!r}" if subtype else ""
    out.append(f"== {len(shown)} of {len(fails)} failures{label} (failing any of "
               f"{', '.join(fail_on)}) ==")
    for p in shown:
        failed = [c for c in CHECKS if not p.checks[c]]
        text = p.note.text if len(p.note.text) <= 200 else p.note.text[:197] + "..."
        out.append(f"- {p.gold.event_id} ({p.gold.country}; {len(p.note.rows)} gold row(s); "
                   f"failed: {', '.join(failed)})")
        out.append(f"    note: {text}")
        out.append(f"    gold: {_fmt_gold(p.gold)}")
        out.append(f"    out : {_fmt_event(p.event)}")
    out.append("")
    c = m["counts"]
    out.append("== figures (denominator: gold rows; matched-only in brackets) ==")
    out.append(f"  notes {c['notes']}, gold rows {c['gold_rows']}, coded output events "
               f"{c['output_events']}, matched pairs {c['matched_pairs']} "
               f"(unmatched gold {c['unmatched_gold']}, unmatched output {c['unmatched_output']}, "
               f"notes that failed {c['failed_notes']})")
    for key in ("event_type_acc", "sub_type_acc", "sub_type_macro_f1", "date_exact",
                "location_25km", "fatalities_exact", "actor1_type_acc", "actor1_name_acc"):
        out.append(f"  {key:20} {m[key]:.3f}  ({m['matched'][key]:.3f})  {_target_mark(key, m[key])}")
    out.append(f"  {'events_per_note':20} {m['events_per_note']:.3f}          "
               f"{_target_mark('events_per_note', m['events_per_note'])}")
    out.append(f"  {'match_rate':20} {m['match_rate']:.3f}")
    if "seconds" in m:
        out.append(f"  time {m['seconds']:.1f} s, {m['notes_per_second']:.1f} notes/s")
    return "\n".join(out)


# --- running sitrep ----------------------------------------------------------------


def run_sitrep(notes: Sequence[Note], progress: bool = False) -> tuple[dict[str, list[Any]], float]:
    """Extract every note in-process; returns events by note id and the seconds taken
    (the resources' loading included)."""
    from sitrep.pipeline import load_resources, process

    start = time.perf_counter()
    res = load_resources()
    errors: list[str] = []
    out: dict[str, list[Any]] = {}
    for i, (article, events, _mentions) in enumerate(
        process((article_for(n) for n in notes), res, on_error=errors.append), 1
    ):
        out[article.id] = list(events)
        if progress and i % 500 == 0:
            print(f"  ... {i} notes, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    for e in errors[:20]:
        print(f"sitrep error: {e}", file=sys.stderr)
    if len(errors) > 20:
        print(f"... and {len(errors) - 20} more errors", file=sys.stderr)
    return out, time.perf_counter() - start


def _read_events(path: Path) -> dict[str, list[Any]]:
    from sitrep.models import Event

    out: dict[str, list[Any]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                if d.get("_note_without_events"):
                    out.setdefault(d["article_id"], [])
                    continue
                out[d["article_id"]].append(Event.from_dict(d))
    return out


def _write_events(path: Path, events_by_note: dict[str, list[Any]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for note_id, events in events_by_note.items():
            if not events:  # remember that the note ran, so it does not count as failed
                fh.write(json.dumps({"article_id": note_id, "_note_without_events": True}) + "\n")
            for e in events:
                fh.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", type=Path, default=CSV_PATH, help="the ACLED export to read")
    ap.add_argument("--limit", type=int, help="only the first N notes")
    ap.add_argument("--region", help="only notes of this ACLED region, e.g. 'Middle East'")
    ap.add_argument("--sample", type=int, help="a random sample of N notes (see --seed)")
    ap.add_argument("--seed", type=int, default=0, help="seed of --sample and of the failure sample")
    ap.add_argument("--failures", type=int, default=15, metavar="N", help="failures to print")
    ap.add_argument("--subtype", help="print failures of this gold sub-type only")
    ap.add_argument("--fail-on", default=",".join(FAIL_ON), metavar="CHECKS",
                    help=f"checks that make a failure, comma-separated, of: {', '.join(CHECKS)}")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write the metrics dict here")
    ap.add_argument("--events", type=Path, metavar="JSONL",
                    help="score events saved by --save-events instead of running sitrep")
    ap.add_argument("--save-events", type=Path, metavar="JSONL",
                    help="write sitrep's events here (outside the repository)")
    args = ap.parse_args(argv)
    fail_on = tuple(c.strip() for c in args.fail_on.split(",") if c.strip())
    if not fail_on or any(c not in CHECKS for c in fail_on):
        ap.error(f"--fail-on takes checks among: {', '.join(CHECKS)}")

    if not args.csv.is_file():
        where = SHARED if not SHARED.is_dir() else args.csv
        print(f"acled benchmark skipped: {where} not found (the team's shared folder is absent)")
        return 0

    notes = select_notes(load_notes(args.csv), args.region, args.sample, args.seed, args.limit)
    if not notes:
        print("no notes selected")
        return 0
    print(f"{len(notes)} notes, {sum(len(n.rows) for n in notes)} gold rows", file=sys.stderr)
    if args.events:
        events_by_note, seconds = _read_events(args.events), None
    else:
        events_by_note, seconds = run_sitrep(notes, progress=True)
        if args.save_events:
            _write_events(args.save_events, events_by_note)
    sc = score(notes, events_by_note)
    m = metrics(sc, seconds)
    print(format_report(sc, m, args.failures, args.subtype, args.seed, fail_on))
    if args.json:
        args.json.write_text(json.dumps(m, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
