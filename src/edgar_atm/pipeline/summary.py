"""What a run did, counted as it goes and printed as one line at the end."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class RunStats:
    days: int = 0          # index days read (nightly) or index files read (backfill)
    seen: int = 0          # unique filings discovered (after de-duplication by accession)
    skipped: int = 0       # left out before any request (structured-note rule)
    fetched: int = 0       # submissions downloaded in this run
    reused: int = 0        # already in the raw store (a killed run's), parsed without a request
    parsed: int = 0        # filings parsed and saved (fetched now or re-parsed from raw)
    events: int = 0        # ATM events saved
    errors: int = 0        # filings that failed to fetch, parse or save in this run
    requests: int = 0      # HTTP requests sent (from the client's stats)
    elapsed: float = 0.0   # seconds

    @property
    def ok(self) -> bool:
        return self.errors == 0

    def as_dict(self) -> dict:
        return asdict(self)

    def line(self, kind: str) -> str:
        return (
            f"{kind}: days={self.days} seen={self.seen} fetched={self.fetched} "
            f"reused={self.reused} skipped={self.skipped} parsed={self.parsed} events={self.events} "
            f"errors={self.errors} elapsed={self.elapsed:.1f}s requests={self.requests}"
        )
