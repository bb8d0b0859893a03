"""`sitrep eval`: scoring sitrep on the user's own gold data, through the command line.

Everything here is written by the tests: an invented three-paragraph report with its gold
JSON, an ACLED-format CSV of three invented rows, and hand-made JSONL outputs.  The runs
without `--events` use the real model.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.evaluate import evaluate_gold, load_gold

# --- the invented data ------------------------------------------------------------------

ARTICLE = (
    "The Rapid Support Forces shelled the city of El Fasher on Tuesday, killing four "
    "civilians, local medics said.\n"
    "Sudanese army aircraft struck RSF positions near Omdurman on Wednesday.\n"
    "In Kassala, hundreds of people protested peacefully against rising bread prices on "
    "Thursday.\n"
)
PUBLISHED = "2025-03-14"  # a Friday: Tuesday is the 11th

GOLD = {
    "about": "Invented test report; para = 1-based line of report.txt.",
    "article": "report.txt",
    "published": PUBLISHED,
    "actor_patterns": {"RSF": "rsf|rapid support", "SAF": "sudan|army", "CIV": "protester|people"},
    "places": {
        "El Fasher": {"lat": 13.628, "lon": 25.349},
        "Omdurman": {"lat": 15.644, "lon": 32.478},
        "Kassala": {"lat": 15.451, "lon": 36.400},
    },
    "events": [
        {"id": "e1", "para": 1, "weight": "core", "quote": "shelled the city of El Fasher",
         "types": [["Explosions/Remote violence", "Shelling/artillery/missile attack"]],
         "plover": ["ASSAULT"], "actor1": "RSF", "actor2": None, "place": "El Fasher", "km": 25,
         "dates": ["2025-03-11"], "attribution": "medic", "modality": ["reported"]},
        {"id": "e2", "para": 2, "weight": "core", "quote": "aircraft struck RSF positions",
         "types": [["Explosions/Remote violence", "Air/drone strike"]], "plover": ["ASSAULT"],
         "actor1": "SAF", "actor2": "RSF", "place": "Omdurman", "km": 25, "dates": ["2025-03-12"]},
        {"id": "e3", "para": 3, "weight": "core", "quote": "hundreds of people protested",
         "types": [["Protests", "Peaceful protest"]], "plover": ["PROTEST"], "actor1": "CIV",
         "actor2": None, "place": "Kassala", "km": 25, "dates": ["2025-03-13"]},
    ],
}  # fmt: skip

ACLED_COLUMNS = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp"
)
ACLED_ROWS = [
    'SDN9001,11 March 2025,2025,1,Political violence,Explosions/Remote violence,'
    'Shelling/artillery/missile attack,Rapid Support Forces,,2,Civilians (Sudan),,7,27,'
    'Civilian targeting,729,Northern Africa,Sudan,North Darfur,El Fasher,,El Fasher,13.6279,'
    '25.3494,1,Invented Wire,National,"On 11 March 2025, the Rapid Support Forces shelled El '
    'Fasher town (El Fasher, North Darfur), killing 4 civilians.",4,,1741900000',
    'SDN9002,12 March 2025,2025,1,Political violence,Explosions/Remote violence,'
    'Air/drone strike,Military Forces of Sudan (2019-),,1,Rapid Support Forces,,2,12,,729,'
    'Northern Africa,Sudan,Khartoum,Um Durman,,Omdurman,15.6445,32.4777,1,Invented Wire,'
    'National,"On 12 March 2025, Sudanese army aircraft struck RSF positions near Omdurman '
    '(Khartoum).",0,,1741900000',
    'SDN9003,13 March 2025,2025,1,Demonstrations,Protests,Peaceful protest,Protesters (Sudan),'
    ',6,,,0,60,,729,Northern Africa,Sudan,Kassala,Kassala,,Kassala,15.4510,36.4000,1,'
    'Invented Wire,Subnational,"On 13 March 2025, hundreds of people protested in Kassala '
    'town (Kassala) against rising bread prices. [size=hundreds]",0,crowd size=hundreds,1741900000',
]

FIGURES = re.compile(
    r"^core recall (?P<recall>[\d.]+) \((?P<a>\d+)/(?P<b>\d+)\)  "
    r"precision (?P<precision>[\d.]+) \((?P<c>\d+)/(?P<d>\d+)\)$",
    re.M,
)


def sitrep_eval(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m sitrep eval ARGS`."""
    return subprocess.run(
        [sys.executable, "-m", "sitrep", "eval", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=600,
    )  # fmt: skip


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "report.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(GOLD, indent=1), encoding="utf-8")
    return tmp_path


@pytest.fixture
def acled_csv(tmp_path: Path) -> Path:
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_COLUMNS + "\n" + "\n".join(ACLED_ROWS) + "\n", encoding="utf-8")
    return path


def _span(quote: str) -> list[int]:
    start = ARTICLE.index(quote)
    return [start, start + len(quote)]


def _event(eid: str, quote: str, etype: str | None, sub: str | None, plover: str,
           actor1: str | None, place: str, date: str, article_id: str = "report",
           **extra: object) -> dict:
    p = GOLD["places"][place]
    return {
        "id": eid, "article_id": article_id, "event_date": date, "date_precision": "day",
        "event_type": etype, "sub_event_type": sub, "plover": plover,
        "actor1": {"name": actor1, "id": None, "kind": None, "country": None} if actor1 else None,
        "actor2": None, "assoc_actors": [],
        "location": {"name": place, "geonameid": None, "latitude": p["lat"], "longitude": p["lon"],
                     "admin1": None, "country": "Sudan", "country_code": "SD", "precision": 1},
        "fatalities": None, "modality": "asserted", "attribution": [],
        "text": quote, "span": _span(quote) if quote in ARTICLE else [0, 0], "notes": "",
        **extra,
    }  # fmt: skip


def _jsonl(path: Path, events: list[dict]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    return path


# --- --gold -------------------------------------------------------------------------------


def test_gold_runs_sitrep_on_the_article_it_names(gold_dir: Path) -> None:
    run = sitrep_eval("--gold", gold_dir / "gold.json", cwd=gold_dir)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.strip().splitlines()
    assert lines[0].startswith(f"gold {gold_dir / 'gold.json'}: 3 gold events (3 core); "
                               f"article {gold_dir / 'report.txt'};")
    assert lines[0].endswith("events from sitrep")
    m = FIGURES.search(run.stdout)
    assert m, run.stdout
    a, b, c, d = (int(m.group(k)) for k in "abcd")
    # three plain sentences, one event each: sitrep finds all three
    assert (a, b) == (3, 3) and m.group("recall") == "1.000", run.stdout
    assert c == 3 and d >= 3 and float(m.group("precision")) == pytest.approx(c / d, abs=1e-3)
    assert lines[-3].startswith("checks on matches: subtype ")
    assert lines[-1].startswith("on matches: subtype ")
    assert "missed core gold events" not in run.stdout


def test_gold_scores_a_saved_output(gold_dir: Path) -> None:
    right = _event("x1", "The Rapid Support Forces shelled the city of El Fasher",
                   "Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT",
                   "Rapid Support Forces", "El Fasher", "2025-03-11", modality="reported",
                   attribution=["local medics"])  # fmt: skip
    wrong_type = _event("x2", "hundreds of people protested peacefully", "Riots", "Mob violence",
                        "PROTEST", "Rioters (Sudan)", "Kassala", "2025-03-13")
    events = _jsonl(gold_dir / "out.jsonl", [right, wrong_type])
    run = sitrep_eval("--gold", gold_dir / "gold.json", "--article", gold_dir / "report.txt",
                      "--events", events, cwd=gold_dir)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.strip().splitlines()
    assert lines[0].endswith(f"2 events from {events}")
    assert "missed core gold events: e2, e3" in lines
    assert "unmatched output events: #1 (para 3)" in lines
    assert lines[-3] == ("checks on matches: subtype 1/1  plover 1/1  actor1 1/1  actor2 1/1  "
                         "date 1/1  attribution 1/1  modality 1/1")
    assert lines[-2] == "core recall 0.333 (1/3)  precision 0.500 (1/2)"
    assert lines[-1] == ("on matches: subtype 1.00 plover 1.00 actor1 1.00 actor2 1.00 "
                         "date 1.00 attribution 1.00 modality 1.00")


def test_gold_in_process_matches_the_file_format(gold_dir: Path) -> None:
    gold = load_gold(gold_dir / "gold.json")
    assert [g["weight"] for g in gold["events"]] == ["core"] * 3
    result = evaluate_gold(gold_dir / "gold.json",
                           events=_jsonl(gold_dir / "none.jsonl", []))
    assert (result.score.core_matched, result.score.core_total) == (0, 3)
    assert result.score.missed_core == ["e1", "e2", "e3"]
    bad = dict(GOLD, events=[{**GOLD["events"][0], "place": "Atlantis"}])
    (gold_dir / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(InputError, match="Atlantis"):
        load_gold(gold_dir / "bad.json")


# --- --acled ------------------------------------------------------------------------------


def _figure(stdout: str, key: str) -> tuple[float, float | None]:
    m = re.search(rf"^  {key} +([\d.]+)(?:  \(([\d.]+)\))?", stdout, re.M)
    assert m, f"no {key} in:\n{stdout}"
    return float(m.group(1)), float(m.group(2)) if m.group(2) else None


def test_acled_runs_sitrep_on_the_notes(acled_csv: Path) -> None:
    run = sitrep_eval("--acled", acled_csv, cwd=acled_csv.parent)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"ACLED {acled_csv}: 3 notes, 3 gold rows; events from sitrep")
    assert "  notes 3, gold rows 3, coded output events " in run.stdout
    for key in ("event_type_acc", "sub_type_acc", "sub_type_macro_f1", "date_exact",
                "location_25km", "fatalities_exact", "actor1_type_acc", "actor1_name_acc",
                "events_per_note", "match_rate"):
        value, _ = _figure(run.stdout, key)
        assert value >= 0
    # three one-event notes: each coded with its own type, dated from the note itself
    assert _figure(run.stdout, "event_type_acc")[0] == 1.0, run.stdout
    assert _figure(run.stdout, "date_exact")[0] == 1.0, run.stdout
    assert "[>=" not in run.stdout  # the team's targets are the benchmark's, not the user's

    limited = sitrep_eval("--acled", acled_csv, "--limit", "2", cwd=acled_csv.parent)
    assert limited.returncode == 0, limited.stderr
    assert "  notes 2, gold rows 2, " in limited.stdout


def test_acled_scores_a_saved_output(acled_csv: Path) -> None:
    shelling = _event("x1", "shelled", "Explosions/Remote violence",
                      "Shelling/artillery/missile attack", "ASSAULT", "Rapid Support Forces",
                      "El Fasher", "2025-03-11", article_id="SDN9001", fatalities=4)
    shelling["actor1"]["kind"] = "Rebel group"
    protest = _event("x3", "protested", "Protests", "Peaceful protest", "PROTEST",
                     "Protesters (Sudan)", "Kassala", "2025-03-14", article_id="SDN9003")
    events = _jsonl(acled_csv.parent / "out.jsonl", [shelling, protest])
    run = sitrep_eval("--acled", acled_csv, "--events", events, cwd=acled_csv.parent)
    assert run.returncode == 0, run.stderr
    assert ("  notes 3, gold rows 3, coded output events 2, matched pairs 2 (unmatched gold 1, "
            "unmatched output 0, notes that failed 1)") in run.stdout  # SDN9002 has no line
    assert _figure(run.stdout, "event_type_acc") == (pytest.approx(2 / 3, abs=1e-3), 1.0)
    assert _figure(run.stdout, "date_exact") == (pytest.approx(1 / 3, abs=1e-3), 0.5)
    assert _figure(run.stdout, "actor1_name_acc") == (pytest.approx(2 / 3, abs=1e-3), 1.0)
    assert _figure(run.stdout, "actor1_type_acc") == (pytest.approx(1 / 3, abs=1e-3), 0.5)
    assert _figure(run.stdout, "match_rate")[0] == pytest.approx(2 / 3, abs=1e-3)
    assert "time " not in run.stdout  # nothing was run


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["gold", "article", "events", "acled", "named-article"])
def test_a_missing_file_exits_1_and_names_it(which: str, gold_dir: Path, acled_csv: Path) -> None:
    gold, missing = gold_dir / "gold.json", gold_dir / f"no-such-{which}.file"
    args: list[str | Path] = {
        "gold": ["--gold", missing],
        "article": ["--gold", gold, "--article", missing],
        "events": ["--gold", gold, "--events", missing],
        "acled": ["--acled", missing],
        "named-article": ["--gold", gold],
    }[which]
    if which == "named-article":
        (gold_dir / "report.txt").unlink()
        missing = gold_dir / "report.txt"
    run = sitrep_eval(*args, cwd=gold_dir)
    assert run.returncode == 1, run.stdout + run.stderr
    assert str(missing) in run.stderr
    assert "Traceback" not in run.stderr
    assert run.stdout == ""


def test_unreadable_inputs_exit_1(gold_dir: Path, acled_csv: Path) -> None:
    (gold_dir / "broken.json").write_text("{not json", encoding="utf-8")
    run = sitrep_eval("--gold", gold_dir / "broken.json", cwd=gold_dir)
    assert run.returncode == 1 and "broken.json:1: not JSON" in run.stderr
    bad_csv = gold_dir / "not-acled.csv"
    bad_csv.write_text("a,b\n1,2\n", encoding="utf-8")
    run = sitrep_eval("--acled", bad_csv, cwd=gold_dir)
    assert run.returncode == 1 and "no column event_id_cnty" in run.stderr
    (gold_dir / "bad.jsonl").write_text('{"id": "x"}\n[1]\n', encoding="utf-8")
    run = sitrep_eval("--gold", gold_dir / "gold.json", "--events", gold_dir / "bad.jsonl",
                      cwd=gold_dir)
    assert run.returncode == 1 and "bad.jsonl:2: not a JSON object" in run.stderr


@pytest.mark.parametrize("args", [
    [],  # no gold
    ["--gold", "g.json", "--acled", "a.csv"],  # two golds
    ["--gold", "g.json", "--limit", "3"],
    ["--acled", "a.csv", "--published", "2025-01-01"],
    ["--acled", "a.csv", "--limit", "0"],
])  # fmt: skip
def test_usage_errors_exit_2(args: list[str], tmp_path: Path) -> None:
    run = sitrep_eval(*args, cwd=tmp_path)
    assert run.returncode == 2 and "usage:" in run.stderr


# --- --places -----------------------------------------------------------------------------

PLACE_TEXTS = {
    "a1": "Hundreds of protesters gathered in Nairobi on Monday, police said.",
    "a2": "Floods hit villages near Mosul on Tuesday, and aid convoys left Baghdad.",
}
PLACE_GOLD = {  # (article, name, geonameid, lat, lon)
    "a1": [("Nairobi", 184745, -1.28333, 36.81667)],
    "a2": [("Mosul", 99072, 36.335, 43.11889), ("Baghdad", 98182, 33.34058, 44.40088)],
}


def _places_xml() -> str:
    arts = []
    for aid, text in PLACE_TEXTS.items():
        tops = []
        for name, gid, lat, lon in PLACE_GOLD[aid]:
            start = text.index(name)
            tops.append(
                f"<toponym><extractedName>{name}</extractedName><normalisedName>{name}</normalisedName>"
                f"<type>Literal</type><start>{start}</start><end>{start + len(name)}</end>"
                f"<geonamesID>{gid}</geonamesID><latitude>{lat}</latitude><longitude>{lon}</longitude>"
                f"</toponym>")
        arts.append(f'<article file="{aid}"><title>t</title><text>{text}</text>'
                    f"<toponyms>{''.join(tops)}</toponyms></article>")
    return f'<?xml version="1.0" ?>\n<articles>{"".join(arts)}</articles>\n'


PLACES_TAGGING = re.compile(
    r"^tagging P (?P<p>[\d.]+|n/a)%? R (?P<r>[\d.]+)% F1 [\d.n/a%]+ \(TP (?P<tp>\d+), FP (?P<fp>\d+), FN (?P<fn>\d+)\)$",
    re.M)


def test_places_runs_sitrep_on_the_articles(tmp_path: Path) -> None:
    path = tmp_path / "places.xml"
    path.write_text(_places_xml(), encoding="utf-8")
    run = sitrep_eval("--places", path, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert f"places {path}: 2 articles, 3 gold locational toponyms" in run.stdout
    m = PLACES_TAGGING.search(run.stdout)
    assert m, run.stdout
    assert int(m["tp"]) + int(m["fn"]) == 3 and int(m["tp"]) == 3 and int(m["fp"]) == 0
    assert "R 100.0%" in run.stdout
    assert re.search(r"^acc@161km 100\.0% of 3 found \(0 unresolved\); over all 3 gold with coords 100\.0%$",
                     run.stdout, re.M), run.stdout
    assert re.search(r"^exact GeoNames id [\d.]+% of 3 found with an id$", run.stdout, re.M), run.stdout
    limited = sitrep_eval("--places", path, "--limit", "1", cwd=tmp_path)
    assert limited.returncode == 0, limited.stderr
    assert "2 articles" not in limited.stdout and "1 articles, 1 gold" in limited.stdout


def test_places_unreadable_file_exits_1(tmp_path: Path) -> None:
    missing = tmp_path / "no-such.xml"
    run = sitrep_eval("--places", missing, cwd=tmp_path)
    assert run.returncode == 1 and str(missing) in run.stderr and run.stdout == ""
    bad = tmp_path / "bad.xml"
    bad.write_text("<articles><article>", encoding="utf-8")
    run = sitrep_eval("--places", bad, cwd=tmp_path)
    assert run.returncode == 1 and str(bad) in run.stderr and "not XML" in run.stderr
    assert "Traceback" not in run.stderr
    usage = sitrep_eval("--places", bad, "--gold", "g.json", cwd=tmp_path)
    assert usage.returncode == 2 and "usage:" in usage.stderr
