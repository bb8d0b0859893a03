"""JSON Lines: one contract event object per line (the default output of `sitrep extract`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from sitrep.models import Event

__all__ = ["write_jsonl"]


def write_jsonl(events: Iterable[Event], fp: TextIO) -> int:
    """Write each event's contract object on its own line; return how many were written.

    Non-ASCII text is written as is (``ensure_ascii=False``): open ``fp`` as UTF-8.
    """
    n = 0
    for event in events:
        fp.write(json.dumps(event.to_dict(), ensure_ascii=False))
        fp.write("\n")
        n += 1
    return n
