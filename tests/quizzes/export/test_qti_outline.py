"""A Canvas QTI package of one plain set of every type, read back element by element.

The package's outline (every file, element, attribute and text, one per line) is compared
with `sample/plain-qti.txt`. A change to what the package holds shows there line by line:
check it against what Canvas's importer reads before writing the new outline with
`python -m tests.quizzes.export.test_qti_outline`."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from quizzes.export import SetToExport, get_format
from tests.quizzes.export.test_plain_set import QSET

EXPECTED = Path(__file__).parent / "sample" / "plain-qti.txt"


def _name(tag: str) -> str:
    return tag.rpartition("}")[2]  # the namespace is checked on each file's root


def _outline(element: ET.Element, depth: int, lines: list[str]) -> None:
    attributes = " ".join(f"{_name(k)}={v!r}" for k, v in sorted(element.attrib.items()))
    text = (element.text or "").strip()
    assert not (element.tail or "").strip(), f"text after <{_name(element.tag)}>"
    assert not (len(element) and text), f"text beside elements in <{_name(element.tag)}>"
    line = "  " * depth + _name(element.tag)
    line += f" [{attributes}]" if attributes else ""
    line += f" {text!r}" if text else ""
    lines.append(line)
    for child in element:
        _outline(child, depth + 1, lines)


def outline(content: bytes) -> str:
    lines: list[str] = []
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        for info in package.infolist():
            lines.append(f"== {info.filename} {info.date_time} compress={info.compress_type}")
            data = package.read(info)
            if info.filename.endswith(".xml"):
                assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
                root = ET.fromstring(data)
                lines.append(f"namespace {root.tag.partition('}')[0].lstrip('{')}")
                _outline(root, 0, lines)
            else:
                assert data == b""
    return "\n".join(lines) + "\n"


def build() -> bytes:
    return get_format("qti").build([SetToExport(QSET)]).content


def test_the_package_holds_what_its_outline_says():
    assert outline(build()) == EXPECTED.read_text("utf-8")


def test_the_same_set_gives_the_same_bytes():
    assert build() == build()


if __name__ == "__main__":
    EXPECTED.write_text(outline(build()), "utf-8")


def test_titles_with_quotes_and_markup_read_back_as_written(hostile):
    content = get_format("qti").build([hostile]).content
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        (name,) = [
            n
            for n in package.namelist()
            if n.endswith(".xml") and n.count("/") == 1 and "meta" not in n
        ]
        root = ET.fromstring(package.read(name))
    ns = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
    assessment = root.find(f"{ns}assessment")
    assert assessment is not None
    assert assessment.get("title") == hostile.qset.title == 'Hostile <set> & "quotes" :: slash/name'
    assert [i.get("title") for i in root.iter(f"{ns}item")] == [
        q.id for q in hostile.qset.questions
    ]
