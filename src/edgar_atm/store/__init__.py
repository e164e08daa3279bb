"""SQL storage: models, engine/sessions, idempotent upserts, timeline queries, raw store.

    base.py        MetaData with a naming convention, Base, column types (Money, UTCDateTime)
    models.py      the tables (typed SQLAlchemy 2.x models)
    db.py          make_engine, session_factory, upgrade/downgrade (Alembic), check_schema
    migrations/    Alembic environment and revisions (the only thing that creates tables)
    repository.py  the public writing API in one import (re-exports the modules below)
    values.py      checks and conversions of values before they are written
    issuers.py     issuers and their tickers
    lifecycle.py   a filing's life: discovered, fetched / failed, parse failed; work lists
    saving.py      saving parsed filings (filing, filers, events), one SAVEPOINT per batch
    recompute.py   an issuer's programs recomputed from its stored events (programs.fold)
    statements.py  the save path's statements, built once per dialect
    runs.py        ingestion runs and checkpoints
    timeline.py    reads: one issuer's timeline and programs
    raw.py         the compressed raw-document store (owned by the fetcher)

How events become programs is not here: it is the pure fold of edgar_atm.programs.
"""
