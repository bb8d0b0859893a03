"""The gold scorer (sitrep.evaluate.gold) and the seed benchmark (benchmarks/seed.py) on it.

Reads the seed article and gold annotation from ../shared/seed at test time; the text is
never copied into the repository.  Skips when the shared folder is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from _bench import load_benchmark
from sitrep.evaluate import gold as scorer

REPO = Path(__file__).resolve().parents[1]
SEED_PY = REPO / "benchmarks" / "seed.py"
SHARED_SEED = REPO.parent / "shared" / "seed"

if not (SHARED_SEED / "article.txt").is_file() or not (SHARED_SEED / "gold.json").is_file():
    pytest.skip(
        f"seed article/gold not found under {SHARED_SEED} (the team's shared folder is absent)",
        allow_module_level=True,
    )




seed = load_benchmark("seed")
TEXT = (SHARED_SEED / "article.txt").read_text(encoding="utf-8")
GOLD = json.loads((SHARED_SEED / "gold.json").read_text(encoding="utf-8"))
GOLD_BY_ID = {g["id"]: g for g in GOLD["events"]}
CORE_TOTAL = sum(1 for g in GOLD["events"] if g["weight"] == "core")
PARAS = scorer.paragraph_ranges(TEXT)


def _place(name: str) -> dict[str, Any]:
    p = GOLD["places"][name]
    return {
        "name": name, "geonameid": None, "latitude": p["lat"], "longitude": p["lon"],
        "admin1": None, "country": "Syria", "country_code": "SY", "precision": 1,
    }  # fmt: skip


def _actor(name: str, kind: str | None = None) -> dict[str, Any]:
    return {"name": name, "id": None, "kind": kind, "country": None}


def _span_of(gold_id: str) -> tuple[int, int]:
    """The gold quote's offsets in the article, checked to lie in the gold paragraph."""
    g = GOLD_BY_ID[gold_id]
    start = TEXT.find(g["quote"])
    assert start >= 0, f"quote of {gold_id} not in the article"
    end = start + len(g["quote"])
    para_start, para_end = PARAS[g["para"] - 1]
    assert para_start <= start and end <= para_end
    return start, end


def _event(
    eid: str,
    span: tuple[int, int],
    event_type: str | None,
    sub_event_type: str | None,
    plover: str,
    actor1: dict | None,
    place: str | None,
    date: str,
    *,
    actor2: dict | None = None,
    modality: str = "asserted",
    attribution: list[str] | None = None,
) -> dict[str, Any]:
    return {
        "id": eid, "article_id": "seed", "event_date": date, "date_precision": "day",
        "event_type": event_type, "sub_event_type": sub_event_type, "plover": plover,
        "actor1": actor1, "actor2": actor2, "assoc_actors": [],
        "location": _place(place) if place else None, "fatalities": None,
        "modality": modality, "attribution": attribution or [],
        "text": TEXT[span[0] : span[1]], "span": list(span), "notes": "",
    }  # fmt: skip


HTS = _actor("Hayat Tahrir al-Sham", "Rebel group")
RUSSIA = _actor("Military Forces of Russia", "External/Other forces")
TURKEY = _actor("Government of Turkey", "External/Other forces")

# m2: HTS takes Hama (core).  m8: airstrike on Talbiseh reported by Aleppo Today (core).
# v1: Erdoğan backs the insurgents' march, in Istanbul (core, verbal).
HAMA_TAKEN = _event(
    "e-m2", _span_of("m2"), "Battles", "Non-state actor overtakes territory", "ASSAULT",
    HTS, "Hama", "2024-12-05", modality="reported",
)  # fmt: skip
TALBISEH_STRIKE = _event(
    "e-m8", _span_of("m8"), "Explosions/Remote violence", "Air/drone strike", "ASSAULT",
    RUSSIA, "Talbiseh", "2024-12-05", actor2=HTS, modality="reported",
    attribution=["Aleppo Today"],
)  # fmt: skip
ERDOGAN = _event(
    "e-v1", _span_of("v1"), None, None, "SUPPORT", TURKEY, "Istanbul", "2024-12-06",
    actor2=HTS,
)  # fmt: skip
# A battle coded from paragraph 9, which holds no gold event.
FALSE_POSITIVE = _event(
    "e-fp", (PARAS[8][0], PARAS[8][0] + 40), "Battles", "Armed clash", "ASSAULT", HTS,
    "Homs", "2024-12-05",
)  # fmt: skip


def _write(tmp_path: Path, events: list[dict[str, Any]]) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text(
        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), encoding="utf-8"
    )
    return path


def _run_main(tmp_path: Path, events: list[dict[str, Any]], capsys: Any) -> list[str]:
    path = _write(tmp_path, events)
    assert seed.main(["--events", str(path), "--shared", str(SHARED_SEED.parent)]) == 0
    return capsys.readouterr().out.splitlines()


def test_three_matches_and_one_false_positive(tmp_path: Path, capsys: Any) -> None:
    events = [HAMA_TAKEN, TALBISEH_STRIKE, ERDOGAN, FALSE_POSITIVE]
    lines = _run_main(tmp_path, events, capsys)
    assert lines[-2] == (
        f"core recall {3 / CORE_TOTAL:.3f} (3/{CORE_TOTAL})  precision 0.750 (3/4)"
    )
    assert lines[-1] == (
        "on matches: subtype 1.00 plover 1.00 actor1 1.00 actor2 1.00 date 1.00 "
        "attribution 1.00 modality 1.00"
    )
    report = "\n".join(lines)
    assert "unmatched output events (false positives): 1" in report
    assert "Battles / Armed clash" in report
    assert [ln.split()[0] for ln in lines if "MISSING" in ln] == [
        g["id"] for g in GOLD["events"] if g["id"] not in {"m2", "m8", "v1"}
    ]


def test_score_function_figures() -> None:
    s = scorer.score([HAMA_TAKEN, TALBISEH_STRIKE, ERDOGAN, FALSE_POSITIVE], GOLD, TEXT)
    assert s.matches == {"m2": 0, "m8": 1, "v1": 2}
    assert (s.core_matched, s.core_total) == (3, CORE_TOTAL)
    assert s.precision == pytest.approx(0.75)
    assert s.false_positives == [3]
    assert s.accuracy("attribution") == (1, 1)  # only m8 of the three has one
    assert s.accuracy("modality") == (2, 2)  # m2 and m8 have one, v1 not
    assert s.span_mismatches == []


def test_duplicate_event_counts_against_precision(tmp_path: Path, capsys: Any) -> None:
    # Paragraph 7 holds only v1, so a second reading of it can match nothing else.
    dup = {**ERDOGAN, "id": "e-v1-again"}
    lines = _run_main(tmp_path, [HAMA_TAKEN, TALBISEH_STRIKE, ERDOGAN, dup], capsys)
    assert lines[-2].endswith("precision 0.750 (3/4)")
    assert lines[-2].startswith(f"core recall {3 / CORE_TOTAL:.3f} (3/{CORE_TOTAL})")


def test_checks_on_matches_report_failures(tmp_path: Path, capsys: Any) -> None:
    wrong = {
        **TALBISEH_STRIKE,
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": _actor("Military Forces of Turkey"),
        "event_date": "2024-12-01",
        "attribution": ["Reuters"],
        "modality": "asserted",
    }
    lines = _run_main(tmp_path, [HAMA_TAKEN, wrong, ERDOGAN], capsys)
    assert lines[-2].endswith("precision 1.000 (3/3)")
    assert lines[-1] == (
        "on matches: subtype 0.67 plover 1.00 actor1 0.67 actor2 1.00 date 0.67 "
        "attribution 0.00 modality 0.50"
    )
    m8 = next(ln for ln in lines if ln.split()[:1] == ["m8"])
    for failed in ("subtype[", "actor1[", "date[", "attribution[", "modality["):
        assert failed in m8
    report = "\n".join(lines)
    assert "sub-type confusion on matches (gold -> output): 1" in report
    assert "Air/drone strike  ->  Explosions/Remote violence / Shelling" in report


def test_no_match_outside_paragraph_type_or_place(tmp_path: Path, capsys: Any) -> None:
    elsewhere = {**HAMA_TAKEN, "span": list(_span_of("m1"))}  # paragraph 1, not 2
    wrong_type = {**HAMA_TAKEN, "event_type": "Protests", "sub_event_type": "Peaceful protest"}
    too_far = {**HAMA_TAKEN, "location": _place("Aleppo")}
    no_place = {**HAMA_TAKEN, "location": None}
    wrong_plover = {**ERDOGAN, "plover": "ACCUSE"}
    events = [elsewhere, wrong_type, too_far, no_place, wrong_plover]
    s = scorer.score(events, GOLD, TEXT)
    assert "m2" not in s.matches and "v1" not in s.matches
    # `elsewhere` sits in paragraph 1 (m1, towns north of Homs, 35 km), but Hama lies
    # about 45 km from Homs, so it matches nothing either.
    assert s.matches == {}
    lines = _run_main(tmp_path, events, capsys)
    assert lines[-2].endswith("precision 0.000 (0/5)")
    m2 = next(ln for ln in lines if ln.split()[:1] == ["m2"])
    assert "MISSING" in m2 and "type" in m2 and "place" in m2


def test_matching_prefers_more_matches_and_core_events() -> None:
    # Paragraph 2: Talbiseh lies within m3's 35 km of Rastan (core) and m4's 15 km of
    # Al-Dar al-Kabera (optional); Rastan itself lies only within m3's.  Greedy in output
    # order would give m3 to the first event and leave the second unmatched.
    span = _span_of("m3")
    near_both = _event(
        "e-a", span, "Battles", "Armed clash", "ASSAULT", HTS, "Talbiseh", "2024-12-05"
    )
    rastan = _event(
        "e-b", span, "Battles", "Non-state actor overtakes territory", "ASSAULT", HTS,
        "Rastan", "2024-12-05",
    )  # fmt: skip
    s = scorer.score([near_both, rastan], GOLD, TEXT)
    assert s.matches == {"m3": 1, "m4": 0}
    assert (s.core_matched, s.output_matched) == (1, 2)
    # Alone, the ambiguous event goes to the core event.
    s = scorer.score([near_both], GOLD, TEXT)
    assert s.matches == {"m3": 0}


def test_actor_patterns_keys_alternatives_and_plain_regexes() -> None:
    pats = GOLD["actor_patterns"]
    assert scorer.actor_matches(None, None, pats)
    assert scorer.actor_matches("SYGOV|RUS", _actor("Military Forces of Russia"), pats)
    assert not scorer.actor_matches("OPP", _actor("Military Forces of Russia"), pats)
    assert not scorer.actor_matches("OPP", None, pats)
    assert scorer.actor_matches("CIV|homs", _actor("People of Homs"), pats)
    assert scorer.actor_matches("CIV|homs", _actor("HOMS city council"), pats)


def test_paragraph_ranges_are_lines_without_newlines() -> None:
    assert len(PARAS) == len(TEXT.split("\n"))
    for (start, end), line in zip(PARAS, TEXT.split("\n"), strict=True):
        assert TEXT[start:end] == line
    assert scorer.paragraph_ranges("ab\ncd") == [(0, 2), (3, 5)]


def test_command_line_scores_events_file(tmp_path: Path) -> None:
    path = _write(tmp_path, [HAMA_TAKEN, TALBISEH_STRIKE, ERDOGAN, FALSE_POSITIVE])
    proc = subprocess.run(
        [sys.executable, str(SEED_PY), "--events", str(path)],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    last = proc.stdout.strip().splitlines()
    assert last[-2].startswith(f"core recall {3 / CORE_TOTAL:.3f} (3/{CORE_TOTAL})")
    assert last[-1].startswith("on matches: subtype 1.00")


def test_unreadable_events_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("{not json\n", encoding="utf-8")
    assert seed.main(["--events", str(path), "--shared", str(SHARED_SEED.parent)]) == 2


def test_missing_shared_folder_skips_with_exit_0(tmp_path: Path, capsys: Any) -> None:
    assert seed.main(["--shared", str(tmp_path / "nowhere")]) == 0
    assert "skipped" in capsys.readouterr().out
