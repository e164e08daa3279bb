"""The pipeline in operation: nightly, backfill, reparse and workers.

    checkpoints  pure bookmark and business-day logic of the nightly walk
    lock         one run of a kind at a time per database
    workers      claiming filings through the database (FOR UPDATE SKIP LOCKED on PostgreSQL)
    run          Pipeline: discover -> fetch -> store raw -> parse -> store events
    summary      RunStats, the one-line summary of a run
"""
