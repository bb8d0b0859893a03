"""Texts longer than the model takes at once: parsed in pieces, joined into one Doc.

spaCy refuses a text over `nlp.max_length` characters (E088, 1,000,000 by default) because
its parser's memory grows with the text.  A long report is no reason to lose it: it is cut
at paragraph breaks (else at sentence ends, else at spaces) into pieces well under the
limit, each piece is parsed alone, and the pieces are joined back with `Doc.from_docs`.
The joined Doc's text is the article's text, character for character, so every offset an
event or a place mention carries indexes the whole article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["PIECE_CHARS", "parse", "pieces"]

# Pieces this long keep the parser's working memory small (it grows with the piece) while
# leaving each one whole paragraphs to read.
PIECE_CHARS = 100_000
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece that starts at `start` ends: after the last paragraph break within
    `limit` characters, else after the last sentence end, else after the last space."""
    end = start + limit
    if end >= len(text):
        return len(text)
    window = text[start:end]
    brk = window.rfind("\n")
    if brk > 0:
        return start + brk + 1
    sentence_end = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
    if sentence_end > 0:
        return start + sentence_end
    space = max(window.rfind(" "), window.rfind("\t"))
    return start + space + 1 if space > 0 else end  # one 'word' longer than a piece: cut it


def pieces(text: str, limit: int = PIECE_CHARS) -> Iterator[str]:
    """The text in consecutive pieces of at most `limit` characters that join back to it."""
    start = 0
    while start < len(text):
        end = _cut(text, start, limit)
        yield text[start:end]
        start = end


def parse(nlp: Language, text: str, piece_chars: int = PIECE_CHARS) -> Doc:
    """`nlp(text)`, for a text of any length: one over the model's limit is parsed in pieces."""
    if len(text) <= nlp.max_length:
        return nlp(text)
    docs = list(nlp.pipe(pieces(text, min(piece_chars, nlp.max_length)), batch_size=1))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # never expected: offsets would no longer index the article
        raise ValueError("a long text's pieces did not join back to it")
    return doc
