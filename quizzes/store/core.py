"""The store: runs, answers and review cards, through a Database (SQLite or PostgreSQL).
Writes are autocommitted: an answer is saved when ``record_answer`` returns."""

from __future__ import annotations

import json
import operator
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from quizzes.store.database import Database
from quizzes.store.errors import StoreFull
from quizzes.store.records import (
    ANSWER_ROW,
    CARD_COLUMNS,
    RUN_COLUMNS,
    AnswerReader,
    AnswerRecord,
    CardRecord,
    RunRecord,
    SetStats,
    card_of,
    key_digest,
    run_of,
    utc,
)

_position = operator.itemgetter(1)  # of an ANSWER_ROW
_digest = operator.itemgetter(7)


class Store:
    """One open progress database.

    On SQLite, when the disk fills up, the write that failed and every later one go to a
    copy of the database in memory (made from what was on disk, so nothing saved is lost
    and nothing is half-written): play goes on unsaved. ``unsaved`` then says why, and
    ``on_unsaved`` is called once with it."""

    def __init__(self, database: Database) -> None:
        self.database = database
        # Whose runs this store starts, resumes and counts: "" is the machine's one
        # student; `quiz serve` sets the name each browser tab's student gives.
        self.student = ""
        # Grading keys read so far, by digest: a digest names its content, and keys are
        # never changed or deleted, so this can never be stale.
        self._keys: dict[str, Any] = {}

    @classmethod
    def open(cls, where: Any) -> Store:
        """Open or create the database at ``where`` (a file, or a postgresql:// URL),
        bringing an older one up to date; raise StoreError, never touch a bad one."""
        from quizzes.store.opening import open_database

        return cls(open_database(where))

    @classmethod
    @contextmanager
    def reading(cls, where: Any) -> Iterator[Store]:
        """The store at ``where`` for a caller that only reads (the item report). An SQLite
        file in the current format opens without a write, and is checked for damage on a
        second core while the block reads. Leaving the block waits for that verdict: a
        damaged file raises StoreError then, or in place of the error reading it gave, so
        keep what was read only when the block ends without one."""
        from quizzes.store.opening import open_database

        store = cls(open_database(where, to_read=True))
        try:
            try:
                yield store
            except Exception:
                store.database.settle()  # a damaged file's StoreError, not SQLite's own
                raise
            store.database.settle()
        finally:
            store.close()

    @classmethod
    def open_copy(cls, path: Any) -> Store:
        """A store in memory, starting from a copy of the SQLite database at ``path`` when
        it can be read (else empty): play goes on where nothing can be saved."""
        from quizzes.store.sqlite import open_copy

        return cls(open_copy(path))

    @property
    def path(self) -> str:
        return self.database.where

    @property
    def unsaved(self) -> StoreFull | None:
        return self.database.unsaved

    @property
    def on_unsaved(self) -> Callable[[StoreFull], None] | None:
        return self.database.on_unsaved

    @on_unsaved.setter
    def on_unsaved(self, callback: Callable[[StoreFull], None] | None) -> None:
        self.database.on_unsaved = callback

    def close(self) -> None:
        self.database.close()

    @contextmanager
    def together(self) -> Iterator[None]:
        """Writes inside commit as one (one disk flush, not one each), or none does."""
        with self.database.together():
            yield

    # Runs -------------------------------------------------------------------------------

    def start_run(
        self,
        *,
        set_id: str,
        set_ref: str,
        set_title: str,
        seed: int,
        mode: str,
        count: int | None,
        tags: Iterable[str],
        only: Iterable[str] | None,
        time_limit: float | None,
        questions: int,
        points: Decimal,
        at: datetime,
        ends_by: datetime | None = None,
    ) -> RunRecord:
        """A new run. A timed exam ends ``time_limit`` minutes after ``at``, or at
        ``ends_by`` when that is sooner (the clock of an exam it replaces)."""
        deadline = at + timedelta(minutes=time_limit) if mode == "exam" and time_limit else None
        if deadline is not None and ends_by is not None:
            deadline = min(deadline, ends_by)
        run_id = self.database.insert(
            "INSERT INTO runs (set_id, set_ref, set_title, seed, mode, count, tags, only_ids, "
            "time_limit, questions, points, started, deadline, student, uid) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                set_id,
                set_ref,
                set_title,
                seed,
                mode,
                count,
                json.dumps(list(tags)),
                None if only is None else json.dumps(list(only)),
                time_limit,
                questions,
                str(points),
                at.isoformat(),
                deadline and deadline.isoformat(),
                self.student,
                uuid.uuid4().hex,
            ),
            "this run's start",
        )
        return self.run(run_id)

    def run(self, run_id: int) -> RunRecord:
        row = self.database.execute(
            f"SELECT {RUN_COLUMNS} FROM runs WHERE id = ?", (run_id,)
        ).fetchone()
        if row is None:
            raise KeyError(run_id)
        return run_of(row)

    def run_with_answers(self, run_id: int) -> tuple[RunRecord, list[AnswerRecord]]:
        """A run and its answers (two queries, and one more for a grading key this store has
        not read before): a served class reads both on every page."""
        found = self.runs_with_answers([run_id])
        if not found:
            raise KeyError(run_id)
        return found[0]

    def finish_run(self, run_id: int, at: datetime) -> None:
        self.database.write(
            "UPDATE runs SET finished = ? WHERE id = ? AND finished IS NULL",
            (at.isoformat(), run_id),
            "this run's end",
        )

    def abandon_run(self, run_id: int, at: datetime) -> None:
        """Stop offering a run for resuming; its answers stay."""
        self.database.write(
            "UPDATE runs SET abandoned = ? WHERE id = ? AND finished IS NULL",
            (at.isoformat(), run_id),
            "setting this run aside",
        )

    def running_exam(self, set_id: str) -> RunRecord | None:
        """This student's latest timed exam of the set, when it did not finish (it was
        left, discarded or replaced by a new start): its clock is still the set's."""
        row = self.database.execute(
            f"SELECT {RUN_COLUMNS} FROM runs WHERE student = ? AND set_id = ? "
            "AND mode = 'exam' AND deadline IS NOT NULL AND questions > 0 "
            "ORDER BY started DESC, id DESC LIMIT 1",
            (self.student, set_id),
        ).fetchone()
        run = None if row is None else run_of(row)
        return run if run is not None and run.finished is None else None

    def unfinished_runs(self) -> list[RunRecord]:
        """Runs to offer for resuming, the most recently started first: neither finished
        nor abandoned, with at least one answer (a run left at once is not worth it)."""
        rows = self.database.execute(
            f"SELECT {RUN_COLUMNS} FROM runs WHERE finished IS NULL AND abandoned IS NULL "
            "AND student = ? AND EXISTS (SELECT 1 FROM answers WHERE answers.run_id = runs.id) "
            "ORDER BY started DESC, id DESC",
            (self.student,),
        ).fetchall()
        return [run_of(row) for row in rows]

    # Answers ----------------------------------------------------------------------------

    def record_answer(
        self,
        run_id: int,
        *,
        question_id: str,
        position: int,
        answer: Any,
        correct: bool,
        score: Decimal,
        points: Decimal,
        at: datetime,
        key: Mapping[str, Any] | None = None,
    ) -> None:
        """Store one answer, with the key it was graded against (quizzes.answerkey);
        committed before this returns. A repeat replaces the earlier."""
        digest = None
        if key is not None:
            text = json.dumps(key, ensure_ascii=False)
            digest = key_digest(text)
            if digest not in self._keys:  # else it was read from the database: it is there
                self.database.write(
                    "INSERT INTO answer_keys (digest, key) VALUES (?, ?) "
                    "ON CONFLICT (digest) DO NOTHING",
                    (digest, text),
                    "this answer",
                )
        self.database.write(
            "INSERT INTO answers (run_id, question_id, position, answer, correct, score, "
            "points, answered_at, key_digest, student) VALUES (?,?,?,?,?,?,?,?,?,"
            "(SELECT student FROM runs WHERE id = ?)) ON CONFLICT (run_id, question_id) "
            "DO UPDATE SET answer = excluded.answer, correct = excluded.correct, "
            "score = excluded.score, points = excluded.points, "
            "answered_at = excluded.answered_at, key_digest = excluded.key_digest",
            (
                run_id,
                question_id,
                position,
                json.dumps(answer, default=str, ensure_ascii=False),
                int(correct),
                str(score),
                str(points),
                at.isoformat(),
                digest,
                run_id,
            ),
            "this answer",
        )

    def answers(self, run_id: int) -> list[AnswerRecord]:
        rows = self.database.execute(
            f"SELECT {ANSWER_ROW} FROM answers WHERE run_id = ? ORDER BY position",
            (run_id,),
        ).fetchall()
        return AnswerReader(self._keys_of(map(_digest, rows))).records(rows)

    # History ----------------------------------------------------------------------------

    def stats(self) -> dict[str, SetStats]:
        """Best and last score, missed last time and any unfinished run, for every set."""
        totals: dict[int, tuple[Decimal, int, int]] = {}
        for run_id, score, correct in self.database.execute(
            "SELECT run_id, score, correct FROM answers WHERE student = ?", (self.student,)
        ).fetchall():
            total, right, answered = totals.get(run_id, (Decimal(0), 0, 0))
            totals[run_id] = (total + Decimal(score), right + int(correct), answered + 1)
        found: dict[str, SetStats] = {}
        rows = self.database.execute(
            f"SELECT {RUN_COLUMNS} FROM runs WHERE student = ? ORDER BY started, id",
            (self.student,),
        ).fetchall()
        for run in map(run_of, rows):
            stats = found.get(run.set_id, SetStats())
            score, correct, answered = totals.get(run.id, (Decimal(0), 0, 0))
            if run.finished and not run.is_retry:
                percent = float(score / run.points * 100) if run.points else 0.0
                stats = SetStats(
                    stats.plays + 1,
                    max(stats.best or 0.0, percent),
                    percent,
                    run.questions - correct,
                    stats.unfinished,
                    stats.answered_unfinished,
                )
            elif not run.finished and not run.abandoned and answered:
                stats = SetStats(
                    stats.plays, stats.best, stats.last, stats.missed_last, run, answered
                )
            found[run.set_id] = stats
        return found

    # Every student (the teacher's report, results files) ---------------------------------

    def all_runs(self) -> list[RunRecord]:
        """Every student's runs, oldest first."""
        rows = self.database.execute(
            f"SELECT {RUN_COLUMNS} FROM runs ORDER BY started, id"
        ).fetchall()
        return [run_of(row) for row in rows]

    def runs_with_answers(
        self, run_ids: Collection[int] | None = None
    ) -> list[tuple[RunRecord, list[AnswerRecord]]]:
        """Every student's runs (or these), oldest first, each with its answers in the order
        they were asked: two queries however many runs there are (and one for grading
        keys this store has not read yet). Answers share the values a class repeats (a
        question's key, a common answer): treat them as read-only."""
        where = ""
        params: tuple[int, ...] = ()
        if run_ids is not None:
            if not run_ids:
                return []
            params = tuple(run_ids)
            where = f" WHERE {{}} IN ({', '.join('?' * len(params))})"
        runs = self.database.execute(
            f"SELECT {RUN_COLUMNS} FROM runs{where.format('id')} ORDER BY started, id", params
        ).fetchall()
        # Unordered, then grouped here: sorting a class's answers in SQL (a join ordered
        # by run and position) takes four times as long as reading them.
        rows = self.database.execute(
            f"SELECT {ANSWER_ROW} FROM answers{where.format('run_id')}", params
        ).fetchall()
        reader = AnswerReader(self._keys_of(map(_digest, rows)))
        by_run: dict[int, list[Any]] = {}
        for row in rows:
            by_run.setdefault(row[8], []).append(row)
        found = []
        for run in runs:
            given = sorted(by_run.get(run[0], ()), key=_position)
            found.append((run_of(run), reader.records(given)))
        return found

    def _keys_of(self, digests: Iterable[str | None]) -> dict[str, Any]:
        """The grading keys by digest, with these among them (each read once per store:
        a class's thousands of answers share a few dozen keys)."""
        missing = sorted({d for d in digests if d is not None} - self._keys.keys())
        for start in range(0, len(missing), 500):  # well under any placeholder limit
            chunk = missing[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self.database.execute(
                f"SELECT digest, key FROM answer_keys WHERE digest IN ({marks})", chunk
            ).fetchall()
            self._keys.update((digest, json.loads(text)) for digest, text in rows)
        return self._keys

    def students(self) -> list[str]:
        """The names that have played here, in the order they first played."""
        rows = self.database.execute(
            "SELECT student FROM runs GROUP BY student ORDER BY min(started), student"
        ).fetchall()
        return [name for (name,) in rows]

    # Review cards -----------------------------------------------------------------------

    def card(self, set_id: str, question_id: str) -> CardRecord | None:
        row = self.database.execute(
            f"SELECT {CARD_COLUMNS} FROM cards WHERE student = ? AND set_id = ? "
            "AND question_id = ?",
            (self.student, set_id, question_id),
        ).fetchone()
        return None if row is None else card_of(row)

    def save_card(
        self,
        *,
        set_id: str,
        set_ref: str,
        question_id: str,
        card: dict[str, Any],
        due: datetime,
        at: datetime,
    ) -> None:
        self.database.write(
            "INSERT INTO cards (student, set_id, set_ref, question_id, card, due, reviewed) "
            "VALUES (?,?,?,?,?,?,?) ON CONFLICT (student, set_id, question_id) DO UPDATE SET "
            "set_ref = excluded.set_ref, card = excluded.card, due = excluded.due, "
            "reviewed = excluded.reviewed",
            (self.student, set_id, set_ref, question_id, json.dumps(card), utc(due), utc(at)),
            "this question's next review",
        )

    def cards(
        self, *, due_by: datetime | None = None, set_ids: Iterable[str] | None = None
    ) -> list[CardRecord]:
        """This student's cards, most overdue first; only those due by ``due_by`` if given."""
        query = f"SELECT {CARD_COLUMNS} FROM cards WHERE student = ?"
        params: list[Any] = [self.student]
        if due_by is not None:
            query += " AND due <= ?"
            params.append(utc(due_by))
        rows = [
            card_of(row)
            for row in self.database.execute(
                query + " ORDER BY due, set_id, question_id", params
            ).fetchall()
        ]
        wanted = None if set_ids is None else set(set_ids)
        return [c for c in rows if wanted is None or c.set_id in wanted]
