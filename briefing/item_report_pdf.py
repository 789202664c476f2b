"""The teacher's class report as a PDF, in the brief's house style (its render kit, fonts,
band and footer): summary, a facility × discrimination scatter, a bar per fact kind, the
flagged questions, what to re-teach by fact, and every question's numbers."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect
from reportlab.platypus import Flowable, KeepTogether, Spacer

from briefing.blocks import Kit
from briefing.chart import draw_text
from briefing.content import Bar, BarChart, DocumentInfo, Footer
from briefing.fonts import Glyphs
from briefing.render import PageFurniture, Rendered, render_document
from briefing.styles import ACCENT, GREY, INK, NAVY, RULE
from quizzes.classroom.analysis import MEANINGFUL_FROM, ItemStats
from quizzes.classroom.item_report import ClassReport, answer_marks


def render_report(report: ClassReport, paper: str = "a4") -> Rendered:
    info = DocumentInfo(
        title=f"Class report: {report.set_title}",
        author="classbrief quiz report",
        subject=f"Item analysis of {report.set_id}",
        keywords=("item analysis", report.set_id),
        language="en",
        created=report.made.date(),
    )
    furniture = PageFurniture(
        "CLASS REPORT", report.pack_title, Footer(report.set_title, f" · {report.set_id}")
    )
    return render_document(info, furniture, paper, lambda kit: _story(kit, report))


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f} %"


def _num(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _story(kit: Kit, report: ClassReport) -> list[Flowable]:
    summary = report.analysis.summary
    story = _opening(kit, report)
    story += [kit.heading("The set", "set"), _summary_table(kit, report)]
    if report.meaningful:
        story += _at_a_glance(kit, report)
        story += [kit.heading("Flagged questions", "flagged"), *_flagged(kit, report)]
    story += [kit.heading("What the class missed, by fact", "facts"), *_facts(kit, report)]
    story += [kit.heading("Every question", "questions"), _questions(kit, report)]
    if not report.meaningful or summary.students <= 40:
        story += [kit.heading("Answers by student", "answers"), *_answers(kit, report)]
    return story


def _opening(kit: Kit, report: ClassReport) -> list[Flowable]:
    """The title, what the report counts, the results' notes, and whether the statistics
    mean anything yet."""
    s = kit.styles
    summary = report.analysis.summary
    story: list[Flowable] = [
        kit.para(f"Class report: {report.set_title}", s.title),
        kit.para(
            f"{summary.students} student{'s' if summary.students != 1 else ''} · "
            f"{len(report.results.items)} questions · pack: {report.pack_title} · "
            f"made {report.made:%Y-%m-%d %H:%M %Z}",
            s.dek,
        ),
        kit.para(
            "Each student counts once, with their first finished run of the set "
            "(retries and unfinished runs are left out).",
            s.dek,
        ),
    ]
    for note in report.results.notes:
        story.append(kit.para(note, s.note))
    if not report.meaningful:
        story.append(
            kit.para(
                f"With {summary.students} student{'s' if summary.students != 1 else ''} the "
                f"statistics are not meaningful yet (they need at least {MEANINGFUL_FROM}); "
                "the answers are listed below.",
                s.box_text,
            )
        )
    return story


def _at_a_glance(kit: Kit, report: ClassReport) -> list[Flowable]:
    """The facility × discrimination scatter, and a bar per fact kind."""
    s = kit.styles
    story: list[Flowable] = [
        kit.heading("Questions at a glance", "glance"),
        KeepTogether(
            [
                kit.para(
                    "Facility × discrimination (corrected point-biserial); each dot is a question",
                    s.subheading,
                ),
                _scatter(kit, report),
                kit.para(
                    "Good questions sit upper middle. Low r: the "
                    "question does not tell who knows from who does "
                    "not; below 0: check the key.",
                    s.caption,
                ),
            ]
        ),
    ]
    if report.kinds:
        chart = BarChart(
            "Share right by fact kind",
            "%",
            tuple(Bar(name, share * 100, f"{share * 100:.0f} %") for name, share in report.kinds),
            "From the class's answers.",
            "; ".join(f"{n} {v * 100:.0f} %" for n, v in report.kinds),
        )
        story += [Spacer(1, 4), kit.block(chart)[0]]
    return story


def _summary_table(kit: Kit, report: ClassReport) -> Flowable:
    summary = report.analysis.summary
    s = kit.styles
    k = len(report.results.items)
    rows = [
        ("Students", str(summary.students)),
        ("Mean score", f"{_num(summary.mean, 1)} of {k}"),
        ("Median", f"{_num(summary.median, 1)} of {k}"),
        ("Standard deviation", _num(summary.sd)),
        (
            summary.reliability_name,
            _num(summary.reliability)
            + (
                f" (over the {summary.items_in_reliability} questions every student was asked)"
                if summary.items_in_reliability < k
                else ""
            ),
        ),
        ("Standard error of measurement", _num(summary.sem)),
    ]
    return kit.table(
        ("Statistic", "Value"),
        [[kit.para(a, s.cell), kit.para(b, s.cell)] for a, b in rows],
        (0.45, 0.55),
    )


def _label(index: int) -> str:
    return f"Q{index + 1}"


@dataclass(frozen=True)
class _Axes:
    """The scatter's plotting box: facility 0–1 across, corrected r from -1 to 1 up."""

    left: float
    bottom: float
    right: float
    top: float

    def x_of(self, f: float) -> float:
        return self.left + (self.right - self.left) * f

    def y_of(self, r: float) -> float:  # r from -1 to 1
        return self.bottom + (self.top - self.bottom) * (r + 1) / 2


def _scatter(kit: Kit, report: ClassReport) -> Drawing:
    s = kit.styles
    glyphs = kit.markup.glyphs
    width, height = kit.width, 190.0
    axes = _Axes(34.0, 24.0, width - 10, height - 8)
    drawing = Drawing(width, height)
    _draw_axes(drawing, axes, s.sans, glyphs)
    for index, item in enumerate(report.analysis.items):
        if item.facility is None or item.r_corrected is None:
            continue
        x, y = axes.x_of(item.facility), axes.y_of(item.r_corrected)
        colour = ACCENT if item.flags else NAVY
        drawing.add(Circle(x, y, 2.6, fillColor=colour, strokeColor=None))
        draw_text(drawing, x + 4, y + 2, _label(index), s.sans, 6.4, glyphs, color=colour)
    return drawing


def _draw_axes(drawing: Drawing, axes: _Axes, font: str, glyphs: Glyphs) -> None:
    """The box, the scales, the r = 0.2 and r = 0 lines and the caption below."""
    left, bottom, right, top = axes.left, axes.bottom, axes.right, axes.top
    drawing.add(
        Rect(
            left,
            bottom,
            right - left,
            top - bottom,
            fillColor=None,
            strokeColor=RULE,
            strokeWidth=0.6,
        )
    )
    for f in (0, 0.25, 0.5, 0.75, 1):
        text = f"{f * 100:.0f} %"
        draw_text(drawing, axes.x_of(f), bottom - 10, text, font, 6.6, glyphs, "middle", color=GREY)
    for r in (-1, -0.5, 0, 0.2, 0.5, 1):
        draw_text(
            drawing, left - 4, axes.y_of(r) - 2, f"{r:g}", font, 6.6, glyphs, "end", color=GREY
        )
    y_low = axes.y_of(0.2)
    drawing.add(
        Line(left, y_low, right, y_low, strokeColor=RULE, strokeDashArray=(2, 2), strokeWidth=0.5)
    )
    drawing.add(Line(left, axes.y_of(0), right, axes.y_of(0), strokeColor=GREY, strokeWidth=0.5))
    draw_text(
        drawing,
        (left + right) / 2,
        2,
        "facility (share of the class right)",
        font,
        6.8,
        glyphs,
        anchor="middle",
        color=INK,
    )


def _flagged(kit: Kit, report: ClassReport) -> list[Flowable]:
    s = kit.styles
    index = {item.item.id: i for i, item in enumerate(report.analysis.items)}
    flagged = report.analysis.flagged
    if not flagged:
        return [kit.para("No question is flagged.", s.body)]
    rows = [
        [
            kit.para(f"{_label(index[i.item.id])} {i.item.id}", s.cell),
            kit.para(i.item.prompt, s.cell),
            kit.para(
                f"{_pct(i.facility)} · D {_num(i.discrimination)} · r {_num(i.r_corrected)}", s.cell
            ),
            kit.para("; ".join(i.flags), s.cell),
        ]
        for i in flagged
    ]
    return [
        kit.table(("Question", "Prompt", "Facility · D · r", "Why"), rows, (0.14, 0.34, 0.18, 0.34))
    ]


def _facts(kit: Kit, report: ClassReport) -> list[Flowable]:
    s = kit.styles
    if not report.facts:
        return [kit.para("No question of the set names a fact.", s.body)]
    rows = [
        [
            kit.para(_pct(line.share.share), s.cell),
            kit.para(
                line.reteach
                if line.share.share < 0.7
                else f"{line.section + ' — ' if line.section else ''}{line.name}",
                s.cell,
            ),
            kit.para(str(line.share.questions), s.cell),
        ]
        for line in report.facts
    ]
    return [
        kit.para(
            "Weakest first. Below 70 % right, the fact is marked for re-teaching, "
            "with the brief section that teaches it.",
            s.note,
        ),
        kit.table(("Right", "Fact (brief section — fact)", "Questions"), rows, (0.1, 0.75, 0.15)),
    ]


def _options(item: ItemStats) -> str:
    return " · ".join(
        f"{'✔ ' if o.is_key else ''}{o.option}: {o.count} (r {_num(o.r)})" for o in item.options
    )


def _questions(kit: Kit, report: ClassReport) -> Flowable:
    s = kit.styles
    rows = []
    for index, item in enumerate(report.analysis.items):
        detail = item.item.prompt + (f"\n{_options(item)}" if item.options else "")
        rows.append(
            [
                kit.para(_label(index), s.cell),
                kit.para(detail, s.cell),
                kit.para(str(item.n), s.cell),
                kit.para(_pct(item.facility), s.cell),
                kit.para(_num(item.discrimination), s.cell),
                kit.para(_num(item.r_corrected), s.cell),
            ]
        )
    return kit.table(
        ("", "Question (options: count, r)", "n", "Facility", "D 27 %", "r"),
        rows,
        (0.06, 0.58, 0.06, 0.1, 0.1, 0.1),
    )


def _answers(kit: Kit, report: ClassReport) -> list[Flowable]:
    s = kit.styles
    marks = answer_marks(report)
    if not marks:
        return [kit.para("No finished runs yet.", s.body)]
    k = len(report.results.items)
    rows = [
        [
            kit.para(name, s.cell),
            kit.para(" ".join(f"{_label(i)} {m}" for i, m in enumerate(row)), s.cell),
        ]
        for name, row in marks
    ]
    return [
        kit.para(
            f"✓ right · ½ partly right · ✗ wrong or not answered · – not asked ({k} questions)",
            s.note,
        ),
        kit.table(("Student", "Answers"), rows, (0.25, 0.75)),
    ]
