"""ACLED's CSV as gold: sitrep reads each row's ``notes`` and is scored on ACLED's own coding.

Any ACLED export works (ACLED's column names; ``event_id_cnty``, ``event_date``,
``event_type``, ``sub_event_type`` and ``notes`` are required, ``actor1``, ``inter1``,
``latitude``, ``longitude``, ``fatalities``, ``region``, ``country``, ``location`` read
when present).

Rules:

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

The pairing, the checks and the metrics live in :mod:`sitrep.evaluate.acled_score`.
"""

from __future__ import annotations

import csv
import json
import random
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..models import Article, Event
from .acled_score import AcledScore, figure_lines, metrics, score
from .common import read_jsonl

if TYPE_CHECKING:
    from ..extraction import Resources

__all__ = [
    "REQUIRED_COLUMNS", "PUBLISHED_DAYS", "GoldRow", "Note", "AcledEvaluation", "gold_row",
    "load_notes", "select_notes", "article_for", "extract_notes", "read_events", "write_events",
    "evaluate",
]

REQUIRED_COLUMNS = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "notes")
PUBLISHED_DAYS = 2  # a note's article is published this many days after its event


@dataclass(frozen=True)
class GoldRow:
    """One ACLED row, the fields the scoring reads, parsed."""

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
    """A CSV row (a ``csv.DictReader`` dict) as a :class:`GoldRow`; ValueError on a bad date."""
    return GoldRow(
        event_id=d["event_id_cnty"],
        event_date=_acled_date(d["event_date"]),
        event_type=d["event_type"],
        sub_event_type=d["sub_event_type"],
        actor1=d.get("actor1", "") or "",
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


def load_notes(path: str | Path, published_days: int = PUBLISHED_DAYS) -> list[Note]:
    """The file's distinct notes, in order of first appearance, each with all its rows.

    A row with an empty ``notes`` has no text to read and is left out (the 2020 export has
    one such row, which is why it has 4,988 notes for 5,071 rows, 5,070 of them scored).
    Raises InputError naming the file (and line) when it cannot be read.
    """
    notes: dict[str, Note] = {}
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise InputError(f"not an ACLED CSV: no column {', '.join(missing)}", str(path))
            for d in reader:
                if not (d.get("notes") or "").strip():
                    continue
                try:
                    row = gold_row(d)
                except ValueError as exc:
                    raise InputError(str(exc), str(path), reader.line_num) from None
                note = notes.get(row.notes)
                if note is None:
                    published = datetime.fromisoformat(row.event_date) + timedelta(days=published_days)
                    note = notes[row.notes] = Note(
                        id=row.event_id, text=row.notes, published=published.date().isoformat(), rows=[]
                    )
                note.rows.append(row)
    except FileNotFoundError:
        raise InputError("ACLED file not found", str(path)) from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read the ACLED file: {exc}", str(path)) from exc
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


def article_for(note: Note) -> Article:
    """The note as a sitrep Article."""
    return Article(id=note.id, text=note.text, published=note.published, source=f"acled:{note.id}")


def extract_notes(notes: Sequence[Note], res: Resources | None = None,
                  on_error: Callable[[str], None] | None = None,
                  on_progress: Callable[[int, float], None] | None = None,
                  ) -> tuple[dict[str, list[Event]], float]:
    """Extract every note in-process; returns events by note id and the seconds taken
    (the resources' loading included).  ``on_progress(notes done, seconds)`` follows each note."""
    from ..pipeline import load_resources, process

    start = time.perf_counter()
    res = res or load_resources()
    out: dict[str, list[Event]] = {}
    for i, (article, events, _mentions) in enumerate(
        process((article_for(n) for n in notes), res, on_error=on_error or (lambda _msg: None)), 1
    ):
        out[article.id] = list(events)
        if on_progress is not None:
            on_progress(i, time.perf_counter() - start)
    return out, time.perf_counter() - start


_NO_EVENTS = "_note_without_events"  # a line of write_events: the note ran and gave nothing


def read_events(path: str | Path) -> dict[str, list[Event]]:
    """Events by article id from a JSONL file (``sitrep extract``'s output, or write_events')."""
    out: dict[str, list[Event]] = defaultdict(list)
    for n, d in enumerate(read_jsonl(path), 1):
        try:
            if d.get(_NO_EVENTS):
                out.setdefault(d["article_id"], [])
                continue
            out[d["article_id"]].append(Event.from_dict(d))
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"event {n} is not a sitrep event ({type(exc).__name__}: {exc})",
                             str(path)) from None
    return out


def write_events(path: str | Path, events_by_note: dict[str, list[Event]]) -> None:
    """Write events as JSONL, with a marker line for each note that gave none."""
    with open(path, "w", encoding="utf-8") as fh:
        for note_id, events in events_by_note.items():
            if not events:  # remember that the note ran, so it does not count as failed
                fh.write(json.dumps({"article_id": note_id, _NO_EVENTS: True}) + "\n")
            for e in events:
                fh.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")


@dataclass
class AcledEvaluation:
    """One ACLED file scored: where everything came from, the score and its metrics."""

    csv_path: str
    source: str  # "sitrep" or the events file scored
    score: AcledScore
    metrics: dict[str, Any]

    def report(self) -> str:
        """A compact report: what was scored, then the figures."""
        c = self.metrics["counts"]
        head = (f"ACLED {self.csv_path}: {c['notes']} notes, {c['gold_rows']} gold rows; "
                f"events from {self.source}")
        return "\n".join([head, *figure_lines(self.metrics)])


def evaluate(csv_path: str | Path, limit: int | None = None, events: str | Path | None = None,
             res: Resources | None = None, on_error: Callable[[str], None] | None = None,
             ) -> AcledEvaluation:
    """Score sitrep on the notes of an ACLED CSV (the first ``limit`` notes), or score the
    events of a saved JSONL output whose ``article_id`` is each note's first ``event_id_cnty``.

    Articles sitrep fails on go to ``on_error``; unreadable inputs raise InputError.
    """
    notes = select_notes(load_notes(csv_path), limit=limit)
    if not notes:
        raise InputError("no row with a note to score", str(csv_path))
    if events is not None:
        events_by_note, seconds, source = read_events(events), None, str(events)
    else:
        events_by_note, seconds = extract_notes(notes, res, on_error)
        source = "sitrep"
    sc = score(notes, events_by_note)
    return AcledEvaluation(str(csv_path), source, sc, metrics(sc, seconds))
