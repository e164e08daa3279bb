"""`edgar-atm parse`: JSON Lines, readable summary, per-file errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from edgar_atm.cli import cli_group

ROOT = Path(__file__).resolve().parents[2]
KEYS = ["path", "accession_number", "form_type", "cik", "company", "filed_date", "atm_related", "events"]
EVENT_KEYS = {
    "type", "agreement_type", "agreement_date", "amendment_date", "agents", "security", "max_amount",
    "offered_amount", "max_shares", "shares_sold", "gross_proceeds", "net_proceeds", "as_of",
    "remaining_amount", "effective_date", "commission_rate", "excerpt",
    "scope", "max_amount_increase", "agents_added", "agents_removed", "evidence", "confidence",
}


def test_json_lines_one_object_per_file(filings_dir, tmp_path):
    cellectar = str(filings_dir / "cellectar-424b3-2022-10-20-supplement.md")
    nextera = str(filings_dir / "submissions" / "0001193125-25-338333.txt")
    result = CliRunner().invoke(cli_group, ["parse", "--json", cellectar, nextera])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().split("\n")
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert list(first) == KEYS
    assert first["path"] == cellectar and first["accession_number"] is None and first["atm_related"] is True
    assert [e["type"] for e in first["events"]] == ["suspended", "sales_reported"]
    for ev in first["events"] + second["events"]:
        assert set(ev) == EVENT_KEYS
    sales = first["events"][1]
    assert (sales["shares_sold"], sales["gross_proceeds"], sales["as_of"]) == (4169, 69000, "2022-10-20")
    assert first["events"][0]["max_amount"] == 14500000 and first["events"][0]["agreement_date"] == "2020-08-11"
    assert second["accession_number"] == "0001193125-25-338333" and second["cik"] == 753308
    assert second["filed_date"] == "2025-12-31" and second["form_type"] == "424B5"
    assert second["events"][0]["type"] == "program_established"


def test_bad_files_are_reported_and_others_still_parsed(filings_dir, tmp_path):
    empty = tmp_path / "empty.htm"
    empty.write_bytes(b"")
    binary = tmp_path / "logo.htm"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    folder = tmp_path / "folder"
    folder.mkdir()
    good = str(filings_dir / "cellectar-424b3-2022-10-20-supplement.md")
    result = CliRunner().invoke(cli_group, ["parse", "--json", str(empty), good, str(binary), str(missing), str(folder)])
    assert result.exit_code == 1
    assert len(result.stdout.strip().split("\n")) == 1
    assert json.loads(result.stdout)["path"] == good
    assert f"{empty}: empty document" in result.stderr
    assert f"{binary}:" in result.stderr and "binary" in result.stderr
    assert f"{missing}:" in result.stderr and "No such file" in result.stderr
    assert f"{folder}:" in result.stderr and "directory" in result.stderr


def test_readable_summary(filings_dir):
    result = CliRunner().invoke(cli_group, ["parse", str(filings_dir / "cellectar-424b3-2022-10-20-supplement.md"),
                                            str(filings_dir / "submissions" / "0001918704-24-002559.txt")])
    assert result.exit_code == 0
    out = result.stdout
    assert "suspended, Equity Distribution Agreement of 2020-08-11, agents: Oppenheimer & Co. Inc." in out
    assert "sold 4,169 shares, gross $69,000, as of 2022-10-20" in out
    assert "424B2 0001918704-24-002559 BofA Finance LLC (CIK 1682472) filed 2024-12-31" in out
    assert "no ATM events (not about an ATM)" in out


def test_python_dash_m_entry_point(filings_dir):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.run(
        [sys.executable, "-m", "edgar_atm", "parse", "--json", str(filings_dir / "cellectar-424b3-2022-10-20-supplement.md")],
        capture_output=True, text=True, env=env, timeout=120, cwd=str(ROOT),
    )
    assert proc.returncode == 0, proc.stderr
    obj = json.loads(proc.stdout)
    assert [e["type"] for e in obj["events"]] == ["suspended", "sales_reported"]
