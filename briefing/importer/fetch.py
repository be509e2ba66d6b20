"""Fetch a web page for `briefing import URL`: the standard library's HTTP client, held short.

Timeouts (connecting and each read, and the whole download), a size limit (the content
limit), a content-type check (HTML, plain text or PDF), at most a few redirects, http(s) only.
Every failure is a ReadError with one line a person understands.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from briefing.importer.reading import MAX_BYTES, ReadError, too_large
from briefing.problems import Problem

TIMEOUT = 15.0  # seconds for connecting and for each read
TOTAL_TIMEOUT = 60.0  # seconds for the whole download (a server trickling bytes)
MAX_REDIRECTS = 5
ACCEPTED = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text",
            "text/markdown": "text", "application/pdf": "pdf"}
USER_AGENT = "briefing-import/0.1 (+article import for a briefing reader)"
URL = re.compile(r"^https?://\S+$", re.I)


@dataclass(slots=True)
class Fetched:
    url: str  # after redirects
    kind: str  # html | text | pdf
    data: bytes
    charset: str | None


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not URL.match(newurl):
            raise urllib.error.URLError(f"redirected to a non-web address {newurl!r}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def is_url(text: str) -> bool:
    return bool(URL.match(text))


def fetch(url: str, timeout: float = TIMEOUT, total: float = TOTAL_TIMEOUT,
          limit: int = MAX_BYTES) -> Fetched:
    def fail(message: str) -> ReadError:
        return ReadError(Problem(url, 0, message))

    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,"
        "application/pdf;q=0.8"})
    try:
        response = opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise fail(f"too many redirects (more than {MAX_REDIRECTS})") from None
        raise fail(f"the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise fail(f"no answer within {timeout:g} s") from None
        raise fail(f"cannot fetch: {reason}") from None
    except TimeoutError:
        raise fail(f"no answer within {timeout:g} s") from None
    except (OSError, ValueError) as exc:
        raise fail(f"cannot fetch: {exc}") from None
    with response:
        content_type = response.headers.get_content_type()
        kind = ACCEPTED.get(content_type)
        if kind is None:
            raise fail(f"not an article: the server sent {content_type} (expected a web page, "
                       "plain text or a PDF)")
        length = response.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > limit:
            raise too_large(url, int(length))
        chunks, size, started = [], 0, time.monotonic()
        try:
            while chunk := response.read(64 * 1024):
                chunks.append(chunk)
                size += len(chunk)
                if size > limit:
                    raise too_large(url)
                if time.monotonic() - started > total:
                    raise fail(f"download took longer than {total:g} s")
        except TimeoutError:
            raise fail(f"the server stopped sending (no data for {timeout:g} s)") from None
        except OSError as exc:
            raise fail(f"download broke off: {exc}") from None
        return Fetched(response.geturl(), kind, b"".join(chunks),
                       response.headers.get_content_charset())
