"""Turn raw page bytes into text and an lxml tree: encoding detection, size and shape guards."""

from __future__ import annotations

import codecs
import re

import lxml.html
from lxml import etree
from w3lib.encoding import html_to_unicode

MAX_HTML_BYTES = 8 * 1024 * 1024
"""Pages larger than this are cut before parsing (the article is at the top of a page)."""

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x01\x00", "an icon file"),
)


class ExtractionError(ValueError):
    """A page that cannot be read as an HTML article; the message says why."""


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format of ``data`` if it is obviously not text, else None."""
    head = data[:16]
    for signature, name in _BINARY_SIGNATURES:
        if head.startswith(signature):
            return name
    sample = data[:4096]
    if sample and sample.count(b"\x00") > len(sample) // 20 and not _looks_utf16(sample):
        return "binary data"
    return None


def _looks_utf16(sample: bytes) -> bool:
    return sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def decode_html(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode page bytes the way a browser would: BOM, HTTP charset, ``<meta charset>``, detection.

    Returns ``(text, encoding)``. Raises ExtractionError for empty or binary input.
    """
    if not data or not data.strip():
        raise ExtractionError("empty document")
    kind = sniff_binary(data)
    if kind:
        raise ExtractionError(f"not an HTML page: looks like {kind}")
    if len(data) > MAX_HTML_BYTES:
        data = data[:MAX_HTML_BYTES]
    header = f"text/html; {content_type}" if content_type and "charset" in content_type else None
    if header is None and not _looks_utf16(data[:4]):
        try:  # bytes that are valid UTF-8 are UTF-8, whatever a stale <meta charset> says
            return data.decode("utf-8").removeprefix("\ufeff"), "utf-8"
        except UnicodeDecodeError:
            pass
    encoding, text = html_to_unicode(header, data)
    return text, encoding


_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def parse_html(text: str) -> lxml.html.HtmlElement:
    """Parse HTML text into a tree; raises ExtractionError when nothing usable comes out."""
    text = _XML_DECL.sub("", text, count=1)
    if "<" not in text[:65536] and "<" not in text:
        raise ExtractionError("not an HTML page: no markup at all")
    parser = lxml.html.HTMLParser(remove_comments=True, huge_tree=False, recover=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError(f"unparseable HTML: {exc}") from exc
    if root is None:
        raise ExtractionError("unparseable HTML: empty tree")
    return root


def load_html(data: bytes | str, content_type: str | None = None) -> lxml.html.HtmlElement:
    """Bytes or text -> lxml tree, with encoding detection; the one entry point for raw pages."""
    text = data if isinstance(data, str) else decode_html(data, content_type)[0]
    if not text.strip():
        raise ExtractionError("empty document")
    return parse_html(text)
