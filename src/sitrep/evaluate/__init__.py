"""Scoring sitrep on gold data: the user's own (``sitrep eval``) and the team's benchmarks.

One module per gold format, each with the same entry point, ``evaluate(...)``, which reads
the gold, runs sitrep in-process (or reads a saved JSONL output instead) and returns an
evaluation whose ``report()`` is the compact text ``sitrep eval`` prints:

    gold          sitrep's gold JSON: hand-annotated events of one article, by paragraph
    acled         an ACLED CSV: sitrep reads each row's ``notes``, scored on ACLED's coding
    acled_score   the ACLED pairing, checks and metrics
    places        GeoWebNews/LGL XML place-mention gold: sitrep's geoparser, tagging and resolution
    common        distances, one-to-one assignment, reading JSON lines

A new format (a geoparsing gold, say) is a new module with its own ``evaluate`` and
``report``, and one more option of ``sitrep eval`` in ``cli.py``.  Unreadable inputs raise
:class:`~sitrep.errors.InputError`.  Nothing here imports ``benchmarks/``: the benchmarks
import their scoring from here and keep only their own printing.
"""

from __future__ import annotations

from .acled import AcledEvaluation
from .acled import evaluate as evaluate_acled
from .acled_score import AcledScore
from .gold import GoldEvaluation, GoldScore, load_gold
from .gold import evaluate as evaluate_gold
from .places import PlacesEvaluation
from .places import evaluate as evaluate_places

__all__ = [
    "evaluate_gold",
    "evaluate_acled",
    "evaluate_places",
    "load_gold",
    "GoldEvaluation",
    "GoldScore",
    "AcledEvaluation",
    "AcledScore",
    "PlacesEvaluation",
]
