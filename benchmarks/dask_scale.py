"""Scale-out: N generated articles through the Dask engine into a database, in bounded memory.

    python benchmarks/dask_scale.py                        # 20,000 articles, a 2-worker LocalCluster
    python benchmarks/dask_scale.py --articles 2000 --workers 2 --baseline 200
    python benchmarks/dask_scale.py --scheduler tcp://HOST:8786 --articles 100000

The articles are made here from our own template sentences (invented wording about real place
names the gazetteer knows), seeded so every run reads the same texts; each is a few sentences,
the size of a wire report.  They are generated as they are consumed and stored as their results
come back, a few partitions per worker in flight: neither the parent nor a worker holds the
whole run.  Printed: the time and articles per second of extraction and storage, then of fusion;
each worker's peak resident memory (ru_maxrss, reported by the worker with each partition); the
parent's peak after each phase; and, as the baseline of the same run, one process over the
first --baseline articles (in a child process, so its model is not counted in the parent).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from sitrep.models import Article

# Our own sentences: events with actors, places and dates, and the talk around them.
PLACES = ("Aleppo", "Homs", "Idlib", "Raqqa", "Mosul", "Kirkuk", "Taiz", "Marib", "Hodeidah", "Kharkiv",
          "Donetsk", "Goma", "Bunia", "Maiduguri", "Gao", "Mogadishu", "Kismayo", "Khartoum", "Sirte", "Benghazi")
ARMED = ("Government forces", "Rebel fighters", "Militants", "Unidentified gunmen", "Soldiers", "A militia")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EVENTS = (
    "{armed} attacked a checkpoint on the outskirts of {place} on {day}, killing {n} people, residents said.",
    "An air strike hit a market in {place} on {day}, and {n} civilians were killed, a local official said.",
    "{armed} shelled villages near {place} overnight, wounding {n} people.",
    "Hundreds of people marched through {place} on {day} to demand the release of detained students.",
    "A roadside bomb exploded beside a bus near {place}, killing {n} passengers.",
    "{armed} clashed with army units south of {place} on {day}; {n} fighters died in the fighting.",
    "Police fired tear gas at protesters who blocked the main road into {place} on {day}.",
    "{armed} abducted {n} aid workers on the road between {place} and the border.",
)
TALK = (
    "The governor of the province called for calm and promised an inquiry.",
    "Aid agencies said the roads out of the district had been closed since the weekend.",
    "Talks between the parties are due to resume next month.",
    "Prices of flour and fuel have doubled in the city this year.",
    "The ministry said schools would reopen once the area was declared safe.",
)


def articles(count: int, seed: int = 16) -> Iterator[Article]:
    """`count` distinct reports, made one at a time (never a list of them all)."""
    rng = random.Random(seed)
    start = date(2025, 1, 1)
    for i in range(count):
        place = rng.choice(PLACES)
        lines = [rng.choice(EVENTS).format(armed=rng.choice(ARMED), place=place, day=rng.choice(DAYS),
                                           n=rng.randint(2, 40)) for _ in range(rng.randint(1, 3))]
        lines += rng.sample(TALK, rng.randint(1, 3))
        rng.shuffle(lines)
        published = (start + timedelta(days=rng.randrange(365))).isoformat()
        # the number makes every text distinct, so none is skipped as already stored
        text = f"{place}, report {i + 1}.\n" + "\n".join(lines) + "\n"
        yield Article(id=f"gen-{i + 1:06d}", text=text, published=published, source=f"generated #{i + 1}")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def baseline(count: int) -> dict:
    """One process over the first `count` articles (the child's side): articles per second."""
    from sitrep.pipeline import load_resources, process

    res = load_resources()
    list(process(articles(1, seed=0), res))  # lazy loads, outside the clock
    start = time.perf_counter()
    done = sum(1 for _ in process(articles(count), res))
    return {"articles": done, "seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}


def run_baseline(count: int) -> dict:
    cmd = [sys.executable, __file__, "--child-baseline", str(count)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"baseline failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def scale(count: int, db: Path, workers: int, partition: int, scheduler: str | None,
          fuse: bool = True) -> tuple[float, float, list[str]]:
    """Extract and store `count` articles on Dask, then fuse, printing times, rates and memory;
    returns the rate with start-up, the rate after it, and the errors."""
    from sitrep.distributed import DaskEngine, DaskRun
    from sitrep.fusion import fuse_store
    from sitrep.pipeline import process
    from sitrep.storage import Store

    run = DaskRun(DaskEngine(scheduler=scheduler, workers=workers, partition_size=partition))
    errors: list[str] = []
    done = events = 0
    first: tuple[float, int] | None = None  # when the first partition came back, and how many were done then
    with Store(db) as store:
        start = time.perf_counter()
        for _, evs, _ in process(articles(count), None, store, errors.append, dask=run):
            done += 1
            events += len(evs)
            if first is None:
                first = (time.perf_counter() - start, partition)
            if done % 2000 == 0:
                print(f"  {done:,} articles, {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
        extract_s = time.perf_counter() - start
        startup_s, at_startup = first or (0.0, 0)
        steady = (done - at_startup) / (extract_s - startup_s) if done > at_startup else 0.0
        report_extraction({"articles": done, "events": events, "errors": errors, "extract_s": extract_s,
                           "startup_s": startup_s, "steady_rate": steady,
                           "workers_mb": {w: b / 2**20 for w, b in sorted(run.peak_rss.items())},
                           "parent_mb": _peak_mb()})
        if not fuse:
            return done / extract_s, steady, errors
        start = time.perf_counter()
        fused = len(fuse_store(store))
        print(f"fuse:            {fused:,} fused events in {time.perf_counter() - start:.1f} s; parent peak resident "
              f"{_peak_mb():,.0f} MB after it", flush=True)
    return done / extract_s, steady, errors


def report_extraction(r: dict) -> None:
    """Printed before fusion starts, so a long fusion (or an interrupted one) costs none of it."""
    print(f"extract + store: {r['articles']:,} articles, {r['events']:,} events in {r['extract_s']:.1f} s "
          f"({r['articles'] / r['extract_s']:.1f} articles/s, cluster start included); {len(r['errors'])} failed")
    print(f"  of which {r['startup_s']:.1f} s to the first partition back (cluster start, each worker "
          f"loading its model); after it {r['steady_rate']:.1f} articles/s")
    for message in r["errors"][:5]:
        print(f"  {message}")
    for worker, mb in r["workers_mb"].items():
        print(f"worker {worker}: peak resident {mb:,.0f} MB")
    print(f"parent: peak resident {r['parent_mb']:,.0f} MB after extraction", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=20_000, help="how many articles to generate (default 20,000)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster processes (default 2)")
    ap.add_argument("--partition-size", type=int, default=32, help="articles per partition (default 32)")
    ap.add_argument("--scheduler", help="an existing cluster instead of a LocalCluster")
    ap.add_argument("--baseline", type=int, default=200,
                    help="articles run in one process as the same run's baseline (0: none; default 200)")
    ap.add_argument("--no-fuse", action="store_true", help="extract and store only (fusion loads every event)")
    ap.add_argument("--db", help="the database to fill (default: a new one in a temporary folder)")
    ap.add_argument("--child-baseline", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child_baseline:
        print(json.dumps(baseline(args.child_baseline)))
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "scale.db"
        where = args.scheduler or f"LocalCluster of {args.workers} processes"
        print(f"{args.articles:,} generated articles on {where}, {args.partition_size} a partition, into {db}")
        rate, steady, errors = scale(args.articles, db, args.workers, args.partition_size, args.scheduler,
                                     not args.no_fuse)
        if args.baseline:
            b = run_baseline(min(args.baseline, args.articles))
            one = b["articles"] / b["seconds"]
            print(f"baseline, one process: {b['articles']:,} articles in {b['seconds']:.1f} s ({one:.1f} articles/s, "
                  f"model loaded before the clock), peak resident {b['peak_mb']:,.0f} MB")
            print(f"ratio, Dask over one process: {steady / one:.2f} after start-up, {rate / one:.2f} with it")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
