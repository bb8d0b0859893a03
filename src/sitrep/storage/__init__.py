"""sitrep's SQLite store: articles deduplicated by content, their events and place mentions."""

from sitrep.storage.migrations import latest_version
from sitrep.storage.store import Store, content_hash, default_db_path

__all__ = ["Store", "content_hash", "default_db_path", "latest_version"]
