"""Pure bookmark logic for the nightly run: which index days to visit and where the bookmark
moves. No I/O here, so every rule is unit-tested with plain dates.

The bookmark is the last index day that was fully processed. A nightly run starts AT the
bookmark (re-checking it: a day's index can gain late entries) and walks business days up to
today. EDGAR publishes no daily index on holidays and closures, so a missing day is skipped,
not fatal; but several missing weekdays in a row mean the newest index is simply not out yet,
and the run ends there. No holiday calendar is needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterator

NIGHTLY_CHECKPOINT = "nightly.last_completed_day"

# The longest run of weekdays without a daily index in EDGAR's history is a holiday next to a
# closure (e.g. 2018-12-24 and 12-25): two days. Four missing weekdays in a row can only mean
# "not published yet", so the walk stops there instead of probing up to today.
MAX_MISSING_WEEKDAYS = 4


def is_business_day(day: date) -> bool:
    return day.weekday() < 5


def previous_business_day(day: date) -> date:
    day -= timedelta(days=1)
    while not is_business_day(day):
        day -= timedelta(days=1)
    return day


def business_days(start: date, end: date) -> Iterator[date]:
    """Weekdays from start through end, ascending (end inclusive)."""
    day = start
    while day <= end:
        if is_business_day(day):
            yield day
        day += timedelta(days=1)


def nightly_start(checkpoint: date | None, since: date | None, today: date) -> date:
    """Where a nightly run begins: the bookmark itself (re-checked for late entries); on a first
    run --since, or else the previous business day."""
    if checkpoint is not None:
        return checkpoint
    if since is not None:
        return since
    return previous_business_day(today)


def parse_checkpoint(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        # A damaged bookmark must not stop the nightly job; the caller falls back to --since.
        return None


@dataclass
class DayWalk:
    """The state of one nightly walk over index days.

    Feed it each day's outcome in ascending order; it says whether to go on and which day the
    bookmark may move to. The bookmark only moves forward, and only over a day whose index was
    read and whose filings were all recorded (a skipped holiday is passed by the next
    published day, never on its own, so a day that is merely late is never skipped).
    """

    start: date
    today: date
    checkpoint: date | None = None
    missing_in_row: int = 0
    published: list[date] = field(default_factory=list)
    missing: list[date] = field(default_factory=list)

    def days(self) -> Iterator[date]:
        for day in business_days(self.start, self.today):
            if self.finished:
                return
            yield day

    @property
    def finished(self) -> bool:
        return self.missing_in_row >= MAX_MISSING_WEEKDAYS

    def day_missing(self, day: date) -> None:
        self.missing.append(day)
        self.missing_in_row += 1

    def day_completed(self, day: date) -> date | None:
        """Record a fully processed day; returns the new bookmark, or None if it does not move."""
        self.published.append(day)
        self.missing_in_row = 0
        if self.checkpoint is None or day > self.checkpoint:
            self.checkpoint = day
            return day
        return None
