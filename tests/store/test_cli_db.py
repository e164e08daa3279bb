"""`edgar-atm db ...` through click's CliRunner: creates the schema, reports the revision,
and turns an unreachable database into one line and a non-zero exit."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import inspect

from edgar_atm.cli import cli_group
from edgar_atm.cli.common import EXIT_UNAVAILABLE
from edgar_atm.store import db


def _run(args, url):
    return CliRunner().invoke(cli_group, args, env={"DATABASE_URL": url}, catch_exceptions=False)


def test_db_upgrade_creates_schema_and_is_repeatable(db_url):
    result = _run(["db", "upgrade"], db_url)
    assert result.exit_code == 0, result.output
    assert f"revision {db.head_revision()}" in result.output
    engine = db.make_engine(db_url)
    try:
        assert {"atm_timeline", "atm_programs"} <= set(inspect(engine).get_view_names())
    finally:
        engine.dispose()
    again = _run(["db", "upgrade"], db_url)
    assert again.exit_code == 0, again.output
    assert _run(["db", "current"], db_url).exit_code == 0


def test_db_current_fails_on_an_empty_database(db_url):
    result = _run(["db", "current"], db_url)
    assert result.exit_code != 0
    assert "edgar-atm db upgrade" in result.output


@pytest.mark.parametrize("where", ["postgresql", "sqlite-under-a-file", "sqlite-directory"])
def test_unreachable_database_is_one_line_not_a_traceback(where, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    url = {
        "postgresql": "postgresql+psycopg://postgres@127.0.0.1:1/nowhere",
        "sqlite-under-a-file": f"sqlite:///{blocker}/x.sqlite",
        "sqlite-directory": f"sqlite:///{tmp_path}",
    }[where]
    result = _run(["db", "upgrade"], url)
    assert result.exit_code == EXIT_UNAVAILABLE
    assert "Traceback" not in result.output
    assert result.output.startswith("edgar-atm: ")
    assert len(result.output.strip().splitlines()) == 1
