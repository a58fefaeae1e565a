"""Distances in a sentence's dependency tree: how many arcs lie between two tokens."""

from __future__ import annotations

from spacy.tokens import Token


class TreeDistances:
    """Tree distances between tokens of one document, with each token's path to its root computed once."""

    def __init__(self) -> None:
        self._paths: dict[int, dict[int, int]] = {}

    def _path(self, token: Token) -> dict[int, int]:
        path = self._paths.get(token.i)
        if path is None:
            path = {token.i: 0}
            for depth, ancestor in enumerate(token.ancestors, start=1):
                path[ancestor.i] = depth
            self._paths[token.i] = path
        return path

    def between(self, a: Token, b: Token) -> int:
        """Arcs between ``a`` and ``b``; a large number when they are in different trees."""
        pa, pb = self._path(a), self._path(b)
        best = 99
        for node, depth_b in pb.items():
            depth_a = pa.get(node)
            if depth_a is not None and depth_a + depth_b < best:
                best = depth_a + depth_b
        return best

    def nearest(self, nodes: list[Token], targets: list[Token]) -> int:
        return min((self.between(a, b) for a in nodes for b in targets), default=99)
