"""sitrep's gold JSON format: score the events of one article against a hand annotation.

The format is that of the seed annotation (``seed/README.md`` in the team's shared folder)::

    {"article": "report.txt",             # the article's file, relative to the gold file
     "published": "2024-12-06",           # optional: its publication date
     "actor_patterns": {"OPP": "rebel|insurgen"},   # key -> case-insensitive regex
     "places": {"Homs": {"lat": 34.73, "lon": 36.72}},
     "events": [{"id": "m1", "para": 1, "weight": "core", "quote": "...",
                 "types": [["Battles", "Armed clash"]], "plover": ["ASSAULT"],
                 "actor1": "OPP", "actor2": null, "place": "Homs", "km": 35,
                 "dates": ["2024-12-05"], "attribution": "regex", "modality": ["reported"]}]}

Rules:

* Paragraph *i* is line *i* (1-based) of the article's text as sitrep reads it (after any
  header block); it covers that line's characters, ``[line_start, line_end)`` without the
  newline.  An event's ``span`` is ``[start, end)`` into the same text.
* Instead of ``para``, a gold event may give an ``anchor``: a short exact substring of the
  text, found there once; the event then covers the sentence around it (a sentence ends at
  ``.``, ``!`` or ``?`` before a space, or at a line's end).  Long one-line articles need it.
* An output event is *acceptable* for a gold event when its span overlaps the gold
  paragraph (or anchored sentence), its ``event_type`` is the first element of one of the gold's pairs (for a
  verbal gold event, one with no pairs, its ``plover`` is in the gold's list instead), and
  its location lies within the gold's ``km`` of the gold place (haversine; no gold place,
  no check; an output without coordinates fails a place check).
* Gold and output events are paired one to one by a maximum bipartite matching that
  first matches as many core gold events as possible, then optional ones.  Recall =
  core gold matched / core gold; precision = output events matched (to core or optional
  gold) / output events, so a second event for the same gold event lowers precision.
* On every match: sub-type (the ``[type, sub-type]`` pair is one of the gold's; a verbal
  gold event: plover in the list), plover, actor1 and actor2 (the gold's ``actor_patterns``
  keys joined by ``|``, each a case-insensitive regex searched in the actor's name; a
  token that is not a key is a regex itself; gold null = anything), date (in the gold's
  dates), attribution (regex searched in the attribution list joined by ``"; "``) and
  modality; the last three only where the gold has them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..models import Article
from .common import haversine_km, read_jsonl, read_text_file

if TYPE_CHECKING:
    from ..extraction import Resources

__all__ = [
    "CHECKS", "GoldScore", "GoldEvaluation", "load_gold", "read_article", "paragraph_ranges",
    "sentence_range", "gold_range", "overlaps", "actor_matches", "place_ok", "distance_km", "acceptable", "match", "checks_for",
    "score", "summary_lines", "extract_events", "evaluate",
]

CHECKS = ("subtype", "plover", "actor1", "actor2", "date", "attribution", "modality")
WEIGHTS = ("core", "optional")


# --- reading ------------------------------------------------------------------------


def _bad(path: str | Path, message: str) -> InputError:
    return InputError(message, str(path))


def _check_regex(pattern: Any, path: str | Path, where: str) -> None:
    if not isinstance(pattern, str):
        raise _bad(path, f"{where}: expected a regex string, got {pattern!r}")
    try:
        re.compile(pattern)
    except re.error as exc:
        raise _bad(path, f"{where}: bad regex {pattern!r}: {exc}") from None


def load_gold(path: str | Path) -> dict[str, Any]:
    """A gold JSON file, checked, with the optional fields of each event filled in."""
    text = read_text_file(path, "gold file")
    try:
        gold = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg}", str(path), exc.lineno) from None
    if not isinstance(gold, dict) or not isinstance(gold.get("events"), list):
        raise _bad(path, 'expected a JSON object with an "events" list')
    places = gold.setdefault("places", {})
    patterns = gold.setdefault("actor_patterns", {})
    if not isinstance(places, dict) or not isinstance(patterns, dict):
        raise _bad(path, '"places" and "actor_patterns" must be JSON objects')
    for key, pattern in patterns.items():
        _check_regex(pattern, path, f"actor pattern {key!r}")
    seen: set[str] = set()
    for i, g in enumerate(gold["events"], 1):
        if not isinstance(g, dict) or "id" not in g:
            raise _bad(path, f"event {i}: expected an object with an \"id\"")
        where = f"event {g['id']!r}"
        if g["id"] in seen:
            raise _bad(path, f"{where}: the id is used twice")
        seen.add(g["id"])
        anchored = isinstance(g.get("anchor"), str) and g["anchor"].strip()
        if not anchored and (not isinstance(g.get("para"), int) or g["para"] < 1):
            raise _bad(path, f"{where}: give \"para\", a paragraph number (1-based line), "
                             "or \"anchor\", a phrase of the event's sentence")
        g.setdefault("weight", "core")
        if g["weight"] not in WEIGHTS:
            raise _bad(path, f"{where}: \"weight\" must be one of {', '.join(WEIGHTS)}")
        for key in ("types", "plover", "dates"):
            g[key] = g.get(key) or []
        if not g["types"] and not g["plover"]:
            raise _bad(path, f"{where}: give \"types\" (ACLED pairs) or, for a verbal event, \"plover\"")
        if any(not isinstance(t, list) or len(t) != 2 for t in g["types"]):
            raise _bad(path, f"{where}: \"types\" must be [event_type, sub_event_type] pairs")
        for key in ("actor1", "actor2", "place", "attribution", "modality"):
            g.setdefault(key, None)
        for key in ("actor1", "actor2"):
            if g[key] is not None:
                for token in str(g[key]).split("|"):
                    if token not in patterns:
                        _check_regex(token, path, f"{where}: {key}")
        if g["attribution"]:
            _check_regex(g["attribution"], path, f"{where}: attribution")
        if g["place"] is not None:
            place = places.get(g["place"])
            if not isinstance(place, dict) or not {"lat", "lon"} <= set(place):
                raise _bad(path, f"{where}: place {g['place']!r} is not in \"places\" with lat and lon")
            if not isinstance(g.get("km"), (int, float)):
                raise _bad(path, f"{where}: a place needs a tolerance \"km\"")
    return gold


def read_article(path: str | Path, published: str | None = None) -> Article:
    """The one article of a file, read as ``sitrep extract`` reads it."""
    from ..ingest import read

    items = list(read([path], published))
    articles = [a for a in items if isinstance(a, Article)]
    errors = [e for e in items if isinstance(e, InputError)]
    if errors:
        raise errors[0]
    if len(articles) != 1:
        raise _bad(path, f"expected one article, found {len(articles)}")
    return articles[0]


# --- the rules ---------------------------------------------------------------------


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each line of ``text``: index 0 is paragraph 1."""
    ranges = []
    pos = 0
    for line in text.split("\n"):
        ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    return ranges


# A sentence ends at a full stop, question or exclamation mark (a closing quote or bracket may
# follow) before white space; a line's end ends one too.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n")


def sentence_range(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` of the sentence (or sentences) holding ``text[start:end]``."""
    begin = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    while begin < len(text) and text[begin].isspace():
        begin += 1
    stop = _SENTENCE_END.search(text, max(end - 1, begin))
    return begin, (stop.end() if stop else len(text))


def gold_range(g: dict[str, Any], text: str, paras: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where a gold event sits: its anchor's sentence, else its paragraph; None if neither is found."""
    anchor = g.get("anchor")
    if anchor:
        at = text.find(anchor)
        return sentence_range(text, at, at + len(anchor)) if at >= 0 else None
    para = g.get("para")
    return paras[para - 1] if isinstance(para, int) and 1 <= para <= len(paras) else None


def overlaps(span: Sequence[int], rng: tuple[int, int]) -> bool:
    """Whether ``[start, end)`` overlaps ``rng``; an empty span overlaps the range it sits in."""
    start, end = int(span[0]), int(span[1])
    if end <= start:
        return rng[0] <= start < rng[1]
    return start < rng[1] and end > rng[0]


def actor_matches(spec: str | None, actor: dict[str, Any] | None, patterns: dict[str, str]) -> bool:
    """Whether an output actor fits a gold actor spec (pattern keys joined by ``|``)."""
    if spec is None:
        return True
    name = (actor or {}).get("name")
    if not name:
        return False
    for key in spec.split("|"):
        if re.search(patterns.get(key, key), name, re.IGNORECASE):
            return True
    return False


def distance_km(ev: dict[str, Any], g: dict[str, Any], places: dict[str, dict]) -> float | None:
    """Distance from the event's location to the gold place; None when either is missing."""
    loc = ev.get("location") or {}
    if g.get("place") is None or loc.get("latitude") is None or loc.get("longitude") is None:
        return None
    place = places[g["place"]]
    return haversine_km(loc["latitude"], loc["longitude"], place["lat"], place["lon"])


def place_ok(ev: dict[str, Any], g: dict[str, Any], places: dict[str, dict]) -> bool:
    """Whether the event lies within the gold's ``km`` of its place (no gold place: True)."""
    if g.get("place") is None:
        return True
    d = distance_km(ev, g, places)
    return d is not None and d <= float(g["km"])


def acceptable(
    ev: dict[str, Any], g: dict[str, Any], where: tuple[int, int] | None, places: dict[str, dict],
    place_required: bool = True,
) -> bool:
    """Whether output event ``ev`` may be matched to gold event ``g``, which sits at ``where``.

    With ``place_required`` false the place is left to the checks on the match (the real-news
    benchmark scores location as a check, not as a condition of matching).
    """
    span = ev.get("span")
    if not span or where is None or not overlaps(span, where):
        return False
    if g["types"]:
        if ev.get("event_type") not in {t[0] for t in g["types"]}:
            return False
    elif ev.get("plover") not in g["plover"]:
        return False
    return place_ok(ev, g, places) if place_required else True


def match(candidates: dict[str, list[int]], order: Sequence[str]) -> dict[str, int]:
    """A maximum one-to-one matching of gold ids to output indices (Kuhn's algorithm).

    Gold events are tried in ``order`` (core first): a gold event once matched stays
    matched, so the core events matched are as many as possible, and the matching as a
    whole is maximum.  Each gold event tries its candidates in output order.
    """
    owner: dict[int, str] = {}

    def augment(gid: str, seen: set[int]) -> bool:
        for j in candidates.get(gid, ()):
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = gid
                return True
        return False

    for gid in order:
        augment(gid, set())
    return {gid: j for j, gid in owner.items()}


def checks_for(
    ev: dict[str, Any], g: dict[str, Any], patterns: dict[str, str],
    places: dict[str, dict] | None = None,
) -> dict[str, bool]:
    """The checks made on a match; date, attribution and modality only where the gold has them,
    location only when ``places`` is given and the gold names a place."""
    if g["types"]:
        subtype = [ev.get("event_type"), ev.get("sub_event_type")] in [list(t) for t in g["types"]]
    else:
        subtype = ev.get("plover") in g["plover"]
    result = {
        "subtype": subtype,
        "plover": ev.get("plover") in g["plover"],
        "actor1": actor_matches(g.get("actor1"), ev.get("actor1"), patterns),
        "actor2": actor_matches(g.get("actor2"), ev.get("actor2"), patterns),
    }
    if g.get("dates"):
        result["date"] = ev.get("event_date") in g["dates"]
    if g.get("attribution"):
        joined = "; ".join(ev.get("attribution") or [])
        result["attribution"] = re.search(g["attribution"], joined, re.IGNORECASE) is not None
    if g.get("modality"):
        result["modality"] = ev.get("modality") in g["modality"]
    if places is not None and g.get("place") is not None:
        result["location"] = place_ok(ev, g, places)
    return result


@dataclass
class GoldScore:
    """What :func:`score` finds; ``matches`` maps gold id to output index."""

    gold: list[dict[str, Any]]
    events: list[dict[str, Any]]
    matches: dict[str, int]
    checks: dict[str, dict[str, bool]]
    core_total: int
    core_matched: int
    span_mismatches: list[int] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.core_matched / self.core_total if self.core_total else 0.0

    @property
    def output_matched(self) -> int:
        return len(self.matches)

    @property
    def precision(self) -> float:
        return self.output_matched / len(self.events) if self.events else 0.0

    @property
    def false_positives(self) -> list[int]:
        matched = set(self.matches.values())
        return [i for i in range(len(self.events)) if i not in matched]

    @property
    def missed_core(self) -> list[str]:
        """Ids of the core gold events that no output event matched."""
        return [g["id"] for g in self.gold if g["weight"] == "core" and g["id"] not in self.matches]

    def accuracy(self, check: str) -> tuple[int, int]:
        """(passed, made) for one check over all matches."""
        made = [c[check] for c in self.checks.values() if check in c]
        return sum(made), len(made)


def score(
    events: list[dict[str, Any]], gold: dict[str, Any], text: str, place_required: bool = True
) -> GoldScore:
    """Score output events (contract JSON objects) against the gold annotation.

    ``place_required`` false: a match needs the sentence and the type only, and the place
    becomes the ``location`` check.
    """
    paras = paragraph_ranges(text)
    places = gold["places"]
    patterns = gold["actor_patterns"]
    golds = gold["events"]
    where = {g["id"]: gold_range(g, text, paras) for g in golds}
    candidates = {
        g["id"]: [i for i, ev in enumerate(events)
                  if acceptable(ev, g, where[g["id"]], places, place_required)]
        for g in golds
    }
    order = [g["id"] for g in golds if g["weight"] == "core"]
    order += [g["id"] for g in golds if g["weight"] != "core"]
    matches = match(candidates, order)
    by_id = {g["id"]: g for g in golds}
    checks = {gid: checks_for(events[j], by_id[gid], patterns, None if place_required else places)
              for gid, j in matches.items()}
    core = [g for g in golds if g["weight"] == "core"]
    mismatched_spans = []
    for i, ev in enumerate(events):
        span = ev.get("span") or [0, 0]
        if ev.get("text") and text[int(span[0]) : int(span[1])] != ev["text"]:
            mismatched_spans.append(i)
    return GoldScore(
        gold=golds,
        events=events,
        matches=matches,
        checks=checks,
        core_total=len(core),
        core_matched=sum(1 for g in core if g["id"] in matches),
        span_mismatches=mismatched_spans,
    )


def _ratio(passed: int, made: int) -> str:
    return f"{passed / made:.2f}" if made else "n/a"


def summary_lines(s: GoldScore) -> list[str]:
    """The figures: checks on matches, core recall and precision, then the check ratios."""
    return [
        "checks on matches: "
        + "  ".join(f"{c} {s.accuracy(c)[0]}/{s.accuracy(c)[1]}" for c in CHECKS),
        f"core recall {s.recall:.3f} ({s.core_matched}/{s.core_total})  "
        f"precision {s.precision:.3f} ({s.output_matched}/{len(s.events)})",
        "on matches: " + " ".join(f"{c} {_ratio(*s.accuracy(c))}" for c in CHECKS),
    ]


# --- running -------------------------------------------------------------------------


def extract_events(article: Article, res: Resources | None = None) -> list[dict[str, Any]]:
    """sitrep's events of one article, in-process, as contract JSON objects (nothing stored)."""
    from ..pipeline import load_resources, process

    errors: list[str] = []
    results = list(process([article], res or load_resources(), None, errors.append))
    if errors or not results:
        raise InputError(f"sitrep could not process it: {errors[0] if errors else 'no result'}",
                         article.source or article.id)
    return [e.to_dict() for e in results[0][1]]


@dataclass
class GoldEvaluation:
    """One gold file scored: where everything came from, and the score."""

    gold_path: str
    article_path: str
    source: str  # "sitrep" or the events file scored
    text: str
    score: GoldScore

    def report(self) -> str:
        """A compact report: what was scored, what was missed, then the figures."""
        s = self.score
        paras = paragraph_ranges(self.text)

        def para_of(i: int) -> str:
            span = s.events[i].get("span") or [0, 0]
            hits = [n for n, rng in enumerate(paras, 1) if overlaps(span, rng)]
            return f"para {hits[0]}" if hits else "no para"

        n_core = sum(1 for g in s.gold if g["weight"] == "core")
        out = [f"gold {self.gold_path}: {len(s.gold)} gold events ({n_core} core); "
               f"article {self.article_path}; {len(s.events)} events from {self.source}"]
        if s.missed_core:
            out.append("missed core gold events: " + ", ".join(s.missed_core))
        if s.false_positives:
            out.append("unmatched output events: "
                       + ", ".join(f"#{i} ({para_of(i)})" for i in s.false_positives))
        if s.span_mismatches:
            out.append(f"warning: {len(s.span_mismatches)} event(s) whose text is not article[span]")
        return "\n".join(out + summary_lines(s))


def _article_path(gold: dict[str, Any], gold_path: Path, article: str | Path | None) -> Path:
    if article is not None:
        return Path(article)
    name = gold.get("article")
    if not name:
        raise _bad(gold_path, 'the gold file names no "article"; give --article FILE')
    path = gold_path.parent / name
    if not path.is_file():
        raise _bad(gold_path, f"the article it names is not at {path}; give --article FILE")
    return path


def evaluate(gold_path: str | Path, article: str | Path | None = None, published: str | None = None,
             events: str | Path | None = None, res: Resources | None = None) -> GoldEvaluation:
    """Score sitrep on the article of a gold file (or the events of a saved JSONL output).

    ``article`` defaults to the file the gold names, beside the gold file; ``published`` to
    the gold's ``published``.  Unreadable inputs raise :class:`~sitrep.errors.InputError`.
    """
    gold_path = Path(gold_path)
    gold = load_gold(gold_path)
    article_path = _article_path(gold, gold_path, article)
    art = read_article(article_path, published or gold.get("published"))
    if events is not None:
        output, source = read_jsonl(events), str(events)
    else:
        output, source = extract_events(art, res), "sitrep"
    return GoldEvaluation(str(gold_path), str(article_path), source, art.text,
                          score(output, gold, art.text))
