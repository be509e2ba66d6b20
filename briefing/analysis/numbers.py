"""Figures as these texts write them: "1,960", "1 900", "$3,8 billion", "2,5-fold", "some 7,000".

The sources mix conventions: English thousands commas ("1,960"), French-style space groups
("1 900", "3 000") and decimal commas ("3,8 billion", "2,5-fold", from texts translated from
French).  The rule that separates them: a comma or space followed by exactly three digits is a
thousands separator; a comma followed by one, two or four-plus digits is a decimal comma.

:func:`parse_number` reads the first figure of a short string (a ``Figure.text`` such as
"1 900 men"); :func:`find_numbers` finds every figure in running text, with offsets.  Both
return :class:`Number`; neither raises on odd input (``None`` / empty list instead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Number", "UNIT_WORDS", "find_numbers", "parse_number", "parse_numeral"]


@dataclass(frozen=True, slots=True)
class Number:
    value: float  # the figure; for a range, its midpoint
    low: float  # == value unless a range ("between 170,000 and 200,000")
    high: float
    unit: str | None  # normalised when known ("USD", "percent", "km2", "fold"), else the next word
    approx: bool  # "some 7,000", "around 100", "thousands of"
    qualifier: str | None  # the word(s) that made it approximate or a range, folded
    text: str  # exactly as written, from the first qualifier word to the unit
    start: int  # offsets of ``text`` in the string searched
    end: int

    @property
    def is_range(self) -> bool:
        return self.low != self.high


# --- lexical pieces ---------------------------------------------------------------------------

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
# "thousands of deaths": a plural scale on its own is a vague lower bound, hence approximate.
_PLURAL_SCALES = {"dozens": 12, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
                  "billions": 1_000_000_000}
# Every number word ("Four towns", "Thousands of people"): never a name, even capitalised.
NUMBER_WORDS = frozenset(_SMALL) | frozenset(_SCALES) | frozenset(_PLURAL_SCALES)
_SHORT_SCALES = {"bn": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000, "k": 1_000}

_APPROX_BEFORE = (  # longest first: matched as whole words, case-insensitively
    "more than", "less than", "fewer than", "up to", "at least", "at most", "just over",
    "just under", "well over", "an estimated", "nearly", "almost", "roughly", "approximately",
    "approx.", "about", "around", "some", "over", "circa", "estimated", "more", "~", "c.",
)
_CURRENCY_BEFORE = {"$": "USD", "\\$": "USD", "us$": "USD", "€": "EUR", "£": "GBP"}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}
# Unit words after a figure, normalised.  Anything else alphabetic becomes the unit as written
# (lower-cased): "1 900 men" -> "men", "100 staff" -> "staff".
_UNITS = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pc": "percent",
    "fold": "fold", "times": "fold",
    "square kilometers": "km2", "square kilometres": "km2", "sq km": "km2", "km2": "km2",
    "km²": "km2", "square km": "km2", "km": "km", "kilometers": "km", "kilometres": "km",
    "kilometer": "km", "kilometre": "km", "miles": "miles", "mile": "miles",
    "dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR",
    "eur": "EUR",
    "year": "years", "years": "years", "month": "months", "months": "months",
    "week": "weeks", "weeks": "weeks", "day": "days", "days": "days",
    "hour": "hours", "hours": "hours",
    # Measures, written out or as symbols ("1.8 billion m3", "850 megawatts", "8 kWh").
    "m3": "m3", "m³": "m3", "cubic metres": "m3", "cubic meters": "m3", "cubic metre": "m3",
    "cubic meter": "m3", "hm3": "hm3", "hm³": "hm3", "cubic hectometres": "hm3",
    "cubic hectometers": "hm3", "km³": "km3", "km3": "km3", "cubic kilometres": "km3",
    "cubic kilometers": "km3", "m2": "m2", "m²": "m2", "square metres": "m2",
    "square meters": "m2",
    "litres": "litres", "liters": "litres", "litre": "litres", "liter": "litres",
    "millimetres": "mm", "millimeters": "mm", "millimetre": "mm", "millimeter": "mm",
    "mm": "mm", "centimetres": "cm", "centimeters": "cm", "centimetre": "cm",
    "centimeter": "cm", "cm": "cm",
    "hectares": "hectares", "hectare": "hectares", "ha": "hectares",
    "tonnes": "tonnes", "tonne": "tonnes", "tons": "tonnes", "ton": "tonnes",
    "kilograms": "kg", "kilogram": "kg", "kilos": "kg", "kg": "kg",
    "mw": "MW", "megawatts": "MW", "megawatt": "MW", "gw": "GW", "gigawatts": "GW",
    "gigawatt": "GW", "kw": "kW", "kilowatts": "kW", "kilowatt": "kW",
    "kwh": "kWh", "kilowatt-hours": "kWh", "kilowatt-hour": "kWh", "kilowatt hours": "kWh",
    "mwh": "MWh", "megawatt-hours": "MWh", "megawatt-hour": "MWh", "megawatt hours": "MWh",
    "gwh": "GWh", "gigawatt-hours": "GWh", "gigawatt hours": "GWh", "twh": "TWh",
    "terawatt-hours": "TWh", "terawatt hours": "TWh",
    "°c": "C", "ºc": "C", "degrees celsius": "C", "°f": "F", "degrees fahrenheit": "F",
}
# Currencies written out after the figure ("4.2 million crowns", "300,000 rand"): the ISO
# code where the word names one currency, else the word itself ("crowns" are Czech, Swedish,
# Danish or Norwegian; "dinars" of many countries), so that amounts in one currency compare.
CURRENCIES = {
    "crowns": "crowns", "crown": "crowns", "kronor": "SEK", "krona": "SEK", "kroner": "kroner",
    "krone": "kroner", "koruna": "CZK", "korunas": "CZK", "korun": "CZK", "rand": "ZAR",
    "zloty": "PLN", "zlotys": "PLN", "zlotych": "PLN", "lira": "lira", "liras": "lira",
    "lire": "lira", "dinars": "dinars", "dinar": "dinars", "rupees": "rupees",
    "rupee": "rupees", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "roubles": "RUB",
    "rouble": "RUB", "rubles": "RUB", "ruble": "RUB", "forints": "HUF", "forint": "HUF",
    "hryvnias": "UAH", "hryvnia": "UAH", "shekels": "ILS", "shekel": "ILS",
    "pesos": "pesos", "peso": "pesos", "francs": "francs", "franc": "francs",
    "swiss francs": "CHF", "leu": "RON", "lei": "RON", "naira": "NGN", "shillings": "shillings",
    "rials": "rials", "riyals": "riyals", "dirhams": "dirhams", "baht": "THB", "ringgit": "MYR",
}
_UNITS.update(CURRENCIES)
CURRENCY_UNITS = frozenset(CURRENCIES.values()) | {"USD", "EUR", "GBP"}
# Every unit as written, folded ("mw", "cubic metres", "%"): no name, whatever its case.
UNIT_WORDS = frozenset(_UNITS) | frozenset(_UNITS.values()) | frozenset(v.lower() for v in _UNITS.values())
# Words that cannot be a unit (the figure simply stands before them).
_NOT_UNIT = {
    "and", "or", "of", "the", "a", "an", "to", "in", "on", "at", "by", "for", "from", "with",
    "as", "is", "was", "were", "are", "be", "that", "which", "who", "than", "it", "its",
    "this", "these", "those", "but", "per", "into", "after", "before", "since", "until",
}

_GAP = r"[ \t\u00a0\u202f\u2009\u2007]"
_DIGITS = re.compile(
    # grouped thousands: "1,960", "120,000", "1 900", "3 000" (optionally with ".5")
    r"\d{1,3}(?:(?:,\d{3})+|(?:" + _GAP + r"\d{3})+)(?:\.\d+)?(?![\d,.]\d)"
    # plain or decimal: "100", "838.6", "3,8", "2,5"
    r"|\d+(?:[.,]\d+)?"
)


def parse_numeral(token: str) -> float | None:
    """The value of one written numeral: "1,960" 1960, "1 900" 1900, "3,8" 3.8, "838.6" 838.6."""
    token = token.strip()
    for gap in (" ", "\u00a0", "\u202f", "\u2009", "\u2007"):
        token = token.replace(gap, "")
    if not token or not re.fullmatch(r"\d[\d,.]*", token):
        return None
    if "," in token:
        groups = token.split(",")
        tail = groups[-1].split(".")[0]
        if len(groups) == 2 and len(tail) != 3:
            token = token.replace(",", ".")  # decimal comma: "3,8", "2,5", "1,75"
        elif all(len(g.split(".")[0]) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
            token = token.replace(",", "")  # thousands commas
        else:
            return None  # "1,2,3": not a number
    if token.count(".") > 1:
        return None
    try:
        return float(token)
    except ValueError:
        return None


# --- the scanner ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Tok:
    kind: str  # "num", "word", "sym"
    text: str
    start: int
    end: int
    value: float | None = None


_TOKEN = re.compile(
    r"(?P<num>" + _DIGITS.pattern + r")"
    # a unit with a power or a degree sign is one word ("m3", "km²", "°C"), not a word
    # and a number: "1.8 billion m3" is one figure
    r"|(?P<word>(?:[kKhHcC]?[mM][23²³]|[°º][CF])(?![\w])|[^\W\d_]+(?:-[^\W\d_]+)*)"
    r"|(?P<sym>\\\$|US\$|[$€£%~²]|-|–|—|\.)",
)


def _tokens(text: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "sym"
        word = m.group()
        tok = _Tok(kind, word, m.start(), m.end())
        if kind == "num":
            # a plain run of digits needs none of parse_numeral's checks
            tok.value = float(word) if word.isascii() and word.isdigit() else parse_numeral(word)
            if tok.value is None:
                continue
        if kind == "word" and "-" in word and word.split("-")[0].lower() in _WORDS:
            # "forty-four", "four-day", "five-year": split at the hyphens so the number words
            # and the unit are read separately; "eco-activists" stays one word.
            pos = tok.start
            for n, part in enumerate(tok.text.split("-")):
                if n:
                    out.append(_Tok("sym", "-", pos, pos + 1))
                    pos += 1
                out.append(_Tok("word", part, pos, pos + len(part)))
                pos += len(part)
            continue
        out.append(tok)
    return out


def _gap_ok(text: str, a: _Tok, b: _Tok, allow_hyphen: bool = True) -> bool:
    """Only spaces (or a hyphen, when allowed) between two adjacent tokens."""
    between = text[a.end:b.start]
    if allow_hyphen and between == "-":
        return True
    return between.strip() == "" and "\n\n" not in between


def _word_number(words: list[str]) -> float | None:
    """Value of a run of number words: "forty-four", "two hundred thousand", "a dozen"."""
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if w in ("a", "an") and not seen:
            current = 1
            continue
        if w == "and":
            continue
        if w in _SMALL:
            current += _SMALL[w]
        elif w == "dozen":
            current = max(current, 1) * 12
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in _SCALES:
            total += max(current, 1) * _SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


_WORDS = set(_SMALL) | set(_SCALES) | {"dozen"}


def _is_number_word(word: str) -> bool:
    return word.lower() in _WORDS


# The words _Scanner.core can start a figure on: number words, "a"/"an" ("a dozen"), and
# plural scales on their own ("thousands of").
_STARTS_FIGURE = frozenset(_WORDS) | {"a", "an"} | frozenset(_PLURAL_SCALES)


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.toks = _tokens(text)
        # each token is looked at in lower case several times (dates, qualifiers, units)
        self.lows = [t.text.lower() for t in self.toks]

    def lower(self, i: int) -> str:
        return self.lows[i] if 0 <= i < len(self.lows) else ""

    def adjacent(self, i: int, j: int) -> bool:
        return 0 <= i < j < len(self.toks) and _gap_ok(self.text, self.toks[i], self.toks[j])

    def _hyphen_joins(self, j: int) -> bool:
        """Token j is a hyphen glued between two number words."""
        toks = self.toks
        return (0 < j < len(toks) - 1 and toks[j - 1].end == toks[j].start
                and toks[j].end == toks[j + 1].start and _is_number_word(toks[j + 1].text))

    # A core figure starting at token i: returns (value, last token index, approx, qualifier).
    def core(self, i: int) -> tuple[float, int, bool, str | None] | None:
        tok = self.toks[i]
        if tok.kind == "num":
            value = tok.value or 0.0
            last = i
            # Ordinals and attached letters ("102nd", "21st", "5G") are not figures.
            nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
            if nxt is not None and nxt.start == tok.end and nxt.kind == "word":
                low = nxt.text.lower()
                if low in _SHORT_SCALES:
                    return value * _SHORT_SCALES[low], i + 1, False, None
                if low not in _UNITS:
                    return None
            if nxt is not None and nxt.kind == "word" and self.adjacent(i, i + 1):
                word = nxt.text.lower()
                if word in _SCALES:  # "3,8 billion", "2 million"
                    value *= _SCALES[word]
                    last = i + 1
            return value, last, False, None
        if tok.kind == "word":
            if tok.text.lower() in ("a", "an") and self.lower(i + 1) not in (
                *_SCALES, "dozen"
            ):
                return None  # "a two-month mission": the number starts at "two"
            words: list[str] = []
            j = i
            while j < len(self.toks):
                tok_j = self.toks[j]
                if tok_j.text == "-" and words and self._hyphen_joins(j):
                    j += 1  # "forty-four": the hyphen between two number words
                    continue
                if tok_j.kind != "word":
                    break
                w = tok_j.text.lower()
                if j > i and not self.adjacent(j - 1, j) and self.toks[j - 1].text != "-":
                    break
                if _is_number_word(w):
                    words.append(w)
                elif w in ("a", "an") and j == i:
                    words.append(w)
                elif w == "and" and words and j + 1 < len(self.toks) and _is_number_word(
                    self.lower(j + 1)
                ) and any(x in _SCALES for x in words):
                    words.append(w)  # "one hundred and twenty"
                else:
                    break
                j += 1
            if words and words[0] in ("a", "an") and len(words) == 1:
                return None
            if words and words[-1] == "and":
                words.pop()
                j -= 1
            if words:
                value = _word_number(words)
                if value is not None:
                    return value, j - 1, False, None
            w = tok.text.lower()
            if w in _PLURAL_SCALES:  # "thousands of", "hundreds"
                return float(_PLURAL_SCALES[w]), i, True, w
        return None


def _unit_after(sc: _Scanner, last: int) -> tuple[str | None, int]:
    """Unit following token ``last``: returns (unit, index of its last token)."""
    toks, text = sc.toks, sc.text
    i = last + 1
    if i >= len(toks):
        return None, last
    tok = toks[i]
    if tok.text == "%" and tok.start - toks[last].end <= 1:
        return "percent", i
    if tok.text in ("-", "–") and tok.start == toks[last].end and i + 1 < len(toks):
        word = toks[i + 1]
        if word.kind == "word" and word.start == tok.end:  # "2,5-fold", "44-day", "40-member"
            low = word.text.lower()
            return _UNITS.get(low, low), i + 1
        return None, last
    if tok.kind != "word" or not _gap_ok(text, toks[last], tok, allow_hyphen=False):
        return None, last
    low = tok.text.lower()
    if i + 1 < len(toks) and toks[i + 1].kind == "word" and sc.adjacent(i, i + 1):
        two = f"{low} {toks[i + 1].text.lower()}"
        if two in _UNITS:
            return _UNITS[two], i + 1
    if low in _UNITS:
        return _UNITS[low], i
    if low in _NOT_UNIT or low in _MONTHS or low in _SCALES or _is_number_word(low):
        return None, last
    return low, i


# The qualifiers by their number of words and their words as compared (without a final
# full stop): each figure looks up the one or two words before it, instead of trying every
# phrase in turn (that loop was a sixth of `briefing suggest`'s time on a large briefing).
# Every two-word phrase comes before every one-word phrase in _APPROX_BEFORE, so trying two
# words first keeps its order.
_QUALIFIER_BY_WORDS = {
    (len(phrase.split()), phrase.rstrip(".")): phrase for phrase in reversed(_APPROX_BEFORE)
}


def _qualifier_before(sc: _Scanner, i: int) -> tuple[str | None, int]:
    """An approximation word right before token i: returns (qualifier, its first token index)."""
    if i >= 2:
        joined = f"{sc.lower(i - 2)} {sc.lower(i - 1)}".rstrip(".")
        phrase = _QUALIFIER_BY_WORDS.get((2, joined))
        if phrase is not None and sc.adjacent(i - 2, i - 1) and sc.adjacent(i - 1, i):
            return phrase, i - 2
    if i >= 1:
        phrase = _QUALIFIER_BY_WORDS.get((1, sc.lower(i - 1).rstrip(".")))
        if phrase is not None and (phrase == "~" or sc.adjacent(i - 1, i)):
            return phrase, i - 1  # "~" qualifies even with a space or a break after it
    return None, i


def _currency_before(sc: _Scanner, i: int) -> tuple[str | None, int]:
    if i > 0:
        prev = sc.toks[i - 1]
        cur = _CURRENCY_BEFORE.get(prev.text.lower())
        if cur and prev.end == sc.toks[i].start:
            return cur, i - 1
    return None, i


_ISO_DATE = re.compile(r"(?:1[89]|20)\d\d-[01]\d(?:-[0-3]\d)?(?![\d-])")


def _scan(text: str, first_only: bool = False) -> list[Number]:
    sc = _Scanner(text)
    toks = sc.toks
    found: list[Number] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        # Dates are not figures: "23 January", "February 24", "January 2022".
        if tok.kind == "num" and (
            (sc.lower(i + 1) in _MONTHS and sc.adjacent(i, i + 1))
            or (sc.lower(i - 1) in _MONTHS and sc.adjacent(i - 1, i))
            # the year of "February 24, 2022"
            or (i >= 2 and toks[i - 1].kind == "num" and sc.lower(i - 2) in _MONTHS
                and text[toks[i - 1].end:tok.start].strip() == ",")
        ):
            i += 1
            continue
        iso = _ISO_DATE.match(text, tok.start) if tok.kind == "num" else None
        if iso:  # "2022-12-12", "2023-07": a date, not a range
            while i < len(toks) and toks[i].start < iso.end():
                i += 1
            continue
        # Only a numeral or a number word can start a figure (see _Scanner.core): most
        # tokens are other words, and are passed over without reading further.
        core = sc.core(i) if tok.kind == "num" or sc.lows[i] in _STARTS_FIGURE else None
        if core is None:
            i += 1
            continue
        value, last, approx, qualifier = core
        begin = i
        low_v = high_v = value
        currency, begin = _currency_before(sc, begin)
        q, qbegin = _qualifier_before(sc, begin)
        # Ranges: "between X and Y", "from X to Y", "X-Y", "X to Y".
        range_word = sc.lower(begin - 1)
        if range_word in ("between", "from") and sc.adjacent(begin - 1, begin):
            joiner = sc.lower(last + 1)
            if joiner in ("and", "to", "-", "–") and last + 2 < len(toks):
                other = sc.core(last + 2)
                if other is not None and sc.adjacent(last, last + 1):
                    high_v, last = other[0], other[1]
                    qbegin = begin - 1
                    q = range_word
        elif sc.lower(last + 1) in ("-", "–", "to") and last + 2 < len(toks) and (
            toks[last + 2].kind == "num" and toks[i].kind == "num"
        ) and toks[last + 1].start - toks[last].end <= 1 and toks[last + 2].start - toks[
            last + 1
        ].end <= 1:
            other = sc.core(last + 2)
            if other is not None:
                high_v, last = other[0], other[1]
                q = q or "range"
        if q is not None and q != "range" and q not in ("between", "from"):
            approx = True
            begin = qbegin
        elif q in ("between", "from"):
            begin = qbegin
        elif qualifier:
            q = qualifier
        if low_v > high_v:
            low_v, high_v = high_v, low_v
        unit, ulast = _unit_after(sc, last)
        if unit is None and currency is None and toks[last].kind == "word" and sc.lower(
            last + 1
        ) == "of":
            unit, ulast = _unit_after(sc, last + 1)  # "thousands of deaths"
        if currency:
            unit = currency
        end_tok = toks[max(last, ulast)]
        start = toks[begin].start
        mid = (low_v + high_v) / 2
        found.append(Number(
            value=mid, low=low_v, high=high_v, unit=unit, approx=approx,
            qualifier=q, text=text[start:end_tok.end], start=start, end=end_tok.end,
        ))
        if first_only:
            break
        i = max(last, ulast) + 1
    return found


def find_numbers(text: str) -> list[Number]:
    """Every figure in ``text``, in order, with offsets.  Days and years of dates are skipped."""
    return _scan(text)


def parse_number(text: str) -> Number | None:
    """The first figure in ``text`` (e.g. a ``Figure.text`` like "1 900 men"), or None."""
    found = _scan(text, first_only=True)
    return found[0] if found else None
