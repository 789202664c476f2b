"""Loading and checking question sets against the packs they draw on."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from quizzes import places
from quizzes.model import Choice, Match, Multi, Numeric, Order, Question, QuestionSet
from seeds.model import Figure
from seeds.packs import LoadedPack
from seeds.problems import Problem, ProblemsFound
from seeds.validation import validate
from seeds.yamlread import Document, read_yaml

BUNDLED_SETS = Path(__file__).parent / "sets"


@dataclass(frozen=True)
class LoadedSet:
    """A valid set, where it came from, and its source document (None when generated)."""

    qset: QuestionSet
    origin: str  # "bundled", "user", "path" or "automatic"
    path: Path | None = None
    doc: Document | None = None


def default_set_folders(root: Path) -> list[tuple[Path, str]]:
    return [(BUNDLED_SETS, "bundled"), (places.user_sets(root), "user")]


def set_files(folder: Path) -> Iterator[Path]:
    if folder.is_file():
        yield folder
    elif folder.is_dir():
        yield from sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml")
                          and p.name != "pack.yaml")


def load_set(path: Path, packs: Mapping[str, LoadedPack],
             origin: str = "path") -> tuple[LoadedSet | None, list[Problem]]:
    """Read, validate and check one set file; never raises for a bad file."""
    try:
        doc = read_yaml(path)
    except ProblemsFound as found:
        return None, found.problems
    qset, problems = validate(doc, QuestionSet)
    if qset is None:
        return None, problems
    problems = check_set(doc, qset, packs)
    bad = any(p.is_error for p in problems)
    return (None if bad else LoadedSet(qset, origin, path, doc)), problems


def check_set_files(files: Iterable[Path], packs: Mapping[str, LoadedPack]
                    ) -> tuple[list[Problem], dict[str, set[str]]]:
    """Every problem in the files, and which facts of which pack they test."""
    problems: list[Problem] = []
    tested: dict[str, set[str]] = {}
    for path in files:
        loaded, found = load_set(path, packs)
        problems += found
        if loaded is not None:
            facts = tested.setdefault(loaded.qset.pack, set())
            facts.update(q.fact for q in loaded.qset.questions if q.fact)
    return problems, tested


def check_set(doc: Document, qset: QuestionSet,
              packs: Mapping[str, LoadedPack]) -> list[Problem]:
    """Semantic checks beyond the schema, each located at the offending value."""
    problems: list[Problem] = []
    loaded = packs.get(qset.pack)
    if loaded is None:
        known = ", ".join(sorted(packs)) or "none found"
        problems.append(doc.problem(("pack",), f"unknown pack '{qset.pack}'",
                                    f"known packs: {known}"))
    facts = loaded.pack.facts() if loaded else {}
    first_line: dict[str, int] = {}
    for index, question in enumerate(qset.questions):
        here: tuple[str | int, ...] = ("questions", index)

        def add(field: tuple[str | int, ...], message: str, hint: str = "",
                severity: str = "error", here: tuple[str | int, ...] = here) -> None:
            problems.append(doc.problem((*here, *field), message, hint, severity))

        if question.id in first_line:
            add(("id",), f"duplicate question id '{question.id}' (first at line "
                         f"{first_line[question.id]})", "give each question its own id")
        else:
            first_line[question.id] = doc.locate((*here, "id"))[0]
        if question.fact is None:
            add(("id",), f"question '{question.id}' tests no fact",
                "add `fact: <id>` so the answer can be explained from the pack", "warning")
        elif loaded is not None and question.fact not in facts:
            add(("fact",), f"unknown fact '{question.fact}' in pack '{qset.pack}'",
                _close(question.fact, facts))
        for field, message, hint in _question_problems(question):
            add(field, message, hint)
        fact = facts.get(question.fact or "")
        if isinstance(question, Numeric) and isinstance(fact, Figure) \
                and question.answer != fact.value:
            add(("answer",), f"answer {question.answer:f} disagrees with figure "
                             f"'{fact.id}', which is {fact.value:f} {fact.unit}",
                "the brief prints the figure; make the question agree with it")
    problems += _longest_choice_warning(doc, qset)
    return problems


def _question_problems(q: Question) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """(field path, message, hint) for every type-specific mistake."""
    if isinstance(q, Choice | Multi):
        yield from _choice_list_problems(q.choices)
    if isinstance(q, Choice):
        answers = q.answer if isinstance(q.answer, list) else [q.answer]
        if len(answers) != 1:
            yield (("answer",), f"a choice question needs exactly one answer, not "
                                f"{len(answers)}", "use `type: multi` for several answers")
        for answer in answers:
            if answer not in q.choices:
                yield (("answer",), f"answer '{answer}' is not among the choices",
                       "copy the answer exactly from the choices")
    elif isinstance(q, Multi):
        for i, answer in enumerate(q.answers):
            if answer not in q.choices:
                yield (("answers", i), f"answer '{answer}' is not among the choices",
                       "copy the answer exactly from the choices")
        if len(set(q.answers)) != len(q.answers):
            yield (("answers",), "an answer is listed twice", "list each answer once")
    elif isinstance(q, Numeric) and q.tolerance is not None and q.tolerance.amount < 0:
        yield (("tolerance",), f"tolerance {q.tolerance} is negative",
               "a tolerance is how far off an answer may be: 0 or more")
    elif isinstance(q, Match):
        if len(q.pairs) < 2:
            yield (("pairs",), "a match question needs at least two pairs", "add pairs")
        for side in ("left", "right"):
            counts = Counter(getattr(pair, side) for pair in q.pairs)
            for i, pair in enumerate(q.pairs):
                value = getattr(pair, side)
                if counts[value] > 1:
                    yield (("pairs", i, side), f"'{value}' appears more than once on the "
                                               f"{side} side", "each side of a pair is unique")
                    counts[value] = 0  # report a repeat once
    elif isinstance(q, Order):
        if len(q.items) < 3:
            yield (("items",), f"an order question needs at least three items, not "
                               f"{len(q.items)}", "add items or use a choice question")
        for i, item in enumerate(q.items):
            if q.items.index(item) != i:
                yield (("items", i), f"item '{item}' appears twice", "list each item once")


def _choice_list_problems(choices: list[str]) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    if len(choices) < 2:
        yield (("choices",), f"needs at least two choices, not {len(choices)}", "add choices")
    for i, choice in enumerate(choices):
        if choices.index(choice) != i:
            yield (("choices", i), f"choice '{choice}' appears twice", "remove the repeat")


def _longest_choice_warning(doc: Document, qset: QuestionSet) -> list[Problem]:
    """Students learn to pick the longest choice when it is always the right one."""
    singles = [(i, q) for i, q in enumerate(qset.questions)
               if isinstance(q, Choice) and isinstance(q.answer, str) and len(q.choices) > 2]
    if len(singles) < 3:
        return []
    if all(len(q.answer) == max(map(len, q.choices)) for _, q in singles):
        return [doc.problem(("questions", singles[0][0], "choices"),
                            f"in all {len(singles)} choice questions the right choice is the "
                            "longest", "vary the lengths so length gives nothing away",
                            "warning")]
    return []


def _close(ref: str, known: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(ref, list(known), n=1)
    return f"did you mean '{close[0]}'?" if close else "check the fact ids in the pack"
