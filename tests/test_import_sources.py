"""Importing articles as people have them: web pages (files and URLs), PDFs, pasted text with
single-newline paragraphs or hard wraps, mojibake; the size limit shared with the loader; the
summary at 80 columns, piped and as JSON.

URLs are fetched from a real HTTP server on 127.0.0.1 started here (http.server in a thread).
"""

from __future__ import annotations

import http.server
import io
import json
import threading
import time

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.importer import import_file, import_text
from briefing.importer.fetch import fetch
from briefing.importer.pipeline import import_bytes, import_url
from briefing.importer.reading import MAX_BYTES, ReadError

PAGE = """<!DOCTYPE html>
<html><head>
<title>Tidal power plant approved for the Severn | Western Daily Post</title>
<meta property="og:site_name" content="Western Daily Post">
<meta name="author" content="Rhian Morgan">
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Tidal power plant approved for the Severn</h1>
<p>The government approved a 320-megawatt tidal lagoon near Cardiff on Thursday, ending a
decade of argument over the cost of the power it will produce.</p>
<figure><img src="l.jpg"><figcaption>The planned lagoon wall. Photo: Severn Tidal Ltd</figcaption></figure>
<p>Construction is expected to start next year and to take six years. The developer says the
lagoon will supply about 150,000 homes.</p>
<p>Environmental groups warned that the wall would change how silt moves in the estuary, and
said they would watch the monitoring closely.</p>
</article>
<section class="comments"><h3>3 comments</h3><p>About time! - Dai</p></section>
<footer><p>© 2024 Western Daily Post</p></footer>
</body></html>
"""


def imp(text: str, name: str = "paste.txt"):
    return import_text(text, name)


# --- web pages ---------------------------------------------------------------------------

def test_html_file_main_text_and_metadata_everything_else_reported(tmp_path):
    path = tmp_path / "severn.html"
    path.write_text(PAGE, encoding="utf-8")
    r = import_file(path)
    m = r.meta
    assert (m.title, m.authors, m.published, m.outlet) == (
        "Tidal power plant approved for the Severn", ["Rhian Morgan"], "2024-05-02",
        "Western Daily Post")
    assert r.fields["provenance"]["outlet"][0] == "stated"
    assert r.body.startswith("The government approved a 320-megawatt tidal lagoon")
    for furniture in ("Home", "Photo: Severn", "About time", "© 2024", "3 comments"):
        assert furniture not in r.body
    dropped = r.report.dropped_text()
    for furniture in ("Home News Sport", "The planned lagoon wall. Photo: Severn Tidal Ltd",
                      "About time! - Dai", "© 2024 Western Daily Post"):
        assert furniture in dropped  # what the extraction left out is listed, not lost
    assert not [w for w in r.report.warnings if "importer bug" in w]
    assert "<" not in r.body


def test_html_is_recognised_by_content_whatever_the_suffix(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_text(PAGE, encoding="utf-8")
    r = import_file(path)
    assert r.meta.title == "Tidal power plant approved for the Severn"
    assert "<!DOCTYPE" not in r.markdown and "<p>" not in r.body


def test_html_page_without_article_text_is_a_clear_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    result = CliRunner().invoke(main, ["import", str(path), "--out", str(tmp_path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{path}" in result.output and "no article text" in result.output
    assert not (tmp_path / "articles").exists()


# --- URLs, against a local server ----------------------------------------------------------

class Handler(http.server.BaseHTTPRequestHandler):
    routes: dict = {}

    def log_message(self, *args):  # keep the test output clean
        pass

    def do_GET(self):
        route = self.routes.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        status, headers, body, delay = route
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        if delay:
            time.sleep(delay)
        try:
            if callable(body):
                for chunk in body():
                    self.wfile.write(chunk)
            else:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture()
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    html = PAGE.encode()
    Handler.routes = {
        "/severn": (200, {"Content-Type": "text/html; charset=utf-8"}, html, 0),
        "/moved": (301, {"Location": "/severn"}, b"", 0),
        "/loop": (302, {"Location": "/loop"}, b"", 0),
        "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG....", 0),
        "/huge": (200, {"Content-Type": "text/html", "Content-Length": str(MAX_BYTES + 10)},
                  b"<html>", 0),
        "/stream": (200, {"Content-Type": "text/html"},
                    lambda: (b"<p>" + b"x" * 65536 for _ in range(200)), 0),
        "/slow": (200, {"Content-Type": "text/html"}, html, 3),
        "/plain": (200, {"Content-Type": "text/plain; charset=utf-8"},
                   "A plain title\n\nBy Anna Berg\n\nSome text that ends.\n".encode(), 0),
        "/ftp": (302, {"Location": "ftp://127.0.0.1/file"}, b"", 0),
    }
    yield base
    httpd.shutdown()
    httpd.server_close()


def test_url_is_fetched_extracted_and_its_address_kept(server):
    r = import_url(server + "/severn")
    assert r.meta.title == "Tidal power plant approved for the Severn"
    assert r.fields["url"] == server + "/severn" and r.fields["outlet"] == "Western Daily Post"
    assert f"url: {server}/severn" in r.front_matter


def test_redirect_is_followed_and_the_final_address_recorded(server):
    r = import_url(server + "/moved")
    assert r.fields["url"] == server + "/severn"


def test_plain_text_url_goes_through_the_text_rules(server):
    r = import_url(server + "/plain")
    assert r.meta.title == "A plain title" and r.meta.authors == ["Anna Berg"]


@pytest.mark.parametrize("path, message", [
    ("/loop", "too many redirects"),
    ("/image", "not an article: the server sent image/png"),
    ("/huge", "too large"),
    ("/nothing", "the server answered 404"),
    ("/ftp", "redirected to a non-web address"),
])
def test_bad_urls_give_one_clear_line(server, path, message):
    result = CliRunner().invoke(main, ["import", server + path, "--dry-run"])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert result.output.startswith(server + path + ": ")


def test_a_body_over_the_limit_without_a_length_is_cut_off(server):
    with pytest.raises(ReadError, match="too large"):
        fetch(server + "/stream", limit=1_000_000)


def test_a_server_that_does_not_answer_in_time_times_out(server):
    started = time.monotonic()
    with pytest.raises(ReadError, match="no data for 0.5 s|no answer within 0.5 s"):
        fetch(server + "/slow", timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_an_unreachable_host_is_a_clear_error():
    with pytest.raises(ReadError, match="cannot fetch"):
        fetch("http://127.0.0.1:9/x", timeout=2)


# --- PDF ------------------------------------------------------------------------------------

def make_pdf(pages: list[list[str]], header: str) -> bytes:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF(format="A4")
    pdf.set_auto_page_break(False)
    for number, lines in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=9)
        pdf.set_xy(20, 10)
        pdf.cell(0, 6, header)
        pdf.set_font("Helvetica", size=11)
        pdf.set_xy(20, 25)
        for line in lines:
            pdf.set_x(20)
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_xy(100, 280)
        pdf.cell(0, 6, str(number))
    return bytes(pdf.output())


PDF_PAGES = [
    ["Harbour seals return to the Wadden Sea", "Jonas Brandt", "Marine Notes, 4 April 2023", "",
     "Counts from aerial surveys show the seal population has recovered to about",
     "28,000 animals, more than before the virus outbreak of 2002. The recovery is",
     "a long-standing success of the trilateral protection agreement, though the",
     "surveys also found a weak-"],
    ["ening of pup numbers in the southern colonies, which researchers link to",
     "disturbance from tourist boats.", "",
     "Feeding grounds further offshore remain poorly understood."],
]


def test_pdf_pages_headers_numbers_wraps_and_hyphens(tmp_path):
    path = tmp_path / "seals.pdf"
    path.write_bytes(make_pdf(PDF_PAGES, "Marine Notes - Issue 12"))
    r = import_file(path)
    assert r.meta.title == "Harbour seals return to the Wadden Sea"
    assert r.meta.authors == ["Jonas Brandt"] and r.meta.published == "2023-04-04"
    paras = [b.flat for b in r.blocks if b.kind == "para"]
    assert paras[0].startswith("Counts from aerial surveys")
    assert "a long-standing success" in paras[0]  # a real compound keeps its hyphen
    assert "a weakening of pup numbers" in paras[0]  # a word cut by the page break is joined
    assert paras[1] == "Feeding grounds further offshore remain poorly understood."
    kinds = sorted({d.what for d in r.report.dropped})
    assert "running header" in kinds and "page number" in kinds
    assert "Marine Notes - Issue 12" not in r.body
    assert any("weak-ening -> weakening" in s for s in r.report.repairs)
    assert not [w for w in r.report.warnings if "importer bug" in w]


def test_a_damaged_pdf_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n garbage without objects")
    with pytest.raises(ReadError) as info:
        import_file(path)
    assert str(info.value).startswith(f"{path}: ")


# --- pasted text ----------------------------------------------------------------------------

DOCX = """Night trains come back to the Alps
By Lena Fischer
3 February 2024
Three new night trains will link Zurich, Vienna and Milan from December, the operators said.
The trains will have sleeping cars with private showers, a first on these routes.
Tickets go on sale in September.
"""


def test_one_line_per_paragraph_is_read_as_paragraphs():
    r = imp(DOCX)
    assert (r.meta.title, r.meta.authors, r.meta.published) == (
        "Night trains come back to the Alps", ["Lena Fischer"], "2024-02-03")
    assert [b.flat for b in r.blocks if b.kind == "para"] == [
        "Three new night trains will link Zurich, Vienna and Milan from December, the "
        "operators said.",
        "The trains will have sleeping cars with private showers, a first on these routes.",
        "Tickets go on sale in September."]
    assert any("read as paragraph breaks" in n for n in r.report.notes)


WRAPPED = """Why the orchard failed

The orchard was planted in 2015 on land that had been a dairy farm for
sixty years, and nobody tested the soil before the first trees went in.
By the third summer half of them were dead.
A second planting, on raised beds, did better. The owners now think the
problem was water standing over the roots through the winter months.
"""


def test_hard_wrapped_text_is_rejoined_and_split_at_short_sentence_ends():
    r = imp(WRAPPED)
    assert [b.flat for b in r.blocks if b.kind == "para"] == [
        "The orchard was planted in 2015 on land that had been a dairy farm for sixty years, "
        "and nobody tested the soil before the first trees went in. By the third summer half "
        "of them were dead.",
        "A second planting, on raised beds, did better. The owners now think the problem was "
        "water standing over the roots through the winter months."]
    assert any("read as hard wraps" in n for n in r.report.notes)


PASTED_PAGE = """Home World Europe Ferry strike strands thousands on Greek islands
Short Url
Updated 14 August 2024
3 min read
1 / 3
Passengers wait at the port of Piraeus on Tuesday. (Reuters)
ATHENS: A 48-hour ferry strike left thousands of tourists stranded on Greek islands at the height of the holiday season.
The seamen's union is demanding higher pay and more crew on older vessels.
Keep reading with a 7-day free trial
Comments (2)
Mike: Happened to us last year too.
Load more comments
Ferry operators said services would return to normal on Friday.
Written by
Eleni Papadaki
Eleni Papadaki is our correspondent in Athens.
© 2024 Aegean Times
"""


def test_pasted_page_furniture_anywhere_and_metadata_around_it():
    r = imp(PASTED_PAGE)
    assert r.meta.title == "Ferry strike strands thousands on Greek islands"
    assert r.meta.authors == ["Eleni Papadaki"]
    assert r.meta.published is None  # "Updated" is not the publication date: unknown
    assert r.meta.outlet == "Aegean Times"
    assert r.fields["provenance"]["outlet"][0] == "inferred"
    assert [b.flat for b in r.blocks if b.kind == "para"] == [
        "ATHENS: A 48-hour ferry strike left thousands of tourists stranded on Greek islands "
        "at the height of the holiday season.",
        "The seamen's union is demanding higher pay and more crew on older vessels.",
        "Ferry operators said services would return to normal on Friday."]
    kinds = {d.what for d in r.report.dropped}
    assert {"breadcrumb", "page control", "update time", "image caption",
            "subscription prompt", "comment section", "author bio"} <= kinds
    assert "1 / 3" in r.report.dropped_text()
    assert not [w for w in r.report.warnings if "importer bug" in w]


def test_nothing_is_invented_when_the_text_states_nothing():
    r = imp("Some notes\n\nThe meeting went on until late. Nobody agreed on anything.\n")
    assert r.meta.authors == [] and r.meta.published is None and r.meta.outlet is None
    prov = r.fields["provenance"]
    assert prov["authors"] == ("unknown", "") and prov["outlet"] == ("unknown", "")


def test_mojibake_is_repaired_and_each_repair_listed(tmp_path):
    path = tmp_path / "cafe.txt"
    path.write_text("CafÃ© owners win a reprieve\n\nBy AmÃ©lie Roy\n\n"
                    "The cityâ€™s council voted 9 to 2.\n", encoding="utf-8")
    r = import_file(path)
    assert r.meta.title == "Café owners win a reprieve" and r.meta.authors == ["Amélie Roy"]
    assert "The city’s council voted 9 to 2." in r.body
    repairs = [n for n in r.report.notes if "mojibake" in n]
    assert len(repairs) == 3 and "line 5" in repairs[2]


def test_hyphen_at_a_break_is_decided_with_the_word_list():
    r = imp("T\n\nThe long-\nstanding row kept weak-\nening the case, said the inter-\n"
            "national panel.\n")
    assert "The long-standing row kept weakening the case, said the international panel." \
        in r.body


# --- limits and the command ----------------------------------------------------------------

def test_one_size_limit_shared_with_the_loader(tmp_path):
    from briefing.loading import files

    assert MAX_BYTES is files.MAX_BYTES
    big = tmp_path / "big.txt"
    big.write_bytes(b"Title\n\n" + b"word " * (MAX_BYTES // 5 + 1))
    result = CliRunner().invoke(main, ["import", str(big), "--out", str(tmp_path / "c")])
    assert result.exit_code == 1
    assert f"{big}: too large" in result.output and "limit is 5 MB" in result.output


def test_json_output_for_scripts(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(page), "--json", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    article = data["articles"][0]
    assert article["fields"]["outlet"] == "Western Daily Post"
    assert article["fields"]["provenance"]["title"]["basis"] == "stated"
    assert any(d["what"] == "page furniture" for d in article["dropped"])
    assert data["errors"] == []


def test_piped_summary_is_plain_lines(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(page), "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert "┃" not in result.output and "━" not in result.output  # no table when piped
    assert "outlet: Western Daily Post" in result.output
    assert "  title: Tidal power plant approved for the Severn" in result.output


def test_terminal_summary_fits_80_columns(tmp_path):
    from rich.console import Console

    from briefing.importer.summary import Summary

    summary = Summary()
    page = tmp_path / "a-rather-long-file-name-for-a-saved-web-page-about-tides.html"
    page.write_text(PAGE, encoding="utf-8")
    summary.add(str(page), tmp_path / "x.md", import_file(page))
    out = io.StringIO()
    summary.print(terminal=True, full_report=False,
                  console=Console(file=out, width=80, force_terminal=False, color_system=None))
    lines = out.getvalue().splitlines()
    assert lines and all(len(line) <= 80 for line in lines[:8])  # the table
    assert any("tidal-power" in line or "morgan" in line for line in lines)


def test_imported_page_loads_with_its_url_and_outlet(tmp_path, server):
    result = CliRunner().invoke(main, ["import", server + "/severn", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    check = CliRunner().invoke(main, ["check", "--content", str(tmp_path)])
    assert check.exit_code == 0, check.output
    text = next((tmp_path / "articles").glob("*.md")).read_text(encoding="utf-8")
    assert "outlet: Western Daily Post" in text and f"url: {server}/severn" in text


def test_bytes_detection_pdf_magic_first():
    with pytest.raises(ReadError):
        import_bytes(b"%PDF-1.7 not really", "x.bin")


def test_a_photo_credit_near_the_end_does_not_take_the_last_paragraph_with_it():
    paras = "\n\n".join(f"Paragraph {i} says something long enough to be article prose."
                        for i in range(6))
    r = imp(f"Title\n\nBy Ann Lee\n\n{paras}\n\n© 2024 Reuters\n\n"
            "The last paragraph explains what happens next in the talks.\n")
    assert r.body.rstrip().endswith("The last paragraph explains what happens next in the talks.")
    assert r.meta.outlet is None  # a credit inside the article is not the outlet


def test_furniture_patterns_match_whole_lines_only():
    text = ("T\n\nShe said the subscription was 2 min read of fine print and that readers "
            "should subscribe to continue reading the report later.\n\nShare\n\n"
            "The 0:00 mark came and went.\n")
    r = imp(text)
    assert "subscribe to continue reading the report later." in r.body
    assert "The 0:00 mark came and went." in r.body
    assert [d.text for d in r.report.dropped] == ["Share"]


WHOLE_PAGE = """Skip to main content
Sign in
Search
News
Sport
Business
Science
Rail freight doubles on the Alpine corridor after tunnel upgrade
A wind of change in how goods cross the mountains
Marco Bernasconi Transport correspondent
Mon 4 Mar 2024 09.30 CET
Share
Freight trains through the Gotthard corridor carried twice as many containers in 2023 as five years earlier, the operator said on Monday.
Shippers cited reliability rather than price, with nine in ten trains now arriving within an hour of schedule.
The three towns on the line are Erstfeld
Biasca
Bellinzona
and each has added sidings for longer trains.
Explore more on these topics
Rail transport
Switzerland
Freight
Reuse this content
"""


def test_a_whole_page_copy_loses_its_menus_and_keeps_a_list_inside_the_article():
    r = imp(WHOLE_PAGE)
    assert r.meta.title == "Rail freight doubles on the Alpine corridor after tunnel upgrade"
    assert r.meta.authors == ["Marco Bernasconi"]
    assert r.fields["provenance"]["authors"][0] == "inferred"
    assert r.meta.published == "2024-03-04"
    for menu in ("Skip to main content", "Sport", "Business", "Rail transport", "Reuse"):
        assert menu not in r.body
    assert "Biasca" in r.body and "Bellinzona" in r.body  # a run inside the article stays
    assert "and each has added sidings for longer trains." in r.body
    assert not [w for w in r.report.warnings if "importer bug" in w]


@pytest.mark.parametrize("sentence", [
    "Updated guidance was issued on 3 May 2024.",
    "Reading time for children fell by half.",
    "To continue reading the report, the committee voted.",
])
def test_sentences_that_start_like_furniture_stay(sentence):
    r = imp(f"Title\n\nFirst paragraph of the piece.\n\n{sentence}\n\nLast paragraph here.\n")
    assert sentence in r.body


# --- property: a web page of any layout loses no visible word ----------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDS = st.sampled_from("the harbour council voted on Monday to close two piers after a storm "
                        "damaged their pilings engineers said repairs would cost million "
                        "Share Home News 0:00 Subscribe Photo Reuters © 2024".split())
SENTENCE = st.lists(WORDS, min_size=3, max_size=30).map(lambda w: " ".join(w).capitalize() + ".")
FURNITURE = st.sampled_from([
    "<nav><a href='/'>Home</a> <a href='/n'>News</a></nav>", "<div class='share'>Share</div>",
    "<figure><figcaption>A pier. Photo: Reuters</figcaption></figure>",
    "<aside><h3>Related</h3><a href='/x'>Another story</a></aside>",
    "<footer>© 2024 Harbour Times</footer>", "<div>0:00</div>", "<script>var x = 1;</script>",
    "<section class='comments'><p>Nice - Bob</p></section>"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(SENTENCE.map(lambda s: f"<p>{s}</p>"), FURNITURE), min_size=1,
                max_size=14),
       st.booleans())
def test_no_visible_word_of_a_page_is_lost(parts, with_title):
    title = "<h1>Piers closed after storm damage</h1>" if with_title else ""
    page = ("<!DOCTYPE html><html><head><title>Piers closed | Harbour Times</title></head><body>"
            + title + "<article>" + "".join(parts) + "</article></body></html>")
    try:
        r = import_bytes(page.encode(), "page.html")
    except ReadError as exc:
        assert "no article text found" in str(exc)
        return
    assert not [w for w in r.report.warnings if "importer bug" in w], r.report.warnings


@pytest.mark.parametrize("line, published", [
    ("Jane Doe · 2 min read", None),
    ("Jane Doe · 2 min read · Mar 18, 2024", "2024-03-18"),
    ("Jane Doe • Follow • 7 min read", None),
])
def test_platform_bylines_without_by(line, published):
    r = imp(f"The title of it all\n\n{line}\n\nThe text of the article begins here and goes on.\n")
    assert r.meta.authors == ["Jane Doe"] and r.meta.published == published
    assert r.body == "The text of the article begins here and goes on.\n"


def test_a_dotted_line_that_is_not_a_byline_stays():
    r = imp("The title of it all\n\nRome · Paris · Berlin\n\nThe text of the article begins.\n")
    assert r.meta.authors == [] and "Rome · Paris · Berlin" in r.body
