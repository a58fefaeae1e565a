"""Which reports of an incident hang together: its reports' bonds as a graph. A pure function; no database here.

A bond joins two reports whose main happenings pair at the join score (eventwire.link.incidents). A report
belongs with its *closest* report, the one it shares its strongest bond with, whichever of the two arrived
first; a bond at the merge score always holds. An incident is a group of reports connected by those edges.

So when a later report is closer to a stored one than any report before it, that report leaves the edge
that held it in its incident. It takes along the reports that hang on it (``group_of``); if the group still
reaches the incident's first report, the whole incident is one happening with the newcomer's. Which report
came first no longer decides where a weak report ends up: the reports of a market's shelling that arrive
after a camp's bombing, which one of them named, go with each other, not with the camp.
"""

from __future__ import annotations

Bonds = dict[int, dict[int, float]]


def closest(bonds: dict[int, float]) -> int | None:
    """The report a report is closest to: its strongest bond (a tie goes to the older report)."""
    if not bonds:
        return None
    return min(bonds, key=lambda other: (-bonds[other], other))


def group_of(start: int, members: set[int], bonds: Bonds, strong: float) -> set[int]:
    """The reports of ``members`` connected to ``start``: an edge joins a member to its closest report
    (over all its bonds, inside the incident or not) and to every report it bonds with at ``strong`` or more.
    Reports pinned where they are (a bond to themselves: filed before bonds were kept) hold together."""
    edges: dict[int, set[int]] = {member: set() for member in members}
    pinned = sorted(member for member in members if member in (bonds.get(member) or {}))
    for a, b in zip(pinned, pinned[1:], strict=False):
        edges[a].add(b)
        edges[b].add(a)
    for member in members:
        mine = bonds.get(member) or {}
        linked = {other for other, score in mine.items() if score >= strong}
        nearest = closest(mine)
        if nearest is not None:
            linked.add(nearest)
        for other in linked:
            if other in edges and other != member:
                edges[member].add(other)
                edges[other].add(member)
    group, todo = {start}, [start]
    while todo:
        for other in edges.get(todo.pop(), ()):
            if other not in group:
                group.add(other)
                todo.append(other)
    return group
