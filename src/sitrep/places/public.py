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
from typing import TYPE_CHECKING

from .names import fold, skeleton

if TYPE_CHECKING:
    from .gazetteer import Candidate

__all__ = ["ascii_name", "capital_of", "division_name", "place_ids", "press_spellings"]

_MARKS = re.compile("[\u0300-\u036f]")
# transliteration marks for 'ayn and hamza, never written by the press
_TRANSLIT = re.compile("[\u02bf\u02be\u02bb\u02bc\u2018\u2019'`\u00b4]")


# marks of a scholarly transliteration (macron, dot below, cedilla under a consonant, breve
# below, the signs for 'ayn and hamza), not of a Latin-script spelling ("Ceará", "Tiranë")
_TRANSLIT_MARKS = frozenset("\u0304\u0323\u0327\u032e\u0331")
_AYN_HAMZA = frozenset("\u02bf\u02be\u02bb\u02bc\u2018\u2019")


def _transliterated(name: str) -> bool:
    """Whether GeoNames' name is a transliteration: "Ḩimş", "‘Adan", "Tāʻizz"."""
    return any(ch in _AYN_HAMZA or ch in _TRANSLIT_MARKS for ch in unicodedata.normalize("NFKD", name))


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
        # a fuzzy match names the place when it spells the place's own name another way
        # ("Ain Issa" for ‘Ayn ‘Īsá), not when it only sounds like one of its other names
        fuzzy = match == "skeleton" and skeleton(text) == skeleton(name)
        if match not in ("exact", "folded", "alias") and not fuzzy or not text or text.isupper() and len(text) > 3 \
                or "\n" in text or name in out:
            continue
        words = text.split()
        if len(words) > 1 and fold(words[-1]) in _DIVISION_WORDS:
            text = " ".join(words[:-1])  # "Saladin province": the governorate is "Saladin"
        # the same letters as GeoNames' name: GeoNames' case without its diacritics ("the Dnipro
        # river"), but the apostrophe the press writes and ascii_name drops ("Dar'a" for Dar‘ā)
        same = fold(text) == fold(name)
        out[name] = text if not same or "'" in text and text.isascii() and text[:1].isupper() \
            and not text.isupper() else ascii_name(name)
    return out


def capital_of(name: str, country_code: str | None, namesakes: Iterable[Candidate]) -> Candidate | None:
    """The capital a first-level division is named after, where the press knows the division
    by its capital's English name ("Ḩalab": Aleppo; "Dayr az Zawr": Deir ez-Zor), or None.

    `namesakes`: the index's candidates for the division's name. The capital must be a city
    of that division that the division's name is another name of, that holds all its weight
    (the index ranks such a division by its capital, build.py) and a large town, so that a
    division is not written as a small town that only shares its name ("Samangan" is not
    "Aibak"); and not the division's name with more words ("New York City")."""
    cands = list(namesakes)
    own = next((c for c in cands if c.feature == "admin1" and c.country_code == country_code and c.name == name), None)
    if own is None:
        return None
    plain = fold(ascii_name(name))
    for c in sorted(cands, key=lambda c: -c.population):
        if c.feature == "city" and not c.village and c.country_code == country_code and c.admin1 == name \
                and c.match == "alias" and c.name.isascii() and c.population >= 100_000 \
                and c.population >= own.population and plain not in fold(c.name):
            return c
    return None


def division_name(name: str, country_code: str | None, namesakes: Iterable[Candidate]) -> str:
    """How the press writes a first-level division that GeoNames names in transliteration:
    by its capital's English name where it is known by its capital (capital_of: "Ḩalab" ->
    "Aleppo", "Ḩimş" -> "Homs", "‘Adan" -> "Aden"); else the division's name without
    diacritics ("Şalāḩ ad Dīn" -> "Salah ad Din"). A Latin-script name stays as it is:
    "Bahia" is not "Salvador", though the city once bore the name."""
    plain = ascii_name(name)
    if not _transliterated(name):
        return plain
    capital = capital_of(name, country_code, namesakes)
    return capital.name if capital is not None else plain
