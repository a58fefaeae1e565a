"""eventwire: structured, source-linked knowledge from crisis news."""

__version__ = "0.1.0"
