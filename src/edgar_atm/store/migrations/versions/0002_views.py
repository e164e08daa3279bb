"""Views for ad-hoc SQL: atm_timeline, atm_programs, atm_program_agents.

Every view column is a plain column of a table, never an expression, so both databases
report the same declared types (SQLite only knows a view column's type when it is a direct
column reference). Derived program figures (status, cap, cumulative sales, remaining
capacity) are therefore computed when a filing is saved (edgar_atm.store.linking) and
stored in `programs`.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

from typing import Sequence, Union

from alembic import op

revision: str = "0002"
down_revision: Union[str, Sequence[str], None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

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
    f.source_url AS source_url
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
    lf.filed_date AS last_filed_date
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


def upgrade() -> None:
    op.execute(ATM_TIMELINE)
    op.execute(ATM_PROGRAMS)
    op.execute(ATM_PROGRAM_AGENTS)


def downgrade() -> None:
    op.execute("DROP VIEW atm_program_agents")
    op.execute("DROP VIEW atm_programs")
    op.execute("DROP VIEW atm_timeline")
