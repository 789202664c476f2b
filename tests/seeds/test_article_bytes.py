"""One classification of an article's bytes, for `quiz check --article` and `brief new`:
text (UTF-8, or UTF-16/32 with a byte-order mark), text in an encoding to convert, or
binary."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seeds.articles import BINARY, NotText, article_text

TEXT = "Minister Ana Peña said “the plan is ready” — and 5,000 officers will train.\n" * 3
NOISE = random.Random(7).randbytes(4096)


@pytest.mark.parametrize(
    ("raw", "looks_like"),
    [
        (TEXT.encode("utf-8"), None),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), None),
        (TEXT.encode("utf-16"), None),  # with a byte-order mark, as Notepad saves it
        (TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]), None),
        (TEXT.encode("utf-32"), None),
        (TEXT.encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        (TEXT.encode("utf-16-be"), "UTF-16 without a byte-order mark"),
        (TEXT.replace("—", "-").replace("ñ", "n").encode("cp1252"), "Windows-1252"),
        ("Peña \x81".encode("latin-1"), "Latin-1"),
        (NOISE, BINARY),
        (NOISE[:64], BINARY),
        (b"\xff\xfe" + NOISE, BINARY),  # a UTF-16 mark before noise
        (b"%PDF-1.7\n" + NOISE, "a PDF file"),
        (b"text\x00with\x00nuls", BINARY),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_what_the_bytes_are(raw, looks_like):
    found = article_text(raw)
    if looks_like is None:
        assert found == TEXT.removeprefix("\ufeff"), found
    else:
        assert isinstance(found, NotText) and looks_like in found.looks_like, found


@settings(max_examples=200, deadline=None)
@given(seed=st.integers(0, 2**32), size=st.integers(512, 8192))
def test_random_bytes_are_binary(seed, size):
    # From 512 bytes: one random byte in ten is a control character, and 64 random bytes
    # without one (a chance in about 1,200) read as Latin-1 text, rightly.
    found = article_text(random.Random(seed).randbytes(size))
    assert isinstance(found, NotText) and found.looks_like == BINARY, found
