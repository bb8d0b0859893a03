"""PLOVER event-type accuracy of sitrep on two public gold sets.

    .venv/bin/python benchmarks/plover.py                       # both sets
    .venv/bin/python benchmarks/plover.py --set plover --failures 15
    .venv/bin/python benchmarks/plover.py --json out.json       # metrics as JSON too

The gold lives in the team's shared folder (``<repo>/../shared/bench/``, see its README);
without it the benchmark says so and exits 0.  Nothing from it is copied here.

Gold sets
---------
* ``plover-gsr/PLOVER_GSR_CAMEO.txt``: a JSON array of 322 records (plus one ``DOCUMENT``
  record, skipped), one event per sentence: ``event`` (the PLOVER 0.5b1 type), ``eventText``
  (the trigger words), ``source`` / ``target`` (lists of ``{actorText, code}``, or absent/"")
  and ``date`` (always the placeholder ``2000-01-01``; it is passed as ``published`` all
  the same, since it is the date the data gives).  The old label set is mapped to the
  modern 16 types: FIGHT -> ASSAULT, DISAPPROVE -> ACCUSE, DEMAND -> REQUEST.  INVESTIGATE
  and CRIME have no modern equivalent (PLOVER 2021 folds investigations into ACCUSE mode
  *investigate*, but the GSR's INVESTIGATE records were not written as accusations), so
  they are *excluded* from every main figure and reported on their own (what sitrep
  output for them).
* ``petrarch-gsr/PETR2_GSR_validation.jsonl``: 77 sentences; ``expected_events`` holds
  91 entries: 79 CAMEO (source, target, event code) triples and 12 ``{"noevents": "True"}``
  markers.  A CAMEO code is mapped through ``plover-gsr/CAMEO2PLOVER-2021.txt`` by its
  most specific prefix present in the table (``0352`` exact; an unlisted 4-digit code
  falls back to its 3-digit, then 2-digit parent).  The table's 2-digit header ``08`` is
  ambiguous (CONCEDE for 081-083, RETREAT for 084-087) and is not used as a fallback.
  CAMEO 01 (make public statement) and 02 (appeal) are "dropped" in PLOVER (manual,
  table 7.1): such gold events are excluded from the main figures and reported on their
  own, like INVESTIGATE above.  Sentences whose only gold is ``noevents`` measure false
  alarms: the share of them on which sitrep outputs any event.  ``date`` (YYYYMMDD) is
  passed as ``published``; a malformed one (one record has ``121108``) gives None.

Each sentence is one ``Article(id, text, published)`` run in-process through
``sitrep.pipeline.process``.

Metrics (over *scorable* gold events: mapped to one of the 16 modern types)
-------
* accuracy: gold events whose type appears among the sentence's output ``plover`` types,
  one to one (an output event is used once: two gold CONSULT events need two output
  CONSULT events).
* distinct-type accuracy: the same on each sentence's *set* of gold types (PETRARCH's gold
  often codes a meeting twice, A->B and B->A; this forgives that).
* first-event accuracy: over sentences with a scorable gold event, the first output
  event's plover equals the first scorable gold event's type (no output: a miss).
* coverage: over the same sentences, those with at least one output event.
* confusion: each sentence's unmatched gold events are paired, in order, with its
  unmatched output events (``-`` when none is left); the 20 most frequent off-diagonal
  pairs are printed (the diagonal is the per-type recall).
* per-type recall, and for each output type how many of its events matched a gold event.
* actors (loose): on every matched pair whose gold has a source (target) actor, whether
  sitrep's actor1 (actor2) is that actor.  A gold actor stands for a set of countries
  (from its CAMEO code's first three letters when that is an ISO 3166 alpha-3 code the
  actor KB knows, and from the countries, demonyms and capitals the KB finds in its
  ``actorText``) and a set of names (its ``actorText``, those countries' names, and the
  long names of a few IGOs: UN, EU, NATO, ...).  An output actor matches when its
  ``country`` is one of the countries, or one of the names occurs in its name as a whole
  word (case-insensitive), or its name occurs in the ``actorText``.  Several gold actors
  (compound ``SRC/TAR`` actors): any one suffices.  Gold actors with neither a country nor
  a name (PETRARCH ``---``, ``NGO``) are not scored.  "either slot" also accepts the gold
  source in actor2 or the target in actor1 (roles swapped).

Exit status: 0 whenever scoring ran or the shared folder is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

__all__ = [
    "SHARED",
    "PLOVER_TYPES",
    "OLD_TO_NEW",
    "NO_EQUIVALENT",
    "DROPPED_CAMEO",
    "GoldActor",
    "GoldEvent",
    "GoldSentence",
    "map_old_plover",
    "parse_cameo_table",
    "cameo_to_plover",
    "parse_date",
    "load_plover_gsr",
    "load_petrarch_gsr",
    "match_types",
    "gold_actor_keys",
    "actor_hit",
    "score",
    "format_report",
    "run_sitrep",
    "main",
]

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PLOVER_GSR = Path("bench/plover-gsr/PLOVER_GSR_CAMEO.txt")
CAMEO_TABLE = Path("bench/plover-gsr/CAMEO2PLOVER-2021.txt")
PETRARCH_GSR = Path("bench/petrarch-gsr/PETR2_GSR_validation.jsonl")

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
OLD_TO_NEW = {"FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "DEMAND": "REQUEST"}
NO_EQUIVALENT = {"INVESTIGATE", "CRIME"}
DROPPED_CAMEO = {"01": "CAMEO 01 make public statement (dropped in PLOVER)",
                 "02": "CAMEO 02 appeal (dropped in PLOVER)"}
# CAMEO actor codes that are not countries but have well-known names.
IGO_NAMES = {"UNO": ("United Nations", "UN"), "EUR": ("European Union", "EU"),
             "NAT": ("NATO", "North Atlantic Treaty Organization"), "ARL": ("Arab League",),
             "AFR": ("African Union", "AU"), "IAE": ("IAEA", "International Atomic Energy Agency")}
NONE = "-"


# --- gold ----------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldActor:
    text: str | None = None  # actorText (PLOVER GSR only)
    code: str | None = None  # CAMEO actor code


@dataclass
class GoldEvent:
    plover: str | None  # one of PLOVER_TYPES, or None when excluded
    raw: str  # the label or CAMEO code as the gold gives it
    excluded: str | None = None  # why it is not scored
    source: tuple[GoldActor, ...] = ()
    target: tuple[GoldActor, ...] = ()
    trigger: str = ""  # the gold's eventText, when it has one


@dataclass
class GoldSentence:
    id: str
    text: str
    published: str | None
    events: list[GoldEvent] = field(default_factory=list)
    no_event: bool = False  # gold says: nothing to code here

    @property
    def scorable(self) -> list[GoldEvent]:
        return [g for g in self.events if g.plover is not None]


def map_old_plover(label: str) -> tuple[str | None, str | None]:
    """(modern type, None) for a PLOVER 0.5b1 label, or (None, reason) when it has none."""
    label = label.strip().upper()
    if label in OLD_TO_NEW:
        return OLD_TO_NEW[label], None
    if label in PLOVER_TYPES:
        return label, None
    if label in NO_EQUIVALENT:
        return None, f"{label} (no modern PLOVER type)"
    return None, f"{label} (unknown label)"


def parse_cameo_table(text: str) -> dict[str, str]:
    """CAMEO code -> PLOVER type from the CAMEO2PLOVER table (``CODE: TYPE, mode, context``).

    A code listed twice with different types (the 2-digit header ``08``) is left out.
    """
    seen: dict[str, set[str]] = {}
    for line in text.splitlines():
        m = re.match(r"\s*(\d{2,4})\s*:\s*([A-Z][A-Z_-]*)", line)
        if m:
            seen.setdefault(m.group(1), set()).add(m.group(2).upper())
    return {code: next(iter(types)) for code, types in seen.items() if len(types) == 1}


def cameo_to_plover(code: str, table: dict[str, str]) -> tuple[str | None, str | None]:
    """(PLOVER type, None) by the most specific prefix of ``code`` in ``table``; else (None, reason)."""
    code = code.strip()
    if code[:2] in DROPPED_CAMEO:
        return None, DROPPED_CAMEO[code[:2]]
    for n in range(len(code), 1, -1):
        t = table.get(code[:n])
        if t is not None:
            if t in PLOVER_TYPES:
                return t, None
            mapped, why = map_old_plover(t)
            return (mapped, None) if mapped else (None, f"CAMEO {code}: {why}")
    return None, f"CAMEO {code} (not in the table)"


def parse_date(s: Any) -> str | None:
    """ISO date from ``YYYY-MM-DD`` or ``YYYYMMDD``; None for anything else."""
    if not isinstance(s, str):
        return None
    m = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})", s.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _actors(v: Any) -> tuple[GoldActor, ...]:
    if not isinstance(v, list):
        return ()
    return tuple(GoldActor(text=a.get("actorText") or None, code=a.get("code") or None)
                 for a in v if isinstance(a, dict))


def load_plover_gsr(path: Path) -> list[GoldSentence]:
    """The PLOVER GSR records that have a text (the DOCUMENT record has none)."""
    out = []
    for r in json.loads(path.read_text(encoding="utf-8")):
        if not r.get("text"):
            continue
        t, why = map_old_plover(r["event"])
        ev = GoldEvent(plover=t, raw=r["event"], excluded=why, source=_actors(r.get("source")),
                       target=_actors(r.get("target")), trigger=r.get("eventText", ""))
        out.append(GoldSentence(id=r["id"], text=r["text"], published=parse_date(r.get("date")), events=[ev]))
    return out


def load_petrarch_gsr(path: Path, table: dict[str, str]) -> list[GoldSentence]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        s = GoldSentence(id=r["id"], text=r["text"], published=parse_date(r.get("date")))
        for e in r.get("expected_events", []):
            if "eventcode" not in e:
                if str(e.get("noevents", "")).lower() == "true":
                    s.no_event = True
                continue
            t, why = cameo_to_plover(e["eventcode"], table)
            s.events.append(GoldEvent(
                plover=t, raw=e["eventcode"], excluded=why,
                source=(GoldActor(code=e["sourcecode"]),) if e.get("sourcecode") else (),
                target=(GoldActor(code=e["targetcode"]),) if e.get("targetcode") else ()))
        out.append(s)
    return out


# --- scoring -------------------------------------------------------------------------


def match_types(gold: Sequence[str], output: Sequence[str | None]) -> list[int | None]:
    """For each gold type, the index of the output event it is matched to (one to one), or None.

    Matching is on equal types only, so taking the first unused output of the same type
    in gold order gives a maximum matching.
    """
    used: set[int] = set()
    out: list[int | None] = []
    for g in gold:
        j = next((i for i, o in enumerate(output) if i not in used and o == g), None)
        if j is not None:
            used.add(j)
        out.append(j)
    return out


def gold_actor_keys(actor: GoldActor, known_iso3: Callable[[str], str | None] | None = None,
                    find_countries: Callable[[str], Iterable[str]] | None = None,
                    ) -> tuple[set[str], set[str]]:
    """(countries as ISO3, names) that a gold actor stands for; see the module doc.

    ``known_iso3(code)`` returns the country's name for an ISO3 code it knows (None
    otherwise); ``find_countries(text)`` returns the ISO3 codes named in a text.
    """
    if known_iso3 is None:
        known_iso3 = _pycountry_name
    countries: set[str] = set()
    names: set[str] = set()
    code = (actor.code or "").upper()
    head = code[:3]
    if head == "IGO" and len(code) >= 6:
        names.update(IGO_NAMES.get(code[3:6], ()))
    elif head and head.isalpha() and known_iso3(head):
        countries.add(head)
    if actor.text:
        names.add(actor.text)
        if find_countries is not None:
            countries.update(find_countries(actor.text))
    for c in countries:
        n = known_iso3(c)
        if n:
            names.add(n)
    return countries, {n for n in names if n and n.strip()}


def _pycountry_name(code: str) -> str | None:
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a dependency of sitrep
        return None
    c = pycountry.countries.get(alpha_3=code)
    return getattr(c, "common_name", None) or c.name if c else None


def actor_hit(keys: tuple[set[str], set[str]], out_actor: dict[str, Any] | None) -> bool:
    """Whether an output actor (``{"name", "country"}``) fits a gold actor's keys (loose)."""
    if not out_actor:
        return False
    countries, names = keys
    if out_actor.get("country") and out_actor["country"] in countries:
        return True
    name = (out_actor.get("name") or "").strip()
    if not name:
        return False
    for n in names:
        if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", name, re.IGNORECASE):
            return True
        if len(name) >= 3 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", n, re.IGNORECASE):
            return True
    return False


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def score(items: Sequence[tuple[GoldSentence, Sequence[dict[str, Any]]]],
          keys_of: Callable[[GoldActor], tuple[set[str], set[str]]] | None = None) -> dict[str, Any]:
    """Metrics for (gold sentence, output events) pairs; an output event is a dict with
    ``plover``, ``actor1`` and ``actor2`` (each ``{"name", "country"}`` or None)."""
    keys_of = keys_of or gold_actor_keys
    n_gold = n_hit = 0
    n_sent = n_cov = n_first = 0
    n_dist = n_dist_hit = 0
    per_type: dict[str, list[int]] = {}
    out_types: dict[str, list[int]] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    extras: Counter[str] = Counter()
    excluded: dict[str, Counter[str]] = {}
    no_event_sents = no_event_alarms = 0
    roles = {k: [0, 0] for k in ("actor1", "actor2", "either1", "either2")}
    failures: list[dict[str, Any]] = []
    for gold, outs in items:
        out_pl = [o.get("plover") for o in outs]
        for g in gold.events:
            if g.plover is None:
                excluded.setdefault(g.excluded or g.raw, Counter()).update(
                    [",".join(sorted({p or NONE for p in out_pl})) or NONE])
        scorable = gold.scorable
        if not scorable:
            if gold.no_event and not gold.events:
                no_event_sents += 1
                no_event_alarms += bool(outs)
            continue
        n_sent += 1
        n_cov += bool(outs)
        n_first += bool(outs) and out_pl[0] == scorable[0].plover
        gtypes = [g.plover for g in scorable]
        m = match_types(gtypes, out_pl)
        dist = sorted(set(gtypes))
        n_dist += len(dist)
        n_dist_hit += sum(1 for t in dist if t in out_pl)
        for g, j in zip(scorable, m, strict=True):
            n_gold += 1
            n_hit += j is not None
            per_type.setdefault(g.plover, [0, 0])
            per_type[g.plover][0] += 1
            per_type[g.plover][1] += j is not None
            if j is None:
                continue
            o = outs[j]
            for slot, gold_actors, other in (("actor1", g.source, "actor2"), ("actor2", g.target, "actor1")):
                ks = [keys_of(a) for a in gold_actors]
                ks = [k for k in ks if k[0] or k[1]]
                if not ks:
                    continue
                roles[slot][0] += 1
                roles[slot][1] += any(actor_hit(k, o.get(slot)) for k in ks)
                either = "either1" if slot == "actor1" else "either2"
                roles[either][0] += 1
                roles[either][1] += any(actor_hit(k, o.get(slot)) or actor_hit(k, o.get(other)) for k in ks)
        used = {j for j in m if j is not None}
        for i, p in enumerate(out_pl):
            out_types.setdefault(p or "None", [0, 0])
            out_types[p or "None"][0] += 1
            out_types[p or "None"][1] += i in used
        left = [p or "None" for i, p in enumerate(out_pl) if i not in used]
        missed = [g for g, j in zip(scorable, m, strict=True) if j is None]
        for k, g in enumerate(missed):
            confusion[(g.plover, left[k] if k < len(left) else NONE)] += 1
        extras.update(left[len(missed):])
        if missed:
            failures.append({
                "id": gold.id, "text": gold.text,
                "gold": [f"{g.plover}" + (f" [{g.raw}]" if g.raw != g.plover else "")
                         + (f" '{g.trigger}'" if g.trigger else "") for g in scorable],
                "missed": [g.plover for g in missed],
                "triggers": [g.trigger for g in missed if g.trigger],
                "output": [f"{o.get('plover')} ({_name(o.get('actor1'))} -> {_name(o.get('actor2'))})" for o in outs],
            })
    return {
        "sentences": len(items),
        "scored_sentences": n_sent,
        "gold_events": n_gold,
        "matched": n_hit,
        "accuracy": _ratio(n_hit, n_gold),
        "distinct_type_accuracy": _ratio(n_dist_hit, n_dist),
        "first_event_accuracy": _ratio(n_first, n_sent),
        "coverage": _ratio(n_cov, n_sent),
        "per_type": {t: {"gold": v[0], "hit": v[1], "recall": _ratio(v[1], v[0])}
                     for t, v in sorted(per_type.items())},
        "output_types": {t: {"output": v[0], "matched": v[1]} for t, v in sorted(out_types.items())},
        "confusion": [[g, o, n] for (g, o), n in confusion.most_common()],
        "extra_outputs": dict(extras.most_common()),
        "excluded": {k: dict(v.most_common()) for k, v in sorted(excluded.items())},
        "no_event_sentences": no_event_sents,
        "no_event_false_alarm_rate": _ratio(no_event_alarms, no_event_sents),
        "no_event_false_alarms": no_event_alarms,
        "actors": {k: {"scored": v[0], "hit": v[1], "rate": _ratio(v[1], v[0])} for k, v in roles.items()},
        "failures": failures,
    }


def _name(a: dict[str, Any] | None) -> str:
    return a.get("name") or "?" if a else "-"


def _head_word(trigger: str) -> str:
    """The first content word of a gold eventText ('have been killed in' -> 'killed')."""
    skip = {"have", "has", "had", "been", "be", "was", "were", "is", "are", "will", "would", "to",
            "not", "did", "do", "does", "the", "a", "an", "on", "of", "in",
            # reporting verbs: "said will release" is about "release"
            "said", "says", "say", "saying", "announced", "announces", "quoted", "reiterated",
            "confirmed", "claims"}
    words = [w for w in re.findall(r"[a-z][a-z'-]*", trigger.lower()) if w not in skip]
    return words[0] if words else trigger.strip().lower()


def format_report(name: str, m: dict[str, Any], failures: int = 0) -> str:
    """The detail of one set (the headline comes separately, last)."""
    lines = [f"== {name} ==",
             f"sentences {m['sentences']}; scored {m['scored_sentences']} sentences, "
             f"{m['gold_events']} gold events"]
    if m["excluded"]:
        lines.append("excluded gold events (not in the main figures) -> sitrep's output types on them:")
        for why, c in m["excluded"].items():
            lines.append(f"  {why}: {sum(c.values())}  -> " + ", ".join(f"{k} {v}" for k, v in c.items()))
    if m["no_event_sentences"]:
        lines.append(f"no-event sentences: {m['no_event_sentences']}, sitrep output events on "
                     f"{m['no_event_false_alarms']} ({m['no_event_false_alarm_rate']:.1%})")
    lines.append("per-type recall (gold type: hit/gold)      output type: matched/output")
    types = sorted(set(m["per_type"]) | set(m["output_types"]))
    for t in types:
        p = m["per_type"].get(t)
        o = m["output_types"].get(t)
        left = f"{t:10s} {p['hit']:3d}/{p['gold']:<3d} {p['recall']:6.1%}" if p else f"{t:10s}" + " " * 15
        right = f"{o['matched']:3d}/{o['output']:<3d}" if o else ""
        lines.append(f"  {left}        {right}")
    lines.append("confusion gold -> output, errors only (top 20; '-' = no output event left):")
    for g, o, n in m["confusion"][:20]:
        lines.append(f"  {g:10s} -> {o:10s} {n}")
    if m["extra_outputs"]:
        lines.append("output events beyond the gold's (not errors where the gold codes one event a sentence): "
                     + ", ".join(f"{k} {v}" for k, v in m["extra_outputs"].items()))
    trig = Counter(_head_word(t) for f in m["failures"] for t in f["triggers"])
    if trig:
        lines.append("missed gold triggers (first content word of eventText, top 25): "
                     + ", ".join(f"{k} {v}" for k, v in trig.most_common(25)))
    a = m["actors"]
    lines.append(f"actors on matched pairs (loose): actor1 = gold source {a['actor1']['hit']}/{a['actor1']['scored']} "
                 f"({a['actor1']['rate']:.1%}), actor2 = gold target {a['actor2']['hit']}/{a['actor2']['scored']} "
                 f"({a['actor2']['rate']:.1%}); either slot: source {a['either1']['rate']:.1%}, "
                 f"target {a['either2']['rate']:.1%}")
    if failures:
        lines.append(f"failures (first {failures} of {len(m['failures'])}):")
        for f in m["failures"][:failures]:
            lines.append(f"  {f['id']}: {f['text']}")
            lines.append(f"     gold:   {'; '.join(f['gold'])}")
            lines.append(f"     output: {'; '.join(f['output']) or '(none)'}")
    return "\n".join(lines)


def headline(name: str, m: dict[str, Any]) -> str:
    return (f"{name}: accuracy {m['accuracy']:.1%} ({m['matched']}/{m['gold_events']}), "
            f"distinct-type {m['distinct_type_accuracy']:.1%}, first-event {m['first_event_accuracy']:.1%}, "
            f"coverage {m['coverage']:.1%} of {m['scored_sentences']} sentences"
            + (f", false alarms on no-event sentences {m['no_event_false_alarm_rate']:.1%}"
               if m["no_event_sentences"] else ""))


# --- running sitrep ------------------------------------------------------------------


def _actor_dict(a: Any) -> dict[str, Any] | None:
    return {"name": a.name, "country": a.country} if a is not None else None


def run_sitrep(sentences: Sequence[GoldSentence], res: Any = None, published: bool = True,
               ) -> list[tuple[GoldSentence, list[dict[str, Any]]]]:
    """Run sitrep in-process on each sentence; (gold, output events as dicts) in input order.

    ``published=False`` passes no publication date (a diagnostic: sitrep drops events it
    dates more than 45 days before the publication date as background).
    """
    from sitrep.models import Article
    from sitrep.pipeline import load_resources, process

    res = res if res is not None else load_resources()
    ids: list[str] = []
    seen: Counter[str] = Counter()
    for s in sentences:  # the PLOVER GSR repeats an id: keep article ids unique
        seen[s.id] += 1
        ids.append(s.id if seen[s.id] == 1 else f"{s.id}#{seen[s.id]}")
    got: dict[str, list[dict[str, Any]]] = {}
    errors: list[str] = []
    arts = [Article(id=i, text=s.text, published=s.published if published else None)
            for i, s in zip(ids, sentences, strict=True)]
    for art, events, _ in process(arts, res, on_error=errors.append):
        got[art.id] = [{"plover": e.plover, "actor1": _actor_dict(e.actor1), "actor2": _actor_dict(e.actor2),
                        "event_type": e.event_type, "modality": e.modality} for e in events]
    for e in errors:
        print(f"sitrep error: {e}", file=sys.stderr)
    return [(s, got.get(i, [])) for i, s in zip(ids, sentences, strict=True)]


def kb_keys(res: Any) -> Callable[[GoldActor], tuple[set[str], set[str]]]:
    """gold_actor_keys bound to sitrep's actor KB (country names, demonyms, capitals)."""
    kb = res.kb

    def known(code: str) -> str | None:
        s = kb.states.get(code)
        return s.name if s else None

    def find(text: str) -> list[str]:
        return [iso for _, _, iso, _ in kb.find_states(text)]

    return lambda a: gold_actor_keys(a, known, find)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("plover", "petrarch", "both"), default="both")
    ap.add_argument("--failures", type=int, default=0, metavar="N", help="print N missed sentences per set")
    ap.add_argument("--limit", type=int, default=0, metavar="N", help="only the first N sentences of each set")
    ap.add_argument("--json", type=Path, help="also write the metrics (with all failures) here")
    ap.add_argument("--no-published", action="store_true",
                    help="diagnostic: pass no publication date (the PLOVER GSR's is a placeholder, 2000-01-01)")
    ap.add_argument("--shared", type=Path, default=SHARED, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    paths = [args.shared / p for p in (PLOVER_GSR, CAMEO_TABLE, PETRARCH_GSR)]
    if not all(p.is_file() for p in paths):
        missing = ", ".join(str(p) for p in paths if not p.is_file())
        print(f"skipped: gold data not found ({missing}); the team's shared folder is absent")
        return 0
    sets: list[tuple[str, list[GoldSentence]]] = []
    if args.set in ("plover", "both"):
        sets.append(("PLOVER GSR", load_plover_gsr(paths[0])))
    if args.set in ("petrarch", "both"):
        table = parse_cameo_table(paths[1].read_text(encoding="utf-8"))
        sets.append(("PETRARCH-2 GSR", load_petrarch_gsr(paths[2], table)))

    from sitrep.pipeline import load_resources

    res = load_resources()
    keys = kb_keys(res)
    results = []
    for name, sents in sets:
        if args.limit:
            sents = sents[: args.limit]
        m = score(run_sitrep(sents, res, published=not args.no_published), keys)
        results.append((name, m))
        print(format_report(name, m, args.failures))
        print()
    if args.json:
        args.json.write_text(json.dumps({n: m for n, m in results}, indent=1), encoding="utf-8")
    print("== headline ==")
    for name, m in results:
        print(headline(name, m))
    return 0


if __name__ == "__main__":
    sys.exit(main())
