"""A program's history as a picture: cap, cumulative sales and remaining capacity over time.

Pure: rows of `atm_timeline` for one program in, a list of points and an SVG string out. The
SVG is drawn here rather than by a JavaScript charting library because the web view must work
offline (no CDN) and be testable without a browser; a headless browser test still checks it
renders (tests/web).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from html import escape
from typing import Any, Iterable, Mapping

# Colours picked to stay apart for the common colour-vision deficiencies.
CAP_COLOUR, SALES_COLOUR, REMAINING_COLOUR = "#1f5fbf", "#e07b00", "#2a9d3a"


@dataclass(frozen=True)
class Point:
    """The program as it stood after one event."""

    day: date
    event_type: str
    cap: Decimal | None
    sales: Decimal | None
    remaining: Decimal | None
    accession_number: str | None = None


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _money(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def program_points(rows: Iterable[Mapping[str, Any]]) -> list[Point]:
    """Fold one program's timeline rows (any order) into the state after each event.

    A sales report is placed at its as-of date; other events at their event date, else the
    filing date. The cap carries forward until an event states a new one; remaining capacity is
    the figure the filing states, else cap minus cumulative sales when both are known.
    """

    def when(row: Mapping[str, Any]) -> date | None:
        if row.get("event_type") == "sales_reported" and _day(row.get("as_of")):
            return _day(row.get("as_of"))
        return _day(row.get("event_date")) or _day(row.get("filed_date"))

    dated = [(d, r) for d, r in ((when(r), r) for r in rows) if d is not None]
    dated.sort(key=lambda item: (item[0], str(item[1].get("filed_date") or ""), item[1].get("event_seq") or 0))
    cap: Decimal | None = None
    sales: Decimal | None = None
    points = []
    for day, row in dated:
        stated_cap = _money(row.get("max_amount"))
        if stated_cap is not None and row.get("event_type") in ("program_established", "program_amended"):
            cap = stated_cap
        elif cap is None and stated_cap is not None:
            cap = stated_cap
        if row.get("event_type") == "sales_reported":
            if _money(row.get("gross_proceeds")) is not None:
                sales = _money(row.get("gross_proceeds"))
            elif row.get("shares_sold") == 0:  # "we have not sold any shares": zero dollars too
                sales = Decimal(0)
        remaining = _money(row.get("remaining_amount"))
        if remaining is None and cap is not None and sales is not None:
            remaining = max(cap - sales, Decimal(0))
        points.append(Point(day, str(row.get("event_type")), cap, sales, remaining, row.get("accession_number")))
    return points


def money_label(value: Decimal | float | int) -> str:
    value = float(value)
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            return f"${value / size:,.1f}{suffix}".replace(".0" + suffix, suffix)
    return f"${value:,.0f}"


def render_svg(points: list[Point], *, width: int = 720, height: int = 260, title: str = "") -> str:
    """An SVG step chart of cap, cumulative sales and remaining capacity, with a marker per event."""
    left, right, top, bottom = 72, 16, 28, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    label = escape(title or "ATM program history")
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" class="atm-chart" role="img" aria-label="{label}" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
            f'<title>{label}</title>')
    if not points:
        return head + f'<text x="{left}" y="{top + 20}" class="empty">No dated events for this program.</text></svg>'
    first, last = points[0].day, points[-1].day
    if last - first < timedelta(days=60):  # one event, or a few close together: give the line room
        first, last = first - timedelta(days=30), last + timedelta(days=30)
    span = (last - first).days
    values = [v for p in points for v in (p.cap, p.sales, p.remaining) if v is not None]
    top_value = max(values, default=Decimal(0)) or Decimal(1)

    def x(day: date) -> float:
        return left + plot_w * (day - first).days / span

    def y(value: Decimal) -> float:
        return top + plot_h * (1 - float(value) / float(top_value))

    parts = [head, f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#fafafa" stroke="#ccc"/>']
    for i in range(5):  # horizontal grid with dollar labels
        value = top_value * i / 4
        yy = y(value)
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#e5e5e5"/>')
        parts.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end" font-size="11">{money_label(value)}</text>')
    parts.append(f'<text x="{left}" y="{height - 12}" font-size="11">{first.isoformat()}</text>')
    parts.append(f'<text x="{left + plot_w}" y="{height - 12}" font-size="11" text-anchor="end">{last.isoformat()}</text>')
    end = points[-1].day if points[-1].day < last else last
    for name, colour, attr, dash in (("cap", CAP_COLOUR, "cap", ""), ("cumulative sales", SALES_COLOUR, "sales", ""),
                                     ("remaining", REMAINING_COLOUR, "remaining", ' stroke-dasharray="6 4"')):
        path = _step_path([(p.day, getattr(p, attr)) for p in points], x, y, end)
        if path:
            parts.append(f'<path class="series-{attr}" d="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}>'
                         f'<title>{name}</title></path>')
    for p in points:
        yy = y(p.cap) if p.cap is not None else top + plot_h
        tip = escape(f"{p.day.isoformat()} {p.event_type}" + (f" ({p.accession_number})" if p.accession_number else ""))
        parts.append(f'<circle class="event-marker" cx="{x(p.day):.1f}" cy="{yy:.1f}" r="4" fill="#333">'
                     f'<title>{tip}</title></circle>')
    legend_x = left
    for name, colour in (("cap", CAP_COLOUR), ("cumulative sales", SALES_COLOUR), ("remaining", REMAINING_COLOUR)):
        parts.append(f'<rect x="{legend_x}" y="8" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{legend_x + 16}" y="18" font-size="12">{name}</text>')
        legend_x += 24 + 8 * len(name)
    parts.append("</svg>")
    return "".join(parts)


def _step_path(values: list[tuple[date, Decimal | None]], x, y, end: date) -> str:
    """Hold each value until the next one (a figure stays true until a filing changes it)."""
    known = [(d, v) for d, v in values if v is not None]
    if not known:
        return ""
    commands = [f"M{x(known[0][0]):.1f},{y(known[0][1]):.1f}"]
    for _, (next_day, next_value) in zip(known, known[1:]):
        commands.append(f"H{x(next_day):.1f}V{y(next_value):.1f}")
    commands.append(f"H{x(max(end, known[-1][0])):.1f}")
    return " ".join(commands)
