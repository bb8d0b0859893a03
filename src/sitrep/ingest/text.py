"""Plain-text articles, with an optional `key: value` header block ended by `---`.

    url: https://example.com/news/1
    outlet: Example News
    published: 2024-12-06
    headline: Clashes reported near the border
    ---
    The body starts here...

The header is recognised only when *every* line before the first `---` is a
`key: value` line with a known key (keys are case-insensitive), so prose that
happens to contain a colon is never eaten.  Whole blank lines right after the
`---` are dropped; the body is otherwise kept exactly (trailing newline too),
because later stages give character offsets into `Article.text`.
"""

from __future__ import annotations

import re

from sitrep.errors import InputError
from sitrep.ingest._common import normalise_date
from sitrep.models import Article

# headline and title are synonyms; if both are given, `title` wins.
KEYS = {"url", "outlet", "published", "headline", "title", "id"}
_HEADER_LINE = re.compile(r"^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$")
_SEPARATOR = re.compile(r"^[ \t]*---[ \t]*(?:\n|$)", re.M)
_LEADING_BLANK_LINES = re.compile(r"^(?:[ \t]*\n)+")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Return (header fields, body).  No valid header -> ({}, text unchanged)."""
    sep = _SEPARATOR.search(text)
    if not sep or sep.start() == 0:  # need at least one header line
        return {}, text
    fields: dict[str, str] = {}
    for raw in text[: sep.start()].rstrip("\n").split("\n"):
        m = _HEADER_LINE.match(raw)
        if not m or m.group(1).lower() not in KEYS:
            return {}, text  # not a header after all: keep everything as body
        if m.group(2):  # an empty value means "not given"
            fields[m.group(1).lower()] = m.group(2)
    body = _LEADING_BLANK_LINES.sub("", text[sep.end():], count=1)
    return fields, body


def parse(text: str, default_id: str, published: str | None, source: str | None) -> Article:
    """Text (already decoded) -> Article; header values beat the defaults given."""
    where = source or default_id
    fields, body = split_header(text)
    if not body.strip():
        what = "only a header, no article text" if fields else "empty (no article text)"
        raise InputError(what, where)
    return Article(
        id=fields.get("id", default_id),
        text=body,
        published=normalise_date(fields["published"], where) if "published" in fields else published,
        title=fields.get("title", fields.get("headline")),
        url=fields.get("url"),
        outlet=fields.get("outlet"),
        source=source,
    )
