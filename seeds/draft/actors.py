"""People, organisations, states, regions and groups named in an article, by rules.

A person needs evidence to be one: a title ("President Xi Jinping"), an apposition
("Li Wei, an expert at CICIR") or a reporting verb ("said Li Wei"). An acronym in
parentheses links to its full name ("Global Security Initiative (GSI)") and becomes a
term; an organisation named as someone's employer is in the cast too.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from seeds.draft.gazetteer import (
    COMMON,
    EVENT_WORDS,
    GROUP_NOUNS,
    GROUP_WORDS,
    INSTITUTIONS,
    JOB_WORDS,
    KNOWN_ACRONYMS,
    METONYMS,
    NATIONALITIES,
    NOT_ACTORS,
    ORG_WORDS,
    REGIONS,
    STATES,
    TITLES,
)
from seeds.frozen import record

REPORTING = (
    r"(?:said|says|say|told|tells|added|adds|argued|argues|noted|notes|warned|warns|"
    r"explained|explains|stated|states|wrote|writes|insisted|insists|claimed|claims|"
    r"asked|asks|replied|replies|announced|announces|declared|declares|stressed|"
    r"stresses|emphasi[sz]ed|emphasi[sz]es|commented|suggested|suggests|believes|"
    r"believed|contended|contends|acknowledged|admitted|recalled|predicted|"
    r"observed|maintained|maintains|urged|urges|countered|agreed|disagreed|"
    r"pointed out|points out|went on|continued)"
)
_TOKEN = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'\-]*)"  # "U.S.", "Defense"
_CONNECT = r"(?:of|for|and|on|de|del|van|von|al)(?:\s+the)?"
CAPSEQ = rf"{_TOKEN}(?:\s+(?:{_CONNECT}\s+)?{_TOKEN}){{0,7}}"  # a name has a few words
_CAPSEQ = re.compile(rf"(?<![\w’'-]){CAPSEQ}")
# A name never starts with a common word: in "But Frank Delaney, ..." the name is the last two.
_NOT_FIRST = r"(?!(?:" + "|".join(sorted(COMMON, key=len, reverse=True)) + r")\s)"
_WORD = r"[A-Z][a-z’']+(?:-[A-Z]?[a-z’']+)*"  # "Molina-Grant", "O'Neil"
_PARTICLE = r"(?:\s+(?:van|von|de|da|del|della|di|du|le|la|bin|ter|den|der|dos))*"
# "Jane Q. Roe", "Pieter van Aalst"
_NAME = _NOT_FIRST + rf"{_WORD}(?:\s+[A-Z]\.)?(?:{_PARTICLE}\s+{_WORD}){{1,2}}"
_NAME_ANY = _NOT_FIRST + rf"{_WORD}(?:\s+[A-Z]\.)?(?:{_PARTICLE}\s+{_WORD}){{0,2}}"
_TITLE = "|".join(
    re.escape(t)
    for t in sorted(
        {*TITLES, *(t.lower() for t in TITLES if " " not in t and t.isalpha())},
        key=len,
        reverse=True,
    )
)
# "Deputy Secretary of the Interior", "Assistant Secretary of State for Political-Military
# Affairs": a title may be ranked and name its office.
_OFFICE = r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?){0,2}?"
_RANK = r"(?:(?:Deputy|Assistant|Under|Acting|Vice|Chief|Senior|Principal|deputy|acting)\s+)?"
_NAT = "|".join(sorted(NATIONALITIES, key=len, reverse=True))
_TITLED = re.compile(
    rf"(?<![\w-])(?P<title>(?:(?:{_NAT})\s+)?{_RANK}(?:{_TITLE}){_OFFICE})\s+(?P<name>{_NAME_ANY})"
    rf"(?:\s+(?:of|at)\s+(?:the\s+)?(?P<aff>{CAPSEQ}))?"
)
_APPOSED = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME})\s*,(?:\s*\d{{1,3}},)?\s+(?:(?:a|an|the)\s+)?"
    rf"(?P<role>(?:[A-Z][\w’'-]*\s+){{0,3}}[a-z][^,.;:“”\"()\n]{{1,70}}?)"
    rf"(?:\s+(?:at|of|with|from|for|in)\s+(?:the\s+)?(?P<aff>{CAPSEQ}(?:\s+\([A-Z][\w&-]+\))?)"
    rf"(?:\s+in\s+(?P<place>{CAPSEQ}))?)?[ \t]*(?:[,.;]|(?=\n)|$)"
)
# ", an officer at U.S. Army X,"; ", 38, a nurse in Larkin,"
_APPOSITION = r"(?:\s*,(?:\s*\d{1,3},)?(?:[^,.“”\"]|(?<=[A-Z])\.){1,90},)"
# "Teresa Molina-Grant is a professor of economics at Halden University." (an author's line)
_IS_ROLE = re.compile(
    rf"(?m)^(?P<name>{_NAME}) (?:is|was) (?:a|an|the) (?P<role>[a-z][^.\n]{{1,80}}?)"
    rf"(?: (?:at|of|with|for) (?:the )?(?P<aff>{CAPSEQ}))?\.\s*$"
)
_REPORTING_START = re.compile(rf"^{REPORTING}\b")
_SPEAKER = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME}){_APPOSITION}?\s+(?:also\s+)?"
    rf"{REPORTING}\b|\b{REPORTING}\s+(?P<name2>{_NAME})"
)
_ACRONYM = re.compile(rf"(?P<full>{CAPSEQ})\s+\((?P<short>[A-Z][A-Za-z0-9&-]{{1,11}})\)")
_GROUP = re.compile(
    r"(?<![\w-])(?P<adj>"
    + "|".join(sorted(GROUP_WORDS, key=len, reverse=True))
    + r")\s+(?P<noun>"
    + "|".join(GROUP_NOUNS)
    + r")\b"
)
_LONE_SPEAKER = re.compile(rf"(?<![\w-])(?P<name>[A-Z][a-z’'-]+)\s+(?:also\s+)?{REPORTING}\b")
_HONORIFICS = {"Mr", "Mrs", "Ms", "Dr"}
KNOWN_FULL_NAMES = {full: short for short, full in KNOWN_ACRONYMS.items() if full != short}
# "the Departments of State and Defense", "the State and Defense Departments": two bodies.
_PLURAL_BODIES = {"Departments": "Department", "Ministries": "Ministry"}
_COORDINATED = re.compile(
    r"\b(?P<plural>Departments|Ministries)\s+of\s+(?:the\s+)?(?P<a>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"
    r"\s+and\s+(?:the\s+)?(?P<b>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"
    r"|\b(?P<a2>[A-Z][\w-]*)\s+and\s+(?P<b2>[A-Z][\w-]*)\s+(?P<plural2>Departments|Ministries)\b"
)
_BODY_FIRST = re.compile(r"^(?P<what>[A-Z][\w-]*)\s+(?P<body>Department|Ministry)$")
# "By Jane Q. Roe" on a line of its own near the top: the author.
_BYLINE = re.compile(rf"^\s*(?:[Bb]y|BY)\s+(?P<name>{_NAME})\s*(?:,|$)", re.MULTILINE)
_TOWN = re.compile(
    r"\b(?:town|city|village|county|province|district|municipality) of "
    r"(?P<name>[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+)?)\b"
)
# "Voltara Energie, a German battery maker": an organisation by what it is.
_ORG_APPOSED = re.compile(
    rf"(?<![\w-])(?P<name>{CAPSEQ}),\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?"
    r"(?:company|maker|manufacturer|firm|bank|lender|group|agency|nonprofit|charity|"
    r"start-?up|producer|operator|retailer|utility|insurer|airline|carrier|developer|"
    r"supplier|contractor|consultancy|organi[sz]ation|association|union|publisher|"
    r"newspaper|broadcaster|think tank|institute|university|school)\b"
)
_ACRONYM_ALONE = re.compile(r"(?<![\w.-])[A-Z]{2,6}s?(?![\w.-])")
_SEPARATOR = re.compile(r"\s+(?:and|or)(?:\s+the)?\s+")
_CONNECTORS = {"of", "for", "and", "on", "de", "del", "van", "von", "al", "the"}


@dataclass
class ActorFound:
    name: str
    type: str  # state, person, organisation, group or region
    first: int
    short: str | None = None
    role: str | None = None  # the article's own words for the person's title or job
    affiliation: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    as_affiliation_only: bool = False
    id: str = ""

    @property
    def tokens(self) -> set[str]:
        return set(self.name.split()) if self.type == "person" else set()


@record
class TermFound:
    term: str
    short: str
    start: int


@dataclass
class Cast:
    """Everyone found, and where each is mentioned."""

    actors: list[ActorFound]
    terms: list[TermFound]
    mentions: list[tuple[int, int, ActorFound]]  # (start, end, actor), by start
    _offsets: list[int] = field(default_factory=list)

    def _starts(self) -> list[int]:
        if len(self._offsets) != len(self.mentions):
            self._offsets[:] = [m[0] for m in self.mentions]
        return self._offsets

    def in_span(self, start: int, end: int) -> list[ActorFound]:
        seen: dict[int, ActorFound] = {}
        first = bisect.bisect_left(self._starts(), start)
        for a, b, actor in self.mentions[first:]:
            if a >= end:
                break
            if b <= end:
                seen.setdefault(id(actor), actor)
        return list(seen.values())

    def last_person_before(self, offset: int) -> ActorFound | None:
        stop = bisect.bisect_left(self._starts(), offset)
        return next(
            (actor for _, _, actor in reversed(self.mentions[:stop]) if actor.type == "person"),
            None,
        )

    def resolve(self, name: str, offset: int) -> ActorFound | None:
        """The actor a speaker's name or pronoun points at, seen from ``offset``."""
        name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
        if name.lower() in ("he", "she", "him", "her"):
            return self.last_person_before(offset)
        key = _key(METONYMS.get(name, name))
        last = name.split()[-1]
        best = None
        stop = bisect.bisect_right(self._starts(), offset + 200)
        for _start, _, actor in reversed(self.mentions[:stop]):  # the latest mention wins
            if (
                _key(actor.name) == key
                or (actor.short and actor.short.lower() == key)
                or (actor.type == "person" and last in actor.tokens)
            ):
                best = actor
                break
        if best is None:
            best = next((a for a in self.actors if _key(a.name) == key), None)
        return best


@cache
def _key(name: str) -> str:
    return re.sub(r"^the\s+", "", name.lower())


def find_cast(text: str) -> Cast:
    """Everyone ``text`` names, by a pipeline of passes over one :class:`_Casting`: each
    pass reads the article with one pattern and adds the actors it finds."""
    casting = _Casting(text, _acronyms_defined(text))
    casting.coordinated = _coordinated_bodies(casting)
    _organisations_apposed(casting)
    _byline(casting)
    _titled_people(casting)
    _apposed_people(casting)
    _speakers(casting)
    _lone_speakers(casting)
    people = [a for a in casting.found.values() if a.type == "person"]
    _groups(casting)
    _capitalised_runs(casting, people)
    _towns(casting)
    _acronyms_alone(text, casting.found, casting.acronyms, casting.add)
    return casting.cast()


@dataclass
class _Casting:
    """What the passes of :func:`find_cast` have found so far."""

    text: str
    acronyms: dict[str, tuple[str, int]]  # short -> (full, first offset)
    found: dict[str, ActorFound] = field(default_factory=dict)
    mentions: list[tuple[int, int, ActorFound]] = field(default_factory=list)
    affiliation_spans: list[tuple[int, int]] = field(default_factory=list)
    coordinated: list[tuple[int, int]] = field(default_factory=list)  # "the Departments of…"

    def add(self, name: str, kind: str, start: int, end: int) -> ActorFound:
        """The actor ``name`` names (new, or one found before), mentioned at start:end."""
        body = _BODY_FIRST.match(name)
        if body:  # "State Department" is the "Department of State"
            name = f"{body['body']} of {body['what']}"
        key = _key(re.sub(r"\s*\([^()]*\)$", "", name))  # "Department of Defense (DOD)"
        actor = self.found.get(key) or _longer_name(self.found, key, kind)
        if actor is None:
            actor = self.found[key] = ActorFound(name, kind, start)
        elif "(" in name and "(" not in actor.name:
            actor.name = name
        actor.first = min(actor.first, start)
        self.mentions.append((start, end, actor))
        return actor

    def affiliate(self, actor: ActorFound, match: re.Match[str], place: str = "") -> None:
        """The employer a titled or apposed person's match names, kept as theirs."""
        actor.affiliation = actor.affiliation or (
            _with_acronym(match.group("aff"), self.acronyms) + place
        )
        self.affiliation_spans.append(match.span("aff"))

    def cast(self) -> Cast:
        """The cast: actors by first mention, their mentions, and the defined terms."""
        mentions = sorted(self.mentions, key=lambda m: m[0])
        for actor in self.found.values():
            spans = [(a, b) for a, b, who in mentions if who is actor]
            actor.mentions = spans
            actor.as_affiliation_only = actor.type == "organisation" and all(
                any(x <= a < y for x, y in self.affiliation_spans) for a, _ in spans
            )
        # An organisation named only as someone's employer is still in the story's cast.
        actors = sorted(self.found.values(), key=lambda a: a.first)
        kept = {id(a) for a in actors}
        terms = [TermFound(full, short, start) for short, (full, start) in self.acronyms.items()]
        return Cast(
            actors, sorted(terms, key=lambda t: t.start), [m for m in mentions if id(m[2]) in kept]
        )


def _acronyms_defined(text: str) -> dict[str, tuple[str, int]]:
    """ "Global Security Initiative (GSI)": each short form's full name and first offset."""
    acronyms: dict[str, tuple[str, int]] = {}
    for match in _ACRONYM.finditer(text):
        full = _trim_to_initials(match.group("full"), match.group("short"))
        if full and match.group("short") not in acronyms:
            acronyms[match.group("short")] = (full, match.start("short"))
    return acronyms


def _coordinated_bodies(casting: _Casting) -> list[tuple[int, int]]:
    """ "The Departments of State and Defense": two bodies added; the spans they cover."""
    coordinated: list[tuple[int, int]] = []
    for match in _COORDINATED.finditer(casting.text):
        body = _PLURAL_BODIES[match["plural"] or match["plural2"]]
        for group in ("a", "b") if match["plural"] else ("a2", "b2"):
            casting.add(f"{body} of {match[group]}", "organisation", *match.span(group))
        coordinated.append(match.span())
    return coordinated


def _organisations_apposed(casting: _Casting) -> None:
    for match in _ORG_APPOSED.finditer(casting.text):
        name = re.sub(r"^(?:The|A|An)\s+", "", match["name"])
        if not _known_place(name) and name.split()[0] not in COMMON:
            casting.add(name, "organisation", match.end("name") - len(name), match.end("name"))


def _byline(casting: _Casting) -> None:
    for match in _BYLINE.finditer(casting.text, 0, min(len(casting.text), 600)):
        if not _bad_person(match["name"]):
            actor = casting.add(match["name"], "person", *match.span("name"))
            actor.role = actor.role or "author"


def _titled_people(casting: _Casting) -> None:
    """ "President Xi Jinping", "Minister Ana Costa of the Treasury"."""
    for match in _TITLED.finditer(casting.text):
        name = match.group("name")
        if _bad_person(name):
            continue
        actor = casting.add(name, "person", match.start("name"), match.end("name"))
        if match.group("title").rstrip(".") not in _HONORIFICS:
            actor.role = actor.role or match.group("title")
        if match.group("aff") and _org_like(match.group("aff")):
            casting.affiliate(actor, match)


def _apposed_people(casting: _Casting) -> None:
    """ "Li Wei, an expert at CICIR," and an author's line "X is a professor at Y."."""
    text = casting.text
    for match in [*_APPOSED.finditer(text), *_IS_ROLE.finditer(text)]:
        name = match.group("name")
        if _bad_person(name) or (match.group("aff") is None and len(match.group("role")) > 60):
            continue
        if _REPORTING_START.match(match.group("role")):
            continue  # "its director, Joseph Kiprono, said in a statement": no role here
        actor = casting.add(name, "person", match.start("name"), match.end("name"))
        actor.role = actor.role or match.group("role").strip()
        if match.group("aff"):
            place = f", {match.group('place')}" if match.groupdict().get("place") else ""
            casting.affiliate(actor, match, place)


def _speakers(casting: _Casting) -> None:
    """ "Li Wei said", "said Li Wei"."""
    for match in _SPEAKER.finditer(casting.text):
        group = "name" if match.group("name") else "name2"
        name = match.group(group)
        if not _bad_person(name) and not _known_place(name):
            casting.add(name, "person", match.start(group), match.end(group))


def _lone_speakers(casting: _Casting) -> None:
    """ "Odinga said": the Raila Odinga named before."""
    text, found, acronyms = casting.text, casting.found, casting.acronyms
    for match in _LONE_SPEAKER.finditer(text):
        name = match.group("name")
        if (
            name in COMMON
            or _known_place(name)
            or name in acronyms
            or any(name in a.name.split() for a in found.values())
        ):
            continue
        named = re.search(
            rf"(?<![\w-])(?:[A-Z][a-z’'-]+\s+){{1,2}}{re.escape(name)}\b", text[: match.start()]
        )
        if named and not _bad_person(named.group()):
            casting.add(named.group(), "person", named.start(), named.end())


def _groups(casting: _Casting) -> None:
    """ "Local farmers", "Kenyan students"."""
    for match in _GROUP.finditer(casting.text):
        adj = match.group("adj")
        name = f"{adj[0].upper()}{adj[1:]} {match.group('noun')}"
        casting.add(name, "group", match.start(), match.end())


def _capitalised_runs(casting: _Casting, people: list[ActorFound]) -> None:
    """Every other capitalised run that names a state, body, place or person found before."""
    text = casting.text
    for match in _CAPSEQ.finditer(_headlines_apart(text)):
        if any(a < match.end() and match.start() < b for a, b in casting.coordinated):
            continue
        for start, end in _pieces(text, match.start(), match.end()):
            _capitalised_piece(casting, people, start, end)


def _capitalised_piece(casting: _Casting, people: list[ActorFound], start: int, end: int) -> None:
    text, add, acronyms = casting.text, casting.add, casting.acronyms
    sides = _sides(text, start, end)
    if (
        len(sides) > 1
        and not _known_place(text[start:end])
        and all(_names_actor(text[a:b], people, acronyms) for a, b in sides)
    ):  # "Kenya and the European Union": two actors, not one body
        for a, b in sides:
            _classify(text[a:b], a, b, add, people, acronyms)
        return
    if _classify(text[start:end], start, end, add, people, acronyms):
        return
    # "Afghanistan and Pakistan", "China and Russia": each side on its own
    cursor = start
    for sep in [*_SEPARATOR.finditer(text, start, end), None]:
        stop = sep.start() if sep else end
        if cursor < stop and (cursor, stop) != (start, end):
            _classify(text[cursor:stop], cursor, stop, add, people, acronyms)
        cursor = sep.end() if sep else end


def _towns(casting: _Casting) -> None:
    """ "The town of Larkin": a region, unless a known place."""
    for match in _TOWN.finditer(casting.text):
        if not _known_place(match["name"]) and _key(match["name"]) not in casting.found:
            casting.add(match["name"], "region", *match.span("name"))


def _sides(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``text[start:end]`` between "and"/"or" separators."""
    sides, cursor = [], start
    for sep in [*_SEPARATOR.finditer(text, start, end), None]:
        stop = sep.start() if sep else end
        if cursor < stop:
            sides.append((cursor, stop))
        cursor = sep.end() if sep else end
    return sides


def _names_actor(piece: str, people: list[ActorFound], acronyms) -> bool:
    """``piece`` is a name ``_classify`` would take on its own (without adding it)."""
    name = re.sub(r"^the\s+", "", piece)
    return (
        name in acronyms
        or any(full == name for full, _ in acronyms.values())
        or _known_place(name)
        or name in INSTITUTIONS
        or name in KNOWN_ACRONYMS
        or name in KNOWN_FULL_NAMES
        or any(p.name == name for p in people)
        or (len(name.split()) > 1 and _org_like(name))
    )


def _longer_name(found: dict[str, ActorFound], key: str, kind: str) -> ActorFound | None:
    """The organisation ``key`` is the end of: "the City Council" after "Marlow City
    Council" was named."""
    if kind != "organisation" or " " not in key:
        return None
    return next((a for k, a in found.items() if a.type == kind and k.endswith(" " + key)), None)


def _headlines_apart(text: str) -> str:
    """``text`` with the line break after a headline, dateline or byline (a short line
    without a final stop) made a semicolon, so no name runs across it (same length)."""
    out = []
    for number, line in enumerate(text.split("\n")):
        short = 0 < len(line.strip()) < 160 and not line.rstrip().endswith((".", ",", ":"))
        if number == 0 and short and _title_case(line):
            line = " " * len(line)  # a headline in title case: every word is capitalised
        out.append(line + (";" if short else "\n"))
    return "".join(out)[: len(text)]


def _title_case(line: str) -> bool:
    words = re.findall(r"[A-Za-z][\w’'-]*", line)
    small = {"a", "an", "the", "of", "for", "and", "or", "in", "on", "at", "to", "by", "with"}
    return len(words) >= 3 and all(w[0].isupper() for w in words if w.lower() not in small)


def _acronyms_alone(text: str, found: dict[str, ActorFound], acronyms, add) -> None:
    """An undefined acronym used twice or more names an organisation ("NOAA", "DOD"),
    unless it names a thing (GDP) or is a known state, actor or defined term."""
    counts: dict[str, list[tuple[int, int]]] = {}
    for match in _ACRONYM_ALONE.finditer(text):
        word = match.group()
        counts.setdefault(word, []).append(match.span())
    surnames = {a.name.split()[-1].upper() for a in found.values() if a.type == "person"}
    for word, spans in counts.items():
        known = _key(word) in found or any(a.short == word for a in found.values())
        if known or word in NOT_ACTORS or word in acronyms or word in surnames:
            continue  # "LINDQVIST:" is a speaker's label in an interview
        if word in METONYMS or word in STATES or word.rstrip("s") in found:
            continue
        spelled = next(
            (a for a in found.values() if a.type == "organisation" and _initials(a.name) == word),
            None,
        )
        if spelled is not None:  # "CRS" after "Congressional Research Service"
            spelled.short = spelled.short or word
            for start, end in spans:
                add(spelled.name, "organisation", start, end)
        elif len(spans) >= 2:
            for start, end in spans:
                add(word, "organisation", start, end)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.sub(r"\s*\(.*?\)", "", name).split() if w[0].isupper())


def _classify(
    piece: str,
    start: int,
    end: int,
    add,
    people: list[ActorFound],
    acronyms: dict[str, tuple[str, int]],
) -> bool:
    """Add ``piece`` as a mention of an actor if it names one; False if it names none."""
    full_names = {full: short for short, (full, _) in acronyms.items()}
    if piece in acronyms or piece in full_names:
        short = piece if piece in acronyms else full_names[piece]
        full = acronyms[short][0]
        if _org_like(full) or short in KNOWN_ACRONYMS:
            actor = add(f"{full} ({short})", "organisation", start, end)
            actor.short = short
        return True
    name = re.sub(r"^the\s+", "", piece)
    if name.split()[-1] in EVENT_WORDS:
        return True  # "Community Day" is an occasion
    longer = next(
        (
            short
            for full, short in full_names.items()
            if name.endswith(" " + full) and _org_like(full)
        ),
        None,
    )
    if longer:  # "United Nations World Food Programme" is the WFP defined nearby
        return _classify(longer, start, end, add, people, acronyms)
    if name in METONYMS:
        add(METONYMS[name], "state", start, end)
    elif name in INSTITUTIONS:
        add(name, "organisation", start, end)
    elif name in STATES:
        add(name, "state", start, end)
    elif name in REGIONS:
        add(name, "region", start, end)
    elif name in KNOWN_ACRONYMS:
        full = KNOWN_ACRONYMS[name]
        actor = add(name if full == name else f"{full} ({name})", "organisation", start, end)
        actor.short = actor.short or (name if full != name else None)
    elif name in KNOWN_FULL_NAMES:
        add(f"{name} ({KNOWN_FULL_NAMES[name]})", "organisation", start, end)
    elif person := next((p for p in people if name.endswith(" " + p.name)), None):
        add(person.name, "person", end - len(person.name), end)  # "Trade Secretary Ruth X"
    elif any(p.name == name for p in people):
        add(name, "person", start, end)
    elif len(name.split()) == 1 and (match := [p for p in people if name in p.tokens]):
        add(match[0].name, "person", start, end)
    elif len(name.split()) > 1 and _org_like(name):
        add(name, "organisation", start, end)
    else:
        return False
    return True


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A capitalised run cut at possessives and stripped of words that are not names."""
    pieces = []
    for part in re.finditer(r"[^’']+(?:[’'](?!s\b))?|[’']s\b", text[start:end]):
        a, b = start + part.start(), start + part.end()
        if text[a:b] in ("’s", "'s"):
            continue
        words = list(re.finditer(r"\S+", text[a:b]))
        while (
            words
            and not _starts_place(text[a + words[0].start() : b])
            and (
                words[0].group().strip("’'") in COMMON
                or words[0].group() in _CONNECTORS
                or not words[0].group()[0].isupper()
                or words[0].group() in TITLES
            )
        ):
            words.pop(0)
        while words and (words[-1].group() in _CONNECTORS or words[-1].group() in COMMON):
            words.pop()
        if words:
            s, e = a + words[0].start(), a + words[-1].end()
            text_piece = text[s:e].rstrip("’'")
            if "-" in text_piece.split()[0] and text_piece.split()[0].split("-")[1].islower():
                continue  # "Western-led"
            pieces.append((s, s + len(text_piece)))
    return pieces


_MULTIWORD_PLACES = tuple(p for p in (*STATES, *REGIONS) if " " in p)


def _starts_place(text: str) -> bool:
    return text.startswith(_MULTIWORD_PLACES)


def _trim_to_initials(full: str, short: str) -> str | None:
    """The words of ``full`` whose initials spell ``short`` (longest such tail)."""
    words = full.split()
    letters = [c for c in short if c.isupper()]
    for begin in range(len(words)):
        tail = words[begin:]
        initials = [w[0] for w in tail if w[0].isupper()]
        with_small = [w[0].upper() for w in tail]  # "Department of Defense" is DOD
        hyphened = [p[0] for w in tail for p in w.split("-") if p[:1].isupper()]  # Agri-Logistics
        if letters in (initials, with_small, hyphened) and tail[0][0].isupper():
            return " ".join(tail).rstrip("’'")
    return None


def _org_like(name: str) -> bool:
    return any(word.strip("’'s") in ORG_WORDS or word in ORG_WORDS for word in name.split())


def _with_acronym(aff: str, acronyms: dict[str, tuple[str, int]]) -> str:
    if "(" in aff:
        return aff
    short = next((s for s, (full, _) in acronyms.items() if full == aff), None)
    return f"{aff} ({short})" if short else aff


def _known_place(name: str) -> bool:
    return name in STATES or name in REGIONS or name in METONYMS


def _bad_person(name: str) -> bool:
    words = name.split()
    return (
        any(w in COMMON or w in JOB_WORDS or w.rstrip("’'s") in STATES for w in words)
        or _org_like(name)
        or _known_place(name)
        or words[0] in TITLES
    )
