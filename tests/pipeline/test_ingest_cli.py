"""The pipeline commands' surface: help, argument checks and exit statuses that need no EDGAR."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from edgar_atm.cli import cli_group

ENV = {"EDGAR_USER_AGENT": "edgar-atm tests tests@example.com",
       "EDGAR_BASE_URL": "http://127.0.0.1:9"}   # nothing listens there: no request may be needed


@pytest.mark.parametrize("command", ["nightly", "backfill", "reparse", "work"])
def test_every_command_has_help(command):
    result = CliRunner().invoke(cli_group, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage: " in result.output and "--help" in result.output


def test_help_names_the_documented_options():
    runner = CliRunner()
    assert "--since" in runner.invoke(cli_group, ["nightly", "--help"]).output
    backfill = runner.invoke(cli_group, ["backfill", "--help"]).output
    for option in ("--start", "--end", "--form", "--cik", "--ticker", "--no-skip-notes", "--rate-limit"):
        assert option in backfill
    reparse = runner.invoke(cli_group, ["reparse", "--help"]).output
    assert "--since" in reparse and "--form" in reparse


def test_bad_arguments_exit_2(tmp_path):
    runner = CliRunner()
    env = dict(ENV, DATABASE_URL=f"sqlite:///{tmp_path / 'x.sqlite'}")
    assert runner.invoke(cli_group, ["nightly", "--since", "yesterday"], env=env).exit_code == 2
    assert runner.invoke(cli_group, ["backfill", "--start", "2024-02-01", "--end", "2024-01-01"], env=env).exit_code == 2
    bad_form = runner.invoke(cli_group, ["backfill", "--start", "2024-01-01", "--end", "2024-01-02", "--form", "10-K"], env=env)
    assert bad_form.exit_code == 2 and "not a 424B form type" in bad_form.output
    upward = runner.invoke(cli_group, ["nightly", "--rate-limit", "20"], env=env)
    assert upward.exit_code == 2 and "can only lower it" in upward.output


def test_missing_user_agent_exits_3(tmp_path):
    env = {"EDGAR_USER_AGENT": "", "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite'}"}
    result = CliRunner().invoke(cli_group, ["nightly"], env=env)
    assert result.exit_code == 3
    assert "EDGAR_USER_AGENT" in result.output


def test_database_without_schema_exits_4_with_the_fix(tmp_path):
    env = dict(ENV, DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite'}")
    result = CliRunner().invoke(cli_group, ["nightly"], env=env)
    assert result.exit_code == 4
    assert "edgar-atm db upgrade" in result.output
