"""sitrep's command line: each command parses options, makes one core call, prints.

    sitrep extract PATH... [--published D] [--format jsonl|csv|geojson] [--output F] [--db F]
                   [--workers N] [--engine local|dask] [--scheduler ADDRESS] [--max-chars N] [--quiet]
    sitrep places  PATH... [--published D]
    sitrep demo    [--output DIR] [--db F]
    sitrep ingest  PATH... [--published D] [--db F] [--workers N] [--engine local|dask] [--scheduler ADDRESS] [--quiet]
    sitrep events  [--db F] [--since D] [--until D] [--country C] [--format jsonl|json|csv|geojson]
    sitrep control [--as-of D] [--db F] [--format json|geojson]
    sitrep control --changes --since D --until D [--db F]
    sitrep report  --since D --until D [--country C] [--db F] [--format md|html] [--output F]
    sitrep serve   [--db F] [--host 127.0.0.1] [--port 8000] [--token T] [--max-upload BYTES]
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
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TextIO

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
    ex.add_argument("--format", choices=("jsonl", "csv", "geojson"), default="jsonl",
                    help="jsonl: sitrep's records (default); csv: ACLED's columns, then sitrep's; geojson")
    ex.add_argument("--output", "-o", help="write here instead of standard output")
    ex.add_argument("--db", help="SQLite database (default: sitrep.db in the user data folder)")
    ex.add_argument("--actors", help="a YAML file of extra actors (same format as the packaged groups)")
    ex.add_argument("--min-confidence", type=_confidence, metavar="P",
                    help="leave out events less likely than P (0-1) to be right as coded; default: "
                         "sitrep's calibrated threshold; 0 keeps every event (all are stored anyway)")
    _scaling_options(ex)
    ex.add_argument("--max-chars", type=_positive, metavar="N",
                    help="refuse a text longer than N characters (default 20,000,000; longer than the "
                         "model's 1,000,000 is read in pieces)")
    ex.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary on a terminal")
    ex.set_defaults(scaling_parser=ex)

    pl = sub.add_parser("places", help="list the toponyms of articles (one JSON object per line)")
    pl.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for standard input")
    pl.add_argument("--published", type=_date, help="publication date for articles that carry none")
    pl.add_argument("--output", "-o", help="write here instead of standard output")

    de = sub.add_parser("demo", help="run sitrep on its bundled sample reports (Syria, Nov-Dec 2024)")
    de.add_argument("--output", "-o", default="sitrep-demo", help="folder for events.csv and events.geojson")
    de.add_argument("--db", help="SQLite database (default: <output>/demo.db)")

    ig = sub.add_parser("ingest", help="add articles and their events to the database, then fuse")
    ig.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for standard input")
    ig.add_argument("--published", type=_date, help="publication date for articles that carry none")
    ig.add_argument("--db", help="SQLite database (default: sitrep.db in the user data folder)")
    ig.add_argument("--actors", help="a YAML file of extra actors (same format as the packaged groups)")
    _scaling_options(ig)
    ig.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary on a terminal")
    ig.set_defaults(scaling_parser=ig)

    fe = sub.add_parser("events", help="list the fused events of the database, each with its sources")
    fe.add_argument("--db", help="SQLite database (default: sitrep.db in the user data folder)")
    fe.add_argument("--since", type=_date, help="only events on or after this date (YYYY-MM-DD)")
    fe.add_argument("--until", type=_date, help="only events on or before this date (YYYY-MM-DD)")
    fe.add_argument("--country", help="ISO alpha-2 code or country name")
    fe.add_argument("--format", choices=("jsonl", "json", "csv", "geojson"), default="jsonl",
                    help="one JSON object a line (default), a JSON array, ACLED's CSV, or GeoJSON")
    fe.add_argument("--output", "-o", help="write here instead of standard output")

    co = sub.add_parser("control", help="who controls each place, as of a date (or what changed)")
    co.add_argument("--as-of", type=_date, help="default: today")
    co.add_argument("--db", help="SQLite database (default: sitrep.db in the user data folder)")
    co.add_argument("--format", choices=("json", "geojson"), default="json",
                    help="a JSON array (default) or a GeoJSON FeatureCollection")
    co.add_argument("--changes", action="store_true", help="list changes of control between --since and --until")
    co.add_argument("--since", type=_date, help="with --changes: the first day (YYYY-MM-DD)")
    co.add_argument("--until", type=_date, help="with --changes: the last day (YYYY-MM-DD)")
    co.add_argument("--output", "-o", help="write here instead of standard output")
    co.set_defaults(control_parser=co)

    rp = sub.add_parser("report", help="write a situation report of a period, every statement sourced")
    rp.add_argument("--since", type=_date, required=True, help="the report's first day (YYYY-MM-DD)")
    rp.add_argument("--until", type=_date, required=True, help="the report's last day (YYYY-MM-DD)")
    rp.add_argument("--country", help="ISO alpha-2 code or country name")
    rp.add_argument("--db", help="SQLite database (default: sitrep.db in the user data folder)")
    rp.add_argument("--format", choices=("md", "html"), default="md", help="Markdown (default) or an HTML page")
    rp.add_argument("--output", "-o", help="write here instead of standard output")

    sv = sub.add_parser("serve", help="serve the HTTP API (OpenAPI at /docs) and the web map at /")
    sv.add_argument("--db", help="SQLite database (default: sitrep.db in the user data folder)")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    sv.add_argument("--port", type=_positive, default=8000, help="port to listen on (default: 8000)")
    sv.add_argument("--token", help="allow POST /api/articles with this bearer token (default: $SITREP_TOKEN; "
                                    "without either, the server is read-only)")
    sv.add_argument("--max-upload", type=_positive, metavar="BYTES", help="largest POST body (default 1 MB)")

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


def _scaling_options(p: argparse.ArgumentParser) -> None:
    """--workers and --engine, the same on extract and ingest."""
    p.add_argument("--workers", type=_positive, metavar="N",
                   help="extract in N processes (each loads the model, ~0.5 GB); same results, same order "
                        "(default 1; with --engine dask and no --scheduler: the number of cores)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: this process, or --workers processes (default); dask: a Dask LocalCluster "
                        "of --workers processes, or the cluster at --scheduler")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: a running Dask scheduler (tcp://HOST:8786) whose workers have sitrep")
    p.add_argument("--partition-size", type=_positive, metavar="N",
                   help="with --engine dask: articles per partition (default 32)")


def _scaling(args):
    """(processes, Dask engine or None) from --workers, --engine, --scheduler, --partition-size."""
    import os

    if args.engine != "dask":
        if args.scheduler or args.partition_size:
            args.scaling_parser.error("--scheduler and --partition-size go with --engine dask")
        return args.workers or 1, None
    from .distributed import DEFAULT_PARTITION, DaskEngine

    if args.scheduler and args.workers:
        args.scaling_parser.error("--workers goes with a LocalCluster: a cluster at --scheduler has its own workers")
    engine = DaskEngine(scheduler=args.scheduler, workers=args.workers or os.cpu_count() or 1,
                        partition_size=args.partition_size or DEFAULT_PARTITION, extra_actors=args.actors)
    return 1, engine


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


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """The file to write (standard output when None), closed after unless it is stdout."""
    out = _open_out(path)
    try:
        yield out
    finally:
        if out is not sys.stdout:
            out.close()


def _warn_undated(items):
    """Pass the inputs on; the first article with no date and no --published earns one warning,
    since every event it yields will be undated (relative dates need the day of publication)."""
    from .models import Article

    warned = False
    for item in items:
        if not warned and isinstance(item, Article) and item.published is None:
            warned = True
            print(f"sitrep: warning: {item.source or item.id} carries no publication date: its events, "
                  "and those of any other undated article, will be undated (give --published)",
                  file=sys.stderr)
        yield item


def _extract(args) -> int:
    from .events.confidence import confident, default_min_confidence
    from .export import write_csv, write_geojson, write_jsonl
    from .ingest import read
    from .pipeline import MAX_CHARS, load_resources, process
    from .progress import Progress
    from .storage import Store, default_db_path

    workers, dask = _scaling(args)
    progress = Progress(quiet=args.quiet)

    def on_error(msg: str) -> None:
        progress.error(f"sitrep: {msg}")

    res = load_resources(args.actors) if workers == 1 and dask is None else None  # else each worker loads its own
    threshold = default_min_confidence() if args.min_confidence is None else args.min_confidence
    with Store(args.db or default_db_path()) as store:
        events = []
        out = _open_out(args.output)
        try:
            for _, stored, _ in process(_warn_undated(read(args.paths, args.published)), res, store, on_error,
                                        max_chars=args.max_chars or MAX_CHARS, workers=workers,
                                        extra_actors=args.actors, dask=dask):
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


def _demo_table(events) -> list[str]:
    """The demo's events as a table in date order (undated last), every name whole: each
    column is as wide as its widest cell."""
    head = ("date", "event", "modality", "actor1", "actor2", "place")
    rows = [(e.event_date or "-", e.sub_event_type or f"({e.plover})", e.modality,
             e.actor1.name if e.actor1 else "-", e.actor2.name if e.actor2 else "-",
             e.location.name if e.location else "-")
            for e in sorted(events, key=lambda e: e.event_date or "9999-99-99")]  # stable: article order within a day
    widths = [max(len(r[i]) for r in (head, *rows)) for i in range(len(head) - 1)]
    return ["  ".join([*(cell.ljust(w) for cell, w in zip(r, widths, strict=False)), r[-1]]).rstrip()
            for r in (head, *rows)]


def _demo(args) -> int:
    from .control import control_as_of
    from .export import write_csv, write_geojson
    from .ingest import read
    from .pipeline import ingest, load_resources
    from .report import build_report, render
    from .storage import Store

    outdir = Path(args.output)
    outdir.mkdir(parents=True, exist_ok=True)
    folder = resources.files("sitrep.demo").joinpath("articles")
    paths = sorted(str(p) for p in Path(str(folder)).glob("*.txt"))
    db = Path(args.db) if args.db else outdir / "demo.db"
    with Store(db) as store:
        run = ingest(read(paths), store, load_resources, lambda msg: print(f"sitrep: {msg}", file=sys.stderr))
        events = store.events()
        fused = store.clusters()
        statements = store.control_statements()
        counts = store.counts()
        report = build_report(store, "2024-11-27", "2024-12-08")
    for line in _demo_table(events):
        print(line)
    told_often = [f for f in fused if f["event_type"] and len(f["sources"]) > 1]
    print(f"\n{len(fused)} fused events; told by several reports:")
    for f in sorted(told_often, key=lambda f: f["event_date"] or ""):
        a1 = f["actor1"]["name"] if f["actor1"] else "-"
        place = f["location"]["name"] if f["location"] else "-"
        flag = ", disputed" if f.get("disputed") else ""
        print(f"  {f['event_date'] or '-'}  {f['sub_event_type']}  {a1}  {place}  "
              f"({len(f['sources'])} sources, {f['modality']}{flag})")
    print("\ncontrol as of 2024-12-09:")
    for state in control_as_of(fused, "2024-12-09", statements):
        who = state.controller.name if state.controller else "holder unconfirmed"
        print(f"  {state.place['name']:<24} {state.status:<10} {who:<36} since {state.since}  "
              f"evidence {', '.join(state.evidence)}")
    with open(outdir / "events.csv", "w", encoding="utf-8", newline="") as fp:
        write_csv(events, fp)
    with open(outdir / "events.geojson", "w", encoding="utf-8") as fp:
        write_geojson(events, fp)
    (outdir / "report.md").write_text(render(report, "md"), encoding="utf-8")
    (outdir / "report.html").write_text(render(report, "html"), encoding="utf-8")
    print(f"\n{len(paths)} reports ({run.added} new, {run.already_stored} already stored); database {db} holds "
          f"{counts['articles']} articles and {counts['events']} events, fused into {len(fused)}")
    print(f"wrote {outdir / 'events.csv'}, {outdir / 'events.geojson'}, {outdir / 'report.md'} and "
          f"{outdir / 'report.html'}")
    return 1 if run.errors else 0


def _ingest(args) -> int:
    from .ingest import read
    from .pipeline import ingest, load_resources
    from .progress import Progress
    from .storage import Store, default_db_path

    workers, dask = _scaling(args)
    db = args.db or default_db_path()
    progress = Progress(quiet=args.quiet, what="articles added")
    with Store(db) as store:
        try:
            report = ingest(read(args.paths, args.published), store, lambda: load_resources(args.actors),
                            lambda msg: progress.error(f"sitrep: {msg}"), workers=workers,
                            extra_actors=args.actors, dask=dask, on_article=progress.article)
        finally:
            progress.close()
        fused = store.cluster_count()
    if not args.quiet:  # the run's account, also when piped (errors are always told)
        print(f"{report.read} articles read: {report.added} added with {report.events} events, "
              f"{report.already_stored} already stored, {len(report.errors)} failed; "
              f"{db} holds {fused} fused events", file=sys.stderr)
    return 1 if report.errors else 0


def _events(args) -> int:
    from .export.fused import write_fused
    from .storage import Store, default_db_path

    with Store(args.db or default_db_path()) as store:
        fused = store.clusters(args.since, args.until, args.country)
    with _output(args.output) as out:
        write_fused(fused, out, args.format)
    return 0


def _control(args) -> int:
    from datetime import date

    from .control import control_as_of, control_changes
    from .export.fused import write_control
    from .storage import Store, default_db_path

    p = args.control_parser
    if args.changes and not (args.since and args.until):
        p.error("--changes needs --since and --until")
    if not args.changes and (args.since or args.until):
        p.error("--since and --until go with --changes (use --as-of for a state)")
    if args.changes and args.as_of:
        p.error("--as-of does not go with --changes")
    with Store(args.db or default_db_path()) as store:
        fused = store.clusters()
        statements = store.control_statements()
    if args.changes:
        entries = [c.to_dict() for c in control_changes(fused, args.since, args.until, statements)]
    else:
        entries = [s.to_dict() for s in control_as_of(fused, args.as_of or date.today().isoformat(), statements)]
    with _output(args.output) as out:
        write_control(entries, out, args.format)
    return 0


def _report(args) -> int:
    from .report import build_report, render
    from .storage import Store, default_db_path

    with Store(args.db or default_db_path()) as store:
        report = build_report(store, args.since, args.until, args.country)
    with _output(args.output) as out:
        out.write(render(report, args.format))
    return 0


def _serve(args) -> int:
    import os

    import uvicorn

    from .storage import default_db_path
    from .web import DEFAULT_MAX_UPLOAD, create_app

    db = args.db or default_db_path()
    app = create_app(db, token=args.token or os.environ.get("SITREP_TOKEN") or None,
                     max_upload=args.max_upload or DEFAULT_MAX_UPLOAD)
    print(f"sitrep: serving {db} at http://{args.host}:{args.port}/ (API docs at /docs)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


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
    commands = {"extract": _extract, "places": _places, "demo": _demo, "eval": _eval, "gazetteer": _gazetteer,
                "ingest": _ingest, "events": _events, "control": _control, "report": _report,
                "serve": _serve}
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
