"""Damaged copies of the test articles (their text, their encoding, their bytes) through
the article reader, the drafter, the draft's own check and `brief new`: a draft or a
reason, never a traceback or a hang."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from briefing.cli import main as brief
from tests.conftest import SEED_ARTICLE
from tests.fuzz.conftest import LIMIT, invoke, write
from tests.fuzz.filedamage import damaged_article
from tests.fuzz.mutations import examples, files
from tests.timelimit import time_limit

ARTICLES = files(
    "tests/articles/*/article.txt",
    "tests/articles/held-out/*/article.txt",
    "tests/sample/*/article.txt",
    "tests/packs/*/article.txt",
) + ([SEED_ARTICLE] if SEED_ARTICLE.is_file() else [])


@settings(
    max_examples=examples(300),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_damaged_articles(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    from seeds.articles import decode_article
    from seeds.draft.article import ArticleError, read_article
    from seeds.draft.assemble import draft_pack
    from seeds.draft.emit import emit
    from seeds.packs import check_pack_file

    source = data.draw(st.sampled_from(ARTICLES), label="source")
    raw = data.draw(damaged_article(source), label="bytes")
    root = tmp_path_factory.getbasetemp() / "fuzz-articles"
    with time_limit(LIMIT):
        decode_article(raw, "article.txt")
        try:
            text = read_article(raw)
        except ArticleError:
            event("article refused with a reason")
            return
        event("article drafted")
        date = data.draw(
            st.none() | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), label="date"
        )
        draft = draft_pack(text, pack_id="fuzzed", date=date)
        pack = write(
            root / "packs" / "fuzzed" / "pack.yaml", emit(draft.data, draft.comments).encode()
        )
        write(pack.parent / "article.txt", text.encode("utf-8"))
        checked = check_pack_file(pack)  # a draft's TODOs are errors, nothing else may fail
        assert checked.loaded is None or not checked.problems
    if data.draw(st.integers(0, 4), label="also as a command") == 0:
        article = write(root / "article.txt", raw)
        result = invoke(
            brief, "new", str(article), "--id", "fuzzed", "--data-dir", str(root), "--force"
        )
        assert result.exit_code in (0, 1), result.output
