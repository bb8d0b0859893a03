"""Scaling out: `ingest --workers 2` and `--engine dask` (a real 2-worker LocalCluster of processes,
and a real scheduler and worker on loopback) store and print what one process does; a rerun skips
what is stored; an unreadable file is named and the rest goes on.  Real model, real SQLite files,
the real CLI in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from sitrep.ingest import read
from sitrep.pipeline import ingest
from sitrep.storage import Store

DEMO = Path(str(resources.files("sitrep.demo").joinpath("articles")))
BROKEN = "z-broken.jsonl"


def _without_ids(value):
    """A stored record with its ids left out: what was found, not the keys it was filed under."""
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k not in ("id", "event_id")}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def _stored(db: Path) -> tuple[list[dict], list[dict], dict[str, int]]:
    with Store(db) as store:
        events = [_without_ids(e.to_dict()) for e in store.events()]
        fused = [_without_ids(f) for f in store.clusters()]
        return events, fused, store.counts()


def _sitrep(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    return subprocess.run([sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, env=env,
                          check=False)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Four demo reports (events, places, several sources for fusion) and a file that cannot be read."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(DEMO.glob("*.txt"))[:4]:
        shutil.copy(path, folder / path.name)
    (folder / BROKEN).write_text('{"id": "cut-off", "text": "the line ends before the string does\n',
                                 encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def one_process(res, corpus, tmp_path_factory):
    """What a run in one process stores (the session's model, in this process)."""
    db = tmp_path_factory.mktemp("one") / "one.db"
    errors: list[str] = []
    with Store(db) as store:
        report = ingest(read([corpus]), store, lambda: res, errors.append)
    assert report.added == 4 and len(errors) == 1 and BROKEN in errors[0]
    return _stored(db)


def _check_run(done: subprocess.CompletedProcess, db: Path, one_process) -> None:
    assert done.returncode == 1, done.stderr  # the broken file failed; the others were stored
    assert f"{BROKEN}:1:" in done.stderr
    assert "4 added" in done.stderr
    events, fused, counts = _stored(db)
    assert len(events) > 10
    assert (events, fused, counts) == one_process


def test_dask_local_cluster_stores_what_one_process_stores_and_a_rerun_skips_it(corpus, one_process, tmp_path):
    db = tmp_path / "dask.db"
    # one article a partition, so both workers get some of them
    done = _sitrep("ingest", str(corpus), "--db", str(db), "--engine", "dask", "--workers", "2",
                   "--partition-size", "1")
    _check_run(done, db, one_process)
    again = _sitrep("ingest", str(corpus), "--db", str(db), "--engine", "dask", "--workers", "2")
    assert again.returncode == 1 and f"{BROKEN}:1:" in again.stderr
    assert "0 added with 0 events, 4 already stored" in again.stderr
    assert _stored(db) == one_process


def test_ingest_with_two_worker_processes_stores_what_one_process_stores(corpus, one_process, tmp_path):
    db = tmp_path / "two.db"
    _check_run(_sitrep("ingest", str(corpus), "--db", str(db), "--workers", "2"), db, one_process)


@pytest.fixture
def loopback_cluster():
    """A real Dask cluster on loopback, as on several hosts: `dask scheduler` and one `dask worker`."""
    import socket

    with socket.socket() as s:  # a free port for the scheduler
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    dask = Path(sys.executable).parent / "dask"
    procs = [subprocess.Popen([str(dask), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    procs.append(subprocess.Popen([str(dask), "worker", address, "--nworkers", "1", "--nthreads", "1",
                                   "--no-dashboard"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    yield address
    for proc in reversed(procs):  # the worker first, then its scheduler
        proc.terminate()
        proc.wait(timeout=30)


def test_extract_on_a_cluster_at_an_address_prints_what_one_process_prints(corpus, tmp_path, loopback_cluster):
    reports = [str(p) for p in sorted(corpus.glob("*.txt"))[:2]]
    one = _sitrep("extract", *reports, "--db", str(tmp_path / "one.db"), "--min-confidence", "0")
    two = _sitrep("extract", *reports, "--db", str(tmp_path / "two.db"), "--min-confidence", "0",
                  "--engine", "dask", "--scheduler", loopback_cluster, "--partition-size", "1")
    assert one.returncode == two.returncode == 0, two.stderr
    assert len(one.stdout.splitlines()) > 3
    assert [json.loads(line) for line in two.stdout.splitlines()] == [json.loads(line) for line in one.stdout.splitlines()]


def test_dask_options_without_the_dask_engine_are_usage_errors(tmp_path):
    done = _sitrep("ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--scheduler", "tcp://127.0.0.1:1")
    assert done.returncode == 2 and "--engine dask" in done.stderr


def test_an_unreachable_scheduler_is_named_and_nothing_is_stored(corpus, tmp_path):
    """A closed port on loopback: an EngineError naming the address, before anything is stored."""
    import socket

    from sitrep.distributed import DaskEngine
    from sitrep.errors import EngineError

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    with Store(tmp_path / "x.db") as store:
        with pytest.raises(EngineError, match=address):
            ingest(read([corpus]), store, on_error=lambda msg: None,
                   dask=DaskEngine(scheduler=address, connect_timeout="1s"))
        assert store.counts()["articles"] == 0
