"""Processing a batch: read, parse, extract, store; one bad article never stops the rest."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from .errors import InputError, SitrepError
from .extraction import Resources, extract_with_statements
from .models import Article, ControlStatement, Event, PlaceMention
from .nlp.long import parse

if TYPE_CHECKING:
    from .distributed import DaskEngine, DaskRun

__all__ = ["MAX_CHARS", "IngestReport", "Result", "RunReport", "extract_batch", "ingest", "load_resources", "process"]

# The longest text sitrep reads (20 million characters, some 3 million words): far above any
# real article, so that only the absurd (a data dump, a mis-read binary) is turned away.
# Anything up to it is parsed, in pieces when over the model's limit (nlp.long).
MAX_CHARS = 20_000_000


@dataclass
class RunReport:
    """What a batch did: counts, and every error with the input it came from."""

    articles: int = 0
    new_articles: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.errors)


def load_resources(extra_actors: str | None = None, gazetteer_path: str | None = None) -> Resources:
    """The model, gazetteer, actor KB and lexicon, built once per process."""
    from .actors.kb import load_kb
    from .events import dates
    from .events.lexicon import load_lexicon
    from .nlp import build_nlp
    from .places.gazetteer import Gazetteer

    dates.prepare()
    return Resources(nlp=build_nlp(extra_actors), gazetteer=Gazetteer.open(gazetteer_path),
                     kb=load_kb(extra_actors), lexicon=load_lexicon())


def _parsed(nlp: Language, batch: list[Article]) -> Iterator[Doc]:
    """Each article's Doc, in order: texts within the model's limit parsed together,
    a longer one in pieces (nlp.long)."""
    short = iter(nlp.pipe([a.text for a in batch if len(a.text) <= nlp.max_length], batch_size=4))
    for art in batch:
        yield next(short) if len(art.text) <= nlp.max_length else parse(nlp, art.text)


Result = tuple[Article, list[Event], list[PlaceMention]]
# what extraction hands to the store: a Result and the article's statements of control
Extracted = tuple[Article, list[Event], list[PlaceMention], list[ControlStatement]]


def extract_batch(batch: list[Article], res: Resources) -> list[Extracted | str]:
    """Each article's events, place mentions and statements of control, or the error (a message
    naming it) it met."""
    out: list[Extracted | str] = []
    for art, doc in zip(batch, _parsed(res.nlp, batch), strict=True):
        try:
            events, mentions, statements = extract_with_statements(art, res, doc)
        except SitrepError as exc:
            out.append(f"{art.source or art.id}: {exc}")
            continue
        except Exception as exc:  # a bug on one article must not cost the batch
            out.append(f"{art.source or art.id}: internal error: {type(exc).__name__}: {exc}")
            continue
        out.append((art, events, mentions, statements))
    return out


def process(items: Iterable[Article | InputError], res: Resources | None, store=None,
            on_error: Callable[[str], None] | None = None, max_chars: int = MAX_CHARS,
            workers: int = 1, extra_actors: str | None = None, dask: DaskEngine | DaskRun | None = None
            ) -> Iterator[Result]:
    """Extract each article (and store it, when a store is given); yields results in input order.

    Errors (unreadable inputs, or an article that fails) go to `on_error` and the batch goes on.
    Articles are parsed with `nlp.pipe` in small batches, which is faster than one by one.
    An article longer than `max_chars` characters is refused (an error naming it).
    With `workers` > 1 the articles are extracted in that many processes (each loads its own
    model, with `extra_actors`; `res` may then be None); results are the same, in the same order.
    With `dask`, the articles are extracted on a Dask cluster in partitions (sitrep.distributed;
    `workers` and `extra_actors` are then the engine's), again with the same results in order;
    given a DaskRun rather than its engine, the caller can read the workers' memory after.
    """
    report_error = on_error or (lambda msg: print(msg, file=sys.stderr))
    # small batches: the parser's memory grows with the batch (16 peaks near 350 MB, 4 near 230 MB);
    # a Dask partition is parsed 4 at a time too (extract_batch), only handed over whole
    run = None
    if dask is not None:
        from .distributed import DaskRun

        run = dask if isinstance(dask, DaskRun) else DaskRun(dask)
    size = run.engine.partition_size if run is not None else 16 if workers == 1 else 4
    batches = _batches(items, report_error, max_chars, size)
    outcomes: Iterable[list[Extracted | str]]
    if run is not None:
        outcomes = run.partitions(batches)
    elif workers > 1:
        outcomes = _in_workers(batches, workers, extra_actors)
    else:
        if res is None:
            raise ValueError("process needs the resources when it runs in one process")
        outcomes = (extract_batch(b, res) for b in batches)
    for outcome in outcomes:
        for r in outcome:
            if isinstance(r, str):
                report_error(r)
                continue
            art, events, mentions, statements = r
            if store is not None:
                try:
                    store.save(art, events, mentions, statements)
                except SitrepError as exc:
                    report_error(f"{art.source or art.id}: {exc}")
                    continue
                except Exception as exc:  # one article the database refuses must not cost the batch
                    report_error(f"{art.source or art.id}: internal error: {type(exc).__name__}: {exc}")
                    continue
            yield art, events, mentions


def _batches(items: Iterable[Article | InputError], report_error: Callable[[str], None], max_chars: int,
             size: int) -> Iterator[list[Article]]:
    """The readable articles, `size` at a time; unreadable and absurdly long inputs reported."""
    batch: list[Article] = []
    for item in items:
        if isinstance(item, InputError):
            report_error(str(item))
            continue
        if len(item.text) > max_chars:
            report_error(f"{item.source or item.id}: [{InputError.code}] text of {len(item.text):,} characters "
                         f"is over the limit of {max_chars:,} (--max-chars); not processed")
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# --- several processes on one machine ----------------------------------------------------

_worker_res: Resources | None = None


def _init_worker(extra_actors: str | None) -> None:
    global _worker_res
    _worker_res = load_resources(extra_actors)


def _work(batch: list[Article]) -> list[Extracted | str]:
    assert _worker_res is not None, "worker started without its resources"
    return extract_batch(batch, _worker_res)


def _in_workers(batches: Iterator[list[Article]], workers: int, extra_actors: str | None
                ) -> Iterator[list[Extracted | str]]:
    """Batches extracted by `workers` processes, results in input order.  A few batches per
    worker are in flight at a time, so memory stays bounded however long the input."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from .places.gazetteer import Gazetteer

    with Gazetteer.open():  # build the place index here, once, not in every worker at the same time
        pass
    # spawn, not fork: a worker starts clean and loads its own model, on every platform
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_init_worker, initargs=(extra_actors,)) as pool:
        pending: deque[tuple[list[Article], Future]] = deque()

        def done() -> list[Extracted | str]:
            batch, fut = pending.popleft()
            try:
                return fut.result()
            except BrokenProcessPool as exc:  # a worker died (killed, out of memory): say which articles
                return [f"{a.source or a.id}: internal error: worker process died ({exc})" for a in batch]

        for batch in batches:
            pending.append((batch, pool.submit(_work, batch)))
            if len(pending) >= 2 * workers:
                yield done()
        while pending:
            yield done()


@dataclass
class IngestReport:
    """What `ingest` did: articles read, skipped as already stored, added, events added, errors."""

    read: int = 0
    already_stored: int = 0
    added: int = 0
    events: int = 0
    fused: int = 0
    errors: list[str] = field(default_factory=list)


def ingest(items: Iterable[Article | InputError], store, res_loader: Callable[[], Resources] = load_resources,
           on_error: Callable[[str], None] | None = None, workers: int = 1, extra_actors: str | None = None,
           dask: DaskEngine | DaskRun | None = None,
           on_article: Callable[[int], None] | None = None) -> IngestReport:
    """Add new articles and their events to the store, then re-fuse if anything was added.
    `on_article` is told the number of events of each article stored (a progress display).

    An article whose text is already stored is recognised by its content hash before it is
    parsed, so a second run over the same input neither parses nor changes anything; the model
    is not even loaded when every article is known.  With `workers` > 1 or `dask` the new
    articles are extracted elsewhere (see `process`; each worker loads its own model, with
    `extra_actors`) and stored here, by this process alone, in input order: the same database.
    """
    from .fusion import fuse_store
    from .storage import content_hash

    report = IngestReport()

    def error(msg: str) -> None:
        report.errors.append(msg)
        (on_error or (lambda m: print(m, file=sys.stderr)))(msg)

    def new_articles() -> Iterator[Article | InputError]:
        seen: set[str] = set()  # the same text twice in one run is parsed once
        for item in items:
            if isinstance(item, Article):
                report.read += 1
                digest = content_hash(item.text)
                if digest in seen or store.has_content(digest):
                    report.already_stored += 1
                    continue
                seen.add(digest)
            yield item

    pending = new_articles()
    first: Article | None = None
    for item in pending:  # unreadable inputs before the first new article need no model
        if isinstance(item, InputError):
            error(str(item))
            continue
        first = item
        break
    if first is None:
        return report
    res = res_loader() if workers == 1 and dask is None else None  # else each worker loads its own
    for _article, events, _ in process(_chain(first, pending), res, store, error, workers=workers,
                                       extra_actors=extra_actors, dask=dask):
        report.added += 1
        report.events += len(events)
        if on_article is not None:
            on_article(len(events))
    if report.added:
        report.fused = len(fuse_store(store))
    return report


def _chain(first: Article, rest: Iterator[Article | InputError]) -> Iterator[Article | InputError]:
    yield first
    yield from rest
