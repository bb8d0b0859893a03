"""sitrep's command line: each command parses options, makes one core call, prints.

    sitrep extract PATH... [--published D] [--format jsonl|csv|geojson] [--output F] [--db F]
                   [--workers N] [--max-chars N] [--quiet]
    sitrep places  PATH... [--published D]
    sitrep demo    [--output DIR] [--db F]
    sitrep eval    --gold FILE [--article F] [--published D] [--events OUT.jsonl]
    sitrep eval    --acled FILE.csv [--limit N] [--events OUT.jsonl]
    sitrep gazetteer import FILE [--index PATH]

Exit status: 0 when every input was processed, 1 when any input failed (the others
are still processed and stored), 2 for a usage error or a missing model.  `eval`: 0 when
scoring ran, 1 when an input (gold, article, events) could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path

from .errors import InputError, SitrepError

__all__ = ["main"]


def _date(value: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return n


def _confidence(value: str) -> float:
    try:
        p = float(value)
    except ValueError:
        p = -1.0
    if not 0.0 <= p <= 1.0:
        raise argparse.ArgumentTypeError(f"not a probability between 0 and 1: {value!r}")
    return p


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sitrep", description="Structured, geocoded event records from conflict reporting.")
    sub = p.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="code the events of articles (one JSON object per line)")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for standard input")
    ex.add_argument("--published", type=_date, help="publication date for articles that carry none")
    ex.add_argument("--format", choices=("jsonl", "csv", "geojson"), default="jsonl")
    ex.add_argument("--output", "-o", help="write here instead of standard output")
    ex.add_argument("--db", help="SQLite database (default: sitrep.db in the user data folder)")
    ex.add_argument("--actors", help="a YAML file of extra actors (same format as the packaged groups)")
    ex.add_argument("--min-confidence", type=_confidence, metavar="P",
                    help="leave out events less likely than P (0-1) to be right as coded; default: "
                         "sitrep's calibrated threshold; 0 keeps every event (all are stored anyway)")
    ex.add_argument("--workers", type=_positive, default=1, metavar="N",
                    help="extract in N processes (each loads the model, ~0.5 GB); same results, same order")
    ex.add_argument("--max-chars", type=_positive, metavar="N",
                    help="refuse a text longer than N characters (default 20,000,000; longer than the "
                         "model's 1,000,000 is read in pieces)")
    ex.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary on a terminal")

    pl = sub.add_parser("places", help="list the toponyms of articles (one JSON object per line)")
    pl.add_argument("paths", nargs="+", metavar="PATH")
    pl.add_argument("--published", type=_date)
    pl.add_argument("--output", "-o")

    de = sub.add_parser("demo", help="run sitrep on its bundled sample reports (Syria, Nov-Dec 2024)")
    de.add_argument("--output", "-o", default="sitrep-demo", help="folder for events.csv and events.geojson")
    de.add_argument("--db", help="SQLite database (default: <output>/demo.db)")

    ev = sub.add_parser("eval", help="score sitrep on your own gold data and print the metrics")
    gold = ev.add_mutually_exclusive_group(required=True)  # one option per gold format
    gold.add_argument("--gold", metavar="FILE", help="sitrep's gold JSON: hand-coded events of one article")
    gold.add_argument("--acled", metavar="FILE.csv", help="an ACLED CSV: sitrep reads each row's notes")
    gold.add_argument("--places", metavar="FILE.xml",
                      help="GeoWebNews/LGL-style XML: annotated place mentions, to score the geoparser")
    ev.add_argument("--article", metavar="FILE", help="--gold's article (default: the file the gold names)")
    ev.add_argument("--published", type=_date, help="--gold's publication date (default: the gold's)")
    ev.add_argument("--limit", type=_positive, metavar="N", help="--acled/--places: only the first N notes/articles")
    ev.add_argument("--events", metavar="OUT.jsonl",
                    help="score this saved `sitrep extract` output instead of running sitrep")
    ev.set_defaults(eval_parser=ev)  # for _check_eval's usage errors

    gz = sub.add_parser("gazetteer", help="manage the place index")
    gzsub = gz.add_subparsers(dest="gazetteer_command", required=True)
    gi = gzsub.add_parser("import", help="add a GeoNames dump (allCountries.zip, SY.zip, alternateNamesV2.zip)")
    gi.add_argument("file", metavar="FILE", help="a GeoNames geoname or alternateNamesV2 file, .txt or .zip")
    gi.add_argument("--index", metavar="PATH", help="the place index (default: the one in the cache folder)")
    return p


def _check_eval(args) -> None:
    """Options that belong to the other gold format are usage errors."""
    p = args.eval_parser
    if args.acled and (args.article or args.published):
        p.error("--article and --published go with --gold (ACLED notes carry their dates)")
    if args.gold and args.limit is not None:
        p.error("--limit goes with --acled or --places")
    if args.places and (args.article or args.published or args.events):
        p.error("--article, --published and --events go with --gold or --acled")


def _open_out(path: str | None):
    if path is None:
        return sys.stdout
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return open(path, "w", encoding="utf-8", newline="")


def _extract(args) -> int:
    from .events.confidence import confident, default_min_confidence
    from .export import write_csv, write_geojson, write_jsonl
    from .ingest import read
    from .pipeline import MAX_CHARS, load_resources, process
    from .progress import Progress
    from .storage import Store, default_db_path

    progress = Progress(quiet=args.quiet)

    def on_error(msg: str) -> None:
        progress.error(f"sitrep: {msg}")

    res = load_resources(args.actors) if args.workers == 1 else None  # else each worker loads its own
    threshold = default_min_confidence() if args.min_confidence is None else args.min_confidence
    with Store(args.db or default_db_path()) as store:
        events = []
        out = _open_out(args.output)
        try:
            for _, stored, _ in process(read(args.paths, args.published), res, store, on_error,
                                        max_chars=args.max_chars or MAX_CHARS, workers=args.workers,
                                        extra_actors=args.actors):
                progress.article(len(stored))
                evs = confident(stored, threshold)
                if args.format == "jsonl":
                    write_jsonl(evs, out)  # stream: one article at a time
                    out.flush()
                else:
                    events.extend(evs)
            if args.format == "csv":
                write_csv(events, out)
            elif args.format == "geojson":
                write_geojson(events, out)
        finally:
            progress.close()
            if out is not sys.stdout:
                out.close()
    return 1 if progress.errors else 0


def _places(args) -> int:
    from .ingest import read
    from .pipeline import load_resources, process

    errors: list[str] = []

    def on_error(msg: str) -> None:
        errors.append(msg)
        print(f"sitrep: {msg}", file=sys.stderr)

    out = _open_out(args.output)
    try:
        for _, _, mentions in process(read(args.paths, args.published), load_resources(), None, on_error):
            for m in mentions:
                out.write(json.dumps(m.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if errors else 0


def _demo(args) -> int:
    from .export import write_csv, write_geojson
    from .ingest import read
    from .pipeline import load_resources, process
    from .storage import Store

    outdir = Path(args.output)
    outdir.mkdir(parents=True, exist_ok=True)
    folder = resources.files("sitrep.demo").joinpath("articles")
    paths = sorted(str(p) for p in Path(str(folder)).glob("*.txt"))
    errors: list[str] = []
    events = []
    db = Path(args.db) if args.db else outdir / "demo.db"
    with Store(db) as store:
        for _art, evs, _ in process(read(paths), load_resources(), store, errors.append):
            events.extend(evs)
        counts = store.counts()
    for err in errors:
        print(f"sitrep: {err}", file=sys.stderr)
    print(f"{'date':<10}  {'event':<38}  {'actor1':<34}  {'actor2':<24}  place")
    for e in events:
        kind = e.sub_event_type or f"({e.plover})"
        a1 = e.actor1.name if e.actor1 else "-"
        a2 = e.actor2.name if e.actor2 else "-"
        place = e.location.name if e.location else "-"
        print(f"{e.event_date or '-':<10}  {kind[:38]:<38}  {a1[:34]:<34}  {a2[:24]:<24}  {place}")
    with open(outdir / "events.csv", "w", encoding="utf-8", newline="") as fp:
        write_csv(events, fp)
    with open(outdir / "events.geojson", "w", encoding="utf-8") as fp:
        write_geojson(events, fp)
    print(f"\n{len(paths)} reports, {len(events)} events; database {db} holds "
          f"{counts['articles']} articles and {counts['events']} events.")
    print(f"wrote {outdir / 'events.csv'} and {outdir / 'events.geojson'}")
    return 1 if errors else 0


def _eval(args) -> int:
    from .evaluate import (
        AcledEvaluation,
        GoldEvaluation,
        PlacesEvaluation,
        evaluate_acled,
        evaluate_gold,
        evaluate_places,
    )

    result: GoldEvaluation | PlacesEvaluation | AcledEvaluation
    if args.gold:
        result = evaluate_gold(args.gold, args.article, args.published, args.events)
    elif args.places:
        result = evaluate_places(args.places, args.limit,
                                 on_error=lambda msg: print(f"sitrep: {msg}", file=sys.stderr))
    else:
        result = evaluate_acled(args.acled, args.limit, args.events,
                                on_error=lambda msg: print(f"sitrep: {msg}", file=sys.stderr))
    print(result.report())
    return 0


def _gazetteer(args) -> int:
    from .places.importer import import_geonames

    st = import_geonames(args.file, args.index, on_error=lambda msg: print(f"sitrep: {msg}", file=sys.stderr))
    print(f"{st['file']}: {st['lines']} lines ({st['kind']}), {st['rows']} places and {st['names']} names added, "
          f"{st['skipped']} skipped, {st['failed']} malformed, {st['seconds']} s")
    return 1 if st["failed"] else 0


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "eval":
        _check_eval(args)
    commands = {"extract": _extract, "places": _places, "demo": _demo, "eval": _eval, "gazetteer": _gazetteer}
    try:
        return commands[args.command](args)
    except SitrepError as exc:
        print(f"sitrep: {exc}", file=sys.stderr)
        # eval's inputs are its gold and events: one it cannot read is a failed input (1)
        return 1 if (args.command == "eval" and isinstance(exc, InputError)) or args.command == "gazetteer" else 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
