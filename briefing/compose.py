"""Pack → brief content: what goes in the brief and in what order, as plain data.

Everything here is a pure function of the pack (and the brief's date). The wording
of facts is the curator's, copied from the pack; the only words added are labels,
credits and notes on method, so the brief never says more than the pack does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlsplit

from briefing.content import (
    ArgumentGroup,
    Bar,
    BarChart,
    Block,
    Brief,
    Callout,
    DocumentInfo,
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
from seeds.model import MONTHS, Actor, Argument, Event, Figure, Pack, Quote, format_number

AUDIENCE = "For classroom use"
KICKER = "Classroom policy brief"
ANALYSIS = "Analysis"
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def compose_brief(pack: Pack, date: dt.date | None = None) -> Brief:
    """The brief for one pack. `date` is the brief's date; by default the pack's reference date."""
    date = date or brief_date(pack)
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
    masthead = Masthead(KICKER, pack.title, pack.citation(), AUDIENCE,
                        long_date(date) if date else None)
    return Brief(masthead, tuple(s for s in sections if s is not None), _info(pack, date),
                 footer=f"{pack.title} · {KICKER.lower()}")


def brief_date(pack: Pack) -> dt.date | None:
    """The date a brief carries by default: never today, so a rebuild is the same file."""
    if pack.source.reference_date:
        return pack.source.reference_date
    if pack.source.published:
        year, month, day = [*pack.source.published.split("-"), "1", "1"][:3]
        return dt.date(int(year), int(month), int(day))
    return None


# --- formatting ---------------------------------------------------------------------------


def short_date(partial: str) -> str:
    """A partial ISO date as a reader writes it: 2022, Apr 2022, 21 Feb 2023."""
    parts = [int(p) for p in partial.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = MONTHS[parts[1] - 1][:3]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def long_date(date: dt.date) -> str:
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


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
    box = LabelledBox((("What happened", plain(t.what_happened)),
                       ("Why it matters", plain(t.why_it_matters)),
                       ("What to watch", plain(t.what_to_watch))))
    return Section("takeaways", "Key takeaways", (box,))


def _key_figures(pack: Pack) -> Section | None:
    if not pack.figures:
        return None
    callouts = tuple(Callout(format_number(f.value, f.unit), f.label,
                             ", ".join(p for p in (f.unit, f.period) if p),
                             _figure_source(pack, f), f.id)
                     for f in pack.figures)
    blocks: list[Block] = [KeyFigures(callouts, "Each figure as reported in the source "
                                                "article, credited to whoever gave it.")]
    blocks += [_chart(pack, group) for group in shared_units(pack.figures)]
    return Section("figures", "Key figures", tuple(blocks))


def _figure_source(pack: Pack, figure: Figure) -> Rich:
    actor = pack.actor(figure.who)
    parts = [actor.name if actor else None, short_date(figure.date) if figure.date else None]
    said = ", ".join(p for p in parts if p)
    return (Run("Source: ", "bold"), Run(said or "the article"))


def shared_units(figures: Iterable[Figure], least: int = 3) -> list[list[Figure]]:
    """Groups of figures that share a unit (compared as written, ignoring case), largest first."""
    groups: dict[str, list[Figure]] = {}
    for figure in figures:
        groups.setdefault(figure.unit.strip().casefold(), []).append(figure)
    found = [g for g in groups.values() if len(g) >= least]
    return sorted(found, key=len, reverse=True)


def _chart(pack: Pack, figures: list[Figure]) -> BarChart:
    unit = figures[0].unit
    bars = tuple(Bar(f.label, float(f.value), format_number(f.value, f.unit)) for f in figures)
    values = "; ".join(f"{b.label}: {b.value_text}" for b in bars)
    note = None
    periods: dict[str, list[str]] = {}
    for f in figures:
        periods.setdefault(f.period or "no time frame given", []).append(f.label)
    if len(periods) > 1:
        note = "Time frames differ: " + "; ".join(
            f"{' and '.join(labels)}: {period}" for period, labels in periods.items()) + "."
    return BarChart(title=f"Compared: {unit}", unit=unit, bars=bars,
                    source=f"Source: {pack.citation()}. Values as reported in the article.",
                    values_text=f"Values ({unit}): {values}.", note=note)


def _background(pack: Pack) -> Section | None:
    if not pack.background:
        return None
    return Section("background", "Background",
                   (Paragraphs(tuple(plain(p) for p in pack.background)),))


def _actors(pack: Pack) -> Section | None:
    if not pack.actors:
        return None
    argued = {a.by for a in pack.arguments}
    principal = [a for a in pack.actors if a.position or a.id in argued]
    others = [a for a in pack.actors if a not in principal]
    blocks: list[Block] = []
    if principal:
        rows = tuple((_actor_cell(a), plain(a.role), plain(a.position or "No stated position"),
                      _actor_quote(pack, a)) for a in principal)
        blocks.append(Table(("Actor", "Role", "Position", "Quoted"), rows,
                            (0.22, 0.24, 0.24, 0.30)))
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
    credit = f" — {speaker.name}" if speaker else " (the article's words)"
    return (Run(quoted(quote.text), "italic"), Run(credit, "small"))


def _arguments(pack: Pack) -> Section | None:
    if not pack.arguments:
        return None

    def group(side: str, heading: str) -> tuple[ArgumentGroup, ...]:
        entries = tuple(_position(pack, a) for a in pack.arguments if a.side == side)
        return (ArgumentGroup(heading, entries),) if entries else ()

    counts = Counter(a.side for a in pack.arguments)
    note = (f"The article gives {_count(counts['case'], 'argument')} for and "
            f"{_count(counts['concern'], 'concern')} against"
            + (f", plus {_count(counts['framing'], 'framing')} of the story" if counts["framing"]
               else "") + ". Each is credited to whoever makes it.")
    return Section("arguments", "Arguments side by side",
                   (SideBySide(group("case", "The case made for it"),
                               group("concern", "Concerns raised") + group("framing", "Framing"),
                               note),))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _position(pack: Pack, argument: Argument) -> Position:
    actor = pack.actor(argument.by)
    who = actor.name if actor else argument.by
    if actor and actor.type == "person":
        who += f" ({actor.role})"
    own = [q for q in argument.quotes if q.by == argument.by] or list(argument.quotes)
    quote = _credited(pack, _pick(own)) if own else ()
    return Position(argument.claim, argument.statement, (Run("Made by: ", "bold"), Run(who)),
                    quote)


def _timeline(pack: Pack) -> Section | None:
    if not pack.events:
        return None
    events = sorted(pack.events, key=lambda e: e.date)
    moments = tuple(Moment(short_date(e.date), _date_note(e), e.title, e.statement, e.inferred)
                    for e in events)
    note = ("Dates marked inferred are not stated in the article; they are worked out from its "
            "wording, as explained under Sources and method.") if any(
        e.inferred for e in events) else None
    return Section("timeline", "Timeline", (Timeline(moments, note),))


def _date_note(event: Event) -> str | None:
    if not event.inferred:
        return None
    return (f"(inferred; article: {quoted(event.date_text)})" if event.date_text
            else "(inferred)")


def _implications(pack: Pack) -> Section:
    blocks: list[Block] = [Paragraphs((plain(
        "This section is analysis: a reading of the facts above, not reported fact."),))]
    if pack.implications:
        blocks.append(ItemList(tuple(plain(i) for i in pack.implications)))
    blocks.append(Paragraphs(((Run("What to watch: ", "bold"),
                               Run(pack.takeaways.what_to_watch)),)))
    return Section("implications", "Implications and what to watch", tuple(blocks),
                   label=ANALYSIS)


def _discussion(pack: Pack) -> Section | None:
    if not pack.discussion:
        return None
    return Section("discussion", "Questions for discussion",
                   (ItemList(tuple(plain(q) for q in pack.discussion), numbered=True),))


def _glossary(pack: Pack) -> Section | None:
    if not pack.terms:
        return None
    terms = sorted(pack.terms, key=lambda t: t.term.casefold())
    rows = tuple(((Run(t.term, "bold"), Run(f" ({t.short})" if t.short else "")),
                  plain(t.statement)) for t in terms)
    return Section("glossary", "Glossary", (Table(("Term", "Meaning"), rows, (0.3, 0.7)),))


def _sources(pack: Pack) -> Section:
    source = pack.source
    cite: Rich = (Run("Source article: ", "bold"), Run(pack.citation() + "."))
    if source.url:  # linked only when it is a plain http(s) address; else shown as text
        cite += (Run(" "), Run(source.url, link=safe_url(source.url)))
    paragraphs: list[Rich] = [cite, plain(source.about),
                              (Run("Dates: ", "bold"), Run(source.date_basis))]
    method = [
        *pack.method,
        "Only text in quotation marks is the article's, copied verbatim; the rest is the "
        "curator's wording. Dates marked inferred are worked out, not stated; the section "
        f"marked Analysis is interpretation. Built by classbrief from the fact pack “{pack.id}”.",
    ]
    return Section("sources", "Sources and method",
                   (Paragraphs(tuple(paragraphs)), ItemList(tuple(plain(m) for m in method))))


def _info(pack: Pack, date: dt.date | None) -> DocumentInfo:
    tags = Counter(tag for fact in pack.facts().values() for tag in fact.tags)
    keywords = ("policy brief", "classroom",
                *sorted(tags, key=lambda t: (-tags[t], t)))
    language = pack.language if _LANGUAGE.match(pack.language) else "en"
    return DocumentInfo(title=pack.title, author=f"classbrief, from the fact pack {pack.id}",
                        subject=f"Classroom policy brief: {pack.source.headline}",
                        keywords=keywords, language=language, created=date)
