"""Handout content: variants differ, keys grade their own variant fully correct."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from briefing.handouts import compose_handouts, decode, variant_code
from quizzes.catalog import Catalog
from quizzes.grading import grade, model_answer


@pytest.fixture(scope="module")
def catalog():
    return Catalog.load(Path("/nonexistent"))


def every_set(catalog):
    return [s for s in catalog.sets if s.origin in ("bundled", "automatic")]


def test_variant_codes():
    assert [variant_code(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "AB"]


def test_each_key_grades_its_own_variant_fully_correct(catalog):
    sets = list(every_set(catalog))
    assert len(sets) >= 3
    for loaded in sets:
        pack = catalog.pack_for(loaded).pack
        handout = compose_handouts(loaded.qset, pack, variants=3, seed=5)
        for variant in handout.variants:
            for sheet, key, item in zip(
                variant.questions, variant.key, variant.run.items, strict=True
            ):
                answer = decode(sheet, key.key)
                assert grade(item.question, answer, pack).correct, (loaded.qset.id, key)


def test_variants_differ_and_rebuild_identically(catalog):
    loaded = next(s for s in catalog.sets if s.qset.id == "gsi-figures")
    pack = catalog.pack_for(loaded).pack
    handout = compose_handouts(loaded.qset, pack, variants=3, seed=5)
    orders = [[q.question_id for q in v.questions] for v in handout.variants]
    assert len({tuple(o) for o in orders}) == 3
    assert all(sorted(o) == sorted(orders[0]) for o in orders)
    assert compose_handouts(loaded.qset, pack, variants=3, seed=5) == handout
    assert compose_handouts(loaded.qset, pack, variants=3, seed=6) != handout
    # A key differs from another variant's key: it only fits its own sheet.
    keys = [[k.key for k in sorted(v.key, key=lambda k: k.question_id)] for v in handout.variants]
    assert keys[0] != keys[1]


def test_sheets_hold_no_answers(catalog):
    loaded = next(s for s in catalog.sets if s.qset.id == "gsi-timeline")
    pack = catalog.pack_for(loaded).pack
    variants = compose_handouts(loaded.qset, pack, variants=2).variants
    assert len(variants) == 2 and all(v.questions for v in variants)
    for variant in variants:
        for sheet in variant.questions:
            # Nothing on a sheet gives the answer away: the fields are the question's, and
            # an order question's items are never printed in the right order.
            assert {f.name for f in dataclasses.fields(sheet)} == {
                "number",
                "question_id",
                "type",
                "prompt",
                "points",
                "options",
                "lefts",
                "unit",
            }
            question = variant.run.item(sheet.question_id).question
            if sheet.type in ("text", "numeric"):
                right = str(model_answer(question))
                assert right not in sheet.prompt and right not in sheet.options
            if sheet.type == "order":
                item = variant.run.item(sheet.question_id)
                assert list(sheet.options) != item.question.items


def test_variant_count_is_bounded(catalog):
    loaded = every_set(catalog)[0]
    with pytest.raises(ValueError, match="between 1 and 99"):
        compose_handouts(loaded.qset, catalog.pack_for(loaded).pack, variants=0)
