"""JSON-LD blocks of a page, parsed leniently and flattened (``@graph``, lists, nesting)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import lxml.html

ARTICLE_TYPES = frozenset(
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
        "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting",
        "LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle", "SocialMediaPosting",
        "SatiricalArticle", "AdvertiserContentArticle", "AskPublicNewsArticle",
    }
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def _loads(text: str) -> Any:
    text = text.strip()
    if text.startswith("<!--"):
        text = text[4:]
    if text.endswith("-->"):
        text = text[:-3]
    text = text.strip().rstrip(";")
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # (arrays nested thousands deep)
        pass
    cleaned = _TRAILING_COMMA.sub(r"\1", _CONTROL.sub(" ", text))
    try:
        return json.loads(cleaned, strict=False)
    except (ValueError, RecursionError):
        return None


def _walk(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 8:
        return
    if isinstance(node, list):
        for child in node:
            yield from _walk(child, depth + 1)
    elif isinstance(node, dict):
        yield node
        graph = node.get("@graph")
        if graph is not None:
            yield from _walk(graph, depth + 1)
        main = node.get("mainEntity")
        if isinstance(main, dict | list):
            yield from _walk(main, depth + 1)


def jsonld_objects(tree: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, ``@graph`` members flattened, bad blocks skipped."""
    out: list[dict[str, Any]] = []
    for script in tree.iterfind(".//script"):
        kind = (script.get("type") or "").strip().lower()
        if kind != "application/ld+json" or not script.text:
            continue
        out.extend(_walk(_loads(script.text)))
    return out


def types_of(obj: dict[str, Any]) -> set[str]:
    """The ``@type`` names of an object, without a schema.org prefix."""
    raw = obj.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {str(n).rsplit("/", 1)[-1] for n in names if n}


def article_objects(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The objects that describe an article (NewsArticle, BlogPosting, ...), their authors
    given by reference ('"author": [{"@id": ".../person/a6e1"}, …]' in a Yoast graph) replaced
    by the graph's nodes of those ids."""
    articles = [o for o in objects if types_of(o) & ARTICLE_TYPES]
    return [_with_authors(o, objects) for o in articles]


def _with_authors(article: dict[str, Any], objects: list[dict[str, Any]]) -> dict[str, Any]:
    authors = article.get("author")
    items = authors if isinstance(authors, list) else [authors]
    if not any(isinstance(a, dict) and "name" not in a and isinstance(a.get("@id"), str)
               for a in items):
        return article
    nodes = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and "name" in o}
    resolved = [nodes.get(a["@id"], a) if isinstance(a, dict) and "name" not in a
                and isinstance(a.get("@id"), str) else a for a in items]
    if all(new is old for new, old in zip(resolved, items, strict=True)):
        return article  # (no node of those ids: the object as it was)
    return {**article, "author": resolved}
