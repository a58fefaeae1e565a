"""The real components some tests need (PostgreSQL, Chromium with Playwright, Ray), and what to do without one.

A missing component FAILS the test that needs it, so `make test` cannot pass on a machine that lacks one. A
developer's machine may opt out with EVENTWIRE_ALLOW_MISSING=postgres,browser,ray: the failure becomes a skip
whose reason `-rs` prints. With CI=true nothing may be missing.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

from pgserver import postgres_bin

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _postgres_missing() -> str | None:
    if postgres_bin() is None:
        return "PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql (or make system)"
    return None


def _browser_missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return "Debian's chromium is not installed: apt-get install chromium (or make system)"
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed: pip install -r requirements.lock"
    return None


def _ray_missing() -> str | None:
    if importlib.util.find_spec("ray") is None:
        return "Ray is not installed: pip install -r requirements.lock"
    return None


COMPONENTS = {"postgres": _postgres_missing, "browser": _browser_missing, "ray": _ray_missing}


def _allowed_missing() -> set[str]:
    if os.environ.get("CI", "").lower() == "true":
        return set()
    return {name.strip() for name in os.environ.get("EVENTWIRE_ALLOW_MISSING", "").split(",") if name.strip()}


def require(component: str) -> None:
    """Fail (or, where the developer allowed it, skip) when a real component the test needs is missing."""
    problem = COMPONENTS[component]()
    if problem is None:
        return
    if component in _allowed_missing():
        pytest.skip(f"{component}: {problem} (allowed by EVENTWIRE_ALLOW_MISSING)")
    pytest.fail(f"{component} is required: {problem}", pytrace=False)


def shared_data() -> Path | None:
    """The project's shared/data folder (benchmark sets and the seed), beside the repository or a folder above."""
    for folder in Path(__file__).resolve().parents:
        if (folder / "shared" / "data").is_dir():
            return folder / "shared" / "data"
    return None
