"""Skipping bank structured-note pricing supplements before any request is spent.

Most 424B2 filings are pricing supplements for bank structured notes (JPMorgan, Citi,
Goldman, UBS, ...): 386 of the 392 unique 424B2 accessions on 2022-10-03. They are never ATM
programs, but each costs a request and a parse. Yet 424B2 is also a real ATM form (Acer
Therapeutics' ATM re-registration of 2020-03-18, Healthpeak, Arthur J. Gallagher), so the form
type alone cannot decide. The decision is taken on the index rows alone, with two rules:

1. A known structured-note shelf: `KNOWN_NOTE_ISSUERS`, the bank note issuers, their finance
   subsidiaries and guarantor parents, every one read off the real daily indexes in
   tests/data/edgar/index (a test checks each CIK against them).
2. A note-shelf volume: a CIK that files `min_daily_count` (K) or more distinct 424B2
   accessions with the same filed date. In the real daily indexes every bank shelf outside
   a handful of small ones files 5 to 115 a day, while no other issuer filed more than 2
   (Caterpillar Financial's MTNs); ATM issuers file one. K = 5 leaves that margin.

Either rule on any co-registrant of an accession skips the accession: a note is filed by
the issuing subsidiary together with its guarantor parent (JPMorgan Chase Financial Co. LLC +
JPMORGAN CHASE & CO), so the pair goes together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..records import FilingRef

# CIK -> company name exactly as the real daily indexes list it (form.20200318.idx,
# company.20221003.idx, master.20200103.idx), with that day's 424B2 accession count.
KNOWN_NOTE_ISSUERS: dict[int, str] = {
    19617: "JPMORGAN CHASE & CO",  # 115 on 2022-10-03, guarantor of 1665650
    1665650: "JPMorgan Chase Financial Co. LLC",  # 115 on 2022-10-03
    831001: "CITIGROUP INC",  # 74 on 2022-10-03
    200245: "Citigroup Global Markets Holdings Inc.",  # 73 on 2022-10-03
    886982: "GOLDMAN SACHS GROUP INC",  # 68 on 2022-10-03
    1419828: "GS Finance Corp.",  # 67 on 2022-10-03
    1053092: "CREDIT SUISSE AG",  # 30 on 2020-01-03
    312070: "BARCLAYS BANK PLC",  # 21 on 2020-01-03
    1114446: "UBS AG",  # 26 on 2020-03-18
    1000275: "ROYAL BANK OF CANADA",  # 16 on 2022-10-03
    83246: "HSBC USA INC /MD/",  # 14 on 2022-10-03
    70858: "BANK OF AMERICA CORP /DE/",  # 11 on 2022-10-03, guarantor of 1682472
    1682472: "BofA Finance LLC",  # 11 on 2022-10-03
    947263: "TORONTO DOMINION BANK",  # 14 on 2020-01-03
    1045520: "CANADIAN IMPERIAL BANK OF COMMERCE /CAN/",  # 9 on 2022-10-03
    9631: "BANK OF NOVA SCOTIA",  # 7 on 2022-10-03
    927971: "BANK OF MONTREAL /CAN/",  # 6 on 2022-10-03
    895421: "MORGAN STANLEY",  # 10 on 2020-03-18, guarantor of 1666268
    1666268: "Morgan Stanley Finance LLC",  # 10 on 2020-03-18
    72971: "WELLS FARGO & COMPANY/MN",  # 8 on 2020-03-18, guarantor of 1738143
    1738143: "Wells Fargo Finance LLC",  # 8 on 2020-03-18
}

DEFAULT_MIN_DAILY_COUNT = 5
DEFAULT_NOTE_FORMS = frozenset({"424B2"})


@dataclass(frozen=True)
class NoteDecision:
    """One filing left out, and why (for logs and the run summary)."""

    ref: FilingRef
    reason: str


@dataclass(frozen=True)
class StructuredNoteFilter:
    """The rule above, with its knobs. `min_daily_count=None` turns off the volume rule,
    `known_ciks=frozenset()` the list; `forms` is the form types it may skip."""

    known_ciks: frozenset[int] = field(default_factory=lambda: frozenset(KNOWN_NOTE_ISSUERS))
    min_daily_count: int | None = DEFAULT_MIN_DAILY_COUNT
    forms: frozenset[str] = DEFAULT_NOTE_FORMS

    def reasons(self, rows: Iterable[FilingRef]) -> dict[str, str]:
        """accession -> reason, for every accession among `rows` that is a structured note.

        `rows` are index rows before deduplication (one per co-registrant), so the CIKs of
        every filer of an accession are seen; a daily index, a quarterly one (rows are
        grouped by filed date) or submissions-JSON rows all work."""
        ciks_of: dict[str, set[int]] = defaultdict(set)
        per_cik_day: dict[tuple[int, date], set[str]] = defaultdict(set)
        for ref in rows:
            if ref.form_type not in self.forms:
                continue
            ciks_of[ref.accession_number].add(ref.cik)
            per_cik_day[(ref.cik, ref.filed_date)].add(ref.accession_number)

        heavy: dict[tuple[int, date], int] = {}
        if self.min_daily_count:
            heavy = {k: len(v) for k, v in per_cik_day.items() if len(v) >= self.min_daily_count}

        out: dict[str, str] = {}
        for (cik, day), accessions in per_cik_day.items():
            for acc in accessions:
                if acc in out:
                    continue
                out_reason = self._reason(ciks_of[acc], day, heavy)
                if out_reason:
                    out[acc] = out_reason
        return out

    def split(self, refs: Iterable[FilingRef], rows: Iterable[FilingRef] | None = None
              ) -> tuple[list[FilingRef], list[NoteDecision]]:
        """(kept, skipped) over `refs`; the decision is taken on `rows` (default: refs)."""
        refs = list(refs)
        why = self.reasons(refs if rows is None else rows)
        kept = [r for r in refs if r.accession_number not in why]
        skipped = [NoteDecision(r, why[r.accession_number]) for r in refs
                   if r.accession_number in why]
        return kept, skipped

    def _reason(self, ciks: set[int], day: date, heavy: dict[tuple[int, date], int]) -> str | None:
        for cik in sorted(ciks):
            if cik in self.known_ciks:
                name = KNOWN_NOTE_ISSUERS.get(cik, "listed")
                return f"known structured-note issuer CIK {cik} ({name})"
        for cik in sorted(ciks):
            count = heavy.get((cik, day))
            if count:
                return (f"CIK {cik} filed {count} 424B2 accessions on {day} "
                        f"(note-shelf volume, >= {self.min_daily_count})")
        return None
