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
import math
import re
import statistics
import sys
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GWN_XML = SHARED / "bench" / "geowebnews" / "GWN.xml"

LOCATIONAL = ("Literal", "Mixed", "Literal_Modifier", "Coercion", "Embedded_Literal")
NON_LOCATIONAL_TOPONYMS = ("Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit", "Demonym",
                           "Language", "Homonym")
NOT_TOPONYMS = ("Non_Toponym", "Literal_Expression", "Non_Lit_Expression")
KM_161 = 161.0
MAX_KM = 20039.0  # half the Earth's circumference: the error of a missing answer

TARGETS = {"f1": 0.85, "acc161_found": 0.95, "exact_id_found": 0.91}
PUBLISHED = {"Mordecai3 acc@161km": 0.941, "Mordecai3 exact id": 0.901}


# ------------------------------------------------------------------------------- data


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    text: str  # the annotated extractedName
    type: str
    modifier: str | None = None
    name: str | None = None  # normalisedName, when given
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    aligned: bool = True  # text[start:end] == extractedName

    @property
    def locational(self) -> bool:
        return self.type in LOCATIONAL

    @property
    def coords(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    spans: tuple[GoldSpan, ...]
    title: str | None = None

    @property
    def gold(self) -> list[GoldSpan]:
        return [s for s in self.spans if s.locational]


class Mention(Protocol):
    """What the scorer reads of a prediction: sitrep.models.PlaceMention fits."""

    start: int
    end: int
    text: str
    name: str | None
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    feature: str | None
    country_code: str | None
    role: str


def _num(s: str | None, kind: type) -> Any:
    s = (s or "").strip()
    if not s:
        return None
    try:
        return kind(s)
    except ValueError:
        return None


def parse_gwn(source: str | Path) -> list[GoldArticle]:
    """GeoWebNews articles from a GWN.xml path (or the XML itself, when it starts with '<')."""
    if isinstance(source, str) and source.lstrip().startswith("<"):
        root = ET.fromstring(source)
    else:
        root = ET.parse(source).getroot()
    out = []
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        spans = []
        for tp in art.iter("toponym"):
            start, end = int(tp.findtext("start")), int(tp.findtext("end"))
            extracted = tp.findtext("extractedName") or ""
            spans.append(GoldSpan(
                start=start, end=end, text=extracted, type=(tp.findtext("type") or "").strip(),
                modifier=(tp.findtext("modifierType") or "").strip() or None,
                name=(tp.findtext("normalisedName") or "").strip() or None,
                geonameid=_num(tp.findtext("geonamesID"), int),
                latitude=_num(tp.findtext("latitude"), float),
                longitude=_num(tp.findtext("longitude"), float),
                aligned=text[start:end] == extracted))
        spans.sort(key=lambda s: (s.start, s.end))
        out.append(GoldArticle(id=art.get("file") or str(i), text=text, spans=tuple(spans),
                               title=art.findtext("title")))
    return out


# ----------------------------------------------------------------------------- scoring


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def match(gold: Sequence[GoldSpan], preds: Sequence[Mention]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs by character overlap, largest overlaps first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            ov = overlap(g.start, g.end, p.start, p.end)
            if ov > 0:
                # ties: prefer the same extent, then the nearer start
                pairs.append((-ov, abs(g.start - p.start) + abs(g.end - p.end), gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return sorted(out)


def auc_log_error(errors_km: Iterable[float]) -> float | None:
    """Gritta et al.'s AUC: area under the sorted ln(1+km) curve, scaled to [0, 1]; lower is better."""
    ys = sorted(min(math.log(1 + e), math.log(MAX_KM)) for e in errors_km)
    if not ys:
        return None
    if len(ys) == 1:
        return ys[0] / math.log(MAX_KM)
    area = sum((ys[i] + ys[i + 1]) / 2 for i in range(len(ys) - 1))  # trapezoids, unit spacing
    return area / ((len(ys) - 1) * math.log(MAX_KM))


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def fold(name: str | None) -> str:
    """Lowercase, no diacritics or punctuation: to say whether two names are the same name."""
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", s.casefold()).strip()


# `candidates(text)` -> the (geonameid, latitude, longitude) a gazetteer offers for a name
CandidateLookup = Callable[[str], Sequence[tuple[int | None, float, float]]]


def resolution_cause(gold: GoldSpan, p: Mention, km: float | None,
                     candidates: CandidateLookup | None = None) -> str:
    """Why a found toponym is not within 161 km: one of a few fixed labels.

    With `candidates`, tells a ranking error (a candidate within 161 km, or with the gold id,
    was offered for the mention's text) from a gazetteer gap (none was).
    """
    near: bool | None = None
    if candidates is not None and gold.coords is not None:
        near = any((gid is not None and gid == gold.geonameid) or haversine_km(gold.coords, (lat, lon)) <= KM_161
                   for gid, lat, lon in candidates(p.text))
    if km is None:
        return {True: "unresolved: a right candidate was rejected",
                False: "unresolved: not in gazetteer"}.get(near, "unresolved")
    if gold.geonameid is not None and p.geonameid == gold.geonameid:
        return "right id, point > 161 km away"
    same_name = fold(p.name) in {fold(p.text), fold(gold.text), fold(gold.name)}
    if p.feature in ("country", "admin1") and same_name:
        return "right region, point > 161 km away"
    kind = "same name" if same_name else "other name"
    if near is None:
        return f"wrong place ({kind})"
    return f"wrong place ({kind}), right one a candidate" if near else f"wrong place ({kind}), right one not in gazetteer"


def _best_other(p: Mention, spans: Sequence[GoldSpan]) -> GoldSpan | None:
    """The annotated span (any type) that overlaps the prediction most."""
    best, best_ov = None, 0
    for s in spans:
        ov = overlap(s.start, s.end, p.start, p.end)
        if ov > best_ov:
            best, best_ov = s, ov
    return best


def _pred_dict(p: Mention) -> dict[str, Any]:
    return {"text": p.text, "start": p.start, "end": p.end, "name": p.name, "geonameid": p.geonameid,
            "country_code": p.country_code, "feature": p.feature,
            "latitude": p.latitude, "longitude": p.longitude, "role": p.role}


def _gold_dict(g: GoldSpan) -> dict[str, Any]:
    return {"text": g.text, "start": g.start, "end": g.end, "type": g.type, "name": g.name,
            "geonameid": g.geonameid, "latitude": g.latitude, "longitude": g.longitude}


@dataclass
class Score:
    """Metrics (a flat dict of numbers) and the itemised errors behind them."""

    metrics: dict[str, Any]
    per_type: dict[str, dict[str, Any]]
    missed: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    resolution: list[dict[str, Any]] = field(default_factory=list)  # every matched gold with coords
    metonyms: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def score(articles: Sequence[GoldArticle], predictions: Mapping[str, Sequence[Mention]],
          candidates: CandidateLookup | None = None) -> Score:
    """Score sitrep's mentions (by article id; an absent id means no mentions) against the gold.

    `candidates` (optional) lets each resolution error say whether the right place was on offer.
    """
    tp = fp = fn = exact_extent = 0
    gold_total = pred_total = 0
    per_type: dict[str, Counter] = {t: Counter() for t in LOCATIONAL}
    missed, fps, resolution, metonyms = [], [], [], []
    all_found_coords = 0  # over all gold with coords: found and within 161 km
    all_gold_coords = 0
    # toponym recognition regardless of role: gold = every toponym type, pred = every mention
    any_tp = any_gold = any_pred = 0
    for art in articles:
        mentions = list(predictions.get(art.id, ()))
        gold = art.gold
        preds = [m for m in mentions if m.role == "location"]
        mets = [m for m in mentions if m.role != "location"]
        gold_total += len(gold)
        pred_total += len(preds)
        pairs = match(gold, preds)
        matched_g = {gi: pi for gi, pi in pairs}
        matched_p = {pi for _, pi in pairs}
        tp += len(pairs)
        for gi, g in enumerate(gold):
            per_type[g.type]["gold"] += 1
            if g.coords is not None:
                all_gold_coords += 1
            pi = matched_g.get(gi)
            if pi is None:
                fn += 1
                # why: a metonym-role mention on it, a location mention taken by another gold span, or nothing
                met = next((m for m in mets if overlap(g.start, g.end, m.start, m.end)), None)
                other = next((p for p in preds if overlap(g.start, g.end, p.start, p.end)), None)
                cause = "metonym role" if met else "merged into another span" if other else "not tagged"
                missed.append({"article": art.id, **_gold_dict(g), "cause": cause,
                               "by": _pred_dict(met or other) if (met or other) else None})
                continue
            per_type[g.type]["found"] += 1
            p = preds[pi]
            if (p.start, p.end) == (g.start, g.end):
                exact_extent += 1
            if g.coords is None:
                continue
            resolved = p.latitude is not None and p.longitude is not None
            km = haversine_km(g.coords, (p.latitude, p.longitude)) if resolved else None
            ok = km is not None and km <= KM_161
            all_found_coords += ok
            resolution.append({"article": art.id, "gold": _gold_dict(g), "pred": _pred_dict(p),
                               "km": km, "within_161": ok,
                               "id_match": (p.geonameid == g.geonameid) if g.geonameid is not None else None,
                               "extent": "exact" if (p.start, p.end) == (g.start, g.end) else "overlap",
                               "cause": None if ok else resolution_cause(g, p, km, candidates)})
        for pi, p in enumerate(preds):
            if pi in matched_p:
                continue
            fp += 1
            o = _best_other(p, art.spans)
            fps.append({"article": art.id, **_pred_dict(p),
                        "overlaps": o.type if o else None, "overlaps_text": o.text if o else None})
        for m in mets:
            o = _best_other(m, art.spans)
            metonyms.append({"article": art.id, **_pred_dict(m), "overlaps": o.type if o else None,
                             "overlaps_text": o.text if o else None})
        # role-blind recognition
        any_g = [s for s in art.spans if s.type in LOCATIONAL + NON_LOCATIONAL_TOPONYMS]
        any_gold += len(any_g)
        any_pred += len(mentions)
        any_tp += len(match(any_g, mentions))

    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    # lenient: a location mention on a non-locational toponym (Metonymic, modifier ...) is ignored
    fp_lenient = sum(x["overlaps"] not in NON_LOCATIONAL_TOPONYMS for x in fps)
    p_lenient = _ratio(tp, tp + fp_lenient)
    res_n = len(resolution)
    with_id = [r for r in resolution if r["id_match"] is not None]
    resolved_km = [r["km"] for r in resolution if r["km"] is not None]
    any_p, any_r = _ratio(any_tp, any_pred), _ratio(any_tp, any_gold)
    metrics: dict[str, Any] = {
        "articles": len(articles),
        "gold": gold_total, "predicted": pred_total, "tp": tp, "fp": fp, "fn": fn,
        "precision": precision, "recall": recall, "f1": _f1(precision, recall),
        "exact_extent": _ratio(exact_extent, tp),
        "precision_lenient": p_lenient, "f1_lenient": _f1(p_lenient, recall),
        "resolution_n": res_n,
        "acc161_found": _ratio(sum(r["within_161"] for r in resolution), res_n),
        "unresolved_found": sum(r["km"] is None for r in resolution),
        "acc161_or_id_found": _ratio(sum(r["within_161"] or bool(r["id_match"]) for r in resolution), res_n),
        "exact_id_n": len(with_id),
        "exact_id_found": _ratio(sum(bool(r["id_match"]) for r in with_id), len(with_id)),
        "acc161_all": _ratio(all_found_coords, all_gold_coords),
        "acc161_all_n": all_gold_coords,
        "mean_km": statistics.fmean(resolved_km) if resolved_km else None,
        "median_km": statistics.median(resolved_km) if resolved_km else None,
        "auc_log_error": auc_log_error([r["km"] if r["km"] is not None else MAX_KM for r in resolution]),
        "metonym_mentions": len(metonyms),
        "metonym_on_locational_gold": sum(m["overlaps"] in LOCATIONAL for m in metonyms),
        "metonym_on_nonlocational_toponym": sum(m["overlaps"] in NON_LOCATIONAL_TOPONYMS for m in metonyms),
        "toponym_any_role_precision": any_p, "toponym_any_role_recall": any_r,
        "toponym_any_role_f1": _f1(any_p, any_r),
    }
    types = {t: {"gold": c["gold"], "found": c["found"], "recall": _ratio(c["found"], c["gold"])}
             for t, c in per_type.items()}
    return Score(metrics=metrics, per_type=types, missed=missed, false_positives=fps,
                 resolution=resolution, metonyms=metonyms)


# ------------------------------------------------------------------------------ running


def run_sitrep(articles: Sequence[GoldArticle], res: Any = None,
               on_error: Any = None) -> tuple[dict[str, list[Any]], float]:
    """sitrep's mentions per article id, and the seconds spent in `process`."""
    from sitrep.models import Article
    from sitrep.pipeline import load_resources, process

    if res is None:
        res = load_resources()
    inputs = [Article(id=a.id, text=a.text, published=None) for a in articles]
    out: dict[str, list[Any]] = {}
    t0 = time.perf_counter()
    for article, _events, mentions in process(inputs, res, on_error=on_error):
        out[article.id] = list(mentions)
    return out, time.perf_counter() - t0


def ner_labels(articles: Sequence[GoldArticle], sc: Score, nlp: Any) -> dict[str, int]:
    """For each missed, untagged gold toponym: the label of the entity over it ('none': no entity).

    Sets `ner` on the missed items; returns the counts.  A place label (GPE/LOC/FAC) here means
    the NER saw it and sitrep's filters dropped it (a '-based' modifier, a lowercase first word ...).
    """
    by_id = {a.id: a for a in articles}
    want = sorted({x["article"] for x in sc.missed if x["cause"] == "not tagged"}, key=str)
    docs = dict(zip(want, nlp.pipe([by_id[i].text for i in want], batch_size=16)))
    counts: Counter[str] = Counter()
    for x in sc.missed:
        if x["cause"] != "not tagged":
            continue
        ents = [e for e in docs[x["article"]].ents if e.start_char < x["end"] and e.end_char > x["start"]]
        x["ner"] = ents[0].label_ + (" (actor)" if ents[0].ent_id_ else "") if ents else "none"
        counts[x["ner"]] += 1
    return dict(counts.most_common())


def _fmt(x: float | None, pct: bool = True) -> str:
    if x is None:
        return "n/a"
    return f"{100 * x:.1f}%" if pct else f"{x:,.1f}"


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
