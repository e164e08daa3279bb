"""A database filled from real filings of the bundled fake-EDGAR site (parsed by the real
parser), in two recorded runs: an older one (Cellectar, Watsco's first two filings) and the
newest one (NextEra, Watsco's third, Prothena), so "what is new" has an answer."""

from __future__ import annotations

import inspect
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from edgar_atm.cli import cli_group
from edgar_atm.extract import parse_filing
from edgar_atm.store import db
from edgar_atm.store import repository as repo
from edgar_atm.store.models import EventRow, Filing, IngestionRun
from edgar_atm.store.tickers import fill_from_company_tickers
from edgar_atm.edgar.submissions import parse_company_tickers

DATA = Path(__file__).resolve().parents[1] / "data"
SITE = DATA / "edgar" / "site" / "filings"
TICKERS = DATA / "edgar" / "files" / "company_tickers.json"

OLD = ["0001279704-22-900001", "histories/0001193125-21-320145", "histories/0001193125-22-054431"]
NEW = ["0001193125-25-338333", "histories/0001193125-24-130674", "histories/0001559053-21-900001",
       "histories/0001193125-21-366352"]
OLD_RUN_AT = datetime(2026, 3, 1, 7, 30, tzinfo=timezone.utc)


def _save(session, names, run_id):
    # Stores that record which run wrote an event take its id (the pipeline passes it).
    extra = {"run_id": run_id} if "run_id" in inspect.signature(repo.save_parsed_filing).parameters else {}
    for name in names:
        parsed = parse_filing((SITE / f"{name}.txt").read_bytes(), path=name)
        repo.save_parsed_filing(session, parsed, source_url=None, raw_sha256=None, parser_version="test", **extra)


@pytest.fixture
def filled_url(migrated_url):
    engine = db.make_engine(migrated_url)
    sessions = db.session_factory(engine)
    with sessions.begin() as session:
        old = repo.start_run(session, "backfill")
        _save(session, OLD, old)
        repo.finish_run(session, old, status="ok")
    # Date the first run and its rows back, as if it had run on 2026-03-01.
    with sessions.begin() as session:
        session.execute(IngestionRun.__table__.update().where(IngestionRun.__table__.c.id == old)
                        .values(started_at=OLD_RUN_AT, finished_at=OLD_RUN_AT + timedelta(minutes=5)))
        session.execute(Filing.__table__.update().values(parsed_at=OLD_RUN_AT + timedelta(minutes=1),
                                                         created_at=OLD_RUN_AT, updated_at=OLD_RUN_AT))
        for column in ("created_at", "recorded_at"):
            if column in EventRow.__table__.c:
                session.execute(EventRow.__table__.update().values({column: OLD_RUN_AT + timedelta(minutes=1)}))
    with sessions.begin() as session:
        new = repo.start_run(session, "nightly")
        _save(session, NEW, new)
        fill_from_company_tickers(session, parse_company_tickers(TICKERS.read_bytes()))
        repo.finish_run(session, new, status="ok")
    engine.dispose()
    return migrated_url


def run(*args, env=None):
    result = CliRunner().invoke(cli_group, list(args), env=env or {}, catch_exceptions=False, prog_name="edgar-atm")
    return result


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]
