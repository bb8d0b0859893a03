"""Place-mention gold in GeoWebNews's XML (or LGL's): score sitrep's geoparser (``sitrep eval --places``).

The gold formats (GeoWebNews, LGL) are read by ``places_xml.py``; gold = the "locational"
toponyms (Literal, Mixed, Literal_Modifier, Coercion, Embedded_Literal).

Predictions: sitrep's PlaceMentions with role "location", resolved or not.  Mentions with
role "metonym" are neither true nor false positives (reported apart).  Matching is one to
one by character overlap, pairs taken greedily by overlap length.  Resolution (over matched
pairs, gold with coordinates): accuracy within 161 km (unresolved = wrong), exact GeoNames
id where the gold has one, mean / median error, and the AUC of the log error (Gritta et al.
2018).  ``benchmarks/geoparse.py`` prints the itemised errors behind these figures.
"""

from __future__ import annotations

import math
import re
import statistics
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..extraction import Resources

__all__ = [
    "LOCATIONAL", "NON_LOCATIONAL_TOPONYMS", "NOT_TOPONYMS", "KM_161", "MAX_KM", "GoldSpan",
    "GoldArticle", "Mention", "parse_gwn", "load_places", "haversine_km", "overlap", "match",
    "auc_log_error", "fold", "resolution_cause", "Score", "score", "run_sitrep", "fmt",
    "figure_lines", "PlacesEvaluation", "evaluate",
]

from ..places.disambiguate import haversine_km  # one distance for sitrep and its scorers
from .places_xml import (  # re-exported: the scorer reads these records
    KM_161,
    LOCATIONAL,
    MAX_KM,
    NON_LOCATIONAL_TOPONYMS,
    NOT_TOPONYMS,
    GoldArticle,
    GoldSpan,
    Mention,
    load_places,
    parse_gwn,
)

# ----------------------------------------------------------------------------- scoring


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
                False: "unresolved: not in gazetteer", None: "unresolved"}[near]
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
            "latitude": p.latitude, "longitude": p.longitude, "role": p.role,
            # why a mention sits where it does ("not in gazetteer; placed at ..."): a Mention may lack it
            "reason": getattr(p, "reason", None)}


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
    missed, fps, metonyms = [], [], []
    resolution: list[dict[str, Any]] = []
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
                by = met or other
                missed.append({"article": art.id, **_gold_dict(g), "cause": cause,
                               "by": _pred_dict(by) if by else None})
                continue
            per_type[g.type]["found"] += 1
            p = preds[pi]
            if (p.start, p.end) == (g.start, g.end):
                exact_extent += 1
            if g.coords is None:
                continue
            lat, lon = p.latitude, p.longitude
            km = haversine_km(g.coords, (lat, lon)) if lat is not None and lon is not None else None
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


def run_sitrep(articles: Sequence[GoldArticle], res: Resources | None = None,
               on_error: Callable[[str], None] | None = None) -> tuple[dict[str, list[Any]], float]:
    """sitrep's mentions per article id, and the seconds spent in `process`."""
    from ..models import Article
    from ..pipeline import load_resources, process

    if res is None:
        res = load_resources()
    inputs = [Article(id=a.id, text=a.text, published=None) for a in articles]
    out: dict[str, list[Any]] = {}
    t0 = time.perf_counter()
    for article, _events, mentions in process(inputs, res, on_error=on_error):
        out[article.id] = list(mentions)
    return out, time.perf_counter() - t0


# --- the evaluation -----------------------------------------------------------------


def fmt(x: float | None, pct: bool = True) -> str:
    """A ratio as a percentage with one decimal (or a plain number); None is 'n/a'."""
    if x is None:
        return "n/a"
    return f"{100 * x:.1f}%" if pct else f"{x:,.1f}"


def figure_lines(m: Mapping[str, Any]) -> list[str]:
    """The headline figures of a score's metrics, one line each."""
    auc = "n/a" if m["auc_log_error"] is None else f"{m['auc_log_error']:.3f}"
    return [
        f"tagging P {fmt(m['precision'])} R {fmt(m['recall'])} F1 {fmt(m['f1'])} "
        f"(TP {m['tp']}, FP {m['fp']}, FN {m['fn']})",
        f"acc@161km {fmt(m['acc161_found'])} of {m['resolution_n']} found ({m['unresolved_found']} unresolved); "
        f"over all {m['acc161_all_n']} gold with coords {fmt(m['acc161_all'])}",
        f"exact GeoNames id {fmt(m['exact_id_found'])} of {m['exact_id_n']} found with an id",
        f"error km of resolved: mean {fmt(m['mean_km'], False)}, median {fmt(m['median_km'], False)}; "
        f"AUC(log error) {auc}",
    ]


@dataclass
class PlacesEvaluation:
    """One place-mention gold file scored: where it came from, the score, the failures."""

    xml_path: str
    articles: int
    score: Score
    seconds: float
    errors: list[str] = field(default_factory=list)

    def report(self) -> str:
        """A compact report: what was scored, then the figures."""
        m = self.score.metrics
        head = (f"places {self.xml_path}: {self.articles} articles, {m['gold']} gold locational toponyms, "
                f"{m['predicted']} sitrep location mentions; {len(self.errors)} failed; time {self.seconds:.1f} s")
        return "\n".join([head, *figure_lines(m)])


def evaluate(xml_path: str | Path, limit: int | None = None, res: Resources | None = None,
             on_error: Callable[[str], None] | None = None) -> PlacesEvaluation:
    """Run sitrep on the articles of a GeoWebNews/LGL XML (the first ``limit``) and score its mentions.

    Articles sitrep fails on go to ``on_error``; an unreadable file raises InputError.
    """
    articles = load_places(xml_path)[:limit] if limit else load_places(xml_path)
    errors: list[str] = []

    def failed(msg: str) -> None:
        errors.append(msg)
        if on_error is not None:
            on_error(msg)

    preds, seconds = run_sitrep(articles, res, on_error=failed)
    return PlacesEvaluation(str(xml_path), len(articles), score(articles, preds), seconds, errors)
