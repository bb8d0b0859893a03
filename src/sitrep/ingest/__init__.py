"""Readers: files, folders and standard input -> `Article`s.

`read` yields Articles and InputErrors in input order; bad inputs become
errors *yielded*, not raised, so one broken file never stops a batch.

Formats (by extension, case-insensitive):
    .txt          plain text, optional `key: value` header ended by `---`  (ingest.text)
    .html, .htm   web page, body extracted by trafilatura                 (ingest.html)
    .jsonl        one JSON article per line                                (ingest.jsonl)
    .xml, .rss,   an RSS or Atom feed, one article per entry (feedparser)  (ingest.feed)
    .atom

Standard input (`-`) is read as .txt; its source is "<stdin>" and its id
"stdin" unless its header gives one.  Folders are walked recursively in sorted
order, skipping hidden files and folders (names starting with ".").
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from sitrep.errors import InputError
from sitrep.ingest import feed, html, jsonl
from sitrep.ingest import text as plain  # `text` is read_text's parameter name
from sitrep.ingest._common import decode, normalise_date, stem
from sitrep.models import Article

__all__ = ["read", "read_text", "read_file", "EXTENSIONS", "STDIN_SOURCE"]

EXTENSIONS = (".txt", ".html", ".htm", ".jsonl", ".xml", ".rss", ".atom")
FEED_EXTENSIONS = (".xml", ".rss", ".atom")
STDIN_SOURCE = "<stdin>"


def read(
    paths: Iterable[str | Path], published: str | None = None, stdin: TextIO | None = None
) -> Iterator[Article | InputError]:
    """Yield an Article (or an InputError) per input, in order.

    `published` (YYYY-MM-DD) is the date for articles that carry none; a bad
    value raises InputError at once, before anything is read.
    """
    default = normalise_date(published, "--published")
    if isinstance(paths, (str, Path)):  # one path, not an iterable of characters
        paths = [paths]
    return _read(paths, default, stdin)


def read_text(text: str, id: str = "text", published: str | None = None) -> Article:
    """One article from a string (a header block, if present, is parsed).

    The header's own `id` / `published` win over the arguments, which are
    defaults.  Raises InputError if there is no article text.
    """
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    return plain.parse(body, id, normalise_date(published, "published"), None)


def read_file(path: str | Path, published: str | None = None) -> Iterator[Article | InputError]:
    """Every Article (or InputError) in one file; `published` must be normalised."""
    source = str(path)
    ext = os.path.splitext(source)[1].lower()
    if ext not in EXTENSIONS:
        yield InputError(f"unknown file type {ext or '(no extension)'!r}; expected one of {', '.join(EXTENSIONS)}", source)
        return
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        yield InputError(f"cannot read: {err.strerror or err}", source)
        return
    try:
        if ext == ".jsonl":
            yield from jsonl.parse(data, published, source)
        elif ext in FEED_EXTENSIONS:
            yield from feed.parse(data, published, source)
        elif ext == ".txt":
            yield plain.parse(decode(data, source), stem(source), published, source)
        else:
            yield html.parse(data, stem(source), published, source)
    except InputError as err:
        yield err


def _read(paths: Iterable[str | Path], published: str | None, stdin: TextIO | None) -> Iterator[Article | InputError]:
    for p in paths:
        if str(p) == "-":
            yield _read_stdin(stdin, published)
        elif os.path.isdir(p):
            for f in _walk(p):
                yield from read_file(f, published)
        elif os.path.exists(p):
            yield from read_file(p, published)
        else:
            yield InputError("no such file or folder", str(p))


def _walk(folder: str | Path) -> list[str]:
    """Files under `folder`, sorted by their path parts, hidden ones left out."""
    base = str(folder)
    found = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]  # prune .git etc.
        found += [os.path.join(dirpath, f) for f in filenames if not f.startswith(".")]
    return sorted(found, key=lambda f: Path(os.path.relpath(f, base)).parts)


def _read_stdin(stdin: TextIO | None, published: str | None) -> Article | InputError:
    stream = sys.stdin if stdin is None else stdin
    try:
        # Prefer the raw bytes (real stdin) so decoding errors are reported like files'.
        buffer = getattr(stream, "buffer", None)
        data = decode(buffer.read(), STDIN_SOURCE) if buffer is not None else stream.read()
        if "\x00" in data:
            raise InputError("binary input (contains NUL bytes), not text", STDIN_SOURCE)
        return plain.parse(data.replace("\r\n", "\n").replace("\r", "\n"), "stdin", published, STDIN_SOURCE)
    except InputError as err:
        return err
    except UnicodeDecodeError as err:
        return InputError(f"invalid UTF-8 (byte {err.start})", STDIN_SOURCE)
