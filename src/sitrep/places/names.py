"""Name keys: the folded form every lookup uses, and the skeleton its fuzzy tier uses."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

__all__ = ["close_spelling", "fold", "loose_key", "skeleton", "skel_of_folded"]

# Arabic article transliterations dropped from the front of a name ("Al-Bukamal" ~ "Bukamal").
ARTICLES = frozenset("al el ad ar as ash az at an ed er es ez ul".split())
_APOSTROPHES = "'\u2019\u2018\u02bf\u02be`\u00b4\u02bb\u02bc\u2032\u02b9"
# Latin letters that NFKD does not decompose.
_LETTERS = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H",
            "ı": "i", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "ß": "ss"}
_PRE = str.maketrans({**{c: None for c in _APOSTROPHES}, **_LETTERS})
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NONWORD = re.compile(r"[\W_]+")
# Skeleton rewrites, in order: transliteration variants of one sound -> one spelling.
# Diphthongs first (Dayr/Deir -> der, Zawr/Zour -> zor), so that w and y left over are
# consonants (Suwayda/Sweida -> swd, not the much larger "sd" = Saida/Sidon).
_SKEL_SUBS = (("dzh", "j"), ("dj", "j"), ("kh", "h"), ("dh", "d"), ("th", "t"), ("gh", "g"),
              ("ph", "f"), ("ck", "k"), ("q", "k"), ("ou", "u"), ("ee", "i"), ("aw", "o"),
              ("ay", "e"), ("ey", "e"), ("ei", "e"))
_TA_MARBUTA = re.compile(r"(?<=[aeiou])h\b")  # Hamah/Hama, Talbiseh/Talbise
_VOWELS = re.compile("[aeiouy]")
# Abbreviated first words written both ways: "St. Croix County" / "Saint Croix County".
_HEADS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_DOUBLES = re.compile(r"(.)\1+")
# Loose key (loose_key): consonant digraphs of one sound -> one letter, as in the skeleton ...
_LOOSE_SUBS = (("dzh", "j"), ("dj", "j"), ("kh", "h"), ("dh", "d"), ("th", "t"), ("gh", "g"), ("ph", "f"),
               ("ck", "k"), ("q", "k"))
# ... the adjectival endings the press writes many ways (-iyah, -iya, -iyeh, -ieh, -iye, -yah) as one,
# and a final -ah/-eh as a bare vowel (Hasakeh, Hasakah, Hasaka)
_LOOSE_END = re.compile(r"(?:iy+[ae]h?|ie?h|iye|y+[ae]h|ia)$")
_LOOSE_TAIL = re.compile(r"(?<=[^aeiouy])[ae]h$")
# ... and every run of vowels as one vowel: ou/u, ei/ey/ay (Deir, Dayr, Dair), ee/i, aa/a
_VOWEL_RUN = re.compile(r"[aeiouy]+")
_Y_CONSONANT = re.compile(r"y(?=[aeiou])")


# fold() and close_spelling() are asked about the same few hundred names again and again
# (every candidate of every mention): each answer is worked out once per process
@lru_cache(maxsize=100_000)
def fold(name: str, strip_article: bool = False) -> str:
    """Lowercase, strip diacritics and apostrophes, punctuation -> space, "St" -> "saint"; optionally drop a leading article."""
    s = name.translate(_PRE)
    if not s.isascii():
        s = _MARKS.sub("", unicodedata.normalize("NFKD", s))
    s = _NONWORD.sub(" ", s.casefold()).strip()
    head, sp, rest = s.partition(" ")
    if rest and head in _HEADS:
        s = _HEADS[head] + sp + rest
    if strip_article:
        head, _, rest = s.partition(" ")
        if rest and head in ARTICLES:
            return rest
    return s


def skel_of_folded(folded: str) -> str:
    """skeleton() of an already folded name."""
    s = "".join(t for t in folded.split() if t not in ARTICLES) or folded.replace(" ", "")
    s = _TA_MARBUTA.sub("", s)
    for a, b in _SKEL_SUBS:
        s = s.replace(a, b)
    if not s:
        return ""
    head = "a" if s[0] in "aeiou" else s[0]  # Idlib/Edleb, Azaz/Izaz/Ezaz
    return _DOUBLES.sub(r"\1", head + _VOWELS.sub("", s[1:]))


@lru_cache(maxsize=100_000)
def loose_key(name: str) -> str:
    """A key for one name's transliterations that keeps where its vowels are, unlike the
    skeleton: articles, spaces, hyphens and apostrophes dropped, digraphs of one sound unified,
    the -iyah/-iyeh/-ieh endings and a final -ah/-eh made one, doubled letters single, each run
    of vowels one vowel. "Qalqiliyah" and "Qalqilyah", "Deir Hafer" and "Dayr Hafir", "Nabatiyeh"
    and "Nabatiye" share it; "Suwayda" and "Saida" do not (the skeleton tier joins those)."""
    words = fold(name).split()
    s = "".join(w for w in words if w not in ARTICLES) or "".join(words)
    for a, b in _LOOSE_SUBS:
        s = s.replace(a, b)
    s = _LOOSE_TAIL.sub("a", _LOOSE_END.sub("ia", _DOUBLES.sub(r"\1", s)))
    s = _Y_CONSONANT.sub("Y", s)  # "Kya", "Maya": a y before a vowel is a consonant
    return _VOWEL_RUN.sub("a", s[:1]) + _VOWEL_RUN.sub("a", s[1:])


def skeleton(name: str) -> str:
    """Fuzzy key: folded, articles and spaces dropped, variants unified, vowels after the first letter dropped."""
    return skel_of_folded(fold(name))


@lru_cache(maxsize=100_000)
def close_spelling(text: str, name: str, ratio: float = 0.75, min_len: int = 4) -> bool:
    """Whether `text` spells `name` another way: folded, articles dropped, at least `min_len`
    letters, the same first letter and a similarity of at least `ratio` ("Idleb" for Idlib)."""
    a, b = fold(text, True), fold(name, True)
    return len(a) >= min_len and a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= ratio
