"""Saved web pages: trafilatura pulls out the article body and its metadata.

trafilatura is imported inside `parse` because importing it takes about a
second, which every other command (and every .txt-only run) should not pay.
"""

from __future__ import annotations

import re

from sitrep.errors import InputError
from sitrep.ingest._common import decode, normalise_date
from sitrep.models import Article

# Saved pages are often not UTF-8; honour a declared <meta charset>, else UTF-8.
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)

# Only dates the page states (meta tags, time elements, URL); the default
# "extensive search" guesses e.g. 2023-01-01 from a footer's "Copyright 2023",
# which would wrongly beat the --published default.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def parse(data: bytes, article_id: str, published: str | None, source: str) -> Article:
    m = _CHARSET.search(data[:4096])
    page = decode(data, source, encoding=m.group(1).decode("ascii") if m else "utf-8")
    if not page.strip():
        raise InputError("empty (no article text)", source)

    import trafilatura  # lazy: slow to import, see module docstring
    from trafilatura.settings import Document

    doc = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, date_extraction_params=_DATE_PARAMS
    )
    text = (doc.text or "") if isinstance(doc, Document) else ""  # a Document or None: as_dict is off
    if not isinstance(doc, Document) or not text.strip():
        raise InputError("no article text found in the page", source)
    return Article(
        id=article_id,
        text=text,
        published=normalise_date(doc.date, source) if doc.date else published,
        title=doc.title or None,
        url=doc.url or None,
        outlet=doc.sitename or None,
        source=source,
    )
