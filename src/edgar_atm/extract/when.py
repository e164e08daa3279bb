"""Dates an event takes effect or a sales figure is measured at, as (date, offsets into the
text) so the caller can record where the date came from."""

from __future__ import annotations

import re
from datetime import date

from .dates import DATE_RE, to_date

Found = tuple[date, int, int]  # value, start, end (offsets into the text searched)

AS_OF_RE = re.compile(r"(?<!dated )\b(?:as of|through|prior to|up to|until|on or before|at|(?:year|quarter|period|months|week) (?:ended|ending))\s+(?P<date>"
                      + DATE_RE.pattern + ")|"
                      r"\bsales?\s+made\b[^.;$]{0,80}?\bon\s+(?P<date2>" + DATE_RE.pattern.replace("(?P<", "(?P<d2_") + ")", re.I)
"""Sales measured at a stated date: "As of April 26, 2023", "through June 30, 2024", "During the year ended
December 31, 2020", "for the week ending June 28, 2002"; the day of a single sale ("relates to the sale made in a privately
negotiated transaction on April 28, 2006")."""

AS_OF_DOC_RE = re.compile(
    r"\b(?:as of|through|prior to|until|up to)\s+(?:the date (?:of|hereof)|the date of this|immediately prior to the date of)|"
    r"\bimmediately prior to (?:the )?filing (?:of )?this\b|"
    r"(?<!up )\bto date\b", re.I)
"""Sales measured at the supplement's own date: "as of the date of this prospectus supplement", "To date,
we have sold ...", "As of immediately prior to filing this Amendment No. 2"."""

EFFECTIVE_RE = re.compile(r"\beffective(?: as of| on| upon)?\s+(?P<date>" + DATE_RE.pattern + ")", re.I)
"""A change dated by "effective [as of|on] <date>"."""

ON_DATE_RE = re.compile(r"\b(?:On|on|As of|as of)\s+(" + DATE_RE.pattern + ")")
"""A change dated by "On <date>, we ..."."""

_EFFECTIVE_TODAY_RE = re.compile(r"\beffective (?:as of )?(?:the date (?:of this|hereof)|today)\b", re.I)
"""Dated by the supplement itself ("Effective as of the date hereof, we have reinstated ..."), whatever
earlier dates the sentence recalls."""
_EARLIER_STEP_RE = re.compile(r"\b(?:previously|had)\b[^.;,]{0,30}$|"
                              r"\b(?:which|that|after)\s+(?:we|it|the company)\s+(?:suspended|paused|halted|stopped)(?:\s+(?:it|them|sales))?\s*$", re.I)
"""An earlier step the sentence recalls: "which we had previously suspended on May 1, 2024", "the program, which we
suspended on November 1, 2023" (a resumption is not dated by the suspension it ends)."""
_BEGAN_ON_RE = re.compile(r"\b(?:entered into|commenced|began|dated|executed|established)\s*$", re.I)

EFFECTIVE_NOW_RE = re.compile(r"\beffective (?:immediately|as of the date (?:of|hereof)|today|upon the filing)|\bas of the date (?:of this|hereof)", re.I)
"""A change that takes effect with the supplement itself ("effective immediately")."""


BETWEEN_RE = re.compile(r"\b(?:between\s+" + DATE_RE.pattern.replace("(?P<", "(?P<a_") + r"\s+and|from\s+"
                        + DATE_RE.pattern.replace("(?P<", "(?P<b_") + r"\s+(?:to|through))\s+(?P<date>" + DATE_RE.pattern + ")", re.I)
"""Sales over a stated window: "between May 4, 2010 and August 2, 2010", "From January 24, 2020 to August
16, 2021" (measured at its end)."""


def as_of(text: str, doc_date: date | None) -> Found | None:
    """The date a sales figure is measured at (AS_OF_RE, BETWEEN_RE's end date, else AS_OF_DOC_RE
    -> the document date)."""
    m = AS_OF_RE.search(text) or BETWEEN_RE.search(text)
    if m:
        group = "date2" if "date2" in m.re.groupindex and m.group("date2") else "date"
        dm = DATE_RE.search(m.group(group))
        d = to_date(dm) if dm else None
        return (d, m.start(group), m.end(group)) if d else None
    if doc_date:
        m = AS_OF_DOC_RE.search(text)
        if m:
            return doc_date, m.start(), m.end()
    return None


def effective_date(text: str, doc_date: date | None) -> Found | None:
    """When a suspension, termination or resumption takes effect: a stated date
    (EFFECTIVE_RE, ON_DATE_RE), else the document's date when it says "effective immediately"."""
    m = EFFECTIVE_RE.search(text)
    if m:
        dm = DATE_RE.search(m.group("date"))
        if dm:
            d = to_date(dm)
            return (d, m.start("date"), m.end("date")) if d else None
    if doc_date:
        m = _EFFECTIVE_TODAY_RE.search(text)
        if m:
            return doc_date, m.start(), m.end()
    for m in ON_DATE_RE.finditer(text):
        if _BEGAN_ON_RE.search(text[max(0, m.start() - 20):m.start()]):
            continue  # "entered into on August 26, 2021": when the agreement began, not when it ends
        if _EARLIER_STEP_RE.search(text[max(0, m.start() - 50):m.start()]):
            continue  # "which we had previously suspended on May 1, 2024": an earlier step, not this one
        dm = DATE_RE.search(m.group(1))
        if dm:
            d = to_date(dm)
            return (d, m.start(1), m.end(1)) if d else None
        break
    if doc_date:
        m = EFFECTIVE_NOW_RE.search(text)
        if m:
            return doc_date, m.start(), m.end()
    return None
