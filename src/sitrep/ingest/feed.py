"""RSS and Atom feeds (`.xml`, `.rss`, `.atom`): one article per entry, read with feedparser.

An entry's text is its full content when the feed carries it, else its summary; the markup
is stripped to plain text.  Its id is the entry's `id` (guid), else its link, else
`<file stem>-<n>`.  The feed's title is the outlet.  A malformed feed that feedparser still
reads yields what it could read; one with no entries is one InputError naming the file.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from typing import Any

from sitrep.errors import InputError
from sitrep.ingest._common import normalise_date, stem
from sitrep.models import Article

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6])\s*>|<br\s*/?>", re.I)
_SPACES = re.compile(r"[ \t]+")


def parse(data: bytes, published: str | None, source: str) -> Iterator[Article | InputError]:
    import feedparser  # lazy: only feeds need it

    feed = feedparser.parse(data)
    entries = feed.get("entries") or []
    if not entries:
        reason = f" ({feed.get('bozo_exception')})" if feed.get("bozo") else ""
        yield InputError(f"no feed entries found{reason}", source)
        return
    outlet = (feed.get("feed") or {}).get("title") or None
    for n, entry in enumerate(entries, start=1):
        try:
            yield _article(entry, n, outlet, published, source)
        except InputError as err:
            yield err


def _article(entry: Any, n: int, outlet: str | None, published: str | None, source: str) -> Article:
    where = f"{source} (entry {n})"
    text = _plain(_body(entry))
    if not text.strip():
        raise InputError(f"entry {n} has no text", source)
    return Article(
        id=entry.get("id") or entry.get("link") or f"{stem(source)}-{n}",
        text=text,
        published=_date(entry, where) or published,
        title=entry.get("title") or None,
        url=entry.get("link") or None,
        outlet=outlet,
        source=where,
    )


def _body(entry: Any) -> str:
    contents = entry.get("content") or []
    full = [c.get("value", "") for c in contents if c.get("value")]
    return "\n".join(full) if full else entry.get("summary", "") or ""


def _plain(markup: str) -> str:
    """Markup -> text: block ends become line breaks (paragraphs bound dates and places)."""
    text = _BLOCK_END.sub("\n", markup)
    text = html_lib.unescape(_TAG.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


def _date(entry: Any, where: str) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    raw = entry.get("published") or entry.get("updated")
    return normalise_date(raw, where) if raw else None
