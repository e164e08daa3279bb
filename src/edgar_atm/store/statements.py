"""The statements of the save path and the program recompute, built once per dialect.

Building a statement costs several times more than executing it (SQLAlchemy caches the
compiled form, not the construction). Each works on a whole batch of filings at once (IN
lists, executemany), so a batch costs about a dozen round trips, whatever its size.
"""

from __future__ import annotations

from sqlalchemy import bindparam, delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..errors import StoreError
from . import values as v

# What the fold reads of a stored event.
FOLD_COLUMNS = (
    "event_type", "event_date", "agreement_type", "agreement_date", "amendment_date", "agents", "security",
    "max_amount", "offered_amount", "max_shares", "shares_sold", "gross_proceeds", "net_proceeds", "as_of",
    "remaining_amount", "effective_date", "scope", "max_amount_increase", "agents_added", "agents_removed",
)
# What a program row holds of the fold's result (compared before writing).
STATE_COLUMNS = (
    "agreement_type", "agreement_date", "security", "agents", "status", "status_date", "current_cap",
    "max_shares", "offered_amount", "shares_sold", "gross_proceeds", "net_proceeds", "sales_as_of",
    "remaining_capacity", "current_cap_cents", "offered_amount_cents", "gross_proceeds_cents",
    "net_proceeds_cents", "remaining_capacity_cents", "event_count", "first_filing_id", "last_filing_id",
)
FILING_FIELDS = ("cik", "company", "form_type", "filed_date", "parse_status", "parser_version", "atm_related",
                 "event_count", "fetch_status", "error", "source_url", "raw_sha256")


class Statements:
    def __init__(self, dialect_name: str):
        c, e, f, p, pa = v.filings_t.c, v.events_t.c, v.filings_t.c, v.programs_t.c, v.program_agents_t.c
        issuers_t = v.issuers_t
        # Each dialect's own Insert, which has ON CONFLICT (excluded, on_conflict_do_update).
        insert: postgresql.Insert | sqlite.Insert
        if dialect_name == "postgresql":
            insert = postgresql.insert(issuers_t)
        elif dialect_name == "sqlite":
            insert = sqlite.insert(issuers_t)
        else:
            raise StoreError(f"unsupported database dialect {dialect_name!r} (SQLite and PostgreSQL are)")
        upsert = insert.values(cik=bindparam("cik"), name=bindparam("name"), sic=bindparam("sic"),
                                          created_at=bindparam("now"), updated_at=bindparam("now"))
        new_name = func.coalesce(upsert.excluded.name, issuers_t.c.name)
        new_sic = func.coalesce(upsert.excluded.sic, issuers_t.c.sic)
        # On PostgreSQL, ON CONFLICT DO UPDATE locks the existing row even when the WHERE
        # leaves it unchanged: saves touching one issuer are serialised until commit.
        self.issuer_upsert = upsert.on_conflict_do_update(
            index_elements=[issuers_t.c.cik],
            set_={"name": new_name, "sic": new_sic, "updated_at": upsert.excluded.updated_at},
            where=or_(issuers_t.c.name.is_distinct_from(new_name), issuers_t.c.sic.is_distinct_from(new_sic)),
        )
        # Locks the issuer rows for a recompute on its own (relink_issuer).
        self.issuer_lock = (select(issuers_t.c.cik).where(issuers_t.c.cik.in_(bindparam("ciks", expanding=True)))
                            .order_by(issuers_t.c.cik).with_for_update())
        self.filing_select = (select(c.id, c.accession_number, *(c[k] for k in FILING_FIELDS))
                              .where(c.accession_number.in_(bindparam("accs", expanding=True)))
                              .order_by(c.accession_number).with_for_update())
        self.filing_insert = v.filings_t.insert().returning(c.id, sort_by_parameter_order=True)
        self.filing_update = update(v.filings_t).where(c.id == bindparam("fid"))
        self.filers_select = select(v.filers_t.c.filing_id, v.filers_t.c.cik, v.filers_t.c.file_number).where(
            v.filers_t.c.filing_id.in_(bindparam("fids", expanding=True)))
        self.filers_delete = delete(v.filers_t).where(v.filers_t.c.filing_id.in_(bindparam("fids", expanding=True)))
        self.filers_insert = v.filers_t.insert()
        self.events_select = (select(e.filing_id, e.seq, e.fingerprint)
                              .where(e.filing_id.in_(bindparam("fids", expanding=True))).order_by(e.filing_id, e.seq))
        self.events_delete = delete(v.events_t).where(e.filing_id.in_(bindparam("fids", expanding=True)))
        self.events_insert = v.events_t.insert()
        self.events_with_filings = (
            select(e.id, e.filing_id, e.seq, e.program_id, f.cik, f.accession_number, f.filed_date,
                   *(e[k] for k in FOLD_COLUMNS))
            .join_from(v.events_t, v.filings_t, f.id == e.filing_id)
        )
        self.issuer_events = self.events_with_filings.where(f.cik.in_(bindparam("ciks", expanding=True)))
        self.issuer_programs = (
            select(p.id, p.cik, p.program_key, *(p[k] for k in STATE_COLUMNS), pa.agent)
            .outerjoin_from(v.programs_t, v.program_agents_t, pa.program_id == p.id)
            .where(p.cik.in_(bindparam("ciks", expanding=True))).order_by(p.id, pa.position)
        )
        self.program_insert = v.programs_t.insert().returning(p.id, sort_by_parameter_order=True)
        self.program_update = update(v.programs_t).where(p.id == bindparam("pid"))
        self.program_delete = delete(v.programs_t).where(p.id.in_(bindparam("pids", expanding=True)))
        self.agents_delete = delete(v.program_agents_t).where(pa.program_id.in_(bindparam("pids", expanding=True)))
        self.agents_insert = v.program_agents_t.insert()
        self.event_move = update(v.events_t).where(e.id == bindparam("eid")).values(program_id=bindparam("new_pid"))


_STATEMENTS: dict[str, Statements] = {}


def statements(conn) -> Statements:
    name = conn.dialect.name
    if name not in _STATEMENTS:
        _STATEMENTS[name] = Statements(name)
    return _STATEMENTS[name]
