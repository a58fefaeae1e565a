"""From store changes to delivered alerts: evaluate the rules on what changed, keep the alerts in the outbox,
deliver them by webhook with retries, signed, each under its stable id.

At-least-once with a stable ``Idempotency-Key``: an alert is marked delivered in the store as soon as a
receiver acknowledges it (2xx) and never sent again; one that was sent but not yet marked when the process
died is sent again with the same id and body, so the receiver can drop it.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from datetime import UTC, datetime
from urllib.parse import quote

import httpx
import orjson
from sqlalchemy.engine import Engine

from eventwire.store import outbox
from eventwire.watch.config import WatchConfig
from eventwire.watch.rules import alert_id, change_of, disputed_fields, fired, snapshot_of

SIGNATURE_HEADER = "X-Eventwire-Signature"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def sign(secret: str, body: bytes) -> str:
    """The value of X-Eventwire-Signature: ``sha256=`` and the hex HMAC-SHA256 of the body under the secret."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def take_baseline(engine: Engine) -> int:
    """The first time a store is watched, what it already holds is the starting point, not news: every
    incident is noted as seen, without alerts. Returns how many incidents were noted."""
    noted = 0
    with outbox.writing(engine) as conn:
        if outbox.baseline_taken(conn):
            return 0
        while pairs := outbox.changed_incidents(conn):
            outbox.save_snapshots(conn, [snapshot_of(record) for record, _snapshot in pairs])
            noted += len(pairs)
        outbox.mark_baseline(conn, now_iso())
    return noted


def evaluate(engine: Engine, config: WatchConfig) -> list[dict]:
    """Compare changed incidents with their snapshots, raise the alerts the rules ask for, move the snapshots
    on: one transaction per round, so a crash leaves the difference in place to be seen again."""
    raised: list[dict] = []
    while True:
        with outbox.writing(engine) as conn:
            pairs = outbox.changed_incidents(conn)
            if not pairs:
                return raised
            rows = [row for record, snapshot in pairs for row in alerts_for(config, record, snapshot)]
            new = set(outbox.add_alerts(conn, rows))
            outbox.save_snapshots(conn, [snapshot_of(record) for record, _snapshot in pairs])
        raised += [row for row in rows if row["id"] in new]


def alerts_for(config: WatchConfig, record: dict, snapshot: dict | None) -> list[dict]:
    change = change_of(record, snapshot)
    rows = []
    for rule in config.rules:
        found = fired(rule, record, change)
        if found is None:
            continue
        key, described = found
        identifier = alert_id(rule.name, record["incident"], key)
        created = now_iso()
        payload = {"id": identifier, "rule": rule.name, "created": created,
                   "incident": record | {"disputed": bool(disputed_fields(record))},
                   "change": described | {"key": key}, "links": links(config.settings.web, record, rule.name)}
        rows.append({"id": identifier, "rule": rule.name, "incident": record["incident"], "change": key[:300],
                     "created": created, "payload": orjson.dumps(payload).decode(), "webhook": rule.webhook,
                     "status": "pending" if rule.webhook else "feed-only", "attempts": 0, "next_attempt": 0.0})
    return rows


def links(web: str, record: dict, rule: str) -> dict:
    return {"page": f"{web}/", "alerts": f"{web}/alerts.atom?rule={quote(rule, safe='')}",
            "documents": [f"{web}/documents/{quote(str(doc), safe='')}" for doc in record.get("documents") or []]}


class Deliverer:
    """Webhook POSTs for due alerts; failures back off exponentially (persisted, so a restart keeps to it)."""

    def __init__(self, engine: Engine, config: WatchConfig) -> None:
        self.engine, self.config = engine, config
        settings = config.settings
        self.client = httpx.Client(timeout=httpx.Timeout(settings.timeout), follow_redirects=False, trust_env=False,
                                   headers={"User-Agent": settings.user_agent})

    def close(self) -> None:
        self.client.close()

    def due(self) -> list[dict]:
        with outbox.reading(self.engine) as conn:
            return outbox.due_alerts(conn, time.time())

    def next_due(self) -> float | None:
        with outbox.reading(self.engine) as conn:
            return outbox.next_due(conn)

    def deliver_due(self, log) -> tuple[int, int]:
        """Try every due alert once: (delivered, failed)."""
        delivered = failed = 0
        for alert in self.due():
            error = self.post(alert)
            with outbox.writing(self.engine) as conn:
                if error is None:
                    outbox.mark_delivered(conn, alert["id"], now_iso())
                    delivered += 1
                else:
                    settings = self.config.settings
                    wait = min(settings.retry_first * 2 ** alert["attempts"], settings.retry_max)
                    outbox.mark_attempt_failed(conn, alert["id"], error, time.time() + wait)
                    failed += 1
            if error is None:
                log.event("alert_delivered", alert=alert["id"], rule=alert["rule"], incident=alert["incident"])
            else:
                log.event("alert_failed", alert=alert["id"], rule=alert["rule"], error=error,
                          attempt=alert["attempts"] + 1)
        return delivered, failed

    def post(self, alert: dict) -> str | None:
        """None when the receiver acknowledged the alert (2xx), else why not."""
        rule = self.config.rule(alert["rule"])
        webhook = (rule.webhook if rule else None) or alert["webhook"]
        if not webhook:
            return "no webhook configured for this rule"
        body = alert["payload"].encode()
        headers = {"Content-Type": "application/json", "Idempotency-Key": alert["id"]}
        if rule and rule.secret:
            headers[SIGNATURE_HEADER] = sign(rule.secret, body)
        try:
            response = self.client.post(webhook, content=body, headers=headers)
        except httpx.TimeoutException:
            return f"{webhook}: no answer within {self.config.settings.timeout:g} s"
        except httpx.HTTPError as err:
            return f"{webhook}: {type(err).__name__}"
        if 200 <= response.status_code < 300:
            return None
        return f"{webhook}: HTTP {response.status_code}"
