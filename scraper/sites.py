"""Site profiles from sites.toml: start points, patterns, default timezone, schedule; clear errors."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_EVERY = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class ConfigError(ValueError):
    """sites.toml is unreadable or wrong; the message names the file, line and key."""


@dataclass(frozen=True)
class SiteProfile:
    """How to crawl one site."""

    name: str
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...] = ()
    timezone: str | None = None
    article_pattern: str | None = None
    schedule: str | None = None  # cron expression, 5 fields
    every: str | None = None  # "15m", "2h"
    max_articles: int | None = None
    tracking_params: tuple[str, ...] = ()
    selectors: tuple[str, ...] = ()
    allow_private: bool = False  # may redirect to loopback / private addresses
    timeout: str | None = None  # hard limit of one scheduled crawl, "2h"
    settings: tuple[tuple[str, str], ...] = ()  # extra Scrapy settings for this site's crawls

    @property
    def every_seconds(self) -> int | None:
        return parse_every(self.every) if self.every else None

    @property
    def timeout_seconds(self) -> int | None:
        return parse_every(self.timeout) if self.timeout else None


@dataclass
class SitesConfig:
    """All profiles of one sites.toml file."""

    path: Path
    sites: dict[str, SiteProfile] = field(default_factory=dict)

    def get(self, name: str) -> SiteProfile:
        try:
            return self.sites[name]
        except KeyError:
            known = ", ".join(sorted(self.sites)) or "none"
            raise ConfigError(f"{self.path}: no site named {name!r} (known: {known})") from None


def parse_every(text: str) -> int:
    """'15m' -> 900 seconds; raises ValueError on anything else."""
    match = _EVERY.match(text)
    if not match or int(match.group(1)) == 0:
        raise ValueError(f"{text!r} is not an interval like '30s', '15m', '2h' or '1d'")
    return int(match.group(1)) * _UNIT_SECONDS[match.group(2)]


_FIELDS: dict[str, type | tuple[type, ...]] = {
    "start_urls": list,
    "allowed_domains": list,
    "timezone": str,
    "article_pattern": str,
    "schedule": str,
    "every": str,
    "max_articles": int,
    "tracking_params": list,
    "selectors": list,
    "allow_private": bool,
    "timeout": str,
    "settings": dict,
}

_SETTING_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
_RESERVED_SETTINGS = frozenset(
    {"ARCHIVE_DB", "ARCHIVE_CRAWL_ID", "LOG_FILE", "PROGRESS_ENABLED", "SITES_CONFIG"}
)
"""Set by the crawl runner for every crawl; a profile may not change them."""


def _check_settings(raw: dict[str, Any]) -> tuple[tuple[tuple[str, str], ...], str]:
    """A profile's ``settings`` table -> ((NAME, value), ...) or an error message."""
    out = []
    for name, value in raw.items():
        if not _SETTING_NAME.match(name):
            return (), f"settings: {name!r} is not a Scrapy setting name (UPPER_CASE)"
        if name in _RESERVED_SETTINGS:
            return (), f"settings: {name} is set by newsarchive itself and cannot be changed here"
        if isinstance(value, dict | list):
            return (), f"settings: {name} must be a string, number or true/false"
        out.append((name, str(value)))
    return tuple(out), ""


def _line_of(source: str, name: str, key: str | None) -> int | None:
    lines = source.splitlines()
    header = re.compile(rf"^\s*\[\s*sites\.(?:\"{re.escape(name)}\"|{re.escape(name)})\s*\]")
    start = next((i for i, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        return None
    if key is None:
        return start + 1
    key_re = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for i in range(start + 1, len(lines)):
        if lines[i].lstrip().startswith("["):
            break
        if key_re.match(lines[i]):
            return i + 1
    return start + 1


def _validate_cron(expr: str) -> None:
    from apscheduler.triggers.cron import CronTrigger  # optional at crawl time, needed here

    if len(expr.split()) != 5:
        raise ValueError(f"{expr!r} is not a 5-field cron expression like '*/30 * * * *'")
    CronTrigger.from_crontab(expr)


def _check_site(name: str, raw: dict[str, Any]) -> tuple[SiteProfile | None, str | None, str]:
    """Return (profile, None, '') or (None, key, message)."""
    for key, value in raw.items():
        if key not in _FIELDS:
            allowed = ", ".join(sorted(_FIELDS))
            return None, key, f"unknown key {key!r} (allowed: {allowed})"
        expected = _FIELDS[key]
        if isinstance(value, bool) and expected is int:
            return None, key, f"{key} must be a whole number, not {value!r}"
        if not isinstance(value, expected):
            kind = expected.__name__ if isinstance(expected, type) else "value"
            return None, key, f"{key} must be a {kind}, not {type(value).__name__} {value!r}"
        if expected is list and not all(isinstance(v, str) for v in raw[key]):
            return None, key, f"{key} must be a list of strings"
    start_urls = raw.get("start_urls")
    if not start_urls:
        return None, None, "start_urls is required (a list of http(s) URLs)"
    for url in start_urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return None, "start_urls", f"start_urls has {url!r}, which is not an http(s) URL"
    tz = raw.get("timezone")
    if tz is not None:
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            return None, "timezone", f"unknown timezone {tz!r}: use an IANA name like Europe/Berlin"
    pattern = raw.get("article_pattern")
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as exc:
            return None, "article_pattern", f"article_pattern is not a valid regex: {exc}"
    if raw.get("schedule") and raw.get("every"):
        return None, "every", "give either schedule (cron) or every (interval), not both"
    if raw.get("schedule"):
        try:
            _validate_cron(raw["schedule"])
        except ValueError as exc:
            return None, "schedule", f"schedule: {exc}"
    if raw.get("every"):
        try:
            parse_every(raw["every"])
        except ValueError as exc:
            return None, "every", f"every: {exc}"
    max_articles = raw.get("max_articles")
    if max_articles is not None and max_articles < 1:
        return None, "max_articles", "max_articles must be at least 1"
    if raw.get("timeout"):
        try:
            parse_every(raw["timeout"])
        except ValueError as exc:
            return None, "timeout", f"timeout: {exc}"
    settings, problem = _check_settings(raw.get("settings", {}))
    if problem:
        return None, "settings", problem
    domains = raw.get("allowed_domains") or sorted(
        {urlsplit(u).hostname or "" for u in start_urls} - {""}
    )
    profile = SiteProfile(
        name=name,
        start_urls=tuple(start_urls),
        allowed_domains=tuple(domains),
        timezone=tz,
        article_pattern=pattern,
        schedule=raw.get("schedule"),
        every=raw.get("every"),
        max_articles=max_articles,
        tracking_params=tuple(raw.get("tracking_params", ())),
        selectors=tuple(raw.get("selectors", ())),
        allow_private=bool(raw.get("allow_private", False)),
        timeout=raw.get("timeout"),
        settings=settings,
    )
    return profile, None, ""


def load_sites(path: str | Path) -> SitesConfig:
    """Read and validate sites.toml; raise ConfigError naming file, line and key on problems."""
    p = Path(path)
    try:
        source = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{p}: no such file (create it, or pass --config)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read: {exc}") from exc
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{p}: not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - {"sites"})
    if unknown:
        raise ConfigError(f"{p}: unknown top-level key {unknown[0]!r} (only [sites.NAME] tables)")
    sites = data.get("sites", {})
    if not isinstance(sites, dict):
        raise ConfigError(f"{p}: 'sites' must be a table of [sites.NAME] tables")
    config = SitesConfig(path=p)
    for name, raw in sites.items():
        if not _NAME.match(name):
            line = _line_of(source, name, None)
            raise ConfigError(
                f"{p}, line {line}: site name {name!r} must be letters, digits, '-', '_' or '.'"
            )
        if not isinstance(raw, dict):
            raise ConfigError(f"{p}: sites.{name} must be a table")
        profile, key, message = _check_site(name, raw)
        if profile is None:
            line = _line_of(source, name, key)
            where = f", line {line}" if line else ""
            raise ConfigError(f"{p}{where}: [sites.{name}] {message}")
        config.sites[name] = profile
    return config
