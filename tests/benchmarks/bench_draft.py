"""`brief new`: drafting the seed article (4 KB) and a 200 KB report, and how the seed
article's draft compares with the hand-curated bundled pack."""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from seeds.draft.assemble import draft_pack
from seeds.draft.score import score
from seeds.packs import BUNDLED_PACKS, load_pack
from tests.articles.truth import HELD_OUT, Tally, articles, evaluate

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_9147dd273ece69a7.txt"
REFERENCE = dt.date(2023, 2, 21)

_PEOPLE = ["Ana Costa", "Liu Yang", "Peter Novak", "Amina Diallo", "Hans Meyer", "Sara Haddad"]
_PLACES = ["Kenya", "Brazil", "Vietnam", "Poland", "Chile", "Ghana", "Nepal", "Peru"]
_MONTHS = ["January", "March", "May", "July", "September", "November"]


def synthetic_report(size: int = 200_000, seed: int = 7) -> str:
    """A long report of varied paragraphs: figures, quotes, titles, relative dates."""
    rng = random.Random(seed)
    paragraphs = []
    while sum(map(len, paragraphs)) < size:
        who, other = rng.sample(_PEOPLE, 2)
        place, there = rng.sample(_PLACES, 2)
        n = rng.randint(2, 90_000)
        paragraphs.append(
            f"In {rng.choice(_MONTHS)}, the government of {place} said it would spend "
            f"${rng.randint(2, 40)} billion on {n:,} new classrooms over the next "
            f"{rng.choice(['three', 'five', 'ten'])} years. {who}, a senior economist at the "
            f"Institute of Public Finance, said the plan was “overdue but welcome”. "
            f"“We have waited {rng.randint(2, 12)} years for this,” {who.split()[0]} said. "
            f"Minister {other} told reporters on Tuesday that {rng.randint(10, 90)}% of the "
            f"schools in {there} were in need of repair, according to a report published "
            f"last {rng.choice(_MONTHS)}. Critics argue that a third of the budget will go to "
            f"consultants (roughly {rng.randint(100, 900)} firms)."
        )
    return "\n\n".join(paragraphs)


def _cold_cli(article: Path) -> None:
    with tempfile.TemporaryDirectory() as data:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "briefing",
                "new",
                str(article),
                "--id",
                "bench",
                "--date",
                "2023-02-21",
                "--data-dir",
                data,
            ],
            check=True,
            capture_output=True,
        )


def truth_rows(folder: Path | None = None, label: str = "test articles"):
    """Recall and precision of the draft against the test articles' truth files (summed
    over the articles), and how many drafted quotes are verbatim."""
    summed = {kind: Tally() for kind in ("figures", "actors", "dates", "quotes")}
    names = []
    for article in articles(folder) if folder else articles():
        result = evaluate(article)
        names.append(article.name)
        for kind in ("figures", "actors", "dates"):
            summed[kind].add(getattr(result, kind))
        summed["quotes"].add(result.quotes_verbatim)

    def row(value: float, goal: float):
        return lambda: {"value": value, "unit": "%", "goal": goal, "at_least": True}

    where = f"{len(names)} {label}"
    rows = []
    for kind in ("figures", "actors", "dates"):
        tally = summed[kind]
        rows.append((f"draft vs truth, {where}: {kind} recall", row(tally.recall, 90), None))
        rows.append((f"draft vs truth, {where}: {kind} precision", row(tally.precision, 90), None))
    quotes = summed["quotes"]
    verbatim = 100.0 * quotes.found / quotes.total if quotes.total else 100.0
    rows.append((f"draft vs truth, {where}: quotes verbatim", row(verbatim, 100), None))
    return rows


def cases():
    report = synthetic_report()
    one_paragraph = report.replace("\n\n", " ")
    capitals = " ".join(["Alpha Beta Gamma of Delta"] * 8000) + " said."
    numbers = " ".join(str(i) for i in range(20_000))
    rows = [
        (
            "draft: 200 KB synthetic report",
            lambda: draft_pack(report, pack_id="report", date=REFERENCE),
            10.0,
        ),
        *(
            (f"draft: 200 KB {name}", lambda t=text: draft_pack(t, pack_id="x"), 10.0)
            for name, text in (
                ("report as one paragraph", one_paragraph),
                ("of capitalised words", capitals),
                ("of bare numbers (20,000 figures)", numbers),
            )
        ),
    ]
    if not SEED.is_file():
        print(f"  (seed article not found at {SEED}: seed cases skipped)", file=sys.stderr)
        return rows + truth_rows() + truth_rows(HELD_OUT, "held-out articles")
    text = SEED.read_text(encoding="utf-8")
    loaded, _ = load_pack(BUNDLED_PACKS / "gsi-training-2023" / "pack.yaml")
    assert loaded is not None
    result = score(draft_pack(text, pack_id="seed", date=REFERENCE).data, loaded.pack, text)

    def recall(kind: str, goal: float):
        got = getattr(result, kind)
        return lambda: {"value": got.percent, "unit": "%", "goal": goal, "at_least": True}

    false = result.false_candidates
    false_text = ", ".join(f"{k} {v}" for k, v in false.items())
    return [
        (
            "draft: seed article (4 KB), in process",
            lambda: draft_pack(text, pack_id="seed", date=REFERENCE),
            1.0,
        ),
        ("brief new seed article, new process (imports included)", lambda: _cold_cli(SEED), None),
        *rows,
        ("draft vs bundled pack: figures recalled", recall("figures", 90), None),
        ("draft vs bundled pack: quotes recalled", recall("quotes", 100), None),
        ("draft vs bundled pack: actors recalled", recall("actors", 80), None),
        ("draft vs bundled pack: event dates recalled", recall("events", 80), None),
        (
            f"draft vs bundled pack: false candidates ({false_text})",
            lambda: {"value": sum(false.values()), "unit": ""},
            None,
        ),
        *truth_rows(),
        *truth_rows(HELD_OUT, "held-out articles"),
    ]
