"""A draft pack made readable for review (`brief build --draft`) despite its TODOs.

Placeholders in free-text fields are printed as they are, so the reviewer sees what is
still to write. Where a placeholder stands in a typed field, a fact cannot be shown as
it is: an argument with no side is shown as a case, and a fact with no date or no
speaker is left out of the review brief.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from seeds.model import Pack
from seeds.packs import check_placeholders, is_placeholder
from seeds.problems import Problem, ProblemsFound
from seeds.validation import valid, validate
from seeds.yamlread import read_yaml

_GROUPS = ("figures", "actors", "arguments", "events", "terms")
_DROP_IF_PLACEHOLDER = ("date", "by", "who", "value", "type")


def for_review(data: Any) -> Any:
    """A copy of raw pack data whose typed placeholders no longer stop validation."""
    if not isinstance(data, dict):
        return data
    data = copy.deepcopy(data)
    for group in _GROUPS:
        facts = data.get(group)
        if not isinstance(facts, list):
            continue
        kept = []
        for fact in facts:
            if isinstance(fact, dict):
                if any(is_placeholder(fact.get(f)) for f in _DROP_IF_PLACEHOLDER):
                    continue
                if is_placeholder(fact.get("side")):
                    fact["side"] = "case"
            kept.append(fact)
        data[group] = kept
    return data


def load_for_review(path: Path) -> tuple[Pack | None, list[Problem]]:
    """The pack at ``path`` with its placeholders let through; other problems stop it."""
    try:
        doc = read_yaml(path)
    except ProblemsFound as found:
        return None, found.problems
    pack: Pack | None = valid(Pack, for_review(doc.data))
    if pack is not None:
        return pack, []
    _, problems = validate(doc, Pack)  # located in the file, without the placeholders' own
    todo = {(p.line, p.col) for p in check_placeholders(doc)}
    return None, [p for p in problems if (p.line, p.col) not in todo]
