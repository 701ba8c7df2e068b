"""Custom Scrapy signals that let pipelines tell each other about URLs without sharing state."""

url_alias = object()
"""Sent with ``alias`` (a URL) and ``canonical`` (the archived article's URL) when a page turns
out to be another address of an article already seen in this crawl."""
