"""program_amended: the agreement or the ATM prospectus changed by this filing.

Ways filings say it: "Amendment No. 1, dated X, to the Sales Agreement, dated Y"; "amended and
restated sales agreement ... which amends and restates"; "we entered into an amendment";
"dated Y, as amended on X" when X is close to the supplement's date; a cap raised "by $A to $B";
a cover that amends the ATM prospectus supplement ("Supplement No. 1 to Prospectus Supplement").
"""

from __future__ import annotations

import re
from datetime import date

from ..amounts import MONEY_RE
from ..model import Detection, Program

AMEND_RE = re.compile(
    r"\bamendment(?: no\. ?\d+)?,? (?:dated|to (?:the|our|that certain))|\bamended and restated\b|\bamends and restates\b|"
    r"\b(?:entered into|executed) (?:an? |the )?(?:first |second |third )?amendment\b|\bAmendment No\. ?\d+",
    re.I,
)
"""The agreement itself amended: "Amendment No. 1", "amendment, dated ...", "amended and
restated", "amends and restates", "entered into an amendment"."""

_MONEY_ANON = re.sub(r"\(\?P<\w+>", "(?:", MONEY_RE.pattern)
INCREMENT_RE = re.compile(r"\b(?:an? )?additional\s+" + _MONEY_ANON + r"|\bby (?:up to )?(?:an additional )?" + _MONEY_ANON + r"(?! to)", re.I)
"""An increment, not a cap: "an additional $75.0 million", "by $50,000,000"."""

NEW_TOTAL_RE = re.compile(r"\bby (?:up to )?(?:an additional )?\$[\d,.]+(?:\s*(?:million|billion))? to\s+" + MONEY_RE.pattern, re.I)
"""A cap raised to a new total: "increase ... by $302,073,006 to $1,000,000,000" (the total counts)."""

# An amendment dated this close to the supplement is this filing's change; older ones are context.
RECENT_DAYS = 62


def made_now(program: Program, first_text: str, doc_date: date | None) -> bool:
    """Whether the amendment the defining sentences describe is this filing's change: not
    an old A&R agreement re-registered ("previously entered into"), and dated close to the
    supplement ("dated X, as amended on Y")."""
    amended = program.amended
    if amended and re.search(r"\bpreviously (?:entered into|executed)\b", first_text, re.I):
        return False  # an old A&R agreement re-registered: context, not this filing's change
    if program.amendment_date and not amended and not re.search(r"\bpreviously\b", first_text, re.I):
        if doc_date is None or abs((doc_date - program.amendment_date).days) <= RECENT_DAYS:
            program.amended_how = "inferred"
            return True
        return False
    if program.amendment_date and doc_date and amended:
        return (doc_date - program.amendment_date).days <= RECENT_DAYS
    return amended


def detect(program: Program, notice: bool, notice_span) -> Detection | None:
    """program_amended for an amendment made now, or for a supplement that amends the ATM
    prospectus supplement (a notice cover: cap cut, new agents, new commission)."""
    if not (program.amended or notice):
        return None
    how = "explicit" if program.amended and program.amended_how != "inferred" else "inferred"
    trigger = program.source if program.amended else (notice_span or program.source)
    return program.event("program_amended", trigger=trigger, how=how, excerpt=program.excerpt)
