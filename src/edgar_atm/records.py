"""Plain records passed between the stages: discovery -> fetch -> parse -> store.

They carry no behaviour beyond conversion to the JSON contract of DESIGN.md, so every stage
can be tested on its own by building these by hand.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

EVENT_TYPES = (
    "program_established",
    "program_amended",
    "sales_reported",
    "suspended",
    "terminated",
    "resumed",
)

EVENT_SCOPES = ("this", "prior")

FORM_TYPES_424B = ("424B1", "424B2", "424B3", "424B4", "424B5", "424B7", "424B8")

SEC_ARCHIVES_URL = "https://www.sec.gov"


@dataclass(frozen=True)
class FilingRef:
    """One filing as discovery sees it (an index row or a submissions-JSON row).

    `path` is the origin-relative path of the complete submission text,
    "/Archives/edgar/data/{cik}/{accession}.txt"; the client joins it to the origin.
    """

    accession_number: str
    cik: int
    company: str
    form_type: str
    filed_date: date
    path: str

    @property
    def url(self) -> str:
        """The public sec.gov URL, stored as the filing's source."""
        return SEC_ARCHIVES_URL + self.path


@dataclass(frozen=True)
class Filer:
    cik: int
    name: str
    sic: int | None = None
    file_number: str | None = None


@dataclass
class Event:
    """One ATM-program event, exactly the EVENT object of DESIGN.md (null where unstated)."""

    type: str
    agreement_type: str | None = None
    agreement_date: date | None = None
    amendment_date: date | None = None
    agents: list[str] = field(default_factory=list)
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
    commission_rate: Decimal | None = None
    excerpt: str | None = None
    # Which agreement the event concerns: "this" = the program this filing registers or
    # amends; "prior" = an earlier agreement the filing reports on or ends (the old program a
    # replacing agreement terminates, sales under a superseded agreement). The program fold
    # (store) keys on it, so a prior agreement's termination never lands on the new program.
    scope: str = "this"
    # A cap raised by an increment with no new total stated ("increased by $50,000,000"):
    # the fold adds it to the program's previous cap. max_amount stays the stated total.
    max_amount_increase: Decimal | None = None
    # Agent changes an amendment states; `agents` stays the full list the filing names.
    agents_added: list[str] = field(default_factory=list)
    agents_removed: list[str] = field(default_factory=list)
    # Per field set on the event: {"text": ..., "start": int, "end": int} into the document's
    # text as the parser saw it; and how sure the parser is of the event (0..1).
    evidence: dict[str, dict[str, Any]] = field(default_factory=dict)
    confidence: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: _jsonable(v) for k, v in asdict(self).items()}


@dataclass
class ParsedFiling:
    """What the parser returns for one document: header fields (null when the input is a
    bare document without an SGML header), whether it discusses an ATM, and its events."""

    path: str | None = None
    accession_number: str | None = None
    form_type: str | None = None
    cik: int | None = None
    company: str | None = None
    filed_date: date | None = None
    filers: list[Filer] = field(default_factory=list)
    atm_related: bool = False
    events: list[Event] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "accession_number": self.accession_number,
            "form_type": self.form_type,
            "cik": self.cik,
            "company": self.company,
            "filed_date": _jsonable(self.filed_date),
            "atm_related": self.atm_related,
            "events": [e.to_json() for e in self.events],
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        # Whole dollars print as integers (14500000), cents keep their fraction.
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value
