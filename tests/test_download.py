"""scraper.download: the HTTP handler's connection pool keeps what comes back."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# The handler installs Twisted's reactor when it is built: build it in a fresh interpreter so
# the test process's own reactor choice is untouched.
PROBE = """
import json, sys
from scrapy.utils.test import get_crawler
from scraper.download import KeepAliveDownloadHandler
from scrapy.utils.reactor import install_reactor
reactor = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
install_reactor(reactor)
settings = dict(json.loads(sys.argv[1]), TWISTED_REACTOR=reactor)
handler = KeepAliveDownloadHandler(get_crawler(settings_dict=settings))
print(handler._pool.maxPersistentPerHost)
"""


@pytest.mark.parametrize(
    ("settings", "idle"),
    [
        ({"CONCURRENT_REQUESTS": 16, "CONCURRENT_REQUESTS_PER_DOMAIN": 8}, 16),
        ({"CONCURRENT_REQUESTS": 32, "CONCURRENT_REQUESTS_PER_DOMAIN": 8}, 32),
        ({"CONCURRENT_REQUESTS": 16, "CONCURRENT_REQUESTS_PER_DOMAIN": 8, "KEEPALIVE_PER_HOST": 4},
         8),  # never fewer than Scrapy's own
        ({"CONCURRENT_REQUESTS": 16, "CONCURRENT_REQUESTS_PER_DOMAIN": 8, "KEEPALIVE_PER_HOST": 24},
         24),
    ],
)
def test_idle_connections_kept_per_host(settings: dict[str, int], idle: int) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(settings)],
        capture_output=True, text=True, timeout=120, check=True,
    )
    assert int(out.stdout.strip()) == idle


def test_our_settings_use_the_handler_for_http_and_https() -> None:
    import scraper.settings as ours

    assert ours.DOWNLOAD_HANDLERS == {
        "http": "scraper.download.KeepAliveDownloadHandler",
        "https": "scraper.download.KeepAliveDownloadHandler",
    }
