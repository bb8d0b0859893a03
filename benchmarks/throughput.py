"""Throughput: sitrep's extraction against bare spaCy with the same model, in the same run.

    python benchmarks/throughput.py                 # the 249 Guardian articles, then the length table
    python benchmarks/throughput.py --limit 40      # a quick run on the first 40 articles
    python benchmarks/throughput.py --lengths 1000,10000 --skip-corpus

The corpus is ``<repo>/../shared/bench/guardian-syria/`` (a zipped CSV, read in place); without
it the corpus part says so and the length table still runs.  Each measurement runs in a fresh
child process, so its peak resident memory (``ru_maxrss``) is its own and the model is loaded
before the clock starts: what is timed is the processing of the texts, nothing else.

sitrep's time is `pipeline.process` (parse with our pipeline, extract, no database); bare
spaCy's is ``spacy.load(MODEL).pipe(texts)``.  The ratio is bare spaCy's time over sitrep's:
above 1.0 sitrep is faster than the parse alone.  The `cpu` column is the same ratio of the
processes' CPU time: on a machine shared with other jobs the clock counts their turns too,
CPU time much less so.

The length table times one text of 1k, 10k, 100k and 1M characters built from our own
template sentences run together as one paragraph (the worst case for anything that scans
the paragraph per sentence): words per second that stay flat as the text grows mean the
cost is linear in its length.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "bench" / "guardian-syria" / "guardian_syria_2017-2019.csv.zip"
LENGTHS = (1_000, 10_000, 100_000, 1_000_000)

# Our own sentences (never benchmark text): a mix of events, speech and background.
TEMPLATE = (
    "Government forces shelled the village of Kafr Nabl on Monday, killing four civilians, a local monitor said.",
    "Rebel fighters attacked an army checkpoint near Idlib, and two soldiers were wounded in the clashes.",
    "The foreign minister met his counterpart in Ankara to discuss the ceasefire.",
    "Hundreds of people protested in Daraa against rising bread prices.",
    "A roadside bomb exploded as a patrol passed through Deir ez-Zor province.",
    "Officials said the talks would resume next week in Geneva.",
    "Police arrested a journalist in Damascus after he criticised the governor.",
    "Aid convoys reached the besieged town for the first time in months.",
)


def template_text(chars: int) -> str:
    """A text of exactly `chars` characters: the template sentences, again and again, one paragraph."""
    out: list[str] = []
    size = 0
    i = 0
    while size < chars:
        s = TEMPLATE[i % len(TEMPLATE)]
        out.append(s)
        size += len(s) + 1
        i += 1
    return " ".join(out)[:chars]


def load_corpus(limit: int | None) -> list[tuple[str, str]]:
    """(published, text) of the Guardian articles, in file order."""
    with zipfile.ZipFile(CORPUS) as z:
        name = z.namelist()[0]
        with z.open(name) as raw:
            rows = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")))
    pairs = [(r["date"][:10], r["text"]) for r in rows if r["text"].strip()]
    return pairs[:limit] if limit else pairs


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def measure(engine: str, pairs: list[tuple[str, str]]) -> dict:
    """Time one engine over the texts, in this process (the child's side)."""
    from sitrep.models import Article
    from sitrep.nlp import MODEL

    if engine == "spacy":
        import spacy

        nlp = spacy.load(MODEL)
        nlp.max_length = max([nlp.max_length, *(len(t) + 1 for _, t in pairs)])  # bare spaCy refuses >1M
        nlp(TEMPLATE[0])  # warm up, as sitrep's side does
        start, cpu = time.perf_counter(), time.process_time()
        tokens = sum(len(doc) for doc in nlp.pipe([t for _, t in pairs], batch_size=4))
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        events = 0
    else:
        from sitrep.pipeline import load_resources, process

        res = load_resources()
        list(process([Article(id="warm", text=TEMPLATE[0], published="2019-06-01")], res))  # lazy loads
        arts = [Article(id=f"a{i}", text=t, published=p) for i, (p, t) in enumerate(pairs)]
        errors: list[str] = []
        start, cpu = time.perf_counter(), time.process_time()
        events = sum(len(evs) for _, evs, _ in process(arts, res, None, errors.append))
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        tokens = 0
        if errors:
            print("\n".join(errors), file=sys.stderr)
    return {"seconds": seconds, "cpu": cpu, "events": events, "tokens": tokens, "peak_mb": _peak_mb()}


def run_child(engine: str, spec: dict) -> dict:
    """Run `measure` in a fresh interpreter, so memory and warm-up are the engine's own."""
    cmd = [sys.executable, __file__, "--child", engine, "--spec", json.dumps(spec)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{engine} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def texts_for(spec: dict) -> list[tuple[str, str]]:
    if spec["kind"] == "corpus":
        return load_corpus(spec.get("limit"))
    return [("2019-06-01", template_text(spec["chars"]))]


def compare(spec: dict) -> tuple[dict, dict, int, int]:
    pairs = texts_for(spec)
    words = sum(len(t.split()) for _, t in pairs)
    bare = run_child("spacy", spec)
    ours = run_child("sitrep", spec)
    return bare, ours, len(pairs), words


def _row(label: str, n: int, words: int, bare: dict, ours: dict) -> str:
    return (f"{label:<14} {n:>5} {words:>9,} | {n / ours['seconds']:>7.2f} {words / ours['seconds']:>9,.0f} "
            f"{ours['peak_mb']:>7.0f} | {n / bare['seconds']:>7.2f} {words / bare['seconds']:>9,.0f} "
            f"{bare['peak_mb']:>7.0f} | {bare['seconds'] / ours['seconds']:>5.2f} {ours['events']:>6} "
            f"{bare['cpu'] / ours['cpu']:>5.2f}")


HEADER = (f"{'texts':<14} {'docs':>5} {'words':>9} | {'docs/s':>7} {'words/s':>9} {'peak MB':>7} | "
          f"{'docs/s':>7} {'words/s':>9} {'peak MB':>7} | {'ratio':>5} {'events':>6} {'cpu':>5}\n"
          f"{'':<30} | {'sitrep':^25} | {'bare spaCy':^25} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, help="only the first N Guardian articles")
    ap.add_argument("--lengths", default=",".join(str(n) for n in LENGTHS),
                    help="comma-separated text lengths in characters for the length table ('' for none)")
    ap.add_argument("--skip-corpus", action="store_true", help="only the length table")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--spec", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:  # the measuring side: one engine, one set of texts, one JSON line out
        print(json.dumps(measure(args.child, texts_for(json.loads(args.spec)))))
        return 0

    print(HEADER)
    if not args.skip_corpus:
        if CORPUS.exists():
            spec = {"kind": "corpus", "limit": args.limit}
            bare, ours, n, words = compare(spec)
            print(_row("guardian-syria", n, words, bare, ours), flush=True)
        else:
            print(f"(no corpus at {CORPUS}: skipped)")
    for chars in [int(x) for x in args.lengths.split(",") if x.strip()]:
        bare, ours, n, words = compare({"kind": "length", "chars": chars})
        print(_row(f"{chars:,} chars", n, words, bare, ours), flush=True)
    print("ratio = bare spaCy's seconds / sitrep's; cpu = the same ratio of CPU seconds (steadier than the\n"
          "clock on a shared machine); peak MB = the child process's maximum resident memory")
    return 0


if __name__ == "__main__":
    sys.exit(main())
