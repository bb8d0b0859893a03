"""Benchmark of `sitrep serve`: p95 latency of filtered /api/events requests on 100,000 fused events,
and the map page's first render in headless Chromium.

    python benchmarks/api.py [--events 100000] [--requests 400]

The events are generated from our own templates (random places, actors, types and dates over a
year); they are stored through `Store.replace_clusters`, so the facet/FTS triggers of migration 3
index them exactly as fusion's output is indexed.  The baseline in the same run is the unfiltered
first page: the ratio says what the filters cost.  Target: p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from _web import get, serving
from sitrep.storage import Store

PLACES = [("Alder Ford", 35.1, 36.7, "North Vale"), ("Brick Hill", 36.2, 37.1, "North Vale"),
          ("Cinder Bay", 34.7, 36.7, "Coast"), ("Dune Cross", 33.5, 36.3, "South Plain"),
          ("Elm Gate", 32.6, 36.1, "South Plain"), ("Flint Well", 35.3, 40.1, "East Steppe")]
ACTORS = [("Riverside Front", "rf", "Rebel group"), ("Highland Army", "ha", "State forces"),
          ("Valley Guard", "vg", "Identity militia"), ("Civilians (Testland)", "civ", "Civilians")]
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Violence against civilians", "Attack"), ("Strategic developments", "Looting/property destruction"),
         ("Protests", "Peaceful protest")]
MARKERS = 5000  # the most the page loads (MAX_EVENTS in static/app.js)
VERBS = ["shelled", "clashed near", "raided", "marched in", "occupied roads around"]


def generate(n: int, seed: int = 7):
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    for i in range(n):
        name, lat, lon, admin1 = rng.choice(PLACES)
        a1, a2 = rng.sample(ACTORS, 2)
        etype, sub = rng.choice(TYPES)
        day = (start + timedelta(days=rng.randrange(366))).isoformat()
        text = f"{a1[0]} {rng.choice(VERBS)} {name} on day {i % 97}, local sources said."
        loc = {"name": name, "geonameid": None, "latitude": lat + rng.uniform(-.2, .2),
               "longitude": lon + rng.uniform(-.2, .2), "admin1": admin1, "country": "Testland",
               "country_code": "TL", "precision": 1}
        fused = {"id": f"g{i:07d}", "article_id": f"a{i}", "event_date": day, "date_precision": "day",
                 "event_type": etype, "sub_event_type": sub, "plover": None,
                 "actor1": {"name": a1[0], "id": a1[1], "kind": a1[2], "country": None},
                 "actor2": {"name": a2[0], "id": a2[1], "kind": a2[2], "country": None}, "assoc_actors": [],
                 "location": loc, "fatalities": None, "modality": rng.choice(["asserted", "reported", "claimed"]),
                 "attribution": [], "text": text, "span": [0, len(text)], "notes": text, "confidence": 0.8,
                 "disputed": False, "contradictions": [], "first_reported": day,
                 "sources": [{"event_id": f"e{i}", "article_id": f"a{i}", "outlet": "Bench Wire", "url": None,
                              "headline": f"Report {i}", "published": day, "sentence": text,
                              "modality": "reported", "attribution": [], "confidence": 0.8}]}
        yield fused, []


def queries(rng: random.Random) -> list[dict[str, str]]:
    out = []
    for _ in range(8):
        since = date(2024, 1, 1) + timedelta(days=rng.randrange(300))
        out += [
            {"since": since.isoformat(), "until": (since + timedelta(days=30)).isoformat()},
            {"event_type": rng.choice(TYPES)[0], "since": since.isoformat()},
            {"actor": rng.choice(ACTORS)[1]},
            {"bbox": "36.0,34.5,37.5,36.5", "until": since.isoformat()},
            {"q": rng.choice(["shelled", "raided", "Brick"])},
            {"admin1": "North Vale", "modality": "claimed"},
            {"country": "TL", "event_type": "Battles", "actor": "Valley"},
        ]
    return out


def first_render(base: str) -> tuple[float, float | None] | None:
    """Seconds from navigation until the page is drawn (base layers, the first page of events, the
    chart, the control layer: `data-ready`), and until every marker it loads is in (None: a page
    that loads them all before it is ready)."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        print("first render: skipped (no /usr/bin/chromium)")
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium), args=["--no-sandbox", "--disable-gpu",
                              "--disable-background-networking", "--disable-component-update", "--no-first-run"])
        page = b.new_page(viewport={"width": 1280, "height": 800})
        t0 = time.perf_counter()
        page.goto(base + "/")
        page.wait_for_selector("body[data-ready='true']", state="attached", timeout=120_000)
        ready = time.perf_counter() - t0
        complete = None
        if page.evaluate("document.body.dataset.eventsComplete") is not None:
            page.wait_for_selector("body[data-events-complete='true']", state="attached", timeout=120_000)
            # every generated event is placed: all are in once the cluster group holds them all
            page.wait_for_function("eventsLayer.getLayers().length === state.events.length", timeout=120_000)
            complete = time.perf_counter() - t0
        b.close()
    return ready, complete


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=400)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        with Store(db) as store:
            store.replace_clusters(generate(args.events))
        print(f"{args.events} generated events stored and indexed in {time.perf_counter() - t0:.1f} s")
        rng = random.Random(1)
        with serving(db) as base:
            def timed(params: dict[str, str]) -> float:
                url = f"{base}/api/events?{urlencode({**params, 'limit': 100})}"
                t = time.perf_counter()
                status, _, _ = get(url)
                assert status == 200, url
                return (time.perf_counter() - t) * 1000

            plan = queries(rng)
            for params in plan[:20]:
                timed(params)  # warm the page cache
            baseline = [timed({}) for _ in range(args.requests // 4)]
            filtered = [timed(plan[i % len(plan)]) for i in range(args.requests)]
            p95 = statistics.quantiles(filtered, n=20)[-1]
            p95_base = statistics.quantiles(baseline, n=20)[-1]
            print(f"GET /api/events (limit 100): unfiltered p95 {p95_base:.1f} ms; filtered p95 {p95:.1f} ms, "
                  f"median {statistics.median(filtered):.1f} ms over {len(filtered)} requests "
                  f"(ratio {p95 / p95_base:.2f}); target <= 50 ms: {'met' if p95 <= 50 else 'NOT met'}")
            by_kind: dict[str, list[float]] = {}
            for i, ms in enumerate(filtered):
                by_kind.setdefault("+".join(sorted(plan[i % len(plan)])), []).append(ms)
            for kind, times in by_kind.items():
                print(f"  {kind:28s} p95 {statistics.quantiles(times, n=20)[-1]:6.1f} ms, "
                      f"median {statistics.median(times):6.1f} ms")
            render = first_render(base)
            if render is not None:
                ready, complete = render
                print(f"page first render (base layers, first page of events, chart, control layer): {ready:.2f} s"
                      + (f"; all {MARKERS} markers in: {complete:.2f} s" if complete is not None else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
