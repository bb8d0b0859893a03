"""Extraction on a Dask cluster: a LocalCluster of processes, or an existing cluster by address.

The parent (the client) reads the input, splits it into partitions of articles and sends them
to the workers; each worker process loads the model once (a module-level cache, so every later
partition on that worker reuses it) and returns the partition's results as plain Python
records (the dataclasses of sitrep.models).  The parent stores them: the database is written
by one process only, in input order, so the results are those of a run in one process.

Only a few partitions per worker are in flight at a time: memory stays bounded however long
the input, on the workers and in the parent.

Dask is imported only when a run starts, so that `sitrep` itself never imports it.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import EngineError
from .models import Article

if TYPE_CHECKING:
    from .extraction import Resources
    from .pipeline import Extracted

__all__ = ["DEFAULT_PARTITION", "DaskEngine", "DaskRun", "PartitionResult", "extract_partition"]

# Articles per partition: enough that the scheduler's cost per task (a few milliseconds) is
# small beside the parse (a few hundred milliseconds an article), few enough that a partition's
# results stay small and the workers are kept evenly busy near the end of a run.
DEFAULT_PARTITION = 32


@dataclass(frozen=True)
class DaskEngine:
    """Where and how to run: `scheduler` is a cluster's address (tcp://HOST:8786); without one,
    a LocalCluster of `workers` processes (one thread each: spaCy's parse holds the GIL) is
    started for the run and stopped after it.  `extra_actors` is a YAML file of extra actors;
    on a cluster the path must be readable on every worker host.  `connect_timeout`: how long
    to try the scheduler's address before saying it cannot be reached."""

    scheduler: str | None = None
    workers: int = 2
    partition_size: int = DEFAULT_PARTITION
    extra_actors: str | None = None
    connect_timeout: str = "20s"


@dataclass
class PartitionResult:
    """One partition's results, in its articles' order (a result, or an error message naming
    the article), and the worker that made them with its peak resident memory so far."""

    outcomes: list[Extracted | str]
    worker: str
    peak_rss: int  # bytes


@dataclass
class DaskRun:
    """A run in progress: iterate `partitions()`; `peak_rss` holds each worker's peak resident
    memory (bytes) as its partitions reported it."""

    engine: DaskEngine
    peak_rss: dict[str, int] = field(default_factory=dict)
    partitions_done: int = 0

    def partitions(self, batches: Iterator[list[Article]]) -> Iterator[list[Extracted | str]]:
        """Each batch's results, in input order."""
        with _client(self.engine) as client:
            slots = _Slots(client)
            pending: deque[tuple[list[Article], Any]] = deque()
            for batch in batches:
                future = client.submit(extract_partition, batch, self.engine.extra_actors, pure=False)
                pending.append((batch, future))
                while len(pending) >= 2 * slots.count():  # a dropped future leaves the cluster's memory
                    yield self._done(pending.popleft())
            while pending:
                yield self._done(pending.popleft())

    def _done(self, item: tuple[list[Article], Any]) -> list[Extracted | str]:
        batch, future = item
        try:
            result: PartitionResult = future.result()
        except Exception as exc:  # a worker died or the cluster went away: name every article lost
            return [f"{a.source or a.id}: internal error: Dask partition failed ({type(exc).__name__}: {exc})"
                    for a in batch]
        self.partitions_done += 1
        self.peak_rss[result.worker] = max(self.peak_rss.get(result.worker, 0), result.peak_rss)
        return result.outcomes


class _Slots:
    """How many partitions the cluster runs at once (its workers' threads), asked again every few
    seconds: workers may join a cluster after the run has started, or leave it."""

    def __init__(self, client: Any, every: float = 5.0) -> None:
        self.client, self.every = client, every
        self.asked, self.threads = -every, 1

    def count(self) -> int:
        import time

        if time.monotonic() - self.asked >= self.every:
            self.threads = max(1, sum(self.client.nthreads().values()))
            self.asked = time.monotonic()
        return self.threads


class _client:
    """A Client on the engine's cluster, or on a LocalCluster started for it; both closed after."""

    def __init__(self, engine: DaskEngine) -> None:
        self.engine = engine
        self.cluster: Any = None
        self.client: Any = None

    def __enter__(self) -> Any:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise EngineError(f"--engine dask needs Dask: pip install 'dask[distributed]' ({exc})") from exc
        if self.engine.scheduler:
            try:
                self.client = Client(self.engine.scheduler, timeout=self.engine.connect_timeout)
            except (OSError, TimeoutError) as exc:
                raise EngineError(f"cannot reach the Dask scheduler at {self.engine.scheduler}: {exc}") from exc
            return self.client
        from .places.gazetteer import Gazetteer

        with Gazetteer.open():  # build the place index here, once, not in every worker at the same time
            pass
        # processes, one thread each: the parse holds the GIL; no dashboard (it needs bokeh and a port)
        self.cluster = LocalCluster(n_workers=self.engine.workers, threads_per_worker=1, processes=True,
                                    dashboard_address=None)
        self.client = Client(self.cluster)
        self.client.wait_for_workers(self.engine.workers)
        return self.client

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


# --- on the worker -----------------------------------------------------------------------

_resources: dict[str | None, Resources] = {}
_loading = threading.Lock()  # a worker with several threads loads the model once, not once per thread


def _worker_resources(extra_actors: str | None) -> Resources:
    with _loading:
        if extra_actors not in _resources:
            from .pipeline import load_resources

            _resources[extra_actors] = load_resources(extra_actors)
        return _resources[extra_actors]


def _peak_rss() -> int:
    """This process's peak resident memory in bytes (Linux reports kilobytes)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):  # not in a Dask worker (called directly)
        return f"pid {os.getpid()}"


def extract_partition(batch: list[Article], extra_actors: str | None = None) -> PartitionResult:
    """Runs on a worker: one partition's results, with the model loaded once per worker process."""
    from .pipeline import extract_batch

    outcomes = extract_batch(batch, _worker_resources(extra_actors))
    return PartitionResult(outcomes=outcomes, worker=_worker_name(), peak_rss=_peak_rss())
