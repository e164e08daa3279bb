"""SQL storage: models, engine/sessions, idempotent upserts, timeline queries, raw store.

    base.py        MetaData with a naming convention, Base, column types (Money, UTCDateTime)
    models.py      the tables (typed SQLAlchemy 2.x models)
    db.py          make_engine, session_factory, upgrade/downgrade (Alembic), check_schema
    migrations/    Alembic environment and revisions (the only thing that creates tables)
    repository.py  writes: discovered/fetched/parsed filings (save_parsed_filing, or
                   save_parsed_filings for a batch), checkpoints, ingestion runs
    linking.py     pure: which events form one ATM program, and its derived status/figures
    timeline.py    reads: one issuer's timeline
    raw.py         the compressed raw-document store (owned by the fetcher)
"""
