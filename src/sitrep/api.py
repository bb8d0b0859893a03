"""The Python API: what the CLI does, as functions returning typed objects."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .models import Event, PlaceMention

if TYPE_CHECKING:  # pandas is optional
    import pandas

__all__ = ["extract", "toponyms", "to_dataframe"]


def _one(text: str, published: str | None, id: str):
    from .extraction import extract_article
    from .ingest import read_text
    from .pipeline import load_resources

    article = read_text(text, id=id, published=published)
    return extract_article(article, load_resources())


def extract(text: str, published: str | None = None, id: str = "text",
            min_confidence: float | None = None) -> list[Event]:
    """Events of one article's text (an optional `key: value` header block is read).

    Events less likely than ``min_confidence`` to be right are left out; None means sitrep's
    calibrated default, 0 keeps them all.
    """
    from .events.confidence import confident, default_min_confidence

    threshold = default_min_confidence() if min_confidence is None else min_confidence
    return confident(_one(text, published, id)[0], threshold)


def toponyms(text: str, published: str | None = None, id: str = "text") -> list[PlaceMention]:
    """Toponym mentions of one article's text."""
    return _one(text, published, id)[1]


def to_dataframe(events: Iterable[Event]) -> pandas.DataFrame:
    """A pandas DataFrame with ACLED's columns (then sitrep's), one row per event."""
    try:
        import pandas as pd
    except ImportError as exc:  # optional extra
        raise ImportError("to_dataframe needs pandas: pip install 'sitrep[pandas]'") from exc
    from .export.csv import CSV_COLUMNS, event_row

    return pd.DataFrame([event_row(e) for e in events], columns=list(CSV_COLUMNS))
