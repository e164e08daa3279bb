"""The schema exists only through Alembic: upgrade, downgrade and re-upgrade cleanly on both
databases, leave no drift from the models, and create the views with the same columns and
types on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Date, DateTime, Integer, Numeric, String, Text, inspect
from sqlalchemy.types import NullType

from edgar_atm.store import db
from edgar_atm.store.models import Base

TABLES = {
    "issuers", "issuer_tickers", "filings", "filing_filers", "programs", "program_agents",
    "events", "ingestion_runs", "checkpoints",
}
VIEWS = {"atm_timeline", "atm_programs", "atm_program_agents"}

# The contract of DESIGN.md ("SQL"), plus the extra columns this store adds.
TIMELINE_COLUMNS = [
    "cik", "company", "accession_number", "form_type", "filed_date", "event_type", "event_date",
    "agreement_type", "agreement_date", "amendment_date", "agents", "security", "max_amount",
    "offered_amount", "max_shares", "shares_sold", "gross_proceeds", "net_proceeds", "as_of",
    "remaining_amount", "effective_date", "commission_rate", "excerpt", "program_id", "event_id",
    "event_seq", "source_url", "scope", "max_amount_increase", "agents_added", "agents_removed",
    "confidence", "evidence", "max_amount_cents", "offered_amount_cents", "gross_proceeds_cents",
    "net_proceeds_cents", "remaining_amount_cents", "recorded_at", "run_id",
]
PROGRAMS_COLUMNS = [
    "program_id", "cik", "company", "agreement_type", "agreement_date", "security", "agents",
    "status", "status_date", "current_cap", "max_shares", "offered_amount", "shares_sold",
    "gross_proceeds", "net_proceeds", "sales_as_of", "remaining_capacity", "event_count",
    "first_accession_number", "first_filed_date", "last_accession_number", "last_filed_date",
    "current_cap_cents", "offered_amount_cents", "gross_proceeds_cents", "net_proceeds_cents",
    "remaining_capacity_cents", "updated_at", "last_run_id",
]


def _names(engine):
    insp = inspect(engine)
    return set(insp.get_table_names()), set(insp.get_view_names())


def test_upgrade_downgrade_upgrade(db_url):
    engine = db.make_engine(db_url)
    try:
        assert db.current_revision(engine) is None
        db.upgrade(db_url)
        tables, views = _names(engine)
        assert TABLES <= tables and views == VIEWS
        assert db.current_revision(engine) == db.head_revision()

        db.downgrade(db_url, "base")
        tables, views = _names(engine)
        assert tables <= {"alembic_version"} and views == set()
        assert db.current_revision(engine) is None

        db.upgrade(db_url)
        tables, views = _names(engine)
        assert TABLES <= tables and views == VIEWS
        db.check_schema(engine)
        # Upgrading an up-to-date database is a no-op.
        db.upgrade(db_url)
        db.check_schema(engine)
    finally:
        engine.dispose()


def test_each_revision_downgrades_one_step(db_url):
    engine = db.make_engine(db_url)
    try:
        db.upgrade(db_url, "0001")
        assert _names(engine)[1] == set()
        db.upgrade(db_url, "0002")
        assert _names(engine)[1] == VIEWS
        db.upgrade(db_url, "0003")
        assert "recorded_at" in {c["name"] for c in inspect(engine).get_columns("atm_timeline")}
        db.downgrade(db_url, "0002")
        assert _names(engine)[1] == VIEWS
        assert "recorded_at" not in {c["name"] for c in inspect(engine).get_columns("atm_timeline")}
        db.downgrade(db_url, "0001")
        assert _names(engine)[1] == set() and "events" in _names(engine)[0]
    finally:
        engine.dispose()


def test_models_and_migrations_do_not_drift(migrated_engine):
    with migrated_engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_check_schema_tells_the_user_what_to_run(db_url):
    engine = db.make_engine(db_url)
    try:
        with pytest.raises(db.SchemaOutOfDate, match="edgar-atm db upgrade"):
            db.check_schema(engine)
        db.upgrade(db_url, "0001")
        with pytest.raises(db.SchemaOutOfDate, match="revision 0001"):
            db.check_schema(engine)
    finally:
        engine.dispose()


def _kind(column_type) -> str:
    """A type's family, as an ad-hoc user sees it."""
    if isinstance(column_type, NullType):
        return "unknown"
    if isinstance(column_type, Numeric) and not isinstance(column_type, Integer):
        return f"numeric({column_type.precision},{column_type.scale})"
    for family, name in ((Integer, "integer"), (DateTime, "timestamp"), (Date, "date"), (String, "text"),
                         (Text, "text")):
        if isinstance(column_type, family):
            return name
    return type(column_type).__name__.lower()


VIEW_TYPES = {
    "atm_timeline": {
        "cik": "integer", "company": "text", "accession_number": "text", "form_type": "text",
        "filed_date": "date", "event_type": "text", "event_date": "date", "agreement_date": "date",
        "amendment_date": "date", "agents": "text", "max_amount": "numeric(20,2)",
        "offered_amount": "numeric(20,2)", "max_shares": "integer", "shares_sold": "integer",
        "gross_proceeds": "numeric(20,2)", "net_proceeds": "numeric(20,2)", "as_of": "date",
        "remaining_amount": "numeric(20,2)", "effective_date": "date",
        "commission_rate": "numeric(9,6)", "excerpt": "text", "scope": "text",
        "max_amount_increase": "numeric(20,2)", "confidence": "numeric(5,4)", "evidence": "text",
        "max_amount_cents": "integer", "gross_proceeds_cents": "integer", "recorded_at": "timestamp",
        "run_id": "integer",
    },
    "atm_programs": {
        "program_id": "integer", "cik": "integer", "status": "text", "agents": "text",
        "agreement_date": "date", "current_cap": "numeric(20,2)", "shares_sold": "integer",
        "gross_proceeds": "numeric(20,2)", "remaining_capacity": "numeric(20,2)",
        "sales_as_of": "date", "first_filed_date": "date", "last_filed_date": "date",
        "first_accession_number": "text", "event_count": "integer", "status_date": "date",
        "current_cap_cents": "integer", "gross_proceeds_cents": "integer", "remaining_capacity_cents": "integer",
        "updated_at": "timestamp", "last_run_id": "integer",
    },
}


def _families(columns: list[str]) -> dict[str, str]:
    money = {"max_amount", "offered_amount", "gross_proceeds", "net_proceeds", "remaining_amount",
             "max_amount_increase", "current_cap", "remaining_capacity"}
    special = {"commission_rate": "numeric(9,6)", "confidence": "numeric(5,4)", "recorded_at": "timestamp",
               "updated_at": "timestamp"}
    integers = {"cik", "max_shares", "shares_sold", "program_id", "event_id", "event_seq", "run_id",
                "last_run_id", "event_count"}
    out = {}
    for name in columns:
        if name in special:
            out[name] = special[name]
        elif name in money:
            out[name] = "numeric(20,2)"
        elif name in integers or name.endswith("_cents"):
            out[name] = "integer"
        elif name.endswith("_date") or name in ("as_of", "sales_as_of"):
            out[name] = "date"
        else:
            out[name] = "text"
    return out


VIEW_FAMILIES = {"atm_timeline": _families(TIMELINE_COLUMNS), "atm_programs": _families(PROGRAMS_COLUMNS)}


def test_view_columns_and_types(migrated_engine):
    insp = inspect(migrated_engine)
    timeline = insp.get_columns("atm_timeline")
    programs = insp.get_columns("atm_programs")
    assert [c["name"] for c in timeline] == TIMELINE_COLUMNS
    assert [c["name"] for c in programs] == PROGRAMS_COLUMNS
    for view, columns in (("atm_timeline", timeline), ("atm_programs", programs)):
        kinds = {c["name"]: _kind(c["type"]) for c in columns}
        assert "unknown" not in kinds.values(), (view, kinds)
        for name, expected in VIEW_TYPES[view].items():
            assert kinds[name] == expected, (view, name, kinds[name])
        # Every column of both views has one family on both databases (the table is per view).
        assert set(kinds) == set(VIEW_FAMILIES[view]) and all(
            kinds[n] == VIEW_FAMILIES[view][n] for n in kinds), (view, kinds)


def test_0003_fills_cents_and_recorded_at_of_existing_rows(db_url):
    from sqlalchemy import text

    engine = db.make_engine(db_url)
    try:
        db.upgrade(db_url, "0002")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO issuers (cik, name, created_at, updated_at) "
                              "VALUES (1, 'A', '2022-01-01 00:00:00', '2022-01-01 00:00:00')"))
            conn.execute(text(
                "INSERT INTO filings (id, accession_number, cik, form_type, filed_date, fetch_status, attempts, "
                "parse_status, event_count, parsed_at, created_at, updated_at) VALUES (1, '0000000001-22-000001', 1, "
                "'424B3', '2022-01-03', 'fetched', 1, 'parsed', 1, '2022-01-03 10:00:00', '2022-01-03 09:00:00', "
                "'2022-01-03 10:00:00')"))
            conn.execute(text("INSERT INTO programs (id, cik, program_key, status, current_cap, gross_proceeds, "
                              "event_count, created_at, updated_at) VALUES (1, 1, 'k', 'active', 1000000.10, 0.30, 1, "
                              "'2022-01-03 10:00:00', '2022-01-03 10:00:00')"))
            conn.execute(text("INSERT INTO events (id, filing_id, seq, program_id, event_type, gross_proceeds, "
                              "max_amount, fingerprint) VALUES (1, 1, 0, 1, 'sales_reported', 0.30, 1000000.10, 'f')"))
        db.upgrade(db_url)
        with engine.connect() as conn:
            event = conn.execute(text("SELECT gross_proceeds_cents, max_amount_cents, scope, recorded_at, run_id "
                                      "FROM atm_timeline")).one()
            program = conn.execute(text("SELECT current_cap_cents, gross_proceeds_cents, last_run_id "
                                        "FROM atm_programs")).one()
        assert (event.gross_proceeds_cents, event.max_amount_cents, event.scope, event.run_id) == (30, 100000010, "this", None)
        assert event.recorded_at is not None
        assert tuple(program) == (100000010, 30, None)
    finally:
        engine.dispose()
