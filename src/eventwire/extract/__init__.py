"""Extraction steps over a parsed document; see base.py for the shape of a step."""
