"""Writing to the store, one import for the pipeline and the commands: the public names of
the modules that do each job.

    issuers.py     upsert_issuer
    lifecycle.py   a filing's life: record_discovered, mark_fetched, mark_fetch_failed,
                   mark_parse_failed, filings_to_fetch, filings_to_reparse
    saving.py      save_parsed_filing / save_parsed_filings (filing, filers, events)
    recompute.py   programs recomputed from the stored events (relink_issuer)
    runs.py        ingestion runs and checkpoints
    timeline.py    reads: load_timeline, resolve_issuer

Every function takes a Session and commits nothing (the caller owns the transaction), and is
idempotent: doing the same thing again changes no row that is already right.
"""

from __future__ import annotations

from .issuers import upsert_issuer
from .lifecycle import (
    NoSuchFiling,
    filings_to_fetch,
    filings_to_reparse,
    mark_fetch_failed,
    mark_fetched,
    mark_parse_failed,
    record_discovered,
)
from .recompute import load_fold_events, relink_issuer
from .runs import finish_run, get_checkpoint, set_checkpoint, start_run
from .saving import save_parsed_filing, save_parsed_filings
from .timeline import TimelineRow, UnknownIssuer, load_timeline, resolve_issuer

__all__ = [
    "NoSuchFiling", "TimelineRow", "UnknownIssuer", "filings_to_fetch", "filings_to_reparse", "finish_run",
    "get_checkpoint", "load_fold_events", "load_timeline", "mark_fetch_failed", "mark_fetched",
    "mark_parse_failed", "record_discovered", "relink_issuer", "resolve_issuer", "save_parsed_filing",
    "save_parsed_filings", "set_checkpoint", "start_run", "upsert_issuer",
]
