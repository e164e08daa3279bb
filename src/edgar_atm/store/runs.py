"""Ingestion runs (nightly / backfill / reparse / work) and named checkpoints."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from . import values as v
from .base import utcnow
from .models import Checkpoint, IngestionRun

_runs_t = v.table_of(IngestionRun)


def get_checkpoint(session: Session, name: str) -> str | None:
    return session.execute(select(Checkpoint.value).where(Checkpoint.name == name)).scalar()


def set_checkpoint(session: Session, name: str, value: str) -> None:
    """Set a named bookmark (in the caller's transaction, so it commits with the work)."""
    now = utcnow()
    stmt = v.insert_for(session, Checkpoint.__table__).values(name=name, value=value, updated_at=now)
    stmt = stmt.on_conflict_do_update(index_elements=["name"], set_={"value": value, "updated_at": now})
    session.execute(stmt)


def start_run(session: Session, kind: str, params: dict | None = None) -> int:
    """Record the start of a nightly/backfill/reparse run; returns its id."""
    return session.execute(_runs_t.insert().values(
        kind=kind, params=params or {}, status="running", started_at=utcnow()
    ).returning(_runs_t.c.id)).scalar_one()


def finish_run(session: Session, run_id: int, *, status: str, counts: dict | None = None,
               error: str | None = None) -> None:
    session.execute(update(_runs_t).where(_runs_t.c.id == run_id).values(
        status=status, counts=counts or {}, finished_at=utcnow(), error=v.text_value(error, what="error")))
