"""Run every benchmark and rewrite docs/benchmarks.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
SCRIPTS = [["accuracy.py"], ["actor_codes.py", "--save"], ["speed.py"]]
SCRIPTS += [[p.name] for p in sorted(HERE.glob("*_bench.py"))]

if __name__ == "__main__":
    for script, *args in SCRIPTS:
        print(f"== {script}", flush=True)
        subprocess.run([sys.executable, str(HERE / script), *args], check=True)
