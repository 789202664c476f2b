"""Give-aways are found wherever the answer stands in a prompt: at its start, at its
very end, and not when the prompt stops part-way through a longer answer."""

from __future__ import annotations

from quizzes.giveaways import give_aways
from quizzes.model import Choice, FreeText


def text(qid: str, prompt: str, answer: str) -> FreeText:
    return FreeText(id=qid, type="text", prompt=prompt, accept=[answer])


def choice(qid: str, prompt: str, answer: str) -> Choice:
    return Choice(id=qid, type="choice", prompt=prompt, choices=[answer, "none"], answer=answer)


def found(*questions: FreeText | Choice) -> list[tuple[str, str, str]]:
    listed = list(enumerate(questions))
    return [(away[1].id, giver[1].id, shown) for away, giver, shown in give_aways(listed)]


def test_answers_at_the_start_and_at_the_very_end_of_a_prompt():
    assert found(
        text("a", "Who runs the Police Academy", "Home Office"),
        choice("b", "Which body trains police?", "Police Academy"),
        text("c", "Home Office staff said what?", "nothing here"),
    ) == [("b", "a", "Police Academy"), ("a", "c", "Home Office")]


def test_a_prompt_that_stops_part_way_through_an_answer_gives_nothing_away():
    assert (
        found(
            text("a", "Who said so?", "national police academy"),
            text("b", "Which group trains the national police", "regional groupings"),
        )
        == []
    )
