"""The strict reader: plain text stays text, and every hostile file gets a located message."""

from __future__ import annotations

import re

import pytest

from seeds.document import clean_text
from seeds.problems import ProblemsFound
from seeds.yamlread import MAX_BYTES, parse_yaml, read_yaml

LOCATED = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): error: \S")


def problem_of(raw: bytes | str, expect: type = dict) -> str:
    with pytest.raises(ProblemsFound) as caught:
        parse_yaml(raw, "f.yaml", expect=expect)
    assert len(caught.value.problems) == 1
    text = str(caught.value.problems[0])
    assert LOCATED.match(text), text
    return text


def test_plain_scalars_stay_the_text_the_author_wrote():
    doc = parse_yaml(
        b"a: No\nb: 1:30\nc: 2023-02-21\nd: 0x1F\ne: 1e3\nf: ~\ng: yes\nh:\n", "f.yaml"
    )
    assert doc.data == {
        "a": "No",
        "b": "1:30",
        "c": "2023-02-21",
        "d": "0x1F",
        "e": "1e3",
        "f": "~",
        "g": "yes",
        "h": None,
    }


def test_positions_point_at_values():
    doc = parse_yaml(b"top:\n  - name: x\n    items: [a, b]\n", "f.yaml")
    assert doc.locate(("top", 0, "name")) == (2, 11)
    assert doc.locate(("top", 0, "items", 1)) == (3, 16)
    # Steps that are not in the data (schema union tags) are skipped; missing ones fall back.
    assert doc.locate(("top", 0, "choice", "items", 1)) == (3, 16)
    assert doc.locate(("top", 0, "missing")) == (2, 5)


def test_byte_order_mark_is_accepted():
    assert parse_yaml("\ufeffa: 1\n".encode(), "f.yaml").data == {"a": "1"}


def test_text_is_cleaned_of_controls_and_normalised_to_nfc():
    raw = b'a: "red\\e[31m\\x07 text\\u0085!"\nb: "Cafe\\u0301"\nc: "x\\ty"\n'
    doc = parse_yaml(raw, "f.yaml")
    assert doc.data == {"a": "red[31m text!", "b": "Café", "c": "x\ty"}
    assert clean_text("a\x9bb\x00c\nd") == "abc\nd"


@pytest.mark.parametrize(
    ("raw", "where", "words"),
    [
        (b"a: 1\nb: 2\na: 3\n", "f.yaml:3:1:", "duplicate key 'a' (first at line 1)"),
        (b"a: !!python/object/apply:os.system [ls]\n", "f.yaml:1:4:", "tag"),
        (b"a: !!int 5\n", "f.yaml:1:4:", "tag"),
        (b"a: 1\nb: \xff\xfe\n", "f.yaml:2:4:", "not valid UTF-8"),
        (b"a:\n\t- x\n", "f.yaml:2:1:", "tab is used for indentation"),
        (b"", "f.yaml:1:1:", "file is empty"),
        (b"  \n\n", "f.yaml:1:1:", "file is empty"),
        (b"- a\n- b\n", "f.yaml:1:1:", "expected a mapping"),
        (b"just text\n", "f.yaml:1:1:", "expected a mapping"),
        (b"a: " + b"[" * 1000 + b"]" * 1000, "f.yaml:1:", "nesting is deeper"),
        (b"- " * 5000 + b"x", "f.yaml:1:", "nesting is deeper"),
        (b"a: &x [1, 2]\nb: *x\n", "f.yaml:1:4:", "anchor"),
        (b"a: b\x1bc\n", "f.yaml:1:5:", "U+001B"),
        (b"a: b\x00c\n", "f.yaml:1:5:", "U+0000"),
        (b"a: 1\n---\nb: 2\n", "f.yaml:2:1:", "more than one YAML document"),
        (b"title: Part 1: facts\n", "f.yaml:1:", "must be quoted"),
        (b'a: "abc\n', "f.yaml:", "never closed"),
        (b"? [a, b]\n: c\n", "f.yaml:1:3:", "key must be plain text"),
        (bytes(range(256)) * 8, "f.yaml:", "not valid UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "f.yaml:1:1:", "not valid UTF-8"),
    ],
)
def test_hostile_input_gets_one_located_message(raw: bytes, where: str, words: str):
    text = problem_of(raw)
    assert text.startswith(where), text
    assert words in text


def test_billion_laughs_is_refused_before_it_grows():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    assert "anchor '&a' is not allowed" in problem_of(bomb)


def test_huge_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as out:
        out.truncate(MAX_BYTES + 1)
    with pytest.raises(ProblemsFound) as caught:
        read_yaml(big)
    assert "over the 4 MB limit" in str(caught.value)
    assert str(caught.value.problems[0]).endswith("split it into smaller files")


def test_missing_file_and_folder_are_problems_not_crashes(tmp_path):
    for path, words in ((tmp_path / "nope.yaml", "no such file"), (tmp_path, "is a folder")):
        with pytest.raises(ProblemsFound) as caught:
            read_yaml(path)
        assert words in str(caught.value)


def test_expecting_a_list():
    assert parse_yaml(b"- a\n", "f.yaml", expect=list).data == ["a"]
    assert "expected a list" in problem_of(b"a: 1\n", expect=list)
