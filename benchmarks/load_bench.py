"""Load: the real server (`eventwire serve`) on loopback under a fixed number of requests from a few clients.

    python benchmarks/load_bench.py [--docs 300] [--requests 2000] [--clients 4] [--max-seconds 300]

Builds a fresh SQLite store from invented news reports written by this script (through `eventwire ingest`, so
the records are real extraction output), starts `eventwire serve` on 127.0.0.1 with its rate limit off (every
client shares one address, so the limit would measure itself), then sends the requests: first each endpoint
alone, all clients at once, then the same endpoints mixed. Requests go only to 127.0.0.1; their number is fixed,
each has a timeout, the whole run has a deadline, and the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))

from common import EVENTWIRE, ROOT, save  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))

from served import ServedProcess  # noqa: E402

SEARCH_WORDS = ["shelling", "convoy", "flood", "protest", "governor", "hospital", "bridge", "ceasefire", "market",
                "police", "river", "aid", "fire", "strike", "school"]


# ---------------------------------------------------------------- the corpus: invented reports

SYLLABLES = ["mar", "ost", "vel", "dran", "kor", "lin", "bre", "tal", "vor", "sen", "ul", "ka", "rho", "nev", "id"]
FIRST_NAMES = ["Ilse", "Tomas", "Anna", "Piet", "Mirela", "Oskar", "Lena", "Daron", "Suvi", "Emil", "Katya", "Janek"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
REPORTS = [
    ("Shelling hits {town}",
     "Artillery shelled the town of {town} in {province} province on {day}, killing {killed} civilians and "
     "wounding {injured}, officials said. \"We heard the first blasts before dawn,\" said {person}, a teacher "
     "who fled with her family to {other}. The regional governor, {official}, called for an immediate ceasefire "
     "and said rescue teams were searching the rubble of a school near the market."),
    ("Aid convoy reaches {town}",
     "An aid convoy of twelve trucks reached {town} on {day} after days of fighting on the road from {other}. "
     "\"The hospital has no power and little water,\" said {person}, who led the convoy. About {displaced} "
     "residents have left the town since the shelling began, according to the {province} relief office."),
    ("Floods cut off {town}",
     "Floodwater cut the only bridge into {town} on {day} as the river rose after three days of rain. "
     "{official}, the mayor, said {killed} people had drowned and {displaced} were sheltering in schools. "
     "Police in {other} said the road would stay closed until the water falls."),
    ("Protest in {town} turns violent",
     "Police fired tear gas at protesters in the centre of {town} on {day}, injuring {injured} people, "
     "witnesses said. The crowd had gathered to demand the release of {person}, a journalist arrested last "
     "week in {other}. \"We will not be silenced,\" one organiser said. {official} denied that officers had "
     "used live ammunition."),
    ("Strike on {town} market",
     "A drone strike on the crowded market in {town} killed {killed} people on {day}, the {province} health "
     "ministry said. {official}, the interior minister, blamed rebel forces and promised an investigation, "
     "while aid groups in {other} said the hospital was overwhelmed."),
]


def invented(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {invented(rng, 3)}"


def articles(count: int, seed: int = 11) -> list[dict]:
    """Reports of invented crises: each incident told by two or three sources, days apart."""
    rng = random.Random(seed)
    out: list[dict] = []
    while len(out) < count:
        title, template = rng.choice(REPORTS)
        values = {"town": invented(rng), "other": invented(rng, 3), "province": invented(rng),
                  "person": person(rng), "official": person(rng), "killed": rng.randint(2, 40),
                  "injured": rng.randint(3, 90), "displaced": rng.choice(["2,000", "about 500", "hundreds of"])}
        month, day = rng.randint(1, 12), rng.randint(1, 26)
        for report in range(rng.randint(2, 3)):
            published = f"2031-{month:02d}-{day + report:02d}"
            text = template.format(day=WEEKDAYS[(day + report) % 7], **values)
            out.append({"id": f"load-{len(out):04d}", "title": title.format(**values), "published": published,
                        "url": f"https://news.example/load/{len(out)}", "text": text})
    return out[:count]


# ---------------------------------------------------------------- the server

class Server(ServedProcess):
    """The real server with its rate limit off (every client shares one address), its log in a file."""

    def __init__(self, db_url: str, log: Path) -> None:
        super().__init__(db_url, "--rate-limit", "0", log=log, client_timeout=30)

    def peak_rss_mib(self) -> int | None:
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
        except OSError:
            return None
        return None


# ---------------------------------------------------------------- the clients

@dataclass
class Sample:
    endpoint: str
    seconds: float
    ok: bool
    problem: str = ""


@dataclass
class Phase:
    name: str
    samples: list[Sample] = field(default_factory=list)
    wall: float = 0.0


Picker = Callable[[random.Random], tuple[str, str]]


def endpoints(doc_ids: list[str]) -> dict[str, Picker]:
    """Endpoint label -> a function giving (label, path) with varied parameters."""
    def pages(name: str) -> Picker:
        return lambda rng: (f"/api/{name}", f"/api/{name}?limit={rng.choice([20, 50])}&offset={rng.randint(0, 40)}")

    return {
        "/api/events": pages("events"),
        "/api/documents": pages("documents"),
        "/api/incidents": pages("incidents"),
        "/api/search?q=": lambda rng: ("/api/search?q=", f"/api/search?q={rng.choice(SEARCH_WORDS)}"),
        "/api/documents/{id}": lambda rng: ("/api/documents/{id}", f"/api/documents/{rng.choice(doc_ids)}"),
        "/documents/{id}": lambda rng: ("/documents/{id}", f"/documents/{rng.choice(doc_ids)}"),
        "/": lambda rng: ("/", "/"),
    }


def run_phase(name: str, base: str, pickers: list[Picker], total: int, clients: int, deadline: float,
              seed: int) -> Phase:
    """``total`` requests split over ``clients`` threads, each with its own keep-alive connection."""
    phase = Phase(name)
    lock = threading.Lock()

    def client(number: int, count: int) -> None:
        rng = random.Random(seed * 100 + number)
        local: list[Sample] = []
        with httpx.Client(base_url=base, timeout=30) as http:
            for _ in range(count):
                if time.monotonic() > deadline:
                    break
                label, path = rng.choice(pickers)(rng)
                start = time.perf_counter()
                try:
                    response = http.get(path)
                    response.read()
                    ok, problem = response.status_code == 200, f"HTTP {response.status_code}"
                except httpx.HTTPError as err:
                    ok, problem = False, type(err).__name__
                local.append(Sample(label, time.perf_counter() - start, ok, "" if ok else problem))
        with lock:
            phase.samples.extend(local)

    shares = [total // clients + (1 if i < total % clients else 0) for i in range(clients)]
    threads = [threading.Thread(target=client, args=(i, n), daemon=True) for i, n in enumerate(shares)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(1.0, deadline - time.monotonic() + 35))
    phase.wall = time.perf_counter() - start
    return phase


def percentile(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if q < 100 else max(values)


def row(label: str, samples: list[Sample], wall: float) -> list:
    ms = sorted(s.seconds * 1000 for s in samples) or [0.0]
    errors = sum(1 for s in samples if not s.ok)
    rate = len(samples) / wall if wall else 0.0
    return [label, len(samples), f"{rate:.0f}", f"{percentile(ms, 50):.1f}", f"{percentile(ms, 99):.1f}",
            f"{max(ms):.1f}", errors]


# ---------------------------------------------------------------- main

def build_store(tmp: Path, count: int) -> tuple[str, list[str], float]:
    source = tmp / "articles.jsonl"
    docs = articles(count)
    source.write_text("".join(json.dumps(d) + "\n" for d in docs))
    url = f"sqlite:///{tmp / 'load.db'}"
    start = time.perf_counter()
    done = subprocess.run([*EVENTWIRE, "ingest", str(source), "--db", url], capture_output=True, text=True,
                          timeout=1800)
    if done.returncode != 0:
        raise SystemExit(f"ingest failed: {done.stderr[-1000:]}")
    return url, [d["id"] for d in docs], time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--requests", type=int, default=2000, help="in all: endpoint by endpoint, then mixed")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--max-seconds", type=float, default=300, help="stop sending after this long")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="eventwire-load-") as tmp_name:
        tmp = Path(tmp_name)
        print(f"ingesting {options.docs} invented reports ...", flush=True)
        url, doc_ids, ingest_s = build_store(tmp, options.docs)
        load_before = os.getloadavg()[0]
        server = Server(url, tmp / "server.log")
        try:
            stored = httpx.get(server.base + "/api/incidents?limit=500", timeout=30).json()["count"]
            pickers = endpoints(doc_ids)
            mixed_share = options.requests // 4
            per_endpoint = (options.requests - mixed_share) // len(pickers)
            mixed_share = options.requests - per_endpoint * len(pickers)
            deadline = time.monotonic() + options.max_seconds
            warm = run_phase("warm-up", server.base, list(pickers.values()), 4 * len(pickers), 1, deadline, 0)
            phases = [run_phase(label, server.base, [picker], per_endpoint, options.clients, deadline, i + 1)
                      for i, (label, picker) in enumerate(pickers.items())]
            mixed = run_phase("mixed", server.base, list(pickers.values()), mixed_share, options.clients, deadline,
                              99)
            peak = server.peak_rss_mib()
            log_tail = (tmp / "server.log").read_text(errors="replace")
        finally:
            server.stop()

    rows = [row(p.name, p.samples, p.wall) for p in phases]
    rows.append(row("mixed (all of the above)", mixed.samples, mixed.wall))
    everything = [s for p in phases for s in p.samples] + mixed.samples
    rows.append(row("overall", everything, sum(p.wall for p in phases) + mixed.wall))
    sent = len(everything)
    errors = sum(1 for s in everything if not s.ok) + sum(1 for s in warm.samples if not s.ok)
    problems = sorted({s.problem for s in everything if not s.ok})
    for r in rows:
        print(" | ".join(str(c) for c in r))
    if "Traceback" in log_tail:
        print("server log has a traceback:\n" + log_tail[-2000:], file=sys.stderr)
    notes = (f"`eventwire serve` (one uvicorn process, SQLite store) on 127.0.0.1 with `--rate-limit 0`, over "
             f"{options.docs} invented reports ingested with `eventwire ingest` in {ingest_s:.0f} s "
             f"({stored} incidents). {sent} of {options.requests} requests sent "
             f"({per_endpoint} per endpoint, then {mixed_share} mixed) by {options.clients} client threads "
             f"(httpx, one keep-alive connection each) in the same machine, after {len(warm.samples)} warm-up "
             f"requests. Errors: {errors} (any answer but 200, or a transport error"
             f"{': ' + ', '.join(problems) if problems else ''}). Latency is per request as the client saw it; "
             f"requests/s is that phase's requests over its wall time, clients and server sharing the same cores. "
             f"Server peak RSS {peak if peak is not None else '?'} MiB; load average {load_before:.1f} when the "
             f"requests began (other jobs shared the machine). "
             f"Rerun: `python benchmarks/load_bench.py [--docs N --requests N --clients N]`.")
    save("load", "Load: the HTTP server on loopback",
         ["Endpoint", "Requests", "Requests/s", "p50 ms", "p99 ms", "max ms", "Errors"], rows, notes)
    if errors or sent < options.requests:
        raise SystemExit(f"load test: {errors} errors, {sent} of {options.requests} requests sent")


if __name__ == "__main__":
    main()
