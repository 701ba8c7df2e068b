"""The `newsarchive` command: each command parses its options, calls the library, renders.

Commands live by concern (``crawling``, ``reading``, ``scheduling``) and are added to the one
click group of ``app`` here, explicitly.
"""

from __future__ import annotations

from . import crawling, reading, scheduling
from .app import _cell, main

__all__ = ["_cell", "main"]

for _command in (
    crawling.portal, crawling.crawl, crawling.extract, crawling.demo,
    reading.search, reading.show, reading.stats, reading.export, reading.serve,
    scheduling.sites, scheduling.schedule, scheduling.crawls,
):
    main.add_command(_command)
