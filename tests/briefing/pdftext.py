"""Reading built briefs back with pypdf, and making hostile packs, for the brief tests."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path
from typing import Any

import pypdf
import yaml

from seeds.packs import BUNDLED_PACKS, LoadedPack, load_pack

GSI_FOLDER = BUNDLED_PACKS / "gsi-training-2023"

SECTION_TITLES = [
    "Key takeaways",
    "Key figures",
    "Background",
    "Actors and positions",
    "Arguments side by side",
    "Timeline",
    "Implications and what to watch",
    "Questions for discussion",
    "Glossary",
    "Sources and method",
]


def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in reader(pdf).pages)


def squeeze(text: str) -> str:
    """Text without any whitespace, so line breaks chosen by the layout do not matter."""
    return re.sub(r"\s+", "", text)


def outline_titles(pdf: bytes) -> list[str]:
    return [item.title for item in reader(pdf).outline if not isinstance(item, list)]


def uris(pdf: bytes) -> list[str]:
    """Every link target in the document."""
    found = []
    for page in reader(pdf).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if "/URI" in action:
                found.append(str(action["/URI"]))
    return found


def has_images(pdf: bytes) -> bool:
    for page in reader(pdf).pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        for ref in xobjects.values():
            if ref.get_object().get("/Subtype") == "/Image":
                return True
    return False


HOSTILE = {
    "img": '<img src="/etc/passwd">',
    "bold": "<b>unclosed",
    "amp": "AT&T",
    "link": '<a href="file:///etc/passwd">click</a>',
    "rich": "[bold]x[/bold]",
    "quotes": 'it\'s "quoted"',
    "polish": "Łódź",
    "turkish": "Erdoğan",
    "chinese": "习近平",
}


def hostile_pack(folder: Path) -> LoadedPack:
    """The bundled pack with hostile strings in the fields the brief prints (written to a
    folder named by the pack's id, inside ``folder``)."""
    folder = folder / GSI_FOLDER.name
    shutil.copytree(GSI_FOLDER, folder, dirs_exist_ok=True)
    path = folder / "pack.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    h = HOSTILE
    data["title"] = f"Brief on {h['img']} and {h['amp']}"
    data["takeaways"]["what_happened"] += f" {h['bold']} {h['rich']}"
    data["background"][0] += f" {h['link']}"
    data["source"]["url"] = 'https://example.org/story"onclick=x'
    data["language"] = 'en" /JS (x)'
    data["figures"][0]["label"] = f"{h['turkish']} {h['amp']} places {h['chinese']}"
    data["actors"][1]["name"] = f"{h['chinese']} ({h['polish']})"
    data["actors"][2]["position"] = h["quotes"]
    data["arguments"][0]["claim"] = f"{h['img']} claim"
    data["events"][0]["title"] = f"Event in {h['polish']} {h['rich']}"
    data["terms"][0]["statement"] = f"Meaning with {h['bold']} and {h['amp']}"
    data["discussion"][0] = f"Would {h['turkish']} agree? {h['img']}"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    loaded, problems = load_pack(path)
    assert loaded is not None, [str(p) for p in problems]
    return loaded
