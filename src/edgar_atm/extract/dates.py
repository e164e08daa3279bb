"""Dates as prospectuses write them -> date objects."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_FULL_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_NAME = rf"(?:{_FULL_MONTHS})"
"""A month written out ("August"), for rules that name a date by its month alone ("the August 11 prospectus")."""
# Covers print month names in capitals ("AMENDMENT NO. 1 DATED APRIL 5, 2021").
_MONTH_ALT = (rf"(?:{_FULL_MONTHS}|{_FULL_MONTHS.upper()}"
              r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
DATE_RE = re.compile(rf"(?P<month>{_MONTH_ALT})\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<year>(?:19|20)\d\d)\b")
NUMERIC_DATE_RE = re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d\d)\b")


def to_date(match: re.Match[str]) -> date | None:
    try:
        month = _MONTHS[match.group("month").lower().rstrip(".")]
        return date(int(match.group("year")), month, int(match.group("day")))
    except (KeyError, ValueError):
        return None


def parse_date(text: str) -> date | None:
    m = DATE_RE.search(text)
    if m:
        return to_date(m)
    m = NUMERIC_DATE_RE.search(text)
    if m:
        try:
            return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            return None
    return None


def all_dates(text: str) -> list[tuple[int, date]]:
    out = []
    for m in DATE_RE.finditer(text):
        d = to_date(m)
        if d:
            out.append((m.start(), d))
    return out
