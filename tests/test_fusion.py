"""Fusion, the control timeline and reports, end to end: real model, real SQLite files in tmp_path."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from importlib import resources
from pathlib import Path

import pytest

from sitrep.cli import main
from sitrep.ingest import read
from sitrep.pipeline import ingest
from sitrep.storage import Store

DEMO = Path(str(resources.files("sitrep.demo").joinpath("articles")))
LATE_REPORT = "22-damascus-orontes.txt"  # the last report of the corpus, published 2024-12-09

# GeoNames ids of the towns the sample corpus reports taken, and who the reports say took them
EXPECTED_CONTROL = {
    170063: "hts",  # Aleppo
    170017: "hts",  # Hama
    169577: "hts",  # Homs
    170654: "hts",  # Damascus
    170905: "syrian-opposition",  # Deraa
    170794: "sdf",  # Deir ez-Zor
}


def _article(folder: Path, name: str, outlet: str, published: str, body: str) -> Path:
    path = folder / f"{name}.txt"
    path.write_text(f"id: {name}\noutlet: {outlet}\npublished: {published}\nurl: https://example.org/{name}\n"
                    f"headline: {name}\n---\n{body}\n", encoding="utf-8")
    return path


def _ingest(res, db: Path, *paths: Path):
    with Store(db) as store:
        return ingest(read(list(paths)), store, lambda: res)


def _clusters(db: Path) -> list[dict]:
    with Store(db) as store:
        return store.clusters()


def _no_model():
    raise AssertionError("the model was loaded although every article was already stored")


@pytest.fixture(scope="module")
def demo_db(res, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    report = _ingest(res, db, DEMO)
    assert report.added == len(list(DEMO.glob("*.txt"))) and not report.errors
    return db


def test_three_differently_worded_reports_are_one_event_with_three_sources(res, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _article(folder, "a", "First Wire", "2024-11-29",
             "Hayat Tahrir al-Sham fighters captured the town of Saraqib on Friday, 29 November, "
             "a war monitor said.")
    _article(folder, "b", "Second Post", "2024-11-30",
             "Rebels led by Hayat Tahrir al-Sham seized Saraqib on Friday, 29 November, cutting the "
             "highway to the south, residents said.")
    _article(folder, "c", "Third Herald", "2024-11-30",
             "Hayat Tahrir al-Sham took control of Saraqib on Friday, 29 November, after two days of "
             "fighting, according to the Syrian Observatory for Human Rights.")
    report = _ingest(res, tmp_path / "t.db", folder)
    assert report.added == 3 and not report.errors
    taken = [f for f in _clusters(tmp_path / "t.db") if f["sub_event_type"] == "Non-state actor overtakes territory"]
    assert len(taken) == 1, [(f["id"], [s["article_id"] for s in f["sources"]]) for f in taken]
    fused = taken[0]
    assert sorted(s["article_id"] for s in fused["sources"]) == ["a", "b", "c"]
    assert {s["outlet"] for s in fused["sources"]} == {"First Wire", "Second Post", "Third Herald"}
    assert all(s["url"].startswith("https://example.org/") and "Saraqib" in s["sentence"] for s in fused["sources"])
    assert fused["actor1"]["id"] == "hts" and fused["location"]["name"] == "Saraqib"
    assert fused["id"] in {s["event_id"] for s in fused["sources"]}  # named after a member event
    assert not fused["disputed"]


def test_a_claim_later_denied_is_flagged_not_merged_away(res, tmp_path: Path) -> None:
    claim = _article(tmp_path, "claim", "First Wire", "2024-12-03",
                     "Hayat Tahrir al-Sham said on Tuesday, 3 December, that its fighters had captured "
                     "the northern districts of Hama.")
    denial = _article(tmp_path, "denial", "Second Post", "2024-12-03",
                      "Hayat Tahrir al-Sham did not capture Hama, the Syrian army said on Tuesday, "
                      "3 December, denying rebel claims.")
    _ingest(res, tmp_path / "t.db", claim)
    before = [f for f in _clusters(tmp_path / "t.db") if f["sub_event_type"] == "Non-state actor overtakes territory"]
    assert len(before) == 1 and before[0]["modality"] == "claimed" and not before[0]["disputed"]
    _ingest(res, tmp_path / "t.db", denial)
    after = [f for f in _clusters(tmp_path / "t.db") if f["sub_event_type"] == "Non-state actor overtakes territory"]
    assert len(after) == 1 and after[0]["id"] == before[0]["id"]
    fused = after[0]
    assert fused["disputed"] and any("did not capture" in c for c in fused["contradictions"])
    assert {s["modality"] for s in fused["sources"]} == {"claimed", "negated"}  # both versions kept
    with Store(tmp_path / "t.db") as store:
        from sitrep.control import control_as_of

        hama = [s for s in control_as_of(store.clusters(), "2024-12-04") if s.place["geonameid"] == 170017]
    assert hama and hama[0].status == "contested" and hama[0].controller is None  # a claim alone takes nothing


def test_ingesting_the_corpus_twice_changes_nothing_and_parses_nothing(demo_db: Path) -> None:
    with Store(demo_db) as store:
        counts, fused = store.counts(), store.clusters()
        again = ingest(read([DEMO]), store, _no_model)
        assert store.counts() == counts
        assert store.clusters() == fused
    assert again.added == 0 and again.already_stored == again.read == len(list(DEMO.glob("*.txt")))


def test_a_later_report_changes_only_what_it_reports(res, demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "early"
    shutil.copytree(DEMO, folder)
    (folder / LATE_REPORT).unlink()
    db = tmp_path / "t.db"
    _ingest(res, db, folder)
    before = {f["id"]: f for f in _clusters(db)}
    report = _ingest(res, db, DEMO)
    assert report.added == 1 and report.already_stored == len(list(folder.glob("*.txt")))
    after = {f["id"]: f for f in _clusters(db)}
    late_id = "demo-22-damascus-orontes"
    touched = {i for i, f in after.items() if any(s["article_id"] == late_id for s in f["sources"])}
    assert touched
    assert set(before) <= set(after)  # no fused event lost its id
    for i, f in before.items():
        if i not in touched:
            assert after[i] == f, i
    for i in touched & set(before):
        gained = [s for s in after[i]["sources"] if s not in before[i]["sources"]]
        assert {s["article_id"] for s in gained} == {late_id}
    assert after == {f["id"]: f for f in _clusters(demo_db)}  # incremental fusion == fusing everything at once


def test_control_on_the_sample_corpus_names_each_controller_with_date_and_evidence(demo_db: Path, capsys) -> None:
    assert main(["control", "--as-of", "2024-12-09", "--db", str(demo_db)]) == 0
    entries = {e["place"]["geonameid"]: e for e in json.loads(capsys.readouterr().out)}
    fused_ids = {f["id"] for f in _clusters(demo_db)}
    for place, controller in EXPECTED_CONTROL.items():
        entry = entries[place]
        assert entry["status"] == "controlled" and entry["controller"]["id"] == controller, entry
        assert "2024-11-27" <= entry["since"] <= "2024-12-08"
        assert entry["evidence"] and set(entry["evidence"]) <= fused_ids
        assert set(entry) >= {"place", "controller", "status", "since", "evidence"}
    # as of 3 December, Hama is only claimed (and denied): contested, not taken
    assert main(["control", "--as-of", "2024-12-04", "--db", str(demo_db)]) == 0
    hama = [e for e in json.loads(capsys.readouterr().out) if e["place"]["geonameid"] == 170017]
    assert hama and hama[0]["status"] == "contested"


def test_control_changes_and_geojson(demo_db: Path, capsys) -> None:
    assert main(["control", "--changes", "--since", "2024-12-05", "--until", "2024-12-05", "--db", str(demo_db)]) == 0
    changes = json.loads(capsys.readouterr().out)
    assert {c["date"] for c in changes} == {"2024-12-05"}
    assert any(c["place"]["geonameid"] == 170017 and c["after"]["status"] == "controlled" for c in changes)
    assert main(["control", "--as-of", "2024-12-09", "--format", "geojson", "--db", str(demo_db)]) == 0
    geo = json.loads(capsys.readouterr().out)
    assert geo["type"] == "FeatureCollection" and all(f["geometry"]["type"] == "Point" for f in geo["features"])
    with pytest.raises(SystemExit) as exc:
        main(["control", "--changes", "--db", str(demo_db)])
    assert exc.value.code == 2


def test_events_lists_fused_events_with_sources_in_every_format(demo_db: Path, capsys) -> None:
    assert main(["events", "--db", str(demo_db), "--since", "2024-12-05", "--until", "2024-12-05"]) == 0
    fused = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert fused and all(f["event_date"] == "2024-12-05" and f["sources"] for f in fused)
    assert set(fused[0]["sources"][0]) >= {"article_id", "outlet", "url", "sentence", "modality"}
    assert main(["events", "--db", str(demo_db), "--country", "SY", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and list(rows[0])[:2] == ["event_id_cnty", "event_date"] and all(int(r["sources"]) >= 1 for r in rows)
    assert main(["events", "--db", str(demo_db), "--country", "Lebanon", "--format", "json"]) == 0
    assert all(f["location"]["country_code"] == "LB" for f in json.loads(capsys.readouterr().out))
    assert main(["events", "--db", str(demo_db), "--format", "geojson"]) == 0
    assert json.loads(capsys.readouterr().out)["features"][0]["properties"]["sources"]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_report_puts_control_first_and_links_every_line_to_its_sources(demo_db: Path, tmp_path: Path, fmt) -> None:
    out = tmp_path / f"report.{fmt}"
    assert main(["report", "--since", "2024-11-27", "--until", "2024-12-08", "--db", str(demo_db),
                 "--format", fmt, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    order = [text.index(h) for h in ("Changes of control", "Key events by area", "Claims versus confirmed",
                                     "Most active actors", "Sources")]
    assert order == sorted(order)
    assert "Hayat Tahrir al-Sham did not capture Hama" in text  # the denial is shown, with its source
    assert "Levant Wire" in text and "#source-1" in text
    cited = {int(n) for n in re.findall(r"#source-(\d+)", text)}
    assert cited == set(range(1, max(cited) + 1))  # every source listed is cited, every citation listed


def test_report_draws_events_per_day(demo_db: Path, tmp_path: Path) -> None:
    """A reader looks at a chart before reading: every day of the period is a bar (HTML, an inline
    SVG with no script or remote file) or a line of blocks (Markdown)."""
    html_out, md_out = tmp_path / "r.html", tmp_path / "r.md"
    for fmt, out in (("html", html_out), ("md", md_out)):
        assert main(["report", "--since", "2024-11-27", "--until", "2024-12-08", "--db", str(demo_db),
                     "--format", fmt, "-o", str(out)]) == 0
    page = html_out.read_text(encoding="utf-8")
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "") and "<script" not in svg
    bars = re.findall(r"<title>(\d{4}-\d\d-\d\d): (\d+) ", svg)
    assert {d for d, _ in bars} <= {f"2024-{m}" for m in ["11-27", "11-28", "11-29", "11-30"] +
                                     [f"12-0{i}" for i in range(1, 9)]}
    assert sum(int(n) for _, n in bars) > 10
    text = md_out.read_text(encoding="utf-8")
    days = re.findall(r"^(2024-\d\d-\d\d)  ", text[text.index("## Events per day"):], re.M)
    assert days[0] == "2024-11-27" and days[-1] == "2024-12-08" and len(days) == 12
