"""Loading and checking question sets against the packs they draw on."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path

from quizzes import BUNDLED_SETS
from quizzes.giveaways import give_aways, longest_always_right
from quizzes.grading import normalise_text
from quizzes.model import (
    AnyQuestion,
    Choice,
    Match,
    Multi,
    Numeric,
    Order,
    Question,
    QuestionSet,
)
from seeds import paths
from seeds.document import Document
from seeds.frozen import record
from seeds.loadcache import LoadCache
from seeds.model import Figure, Pack
from seeds.numbers import amount_of, format_amount
from seeds.packs import LoadedPack
from seeds.problems import Problem, ProblemsFound, sort_problems
from seeds.reading import reading
from seeds.suggest import did_you_mean


@record
class LoadedSet:
    """A valid set and where it came from (no path when generated). Its problems are
    located as it loads, so its document is not kept: the cache stores less."""

    qset: QuestionSet
    origin: str  # "bundled", "user", "path" or "automatic"
    path: Path | None = None


def default_set_folders(root: Path) -> list[tuple[Path, str]]:
    return [(BUNDLED_SETS, "bundled"), (paths.user_sets(root), "user")]


def set_files(folder: Path) -> Iterator[Path]:
    if folder.is_file():
        yield folder
    elif folder.is_dir():
        yield from sorted(
            p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.name != "pack.yaml"
        )


def load_set(
    path: Path,
    packs: Mapping[str, LoadedPack],
    origin: str = "path",
    failed: Mapping[str, list[Problem]] | None = None,
    cache: LoadCache | None = None,
) -> tuple[LoadedSet | None, list[Problem]]:
    """Read, validate and check one set file; never raises for a bad file.

    When the schema finds problems, the questions that are valid on their own are still
    checked against the pack, so the author sees every problem of the file at once.
    ``failed`` holds packs that exist but did not load, so a set can say why. With a
    ``cache``, an unchanged set checked against unchanged packs comes from there.
    """
    with reading(path):
        if cache is None or any(not p.key for p in packs.values()):
            return _load_set(path, packs, origin, failed)
        # The set is checked against every pack it could name: each one's key is in this key.
        known = [f"{pack_id}={p.key}" for pack_id, p in sorted(packs.items())]
        broken = [f"{k}={v}" for k, v in sorted((failed or {}).items())]
        key = cache.key("set", origin, path, "\n".join(known), "\n".join(broken))
        return cache.get(
            f"set {path.absolute()}", key, lambda: _load_set(path, packs, origin, failed)
        )


def _load_set(
    path: Path,
    packs: Mapping[str, LoadedPack],
    origin: str,
    failed: Mapping[str, list[Problem]] | None,
) -> tuple[LoadedSet | None, list[Problem]]:
    from seeds.validation import validate  # pydantic and YAML: only for a file read anew
    from seeds.yamlread import read_yaml

    try:
        doc = read_yaml(path)
    except ProblemsFound as found:
        return None, found.problems
    qset, problems = validate(doc, QuestionSet)
    if qset is not None:
        problems = check_set(doc, qset.pack, list(enumerate(qset.questions)), packs, failed)
        bad = any(p.is_error for p in problems)
        return (None if bad else LoadedSet(qset, origin, path)), problems
    data = doc.data if isinstance(doc.data, dict) else {}
    pack_id = data.get("pack") if isinstance(data.get("pack"), str) else None
    listed = data.get("questions")
    raw = listed if isinstance(listed, list) else []
    valid = [(i, q) for i, entry in enumerate(raw) if (q := _valid_question(entry)) is not None]
    problems += check_set(doc, pack_id, valid, packs, failed)
    return None, sort_problems(problems)


def _valid_question(entry: object) -> Question | None:
    from seeds.validation import valid

    question: Question | None = valid(AnyQuestion, entry)
    return question


def check_set_files(
    files: Iterable[Path],
    packs: Mapping[str, LoadedPack],
    failed: Mapping[str, list[Problem]] | None = None,
) -> tuple[list[Problem], dict[str, set[str]]]:
    """Every problem in the files, and which facts of which pack they test."""
    problems: list[Problem] = []
    tested: dict[str, set[str]] = {}
    for path in files:
        loaded, found = load_set(path, packs, failed=failed)
        problems += found
        if loaded is not None:
            facts = tested.setdefault(loaded.qset.pack, set())
            facts.update(q.fact for q in loaded.qset.questions if q.fact)
    return problems, tested


def check_set(
    doc: Document,
    pack_id: str | None,
    questions: list[tuple[int, Question]],
    packs: Mapping[str, LoadedPack],
    failed: Mapping[str, list[Problem]] | None = None,
) -> list[Problem]:
    """Semantic checks beyond the schema, each located at the offending value.

    ``questions`` are (index in the file, question) for every question valid on its own.
    """
    problems: list[Problem] = []
    loaded = packs.get(pack_id) if pack_id else None
    if pack_id and loaded is None:
        problems.append(_missing_pack(doc, pack_id, packs, failed))
    pack = loaded.pack if loaded else None
    problems += _duplicate_ids(doc)
    for index, question in questions:
        problems += _question_checks(doc, (index, question), pack_id, pack)
    problems += _longest_choice_warning(doc, questions)
    problems += [
        doc.problem(
            ("questions", j, "prompt"),
            f"this prompt gives away the answer to question '{q.id}': it says “{shown}”",
            "reword one of the two questions, or keep them in separate sets",
            "warning",
        )
        for (_, q), (j, _), shown in give_aways(questions)
    ]
    return problems


def _duplicate_ids(doc: Document) -> list[Problem]:
    """Every id used again, read from the file itself: a question with other mistakes
    still has its id."""
    data = doc.data if isinstance(doc.data, dict) else {}
    listed = data.get("questions")
    first_line: dict[str, int] = {}
    problems = []
    for index, entry in enumerate(listed if isinstance(listed, list) else []):
        qid = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(qid, str):
            continue
        if qid in first_line:
            problems.append(
                doc.problem(
                    ("questions", index, "id"),
                    f"duplicate question id '{qid}' (first at line {first_line[qid]})",
                    "give each question its own id",
                )
            )
        else:
            first_line[qid] = doc.locate(("questions", index, "id"))[0]
    return problems


def _missing_pack(
    doc: Document,
    pack_id: str,
    packs: Mapping[str, LoadedPack],
    failed: Mapping[str, list[Problem]] | None,
) -> Problem:
    """The set's pack did not load, or there is no such pack."""
    if failed and pack_id in failed:
        first = next((p for p in failed[pack_id] if p.is_error), None)
        why = f": {first}" if first else ""
        return doc.problem(
            ("pack",),
            f"pack '{pack_id}' did not load{why}",
            "fix the pack first (`quiz check` on its folder)",
        )
    known = ", ".join(sorted(packs)) or "none found"
    return doc.problem(("pack",), f"unknown pack '{pack_id}'", f"known packs: {known}")


def _question_checks(
    doc: Document,
    indexed: tuple[int, Question],
    pack_id: str | None,
    pack: Pack | None,
) -> list[Problem]:
    """A question's problems: its fact missing or unknown, type-specific mistakes, and
    disagreements with the pack."""
    index, question = indexed
    here: tuple[str | int, ...] = ("questions", index)
    found: list[tuple[tuple[str | int, ...], str, str, str]] = []
    facts = pack.facts() if pack else {}
    if question.fact is None:
        found.append(
            (
                ("id",),
                f"question '{question.id}' tests no fact",
                "add `fact: <id>` so the answer can be explained from the pack",
                "warning",
            )
        )
    elif pack is not None and question.fact not in facts:
        found.append(
            (
                ("fact",),
                f"unknown fact '{question.fact}' in pack '{pack_id}'",
                did_you_mean(question.fact, facts, "check the fact ids in the pack"),
                "error",
            )
        )
    found += [
        (field, message, hint, "error") for field, message, hint in _question_problems(question)
    ]
    if pack is not None:
        found += fact_problems(question, pack)
    return [
        doc.problem((*here, *field), message, hint, severity)
        for field, message, hint, severity in found
    ]


def _agrees(q: Numeric, figure: Figure) -> bool:
    """A numeric answer is the figure's number, or lies inside the figure's range."""
    answer = amount_of(q.answer, q.unit)
    if figure.range is None:
        return answer in (figure.amount, figure.value)
    scale = amount_of(Decimal(1), figure.unit)
    return any(figure.low * s <= answer <= figure.high * s for s in {scale, Decimal(1)})


def fact_problems(q: Question, pack: Pack) -> Iterator[tuple[tuple[str | int, ...], str, str, str]]:
    """(field, message, hint, severity) where a question disagrees with the pack's facts."""
    fact = pack.facts().get(q.fact or "")
    if isinstance(q, Numeric) and isinstance(fact, Figure) and not _agrees(q, fact):
        yield (
            ("answer",),
            f"answer {format_amount(q.answer, q.unit, q.display)} disagrees "
            f"with figure '{fact.id}', which is {fact.shown_with_unit()}",
            "the brief prints the figure; make the question agree with it",
            "error",
        )
    if isinstance(q, Order):
        yield from _order_problems(q, pack)


def _order_problems(q: Order, pack: Pack) -> Iterator[tuple[tuple[str | int, ...], str, str, str]]:
    """Items that are event titles must be keyed in an order their dates make certain."""
    by_title = {normalise_text(e.title): e for e in pack.events}
    events = [(i, by_title.get(normalise_text(item))) for i, item in enumerate(q.items)]
    dated = [(i, e) for i, e in events if e is not None]
    for (i, a), (j, b) in itertools.combinations(dated, 2):
        if b.date.before(a.date):
            yield (
                ("items", j),
                f"'{q.items[j]}' ({b.date.long()}) is keyed after "
                f"'{q.items[i]}' ({a.date.long()}), which is later",
                "list the items earliest first, as the pack's dates say",
                "error",
            )
        elif a.date.overlaps(b.date):
            yield (
                ("items", j),
                f"'{q.items[j]}' ({b.date.long()}) and '{q.items[i]}' "
                f"({a.date.long()}) may have happened in either order",
                "keep only events whose dates are certainly ordered, or give the pack "
                "more precise dates",
                "warning",
            )


def _question_problems(q: Question) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """(field path, message, hint) for every type-specific mistake."""
    if isinstance(q, Choice | Multi):
        yield from _choice_list_problems(q.choices)
    if isinstance(q, Choice):
        yield from _choice_answer_problems(q)
    elif isinstance(q, Multi):
        yield from _multi_answer_problems(q)
    elif isinstance(q, Numeric) and q.tolerance is not None and q.tolerance.amount < 0:
        yield (
            ("tolerance",),
            f"tolerance {q.tolerance} is negative",
            "a tolerance is how far off an answer may be: 0 or more",
        )
    elif isinstance(q, Match):
        yield from _match_problems(q)
    elif isinstance(q, Order):
        yield from _order_item_problems(q)


def _choice_answer_problems(q: Choice) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    answers = q.answer if isinstance(q.answer, list) else [q.answer]
    if len(answers) != 1:
        yield (
            ("answer",),
            f"a choice question needs exactly one answer, not {len(answers)}",
            "use `type: multi` for several answers",
        )
    for answer in answers:
        if answer not in q.choices:
            yield (
                ("answer",),
                f"answer '{answer}' is not among the choices",
                "copy the answer exactly from the choices",
            )


def _multi_answer_problems(q: Multi) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    for i, answer in enumerate(q.answers):
        if answer not in q.choices:
            yield (
                ("answers", i),
                f"answer '{answer}' is not among the choices",
                "copy the answer exactly from the choices",
            )
    if len(set(q.answers)) != len(q.answers):
        yield (("answers",), "an answer is listed twice", "list each answer once")


def _match_problems(q: Match) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    if len(q.pairs) < 2:
        yield (("pairs",), "a match question needs at least two pairs", "add pairs")
    for side in ("left", "right"):
        counts = Counter(getattr(pair, side) for pair in q.pairs)
        for i, pair in enumerate(q.pairs):
            value = getattr(pair, side)
            if counts[value] > 1:
                yield (
                    ("pairs", i, side),
                    f"'{value}' appears more than once on the {side} side",
                    "each side of a pair is unique",
                )
                counts[value] = 0  # report a repeat once


def _order_item_problems(q: Order) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    if len(q.items) < 3:
        yield (
            ("items",),
            f"an order question needs at least three items, not {len(q.items)}",
            "add items or use a choice question",
        )
    for i, item in enumerate(q.items):
        if q.items.index(item) != i:
            yield (("items", i), f"item '{item}' appears twice", "list each item once")


def _choice_list_problems(choices: list[str]) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    if len(choices) < 2:
        yield (("choices",), f"needs at least two choices, not {len(choices)}", "add choices")
    first: dict[str, str] = {}
    for i, choice in enumerate(choices):
        key = normalise_text(choice)
        if choice in first.values() and choices.index(choice) != i:
            yield (("choices", i), f"choice '{choice}' appears twice", "remove the repeat")
        elif key in first:
            yield (
                ("choices", i),
                f"choice '{choice}' reads the same as '{first[key]}'",
                "make every choice clearly different",
            )
        else:
            first[key] = choice


def _longest_choice_warning(doc: Document, questions: list[tuple[int, Question]]) -> list[Problem]:
    """Students learn to pick the longest choice when it is always the right one."""
    singles = longest_always_right([q for _, q in questions])
    if not singles:
        return []
    return [
        doc.problem(
            ("questions", questions[singles[0]][0], "choices"),
            f"in all {len(singles)} choice questions the right choice is the longest",
            "vary the lengths so length gives nothing away",
            "warning",
        )
    ]
