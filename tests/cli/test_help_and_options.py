"""Every command's --help shows an example that is a real command line; --version; the
global --db option picks the database over DATABASE_URL."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import warnings

import click
import pytest

import edgar_atm
from edgar_atm.cli import EXAMPLES, cli_group

from .conftest import run


def _commands(group: click.Group, path=()):
    yield path, group
    for name, sub in group.commands.items():
        if isinstance(sub, click.Group):
            yield from _commands(sub, path + (name,))
        else:
            yield path + (name,), sub


ALL = list(_commands(cli_group))


def example_lines(help_text: str) -> list[list[str]]:
    """The command lines under "Example(s):" in a --help text, as argument lists after
    `edgar-atm` (environment assignments, redirections and comments dropped)."""
    lines = help_text.splitlines()
    start = next(i for i, l in enumerate(lines) if re.fullmatch(r"\s*Examples?:", l))
    out = []
    for line in lines[start + 1:]:
        if not line.strip():
            if out:
                break  # the examples end at the next blank line
            continue
        if not re.match(r"\s*([A-Z_]+=('[^']*'|\S+)\s+)*edgar-atm\b", line):
            break
        for part in line.split("&&"):
            words = shlex.split(part, comments=True)
            if "edgar-atm" not in words:
                continue
            words = words[words.index("edgar-atm") + 1:]
            if ">" in words:
                words = words[:words.index(">")]
            out.append(words)
    return out


def parse_only(words: list[str]) -> click.Context:
    """Parse a command line down to its last subcommand without running anything."""
    ctx = cli_group.make_context("edgar-atm", list(words))
    while isinstance(ctx.command, click.Group):
        with warnings.catch_warnings():  # click 8.2 deprecates protected_args (tokens move to args)
            warnings.simplefilter("ignore", DeprecationWarning)
            rest = list(ctx.protected_args) + list(ctx.args)
        if not rest:
            break
        name, cmd, rest = ctx.command.resolve_command(ctx, rest)
        ctx = cmd.make_context(name, rest, parent=ctx)
    return ctx


@pytest.mark.parametrize("path", [p for p, _ in ALL], ids=lambda p: " ".join(p) or "edgar-atm")
def test_every_help_has_an_example_that_parses(path):
    result = run(*path, "--help")
    assert result.exit_code == 0, result.output
    examples = example_lines(result.output)
    assert examples, result.output
    for words in examples:
        ctx = parse_only(words)
        if path:  # a command's example runs that command
            assert ctx.command_path.split()[1:len(path) + 1] == list(path), words


def test_examples_only_name_commands_that_exist_or_are_optional():
    known = {" ".join(p) for p, _ in ALL}
    assert set(EXAMPLES) - known <= {"programs", "serve"}


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"edgar-atm, version {edgar_atm.__version__}"
    # The installed command says the same.
    proc = subprocess.run([sys.executable, "-m", "edgar_atm", "--version"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip().endswith(f"version {edgar_atm.__version__}")


def test_global_db_option_wins_over_database_url(filled_url, tmp_path):
    elsewhere = f"sqlite:///{tmp_path / 'not-here.sqlite'}"
    via_env = run("timeline", "NEE", env={"DATABASE_URL": elsewhere})
    assert via_env.exit_code != 0 and "no database at" in via_env.output
    via_db = run("--db", filled_url, "timeline", "NEE", env={"DATABASE_URL": elsewhere})
    assert via_db.exit_code == 0, via_db.output
    assert via_db.output.startswith("NEXTERA ENERGY INC (CIK 753308, NEE")
    assert not (tmp_path / "not-here.sqlite").exists()


def test_json_and_csv_together_is_a_usage_error(filled_url):
    result = run("--db", filled_url, "timeline", "NEE", "--json", "--csv")
    assert result.exit_code == 2 and "at most one of --json and --csv" in result.output
