"""A real `eventwire serve` in a subprocess on a loopback port: one harness for the API tests, the security
tests and the load benchmark."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

import httpx

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class ServedProcess:
    """The server, started and answering /api/health, with its output kept in a file (a pipe nobody reads would
    block it once full); ``client`` is one reused connection. EVENTWIRE_TOKEN is not inherited from the
    caller's environment, so every test states its own token."""

    def __init__(self, db_url: str, *args: str, env: dict[str, str] | None = None, log: Path | None = None,
                 start_seconds: float = 60, client_timeout: float = 120) -> None:
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.log: IO[bytes] = open(log, "w+b") if log else tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop)
        environment = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_TOKEN"} | (env or {})
        command = [sys.executable, "-m", "eventwire.cli", "serve", "--db", db_url, "--host", HOST,
                   "--port", str(self.port), *args]
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT, env=environment)
        self._wait(start_seconds)
        self.client = httpx.Client(base_url=self.base, timeout=client_timeout)

    def _wait(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                output = self.output()
                self.log.close()
                raise RuntimeError(f"server exited: {output[-2000:]}")
            try:
                if httpx.get(self.base + "/api/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self._end()
        raise RuntimeError(f"server did not start in {seconds:.0f} s")

    def output(self) -> str:
        """Everything the server wrote so far."""
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def stop(self) -> None:
        self.client.close()
        self._end()

    def _end(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
