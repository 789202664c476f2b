"""A document's copy (as the validated-file cache keeps it) locates every value as the
original does, copied once or twice."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from typing import Any

from seeds.yamlread import parse_yaml

TEXT = """\
id: demo
title: A set
questions:
  - id: q1
    choices: [one, two,
      three]
    pairs:
      - {left: a, right: b}
      - left: c
        right: d
  - id: q2
    empty:
    nested: [[x, [y, z]], {k: v}]
"""


def paths(node: Any, before: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    yield before
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*before, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, (*before, index))


def test_a_copy_locates_every_value_as_the_original():
    doc = parse_yaml(TEXT, "f.yaml")
    once = pickle.loads(pickle.dumps(doc))
    twice = pickle.loads(pickle.dumps(pickle.loads(pickle.dumps(doc))))
    every = list(paths(doc.data))
    expected = [doc.locate(path) for path in every]
    assert len(set(expected)) > 15  # distinct places, not all the start of the file
    assert [once.locate(path) for path in every] == expected
    assert [twice.locate(path) for path in every] == expected
    assert once.data == doc.data and once.file == "f.yaml"


def test_a_copy_still_skips_steps_not_in_the_data():
    doc = pickle.loads(pickle.dumps(parse_yaml(TEXT, "f.yaml")))
    assert doc.locate(("questions", 0, "choices", 2)) == (6, 7)
    assert doc.locate(("questions", 1, "choice", "nested", 0, 1, 0)) == (13, 19)
    assert doc.locate(("questions", 7)) == (4, 3)
