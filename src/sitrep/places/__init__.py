"""Place names: the gazetteer (`sitrep.places.gazetteer`) and, later, toponym resolution.

Kept empty on purpose: importing `sitrep.places` must stay cheap.
"""
