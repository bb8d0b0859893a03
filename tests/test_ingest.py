"""sitrep.ingest: text headers, HTML extraction, JSONL, folders, stdin, ids, dates, bad input."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.ingest import read, read_text
from sitrep.models import Article

BODY = "Militants attacked an army post near Gao on Tuesday, killing four soldiers.\nThe army said it repelled the attack.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def articles(items):
    return [x for x in items if isinstance(x, Article)]


def errors(items):
    return [x for x in items if isinstance(x, InputError)]


# --- .txt and the header block -------------------------------------------------


def test_header_all_keys(tmp_path):
    f = write(
        tmp_path / "gao.txt",
        "url: https://news.example.org/mali/1\n"
        "outlet: Sahel Daily\n"
        "published: 2024-12-06T10:00:00Z\n"
        "headline: Army post attacked near Gao\n"
        "id: mali-001\n"
        "---\n" + BODY,
    )
    (art,) = list(read([f]))
    assert art == Article(
        id="mali-001",
        text=BODY,
        published="2024-12-06",
        title="Army post attacked near Gao",
        url="https://news.example.org/mali/1",
        outlet="Sahel Daily",
        source=str(f),
    )


def test_header_title_key_and_body_offsets(tmp_path):
    f = write(tmp_path / "a.txt", "title: Clashes in Goma\n---\n\n" + BODY)
    (art,) = list(read([f]))
    assert art.title == "Clashes in Goma"
    # Body begins right after the header (blank lines after --- dropped): offsets index it.
    assert art.text == BODY
    start = art.text.index("Gao")
    assert art.text[start : start + 3] == "Gao"
    assert art.text.startswith("Militants")


def test_prose_with_colon_is_not_a_header(tmp_path):
    prose = "Update: fighting resumed in Khartoum on Monday.\n---\nResidents fled north.\n"
    f = write(tmp_path / "sudan.txt", prose)
    (art,) = list(read([f]))
    assert art.text == prose  # nothing eaten
    assert art.title is None and art.id == "sudan"


def test_known_key_mixed_with_prose_is_not_a_header():
    raw = "title: Shelling in Kherson\nOfficials said: three people were hurt.\n---\nMore.\n"
    assert read_text(raw).text == raw


def test_text_without_header_kept_exactly(tmp_path):
    f = write(tmp_path / "plain.txt", "\n  " + BODY)
    (art,) = list(read([f]))
    assert art.text == "\n  " + BODY


def test_crlf_normalised(tmp_path):
    f = write(tmp_path / "crlf.txt", b"id: w1\r\n---\r\nLine one.\r\nLine two.\r\n")
    (art,) = list(read([f]))
    assert art.id == "w1" and art.text == "Line one.\nLine two.\n"


def test_read_text_api():
    art = read_text("headline: Strike on Rafah\npublished: 2024-05-07\n---\n" + BODY, id="x")
    assert (art.id, art.title, art.published, art.text, art.source) == (
        "x", "Strike on Rafah", "2024-05-07", BODY, None,
    )
    assert read_text(BODY).id == "text"
    assert read_text("id: own\n---\n" + BODY, id="x").id == "own"
    assert read_text(BODY, published="2024-01-02T08:00:00+03:00").published == "2024-01-02"
    with pytest.raises(InputError):
        read_text("   \n")


# --- .html ---------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Drone strike hits fuel depot in Sudan | Horn Tribune</title>
  <meta property="og:title" content="Drone strike hits fuel depot in Sudan">
  <meta property="og:site_name" content="Horn Tribune">
  <meta property="og:url" content="https://horntribune.example/africa/drone-strike-depot">
  <meta property="article:published_time" content="2024-11-02T07:30:00Z">
</head>
<body>
  <header>
    <nav><ul>
      <li><a href="/">Home</a></li><li><a href="/africa">Africa</a></li>
      <li><a href="/subscribe">Subscribe to our newsletter</a></li>
    </ul></nav>
  </header>
  <main><article>
    <h1>Drone strike hits fuel depot in Sudan</h1>
    <p>A drone struck a fuel depot in Port Sudan early on Saturday, setting off a fire that burned for hours, witnesses said.</p>
    <p>The army blamed the Rapid Support Forces for the attack, the latest in a series of strikes on the Red Sea city since May.</p>
    <p>No casualties were reported, but flights at the nearby airport were suspended while firefighters worked to contain the blaze.</p>
  </article></main>
  <footer><p>Copyright 2024 Horn Tribune. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body>
</html>
"""


def test_html_extraction(tmp_path):
    f = write(tmp_path / "depot.html", PAGE)
    (art,) = list(read([f], published="2000-01-01"))
    assert isinstance(art, Article)
    assert "A drone struck a fuel depot in Port Sudan" in art.text
    assert "the latest in a series of strikes" in art.text
    assert "flights at the nearby airport were suspended" in art.text
    assert "Subscribe to our newsletter" not in art.text
    assert "Privacy policy" not in art.text
    assert art.id == "depot"
    assert art.title == "Drone strike hits fuel depot in Sudan"
    assert art.published == "2024-11-02"
    assert art.url == "https://horntribune.example/africa/drone-strike-depot"
    assert art.outlet == "Horn Tribune"
    assert art.source == str(f)


def test_html_without_date_uses_default_not_copyright_year(tmp_path):
    page = PAGE.replace('<meta property="article:published_time" content="2024-11-02T07:30:00Z">', "")
    f = write(tmp_path / "nodate.htm", page)
    (art,) = list(read([f], published="2024-11-03"))
    assert art.published == "2024-11-03"


def test_html_with_no_text_is_error(tmp_path):
    f = write(tmp_path / "blank.html", "<html><head><title>Blank</title></head><body></body></html>")
    (err,) = list(read([f]))
    assert isinstance(err, InputError) and str(f) in str(err)


# --- .jsonl --------------------------------------------------------------------


def test_jsonl_malformed_line_in_middle(tmp_path):
    f = write(
        tmp_path / "batch.jsonl",
        '{"id": "j1", "text": "Shelling in Donetsk killed two.", "published": "2024-12-06", "title": "T1",'
        ' "url": "https://e.example/1", "outlet": "E"}\n'
        "\n"
        '{"id": "j2", "text": broken\n'
        '["not", "an", "object"]\n'
        '{"id": "j3"}\n'
        '{"id": "j4", "text": "Protesters gathered in Nairobi."}\n'
        '{"id": "j5", "text": "Clashes in Tripoli.", "published": "yesterday"}\n',
    )
    out = list(read([f], published="2024-12-07"))
    arts, errs = articles(out), errors(out)
    assert [a.id for a in arts] == ["j1", "j4"]
    assert arts[0] == Article("j1", "Shelling in Donetsk killed two.", "2024-12-06", "T1",
                              "https://e.example/1", "E", f"{f}:1")
    assert arts[1].published == "2024-12-07" and arts[1].source == f"{f}:6"
    assert [e.line for e in errs] == [3, 4, 5, 7]
    for e in errs:
        assert f"{f}:{e.line}" in str(e) and "\n" not in str(e)
    # input order: line 1, err 3, err 4, err 5, line 6, err 7
    assert [getattr(x, "line", None) or x.source for x in out][:2] == [f"{f}:1", 3]


def test_jsonl_invalid_utf8_line_only_that_line(tmp_path):
    f = write(tmp_path / "mixed.jsonl", b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "ok"}\n')
    out = list(read([f]))
    assert [a.id for a in articles(out)] == ["b"]
    (err,) = errors(out)
    assert err.line == 1 and str(f) in str(err)


def test_jsonl_missing_id_gets_stem_and_line(tmp_path):
    f = write(tmp_path / "feed.jsonl", '{"text": "A convoy was ambushed."}\n{"text": "Two more."}\n')
    assert [a.id for a in read([f])] == ["feed-1", "feed-2"]


# --- folders, stdin, ids, dates -----------------------------------------------


def test_folder_recursion_order(tmp_path):
    root = tmp_path / "in"
    write(root / "b.txt", "Second report.")
    write(root / "a" / "z.txt", "First report, in a subfolder.")
    write(root / "a" / "sub" / "y.txt", "Deeper report.")
    write(root / "c.jsonl", '{"id": "c1", "text": "Third."}\n')
    write(root / ".hidden.txt", "Should be skipped.")
    write(root / ".git" / "x.txt", "Should be skipped too.")
    out = list(read([root]))
    assert all(isinstance(x, Article) for x in out)
    assert [a.id for a in out] == ["y", "z", "b", "c1"]
    assert out[0].source == str(root / "a" / "sub" / "y.txt")


def test_paths_keep_input_order(tmp_path):
    b = write(tmp_path / "b.txt", "Report B.")
    a = write(tmp_path / "a.txt", "Report A.")
    assert [x.id for x in read([b, str(a)])] == ["b", "a"]
    assert [x.id for x in read(a)] == ["a"]  # a single path is accepted too


def test_stdin():
    (art,) = list(read(["-"], stdin=io.StringIO(BODY)))
    assert (art.id, art.text, art.source) == ("stdin", BODY, "<stdin>")
    (art,) = list(read(["-"], stdin=io.StringIO("id: piped-7\npublished: 2024-03-01\n---\n" + BODY)))
    assert (art.id, art.published, art.text) == ("piped-7", "2024-03-01", BODY)
    (err,) = list(read(["-"], stdin=io.StringIO("  \n")))
    assert isinstance(err, InputError) and "<stdin>" in str(err)


def test_stdin_bytes_buffer(monkeypatch):
    fake = io.TextIOWrapper(io.BytesIO(b"bad \xff byte"), encoding="utf-8")
    (err,) = list(read(["-"], stdin=fake))
    assert isinstance(err, InputError) and "UTF-8" in str(err)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BODY.encode()), encoding="utf-8"))
    (art,) = list(read(["-"]))
    assert art.text == BODY


def test_id_rules(tmp_path):
    named = write(tmp_path / "report.2024.txt", BODY)
    own = write(tmp_path / "other.txt", "id: given-id\n---\n" + BODY)
    line = write(tmp_path / "lines.jsonl", '{"id": 42, "text": "x"}\n')
    assert [a.id for a in read([named, own, line])] == ["report.2024", "given-id", "42"]


def test_published_default_vs_own(tmp_path):
    own = write(tmp_path / "own.txt", "published: 2024-12-06 14:05\n---\n" + BODY)
    none = write(tmp_path / "none.txt", BODY)
    out = list(read([own, none], published="2024-12-31"))
    assert [a.published for a in out] == ["2024-12-06", "2024-12-31"]
    assert [a.published for a in read([none])] == [None]


def test_bad_published_values(tmp_path):
    bad = write(tmp_path / "bad.txt", "published: next Tuesday\n---\n" + BODY)
    (err,) = list(read([bad]))
    assert isinstance(err, InputError) and str(bad) in str(err) and "next Tuesday" in str(err)
    with pytest.raises(InputError, match="--published"):
        read([bad], published="06/12/2024")


# --- bad input -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("empty.txt", b"", "empty"),
        ("spaces.txt", b"  \n\t\n", "empty"),
        ("header-only.txt", b"id: h1\ntitle: Nothing here\n---\n\n", "only a header"),
        ("binary.txt", b"GIF89a\x00\x01\x02\x00", "binary"),
        ("latin1.txt", "Bombardement \u00e0 Alep.".encode("latin-1"), "UTF-8"),
        ("report.docx", b"PK\x03\x04 fake word file", "unknown file type"),
        ("empty.jsonl", b"\n\n", "empty"),
        ("binary.jsonl", b'{"text": "a"}\n\x00\x00', "binary"),
        ("empty.html", b"", "empty"),
    ],
)
def test_bad_input_is_error_and_batch_goes_on(tmp_path, name, content, words):
    bad = write(tmp_path / name, content)
    good = write(tmp_path / "zz-good.txt", BODY)
    out = list(read([bad, good]))
    assert len(out) == 2
    err, art = out
    assert isinstance(err, InputError), err
    assert str(bad) in str(err) and words in str(err)
    assert "\n" not in str(err)
    assert isinstance(art, Article) and art.id == "zz-good"


def test_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    (err,) = list(read([missing]))
    assert isinstance(err, InputError) and str(missing) in str(err)


def test_invalid_utf8_names_line(tmp_path):
    f = write(tmp_path / "bad.txt", b"Line one.\nLine two \xff.\n")
    (err,) = list(read([f]))
    assert err.line == 2 and f"{f}:2" in str(err)


def test_trafilatura_imported_lazily(tmp_path):
    import subprocess

    code = (
        "import sys, sitrep.ingest as i; "
        f"list(i.read([{str(write(tmp_path / 'a.txt', BODY))!r}])); "
        "print('trafilatura' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
