"""JSON Lines: one article object per line.

    {"id": "a1", "text": "...", "published": "2024-12-06", "title": "...", "url": "...", "outlet": "..."}

Each line stands alone: a bad line yields an InputError naming file and line,
and the lines around it still come through.  Blank lines are skipped.  A line
without an "id" gets `<file stem>-<line>`, so ids in one file stay distinct.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from sitrep.errors import InputError
from sitrep.ingest._common import decode, normalise_date, stem
from sitrep.models import Article

_OPTIONAL = ("title", "url", "outlet")


def parse(data: bytes, published: str | None, source: str) -> Iterator[Article | InputError]:
    if b"\x00" in data:  # a binary file is one error, not one per "line"
        try:
            decode(data, source)
        except InputError as err:
            yield err
        return
    found = False
    for n, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        found = True
        try:
            yield _article(decode(raw, source, n), published, source, n)
        except InputError as err:
            yield err
    if not found:
        yield InputError("empty (no articles)", source)


def _article(line: str, published: str | None, source: str, n: int) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"bad JSON: {err.msg} (column {err.colno})", source, n) from None
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}", source, n)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError('no "text" (a non-empty string is required)', source, n)
    art_id = obj.get("id")
    if isinstance(art_id, bool) or not isinstance(art_id, (str, int, type(None))):
        raise InputError('"id" must be a string or an integer', source, n)
    for key in _OPTIONAL:
        if not isinstance(obj.get(key), (str, type(None))):
            raise InputError(f'"{key}" must be a string', source, n)
    return Article(
        id=str(art_id) if art_id not in (None, "") else f"{stem(source)}-{n}",
        text=text,
        published=normalise_date(obj["published"], source, n) if obj.get("published") not in (None, "") else published,
        title=obj.get("title") or None,
        url=obj.get("url") or None,
        outlet=obj.get("outlet") or None,
        source=f"{source}:{n}",
    )
