"""Views of a parsed Doc whose cost does not grow with the whole document.

spaCy builds `Doc.text` by joining every token on each access, and `Span.ents` (a
sentence's entities) by building a Span for every entity of the document, then filtering.
Called once per sentence or per trigger, both make extraction quadratic in the length of
the text (a 200 KB report ran at 270 words a second).  These helpers give the same
answers at the cost of the text once (`doc_text`) or of the span itself (`ents_between`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["doc_text", "ents_between", "sent_ents"]

_TEXT = "sitrep.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc (a Doc's text never changes)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def ents_between(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities of `doc` lying wholly within tokens [start, end), in order: what
    `[e for e in doc.ents if e.start >= start and e.end <= end]` gives, read off the
    tokens' IOB tags (the same tags `Doc.ents` reads) of the range and one token beyond."""
    out: list[Span] = []
    begin = -1  # where the entity being read started; -1 when none
    label = kb_id = ent_id = 0
    end = min(end, len(doc))
    for i in range(start, end + 1):  # one token beyond: does the last entity end in time?
        iob = doc[i].ent_iob if i < len(doc) else 2  # past the document: outside
        if iob == 1:  # inside: the entity goes on (one begun before `start` is never taken)
            if i == end:
                break  # it runs on past `end`: not wholly within
            continue
        if begin != -1 and label:
            out.append(Span(doc, begin, i, label=label, kb_id=kb_id, span_id=ent_id))
        begin = -1
        if i == end:
            break
        tok = doc[i]
        if iob == 3 and tok.ent_type:  # begins an entity
            begin, label, kb_id, ent_id = i, tok.ent_type, tok.ent_kb_id, tok.ent_id
    return out


def sent_ents(sent: Span) -> list[Span]:
    """`sent.ents` (entities wholly inside the span), at the span's cost, not the document's."""
    return ents_between(sent.doc, sent.start, sent.end)
