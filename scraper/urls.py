"""URL canonicalisation: tracking parameters, fragments, default ports; same-site checks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

DEFAULT_TRACKING_PARAMS: tuple[str, ...] = (
    "utm_*", "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid",
    "_ga", "_gl", "igshid", "yclid", "ocid", "cmpid", "ito", "ref_src", "ns_mchannel",
    "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "spm", "share", "at_medium",
    "at_campaign", "CMP", "ref",
    # session ids: every visit mints a new one, so they turn one page into endless URLs
    "sid", "sessionid", "session_id", "sessid", "phpsessid", "jsessionid", "aspsessionid*",
    "cfid", "cftoken",
)
_SESSION_PATH_PARAM = re.compile(r";(?:jsessionid|phpsessid|sid)=[^/?#;]*", re.IGNORECASE)

_NON_PAGE_EXT = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|ico|css|js|json|pdf|zip|gz|mp[34]|m4a|avi|mov|wav|woff2?|ttf"
    r"|eot|xml|rss|atom|txt|docx?|xlsx?|pptx?)$",
    re.IGNORECASE,
)


def _is_tracking(name: str, patterns: Iterable[str]) -> bool:
    lowered = name.lower()
    for pattern in patterns:
        p = pattern.lower()
        if p.endswith("*") and lowered.startswith(p[:-1]):
            return True
        if lowered == p:
            return True
    return False


def canonicalize_url(url: str, tracking: Iterable[str] = DEFAULT_TRACKING_PARAMS) -> str:
    """Drop fragments, tracking and session parameters and default ports; lower-case scheme and host.

    The query keeps its other parameters in their original order (order can matter to a CMS).
    Raises ValueError for a URL that cannot be parsed (a bad port, a broken IPv6 literal).
    A crawl canonicalises each URL about three times (request, response, item), so the last
    results are remembered.
    """
    return _canonicalize(url, tracking if isinstance(tracking, tuple) else tuple(tracking))


@lru_cache(maxsize=4096)
def _canonicalize(url: str, patterns: tuple[str, ...]) -> str:
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port  # ValueError for a port out of range
    netloc = host
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc = f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking(k, patterns)
    ]
    path = _SESSION_PATH_PARAM.sub("", parts.path) or "/"
    return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))


_VARIANT_QUERY = {"amp": None, "outputtype": "amp", "print": None, "view": "print", "output": "print"}
_VARIANT_PATH = re.compile(r"(?:/amp|/print|\.amp)(?=/?$)", re.IGNORECASE)


def strip_variants(url: str) -> str:
    """AMP and print variants -> the plain article URL (``/amp``, ``?amp=1``, ``?view=print`` ...).

    Used only when a page declares no canonical URL of its own.
    """
    parts = urlsplit(url)
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not (k.lower() in _VARIANT_QUERY and _VARIANT_QUERY[k.lower()] in (None, v.lower()))
    ]
    path = _VARIANT_PATH.sub("", parts.path) or "/"
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query, doseq=True), ""))


def strip_www(url: str) -> str:
    """``https://www.example.com/a`` -> ``https://example.com/a``."""
    parts = urlsplit(url)
    if parts.netloc.lower().startswith("www."):
        return urlunsplit((parts.scheme, parts.netloc[4:], parts.path, parts.query, parts.fragment))
    return url


def host_of(url: str) -> str:
    """The lower-case host of a URL without a leading ``www.``."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def same_site(url: str, other: str) -> bool:
    """True when both URLs are on the same host (ignoring ``www.``) and port."""
    a, b = urlsplit(url), urlsplit(other)
    return host_of(url) == host_of(other) and (a.port or 0) == (b.port or 0)


def looks_like_page(url: str) -> bool:
    """False for URLs that obviously point at images, scripts, feeds or documents."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and not _NON_PAGE_EXT.search(parts.path)
