"""Custom Scrapy signals that let the spider and pipelines tell each other about URLs."""

url_alias = object()
"""Sent with ``alias`` (an archive.store.Alias) when a page turns out to be another address of
an article already seen in this crawl."""

not_modified = object()
"""Sent with ``url`` and ``fetched_at`` when a conditional revisit is answered 304."""
