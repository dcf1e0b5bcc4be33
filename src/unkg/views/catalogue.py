"""Labels of the meetings, sessions and reports a graph holds, read once per view from SPARQL."""

from __future__ import annotations

from dataclasses import dataclass, field

from unkg.config import Settings
from unkg.views.results import Selectable, fetch, local_name


@dataclass(frozen=True)
class SessionInfo:
    """A session as the views label it."""

    iri: str
    number: int
    title: str
    event: str
    date: str | None = None
    host: str | None = None
    host_name: str | None = None


@dataclass
class Catalogue:
    """Meeting, session and report labels, keyed by IRI."""

    event_titles: dict[str, str] = field(default_factory=dict)
    event_dates: dict[str, str] = field(default_factory=dict)
    event_reports: dict[str, list[str]] = field(default_factory=dict)  # event -> report IRIs
    report_titles: dict[str, str] = field(default_factory=dict)
    report_sources: dict[str, str] = field(default_factory=dict)
    sessions: dict[str, SessionInfo] = field(default_factory=dict)

    def event_label(self, iri: str | None) -> str:
        """ "Dialogue A (2019)"; the IRI's last segment when the graph gives no title."""
        if not iri:
            return "meeting not stated"
        title = _shorten(self.event_titles.get(iri, local_name(iri)))
        date = self.event_dates.get(iri)
        return f"{title} ({date[:4]})" if date else title

    def session_label(self, iri: str | None, with_event: bool = True) -> str:
        """ "Session 2: Visit to WHO", prefixed with the meeting's label when ``with_event``."""
        if not iri:
            return "session not stated"
        info = self.sessions.get(iri)
        if info is None:
            return local_name(iri)
        own = f"Session {info.number}: {info.title}"
        return f"{self.event_label(info.event)} · {own}" if with_event else own

    def session_event(self, iri: str | None) -> str | None:
        """The meeting a session belongs to."""
        info = self.sessions.get(iri) if iri else None
        return info.event if info else None

    def report_label(self, iri: str | None) -> str:
        """A report's title and file name: "Report of Dialogue A (dialogue-a.txt)"."""
        if not iri:
            return "report not stated"
        title = self.report_titles.get(iri, local_name(iri))
        source = self.report_sources.get(iri)
        return f"{title} ({source})" if source else title

    def sorted_events(self) -> list[str]:
        """Meetings by date, then title."""
        return sorted(
            self.event_titles, key=lambda iri: (self.event_dates.get(iri, ""), self.event_label(iri))
        )

    def sorted_sessions(self) -> list[str]:
        """Sessions by meeting (in date order), then number."""
        order = {event: index for index, event in enumerate(self.sorted_events())}
        return sorted(
            self.sessions,
            key=lambda iri: (
                order.get(self.sessions[iri].event, 1 << 30),
                self.sessions[iri].event,
                self.sessions[iri].number,
            ),
        )

    def source_lines(self) -> tuple[str, ...]:
        """One line per report the graph was built from, in meeting order."""
        lines: list[str] = []
        for event in self.sorted_events():
            for report in self.event_reports.get(event, []):
                lines.append(self.report_label(report))
        return tuple(lines)


def load_catalogue(store: Selectable, settings: Settings) -> Catalogue:
    """Read meetings and reports (queries/view_events.rq) and sessions (queries/sessions.rq)."""
    catalogue = Catalogue()
    for record in fetch(store, "view_events", settings).records:
        event, report = record["event"], record["report"]
        if not event:
            continue
        catalogue.event_titles[event] = record["eventTitle"] or local_name(event)
        if record["date"]:
            catalogue.event_dates[event] = record["date"]
        if report:
            reports = catalogue.event_reports.setdefault(event, [])
            if report not in reports:
                reports.append(report)
            catalogue.report_titles[report] = record["reportTitle"] or local_name(report)
            if record["source"]:
                catalogue.report_sources[report] = record["source"]
    for record in fetch(store, "sessions", settings).records:
        session, event = record["session"], record["event"]
        if not session or not event:
            continue
        catalogue.event_titles.setdefault(event, record["eventTitle"] or local_name(event))
        catalogue.sessions[session] = SessionInfo(
            iri=session,
            number=_as_int(record["number"]),
            title=record["title"] or "",
            event=event,
            date=record["date"],
            host=record["host"],
            host_name=record["hostName"],
        )
    return catalogue


SHORT_TITLE = 48


def _shorten(title: str) -> str:
    """A long meeting title cut at a word, so that side panels and drop-downs stay readable."""
    if len(title) <= SHORT_TITLE:
        return title
    cut = title[: SHORT_TITLE - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return cut + "…"


def _as_int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0
