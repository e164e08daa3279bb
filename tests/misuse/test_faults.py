"""Faults mid-run: signals, the database lost (PostgreSQL outages simulated on the test's own
throw-away database), a read-only or full database, a full disk under the raw store. Each
ends in one line with its exit status, and the run's record ends too."""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import time

import pytest

from conftest import SECRET, base_env, console, one_line, run


def _runs(db_url: str) -> list[tuple]:
    from sqlalchemy import text

    from edgar_atm.store.db import make_engine

    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT id, kind, status, error FROM ingestion_runs ORDER BY id")).all()
    finally:
        engine.dispose()


@pytest.fixture
def slow_edgar():
    from edgar_atm.fakeedgar.server import FakeEdgarServer
    from pipeline_helpers import build_week_site

    with FakeEdgarServer(build_week_site(extra_negatives=10), rate_limit=10, block_seconds=2,
                         latency=0.3) as server:
        yield server


def _txt_requests(server) -> int:
    return sum(1 for r in server.log.records() if r.path.endswith(".txt"))


def _wait(predicate, timeout=60.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.05)


# -- signals ------------------------------------------------------------------------------

@pytest.mark.parametrize("signum, status", [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130)])
def test_a_signal_ends_the_run_in_one_line_and_its_record_says_interrupted(migrated_env, slow_edgar, signum, status):
    from pipeline_helpers import MON

    env = {**migrated_env, "EDGAR_BASE_URL": slow_edgar.url}
    # A session of its own: SIGINT goes to the whole group (parser workers too), as Ctrl-C does.
    proc = subprocess.Popen([*console(), "nightly", "--since", MON.isoformat()], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _wait(lambda: _txt_requests(slow_edgar) >= 3 or proc.poll() is not None)
        assert proc.poll() is None, proc.communicate()
        os.killpg(proc.pid, signum)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    result = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    line = one_line(result, status)
    assert f"interrupted ({signal.Signals(signum).name})" in line
    assert [r[2] for r in _runs(env["DATABASE_URL"])] == ["interrupted"]


# -- the database lost mid-run (in-process, injected at the store boundary) -----------------

DB_FAULTS = [
    ("attempt to write a readonly database", "is read-only"),
    ("database or disk is full", "is full"),
    ("disk I/O error", "cannot reach the database"),
]


@pytest.mark.parametrize("message, words", DB_FAULTS, ids=[m for m, _ in DB_FAULTS])
def test_sqlite_fault_mid_run_stops_with_status_4_and_the_record_says_failed(
        monkeypatch, migrated_env, week_edgar, message, words):
    from click.testing import CliRunner
    from sqlalchemy.exc import OperationalError

    from edgar_atm.cli import cli_group
    from edgar_atm.store import repository
    from pipeline_helpers import MON

    def broken(*args, **kwargs):
        raise OperationalError("INSERT INTO events ...", {}, sqlite3.OperationalError(message))

    monkeypatch.setattr(repository, "save_parsed_filing", broken)
    env = {**migrated_env, "EDGAR_BASE_URL": week_edgar.url}
    result = CliRunner().invoke(cli_group, ["nightly", "--since", MON.isoformat()], env=env)
    assert result.exit_code == 4, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in result.stderr
    runs = _runs(env["DATABASE_URL"])
    assert [r[2] for r in runs] == ["failed"] and message in runs[0][3]


def test_a_full_disk_under_the_raw_store_stops_the_run(monkeypatch, migrated_env, week_edgar):
    from click.testing import CliRunner

    from edgar_atm.cli import cli_group
    from edgar_atm.store import raw as raw_module
    from pipeline_helpers import MON

    def full(path, blob):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(raw_module, "_atomic_write", full)
    env = {**migrated_env, "EDGAR_BASE_URL": week_edgar.url}
    result = CliRunner().invoke(cli_group, ["--log-json", "nightly", "--since", MON.isoformat()], env=env)
    assert result.exit_code == 4, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "No space left on device" in lines[0] and '"exit_status": 4' in lines[0]
    assert [r[2] for r in _runs(env["DATABASE_URL"])] == ["failed"]
    # It stopped at the first filing instead of failing every one in turn.
    assert len([r for r in week_edgar.log.records() if r.path.endswith(".txt")]) <= 8


def test_a_read_only_sqlite_database_is_one_line(migrated_env, tmp_path):
    (tmp_path / "data" / "raw").mkdir(parents=True)
    path = migrated_env["DATABASE_URL"][len("sqlite:///"):]
    env = {**migrated_env, "DATABASE_URL": f"sqlite:///file:{path}?mode=ro&uri=true"}
    line = one_line(run("reparse", env=env), 4)
    assert "read-only" in line


# -- PostgreSQL: the test's own throw-away database, its own connections -------------------

@pytest.fixture
def pg_outage(request):
    """(url, outage): a migrated schema whose URL tags its connections with an application
    name of their own; `outage(seconds)` refuses new connections to the test's throw-away
    database and terminates this run's backends (only those), for `seconds`."""
    import secrets
    import threading

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from edgar_atm.store.db import upgrade
    from pg_schemas import pg_schema_url

    database_url = request.getfixturevalue("pg_database_url")
    app = f"edgar_atm_misuse_{secrets.token_hex(4)}"
    with pg_schema_url(database_url) as url:
        tagged = make_url(url).update_query_dict({"application_name": app}).render_as_string(hide_password=False)
        upgrade(tagged)
        admin_url = make_url(os.environ.get("EDGAR_ATM_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        name = make_url(database_url).database

        def set_allowed(allowed: bool) -> None:
            with admin.connect() as conn:
                conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {"true" if allowed else "false"}'))
                if not allowed:
                    conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                      "WHERE datname = :d AND application_name = :a"), {"d": name, "a": app})

        def outage(seconds: float) -> threading.Thread:
            def run_it():
                set_allowed(False)
                try:
                    time.sleep(seconds)
                finally:
                    set_allowed(True)

            thread = threading.Thread(target=run_it)
            thread.start()
            return thread

        try:
            yield tagged, outage
        finally:
            set_allowed(True)
            admin.dispose()


def _nightly_with_outage(env, slow_edgar, outage, seconds):
    from pipeline_helpers import MON

    proc = subprocess.Popen([*console(), "nightly", "--since", MON.isoformat()], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait(lambda: _txt_requests(slow_edgar) >= 2 or proc.poll() is not None)
        assert proc.poll() is None, proc.communicate()
        thread = outage(seconds)
        out, err = proc.communicate(timeout=240)
        thread.join()
    finally:
        if proc.poll() is None:
            proc.kill()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.mark.postgres
def test_a_one_second_postgresql_outage_is_ridden_out(pg_outage, slow_edgar, tmp_path):
    url, outage = pg_outage
    env = base_env(tmp_path, DATABASE_URL=url, EDGAR_BASE_URL=slow_edgar.url,
                   EDGAR_USER_AGENT="misuse tests@example.com")
    result = _nightly_with_outage(env, slow_edgar, outage, 1.0)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert [r[2] for r in _runs(url)] == ["ok"]


@pytest.mark.postgres
def test_postgresql_lost_for_good_is_one_line_and_the_next_run_closes_the_record(pg_outage, slow_edgar, tmp_path):
    url, outage = pg_outage
    env = base_env(tmp_path, DATABASE_URL=url, EDGAR_BASE_URL=slow_edgar.url,
                   EDGAR_USER_AGENT="misuse tests@example.com", EDGAR_ATM_DB_RETRY_SECONDS="2")
    result = _nightly_with_outage(env, slow_edgar, outage, 12.0)
    line = one_line(result, 4)
    assert "database" in line
    runs = _runs(url)
    assert len(runs) == 1 and runs[0][2] in ("running", "failed")
    again = run("nightly", env=env)
    assert again.returncode == 0, again.stderr
    assert [r[2] for r in _runs(url)] == ["failed", "ok"]


@pytest.mark.postgres
def test_a_postgresql_password_is_never_printed(pg_database_url, tmp_path):
    from sqlalchemy.engine import make_url

    from pg_schemas import pg_schema_url

    with pg_schema_url(pg_database_url) as url:
        # The test server trusts local connections, so the password is accepted and unused.
        secret_url = make_url(url).set(password=SECRET).render_as_string(hide_password=False)
        env = base_env(tmp_path, DATABASE_URL=secret_url)
        for args in (("-v", "db", "upgrade"), ("-vv", "--log-json", "db", "current"), ("-v", "timeline", "X")):
            result = run(*args, env=env)
            assert SECRET not in result.stdout + result.stderr, (args, result.stdout, result.stderr)
