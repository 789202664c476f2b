"""The key a student answered against, as plain data stored with every answer.

A set can change after a class has played it: a key fixed, a choice reworded, a
question deleted. Each stored answer keeps the key it was graded against, so the
teacher's report grades every answer against the key its student saw and says where the
set has changed, instead of mixing old answers with the new key. Pure: questions in,
JSON-ready data out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from quizzes.model import Choice, FreeText, Match, Multi, Numeric, Order, Question, TrueFalse

AnswerKey = dict[str, Any]

_SHOWN_ONLY = ("prompt", "fact")
"""Stored to name the question, but a change to them does not change how it is graded."""


def key_of(q: Question) -> AnswerKey:
    """What grading an answer to ``q`` depends on, with its prompt and fact."""
    key: AnswerKey = {"type": q.type, "prompt": q.prompt, "fact": q.fact, "points": str(q.points)}
    if isinstance(q, Choice):
        key["choices"] = list(q.choices)
        key["answer"] = q.answer if isinstance(q.answer, str) else q.answer[0]
    elif isinstance(q, Multi):
        key["choices"] = list(q.choices)
        key["answers"] = list(q.answers)
    elif isinstance(q, TrueFalse):
        key["answer"] = q.answer
    elif isinstance(q, Numeric):
        key["answer"] = format(Decimal(q.answer).normalize(), "f")
        key["tolerance"] = None if q.tolerance is None else str(q.tolerance)
        key["unit"] = q.unit
    elif isinstance(q, FreeText):
        key["accept"] = list(q.accept)
    elif isinstance(q, Match):
        key["pairs"] = [[pair.left, pair.right] for pair in q.pairs]
    elif isinstance(q, Order):
        key["items"] = list(q.items)
    return key


def grading_of(key: Mapping[str, Any]) -> str:
    """The part of a key that grading reads, in one canonical form: two keys that grade
    every answer alike give the same text (the order choices are written in is not part
    of it; an order question's item order is)."""
    canonical: dict[str, Any] = {}
    for name, value in key.items():
        if name in _SHOWN_ONLY:
            continue
        if name in ("choices", "answers", "accept", "pairs") and isinstance(value, list):
            value = sorted(value, key=lambda v: json.dumps(v, ensure_ascii=False))
        canonical[name] = value
    return json.dumps(canonical, sort_keys=True, ensure_ascii=False)


def options_of(key: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The options shown and the right ones, for a choice, multi or true/false key."""
    kind = key.get("type")
    if kind == "choice":
        return tuple(key.get("choices") or ()), (str(key.get("answer")),)
    if kind == "multi":
        return tuple(key.get("choices") or ()), tuple(key.get("answers") or ())
    if kind == "truefalse":
        return ("True", "False"), ("True" if key.get("answer") else "False",)
    return (), ()


def describe(key: Mapping[str, Any]) -> str:
    """The key in a few words for a teacher: “Ten years”, 5000 (within 5%), its pairs."""
    kind = key.get("type")
    if kind in ("choice", "multi", "truefalse"):
        return ", ".join(f"“{k}”" for k in options_of(key)[1])
    if kind == "numeric":
        tolerance = key.get("tolerance")
        unit = f" {key['unit']}" if key.get("unit") else ""
        return f"{key.get('answer')}{unit}" + (f" (within {tolerance})" if tolerance else "")
    if kind == "text":
        return "accepting " + ", ".join(f"“{a}”" for a in key.get("accept") or ())
    if kind == "match":
        return "; ".join(f"{left} → {right}" for left, right in key.get("pairs") or ())
    if kind == "order":
        return " → ".join(key.get("items") or ())
    return "an unknown key"
