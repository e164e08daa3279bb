"""The README is honest: its code fences close, it names only files that are in the
repository, its first command (the demo) works and leaves a database worth reading, and
every command and SQL query in it runs (read-only ones against that demo database; the
ones that need the SEC are parsed by the real command line, not run)."""

from __future__ import annotations

import os
import re
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

import click
import pytest

from edgar_atm.cli import cli_group

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DEMO_ISSUERS = {"WSO": 105016, "PRTA": 1559053, "EQIX": 1101239, "AUMN": 1011509, "CLRB": 1279704,
                "NEE": 753308}
OTHER_TICKERS = {"DOC": 765880, "MSTR": 1050446, "AMC": 1411579}


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(language, body) of every fenced block; asserts the fences pair up."""
    blocks, lang, body = [], None, []
    for line in text.splitlines():
        if line.startswith("```"):
            if lang is None:
                lang, body = line[3:].strip() or "text", []
            else:
                assert line.strip() == "```", f"a fence opens inside a {lang} block: {line!r}"
                blocks.append((lang, "\n".join(body)))
                lang = None
            continue
        if lang is not None:
            body.append(line)
    assert lang is None, "the README ends inside a code block"
    return blocks


def test_fences_close_and_no_heading_is_inside_one():
    blocks = fenced_blocks(README)
    assert len(blocks) >= 20
    for lang, body in blocks:
        assert not re.search(r"^#{1,6} [A-Z]", body, re.M) or lang in ("sh", "text"), (lang, body[:80])


def test_it_names_only_files_in_the_repository():
    named = set(re.findall(r"(?<![\w/.-])((?:docs|scripts|src|tests|benchmarks|migrations|\.ci)/[\w./-]*\w)", README))
    named |= set(re.findall(r"\(([\w./-]+\.md)\)", README)) | {"benchmarks/ACCURACY.md", "alembic.ini"}
    assert "docs/atm-domain.md" in named and "docs/contracts.md" in named
    for path in sorted(named):
        if "{" in path or "*" in path:
            continue
        assert (ROOT / path).exists(), f"README names {path}, which is not in the repository"
    for outside in ("DESIGN.md", "../shared", "/work/"):
        assert not re.search(rf"(?<![\w/]){re.escape(outside)}", README), outside


def command_lines() -> list[str]:
    """Shell command lines of the README: fenced sh blocks, and indented example lines that
    run edgar-atm (cron entries)."""
    lines = []
    for lang, body in fenced_blocks(README):
        if lang == "sh":
            lines += [l for l in body.splitlines() if l.strip() and not l.lstrip().startswith("#")]
    lines += [l.strip() for l in README.splitlines() if l.startswith("    ") and "edgar-atm " in l
              and re.match(r"\s+\d+ \d+ ", l)]
    return lines


def edgar_atm_words(line: str) -> list[list[str]]:
    """Each `edgar-atm ...` invocation in a shell line, as its argument list."""
    out = []
    for part in re.split(r"&&|\||;|\bdo\b", line):
        words = shlex.split(part.replace("[", "").replace("]", ""), comments=True)
        names = [i for i, w in enumerate(words) if w == "edgar-atm" or (w.endswith("/bin/edgar-atm") and "=" not in w)]
        if names:
            words = words[names[0] + 1:]
            out.append(words[:words.index("&")] if "&" in words else words)
    return out


def parse_only(words: list[str]) -> click.Context:
    import warnings

    ctx = cli_group.make_context("edgar-atm", list(words))
    while isinstance(ctx.command, click.Group):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            rest = list(ctx.protected_args) + list(ctx.args)
        if not rest:
            break
        name, cmd, rest = ctx.command.resolve_command(ctx, rest)
        ctx = cmd.make_context(name, rest, parent=ctx)
    return ctx


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """`bash scripts/demo.sh` (the README's first command), into a temporary directory."""
    out = tmp_path_factory.mktemp("demo")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EDGAR_", "DATABASE_URL"))}
    env.update(EDGAR_ATM_DEMO_DIR=str(out), EDGAR_ATM_VENV=sys.prefix)
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "demo.sh")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return out, proc


def edgar_atm(*args, env=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "edgar_atm", *args], capture_output=True, text=True,
                          timeout=300, env=env, cwd=cwd)


@pytest.mark.slow
def test_the_demo_tells_the_story(demo):
    out, proc = demo
    db = f"sqlite:///{out / 'demo.sqlite'}"
    assert (out / "demo.sqlite").is_file() and (out / "demo-data").is_dir()
    for ticker, cik in DEMO_ISSUERS.items():
        result = edgar_atm("--db", db, "timeline", ticker)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert f"(CIK {cik}, " in lines[0] and ticker in lines[0]
        assert max(map(len, lines)) <= 100
        assert result.stdout in proc.stdout, "\n".join(__import__("difflib").unified_diff(
            proc.stdout[proc.stdout.index(lines[0]):].splitlines()[:len(lines)], lines))  # the demo printed it
    for ticker, cik in OTHER_TICKERS.items():  # in the database, not printed by the demo
        result = edgar_atm("--db", db, "timeline", ticker, "--json")
        assert result.returncode == 0 and f'"cik": {cik}' in result.stdout, (ticker, result.stderr)
    conn = sqlite3.connect(out / "demo.sqlite")
    per_issuer = dict(conn.execute(
        "SELECT cik, count(DISTINCT accession_number) FROM atm_timeline GROUP BY cik").fetchall())
    histories = [cik for cik, filings in per_issuer.items() if filings >= 2]
    assert len(histories) >= 3  # Watsco, Prothena, Healthpeak: several filings each
    types = {t for (t,) in conn.execute("SELECT DISTINCT event_type FROM atm_timeline")}
    assert {"program_established", "program_amended", "sales_reported", "suspended", "terminated"} <= types
    assert conn.execute("SELECT count(*) FROM atm_programs").fetchone()[0] >= 6
    assert conn.execute("SELECT count(*) FROM issuer_tickers WHERE ticker IN ('WSO', 'PRTA', 'DOC', 'CLRB', 'NEE')"
                        ).fetchone()[0] == 5
    assert len(histories) >= 6


@pytest.mark.slow
def test_every_readme_command_runs_or_parses(demo, tmp_path):
    out, _ = demo
    demo_db = out / "demo.sqlite"
    lines = command_lines()
    assert lines[0] == "bash scripts/demo.sh" and lines[1] == "bash scripts/test.sh"  # run by `demo`; this suite
    ran, parsed = [], []
    for line in lines:
        if line.startswith("bash "):
            assert (ROOT / line.split()[1]).is_file(), line
            continue
        if line.startswith(("python ", "PYTHONPATH=src python ")):
            script = shlex.split(line)[1 if line.startswith("python") else 2:]
            if script[0] == "-m":
                assert script[1] == "edgar_atm.fakeedgar"
            else:
                assert (ROOT / script[0]).is_file(), line
            continue
        for words in edgar_atm_words(line):
            try:
                ctx = parse_only(words)  # every command and option in the README exists
                command = ctx.command_path.split()[1:]
            except click.exceptions.Exit:  # --version, --help: eager options end parsing
                command = []
            if command and command[0] in ("timeline", "events", "programs") or words == ["--version"] \
                    or command[:2] in (["db", "current"], ["db", "upgrade"]):
                # Read-only (db upgrade: on a copy): run it for real against the demo database.
                work = tmp_path / "copy.sqlite"
                work.write_bytes(demo_db.read_bytes())
                args = [("sqlite:///" + str(work)) if w.startswith("sqlite:///") else w for w in words]
                env = dict(os.environ, DATABASE_URL=f"sqlite:///{work}")
                result = edgar_atm(*args, env=env, cwd=ROOT)
                assert result.returncode == 0, (line, result.stderr)
                assert result.stdout.strip(), line
                ran.append(line)
            else:
                parsed.append(line)
    assert len(ran) >= 8 and any("events" in l for l in ran) and any("timeline" in l for l in ran)
    assert any(" nightly" in l for l in parsed) and any(" backfill" in l for l in parsed)


@pytest.mark.slow
def test_every_readme_query_runs_on_the_demo_database(demo):
    out, _ = demo
    conn = sqlite3.connect(out / "demo.sqlite")
    queries = [body for lang, body in fenced_blocks(README) if lang == "sql"]
    assert len(queries) >= 8
    results = {}
    for sql in queries:
        name = re.search(r"-- cookbook: (\S+)", sql).group(1)
        results[name] = conn.execute(sql).fetchall()
    assert results["issuer-timeline"]  # CLRB, through issuer_tickers
    assert {row[1] for row in results["issuer-timeline"]} == {"suspended", "sales_reported"}
    assert results["agents-by-programs"] and results["recent-runs"]
