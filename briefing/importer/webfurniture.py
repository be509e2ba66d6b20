"""Lines that pages put around an article, whatever the site: a player's leftovers ("0:00",
"Play Live Radio"), "Short Url", "2 min read", "Updated 28 November 2024", paywall and
subscription prompts, counters ("312", "1.2K Followers"), photo captions with a credit,
gallery counters ("1 / 2"), breadcrumbs, newsletter footers.

Each pattern matches a whole line (never a part of one), so prose that mentions a subscription
or a minute is never touched.  Used line by line, anywhere on the page (boilerplate.py).
"""

from __future__ import annotations

import re

from briefing.importer.dates import parse_date

_I = re.I

PLAYER = re.compile(
    r"^(play live radio|next up:?|live radio|listen live|\d+\s*(h|hr|hrs|hours?)?\s*\d*\s*(min|mins|minutes)|\d{1,2}:\d{2}(:\d{2})?(\s*/\s*\d{1,2}:\d{2}"
    r"(:\d{2})?)?|\d{1,2}:\d{2}\s*(am|pm)\s*[a-z]{1,4}|available on air stations|heard on [\w' ]{3,40}"
    r"|\d+[- ]minute (listen|read|watch)|listen\s*[·•]\s*\d{1,2}:\d{2}|playlist|download|embed|"
    r"transcript|download( (the )?(mp3|audio|episode|podcast|transcript|pdf))?|hide caption|toggle caption|enlarge this image|audio will be available later today"
    r"|listen to (this )?(article|story)( \d+ min(utes?)?)?|watch:?|video|play video|\d+ min listen)$",
    _I)
SHARE_LINE = re.compile(
    r"^(short url|copy link( copied)?|link copied|copied|print( this (page|article))?|"
    r"share (this )?(article|story|page|post)|share on \w+( share on \w+)*|gift (this )?article|"
    r"save( (article|story|for later))?|bookmark|comment|reply|load more comments|show more comments"
    r"|view comments|see all comments|add to (my )?(list|feed)|follow|following|unfollow|"
    r"mute|report|flag|recommend|like|read later|save for later|lire plus tard|partager|"
    r"pinned( (post|entry|update))?|comments are (now )?closed\.?|"
    r"offrir (l['’])?article|(artikel )?teilen|merken|weiterlesen|"
    r"back to (all )?(news|articles|posts|stories|press releases|blog)|write a comment\.*|"
    r"se connecter|anmelden|start writing|∙\s*paid|like this:?|like loading\.*|loading\.*|share this:?|"
    r"blog at wordpress\.com\.?|(proudly )?powered by [\w. ]{2,30}|skip to [\w ]{2,30}|"
    r"search( jobs| the site| this site)?|sign in|log ?in|register|menu|close menu|open menu|"
    r"toggle navigation|main menu|print subscriptions?|reuse this content|.{2,40} back to home.*|"
    r"back to home(page)?|go to (the )?home ?page|accessibility( help)?|"
    r"\d+(\.\d+)?k?\s+(likes?|claps?|responses?|followers?|shares?"
    r"|views?|reads?|comments?|restacks?)|\d[\d,]*(\.\d+)?k?|[·•|/—–-]+)$", _I)
READ_TIME = re.compile(
    r"^(\d+\s*(min(ute)?s?|mins?)\.?\s*read|reading time:?\s*\d.*|\d+ min read\s*[·•]?.*|"
    r"estimated reading time.*|temps de lecture\s*:?\s*\d+\s*min\.?|lesezeit\s*:?\s*\d+\s*min\.?)$", _I)
UPDATED = re.compile(
    r"^(last\s+)?(updated|modified|edited|amended)\s*:?\s*(on\s+)?(?=\d|\(|(mon|tue|wed|thu|fri|"
    r"sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b).{0,60}$", _I)
PAYWALL = re.compile(
    r"^(keep reading with .*|subscribe( now)?( to (continue|keep) reading.*)?|"
    r"(to )?continue reading( (the|this) (article|story|post))?\W*|already a (subscriber|member)\?.*|start (your )?free trial.*|"
    r"this (article|story|post|content) is (only )?(for|available to) (paid )?(subscribers|members).*|"
    r"upgrade to (paid|premium).*|create a free account.*|get unlimited access.*|"
    r"sign in to (continue|read).*|register (now )?to (continue|read).*|"
    r"you have \d+ free articles? (left|remaining).*|subscribe for (full )?access.*|"
    r"view in (your )?browser|unsubscribe.*|update your (email )?preferences.*|manage your "
    r"(subscription|preferences).*|forward (this|it) to .*|was this forwarded to you\?.*|"
    r"sign up here\.?|(not a subscriber|not subscribed)\?.*|get (the|our) app|open in app|"
    r"support (independent|local|quality|public[- ]interest|our|trusted) journalism.*|become a (paid )?(subscriber|member).*|"
    r"by (signing up|subscribing|clicking [\w' ]{2,20}|entering your e-?mail)[, ]+you agree to .*|"
    r"got a (story|tip|news tip|story idea)\b.{0,120}|"
    r"discover more from .{2,60}|over [\d,.]+k? subscribers|thanks for reading .{2,60}[!.]"
    r" subscribe .*|subscribe( on)?\s*:.*|s['’]abonner|abonnez-vous.*|d[ée]couvrir les offres|"
    r"d[ée]j[àa] abonn[ée]e? \?.*|article r[ée]serv[ée] aux abonn[ée]s|"
    r"il vous reste [\d.,]+\s?% de cet article [àa] lire.*|la suite est r[ée]serv[ée]e aux "
    r"abonn[ée]s.*|jetzt (abonnieren|weiterlesen).*|(nur )?f[üu]r abonnenten.*)$", _I)
# A press release's label above its headline.
RELEASE = re.compile(r"^(for immediate release|embargoed (until|for) .{3,60}|"
                     r"press release|communiqu[ée] de presse|pressemitteilung)$", _I)
AGENCIES = (r"afp|reuters|ap|epa|getty images|getty|pa media|pa|shutterstock|alamy|bloomberg|"
             r"anadolu|xinhua|dpa|ansa|efe|abaca|sipa|maxppp|hans lucas|imago|picture alliance|"
             r"afp via getty images|reuters/alamy|bbc|nurphoto")
# A caption: a line that ends with a credit "(Reuters)", "Photo: AFP", "Photograph: D. Pereira"
CAPTION_CREDIT = re.compile(
    r"(\((reuters|afp|ap|ap photo[^)]*|getty images?[^)]*|epa[^)]*|shutterstock|file photo[^)]*|"
    r"[^()]{0,40}/(reuters|afp|ap|getty images|epa)[^()]{0,20})\)|"
    r"\b(photo(graph)?|image|picture|credit|illustration|foto)s?\s*(credit)?\s*:\s*[^.]{2,60}|"
    r"\.\s+[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{2,40}\s*/\s*(" + AGENCIES + r"))\.?$", _I)
# A byline that also credits the pictures ("Words: A | Pictures: B") is no caption.
CREDITS_BYLINE = re.compile(r"^(words|text|story|by|written by|words by|reporting)\b\s*:?\s+\S", _I)
# A picture's labels read out as text: "Image source, Getty Images", "Image caption, A boat".
PICTURE_LABEL = re.compile(r"^(image|media|video|photo|picture) (source|caption|credit),\s*\S.*$", _I)
# A picture agency's name alone on a line: the credit of a photo whose caption follows.
AGENCY_CREDIT = re.compile(r"^(" + AGENCIES + r")$", _I)
# "[THEME MUSIC]", "(SOUNDBITE OF ARCHIVED BROADCAST)": a transcript's cue, no one's words.
SOUND_CUE = re.compile(r"^[\[(][A-Z][A-Z ,'’-]{2,60}[\])]$")
TRANSCRIPT_NOTE = re.compile(r"^this transcript (was|has been|is|may) .{5,160}$", _I)
# The author line of an embedded social post: "— Harbour Board (@HarbourBoard) May 2, 2026",
# "A post shared by Senna Dockers (@sennadockers)".
EMBED_AUTHOR = re.compile(r"^(?:[—–-]\s*|an? (?:post|photo|video|reel) shared by\s+)"
                          r"[^()\n]{1,80}\(@[\w.]{1,40}\)(?:\s+(?:on\s+)?.{0,40})?$", _I)
# A live blog's entry time: "Posted at 11:05", "15:40", "3:40 p.m.", "09:20 BST".
TIME_STAMP = re.compile(r"^(?:(?:posted|published|updated|last updated|filed|added)(?: at| on)?"
                        r"\s*:?\s*)?\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?"
                        r"(?:\s*(?:[a-z]{2,4}|gmt[+-]\d{1,2}))?$", _I)
# The same time (or a live label) opening an entry's paragraph: "**11:05** The union ...",
# "09:20 BST – At least 14 ships ...", "BREAKING: About 2,300 dockers ...".
ENTRY_STAMP = re.compile(
    # a zone is a whole word, and a time not followed by one is not followed by part of a
    # word in capitals either: "09:20 BST was the time ..." is a sentence, not an entry
    r"^(?:(?P<e1>\*\*|__)?(?:\d{1,2}:\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?"
    r"(?:\s*[A-Z]{2,4}\b|(?!\s*[A-Z]{2,4}\b))"
    r"|(?i:breaking(?: news)?|update|latest|just in|pinned)\s*:)(?P=e1)?"
    r"\s*(?:[–—-]\s*)?)(?=[\"“‘'A-ZÀ-Ý])")
RELATIVE_TIME = re.compile(r"^(\d+|an?|one) (second|minute|min|hour|hr|day|week|month)s? ago$|"
                           r"^(il y a|vor) \d+ \w+$", _I)
GALLERY = re.compile(r"^(\d{1,3}\s*/\s*\d{1,3}|\d{1,3} of \d{1,3}|image \d+ of \d+)$", _I)
BREADCRUMB = re.compile(r"^(home|start|accueil)(\s*[›»>/|]\s*[\w&' -]{2,30}){1,5}$", _I)
# Sections a site's menu and breadcrumbs name: "Home Business Markets <title>"
SECTIONS = {
    "news", "world", "business", "markets", "politics", "opinion", "analysis", "sport", "sports",
    "science", "tech", "technology", "health", "culture", "arts", "life", "lifestyle", "economy",
    "environment", "climate", "local", "europe", "asia", "africa", "americas", "us", "uk",
    "features", "entertainment", "travel", "food", "education", "money", "finance", "energy",
    "media", "region", "national", "international", "society", "latest", "video", "podcasts",
    "commodities", "companies", "investing", "property", "nature", "space", "weather", "uk news",
}


LONGEST_LINE = 15  # words: no furniture line is longer; a sentence of the article may be


def line_kind(line: str) -> str | None:
    """What kind of page furniture this whole line is, or None."""
    text = line.strip().strip("*_").strip()
    if not text or len(text.split()) > LONGEST_LINE:
        return None
    if PLAYER.match(text):
        return "audio/video player"
    if READ_TIME.match(text) and not parse_date(text)[0]:  # "6 min read · Mar 18, 2024": a date
        return "reading time"
    if SHARE_LINE.match(text):
        return "page control"
    if PAYWALL.match(text):
        return "subscription prompt"
    if RELEASE.match(text):
        return "release label"
    if GALLERY.match(text):
        return "gallery counter"
    if BREADCRUMB.match(text):
        return "breadcrumb"
    if RELATIVE_TIME.match(text) or TIME_STAMP.match(text):
        return "update time"
    if UPDATED.match(text) and (re.search(r"\d{1,2}:\d{2}", text) or parse_date(text)[0]):
        return "update time"
    if len(text.split()) <= 40 and CAPTION_CREDIT.search(text) and not text.endswith(("?", "!")) \
            and not CREDITS_BYLINE.match(text):
        return "image caption"
    if PICTURE_LABEL.match(text):
        return "image caption"
    if AGENCY_CREDIT.match(text):
        return "image credit"
    if EMBED_AUTHOR.match(text):
        return "embedded post's author line"
    if SOUND_CUE.match(text):
        return "sound cue"
    if TRANSCRIPT_NOTE.match(text):
        return "transcript note"
    return None


def glued_breadcrumb(line: str) -> tuple[str, str] | None:
    """'Home Business Markets Copper miners bet on...' -> ('Home Business Markets', 'Copper...').

    Only from "Home" and through section names a site's menu uses, and only when a title of
    three words or more is left."""
    words = line.split()
    if not words or words[0].lower() not in ("home", "start"):
        return None
    k = 1
    while k < len(words) and words[k].lower().strip("›»>/|") in SECTIONS | {""}:
        k += 1
    if k == 1 and len(words) > 1 and words[1] in "›»>/|":
        return None
    if len(words) - k < 3:
        return None
    return " ".join(words[:k]), " ".join(words[k:])
