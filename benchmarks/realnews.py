"""Score sitrep on the real-news development set (``benchmarks/realnews/``).

    python benchmarks/realnews.py                      # the tune half: figures and errors
    python benchmarks/realnews.py --split test         # the held-out half (read at the end)
    python benchmarks/realnews.py --split all --no-errors
    python benchmarks/realnews.py --check benchmarks/realnews/gold/x.json   # validate gold

The set's format and coding rules are in ``benchmarks/realnews/README.md``.  The Guardian
articles are read from the team's shared folder (``<repo>/../shared/bench/guardian-syria/``)
by row number; without that folder they are skipped, with a message.

Figures, per split: core recall; precision over all events, over material (ACLED-typed)
events and over verbal ones; on matches, sub-type, actor1, location and date; the three
territorial sub-types' F1 and confusion; precision and recall by confidence band; and how
many outputs fall on sentences the annotators marked as yielding nothing.  A match needs the
gold's sentence and its event type (PLOVER type for a verbal event); the place is a check.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import sys
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.errors import InputError
from sitrep.evaluate.gold import (
    GoldScore,
    gold_range,
    load_gold,
    overlaps,
    paragraph_ranges,
    score,
    sentence_range,
)
from sitrep.models import Article

__all__ = [
    "SET", "SHARED", "TERRITORIAL", "GoldArticle", "split", "load_set", "check_gold",
    "Tally", "tally", "format_report", "main",
]

HERE = Path(__file__).resolve().parent
SET = HERE / "realnews"
SHARED = HERE.parent.parent / "shared"
GUARDIAN = "bench/guardian-syria/guardian_syria_2017-2019.csv.zip"

TERRITORIAL = (
    "Non-state actor overtakes territory",
    "Government regains territory",
    "Non-violent transfer of territory",
)
EVENT_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Air/drone strike", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Suicide bomb", "Grenade",
                                   "Chemical weapon"},
    "Violence against civilians": {"Attack", "Abduction/forced disappearance", "Sexual violence"},
    "Protests": {"Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction", "Non-violent transfer of territory",
                               "Other"},
}
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODALITIES = {"asserted", "reported", "claimed", "denied", "planned", "expected", "hypothetical",
              "negated"}
GENRES = {"news", "wire", "liveblog", "analysis", "oped", "explainer", "feature"}
BANDS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01))


def split(article_id: str) -> str:
    """``tune`` or ``test``, fixed by a hash of the id (no one chooses which half holds what)."""
    return "tune" if hashlib.sha1(article_id.encode()).digest()[0] % 2 == 0 else "test"


# --- the set ---------------------------------------------------------------------------


@dataclass
class GoldArticle:
    path: Path
    gold: dict[str, Any]
    article: Article

    @property
    def id(self) -> str:
        return str(self.gold["id"])


def _guardian_rows(shared: Path) -> list[dict[str, str]] | None:
    path = shared / GUARDIAN
    if not path.is_file():
        return None
    with zipfile.ZipFile(path) as z:
        data = z.read(z.namelist()[0]).decode("utf-8")
    return list(csv.DictReader(io.StringIO(data)))


def _article(gold_path: Path, gold: dict[str, Any], rows: list[dict[str, str]] | None) -> Article:
    from sitrep.ingest import read_file

    source = gold.get("source") or {}
    if "guardian_row" in source:
        if rows is None:
            raise FileNotFoundError("the Guardian bench file (no shared folder)")
        row = rows[int(source["guardian_row"])]
        return Article(id=str(gold["id"]), text=row["text"], published=row["date"][:10],
                       outlet="Guardian", source=f"guardian row {source['guardian_row']}")
    if "file" in source:
        items = list(read_file(SET / source["file"], gold.get("published")))
        if not items or isinstance(items[0], InputError):
            raise InputError(f"cannot read {source['file']}: {items[0] if items else 'empty'}",
                             str(gold_path))
        art = items[0]
        assert isinstance(art, Article)
        return Article(id=str(gold["id"]), text=art.text,
                       published=art.published or gold.get("published"), title=art.title,
                       url=art.url, outlet=art.outlet, source=art.source)
    raise InputError('"source" must be {"guardian_row": N} or {"file": "texts/…"}', str(gold_path))


def check_gold(path: Path, rows: list[dict[str, str]] | None) -> list[str]:
    """What is wrong with one gold file (an empty list when nothing is)."""
    try:
        gold = load_gold(path)
    except InputError as exc:
        return [str(exc)]
    problems = []
    try:
        art = _article(path, gold, rows)
    except (InputError, FileNotFoundError) as exc:
        return [f"its article: {exc}"]
    if gold.get("genre") not in GENRES:
        problems.append(f"genre {gold.get('genre')!r} is not one of {sorted(GENRES)}")
    if not gold.get("published"):
        problems.append('no "published" date')
    for g in gold["events"]:
        where = f"event {g['id']}"
        anchor = g.get("anchor")
        if not anchor:
            problems.append(f"{where}: no anchor")
        elif art.text.count(anchor) != 1:
            problems.append(f"{where}: anchor {anchor!r} found {art.text.count(anchor)} times")
        elif len(anchor.split()) > 7:
            problems.append(f"{where}: anchor longer than seven words")
        for t in g["types"]:
            if t[0] not in EVENT_TYPES or t[1] not in EVENT_TYPES[t[0]]:
                problems.append(f"{where}: {t} is no ACLED type pair")
        for p in g["plover"]:
            if p not in PLOVER:
                problems.append(f"{where}: {p!r} is no PLOVER type")
        for m in g.get("modality") or []:
            if m not in MODALITIES:
                problems.append(f"{where}: modality {m!r}")
        for d in g.get("dates") or []:
            if not (isinstance(d, str) and len(d) == 10 and d[4] == "-" and d[7] == "-"):
                problems.append(f"{where}: date {d!r} is not YYYY-MM-DD")
    for n in gold.get("nothing") or []:
        anchor = n.get("anchor") or ""
        if art.text.count(anchor) != 1:
            problems.append(f"nothing {anchor!r}: found {art.text.count(anchor)} times")
    return problems


def load_set(shared: Path, which: str = "tune") -> tuple[list[GoldArticle], list[str]]:
    """The gold articles of one split (``tune``, ``test`` or ``all``), and what was skipped."""
    rows = _guardian_rows(shared)
    found, skipped = [], []
    for path in sorted((SET / "gold").glob("*.json")):
        gold = load_gold(path)
        if which != "all" and split(str(gold["id"])) != which:
            continue
        try:
            found.append(GoldArticle(path, gold, _article(path, gold, rows)))
        except FileNotFoundError as exc:
            skipped.append(f"{path.name}: {exc}")
    return found, skipped


# --- scoring ---------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts over many articles."""

    core_total: int = 0
    core_matched: int = 0
    core_by_kind: Counter[str] = field(default_factory=Counter)  # "material" / "verbal" -> core gold
    matched_by_kind: Counter[str] = field(default_factory=Counter)  # ... of them matched
    outputs: Counter[str] = field(default_factory=Counter)  # "material" / "verbal" -> n
    matched: Counter[str] = field(default_factory=Counter)
    checks: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    territorial: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, output)
    bands: dict[int, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    on_nothing: Counter[str] = field(default_factory=Counter)  # why -> outputs there
    errors: list[str] = field(default_factory=list)
    articles: int = 0


def _kind(ev: dict[str, Any]) -> str:
    return "verbal" if ev.get("event_type") is None else "material"


def _band(conf: Any) -> int:
    c = float(conf) if isinstance(conf, (int, float)) else 1.0
    return next(i for i, (lo, hi) in enumerate(BANDS) if lo <= c < hi)


def _label(ev: dict[str, Any]) -> str:
    return ev.get("sub_event_type") or f"verbal/{ev.get('plover')}"


def _short(text: str | None, width: int = 90) -> str:
    s = " ".join((text or "").split())
    return s if len(s) <= width else s[: width - 1] + "…"


def tally(items: Iterable[tuple[GoldArticle, list[dict[str, Any]]]]) -> Tally:
    t = Tally()
    for ga, events in items:
        t.articles += 1
        text, gold = ga.article.text, ga.gold
        s: GoldScore = score(events, gold, text, place_required=False)
        t.core_total += s.core_total
        t.core_matched += s.core_matched
        missed = set(s.missed_core)
        for g in gold["events"]:
            if g["weight"] == "core":
                kind = "material" if g["types"] else "verbal"
                t.core_by_kind[kind] += 1
                t.matched_by_kind[kind] += g["id"] not in missed
        matched_out = set(s.matches.values())
        for i, ev in enumerate(events):
            t.outputs[_kind(ev)] += 1
            band = t.bands[_band(ev.get("confidence"))]
            band[0] += 1
            if i in matched_out:
                t.matched[_kind(ev)] += 1
                band[1] += 1
        for c in s.checks.values():
            for name in ("subtype", "actor1", "location", "date"):
                if name in c:
                    t.checks[name].append(c[name])
        _territorial(t, s, gold, text)
        _nothing(t, gold, text, events)
        _errors(t, ga, s)
    return t


def _territorial(t: Tally, s: GoldScore, gold: dict[str, Any], text: str) -> None:
    """Each core territorial gold event against what came out on its sentence; then every
    territorial output not counted so, against the gold it matched (or none)."""
    paras = paragraph_ranges(text)
    by_id = {g["id"]: g for g in gold["events"]}
    gold_of = {j: by_id[gid] for gid, j in s.matches.items()}
    counted: set[int] = set()
    for g in gold["events"]:
        want = g["types"][0][1] if g["types"] else None
        if want not in TERRITORIAL or g["weight"] != "core":
            continue
        j = s.matches.get(g["id"])
        if j is None:
            where = gold_range(g, text, paras)
            j = next((i for i, e in enumerate(s.events)
                      if e.get("sub_event_type") in TERRITORIAL and i not in gold_of
                      and where and e.get("span") and overlaps(e["span"], where)), None)
        t.territorial[(want, _label(s.events[j]) if j is not None else "(none)")] += 1
        if j is not None:
            counted.add(j)
    for i, ev in enumerate(s.events):
        if ev.get("sub_event_type") in TERRITORIAL and i not in counted:
            g = gold_of.get(i)
            t.territorial[(_label_gold(g), _label(ev))] += 1


def _label_gold(g: dict[str, Any] | None) -> str:
    if g is None:
        return "(no gold)"
    return g["types"][0][1] if g["types"] else "verbal/" + "|".join(g["plover"])


def _nothing(t: Tally, gold: dict[str, Any], text: str, events: list[dict[str, Any]]) -> None:
    for n in gold.get("nothing") or []:
        at = text.find(n.get("anchor") or "\0")
        if at < 0:
            continue
        rng = sentence_range(text, at, at + len(n["anchor"]))
        hits = sum(1 for ev in events if ev.get("span") and overlaps(ev["span"], rng))
        t.on_nothing[n.get("why") or "?"] += hits


def _errors(t: Tally, ga: GoldArticle, s: GoldScore) -> None:
    gold = ga.gold
    by_id = {g["id"]: g for g in gold["events"]}
    for gid in s.missed_core:
        g = by_id[gid]
        want = " | ".join("/".join(p) for p in g["types"]) or "verbal/" + "|".join(g["plover"])
        t.errors.append(f"MISS {ga.id}:{gid} {want} [{g.get('anchor')}]")
    for gid, c in s.checks.items():
        bad = [k for k, ok in c.items() if not ok and k in ("subtype", "actor1", "location", "date")]
        if bad:
            ev = s.events[s.matches[gid]]
            got = {"subtype": _label(ev), "actor1": (ev.get("actor1") or {}).get("name"),
                   "location": (ev.get("location") or {}).get("name"), "date": ev.get("event_date")}
            t.errors.append(f"CHECK {ga.id}:{gid} " + " ".join(f"{k}={got[k]!r}" for k in bad)
                            + f" [{by_id[gid].get('anchor')}]")
    for i in s.false_positives:
        ev = s.events[i]
        t.errors.append(f"FP {ga.id} {_label(ev)} a1={(ev.get('actor1') or {}).get('name')!r} "
                        f"@{(ev.get('location') or {}).get('name')} | {_short(ev.get('text'))}")


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def _f1(t: Tally, sub: str) -> tuple[float, int, int, int]:
    tp = t.territorial[(sub, sub)]
    fn = sum(n for (g, o), n in t.territorial.items() if g == sub and o != sub)
    fp = sum(n for (g, o), n in t.territorial.items() if o == sub and g != sub)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return f1, tp, fp, fn


def format_report(t: Tally, name: str, errors: bool) -> str:
    out = [f"real-news set, {name}: {t.articles} articles"]
    all_out, all_matched = sum(t.outputs.values()), sum(t.matched.values())
    out.append(f"  core recall         {_ratio(t.core_matched, t.core_total)}")
    for kind in ("material", "verbal"):
        out.append(f"  recall, {kind:<11} {_ratio(t.matched_by_kind[kind], t.core_by_kind[kind])}")
    out.append(f"  precision, all      {_ratio(all_matched, all_out)}")
    out.append(f"  precision, material {_ratio(t.matched['material'], t.outputs['material'])}")
    out.append(f"  precision, verbal   {_ratio(t.matched['verbal'], t.outputs['verbal'])}")
    for name_ in ("subtype", "actor1", "location", "date"):
        made = t.checks.get(name_, [])
        out.append(f"  on matches, {name_:<8} {_ratio(sum(made), len(made))}")
    out.append("  territorial sub-types (F1, tp/fp/fn):")
    for sub in TERRITORIAL:
        f1, tp, fp, fn = _f1(t, sub)
        out.append(f"    {sub:<38} F1 {f1:.2f}  {tp}/{fp}/{fn}")
    out.append("  territorial confusion (gold -> output):")
    for (g, o), n in sorted(t.territorial.items(), key=lambda kv: -kv[1]):
        out.append(f"    {n:>3} x {g} -> {o}")
    out.append("  by confidence band (outputs, precision):")
    for i, (lo, hi) in enumerate(BANDS):
        n, ok = t.bands.get(i, [0, 0])
        out.append(f"    [{lo:.2f}, {min(hi, 1.0):.2f}) {n:>5}  {_ratio(ok, n)}")
    out.append("  outputs on sentences marked 'nothing': "
               + (", ".join(f"{w} {n}" for w, n in t.on_nothing.most_common() if n) or "none"))
    if errors:
        out.append("")
        out.extend(t.errors)
    return "\n".join(out)


# --- running ---------------------------------------------------------------------------


def _extract(articles: list[GoldArticle], min_confidence: float) -> Iterable[
        tuple[GoldArticle, list[dict[str, Any]]]]:
    from sitrep.evaluate.gold import extract_events
    from sitrep.pipeline import load_resources

    res = load_resources()
    for ga in articles:
        events = extract_events(ga.article, res)
        yield ga, [e for e in events if (e.get("confidence") if e.get("confidence") is not None else 1.0) >= min_confidence]


# --- fitting the confidence model -----------------------------------------------------


def _logistic(x: Any, y: Any, l2: float = 2.0, steps: int = 50) -> Any:
    """Weights of an L2-regularised logistic regression, by Newton's method (the bias, the
    first column, is not penalised)."""
    import numpy as np

    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def _sweep(scored: list[tuple[GoldArticle, list[dict[str, Any]]]]) -> list[tuple[float, float, float]]:
    """(threshold, precision, core recall) at each threshold from 0 to 0.9."""
    rows = []
    for k in range(0, 19):
        th = k / 20
        t = tally((ga, [e for e in evs if e["confidence"] >= th]) for ga, evs in scored)
        out, ok = sum(t.outputs.values()), sum(t.matched.values())
        rows.append((th, ok / out if out else 0.0, t.core_matched / t.core_total if t.core_total else 0.0))
    return rows


def _seed(shared: Path) -> GoldArticle | None:
    """The seed article with its annotation, a development article like the tuning half."""
    from sitrep.evaluate.gold import read_article

    gold_path, text_path = shared / "seed" / "gold.json", shared / "seed" / "article.txt"
    if not gold_path.is_file() or not text_path.is_file():
        return None
    gold = load_gold(gold_path)
    gold.setdefault("id", "seed")
    return GoldArticle(gold_path, gold, read_article(text_path, gold.get("published")))


def _seed_recall(seed: GoldArticle, scored: list[tuple[GoldArticle, list[dict[str, Any]]]],
                 threshold: float) -> int:
    """Core events of the seed matched at this threshold, scored as benchmarks/seed.py does."""
    events = next(evs for ga, evs in scored if ga is seed)
    kept = [e for e in events if e["confidence"] >= threshold]
    return score(kept, seed.gold, seed.article.text).core_matched


def fit_confidence(articles: list[GoldArticle], seed: GoldArticle | None, max_threshold: float = 1.0) -> str:
    """Fit the confidence model on these articles (the tuning half, and the seed) and write its
    weights; the default threshold is the best F1 over them that keeps every seed core event,
    and no higher than ``max_threshold``."""
    import numpy as np

    from sitrep.events.confidence import FEATURES, article_style, confidence, features, load_model
    from sitrep.models import Event

    model = load_model()
    scored = list(_extract(articles + ([seed] if seed else []), 0.0))
    rows, labels, genres = [], [], Counter()
    for ga, events in scored:
        style = article_style(ga.article.text, model)
        genres[(ga.gold.get("genre"), style.genre)] += 1
        s = score(events, ga.gold, ga.article.text, place_required=False)
        matched = set(s.matches.values())
        for i, ev in enumerate(events):
            f = features(Event.from_dict(ev), style, ga.article.published, model)
            rows.append([f[k] for k in FEATURES])
            labels.append(1.0 if i in matched else 0.0)
    w = _logistic(np.array(rows), np.array(labels))
    weights = {k: round(float(v), 3) for k, v in zip(FEATURES, w, strict=True)}
    fitted = type(model)(model.words, weights, 0.0)
    for ga, events in scored:
        style = article_style(ga.article.text, fitted)
        for ev in events:
            ev["confidence"] = confidence(Event.from_dict(ev), style, ga.article.published, fitted)
    sweep = _sweep(scored)
    seed_sweep = {th: _seed_recall(seed, scored, th) for th, _, _ in sweep} if seed else {}
    # the default: the threshold with the best F1, the higher on a tie, among those that keep
    # the seed's core events (a user who wants every candidate asks for --min-confidence 0)
    allowed = [r for r in sweep if (not seed_sweep or seed_sweep[r[0]] >= seed_sweep[0.0])
               and r[0] <= max_threshold + 1e-9]
    best = max(allowed, key=lambda r: (round(2 * r[1] * r[2] / (r[1] + r[2]), 3) if r[1] + r[2] else 0, r[0]))
    _write_weights(weights, best[0])
    out = [f"fitted on {len(scored)} articles (the seed among them: {seed is not None}), "
           f"{len(labels)} events ({int(sum(labels))} right)"]
    out += [f"  {k:<22} {v:+.3f}" for k, v in weights.items()]
    out.append("genre (annotated -> read): " + ", ".join(f"{a}->{b} {n}" for (a, b), n in sorted(genres.items(), key=str)))
    out.append("threshold  precision  core recall")
    out += [f"  {th:.2f}     {p:.3f}      {r:.3f}" for th, p, r in sweep]
    out.append(f"default min_confidence: {best[0]:.2f}")
    return "\n".join(out)


def _write_weights(weights: dict[str, float], threshold: float) -> None:
    path = HERE.parent / "src" / "sitrep" / "events" / "data" / "confidence.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    head = lines[: next(i for i, line in enumerate(lines) if line.startswith("weights:"))]
    body = ["weights:"] + [f"  {k}: {v}" for k, v in weights.items()]
    path.write_text("\n".join(head + body + [f"min_confidence: {threshold}", ""]), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "test", "all"), default="tune",
                        help="which half to score (default: %(default)s)")
    parser.add_argument("--no-errors", action="store_true", help="print the figures only")
    parser.add_argument("--min-confidence", type=float, default=None,
                        help="drop events below this confidence (default: sitrep's default)")
    parser.add_argument("--fit-confidence", action="store_true",
                        help="fit the confidence model on the tune half and write its weights")
    parser.add_argument("--max-threshold", type=float, default=1.0,
                        help="--fit-confidence: the highest default threshold to choose")
    parser.add_argument("--check", nargs="*", type=Path, metavar="GOLD",
                        help="only validate these gold files (none given: all of them)")
    parser.add_argument("--shared", type=Path, default=SHARED,
                        help="the shared folder (default: %(default)s)")
    args = parser.parse_args(argv)

    if args.check is not None:
        rows = _guardian_rows(args.shared)
        bad = 0
        for path in args.check or sorted((SET / "gold").glob("*.json")):
            problems = check_gold(path, rows)
            bad += bool(problems)
            print(f"{path.name}: " + ("ok" if not problems else "\n  " + "\n  ".join(problems)))
        return 1 if bad else 0

    try:
        articles, skipped = load_set(args.shared, args.split)
    except InputError as exc:
        print(f"real-news benchmark: {exc}", file=sys.stderr)
        return 2
    for s in skipped:
        print(f"skipped {s}")
    if args.fit_confidence:
        if args.split != "tune":
            parser.error("the confidence model is fitted on the tune half only")
        print(fit_confidence(articles, _seed(args.shared), args.max_threshold))
        return 0
    if not articles:
        print("real-news benchmark: no articles to score")
        return 0
    threshold = args.min_confidence
    if threshold is None:
        from sitrep.events.confidence import default_min_confidence

        threshold = default_min_confidence()
    scored = list(_extract(articles, 0.0))
    everything = tally(scored)
    kept = tally((ga, [e for e in evs if (e.get("confidence") or 0.0) >= threshold]) for ga, evs in scored)
    kept.bands = everything.bands  # the bands show every event, kept or not
    print(format_report(kept, f"{args.split}, events with confidence >= {threshold:.2f}",
                        not args.no_errors))
    print(format_report(everything, f"{args.split}, every event", False).split("\n  territorial")[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
