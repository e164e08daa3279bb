"""Event keys of the program fold, exact cents, provenance of rows; views recreated.

- events: scope ('this' | 'prior'), max_amount_increase, agents_added, agents_removed,
  evidence (JSON text), confidence; recorded_at (when the row was written) and run_id (the
  ingestion run that wrote it).
- programs: last_run_id (the run whose save last changed the row).
- money: every amount also as integer cents (`<column>_cents`, BIGINT), so sums are exact on
  SQLite too (it stores NUMERIC with cents as binary floating point). Filled from the dollars.
- views: atm_timeline gains recorded_at, run_id, the fold keys and the cents; atm_programs
  gains updated_at, last_run_id and the cents. Every view column is still a plain column of
  a table, so both databases report the same declared types.

SQLite cannot add a foreign key or a CHECK to a table in place: the tables are rebuilt (batch
mode), which requires the views to be dropped first.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from edgar_atm.store.base import UTCDateTime

revision: str = "0003"
down_revision: Union[str, Sequence[str], None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

MONEY = sa.Numeric(20, 2)
EVENT_MONEY = ("max_amount", "offered_amount", "gross_proceeds", "net_proceeds", "remaining_amount",
               "max_amount_increase")
PROGRAM_MONEY = ("current_cap", "offered_amount", "gross_proceeds", "net_proceeds", "remaining_capacity")

ATM_TIMELINE = """
CREATE VIEW atm_timeline AS
SELECT
    f.cik AS cik,
    i.name AS company,
    f.accession_number AS accession_number,
    f.form_type AS form_type,
    f.filed_date AS filed_date,
    e.event_type AS event_type,
    e.event_date AS event_date,
    e.agreement_type AS agreement_type,
    e.agreement_date AS agreement_date,
    e.amendment_date AS amendment_date,
    e.agents AS agents,
    e.security AS security,
    e.max_amount AS max_amount,
    e.offered_amount AS offered_amount,
    e.max_shares AS max_shares,
    e.shares_sold AS shares_sold,
    e.gross_proceeds AS gross_proceeds,
    e.net_proceeds AS net_proceeds,
    e.as_of AS as_of,
    e.remaining_amount AS remaining_amount,
    e.effective_date AS effective_date,
    e.commission_rate AS commission_rate,
    e.excerpt AS excerpt,
    e.program_id AS program_id,
    e.id AS event_id,
    e.seq AS event_seq,
    f.source_url AS source_url,
    e.scope AS scope,
    e.max_amount_increase AS max_amount_increase,
    e.agents_added AS agents_added,
    e.agents_removed AS agents_removed,
    e.confidence AS confidence,
    e.evidence AS evidence,
    e.max_amount_cents AS max_amount_cents,
    e.offered_amount_cents AS offered_amount_cents,
    e.gross_proceeds_cents AS gross_proceeds_cents,
    e.net_proceeds_cents AS net_proceeds_cents,
    e.remaining_amount_cents AS remaining_amount_cents,
    e.recorded_at AS recorded_at,
    e.run_id AS run_id
FROM events e
JOIN filings f ON f.id = e.filing_id
JOIN issuers i ON i.cik = f.cik
"""

ATM_PROGRAMS = """
CREATE VIEW atm_programs AS
SELECT
    p.id AS program_id,
    p.cik AS cik,
    i.name AS company,
    p.agreement_type AS agreement_type,
    p.agreement_date AS agreement_date,
    p.security AS security,
    p.agents AS agents,
    p.status AS status,
    p.status_date AS status_date,
    p.current_cap AS current_cap,
    p.max_shares AS max_shares,
    p.offered_amount AS offered_amount,
    p.shares_sold AS shares_sold,
    p.gross_proceeds AS gross_proceeds,
    p.net_proceeds AS net_proceeds,
    p.sales_as_of AS sales_as_of,
    p.remaining_capacity AS remaining_capacity,
    p.event_count AS event_count,
    ff.accession_number AS first_accession_number,
    ff.filed_date AS first_filed_date,
    lf.accession_number AS last_accession_number,
    lf.filed_date AS last_filed_date,
    p.current_cap_cents AS current_cap_cents,
    p.offered_amount_cents AS offered_amount_cents,
    p.gross_proceeds_cents AS gross_proceeds_cents,
    p.net_proceeds_cents AS net_proceeds_cents,
    p.remaining_capacity_cents AS remaining_capacity_cents,
    p.updated_at AS updated_at,
    p.last_run_id AS last_run_id
FROM programs p
JOIN issuers i ON i.cik = p.cik
LEFT JOIN filings ff ON ff.id = p.first_filing_id
LEFT JOIN filings lf ON lf.id = p.last_filing_id
"""

ATM_PROGRAM_AGENTS = """
CREATE VIEW atm_program_agents AS
SELECT
    pa.program_id AS program_id,
    p.cik AS cik,
    i.name AS company,
    pa.agent AS agent,
    pa.position AS position,
    p.status AS status
FROM program_agents pa
JOIN programs p ON p.id = pa.program_id
JOIN issuers i ON i.cik = p.cik
"""


def _drop_views() -> None:
    op.execute("DROP VIEW atm_program_agents")
    op.execute("DROP VIEW atm_programs")
    op.execute("DROP VIEW atm_timeline")


def _cents(column: str) -> str:
    # Dollars are stored with exactly two decimals; round() guards SQLite's binary floats.
    return f"CAST(round({column} * 100) AS BIGINT)"


def upgrade() -> None:
    _drop_views()
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("scope", sa.String(length=8), nullable=False, server_default="this"))
        batch.add_column(sa.Column("max_amount_increase", MONEY, nullable=True))
        batch.add_column(sa.Column("agents_added", sa.Text(), nullable=True))
        batch.add_column(sa.Column("agents_removed", sa.Text(), nullable=True))
        batch.add_column(sa.Column("evidence", sa.Text(), nullable=True))
        batch.add_column(sa.Column("confidence", sa.Numeric(5, 4), nullable=True))
        for name in EVENT_MONEY:
            batch.add_column(sa.Column(f"{name}_cents", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("recorded_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("run_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_events_run_id_ingestion_runs"), "ingestion_runs", ["run_id"], ["id"],
                                 ondelete="SET NULL")
        batch.create_check_constraint(op.f("ck_events_scope"), "scope IN ('this', 'prior')")
        batch.create_index(op.f("ix_events_run_id"), ["run_id"])
    op.execute("UPDATE events SET " + ", ".join(f"{n}_cents = {_cents(n)}" for n in EVENT_MONEY[:-1]))
    op.execute("UPDATE events SET recorded_at = (SELECT coalesce(f.parsed_at, f.updated_at) FROM filings f "
               "WHERE f.id = events.filing_id)")
    with op.batch_alter_table("events") as batch:
        batch.alter_column("scope", server_default=None, existing_type=sa.String(length=8), existing_nullable=False)
        batch.alter_column("recorded_at", nullable=False, existing_type=UTCDateTime())

    with op.batch_alter_table("programs") as batch:
        for name in PROGRAM_MONEY:
            batch.add_column(sa.Column(f"{name}_cents", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("last_run_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_programs_last_run_id_ingestion_runs"), "ingestion_runs", ["last_run_id"],
                                 ["id"], ondelete="SET NULL")
    op.execute("UPDATE programs SET " + ", ".join(f"{n}_cents = {_cents(n)}" for n in PROGRAM_MONEY))

    op.execute(ATM_TIMELINE)
    op.execute(ATM_PROGRAMS)
    op.execute(ATM_PROGRAM_AGENTS)


def downgrade() -> None:
    spec = importlib.util.spec_from_file_location("views_0002", Path(__file__).with_name("0002_views.py"))
    assert spec is not None and spec.loader is not None  # a .py file next to this one: always loadable
    previous = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(previous)
    _drop_views()
    with op.batch_alter_table("programs") as batch:
        batch.drop_constraint(op.f("fk_programs_last_run_id_ingestion_runs"), type_="foreignkey")
        batch.drop_column("last_run_id")
        for name in PROGRAM_MONEY:
            batch.drop_column(f"{name}_cents")
    with op.batch_alter_table("events") as batch:
        batch.drop_index(op.f("ix_events_run_id"))
        batch.drop_constraint(op.f("ck_events_scope"), type_="check")
        batch.drop_constraint(op.f("fk_events_run_id_ingestion_runs"), type_="foreignkey")
        for name in ("run_id", "recorded_at", *(f"{n}_cents" for n in EVENT_MONEY), "confidence", "evidence",
                     "agents_removed", "agents_added", "max_amount_increase", "scope"):
            batch.drop_column(name)
    op.execute(previous.ATM_TIMELINE)
    op.execute(previous.ATM_PROGRAMS)
    op.execute(previous.ATM_PROGRAM_AGENTS)
