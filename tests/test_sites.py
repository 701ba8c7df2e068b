"""sites.toml: profiles load, and every mistake is reported with its file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.sites import ConfigError, load_sites, parse_every

GOOD = """
[sites.gazette]
start_urls = ["http://127.0.0.1:8000/"]
timezone = "Europe/Berlin"
article_pattern = "/\\\\d{4}/"
schedule = "*/30 * * * *"

[sites.wire]
start_urls = ["https://wire.example/news"]
every = "15m"
allowed_domains = ["wire.example"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sites.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_profiles_load(tmp_path: Path) -> None:
    config = load_sites(write(tmp_path, GOOD))
    gazette = config.get("gazette")
    assert gazette.timezone == "Europe/Berlin"
    assert gazette.allowed_domains == ("127.0.0.1",)
    assert gazette.article_pattern == "/\\d{4}/"
    assert config.get("wire").every_seconds == 900


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[sites.a]\nstart_urls = ["http://e.com/"]\ntimezone = "Mars/Olympus"\n',
         r"line 3: \[sites.a\] unknown timezone 'Mars/Olympus'"),
        ('[sites.a]\nstart_urls = ["http://e.com/"]\nschedule = "every day"\n',
         r"line 3: \[sites.a\] schedule: 'every day' is not a 5-field cron"),
        ('[sites.a]\nstart_urls = ["http://e.com/"]\nschedule = "61 * * * *"\n',
         r"line 3: \[sites.a\] schedule:"),
        ('[sites.a]\nstart_urls = ["http://e.com/"]\ncolour = "blue"\n',
         r"line 3: \[sites.a\] unknown key 'colour'"),
        ('[sites.a]\nstart_urls = "http://e.com/"\n', r"line 2: \[sites.a\] start_urls must be a list"),
        ('[sites.a]\nstart_urls = ["ftp://e.com/"]\n', r"not an http\(s\) URL"),
        ('[sites.a]\ntimezone = "UTC"\n', r"start_urls is required"),
        ('[sites.a]\nstart_urls = ["http://e.com/"]\nmax_articles = true\n', "whole number"),
        ('[sites.a]\nstart_urls = ["http://e.com/"]\nevery = "soon"\n', r"line 3: .*every:"),
        ('[sites.a]\nstart_urls = ["http://e.com/"]\narticle_pattern = "("\n', "not a valid regex"),
        ("[sites.a\n", "not valid TOML"),
        ('[other]\nx = 1\n', "unknown top-level key 'other'"),
    ],
)
def test_mistakes_are_named(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_sites(write(tmp_path, text))


def test_missing_file_and_unknown_site(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_sites(tmp_path / "nope.toml")
    config = load_sites(write(tmp_path, GOOD))
    with pytest.raises(ConfigError, match=r"no site named 'x' \(known: gazette, wire\)"):
        config.get("x")


def test_parse_every() -> None:
    assert parse_every("30s") == 30
    assert parse_every("2h") == 7200
    with pytest.raises(ValueError):
        parse_every("0m")


def test_timeout_and_settings_keys(tmp_path: Path) -> None:
    """Scheduler keys (issue 6): a crawl's hard timeout and extra Scrapy settings per site."""
    config = load_sites(write(tmp_path, '[sites.a]\nstart_urls = ["http://e.com/"]\n'
                              'timeout = "45m"\nsettings = { DOWNLOAD_DELAY = 2, '
                              'AUTOTHROTTLE_ENABLED = false, USER_AGENT = "x" }\n'))
    profile = config.get("a")
    assert profile.timeout_seconds == 2700
    assert profile.settings == (("DOWNLOAD_DELAY", "2"), ("AUTOTHROTTLE_ENABLED", "False"),
                                ("USER_AGENT", "x"))
    assert load_sites(write(tmp_path, GOOD)).get("wire").timeout_seconds is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('timeout = "forever"', r"line 3: \[sites.a\] timeout: 'forever' is not an interval"),
        ("timeout = 60", r"line 3: \[sites.a\] timeout must be a str, not int 60"),
        ('settings = "DOWNLOAD_DELAY=1"', r"line 3: \[sites.a\] settings must be a dict"),
        ("settings = { download_delay = 1 }", r"'download_delay' is not a Scrapy setting name"),
        ('settings = { ARCHIVE_DB = "x.db" }', r"ARCHIVE_DB is set by newsarchive itself"),
        ("settings = { ITEM_PIPELINES = [1] }", r"ITEM_PIPELINES must be a string, number"),
    ],
)
def test_timeout_and_settings_mistakes_are_named(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_sites(write(tmp_path, f'[sites.a]\nstart_urls = ["http://e.com/"]\n{text}\n'))
