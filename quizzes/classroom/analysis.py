"""Item analysis of a class's answers to one set: pure statistics, no I/O.

Each student contributes one run; each answer is a score between 0 and 1 (the question's
score over its points). The statistics are the classical ones teachers meet in Moodle's
quiz statistics and Canvas's item analysis:

- facility: the mean score of an item;
- discrimination: the mean of the upper 27 % of the class (by total) minus the lower 27 %,
  and the corrected point-biserial, the correlation of the item score with the total
  *without* that item (so an item does not correlate with itself);
- per option of a choice question: how many chose it and its correlation with the total;
- per set: mean, median, standard deviation (n - 1), KR-20 (every item scored 0/1) or
  Cronbach's α (partial credit), and the standard error of measurement SD·√(1 − α).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import field
from operator import mul
from typing import Any

from seeds.frozen import record

MEANINGFUL_FROM = 5
"""Below this many students the statistics are shown as not meaningful yet."""

GROUP_SHARE = 0.27
RARE_OPTION = 0.05
POSITIVE_WRONG = 0.05  # a wrong option's r from here up is flagged (below: noise)


@record
class Item:
    """A question as the analysis needs it."""

    id: str
    prompt: str
    type: str
    fact: str | None = None
    options: tuple[str, ...] = ()  # choice and truefalse questions: every option shown
    keys: tuple[str, ...] = ()  # the right option(s)
    notes: tuple[str, ...] = ()  # flags known from the data (e.g. the set changed since)


@record
class Response:
    score: float  # 0..1
    answer: Any = None


@record
class OptionStats:
    option: str
    is_key: bool
    count: int
    share: float
    r: float | None  # chosen (0/1) against the total without this item


@record
class ItemStats:
    item: Item
    n: int  # students who were asked it
    facility: float | None
    discrimination: float | None  # upper - lower 27 %
    r_corrected: float | None
    options: tuple[OptionStats, ...] = ()
    flags: tuple[str, ...] = ()


@record
class SetStats:
    students: int
    mean: float | None  # of totals, in items (each item counts 1)
    median: float | None
    sd: float | None
    reliability: float | None  # KR-20 or Cronbach's alpha
    reliability_name: str
    sem: float | None
    items_in_reliability: int

    @property
    def meaningful(self) -> bool:
        return self.students >= MEANINGFUL_FROM


@record
class Analysis:
    summary: SetStats
    items: tuple[ItemStats, ...]
    totals: dict[str, float] = field(default_factory=dict)

    @property
    def flagged(self) -> list[ItemStats]:
        return [i for i in self.items if i.flags]


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r; None when either side does not vary (or fewer than 2 pairs)."""
    n = len(xs)
    if n < 2 or n != len(ys):
        return None
    mx, my = math.fsum(xs) / n, math.fsum(ys) / n
    dx = [x - mx for x in xs]
    dy = [y - my for y in ys]
    sxy = math.fsum(map(mul, dx, dy))
    sxx = math.fsum(map(mul, dx, dx))
    syy = math.fsum(map(mul, dy, dy))
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def group_size(students: int) -> int:
    """Students in each of the upper and lower groups: 27 % of the class, at least one."""
    return max(1, round(GROUP_SHARE * students))


def analyse(items: Sequence[Item], responses: Mapping[str, Mapping[str, Response]]) -> Analysis:
    """``responses`` maps each student to their answers by question id; a question missing
    from a student's map was not asked of them (an unanswered one is a Response of 0)."""
    students = list(responses)
    totals = {s: math.fsum(r.score for r in responses[s].values()) for s in students}
    ranked = sorted(students, key=lambda s: (-totals[s], s))
    size = group_size(len(students))
    upper, lower = set(ranked[:size]), set(ranked[-size:])
    stats = tuple(_item(item, responses, totals, upper, lower) for item in items)
    return Analysis(_summary(items, responses, totals), stats, totals)


def _item(
    item: Item,
    responses: Mapping[str, Mapping[str, Response]],
    totals: Mapping[str, float],
    upper: set[str],
    lower: set[str],
) -> ItemStats:
    # Each student's response to the item, in one look-up each.
    looked_up = ((s, row.get(item.id)) for s, row in responses.items())
    given = [(s, r) for s, r in looked_up if r is not None]
    asked = [s for s, _ in given]
    scores = [r.score for _, r in given]
    rest = [totals[s] - r.score for s, r in given]
    if not asked:
        return ItemStats(item, 0, None, None, None, flags=(*item.notes, "nobody was asked it"))
    facility = math.fsum(scores) / len(scores)
    up = [r.score for s, r in given if s in upper]
    low = [r.score for s, r in given if s in lower]
    discrimination = (
        math.fsum(up) / len(up) - math.fsum(low) / len(low)
        if up and low and len(asked) >= 2
        else None
    )
    r = pearson(scores, rest)
    picked = _picked(item.options, [r.answer for _, r in given])
    options = tuple(_option(item, o, picked[o], len(asked), rest) for o in item.options)
    return ItemStats(
        item,
        len(asked),
        facility,
        discrimination,
        r,
        options,
        (*item.notes, *_flags(facility, r, options, len(asked))),
    )


def _picked(options: Sequence[str], answers: Sequence[Any]) -> dict[str, list[int]]:
    """For each option, the positions of the answers that chose it: one pass over the
    answers, each looking up only what it chose (not every option in every answer)."""
    picked: dict[str, list[int]] = {option: [] for option in options}
    for n, answer in enumerate(answers):
        if isinstance(answer, bool):
            chosen: Any = ("True" if answer else "False",)
        elif isinstance(answer, list | tuple):
            chosen = dict.fromkeys(a for a in answer if isinstance(a, str))
        else:
            chosen = (answer,) if isinstance(answer, str) else ()
        for option in chosen:
            if option in picked:
                picked[option].append(n)
    return picked


def _option(
    item: Item, option: str, chosen_by: list[int], n: int, rest: list[float]
) -> OptionStats:
    chose = [0.0] * n
    for index in chosen_by:
        chose[index] = 1.0
    count = len(chosen_by)
    return OptionStats(
        option,
        option in item.keys,
        count,
        count / n if n else 0.0,
        pearson(chose, rest),
    )


def _flags(
    facility: float, r: float | None, options: Sequence[OptionStats], n: int
) -> tuple[str, ...]:
    flags: list[str] = []
    if n < MEANINGFUL_FROM:
        return ()
    if facility < 0.2:
        flags.append("very hard: most of the class missed it (re-teach it, or check the key)")
    if r is not None and r < 0:
        flags.append(
            f"negative discrimination (r = {r:.2f}): the stronger students missed it "
            "more; check the key and the wording"
        )
    elif r is not None and r < 0.2 and facility <= 0.95:
        flags.append(f"weak discrimination (r = {r:.2f})")
    for option in options:
        if option.is_key:
            continue
        if option.share < RARE_OPTION:
            flags.append(
                f"option “{option.option}” chosen by under 5 % "
                f"({option.count} of {n}): no student believes it"
            )
        elif option.r is not None and option.r >= POSITIVE_WRONG:
            flags.append(
                f"wrong option “{option.option}” goes with higher totals "
                f"(r = {option.r:.2f}): a wrong key or an ambiguous question"
            )
    return tuple(flags)


def _summary(
    items: Sequence[Item],
    responses: Mapping[str, Mapping[str, Response]],
    totals: Mapping[str, float],
) -> SetStats:
    students = list(responses)
    values = [totals[s] for s in students]
    mean = statistics.fmean(values) if values else None
    median = statistics.median(values) if values else None
    sd = statistics.stdev(values) if len(values) >= 2 else None
    # Reliability needs one score per student for each item: the items every student was
    # asked (a run of --count N asks only some).
    common = [i.id for i in items if students and all(i.id in responses[s] for s in students)]
    matrix = [[responses[s][q].score for q in common] for s in students]
    dichotomous = {v for row in matrix for v in row} <= {0.0, 1.0}
    alpha = cronbach_alpha(matrix)
    name = "KR-20" if dichotomous else "Cronbach's α"
    sem = sd * math.sqrt(1 - alpha) if sd is not None and alpha is not None and alpha <= 1 else None
    return SetStats(len(students), mean, median, sd, alpha, name, sem, len(common))


def cronbach_alpha(matrix: Sequence[Sequence[float]]) -> float | None:
    """α = k/(k−1) · (1 − Σ var(item) / var(total)); for 0/1 items this is KR-20 (Σ p·q).
    None with fewer than 2 items or 2 students, or when totals do not vary."""
    if len(matrix) < 2 or not matrix[0] or len(matrix[0]) < 2:
        return None
    k = len(matrix[0])
    columns = list(zip(*matrix, strict=True))
    item_var = math.fsum(statistics.pvariance(c) for c in columns)
    total_var = statistics.pvariance([math.fsum(row) for row in matrix])
    if total_var <= 1e-12:
        return None
    return k / (k - 1) * (1 - item_var / total_var)


@record
class FactShare:
    fact: str
    questions: int
    share: float  # mean score over every answer to its questions


def fact_shares(analysis: Analysis) -> list[FactShare]:
    """Per fact, the share of the class that got its questions right, weakest first."""
    sums: dict[str, list[float]] = {}
    for item in analysis.items:
        if item.item.fact is None or item.facility is None:
            continue
        entry = sums.setdefault(item.item.fact, [0.0, 0.0, 0.0])
        entry[0] += item.facility * item.n
        entry[1] += item.n
        entry[2] += 1
    shares = [FactShare(f, int(q), total / n) for f, (total, n, q) in sums.items() if n]
    return sorted(shares, key=lambda f: (f.share, f.fact))
