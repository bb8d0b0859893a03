"""sitrep's errors, one tree.  The CLI (and later the web app) turn them into messages.

    SitrepError
    ├── InputError          an article could not be read (names the file and line)
    ├── ModelMissingError   the spaCy model is not installed
    ├── GazetteerError      the place index could not be built or opened
    ├── StorageError        the database could not be opened or migrated
    └── EngineError         the Dask engine is not installed or its cluster cannot be reached
"""

from __future__ import annotations

__all__ = ["SitrepError", "InputError", "ModelMissingError", "GazetteerError", "StorageError", "EngineError"]


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""

    code = "E000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InputError(SitrepError):
    """One input could not be read; `source` names the file, `line` the line if known."""

    code = "E001"

    def __init__(self, message: str, source: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


class ModelMissingError(SitrepError):
    code = "E002"


class GazetteerError(SitrepError):
    code = "E003"


class StorageError(SitrepError):
    code = "E004"


class EngineError(SitrepError):
    code = "E005"
