"""Scrapy settings for newsarchive crawls: polite defaults and our ARCHIVE_* / DEDUP_* settings."""

BOT_NAME = "newsarchive"
SPIDER_MODULES = ["scraper.spiders"]
NEWSPIDER_MODULE = "scraper.spiders"

USER_AGENT = "newsarchive/0.1 (news archiver; respects robots.txt)"
ROBOTSTXT_OBEY = True

# Politeness: adapt to the server, never hammer it.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 4.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 8
# Our pipelines are synchronous, so handling a response's outputs in parallel buys nothing,
# while Scrapy starts CONCURRENT_ITEMS asyncio tasks for every response (100 by default: a
# third of the reactor's time on a fast crawl; see bench/README.md).
CONCURRENT_ITEMS = 1

# Bounded work per response.
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 10
DEPTH_LIMIT = 6
DEPTH_PRIORITY = 1
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
# Scrapy 2.19 starts an HTTP server in every crawl that runs Python code sent to it (token in a
# job file under the user's profile): not something a scheduled archiver should expose by
# default. Turn it on with `-s REMOTE_CONTROL_ENABLED=True` to inspect a running crawl. (Scrapy
# still imports the extension, and aiohttp with it, while it reads the settings.)
REMOTE_CONTROL_ENABLED = False
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
LOG_FORMATTER = "scraper.logformat.ConciseLogFormatter"

# Kept-alive connections: see scraper/download.py (KEEPALIVE_PER_HOST below).
DOWNLOAD_HANDLERS = {
    "http": "scraper.download.KeepAliveDownloadHandler",
    "https": "scraper.download.KeepAliveDownloadHandler",
}
SPIDER_MIDDLEWARES: dict[str, int] = {}
DOWNLOADER_MIDDLEWARES = {
    "scraper.frontier.FrontierMiddleware": 560,
    "scraper.politeness.PolitenessMiddleware": 570,  # before RetryMiddleware (550) sees a 429
    "scraper.guard.GuardMiddleware": 650,  # before RedirectMiddleware (600) follows a 3xx
}
ITEM_PIPELINES = {
    "pipelines.validate.ValidatePipeline": 100,
    "pipelines.canonical.CanonicalUrlPipeline": 200,
    "pipelines.dedup.DedupPipeline": 300,
    "pipelines.store.StorePipeline": 900,
}
EXTENSIONS = {
    "scraper.gctune.GcTuneExtension": 100,
    "scraper.progress.ProgressExtension": 500,
}

# -- newsarchive settings (documented in docs/settings.md) ---------------------------------------
ARCHIVE_DB = "archive.db"
ARCHIVE_BATCH_SIZE = 50
ARCHIVE_CRAWL_ID = 0
DEDUP_ENABLED = True
DEDUP_NEAR_THRESHOLD = 0.6
DEDUP_RECENT = 20_000
FRONTIER_ENABLED = True
FRONTIER_MODE = "due"
FRONTIER_TIERS = "1h,6h,1d,7d"
CANONICAL_TRACKING_PARAMS: list[str] = []
CANONICAL_STRIP_WWW = False
VALIDATE_MIN_WORDS = 30
PROGRESS_ENABLED = False
PROGRESS_INTERVAL = 1.0
GC_TUNE_ENABLED = True
GC_TUNE_THRESHOLD = 10_000
SITES_CONFIG = "sites.toml"
KEEPALIVE_PER_HOST = 0  # 0: CONCURRENT_REQUESTS
EXTRACT_WORKERS = -1
EXTRACT_TIMEOUT = 30.0
GUARD_ENABLED = True
GUARD_ALLOW_PRIVATE = "auto"
POLITE_ENABLED = True
POLITE_RETRY_AFTER_MAX = 60.0
POLITE_CRAWL_DELAY_MAX = 30.0
