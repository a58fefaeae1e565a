"""The watcher as a process: killed with SIGKILL mid-batch and restarted, stopped with SIGTERM, the CLI."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from watchsite import STORIES, add_generated, store_alerts, stored, story_page, wait_for, write_config

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def slow_page(slug: str, seconds: float):
    _city, title, text = STORIES[slug]
    body = story_page(slug, title, text)

    def serve(handler) -> None:
        time.sleep(seconds)
        handler._send(200, {"Content-Type": "text/html; charset=utf-8"}, body)

    return serve


def start(config: Path, db_url: str, log: Path, *args: str) -> subprocess.Popen:
    env = os.environ | {"PYTHONPATH": str(ROOT / "src")}
    with open(log, "ab") as out:
        return subprocess.Popen([sys.executable, "-m", "eventwire.cli", "watch", str(config), "--db", db_url, *args],
                                stdout=out, stderr=subprocess.STDOUT, env=env)


def test_kill_9_mid_batch_then_restart_stores_and_delivers_everything_once(site, receiver, db_url, tmp_path):
    slugs = add_generated(8, offset=100)
    for slug in slugs:
        site.routes[f"/news/{slug}"] = slow_page(slug, 0.2)
    site.feed("/rss", slugs)
    config = write_config(tmp_path / "watch.toml", [site.base + "/rss"], receiver.url, settings={"batch": 2})
    log = tmp_path / "watch.log"

    first = start(config, db_url, log, "--once")
    wait_for(lambda: site.count("/news/") >= 5 or first.poll() is not None, seconds=120)
    first.send_signal(signal.SIGKILL)  # two batches stored, the third under way
    first.wait(10)
    assert first.returncode == -signal.SIGKILL
    assert len(stored(db_url)) < 8

    second = start(config, db_url, log, "--once")
    assert second.wait(180) == 0, log.read_text()
    documents = stored(db_url)
    assert sorted(d["url"] for d in documents) == sorted(f"{site.base}/news/{slug}" for slug in slugs)
    assert len({d["id"] for d in documents}) == 8
    alerts = store_alerts(db_url)
    assert alerts and all(alert["status"] == "delivered" for alert in alerts)
    assert sorted(receiver.accepted) == sorted(alert["id"] for alert in alerts)  # each alert once, by id
    incidents = {alert["incident"] for alert in alerts}
    assert len(incidents) == len(alerts)  # one alert per (rule, incident, change)


def test_sigterm_finishes_the_batch_under_way_and_exits_cleanly(site, db_url, tmp_path):
    slugs = add_generated(6, offset=200)
    for slug in slugs:
        site.routes[f"/news/{slug}"] = slow_page(slug, 0.3)
    site.feed("/rss", slugs)
    config = write_config(tmp_path / "watch.toml", [site.base + "/rss"], None, settings={"batch": 3})
    log = tmp_path / "watch.log"
    process = start(config, db_url, log)
    wait_for(lambda: site.count("/news/") >= 1 or process.poll() is not None, seconds=120)
    process.send_signal(signal.SIGTERM)
    assert process.wait(120) == 0, log.read_text()
    assert len(stored(db_url)) == 3  # the first batch, completed; the second never started
    events = [orjson.loads(line)["event"] for line in log.read_text().splitlines() if line.startswith("{")]
    assert events[-1] == "stopped"


def test_cli_watch_once_and_alerts(site, receiver, db_url, tmp_path):
    from typer.testing import CliRunner

    from eventwire.cli import app

    site.page("mosul-market")
    site.feed("/rss", ["mosul-market"])
    config = write_config(tmp_path / "watch.toml", [site.base + "/rss"], receiver.url)
    runner = CliRunner()
    run = runner.invoke(app, ["watch", str(config), "--db", db_url, "--once"])
    assert run.exit_code == 0, run.output
    lines = [orjson.loads(line) for line in run.stderr.splitlines()]
    assert {"watching", "polled", "alert", "alert_delivered"} <= {line["event"] for line in lines}
    listed = runner.invoke(app, ["alerts", "--db", db_url, "--json"])
    (alert,) = [orjson.loads(line) for line in listed.stdout.splitlines()]
    assert alert["status"] == "delivered" and alert["rule"] == "deadly attacks"
    assert alert["id"] in receiver.accepted
    pending = runner.invoke(app, ["alerts", "--db", db_url, "--pending", "--json"])
    assert pending.exit_code == 0 and pending.stdout == ""
    table = runner.invoke(app, ["alerts", "--db", db_url])
    assert "deadly attacks" in table.stdout and "delivered" in table.stdout


def test_cli_bad_configuration_is_one_line_and_status_2(tmp_path):
    config = tmp_path / "watch.toml"
    config.write_text("[[feed]]\nurl = 'http://127.0.0.1:9/rss'\nevery = 'soon'\n", encoding="utf-8")
    env = os.environ | {"PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run([sys.executable, "-m", "eventwire.cli", "watch", str(config), "--once", "--db",
                          f"sqlite:///{tmp_path / 'x.db'}"], capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "every must be a duration" in run.stderr
    assert "Traceback" not in run.stderr
