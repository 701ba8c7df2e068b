"""The compiled patterns that find dates, clocks, zones, relative dates and labels in text."""

from __future__ import annotations

import re

from .datewords import _MONTH_ALT, _ZONE_ALT, trie_pattern

# The zeros of the decimal digits outside ASCII (Unicode's "Nd" in the Basic Multilingual
# Plane: Arabic-Indic, Persian, N'Ko, the Indic scripts from Devanagari to Sinhala, Thai, Lao,
# Tibetan, Myanmar, Khmer, Mongolian ... and full-width), each the first of ten in a row
_DIGIT_ZEROS = (
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
)
_DIGITS = {zero + i: str(i) for zero in _DIGIT_ZEROS for i in range(10)} | {ord("："): ":"}

# A pattern that starts with a number is written "(\d(?<!X\d)\d{3})", not "(?<!X)(\d{4})" (and
# "(\d(?<!X\d)\d?)" for "(?<!X)(\d{1,2})"): the same matches (the look-behind, taken after the
# first digit, tests the same character before it), but a pattern that starts with a digit is
# searched for at the digits only, a lot faster than one that starts with a look-behind and
# is tried at every character (tests/test_dates.py compares both forms).
ISO_RE = re.compile(
    # (not a file's or a slug's name: "report-2024-02-29.html", "IMG_2024-02-29")
    r"(\d(?<!\d\d)(?<![^\W\d_]-\d)(?<!\w_\d)\d{3})-(\d{1,2})-(\d{1,2})"
    r"(?:(?:T|\s+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?"
    # (an hour of one digit with its colon: "+5:30", a few Indian CMSes')
    r"(?:[.,]\d{1,9})?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d:\d{2}|[+-]\d{2}(?!\d))?)?(?!\d)"
    r"(?!\.(?:html?|php|aspx?|pdf|jpe?g|png|gif|webp|svg|docx?|xlsx?|pptx?|zip|csv|txt|mp[34])\b)"
)
_YMD = re.compile(r"(\d(?<![\d.]\d)\d{3})([./])(\d{1,2})\2(\d{1,2})(?![\d/])\.?")
# "2012. 05. 08." (Hungarian, Korean): a space after each dot, and the dot after the day
_YMD_SPACED = re.compile(r"(\d(?<![\d.]\d)\d{3})\. (\d{1,2})\. (\d{1,2})\.(?!\d)")
_YEAR_DOT_SPACE = re.compile(r"\. \d(?<=\d{4}\. \d)")  # led by a literal: a cheap whole-text test
_CJK = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
# an era's year: Japan's "令和6年3月12日" (Reiwa 6, 2024; "令和元年", its first year, 2019) and
# "平成", Taiwan's "民國113年3月12日" (the Republic's 113th year, 2024); Taiwan also writes the
# Minguo year bare, "113年3月12日" and "113/03/12" (read so on Chinese pages only: no other
# Chinese date has a year of three digits)
_ERA_CJK = re.compile(r"(令和|平成|民國|民国)\s*(元|\d{1,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?")
_ERA_BASE = {"令和": 2018, "平成": 1988, "民國": 1911, "民国": 1911}
_MINGUO = re.compile(r"(1\d(?<![\d./年-]1\d)\d)(?:\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?"
                     r"|([/.])(\d{1,2})\4(\d{1,2})(?![\d/.]))")
# a month and day without a year, as Chinese, Japanese and Korean pages print a day of this
# year: "3/12(火) 18:05", "（3/13 08:22 更新）", "3月12日 18時05分" (read only with a time)
# Vietnamese "ngày 12 tháng 3 năm 2024", "12 tháng 3, 2024" (day, "month" and its number,
# "year"), scanned for only in a text that has "tháng"; Mongolian "2024 оны 3 сарын 12" and
# "2024 оны 3-р сарын 12" (year's, month's), only in one that has "сарын"
_VI = re.compile(r"(?<![\d/.])(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,\s*|\s+năm\s+)(\d{4})(?!\d)",
                 re.IGNORECASE)
_MN = re.compile(r"(\d{4})\s+оны\s+(\d{1,2})(?:-р)?\s+сарын\s+(\d{1,2})(?!\d)", re.IGNORECASE)
# Xinhua's year, then its month and day, then a clock, each in a span of its own: "2024 03/12
# 18:05:22" (read on Chinese, Japanese and Korean pages only, and only with the clock)
_Y_MD_CJK = re.compile(r"(?<![\d/.:-])(\d{4})\s+(\d{1,2})\s*/\s*(\d{1,2})(?=\s+\d{1,2}:\d\d)")
_MD_CJK = re.compile(r"(?<![\d年년/.])(\d{1,2})(?:/|\s*[月월]\s*)(\d{1,2})(?:\s*[日일])?(?![\d/.])")
_CJK_LANGS = ("ja ", "zh ", "ko ")
# Latvian "2024. gada 12. martā" (the year's "gada", then day and month): scanned for only in
# a text that has "gada"
_YDM_LV = re.compile(r"(\d(?<!\d\d)\d{3})\.\s*gada\s+(\d{1,2})\.\s*(" + _MONTH_ALT + r")(?!\w)",
                     re.IGNORECASE)
# a day and month without a year, dotted, as Finnish, Czech and German pages print a day of
# this year: "12.3. 18:05", "13. 3. 8:22" (read only with a time)
_DM_DOTTED = re.compile(r"(\d(?<![\d.]\d)\d?)\.\s?(\d{1,2})\.(?![\d.])")
# (a middle dot between the parts: Prensa Ibérica's "12·03·24 | 18:05", read day first)
_NUM = re.compile(r"(\d(?<![\d.,/:·-]\d)\d?)([./·-]|[ \xa0]\|[ \xa0])\s?(\d{1,2})\2\s?"
                  r"(\d{4}(?=\d{1,2}:\d\d(?!\d))"
                  # (a clock glued to the year: Al Jazeera's "7/3/202421:40")
                  r"|(?:\d{4}|\d{2})(?![\d:]|\.\d|/\d))")
# possessive "\d?+" and "[\s\-]*+": nothing that may follow the day's digits starts with a
# digit, nor does "de"/"of" or a month start with a space or "-", so giving back never matches
_DMY_TEXT = re.compile(
    r"(\d(?<![\w:]\d)\d?+)(?:st|nd|rd|th|er|e|º|°|\.)?(?:[\s\-]*+|/)(?:de\s+|of\s+)?(" + _MONTH_ALT + r")"
    # (the Levantine and the Egyptian name of the month side by side: "12 آذار / مارس 2024";
    # slashes between the parts: The Wire's "12/APR/2024")
    r"(?![\w\u0900-\u0dff\u1780-\u17ff])\.?(?:\s*[/(]\s*[\u0621-\u064a]{3,8}\)?)?\s?[,،]?(?:/(?=\d)|[\s\-]*)"
    r"(?:de\s+|del\s+|พ\.ศ\.\s*|ค\.ศ\.\s*)?('?\d{4}|['’]\d{2}(?!\d)"
    # a two-digit year before a clock: actu.fr's "12 Mar 24 à 18:05"
    r"|\d{2}(?!\d)(?=\s*(?:à|at|um|,)?\s*\d{1,2}[:h]\d{2})|(?=\s*(?:\d{1,2}[:h.]\d{2}|um|à|at|в"
    # no year and no clock ("Published: 12th March"): read after a label only (find_dates)
    r"|a las))|(?![\s,]*\d)())",
    re.IGNORECASE,
)
_MDY_TEXT = re.compile(
    # the lookahead (a word or two of letters, then a digit) is implied by the pattern, every
    # month name being letters with at most one space: it spares the month trie at the words
    # not followed by a number, a third of this pattern's time. Its repeats are possessive
    # ("{1,12}+", "?+"): a word's letters are never followed by the space, dot or digit the
    # rest needs, so giving some back never helps, and trying that was most of the time.
    # (month names in Indic scripts and Thai hold vowel signs, which are not letters: a word
    # in those scripts is always tried)
    r"(?<!\w)(?=[^\W\d_]{1,12}+(?: [^\W\d_]{1,12}+)?+\.?\s*\d|[\u0900-\u0e7f\u1780-\u17ff])"
    # the day is no numeric date's first part: "…en abril" ending a headline above "12/03/2024"
    r"(" + _MONTH_ALT + r")(?![\w\u0900-\u0dff\u1780-\u17ff])\.?\s*"
    # (Amharic writes "day" between the day and the year: "መጋቢት 4 ቀን 2016")
    r"(\d{1,2})(?:st|nd|rd|th)?(?!\d|[./-]\d)(?:,?\s*(?:ቀን\s*)?(\d{4}|['’]\d{2})(?!\d))?",
    re.IGNORECASE,
)
_YMD_TEXT = re.compile(  # 2021. július 22. / 2021 July 22
    # not a year that ends a date written before it: "March 12, 2024 March 13, 2024" (two
    # <time> elements side by side) holds no "2024 March 13"
    # (Lithuanian "2024 m. kovo 12 d.": the year's "m.")
    r"(\d(?<!\d\d)(?<!\d, \d)(?<!\d,\d)(?<!\d \d)(?<!\d[./-]\d)\d{3})\.?\s+(?:m\.\s*)?(" + _MONTH_ALT
    + r")(?![\w\u0900-\u0dff\u1780-\u17ff])\.?\s+(\d{1,2})(?!\d)", re.IGNORECASE
)
# weekdays written between a date and its time ("12 Mart 2024 Salı 18:05", "2024. március 12.,
# kedd 18:05"), as read by _TIME_AFTER
_WEEKDAYS = trie_pattern([day for names in (
    "monday tuesday wednesday thursday friday saturday sunday",
    "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "lunes martes miércoles jueves viernes sábado domingo",
    "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira",
    "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "pazartesi salı çarşamba perşembe cuma cumartesi pazar",
    "hétfő kedd szerda csütörtök péntek szombat vasárnap",
    "понедельник вторник среда четверг пятница суббота воскресенье",
    "poniedziałek wtorek środa czwartek piątek sobota niedziela",
    "pondělí úterý středa čtvrtek pátek neděle",
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "måndag tisdag onsdag torsdag fredag lördag söndag mandag tirsdag lørdag søndag",
    "maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai",
    "esmaspäev teisipäev kolmapäev neljapäev reede laupäev pühapäev",
    "pirmdiena otrdiena trešdiena ceturtdiena piektdiena sestdiena svētdiena",
    "pirmadienis antradienis trečiadienis ketvirtadienis penktadienis šeštadienis sekmadienis",
    "luni marți marţi miercuri joi vineri sâmbătă duminică",
    "понеделник сряда четвъртък петък събота неделя",
    "понеділок вівторок середа четвер пʼятниця п'ятниця субота неділя",
    "δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο κυριακή",
    "ponedjeljak ponedeljak utorak srijeda sreda četvrtak petak subota nedjelja nedelja",
    "pondelok utorok streda štvrtok piatok nedeľa ponedeljek torek četrtek petek",
    "senin selasa rabu kamis jumat sabtu minggu",
    "понедељак уторак среда четвртак петак субота недеља",
) for day in names.split()])
_AR_WEEKDAYS = "الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد"
# a weekday (and its comma) right before a date: "Thursday, March 14, 2024"
WEEKDAY_BEFORE = re.compile(r"(?<!\w)(?:" + _WEEKDAYS + r"|" + _AR_WEEKDAYS
                            + r")\.?\s*[,،]?\s*(?:den\s+)?$",  # (Danish "torsdag den 14. marts")
                            re.IGNORECASE)
_TIME_AFTER = re.compile(
    # (a colon only before a colon clock: "12 مارس ,2024: 06:05", not "March 12, 2024: 1.09")
    # ("،": the Arabic comma, "۲۲ اسفند ۱۴۰۲، ۱۸:۰۵")
    # ("।": the danda of Bengali and Hindi, "০৫ মার্চ ২০২৪ । ২৩:৪০")
    r"\.?[\s,،|·•\-–—/()@।]*(?::(?=\s*\d{1,2}:\d\d))?[\s,،|·•\-–—/()@।]*"
    # a weekday in brackets between the date and the time: "2024年3月12日(火) 18:05",
    # "(星期二)", "2024.03.12(화)"
    r"(?:[(（]\s*(?:[月火水木金土日월화수목금토일](?:曜日?|요일)?|(?:星期|周|週)[一二三四五六日天])"
    r"\s*[)）]\s*"
    # ... or without the brackets, its "曜" written: "2024年3月6日 水曜 午前8:12", "수요일"
    r"|(?:[月火水木金土日]曜日?|[월화수목금토일]요일|(?:星期|周|週)[一二三四五六日天])\s*)?"
    # the year's abbreviation ("12 марта 2024 г.", "12 marca 2024 r.") or a weekday
    # (and Arabic's era after a Gregorian or a Hijri date: "12/03/2024 م 06:05 م")
    r"(?:(?:г\.|r\.|roku|года?|d\.|թ\.|ж\.|م(?!\w)|هـ?(?!\w))[\s,]*)?"
    r"(?:(?:" + _WEEKDAYS + r")(?!\w)[\s,|·•\-–—/()]*)?"
    r"(?:(?:at|um|à|a las|às|alle\s+ore|alle|ore|kl\.?|klo|o|в|во|saat|godz\.?|pukul"
    r"|jam|om|le|el|am|u|v|ve|ob|у|о|เวลา|lúc|ម៉ោង|, "
    # the clock's own label after the date's: "Date: 12/03/2024 Time: 18:05"
    r"|(?:time|hora|heure|uhrzeit|ora|saat|время|الوقت|الساعة)\s*:)\s*)?[\s,]*"
    # "18時5分" has a one-digit minute; CJK seconds carry their 秒/초 ("06時00分 13日" has none)
    # (Sinhala's before-noon and after-noon marks lead the clock too: "ප.ව. 06:05")
    # (Flemish writes the hour's "u": "14/04/08 - 14u35")
    r"(오전|오후|午前|午後|上午|下午|පෙ\.ව\.|ප\.ව\.)?\s*(\d{1,2})\s*(?::|h|u(?=\d\d)|\.|時|시)\s*"
    r"(\d{2}|\d(?=\s*[分분]))"
    # (seconds after a dotted clock, dotted too: "12/03/2009 15.42.12")
    r"(?:\s*(?::|(?<=\d\.\d\d)\.(?=\d\d(?!\d))|(?:分|분)(?=\s*\d{2}\s*[秒초]))\s*(\d{2}))?"
    # a clock, not the day and month of a date on the next line ("13.03. – Die Stadtwerke")
    r"(?!\d|[./-]\d)(?!(?<=\.\d\d)\.)(?:\s*(?:分|분|秒|초))?\s*(a\.\s?m\.|p\.\s?m\.|am\b|pm\b|a\.m\b|p\.m\b|uhr\b|hrs?\b|h\b"
    r"|horas\b|(?:صباحا|مساء|ص|م)(?!\w)|अपराह्न|पूर्वाह्न|μ\.\s?μ\.|π\.\s?μ\."
    # Khmer's morning, afternoon and evening after the clock ("ម៉ោង ០៦:០៥ ល្ងាច")
    r"|ព្រឹក|រសៀល|ល្ងាច)?",
    re.IGNORECASE,
)
_HOUR_AFTER = re.compile(
    r"[\s,|·•\-–—/]*(?:at\s+)?(1[0-2]|0?[1-9])\s*(a\.\s?m\.|p\.\s?m\.|am\b|pm\b|a\.m\b|p\.m\b)",
    re.IGNORECASE,
)
_TIME_BEFORE = re.compile(
    # "18:05 GMT, 12 March 2024", "6:05 PM EDT, Tue March 12, 2024", "6.05pm, 4 Jul 2024" (a
    # dot only before am/pm)
    r"(?<![\d:.])(\d{1,2})\s*(?:[:h]|\.(?=\d\d\s*[ap]\.?\s?m))\s*(\d{2})(?::(\d{2}))?"
    r"\s*(a\.?\s?m\.?|p\.?\s?m\.?|uhr|h|(?:مساء|صباحا|م|ص)(?!\w))?"
    r"\s*(?:\(?(" + _ZONE_ALT + r")\)?)?\s*[,،|·•\-–—/]?\s*(?:on\s+|le\s+|el\s+|am\s+)?"
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+"
    # Arabic weekdays: "06:05 م الثلاثاء 12 مارس 2024"
    r"|(?:" + _AR_WEEKDAYS + r")\s*[،,]?\s+)?$",
    re.IGNORECASE,
)
_ZONE_AFTER = re.compile(  # "\s*(?:[(\[]\s*)?", not "\s*[(\[]?\s*": quadratic on a whitespace run
    # ("GMT+700": the hour's one digit before the minutes)
    r"\s*(?:[(\[]\s*)?(?:(UTC|GMT)\s*([+\-−–])\s*(\d(?=\d\d(?!\d))|\d{1,2})(?::?(\d{2}))?"
    r"|([+\-−])(\d{2}):?(\d{2})(?!\d)"
    r"|(" + _ZONE_ALT + r"|Z)(?![\w+-]))\s*[)\]]?"
)

# A non-ASCII letter that matches an ASCII one ignoring case (the re module lets "ı" and "İ"
# match "i", "ſ" "s", "K" (Kelvin) "k")
_ASCII_FOLD = str.maketrans("ıİſK", "iisk")
_REGEX_SYNTAX = re.compile(r"[\\\[\](){}|?*+.^$]")


def ascii_stems(words: list[str]) -> tuple[str, ...]:
    """For the alternatives ``words`` of a pattern read ignoring case: the lower-case ASCII
    text each must start with to match ASCII text, its letters before any regex syntax
    ("publicad[oa]" -> "publicad"). An alternative with a non-ASCII letter there ("publié")
    can match no ASCII text, and is left out (but for _ASCII_FOLD's letters).
    lacks_stems() uses them to rule out a search of ASCII text with a few substring tests."""
    stems = []
    for word in words:
        m = _REGEX_SYNTAX.search(word)
        stem = word if m is None else word[:m.start() - (m.group() in "?*{")]  # ("updated?")
        depth = 0
        for ch in word[len(stem):].replace("\\", ""):  # a "|" outside groups: more words
            depth += (ch == "(") - (ch == ")")
            if ch == "|" and depth == 0:
                raise ValueError(f"{word!r} is more than one alternative")
        if not stem:
            raise ValueError(f"no literal start in {word!r}")
        stem = stem.translate(_ASCII_FOLD).lower()  # ("yayınlanma" matches "YAYINLANMA")
        if stem.isascii():
            stems.append(stem)
    return tuple(stems)


def lacks_stems(text: str, stems: tuple[str, ...]) -> bool:
    """``text`` is ASCII and holds none of ``stems`` (ascii_stems'), so no alternative of
    theirs can match it: a tenth of the cost of the search it spares."""
    if not text.isascii():
        return False
    low = text.lower()
    return not any(stem in low for stem in stems)


# (a list of alternatives each, so that ascii_stems can read them)
_UPDATED_ALTS = [
    "updated?", "modified", "edited", "revised", r"last\s+change", "aktualisiert", "geändert",
    "bearbeitet", r"letzte\s+änderung", r"mise?\s+à\s+jour", "modifié", "actualizad[oa]", "actualización",
    "atualizad[oa]", "aggiornat[oa]", "обновлен[оа]?", "изменен[оа]?", r"güncelle\w*", "zaktualizowano",
    "aktualizacja", "更新", "수정", "업데이트", "diperbarui", "bijgewerkt", "gewijzigd", "oppdatert",
    "uppdaterad", "opdateret", "päivitetty", "aktualizováno", "تحديث", "عدل", "अपडेट", "আপডেট", "হালনাগাদ",
    "اپ ڈیٹ", "עודכן", "به‌روزرسانی", "بروزرسانی", "อัปเดต", "อัพเดท", "อัพเดต", "cập nhật",
    "dikemas kini", "modifica", "modificat[oa]", r"ultima\s+modifica", "aangepast", "actualisé",
    "atualização", "ενημερώθηκε", "ενημέρωση", "ενημερωθηκε", "ενημερωση", "actualizat", "actualizării",
    "frissítve", "frissítés", "оновлено", "upraveno", "aktualizacji", r"ultimo\s+agg(?:\.|iornamento)",
    "uppfært", "ažurirano", "aktualizované", "modyfikacj[ai]", "zmodyfikowano",
    r"ostatni(?:a|ej)\s+zmian[ay]", "posodobljeno", "ажурирано", "përditësuar", "imesasishwa", "மாற்றம்",
    "编辑于", "編輯於", "修改于", "修改於",
    # DataLife Engine's "Новину відредагував: admin", "Редактировалось"; not a bare credit
    # ("редагувала Олена Коваль": edited by)
    r"відредаг\w*", r"отредаг\w*", r"отредактир\w*", "редактировал(?:ось|ся)",
]
_PUBLISHED_ALTS = [
    "published", "posted", "created", r"first\s+published", "publication", "veröffentlicht",
    "erstellt", "erschienen", "publié", "publicado", "publicada", "pubblicato", "опубликовано",
    "yayınlanma", "yayın", "opublikowano", "udostępnion[oa]", "udostępnienia",
    "opublikowania",  # (a Polish register's "Data opublikowania")
    # (gov.pl's "Pierwsza publikacja:", "Data publikacji"; not "Publikacja wyników:", the results')
    r"publikacj[ai](?!\s+[^\W\d_])",
    "发布", "發布", "公開", "입력", "등록", "송고", "diterbitkan", "dipublikasikan", "gepubliceerd",
    "publisert", "publicerad", "publiceret", "julkaistu", "publikováno", "نشر", "प्रकाशित", "প্রকাশ",
    "شائع", "פורסם", "منتشر", "เผยแพร่", "objavljeno", "објављено", "publikuar", "közzétéve",
    "publikované", "publicat", "imechapishwa", "பதிவு",
    r"mise?\s+en\s+ligne",  # (French "put online": "Mis en ligne le 23 mai 2019")
]
# ... and a date's own label word ending the label ("Datum:", "Date")
_DATE_LABEL_WORDS = ["datum", "date", "fecha", "data", "dato", "tarih", "дата", "日期", "날짜", "tanggal"]
# a Latin word starts at a word's start; a Chinese, Japanese or Korean one anywhere ("最終更新")
_LABEL_WORD_START = r"(?:(?<![\w-])|(?=[\u3040-\u9fff\uac00-\ud7af]))"
UPDATED_WORDS = re.compile(_LABEL_WORD_START + "(" + "|".join(_UPDATED_ALTS) + ")", re.IGNORECASE)
PUBLISHED_WORDS = re.compile(
    _LABEL_WORD_START + "(" + "|".join(_PUBLISHED_ALTS) + r"|(?:^|\s)(?:" + "|".join(_DATE_LABEL_WORDS)
    + r")\s*:?\s*$)", re.IGNORECASE)
# what ASCII text must hold for either to match (lacks_stems)
LABEL_STEMS = ascii_stems(_UPDATED_ALTS + _PUBLISHED_ALTS + _DATE_LABEL_WORDS)

PROFILE_WORDS = re.compile(  # a member's join date on a forum post, never the post's date
    r"(?<![\w-])(registered|joined|member\s+since|registriert|mitglied\s+seit|dabei\s+seit"
    r"|angemeldet|inscrit|inscription|membre\s+depuis|registrado|miembro\s+desde|registrato"
    r"|iscritto|membro\s+dal|lid\s+sinds|geregistreerd|зарегистрирован\w*|на\s+форуме\s+с"
    r"|kayıt\s+tarihi|zarejestrowany|dołączył\w*|bergabung|注册|登録|가입)\b[^\n]{0,12}$",
    re.IGNORECASE,
)
ACCESS_WORDS = re.compile(  # "abgerufen am", "Retrieved": when a reader saw a cited page
    r"(?<![\w-])(abgerufen|retrieved|accessed|consulté|consultado|consultato|geraadpleegd"
    r"|dostęp|erişim\s+tarihi)\b[^\n\w]{0,3}(?:(?:am|on|le|el|em|il|op|dnia)\b[^\n\w]{0,3})?$",
    re.IGNORECASE,
)
# a document the text is about, dated: "Urteil vom 20. Februar 2024" under a court's press
# release of 27.02.2024, "judgment of 12 March", "wyrok z dnia", "Beschluss vom"
DOCUMENT_WORDS = re.compile(
    r"(?<![\w-])(?:urteil(?:e|en)?|beschl(?:uss|üsse)|entscheidung|verordnung|gesetz(?:es)?|erlass"
    r"|bescheid|verfügung|judg(?:e)?ments?|ruling|arrêt|jugement|décision|sentencia|sentenza"
    r"|ordinanza|wyrok|postanowienie|uitspraak|rozsudek|usnesení)"
    r"\s+(?:vom|of|dated|du|de|del|z\s+dnia|van|ze\s+dne)\s*$"
    # ... and a print issue's: "Номер 45 (4795) від 13.03.2010", "Ausgabe 12/2024 vom"
    r"|(?<![\w-])(?:номер|ausgabe|heft|issue|edição|edición|wydanie|vydání|numéro|número)"
    r"\s+\d[\d/().\s]{0,16}?\s*(?:від|от|vom|of|du|de|del|z\s+dnia|ze\s+dne)\s*$", re.IGNORECASE)
# an embargo line: when the media may report a release, not when the page was published
# ("EMBARGOED UNTIL 00:01 GMT 13 March 2024", "Sperrfrist: 12.03.2024, 18:00 Uhr", "Embargo
# jusqu'au 13 décembre 2023, 17h00", "No publicar antes de")
EMBARGO_WORDS = re.compile(
    r"(?<![\w-])(?:embargo(?:ed)?|sperrfrist|sous\s+embargo|not\s+for\s+(?:release|publication)"
    r"|no\s+publicar|vor\s+ablauf|frigives|sperrefrist|julkaisuvapaa|publicatievrij"
    r"|보도\s*시점|엠바고|解禁)"  # (Korean ministries' "보도시점", "time of reporting"; Japanese "解禁")
    r"[^\n]{0,40}$", re.IGNORECASE)
VALIDITY_WORDS = re.compile(  # "gültig von:", "valid until": a warning's or an offer's window
    r"(?<![\w-])(?:gültig|valid|valable|válid[oa]|valid[oa]|geldig|giltig|gyldig|voimassa)(?!\w)"
    # (a preposition or a colon after it: not a headline's "… bleiben gültig" above the date)
    r"(?:[^\n\w]{0,3}(?:von|bis|ab|from|until|till|through|to|du|jusqu'?(?:au|à)|desde|hasta"
    r"|dal|fino\s+al|van|vanaf|tot|från|fra|til|alkaen|asti)\b|\s*:)"
    r"[^\n\w]{0,3}(?:(?:am|on|le|el|il|op)\b[^\n\w]{0,3})?(?:(?:" + _WEEKDAYS + r")\.?,?\s*)?$",
    re.IGNORECASE)
RANGE_END = re.compile(  # "5. bis 11. Februar", "3-5 March", "du 3 au 5 mars": an event's span
    r"(?<![\d.:])\d{1,2}(?:\.|st|nd|rd|th|er)?(?:\s*(?:de\s+)?(?:" + _MONTH_ALT + r")\.?)?"
    r"\s*(?:[-–—]|bis|to|till|until|au|al|a|ao|до|do|tot|til)\s*$"
    # a span's start with its year ("June 2, 1938 – March 6, 2024": a life, a season's run)
    r"|(?<!\d)(?:1[89]|20)\d{2}\s*[-–—]\s*$",
    re.IGNORECASE,
)
RANGE_GAP = re.compile(r"\s*(?:[-–—]|bis|to|till|until|au|al|a|ao|до|do|tot|til)\s*",
                       re.IGNORECASE)  # between the two dates of a span

_REL_UNITS: dict[str, str] = {}
for _unit, _words in {
    "m": "minute minutes min mins minuten minuto minutos minuti минуту минуты минут dakika minut"
    " minuty menit minuut minutter minuter minutami minutou minuuttia minuutti хвилин хвилини"
    " λεπτά λεπτό"
    " minuty menit minuut 分钟 分 분 دقيقة دقائق मिनट মিনিট منٹ دقیقه phút นาที דקות"
    " minuta minuti минута минуте минута minučių minutes minútami મિનિટ"
    " minutit минути minūtēm minūtes mínútum dəqiqə daqiqa perccel",
    "h": "hour hours hr hrs stunde stunden heure heures hora horas ora ore час часа часов saat"
    " h std godz ч timer timmar timme hodinami hodinou tuntia tunti години годин годину ώρες ώρα"
    " godzinę godziny godzin jam uur 小时 時間 시간 ساعة ساعات घंटे घंटा ঘণ্টা گھنٹے گھنٹہ ساعت giờ"
    " ชั่วโมง שעות sat sata sati сат сата сати valandas valandą hodinami કલાક"
    " tundi tund stundām stundas orë klukkustundum klukkustund soat сағат órával",
    "d": "day days tag tagen jour jours día días dia dias giorno giorni день дня дней gün dzień"
    " dage dager dagar dny dnem päivää päivä zile днів дні μέρες ημέρες"
    " dni hari dag dagen 天 日 일 يوم أيام दिन দিন دن روز ngày วัน ימים"
    " dan dana дан дана dienas dieną dňami દિવસ"
    " päeva дни ден dienām ditë dögum kun күн nappal",
    "w": "week weeks woche wochen semaine semaines semana semanas settimana settimane неделю"
    " недели недель hafta tydzień tygodnie minggu week weken 周 週間 주",
}.items():
    for _w in _words.split():
        _REL_UNITS[_w] = _unit
_UNIT_ALT = trie_pattern(list(_REL_UNITS))
# a number starts after a non-digit, a number word after a non-letter ("data minutes ago" holds
# no "a minutes ago"): the bounds also spare the engine a try at every vowel of the text
_NUMWORD = (r"((?<!\d)\d{1,3}|(?<!\w)(?:an?|one|un|una|uno|une|einer|einem|einen|eine|um|uma|bir"
            r"|jeden|jedną))")
# the words that make a number and a unit a relative date, before them ("vor 2 Stunden") or
# after them ("2 hours ago"); "_" stands for the spaces inside a word (also read by find_relative)
_BEFORE_WORDS = ["vor", "hace", "il_y_a", "há", "ha", "לפני", "před", "acum", "πριν_από", "πριν",
                 "prije", "pre", "пре", "прије", "pred", "prieš", "преди", "pirms", "قبل"]
_AGO_WORDS = ["ago", "fa", "назад", "önce", "temu", "yang_lalu", "lalu", "geleden", "siden",
              "sedan", "sitten", "тому", "前", "전", "ที่แล้ว", "ที่ผ่านมา", "tagasi", "më_parë",
              "ezelőtt"]
# "ago" words that also mean "before" ("चुनाव से 2 दिन पहले मुख्यमंत्री ...": two days before the
# election): read only where the phrase ends
_AGO_OR_BEFORE = ["पहले", "আগে", "پہلے", "پیش", "trước", "પહેલા", "પહેલાં", "əvvəl", "oldin",
                  "бұрын"]  # ("Seçkidən 3 gün əvvəl keçirilən": 3 days before the election)
# and such words before the number ("prije 2 sata", also "prije 2 dana od izbora")
_BEFORE_OR_AGO = frozenset({"prije", "pre", "пре", "прије", "pred", "prieš", "преди", "pirms",
                            "قبل"})  # (Arabic "قبل 8 ساعات", 8 hours ago; "قبل يومين من": before)
_PHRASE_END = re.compile(r"\s*(?:$|[\n.,;:!?()|·•\-–—۔।])")
# Arabic and Hebrew say one and two of a unit with the unit's word alone: the singular and the
# dual ("منذ ساعتين", "לפני שעתיים": two hours ago; "منذ ساعة": an hour ago)
_WORD_COUNTS: dict[str, tuple[int, str]] = {
    "دقيقة": (1, "m"), "دقيقتين": (2, "m"), "ساعة": (1, "h"), "ساعتين": (2, "h"),
    "يوم": (1, "d"), "يومين": (2, "d"), "أسبوع": (1, "w"), "أسبوعين": (2, "w"),
    "דקה": (1, "m"), "שעה": (1, "h"), "שעתיים": (2, "h"), "יום": (1, "d"), "יומיים": (2, "d"),
    "שבוע": (1, "w"), "שבועיים": (2, "w"),
}
RELATIVE_RE = re.compile(
    # منذ may carry a prefix (ومنذ, "and since"): no word bound before it
    r"(?:(?:(?<!\w)(?:" + "|".join(_BEFORE_WORDS).replace("_", r"\s+") + r")|منذ)\s+" + _NUMWORD
    + r"\s+(" + _UNIT_ALT + r")(?!\w)"
    r"|" + _NUMWORD + r"\s*(" + _UNIT_ALT + r")\.?\s*"
    r"(?:(?:" + "|".join(_AGO_WORDS).replace("_", r"\s+") + r")(?!\w)"
    r"|(?:" + "|".join(_AGO_OR_BEFORE) + r")(?=\s*(?:$|[\n.,;:!?()|·•\-–—۔।])))"
    # (read only where the phrase ends: "منذ ساعة مبكرة" is "since an early hour")
    r"|(?:(?<!\w)(?:قبل|לפני)|منذ)\s+(" + "|".join(_WORD_COUNTS) + r")(?=\s*(?:$|[\n.,;:!?()|·•\-–—۔।])))",
    re.IGNORECASE,
)
_DAY_WORDS = [
    "yesterday", "today", "gestern", "heute", "hier", "aujourd'hui", "ayer", "hoy", "ontem",
    "hoje", "ieri", "oggi", "вчера", "сегодня", "dün", "bugün", "wczoraj", "dzisiaj", "dziś",
    "kemarin", "hari_ini", "gisteren", "vandaag", "i_går", "i_dag", "igår", "idag", "昨天", "今天",
    "昨日", "今日", "어제", "오늘", "أمس", "اليوم", "aujourd’hui", "dnes", "včera", "tänään", "eilen",
    "azi", "astăzi", "tegnap", "σήμερα", "χθες", "сьогодні", "вчора",
    # smaller markets: Estonian, South Slavic, Bulgarian, Latvian, Lithuanian, Albanian,
    # Icelandic, Azerbaijani, Uzbek, Kazakh, Kyrgyz
    "täna", "eile", "danas", "jučer", "juče", "данас", "јуче", "јучер", "днес", "šodien", "vakar",
    "šiandien", "í_dag", "í_gær", "dünən", "bu_gün", "bugun", "kecha", "бүгін", "кеше",
    "бүгүн", "кечээ",
]
# nested by prefix (no word is the start of another, so it matches what a flat list would,
# faster); "_" stands for the spaces inside a word ("hari ini")
DAY_WORD_RE = re.compile(
    r"(?<!\w)(" + trie_pattern(_DAY_WORDS).replace("_", r"\s+") + r")(?!\w)", re.IGNORECASE)
# day words that are also an ordinary word in another language: read only on a page in these
# languages, or in one whose language is unknown ('hier' is "here" in German and Dutch)
# (short words that are other words too, Albanian "sot", Swahili "leo", Hungarian "ma", are
# not read at all: "A mérkőzés ma 18:05-kor kezdődik" is a coming match)
_DAY_WORD_LANGS = {"hier": frozenset({"fr", ""}), "eile": frozenset({"et", ""}),
                   "bugun": frozenset({"uz", ""}), "kecha": frozenset({"uz", ""})}
_YESTERDAY = {"yesterday", "gestern", "hier", "ayer", "ontem", "ieri", "вчера", "dün", "wczoraj",
              "včera", "eilen", "tegnap", "χθες", "вчора",
              "kemarin", "gisteren", "i går", "igår", "昨天", "昨日", "어제", "أمس", "eile",
              "jučer", "juče", "јуче", "јучер", "vakar", "í gær", "dünən", "kecha",
              "кеше", "кечээ"}
_TIME_ONLY = re.compile(
    r"[\s,:\-–|]*(?:at|um|à|a las|às|alle|в|saat|o|om|kl\.?|pukul)?\s*(\d{1,2})[:h.](\d{2})"
    # a clock, not the start of a date: "12.03.2024", "12.03." (day and month)
    r"(?!\d|[./-]\d)(?!(?<=\.\d\d)\.)"
    r"\s*((?i:a\.?m\.?|p\.?m\.?)(?!\w))?"  # ("Yesterday at 2:05 PM")
)
