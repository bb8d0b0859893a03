"""Score sitrep's events on the seed article against its gold annotation.

    python benchmarks/seed.py                  # runs `sitrep extract` on the seed article
    python benchmarks/seed.py --events F.jsonl  # scores events already extracted

The article and the gold annotation live in the team's shared folder
(``<repo>/../shared/seed/``); without it the benchmark says so and exits 0.

The rules (those of ``seed/README.md``) and the scoring live in ``sitrep.evaluate.gold``
(``sitrep eval --gold`` scores a user's own annotation with them); this script runs
``sitrep extract`` end to end and prints the per-gold-event report.

Exit status: 0 whenever scoring ran; non-zero when sitrep could not be run or its output
could not be read.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sitrep.errors import InputError
from sitrep.evaluate.common import parse_jsonl, read_jsonl
from sitrep.evaluate.gold import (
    GoldScore,
    load_gold,
    overlaps,
    paragraph_ranges,
    place_ok,
    score,
    summary_lines,
)
from sitrep.evaluate.gold import distance_km as _distance

__all__ = ["SHARED", "format_report", "run_sitrep", "main"]

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


class SitrepRunError(Exception):
    """sitrep could not be run."""


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


def _why_missing(
    s: GoldScore, g: dict[str, Any], paras: list[tuple[int, int]], places: dict[str, dict]
) -> str:
    """Why no output event matched gold event ``g``: each event in its paragraph, and why."""
    owner = {j: gid for gid, j in s.matches.items()}
    reasons = []
    for i, ev in enumerate(s.events):
        span = ev.get("span")
        in_para = bool(span) and 1 <= g["para"] <= len(paras)
        if not in_para or not overlaps(span, paras[g["para"] - 1]):
            continue
        if g["types"] and ev.get("event_type") not in {t[0] for t in g["types"]}:
            reasons.append(f"#{i} type")
        elif not g["types"] and ev.get("plover") not in g["plover"]:
            reasons.append(f"#{i} plover")
        elif not place_ok(ev, g, places):
            d = _distance(ev, g, places)
            reasons.append(f"#{i} place" + (f" {d:.0f}km" if d is not None else " none"))
        else:
            reasons.append(f"#{i} taken by {owner.get(i)}")
    return "MISSING" + (f" ({', '.join(reasons)})" if reasons else "")


def format_report(s: GoldScore, text: str, places: dict[str, dict]) -> str:
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
    out.extend(summary_lines(s))
    return "\n".join(out)


# --- running -----------------------------------------------------------------------


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
    return parse_jsonl(proc.stdout, "sitrep extract stdout")


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

    try:
        gold = load_gold(gold_path)
        if args.events is not None:
            events = read_jsonl(args.events)
            source = str(args.events)
        else:
            events = run_sitrep(article, gold.get("published") or "2024-12-06")
            source = "sitrep extract"
    except (SitrepRunError, InputError) as exc:
        print(f"seed benchmark: {exc}", file=sys.stderr)
        return 2

    print(f"seed article: {len(events)} events from {source}; {len(gold['events'])} gold events\n")
    print(format_report(score(events, gold, text), text, gold["places"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
