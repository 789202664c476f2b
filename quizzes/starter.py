"""`quiz new`: a commented starter set, one example question of each type.

The examples point at real facts of the chosen pack, so the file passes
`quiz check` as written and the author edits from something that works.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Mapping

import yaml

from quizzes.giveaways import longest_always_right, one_of_each_pair
from quizzes.model import Numeric, Question, QuestionSet
from seeds.dates import longest_chain
from seeds.model import Actor, Event, Fact, Figure, Pack, Term
from seeds.numbers import format_number


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


_FIRST = ("id", "type", "prompt", "fact")


def set_yaml(qset: QuestionSet, note: str, schema_path: str | None = None) -> str:
    """A set as an editable YAML file the strict reader and `quiz check` accept: plain
    scalars and block lists only, the question fields in a readable order."""
    header = [f"# yaml-language-server: $schema={schema_path}"] if schema_path else []
    header += [f"# {line}" for line in note.splitlines()]
    body = {
        "id": qset.id,
        "title": qset.title,
        "description": qset.description,
        "pack": qset.pack,
        "questions": [_question_data(q) for q in qset.questions],
    }
    text = yaml.safe_dump(
        body, allow_unicode=True, sort_keys=False, width=88, default_flow_style=False
    )
    return "\n".join(header) + "\n" + text.replace("\n- id:", "\n\n- id:")


def auto_yaml(auto: QuestionSet, pack: Pack, schema_path: str | None = None) -> tuple[str, int]:
    """The automatic set as an editable file, and how many questions it leaves out.

    The file holds no two questions of which one answers the other (so `quiz check
    --strict` passes and a printed sheet of it is fair); the left-out partner of each such
    pair follows as commented YAML, to swap in by hand. Of two such questions the one of a
    kind with fewer questions is kept, so that arguments or terms are not all left out for
    the actors' questions that name their speakers. Should every choice question left have
    its right choice the longest (rare: distractors are chosen against it), all but two
    of them are left out too, as `quiz check` would warn of the set."""
    facts = pack.facts()
    kinds = Counter(_kind(q, facts) for q in auto.questions)
    rarer_first = sorted(auto.questions, key=lambda q: kinds[_kind(q, facts)])
    kept_ids = {q.id for q in one_of_each_pair(rarer_first, facts)}
    kept = [q for q in auto.questions if q.id in kept_ids]
    # Rarely every choice question left has its right choice the longest: keep two of them.
    longest = longest_always_right(kept)
    kept = [q for i, q in enumerate(kept) if i not in longest[2:]]
    left_out = [q for q in auto.questions if q not in kept]
    note = (
        f"Made from the automatic questions of pack '{pack.id}'. Edit, reorder or delete "
        "them;\n`quiz check` this file after each change."
    )
    text = set_yaml(dataclasses.replace(auto, questions=kept), note, schema_path)
    if left_out:
        block = yaml.safe_dump(
            [_question_data(q) for q in left_out],
            allow_unicode=True,
            sort_keys=False,
            width=88,
            default_flow_style=False,
        ).replace("\n- id:", "\n\n- id:")
        text += (
            f"\n# Left out: {len(left_out)} question(s) that another question above answers,"
            "\n# or that answer one above (or whose right choice is the longest, as in every"
            "\n# choice question above). To use one, uncomment it and delete its partner.\n"
            + "".join(f"# {line}\n" if line else "#\n" for line in block.splitlines())
        )
    return text, len(left_out)


def _kind(q: Question, facts: Mapping[str, Fact]) -> str:
    fact = facts.get(q.fact or "")
    return fact.kind if fact else ""


def _question_data(q: Question) -> dict[str, object]:
    from seeds.validation import dump  # pydantic: only when writing a set

    data = dump(q)
    if isinstance(q, Numeric) and q.tolerance is not None:
        data["tolerance"] = str(q.tolerance)
    ordered = {key: data.pop(key) for key in _FIRST if key in data}
    return {**ordered, **data}


def starter_yaml(pack: Pack, set_id: str, schema_path: str | None = None) -> str:
    # A figure with one exact number: the example answer is that number.
    figure = next((f for f in pack.figures if f.value is not None and f.bound is None), None)
    actors = pack.actors[:3]
    events = [pack.events[i] for i in longest_chain([e.date for e in pack.events])][:3]
    term = pack.terms[0] if pack.terms else None
    lines = _header(pack, set_id, schema_path)
    if figure:
        lines += _numeric_example(figure)
    if len(actors) >= 2:
        lines += _actor_examples(actors)
    if figure:
        lines += _truefalse_example(figure)
    if term:
        lines += _text_example(term)
    if len(events) >= 3:
        lines += _order_example(events)
    return "\n".join(lines) + "\n"


def _header(pack: Pack, set_id: str, schema_path: str | None) -> list[str]:
    lines = []
    if schema_path:
        lines.append(f"# yaml-language-server: $schema={schema_path}")
    return [
        *lines,
        "# A question set: check it with `quiz check FILE`, play it with `quiz play FILE`.",
        "# Every question names the pack fact it tests (`fact:`); the explanation",
        "# shown after an answer defaults to that fact's statement and quote.",
        f"id: {set_id}",
        f"title: {_q('My questions on ' + pack.title)}",
        "description: What this set is for, in a sentence.",
        f"pack: {pack.id}",
        "questions:",
    ]


def _numeric_example(figure: Figure) -> list[str]:
    return [
        "  # numeric: accepts 5000, 5,000, 5 000 or 5k; the answer must equal the figure.",
        "  - id: example-numeric",
        "    type: numeric",
        f"    prompt: {_q(f'{figure.label}: what is the figure?')}",
        f"    fact: {figure.id}",
        f"    answer: {format_number(figure.low).replace(',', '')}",
        f"    unit: {_q(figure.unit)}",
        "    tolerance: 0   # or e.g. 5% (percent) or 100 (absolute)",
        "    tags: [figures]   # optional; `quiz play --tag figures` plays only these",
    ]


def _actor_examples(actors: list[Actor]) -> list[str]:
    """A choice, a multi and a match question on the first actors (two or three)."""
    first, second = actors[0], actors[1]
    return [
        "  # choice: exactly one answer, copied from the choices.",
        "  - id: example-choice",
        "    type: choice",
        f"    prompt: {_q(f'Which best describes {first.name}?')}",
        f"    fact: {first.id}",
        "    choices:",
        f"      - {_q(first.role)}",
        f"      - {_q(second.role)}",
        f"    answer: {_q(first.role)}",
        "    difficulty: easy   # easy, medium or hard",
        "    points: 1",
        "  # multi: several answers; partial credit is right picks minus wrong picks.",
        "  - id: example-multi",
        "    type: multi",
        "    prompt: Which of these are actors in the story?",
        f"    fact: {first.id}",
        "    choices:",
        *[f"      - {_q(a.name)}" for a in actors],
        "      - Nobody else",
        "    answers:",
        *[f"      - {_q(a.name)}" for a in actors],
        "  # match: pair each left side with its right side; each side unique.",
        "  - id: example-match",
        "    type: match",
        "    prompt: Match each actor with their role.",
        f"    fact: {first.id}",
        "    pairs:",
        *[f"      - left: {_q(a.name)}\n        right: {_q(a.role)}" for a in actors],
    ]


def _truefalse_example(figure: Figure) -> list[str]:
    wrong_figure = format_number(figure.low * 2)  # false, so it gives nothing away
    return [
        "  # truefalse: the prompt is a statement; answer true or false.",
        "  - id: example-truefalse",
        "    type: truefalse",
        f"    prompt: {_q(f'{figure.label}: the figure is {wrong_figure}.')}",
        f"    fact: {figure.id}",
        "    answer: false",
        "    explanation: Shown after answering, instead of the fact's statement.",
    ]


def _text_example(term: Term) -> list[str]:
    accepted = [term.term, term.short] if term.short else [term.term]
    return [
        "  # text: typed answer; case, spaces, punctuation and accents are ignored.",
        "  - id: example-text",
        "    type: text",
        f"    prompt: {_q('Which term is defined as: ' + term.statement)}",
        f"    fact: {term.id}",
        "    accept:",
        *[f"      - {_q(a)}" for a in accepted],
    ]


def _order_example(events: list[Event]) -> list[str]:
    return [
        "  # order: items written in the right order (at least three).",
        "  - id: example-order",
        "    type: order",
        "    prompt: Put these events in order, earliest first.",
        f"    fact: {events[0].id}",
        "    items:",
        *[f"      - {_q(e.title)}" for e in events],
    ]
