"""Read the dates bylines and metadata fields give, into ISO form (possibly partial)."""

from __future__ import annotations

import re

MONTHS = {
    # English, French, German, Spanish, Italian month names (and common abbreviations)
    "january": 1, "jan": 1, "janvier": 1, "januar": 1, "enero": 1, "gennaio": 1,
    "february": 2, "feb": 2, "février": 2, "fevrier": 2, "februar": 2, "febrero": 2, "febbraio": 2,
    "march": 3, "mar": 3, "mars": 3, "märz": 3, "marzo": 3,
    "april": 4, "apr": 4, "avril": 4, "abril": 4, "aprile": 4,
    "may": 5, "mai": 5, "mayo": 5, "maggio": 5,
    "june": 6, "jun": 6, "juin": 6, "juni": 6, "junio": 6, "giugno": 6,
    "july": 7, "jul": 7, "juillet": 7, "juli": 7, "julio": 7, "luglio": 7,
    "august": 8, "aug": 8, "août": 8, "aout": 8, "agosto": 8,
    "september": 9, "sep": 9, "sept": 9, "septembre": 9, "septiembre": 9, "settembre": 9,
    "october": 10, "oct": 10, "octobre": 10, "oktober": 10, "octubre": 10, "ottobre": 10,
    "november": 11, "nov": 11, "novembre": 11, "noviembre": 11,
    "december": 12, "dec": 12, "décembre": 12, "decembre": 12, "dezember": 12, "diciembre": 12,
    "dicembre": 12,
}
_MONTH = r"([A-Za-zÀ-ÿ]{3,10})\.?"
ISO = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+" + _MONTH + r",?\s+(\d{4})\b")
MDY = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
MY = re.compile(r"\b" + _MONTH + r"\s+(\d{4})\b")
NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")


def _iso(y: int, m: int, d: int | None = None) -> str | None:
    if not (1 <= m <= 12) or (d is not None and not 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}" + (f"-{d:02d}" if d else "")


def parse_date(text: str, day_first: bool | None = None) -> tuple[str | None, str]:
    """Return (ISO date or None, how it was read).  ``day_first`` settles 03/07/2023."""
    if m := ISO.search(text):
        return _iso(int(m[1]), int(m[2]), int(m[3]) if m[3] else None), "ISO date"
    if (m := DMY.search(text)) and m[2].lower() in MONTHS:
        return _iso(int(m[3]), MONTHS[m[2].lower()], int(m[1])), "day month year"
    if (m := MDY.search(text)) and m[1].lower() in MONTHS:
        return _iso(int(m[3]), MONTHS[m[1].lower()], int(m[2])), "month day, year"
    if m := NUMERIC.search(text):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        if a > 12 >= b:
            return _iso(y, b, a), "day/month/year (first number > 12)"
        if b > 12 >= a:
            return _iso(y, a, b), "month/day/year (second number > 12)"
        if day_first is None:
            return None, f"ambiguous numeric date {m[0]!r} (day/month or month/day)"
        if day_first:
            return _iso(y, b, a), f"{m[0]} read as day/month/year"
        return _iso(y, a, b), f"{m[0]} read as month/day/year"
    if (m := MY.search(text)) and m[1].lower() in MONTHS:
        return _iso(int(m[2]), MONTHS[m[1].lower()]), "month year"
    return None, "no date found"


# Words a date line may hold besides the date: labels, weekdays, times, "min read".
DATE_LINE_WORDS = {
    "published", "updated", "last", "posted", "modified", "created", "first", "on", "at", "the",
    "of", "and", "am", "pm", "a", "p", "m", "st", "nd", "rd", "th", "er", "min", "mins",
    "minute", "minutes", "read", "h", "le", "à", "publié", "mis", "jour", "modifié", "um", "uhr",
    "veröffentlicht", "aktualisiert", "actualizado", "publicado", "el", "de", "pubblicato",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
}


def only_date_words(text: str) -> bool:
    """``text`` holds nothing but a date and date-line words ("Updated Friday 8 May 2026, 10:15
    BST"): "Traffic returns on 8 May 2026" is a heading that holds a date, not a date line."""
    for word in re.findall(r"[^\W\d_]+", text):
        if word.lower() not in MONTHS and word.lower() not in DATE_LINE_WORDS \
                and not re.fullmatch(r"[A-Z]{2,4}", word):  # a time zone: BST, ET, CEST
            return False
    return True
