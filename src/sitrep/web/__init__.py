"""`sitrep serve`: the HTTP API and the offline web map over a sitrep database.

Nothing in the core imports this package; it imports the core (storage, control, report).
The page's browser libraries and base-layer data come from npm (see web/package.json) and
are copied into static/vendor by `make setup`.
"""

from __future__ import annotations

from .app import DEFAULT_MAX_UPLOAD, create_app

__all__ = ["create_app", "DEFAULT_MAX_UPLOAD"]
