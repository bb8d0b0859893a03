"""Score sitrep's events on the seed article against its gold annotation.

    python benchmarks/seed.py                  # runs `sitrep extract` on the seed article
    python benchmarks/seed.py --events F.jsonl  # scores events already extracted

The article and the gold annotation live in the team's shared folder
(``<repo>/../shared/seed/``); without it the benchmark says so and exits 0.

Rules (those of ``seed/README.md``):

* Paragraph *i* is line *i* of the article (1-based); it covers that line's characters,
  ``[line_start, line_end)`` without the newline.  An event's ``span`` is ``[start, end)``
  into the same text.
* An output event is *acceptable* for a gold event when its span overlaps the gold
  paragraph, its ``event_type`` is the first element of one of the gold's pairs (for a
  verbal gold event, one with no pairs, its ``plover`` is in the gold's list instead), and
  its location lies within the gold's ``km`` of the gold place (haversine; no gold place,
  no check; an output without coordinates fails a place check).
* Gold and output events are paired one to one by a maximum bipartite matching that
  first matches as many core gold events as possible, then optional ones.  Recall =
  core gold matched / core gold; precision = output events matched (to core or optional
  gold) / output events, so a second event for the same gold event lowers precision.
* On every match: sub-type (the ``[type, sub-type]`` pair is one of the gold's; a verbal
  gold event: plover in the list), plover, actor1 and actor2 (the gold's ``actor_patterns``
  keys joined by ``|``, each a case-insensitive regex searched in the actor's name; a
  token that is not a key is a regex itself; gold null = anything), date (in the gold's
  dates), attribution (regex searched in the attribution list joined by ``"; "``, where
  the gold has one) and modality (where the gold has it).

Exit status: 0 whenever scoring ran; non-zero when sitrep could not be run or its output
could not be read.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "SHARED",
    "CHECKS",
    "SeedScore",
    "paragraph_ranges",
    "haversine_km",
    "actor_matches",
    "acceptable",
    "match",
    "checks_for",
    "score",
    "format_report",
    "run_sitrep",
    "main",
]

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CHECKS = ("subtype", "plover", "actor1", "actor2", "date", "attribution", "modality")
EARTH_RADIUS_KM = 6371.0088


class SitrepRunError(Exception):
    """sitrep could not be run, or what it wrote is not JSON lines."""


# --- the rules ---------------------------------------------------------------------


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each line of ``text``: index 0 is paragraph 1."""
    ranges = []
    pos = 0
    for line in text.split("\n"):
        ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    return ranges


def _overlaps(span: Sequence[int], rng: tuple[int, int]) -> bool:
    start, end = int(span[0]), int(span[1])
    if end <= start:  # an empty span: overlaps the paragraph it sits in
        return rng[0] <= start < rng[1]
    return start < rng[1] and end > rng[0]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def actor_matches(spec: str | None, actor: dict[str, Any] | None, patterns: dict[str, str]) -> bool:
    """Whether an output actor fits a gold actor spec (pattern keys joined by ``|``)."""
    if spec is None:
        return True
    name = (actor or {}).get("name")
    if not name:
        return False
    for key in spec.split("|"):
        if re.search(patterns.get(key, key), name, re.IGNORECASE):
            return True
    return False


def _place_ok(ev: dict[str, Any], g: dict[str, Any], places: dict[str, dict]) -> bool:
    if g.get("place") is None:
        return True
    loc = ev.get("location") or {}
    lat, lon = loc.get("latitude"), loc.get("longitude")
    if lat is None or lon is None:
        return False
    place = places[g["place"]]
    return haversine_km(lat, lon, place["lat"], place["lon"]) <= float(g["km"])


def _distance(ev: dict[str, Any], g: dict[str, Any], places: dict[str, dict]) -> float | None:
    loc = ev.get("location") or {}
    if g.get("place") is None or loc.get("latitude") is None or loc.get("longitude") is None:
        return None
    place = places[g["place"]]
    return haversine_km(loc["latitude"], loc["longitude"], place["lat"], place["lon"])


def acceptable(
    ev: dict[str, Any], g: dict[str, Any], paras: list[tuple[int, int]], places: dict[str, dict]
) -> bool:
    """Whether output event ``ev`` may be matched to gold event ``g``."""
    span = ev.get("span")
    if not span or not 1 <= g["para"] <= len(paras) or not _overlaps(span, paras[g["para"] - 1]):
        return False
    if g["types"]:
        if ev.get("event_type") not in {t[0] for t in g["types"]}:
            return False
    elif ev.get("plover") not in g["plover"]:
        return False
    return _place_ok(ev, g, places)


def match(candidates: dict[str, list[int]], order: Sequence[str]) -> dict[str, int]:
    """A maximum one-to-one matching of gold ids to output indices (Kuhn's algorithm).

    Gold events are tried in ``order`` (core first): a gold event once matched stays
    matched, so the core events matched are as many as possible, and the matching as a
    whole is maximum.  Each gold event tries its candidates in output order.
    """
    owner: dict[int, str] = {}

    def augment(gid: str, seen: set[int]) -> bool:
        for j in candidates.get(gid, ()):
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = gid
                return True
        return False

    for gid in order:
        augment(gid, set())
    return {gid: j for j, gid in owner.items()}


def checks_for(ev: dict[str, Any], g: dict[str, Any], patterns: dict[str, str]) -> dict[str, bool]:
    """The checks made on a match; attribution and modality only where the gold has them."""
    if g["types"]:
        subtype = [ev.get("event_type"), ev.get("sub_event_type")] in [list(t) for t in g["types"]]
    else:
        subtype = ev.get("plover") in g["plover"]
    result = {
        "subtype": subtype,
        "plover": ev.get("plover") in g["plover"],
        "actor1": actor_matches(g.get("actor1"), ev.get("actor1"), patterns),
        "actor2": actor_matches(g.get("actor2"), ev.get("actor2"), patterns),
        "date": ev.get("event_date") in g["dates"],
    }
    if g.get("attribution"):
        joined = "; ".join(ev.get("attribution") or [])
        result["attribution"] = re.search(g["attribution"], joined, re.IGNORECASE) is not None
    if g.get("modality"):
        result["modality"] = ev.get("modality") in g["modality"]
    return result


@dataclass
class SeedScore:
    """What :func:`score` finds; ``matches`` maps gold id to output index."""

    gold: list[dict[str, Any]]
    events: list[dict[str, Any]]
    matches: dict[str, int]
    checks: dict[str, dict[str, bool]]
    core_total: int
    core_matched: int
    span_mismatches: list[int] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.core_matched / self.core_total if self.core_total else 0.0

    @property
    def output_matched(self) -> int:
        return len(self.matches)

    @property
    def precision(self) -> float:
        return self.output_matched / len(self.events) if self.events else 0.0

    @property
    def false_positives(self) -> list[int]:
        matched = set(self.matches.values())
        return [i for i in range(len(self.events)) if i not in matched]

    def accuracy(self, check: str) -> tuple[int, int]:
        """(passed, made) for one check over all matches."""
        made = [c[check] for c in self.checks.values() if check in c]
        return sum(made), len(made)


def score(events: list[dict[str, Any]], gold: dict[str, Any], text: str) -> SeedScore:
    """Score output events (contract JSON objects) against the gold annotation."""
    paras = paragraph_ranges(text)
    places = gold["places"]
    patterns = gold["actor_patterns"]
    golds = gold["events"]
    candidates = {
        g["id"]: [i for i, ev in enumerate(events) if acceptable(ev, g, paras, places)]
        for g in golds
    }
    order = [g["id"] for g in golds if g["weight"] == "core"]
    order += [g["id"] for g in golds if g["weight"] != "core"]
    matches = match(candidates, order)
    by_id = {g["id"]: g for g in golds}
    checks = {gid: checks_for(events[j], by_id[gid], patterns) for gid, j in matches.items()}
    core = [g for g in golds if g["weight"] == "core"]
    mismatched_spans = []
    for i, ev in enumerate(events):
        span = ev.get("span") or [0, 0]
        if ev.get("text") and text[int(span[0]) : int(span[1])] != ev["text"]:
            mismatched_spans.append(i)
    return SeedScore(
        gold=golds,
        events=events,
        matches=matches,
        checks=checks,
        core_total=len(core),
        core_matched=sum(1 for g in core if g["id"] in matches),
        span_mismatches=mismatched_spans,
    )


# --- the report --------------------------------------------------------------------


def _excerpt(s: str | None, width: int = 60) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _pair(ev_or_pair: Any) -> str:
    if isinstance(ev_or_pair, dict):
        if ev_or_pair.get("event_type") is None:
            return f"verbal/{ev_or_pair.get('plover')}"
        return f"{ev_or_pair.get('event_type')} / {ev_or_pair.get('sub_event_type')}"
    return " / ".join(str(x) for x in ev_or_pair)


def _ratio(passed: int, made: int) -> str:
    return f"{passed / made:.2f}" if made else "n/a"


def _why_missing(
    s: SeedScore, g: dict[str, Any], paras: list[tuple[int, int]], places: dict[str, dict]
) -> str:
    """Why no output event matched gold event ``g``: each event in its paragraph, and why."""
    owner = {j: gid for gid, j in s.matches.items()}
    reasons = []
    for i, ev in enumerate(s.events):
        span = ev.get("span")
        in_para = bool(span) and 1 <= g["para"] <= len(paras)
        if not in_para or not _overlaps(span, paras[g["para"] - 1]):
            continue
        if g["types"] and ev.get("event_type") not in {t[0] for t in g["types"]}:
            reasons.append(f"#{i} type")
        elif not g["types"] and ev.get("plover") not in g["plover"]:
            reasons.append(f"#{i} plover")
        elif not _place_ok(ev, g, places):
            d = _distance(ev, g, places)
            reasons.append(f"#{i} place" + (f" {d:.0f}km" if d is not None else " none"))
        else:
            reasons.append(f"#{i} taken by {owner.get(i)}")
    return "MISSING" + (f" ({', '.join(reasons)})" if reasons else "")


def format_report(s: SeedScore, text: str, places: dict[str, dict]) -> str:
    """The per-gold table, the false positives, the confusion, then the figures."""
    paras = paragraph_ranges(text)
    out: list[str] = []
    out.append("gold events")
    out.append(f"  {'id':<4} {'w':<4} {'para':>4}  {'output (matched)':<62} failed checks")
    for g in s.gold:
        w = "core" if g["weight"] == "core" else "opt"
        j = s.matches.get(g["id"])
        if j is None:
            out.append(f"  {g['id']:<4} {w:<4} {g['para']:>4}  {_why_missing(s, g, paras, places)}")
            continue
        ev = s.events[j]
        failed = [c for c, ok in s.checks[g["id"]].items() if not ok]
        detail = []
        for c in failed:
            if c == "subtype":
                detail.append(f"subtype[{_pair(ev)}]")
            elif c == "plover":
                detail.append(f"plover[{ev.get('plover')}]")
            elif c in ("actor1", "actor2"):
                detail.append(f"{c}[{(ev.get(c) or {}).get('name')}]")
            elif c == "date":
                detail.append(f"date[{ev.get('event_date')}]")
            elif c == "attribution":
                detail.append(f"attribution[{'; '.join(ev.get('attribution') or [])}]")
            elif c == "modality":
                detail.append(f"modality[{ev.get('modality')}]")
        out.append(
            f"  {g['id']:<4} {w:<4} {g['para']:>4}  #{j:<3} {_excerpt(ev.get('text'), 57):<57} "
            + (" ".join(detail) if detail else "ok")
        )

    out.append("")
    fps = s.false_positives
    out.append(f"unmatched output events (false positives): {len(fps)}")
    for i in fps:
        ev = s.events[i]
        loc = (ev.get("location") or {}).get("name")
        out.append(f"  #{i:<3} {_pair(ev):<55} @{loc}  {_excerpt(ev.get('text'))}")

    confusion: Counter[tuple[str, str]] = Counter()
    by_id = {g["id"]: g for g in s.gold}
    for gid, c in s.checks.items():
        if not c["subtype"]:
            g = by_id[gid]
            want = " | ".join(_pair(t) for t in g["types"]) or "verbal/" + "|".join(g["plover"])
            confusion[(want, _pair(s.events[s.matches[gid]]))] += 1
    out.append("")
    out.append(f"sub-type confusion on matches (gold -> output): {sum(confusion.values())}")
    for (want, got), n in confusion.most_common():
        out.append(f"  {n} x  {want}  ->  {got}")

    if s.span_mismatches:
        out.append("")
        out.append(
            f"warning: {len(s.span_mismatches)} event(s) whose text is not article[span]: "
            + ", ".join(f"#{i}" for i in s.span_mismatches[:20])
        )

    out.append("")
    out.append(
        "checks on matches: "
        + "  ".join(f"{c} {s.accuracy(c)[0]}/{s.accuracy(c)[1]}" for c in CHECKS)
    )
    out.append(
        f"core recall {s.recall:.3f} ({s.core_matched}/{s.core_total})  "
        f"precision {s.precision:.3f} ({s.output_matched}/{len(s.events)})"
    )
    out.append("on matches: " + " ".join(f"{c} {_ratio(*s.accuracy(c))}" for c in CHECKS))
    return "\n".join(out)


# --- running -----------------------------------------------------------------------


def _parse_jsonl(lines: str, where: str) -> list[dict[str, Any]]:
    events = []
    for n, line in enumerate(lines.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SitrepRunError(f"{where}:{n}: not JSON: {exc}") from exc
        if not isinstance(obj, dict):
            raise SitrepRunError(f"{where}:{n}: not a JSON object")
        events.append(obj)
    return events


def run_sitrep(article: Path, published: str, timeout: float = 600) -> list[dict[str, Any]]:
    """Run ``sitrep extract`` on the article in a fresh database; return its events."""
    with tempfile.TemporaryDirectory(prefix="sitrep-seed-") as tmp:
        cmd = [
            sys.executable, "-m", "sitrep", "extract", str(article),
            "--published", published, "--db", str(Path(tmp) / "seed.db"),
        ]  # fmt: skip
        try:
            proc = subprocess.run(
                cmd, capture_output=True, text=True, encoding="utf-8", timeout=timeout
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SitrepRunError(f"could not run {' '.join(cmd)}: {exc}") from exc
    if proc.returncode != 0:
        raise SitrepRunError(
            f"sitrep extract exited with {proc.returncode}:\n{proc.stderr.strip()}"
        )
    return _parse_jsonl(proc.stdout, "sitrep extract stdout")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--events", type=Path, help="score this JSONL file instead of running sitrep"
    )
    parser.add_argument(
        "--shared", type=Path, default=SHARED, help="the shared folder (default: %(default)s)"
    )
    args = parser.parse_args(argv)

    seed = args.shared / "seed"
    article, gold_path = seed / "article.txt", seed / "gold.json"
    if not article.is_file() or not gold_path.is_file():
        print(f"seed benchmark skipped: {article} or {gold_path} not found (no shared folder)")
        return 0
    text = article.read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))

    try:
        if args.events is not None:
            events = _parse_jsonl(args.events.read_text(encoding="utf-8"), str(args.events))
            source = str(args.events)
        else:
            events = run_sitrep(article, gold.get("published") or "2024-12-06")
            source = "sitrep extract"
    except (SitrepRunError, OSError) as exc:
        print(f"seed benchmark: {exc}", file=sys.stderr)
        return 2

    print(f"seed article: {len(events)} events from {source}; {len(gold['events'])} gold events\n")
    print(format_report(score(events, gold, text), text, gold["places"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
