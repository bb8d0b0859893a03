"""Measure sitrep against ACLED's own coding of its `notes` (27 Apr - 9 May 2020).

    python benchmarks/acled.py                       # all 4,988 notes (about a minute)
    python benchmarks/acled.py --limit 300           # the first 300 notes, for a quick run
    python benchmarks/acled.py --region "Middle East" --sample 200 --seed 1
    python benchmarks/acled.py --failures 40 --subtype "Armed clash"
    python benchmarks/acled.py --json /tmp/acled.json --save-events /tmp/acled-events.jsonl
    python benchmarks/acled.py --events /tmp/acled-events.jsonl   # re-score, no extraction
    python benchmarks/acled.py --half tune          # tune on one half, check on the other (test)

The ACLED export is read in place from the team's shared folder
(``<repo>/../shared/bench/acled-2020/``); it is never copied into the repository (ACLED's
terms forbid redistribution).  Without the folder the benchmark says so and exits 0.

The rules (those of the project's ACLED benchmark issue) and the scoring live in
``sitrep.evaluate.acled`` and ``sitrep.evaluate.acled_score`` (``sitrep eval --acled`` scores
a user's own ACLED file with them); this script adds the selection options, the confusion
matrix, the per-sub-type and per-region tables, sampled failures and the issue's targets.
"""

from __future__ import annotations

import argparse
import csv
import inspect
import json
import random
import sys
import zlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sitrep.errors import InputError
from sitrep.evaluate.acled import (
    GoldRow,
    Note,
    extract_notes,
    load_notes,
    read_events,
    select_notes,
    write_events,
)
from sitrep.evaluate.acled_score import (
    CHECKS,
    INTER_KINDS,
    NONE_LABEL,
    AcledScore,
    Pair,
    confusions,
    figure_lines,
    metrics,
    score,
)

__all__ = [
    "SHARED",
    "CSV_PATH",
    "SUBTYPES",
    "TARGETS",
    "FAIL_ON",
    "failures",
    "format_report",
    "half_of",
    "run_sitrep",
    "main",
]

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CSV_PATH = SHARED / "bench" / "acled-2020" / "acled-2020-04-27_2020-05-09.csv"

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
    out.extend(figure_lines(m, TARGETS))
    return "\n".join(out)


# --- running sitrep ----------------------------------------------------------------


# Countries the village layer (src/sitrep/places/data/villages) does not cover: reported apart.
def _layer_countries() -> set[str]:
    from sitrep.places.build import village_files
    return {p.name[:2] for p in village_files()}


def location_ceiling(csv_path: Path, notes: Sequence[Note]) -> list[str]:
    """Lines on what the place index can reach: the share of gold rows with a candidate of the
    row's own location, admin3 or admin2 name within 25 km (towns only, and with the village
    layer), over all rows and over the rows of countries the village layer covers or not."""
    from sitrep.places.disambiguate import haversine_km
    from sitrep.places.gazetteer import Gazetteer

    wanted = {r.event_id for n in notes for r in n.rows}
    rows = []
    with open(csv_path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["event_id_cnty"] in wanted and r["latitude"] and r["longitude"]:
                rows.append(r)
    layer = _layer_countries()
    with Gazetteer.open() as gaz:
        has_layer = "villages" in inspect.signature(gaz.candidates).parameters

        def reach(r: dict, villages: bool) -> bool:
            gold = (float(r["latitude"]), float(r["longitude"]))
            for name in {r["location"], r["admin3"], r["admin2"]} - {""}:
                cands = gaz.candidates(name, villages=True) if villages else gaz.candidates(name)
                if any(haversine_km((c.latitude, c.longitude), gold) <= 25 for c in cands):
                    return True
            return False

        out = []
        for label, villages in (("towns only", False), ("with the village layer", True)):
            if villages and not has_layer:
                continue
            hits = [reach(r, villages) for r in rows]
            inside = [h for h, r in zip(hits, rows, strict=True) if r["iso"] and _iso2(r) in layer]
            outside = [h for h, r in zip(hits, rows, strict=True) if not (r["iso"] and _iso2(r) in layer)]
            out.append(f"  location ceiling ({label}): {sum(hits) / max(len(hits), 1):.3f} of {len(hits)} rows;"
                       f" layer's countries {sum(inside) / max(len(inside), 1):.3f} of {len(inside)},"
                       f" others {sum(outside) / max(len(outside), 1):.3f} of {len(outside)}")
    return out


def _iso2(r: dict) -> str:
    import pycountry
    c = pycountry.countries.get(numeric=f"{int(r['iso']):03d}")
    return c.alpha_2 if c else ""


def precision_shares(events_by_note: dict[str, list[Any]]) -> str:
    """The share of output events placed at each ACLED geo-precision."""
    counts = Counter(getattr(e.location, "precision", None) for evs in events_by_note.values() for e in evs
                     if getattr(e, "location", None) is not None)
    total = sum(counts.values()) or 1
    return "  location precision of output events: " + ", ".join(
        f"{k}: {counts[k] / total:.3f}" for k in (1, 2, 3) if k in counts)


def half_of(note: Note) -> str:
    """'tune' or 'test': a fixed split of the notes by a hash of the note's id, so that a rule
    tuned on one half can be checked on notes it was never looked at with."""
    return "tune" if zlib.crc32(note.id.encode("utf-8")) % 2 == 0 else "test"


def run_sitrep(notes: Sequence[Note], progress: bool = False) -> tuple[dict[str, list[Any]], float]:
    """Extract every note in-process; returns events by note id and the seconds taken
    (the resources' loading included)."""
    errors: list[str] = []

    def on_progress(i: int, seconds: float) -> None:
        if progress and i % 500 == 0:
            print(f"  ... {i} notes, {seconds:.0f} s", file=sys.stderr)

    out, seconds = extract_notes(notes, on_error=errors.append, on_progress=on_progress)
    for e in errors[:20]:
        print(f"sitrep error: {e}", file=sys.stderr)
    if len(errors) > 20:
        print(f"... and {len(errors) - 20} more errors", file=sys.stderr)
    return out, seconds


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", type=Path, default=CSV_PATH, help="the ACLED export to read")
    ap.add_argument("--limit", type=int, help="only the first N notes")
    ap.add_argument("--region", help="only notes of this ACLED region, e.g. 'Middle East'")
    ap.add_argument("--sample", type=int, help="a random sample of N notes (see --seed)")
    ap.add_argument("--seed", type=int, default=0, help="seed of --sample and of the failure sample")
    ap.add_argument("--half", choices=("tune", "test"),
                    help="only one half of the notes, split by a hash of the note id")
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

    try:
        notes = load_notes(args.csv)
        if args.half:
            notes = [n for n in notes if half_of(n) == args.half]
        notes = select_notes(notes, args.region, args.sample, args.seed, args.limit)
        if not notes:
            print("no notes selected")
            return 0
        print(f"{len(notes)} notes, {sum(len(n.rows) for n in notes)} gold rows", file=sys.stderr)
        if args.events:
            wanted = {n.id for n in notes}
            events_by_note = {k: v for k, v in read_events(args.events).items() if k in wanted}
            seconds = None
        else:
            events_by_note, seconds = run_sitrep(notes, progress=True)
            if args.save_events:
                write_events(args.save_events, events_by_note)
    except InputError as exc:
        print(f"acled benchmark: {exc}", file=sys.stderr)
        return 2
    sc = score(notes, events_by_note)
    m = metrics(sc, seconds)
    print(format_report(sc, m, args.failures, args.subtype, args.seed, fail_on))
    print(precision_shares(events_by_note))
    for line in location_ceiling(args.csv, notes):
        print(line)
    if args.json:
        args.json.write_text(json.dumps(m, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
