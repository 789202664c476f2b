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
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import field
from fractions import Fraction
from itertools import compress, repeat
from operator import attrgetter, eq, getitem, is_not, mul, sub
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
    if len(xs) < 2 or len(xs) != len(ys):
        return None
    return _Deviations(ys).pearson(xs)


class _Deviations:
    """One side of a correlation (the totals without an item), about its mean: worked out
    once for the item's r and every option's. Each sum is taken with ``math.fsum``, which
    is exact, so the order its terms come in cannot change a result."""

    def __init__(self, ys: Sequence[float]) -> None:
        self.n = len(ys)
        my = math.fsum(ys) / self.n if ys else 0.0
        self.dy = list(map(sub, ys, repeat(my)))
        self.syy = math.fsum(map(mul, self.dy, self.dy))

    def pearson(self, xs: Sequence[float]) -> float | None:
        """Pearson's r of ``xs`` (as many as the ys) with the ys."""
        if self.n < 2:
            return None
        mx = math.fsum(xs) / self.n
        dx = list(map(sub, xs, repeat(mx)))
        return self._r(math.fsum(map(mul, dx, self.dy)), math.fsum(map(mul, dx, dx)))

    def chosen(self, mask: Sequence[bool], count: int) -> float | None:
        """Pearson's r of "chose it" (1.0 where ``mask`` is true, ``count`` times; else
        0.0) with the ys: the numbers ``pearson`` works out for that 0/1 list, each
        product taken once per answer, without building the list."""
        if self.n < 2:
            return None
        mx = count / self.n
        one, zero = 1.0 - mx, 0.0 - mx
        sxy = math.fsum(map(mul, map(getitem, repeat((zero, one)), mask), self.dy))
        # The sum of count (one * one) and n - count (zero * zero), rounded once, as fsum
        # would give it from the n terms.
        sxx = float(count * Fraction(one * one) + (self.n - count) * Fraction(zero * zero))
        return self._r(sxy, sxx)

    def _r(self, sxy: float, sxx: float) -> float | None:
        if sxx <= 1e-12 or self.syy <= 1e-12:
            return None
        return max(-1.0, min(1.0, sxy / math.sqrt(sxx * self.syy)))


def group_size(students: int) -> int:
    """Students in each of the upper and lower groups: 27 % of the class, at least one."""
    return max(1, round(GROUP_SHARE * students))


_score = attrgetter("score")
_answer = attrgetter("answer")


class _Column:
    """One item's responses, in the order of the class (students not asked it left out):
    their scores, each student's total without it, the answers, and the scores of the
    students in the upper and in the lower group."""

    def __init__(
        self, got: Sequence[Response | None], totals: list[float], groups: _Groups
    ) -> None:
        asked = list(map(is_not, got, repeat(None)))
        upper: Iterable[bool] = groups.upper
        lower: Iterable[bool] = groups.lower
        if False in asked:  # not every student was asked it
            got, totals = list(compress(got, asked)), list(compress(totals, asked))
            upper, lower = compress(upper, asked), compress(lower, asked)
        self.scores: list[float] = list(map(_score, got))
        self.rest: list[float] = list(map(sub, totals, self.scores))
        self.answers: list[Any] = list(map(_answer, got))
        self.up = list(compress(self.scores, upper))
        self.low = list(compress(self.scores, lower))


class _Groups:
    """Whether each student (in the class's order) is in the upper and the lower group."""

    def __init__(self, students: list[str], totals: Mapping[str, float]) -> None:
        # Highest total first, ties by name: a stable sort by total after one by name.
        ranked = sorted(sorted(students), key=totals.__getitem__, reverse=True)
        size = group_size(len(students))
        upper, lower = set(ranked[:size]), set(ranked[-size:])
        self.upper = [s in upper for s in students]
        self.lower = [s in lower for s in students]


def analyse(items: Sequence[Item], responses: Mapping[str, Mapping[str, Response]]) -> Analysis:
    """``responses`` maps each student to their answers by question id; a question missing
    from a student's map was not asked of them (an unanswered one is a Response of 0)."""
    students = list(responses)
    rows = list(responses.values())
    totals = {
        s: math.fsum(map(_score, row.values())) for s, row in zip(students, rows, strict=True)
    }
    groups = _Groups(students, totals)
    in_order = [totals[s] for s in students]
    # Each student's row read once, for every item (not once per item).
    ids = [item.id for item in items]
    table = zip(*[list(map(row.get, ids)) for row in rows], strict=True) if rows else ()
    got = list(table) or [()] * len(items)
    columns = [_Column(by_item, in_order, groups) for by_item in got]
    stats = tuple(_item(item, column) for item, column in zip(items, columns, strict=True))
    return Analysis(_summary(columns, in_order), stats, totals)


def _item(item: Item, column: _Column) -> ItemStats:
    n = len(column.scores)
    if not n:
        return ItemStats(item, 0, None, None, None, flags=(*item.notes, "nobody was asked it"))
    facility = math.fsum(column.scores) / n
    up, low = column.up, column.low
    discrimination = (
        math.fsum(up) / len(up) - math.fsum(low) / len(low) if up and low and n >= 2 else None
    )
    rest = _Deviations(column.rest)
    r = rest.pearson(column.scores)
    masks = _choices(item.options, column.answers) if item.options else {}
    options = tuple(_option(item, o, masks[o], n, rest) for o in item.options)
    return ItemStats(
        item,
        n,
        facility,
        discrimination,
        r,
        options,
        (*item.notes, *_flags(facility, r, options, n)),
    )


def _choices(options: Sequence[str], answers: Sequence[Any]) -> dict[str, list[bool]]:
    """For each option, whether each answer chose it. Answers that are all texts (a choice
    question's; None where none was given) are compared with each option at once;
    others go through ``_picked``, one answer at a time."""
    if set(map(type, answers)) <= {str, type(None)}:
        return {option: list(map(eq, answers, repeat(option))) for option in options}
    masks: dict[str, list[bool]] = {}
    for option, positions in _picked(options, answers).items():
        masks[option] = mask = [False] * len(answers)
        for n in positions:
            mask[n] = True
    return masks


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


def _option(item: Item, option: str, mask: list[bool], n: int, rest: _Deviations) -> OptionStats:
    count = mask.count(True)
    return OptionStats(
        option,
        option in item.keys,
        count,
        count / n if n else 0.0,
        rest.chosen(mask, count),
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


def _summary(columns: Sequence[_Column], values: list[float]) -> SetStats:
    """The set's statistics from each student's total (in the class's order) and each
    item's column."""
    mean = statistics.fmean(values) if values else None
    median = statistics.median(values) if values else None
    sd = statistics.stdev(values) if len(values) >= 2 else None
    # Reliability needs one score per student for each item: the items every student was
    # asked (a run of --count N asks only some).
    common = [c.scores for c in columns if values and len(c.scores) == len(values)]
    dichotomous = set().union(*common) <= {0.0, 1.0}
    alpha = _alpha(common) if len(values) >= 2 and len(common) >= 2 else None
    name = "KR-20" if dichotomous else "Cronbach's α"
    sem = sd * math.sqrt(1 - alpha) if sd is not None and alpha is not None and alpha <= 1 else None
    return SetStats(len(values), mean, median, sd, alpha, name, sem, len(common))


def cronbach_alpha(matrix: Sequence[Sequence[float]]) -> float | None:
    """α = k/(k−1) · (1 − Σ var(item) / var(total)); for 0/1 items this is KR-20 (Σ p·q).
    None with fewer than 2 items or 2 students, or when totals do not vary."""
    if len(matrix) < 2 or not matrix[0] or len(matrix[0]) < 2:
        return None
    return _alpha(list(zip(*matrix, strict=True)))


def _alpha(columns: Sequence[Sequence[float]]) -> float | None:
    """Cronbach's α of the items' columns (at least 2, of at least 2 students each)."""
    k = len(columns)
    item_var = math.fsum(map(pvariance, columns))
    total_var = pvariance(list(map(math.fsum, zip(*columns, strict=True))))
    if total_var <= 1e-12:
        return None
    return k / (k - 1) * (1 - item_var / total_var)


def pvariance(values: Sequence[float]) -> float:
    """The population variance, as ``statistics.pvariance`` gives it for floats (worked
    out exactly, then rounded once), with each distinct value worked on once: a class's
    scores repeat a few values. At least one value."""
    sums: defaultdict[int, int] = defaultdict(int)  # by denominator (a power of 2)
    squares: defaultdict[int, int] = defaultdict(int)
    for value, times in Counter(values).items():
        numerator, denominator = value.as_integer_ratio()
        sums[denominator] += times * numerator
        squares[denominator] += times * numerator * numerator
    n = len(values)
    total = sum(Fraction(s, d) for d, s in sums.items())
    total_of_squares = sum(Fraction(s, d * d) for d, s in squares.items())
    return float((n * total_of_squares - total * total) / n / n)


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
