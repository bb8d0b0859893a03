"""Progress of a long run, on standard error: a bar while it runs, one line when it ends.

Shown only when standard error is a terminal (a person is watching) and not silenced with
--quiet; piped or redirected, a run prints nothing of it, so logs and scripts see only
the errors.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """Articles done, events found and the rate; `close()` prints the summary line."""

    def __init__(self, quiet: bool = False, stream: TextIO | None = None, what: str = "articles") -> None:
        self.stream = stream or sys.stderr
        self.shown = not quiet and self.stream.isatty()
        self.articles = self.events = self.errors = 0
        self.what = what
        self.start = time.perf_counter()
        self._bar = None
        if self.shown:
            from tqdm import tqdm  # type: ignore[import-untyped]  # tqdm ships no type hints

            self._bar = tqdm(file=self.stream, unit=" art", dynamic_ncols=True, leave=False,
                             desc="sitrep", smoothing=0.1)

    def article(self, events: int) -> None:
        """One more article done, with its events."""
        self.articles += 1
        self.events += events
        if self._bar is not None:
            self._bar.set_postfix_str(f"{self.events} events", refresh=False)
            self._bar.update(1)

    def error(self, message: str) -> None:
        """An input that failed: its message goes above the bar, not through it."""
        self.errors += 1
        if self._bar is not None:
            self._bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream)

    def summary(self) -> str:
        seconds = time.perf_counter() - self.start
        rate = self.articles / seconds if seconds > 0 else 0.0
        failed = f", {self.errors} failed" if self.errors else ""
        return (f"sitrep: {self.articles} {self.what}, {self.events} events{failed} in {seconds:.1f} s "
                f"({rate:.2f} {self.what}/s)")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        if self.shown:
            print(self.summary(), file=self.stream)
