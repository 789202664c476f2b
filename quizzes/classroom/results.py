"""A class's results: the runs of every student, from the served database and from the
files students send in (`quiz results export`), gathered for one set's item analysis.

Reading and writing files happens at the two ends (``read_results_file``, the CLI); the
rest takes data and returns data. A run is known by its uid everywhere, so the same run
sent twice (or found both in the database and in a file) counts once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from itertools import filterfalse
from operator import attrgetter
from pathlib import Path
from typing import Any

from quizzes.answerkey import describe, grading_of, key_of, options_of
from quizzes.classroom.analysis import Item, Response
from quizzes.errors import QuizError
from quizzes.grading import InvalidAnswer, grade
from quizzes.model import Question, QuestionSet
from quizzes.store import AnswerRecord, RunRecord, Store
from seeds.frozen import record
from seeds.reading import reading
from seeds.userfiles import read_limited

FILE_KIND = "classbrief-results"
FILE_VERSION = 1
MAX_RESULTS_BYTES = 256 * 2**20  # a class's year of runs is a few megabytes


class ResultsError(QuizError, ValueError):
    """A results file that cannot be read; the message names the file and the fix."""


@record
class ClassRun:
    run: RunRecord
    answers: tuple[AnswerRecord, ...]
    device: str  # which database the run was played in (two students of one name differ)
    source: str  # where it was read: a database or a results file


def device_of(runs: Sequence[RunRecord]) -> str:
    """A database's identity: the uid of its first run (stable, and unique like it)."""
    return min(runs, key=lambda r: (r.started, r.id)).uid if runs else ""


def runs_from_store(store: Store, source: str) -> list[ClassRun]:
    runs = store.runs_with_answers()
    device = device_of([run for run, _ in runs])
    return [ClassRun(run, tuple(answers), device, source) for run, answers in runs]


# Files students send in -------------------------------------------------------------------


def export_document(runs: Sequence[ClassRun], name: str | None, at: datetime) -> dict[str, Any]:
    """The JSON a student sends in. Runs played without a name (plain `quiz`) take
    ``name``; ResultsError when some have none."""
    nameless = [c for c in runs if not c.run.student]
    if nameless and not (name and name.strip()):
        raise ResultsError(
            f"{len(nameless)} run(s) were played without a student name; "
            'give yours with --name "First Last"'
        )
    return {
        "kind": FILE_KIND,
        "version": FILE_VERSION,
        "exported": at.isoformat(),
        "device": runs[0].device if runs else "",
        "runs": [_run_json(c, (c.run.student or (name or "")).strip()) for c in runs],
    }


def _run_json(c: ClassRun, student: str) -> dict[str, Any]:
    r = c.run
    return {
        "uid": r.uid,
        "student": student,
        "set_id": r.set_id,
        "set_title": r.set_title,
        "set_ref": r.set_ref,
        "seed": r.seed,
        "mode": r.mode,
        "count": r.count,
        "tags": list(r.tags),
        "only": None if r.only is None else list(r.only),
        "time_limit": r.time_limit,
        "questions": r.questions,
        "points": str(r.points),
        "started": r.started.isoformat(),
        "finished": _iso(r.finished),
        "abandoned": _iso(r.abandoned),
        "answers": [
            {
                "question_id": a.question_id,
                "position": a.position,
                "answer": a.answer,
                "correct": a.correct,
                "score": str(a.score),
                "points": str(a.points),
                "answered_at": a.answered_at.isoformat(),
                "key": a.key,
            }
            for a in c.answers
        ],
    }


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def read_results_file(path: Path) -> list[ClassRun]:
    """The runs in one results file; ResultsError saying what is wrong with it."""
    with reading(path):
        return _read_results_file(path)


def _read_results_file(path: Path) -> list[ClassRun]:
    doc = _results_json(path)
    if not isinstance(doc, dict) or doc.get("kind") != FILE_KIND:
        raise ResultsError(
            f"{path}: not a classbrief results file; students make one with "
            "`quiz results export -o FILE.json`"
        )
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ResultsError(f"{path}: the results file has no valid version")
    if version > FILE_VERSION:
        raise ResultsError(
            f"{path}: written by a newer classbrief (results format {version}; "
            f"this one reads {FILE_VERSION}): upgrade classbrief"
        )
    device = str(doc.get("device") or path.name)
    runs = doc.get("runs")
    if not isinstance(runs, list):
        raise ResultsError(f"{path}: the results file has no list of runs")
    found = []
    for index, entry in enumerate(runs):
        try:
            found.append(_read_run(entry, device, str(path)))
        except (
            KeyError,
            TypeError,
            ValueError,
            InvalidOperation,
            AttributeError,
            OverflowError,  # int() of a JSON 1e999
        ) as err:
            raise ResultsError(
                f"{path}: run {index + 1} is damaged ({type(err).__name__}: "
                f"{err}); ask the student to export it again"
            ) from None
    return found


def _results_json(path: Path) -> Any:
    """The file's JSON; ResultsError when it cannot be read or is not JSON."""
    try:
        raw = read_limited(path, MAX_RESULTS_BYTES)
    except OSError as err:
        raise ResultsError(f"{path}: cannot be read ({err.strerror or err})") from None
    try:
        return json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise ResultsError(
            f"{path}: not a results file (lists or objects nested too deeply to read); ask "
            "the student to send the file `quiz results export -o FILE.json` wrote"
        ) from None
    except UnicodeDecodeError:
        raise ResultsError(
            f"{path}: not a results file (not UTF-8 text); ask the student "
            "to send the file `quiz results export -o FILE.json` wrote"
        ) from None
    except json.JSONDecodeError as err:
        raise ResultsError(
            f"{path}:{err.lineno}:{err.colno}: not valid JSON ({err.msg}); the "
            "file is damaged or was edited: ask the student to export it "
            "again"
        ) from None
    except ValueError:  # a number of more digits than Python reads
        raise ResultsError(
            f"{path}: not a results file (it holds a number thousands of digits long); ask "
            "the student to export it again"
        ) from None


def _read_run(entry: dict[str, Any], device: str, source: str) -> ClassRun:
    if not isinstance(entry, dict):
        raise TypeError(f"expected an object, found {type(entry).__name__}")
    only = entry.get("only")
    run = RunRecord(
        id=0,
        set_id=_text(entry["set_id"]),
        set_ref=_text(entry.get("set_ref", "")),
        set_title=_text(entry.get("set_title", "")),
        seed=int(entry.get("seed", 0)),
        mode=_text(entry.get("mode", "practice")),
        count=entry.get("count"),
        tags=tuple(entry.get("tags") or ()),
        only=None if only is None else tuple(only),
        time_limit=entry.get("time_limit"),
        questions=int(entry["questions"]),
        points=_amount(entry["points"]),
        started=_when(entry["started"]),
        finished=_maybe(entry.get("finished")),
        abandoned=_maybe(entry.get("abandoned")),
        student=_text(entry["student"]).strip(),
        uid=_text(entry["uid"]),
    )
    if not run.uid or not run.student:
        raise ValueError("a run without its uid or student")
    answers = tuple(
        AnswerRecord(
            _text(a["question_id"]),
            int(a["position"]),
            a["answer"],
            bool(a["correct"]),
            _score(a["score"], a["points"]),
            _amount(a["points"]),
            _when(a["answered_at"]),
            _key(a.get("key")),
        )
        for a in entry["answers"]
    )
    return ClassRun(run, answers, device, source)


_TEXTS = ("type", "prompt", "fact", "unit")
_TEXT_LISTS = ("choices", "answers", "accept", "items")


def _key(key: Any) -> dict[str, Any] | None:
    """The key an answer was graded against, as exported; damaged when a field of it has
    the wrong shape (a list where text belongs, a pair of three, ...)."""
    if key is None:
        return None
    if not isinstance(key, dict):
        raise TypeError(f"an answer's key is {type(key).__name__}, not an object")
    for name in _TEXTS:
        if key.get(name) is not None:
            _text(key[name])
    for name in _TEXT_LISTS:
        if key.get(name) is not None and not (
            isinstance(key[name], list) and all(isinstance(v, str) for v in key[name])
        ):
            raise TypeError(f"an answer key's {name} is not a list of texts")
    answer = key.get("answer")
    if answer is not None and not isinstance(answer, str | bool | list | int | float):
        raise TypeError("an answer key's answer is not text, a number or true/false")
    if isinstance(answer, list) and not all(isinstance(v, str) for v in answer):
        raise TypeError("an answer key's answer is not a list of texts")
    pairs = key.get("pairs")
    if pairs is not None and not (
        isinstance(pairs, list)
        and all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(v, str) for v in p)
            for p in pairs
        )
    ):
        raise TypeError("an answer key's pairs are not pairs of texts")
    return key


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}")
    return value


def _amount(value: Any) -> Decimal:
    """Points as the file writes them: a finite number, not below 0 (1e309 would be
    infinite, and every statistic of the class with it)."""
    amount = Decimal(_text(value))
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"points or score {value!r} is not a number of points")
    return amount


def _score(value: Any, points: Any) -> Decimal:
    score = _amount(value)
    if score > _amount(points):
        raise ValueError(f"score {value!r} is more than the answer's {points!r} points")
    return score


def _when(value: Any) -> datetime:
    return datetime.fromisoformat(_text(value))


def _maybe(value: Any) -> datetime | None:
    return None if value is None else _when(value)


# A class for one set ---------------------------------------------------------------------


@dataclass
class ClassResults:
    qset: QuestionSet
    items: list[Item]
    responses: dict[str, dict[str, Response]]  # student label -> question id -> response
    notes: list[str] = field(default_factory=list)
    unfinished: int = 0


def unique_runs(runs: Iterable[ClassRun]) -> tuple[list[ClassRun], int]:
    """Each run once (by uid), keeping the copy with more answers; and how many repeats."""
    kept: dict[str, ClassRun] = {}
    repeats = 0
    for c in runs:
        if c.run.uid in kept:
            repeats += 1
            if len(c.answers) <= len(kept[c.run.uid].answers):
                continue
        kept[c.run.uid] = c
    return list(kept.values()), repeats


def items_of(qset: QuestionSet) -> list[Item]:
    return [_item(q.id, key_of(q)) for q in qset.questions]


def _item(item_id: str, key: Mapping[str, Any], notes: tuple[str, ...] = ()) -> Item:
    options, keys = options_of(key)
    return Item(
        item_id,
        str(key.get("prompt", "")),
        str(key.get("type", "")),
        key.get("fact"),
        options,
        keys,
        notes,
    )


@dataclass
class _Version:
    """Answers to one question graded against one key that is not the set's key now."""

    question_id: str
    key: dict[str, Any] | None  # None: graded before keys were recorded
    deleted: bool
    tag: str  # the answers' item id until every version is known and named
    item_id: str = ""
    students: int = 0


class _Versions:
    """Which item each answer belongs to: the set's question as it is now, or, when the
    answer was graded against another key (the set changed since) or the question is gone,
    an item of its own, so no statistic mixes answers to two keys."""

    def __init__(self, qset: QuestionSet) -> None:
        self.qset = qset
        self.current = {q.id: q for q in qset.questions}
        self.grading = {q.id: grading_of(key_of(q)) for q in qset.questions}
        self.other: dict[tuple[str, str], _Version] = {}
        self.rekeyed: set[str] = set()  # questions whose key changed under unkeyed answers
        # Answers read together share their keys (Store.runs_with_answers): where the
        # answers to a question go is worked out once per key object (kept here, so its id
        # stays its own), not once per answer: (key, its earlier version or None, item id).
        self.seen: dict[tuple[str, int], tuple[dict[str, Any] | None, _Version | None, str]] = {}

    def look_at(self, answers: Sequence[AnswerRecord]) -> None:
        """Answers graded before keys were kept: when any of them to a question scores
        otherwise under its key now, the key has changed since, and all of them go apart
        (an answer both keys grade alike cannot tell which key it saw)."""
        if None not in map(_answer_key, answers):
            return
        for given in answers:
            question = self.current.get(given.question_id)
            if given.key is None and question is not None and not _regrades(question, given):
                self.rekeyed.add(question.id)

    def item_for(self, question_id: str, given: AnswerRecord) -> str:
        """The item an answer to the question counts for (after ``look_at`` has seen every
        answer): the question's id (the set's own text, which the items share) or, until
        every version is known and named (``finish``), its version's tag."""
        seen = self.seen.get((question_id, id(given.key)))
        if seen is None:
            seen = self.seen[(question_id, id(given.key))] = self._see(question_id, given)
        return seen[2]

    def _see(
        self, question_id: str, given: AnswerRecord
    ) -> tuple[dict[str, Any] | None, _Version | None, str]:
        question = self.current.get(question_id)
        if question is not None and self._same_key(question, given):
            return given.key, None, question.id
        version = self._version(question_id, given)
        return given.key, version, version.tag

    def _version(self, question_id: str, given: AnswerRecord) -> _Version:
        """The earlier (or deleted) version of the question an answer was graded against."""
        question = self.current.get(question_id)
        grading = "" if given.key is None else grading_of(given.key)
        version = self.other.get((question_id, grading))
        if version is None:
            tag = f"{question_id}\0{grading}"
            version = _Version(question_id, given.key, question is None, tag)
            self.other[(question_id, grading)] = version
        return version

    def _same_key(self, question: Question, given: AnswerRecord) -> bool:
        if given.key is not None:
            return grading_of(given.key) == self.grading[question.id]
        return question.id not in self.rekeyed

    def finish(self, responses: dict[str, dict[str, Response]]) -> list[Item]:
        """The items in set order, each earlier version after its question and deleted
        questions last; answers renamed to the items' ids."""
        by_question: dict[str, list[_Version]] = {}
        for (question_id, _), version in self.other.items():
            by_question.setdefault(question_id, []).append(version)
            # A student answers a question once: each row holds a version's tag at most once.
            version.students = sum(version.tag in answers for answers in responses.values())
        renamed: dict[str, str] = {}
        for question_id, versions in by_question.items():
            for n, version in enumerate(versions, 1):
                label = "deleted" if version.deleted else "earlier"
                suffix = f"{label} {n}" if len(versions) > 1 else label
                version.item_id = f"{question_id} ({suffix})"
                renamed[version.tag] = version.item_id
        for answers in responses.values() if renamed else ():
            for old in [k for k in answers if k in renamed]:
                answers[renamed[old]] = answers.pop(old)
        items: list[Item] = []
        for q in self.qset.questions:
            versions = by_question.get(q.id, [])
            notes: tuple[str, ...] = ()
            if versions:
                apart = ", ".join(v.item_id for v in versions)
                notes = (
                    f"changed after {sum(v.students for v in versions)} student(s) answered "
                    f"it: their answers are reported apart ({apart}), each graded against "
                    "the key its student saw",
                )
            items.append(_item(q.id, key_of(q), notes))
            items += [self._earlier(v, key_of(q)) for v in versions]
        for question_id, versions in by_question.items():
            if question_id not in self.current:
                items += [self._deleted(v) for v in versions]
        return items

    @staticmethod
    def _earlier(version: _Version, now: dict[str, Any]) -> Item:
        if version.key is None:
            note = (
                f"graded against an earlier key ({version.students} student(s)): their "
                f"stored scores disagree with the set's key now ({describe(now)}); the "
                "earlier key was not recorded, so options are not counted"
            )
            # Which options were right then is not known: none are counted.
            return Item(
                version.item_id,
                str(now["prompt"]),
                str(now["type"]),
                now.get("fact"),
                notes=(note,),
            )
        note = (
            f"an earlier version: {version.students} student(s) answered it when its key "
            f"was {describe(version.key)}, graded against that; the set has "
            f"{describe(now)} now"
        )
        return _item(version.item_id, version.key, (note,))

    @staticmethod
    def _deleted(version: _Version) -> Item:
        key = version.key or {"type": "", "prompt": "", "fact": None}
        note = (
            f"deleted from the set after {version.students} student(s) answered it; "
            "graded against the key they saw"
            + (f" ({describe(version.key)})" if version.key is not None else "")
        )
        return _item(version.item_id, key, (note,))


_answer_key = attrgetter("key")
_question_id = attrgetter("question_id")
_UNANSWERED = Response(0.0, None)  # asked, not answered: the exam's time ran out


class _Rows:
    """Each run's responses by item. Answers read together share the values a class
    repeats (Store.runs_with_answers): the answers to one question with one key object,
    score, points and answer object go to one item with one Response, worked out once (the
    Response keeps the answer and ``versions`` the key, so their ids stay their own)."""

    def __init__(self, ids: list[str], versions: _Versions) -> None:
        self.ids = ids  # the set's questions
        self.versions = versions
        self.known: dict[tuple[str, int, Decimal, Decimal, int], tuple[str, Response]] = {}

    def row(self, c: ClassRun) -> dict[str, Response]:
        """First the questions the run asked and left unanswered (in set order), then its
        answers (each question's last, in the order they were first given)."""
        answers: Sequence[AnswerRecord] = c.answers
        questions = list(map(_question_id, answers))
        answered = set(questions)
        if len(answered) < len(questions):  # a question answered twice: its last answer counts
            given = dict(zip(questions, answers, strict=True))
            questions, answers = list(given), list(given.values())
        row = dict.fromkeys(_unanswered(self.ids, c.run, answered), _UNANSWERED)
        known = self.known
        for question_id, a in zip(questions, answers, strict=True):
            seen = known.get((question_id, id(a.key), a.score, a.points, id(a.answer)))
            if seen is None:
                seen = self._see(question_id, a)
            row[seen[0]] = seen[1]
        return row

    def _see(self, question_id: str, a: AnswerRecord) -> tuple[str, Response]:
        score = float(a.score / a.points) if a.points else 0.0
        seen = (self.versions.item_for(question_id, a), Response(score, a.answer))
        self.known[(question_id, id(a.key), a.score, a.points, id(a.answer))] = seen
        return seen


def _regrades(question: Question, given: AnswerRecord) -> bool:
    """The question as it is now gives the stored answer its stored score."""
    try:
        now = grade(question, given.answer)
    except InvalidAnswer:
        return False
    stored = given.score / given.points if given.points else Decimal(0)
    return abs(Decimal(str(now.fraction)) - stored) < Decimal("0.0001")


def class_results(qset: QuestionSet, runs: Iterable[ClassRun]) -> ClassResults:
    """Each student's first finished run of the set that was not a retry; unanswered
    questions of it (an exam's time ran out) score 0. Two students sharing a name but
    playing on different machines are kept apart as "Name" and "Name (2)". Each answer
    counts with the score it was given, graded against the key its student saw; where
    the set has changed since, the answers to each key are items of their own."""
    unique, repeats = unique_runs(runs)
    versions = _Versions(qset)
    notes = [f"{repeats} run(s) were sent more than once; each counted once"] if repeats else []
    mine = sorted(
        (c for c in unique if c.run.set_id == qset.id), key=lambda c: (c.run.started, c.run.uid)
    )
    labels = _labels(mine, notes)
    counted: dict[str, ClassRun] = {}
    for c in mine:
        label = labels[(c.run.student, c.device)]
        if not (c.run.is_retry or label in counted or c.run.finished is None):
            counted[label] = c
    for c in counted.values():
        versions.look_at(c.answers)
    rows = _Rows([q.id for q in qset.questions], versions)
    responses = {label: rows.row(c) for label, c in counted.items()}
    items = versions.finish(responses)
    changed = {v.question_id for v in versions.other.values() if not v.deleted}
    deleted = {v.question_id for v in versions.other.values() if v.deleted}
    if changed or deleted:
        notes.append(
            "the set has changed since some answers were given: "
            + ", ".join(
                part
                for part in (
                    f"{len(changed)} question(s) changed" if changed else "",
                    f"{len(deleted)} deleted" if deleted else "",
                )
                if part
            )
            + "; each answer is graded against the key its student saw, and the report "
            "flags them"
        )
    finished_students = set(responses)
    unfinished = sum(
        1
        for c in mine
        if c.run.finished is None
        and not c.run.is_retry
        and labels[(c.run.student, c.device)] not in finished_students
    )
    if unfinished:
        notes.append(
            f"{unfinished} unfinished run(s) of students with no finished run were left out"
        )
    return ClassResults(qset, items, responses, notes, unfinished)


def _unanswered(ids: list[str], run: RunRecord, answered: set[str]) -> list[str]:
    """The questions (``ids``: the set's) a run asked and left unanswered. It asked all of
    them, unless it played a --count or --tag subset (or the set has changed since), of
    which only the answered ones are known."""
    if run.count is None and not run.tags and run.questions == len(ids):
        return list(filterfalse(answered.__contains__, ids))
    return []


def _labels(runs: Sequence[ClassRun], notes: list[str]) -> dict[tuple[str, str], str]:
    """A display name per (student, device): one name from two machines is two students."""
    devices: dict[str, list[str]] = {}
    for c in runs:
        seen = devices.setdefault(c.run.student, [])
        if c.device not in seen:
            seen.append(c.device)
    labels: dict[tuple[str, str], str] = {}
    for name, on in devices.items():
        shown = name or "(no name)"
        for index, device in enumerate(on):
            labels[(name, device)] = shown if index == 0 else f"{shown} ({index + 1})"
        if len(on) > 1:
            notes.append(
                f"{len(on)} students are named “{shown}” (their runs come from "
                f"different machines): kept apart as " + ", ".join(labels[(name, d)] for d in on)
            )
    return labels


def sets_played(runs: Iterable[ClassRun]) -> dict[str, str]:
    """Set id -> title of every set in the runs."""
    return {c.run.set_id: c.run.set_title for c in runs}
