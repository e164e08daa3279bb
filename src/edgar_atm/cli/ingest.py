"""`edgar-atm nightly | backfill | reparse`: the pipeline commands (owned by pipeline)."""
