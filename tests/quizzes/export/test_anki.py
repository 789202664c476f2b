"""Anki packages imported by the official `anki` package into a fresh collection."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quizzes.export import SetToExport, get_format
from quizzes.export.anki import MODEL_NAME, build
from quizzes.model import Choice, Multi


@pytest.fixture
def collection(tmp_path):
    import anki.lang
    from anki.collection import Collection

    anki.lang.set_lang("en")  # strip_html needs Anki's i18n
    col = Collection(str(tmp_path / "collection.anki2"))
    yield col
    col.close()


def import_package(col, content: bytes, path):
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    path.write_bytes(content)
    request = ImportAnkiPackageRequest(
        package_path=str(path), options=ImportAnkiPackageOptions(with_scheduling=False)
    )
    return col.import_anki_package(request).log


def notes_by_id(col) -> dict[str, object]:
    notes = (col.get_note(nid) for nid in col.find_notes(""))
    return {note["Question id"]: note for note in notes}


def test_every_question_is_a_note_in_its_sets_deck(collection, bundled, hostile, tmp_path):
    sets = [*bundled, hostile]
    result = get_format("anki").build(sets)
    log = import_package(collection, result.content, tmp_path / "a.apkg")
    total = sum(len(s.qset.questions) for s in sets)
    assert len(log.new) == collection.note_count() == result.written == total
    notes = notes_by_id(collection)
    decks = {d.name for d in collection.decks.all_names_and_ids()}
    for entry in sets:
        expected_deck = (
            f"{entry.pack.title}::{entry.qset.title}"
            if entry.qset.id != "hostile-set"
            else 'Tags <b>bold</b> & friends : a "quoted" pack::'
            'Hostile <set> & "quotes" : slash/name'
        )
        assert expected_deck in decks
        for q in entry.qset.questions:
            note = notes[f"{entry.qset.id}/{q.id}"]
            assert note.note_type()["name"] == MODEL_NAME
            assert entry.qset.id in note.tags and set(q.tags) <= set(note.tags)
            fact = entry.fact(q)
            if fact is not None:
                assert fact.kind in note.tags


def test_importing_again_adds_no_note_and_an_edit_updates(collection, hostile, tmp_path):
    content = build([hostile], timestamp=1_700_000_000).content
    first = import_package(collection, content, tmp_path / "a.apkg")
    again = import_package(collection, content, tmp_path / "b.apkg")
    assert len(first.new) == collection.note_count() == len(hostile.qset.questions)
    assert len(again.new) == 0 and len(again.duplicate) == len(hostile.qset.questions)
    edited = replace(
        hostile.qset,
        questions=[
            replace(hostile.qset.questions[0], prompt="Edited prompt"),
            *hostile.qset.questions[1:],
        ],
    )
    later = build([SetToExport(edited, hostile.pack)], timestamp=1_800_000_000).content
    updated = import_package(collection, later, tmp_path / "c.apkg")
    assert len(updated.new) == 0 and len(updated.updated) == len(hostile.qset.questions)
    assert collection.note_count() == len(hostile.qset.questions)
    assert notes_by_id(collection)["hostile-set/choice-markup"]["Front"].startswith("Edited")


def test_hostile_text_reads_literally_in_anki(collection, hostile, tmp_path):
    from anki.utils import strip_html

    import_package(collection, get_format("anki").build([hostile]).content, tmp_path / "h.apkg")
    notes = notes_by_id(collection)
    for q in hostile.qset.questions:
        note = notes[f"hostile-set/{q.id}"]
        front, back = strip_html(note["Front"]), strip_html(note["Back"])
        for line in q.prompt.splitlines():
            assert line in front, (q.id, line, front)
        if isinstance(q, Choice | Multi):
            for choice in q.choices:
                assert choice in front
    back = strip_html(notes["hostile-set/choice-markup"]["Back"])
    for part in (
        "<b>bold</b>",
        "Explained with <i>markup</i> & ]]> and {GIFT} ~marks~ = # :",
        '“1,250 <b>widgets</b> ]]> = ~ # { } :” — Dr. O\'Neil <b>&</b> "Co"',
        "Source: The <Gazette> & Co",
    ):
        assert part in back, (part, back)
