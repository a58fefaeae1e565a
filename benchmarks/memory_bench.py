"""Memory stays flat: peak RSS of `eventwire extract` does not grow with the size of the input.

    python benchmarks/memory_bench.py

Extracts the same kind of news text at three input sizes and reports each run's peak RSS; then streams a
1 GB JSON-lines file through the readers (no parsing: extracting 1 GB of text takes hours on two cores) to
show the reading side holds one record at a time.
"""

from __future__ import annotations

import json
import sys
import tempfile
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import save, timed  # noqa: E402

MEASURED_EXTRACT = textwrap.dedent("""
    import resource, sys
    from eventwire.cli import main
    sys.argv = ["eventwire", *sys.argv[1:]]
    try:
        main()
    finally:
        print("PEAK", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, file=sys.stderr)
""")
READ_ONLY = textwrap.dedent("""
    import resource, sys
    from eventwire.read import read_inputs
    n = sum(1 for _ in read_inputs([sys.argv[1]]))
    print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
""")


def news_line(i: int) -> str:
    text = (f"Artillery fire hit the market in the town of Varnek on Tuesday, day {i} of the offensive, "
            f"killing at least {i % 40 + 2} people and wounding dozens more, the regional governor said. "
            "Thousands of residents fled toward Osterby overnight, aid workers said. ") * 4
    return json.dumps({"id": f"m{i}", "text": text, "published": "2031-06-01"}) + "\n"


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for count in (200, 800, 2000):
            source = Path(tmp) / f"in{count}.jsonl"
            source.write_text("".join(news_line(i) for i in range(count)))
            mb = source.stat().st_size / 2**20
            seconds, done = timed([sys.executable, "-c", MEASURED_EXTRACT, "extract", str(source), "-o",
                                      str(Path(tmp) / "out.jsonl")])
            peak = done.stderr.rsplit("PEAK", 1)[1].split()[0]
            rows.append([f"extract, {count} documents ({mb:.1f} MB)", f"{peak} MiB", f"{count / seconds:.1f} docs/s"])
            print(rows[-1], flush=True)
        big = Path(tmp) / "big.jsonl"
        line = news_line(7)
        with open(big, "w") as f:
            for _ in range(2**30 // len(line) + 1):
                f.write(line)
        seconds, done = timed([sys.executable, "-c", READ_ONLY, str(big)])
        n, peak = done.stdout.split()
        rows.append([f"readers only, 1 GB JSON lines ({n} records)", f"{peak} MiB",
                     f"{int(n) / seconds:.0f} records/s"])
        print(rows[-1], flush=True)
    save("memory", "Memory (peak RSS of one run)", ["run", "peak RSS", "throughput"], rows,
         "Each extract run is a fresh process (model load included). Peak RSS is flat in the input size: "
         "records are streamed, batches are bounded, output is written as it is produced.")


if __name__ == "__main__":
    main()
