"""The grammar of generated questions, worked out from the fact model.

How an actor is named inside a sentence (its ``mid_sentence``, else "the" before a
common-noun name such as "Department of Defense", never before a person or a one-word
proper name such as "Congress"), whether it takes a singular or plural verb, whether an
abbreviation is plural ("NDAAs"), and a unit's singular for "1 agency". Questions are
built from these parts; nothing patches a finished sentence.
"""

from __future__ import annotations

import re

from seeds.model import Actor


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Heads of names that are common nouns, so the name takes "the": the Department of State,
# the United States, the Farmers' Union, the Solomon Islands police force.
_COMMON_HEADS = _words(
    """
    administration agency alliance army assembly association authority bank bloc board
    bureau cabinet center centre coalition command commission committee community company
    conference congregation convention corps council court delegation department east
    emirates embassy federation forces force forum foundation front fund government group
    guard gulf initiative institute institutes institution islands kingdom league ministry
    mission movement nations navy network north observatory office organisation
    organization pact parliament party police presidency programme program republic
    secretariat senate service services society south states summit treaty tribunal union
    west
    """
)
# Words that end the head of a name: "Coalition against ISIS", "Critics in Congress".
_PREPOSITIONS = _words("of in against for on at from with to by under over")
# Plural nouns without a final s, and words ending in s that are singular.
_PLURAL_WORDS = _words("people police personnel staff children men women")
_SINGULAR_ENDINGS = ("ss", "us", "is")
_IRREGULAR_SINGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman"}
_SAME_IN_BOTH = _words("police personnel staff cattle sheep fish aircraft series species data")


def _head(name: str) -> tuple[str, bool]:
    """The head word of a name, and whether "of" follows it: "Department" and True for
    "Department of Defense"; a parenthesised short form or a comma's addition is left out."""
    core = re.sub(r"\([^)]*\)", " ", name).split(",")[0]
    words = core.split()
    for i, word in enumerate(words):
        if i and word.casefold() in _PREPOSITIONS:
            return words[i - 1], word.casefold() == "of"
    return (words[-1] if words else ""), False


def _is_plural_word(word: str) -> bool:
    word = word.casefold().strip(".'’")
    if word in _PLURAL_WORDS:
        return True
    return word.endswith("s") and not word.endswith(_SINGULAR_ENDINGS) and len(word) > 3


def mention(actor: Actor) -> str:
    """The actor's name as it reads inside a sentence."""
    if actor.mid_sentence:
        return actor.mid_sentence
    name = actor.name
    words = name.split()
    if actor.type == "person" or len(words) < 2:
        return name
    if words[0] in ("The", "the"):
        return "the " + " ".join(words[1:])
    head, of_follows = _head(name)
    common = head.casefold() in _COMMON_HEADS
    lowercase_singular = head.islower() and not _is_plural_word(head)
    if common or lowercase_singular or (of_follows and not _is_plural_word(head)):
        return "the " + name
    return name


def is_plural(actor: Actor) -> bool:
    """Whether the actor takes a plural verb: groups and regions named by a plural noun
    ("Critics in Congress", "developing countries"); states and organisations never (the
    United States is)."""
    if actor.type not in ("group", "region"):
        return False
    return _is_plural_word(_head(actor.name)[0])


def verb(actor: Actor, singular: str, plural: str) -> str:
    """The verb form that agrees with the actor: verb(a, "is", "are")."""
    return plural if is_plural(actor) else singular


def abbreviation_is_plural(short: str) -> bool:
    """ "NDAAs", "MPs": capitals followed by a plural s."""
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&.\-]*[A-Z0-9.]s", short))


def singular_unit(unit: str) -> str:
    """The unit for exactly one: "agencies" -> "agency", "people to be trained" -> "person
    to be trained", "named storms" -> "named storm"; a unit with no plural head is kept."""
    words = unit.split()
    end = next(
        (i for i, w in enumerate(words) if i and w.casefold() in _PREPOSITIONS | {"to"}),
        len(words),
    )
    if not end:
        return unit
    head = words[end - 1]
    single = _singular_word(head)
    return " ".join([*words[: end - 1], single, *words[end:]])


def _singular_word(word: str) -> str:
    low = word.casefold()
    if low in _IRREGULAR_SINGULAR:
        single = _IRREGULAR_SINGULAR[low]
        return single.capitalize() if word[:1].isupper() else single
    if low in _SAME_IN_BOTH or not _is_plural_word(word) or not word.isalpha():
        return word
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + "y"
    if low.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    return word[:-1]
