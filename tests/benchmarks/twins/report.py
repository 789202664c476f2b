"""The class report's bare twin: sqlite3, PyYAML and reportlab alone, the item analysis of
one set as a CSV and a PDF of the report's shape.

It reads every run and every answer of the progress database (store format 6: each answer
names its grading key by digest in answer_keys), decodes each answer's JSON and each
distinct key's JSON once, takes each student's first finished run of the set that is not a
retry, and works out per question the facility, the upper − lower 27 % discrimination, the
corrected point-biserial, and per option its count and its correlation with the total
without the question; for the set the mean, median, standard deviation, KR-20 (or
Cronbach's α) and SEM; then the same flags, the share right per fact and per fact kind.

The set benchmarked is a pack's automatic set, made from the pack at run time, with no
YAML file of its own: the questions (their ids, types, prompts, facts, choices and
answers) are read from the grading keys the answers carry (quizzes/answerkey.py's
key_of), so questions nobody was asked are not listed (the report lists them, with no
numbers), and they come in the pack's fact order rather than the set's. The pack's YAML
gives the facts' kinds and names, for the table of facts and the chart by kind.

The PDF: A4, the same TrueType faces (DejaVu Serif and Sans: regular, bold, italic), a
band on the first page and a "Page X of Y" footer, the title, the set's statistics as a
table, a facility × discrimination scatter and a bar per fact kind (reportlab.graphics
shapes), the flagged questions, the facts weakest first and every question with its
options, in Paragraphs and Tables styled as the report's. No validation: it trusts the
database. Run as `report.py DB PACK.yaml OUT.pdf OUT.csv`: the twin of a whole
`quiz report SET -o OUT.pdf --csv OUT.csv` process.
"""

from __future__ import annotations

import csv
import json
import math
import os
import sqlite3
import statistics
import sys
from datetime import UTC, datetime
from xml.sax.saxutils import escape

import yaml
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib.colors import HexColor
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

GROUP_SHARE, RARE_OPTION, POSITIVE_WRONG = 0.27, 0.05, 0.05
KINDS = (
    ("figures", "Figures", "Key figures", "label"),
    ("actors", "Actors", "Actors and positions", "name"),
    ("arguments", "Arguments", "Arguments", "claim"),
    ("events", "Events", "Timeline", "title"),
    ("terms", "Terms", "Glossary", "term"),
)

# Reading ------------------------------------------------------------------------------


def read_class(db: str, set_id: str) -> tuple[str, dict[str, dict], dict[str, dict]]:
    """The set's title, its questions' keys by question id (in the order first met), and
    each counted student's answers by question id: (score from 0 to 1, answer)."""
    con = sqlite3.connect(db)
    runs = con.execute(
        "SELECT id, set_id, set_title, student, uid, only_ids, started, finished FROM runs "
        "ORDER BY started, id"
    ).fetchall()
    rows = con.execute(
        "SELECT run_id, question_id, position, answer, correct, score, points, answered_at, "
        "key_digest FROM answers"
    ).fetchall()
    digests = sorted({row[8] for row in rows if row[8] is not None})
    marks = ",".join("?" * len(digests))
    keys = {
        digest: json.loads(text)
        for digest, text in con.execute(
            f"SELECT digest, key FROM answer_keys WHERE digest IN ({marks})", digests
        )
    }
    con.close()
    by_run: dict[int, list] = {}
    for row in rows:
        by_run.setdefault(row[0], []).append(row)
    title = ""
    counted: dict[str, int] = {}  # each student's first finished run that is not a retry
    mine = sorted((r for r in runs if r[1] == set_id), key=lambda r: (r[6], r[4]))
    for run_id, _, set_title, student, _, only, _, finished in mine:
        title = set_title
        if only is None and finished is not None and student not in counted:
            counted[student] = run_id
    questions: dict[str, dict] = {}
    responses: dict[str, dict] = {}
    for student, run_id in counted.items():
        row = {}
        for _, question, _, answer, _, score, points, _, digest in sorted(
            by_run.get(run_id, ()), key=lambda a: a[2]
        ):
            if question not in questions:
                questions[question] = keys[digest]
            points = float(points)
            row[question] = (float(score) / points if points else 0.0, json.loads(answer))
        responses[student] = row
    return title, questions, responses


def read_pack(path: str) -> tuple[dict, dict[str, tuple[str, str, str, int]]]:
    """The pack, and by fact id: (kind name, brief section, the fact's name, its place in
    the pack)."""
    with open(path, "rb") as f:
        pack = yaml.load(f, Loader=yaml.CSafeLoader)
    facts = {}
    for kind, name, section, field in KINDS:
        for fact in pack.get(kind) or ():
            shown = str(fact[field])
            if kind == "figures":
                value = str(fact["value"])
                amount = f"{int(value):,}" if value.isdigit() else value
                shown += f": {amount} {fact.get('unit') or ''}".rstrip()
            facts[fact["id"]] = (name, section, shown, len(facts))
    return pack, facts | {"": ("", "", "", len(facts))}


# Statistics -----------------------------------------------------------------------------


def options_of(key: dict) -> tuple[list[str], list[str]]:
    kind = key["type"]
    if kind == "choice":
        return key["choices"], [key["answer"]]
    if kind == "multi":
        return key["choices"], key["answers"]
    if kind == "truefalse":
        return ["True", "False"], ["True" if key["answer"] else "False"]
    return [], []


def pearson(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sxx = syy = 0.0
    for x, y in zip(xs, ys, strict=True):
        dx, dy = x - mx, y - my
        sxy += dx * dy
        sxx += dx * dx
        syy += dy * dy
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def chose(answer: object, option: str) -> bool:
    if isinstance(answer, bool):
        return option == ("True" if answer else "False")
    if isinstance(answer, list):
        return option in answer
    return answer == option


def analyse(questions: dict[str, dict], responses: dict[str, dict]) -> tuple[dict, list[dict]]:
    students = list(responses)
    totals = {s: math.fsum(score for score, _ in responses[s].values()) for s in students}
    ranked = sorted(sorted(students), key=totals.__getitem__, reverse=True)
    size = max(1, round(GROUP_SHARE * len(students)))
    upper, lower = set(ranked[:size]), set(ranked[-size:])
    items, common = [], []
    for qid, key in questions.items():
        scores, rest, answers, up, low = [], [], [], [], []
        for s in students:
            got = responses[s].get(qid)
            if got is None:
                continue
            scores.append(got[0])
            rest.append(totals[s] - got[0])
            answers.append(got[1])
            if s in upper:
                up.append(got[0])
            if s in lower:
                low.append(got[0])
        n = len(scores)
        facility = sum(scores) / n
        discrimination = sum(up) / len(up) - sum(low) / len(low) if up and low else None
        r = pearson(scores, rest)
        choices, right = options_of(key)
        options = []
        for option in choices:
            mask = [1.0 if chose(a, option) else 0.0 for a in answers]
            count = int(sum(mask))
            options.append((option, option in right, count, count / n, pearson(mask, rest)))
        items.append(
            {
                "id": qid,
                "key": key,
                "n": n,
                "facility": facility,
                "discrimination": discrimination,
                "r": r,
                "options": options,
                "flags": flags(facility, r, options, n),
            }
        )
        if n == len(students):
            common.append(scores)
    values = [totals[s] for s in students]
    sd = statistics.stdev(values)
    alpha = None
    if len(common) >= 2:
        total_var = statistics.pvariance([math.fsum(c) for c in zip(*common, strict=True)])
        item_var = math.fsum(statistics.pvariance(c) for c in common)
        k = len(common)
        alpha = k / (k - 1) * (1 - item_var / total_var) if total_var > 1e-12 else None
    summary = {
        "students": len(students),
        "mean": statistics.fmean(values),
        "median": statistics.median(values),
        "sd": sd,
        "reliability": alpha,
        "name": "KR-20" if set().union(*common) <= {0.0, 1.0} else "Cronbach's α",
        "sem": sd * math.sqrt(1 - alpha) if alpha is not None and alpha <= 1 else None,
        "common": len(common),
    }
    return summary, items


def flags(facility: float, r: float | None, options: list, n: int) -> list[str]:
    found = []
    if n < 5:
        return found
    if facility < 0.2:
        found.append("very hard: most of the class missed it (re-teach it, or check the key)")
    if r is not None and r < 0:
        found.append(
            f"negative discrimination (r = {r:.2f}): the stronger students missed it more; "
            "check the key and the wording"
        )
    elif r is not None and r < 0.2 and facility <= 0.95:
        found.append(f"weak discrimination (r = {r:.2f})")
    for option, is_key, count, share, option_r in options:
        if is_key:
            continue
        if share < RARE_OPTION:
            found.append(
                f"option “{option}” chosen by under 5 % ({count} of {n}): no student believes it"
            )
        elif option_r is not None and option_r >= POSITIVE_WRONG:
            found.append(
                f"wrong option “{option}” goes with higher totals (r = {option_r:.2f}): "
                "a wrong key or an ambiguous question"
            )
    return found


def by_fact(items: list[dict], facts: dict) -> tuple[list[tuple], list[tuple[str, float]]]:
    """Per fact (weakest first): share right, questions; per fact kind: mean facility."""
    sums: dict[str, list[float]] = {}
    kinds: dict[str, list[float]] = {}
    for item in items:
        fact = item["key"].get("fact")
        if fact is None:
            continue
        entry = sums.setdefault(fact, [0.0, 0.0, 0])
        entry[0] += item["facility"] * item["n"]
        entry[1] += item["n"]
        entry[2] += 1
        if fact in facts:
            kinds.setdefault(facts[fact][0], []).append(item["facility"])
    shares = sorted((total / n, fact, q) for fact, (total, n, q) in sums.items() if n)
    return shares, [(k, sum(v) / len(v)) for k, v in kinds.items()]


# CSV --------------------------------------------------------------------------------------


def number(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_csv(path: str, set_id: str, items: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(
            (
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
        )
        for item in items:
            key = item["key"]
            options = "; ".join(
                f"{'*' if is_key else ''}{o}: {count} (r={number(r) or 'n/a'})"
                for o, is_key, count, _, r in item["options"]
            )
            writer.writerow(
                [cell(c) for c in (set_id, item["id"], key["type"], key["fact"] or "")]
                + [cell(key["prompt"]), str(item["n"]), number(item["facility"])]
                + [number(item["discrimination"]), number(item["r"]), cell(options)]
                + [cell(" | ".join(item["flags"]))]
            )


# PDF --------------------------------------------------------------------------------------

FACES = {
    "Serif": "DejaVuSerif.ttf",
    "Serif-Bold": "DejaVuSerif-Bold.ttf",
    "Serif-Italic": "DejaVuSerif-Italic.ttf",
    "Sans": "DejaVuSans.ttf",
    "Sans-Bold": "DejaVuSans-Bold.ttf",
    "Sans-Oblique": "DejaVuSans-Oblique.ttf",
}
NAVY, ACCENT, INK = HexColor("#1F3A5F"), HexColor("#A8322D"), HexColor("#1D2329")
GREY, RULE, STRIPE = HexColor("#59636E"), HexColor("#B9C3CE"), HexColor("#F6F8FA")
WHITE = HexColor("#FFFFFF")
WIDTH, HEIGHT = A4
MARGIN, TOP, BOTTOM, BAND = 17 * mm, 16 * mm, 17 * mm, 9 * mm
INNER = WIDTH - 2 * MARGIN


def register_fonts() -> None:
    found: dict[str, str] = {}
    for root, _dirs, files in os.walk("/usr/share/fonts"):
        for name in files:
            found.setdefault(name, os.path.join(root, name))
    for face, file in FACES.items():
        pdfmetrics.registerFont(TTFont(face, found[file]))
    families = (("Serif", "Serif-Bold", "Serif-Italic"), ("Sans", "Sans-Bold", "Sans-Oblique"))
    for family, bold, italic in families:
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, italic)
        addMapping(family, 1, 1, bold)


def style(name: str, font: str, size: float, leading: float, **extra: object) -> ParagraphStyle:
    extra.setdefault("textColor", INK)
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, **extra)  # type: ignore[arg-type]


S = {
    "title": style("title", "Serif-Bold", 19, 23, textColor=NAVY, spaceAfter=5),
    "dek": style("dek", "Sans", 8.5, 11.5, textColor=GREY, spaceAfter=1),
    "heading": style(
        "heading", "Sans-Bold", 11.5, 14, textColor=NAVY, spaceBefore=10, spaceAfter=6
    ),
    "sub": style("sub", "Sans-Bold", 8.5, 11, textColor=NAVY, spaceBefore=2, spaceAfter=3),
    "caption": style("caption", "Sans", 7.2, 9.2, textColor=GREY, spaceAfter=1),
    "note": style("note", "Sans", 7.6, 9.8, textColor=GREY, spaceAfter=5),
    "cell": style("cell", "Sans", 7.6, 9.6),
    "head": style("head", "Sans-Bold", 7.6, 9.6, textColor=WHITE),
}
S["heading"].keepWithNext = S["sub"].keepWithNext = 1


def para(text: str, name: str) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), S[name])


class Heading(Paragraph):
    """A heading with a rule under it that bookmarks itself in the outline."""

    def draw(self) -> None:
        title = self.text
        self.canv.bookmarkHorizontal(title, 0, self.height + 4)
        self.canv.addOutlineEntry(title, title, level=0, closed=False)
        self.canv.saveState()
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, -3, self.width, -3)
        self.canv.restoreState()
        super().draw()


def table(header: list[str], rows: list[list[str]], widths: list[float]) -> Table:
    cells = [[para(h, "head") for h in header]] + [[para(c, "cell") for c in r] for r in rows]
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), STRIPE) for r in range(2, len(rows) + 1, 2)]
    return Table(
        cells,
        colWidths=[INNER * w for w in widths],
        repeatRows=1,
        splitInRow=1,
        style=commands,
        hAlign="LEFT",
    )


def text(drawing: Drawing, x: float, y: float, s: str, size: float, **extra: object) -> None:
    extra.setdefault("fontName", "Sans")
    drawing.add(String(x, y, s, fontSize=size, **extra))


def scatter(items: list[dict]) -> Drawing:
    """Facility across, corrected r (-1 to 1) up: a dot and a label per question."""
    height = 190.0
    left, bottom, right, top = 34.0, 24.0, INNER - 10, height - 8
    drawing = Drawing(INNER, height)

    def x_of(f: float) -> float:
        return left + (right - left) * f

    def y_of(r: float) -> float:
        return bottom + (top - bottom) * (r + 1) / 2

    box = Rect(left, bottom, right - left, top - bottom, fillColor=None, strokeColor=RULE)
    drawing.add(box)
    for f in (0, 0.25, 0.5, 0.75, 1):
        text(drawing, x_of(f), bottom - 10, f"{f * 100:.0f} %", 6.6, textAnchor="middle")
    for r in (-1, -0.5, 0, 0.2, 0.5, 1):
        text(drawing, left - 4, y_of(r) - 2, f"{r:g}", 6.6, textAnchor="end", fillColor=GREY)
    drawing.add(Line(left, y_of(0.2), right, y_of(0.2), strokeColor=RULE, strokeDashArray=(2, 2)))
    drawing.add(Line(left, y_of(0), right, y_of(0), strokeColor=GREY, strokeWidth=0.5))
    caption = "facility (share of the class right)"
    text(drawing, (left + right) / 2, 2, caption, 6.8, textAnchor="middle")
    for index, item in enumerate(items):
        if item["r"] is None:
            continue
        x, y = x_of(item["facility"]), y_of(item["r"])
        colour = ACCENT if item["flags"] else NAVY
        drawing.add(Circle(x, y, 2.6, fillColor=colour, strokeColor=None))
        text(drawing, x + 4, y + 2, f"Q{index + 1}", 6.4, fillColor=colour)
    return drawing


def bars(kinds: list[tuple[str, float]]) -> Drawing:
    """A labelled bar per fact kind, on a scale of 0 to 100 % with a rule every step."""
    label_width, row, gap, axis = INNER * 0.36, 12.0, 9.0, 14.0
    plot_x = label_width + 8
    height = (row + gap) * len(kinds) + axis
    drawing = Drawing(INNER, height)
    top = max(share for _, share in kinds) * 100
    step = next(m * 10 for m in (1, 2, 2.5, 5, 10) if m * 10 >= top / 5)
    scale_top = step * math.ceil(top / step)
    length = (INNER - plot_x - 40) / scale_top
    tick = 0.0
    while tick <= scale_top:
        x = plot_x + length * tick
        drawing.add(Line(x, axis - 2, x, height, strokeColor=RULE, strokeWidth=0.4))
        text(drawing, x, axis - 10, f"{tick:,.0f}", 6.6, textAnchor="middle", fillColor=GREY)
        tick += step
    y = height
    for name, share in kinds:
        y -= row + gap / 2
        centre = y + row / 2
        text(drawing, label_width, centre - 7.6 * 0.35, name, 7.6, textAnchor="end")
        bar = length * share * 100
        drawing.add(Rect(plot_x, centre - row / 2, bar, row, fillColor=NAVY, strokeColor=None))
        shown = f"{share * 100:.0f} %"
        text(drawing, plot_x + bar + 4, centre - 7.6 * 0.35, shown, 7.6, fontName="Sans-Bold")
        y -= gap / 2
    drawing.add(Line(plot_x, axis - 2, plot_x, height, strokeColor=INK, strokeWidth=0.8))
    return drawing


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f} %"


def num(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def story(report: dict) -> list:
    summary, items, facts = report["summary"], report["items"], report["facts"]
    shares, kinds, k = report["shares"], report["kinds"], len(report["items"])
    made = datetime.now(UTC)
    flow: list = [
        para(f"Class report: {report['title']}", "title"),
        para(
            f"{summary['students']} students · {k} questions · pack: {report['pack']} · "
            f"made {made:%Y-%m-%d %H:%M %Z}",
            "dek",
        ),
        para(
            "Each student counts once, with their first finished run of the set "
            "(retries and unfinished runs are left out).",
            "dek",
        ),
        Heading("The set", S["heading"]),
    ]
    reliability = num(summary["reliability"])
    if summary["common"] < k:
        reliability += f" (over the {summary['common']} questions every student was asked)"
    rows = [
        ["Students", str(summary["students"])],
        ["Mean score", f"{num(summary['mean'], 1)} of {k}"],
        ["Median", f"{num(summary['median'], 1)} of {k}"],
        ["Standard deviation", num(summary["sd"])],
        [summary["name"], reliability],
        ["Standard error of measurement", num(summary["sem"])],
    ]
    flow.append(table(["Statistic", "Value"], rows, [0.45, 0.55]))
    flow += [
        Heading("Questions at a glance", S["heading"]),
        KeepTogether(
            [
                para(
                    "Facility × discrimination (corrected point-biserial); each dot is a question",
                    "sub",
                ),
                scatter(items),
                para(
                    "Good questions sit upper middle. Low r: the question does not tell who "
                    "knows from who does not; below 0: check the key.",
                    "caption",
                ),
            ]
        ),
        Spacer(1, 4),
        KeepTogether(
            [
                para("Share right by fact kind", "sub"),
                bars(kinds),
                Spacer(1, 3),
                para("; ".join(f"{n} {v * 100:.0f} %" for n, v in kinds), "caption"),
                para("From the class's answers.", "caption"),
            ]
        ),
        Spacer(1, 2),
        Heading("Flagged questions", S["heading"]),
    ]
    index = {item["id"]: n for n, item in enumerate(items)}
    flagged = [
        [
            f"Q{index[i['id']] + 1} {i['id']}",
            i["key"]["prompt"],
            f"{pct(i['facility'])} · D {num(i['discrimination'])} · r {num(i['r'])}",
            "; ".join(i["flags"]),
        ]
        for i in items
        if i["flags"]
    ]
    if flagged:
        header = ["Question", "Prompt", "Facility · D · r", "Why"]
        flow.append(table(header, flagged, [0.14, 0.34, 0.18, 0.34]))
    else:
        flow.append(para("No question is flagged.", "note"))
    flow.append(Heading("What the class missed, by fact", S["heading"]))
    flow.append(
        para(
            "Weakest first. Below 70 % right, the fact is marked for re-teaching, with the "
            "brief section that teaches it.",
            "note",
        )
    )
    lines = []
    for share, fact, questions in shares:
        _, section, name, _ = facts.get(fact, ("", "", fact, 0))
        where = f"{section} — {name}" if section else name
        lines.append([pct(share), f"re-teach: {where}" if share < 0.7 else where, str(questions)])
    header = ["Right", "Fact (brief section — fact)", "Questions"]
    flow.append(table(header, lines, [0.1, 0.75, 0.15]))
    flow.append(Heading("Every question", S["heading"]))
    rows = []
    for n, item in enumerate(items):
        detail = item["key"]["prompt"]
        if item["options"]:
            detail += "\n" + " · ".join(
                f"{'✔ ' if is_key else ''}{o}: {count} (r {num(r)})"
                for o, is_key, count, _, r in item["options"]
            )
        rows.append(
            [
                f"Q{n + 1}",
                detail,
                str(item["n"]),
                pct(item["facility"]),
                num(item["discrimination"]),
                num(item["r"]),
            ]
        )
    header = ["", "Question (options: count, r)", "n", "Facility", "D 27 %", "r"]
    flow.append(table(header, rows, [0.06, 0.58, 0.06, 0.1, 0.1, 0.1]))
    return flow


class Numbered(Canvas):
    """Fills in the page total ("of Y") once it is known, with a form drawn on each page."""

    def save(self) -> None:
        self.beginForm("total")
        self.setFillColor(GREY)
        self.setFont("Sans-Bold", 7)
        self.drawString(0, 0, str(self.getPageNumber() - 1))
        self.endForm()
        super().save()


def fitted(s: str, font: str, size: float, room: float) -> str:
    while pdfmetrics.stringWidth(s, font, size) > room:
        s = s[:-2] + "…"
    return s


def write_pdf(path: str, report: dict) -> None:
    register_fonts()
    footer_text = f"{report['title']} · {report['set_id']}"

    def band(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(NAVY)
        canvas.rect(MARGIN, HEIGHT - TOP - BAND, INNER, BAND, stroke=0, fill=1)
        canvas.setFillColor(WHITE)
        baseline = HEIGHT - TOP - BAND / 2 - 3
        canvas.setFont("Sans-Bold", 8.5)
        canvas.drawString(MARGIN + 8, baseline, "CLASS REPORT")
        canvas.setFont("Sans", 8)
        right = fitted(report["pack"], "Sans", 8, (INNER - 16) * 0.5)
        canvas.drawRightString(WIDTH - MARGIN - 8, baseline, right)
        canvas.restoreState()

    def footer(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, 10 * mm + 9, WIDTH - MARGIN, 10 * mm + 9)
        canvas.setFillColor(GREY)
        label = f"Page {canvas.getPageNumber()} of "
        canvas.setFont("Sans-Bold", 7)
        canvas.drawString(MARGIN, 10 * mm, label)
        label_width = pdfmetrics.stringWidth(label, "Sans-Bold", 7)
        canvas.saveState()
        canvas.translate(MARGIN + label_width, 10 * mm)
        canvas.doForm("total")
        canvas.restoreState()
        room = INNER - pdfmetrics.stringWidth(label + "000", "Sans-Bold", 7) - 14
        canvas.setFont("Sans", 7)
        canvas.drawRightString(WIDTH - MARGIN, 10 * mm, fitted(footer_text, "Sans", 7, room))
        canvas.restoreState()

    doc = BaseDocTemplate(
        path,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=f"Class report: {report['title']}",
        author="classbrief quiz report",
        subject=f"Item analysis of {report['set_id']}",
        creator="classbrief",
        invariant=1,
        pageCompression=1,
    )
    body = HEIGHT - TOP - BOTTOM
    frame = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    doc.addPageTemplates(
        [
            PageTemplate(
                "first",
                [Frame(MARGIN, BOTTOM, INNER, body - BAND - 6, id="first", **frame)],
                onPage=band,
                onPageEnd=footer,
                autoNextPageTemplate="later",
            ),
            PageTemplate(
                "later",
                [Frame(MARGIN, BOTTOM, INNER, body, id="later", **frame)],
                onPageEnd=footer,
            ),
        ]
    )
    doc.build(story(report), canvasmaker=Numbered)


# The whole command ------------------------------------------------------------------------


def main(db: str, pack_file: str, pdf: str, csv_file: str) -> None:
    pack, facts = read_pack(pack_file)
    set_id = pack["id"] + "-auto"  # the pack's automatic set
    title, questions, responses = read_class(db, set_id)
    place = {qid: facts.get(key.get("fact") or "", facts[""])[3] for qid, key in questions.items()}
    questions = dict(sorted(questions.items(), key=lambda q: place[q[0]]))
    summary, items = analyse(questions, responses)
    shares, kinds = by_fact(items, facts)
    write_csv(csv_file, set_id, items)
    report = {
        "set_id": set_id,
        "title": title,
        "pack": pack["title"],
        "summary": summary,
        "items": items,
        "facts": facts,
        "shares": shares,
        "kinds": kinds,
    }
    write_pdf(pdf, report)
    flagged = sum(1 for item in items if item["flags"])
    print(
        f"wrote {pdf} and {csv_file}: {summary['students']} student(s), {flagged} flagged "
        "question(s)"
    )


if __name__ == "__main__":
    main(*sys.argv[1:5])
