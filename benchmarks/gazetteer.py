"""Benchmark the place index: build time, file size, memory, and lookup throughput.

    .venv/bin/python benchmarks/gazetteer.py                 # build into a temp dir, then measure
    .venv/bin/python benchmarks/gazetteer.py --index PATH    # measure an existing index only

Lookups: candidates() over ~200 names (hits, transliteration variants, misses), against a
baseline of one plain exact `SELECT` per name on the same file; the ratio says what folding,
the skeleton tier and ranking cost.
"""

from __future__ import annotations

import argparse
import inspect
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sitrep.places.gazetteer import Gazetteer, build_index

HITS = [n.strip() for n in """Hama, Homs, Damascus, Deraa, Daraa, Dar'a, Talbiseh, Talbisah, Tallbisah, Rastan,
Deir ez-Zor, Dayr az Zawr, Deir al-Zour, Suwayda, Sweida, Aleppo, Idlib, Idleb, Latakia, Tartus, Raqqa, Qamishli,
Hasakah, Manbij, Azaz, Afrin, Kobani, Palmyra, Douma, Jobar, Daraya, Qusayr, Yabroud, Quneitra, Bukamal,
Abu Kamal, Mayadin, Tabqa, Jableh, Baniyas, Istanbul, Ankara, Gaziantep, Doha, Baghdad, Mosul, Basra, Erbil,
Kirkuk, Fallujah, Ramadi, Tikrit, Moscow, Tehran, Isfahan, Beirut, Tripoli, Sidon, Tyre, Baalbek, Hermel,
Amman, Irbid, Mafraq, Zarqa, Jerusalem, Gaza, Rafah, Khan Yunis, Jenin, Nablus, Hebron, Tel Aviv, Haifa, Kyiv,
Kharkiv, Bakhmut, Avdiivka, Mariupol, Kherson, Odesa, Zaporizhzhia, Donetsk, Luhansk, Sanaa, Aden, Hodeidah,
Marib, Taiz, Khartoum, Omdurman, El Fasher, Kabul, Kandahar, Benghazi, Misrata, Sirte, Lebanese border,
Jordanian border, Al-Dar al-Kabera, Bab al-Hawa crossing, Hmeimim air base, Tishrin Dam, Kerch Bridge,
Hama governorate, Idlib province, Syrian Arab Republic, Syria, Lebanon, Jordan, Iraq, Israel, Ukraine, Russia,
Iran, Turkey, Yemen, Sudan, Libya""".split(",")]


def names() -> list[str]:
    """~200 query names: real places, variants and multi-word names, and random misses."""
    rng = random.Random(7)
    misses = ["".join(rng.choice("bcdfgjklmnpqrstvwxz") + rng.choice("aeiou") for _ in range(rng.randint(3, 5)))
              .capitalize() for _ in range(70)]
    return HITS + misses


def measure(path: Path) -> None:
    qs = names()
    with Gazetteer.open(path) as g:
        hits = sum(1 for q in qs if g.candidates(q))
        rounds, t0 = 5, time.perf_counter()
        for _ in range(rounds):
            for q in qs:
                g.candidates(q)
        ours = rounds * len(qs) / (time.perf_counter() - t0)
        layer = None
        if "villages" in inspect.signature(g.candidates).parameters:  # the village layer's lookups too
            t0 = time.perf_counter()
            for _ in range(rounds):
                for q in qs:
                    g.candidates(q, villages=True)
            layer = rounds * len(qs) / (time.perf_counter() - t0)
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    t0 = time.perf_counter()
    for _ in range(rounds):
        for q in qs:
            con.execute("SELECT p.* FROM names n JOIN places p ON p.id = n.id WHERE n.key = ?", (q.lower(),)).fetchall()
    base = rounds * len(qs) / (time.perf_counter() - t0)
    con.close()
    print(f"names queried:        {len(qs)} ({hits} with candidates)")
    print(f"candidates():         {ours:,.0f} lookups/s")
    if layer is not None:
        print(f"candidates(villages): {layer:,.0f} lookups/s")
    print(f"plain exact SELECT:   {base:,.0f} lookups/s")
    print(f"ratio candidates/SELECT: {ours / base:.2f}")


def maxrss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024 if sys.platform == "darwin" else 1024)  # bytes on macOS, KiB on Linux


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, help="measure this existing index instead of building one")
    ap.add_argument("--build-only", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.build_only:
        stats = build_index(args.build_only)
        print(f"build:                {stats['seconds']:.1f} s, {stats['rows']:,} places, {stats['names']:,} name keys")
        print(f"file size:            {stats['bytes'] / 1e6:.1f} MB")
        print(f"max RSS (build):      {maxrss_mb():.0f} MB", flush=True)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = args.index
        if path is None:
            # Build in a child process, so this process's max RSS is the lookups' alone.
            path = Path(tmp) / "places.sqlite"
            subprocess.run([sys.executable, __file__, "--build-only", str(path)], check=True)
        measure(path)
        print(f"max RSS (lookups):    {maxrss_mb():.0f} MB")


if __name__ == "__main__":
    main()
