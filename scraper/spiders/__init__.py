"""Crawl strategies: one module per strategy; per-site variation comes from profiles."""
