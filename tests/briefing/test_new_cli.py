"""`brief new`: a draft pack from an article file, bad input refused cleanly, and
`brief build --draft` for review; `quiz check` reports every TODO placeholder."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from briefing.cli import main
from quizzes.cli import main as quiz_main
from tests.briefing.pdftext import reader
from tests.seeds.test_draft import SPEECH, seed_text


def brief(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def speech(tmp_path):
    path = tmp_path / "speech.txt"
    path.write_text(SPEECH, encoding="utf-8")
    return path


def test_new_writes_the_pack_and_the_article(tmp_path, speech):
    data = tmp_path / "data"
    result = brief(
        "new",
        str(speech),
        "--id",
        "harbour",
        "--date",
        "2024-05-16",
        "--kind",
        "speech",
        "--outlet",
        "Island Radio",
        "--data-dir",
        str(data),
    )
    assert result.exit_code == 0, result.output
    folder = data / "packs" / "harbour"
    assert (folder / "article.txt").read_text(encoding="utf-8") == SPEECH
    pack = (folder / "pack.yaml").read_text(encoding="utf-8")
    assert 'outlet: "Island Radio"' in pack and 'published: "2024-05-16"' in pack
    assert "speech" in pack
    summary = result.output.strip().splitlines()[-1]
    assert summary.startswith(("5 figures", "4 figures", "6 figures"))
    assert "quotes (6 attributed)" in summary and "places to fill in; next: quiz check" in summary


def test_quiz_check_lists_each_todo_and_finds_every_quote(tmp_path, speech):
    data = tmp_path / "data"
    assert (
        brief(
            "new", str(speech), "--id", "harbour", "--date", "2024-05-16", "--data-dir", str(data)
        ).exit_code
        == 0
    )
    folder = data / "packs" / "harbour"
    runner = CliRunner()
    result = runner.invoke(quiz_main, ["check", str(folder), "--article", str(speech)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if ": error: " in line]
    placeholders = [line for line in lines if "TODO placeholder" in line]
    assert any(line.endswith("write this statement in your own words") for line in lines)
    assert all(line.split(":")[1].isdigit() for line in lines)  # file:line:col
    assert "quote not found" not in result.output
    summary = (
        brief(
            "new", str(speech), "--id", "harbour2", "--date", "2024-05-16", "--data-dir", str(data)
        )
        .output.strip()
        .splitlines()[-1]
    )
    assert f"; {len(placeholders)} places to fill in" in summary


def test_seed_article_quotes_pass_quiz_check_article(tmp_path):
    text = seed_text()
    article = tmp_path / "seed.txt"
    article.write_text(text, encoding="utf-8")
    data = tmp_path / "data"
    assert (
        brief(
            "new", str(article), "--id", "seed", "--date", "2023-02-21", "--data-dir", str(data)
        ).exit_code
        == 0
    )
    result = CliRunner().invoke(
        quiz_main, ["check", str(data / "packs" / "seed"), "--article", str(article)]
    )
    assert "quote not found" not in result.output and "TODO placeholder" in result.output


def test_an_existing_pack_is_never_overwritten_without_force(tmp_path, speech):
    data = tmp_path / "data"
    folder = data / "packs" / "mine"
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text("curated: true\n", encoding="utf-8")
    result = brief("new", str(speech), "--id", "mine", "--data-dir", str(data))
    assert result.exit_code == 1 and "--force" in result.output
    assert (folder / "pack.yaml").read_text(encoding="utf-8") == "curated: true\n"
    result = brief("new", str(speech), "--id", "mine", "--data-dir", str(data), "--force")
    assert result.exit_code == 0
    assert "TODO" in (folder / "pack.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"%PDF-1.4 x", "PDF file"),
        ("Zürich".encode("latin-1"), "not UTF-8 text (byte 0xfc on line 1)"),
        (b"<html><head><title>x</title></head><body><div>News</div></body></html>", "web page"),
    ],
)
def test_bad_article_files(tmp_path, content, says):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = brief("new", str(path), "--id", "bad", "--data-dir", str(tmp_path / "d"))
    assert result.exit_code == 1
    assert result.output.startswith("error: ") and says in result.output
    assert not (tmp_path / "d" / "packs" / "bad").exists()


def test_a_20_mb_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    result = brief("new", str(path), "--id", "huge", "--data-dir", str(tmp_path / "d"))
    assert result.exit_code == 1 and "20.0 MB" in result.output


def test_usage_errors(tmp_path, speech):
    data = ["--data-dir", str(tmp_path / "d")]
    assert brief("new", str(speech), "--id", "Bad Id", *data).exit_code == 2
    assert brief("new", str(speech), *data).exit_code == 2  # --id is required
    assert brief("new", str(speech), "--id", "x", "--date", "yesterday", *data).exit_code == 2
    assert brief("new", str(speech), "--id", "x", "--kind", "poem", *data).exit_code == 2
    missing = brief("new", str(tmp_path / "nope.txt"), "--id", "x", *data)
    assert missing.exit_code == 1 and "no such file" in missing.output
    folder = brief("new", str(tmp_path), "--id", "x", *data)
    assert (
        folder.exit_code in (1, 2) and "folder" in folder.output.lower()
    ) or "directory" in folder.output.lower()
    bundled = brief("new", str(speech), "--id", "gsi-training-2023", *data)
    assert bundled.exit_code == 1 and "bundled" in bundled.output


def test_build_draft_marks_every_page(tmp_path, speech, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("CLASSBRIEF_DATA_DIR", str(data))
    assert brief("new", str(speech), "--id", "harbour", "--date", "2024-05-16").exit_code == 0
    refused = brief("build", "harbour", "-o", str(tmp_path / "x.pdf"))
    assert refused.exit_code == 1 and "TODO placeholder" in refused.output
    out = tmp_path / "draft.pdf"
    result = brief("build", "harbour", "--draft", "-o", str(out))
    assert result.exit_code == 0, result.output
    pages = reader(out.read_bytes()).pages
    assert pages and all("DRAFT" in page.extract_text() for page in pages)
    assert "We said it could not be done" in "".join(p.extract_text() for p in pages)
    clean = tmp_path / "clean.pdf"
    assert brief("build", "-o", str(clean)).exit_code == 0
    assert "DRAFT" not in "".join(p.extract_text() for p in reader(clean.read_bytes()).pages)


def test_build_draft_still_reports_problems_that_are_not_placeholders(tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "pack.yaml").write_text(
        'id: "broken"\ntitle: "TODO"\nfigures: "oops"\n', encoding="utf-8"
    )
    result = brief("build", str(folder), "--draft", "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code == 1 and "figures" in result.output and "source" in result.output
