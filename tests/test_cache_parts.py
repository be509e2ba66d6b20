"""briefing.cache.parts: after an edit a load re-reads only the edited files, and gives the
same corpus and the same problems (path:line included) as reading everything; `check` and
`check --full` print the same; deleted, renamed and added files and a damaged cache are
handled."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing import cache, loader
from briefing.cache import parts as cache_parts
from briefing.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parent))
from briefing_dirs import ALPHA, ALPHA_CLAIMS, BETA, BETA_CLAIMS, line_of, write_briefing  # noqa: E402

GAMMA = BETA.replace("id: beta", "id: gamma").replace("Beta article", "Gamma article")
GAMMA_CLAIMS = BETA_CLAIMS.replace("beta-01", "gamma-01")


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(folder))
    monkeypatch.delenv("BRIEFING_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def content(tmp_path, cache_dir, monkeypatch):
    monkeypatch.chdir(tmp_path)  # problems print the path as given: c/articles/alpha.md
    root = Path("c")
    write_briefing(root, articles={"gamma.md": GAMMA}, claims={"gamma.yaml": GAMMA_CLAIMS})
    return root


@pytest.fixture
def parsed(monkeypatch):
    """The article and claims files actually read and parsed, in order."""
    files: list[str] = []
    load_article, load_claims = loader.load_article, loader.load_claims

    def article(path, *args):
        files.append(f"{path.parent.name}/{path.name}")
        return load_article(path, *args)

    def claims(path, *args):
        files.append(f"{path.parent.name}/{path.name}")
        return load_claims(path, *args)

    monkeypatch.setattr(loader, "load_article", article)
    monkeypatch.setattr(loader, "load_claims", claims)
    return files


def incremental(root: Path):
    """A load through the per-file cache (as after an edit: the whole-corpus cache misses)."""
    return loader.load_corpus(root, parts=cache_parts.FileParts(root))


def assert_same_as_full(root: Path, parsed: list[str]):
    """The incremental load equals reading every file: corpus, anchors and problems."""
    corpus, problems = incremental(root)
    seen = list(parsed)
    full, full_problems = loader.load_corpus(root)
    parsed[:] = seen
    assert [str(p) for p in problems] == [str(p) for p in full_problems]
    assert corpus == full
    return corpus, problems


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_editing_one_article_rereads_it_and_re_anchors_its_claims_only(content, parsed):
    assert_same_as_full(content, parsed)
    assert len(parsed) == 6  # first load: everything
    parsed.clear()
    assert_same_as_full(content, parsed)
    assert parsed == []  # nothing changed: nothing read
    edit(content / "articles" / "alpha.md", "Lead paragraph", "Opening paragraph")
    corpus, _ = assert_same_as_full(content, parsed)
    assert parsed == ["articles/alpha.md", "claims/alpha.yaml"]
    assert corpus.paragraph("alpha/0/1").text.startswith("Opening paragraph")
    parsed.clear()
    edit(content / "claims" / "beta.yaml", "kind: figure", "kind: fact")
    corpus, _ = assert_same_as_full(content, parsed)
    assert parsed == ["claims/beta.yaml"]
    assert corpus.claims["beta-01"].kind == "fact"


def test_touching_a_file_without_changing_it_rereads_nothing(content, parsed):
    incremental(content)
    parsed.clear()
    article = content / "articles" / "beta.md"
    st = article.stat()
    os.utime(article, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000))
    assert_same_as_full(content, parsed)
    assert parsed == []  # same SHA-256: the stored result is still right


def test_problems_of_a_cached_file_are_reported_identically(content, parsed):
    edit(content / "claims" / "alpha.yaml", "kind: figure", "kind: rumour")
    edit(content / "claims" / "alpha.yaml", "quote: twice here", "quote: nowhere to be found")
    edit(content / "articles" / "beta.md", "language: en", "language: english")
    _, first = assert_same_as_full(content, parsed)
    parsed.clear()
    edit(content / "articles" / "gamma.md", "so the source says", "so the source said")
    _, second = assert_same_as_full(content, parsed)
    assert parsed == ["articles/gamma.md", "claims/gamma.yaml"]  # alpha and beta from the cache
    assert [str(p) for p in second] == [str(p) for p in first]
    assert [str(p).split(": ")[0] for p in first] == [
        f"c/articles/beta.md:{line_of(BETA, 'language:')}",
        f"c/claims/alpha.yaml:{line_of(ALPHA_CLAIMS, 'kind: figure')}",
        f"c/claims/alpha.yaml:{line_of(ALPHA_CLAIMS, 'quote: twice here')}",
    ]


def test_deleted_renamed_and_added_files(content, parsed):
    incremental(content)
    parsed.clear()
    (content / "articles" / "gamma.md").unlink()  # its claims are left without an article
    _, problems = assert_same_as_full(content, parsed)
    assert parsed == []
    assert [p.message.split(" (")[0] for p in problems] == ["no article 'gamma' for these claims"]
    (content / "claims" / "gamma.yaml").rename(content / "claims" / "delta.yaml")
    (content / "articles" / "delta.md").write_text(GAMMA.replace("id: gamma", "id: delta"))
    edit(content / "claims" / "delta.yaml", "gamma-01", "delta-01")
    corpus, problems = assert_same_as_full(content, parsed)
    assert problems == [] and parsed == ["articles/delta.md", "claims/delta.yaml"]
    assert corpus.claims["delta-01"].paragraph_id == "delta/1/1"
    parsed.clear()
    # A new file whose claim id another file already uses: the cross-file check still runs.
    write_briefing(content, articles={"gamma.md": GAMMA}, claims={"gamma.yaml": ALPHA_CLAIMS.replace(
        "alpha-02", "gamma-02").split("- id: alpha-02")[0]})
    _, problems = assert_same_as_full(content, parsed)
    assert "claim id 'alpha-01' is used twice (first at c/claims/alpha.yaml:1)" in [
        p.message for p in problems]


def test_an_article_whose_id_differs_from_its_file_name(content, parsed):
    """Its claims are anchored in the article the corpus files under that id, as before."""
    incremental(content)
    edit(content / "articles" / "gamma.md", "id: gamma", "id: beta")
    assert_same_as_full(content, parsed)
    assert_same_as_full(content, parsed)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other code"])
def test_a_damaged_cache_is_ignored_and_rebuilt(content, cache_dir, parsed, damage, monkeypatch):
    incremental(content)
    files = [f for f in cache_dir.rglob("*") if f.is_file() and f.parent.suffix == ".parts"]
    assert files
    for file in files:
        data = file.read_bytes()
        file.write_bytes(b"garbage" if damage == "garbage" else data[: len(data) // 2])
    if damage == "other code":  # another version of the loader: nothing stored is trusted
        for file in files:
            file.write_bytes(data)
        monkeypatch.setattr(cache_parts, "code_key", lambda names: "another version")
    parsed.clear()
    assert_same_as_full(content, parsed)
    assert len(parsed) == 6
    parsed.clear()
    assert_same_as_full(content, parsed)
    assert parsed == []  # rebuilt


def test_a_shared_cache_folder_is_not_used(content, cache_dir, parsed):
    cache_dir.mkdir(mode=0o777)
    os.chmod(cache_dir, 0o777)
    incremental(content)
    assert not any(cache_dir.iterdir())


def check(*args: str):
    result = CliRunner().invoke(main, ["check", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_check_incremental_prints_what_check_full_prints(content, parsed):
    edit(content / "claims" / "alpha.yaml", "kind: figure", "kind: rumour")
    edit(content / "articles" / "beta.md", "genre: null", "genre: blog")
    full = check("--content", "c", "--full")
    assert full[0] == 1 and full[1].endswith("2 problems found.\n")
    assert check("--content", "c") == full  # fills the cache
    parsed.clear()
    assert check("--content", "c") == full  # every file's problems from the cache
    assert parsed == []
    edit(content / "articles" / "gamma.md", "so the source says", "so the source said")
    parsed.clear()
    incremental_run = check("--content", "c")
    assert parsed == ["articles/gamma.md", "claims/gamma.yaml"]
    assert incremental_run == check("--content", "c", "--full")
    # Problems fixed: the summary, the same either way.
    write_briefing(content, articles={"gamma.md": GAMMA, "beta.md": BETA},
                   claims={"gamma.yaml": GAMMA_CLAIMS, "alpha.yaml": ALPHA_CLAIMS})
    assert (content / "articles" / "alpha.md").read_text() == ALPHA
    ok = check("--content", "c")
    assert ok == (0, "3 articles, 5 sections, 6 paragraphs, 2 events, 4 claims\n")
    assert check("--content", "c", "--full") == ok


def test_no_cache_env_reads_everything(content, cache_dir, parsed, monkeypatch):
    monkeypatch.setenv("BRIEFING_NO_CACHE", "1")
    cache.load_corpus_cached(content)
    cache.load_corpus_cached(content)
    assert len(parsed) == 12 and not cache_dir.exists()
