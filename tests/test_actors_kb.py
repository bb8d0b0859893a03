"""The actor knowledge base: its data files, ACLED's names, dates, and a user's --actors file."""

from __future__ import annotations

import pycountry
import pytest
import yaml

from sitrep.actors.kb import load_kb
from sitrep.actors.load import KINDS
from sitrep.errors import InputError

ARMED = {"Rebel group", "Political militia", "Identity militia"}


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_every_state_has_acled_forces(kb):
    for c in pycountry.countries:
        for branch, label in (("military", "Military Forces of"), ("police", "Police Forces of"),
                              ("government", "Government of")):
            a = kb.actor(f"{c.alpha_3}-{branch}")
            assert a.name.startswith(label) and a.kind == "State forces" and a.country == c.alpha_3


@pytest.mark.parametrize("actor_id,on,name", [
    ("SYR-military", "2024-12-06", "Military Forces of Syria (2000-2024)"),
    ("SYR-military", "2024-12-09", "Military Forces of Syria (2024-)"),
    ("SYR-police", "2020-03-20", "Police Forces of Syria (2000-2024)"),
    ("SYR-government", "2020-03-20", "Government of Syria (2000-2024)"),
    ("COD-military", "2020-03-20", "Military Forces of the Democratic Republic of Congo (2019-)"),
    ("PHL-police", "2020-03-20", "Police Forces of the Philippines (2016-2022)"),
    ("AFG-military", "2022-01-01", "Military Forces of Afghanistan (2021-)"),
    ("BRA-military/Military Police", "2020-03-20", "Military Forces of Brazil (2019-2022) Military Police"),
    ("protesters-COD", None, "Protesters (Democratic Republic of Congo)"),
    ("rioters-CIV", None, "Rioters (Ivory Coast)"),
    ("civilians-PSE", None, "Civilians (Palestine)"),
    ("unidentified-NGA", None, "Unidentified Armed Group (Nigeria)"),
    ("unidentified-MEX", None, "Unidentified Armed Group (Mexico)"),
    ("gang-MEX", None, "Unidentified Gang (Mexico)"),
    ("gang-BRA", None, "Unidentified Gang and/or Police Militia"),
    ("armed-MEX", None, "Unidentified Armed Group (Mexico)"),
    ("ethnic:Fulani-NGA", None, "Fulani Ethnic Militia (Nigeria)"),
    ("communal-of:Idleb-SYR", None, "Idleb Communal Militia (Syria)"),
    ("hts", "2024-12-06", "HTS: Hayat Tahrir al Sham"),
    ("hts", "2025-03-01", "Military Forces of Syria (2024-)"),
    ("taliban", "2020-03-20", "Taliban"),
    ("taliban", "2022-01-01", "Military Forces of Afghanistan (2021-)"),
    ("houthis", "2020-03-20", "Military Forces of Yemen (2016-) Supreme Political Council"),
    ("rsf", "2024-01-01", "RSF: Rapid Support Forces"),
    ("rsf", "2021-01-01", "Military Forces of Sudan (2019-) Rapid Support Forces"),
])
def test_names_by_date(kb, actor_id, on, name):
    assert kb.actor(actor_id, on=on).name == name


def test_transnational_groups_are_named_by_country(kb):
    assert kb.actor("islamic-state", where="IRQ").name == "Islamic State (Iraq)"
    assert kb.actor("islamic-state", where="NGA").name == "Islamic State (West Africa)"
    assert kb.actor("islamic-state").name == "Islamic State"


def test_leaders_are_date_bounded(kb):
    text = "Bashar al-Assad said"
    assert kb.find_leaders(text, "2024-12-01")[0][2] == "SYR-government"
    assert kb.find_leaders(text, "2025-01-10") == []  # an exile speaks for no state
    assert kb.find_leaders("Trump said", "2019-01-01")[0][2] == "USA-government"
    assert kb.find_leaders("Trump said", "2022-01-01") == []
    assert kb.find_leaders("Erdoğan said")[0][2] == "TUR-government"


def test_demonyms_capitals_and_metonyms(kb):
    assert kb.demonyms["syrian"] == "SYR" and kb.demonyms["south sudanese"] == "SSD"
    assert kb.capitals["damascus"] == "SYR" and kb.capitals["kremlin"] == "RUS"
    hits = {(iso, how) for _, _, iso, how in kb.find_states("Moscow and Ankara backed Syrian and Iraqi forces")}
    assert hits == {("RUS", "capital"), ("TUR", "capital"), ("SYR", "demonym"), ("IRQ", "demonym")}


def test_demonym_file_covers_every_country():
    from importlib import resources

    with resources.files("sitrep.actors").joinpath("data/demonyms.yaml").open(encoding="utf-8") as fp:
        demonyms = yaml.safe_load(fp)
    assert {c.alpha_3 for c in pycountry.countries} <= set(demonyms)


def test_at_least_300_armed_groups_in_the_conflicts_the_issue_names(kb):
    armed = [g for g in kb.groups.values() if g.kind in ARMED]
    assert len(armed) >= 300
    countries = {g.country for g in armed}
    for iso in ("SYR", "IRQ", "YEM", "LBY", "LBN", "PSE", "SDN", "SSD", "SOM", "ETH", "MLI", "BFA", "NER",
                "NGA", "MOZ", "COD", "AFG", "PAK", "IND", "MMR", "UKR", "RUS", "MEX", "COL"):
        assert iso in countries, iso


def test_data_is_consistent(kb):
    for g in kb.groups.values():
        assert g.kind in KINDS, g.id
        assert g.country is None or g.country in kb.states, g.id
        for a in g.affiliations:
            target = a.target
            assert target in kb.groups or target in kb.states or target.split("-")[0] in kb.states, (g.id, target)
        for covered, where in g.covers:
            kb.actor(covered)
            assert where == "named" or where in kb.states
    for s in kb.states.values():
        for p in (*s.insurgents, *s.unattributed):
            kb.actor(p.label)  # every default actor exists


def test_aliases_find_groups(kb):
    found = {gid for _, _, gid in kb.find_groups(
        "JNIM and ISWAP fighters, the PKK, QSD units, LNA and GNA forces and the Houthis")}
    assert {"jnim", "iswap", "pkk", "sdf", "lna", "gna", "houthis"} <= found
    assert kb.find_groups("this is what it is") == []  # "IS" only in capitals


def test_unattributed_violence_follows_country_conventions(kb):
    assert kb.unattributed("MEX").name == "Unidentified Armed Group (Mexico)"  # a gang only with its marks
    assert kb.unattributed("UKR", "2020-03-20").name.startswith("Military Forces of Ukraine")
    assert kb.unattributed("UKR", "2023-01-01").name == "Unidentified Armed Group (Ukraine)"
    assert kb.unattributed("SYR").name == "Unidentified Armed Group (Syria)"


def test_user_actors_file_merges(tmp_path, kb):
    path = tmp_path / "actors.yaml"
    path.write_text(yaml.safe_dump({
        "groups": [
            {"id": "falcons", "name": "Desert Falcons Brigade", "kind": "Political militia", "country": "SYR",
             "aliases": ["Desert Falcons", "DFB"], "backed_by": ["SYR"]},
            {"id": "hts", "name": "Hayat Tahrir al-Sham", "kind": "Rebel group", "country": "SYR",
             "aliases": ["HTS"]},
        ],
        "leaders": {"SYR": [{"name": "Jane Doe", "aliases": ["Doe"]}]},
    }), encoding="utf-8")
    mine = load_kb(path)
    assert mine.actor("falcons").name == "Desert Falcons Brigade"
    assert {gid for _, _, gid in mine.find_groups("DFB and Desert Falcons units")} == {"falcons"}
    assert mine.actor("hts").name == "Hayat Tahrir al-Sham"  # the user's entry wins
    assert mine.find_leaders("Doe said")[0][2] == "SYR-government"
    assert "falcons" not in kb.groups  # the packaged knowledge base is untouched


def test_a_plain_list_is_a_groups_file(tmp_path):
    path = tmp_path / "groups.yaml"
    path.write_text("- {name: Army of the North, kind: Rebel group, country: MLI}\n", encoding="utf-8")
    assert load_kb(path).actor("army-of-the-north").kind == "Rebel group"


@pytest.mark.parametrize("body", ["- {name: X, kind: Warlords}\n", "- [not, a, mapping]\n", "groups: [\n"])
def test_bad_actors_file_is_an_input_error(tmp_path, body):
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError):
        load_kb(path)


def test_missing_actors_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        load_kb(tmp_path / "nope.yaml")


def test_user_actors_reach_events(tmp_path, res):
    """--actors FILE: the pipeline built with the file codes the user's group."""
    from sitrep.extraction import extract_article
    from sitrep.models import Article
    from sitrep.pipeline import load_resources

    path = tmp_path / "actors.yaml"
    path.write_text("- {id: falcons, name: Desert Falcons Brigade, kind: Political militia, country: SYR, "
                    "aliases: [Desert Falcons]}\n", encoding="utf-8")
    mine = load_resources(str(path))
    text = "Desert Falcons fighters attacked the town of Saraqib in Idlib province on Monday."
    events, _ = extract_article(Article(id="a", text=text, published="2024-12-06"), mine)
    assert any(e.actor1 and e.actor1.id == "falcons" for e in events), [e.actor1 for e in events]


def test_cli_actors_option(tmp_path):
    """`sitrep extract FILE --actors FILE`, as a user runs it: the user's group is coded."""
    import json
    import subprocess
    import sys

    actors = tmp_path / "actors.yaml"
    actors.write_text("groups:\n  - {id: falcons, name: Desert Falcons Brigade, kind: Political militia, "
                      "country: SYR, aliases: [Desert Falcons]}\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Desert Falcons fighters attacked the town of Saraqib in Idlib province on Monday.\n",
                       encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "sitrep", "extract", str(article), "--published", "2024-12-06", "--min-confidence", "0",
                           "--actors", str(actors), "--db", str(tmp_path / "s.db")],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    events = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert any((e["actor1"] or {}).get("id") == "falcons" for e in events), events
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {name: X, kind: Warlords}\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "sitrep", "extract", str(article), "--actors", str(bad),
                           "--db", str(tmp_path / "s2.db")], capture_output=True, text=True, timeout=600)
    assert proc.returncode != 0 and "Warlords" in proc.stderr and "Traceback" not in proc.stderr


def test_a_text_searched_again_gives_the_same_names_in_a_list_of_its_own(kb):
    text = "Fighters of Hayat Tahrir al-Sham and the Syrian Democratic Forces clashed near the dam."
    first = kb.find_groups(text)
    assert [text[s:e] for s, e, _ in first] == ["Hayat Tahrir al-Sham", "Syrian Democratic Forces"]
    first.clear()  # a caller may change what it was given: the remembered answer stays whole
    again = kb.find_groups(text)
    assert [text[s:e] for s, e, _ in again] == ["Hayat Tahrir al-Sham", "Syrian Democratic Forces"]
