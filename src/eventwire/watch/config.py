"""The watch configuration (TOML): sources to follow, alert rules, politeness. Every mistake is one clear line.

    [watch]                         # optional; the defaults suit a newsroom laptop
    per_host = "1s"                 # at least this long between two requests to one host
    web = "http://127.0.0.1:8000"   # where `eventwire serve` runs, for the links in alerts

    [[feed]]
    url = "https://example.org/rss" # or sitemap = "…", or folder = "…"
    every = "10m"

    [[alert]]
    name = "deadly attacks"
    when = { type = "ASSAULT", killed_at_least = 5 }
    webhook = "https://hooks.example.org/x"
    secret = "…"
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire import __version__
from eventwire.errors import EventwireError

USER_AGENT = f"eventwire/{__version__} (feed watcher; +https://github.com/eventwire/eventwire)"
KINDS = ("url", "sitemap", "folder")
WHEN_KEYS = ("type", "killed_at_least", "actor", "country", "bbox", "new_incident", "toll_rises",
             "sources_disagree")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, None: 1.0}


class ConfigError(EventwireError):
    """A configuration mistake, named by file and place."""


@dataclass(frozen=True)
class Source:
    kind: str  # feed | sitemap | folder
    location: str  # the URL, or the folder's path
    every: float  # seconds between polls

    @property
    def key(self) -> str:
        return f"{self.kind} {self.location}"


@dataclass(frozen=True)
class Rule:
    name: str
    when: dict[str, Any]
    webhook: str | None = None
    secret: str | None = None


@dataclass
class Settings:
    user_agent: str = USER_AGENT
    per_host: float = 1.0
    timeout: float = 20.0
    max_redirects: int = 5
    max_entries: int = 500  # entries read from one feed or sitemap per poll
    batch: int = 16
    web: str = "http://127.0.0.1:8000"
    retry_first: float = 10.0
    retry_max: float = 3600.0
    obey_robots: bool = True


@dataclass
class WatchConfig:
    path: str
    sources: list[Source] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)

    def rule(self, name: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.name == name), None)


def load_config(path: str | Path) -> WatchConfig:
    """Read and check CONFIG.toml; raises ConfigError with one line naming the file and the place."""
    name = str(path)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{name}: no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{name}: cannot read ({getattr(err, 'strerror', None) or err})") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{name}: not valid TOML ({err})") from None
    return parse_config(data, name, Path(path).parent)


def parse_config(data: dict, name: str = "CONFIG", base: Path | None = None) -> WatchConfig:
    _only(data, ("watch", "feed", "alert"), name)
    config = WatchConfig(path=name, settings=_settings(data.get("watch", {}), f"{name}: [watch]"))
    feeds = _tables(data.get("feed", []), f"{name}: [[feed]]")
    rules = _tables(data.get("alert", []), f"{name}: [[alert]]")
    if not feeds:
        raise ConfigError(f"{name}: no [[feed]] to follow (give url, sitemap or folder)")
    config.sources = [_source(table, f"{name}: [[feed]] {n}", base or Path(".")) for n, table in enumerate(feeds, 1)]
    config.rules = [_rule(table, f"{name}: [[alert]] {n}") for n, table in enumerate(rules, 1)]
    keys = [source.key for source in config.sources]
    for key in keys:
        if keys.count(key) > 1:
            raise ConfigError(f"{name}: the source {key!r} is listed twice")
    names = [rule.name for rule in config.rules]
    for rule_name in names:
        if names.count(rule_name) > 1:
            raise ConfigError(f"{name}: two [[alert]] rules are named {rule_name!r}")
    return config


def duration(value: Any, where: str) -> float:
    """Seconds from "10m", "1.5s", "250ms", "2h", "1d" or a plain number of seconds."""
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return float(value)
    match = _DURATION.match(value) if isinstance(value, str) else None
    if not match:
        raise ConfigError(f"{where} must be a duration such as 10m, 30s or 250ms, not {value!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def _only(table: dict, allowed: tuple[str, ...], where: str) -> None:
    for key in table:
        if key not in allowed:
            raise ConfigError(f"{where}: unknown key {key!r} (expected one of {', '.join(allowed)})")


def _tables(value: Any, where: str) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ConfigError(f"{where} must be an array of tables ([[…]] sections)")
    return value


def _settings(table: Any, where: str) -> Settings:
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table")
    settings = Settings()
    _only(table, tuple(Settings.__dataclass_fields__), where)
    for key, value in table.items():
        default = getattr(settings, key)
        if key in ("per_host", "timeout", "retry_first", "retry_max"):
            value = duration(value, f"{where} {key}")
        elif isinstance(default, bool):
            if not isinstance(value, bool):
                raise ConfigError(f"{where} {key} must be true or false, not {value!r}")
        elif isinstance(default, int):
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError(f"{where} {key} must be a whole number of at least 1, not {value!r}")
        elif not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where} {key} must be a non-empty string")
        setattr(settings, key, value)
    if not _is_http(settings.web):
        raise ConfigError(f"{where} web must be an http(s) URL, not {settings.web!r}")
    settings.web = settings.web.rstrip("/")
    if settings.timeout <= 0:
        raise ConfigError(f"{where} timeout must be more than 0")
    return settings


def _source(table: dict, where: str, base: Path) -> Source:
    _only(table, (*KINDS, "every"), where)
    given = [kind for kind in KINDS if kind in table]
    if len(given) != 1:
        raise ConfigError(f"{where}: give exactly one of url, sitemap or folder")
    kind = given[0]
    location = table[kind]
    if not isinstance(location, str) or not location.strip():
        raise ConfigError(f"{where}: {kind} must be a non-empty string")
    every = duration(table.get("every", "15m"), f"{where} every")
    if kind == "folder":
        folder = (base / Path(location).expanduser()) if not os.path.isabs(location) else Path(location)
        if not folder.is_dir():
            raise ConfigError(f"{where}: folder {location!r} is not a directory")
        return Source("folder", str(folder.resolve()), every)
    if not _is_http(location):
        raise ConfigError(f"{where}: {kind} must be an http(s) URL, not {location!r}")
    return Source("feed" if kind == "url" else "sitemap", location.strip(), every)


def _rule(table: dict, where: str) -> Rule:
    _only(table, ("name", "when", "webhook", "secret", "secret_env"), where)
    name = table.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 200:
        raise ConfigError(f"{where}: name must be a non-empty string of at most 200 characters")
    where = f"{where} ({name!r})"
    when = table.get("when", {})
    if not isinstance(when, dict):
        raise ConfigError(f"{where}: when must be a table such as {{ type = \"ASSAULT\" }}")
    _only(when, WHEN_KEYS, f"{where} when")
    webhook = table.get("webhook")
    if webhook is not None and not (isinstance(webhook, str) and _is_http(webhook)):
        raise ConfigError(f"{where}: webhook must be an http(s) URL, not {webhook!r}")
    secret = table.get("secret")
    if "secret_env" in table:
        secret = os.environ.get(str(table["secret_env"]))
        if not secret:
            raise ConfigError(f"{where}: the environment variable {table['secret_env']!r} is not set")
    if secret is not None and (not isinstance(secret, str) or not secret):
        raise ConfigError(f"{where}: secret must be a non-empty string")
    return Rule(name.strip(), _conditions(when, where), webhook, secret)


def _conditions(when: dict, where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in when.items():
        if key == "type":
            types = [value] if isinstance(value, str) else value
            if not isinstance(types, list) or not types or not all(isinstance(t, str) and t for t in types):
                raise ConfigError(f"{where}: type must be an event type such as \"ASSAULT\" or a list of them")
            out[key] = [t.upper() for t in types]
        elif key == "killed_at_least":
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ConfigError(f"{where}: killed_at_least must be a whole number, not {value!r}")
            out[key] = value
        elif key in ("actor", "country"):
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{where}: {key} must be a non-empty string")
            out[key] = value.strip().lower() if key == "actor" else value.strip().upper()
        elif key == "bbox":
            out[key] = _bbox(value, where)
        elif not isinstance(value, bool):
            raise ConfigError(f"{where}: {key} must be true or false, not {value!r}")
        elif value:
            out[key] = True
    return out


def _bbox(value: Any, where: str) -> tuple[float, float, float, float]:
    numbers = value if isinstance(value, list) and len(value) == 4 else None
    if numbers is None or not all(isinstance(x, int | float) and not isinstance(x, bool) for x in numbers):
        raise ConfigError(f"{where}: bbox must be four numbers [west, south, east, north]")
    west, south, east, north = (float(x) for x in numbers)
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ConfigError(f"{where}: bbox out of range (longitudes -180…180, latitudes -90…90, south <= north)")
    return west, south, east, north


def _is_http(value: str) -> bool:
    return bool(re.match(r"^https?://[^\s/]+", value.strip()))
