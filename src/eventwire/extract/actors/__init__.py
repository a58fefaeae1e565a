"""Actors: named and unnamed people, organisations, groups and states, with roles, countries and sectors.

The step itself lives in :mod:`eventwire.extract.entities`; this package holds its parts:
``lexicon`` (data files, loaded once), ``phrases`` (token helpers), ``code`` (country and sector of a
noun phrase), ``names`` (corrected NER), ``roles`` (titles and appositions), ``groups`` (group actors)
and ``resolve`` (one entity per actor, with all its mentions).
"""
