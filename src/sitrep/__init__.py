"""sitrep: news reports of armed conflict in, a structured, geocoded, sourced event record out.

    >>> import sitrep
    >>> events = sitrep.extract(text, published="2024-12-06")
    >>> df = sitrep.to_dataframe(events)   # needs pandas
    >>> mentions = sitrep.toponyms(text)    # place mentions

(The API names differ from the subpackages on purpose: importing `sitrep.places`
would otherwise replace a function called `sitrep.places`.)

Nothing heavy happens at import: the spaCy model and the place index load on first use.
"""

from .api import extract, to_dataframe, toponyms
from .errors import GazetteerError, InputError, ModelMissingError, SitrepError, StorageError
from .models import Actor, Article, Event, Location, PlaceMention

__version__ = "0.1.0"
__all__ = ["extract", "toponyms", "to_dataframe", "Actor", "Article", "Event", "Location",
           "PlaceMention", "SitrepError", "InputError", "ModelMissingError", "GazetteerError",
           "StorageError", "__version__"]
