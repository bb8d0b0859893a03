"""Processing a batch: read, parse, extract, store; one bad article never stops the rest."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .errors import InputError, SitrepError
from .extraction import Resources, extract_article
from .models import Article, Event, PlaceMention

__all__ = ["RunReport", "load_resources", "process", "ingest", "IngestReport"]


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
    from .events.lexicon import load_lexicon
    from .nlp import build_nlp
    from .places.gazetteer import Gazetteer

    return Resources(nlp=build_nlp(extra_actors), gazetteer=Gazetteer.open(gazetteer_path),
                     kb=load_kb(extra_actors), lexicon=load_lexicon())


def process(items: Iterable[Article | InputError], res: Resources, store=None,
            on_error: Callable[[str], None] | None = None,
            ) -> Iterator[tuple[Article, list[Event], list[PlaceMention]]]:
    """Extract each article (and store it, when a store is given); yields results in input order.

    Errors (unreadable inputs, or an article that fails) go to `on_error` and the batch goes on.
    Articles are parsed with `nlp.pipe` in small batches, which is faster than one by one.
    """
    report_error = on_error or (lambda msg: print(msg, file=sys.stderr))
    batch: list[Article] = []

    def flush() -> Iterator[tuple[Article, list[Event], list[PlaceMention]]]:
        # small batches: the parser's memory grows with the batch (16 peaks near 350 MB, 4 near 230 MB)
        docs = res.nlp.pipe([a.text for a in batch], batch_size=4)
        for art, doc in zip(batch, docs, strict=True):
            try:
                events, mentions = extract_article(art, res, doc)
                if store is not None:
                    store.save(art, events, mentions)
            except SitrepError as exc:
                report_error(f"{art.source or art.id}: {exc}")
                continue
            except Exception as exc:  # a bug on one article must not cost the batch
                report_error(f"{art.source or art.id}: internal error: {type(exc).__name__}: {exc}")
                continue
            yield art, events, mentions
        batch.clear()

    for item in items:
        if isinstance(item, InputError):
            report_error(str(item))
            continue
        batch.append(item)
        if len(batch) >= 16:
            yield from flush()
    if batch:
        yield from flush()


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
           on_error: Callable[[str], None] | None = None) -> IngestReport:
    """Add new articles and their events to the store, then re-fuse if anything was added.

    An article whose text is already stored is recognised by its content hash before it is
    parsed, so a second run over the same input neither parses nor changes anything; the model
    is not even loaded when every article is known.
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
    res = res_loader()
    for _article, events, _ in process(_chain(first, pending), res, store, error):
        report.added += 1
        report.events += len(events)
    if report.added:
        report.fused = len(fuse_store(store))
    return report


def _chain(first: Article, rest: Iterator[Article | InputError]) -> Iterator[Article | InputError]:
    yield first
    yield from rest
