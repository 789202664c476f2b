"""Pack → brief content: what goes in the brief and in what order, as plain data.

Everything here is a pure function of the pack (and the brief's date). The wording
of facts is the curator's, copied from the pack; the only words added are labels,
credits and notes on method, so the brief never says more than the pack does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from briefing.content import (
    ArgumentGroup,
    ArgumentList,
    Bar,
    BarChart,
    Block,
    Brief,
    Callout,
    DocumentInfo,
    Footer,
    ItemList,
    KeyFigures,
    LabelledBox,
    Masthead,
    Moment,
    Paragraphs,
    Position,
    Rich,
    Run,
    Section,
    SideBySide,
    Table,
    Timeline,
    plain,
)
from seeds.dates import PartialDate
from seeds.model import Actor, Argument, Event, Figure, Pack, Quote

AUDIENCE = "For classroom use"
KICKER = "Classroom policy brief"
ANALYSIS = "Analysis"
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def compose_brief(pack: Pack, date: dt.date | None = None) -> Brief:
    """The brief for one pack. `date` is the brief's date; by default the pack's reference date."""
    chosen, date = date, date or brief_date(pack)
    sections = [
        _takeaways(pack),
        _key_figures(pack),
        _background(pack),
        _actors(pack),
        _arguments(pack),
        _timeline(pack),
        _implications(pack),
        _discussion(pack),
        _glossary(pack),
        _sources(pack),
    ]
    published = pack.source.published
    if chosen is None and not pack.source.reference_date and published is not None:
        date_text: str | None = published.long()  # as precise as the source, no more
    else:
        date_text = long_date(date) if date else None
    masthead = Masthead(
        KICKER, pack.title, pack.citation(), AUDIENCE, date_text, pack.source.kind_name
    )
    return Brief(
        masthead,
        tuple(s for s in sections if s is not None),
        _info(pack, date),
        footer=Footer(pack.title, f" · {KICKER.lower()}"),
    )


def brief_date(pack: Pack) -> dt.date | None:
    """The date a brief carries by default: never today, so a rebuild is the same file."""
    if pack.source.reference_date:
        return pack.source.reference_date
    if pack.source.published:
        return pack.source.published.start
    return None


# --- formatting ---------------------------------------------------------------------------


def long_date(date: dt.date) -> str:
    """A day as every date is printed for a reader: "21 April 2022"."""
    return PartialDate(date.year, date.month, date.day).long()


def quoted(text: str) -> str:
    return f"“{text}”"


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain absolute http(s) address, else None (it is then shown as text)."""
    if not url or any(c.isspace() or c in "<>\"'\\" for c in url):
        return None
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.hostname else None


# --- sections -----------------------------------------------------------------------------


def _takeaways(pack: Pack) -> Section:
    t = pack.takeaways
    box = LabelledBox(
        (
            ("What happened", plain(t.what_happened)),
            ("Why it matters", plain(t.why_it_matters)),
            ("What to watch", plain(t.what_to_watch)),
        )
    )
    return Section("takeaways", "Key takeaways", (box,))


CALLOUTS = 5  # big numbers across the top; every figure is in the table below them
CHART_BARS = 12  # bars a chart holds; the rest are in the table


def _key_figures(pack: Pack) -> Section | None:
    if not pack.figures:
        return None
    kind = pack.source.kind_name
    callouts = tuple(
        Callout(
            f.shown(),
            f.label,
            ", ".join(p for p in (f.unit_after_display(), f.period) if p),
            _figure_source(pack, f),
            f.id,
        )
        for f in pack.figures[:CALLOUTS]
    )
    caption = f"Each figure as reported in the source {kind}, credited to whoever gave it."
    blocks: list[Block] = [KeyFigures(callouts, caption)]
    if len(pack.figures) > CALLOUTS:
        blocks.append(_figure_table(pack))
    blocks += [_chart(pack, group) for group in shared_units(pack.figures)]
    return Section("figures", "Key figures", tuple(blocks))


def _figure_table(pack: Pack) -> Table:
    """Every figure, with only the columns some figure fills."""
    columns: list[tuple[str, float, Callable[[Figure], Rich]]] = [
        ("Figure", 0.36, lambda f: plain(f.label)),
        ("As reported", 0.24, lambda f: plain(f.shown_with_unit())),
    ]
    if any(f.period for f in pack.figures):
        columns.append(("Time frame", 0.18, lambda f: plain(f.period or "—")))
    if any(f.who or f.date for f in pack.figures):
        columns.append(("Source", 0.22, lambda f: _figure_source(pack, f)[1:]))
    scale = 1 / sum(width for _, width, _ in columns)
    return Table(
        tuple(name for name, _, _ in columns),
        tuple(tuple(cell(f) for _, _, cell in columns) for f in pack.figures),
        tuple(width * scale for _, width, _ in columns),
        caption=f"All {len(pack.figures)} figures, in the order of the pack.",
    )


def _figure_source(pack: Pack, figure: Figure) -> Rich:
    actor = pack.actor(figure.who)
    parts = [actor.name if actor else None, figure.date.long() if figure.date else None]
    said = ", ".join(p for p in parts if p)
    return (Run("Source: ", "bold"), Run(said or f"the {pack.source.kind_name}"))


def shared_units(figures: Iterable[Figure], least: int = 3) -> list[list[Figure]]:
    """Groups of figures that share a unit (compared as written, ignoring case), largest first:
    only figures in one unit are comparable on one axis."""
    groups: dict[str, list[Figure]] = {}
    for figure in figures:
        groups.setdefault(figure.unit.strip().casefold(), []).append(figure)
    found = [g for g in groups.values() if len(g) >= least]
    return sorted(found, key=len, reverse=True)


def _chart(pack: Pack, figures: list[Figure]) -> BarChart:
    unit = figures[0].unit
    shown, rest = figures[:CHART_BARS], figures[CHART_BARS:]
    bars = tuple(
        Bar(f.label, float(f.high), f.shown(), float(f.low) if f.range else 0.0) for f in shown
    )
    values = "; ".join(f"{b.label}: {b.value_text}" for b in bars)
    notes = []
    periods: dict[str, list[str]] = {}
    for f in shown:
        periods.setdefault(f.period or "no time frame given", []).append(f.label)
    if len(periods) > 1:
        notes.append(
            "Time frames differ: "
            + "; ".join(f"{' and '.join(labels)}: {period}" for period, labels in periods.items())
            + "."
        )
    if rest:
        notes.append(
            f"The first {len(shown)} of {len(figures)} figures in {unit}; the other "
            f"{len(rest)} are in the table above."
        )
    return BarChart(
        title=f"Compared: {unit}",
        unit=unit,
        bars=bars,
        source=f"Source: {pack.citation()}. Values as reported in the {pack.source.kind_name}.",
        values_text=f"Values ({unit}): {values}.",
        note=" ".join(notes) or None,
    )


def _background(pack: Pack) -> Section | None:
    if not pack.background:
        return None
    return Section(
        "background", "Background", (Paragraphs(tuple(plain(p) for p in pack.background)),)
    )


def _actors(pack: Pack) -> Section | None:
    if not pack.actors:
        return None
    argued = {a.by for a in pack.arguments}
    principal = [a for a in pack.actors if a.position or a.id in argued]
    others = [a for a in pack.actors if a not in principal]
    blocks: list[Block] = []
    if principal:
        rows: tuple[tuple[Rich, ...], ...] = tuple(
            (
                _actor_cell(a),
                plain(a.role),
                plain(a.position or "No stated position"),
                _actor_quote(pack, a),
            )
            for a in principal
        )
        blocks.append(
            Table(("Actor", "Role", "Position", "Quoted"), rows, (0.22, 0.24, 0.24, 0.30))
        )
    if others:
        rows = tuple((_actor_cell(a), plain(a.role)) for a in others)
        blocks.append(Table(("Also in the story", "Role"), rows, (0.34, 0.66)))
    return Section("actors", "Actors and positions", tuple(blocks))


def _actor_cell(actor: Actor) -> Rich:
    cell: Rich = (Run(actor.name, "bold"),)
    if actor.affiliation:
        cell += (Run("\n"), Run(actor.affiliation, "small"))
    return cell


def _actor_quote(pack: Pack, actor: Actor) -> Rich:
    """Their own words if the pack credits any to them, else the article's words on their view."""
    own = [q for fact in pack.facts().values() for q in fact.quotes if q.by == actor.id]
    if own:
        return _credited(pack, _pick(own))
    sides = {"case": 0, "concern": 0, "framing": 1}
    theirs = sorted((a for a in pack.arguments if a.by == actor.id), key=lambda a: sides[a.side])
    for fact in (*theirs, actor):
        if fact.quotes:
            return _credited(pack, _pick(fact.quotes))
    return (Run("—", "small"),)


def _pick(quotes: list[Quote]) -> Quote:
    """A quote of three words or more reads as a quote; a single word rarely does."""
    return next((q for q in quotes if len(q.text.split()) >= 3), quotes[0])


def _credited(pack: Pack, quote: Quote) -> Rich:
    """A quote with who said it; a quote credited to no one is the article's own wording."""
    speaker = pack.actor(quote.by)
    credit = f" — {speaker.name}" if speaker else f" (the {pack.source.short_name}'s words)"
    return (Run(quoted(quote.text), "italic"), Run(credit, "small"))


SIDE_HEADINGS = {
    "case": "The case made for it",
    "concern": "Concerns raised",
    "framing": "How the story is framed",
}


def _arguments(pack: Pack) -> Section | None:
    """The case and the concerns side by side when both exist; any side alone full width;
    framings always in their own labelled list below."""
    if not pack.arguments:
        return None
    groups = {
        side: ArgumentGroup(
            heading, tuple(_position(pack, a) for a in pack.arguments if a.side == side)
        )
        for side, heading in SIDE_HEADINGS.items()
    }
    counts = Counter(a.side for a in pack.arguments)
    parts = [
        _count(counts["case"], "argument") + " for" if counts["case"] else "",
        _count(counts["concern"], "concern") + " against" if counts["concern"] else "",
        _count(counts["framing"], "framing") + " of the story" if counts["framing"] else "",
    ]
    said = [p for p in parts if p]
    listed = ", ".join(said[:-1]) + (" and " if len(said) > 1 else "") + said[-1]
    note: str | None = (
        f"The {pack.source.kind_name} gives {listed}. Each is credited to whoever makes it."
    )
    blocks: list[Block] = []
    case, concern = groups["case"], groups["concern"]
    if case.entries and concern.entries:
        blocks.append(SideBySide(case, concern, note))
        note = None
    for group in (case, concern) if not blocks else ():
        if group.entries:
            blocks.append(ArgumentList(group, note))
            note = None
    if groups["framing"].entries:
        blocks.append(ArgumentList(groups["framing"], note))
    paired = any(isinstance(b, SideBySide) for b in blocks)
    return Section("arguments", "Arguments side by side" if paired else "Arguments", tuple(blocks))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _position(pack: Pack, argument: Argument) -> Position:
    actor = pack.actor(argument.by)
    who = actor.name if actor else argument.by
    if actor and actor.type == "person":
        who += f" ({actor.role})"
    own = [q for q in argument.quotes if q.by == argument.by] or list(argument.quotes)
    quote = _credited(pack, _pick(own)) if own else ()
    return Position(argument.claim, argument.statement, (Run("Made by: ", "bold"), Run(who)), quote)


def _timeline(pack: Pack) -> Section | None:
    if not pack.events:
        return None
    events = sorted(pack.events, key=lambda e: e.date.sort_key())
    moments = tuple(
        Moment(
            e.date.long(),
            _date_note(e, events, pack.source.short_name),
            e.title,
            e.statement,
            e.inferred,
        )
        for e in events
    )
    notes = []
    if any(e.inferred for e in events):
        notes.append(
            f"Dates marked inferred are not stated in the {pack.source.kind_name}; they are "
            "worked out from its wording, as explained under Sources and method."
        )
    if any(_overlapping(e, events) for e in events):
        notes.append(
            "Entries marked “order not known” share a date, or have a date given only "
            "as a year or a month, which covers that whole span: their order among "
            "the dates they overlap is not known."
        )
    return Section("timeline", "Timeline", (Timeline(moments, " ".join(notes) or None),))


def _overlapping(event: Event, events: list[Event]) -> list[Event]:
    return [e for e in events if e is not event and e.date.overlaps(event.date)]


def _date_note(event: Event, events: list[Event], wording: str) -> str | None:
    notes = []
    if event.inferred:
        notes.append(
            f"inferred; {wording}: {quoted(event.date_text)}" if event.date_text else "inferred"
        )
    overlapping = _overlapping(event, events)
    if overlapping:
        same = all(e.date == event.date for e in overlapping)
        notes.append(
            "same day: order not known"
            if same and event.date.precision == "day"
            else f"{event.date.precision} only: order not known"
            if event.date.precision != "day"
            else f"within {overlapping[0].date.long()}: order not known"
        )
    return f"({'; '.join(notes)})" if notes else None


def _implications(pack: Pack) -> Section:
    blocks: list[Block] = [
        Paragraphs(
            (plain("This section is analysis: a reading of the facts above, not reported fact."),)
        )
    ]
    if pack.implications:
        blocks.append(ItemList(tuple(plain(i) for i in pack.implications)))
    blocks.append(
        Paragraphs(((Run("What to watch: ", "bold"), Run(pack.takeaways.what_to_watch)),))
    )
    return Section("implications", "Implications and what to watch", tuple(blocks), label=ANALYSIS)


def _discussion(pack: Pack) -> Section | None:
    if not pack.discussion:
        return None
    return Section(
        "discussion",
        "Questions for discussion",
        (ItemList(tuple(plain(q) for q in pack.discussion), numbered=True),),
    )


def _glossary(pack: Pack) -> Section | None:
    if not pack.terms:
        return None
    terms = sorted(pack.terms, key=lambda t: t.term.casefold())
    rows = tuple(
        ((Run(t.term, "bold"), Run(f" ({t.short})" if t.short else "")), plain(t.statement))
        for t in terms
    )
    return Section("glossary", "Glossary", (Table(("Term", "Meaning"), rows, (0.3, 0.7)),))


def _sources(pack: Pack) -> Section:
    source = pack.source
    cite: Rich = (Run(f"Source ({pack.source.kind_name}): ", "bold"), Run(pack.citation() + "."))
    if source.url:  # linked only when it is a plain http(s) address; else shown as text
        cite += (Run(" "), Run(source.url, link=safe_url(source.url)))
    paragraphs: list[Rich] = [
        cite,
        plain(source.about),
        (Run("Dates: ", "bold"), Run(source.date_basis)),
    ]
    method = [
        *pack.method,
        f"Only text in quotation marks is the {pack.source.kind_name}'s, copied verbatim; "
        "the rest is the curator's wording. Dates marked inferred are worked out, not "
        "stated; the section "
        f"marked Analysis is interpretation. Built by classbrief from the fact pack “{pack.id}”.",
    ]
    return Section(
        "sources",
        "Sources and method",
        (Paragraphs(tuple(paragraphs)), ItemList(tuple(plain(m) for m in method))),
    )


def _info(pack: Pack, date: dt.date | None) -> DocumentInfo:
    tags = Counter(tag for fact in pack.facts().values() for tag in fact.tags)
    keywords = ("policy brief", "classroom", *sorted(tags, key=lambda t: (-tags[t], t)))
    language = pack.language if _LANGUAGE.match(pack.language) else "en"
    return DocumentInfo(
        title=pack.title,
        author=f"classbrief, from the fact pack {pack.id}",
        subject=f"Classroom policy brief: {pack.source.headline}",
        keywords=keywords,
        language=language,
        created=date,
    )
