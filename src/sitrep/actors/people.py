"""The people an article names, and whom each speaks for.

News introduces a person once with an office ("Hungary's foreign minister, Péter Szijjártó",
"the Turkish president, Recep Tayyip Erdoğan", "German Defence Minister X") and afterwards
writes the surname alone ("Szijjártó said"), the office alone ("the foreign minister
told reporters") or a pronoun ("he said").  A person who speaks for a state or an
organisation is coded as that actor (ACLED and PLOVER code the government, not the
minister), so `read_people` reads each introduction once per article and `People` answers
the later mentions: a name, an office, or "he"/"she" as the person last named, the subject
of the nearest sentence that names anyone first.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .context import ArticleActors, Resolution
from .vocab import BODIES, TITLES

__all__ = ["People", "read_people"]

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# how many sentences back "he" or "she" may reach for the person it stands for
PRONOUN_REACH = 3


@dataclass(frozen=True)
class Mention:
    """A person named (or an office-holder described) at token `i`, and whom they speak for."""

    i: int
    subject: bool
    depth: int  # clauses above it: the main clause's subject is the sentence's topic
    who: Resolution | None  # None: a person the article ties to no side ("Hareth, 24, from Afrin")


@dataclass
class People:
    """The persons of one article: names and offices to actors, and their mentions in order."""

    names: dict[str, Resolution] = field(default_factory=dict)
    offices: dict[str, list[tuple[int, Resolution]]] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    _clashing: set[str] = field(default_factory=set)

    def add_name(self, name: str, who: Resolution) -> None:
        """Register a name; a surname two people of different sides share names neither."""
        key = _key(name)
        if not key or key in self._clashing:
            return
        known = self.names.get(key)
        if known is not None and known.actor.name != who.actor.name:
            del self.names[key]
            self._clashing.add(key)
            return
        self.names[key] = who

    def lookup(self, name: str) -> Resolution | None:
        """The actor a person's name (whole, or the surname alone) stands for."""
        r = self.names.get(_key(name))
        if r is None and " " in name.strip():
            r = self.names.get(_key(name.split()[-1]))
        return r

    def named(self, head: Token) -> Resolution | None:
        """The actor of the person whose name `head` is part of ("Szijjártó said"); a surname
        the tagger took for an organisation the second time is still the person."""
        ent = _person_span(head)
        if ent is None and head.pos_ == "PROPN" and head.ent_type_ in ("", "ORG", "NORP", "GPE"):
            return self.names.get(_key(head.text))
        return self.lookup(ent.text) if ent is not None else None

    def office(self, head: Token) -> Resolution | None:
        """'the foreign minister said': the last person introduced with that office."""
        held = self.offices.get(head.lower_)
        if not held:
            return None
        before = [r for i, r in held if i < head.i]
        if before:
            return before[-1]
        sides = {r.actor.name for _, r in held}
        return held[0][1] if len(sides) == 1 else None

    def pronoun(self, pron: Token) -> tuple[bool, Resolution | None]:
        """'he said': the person named last before it, in its own sentence or up to
        PRONOUN_REACH sentences back; in the nearest sentence that names anyone, its
        subject first, the main clause's before a subordinate one's ("The president, X,
        criticised Y. He added ...": X, not Y).  (found, actor): a person tied to no side is
        found, and stands for no actor."""
        doc = pron.doc
        sent = pron.sent
        for _ in range(PRONOUN_REACH + 1):
            here = [m for m in self.mentions if sent.start <= m.i < min(sent.end, pron.i)]
            if here:
                subjects = [m for m in here if m.subject]
                if subjects:
                    return True, min(subjects, key=lambda m: m.depth).who
                return True, here[-1].who
            if sent.start == 0:
                break
            sent = doc[sent.start - 1].sent
        return False, None


def _key(name: str) -> str:
    """A name as compared: case, accents, possessive and punctuation folded."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = s.replace("'s", "").replace("’s", "")
    return " ".join("".join(c if c.isalnum() or c == "-" else " " for c in s).split())


def _person_span(t: Token) -> Span | None:
    """The PERSON entity `t` is part of, or of a compound name it heads."""
    for x in (t, *[c for c in t.children if c.dep_ == "compound"]):
        if x.ent_type_ == "PERSON":
            doc = x.doc
            start, end = x.i, x.i + 1
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            return doc[start:end]
    return None


def _subject(root: Token) -> bool:
    """Whether a name is its clause's subject, itself or as the apposition of one."""
    return root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS)


def _depth(t: Token) -> int:
    return sum(1 for a in t.ancestors if a.pos_ in ("VERB", "AUX"))


def _descriptors(ent: Span) -> list[Token]:
    """The noun phrases that say who a named person is: an apposition either way round
    ("X, the foreign minister"; "the Turkish president, X")."""
    root = ent.root
    out = [c for c in root.children if c.dep_ == "appos" and c.ent_type_ != "PERSON" and c.pos_ in ("NOUN", "PROPN")]
    if root.dep_ == "appos" and root.head.ent_type_ != "PERSON" and root.head.pos_ in ("NOUN", "PROPN"):
        out.append(root.head)
    return out


def _title(t: Token) -> str | None:
    """The office a descriptor names: its head ("the foreign minister") or a title before a
    name ("Foreign Minister Sergei Lavrov")."""
    if t.lower_ in TITLES:
        return t.lower_
    for c in t.children:
        if c.dep_ == "compound" and c.i < t.i and c.lower_ in TITLES and c.ent_type_ != "PERSON":
            return c.lower_
    return None


def read_people(doc: Doc, ctx: ArticleActors) -> People:
    """The article's persons: those the knowledge base knows (leaders), and those the text
    introduces with an office or organisation; then every later mention of them, and every
    subject that is an office of a named side ("the Russian defence minister said")."""
    from .resolve import resolve_phrase  # resolve.py reads ctx.people: imported late

    people = People()
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    for ent in persons:
        who = _known_leader(ent, ctx)
        title = _title(ent.root)
        if who is None:
            for d in _descriptors(ent):
                r = resolve_phrase(d, ctx)
                if r is not None and r.actor.name:
                    who, title = r, title or _title(d)
                    break
        if who is None and title is not None:
            # "Russian Foreign Minister Sergei Lavrov": the title and its state before the name
            r = resolve_phrase(ent.root, ctx, premodifiers_only=True)
            who = r if r is not None and r.how not in ("pronoun",) else None
        if who is None:
            continue
        people.add_name(ent.text, who)
        if len(ent) > 1:
            people.add_name(ent[-1].text, who)
        if title is not None:
            people.offices.setdefault(title, []).append((ent.root.i, who))
    for ent in persons:
        people.mentions.append(Mention(ent.root.i, _subject(ent.root), _depth(ent.root), people.lookup(ent.text)))
    for t in doc:
        if t.dep_ in SUBJECT_DEPS and t.lower_ in TITLES | BODIES and t.pos_ in ("NOUN", "PROPN") \
                and t.ent_type_ != "PERSON":
            r = resolve_phrase(t, ctx)
            if r is not None and _names_side(t):
                people.offices.setdefault(t.lower_, []).append((t.i, r))  # "Ukraine's defence ministry"
            r = r or people.office(t)
            if r is not None and t.lower_ in TITLES:
                people.mentions.append(Mention(t.i, True, _depth(t), r))
    people.mentions.sort(key=lambda m: m.i)
    return people


def _names_side(t: Token) -> bool:
    """Whether an office's phrase itself names whose it is ("Ukraine's defence ministry", "the
    Russian president"), rather than leaving it to the article ("the ministry")."""
    return any(c.dep_ in ("poss", "amod", "compound", "prep") and c.i != t.i and
               (c.ent_type_ in ("GPE", "NORP", "ORG") or c.pos_ == "PROPN") for c in t.subtree)


def _known_leader(ent: Span, ctx: ArticleActors) -> Resolution | None:
    """A leader the knowledge base names, as of the article's date."""
    for s, e, aid in ctx.kb.find_leaders(ent.text, ctx.published):
        if e - s >= len(ent.text) // 2:
            return Resolution(ctx.actor(aid), (), "named")
    return None
