import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import create_engine

from edgar_atm.pipeline.lock import RunBusy, advisory_key, run_lock


def test_advisory_key_is_stable_and_per_name():
    assert advisory_key("nightly") == advisory_key("nightly")
    assert advisory_key("nightly") != advisory_key("reparse")
    assert -(2**63) <= advisory_key("nightly") < 2**63


def test_second_sqlite_run_is_refused_while_the_first_holds_the_lock(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'a.sqlite'}")
    with run_lock(engine, "nightly"):
        with pytest.raises(RunBusy, match="another nightly run"):
            with run_lock(engine, "nightly"):
                pass
        with run_lock(engine, "reparse"):   # another kind of run is not blocked
            pass
    with run_lock(engine, "nightly"):       # released at the end of the block
        pass


def test_lock_of_a_killed_process_is_gone(tmp_path, child_env):
    db = tmp_path / "b.sqlite"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from sqlalchemy import create_engine
            from edgar_atm.pipeline.lock import run_lock
            with run_lock(create_engine("sqlite:///{db}"), "nightly"):
                print("held", flush=True)
                time.sleep(120)
        """)],
        stdout=subprocess.PIPE, text=True, env=child_env(),
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        engine = create_engine(f"sqlite:///{db}")
        with pytest.raises(RunBusy):
            with run_lock(engine, "nightly"):
                pass
        holder.kill()
        holder.wait(timeout=30)
        with run_lock(engine, "nightly"):
            pass
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_second_postgresql_or_sqlite_run_is_refused(migrated_engine, migrated_url):
    """On the store's databases (both backends): a second engine, as another process would
    have, cannot take the lock while the first holds it."""
    from edgar_atm.store.db import make_engine

    other = make_engine(migrated_url)
    try:
        with run_lock(migrated_engine, "nightly"):
            with pytest.raises(RunBusy, match="another nightly run"):
                with run_lock(other, "nightly"):
                    pass
        with run_lock(other, "nightly"):
            pass
    finally:
        other.dispose()
