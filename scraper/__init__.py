"""newsarchive's crawling side: Scrapy settings, items, spiders and the extraction library."""
