"""``python -m eventwire.cli``: the same app as the ``eventwire`` command, registered once."""

from eventwire.cli import main

main()
