"""Readers: every INPUT kind of SPEC §1 becomes a stream of Article (or ReadError) records."""

from eventwire.read.article import Article, Limits, ReadError, content_id
from eventwire.read.sources import read_inputs

__all__ = ["Article", "Limits", "ReadError", "content_id", "read_inputs"]
