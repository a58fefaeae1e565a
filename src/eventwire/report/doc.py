"""One document record as the dossier's sections read it: its entities by id, excerpts of its spans, its days."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

EXCERPT_CHARS = 280
DATE_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


@dataclass
class Doc:
    """One document record with the lookups every section needs."""

    record: dict[str, Any]
    entities: dict[str, dict] = field(init=False)

    def __post_init__(self) -> None:
        self.entities = {e.get("id"): e for e in self.record.get("entities") or [] if isinstance(e, dict)}

    @property
    def id(self) -> str:
        return str(self.record.get("id"))

    @property
    def text(self) -> str:
        return self.record.get("text") or ""

    def cut(self, start: Any, end: Any, limit: int = EXCERPT_CHARS) -> str:
        """The text of a span, one line, shortened to ``limit`` characters."""
        if not isinstance(start, int) or not isinstance(end, int) or end <= start:
            return ""
        piece = " ".join(self.text[start:end].split())
        return piece if len(piece) <= limit else piece[: limit - 1].rstrip() + "…"

    def entity_name(self, entity_id: Any) -> str | None:
        entity = self.entities.get(entity_id)
        return entity.get("name") if entity else None

    def item(self, index: Any, key: str) -> dict | None:
        items = self.record.get(key) or []
        return items[index] if isinstance(index, int) and 0 <= index < len(items) else None


def day(value: Any) -> str | None:
    """The calendar part of an ISO or TIMEX3 value ('2008-08-07TNI' -> '2008-08-07'), else None."""
    if not isinstance(value, str):
        return None
    match = DATE_PREFIX.match(value)
    return match.group(0) if match and "X" not in match.group(0) else None
