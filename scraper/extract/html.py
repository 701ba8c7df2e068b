"""Turn raw page bytes into text and an lxml tree: encoding detection, size and shape guards."""

from __future__ import annotations

import codecs
import itertools
import re
from typing import Any
from urllib.parse import urljoin

import lxml.html
from charset_normalizer import from_bytes
from lxml import etree
from w3lib.encoding import (
    html_body_declared_encoding,
    html_to_unicode,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

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


_TEXT_BYTES = bytes([9, 10, 12, 13, 27, *range(32, 256)])
"""Bytes that occur in text; more than 5% of anything else in a page's first 4 KB means binary."""


class ExtractionError(ValueError):
    """A page that cannot be read as an HTML article; the message says why."""


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format of ``data`` if it is obviously not text, else None."""
    head = data[:16]
    for signature, name in _BINARY_SIGNATURES:
        if head.startswith(signature):
            return name
    sample = data[:4096]
    if sample and not _looks_utf16(sample):
        if sample.count(b"\x00") > len(sample) // 20:
            return "binary data"
        if len(sample.translate(None, _TEXT_BYTES)) > len(sample) // 20:
            return "binary data (control characters)"
    return None


def _looks_utf16(sample: bytes) -> bool:
    return sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


_STATEFUL_7BIT = frozenset({"iso2022_jp", "iso2022_jp_2", "iso2022_kr", "hz", "utf_7"})
"""Encodings whose bytes are also valid ASCII/UTF-8: a declaration of one of them is believed."""


def _codec(name: str | None) -> str | None:
    """The codec a declared label means, read as browsers read it (the WHATWG Encoding
    standard, as w3lib maps it): "iso-8859-1" is windows-1252 (its bytes 0x80-0x9f are "€",
    curly quotes and dashes, never C1 controls), "euc-kr" is cp949, "shift_jis" cp932,
    "gb2312" gb18030; a label no browser reads ("utf-7") is none."""
    if not name:
        return None
    try:
        return codecs.lookup(resolve_encoding(name) or "").name
    except LookupError:
        return None


STRAY_BYTES = 8  # invalid bytes a UTF-8 page may hold (+1 a 10 KB) and still be UTF-8


def _stray_byte(error: UnicodeError) -> tuple[str, int]:
    """A byte that is not UTF-8 in a UTF-8 page, read as windows-1252 (a caption pasted from
    an old editor: "\x93quoted\x94")."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start:error.end].decode("cp1252", "replace"), error.end


codecs.register_error("newsarchive-stray-byte", _stray_byte)


def _nearly_utf8(data: bytes) -> str | None:
    """A UTF-8 page with a few stray bytes of another encoding, its stray bytes read as
    windows-1252; None when the bytes are not UTF-8 with a few exceptions."""
    text = data.decode("utf-8", "replace")
    if text.count("\ufffd") > STRAY_BYTES + len(data) // 10_000 or _UTF8_LETTER.search(text) is None:
        return None  # (many errors, or no UTF-8 sequence at all: another encoding)
    return data.decode("utf-8", "newsarchive-stray-byte")


# the Windows code page that extends an ISO-8859 part with letters in 0x80-0x9f, where the ISO
# part has C1 controls no page means (ISO-8859-1 and -9 are read as windows-1252 and -1254)
_WINDOWS_SIBLING = {"iso8859-2": "cp1250", "iso8859-7": "cp1253", "iso8859-8": "cp1255",
                    "iso8859-13": "cp1257", "iso8859-15": "cp1252"}
_C1_CONTROL = re.compile("[\x80-\x9f]")
_UTF8_LETTER = re.compile("[^\x00-\x7f\ufffd]")  # a character UTF-8 writes in two bytes or more
NOT_WESTERN_SHARE = 0.3  # of a windows-1252 reading's letters outside ASCII
DETECT_BYTES = 64 * 1024  # read by the detector


def _western(text: str) -> bool:
    """Text that windows-1252 reads as a Western language: few letters outside ASCII (an
    EUC-KR page read so is all "Àå¸¶ ³¡³ªÀÚ")."""
    letters = [c for c in _TAG.sub(" ", text[:DETECT_BYTES]) if c.isalpha()]
    return not letters or sum(not c.isascii() for c in letters) / len(letters) < NOT_WESTERN_SHARE


_TAG = re.compile(r"<[^>]*>")


def _detected(data: bytes) -> str | None:
    """The encoding charset-normalizer finds for an undeclared page that windows-1252 does
    not read as a Western language (its legacy encoding of Korean, Russian, Greek ...)."""
    match = from_bytes(data[:DETECT_BYTES]).best()
    return _codec(match.encoding) if match is not None else None


def _utf8_prefix(data: bytes) -> str | None:
    """``data`` as UTF-8 if it is valid UTF-8 (a sequence cut off at the very end is dropped)."""
    try:
        return codecs.getincrementaldecoder("utf-8")("strict").decode(data, final=False)
    except UnicodeDecodeError:
        return None


def decode_html(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode page bytes robustly: BOM, valid UTF-8, then declarations that fit, then windows-1252
    or a detected encoding.

    Declarations lie (a server's default ``charset=utf-8`` on a windows-1251 page, a stale
    ``<meta charset>``), so a declared charset is used only when the bytes decode under it
    without errors: bytes that are valid UTF-8 are UTF-8 (unless a 7-bit stateful encoding like
    ISO-2022-JP is declared), and so are UTF-8 bytes with a few stray windows-1252 ones when
    UTF-8 or nothing is declared; otherwise the HTTP charset, then the ``<meta>`` one are tried
    strictly, then windows-1252 unless it reads no Western text (an undeclared EUC-KR page),
    where charset-normalizer's guess is taken; only then is a lossy decode accepted.
    Returns ``(text, encoding)``. Raises ExtractionError for empty or binary input.
    """
    if not data or not data.strip():
        raise ExtractionError("empty document")
    kind = sniff_binary(data)
    if kind:
        raise ExtractionError(f"not an HTML page: looks like {kind}")
    if len(data) > MAX_HTML_BYTES:
        data = data[:MAX_HTML_BYTES]
    bom_encoding, bom = read_bom(data)
    if bom_encoding and bom:
        return data[len(bom):].decode(bom_encoding, "replace"), bom_encoding
    header = f"text/html; {content_type}" if content_type and "charset" in content_type else None
    declared = [
        c for c in (
            _codec(http_content_type_encoding(header) if header else None),
            _codec(html_body_declared_encoding(data)),
        ) if c
    ]
    if not any(c in _STATEFUL_7BIT for c in declared):
        text = _utf8_prefix(data)
        if text is not None:
            return text, "utf-8"
        if declared[:1] in ([], ["utf-8"]) and (text := _nearly_utf8(data)) is not None:
            return text, "utf-8"
    for encoding in dict.fromkeys(declared):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        sibling = _WINDOWS_SIBLING.get(encoding)
        if sibling and _C1_CONTROL.search(text):
            # an ISO-8859 label on its Windows code page's bytes ("š" as 0x9a, a C1 control
            # in ISO-8859-2), as old editors wrote them
            try:
                return data.decode(sibling), sibling
            except UnicodeDecodeError:
                pass
        return text, encoding
    western: str | None
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is None or not _western(western):
        # nothing declared fits, and windows-1252 reads no Western text: detect
        detected = _detected(data)
        if detected and detected != "cp1252":
            try:
                return data.decode(detected), detected
            except (UnicodeDecodeError, LookupError):
                pass
    if western is not None:
        return western, "cp1252"
    encoding, lossy = html_to_unicode(header, data)
    return lossy, encoding


_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity,
)
"""Every element is an HtmlElement: a lookup done in C, where lxml.html's default calls Python
for each element proxy (form-specific classes are not needed for extraction)."""

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

_BLOCK = ("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
          "table", "tr", "td", "th", "blockquote", "section", "article", "aside", "header",
          "footer", "nav", "figure", "figcaption", "form", "hr", "pre", "address", "main")
_NO_UNWRAP = frozenset({"pre", "textarea"})  # (and a script's or a style's own text)


def _unwrap_paragraph_newlines(root: lxml.html.HtmlElement) -> None:
    """A newline in a paragraph's source is a space, as a browser shows it.

    Extractors split text at newlines (trafilatura's output, our visible text), so a
    hard-wrapped paragraph or ``nur <a>\\n <svg/> VIP-Mitglieder</a>`` would be cut in two.
    Only ``<p>`` is unwrapped: outside paragraphs a source line often is a line on screen too
    (a ``<span>`` styled as a block), and lists cost ten times as much to scan (menus). Not in
    an element that also holds blocks (a ``<p>`` wrapping ``<div>``s, as broken pages have it)
    or ``<br>``s (old pages break their lines with both, and table cells' text loses the
    ``<br>``), nor in code (``<pre>``, ``<textarea>``, a script's or a style's text).

    One walk of each paragraph, each text's element asked once (an XPath of the paragraphs'
    texts cost the square of their number: libxml2 merges each paragraph's node set into the
    result, 3.5 s on a page of 100 paragraphs of 400 lines; and one that asked each text's
    parent for blocks, 3.5 s on a paragraph of 1,000 wrapped links).
    """
    kept: dict[Any, bool] = {}  # element -> its texts keep their line breaks
    for paragraph in root.iter("p"):
        for el in paragraph.iter():
            if not isinstance(el.tag, str):
                continue
            text = el.text
            if text and "\n" in text and not _keeps_breaks(el, kept):
                _unwrap(el, text, tail=False)
            if el is not paragraph:
                tail = el.tail
                if tail and "\n" in tail and not _keeps_breaks(el.getparent(), kept):
                    _unwrap(el, tail, tail=True)


def _keeps_breaks(el: lxml.html.HtmlElement | None, kept: dict[Any, bool]) -> bool:
    """The texts directly in ``el`` keep their line breaks (see _unwrap_paragraph_newlines)."""
    if el is None:
        return True
    known = kept.get(el)
    if known is None:
        known = kept[el] = el.tag in ("script", "style") or any(
            isinstance(child.tag, str) and child.tag in _BLOCK for child in el) or any(
            node.tag in _NO_UNWRAP for node in itertools.chain((el,), el.iterancestors()))
    return known


def _unwrap(el: lxml.html.HtmlElement, text: str, *, tail: bool) -> None:
    try:
        _set_text(el, text.replace("\n", " "), tail=tail)
    except ValueError:
        # a form feed or another control character that the parser keeps in a text but lxml
        # will not take back in one: dropped, as a browser shows nothing for it
        _set_text(el, _XML_CONTROL.sub("", text).replace("\n", " "), tail=tail)


def _set_text(el: lxml.html.HtmlElement, text: str, *, tail: bool) -> None:
    if tail:
        el.tail = text
    else:
        el.text = text


_XML_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def parse_html(text: str) -> lxml.html.HtmlElement:
    """Parse HTML text into a tree; raises ExtractionError when nothing usable comes out."""
    text = _XML_DECL.sub("", text, count=1)
    if "<" not in text[:65536] and "<" not in text:
        raise ExtractionError("not an HTML page: no markup at all")
    parser = lxml.html.HTMLParser(remove_comments=True, huge_tree=False, recover=True)
    parser.set_element_class_lookup(_LOOKUP)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError(f"unparseable HTML: {exc}") from exc
    if root is None:
        raise ExtractionError("unparseable HTML: empty tree")
    _unwrap_paragraph_newlines(root)
    if "<rdf:RDF" in text:
        _keep_rdf(root, text)
    return root


RDF_SCRIPT_TYPE = "application/rdf+xml"
MAX_RDF_BLOCKS = 3
RDF_CHARS = 20_000  # a trackback block is a few hundred characters
_RDF_OPEN, _RDF_CLOSE = "<rdf:RDF", "</rdf:RDF>"


def _keep_rdf(root: lxml.html.HtmlElement, text: str) -> None:
    """An RDF block that a blog engine hides in a comment (Movable Type's trackback data,
    "<!-- <rdf:RDF …><rdf:Description … dc:date=…/></rdf:RDF> -->") is kept as an inert
    ``<script type="application/rdf+xml">`` in the <head>, where the date code reads it: the
    comments themselves are dropped at parsing. One pass over the text (each search starts
    where the last block ended): a page of a thousand unclosed "<!-- <rdf:RDF" costs nothing
    more."""
    head = root.find("head")
    if head is None:
        return
    pos = kept = 0
    while kept < MAX_RDF_BLOCKS and (end := text.find(_RDF_CLOSE, pos)) >= 0:
        start = text.rfind(_RDF_OPEN, pos, end)  # (the opener nearest the close)
        pos = end + len(_RDF_CLOSE)
        if start < 0 or end - start > RDF_CHARS or not text[max(0, start - 20):start].rstrip(
                ).endswith("<!--") or not text[pos:pos + 20].lstrip().startswith("-->"):
            continue
        script = etree.SubElement(head, "script", type=RDF_SCRIPT_TYPE)
        script.text = text[start:pos]
        kept += 1


def load_html(data: bytes | str, content_type: str | None = None) -> lxml.html.HtmlElement:
    """Bytes or text -> lxml tree, with encoding detection; the one entry point for raw pages."""
    text = data if isinstance(data, str) else decode_html(data, content_type)[0]
    if not text.strip():
        raise ExtractionError("empty document")
    return parse_html(text)


def own_addresses(tree: lxml.html.HtmlElement, url: str) -> tuple[str | None, str | None]:
    """The page's ``<link rel=canonical>`` and ``og:url``, made absolute against ``url``; None
    for one that is missing or unreadable (a bad IPv6 literal must not cost the page)."""
    canonical = og_url = None
    for link in tree.iterfind(".//link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href"):
            canonical = resolve_href(url, link.get("href"))
            break
    for meta in tree.iterfind(".//meta"):
        key = meta.get("property") or meta.get("name") or ""
        if key.strip().lower() == "og:url" and meta.get("content"):
            og_url = resolve_href(url, meta.get("content"))
            break
    return canonical, og_url


def resolve_href(base: str, href: str | None) -> str | None:
    """``href`` made absolute against ``base``; None for none or an unreadable address."""
    if not href or not href.strip():
        return None
    try:
        return urljoin(base, href.strip())
    except ValueError:
        return None


def short_text(el: lxml.html.HtmlElement, limit: int) -> str | None:
    """An element's text when it is at most ``limit`` characters, read no further (a tag left
    open over a megabyte of text is no line); inline tags separate words ("…Bilanz</p><p>
    Autorin:")."""
    out: list[str] = []
    size = 0
    for piece in el.itertext():
        size += len(piece)
        if size > limit:
            return None
        out.append(piece)
    return " ".join(out)
