"""The teacher's report as data: a set's item analysis tied back to the pack's facts and the
brief section that teaches each one, and the CSV rows (one per question). Pure; the PDF is
drawn by ``briefing.item_report_pdf``."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime

from quizzes.classroom.analysis import Analysis, FactShare, ItemStats, analyse, fact_shares
from quizzes.classroom.results import ClassResults
from seeds.frozen import record
from seeds.model import Actor, Argument, Event, Fact, Figure, Pack, Term

# The brief section that prints each kind of fact (briefing/compose.py's titles).
SECTION_FOR_KIND = {
    "figure": "Key figures",
    "actor": "Actors and positions",
    "argument": "Arguments",
    "event": "Timeline",
    "term": "Glossary",
}
KIND_NAMES = {
    "figure": "Figures",
    "actor": "Actors",
    "argument": "Arguments",
    "event": "Events",
    "term": "Terms",
}


def fact_name(fact: Fact) -> str:
    """A few words that name a fact for a teacher: "5,000 people to be trained"."""
    if isinstance(fact, Figure):
        return f"{fact.label}: {fact.shown_with_unit()}"
    if isinstance(fact, Actor):
        return fact.name
    if isinstance(fact, Argument):
        return fact.claim
    if isinstance(fact, Event):
        return fact.title
    if isinstance(fact, Term):
        return fact.term
    return fact.id


@record
class FactLine:
    share: FactShare
    kind: str | None
    name: str
    section: str | None

    @property
    def reteach(self) -> str:
        where = f"{self.section} — " if self.section else ""
        return f"re-teach: {where}{self.name}"


@record
class ClassReport:
    set_id: str
    set_title: str
    pack_title: str
    made: datetime
    results: ClassResults
    analysis: Analysis
    facts: tuple[FactLine, ...]
    kinds: tuple[tuple[str, float], ...]  # fact kind name, mean facility of its questions

    @property
    def meaningful(self) -> bool:
        return self.analysis.summary.meaningful


def build_report(results: ClassResults, pack: Pack, made: datetime) -> ClassReport:
    analysis = analyse(results.items, results.responses)
    facts = pack.facts()
    lines = []
    for share in fact_shares(analysis):
        fact = facts.get(share.fact)
        kind = fact.kind if fact is not None else None
        lines.append(
            FactLine(
                share,
                kind,
                fact_name(fact) if fact else share.fact,
                SECTION_FOR_KIND.get(kind or ""),
            )
        )
    by_kind: dict[str, list[float]] = {}
    for item in analysis.items:
        fact = facts.get(item.item.fact or "")
        if fact is not None and item.facility is not None:
            by_kind.setdefault(fact.kind, []).append(item.facility)
    kinds = tuple((KIND_NAMES[k], sum(v) / len(v)) for k, v in by_kind.items())
    return ClassReport(
        results.qset.id,
        results.qset.title,
        pack.title,
        made,
        results,
        analysis,
        tuple(lines),
        kinds,
    )


CSV_HEADER = (
    "set",
    "question",
    "type",
    "fact",
    "prompt",
    "students",
    "facility",
    "discrimination_upper_lower",
    "point_biserial_corrected",
    "options",
    "flags",
)


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _options(item: ItemStats) -> str:
    return "; ".join(
        f"{'*' if o.is_key else ''}{o.option}: {o.count} (r={_number(o.r) or 'n/a'})"
        for o in item.options
    )


def csv_text(report: ClassReport) -> str:
    """One row per question. Text cells that a spreadsheet would run as a formula
    (= + - @ at the start) get a leading apostrophe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for item in report.analysis.items:
        writer.writerow(
            [
                _cell(c)
                for c in (
                    report.set_id,
                    item.item.id,
                    item.item.type,
                    item.item.fact or "",
                    item.item.prompt,
                )
            ]
            + [
                str(item.n),
                _number(item.facility),
                _number(item.discrimination),
                _number(item.r_corrected),
                _cell(_options(item)),
                _cell(" | ".join(item.flags)),
            ]
        )
    return out.getvalue()


def _cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def answer_marks(report: ClassReport) -> list[tuple[str, Sequence[str]]]:
    """Each student's answers as marks (✓ right, ½ partly, ✗ wrong, – not asked)."""
    rows: list[tuple[str, Sequence[str]]] = []
    for student, answers in sorted(report.results.responses.items()):
        marks = []
        for item in report.results.items:
            r = answers.get(item.id)
            marks.append(
                "–" if r is None else "✓" if r.score >= 1 else "✗" if r.score <= 0 else "½"
            )
        rows.append((student, marks))
    return rows
