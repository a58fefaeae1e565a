"""What the watcher tells its operator: structured log lines (one JSON object a line), or on a terminal a Rich
live status (sources, last poll, new articles, alerts pending) with the same events printed above it."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import IO, Any

import orjson

ERROR_EVENTS = ("poll_failed", "entry_failed", "alert_failed", "batch_failed")


class LogLines:
    """One JSON object per line: time, event and its fields."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.sources: dict[str, dict[str, Any]] = {}
        self.pending = 0

    def event(self, name: str, **fields: Any) -> None:
        line = {"time": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                "level": "error" if name in ERROR_EVENTS else "info", "event": name, **fields}
        self.write(orjson.dumps(line, default=str).decode())
        source = fields.get("source")
        if isinstance(source, str) and name in ("polled", "poll_failed", "not_modified"):
            state = self.sources.setdefault(source, {"new": 0})
            state["last_poll"] = line["time"][11:19]
            state["error"] = fields.get("error") if name == "poll_failed" else None
            state["new"] += int(fields.get("new", 0) or 0)
        self.refresh()

    def write(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()

    def set_pending(self, count: int) -> None:
        self.pending = count
        self.refresh()

    def refresh(self) -> None:
        pass

    def __enter__(self) -> LogLines:
        return self

    def __exit__(self, *_exc: Any) -> None:
        pass


class LiveStatus(LogLines):
    """On a terminal: the same events as readable lines above a table that redraws in place."""

    def __init__(self) -> None:
        from rich.console import Console

        super().__init__()
        self.console = Console(stderr=True)
        self.live = None

    def __enter__(self) -> LiveStatus:
        from rich.live import Live

        self.live = Live(self._table(), console=self.console, refresh_per_second=2, transient=False)
        self.live.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.live is not None:
            self.live.__exit__(*exc)

    def write(self, text: str) -> None:
        from rich.markup import escape

        line = orjson.loads(text)
        extra = " ".join(f"{k}={v}" for k, v in line.items() if k not in ("time", "level", "event"))
        style = "red" if line["level"] == "error" else "dim"
        self.console.print(f"[{style}]{line['time'][11:19]} {escape(line['event'])}[/] {escape(extra)}")

    def refresh(self) -> None:
        if self.live is not None:
            self.live.update(self._table())

    def _table(self):
        from rich.table import Table
        from rich.text import Text

        table = Table(title=f"eventwire watch · alerts pending: {self.pending}", expand=False)
        for column in ("source", "last poll", "new articles", "error"):
            table.add_column(column, overflow="fold")
        for source, state in sorted(self.sources.items()):
            table.add_row(Text(source), state.get("last_poll", "–"), str(state["new"]), Text(state.get("error") or ""))
        return table


def reporter(stream: IO[str] | None = None) -> LogLines:
    """The live status on a terminal, log lines otherwise."""
    return LiveStatus() if stream is None and sys.stderr.isatty() else LogLines(stream)
