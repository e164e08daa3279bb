"""Several processes saving the same filings at once leave exactly one copy of each, on
SQLite (one writer at a time, BEGIN IMMEDIATE) and PostgreSQL (row locks, unique keys)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

import store_samples as samples
from edgar_atm.store import repository as repo
from edgar_atm.store.models import EventRow, Filing, Issuer, Program

HERE = Path(__file__).parent
SRC = HERE.parent.parent / "src"


def _run_workers(url: str, modes: list[str], tmp_path: Path) -> None:
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(HERE)])}
    procs = [subprocess.Popen([sys.executable, str(HERE / "save_worker.py"), url, str(go), mode],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for mode in modes]
    go.touch()
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err[-3000:]
        assert out.startswith("saved"), out


def _counts(session) -> tuple[int, int, int, int]:
    return tuple(session.execute(select(func.count()).select_from(t)).scalar()
                 for t in (Filing, EventRow, Program, Issuer))


def test_two_processes_saving_one_filing_leave_one_copy(migrated_url, session, tmp_path):
    _run_workers(migrated_url, ["cellectar", "cellectar"], tmp_path)
    assert _counts(session) == (1, 2, 1, 1)
    rows = repo.load_timeline(session, str(samples.CLRB_CIK))
    assert [r.event_type for r in rows] == ["sales_reported", "suspended"]


def test_processes_saving_the_same_set_in_opposite_orders(migrated_url, session, tmp_path):
    _run_workers(migrated_url, ["forward", "reverse", "forward"], tmp_path)
    counts = _counts(session)
    assert counts[:2] == (7, 11)
    programs = dict(session.execute(select(Program.cik, func.count()).group_by(Program.cik)).all())
    # One program per issuer in the sample set, however the saves interleaved.
    assert programs == {samples.CLRB_CIK: 1, samples.WSO_CIK: 1, samples.ABOS_CIK: 1,
                        samples.EQIX_CIK: 1, samples.MSTR_CIK: 1}
    status = session.execute(select(Program.status).where(Program.cik == samples.CLRB_CIK)).scalar_one()
    assert status == "suspended"
