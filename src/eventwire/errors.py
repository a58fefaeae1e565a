"""Errors that end a command with one clear line, never a traceback."""


class EventwireError(Exception):
    """A problem the user can act on; its message is printed as one line."""
