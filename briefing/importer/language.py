"""A small stop-word language detector, enough to find passages left in another language.

It counts very common function words of each language; a passage needs enough of them, and a
clear lead over the runner-up, before it is called anything.  Scripts settle Russian/Armenian.
"""

from __future__ import annotations

import re

STOPWORDS: dict[str, set[str]] = {
    "en": set("the of and to in is that for it with as was on be by this are from at which "
              "not but have has or an its their will would they we he she there been were "
              "who what when can also than into after".split()),
    "fr": set("le la les des du de et est un une que qui dans pour pas sur au aux ne se ce "
              "il elle sont par plus avec son sa ses leur mais ou où cette nous vous être "
              "été fait comme tout très".split()),
    "de": set("der die das und ist nicht ein eine zu den dem des mit von sich auf für im "
              "auch es als wird wurde sind bei nach wie aus oder aber noch durch hat haben "
              "über nur".split()),
    "es": set("el la los las de y que en un una es por con no para del al se lo como más "
              "pero sus su ha son".split()),
    "it": set("il di che è e la per un una in non sono con si da del della gli le ma come "
              "anche questo nel alla".split()),
}
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.U)


ELISION = re.compile(r"^([ldjmnstc]|qu)['’](.+)$")


def words(text: str) -> list[str]:
    out = []
    for w in WORD.findall(text.lower()):
        # French elisions: l'Arménie -> l' + arménie, d’autres -> d' + autres
        m = ELISION.match(w) if ("'" in w or "’" in w) else None
        if m:
            out.extend([m.group(1) + "'", m.group(2)])
        else:
            out.append(w)
    return out


ELISIONS_FR = {"l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'"}


# word -> the languages whose stop words include it: one pass over a text's words, not one
# per language (a 4 MB article has tens of thousands of paragraphs to score)
_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in STOPWORDS.items():
    for _w in _words:
        _LANGS_OF[_w] = _LANGS_OF.get(_w, ()) + (_lang,)
for _w in ELISIONS_FR:
    _LANGS_OF[_w] = _LANGS_OF.get(_w, ()) + ("fr",)


def scores(text: str) -> dict[str, int]:
    result = dict.fromkeys(STOPWORDS, 0)
    for w in words(text):
        for lang in _LANGS_OF.get(w, ()):
            result[lang] += 1
    return result


def detect(text: str, min_hits: int = 3, hits: dict[str, int] | None = None) -> str | None:
    """The language of ``text``, or None when it is too short or too mixed to tell."""
    letters = [c for c in text if c.isalpha()] if not text.isascii() else []
    if letters:
        cyr = sum(1 for c in letters if "\u0400" <= c <= "\u04ff") / len(letters)
        arm = sum(1 for c in letters if "\u0530" <= c <= "\u058f") / len(letters)
        if cyr > 0.5:
            return "ru"
        if arm > 0.5:
            return "hy"
    s = hits if hits is not None else scores(text)
    ranked = sorted(s.items(), key=lambda kv: kv[1], reverse=True)
    (best, hits), (_, second) = ranked[0], ranked[1]
    if hits < min_hits or hits < 2 * second:
        return None
    return best
