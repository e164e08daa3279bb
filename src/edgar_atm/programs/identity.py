"""Who a program is: canonical agent keys (renames folded), security classes, event dates.

Pure helpers the fold (programs.fold) compares events with. Agents are compared by a canonical
key (case, punctuation and corporate suffixes ignored, known renames folded: Cowen -> TD
Securities), so 'Oppenheimer & Co. Inc.' and 'Oppenheimer' are one agent.
"""

from __future__ import annotations

import re
from functools import lru_cache
from datetime import date

_CORPORATE_TAIL = {
    "llc", "inc", "incorporated", "corp", "corporation", "ltd", "limited", "lp", "llp",
    "plc", "co", "company", "and", "the", "na",
}

# Renamed or merged broker-dealers (docs/atm-domain.md sections 1 and 4): the old canonical key
# maps onto the new one, so a program keeps its identity across the rename.
AGENT_RENAMES = {
    "cowen": "td securities usa",
    "svb securities": "leerink partners",
    "svb leerink": "leerink partners",
    "b riley fbr": "b riley securities",
    "fbr capital markets": "b riley securities",
    "mlv": "b riley securities",
    "merrill lynch pierce fenner and smith": "bofa securities",
    "suntrust robinson humphrey": "truist securities",
    "jeffries": "jefferies",  # a typo seen in real filings (S80)
    "jmp securities": "citizens jmp securities",
}


@lru_cache(maxsize=4096)
def agent_key(name: str) -> str:
    """A canonical key for an agent's name: 'Cowen and Company, LLC' and
    'TD Securities (USA) LLC' give the same key; so do 'Oppenheimer & Co. Inc.' and
    'Oppenheimer'."""
    text = name.lower().replace("&", " and ")
    text = re.sub(r"\([^)]*\bf/?k/?a\b[^)]*\)", " ", text)  # "(f/k/a Cowen and Company, LLC)"
    tokens = re.findall(r"[a-z0-9]+", text)
    while len(tokens) > 1 and tokens[-1] in _CORPORATE_TAIL:
        tokens.pop()
    while len(tokens) > 1 and tokens[0] == "the":
        tokens.pop(0)
    key = " ".join(tokens)
    return AGENT_RENAMES.get(key, key)


@lru_cache(maxsize=1024)
def security_class(security: str | None) -> str | None:
    """The class of security a program sells, coarse enough that the parser's wording does
    not matter ('common stock', 'shares of our common stock' -> 'common')."""
    if not security:
        return None
    text = " ".join(re.findall(r"[a-z0-9.%]+", security.lower()))
    if not text:
        return None
    if "preferred" in text:
        series = re.search(r"\bseries ([a-z0-9]+)\b", text)
        return f"preferred series {series.group(1)}" if series else "preferred"
    if "depositary" in text or re.search(r"\badss?\b", text):
        return "ads"
    share_class = re.search(r"\bclass ([a-z])\b", text)
    if share_class:
        return f"class {share_class.group(1)}"
    if "common" in text or "ordinary" in text:
        return "common"
    if "unit" in text:
        return "units"
    return text


def event_date(event_type: str, *, filed_date: date | None, effective_date: date | None = None,
               amendment_date: date | None = None, as_of: date | None = None) -> date | None:
    """The date an event took effect, which orders the timeline; the filing date when the
    filing states none."""
    if event_type == "sales_reported":
        return as_of or filed_date
    if event_type == "program_amended":
        return amendment_date or effective_date or filed_date
    return effective_date or filed_date
