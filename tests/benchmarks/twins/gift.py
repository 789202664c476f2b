"""`quiz export --format gift`'s bare twin: a hand-written GIFT writer.

It parses the same YAML (the set, and the pack its questions' facts are in) with PyYAML's
CSafeLoader and writes every question of the seven types as GIFT: a category, an id
comment with tags, the prompt and answers as [html] with markup and GIFT's marks escaped,
and general feedback from the explanation (or the fact's statement), the fact's first
quote and the source. No validation: it trusts the file. Run as
`gift.py SET.yaml PACK.yaml OUT`: the twin of a whole `quiz export` process.
"""

from __future__ import annotations

import html
import sys

import yaml

FACT_KINDS = ("figures", "actors", "arguments", "events", "terms")


def marks(text: str) -> str:
    for mark in "\\~=#{}:":
        text = text.replace(mark, "\\" + mark)
    return text


def rich(text: object) -> str:
    return "[html]" + marks(html.escape(str(text), quote=False).replace("\n", "<br>"))


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def answers(q: dict) -> str:
    kind = q["type"]
    if kind == "choice":
        return "\n".join(f"\t{'=' if c == q['answer'] else '~'}{rich(c)}" for c in q["choices"])
    if kind == "multi":
        right = round(100 / len(q["answers"]), 5)
        wrong = -round(100 / (len(q["choices"]) - len(q["answers"])), 5)
        return "\n".join(
            f"\t~%{right if c in q['answers'] else wrong}%{rich(c)}" for c in q["choices"]
        )
    if kind == "truefalse":
        return "\tTRUE" if str(q["answer"]).lower() == "true" else "\tFALSE"
    if kind == "numeric":
        return f"\t#{q['answer']}:{q.get('tolerance', 0)}"
    if kind == "text":
        return "\n".join(f"\t={rich(a)}" for a in q["accept"])
    if kind == "match":
        return "\n".join(f"\t={rich(p['left'])} -> {marks(p['right'])}" for p in q["pairs"])
    return "\n".join(f"\t={rich(item)} -> {ordinal(n)}" for n, item in enumerate(q["items"], 1))


def main(set_file: str, pack_file: str, out: str) -> None:
    with open(set_file, "rb") as f:
        qset = yaml.load(f, Loader=yaml.CSafeLoader)
    with open(pack_file, "rb") as f:
        pack = yaml.load(f, Loader=yaml.CSafeLoader)
    facts = {fact["id"]: fact for kind in FACT_KINDS for fact in pack.get(kind) or ()}
    source = pack["source"]
    citation = f"Source: {source.get('outlet') or 'Outlet not named'}, “{source['headline']}”"
    blocks = [f"$CATEGORY: $course$/top/{qset['title']}"]
    for q in qset["questions"]:
        fact = facts.get(q.get("fact"), {})
        said = [q.get("explanation") or fact.get("statement", "")]
        if fact.get("quotes"):
            first = fact["quotes"][0]
            said.append(f"“{first if isinstance(first, str) else first['text']}”")
        said.append(citation)
        tags = "".join(f" [tag:{t}]" for t in q.get("tags", ()))
        blocks.append(
            f"// [id:{qset['id']}/{q['id']}]{tags}\n::{marks(q['id'])}::{rich(q['prompt'])}{{\n"
            f"{answers(q)}\n\t####{rich(chr(10).join(s for s in said if s))}\n}}"
        )
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n\n".join(blocks) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
