"""How a chosen place is written in sitrep's output: the press's name, GeoNames' own name
apart, and only real GeoNames ids in `geonameid`.

GeoNames names places in strict transliteration ("Ḩamāh", "As Suwaydā'"); the press and ACLED
write "Hama", "Suwayda". The best source of the press's name is the article itself: the
mention that named the chosen place, as it was written. Else the GeoNames name without its
diacritics and transliteration marks ("Tallbīsah" -> "Tallbisah").

Places of sitrep's own data (additions.tsv, regions.tsv, divisions GeoNames lacks) carry
negative ids inside the index; outside it they have no GeoNames id, and their own id is
`place_id` ("sitrep:260"), stable across builds as the index's ids are (build.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .names import fold

__all__ = ["ascii_name", "place_ids", "press_spellings"]

_MARKS = re.compile("[\u0300-\u036f]")
# transliteration marks for 'ayn and hamza, never written by the press
_TRANSLIT = re.compile("[\u02bf\u02be\u02bb\u02bc\u2018\u2019'`\u00b4]")


_DIVISION_WORDS = frozenset("province governorate region oblast state district".split())


def place_ids(gid: int) -> tuple[int | None, str | None]:
    """(geonameid, place_id): a real GeoNames id, or None and sitrep's own id."""
    return (gid, None) if gid > 0 else (None, f"sitrep:{-gid}")


def ascii_name(name: str) -> str:
    """The name without diacritics and transliteration marks: "As Suwaydā'" -> "As Suwayda"."""
    s = _MARKS.sub("", unicodedata.normalize("NFKD", name))
    s = _TRANSLIT.sub("", s)
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", s)).strip() or name


def press_spellings(mentions: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """GeoNames name -> how the article wrote it, from (mention text, match, GeoNames name) of
    its resolved mentions: the first mention that names the place by one of its names (not a
    place only found near the name, not a capitalised dateline); a division by its name without the word for it."""
    out: dict[str, str] = {}
    for text, match, name in mentions:
        # a mention may carry the sentence's full stop or a comma the tokenizer left on it
        text = re.sub(r"^(?:the|The)\s+", "", text.strip()).rstrip(".,;:")
        if match not in ("exact", "folded", "alias") or not text or text.isupper() and len(text) > 3 \
                or "\n" in text or name in out:
            continue
        words = text.split()
        if len(words) > 1 and fold(words[-1]) in _DIVISION_WORDS:
            text = " ".join(words[:-1])  # "Saladin province": the governorate is "Saladin"
        # the same letters as GeoNames' name: its own case and diacritics ("the Dnipro river")
        out[name] = ascii_name(name) if fold(text) == fold(name) else text
    return out
