"""How an issuer's events become its ATM programs: one pure fold, in filing order.

`fold(events)` takes every event of ONE issuer (any order; it sorts them by filed_date,
accession number, position in the filing) and returns the issuer's programs as they stand
after the last filing. The store recomputes an issuer's programs with it on every save, and
`edgar-atm programs --as-of` runs it over the filings filed on or before a date, so the result
never depends on the order in which filings were ingested.

A program is one sales agreement of an issuer for one class of security (docs/atm-domain.md 1).
The rules, applied filing by filing:

Which program an event belongs to
1. Same agreement: an event naming an agreement date joins the program with that date (and a
   compatible security class and agreement type); an amendment keeps the ORIGINAL agreement
   date, and a re-registration under a new supplement is the same agreement. Agents renamed
   or merged (Cowen -> TD Securities) are the same agent (identity.agent_key).
2. A dated event with no program of that date may name an undated program seen earlier that
   could be that agreement: compatible class and type, an agent in common, first filed on or
   after the agreement date (a prospectus never predates its agreement). It learns the date.
   An amendment whose date matches no program but is its own date or an earlier amendment's
   (an amended and restated agreement) joins an earlier program it shares an agent with; any
   event dated by a restatement a program already went through joins that program.
3. Programs without agreement dates do not merge merely because agents overlap: an undated
   `program_established` joins an open program only when it names the same agent set (as the
   program has it now, or everyone it ever named), or names no agents and states no other
   cap, or keeps every agent the program ever named and adds more with its cap stated the same
   way, dollars or shares (a syndicate widened by an amendment); otherwise it is a new program.
   Two establishments that name no agents at all are one program only at the same (or an
   unknown) cap, and one naming agents joins an agentless program only at the same cap. Agreement names are compatible when one's words contain
   the other's ("Sales Agreement" fits "Open Market Sale Agreement"). A filing that also ends a prior agreement (a "prior" termination) establishes a
   new program: it is a replacing agreement.
4. Scope: "this" events concern the program the filing registers or amends. Within a filing,
   its `program_established` / `program_amended` events are placed first, and the filing's
   other "this" events without an agreement date join that program. "prior" events concern an
   earlier agreement and never land on the filing's own program (created or re-registered by
   the same filing); a `terminated` event in a filing that establishes a program is read as
   "prior" (a filing does not end the agreement it registers).
5. Other undated events (amendments, sales, suspensions, terminations, resumptions, a
   "Supplement No. 1" that names nothing) join the most recent compatible program that shares
   an agent, preferring open ones; failing that the most recent open compatible program; only
   with no program at all do they start one.
6. A sales report dated (as_of) before a program's agreement date does not attach to it.

What a program's state is
7. Status: a program starts active; `suspended` suspends it, `resumed` makes it active
   again, `terminated` ends it for good (a re-registration or amendment changes no status).
   `status_date` is the date of that lifecycle event (its effective date, else its filing
   date), null while the program is active without one. A replacing agreement ends the old
   one through the filing's "prior" termination.
8. Cap: a `program_established` or `program_amended` stating `max_amount` sets it (the new
   total); an amendment stating only `max_amount_increase` adds it to the previous cap. Other
   events fill the cap only while it is unknown.
9. Agents: an amendment's `agents_added` / `agents_removed` change the current set (a full list
   beside them adds whom the program had not named yet); failing those, a `program_established` or `program_amended` naming agents gives the full new list.
   Other events (a termination naming the renamed agent, say) fill agents only while unknown.
10. A sales-only supplement is not an amendment: a `program_amended` that changes neither cap
   nor agents and carries sales figures counts as a sales report only.
11. Cumulative sales: the newest sales report for the program (latest as-of date, then latest
   filing); zero shares sold with no gross stated is zero gross.
12. Remaining capacity: the remaining amount stated by the newest filing about the program if
   it states one; else cap - cumulative gross sales when both are known; else null.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import groupby
from typing import Iterable, Sequence

from .identity import agent_key, security_class

ACTIVE, SUSPENDED, TERMINATED = "active", "suspended", "terminated"
STATUSES = (ACTIVE, SUSPENDED, TERMINATED)

# Lifecycle events and the status they leave (tests/data/histories/README.md, end-state rules).
_STATUS_AFTER = {
    "resumed": ACTIVE,
    "suspended": SUSPENDED,
    "terminated": TERMINATED,
}
_DEFINING = ("program_established", "program_amended")


@dataclass(frozen=True)
class FoldEvent:
    """What the fold needs of one stored (or parsed) event, with its filing's place in time."""

    accession_number: str
    filed_date: date | None
    seq: int
    event_type: str
    event_id: int | None = None     # the stored row, so the store can assign program ids
    filing_id: int | None = None
    event_date: date | None = None
    agreement_type: str | None = None
    agreement_date: date | None = None
    amendment_date: date | None = None
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
    effective_date: date | None = None
    scope: str = "this"
    max_amount_increase: Decimal | None = None
    agents_added: tuple[str, ...] = ()
    agents_removed: tuple[str, ...] = ()

    @property
    def order(self) -> tuple:
        return (self.filed_date or date.min, self.accession_number, self.seq)

    @property
    def filing(self) -> tuple:
        return (self.filed_date or date.min, self.accession_number)

    @property
    def has_sales(self) -> bool:
        return self.shares_sold is not None or self.gross_proceeds is not None


def _keys(names: Iterable[str]) -> frozenset[str]:
    return frozenset(agent_key(n) for n in names if n and n.strip())


def _type_key(agreement_type: str | None) -> frozenset[str] | None:
    if not agreement_type:
        return None
    words = "".join(ch if ch.isalnum() else " " for ch in agreement_type.lower()).split()
    words = [w[:-1] if w in ("sales", "issuances", "offerings", "distributions") else w for w in words]
    return frozenset(w for w in words if w not in ("amended", "and", "restated", "the")) or None


def _compatible(a, b) -> bool:
    return a is None or b is None or a == b


def _types_compatible(a: frozenset[str] | None, b: frozenset[str] | None) -> bool:
    # A generic name ("Sales Agreement") fits a specific one ("Open Market Sale Agreement").
    return a is None or b is None or a <= b or b <= a


@dataclass
class Program:
    """One program's identity and state, built event by event."""

    events: list[FoldEvent] = field(default_factory=list)
    agreement_type: str | None = None
    agreement_date: date | None = None
    security: str | None = None
    security_class: str | None = None
    agents: list[str] = field(default_factory=list)       # the current agents
    all_agents: list[str] = field(default_factory=list)   # everyone ever named, first seen first
    status: str = ACTIVE
    status_date: date | None = None
    current_cap: Decimal | None = None
    max_shares: int | None = None
    offered_amount: Decimal | None = None
    sales: FoldEvent | None = None
    remaining_capacity: Decimal | None = None
    suffix: str = ""

    # -- identity -------------------------------------------------------------------------

    @property
    def key(self) -> str:
        """Stable across recomputes: the agreement date (undated: the first event), plus the
        security class unless it is common stock or unknown."""
        if self.agreement_date is not None:
            base = self.agreement_date.isoformat()
        else:
            first = self.events[0]
            base = f"undated:{first.accession_number}:{first.seq}"
        if self.security_class and self.security_class != "common":
            base = f"{base}|{self.security_class}"
        return base[:190] + self.suffix

    @property
    def agent_keys(self) -> frozenset[str]:
        return _keys(self.agents)

    @property
    def all_agent_keys(self) -> frozenset[str]:
        return _keys(self.all_agents)

    @property
    def first_filed(self) -> date | None:
        return self.events[0].filed_date if self.events else None

    @property
    def last_order(self) -> tuple:
        return self.events[-1].order

    # -- figures --------------------------------------------------------------------------

    @property
    def shares_sold(self) -> int | None:
        return self.sales.shares_sold if self.sales else None

    @property
    def gross_proceeds(self) -> Decimal | None:
        if self.sales is None:
            return None
        if self.sales.gross_proceeds is None and self.sales.shares_sold == 0:
            return Decimal(0)
        return self.sales.gross_proceeds

    @property
    def net_proceeds(self) -> Decimal | None:
        return self.sales.net_proceeds if self.sales else None

    @property
    def sales_as_of(self) -> date | None:
        return (self.sales.as_of or self.sales.event_date or self.sales.filed_date) if self.sales else None

    @property
    def first_event(self) -> FoldEvent:
        return self.events[0]

    @property
    def last_event(self) -> FoldEvent:
        return self.events[-1]

    # -- applying one event ----------------------------------------------------------------

    def apply(self, e: FoldEvent) -> None:
        if self.agreement_date is None and e.agreement_date is not None:
            self.agreement_date = e.agreement_date
        if e.agreement_type:
            self.agreement_type = self.agreement_type if e.event_type not in _DEFINING and self.agreement_type \
                else e.agreement_type
        if e.security:
            if self.security is None or e.event_type in _DEFINING:
                self.security = e.security
            self.security_class = self.security_class or security_class(e.security)
        for name in (*e.agents, *e.agents_added):
            if name not in self.all_agents and agent_key(name) not in {agent_key(a) for a in self.all_agents}:
                self.all_agents.append(name)

        kind = e.event_type
        if kind == "program_amended" and _is_sales_only(e, self):
            kind = "sales_reported"
        if kind in _DEFINING:
            if e.max_amount is not None:
                self.current_cap = e.max_amount
            elif kind == "program_amended" and e.max_amount_increase is not None and self.current_cap is not None:
                self.current_cap = self.current_cap + e.max_amount_increase
            if e.max_shares is not None:
                self.max_shares = e.max_shares
            if e.offered_amount is not None:
                self.offered_amount = e.offered_amount
            if e.agents_added or e.agents_removed:
                # The changes apply to the current set; a full list stated beside them (the
                # agents after the amendment) fills in whom the program had not yet named.
                removed = _keys(e.agents_removed)
                current = [a for a in self.agents if agent_key(a) not in removed]
                for name in (*e.agents_added, *(a for a in e.agents if agent_key(a) not in removed)):
                    if agent_key(name) not in {agent_key(a) for a in current}:
                        current.append(name)
                self.agents = current
            elif e.agents:
                self.agents = list(e.agents)
        else:
            if self.current_cap is None and e.max_amount is not None:
                self.current_cap = e.max_amount
            if self.max_shares is None and e.max_shares is not None:
                self.max_shares = e.max_shares
            if not self.agents and e.agents:
                self.agents = list(e.agents)

        if e.has_sales and (self.sales is None or _sales_rank(e) >= _sales_rank(self.sales)):
            self.sales = e
        new_status = _STATUS_AFTER.get(e.event_type)
        # A termination is final: the agreement is gone, whatever a later filing says of it.
        if new_status is not None and self.status != TERMINATED and (
                new_status != self.status or self.status_date is None):
            self.status, self.status_date = new_status, e.effective_date or e.filed_date
        self.events.append(e)

    def finish(self) -> None:
        """Remaining capacity, from the newest filing about the program (rule 12)."""
        newest = self.events[-1].filing
        stated = [e.remaining_amount for e in self.events if e.filing == newest and e.remaining_amount is not None]
        gross = self.gross_proceeds
        if stated:
            self.remaining_capacity = stated[-1]
        elif self.current_cap is not None and gross is not None:
            self.remaining_capacity = max(self.current_cap - gross, Decimal(0))
        else:
            self.remaining_capacity = None


def _is_sales_only(e: FoldEvent, program: Program) -> bool:
    changes_cap = e.max_amount_increase is not None or (
        e.max_amount is not None and e.max_amount != program.current_cap)
    changes_agents = bool(e.agents_added or e.agents_removed) or (
        bool(e.agents) and _keys(e.agents) != program.agent_keys)
    return e.has_sales and not changes_cap and not changes_agents


def _sales_rank(e: FoldEvent) -> tuple:
    return (e.as_of or e.event_date or e.filed_date or date.min, e.order)


# ------------------------------------------------------------------ the fold


def fold(events: Iterable[FoldEvent], *, as_of: date | None = None) -> list[Program]:
    """One issuer's programs after its events (see the module docstring for the rules).

    With `as_of`, only filings filed on or before that date count: the programs as they
    stood then, with no lookahead. Programs come out in order of their first event.
    """
    chosen = sorted((e for e in events if as_of is None or (e.filed_date is not None and e.filed_date <= as_of)),
                    key=lambda e: e.order)
    programs: list[Program] = []
    for _, group in groupby(chosen, key=lambda e: e.filing):
        _fold_filing(programs, list(group))
    for p in programs:
        p.finish()
    _dedupe_keys(programs)
    return programs


def _scope(e: FoldEvent, establishes: bool) -> str:
    if e.scope == "prior":
        return "prior"
    if e.event_type == "terminated" and establishes:
        return "prior"
    return "this"


def _fold_filing(programs: list[Program], events: Sequence[FoldEvent]) -> None:
    establishes = any(e.event_type == "program_established" and e.scope != "prior" for e in events)
    replaces = any(e.event_type == "terminated" and _scope(e, establishes) == "prior" for e in events)
    created: list[Program] = []
    own: Program | None = None
    # The filing's own program first (rule 4), then its other events in their order.
    ordered = sorted(events, key=lambda e: (not (e.event_type in _DEFINING and _scope(e, establishes) == "this"),
                                            e.seq))
    for e in ordered:
        scope = _scope(e, establishes)
        target = _match(programs, e, scope=scope, own=own, created=created, replaces=replaces)
        if target is None:
            target = Program()
            programs.append(target)
            created.append(target)
        target.apply(e)
        if scope == "this" and own is None and e.event_type in _DEFINING:
            own = target


def _match(programs: list[Program], e: FoldEvent, *, scope: str, own: Program | None,
           created: list[Program], replaces: bool) -> Program | None:
    cls = security_class(e.security)
    kind = _type_key(e.agreement_type)
    keys = _keys(e.agents) | _keys(e.agents_removed)
    pool = [p for p in programs
            if _compatible(p.security_class, cls) and _types_compatible(_type_key(p.agreement_type), kind)]
    if scope == "prior":  # never the filing's own program, new or re-registered
        pool = [p for p in pool if p is not own and not any(p is c for c in created)]
    if e.event_type == "sales_reported" and e.as_of is not None:
        pool = [p for p in pool if p.agreement_date is None or p.agreement_date <= e.as_of]
    establishing = e.event_type == "program_established"

    if e.agreement_date is not None:
        exact = [p for p in pool if p.agreement_date == e.agreement_date]
        if exact:
            return _latest(exact, keys)
        if scope == "this" and own is not None and own.agreement_date is None and any(own is p for p in pool):
            return own
        undated = [p for p in pool if p.agreement_date is None
                   and (p.first_filed is None or p.first_filed >= e.agreement_date)
                   and (keys & p.all_agent_keys or (not keys and not establishing))]
        if undated:
            return _latest(undated, keys)
        # An agreement dated by a restatement a program already went through (an amended and restated agreement
        # whose original date the filing does not give): that program, for any event of the filing.
        restated = [p for p in pool if e.agreement_date in {x.amendment_date for x in p.events}
                    and (not keys or keys & p.all_agent_keys)]
        if restated:
            return _latest(restated, keys)
        if e.event_type != "program_amended":
            return None
        # An amendment dated by its own date, or by an earlier amendment's (an amended and
        # restated agreement), instead of the original agreement's: the earlier program it
        # shares agents with. Any other date names another agreement.
        earlier = [p for p in pool if (p.agreement_date is None or p.agreement_date < e.agreement_date)
                   and keys & p.all_agent_keys
                   and (e.amendment_date in (None, e.agreement_date)
                        or e.agreement_date in {x.amendment_date for x in p.events})]
        return _latest(earlier, keys) if earlier else None

    if establishing:
        if replaces:
            return None
        # An agent set names a program only when there is one: two agentless establishments are
        # the same program only at the same (or an unknown) cap.
        same = [p for p in pool if p.status != TERMINATED
                and ((keys and (keys == p.agent_keys or keys == p.all_agent_keys or _grown_syndicate(keys, e, p)
                                or (not p.all_agent_keys and _same_cap(e, p))))
                     or (not keys and _same_cap(e, p)))]
        return _latest(same, keys) if same else None

    if scope == "this" and own is not None and any(own is p for p in pool):
        return own
    sharing = [p for p in pool if keys & p.all_agent_keys]
    if sharing:
        return _latest(sharing, keys)
    open_ = [p for p in pool if p.status != TERMINATED]
    if open_:
        return _latest(open_, keys)
    return _latest(pool, keys) if pool and not keys else None


def _grown_syndicate(keys: frozenset[str], e: FoldEvent, p: Program) -> bool:
    """An undated re-registration keeping every agent the program ever had and adding more, with
    its cap stated the same way (dollars, or shares), is the same agreement amended to widen its
    syndicate. A new agreement with the same banks says that it replaces the old one (a "prior"
    termination, rule 3) or shows itself by a cap of another kind (a share cap followed by a
    dollar cap); one that drops an agent is not taken for the same agreement without a date."""
    if not p.all_agent_keys or not keys > p.all_agent_keys:
        return False
    in_dollars, in_shares = e.max_amount is not None, e.max_shares is not None
    had_dollars, had_shares = p.current_cap is not None, p.max_shares is not None
    if (in_dollars or in_shares) and (had_dollars or had_shares):
        return (in_dollars and had_dollars) or (in_shares and had_shares)
    return True


def _same_cap(e: FoldEvent, p: Program) -> bool:
    """An establishment naming no agents continues a program only at the same (or no) cap."""
    return e.max_amount is None or p.current_cap is None or e.max_amount == p.current_cap


def _latest(candidates: Sequence[Program], keys: frozenset[str]) -> Program | None:
    def rank(p: Program):
        return (bool(keys & p.all_agent_keys), p.status != TERMINATED, p.last_order)

    return max(candidates, key=rank) if candidates else None


def _dedupe_keys(programs: list[Program]) -> None:
    seen: dict[str, int] = {}
    for p in programs:
        n = seen.get(p.key, 0)
        seen[p.key] = n + 1
        if n:
            p.suffix = f"#{n + 1}"
