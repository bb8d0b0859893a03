"""Helpers of the web tests: the demo corpus ingested into a real database, a real uvicorn on loopback."""

from __future__ import annotations

import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

DEMO = Path(str(resources.files("sitrep.demo").joinpath("articles")))


def ingest_demo(res, db: Path) -> Path:
    """The 23 sample reports ingested and fused into `db`, as `sitrep ingest` does it."""
    from sitrep.ingest import read
    from sitrep.pipeline import ingest
    from sitrep.storage import Store

    with Store(db) as store:
        run = ingest(read(sorted(str(p) for p in DEMO.glob("*.txt"))), store, lambda: res, lambda msg: None)
    assert run.added == 23 and not run.errors, run.errors
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db: Path, **options) -> Iterator[str]:
    """`sitrep serve`'s app over `db` in a real uvicorn server on a free loopback port; yields its base URL."""
    import uvicorn

    from sitrep.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, **options), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(10)


def get(url: str, data: bytes | None = None, headers: dict[str, str] | None = None):
    """(status, headers, body bytes) of a request; an HTTP error status is returned, not raised."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method="POST" if data is not None else "GET")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()
