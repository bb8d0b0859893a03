"""Abbreviations read as the article's scene reads them.

The same letters name different actors in different wars: "SNA" is the Syrian National Army
in a report from northern Syria and the Somali National Army in one from Mogadishu.  An
article's own abbreviations come first ("the Somali National Army (SNA)": `introduced`);
then a knowledge-base abbreviation of a group from another country than the one the article
is about, where the text never names that country, is read in the scene: as the scene
state's own forces where the letters are their initials ("SNA" in Somalia), else as no actor
at all; and the letters of a group not yet formed on the article's date name nobody
(`by_scene`).  `find_groups` gives an article's group mentions with both applied.
"""

from __future__ import annotations

import re

from .kb import ActorKB

__all__ = ["introduced", "by_scene", "find_groups", "NO_ACTOR"]

NO_ACTOR = ""  # an abbreviation the article's scene leaves unread
_INTRODUCED = re.compile(r"([A-Z][\w'’-]*(?:\s+[\w'’-]+){0,6})\s+\(([A-Z][A-Za-z]{1,7})\)")


def introduced(text: str, kb: ActorKB) -> dict[str, str]:
    """'Hayat Tahrir al-Sham (HTS)': an abbreviation the article introduces for a group or
    for a state's forces."""
    out = {}
    for m in _INTRODUCED.finditer(text):
        hits = kb.find_groups(m.group(1))
        if hits:
            out[m.group(2)] = hits[-1][2]
    return out


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper())


def by_scene(text: str, kb: ActorKB, scene: str | None, own: dict[str, str],
             on: str | None = None) -> dict[str, str]:
    """The knowledge base's abbreviations this article must read otherwise: a group of
    another country than the scene that the text never names, as the scene state's forces
    whose initials the letters are, else as NO_ACTOR.  The scene is `scene` (ISO3, the
    places' focus) where the text spells it out, else the country it spells out most.  Letters
    of a group formed after the article's date (`on`) name no actor in it."""
    out = _before_formed(text, kb, own, on)
    votes = _spelled_out(text, kb)
    if not scene or not votes.get(scene):
        # the places' focus may itself come from the letters in question: what the text
        # spells out decides where it never names the focus
        scene = max(votes, key=lambda k: votes[k]) if votes else scene
    if not scene or scene not in kb.states:
        return out
    named = {iso for _, _, iso, _ in kb.find_states(text)}
    state = kb.states[scene]
    home_forces = [*state.extra_forces, *(u.name for u in state.units if u.branch == "military")]
    for s, e, gid in kb.find_groups(text):
        abbr = text[s:e]
        g = kb.groups.get(gid)
        if abbr in own or abbr in out or abbr not in kb.group_abbrevs or g is None or not g.country \
                or g.country == scene or g.country in named or g.kind == "External/Other forces":
            continue
        if any(iso == scene for iso, _ in g.branches) or scene in g.backed_by:
            continue  # a transnational group with a branch in the scene; a state's proxy
        ours = next((f for f in home_forces if _initials(f) == abbr), None)
        out[abbr] = f"{scene}-military" if ours else NO_ACTOR
    return out


def _before_formed(text: str, kb: ActorKB, own: dict[str, str], on: str | None) -> dict[str, str]:
    """Letters of a group the article predates: they cannot name it."""
    out: dict[str, str] = {}
    if not on:
        return out
    for s, e, gid in kb.find_groups(text):
        g = kb.groups.get(gid)
        if g is not None and g.formed and on < g.formed and text[s:e] in kb.group_abbrevs and text[s:e] not in own:
            out[text[s:e]] = NO_ACTOR
    return out


def _spelled_out(text: str, kb: ActorKB) -> dict[str, int]:
    """The countries a text points to by what it spells out: country names (3), groups named
    in full (2), demonyms and capitals (1); abbreviations, the letters in question, not at all."""
    votes: dict[str, int] = {}
    for _, _, iso, how in kb.find_states(text):
        votes[iso] = votes.get(iso, 0) + (3 if how == "country" else 1)
    for s, e, gid in kb.find_groups(text):
        g = kb.groups.get(gid)
        if g is not None and g.country and text[s:e] not in kb.group_abbrevs:
            votes[g.country] = votes.get(g.country, 0) + 2
    return votes


def find_groups(kb: ActorKB, text: str, abbreviations: dict[str, str]) -> list[tuple[int, int, str]]:
    """Group mentions in `text` (start, end, actor id) with the article's abbreviations
    read its way (`introduced`, `by_scene`): theirs beat the knowledge base's reading of the
    same letters, and a NO_ACTOR abbreviation names nobody."""
    own = [(m.start(), m.end(), gid) for abbr, gid in abbreviations.items()
           for m in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w])", text)]
    found = own + [x for x in kb.find_groups(text) if not any(s < x[1] and x[0] < e for s, e, _ in own)]
    return sorted(x for x in found if x[2] != NO_ACTOR)
