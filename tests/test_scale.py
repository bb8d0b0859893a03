"""Scale: texts of any length are read, not refused; views of a Doc that cost what the span
costs; several worker processes give the results of one.  The real model and place index."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.extraction import extract_article
from sitrep.models import Article
from sitrep.nlp.long import parse, pieces
from sitrep.nlp.views import doc_text, ents_between, sent_ents

# our own report, two paragraphs, events with actors, places and dates
REPORT = (
    "Government forces shelled the village of Kafr Nabl in Idlib province on Monday, killing four "
    "civilians, a local monitor said.\n"
    "On Tuesday, Hayat Tahrir al-Sham fighters attacked an army checkpoint near Saraqib. Two soldiers "
    "were killed in the clashes, the Syrian Observatory for Human Rights said.\n"
)
# another, told at the end of a long text
REPORT2 = (
    "Hundreds of people protested in Daraa on Wednesday against rising bread prices.\n"
    "A roadside bomb exploded as an army patrol passed near Deir ez-Zor on Thursday, killing three "
    "soldiers, state media said.\n"
)
FILLER = "The committee will publish its annual figures on agriculture and trade later this year. "


def _key(e) -> tuple:
    return (e.event_type, e.sub_event_type, e.plover, e.actor1 and e.actor1.name, e.location and e.location.name,
            e.event_date, e.fatalities, e.text)


def test_pieces_join_back_and_cut_at_paragraphs_then_sentences():
    text = ("A first paragraph. It has two sentences.\n" * 30) + ("One long paragraph goes on. " * 200)
    parts = list(pieces(text, 500))
    assert "".join(parts) == text
    assert all(len(p) <= 500 for p in parts)
    # where a paragraph break lies within reach, the cut is after it; in the long paragraph, after a sentence
    assert all(p.endswith("\n") for p in parts[:2])
    assert all(p.endswith(". ") for p in parts[-3:-1])


def test_doc_views_equal_spacys(res):
    doc = res.nlp(REPORT + FILLER * 3 + "Rebels said they seized Tal Rifaat from Kurdish forces on 3 May 2020.")
    assert doc_text(doc) == doc.text
    for sent in doc.sents:
        assert sent_ents(sent) == list(sent.ents)
    n = len(doc)
    for a in range(0, n + 1, 3):
        for b in range(a, n + 1, 5):
            assert ents_between(doc, a, b) == [e for e in doc.ents if e.start >= a and e.end <= b]


def test_text_over_the_model_limit_is_parsed_in_pieces_with_whole_text_offsets(res, monkeypatch):
    """A text over nlp.max_length: one Doc whose text is the article's, events at its offsets.
    (The model's limit lowered to 20,000 characters for speed; the 5 MB test below uses the real one.)"""
    nlp = res.nlp
    monkeypatch.setattr(nlp, "max_length", 20_000)
    text = REPORT + (FILLER * 40 + "\n") * ((nlp.max_length // (len(FILLER) * 40)) + 2) + REPORT2
    assert len(text) > nlp.max_length
    doc = parse(nlp, text)
    assert doc.text == text
    events, _ = extract_article(Article(id="long", text=text, published="2024-05-08"), res, doc)
    alone, _ = extract_article(Article(id="short", text=REPORT2, published="2024-05-08"), res)
    assert alone
    for e in events:
        assert text[e.span[0]:e.span[1]] == e.text  # spans index the whole article
    late = [e for e in events if e.span[0] > nlp.max_length]
    # the second report, read at the end: the same happenings, where and when (who may differ: in
    # the long text the article's lead armed group, named at its start, claims the unattributed bomb)
    assert [_key(e)[:3] + _key(e)[4:] for e in late] == [_key(e)[:3] + _key(e)[4:] for e in alone]


def _five_mb(path: Path) -> int:
    """A generated 5 MB text: blank-padded paragraphs (quick to parse: the test is about length, the
    benchmark about speed) with a report at its start and one at its end, beyond the model's 1,000,000."""
    pad = (" " * 999 + "\n") * 1000  # 1 MB of blank lines
    text = REPORT + pad * 2 + FILLER + pad * 3 + REPORT2
    path.write_text(text, encoding="utf-8")
    return len(text)


def _extract(paths: list[Path], db: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    return subprocess.run([sys.executable, "-m", "sitrep", "extract", *map(str, paths), "--db", str(db),
                           "--min-confidence", "0", *extra], capture_output=True, text=True, env=env, check=False)


@pytest.fixture(scope="module")
def long_batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    (folder / "a-report.txt").write_text("published: 2024-05-08\n---\n" + REPORT, encoding="utf-8")
    size = _five_mb(folder / "b-huge.txt")
    alone = _extract([folder / "a-report.txt"], folder.parent / "alone.db")
    both = _extract([folder], folder.parent / "both.db", "--published", "2024-05-08")
    return size, alone, both, folder


def test_five_mb_text_in_a_batch_with_a_good_report(long_batch):
    size, alone, both, folder = long_batch
    assert size > 5_000_000
    assert both.returncode == 0, both.stderr
    rows = [json.loads(line) for line in both.stdout.splitlines()]
    good = [r for r in rows if r["article_id"] == "a-report"]
    huge = [r for r in rows if r["article_id"] == "b-huge"]
    assert good and good == [json.loads(line) for line in alone.stdout.splitlines()]
    text = (folder / "b-huge.txt").read_text(encoding="utf-8")
    assert min(r["span"][0] for r in huge) < 1000 and max(r["span"][0] for r in huge) > 5_000_000
    for r in huge:
        assert text[r["span"][0]:r["span"][1]] == r["text"]  # spans index the whole 5 MB text


def test_text_over_max_chars_is_refused_by_name_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a-report.txt").write_text("published: 2024-05-08\n---\n" + REPORT, encoding="utf-8")
    (tmp_path / "b-absurd.txt").write_text(FILLER * 100, encoding="utf-8")
    done = _extract([tmp_path], tmp_path / "x.db", "--max-chars", "5000")
    assert done.returncode == 1
    assert "b-absurd.txt" in done.stderr and "5,000" in done.stderr
    assert {json.loads(line)["article_id"] for line in done.stdout.splitlines()} == {"a-report"}


def test_two_workers_give_the_results_of_one_in_input_order(shared, tmp_path):
    """`--workers 2` against one process: the same JSON lines, in the same order."""
    reports = tmp_path / "reports"
    reports.mkdir()
    for i, text in enumerate([REPORT, REPORT2, REPORT + REPORT2, REPORT2 + FILLER, REPORT]):
        (reports / f"r{i}.txt").write_text(f"published: 2024-05-0{i + 1}\n---\n{text}", encoding="utf-8")
    paths = [shared / "seed" / "article.txt", reports]
    one = _extract(paths, tmp_path / "one.db", "--published", "2024-12-06")
    two = _extract(paths, tmp_path / "two.db", "--published", "2024-12-06", "--workers", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert len(one.stdout.splitlines()) > 10
    assert two.stdout == one.stdout
