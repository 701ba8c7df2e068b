"""How page bytes become text: declarations read as browsers read them, a UTF-8 page's stray
bytes, and undeclared legacy encodings (held-out probe round 29b's pages, written here anew)."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.extract.html import decode_html

PARAGRAPH = "Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen. "


def _page(head: str, title: str, body: str) -> str:
    return (f"<html><head>{head}<title>{title}</title></head><body><h1>{title}</h1>"
            f"<p>{body}</p></body></html>")


def test_an_undeclared_korean_page_is_detected() -> None:
    title = "장마 끝나자 폭염…서울 올 들어 첫 폭염주의보"
    body = "기상청은 25일 오전 11시를 기해 서울 전역에 폭염주의보를 발령했다고 밝혔다. " * 6
    data = _page("", title, body).encode("euc-kr")
    text, encoding = decode_html(data)
    assert encoding == "cp949" and title in text
    assert extract_article(data, "https://news.example.kr/view/1").title == title


def test_an_undeclared_russian_page_is_detected() -> None:
    body = "Депутаты городской думы снова обсудили маршрут нового трамвая на северо-запад. " * 6
    text, encoding = decode_html(_page("", "Трамвай на Северо-Запад", body).encode("cp1251"))
    assert encoding == "cp1251" and "Депутаты городской думы" in text


def test_an_undeclared_western_page_stays_windows_1252() -> None:
    text, encoding = decode_html(_page("", "Haushalt beschlossen", PARAGRAPH * 4).encode("cp1252"))
    assert encoding == "cp1252" and "für das kommende Jahr" in text


def test_iso_8859_1_is_read_as_windows_1252_as_browsers_do() -> None:
    # the declaration names ISO-8859-1; the bytes 0x80 and 0x93/0x94 are windows-1252's
    data = _page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
                 "Preise", "Der Eintritt kostet 5 € – „ermäßigt“ 3 €. " * 4).encode("cp1252")
    text, encoding = decode_html(data)
    assert encoding == "cp1252" and "kostet 5 € – „ermäßigt“" in text
    assert "\x80" not in text


def test_a_utf8_page_with_a_stray_windows_1252_byte_stays_utf8() -> None:
    # one caption pasted from an old editor ("\x93" a curly quote) in a UTF-8 page
    data = (_page('<meta charset="utf-8">', "Ação no Algarve", PARAGRAPH * 4).encode("utf-8")
            .replace(b"</p>", b" Foto: \x93Praia\x94</p>"))
    text, encoding = decode_html(data)
    assert encoding == "utf-8" and "Ação no Algarve" in text and "für das" in text
    assert "Foto: “Praia”" in text


def test_a_page_of_another_encoding_declared_utf8_is_not_read_as_utf8() -> None:
    data = _page('<meta charset="utf-8">', "Трамвай", "Депутаты думы обсудили маршрут. " * 40
                 ).encode("cp1251")
    text, _ = decode_html(data)
    assert "Депутаты думы" in text


@pytest.mark.parametrize("label", ["utf-7", "x-unknown-charset"])
def test_a_label_no_browser_reads_is_ignored(label: str) -> None:
    text, encoding = decode_html(_page(f'<meta charset="{label}">', "Haushalt", PARAGRAPH * 4)
                                 .encode("cp1252"))
    assert encoding == "cp1252" and "für das" in text


def test_a_large_ascii_page_with_one_stray_byte_is_windows_1252_not_utf8() -> None:
    # no character that UTF-8 writes in several bytes: nothing says the page is UTF-8
    data = _page("", "Haushalt", "Der Rat hat getagt. " * 200_000).encode("ascii").replace(
        b"</p>", b" \xfcber</p>")
    text, encoding = decode_html(data)
    assert encoding == "cp1252" and text.endswith("getagt.  über</p></body></html>")


def test_an_iso_8859_2_label_on_windows_1250_bytes_is_read_as_windows_1250() -> None:
    # "š" and "ť" are 0x9a and 0x9d in windows-1250, C1 controls in ISO-8859-2
    data = _page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">',
                 "Jihlavští zastupitelé schválili rozpočet", "Škrtají na sportu a kultuře. " * 8
                 ).encode("cp1250")
    text, encoding = decode_html(data)
    assert encoding == "cp1250" and "Jihlavští zastupitelé" in text


def test_an_iso_8859_2_page_stays_iso_8859_2() -> None:
    data = _page('<meta charset="iso-8859-2">', "Zażółć gęślą jaźń", "Zażółć gęślą jaźń. " * 8
                 ).encode("iso-8859-2")
    text, encoding = decode_html(data)
    assert encoding == "iso8859-2" and "Zażółć gęślą jaźń" in text
