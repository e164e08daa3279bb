"""Which events belong to one ATM program, and what the program's state is. Pure functions.

A program is one issuer's sales agreement for one class of security. Its identity
(docs/atm-domain.md, section 1) is issuer + security class + ORIGINAL agreement date + agent
set; an amendment keeps the original agreement date (and dates itself in amendment_date), and
an agent renamed (Cowen -> TD Securities) or added is still the same program. Filings state
that identity only partly: a suspension may name the agreement date but no agents, or the
agents but no date. The rules, applied to an issuer's events in filing order:

1. An event with an agreement date joins the program with that date (and a compatible
   security class), whatever its agents: agents are added and renamed over a program's life,
   and separate same-day agreements with several agents form one program (S28).
   Failing that, it joins an undated program that shares an agent (which learns the date).
2. An event with agents but no date joins the most recent program sharing an agent.
3. An event with neither joins the issuer's most recent program that is not terminated
   (or the most recent one).
4. Otherwise it starts a new program.

Security classes are compatible when equal or when either is unknown. Agents are compared by
a canonical key (case, punctuation and corporate suffixes ignored, known renames folded).

The whole issuer is relinked on every save, so the result does not depend on the order in
which filings were saved (a backfill may save 2022 before 2020).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from decimal import Decimal
from typing import Iterable, Sequence

ACTIVE, SUSPENDED, TERMINATED = "active", "suspended", "terminated"

# Events that change a program's status, and to what.
_STATUS_AFTER = {
    "program_established": ACTIVE,
    "resumed": ACTIVE,
    "suspended": SUSPENDED,
    "terminated": TERMINATED,
}

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


@dataclass(frozen=True)
class LinkEvent:
    """The part of a stored event that linking and program state need."""

    event_id: int
    filing_id: int
    accession_number: str
    filed_date: date | None
    seq: int
    event_type: str
    event_date: date | None = None
    agreement_type: str | None = None
    agreement_date: date | None = None
    agents: tuple[str, ...] = ()
    security: str | None = None
    max_amount: Decimal | None = None
    offered_amount: Decimal | None = None
    max_shares: int | None = None
    shares_sold: int | None = None
    gross_proceeds: Decimal | None = None
    net_proceeds: Decimal | None = None
    as_of: date | None = None
    remaining_amount: Decimal | None = None

    @property
    def order(self) -> tuple:
        return (self.filed_date or date.min, self.accession_number, self.seq)


@dataclass
class Cluster:
    """The events of one program, in filing order, and its identity so far."""

    agreement_date: date | None
    security: str | None
    agent_keys: set[str] = field(default_factory=set)
    events: list[LinkEvent] = field(default_factory=list)
    suffix: str = ""  # tells apart the rare programs whose identity gives the same key
    _status: str = ACTIVE

    @property
    def key(self) -> str:
        """Stable across re-saves: the agreement date (or, undated, the first event), plus
        the security class unless it is common stock or unknown."""
        if self.agreement_date is not None:
            base = self.agreement_date.isoformat()
        else:
            first = self.events[0]
            base = f"undated:{first.accession_number}:{first.seq}"
        if self.security and self.security != "common":
            base = f"{base}|{self.security}"
        return base[:190] + self.suffix

    @property
    def last_order(self) -> tuple:
        return self.events[-1].order

    def status(self) -> str:
        """The status after the events absorbed so far (they arrive in filing order)."""
        return self._status

    def absorb(self, event: LinkEvent, sec: str | None, agents: set[str]) -> None:
        if self.agreement_date is None and event.agreement_date is not None:
            self.agreement_date = event.agreement_date
        if self.security is None and sec is not None:
            self.security = sec
        self.agent_keys |= agents
        self.events.append(event)
        self._status = _STATUS_AFTER.get(event.event_type, self._status)


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _latest(clusters: Iterable[Cluster], agents: set[str] | None = None) -> Cluster | None:
    def rank(c: Cluster):
        return (bool(agents and agents & c.agent_keys), c.status() != TERMINATED, c.last_order)

    clusters = list(clusters)
    return max(clusters, key=rank) if clusters else None


def link(events: Sequence[LinkEvent]) -> list[Cluster]:
    """Group one issuer's events into programs (see the module docstring for the rules)."""
    clusters: list[Cluster] = []
    for event in sorted(events, key=lambda e: e.order):
        sec = security_class(event.security)
        agents = {agent_key(a) for a in event.agents if a.strip()}
        candidates = [c for c in clusters if _compatible(c.security, sec)]
        chosen: Cluster | None = None
        if event.agreement_date is not None:
            chosen = _latest((c for c in candidates if c.agreement_date == event.agreement_date), agents)
            if chosen is None:
                chosen = _latest(c for c in candidates if c.agreement_date is None and agents & c.agent_keys)
        elif agents:
            chosen = _latest(c for c in candidates if agents & c.agent_keys)
        else:
            chosen = _latest(candidates)
        if chosen is None:
            chosen = Cluster(agreement_date=event.agreement_date, security=sec)
            clusters.append(chosen)
        chosen.absorb(event, sec, agents)
    _dedupe_keys(clusters)
    return clusters


def _dedupe_keys(clusters: list[Cluster]) -> None:
    seen: dict[str, int] = {}
    for c in clusters:
        n = seen.get(c.key, 0)
        seen[c.key] = n + 1
        if n:
            c.suffix = f"#{n + 1}"


@dataclass(frozen=True)
class ProgramState:
    """What atm_programs shows about a program, derived from its events in filing order."""

    status: str
    status_date: date | None
    agreement_type: str | None
    security: str | None
    agents: tuple[str, ...]               # the latest event's agent list
    all_agents: tuple[str, ...]           # every name ever given, in order of appearance
    current_cap: Decimal | None
    max_shares: int | None
    offered_amount: Decimal | None
    shares_sold: int | None
    gross_proceeds: Decimal | None
    net_proceeds: Decimal | None
    sales_as_of: date | None
    remaining_capacity: Decimal | None
    event_count: int
    first_filing_id: int | None
    last_filing_id: int | None


def _last(events: Sequence[LinkEvent], attr: str):
    for e in reversed(events):
        value = getattr(e, attr)
        if value not in (None, (), ""):
            return value, e
    return None, None


def derive_state(events: Sequence[LinkEvent]) -> ProgramState:
    """Status, cap, latest cumulative sales and remaining capacity of one program.

    - status: the last of established/resumed (active), suspended, terminated; an amendment
      or a sales report does not change it; a program with none of these is active.
    - current cap, max shares, offered amount: the latest stated value.
    - sales: the latest event that reports cumulative sales (shares or gross proceeds).
    - remaining capacity: a stated remaining amount, unless a later event changed the cap or
      reported sales; otherwise current cap - latest gross sales (never below zero), or the
      cap itself when no sales were reported.
    """
    events = sorted(events, key=lambda e: e.order)
    status, status_date = ACTIVE, events[0].event_date if events else None
    for e in events:
        if e.event_type in _STATUS_AFTER:
            status, status_date = _STATUS_AFTER[e.event_type], e.event_date

    cap, cap_event = _last(events, "max_amount")
    sales_event = None
    for e in reversed(events):
        if e.gross_proceeds is not None or e.shares_sold is not None:
            sales_event = e
            break
    stated, stated_event = _last(events, "remaining_amount")

    gross = sales_event.gross_proceeds if sales_event else None
    # Compared by filing: a figure stated anywhere in the newest filing is current.
    later = [x.order[:2] for x in (cap_event, sales_event) if x is not None]
    if stated is not None and all(stated_event.order[:2] >= o for o in later):
        remaining = stated
    elif cap is not None and gross is not None:
        remaining = max(cap - gross, Decimal(0))
    elif cap is not None and sales_event is None:
        remaining = cap
    else:
        remaining = None  # a stated figure is stale and nothing to compute it from

    agents, _ = _last(events, "agents")
    all_agents: list[str] = []
    for e in events:
        for a in e.agents:
            if a not in all_agents:
                all_agents.append(a)
    return ProgramState(
        status=status,
        status_date=status_date,
        agreement_type=_last(events, "agreement_type")[0],
        security=_last(events, "security")[0],
        agents=tuple(agents or ()),
        all_agents=tuple(all_agents),
        current_cap=cap,
        max_shares=_last(events, "max_shares")[0],
        offered_amount=_last(events, "offered_amount")[0],
        shares_sold=sales_event.shares_sold if sales_event else None,
        gross_proceeds=gross,
        net_proceeds=sales_event.net_proceeds if sales_event else None,
        sales_as_of=(sales_event.as_of or sales_event.event_date) if sales_event else None,
        remaining_capacity=remaining,
        event_count=len(events),
        first_filing_id=events[0].filing_id if events else None,
        last_filing_id=events[-1].filing_id if events else None,
    )
