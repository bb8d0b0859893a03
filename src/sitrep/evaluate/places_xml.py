"""Reading place-mention gold: GeoWebNews XML (and LGL's), into GoldArticle records.

GeoWebNews (Gritta et al. 2019): each ``<article>`` holds ``<text>`` and ``<toponyms>``; every
``<toponym>`` has a ``<type>``, offsets ``<start>``/``<end>``, ``<extractedName>`` and (for
toponyms) ``<geonamesID>``, ``<latitude>``, ``<longitude>``.  LGL (Lieberman et al. 2010): a
``<toponym>`` with no ``<type>`` holds ``<phrase>`` and ``<gaztag geonameid=...>`` with
``<lat>``/``<lon>``, and counts as a Literal toponym.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..errors import InputError

__all__ = ["LOCATIONAL", "NON_LOCATIONAL_TOPONYMS", "NOT_TOPONYMS", "KM_161", "MAX_KM", "GoldSpan",
           "GoldArticle", "Mention", "parse_gwn", "load_places"]

LOCATIONAL = ("Literal", "Mixed", "Literal_Modifier", "Coercion", "Embedded_Literal")
NON_LOCATIONAL_TOPONYMS = ("Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit", "Demonym",
                           "Language", "Homonym")
NOT_TOPONYMS = ("Non_Toponym", "Literal_Expression", "Non_Lit_Expression")
KM_161 = 161.0
MAX_KM = 20039.0  # half the Earth's circumference: the error of a missing answer


# --- reading ------------------------------------------------------------------------

@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    text: str  # the annotated extractedName
    type: str
    modifier: str | None = None
    name: str | None = None  # normalisedName, when given
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    aligned: bool = True  # text[start:end] == extractedName

    @property
    def locational(self) -> bool:
        return self.type in LOCATIONAL

    @property
    def coords(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    spans: tuple[GoldSpan, ...]
    title: str | None = None

    @property
    def gold(self) -> list[GoldSpan]:
        return [s for s in self.spans if s.locational]


class Mention(Protocol):
    """What the scorer reads of a prediction: sitrep.models.PlaceMention fits."""

    start: int
    end: int
    text: str
    name: str | None
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    feature: str | None
    country_code: str | None
    role: str


def _num(s: str | None, kind: type) -> Any:
    s = (s or "").strip()
    if not s:
        return None
    try:
        return kind(s)
    except ValueError:
        return None


def _span(tp: ET.Element, text: str) -> GoldSpan:
    start, end = int(tp.findtext("start") or ""), int(tp.findtext("end") or "")
    if tp.find("type") is None and (tp.find("gaztag") is not None or tp.find("phrase") is not None):
        # LGL: every toponym is a location; the gazetteer entry is a <gaztag geonameid=...>
        gaz = tp.find("gaztag")
        phrase = tp.findtext("phrase") or ""
        return GoldSpan(
            start=start, end=end, text=phrase, type="Literal",
            name=((gaz.findtext("name") or "").strip() or None) if gaz is not None else None,
            geonameid=_num(gaz.get("geonameid"), int) if gaz is not None else None,
            latitude=_num(gaz.findtext("lat"), float) if gaz is not None else None,
            longitude=_num(gaz.findtext("lon"), float) if gaz is not None else None,
            aligned=text[start:end] == phrase)
    extracted = tp.findtext("extractedName") or ""
    return GoldSpan(
        start=start, end=end, text=extracted, type=(tp.findtext("type") or "").strip(),
        modifier=(tp.findtext("modifierType") or "").strip() or None,
        name=(tp.findtext("normalisedName") or "").strip() or None,
        geonameid=_num(tp.findtext("geonamesID"), int),
        latitude=_num(tp.findtext("latitude"), float),
        longitude=_num(tp.findtext("longitude"), float),
        aligned=text[start:end] == extracted)


def parse_gwn(source: str | Path) -> list[GoldArticle]:
    """The articles of a GeoWebNews (or LGL) XML path, or of the XML itself when it starts with '<'.

    Raises ValueError (a toponym without integer offsets) or ET.ParseError (not XML).
    """
    if isinstance(source, str) and source.lstrip().startswith("<"):
        root = ET.fromstring(source)
    else:
        root = ET.parse(source).getroot()
    out = []
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        spans = sorted((_span(tp, text) for tp in art.iter("toponym")), key=lambda s: (s.start, s.end))
        out.append(GoldArticle(id=art.get("file") or art.get("docid") or str(i), text=text,
                               spans=tuple(spans), title=art.findtext("title")))
    return out


def load_places(path: str | Path) -> list[GoldArticle]:
    """parse_gwn on a file; InputError names the file when it cannot be read or parsed."""
    try:
        articles = parse_gwn(Path(path))
    except FileNotFoundError:
        raise InputError("places file not found", str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read the places file: {exc.strerror or exc}", str(path)) from exc
    except ET.ParseError as exc:
        raise InputError(f"not XML: {exc}", str(path)) from exc
    except ValueError as exc:
        raise InputError(f"a toponym without integer <start>/<end>: {exc}", str(path)) from exc
    if not articles:
        raise InputError("no <article> to score", str(path))
    return articles
