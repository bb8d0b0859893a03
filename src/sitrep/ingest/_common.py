"""Helpers every reader shares: strict decoding and date normalisation.

Kept apart from the readers so that each format module stays a few lines long
and all of them report bad bytes and bad dates the same way.
"""

from __future__ import annotations

from datetime import date, datetime

from sitrep.errors import InputError


def decode(data: bytes, source: str, line: int | None = None, encoding: str = "utf-8") -> str:
    """Bytes -> text, or InputError for binary / undecodable input.

    A NUL byte never occurs in text, so it is our "this is a binary file" test.
    A UTF-8 byte-order mark is dropped (utf-8-sig) so it cannot shift offsets.
    Newlines are normalised to "\\n" as Python's text mode would, because the
    offsets later stages compute index into this string.
    """
    nul = data.find(b"\x00")
    if nul >= 0:
        at = line if line is not None else data.count(b"\n", 0, nul) + 1
        raise InputError("binary file (contains NUL bytes), not text", source, at)
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        at = line if line is not None else data.count(b"\n", 0, err.start) + 1
        name = "UTF-8" if codec == "utf-8-sig" else encoding
        raise InputError(f"invalid {name} (byte {err.start})", source, at) from None
    except LookupError:
        raise InputError(f"unknown character encoding {encoding!r}", source, line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalise_date(value: object, source: str, line: int | None = None) -> str | None:
    """A published value -> 'YYYY-MM-DD' (None stays None).

    Accepts plain ISO dates and ISO datetimes (2024-12-06T10:00:00Z).  The date
    is taken as written, not shifted to UTC: it is the outlet's own dateline.
    """
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"bad published date {value!r} (want YYYY-MM-DD)", source, line)
    v = value.strip()
    try:
        return date.fromisoformat(v).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(v).date().isoformat()
    except ValueError:
        raise InputError(f"bad published date {value!r} (want YYYY-MM-DD)", source, line) from None


def stem(path: str) -> str:
    """The id a file gives its article: its name without the (last) extension."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
