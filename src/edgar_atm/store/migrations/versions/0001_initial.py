"""Initial schema: issuers, filings, programs, events, ingestion runs, checkpoints.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('checkpoints',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_checkpoints'))
    )
    op.create_table('ingestion_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('params', sa.JSON(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('counts', sa.JSON(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ingestion_runs'))
    )
    op.create_index(op.f('ix_ingestion_runs_kind_started_at'), 'ingestion_runs', ['kind', 'started_at'], unique=False)

    op.create_table('issuers',
    sa.Column('cik', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('sic', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('cik', name=op.f('pk_issuers'))
    )
    op.create_table('filings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('accession_number', sa.String(length=20), nullable=False),
    sa.Column('cik', sa.BigInteger(), nullable=False),
    sa.Column('company', sa.Text(), nullable=True),
    sa.Column('form_type', sa.String(length=16), nullable=False),
    sa.Column('filed_date', sa.Date(), nullable=True),
    sa.Column('source_url', sa.Text(), nullable=True),
    sa.Column('fetch_status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('fetched_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('raw_sha256', sa.String(length=64), nullable=True),
    sa.Column('raw_size', sa.BigInteger(), nullable=True),
    sa.Column('parse_status', sa.String(length=16), nullable=False),
    sa.Column('parser_version', sa.String(length=64), nullable=True),
    sa.Column('parsed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('atm_related', sa.Boolean(), nullable=True),
    sa.Column('event_count', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('claimed_by', sa.String(length=128), nullable=True),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("fetch_status IN ('pending', 'fetched', 'failed', 'not_found')", name=op.f('ck_filings_fetch_status')),
    sa.CheckConstraint("parse_status IN ('pending', 'parsed', 'failed')", name=op.f('ck_filings_parse_status')),
    sa.CheckConstraint('attempts >= 0', name=op.f('ck_filings_attempts')),
    sa.ForeignKeyConstraint(['cik'], ['issuers.cik'], name=op.f('fk_filings_cik_issuers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_filings')),
    sa.UniqueConstraint('accession_number', name=op.f('uq_filings_accession_number'))
    )
    op.create_index(op.f('ix_filings_cik_filed_date'), 'filings', ['cik', 'filed_date'], unique=False)
    op.create_index(op.f('ix_filings_fetch_status_filed_date'), 'filings', ['fetch_status', 'filed_date'], unique=False)
    op.create_index(op.f('ix_filings_filed_date'), 'filings', ['filed_date'], unique=False)
    op.create_index(op.f('ix_filings_parse_status'), 'filings', ['parse_status'], unique=False)

    op.create_table('issuer_tickers',
    sa.Column('cik', sa.BigInteger(), nullable=False),
    sa.Column('ticker', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['cik'], ['issuers.cik'], name=op.f('fk_issuer_tickers_cik_issuers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('cik', 'ticker', name=op.f('pk_issuer_tickers'))
    )
    op.create_index(op.f('ix_issuer_tickers_ticker'), 'issuer_tickers', ['ticker'], unique=False)

    op.create_table('filing_filers',
    sa.Column('filing_id', sa.Integer(), nullable=False),
    sa.Column('cik', sa.BigInteger(), nullable=False),
    sa.Column('file_number', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['cik'], ['issuers.cik'], name=op.f('fk_filing_filers_cik_issuers')),
    sa.ForeignKeyConstraint(['filing_id'], ['filings.id'], name=op.f('fk_filing_filers_filing_id_filings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('filing_id', 'cik', name=op.f('pk_filing_filers'))
    )
    op.create_index(op.f('ix_filing_filers_cik'), 'filing_filers', ['cik'], unique=False)

    op.create_table('programs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cik', sa.BigInteger(), nullable=False),
    sa.Column('program_key', sa.String(length=200), nullable=False),
    sa.Column('agreement_type', sa.Text(), nullable=True),
    sa.Column('agreement_date', sa.Date(), nullable=True),
    sa.Column('security', sa.Text(), nullable=True),
    sa.Column('agents', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('status_date', sa.Date(), nullable=True),
    sa.Column('current_cap', sa.Numeric(precision=20, scale=2), nullable=True),
    sa.Column('max_shares', sa.BigInteger(), nullable=True),
    sa.Column('offered_amount', sa.Numeric(precision=20, scale=2), nullable=True),
    sa.Column('shares_sold', sa.BigInteger(), nullable=True),
    sa.Column('gross_proceeds', sa.Numeric(precision=20, scale=2), nullable=True),
    sa.Column('net_proceeds', sa.Numeric(precision=20, scale=2), nullable=True),
    sa.Column('sales_as_of', sa.Date(), nullable=True),
    sa.Column('remaining_capacity', sa.Numeric(precision=20, scale=2), nullable=True),
    sa.Column('event_count', sa.Integer(), nullable=False),
    sa.Column('first_filing_id', sa.Integer(), nullable=True),
    sa.Column('last_filing_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('active', 'suspended', 'terminated')", name=op.f('ck_programs_status')),
    sa.ForeignKeyConstraint(['cik'], ['issuers.cik'], name=op.f('fk_programs_cik_issuers')),
    sa.ForeignKeyConstraint(['first_filing_id'], ['filings.id'], name=op.f('fk_programs_first_filing_id_filings'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['last_filing_id'], ['filings.id'], name=op.f('fk_programs_last_filing_id_filings'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programs')),
    sa.UniqueConstraint('cik', 'program_key', name=op.f('uq_programs_cik_program_key'))
    )
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('filing_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=True),
    sa.Column('event_type', sa.String(length=32), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.Column('agreement_type', sa.Text(), nullable=True),
    sa.Column('agreement_date', sa.Date(), nullable=True),
    sa.Column('amendment_date', sa.Date(), nullable=True),
    sa.Column('agents', sa.Text(), nullable=True),
    sa.Column('security', sa.Text(), nullable=True),
    sa.Column('max_amount', sa.Numeric(precision=20, scale=2), nullable=True),
    sa.Column('offered_amount', sa.Numeric(precision=20, scale=2), nullable=True),
    sa.Column('max_shares', sa.BigInteger(), nullable=True),
    sa.Column('shares_sold', sa.BigInteger(), nullable=True),
    sa.Column('gross_proceeds', sa.Numeric(precision=20, scale=2), nullable=True),
    sa.Column('net_proceeds', sa.Numeric(precision=20, scale=2), nullable=True),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('remaining_amount', sa.Numeric(precision=20, scale=2), nullable=True),
    sa.Column('effective_date', sa.Date(), nullable=True),
    sa.Column('commission_rate', sa.Numeric(precision=9, scale=6), nullable=True),
    sa.Column('excerpt', sa.Text(), nullable=True),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.CheckConstraint("event_type IN ('program_established', 'program_amended', 'sales_reported', 'suspended', 'terminated', 'resumed')", name=op.f('ck_events_event_type')),
    sa.ForeignKeyConstraint(['filing_id'], ['filings.id'], name=op.f('fk_events_filing_id_filings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['program_id'], ['programs.id'], name=op.f('fk_events_program_id_programs'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    sa.UniqueConstraint('filing_id', 'fingerprint', name=op.f('uq_events_filing_id_fingerprint')),
    sa.UniqueConstraint('filing_id', 'seq', name=op.f('uq_events_filing_id_seq'))
    )
    op.create_index(op.f('ix_events_event_type_event_date'), 'events', ['event_type', 'event_date'], unique=False)
    op.create_index(op.f('ix_events_program_id'), 'events', ['program_id'], unique=False)

    op.create_table('program_agents',
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('agent', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['program_id'], ['programs.id'], name=op.f('fk_program_agents_program_id_programs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('program_id', 'agent', name=op.f('pk_program_agents'))
    )
    op.create_index(op.f('ix_program_agents_agent'), 'program_agents', ['agent'], unique=False)



def downgrade() -> None:
    op.drop_index(op.f('ix_program_agents_agent'), table_name='program_agents')

    op.drop_table('program_agents')
    op.drop_index(op.f('ix_events_program_id'), table_name='events')
    op.drop_index(op.f('ix_events_event_type_event_date'), table_name='events')

    op.drop_table('events')
    op.drop_table('programs')
    op.drop_index(op.f('ix_filing_filers_cik'), table_name='filing_filers')

    op.drop_table('filing_filers')
    op.drop_index(op.f('ix_issuer_tickers_ticker'), table_name='issuer_tickers')

    op.drop_table('issuer_tickers')
    op.drop_index(op.f('ix_filings_parse_status'), table_name='filings')
    op.drop_index(op.f('ix_filings_filed_date'), table_name='filings')
    op.drop_index(op.f('ix_filings_fetch_status_filed_date'), table_name='filings')
    op.drop_index(op.f('ix_filings_cik_filed_date'), table_name='filings')

    op.drop_table('filings')
    op.drop_table('issuers')
    op.drop_index(op.f('ix_ingestion_runs_kind_started_at'), table_name='ingestion_runs')

    op.drop_table('ingestion_runs')
    op.drop_table('checkpoints')
