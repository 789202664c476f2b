"""Packs: the bundled one is complete and verifiable; mistakes are located and explained."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from seeds.model import FACT_KINDS
from seeds.packs import check_quotes, load_pack, normalise_for_quotes
from tests.conftest import SAMPLE


def test_bundled_pack_has_every_kind_of_fact(gsi):
    pack = gsi.pack
    kinds = {fact.kind for fact in pack.facts().values()}
    assert kinds == set(FACT_KINDS)
    values = {f.value for f in pack.figures}
    assert {5000, 2000, 1500, 32} <= values
    names = {a.name for a in pack.actors}
    assert {"Xi Jinping", "Li Wei", "Wang Hongwei"} <= names
    assert {t.short for t in pack.terms} >= {"GSI", "SCO", "CICIR"}
    assert pack.source.reference_date.isoformat() == "2023-02-21"


def test_bundled_pack_marks_resolved_dates_as_inferred(gsi):
    by_text = {e.date_text: e for e in gsi.pack.events}
    for wording, date in (
        ("last April", "2022-04"),
        ("Last September", "2022-09"),
        ("in October", "2022-10"),
        ("In December", "2022-12"),
    ):
        assert by_text[wording].date.iso() == date
        assert by_text[wording].inferred
    assert not by_text["Since January 2022"].inferred


def test_every_bundled_quote_is_verbatim_in_the_seed_article(gsi, seed_article):
    assert check_quotes(gsi.doc, seed_article.read_text(encoding="utf-8")) == []


def test_no_fact_comes_from_the_scraped_headlines(gsi):
    text = " ".join(
        f.statement + " ".join(q.text for q in f.quotes) for f in gsi.pack.facts().values()
    ).lower()
    assert "ambassador" not in text and "highlight" not in text


def test_quote_normalisation_ignores_quote_style_and_spacing():
    assert (
        normalise_for_quotes("China’s  “anti-riot\ncapabilities”")
        == 'China\'s "anti-riot capabilities"'
    )


def test_pack_local_article_verifies_quotes(tmp_path):
    """The article.txt beside a pack is read: a quote it lacks is an error at the quote."""
    pack = _copy_mini(tmp_path, lambda t: t)
    assert load_pack(pack)[1] == []  # every quote is in the article as it is
    article = pack.parent / "article.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace("power grab", "land grab"), encoding="utf-8"
    )
    assert messages(pack) == [
        "pack.yaml:58:14: error: quote not found in the article: “a power grab”; quotes "
        "must be copied verbatim; fix the wording or drop the quote"
    ]


def _copy_mini(tmp_path: Path, edit) -> Path:
    folder = tmp_path / "mini"
    shutil.copytree(SAMPLE / "mini", folder)
    pack = folder / "pack.yaml"
    pack.write_text(edit(pack.read_text(encoding="utf-8")), encoding="utf-8")
    return pack


def messages(path: Path) -> list[str]:
    loaded, problems = load_pack(path)
    assert loaded is None
    return [str(p).replace(str(path), "pack.yaml") for p in problems]


def test_misquote_is_an_error_at_the_fragment(tmp_path):
    pack = _copy_mini(tmp_path, lambda t: t.replace("[a power grab]", "[a big power grab]"))
    assert messages(pack) == [
        "pack.yaml:58:14: error: quote not found in the article: “a big power grab”; quotes "
        "must be copied verbatim; fix the wording or drop the quote"
    ]


def test_every_semantic_and_schema_problem_is_reported_at_once(tmp_path):
    def edit(text: str) -> str:
        return (
            text.replace("    value: 3\n", "")
            .replace("id: talks", "id: announced")
            .replace("by: sylvania-critics", "by: sylvania-critic")
            .replace("date: 2023-11", "date: 2023-13")
            .replace("date: 2024-09", "date: next year")
            .replace("type: group", "type: crowd")
        )

    found = messages(_copy_mini(tmp_path, edit))
    assert found == [
        "pack.yaml:22:5: error: missing required field 'value'; add `value:` here, or "
        "`range: [low, high]` for a range",
        "pack.yaml:43:11: error: 'type' cannot be 'crowd'; expected 'state', 'person', "
        "'organisation', 'group' or 'region'",
        "pack.yaml:54:9: error: unknown actor 'sylvania-critic'; did you mean 'sylvania-critics'?",
        "pack.yaml:66:9: error: duplicate fact id 'announced' (first at line 59); give each "
        "fact its own id",
        "pack.yaml:67:11: error: '2023-13' is not a real date",
        "pack.yaml:71:11: error: 'next year' is not a date; write YYYY, YYYY-MM, YYYY-MM-DD, "
        "a decade (1980s) or a fiscal year (FY2006)",
    ]


def test_unknown_field_suggests_the_right_one(tmp_path):
    found = messages(
        _copy_mini(tmp_path, lambda t: t.replace("    unit: officers", "    unti: officers"))
    )
    assert any("unknown field 'unti'; did you mean 'unit'?" in m for m in found)
    assert any("missing required field 'unit'" in m for m in found)


@pytest.mark.parametrize(
    ("encoding", "looks_like", "convert"),
    [
        ("cp1252", "Windows-1252", "iconv -f WINDOWS-1252 -t UTF-8"),
        ("utf-16-le", "UTF-16 without a byte-order mark", "iconv -f UTF-16LE -t UTF-8"),
    ],
)
def test_a_non_utf8_article_is_named_with_its_encoding_not_as_misquotes(
    tmp_path, encoding, looks_like, convert
):
    pack = _copy_mini(tmp_path, lambda t: t)
    article = pack.parent / "article.txt"
    text = article.read_text(encoding="utf-8").replace("“", "«").replace("”", "»")
    article.write_bytes(text.encode(encoding))  # utf-16-le writes no byte-order mark
    pack.write_text(
        pack.read_text(encoding="utf-8").replace("“", "«").replace("”", "»"), encoding="utf-8"
    )
    loaded, problems = load_pack(pack)
    found = [str(p) for p in problems]
    assert not any("quote not found" in line for line in found), found
    assert len(found) == 1, found
    assert found[0].startswith(f"{article}:"), found
    assert f"looks like {looks_like}" in found[0] and convert in found[0], found
    assert loaded is None


def test_article_encoding_is_located_at_the_first_bad_byte(tmp_path):
    from seeds.articles import read_article

    path = tmp_path / "article.txt"
    path.write_bytes("line one\nsaid Andr\u00e9 Costa\n".encode("cp1252"))
    text, problem = read_article(path)
    assert text is None and problem is not None
    assert (problem.line, problem.col) == (2, 10)
    path.write_bytes("\ufeffplain UTF-8 with a mark".encode())
    assert read_article(path) == ("plain UTF-8 with a mark", None)


def test_quiz_check_article_option_names_the_encoding(tmp_path):
    from click.testing import CliRunner

    from quizzes.cli import main

    article = tmp_path / "article.txt"
    article.write_bytes("André said “no”".encode("cp1252"))
    result = CliRunner().invoke(main, ["check", "--article", str(article)])
    assert result.exit_code == 2, result.output
    assert "looks like Windows-1252" in result.output and "iconv" in result.output
